//! Generates years of plausible plans into a serein database, for benchmarks and demos.
//!
//! `cargo run --release --example gen_history -- DATA_DIR [YEARS] [END_DATE]`
//! (defaults: 5 years ending 2026-11-23, up to 20 boxes a weekday and 8 a weekend day:
//! ~30,000 boxes for 5 years). Deterministic: the same arguments give the same data.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serein::domain::plan::{Kind, NewTimebox};
use serein::store::Store;

/// A tiny deterministic generator (xorshift): no dependency just for a benchmark.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const WORK: [&str; 8] = [
    "Write report",
    "Code review",
    "Inbox triage",
    "Design doc",
    "Standup",
    "1:1",
    "Deep work",
    "Planning",
];
const LIFE: [(&str, &str); 6] = [
    ("Run", "health"),
    ("Groceries", "personal"),
    ("Call mum", "family"),
    ("Dinner with friends", "social"),
    ("Read", "personal"),
    ("Yoga", "health"),
];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .ok_or_else(|| anyhow::anyhow!("usage: gen_history DATA_DIR [YEARS] [END_DATE]"))?;
    let years: i64 = args.get(2).map_or(Ok(5), |s| s.parse())?;
    let end: NaiveDate = args
        .get(3)
        .map_or(Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()), |s| {
            s.parse()
        })?;
    let mut store = Store::open(&std::path::Path::new(dir).join("serein.db"))?;
    let mut rng = Rng(0x5EED_u64);
    let mut boxes = Vec::new();
    let mut date = end - Duration::days(365 * years);
    while date <= end {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let mut t: u16 = if weekend { 9 * 60 } else { 7 * 60 + 30 };
        let count = if weekend { 8 } else { 20 };
        for i in 0..count {
            let len = [15u16, 20, 30, 45, 60][rng.next(5) as usize];
            if t + len > 23 * 60 {
                break;
            }
            let (title, domain, kind) = if !weekend && i % 4 == 3 {
                ("Break", "work", Kind::Break)
            } else if weekend || i >= 16 {
                let (t, d) = LIFE[rng.next(LIFE.len() as u64) as usize];
                (t, d, Kind::Focus)
            } else {
                (
                    WORK[rng.next(WORK.len() as u64) as usize],
                    "work",
                    Kind::Focus,
                )
            };
            let len = if kind == Kind::Break { 15 } else { len };
            boxes.push(NewTimebox {
                date,
                start: t,
                end: t + len,
                title: title.into(),
                domain: domain.into(),
                kind,
            });
            t += len + [0u16, 0, 5, 15][rng.next(4) as usize];
        }
        date += Duration::days(1);
    }
    let n = store.insert_many(&boxes)?.len();
    println!(
        "generated {n} boxes from {} to {end} in {dir}",
        end - Duration::days(365 * years)
    );
    Ok(())
}
