//! Calendar sources (`[[calendar]]`: an `.ics` file, a vdir folder of them, or a URL whose
//! download is cached as an `.ics` file, see [`remote`]) → meetings.
//!
//! Reading is I/O ([`load`]); parsing ([`ics::parse`]) and expansion ([`expand::expand`]) are
//! pure. Syntax is parsed by the `icalendar` crate (lenient, maintained, no network or
//! runtime dependencies); recurrence rules by the `rrule` crate. Both were chosen for being
//! made for exactly this job; serein only reads the handful of properties it shows.

pub mod expand;
pub mod ics;
pub mod remote;
pub mod snapshot;
pub mod vtimezone;
pub mod windows_zones;

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::domain::meeting::Meeting;
use crate::domain::time::Zone;

pub use expand::Origin;
pub use ics::Event;

/// A configured source: its name, where it is, and which life domain its meetings count as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub path: PathBuf,
    pub domain: String,
}

/// A source that could not be read: the file, the line when known, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for CalendarError {}

/// A source read and parsed: its events and the newest modification time of its files (to
/// know when to read it again).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub source: Source,
    pub events: Vec<Event>,
    pub modified: Option<SystemTime>,
}

impl Loaded {
    /// Its meetings with any part on local dates `first..=last` in `zone`.
    pub fn meetings(&self, first: NaiveDate, last: NaiveDate, zone: &Zone) -> Vec<Meeting> {
        expand::expand(
            &self.events,
            Origin {
                calendar: &self.source.name,
                domain: &self.source.domain,
            },
            first,
            last,
            zone,
        )
    }
}

/// The `.ics` files of a source: the file itself, or a folder's `*.ics` files (vdir, as
/// vdirsyncer and khal keep one event per file), sorted by name.
pub fn files(path: &Path) -> Result<Vec<PathBuf>, CalendarError> {
    let err = |e: std::io::Error| CalendarError {
        path: path.to_path_buf(),
        line: None,
        message: format!("cannot read: {e}"),
    };
    let meta = std::fs::metadata(path).map_err(err)?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(err)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ics")) && p.is_file())
        .collect();
    out.sort();
    Ok(out)
}

/// The newest modification time among a source's files (and the folder itself, which
/// changes when a file is added or removed).
pub fn modified(path: &Path) -> Option<SystemTime> {
    let own = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let files = files(path).ok()?;
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok())
        .chain(own)
        .max()
}

/// Reads and parses every file of `source`. The first broken file is the error (its path and
/// line); nothing of a broken source is used, so the caller keeps its last good copy.
pub fn load(source: &Source) -> Result<Loaded, CalendarError> {
    if never_fetched(&source.path) {
        return Err(CalendarError {
            path: source.path.clone(),
            line: None,
            message: "never synced: nothing downloaded yet (serein calendar sync)".into(),
        });
    }
    let modified = modified(&source.path);
    let mut events = Vec::new();
    for f in files(&source.path)? {
        let text = std::fs::read(&f).map_err(|e| CalendarError {
            path: f.clone(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        // Outlook exports may be Latin-1 here and there; a lossy read keeps the rest.
        let text = String::from_utf8_lossy(&text);
        let mut evs = ics::parse(&text).map_err(|e| CalendarError {
            path: f.clone(),
            line: e.line,
            message: e.message,
        })?;
        events.append(&mut evs);
    }
    Ok(Loaded {
        source: source.clone(),
        events,
        modified,
    })
}

/// A URL source's cache file that isn't there yet (a source's path in the download cache).
pub fn never_fetched(path: &Path) -> bool {
    path.starts_with(remote::cache_dir()) && !path.exists()
}

/// What checking one source gave: read again, or broken (the caller keeps its last good copy).
#[derive(Debug, Clone, PartialEq)]
pub enum Reload {
    Read(Loaded),
    Failed {
        name: String,
        error: CalendarError,
        /// The modification time seen, so an unchanged broken file is not read every minute.
        modified: Option<SystemTime>,
    },
}

/// Reads again the sources whose files changed since the modification time last seen
/// (`None`: never read). Unchanged sources give nothing; this is the shell's whole calendar
/// I/O, run off the draw path.
pub fn reload(sources: &[(Source, Option<SystemTime>)]) -> Vec<Reload> {
    let mut out = Vec::new();
    for (source, seen) in sources {
        let now = modified(&source.path);
        if now.is_some() && now == *seen {
            continue;
        }
        // A URL source not downloaded yet: its meetings come with the first download.
        if never_fetched(&source.path) {
            continue;
        }
        out.push(match load(source) {
            Ok(l) => Reload::Read(l),
            Err(error) => Reload::Failed {
                name: source.name.clone(),
                error,
                modified: now,
            },
        });
    }
    out
}
