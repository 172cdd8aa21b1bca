//! `serein daemon`: runs sessions with no TUI open, so the end-of-box notification, `on_end`
//! and hooks still happen after `serein start` returns or the TUI quits. It is the same
//! `update`, `Shell` and run loop as the TUI, with a [`Headless`] frontend instead of the
//! terminal. One per data folder ([`instance`]); it leaves by itself a minute (wall clock)
//! after it last had something to do.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::app::model::Model;
use crate::app::update;
use crate::config::{Config, Paths};
use crate::domain::time::Now;
use crate::keys::Keymap;
use crate::shell::clock::Clock;
use crate::shell::instance::{self, Instance};
use crate::shell::ticker::Ticker;
use crate::shell::{Frontend, RealDesktop, Shell, give_back, run_loop, until};
use crate::store::Store;

/// How long the daemon stays with nothing to do (wall clock).
const IDLE_EXIT: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

/// The longest the daemon sleeps with no session: it re-reads the offline state then.
const MAX_SLEEP: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

/// How to start a background daemon for one data folder.
#[derive(Debug, Clone)]
pub struct Launch {
    exe: PathBuf,
    args: Vec<OsString>,
    data_dir: PathBuf,
}

impl Launch {
    /// The daemon for these paths, run by this same binary.
    pub fn new(paths: &Paths) -> Option<Launch> {
        let exe = std::env::current_exe().ok()?;
        let mut args: Vec<OsString> = vec!["--data-dir".into(), paths.data_dir.clone().into()];
        if paths.config_explicit {
            args.push("--config".into());
            args.push(paths.config_file.clone().into());
        }
        args.push("daemon".into());
        Some(Launch {
            exe,
            args,
            data_dir: paths.data_dir.clone(),
        })
    }

    /// Starts a daemon unless one already runs for this data folder (then wakes it), or
    /// `SEREIN_NO_DAEMON` is set. Returns whether one was started.
    pub fn ensure(&self) -> std::io::Result<bool> {
        if std::env::var_os("SEREIN_NO_DAEMON").is_some_and(|v| !v.is_empty()) {
            return Ok(false);
        }
        if instance::is_running(&self.data_dir)? {
            if !instance::wake(&self.data_dir) {
                // A path too long for a socket, or a daemon on its way out: it sees the change
                // at its next wake-up (a minute at most), or the next command starts one.
                tracing::warn!(dir = %self.data_dir.display(), "the daemon runs but could not be woken");
            }
            return Ok(false);
        }
        Command::new(&self.exe)
            .args(&self.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: closing the terminal must not take it down.
            .process_group(0)
            .spawn()?;
        Ok(true)
    }
}

/// The daemon's frontend: nothing to draw, no input. It wakes when something is due — a
/// session's reminder, end or heartbeat (every `HEARTBEAT_S` while one runs), the next offline
/// change — or after a minute, and leaves once it has had nothing to do for a minute of
/// wall-clock time, or when its database is gone.
#[derive(Debug)]
pub struct Headless {
    /// `serein daemon --stay`: never leave for being idle.
    stay: bool,
    /// Leave when this file is removed (the data folder was deleted).
    db_file: Option<PathBuf>,
    /// Leave at this instant unless something keeps the daemon busy before.
    idle_until: DateTime<Utc>,
    /// When to look for the database next (every pass with no session, else once a minute).
    db_check_at: DateTime<Utc>,
}

impl Headless {
    pub fn new(stay: bool, db_file: Option<PathBuf>, now: DateTime<Utc>) -> Headless {
        Headless {
            stay,
            db_file,
            idle_until: now + IDLE_EXIT,
            db_check_at: now,
        }
    }
}

/// Something to do: a session runs, offline hours are configured or on, or a manual override
/// lasts.
fn busy(model: &Model, now: DateTime<Utc>) -> bool {
    model.timer.session.is_some()
        || model.config.offline.is_active()
        || model.offline.dnd_desired.as_ref().is_some_and(|d| d.on)
        || model.offline.manual.is_some_and(|m| m.until > now)
}

impl Frontend for Headless {
    fn draw(&mut self, _: &Model, _: bool) -> anyhow::Result<bool> {
        Ok(false)
    }

    async fn input(&mut self) -> Option<std::io::Result<crate::app::msg::Msg>> {
        std::future::pending().await
    }

    fn next_tick(&self, model: &Model, now: Now) -> Duration {
        // Only when something is due (a session's reminder and end, its heartbeat, the next
        // offline change), else once a minute. `serein offline`/`start` and the TUI wake us
        // over the socket after a change.
        let mut next = now.utc + MAX_SLEEP;
        if let Some(due) = update::next_event(model, now) {
            next = next.min(due);
        }
        if !self.stay {
            next = next.min(self.idle_until);
        }
        until(next, now.utc)
    }

    fn done(&mut self, model: &Model, now: DateTime<Utc>) -> bool {
        if self.stay || busy(model, now) {
            self.idle_until = now + IDLE_EXIT;
        }
        if let Some(db) = &self.db_file
            && (model.timer.session.is_none() || now >= self.db_check_at)
        {
            self.db_check_at = now + chrono::TimeDelta::seconds(60);
            if !db.exists() {
                tracing::warn!("the database is gone; daemon leaving");
                return true;
            }
        }
        now >= self.idle_until
    }
}

/// Runs the daemon until it has been idle for a minute, or a signal ends it.
pub fn run(paths: &Paths, config: Config, clock: &dyn Clock, stay: bool) -> anyhow::Result<()> {
    let Some(mut instance) = Instance::claim(&paths.data_dir)? else {
        println!(
            "a serein daemon already runs for {}",
            paths.data_dir.display()
        );
        return Ok(());
    };
    let mut store = Store::open(&paths.db_file())?;
    let keymap = Keymap::new(&config.keys);
    let mut model = Model::new(config, keymap, clock.local());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        // Watched (and so not fatal) but ignored: the terminal that started us may close.
        let _hup = signal(SignalKind::hangup())?;
        let shutdown = async move {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        };
        let (tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
        // Without the socket we still run, waking on our own schedule.
        let listener = instance
            .listen(tx.clone())
            .inspect_err(|e| tracing::warn!("the daemon can't be woken: {e}"))
            .ok();
        let enforce = Some((paths.db_file(), paths.data_dir.clone()));
        let (desktop, enforcer) = RealDesktop::start(&model.config, tx, None, false, enforce);
        let mut shell = Shell::with_desktop(&mut store, Box::new(desktop))
            .in_daemon()
            .watch_config(paths.config_file.clone(), paths.config_explicit);
        tracing::info!(pid = std::process::id(), "daemon started");
        let mut frontend = Headless::new(stay, Some(paths.db_file()), clock.now());
        let result = run_loop(
            &mut frontend,
            &mut shell,
            &mut model,
            clock,
            &mut inbox,
            shutdown,
            &Ticker::precise(),
        )
        .await;
        if let Some(task) = listener {
            task.abort();
        }
        drop(shell);
        // Give the desktop back before leaving.
        if let Some(task) = enforcer {
            give_back(task).await;
        }
        tracing::info!("daemon leaving");
        result.map(|_| ())
    })?;
    drop(instance);
    Ok(())
}
