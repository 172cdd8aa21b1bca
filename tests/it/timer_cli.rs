//! Timer commands through the real binary, each run at its own `SEREIN_NOW`, plus crash
//! recovery: `kill -9` of the TUI and of the daemon.

use std::process::Command;
use std::time::{Duration, Instant};

use predicates::str::contains;

use crate::Env;

/// `serein` at local time `hh:mm[:ss]` on 2026-11-23.
fn at(env: &Env, time: &str) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("SEREIN_NOW", format!("2026-11-23T{time}"));
    c
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(out)))
}

#[test]
fn start_status_pause_resume_extend_stop_log() {
    let env = Env::new();
    at(&env, "08:00")
        .args(["plan", "add", "09:00-09:25 Write report #work"])
        .assert()
        .success();
    at(&env, "09:00")
        .args(["start", "1"])
        .assert()
        .success()
        .stdout(contains("▶ Write report until 09:25 (25m)"));
    at(&env, "09:10")
        .arg("status")
        .assert()
        .success()
        .stdout("▶ Write report 15:00\n");
    let s = json(
        &at(&env, "09:10")
            .args(["status", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(s["state"], "running");
    assert_eq!(s["title"], "Write report");
    assert_eq!(s["domain"], "work");
    assert_eq!(s["remaining_s"], 900);
    assert_eq!(s["overrun_s"], 0);
    assert!(
        s["deadline"].as_str().unwrap().ends_with("08:25:00Z"),
        "{s}"
    );
    at(&env, "09:10")
        .args([
            "status",
            "--format",
            "{title}|{remaining}|{deadline}|{state}",
        ])
        .assert()
        .stdout("Write report|15:00|09:25|running\n");

    at(&env, "09:12")
        .arg("pause")
        .assert()
        .success()
        .stdout(contains("with 13:00 left"));
    at(&env, "09:15")
        .arg("status")
        .assert()
        .stdout("⏸ Write report 13:00\n");
    at(&env, "09:20")
        .arg("resume")
        .assert()
        .success()
        .stdout(contains("13:00 left"));
    at(&env, "09:21")
        .args(["extend", "5m"])
        .assert()
        .success()
        .stdout(contains("17:00 left"));
    // Deadline now 09:38: at 09:40 it is two minutes over — while a TUI or daemon runs it
    // (simulated here by its heartbeat; with nothing running, it would be closed at 09:38).
    {
        let mut store = serein::store::Store::open(&env.data_dir().join("serein.db")).unwrap();
        let id = store.active_session().unwrap().unwrap().id;
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-23T08:40:00Z").unwrap();
        store.heartbeat(id, t.to_utc()).unwrap();
    }
    at(&env, "09:40")
        .arg("status")
        .assert()
        .stdout("+02:00 Write report\n");
    let s = json(
        &at(&env, "09:40")
            .args(["status", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(
        (s["state"].as_str(), s["overrun_s"].as_i64()),
        (Some("overrun"), Some(120))
    );
    at(&env, "09:40")
        .args(["stop", "--note", "went well"])
        .assert()
        .success()
        // A length, not `02:00 over`, which reads like a time of day.
        .stdout(contains("■ finished “Write report” after 32m, 2m over"));
    at(&env, "09:41")
        .arg("status")
        .assert()
        .success()
        .stdout("");
    at(&env, "09:41")
        .args(["status", "--json"])
        .assert()
        .stdout("{\"state\":\"idle\"}\n");

    let text = at(&env, "09:41").arg("log").output().unwrap().stdout;
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("2m over") && !text.contains("02:00"),
        "the log says the overrun as a length:\n{text}"
    );
    let log = json(
        &at(&env, "09:41")
            .args(["log", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    let row = &log[0];
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(row["end_reason"], "finished");
    assert_eq!(row["note"], "went well");
    assert_eq!(row["overrun_s"], 120);
    assert_eq!(row["paused_s"], 480);
    assert_eq!(row["actual_s"], 32 * 60);
    assert_eq!(row["planned_s"], 25 * 60);
    assert_eq!(row["extended_s"], 300);
    at(&env, "09:41")
        .args(["log", "--week"])
        .assert()
        .success()
        .stdout(contains("Write report"));
    // The finished box is marked done in the plan.
    let plan = json(
        &at(&env, "09:41")
            .args(["plan", "list", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(plan["boxes"][0]["done"], true);

    // Fixing history.
    let id = row["id"].to_string();
    at(&env, "10:00")
        .args(["log", "edit", &id, "--end", "09:30"])
        .assert()
        .success();
    let row = &json(
        &at(&env, "10:00")
            .args(["log", "--json"])
            .output()
            .unwrap()
            .stdout,
    )[0];
    assert_eq!(row["actual_s"], 22 * 60);
    assert_eq!(row["overrun_s"], 0);
    at(&env, "10:00")
        .args(["log", "edit", &id, "--start", "09:45"])
        .assert()
        .code(2)
        .stderr(contains("is not after the start"));
    at(&env, "10:00")
        .args(["log", "rm", "99"])
        .assert()
        .code(2)
        .stderr(contains("no session s99"));
    at(&env, "10:00")
        .args(["log", "rm", &id])
        .assert()
        .success();
    at(&env, "10:00")
        .arg("log")
        .assert()
        .success()
        .stdout(contains("no sessions"));
}

#[test]
fn bad_timer_input_is_refused() {
    let env = Env::new();
    at(&env, "08:00")
        .args(["plan", "add", "09:00-09:25 Write #work"])
        .assert()
        .success();
    let cases: &[(&[&str], &str)] = &[
        (&["stop"], "nothing is running"),
        (&["pause"], "nothing is running"),
        (&["resume"], "nothing is running"),
        (&["extend", "5m"], "nothing is running"),
        (&["start", "999"], "there is no box #999"),
        (
            &["start", "Write", "--for", "0m"],
            "expected a positive length",
        ),
        (
            &["start", "Write", "--for", "30h"],
            "expected a positive length",
        ),
        (
            &["start", "Write", "--for", "soon"],
            "expected a positive length",
        ),
        (&["start", "Unplanned"], "--for"),
    ];
    for (args, frag) in cases {
        at(&env, "09:00")
            .args(*args)
            .assert()
            .code(2)
            .stderr(contains(*frag));
    }
    at(&env, "09:00")
        .args(["start", "Email #work", "--for", "20m"])
        .assert()
        .success();
    at(&env, "09:01")
        .args(["extend", "-3m"])
        .assert()
        .code(2)
        .stderr(contains("positive length"));
    at(&env, "09:01")
        .arg("resume")
        .assert()
        .code(2)
        .stderr(contains("not paused"));
    // One session at a time, across processes; --replace stops the first.
    at(&env, "09:02")
        .args(["start", "1"])
        .assert()
        .code(2)
        .stderr(contains("“Email” is running").and(contains("--replace")));
    at(&env, "09:02")
        .args(["start", "1", "--replace"])
        .assert()
        .success()
        .stdout(contains("stopped “Email”"));
    let log = json(
        &at(&env, "09:03")
            .args(["log", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    let reasons: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["end_reason"].as_str().unwrap_or("running"))
        .collect();
    assert_eq!(reasons, vec!["stopped", "running"]);
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn hooks_run_with_their_environment_and_bad_ones_are_refused() {
    let env = Env::new();
    let out = env.path().join("hook.txt");
    env.write_config(&format!(
        "[hooks]\non_end = [\"sh\", \"-c\", \"echo $SEREIN_EVENT:$SEREIN_TITLE:$SEREIN_DOMAIN > '{}'\"]\n",
        out.display()
    ));
    at(&env, "09:00")
        .args(["start", "Write #family", "--for", "25m"])
        .assert()
        .success();
    at(&env, "09:10").arg("stop").assert().success();
    let start = Instant::now();
    while std::fs::read_to_string(&out).unwrap_or_default().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the hook never ran"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read_to_string(&out).unwrap().trim(),
        "end:Write:family"
    );

    env.write_config("[hooks]\non_end = [\"/nonexistent/serein-hook\"]\n");
    let file = env.config_file().display().to_string();
    at(&env, "09:20")
        .args(["config", "check"])
        .assert()
        .code(2)
        .stderr(contains(format!("{file}:2:1")).and(contains("/nonexistent/serein-hook")));
    // A broken hook warns but never stops the timer itself.
    at(&env, "09:20")
        .args(["start", "x", "--for", "5m"])
        .assert()
        .success()
        .stderr(contains("warning").and(contains("/nonexistent/serein-hook")));
    at(&env, "09:21").arg("stop").assert().success();
}

#[test]
fn a_session_nothing_ran_past_its_deadline_is_closed_and_marked() {
    let env = Env::new();
    at(&env, "09:00")
        .args(["start", "Forgotten", "--for", "10m"])
        .assert()
        .success();
    // Nothing ran it: at 09:30 the next start closes it at its deadline, marked "recovered".
    at(&env, "09:30")
        .args(["start", "Next", "--for", "5m"])
        .assert()
        .success();
    let log = json(
        &at(&env, "09:31")
            .args(["log", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    let first = &log[0];
    assert_eq!(first["title"], "Forgotten");
    assert_eq!(first["end_reason"], "recovered");
    assert!(
        first["ended"].as_str().unwrap().ends_with("08:10:00Z"),
        "{first}"
    );
    assert_eq!(first["actual_s"], 600);
    assert_eq!(log[1]["title"], "Next");
}

fn pids(pattern: &str) -> Vec<String> {
    let out = Command::new("pgrep")
        .args(["-f", pattern])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn wait_until(what: &str, f: impl Fn() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_daemon_survives_sigkill_through_the_database() {
    let env = Env::new();
    let data = env.data_dir();
    let daemon_args = format!("{} daemon", data.display());
    // `start` launches the daemon (this test lets it).
    at(&env, "09:00")
        .env_remove("SEREIN_NO_DAEMON")
        .args(["start", "Write", "--for", "25m"])
        .assert()
        .success();
    wait_until("the daemon", || !pids(&daemon_args).is_empty());
    assert!(serein::shell::instance::is_running(&data).unwrap());
    for pid in pids(&daemon_args) {
        Command::new("kill").args(["-9", &pid]).status().unwrap();
    }
    wait_until("the daemon to die", || pids(&daemon_args).is_empty());
    // The session lives on in the database.
    at(&env, "09:01")
        .arg("status")
        .assert()
        .success()
        .stdout(contains("▶ Write"));
    // A new daemon carries on (and a second one refuses to double up).
    let mut daemon = std::process::Command::new(assert_cmd::cargo::cargo_bin("serein"));
    daemon
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env.vars() {
        daemon.env(k, v);
    }
    let mut child = daemon
        .env("SEREIN_NOW", "2026-11-23T09:02:00")
        .args(["--data-dir", &data.display().to_string(), "daemon"])
        .spawn()
        .unwrap();
    wait_until("the new daemon's lock", || {
        serein::shell::instance::is_running(&data).unwrap_or(false)
    });
    at(&env, "09:02")
        .args(["daemon"])
        .assert()
        .success()
        .stdout(contains("already runs"));
    at(&env, "09:03")
        .arg("status")
        .assert()
        .success()
        .stdout(contains("▶ Write"));
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let _ = child.wait();
    assert!(!serein::shell::instance::is_running(&data).unwrap());
}
