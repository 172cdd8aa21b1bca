//! A session's share of each local day: sessions crossing midnight are split there, and a
//! session's minutes (rounded once) are shared out so the parts add up to the whole.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Offset, TimeZone, Utc};

use crate::domain::session::{Session, State};
use crate::domain::time;

/// One session's share of one local day: a session crossing midnight is split there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Actual minutes (pauses excluded) falling on `date`.
    pub minutes: i64,
}

/// Splits a session at local midnights, starting from the date it was recorded on. A session
/// recorded in `tz` is split at `tz`'s midnights (so a long one across a DST change still
/// splits at the real midnight); one recorded in another time zone is split at that zone's
/// midnights (its recorded offset), so it stays on the dates it was recorded on. Its actual
/// minutes (rounded once for the whole session) are shared out in proportion to wall time;
/// the parts always add up to the whole. A session that doesn't cross midnight is one piece.
pub fn pieces<Tz: TimeZone>(s: &Session, now: DateTime<Utc>, tz: &Tz) -> Vec<Piece> {
    let total = minutes(s, now);
    let (start, end) = (s.started, end_of(s, now));
    let offset = Duration::seconds(i64::from(s.utc_offset_s));
    // Most sessions end well before midnight: no time-zone lookup for them.
    if within_its_day(s.local_date, s.utc_offset_s, end) {
        return vec![Piece {
            date: s.local_date,
            start,
            end,
            minutes: total,
        }];
    }
    let here = tz
        .offset_from_utc_datetime(&start.naive_utc())
        .fix()
        .local_minus_utc()
        == s.utc_offset_s;
    let midnight_after = |date: NaiveDate| match date.succ_opt() {
        Some(next) if here => time::resolve(tz, time::wall(next, 0)),
        Some(next) => next.and_time(NaiveTime::MIN).and_utc() - offset,
        None => end,
    };
    let mut out = Vec::with_capacity(1);
    let mut date = s.local_date;
    let mut from = start;
    loop {
        let midnight = midnight_after(date);
        let to = end.min(midnight);
        if to > from || out.is_empty() {
            out.push(Piece {
                date,
                start: from,
                end: to.max(from),
                minutes: 0,
            });
        }
        let Some(next) = date.succ_opt().filter(|_| end > midnight) else {
            break;
        };
        (date, from) = (next, midnight.max(from));
    }
    let wall = (end - start).num_seconds();
    if wall <= 0 || out.len() == 1 {
        out[0].minutes = total;
        return out;
    }
    // Cumulative rounding: the parts add up to `total` exactly.
    let (mut before, mut given) = (0i64, 0i64);
    for p in &mut out {
        before += (p.end - p.start).num_seconds();
        let upto = (total * before * 2 + wall) / (wall * 2);
        p.minutes = upto - given;
        given = upto;
    }
    out
}

/// Whether a session recorded on `local_date` at UTC offset `utc_offset_s` and ending at `end`
/// is wholly on that date, with room for any DST shift: then it is one piece, and no time-zone
/// lookup is needed (years of history are summed session by session).
pub fn within_its_day(local_date: NaiveDate, utc_offset_s: i32, end: DateTime<Utc>) -> bool {
    local_date.succ_opt().is_some_and(|d| {
        let midnight =
            d.and_time(NaiveTime::MIN).and_utc() - Duration::seconds(i64::from(utc_offset_s));
        end + Duration::hours(3) <= midnight
    })
}

/// Actual minutes of a session, rounded to the nearest minute.
pub(super) fn minutes(s: &Session, now: DateTime<Utc>) -> i64 {
    (s.actual_s(now) + 30) / 60
}

/// When a session ended, or `now` while it runs.
pub(super) fn end_of(s: &Session, now: DateTime<Utc>) -> DateTime<Utc> {
    match s.state {
        State::Ended { at, .. } => at.max(s.started),
        _ => now.max(s.started),
    }
}
