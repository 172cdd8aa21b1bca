//! `serein log`: the session log — what really happened — and fixing or removing a record.

use std::io::Write;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use clap::Subcommand;
use serde::Serialize;

use crate::app::timer::overrun_text;
use crate::cli::{Failure, open_store, parse_date};
use crate::config::Paths;
use crate::domain::parse;
use crate::domain::plan::{self, dur};
use crate::domain::session::{Session, State};
use crate::domain::time::{Now, local_hhmm, resolve, wall};
use crate::i18n::{self, DateStyle};
use crate::store::Store;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum LogCmd {
    /// Fix a recorded session's times (local, on its day) or note: at least one of
    /// --start, --end, --note.
    Edit {
        /// The session id, s12 or 12, as `serein log` shows it.
        #[arg(value_name = "ID", value_parser = crate::cli::session_id)]
        id: i64,
        /// New start time on the session's day.
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
        /// New end time (before the start: after midnight).
        #[arg(long, value_name = "HH:MM")]
        end: Option<String>,
        /// New note; an empty one removes it.
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove a recorded session.
    Rm {
        /// The session id, s12 or 12, as `serein log` shows it.
        #[arg(value_name = "ID", value_parser = crate::cli::session_id)]
        id: i64,
    },
}

/// What `serein log` shows when it edits nothing: a day or its week, as text or JSON.
#[derive(Debug, Clone, Copy)]
pub struct Show<'a> {
    pub date: Option<&'a str>,
    pub week: bool,
    pub json: bool,
}

/// Runs `serein log [edit|rm]`.
pub fn run(edit: Option<LogCmd>, show: Show, paths: &Paths, now: Now) -> Result<(), Failure> {
    match edit {
        Some(LogCmd::Edit {
            id,
            start,
            end,
            note,
        }) => edit_session(paths, now, id, start.as_deref(), end.as_deref(), note),
        Some(LogCmd::Rm { id }) => remove(paths, id),
        None => list(paths, now, show),
    }
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
fn list(paths: &Paths, now: Now, show: Show) -> Result<(), Failure> {
    let today = now.local.date();
    let day = match show.date {
        Some(d) => parse_date(d, today).map_err(Failure::input)?,
        None => today,
    };
    let (from, to) = if show.week { week_of(day) } else { (day, day) };
    let store = open_store(paths)?;
    let sessions = store.sessions(from, to)?;
    let mut out = std::io::stdout().lock();
    if show.json {
        let rows: Vec<LogJson> = sessions.iter().map(|s| log_json(&store, s, now)).collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if sessions.is_empty() {
        writeln!(
            out,
            "{}",
            t!(
                "clilog-no-sessions",
                from = from.to_string(),
                to = to.to_string()
            )
        )?;
        return Ok(());
    }
    let mut last_date = None;
    for s in &sessions {
        if last_date != Some(s.local_date) {
            writeln!(out, "{}", i18n::date(s.local_date, DateStyle::Long))?;
            last_date = Some(s.local_date);
        }
        writeln!(out, "{}", log_line(s, now))?;
    }
    Ok(())
}

fn log_json<'a>(store: &Store, s: &'a Session, now: Now) -> LogJson<'a> {
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
}

/// One session as a line of `serein log`.
fn log_line(s: &Session, now: Now) -> String {
    let start = local_hhmm(&now.zone, now, s.started);
    let (end, how, over) = match s.state {
        State::Ended {
            at,
            reason,
            overrun_s,
        } => (
            local_hhmm(&now.zone, now, at),
            t!("clilog-reason", reason = reason.as_str()),
            overrun_s,
        ),
        // As wide as a time, so the columns after it stay aligned.
        _ => (t!("clilog-now"), t!("clilog-running"), s.overrun_s(now.utc)),
    };
    let mut extra = Vec::new();
    if over > 0 {
        extra.push(t!("clilog-over", time = overrun_text(over)));
    }
    if s.interruptions > 0 {
        extra.push(t!("clilog-interrupted", n = s.interruptions));
    }
    if let Some(n) = &s.note {
        extra.push(format!("“{n}”"));
    }
    format!(
        "  {:<5} {start}-{end:<5}  {:<9} {:>5} {} {:<5} {:<9} {}{}",
        format!("s{}", s.id),
        t!("clilog-kind", kind = s.kind.as_str()),
        dur((s.actual_s(now.utc) / 60) as u32),
        t!("clilog-of"),
        dur(((s.total_s() + 30) / 60) as u32),
        how,
        s.title,
        if extra.is_empty() {
            String::new()
        } else {
            format!(" · {}", extra.join(" · "))
        }
    )
}

/// `serein log edit ID [--start HH:MM] [--end HH:MM] [--note TEXT]`: fixes a recorded session.
fn edit_session(
    paths: &Paths,
    now: Now,
    id: i64,
    start: Option<&str>,
    end: Option<&str>,
    note: Option<String>,
) -> Result<(), Failure> {
    if start.is_none() && end.is_none() && note.is_none() {
        return Err(Failure::input(t!("clilog-nothing-to-change", id = id)));
    }
    let mut store = open_store(paths)?;
    let mut s = store
        .session(id)?
        .ok_or_else(|| Failure::input(t!("clilog-no-session", id = id)))?;
    if start.is_some() || end.is_some() {
        retime(&mut s, now, start, end)?;
    }
    if let Some(n) = note {
        s.note = (!n.trim().is_empty()).then(|| n.trim().to_string());
    }
    store.save_session(&s)?;
    println!("{}", t!("clilog-updated", id = id));
    Ok(())
}

/// Moves an ended session's start and/or end to local times on its day; refuses a running
/// session, an end in the future and an end not after the start.
fn retime(
    s: &mut Session,
    now: Now,
    start: Option<&str>,
    end: Option<&str>,
) -> Result<(), Failure> {
    let id = s.id;
    let at = |t: &str, what: &str| -> Result<DateTime<Utc>, Failure> {
        let m = parse::parse_clock(t)
            .filter(|m| *m < plan::DAY_MINUTES)
            .ok_or_else(|| {
                Failure::input(t!(
                    "clilog-bad-time",
                    option = what,
                    value = format!("{t:?}")
                ))
            })?;
        Ok(resolve(&now.zone, wall(s.local_date, m)))
    };
    let State::Ended {
        at: old_end,
        reason,
        ..
    } = s.state
    else {
        return Err(Failure::input(t!("clilog-still-running", id = id)));
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
        return Err(Failure::input(t!(
            "clilog-end-in-future",
            end = local_hhmm(&now.zone, now, new_end)
        )));
    }
    if new_end <= new_start {
        return Err(Failure::input(t!(
            "clilog-end-before-start",
            end = new_end.with_timezone(&now.zone).format("%H:%M").to_string(),
            start = new_start
                .with_timezone(&now.zone)
                .format("%H:%M")
                .to_string()
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
    Ok(())
}

/// `serein log rm ID`.
fn remove(paths: &Paths, id: i64) -> Result<(), Failure> {
    let mut store = open_store(paths)?;
    if !store.delete_session(id)? {
        return Err(Failure::input(t!("clilog-no-session", id = id)));
    }
    println!("{}", t!("clilog-removed", id = id));
    Ok(())
}
