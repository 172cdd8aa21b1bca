//! Reading other trackers' data: Timewarrior (data files and `timew export` JSON), Watson
//! (its `frames` file) and bartib (its activity file), and writing `timew export` JSON.
//!
//! Pure: the parsers take the text, the file's name (for messages) and, where wall times are
//! local (bartib), the zone; they return [`Parsed`] records, what they skipped and why, and the
//! lines they could not read, each located at file:line(:column). The mapping from tags and
//! projects to domains is [`Mapping`]; [`Record::to_row`] makes the store's row.

pub mod bartib;
pub mod timew;
pub mod watson;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::session::SessionKind;
use crate::domain::time::{Now, Zone};

/// One finished session to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub title: String,
    pub domain: String,
    pub kind: SessionKind,
    pub started: DateTime<Utc>,
    pub ended: DateTime<Utc>,
    /// The local date and UTC offset at the start, as every session stores them.
    pub local_date: NaiveDate,
    pub utc_offset_s: i32,
    pub note: Option<String>,
    /// `timew`, `watson` or `bartib`.
    pub source: &'static str,
    /// Unique within `source`: importing the same record again finds it.
    pub key: String,
}

/// A tool serein imports from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Timew,
    Watson,
    Bartib,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Timew => "timew",
            Source::Watson => "watson",
            Source::Bartib => "bartib",
        }
    }
}

/// Where something is in the input: a file and a 1-based line (and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub file: String,
    pub line: usize,
    pub column: Option<usize>,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(c) = self.column {
            write!(f, ":{c}")?;
        }
        Ok(())
    }
}

/// A finished interval read from another tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub at: Loc,
    pub source: Source,
    /// Unique within the source (see each parser).
    pub key: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Tags in the source's order: Timewarrior's (sorted, as it stores them); Watson's project
    /// then its tags; bartib's project. The first one with a mapping decides the domain.
    pub tags: Vec<String>,
    /// The title when the tags don't give one (Watson, bartib); None for Timewarrior.
    pub title: Option<String>,
    /// Timewarrior's annotation, bartib's description: kept as the session's note.
    pub note: Option<String>,
}

/// Something left out, and why ("still running", "ends before it starts").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub at: Loc,
    pub reason: String,
}

/// A line that could not be read: where, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub at: Loc,
    pub message: String,
}

impl fmt::Display for BadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// What a parser made of its input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub records: Vec<Record>,
    pub skipped: Vec<Skip>,
    pub bad: Vec<BadLine>,
}

impl Parsed {
    /// Adds another file's results.
    pub fn extend(&mut self, other: Parsed) {
        self.records.extend(other.records);
        self.skipped.extend(other.skipped);
        self.bad.extend(other.bad);
    }

    /// Files a finished interval, or skips it when it is empty or backwards.
    fn push(&mut self, r: Record) {
        if r.end < r.start {
            self.skipped.push(Skip {
                at: r.at,
                reason: "ends before it starts".into(),
            });
        } else if r.end == r.start {
            self.skipped.push(Skip {
                at: r.at,
                reason: "lasts no time".into(),
            });
        } else {
            self.records.push(r);
        }
    }

    fn bad(&mut self, at: Loc, message: impl Into<String>) {
        self.bad.push(BadLine {
            at,
            message: message.into(),
        });
    }

    fn open(&mut self, at: Loc) {
        self.skipped.push(Skip {
            at,
            reason: "still running (no end)".into(),
        });
    }
}

/// The tag that marks a break (serein's export writes it for break sessions).
pub const BREAK_TAG: &str = "break";

/// How tags and projects become domains (`[import]` in the config).
///
/// The rule: the record's tags are looked at in the source's order, and the first tag that
/// is mapped in `[import] domains` — or is itself the name of a domain — gives the domain.
/// With none, the default domain. Matching ignores ASCII case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// tag → domain.
    pub rules: BTreeMap<String, String>,
    pub default_domain: String,
    /// The configured domain names.
    pub domains: Vec<String>,
}

impl Mapping {
    /// The domain for these tags, and the index of the tag that decided it.
    pub fn domain_for(&self, tags: &[String]) -> (String, Option<usize>) {
        for (i, t) in tags.iter().enumerate() {
            if let Some((_, d)) = self.rules.iter().find(|(k, _)| k.eq_ignore_ascii_case(t)) {
                return (d.clone(), Some(i));
            }
            if let Some(d) = self.domains.iter().find(|d| d.eq_ignore_ascii_case(t)) {
                return (d.clone(), Some(i));
            }
        }
        (self.default_domain.clone(), None)
    }
}

impl Record {
    /// The session row for this record: domain by `map`, local date and offset at the start
    /// in `zone`. A `break` tag makes a break. The title is the record's own (Watson, bartib),
    /// or the tags left once the domain's tag and `break` are taken out, or the note, or the
    /// domain's tag, or "untagged".
    pub fn to_row(&self, map: &Mapping, zone: Zone) -> ImportRow {
        let (domain, by) = map.domain_for(&self.tags);
        let is_break = self.tags.iter().any(|t| t.eq_ignore_ascii_case(BREAK_TAG));
        let title = self.title.clone().unwrap_or_else(|| {
            let rest: Vec<&str> = self
                .tags
                .iter()
                .enumerate()
                .filter(|(i, t)| Some(*i) != by && !t.eq_ignore_ascii_case(BREAK_TAG))
                .map(|(_, t)| t.as_str())
                .collect();
            if !rest.is_empty() {
                rest.join(" ")
            } else if let Some(n) = self.note.as_ref().filter(|n| !n.trim().is_empty()) {
                n.clone()
            } else if let Some(i) = by {
                self.tags[i].clone()
            } else if is_break {
                "Break".into()
            } else {
                "untagged".into()
            }
        });
        let at = Now::at(self.start, zone);
        ImportRow {
            title,
            domain,
            kind: if is_break {
                SessionKind::Break
            } else {
                SessionKind::Focus
            },
            started: self.start,
            ended: self.end,
            local_date: at.local.date(),
            utc_offset_s: at.offset_s(),
            note: self.note.clone().filter(|n| !n.trim().is_empty()),
            source: self.source.as_str(),
            key: self.key.clone(),
        }
    }
}

/// FNV-1a, 64 bits, as 16 hex digits: a short key that never changes between builds (std's
/// hasher may).
pub fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// 1-based line and column (in chars) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The items of a top-level JSON array, each with its line: for messages that say where a
/// frame or interval is. A syntax error is located at its line and column.
fn json_items(text: &str, file: &str) -> Result<Vec<(usize, serde_json::Value)>, BadLine> {
    let at = |offset: usize| {
        let (line, col) = line_col(text, offset);
        Loc {
            file: file.to_string(),
            line,
            column: Some(col),
        }
    };
    let bad = |offset: usize, message: String| BadLine {
        at: at(offset),
        message,
    };
    let skip_ws = |mut i: usize| {
        while text
            .as_bytes()
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            i += 1;
        }
        i
    };
    let mut i = skip_ws(0);
    if text.as_bytes().get(i) != Some(&b'[') {
        return Err(bad(i, "expected a JSON array `[...]`".into()));
    }
    i = skip_ws(i + 1);
    let mut items = Vec::new();
    if text.as_bytes().get(i) == Some(&b']') {
        return Ok(items);
    }
    loop {
        let mut stream =
            serde_json::Deserializer::from_str(&text[i..]).into_iter::<serde_json::Value>();
        match stream.next() {
            Some(Ok(v)) => {
                let start = skip_ws(i);
                items.push((line_col(text, start).0, v));
                i += stream.byte_offset();
            }
            Some(Err(e)) => {
                // serde_json counts lines and columns from where this item began.
                let (l0, c0) = line_col(text, i);
                let (line, column) = if e.line() <= 1 {
                    (l0, c0 + e.column().saturating_sub(1))
                } else {
                    (l0 + e.line() - 1, e.column())
                };
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                return Err(BadLine {
                    at: Loc {
                        file: file.to_string(),
                        line,
                        column: Some(column),
                    },
                    message: format!("invalid JSON: {msg}"),
                });
            }
            None => return Err(bad(i, "expected a value, then `,` or `]`".into())),
        }
        i = skip_ws(i);
        match text.as_bytes().get(i) {
            Some(b',') => i = skip_ws(i + 1),
            Some(b']') => {
                let end = skip_ws(i + 1);
                if end < text.len() {
                    return Err(bad(end, "unexpected text after the closing `]`".into()));
                }
                return Ok(items);
            }
            _ => return Err(bad(i, "expected `,` or `]` after an item".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> Mapping {
        Mapping {
            rules: [("client-a", "work"), ("gym", "health")]
                .into_iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            default_domain: "personal".into(),
            domains: ["work", "personal", "health", "family"]
                .map(String::from)
                .to_vec(),
        }
    }

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_mapped_tag_wins() {
        let cases: [(&[&str], &str, Option<usize>); 7] = [
            (&["client-a", "gym"], "work", Some(0)),
            (&["gym", "client-a"], "health", Some(0)),
            (&["misc", "GYM"], "health", Some(1)),
            // A tag that is a domain's name maps to it.
            (&["family", "client-a"], "family", Some(0)),
            (&["misc"], "personal", None),
            (&[], "personal", None),
            (&["x", "Work"], "work", Some(1)),
        ];
        for (t, want, by) in cases {
            assert_eq!(map().domain_for(&tags(t)), (want.to_string(), by), "{t:?}");
        }
    }

    #[test]
    fn titles_come_from_the_other_tags_then_the_note() {
        let rec = |t: &[&str], note: Option<&str>| Record {
            at: Loc {
                file: "f".into(),
                line: 1,
                column: None,
            },
            source: Source::Timew,
            key: "k".into(),
            start: DateTime::from_timestamp(1_795_000_000, 0).unwrap(),
            end: DateTime::from_timestamp(1_795_000_600, 0).unwrap(),
            tags: tags(t),
            title: None,
            note: note.map(String::from),
        };
        // (tags, note, title, domain, kind)
        type Case<'a> = (
            &'a [&'a str],
            Option<&'a str>,
            &'a str,
            &'a str,
            SessionKind,
        );
        let cases: [Case; 6] = [
            (
                &["client-a", "report"],
                None,
                "report",
                "work",
                SessionKind::Focus,
            ),
            (&["gym"], Some("legs"), "legs", "health", SessionKind::Focus),
            (&["gym"], None, "gym", "health", SessionKind::Focus),
            (&[], None, "untagged", "personal", SessionKind::Focus),
            (
                &["break", "work", "Stretch"],
                None,
                "Stretch",
                "work",
                SessionKind::Break,
            ),
            // Tags are matched without case, as the domain mapping does.
            (
                &["Break", "work", "Walk"],
                None,
                "Walk",
                "work",
                SessionKind::Break,
            ),
        ];
        for (t, note, title, domain, kind) in cases {
            let row = rec(t, note).to_row(&map(), Zone::utc());
            assert_eq!(
                (row.title.as_str(), row.domain.as_str(), row.kind),
                (title, domain, kind),
                "{t:?}"
            );
        }
    }

    #[test]
    fn local_date_and_offset_come_from_the_zone() {
        let r = Record {
            at: Loc {
                file: "f".into(),
                line: 1,
                column: None,
            },
            source: Source::Watson,
            key: "k".into(),
            // 23:30 UTC on the 23rd is 00:30 on the 24th in Paris.
            start: "2026-11-23T23:30:00Z".parse().unwrap(),
            end: "2026-11-24T00:30:00Z".parse().unwrap(),
            tags: vec![],
            title: Some("x".into()),
            note: None,
        };
        let row = r.to_row(&map(), Zone::Named(chrono_tz::Europe::Paris));
        assert_eq!(row.local_date.to_string(), "2026-11-24");
        assert_eq!(row.utc_offset_s, 3600);
    }

    #[test]
    fn json_items_have_lines_and_syntax_errors_a_column() {
        let items = json_items("[\n {\"a\": 1},\n\n 2\n]\n", "f.json").unwrap();
        assert_eq!(items.iter().map(|i| i.0).collect::<Vec<_>>(), vec![2, 4]);
        assert!(json_items("[]", "f").unwrap().is_empty());
        let cases = [
            ("{}", "f:1:1: expected a JSON array"),
            ("[1,\n 2 3]", "f:2:4: expected `,` or `]`"),
            ("[1,\n {\"a\": }]", "f:2:8: invalid JSON"),
            ("[1] x", "f:1:5: unexpected text"),
        ];
        for (text, want) in cases {
            let e = json_items(text, "f").unwrap_err().to_string();
            assert!(e.starts_with(want), "{text:?}: {e}");
        }
    }

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv(&[]), "cbf29ce484222325");
        assert_ne!(fnv(&["ab", "c"]), fnv(&["a", "bc"]));
    }
}
