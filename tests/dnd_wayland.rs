//! DND backends for Wayland notification daemons (mako, SwayNotificationCenter) against the
//! real daemons under a headless sway, each test in a private D-Bus session with temp
//! HOME/XDG dirs (recipe: notify-sandbox.md §6; harness: tests/dnd.rs).
//!
//! Each test re-invokes this test binary inside `dbus-run-session` with `DND_TEST_INNER=<test
//! name>`; the outer process drops `DBUS_SESSION_BUS_ADDRESS`, DISPLAY, WAYLAND_DISPLAY, … for
//! everything it spawns, so the developer's session is never touched. The bus config lists
//! only a private service dir holding the daemon's own `.service` file (and dconf for swaync),
//! so an accidental activation by `detect()` or a DND call would be seen.
//!
//! sway refuses to run as root. When the tests run as root, the whole inner phase
//! (dbus-run-session, sway, the daemon and a copy of this binary) runs as `nobody` through
//! `setpriv`, with the sandbox chowned to nobody.
//!
//! With `CI=true` a missing tool fails the test; otherwise it prints
//! `SKIPPED <test>: <tool> not installed`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serein::notify::dnd::{DndError, Note, Prior, detect, mako_has_dnd_section};

#[path = "support/skip.rs"]
mod skip;
use skip::skip;
#[path = "support/sandbox.rs"]
mod sandbox;
use sandbox::*;

const INNER: &str = "DND_TEST_INNER";
const SANDBOX: &str = "DND_TEST_DIR";
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const SWAYNC: &str = "org.erikreider.swaync.cc";
const SWAYNC_PATH: &str = "/org/erikreider/swaync/cc";
const MAKO_PATH: &str = "/fr/emersion/Mako";
const MAKO_IFACE: &str = "fr.emersion.Mako";
const DND_MODE: &str = "do-not-disturb";
const INNER_TIMEOUT: Duration = Duration::from_secs(60);
const SERVICES: &str = "/usr/share/dbus-1/services";
const MAKO_CONFIG: &str = "default-timeout=0\n\n[mode=do-not-disturb]\ninvisible=1\n";

/// What one test needs from the machine.
struct Spec {
    name: &'static str,
    tools: &'static [&'static str],
    /// `.service` files copied into the private service dir (activation allowed for these).
    services: &'static [&'static str],
}

#[test]
fn swaync_dnd() {
    run_test(
        Spec {
            name: "swaync_dnd",
            tools: &["sway", "swaync", "dbus-run-session", "dbus-send"],
            // swaync's own activation file: an accidental activation would start it.
            services: &["org.erikreider.swaync", "ca.desrt.dconf"],
        },
        inner_swaync,
    );
}

#[test]
fn mako_dnd() {
    run_test(
        Spec {
            name: "mako_dnd",
            tools: &["sway", "mako", "dbus-run-session", "dbus-send"],
            services: &["fr.emersion.mako"],
        },
        inner_mako,
    );
}

// ---------------------------------------------------------------- outer

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn run_test(spec: Spec, inner: fn(&Path)) {
    match env::var(INNER) {
        Ok(name) if name == spec.name => return inner(&sandbox_dir()),
        Ok(_) => return,
        Err(_) => {}
    }
    let root = is_root();
    let missing = spec
        .tools
        .iter()
        .copied()
        .chain(root.then_some("setpriv"))
        .chain(root.then_some("chown"))
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

    let tmp = wayland_tree();
    let dir = tmp.path();
    for svc in spec.services {
        let file = format!("{svc}.service");
        fs::copy(Path::new(SERVICES).join(&file), dir.join("svc").join(&file))
            .expect("copy .service");
    }
    // The inner phase runs a copy of this binary from the sandbox, so `nobody` can run it.
    let exe = dir.join("test-bin");
    fs::copy(env::current_exe().expect("current exe"), &exe).expect("copy test binary");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&exe, fs::Permissions::from_mode(0o755)).expect("chmod test binary");

    let mut cmd;
    if root {
        let out = run_timeout(
            Command::new("chown")
                .args(["-R", "nobody:nogroup"])
                .arg(dir),
            CMD_TIMEOUT,
        );
        assert!(out.status.success(), "chown sandbox: {out:?}");
        cmd = Command::new("setpriv");
        cmd.args([
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            "--",
            "dbus-run-session",
        ]);
    } else {
        cmd = Command::new("dbus-run-session");
    }
    sandbox_env(&mut cmd, dir, SANDBOX);
    cmd.arg(format!("--config-file={}", dir.join("bus.conf").display()))
        .arg("--")
        .arg(&exe)
        .args(["--exact", spec.name, "--nocapture", "--test-threads=1"])
        .env(INNER, spec.name);
    run_phase(spec.name, cmd, &dir.join("inner.log"), INNER_TIMEOUT);
}

/// The shared sandbox plus sway's and mako's configs.
fn wayland_tree() -> tempfile::TempDir {
    let tmp = sandbox_tree("dnd-wl-test.", &["cfg/sway", "cfg/mako"]);
    let dir = tmp.path();
    fs::write(
        dir.join("cfg/sway/config"),
        "output HEADLESS-1 resolution 1024x768\n",
    )
    .expect("sway config");
    fs::write(dir.join("cfg/mako/config"), MAKO_CONFIG).expect("mako config");
    tmp
}

// ---------------------------------------------------------------- inner: sway

/// Starts headless sway (software rendering, no input devices); returns it and the
/// WAYLAND_DISPLAY for the daemons. Panics with sway's log if it does not come up.
fn start_sway(dir: &Path) -> (ChildGuard, String) {
    let run = dir.join("run");
    let mut sway = spawn_daemon(
        dir,
        "sway",
        Command::new("sway")
            .arg("-c")
            .arg(dir.join("cfg/sway/config"))
            .env("WLR_BACKENDS", "headless")
            .env("WLR_RENDERER", "pixman")
            .env("WLR_LIBINPUT_NO_DEVICES", "1"),
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let socket = fs::read_dir(&run).ok().and_then(|entries| {
            entries.flatten().find_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name.starts_with("wayland-") && !name.ends_with(".lock")).then_some(name)
            })
        });
        if let Some(socket) = socket {
            eprintln!("sway up: WAYLAND_DISPLAY={socket}");
            return (sway, socket);
        }
        let exited = sway.child.try_wait().ok().flatten();
        if exited.is_some() || Instant::now() > deadline {
            let log = fs::read_to_string(dir.join("sway.log")).unwrap_or_default();
            panic!("headless sway did not start ({exited:?}):\n{log}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

// ---------------------------------------------------------------- inner: swaync

fn inner_swaync(dir: &Path) {
    let (_sway, wayland) = start_sway(dir);
    let rt = runtime();

    // 0. swaync activatable but not running: detection must not start it.
    assert!(!name_has_owner(SWAYNC) && !name_has_owner(NOTIFICATIONS));
    let det = rt.block_on(detect());
    eprintln!("before swaync: {det:?}");
    assert!(det.server.is_none() && det.backend.is_none(), "{det:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !name_has_owner(SWAYNC) && !name_has_owner(NOTIFICATIONS),
        "detect() activated swaync"
    );

    // 1. Start swaync; detection picks it.
    let mut swaync = spawn_daemon(
        dir,
        "swaync",
        Command::new("swaync").env("WAYLAND_DISPLAY", &wayland),
    );
    let log = dir.join("swaync.log");
    wait_owner(SWAYNC, &mut swaync, &log);
    wait_owner(NOTIFICATIONS, &mut swaync, &log);
    let det = rt.block_on(detect());
    eprintln!("with swaync: {det:?}");
    let (name, vendor, _) = det.server.clone().expect("server information");
    assert_eq!(
        (name.as_str(), vendor.as_str()),
        ("SwayNotificationCenter", "ErikReider")
    );
    let b = det.backend.expect("swaync backend");
    assert_eq!(b.name(), "swaync");

    // 2. Off → on → restore → off.
    assert!(!swaync_get());
    assert!(!rt.block_on(b.is_on()).unwrap());
    assert_eq!(
        rt.block_on(b.prior()).unwrap(),
        Some(Prior::SwayNc { dnd: false })
    );
    assert!(!swaync_get(), "prior() must not change anything");
    let prior = rt.block_on(b.turn_on()).unwrap();
    assert_eq!(prior, Some(Prior::SwayNc { dnd: false }));
    let prior = journal_round_trip(prior.unwrap());
    assert!(rt.block_on(b.is_on()).unwrap());
    assert!(swaync_get(), "GetDnd after turn_on");
    assert!(rt.block_on(b.restore(&prior)).unwrap(), "restore");
    assert!(!rt.block_on(b.is_on()).unwrap());
    assert!(!swaync_get(), "GetDnd after restore");

    // 3. Already on (the user's DND): nothing set, nothing to restore, still on.
    swaync_set(true);
    assert_eq!(rt.block_on(b.prior()).unwrap(), None);
    assert_eq!(rt.block_on(b.turn_on()).unwrap(), None);
    assert!(swaync_get());
    swaync_set(false);

    // 4. User turned DND off meanwhile: restore leaves theirs.
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    assert!(swaync_get());
    swaync_set(false);
    assert!(!rt.block_on(b.restore(&prior)).unwrap(), "must not restore");
    assert!(!swaync_get());

    // 5. A journal from another backend is refused, not applied.
    swaync_set(true);
    let res = rt.block_on(b.restore(&Prior::Dunst { paused: false }));
    assert!(matches!(res, Err(DndError::Failed { .. })), "{res:?}");
    assert!(swaync_get());
    swaync_set(false);

    // 6. A hung swaync (SIGSTOP): calls give up after the 3 s timeout.
    check_hung_server_times_out(&rt, b.as_ref(), &swaync);

    // 7. swaync gone: Unavailable, and calling did not activate a new one.
    drop(swaync);
    wait_no_owner(SWAYNC);
    let res = rt.block_on(b.is_on());
    eprintln!("swaync gone: {res:?}");
    assert!(matches!(res, Err(DndError::Unavailable(_))), "{res:?}");
    let res = rt.block_on(b.restore(&prior));
    assert!(matches!(res, Err(DndError::Unavailable(_))), "{res:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !name_has_owner(SWAYNC) && !name_has_owner(NOTIFICATIONS),
        "a DND call activated swaync"
    );
    eprintln!("swaync: all DND checks passed");
}

/// GetDnd through dbus-send (an independent client), at the running owner.
fn swaync_get() -> bool {
    let out = dbus_send(&[
        &format!("--dest={SWAYNC}"),
        SWAYNC_PATH,
        &format!("{SWAYNC}.GetDnd"),
    ]);
    match out.split_whitespace().collect::<Vec<_>>().as_slice() {
        [.., "boolean", "true"] => true,
        [.., "boolean", "false"] => false,
        _ => panic!("GetDnd reply: {out:?}"),
    }
}

fn swaync_set(on: bool) {
    dbus_send(&[
        &format!("--dest={SWAYNC}"),
        SWAYNC_PATH,
        &format!("{SWAYNC}.SetDnd"),
        &format!("boolean:{on}"),
    ]);
}

// ---------------------------------------------------------------- inner: mako

fn inner_mako(dir: &Path) {
    let (_sway, wayland) = start_sway(dir);
    let rt = runtime();

    // 0. mako activatable but not running: detection must not start it.
    assert!(!name_has_owner(NOTIFICATIONS));
    let det = rt.block_on(detect());
    eprintln!("before mako: {det:?}");
    assert!(det.server.is_none() && det.backend.is_none(), "{det:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !name_has_owner(NOTIFICATIONS),
        "detect() activated a notification server"
    );

    // 1. Start mako; detection picks it, and the config has the DND section.
    let mut mako = spawn_daemon(
        dir,
        "mako",
        Command::new("mako").env("WAYLAND_DISPLAY", &wayland),
    );
    wait_owner(NOTIFICATIONS, &mut mako, &dir.join("mako.log"));
    assert!(mako_has_dnd_section());
    let det = rt.block_on(detect());
    eprintln!("with mako: {det:?}");
    let (name, vendor, _) = det.server.clone().expect("server information");
    assert_eq!((name.as_str(), vendor.as_str()), ("mako", "emersion"));
    assert!(
        !det.notes
            .iter()
            .any(|n| matches!(n, Note::MakoNoDndMode { .. })),
        "{det:?}"
    );
    assert!(
        !det.notes.iter().any(|n| matches!(
            n,
            Note::Backend {
                backend: "dunst",
                ..
            }
        )),
        "mako is picked before any dunst call is sent to it: {det:?}"
    );
    let b = det.backend.expect("mako backend");
    assert_eq!(b.name(), "mako");

    // Without the config section, detection still picks mako but says what to add.
    let config = dir.join("cfg/mako/config");
    fs::write(&config, "default-timeout=0\n[mode=dnd]\ninvisible=1\n").expect("config");
    assert!(!mako_has_dnd_section());
    let det2 = rt.block_on(detect());
    assert_eq!(det2.backend.as_ref().map(|b| b.name()), Some("mako"));
    assert!(
        det2.notes
            .iter()
            .any(|n| matches!(n, Note::MakoNoDndMode { config: Some(_) })),
        "{det2:?}"
    );
    fs::write(&config, MAKO_CONFIG).expect("config");

    // 2. Off → on → restore → off.
    assert_eq!(mako_modes(), ["default"]);
    assert!(!rt.block_on(b.is_on()).unwrap());
    let prior = rt.block_on(b.turn_on()).unwrap();
    assert_eq!(
        prior,
        Some(Prior::Mako {
            modes: vec!["default".into()]
        })
    );
    let prior = journal_round_trip(prior.unwrap());
    assert!(rt.block_on(b.is_on()).unwrap());
    assert_eq!(mako_modes(), ["default", DND_MODE]);
    assert!(rt.block_on(b.restore(&prior)).unwrap(), "restore");
    assert!(!rt.block_on(b.is_on()).unwrap());
    assert_eq!(mako_modes(), ["default"]);

    // 3. Already on (the user's DND, with another mode): nothing changed.
    mako_set(&["default", DND_MODE, "work"]);
    assert_eq!(rt.block_on(b.prior()).unwrap(), None);
    assert_eq!(rt.block_on(b.turn_on()).unwrap(), None);
    assert_eq!(mako_modes(), ["default", DND_MODE, "work"]);
    mako_set(&["default"]);

    // 4. User removed our mode meanwhile (and added another): restore leaves theirs.
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    mako_set(&["default", "work"]);
    assert!(!rt.block_on(b.restore(&prior)).unwrap(), "must not restore");
    assert_eq!(mako_modes(), ["default", "work"]);

    // 5. Another mode added meanwhile survives the restore (and one kept from before).
    let prior = rt.block_on(b.turn_on()).unwrap().expect("turned on");
    assert_eq!(
        prior,
        Prior::Mako {
            modes: vec!["default".into(), "work".into()]
        }
    );
    assert_eq!(mako_modes(), ["default", "work", DND_MODE]);
    mako_set(&["default", "work", DND_MODE, "away"]);
    assert!(rt.block_on(b.restore(&prior)).unwrap(), "restore");
    assert_eq!(mako_modes(), ["default", "work", "away"]);
    mako_set(&["default"]);

    // 6. A journal from another backend is refused, not applied.
    mako_set(&["default", DND_MODE]);
    let res = rt.block_on(b.restore(&Prior::SwayNc { dnd: false }));
    assert!(matches!(res, Err(DndError::Failed { .. })), "{res:?}");
    assert_eq!(mako_modes(), ["default", DND_MODE]);
    mako_set(&["default"]);

    // 7. mako gone: Unavailable, and calling did not activate a new one.
    drop(mako);
    wait_no_owner(NOTIFICATIONS);
    let res = rt.block_on(b.is_on());
    eprintln!("mako gone: {res:?}");
    assert!(matches!(res, Err(DndError::Unavailable(_))), "{res:?}");
    let res = rt.block_on(b.restore(&prior));
    assert!(matches!(res, Err(DndError::Unavailable(_))), "{res:?}");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !name_has_owner(NOTIFICATIONS),
        "a DND call activated a notification server"
    );
    eprintln!("mako: all DND checks passed");
}

/// ListModes through dbus-send (an independent client).
fn mako_modes() -> Vec<String> {
    let out = dbus_send(&[
        &format!("--dest={NOTIFICATIONS}"),
        MAKO_PATH,
        &format!("{MAKO_IFACE}.ListModes"),
    ]);
    out.lines()
        .filter_map(|l| l.trim().strip_prefix("string \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .collect()
}

/// SetModes through dbus-send (never empty: dbus-send cannot send an empty string array).
fn mako_set(modes: &[&str]) {
    assert!(!modes.is_empty());
    dbus_send(&[
        &format!("--dest={NOTIFICATIONS}"),
        MAKO_PATH,
        &format!("{MAKO_IFACE}.SetModes"),
        &format!("array:string:{}", modes.join(",")),
    ]);
    assert_eq!(mako_modes(), modes);
}

// ---------------------------------------------------------------- inner helpers

/// Refuses to run outside the sandbox the outer phase built.
fn sandbox_dir() -> PathBuf {
    let dir = sandbox::sandbox_dir(SANDBOX);
    assert!(
        !is_root(),
        "inner phase must not run as root (sway refuses)"
    );
    dir
}

/// `dbus-send --session --print-reply ARGS`; panics unless it succeeds. Used only while the
/// destination is running, so it cannot activate anything.
fn dbus_send(args: &[&str]) -> String {
    let out = run_timeout(
        Command::new("dbus-send")
            .args(["--session", "--print-reply"])
            .args(args),
        CMD_TIMEOUT,
    );
    assert!(out.status.success(), "dbus-send {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---------------------------------------------------------------- process helpers
