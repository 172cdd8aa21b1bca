//! Loading what the summaries need from the store: a week (the Week and review screens,
//! `serein summary`) and totals over a range of days (`serein summary --from --to`). Shared by
//! the shell's effects and the CLI; the summing itself is `domain::summary`.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::{Result, Store};
use crate::domain::meeting::{Meeting, MeetingTime};
use crate::domain::session::{EndReason, Session, SessionKind};
use crate::domain::summary::{
    self, Inputs, RangeSummary, Week, WeekData, WeekParams, within_its_day,
};
use crate::domain::time;

/// The summary of `week` in time zone `tz`, with the work of the `recent` weeks up to it (the
/// Week screen's sparkline; `serein summary` needs only the week itself). The calendars'
/// meetings come with the params (`WeekParams::meetings`).
pub fn load_week<Tz: TimeZone>(
    store: &Store,
    p: &WeekParams,
    week: Week,
    now: DateTime<Utc>,
    tz: &Tz,
    recent: usize,
) -> Result<WeekData> {
    let meetings = &p.meetings[..];
    let recent = recent.max(p.thresholds.references.weeks_needed());
    let first_recent = week.monday - Duration::weeks(recent as i64 - 1);
    let sessions = week_sessions(store, p, week, first_recent)?;
    let timeboxes = store.range(week.monday, week.sunday())?;
    let after_hours_ids = store.after_hours_ids(week.monday - Duration::days(1), week.sunday())?;
    let start = time::resolve(tz, time::wall(week.monday, 0));
    let end = time::resolve(tz, time::wall(week.next().monday, 0));
    let periods: Vec<_> = store
        .periods(start, end)?
        .into_iter()
        .map(|(s, e, ..)| (s, e))
        .collect();
    let work_domains: Vec<&str> = p.work_domains.iter().map(String::as_str).collect();
    let inputs = Inputs {
        sessions: &sessions,
        timeboxes: &timeboxes,
        work_domains: &work_domains,
        schedule: &p.schedule,
        after_hours_ids: &after_hours_ids,
        offline_periods: &periods,
        breathing_goal_per_day: p.breathing_goal_per_day,
        coherence_titles: &p.coherence_titles,
        meetings,
        now,
    };
    let summary = summary::summarize_with(&inputs, week, tz, &p.thresholds);
    let weeks: Vec<Week> = (0..recent as i64)
        .map(|i| Week::of(first_recent + Duration::weeks(i)))
        .collect();
    let work = summary::weekly_work_minutes(&sessions, meetings, &work_domains, &weeks, now, tz);
    let mut summary = summary;
    if p.thresholds.references == summary::References::Fr {
        summary.flags.extend(summary::average_flag(&work));
    }
    Ok(WeekData {
        summary,
        recent: weeks.into_iter().zip(work).collect(),
    })
}

/// The sessions a week's summary reads. The week and the day before it, whole; before that
/// (three weeks back for the weekend flag, the sparkline's weeks from `first_recent`, a
/// Sunday-night session spilling into a Monday) only work matters, plus anything long enough
/// to run into the week: streamed, kept when needed. The running session is included.
fn week_sessions(
    store: &Store,
    p: &WeekParams,
    week: Week,
    first_recent: NaiveDate,
) -> Result<Vec<Session>> {
    let from = week.load_from().min(first_recent - Duration::days(1));
    let day_before = week.monday - Duration::days(1);
    let mut sessions = store.sessions(day_before, week.sunday())?;
    store.for_each_ended_session(from, day_before - Duration::days(1), |r| {
        let work = r.kind == SessionKind::Focus && p.work_domains.iter().any(|d| d == r.domain);
        if work || !within_its_day(r.local_date, r.utc_offset_s, r.ended) {
            sessions.push(r.to_session());
        }
    })?;
    with_active(store, sessions)
}

/// Totals of `from..=to` in time zone `tz`, for `serein summary --from --to`.
pub fn load_range<Tz: TimeZone>(
    store: &Store,
    p: &WeekParams,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<RangeSummary> {
    // The day before: a session that started then may spill past midnight into the range.
    // Years of history: rows are streamed into the totals; only the rare session crossing
    // midnight is built whole and split.
    let work_domains: Vec<&str> = p.work_domains.iter().map(String::as_str).collect();
    let mut b = summary::RangeBuilder::new(&work_domains, &p.coherence_titles, from, to);
    // With calendars, the sessions near the meetings are kept: a logged session wins over a
    // meeting (`summary::meeting_sessions`), as in the week summary.
    let near = meetings_near(&p.meetings);
    let mut logged: Vec<Session> = Vec::new();
    store.for_each_ended_session(from - Duration::days(1), to, |r| {
        if near.is_some_and(|(a, z)| a <= r.local_date && r.local_date <= z) {
            logged.push(r.to_session());
        }
        if within_its_day(r.local_date, r.utc_offset_s, r.ended) {
            let coherent = r.kind == SessionKind::Breathing
                && r.reason == EndReason::Finished
                && b.is_coherence_title(r.title);
            b.add_within_day(r.kind, r.domain, coherent, r.local_date, r.actual_s());
        } else {
            b.add(&r.to_session(), now, tz);
        }
    })?;
    if let Some(a) = store.active_session()? {
        b.add(&a, now, tz);
        logged.push(a);
    }
    for m in summary::meeting_sessions(&p.meetings, &logged, now, tz) {
        b.add_meeting(&m, now, tz);
    }
    Ok(b.finish())
}

/// The local dates (UTC dates, a day of margin each side) whose sessions may overlap a timed
/// meeting in `meetings`; `None` without any.
fn meetings_near(meetings: &[Meeting]) -> Option<(NaiveDate, NaiveDate)> {
    let mut dates = meetings.iter().filter_map(|m| match m.time {
        MeetingTime::Timed { start, end } => Some((start.date_naive(), end.date_naive())),
        MeetingTime::AllDay { .. } => None,
    });
    let first = dates.next()?;
    let (a, z) = dates.fold(first, |(a, z), (s, e)| (a.min(s), z.max(e)));
    Some((a - Duration::days(1), z + Duration::days(1)))
}

/// `sessions` plus the running one if it started before them (a timer left running since
/// Friday still counts on Monday).
fn with_active(store: &Store, mut sessions: Vec<Session>) -> Result<Vec<Session>> {
    if let Some(a) = store.active_session()?
        && !sessions.iter().any(|s| s.id == a.id)
    {
        sessions.insert(0, a);
    }
    Ok(sessions)
}
