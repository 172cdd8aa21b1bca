//! Events → meeting instances in a date range (RFC 5545 §3.8.5: RRULE, RDATE, EXDATE,
//! RECURRENCE-ID overrides, STATUS:CANCELLED).

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::calendar::ics::{Event, Frame, Length};
use crate::domain::meeting::{Meeting, MeetingTime};
use crate::domain::time::{Zone, resolve};

/// Where the instances come from: the `[[calendar]]` name and its domain.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub calendar: &'a str,
    pub domain: &'a str,
}

/// The meetings of `events` with any part on local dates `first..=last` in `zone`, ordered by
/// start. An instance is identified by UID and original start, so reading the same file twice
/// gives the same list.
pub fn expand(
    events: &[Event],
    origin: Origin,
    first: NaiveDate,
    last: NaiveDate,
    zone: &Zone,
) -> Vec<Meeting> {
    let from = resolve(zone, first.and_time(NaiveTime::MIN));
    let to = resolve(
        zone,
        last.succ_opt().unwrap_or(last).and_time(NaiveTime::MIN),
    );
    // Overrides replace the instance they name; a cancelled override just removes it.
    let mut replaced: HashMap<&str, HashSet<NaiveDateTime>> = HashMap::new();
    let masters: HashMap<&str, &Event> = events
        .iter()
        .filter(|e| e.recurrence_id.is_none())
        .map(|e| (e.uid.as_str(), e))
        .collect();
    for e in events {
        if let Some(rid) = &e.recurrence_id {
            let frame = masters.get(e.uid.as_str()).map_or(e.frame, |m| m.frame);
            replaced
                .entry(e.uid.as_str())
                .or_default()
                .insert(frame.wall(rid));
        }
    }
    let mut out = Vec::new();
    for e in events {
        if e.cancelled {
            continue;
        }
        let inside = |m: &Meeting| match m.time {
            MeetingTime::Timed { start, end } => {
                if start == end {
                    from <= start && start < to
                } else {
                    start < to && end > from
                }
            }
            MeetingTime::AllDay { first: a, last: b } => a <= last && b >= first,
        };
        if let Some(rid) = &e.recurrence_id {
            let frame = masters.get(e.uid.as_str()).map_or(e.frame, |m| m.frame);
            let m = instance(e, origin, e.start, Some(frame.wall(rid)), zone);
            if inside(&m) {
                out.push(m);
            }
            continue;
        }
        let skip = replaced.get(e.uid.as_str());
        let recurring = e.rule.is_some() || !e.rdates.is_empty();
        for wall in walls(e, from, to) {
            if e.exdates.contains(&wall) || skip.is_some_and(|s| s.contains(&wall)) {
                continue;
            }
            let m = instance(e, origin, wall, recurring.then_some(wall), zone);
            if inside(&m) {
                out.push(m);
            }
        }
    }
    out.sort_by_key(key);
    out
}

fn key(m: &Meeting) -> (i64, String, Option<String>) {
    let t = match m.time {
        MeetingTime::Timed { start, .. } => start.timestamp(),
        MeetingTime::AllDay { first, .. } => first.and_time(NaiveTime::MIN).and_utc().timestamp(),
    };
    (t, m.title.clone(), m.instance.clone())
}

/// Start walls of `e` that may touch `from..to`: DTSTART (always the first instance), the
/// RRULE's, and RDATEs, without duplicates.
fn walls(
    e: &Event,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Vec<NaiveDateTime> {
    let len = match e.length {
        Length::Exact(d) => d,
        Length::Days(n) => Duration::days(n),
    };
    // Walls and instants differ by at most a day of offset; a day of margin each side.
    let lo = from.naive_utc() - len - Duration::days(1);
    let hi = to.naive_utc() + Duration::days(1);
    let mut out: Vec<NaiveDateTime> = Vec::new();
    let mut push = |w: NaiveDateTime| {
        if w >= lo && w < hi && !out.contains(&w) {
            out.push(w);
        }
    };
    push(e.start);
    if let Some(set) = &e.rule {
        for dt in set {
            let w = dt.naive_utc();
            if w >= hi {
                break;
            }
            push(w);
        }
    }
    for r in &e.rdates {
        push(*r);
    }
    out.sort();
    out
}

fn instance(
    e: &Event,
    origin: Origin,
    wall: NaiveDateTime,
    id: Option<NaiveDateTime>,
    zone: &Zone,
) -> Meeting {
    let time = match (e.frame, e.length) {
        (Frame::Date, len) => {
            let days = match len {
                Length::Days(n) => n,
                Length::Exact(d) => d.num_days(),
            };
            MeetingTime::AllDay {
                first: wall.date(),
                last: wall.date() + Duration::days(days.max(1) - 1),
            }
        }
        (frame, len) => {
            let start = frame.instant(wall, zone);
            let end = match len {
                Length::Exact(d) => start + d,
                // A timed event with a DATE end: treat as lasting whole days of its zone.
                Length::Days(n) => frame.instant(wall + Duration::days(n), zone),
            };
            MeetingTime::Timed { start, end }
        }
    };
    Meeting {
        uid: e.uid.clone(),
        instance: id.map(|w| {
            let s = w.format("%Y%m%dT%H%M%S").to_string();
            match e.frame {
                Frame::Utc => format!("{s}Z"),
                Frame::Date => w.format("%Y%m%d").to_string(),
                _ => s,
            }
        }),
        title: if e.summary.is_empty() {
            "(no title)".into()
        } else {
            e.summary.clone()
        },
        calendar: origin.calendar.to_string(),
        domain: origin.domain.to_string(),
        time,
    }
}
