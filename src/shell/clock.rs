//! The clock the core's messages are stamped with, behind a trait so tests and demos can swap
//! it. Bookkeeping timestamps (store, enforcer, guard, `serein offline`) read the real clock on
//! purpose and ignore `SEREIN_NOW`.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::domain::time::{Now, Zone};

/// A source of "now". The shell stamps each message with it; the core never reads the clock.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The zone wall times are read in: the system's.
    fn zone(&self) -> Zone {
        Zone::System
    }

    /// Local wall-clock time of `now()`.
    fn local(&self) -> NaiveDateTime {
        self.stamp().local
    }

    /// The instant, its wall time and the zone, at once.
    fn stamp(&self) -> Now {
        Now::at(self.now(), self.zone())
    }
}

/// The system clock, optionally offset so that it *starts* at a chosen time and then runs
/// (`SEREIN_NOW=2026-11-23T09:00`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock {
    offset: chrono::Duration,
}

impl SystemClock {
    /// A clock that believes it is `start` (local wall time) right now.
    fn starting_at(start: NaiveDateTime) -> SystemClock {
        let then = crate::domain::time::resolve(&Zone::System, start);
        SystemClock {
            offset: then - Utc::now(),
        }
    }

    /// Reads `SEREIN_NOW` if set: accepted forms `2026-11-23T09:00`, `2026-11-23 09:00`,
    /// with optional `:SS`.
    pub fn from_env() -> anyhow::Result<SystemClock> {
        match std::env::var("SEREIN_NOW") {
            Ok(v) if !v.trim().is_empty() => Ok(SystemClock::starting_at(parse_now(&v)?)),
            _ => Ok(SystemClock::default()),
        }
    }
}

/// Parses a `SEREIN_NOW` value.
fn parse_now(v: &str) -> anyhow::Result<NaiveDateTime> {
    let v = v.trim();
    for fmt in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, fmt) {
            return Ok(t);
        }
    }
    anyhow::bail!("SEREIN_NOW={v:?} is not a local time; expected e.g. 2026-11-23T09:00")
}

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }
}
