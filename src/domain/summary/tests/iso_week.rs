//! The ISO week: names, Mondays, year edges.

use super::*;

#[test]
fn iso_week_names_round_trip_across_year_edges() {
    for (date, name) in [
        ("2026-11-23", "2026-W48"),
        ("2026-01-01", "2026-W01"),
        ("2027-01-03", "2026-W53"),
        ("2020-12-31", "2020-W53"),
        ("2021-01-03", "2020-W53"),
        ("2024-12-30", "2025-W01"),
    ] {
        let w = Week::of(d(date));
        assert_eq!(w.to_string(), name, "{date}");
        assert_eq!(Week::parse(name), Ok(w));
    }
    assert_eq!(Week::parse("2026w7"), Ok(Week::of(d("2026-02-09"))));
    assert!(Week::parse("2025-W53").unwrap_err().contains("no week 53"));
    assert!(Week::parse("2026-47").unwrap_err().contains("YEAR-Wnn"));
    assert!(Week::parse("W47").is_err());
}

#[test]
fn weeks() {
    // (any date, its Monday)
    for (date, monday) in [
        ("2026-11-25", "2026-11-23"),
        ("2026-11-23", "2026-11-23"),
        ("2026-11-29", "2026-11-23"),
        ("2027-01-01", "2026-12-28"), // ISO week 53 across the year change
        ("2026-10-25", "2026-10-19"), // the Paris fall-back Sunday
    ] {
        let w = Week::of(d(date));
        assert_eq!(w.monday, d(monday), "{date}");
        assert_eq!(w.days()[0].weekday(), Weekday::Mon);
        assert_eq!(w.days()[6], d(monday) + Duration::days(6));
        assert!(w.contains(d(date)));
        assert_eq!(w.prev().next(), w);
    }
    assert_eq!(Week::of(d("2026-11-25")).prev().monday, d("2026-11-16"));
}

#[test]
fn iso_week_edges_and_the_year_change() {
    // 2026-W53 runs from Monday 2026-12-28 to Sunday 2027-01-03.
    let w53 = Week::parse("2026-W53").unwrap();
    assert_eq!(w53.monday, d("2026-12-28"));
    let sessions = vec![
        work("2026-12-27 10:00", 60), // Sunday of W52
        work("2026-12-31 23:30", 60), // New Year's Eve into 2027
        work("2027-01-03 10:00", 30), // Sunday of W53
        work("2027-01-04 10:00", 60), // 2027-W01
    ];
    let s = run(
        &Case {
            sessions: sessions.clone(),
            ..Case::default()
        },
        w53,
    );
    let per: Vec<i64> = s.per_day.iter().map(|d| d.work_minutes).collect();
    assert_eq!(per, [0, 0, 0, 30, 30, 0, 30]);
    assert_eq!(s.work_minutes, 90);
    let w1 = w53.next();
    assert_eq!(w1.to_string(), "2027-W01");
    let s = run(
        &Case {
            sessions,
            ..Case::default()
        },
        w1,
    );
    assert_eq!(s.work_minutes, 60);
    assert_eq!(s.per_day[0].work_minutes, 60);
}
