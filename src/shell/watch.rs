//! Learning about other processes' writes from the kernel instead of polling.
//!
//! An idle TUI sleeps until its minute clock turns; a plan edited by `serein add`, a session
//! started by `serein start` or a config saved in an editor must still show at once. inotify
//! on the data folder (the database and its WAL: every commit by any connection writes one of
//! them) and on the config file's folder wakes the loop when one of those files changes; the
//! loop then asks SQLite (`PRAGMA data_version`) whether another connection really committed.
//!
//! Plain `inotify(7)` through `libc` and tokio's `AsyncFd`, like the timerfd in `ticker`: no
//! thread (the `notify` crate runs one), no new dependency. Where inotify is missing (not
//! Linux, or the kernel refuses one: `max_user_instances` reached), [`FileWatch::new`] gives
//! `None` and the loop falls back to polling every [`POLL`].

#[cfg(not(target_os = "linux"))]
use std::io;
#[cfg(not(target_os = "linux"))]
use std::path::Path;
use std::time::Duration;

/// How often the loop looks for other processes' writes when it can't be told.
pub const POLL: Duration = Duration::from_secs(10);

/// Which watched files changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    /// The database or its WAL.
    pub store: bool,
    /// The config file (written, replaced by an editor, created or removed).
    pub config: bool,
}

#[cfg(target_os = "linux")]
pub use linux::{BlockingWatch, FileWatch};

#[cfg(not(target_os = "linux"))]
/// No inotify here: never built, the loop polls.
pub struct FileWatch;

#[cfg(not(target_os = "linux"))]
impl FileWatch {
    pub fn new(_: Option<&Path>, _: Option<&Path>) -> Option<FileWatch> {
        None
    }

    pub fn watches_store(&self) -> bool {
        false
    }

    pub fn watches_config(&self) -> bool {
        false
    }

    pub async fn changed(&self) -> io::Result<Changed> {
        std::future::pending().await
    }
}

#[cfg(not(target_os = "linux"))]
/// No inotify here: never built, the caller sleeps.
pub struct BlockingWatch;

#[cfg(not(target_os = "linux"))]
impl BlockingWatch {
    pub fn new(_: Option<&Path>, _: Option<&Path>) -> Option<BlockingWatch> {
        None
    }

    pub fn wait(&self, timeout: Duration) -> Changed {
        std::thread::sleep(timeout);
        Changed::default()
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::{CString, OsStr, OsString};
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    use tokio::io::unix::AsyncFd;

    use super::Changed;

    /// A folder watched for changes to some of its files, by name.
    #[derive(Debug)]
    struct Dir {
        wd: i32,
        names: Vec<OsString>,
    }

    /// An inotify descriptor watching the database's and the config file's folders.
    #[derive(Debug)]
    struct Inotify {
        fd: OwnedFd,
        store: Option<Dir>,
        /// The config file's folder, and the folder of the file it links to, if it is a link
        /// (a dotfiles repository: an editor writes the target, in its own folder).
        config: Vec<Dir>,
    }

    impl AsRawFd for Inotify {
        fn as_raw_fd(&self) -> i32 {
            self.fd.as_raw_fd()
        }
    }

    /// [`Inotify`] for the run loop: waited on with tokio.
    #[derive(Debug)]
    pub struct FileWatch {
        fd: AsyncFd<Inotify>,
    }

    /// [`Inotify`] for a plain blocking loop (`serein status --follow`).
    #[derive(Debug)]
    pub struct BlockingWatch(Inotify);

    /// What a write, a replace (editor: write a temp file, rename it over) or a removal does.
    const MASK: u32 = libc::IN_MODIFY
        | libc::IN_CLOSE_WRITE
        | libc::IN_CREATE
        | libc::IN_MOVED_TO
        | libc::IN_DELETE
        | libc::IN_ONLYDIR;

    fn add(fd: i32, file: &Path, extra: &[&str]) -> Option<Dir> {
        let dir = file.parent().filter(|p| !p.as_os_str().is_empty())?;
        let name = file.file_name()?.to_os_string();
        let cdir = CString::new(dir.as_os_str().as_bytes()).ok()?;
        // SAFETY: a valid inotify descriptor and a NUL-terminated path.
        let wd = unsafe { libc::inotify_add_watch(fd, cdir.as_ptr(), MASK) };
        if wd < 0 {
            tracing::debug!(dir = %dir.display(), "inotify_add_watch: {}", io::Error::last_os_error());
            return None;
        }
        let mut names = vec![name.clone()];
        for suffix in extra {
            let mut n = name.clone();
            n.push(suffix);
            names.push(n);
        }
        Some(Dir { wd, names })
    }

    impl Inotify {
        /// Watches the database `db` (with its `-wal`) and the config file `config`; `None`
        /// when nothing could be watched.
        fn new(db: Option<&Path>, config: Option<&Path>) -> Option<Inotify> {
            // SAFETY: plain syscall; the fd is owned below.
            let raw = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
            if raw < 0 {
                tracing::info!(
                    "no inotify ({}): polling for other processes' writes",
                    io::Error::last_os_error()
                );
                return None;
            }
            // SAFETY: `raw` is a fresh descriptor we own.
            let owned = unsafe { OwnedFd::from_raw_fd(raw) };
            let store = db.and_then(|p| add(raw, p, &["-wal"]));
            let config: Vec<Dir> = config
                .map(|p| {
                    let target = std::fs::canonicalize(p).ok().filter(|t| t != p);
                    std::iter::once(p.to_path_buf())
                        .chain(target)
                        .filter_map(|f| add(raw, &f, &[]))
                        .collect()
                })
                .unwrap_or_default();
            if store.is_none() && config.is_empty() {
                return None;
            }
            Some(Inotify {
                fd: owned,
                store,
                config,
            })
        }

        /// Reads every event queued (the descriptor is non-blocking) into `out`; `WouldBlock`
        /// once the queue is empty and nothing was read.
        fn drain(&self, out: &mut Changed) -> io::Result<()> {
            let mut buf = [0u8; 4096];
            loop {
                // SAFETY: reading into a buffer of its length from our inotify descriptor.
                let n = unsafe { libc::read(self.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
                if n < 0 {
                    let e = io::Error::last_os_error();
                    return if e.kind() == io::ErrorKind::WouldBlock && *out != Changed::default() {
                        Ok(())
                    } else {
                        Err(e)
                    };
                }
                self.note(&buf[..n as usize], out);
            }
        }
    }

    impl FileWatch {
        /// Watches the database `db` (with its `-wal`) and the config file `config`; `None`
        /// when nothing could be watched.
        pub fn new(db: Option<&Path>, config: Option<&Path>) -> Option<FileWatch> {
            let inotify = Inotify::new(db, config)?;
            // SAFETY: the AsyncFd owns the descriptor and nothing else closes it while registered.
            let fd = unsafe { AsyncFd::register(inotify) }.ok()?;
            Some(FileWatch { fd })
        }

        /// Whether the database is watched (the loop then stops polling it).
        pub fn watches_store(&self) -> bool {
            self.fd.get_ref().store.is_some()
        }

        /// Whether the config file is watched.
        pub fn watches_config(&self) -> bool {
            !self.fd.get_ref().config.is_empty()
        }

        /// Waits until a watched file changes; all events queued by then count as one.
        pub async fn changed(&self) -> io::Result<Changed> {
            loop {
                let mut guard = self.fd.readable().await?;
                let mut out = Changed::default();
                // Drain everything queued: a commit is several writes.
                match guard.try_io(|inner| inner.get_ref().drain(&mut out)) {
                    Ok(Ok(())) if out != Changed::default() => return Ok(out),
                    Ok(Ok(())) => continue,
                    Ok(Err(e)) => return Err(e),
                    // Nothing (for us) yet: wait again.
                    Err(_would_block) => {
                        if out != Changed::default() {
                            return Ok(out);
                        }
                    }
                }
            }
        }
    }

    impl BlockingWatch {
        /// Watches the database `db` (with its `-wal`) and the config file `config`; `None`
        /// when nothing could be watched.
        pub fn new(db: Option<&Path>, config: Option<&Path>) -> Option<BlockingWatch> {
            Inotify::new(db, config).map(BlockingWatch)
        }

        /// Waits until a watched file changes or `timeout` passes; what changed (nothing on
        /// a timeout).
        pub fn wait(&self, timeout: std::time::Duration) -> Changed {
            let mut p = libc::pollfd {
                fd: self.0.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
            let mut out = Changed::default();
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(&mut p, 1, ms) } > 0 {
                let _ = self.0.drain(&mut out);
            }
            out
        }
    }

    impl Inotify {
        /// Reads a buffer of `inotify_event`s into `out`.
        fn note(&self, mut buf: &[u8], out: &mut Changed) {
            const HEAD: usize = std::mem::size_of::<libc::inotify_event>();
            while buf.len() >= HEAD {
                let wd = i32::from_ne_bytes(buf[0..4].try_into().unwrap_or_default());
                let mask = u32::from_ne_bytes(buf[4..8].try_into().unwrap_or_default());
                let len = u32::from_ne_bytes(buf[12..16].try_into().unwrap_or_default()) as usize;
                let end = (HEAD + len).min(buf.len());
                let raw = &buf[HEAD..end];
                let name = OsStr::from_bytes(
                    &raw[..raw.iter().position(|&b| b == 0).unwrap_or(raw.len())],
                );
                buf = &buf[end..];
                // The queue overflowed: anything may have changed.
                if mask & libc::IN_Q_OVERFLOW != 0 {
                    out.store |= self.store.is_some();
                    out.config |= !self.config.is_empty();
                    continue;
                }
                let hit = |d: &Dir| d.wd == wd && d.names.iter().any(|n| n == name);
                out.store |= self.store.as_ref().is_some_and(hit);
                out.config |= self.config.iter().any(hit);
            }
        }
    }
}
