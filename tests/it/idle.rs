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

/// Counts frames (one flush per `Terminal::draw`).
struct CountingBackend {
    inner: TestBackend,
    flushes: u64,
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
    let mut terminal = Terminal::new(CountingBackend {
        inner: TestBackend::new(80, 24),
        flushes: 0,
    })
    .unwrap();
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
