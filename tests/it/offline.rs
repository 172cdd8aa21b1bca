//! Offline hours through `update` and the CLI: the desired state from the schedule, focus
//! boxes and manual overrides; notifications held; `o` with confirmation; work in offline
//! hours asks first. (Real Do-Not-Disturb changes and kill tests are in tests/desktop.rs.)

use chrono::Duration;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use predicates::str::contains;
use serein::app::msg::Msg;
use serein::domain::plan::Kind;
use serein::domain::policy::Reason;
use serein::shell::{RecordingDesktop, Shell};
use serein::store::Store;

use crate::{Env, at, model_at, nb};

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

#[test]
fn schedule_focus_manual_and_what_gets_through() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[
            nb(17 * 60, 17 * 60 + 30, "Wrap up", "work", Kind::Focus),
            nb(20 * 60, 20 * 60 + 30, "Late fix", "work", Kind::Focus),
        ])
        .unwrap();
    let mut m = model_at(at(16, 0));
    m.config.offline.weekdays = "19:00-08:00".into();
    m.config.offline.focus_dnd = true;
    m.config.breathing.reminders.clear();
    m.offline.schedule = m.config.offline.schedule();
    let desktop = RecordingDesktop::default();
    let mut shell = Shell::with_desktop(&mut store, Box::new(desktop.clone()));
    shell.start(&mut m, at(16, 0));
    shell.dispatch(&mut m, Msg::Tick, at(16, 0));
    assert!(!m.offline.dnd_desired.as_ref().unwrap().on);

    // A focus box turns it on (focus_dnd), until the box ends.
    shell.dispatch(&mut m, key('j'), at(17, 0));
    shell.dispatch(&mut m, key('k'), at(17, 0));
    shell.dispatch(&mut m, enter(), at(17, 0));
    shell.dispatch(&mut m, Msg::Tick, at(17, 0) + Duration::seconds(1));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert_eq!((d.on, d.reason), (true, Some(Reason::Focus)));
    shell.dispatch(&mut m, key('x'), at(17, 10));
    shell.dispatch(&mut m, Msg::Tick, at(17, 10) + Duration::seconds(1));
    assert!(!m.offline.dnd_desired.as_ref().unwrap().on);

    // 19:00: offline hours by schedule, shown as a badge.
    shell.dispatch(&mut m, key('t'), at(19, 0));
    shell.dispatch(&mut m, Msg::Tick, at(19, 0) + Duration::seconds(1));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert_eq!((d.on, d.reason), (true, Some(Reason::Schedule)));
    assert_eq!(
        serein::app::offline::badge(&m).as_deref(),
        Some("⊘ offline until Tue 08:00")
    );
    // The shell was asked once per change, not every tick.
    shell.dispatch(&mut m, Msg::Tick, at(19, 0) + Duration::seconds(2));
    let asked: Vec<bool> = desktop.recorded().dnd.iter().map(|d| d.on).collect();
    assert_eq!(asked, vec![false, true, false, true]);

    // Work in offline hours asks first; the second Enter starts it.
    shell.dispatch(&mut m, key('G'), at(20, 0));
    shell.dispatch(&mut m, enter(), at(20, 0));
    assert!(m.timer.session.is_none());
    assert!(m.status.as_ref().unwrap().text.contains("offline hours"));
    shell.dispatch(&mut m, enter(), at(20, 0));
    assert_eq!(
        m.timer.session.as_ref().map(|s| s.title.as_str()),
        Some("Late fix")
    );
    let late_id = m.timer.session.as_ref().unwrap().id;
    // Its "started" and "5 minutes left" are held; the end the user asked for gets through.
    shell.dispatch(&mut m, Msg::Tick, at(20, 26));
    shell.dispatch(&mut m, Msg::Tick, at(20, 31));
    let late: Vec<String> = desktop
        .recorded()
        .notifications
        .iter()
        .map(|n| n.summary.clone())
        .filter(|s| s.contains("Late fix"))
        .collect();
    assert_eq!(late, vec!["Time is up: Late fix".to_string()]);
    drop(shell);
    assert!(
        store.is_after_hours(late_id).unwrap(),
        "recorded as after-hours work"
    );
}

#[test]
fn o_twice_goes_online_and_it_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let reader = Store::open(&path).unwrap();
    let mut m = model_at(at(21, 0));
    m.config.offline.weekdays = "19:00-08:00".into();
    m.offline.schedule = m.config.offline.schedule();
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, at(21, 0));
    shell.dispatch(&mut m, Msg::Tick, at(21, 0));
    assert!(m.offline.dnd_desired.as_ref().unwrap().on);
    shell.dispatch(&mut m, key('o'), at(21, 0));
    assert!(
        m.offline.dnd_desired.as_ref().unwrap().on,
        "one press only asks"
    );
    shell.dispatch(&mut m, key('o'), at(21, 0) + Duration::seconds(3));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert_eq!((d.on, d.reason), (false, Some(Reason::Manual)));
    assert!(!reader.manual().unwrap().expect("stored").on);
}

/// `o` twice goes offline for an hour; `o` twice again goes back to the schedule (no
/// override stored) rather than online for the rest of the day.
#[test]
fn o_twice_after_a_manual_on_returns_to_the_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let reader = Store::open(&path).unwrap();
    let mut m = model_at(at(10, 0));
    m.config.offline.weekdays = "19:00-08:00".into();
    m.offline.schedule = m.config.offline.schedule();
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, at(10, 0));
    shell.dispatch(&mut m, Msg::Tick, at(10, 0));
    shell.dispatch(&mut m, key('o'), at(10, 0));
    shell.dispatch(&mut m, key('o'), at(10, 0) + Duration::seconds(1));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert_eq!((d.on, d.reason), (true, Some(Reason::Manual)));
    shell.dispatch(&mut m, key('o'), at(10, 5));
    shell.dispatch(&mut m, key('o'), at(10, 5) + Duration::seconds(1));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert_eq!((d.on, d.reason), (false, None), "back to the schedule");
    assert_eq!(m.offline.manual, None);
    assert_eq!(reader.manual().unwrap(), None, "no override stored");
}

#[test]
fn cli_offline_status_on_off() {
    let env = Env::new();
    env.write_config(
        "[offline]\nweekdays = \"19:00-08:00\"\nsaturday = \"all\"\nsunday = \"all\"\n",
    );
    let at = |t: &str| {
        let mut c = env.cmd();
        c.env("SEREIN_NOW", format!("2026-11-23T{t}"));
        c
    };
    at("10:00")
        .args(["offline", "status"])
        .assert()
        .success()
        .stdout(contains("online; offline from 19:00"))
        .stdout(contains("Do-Not-Disturb: not changed by serein"));
    at("20:00")
        .args(["offline", "status"])
        .assert()
        .success()
        .stdout(contains("offline (offline hours) until Tue 08:00"));
    at("10:00")
        .args(["offline", "on", "--for", "2h"])
        .assert()
        .success()
        .stdout(contains("offline until 12:00"));
    at("10:01")
        .args(["offline", "status"])
        .assert()
        .stdout(contains("offline (by hand) until 12:00"));
    at("10:02")
        .args(["offline", "on", "--until", "25:00"])
        .assert()
        .code(2)
        .stderr(contains("--until"));
    // Work during offline hours: refused without a terminal unless --yes.
    at("20:00")
        .args(["start", "Late #work", "--for", "25m"])
        .assert()
        .code(2)
        .stderr(contains("offline hours").and(contains("--yes")));
    at("20:00")
        .args(["start", "Late #work", "--for", "25m", "--yes"])
        .assert()
        .success();
    let out = at("20:01").args(["log", "--json"]).output().unwrap();
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log[0]["after_hours"], true, "{log}");
    // A bad rule names the file, line and the accepted forms.
    env.write_config("[offline]\nweekdays = \"evenings\"\n");
    env.cmd()
        .args(["config", "check"])
        .assert()
        .code(2)
        .stderr(contains(":2:1").and(contains("[offline] weekdays")));
}

use predicates::prelude::PredicateBooleanExt;

/// `serein offline` at a fixed local time (2026-11-23 is a Monday) in `env`.
fn offline_at(env: &Env, t: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    let mut c = env.cmd();
    c.env("SEREIN_NOW", format!("2026-11-23T{t}"));
    c.arg("offline").args(args).assert()
}

fn stored_manual(env: &Env) -> Option<(bool, chrono::DateTime<chrono::Utc>)> {
    Store::open(&env.data_dir().join("serein.db"))
        .unwrap()
        .manual()
        .unwrap()
        .map(|m| (m.on, m.until))
}

const EVENINGS: &str = "[offline]\nweekdays = \"19:00-08:00\"\nsaturday = \"all\"\nsunday = \"all\"\nfocus_dnd = true\n";

/// `offline off` after only a manual `on` goes back to the schedule (no override left, so
/// focus boxes and the evening's offline hours apply); inside offline hours it is online
/// until they end.
#[test]
fn cli_offline_off_returns_to_the_schedule() {
    let env = Env::new();
    env.write_config(EVENINGS);
    offline_at(&env, "10:00", &["on", "--for", "2h"]).success();
    offline_at(&env, "10:02", &["off"])
        .success()
        .stdout(contains(
            "online, back to the schedule (offline from 19:00)",
        ))
        // No serein runs here (SEREIN_NO_DAEMON, no TUI): nothing holds Do-Not-Disturb.
        .stdout(contains("Do-Not-Disturb: not held by serein"));
    assert_eq!(stored_manual(&env), None, "no override is left");
    offline_at(&env, "10:03", &["status"])
        .success()
        .stdout(contains("online; offline from 19:00"));
    // In offline hours: online until they end, by hand.
    offline_at(&env, "20:00", &["off"])
        .success()
        .stdout(contains("online until Tue 08:00"));
    let (on, _) = stored_manual(&env).expect("an online override");
    assert!(!on);
    offline_at(&env, "20:01", &["status"])
        .success()
        .stdout(contains("online; offline from Tue 19:00"));
}

/// An "online until 08:00" made for the 19:00-08:00 window stops applying once the config
/// has no such window: a focus box gets Do-Not-Disturb again.
#[test]
fn cli_online_override_ends_with_its_window() {
    let env = Env::new();
    env.write_config(EVENINGS);
    offline_at(&env, "20:00", &["off"])
        .success()
        .stdout(contains("online until Tue 08:00"));
    env.write_config("[offline]\nweekdays = \"none\"\nfocus_dnd = true\n");
    let mut start = env.cmd();
    start
        .env("SEREIN_NOW", "2026-11-23T22:00")
        .args(["start", "Late #work", "--for", "25m"])
        .assert()
        .success();
    offline_at(&env, "22:01", &["status"])
        .success()
        .stdout(contains("offline (a focus box) until 22:25"));
}

/// With no daemon (SEREIN_NO_DAEMON) and no TUI, nothing applies Do-Not-Disturb: `on` says
/// so rather than implying it is on.
#[test]
fn cli_offline_on_says_when_it_is_pending() {
    let env = Env::new();
    offline_at(&env, "10:00", &["on", "--for", "1h"])
        .success()
        .stdout(contains("offline until 11:00"))
        .stdout(contains(
            "Do-Not-Disturb: pending — no serein daemon or TUI runs",
        ));
}

/// Editing the offline hours while serein runs takes effect at the next tick: the shell
/// watches the config file and the model re-evaluates the offline state from the new one (a
/// removed window stops applying, as after a restart, without one).
#[test]
fn a_config_edit_while_running_re_evaluates_the_offline_state() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    let write = |text: &str, secs: u64| {
        std::fs::write(&cfg, text).unwrap();
        // A distinct mtime even on a coarse file system clock.
        let t = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(secs);
        std::fs::File::options()
            .write(true)
            .open(&cfg)
            .unwrap()
            .set_modified(t)
            .unwrap();
    };
    write("[offline]\nweekdays = \"19:00-08:00\"\n", 1_000);
    let loaded = serein::config::Config::load(&cfg, true).unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    let mut m = model_at(at(21, 0));
    m.apply_config(loaded.config);
    let mut shell = Shell::new(&mut store).watch_config(cfg.clone(), true);
    shell.start(&mut m, at(21, 0));
    shell.dispatch(&mut m, Msg::Tick, at(21, 0));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert_eq!((d.on, d.reason), (true, Some(Reason::Schedule)));

    // The evening window goes; a weekend-only schedule stays.
    write("[offline]\nweekdays = \"none\"\nsunday = \"all\"\n", 2_000);
    shell.dispatch(&mut m, Msg::Tick, at(21, 0) + Duration::seconds(1));
    let d = m.offline.dnd_desired.clone().unwrap();
    assert!(!d.on, "the removed window must stop applying: {d:?}");
    assert_eq!(m.config.offline.sunday, "all");

    // A file that no longer parses keeps the running config and says so.
    write("[offline\nweekdays = ", 3_000);
    shell.dispatch(&mut m, Msg::Tick, at(21, 0) + Duration::seconds(2));
    assert_eq!(m.config.offline.sunday, "all");
    let status = m
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("config not read again"), "{status}");
}
