//! `serein offline status | on [--for 2h | --until 18:00] | off`.

use chrono::{Duration, Local, NaiveTime};

use crate::cli::{Failure, OfflineCmd};
use crate::config::{Config, Paths};
use crate::domain::policy::{self, Manual, Reason};
use crate::domain::session::{SessionKind, State};
use crate::domain::time::Now;
use crate::store::Store;

pub fn run(cmd: OfflineCmd, paths: &Paths, cfg: &Config, now: Now) -> Result<(), Failure> {
    let mut store = Store::open(&paths.db_file())?;
    let schedule = cfg.offline.schedule();
    match cmd {
        OfflineCmd::Status => {
            let manual = store.manual()?.map(|(on, until)| Manual { on, until });
            let focus_until = store.active_session()?.and_then(|s| match s.state {
                State::Running { deadline }
                    if s.kind == SessionKind::Focus
                        && !cfg.offline.focus_dnd_except.contains(&s.domain) =>
                {
                    Some(deadline)
                }
                _ => None,
            });
            let d = policy::desired_dnd(
                &schedule,
                &Local,
                now.utc,
                focus_until,
                cfg.offline.focus_dnd,
                manual,
            );
            let why = match d.reason {
                Some(Reason::Schedule) => "offline hours",
                Some(Reason::Focus) => "a focus box",
                Some(Reason::Manual) => "by hand",
                None => "",
            };
            let until = d.until.map(|u| crate::app::offline::when_text(now, u));
            match (d.on, until) {
                (true, Some(u)) => println!("offline ({why}) until {u}"),
                (true, None) => println!("offline ({why})"),
                (false, Some(u)) => println!("online; offline from {u}"),
                (false, None) if cfg.offline.is_active() || manual.is_some() => println!("online"),
                (false, None) => {
                    println!("online (no offline hours set: see [offline] in `serein config init`)")
                }
            }
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| Failure::other(e.to_string()))?;
            let det = rt.block_on(crate::notify::dnd::detect());
            match det.backend {
                Some(b) => println!("backend: {}", b.name()),
                None => {
                    println!("backend: none found (see `serein doctor`); serein works without it")
                }
            }
            let journals = store.journals()?;
            if journals.is_empty() {
                println!("Do-Not-Disturb: not changed by serein");
            }
            for j in journals {
                if crate::notify::guard::owner_alive(&j) {
                    println!(
                        "Do-Not-Disturb: set by serein (pid {}) on {}, your setting is journaled",
                        j.pid, j.backend
                    );
                } else {
                    println!(
                        "Do-Not-Disturb: a journal for {} from a stopped serein (pid {}) is left; the next start there gives your setting back",
                        j.backend, j.pid
                    );
                }
            }
            let enforcer = crate::shell::instance::is_running(&paths.data_dir).unwrap_or(false);
            println!(
                "enforced by: {}",
                if enforcer {
                    "the serein daemon"
                } else {
                    "a running serein TUI, if any (or `serein daemon`)"
                }
            );
            Ok(())
        }
        OfflineCmd::On { length, until } => {
            let end = match (length, until) {
                (Some(l), _) => {
                    now.utc + Duration::seconds(crate::cli::timer::parse_length(&l, "--for")?)
                }
                (None, Some(t)) => {
                    let m = crate::domain::parse::parse_clock(&t)
                        .filter(|m| *m < 24 * 60)
                        .ok_or_else(|| {
                            Failure::input(format!("--until {t:?}: expected a time like 18:00"))
                        })?;
                    let time = NaiveTime::from_hms_opt(u32::from(m / 60), u32::from(m % 60), 0)
                        .ok_or_else(|| Failure::input("bad time"))?;
                    let mut day = now.local.date();
                    if time <= now.local.time() {
                        day = day.succ_opt().unwrap_or(day);
                    }
                    crate::domain::time::resolve(&Local, day.and_time(time))
                }
                (None, None) => now.utc + Duration::hours(1),
            };
            store.set_manual(true, end)?;
            println!(
                "⊘ offline until {}",
                crate::app::offline::when_text(now, end)
            );
            ensure_enforcer(paths);
            Ok(())
        }
        OfflineCmd::Off => {
            let m = Manual::off(&schedule, &Local, now.utc).unwrap_or(Manual {
                on: false,
                until: now.utc + Duration::hours(24),
            });
            store.set_manual(false, m.until)?;
            println!(
                "online until {}",
                crate::app::offline::when_text(now, m.until)
            );
            ensure_enforcer(paths);
            Ok(())
        }
    }
}

/// So that the change is applied (and later undone) even with no TUI open.
fn ensure_enforcer(paths: &Paths) {
    if let Some(launch) = crate::shell::daemon::Launch::new(paths)
        && let Err(e) = launch.ensure()
    {
        eprintln!("warning: could not start the background daemon ({e}); a running TUI applies it");
    }
}
