//! Dates in words: weekday and month names and the few date shapes serein shows, in the
//! current language ("Tue 1 Dec 2026" / "mar. 1 déc. 2026", "Tuesday 1 December 2026" /
//! "mardi 1 décembre 2026"). The names and the order of the parts are in `common.ftl`.

use chrono::{Datelike, NaiveDate, Weekday};

/// The shapes of dates on screen and in output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// "Tue" / "mar."
    Weekday,
    /// "1 Dec" / "1 déc."
    DayMonth,
    /// "Tue 1" / "mar. 1"
    WeekdayDay,
    /// "Tue 1 Dec" / "mar. 1 déc."
    WeekdayDayMonth,
    /// "Tue 1 Dec 2026" / "mar. 1 déc. 2026"
    WeekdayDayMonthYear,
    /// "Tuesday 1 December 2026" / "mardi 1 décembre 2026"
    Long,
}

/// A weekday's name: short ("Tue", "mar.") or long ("Tuesday", "mardi").
pub fn weekday_name(w: Weekday, long: bool) -> String {
    let n = w.number_from_monday();
    if long {
        crate::t!("common-weekday-long", n = n)
    } else {
        crate::t!("common-weekday-short", n = n)
    }
}

/// A month's name (1 = January): short ("Dec", "déc.") or long ("December", "décembre").
pub fn month_name(month: u32, long: bool) -> String {
    if long {
        crate::t!("common-month-long", n = month)
    } else {
        crate::t!("common-month-short", n = month)
    }
}

/// `d` in `style`, in the current language.
pub fn date(d: NaiveDate, style: DateStyle) -> String {
    let day = d.day();
    let year = d.year();
    match style {
        DateStyle::Weekday => weekday_name(d.weekday(), false),
        DateStyle::DayMonth => crate::t!(
            "common-date-day-month",
            day = day,
            month = month_name(d.month(), false)
        ),
        DateStyle::WeekdayDay => crate::t!(
            "common-date-weekday-day",
            weekday = weekday_name(d.weekday(), false),
            day = day
        ),
        DateStyle::WeekdayDayMonth => crate::t!(
            "common-date-weekday-day-month",
            weekday = weekday_name(d.weekday(), false),
            day = day,
            month = month_name(d.month(), false)
        ),
        DateStyle::WeekdayDayMonthYear => crate::t!(
            "common-date-weekday-day-month-year",
            weekday = weekday_name(d.weekday(), false),
            day = day,
            month = month_name(d.month(), false),
            year = year.to_string()
        ),
        DateStyle::Long => crate::t!(
            "common-date-long",
            weekday = weekday_name(d.weekday(), true),
            day = day,
            month = month_name(d.month(), true),
            year = year.to_string()
        ),
    }
}
