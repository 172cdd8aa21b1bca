//! The weekly balance summary: work against the rest of life, after-hours and weekend work,
//! breaks, rest between days, breathing, and flags phrased as facts with a source
//! (`shared/wellbeing.md`, "Weekly balance flags"). Never a diagnosis.
//!
//! Pure: `now` and the time zone are arguments. Instants become local times through
//! `domain::time` only. A session belongs to the local date it was recorded on
//! (`Session::local_date`), so weeks don't move after travel, and a session crossing midnight
//! is split there ([`pieces`]). Minutes are rounded per session (nearest minute) and shared
//! out over its days, so every total is the exact sum of its parts.
//!
//! The parts: [`Week`] (`iso_week`), the week's numbers (`week`), a session's share of each
//! day ([`pieces`]), stretches of time off, on and offline (`spans`), the flags and their
//! thresholds (`flags`), and totals over any range of days (`range`).

use std::collections::BTreeMap;

use super::session::{EndReason, Session, State};

mod flags;
mod flags_fr;
mod iso_week;
mod meetings;
mod pieces;
mod range;
mod spans;
mod week;

pub use flags::{Flag, FlagKind, Level, Says, Source, Thresholds, work_hours_flag};
pub use flags_fr::{References, average_flag};
pub use iso_week::Week;
pub use meetings::{as_sessions as meeting_sessions, is_meeting};
pub use pieces::{Piece, pieces, within_its_day};
pub use range::{RangeBuilder, RangeSummary, WeekTotals, summarize_range};
#[cfg(test)]
pub use week::summarize;
pub use week::{
    DaySummary, Inputs, WeekData, WeekParams, WeekSummary, meeting_span, summarize_with,
    weekly_work_minutes,
};

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

/// Whether `s` is a finished breathing session of a coherence pattern (one of `titles`).
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

/// Minutes by domain without the empty ones, most first, then by name.
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

#[cfg(test)]
mod tests;
