//! Today with calendars (issue 11): meetings are selectable but read-only, `45m Title` stays
//! inside the working hours and out of offline hours, planned vs actual.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serein::app::msg::Msg;
use serein::domain::plan::Kind;

use crate::e2e::Tmux;
use crate::{Env, nb};

/// `serein plan add "45m …"` on a day full until 18:30 with offline hours from 18:00 is refused
/// with the first free time and why; with that time given it is added, with a warning.
#[test]
fn cli_next_free_slot_stays_inside_working_hours() {
    let env = Env::new();
    env.write_config("[offline]\nweekdays = \"18:00-08:00\"\n");
    env.cmd()
        .args([
            "plan",
            "add",
            "08:00-18:30 Long day #work",
            "--date",
            "2026-12-03",
        ])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["plan", "add", "45m Write #work", "--date", "2026-12-03"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains(
            "no free 45m between 08:00 and 18:00 on Thu 3 Dec; 18:30–19:15 is in your offline hours 18:00–08:00 — give a time to place it anyway: `18:30 +45m Write #work`"
        ),
        "{err}"
    );
    let out = env
        .cmd()
        .args([
            "plan",
            "add",
            "18:30 +45m Write #work",
            "--date",
            "2026-12-03",
        ])
        .assert()
        .success();
    let o = out.get_output();
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("18:30-19:15 Write"),
        "{o:?}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("warning: 18:30-19:15 is in your offline hours 18:00–08:00"),
        "{o:?}"
    );
}

/// The TUI's quick add refuses the same way and keeps the prompt and its text.
#[test]
fn tui_quick_add_refuses_after_hours() {
    let mut m = crate::model_at(crate::at(17, 50));
    m.config.offline.weekdays = "18:00-08:00".into();
    m.apply_config(m.config.clone());
    let mut store = serein::store::Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(8 * 60, 17 * 60 + 30, "Long day", "work", Kind::Focus)])
        .unwrap();
    let now = m.now;
    let mut shell = serein::shell::Shell::new(&mut store);
    shell.start(&mut m, now);
    let key = |c: KeyCode| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE));
    shell.dispatch(&mut m, key(KeyCode::Char('a')), now);
    for c in "45m Write".chars() {
        shell.dispatch(&mut m, key(KeyCode::Char(c)), now);
    }
    shell.dispatch(&mut m, key(KeyCode::Enter), now);
    assert_eq!(m.today.boxes.len(), 1, "nothing added: {:?}", m.today.boxes);
    let status = m
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("no free 45m between 17:50 and 18:00 on Mon 23 Nov; 17:50–18:35 is in your offline hours 18:00–08:00"),
        "{status}"
    );
    assert!(matches!(m.mode, serein::app::model::Mode::Input(_)));
}

const DAY_ICS: &str = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:Standup\nDTSTART:20261123T110000\nDTEND:20261123T113000\nEND:VEVENT\nEND:VCALENDAR\n";

/// A model at `now` on 2026-11-23 (UTC) with calendar “work” holding `ics` and `boxes` stored,
/// started by the shell (which reads the calendar).
fn today_with(
    now: chrono::NaiveDateTime,
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
    let mut m = crate::model_at(now);
    m.config.calendars = vec![serein::config::CalendarConfig {
        name: "work".into(),
        path,
        domain: "work".into(),
        ..Default::default()
    }];
    let mut store = serein::store::Store::open_in_memory().unwrap();
    store.insert_many(boxes).unwrap();
    serein::shell::Shell::new(&mut store).start(&mut m, now);
    (dir, m, store)
}

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn status(m: &serein::app::model::Model) -> String {
    m.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// j walks boxes and meetings alike; the selected meeting shows its time and calendar; every
/// edit key on it is refused with a message naming its calendar, and nothing changes.
#[test]
fn a_meeting_is_selectable_but_read_only() {
    let boxes = [nb(9 * 60, 10 * 60, "Write", "work", Kind::Focus)];
    let (_d, mut m, mut store) = today_with(crate::at(8, 0), DAY_ICS, &boxes);
    let now = m.now;
    let mut shell = serein::shell::Shell::new(&mut store);
    shell.dispatch(&mut m, key(KeyCode::Char('g')), now);
    shell.dispatch(&mut m, key(KeyCode::Char('j')), now);
    let screen = crate::render::screen(&m, 80, 24);
    assert!(screen.contains("›◆ Standup"), "{screen}");
    let last = screen.lines().last().unwrap_or_default().to_string();
    assert!(
        last.contains("◆ 11:00–11:30 Standup · calendar work · read-only"),
        "{screen}"
    );
    for c in ['e', 'd', 'J', 'K', '+', '-', 'x', 's'] {
        shell.dispatch(&mut m, key(KeyCode::Char(c)), now);
        assert_eq!(
            status(&m),
            "“Standup” is from calendar “work” — change it in your calendar",
            "key {c}"
        );
        assert!(
            matches!(m.mode, serein::app::model::Mode::Normal),
            "key {c}"
        );
    }
    assert_eq!(m.today.boxes.len(), 1);
    assert_eq!((m.today.boxes[0].start, m.today.boxes[0].end), (540, 600));
    // Back up to the box: its keys work again.
    shell.dispatch(&mut m, key(KeyCode::Char('k')), now);
    assert_eq!(m.selected_box().map(|b| b.title.as_str()), Some("Write"));
}

/// Enter on a meeting under way logs a session with its title and domain until its end.
#[test]
fn starting_a_meeting_logs_its_time() {
    let (_d, mut m, mut store) = today_with(crate::at(11, 10), DAY_ICS, &[]);
    let now = m.now;
    let mut shell = serein::shell::Shell::new(&mut store);
    shell.dispatch(&mut m, key(KeyCode::Char('j')), now);
    shell.dispatch(&mut m, key(KeyCode::Enter), now);
    let s = m.timer.session.clone().expect("a session runs");
    assert_eq!(
        (
            s.title.as_str(),
            s.domain.as_str(),
            s.planned_s,
            s.timebox_id
        ),
        ("Standup", "work", 20 * 60, None)
    );
    drop(shell);
    let stored = store.active_session().unwrap().expect("stored");
    assert_eq!(stored.title, "Standup");
}

/// The real binary in tmux: `j` onto a meeting shows its details; `e` and `d` on it are refused
/// with the calendar named, and the plan is untouched.
#[test]
fn e2e_edit_keys_on_a_meeting_are_refused() {
    if !Tmux::available() {
        return;
    }
    let env = Env::new();
    let ics = env.path().join("work.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s@test\r\nSUMMARY:Standup\r\n\
         DTSTART:20261123T110000\r\nDTEND:20261123T113000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    env.write_config(&format!(
        "[[calendar]]\nname = \"work\"\npath = \"{}\"\n",
        ics.display()
    ));
    env.cmd()
        .args(["plan", "add", "09:00-10:00 Write #work"])
        .assert()
        .success();
    let t = Tmux::start(&env, 100, 30);
    t.wait_for("◆ Standup");
    t.keys(&["j"]);
    t.wait_for("◆ 11:00–11:30 Standup · calendar work · read-only");
    t.keys(&["e"]);
    t.wait_for("“Standup” is from calendar “work” — change it in your calendar");
    t.keys(&["u"]);
    t.wait_for("nothing to undo");
    t.keys(&["d"]);
    let s = t.wait_for("“Standup” is from calendar “work” — change it in your calendar");
    assert!(!s.contains("edit ›") && s.contains("Write"), "{s}");
    t.quit();
    env.cmd()
        .args(["plan", "list"])
        .assert()
        .success()
        .stdout(predicates::str::contains("09:00-10:00"))
        .stdout(predicates::str::contains("Write"));
}

/// At 48 columns `v` switches yesterday's list between the plan and what was done (an
/// unplanned session), the line under the header saying which and the day's totals.
#[test]
fn e2e_plan_and_actual_toggle_in_a_narrow_pane() {
    if !Tmux::available() {
        return;
    }
    let env = Env::new();
    env.cmd()
        .args([
            "plan",
            "add",
            "08:00-09:00 Write #work",
            "--date",
            "2026-11-22",
        ])
        .assert()
        .success();
    env.cmd()
        .env("SEREIN_NOW", "2026-11-22T10:00")
        .args(["start", "Reading #work", "--for", "1h"])
        .assert()
        .success();
    env.cmd()
        .env("SEREIN_NOW", "2026-11-22T10:40")
        .arg("stop")
        .assert()
        .success();
    let t = Tmux::start(&env, 48, 20);
    t.wait_for("Mon 23 Nov · today");
    t.keys(&["["]);
    let s = t.wait_for("▤ plan · planned 1h · done 40m · v done");
    assert!(s.contains("Write") && !s.contains("Reading"), "{s}");
    t.keys(&["v"]);
    let s = t.wait_for("● done · planned 1h · done 40m · v plan");
    assert!(s.contains("○ Reading") && s.contains("unplanned"), "{s}");
    assert!(s.lines().all(|l| l.chars().count() <= 48), "{s}");
    t.keys(&["v"]);
    t.wait_for("▤ plan · planned 1h · done 40m · v done");
    t.quit();
}

/// With a snapshot of the week's meetings on disk, the first frame has them before any parse;
/// the calendar is read at the next minute's probe. A changed file makes the snapshot stale.
#[test]
fn the_first_frame_has_the_meetings_from_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("work.ics");
    std::fs::write(&ics, DAY_ICS).unwrap();
    let cache = dir.path().join("cache/serein/meetings.json");
    let start = |store: &mut serein::store::Store| {
        let mut m = crate::model_at(crate::at(8, 0));
        m.config.calendars = vec![serein::config::CalendarConfig {
            name: "work".into(),
            path: ics.clone(),
            domain: "work".into(),
            ..Default::default()
        }];
        m.config.calendar_snapshot = Some(cache.clone());
        // The shell stamps the zone with the first message: the app starts on UTC.
        let zone = serein::domain::time::Zone::Named(chrono_tz::Europe::Paris);
        let now = serein::domain::time::Now::at(m.now.and_utc(), zone);
        serein::shell::Shell::new(store).start(&mut m, now);
        m
    };
    let mut store = serein::store::Store::open_in_memory().unwrap();
    // First run: nothing kept yet, so the calendar is read, and the week is kept.
    let m = start(&mut store);
    assert_eq!(m.today.calendars.loaded.len(), 1);
    assert!(cache.exists(), "the snapshot is written");
    // Next run: the meetings come from the snapshot, nothing parsed before the first frame.
    let mut m = start(&mut store);
    assert!(m.today.calendars.loaded.is_empty(), "not parsed yet");
    let titles: Vec<&str> = m
        .today
        .calendars
        .meetings
        .iter()
        .map(|x| x.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Standup"]);
    assert!(crate::render::screen(&m, 80, 24).contains("◆ Standup"));
    // A minute later the calendar is read for real.
    let zone = serein::domain::time::Zone::Named(chrono_tz::Europe::Paris);
    let next = serein::domain::time::Now::at(m.now_utc + chrono::Duration::minutes(1), zone);
    serein::shell::Shell::new(&mut store).dispatch(&mut m, Msg::Tick, next);
    assert_eq!(m.today.calendars.loaded.len(), 1);
    assert_eq!(m.today.calendars.meetings.len(), 1);
    // The file changed: the snapshot is stale and the new title shows.
    std::fs::write(&ics, DAY_ICS.replace("Standup", "Retro")).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&ics)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let m = start(&mut store);
    assert_eq!(m.today.calendars.loaded.len(), 1);
    assert_eq!(m.today.calendars.meetings[0].title, "Retro");
}
