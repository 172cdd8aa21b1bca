//! Calendar meetings in the week's numbers: each timed meeting becomes stand-in focus time in
//! its calendar's domain, so it counts as work (hours, after-hours, weekends, long days) like
//! a logged session, and is kept apart as meeting time.
//!
//! Rules (time is never counted twice):
//! - A logged session wins: a meeting only adds the part no logged session (of any kind)
//!   covers. The log is what the user did (they may have skipped the meeting, or timed it
//!   themselves); an invitation is only what was planned.
//! - Meetings overlapping each other count once (the earlier one takes the shared time).
//! - All-day events are not hours; cancelled instances never reach here (the reader drops
//!   them). Free (`TRANSP:TRANSPARENT`) events are not work. Declined events are not told
//!   apart by the reader yet, so they count.
//! - Only what is over by `now` counts ("so far", as sessions): a meeting under way counts
//!   up to `now`, one ahead not at all.

use chrono::{DateTime, Offset, TimeZone, Utc};

use super::pieces::end_of;
use crate::domain::meeting::{Meeting, MeetingTime};
use crate::domain::session::{EndReason, Session, SessionKind, State};

/// Whether a session is a meeting's stand-in (stored sessions have positive ids).
pub fn is_meeting(s: &Session) -> bool {
    s.id < 0
}

/// Stand-in focus sessions (negative ids) for the parts of timed `meetings` that happened by
/// `now` and that no session in `logged` covers; one per uncovered stretch, recorded on the
/// local date (in `tz`) its stretch starts.
pub fn as_sessions<Tz: TimeZone>(
    meetings: &[Meeting],
    logged: &[Session],
    now: DateTime<Utc>,
    tz: &Tz,
) -> Vec<Session> {
    if meetings.is_empty() {
        return Vec::new();
    }
    let mut timed: Vec<(DateTime<Utc>, DateTime<Utc>, &Meeting)> = meetings
        .iter()
        .filter_map(|m| match m.time {
            MeetingTime::Timed { start, end } if end.min(now) > start && !m.free => {
                Some((start, end.min(now), m))
            }
            _ => None,
        })
        .collect();
    if timed.is_empty() {
        return Vec::new();
    }
    timed.sort_by(|a, b| (a.0, a.1, &a.2.uid).cmp(&(b.0, b.1, &b.2.uid)));
    let (first, last) = (timed[0].0, timed.iter().map(|t| t.1).max().unwrap_or(now));
    // What is already counted: the logged sessions near the meetings, then each meeting taken.
    let mut covered: Vec<(DateTime<Utc>, DateTime<Utc>)> = logged
        .iter()
        .map(|s| (s.started, end_of(s, now)))
        .filter(|&(a, b)| b > first && a < last && b > a)
        .collect();
    let mut out = Vec::new();
    for (start, end, m) in timed {
        for (a, b) in uncovered(start, end, &covered) {
            let local = a.with_timezone(tz);
            let len = (b - a).num_seconds();
            out.push(Session {
                id: -(out.len() as i64) - 1,
                timebox_id: None,
                title: m.title.clone(),
                domain: m.domain.clone(),
                kind: SessionKind::Focus,
                started: a,
                local_date: local.date_naive(),
                utc_offset_s: local.offset().fix().local_minus_utc(),
                planned_s: len,
                extended_s: 0,
                paused_s: 0,
                pauses: 0,
                interruptions: 0,
                note: None,
                state: State::Ended {
                    at: b,
                    reason: EndReason::Finished,
                    overrun_s: 0,
                },
                heartbeat: b,
            });
        }
        covered.push((start, end));
    }
    out
}

/// The parts of `start..end` outside every span of `covered`, in order.
fn uncovered(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    covered: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut cuts: Vec<(DateTime<Utc>, DateTime<Utc>)> = covered
        .iter()
        .filter(|&&(a, b)| a < end && b > start)
        .copied()
        .collect();
    cuts.sort();
    let mut out = Vec::new();
    let mut from = start;
    for (a, b) in cuts {
        if a > from {
            out.push((from, a.min(end)));
        }
        from = from.max(b);
        if from >= end {
            break;
        }
    }
    if from < end {
        out.push((from, end));
    }
    out
}
