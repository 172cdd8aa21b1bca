//! `serein summary` with a calendar configured: meetings count as work in their calendar's
//! domain, apart as meeting minutes (table row, JSON and CSV fields), never twice with a
//! logged session, cancelled instances and all-day events not at all, the current week only
//! up to now.

use chrono::{Duration, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Europe::Paris;
use serde_json::Value;
use serein::domain::session::{EndReason, Session, SessionKind};
use serein::store::Store;

use crate::Env;

/// Week 2026-W47 (Mon 16 – Sun 22 Nov; `SEREIN_NOW` is Mon 23 09:41) and Mon 23 itself.
/// - a daily 09:00–09:15 standup Mon–Fri, Thursday's instance cancelled: 4 × 15 min;
/// - Tue 10:00–11:00 review, a session logged 10:30–11:30 (the session wins: 30 min left);
/// - Wed 19:30–20:30 call, inside the offline hours (after-hours work);
/// - Fri all day "Offsite": no hours;
/// - Mon 23 09:00–10:00 (under way: 41 min so far) and 14:00–15:00 (ahead: nothing).
const ICS: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//serein//EN\r
BEGIN:VEVENT\r
UID:standup@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261116T090000\r
DTEND;TZID=Europe/Paris:20261116T091500\r
RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=5\r
SUMMARY:Standup\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:standup@test\r
DTSTAMP:20261101T000000Z\r
RECURRENCE-ID;TZID=Europe/Paris:20261119T090000\r
DTSTART;TZID=Europe/Paris:20261119T090000\r
DTEND;TZID=Europe/Paris:20261119T091500\r
STATUS:CANCELLED\r
SUMMARY:Standup\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:review@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261117T100000\r
DTEND;TZID=Europe/Paris:20261117T110000\r
SUMMARY:Design review\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:call@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261118T193000\r
DTEND;TZID=Europe/Paris:20261118T203000\r
SUMMARY:Call with Montreal\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:offsite@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;VALUE=DATE:20261120\r
DTEND;VALUE=DATE:20261121\r
SUMMARY:Offsite\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:monday@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261123T090000\r
DTEND;TZID=Europe/Paris:20261123T100000\r
SUMMARY:Planning\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:later@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261123T140000\r
DTEND;TZID=Europe/Paris:20261123T150000\r
SUMMARY:One-to-one\r
END:VEVENT\r
END:VCALENDAR\r
";

fn session(start: &str, minutes: i64) -> Session {
    let start = NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M").unwrap();
    let t = Paris.from_local_datetime(&start).earliest().unwrap();
    let utc = t.with_timezone(&chrono::Utc);
    let mut s = Session::start(
        "Write",
        "work",
        SessionKind::Focus,
        None,
        minutes * 60,
        utc,
        start.date(),
        t.offset().fix().local_minus_utc(),
    );
    s.end(EndReason::Finished, utc + Duration::minutes(minutes))
        .unwrap();
    s
}

/// A home with the calendar above (or none) and one logged session, Tue 17 10:30–11:30.
fn env(with_calendar: bool) -> Env {
    let env = Env::new();
    let ics = env.path().join("work.ics");
    std::fs::write(&ics, ICS).unwrap();
    let mut config = "[offline]\nweekdays = \"19:00-08:00\"\n".to_string();
    if with_calendar {
        config.push_str(&format!(
            "\n[[calendar]]\nname = \"work\"\npath = {:?}\n",
            ics.display().to_string()
        ));
    }
    env.write_config(&config);
    std::fs::create_dir_all(env.data_dir()).unwrap();
    let mut store = Store::open(&env.data_dir().join("serein.db")).unwrap();
    store
        .start_session(&session("2026-11-17 10:30", 60))
        .unwrap();
    env
}

fn summary(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().arg("summary").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "serein summary {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(env: &Env, week: &str) -> Value {
    serde_json::from_str(&summary(env, &["--week", week, "--format", "json"])).unwrap()
}

#[test]
fn summary_json_counts_meetings_as_work_and_apart() {
    let j = json(&env(true), "2026-W47");
    // Meetings: Mon 15, Tue 15 + 30, Wed 15 + 60, Thu 0 (cancelled), Fri 15 (the all-day
    // offsite adds nothing) = 150; the logged hour on top.
    assert_eq!(j["meeting_minutes"], 150, "{j:#}");
    assert_eq!(j["meeting_work_minutes"], 150);
    assert_eq!(j["work_minutes"], 210);
    let days: Vec<i64> = j["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["meeting_minutes"].as_i64().unwrap())
        .collect();
    assert_eq!(days, [15, 45, 75, 0, 15, 0, 0]);
    assert_eq!(j["days"][1]["work_minutes"], 105);
    assert_eq!(j["by_domain"][0]["domain"], "work");
    assert_eq!(j["by_domain"][0]["minutes"], 210);
    assert_eq!(j["by_domain"][0]["meeting_minutes"], 150);
    assert_eq!(j["days"][2]["by_domain"][0]["meeting_minutes"], 75);
    // The evening call is work in offline hours.
    assert_eq!(j["after_hours"]["minutes"], 60);
}

#[test]
fn summary_without_a_calendar_has_zero_meeting_fields() {
    let j = json(&env(false), "2026-W47");
    assert_eq!(j["meeting_minutes"], 0);
    assert_eq!(j["work_minutes"], 60);
    assert_eq!(j["days"][1]["meeting_minutes"], 0);
    assert_eq!(j["after_hours"]["minutes"], 0);
}

#[test]
fn summary_current_week_counts_meetings_up_to_now() {
    // Monday 23, 09:41: the 09:00 planning counts 41 min, the 14:00 one-to-one nothing yet.
    let j = json(&env(true), "2026-W48");
    assert_eq!(j["meeting_minutes"], 41, "{j:#}");
    assert_eq!(j["work_minutes"], 41);
}

#[test]
fn range_summaries_count_meetings_as_the_week_does() {
    // Tue 17 – Mon 23: the week's meetings from Tuesday (150 − Monday's 15 = 135) and
    // Monday 23's 41 min so far; the logged hour on top, as in the week.
    let home = env(true);
    let args = ["--from", "2026-11-17", "--to", "2026-11-23"];
    let j: Value = serde_json::from_str(&summary(
        &home,
        &[&args[..], &["--format", "json"]].concat(),
    ))
    .unwrap();
    assert_eq!(j["meeting_minutes"], 176, "{j:#}");
    assert_eq!(j["work_minutes"], 236);
    assert_eq!(j["weeks"][0]["meeting_minutes"], 135);
    assert_eq!(j["weeks"][0]["work_minutes"], 195);
    assert_eq!(j["weeks"][1]["meeting_minutes"], 41);
    // Stand-ins are not sessions of their own.
    assert_eq!(j["sessions"], 1);
    let csv = summary(&home, &[&args[..], &["--format", "csv"]].concat());
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",meeting_minutes"), "{csv}");
    assert!(lines.next().unwrap().ends_with(",195,0,135"), "{csv}");
    let table = summary(&home, &args);
    assert!(table.contains("2 h 56 min in meetings"), "{table}");
    // Without a calendar: no meetings, the logged hour only.
    let j: Value = serde_json::from_str(&summary(
        &env(false),
        &[&args[..], &["--format", "json"]].concat(),
    ))
    .unwrap();
    assert_eq!(j["meeting_minutes"], 0);
    assert_eq!(j["work_minutes"], 60);
}

#[test]
fn summary_csv_and_table_show_meeting_time() {
    let env = env(true);
    let csv = summary(&env, &["--week", "2026-W47", "--format", "csv"]);
    let mut lines = csv.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = head.iter().position(|h| *h == "meeting_minutes").unwrap();
    let work_col = head
        .iter()
        .position(|h| *h == "meeting_work_minutes")
        .unwrap();
    let meetings: Vec<&str> = lines.map(|l| l.split(',').nth(col).unwrap()).collect();
    assert_eq!(meetings, ["15", "45", "75", "0", "15", "0", "0"], "{csv}");
    assert!(csv.lines().nth(3).unwrap().split(',').nth(work_col) == Some("75"));

    let table = summary(&env, &["--week", "2026-W47"]);
    let row = table
        .lines()
        .find(|l| l.trim_start().starts_with("of which meetings"))
        .unwrap_or_else(|| panic!("no meetings row:\n{table}"));
    assert!(row.trim_end().ends_with("2:30"), "{row}");
    assert!(
        table.contains("Meetings       2 h 30 min in meetings, counted as work"),
        "{table}"
    );
    // Without a calendar the table is as before: no meetings row or line.
    let plain = summary(&self::env(false), &["--week", "2026-W47"]);
    assert!(!plain.contains("meetings"), "{plain}");
}

#[test]
fn a_broken_calendar_is_left_out_with_a_warning() {
    let env = env(true);
    std::fs::write(
        env.path().join("work.ics"),
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["summary", "--week", "2026-W47", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("calendar \"work\" left out of the summary") && err.contains("work.ics"),
        "{err}"
    );
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["meeting_minutes"], 0);
}

/// `serein offline status` with `meeting_dnd`: Monday 23 at 09:41 the 09:00–10:00 planning
/// is under way, so serein wants Do-Not-Disturb until 10:00 because of it; without
/// `meeting_dnd` it stays online until the evening's offline hours.
#[test]
fn offline_status_says_offline_during_a_meeting() {
    let home = env(true);
    let ics = home.path().join("work.ics");
    let status = |meeting_dnd: bool| {
        home.write_config(&format!(
            "[offline]\nweekdays = \"19:00-08:00\"\nmeeting_dnd = {meeting_dnd}\n\n\
             [[calendar]]\nname = \"work\"\npath = {:?}\n",
            ics.display().to_string()
        ));
        let out = home.cmd().args(["offline", "status"]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let on = status(true);
    assert_eq!(
        on.lines().next(),
        Some("offline (a meeting) until 10:00"),
        "{on}"
    );
    let off = status(false);
    assert_eq!(
        off.lines().next(),
        Some("online; offline from 19:00"),
        "{off}"
    );
}

/// `meeting_dnd` through the shell (TUI and daemon share it): a meeting under way asks for
/// Do-Not-Disturb with its own reason, the loop's next wake is the meeting's end, and it
/// goes off there.
#[test]
fn meeting_dnd_turns_dnd_on_during_a_meeting_and_wakes_at_its_end() {
    use serein::app::msg::Msg;
    use serein::domain::policy::Reason;
    use serein::shell::{RecordingDesktop, Shell};

    use crate::{at, model_at};

    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("work.ics");
    // Monday 23 Nov (the model's day, in UTC): a 10:00-10:30 standup, an all-day event.
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s@test\r\n\
DTSTART:20261123T100000Z\r\nDTEND:20261123T103000Z\r\nSUMMARY:Standup\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:o@test\r\nDTSTART;VALUE=DATE:20261123\r\nSUMMARY:Offsite\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let mut m = model_at(at(9, 0));
    m.config = toml::from_str(&format!(
        "[offline]\nmeeting_dnd = true\n\n[[calendar]]\nname = \"work\"\npath = {:?}\n",
        ics.display().to_string()
    ))
    .unwrap();
    m.config.breathing.reminders.clear();
    let desktop = RecordingDesktop::default();
    let mut shell = Shell::with_desktop(&mut store, Box::new(desktop.clone()));
    shell.start(&mut m, at(9, 0));
    shell.dispatch(&mut m, Msg::Tick, at(9, 0));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert!(!d.on, "{d:?}");
    // Off until the meeting starts: that is when the loop wakes.
    assert_eq!(d.until, Some(at(10, 0).and_utc()));

    shell.dispatch(&mut m, Msg::Tick, at(10, 0));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert_eq!((d.on, d.reason), (true, Some(Reason::Meeting)));
    assert_eq!(d.until, Some(at(10, 30).and_utc()));
    assert_eq!(
        serein::app::offline::badge(&m).as_deref(),
        Some("⊘ meeting until 10:30")
    );
    let now = serein::domain::time::Now {
        utc: at(10, 0).and_utc() + chrono::Duration::seconds(1),
        local: at(10, 0) + chrono::Duration::seconds(1),
        zone: serein::domain::time::Zone::utc(),
    };
    assert_eq!(
        serein::app::update::next_event(&m, now),
        Some(at(10, 30).and_utc())
    );

    shell.dispatch(&mut m, Msg::Tick, at(10, 30));
    assert!(!m.offline.dnd_desired.as_ref().unwrap().on);
    // Asked again when the calendars arrived (same "off", a new `until`): the enforcer
    // reconciles, so only the changes count.
    let mut asked: Vec<bool> = desktop.recorded().dnd.iter().map(|d| d.on).collect();
    asked.dedup();
    assert_eq!(asked, vec![false, true, false]);
}
