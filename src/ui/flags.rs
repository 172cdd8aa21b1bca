//! The weekly flags in words, in the reader's language: what each says (from the figures and
//! days the domain gives, `summary::Says`) and what it rests on (`summary::Source`). One
//! place for the Week and review screens and `serein summary`; the words are in
//! `locales/<lang>/flags.ftl`. Facts with a source, never a diagnosis.

use chrono::NaiveDate;

use crate::domain::summary::{Flag, Says, Source, hm};
use crate::i18n::{self, DateStyle, Lang};
use crate::t;

/// What `f` says, in the current language.
pub fn text(f: &Flag) -> String {
    let days = || day_list(&f.days);
    let count = || t!("flags-days", n = f.days.len());
    match f.says {
        Says::LongWeeks { logged } => t!("flags-long-weeks", logged = hm(logged)),
        Says::EuWeek { logged } => t!("flags-eu-week", logged = hm(logged)),
        Says::StandardWeek { logged, limit } => {
            t!(
                "flags-standard-week",
                logged = hm(logged),
                limit = hm(limit)
            )
        }
        Says::DailyRest { limit } => t!(
            "flags-daily-rest",
            count = count(),
            limit = hm(limit),
            days = days()
        ),
        Says::WeeklyRest { longest, limit } => t!(
            "flags-weekly-rest",
            longest = hm(longest),
            limit = hm(limit)
        ),
        Says::BothWeekendDays => t!("flags-weekend-both"),
        Says::WeekendWeeks { weeks } => t!("flags-weekend-weeks", weeks = weeks),
        Says::OfflineHours {
            sessions,
            minutes,
            disconnect,
        } => {
            let text = t!(
                "flags-offline-hours",
                n = sessions,
                time = hm(minutes),
                days = days()
            );
            if disconnect {
                format!("{text} {}", t!("flags-disconnect"))
            } else {
                text
            }
        }
        Says::LongBlock { minutes, limit } => match f.days.first() {
            Some(&d) => t!(
                "flags-long-block-on",
                time = hm(minutes),
                day = day_list(&[d]),
                limit = hm(limit)
            ),
            None => t!("flags-long-block", time = hm(minutes), limit = hm(limit)),
        },
        Says::Breathing {
            done,
            goal,
            week_goal,
        } => match week_goal {
            Some(week) => t!(
                "flags-breathing-so-far",
                done = done,
                goal = goal,
                week = week
            ),
            None => t!("flags-breathing", done = done, goal = goal),
        },
        Says::FrLegalWeek { logged } => t!("flags-fr-legal-week", logged = hm(logged)),
        Says::FrWeekMax { logged } => t!("flags-fr-week-max", logged = hm(logged)),
        Says::FrDayMax => t!("flags-fr-day-max", count = count(), days = days()),
        Says::FrDailyRest => t!("flags-fr-daily-rest", count = count(), days = days()),
        Says::FrWeeklyRest { longest } => t!("flags-fr-weekly-rest", longest = hm(longest)),
        Says::FrAverage { average } => t!("flags-fr-average", average = hm(average)),
    }
}

/// What a flag rests on, in the current language.
pub fn source(s: Source) -> String {
    match s {
        Source::WhoIlo => t!("flags-source-who-ilo"),
        Source::StandardWeek => t!("flags-source-standard-week"),
        Source::EuWeek => t!("flags-source-eu-week"),
        Source::EuRest => t!("flags-source-eu-rest"),
        Source::EuWeeklyRest => t!("flags-source-eu-weekly-rest"),
        Source::Weekend => t!("flags-source-weekend"),
        Source::Offline => t!("flags-source-offline"),
        Source::Breaks => t!("flags-source-breaks"),
        Source::Breathing => t!("flags-source-breathing"),
        Source::FrLegalWeek => t!("flags-source-fr-legal-week"),
        Source::FrDayMax => t!("flags-source-fr-day-max"),
        Source::FrWeekMax => t!("flags-source-fr-week-max"),
        Source::FrAverage => t!("flags-source-fr-average"),
        Source::FrDailyRest => t!("flags-source-fr-daily-rest"),
        Source::FrWeeklyRest => t!("flags-source-fr-weekly-rest"),
        Source::FrDisconnect => t!("flags-source-fr-disconnect"),
    }
}

/// The text and source in English whatever the reader's language: `serein summary --json`
/// keeps its values stable.
pub fn english(f: &Flag) -> (String, String) {
    i18n::with_lang(Lang::En, || (text(f), source(f.source)))
}

/// `Tue 24 Nov, Wed 25 Nov` / `mar. 24 nov., mer. 25 nov.`: the days a flag is about.
fn day_list(days: &[NaiveDate]) -> String {
    days.iter()
        .map(|&d| i18n::date(d, DateStyle::WeekdayDayMonth))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
