//! The plan: reading days, committing changes, and noticing another process's writes.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{Effects, problem};
use crate::app::msg::{Msg, Purpose};
use crate::app::week::WeekParams;
use crate::domain::plan::Change;
use crate::domain::summary::Week;
use crate::domain::time::Now;

impl Effects<'_> {
    pub(super) fn load_day(&mut self, date: NaiveDate) -> Vec<Msg> {
        match self.store.day(date) {
            Ok(boxes) => vec![Msg::DayLoaded { date, boxes }],
            Err(e) => problem("can't read the plan", e),
        }
    }

    pub(super) fn load_other(&mut self, date: NaiveDate, purpose: Purpose) -> Vec<Msg> {
        match self.store.day(date) {
            Ok(boxes) => vec![Msg::OtherDayLoaded {
                date,
                boxes,
                purpose,
            }],
            Err(e) => problem("can't read the plan", e),
        }
    }

    pub(super) fn apply(&mut self, change: &Change) -> Vec<Msg> {
        match self.store.apply(change) {
            Ok(created) => vec![Msg::Saved { created }],
            Err(e) => {
                tracing::error!("save failed: {e}");
                vec![Msg::StoreFailed(e.to_string())]
            }
        }
    }

    pub(super) fn mark_done(&mut self, id: i64) -> Vec<Msg> {
        match self.store.set_done(id, true) {
            Ok(_) => Vec::new(),
            Err(e) => problem("can't mark the box done", e),
        }
    }

    /// Reloads what is shown (the day, the session, the override, the week on screen) when
    /// another process committed a real change since the last look.
    pub(super) fn poll_external(
        &mut self,
        date: NaiveDate,
        week: Option<(Week, Arc<WeekParams>)>,
        now: Now,
    ) -> Vec<Msg> {
        match self.store.data_version() {
            Ok(v) if v != self.version => {
                self.version = v;
                // Only a heartbeat (the daemon is alive)? Nothing to reload.
                match self.store.revision() {
                    Ok(r) if r == self.revision => return Vec::new(),
                    Ok(r) => self.revision = r,
                    Err(_) => {}
                }
                let mut msgs = self.load_day(date);
                msgs.extend(self.load_session());
                msgs.extend(self.load_manual());
                if let Some((w, p)) = week {
                    msgs.extend(self.load_week(w, &p, now));
                }
                msgs
            }
            Ok(_) => Vec::new(),
            Err(e) => problem("can't read the database", e),
        }
    }
}
