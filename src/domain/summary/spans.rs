//! Stretches of time in a week: the longest rest off work, the longest block without a
//! break, and the share of offline hours kept free of work.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::Week;
use super::pieces::{Piece, end_of};
use super::week::Inputs;
use crate::domain::offline::OfflineSchedule;
use crate::domain::session::{Session, SessionKind};
use crate::domain::time;

/// A gap this long with no session ends a block, as in `session::focus_streak_s`.
const BLOCK_GAP_MINUTES: i64 = 15;

/// An interval of time, start included, end excluded.
pub(super) type Span = (DateTime<Utc>, DateTime<Utc>);

/// The parts of `from..to` inside scheduled offline hours.
pub(super) fn offline_within<Tz: TimeZone>(
    schedule: &OfflineSchedule,
    tz: &Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut t = from;
    while t < to {
        let next = schedule
            .next_change(tz, t)
            .filter(|&n| n > t)
            .map_or(to, |n| n.min(to));
        if schedule.is_offline(tz, t) {
            out.push((t, next));
        }
        t = next;
    }
    out
}

/// Sort and merge overlapping or touching spans.
pub(super) fn merge(mut v: Vec<Span>) -> Vec<Span> {
    v.retain(|(s, e)| s < e);
    v.sort();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Seconds of `a` (merged) also covered by `b` (merged).
pub(super) fn overlap_s(a: &[Span], b: &[Span]) -> i64 {
    let mut total = 0;
    for &(s1, e1) in a {
        for &(s2, e2) in b {
            let (s, e) = (s1.max(s2), e1.min(e2));
            if s < e {
                total += (e - s).num_seconds();
            }
        }
    }
    total
}

/// Share of the week's offline time so far (schedule and recorded periods) with none of
/// `work` in it, in percent rounded down; `None` without offline time.
pub(super) fn offline_kept<Tz: TimeZone>(
    inputs: &Inputs,
    week: Week,
    tz: &Tz,
    work: &[Span],
) -> Option<u8> {
    let start = time::resolve(tz, time::wall(week.monday, 0));
    let end = time::resolve(tz, time::wall(week.next().monday, 0)).min(inputs.now);
    if end <= start {
        return None;
    }
    let mut offline = offline_within(inputs.schedule, tz, start, end);
    offline.extend(inputs.offline_periods.iter().map(|&(s, e)| {
        (
            s.max(start),
            e.unwrap_or(inputs.now).min(end).max(s.max(start)),
        )
    }));
    let offline = merge(offline);
    let total: i64 = offline.iter().map(|(s, e)| (*e - *s).num_seconds()).sum();
    if total <= 0 {
        return None;
    }
    let broken = overlap_s(&offline, &merge(work.to_vec()));
    Some(((total - broken).max(0) * 100 / total) as u8)
}

/// Minutes of the longest stretch off work that reaches into `from..to` (ending at the next
/// work, or at `to`). The one reaching in from before `from` counts from the last work before
/// it, as far back as the sessions go (three weeks for the week summary).
pub(super) fn longest_rest(work: &[Span], from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    let merged = merge(work.to_vec());
    let mut cursor = merged
        .iter()
        .filter(|w| w.1 <= from)
        .map(|w| w.1)
        .max()
        .unwrap_or(from);
    let mut best = 0;
    for &(s, e) in merged.iter().filter(|w| w.1 > from && w.0 < to) {
        // Only a stretch that reaches into the week counts.
        if s > from {
            best = best.max((s - cursor).num_minutes());
        }
        cursor = cursor.max(e);
    }
    best.max((to - cursor).num_minutes()).max(0)
}

/// Work minutes of the longest block without a break, and the local date it started on.
/// Same rule as `session::focus_streak_s`: a break session or a gap of 15 min ends a block;
/// so does time in another life domain (a walk, family); breathing neither adds nor ends one.
pub(super) fn longest_block(
    sorted_sessions: &[(&Session, Vec<Piece>)],
    now: DateTime<Utc>,
    is_work: &impl Fn(&Session) -> bool,
) -> (i64, Option<NaiveDate>) {
    let (mut best, mut best_day) = (0, None);
    let (mut block, mut block_day) = (0, None);
    let mut last_end: Option<DateTime<Utc>> = None;
    for (s, in_week) in sorted_sessions {
        if last_end.is_some_and(|e| (s.started - e).num_minutes() >= BLOCK_GAP_MINUTES) {
            (block, block_day) = (0, None);
        }
        match s.kind {
            SessionKind::Break => (block, block_day) = (0, None),
            SessionKind::Focus if !is_work(s) => (block, block_day) = (0, None),
            // Only the part inside the week counts, from the first day it has there.
            SessionKind::Focus => {
                block += in_week.iter().map(|p| p.minutes).sum::<i64>();
                if let Some(p) = in_week.first() {
                    block_day.get_or_insert(p.date);
                }
            }
            SessionKind::Breathing => {}
        }
        if block > best {
            (best, best_day) = (block, block_day);
        }
        let end = end_of(s, now);
        last_end = Some(last_end.map_or(end, |l| l.max(end)));
    }
    (best, best_day)
}
