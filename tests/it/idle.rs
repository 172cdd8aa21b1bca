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
    assert!(flushes <= 60);
    // One wake-up a second, not more.
    assert!((59..=61).contains(&stats.ticks), "{stats:?}");
    assert_eq!(model.now.format("%H:%M").to_string(), "09:42");
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
