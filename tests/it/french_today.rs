//! The Today screen in French and English (issue 12): snapshots at 48×20 and 100×30 of a day
//! with boxes of several domains, a running box, meetings (one free) and an all-day event,
//! of what was done (`v`), of the quick-add prompt and of a status message
//! (`today_<state>_<lang>_<w>x<h>`), every row checked to fit; and the real binary in tmux
//! with `LANG=fr_FR.UTF-8`.

use std::process::Command;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serein::app::model::Model;
use serein::app::msg::Msg;
use serein::domain::meeting::{Meeting, MeetingTime};
use serein::domain::plan::{Kind, Timebox};
use serein::domain::session::{EndReason, Session, SessionKind, State};
use serein::i18n::{Lang, with_lang};
use unicode_width::UnicodeWidthStr;

use crate::{Env, at, day, model_at};

const SIZES: [(u16, u16); 2] = [(48, 20), (100, 30)];

/// The screen as text, every row checked to fit the width (the test backend quotes rows).
fn screen(m: &Model, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| serein::ui::view(m, f)).unwrap();
    let s = t.backend().to_string();
    for line in s.lines() {
        // A row with a wide symbol (⏰) is followed by the backend's note about it.
        let row = line
            .split(" Hidden by multi-width symbols")
            .next()
            .unwrap_or(line);
        assert!(
            row.width() <= usize::from(w) + 2,
            "row wider than {w}:\n{s}"
        );
    }
    s
}

fn tbox(id: i64, (h1, m1): (u16, u16), (h2, m2): (u16, u16), title: &str, domain: &str) -> Timebox {
    Timebox {
        id,
        date: day(),
        start: h1 * 60 + m1,
        end: h2 * 60 + m2,
        title: title.into(),
        // `break`: a break in the work domain.
        domain: if domain == "break" { "work" } else { domain }.into(),
        kind: if domain == "break" {
            Kind::Break
        } else {
            Kind::Focus
        },
        done: false,
    }
}

fn meeting(title: &str, (h1, m1): (u32, u32), (h2, m2): (u32, u32), free: bool) -> Meeting {
    Meeting {
        uid: format!("{title}@example"),
        instance: None,
        title: title.into(),
        calendar: "work".into(),
        domain: "work".into(),
        time: MeetingTime::Timed {
            start: at(h1, m1).and_utc(),
            end: at(h2, m2).and_utc(),
        },
        free,
    }
}

fn session(
    id: i64,
    title: &str,
    timebox: Option<i64>,
    (h, m): (u32, u32),
    planned: i64,
) -> Session {
    let mut s = Session::start(
        title,
        "work",
        SessionKind::Focus,
        timebox,
        planned * 60,
        at(h, m).and_utc(),
        day(),
        0,
    );
    s.id = id;
    s
}

/// Monday 23 Nov 2026 at 10:20: the report runs (20 min over), a standup was logged, an
/// unplanned reading happened at 08:00; meetings at 10:30 (busy) and 15:00 (free), an
/// all-day offsite.
fn day_model() -> Model {
    let mut m = model_at(at(10, 20));
    m.today.date = day();
    m.today.loaded = true;
    m.today.boxes = vec![
        tbox(1, (9, 0), (10, 0), "Rapport trimestriel", "work"),
        tbox(2, (11, 0), (12, 0), "Relecture du code", "work"),
        tbox(3, (12, 0), (12, 15), "Étirements", "break"),
        tbox(4, (12, 30), (13, 30), "Déjeuner avec Sam", "social"),
        tbox(5, (16, 30), (17, 0), "Course", "health"),
        tbox(6, (17, 30), (18, 0), "Appeler maman", "family"),
    ];
    m.today.selected = Some(1);
    m.timer.session = Some(session(4, "Rapport trimestriel", Some(1), (9, 0), 60));
    let mut reading = session(2, "Lecture", None, (8, 0), 40);
    reading.state = State::Ended {
        at: at(8, 40).and_utc(),
        reason: EndReason::Finished,
        overrun_s: 0,
    };
    m.timer.sessions_today = vec![reading];
    m.today.calendars.meetings = vec![
        meeting("Point d’équipe", (10, 30), (10, 45), false),
        meeting("Permanence", (15, 0), (16, 0), true),
        Meeting {
            uid: "offsite@example".into(),
            instance: None,
            title: "Séminaire".into(),
            calendar: "work".into(),
            domain: "work".into(),
            time: MeetingTime::AllDay {
                first: day(),
                last: day(),
            },
            free: false,
        },
    ];
    m.today.calendars.date = Some(day());
    m
}

fn key(m: &mut Model, code: KeyCode) {
    let k = Msg::Key(KeyEvent::new(code, KeyModifiers::NONE));
    serein::app::update::update(m, k, at(10, 20));
}

/// The states shown, each built in the language it is drawn in (status messages are worded
/// when they are made).
fn today_model(state: &str) -> Model {
    let mut m = day_model();
    match state {
        "done" => key(&mut m, KeyCode::Char('v')),
        "add" => {
            key(&mut m, KeyCode::Char('a'));
            for c in "45m Lire".chars() {
                key(&mut m, KeyCode::Char(c));
            }
        }
        "deleted" => {
            m.today.selected = Some(5);
            key(&mut m, KeyCode::Char('d'));
            // As the reload after the save shows it.
            m.today.boxes.retain(|b| b.id != 5);
        }
        "meeting" => {
            // Down from the report past the standup and three boxes: the free meeting.
            for _ in 0..5 {
                key(&mut m, KeyCode::Char('j'));
            }
            m.status = None;
        }
        _ => {}
    }
    m
}

const STATES: [&str; 5] = ["day", "done", "add", "deleted", "meeting"];

#[test]
fn today_in_both_languages_at_48x20_and_100x30() {
    for state in STATES {
        for lang in Lang::ALL {
            for (w, h) in SIZES {
                let s = with_lang(lang, || screen(&today_model(state), w, h));
                assert_snapshot!(format!("today_{state}_{}_{w}x{h}", lang.code()), s);
            }
        }
    }
}

/// Words that must read French on each state (wide and narrow), and English words that must
/// not be left.
#[test]
fn french_today_has_no_english_left() {
    // (state, words at every width, words in the wide pane only: the narrow one cuts them).
    let words: [(&str, &[&str], &[&str]); 5] = [
        (
            "day",
            &[
                "aujourd’hui",
                "de libre",
                "maintenant",
                "minuteur",
                "travail",
                "aide",
                "quitter",
            ],
            &["réunion", "Séminaire", "pause", "blocs", "supprimer"],
        ),
        (
            "done",
            &[
                "● fait",
                "prévu",
                "v plan",
                "affichage de ce qui a été fait",
            ],
            &["imprévu"],
        ),
        (
            "add",
            &["ajouter ›", "45m Lire", "ex. 10:30-12"],
            &["enregistrer", "annuler"],
        ),
        ("deleted", &["« Course » supprimé — u pour annuler"], &[]),
        (
            "meeting",
            &["◇ Permanence", "◇ 15:00–16:00", "agenda work"],
            &["lecture seule", "temps libre"],
        ),
    ];
    for (state, always, wide) in words {
        for (w, h) in SIZES {
            let s = with_lang(Lang::Fr, || screen(&today_model(state), w, h));
            let want = always.iter().chain(if w >= 100 { wide } else { &[] });
            for word in want {
                assert!(s.contains(word), "{state} {w}x{h}: {word:?}\n{s}");
            }
            for english in [
                "today",
                " now",
                "free",
                "meeting",
                "planned",
                "done ",
                "unplanned",
                "break",
                " add",
                "help",
                "quit ",
                "calendar",
                "read-only",
                "boxes",
                "deleted",
                "undo",
                "overlap",
                "timer",
                "save",
                "cancel",
                "Mon ",
                "Monday",
                "November",
            ] {
                assert!(
                    !s.contains(english),
                    "{state} {w}x{h}: English {english:?} in French:\n{s}"
                );
            }
        }
    }
}

/// The English header is the one it always was: chrono's `%A %d %B %Y` / `%a %d %b`, the
/// day zero-padded (2 December shows `02`).
#[test]
fn english_header_dates_are_unchanged() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let mut m = model_at(d.and_hms_opt(9, 0, 0).unwrap());
    m.today.date = d;
    m.today.loaded = true;
    let narrow = with_lang(Lang::En, || screen(&m, 48, 20));
    assert!(narrow.contains(" Wed 02 Dec · today"), "{narrow}");
    let wide = with_lang(Lang::En, || screen(&m, 100, 30));
    assert!(
        wide.contains(" Wednesday 02 December 2026 · today"),
        "{wide}"
    );
    let narrow = with_lang(Lang::Fr, || screen(&m, 48, 20));
    assert!(narrow.contains(" mer. 02 déc. · aujourd’hui"), "{narrow}");
    let wide = with_lang(Lang::Fr, || screen(&m, 100, 30));
    assert!(
        wide.contains(" mercredi 02 décembre 2026 · aujourd’hui"),
        "{wide}"
    );
}

/// serein in tmux with `LANG=fr_FR.UTF-8` (after the test defaults, so it wins).
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(env: &Env, lang: &str, width: u16, height: u16) -> Option<Tmux> {
        if !matches!(Command::new("tmux").arg("-V").output(), Ok(o) if o.status.success()) {
            crate::skip::skip("French Today end-to-end test: tmux is not installed");
            return None;
        }
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let socket = format!("serein-fr-today-{}-{n}", std::process::id());
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg("env");
        for (k, v) in env.vars() {
            if k != "LANG" {
                cmd.arg(format!("{k}={v}"));
            }
        }
        cmd.arg(format!("LANG={lang}"))
            .arg("TERM=xterm-256color")
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

    fn literal(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "0", "-l", text])
                .status
                .success()
        );
    }

    /// Waits (up to 10 s) until the screen shows `text`.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout)
                .into_owned();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?} on:\n{s}"
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

/// The real binary at 48×20 with `LANG=fr_FR.UTF-8`: the header, the timeline, the footer,
/// the key hints, the quick-add prompt and its status message read French.
#[test]
fn the_binary_shows_today_in_french() {
    let env = Env::new();
    env.cmd()
        .args([
            "plan",
            "add",
            "09:00-10:00 Rapport #work",
            "--date",
            "2026-11-23",
        ])
        .assert()
        .success();
    let Some(t) = Tmux::start(&env, "fr_FR.UTF-8", 48, 20) else {
        return;
    };
    let s = t.wait_for("lun. 23 nov. · aujourd’hui");
    assert!(s.contains("Rapport"), "{s}");
    assert!(s.contains("travail 1h/8h"), "{s}");
    assert!(s.contains("a ajouter · ? aide · q quitter"), "{s}");
    assert!(s.contains("de libre"), "{s}");
    fits(&s, 48);
    t.key("a");
    let s = t.wait_for("ajouter ›");
    assert!(s.contains("ex. 10:30-12"), "{s}");
    fits(&s, 48);
    t.literal("10:30-11 Courriels");
    t.key("Enter");
    let s = t.wait_for("ajouté 10:30-11:00 Courriels");
    fits(&s, 48);
    t.key("]");
    let s = t.wait_for("demain");
    assert!(s.contains("aucun bloc ce jour"), "{s}");
    fits(&s, 48);
    t.key("q");
}
