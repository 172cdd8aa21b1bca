//! The TUI shell: reads terminal events, the clock and signals, runs effects against the
//! store, and draws only when `update` says something visible changed.

pub mod keymap;
pub mod model;
pub mod msg;
pub mod update;

use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::time::Duration;

use crossterm::event::{Event, EventStream};
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::clock::Clock;
use crate::store::Store;
use model::Model;
use msg::{Effect, Msg};

/// What a run did, for tests and benchmarks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RunStats {
    pub draws: u64,
    pub ticks: u64,
}

/// Runs the app until the user quits, the event stream ends, or `shutdown` resolves.
/// Generic over the backend, the event source and the clock so tests can drive it.
pub async fn run<B, E, C, S>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    store: &mut Store,
    clock: &C,
    mut events: E,
    shutdown: S,
) -> anyhow::Result<RunStats>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Stream<Item = io::Result<Event>> + Unpin,
    C: Clock,
    S: Future<Output = ()>,
{
    let mut stats = RunStats::default();
    let mut shell = Shell::new(store);
    let mut dirty = shell.start(model, clock.local());
    tokio::pin!(shutdown);
    loop {
        if dirty {
            terminal.draw(|f| crate::ui::view(model, f))?;
            stats.draws += 1;
            dirty = false;
        }
        // Wake at the next whole second of the wall clock: one wake-up a second while idle.
        let ms = 1000 - u64::from(clock.now().timestamp_subsec_millis().min(999));
        let msg = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(Event::Key(k))) => Msg::Key(k),
                Some(Ok(Event::Resize(..))) => Msg::Resize,
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(stats),
            },
            _ = tokio::time::sleep(Duration::from_millis(ms)) => {
                stats.ticks += 1;
                Msg::Tick
            }
            _ = &mut shutdown => return Ok(stats),
        };
        let d = shell.dispatch(model, msg, clock.local());
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

/// Runs `update` and the effects it asks for, feeding results back until nothing is left.
/// The TUI loop and the flow tests both go through here.
pub struct Shell<'a> {
    effects: Effects<'a>,
}

impl<'a> Shell<'a> {
    pub fn new(store: &'a mut Store) -> Shell<'a> {
        Shell {
            effects: Effects {
                version: store.data_version().unwrap_or(0),
                store,
            },
        }
    }

    /// Runs the initial effects (loading the shown day). Returns whether to draw.
    pub fn start(&mut self, model: &mut Model, now: chrono::NaiveDateTime) -> bool {
        let mut queue: VecDeque<Msg> = VecDeque::new();
        for e in update::init(model) {
            queue.extend(self.effects.run(e));
        }
        self.drain(model, queue, now);
        true
    }

    /// Handles one message at local time `now`.
    pub fn dispatch(
        &mut self,
        model: &mut Model,
        msg: Msg,
        now: chrono::NaiveDateTime,
    ) -> Dispatched {
        self.drain(model, VecDeque::from([msg]), now)
    }

    fn drain(
        &mut self,
        model: &mut Model,
        mut queue: VecDeque<Msg>,
        now: chrono::NaiveDateTime,
    ) -> Dispatched {
        let mut out = Dispatched::default();
        while let Some(msg) = queue.pop_front() {
            let u = update::update(model, msg, now);
            out.redraw |= u.redraw;
            for e in u.effects {
                if e == Effect::Quit {
                    out.quit = true;
                    return out;
                }
                queue.extend(self.effects.run(e));
            }
        }
        out
    }
}

/// Runs effects against the store and turns their results into messages.
struct Effects<'a> {
    store: &'a mut Store,
    /// `PRAGMA data_version` last seen: it moves when another process commits.
    version: i64,
}

impl Effects<'_> {
    fn run(&mut self, e: Effect) -> Vec<Msg> {
        match e {
            Effect::LoadDay(date) => match self.store.day(date) {
                Ok(boxes) => vec![Msg::DayLoaded { date, boxes }],
                Err(e) => vec![Msg::Problem(format!("can't read the plan: {e}"))],
            },
            Effect::LoadOther(date, purpose) => match self.store.day(date) {
                Ok(boxes) => vec![Msg::OtherDayLoaded {
                    date,
                    boxes,
                    purpose,
                }],
                Err(e) => vec![Msg::Problem(format!("can't read the plan: {e}"))],
            },
            Effect::Apply(change) => match self.store.apply(&change) {
                Ok(created) => vec![Msg::Saved { created }],
                Err(e) => {
                    tracing::error!("save failed: {e}");
                    vec![Msg::StoreFailed(e.to_string())]
                }
            },
            Effect::PollExternal(date) => match self.store.data_version() {
                Ok(v) if v != self.version => {
                    self.version = v;
                    self.run(Effect::LoadDay(date))
                }
                Ok(_) => Vec::new(),
                Err(e) => vec![Msg::Problem(format!("can't read the database: {e}"))],
            },
            Effect::Quit => Vec::new(),
        }
    }
}

/// Puts the terminal back however we leave: normal return, error, panic or signal.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        crossterm::terminal::enable_raw_mode()?;
        let guard = TerminalGuard;
        crossterm::execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::cursor::Hide
        )?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Best effort: after SIGHUP the terminal is gone and writes fail, which is fine.
fn restore_terminal() {
    let _ = crossterm::execute!(
        io::stdout(),
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Resolves on SIGTERM, SIGHUP (pane closed), SIGINT or SIGQUIT.
async fn termination() {
    use tokio::signal::unix::{SignalKind, signal};
    let kinds = [
        SignalKind::terminate(),
        SignalKind::hangup(),
        SignalKind::interrupt(),
        SignalKind::quit(),
    ];
    let mut streams = Vec::new();
    for k in kinds {
        match signal(k) {
            Ok(s) => streams.push(s),
            Err(e) => tracing::warn!("can't watch signal {k:?}: {e}"),
        }
    }
    if streams.is_empty() {
        return std::future::pending().await;
    }
    let waits = streams.iter_mut().map(|s| Box::pin(s.recv()));
    let _ = futures_util::future::select_all(waits).await;
    tracing::info!("signal received: leaving");
}

/// Opens the real terminal and runs the app on a single-threaded runtime.
pub fn run_terminal(mut model: Model, mut store: Store, clock: &dyn Clock) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Benchmarks measure start-up to the first frame: leave right after drawing it.
    let first_frame_only = std::env::var_os("SEREIN_BENCH_FIRST_FRAME").is_some();
    rt.block_on(async {
        let shutdown = async move {
            if !first_frame_only {
                termination().await;
            }
        };
        let guard = TerminalGuard::enter()?;
        // Lets the end-to-end test prove the panic path restores the terminal (debug builds only).
        if cfg!(debug_assertions) && std::env::var_os("SEREIN_TEST_PANIC").is_some() {
            panic!("SEREIN_TEST_PANIC is set");
        }
        // No `terminal.clear()`: it asks the terminal for the cursor position (ESC[6n) and
        // fails after 2 s where nothing answers; the screen was cleared on entry instead.
        let mut terminal = Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
        let clock = DynClock(clock);
        let result = run(
            &mut terminal,
            &mut model,
            &mut store,
            &clock,
            EventStream::new(),
            shutdown,
        )
        .await;
        drop(guard);
        if let Ok(stats) = &result {
            tracing::info!(draws = stats.draws, ticks = stats.ticks, "left the TUI");
        }
        result.map(|_| ())
    })
}

struct DynClock<'a>(&'a dyn Clock);

impl Clock for DynClock<'_> {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.now()
    }
    fn local(&self) -> chrono::NaiveDateTime {
        self.0.local()
    }
}
