//! One daemon per data folder: a file lock (`daemon.lock`) says whether one runs, and a Unix
//! socket next to it (`daemon.sock`) wakes it. Nothing is ever signalled by a pid read from a
//! file: the file outlives the process, and its pid may since belong to an unrelated one.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

use tokio::sync::mpsc::UnboundedSender;

use crate::app::msg::Msg;

/// The lock a daemon holds for as long as it runs.
fn lock_path(data_dir: &Path) -> PathBuf {
    data_dir.join("daemon.lock")
}

/// The socket a running daemon listens on for wake-ups.
fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join("daemon.sock")
}

/// Whether a daemon holds this data folder's lock. Creates nothing: no lock file, no daemon.
pub fn is_running(data_dir: &Path) -> io::Result<bool> {
    let f = match OpenOptions::new().write(true).open(lock_path(data_dir)) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    match f.try_lock() {
        Ok(()) => {
            let _ = f.unlock();
            Ok(false)
        }
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Wakes the daemon of this data folder, if one listens, so it sees a change at once instead of
/// at its next scheduled wake-up. Returns whether one was reached. Connecting is the message.
pub fn wake(data_dir: &Path) -> bool {
    UnixStream::connect(socket_path(data_dir)).is_ok()
}

/// This process's hold on a data folder as its daemon: the lock, and the socket once listening.
/// Dropping it removes the socket, then releases the lock.
#[derive(Debug)]
pub struct Instance {
    lock: File,
    socket: PathBuf,
    listening: bool,
}

impl Instance {
    /// Takes the data folder's lock; `Ok(None)` if another daemon holds it.
    pub fn claim(data_dir: &Path) -> io::Result<Option<Instance>> {
        std::fs::create_dir_all(data_dir)?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(data_dir))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        // Older versions wrote their pid here for signals: nothing should read one any more.
        let _ = lock.set_len(0);
        Ok(Some(Instance {
            lock,
            socket: socket_path(data_dir),
            listening: false,
        }))
    }

    /// Listens on the socket (on the current tokio runtime): each connection becomes a
    /// `Msg::Woken` in `inbox`. A socket left by a daemon that died is replaced; it is ours to
    /// replace, since we hold the lock.
    pub fn listen(
        &mut self,
        inbox: UnboundedSender<Msg>,
    ) -> io::Result<tokio::task::JoinHandle<()>> {
        match std::fs::symlink_metadata(&self.socket) {
            Ok(m) if m.file_type().is_socket() => std::fs::remove_file(&self.socket)?,
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} exists and is not a socket; remove it so the daemon can be woken",
                        self.socket.display()
                    ),
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let listener = tokio::net::UnixListener::bind(&self.socket)?;
        self.listening = true;
        std::fs::set_permissions(&self.socket, std::fs::Permissions::from_mode(0o600))?;
        Ok(tokio::spawn(async move {
            loop {
                match listener.accept().await {
                    Ok(_) => {
                        if inbox.send(Msg::Woken).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        tracing::warn!("daemon socket: {e}");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        }))
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if self.listening {
            let _ = std::fs::remove_file(&self.socket);
        }
        let _ = self.lock.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waking_never_signals_a_pid_left_in_the_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        // A daemon that died long ago left its pid, now an unrelated process's.
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        std::fs::write(lock_path(dir.path()), child.id().to_string()).unwrap();
        assert!(!wake(dir.path()), "no daemon listens");
        // A signal sent by `wake` would have settled how the child ends before this kill.
        child.kill().unwrap();
        let status = child.wait().unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(libc::SIGKILL), "{status:?}");
    }

    #[tokio::test]
    async fn wake_reaches_the_daemon_holding_the_folder_and_one_daemon_per_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut daemon = Instance::claim(dir.path())
            .unwrap()
            .expect("the folder is free");
        assert!(is_running(dir.path()).unwrap());
        assert!(
            Instance::claim(dir.path()).unwrap().is_none(),
            "a second one"
        );
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let task = daemon.listen(tx).unwrap();
        let data = dir.path().to_path_buf();
        assert!(
            tokio::task::spawn_blocking(move || wake(&data))
                .await
                .unwrap()
        );
        assert!(matches!(rx.recv().await, Some(Msg::Woken)));
        task.abort();
        drop(daemon);
        assert!(!is_running(dir.path()).unwrap());
        assert!(!socket_path(dir.path()).exists(), "the socket goes with it");
        assert!(!wake(dir.path()));
    }

    #[tokio::test]
    async fn a_socket_left_by_a_dead_daemon_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        // A daemon killed with -9 leaves its socket behind; nobody accepts on it.
        drop(std::os::unix::net::UnixListener::bind(socket_path(dir.path())).unwrap());
        assert!(!wake(dir.path()));
        let mut daemon = Instance::claim(dir.path()).unwrap().unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let _task = daemon.listen(tx).unwrap();
        let data = dir.path().to_path_buf();
        assert!(
            tokio::task::spawn_blocking(move || wake(&data))
                .await
                .unwrap()
        );
        assert!(matches!(rx.recv().await, Some(Msg::Woken)));
    }
}
