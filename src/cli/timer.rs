//! Timer commands: start, stop, pause, resume, extend, status, log, daemon. They print and
//! return at once; a session lives in the database with its deadline, and the daemon or a
//! running TUI carries it on.

use std::io::Write;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::cli::{Failure, parse_date};
use crate::config::{Config, Paths};
use crate::domain::parse;
use crate::domain::plan::{self, Timebox, dur};
use crate::domain::session::{
    EndReason, MAX_SESSION_S, Phase, Session, SessionKind, State, clock_text,
};
use crate::domain::time::Now;
use crate::domain::time::{minute_of_day, resolve};
use crate::store::{Store, StoreError};

fn open(paths: &Paths) -> Result<Store, Failure> {
    Ok(Store::open(&paths.db_file())?)
}

/// The running session, after closing one that nothing ran past its deadline (which is
/// then reported instead of being stopped hours late).
fn active(store: &mut Store, now: Now) -> Result<Session, Failure> {
    if let Some(closed) = store.recover(now.utc, crate::shell::STALE_S)? {
        return Err(Failure::input(format!(
            "nothing is running: “{}” was left with nothing to run it and was closed at {} (see `serein log`)",
            closed.title,
            ended_hhmm(&closed, now)
        )));
    }
    store
        .active_session()?
        .ok_or_else(|| Failure::input("nothing is running (start a box with `serein start`)"))
}

fn ended_hhmm(s: &Session, now: Now) -> String {
    match s.state {
        State::Ended { at, .. } => local_hhmm(now, at),
        _ => String::new(),
    }
}

/// Runs a hook without waiting: a CLI command returns at once, and a slow hook can't block it.
fn hook(cfg: &Config, event: &str, s: &Session, now: Now) {
    let Some(argv) = cfg.hooks.for_event(event) else {
        return;
    };
    use std::os::unix::process::CommandExt;
    let spawned = std::process::Command::new(&argv[0])
        .args(&argv[1..])
        .env("SEREIN_EVENT", event)
        .env("SEREIN_TITLE", &s.title)
        .env("SEREIN_DOMAIN", &s.domain)
        .env("SEREIN_REMAINING_S", s.remaining_s(now.utc).to_string())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn();
    if let Err(e) = spawned {
        tracing::warn!("hook {argv:?} failed to start: {e}");
        eprintln!("warning: hook {} failed to start: {e}", argv[0]);
    }
}

/// Parses `--for` and `extend` lengths: 1 minute to 12 hours.
pub fn parse_length(s: &str, what: &str) -> Result<i64, Failure> {
    let t = s.trim();
    let bad = || {
        Failure::input(format!(
            "{what} {s:?}: expected a positive length from 1m to 12h, like 25m, 1h or 1h30"
        ))
    };
    if t.starts_with('-') {
        return Err(bad());
    }
    let minutes = parse::parse_duration(t.strip_prefix('+').unwrap_or(t)).ok_or_else(bad)?;
    let secs = i64::from(minutes) * 60;
    if secs <= 0 || secs > MAX_SESSION_S {
        return Err(bad());
    }
    Ok(secs)
}

fn local_hhmm(now: Now, at: DateTime<Utc>) -> String {
    crate::app::timer::local_hhmm(now, at)
}

/// `serein start [ID | TITLE…] [--for 45m] [--break] [--replace] [--yes]`
#[allow(clippy::too_many_arguments)]
pub fn start(
    yes: bool,
    paths: &Paths,
    cfg: &Config,
    now: Now,
    what: &[String],
    length: Option<&str>,
    is_break: bool,
    replace: bool,
) -> Result<(), Failure> {
    let mut store = open(paths)?;
    store.recover(now.utc, crate::shell::STALE_S)?;
    let today = now.local.date();
    let length = length.map(|l| parse_length(l, "--for")).transpose()?;
    let mut s = match what {
        [] => {
            let boxes = store.day(today)?;
            let b = plan::next_box(&boxes, None, minute_of_day(now.local)).ok_or_else(|| {
                Failure::input(
                    "no box left to start today; plan one (`serein plan add`) or start one with a title: serein start \"Write\" --for 25m",
                )
            })?;
            from_box(b, length, now)
        }
        [id] if id.parse::<i64>().is_ok() => {
            let id: i64 = id.parse().unwrap_or_default();
            let b = store.get(id)?.ok_or_else(|| {
                Failure::input(format!("no box with id {id} (see `serein plan list`)"))
            })?;
            if b.date != today {
                return Err(Failure::input(format!(
                    "box #{id} is planned for {}, not today",
                    b.date.format("%a %d %b %Y")
                )));
            }
            from_box(&b, length, now)
        }
        words => {
            let secs = length.ok_or_else(|| {
                Failure::input(
                    "say how long with --for, e.g. serein start \"Write report\" --for 45m",
                )
            })?;
            // Reuse the box parser for the title and its #domain.
            let text = format!("5m {}", words.join(" "));
            let d =
                parse::parse(&text, &cfg.domain_names()).map_err(|e| Failure::input(e.message))?;
            let kind = if is_break || d.kind == plan::Kind::Break {
                SessionKind::Break
            } else {
                SessionKind::Focus
            };
            let domain = d.domain.unwrap_or_else(|| cfg.default_domain.clone());
            Session::start(
                &d.title,
                &domain,
                kind,
                None,
                secs,
                now.utc,
                today,
                now.offset_s(),
            )
        }
    };
    if is_break {
        s.kind = SessionKind::Break;
    }
    let after_hours = after_hours_ok(cfg, &s, now, yes)?;
    if let Some(running) = store.active_session()? {
        if !replace {
            return Err(Failure::input(format!(
                "“{}” is running ({}); `serein stop` ends it, or add --replace",
                running.title,
                clock_text(running.remaining_s(now.utc))
            )));
        }
        let mut old = running;
        let _ = old.end(EndReason::Stopped, now.utc);
        store.save_session(&old)?;
        println!("■ stopped “{}”", old.title);
    }
    s.id = match store.start_session(&s) {
        Ok(id) => id,
        Err(StoreError::SessionActive { title }) => {
            return Err(Failure::input(format!(
                "“{title}” was just started elsewhere; `serein stop` ends it, or add --replace"
            )));
        }
        Err(e) => return Err(e.into()),
    };
    if after_hours {
        store.mark_after_hours(s.id)?;
    }
    let until = s.deadline().map(|d| local_hhmm(now, d)).unwrap_or_default();
    // The start hook runs here (claimed, so a TUI or daemon picking the session up won't).
    let event = if s.kind == SessionKind::Break {
        "break"
    } else {
        "start"
    };
    if store.claim(s.id, &format!("hook:{event}"), now.utc)? {
        hook(cfg, event, &s, now);
    }
    println!(
        "▶ {} until {until} ({})",
        s.title,
        dur((s.planned_s / 60) as u32)
    );
    if let Some(launch) = crate::shell::daemon::Launch::new(paths)
        && let Err(e) = launch.ensure()
    {
        eprintln!(
            "warning: could not start the background daemon ({e}); notifications need `serein daemon` or the TUI running"
        );
    }
    Ok(())
}

/// Work in offline hours: ask on a terminal, refuse without `--yes` otherwise. Returns
/// whether it is after-hours work.
fn after_hours_ok(cfg: &Config, s: &Session, now: Now, yes: bool) -> Result<bool, Failure> {
    use std::io::IsTerminal;
    let work = s.kind == SessionKind::Focus && cfg.work_domains().contains(&s.domain.as_str());
    if !work || !cfg.offline.schedule().is_offline(&now.zone, now.utc) {
        return Ok(false);
    }
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::input(
            "these are your offline hours: add --yes to start work anyway (it counts as after-hours)",
        ));
    }
    eprint!("These are your offline hours. Start work anyway (it counts as after-hours)? [y/N] ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    if matches!(answer.trim(), "y" | "Y" | "yes") {
        Ok(true)
    } else {
        Err(Failure::input("not started"))
    }
}

fn from_box(b: &Timebox, length: Option<i64>, now: Now) -> Session {
    let secs = length
        .unwrap_or(i64::from(plan::real_len(b, &now.zone)) * 60)
        .max(60);
    Session::start(
        &b.title,
        &b.domain,
        SessionKind::from(b.kind),
        Some(b.id),
        secs,
        now.utc,
        now.local.date(),
        now.offset_s(),
    )
}

/// `serein stop [--note]`: finishes the running session now.
pub fn stop(paths: &Paths, cfg: &Config, now: Now, note: Option<String>) -> Result<(), Failure> {
    let mut store = open(paths)?;
    let mut s = active(&mut store, now)?;
    if let Some(n) = note {
        s.note = (!n.trim().is_empty()).then(|| n.trim().to_string());
    }
    s.end(EndReason::Finished, now.utc)
        .map_err(|e| Failure::input(e.to_string()))?;
    store.save_session(&s)?;
    if let Some(id) = s.timebox_id {
        store.set_done(id, true)?;
    }
    let over = match s.state {
        State::Ended { overrun_s, .. } if overrun_s > 0 => {
            format!(", {} over", clock_text(overrun_s))
        }
        _ => String::new(),
    };
    println!(
        "■ finished “{}” after {}{over}",
        s.title,
        dur((s.actual_s(now.utc) / 60) as u32)
    );
    hook(cfg, "end", &s, now);
    Ok(())
}

/// `serein pause` / `serein resume`.
pub fn pause(paths: &Paths, cfg: &Config, now: Now, resume: bool) -> Result<(), Failure> {
    let mut store = open(paths)?;
    let mut s = active(&mut store, now)?;
    let r = if resume {
        s.resume(now.utc)
    } else {
        s.pause(now.utc)
    };
    r.map_err(|e| Failure::input(e.to_string()))?;
    store.save_session(&s)?;
    let left = clock_text(s.remaining_s(now.utc));
    if resume {
        println!("▶ resumed “{}”, {left} left", s.title);
    } else {
        println!("⏸ paused “{}” with {left} left", s.title);
        hook(cfg, "pause", &s, now);
    }
    Ok(())
}

/// `serein extend 5m`.
pub fn extend(paths: &Paths, now: Now, by: &str) -> Result<(), Failure> {
    let secs = parse_length(by, "extend")?;
    let mut store = open(paths)?;
    let mut s = active(&mut store, now)?;
    s.extend(secs, now.utc)
        .map_err(|e| Failure::input(e.to_string()))?;
    store.save_session(&s)?;
    println!(
        "+{} for “{}”: {} left",
        dur((secs / 60) as u32),
        s.title,
        clock_text(s.remaining_s(now.utc))
    );
    Ok(())
}

#[derive(Serialize)]
struct StatusJson<'a> {
    state: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    started: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remaining_s: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overrun_s: Option<i64>,
}

/// `serein status`: one line for a status bar, fast enough to run every second. Reads only.
pub fn status(paths: &Paths, now: Now, format: Option<&str>, json: bool) -> Result<(), Failure> {
    // No database yet means nothing runs; don't create one just to say so.
    let session = if paths.db_file().exists() {
        Store::open(&paths.db_file())?.active_session()?
    } else {
        None
    };
    // Read-only: a session nothing ran past its deadline is over (the next start closes it).
    let session = session.filter(|s| !s.clone().recover(now.utc, crate::shell::STALE_S));
    let mut out = std::io::stdout().lock();
    let Some(s) = session else {
        if json {
            writeln!(out, "{}", serde_json::json!({ "state": "idle" }))?;
        }
        return Ok(());
    };
    let phase = s.phase(now.utc);
    let icon = phase.icon();
    let state = match phase {
        Phase::Running => "running",
        Phase::Paused => "paused",
        Phase::Overrun => "overrun",
        Phase::Ended => "idle",
    };
    let remaining = s.remaining_s(now.utc);
    if json {
        let j = StatusJson {
            state,
            id: Some(s.id),
            title: Some(&s.title),
            domain: Some(&s.domain),
            kind: Some(s.kind.as_str()),
            started: Some(s.started),
            deadline: s.deadline(),
            remaining_s: Some(remaining.max(0)),
            overrun_s: Some(s.overrun_s(now.utc)),
        };
        serde_json::to_writer(&mut out, &j)?;
        writeln!(out)?;
        return Ok(());
    }
    let default = if phase == Phase::Overrun {
        "{remaining} {title}"
    } else {
        "{icon} {title} {remaining}"
    };
    let line = format
        .unwrap_or(default)
        .replace("{icon}", icon)
        .replace("{title}", &s.title)
        .replace("{domain}", &s.domain)
        .replace("{kind}", s.kind.as_str())
        .replace("{state}", state)
        .replace("{remaining}", &clock_text(remaining))
        .replace(
            "{deadline}",
            &s.deadline().map(|d| local_hhmm(now, d)).unwrap_or_default(),
        );
    writeln!(out, "{line}")?;
    Ok(())
}

#[derive(Serialize)]
struct LogJson<'a> {
    id: i64,
    timebox_id: Option<i64>,
    title: &'a str,
    domain: &'a str,
    kind: &'a str,
    local_date: NaiveDate,
    started: DateTime<Utc>,
    ended: Option<DateTime<Utc>>,
    end_reason: Option<&'a str>,
    planned_s: i64,
    extended_s: i64,
    actual_s: i64,
    paused_s: i64,
    overrun_s: i64,
    interruptions: u32,
    note: Option<&'a str>,
    /// Work started during offline hours.
    after_hours: bool,
}

/// The Monday-to-Sunday week holding `d`.
fn week_of(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(6))
}

/// `serein log [--date D | --week] [--json]`.
pub fn log(
    paths: &Paths,
    now: Now,
    date: Option<&str>,
    week: bool,
    json: bool,
) -> Result<(), Failure> {
    let today = now.local.date();
    let day = match date {
        Some(d) => parse_date(d, today).map_err(Failure::input)?,
        None => today,
    };
    let (from, to) = if week { week_of(day) } else { (day, day) };
    let store = open(paths)?;
    let sessions = store.sessions(from, to)?;
    let mut out = std::io::stdout().lock();
    if json {
        let rows: Vec<LogJson> = sessions
            .iter()
            .map(|s| {
                let (ended, reason, overrun) = match s.state {
                    State::Ended {
                        at,
                        reason,
                        overrun_s,
                    } => (Some(at), Some(reason.as_str()), overrun_s),
                    _ => (None, None, s.overrun_s(now.utc)),
                };
                LogJson {
                    id: s.id,
                    timebox_id: s.timebox_id,
                    title: &s.title,
                    domain: &s.domain,
                    kind: s.kind.as_str(),
                    local_date: s.local_date,
                    started: s.started,
                    ended,
                    end_reason: reason,
                    planned_s: s.planned_s,
                    extended_s: s.extended_s,
                    actual_s: s.actual_s(now.utc),
                    paused_s: s.paused_s,
                    overrun_s: overrun,
                    interruptions: s.interruptions,
                    note: s.note.as_deref(),
                    after_hours: store.is_after_hours(s.id).unwrap_or(false),
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if sessions.is_empty() {
        writeln!(out, "no sessions from {from} to {to}")?;
        return Ok(());
    }
    let mut last_date = None;
    for s in &sessions {
        if last_date != Some(s.local_date) {
            writeln!(out, "{}", s.local_date.format("%A %d %B %Y"))?;
            last_date = Some(s.local_date);
        }
        let start = local_hhmm(now, s.started);
        let (end, how, over) = match s.state {
            State::Ended {
                at,
                reason,
                overrun_s,
            } => (local_hhmm(now, at), reason.as_str().to_string(), overrun_s),
            _ => (
                "now".to_string(),
                "running".to_string(),
                s.overrun_s(now.utc),
            ),
        };
        let mut extra = Vec::new();
        if over > 0 {
            extra.push(format!("{} over", clock_text(over)));
        }
        if s.interruptions > 0 {
            extra.push(format!("{} interrupted", s.interruptions));
        }
        if let Some(n) = &s.note {
            extra.push(format!("“{n}”"));
        }
        writeln!(
            out,
            "  #{:<4} {start}-{end}  {:<9} {:>5} of {:<5} {:<9} {}{}",
            s.id,
            s.kind.as_str(),
            dur((s.actual_s(now.utc) / 60) as u32),
            dur(((s.total_s() + 30) / 60) as u32),
            how,
            s.title,
            if extra.is_empty() {
                String::new()
            } else {
                format!(" · {}", extra.join(" · "))
            }
        )?;
    }
    Ok(())
}

/// `serein log edit ID [--start HH:MM] [--end HH:MM] [--note TEXT]`: fixes a recorded session.
pub fn log_edit(
    paths: &Paths,
    now: Now,
    id: i64,
    start: Option<&str>,
    end: Option<&str>,
    note: Option<String>,
) -> Result<(), Failure> {
    let mut store = open(paths)?;
    let mut s = store
        .session(id)?
        .ok_or_else(|| Failure::input(format!("no session with id {id} (see `serein log`)")))?;
    let at = |t: &str, what: &str| -> Result<DateTime<Utc>, Failure> {
        let m = parse::parse_clock(t)
            .filter(|m| *m < plan::DAY_MINUTES)
            .ok_or_else(|| Failure::input(format!("--{what} {t:?}: expected a time like 09:30")))?;
        Ok(resolve(
            &now.zone,
            crate::domain::time::wall(s.local_date, m),
        ))
    };
    if start.is_some() || end.is_some() {
        let State::Ended {
            at: old_end,
            reason,
            ..
        } = s.state
        else {
            return Err(Failure::input(format!(
                "session #{id} is still running: stop it before editing its times"
            )));
        };
        let new_start = start
            .map(|t| at(t, "start"))
            .transpose()?
            .unwrap_or(s.started);
        let mut new_end = end.map(|t| at(t, "end")).transpose()?.unwrap_or(old_end);
        // An end "before" the start on the clock means after midnight (23:30 → 00:40).
        if end.is_some() && new_end <= new_start {
            let next_day = resolve(
                &now.zone,
                new_end.with_timezone(&now.zone).naive_local() + Duration::days(1),
            );
            if next_day - new_start < Duration::hours(24) {
                new_end = next_day;
            }
        }
        if new_end > now.utc + Duration::seconds(1) {
            return Err(Failure::input(format!(
                "the end {} is in the future: a log records what happened; nothing changed",
                local_hhmm(now, new_end)
            )));
        }
        if new_end <= new_start {
            return Err(Failure::input(format!(
                "the end {} is not after the start {}: nothing changed",
                new_end.with_timezone(&now.zone).format("%H:%M"),
                new_start.with_timezone(&now.zone).format("%H:%M")
            )));
        }
        s.started = new_start;
        s.paused_s = s.paused_s.min((new_end - new_start).num_seconds());
        let actual = (new_end - new_start).num_seconds() - s.paused_s;
        s.state = State::Ended {
            at: new_end,
            reason,
            overrun_s: (actual - s.total_s()).max(0),
        };
    }
    if let Some(n) = note {
        s.note = (!n.trim().is_empty()).then(|| n.trim().to_string());
    }
    store.save_session(&s)?;
    println!("updated session #{id}");
    Ok(())
}

/// `serein log rm ID`.
pub fn log_rm(paths: &Paths, id: i64) -> Result<(), Failure> {
    let mut store = open(paths)?;
    if !store.delete_session(id)? {
        return Err(Failure::input(format!(
            "no session with id {id} (see `serein log`)"
        )));
    }
    println!("removed session #{id}");
    Ok(())
}
