//! Calendar sources: fixtures written from RFC 5545's examples and from what Google, Outlook,
//! Thunderbird and vdirsyncer/khal write, expanded and checked instance by instance.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serein::calendar::{Source, load};
use serein::domain::meeting::{Meeting, MeetingTime};
use serein::domain::time::Zone;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ics")
        .join(name)
}

fn source(name: &str) -> Source {
    Source {
        name: "test".into(),
        path: fixture(name),
        domain: "work".into(),
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn zone(name: &str) -> Zone {
    Zone::Named(name.parse().unwrap())
}

/// One instance as a line: local start date, local times and title, or the all-day dates.
fn line(m: &Meeting, z: &Zone) -> String {
    match m.time {
        MeetingTime::Timed { start, end } => {
            let s = start.with_timezone(z);
            let e = end.with_timezone(z);
            format!(
                "{} {}-{} {}",
                s.format("%F"),
                s.format("%H:%M"),
                e.format("%H:%M"),
                m.title
            )
        }
        MeetingTime::AllDay { first, last } => format!("{first}..{last} {}", m.title),
    }
}

fn expanded(file: &str, z: &str, first: &str, last: &str) -> BTreeMap<String, Vec<String>> {
    let z = zone(z);
    let loaded = load(&source(file)).unwrap_or_else(|e| panic!("{e}"));
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in loaded.meetings(d(first), d(last), &z) {
        out.entry(m.uid.clone()).or_default().push(line(&m, &z));
    }
    out
}

type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static [&'static str])],
);

#[test]
fn fixtures_expand_instance_by_instance() {
    const OUTLOOK_UID: &str = "040000008200E00074C5B7101A82E00800000000D0A6E1C1A2F5DC01000000000000000010000000B1E4B2E5F8E0B94B9E7C0D1B2A3F4E5D";
    // (file, display zone, first, last, every uid with its instances)
    let cases: &[Case] = &[
        (
            "rfc5545.ics",
            "America/New_York",
            "1997-09-01",
            "1997-09-14",
            &[
                (
                    "rfc-daily-count",
                    &[
                        "1997-09-02 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-03 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-04 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-05 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-06 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-07 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-08 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-09 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-10 09:00-10:00 Daily for 10 occurrences",
                        "1997-09-11 09:00-10:00 Daily for 10 occurrences",
                    ],
                ),
                (
                    "rfc-every-other-week",
                    &[
                        "1997-09-01 09:00-09:30 Every other week on Monday, Wednesday and Friday",
                        "1997-09-03 09:00-09:30 Every other week on Monday, Wednesday and Friday",
                        "1997-09-05 09:00-09:30 Every other week on Monday, Wednesday and Friday",
                    ],
                ),
                (
                    "rfc-tu-th",
                    &[
                        "1997-09-02 09:00-10:00 Weekly on Tuesday and Thursday for five weeks",
                        "1997-09-04 09:00-10:00 Weekly on Tuesday and Thursday for five weeks",
                        "1997-09-09 09:00-10:00 Weekly on Tuesday and Thursday for five weeks",
                        "1997-09-11 09:00-10:00 Weekly on Tuesday and Thursday for five weeks",
                    ],
                ),
            ],
        ),
        // UNTIL=19971007T000000Z: Tuesday 7 October 09:00 EDT is after it.
        (
            "rfc5545.ics",
            "America/New_York",
            "1997-09-29",
            "1997-10-10",
            &[
                (
                    "rfc-every-other-week",
                    &[
                        "1997-09-29 09:00-09:30 Every other week on Monday, Wednesday and Friday",
                        "1997-10-01 09:00-09:30 Every other week on Monday, Wednesday and Friday",
                        "1997-10-03 09:00-09:30 Every other week on Monday, Wednesday and Friday",
                    ],
                ),
                (
                    "rfc-tu-th",
                    &[
                        "1997-09-30 09:00-10:00 Weekly on Tuesday and Thursday for five weeks",
                        "1997-10-02 09:00-10:00 Weekly on Tuesday and Thursday for five weeks",
                    ],
                ),
            ],
        ),
        // 09:00 New York stays 09:00 across the end of DST (26 October 1997): 13:00Z, then 14:00Z.
        (
            "rfc5545.ics",
            "UTC",
            "1997-10-13",
            "1997-10-13",
            &[(
                "rfc-every-other-week",
                &["1997-10-13 13:00-13:30 Every other week on Monday, Wednesday and Friday"],
            )],
        ),
        (
            "rfc5545.ics",
            "UTC",
            "1997-10-27",
            "1997-10-27",
            &[(
                "rfc-every-other-week",
                &["1997-10-27 14:00-14:30 Every other week on Monday, Wednesday and Friday"],
            )],
        ),
        // RDATE adds 15 and 17 July, EXDATE removes the 15th; a yearly all-day event.
        (
            "rfc5545.ics",
            "America/New_York",
            "1997-07-13",
            "1997-07-20",
            &[
                (
                    "rfc-annual-allday",
                    &["1997-07-14..1997-07-14 Our Blissful Anniversary"],
                ),
                (
                    "rfc-rdate",
                    &[
                        "1997-07-14 08:30-09:30 RDATE example",
                        "1997-07-17 08:30-09:30 RDATE example",
                    ],
                ),
            ],
        ),
        (
            "rfc5545.ics",
            "Europe/Paris",
            "1999-07-14",
            "1999-07-14",
            &[(
                "rfc-annual-allday",
                &["1999-07-14..1999-07-14 Our Blissful Anniversary"],
            )],
        ),
        // Google: EXDATE on Tuesday, Wednesday moved by an override, Thursday cancelled.
        (
            "google.ics",
            "Europe/Berlin",
            "2026-12-07",
            "2026-12-11",
            &[
                (
                    "1a2b3c4dholiday@google.com",
                    &["2026-12-11..2026-12-11 Team offsite"],
                ),
                (
                    "3k1f0q2m8c9standup@google.com",
                    &[
                        "2026-12-07 09:30-09:45 Standup",
                        "2026-12-09 11:00-11:15 Standup (moved)",
                        "2026-12-11 09:30-09:45 Standup",
                    ],
                ),
                (
                    "7h2k9review@google.com",
                    &["2026-12-07 16:00-17:00 Design review"],
                ),
            ],
        ),
        // Outlook: Windows zone names, a folded UID, EXDATE, UNTIL in UTC, CRLF lines.
        (
            "outlook.ics",
            "Europe/Berlin",
            "2026-12-07",
            "2026-12-21",
            &[
                (
                    OUTLOOK_UID,
                    &[
                        "2026-12-07 10:00-11:00 Jour fixe",
                        "2026-12-21 10:00-11:00 Jour fixe",
                    ],
                ),
                ("outlook-allday", &["2026-12-09..2026-12-10 Conference"]),
                ("outlook-london", &["2026-12-09 10:00-10:30 London sync"]),
                ("outlook-ny", &["2026-12-09 15:00-16:00 NY sync"]),
                (
                    "outlook-paris-late",
                    &["2026-12-08 23:00-01:00 Release window"],
                ),
                ("outlook-sf", &["2026-12-10 17:00-17:30 SF sync"]),
                ("outlook-warsaw", &["2026-12-10 09:00-10:00 Warsaw sync"]),
            ],
        ),
        // Across midnight: the day after still shows it.
        (
            "outlook.ics",
            "Europe/Berlin",
            "2026-12-09",
            "2026-12-09",
            &[
                ("outlook-allday", &["2026-12-09..2026-12-10 Conference"]),
                ("outlook-london", &["2026-12-09 10:00-10:30 London sync"]),
                ("outlook-ny", &["2026-12-09 15:00-16:00 NY sync"]),
                (
                    "outlook-paris-late",
                    &["2026-12-08 23:00-01:00 Release window"],
                ),
            ],
        ),
        // Thunderbird: floating time, no DTEND, RDATE list, Mozilla TZID path, COUNT, cancelled.
        (
            "thunderbird.ics",
            "Europe/Paris",
            "2026-12-07",
            "2026-12-11",
            &[
                ("tb-floating-lunch", &["2026-12-07 12:00-12:45 Lunch"]),
                (
                    "tb-mozilla-tzid",
                    &[
                        "2026-12-09 08:00-08:15 Daily check",
                        "2026-12-10 08:00-08:15 Daily check",
                        "2026-12-11 08:00-08:15 Daily check",
                    ],
                ),
                ("tb-no-end", &["2026-12-07 17:00-17:00 Call back"]),
                (
                    "tb-rdate",
                    &[
                        "2026-12-08 14:00-15:00 Workshop",
                        "2026-12-10 14:00-15:00 Workshop",
                        "2026-12-11 16:00-17:00 Workshop",
                    ],
                ),
            ],
        ),
        // A floating time is read in the user's zone, whichever it is.
        (
            "thunderbird.ics",
            "America/New_York",
            "2026-12-07",
            "2026-12-07",
            &[
                ("tb-floating-lunch", &["2026-12-07 12:00-12:45 Lunch"]),
                ("tb-no-end", &["2026-12-07 11:00-11:00 Call back"]),
            ],
        ),
        // DST days in Berlin: 09:30 stays 09:30; a time in the gap moves forward; the fold
        // takes the earlier instant.
        (
            "dst.ics",
            "Europe/Berlin",
            "2026-03-27",
            "2026-03-30",
            &[
                (
                    "dst-daily",
                    &[
                        "2026-03-27 09:30-10:00 Morning sync",
                        "2026-03-28 09:30-10:00 Morning sync",
                        "2026-03-29 09:30-10:00 Morning sync",
                        "2026-03-30 09:30-10:00 Morning sync",
                    ],
                ),
                ("dst-gap", &["2026-03-29 03:30-04:00 In the gap"]),
            ],
        ),
        (
            "dst.ics",
            "UTC",
            "2026-03-27",
            "2026-03-30",
            &[
                (
                    "dst-daily",
                    &[
                        "2026-03-27 08:30-09:00 Morning sync",
                        "2026-03-28 08:30-09:00 Morning sync",
                        "2026-03-29 07:30-08:00 Morning sync",
                        "2026-03-30 07:30-08:00 Morning sync",
                    ],
                ),
                ("dst-gap", &["2026-03-29 01:30-02:00 In the gap"]),
            ],
        ),
        (
            "dst.ics",
            "UTC",
            "2026-10-25",
            "2026-10-25",
            &[("dst-fold", &["2026-10-25 00:30-02:30 In the fold"])],
        ),
        // A vdir: one event per file; other files are ignored.
        (
            "vdir",
            "Europe/Paris",
            "2026-12-07",
            "2026-12-08",
            &[
                ("2f6e-planning", &["2026-12-07 14:00-15:00 Planning"]),
                ("9c1a-dentist", &["2026-12-08 08:00-08:30 Dentist"]),
            ],
        ),
    ];
    for (file, z, first, last, want) in cases {
        let got = expanded(file, z, first, last);
        let want: BTreeMap<String, Vec<String>> = want
            .iter()
            .map(|(u, l)| (u.to_string(), l.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(got, want, "{file} in {z}, {first}..{last}");
    }
}

#[test]
fn instances_keep_their_identity_across_reads() {
    let z = zone("Europe/Berlin");
    let a = load(&source("google.ics"))
        .unwrap()
        .meetings(d("2026-12-07"), d("2026-12-11"), &z);
    let b = load(&source("google.ics"))
        .unwrap()
        .meetings(d("2026-12-07"), d("2026-12-11"), &z);
    assert_eq!(a, b);
    let ids: Vec<(&str, Option<&str>)> = a
        .iter()
        .map(|m| (m.uid.as_str(), m.instance.as_deref()))
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    // The moved instance keeps the id of the slot it replaced.
    let moved = a.iter().find(|m| m.title == "Standup (moved)").unwrap();
    assert_eq!(moved.instance.as_deref(), Some("20261209T093000"));
    assert!(a.iter().all(|m| m.calendar == "test" && m.domain == "work"));
}

#[test]
fn a_broken_file_names_file_and_line() {
    let e = load(&source("broken.ics")).unwrap_err().to_string();
    assert!(e.contains("broken.ics:7: "), "{e}");
    assert!(e.contains("DTSTART value \"2026-12-07 10:00\""), "{e}");
    let e = load(&source("missing.ics")).unwrap_err().to_string();
    assert!(e.contains("missing.ics: cannot read"), "{e}");
}
