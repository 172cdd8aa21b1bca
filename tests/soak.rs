//! Soak: many programs on one database for a minute, on a real desktop (dunst on a private
//! D-Bus session and Xvfb; recipe: notify-sandbox.md §6).
//!
//! 20 CLI writers add boxes and an outside `sqlite3` reads the file in a loop, as a person
//! looking at their data does, while first the TUI (in tmux, enforcing offline hours and adding
//! boxes by keys) runs alone, then beside the daemon that `serein offline on` starts (dunst
//! paused), then the daemon alone after the TUI quit. Afterwards every box a writer was told was `added #N` is stored under that
//! id, the file passes `integrity_check`, `serein offline off` takes effect while the daemon
//! still runs, and dunst is un-paused with no journal left.
//!
//! `SEREIN_SOAK_SECS` shortens or lengthens the minute. Own test binary: cargo runs test
//! binaries one after another, so the writers never slow other tests down.
//! With `CI=true` a missing tool fails the test; otherwise it prints `SKIPPED …`.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[path = "support/skip.rs"]
mod skip;
use skip::skip;
#[path = "support/sandbox.rs"]
mod sandbox;
use sandbox::*;

const TEST_NAME: &str = "soak_tui_daemon_writers_and_an_outside_reader";
const INNER: &str = "SEREIN_SOAK_INNER";
const SANDBOX: &str = "SEREIN_SOAK_DIR";
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const WRITERS: usize = 20;

fn soak_secs() -> u64 {
    env::var("SEREIN_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60)
}

#[test]
fn soak_tui_daemon_writers_and_an_outside_reader() {
    if env::var(INNER).is_ok() {
        return inner(&sandbox_dir(SANDBOX));
    }
    let tools = [
        "Xvfb",
        "dbus-run-session",
        "dbus-send",
        "dunst",
        "dunstctl",
        "tmux",
        "sqlite3",
        "pgrep",
    ];
    if let Some(tool) = tools.iter().find(|t| which(t).is_none()) {
        skip(&format!("soak test: {tool} is not installed"));
        return;
    }
    let tmp = sandbox_tree("serein-soak.", &[]);
    let dir = tmp.path();
    fs::write(dir.join("cfg/dunstrc"), "[global]\n timeout = 60\n").expect("dunstrc");
    let (_xvfb, display) = start_xvfb(191);
    let mut cmd = Command::new("dbus-run-session");
    sandbox_env(&mut cmd, dir, SANDBOX);
    cmd.arg(format!("--config-file={}", dir.join("bus.conf").display()))
        .arg("--")
        .arg(env::current_exe().expect("current exe"))
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(INNER, "1")
        .env("DISPLAY", format!(":{display}"));
    let timeout = Duration::from_secs(soak_secs() + 90);
    run_phase("soak", cmd, &dir.join("soak.log"), timeout);
}

fn dunstctl(args: &[&str]) -> String {
    let out = run_timeout(Command::new("dunstctl").args(args), CMD_TIMEOUT);
    assert!(out.status.success(), "dunstctl {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn wait_paused(want: bool, within: Duration, what: &str) {
    let deadline = Instant::now() + within;
    while (dunstctl(&["is-paused"]) == "true") != want {
        assert!(
            Instant::now() < deadline,
            "{what}: dunst is-paused never became {want}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `serein --data-dir DATA ARGS…` with the sandbox's environment (the daemon allowed).
fn serein(bin: &Path, data: &Path, args: &[&str]) -> std::process::Output {
    run_timeout(
        Command::new(bin).arg("--data-dir").arg(data).args(args),
        Duration::from_secs(30),
    )
}

/// The `sqlite3` shell, with a busy timeout as a careful person sets it (without one, a read
/// that meets a checkpoint answers "database is locked" at once: SQLite's way, not a loss).
fn sqlite3(db: &Path, sql: &str) -> String {
    let out = run_timeout(
        Command::new("sqlite3")
            .args(["-cmd", ".timeout 5000"])
            .arg(db)
            .arg(sql),
        Duration::from_secs(10),
    );
    assert!(out.status.success(), "sqlite3 {sql}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn tmux(sock: &str, args: &[&str]) -> std::process::Output {
    run_timeout(
        Command::new("tmux").arg("-L").arg(sock).args(args),
        CMD_TIMEOUT,
    )
}

fn quit_tui(sock: &str) {
    tmux(sock, &["send-keys", "-t", "0", "q"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while tmux(sock, &["has-session"]).status.success() {
        assert!(Instant::now() < deadline, "the TUI did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn inner(dir: &Path) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_serein"));
    let data = dir.join("data/serein");
    let db = data.join("serein.db");
    let mut dunst = spawn_daemon(
        dir,
        "dunst",
        Command::new("dunst")
            .arg("-config")
            .arg(dir.join("cfg/dunstrc")),
    );
    wait_owner(NOTIFICATIONS, &mut dunst, &dir.join("dunst.log"));
    assert_eq!(dunstctl(&["is-paused"]), "false");

    // The database exists before the outside reader starts (an `sqlite3` on a missing file
    // finds no tables, which is not what this test is about).
    let made = serein(&bin, &data, &["plan", "list"]);
    assert!(made.status.success(), "plan list: {made:?}");
    // The TUI opens first: it enforces offline hours for the data folder.
    let sock = format!("serein-soak-{}", std::process::id());
    let st = Command::new("tmux")
        .args(["-L", &sock, "-f", "/dev/null", "new-session", "-d"])
        .args(["-x", "100", "-y", "30"])
        .arg(format!(
            "exec '{}' --data-dir '{}'",
            bin.display(),
            data.display()
        ))
        .status()
        .expect("tmux");
    assert!(st.success());

    let stop = Arc::new(AtomicBool::new(false));
    let added: Arc<Mutex<BTreeMap<i64, String>>> = Arc::default();
    let reads = Arc::new(AtomicU64::new(0));
    let failures: Arc<Mutex<Vec<String>>> = Arc::default();
    let mut threads = Vec::new();
    for w in 0..WRITERS {
        let (stop, added, failures) = (stop.clone(), added.clone(), failures.clone());
        let (bin, data) = (bin.clone(), data.clone());
        threads.push(std::thread::spawn(move || {
            let mut k = 0;
            let begun = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                // Write in even seconds, rest in odd ones: the outside reader must also get
                // moments when it believes it is the file's only user.
                if begun.elapsed().as_secs() % 2 == 1 {
                    std::thread::sleep(Duration::from_millis(50));
                    continue;
                }
                let title = format!("w{w}-{k}");
                // Spread over the day; overlaps are allowed (a warning, not a refusal).
                let start = 6 * 60 + (w * 37 + k * 11) % (15 * 60);
                let text = format!("{:02}:{:02} +15m {title} #work", start / 60, start % 60);
                let out = serein(&bin, &data, &["plan", "add", &text]);
                let stdout = String::from_utf8_lossy(&out.stdout);
                let id = stdout
                    .split_once("added #")
                    .and_then(|(_, r)| r.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|n| n.parse::<i64>().ok());
                match (out.status.success(), id) {
                    (true, Some(id)) => {
                        let dup = added.lock().unwrap().insert(id, title.clone());
                        if let Some(other) = dup {
                            failures
                                .lock()
                                .unwrap()
                                .push(format!("#{id} reported for {other} and {title}"));
                        }
                    }
                    _ => failures.lock().unwrap().push(format!(
                        "{text}: {} {}",
                        out.status,
                        String::from_utf8_lossy(&out.stderr)
                    )),
                }
                k += 1;
            }
        }));
    }
    {
        let (stop, reads, db) = (stop.clone(), reads.clone(), db.clone());
        threads.push(std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                sqlite3(&db, "SELECT count(*) FROM timebox");
                reads.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(20));
            }
        }));
    }
    // A third of the time the TUI runs alone (and writes too, a box by keys every few
    // seconds); then `serein offline on` starts the daemon beside it; for the last third the
    // TUI is gone and the daemon enforces on its own.
    let secs = soak_secs();
    let start = Instant::now();
    let mut tui_boxes = 0;
    let mut phase = 0;
    while start.elapsed() < Duration::from_secs(secs) {
        std::thread::sleep(Duration::from_secs(3));
        let third = start.elapsed().as_secs() * 3 / secs.max(1);
        if phase == 0 && third >= 1 {
            phase = 1;
            let on = serein(&bin, &data, &["offline", "on", "--for", "3h"]);
            assert!(on.status.success(), "offline on: {on:?}");
            wait_paused(true, Duration::from_secs(10), "offline on");
        }
        if phase == 1 && third >= 2 {
            phase = 2;
            quit_tui(&sock);
            // The TUI gave the desktop back on leaving and woke the daemon, which takes over
            // at once (not at its enforcer's next retry, up to 30 s later).
            wait_paused(true, Duration::from_secs(5), "the daemon taking over");
        }
        if phase < 2 {
            tmux(&sock, &["send-keys", "-t", "0", "a"]);
            std::thread::sleep(Duration::from_millis(300));
            let text = format!("23:00 +15m tui-{tui_boxes} #work");
            tmux(&sock, &["send-keys", "-t", "0", "-l", &text]);
            tmux(&sock, &["send-keys", "-t", "0", "Enter"]);
            tui_boxes += 1;
        }
    }
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().expect("worker");
    }
    let failures = failures.lock().unwrap().clone();
    assert!(failures.is_empty(), "writers failed: {failures:#?}");

    // The daemon still sees what others write: `offline off` takes effect while it runs.
    let off = serein(&bin, &data, &["offline", "off"]);
    assert!(off.status.success(), "offline off: {off:?}");
    wait_paused(
        false,
        Duration::from_secs(10),
        "offline off with the daemon running",
    );

    // Stop the daemon.
    let pids = run_timeout(
        Command::new("pgrep").args(["-f", &format!("{} daemon", data.display())]),
        CMD_TIMEOUT,
    );
    for pid in String::from_utf8_lossy(&pids.stdout).lines() {
        let _ = run_timeout(Command::new("kill").args(["-TERM", pid]), CMD_TIMEOUT);
    }
    std::thread::sleep(Duration::from_millis(500));

    let added = added.lock().unwrap().clone();
    assert_eq!(sqlite3(&db, "PRAGMA integrity_check"), "ok");
    let stored: BTreeMap<i64, String> = sqlite3(&db, "SELECT id || '|' || title FROM timebox")
        .lines()
        .filter_map(|l| l.split_once('|'))
        .map(|(id, t)| (id.parse().expect("id"), t.to_string()))
        .collect();
    let lost: Vec<_> = added
        .iter()
        .filter(|(id, title)| stored.get(id) != Some(title))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} adds lost: {lost:?}",
        lost.len(),
        added.len()
    );
    let from_tui = stored.values().filter(|t| t.starts_with("tui-")).count();
    assert_eq!(from_tui, tui_boxes, "boxes added in the TUI");
    assert_eq!(
        stored.len(),
        added.len() + tui_boxes,
        "no row appeared from nowhere"
    );
    assert_eq!(
        dunstctl(&["is-paused"]),
        "false",
        "Do-Not-Disturb given back"
    );
    assert_eq!(sqlite3(&db, "SELECT count(*) FROM dnd_journal"), "0");
    eprintln!(
        "soak: {} CLI adds by {WRITERS} writers, {tui_boxes} TUI adds, {} outside reads in {} s; all stored",
        added.len(),
        reads.load(Ordering::Relaxed),
        soak_secs()
    );
    let _ = tmux(&sock, &["kill-server"]);
}
