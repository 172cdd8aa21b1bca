//! The time zone is an input like the instant (`Now::zone`), not the process's `TZ`: the same
//! plan on a DST day reads differently in Europe/Paris and in UTC, whatever zone the tests
//! run in.

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serein::app::msg::Msg;
use serein::domain::plan::{Kind, NewTimebox};
use serein::domain::time::{Now, Zone};
use serein::shell::Shell;
use serein::store::Store;

use crate::model_at;

/// Spring forward in Paris: 02:00 → 03:00.
fn dst_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[test]
fn a_box_on_a_dst_day_lasts_what_the_zone_of_now_says() {
    // (zone, the instant that is 01:00 on the wall there, shown length, planned seconds)
    let cases = [
        (
            Zone::Named(chrono_tz::Europe::Paris),
            "2026-03-29T00:00:00Z",
            " 1h · work ",
            3600,
        ),
        (Zone::utc(), "2026-03-29T01:00:00Z", " 2h · work ", 7200),
    ];
    for (zone, instant, shown, planned_s) in cases {
        let now = Now::at(utc(instant), zone);
        assert_eq!(now.local, dst_day().and_hms_opt(1, 0, 0).unwrap());
        let mut store = Store::open_in_memory().unwrap();
        store
            .insert_many(&[NewTimebox {
                date: dst_day(),
                start: 90,
                end: 210,
                title: "Night shift".into(),
                domain: "work".into(),
                kind: Kind::Focus,
            }])
            .unwrap();
        let mut m = model_at(now.local);
        let mut shell = Shell::new(&mut store);
        shell.start(&mut m, now);

        // Today: 01:30–03:30 on the wall is one real hour in Paris, two in UTC.
        let screen = crate::render::screen(&m, 80, 20);
        assert!(
            screen.contains(shown),
            "{zone:?}: want {shown:?} in\n{screen}"
        );

        // Starting it plans its real length.
        let enter = Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        shell.dispatch(&mut m, enter, now);
        drop(shell);
        let s = store.active_session().unwrap().expect("a session runs");
        assert_eq!(s.planned_s, planned_s, "{zone:?}: {s:?}");
    }
}

#[test]
fn when_an_instant_is_reads_its_day_in_the_zone() {
    let paris = Zone::Named(chrono_tz::Europe::Paris);
    // (now, at, shown): on 2026-10-25 Paris falls back 03:00 → 02:00, so 25 hours pass
    // between Saturday 23:30 and Sunday 23:30.
    let cases = [
        ("2026-10-24T21:30:00Z", "2026-10-25T22:30:00Z", "Sun 23:30"),
        ("2026-10-24T21:30:00Z", "2026-10-24T21:45:00Z", "23:45"),
        ("2026-03-28T22:30:00Z", "2026-03-29T21:30:00Z", "Sun 23:30"),
    ];
    for (now, at, shown) in cases {
        let now = Now::at(utc(now), paris);
        let got = match serein::domain::time::when(now, utc(at)) {
            (Some(day), hhmm) => format!("{} {hhmm}", day.format("%a")),
            (None, hhmm) => hhmm,
        };
        assert_eq!(got, shown, "{now:?} {at}");
    }
}
