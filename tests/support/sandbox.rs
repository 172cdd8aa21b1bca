//! Shared by the desktop test binaries (desktop.rs, dnd.rs, dnd_wayland.rs, dnd_kde.rs): child
//! processes stopped on drop, commands with a timeout, finding tools, Xvfb on a free display,
//! the inner phase's sandbox, and waiting for D-Bus names.
//! Included with `#[path]`; each binary uses a part of it.
#![allow(dead_code)]

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// Kills its child (or the child's whole process group) when dropped, even on panic.
pub struct ChildGuard {
    pub name: String,
    pub child: Child,
    pub group: bool,
}

impl ChildGuard {
    pub fn new(name: &str, child: Child, group: bool) -> Self {
        Self {
            name: name.into(),
            child,
            group,
        }
    }

    pub fn wait_timeout(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return Some(status),
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => return None,
            }
        }
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            eprintln!("stopping {}", self.name);
            if self.group {
                // Leader still alive, so the group id is still ours: kill the whole group
                // (dbus-run-session, its dbus-daemon, the inner test and its daemons).
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", self.child.id())])
                    .stderr(Stdio::null())
                    .status();
            }
            // TERM first: an X server removes its lock and socket then.
            let _ = Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .stderr(Stdio::null())
                .status();
            let deadline = Instant::now() + Duration::from_secs(2);
            while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Runs `cmd` with captured output, killing it after `timeout` (outputs are tiny).
pub fn run_timeout(cmd: &mut Command, timeout: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {cmd:?}: {e}"));
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(_)) => return child.wait_with_output().expect("collect output"),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{cmd:?} did not finish within {timeout:?}");
            }
        }
    }
}

/// `tool` on PATH, or (for xfce4-notifyd, which lives in libexec) under /usr/lib*/.
pub fn which(tool: &str) -> Option<PathBuf> {
    let on_path = env::var_os("PATH").and_then(|path| {
        env::split_paths(&path)
            .map(|d| d.join(tool))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| {
        let dirs = fs::read_dir("/usr/lib").ok()?;
        dirs.flatten()
            .map(|d| d.path().join("xfce4/notifyd").join(tool))
            .chain([PathBuf::from("/usr/lib/xfce4/notifyd").join(tool)])
            .find(|p| p.is_file())
    })
}

/// Starts Xvfb on a free display in :141..:190 (offset by pid so parallel tests differ).
/// Whether display `n` is free. A lock left by an X server that is gone (killed without a
/// chance to clean up) is stale: it and its socket are removed, so displays don't run out.
pub fn display_free(n: u32) -> bool {
    let lock = format!("/tmp/.X{n}-lock");
    let socket = format!("/tmp/.X11-unix/X{n}");
    match fs::read_to_string(&lock) {
        Ok(pid) => {
            let pid = pid.trim();
            if !pid.is_empty() && Path::new(&format!("/proc/{pid}")).exists() {
                return false;
            }
            let _ = fs::remove_file(&lock);
            let _ = fs::remove_file(&socket);
            true
        }
        Err(_) => {
            let _ = fs::remove_file(&socket);
            true
        }
    }
}

pub fn start_xvfb(base: u32) -> (ChildGuard, u32) {
    let first = std::process::id() % 50;
    for i in 0..50 {
        let n = base + (first + i) % 50;
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        if !display_free(n) {
            continue;
        }
        let child = Command::new("Xvfb")
            .args([
                &format!(":{n}"),
                "-screen",
                "0",
                "640x480x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn Xvfb");
        let mut guard = ChildGuard::new("Xvfb", child, false);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if socket.exists() {
                return (guard, n);
            }
            if guard.child.try_wait().ok().flatten().is_some() {
                break; // lost a race for this display
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!(
        "could not start Xvfb on any display :{base}..:{}",
        base + 49
    );
}

/// How long a helper command (dbus-send, gsettings, kill…) may take.
pub const CMD_TIMEOUT: Duration = Duration::from_secs(5);

/// Refuses to run outside the sandbox the outer phase built (its dir is in env `var`).
pub fn sandbox_dir(var: &str) -> PathBuf {
    let dir = PathBuf::from(env::var_os(var).expect("inner phase without sandbox dir"));
    assert_eq!(
        env::var_os("HOME").as_deref(),
        Some(dir.as_os_str()),
        "inner phase must run with the sandbox HOME"
    );
    dir
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// What the caller would store and read back from its journal.
pub fn journal_round_trip(prior: serein::notify::dnd::Prior) -> serein::notify::dnd::Prior {
    let json = serde_json::to_string(&prior).expect("serialize prior");
    let back: serein::notify::dnd::Prior = serde_json::from_str(&json).expect("deserialize prior");
    assert_eq!(back, prior, "{json}");
    back
}

/// A daemon with stdout and stderr in `dir/NAME.log`, stopped on drop.
pub fn spawn_daemon(dir: &Path, name: &str, cmd: &mut Command) -> ChildGuard {
    let out = fs::File::create(dir.join(format!("{name}.log"))).expect("daemon log");
    let err = out.try_clone().expect("daemon log");
    let child = cmd
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {name}: {e}"));
    ChildGuard::new(name, child, false)
}

/// `NameHasOwner` is answered by the bus itself, so it never activates anything.
pub fn name_has_owner(name: &str) -> bool {
    let out = run_timeout(
        Command::new("dbus-send").args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ]),
        CMD_TIMEOUT,
    );
    assert!(out.status.success(), "NameHasOwner: {out:?}");
    String::from_utf8_lossy(&out.stdout).contains("boolean true")
}

/// Waits (10 s) until `daemon` owns bus name `name`; an error if it exits or never does.
pub fn try_wait_owner(name: &str, daemon: &mut ChildGuard) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !name_has_owner(name) {
        if let Some(status) = daemon.child.try_wait().ok().flatten() {
            return Err(format!("{} exited: {status}", daemon.name));
        }
        if Instant::now() > deadline {
            return Err(format!("{name} not owned after 10 s"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

/// As [`try_wait_owner`], panicking with the daemon's log.
pub fn wait_owner(name: &str, daemon: &mut ChildGuard, log: &Path) {
    if let Err(why) = try_wait_owner(name, daemon) {
        panic!("{why}:\n{}", fs::read_to_string(log).unwrap_or_default());
    }
}

/// Waits (5 s) until nobody owns bus name `name`.
pub fn wait_no_owner(name: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while name_has_owner(name) {
        assert!(Instant::now() < deadline, "{name} still owned");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The last 15 lines of a log, for failure messages.
pub fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}

/// A temp HOME with XDG dirs (plus `extra` ones) and `bus.conf`: a private session bus whose
/// only service dir is our own `svc/` — no <standard_session_servicedirs/> — so nothing but
/// what a test copies there can be activated, and a call to a missing name fails fast.
pub fn sandbox_tree(prefix: &str, extra: &[&str]) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("temp dir");
    let dir = tmp.path();
    for sub in ["run", "svc", "cfg", "cache", "data", "state"]
        .iter()
        .chain(extra)
    {
        fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    fs::set_permissions(dir.join("run"), fs::Permissions::from_mode(0o700)).expect("chmod");
    fs::write(
        dir.join("bus.conf"),
        format!(
            r#"<busconfig><type>session</type><listen>unix:tmpdir={tmp}</listen>
<servicedir>{svc}</servicedir><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/>
<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
"#,
            tmp = env::temp_dir().display(),
            svc = dir.join("svc").display()
        ),
    )
    .expect("bus.conf");
    tmp
}

/// Points HOME and XDG_* into the sandbox (its dir also in env `var`) and cuts every link to
/// the real session.
pub fn sandbox_env(cmd: &mut Command, dir: &Path, var: &str) {
    cmd.env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DISPLAY")
        .env_remove("SWAYSOCK")
        .env_remove("XDG_CURRENT_DESKTOP")
        .env_remove("GSETTINGS_BACKEND")
        .env(var, dir)
        .env("HOME", dir)
        .env("XDG_RUNTIME_DIR", dir.join("run"))
        .env("XDG_CONFIG_HOME", dir.join("cfg"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .stdin(Stdio::null());
}

/// Runs one self-invocation in its own process group, output to `log`; fails the test with
/// that log if it fails or outlives `timeout` (then the whole group — dbus-run-session, the
/// inner test and its daemons — is killed).
pub fn run_phase(phase: &str, mut cmd: Command, log: &Path, timeout: Duration) {
    use std::os::unix::process::CommandExt;
    let out = fs::File::create(log).expect("log file");
    let err = out.try_clone().expect("log file");
    cmd.process_group(0).stdout(out).stderr(err);
    let child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("{phase}: spawn: {e}"));
    let mut guard = ChildGuard::new(phase, child, true);
    let status = guard.wait_timeout(timeout);
    let text = fs::read_to_string(log).unwrap_or_default();
    match status {
        Some(s) if s.success() => eprintln!("--- {phase} ok ---\n{}", tail(&text)),
        Some(s) => panic!("{phase} failed ({s}):\n{text}"),
        None => panic!("{phase} timed out after {timeout:?}:\n{text}"),
    }
}

/// A hung server (SIGSTOP): the backend's calls give up after their 3 s timeout instead of
/// hanging the caller. The server is continued afterwards.
pub fn check_hung_server_times_out(
    rt: &tokio::runtime::Runtime,
    b: &dyn serein::notify::dnd::Dnd,
    server: &ChildGuard,
) {
    let pid = server.child.id().to_string();
    assert!(
        run_timeout(Command::new("kill").args(["-STOP", &pid]), CMD_TIMEOUT)
            .status
            .success()
    );
    let start = Instant::now();
    let res = rt.block_on(b.is_on());
    let took = start.elapsed();
    let _ = run_timeout(Command::new("kill").args(["-CONT", &pid]), CMD_TIMEOUT);
    eprintln!("hung {}: {res:?} in {took:?}", server.name);
    assert!(
        matches!(res, Err(serein::notify::dnd::DndError::Timeout(_))),
        "{res:?}"
    );
    assert!(took < Duration::from_millis(3800), "{took:?}");
}
