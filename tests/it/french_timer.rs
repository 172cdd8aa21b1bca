//! The Timer screen in French and English (running, paused, overrun, ended with an offer) at
//! 48×20 and 100×30 (`timer_<state>_<lang>_<w>x<h>`), and config errors in the
//! environment's language.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use serein::app::model::{Model, Offer, Screen};
use serein::domain::session::{EndReason, Session, SessionKind};
use serein::i18n::{Lang, with_lang};
use unicode_width::UnicodeWidthStr;

use crate::{Env, at, day, model_at};

const SIZES: [(u16, u16); 2] = [(48, 20), (100, 30)];

fn session(start_min: u32) -> Session {
    let mut s = Session::start(
        "Write quarterly report",
        "work",
        SessionKind::Focus,
        Some(1),
        25 * 60,
        at(9, start_min).and_utc(),
        day(),
        0,
    );
    s.id = 1;
    s
}

fn timer_model(state: &str) -> Model {
    let mut m = model_at(at(9, 41));
    m.screen = Screen::Timer;
    match state {
        "ended" => {
            let mut s = session(10);
            s.end(EndReason::Finished, at(9, 37).and_utc()).unwrap();
            m.timer.last_ended = Some(s);
            m.timer.offer = Some(Offer::Break {
                minutes: 5,
                domain: "work".into(),
            });
            return m;
        }
        "paused" => {
            let mut s = session(30);
            s.pause(at(9, 35).and_utc()).unwrap();
            m.timer.session = Some(s);
        }
        "overrun" => m.timer.session = Some(session(10)),
        _ => m.timer.session = Some(session(30)),
    }
    if let Some(s) = m.timer.session.as_mut() {
        s.interruptions = 2;
        s.note = Some("call Ana".into());
    }
    m
}

/// The screen as text, painted cells as `█`, every row checked to fit the width.
fn screen(m: &Model, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| {
        serein::ui::view(m, f);
        for c in f.buffer_mut().content.iter_mut() {
            if c.symbol() == " " && c.modifier.contains(Modifier::REVERSED) {
                c.set_symbol("█");
            }
        }
    })
    .unwrap();
    let s = t.backend().to_string();
    for line in s.lines() {
        assert!(
            line.width() <= usize::from(w) + 2,
            "row wider than {w}:\n{s}"
        );
    }
    s
}

#[test]
fn timer_screen_in_both_languages() {
    for state in ["running", "paused", "overrun", "ended"] {
        let m = timer_model(state);
        for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
            for (w, h) in SIZES {
                let s = with_lang(lang, || screen(&m, w, h));
                assert_snapshot!(format!("timer_{state}_{code}_{w}x{h}"), s);
            }
        }
    }
}

#[test]
fn timer_words_are_french() {
    let m = timer_model("overrun");
    let s = with_lang(Lang::Fr, || screen(&m, 100, 30));
    assert!(s.contains("de plus"), "{s}");
    assert!(s.contains("2 interruptions"), "{s}");
    assert!(!s.contains(" over"), "{s}");
    let m = timer_model("paused");
    let s = with_lang(Lang::Fr, || screen(&m, 100, 30));
    assert!(s.contains("en pause"), "{s}");
    assert!(s.contains("note : call Ana"), "{s}");
}

/// A config that can't be read is worded in the environment's language (its own
/// `language =` could not be trusted); once read, its `language =` words its warnings.
#[test]
fn config_errors_follow_lang_then_the_file() {
    let env = Env::new();
    env.write_config("day_start = \"8h61\"\n");
    let out = env
        .cmd()
        .env("LANG", "fr_FR.UTF-8")
        .args(["config", "check"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(
        err.contains("config.toml:1:13: day_start : ")
            || err.contains("config.toml:1:13: day_start: "),
        "{err}"
    );
    assert!(err.contains("n’est pas une heure ; attendu HH:MM"), "{err}");
    assert!(err.starts_with("serein : "), "{err}");

    // Broken, with `language = "fr"` but LANG English: English (the file wasn't read).
    env.write_config("language = \"fr\"\nstep_minutes = \"often\"\n");
    let out = env.cmd().args(["config", "check"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("is not a length: expected a whole number"),
        "{err}"
    );

    // Read, with `language = "fr"`: its problems in French whatever LANG says.
    env.write_config("language = \"fr\"\nstep_minutes = 0\n");
    let out = env.cmd().args(["config", "check"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("step_minutes = 0 : attendu de 1 à 240 minutes"),
        "{err}"
    );
    env.write_config("language = \"fr\"\nsurprise = 1\n");
    let out = env.cmd().args(["config", "check"]).output().unwrap();
    let all = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    assert!(all.contains("clé inconnue `surprise` ignorée"), "{all}");
}
