//! `serein status` for status bars: `--format` checked, waybar's JSON, and `--follow`
//! printing a line per change (and only on change) while other processes start and stop.

use std::io::BufRead;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use predicates::str::contains;

use crate::Env;

fn at(env: &Env, time: &str) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("SEREIN_NOW", format!("2026-11-23T{time}"));
    c
}

fn json_line(line: &str) -> serde_json::Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
}

fn waybar(env: &Env, time: &str) -> serde_json::Value {
    let out = at(env, time)
        .args(["status", "--format", "waybar"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one line: {text:?}");
    json_line(text.trim_end())
}

#[test]
fn unknown_placeholder_is_refused_naming_it_and_the_valid_ones() {
    let env = Env::new();
    // Refused even when idle, before anything is read.
    at(&env, "09:00")
        .args(["status", "--format", "{icon} {bogus}"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("unknown placeholder {bogus}"))
        .stderr(contains(
            "{icon} {title} {remaining} {domain} {kind} {state} {deadline}",
        ));
    at(&env, "09:00")
        .args(["status", "--format", "{title"])
        .assert()
        .code(2)
        .stderr(contains("not closed"));
    // Braces doubled are literal.
    at(&env, "09:00")
        .args(["start", "Write #work", "--for", "25m"])
        .assert()
        .success();
    at(&env, "09:00")
        .args(["status", "--format", "{{{title}}} {kind}"])
        .assert()
        .success()
        .stdout("{Write} focus\n");
}

#[test]
fn waybar_json_has_its_fields_and_a_class_per_state() {
    let env = Env::new();
    let idle = waybar(&env, "08:59");
    assert_eq!(
        (
            &idle["text"],
            &idle["class"],
            &idle["alt"],
            &idle["percentage"]
        ),
        (
            &"".into(),
            &"idle".into(),
            &"idle".into(),
            &serde_json::Value::from(0)
        )
    );
    assert!(idle["tooltip"].is_string());

    at(&env, "09:00")
        .args(["start", "Write report #work", "--for", "25m"])
        .assert()
        .success();
    let w = waybar(&env, "09:10");
    assert_eq!(w["text"], "▶ Write report 15:00");
    assert_eq!(w["class"], "focus");
    assert_eq!(w["alt"], "focus");
    assert_eq!(w["percentage"], 40);
    let tooltip = w["tooltip"].as_str().unwrap();
    assert!(
        tooltip.contains("Write report") && tooltip.contains("until 09:25"),
        "{tooltip}"
    );

    at(&env, "09:15").arg("pause").assert().success();
    let w = waybar(&env, "09:20");
    assert_eq!(
        (w["class"].as_str(), w["percentage"].as_i64()),
        (Some("paused"), Some(60))
    );
    at(&env, "09:20").arg("resume").assert().success();

    // Past the deadline while something runs it (its heartbeat): overrun, the box all behind.
    {
        let mut store = serein::store::Store::open(&env.data_dir().join("serein.db")).unwrap();
        let id = store.active_session().unwrap().unwrap().id;
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-23T08:32:00Z").unwrap();
        store.heartbeat(id, t.to_utc()).unwrap();
    }
    let w = waybar(&env, "09:32");
    assert_eq!(w["class"], "overrun");
    assert_eq!(w["percentage"], 100);
    assert_eq!(w["text"], "+02:00 Write report");
    at(&env, "09:32").arg("stop").assert().success();

    at(&env, "09:40")
        .args(["start", "Stretch", "--for", "10m", "--break"])
        .assert()
        .success();
    let w = waybar(&env, "09:45");
    assert_eq!(
        (w["class"].as_str(), w["percentage"].as_i64()),
        (Some("break"), Some(50))
    );
    at(&env, "09:45").arg("stop").assert().success();
    assert_eq!(waybar(&env, "09:46")["class"], "idle");
}

/// `serein status --follow …`, its lines read on a thread; killed when dropped.
struct Follow {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Follow {
    fn start(env: &Env, args: &[&str]) -> Follow {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("serein"));
        c.env_clear();
        for (k, v) in env.vars() {
            c.env(k, v);
        }
        let mut child = c
            .args(["status", "--follow"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Follow { child, lines }
    }

    /// The next line, waiting at most 10 s for it.
    fn next(&self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(10))
            .expect("a line from status --follow within 10 s")
    }

    /// Every line printed until `quiet` passes with none.
    fn rest(&self, quiet: Duration) -> Vec<String> {
        std::iter::from_fn(|| self.lines.recv_timeout(quiet).ok()).collect()
    }
}

impl Drop for Follow {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn follow_prints_a_line_per_change_made_by_other_processes_and_never_twice() {
    let env = Env::new();
    // The data folder exists (so it can be watched) and nothing runs.
    env.cmd().args(["plan", "list"]).assert().success();
    let f = Follow::start(&env, &["--format", "{title} {state}"]);
    assert_eq!(f.next(), "", "idle: an empty line, so a bar clears");
    env.cmd()
        .args(["start", "Write #work", "--for", "25m"])
        .assert()
        .success();
    assert_eq!(f.next(), "Write running");
    env.cmd().arg("pause").assert().success();
    assert_eq!(f.next(), "Write paused");
    env.cmd().arg("resume").assert().success();
    assert_eq!(f.next(), "Write running");
    env.cmd().arg("stop").assert().success();
    assert_eq!(f.next(), "");
    // Each of those commands wrote the database several times; no line came twice.
    assert_eq!(f.rest(Duration::from_millis(1500)), Vec::<String>::new());
}

#[test]
fn follow_json_and_waybar_tick_with_the_countdown_one_distinct_line_each() {
    let env = Env::new();
    env.cmd()
        .args(["start", "Write #work", "--for", "25m"])
        .assert()
        .success();
    for args in [&["--json"][..], &["--format", "waybar"][..]] {
        let f = Follow::start(&env, args);
        let lines = [f.next(), f.next(), f.next()];
        let values: Vec<serde_json::Value> = lines.iter().map(|l| json_line(l)).collect();
        for w in lines.windows(2) {
            assert_ne!(w[0], w[1], "{args:?}: a line printed twice");
        }
        if args == ["--json"] {
            let left: Vec<i64> = values
                .iter()
                .map(|v| v["remaining_s"].as_i64().unwrap())
                .collect();
            assert!(left.windows(2).all(|w| w[1] < w[0]), "{left:?}");
        } else {
            assert!(values.iter().all(|v| v["class"] == "focus"), "{values:?}");
        }
    }
}

/// A status bar's `--follow` must outlive a database it can't read for a while (replaced,
/// half-written, from a newer serein): it says why on stderr and tries again, rather than
/// leaving the bar blank until the next login.
#[cfg(target_os = "linux")]
#[test]
fn follow_keeps_going_when_the_database_cannot_be_read_for_a_while() {
    let env = Env::new();
    env.cmd().args(["plan", "list"]).assert().success();
    let db = env.data_dir().join("serein.db");
    let good = std::fs::read(&db).unwrap();
    std::fs::write(&db, vec![b'x'; 8192]).unwrap();
    let f = Follow::start(&env, &["--format", "{title} {state}"]);
    std::thread::sleep(Duration::from_millis(1500));
    std::fs::write(&db, good).unwrap();
    env.cmd()
        .args(["start", "Write #work", "--for", "25m"])
        .assert()
        .success();
    let lines = f.rest(Duration::from_secs(3));
    assert!(
        lines.iter().any(|l| l == "Write running"),
        "--follow went on after the unreadable database: {lines:?}"
    );
}
