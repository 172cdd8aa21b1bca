//! Local time is resolved here and only here.
//!
//! Rules (DESIGN.md): a wall time inside a DST gap moves forward by the gap; a wall time in a
//! fold (it happens twice) takes the earlier instant. Plans are wall-clock minutes on a local
//! date; these helpers turn them into real instants and durations.

use chrono::{
    DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Utc,
};

/// The time zone wall times are read in: an input like the instant, carried in [`Now`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The machine's zone (`TZ`, `/etc/localtime`), looked up when used.
    System,
    /// A constant offset from UTC (`Zone::utc()` in tests).
    Fixed(FixedOffset),
    /// A zone of the tz database, with its DST rules.
    Named(chrono_tz::Tz),
}

impl Zone {
    /// UTC, as a fixed zero offset.
    pub fn utc() -> Zone {
        Zone::Fixed(Utc.fix())
    }
}

/// Delegates to the zone inside. `Zone::System` is the one place outside the shell that names
/// `chrono::Local`: the shell's clock stamps `Now` with it, and the core then reads the system
/// zone only through that value, so a test or a setting can put any other zone there.
/// `from_offset` (used by chrono to rebuild a zone from a `DateTime`'s offset) can only give
/// back the offset, as a `Fixed` zone.
impl TimeZone for Zone {
    type Offset = FixedOffset;

    fn from_offset(offset: &FixedOffset) -> Zone {
        Zone::Fixed(*offset)
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<FixedOffset> {
        match self {
            Zone::System => chrono::Local.offset_from_local_date(local),
            Zone::Fixed(f) => LocalResult::Single(*f),
            Zone::Named(tz) => tz.offset_from_local_date(local).map(|o| o.fix()),
        }
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset> {
        match self {
            Zone::System => chrono::Local.offset_from_local_datetime(local),
            Zone::Fixed(f) => LocalResult::Single(*f),
            Zone::Named(tz) => tz.offset_from_local_datetime(local).map(|o| o.fix()),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
        match self {
            Zone::System => chrono::Local.offset_from_utc_date(utc),
            Zone::Fixed(f) => *f,
            Zone::Named(tz) => tz.offset_from_utc_date(utc).fix(),
        }
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
        match self {
            Zone::System => chrono::Local.offset_from_utc_datetime(utc),
            Zone::Fixed(f) => *f,
            Zone::Named(tz) => tz.offset_from_utc_datetime(utc).fix(),
        }
    }
}

/// One reading of the clock: the instant, the local wall time it was, and the zone that wall
/// time was read in (every later wall time of this message is read in the same zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub utc: DateTime<Utc>,
    pub local: NaiveDateTime,
    pub zone: Zone,
}

impl Now {
    /// The reading of instant `utc` in `zone`.
    pub fn at(utc: DateTime<Utc>, zone: Zone) -> Now {
        Now {
            utc,
            local: utc.with_timezone(&zone).naive_local(),
            zone,
        }
    }

    /// The local UTC offset at this instant, in seconds.
    pub fn offset_s(&self) -> i32 {
        (self.local - self.utc.naive_utc()).num_seconds() as i32
    }
}

/// For tests: a local time in the zone UTC.
impl From<NaiveDateTime> for Now {
    fn from(local: NaiveDateTime) -> Now {
        Now {
            utc: local.and_utc(),
            local,
            zone: Zone::utc(),
        }
    }
}

/// The instant of a local wall time on `tz`, resolving gaps forward and folds to the earlier one.
pub fn resolve<Tz: TimeZone>(tz: &Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(early, _) => early.with_timezone(&Utc),
        LocalResult::None => {
            // Inside a gap the wall time does not exist: keep the offset from before the gap,
            // which lands as far past the gap's end as the wall time was into it.
            let before = local - Duration::hours(24);
            match tz.from_local_datetime(&before).earliest() {
                Some(t) => {
                    let off = i64::from(t.offset().fix().local_minus_utc());
                    (local - Duration::seconds(off)).and_utc()
                }
                None => local.and_utc(),
            }
        }
    }
}

/// Local wall time of minute `min` (0..=1440) on `date`; 1440 is the next midnight.
pub fn wall(date: NaiveDate, min: u16) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(min))
}

/// Real elapsed minutes between two wall-clock minutes of `date` on `tz` (DST-aware):
/// a 01:30–03:30 box lasts 60 real minutes on the spring-forward day in Europe/Paris.
pub fn real_minutes<Tz: TimeZone>(tz: &Tz, date: NaiveDate, start: u16, end: u16) -> i64 {
    let a = resolve(tz, wall(date, start));
    let b = resolve(tz, wall(date, end));
    (b - a).num_minutes()
}

/// Local wall time of an instant on `tz`, for messages ("ends at 10:30"), so a DST change
/// between `now` and `at` is right. `now` carries the clock's offset (SEREIN_NOW), which is
/// kept as a shift.
pub fn local_hhmm<Tz: TimeZone>(tz: &Tz, now: Now, at: DateTime<Utc>) -> String {
    let shift = now.local - now.utc.with_timezone(tz).naive_local();
    (at.with_timezone(tz).naive_local() + shift)
        .format("%H:%M")
        .to_string()
}

/// When an instant is, for people: its wall time `18:00`, and its day when that is not
/// today (in `now`'s zone). `serein offline` words it (`Tue 08:00`, `mar. 08:00`).
pub fn when(now: Now, at: DateTime<Utc>) -> (Option<chrono::NaiveDate>, String) {
    let hhmm = local_hhmm(&now.zone, now, at);
    let day = at.with_timezone(&now.zone).date_naive();
    ((day != now.local.date()).then_some(day), hhmm)
}

/// Minutes since local midnight of a wall time (seconds dropped).
pub fn minute_of_day(t: NaiveDateTime) -> u16 {
    use chrono::Timelike;
    (t.hour() * 60 + t.minute()) as u16
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Paris;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dst_days_give_real_durations() {
        // (date, start, end, real minutes)
        let cases = [
            ("2026-03-29", 90, 210, 60),  // spring forward: 02:00 → 03:00
            ("2026-10-25", 90, 210, 180), // fall back: 03:00 → 02:00
            ("2026-11-23", 90, 210, 120), // an ordinary day
            ("2026-03-29", 0, 1440, 23 * 60),
            ("2026-10-25", 0, 1440, 25 * 60),
        ];
        for (date, s, e, want) in cases {
            assert_eq!(real_minutes(&Paris, d(date), s, e), want, "{date} {s}-{e}");
        }
    }

    #[test]
    fn gap_moves_forward_and_fold_takes_earlier() {
        // 02:30 does not exist on 2026-03-29 in Paris: it becomes 03:30 CEST (01:30 UTC).
        let gap = resolve(&Paris, wall(d("2026-03-29"), 150));
        assert_eq!(gap.to_rfc3339(), "2026-03-29T01:30:00+00:00");
        // 02:30 happens twice on 2026-10-25: take the first (CEST, 00:30 UTC).
        let fold = resolve(&Paris, wall(d("2026-10-25"), 150));
        assert_eq!(fold.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn midnight_end_is_next_day() {
        assert_eq!(
            wall(d("2026-11-23"), 1440).to_string(),
            "2026-11-24 00:00:00"
        );
        assert_eq!(real_minutes(&Paris, d("2026-11-23"), 22 * 60, 1440), 120);
    }

    #[test]
    fn local_hhmm_goes_through_the_zone() {
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        // Saturday noon in Paris (UTC+1); Sunday 10:00 UTC is after the spring change (UTC+2).
        let utc = t("2026-03-28T11:00:00Z");
        let now = Now {
            utc,
            local: utc.with_timezone(&Paris).naive_local(),
            zone: Zone::Named(Paris),
        };
        let cases = [
            ("2026-03-28T11:30:00Z", "12:30"),
            ("2026-03-29T10:00:00Z", "12:00"),
        ];
        for (at, want) in cases {
            assert_eq!(local_hhmm(&Paris, now, t(at)), want, "{at}");
        }
        // A clock an hour ahead of the zone (SEREIN_NOW) shifts every answer with it.
        let ahead = Now {
            local: now.local + Duration::hours(1),
            ..now
        };
        assert_eq!(
            local_hhmm(&Paris, ahead, t("2026-03-28T11:30:00Z")),
            "13:30"
        );
    }
}
