//! The imperative edge: the run loop, effects against the store and the desktop, the
//! terminal, the daemon, signals and the clock. Everything that decides lives in `app` and
//! `domain`; this module only carries its decisions out.

pub mod clock;
pub mod daemon;
pub mod desktop;
pub mod effects;
pub mod hooks;
pub mod ticker;
pub mod tui;

use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::time::Duration;

use crossterm::event::Event;
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::app::model::{self, Model};
use crate::app::msg::{Effect, Msg};
use crate::app::update;
use crate::domain::time::Now;
use crate::shell::clock::Clock;
use crate::store::Store;

pub use desktop::{Desktop, RealDesktop, Recorded, RecordingDesktop, spawn_enforcer};
pub use effects::Effects;
pub use tui::{run_terminal, termination};

/// What a run did, for tests and benchmarks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RunStats {
    pub draws: u64,
    pub ticks: u64,
    /// Animation frames asked for (30 fps while a breathing shape moves).
    pub frames: u64,
}

/// Runs the app until the user quits, the event stream ends, or `shutdown` resolves.
/// Generic over the backend, the event source and the clock so tests can drive it;
/// `inbox` brings results of background work (a notification that failed).
#[allow(clippy::too_many_arguments)]
pub async fn run<B, E, C, S>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    store: &mut Store,
    clock: &C,
    events: E,
    inbox: &mut UnboundedReceiver<Msg>,
    desktop: Box<dyn Desktop + '_>,
    shutdown: S,
) -> anyhow::Result<RunStats>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Stream<Item = io::Result<Event>> + Unpin,
    C: Clock,
    S: Future<Output = ()>,
{
    let ticker = ticker::Ticker::Tokio;
    run_with(
        terminal, model, store, clock, events, inbox, desktop, shutdown, &ticker,
    )
    .await
}

/// [`run`] with a chosen way to sleep between ticks (the real terminal uses a timerfd).
#[allow(clippy::too_many_arguments)]
pub async fn run_with<B, E, C, S>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    store: &mut Store,
    clock: &C,
    mut events: E,
    inbox: &mut UnboundedReceiver<Msg>,
    desktop: Box<dyn Desktop + '_>,
    shutdown: S,
    ticker: &ticker::Ticker,
) -> anyhow::Result<RunStats>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Stream<Item = io::Result<Event>> + Unpin,
    C: Clock,
    S: Future<Output = ()>,
{
    let mut stats = RunStats::default();
    let mut shell = Shell::with_desktop(store, desktop);
    let mut dirty = shell.start(model, clock.stamp());
    tokio::pin!(shutdown);
    // 30 fps, polled only while a breathing shape moves on screen: no frames otherwise.
    let mut frames = tokio::time::interval(Duration::from_millis(33));
    frames.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        if dirty {
            terminal.draw(|f| crate::ui::view(model, f))?;
            stats.draws += 1;
            dirty = false;
        }
        // Wake just after the next whole second of the wall clock: one wake-up a second while
        // idle. The margin keeps a timer that fires a hair early from waking us twice.
        let ms = 1003 - u64::from(clock.now().timestamp_subsec_millis().min(999));
        let msg = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(Event::Key(k))) => Msg::Key(k),
                Some(Ok(Event::Resize(..))) => Msg::Resize,
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(stats),
            },
                        Some(msg) = inbox.recv() => msg,
            _ = frames.tick(), if model.animating() => {
                stats.frames += 1;
                Msg::Frame
            }
                        _ = ticker.sleep(Duration::from_millis(ms)) => {
                stats.ticks += 1;
                Msg::Tick
            }
            _ = &mut shutdown => return Ok(stats),
        };
        let d = shell.dispatch(model, msg, clock.stamp());
        if d.quit {
            return Ok(stats);
        }
        dirty |= d.redraw;
    }
}

/// The result of dispatching one message and everything it caused.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Dispatched {
    pub redraw: bool,
    pub quit: bool,
}

/// A running session whose heartbeat is older than this has no process running it.
pub const STALE_S: i64 = 5;

/// Runs `update` and the effects it asks for, feeding results back until nothing is left.
/// The TUI loop, the daemon and the flow tests all go through here.
pub struct Shell<'a> {
    effects: Effects<'a>,
}

impl<'a> Shell<'a> {
    /// A shell whose desktop effects are only recorded (tests).
    pub fn new(store: &'a mut Store) -> Shell<'a> {
        Shell::with_desktop(store, Box::new(RecordingDesktop::default()))
    }

    pub fn with_desktop(store: &'a mut Store, desktop: Box<dyn Desktop + 'a>) -> Shell<'a> {
        Shell {
            effects: Effects {
                version: store.data_version().unwrap_or(0),
                revision: store.revision().unwrap_or(0),
                daemon_running: false,
                heartbeats: 0,
                store,
                desktop,
            },
        }
    }

    /// Closes sessions nothing ran (crash, kill -9, reboot), then runs the initial effects.
    pub fn start(&mut self, model: &mut Model, now: impl Into<Now>) -> bool {
        let now: Now = now.into();
        match self.effects.store.recover(now.utc, STALE_S) {
            Ok(Some(s)) => model.set_status(
                model::Level::Warn,
                format!(
                    "“{}” was left running; closed it at its last known time",
                    s.title
                ),
            ),
            Ok(None) => {}
            Err(e) => tracing::warn!("session recovery failed: {e}"),
        }
        let mut queue: VecDeque<Msg> = VecDeque::new();
        for e in update::init(model) {
            queue.extend(self.effects.run(e, now));
        }
        self.drain(model, queue, now);
        true
    }

    /// Handles one message at `now`.
    pub fn dispatch(&mut self, model: &mut Model, msg: Msg, now: impl Into<Now>) -> Dispatched {
        self.drain(model, VecDeque::from([msg]), now.into())
    }

    fn drain(&mut self, model: &mut Model, mut queue: VecDeque<Msg>, now: Now) -> Dispatched {
        let mut out = Dispatched::default();
        while let Some(msg) = queue.pop_front() {
            let u = update::update(model, msg, now);
            out.redraw |= u.redraw;
            for e in u.effects {
                if e == Effect::Quit {
                    out.quit = true;
                    return out;
                }
                queue.extend(self.effects.run(e, now));
            }
        }
        out
    }
}
