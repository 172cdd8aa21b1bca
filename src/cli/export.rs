//! `serein export timew [--from DATE --to DATE]`: the session log as `timew export` JSON, for
//! `timew import` or anything that reads it.

use std::io::Write;

use chrono::NaiveDate;
use clap::Subcommand;

use crate::cli::{Failure, open_store, parse_date};
use crate::config::Paths;
use crate::domain::import::timew;
use crate::domain::time::Now;

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
}

/// Runs `serein export`.
pub fn run(cmd: ExportCmd, paths: &Paths, now: Now) -> Result<(), Failure> {
    let ExportCmd::Timew { from, to } = cmd;
    let today = now.local.date();
    let day = |s: Option<String>, default: NaiveDate| match s {
        Some(s) => parse_date(&s, today).map_err(Failure::input),
        None => Ok(default),
    };
    let from = day(from, NaiveDate::from_ymd_opt(1000, 1, 1).expect("a date"))?;
    let to = day(to, NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date"))?;
    if to < from {
        return Err(Failure::input(format!(
            "--to {to} is before --from {from}; nothing to export"
        )));
    }
    let store = open_store(paths)?;
    let sessions = store.sessions(from, to)?;
    let mut out = std::io::stdout().lock();
    out.write_all(timew::export_json(&sessions).as_bytes())?;
    Ok(())
}
