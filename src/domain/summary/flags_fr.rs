//! France's work-time references for the weekly flags (`[balance] references = "fr"`): the
//! Code du travail's limits instead of the EU directive's, each flag citing its article.
//! Facts with a source, in neutral words, never a diagnosis (`shared/wellbeing.md`, "Weekly
//! balance flags"; France's right to disconnect [S51]).
//!
//! | Reference | Article | Flag |
//! |---|---|---|
//! | 35 h legal week (a reference for overtime, not a health threshold) | L3121-27 | info |
//! | 10 h maximum in a day | L3121-18 | notice, the days |
//! | 48 h maximum in one week | L3121-20 | notice |
//! | 44 h average over 12 consecutive weeks | L3121-22 | notice ([`average_flag`]) |
//! | 11 h daily rest | L3131-1 | notice, the days |
//! | 35 h weekly rest (24 h + 11 h) | L3132-2 | notice |
//! | right to disconnect (2017) | L2242-17 | added to the offline-hours flag |
//!
//! The WHO/ILO 55 h flag (a health finding, not a law) stays as it is. Flag kinds are the
//! existing ones (`work_hours`, `daily_rest`, `weekly_rest`, `offline_hours`), so JSON keys
//! don't change with the references.

use chrono::NaiveDate;
use serde::Deserialize;

use super::flags::{Flag, FlagKind, Level, Says, Source};
use super::week::WeekSummary;

pub(super) const SOURCE_FR_LEGAL_WEEK: Source = Source::FrLegalWeek;
pub(super) const SOURCE_FR_DAY_MAX: Source = Source::FrDayMax;
pub(super) const SOURCE_FR_WEEK_MAX: Source = Source::FrWeekMax;
pub(super) const SOURCE_FR_AVERAGE: Source = Source::FrAverage;
pub(super) const SOURCE_FR_DAILY_REST: Source = Source::FrDailyRest;
pub(super) const SOURCE_FR_WEEKLY_REST: Source = Source::FrWeeklyRest;
pub(super) const SOURCE_FR_DISCONNECT: Source = Source::FrDisconnect;

/// The legal figures, in minutes.
const LEGAL_WEEK: i64 = 35 * 60;
const DAY_MAX: i64 = 10 * 60;
const WEEK_MAX: i64 = 48 * 60;
const AVERAGE_MAX: i64 = 44 * 60;
/// Weeks the average is taken over (L3121-22).
pub const AVERAGE_WEEKS: usize = 12;
const DAILY_REST: i64 = 11 * 60;
const WEEKLY_REST: i64 = 35 * 60;

/// Which work-time references the weekly flags use (`[balance] references`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum References {
    /// WHO/ILO (55 h) and the EU Working Time Directive, with the `[balance]` thresholds.
    #[default]
    Eu,
    /// France's Code du travail (the legal figures; `work_strong_hours` still applies).
    Fr,
}

impl References {
    /// Weeks of totals the flags need (the 12-week average for France).
    pub fn weeks_needed(self) -> usize {
        match self {
            References::Eu => 1,
            References::Fr => AVERAGE_WEEKS,
        }
    }
}

/// Replaces the EU work-hours, daily-rest and weekly-rest flags of a week with France's, and
/// adds the right to disconnect to the offline-hours flag. `finished_with_work`: the week
/// is over and had work (only then can it lack its weekly rest).
pub(super) fn apply(flags: &mut Vec<Flag>, s: &WeekSummary, finished_with_work: bool) {
    let strong = flags
        .iter()
        .any(|f| f.kind == FlagKind::WorkHours && f.level == Level::Strong);
    let work_days: Vec<NaiveDate> = s
        .per_day
        .iter()
        .filter(|d| d.work_minutes > 0)
        .map(|d| d.date)
        .collect();
    let mut fr = Vec::new();
    if !strong {
        fr.extend(week_flag(s.work_minutes, &work_days));
    }
    let long_days: Vec<NaiveDate> = s
        .per_day
        .iter()
        .filter(|d| d.work_minutes > DAY_MAX)
        .map(|d| d.date)
        .collect();
    if !long_days.is_empty() {
        fr.push(Flag {
            kind: FlagKind::WorkHours,
            level: Level::Notice,
            says: Says::FrDayMax,
            source: SOURCE_FR_DAY_MAX,
            days: long_days,
        });
    }
    let short_rest: Vec<NaiveDate> = s
        .per_day
        .iter()
        .filter(|d| d.rest_before_minutes.is_some_and(|m| m < DAILY_REST))
        .map(|d| d.date)
        .collect();
    if !short_rest.is_empty() {
        fr.push(Flag {
            kind: FlagKind::DailyRest,
            level: Level::Notice,
            says: Says::FrDailyRest,
            source: SOURCE_FR_DAILY_REST,
            days: short_rest,
        });
    }
    if finished_with_work && s.longest_rest_minutes < WEEKLY_REST {
        fr.push(Flag {
            kind: FlagKind::WeeklyRest,
            level: Level::Notice,
            says: Says::FrWeeklyRest {
                longest: s.longest_rest_minutes,
            },
            source: SOURCE_FR_WEEKLY_REST,
            days: work_days,
        });
    }
    // The French flags go where the EU ones were: work hours first, then rest.
    let replaced = |f: &Flag| {
        (f.kind == FlagKind::WorkHours && f.level != Level::Strong)
            || matches!(f.kind, FlagKind::DailyRest | FlagKind::WeeklyRest)
    };
    let at = flags.iter().position(replaced).unwrap_or_else(|| {
        // Before the weekend flags, after a strong work-hours flag.
        flags
            .iter()
            .position(|f| f.kind != FlagKind::WorkHours)
            .unwrap_or(flags.len())
    });
    flags.retain(|f| !replaced(f));
    let at = at.min(flags.len());
    flags.splice(at..at, fr);
    for f in flags
        .iter_mut()
        .filter(|f| f.kind == FlagKind::OfflineHours)
    {
        if let Says::OfflineHours { disconnect, .. } = &mut f.says {
            *disconnect = true;
        }
        f.source = SOURCE_FR_DISCONNECT;
    }
}

/// The week's total against the 48 h maximum and the 35 h legal week.
fn week_flag(work_minutes: i64, work_days: &[NaiveDate]) -> Option<Flag> {
    let logged = work_minutes;
    let (level, says, source) = if work_minutes > WEEK_MAX {
        (
            Level::Notice,
            Says::FrWeekMax { logged },
            SOURCE_FR_WEEK_MAX,
        )
    } else if work_minutes > LEGAL_WEEK {
        (
            Level::Info,
            Says::FrLegalWeek { logged },
            SOURCE_FR_LEGAL_WEEK,
        )
    } else {
        return None;
    };
    Some(Flag {
        kind: FlagKind::WorkHours,
        level,
        says,
        source,
        days: work_days.to_vec(),
    })
}

/// The 12-week average (L3121-22) from the work minutes of recent weeks, oldest first and
/// ending with the shown week; `None` with fewer than 12 weeks or an average within 44 h.
pub fn average_flag(recent_work: &[i64]) -> Option<Flag> {
    let last = recent_work.get(recent_work.len().checked_sub(AVERAGE_WEEKS)?..)?;
    let avg = last.iter().sum::<i64>() / AVERAGE_WEEKS as i64;
    (avg > AVERAGE_MAX).then(|| Flag {
        kind: FlagKind::WorkHours,
        level: Level::Notice,
        says: Says::FrAverage { average: avg },
        source: SOURCE_FR_AVERAGE,
        days: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::domain::summary::Week;
    use crate::domain::summary::week::DaySummary;

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// A week with `work[i]` hours on day i and `rest[i]` hours of rest before it.
    fn week(work: [i64; 7], rest: [Option<i64>; 7], longest_rest_h: i64) -> WeekSummary {
        let per_day: [DaySummary; 7] = std::array::from_fn(|i| DaySummary {
            date: monday() + Duration::days(i as i64),
            work_minutes: work[i] * 60,
            rest_before_minutes: rest[i].map(|h| h * 60),
            ..DaySummary::default()
        });
        WeekSummary {
            week: Week::of(monday()),
            minutes_by_domain: Vec::new(),
            meeting_minutes_by_domain: Vec::new(),
            meeting_minutes: 0,
            meeting_work_minutes: 0,
            work_minutes: work.iter().sum::<i64>() * 60,
            rest_minutes: 0,
            per_day,
            planned_minutes: 0,
            planned_done_minutes: 0,
            plan_adherence_percent: None,
            after_hours_minutes: 0,
            after_hours_sessions: 0,
            weekend_work_minutes: 0,
            weekend_days_worked: 0,
            weekend_weeks_of_4: 0,
            break_minutes: 0,
            breaks: 0,
            longest_block_without_break_minutes: 0,
            short_rest_days: 0,
            longest_rest_minutes: longest_rest_h * 60,
            interruptions: 0,
            breathing_sessions: 0,
            breathing_goal: 0,
            breathing_goal_week: 0,
            offline_kept_percent: None,
            flags: Vec::new(),
        }
    }

    /// The EU references' source, as the flags in carry it.
    const EU: Source = Source::EuWeek;

    fn eu(kind: FlagKind, level: Level) -> Flag {
        let says = match kind {
            FlagKind::OfflineHours => Says::OfflineHours {
                sessions: 1,
                minutes: 60,
                disconnect: false,
            },
            _ => Says::EuWeek { logged: 0 },
        };
        Flag {
            kind,
            level,
            says,
            source: EU,
            days: Vec::new(),
        }
    }

    const NO_REST: [Option<i64>; 7] = [None; 7];

    #[test]
    fn weeks_against_the_code_du_travail() {
        // (work per day, rest before each day, longest rest, finished, EU flags in,
        //  (kind, level, source) out)
        type Case = (
            [i64; 7],
            [Option<i64>; 7],
            i64,
            bool,
            Vec<Flag>,
            Vec<(FlagKind, Level, Source)>,
        );
        use FlagKind::*;
        use Level::*;
        let cases: Vec<Case> = vec![
            // 35 h: nothing (the legal week is not exceeded).
            ([7, 7, 7, 7, 7, 0, 0], NO_REST, 60, true, vec![], vec![]),
            // 38 h: the legal week as a reference line (the EU info flag at 40 h is gone).
            (
                [8, 8, 8, 7, 7, 0, 0],
                NO_REST,
                60,
                true,
                vec![],
                vec![(WorkHours, Info, SOURCE_FR_LEGAL_WEEK)],
            ),
            // 50 h with an 11 h day: the 48 h maximum and the 10 h day, replacing EU's 48 h.
            (
                [11, 10, 10, 10, 9, 0, 0],
                NO_REST,
                60,
                true,
                vec![eu(WorkHours, Notice)],
                vec![
                    (WorkHours, Notice, SOURCE_FR_WEEK_MAX),
                    (WorkHours, Notice, SOURCE_FR_DAY_MAX),
                ],
            ),
            // 56 h: the WHO/ILO flag stays, with the 10 h days.
            (
                [12, 12, 12, 10, 10, 0, 0],
                NO_REST,
                60,
                true,
                vec![eu(WorkHours, Strong)],
                vec![
                    (WorkHours, Strong, EU),
                    (WorkHours, Notice, SOURCE_FR_DAY_MAX),
                ],
            ),
            // 10 h exactly is allowed; 9 h 59 of rest before a day is not 11 h.
            (
                [10, 0, 10, 0, 0, 0, 0],
                [None, None, Some(10), None, None, None, None],
                60,
                true,
                vec![eu(DailyRest, Notice)],
                vec![(DailyRest, Notice, SOURCE_FR_DAILY_REST)],
            ),
            // 30 h of weekly rest in a finished week: under 35 h.
            (
                [7, 7, 7, 7, 7, 0, 0],
                NO_REST,
                30,
                true,
                vec![eu(WeeklyRest, Notice)],
                vec![(WeeklyRest, Notice, SOURCE_FR_WEEKLY_REST)],
            ),
            // ... but not in a week still running.
            ([7, 7, 7, 7, 7, 0, 0], NO_REST, 30, false, vec![], vec![]),
            // Other flags keep their place after the French ones.
            (
                [8, 8, 8, 7, 7, 0, 0],
                NO_REST,
                60,
                true,
                vec![eu(WeekendWork, Notice)],
                vec![
                    (WorkHours, Info, SOURCE_FR_LEGAL_WEEK),
                    (WeekendWork, Notice, EU),
                ],
            ),
            // The right to disconnect joins the offline-hours flag.
            (
                [7, 7, 7, 7, 7, 0, 0],
                NO_REST,
                60,
                true,
                vec![eu(OfflineHours, Notice)],
                vec![(OfflineHours, Notice, SOURCE_FR_DISCONNECT)],
            ),
        ];
        for (i, (work, rest, longest, finished, mut flags, want)) in cases.into_iter().enumerate() {
            let s = week(work, rest, longest);
            apply(&mut flags, &s, finished);
            let got: Vec<_> = flags.iter().map(|f| (f.kind, f.level, f.source)).collect();
            assert_eq!(got, want, "case {i}");
        }
    }

    #[test]
    fn flags_carry_the_figures_and_days() {
        let s = week([11, 10, 10, 10, 9, 0, 0], NO_REST, 60);
        let mut flags = vec![eu(FlagKind::OfflineHours, Level::Notice)];
        apply(&mut flags, &s, true);
        // The figures and days the words need (worded in `ui::flags`).
        assert_eq!(flags[0].says, Says::FrWeekMax { logged: 50 * 60 });
        assert_eq!(
            (&flags[1].says, &flags[1].days[..]),
            (&Says::FrDayMax, &[monday()][..])
        );
        assert_eq!(
            flags[2].says,
            Says::OfflineHours {
                sessions: 1,
                minutes: 60,
                disconnect: true
            }
        );
    }

    #[test]
    fn twelve_week_average() {
        let h = |n: i64| n * 60;
        let cases: &[(Vec<i64>, Option<i64>)] = &[
            // Fewer than 12 weeks: no average.
            (vec![h(50); 11], None),
            // 44 h exactly is within the limit.
            (vec![h(44); 12], None),
            // 45 h average.
            (vec![h(45); 12], Some(h(45))),
            // Only the last 12 weeks count: an old 90 h week is out of the window.
            ([vec![h(90)], vec![h(44); 12]].concat(), None),
            // 11 weeks of 45 h and this week at 44 h: 44 h 55 min.
            ([vec![h(45); 11], vec![h(44)]].concat(), Some(h(44) + 55)),
        ];
        for (work, want) in cases {
            let f = average_flag(work);
            match (f, want) {
                (None, None) => {}
                (Some(f), Some(w)) => {
                    assert_eq!(f.says, Says::FrAverage { average: *w });
                    assert_eq!(f.source, SOURCE_FR_AVERAGE);
                }
                (f, w) => panic!("{work:?}: {f:?} vs {w:?}"),
            }
        }
    }

    #[test]
    fn config_value() {
        #[derive(Deserialize)]
        struct B {
            references: References,
        }
        let b: B = toml::from_str("references = \"fr\"").unwrap();
        assert_eq!(b.references, References::Fr);
        assert_eq!(References::default(), References::Eu);
        assert!(toml::from_str::<B>("references = \"us\"").is_err());
    }
}
