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
    // RANGE=THISANDFUTURE overrides of a master: (its instance's wall, the override), in
    // order; each applies from its instance on, until a later one.
    let mut future: HashMap<&str, Vec<(NaiveDateTime, &Event)>> = HashMap::new();
    for e in events {
        if let Some(rid) = &e.recurrence_id {
            let master = masters.get(e.uid.as_str());
            let frame = master.map_or(e.frame, |m| m.frame);
            if e.this_and_future && master.is_some() {
                future
                    .entry(e.uid.as_str())
                    .or_default()
                    .push((frame.wall(rid), e));
                continue;
            }
            replaced
                .entry(e.uid.as_str())
                .or_default()
                .insert(frame.wall(rid));
        }
    }
    for v in future.values_mut() {
        v.sort_by_key(|x| x.0);
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
            if e.this_and_future && masters.contains_key(e.uid.as_str()) {
                continue;
            }
            let m = instance(e, origin, e.start, Some(frame.wall(rid)), zone);
            if inside(&m) {
                out.push(m);
            }
            continue;
        }
        let replaced_here = replaced.get(e.uid.as_str());
        let recurring = e.rule.is_some() || !e.rdates.is_empty();
        // Each THISANDFUTURE override: how far it moves its instances (in this frame).
        let moves: Vec<(NaiveDateTime, &Event, Duration)> = future
            .get(e.uid.as_str())
            .map(|v| {
                v.iter()
                    .map(|(rid, o)| (*rid, *o, e.frame.wall(&o.frame.time(o.start)) - *rid))
                    .collect()
            })
            .unwrap_or_default();
        let margin = moves
            .iter()
            .map(|m| m.2.abs() + length(m.1))
            .max()
            .unwrap_or_else(Duration::zero);
        for wall in walls(e, from, to, skip, margin) {
            if e.exdates.contains(&wall) || replaced_here.is_some_and(|s| s.contains(&wall)) {
                continue;
            }
            let m = match moves.iter().rev().find(|m| m.0 <= wall) {
                Some((_, o, _)) if o.cancelled => continue,
                Some((_, o, shift)) => {
                    // The series' identity and frame; the override's move, length, title
                    // and transparency.
                    let mut m = instance(e, origin, wall, Some(wall), zone);
                    m.time = instance_in(e.frame, o.length, wall + *shift, zone);
                    m.free = o.free;
                    if !o.summary.is_empty() {
                        m.title = o.summary.clone();
                    }
                    m
                }
                None => instance(e, origin, wall, recurring.then_some(wall), zone),
            };
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
    margin: Duration,
) -> Vec<NaiveDateTime> {
    let len = length(e);
    // Walls and instants differ by at most a day of offset; a day of margin each side (and
    // as far as a THISANDFUTURE override moves instances).
    let lo = from.naive_utc() - len - Duration::days(1) - margin;
    let hi = to.naive_utc() + Duration::days(1) + margin;
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

fn length(e: &Event) -> Duration {
    match e.length {
        Length::Exact(d) => d,
        Length::Days(n) => Duration::days(n),
    }
}

fn instance(
    e: &Event,
    origin: Origin,
    wall: NaiveDateTime,
    id: Option<NaiveDateTime>,
    zone: &Zone,
) -> Meeting {
    let time = instance_in(e.frame, e.length, wall, zone);
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
        free: e.free,
    }
}

/// The time of an instance starting at `wall` of `frame`, lasting `length`.
fn instance_in(frame: Frame, length: Length, wall: NaiveDateTime, zone: &Zone) -> MeetingTime {
    match (frame, length) {
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

    /// Instances as "start-date HH:MM-HH:MM title" in `zone`.
    fn lines(text: &str, zone: &Zone, first: &str, last: &str) -> Vec<String> {
        let events = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        let origin = Origin {
            calendar: "outlook",
            domain: "work",
        };
        expand(
            &events,
            origin,
            first.parse().unwrap(),
            last.parse().unwrap(),
            zone,
        )
        .iter()
        .map(|m| match m.time {
            MeetingTime::Timed { start, end } => {
                let (s, e) = (start.with_timezone(zone), end.with_timezone(zone));
                format!(
                    "{} {}-{} {}",
                    s.format("%F"),
                    s.format("%H:%M"),
                    e.format("%H:%M"),
                    m.title
                )
            }
            MeetingTime::AllDay { first, last } => format!("{first}..{last} {}", m.title),
        })
        .collect()
    }

    /// Outlook's "Customized Time Zone" and "(UTC+01:00) Amsterdam, …" TZIDs: offsets from the
    /// file's VTIMEZONE rules, across the 2026-10-25 change (shown in UTC, where a zone read
    /// as floating would show 09:00).
    #[test]
    fn outlook_customized_zones_follow_their_vtimezone() {
        let text = include_str!("../../tests/fixtures/calendar/outlook-customized-zone.ics");
        assert_eq!(
            lines(text, &Zone::utc(), "2026-10-01", "2026-11-30"),
            [
                "2026-10-12 07:00-07:30 Weekly sync",
                "2026-10-19 07:00-07:30 Weekly sync",
                "2026-10-24 23:30-03:00 Night deploy",
                "2026-10-26 08:00-08:30 Weekly sync",
                "2026-11-02 08:00-08:30 Weekly sync",
            ]
        );
        // In the user's own zone the walls are the file's.
        let paris = Zone::Named(chrono_tz::Europe::Paris);
        assert_eq!(
            lines(text, &paris, "2026-10-24", "2026-10-26"),
            [
                "2026-10-25 01:30-04:00 Night deploy",
                "2026-10-26 09:00-09:30 Weekly sync",
            ]
        );
    }

    /// `RECURRENCE-ID;RANGE=THISANDFUTURE` moves and retitles that instance and every later
    /// one (kept at the new wall time across the DST change); a single override after it
    /// still wins for its own instance.
    #[test]
    fn this_and_future_overrides_apply_to_later_instances() {
        let text = include_str!("../../tests/fixtures/calendar/outlook-thisandfuture.ics");
        assert_eq!(
            lines(text, &Zone::utc(), "2026-10-01", "2026-11-30"),
            [
                "2026-10-06 12:00-13:00 Design review",
                "2026-10-13 12:00-13:00 Design review",
                "2026-10-20 14:00-14:30 Design review (new slot)",
                "2026-10-27 15:00-15:30 Design review (new slot)",
                "2026-11-03 16:00-17:00 Design review (one-off)",
                "2026-11-10 15:00-15:30 Design review (new slot)",
            ]
        );
        // Each instance keeps its identity (UID + original start): six distinct ones.
        let events = parse(text).unwrap();
        let origin = Origin {
            calendar: "outlook",
            domain: "work",
        };
        let ms = expand(
            &events,
            origin,
            "2026-10-01".parse().unwrap(),
            "2026-11-30".parse().unwrap(),
            &Zone::utc(),
        );
        let ids: HashSet<_> = ms.iter().map(|m| m.instance.clone()).collect();
        assert_eq!(ids.len(), 6);
        assert!(ids.contains(&Some("20261027T140000".into())), "{ids:?}");
    }

    /// `TRANSP:TRANSPARENT` marks instances free; an override carries its own transparency.
    #[test]
    fn transparent_events_are_free() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSUMMARY:Focus hold\nTRANSP:TRANSPARENT\n\
            DTSTART:20261201T090000Z\nDTEND:20261201T100000Z\nRRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n\
            BEGIN:VEVENT\nUID:a\nSUMMARY:Focus hold\nTRANSP:OPAQUE\nRECURRENCE-ID:20261202T090000Z\n\
            DTSTART:20261202T090000Z\nDTEND:20261202T100000Z\nEND:VEVENT\n\
            BEGIN:VEVENT\nUID:b\nSUMMARY:Sync\nDTSTART:20261201T110000Z\nDTEND:20261201T113000Z\n\
            END:VEVENT\nEND:VCALENDAR\n";
        let events = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        let origin = Origin {
            calendar: "c",
            domain: "work",
        };
        let got: Vec<(String, Option<String>, bool)> = expand(
            &events,
            origin,
            "2026-12-01".parse().unwrap(),
            "2026-12-03".parse().unwrap(),
            &Zone::utc(),
        )
        .into_iter()
        .map(|m| (m.uid, m.instance, m.free))
        .collect();
        let want = [
            ("a", Some("20261201T090000Z"), true),
            ("b", None, false),
            ("a", Some("20261202T090000Z"), false),
            ("a", Some("20261203T090000Z"), true),
        ];
        let want: Vec<(String, Option<String>, bool)> = want
            .iter()
            .map(|(u, i, f)| (u.to_string(), i.map(String::from), *f))
            .collect();
        assert_eq!(got, want);
    }
}
