//! bartib: its activity file, one activity a line,
//! `2021-09-01 08:00 - 2021-09-01 09:00 | project | description` (seconds optional), local
//! wall times without a zone, `\` escaping `|` and `\` inside fields. A line without
//! `- END` is the running activity (skipped). A key is the start, end, project and
//! description.
//!
//! Wall times are read in the zone given, with serein's rules: a time in a DST gap moves
//! forward by the gap, a time in a fold takes the earlier instant. (bartib itself subtracts
//! wall times, so across a DST change its report differs from the real time by the change.)

use chrono::NaiveDateTime;

use super::{Loc, Parsed, Record, Source, fnv};
use crate::domain::time::{Zone, resolve};

/// Splits at unescaped `|`, unescaping `\x` to `x`; each part with its 1-based column.
fn fields(line: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut col = 1;
    let mut escaped = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => {
                out.push((col, std::mem::take(&mut cur)));
                col = i + 2;
            }
            c => {
                escaped = false;
                cur.push(c);
            }
        }
    }
    out.push((col, cur));
    out
}

fn parse_time(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S"))
        .ok()
}

/// Parses an activity file (`file` names it in messages), reading wall times in `zone`.
pub fn parse(text: &str, file: &str, zone: Zone) -> Parsed {
    let mut out = Parsed::default();
    for (n, line) in text.lines().enumerate() {
        let at = |column: Option<usize>| Loc {
            file: file.to_string(),
            line: n + 1,
            column,
        };
        if line.trim().is_empty() {
            continue;
        }
        let parts = fields(line);
        if parts.len() < 2 {
            out.bad(
                at(Some(1)),
                "expected `YYYY-MM-DD HH:MM - YYYY-MM-DD HH:MM | project | description`",
            );
            continue;
        }
        let when = &parts[0].1;
        let (start_s, end_s) = match when.split_once(" - ") {
            Some((a, b)) => (a, Some(b)),
            None => (when.as_str(), None),
        };
        let lead = start_s.len() - start_s.trim_start().len();
        let Some(start) = parse_time(start_s) else {
            out.bad(
                at(Some(lead + 1)),
                format!(
                    "start {:?}: expected a local time like 2021-09-01 08:00",
                    start_s.trim()
                ),
            );
            continue;
        };
        let end = match end_s {
            None => None,
            Some(e) => match parse_time(e) {
                Some(t) => Some(t),
                None => {
                    let col = start_s.chars().count() + 4 + (e.len() - e.trim_start().len());
                    out.bad(
                        at(Some(col)),
                        format!(
                            "end {:?}: expected a local time like 2021-09-01 09:00",
                            e.trim()
                        ),
                    );
                    continue;
                }
            },
        };
        let project = parts[1].1.trim().to_string();
        let description = parts.get(2).map_or("", |p| p.1.trim()).to_string();
        let Some(end) = end else {
            out.open(at(None));
            continue;
        };
        let key = format!(
            "{}|{}|{}",
            start.format("%Y-%m-%dT%H:%M:%S"),
            end.format("%Y-%m-%dT%H:%M:%S"),
            fnv(&[&project, &description])
        );
        let title = if description.is_empty() {
            project.clone()
        } else {
            description
        };
        out.push(Record {
            at: at(None),
            source: Source::Bartib,
            key,
            start: resolve(&zone, start),
            end: resolve(&zone, end),
            tags: vec![project],
            title: Some(title),
            note: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Paris;

    fn paris() -> Zone {
        Zone::Named(Paris)
    }

    #[test]
    fn lines() {
        // (line, project, title, start UTC, minutes)
        let cases = [
            (
                "2021-09-01 08:00 - 2021-09-01 09:00 | client-a | write report",
                "client-a",
                "write report",
                "2021-09-01T06:00:00+00:00",
                60,
            ),
            (
                "2021-09-01 08:00 - 2021-09-01 09:00 | gym",
                "gym",
                "gym",
                "2021-09-01T06:00:00+00:00",
                60,
            ),
            (
                r"2021-02-16 16:14:30 - 2021-02-16 18:23:30 | client\|work | path: C:\\Users",
                "client|work",
                r"path: C:\Users",
                "2021-02-16T15:14:30+00:00",
                129,
            ),
            // Spring forward in Paris: 02:30 doesn't exist, it is 03:30 (01:30 UTC).
            (
                "2021-03-28 01:30 - 2021-03-28 02:30 | p | gap",
                "p",
                "gap",
                "2021-03-28T00:30:00+00:00",
                60,
            ),
            // Fall back: 02:30 happens twice; the earlier (00:30 UTC) is taken.
            (
                "2021-10-31 02:30 - 2021-10-31 03:30 | p | fold",
                "p",
                "fold",
                "2021-10-31T00:30:00+00:00",
                120,
            ),
        ];
        for (line, project, title, start, minutes) in cases {
            let p = parse(line, "activities.bartib", paris());
            assert!(p.bad.is_empty(), "{line}: {:?}", p.bad);
            let r = &p.records[0];
            assert_eq!(r.tags, vec![project.to_string()], "{line}");
            assert_eq!(r.title.as_deref(), Some(title), "{line}");
            assert_eq!(r.start.to_rfc3339(), start, "{line}");
            assert_eq!((r.end - r.start).num_minutes(), minutes, "{line}");
        }
    }

    #[test]
    fn bad_lines_say_where_and_what_was_expected() {
        let cases = [
            ("2021 test project", "b:1:1: expected `YYYY-MM-DD HH:MM"),
            (
                "asb - 2021- | project",
                "b:1:1: start \"asb\": expected a local time",
            ),
            (" 2021-09-01 8h | p", "b:1:2: start \"2021-09-01 8h\""),
            (
                "2021-09-01 08:00 - 2021-09-01 25:00 | p",
                "b:1:20: end \"2021-09-01 25:00\"",
            ),
        ];
        for (line, want) in cases {
            let p = parse(line, "b", paris());
            assert_eq!(p.bad.len(), 1, "{line}");
            let e = p.bad[0].to_string();
            assert!(e.starts_with(want), "{line}: {e}");
        }
    }

    #[test]
    fn running_and_backwards_activities_are_skipped() {
        let text =
            "2021-09-01 08:00 | p | running\n\n2021-09-01 10:00 - 2021-09-01 09:00 | p | oops\n";
        let p = parse(text, "b", paris());
        assert!(p.records.is_empty() && p.bad.is_empty());
        let s: Vec<String> = p
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.at, s.reason))
            .collect();
        assert_eq!(
            s,
            ["b:1: still running (no end)", "b:3: ends before it starts"]
        );
    }

    #[test]
    fn the_key_is_the_times_project_and_description() {
        let a = parse("2021-09-01 08:00 - 2021-09-01 09:00 | p | x", "b", paris());
        let b = parse("2021-09-01 08:00 - 2021-09-01 09:00 | p | y", "b", paris());
        let a2 = parse(
            "2021-09-01 08:00 - 2021-09-01 09:00 |  p  | x ",
            "b",
            Zone::utc(),
        );
        assert_ne!(a.records[0].key, b.records[0].key);
        assert_eq!(a.records[0].key, a2.records[0].key);
    }
}
