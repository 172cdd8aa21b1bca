//! Calendar meetings in the week's numbers: work time, kept apart as meeting time, never
//! counted twice, only what happened by `now`.

use super::*;
use crate::domain::meeting::{Meeting, MeetingTime};

fn meeting(domain: &str, start: &str, end: &str) -> Meeting {
    Meeting {
        uid: format!("{start}@{domain}"),
        instance: None,
        title: "Sync".into(),
        calendar: domain.into(),
        domain: domain.into(),
        time: MeetingTime::Timed {
            start: at(start),
            end: at(end),
        },
        free: false,
    }
}

fn free(start: &str, end: &str) -> Meeting {
    Meeting {
        free: true,
        ..meeting("work", start, end)
    }
}

fn all_day(first: &str, last: &str) -> Meeting {
    Meeting {
        time: MeetingTime::AllDay {
            first: d(first),
            last: d(last),
        },
        ..meeting("work", "2026-11-24 00:00", "2026-11-24 00:00")
    }
}

struct MCase {
    name: &'static str,
    meetings: Vec<Meeting>,
    sessions: Vec<Session>,
    schedule: OfflineSchedule,
    /// Paris wall time; the Wednesday after the week by default.
    now: Option<&'static str>,
    /// (work, meeting, meeting in work, rest of life) minutes of the week.
    want: (i64, i64, i64, i64),
    /// Meeting minutes per day, Monday first.
    days: [i64; 7],
    /// (after-hours minutes, weekend work minutes).
    extra: (i64, i64),
}

impl Default for MCase {
    fn default() -> Self {
        MCase {
            name: "",
            meetings: Vec::new(),
            sessions: Vec::new(),
            schedule: OfflineSchedule::none(),
            now: None,
            want: (0, 0, 0, 0),
            days: [0; 7],
            extra: (0, 0),
        }
    }
}

fn summarize_case(c: &MCase, week: Week) -> WeekSummary {
    let now = c
        .now
        .map_or_else(|| at(&format!("{} 12:00", week.next().days()[2])), at);
    let inputs = Inputs {
        sessions: &c.sessions,
        timeboxes: &[],
        work_domains: WORK,
        schedule: &c.schedule,
        after_hours_ids: &[],
        offline_periods: &[],
        breathing_goal_per_day: 0,
        coherence_titles: &[],
        meetings: &c.meetings,
        now,
    };
    summarize(&inputs, week, &Paris)
}

#[test]
fn meetings_count_as_work_once_and_apart() {
    let evenings = || {
        OfflineSchedule::from_parts(
            parse_rule("19:00-08:00").unwrap(),
            parse_rule("none").unwrap(),
            parse_rule("none").unwrap(),
            Default::default(),
        )
    };
    // Week of Mon 2026-11-23.
    let cases = vec![
        MCase {
            name: "a meeting alone is work and meeting time",
            meetings: vec![meeting("work", "2026-11-24 10:00", "2026-11-24 11:00")],
            want: (60, 60, 60, 0),
            days: [0, 60, 0, 0, 0, 0, 0],
            ..MCase::default()
        },
        MCase {
            name: "a logged session overlapping wins; the meeting adds its uncovered part",
            meetings: vec![meeting("work", "2026-11-24 10:00", "2026-11-24 11:00")],
            sessions: vec![work("2026-11-24 10:30", 60)],
            want: (90, 30, 30, 0),
            days: [0, 30, 0, 0, 0, 0, 0],
            ..MCase::default()
        },
        MCase {
            name: "a session inside the meeting splits it",
            meetings: vec![meeting("work", "2026-11-24 10:00", "2026-11-24 12:00")],
            sessions: vec![ended(SessionKind::Break, "work", "2026-11-24 10:30", 30)],
            want: (90, 90, 90, 0),
            days: [0, 90, 0, 0, 0, 0, 0],
            ..MCase::default()
        },
        MCase {
            name: "double-booked meetings count once",
            meetings: vec![
                meeting("work", "2026-11-24 10:00", "2026-11-24 11:00"),
                meeting("work", "2026-11-24 10:30", "2026-11-24 11:30"),
            ],
            want: (90, 90, 90, 0),
            days: [0, 90, 0, 0, 0, 0, 0],
            ..MCase::default()
        },
        MCase {
            name: "across midnight: split at local midnight",
            meetings: vec![meeting("work", "2026-11-24 23:00", "2026-11-25 01:00")],
            want: (120, 120, 120, 0),
            days: [0, 60, 60, 0, 0, 0, 0],
            ..MCase::default()
        },
        MCase {
            name: "a free (TRANSP:TRANSPARENT) event is not work nor meeting time",
            meetings: vec![free("2026-11-24 10:00", "2026-11-24 11:00")],
            ..MCase::default()
        },
        MCase {
            name: "a free event next to a busy one: only the busy one counts",
            meetings: vec![
                free("2026-11-24 09:00", "2026-11-24 12:00"),
                meeting("work", "2026-11-24 10:00", "2026-11-24 11:00"),
            ],
            want: (60, 60, 60, 0),
            days: [0, 60, 0, 0, 0, 0, 0],
            ..MCase::default()
        },
        MCase {
            name: "all-day events are not hours",
            meetings: vec![all_day("2026-11-24", "2026-11-26")],
            ..MCase::default()
        },
        MCase {
            name: "a calendar of a life domain is rest of life",
            meetings: vec![meeting("family", "2026-11-24 18:00", "2026-11-24 19:00")],
            want: (0, 60, 0, 60),
            days: [0, 60, 0, 0, 0, 0, 0],
            ..MCase::default()
        },
        MCase {
            name: "an evening meeting is after-hours work",
            meetings: vec![meeting("work", "2026-11-24 18:30", "2026-11-24 20:00")],
            schedule: evenings(),
            want: (90, 90, 90, 0),
            days: [0, 90, 0, 0, 0, 0, 0],
            extra: (60, 0),
            ..MCase::default()
        },
        MCase {
            name: "a weekend meeting is weekend work",
            meetings: vec![meeting("work", "2026-11-28 10:00", "2026-11-28 10:45")],
            want: (45, 45, 45, 0),
            days: [0, 0, 0, 0, 0, 45, 0],
            extra: (0, 45),
            ..MCase::default()
        },
        MCase {
            name: "the current week: up to now, nothing ahead",
            meetings: vec![
                meeting("work", "2026-11-25 11:00", "2026-11-25 13:00"),
                meeting("work", "2026-11-26 09:00", "2026-11-26 10:00"),
            ],
            now: Some("2026-11-25 12:15"),
            want: (75, 75, 75, 0),
            days: [0, 0, 75, 0, 0, 0, 0],
            ..MCase::default()
        },
    ];
    for c in &cases {
        let s = summarize_case(c, nov());
        let got = (
            s.work_minutes,
            s.meeting_minutes,
            s.meeting_work_minutes,
            s.rest_minutes,
        );
        assert_eq!(got, c.want, "{}", c.name);
        let days: [i64; 7] = std::array::from_fn(|i| s.per_day[i].meeting_minutes);
        assert_eq!(days, c.days, "{}", c.name);
        assert_eq!(
            (s.after_hours_minutes, s.weekend_work_minutes),
            c.extra,
            "{}",
            c.name
        );
        let by_domain: i64 = s.meeting_minutes_by_domain.iter().map(|x| x.1).sum();
        assert_eq!(by_domain, s.meeting_minutes, "{}", c.name);
    }
}

#[test]
fn a_meeting_on_the_fall_back_day_counts_real_minutes() {
    // 2026-10-25, Paris: 03:00 CEST becomes 02:00 CET; 01:30 → 03:30 lasts three real hours.
    let week = Week::of(d("2026-10-25"));
    let c = MCase {
        meetings: vec![meeting("work", "2026-10-25 01:30", "2026-10-25 03:30")],
        ..MCase::default()
    };
    let s = summarize_case(&c, week);
    assert_eq!(s.per_day[6].meeting_minutes, 180);
    assert_eq!(s.weekend_work_minutes, 180);
}

#[test]
fn meetings_push_a_week_over_the_hours_lines() {
    // 36 h logged + 6 h of meetings = 42 h: above the 40 h line only with the meetings.
    let mut sessions = Vec::new();
    for day in ["23", "24", "25", "26"] {
        sessions.push(work(&format!("2026-11-{day} 08:00"), 9 * 60));
    }
    let meetings: Vec<Meeting> = ["23", "24", "25"]
        .iter()
        .map(|day| {
            meeting(
                "work",
                &format!("2026-11-{day} 17:00"),
                &format!("2026-11-{day} 19:00"),
            )
        })
        .collect();
    let without = summarize_case(
        &MCase {
            sessions: sessions.clone(),
            ..MCase::default()
        },
        nov(),
    );
    let with = summarize_case(
        &MCase {
            sessions,
            meetings,
            ..MCase::default()
        },
        nov(),
    );
    assert_eq!(
        (without.work_minutes, with.work_minutes),
        (36 * 60, 42 * 60)
    );
    assert!(!kinds(&without).iter().any(|k| k.0 == FlagKind::WorkHours));
    assert!(kinds(&with).iter().any(|k| k.0 == FlagKind::WorkHours));
}

#[test]
fn the_sparkline_counts_meetings_too() {
    let meetings = vec![meeting("work", "2026-11-24 10:00", "2026-11-24 11:00")];
    let sessions = vec![work("2026-11-24 10:30", 60)];
    let got = weekly_work_minutes(
        &sessions,
        &meetings,
        WORK,
        &[nov()],
        at("2026-12-02 00:00"),
        &Paris,
    );
    assert_eq!(got, vec![90]);
}
