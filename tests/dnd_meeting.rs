//! `meeting_dnd` against a real dunst, in a private D-Bus session with temp HOME/XDG dirs (as
//! tests/dnd.rs and tests/desktop.rs; recipe: notify-sandbox.md §6). The serein daemon reads a
//! calendar whose meeting covers "now" (`SEREIN_NOW`, then the real clock runs on):
//! - dunst is paused while the meeting runs, the offline period is journalled with the reason
//!   `meeting`, and dunst is un-paused when the meeting ends (the daemon wakes at that edge);
//! - serein ending (SIGTERM) during a meeting gives dunst back;
//! - a pause the user made themselves stays.
//!
//! With `CI=true` a missing tool fails the test; otherwise it prints `SKIPPED …`.

use std::env;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/skip.rs"]
mod skip;
use skip::skip;
#[path = "support/sandbox.rs"]
mod sandbox;
use sandbox::*;

const TEST_NAME: &str = "meeting_dnd_with_dunst";
const INNER: &str = "DND_MEETING_INNER";
const SANDBOX: &str = "DND_MEETING_DIR";
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const INNER_TIMEOUT: Duration = Duration::from_secs(90);
const TOOLS: &[&str] = &["Xvfb", "dbus-run-session", "dbus-send", "dunst", "dunstctl"];

#[test]
fn meeting_dnd_with_dunst() {
    if env::var(INNER).is_ok() {
        return inner(&sandbox_dir(SANDBOX));
    }
    if let Some(tool) = TOOLS.iter().find(|t| which(t).is_none()) {
        skip(&format!("{TEST_NAME}: {tool} is not installed"));
        return;
    }
    let tmp = sandbox_tree("dnd-meeting.", &["cfg/serein"]);
    let dir = tmp.path();
    fs::write(dir.join("cfg/dunstrc"), "[global]\n timeout = 60\n").expect("dunstrc");
    let (_xvfb, display) = start_xvfb(151);
    let mut cmd = Command::new("dbus-run-session");
    sandbox_env(&mut cmd, dir, SANDBOX);
    cmd.env("DISPLAY", format!(":{display}"))
        .arg(format!("--config-file={}", dir.join("bus.conf").display()))
        .arg("--")
        .arg(env::current_exe().expect("current exe"))
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(INNER, "1");
    run_phase(TEST_NAME, cmd, &dir.join("inner.log"), INNER_TIMEOUT);
}

fn dunstctl(args: &[&str]) -> String {
    let out = run_timeout(Command::new("dunstctl").args(args), CMD_TIMEOUT);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn is_paused() -> bool {
    dunstctl(&["is-paused"]).trim() == "true"
}

fn wait_paused(want: bool, within: Duration, what: &str) {
    let deadline = Instant::now() + within;
    while is_paused() != want {
        assert!(
            Instant::now() < deadline,
            "{what}: dunst is-paused never became {want}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A calendar with one meeting from `from` to `to` (UTC, `YYYYMMDDTHHMMSS`), and a config
/// reading it with `meeting_dnd = true`.
fn setup(dir: &Path, from: &str, to: &str) {
    let ics = dir.join("meeting.ics");
    fs::write(
        &ics,
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:m@test\r\n\
             DTSTART:{from}Z\r\nDTEND:{to}Z\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    )
    .expect("ics");
    fs::write(
        dir.join("cfg/serein/config.toml"),
        format!(
            "[offline]\nmeeting_dnd = true\n\n[[calendar]]\nname = \"work\"\npath = {:?}\n",
            ics.display().to_string()
        ),
    )
    .expect("config");
}

/// The serein daemon for `data`, its clock starting at 2026-11-23 10:00:00 UTC.
fn daemon(data: &str) -> ChildGuard {
    let child = Command::new(env!("CARGO_BIN_EXE_serein"))
        .env("SEREIN_NOW", "2026-11-23T10:00:00")
        .env("TZ", "UTC")
        .args(["--data-dir", data, "daemon"])
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn serein daemon");
    ChildGuard::new("serein daemon", child, false)
}

fn store(data: &str) -> serein::store::Store {
    serein::store::Store::open(&Path::new(data).join("serein.db")).expect("db")
}

/// The reasons of the offline periods journalled in `data`.
fn period_reasons(data: &str) -> Vec<String> {
    let from = chrono::DateTime::from_timestamp(0, 0).unwrap();
    let to = chrono::Utc::now() + chrono::Duration::days(3650);
    store(data)
        .periods(from, to)
        .expect("periods")
        .into_iter()
        .map(|p| p.2)
        .collect()
}

fn inner(dir: &Path) {
    let mut dunst = spawn_daemon(
        dir,
        "dunst",
        Command::new("dunst")
            .arg("-config")
            .arg(dir.join("cfg/dunstrc")),
    );
    wait_owner(NOTIFICATIONS, &mut dunst, &dir.join("dunst.log"));
    assert!(!is_paused(), "dunst starts un-paused");

    // 1. A meeting under way, ending 4 s after the start: paused during it (reason
    //    `meeting`), given back when it ends, by the daemon waking at the meeting's end.
    setup(dir, "20261123T095900", "20261123T100004");
    let data = dir.join("data-1").display().to_string();
    let mut d = daemon(&data);
    wait_paused(true, Duration::from_secs(10), "a meeting under way");
    let deadline = Instant::now() + Duration::from_secs(2);
    while period_reasons(&data).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(period_reasons(&data), ["meeting"]);
    assert!(store(&data).journal("dunst").unwrap().is_some());
    wait_paused(false, Duration::from_secs(15), "the meeting's end");
    let deadline = Instant::now() + Duration::from_secs(2);
    while store(&data).journal("dunst").unwrap().is_some() {
        assert!(Instant::now() < deadline, "journal left after the meeting");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        d.wait_timeout(Duration::from_millis(10)).is_none(),
        "the daemon runs on"
    );
    drop(d);
    eprintln!("meeting: paused during it, given back at its end");

    // 2. serein ends (SIGTERM) during a long meeting: dunst is given back.
    setup(dir, "20261123T095900", "20261123T110000");
    let data = dir.join("data-2").display().to_string();
    let mut d = daemon(&data);
    wait_paused(true, Duration::from_secs(10), "a long meeting");
    let pid = d.child.id().to_string();
    let killed = run_timeout(Command::new("kill").args(["-TERM", &pid]), CMD_TIMEOUT);
    assert!(killed.status.success(), "{killed:?}");
    assert!(
        d.wait_timeout(Duration::from_secs(5)).is_some(),
        "the daemon ends"
    );
    wait_paused(
        false,
        Duration::from_secs(2),
        "serein ending during a meeting",
    );
    assert!(store(&data).journal("dunst").unwrap().is_none());
    eprintln!("meeting: SIGTERM gave dunst back");

    // 3. The user had paused dunst: serein neither sets nor restores it, before or after
    //    the meeting.
    dunstctl(&["set-paused", "true"]);
    setup(dir, "20261123T095900", "20261123T100003");
    let data = dir.join("data-3").display().to_string();
    let d = daemon(&data);
    std::thread::sleep(Duration::from_millis(6000));
    assert!(is_paused(), "the user's own pause must stay");
    assert!(store(&data).journal("dunst").unwrap().is_none());
    drop(d);
    assert!(is_paused(), "still the user's own pause after serein");
    dunstctl(&["set-paused", "false"]);
    eprintln!("meeting: the user's own pause stayed");
}
