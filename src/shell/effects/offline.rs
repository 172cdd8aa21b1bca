//! The manual offline override, shared with the enforcer through the database.

use super::{Effects, problem};
use crate::app::msg::Msg;
use crate::domain::policy::Manual;
use crate::shell::instance;

impl Effects<'_> {
    pub(super) fn set_manual(&mut self, manual: Option<Manual>) -> Vec<Msg> {
        let r = match manual {
            Some(m) => self.store.set_manual(&m),
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

    pub(super) fn load_manual(&mut self) -> Vec<Msg> {
        match self.store.manual() {
            Ok(m) => vec![Msg::ManualLoaded(m)],
            Err(e) => problem("can't read the offline override", e),
        }
    }
}
