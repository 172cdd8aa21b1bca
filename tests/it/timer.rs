//! The focus timer through `update` and the real run loop: a box run to its end under
//! paused tokio time, keys on the Timer screen, transitions, and Timer screen snapshots.

use std::io;

use chrono::{Duration, NaiveDateTime};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use futures_util::StreamExt;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use serein::app::model::{Model, Offer, Screen};
use serein::app::msg::Msg;
use serein::config::{OnEnd, Transition};
use serein::domain::plan::Kind;
use serein::domain::session::{EndReason, Session, SessionKind, State};
use serein::shell::clock::Clock;
use serein::shell::{RecordingDesktop, Shell};
use serein::store::Store;

use crate::{TokioClock, at, day, model_at, nb};

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

#[tokio::test(start_paused = true)]
async fn a_box_runs_to_its_end_with_no_key_pressed() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(9 * 60, 9 * 60 + 25, "Write report", "work", Kind::Focus)])
        .unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(9, 0),
    };
    let mut model = model_at(clock.local());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    // Enter once (start the selected box), then nothing for 26 minutes.
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let events = futures_util::stream::iter(vec![Ok::<_, io::Error>(enter)])
        .chain(futures_util::stream::pending());
    let desktop = RecordingDesktop::default();
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    let stats = serein::shell::run(
        &mut terminal,
        &mut model,
        &mut store,
        &clock,
        events,
        &mut inbox,
        Box::new(desktop.clone()),
        tokio::time::sleep(std::time::Duration::from_secs(26 * 60)),
    )
    .await
    .unwrap();

    // One session row, still running in overrun (on_end = "overrun" by default).
    let sessions = store.sessions(day(), day()).unwrap();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    let s = &sessions[0];
    assert_eq!((s.title.as_str(), s.planned_s), ("Write report", 25 * 60));
    assert!(s.is_active());
    assert!((59..=60).contains(&s.overrun_s(model.now_utc)), "{s:?}");
    // The heartbeat kept up with the clock.
    assert!((model.now_utc - s.heartbeat).num_seconds() <= 1);

    let rec = desktop.recorded();
    let summaries: Vec<&str> = rec
        .notifications
        .iter()
        .map(|n| n.summary.as_str())
        .collect();
    assert_eq!(
        summaries,
        vec![
            "▶ Write report",
            "5m left: Write report",
            "Time is up: Write report"
        ]
    );
    assert_eq!(rec.daemons, 1, "a daemon is ensured at start");
    assert_eq!(rec.bells, 0, "bell is off by default");
    // At most one draw a second: a frame only when the countdown's digits change.
    assert!(stats.draws <= stats.ticks + 2, "{stats:?}");
    assert!(
        stats.draws as f64 / 26.0 <= 61.0,
        "{} draws in 26 minutes",
        stats.draws
    );
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("1m over") || screen.contains("59s over"),
        "{screen}"
    );
}

/// A model and shell over an in-memory store with a small day planned.
fn day_with(boxes: &[serein::domain::plan::NewTimebox], now: NaiveDateTime) -> (Store, Model) {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_many(boxes).unwrap();
    (store, model_at(now))
}

#[test]
fn keys_pause_extend_interrupt_note_finish() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store
        .insert_many(&[
            nb(540, 570, "Write", "work", Kind::Focus),
            nb(570, 585, "Stretch", "work", Kind::Break),
        ])
        .unwrap();
    // What another process (or the user, later) reads.
    let reader = Store::open(&path).unwrap();
    let mut m = model_at(at(9, 0));
    let desktop = RecordingDesktop::default();
    {
        let mut shell = Shell::with_desktop(&mut store, Box::new(desktop.clone()));
        let t = |m: u32| at(9, 0) + Duration::minutes(i64::from(m));
        shell.start(&mut m, t(0));
        shell.dispatch(&mut m, key(KeyCode::Enter), t(0));
        assert_eq!(m.screen, Screen::Timer);
        let id = m.timer.session.as_ref().unwrap().id;
        // Pause at 5 min, resume at 10: 25 min left.
        shell.dispatch(&mut m, ch(' '), t(5));
        shell.dispatch(&mut m, ch(' '), t(10));
        assert_eq!(
            m.timer
                .session
                .as_ref()
                .unwrap()
                .remaining_s(t(10).and_utc()),
            25 * 60
        );
        shell.dispatch(&mut m, ch('+'), t(10));
        shell.dispatch(&mut m, ch('1'), t(10));
        assert_eq!(
            m.timer
                .session
                .as_ref()
                .unwrap()
                .remaining_s(t(10).and_utc()),
            31 * 60
        );
        // An interruption with a reason, and a note.
        shell.dispatch(&mut m, ch('i'), t(12));
        for c in "phone".chars() {
            shell.dispatch(&mut m, ch(c), t(12));
        }
        shell.dispatch(&mut m, key(KeyCode::Enter), t(12));
        shell.dispatch(
            &mut m,
            Msg::Key(KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT)),
            t(13),
        );
        for c in "good flow".chars() {
            shell.dispatch(&mut m, ch(c), t(13));
        }
        shell.dispatch(&mut m, key(KeyCode::Enter), t(13));
        // Esc goes back to Today; the session keeps running and shows in the header.
        shell.dispatch(&mut m, key(KeyCode::Esc), t(14));
        assert_eq!(m.screen, Screen::Today);
        assert!(m.timer.session.is_some());
        // Finish from the Timer screen: the box is done, the planned break is offered.
        shell.dispatch(&mut m, ch('f'), t(30));
        shell.dispatch(&mut m, ch('x'), t(30));
        assert!(m.timer.session.is_none());
        match &m.timer.offer {
            Some(Offer::Box(b)) => assert_eq!(b.title, "Stretch"),
            other => panic!("expected the break offered, got {other:?}"),
        }
        let s = reader.session(id).unwrap().unwrap();
        assert_eq!(s.interruptions, 1);
        assert_eq!(s.note.as_deref(), Some("good flow"));
        assert_eq!(s.pauses, 1);
        assert_eq!(s.paused_s, 300);
        assert_eq!(s.extended_s, 360);
        assert!(matches!(
            s.state,
            State::Ended {
                reason: EndReason::Finished,
                overrun_s: 0,
                ..
            }
        ));
        assert_eq!(
            reader.interruptions(id).unwrap()[0].1.as_deref(),
            Some("phone")
        );
        assert!(reader.day(day()).unwrap()[0].done, "the box is marked done");
        // Enter takes the offer.
        shell.dispatch(&mut m, key(KeyCode::Enter), t(31));
        assert_eq!(
            m.timer.session.as_ref().map(|s| s.kind),
            Some(SessionKind::Break)
        );
    }
}

#[test]
fn on_end_finish_and_auto_transitions_chain_boxes() {
    let (mut store, mut m) = day_with(
        &[
            nb(540, 545, "Write", "work", Kind::Focus),
            nb(545, 550, "Stretch", "work", Kind::Break),
            nb(550, 560, "Review", "work", Kind::Focus),
        ],
        at(9, 0),
    );
    m.config.timer.on_end = OnEnd::Finish;
    m.config.timer.focus_to_break = Transition::Auto;
    m.config.timer.break_to_focus = Transition::Manual;
    let mut shell = Shell::new(&mut store);
    let t = |s: i64| at(9, 0) + Duration::seconds(s);
    shell.start(&mut m, t(0));
    shell.dispatch(&mut m, key(KeyCode::Enter), t(0));
    // Tick past the 5-minute deadline: it finishes and the planned break starts by itself.
    shell.dispatch(&mut m, Msg::Tick, t(301));
    let s = m.timer.session.clone().expect("break started");
    assert_eq!((s.title.as_str(), s.kind), ("Stretch", SessionKind::Break));
    // The break ends; break → focus is manual: Review is offered, not started.
    shell.dispatch(&mut m, Msg::Tick, t(602));
    assert!(m.timer.session.is_none());
    assert!(matches!(&m.timer.offer, Some(Offer::Box(b)) if b.title == "Review"));
    // `n` on a running box skips to the next one at once.
    shell.dispatch(&mut m, key(KeyCode::Enter), t(603));
    assert_eq!(
        m.timer.session.as_ref().map(|s| s.title.as_str()),
        Some("Review")
    );
}

#[test]
fn a_break_is_offered_after_long_focus_with_none_planned() {
    let (mut store, mut m) = day_with(
        &[
            nb(540, 640, "Deep work", "work", Kind::Focus),
            nb(640, 700, "More work", "work", Kind::Focus),
        ],
        at(9, 0),
    );
    let mut shell = Shell::new(&mut store);
    let t = |min: i64| at(9, 0) + Duration::minutes(min);
    shell.start(&mut m, t(0));
    shell.dispatch(&mut m, key(KeyCode::Enter), t(0));
    shell.dispatch(&mut m, ch('x'), t(100));
    // 100 min of focus ≥ 90: a 20-minute break (1/5) is offered instead of the next box.
    assert!(
        matches!(&m.timer.offer, Some(Offer::Break { minutes: 20, .. })),
        "{:?}",
        m.timer.offer
    );
    shell.dispatch(&mut m, key(KeyCode::Enter), t(100));
    let s = m.timer.session.clone().unwrap();
    assert_eq!((s.kind, s.planned_s), (SessionKind::Break, 20 * 60));
}

#[test]
fn a_session_started_elsewhere_shows_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut tui = Store::open(&path).unwrap();
    let mut cli = Store::open(&path).unwrap();
    let mut m = model_at(at(9, 0));
    let mut shell = Shell::new(&mut tui);
    shell.start(&mut m, at(9, 0));
    let s = Session::start(
        "From CLI",
        "work",
        SessionKind::Focus,
        None,
        600,
        at(9, 0).and_utc(),
        day(),
        0,
    );
    cli.start_session(&s).unwrap();
    assert!(
        shell
            .dispatch(&mut m, Msg::Tick, at(9, 0) + Duration::seconds(1))
            .redraw
    );
    assert_eq!(
        m.timer.session.as_ref().map(|s| s.title.as_str()),
        Some("From CLI")
    );
}

fn timer_model(state: &str) -> Model {
    let mut m = model_at(at(9, 41));
    m.screen = Screen::Timer;
    let mut s = Session::start(
        "Write quarterly report",
        "work",
        SessionKind::Focus,
        Some(1),
        25 * 60,
        at(9, 30).and_utc(),
        day(),
        0,
    );
    s.id = 1;
    match state {
        "paused" => s.pause(at(9, 35).and_utc()).unwrap(),
        "overrun" => {
            s = Session::start(
                "Write quarterly report",
                "work",
                SessionKind::Focus,
                Some(1),
                25 * 60,
                at(9, 10).and_utc(),
                day(),
                0,
            );
            s.id = 1;
        }
        _ => {}
    }
    s.interruptions = 1;
    m.timer.session = Some(s);
    m
}

/// The screen as text, a painted cell (reversed space: big digits, the gauge) shown as `█`.
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
    t.backend().to_string()
}

#[test]
fn timer_screen_snapshots() {
    for state in ["running", "paused", "overrun"] {
        let m = timer_model(state);
        assert_snapshot!(format!("timer_{state}_80x24"), screen(&m, 80, 24));
        assert_snapshot!(format!("timer_{state}_48x20"), screen(&m, 48, 20));
    }
}

/// The rows of a rendered buffer, and the buffer.
fn render(m: &Model, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| serein::ui::view(m, f)).unwrap();
    t
}

fn rows_of(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn the_start_message_leaves_the_timer_footer() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(9 * 60, 9 * 60 + 25, "Write report", "work", Kind::Focus)])
        .unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(9, 0),
    };
    let mut model = model_at(clock.local());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let events = futures_util::stream::iter(vec![Ok::<_, io::Error>(enter)])
        .chain(futures_util::stream::pending());
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    serein::shell::run(
        &mut terminal,
        &mut model,
        &mut store,
        &clock,
        events,
        &mut inbox,
        Box::new(RecordingDesktop::default()),
        tokio::time::sleep(std::time::Duration::from_secs(30)),
    )
    .await
    .unwrap();
    assert_eq!(model.screen, Screen::Timer);
    assert!(model.status.is_none(), "{:?}", model.status);
    let footer = rows_of(&terminal).pop().unwrap();
    assert!(!footer.contains("started"), "{footer}");
    assert!(footer.contains("pause"), "{footer}");
}

#[test]
fn the_start_message_goes_at_the_next_key_or_after_a_while() {
    let (mut store, mut m) = day_with(
        &[nb(9 * 60, 9 * 60 + 25, "Write report", "work", Kind::Focus)],
        at(9, 0),
    );
    let mut shell = Shell::new(&mut store);
    let t = |s: i64| at(9, 0) + Duration::seconds(s);
    shell.start(&mut m, t(0));
    shell.dispatch(&mut m, key(KeyCode::Enter), t(0));
    assert!(screen(&m, 80, 24).contains("started “Write report”"));
    for s in 1..=9 {
        shell.dispatch(&mut m, Msg::Tick, t(s));
    }
    let s = screen(&m, 80, 24);
    assert!(!s.contains("started “Write report”"), "{s}");
    // A message, then any key (even an unbound one) clears it.
    let footer = |m: &Model| screen(m, 80, 24).lines().last().unwrap().to_string();
    shell.dispatch(&mut m, ch(' '), t(10));
    assert!(footer(&m).contains("paused"), "{}", footer(&m));
    shell.dispatch(&mut m, ch('Z'), t(11));
    assert!(!footer(&m).contains("paused"), "{}", footer(&m));
}

#[test]
fn the_gauge_has_a_visible_track() {
    for no_color in [true, false] {
        let mut m = timer_model("running");
        m.no_color = no_color;
        for (w, h) in [(80, 24), (48, 20)] {
            let t = render(&m, w, h);
            let buf = t.backend().buffer();
            let y = h - 3;
            let row = &rows_of(&t)[y as usize];
            assert!(row.contains("44%"), "{row:?}");
            // 11 of 25 minutes done: the part still to go is drawn, not left blank (a cell
            // is blank when it is a space not painted in reverse).
            let blank = (1..w - 1)
                .filter(|&x| {
                    let c = &buf[(x, y)];
                    c.symbol() == " " && !c.modifier.contains(Modifier::REVERSED)
                })
                .count();
            // One space may part the bar from its label.
            assert!(
                blank <= 1,
                "{w}x{h} no_color={no_color}: {blank} blank in {row:?}"
            );
        }
    }
}

#[test]
fn big_digits_are_whole_cells() {
    for no_color in [true, false] {
        let mut m = timer_model("running");
        m.no_color = no_color;
        let t = render(&m, 80, 24);
        let buf = t.backend().buffer();
        // Block glyphs leave slivers between rows and columns in xterm; painted cells
        // (reversed spaces) fill the whole cell.
        let blocks = buf.content().iter().filter(|c| c.symbol() == "█").count();
        let lit = buf
            .content()
            .iter()
            .filter(|c| c.symbol() == " " && c.modifier.contains(Modifier::REVERSED))
            .count();
        assert_eq!(blocks, 0, "block glyphs:\n{}", rows_of(&t).join("\n"));
        // "14:00" in five rows: a good many painted cells.
        assert!(lit > 40, "{lit} painted cells");
    }
}

#[test]
fn overrun_reads_as_a_length_not_a_time() {
    let m = timer_model("overrun");
    let s = screen(&m, 80, 24);
    assert!(s.contains("6m over"), "{s}");
    assert!(!s.contains("over by 06:00"), "{s}");
    // After it ended.
    let mut m = model_at(at(9, 41));
    m.screen = Screen::Timer;
    let mut ended = timer_model("overrun").timer.session.unwrap();
    ended.end(EndReason::Finished, at(9, 45).and_utc()).unwrap();
    m.timer.last_ended = Some(ended);
    let s = screen(&m, 80, 24);
    assert!(s.contains("10m over"), "{s}");
    assert!(!s.contains("10:00 over"), "{s}");
}
