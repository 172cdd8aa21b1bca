//! A small on-disk copy of the meetings of the shown week, so the first frame of Today has
//! them without parsing the calendars first (a 2,000-event calendar takes tens of
//! milliseconds to parse). Kept in `$XDG_CACHE_HOME/serein/meetings.json` (else
//! `~/.cache/serein/`), keyed by the sources (name, path, domain), their files' modification
//! times, the time zone and the week: any difference and it is ignored, as is a file that
//! can't be read. Written atomically (a temporary file renamed over it) after each full read.

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::calendar::Source;
use crate::domain::meeting::{Meeting, MeetingTime};

/// Bumped when the file's shape changes: an older file is then ignored.
const VERSION: u32 = 1;

/// What a snapshot is valid for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    version: u32,
    /// Each source's name, path, domain and newest modification time (ns since the epoch).
    sources: Vec<(String, PathBuf, String, Option<u128>)>,
    zone: String,
    first: NaiveDate,
    last: NaiveDate,
}

impl Key {
    /// The key of `sources` as they are on disk now (a stat per file), for `first..=last`.
    pub fn now(sources: &[Source], zone: &str, first: NaiveDate, last: NaiveDate) -> Key {
        let seen: Vec<(Source, Option<SystemTime>)> = sources
            .iter()
            .map(|s| (s.clone(), super::modified(&s.path)))
            .collect();
        Key::of(&seen, zone, first, last)
    }

    /// The key of `sources` before looking at their files (the app does no I/O): the shell
    /// stamps it with [`Key::stamped`].
    pub fn unstamped(sources: &[Source], first: NaiveDate, last: NaiveDate) -> Key {
        let seen: Vec<(Source, Option<SystemTime>)> =
            sources.iter().map(|s| (s.clone(), None)).collect();
        Key::of(&seen, "", first, last)
    }

    /// This key with the sources' modification times as they are on disk now, in `zone`
    /// (the app's zone is only known once the shell has stamped it).
    pub fn stamped(&self, zone: &str) -> Key {
        let nanos = |t: SystemTime| t.duration_since(UNIX_EPOCH).ok().map(|d| d.as_nanos());
        Key {
            sources: self
                .sources
                .iter()
                .map(|(n, p, d, _)| {
                    (
                        n.clone(),
                        p.clone(),
                        d.clone(),
                        super::modified(p).and_then(nanos),
                    )
                })
                .collect(),
            zone: zone.to_string(),
            ..self.clone()
        }
    }

    /// The key of sources read when their files had these modification times.
    pub fn of(
        sources: &[(Source, Option<SystemTime>)],
        zone: &str,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Key {
        let nanos = |t: SystemTime| t.duration_since(UNIX_EPOCH).ok().map(|d| d.as_nanos());
        Key {
            version: VERSION,
            sources: sources
                .iter()
                .map(|(s, at)| {
                    (
                        s.name.clone(),
                        s.path.clone(),
                        s.domain.clone(),
                        at.and_then(nanos),
                    )
                })
                .collect(),
            zone: zone.to_string(),
            first,
            last,
        }
    }

    /// The dates the snapshot covers.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (self.first, self.last)
    }
}

/// One meeting as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    uid: String,
    instance: Option<String>,
    title: String,
    calendar: String,
    domain: String,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    #[serde(default)]
    free: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    key: Key,
    meetings: Vec<Stored>,
}

/// `$XDG_CACHE_HOME/serein/meetings.json`, or under `~/.cache`.
pub fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("serein").join("meetings.json"))
}

/// The meetings stored for exactly `key`, or `None` (no file, unreadable, stale).
pub fn read(file: &std::path::Path, key: &Key) -> Option<Vec<Meeting>> {
    let text = std::fs::read(file).ok()?;
    let f: File = serde_json::from_slice(&text).ok()?;
    if f.key != *key {
        return None;
    }
    f.meetings
        .into_iter()
        .map(|s| {
            let time = match (s.start, s.end, s.first, s.last) {
                (Some(start), Some(end), None, None) => MeetingTime::Timed { start, end },
                (None, None, Some(first), Some(last)) => MeetingTime::AllDay { first, last },
                _ => return None,
            };
            Some(Meeting {
                uid: s.uid,
                instance: s.instance,
                title: s.title,
                calendar: s.calendar,
                domain: s.domain,
                time,
                free: s.free,
            })
        })
        .collect()
}

/// Stores `meetings` under `key`: written to a temporary file, then renamed over the old one,
/// so a reader never sees half a file.
pub fn write(file: &std::path::Path, key: &Key, meetings: &[Meeting]) -> std::io::Result<()> {
    let stored = meetings
        .iter()
        .map(|m| {
            let (start, end, first, last) = match m.time {
                MeetingTime::Timed { start, end } => (Some(start), Some(end), None, None),
                MeetingTime::AllDay { first, last } => (None, None, Some(first), Some(last)),
            };
            Stored {
                uid: m.uid.clone(),
                instance: m.instance.clone(),
                title: m.title.clone(),
                calendar: m.calendar.clone(),
                domain: m.domain.clone(),
                start,
                end,
                first,
                last,
                free: m.free,
            }
        })
        .collect();
    let text = serde_json::to_vec(&File {
        key: key.clone(),
        meetings: stored,
    })
    .map_err(std::io::Error::other)?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = file.with_extension(format!("json.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, file).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// What the first calendar read gave.
#[derive(Debug, Clone, PartialEq)]
pub enum First {
    /// The snapshot matched: the meetings of `first..=last`.
    Kept(NaiveDate, NaiveDate, Vec<Meeting>),
    /// It did not: every source read.
    Read(Vec<super::Reload>),
}

/// The shell's first calendar read: the snapshot when it matches, else every source read.
pub fn first(key: &Key, file: &std::path::Path, zone: &str) -> First {
    if let Some(meetings) = read(file, &key.stamped(zone)) {
        return First::Kept(key.first, key.last, meetings);
    }
    let known: Vec<(Source, Option<SystemTime>)> = key
        .sources
        .iter()
        .map(|(name, path, domain, _)| {
            let s = Source {
                name: name.clone(),
                path: path.clone(),
                domain: domain.clone(),
            };
            (s, None)
        })
        .collect();
    First::Read(super::reload(&known))
}

/// Stores the snapshot; a failure only costs the next start its head start.
pub fn save(key: &Key, meetings: &[Meeting], file: &std::path::Path) {
    if let Err(e) = write(file, key, meetings) {
        tracing::debug!("calendar snapshot not written to {}: {e}", file.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(title: &str, time: MeetingTime) -> Meeting {
        Meeting {
            uid: title.into(),
            instance: Some("20261201T090000".into()),
            title: title.into(),
            calendar: "work".into(),
            domain: "work".into(),
            time,
            free: false,
        }
    }

    #[test]
    fn round_trip_and_stale_or_broken_files_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let ics = dir.path().join("w.ics");
        std::fs::write(&ics, "BEGIN:VCALENDAR\nEND:VCALENDAR\n").unwrap();
        let src = vec![Source {
            name: "work".into(),
            path: ics.clone(),
            domain: "work".into(),
        }];
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let key = Key::now(&src, "Europe/Paris", d("2026-11-30"), d("2026-12-06"));
        let ms = vec![
            meeting(
                "Standup",
                MeetingTime::Timed {
                    start: DateTime::from_timestamp(1_796_000_000, 0).unwrap(),
                    end: DateTime::from_timestamp(1_796_001_800, 0).unwrap(),
                },
            ),
            meeting(
                "Offsite",
                MeetingTime::AllDay {
                    first: d("2026-12-02"),
                    last: d("2026-12-03"),
                },
            ),
        ];
        let file = dir.path().join("cache/serein/meetings.json");
        assert_eq!(read(&file, &key), None, "no file yet");
        write(&file, &key, &ms).unwrap();
        assert_eq!(read(&file, &key), Some(ms.clone()));
        // Another week, zone or source: stale.
        let other = Key::now(&src, "Europe/Paris", d("2026-12-07"), d("2026-12-13"));
        assert_eq!(read(&file, &other), None);
        assert_eq!(
            read(
                &file,
                &Key::now(&src, "UTC", d("2026-11-30"), d("2026-12-06"))
            ),
            None
        );
        // The calendar changed on disk since.
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&ics)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let changed = Key::now(&src, "Europe/Paris", d("2026-11-30"), d("2026-12-06"));
        assert_eq!(read(&file, &changed), None);
        // Garbage is ignored, not an error.
        std::fs::write(&file, "{not json").unwrap();
        assert_eq!(read(&file, &key), None);
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(file.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }
}
