//! Runs the core's effects against the store and the desktop and turns results into messages.

use crate::app::msg::{Effect, Msg};
use crate::app::week;
use crate::domain::session::Session;
use crate::domain::time::Now;
use crate::store::{Store, StoreError};

use crate::shell::desktop::Desktop;
use crate::shell::instance;

/// Runs effects against the store and the desktop and turns results into messages.
pub(crate) struct Effects<'a> {
    pub(super) store: &'a mut Store,
    /// `PRAGMA data_version` last seen: it moves when another process commits.
    pub(super) version: i64,
    /// The store's revision last seen: it moves with real changes, not heartbeats.
    pub(super) revision: i64,
    /// Whether another process, a daemon for this data folder, runs (it heartbeats then),
    /// checked now and then.
    pub(super) daemon_running: bool,
    /// This process is the daemon: it always heartbeats its sessions.
    pub(super) is_daemon: bool,
    pub(super) heartbeats: u32,
    pub(super) desktop: Box<dyn Desktop + 'a>,
}

fn problem(what: &str, e: StoreError) -> Vec<Msg> {
    vec![Msg::Problem(format!("{what}: {e}"))]
}

impl Effects<'_> {
    pub(super) fn run(&mut self, e: Effect, now: Now) -> Vec<Msg> {
        match e {
            Effect::LoadReview(week) => {
                let from = crate::domain::review::trend_start(week);
                match (self.store.review(week), self.store.reviews(from, week)) {
                    (Ok(review), Ok(history)) => vec![Msg::ReviewLoaded {
                        week,
                        review,
                        history,
                    }],
                    (Err(e), _) | (_, Err(e)) => problem("can't read the review", e),
                }
            }
            Effect::SaveReview(r) => match self.store.save_review(&r) {
                Ok(()) => Vec::new(),
                Err(e) => {
                    tracing::error!("review not saved: {e}");
                    vec![Msg::StoreFailed(e.to_string())]
                }
            },
            Effect::LoadWeek(week, params) => {
                match crate::store::summary::load_week(
                    self.store,
                    &params,
                    week,
                    now.utc,
                    &now.zone,
                    week::RECENT_WEEKS,
                ) {
                    Ok(data) => vec![Msg::WeekLoaded(week, Box::new(data))],
                    Err(e) => problem("can't read the log", e),
                }
            }
            Effect::LoadDay(date) => match self.store.day(date) {
                Ok(boxes) => vec![Msg::DayLoaded { date, boxes }],
                Err(e) => problem("can't read the plan", e),
            },
            Effect::LoadOther(date, purpose) => match self.store.day(date) {
                Ok(boxes) => vec![Msg::OtherDayLoaded {
                    date,
                    boxes,
                    purpose,
                }],
                Err(e) => problem("can't read the plan", e),
            },
            Effect::Apply(change) => match self.store.apply(&change) {
                Ok(created) => vec![Msg::Saved { created }],
                Err(e) => {
                    tracing::error!("save failed: {e}");
                    vec![Msg::StoreFailed(e.to_string())]
                }
            },
            Effect::PollExternal(date, week) => match self.store.data_version() {
                Ok(v) if v != self.version => {
                    self.version = v;
                    // Only a heartbeat (the daemon is alive)? Nothing to reload.
                    match self.store.revision() {
                        Ok(r) if r == self.revision => return Vec::new(),
                        Ok(r) => self.revision = r,
                        Err(_) => {}
                    }
                    let mut msgs = self.run(Effect::LoadDay(date), now);
                    msgs.extend(self.run(Effect::LoadSession, now));
                    msgs.extend(self.run(Effect::LoadManual, now));
                    if let Some((w, p)) = week {
                        msgs.extend(self.run(Effect::LoadWeek(w, p), now));
                    }
                    msgs
                }
                Ok(_) => Vec::new(),
                Err(e) => problem("can't read the database", e),
            },
            Effect::Quit => Vec::new(),
            Effect::StartSession(s) => match self.store.start_session(&s) {
                Ok(id) => vec![Msg::SessionStarted(Session { id, ..s })],
                // Another process started one first: show that one.
                Err(StoreError::SessionActive { .. }) => self.run(Effect::LoadSession, now),
                Err(e) => problem("can't start the session", e),
            },
            Effect::SaveSession(s) => match self.store.save_session(&s) {
                Ok(_) => Vec::new(),
                Err(e) => problem("can't save the session", e),
            },
            Effect::Heartbeat(id, at) => {
                // A running daemon heartbeats the session already; check every 30 s.
                if !self.is_daemon && self.heartbeats.is_multiple_of(30) {
                    self.daemon_running = self
                        .store
                        .path()
                        .and_then(|p| p.parent())
                        .is_some_and(|d| instance::is_running(d).unwrap_or(false));
                }
                self.heartbeats = self.heartbeats.wrapping_add(1);
                if self.daemon_running {
                    return Vec::new();
                }
                match self.store.heartbeat(id, at) {
                    Ok(()) => Vec::new(),
                    Err(e) => problem("can't record the session", e),
                }
            }
            Effect::Interrupt(id, at, reason) => {
                match self.store.add_interruption(id, at, reason.as_deref()) {
                    Ok(()) => Vec::new(),
                    Err(e) => problem("can't log the interruption", e),
                }
            }
            Effect::MarkDone(id) => match self.store.set_done(id, true) {
                Ok(_) => Vec::new(),
                Err(e) => problem("can't mark the box done", e),
            },
            Effect::LoadSession => match self.store.active_session() {
                Ok(s) => vec![Msg::SessionLoaded(s)],
                Err(e) => problem("can't read the session", e),
            },
            Effect::LoadSessionsToday(date) => match self.store.sessions(date, date) {
                Ok(list) => vec![Msg::SessionsToday(list)],
                Err(e) => problem("can't read today's sessions", e),
            },
            Effect::Notify {
                session,
                key,
                notification,
            } => {
                // Claimed in the database so the TUI and the daemon never both send it.
                match self.store.claim(session, &key, now.utc) {
                    Ok(true) => self.desktop.notify(notification),
                    Ok(false) => {}
                    Err(e) => tracing::warn!("notification claim failed: {e}"),
                }
                Vec::new()
            }
            Effect::Hook {
                session,
                key,
                argv,
                event,
            } => {
                match self.store.claim(session, &key, now.utc) {
                    Ok(true) => self.desktop.hook(argv, event),
                    Ok(false) => {}
                    Err(e) => tracing::warn!("hook claim failed: {e}"),
                }
                Vec::new()
            }
            Effect::Bell => {
                self.desktop.bell();
                Vec::new()
            }
            Effect::EnsureDaemon => {
                self.desktop.ensure_daemon();
                Vec::new()
            }
            Effect::LogBreath(s) => match self.store.start_session(&s) {
                Ok(id) => vec![Msg::BreathLogged(id)],
                Err(e) => problem("can't log the exercise", e),
            },
            Effect::SetDnd(d) => {
                self.desktop.set_dnd(d);
                Vec::new()
            }
            Effect::SetManual(manual) => {
                let r = match manual {
                    Some(m) => self.store.set_manual(m.on, m.until),
                    None => self.store.clear_manual(),
                };
                match r {
                    Ok(()) => {
                        // A daemon enforcing for this folder may be asleep until its next change.
                        if let Some(dir) = self.store.path().and_then(|p| p.parent()) {
                            instance::wake(dir);
                        }
                        Vec::new()
                    }
                    Err(e) => problem("can't save the offline override", e),
                }
            }
            Effect::MarkAfterHours(id) => match self.store.mark_after_hours(id) {
                Ok(()) => Vec::new(),
                Err(e) => problem("can't record after-hours work", e),
            },
            Effect::LoadManual => match self.store.manual() {
                Ok(m) => {
                    vec![Msg::ManualLoaded(m.map(|(on, until)| {
                        crate::domain::policy::Manual { on, until }
                    }))]
                }
                Err(e) => problem("can't read the offline override", e),
            },
            Effect::LoadBreathSeen => match self.store.breath_patterns_used() {
                Ok(names) => vec![Msg::BreathSeen(names)],
                Err(e) => problem("can't read the breathing log", e),
            },
            Effect::Remind { key, notification } => {
                match self.store.claim_reminder(&key, now.utc) {
                    Ok(true) => self.desktop.notify(notification),
                    Ok(false) => {}
                    Err(e) => tracing::warn!("reminder claim failed: {e}"),
                }
                Vec::new()
            }
        }
    }
}
