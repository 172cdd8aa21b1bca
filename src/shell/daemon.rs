//! `serein daemon`: runs sessions with no TUI open, so the end-of-box notification, `on_end`
//! and hooks still happen after `serein start` returns or the TUI quits. It is the same
//! `update` and `Shell` as the TUI, minus the terminal. One per data folder (a file lock);
//! it leaves by itself a minute after the last session ends.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use crate::app::model::Model;
use crate::app::msg::Msg;
use crate::config::{Config, Paths};
use crate::keys::Keymap;
use crate::shell::clock::Clock;
use crate::shell::{RealDesktop, Shell};
use crate::store::Store;

/// Seconds with no session before the daemon leaves.
const IDLE_EXIT_S: u32 = 60;

/// How to start a background daemon for one data folder.
#[derive(Debug, Clone)]
pub struct Launch {
    pub exe: PathBuf,
    pub args: Vec<OsString>,
    pub lock: PathBuf,
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
            lock: lock_path(paths),
        })
    }

    /// Starts a daemon unless one already runs for this data folder (or `SEREIN_NO_DAEMON` is
    /// set). Returns whether one was started.
    pub fn ensure(&self) -> std::io::Result<bool> {
        if std::env::var_os("SEREIN_NO_DAEMON").is_some_and(|v| !v.is_empty()) {
            return Ok(false);
        }
        if is_running(&self.lock)? {
            wake(&self.lock);
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

fn lock_path(paths: &Paths) -> PathBuf {
    paths.data_dir.join("daemon.lock")
}

fn open_lock(path: &PathBuf) -> std::io::Result<File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

/// Wakes a running daemon (SIGUSR1) so it sees a change at once instead of at its next
/// scheduled wake-up.
pub fn wake(lock: &PathBuf) {
    let pid = std::fs::read_to_string(lock)
        .ok()
        .and_then(|s| s.trim().parse::<i32>().ok());
    if let Some(pid) = pid.filter(|p| *p > 1) {
        // SAFETY: sending a signal to a pid read from our own lock file.
        unsafe {
            libc::kill(pid, libc::SIGUSR1);
        }
    }
}

/// Whether this process is the daemon holding `lock` (its pid is written there).
pub fn is_self(lock: &PathBuf) -> bool {
    std::fs::read_to_string(lock)
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .is_some_and(|pid| pid == std::process::id())
}

/// Whether a daemon holds the lock. Creates nothing: no lock file means no daemon.
pub fn is_running(path: &PathBuf) -> std::io::Result<bool> {
    let f = match OpenOptions::new().write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    match f.try_lock() {
        Ok(()) => {
            let _ = f.unlock();
            Ok(false)
        }
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Runs the daemon until it has been idle for a minute, or a signal ends it.
pub fn run(paths: &Paths, config: Config, clock: &dyn Clock, stay: bool) -> anyhow::Result<()> {
    let lock = open_lock(&lock_path(paths))?;
    if let Err(std::fs::TryLockError::WouldBlock) = lock.try_lock() {
        println!(
            "a serein daemon already runs for {}",
            paths.data_dir.display()
        );
        return Ok(());
    }
    // Our pid in the lock file, so commands can wake us (SIGUSR1) after changing something.
    {
        use std::io::Write;
        let mut f = &lock;
        let _ = f.set_len(0);
        let _ = write!(f, "{}", std::process::id());
    }
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
        // The terminal that started us may close: that is no reason to stop.
        let mut hup = signal(SignalKind::hangup())?;
        let mut usr1 = signal(SignalKind::user_defined1())?;
        let (tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
        let (dnd, enforcer) = crate::shell::spawn_enforcer(
            paths.db_file(),
            paths.data_dir.clone(),
            model.config.offline.macos_shortcuts(),
            model.config.offline.clear_on_end,
            tx.clone(),
        );
        let desktop = RealDesktop {
            notifier: Arc::new(crate::notify::DesktopNotifier::new()),
            inbox: tx,
            daemon: None,
            terminal_bell: false,
            dnd: Some(dnd),
        };
        let mut shell = Shell::with_desktop(&mut store, Box::new(desktop));
        shell.start(&mut model, clock.stamp());
        tracing::info!(pid = std::process::id(), "daemon started");
        let ticker = crate::shell::ticker::Ticker::precise();
        let mut idle = 0;
        let mut ticks: u64 = 0;
        loop {
            // With a session: every second (countdown, heartbeat). Without: sleep until the
            // offline state next changes, at most a minute; `serein offline`/`start` wake us
            // with SIGUSR1.
            let ms = if model.session.is_some() {
                1003 - u64::from(clock.now().timestamp_subsec_millis().min(999))
            } else {
                let next = model
                    .dnd_desired
                    .as_ref()
                    .and_then(|d| d.until)
                    .map(|u| (u - clock.now()).num_milliseconds().max(0) as u64 + 3);
                next.unwrap_or(60_000).min(60_000)
            };
            let msg = tokio::select! {
                                _ = ticker.sleep(Duration::from_millis(ms)) => Msg::Tick,
                _ = usr1.recv() => Msg::Tick,
                Some(m) = inbox.recv() => m,
                _ = hup.recv() => continue,
                _ = term.recv() => break,
                _ = int.recv() => break,
            };
            shell.dispatch(&mut model, msg, clock.stamp());
            // Busy while a session runs, offline hours are configured or on, or asked to stay.
            let busy = model.session.is_some()
                || stay
                || model.config.offline.is_active()
                || model.dnd_desired.as_ref().is_some_and(|d| d.on)
                || model.manual.is_some_and(|m| m.until > clock.now());
            idle = if busy { 0 } else { idle + 1 };
            // The data folder was removed: nothing left to run for.
            ticks += 1;
            if (model.session.is_none() || ticks.is_multiple_of(60)) && !paths.db_file().exists() {
                tracing::warn!("the database is gone; daemon leaving");
                break;
            }
            if idle > IDLE_EXIT_S {
                break;
            }
        }
        shell.dispatch(&mut model, Msg::Shutdown, clock.stamp());
        drop(shell);
        // Give the desktop back before leaving.
        let _ = tokio::time::timeout(Duration::from_secs(6), enforcer).await;
        tracing::info!("daemon leaving");
        anyhow::Ok(())
    })?;
    let _ = lock.unlock();
    Ok(())
}
