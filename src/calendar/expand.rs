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
    expand_with(events, origin, first, last, zone, true)
}

/// [`expand`], with or without starting a rule's walk near the range ([`skip_ahead`]); the
/// tests check both give the same meetings.
fn expand_with(
    events: &[Event],
    origin: Origin,
    first: NaiveDate,
    last: NaiveDate,
    zone: &Zone,
    skip: bool,
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
        let replaced_here = replaced.get(e.uid.as_str());
        let recurring = e.rule.is_some() || !e.rdates.is_empty();
        for wall in walls(e, from, to, skip) {
            if e.exdates.contains(&wall) || replaced_here.is_some_and(|s| s.contains(&wall)) {
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
    skip: bool,
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
        let near = if skip { skip_ahead(set, lo) } else { None };
        for dt in near.as_ref().unwrap_or(set) {
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

/// The same rule started at its last whole period before `lo`, so a daily meeting begun years
/// ago isn't walked day by day from then on every expansion. Only where that gives exactly the
/// same instances from `lo` on: one DAILY or WEEKLY rule, no COUNT (it counts from the first
/// instance) and no BYSETPOS. Moving DTSTART by whole periods keeps its weekday, its time and
/// the rule's week numbering; the `rrule` crate yields DTSTART only when it matches the rule,
/// as before (the event's own DTSTART is added by [`walls`] either way).
fn skip_ahead(set: &rrule::RRuleSet, lo: NaiveDateTime) -> Option<rrule::RRuleSet> {
    use chrono::TimeZone;
    use rrule::Frequency;
    let [r] = set.get_rrule().as_slice() else {
        return None;
    };
    if r.get_count().is_some()
        || !r.get_by_set_pos().is_empty()
        || !set.get_rdate().is_empty()
        || !set.get_exdate().is_empty()
        || !set.get_exrule().is_empty()
    {
        return None;
    }
    let days = i64::from(r.get_interval().max(1))
        * match r.get_freq() {
            Frequency::Daily => 1,
            Frequency::Weekly => 7,
            _ => return None,
        };
    let start = set.get_dt_start().naive_utc();
    let periods = (lo - start).num_days().div_euclid(days) - 1;
    if periods <= 0 {
        return None;
    }
    let moved = start + Duration::days(periods * days);
    Some(rrule::RRuleSet::new(rrule::Tz::UTC.from_utc_datetime(&moved)).rrule(r.clone()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ics::parse;

    /// Rules begun long ago, of every shape [`skip_ahead`] handles or refuses, expanded over
    /// weeks across years and DST changes: starting the walk near the range changes nothing.
    #[test]
    fn skipping_ahead_gives_the_same_meetings() {
        let rules = [
            "FREQ=DAILY",
            "FREQ=DAILY;INTERVAL=3",
            "FREQ=WEEKLY",
            "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU;WKST=SU",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=WE",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261201T000000Z",
            "FREQ=WEEKLY;BYDAY=SA;COUNT=400",
            "FREQ=MONTHLY;BYDAY=1MO",
            "FREQ=DAILY;BYMONTH=3,10",
            "FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1",
        ];
        let starts = ["20190104T093000", "20210331T020000", "20230615T233000"];
        let mut text = String::from("BEGIN:VCALENDAR\n");
        for (i, r) in rules.iter().enumerate() {
            for (j, st) in starts.iter().enumerate() {
                text.push_str(&format!(
                    "BEGIN:VEVENT\nUID:r{i}s{j}\nDTSTART;TZID=Europe/Paris:{st}\n\
                     DURATION:PT50M\nRRULE:{r}\nSUMMARY:{r}\nEND:VEVENT\n"
                ));
            }
        }
        text.push_str("END:VCALENDAR\n");
        let events = parse(&text).unwrap();
        let origin = Origin {
            calendar: "c",
            domain: "work",
        };
        let zone = Zone::Named(chrono_tz::Europe::Paris);
        let weeks = [
            "2019-01-01",
            "2021-03-22",
            "2021-03-29",
            "2023-06-12",
            "2026-03-23",
            "2026-10-19",
            "2026-10-26",
            "2026-11-30",
            "2027-06-07",
        ];
        let mut seen = 0;
        for w in weeks {
            let first: NaiveDate = w.parse().unwrap();
            let last = first + Duration::days(6);
            let fast = expand_with(&events, origin, first, last, &zone, true);
            let slow = expand_with(&events, origin, first, last, &zone, false);
            assert_eq!(fast, slow, "week of {w}");
            seen += fast.len();
        }
        assert!(seen > 500, "the weeks hold meetings: {seen}");
    }
}
