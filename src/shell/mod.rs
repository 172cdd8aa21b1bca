//! The imperative edge: the run loop, effects against the store and the desktop, the
//! terminal, the daemon, signals and the clock. Everything that decides lives in `app` and
//! `domain`; this module only carries its decisions out.

pub mod clock;
pub mod daemon;
pub mod desktop;
pub mod effects;
pub mod hooks;
pub mod instance;
pub mod ticker;
pub mod tui;
pub mod watch;

use std::collections::VecDeque;
use std::future::Future;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
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
use crate::shell::ticker::Ticker;
use crate::shell::watch::{Changed, FileWatch};
use crate::store::Store;

pub use desktop::{Desktop, RealDesktop, Recorded, RecordingDesktop, give_back};
pub use tui::run_terminal;

/// What a run did, for tests and benchmarks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RunStats {
    pub draws: u64,
    pub ticks: u64,
    /// Animation frames asked for (30 fps while a breathing shape moves).
    pub frames: u64,
    /// Wake-ups by a file notification (another process wrote the database or the config).
    pub notified: u64,
    /// Of the draws, those that only patched the countdown's seconds (see [`Frontend::draw`]).
    pub patched: u64,
}

/// What the run loop serves: a terminal that draws and gives key events ([`TerminalFrontend`]),
/// or nothing to draw and no input (the daemon's [`daemon::Headless`]).
pub trait Frontend {
    /// Shows the model. `seconds_only`: since the last draw only the countdown's seconds
    /// moved (a tick within the same minute that changed nothing else, see
    /// [`Shell::dispatch`]), so a frontend may patch them in place of a whole frame. Returns
    /// whether it did.
    fn draw(&mut self, model: &Model, seconds_only: bool) -> anyhow::Result<bool>;
    /// The next input as a message; `None` when the input ended (the loop leaves).
    fn input(&mut self) -> impl Future<Output = Option<io::Result<Msg>>>;
    /// How long the loop may sleep before its next tick.
    fn next_tick(&self, model: &Model, now: Now) -> Duration;
    /// Asked after each message: whether the loop leaves now.
    fn done(&mut self, model: &Model, now: DateTime<Utc>) -> bool;
}

/// The TUI's frontend: a terminal and its event stream; a tick when something shown changes
/// (`update::next_tick`: each second while a countdown is on screen, else each minute).
pub struct TerminalFrontend<'t, B: Backend, E> {
    pub terminal: &'t mut Terminal<B>,
    pub events: E,
    /// The terminal has a fixed viewport (the real TUI): its size is asked for again only
    /// after a resize event, not on every frame (ratatui's full-screen viewport opens
    /// `/dev/tty` for an ioctl on each draw, once a second under a countdown).
    pub fixed_size: bool,
    /// A resize event came since the last draw (`fixed_size` only).
    pub resized: bool,
    /// The last frame drawn while a countdown showed in a line of text: what a
    /// countdown-only redraw patches.
    pub shown: Option<Shown>,
}

/// A frame as drawn, and the countdown text and minute it was drawn with.
pub struct Shown {
    buffer: ratatui::buffer::Buffer,
    countdown: String,
    minute: chrono::NaiveDateTime,
    /// The running session's minutes as Today's "done" column shows them: they turn over on
    /// the session's own seconds, not the clock's minute.
    running: Option<(u32, u32)>,
}

impl<B: Backend> TerminalFrontend<'_, B, ()> {
    /// A frontend for `terminal` reading `events`; `fixed_size` for the real terminal.
    pub fn new<E>(
        terminal: &mut Terminal<B>,
        events: E,
        fixed_size: bool,
    ) -> TerminalFrontend<'_, B, E> {
        TerminalFrontend {
            terminal,
            events,
            fixed_size,
            // Looked at once more on the first frame: a resize before the events are read.
            resized: fixed_size,
            shown: None,
        }
    }
}

impl<B: Backend, E> TerminalFrontend<'_, B, E>
where
    B::Error: Send + Sync + 'static,
{
    /// The countdown-only redraw: a tick in the same minute moved the countdown's seconds
    /// and nothing else, so the last frame with its text patched ([`crate::ui::patch_countdown`])
    /// is the new frame; only the changed cells go out (ratatui's diff against the frame on
    /// screen). About a tenth of a whole Today frame. `false` (nothing written) when that is
    /// not certain: the caller draws the whole frame.
    fn patch(&mut self, model: &Model) -> anyhow::Result<bool> {
        let Some(shown) = self.shown.as_mut() else {
            return Ok(false);
        };
        let Some(text) = crate::ui::countdown_text(model) else {
            return Ok(false);
        };
        if minute(model) != shown.minute
            || running_minutes(model) != shown.running
            || !crate::ui::patch_countdown(&mut shown.buffer, &shown.countdown, &text)
        {
            return Ok(false);
        }
        shown.countdown = text;
        // Debug builds (every test) prove it: the patched frame is the frame a whole draw
        // makes, or the patch missed a change and would leave stale text on screen.
        if cfg!(debug_assertions) {
            let mut frame = self.terminal.get_frame();
            crate::ui::view(model, &mut frame);
            let full = self.terminal.current_buffer_mut();
            if *full != shown.buffer {
                panic!(
                    "the countdown-only redraw differs from a whole frame:\n{:?}\nwhole:\n{:?}",
                    shown.buffer, full
                );
            }
        }
        self.terminal.current_buffer_mut().clone_from(&shown.buffer);
        self.terminal.flush()?;
        self.terminal.swap_buffers();
        self.terminal.backend_mut().flush()?;
        Ok(true)
    }
}

/// The running session's length and overrun in whole minutes, as Today's done column shows
/// them (`app::today::actuals` counts the same way). Read from the session alone: building
/// the whole done column (with the day's meetings) each second is the work the patch saves.
fn running_minutes(model: &Model) -> Option<(u32, u32)> {
    let now = model.now_utc;
    let s = model.timer.session.as_ref().filter(|s| s.is_active())?;
    let whole = |secs: i64| (secs.max(0) / 60) as u32;
    Some((whole(s.actual_s(now)), whole(s.overrun_s(now))))
}

/// The minute a frame shows (the header clock, the now marker, minutes left in the day).
fn minute(model: &Model) -> chrono::NaiveDateTime {
    use chrono::Timelike;
    model
        .now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(model.now)
}

impl<B, E> Frontend for TerminalFrontend<'_, B, E>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: Stream<Item = io::Result<Event>> + Unpin,
{
    fn draw(&mut self, model: &Model, seconds_only: bool) -> anyhow::Result<bool> {
        if self.fixed_size && std::mem::take(&mut self.resized) {
            let size = self.terminal.size()?;
            if size != self.terminal.get_frame().area().as_size() {
                self.terminal
                    .resize(ratatui::layout::Rect::from((Default::default(), size)))?;
                self.shown = None;
            }
        }
        if seconds_only && self.patch(model)? {
            return Ok(true);
        }
        let countdown = crate::ui::countdown_text(model);
        let frame = self.terminal.draw(|f| crate::ui::view(model, f))?;
        // Kept only while a countdown shows: the next seconds are patched into it.
        self.shown = countdown.map(|countdown| Shown {
            buffer: frame.buffer.clone(),
            countdown,
            minute: minute(model),
            running: running_minutes(model),
        });
        Ok(false)
    }

    async fn input(&mut self) -> Option<io::Result<Msg>> {
        loop {
            match self.events.next().await? {
                Ok(Event::Key(k)) => return Some(Ok(Msg::Key(k))),
                Ok(Event::Resize(..)) => {
                    self.resized = true;
                    return Some(Ok(Msg::Resize));
                }
                Ok(_) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    }

    fn next_tick(&self, model: &Model, now: Now) -> Duration {
        until(update::next_tick(model, now), now.utc)
    }

    fn done(&mut self, _: &Model, _: DateTime<Utc>) -> bool {
        false
    }
}

/// Just after `at`: the margin keeps a timer that fires a hair early from waking us twice.
pub(crate) fn until(at: DateTime<Utc>, now: DateTime<Utc>) -> Duration {
    (at - now).to_std().unwrap_or_default() + Duration::from_millis(3)
}

/// Test entry point: [`run_loop`] on a given terminal, sleeping with tokio's timer (tests drive
/// it under paused time); runs until the user quits, the event stream ends, or `shutdown`
/// resolves. The real TUI goes through `tui::run_terminal`, which calls `run_loop` itself.
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
    let mut frontend = TerminalFrontend::new(terminal, events, false);
    let mut shell = Shell::with_desktop(store, desktop).watch_store();
    run_loop(
        &mut frontend,
        &mut shell,
        model,
        clock,
        inbox,
        shutdown,
        &Ticker::Tokio,
    )
    .await
}

/// The one run loop, for the TUI and the daemon: starts the shell, then turns input, results
/// of background work, ticks and frames into messages until the frontend is done, the user
/// quits, the input ends or `shutdown` resolves (a signal). Every way out ends with
/// `Msg::Shutdown`, so a running breathing exercise is logged as stopped.
pub async fn run_loop<F, C, S>(
    frontend: &mut F,
    shell: &mut Shell<'_>,
    model: &mut Model,
    clock: &C,
    inbox: &mut UnboundedReceiver<Msg>,
    shutdown: S,
    ticker: &Ticker,
) -> anyhow::Result<RunStats>
where
    F: Frontend,
    C: Clock + ?Sized,
    S: Future<Output = ()>,
{
    let mut stats = RunStats::default();
    let mut dirty = shell.start(model, clock.stamp());
    // Every message since the last draw moved only the countdown's seconds.
    let mut seconds_only = false;
    shell.start_watch();
    tokio::pin!(shutdown);
    // 30 fps, polled only while a breathing shape moves on screen: no frames otherwise.
    let mut frames = tokio::time::interval(Duration::from_millis(33));
    frames.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let left: anyhow::Result<()> = loop {
        if dirty {
            match frontend.draw(model, seconds_only) {
                Ok(patched) => stats.patched += u64::from(patched),
                Err(e) => break Err(e),
            }
            stats.draws += 1;
            dirty = false;
        }
        seconds_only = true;
        let now = clock.stamp();
        let mut tick_in = frontend.next_tick(model, now);
        if shell.polls_store() {
            tick_in = tick_in.min(watch::POLL);
        }
        // Without motion, the Breathe screen still wakes when its shown second turns (it
        // follows the exercise, not the wall clock): a frame then instead of a tick.
        let (mut sleep, mut breath_wake) =
            match model.breath_wake_ms(now).map(Duration::from_millis) {
                Some(b) if b < tick_in => (b, true),
                _ => (tick_in, false),
            };
        // A calendar download due (whole minutes: the TUI's minute tick already wakes then).
        if let Some(due) = shell.fetch.next_due(&model.config, now.utc) {
            let fetch_in = until(due, now.utc);
            if fetch_in < sleep {
                (sleep, breath_wake) = (fetch_in, false);
            }
        }
        let watch = shell.watch.as_ref();
        let event = tokio::select! {
            input = frontend.input() => match input {
                Some(Ok(msg)) => Ok(msg),
                Some(Err(e)) => break Err(e.into()),
                None => break Ok(()),
            },
            Some(msg) = inbox.recv() => Ok(msg),
            Some(msg) = shell.fetch.rx.recv() => Ok(msg),
            _ = frames.tick(), if model.animating() => {
                stats.frames += 1;
                Ok(Msg::Frame)
            }
            _ = ticker.sleep(sleep) => {
                if breath_wake {
                    Ok(Msg::Frame)
                } else {
                    stats.ticks += 1;
                    Ok(Msg::Tick)
                }
            }
            changed = async { watch?.changed().await.ok() }, if watch.is_some() => {
                stats.notified += 1;
                Err(changed)
            }
            _ = &mut shutdown => break Ok(()),
        };
        let now = clock.stamp();
        let d = match event {
            Ok(msg) => shell.dispatch(model, msg, now),
            Err(Some(changed)) => shell.changed(model, changed, now),
            // The watch failed (it should not): poll from now on.
            Err(None) => {
                tracing::warn!("file notifications failed: polling instead");
                shell.watch = None;
                shell.watch_failed = true;
                Dispatched::default()
            }
        };
        dirty |= d.redraw;
        // Any other message (even one that asked for no redraw) makes the next frame whole.
        seconds_only &= d.seconds_only;
        if d.quit || frontend.done(model, now.utc) {
            break Ok(());
        }
    };
    let now = clock.stamp();
    shell.dispatch(model, Msg::Shutdown, now);
    shell.last_heartbeat(model, now);
    left.map(|()| stats)
}

/// The result of dispatching one message and everything it caused.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Dispatched {
    pub redraw: bool,
    pub quit: bool,
    /// A tick that changed nothing shown but the countdown's seconds (and the minute, which
    /// the frontend compares itself): no message or effect beyond the tick's heartbeat and
    /// its look for other processes' writes, the same screen, mode, status and day.
    pub seconds_only: bool,
}

/// A running session whose heartbeat is older than this has no process running it: two
/// heartbeats missed ([`update::HEARTBEAT_S`] apart), and a margin.
pub const STALE_S: i64 = 2 * update::HEARTBEAT_S + 5;

/// Runs `update` and the effects it asks for, feeding results back until nothing is left.
/// The TUI loop, the daemon and the flow tests all go through here.
pub struct Shell<'a> {
    effects: effects::Effects<'a>,
    config: Option<ConfigWatch>,
    /// Follow the database's changes by file notification (the TUI); the daemon is woken
    /// over its socket instead.
    watch_store: bool,
    /// Notifications on the database and the config file, made at start.
    watch: Option<FileWatch>,
    /// The notifications failed while running: poll.
    watch_failed: bool,
    /// Background downloads of `[[calendar]] url` sources.
    fetch: effects::fetch::Fetcher,
}

/// The config file as last read: checked (one `stat`) on each tick, read again when it changed.
#[derive(Debug)]
struct ConfigWatch {
    path: PathBuf,
    explicit: bool,
    seen: Option<(std::time::SystemTime, u64)>,
}

impl ConfigWatch {
    fn stamp(path: &std::path::Path) -> Option<(std::time::SystemTime, u64)> {
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    }

    /// The config as it is now, if the file changed since last seen. A file that no longer
    /// parses is reported and the running config kept (fix it, save again).
    fn changed(&mut self) -> Option<Msg> {
        let now = ConfigWatch::stamp(&self.path);
        if now == self.seen {
            return None;
        }
        self.seen = now;
        Some(
            match crate::config::Config::load(&self.path, self.explicit) {
                Ok(loaded) => {
                    tracing::info!(path = %self.path.display(), "config read again");
                    Msg::ConfigChanged(Box::new(loaded.config))
                }
                Err(e) => Msg::Problem(format!("config not read again, the old one stays: {e}")),
            },
        )
    }
}

impl<'a> Shell<'a> {
    /// A shell whose desktop effects are only recorded (tests).
    pub fn new(store: &'a mut Store) -> Shell<'a> {
        Shell::with_desktop(store, Box::new(RecordingDesktop::default()))
    }

    pub fn with_desktop(store: &'a mut Store, desktop: Box<dyn Desktop + 'a>) -> Shell<'a> {
        Shell {
            effects: effects::Effects {
                version: store.data_version().unwrap_or(0),
                revision: store.revision().unwrap_or(0),
                daemon_running: false,
                is_daemon: false,
                last_beat: None,
                store,
                desktop,
            },
            config: None,
            watch_store: false,
            watch: None,
            watch_failed: false,
            fetch: effects::fetch::Fetcher::default(),
        }
    }

    /// Learns about other processes' writes to the database by file notification (inotify)
    /// instead of looking on every tick; polls every [`watch::POLL`] where that is missing.
    pub fn watch_store(mut self) -> Shell<'a> {
        self.watch_store = true;
        self
    }

    /// Starts the file notifications (inside the run loop: they need its tokio runtime).
    fn start_watch(&mut self) {
        let db = self.effects.store.path().filter(|_| self.watch_store);
        let config = self.config.as_ref().map(|c| c.path.as_path());
        if db.is_some() || config.is_some() {
            self.watch = FileWatch::new(db, config);
        }
    }

    /// The database is on disk, should be followed, and no notification tells us of changes.
    fn polls_store(&self) -> bool {
        self.watch_store
            && self.effects.store.path().is_some()
            && (self.watch_failed || !self.watch.as_ref().is_some_and(FileWatch::watches_store))
    }

    /// A watched file changed: the config is read again if it changed, the shown data reloaded
    /// if another process committed.
    pub fn changed(
        &mut self,
        model: &mut Model,
        changed: Changed,
        now: impl Into<Now>,
    ) -> Dispatched {
        let mut queue = VecDeque::new();
        if changed.config
            && let Some(msg) = self.config.as_mut().and_then(ConfigWatch::changed)
        {
            queue.push_back(msg);
        }
        if changed.store {
            queue.push_back(Msg::StoreChanged);
        }
        self.drain(model, queue, now.into(), false)
    }

    /// Leaving with a session running: its heartbeat says until when it ran (what a recovery
    /// closes it at if nothing else takes over).
    fn last_heartbeat(&mut self, model: &Model, now: Now) {
        if let Some(s) = &model.timer.session
            && matches!(s.state, crate::domain::session::State::Running { .. })
            && let Err(e) = self.effects.store.heartbeat(s.id, now.utc)
        {
            tracing::warn!("last heartbeat not written: {e}");
        }
    }

    /// Follows the config file at `path` (as loaded at start): when it changes, the next tick
    /// reads it again and the model takes it (`Msg::ConfigChanged`).
    pub fn watch_config(mut self, path: PathBuf, explicit: bool) -> Shell<'a> {
        let seen = ConfigWatch::stamp(&path);
        self.config = Some(ConfigWatch {
            path,
            explicit,
            seen,
        });
        self
    }

    /// The daemon's shell: it heartbeats its sessions itself (no other daemon does).
    pub fn in_daemon(mut self) -> Shell<'a> {
        self.effects.is_daemon = true;
        self
    }

    /// Closes sessions nothing ran (crash, kill -9, reboot), then runs the initial effects.
    pub fn start(&mut self, model: &mut Model, now: impl Into<Now>) -> bool {
        let now: Now = now.into();
        match self.effects.store.recover(now.utc, STALE_S) {
            Ok(Some(s)) => model.set_status(
                model::Level::Warn,
                crate::t!("app-recovered", title = &s.title),
            ),
            Ok(None) => {}
            Err(e) => tracing::warn!("session recovery failed: {e}"),
        }
        let mut queue: VecDeque<Msg> = VecDeque::new();
        for e in update::init(model) {
            queue.extend(self.effects.run(e, now));
        }
        self.drain(model, queue, now, false);
        self.fetch.start_due(&model.config, now.utc);
        true
    }

    /// Handles one message at `now`.
    pub fn dispatch(&mut self, model: &mut Model, msg: Msg, now: impl Into<Now>) -> Dispatched {
        let now: Now = now.into();
        if matches!(msg, Msg::Tick) {
            self.fetch.start_due(&model.config, now.utc);
        }
        let mut queue = VecDeque::new();
        let watched = self.watch.as_ref();
        // A config file followed by notification is read again when it changes, not looked at.
        if (matches!(msg, Msg::Woken)
            || (matches!(msg, Msg::Tick) && !watched.is_some_and(FileWatch::watches_config)))
            && let Some(changed) = self.config.as_mut().and_then(ConfigWatch::changed)
        {
            queue.push_back(changed);
        }
        // Likewise the database: a tick does not look for other processes' writes.
        let skip_poll = matches!(msg, Msg::Tick) && watched.is_some_and(FileWatch::watches_store);
        let tick = matches!(msg, Msg::Tick) && queue.is_empty();
        let before = tick.then(|| ShownState::of(model));
        queue.push_back(msg);
        let mut d = self.drain(model, queue, now, skip_poll);
        d.seconds_only = before.is_some_and(|b| d.seconds_only && b == ShownState::of(model));
        d
    }

    fn drain(
        &mut self,
        model: &mut Model,
        mut queue: VecDeque<Msg>,
        now: Now,
        skip_poll: bool,
    ) -> Dispatched {
        let mut out = Dispatched {
            seconds_only: queue.len() == 1,
            ..Dispatched::default()
        };
        let mut first = true;
        while let Some(msg) = queue.pop_front() {
            out.seconds_only &= std::mem::take(&mut first);
            let u = update::update(model, msg, now);
            out.redraw |= u.redraw;
            for e in u.effects {
                if e == Effect::Quit {
                    out.quit = true;
                    return out;
                }
                out.seconds_only &= matches!(e, Effect::Heartbeat(..) | Effect::PollExternal(..));
                if skip_poll && matches!(e, Effect::PollExternal(..)) {
                    continue;
                }
                queue.extend(self.effects.run(e, now));
            }
        }
        out
    }
}

/// What a tick could change on screen besides the clock, compared before and after it.
#[derive(PartialEq)]
struct ShownState {
    screen: model::Screen,
    mode: std::mem::Discriminant<model::Mode>,
    status: Option<(model::Level, String)>,
    day: chrono::NaiveDate,
}

impl ShownState {
    fn of(m: &Model) -> ShownState {
        ShownState {
            screen: m.screen,
            mode: std::mem::discriminant(&m.mode),
            status: m.status.as_ref().map(|s| (s.level, s.text.clone())),
            day: m.today.date,
        }
    }
}
