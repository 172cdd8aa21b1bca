//! The desktop side of serein: notifications ([`send`]), the Do-Not-Disturb backends
//! ([`dnd`]), the offline-hours [`enforcer`] and its crash [`guard`].

pub mod dnd;
pub mod enforcer;
pub mod guard;
pub mod send;

pub use send::{DesktopNotifier, Notification, Notifier, NotifyError, SendFuture, Urgency};
