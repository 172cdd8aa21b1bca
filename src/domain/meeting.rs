//! Meetings: calendar events expanded into instances, read-only in serein.
//!
//! `crate::calendar` reads `.ics` sources and expands them into [`Meeting`]s for a date
//! range; this module holds the data and the pure day arithmetic used by the Today screen,
//! the planner (meetings are busy time) and the CLI.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use crate::domain::time::{Zone, minute_of_day, resolve};

/// When a meeting happens: at real instants, or on whole local days (all-day events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MeetingTime {
    /// From `start` to `end` (`end >= start`).
    Timed {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    /// Whole days `first..=last` in whatever zone the user is in (an all-day event floats).
    AllDay { first: NaiveDate, last: NaiveDate },
}

/// One instance of a calendar event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// The event's UID; with [`Meeting::instance`] it identifies the instance across re-reads.
    pub uid: String,
    /// The original start of this instance as written in the file (`RECURRENCE-ID` form,
    /// wall time in the event's zone), or `None` for a single event.
    pub instance: Option<String>,
    pub title: String,
    /// The `[[calendar]]` source name it came from.
    pub calendar: String,
    /// The life domain of its calendar (`domain = "work"` by default).
    pub domain: String,
    pub time: MeetingTime,
    /// `TRANSP:TRANSPARENT`: shown, but free time — not work, not busy, no meeting DND.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub free: bool,
}

/// A meeting's piece on one local day, in minutes since local midnight (a meeting across
/// midnight gives one piece per day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingSlot {
    pub start: u16,
    /// `start <= end <= 1440`.
    pub end: u16,
    pub title: String,
    pub domain: String,
    pub calendar: String,
    /// Whether the meeting began on an earlier day (drawn as a continuation).
    pub continued: bool,
    /// Free time (`TRANSP:TRANSPARENT`): shown, but not busy.
    pub free: bool,
}

impl Meeting {
    /// Whether this is an all-day event.
    pub fn is_all_day(&self) -> bool {
        matches!(self.time, MeetingTime::AllDay { .. })
    }

    /// Whether any part of the meeting falls on local `date` in `zone`.
    pub fn on_day(&self, date: NaiveDate, zone: &Zone) -> bool {
        match self.time {
            MeetingTime::AllDay { first, last } => first <= date && date <= last,
            MeetingTime::Timed { .. } => self.slot(date, zone).is_some(),
        }
    }

    /// The piece of a timed meeting on local `date`, or `None` (all-day events, other days).
    /// A zero-length meeting gives a zero-length slot at its start.
    pub fn slot(&self, date: NaiveDate, zone: &Zone) -> Option<MeetingSlot> {
        let MeetingTime::Timed { start, end } = self.time else {
            return None;
        };
        let day_start = resolve(zone, date.and_time(NaiveTime::MIN));
        let next = date.succ_opt()?;
        let day_end = resolve(zone, next.and_time(NaiveTime::MIN));
        let inside = if start == end {
            day_start <= start && start < day_end
        } else {
            start < day_end && end > day_start
        };
        if !inside {
            return None;
        }
        let from = if start <= day_start {
            0
        } else {
            minute_of_day(start.with_timezone(zone).naive_local())
        };
        let to = if end >= day_end {
            1440
        } else {
            minute_of_day(end.with_timezone(zone).naive_local())
        };
        Some(MeetingSlot {
            start: from,
            end: to.max(from),
            title: self.title.clone(),
            domain: self.domain.clone(),
            calendar: self.calendar.clone(),
            continued: start < day_start,
            free: self.free,
        })
    }

    /// Real length in minutes (timed), or whole days × 1440 (all-day).
    pub fn minutes(&self) -> i64 {
        match self.time {
            MeetingTime::Timed { start, end } => (end - start).num_minutes(),
            MeetingTime::AllDay { first, last } => ((last - first).num_days() + 1) * 1440,
        }
    }
}

/// Timed meeting pieces on `date`, ordered by start then title.
pub fn day_slots(meetings: &[Meeting], date: NaiveDate, zone: &Zone) -> Vec<MeetingSlot> {
    let mut out: Vec<MeetingSlot> = meetings.iter().filter_map(|m| m.slot(date, zone)).collect();
    out.sort_by(|a, b| (a.start, a.end, &a.title).cmp(&(b.start, b.end, &b.title)));
    out
}

/// All-day events on `date`, ordered by title.
pub fn all_day(meetings: &[Meeting], date: NaiveDate) -> Vec<&Meeting> {
    let mut out: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| matches!(m.time, MeetingTime::AllDay { first, last } if first <= date && date <= last))
        .collect();
    out.sort_by(|a, b| a.title.cmp(&b.title));
    out
}

/// Busy `(start, end)` minutes on a day: the slots with a length that are not free time, as
/// the planner sees them.
pub fn busy(slots: &[MeetingSlot]) -> Vec<(u16, u16)> {
    slots
        .iter()
        .filter(|s| s.end > s.start && !s.free)
        .map(|s| (s.start, s.end))
        .collect()
}

/// `first..=last` local dates a query for `date` must expand (one day of margin on each side
/// covers meetings across midnight and zone differences).
pub fn margin(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    (first - Duration::days(1), last + Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn timed(start: &str, end: &str) -> Meeting {
        let p = |s: &str| {
            chrono_tz::Europe::Paris
                .from_local_datetime(&s.parse().unwrap())
                .unwrap()
                .with_timezone(&Utc)
        };
        Meeting {
            uid: "u".into(),
            instance: None,
            title: "Standup".into(),
            calendar: "work".into(),
            domain: "work".into(),
            time: MeetingTime::Timed {
                start: p(start),
                end: p(end),
            },
            free: false,
        }
    }

    #[test]
    fn slots_split_across_midnight_and_dst() {
        let z = Zone::Named(chrono_tz::Europe::Paris);
        // (meeting start, end, day, expected slot)
        let cases = [
            (
                "2026-03-10T09:00:00",
                "2026-03-10T09:30:00",
                "2026-03-10",
                Some((540, 570, false)),
            ),
            (
                "2026-03-10T23:00:00",
                "2026-03-11T01:00:00",
                "2026-03-10",
                Some((1380, 1440, false)),
            ),
            (
                "2026-03-10T23:00:00",
                "2026-03-11T01:00:00",
                "2026-03-11",
                Some((0, 60, true)),
            ),
            (
                "2026-03-10T23:00:00",
                "2026-03-11T00:00:00",
                "2026-03-11",
                None,
            ),
            // DST day in Paris: 02:00 does not exist; a 01:30–03:30 meeting lasts one real hour.
            (
                "2026-03-29T01:30:00",
                "2026-03-29T03:30:00",
                "2026-03-29",
                Some((90, 210, false)),
            ),
            (
                "2026-03-10T09:00:00",
                "2026-03-10T09:00:00",
                "2026-03-10",
                Some((540, 540, false)),
            ),
        ];
        for (s, e, day, want) in cases {
            let m = timed(s, e);
            let got = m.slot(d(day), &z).map(|x| (x.start, x.end, x.continued));
            assert_eq!(got, want, "{s}..{e} on {day}");
        }
        assert_eq!(
            timed("2026-03-29T01:30:00", "2026-03-29T03:30:00").minutes(),
            60
        );
    }

    #[test]
    fn all_day_events_are_not_slots() {
        let m = Meeting {
            time: MeetingTime::AllDay {
                first: d("2026-03-10"),
                last: d("2026-03-11"),
            },
            ..timed("2026-03-10T09:00:00", "2026-03-10T09:30:00")
        };
        let z = Zone::utc();
        assert!(m.slot(d("2026-03-10"), &z).is_none());
        assert!(m.on_day(d("2026-03-11"), &z));
        assert!(!m.on_day(d("2026-03-12"), &z));
        assert_eq!(all_day(std::slice::from_ref(&m), d("2026-03-11")).len(), 1);
    }

    #[test]
    fn free_meetings_are_shown_but_not_busy() {
        let z = Zone::Named(chrono_tz::Europe::Paris);
        // (free, busy minutes the planner sees)
        let cases = [(false, vec![(540, 570)]), (true, vec![])];
        for (free, want) in cases {
            let m = Meeting {
                free,
                ..timed("2026-03-10T09:00:00", "2026-03-10T09:30:00")
            };
            let slots = day_slots(std::slice::from_ref(&m), d("2026-03-10"), &z);
            assert_eq!(slots.len(), 1, "free={free}: still shown");
            assert_eq!(slots[0].free, free);
            assert_eq!(busy(&slots), want, "free={free}");
        }
    }
}
