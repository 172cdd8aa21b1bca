//! Timewarrior: its data files (`data/YYYY-MM.data`, one `inc` line per interval) and the
//! JSON of `timew export`; and serein's sessions written as `timew export` JSON.
//!
//! A data line: `inc 20261123T090000Z - 20261123T100000Z # tag "two words" # "annotation"`.
//! Times are UTC; a line without `- END` is the running interval (skipped). Tags are bare
//! words or double-quoted with `\` escaping the next character; timew keeps them sorted.
//! Timewarrior has no stable ids (`@1` is always the latest), so an interval's key is its
//! start, end and a hash of its sorted tags.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::Serialize;

use super::{BadLine, Loc, Parsed, Record, Source, fnv, json_items};
use crate::domain::session::{Session, SessionKind, State};

const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// Reads a timew stamp, `20261123T090000Z` (UTC).
pub fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    if s.len() != 16 {
        return None;
    }
    NaiveDateTime::parse_from_str(s, STAMP)
        .ok()
        .map(|t| t.and_utc())
}

/// Writes a timew stamp.
pub fn stamp(t: DateTime<Utc>) -> String {
    t.format(STAMP).to_string()
}

/// The key of an interval: start, end, hash of its tags sorted.
fn key(start: DateTime<Utc>, end: DateTime<Utc>, tags: &[String]) -> String {
    let mut sorted: Vec<&str> = tags.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    format!("{}-{}-{}", stamp(start), stamp(end), fnv(&sorted))
}

/// A token of a data line: its text, whether it was quoted, its 1-based column.
struct Token {
    text: String,
    quoted: bool,
    column: usize,
}

/// Splits a data line into bare words and quoted strings.
fn tokens(line: &str) -> Result<Vec<Token>, (usize, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let column = i + 1;
        if chars[i] == '"' {
            let mut text = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err((
                            column,
                            "a quoted string is not closed (missing `\"`)".into(),
                        ));
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some('\\') => {
                        match chars.get(i + 1) {
                            Some('u') => {
                                let hex: String = chars.iter().skip(i + 2).take(4).collect();
                                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                                    Some(c) if hex.len() == 4 => {
                                        text.push(c);
                                        i += 4;
                                    }
                                    _ => text.push('u'),
                                }
                            }
                            Some(&c) => text.push(c),
                            None => {}
                        }
                        i += 2;
                    }
                    Some(&c) => {
                        text.push(c);
                        i += 1;
                    }
                }
            }
            out.push(Token {
                text,
                quoted: true,
                column,
            });
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            out.push(Token {
                text: chars[start..i].iter().collect(),
                quoted: false,
                column,
            });
        }
    }
    Ok(out)
}

/// Parses the text of one data file (`file` names it in messages).
pub fn parse_data(text: &str, file: &str) -> Parsed {
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
        let toks = match tokens(line) {
            Ok(t) => t,
            Err((col, msg)) => {
                out.bad(at(Some(col)), msg);
                continue;
            }
        };
        match parse_line(&toks) {
            Ok(Line {
                start,
                end,
                tags,
                annotation,
            }) => match end {
                None => out.open(at(None)),
                Some(end) => out.push(Record {
                    at: at(None),
                    source: Source::Timew,
                    key: key(start, end, &tags),
                    start,
                    end,
                    tags,
                    title: None,
                    note: annotation,
                }),
            },
            Err((col, msg)) => out.bad(at(Some(col)), msg),
        }
    }
    out
}

struct Line {
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    tags: Vec<String>,
    annotation: Option<String>,
}

fn parse_line(toks: &[Token]) -> Result<Line, (usize, String)> {
    let is = |t: Option<&Token>, s: &str| t.is_some_and(|t| !t.quoted && t.text == s);
    let first = &toks[0];
    if first.quoted || first.text != "inc" {
        return Err((
            first.column,
            format!(
                "expected `inc START - END # TAGS`, found {:?} (is this a Timewarrior data file?)",
                first.text
            ),
        ));
    }
    let time = |t: Option<&Token>, what: &str, after: usize| match t {
        Some(t) => parse_stamp(&t.text).ok_or_else(|| {
            (
                t.column,
                format!(
                    "{what} {:?}: expected a UTC time like 20261123T090000Z",
                    t.text
                ),
            )
        }),
        None => Err((
            after,
            format!("expected the {what} time here (like 20261123T090000Z)"),
        )),
    };
    let end_col = first.column + first.text.chars().count() + 1;
    let start = time(toks.get(1), "start", end_col)?;
    let mut i = 2;
    let mut end = None;
    if is(toks.get(i), "-") {
        let dash = toks[i].column;
        end = Some(time(toks.get(i + 1), "end", dash + 2)?);
        i += 2;
    }
    let mut tags = Vec::new();
    let mut annotation = None;
    if i < toks.len() {
        if !is(toks.get(i), "#") {
            return Err((
                toks[i].column,
                format!("expected `- END` or `# TAGS`, found {:?}", toks[i].text),
            ));
        }
        i += 1;
        while i < toks.len() && !is(toks.get(i), "#") {
            tags.push(toks[i].text.clone());
            i += 1;
        }
        if i < toks.len() {
            // The second `#`: the annotation, one quoted string.
            let rest: Vec<&str> = toks[i + 1..].iter().map(|t| t.text.as_str()).collect();
            annotation = Some(rest.join(" ")).filter(|a| !a.is_empty());
        }
    }
    Ok(Line {
        start,
        end,
        tags,
        annotation,
    })
}

/// Parses `timew export` JSON: an array of `{"id", "start", "end"?, "tags"?, "annotation"?}`.
pub fn parse_json(text: &str, file: &str) -> Parsed {
    let mut out = Parsed::default();
    let items = match json_items(text, file) {
        Ok(items) => items,
        Err(e) => {
            out.bad.push(e);
            return out;
        }
    };
    for (n, (line, v)) in items.into_iter().enumerate() {
        let at = Loc {
            file: file.to_string(),
            line,
            column: None,
        };
        match interval(&v) {
            Ok((start, None, _, _)) => {
                let _ = start;
                out.open(at);
            }
            Ok((start, Some(end), tags, annotation)) => out.push(Record {
                key: key(start, end, &tags),
                at,
                source: Source::Timew,
                start,
                end,
                tags,
                title: None,
                note: annotation,
            }),
            Err(msg) => out.bad.push(BadLine {
                at,
                message: format!("interval {}: {msg}", n + 1),
            }),
        }
    }
    out
}

type Interval = (
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Vec<String>,
    Option<String>,
);

fn interval(v: &serde_json::Value) -> Result<Interval, String> {
    let obj = v.as_object().ok_or_else(|| {
        format!("expected an object like {{\"start\": \"20261123T090000Z\", ...}}, found {v}")
    })?;
    let time = |k: &str| -> Result<Option<DateTime<Utc>>, String> {
        match obj.get(k) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => parse_stamp(s).map(Some).ok_or_else(|| {
                format!("\"{k}\": {s:?}: expected a UTC time like \"20261123T090000Z\"")
            }),
            Some(other) => Err(format!("\"{k}\": expected a string, found {other}")),
        }
    };
    let start = time("start")?.ok_or("missing \"start\"")?;
    let end = time("end")?;
    let tags = match obj.get("tags") {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .map(|t| {
                t.as_str()
                    .map(String::from)
                    .ok_or_else(|| format!("\"tags\": expected strings, found {t}"))
            })
            .collect::<Result<_, _>>()?,
        Some(other) => {
            return Err(format!(
                "\"tags\": expected a list of strings, found {other}"
            ));
        }
    };
    let annotation = match obj.get("annotation") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()).filter(|s| !s.is_empty()),
        Some(other) => return Err(format!("\"annotation\": expected a string, found {other}")),
    };
    Ok((start, end, tags, annotation))
}

/// One interval of `timew export`, fields in its order.
#[derive(Debug, Serialize)]
struct ExportInterval<'a> {
    id: usize,
    start: String,
    end: String,
    tags: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotation: Option<&'a str>,
}

/// The stretches a session ran: one for an unpaused session; a paused one is split with its
/// pause time (serein keeps only the total) spread evenly between the pieces, so the seconds
/// tracked equal the session's actual time. None for a session still running.
pub fn stretches(s: &Session) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let State::Ended { at, .. } = s.state else {
        return Vec::new();
    };
    let actual = s.actual_s(at);
    if actual <= 0 {
        return Vec::new();
    }
    let pieces = i64::from(s.pauses.max(u32::from(s.paused_s > 0))) + 1;
    let gap = if pieces > 1 {
        s.paused_s / (pieces - 1)
    } else {
        0
    };
    let mut out = Vec::new();
    let mut t = s.started;
    let mut left = actual;
    for i in 0..pieces {
        let last = i + 1 == pieces;
        let run = if last { left } else { actual / pieces };
        let end = if last { at } else { t + Duration::seconds(run) };
        if end > t {
            out.push((t, end));
        }
        left -= run;
        t = end + Duration::seconds(gap);
    }
    out
}

/// Ended focus and break sessions as `timew export` JSON: tags `[domain, title]` (and `break`
/// for a break), the note as the annotation; ids count down to 1 at the latest, as timew's.
/// Breathing sessions are left out.
pub fn export_json(sessions: &[Session]) -> String {
    let mut rows: Vec<(DateTime<Utc>, DateTime<Utc>, &Session)> = sessions
        .iter()
        .filter(|s| s.kind != SessionKind::Breathing)
        .flat_map(|s| stretches(s).into_iter().map(move |(a, b)| (a, b, s)))
        .collect();
    rows.sort_by_key(|r| (r.0, r.1));
    let n = rows.len();
    let items: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, (start, end, s))| {
            let mut tags = vec![s.domain.as_str()];
            if s.title != s.domain {
                tags.push(s.title.as_str());
            }
            if s.kind == SessionKind::Break && !tags.contains(&super::BREAK_TAG) {
                tags.push(super::BREAK_TAG);
            }
            let item = ExportInterval {
                id: n - i,
                start: stamp(*start),
                end: stamp(*end),
                tags,
                annotation: s.note.as_deref().filter(|n| !n.is_empty()),
            };
            serde_json::to_string(&item).expect("an interval serializes")
        })
        .collect();
    if items.is_empty() {
        return "[\n]\n".into();
    }
    format!("[\n{}\n]\n", items.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn one(line: &str) -> Parsed {
        parse_data(line, "2026-11.data")
    }

    #[test]
    fn data_lines() {
        // (line, tags, annotation)
        let cases: [(&str, &[&str], Option<&str>); 6] = [
            ("inc 20261123T090000Z - 20261123T100000Z", &[], None),
            (
                "inc 20261123T090000Z - 20261123T100000Z # gym",
                &["gym"],
                None,
            ),
            (
                r#"inc 20261123T090000Z - 20261123T100000Z # "client-a" "say \"hi\"" "two words" # "note with \"quote\" and # hash""#,
                &["client-a", "say \"hi\"", "two words"],
                Some("note with \"quote\" and # hash"),
            ),
            (
                r#"inc 20261123T090000Z - 20261123T100000Z # # "only annot""#,
                &[],
                Some("only annot"),
            ),
            (
                r##"inc 20261123T090000Z - 20261123T100000Z # #hash a:b back\slash "#" été"##,
                &["#hash", "a:b", "back\\slash", "#", "été"],
                None,
            ),
            (
                "  inc 20261123T090000Z - 20261123T100000Z   #   x\t y  ",
                &["x", "y"],
                None,
            ),
        ];
        for (line, tags, ann) in cases {
            let p = one(line);
            assert!(p.bad.is_empty(), "{line}: {:?}", p.bad);
            let r = &p.records[0];
            assert_eq!(
                r.tags,
                tags.iter().map(|s| s.to_string()).collect::<Vec<_>>()
            );
            assert_eq!(r.note.as_deref(), ann, "{line}");
            assert_eq!(r.start.to_rfc3339(), "2026-11-23T09:00:00+00:00");
            assert_eq!((r.end - r.start).num_seconds(), 3600);
        }
    }

    #[test]
    fn bad_lines_say_where_and_what_was_expected() {
        let cases = [
            (
                "exc 20261123T090000Z",
                "2026-11.data:1:1: expected `inc START - END # TAGS`",
            ),
            (
                "inc 2026-11-23 - 20261123T100000Z",
                "2026-11.data:1:5: start \"2026-11-23\": expected a UTC time",
            ),
            (
                "inc 20261123T090000Z - 20261123T25",
                "2026-11.data:1:24: end \"20261123T25\"",
            ),
            (
                "inc 20261123T090000Z -",
                "2026-11.data:1:24: expected the end time",
            ),
            ("inc", "2026-11.data:1:5: expected the start time"),
            (
                "inc 20261123T090000Z - 20261123T100000Z gym",
                "2026-11.data:1:41: expected `- END` or `# TAGS`",
            ),
            (
                "inc 20261123T090000Z - 20261123T100000Z # \"open",
                "2026-11.data:1:43: a quoted string is not closed",
            ),
        ];
        for (line, want) in cases {
            let p = one(line);
            assert_eq!(p.bad.len(), 1, "{line}");
            let e = p.bad[0].to_string();
            assert!(e.starts_with(want), "{line}: {e}");
            assert!(p.records.is_empty());
        }
    }

    #[test]
    fn open_empty_and_backwards_intervals_are_skipped_with_their_line() {
        let text = "inc 20261123T090000Z - 20261123T100000Z # a\n\n\
                    inc 20261123T110000Z - 20261123T110000Z # b\n\
                    inc 20261123T120000Z - 20261123T110000Z # c\n\
                    inc 20261123T130000Z # d\n";
        let p = one(text);
        assert_eq!(p.records.len(), 1);
        let skipped: Vec<String> = p
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.at, s.reason))
            .collect();
        assert_eq!(
            skipped,
            [
                "2026-11.data:3: lasts no time",
                "2026-11.data:4: ends before it starts",
                "2026-11.data:5: still running (no end)"
            ]
        );
    }

    #[test]
    fn data_files_and_export_json_give_the_same_keys() {
        let data = one(r#"inc 20261123T090000Z - 20261123T100000Z # "b c" a # "note""#);
        let json = parse_json(
            r#"[{"id":1,"start":"20261123T090000Z","end":"20261123T100000Z","tags":["a","b c"],"annotation":"note"}]"#,
            "x.json",
        );
        assert_eq!(data.records[0].key, json.records[0].key);
        assert_eq!(json.records[0].note.as_deref(), Some("note"));
        assert_eq!(
            data.records[0].key,
            "20261123T090000Z-20261123T100000Z-".to_string() + &fnv(&["a", "b c"])
        );
    }

    #[test]
    fn bad_json_intervals_name_the_line_and_the_field() {
        let text = "[\n{\"id\":2,\"start\":\"20261123T090000Z\",\"end\":\"20261123T100000Z\"},\n\
                    {\"id\":1,\"start\":\"2026-11-23\"},\n{\"id\":0,\"start\":\"20261123T120000Z\"},\n\
                    {\"id\":0,\"end\":\"20261123T120000Z\"},\n{\"start\":\"20261123T120000Z\",\"end\":\"20261123T130000Z\",\"tags\":\"x\"}\n]";
        let p = parse_json(text, "e.json");
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.skipped.len(), 1, "the open one");
        assert_eq!(p.skipped[0].at.line, 4);
        let bad: Vec<String> = p.bad.iter().map(|b| b.to_string()).collect();
        assert_eq!(bad.len(), 3, "{bad:?}");
        assert!(
            bad[0].starts_with(
                "e.json:3: interval 2: \"start\": \"2026-11-23\": expected a UTC time"
            ),
            "{}",
            bad[0]
        );
        assert!(
            bad[1].starts_with("e.json:5: interval 4: missing \"start\""),
            "{}",
            bad[1]
        );
        assert!(
            bad[2].starts_with("e.json:6: interval 5: \"tags\": expected a list"),
            "{}",
            bad[2]
        );
    }

    fn session(start: &str, end: &str, paused_s: i64, pauses: u32) -> Session {
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let mut s = Session::start(
            "Write report",
            "work",
            SessionKind::Focus,
            None,
            1500,
            t(start),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            3600,
        );
        s.paused_s = paused_s;
        s.pauses = pauses;
        s.state = State::Ended {
            at: t(end),
            reason: crate::domain::session::EndReason::Finished,
            overrun_s: 0,
        };
        s
    }

    #[test]
    fn export_splits_pauses_and_keeps_the_actual_time() {
        let cases = [(0, 0, 1, 3600), (600, 1, 2, 3000), (900, 3, 4, 2700)];
        for (paused, pauses, pieces, secs) in cases {
            let s = session(
                "2026-11-23T09:00:00Z",
                "2026-11-23T10:00:00Z",
                paused,
                pauses,
            );
            let st = stretches(&s);
            assert_eq!(st.len(), pieces, "{paused} {pauses}");
            let total: i64 = st.iter().map(|(a, b)| (*b - *a).num_seconds()).sum();
            assert_eq!(total, secs);
            assert_eq!(st[0].0, s.started);
            assert_eq!(
                st.last().unwrap().1.to_rfc3339(),
                "2026-11-23T10:00:00+00:00"
            );
        }
    }

    #[test]
    fn export_is_timew_json_and_reads_back() {
        let mut a = session("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z", 0, 0);
        a.note = Some("went \"well\"".into());
        let mut b = session("2026-11-23T10:00:00Z", "2026-11-23T10:15:00Z", 0, 0);
        b.kind = SessionKind::Break;
        b.title = "Stretch".into();
        let json = export_json(&[b, a]);
        assert_eq!(
            json,
            "[\n{\"id\":2,\"start\":\"20261123T090000Z\",\"end\":\"20261123T100000Z\",\"tags\":[\"work\",\"Write report\"],\"annotation\":\"went \\\"well\\\"\"},\n\
             {\"id\":1,\"start\":\"20261123T100000Z\",\"end\":\"20261123T101500Z\",\"tags\":[\"work\",\"Stretch\",\"break\"]}\n]\n"
        );
        let back = parse_json(&json, "-");
        assert!(back.bad.is_empty() && back.skipped.is_empty());
        assert_eq!(back.records.len(), 2);
        assert_eq!(export_json(&[]), "[\n]\n");
    }
}
