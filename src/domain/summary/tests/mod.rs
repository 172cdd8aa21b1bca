//! Tests of the week summary, with the helpers they share: sessions built from Paris wall
//! times, and a week summarized on the Wednesday after it.

use super::pieces::{end_of, minutes};
use super::*;
use crate::domain::offline::{OfflineSchedule, parse_rule};
use crate::domain::plan::{Kind, Timebox};
use crate::domain::session::SessionKind;
use crate::domain::time;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, Utc, Weekday};
use chrono_tz::{Europe::Paris, Tz};

mod flags;
mod iso_week;
mod meetings;
mod pieces;
mod range;
mod week;

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
        meetings: &[],
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

fn hhmm_of(min: i64) -> String {
    format!("{:02}:{:02}", min / 60, min % 60)
}
