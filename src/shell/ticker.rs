//! Sleeping until the next tick with exactly one wake-up.
//!
//! tokio's timer wheel parks a long sleep until the start of the wheel slot holding its
//! deadline (tens of milliseconds early for a one-second sleep, seconds early for a minute)
//! and then parks again: two or more wake-ups per tick. A `timerfd` fires once, when asked;
//! tokio's `AsyncFd` waits for it in the same event loop. Tests under paused tokio time use
//! the tokio sleep, whose clock they control. timerfd is Linux's: elsewhere (macOS) the loop
//! sleeps with tokio's timer.
//!
//! The timerfd counts the wall clock (`CLOCK_REALTIME`, an absolute deadline), so a long sleep
//! still ends on time across a suspend, and `TFD_TIMER_CANCEL_ON_SET` ends it early when the
//! clock is set (NTP step, a manual change): the loop wakes and re-derives everything from the
//! new `now` instead of sleeping towards a deadline that moved.

use std::io;
#[cfg(target_os = "linux")]
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::Duration;

#[cfg(target_os = "linux")]
use tokio::io::unix::AsyncFd;

/// How the loop sleeps between ticks.
pub enum Ticker {
    /// tokio's timer (follows paused time in tests; the only one off Linux).
    Tokio,
    /// A timerfd: one wake-up per sleep.
    #[cfg(target_os = "linux")]
    TimerFd(AsyncFd<OwnedFd>),
}

impl Ticker {
    /// Off Linux there is no timerfd: tokio's timer.
    #[cfg(not(target_os = "linux"))]
    pub fn precise() -> Ticker {
        Ticker::Tokio
    }

    /// A timerfd ticker, or tokio's if the kernel refuses one.
    #[cfg(target_os = "linux")]
    pub fn precise() -> Ticker {
        // SAFETY: plain syscall; the fd is owned below.
        let fd = unsafe {
            libc::timerfd_create(libc::CLOCK_REALTIME, libc::TFD_NONBLOCK | libc::TFD_CLOEXEC)
        };
        if fd < 0 {
            return Ticker::Tokio;
        }
        // SAFETY: `fd` is a fresh descriptor we own.
        let owned = unsafe { OwnedFd::from_raw_fd(fd) };
        // SAFETY: the AsyncFd owns the descriptor and nothing else closes it while registered.
        match unsafe { AsyncFd::register(owned) } {
            Ok(a) => Ticker::TimerFd(a),
            Err(_) => Ticker::Tokio,
        }
    }

    /// Sleeps for `d` of wall-clock time (re-arming replaces any earlier deadline); returns
    /// early when the system clock is set.
    pub async fn sleep(&self, d: Duration) -> io::Result<()> {
        match self {
            Ticker::Tokio => {
                tokio::time::sleep(d).await;
                Ok(())
            }
            #[cfg(target_os = "linux")]
            Ticker::TimerFd(fd) => {
                let d = d.max(Duration::from_millis(1));
                let mut start = libc::timespec {
                    tv_sec: 0,
                    tv_nsec: 0,
                };
                // SAFETY: a valid clock id and a valid timespec to fill.
                unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut start) };
                let nanos = start.tv_nsec as u64 + u64::from(d.subsec_nanos());
                let spec = libc::itimerspec {
                    it_interval: libc::timespec {
                        tv_sec: 0,
                        tv_nsec: 0,
                    },
                    it_value: libc::timespec {
                        tv_sec: start.tv_sec
                            + (d.as_secs() + nanos / 1_000_000_000) as libc::time_t,
                        tv_nsec: (nanos % 1_000_000_000) as libc::c_long,
                    },
                };
                let flags = libc::TFD_TIMER_ABSTIME | libc::TFD_TIMER_CANCEL_ON_SET;
                // SAFETY: a valid timerfd and a valid itimerspec.
                let r = unsafe {
                    libc::timerfd_settime(fd.as_raw_fd(), flags, &spec, std::ptr::null_mut())
                };
                if r < 0 {
                    return Err(io::Error::last_os_error());
                }
                loop {
                    let mut guard = fd.readable().await?;
                    let mut buf = [0u8; 8];
                    let read = guard.try_io(|inner| {
                        // SAFETY: reading 8 bytes into an 8-byte buffer from our timerfd.
                        let n = unsafe {
                            libc::read(inner.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len())
                        };
                        if n >= 0 {
                            return Ok(());
                        }
                        let e = io::Error::last_os_error();
                        // The clock was set: wake now, the loop re-derives its deadlines.
                        if e.raw_os_error() == Some(libc::ECANCELED) {
                            Ok(())
                        } else {
                            Err(e)
                        }
                    });
                    match read {
                        Ok(result) => return result,
                        Err(_would_block) => continue,
                    }
                }
            }
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_timerfd_sleep_takes_about_as_long_as_asked_and_can_be_rearmed() {
        let t = Ticker::precise();
        assert!(matches!(t, Ticker::TimerFd(_)));
        let start = std::time::Instant::now();
        // Re-arming replaces the deadline: a dropped sleep does not fire later.
        let _ =
            tokio::time::timeout(Duration::from_millis(5), t.sleep(Duration::from_secs(10))).await;
        t.sleep(Duration::from_millis(30)).await.unwrap();
        assert!(start.elapsed() >= Duration::from_millis(30));
    }
}
