//! The weekly balance summary: work against the rest of life, after-hours and weekend work,
//! breaks, rest between days, breathing, and flags phrased as facts with a source
//! (`shared/wellbeing.md`, "Weekly balance flags"). Never a diagnosis.
//!
//! Pure: `now` and the time zone are arguments. Instants become local times through
//! `domain::time` only. A session belongs to the local date it was recorded on
//! (`Session::local_date`), so weeks don't move after travel, and a session crossing midnight
//! is split there ([`pieces`]). Minutes are rounded per session (nearest minute) and shared
//! out over its days, so every total is the exact sum of its parts.

use std::collections::BTreeMap;

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use serde::Serialize;

use super::offline::OfflineSchedule;
use super::plan::{self, Kind, Timebox};
use super::session::{EndReason, Session, SessionKind, State};
use super::time;

/// WHO/ILO estimate of deaths from long working hours [S47].
pub const SOURCE_WHO_ILO: &str = "WHO/ILO 2021 (Pega et al., Environment International)";
/// EU Working Time Directive, weekly limit [S48].
pub const SOURCE_EU_WEEK: &str = "EU Working Time Directive 2003/88/EC, art. 6";
/// EU Working Time Directive, daily rest [S48].
pub const SOURCE_EU_REST: &str = "EU Working Time Directive 2003/88/EC, art. 3";
/// EU Working Time Directive, weekly rest [S48].
pub const SOURCE_EU_WEEKLY_REST: &str = "EU Working Time Directive 2003/88/EC, art. 5";
/// UK population survey on weekend work [S52].
pub const SOURCE_WEEKEND: &str =
    "Weston et al. 2019, J Epidemiol Community Health (UK survey, n = 23,403)";
/// After-hours availability and detachment [S49][S50].
pub const SOURCE_OFFLINE: &str =
    "Becker et al., Journal of Management; Wendsche & Lohmann-Haislah 2017, Front. Psychol.";
/// 90-minute blocks are a heuristic; micro-breaks help vigour and fatigue [S45][S46].
pub const SOURCE_BREAKS: &str =
    "Heuristic (Kleitman's rest-activity cycle, Ericsson); Albulescu et al. 2022, PLOS ONE";
/// The 365 cardiac-coherence method: three sessions a day [S1].
pub const SOURCE_BREATHING: &str = "Cardiac coherence 365 method (3 sessions a day)";

/// A gap this long with no session ends a block, as in `session::focus_streak_s`.
const BLOCK_GAP_MINUTES: i64 = 15;

/// An ISO week (Monday to Sunday) of local dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Week {
    pub monday: NaiveDate,
}

impl Week {
    /// The week containing `d`.
    pub fn of(d: NaiveDate) -> Week {
        let back = i64::from(d.weekday().num_days_from_monday());
        Week {
            monday: d - Duration::days(back),
        }
    }

    /// Monday to Sunday.
    pub fn days(&self) -> [NaiveDate; 7] {
        std::array::from_fn(|i| self.monday + Duration::days(i as i64))
    }

    pub fn prev(&self) -> Week {
        Week {
            monday: self.monday - Duration::days(7),
        }
    }

    pub fn next(&self) -> Week {
        Week {
            monday: self.monday + Duration::days(7),
        }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.monday && d < self.monday + Duration::days(7)
    }

    /// The first date whose sessions a week summary needs: three weeks back for the
    /// weekend-work flag, and the day before that for rest between days.
    pub fn load_from(&self) -> NaiveDate {
        self.monday - Duration::days(22)
    }

    /// The Sunday ending the week.
    pub fn sunday(&self) -> NaiveDate {
        self.monday + Duration::days(6)
    }

    /// ISO 8601 year and week number (week 1 holds the year's first Thursday).
    pub fn iso(&self) -> (i32, u32) {
        let w = self.monday.iso_week();
        (w.year(), w.week())
    }

    /// The week written `2026-W47` (also accepted: `2026W47`, `2026-w47`, `2026-W7`).
    pub fn parse(s: &str) -> Result<Week, String> {
        let bad = || format!("not an ISO week: {s:?} (expected YEAR-Wnn, e.g. 2026-W47)");
        let t = s.trim();
        let (y, w) = t.split_once(['W', 'w']).ok_or_else(bad)?;
        let y = y.strip_suffix('-').unwrap_or(y);
        // Far-off years are typos, and date arithmetic near chrono's limits would panic.
        if let Ok(n) = y.parse::<i32>()
            && !(1000..=9999).contains(&n)
        {
            return Err(format!(
                "not an ISO week: {s:?} (expected a year from 1000 to 9999)"
            ));
        }
        let (year, week): (i32, u32) =
            (y.parse().map_err(|_| bad())?, w.parse().map_err(|_| bad())?);
        NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)
            .map(|monday| Week { monday })
            .ok_or_else(|| format!("{year} has no week {week} (ISO years have 52 or 53 weeks)"))
    }
}

impl std::fmt::Display for Week {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (y, w) = self.iso();
        write!(f, "{y}-W{w:02}")
    }
}

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

/// How strongly a flag is shown. None of them is a diagnosis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Notice,
    Strong,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Notice => "notice",
            Level::Strong => "strong",
        }
    }
}

/// Which signal a flag is about (stable, for JSON and for config thresholds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    WorkHours,
    DailyRest,
    WeeklyRest,
    WeekendWork,
    WeekendWeeks,
    OfflineHours,
    LongBlock,
    Breathing,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::WorkHours => "work_hours",
            FlagKind::DailyRest => "daily_rest",
            FlagKind::WeeklyRest => "weekly_rest",
            FlagKind::WeekendWork => "weekend_work",
            FlagKind::WeekendWeeks => "weekend_weeks",
            FlagKind::OfflineHours => "offline_hours",
            FlagKind::LongBlock => "long_block",
            FlagKind::Breathing => "breathing",
        }
    }
}

/// A fact about the week with its source, in neutral words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub level: Level,
    pub text: String,
    pub source: &'static str,
    /// The days it concerns: the days worked (work hours, weekly rest), the days short of
    /// rest, worked at the weekend, with work in offline hours, with the long block, or below
    /// the breathing goal so far.
    pub days: Vec<NaiveDate>,
}

/// When flags appear. Defaults from wellbeing.md; `[balance]` in config may override them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// Info above this many work minutes a week.
    pub work_info_minutes: i64,
    /// Notice above this (EU average limit).
    pub work_notice_minutes: i64,
    /// Strong at or above this (WHO/ILO).
    pub work_strong_minutes: i64,
    /// Rest between days shorter than this is flagged.
    pub daily_rest_minutes: i64,
    /// A week whose longest stretch off work is shorter than this is flagged.
    pub weekly_rest_minutes: i64,
    /// A block longer than this without a break is flagged.
    pub long_block_minutes: i64,
    /// Weekend work in at least this many of the last 4 weeks is flagged (0: never).
    pub weekend_weeks: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            work_info_minutes: 40 * 60,
            work_notice_minutes: 48 * 60,
            work_strong_minutes: 55 * 60,
            daily_rest_minutes: 11 * 60,
            weekly_rest_minutes: 35 * 60,
            long_block_minutes: 90,
            weekend_weeks: 3,
        }
    }
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
    pub per_day: [DaySummary; 7],
    /// Minutes of planned focus boxes in the week.
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
    /// `breathing_goal_per_day * 7`.
    pub breathing_goal: u32,
    /// Share of offline time (schedule and recorded periods, up to `now`) with no work session
    /// in it, rounded down; `None` when the week had no offline time yet.
    pub offline_kept_percent: Option<u8>,
    pub flags: Vec<Flag>,
}

/// What a summary needs from the config, taken once (`WeekParams::from_config`, in `config`).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekParams {
    pub work_domains: Vec<String>,
    pub coherence_titles: Vec<String>,
    pub schedule: OfflineSchedule,
    pub breathing_goal_per_day: u32,
    pub thresholds: Thresholds,
}

/// A week's summary and the work minutes of the weeks up to it.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekData {
    pub summary: WeekSummary,
    /// Work minutes of the recent weeks, oldest first, ending with this one (the Week
    /// screen's sparkline).
    pub recent: Vec<(Week, i64)>,
}

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

/// The summary of `week` in time zone `tz`, with the default thresholds.
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
    let days = week.days();
    let is_work = |s: &Session| {
        s.kind == SessionKind::Focus && inputs.work_domains.contains(&s.domain.as_str())
    };
    let local = |t: DateTime<Utc>| t.with_timezone(tz).naive_local();

    let mut all: Vec<&Session> = inputs.sessions.iter().collect();
    all.sort_by_key(|s| (s.started, s.id));
    // Every session with a piece in the week, and its pieces in the week.
    let mut in_week: Vec<(&Session, Vec<Piece>)> = Vec::new();
    for s in &all {
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
            in_week.push((s, ps));
        }
    }

    let mut per_day: [DaySummary; 7] = std::array::from_fn(|i| DaySummary {
        date: days[i],
        ..DaySummary::default()
    });
    let mut by_domain: BTreeMap<&str, i64> = BTreeMap::new();
    let mut by_day_domain: [BTreeMap<&str, i64>; 7] = Default::default();
    let mut after_hours_minutes = 0;
    let mut after_hours_days = Vec::new();
    let mut after_hours_sessions = 0u32;
    let mut interruptions = 0u32;
    let mut focus_on_box: BTreeMap<i64, i64> = BTreeMap::new();

    // Scheduled offline hours around the week, worked out once (a day of margin for sessions
    // recorded in another zone).
    let scheduled = offline_within(
        inputs.schedule,
        tz,
        time::resolve(tz, time::wall(week.monday - Duration::days(1), 0)),
        time::resolve(tz, time::wall(week.next().monday + Duration::days(1), 0)),
    );
    for (s, ps) in &in_week {
        if week.contains(s.local_date) {
            interruptions += s.interruptions;
        }
        let mut inside_any = false;
        for p in ps {
            let i = index_in(&week, p.date);
            let day = &mut per_day[i];
            match s.kind {
                SessionKind::Focus => {
                    *by_domain.entry(&s.domain).or_default() += p.minutes;
                    *by_day_domain[i].entry(&s.domain).or_default() += p.minutes;
                    if let Some(id) = s.timebox_id {
                        *focus_on_box.entry(id).or_default() += p.minutes;
                    }
                    if !is_work(s) {
                        day.other_minutes += p.minutes;
                        continue;
                    }
                    day.work_minutes += p.minutes;
                    let (start, end) = (local(p.start), local(p.end));
                    day.first_work_start =
                        Some(day.first_work_start.map_or(start, |f| f.min(start)));
                    day.last_work_end = Some(day.last_work_end.map_or(end, |l| l.max(end)));
                    let inside = if inputs.after_hours_ids.contains(&s.id) {
                        p.minutes
                    } else {
                        (overlap_s(&scheduled, &[(p.start, p.end)]) / 60).min(p.minutes)
                    };
                    if inside > 0 {
                        after_hours_minutes += inside;
                        after_hours_days.push(p.date);
                        inside_any = true;
                    }
                }
                SessionKind::Break => {
                    day.break_minutes += p.minutes;
                    // A break is counted once, on the day it started.
                    if p.start == s.started {
                        day.breaks += 1;
                    }
                }
                SessionKind::Breathing => {
                    if p.start == s.started && is_coherence(s, inputs.coherence_titles) {
                        day.breathing_sessions += 1;
                    }
                }
            }
        }
        after_hours_sessions += u32::from(inside_any);
    }
    for (day, map) in per_day.iter_mut().zip(by_day_domain) {
        day.minutes_by_domain = sorted(map);
    }

    // Work intervals, whole sessions, in start order.
    let work: Vec<Span> = all
        .iter()
        .filter(|s| is_work(s))
        .map(|s| (s.started, end_of(s, now)))
        .collect();

    // Rest between days: from the latest work end before a day's first work session started
    // (on its recorded date) to that start.
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
    let short_rest: Vec<NaiveDate> = per_day
        .iter()
        .filter(|d| {
            d.rest_before_minutes
                .is_some_and(|m| m < th.daily_rest_minutes)
        })
        .map(|d| d.date)
        .collect();

    let week_start = time::resolve(tz, time::wall(week.monday, 0));
    let week_end = time::resolve(tz, time::wall(week.next().monday, 0));
    let longest_rest = longest_rest(&work, week_start, week_end.min(now.max(week_start)));

    let (longest_block, block_day) = longest_block(&in_week, now, &is_work);

    let weekend: Vec<&DaySummary> = per_day[5..].iter().filter(|d| d.work_minutes > 0).collect();
    let weekend_work_minutes = weekend.iter().map(|d| d.work_minutes).sum();
    let weekend_days: Vec<NaiveDate> = weekend.iter().map(|d| d.date).collect();
    let weekend_weeks = weekend_weeks_of_4(&all, week, now, tz, &is_work);

    let work_in_week: Vec<Span> = in_week
        .iter()
        .filter(|(s, _)| is_work(s))
        .flat_map(|(_, ps)| ps.iter().map(|p| (p.start, p.end)))
        .collect();
    let offline_kept_percent = offline_kept(inputs, week, tz, &work_in_week);

    let (planned_minutes, planned_done_minutes) =
        plan_adherence(inputs.timeboxes, week, tz, &focus_on_box);

    let work_minutes: i64 = per_day.iter().map(|d| d.work_minutes).sum();
    let breathing_sessions = per_day.iter().map(|d| d.breathing_sessions).sum();
    let breathing_goal = inputs.breathing_goal_per_day.saturating_mul(7);

    after_hours_days.sort_unstable();
    after_hours_days.dedup();
    let work_days: Vec<NaiveDate> = per_day
        .iter()
        .filter(|d| d.work_minutes > 0)
        .map(|d| d.date)
        .collect();
    let mut flags = Vec::new();
    flags.extend(work_hours_flag(work_minutes, th).map(|f| Flag {
        days: work_days.clone(),
        ..f
    }));
    if !short_rest.is_empty() {
        flags.push(daily_rest_flag(&short_rest, th));
    }
    // Only a finished week can lack its weekly rest; a week with no work at all has it.
    if now >= week_end && !work_in_week.is_empty() && longest_rest < th.weekly_rest_minutes {
        flags.push(Flag {
            kind: FlagKind::WeeklyRest,
            level: Level::Notice,
            text: format!(
                "Your longest time off work this week was {}, under {}. The EU Working Time \
                 Directive sets a weekly rest of 24 h plus the 11 h daily rest.",
                hm(longest_rest),
                hm(th.weekly_rest_minutes)
            ),
            source: SOURCE_EU_WEEKLY_REST,
            days: work_days.clone(),
        });
    }
    if weekend_days.len() == 2 {
        flags.push(Flag {
            kind: FlagKind::WeekendWork,
            level: Level::Notice,
            text: "You worked both weekend days. Working most weekends is linked to poorer \
                   mood in a large UK study."
                .into(),
            source: SOURCE_WEEKEND,
            days: weekend_days.clone(),
        });
    }
    if th.weekend_weeks > 0 && weekend_weeks >= th.weekend_weeks && !weekend_days.is_empty() {
        flags.push(Flag {
            kind: FlagKind::WeekendWeeks,
            level: Level::Notice,
            text: format!(
                "You worked at the weekend in {weekend_weeks} of the last 4 weeks. Working \
                 most weekends is linked to poorer mood in a large UK study."
            ),
            source: SOURCE_WEEKEND,
            days: weekend_days.clone(),
        });
    }
    if after_hours_sessions > 0 {
        flags.push(Flag {
            kind: FlagKind::OfflineHours,
            level: Level::Notice,
            text: format!(
                "{} during your offline hours ({}).",
                count(
                    after_hours_sessions,
                    "work session happened",
                    "work sessions happened"
                ),
                hm(after_hours_minutes)
            ),
            source: SOURCE_OFFLINE,
            days: after_hours_days,
        });
    }
    if longest_block > th.long_block_minutes {
        flags.push(Flag {
            kind: FlagKind::LongBlock,
            level: Level::Info,
            text: format!(
                "Your longest block without a break was {}. Breaking up blocks of over {} is \
                 a rule of thumb, not a proven limit.",
                hm(longest_block),
                hm(th.long_block_minutes)
            ),
            source: SOURCE_BREAKS,
            days: block_day.into_iter().collect(),
        });
    }
    if breathing_goal > 0 && breathing_sessions < breathing_goal {
        // The days so far with fewer sessions than the daily goal.
        let today = now.with_timezone(tz).date_naive();
        flags.push(Flag {
            kind: FlagKind::Breathing,
            level: Level::Info,
            text: format!("{breathing_sessions} of {breathing_goal} coherence sessions this week."),
            source: SOURCE_BREATHING,
            days: per_day
                .iter()
                .filter(|d| d.date <= today && d.breathing_sessions < inputs.breathing_goal_per_day)
                .map(|d| d.date)
                .collect(),
        });
    }

    WeekSummary {
        week,
        minutes_by_domain: sorted(by_domain),
        work_minutes,
        rest_minutes: per_day.iter().map(|d| d.other_minutes).sum(),
        planned_minutes,
        planned_done_minutes,
        plan_adherence_percent: percent(planned_done_minutes, planned_minutes),
        after_hours_minutes,
        after_hours_sessions,
        weekend_work_minutes,
        weekend_days_worked: weekend_days.len() as u32,
        weekend_weeks_of_4: weekend_weeks,
        break_minutes: per_day.iter().map(|d| d.break_minutes).sum(),
        breaks: per_day.iter().map(|d| d.breaks).sum(),
        longest_block_without_break_minutes: longest_block,
        short_rest_days: short_rest.len() as u32,
        longest_rest_minutes: longest_rest,
        interruptions,
        breathing_sessions,
        breathing_goal,
        offline_kept_percent,
        flags,
        per_day,
    }
}

/// `part` of `whole` in percent, rounded down; `None` when `whole` is zero.
fn percent(part: i64, whole: i64) -> Option<u8> {
    (whole > 0).then(|| (part.clamp(0, whole) * 100 / whole) as u8)
}

/// Planned focus minutes in the week (real minutes, DST-aware), and the focus minutes spent
/// on them, each box counted up to its planned length.
fn plan_adherence<Tz: TimeZone>(
    boxes: &[Timebox],
    week: Week,
    tz: &Tz,
    focus_on_box: &BTreeMap<i64, i64>,
) -> (i64, i64) {
    let (mut planned, mut done) = (0i64, 0i64);
    for b in boxes
        .iter()
        .filter(|b| b.kind == Kind::Focus && week.contains(b.date))
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

/// Minutes of the longest stretch off work that reaches into `from..to` (ending at the next
/// work, or at `to`). The one reaching in from before `from` counts from the last work before
/// it, as far back as the sessions go (three weeks for the week summary).
fn longest_rest(work: &[Span], from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
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

/// Totals over a range of days, by domain and by ISO week (`serein summary --from --to`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RangeSummary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Focus minutes per domain, most first.
    pub minutes_by_domain: Vec<(String, i64)>,
    pub work_minutes: i64,
    pub rest_minutes: i64,
    pub break_minutes: i64,
    pub breaks: u32,
    pub breathing_sessions: u32,
    pub sessions: u32,
    /// Every ISO week touching the range, oldest first (days outside the range not counted).
    pub weeks: Vec<WeekTotals>,
}

/// One week's totals in a [`RangeSummary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekTotals {
    pub week: Week,
    pub minutes_by_domain: Vec<(String, i64)>,
    pub work_minutes: i64,
    pub rest_minutes: i64,
}

/// Totals of `from..=to` (local dates; sessions split at midnight, as in the week summary).
pub fn summarize_range<Tz: TimeZone>(
    sessions: &[Session],
    work_domains: &[&str],
    coherence_titles: &[String],
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
    tz: &Tz,
) -> RangeSummary {
    let mut b = RangeBuilder::new(work_domains, coherence_titles, from, to);
    for s in sessions {
        b.add(s, now, tz);
    }
    b.finish()
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

/// A domain's name, its total minutes, and its minutes per week.
type DomainTotals = (String, i64, Vec<i64>);

/// Builds a [`RangeSummary`] one session at a time, without keeping them: `serein summary`
/// over years of history streams rows from the store into it.
#[derive(Debug)]
pub struct RangeBuilder<'a> {
    work_domains: &'a [&'a str],
    coherence_titles: &'a [String],
    from: NaiveDate,
    to: NaiveDate,
    first_monday: NaiveDate,
    /// Per domain: total, and per week (indexed from `first_monday`).
    domains: Vec<DomainTotals>,
    weeks: Vec<(i64, i64)>,
    work: i64,
    rest: i64,
    break_minutes: i64,
    breaks: u32,
    breathing: u32,
    count: u32,
}

impl<'a> RangeBuilder<'a> {
    pub fn new(
        work_domains: &'a [&'a str],
        coherence_titles: &'a [String],
        from: NaiveDate,
        to: NaiveDate,
    ) -> RangeBuilder<'a> {
        let first_monday = Week::of(from).monday;
        let n = ((Week::of(to).monday - first_monday).num_days() / 7 + 1).max(1) as usize;
        RangeBuilder {
            work_domains,
            coherence_titles,
            from,
            to,
            first_monday,
            domains: Vec::new(),
            weeks: vec![(0, 0); n],
            work: 0,
            rest: 0,
            break_minutes: 0,
            breaks: 0,
            breathing: 0,
            count: 0,
        }
    }

    /// Adds a session, split at midnight.
    pub fn add<Tz: TimeZone>(&mut self, s: &Session, now: DateTime<Utc>, tz: &Tz) {
        let coherent = s.kind == SessionKind::Breathing && is_coherence(s, self.coherence_titles);
        let mut counted = false;
        for p in pieces(s, now, tz) {
            counted |= self.add_piece(
                s.kind,
                &s.domain,
                coherent,
                p.date,
                p.minutes,
                p.start == s.started,
            );
        }
        self.count += u32::from(counted);
    }

    /// Adds an ended session known to lie within its day ([`within_its_day`]): what
    /// [`RangeBuilder::add`] would do, from borrowed fields. `coherent`: a finished breathing
    /// session of a coherence pattern.
    pub fn add_within_day(
        &mut self,
        kind: SessionKind,
        domain: &str,
        coherent: bool,
        date: NaiveDate,
        actual_s: i64,
    ) {
        let counted = self.add_piece(
            kind,
            domain,
            coherent,
            date,
            (actual_s.max(0) + 30) / 60,
            true,
        );
        self.count += u32::from(counted);
    }

    /// Whether a finished breathing session with this title counts towards the goal.
    pub fn is_coherence_title(&self, title: &str) -> bool {
        self.coherence_titles.iter().any(|t| t == title)
    }

    fn add_piece(
        &mut self,
        kind: SessionKind,
        domain: &str,
        coherent: bool,
        date: NaiveDate,
        minutes: i64,
        first: bool,
    ) -> bool {
        if date < self.from || date > self.to {
            return false;
        }
        match kind {
            SessionKind::Focus => {
                let w = ((date - self.first_monday).num_days() / 7) as usize;
                let n = self.weeks.len();
                let i = match self.domains.iter().position(|d| d.0 == domain) {
                    Some(i) => i,
                    None => {
                        self.domains.push((domain.to_string(), 0, vec![0; n]));
                        self.domains.len() - 1
                    }
                };
                self.domains[i].1 += minutes;
                self.domains[i].2[w] += minutes;
                if self.work_domains.contains(&domain) {
                    self.work += minutes;
                    self.weeks[w].0 += minutes;
                } else {
                    self.rest += minutes;
                    self.weeks[w].1 += minutes;
                }
            }
            SessionKind::Break => {
                self.break_minutes += minutes;
                self.breaks += u32::from(first);
            }
            SessionKind::Breathing => self.breathing += u32::from(first && coherent),
        }
        true
    }

    pub fn finish(self) -> RangeSummary {
        let totals = |f: &dyn Fn(&DomainTotals) -> i64| {
            sorted(self.domains.iter().map(|d| (d.0.as_str(), f(d))).collect())
        };
        RangeSummary {
            from: self.from,
            to: self.to,
            minutes_by_domain: totals(&|d| d.1),
            work_minutes: self.work,
            rest_minutes: self.rest,
            break_minutes: self.break_minutes,
            breaks: self.breaks,
            breathing_sessions: self.breathing,
            sessions: self.count,
            weeks: self
                .weeks
                .iter()
                .enumerate()
                .map(|(i, &(work_minutes, rest_minutes))| WeekTotals {
                    week: Week {
                        monday: self.first_monday + Duration::weeks(i as i64),
                    },
                    minutes_by_domain: totals(&|d| d.2[i]),
                    work_minutes,
                    rest_minutes,
                })
                .collect(),
        }
    }
}

/// Work minutes of each of `weeks` (for the sparkline of recent weeks).
pub fn weekly_work_minutes<Tz: TimeZone>(
    sessions: &[Session],
    work_domains: &[&str],
    weeks: &[Week],
    now: DateTime<Utc>,
    tz: &Tz,
) -> Vec<i64> {
    let mut out = vec![0; weeks.len()];
    for s in sessions
        .iter()
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

/// The work-hours flag for a week of `work_minutes`, if any.
pub fn work_hours_flag(work_minutes: i64, th: &Thresholds) -> Option<Flag> {
    let logged = hm(work_minutes);
    let (level, text, source) = if work_minutes >= th.work_strong_minutes {
        (
            Level::Strong,
            format!(
                "You logged {logged} of work. Large studies link regular 55 h+ weeks to higher \
                 heart and stroke risk (WHO/ILO)."
            ),
            SOURCE_WHO_ILO,
        )
    } else if work_minutes > th.work_notice_minutes {
        (
            Level::Notice,
            format!(
                "You logged {logged} of work. The EU Working Time Directive sets an average of \
                 at most 48 h a week, overtime included."
            ),
            SOURCE_EU_WEEK,
        )
    } else if work_minutes > th.work_info_minutes {
        (
            Level::Info,
            format!(
                "You logged {logged} of work, more than {}.",
                hm(th.work_info_minutes)
            ),
            SOURCE_WHO_ILO,
        )
    } else {
        return None;
    };
    Some(Flag {
        kind: FlagKind::WorkHours,
        level,
        text,
        source,
        days: Vec::new(),
    })
}

fn daily_rest_flag(days: &[NaiveDate], th: &Thresholds) -> Flag {
    let names: Vec<String> = days.iter().map(|d| d.format("%a").to_string()).collect();
    Flag {
        kind: FlagKind::DailyRest,
        level: Level::Notice,
        text: format!(
            "On {} you had under {} off between work sessions ({}).",
            count(days.len() as u32, "day", "days"),
            hm(th.daily_rest_minutes),
            names.join(", ")
        ),
        source: SOURCE_EU_REST,
        days: days.to_vec(),
    }
}

/// The minutes of `domain` in a `(domain, minutes)` list; 0 when it isn't there.
pub fn minutes_of(list: &[(String, i64)], domain: &str) -> i64 {
    list.iter().find(|(d, _)| d == domain).map_or(0, |x| x.1)
}

/// `7:05`, `38:20`, or `-` for nothing: compact cells for tables and bars.
pub fn hmm(minutes: i64) -> String {
    if minutes == 0 {
        "-".into()
    } else {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }
}

/// `2 h 40 min`, `57 h`, `45 min`.
pub fn hm(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn index_in(week: &Week, d: NaiveDate) -> usize {
    (d - week.monday).num_days().clamp(0, 6) as usize
}

/// Actual minutes of a session, rounded to the nearest minute.
fn minutes(s: &Session, now: DateTime<Utc>) -> i64 {
    (s.actual_s(now) + 30) / 60
}

/// When a session ended, or `now` while it runs.
fn end_of(s: &Session, now: DateTime<Utc>) -> DateTime<Utc> {
    match s.state {
        State::Ended { at, .. } => at.max(s.started),
        _ => now.max(s.started),
    }
}

fn is_coherence(s: &Session, titles: &[String]) -> bool {
    titles.contains(&s.title)
        && matches!(
            s.state,
            State::Ended {
                reason: EndReason::Finished,
                ..
            }
        )
}

fn sorted(map: BTreeMap<&str, i64>) -> Vec<(String, i64)> {
    let mut v: Vec<(String, i64)> = map
        .into_iter()
        .filter(|&(_, m)| m > 0)
        .map(|(d, m)| (d.to_string(), m))
        .collect();
    // Stable sort: ties stay in name order (from the BTreeMap).
    v.sort_by_key(|&(_, m)| std::cmp::Reverse(m));
    v
}

/// Work minutes of the longest block without a break, and the local date it started on.
/// Same rule as `session::focus_streak_s`: a break session or a gap of 15 min ends a block;
/// so does time in another life domain (a walk, family); breathing neither adds nor ends one.
fn longest_block(
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

type Span = (DateTime<Utc>, DateTime<Utc>);

/// The parts of `from..to` inside scheduled offline hours.
fn offline_within<Tz: TimeZone>(
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
fn merge(mut v: Vec<Span>) -> Vec<Span> {
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
fn overlap_s(a: &[Span], b: &[Span]) -> i64 {
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

fn offline_kept<Tz: TimeZone>(inputs: &Inputs, week: Week, tz: &Tz, work: &[Span]) -> Option<u8> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::offline::parse_rule;
    use chrono::{Offset, Weekday};
    use chrono_tz::{Europe::Paris, Tz};

    const WORK: &[&str] = &["work", "study"];

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A Paris wall time "YYYY-MM-DD HH:MM" as an instant.
    fn at(s: &str) -> DateTime<Utc> {
        at_in(&Paris, s)
    }

    fn at_in(tz: &Tz, s: &str) -> DateTime<Utc> {
        time::resolve(
            tz,
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
        )
    }

    /// An ended session from a local start "YYYY-MM-DD HH:MM" for `minutes` real minutes.
    fn ended(kind: SessionKind, domain: &str, start: &str, minutes: i64) -> Session {
        session(kind, domain, "x", start, minutes, EndReason::Finished)
    }

    fn work(start: &str, minutes: i64) -> Session {
        ended(SessionKind::Focus, "work", start, minutes)
    }

    fn session(
        kind: SessionKind,
        domain: &str,
        title: &str,
        start: &str,
        minutes: i64,
        reason: EndReason,
    ) -> Session {
        let t = at(start);
        let local = t.with_timezone(&Paris);
        let mut s = Session::start(
            title,
            domain,
            kind,
            None,
            minutes * 60,
            t,
            local.date_naive(),
            local.offset().fix().local_minus_utc(),
        );
        s.end(reason, t + Duration::minutes(minutes)).unwrap();
        s
    }

    struct Case {
        name: &'static str,
        sessions: Vec<Session>,
        schedule: OfflineSchedule,
        after_hours_ids: Vec<i64>,
        timeboxes: Vec<Timebox>,
        breathing_goal: u32,
    }

    impl Default for Case {
        fn default() -> Self {
            Case {
                name: "",
                sessions: Vec::new(),
                schedule: OfflineSchedule::none(),
                after_hours_ids: Vec::new(),
                timeboxes: Vec::new(),
                breathing_goal: 0,
            }
        }
    }

    /// Summarizes `week` on the Wednesday after it.
    fn run(case: &Case, week: Week) -> WeekSummary {
        let titles = vec!["Cardiac coherence (365)".to_string()];
        let inputs = Inputs {
            sessions: &case.sessions,
            timeboxes: &case.timeboxes,
            work_domains: WORK,
            schedule: &case.schedule,
            after_hours_ids: &case.after_hours_ids,
            offline_periods: &[],
            breathing_goal_per_day: case.breathing_goal,
            coherence_titles: &titles,
            now: at_in(&Paris, &format!("{} 12:00", week.next().days()[2])),
        };
        summarize(&inputs, week, &Paris)
    }

    fn nov() -> Week {
        Week::of(d("2026-11-25"))
    }

    fn kinds(s: &WeekSummary) -> Vec<(FlagKind, Level)> {
        s.flags.iter().map(|f| (f.kind, f.level)).collect()
    }

    fn flag(s: &WeekSummary, kind: FlagKind) -> &Flag {
        s.flags
            .iter()
            .find(|f| f.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} flag in {:#?}", s.flags))
    }

    fn standard_offline() -> OfflineSchedule {
        let r = |s: &str| parse_rule(s).unwrap();
        OfflineSchedule::from_parts(r("19:00-08:00"), r("none"), r("none"), Default::default())
    }

    #[test]
    fn iso_week_names_round_trip_across_year_edges() {
        for (date, name) in [
            ("2026-11-23", "2026-W48"),
            ("2026-01-01", "2026-W01"),
            ("2027-01-03", "2026-W53"),
            ("2020-12-31", "2020-W53"),
            ("2021-01-03", "2020-W53"),
            ("2024-12-30", "2025-W01"),
        ] {
            let w = Week::of(d(date));
            assert_eq!(w.to_string(), name, "{date}");
            assert_eq!(Week::parse(name), Ok(w));
        }
        assert_eq!(Week::parse("2026w7"), Ok(Week::of(d("2026-02-09"))));
        assert!(Week::parse("2025-W53").unwrap_err().contains("no week 53"));
        assert!(Week::parse("2026-47").unwrap_err().contains("YEAR-Wnn"));
        assert!(Week::parse("W47").is_err());
    }

    #[test]
    fn weeks() {
        // (any date, its Monday)
        for (date, monday) in [
            ("2026-11-25", "2026-11-23"),
            ("2026-11-23", "2026-11-23"),
            ("2026-11-29", "2026-11-23"),
            ("2027-01-01", "2026-12-28"), // ISO week 53 across the year change
            ("2026-10-25", "2026-10-19"), // the Paris fall-back Sunday
        ] {
            let w = Week::of(d(date));
            assert_eq!(w.monday, d(monday), "{date}");
            assert_eq!(w.days()[0].weekday(), Weekday::Mon);
            assert_eq!(w.days()[6], d(monday) + Duration::days(6));
            assert!(w.contains(d(date)));
            assert_eq!(w.prev().next(), w);
        }
        assert_eq!(Week::of(d("2026-11-25")).prev().monday, d("2026-11-16"));
    }

    #[test]
    fn empty_week_has_zeros_and_no_flags() {
        let s = run(&Case::default(), nov());
        assert_eq!(s.flags, vec![]);
        assert_eq!(
            (s.work_minutes, s.rest_minutes, s.after_hours_minutes),
            (0, 0, 0)
        );
        assert_eq!((s.break_minutes, s.breaks, s.short_rest_days), (0, 0, 0));
        assert_eq!(s.longest_block_without_break_minutes, 0);
        assert_eq!((s.breathing_sessions, s.breathing_goal), (0, 0));
        assert_eq!(s.offline_kept_percent, None);
        assert_eq!((s.planned_minutes, s.plan_adherence_percent), (0, None));
        assert_eq!((s.interruptions, s.weekend_weeks_of_4), (0, 0));
        // No work at all: the whole week was rest.
        assert_eq!(s.longest_rest_minutes, 7 * 24 * 60);
        // Nothing is NaN or divided by zero anywhere in the JSON.
        let json = serde_json::to_string(&s).unwrap();
        assert!(!json.contains("NaN"), "{json}");
        // With a goal and no practice, the progress is shown as a plain fact.
        let s = run(
            &Case {
                breathing_goal: 3,
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(s.breathing_goal, 21);
        assert_eq!(kinds(&s), vec![(FlagKind::Breathing, Level::Info)]);
        assert_eq!(s.flags[0].text, "0 of 21 coherence sessions this week.");
        assert!(s.minutes_by_domain.is_empty());
        assert_eq!(s.per_day[0].date, d("2026-11-23"));
        assert!(s.per_day.iter().all(|d| d.work_minutes == 0
            && d.first_work_start.is_none()
            && d.rest_before_minutes.is_none()));
        // With offline hours and no work, all of them were kept.
        let kept = run(
            &Case {
                schedule: standard_offline(),
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(kept.offline_kept_percent, Some(100));
        assert_eq!(kept.flags, vec![]);
    }

    #[test]
    fn work_hours_thresholds() {
        let th = Thresholds::default();
        // (work minutes, expected level)
        for (m, want) in [
            (0, None),
            (2400, None),
            (2401, Some(Level::Info)),
            (2880, Some(Level::Info)),
            (2881, Some(Level::Notice)),
            (3299, Some(Level::Notice)),
            (3300, Some(Level::Strong)),
            (3420, Some(Level::Strong)),
        ] {
            let f = work_hours_flag(m, &th);
            assert_eq!(f.as_ref().map(|f| f.level), want, "{m} min");
        }
        assert_eq!(
            work_hours_flag(2401, &th).unwrap().text,
            "You logged 40 h 1 min of work, more than 40 h."
        );
        assert_eq!(work_hours_flag(2881, &th).unwrap().source, SOURCE_EU_WEEK);
    }

    #[test]
    fn a_57_hour_week_is_a_strong_flag_with_the_who_ilo_source() {
        // Mon–Fri 08:00–19:54, 4 sessions with 10 min gaps (11 h 24 min of work a day):
        // 57 h, no weekend, 12 h 6 min rest between days.
        let mut sessions = Vec::new();
        for day in &nov().days()[..5] {
            for (start, mins) in [
                ("08:00", 171),
                ("11:01", 171),
                ("14:02", 171),
                ("17:03", 171),
            ] {
                sessions.push(work(&format!("{day} {start}"), mins));
            }
        }
        let s = run(
            &Case {
                sessions,
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(s.work_minutes, 57 * 60);
        let f = flag(&s, FlagKind::WorkHours);
        assert_eq!(f.level, Level::Strong);
        assert_eq!(f.source, SOURCE_WHO_ILO);
        assert_eq!(
            f.text,
            "You logged 57 h of work. Large studies link regular 55 h+ weeks to higher heart \
             and stroke risk (WHO/ILO)."
        );
        assert!(f.text.contains("WHO/ILO"));
        assert_eq!(s.short_rest_days, 0);
    }

    #[test]
    fn sessions_are_counted_on_their_local_dates_split_at_midnight() {
        // (name, sessions, per-day work minutes Mon..Sun, by domain, work, rest)
        type Want = ([i64; 7], &'static [(&'static str, i64)], i64, i64);
        let cases: Vec<(&str, Vec<Session>, Want)> = vec![
            (
                "split across domains",
                vec![
                    work("2026-11-23 09:00", 180),
                    ended(SessionKind::Focus, "study", "2026-11-24 09:00", 60),
                    ended(SessionKind::Focus, "personal", "2026-11-24 18:00", 120),
                    ended(SessionKind::Focus, "health", "2026-11-25 07:00", 30),
                ],
                (
                    [180, 60, 0, 0, 0, 0, 0],
                    &[
                        ("work", 180),
                        ("personal", 120),
                        ("study", 60),
                        ("health", 30),
                    ],
                    240,
                    150,
                ),
            ),
            (
                "crossing midnight splits there",
                vec![work("2026-11-24 23:00", 120)],
                ([0, 60, 60, 0, 0, 0, 0], &[("work", 120)], 120, 0),
            ),
            (
                "the day before the week and the next week are left out",
                vec![
                    work("2026-11-22 10:00", 60),
                    work("2026-11-30 10:00", 60),
                    work("2026-11-29 23:30", 60),
                    work("2026-11-22 23:45", 60),
                ],
                // Sunday keeps the 30 min before midnight, Monday gets 45 min from Sunday night.
                ([45, 0, 0, 0, 0, 0, 30], &[("work", 75)], 75, 0),
            ),
        ];
        for (name, sessions, (days, domains, w, r)) in cases {
            let s = run(
                &Case {
                    name,
                    sessions,
                    ..Case::default()
                },
                nov(),
            );
            let got: Vec<i64> = s.per_day.iter().map(|d| d.work_minutes).collect();
            assert_eq!(got, days, "{name}");
            let want: Vec<(String, i64)> =
                domains.iter().map(|(d, m)| (d.to_string(), *m)).collect();
            assert_eq!(s.minutes_by_domain, want, "{name}");
            assert_eq!((s.work_minutes, s.rest_minutes), (w, r), "{name}");
            let day_sum: i64 = s
                .per_day
                .iter()
                .flat_map(|d| d.minutes_by_domain.iter().map(|x| x.1))
                .sum();
            assert_eq!(day_sum, w + r, "{name}");
        }
        let s = run(
            &Case {
                sessions: vec![work("2026-11-24 23:00", 120)],
                ..Case::default()
            },
            nov(),
        );
        let tue = &s.per_day[1];
        assert_eq!(
            tue.first_work_start.unwrap().to_string(),
            "2026-11-24 23:00:00"
        );
        assert_eq!(
            tue.last_work_end.unwrap().to_string(),
            "2026-11-25 00:00:00"
        );
        let wed = &s.per_day[2];
        assert_eq!(
            (
                wed.first_work_start.unwrap().to_string(),
                wed.last_work_end.unwrap().to_string()
            ),
            ("2026-11-25 00:00:00".into(), "2026-11-25 01:00:00".into())
        );
        // Nor does a session past midnight make the next day's rest look short: the rest
        // before Wednesday's 08:00 session counts from 01:00.
        let s = run(
            &Case {
                sessions: vec![work("2026-11-24 23:00", 120), work("2026-11-25 08:00", 60)],
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(s.per_day[2].rest_before_minutes, Some(7 * 60));
        assert_eq!(s.short_rest_days, 1);
    }

    #[test]
    fn flags_by_case() {
        let coherent = |start: &str, reason| {
            session(
                SessionKind::Breathing,
                "health",
                "Cardiac coherence (365)",
                start,
                5,
                reason,
            )
        };
        let mut breathing: Vec<Session> = (0..12)
            .map(|i| {
                coherent(
                    &format!(
                        "2026-11-{} {}",
                        23 + i / 3,
                        ["08:30", "12:00", "17:00"][i % 3]
                    ),
                    EndReason::Finished,
                )
            })
            .collect();
        breathing.push(coherent("2026-11-28 08:30", EndReason::Stopped));
        breathing.push(session(
            SessionKind::Breathing,
            "health",
            "Box breathing",
            "2026-11-28 09:00",
            5,
            EndReason::Finished,
        ));
        let mut confirmed = work("2026-11-26 10:00", 30);
        confirmed.id = 7;

        // (case, expected flags, (after-hours min, weekend min, weekend days, longest block,
        //  short rest days, breaks, breathing))
        type Nums = (i64, i64, u32, i64, u32, u32, u32);
        type Flags = Vec<(FlagKind, Level)>;
        let cases: Vec<(Case, Flags, Nums)> = vec![
            (
                Case {
                    name: "both weekend days",
                    sessions: vec![work("2026-11-28 10:00", 60), work("2026-11-29 10:00", 30)],
                    ..Case::default()
                },
                vec![(FlagKind::WeekendWork, Level::Notice)],
                (0, 90, 2, 60, 0, 0, 0),
            ),
            (
                Case {
                    name: "one weekend day",
                    sessions: vec![work("2026-11-28 10:00", 60)],
                    ..Case::default()
                },
                vec![],
                (0, 60, 1, 60, 0, 0, 0),
            ),
            (
                Case {
                    name: "19:30 work with 19:00-08:00 offline; 18:30 spills 30 min in",
                    sessions: vec![
                        work("2026-11-24 19:30", 60),
                        work("2026-11-25 18:30", 60),
                        // Not work: not after-hours work.
                        ended(SessionKind::Focus, "personal", "2026-11-24 21:00", 60),
                        work("2026-11-26 09:00", 60),
                    ],
                    schedule: standard_offline(),
                    ..Case::default()
                },
                vec![(FlagKind::OfflineHours, Level::Notice)],
                (90, 0, 0, 60, 0, 0, 0),
            ),
            (
                Case {
                    name: "recorded as after-hours",
                    sessions: vec![confirmed],
                    after_hours_ids: vec![7],
                    ..Case::default()
                },
                vec![(FlagKind::OfflineHours, Level::Notice)],
                (30, 0, 0, 30, 0, 0, 0),
            ),
            (
                Case {
                    name: "a break resets the block; a 14 min gap does not",
                    sessions: vec![
                        work("2026-11-23 09:00", 50),
                        work("2026-11-23 10:04", 50), // 14 min gap: same block (100 min)
                        ended(SessionKind::Break, "work", "2026-11-23 10:54", 10),
                        work("2026-11-23 11:04", 80),
                    ],
                    ..Case::default()
                },
                vec![(FlagKind::LongBlock, Level::Info)],
                (0, 0, 0, 100, 0, 1, 0),
            ),
            (
                Case {
                    name: "a long walk is not a work block, and ends one",
                    sessions: vec![
                        work("2026-11-23 09:00", 60),
                        ended(SessionKind::Focus, "personal", "2026-11-23 10:00", 150),
                        work("2026-11-23 12:30", 60),
                    ],
                    ..Case::default()
                },
                vec![],
                (0, 0, 0, 60, 0, 0, 0),
            ),
            (
                Case {
                    name: "a 15 min gap ends a block; 90 min is not flagged",
                    sessions: vec![work("2026-11-23 09:00", 90), work("2026-11-23 10:45", 90)],
                    ..Case::default()
                },
                vec![],
                (0, 0, 0, 90, 0, 0, 0),
            ),
            (
                Case {
                    name: "work until 23:00, start 07:00; exactly 11 h is enough",
                    sessions: vec![
                        work("2026-11-23 20:00", 180),
                        work("2026-11-24 07:00", 60),
                        work("2026-11-24 10:00", 60), // ends 11:00
                        work("2026-11-24 20:00", 60), // ends 21:00 → Wed 08:00 is 11 h
                        work("2026-11-25 08:00", 60),
                    ],
                    ..Case::default()
                },
                vec![
                    (FlagKind::DailyRest, Level::Notice),
                    (FlagKind::LongBlock, Level::Info),
                ],
                (0, 0, 0, 180, 1, 0, 0),
            ),
            (
                Case {
                    name: "rest from the day before the week",
                    sessions: vec![work("2026-11-22 20:00", 120), work("2026-11-23 08:59", 60)],
                    ..Case::default()
                },
                vec![(FlagKind::DailyRest, Level::Notice)],
                (0, 0, 0, 60, 1, 0, 0),
            ),
            (
                Case {
                    name: "breathing progress",
                    sessions: breathing,
                    breathing_goal: 3,
                    ..Case::default()
                },
                vec![(FlagKind::Breathing, Level::Info)],
                (0, 0, 0, 0, 0, 0, 12),
            ),
        ];
        for (case, want_flags, want) in cases {
            let s = run(&case, nov());
            let name = case.name;
            assert_eq!(kinds(&s), want_flags, "{name}: {:#?}", s.flags);
            let got: Nums = (
                s.after_hours_minutes,
                s.weekend_work_minutes,
                s.weekend_days_worked,
                s.longest_block_without_break_minutes,
                s.short_rest_days,
                s.breaks,
                s.breathing_sessions,
            );
            assert_eq!(got, want, "{name}");
            for f in &s.flags {
                assert!(!f.source.is_empty(), "{name}");
                for word in ["burnout", "diagnos", "danger", "warning", "must"] {
                    assert!(!f.text.to_lowercase().contains(word), "{name}: {}", f.text);
                }
            }
        }
    }

    #[test]
    fn flag_wording() {
        let s = run(
            &Case {
                sessions: vec![
                    work("2026-11-23 20:00", 180),
                    work("2026-11-24 07:00", 160),
                    work("2026-11-28 10:00", 60),
                    work("2026-11-29 10:00", 60),
                ],
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(
            flag(&s, FlagKind::DailyRest).text,
            "On 1 day you had under 11 h off between work sessions (Tue)."
        );
        assert_eq!(flag(&s, FlagKind::DailyRest).days, vec![d("2026-11-24")]);
        assert_eq!(s.per_day[1].rest_before_minutes, Some(8 * 60));
        assert_eq!(
            flag(&s, FlagKind::WeekendWork).text,
            "You worked both weekend days. Working most weekends is linked to poorer mood in a \
             large UK study."
        );
        let block = flag(&s, FlagKind::LongBlock);
        assert!(
            block
                .text
                .starts_with("Your longest block without a break was 3 h."),
            "{}",
            block.text
        );
        assert!(block.text.contains("rule of thumb"));
        assert_eq!(block.days, vec![d("2026-11-23")]);

        let s = run(
            &Case {
                sessions: vec![work("2026-11-24 19:30", 60), work("2026-11-25 19:30", 70)],
                schedule: standard_offline(),
                ..Case::default()
            },
            nov(),
        );
        let f = flag(&s, FlagKind::OfflineHours);
        assert_eq!(
            f.text,
            "2 work sessions happened during your offline hours (2 h 10 min)."
        );
        assert_eq!(f.days, vec![d("2026-11-24"), d("2026-11-25")]);
        // Offline time of the week: Mon 00:00–08:00, then 19:00–08:00 five nights (to Sat
        // 08:00) = 73 h; 130 min of it was work.
        assert_eq!(
            s.offline_kept_percent,
            Some(((73 * 60 - 130) * 100 / (73 * 60)) as u8)
        );
    }

    #[test]
    fn breathing_wording() {
        let titles = vec!["Cardiac coherence (365)".to_string()];
        let sessions: Vec<Session> = (0..12)
            .map(|i| {
                session(
                    SessionKind::Breathing,
                    "health",
                    "Cardiac coherence (365)",
                    &format!("2026-11-2{} 0{}:00", 3 + i / 4, 6 + i % 4),
                    5,
                    EndReason::Finished,
                )
            })
            .collect();
        for (goal, want) in [
            (3, Some("12 of 21 coherence sessions this week.")),
            (1, None), // 12 of 7: goal met
            (0, None), // no goal
        ] {
            let s = summarize(
                &Inputs {
                    sessions: &sessions,
                    timeboxes: &[],
                    work_domains: WORK,
                    schedule: &OfflineSchedule::none(),
                    after_hours_ids: &[],
                    offline_periods: &[],
                    breathing_goal_per_day: goal,
                    coherence_titles: &titles,
                    now: at("2026-12-01 12:00"),
                },
                nov(),
                &Paris,
            );
            let f = s.flags.iter().find(|f| f.kind == FlagKind::Breathing);
            assert_eq!(
                f.map(|f| (f.level, f.text.as_str())),
                want.map(|w| (Level::Info, w))
            );
            assert_eq!(s.breathing_sessions, 12);
        }
    }

    #[test]
    fn dst_weeks_count_real_minutes() {
        // (week of, session start, local wall minutes 01:30–03:30, real minutes, day index)
        // 2026-10-25 is the Paris fall-back Sunday (a 25 h day), 2026-03-29 spring forward.
        for (start, end_wall, want, idx) in [
            ("2026-10-25 01:30", "2026-10-25 03:30", 180, 6),
            ("2026-03-29 01:30", "2026-03-29 03:30", 60, 6),
        ] {
            let (a, b) = (at(start), at(end_wall));
            let local = a.with_timezone(&Paris);
            let mut s = Session::start(
                "Deploy",
                "work",
                SessionKind::Focus,
                None,
                (b - a).num_seconds(),
                a,
                local.date_naive(),
                local.offset().fix().local_minus_utc(),
            );
            s.end(EndReason::Finished, b).unwrap();
            let week = Week::of(local.date_naive());
            let sum = run(
                &Case {
                    sessions: vec![s],
                    ..Case::default()
                },
                week,
            );
            assert_eq!(sum.per_day[idx].work_minutes, want, "{start}");
            assert_eq!(sum.work_minutes, want, "{start}");
            assert_eq!(
                sum.per_day[idx].last_work_end.unwrap().to_string(),
                format!("{end_wall}:00"),
                "{start}"
            );
        }
        // The fall-back day is in the week of Monday 2026-10-19, not 2026-10-26.
        assert!(Week::of(d("2026-10-19")).contains(d("2026-10-25")));
        assert!(!Week::of(d("2026-10-26")).contains(d("2026-10-25")));
    }

    #[test]
    fn a_night_session_across_the_fall_back_splits_at_midnight_with_real_minutes() {
        // Saturday 2026-10-24 23:30 (UTC+2) for 4 real hours: it ends Sunday 02:30 (UTC+1)
        // after the clocks went back. 30 minutes are Saturday's, 210 Sunday's (a 25 h day).
        let s = work("2026-10-24 23:30", 240);
        let week = Week::of(d("2026-10-24"));
        let sum = run(
            &Case {
                sessions: vec![s],
                ..Case::default()
            },
            week,
        );
        let per: Vec<i64> = sum.per_day.iter().map(|d| d.work_minutes).collect();
        assert_eq!(per, [0, 0, 0, 0, 0, 30, 210]);
        assert_eq!(sum.work_minutes, 240);
        assert_eq!(
            sum.per_day[6].last_work_end.unwrap().to_string(),
            "2026-10-25 02:30:00"
        );
        // And the spring-forward night: 23:00 Saturday 2026-03-28 for 3 real hours ends at
        // 03:00 Sunday (02:00 does not exist): 60 + 120.
        let s = work("2026-03-28 23:00", 180);
        let sum = run(
            &Case {
                sessions: vec![s],
                ..Case::default()
            },
            Week::of(d("2026-03-28")),
        );
        let per: Vec<i64> = sum.per_day.iter().map(|d| d.work_minutes).collect();
        assert_eq!(per, [0, 0, 0, 0, 0, 60, 120]);
        assert_eq!(
            sum.per_day[6].last_work_end.unwrap().to_string(),
            "2026-03-29 03:00:00"
        );
    }

    #[test]
    fn offline_kept_counts_until_now_and_recorded_periods() {
        let sessions = vec![work("2026-11-23 20:00", 60)];
        let schedule = standard_offline();
        let titles: Vec<String> = Vec::new();
        // (now, recorded periods, kept %)
        let manual = [(at("2026-11-23 12:00"), Some(at("2026-11-23 13:00")))];
        let open = [(at("2026-11-23 12:00"), None)];
        type Periods<'a> = &'a [(DateTime<Utc>, Option<DateTime<Utc>>)];
        let cases: [(&str, Periods, Option<u8>); 5] = [
            ("2026-11-23 07:00", &[], Some(100)), // 7 h of offline so far, no work in it
            ("2026-11-23 21:00", &[], Some(90)),  // 8 h + 2 h; 1 h of work
            ("2026-11-23 21:00", &manual, Some(90)), // 11 h offline, 1 h work: 90.9 → 90
            ("2026-11-23 21:00", &open, Some(94)), // 00:00–08:00 + 12:00–21:00 = 17 h, 1 h work
            ("2026-11-22 21:00", &[], None),      // before the week
        ];
        for (now, periods, want) in cases {
            let s = summarize(
                &Inputs {
                    sessions: &sessions,
                    timeboxes: &[],
                    work_domains: WORK,
                    schedule: &schedule,
                    after_hours_ids: &[],
                    offline_periods: periods,
                    breathing_goal_per_day: 0,
                    coherence_titles: &titles,
                    now: at(now),
                },
                nov(),
                &Paris,
            );
            assert_eq!(s.offline_kept_percent, want, "{now} {periods:?}");
        }
    }

    /// Work sessions of `minutes` each on Mon–Fri starting 08:00, `per_day` of them, 15 min
    /// apart, so the week has `5 * per_day * minutes` work minutes and nothing else flagged.
    fn weekdays_of_work(total_minutes: i64) -> Vec<Session> {
        // Spread over 5 days in 60-minute sessions with 20-minute gaps (so no long block).
        let mut out = Vec::new();
        let mut left = total_minutes;
        for day in &nov().days()[..5] {
            let mut t = 7 * 60;
            for _ in 0..12 {
                if left == 0 {
                    break;
                }
                let m = left.min(60);
                out.push(work(&format!("{day} {:02}:{:02}", t / 60, t % 60), m));
                left -= m;
                t += 80;
            }
        }
        assert_eq!(left, 0, "fits in a week");
        out
    }

    #[test]
    fn every_flag_at_its_threshold_plus_and_minus_one_minute() {
        // (name, sessions, flag kind, expected present)
        let rest_at = |rest: i64| {
            // Monday work ends 20:00; Tuesday starts `rest` minutes later.
            let start = at("2026-11-23 20:00") + Duration::minutes(rest);
            let local = start
                .with_timezone(&Paris)
                .format("%Y-%m-%d %H:%M")
                .to_string();
            vec![work("2026-11-23 19:00", 60), work(&local, 30)]
        };
        // Two sessions 5 min apart: one block of `m` minutes.
        let block = |m: i64| {
            let second = format!("2026-11-24 {}", hhmm_of(9 * 60 + m - 30 + 5));
            vec![work("2026-11-24 09:00", m - 30), work(&second, 30)]
        };
        // Weekly rest: work every day so the longest rest is the gap from Wednesday 10:00.
        let weekly = |rest: i64| {
            let mut v = vec![work("2026-11-23 09:00", 60), work("2026-11-24 09:00", 60)];
            v.push(work("2026-11-25 09:00", 60)); // ends 10:00
            let back = at("2026-11-25 10:00") + Duration::minutes(rest);
            let local = back
                .with_timezone(&Paris)
                .format("%Y-%m-%d %H:%M")
                .to_string();
            v.push(work(&local, 60));
            // Then every 20 h at most until Sunday night.
            let mut t = back + Duration::minutes(60);
            while t < at("2026-11-29 22:00") {
                t += Duration::hours(20);
                let l = t.min(at("2026-11-29 22:00"));
                v.push(work(
                    &l.with_timezone(&Paris).format("%Y-%m-%d %H:%M").to_string(),
                    60,
                ));
            }
            v
        };
        let weekends = |weeks: usize| {
            // Saturday work in `weeks` of the 4 weeks ending with nov().
            (0..weeks)
                .map(|i| {
                    work(
                        &format!("{} 10:00", nov().days()[5] - Duration::days(7 * i as i64)),
                        30,
                    )
                })
                .collect::<Vec<_>>()
        };
        let coherent = |n: usize| {
            (0..n)
                .map(|i| {
                    session(
                        SessionKind::Breathing,
                        "health",
                        "Cardiac coherence (365)",
                        &format!(
                            "{} {}",
                            nov().days()[i / 3],
                            ["08:30", "12:00", "17:00"][i % 3]
                        ),
                        5,
                        EndReason::Finished,
                    )
                })
                .collect::<Vec<_>>()
        };
        let cases: Vec<(&str, Vec<Session>, FlagKind, bool, u32)> = vec![
            (
                "40 h",
                weekdays_of_work(2400),
                FlagKind::WorkHours,
                false,
                0,
            ),
            (
                "40 h 1 min",
                weekdays_of_work(2401),
                FlagKind::WorkHours,
                true,
                0,
            ),
            ("rest 10 h 59", rest_at(659), FlagKind::DailyRest, true, 0),
            ("rest 11 h", rest_at(660), FlagKind::DailyRest, false, 0),
            ("block 90", block(90), FlagKind::LongBlock, false, 0),
            ("block 91", block(91), FlagKind::LongBlock, true, 0),
            (
                "weekly rest 34 h 59",
                weekly(2099),
                FlagKind::WeeklyRest,
                true,
                0,
            ),
            (
                "weekly rest 35 h",
                weekly(2100),
                FlagKind::WeeklyRest,
                false,
                0,
            ),
            (
                "weekends 2 of 4",
                weekends(2),
                FlagKind::WeekendWeeks,
                false,
                0,
            ),
            (
                "weekends 3 of 4",
                weekends(3),
                FlagKind::WeekendWeeks,
                true,
                0,
            ),
            (
                "breathing 20 of 21",
                coherent(20),
                FlagKind::Breathing,
                true,
                3,
            ),
            (
                "breathing 21 of 21",
                coherent(21),
                FlagKind::Breathing,
                false,
                3,
            ),
        ];
        for (name, sessions, kind, present, goal) in cases {
            let s = run(
                &Case {
                    name,
                    sessions,
                    breathing_goal: goal,
                    ..Case::default()
                },
                nov(),
            );
            let has = s.flags.iter().any(|f| f.kind == kind);
            assert_eq!(has, present, "{name}: {:#?}", s.flags);
            if present {
                let f = flag(&s, kind);
                assert!(!f.source.is_empty() && !f.text.is_empty(), "{name}");
            }
        }
        // Offline hours: one minute inside 19:00–08:00 is enough, none is not.
        for (start, present) in [("2026-11-24 18:00", false), ("2026-11-24 18:01", true)] {
            let s = run(
                &Case {
                    sessions: vec![work(start, 60)],
                    schedule: standard_offline(),
                    ..Case::default()
                },
                nov(),
            );
            let has = s.flags.iter().any(|f| f.kind == FlagKind::OfflineHours);
            assert_eq!(has, present, "{start}");
        }
        // Weekly rest is only judged once the week is over.
        let case = Case {
            sessions: weekly(600),
            ..Case::default()
        };
        let inputs = |now| Inputs {
            sessions: &case.sessions,
            timeboxes: &[],
            work_domains: WORK,
            schedule: &case.schedule,
            after_hours_ids: &[],
            offline_periods: &[],
            breathing_goal_per_day: 0,
            coherence_titles: &[],
            now,
        };
        let during = summarize(&inputs(at("2026-11-29 23:30")), nov(), &Paris);
        assert!(!during.flags.iter().any(|f| f.kind == FlagKind::WeeklyRest));
        let after = summarize(&inputs(at("2026-11-30 00:00")), nov(), &Paris);
        assert!(after.flags.iter().any(|f| f.kind == FlagKind::WeeklyRest));
    }

    fn hhmm_of(min: i64) -> String {
        format!("{:02}:{:02}", min / 60, min % 60)
    }

    #[test]
    fn iso_week_edges_and_the_year_change() {
        // 2026-W53 runs from Monday 2026-12-28 to Sunday 2027-01-03.
        let w53 = Week::parse("2026-W53").unwrap();
        assert_eq!(w53.monday, d("2026-12-28"));
        let sessions = vec![
            work("2026-12-27 10:00", 60), // Sunday of W52
            work("2026-12-31 23:30", 60), // New Year's Eve into 2027
            work("2027-01-03 10:00", 30), // Sunday of W53
            work("2027-01-04 10:00", 60), // 2027-W01
        ];
        let s = run(
            &Case {
                sessions: sessions.clone(),
                ..Case::default()
            },
            w53,
        );
        let per: Vec<i64> = s.per_day.iter().map(|d| d.work_minutes).collect();
        assert_eq!(per, [0, 0, 0, 30, 30, 0, 30]);
        assert_eq!(s.work_minutes, 90);
        let w1 = w53.next();
        assert_eq!(w1.to_string(), "2027-W01");
        let s = run(
            &Case {
                sessions,
                ..Case::default()
            },
            w1,
        );
        assert_eq!(s.work_minutes, 60);
        assert_eq!(s.per_day[0].work_minutes, 60);
    }

    #[test]
    fn pieces_split_at_the_recorded_midnight_and_add_up() {
        // 22:00 to 02:30 with 30 min paused: 240 actual minutes over 270 wall minutes.
        let mut s = work("2026-11-24 22:00", 270);
        s.paused_s = 30 * 60;
        let ps = pieces(&s, at("2026-12-01 00:00"), &Paris);
        let got: Vec<(NaiveDate, i64)> = ps.iter().map(|p| (p.date, p.minutes)).collect();
        // 120/270 and 150/270 of 240 minutes: 106.7 → 107 and 133.
        assert_eq!(got, vec![(d("2026-11-24"), 107), (d("2026-11-25"), 133)]);
        assert_eq!(ps[0].end, at("2026-11-25 00:00"));
        // Recorded in Tokyo (UTC+9) at 23:00 local: it stays on the Tokyo dates, whatever
        // zone the summary is read in.
        let start = at_in(&chrono_tz::Asia::Tokyo, "2026-11-24 23:00");
        let mut t = Session::start(
            "Call",
            "work",
            SessionKind::Focus,
            None,
            7200,
            start,
            d("2026-11-24"),
            9 * 3600,
        );
        t.end(EndReason::Finished, start + Duration::hours(2))
            .unwrap();
        let got: Vec<(NaiveDate, i64)> = pieces(&t, start + Duration::hours(3), &Paris)
            .iter()
            .map(|p| (p.date, p.minutes))
            .collect();
        assert_eq!(got, vec![(d("2026-11-24"), 60), (d("2026-11-25"), 60)]);
        let sum = run(
            &Case {
                sessions: vec![t],
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(
            (sum.per_day[1].work_minutes, sum.per_day[2].work_minutes),
            (60, 60)
        );
        // A running session counts until now.
        let mut r = work("2026-11-24 23:50", 60);
        r.state = State::Running {
            deadline: at("2026-11-25 00:50"),
        };
        let got: Vec<i64> = pieces(&r, at("2026-11-25 00:20"), &Paris)
            .iter()
            .map(|p| p.minutes)
            .collect();
        assert_eq!(got, vec![10, 20]);
    }

    #[test]
    fn review_findings_week_edges_dst_and_flag_days() {
        // A 26 h session from Saturday 23:00 (UTC+2) across the fall-back: Sunday has 25 h,
        // so it is Sat 60, Sun 1500 and nothing on Monday (the next ISO week).
        let long = work("2026-10-24 23:00", 26 * 60);
        let got: Vec<(NaiveDate, i64)> = pieces(&long, at("2026-11-01 00:00"), &Paris)
            .iter()
            .map(|p| (p.date, p.minutes))
            .collect();
        assert_eq!(got, vec![(d("2026-10-24"), 60), (d("2026-10-25"), 1500)]);
        // A rest lying wholly before Monday does not stand for the week's weekly rest:
        // Friday 18:00 to Sunday 22:00 off, then work 09:00-19:00 every day of the week.
        let mut v = vec![work("2026-11-13 08:00", 600), work("2026-11-15 22:00", 180)];
        for day in nov().prev().days() {
            v.push(work(&format!("{day} 09:00"), 600));
        }
        let s = run(
            &Case {
                sessions: v,
                ..Case::default()
            },
            nov().prev(),
        );
        assert_eq!(s.longest_rest_minutes, 14 * 60);
        assert!(s.flags.iter().any(|f| f.kind == FlagKind::WeeklyRest));
        assert_eq!(flag(&s, FlagKind::WeeklyRest).days.len(), 7);
        // A block that starts on the Sunday before counts only its part inside the week,
        // on the week's first day.
        let s = run(
            &Case {
                sessions: vec![work("2026-11-22 22:00", 240)],
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(s.longest_block_without_break_minutes, 120);
        assert_eq!(flag(&s, FlagKind::LongBlock).days, vec![d("2026-11-23")]);
        // Offline-hours days are sorted and unique, whatever zone the sessions came from.
        let tokyo = |local: &str| {
            let start = at_in(&chrono_tz::Asia::Tokyo, local);
            let date = NaiveDate::parse_from_str(&local[..10], "%Y-%m-%d").unwrap();
            let mut t = Session::start(
                "Call",
                "work",
                SessionKind::Focus,
                None,
                1800,
                start,
                date,
                9 * 3600,
            );
            t.end(EndReason::Finished, start + Duration::minutes(30))
                .unwrap();
            t
        };
        let s = run(
            &Case {
                sessions: vec![
                    work("2026-11-24 20:00", 30),
                    tokyo("2026-11-25 03:00"),
                    tokyo("2026-11-26 04:00"),
                    work("2026-11-25 21:00", 30),
                ],
                after_hours_ids: vec![0],
                ..Case::default()
            },
            nov(),
        );
        let days = &flag(&s, FlagKind::OfflineHours).days;
        let mut sorted = days.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(days, &sorted);
        // Work-hours flags name the days worked.
        let s = run(
            &Case {
                sessions: weekdays_of_work(2401),
                ..Case::default()
            },
            nov(),
        );
        // (60-minute sessions, twelve a day: four days of work.)
        assert_eq!(
            flag(&s, FlagKind::WorkHours).days,
            nov().days()[..4].to_vec()
        );
    }

    #[test]
    fn plan_adherence_counts_focus_on_planned_boxes_up_to_their_length() {
        let tb = |id, date: &str, start: u16, end: u16, kind| Timebox {
            id,
            date: d(date),
            start,
            end,
            title: "x".into(),
            domain: "work".into(),
            kind,
            done: false,
        };
        let on = |id, start: &str, m| {
            let mut s = work(start, m);
            s.timebox_id = Some(id);
            s
        };
        let case = Case {
            timeboxes: vec![
                tb(1, "2026-11-23", 540, 600, Kind::Focus), // 60 planned, 90 spent → 60
                tb(2, "2026-11-24", 540, 570, Kind::Focus), // 30 planned, 15 spent
                tb(3, "2026-11-24", 600, 630, Kind::Break), // breaks are not planned focus
                tb(4, "2026-11-25", 540, 570, Kind::Focus), // 30 planned, nothing
                tb(5, "2026-11-30", 540, 600, Kind::Focus), // next week
            ],
            sessions: vec![
                on(1, "2026-11-23 09:00", 90),
                on(2, "2026-11-24 09:00", 15),
                work("2026-11-24 12:00", 60), // unplanned
            ],
            ..Case::default()
        };
        let s = run(&case, nov());
        assert_eq!((s.planned_minutes, s.planned_done_minutes), (120, 75));
        assert_eq!(s.plan_adherence_percent, Some(62));
        assert_eq!(s.work_minutes, 165);
    }

    #[test]
    fn interruptions_and_weekend_weeks_are_counted() {
        let mut a = work("2026-11-23 09:00", 30);
        a.interruptions = 2;
        let mut b = work("2026-11-22 09:00", 30); // the week before: not counted
        b.interruptions = 5;
        let s = run(
            &Case {
                sessions: vec![
                    a,
                    b,
                    work("2026-11-15 10:00", 30),
                    work("2026-11-29 10:00", 30),
                ],
                ..Case::default()
            },
            nov(),
        );
        assert_eq!(s.interruptions, 2);
        // Sundays 11-15, 11-22 and 11-29: three of the four weeks ending 11-29.
        assert_eq!(s.weekend_weeks_of_4, 3);
        assert_eq!(kinds(&s), vec![(FlagKind::WeekendWeeks, Level::Notice)]);
        assert_eq!(
            flag(&s, FlagKind::WeekendWeeks).text,
            "You worked at the weekend in 3 of the last 4 weeks. Working most weekends is \
             linked to poorer mood in a large UK study."
        );
    }

    #[test]
    fn range_totals_by_domain_and_week() {
        let sessions = vec![
            work("2026-11-16 09:00", 60),
            ended(SessionKind::Focus, "family", "2026-11-22 23:00", 120), // Sun → Mon
            work("2026-11-25 09:00", 45),
            ended(SessionKind::Break, "work", "2026-11-25 10:00", 10),
            work("2026-12-01 09:00", 60), // after the range
        ];
        let r = summarize_range(
            &sessions,
            WORK,
            &[],
            d("2026-11-16"),
            d("2026-11-29"),
            at("2026-12-02 00:00"),
            &Paris,
        );
        assert_eq!((r.work_minutes, r.rest_minutes), (105, 120));
        assert_eq!(
            r.minutes_by_domain,
            vec![("family".to_string(), 120), ("work".to_string(), 105)]
        );
        assert_eq!((r.breaks, r.break_minutes, r.sessions), (1, 10, 4));
        let weeks: Vec<(String, i64, i64)> = r
            .weeks
            .iter()
            .map(|w| (w.week.to_string(), w.work_minutes, w.rest_minutes))
            .collect();
        assert_eq!(
            weeks,
            vec![("2026-W47".into(), 60, 60), ("2026-W48".into(), 45, 60)]
        );
        // An empty range still lists its weeks, all zero.
        let e = summarize_range(
            &[],
            WORK,
            &[],
            d("2026-11-16"),
            d("2026-11-16"),
            at("2026-12-02 00:00"),
            &Paris,
        );
        assert_eq!(e.weeks.len(), 1);
        assert_eq!((e.work_minutes, e.sessions), (0, 0));
        assert_eq!(
            weekly_work_minutes(
                &sessions,
                WORK,
                &[nov().prev(), nov()],
                at("2026-12-02 00:00"),
                &Paris
            ),
            vec![60, 45]
        );
    }

    proptest::proptest! {
        /// The per-day, per-domain minutes add up to the minutes of the sessions falling in
        /// the week, and a session's minutes are never lost or doubled across two weeks.
        #[test]
        fn day_domain_minutes_add_up(
            raw in proptest::collection::vec(
                (0i64..(16 * 24 * 60), 1i64..(12 * 60), 0usize..4, 0i64..30, proptest::bool::ANY),
                0..40,
            )
        ) {
            let domains = ["work", "personal", "family", "study"];
            let base = at("2026-11-16 00:00");
            let sessions: Vec<Session> = raw
                .iter()
                .map(|&(off, len, dom, paused, is_break)| {
                    let start = base + Duration::minutes(off);
                    let local = start.with_timezone(&Paris);
                    let kind = if is_break { SessionKind::Break } else { SessionKind::Focus };
                    let mut s = Session::start(
                        "x", domains[dom], kind, None, len * 60, start, local.date_naive(),
                        local.offset().fix().local_minus_utc(),
                    );
                    s.paused_s = paused.min(len) * 60;
                    s.end(EndReason::Finished, start + Duration::minutes(len)).unwrap();
                    s
                })
                .collect();
            let now = at("2026-12-10 00:00");
            let weeks = [nov().prev(), nov()];
            let mut total_days = 0;
            for week in weeks {
                let case = Case { sessions: sessions.clone(), ..Case::default() };
                let s = run(&case, week);
                let by_day: i64 = s.per_day.iter()
                    .flat_map(|d| d.minutes_by_domain.iter().map(|x| x.1)).sum();
                let falling: i64 = sessions.iter()
                    .filter(|x| x.kind == SessionKind::Focus)
                    .flat_map(|x| pieces(x, now, &Paris))
                    .filter(|p| week.contains(p.date))
                    .map(|p| p.minutes)
                    .sum();
                proptest::prop_assert_eq!(by_day, falling);
                proptest::prop_assert_eq!(by_day, s.work_minutes + s.rest_minutes);
                let by_domain: i64 = s.minutes_by_domain.iter().map(|x| x.1).sum();
                proptest::prop_assert_eq!(by_domain, by_day);
                total_days += by_day;
            }
            // Every focus session starts in the two weeks; those ending after them lose only
            // the part past Sunday midnight.
            let end = at("2026-11-30 00:00");
            let whole: i64 = sessions.iter()
                .filter(|x| x.kind == SessionKind::Focus)
                .map(|x| {
                    let e = end_of(x, now);
                    if e <= end { minutes(x, now) } else {
                        pieces(x, now, &Paris).iter().filter(|p| p.date < d("2026-11-30")).map(|p| p.minutes).sum()
                    }
                })
                .sum();
            proptest::prop_assert_eq!(total_days, whole);
        }
    }
}
