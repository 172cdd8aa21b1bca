//! The week's numbers: days, domains, DST, offline hours kept, plan, interruptions.

use super::*;

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
    assert_eq!(
        s.flags[0].says,
        Says::Breathing {
            done: 0,
            goal: 21,
            week_goal: None
        }
    );
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
        let want: Vec<(String, i64)> = domains.iter().map(|(d, m)| (d.to_string(), *m)).collect();
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
                meetings: &[],
                now: at(now),
            },
            nov(),
            &Paris,
        );
        assert_eq!(s.offline_kept_percent, want, "{now} {periods:?}");
    }
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

/// Issue 14: in the current week, boxes still ahead counted as not done, and days still
/// ahead as breathing sessions missed.
#[test]
fn the_current_week_counts_only_what_is_due_so_far() {
    let tb = |id, date: &str, start: u16, end: u16, done| Timebox {
        id,
        date: d(date),
        start,
        end,
        title: "x".into(),
        domain: "work".into(),
        kind: Kind::Focus,
        done,
    };
    let on = |id, start: &str, m| {
        let mut s = work(start, m);
        s.timebox_id = Some(id);
        s
    };
    let titles = vec!["Cardiac coherence (365)".to_string()];
    let timeboxes = vec![
        tb(1, "2026-11-24", 540, 600, false), // Tue 09:00-10:00: due, 60 spent
        tb(2, "2026-11-24", 600, 660, false), // Tue 10:00-11:00: due at "now", nothing spent
        tb(3, "2026-11-24", 840, 900, true),  // Tue 14:00: ahead but done early, 30 spent
        tb(4, "2026-11-24", 900, 960, false), // Tue 15:00: ahead
        tb(5, "2026-11-26", 540, 600, false), // Thu: ahead
    ];
    let sessions = vec![
        on(1, "2026-11-24 09:00", 60),
        on(3, "2026-11-24 11:00", 30),
        session(
            SessionKind::Breathing,
            "health",
            "Cardiac coherence (365)",
            "2026-11-23 08:30",
            5,
            EndReason::Finished,
        ),
    ];
    let s = summarize(
        &Inputs {
            sessions: &sessions,
            timeboxes: &timeboxes,
            work_domains: WORK,
            schedule: &OfflineSchedule::none(),
            after_hours_ids: &[],
            offline_periods: &[],
            breathing_goal_per_day: 3,
            coherence_titles: &titles,
            meetings: &[],
            now: at("2026-11-24 11:00"),
        },
        nov(),
        &Paris,
    );
    // Boxes 1, 2 and 3 are due: 180 planned, 90 done.
    assert_eq!((s.planned_minutes, s.planned_done_minutes), (180, 90));
    assert_eq!(s.plan_adherence_percent, Some(50));
    // Monday and Tuesday so far: 6 sessions, not 21.
    assert_eq!((s.breathing_goal, s.breathing_goal_week), (6, 21));
    let f = flag(&s, FlagKind::Breathing);
    assert_eq!(
        f.says,
        Says::Breathing {
            done: 1,
            goal: 6,
            week_goal: Some(21)
        }
    );
    assert_eq!(f.days, vec![d("2026-11-23"), d("2026-11-24")]);
    // A week still ahead: nothing due, nothing missed.
    let s = summarize(
        &Inputs {
            sessions: &[],
            timeboxes: &[tb(9, "2026-12-01", 540, 600, false)],
            work_domains: WORK,
            schedule: &OfflineSchedule::none(),
            after_hours_ids: &[],
            offline_periods: &[],
            breathing_goal_per_day: 3,
            coherence_titles: &titles,
            meetings: &[],
            now: at("2026-11-24 11:00"),
        },
        Week::of(d("2026-12-01")),
        &Paris,
    );
    assert_eq!((s.planned_minutes, s.plan_adherence_percent), (0, None));
    assert_eq!(s.breathing_goal, 0);
    assert!(s.flags.is_empty(), "{:?}", s.flags);
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
        flag(&s, FlagKind::WeekendWeeks).says,
        Says::WeekendWeeks { weeks: 3 }
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
