//! What reaches the desktop: notifications and hooks (each claimed in the database so the TUI
//! and the daemon never both send one), reminders, the bell, the daemon, Do-Not-Disturb.

use super::Effects;
use crate::app::msg::Msg;
use crate::domain::policy::Dnd;
use crate::domain::session::HookEvent;
use crate::domain::time::Now;
use crate::notify::Notification;

impl Effects<'_> {
    pub(super) fn notify(
        &mut self,
        session: i64,
        key: &str,
        notification: Notification,
        now: Now,
    ) -> Vec<Msg> {
        match self.store.claim(session, key, now.utc) {
            Ok(true) => self.desktop.notify(notification),
            Ok(false) => {}
            Err(e) => tracing::warn!("notification claim failed: {e}"),
        }
        Vec::new()
    }

    pub(super) fn hook(
        &mut self,
        session: i64,
        key: &str,
        argv: Vec<String>,
        event: HookEvent,
        now: Now,
    ) -> Vec<Msg> {
        match self.store.claim(session, key, now.utc) {
            Ok(true) => self.desktop.hook(argv, event),
            Ok(false) => {}
            Err(e) => tracing::warn!("hook claim failed: {e}"),
        }
        Vec::new()
    }

    /// A breathing reminder, claimed for its day and time.
    pub(super) fn remind(&mut self, key: &str, notification: Notification, now: Now) -> Vec<Msg> {
        match self.store.claim_reminder(key, now.utc) {
            Ok(true) => self.desktop.notify(notification),
            Ok(false) => {}
            Err(e) => tracing::warn!("reminder claim failed: {e}"),
        }
        Vec::new()
    }

    pub(super) fn bell(&mut self) -> Vec<Msg> {
        self.desktop.bell();
        Vec::new()
    }

    pub(super) fn ensure_daemon(&mut self) -> Vec<Msg> {
        self.desktop.ensure_daemon();
        Vec::new()
    }

    pub(super) fn set_dnd(&mut self, d: Dnd) -> Vec<Msg> {
        self.desktop.set_dnd(d);
        Vec::new()
    }
}
