//! The week in numbers: time per domain and per day, work against the rest of life,
//! after-hours and weekend work, breaks, rest, breathing, plan adherence, and the flags.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

use super::flags::{Flag, FlagFacts, Thresholds, week_flags};
use super::meetings::{as_sessions, is_meeting};
use super::pieces::{Piece, end_of, pieces};
use super::spans::{Span, longest_block, longest_rest, offline_kept, offline_within, overlap_s};
use super::{Week, is_coherence, sorted};
use crate::domain::meeting::Meeting;
use crate::domain::offline::OfflineSchedule;
use crate::domain::plan::{self, Kind, Timebox};
use crate::domain::session::{Session, SessionKind};
use crate::domain::time;

/// What the summary is computed from: plain data, loaded by the shell.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// Sessions whose local date is in the week, in the three weeks before it (weekend work
    /// in 3 of the last 4 weeks) and on the day before those (rest between days). Others are
    /// ignored. See [`Week::load_from`].
    pub sessions: &'a [Session],
    /// The week's planned boxes (for plan adherence).
    pub timeboxes: &'a [Timebox],
    /// Domains that count as work (`[[domain]] work = true`).
    pub work_domains: &'a [&'a str],
    /// Offline hours, to count work inside them.
    pub schedule: &'a OfflineSchedule,
    /// Sessions recorded as after-hours work (started in offline hours, `store::offline`).
    pub after_hours_ids: &'a [i64],
    /// Recorded offline periods (scheduled or manual); an open one runs until `now`.
    pub offline_periods: &'a [(DateTime<Utc>, Option<DateTime<Utc>>)],
    /// `breathing.daily_goal`.
    pub breathing_goal_per_day: u32,
    /// Names of the coherence patterns: finished breathing sessions with these titles count
    /// towards the goal (as on the Today screen).
    pub coherence_titles: &'a [String],
    /// Calendar meetings around the week (as loaded for [`Week::load_from`]'s days, or fewer:
    /// the weekend-weeks flag then misses the older weeks' meetings). They count as focus
    /// time in their calendar's domain where no logged session covers them
    /// (`summary::meetings`), and are kept apart as meeting time.
    pub meetings: &'a [Meeting],
    pub now: DateTime<Utc>,
}

/// One local day of the week.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DaySummary {
    pub date: NaiveDate,
    /// Focus minutes per domain, most first.
    pub minutes_by_domain: Vec<(String, i64)>,
    /// Focus minutes in work domains.
    pub work_minutes: i64,
    /// Focus minutes in the other domains.
    pub other_minutes: i64,
    /// Meeting minutes (included above, in their domain), per domain, most first.
    pub meeting_minutes_by_domain: Vec<(String, i64)>,
    /// Meeting minutes, all domains (included in `work_minutes` / `other_minutes`).
    pub meeting_minutes: i64,
    /// Meeting minutes in work domains (part of `work_minutes`).
    pub meeting_work_minutes: i64,
    pub break_minutes: i64,
    pub breaks: u32,
    /// Finished coherence breathing sessions.
    pub breathing_sessions: u32,
    /// Local wall time of the first work session's start.
    pub first_work_start: Option<NaiveDateTime>,
    /// Local wall time of the last work session's end on this date (a session crossing
    /// midnight ends at the next date's 00:00 here and goes on in the next day).
    pub last_work_end: Option<NaiveDateTime>,
    /// Minutes from the last work before this day's first work session to its start, when
    /// this day has a work session and the loaded days had work before it.
    pub rest_before_minutes: Option<i64>,
}

/// The week in numbers, and its flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekSummary {
    pub week: Week,
    /// Focus minutes per domain (actual time), most first, then by name.
    pub minutes_by_domain: Vec<(String, i64)>,
    /// Focus minutes in work domains.
    pub work_minutes: i64,
    /// Focus minutes in the other domains.
    pub rest_minutes: i64,
    /// Meeting minutes per domain (included above), most first.
    pub meeting_minutes_by_domain: Vec<(String, i64)>,
    /// Meeting minutes, all domains (included in `work_minutes` / `rest_minutes`).
    pub meeting_minutes: i64,
    /// Meeting minutes in work domains (part of `work_minutes`).
    pub meeting_work_minutes: i64,
    pub per_day: [DaySummary; 7],
    /// Minutes of planned focus boxes in the week that are due: ended by `now`, or marked
    /// done (boxes still ahead are not late yet, so the current week counts only those).
    pub planned_minutes: i64,
    /// Focus minutes spent on planned boxes, each box counted up to its planned length.
    pub planned_done_minutes: i64,
    /// `planned_done_minutes` as a share of `planned_minutes`; `None` with nothing planned.
    pub plan_adherence_percent: Option<u8>,
    /// Work minutes inside offline hours (schedule), or in sessions recorded as after-hours.
    pub after_hours_minutes: i64,
    /// Work sessions with any minute inside offline hours, or recorded as after-hours.
    pub after_hours_sessions: u32,
    pub weekend_work_minutes: i64,
    pub weekend_days_worked: u32,
    /// Of this week and the three before it, how many had work on Saturday or Sunday.
    pub weekend_weeks_of_4: u32,
    pub break_minutes: i64,
    pub breaks: u32,
    /// Work minutes in the longest run of work sessions separated by gaps under 15 min with
    /// no break (or other life domain) between them (pauses and gaps excluded, as in
    /// `focus_streak_s`).
    pub longest_block_without_break_minutes: i64,
    /// Days whose first work session started less than the daily rest after earlier work.
    pub short_rest_days: u32,
    /// The longest stretch with no work session reaching into the week (up to `now` for the
    /// current week); the one running into Monday counts from the last work before it.
    pub longest_rest_minutes: i64,
    /// Interruptions logged in the week's sessions.
    pub interruptions: u32,
    /// Finished coherence breathing sessions.
    pub breathing_sessions: u32,
    /// The goal so far: `breathing_goal_per_day` times the week's days up to today (all 7
    /// for a past week, none for a future one), so days still ahead don't count as missed.
    pub breathing_goal: u32,
    /// `breathing_goal_per_day * 7`: the goal for the whole week.
    pub breathing_goal_week: u32,
    /// Share of offline time (schedule and recorded periods, up to `now`) with no work session
    /// in it, rounded down; `None` when the week had no offline time yet.
    pub offline_kept_percent: Option<u8>,
    pub flags: Vec<Flag>,
}

/// What a summary needs from the config, taken once (`WeekParams::from_config`, in `config`),
/// and the calendars' meetings around the week to load (expanded by the caller from the
/// `[[calendar]]` sources; empty without any).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekParams {
    pub work_domains: Vec<String>,
    pub coherence_titles: Vec<String>,
    pub schedule: OfflineSchedule,
    pub breathing_goal_per_day: u32,
    pub thresholds: Thresholds,
    /// Meetings from the Monday three weeks before the week (weekend-weeks flag; the Week
    /// screen: the first week of its sparkline) to the day after it; see [`meeting_span`].
    pub meetings: Vec<Meeting>,
}

/// The local dates `(first, last)` whose meetings a week's summary over `recent` weeks (the
/// week and the ones before it) reads: the weekend-weeks flag looks three weeks back, and a
/// day of margin each side catches meetings across midnight.
pub fn meeting_span(week: Week, recent: usize) -> (NaiveDate, NaiveDate) {
    let back = (recent.max(4) as i64 - 1) * 7;
    (
        week.monday - Duration::days(back + 1),
        week.sunday() + Duration::days(1),
    )
}

/// A week's summary and the work minutes of the weeks up to it.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekData {
    pub summary: WeekSummary,
    /// Work minutes of the recent weeks, oldest first, ending with this one (the Week
    /// screen's sparkline).
    pub recent: Vec<(Week, i64)>,
}

/// The summary of `week` in time zone `tz`, with the default thresholds: a shorthand for the
/// tests (the app passes the configured thresholds to [`summarize_with`]).
#[cfg(test)]
pub fn summarize<Tz: TimeZone>(inputs: &Inputs, week: Week, tz: &Tz) -> WeekSummary {
    summarize_with(inputs, week, tz, &Thresholds::default())
}

/// The summary of `week` in time zone `tz`.
pub fn summarize_with<Tz: TimeZone>(
    inputs: &Inputs,
    week: Week,
    tz: &Tz,
    th: &Thresholds,
) -> WeekSummary {
    let now = inputs.now;
    let is_work = |s: &Session| {
        s.kind == SessionKind::Focus && inputs.work_domains.contains(&s.domain.as_str())
    };
    // Meetings join as stand-in sessions where nothing logged covers them.
    let stand_ins = as_sessions(inputs.meetings, inputs.sessions, now, tz);
    let mut all: Vec<&Session> = inputs.sessions.iter().chain(&stand_ins).collect();
    all.sort_by_key(|s| (s.started, s.id));
    let in_week = week_pieces(&all, week, now, tz);
    let mut t = tally(inputs, week, tz, &in_week, &is_work);

    // Work intervals, whole sessions, in start order.
    let work: Vec<Span> = all
        .iter()
        .filter(|s| is_work(s))
        .map(|s| (s.started, end_of(s, now)))
        .collect();
    rest_before(&mut t.per_day, &all, &work, &is_work);
    let week_start = time::resolve(tz, time::wall(week.monday, 0));
    let week_end = time::resolve(tz, time::wall(week.next().monday, 0));
    let longest_rest = longest_rest(&work, week_start, week_end.min(now.max(week_start)));
    let (longest_block, block_day) = longest_block(&in_week, now, &is_work);
    let work_in_week: Vec<Span> = in_week
        .iter()
        .filter(|(s, _)| is_work(s))
        .flat_map(|(_, ps)| ps.iter().map(|p| (p.start, p.end)))
        .collect();
    let (planned_minutes, planned_done_minutes) =
        plan_adherence(inputs.timeboxes, week, tz, now, &t.focus_on_box);
    let today = now.with_timezone(tz).date_naive();
    let days_so_far = week.days().iter().filter(|d| **d <= today).count() as u32;
    let per_day = t.per_day;
    let weekend = per_day[5..].iter().filter(|d| d.work_minutes > 0);
    let mut summary = WeekSummary {
        week,
        minutes_by_domain: sorted(t.by_domain),
        work_minutes: per_day.iter().map(|d| d.work_minutes).sum(),
        rest_minutes: per_day.iter().map(|d| d.other_minutes).sum(),
        meeting_minutes_by_domain: sorted(t.meeting_by_domain),
        meeting_minutes: per_day.iter().map(|d| d.meeting_minutes).sum(),
        meeting_work_minutes: per_day.iter().map(|d| d.meeting_work_minutes).sum(),
        planned_minutes,
        planned_done_minutes,
        plan_adherence_percent: percent(planned_done_minutes, planned_minutes),
        after_hours_minutes: t.after_hours_minutes,
        after_hours_sessions: t.after_hours_sessions,
        weekend_work_minutes: weekend.clone().map(|d| d.work_minutes).sum(),
        weekend_days_worked: weekend.count() as u32,
        weekend_weeks_of_4: weekend_weeks_of_4(&all, week, now, tz, &is_work),
        break_minutes: per_day.iter().map(|d| d.break_minutes).sum(),
        breaks: per_day.iter().map(|d| d.breaks).sum(),
        longest_block_without_break_minutes: longest_block,
        short_rest_days: per_day
            .iter()
            .filter(|d| {
                d.rest_before_minutes
                    .is_some_and(|m| m < th.daily_rest_minutes)
            })
            .count() as u32,
        longest_rest_minutes: longest_rest,
        interruptions: t.interruptions,
        breathing_sessions: per_day.iter().map(|d| d.breathing_sessions).sum(),
        breathing_goal: inputs.breathing_goal_per_day.saturating_mul(days_so_far),
        breathing_goal_week: inputs.breathing_goal_per_day.saturating_mul(7),
        offline_kept_percent: offline_kept(inputs, week, tz, &work_in_week),
        flags: Vec::new(),
        per_day,
    };
    t.after_hours_days.sort_unstable();
    t.after_hours_days.dedup();
    let facts = FlagFacts {
        after_hours_days: t.after_hours_days,
        block_day,
        finished_with_work: now >= week_end && !work_in_week.is_empty(),
        today,
        breathing_goal_per_day: inputs.breathing_goal_per_day,
    };
    summary.flags = week_flags(&summary, facts, th);
    summary
}

/// Every session with a piece in the week, and its pieces in the week.
fn week_pieces<'a, Tz: TimeZone>(
    all: &[&'a Session],
    week: Week,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Vec<(&'a Session, Vec<Piece>)> {
    let mut in_week = Vec::new();
    for s in all {
        // Recorded after the week: nothing of it falls in the week. Anything recorded before
        // may still run into it (a timer left running over a weekend).
        if s.local_date > week.sunday() {
            continue;
        }
        let ps: Vec<Piece> = pieces(s, now, tz)
            .into_iter()
            .filter(|p| week.contains(p.date))
            .collect();
        if !ps.is_empty() {
            in_week.push((*s, ps));
        }
    }
    in_week
}

/// The week's sums, added up piece by piece.
struct Tally<'a> {
    per_day: [DaySummary; 7],
    by_domain: BTreeMap<&'a str, i64>,
    by_day_domain: [BTreeMap<&'a str, i64>; 7],
    meeting_by_domain: BTreeMap<&'a str, i64>,
    meeting_by_day_domain: [BTreeMap<&'a str, i64>; 7],
    after_hours_minutes: i64,
    /// Days with work in offline hours, in the order found (repeats included).
    after_hours_days: Vec<NaiveDate>,
    after_hours_sessions: u32,
    interruptions: u32,
    /// Focus minutes per planned box.
    focus_on_box: BTreeMap<i64, i64>,
}

/// Sums the pieces in the week per day and per domain; work inside offline hours (the
/// schedule, or sessions recorded as after-hours) is counted too.
fn tally<'a, Tz: TimeZone>(
    inputs: &Inputs,
    week: Week,
    tz: &Tz,
    in_week: &[(&'a Session, Vec<Piece>)],
    is_work: &impl Fn(&Session) -> bool,
) -> Tally<'a> {
    let days = week.days();
    let mut t = Tally {
        per_day: std::array::from_fn(|i| DaySummary {
            date: days[i],
            ..DaySummary::default()
        }),
        by_domain: BTreeMap::new(),
        by_day_domain: Default::default(),
        meeting_by_domain: BTreeMap::new(),
        meeting_by_day_domain: Default::default(),
        after_hours_minutes: 0,
        after_hours_days: Vec::new(),
        after_hours_sessions: 0,
        interruptions: 0,
        focus_on_box: BTreeMap::new(),
    };
    // Scheduled offline hours around the week, worked out once (a day of margin for sessions
    // recorded in another zone).
    let scheduled = offline_within(
        inputs.schedule,
        tz,
        time::resolve(tz, time::wall(week.monday - Duration::days(1), 0)),
        time::resolve(tz, time::wall(week.next().monday + Duration::days(1), 0)),
    );
    let local = |t: DateTime<Utc>| t.with_timezone(tz).naive_local();
    for (s, ps) in in_week {
        if week.contains(s.local_date) {
            t.interruptions += s.interruptions;
        }
        let mut inside_any = false;
        for p in ps {
            let i = index_in(&week, p.date);
            match s.kind {
                SessionKind::Focus => {
                    t.add_focus(s, p, i);
                    if !is_work(s) {
                        t.per_day[i].other_minutes += p.minutes;
                        continue;
                    }
                    if is_meeting(s) {
                        t.per_day[i].meeting_work_minutes += p.minutes;
                    }
                    let inside = if inputs.after_hours_ids.contains(&s.id) {
                        p.minutes
                    } else {
                        (overlap_s(&scheduled, &[(p.start, p.end)]) / 60).min(p.minutes)
                    };
                    inside_any |= t.add_work(p, i, (local(p.start), local(p.end)), inside);
                }
                SessionKind::Break => {
                    let day = &mut t.per_day[i];
                    day.break_minutes += p.minutes;
                    // A break is counted once, on the day it started.
                    if p.start == s.started {
                        day.breaks += 1;
                    }
                }
                SessionKind::Breathing => {
                    if p.start == s.started && is_coherence(s, inputs.coherence_titles) {
                        t.per_day[i].breathing_sessions += 1;
                    }
                }
            }
        }
        t.after_hours_sessions += u32::from(inside_any);
    }
    for (day, map) in t
        .per_day
        .iter_mut()
        .zip(std::mem::take(&mut t.by_day_domain))
    {
        day.minutes_by_domain = sorted(map);
    }
    for (day, map) in t
        .per_day
        .iter_mut()
        .zip(std::mem::take(&mut t.meeting_by_day_domain))
    {
        day.meeting_minutes = map.values().sum();
        day.meeting_minutes_by_domain = sorted(map);
    }
    t
}

impl<'a> Tally<'a> {
    /// Focus minutes of piece `p` of `s`, on day `i`, by domain and by planned box.
    fn add_focus(&mut self, s: &'a Session, p: &Piece, i: usize) {
        *self.by_domain.entry(&s.domain).or_default() += p.minutes;
        *self.by_day_domain[i].entry(&s.domain).or_default() += p.minutes;
        if is_meeting(s) {
            *self.meeting_by_domain.entry(&s.domain).or_default() += p.minutes;
            *self.meeting_by_day_domain[i].entry(&s.domain).or_default() += p.minutes;
        }
        if let Some(id) = s.timebox_id {
            *self.focus_on_box.entry(id).or_default() += p.minutes;
        }
    }

    /// Work piece `p` on day `i`, from `start` to `end` in local time, with `inside` of its
    /// minutes in offline hours; whether any were.
    fn add_work(
        &mut self,
        p: &Piece,
        i: usize,
        (start, end): (NaiveDateTime, NaiveDateTime),
        inside: i64,
    ) -> bool {
        let day = &mut self.per_day[i];
        day.work_minutes += p.minutes;
        day.first_work_start = Some(day.first_work_start.map_or(start, |f| f.min(start)));
        day.last_work_end = Some(day.last_work_end.map_or(end, |l| l.max(end)));
        if inside > 0 {
            self.after_hours_minutes += inside;
            self.after_hours_days.push(p.date);
        }
        inside > 0
    }
}

/// Rest between days: from the latest work end before a day's first work session started
/// (on its recorded date) to that start.
fn rest_before(
    per_day: &mut [DaySummary; 7],
    all: &[&Session],
    work: &[Span],
    is_work: &impl Fn(&Session) -> bool,
) {
    for day in per_day.iter_mut() {
        let first = all
            .iter()
            .filter(|s| s.local_date == day.date && is_work(s))
            .map(|s| s.started)
            .min();
        let Some(first) = first else { continue };
        let before = work.iter().filter(|w| w.0 < first).map(|w| w.1).max();
        day.rest_before_minutes = before.map(|end| (first - end).num_minutes().max(0));
    }
}

/// `part` of `whole` in percent, rounded down; `None` when `whole` is zero.
fn percent(part: i64, whole: i64) -> Option<u8> {
    (whole > 0).then(|| (part.clamp(0, whole) * 100 / whole) as u8)
}

/// Planned focus minutes in the week that are due (real minutes, DST-aware), and the focus
/// minutes spent on them, each box counted up to its planned length. A box is due once its
/// planned end has passed or it is marked done: a box still ahead (later today, tomorrow) is
/// not missed yet.
fn plan_adherence<Tz: TimeZone>(
    boxes: &[Timebox],
    week: Week,
    tz: &Tz,
    now: DateTime<Utc>,
    focus_on_box: &BTreeMap<i64, i64>,
) -> (i64, i64) {
    let (mut planned, mut done) = (0i64, 0i64);
    let due = |b: &Timebox| b.done || time::resolve(tz, time::wall(b.date, b.end)) <= now;
    for b in boxes
        .iter()
        .filter(|b| b.kind == Kind::Focus && week.contains(b.date) && due(b))
    {
        let len = i64::from(plan::real_len(b, tz));
        planned += len;
        done += focus_on_box.get(&b.id).copied().unwrap_or(0).min(len);
    }
    (planned, done)
}

/// How many of `week` and the three weeks before it had work on a Saturday or Sunday.
fn weekend_weeks_of_4<Tz: TimeZone>(
    sessions: &[&Session],
    week: Week,
    now: DateTime<Utc>,
    tz: &Tz,
    is_work: &impl Fn(&Session) -> bool,
) -> u32 {
    let mut worked = [false; 4];
    let first = week.monday - Duration::days(21);
    for s in sessions.iter().filter(|s| is_work(s)) {
        for p in pieces(s, now, tz) {
            if p.date < first || p.date > week.sunday() || p.minutes <= 0 {
                continue;
            }
            if p.date.weekday().number_from_monday() >= 6 {
                worked[((p.date - first).num_days() / 7) as usize] = true;
            }
        }
    }
    worked.iter().filter(|&&w| w).count() as u32
}

/// Work minutes of each of `weeks` (for the sparkline of recent weeks), meetings included
/// as in the week's summary.
pub fn weekly_work_minutes<Tz: TimeZone>(
    sessions: &[Session],
    meetings: &[Meeting],
    work_domains: &[&str],
    weeks: &[Week],
    now: DateTime<Utc>,
    tz: &Tz,
) -> Vec<i64> {
    let mut out = vec![0; weeks.len()];
    let stand_ins = as_sessions(meetings, sessions, now, tz);
    for s in sessions
        .iter()
        .chain(&stand_ins)
        .filter(|s| s.kind == SessionKind::Focus && work_domains.contains(&s.domain.as_str()))
    {
        for p in pieces(s, now, tz) {
            if let Some(i) = weeks.iter().position(|w| w.contains(p.date)) {
                out[i] += p.minutes;
            }
        }
    }
    out
}

/// The index of `d` in `week` (0 for Monday), clamped to the week.
fn index_in(week: &Week, d: NaiveDate) -> usize {
    (d - week.monday).num_days().clamp(0, 6) as usize
}
