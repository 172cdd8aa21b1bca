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

/// A model at 10:20 on 2026-11-23 (UTC) with one calendar, started by the shell (which reads
/// the calendar off the draw path), with `boxes` stored.
fn today_with(
    ics: &str,
    boxes: &[serein::domain::plan::NewTimebox],
) -> (
    tempfile::TempDir,
    serein::app::model::Model,
    serein::store::Store,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.ics");
    std::fs::write(&path, ics).unwrap();
    let mut m = crate::model_at(crate::at(10, 20));
    m.config.calendars = vec![serein::config::CalendarConfig {
        name: "work".into(),
        path,
        domain: "work".into(),
        ..Default::default()
    }];
    let mut store = serein::store::Store::open_in_memory().unwrap();
    store.insert_many(boxes).unwrap();
    let now = m.now;
    serein::shell::Shell::new(&mut store).start(&mut m, now);
    (dir, m, store)
}

const DAY_ICS: &str = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:Standup\nDTSTART:20261123T110000\nDTEND:20261123T113000\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\nSUMMARY:Offsite\nDTSTART;VALUE=DATE:20261123\nEND:VEVENT\nEND:VCALENDAR\n";

#[test]
fn meetings_show_on_today_as_read_only_boxes_and_all_day_in_the_header() {
    let (_d, m, _s) = today_with(DAY_ICS, &[]);
    let screen = crate::render::screen(&m, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[0].contains("◆ Offsite"), "{screen}");
    let row = lines
        .iter()
        .find(|l| l.contains("Standup"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        row.contains("11:00")
            && row.contains("┃ ◆ Standup")
            && row.contains("30m · meeting · work"),
        "{row}"
    );
    assert!(!screen.contains("no boxes on this day"), "{screen}");
    // Not selectable: nothing is selected on a day with only meetings.
    assert_eq!(m.today.selected, None);
}

#[test]
fn placement_skips_meetings_on_today() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use serein::app::msg::Msg;
    let (_d, mut m, mut store) = today_with(DAY_ICS, &[]);
    let now = m.now;
    let mut shell = serein::shell::Shell::new(&mut store);
    let key = |c: KeyCode| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE));
    shell.dispatch(&mut m, key(KeyCode::Char('a')), now);
    for c in "45m Write".chars() {
        shell.dispatch(&mut m, key(KeyCode::Char(c)), now);
    }
    shell.dispatch(&mut m, key(KeyCode::Enter), now);
    let b: Vec<(u16, u16, &str)> = m
        .today
        .boxes
        .iter()
        .map(|b| (b.start, b.end, b.title.as_str()))
        .collect();
    // From 10:20 (rounded to 10:20), 45 minutes would end at 11:05, inside the 11:00 meeting.
    assert_eq!(b, vec![(11 * 60 + 30, 12 * 60 + 15, "Write")]);
}

#[test]
fn a_broken_calendar_keeps_its_last_good_copy_and_warns() {
    use serein::app::msg::Msg;
    let (d, mut m, mut store) = today_with(DAY_ICS, &[]);
    assert_eq!(m.today.calendars.meetings.len(), 2);
    let path = d.path().join("work.ics");
    std::fs::write(
        &path,
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:nope\nEND:VEVENT\nEND:VCALENDAR\n",
    )
    .unwrap();
    // Another modification time than the one read (filesystems with coarse times).
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let mut shell = serein::shell::Shell::new(&mut store);
    let next = m.now + chrono::Duration::minutes(1);
    shell.dispatch(&mut m, Msg::Tick, next);
    assert_eq!(
        m.today.calendars.meetings.len(),
        2,
        "the last good copy stays"
    );
    let status = m
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("work.ics:3: ") && status.contains("keeping the last good copy"),
        "{status}"
    );
    let screen = crate::render::screen(&m, 120, 24);
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("⚠ calendar work broken · ◆ Offsite"),
        "{screen}"
    );
}

#[test]
fn cli_lists_a_days_meetings_and_checks_sources() {
    let env = crate::Env::new();
    env.write_config(&format!(
        "[[calendar]]\nname = \"google\"\npath = \"{}\"\n",
        fixture("google.ics").display()
    ));
    let out = env
        .cmd()
        .args(["calendar", "list", "--date", "2026-12-11"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(
        text,
        "all day      Team offsite  #work  (google)\n09:30-09:45  Standup  #work  (google)\n"
    );
    let out = env
        .cmd()
        .args(["calendar", "list", "--date", "2026-12-10"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "no meetings on 2026-12-10\n"
    );
    env.cmd().args(["calendar", "check"]).assert().success();

    env.write_config(&format!(
        "[[calendar]]\nname = \"bad\"\npath = \"{}\"\n",
        fixture("broken.ics").display()
    ));
    let out = env.cmd().args(["calendar", "check"]).assert().failure();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("✗ bad: ") && text.contains("broken.ics:7: "),
        "{text}"
    );
}

/// `serein plan add "45m …"` and `plan apply-template` from the command line find the next
/// free slot around the day's meetings, as the TUI does.
#[test]
fn cli_placement_skips_meetings() {
    let env = crate::Env::new();
    let ics = env.path().join("mine.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
         UID:early@test\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261214T080000\r\n\
         DTEND:20261214T090000\r\nSUMMARY:Early sync\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    env.write_config(&format!(
        "[[calendar]]\nname = \"mine\"\npath = \"{}\"\n\n[[template]]\nname = \"t\"\nboxes = [\"30m Mail #work\"]\n",
        ics.display()
    ));
    env.cmd()
        .env("SEREIN_NOW", "2026-12-10T10:00")
        .args(["plan", "add", "45m Read #work", "--date", "2026-12-14"])
        .assert()
        .success()
        .stdout(predicates::str::contains("09:00-09:45 Read"));
    env.cmd()
        .env("SEREIN_NOW", "2026-12-10T10:00")
        .args(["plan", "apply-template", "t", "--date", "2026-12-14"])
        .assert()
        .success()
        .stdout(predicates::str::contains("09:45-10:15 Mail"));
}

/// `serein export ics`: the plan as a valid iCalendar file that serein's own calendar reader
/// (and so a calendar app) reads back to the same boxes, on a DST day included; with
/// `--sessions`, the log too. Text with `;` `,` and accents survives; lines end in CRLF and
/// are folded at 75 octets.
#[test]
fn export_ics_reads_back_as_the_same_boxes() {
    let env = crate::Env::new();
    for (line, date) in [
        ("09:00-10:30 Write; the report, v2 #work", "2026-11-23"),
        ("12:00-13:00 Lunch with Léa #social", "2026-11-23"),
        // Paris leaves summer time at 03:00 that night: the box still lasts its wall hours.
        ("01:00-04:00 Night shift #work", "2026-10-25"),
        (
            "14:00-15:00 A very long title that goes on and on past the seventy-five octet limit #work",
            "2026-11-24",
        ),
    ] {
        env.cmd()
            .args(["plan", "add", line, "--date", date])
            .assert()
            .success();
    }
    env.cmd()
        .args(["start", "Focus #work", "--for", "25m"])
        .assert()
        .success();
    env.cmd()
        .env("SEREIN_NOW", "2026-11-23T10:00")
        .arg("stop")
        .assert()
        .success();

    let out = env
        .cmd()
        .args(["export", "ics", "--sessions"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    for l in text.split("\r\n") {
        assert!(l.len() <= 75, "a line longer than 75 octets: {l:?}");
        assert!(!l.contains('\n'), "a bare LF: {l:?}");
    }
    let events = serein::calendar::ics::parse(&text).unwrap();
    let ics_path = env.path().join("export.ics");
    std::fs::write(&ics_path, &text).unwrap();
    let source = Source {
        name: "export".into(),
        path: ics_path,
        domain: "work".into(),
    };
    let loaded = serein::calendar::load(&source).unwrap();
    let z = zone("Europe/Paris");
    let mut got: Vec<String> = loaded
        .meetings(d("2026-10-24"), d("2026-11-25"), &z)
        .iter()
        .map(|m| line(m, &z))
        .collect();
    got.sort();
    assert_eq!(events.len(), 5, "4 boxes and 1 session");
    let want = [
        "2026-10-25 01:00-04:00 Night shift",
        "2026-11-23 09:00-10:30 Write; the report, v2",
        "2026-11-23 09:41-10:00 Focus",
        "2026-11-23 12:00-13:00 Lunch with Léa",
        "2026-11-24 14:00-15:00 A very long title that goes on and on past the seventy-five octet limit",
    ];
    for w in want {
        assert!(
            got.iter().any(|g| g.starts_with(w)),
            "{w:?} not in the export read back: {got:#?}"
        );
    }
    // Without --sessions, only the plan; with a range, only its days.
    let out = env
        .cmd()
        .args([
            "export",
            "ics",
            "--from",
            "2026-11-23",
            "--to",
            "2026-11-23",
        ])
        .output()
        .unwrap();
    let events = serein::calendar::ics::parse(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(events.len(), 2);
}
