//! `serein doctor`: what serein sees of this machine — files, the notification server, the
//! Do-Not-Disturb backend (tried with a journaled on/off round trip that restores the user's
//! state), a leftover journal from a crash, the daemon. Exit 0 when all is well.

use crate::cli::Failure;
use crate::config::{Config, Paths};
use crate::notify::dnd::{Detected, Dnd, detect};
use crate::notify::guard::{self, Leftover};
use crate::store::Store;

/// The Do-Not-Disturb backends, as `doctor` and the README name them (one per module of
/// `notify::dnd`; a test checks both).
pub const BACKENDS: &str =
    "dunst, mako, SwayNC, GNOME, KDE Plasma, Xfce; macOS: offline.macos_on/off";

/// `serein doctor`: prints a line per check; fails (exit 1) when any check did.
pub fn doctor(paths: &Paths) -> Result<(), Failure> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::other(e.to_string()))?;
    rt.block_on(run(paths))
}

/// The failed checks, counted as they are printed.
#[derive(Default)]
struct Problems(usize);

impl Problems {
    fn bad(&mut self, line: String) {
        println!("✗ {line}");
        self.0 += 1;
    }

    fn finish(self) -> Result<(), Failure> {
        if self.0 == 0 {
            Ok(())
        } else {
            Err(Failure::other(format!(
                "{} check(s) failed (see above)",
                self.0
            )))
        }
    }
}

async fn run(paths: &Paths) -> Result<(), Failure> {
    let mut p = Problems::default();
    println!("serein {}", env!("CARGO_PKG_VERSION"));
    config(paths, &mut p);
    let mut store = data(paths, &mut p);
    println!("✓ logs    {}", paths.state_dir.join("serein.log").display());
    let daemon = crate::shell::instance::is_running(&paths.data_dir).unwrap_or(false);
    println!(
        "✓ daemon  {}",
        if daemon {
            "running"
        } else {
            "not running (started when a session starts)"
        }
    );

    let det = detect().await;
    notifications(&det, &mut p);
    if let Some(store) = store.as_mut() {
        journal(store, &det, &mut p).await;
    }
    match &det.backend {
        Some(dnd) => do_not_disturb(dnd.as_ref(), store.as_mut(), &mut p).await,
        None => p.bad(format!("do-not-disturb  no supported backend here ({BACKENDS}); the rest of serein works normally")),
    }
    p.finish()
}

fn config(paths: &Paths, p: &mut Problems) {
    match Config::load(&paths.config_file, paths.config_explicit) {
        Ok(l) if l.path.is_some() => {
            println!(
                "✓ config  {} ({} warning(s))",
                paths.config_file.display(),
                l.warnings.len()
            );
            for w in &l.warnings {
                println!("    warning: {w}");
            }
        }
        Ok(_) => println!(
            "✓ config  {} (none; the defaults apply)",
            paths.config_file.display()
        ),
        Err(e) => p.bad(format!("config  {e}")),
    }
}

/// The database, opened for the journal and the Do-Not-Disturb checks.
fn data(paths: &Paths, p: &mut Problems) -> Option<Store> {
    let db = paths.db_file();
    match Store::open(&db) {
        Ok(s) => {
            println!(
                "✓ data    {} ({} boxes)",
                db.display(),
                s.count().unwrap_or_default()
            );
            Some(s)
        }
        Err(e) => {
            p.bad(format!("data    {e}"));
            None
        }
    }
}

fn notifications(det: &Detected, p: &mut Problems) {
    match &det.server {
        Some((name, vendor, version)) => println!("✓ notifications  {name} ({vendor}) {version}"),
        None => p.bad(
            "notifications  no notification server is running: serein carries on without desktop notifications or Do-Not-Disturb"
                .into(),
        ),
    }
    for n in &det.notes {
        println!("    {n}");
    }
}

/// A journal left by a serein that died with Do-Not-Disturb on: restored here if its owner
/// is gone.
async fn journal(store: &mut Store, det: &Detected, p: &mut Problems) {
    let list = match guard::recover(store, det.backend.as_deref()).await {
        Ok(list) => list,
        Err(e) => return p.bad(format!("journal  {e}")),
    };
    if list.is_empty() {
        println!("✓ journal  none left over");
    }
    for l in list {
        match l {
            Leftover::OwnerRunning { backend, pid } => println!(
                "✓ journal  {backend}: held by a running serein (pid {pid}), which will restore it"
            ),
            Leftover::Restored { backend, restored } => println!(
                "✓ journal  left by a crashed serein: {backend} {}",
                if restored {
                    "restored to your setting"
                } else {
                    "already changed by you: left as is"
                }
            ),
            Leftover::Kept { backend, why } => p.bad(format!(
                "journal  left over for {backend}, kept for later: {why}"
            )),
        }
    }
}

/// A journaled on/query/restore round trip; not tried when DND is on already (the user's
/// setting) or when the prior state can't be journaled first.
async fn do_not_disturb(dnd: &dyn Dnd, store: Option<&mut Store>, p: &mut Problems) {
    let name = dnd.name();
    let prior = match dnd.prior().await {
        Ok(None) => {
            return println!("✓ do-not-disturb  {name}: on already (your setting): not touched");
        }
        Ok(Some(prior)) => prior,
        Err(e) => return p.bad(format!("do-not-disturb  {name}: {e}")),
    };
    // Record before touching, exactly as a real offline period does.
    let journal = guard::journal_for(&prior);
    let journaled = store.and_then(|s| s.write_journal(&journal).unwrap_or(false).then_some(s));
    let Some(store) = journaled else {
        return p.bad(format!(
            "do-not-disturb  {name}: could not journal the current state; not tried"
        ));
    };
    let on = dnd.turn_on().await;
    let was_on = dnd.is_on().await;
    let restored = dnd.restore(&prior).await;
    let _ = store.clear_journal(name);
    match (on, was_on, restored) {
        (Ok(_), Ok(true), Ok(_)) => {
            println!("✓ do-not-disturb  {name}: query, on and restore work (your setting is back)")
        }
        (on, was_on, restored) => p.bad(format!(
            "do-not-disturb  {name}: on {on:?}, query {was_on:?}, restore {restored:?}"
        )),
    }
}
