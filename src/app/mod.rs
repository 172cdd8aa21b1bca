//! The TUI shell: reads terminal events, the clock and signals, runs effects against the
//! store and the desktop, and draws only when `update` says something visible changed.

pub mod breathe;
pub mod keymap;
pub mod model;
pub mod msg;
pub mod offline;
pub mod review;
pub mod ticker;
pub mod timer;
pub mod update;
pub mod week;

use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{Event, EventStream};
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::clock::{Clock, Now};
use crate::domain::session::Session;
use crate::hooks::HookEvent;
use crate::notify::{Notification, Notifier};
use crate::store::{Store, StoreError};
use model::Model;
use msg::{Effect, Msg};

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

/// The desktop side of effects: things that leave the process and never answer at once.
pub trait Desktop {
    /// Shows a notification (fire and forget; failures come back as `Msg::NotifyFailed`).
    fn notify(&mut self, n: Notification);
    fn bell(&mut self);
    fn hook(&mut self, argv: Vec<String>, event: HookEvent);
    fn ensure_daemon(&mut self);
    /// Hands the desired Do-Not-Disturb state to the enforcer (if this process enforces).
    fn set_dnd(&mut self, desired: crate::domain::policy::Dnd);
}

/// What a run asked of the desktop: for tests.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Recorded {
    pub notifications: Vec<Notification>,
    pub bells: u32,
    pub hooks: Vec<(Vec<String>, HookEvent)>,
    pub daemons: u32,
    pub dnd: Vec<crate::domain::policy::Dnd>,
}

/// A desktop that only records, shared with the test that reads it.
#[derive(Debug, Default, Clone)]
pub struct RecordingDesktop(pub Arc<std::sync::Mutex<Recorded>>);

impl RecordingDesktop {
    pub fn recorded(&self) -> Recorded {
        self.0.lock().map(|r| r.clone()).unwrap_or_default()
    }

    fn with(&self, f: impl FnOnce(&mut Recorded)) {
        if let Ok(mut r) = self.0.lock() {
            f(&mut r);
        }
    }
}

impl Desktop for RecordingDesktop {
    fn notify(&mut self, n: Notification) {
        self.with(|r| r.notifications.push(n));
    }
    fn bell(&mut self) {
        self.with(|r| r.bells += 1);
    }
    fn hook(&mut self, argv: Vec<String>, event: HookEvent) {
        self.with(|r| r.hooks.push((argv, event)));
    }
    fn ensure_daemon(&mut self) {
        self.with(|r| r.daemons += 1);
    }
    fn set_dnd(&mut self, desired: crate::domain::policy::Dnd) {
        self.with(|r| r.dnd.push(desired));
    }
}

/// The real desktop: notifications on D-Bus, the terminal bell, hooks as child processes,
/// and the background daemon. Needs a tokio runtime for notifications and hooks.
pub struct RealDesktop {
    pub notifier: Arc<dyn Notifier>,
    pub inbox: tokio::sync::mpsc::UnboundedSender<Msg>,
    /// How to start `serein daemon` when a session starts; `None` in the daemon itself.
    pub daemon: Option<crate::daemon::Launch>,
    /// Ring the terminal bell (the TUI has a terminal, the daemon has none).
    pub terminal_bell: bool,
    /// The enforcer's input, when this process enforces offline hours.
    pub dnd: Option<tokio::sync::watch::Sender<Option<crate::domain::policy::Dnd>>>,
}

impl Desktop for RealDesktop {
    fn notify(&mut self, n: Notification) {
        let notifier = Arc::clone(&self.notifier);
        let inbox = self.inbox.clone();
        tokio::spawn(async move {
            if let Err(e) = notifier.send(&n).await {
                tracing::warn!("notification not shown: {e}");
                let _ = inbox.send(Msg::NotifyFailed(e.to_string()));
            }
        });
    }
    fn bell(&mut self) {
        if self.terminal_bell {
            use std::io::Write;
            let mut out = io::stdout();
            let _ = out.write_all(b"\x07");
            let _ = out.flush();
        }
    }
    fn hook(&mut self, argv: Vec<String>, event: HookEvent) {
        crate::hooks::spawn_hook(crate::hooks::Hook { argv }, event, Duration::from_secs(5));
    }
    fn set_dnd(&mut self, desired: crate::domain::policy::Dnd) {
        if let Some(tx) = &self.dnd {
            tx.send_replace(Some(desired));
        }
    }
    fn ensure_daemon(&mut self) {
        if let Some(launch) = &self.daemon
            && let Err(e) = launch.ensure()
        {
            tracing::warn!("could not start the background daemon: {e}");
        }
    }
}

/// Starts this data folder's offline-hours enforcer on the current runtime. Returns its input
/// and a task that ends after the desktop was given back (once the input is dropped). If
/// another serein enforces already (the daemon), this one only shows the state.
pub fn spawn_enforcer(
    db: std::path::PathBuf,
    data_dir: std::path::PathBuf,
    macos: Option<(String, String)>,
    clear_on_end: bool,
    inbox: tokio::sync::mpsc::UnboundedSender<Msg>,
) -> (
    tokio::sync::watch::Sender<Option<crate::domain::policy::Dnd>>,
    tokio::task::JoinHandle<()>,
) {
    let (tx, mut rx) = tokio::sync::watch::channel(None::<crate::domain::policy::Dnd>);
    let task = tokio::spawn(async move {
        use crate::notify::enforcer::{Applied, Enforcer};
        let mut enforcer: Option<Enforcer> = None;
        let mut desired: Option<crate::domain::policy::Dnd> = None;
        let mut retry = false;
        loop {
            // Another serein may enforce for this folder (the daemon): keep trying, so that
            // whoever stays takes over when the other leaves.
            if enforcer.is_none() {
                enforcer = Enforcer::start(&db, &data_dir, macos.clone()).await;
                if let Some(e) = enforcer.as_mut() {
                    e.clear_on_end = clear_on_end;
                    retry = desired.is_some();
                }
            }
            if retry {
                retry = false;
                if let (Some(e), Some(d)) = (enforcer.as_mut(), desired.as_ref()) {
                    let applied = e.set(d).await;
                    retry = matches!(applied, Applied::Failed(_));
                    let _ = inbox.send(Msg::DndApplied(applied));
                }
            }
            let wait = enforcer.is_none() || retry;
            tokio::select! {
                changed = rx.changed() => {
                    if changed.is_err() {
                        break;
                    }
                    desired = rx.borrow_and_update().clone();
                    retry = desired.is_some();
                }
                _ = tokio::time::sleep(Duration::from_secs(30)), if wait => {
                    retry = desired.is_some();
                }
            }
        }
        // Leaving: give the desktop back. A failing restore is tried once more; the journal
        // stays for the guardian and the next start if it still fails.
        if let Some(mut e) = enforcer
            && !e.release().await
        {
            tokio::time::sleep(Duration::from_secs(1)).await;
            e.release().await;
        }
    });
    (tx, task)
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

/// Runs effects against the store and the desktop and turns results into messages.
struct Effects<'a> {
    store: &'a mut Store,
    /// `PRAGMA data_version` last seen: it moves when another process commits.
    version: i64,
    /// The store's revision last seen: it moves with real changes, not heartbeats.
    revision: i64,
    /// Whether a daemon for this data folder runs (it heartbeats then), checked now and then.
    daemon_running: bool,
    heartbeats: u32,
    desktop: Box<dyn Desktop + 'a>,
}

fn problem(what: &str, e: StoreError) -> Vec<Msg> {
    vec![Msg::Problem(format!("{what}: {e}"))]
}

impl Effects<'_> {
    fn run(&mut self, e: Effect, now: Now) -> Vec<Msg> {
        match e {
            Effect::LoadReview(week) => {
                let from = crate::domain::review::trend_start(week);
                match (self.store.review(week), self.store.reviews(from, week)) {
                    (Ok(review), Ok(history)) => vec![Msg::ReviewLoaded {
                        week,
                        review,
                        history,
                    }],
                    (Err(e), _) | (_, Err(e)) => problem("can't read the review", e),
                }
            }
            Effect::SaveReview(r) => match self.store.save_review(&r) {
                Ok(()) => Vec::new(),
                Err(e) => {
                    tracing::error!("review not saved: {e}");
                    vec![Msg::StoreFailed(e.to_string())]
                }
            },
            Effect::LoadWeek(week, params) => {
                match week::load_week(self.store, &params, week, now.utc, week::RECENT_WEEKS) {
                    Ok(data) => vec![Msg::WeekLoaded(week, Box::new(data))],
                    Err(e) => problem("can't read the log", e),
                }
            }
            Effect::LoadDay(date) => match self.store.day(date) {
                Ok(boxes) => vec![Msg::DayLoaded { date, boxes }],
                Err(e) => problem("can't read the plan", e),
            },
            Effect::LoadOther(date, purpose) => match self.store.day(date) {
                Ok(boxes) => vec![Msg::OtherDayLoaded {
                    date,
                    boxes,
                    purpose,
                }],
                Err(e) => problem("can't read the plan", e),
            },
            Effect::Apply(change) => match self.store.apply(&change) {
                Ok(created) => vec![Msg::Saved { created }],
                Err(e) => {
                    tracing::error!("save failed: {e}");
                    vec![Msg::StoreFailed(e.to_string())]
                }
            },
            Effect::PollExternal(date, week) => match self.store.data_version() {
                Ok(v) if v != self.version => {
                    self.version = v;
                    // Only a heartbeat (the daemon is alive)? Nothing to reload.
                    match self.store.revision() {
                        Ok(r) if r == self.revision => return Vec::new(),
                        Ok(r) => self.revision = r,
                        Err(_) => {}
                    }
                    let mut msgs = self.run(Effect::LoadDay(date), now);
                    msgs.extend(self.run(Effect::LoadSession, now));
                    msgs.extend(self.run(Effect::LoadManual, now));
                    if let Some((w, p)) = week {
                        msgs.extend(self.run(Effect::LoadWeek(w, p), now));
                    }
                    msgs
                }
                Ok(_) => Vec::new(),
                Err(e) => problem("can't read the database", e),
            },
            Effect::Quit => Vec::new(),
            Effect::StartSession(s) => match self.store.start_session(&s) {
                Ok(id) => vec![Msg::SessionStarted(Session { id, ..s })],
                // Another process started one first: show that one.
                Err(StoreError::SessionActive { .. }) => self.run(Effect::LoadSession, now),
                Err(e) => problem("can't start the session", e),
            },
            Effect::SaveSession(s) => match self.store.save_session(&s) {
                Ok(_) => Vec::new(),
                Err(e) => problem("can't save the session", e),
            },
            Effect::Heartbeat(id, at) => {
                // A running daemon heartbeats the session already; check every 30 s.
                if self.heartbeats.is_multiple_of(30) {
                    self.daemon_running =
                        self.store.path().and_then(|p| p.parent()).is_some_and(|d| {
                            crate::daemon::is_running(&d.join("daemon.lock")).unwrap_or(false)
                                && !crate::daemon::is_self(&d.join("daemon.lock"))
                        });
                }
                self.heartbeats = self.heartbeats.wrapping_add(1);
                if self.daemon_running {
                    return Vec::new();
                }
                match self.store.heartbeat(id, at) {
                    Ok(()) => Vec::new(),
                    Err(e) => problem("can't record the session", e),
                }
            }
            Effect::Interrupt(id, at, reason) => {
                match self.store.add_interruption(id, at, reason.as_deref()) {
                    Ok(()) => Vec::new(),
                    Err(e) => problem("can't log the interruption", e),
                }
            }
            Effect::MarkDone(id) => match self.store.set_done(id, true) {
                Ok(_) => Vec::new(),
                Err(e) => problem("can't mark the box done", e),
            },
            Effect::LoadSession => match self.store.active_session() {
                Ok(s) => vec![Msg::SessionLoaded(s)],
                Err(e) => problem("can't read the session", e),
            },
            Effect::LoadSessionsToday(date) => match self.store.sessions(date, date) {
                Ok(list) => vec![Msg::SessionsToday(list)],
                Err(e) => problem("can't read today's sessions", e),
            },
            Effect::Notify {
                session,
                key,
                notification,
            } => {
                // Claimed in the database so the TUI and the daemon never both send it.
                match self.store.claim(session, &key, now.utc) {
                    Ok(true) => self.desktop.notify(notification),
                    Ok(false) => {}
                    Err(e) => tracing::warn!("notification claim failed: {e}"),
                }
                Vec::new()
            }
            Effect::Hook {
                session,
                key,
                argv,
                event,
            } => {
                match self.store.claim(session, &key, now.utc) {
                    Ok(true) => self.desktop.hook(argv, event),
                    Ok(false) => {}
                    Err(e) => tracing::warn!("hook claim failed: {e}"),
                }
                Vec::new()
            }
            Effect::Bell => {
                self.desktop.bell();
                Vec::new()
            }
            Effect::EnsureDaemon => {
                self.desktop.ensure_daemon();
                Vec::new()
            }
            Effect::LogBreath(s) => match self.store.start_session(&s) {
                Ok(id) => vec![Msg::BreathLogged(id)],
                Err(e) => problem("can't log the exercise", e),
            },
            Effect::SetDnd(d) => {
                self.desktop.set_dnd(d);
                Vec::new()
            }
            Effect::SetManual(manual) => {
                let r = match manual {
                    Some(m) => self.store.set_manual(m.on, m.until),
                    None => self.store.clear_manual(),
                };
                match r {
                    Ok(()) => {
                        // A daemon enforcing for this folder may be asleep until its next change.
                        if let Some(dir) = self.store.path().and_then(|p| p.parent()) {
                            crate::daemon::wake(&dir.join("daemon.lock"));
                        }
                        Vec::new()
                    }
                    Err(e) => problem("can't save the offline override", e),
                }
            }
            Effect::MarkAfterHours(id) => match self.store.mark_after_hours(id) {
                Ok(()) => Vec::new(),
                Err(e) => problem("can't record after-hours work", e),
            },
            Effect::LoadManual => match self.store.manual() {
                Ok(m) => {
                    vec![Msg::ManualLoaded(m.map(|(on, until)| {
                        crate::domain::policy::Manual { on, until }
                    }))]
                }
                Err(e) => problem("can't read the offline override", e),
            },
            Effect::LoadBreathSeen => match self.store.breath_patterns_used() {
                Ok(names) => vec![Msg::BreathSeen(names)],
                Err(e) => problem("can't read the breathing log", e),
            },
            Effect::Remind { key, notification } => {
                match self.store.claim_reminder(&key, now.utc) {
                    Ok(true) => self.desktop.notify(notification),
                    Ok(false) => {}
                    Err(e) => tracing::warn!("reminder claim failed: {e}"),
                }
                Vec::new()
            }
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
pub async fn termination() {
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
pub fn run_terminal(
    mut model: Model,
    mut store: Store,
    clock: &dyn Clock,
    daemon: Option<crate::daemon::Launch>,
    enforce: Option<(std::path::PathBuf, std::path::PathBuf)>,
) -> anyhow::Result<()> {
    {
        use std::io::IsTerminal;
        if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
            anyhow::bail!(
                "serein's screens need a terminal (standard input and output are not one); the other commands (serein --help) work anywhere"
            );
        }
    }
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
        let (tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
        let (dnd, enforcer) = match &enforce {
            Some((db, dir)) => {
                let macos = model.config.offline.macos_shortcuts();
                let (dnd, task) = spawn_enforcer(
                    db.clone(),
                    dir.clone(),
                    macos,
                    model.config.offline.clear_on_end,
                    tx.clone(),
                );
                (Some(dnd), Some(task))
            }
            None => (None, None),
        };
        let desktop = RealDesktop {
            notifier: Arc::new(crate::notify::DesktopNotifier::new()),
            inbox: tx,
            daemon,
            terminal_bell: true,
            dnd,
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
        let ticker = ticker::Ticker::precise();
        let result = run_with(
            &mut terminal,
            &mut model,
            &mut store,
            &clock,
            EventStream::new(),
            &mut inbox,
            Box::new(desktop),
            shutdown,
            &ticker,
        )
        .await;
        drop(guard);
        // The desktop (and the enforcer's input with it) is gone: wait for Do-Not-Disturb to be
        // given back before the process ends.
        if let Some(task) = enforcer {
            let _ = tokio::time::timeout(Duration::from_secs(6), task).await;
        }
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
