//! `serein calendar list [--date D]`, `serein calendar check` and `serein calendar sync
//! [NAME]`: the configured calendars' meetings for a day, whether every source reads, and
//! downloading the URL sources now.

use chrono::NaiveDate;

use crate::calendar::remote::{self, Remote, Synced};
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
    /// Read every [[calendar]] source and report errors (file and line); exit 1 if any. A URL
    /// source is read from its last download.
    Check,
    /// Download the URL sources ([[calendar]] with url = …) now, or only NAME; one line each.
    /// Exit 1 if any failed (its last good copy is kept), 2 for an unknown NAME.
    Sync {
        /// The [[calendar]] name to download (default: every URL source).
        name: Option<String>,
    },
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
            print!(
                "{}",
                downloads(&cfg.calendar_remotes(), std::time::SystemTime::now())
            );
            Ok(())
        }
        CalendarCmd::Check => check(&sources, &cfg.calendar_remotes()),
        CalendarCmd::Sync { name } => sync(cfg, name.as_deref()),
    }
}

/// How long ago, in words: "just now", "12 min ago", "3 h ago", "2 days ago".
fn age(then: std::time::SystemTime, now: std::time::SystemTime) -> String {
    let s = now.duration_since(then).map_or(0, |d| d.as_secs());
    match s {
        0..60 => "just now".into(),
        60..3600 => format!("{} min ago", s / 60),
        3600..172_800 => format!("{} h ago", s / 3600),
        _ => format!("{} days ago", s / 86_400),
    }
}

/// One line per URL source: its address (scheme and host only) and when it was last
/// downloaded or checked.
fn downloads(remotes: &[(Source, Remote)], now: std::time::SystemTime) -> String {
    let mut out = String::new();
    for (s, r) in remotes {
        let when = match remote::checked(&s.path).filter(|_| s.path.exists()) {
            Some(t) => format!("synced {}", age(t, now)),
            None => "never synced (serein calendar sync)".into(),
        };
        out.push_str(&format!("{}: {} {when}\n", s.name, remote::redact(&r.url)));
    }
    out
}

/// `calendar sync [NAME]`: downloads now, one line per source.
fn sync(cfg: &Config, name: Option<&str>) -> Result<(), Failure> {
    let remotes = cfg.calendar_remotes();
    let chosen: Vec<&(Source, Remote)> = match name {
        Some(n) => {
            if !cfg.calendars.iter().any(|c| c.name == n) {
                let names: Vec<&str> = cfg.calendars.iter().map(|c| c.name.as_str()).collect();
                return Err(Failure::input(format!(
                    "no [[calendar]] named {n:?} (configured: {})",
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                )));
            }
            let found: Vec<_> = remotes.iter().filter(|(s, _)| s.name == n).collect();
            if found.is_empty() {
                return Err(Failure::input(format!(
                    "calendar {n:?} is a file, not a url: there is nothing to download"
                )));
            }
            found
        }
        None => remotes.iter().collect(),
    };
    if chosen.is_empty() {
        println!("no [[calendar]] with a url");
        return Ok(());
    }
    let timeout = remote::timeout();
    let mut failed = 0;
    for (s, r) in chosen {
        match remote::sync(&s.name, r, &s.path, timeout) {
            Ok(Synced::Updated(n)) => println!("{}: {n} events (updated)", s.name),
            Ok(Synced::NotModified) => println!("{}: not modified", s.name),
            Err(e) => {
                failed += 1;
                println!(
                    "{}: {}: {} ({})",
                    s.name,
                    e.url,
                    e.message,
                    if e.kept {
                        "keeping the last good copy"
                    } else {
                        "nothing downloaded yet"
                    }
                );
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(Failure::other(format!(
            "{n} calendar(s) could not be downloaded (see above)"
        ))),
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
        if calendar::never_fetched(&s.path) {
            continue;
        }
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
fn check(sources: &[Source], remotes: &[(Source, Remote)]) -> Result<(), Failure> {
    if sources.is_empty() {
        println!("no [[calendar]] configured");
        return Ok(());
    }
    let mut broken = 0;
    for s in sources {
        if calendar::never_fetched(&s.path) {
            println!("· {}: never synced (serein calendar sync)", s.name);
            continue;
        }
        match calendar::load(s) {
            Ok(l) => {
                let from = match remotes.iter().find(|(r, _)| r == s) {
                    Some((_, r)) => format!(
                        "{}, {}",
                        remote::redact(&r.url),
                        remote::checked(&s.path).map_or_else(
                            || "downloaded".to_string(),
                            |t| format!("synced {}", age(t, std::time::SystemTime::now()))
                        )
                    ),
                    None => s.path.display().to_string(),
                };
                println!("✓ {}: {from} ({} events)", s.name, l.events.len());
            }
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
