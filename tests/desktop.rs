//! A real notification test: `DesktopNotifier` against dunst on a private D-Bus session
//! bus and an Xvfb display (recipe: notify-sandbox.md §6).
//!
//! The test process is not inside the private bus, so it re-invokes itself:
//! - outer (no `SEREIN_DESKTOP_INNER`): checks the tools, makes a temp HOME/XDG tree and a
//!   bus config with an empty service dir (so nothing can be D-Bus-activated), runs the
//!   "nobus" phase, starts Xvfb, then runs `dbus-run-session -- <this test exe>`;
//! - `SEREIN_DESKTOP_INNER=nobus`: the bus address points at nothing → `Unavailable`;
//! - `SEREIN_DESKTOP_INNER=bus`: inside the private bus: no server → `Unavailable`, then
//!   starts dunst and checks what it received.
//!
//! The developer's session bus is never used: the outer spawns drop
//! `DBUS_SESSION_BUS_ADDRESS`, and the inner phases refuse to run without the sandbox dir.

use std::env;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serein::notify::{DesktopNotifier, Notification, Notifier, NotifyError, Urgency};

#[path = "support/skip.rs"]
mod skip;
use skip::skip;
#[path = "support/sandbox.rs"]
mod sandbox;
use sandbox::*;

const TEST_NAME: &str = "desktop_notifications";
const INNER: &str = "SEREIN_DESKTOP_INNER";
const SANDBOX: &str = "SEREIN_DESKTOP_DIR";
const NAME: &str = "org.freedesktop.Notifications";
/// Generous: the inner run normally takes about a second.
const INNER_TIMEOUT: Duration = Duration::from_secs(60);

#[test]
fn desktop_notifications() {
    match env::var(INNER).as_deref() {
        Ok("bus") => inner_bus(),
        Ok("nobus") => inner_nobus(),
        _ => outer(),
    }
}

// ---------------------------------------------------------------- outer

fn outer() {
    for tool in [
        "Xvfb",
        "dbus-run-session",
        "dbus-daemon",
        "dbus-send",
        "dunst",
        "dunstctl",
    ] {
        if which(tool).is_none() {
            // CI must not silently skip the only test that talks to a real server.
            skip(&format!("desktop test: {tool} is not installed"));
            return;
        }
    }

    let tmp = sandbox_tree("serein-desktop.", &[]);
    let dir = tmp.path();
    fs::write(dir.join("cfg/dunstrc"), "[global]\n timeout = 60\n").expect("dunstrc");

    let exe = env::current_exe().expect("current exe");

    // Phase 1: a bus address that leads nowhere.
    let mut nobus = Command::new(&exe);
    sandbox_env(&mut nobus, dir, SANDBOX);
    nobus
        .env(INNER, "nobus")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", dir.join("no-bus").display()),
        )
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"]);
    run_phase("nobus", nobus, &dir.join("nobus.log"), INNER_TIMEOUT);

    // Phase 2: private bus + Xvfb + dunst.
    let (_xvfb, display) = start_xvfb(91);
    let mut cmd = Command::new("dbus-run-session");
    sandbox_env(&mut cmd, dir, SANDBOX);
    cmd.arg(format!("--config-file={}", dir.join("bus.conf").display()))
        .arg("--")
        .arg(&exe)
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(INNER, "bus")
        .env("DISPLAY", format!(":{display}"));
    run_phase("bus", cmd, &dir.join("bus.log"), INNER_TIMEOUT);
}

/// Points HOME and XDG_* into the sandbox and cuts every link to the real session.
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

fn dunst_journal_left(data: &str) -> bool {
    let store = serein::store::Store::open(&Path::new(data).join("serein.db")).expect("db");
    store.journal("dunst").expect("journal").is_some()
}

fn journal_left(data: &str) -> bool {
    let store = serein::store::Store::open(&Path::new(data).join("serein.db")).expect("db");
    !store.journals().expect("journals").is_empty()
}

/// Offline hours with dunst: the TUI goes offline by hand (`serein offline on`), then is
/// ended by SIGTERM, SIGHUP (the pane closed) and SIGKILL (the guardian restores); each time
/// dunst is un-paused within 2 s and no journal remains. A user's own pause is left alone,
/// and a daemon killed with -9 is cleaned up after too.
fn offline_kill_tests(dir: &Path, bin: &str) {
    if which("tmux").is_none() {
        skip("offline kill tests: tmux is not installed");
        return;
    }
    for (n, signal) in ["TERM", "HUP", "KILL"].into_iter().enumerate() {
        let data = dir.join(format!("offline-{n}"));
        let data = data.to_str().expect("utf-8").to_string();
        let ok = run_timeout(
            Command::new(bin).env("SEREIN_NO_DAEMON", "1").args([
                "--data-dir",
                &data,
                "offline",
                "on",
                "--for",
                "1h",
            ]),
            CMD_TIMEOUT,
        );
        assert!(ok.status.success(), "offline on: {ok:?}");
        if n == 0 {
            // A crashed serein's journal from a GNOME session: kept, and no obstacle here.
            let mut store =
                serein::store::Store::open(&Path::new(&data).join("serein.db")).unwrap();
            let mut j = serein::notify::guard::journal_for(&serein::notify::dnd::Prior::Gnome {
                show_banners_user_value: None,
            });
            j.proc_start = "0".into();
            assert!(store.write_journal(&j).unwrap());
        }
        let sock = format!("serein-offline-{}-{n}", std::process::id());
        let st = Command::new("tmux")
            .args([
                "-L",
                &sock,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "80",
                "-y",
                "24",
            ])
            .arg(format!(
                "SEREIN_NO_DAEMON=1 exec '{bin}' --data-dir '{data}'"
            ))
            .status()
            .expect("tmux");
        assert!(st.success());
        wait_paused(true, Duration::from_secs(10), "the TUI going offline");
        assert!(
            dunst_journal_left(&data),
            "the user's state is journaled while offline"
        );
        let pane = Command::new("tmux")
            .args(["-L", &sock, "list-panes", "-F", "#{pane_pid}"])
            .output()
            .expect("tmux");
        let pid = String::from_utf8_lossy(&pane.stdout).trim().to_string();
        let killed = run_timeout(
            Command::new("kill").args([&format!("-{signal}"), &pid]),
            CMD_TIMEOUT,
        );
        assert!(killed.status.success(), "kill -{signal}: {killed:?}");
        wait_paused(
            false,
            Duration::from_secs(2),
            &format!("after SIGKILL-free exit by SIG{signal}"),
        );
        // The guardian (SIGKILL) or the TUI itself (TERM, HUP) also removed the journal.
        let deadline = Instant::now() + Duration::from_secs(2);
        while dunst_journal_left(&data) {
            assert!(Instant::now() < deadline, "journal left after SIG{signal}");
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("tmux")
            .args(["-L", &sock, "kill-server"])
            .status();
        if n == 0 {
            let store = serein::store::Store::open(&Path::new(&data).join("serein.db")).unwrap();
            assert!(
                store.journal("gnome").unwrap().is_some(),
                "the GNOME leftover is kept"
            );
        }
        eprintln!("offline: SIG{signal} gave dunst back");
    }

    // The user had paused dunst themselves: serein neither sets nor restores it.
    dunstctl(&["set-paused", "true"]);
    let data = dir.join("offline-own");
    let data = data.to_str().expect("utf-8").to_string();
    let _ = run_timeout(
        Command::new(bin).env("SEREIN_NO_DAEMON", "1").args([
            "--data-dir",
            &data,
            "offline",
            "on",
            "--for",
            "1h",
        ]),
        CMD_TIMEOUT,
    );
    let sock = format!("serein-offline-own-{}", std::process::id());
    Command::new("tmux")
        .args([
            "-L",
            &sock,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
        ])
        .arg(format!(
            "SEREIN_NO_DAEMON=1 exec '{bin}' --data-dir '{data}'"
        ))
        .status()
        .expect("tmux");
    std::thread::sleep(Duration::from_millis(1500));
    Command::new("tmux")
        .args(["-L", &sock, "send-keys", "q"])
        .status()
        .expect("tmux");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(is_paused(), "the user's own pause must stay");
    assert!(!journal_left(&data));
    let _ = Command::new("tmux")
        .args(["-L", &sock, "kill-server"])
        .status();
    dunstctl(&["set-paused", "false"]);

    // `serein offline on` with no TUI starts the daemon, which goes offline; kill -9 it: the
    // guardian gives dunst back.
    let data = dir.join("offline-daemon");
    let data = data.to_str().expect("utf-8").to_string();
    let ok = run_timeout(
        Command::new(bin).args(["--data-dir", &data, "offline", "on", "--for", "1h"]),
        CMD_TIMEOUT,
    );
    assert!(ok.status.success(), "{ok:?}");
    wait_paused(true, Duration::from_secs(10), "the daemon going offline");
    let pids = Command::new("pgrep")
        .args(["-f", &format!("{data} daemon")])
        .output()
        .expect("pgrep");
    for pid in String::from_utf8_lossy(&pids.stdout).lines() {
        let _ = Command::new("kill").args(["-KILL", pid]).status();
    }
    wait_paused(false, Duration::from_secs(2), "after kill -9 of the daemon");
    eprintln!("offline: kill -9 of the daemon gave dunst back");
}

/// `serein offline on` with no TUI starts the daemon and returns only once its enforcer has
/// paused dunst (and says so); `offline off` returns once dunst is un-paused again.
fn offline_on_waits_for_dnd(dir: &Path, bin: &str) {
    assert!(!is_paused(), "dunst is paused before the test");
    let data = dir.join("offline-wait");
    let data = data.to_str().expect("utf-8").to_string();
    // Bounded by the command's own 5 s wait for confirmation, with room to spare.
    let within = Duration::from_secs(20);
    let run = |args: &[&str]| {
        let out = run_timeout(
            Command::new(bin)
                .args(["--data-dir", &data, "offline"])
                .args(args),
            within,
        );
        // Read at once: "right after it exits".
        let paused = is_paused();
        (out, paused)
    };
    let (on, paused_after_on) = run(&["on", "--for", "1h"]);
    let (off, paused_after_off) = run(&["off"]);
    // The daemon would leave by itself a minute after; this bus ends sooner. Stopped before
    // asserting, so a failure leaves no daemon behind.
    let pids = Command::new("pgrep")
        .args(["-f", &format!("{data} daemon")])
        .output()
        .expect("pgrep");
    for pid in String::from_utf8_lossy(&pids.stdout).lines() {
        let _ = Command::new("kill").args(["-TERM", pid]).status();
    }
    let text = |o: &std::process::Output| String::from_utf8_lossy(&o.stdout).to_string();
    assert!(on.status.success(), "offline on: {on:?}");
    assert!(
        paused_after_on,
        "`offline on` exited 0 but dunst is not paused yet: {}",
        text(&on)
    );
    assert!(
        text(&on).contains("Do-Not-Disturb on (dunst)"),
        "{}",
        text(&on)
    );
    assert!(off.status.success(), "offline off: {off:?}");
    assert!(
        !paused_after_off,
        "`offline off` exited 0 but dunst is still paused: {}",
        text(&off)
    );
    for want in [
        "online, back to the schedule",
        "Do-Not-Disturb: not held by serein",
    ] {
        assert!(text(&off).contains(want), "{}", text(&off));
    }
    eprintln!("offline: `offline on`/`off` returned with dunst paused/un-paused");
}

// ---------------------------------------------------------------- inner phases

fn inner_nobus() {
    sandbox_dir(SANDBOX);
    let rt = runtime();
    let (res, took) = rt.block_on(timed_send(&Notification::new("nobody", "listens")));
    eprintln!("no bus: {res:?} in {took:?}");
    assert!(
        matches!(res, Err(NotifyError::Unavailable(_))),
        "no bus: {res:?}"
    );
}

fn inner_bus() {
    let dir = sandbox_dir(SANDBOX);
    let addr = env::var("DBUS_SESSION_BUS_ADDRESS").expect("dbus-run-session sets the address");
    eprintln!("private bus: {addr}");
    let rt = runtime();

    // 1. A bus, but nothing owns org.freedesktop.Notifications (and nothing activatable).
    assert!(!name_has_owner(NAME), "{NAME} already owned on a fresh bus");
    let (res, took) = rt.block_on(timed_send(&Notification::new("nobody", "listens")));
    eprintln!("no server: {res:?} in {took:?}");
    assert!(
        matches!(res, Err(NotifyError::Unavailable(ref m)) if m.contains("ServiceUnknown")),
        "no server: {res:?}"
    );

    // 1b. `serein doctor` with no server: a clear message and a non-zero exit.
    let bin = env!("CARGO_BIN_EXE_serein");
    let doctor_data = dir.join("doctor-data");
    let doctor_data = doctor_data.to_str().expect("utf-8 path").to_string();
    let doc = run_timeout(
        Command::new(bin).args(["--data-dir", &doctor_data, "doctor"]),
        Duration::from_secs(20),
    );
    let out = String::from_utf8_lossy(&doc.stdout).to_string();
    assert!(
        !doc.status.success(),
        "doctor with no server must fail: {out}"
    );
    assert!(out.contains("no notification server is running"), "{out}");

    // 2. Start dunst and wait for it to own the name.
    let log = dir.join("dunst.log");
    let out = fs::File::create(&log).expect("dunst log");
    let err = out.try_clone().expect("dunst log");
    let child = Command::new("dunst")
        .arg("-config")
        .arg(dir.join("cfg/dunstrc"))
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("spawn dunst");
    let mut dunst = ChildGuard::new("dunst", child, false);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !name_has_owner(NAME) {
        let exited = dunst.child.try_wait().ok().flatten();
        if exited.is_some() || Instant::now() > deadline {
            panic!(
                "dunst never owned {NAME} (exit: {exited:?}):\n{}",
                fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }

    // 2b. `serein doctor` with dunst: detected, a journaled on/off round trip, dunst un-paused
    //     again afterwards and no journal left.
    let doc = run_timeout(
        Command::new(bin).args(["--data-dir", &doctor_data, "doctor"]),
        Duration::from_secs(20),
    );
    let out = String::from_utf8_lossy(&doc.stdout).to_string();
    assert!(
        doc.status.success(),
        "doctor with dunst: {out}\n{}",
        String::from_utf8_lossy(&doc.stderr)
    );
    assert!(out.contains("notifications  dunst (knopwob)"), "{out}");
    assert!(out.contains("dunst: query, on and restore work"), "{out}");
    assert_eq!(
        dunstctl(&["is-paused"]).trim(),
        "false",
        "doctor left dunst paused"
    );
    let doc = run_timeout(
        Command::new(bin).args(["--data-dir", &doctor_data, "doctor"]),
        Duration::from_secs(20),
    );
    assert!(String::from_utf8_lossy(&doc.stdout).contains("journal  none left over"));

    // 2c. A serein that paused dunst and was then killed (-9) left its journal: the next start
    //     (here `doctor`) sees the owner is gone and gives the user back their setting.
    {
        let mut store = serein::store::Store::open(&Path::new(&doctor_data).join("serein.db"))
            .expect("open the doctor's database");
        let mut j = serein::notify::guard::journal_for(&serein::notify::dnd::Prior::Dunst {
            paused: false,
        });
        j.proc_start = "0".into(); // the pid's process is not the one that wrote it: dead
        assert!(store.write_journal(&j).unwrap());
    }
    dunstctl(&["set-paused", "true"]);
    let doc = run_timeout(
        Command::new(bin).args(["--data-dir", &doctor_data, "doctor"]),
        Duration::from_secs(20),
    );
    let out = String::from_utf8_lossy(&doc.stdout).to_string();
    assert!(
        out.contains("left by a crashed serein: dunst restored"),
        "{out}"
    );
    assert_eq!(
        dunstctl(&["is-paused"]).trim(),
        "false",
        "the crashed owner's pause was not undone"
    );

    // 3. Two notifications, one tagged.
    let first =
        Notification::new("serein-test first", "focus block started").with_tag("serein-test");
    let second =
        Notification::new("serein-test second", "break is over").with_urgency(Urgency::Critical);
    for n in [&first, &second] {
        let (res, took) = rt.block_on(timed_send(n));
        eprintln!("sent {:?}: {res:?} in {took:?}", n.summary);
        res.unwrap_or_else(|e| panic!("sending {:?}: {e}", n.summary));
    }
    let counts = wait_for_total(2);
    assert_eq!(
        counts.total(),
        2,
        "dunst should hold 2 notifications: {counts:?}"
    );

    // 4. Same tag again: dunst replaces the first rather than stacking a third.
    let replacement =
        Notification::new("serein-test third", "replaces first").with_tag("serein-test");
    let (res, _) = rt.block_on(timed_send(&replacement));
    res.expect("sending the replacement");
    std::thread::sleep(Duration::from_millis(300));
    let counts = Counts::read();
    assert_eq!(
        counts.total(),
        2,
        "tagged notification should replace: {counts:?}"
    );

    // 5. Close them all so they land in history, whose JSON names app and summaries.
    dunstctl(&["close-all"]);
    let history = wait_for_history(2);
    assert!(
        history.contains("\"serein\""),
        "appname not serein:\n{history}"
    );
    assert!(history.contains("serein-test second"), "{history}");
    assert!(history.contains("serein-test third"), "{history}");
    assert!(
        !history.contains("serein-test first"),
        "first was not replaced:\n{history}"
    );

    // 6. A hung server (dunst stopped with SIGSTOP): the send gives up at its timeout.
    let pid = dunst.child.id().to_string();
    let stop = run_timeout(Command::new("kill").args(["-STOP", &pid]), CMD_TIMEOUT);
    assert!(stop.status.success(), "kill -STOP: {stop:?}");
    let short = DesktopNotifier::with_timeout(Duration::from_millis(500));
    let start = Instant::now();
    let res = rt.block_on(short.send(&Notification::new("serein-test hung", "")));
    let took = start.elapsed();
    let _ = run_timeout(Command::new("kill").args(["-CONT", &pid]), CMD_TIMEOUT);
    eprintln!("hung server: {res:?} in {took:?}");
    assert!(
        matches!(res, Err(NotifyError::Timeout(_))),
        "hung server: {res:?}"
    );

    // 7. The real binary: `serein start` returns at once with no TUI; a daemon (started here
    //    at a clock 3 s before the deadline) sends "started" and then "time is up".
    std::thread::sleep(Duration::from_millis(300));
    dunstctl(&["close-all"]);
    let history_before = Counts::read().history;
    let total_before = Counts::read().total();
    let bin = env!("CARGO_BIN_EXE_serein");
    let data = dir.join("serein-data");
    let data = data.to_str().expect("utf-8 path");
    let start = run_timeout(
        Command::new(bin)
            .env("SEREIN_NO_DAEMON", "1")
            .env("SEREIN_NOW", "2026-11-23T09:00:00")
            .args(["--data-dir", data, "start", "Desktop test", "--for", "1m"]),
        CMD_TIMEOUT,
    );
    assert!(start.status.success(), "serein start: {start:?}");
    let child = Command::new(bin)
        .env("SEREIN_NOW", "2026-11-23T09:00:57")
        .args(["--data-dir", data, "daemon"])
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn serein daemon");
    let _daemon = ChildGuard::new("serein daemon", child, false);
    let seen = |want: u32, what: &str| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Counts::read().total() < want {
            assert!(
                Instant::now() < deadline,
                "dunst never got {what}: {:?}",
                Counts::read()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        // Into history, where dunstctl shows summaries and the app name.
        dunstctl(&["close-all"]);
    };
    seen(total_before + 1, "the start notification");
    seen(total_before + 2, "the time-is-up notification");
    let history = wait_for_history(history_before + 2);
    for want in ["▶ Desktop test", "Time is up: Desktop test", "\"serein\""] {
        assert!(
            history.contains(want),
            "{want} missing from dunst history:\n{history}"
        );
    }

    offline_on_waits_for_dnd(&dir, bin);
    offline_kill_tests(&dir, bin);

    drop(dunst);
    eprintln!("desktop: dunst received and stacked serein's notifications as expected");
}

async fn timed_send(n: &Notification) -> (Result<(), NotifyError>, Duration) {
    let start = Instant::now();
    let res = DesktopNotifier::new().send(n).await;
    (res, start.elapsed())
}

#[derive(Debug, Clone, Copy)]
struct Counts {
    displayed: u32,
    waiting: u32,
    history: u32,
}

impl Counts {
    fn read() -> Self {
        let count = |what: &str| {
            let out = dunstctl(&["count", what]);
            out.trim()
                .parse::<u32>()
                .unwrap_or_else(|_| panic!("dunstctl count {what}: {out:?}"))
        };
        Counts {
            displayed: count("displayed"),
            waiting: count("waiting"),
            history: count("history"),
        }
    }

    fn total(self) -> u32 {
        self.displayed + self.waiting + self.history
    }
}

/// Polls (up to 3 s) until dunst holds `want` notifications; returns the last reading.
fn wait_for_total(want: u32) -> Counts {
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let c = Counts::read();
        if c.total() >= want || Instant::now() > deadline {
            return c;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn wait_for_history(want: u32) -> String {
    let deadline = Instant::now() + Duration::from_secs(3);
    while Counts::read().history < want && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    dunstctl(&["history"])
}

fn dunstctl(args: &[&str]) -> String {
    let out = run_timeout(Command::new("dunstctl").args(args), CMD_TIMEOUT);
    assert!(out.status.success(), "dunstctl {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---------------------------------------------------------------- process helpers
