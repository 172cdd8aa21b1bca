//! The screens in French and English: snapshots of Breathe (every stage) and the help
//! overlay at 48×20 and 100×30 in both languages (`<screen>_<state>_<lang>_<w>x<h>`), and the
//! real binary in tmux with `LANG=fr_FR.UTF-8` / `language =` in the config.

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serein::app::model::{Breath, BreathStage, Model, Screen};
use serein::app::msg::Msg;
use serein::domain::breath::{Exercise, preset};
use serein::i18n::{Lang, with_lang};
use serein::shell::Shell;
use serein::store::Store;
use unicode_width::UnicodeWidthStr;

use crate::{Env, at, full_day, model_at};

const SIZES: [(u16, u16); 2] = [(48, 20), (100, 30)];

/// The screen as text, every row checked to fit the width (the test backend quotes rows).
fn screen(m: &Model, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| serein::ui::view(m, f)).unwrap();
    let s = t.backend().to_string();
    for line in s.lines() {
        assert!(
            line.width() <= usize::from(w) + 2,
            "row wider than {w}:\n{s}"
        );
    }
    s
}

fn breath(pattern: &str, stage: BreathStage) -> Model {
    let mut m = model_at(at(10, 0));
    m.screen = Screen::Breathe;
    m.breathe.breath = Some(Breath {
        exercise: Exercise::default_for(preset(pattern).unwrap()),
        stage,
        session: None,
        last_phase: None,
        reduce_motion: false,
        standalone: false,
    });
    m
}

fn running(paused: bool) -> BreathStage {
    let started = at(10, 0).and_utc() - Span::milliseconds(2000);
    BreathStage::Running {
        started,
        paused_at: paused.then_some(at(10, 0).and_utc()),
        paused_ms: 0,
    }
}

/// Words each stage must show, English then French.
fn stages() -> Vec<(&'static str, Model, [&'static str; 2])> {
    let mut choosing = model_at(at(10, 0));
    serein::app::breathe::open(&mut choosing);
    vec![
        (
            "choosing",
            choosing,
            ["Cardiac coherence", "Cohérence cardiaque"],
        ),
        (
            "safety",
            breath("box", BreathStage::Safety),
            ["Breathe gently", "Respirez doucement"],
        ),
        (
            "inhale",
            breath("box", running(false)),
            ["Inhale", "Inspirez"],
        ),
        (
            "paused",
            breath("box", running(true)),
            ["Paused", "En pause"],
        ),
        (
            "done",
            breath(
                "box",
                BreathStage::Done {
                    completed: true,
                    secs: 300.0,
                },
            ),
            ["done after", "terminé après"],
        ),
    ]
}

#[test]
fn breathe_in_both_languages_at_48x20_and_100x30() {
    for (state, m, words) in stages() {
        for (lang, word) in Lang::ALL.into_iter().zip(words) {
            for (w, h) in SIZES {
                let s = with_lang(lang, || screen(&m, w, h));
                assert!(s.contains(word), "{state} {lang:?} {w}x{h}: {word}\n{s}");
                assert_snapshot!(format!("breathe_{state}_{}_{w}x{h}", lang.code()), s);
            }
        }
    }
}

#[test]
fn french_breathe_has_no_english_left() {
    for (state, m, _) in stages() {
        for (w, h) in SIZES {
            let s = with_lang(Lang::Fr, || screen(&m, w, h));
            for english in [
                "Breathe", "Inhale", "Exhale", "Hold", "cycle ", "left", "choose", "start", "back",
                "help", "Before", "logged", "Paused", "then",
            ] {
                // Key names (esc, space) are not words to translate; "Breathe" would be the
                // title; "cycle" is French too, so it's checked with its English neighbour.
                if english == "cycle " && s.contains("cycle ") && !s.contains(" left") {
                    continue;
                }
                assert!(
                    !s.contains(english),
                    "{state} {w}x{h}: English {english:?} in French:\n{s}"
                );
            }
        }
    }
}

/// The help overlay on the Today and Breathe screens, loaded the way the app loads.
fn help_on(keys: &[char]) -> Model {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_many(&full_day()).unwrap();
    let mut m = model_at(at(10, 20));
    let now = m.now;
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, now);
    for c in keys.iter().chain(&['?']) {
        let k = Msg::Key(KeyEvent::new(KeyCode::Char(*c), KeyModifiers::NONE));
        shell.dispatch(&mut m, k, now);
    }
    m
}

#[test]
fn help_in_both_languages_at_48x20_and_100x30() {
    for (name, keys, words) in [
        (
            "today",
            &[][..],
            [["next box", "keys"], ["bloc suivant", "touches"]],
        ),
        (
            "breathe",
            &['b'][..],
            [
                ["next pattern", "never force"],
                ["précédent", "sans jamais forcer"],
            ],
        ),
        (
            "review",
            &['w', 'r'][..],
            [["lower a rating", "digits"], ["baisser note", "chiffres"]],
        ),
    ] {
        let m = help_on(keys);
        for (lang, words) in Lang::ALL.into_iter().zip(words) {
            for (w, h) in SIZES {
                let s = with_lang(lang, || screen(&m, w, h));
                let close = match lang {
                    Lang::En => "any key closes this help",
                    Lang::Fr => "une touche quelconque ferme l’aide",
                };
                // The closing line and the box's bottom always show, whatever the language.
                assert!(s.contains(close), "{name} {lang:?} {w}x{h}\n{s}");
                assert!(s.contains('└') && s.contains('┘'), "{name} {w}x{h}\n{s}");
                for word in words {
                    assert!(s.contains(word), "{name} {lang:?} {w}x{h}: {word}\n{s}");
                }
                assert_snapshot!(format!("help_{name}_{}_{w}x{h}", lang.code()), s);
            }
        }
    }
}

/// serein in tmux with extra environment (after the test defaults, so it wins).
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(env: &Env, extra: &[(&str, &str)], width: u16, height: u16) -> Option<Tmux> {
        if !matches!(Command::new("tmux").arg("-V").output(), Ok(o) if o.status.success()) {
            crate::skip::skip("French end-to-end test: tmux is not installed");
            return None;
        }
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let socket = format!("serein-fr-test-{}-{n}", std::process::id());
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg("env");
        for (k, v) in env.vars() {
            if !extra.iter().any(|(e, _)| *e == k) {
                cmd.arg(format!("{k}={v}"));
            }
        }
        for (k, v) in extra {
            cmd.arg(format!("{k}={v}"));
        }
        cmd.arg("TERM=xterm-256color")
            .arg(assert_cmd::cargo::cargo_bin("serein"));
        assert!(cmd.status().expect("tmux runs").success());
        Some(Tmux { socket })
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux")
    }

    fn key(&self, k: &str) {
        assert!(self.tmux(&["send-keys", "-t", "0", k]).status.success());
    }

    /// Waits (up to 10 s) until the screen shows `text`.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, true)
    }

    /// Closes the help with esc and waits until it has gone (a key sent right after esc
    /// could be read as alt-key).
    fn close_help(&self, closing_line: &str) {
        self.key("Escape");
        self.wait_until(closing_line, false);
    }

    fn wait_until(&self, text: &str, shown: bool) -> String {
        let start = Instant::now();
        loop {
            let s = String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout)
                .into_owned();
            if s.contains(text) == shown {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?} to be shown: {shown}, on:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn fits(s: &str, w: usize) {
    assert!(s.lines().all(|l| l.width() <= w), "wider than {w}:\n{s}");
}

#[test]
fn the_binary_speaks_french_with_lang_fr_and_language_fr() {
    // LANG alone, then the config's `language = "fr"` under an English LANG.
    for (config, lang) in [("", "fr_FR.UTF-8"), ("language = \"fr\"\n", "C.UTF-8")] {
        let env = Env::new();
        env.write_config(config);
        let Some(t) = Tmux::start(&env, &[("LANG", lang)], 48, 20) else {
            return;
        };
        t.wait_for("23");
        t.key("?");
        let s = t.wait_for("touches");
        assert!(s.contains("aide"), "{config:?} {lang}:\n{s}");
        fits(&s, 48);
        t.close_help("une touche quelconque ferme l’aide");
        t.key("b");
        let s = t.wait_for("Respirer");
        assert!(s.contains("Cohérence cardiaque"), "{s}");
        assert!(s.contains("choisir") && s.contains("démarrer"), "{s}");
        fits(&s, 48);
        t.key("?");
        let s = t.wait_for("précédent");
        assert!(s.contains("Respirez doucement"), "{s}");
        fits(&s, 48);
        t.close_help("une touche quelconque ferme l’aide");
        t.key("Enter");
        let s = t.wait_for("Avant de commencer");
        fits(&s, 48);
        t.key("Enter");
        let s = t.wait_for("reste");
        assert!(s.contains("cycle"), "{s}");
        assert!(
            ["Inspirez", "Expirez"].iter().any(|w| s.contains(w)),
            "no French phase word:\n{s}"
        );
        fits(&s, 48);
    }
}

#[test]
fn language_en_in_the_config_beats_lang_fr() {
    let env = Env::new();
    env.write_config("language = \"en\"\n");
    let Some(t) = Tmux::start(&env, &[("LANG", "fr_FR.UTF-8")], 48, 20) else {
        return;
    };
    t.wait_for("23");
    t.key("?");
    let s = t.wait_for("any key closes this help");
    assert!(!s.contains("touches") && !s.contains("aide"), "{s}");
    t.close_help("any key closes this help");
    t.key("b");
    let s = t.wait_for("Breathe");
    assert!(s.contains("Cardiac coherence"), "{s}");
    assert!(!s.contains("Respirer"), "{s}");
}
