//! The desktop side of serein: notifications (and, later, Do-Not-Disturb backends).

pub mod dnd;
pub mod enforcer;
pub mod guard;
pub mod send;

pub use send::{
    DesktopNotifier, Notification, Notifier, NotifyError, RecordingNotifier, SendFuture,
    UnavailableNotifier, Urgency,
};
