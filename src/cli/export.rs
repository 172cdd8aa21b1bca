//! `serein export timew [--from DATE --to DATE]`: the session log as `timew export` JSON, for
//! `timew import` or anything that reads it. `serein export ics`: the plan (and the session
//! log) as an iCalendar file, for a calendar app.

use std::io::Write;

use chrono::NaiveDate;
use clap::Subcommand;

use crate::cli::{Failure, open_store, parse_date};
use crate::config::Paths;
use crate::domain::import::timew;
use crate::domain::plan::{Kind, Timebox};
use crate::domain::session::{Session, SessionKind, State};
use crate::domain::time::{Now, resolve, wall};

#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// Ended focus and break sessions as `timew export` JSON on standard output: tags
    /// [domain, title] (and `break`), the note as annotation, times in UTC. A paused session
    /// is split into the stretches it ran. Breathing sessions are left out.
    Timew {
        /// First day (local date of a session's start): today, yesterday, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day, included.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
    },
    /// Timeboxes as an iCalendar (.ics) file on standard output, one event each (UID
    /// box-ID@serein, the domain as CATEGORIES, times in UTC), for a calendar app to import
    /// or subscribe to. With --sessions, the ended focus and break sessions too.
    Ics {
        /// First day of the plan: today, yesterday, YYYY-MM-DD (default: all).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day, included.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Also the session log: what really happened (UID session-ID@serein).
        #[arg(long)]
        sessions: bool,
    },
}

/// Runs `serein export`.
pub fn run(cmd: ExportCmd, paths: &Paths, now: Now) -> Result<(), Failure> {
    let (from, to, ics) = match cmd {
        ExportCmd::Timew { from, to } => (from, to, None),
        ExportCmd::Ics { from, to, sessions } => (from, to, Some(sessions)),
    };
    let today = now.local.date();
    let day = |s: Option<String>, default: NaiveDate| match s {
        Some(s) => parse_date(&s, today).map_err(Failure::input),
        None => Ok(default),
    };
    let from = day(from, NaiveDate::from_ymd_opt(1000, 1, 1).expect("a date"))?;
    let to = day(to, NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date"))?;
    if to < from {
        return Err(Failure::input(crate::t!(
            "cliexport-to-before-from",
            to = to.to_string(),
            from = from.to_string()
        )));
    }
    let store = open_store(paths)?;
    let text = match ics {
        None => timew::export_json(&store.sessions(from, to)?),
        Some(with_sessions) => {
            let sessions = if with_sessions {
                store.sessions(from, to)?
            } else {
                Vec::new()
            };
            ics_text(&store.range(from, to)?, &sessions, now)
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The plan and the sessions as an iCalendar text (CRLF lines, folded and escaped by the
/// `icalendar` crate). A box's wall times are read in the zone of `now` (a time in a DST gap
/// moves forward, one in a fold takes the earlier instant); DTSTAMP is `now`, so exporting the
/// same data twice gives the same file.
pub fn ics_text(boxes: &[Timebox], sessions: &[Session], now: Now) -> String {
    use icalendar::{Calendar, Component, Event, EventLike};
    let mut cal = Calendar::new();
    cal.name("serein");
    for b in boxes {
        let start = resolve(&now.zone, wall(b.date, b.start));
        let end = resolve(&now.zone, wall(b.date, b.end));
        let mut e = Event::new();
        e.uid(&format!("box-{}@serein", b.id))
            .timestamp(now.utc)
            .summary(&b.title)
            .starts(start)
            .ends(end)
            .add_property("CATEGORIES", b.domain.as_str());
        if b.kind == Kind::Break {
            e.description("break");
        }
        if b.done {
            e.add_property("X-SEREIN-DONE", "TRUE");
        }
        cal.push(e.done());
    }
    for s in sessions {
        let State::Ended { at, .. } = s.state else {
            continue;
        };
        if s.kind == SessionKind::Breathing {
            continue;
        }
        let mut e = Event::new();
        e.uid(&format!("session-{}@serein", s.id))
            .timestamp(now.utc)
            .summary(&s.title)
            .starts(s.started)
            .ends(at)
            .add_property("CATEGORIES", s.domain.as_str())
            .description(if s.kind == SessionKind::Break {
                "logged break"
            } else {
                "logged focus session"
            });
        if let Some(n) = &s.note {
            e.add_property("COMMENT", n.as_str());
        }
        cal.push(e.done());
    }
    cal.done().to_string()
}
