//! Background downloads of the `[[calendar]] url = …` sources.
//!
//! The run loop asks [`Fetcher::next_due`] when the next download is due and sleeps no longer
//! than that; due times are whole minutes, so in the TUI (which ticks each minute anyway) a
//! download adds no wake-up, and in the daemon at most one per `refresh`. A due download runs
//! on a thread of its own ([`crate::calendar::remote::sync`], blocking HTTP with a timeout):
//! the loop never waits for the network. Its result comes back as
//! `Msg::CalendarFetched` on [`Fetcher::rx`] — only when there is news (a new copy or a
//! failure); an unchanged calendar (`304`) says nothing. The new copy reaches the model like
//! any calendar file: its cache file changed, so the next `LoadCalendars` reads it.

use std::thread::JoinHandle;
use std::time::SystemTime;

use chrono::{DateTime, TimeDelta, Timelike, Utc};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::app::msg::Msg;
use crate::calendar::Source;
use crate::calendar::remote::{self, Remote, Synced};
use crate::config::CalendarConfig;

/// One URL source and when it is fetched next.
struct Planned {
    source: Source,
    remote: Remote,
    due: DateTime<Utc>,
    running: Option<JoinHandle<()>>,
}

/// Schedules and runs the downloads; results arrive on `rx`.
pub(crate) struct Fetcher {
    /// The `[[calendar]]` list the plan was made from (compared, not re-planned, each turn).
    seen: Option<Vec<CalendarConfig>>,
    plan: Vec<Planned>,
    tx: UnboundedSender<Msg>,
    pub(crate) rx: UnboundedReceiver<Msg>,
}

/// The first whole minute at or after `t`.
fn whole_minute(t: DateTime<Utc>) -> DateTime<Utc> {
    let floor = t
        .with_nanosecond(0)
        .and_then(|x| x.with_second(0))
        .unwrap_or(t);
    if floor == t {
        t
    } else {
        floor + TimeDelta::minutes(1)
    }
}

/// When a source checked at `checked` is due again (never checked: now).
fn due_after(checked: Option<SystemTime>, remote: &Remote, now: DateTime<Utc>) -> DateTime<Utc> {
    match checked {
        Some(at) => {
            let next = DateTime::<Utc>::from(at)
                + TimeDelta::from_std(remote.refresh).unwrap_or(TimeDelta::minutes(30));
            if next <= now { now } else { whole_minute(next) }
        }
        None => now,
    }
}

impl Default for Fetcher {
    fn default() -> Self {
        let (tx, rx) = unbounded_channel();
        Fetcher {
            seen: None,
            plan: Vec::new(),
            tx,
            rx,
        }
    }
}

impl Fetcher {
    /// Follows the config: sources added or changed are planned from their cache's last
    /// check, removed ones dropped. Cheap when nothing changed (one comparison).
    fn follow(&mut self, config: &crate::config::Config, now: DateTime<Utc>) {
        if self.seen.as_ref() == Some(&config.calendars) {
            return;
        }
        self.seen = Some(config.calendars.clone());
        let remotes = config.calendar_remotes();
        self.plan.retain(|p| {
            remotes
                .iter()
                .any(|(s, r)| *s == p.source && *r == p.remote)
        });
        for (source, remote) in remotes {
            if self
                .plan
                .iter()
                .any(|p| p.source == source && p.remote == remote)
            {
                continue;
            }
            let due = due_after(remote::checked(&source.path), &remote, now);
            self.plan.push(Planned {
                source,
                remote,
                due,
                running: None,
            });
        }
    }

    /// When the next download is due (`None`: no URL source, or all are downloading).
    pub(crate) fn next_due(
        &mut self,
        config: &crate::config::Config,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        self.follow(config, now);
        for p in &mut self.plan {
            if p.running.as_ref().is_some_and(JoinHandle::is_finished) {
                let _ = p.running.take().map(JoinHandle::join);
            }
        }
        self.plan
            .iter()
            .filter(|p| p.running.is_none())
            .map(|p| p.due)
            .min()
    }

    /// Starts the downloads due at `now`, each on its own thread.
    pub(crate) fn start_due(&mut self, config: &crate::config::Config, now: DateTime<Utc>) {
        if self.next_due(config, now).is_none_or(|d| d > now) {
            return;
        }
        let timeout = remote::timeout();
        for p in &mut self.plan {
            if p.running.is_some() || p.due > now {
                continue;
            }
            // Another process (the daemon, `calendar sync`) may have fetched it meanwhile.
            let again = due_after(remote::checked(&p.source.path), &p.remote, now);
            if again > now {
                p.due = again;
                continue;
            }
            p.due = whole_minute(
                now + TimeDelta::from_std(p.remote.refresh).unwrap_or(TimeDelta::minutes(30)),
            );
            let (name, remote, cache, tx) = (
                p.source.name.clone(),
                p.remote.clone(),
                p.source.path.clone(),
                self.tx.clone(),
            );
            let spawned = std::thread::Builder::new()
                .name("calendar-fetch".into())
                .spawn(move || {
                    let r = remote::sync(&name, &remote, &cache, timeout);
                    match &r {
                        Ok(Synced::NotModified) => {
                            tracing::debug!(calendar = %name, "calendar not modified");
                            return;
                        }
                        Ok(Synced::Updated(n)) => {
                            tracing::info!(calendar = %name, events = n, "calendar downloaded");
                        }
                        Err(e) => tracing::warn!("{e}"),
                    }
                    let _ = tx.send(Msg::CalendarFetched(r.map(|s| (name, s))));
                });
            match spawned {
                Ok(h) => p.running = Some(h),
                Err(e) => tracing::warn!("calendar download not started: {e}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_times_are_whole_minutes() {
        let now: DateTime<Utc> = "2026-12-07T09:00:30Z".parse().unwrap();
        let r = Remote {
            url: "https://x.example/c.ics".into(),
            refresh: std::time::Duration::from_secs(30 * 60),
        };
        assert_eq!(due_after(None, &r, now), now, "never fetched: now");
        let long_ago: DateTime<Utc> = "2026-12-07T08:00:00Z".parse().unwrap();
        assert_eq!(due_after(Some(long_ago.into()), &r, now), now, "stale: now");
        let recent: DateTime<Utc> = "2026-12-07T08:50:10Z".parse().unwrap();
        assert_eq!(
            due_after(Some(recent.into()), &r, now),
            "2026-12-07T09:21:00Z".parse::<DateTime<Utc>>().unwrap()
        );
    }
}
