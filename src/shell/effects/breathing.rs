//! Breathing exercises: their log.

use super::{Effects, problem};
use crate::app::msg::Msg;
use crate::domain::session::Session;

impl Effects<'_> {
    pub(super) fn log_breath(&mut self, s: &Session) -> Vec<Msg> {
        match self.store.start_session(s) {
            Ok(id) => vec![Msg::BreathLogged(id)],
            Err(e) => problem("can't log the exercise", e),
        }
    }

    pub(super) fn load_breath_seen(&mut self) -> Vec<Msg> {
        match self.store.breath_patterns_used() {
            Ok(names) => vec![Msg::BreathSeen(names)],
            Err(e) => problem("can't read the breathing log", e),
        }
    }
}
