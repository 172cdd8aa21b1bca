//! Flags: facts about the week with their source, and the thresholds that raise them
//! (`shared/wellbeing.md`, "Weekly balance flags"). Never a diagnosis. A flag is data: what
//! it says ([`Says`], with its figures), what it rests on ([`Source`]) and its days; the
//! words, in English or French, are in `ui::flags` (`locales/*/flags.ftl`).

use chrono::NaiveDate;
use serde::Serialize;

use super::week::{DaySummary, WeekSummary};

/// What a flag rests on. The words (the citation and what it supports) are given outside
/// the domain (`ui::flags`), in the reader's language; `shared/wellbeing.md` has them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// WHO/ILO estimate of deaths from long working hours [S47]: 55 h or more a week against
    /// 35–40 h. It supports the 55 h flag only.
    WhoIlo,
    /// What the 40 h flag rests on: 35–40 h is the usual full-time week and the comparison
    /// band of the WHO/ILO study [S47], not a risk threshold of its own.
    StandardWeek,
    /// EU Working Time Directive, weekly limit (art. 6) [S48].
    EuWeek,
    /// EU Working Time Directive, daily rest (art. 3) [S48].
    EuRest,
    /// EU Working Time Directive, weekly rest (art. 5) [S48].
    EuWeeklyRest,
    /// UK population survey on weekend work [S52].
    Weekend,
    /// After-hours availability and detachment [S49][S50].
    Offline,
    /// 90-minute blocks are a heuristic; micro-breaks help vigour and fatigue [S45][S46].
    Breaks,
    /// The 365 cardiac-coherence method: three sessions a day [S1].
    Breathing,
    /// Code du travail, L3121-27: the 35 h legal week.
    FrLegalWeek,
    /// Code du travail, L3121-18: at most 10 h a day.
    FrDayMax,
    /// Code du travail, L3121-20: at most 48 h in one week.
    FrWeekMax,
    /// Code du travail, L3121-22: at most 44 h a week on average over 12 weeks.
    FrAverage,
    /// Code du travail, L3131-1: 11 consecutive hours of daily rest.
    FrDailyRest,
    /// Code du travail, L3132-2: 24 h of weekly rest plus the 11 h daily rest.
    FrWeeklyRest,
    /// Code du travail, L2242-17: the right to disconnect, with the detachment studies.
    FrDisconnect,
}

pub(super) const SOURCE_WHO_ILO: Source = Source::WhoIlo;
pub(super) const SOURCE_STANDARD_WEEK: Source = Source::StandardWeek;
pub(super) const SOURCE_EU_WEEK: Source = Source::EuWeek;
const SOURCE_EU_REST: Source = Source::EuRest;
const SOURCE_EU_WEEKLY_REST: Source = Source::EuWeeklyRest;
const SOURCE_WEEKEND: Source = Source::Weekend;
const SOURCE_OFFLINE: Source = Source::Offline;
const SOURCE_BREAKS: Source = Source::Breaks;
const SOURCE_BREATHING: Source = Source::Breathing;

/// What a flag says: which message, with the figures it names (minutes, counts). The days it
/// names are the flag's `days`. Worded outside the domain (`ui::flags`), in either language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Says {
    /// `logged` minutes of work, 55 h or more (WHO/ILO).
    LongWeeks { logged: i64 },
    /// `logged` minutes, over the EU directive's 48 h average.
    EuWeek { logged: i64 },
    /// `logged` minutes, over `limit`: longer than a standard full-time week.
    StandardWeek { logged: i64, limit: i64 },
    /// Under `limit` minutes off between work sessions, on the flag's days.
    DailyRest { limit: i64 },
    /// The longest time off in a finished week, under `limit` (EU weekly rest).
    WeeklyRest { longest: i64, limit: i64 },
    /// Both weekend days worked.
    BothWeekendDays,
    /// Weekend work in `weeks` of the last 4 weeks.
    WeekendWeeks { weeks: u32 },
    /// `sessions` work sessions (`minutes`) in offline hours on the flag's days;
    /// `disconnect`: with France's right to disconnect.
    OfflineHours {
        sessions: u32,
        minutes: i64,
        disconnect: bool,
    },
    /// A block of `minutes` without a break (on the flag's day, if known), over `limit`.
    LongBlock { minutes: i64, limit: i64 },
    /// `done` of `goal` coherence sessions; `week_goal` when the goal counts only the days so
    /// far.
    Breathing {
        done: u32,
        goal: u32,
        week_goal: Option<u32>,
    },
    /// `logged` minutes, over France's 35 h legal week.
    FrLegalWeek { logged: i64 },
    /// `logged` minutes, over France's 48 h maximum in one week.
    FrWeekMax { logged: i64 },
    /// More than 10 h of work on the flag's days.
    FrDayMax,
    /// Under 11 h off between work sessions on the flag's days (France).
    FrDailyRest,
    /// The longest time off in a finished week, under France's 35 h weekly rest.
    FrWeeklyRest { longest: i64 },
    /// `average` minutes a week over the last 12 weeks, over France's 44 h.
    FrAverage { average: i64 },
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

/// A fact about the week with its source (worded in neutral words by `ui::flags`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub level: Level,
    pub says: Says,
    pub source: Source,
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
        let says = Says::Breathing {
            done: s.breathing_sessions,
            goal: s.breathing_goal,
            week_goal: (s.breathing_goal < s.breathing_goal_week).then_some(s.breathing_goal_week),
        };
        flags.push(Flag {
            kind: FlagKind::Breathing,
            level: Level::Info,
            says,
            source: SOURCE_BREATHING,
            days: below,
        });
    }
    flags
}

/// The work-hours flag for a week of `work_minutes`, if any.
pub fn work_hours_flag(work_minutes: i64, th: &Thresholds) -> Option<Flag> {
    let logged = work_minutes;
    let (level, says, source) = if work_minutes >= th.work_strong_minutes {
        (Level::Strong, Says::LongWeeks { logged }, SOURCE_WHO_ILO)
    } else if work_minutes > th.work_notice_minutes {
        (Level::Notice, Says::EuWeek { logged }, SOURCE_EU_WEEK)
    } else if work_minutes > th.work_info_minutes {
        let limit = th.work_info_minutes;
        (
            Level::Info,
            Says::StandardWeek { logged, limit },
            SOURCE_STANDARD_WEEK,
        )
    } else {
        return None;
    };
    Some(Flag {
        kind: FlagKind::WorkHours,
        level,
        says,
        source,
        days: Vec::new(),
    })
}

/// The daily-rest flag for the days short of rest.
fn daily_rest_flag(days: &[NaiveDate], th: &Thresholds) -> Flag {
    Flag {
        kind: FlagKind::DailyRest,
        level: Level::Notice,
        says: Says::DailyRest {
            limit: th.daily_rest_minutes,
        },
        source: SOURCE_EU_REST,
        days: days.to_vec(),
    }
}

/// The weekly-rest flag: the longest time off in a finished week was `longest_rest` minutes.
fn weekly_rest_flag(longest_rest: i64, th: &Thresholds, work_days: Vec<NaiveDate>) -> Flag {
    Flag {
        kind: FlagKind::WeeklyRest,
        level: Level::Notice,
        says: Says::WeeklyRest {
            longest: longest_rest,
            limit: th.weekly_rest_minutes,
        },
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
            says: Says::BothWeekendDays,
            source: SOURCE_WEEKEND,
            days: weekend_days.to_vec(),
        });
    }
    if th.weekend_weeks > 0 && weekend_weeks >= th.weekend_weeks && !weekend_days.is_empty() {
        flags.push(Flag {
            kind: FlagKind::WeekendWeeks,
            level: Level::Notice,
            says: Says::WeekendWeeks {
                weeks: weekend_weeks,
            },
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
        says: Says::OfflineHours {
            sessions: s.after_hours_sessions,
            minutes: s.after_hours_minutes,
            disconnect: false,
        },
        source: SOURCE_OFFLINE,
        days,
    }
}

/// A block of `minutes` without a break, started on `day`.
fn long_block_flag(minutes: i64, day: Option<NaiveDate>, th: &Thresholds) -> Flag {
    Flag {
        kind: FlagKind::LongBlock,
        level: Level::Info,
        says: Says::LongBlock {
            minutes,
            limit: th.long_block_minutes,
        },
        source: SOURCE_BREAKS,
        days: day.into_iter().collect(),
    }
}
