//! The chime (`[sound]`): played by a system player — the first of pw-play, paplay, aplay and
//! afplay on PATH — never through an audio library, so a machine without a sound card or
//! player only loses the sound. The player runs detached (no terminal, its own process
//! group); a thread reaps it and kills it if it hangs, and the loop never waits for it.
//!
//! serein's own chime is embedded in the binary and written once to the cache folder
//! (`$XDG_CACHE_HOME/serein/chime-<hash>.wav`) when first played: a `cargo install`ed binary
//! has no other files, and a new chime gets a new name.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::Effects;
use crate::app::msg::Msg;
use crate::domain::time::Now;

/// serein's chime: `scripts/gen-chime.py` writes it.
pub const CHIME: &[u8] = include_bytes!("../../../assets/chime.wav");

/// Players tried in this order, with the arguments before the file.
const PLAYERS: [(&str, &[&str]); 4] = [
    ("pw-play", &[]),
    ("paplay", &[]),
    ("aplay", &["-q"]),
    ("afplay", &[]),
];

/// A player that hasn't finished after this is killed.
const PLAYER_LIMIT: Duration = Duration::from_secs(10);

/// A chime is playing: the next one waits its turn by being skipped (a chime lasts under a
/// second; a hanging player must not pile up more).
static PLAYING: AtomicBool = AtomicBool::new(false);
/// "No player" is logged once, not at every breath.
static NO_PLAYER_LOGGED: AtomicBool = AtomicBool::new(false);

impl Effects<'_> {
    pub(super) fn chime(
        &mut self,
        claim: Option<(i64, String)>,
        file: Option<PathBuf>,
        now: Now,
    ) -> Vec<Msg> {
        let path = std::env::var_os("PATH").unwrap_or_default();
        match start_chime(self.store, claim, file.as_deref(), &path, &cache_dir(), now) {
            Ok(Some(child)) => reap(child),
            Ok(None) => {}
            Err(e) => tracing::warn!("chime not played: {e}"),
        }
        Vec::new()
    }
}

/// Starts a chime unless one is playing or no player is on `path`; a claimed chime (a box's
/// end, which the TUI and the daemon both see) is claimed only when it can really play, so a
/// process without a player leaves it to the other. `None`: nothing started.
fn start_chime(
    store: &mut crate::store::Store,
    claim: Option<(i64, String)>,
    file: Option<&Path>,
    path: &OsStr,
    cache: &Path,
    now: Now,
) -> io::Result<Option<Child>> {
    let Some(player) = find_player(path) else {
        if !NO_PLAYER_LOGGED.swap(true, Ordering::SeqCst) {
            tracing::info!("no sound player on PATH (pw-play, paplay, aplay, afplay): no chime");
        }
        return Ok(None);
    };
    if PLAYING.swap(true, Ordering::SeqCst) {
        return Ok(None);
    }
    if let Some((session, key)) = claim {
        match store.claim(session, &key, now.utc) {
            Ok(true) => {}
            Ok(false) => {
                PLAYING.store(false, Ordering::SeqCst);
                return Ok(None);
            }
            Err(e) => {
                PLAYING.store(false, Ordering::SeqCst);
                return Err(io::Error::other(format!("chime claim failed: {e}")));
            }
        }
    }
    match spawn(player, file, cache) {
        Ok(child) => Ok(Some(child)),
        Err(e) => {
            PLAYING.store(false, Ordering::SeqCst);
            Err(e)
        }
    }
}

/// Waits for the player on a thread of its own (killing it after [`PLAYER_LIMIT`]).
fn reap(mut child: Child) {
    let spawned = std::thread::Builder::new()
        .name("chime".into())
        .spawn(move || {
            let start = std::time::Instant::now();
            loop {
                match child.try_wait() {
                    Ok(Some(status)) => {
                        if !status.success() {
                            tracing::debug!("sound player ended with {status}");
                        }
                        break;
                    }
                    Ok(None) if start.elapsed() < PLAYER_LIMIT => {
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    _ => {
                        let _ = child.kill();
                        let _ = child.wait();
                        tracing::warn!("sound player still running after 10 s: stopped");
                        break;
                    }
                }
            }
            PLAYING.store(false, Ordering::SeqCst);
        });
    if let Err(e) = spawned {
        tracing::warn!("can't watch the sound player: {e}");
        PLAYING.store(false, Ordering::SeqCst);
    }
}

/// The cache folder the built-in chime is written to.
fn cache_dir() -> PathBuf {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .map(|b| b.cache_dir())
        .unwrap_or_else(|_| std::env::temp_dir())
        .join("serein")
}

/// The first player found in `path` (a PATH value), with its arguments.
fn find_player(path: &OsStr) -> Option<(PathBuf, &'static [&'static str])> {
    use std::os::unix::fs::PermissionsExt;
    PLAYERS.iter().find_map(|(name, args)| {
        std::env::split_paths(path)
            .map(|dir| dir.join(name))
            .find(|p| {
                p.metadata()
                    .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            })
            .map(|p| (p, *args))
    })
}

/// The sound file to play: `file` if it is there, else the built-in chime (written to
/// `cache` if not already).
fn sound_file(file: Option<&Path>, cache: &Path) -> io::Result<PathBuf> {
    if let Some(f) = file {
        let f = crate::config::expand_home(f);
        if f.is_file() {
            return Ok(f);
        }
        tracing::debug!("sound file {} missing: serein's chime instead", f.display());
    }
    builtin_chime(cache)
}

/// Writes the built-in chime to `cache` once (named by its content) and returns its path.
pub fn builtin_chime(cache: &Path) -> io::Result<PathBuf> {
    // FNV-1a: a name that changes with the chime, so an upgrade never plays a stale copy.
    let hash = CHIME.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    let target = cache.join(format!("chime-{:08x}.wav", hash as u32));
    if target
        .metadata()
        .is_ok_and(|m| m.len() == CHIME.len() as u64)
    {
        return Ok(target);
    }
    std::fs::create_dir_all(cache)?;
    // Written aside and renamed: a player started meanwhile never reads half a file.
    let tmp = cache.join(format!(".chime-{}.tmp", std::process::id()));
    std::fs::write(&tmp, CHIME)?;
    std::fs::rename(&tmp, &target)?;
    Ok(target)
}

/// Starts `player` (found by [`find_player`]) on `file` or the built-in chime, detached.
fn spawn(
    (player, args): (PathBuf, &'static [&'static str]),
    file: Option<&Path>,
    cache: &Path,
) -> io::Result<Child> {
    use std::os::unix::process::CommandExt;
    let sound = sound_file(file, cache)?;
    let child = Command::new(&player)
        .args(args)
        .arg(&sound)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own group: a Ctrl-C meant for serein's terminal doesn't reach it.
        .process_group(0)
        .spawn()
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", player.display())))?;
    Ok(child)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Starts the first player in `path` on `file` (or the built-in chime), detached; `None` when
    /// no player is there. The caller reaps the child.
    fn play(path: &OsStr, file: Option<&Path>, cache: &Path) -> io::Result<Option<Child>> {
        find_player(path).map(|p| spawn(p, file, cache)).transpose()
    }

    /// A fake player named `name` in `dir` that writes its name and arguments to `dir/args`.
    fn fake_player(dir: &Path, name: &str) {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.join(name);
        std::fs::write(
            &p,
            format!(
                "#!/bin/sh\necho {name} \"$@\" > \"{}/args\"\n",
                dir.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// `play`, again while a fake player just written is still open in a child forked by
    /// another test (ETXTBSY: a hazard of tests writing scripts, not of serein).
    fn play_retrying(path: &OsStr, file: Option<&Path>, cache: &Path) -> Option<Child> {
        for _ in 0..50 {
            match play(path, file, cache) {
                Err(e) if e.kind() == io::ErrorKind::ExecutableFileBusy => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                r => return r.unwrap(),
            }
        }
        panic!("player still busy")
    }

    fn args_after(mut child: Child, dir: &Path) -> String {
        assert!(child.wait().unwrap().success());
        std::fs::read_to_string(dir.join("args")).unwrap()
    }

    #[test]
    fn the_first_player_on_path_plays_the_builtin_chime_written_to_the_cache() {
        let bin = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        fake_player(bin.path(), "aplay");
        fake_player(bin.path(), "paplay");
        let child = play_retrying(bin.path().as_os_str(), None, cache.path()).expect("a player");
        let args = args_after(child, bin.path());
        let chime = builtin_chime(cache.path()).unwrap();
        assert_eq!(args.trim(), format!("paplay {}", chime.display()));
        assert_eq!(std::fs::read(&chime).unwrap(), CHIME);
        assert!(CHIME.starts_with(b"RIFF") && CHIME.len() < 30_000);
    }

    #[test]
    fn a_configured_file_is_played_and_a_missing_one_falls_back_to_the_chime() {
        let bin = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        fake_player(bin.path(), "aplay");
        let mine = bin.path().join("mine.wav");
        std::fs::write(&mine, b"RIFF").unwrap();
        let child = play_retrying(bin.path().as_os_str(), Some(&mine), cache.path()).unwrap();
        assert_eq!(
            args_after(child, bin.path()).trim(),
            format!("aplay -q {}", mine.display())
        );
        let gone = bin.path().join("gone.wav");
        let child = play_retrying(bin.path().as_os_str(), Some(&gone), cache.path()).unwrap();
        let chime = builtin_chime(cache.path()).unwrap();
        assert_eq!(
            args_after(child, bin.path()).trim(),
            format!("aplay -q {}", chime.display())
        );
    }

    #[test]
    fn a_process_without_a_player_leaves_the_claimed_chime_to_another() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::open_in_memory().unwrap();
        let at = chrono::Utc::now();
        let s = crate::domain::session::Session::start(
            "Write",
            "work",
            crate::domain::session::SessionKind::Focus,
            None,
            60,
            at,
            at.date_naive(),
            0,
        );
        let id = store.start_session(&s).unwrap();
        let now = Now::at(at, crate::domain::time::Zone::utc());
        let claim = Some((id, "chime:end@1".to_string()));
        let started = start_chime(
            &mut store,
            claim,
            None,
            OsStr::new(dir.path().to_str().unwrap()),
            dir.path(),
            now,
        )
        .unwrap();
        assert!(started.is_none(), "no player: nothing plays");
        // The claim is still there for a process that can play it.
        assert!(store.claim(id, "chime:end@1", now.utc).unwrap());
    }

    #[test]
    fn no_player_on_path_is_no_sound_and_no_error() {
        let empty = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        // A file named like a player but not executable doesn't count either.
        std::fs::write(empty.path().join("paplay"), "").unwrap();
        assert!(
            play(empty.path().as_os_str(), None, cache.path())
                .unwrap()
                .is_none()
        );
        assert!(play(OsStr::new(""), None, cache.path()).unwrap().is_none());
        // Nothing was written: the chime is only cached when a player will read it.
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0);
    }
}
