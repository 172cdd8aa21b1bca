//! Flags: facts about the week with their source, in neutral words, and the thresholds that
//! raise them (`shared/wellbeing.md`, "Weekly balance flags"). Never a diagnosis.

use chrono::NaiveDate;
use serde::Serialize;

use super::hm;
use super::week::{DaySummary, WeekSummary};

/// WHO/ILO estimate of deaths from long working hours [S47]: 55 h or more a week against
/// 35–40 h. It supports the 55 h flag only.
pub(super) const SOURCE_WHO_ILO: &str = "WHO/ILO 2021 (Pega et al., Environment International)";
/// What the 40 h flag rests on: 35–40 h is the usual full-time week and the comparison band
/// of the WHO/ILO study [S47], not a risk threshold of its own.
pub(super) const SOURCE_STANDARD_WEEK: &str = "35–40 h is a standard full-time week (the reference band in \
     WHO/ILO 2021, Pega et al.); no health threshold at 40 h is claimed";
/// EU Working Time Directive, weekly limit [S48].
pub(super) const SOURCE_EU_WEEK: &str = "EU Working Time Directive 2003/88/EC, art. 6";
/// EU Working Time Directive, daily rest [S48].
pub(super) const SOURCE_EU_REST: &str = "EU Working Time Directive 2003/88/EC, art. 3";
/// EU Working Time Directive, weekly rest [S48].
pub(super) const SOURCE_EU_WEEKLY_REST: &str = "EU Working Time Directive 2003/88/EC, art. 5";
/// UK population survey on weekend work [S52].
pub(super) const SOURCE_WEEKEND: &str =
    "Weston et al. 2019, J Epidemiol Community Health (UK survey, n = 23,403)";
/// After-hours availability and detachment [S49][S50].
pub(super) const SOURCE_OFFLINE: &str =
    "Becker et al., Journal of Management; Wendsche & Lohmann-Haislah 2017, Front. Psychol.";
/// 90-minute blocks are a heuristic; micro-breaks help vigour and fatigue [S45][S46].
pub(super) const SOURCE_BREAKS: &str =
    "Heuristic (Kleitman's rest-activity cycle, Ericsson); Albulescu et al. 2022, PLOS ONE";
/// The 365 cardiac-coherence method: three sessions a day [S1].
pub(super) const SOURCE_BREATHING: &str = "Cardiac coherence 365 method (3 sessions a day)";

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

/// Which signal a flag is about (stable, for JSON).
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
    /// France's Code du travail instead of the EU directive (`flags_fr`).
    pub references: super::flags_fr::References,
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
            references: Default::default(),
        }
    }
}

/// What the flags need beyond the numbers of the summary.
pub(super) struct FlagFacts {
    /// Days with work in offline hours (sorted, no repeats).
    pub after_hours_days: Vec<NaiveDate>,
    /// The day the longest block without a break started.
    pub block_day: Option<NaiveDate>,
    /// The week is over and had work: only then can it lack its weekly rest.
    pub finished_with_work: bool,
    /// The local date of `now` (breathing is judged on the days so far).
    pub today: NaiveDate,
    pub breathing_goal_per_day: u32,
}

/// The flags of a summary whose numbers are all set, in the order they are shown.
pub(super) fn week_flags(s: &WeekSummary, facts: FlagFacts, th: &Thresholds) -> Vec<Flag> {
    let days = |keep: &dyn Fn(&DaySummary) -> bool| -> Vec<NaiveDate> {
        s.per_day
            .iter()
            .filter(|d| keep(d))
            .map(|d| d.date)
            .collect()
    };
    let work_days = days(&|d| d.work_minutes > 0);
    let short_rest = days(&|d| {
        d.rest_before_minutes
            .is_some_and(|m| m < th.daily_rest_minutes)
    });
    let weekend_days: Vec<NaiveDate> = s.per_day[5..]
        .iter()
        .filter(|d| d.work_minutes > 0)
        .map(|d| d.date)
        .collect();
    let mut flags = Vec::new();
    flags.extend(work_hours_flag(s.work_minutes, th).map(|f| Flag {
        days: work_days.clone(),
        ..f
    }));
    if !short_rest.is_empty() {
        flags.push(daily_rest_flag(&short_rest, th));
    }
    if facts.finished_with_work && s.longest_rest_minutes < th.weekly_rest_minutes {
        flags.push(weekly_rest_flag(s.longest_rest_minutes, th, work_days));
    }
    flags.extend(weekend_flags(s.weekend_weeks_of_4, &weekend_days, th));
    if s.after_hours_sessions > 0 {
        flags.push(offline_hours_flag(s, facts.after_hours_days));
    }
    if s.longest_block_without_break_minutes > th.long_block_minutes {
        flags.push(long_block_flag(
            s.longest_block_without_break_minutes,
            facts.block_day,
            th,
        ));
    }
    if th.references == super::flags_fr::References::Fr {
        super::flags_fr::apply(&mut flags, s, facts.finished_with_work);
    }
    if s.breathing_goal > 0 && s.breathing_sessions < s.breathing_goal {
        // The days so far with fewer sessions than the daily goal.
        let below =
            days(&|d| d.date <= facts.today && d.breathing_sessions < facts.breathing_goal_per_day);
        let text = if s.breathing_goal < s.breathing_goal_week {
            format!(
                "{} of {} coherence sessions so far this week ({} by Sunday).",
                s.breathing_sessions, s.breathing_goal, s.breathing_goal_week
            )
        } else {
            format!(
                "{} of {} coherence sessions this week.",
                s.breathing_sessions, s.breathing_goal
            )
        };
        flags.push(Flag {
            kind: FlagKind::Breathing,
            level: Level::Info,
            text,
            source: SOURCE_BREATHING,
            days: below,
        });
    }
    flags
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
                "You logged {logged} of work, more than {}: longer than a standard full-time \
                 week.",
                hm(th.work_info_minutes)
            ),
            SOURCE_STANDARD_WEEK,
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

/// The daily-rest flag for the days short of rest.
fn daily_rest_flag(days: &[NaiveDate], th: &Thresholds) -> Flag {
    Flag {
        kind: FlagKind::DailyRest,
        level: Level::Notice,
        text: format!(
            "On {} you had under {} off between work sessions ({}).",
            count(days.len() as u32, "day", "days"),
            hm(th.daily_rest_minutes),
            day_names(days)
        ),
        source: SOURCE_EU_REST,
        days: days.to_vec(),
    }
}

/// The weekly-rest flag: the longest time off in a finished week was `longest_rest` minutes.
fn weekly_rest_flag(longest_rest: i64, th: &Thresholds, work_days: Vec<NaiveDate>) -> Flag {
    Flag {
        kind: FlagKind::WeeklyRest,
        level: Level::Notice,
        text: format!(
            "Your longest time off work this week was {}, under {}. The EU Working Time \
             Directive sets a weekly rest of 24 h plus the 11 h daily rest.",
            hm(longest_rest),
            hm(th.weekly_rest_minutes)
        ),
        source: SOURCE_EU_WEEKLY_REST,
        days: work_days,
    }
}

/// Both weekend days worked, and weekend work in too many of the last 4 weeks.
fn weekend_flags(weekend_weeks: u32, weekend_days: &[NaiveDate], th: &Thresholds) -> Vec<Flag> {
    let mut flags = Vec::new();
    if weekend_days.len() == 2 {
        flags.push(Flag {
            kind: FlagKind::WeekendWork,
            level: Level::Notice,
            text: "You worked both weekend days. Working most weekends is linked to poorer \
                   mood in a large UK study."
                .into(),
            source: SOURCE_WEEKEND,
            days: weekend_days.to_vec(),
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
            days: weekend_days.to_vec(),
        });
    }
    flags
}

/// Work sessions in offline hours, on `days`.
fn offline_hours_flag(s: &WeekSummary, days: Vec<NaiveDate>) -> Flag {
    Flag {
        kind: FlagKind::OfflineHours,
        level: Level::Notice,
        text: format!(
            "{} during your offline hours ({}; {}).",
            count(
                s.after_hours_sessions,
                "work session happened",
                "work sessions happened"
            ),
            hm(s.after_hours_minutes),
            day_names(&days)
        ),
        source: SOURCE_OFFLINE,
        days,
    }
}

/// A block of `minutes` without a break, started on `day`.
fn long_block_flag(minutes: i64, day: Option<NaiveDate>, th: &Thresholds) -> Flag {
    Flag {
        kind: FlagKind::LongBlock,
        level: Level::Info,
        text: format!(
            "Your longest block without a break was {}{}. Breaking up blocks of over {} is \
             a rule of thumb, not a proven limit.",
            hm(minutes),
            day.map(|d| format!(", on {}", day_names(&[d])))
                .unwrap_or_default(),
            hm(th.long_block_minutes)
        ),
        source: SOURCE_BREAKS,
        days: day.into_iter().collect(),
    }
}

/// `Tue 24 Nov, Wed 25 Nov`: the days a flag is about, by date.
fn day_names(days: &[NaiveDate]) -> String {
    let names: Vec<String> = days
        .iter()
        .map(|d| d.format("%a %-d %b").to_string())
        .collect();
    names.join(", ")
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
