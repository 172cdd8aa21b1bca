//! The Do-Not-Disturb journal's guard: who wrote it, whether that process still lives, and
//! restoring the user's exact prior state from it (at the next start after a crash).

use chrono::Utc;

use crate::notify::dnd::{Dnd, Prior};
use crate::store::{Journal, Store};

/// This boot's id (`/proc/sys/kernel/random/boot_id`): a journal from another boot has no
/// living owner.
fn boot_id() -> String {
    std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

/// A process's start time (field 22 of `/proc/PID/stat`), to tell a reused pid apart.
pub fn proc_start(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(19).map(str::to_string)
}

/// A journal for `prior`, owned by this process.
pub fn journal_for(prior: &Prior) -> Journal {
    let pid = std::process::id();
    Journal {
        backend: prior.backend().to_string(),
        prior: serde_json::to_string(prior).unwrap_or_default(),
        set_at: Utc::now(),
        pid,
        proc_start: proc_start(pid).unwrap_or_default(),
        boot_id: boot_id(),
    }
}

/// Whether the process that wrote the journal is still running (then it restores itself).
pub fn owner_alive(j: &Journal) -> bool {
    j.boot_id == boot_id() && proc_start(j.pid).is_some_and(|s| s == j.proc_start)
}

/// What happened to a leftover journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leftover {
    /// Its owner still runs: left alone.
    OwnerRunning { backend: String, pid: u32 },
    /// Restored (true) or left as the user changed it meanwhile (false); journal removed.
    Restored { backend: String, restored: bool },
    /// It could not be restored now (e.g. another desktop); kept for the next start.
    Kept { backend: String, why: String },
}

/// Restores the user's state from journals whose owner is gone (crash, kill -9, reboot).
/// Journals of another desktop's backend are kept for a start on that desktop.
pub async fn recover(store: &mut Store, dnd: Option<&dyn Dnd>) -> anyhow::Result<Vec<Leftover>> {
    let mut out = Vec::new();
    for j in store.journals()? {
        if owner_alive(&j) {
            out.push(Leftover::OwnerRunning {
                backend: j.backend,
                pid: j.pid,
            });
            continue;
        }
        let prior: Prior = match serde_json::from_str(&j.prior) {
            Ok(p) => p,
            Err(e) => {
                out.push(Leftover::Kept {
                    backend: j.backend,
                    why: format!("unreadable journal: {e}"),
                });
                continue;
            }
        };
        let Some(dnd) = dnd.filter(|d| d.name() == prior.backend()) else {
            out.push(Leftover::Kept {
                backend: j.backend,
                why: "that desktop's notification server is not running now".into(),
            });
            continue;
        };
        match dnd.restore(&prior).await {
            Ok(restored) => {
                store.clear_journal(&j.backend)?;
                store.close_periods(Utc::now(), restored)?;
                out.push(Leftover::Restored {
                    backend: j.backend,
                    restored,
                });
            }
            Err(e) => out.push(Leftover::Kept {
                backend: j.backend,
                why: e.to_string(),
            }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_dead_pid_is_not() {
        let mine = journal_for(&Prior::Dunst { paused: false });
        assert!(owner_alive(&mine));
        let mut dead = mine.clone();
        dead.proc_start = "1".into(); // a different process that once had our pid
        assert!(!owner_alive(&dead));
        let mut other_boot = mine;
        other_boot.boot_id = "another-boot".into();
        assert!(!owner_alive(&other_boot));
    }
}
