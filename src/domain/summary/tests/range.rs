//! Totals over a range of days.

use super::*;

#[test]
fn range_totals_by_domain_and_week() {
    let sessions = vec![
        work("2026-11-16 09:00", 60),
        ended(SessionKind::Focus, "family", "2026-11-22 23:00", 120), // Sun → Mon
        work("2026-11-25 09:00", 45),
        ended(SessionKind::Break, "work", "2026-11-25 10:00", 10),
        work("2026-12-01 09:00", 60), // after the range
    ];
    let r = summarize_range(
        &sessions,
        WORK,
        &[],
        d("2026-11-16"),
        d("2026-11-29"),
        at("2026-12-02 00:00"),
        &Paris,
    );
    assert_eq!((r.work_minutes, r.rest_minutes), (105, 120));
    assert_eq!(
        r.minutes_by_domain,
        vec![("family".to_string(), 120), ("work".to_string(), 105)]
    );
    assert_eq!((r.breaks, r.break_minutes, r.sessions), (1, 10, 4));
    let weeks: Vec<(String, i64, i64)> = r
        .weeks
        .iter()
        .map(|w| (w.week.to_string(), w.work_minutes, w.rest_minutes))
        .collect();
    assert_eq!(
        weeks,
        vec![("2026-W47".into(), 60, 60), ("2026-W48".into(), 45, 60)]
    );
    // An empty range still lists its weeks, all zero.
    let e = summarize_range(
        &[],
        WORK,
        &[],
        d("2026-11-16"),
        d("2026-11-16"),
        at("2026-12-02 00:00"),
        &Paris,
    );
    assert_eq!(e.weeks.len(), 1);
    assert_eq!((e.work_minutes, e.sessions), (0, 0));
    assert_eq!(
        weekly_work_minutes(
            &sessions,
            &[],
            WORK,
            &[nov().prev(), nov()],
            at("2026-12-02 00:00"),
            &Paris
        ),
        vec![60, 45]
    );
}
