//! `serein offline status | on [--for 2h | --until 18:00] | off`.
//!
//! `on` and `off` return once the enforcer (the daemon, or a running TUI) confirms that
//! Do-Not-Disturb is as asked, or say that it is pending and why.

use std::time::{Duration as Wait, Instant};

use chrono::{DateTime, Duration, NaiveTime, Utc};

use crate::cli::{Failure, OfflineCmd};
use crate::config::{Config, Paths};
use crate::domain::policy::{self, Manual, Reason};
use crate::domain::session::{SessionKind, State};
use crate::domain::time::{Now, when};

/// When an instant is: `18:00` today, `Tue 08:00` / `mar. 08:00` another day.
fn when_text(now: Now, at: DateTime<Utc>) -> String {
    match when(now, at) {
        (Some(day), hhmm) => format!(
            "{} {hhmm}",
            crate::i18n::date(day, crate::i18n::DateStyle::Weekday)
        ),
        (None, hhmm) => hhmm,
    }
}
use crate::notify::enforcer::{Applied, Confirmation, Report, confirmation};
use crate::store::Store;
use crate::t;

/// How long `on`/`off` wait for the enforcer to confirm.
const CONFIRM_WITHIN: Wait = Wait::from_secs(5);
/// How often they look (the enforcer's report is one small file).
const CONFIRM_POLL: Wait = Wait::from_millis(200);

/// The end of the running focus box, if it asks for Do-Not-Disturb (not one of
/// `focus_dnd_except`'s domains), counted as the TUI and the daemon count it
/// ([`policy::focus_end`]: an overrunning box still asks).
fn focus_until(
    store: &Store,
    cfg: &Config,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, Failure> {
    Ok(store.active_session()?.and_then(|s| match s.state {
        State::Running { deadline }
            if s.kind == SessionKind::Focus
                && !cfg.offline.focus_dnd_except.contains(&s.domain) =>
        {
            Some(policy::focus_end(deadline, now))
        }
        _ => None,
    }))
}

/// Runs one `serein offline` subcommand at `now`.
pub fn run(cmd: OfflineCmd, paths: &Paths, cfg: &Config, now: Now) -> Result<(), Failure> {
    let mut store = Store::open(&paths.db_file())?;
    match cmd {
        OfflineCmd::Status => status(&store, paths, cfg, now),
        OfflineCmd::On { length, until } => on(&mut store, paths, length, until, now),
        OfflineCmd::Off => off(&mut store, paths, cfg, now),
    }
}

/// With `meeting_dnd`, today's and tomorrow's meetings that ask for Do-Not-Disturb (as the
/// TUI and daemon expand them); none otherwise. A calendar that can't be read is said on
/// stderr and left out.
fn meeting_spans(cfg: &Config, now: Now) -> Vec<policy::MeetingSpan> {
    if !cfg.offline.meeting_dnd {
        return Vec::new();
    }
    let today = now.local.date();
    let tomorrow = today.succ_opt().unwrap_or(today);
    let mut meetings = Vec::new();
    for source in cfg.calendar_sources() {
        match crate::calendar::load(&source) {
            Ok(l) => meetings.extend(l.meetings(today, tomorrow, &now.zone)),
            Err(e) => eprintln!(
                "{}",
                t!(
                    "clioffline-warn-calendar",
                    name = format!("{:?}", source.name),
                    error = e.to_string()
                )
            ),
        }
    }
    policy::meeting_spans(&meetings)
}

/// `status`: the desired state and why, the Do-Not-Disturb backend, what serein changed (its
/// journals), a failed last try, and who enforces it.
fn status(store: &Store, paths: &Paths, cfg: &Config, now: Now) -> Result<(), Failure> {
    let manual = store.manual()?;
    let d = policy::desired_dnd_with(
        &cfg.offline.schedule(),
        &now.zone,
        now.utc,
        focus_until(store, cfg, now.utc)?,
        cfg.offline.focus_dnd,
        &meeting_spans(cfg, now),
        manual,
    );
    let why = match d.reason {
        Some(Reason::Schedule) => t!("clioffline-why-schedule"),
        Some(Reason::Focus) => t!("clioffline-why-focus"),
        Some(Reason::Manual) => t!("clioffline-why-manual"),
        Some(Reason::Meeting) => t!("clioffline-why-meeting"),
        None => String::new(),
    };
    let line = match (d.on, d.until.map(|u| when_text(now, u))) {
        (true, Some(u)) => t!("clioffline-offline-until", why = why, until = u),
        (true, None) => t!("clioffline-offline", why = why),
        (false, Some(u)) => t!("clioffline-online-offline-from", from = u),
        (false, None) if cfg.offline.is_active() || manual.is_some() => t!("clioffline-online"),
        (false, None) => t!("clioffline-online-no-hours"),
    };
    println!("{line}");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::other(e.to_string()))?;
    match rt.block_on(crate::notify::dnd::detect()).backend {
        Some(b) => println!("{}", t!("clioffline-backend", name = b.name())),
        None => println!("{}", t!("clioffline-no-backend")),
    }
    let journals = store.journals()?;
    if journals.is_empty() {
        println!("{}", t!("clioffline-dnd-untouched"));
    }
    for j in journals {
        if crate::notify::guard::owner_alive(&j) {
            println!(
                "{}",
                t!(
                    "clioffline-dnd-set",
                    pid = j.pid.to_string(),
                    backend = j.backend.to_string()
                )
            );
        } else {
            println!(
                "{}",
                t!(
                    "clioffline-dnd-leftover",
                    pid = j.pid.to_string(),
                    backend = j.backend.to_string()
                )
            );
        }
    }
    if let Some(Report {
        applied: Applied::Failed(why),
        ..
    }) = Report::read(&paths.data_dir)
    {
        println!("{}", t!("clioffline-dnd-not-applied", why = why));
    }
    let enforcer = crate::shell::instance::is_running(&paths.data_dir).unwrap_or(false);
    println!(
        "{}",
        if enforcer {
            t!("clioffline-enforced-daemon")
        } else {
            t!("clioffline-enforced-tui")
        }
    );
    Ok(())
}

/// `on [--for 2h | --until 18:00]`: offline by hand until then (an hour by default); an
/// `--until` time already past today means tomorrow.
fn on(
    store: &mut Store,
    paths: &Paths,
    length: Option<String>,
    until: Option<String>,
    now: Now,
) -> Result<(), Failure> {
    let end = match (length, until) {
        (Some(l), _) => now.utc + Duration::seconds(crate::cli::timer::parse_length(&l, "--for")?),
        (None, Some(t)) => {
            let m = crate::domain::parse::parse_clock(&t)
                .filter(|m| *m < 24 * 60)
                .ok_or_else(|| {
                    Failure::input(t!("clioffline-bad-until", value = format!("{t:?}")))
                })?;
            let time = NaiveTime::from_hms_opt(u32::from(m / 60), u32::from(m % 60), 0)
                .ok_or_else(|| Failure::input(t!("clioffline-bad-until", value = t.clone())))?;
            let mut day = now.local.date();
            if time <= now.local.time() {
                day = day.succ_opt().unwrap_or(day);
            }
            crate::domain::time::resolve(&now.zone, day.and_time(time))
        }
        (None, None) => now.utc + Duration::hours(1),
    };
    let asked = Utc::now().timestamp_millis();
    store.set_manual(&Manual {
        on: true,
        until: end,
        for_focus: false,
    })?;
    println!("⊘ {}", t!("clioffline-on", until = when_text(now, end)));
    confirm(paths, true, asked);
    Ok(())
}

/// `off`: online until the offline stretch ends ([`Manual::off`]), or back to the schedule
/// when only a manual override had put Do-Not-Disturb on.
fn off(store: &mut Store, paths: &Paths, cfg: &Config, now: Now) -> Result<(), Failure> {
    let schedule = cfg.offline.schedule();
    let focus = focus_until(store, cfg, now.utc)?;
    let asked = Utc::now().timestamp_millis();
    match Manual::off(&schedule, &now.zone, now.utc, focus, cfg.offline.focus_dnd) {
        Some(m) => {
            store.set_manual(&m)?;
            println!("{}", t!("clioffline-off", until = when_text(now, m.until)));
        }
        None => {
            // Nothing but an override asked for it: back to the schedule.
            store.clear_manual()?;
            let d = policy::desired_dnd(
                &schedule,
                &now.zone,
                now.utc,
                focus,
                cfg.offline.focus_dnd,
                None,
            );
            match d.until {
                Some(u) => println!(
                    "{}",
                    t!("clioffline-off-schedule-from", from = when_text(now, u))
                ),
                None => println!("{}", t!("clioffline-off-schedule")),
            }
        }
    }
    confirm(paths, false, asked);
    Ok(())
}

/// Makes sure someone applies the change asked at `asked_ms`, waits (bounded) until the
/// enforcer reports Do-Not-Disturb as wanted, and says what it is.
fn confirm(paths: &Paths, want_on: bool, asked_ms: i64) {
    let expected = ensure_enforcer(paths);
    let deadline = Instant::now() + CONFIRM_WITHIN;
    let outcome = loop {
        let report = Report::read(&paths.data_dir);
        if let Some(c) = confirmation(report.as_ref(), want_on, asked_ms, expected) {
            break c;
        }
        if Instant::now() >= deadline {
            let last = match report.map(|r| r.applied) {
                Some(Applied::Failed(why)) => t!("clioffline-last-try", why = why),
                _ => String::new(),
            };
            break Confirmation::Pending(t!(
                "clioffline-not-confirmed",
                secs = CONFIRM_WITHIN.as_secs(),
                last = last
            ));
        }
        std::thread::sleep(CONFIRM_POLL);
    };
    match outcome {
        Confirmation::Done(Applied::On {
            backend,
            ours: true,
        }) => println!("{}", t!("clioffline-dnd-on", backend = backend)),
        Confirmation::Done(Applied::On { backend, .. }) => {
            println!("{}", t!("clioffline-dnd-on-already", backend = backend))
        }
        Confirmation::Done(_) => println!("{}", t!("clioffline-dnd-not-held")),
        Confirmation::Pending(why) => println!("{}", t!("clioffline-dnd-pending", why = why)),
    }
}

/// So that the change is applied (and later undone) even with no TUI open: starts the
/// background daemon, or wakes the running one. Returns whether a daemon runs now for this
/// data folder (false: `SEREIN_NO_DAEMON` is set or it could not start; a running TUI may
/// still apply the change).
fn ensure_enforcer(paths: &Paths) -> bool {
    let Some(launch) = crate::shell::daemon::Launch::new(paths) else {
        return false;
    };
    match launch.ensure() {
        // Not started: one runs already (woken), or daemons are off.
        Ok(started) => started || std::env::var_os("SEREIN_NO_DAEMON").is_none_or(|v| v.is_empty()),
        Err(e) => {
            eprintln!("{}", t!("clioffline-warn-no-daemon", error = e.to_string()));
            false
        }
    }
}
