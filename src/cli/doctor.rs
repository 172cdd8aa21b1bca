//! `serein doctor`: what serein sees of this machine — files, the notification server, the
//! Do-Not-Disturb backend (tried with a journaled on/off round trip that restores the user's
//! state), a leftover journal from a crash, the daemon. Exit 0 when all is well.

use crate::cli::Failure;
use crate::config::{Config, Paths};
use crate::notify::dnd::detect;
use crate::notify::guard::{self, Leftover};
use crate::store::Store;

pub fn doctor(paths: &Paths) -> Result<(), Failure> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::other(e.to_string()))?;
    rt.block_on(run(paths))
}

async fn run(paths: &Paths) -> Result<(), Failure> {
    let mut problems = 0;
    let mut bad = |line: String| {
        println!("✗ {line}");
        problems += 1;
    };
    println!("serein {}", env!("CARGO_PKG_VERSION"));
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
        Err(e) => bad(format!("config  {e}")),
    }
    let db = paths.db_file();
    let mut store = match Store::open(&db) {
        Ok(s) => {
            println!(
                "✓ data    {} ({} boxes)",
                db.display(),
                s.count().unwrap_or_default()
            );
            Some(s)
        }
        Err(e) => {
            bad(format!("data    {e}"));
            None
        }
    };
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
    match &det.server {
        Some((name, vendor, version)) => println!("✓ notifications  {name} ({vendor}) {version}"),
        None => bad(
            "notifications  no notification server is running: serein carries on without desktop notifications or Do-Not-Disturb"
                .into(),
        ),
    }
    for n in &det.notes {
        println!("    {n}");
    }
    if let Some(store) = store.as_mut() {
        match guard::recover(store, det.backend.as_deref()).await {
            Ok(list) if list.is_empty() => println!("✓ journal  none left over"),
            Ok(list) => {
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
                        Leftover::Kept { backend, why } => bad(format!(
                            "journal  left over for {backend}, kept for later: {why}"
                        )),
                    }
                }
            }
            Err(e) => bad(format!("journal  {e}")),
        }
    }
    let Some(dnd) = det.backend else {
        bad("do-not-disturb  no supported backend here (dunst, mako, SwayNC, GNOME, KDE Plasma, Xfce; macOS: offline.macos_on/off); the rest of serein works normally".into());
        return finish(problems);
    };
    let name = dnd.name();
    match dnd.prior().await {
        Ok(None) => println!("✓ do-not-disturb  {name}: on already (your setting): not touched"),
        Ok(Some(prior)) => {
            // Record before touching, exactly as a real offline period does.
            let journaled = match store.as_mut() {
                Some(s) => s
                    .write_journal(&guard::journal_for(&prior))
                    .unwrap_or(false),
                None => false,
            };
            if !journaled {
                bad(format!(
                    "do-not-disturb  {name}: could not journal the current state; not tried"
                ));
                return finish(problems);
            }
            let on = dnd.turn_on().await;
            let was_on = dnd.is_on().await;
            let restored = dnd.restore(&prior).await;
            if let Some(s) = store.as_mut() {
                let _ = s.clear_journal(name);
            }
            match (on, was_on, restored) {
                (Ok(_), Ok(true), Ok(_)) => {
                    println!(
                        "✓ do-not-disturb  {name}: query, on and restore work (your setting is back)"
                    )
                }
                (on, was_on, restored) => bad(format!(
                    "do-not-disturb  {name}: on {on:?}, query {was_on:?}, restore {restored:?}"
                )),
            }
        }
        Err(e) => bad(format!("do-not-disturb  {name}: {e}")),
    }
    finish(problems)
}

fn finish(problems: usize) -> Result<(), Failure> {
    if problems == 0 {
        Ok(())
    } else {
        Err(Failure::other(format!(
            "{problems} check(s) failed (see above)"
        )))
    }
}
