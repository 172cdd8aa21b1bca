//! The desktop side of effects: notifications, the bell, hooks, the daemon and the
//! offline-hours enforcer — a trait, so tests record instead of touching the desktop.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use crate::app::msg::Msg;
use crate::notify::{Notification, Notifier};
use crate::shell::hooks::HookEvent;

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
    pub daemon: Option<crate::shell::daemon::Launch>,
    /// Ring the terminal bell (the TUI has a terminal, the daemon has none).
    pub terminal_bell: bool,
    /// The enforcer's input, when this process enforces offline hours.
    pub dnd: Option<tokio::sync::watch::Sender<Option<crate::domain::policy::Dnd>>>,
}

impl RealDesktop {
    /// The real desktop of the TUI (`terminal_bell`, a `daemon` to start) or the daemon, and
    /// — with `enforce` (database, data folder) — that folder's offline-hours enforcer, whose
    /// task is returned for [`give_back`].
    pub fn start(
        config: &crate::config::Config,
        inbox: tokio::sync::mpsc::UnboundedSender<Msg>,
        daemon: Option<crate::shell::daemon::Launch>,
        terminal_bell: bool,
        enforce: Option<(std::path::PathBuf, std::path::PathBuf)>,
    ) -> (RealDesktop, Option<tokio::task::JoinHandle<()>>) {
        let (dnd, enforcer) = match enforce {
            Some((db, dir)) => {
                let (dnd, task) = spawn_enforcer(
                    db,
                    dir,
                    config.offline.macos_shortcuts(),
                    config.offline.clear_on_end,
                    inbox.clone(),
                );
                (Some(dnd), Some(task))
            }
            None => (None, None),
        };
        let desktop = RealDesktop {
            notifier: Arc::new(crate::notify::DesktopNotifier::new()),
            inbox,
            daemon,
            terminal_bell,
            dnd,
        };
        (desktop, enforcer)
    }
}

/// Once the loop is done and the desktop (the enforcer's input) dropped: waits, 6 s at most,
/// for the enforcer to give Do-Not-Disturb back before the process ends.
pub async fn give_back(enforcer: tokio::task::JoinHandle<()>) {
    let _ = tokio::time::timeout(Duration::from_secs(6), enforcer).await;
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
        crate::shell::hooks::spawn_hook(
            crate::shell::hooks::Hook { argv },
            event,
            Duration::from_secs(5),
        );
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
fn spawn_enforcer(
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
