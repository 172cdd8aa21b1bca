//! DND backends against real daemons, each in a private D-Bus session with temp HOME/XDG
//! dirs (recipe: notify-sandbox.md §6; harness approach: serein's tests/desktop.rs).
//!
//! Each test re-invokes this test binary inside `dbus-run-session` with `DND_TEST_INNER=<test
//! name>`; the outer process drops `DBUS_SESSION_BUS_ADDRESS` (and DISPLAY, WAYLAND_DISPLAY,
//! XDG_CURRENT_DESKTOP, GSETTINGS_BACKEND) for everything it spawns, so the developer's
//! session is never touched. The bus config lists only a private service dir holding the one
//! `.service` file a test allows (dconf, Xfconf, or dunst itself to catch accidental
//! activation).
//!
//! With `CI=true` a missing tool fails the test; otherwise it prints
//! `SKIPPED <test>: <tool> not installed`.

use std::env;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serein::notify::dnd::{DndError, Prior, detect};

#[path = "support/skip.rs"]
mod skip;
use skip::skip;
#[path = "support/sandbox.rs"]
mod sandbox;
use sandbox::*;

const INNER: &str = "DND_TEST_INNER";
const SANDBOX: &str = "DND_TEST_DIR";
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const XFCONF: &str = "org.xfce.Xfconf";
const INNER_TIMEOUT: Duration = Duration::from_secs(60);
const SERVICES: &str = "/usr/share/dbus-1/services";
const GNOME_KEY: [&str; 2] = ["org.gnome.desktop.notifications", "show-banners"];
const GNOME_PATH: &str = "/org/gnome/desktop/notifications/show-banners";

/// What one test needs from the machine.
struct Spec {
    name: &'static str,
    tools: &'static [&'static str],
    /// `.service` files copied into the private service dir (activation allowed for these).
    services: &'static [&'static str],
    xvfb: bool,
    env: &'static [(&'static str, &'static str)],
}

#[test]
fn dunst_dnd() {
    run_test(
        Spec {
            name: "dunst_dnd",
            tools: &["Xvfb", "dbus-run-session", "dbus-send", "dunst", "dunstctl"],
            // dunst's own activation file: if anything we do activated the Notifications
            // name, dunst would start, and the test would see an owner it did not start.
            services: &["org.knopwob.dunst"],
            xvfb: true,
            env: &[],
        },
        inner_dunst,
    );
}

#[test]
fn gnome_dnd() {
    run_test(
        Spec {
            name: "gnome_dnd",
            tools: &["dbus-run-session", "dbus-send", "gsettings", "dconf"],
            services: &["ca.desrt.dconf"],
            xvfb: false,
            env: &[
                ("GSETTINGS_BACKEND", "dconf"),
                ("XDG_CURRENT_DESKTOP", "GNOME"),
            ],
        },
        inner_gnome,
    );
}

#[test]
fn xfce_dnd() {
    run_test(
        Spec {
            name: "xfce_dnd",
            tools: &[
                "Xvfb",
                "dbus-run-session",
                "dbus-send",
                "xfconf-query",
                "xfce4-notifyd",
            ],
            services: &["org.xfce.Xfconf"],
            xvfb: true,
            env: &[],
        },
        inner_xfce,
    );
}

/// No bus at all: detection finds nothing, quickly, and does not panic.
#[test]
fn no_bus_detect() {
    const NAME: &str = "no_bus_detect";
    if env::var(INNER).as_deref() == Ok(NAME) {
        sandbox_dir(SANDBOX);
        let start = Instant::now();
        let det = runtime().block_on(detect());
        eprintln!("no bus: {det:?} in {:?}", start.elapsed());
        assert!(det.server.is_none() && det.backend.is_none(), "{det:?}");
        assert!(start.elapsed() < Duration::from_secs(4));
        return;
    }
    let tmp = dnd_tree();
    let dir = tmp.path();
    let mut cmd = Command::new(env::current_exe().expect("current exe"));
    sandbox_env(&mut cmd, dir, SANDBOX);
    cmd.env(INNER, NAME)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", dir.join("no-bus").display()),
        )
        .args(["--exact", NAME, "--nocapture", "--test-threads=1"]);
    run_phase(NAME, cmd, &dir.join("inner.log"), INNER_TIMEOUT);
}

// ---------------------------------------------------------------- outer

fn run_test(spec: Spec, inner: fn(&Path)) {
    match env::var(INNER) {
        Ok(name) if name == spec.name => return inner(&sandbox_dir(SANDBOX)),
        Ok(_) => return, // another test's inner run; --exact keeps us from getting here
        Err(_) => {}
    }
    let missing = spec
        .tools
        .iter()
        .map(|t| t.to_string())
        .chain(spec.services.iter().map(|s| format!("{s}.service")))
        .find(|t| {
            if t.ends_with(".service") {
                !Path::new(SERVICES).join(t).is_file()
            } else {
                which(t).is_none()
            }
        });
    if let Some(tool) = missing {
        skip(&format!("{}: {tool} is not installed", spec.name));
        return;
    }

    let tmp = dnd_tree();
    let dir = tmp.path();
    for svc in spec.services {
        let file = format!("{svc}.service");
        fs::copy(Path::new(SERVICES).join(&file), dir.join("svc").join(&file))
            .expect("copy .service");
    }
    let _xvfb;
    let mut cmd = Command::new("dbus-run-session");
    sandbox_env(&mut cmd, dir, SANDBOX);
    if spec.xvfb {
        let (guard, display) = start_xvfb(141);
        _xvfb = guard;
        cmd.env("DISPLAY", format!(":{display}"));
    }
    cmd.arg(format!("--config-file={}", dir.join("bus.conf").display()))
        .arg("--")
        .arg(env::current_exe().expect("current exe"))
        .args(["--exact", spec.name, "--nocapture", "--test-threads=1"])
        .env(INNER, spec.name)
        .envs(spec.env.iter().copied());
    run_phase(spec.name, cmd, &dir.join("inner.log"), INNER_TIMEOUT);
}

/// The shared sandbox plus a dunstrc (notifications stay long enough to be counted).
fn dnd_tree() -> tempfile::TempDir {
    let tmp = sandbox_tree("dnd-test.", &[]);
    fs::write(tmp.path().join("cfg/dunstrc"), "[global]\n timeout = 60\n").expect("dunstrc");
    tmp
}

// ---------------------------------------------------------------- inner: dunst

fn inner_dunst(dir: &Path) {
    let rt = runtime();

    // 0. No server yet, but dunst is activatable: detection must not start it.
    assert!(
        !name_has_owner(NOTIFICATIONS),
        "fresh bus already has a server"
    );
    let det = rt.block_on(detect());
    eprintln!("before dunst: {det:?}");
    assert!(det.server.is_none() && det.backend.is_none(), "{det:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !name_has_owner(NOTIFICATIONS),
        "detect() activated a notification server"
    );

    // 1. Start dunst; detection picks it.
    let mut dunst = spawn_daemon(
        dir,
        "dunst",
        Command::new("dunst")
            .arg("-config")
            .arg(dir.join("cfg/dunstrc")),
    );
    wait_owner(NOTIFICATIONS, &mut dunst, &dir.join("dunst.log"));
    let det = rt.block_on(detect());
    eprintln!("with dunst: {det:?}");
    let (name, vendor, _) = det.server.clone().expect("server information");
    assert_eq!((name.as_str(), vendor.as_str()), ("dunst", "knopwob"));
    let b = det.backend.expect("dunst backend");
    assert_eq!(b.name(), "dunst");

    // 2. Off → on: prior is journaled, a notification is queued, restore shows it.
    assert!(!rt.block_on(b.is_on()).unwrap());
    assert_eq!(
        rt.block_on(b.prior()).unwrap(),
        Some(Prior::Dunst { paused: false })
    );
    let prior = rt.block_on(b.turn_on()).unwrap();
    assert_eq!(prior, Some(Prior::Dunst { paused: false }));
    let prior = journal_round_trip(prior.unwrap());
    assert!(rt.block_on(b.is_on()).unwrap());
    assert_eq!(dunstctl(&["is-paused"]).trim(), "true");
    rt.block_on(send_notification("dnd-test", "sent while paused"));
    let c = wait_counts(|c| c.waiting == 1);
    assert_eq!(
        (c.waiting, c.displayed),
        (1, 0),
        "queued while paused: {c:?}"
    );
    assert!(rt.block_on(b.restore(&prior)).unwrap(), "restore");
    assert!(!rt.block_on(b.is_on()).unwrap());
    assert_eq!(dunstctl(&["is-paused"]).trim(), "false");
    let c = wait_counts(|c| c.displayed == 1);
    assert_eq!(
        (c.waiting, c.displayed),
        (0, 1),
        "shown after restore: {c:?}"
    );
    dunstctl(&["close-all"]);

    // 3. Already on (the user paused): nothing set, nothing to restore, still paused.
    dunstctl(&["set-paused", "true"]);
    assert_eq!(rt.block_on(b.prior()).unwrap(), None);
    assert_eq!(rt.block_on(b.turn_on()).unwrap(), None);
    assert_eq!(dunstctl(&["is-paused"]).trim(), "true");
    dunstctl(&["set-paused", "false"]);

    // 4. User un-paused meanwhile: restore leaves theirs.
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    dunstctl(&["set-paused", "false"]);
    assert!(!rt.block_on(b.restore(&prior)).unwrap(), "must not restore");
    assert_eq!(dunstctl(&["is-paused"]).trim(), "false");

    // 5. A journal from another backend is refused, not applied.
    let wrong = Prior::Gnome {
        show_banners_user_value: None,
    };
    let res = rt.block_on(b.restore(&wrong));
    assert!(matches!(res, Err(DndError::Failed { .. })), "{res:?}");

    // 6. A hung dunst (SIGSTOP): calls give up after the 3 s timeout.
    check_hung_server_times_out(&rt, b.as_ref(), &dunst);

    // 7. dunst gone: Unavailable, and calling did not activate a new one.
    drop(dunst);
    wait_no_owner(NOTIFICATIONS);
    let res = rt.block_on(b.is_on());
    eprintln!("dunst gone: {res:?}");
    assert!(matches!(res, Err(DndError::Unavailable(_))), "{res:?}");
    let res = rt.block_on(b.restore(&prior));
    assert!(matches!(res, Err(DndError::Unavailable(_))), "{res:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !name_has_owner(NOTIFICATIONS),
        "a DND call activated a notification server"
    );
    eprintln!("dunst: all DND checks passed");
}

// ---------------------------------------------------------------- inner: gnome

fn inner_gnome(_dir: &Path) {
    let rt = runtime();
    assert_eq!(env::var("GSETTINGS_BACKEND").as_deref(), Ok("dconf"));
    let det = rt.block_on(detect());
    eprintln!("gnome: {det:?}");
    assert!(det.server.is_none(), "{det:?}");
    let b = det.backend.expect("gnome backend");
    assert_eq!(b.name(), "gnome");

    // 1. Key never set → on → restore: never set again (reset, not `true`).
    assert_eq!(dconf_read(), "");
    assert!(!rt.block_on(b.is_on()).unwrap());
    let prior = rt.block_on(b.turn_on()).unwrap();
    assert_eq!(
        prior,
        Some(Prior::Gnome {
            show_banners_user_value: None
        })
    );
    let prior = journal_round_trip(prior.unwrap());
    assert!(rt.block_on(b.is_on()).unwrap());
    assert_eq!(dconf_read(), "false");
    assert!(rt.block_on(b.restore(&prior)).unwrap());
    assert_eq!(dconf_read(), "", "unset key must be reset, not set");
    assert_eq!(gsettings(&["get"]), "true");

    // 2. User value true (explicitly set) → restored as a set `true`.
    gsettings(&["set", "true"]);
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    assert_eq!(
        prior,
        Prior::Gnome {
            show_banners_user_value: Some(true)
        }
    );
    assert!(rt.block_on(b.restore(&prior)).unwrap());
    assert_eq!(dconf_read(), "true");
    gsettings(&["reset"]);

    // 3. User value false: DND already on → nothing changed, nothing to restore.
    gsettings(&["set", "false"]);
    assert_eq!(rt.block_on(b.turn_on()).unwrap(), None);
    assert_eq!(dconf_read(), "false");
    assert!(rt.block_on(b.is_on()).unwrap());
    gsettings(&["reset"]);

    // 4. User turned banners back on meanwhile: restore leaves theirs.
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    gsettings(&["set", "true"]);
    assert!(!rt.block_on(b.restore(&prior)).unwrap());
    assert_eq!(dconf_read(), "true");
    eprintln!("gnome: all DND checks passed");
}

fn dconf_read() -> String {
    let out = run_timeout(
        Command::new("dconf").args(["read", GNOME_PATH]),
        CMD_TIMEOUT,
    );
    assert!(out.status.success(), "dconf read: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn gsettings(args: &[&str]) -> String {
    let mut cmd = Command::new("gsettings");
    cmd.arg(args[0]).args(GNOME_KEY).args(&args[1..]);
    let out = run_timeout(&mut cmd, CMD_TIMEOUT);
    assert!(out.status.success(), "gsettings {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

// ---------------------------------------------------------------- inner: xfce

fn inner_xfce(dir: &Path) {
    let rt = runtime();
    let exe = which("xfce4-notifyd").expect("xfce4-notifyd");
    let mut notifyd = spawn_daemon(dir, "xfce4-notifyd", &mut Command::new(exe));
    let log = dir.join("xfce4-notifyd.log");
    if let Err(why) = try_wait_owner(NOTIFICATIONS, &mut notifyd) {
        let text = fs::read_to_string(&log).unwrap_or_default();
        skip(&format!(
            "xfce_dnd: xfce4-notifyd cannot run here ({why}):\n{text}"
        ));
        return;
    }
    // xfce4-notifyd starts xfconfd (allowed by the copied Xfconf .service) at start-up.
    wait_owner(XFCONF, &mut notifyd, &log);

    let det = rt.block_on(detect());
    eprintln!("xfce: {det:?}");
    let (name, vendor, _) = det.server.clone().expect("server information");
    assert_eq!(
        (name.as_str(), vendor.as_str()),
        ("Xfce Notify Daemon", "Xfce")
    );
    let b = det.backend.expect("xfce backend");
    assert_eq!(b.name(), "xfce");

    // 1. Property absent → on → restore: absent again.
    assert_eq!(xfconf_get(), None);
    assert!(!rt.block_on(b.is_on()).unwrap());
    let prior = rt.block_on(b.turn_on()).unwrap();
    assert_eq!(
        prior,
        Some(Prior::Xfce {
            do_not_disturb: None
        })
    );
    let prior = journal_round_trip(prior.unwrap());
    assert!(rt.block_on(b.is_on()).unwrap());
    assert_eq!(xfconf_get().as_deref(), Some("true"));
    assert!(rt.block_on(b.restore(&prior)).unwrap());
    assert_eq!(xfconf_get(), None, "absent property must be removed again");

    // 2. Existing false → restored as false (not removed).
    xfconf(&["-n", "-t", "bool", "-s", "false"]);
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    assert_eq!(
        prior,
        Prior::Xfce {
            do_not_disturb: Some(false)
        }
    );
    assert!(rt.block_on(b.restore(&prior)).unwrap());
    assert_eq!(xfconf_get().as_deref(), Some("false"));

    // 3. Already on → nothing changed.
    xfconf(&["-s", "true"]);
    assert_eq!(rt.block_on(b.turn_on()).unwrap(), None);
    assert_eq!(xfconf_get().as_deref(), Some("true"));
    xfconf(&["-r"]);

    // 4. User turned DND off meanwhile → left alone.
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    xfconf(&["-s", "false"]);
    assert!(!rt.block_on(b.restore(&prior)).unwrap());
    assert_eq!(xfconf_get().as_deref(), Some("false"));
    drop(notifyd);
    eprintln!("xfce: all DND checks passed");
}

fn xfconf(args: &[&str]) -> Output {
    let out = run_timeout(
        Command::new("xfconf-query")
            .args(["-c", "xfce4-notifyd", "-p", "/do-not-disturb"])
            .args(args),
        CMD_TIMEOUT,
    );
    assert!(out.status.success(), "xfconf-query {args:?}: {out:?}");
    out
}

/// `None` if the property does not exist.
fn xfconf_get() -> Option<String> {
    let out = run_timeout(
        Command::new("xfconf-query").args(["-c", "xfce4-notifyd", "-p", "/do-not-disturb"]),
        CMD_TIMEOUT,
    );
    if out.status.success() {
        return Some(String::from_utf8_lossy(&out.stdout).trim().to_string());
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not exist"), "xfconf-query: {out:?}");
    None
}

// ---------------------------------------------------------------- inner helpers

/// A plain `Notify` call (the notification server is running, so no activation).
async fn send_notification(summary: &str, body: &str) {
    let conn = zbus::Connection::session().await.expect("session bus");
    let hints: std::collections::HashMap<&str, zbus::Variant<'_>> = Default::default();
    conn.call_method(
        Some(NOTIFICATIONS),
        "/org/freedesktop/Notifications",
        Some(NOTIFICATIONS),
        "Notify",
        &(
            "dnd-test",
            0u32,
            "",
            summary,
            body,
            Vec::<&str>::new(),
            hints,
            -1i32,
        ),
    )
    .await
    .expect("Notify");
}

#[derive(Debug, Clone, Copy)]
struct Counts {
    displayed: u32,
    waiting: u32,
}

/// Polls dunstctl (up to 3 s) until `done`; returns the last reading.
fn wait_counts(done: impl Fn(&Counts) -> bool) -> Counts {
    let read = || {
        let n = |what: &str| {
            let out = dunstctl(&["count", what]);
            out.trim()
                .parse::<u32>()
                .unwrap_or_else(|_| panic!("dunstctl count {what}: {out:?}"))
        };
        Counts {
            displayed: n("displayed"),
            waiting: n("waiting"),
        }
    };
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let c = read();
        if done(&c) || Instant::now() > deadline {
            return c;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn dunstctl(args: &[&str]) -> String {
    let out = run_timeout(Command::new("dunstctl").args(args), CMD_TIMEOUT);
    assert!(out.status.success(), "dunstctl {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---------------------------------------------------------------- process helpers
