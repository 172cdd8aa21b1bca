//! Writes serein's session log as a Timewarrior 1.4 database, to compare the two tools on the
//! same intervals (benches/summary.sh).
//!
//! `cargo run --release --example timew_export -- DATA_DIR TIMEWARRIORDB [--all]`
//!
//! Reads `DATA_DIR/serein.db` and writes `TIMEWARRIORDB/timewarrior.cfg` and
//! `TIMEWARRIORDB/data/YYYY-MM.data` (one file per local month of the interval's start, as
//! `timew track` files them: run it in the same `TZ` as timew) plus `data/tags.data`. Each
//! ended focus session becomes `inc START - END # TAGS` with its domain and title as tags;
//! a paused session becomes one interval per stretch it ran (the pauses spread evenly over
//! it, as serein keeps only their total), so the seconds tracked equal serein's actual time.
//! With `--all`, breaks and breathing sessions are written too, tagged `break`/`breathing`.
//! Sessions still running are left out.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Datelike, Duration, Local, NaiveDate, Utc};
use serein::domain::session::{SessionKind, State};
use serein::store::Store;

/// A tag as Timewarrior writes it: bare, or in double quotes (with `\"`) when it has a space
/// or a quote; sorted and unique, like its `std::set<std::string>`.
fn quoted(tag: &str) -> String {
    if tag.contains([' ', '"']) || tag.is_empty() {
        format!("\"{}\"", tag.replace('"', "\\\""))
    } else {
        tag.to_string()
    }
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// JSON string literal (tags.data).
fn json(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(data), Some(out)) = (args.get(1), args.get(2)) else {
        anyhow::bail!("usage: timew_export DATA_DIR TIMEWARRIORDB [--all]");
    };
    let all = args.iter().skip(3).any(|a| a == "--all");
    let store = Store::open(&Path::new(data).join("serein.db"))?;
    let sessions = store.sessions(
        NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
    )?;

    let mut intervals: Vec<(DateTime<Utc>, DateTime<Utc>, Vec<String>)> = Vec::new();
    let (mut exported, mut seconds) = (0usize, 0i64);
    for s in &sessions {
        if !all && s.kind != SessionKind::Focus {
            continue;
        }
        let State::Ended { at, .. } = s.state else {
            continue;
        };
        let mut tags = vec![s.domain.clone(), s.title.clone()];
        if s.kind != SessionKind::Focus {
            tags.push(s.kind.as_str().to_string());
        }
        tags.sort();
        tags.dedup();
        let tags: Vec<String> = tags.iter().map(|t| quoted(t)).collect();
        // Stretches of running time: pauses (their total) spread evenly between them.
        let actual = s.actual_s(at);
        let pieces = i64::from(s.pauses.max(u32::from(s.paused_s > 0))) + 1;
        let gap = if pieces > 1 {
            s.paused_s / (pieces - 1)
        } else {
            0
        };
        let mut t = s.started;
        let mut left = actual;
        for i in 0..pieces {
            let run = if i + 1 == pieces {
                left
            } else {
                actual / pieces
            };
            let end = if i + 1 == pieces {
                at
            } else {
                t + Duration::seconds(run)
            };
            if end > t {
                intervals.push((t, end, tags.clone()));
            }
            seconds += (end - t).num_seconds();
            left -= run;
            t = end + Duration::seconds(gap);
        }
        exported += 1;
    }
    intervals.sort_by_key(|a| (a.0, a.1));

    let dir = Path::new(out);
    std::fs::create_dir_all(dir.join("data"))?;
    // Quiet, and never a question (timew asks before some changes otherwise).
    std::fs::write(
        dir.join("timewarrior.cfg"),
        "verbose = off\nconfirmation = off\n",
    )?;
    let mut files: BTreeMap<(i32, u32), String> = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (start, end, tags) in &intervals {
        let l = start.with_timezone(&Local);
        let text = files.entry((l.year(), l.month())).or_default();
        writeln!(
            text,
            "inc {} - {} # {}",
            stamp(*start),
            stamp(*end),
            tags.join(" ")
        )?;
    }
    for s in &sessions {
        if (all || s.kind == SessionKind::Focus) && matches!(s.state, State::Ended { .. }) {
            *counts.entry(&s.domain).or_default() += 1;
            *counts.entry(&s.title).or_default() += 1;
            if s.kind != SessionKind::Focus {
                *counts.entry(s.kind.as_str()).or_default() += 1;
            }
        }
    }
    for ((y, m), text) in &files {
        std::fs::write(dir.join(format!("data/{y:04}-{m:02}.data")), text)?;
    }
    let tags: Vec<String> = counts
        .iter()
        .map(|(t, n)| format!("  {}:{{\"count\":{n}}}", json(t)))
        .collect();
    std::fs::write(
        dir.join("data/tags.data"),
        format!("{{\n{}\n}}", tags.join(",\n")),
    )?;
    println!(
        "exported {exported} of {} sessions ({}) as {} intervals in {} month files to {out}: \
         {} h {} min",
        sessions.len(),
        if all { "all kinds" } else { "focus only" },
        intervals.len(),
        files.len(),
        seconds / 3600,
        seconds % 3600 / 60
    );
    Ok(())
}
