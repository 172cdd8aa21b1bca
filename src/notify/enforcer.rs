//! Applies the desired Do-Not-Disturb state and always gives the user's back.
//!
//! Order when going offline: read the user's state → journal it (database) → start the
//! guardian → turn DND on. If DND was already on, nothing is set and nothing will be
//! restored. Going online (or leaving): restore only if DND is still on, clear the journal,
//! close the period, release the guardian. A restore that fails keeps the journal and is
//! retried. The guardian is our own binary in its own session holding a pipe from us: when we
//! die in any way (kill -9 included) it reads EOF and restores from the journal, through the
//! backend [`detect`] finds — so not the macOS Shortcuts backend, which `detect` never
//! returns. Whatever still escapes (macOS included) is restored at the next start
//! ([`Enforcer::start`] → `guard::recover`).
//!
//! After every change the enforcer writes what it applied to `dnd.state` (a [`Report`]), so
//! that `serein offline on/off` can wait until Do-Not-Disturb really is as asked.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::domain::policy::{Dnd as Desired, Reason};
use crate::notify::dnd::{Dnd, Prior, ShortcutsDnd, detect};
use crate::notify::guard::{self, Leftover};
use crate::store::Store;

/// What is applied now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Applied {
    Off,
    /// On; `ours` is false when the user had it on already (we neither set nor restore).
    On {
        backend: String,
        ours: bool,
    },
    /// Wanted on (or off) but not done yet: it is retried.
    Failed(String),
}

/// The file (in the data folder) where the enforcer holding `dnd.lock` writes its [`Report`].
const STATE_FILE: &str = "dnd.state";

/// What the enforcer applied last, and who it is. Written (whole, by rename) after every
/// change; read by `serein offline on/off`, which never takes the enforcer's lock (a probe
/// could make a starting enforcer miss it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub pid: u32,
    /// The enforcer's start time (`/proc/PID/stat`; empty where unknown), so a reused pid is
    /// not taken for it.
    pub proc_start: String,
    /// When it was written (Unix milliseconds, the real clock).
    pub at_ms: i64,
    /// Whether Do-Not-Disturb was wanted on.
    pub wanted_on: bool,
    pub applied: Applied,
}

impl Report {
    /// The report of a running enforcer for this data folder; `None` if there is none, or it
    /// was written by a process that is gone.
    pub fn read(data_dir: &Path) -> Option<Report> {
        let text = std::fs::read_to_string(data_dir.join(STATE_FILE)).ok()?;
        serde_json::from_str::<Report>(&text)
            .ok()
            .filter(Report::writer_alive)
    }

    fn writer_alive(&self) -> bool {
        match guard::proc_start(self.pid) {
            Some(start) => start == self.proc_start,
            // No /proc (macOS): whether the pid exists at all.
            // SAFETY: signal 0 only checks that the process exists.
            None => self.proc_start.is_empty() && unsafe { libc::kill(self.pid as i32, 0) } == 0,
        }
    }

    fn write(&self, data_dir: &Path) -> std::io::Result<()> {
        let tmp = data_dir.join(format!("{STATE_FILE}.{}", self.pid));
        std::fs::write(&tmp, serde_json::to_vec(self)?)?;
        std::fs::rename(&tmp, data_dir.join(STATE_FILE))
    }
}

/// What `serein offline on/off` can tell once it stops waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    /// The enforcer applied what was asked.
    Done(Applied),
    /// Not applied (yet), and why.
    Pending(String),
}

/// Whether a change asked at `asked_ms` (real clock) for Do-Not-Disturb `want_on` is settled
/// by the running enforcer's `report`; `None`: keep waiting. An applied state that matches is
/// the truth now, however old; a failure counts only if reported after the change was asked
/// (an older one may be about to be retried). `expected`: a daemon runs or is starting, so an
/// enforcer will report; without one and with no report, nobody would apply "on", and nobody
/// holds it either.
pub fn confirmation(
    report: Option<&Report>,
    want_on: bool,
    asked_ms: i64,
    expected: bool,
) -> Option<Confirmation> {
    let Some(r) = report else {
        return match (expected, want_on) {
            (true, _) => None,
            // No serein runs to hold it (what a killed one held, its guardian gave back).
            (false, false) => Some(Confirmation::Done(Applied::Off)),
            (false, true) => Some(Confirmation::Pending(
                "no serein daemon or TUI runs for this data folder to apply it; the next one \
                 to start does"
                    .into(),
            )),
        };
    };
    match &r.applied {
        a @ Applied::On { .. } if want_on => Some(Confirmation::Done(a.clone())),
        Applied::Off if !want_on => Some(Confirmation::Done(Applied::Off)),
        Applied::Failed(why) if r.wanted_on == want_on && r.at_ms >= asked_ms => {
            Some(Confirmation::Pending(why.clone()))
        }
        _ => None,
    }
}

struct Holding {
    backend: &'static str,
    prior: Option<Prior>,
}

/// One data folder's Do-Not-Disturb enforcer. Holds the `dnd.lock`.
pub struct Enforcer {
    db: PathBuf,
    /// This enforcer's one connection, opened on first use and kept (not re-opened per change).
    store: Option<Store>,
    data_dir: PathBuf,
    macos: Option<(String, String)>,
    backend: Option<Box<dyn Dnd>>,
    holding: Option<Holding>,
    guardian: Option<Child>,
    /// `offline.clear_on_end`: dismiss what piled up once we are back online.
    pub clear_on_end: bool,
    _lock: File,
}

/// The reason journalled with an offline period: `schedule`, `focus`, `manual` or `meeting`.
fn reason_text(r: Option<Reason>) -> &'static str {
    r.map_or("schedule", Reason::code)
}

async fn find_backend(macos: &Option<(String, String)>) -> Option<Box<dyn Dnd>> {
    match macos {
        Some((on, off)) => Some(Box::new(ShortcutsDnd::new(on, off))),
        None => detect().await.backend,
    }
}

impl Enforcer {
    /// Takes the data folder's enforcer lock (None if another serein holds it: that one
    /// enforces), finds the backend, and restores what a crashed enforcer left behind.
    pub async fn start(
        db: &Path,
        data_dir: &Path,
        macos: Option<(String, String)>,
    ) -> Option<Enforcer> {
        // Never create the data folder or the database from here: if they are gone (removed
        // by the user), there is nothing to enforce for.
        if !db.exists() {
            return None;
        }
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(data_dir.join("dnd.lock"))
            .ok()?;
        if lock.try_lock().is_err() {
            return None;
        }
        let backend = find_backend(&macos).await;
        let mut e = Enforcer {
            db: db.to_path_buf(),
            store: None,
            data_dir: data_dir.to_path_buf(),
            macos,
            backend,
            holding: None,
            guardian: None,
            clear_on_end: false,
            _lock: lock,
        };
        e.recover().await;
        Some(e)
    }

    async fn recover(&mut self) {
        let Ok(store) = open_store(&mut self.store, &self.db) else {
            return;
        };
        match guard::recover(store, self.backend.as_deref()).await {
            Ok(list) => {
                for l in list {
                    match l {
                        Leftover::Restored { backend, restored } => tracing::warn!(
                            backend,
                            restored,
                            "restored a crashed serein's Do-Not-Disturb"
                        ),
                        Leftover::Kept { backend, why } => {
                            tracing::warn!(
                                backend,
                                why,
                                "a leftover Do-Not-Disturb journal is kept"
                            )
                        }
                        Leftover::OwnerRunning { .. } => {}
                    }
                }
            }
            Err(e) => tracing::warn!("journal recovery failed: {e}"),
        }
    }

    /// Moves the desktop to `desired`. Returns what is applied afterwards (also written to
    /// `dnd.state`); `Failed` is retried by calling this again.
    pub async fn set(&mut self, desired: &Desired) -> Applied {
        let applied = self.apply(desired).await;
        let pid = std::process::id();
        let report = Report {
            pid,
            proc_start: guard::proc_start(pid).unwrap_or_default(),
            at_ms: Utc::now().timestamp_millis(),
            wanted_on: desired.on,
            applied: applied.clone(),
        };
        if let Err(e) = report.write(&self.data_dir) {
            tracing::warn!("can't write {STATE_FILE}: {e}");
        }
        applied
    }

    async fn apply(&mut self, desired: &Desired) -> Applied {
        if self.backend.is_none() {
            // The notification server may have started after us.
            self.backend = find_backend(&self.macos).await;
            if self.backend.is_some() {
                self.recover().await;
            }
        }
        match (desired.on, self.holding.is_some()) {
            (true, false) => self.go_offline(reason_text(desired.reason)).await,
            (false, true) => {
                if self.release().await {
                    Applied::Off
                } else {
                    Applied::Failed("Do-Not-Disturb not given back yet; retrying".into())
                }
            }
            (true, true) => self.applied(),
            (false, false) => Applied::Off,
        }
    }

    fn applied(&self) -> Applied {
        match &self.holding {
            Some(h) => Applied::On {
                backend: h.backend.to_string(),
                ours: h.prior.is_some(),
            },
            None => Applied::Off,
        }
    }

    async fn go_offline(&mut self, reason: &str) -> Applied {
        let Some(b) = self.backend.as_ref() else {
            return Applied::Failed("no Do-Not-Disturb backend here (see `serein doctor`)".into());
        };
        let name = b.name();
        let store = match open_store(&mut self.store, &self.db) {
            Ok(s) => s,
            Err(e) => return Applied::Failed(e),
        };
        // Our own journal from an earlier period whose restore failed: that is still the
        // user's value (what is set now is ours).
        let own = store
            .journal(name)
            .ok()
            .flatten()
            .filter(|j| j.pid == std::process::id())
            .and_then(|j| serde_json::from_str::<Prior>(&j.prior).ok());
        let prior = match own {
            Some(p) => Some(p),
            None => match b.prior().await {
                Ok(p) => p,
                Err(e) => return Applied::Failed(e.to_string()),
            },
        };
        let Some(prior) = prior else {
            // The user has it on: leave it, and leave it on afterwards too.
            let _ = store.open_period(Utc::now(), reason, name);
            self.holding = Some(Holding {
                backend: name,
                prior: None,
            });
            return self.applied();
        };
        // Record before touching.
        if store.journal(name).ok().flatten().is_none() {
            match store.write_journal(&guard::journal_for(&prior)) {
                Ok(true) => {}
                Ok(false) => return Applied::Failed("another serein's journal is in place".into()),
                Err(e) => return Applied::Failed(e.to_string()),
            }
        }
        if self.guardian.is_none() {
            match spawn_guardian(&self.data_dir) {
                Ok(g) => self.guardian = Some(g),
                Err(e) => tracing::warn!(
                    "no guardian process ({e}); the next start restores after a kill -9"
                ),
            }
        }
        match b.turn_on().await {
            Ok(Some(_)) => {}
            // The user turned it on in the meantime: theirs, nothing to restore.
            Ok(None) => {
                let _ = store.clear_journal(name);
                let _ = store.open_period(Utc::now(), reason, name);
                self.holding = Some(Holding {
                    backend: name,
                    prior: None,
                });
                return self.applied();
            }
            Err(e) => {
                let _ = store.clear_journal(name);
                return Applied::Failed(e.to_string());
            }
        }
        let _ = store.open_period(Utc::now(), reason, name);
        tracing::info!(backend = name, reason, "offline: Do-Not-Disturb on");
        self.holding = Some(Holding {
            backend: name,
            prior: Some(prior),
        });
        self.applied()
    }

    /// Gives the user's state back (if DND is still on) and forgets the journal. Returns
    /// false if the restore failed: the journal and the holding stay, to be retried.
    pub async fn release(&mut self) -> bool {
        let Some(h) = self.holding.as_ref() else {
            self.stop_guardian();
            return true;
        };
        let backend = h.backend;
        if let (Some(prior), Some(b)) = (h.prior.as_ref(), self.backend.as_ref()) {
            match b.restore(prior).await {
                Ok(restored) => {
                    tracing::info!(restored, "online: Do-Not-Disturb given back");
                    if self.clear_on_end
                        && let Err(e) = b.clear().await
                    {
                        tracing::warn!("clear_on_end: {e}");
                    }
                }
                Err(e) => {
                    tracing::error!(
                        "Do-Not-Disturb not restored yet: {e}; the journal stays and it is retried"
                    );
                    return false;
                }
            }
        }
        self.holding = None;
        if let Ok(store) = open_store(&mut self.store, &self.db) {
            let _ = store.clear_journal(backend);
            let _ = store.close_periods(Utc::now(), true);
        }
        self.stop_guardian();
        true
    }

    fn stop_guardian(&mut self) {
        if let Some(mut g) = self.guardian.take() {
            // Closing its pipe wakes it; with no journal of ours left it just leaves.
            drop(g.stdin.take());
            let _ = g.wait();
        }
    }
}

/// The enforcer's connection, opened the first time it is needed and kept. Never creates the
/// database: if the user removed it, there is nothing to enforce for — checked on every use
/// (a `stat`, not an open), so a journal is never written into a file that is gone, where
/// neither the guardian nor the next start could find it.
fn open_store<'a>(slot: &'a mut Option<Store>, db: &Path) -> Result<&'a mut Store, String> {
    if !db.exists() {
        *slot = None;
        return Err("the database is gone".into());
    }
    if slot.is_none() {
        *slot = Some(Store::open(db).map_err(|e| e.to_string())?);
    }
    Ok(slot.as_mut().expect("opened above"))
}

/// Starts `serein dnd-guardian` in its own session (no SIGHUP from our terminal), holding the
/// read end of a pipe whose write end only we have.
fn spawn_guardian(data_dir: &Path) -> std::io::Result<Child> {
    use std::os::unix::process::CommandExt;
    let exe = std::env::current_exe()?;
    let mut cmd = Command::new(exe);
    cmd.arg("--data-dir")
        .arg(data_dir)
        .arg("dnd-guardian")
        .arg("--owner")
        .arg(std::process::id().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: setsid is async-signal-safe and touches nothing of the parent.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    cmd.spawn()
}

/// `serein dnd-guardian --owner PID`: waits for EOF on stdin (the owner died or let go), then
/// restores from every journal that owner wrote.
pub fn guardian_main(db: &Path, owner: u32) -> anyhow::Result<()> {
    use std::io::Read;
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let mut store = Store::open(db)?;
        let mine: Vec<_> = store
            .journals()?
            .into_iter()
            .filter(|j| j.pid == owner)
            .collect();
        if mine.is_empty() {
            return Ok(());
        }
        let det = detect().await;
        for j in mine {
            let prior: Prior = serde_json::from_str(&j.prior)?;
            if let Some(b) = det
                .backend
                .as_deref()
                .filter(|b| b.name() == prior.backend())
            {
                let restored = b.restore(&prior).await?;
                store.clear_journal(&j.backend)?;
                store.close_periods(Utc::now(), true)?;
                tracing::warn!(restored, "guardian: serein died; Do-Not-Disturb given back");
            }
        }
        anyhow::Ok(())
    })
}

#[cfg(test)]
mod tests {
    /// The kept connection does not outlive the file: once the database is removed, the
    /// enforcer refuses (and never writes a journal into the unlinked file).
    #[test]
    fn the_kept_connection_follows_the_file_being_removed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("serein.db");
        let mut slot = None;
        assert!(
            open_store(&mut slot, &db).is_err(),
            "never creates the database"
        );
        assert!(!db.exists());
        drop(Store::open(&db).unwrap());
        assert!(open_store(&mut slot, &db).is_ok());
        std::fs::remove_file(&db).unwrap();
        assert_eq!(
            open_store(&mut slot, &db).err().as_deref(),
            Some("the database is gone")
        );
        assert!(slot.is_none());
    }

    use super::*;

    fn report(wanted_on: bool, at_ms: i64, applied: Applied) -> Report {
        Report {
            pid: 1,
            proc_start: String::new(),
            at_ms,
            wanted_on,
            applied,
        }
    }

    #[test]
    fn when_offline_on_and_off_stop_waiting() {
        use Confirmation::{Done, Pending};
        let on = Applied::On {
            backend: "dunst".into(),
            ours: true,
        };
        let failed = |why: &str| Applied::Failed(why.into());
        let asked = 1_000;
        // (report, want_on, daemon expected, outcome; None = keep waiting)
        let cases: Vec<(Option<Report>, bool, bool, Option<Confirmation>)> = vec![
            // No enforcer yet: wait for the daemon being started, or say nobody applies it.
            (None, true, true, None),
            (None, false, true, None),
            (None, false, false, Some(Done(Applied::Off))),
            (None, true, false, Some(Pending("no serein daemon or TUI runs for this data folder to apply it; the next one to start does".into()))),
            // A matching state is the truth now, however old.
            (Some(report(true, 10, on.clone())), true, true, Some(Done(on.clone()))),
            (Some(report(false, 10, Applied::Off)), false, false, Some(Done(Applied::Off))),
            // Not there yet.
            (Some(report(false, 2_000, Applied::Off)), true, true, None),
            (Some(report(true, 2_000, on.clone())), false, true, None),
            // A failure for this change: pending, and why.
            (
                Some(report(true, 1_000, failed("no Do-Not-Disturb backend here"))),
                true,
                true,
                Some(Pending("no Do-Not-Disturb backend here".into())),
            ),
            // An older failure, or one for the other way: it may be retried now.
            (Some(report(true, 999, failed("busy"))), true, true, None),
            (Some(report(false, 2_000, failed("not given back yet"))), true, true, None),
        ];
        for (r, want_on, expected, want) in cases {
            assert_eq!(
                confirmation(r.as_ref(), want_on, asked, expected),
                want,
                "{r:?} want_on={want_on} expected={expected}"
            );
        }
    }

    #[test]
    fn a_report_is_read_back_only_while_its_writer_runs() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Report::read(dir.path()), None);
        let pid = std::process::id();
        let mut r = report(true, 5, Applied::Off);
        r.pid = pid;
        r.proc_start = guard::proc_start(pid).unwrap_or_default();
        r.write(dir.path()).unwrap();
        assert_eq!(Report::read(dir.path()), Some(r.clone()));
        // Another process that once had this pid wrote it: not a running enforcer.
        r.proc_start = "1".into();
        r.write(dir.path()).unwrap();
        assert_eq!(Report::read(dir.path()), None);
    }
}
