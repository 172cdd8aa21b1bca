//! Focus and break sessions (the timer): their records, heartbeats and interruptions.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Effects, done_or, problem};
use crate::app::msg::Msg;
use crate::domain::session::Session;
use crate::shell::instance;
use crate::store::StoreError;

impl Effects<'_> {
    pub(super) fn start_session(&mut self, s: Session) -> Vec<Msg> {
        match self.store.start_session(&s) {
            Ok(id) => vec![Msg::SessionStarted(Session { id, ..s })],
            // Another process started one first: show that one.
            Err(StoreError::SessionActive { .. }) => self.load_session(),
            Err(e) => problem("can't start the session", e),
        }
    }

    pub(super) fn save_session(&mut self, s: &Session) -> Vec<Msg> {
        match self.store.save_session(s) {
            Ok(_) => Vec::new(),
            Err(e) => problem("can't save the session", e),
        }
    }

    pub(super) fn heartbeat(&mut self, id: i64, at: DateTime<Utc>) -> Vec<Msg> {
        // Every HEARTBEAT_S, not every tick (a second's margin for the ticks' own).
        let every = chrono::TimeDelta::seconds(crate::app::update::HEARTBEAT_S - 1);
        if self
            .last_beat
            .is_some_and(|(last, t)| last == id && at >= t && at - t < every)
        {
            return Vec::new();
        }
        self.last_beat = Some((id, at));
        // A running daemon heartbeats the session already.
        if !self.is_daemon {
            self.daemon_running = self
                .store
                .path()
                .and_then(|p| p.parent())
                .is_some_and(|d| instance::is_running(d).unwrap_or(false));
        }
        if self.daemon_running {
            return Vec::new();
        }
        done_or("can't record the session", self.store.heartbeat(id, at))
    }

    pub(super) fn interrupt(
        &mut self,
        id: i64,
        at: DateTime<Utc>,
        reason: Option<&str>,
    ) -> Vec<Msg> {
        done_or(
            "can't log the interruption",
            self.store.add_interruption(id, at, reason),
        )
    }

    pub(super) fn load_session(&mut self) -> Vec<Msg> {
        match self.store.active_session() {
            Ok(s) => vec![Msg::SessionLoaded(s)],
            Err(e) => problem("can't read the session", e),
        }
    }

    pub(super) fn load_sessions_today(&mut self, date: NaiveDate) -> Vec<Msg> {
        match self.store.sessions(date, date) {
            Ok(list) => vec![Msg::SessionsToday(list)],
            Err(e) => problem("can't read today's sessions", e),
        }
    }

    pub(super) fn mark_after_hours(&mut self, id: i64) -> Vec<Msg> {
        done_or(
            "can't record after-hours work",
            self.store.mark_after_hours(id),
        )
    }
}
