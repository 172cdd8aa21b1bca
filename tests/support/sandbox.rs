//! Shared by the desktop test binaries (desktop.rs, dnd.rs, dnd_wayland.rs): child processes
//! stopped on drop, commands with a timeout, finding tools, and Xvfb on a free display.
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
