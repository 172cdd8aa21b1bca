//! Runs the core's effects against the store and the desktop and turns results into messages.
//!
//! `run` only dispatches; each family of effects has its runner in its own file: the plan
//! (`plan`), sessions and timers (`session`), breathing (`breathing`), the offline override
//! (`offline`), the week and its review (`week`), what reaches the desktop (`desktop`) and
//! the chime (`sound`).

mod breathing;
mod desktop;
pub(super) mod fetch;
mod offline;
mod plan;
mod session;
mod sound;
mod week;

use crate::app::msg::{Effect, Msg};
use crate::calendar::snapshot::First;
use crate::domain::time::Now;
use crate::store::{Store, StoreError};

use crate::shell::desktop::Desktop;

/// Runs effects against the store and the desktop and turns results into messages.
pub(crate) struct Effects<'a> {
    pub(super) store: &'a mut Store,
    /// `PRAGMA data_version` last seen: it moves when another process commits.
    pub(super) version: i64,
    /// The store's revision last seen: it moves with real changes, not heartbeats.
    pub(super) revision: i64,
    /// Whether another process, a daemon for this data folder, runs (it heartbeats then),
    /// checked at each heartbeat due.
    pub(super) daemon_running: bool,
    /// This process is the daemon: it always heartbeats its sessions.
    pub(super) is_daemon: bool,
    /// The last heartbeat written (session id, at): written again [`HEARTBEAT_S`] later.
    ///
    /// [`HEARTBEAT_S`]: crate::app::update::HEARTBEAT_S
    pub(super) last_beat: Option<(i64, chrono::DateTime<chrono::Utc>)>,
    pub(super) desktop: Box<dyn Desktop + 'a>,
}

/// A failed read or write as a status-line message.
fn problem(what: &str, e: StoreError) -> Vec<Msg> {
    vec![Msg::Problem(format!("{what}: {e}"))]
}

/// The result of a write that answers nothing when it works.
fn done_or(what: &str, r: Result<(), StoreError>) -> Vec<Msg> {
    match r {
        Ok(()) => Vec::new(),
        Err(e) => problem(what, e),
    }
}

impl Effects<'_> {
    pub(super) fn run(&mut self, e: Effect, now: Now) -> Vec<Msg> {
        match e {
            Effect::LoadDay(date) => self.load_day(date),
            Effect::LoadDaySessions(date) => match self.store.sessions(date, date) {
                Ok(sessions) => vec![Msg::DaySessionsLoaded { date, sessions }],
                Err(e) => problem("can't read the day's sessions", e),
            },
            Effect::LoadCalendars(known) => match crate::calendar::reload(&known) {
                r if r.is_empty() => Vec::new(),
                r => vec![Msg::CalendarsLoaded(r)],
            },
            Effect::FirstCalendars(key, file) => {
                match crate::calendar::snapshot::first(
                    &key,
                    &file,
                    &crate::app::today::zone_name(&now.zone),
                ) {
                    First::Kept(first, last, meetings) => vec![Msg::CalendarSnapshot {
                        first,
                        last,
                        meetings,
                    }],
                    First::Read(r) if r.is_empty() => Vec::new(),
                    First::Read(r) => vec![Msg::CalendarsLoaded(r)],
                }
            }
            Effect::SaveCalendarSnapshot(key, meetings, file) => {
                crate::calendar::snapshot::save(&key, &meetings, &file);
                Vec::new()
            }
            Effect::LoadOther(date, purpose) => self.load_other(date, purpose),
            Effect::Apply(change) => self.apply(&change),
            Effect::MarkDone(id) => self.mark_done(id),
            Effect::PollExternal(date, week) => self.poll_external(date, week, now),
            Effect::StartSession(s) => self.start_session(s),
            Effect::SaveSession(s) => self.save_session(&s),
            Effect::Heartbeat(id, at) => self.heartbeat(id, at),
            Effect::Interrupt(id, at, reason) => self.interrupt(id, at, reason.as_deref()),
            Effect::LoadSession => self.load_session(),
            Effect::LoadSessionsToday(date) => self.load_sessions_today(date),
            Effect::MarkAfterHours(id) => self.mark_after_hours(id),
            Effect::LogBreath(s) => self.log_breath(&s),
            Effect::LoadBreathSeen => self.load_breath_seen(),
            Effect::SetManual(manual) => self.set_manual(manual),
            Effect::LoadManual => self.load_manual(),
            Effect::LoadWeek(week, params) => self.load_week(week, &params, now),
            Effect::LoadReview(week) => self.load_review(week),
            Effect::SaveReview(r) => self.save_review(&r),
            Effect::Notify {
                session,
                key,
                notification,
            } => self.notify(session, &key, notification, now),
            Effect::Hook {
                session,
                key,
                argv,
                event,
            } => self.hook(session, &key, argv, event, now),
            Effect::Remind { key, notification } => self.remind(&key, notification, now),
            Effect::Chime { claim, file } => self.chime(claim, file, now),
            Effect::Bell => self.bell(),
            Effect::EnsureDaemon => self.ensure_daemon(),
            Effect::SetDnd(d) => self.set_dnd(d),
            Effect::Quit => Vec::new(),
        }
    }
}
