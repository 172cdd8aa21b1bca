//! Sessions split at midnight.

use super::*;

#[test]
fn pieces_split_at_the_recorded_midnight_and_add_up() {
    // 22:00 to 02:30 with 30 min paused: 240 actual minutes over 270 wall minutes.
    let mut s = work("2026-11-24 22:00", 270);
    s.paused_s = 30 * 60;
    let ps = pieces(&s, at("2026-12-01 00:00"), &Paris);
    let got: Vec<(NaiveDate, i64)> = ps.iter().map(|p| (p.date, p.minutes)).collect();
    // 120/270 and 150/270 of 240 minutes: 106.7 → 107 and 133.
    assert_eq!(got, vec![(d("2026-11-24"), 107), (d("2026-11-25"), 133)]);
    assert_eq!(ps[0].end, at("2026-11-25 00:00"));
    // Recorded in Tokyo (UTC+9) at 23:00 local: it stays on the Tokyo dates, whatever
    // zone the summary is read in.
    let start = at_in(&chrono_tz::Asia::Tokyo, "2026-11-24 23:00");
    let mut t = Session::start(
        "Call",
        "work",
        SessionKind::Focus,
        None,
        7200,
        start,
        d("2026-11-24"),
        9 * 3600,
    );
    t.end(EndReason::Finished, start + Duration::hours(2))
        .unwrap();
    let got: Vec<(NaiveDate, i64)> = pieces(&t, start + Duration::hours(3), &Paris)
        .iter()
        .map(|p| (p.date, p.minutes))
        .collect();
    assert_eq!(got, vec![(d("2026-11-24"), 60), (d("2026-11-25"), 60)]);
    let sum = run(
        &Case {
            sessions: vec![t],
            ..Case::default()
        },
        nov(),
    );
    assert_eq!(
        (sum.per_day[1].work_minutes, sum.per_day[2].work_minutes),
        (60, 60)
    );
    // A running session counts until now.
    let mut r = work("2026-11-24 23:50", 60);
    r.state = State::Running {
        deadline: at("2026-11-25 00:50"),
    };
    let got: Vec<i64> = pieces(&r, at("2026-11-25 00:20"), &Paris)
        .iter()
        .map(|p| p.minutes)
        .collect();
    assert_eq!(got, vec![10, 20]);
}
