//! `serein doctor`: what serein sees of this machine — files, the notification server, the
//! Do-Not-Disturb backend (tried with a journaled on/off round trip that restores the user's
//! state), a leftover journal from a crash, the daemon. Exit 0 when all is well.

use crate::cli::Failure;
use crate::config::{Config, Paths};
use crate::notify::dnd::{Detected, Dnd, Note, detect};
use crate::notify::guard::{self, Leftover};
use crate::store::Store;
use crate::t;

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
            Err(Failure::other(t!("clidoctor-failed", n = self.0)))
        }
    }
}

async fn run(paths: &Paths) -> Result<(), Failure> {
    let mut p = Problems::default();
    println!("serein {}", env!("CARGO_PKG_VERSION"));
    config(paths, &mut p);
    let mut store = data(paths, &mut p);
    let log = paths.state_dir.join("serein.log").display().to_string();
    println!("✓ {}", t!("clidoctor-logs", path = log));
    let daemon = crate::shell::instance::is_running(&paths.data_dir).unwrap_or(false);
    println!(
        "✓ {}",
        if daemon {
            t!("clidoctor-daemon-running")
        } else {
            t!("clidoctor-daemon-not-running")
        }
    );

    let det = detect().await;
    notifications(&det, &mut p);
    if let Some(store) = store.as_mut() {
        journal(store, &det, &mut p).await;
    }
    match &det.backend {
        Some(dnd) => do_not_disturb(dnd.as_ref(), store.as_mut(), &mut p).await,
        None => p.bad(t!("clidoctor-dnd-no-backend", backends = BACKENDS)),
    }
    p.finish()
}

fn config(paths: &Paths, p: &mut Problems) {
    match Config::load(&paths.config_file, paths.config_explicit) {
        Ok(l) if l.path.is_some() => {
            println!(
                "✓ {}",
                t!(
                    "clidoctor-config",
                    path = paths.config_file.display().to_string(),
                    n = l.warnings.len()
                )
            );
            for w in &l.warnings {
                println!("    {}", t!("clidoctor-warning", warning = w));
            }
        }
        Ok(_) => println!(
            "✓ {}",
            t!(
                "clidoctor-config-none",
                path = paths.config_file.display().to_string()
            )
        ),
        Err(e) => p.bad(t!("clidoctor-config-error", error = e.to_string())),
    }
}

/// The database, opened for the journal and the Do-Not-Disturb checks.
fn data(paths: &Paths, p: &mut Problems) -> Option<Store> {
    let db = paths.db_file();
    match Store::open(&db) {
        Ok(s) => {
            println!(
                "✓ {}",
                t!(
                    "clidoctor-data",
                    path = db.display().to_string(),
                    n = s.count().unwrap_or_default()
                )
            );
            Some(s)
        }
        Err(e) => {
            p.bad(t!(
                "clidoctor-data-error",
                error = crate::cli::Failure::from(e).message
            ));
            None
        }
    }
}

fn notifications(det: &Detected, p: &mut Problems) {
    match &det.server {
        Some((name, vendor, version)) => println!(
            "✓ {}",
            t!(
                "clidoctor-notifications",
                name = name,
                vendor = vendor,
                version = version
            )
        ),
        None => p.bad(t!("clidoctor-no-notifications")),
    }
    for n in &det.notes {
        println!("    {}", note(n));
    }
}

/// A note from backend detection, in words.
fn note(n: &Note) -> String {
    match n {
        Note::NoSessionBus { error } => t!("clidoctor-note-no-bus", error = error),
        Note::Call { call, error } => t!("clidoctor-note-call", call = *call, error = error),
        Note::NoServer { name } => t!("clidoctor-note-no-server", name = *name),
        Note::Backend { backend, error } => {
            t!("clidoctor-note-backend", backend = *backend, error = error)
        }
        Note::KdeByCapability { error } => t!("clidoctor-note-kde-capability", error = error),
        Note::MakoNoDndMode { config: Some(path) } => t!(
            "clidoctor-note-mako-mode",
            config = path.display().to_string()
        ),
        Note::MakoNoDndMode { config: None } => t!("clidoctor-note-mako-mode-default"),
        Note::NotGnome => t!("clidoctor-note-not-gnome"),
    }
}

/// A journal left by a serein that died with Do-Not-Disturb on: restored here if its owner
/// is gone.
async fn journal(store: &mut Store, det: &Detected, p: &mut Problems) {
    let list = match guard::recover(store, det.backend.as_deref()).await {
        Ok(list) => list,
        Err(e) => return p.bad(t!("clidoctor-journal-error", error = e.to_string())),
    };
    if list.is_empty() {
        println!("✓ {}", t!("clidoctor-journal-none"));
    }
    for l in list {
        match l {
            Leftover::OwnerRunning { backend, pid } => println!(
                "✓ {}",
                t!(
                    "clidoctor-journal-held",
                    backend = backend.to_string(),
                    pid = pid.to_string()
                )
            ),
            Leftover::Restored { backend, restored } => println!(
                "✓ {}",
                if restored {
                    t!("clidoctor-journal-restored", backend = backend.to_string())
                } else {
                    t!("clidoctor-journal-changed", backend = backend.to_string())
                }
            ),
            Leftover::Kept { backend, why } => p.bad(t!(
                "clidoctor-journal-kept",
                backend = backend.to_string(),
                why = why.to_string()
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
            return println!("✓ {}", t!("clidoctor-dnd-on-already", name = name));
        }
        Ok(Some(prior)) => prior,
        Err(e) => {
            return p.bad(t!(
                "clidoctor-dnd-error",
                name = name,
                error = e.to_string()
            ));
        }
    };
    // Record before touching, exactly as a real offline period does.
    let journal = guard::journal_for(&prior);
    let journaled = store.and_then(|s| s.write_journal(&journal).unwrap_or(false).then_some(s));
    let Some(store) = journaled else {
        return p.bad(t!("clidoctor-dnd-no-journal", name = name));
    };
    let on = dnd.turn_on().await;
    let was_on = dnd.is_on().await;
    let restored = dnd.restore(&prior).await;
    let _ = store.clear_journal(name);
    match (on, was_on, restored) {
        (Ok(_), Ok(true), Ok(_)) => {
            println!("✓ {}", t!("clidoctor-dnd-works", name = name))
        }
        (on, was_on, restored) => p.bad(t!(
            "clidoctor-dnd-failed",
            name = name,
            on = format!("{on:?}"),
            query = format!("{was_on:?}"),
            restore = format!("{restored:?}")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    /// The backend notes, in English as before issue 12 (byte for byte) and in French.
    #[test]
    fn notes_in_both_languages() {
        let cases = [
            (
                Note::NoSessionBus {
                    error: "no DBUS_SESSION_BUS_ADDRESS".into(),
                },
                "no session bus: no DBUS_SESSION_BUS_ADDRESS",
                "pas de bus de session : no DBUS_SESSION_BUS_ADDRESS",
            ),
            (
                Note::Call {
                    call: "GetServerInformation",
                    error: "timed out".into(),
                },
                "GetServerInformation: timed out",
                "GetServerInformation : timed out",
            ),
            (
                Note::NoServer {
                    name: "org.freedesktop.Notifications",
                },
                "org.freedesktop.Notifications has no owner",
                "org.freedesktop.Notifications n’a pas de propriétaire",
            ),
            (
                Note::Backend {
                    backend: "dunst",
                    error: "not running".into(),
                },
                "dunst: not running",
                "dunst : not running",
            ),
            (
                Note::KdeByCapability {
                    error: "no inhibitions".into(),
                },
                "kde (inhibitions capability): no inhibitions",
                "kde (capacité inhibitions) : no inhibitions",
            ),
            (
                Note::MakoNoDndMode {
                    config: Some("/home/u/.config/mako/config".into()),
                },
                "mako: /home/u/.config/mako/config has no [mode=do-not-disturb] section, so DND will hide nothing: add one with invisible=1",
                "mako : /home/u/.config/mako/config n’a pas de section [mode=do-not-disturb], donc Ne pas déranger ne cachera rien : ajoutez-en une avec invisible=1",
            ),
            (
                Note::MakoNoDndMode { config: None },
                "mako: the mako config has no [mode=do-not-disturb] section, so DND will hide nothing: add one with invisible=1",
                "mako : la configuration de mako n’a pas de section [mode=do-not-disturb], donc Ne pas déranger ne cachera rien : ajoutez-en une avec invisible=1",
            ),
            (
                Note::NotGnome,
                "gnome: XDG_CURRENT_DESKTOP does not name GNOME",
                "gnome : XDG_CURRENT_DESKTOP ne nomme pas GNOME",
            ),
        ];
        for (n, en, fr) in cases {
            assert_eq!(with_lang(Lang::En, || note(&n)), en);
            assert_eq!(with_lang(Lang::Fr, || note(&n)), fr);
        }
    }
}
