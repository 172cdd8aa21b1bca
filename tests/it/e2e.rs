//! End to end: the real binary in a real terminal (tmux), driven by keys like a person.
//! Without tmux the test is skipped with a printed reason, except under CI=true, where a
//! missing tool fails the run (a green CI must mean the test ran).

use std::process::Command;
use std::time::{Duration, Instant};

use crate::Env;

/// A socket name no other test (or the user's own tmux) uses.
fn unique_socket() -> String {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    format!("serein-test-{}-{n}", std::process::id())
}

/// A tmux server on a private socket, killed on drop.
pub(crate) struct Tmux {
    socket: String,
}

impl Tmux {
    pub(crate) fn available() -> bool {
        match Command::new("tmux").arg("-V").output() {
            Ok(o) if o.status.success() => true,
            _ => {
                crate::skip::skip("end-to-end test: tmux is not installed");
                false
            }
        }
    }

    pub(crate) fn start(env: &Env, width: u16, height: u16) -> Tmux {
        let socket = unique_socket();
        let bin = assert_cmd::cargo::cargo_bin("serein");
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg("env");
        for (k, v) in env.vars() {
            cmd.arg(format!("{k}={v}"));
        }
        cmd.arg("TERM=xterm-256color").arg(bin);
        let st = cmd.status().expect("tmux runs");
        assert!(st.success(), "tmux new-session failed");
        Tmux { socket }
    }

    pub(crate) fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux")
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    pub(crate) fn literal(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "0", "-l", text])
                .status
                .success()
        );
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// Waits (up to 10 s) until the screen contains `text`.
    pub(crate) fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {text:?} on:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Presses `q` and waits (up to 10 s) until serein has left.
    pub(crate) fn quit(&self) {
        self.keys(&["q"]);
        let start = Instant::now();
        while self.running() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "serein did not quit"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub(crate) fn running(&self) -> bool {
        self.tmux(&["has-session"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

#[test]
fn add_a_box_by_keys_then_list_it_from_the_cli() {
    if !Tmux::available() {
        return;
    }
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:00-10:00 Already there #work"])
        .assert()
        .success();
    let t = Tmux::start(&env, 100, 30);
    t.wait_for("Already there");
    t.keys(&["a"]);
    t.wait_for("add ›");
    t.literal("10:30-12 Tmux report #family");
    t.keys(&["Enter"]);
    let s = t.wait_for("Tmux report");
    assert!(s.contains("Monday 23 November 2026 · today"), "{s}");
    // A change made by the CLI while the TUI runs shows up within a second or two.
    env.cmd()
        .args(["plan", "add", "14:00-15:00 From the CLI #work"])
        .assert()
        .success();
    t.wait_for("From the CLI");
    // Narrow pane: compact header, still readable.
    t.tmux(&["resize-window", "-t", "0", "-x", "48", "-y", "20"]);
    let s = t.wait_for("Mon 23 Nov · today");
    assert!(s.lines().all(|l| l.chars().count() <= 48), "{s}");
    t.quit();
    env.cmd()
        .args(["plan", "list"])
        .assert()
        .success()
        .stdout(predicates::str::contains("10:30-12:00"))
        .stdout(predicates::str::contains("Tmux report"));
}

/// Runs serein under `sh` in tmux; after it exits, `stty -a` is written to a file.
fn run_then_stty(env: &Env, extra_env: &str) -> (Tmux, std::path::PathBuf) {
    let out = env.path().join("stty.txt");
    let bin = assert_cmd::cargo::cargo_bin("serein");
    let vars: Vec<String> = env
        .vars()
        .iter()
        .map(|(k, v)| format!("{k}='{v}'"))
        .collect();
    let script = format!(
        "env {} {extra_env} TERM=xterm-256color '{}' 2>/dev/null; stty -a > '{}'; sleep 30",
        vars.join(" "),
        bin.display(),
        out.display()
    );
    let socket = unique_socket();
    let st = Command::new("tmux")
        .args([
            "-L",
            &socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "sh",
            "-c",
            &script,
        ])
        .status()
        .unwrap();
    assert!(st.success());
    (Tmux { socket }, out)
}

fn wait_file(path: &std::path::Path) -> String {
    let start = Instant::now();
    while !path.exists() || std::fs::read_to_string(path).unwrap_or_default().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{} never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    std::fs::read_to_string(path).unwrap()
}

fn assert_cooked(stty: &str) {
    let words: Vec<&str> = stty.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(
            words.contains(&flag),
            "terminal left raw ({flag} off):\n{stty}"
        );
    }
}

fn serein_pid(t: &Tmux) -> Option<String> {
    let pane = String::from_utf8_lossy(&t.tmux(&["list-panes", "-F", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    let out = Command::new("pgrep").args(["-P", &pane]).output().ok()?;
    let pid = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()?
        .trim()
        .to_string();
    (!pid.is_empty()).then_some(pid)
}

#[test]
fn terminal_is_restored_after_sigterm_and_panic_and_sighup_ends_it() {
    if !Tmux::available() {
        return;
    }
    let env = Env::new();
    // SIGTERM while the TUI is up.
    let (t, out) = run_then_stty(&env, "");
    t.wait_for("today");
    let pid = serein_pid(&t).expect("serein runs");
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    assert_cooked(&wait_file(&out));
    drop(t);

    // A panic inside the TUI.
    std::fs::remove_file(&out).ok();
    let (t, out) = run_then_stty(&env, "SEREIN_TEST_PANIC=1");
    assert_cooked(&wait_file(&out));
    drop(t);

    // SIGHUP: the pane is closed; serein must exit, not linger.
    let t = Tmux::start(&env, 80, 24);
    t.wait_for("today");
    let pane = String::from_utf8_lossy(&t.tmux(&["list-panes", "-F", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    // `env` execs serein, so the pane's process is serein itself.
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    while std::path::Path::new(&format!("/proc/{pane}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "serein still running after SIGHUP"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_session_survives_kill_9_of_the_tui() {
    if !Tmux::available() {
        return;
    }
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:30-10:30 Deep work #work"])
        .assert()
        .success();
    let t = Tmux::start(&env, 80, 24);
    t.wait_for("Deep work");
    t.keys(&["Enter"]);
    t.wait_for("until");
    let pane = String::from_utf8_lossy(&t.tmux(&["list-panes", "-F", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    assert!(
        Command::new("kill")
            .args(["-9", &pane])
            .status()
            .unwrap()
            .success()
    );
    drop(t);
    // The session is in the database with its deadline.
    env.cmd()
        .arg("status")
        .assert()
        .success()
        .stdout(predicates::str::contains("▶ Deep work"));
    // The next TUI carries on with it.
    let t = Tmux::start(&env, 80, 24);
    let s = t.wait_for("▶ Deep work");
    assert!(s.contains("timer"), "{s}");
    t.keys(&["Enter"]);
    t.wait_for("until");
    t.keys(&["x"]);
    t.wait_for("finished: Deep work");
}

#[test]
fn week_screen_and_review_by_keys_in_a_narrow_pane() {
    if !Tmux::available() {
        return;
    }
    let env = Env::new();
    env.cmd()
        .args(["start", "Write report #work", "--for", "25m"])
        .assert()
        .success();
    let t = Tmux::start(&env, 48, 20);
    t.wait_for("Mon 23 Nov");
    t.keys(&["w"]);
    let s = t.wait_for("Week 48");
    assert!(s.contains("└ 8 h work/day"), "{s}");
    assert!(s.lines().all(|l| l.chars().count() <= 48), "{s}");
    t.keys(&["["]);
    t.wait_for("Week 47");
    t.keys(&["r"]);
    t.wait_for("2026-W47");
    // Personal 8, then leave the review, the Week screen, and the app.
    t.keys(&["8"]);
    t.wait_for("8");
    t.keys(&["q"]);
    t.wait_for("Week 47");
    t.keys(&["Escape"]);
    t.wait_for("Mon 23 Nov");
    t.quit();
    env.cmd()
        .args(["review", "--show", "--week", "2026-W47", "--json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"personal\": 8"));
}

/// A test skipped for a missing tool says so in `cargo test`'s output, where a passing test's
/// `eprintln!` is swallowed: run this binary's e2e test with no tmux on PATH, outside CI.
#[test]
fn a_skipped_test_says_so_in_the_test_output() {
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "e2e::add_a_box_by_keys_then_list_it_from_the_cli",
        ])
        .args(["--test-threads=1"])
        .env("PATH", empty.path())
        .env_remove("CI")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{text}");
    assert!(text.contains("1 passed"), "{text}");
    assert!(
        text.contains("SKIPPED end-to-end test: tmux is not installed"),
        "the skip must be visible:\n{text}"
    );
}
