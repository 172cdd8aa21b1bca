//! Guided breathing: the Breathe screen in every phase, flows through `update` (safety text
//! once, pause, stop logs the partial session), 30 fps only while visible, reminders, CLI.

use std::io;

use chrono::Duration;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use futures_util::StreamExt;
use insta::assert_snapshot;
use predicates::str::contains;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serein::app::model::{Breath, BreathStage, Model, Screen};
use serein::app::msg::Msg;
use serein::domain::breath::{Exercise, preset};
use serein::domain::plan::Kind;
use serein::domain::session::{EndReason, SessionKind, State};
use serein::shell::clock::Clock;
use serein::shell::{RecordingDesktop, Shell};
use serein::store::Store;

use crate::{Env, TokioClock, at, day, model_at, nb};

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn running(pattern: &str, elapsed_ms: i64, reduce_motion: bool) -> Model {
    let mut m = model_at(at(10, 0));
    m.screen = Screen::Breathe;
    m.breathe.breath = Some(Breath {
        exercise: Exercise::default_for(preset(pattern).unwrap()),
        stage: BreathStage::Running {
            started: at(10, 0).and_utc() - Duration::milliseconds(elapsed_ms),
            paused_at: None,
            paused_ms: 0,
        },
        session: None,
        last_phase: None,
        reduce_motion,
        standalone: false,
    });
    m
}

fn screen(m: &Model, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| serein::ui::view(m, f)).unwrap();
    t.backend().to_string()
}

#[test]
fn breathe_screen_snapshots() {
    // Box breathing: inhale 0-4 s, hold 4-8, exhale 8-12, hold 12-16.
    for (name, ms) in [
        ("inhale", 2000),
        ("hold_full", 6000),
        ("exhale", 10_000),
        ("hold_empty", 14_000),
    ] {
        let s = screen(&running("box", ms, false), 80, 24);
        assert_snapshot!(format!("breathe_box_{name}_80x24"), s);
    }
    assert_snapshot!(
        "breathe_sigh_top_up_80x24",
        screen(&running("sigh", 2500, false), 80, 24)
    );
    assert_snapshot!(
        "breathe_narrow_bar_36x12",
        screen(&running("coherence", 2500, false), 36, 12)
    );
    let calm = screen(&running("box", 6000, true), 80, 24);
    assert!(
        !calm.contains('⣿') && !calm.contains('⠁') && !calm.contains('█'),
        "reduce motion draws no shape:\n{calm}"
    );
    assert_snapshot!("breathe_reduce_motion_80x24", calm);
}

#[test]
fn the_shape_grows_on_inhale_and_shrinks_on_exhale() {
    // Count drawn Braille dots: more dots = a bigger circle.
    let dots = |ms| {
        screen(&running("coherence", ms, false), 80, 24)
            .chars()
            .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
            .count()
    };
    let (start, mid_in, top, mid_out) = (dots(50), dots(2500), dots(4950), dots(7500));
    assert!(start < mid_in && mid_in < top, "{start} {mid_in} {top}");
    assert!(mid_out < top && mid_out > start, "{mid_out}");
}

#[test]
fn choose_safety_once_pause_and_stop_logs_the_partial_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let reader = Store::open(&path).unwrap();
    let mut m = model_at(at(10, 0));
    let mut shell = Shell::new(&mut store);
    let t = |ms: i64| at(10, 0) + Duration::milliseconds(ms);
    shell.start(&mut m, t(0));
    shell.dispatch(&mut m, key(KeyCode::Char('b')), t(0));
    assert_eq!(m.screen, Screen::Breathe);
    assert!(matches!(
        m.breathe.breath.as_ref().unwrap().stage,
        BreathStage::Choosing(0)
    ));
    // j: the next pattern (coherence-4-6); k back to coherence.
    shell.dispatch(&mut m, key(KeyCode::Char('j')), t(0));
    shell.dispatch(&mut m, key(KeyCode::Char('k')), t(0));
    shell.dispatch(&mut m, key(KeyCode::Enter), t(0));
    assert_eq!(
        m.breathe.breath.as_ref().unwrap().stage,
        BreathStage::Safety,
        "first use shows the safety text"
    );
    assert!(screen(&m, 80, 24).contains("never force it"));
    shell.dispatch(&mut m, key(KeyCode::Enter), t(0));
    assert!(m.animating());
    // 30 s in: pause 10 s, resume, stop at 50 s → 40 s of practice logged as stopped.
    shell.dispatch(&mut m, Msg::Frame, t(30_000));
    shell.dispatch(&mut m, key(KeyCode::Char(' ')), t(30_000));
    assert!(!m.animating(), "no frames while paused");
    shell.dispatch(&mut m, key(KeyCode::Char(' ')), t(40_000));
    shell.dispatch(&mut m, key(KeyCode::Esc), t(50_000));
    assert!(matches!(
        m.breathe.breath.as_ref().unwrap().stage,
        BreathStage::Done {
            completed: false,
            ..
        }
    ));
    let logged = reader.sessions(day(), day()).unwrap();
    assert_eq!(logged.len(), 1);
    let s = &logged[0];
    assert_eq!(
        (s.kind, s.title.as_str()),
        (SessionKind::Breathing, "Cardiac coherence (365)")
    );
    assert!(matches!(
        s.state,
        State::Ended {
            reason: EndReason::Stopped,
            ..
        }
    ));
    assert_eq!(s.actual_s(t(99_000).and_utc()), 40);
    // Again: no safety text the second time; a full session counts towards today's goal.
    shell.dispatch(&mut m, key(KeyCode::Enter), t(60_000));
    assert!(matches!(
        m.breathe.breath.as_ref().unwrap().stage,
        BreathStage::Running { .. }
    ));
    shell.dispatch(&mut m, Msg::Tick, t(60_000 + 301_000));
    assert!(matches!(
        m.breathe.breath.as_ref().unwrap().stage,
        BreathStage::Done {
            completed: true,
            ..
        }
    ));
    assert_eq!(m.breaths_today(), 1);
    shell.dispatch(&mut m, key(KeyCode::Esc), t(362_000));
    assert_eq!(m.screen, Screen::Today);
    let s = screen(&m, 80, 24);
    assert!(s.contains("breathe 1/3"), "{s}");
}

async fn run_for(keys: &[KeyCode], secs: u64) -> serein::shell::RunStats {
    let mut store = Store::open_in_memory().unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(14, 0),
    };
    let mut model = model_at(clock.local());
    // The safety text was seen before (a past session of this pattern).
    model
        .breathe
        .seen_patterns
        .insert("Cardiac coherence (365)".into());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let events: Vec<io::Result<Event>> = keys
        .iter()
        .map(|k| Ok(Event::Key(KeyEvent::new(*k, KeyModifiers::NONE))))
        .collect();
    let events = futures_util::stream::iter(events).chain(futures_util::stream::pending());
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    serein::shell::run(
        &mut terminal,
        &mut model,
        &mut store,
        &clock,
        events,
        &mut inbox,
        Box::new(RecordingDesktop::default()),
        tokio::time::sleep(std::time::Duration::from_secs(secs)),
    )
    .await
    .unwrap()
}

#[tokio::test(start_paused = true)]
async fn thirty_frames_a_second_only_while_the_shape_is_on_screen() {
    let breathing = run_for(&[KeyCode::Char('b'), KeyCode::Enter], 10).await;
    assert!((280..=310).contains(&breathing.frames), "{breathing:?}");
    assert!(breathing.draws >= 280, "{breathing:?}");
    // Stopped and back on Today: no frames at all.
    let idle = run_for(
        &[
            KeyCode::Char('b'),
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Esc,
        ],
        10,
    )
    .await;
    // At most the frame that fired between the keys; none after the stop.
    assert!(idle.frames <= 2, "{idle:?}");
    assert!(idle.draws <= 12, "{idle:?}");
}

#[test]
fn reminders_come_once_wait_for_focus_and_snooze() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(12 * 60, 12 * 60 + 30, "Focus", "work", Kind::Focus)])
        .unwrap();
    let desktop = RecordingDesktop::default();
    let mut m = model_at(at(8, 29));
    let mut shell = Shell::with_desktop(&mut store, Box::new(desktop.clone()));
    shell.start(&mut m, at(8, 29));
    let sent = || {
        desktop
            .recorded()
            .notifications
            .iter()
            .filter(|n| n.summary == "Time to breathe")
            .count()
    };
    shell.dispatch(&mut m, Msg::Tick, at(8, 29));
    assert_eq!(sent(), 0);
    shell.dispatch(&mut m, Msg::Tick, at(8, 30));
    assert_eq!(sent(), 1);
    assert!(m.status.as_ref().unwrap().text.contains("time to breathe"));
    shell.dispatch(&mut m, Msg::Tick, at(8, 31));
    assert_eq!(sent(), 1, "once");
    // z snoozes 10 minutes, then it comes back.
    shell.dispatch(&mut m, key(KeyCode::Char('z')), at(8, 32));
    shell.dispatch(&mut m, Msg::Tick, at(8, 40));
    assert_eq!(sent(), 1);
    shell.dispatch(&mut m, Msg::Tick, at(8, 43));
    assert_eq!(sent(), 2);
    // At noon a focus box runs: the reminder waits for it to end.
    shell.dispatch(&mut m, Msg::Tick, at(11, 59));
    shell.dispatch(&mut m, key(KeyCode::Enter), at(12, 0));
    assert!(m.timer.session.is_some());
    shell.dispatch(&mut m, Msg::Tick, at(12, 1));
    assert_eq!(sent(), 2, "held during focus");
    shell.dispatch(&mut m, key(KeyCode::Char('x')), at(12, 20));
    shell.dispatch(&mut m, key(KeyCode::Esc), at(12, 20));
    shell.dispatch(&mut m, Msg::Tick, at(12, 21));
    assert_eq!(sent(), 3, "after the box");
}

#[test]
fn cli_breathe_list_and_bad_input() {
    let env = Env::new();
    env.cmd()
        .args(["breathe", "--list"])
        .assert()
        .success()
        .stdout(
            contains("coherence")
                .and(contains("in 4 · hold 4 · out 4 · hold 4"))
                .and(contains("never force it")),
        );
    let cases: &[(&[&str], &str)] = &[
        (&["breathe", "nope"], "no breathing pattern \"nope\""),
        (&["breathe", "--minutes", "0"], "0 min is not accepted"),
        (&["breathe", "--minutes", "-3"], "not accepted"),
        (&["breathe", "--cycles", "1000"], "use 1 to 600 cycles"),
        (&["breathe", "478", "--cycles", "9"], "use 1 to 8 cycles"),
    ];
    for (args, frag) in cases {
        env.cmd()
            .args(*args)
            .assert()
            .code(2)
            .stderr(contains(*frag));
    }
    // Custom patterns are validated with the file position; fast ones warn.
    env.write_config(
        "[[breathing.pattern]]\nname = \"quick\"\nphases = [[\"inhale\", 1], [\"exhale\", 2]]\n",
    );
    let file = env.config_file().display().to_string();
    env.cmd()
        .args(["breathe", "--list"])
        .assert()
        .code(2)
        .stderr(contains(format!("{file}:3:1")).and(contains("phase 1")));
    env.write_config(
        "[[breathing.pattern]]\nname = \"brisk\"\nphases = [[\"inhale\", 2], [\"exhale\", 2]]\n",
    );
    env.cmd()
        .args(["breathe", "--list"])
        .assert()
        .success()
        .stdout(contains("brisk"))
        .stderr(contains("no longer slow breathing"));
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn help_on_the_breathe_screen_has_its_keys_and_the_safety_texts() {
    let mut m = running("box", 2000, false);
    m.mode = serein::app::model::Mode::Help;
    let s = screen(&m, 80, 30);
    assert!(s.contains("pause / resume"), "{s}");
    assert!(s.contains("holds are optional"), "{s}");
}

#[test]
fn custom_pattern_errors_point_at_the_phase_and_names_are_unique() {
    let env = Env::new();
    env.write_config(
        "[[breathing.pattern]]\nname = \"calm\"\nphases = [\n  [\"inhale\", 4],\n  [\"exhale\", 30],\n]\n",
    );
    let file = env.config_file().display().to_string();
    env.cmd()
        .args(["breathe", "--list"])
        .assert()
        .code(2)
        .stderr(contains(format!("{file}:5:3")).and(contains("phase 2")));
    env.write_config(
        "[[breathing.pattern]]\nname = \"calm\"\nphases = [[\"inhale\", 6], [\"hold\", 0], [\"exhale\", 6]]\n[[breathing.pattern]]\nname = \"calm\"\nphases = [[\"inhale\", 4], [\"exhale\", 4]]\n",
    );
    env.cmd()
        .args(["breathe", "--list"])
        .assert()
        .code(2)
        .stderr(contains(format!("{file}:5:1")).and(contains("defined twice")));
}

/// Keys `b` then Enter (coherence, safety text already seen) arriving `delay_ms` after the
/// start, then nothing.
fn breathe_keys_after(
    delay_ms: u64,
) -> futures_util::stream::BoxStream<'static, io::Result<Event>> {
    let keys = [KeyCode::Char('b'), KeyCode::Enter]
        .map(|k| Event::Key(KeyEvent::new(k, KeyModifiers::NONE)));
    futures_util::stream::once(tokio::time::sleep(std::time::Duration::from_millis(
        delay_ms,
    )))
    .flat_map(move |()| futures_util::stream::iter(keys.clone().map(Ok)))
    .chain(futures_util::stream::pending())
    .boxed()
}

#[tokio::test(start_paused = true)]
async fn a_signal_mid_exercise_logs_it_as_stopped() {
    let mut store = Store::open_in_memory().unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(10, 0),
    };
    let mut model = model_at(clock.local());
    model
        .breathe
        .seen_patterns
        .insert("Cardiac coherence (365)".into());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    // Ctrl-C, SIGTERM or SIGHUP 20 s into the exercise: `termination()` resolves.
    serein::shell::run(
        &mut terminal,
        &mut model,
        &mut store,
        &clock,
        breathe_keys_after(0),
        &mut inbox,
        Box::new(RecordingDesktop::default()),
        tokio::time::sleep(std::time::Duration::from_secs(20)),
    )
    .await
    .unwrap();
    let logged = store.sessions(day(), day()).unwrap();
    assert_eq!(logged.len(), 1, "{logged:?}");
    let s = &logged[0];
    assert!(
        matches!(
            s.state,
            State::Ended {
                reason: EndReason::Stopped,
                ..
            }
        ),
        "{s:?}"
    );
    assert_eq!(s.actual_s(clock.now() + Duration::minutes(5)), 20);
}

#[tokio::test(start_paused = true)]
async fn without_motion_the_screen_wakes_on_the_exercises_own_seconds() {
    let mut store = Store::open_in_memory().unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(10, 0),
    };
    let mut model = model_at(clock.local());
    model
        .breathe
        .seen_patterns
        .insert("Cardiac coherence (365)".into());
    model.config.breathing.reduce_motion = true;
    let mut terminal = Terminal::new(crate::idle::CountingBackend::new(80, 24)).unwrap();
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    // Started 0.4 s after a whole second: its shown seconds turn at x.4 s, not on the wall
    // clock's seconds.
    let stats = serein::shell::run(
        &mut terminal,
        &mut model,
        &mut store,
        &clock,
        breathe_keys_after(400),
        &mut inbox,
        Box::new(RecordingDesktop::default()),
        tokio::time::sleep(std::time::Duration::from_secs(10)),
    )
    .await
    .unwrap();
    assert!(!model.animating());
    assert_eq!(
        stats.frames, 0,
        "no 30 fps frames without motion: {stats:?}"
    );
    let drawn: Vec<u128> = terminal
        .backend()
        .drawn_at
        .iter()
        .map(|t| (*t - clock.start).as_millis())
        .collect();
    // Each shown second (5 s inhale, 5 s exhale: "4" at 1.4 s, "3" at 2.4 s, …) is drawn when
    // it turns, not up to a second later.
    for k in 1..=9u128 {
        let turn = 400 + 1000 * k;
        assert!(
            drawn.iter().any(|&d| d >= turn && d < turn + 20),
            "second {k} (at {turn} ms) not drawn on time; drawn at {drawn:?}"
        );
    }
}

#[test]
fn a_due_reminder_stays_visible_when_notifications_fail() {
    let mut store = Store::open_in_memory().unwrap();
    let mut m = model_at(at(8, 29));
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, at(8, 29));
    shell.dispatch(&mut m, Msg::Tick, at(8, 30));
    assert!(m.breathe.reminder_due);
    // The desktop refuses the notification: its warning replaces the reminder's text...
    shell.dispatch(
        &mut m,
        Msg::NotifyFailed("org.freedesktop.Notifications was not provided".into()),
        at(8, 30),
    );
    // ...and a minute later both have faded from the status line.
    for s in 1..=60 {
        shell.dispatch(&mut m, Msg::Tick, at(8, 30) + Duration::seconds(s));
    }
    for (w, h) in [(100, 30), (48, 20)] {
        let s = screen(&m, w, h);
        let header = s.lines().next().unwrap();
        assert!(header.contains("◌ breathe"), "{w}x{h}: {header}\n{s}");
    }
    // Started (or snoozed), it goes.
    shell.dispatch(&mut m, key(KeyCode::Char('z')), at(8, 32));
    let s = screen(&m, 100, 30);
    assert!(!s.lines().next().unwrap().contains("breathe now"), "{s}");
    // Its two hours over, an ignored reminder goes too.
    shell.dispatch(&mut m, Msg::Tick, at(8, 45));
    assert!(m.breathe.reminder_due);
    shell.dispatch(&mut m, Msg::Tick, at(10, 31));
    assert!(!m.breathe.reminder_due);
}

#[test]
fn the_pattern_list_lines_up_with_any_names() {
    let mut m = model_at(at(10, 0));
    for (name, phases) in [
        ("呼吸 ゆっくり", vec![("inhale", 5.0), ("exhale", 7.0)]),
        ("x", vec![("inhale", 4.0), ("exhale", 8.0)]),
        (
            "A rather long custom pattern name",
            vec![("inhale", 4.0), ("hold", 2.0), ("exhale", 6.0)],
        ),
        ("Café", vec![("inhale", 6.0), ("exhale", 6.0)]),
    ] {
        m.config
            .breathing
            .patterns
            .push(serein::config::CustomPattern {
                name: name.into(),
                phases: phases.into_iter().map(|(k, s)| (k.into(), s)).collect(),
                minutes: None,
            });
    }
    serein::app::breathe::open(&mut m);
    let n = serein::app::breathe::patterns(&m).len();
    for (w, h) in [(100, 30), (80, 24), (48, 20)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| serein::ui::view(&m, f)).unwrap();
        let buf = t.backend().buffer();
        // Cells from the pattern rows (rows 2..2+n): the column where each row's text ends,
        // and in wide panes where "/min" starts.
        let ends: Vec<u16> = (2..2 + n as u16)
            .map(|y| {
                (0..w)
                    .rev()
                    .find(|&x| !buf[(x, y)].symbol().trim().is_empty())
                    .unwrap_or(0)
            })
            .collect();
        let text: Vec<String> = (2..2 + n as u16)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        assert!(
            ends.iter().all(|e| *e == ends[0]),
            "{w}x{h}: rows end at {ends:?}\n{}",
            text.join("\n")
        );
        if w >= 80 {
            let per_min: Vec<Option<u16>> = (2..2 + n as u16)
                .map(|y| {
                    // The last one: a name may hold "/min" too.
                    (0..w - 4).rev().find(|&x| {
                        (0..4).map(|i| buf[(x + i, y)].symbol()).collect::<String>() == "/min"
                    })
                })
                .collect();
            assert!(
                per_min.iter().all(|p| p.is_some() && *p == per_min[0]),
                "{w}x{h}: /min at {per_min:?}\n{}",
                text.join("\n")
            );
        }
    }
}
