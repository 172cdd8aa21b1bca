//! Draw only on change: an idle minute costs at most one draw per visible change, counted
//! with a counting backend under paused tokio time.

use std::io;

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use serein::domain::plan::Kind;
use serein::shell::clock::Clock;
use serein::store::Store;

use crate::{TokioClock, at, model_at, nb};

/// Counts frames (one flush per `Terminal::draw`) and notes when each was drawn (tokio time).
pub struct CountingBackend {
    inner: TestBackend,
    pub flushes: u64,
    pub drawn_at: Vec<tokio::time::Instant>,
}

impl CountingBackend {
    pub fn new(width: u16, height: u16) -> CountingBackend {
        CountingBackend {
            inner: TestBackend::new(width, height),
            flushes: 0,
            drawn_at: Vec::new(),
        }
    }
}

impl Backend for CountingBackend {
    type Error = <TestBackend as Backend>::Error;
    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
        &mut self,
        content: I,
    ) -> Result<(), Self::Error> {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(p)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, t: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(t)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.flushes += 1;
        self.drawn_at.push(tokio::time::Instant::now());
        self.inner.flush()
    }
}

#[tokio::test(start_paused = true)]
async fn an_idle_minute_draws_once_per_visible_change() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(540, 630, "Write report", "work", Kind::Focus)])
        .unwrap();
    // Start mid-minute (09:41:30) so exactly one minute boundary falls in the next 60 s.
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(9, 41) + chrono::Duration::seconds(30),
    };
    let mut model = model_at(clock.local());
    // Nothing may change on screen in this minute: no breathing reminder either.
    model.config.breathing.reminders.clear();
    let mut terminal = Terminal::new(CountingBackend::new(80, 24)).unwrap();
    let events = futures_util::stream::pending::<io::Result<Event>>();
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    let stats = serein::shell::run(
        &mut terminal,
        &mut model,
        &mut store,
        &clock,
        events,
        &mut inbox,
        Box::new(serein::shell::RecordingDesktop::default()),
        tokio::time::sleep(std::time::Duration::from_secs(60)),
    )
    .await
    .unwrap();
    let flushes = terminal.backend().flushes;
    // The first frame, and one when the clock turns 09:42. Nothing else changes.
    assert_eq!(stats.draws, 2, "{stats:?}");
    assert_eq!(flushes, 2);
    // One wake-up, for the minute; not one a second.
    assert_eq!(stats.ticks, 1, "{stats:?}");
    assert_eq!(model.now.format("%H:%M").to_string(), "09:42");
}

/// Runs the TUI loop on `store` from 09:41:30 for `secs` of paused tokio time, with `keys`
/// typed at the start; returns the stats, the draw instants (seconds from the start) and the
/// model.
async fn run_for(
    store: &mut Store,
    keys: Vec<Event>,
    secs: u64,
    setup: impl FnOnce(&mut serein::app::model::Model),
) -> (serein::shell::RunStats, Vec<f64>, serein::app::model::Model) {
    use futures_util::StreamExt;
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(9, 41) + chrono::Duration::seconds(30),
    };
    let mut model = model_at(clock.local());
    model.config.breathing.reminders.clear();
    setup(&mut model);
    let mut terminal = Terminal::new(CountingBackend::new(80, 24)).unwrap();
    let events = futures_util::stream::iter(keys.into_iter().map(Ok::<_, io::Error>))
        .chain(futures_util::stream::pending());
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    let stats = serein::shell::run(
        &mut terminal,
        &mut model,
        store,
        &clock,
        events,
        &mut inbox,
        Box::new(serein::shell::RecordingDesktop::default()),
        tokio::time::sleep(std::time::Duration::from_secs(secs)),
    )
    .await
    .unwrap();
    let drawn = terminal
        .backend()
        .drawn_at
        .iter()
        .map(|t| (*t - clock.start).as_secs_f64())
        .collect();
    (stats, drawn, model)
}

fn key(c: char) -> Event {
    Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    ))
}

#[tokio::test(start_paused = true)]
async fn an_idle_tui_wakes_once_a_minute_for_an_hour() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(540, 630, "Write report", "work", Kind::Focus)])
        .unwrap();
    let (stats, drawn, _) = run_for(&mut store, Vec::new(), 3600, |_| {}).await;
    // 60 minute changes in an hour (09:42 … 10:41): one wake-up and one draw each.
    assert_eq!(stats.ticks, 60, "{stats:?}");
    assert_eq!(stats.draws, 61, "{stats:?}");
    // Each draw after the first falls on a minute of the wall clock (started at :30).
    for t in &drawn[1..] {
        assert!((t - 30.0) % 60.0 < 0.1, "drawn at {t} s: {drawn:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn the_week_screen_draws_nothing_without_input() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(540, 630, "Write report", "work", Kind::Focus)])
        .unwrap();
    // `w` opens the Week screen; then ten minutes with no key.
    let (stats, drawn, model) = run_for(&mut store, vec![key('w')], 600, |_| {}).await;
    assert_eq!(model.screen, serein::app::model::Screen::Week);
    // Everything was drawn at the start (first frame, the key, the week loaded).
    assert!(
        drawn.iter().all(|t| *t < 0.01),
        "{stats:?} drawn at {drawn:?}"
    );
    assert!(stats.ticks <= 11, "{stats:?}");
}

#[tokio::test(start_paused = true)]
async fn a_running_timer_is_drawn_once_a_second_and_only_where_it_shows() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(
            9 * 60 + 30,
            10 * 60,
            "Write report",
            "work",
            Kind::Focus,
        )])
        .unwrap();
    // `f` starts the box on the Today screen: its countdown shows in the status row.
    let (stats, drawn, model) = run_for(&mut store, vec![key('f')], 120, |_| {}).await;
    assert!(model.timer.session.is_some(), "{stats:?}");
    // One tick and one draw in each second after the start, no more.
    assert!((119..=121).contains(&stats.ticks), "{stats:?}");
    for s in 1..120 {
        let n = drawn
            .iter()
            .filter(|t| **t >= f64::from(s) && **t < f64::from(s + 1))
            .count();
        assert_eq!(n, 1, "second {s}: {drawn:?}");
    }
    // The same timer with the Week screen shown: no countdown on screen, nothing drawn, and
    // the loop wakes for the minute, the heartbeat, the reminder and the end only.
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(
            9 * 60 + 30,
            10 * 60,
            "Write report",
            "work",
            Kind::Focus,
        )])
        .unwrap();
    let (stats, drawn, model) = run_for(&mut store, vec![key('f'), key('w')], 600, |_| {}).await;
    assert!(model.timer.session.is_some(), "{stats:?}");
    assert!(
        drawn.iter().all(|t| *t < 0.01),
        "{stats:?} drawn at {drawn:?}"
    );
    // Ten minutes: 10 minute changes, 20 heartbeats at most.
    assert!(stats.ticks <= 30, "{stats:?}");
}

#[tokio::test(start_paused = true)]
async fn another_process_write_is_seen_by_file_notification_not_by_polling() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("serein.db");
    let mut store = Store::open(&db).unwrap();
    store
        .insert_many(&[nb(540, 630, "Write report", "work", Kind::Focus)])
        .unwrap();
    // Another process (another connection) adds a box 10 s in, before the minute turns.
    let other = db.clone();
    let writer = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(10)).await;
        Store::open(&other)
            .unwrap()
            .insert_many(&[nb(700, 730, "Call Sam", "family", Kind::Focus)])
            .unwrap();
    });
    let (stats, drawn, model) = run_for(&mut store, Vec::new(), 20, |_| {}).await;
    writer.await.unwrap();
    let titles: Vec<&str> = model.today.boxes.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(titles, ["Write report", "Call Sam"], "{stats:?}");
    // No tick in those 20 s (the next is at 09:42:00): the notification woke the loop.
    assert_eq!(stats.ticks, 0, "{stats:?}");
    assert!(stats.notified >= 1, "{stats:?}");
    // Drawn at the start and when the box came, 10 s in.
    assert!(drawn.iter().any(|t| (10.0..10.1).contains(t)), "{drawn:?}");
}

/// The daemon's loop with nothing to do, under paused tokio time; returns how long it stayed.
async fn daemon_stays(stay: bool, shutdown_after: std::time::Duration) -> chrono::Duration {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("serein.db");
    let mut store = Store::open(&db).unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(9, 41) + chrono::Duration::seconds(30),
    };
    let started = clock.now();
    let mut model = model_at(clock.local());
    let mut shell = serein::shell::Shell::new(&mut store).in_daemon();
    let mut daemon = serein::shell::daemon::Headless::new(stay, Some(db), started);
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    serein::shell::run_loop(
        &mut daemon,
        &mut shell,
        &mut model,
        &clock,
        &mut inbox,
        tokio::time::sleep(shutdown_after),
        &serein::shell::ticker::Ticker::Tokio,
    )
    .await
    .unwrap();
    clock.now() - started
}

#[tokio::test(start_paused = true)]
async fn an_idle_daemon_leaves_after_a_minute_of_wall_clock_even_though_it_wakes_rarely() {
    let hour = std::time::Duration::from_secs(3600);
    let stayed = daemon_stays(false, hour).await;
    assert!(
        (60..=61).contains(&stayed.num_seconds()),
        "left after {stayed}"
    );
    // `serein daemon --stay` stays until a signal.
    let stayed = daemon_stays(true, hour).await;
    assert_eq!(stayed.num_seconds(), 3600);
}

#[tokio::test(start_paused = true)]
async fn a_daemon_running_a_session_wakes_for_its_events_and_a_heartbeat_only() {
    use serein::domain::session::{Session, SessionKind};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("serein.db");
    let mut store = Store::open(&db).unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(9, 41) + chrono::Duration::seconds(30),
    };
    let started = clock.now();
    // 25 minutes, started by `serein start` just before; the daemon runs it.
    let id = store
        .start_session(&Session::start(
            "Write report",
            "work",
            SessionKind::Focus,
            None,
            25 * 60,
            started,
            clock.local().date(),
            0,
        ))
        .unwrap();
    let mut model = model_at(clock.local());
    model.config.breathing.reminders.clear();
    let desktop = serein::shell::RecordingDesktop::default();
    let mut shell =
        serein::shell::Shell::with_desktop(&mut store, Box::new(desktop.clone())).in_daemon();
    let mut daemon = serein::shell::daemon::Headless::new(false, Some(db.clone()), started);
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    let stats = serein::shell::run_loop(
        &mut daemon,
        &mut shell,
        &mut model,
        &clock,
        &mut inbox,
        tokio::time::sleep(std::time::Duration::from_secs(30 * 60)),
        &serein::shell::ticker::Ticker::Tokio,
    )
    .await
    .unwrap();
    drop(shell);
    // 30 minutes: a heartbeat every 30 s (60), the reminder and the end; not 1800 ticks.
    assert!(stats.ticks <= 64, "{stats:?}");
    let summaries: Vec<String> = desktop
        .recorded()
        .notifications
        .iter()
        .map(|n| n.summary.clone())
        .collect();
    assert!(
        summaries.iter().any(|s| s.starts_with("Time is up")),
        "{summaries:?}"
    );
    // Still running in overrun; what a kill -9 would lose is what follows the last heartbeat.
    let s = store.active_session().unwrap().expect("running");
    assert_eq!(s.id, id);
    assert!(
        (clock.now() - s.heartbeat).num_seconds() <= serein::app::update::HEARTBEAT_S,
        "{s:?}"
    );
}
