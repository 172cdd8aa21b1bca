//! An ISO week of local dates: what the week summary and the review are about.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

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
