//! The pure core of the TUI: the model, messages and effects, `update` and each screen's
//! decisions. No I/O, no clock: the shell (`crate::shell`) stamps `now` on every message and
//! carries out the effects `update` returns.

pub mod breathe;
pub mod model;
pub mod msg;
pub mod offline;
pub mod review;
pub mod timer;
pub mod today;
pub mod update;
pub mod week;
