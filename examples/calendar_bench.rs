//! Calendar benchmark (not a test): writes a 2,000-event .ics (a mix of one-off meetings over
//! two years and recurring ones begun up to five years ago, with EXDATEs and overrides), then
//! times parsing it once and expanding one week many times. Run by `benches/calendar.sh`.
//! Usage: cargo run --release --example calendar_bench [EVENTS] [RUNS]
//!        cargo run --release --example calendar_bench --write PATH [EVENTS]

use std::fmt::Write as _;
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use serein::calendar::{Origin, Source, expand, load};
use serein::domain::time::Zone;

fn ics(events: usize) -> String {
    let mut s = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//serein bench//EN\r\n");
    let base = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    for i in 0..events {
        let uid = format!("ev{i}@bench");
        let hour = 8 + (i % 9);
        if i % 4 == 0 {
            // Recurring: daily, weekly on weekdays, or every other week; started 1–5 years ago.
            let start = base - Duration::days(365 * (1 + (i as i64 % 5)));
            let rule = match i % 3 {
                0 => "FREQ=DAILY".to_string(),
                1 => "FREQ=WEEKLY;BYDAY=MO,WE,FR".to_string(),
                _ => "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU".to_string(),
            };
            let d = start.format("%Y%m%d");
            let _ = write!(
                s,
                "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n\
                 DTSTART;TZID=Europe/Paris:{d}T{hour:02}0000\r\n\
                 DTEND;TZID=Europe/Paris:{d}T{hour:02}3000\r\nRRULE:{rule}\r\n\
                 EXDATE;TZID=Europe/Paris:20261130T{hour:02}0000\r\n\
                 SUMMARY:Recurring {i}\r\nEND:VEVENT\r\n"
            );
        } else {
            let day = base + Duration::days((i as i64 * 7) % 730);
            let d = day.format("%Y%m%d");
            let _ = write!(
                s,
                "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n\
                 DTSTART;TZID=Europe/Paris:{d}T{hour:02}0000\r\nDURATION:PT45M\r\n\
                 SUMMARY:Meeting {i}\r\nEND:VEVENT\r\n"
            );
        }
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}

fn main() {
    // `--write PATH [EVENTS]`: only write the calendar (benches/calendar_first_frame.sh).
    if std::env::args().nth(1).as_deref() == Some("--write") {
        let path = std::env::args().nth(2).expect("--write PATH [EVENTS]");
        let events = std::env::args()
            .nth(3)
            .and_then(|a| a.parse().ok())
            .unwrap_or(2000);
        std::fs::write(path, ics(events)).unwrap();
        return;
    }
    let mut args = std::env::args().skip(1);
    let events: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let dir = std::env::temp_dir().join(format!("serein-cal-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bench.ics");
    std::fs::write(&path, ics(events)).unwrap();
    let source = Source {
        name: "bench".into(),
        path: path.clone(),
        domain: "work".into(),
    };
    let t = Instant::now();
    let loaded = load(&source).expect("the generated calendar parses");
    let parse_ms = t.elapsed().as_secs_f64() * 1e3;
    let zone = Zone::Named(chrono_tz::Europe::Paris);
    let first = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let last = first + Duration::days(6);
    let origin = Origin {
        calendar: "bench",
        domain: "work",
    };
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = expand::expand(&loaded.events, origin, first, last, &zone).len();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{events} events ({} parsed): parse {parse_ms:.1} ms; expand one week: median {:.2} ms, min {:.2} ms over {runs} runs ({n} instances)",
        loaded.events.len(),
        times[times.len() / 2],
        times[0]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
