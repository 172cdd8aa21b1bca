//! `serein calendar list [--date D]` and `serein calendar check`: the configured calendars'
//! meetings for a day, and whether every source reads.

use chrono::NaiveDate;

use crate::calendar::{self, Source};
use crate::cli::Failure;
use crate::config::Config;
use crate::domain::meeting::{self, MeetingTime};
use crate::domain::plan::hhmm;
use crate::domain::time::Now;

/// `serein calendar …`.
#[derive(Debug, clap::Subcommand)]
pub enum CalendarCmd {
    /// The meetings of a day from every [[calendar]] source, all-day events first.
    List {
        /// The day: YYYY-MM-DD, today, yesterday, tomorrow or a weekday (default: today).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Read every [[calendar]] source and report errors (file and line); exit 1 if any.
    Check,
}

/// Runs a `calendar` subcommand.
pub fn run(cmd: CalendarCmd, cfg: &Config, now: Now) -> Result<(), Failure> {
    let sources = cfg.calendar_sources();
    match cmd {
        CalendarCmd::List { date } => {
            let day = match date {
                Some(d) => crate::cli::parse_date(&d, now.local.date()).map_err(Failure::input)?,
                None => now.local.date(),
            };
            print!("{}", list(&sources, day, now)?);
            Ok(())
        }
        CalendarCmd::Check => check(&sources),
    }
}

/// The day's meetings as text: all-day events, then timed ones with their times on that day
/// (a meeting across midnight shows its piece of the day). A broken source is an error.
fn list(sources: &[Source], day: NaiveDate, now: Now) -> Result<String, Failure> {
    if sources.is_empty() {
        return Err(Failure::input(
            "no [[calendar]] in the config; see `serein config init` for an example",
        ));
    }
    let mut all = Vec::new();
    for s in sources {
        let loaded = calendar::load(s).map_err(|e| Failure::other(e.to_string()))?;
        all.extend(loaded.meetings(day, day, &now.zone));
    }
    let mut out = String::new();
    for m in meeting::all_day(&all, day) {
        out.push_str(&format!(
            "all day      {}  #{}  ({})\n",
            m.title, m.domain, m.calendar
        ));
    }
    let mut timed: Vec<_> = all
        .iter()
        .filter(|m| matches!(m.time, MeetingTime::Timed { .. }))
        .filter_map(|m| m.slot(day, &now.zone).map(|s| (s, m)))
        .collect();
    timed.sort_by(|a, b| (a.0.start, a.0.end, &a.0.title).cmp(&(b.0.start, b.0.end, &b.0.title)));
    for (s, m) in timed {
        out.push_str(&format!(
            "{}-{}  {}  #{}  ({})\n",
            hhmm(s.start),
            hhmm(s.end),
            m.title,
            m.domain,
            m.calendar
        ));
    }
    if out.is_empty() {
        out = format!("no meetings on {day}\n");
    }
    Ok(out)
}

/// Reads every source: one line each, the error with its file and line when broken.
fn check(sources: &[Source]) -> Result<(), Failure> {
    if sources.is_empty() {
        println!("no [[calendar]] configured");
        return Ok(());
    }
    let mut broken = 0;
    for s in sources {
        match calendar::load(s) {
            Ok(l) => println!(
                "✓ {}: {} ({} events)",
                s.name,
                s.path.display(),
                l.events.len()
            ),
            Err(e) => {
                broken += 1;
                println!("✗ {}: {e}", s.name);
            }
        }
    }
    match broken {
        0 => Ok(()),
        n => Err(Failure::other(format!(
            "{n} calendar(s) could not be read (see above)"
        ))),
    }
}
