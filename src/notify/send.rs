//! Sending desktop notifications.
//!
//! The shell's `RealDesktop` holds a [`Notifier`] (tests of the run loop swap the whole
//! desktop for a `RecordingDesktop` instead). The real notifier, [`DesktopNotifier`], goes
//! through notify-rust's `show_async` (zbus on tokio), so it never blocks a runtime thread,
//! and every call is bounded by a timeout.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// The application name every notification is sent with.
const APP_NAME: &str = "serein";

/// How long [`DesktopNotifier`] waits for the whole D-Bus round trip by default.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(3);

/// Longest error text kept in a [`NotifyError`]; it ends up in a status line.
const MAX_ERROR_LEN: usize = 160;

/// What to tell the user; the app name is always "serein".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// One-line title.
    pub summary: String,
    /// Longer text; servers may render a subset of markup.
    pub body: String,
    /// How insistent the server should be.
    pub urgency: Urgency,
    /// When set, replaces an earlier notification with the same tag on servers that
    /// support it (dunst `x-dunst-stack-tag`, Notify OSD `x-canonical-private-synchronous`),
    /// so a session shows one bubble rather than a pile.
    pub tag: Option<String>,
}

impl Notification {
    /// A normal-urgency notification without a tag.
    pub fn new(summary: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            summary: summary.into(),
            body: body.into(),
            urgency: Urgency::Normal,
            tag: None,
        }
    }

    /// Sets the urgency.
    pub fn with_urgency(mut self, urgency: Urgency) -> Self {
        self.urgency = urgency;
        self
    }

    /// Sets the replace-previous tag.
    pub fn with_tag(mut self, tag: impl Into<String>) -> Self {
        self.tag = Some(tag.into());
        self
    }
}

/// Urgency levels of the freedesktop notification spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Informational; may be shown quietly.
    Low,
    /// The default.
    Normal,
    /// Gets through Do-Not-Disturb on most servers (not dunst 1.9 or mako).
    Critical,
}

/// Why a notification was not shown.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// No session bus, or nothing owns `org.freedesktop.Notifications`: carry on silently.
    #[error("{}", crate::t!("notify-unavailable", detail = .0))]
    Unavailable(String),
    /// The server did not answer within the timeout.
    #[error("{}", crate::t!("notify-timeout", after = format!("{:?}", .0)))]
    Timeout(Duration),
    /// Anything else (the server refused, bad reply, no runtime…).
    #[error("{}", crate::t!("notify-failed", detail = .0))]
    Failed(String),
}

/// The boxed future returned by [`Notifier::send`].
pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), NotifyError>> + Send + 'a>>;

/// Anything that can show a notification; async so the timer loop never blocks on D-Bus.
pub trait Notifier: Send + Sync {
    /// Shows `n`. Implementations must not panic and must return within a bounded time.
    fn send<'a>(&'a self, n: &'a Notification) -> SendFuture<'a>;
}

/// The desktop, via notify-rust `show_async` with appname "serein", a timeout (3 s by
/// default) around the whole call, and the `x-dunst-stack-tag` /
/// `x-canonical-private-synchronous` hints set from `tag` when present.
///
/// Must be polled inside a tokio runtime with the time driver enabled.
#[derive(Debug, Clone)]
pub struct DesktopNotifier {
    timeout: Duration,
}

impl DesktopNotifier {
    /// A notifier with the default 3 s timeout.
    pub fn new() -> Self {
        Self::with_timeout(DEFAULT_TIMEOUT)
    }

    /// A notifier with a custom timeout around the whole D-Bus call.
    pub fn with_timeout(timeout: Duration) -> Self {
        Self { timeout }
    }
}

impl Default for DesktopNotifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Notifier for DesktopNotifier {
    fn send<'a>(&'a self, n: &'a Notification) -> SendFuture<'a> {
        Box::pin(async move {
            // tokio::time::timeout panics outside a runtime; "never panic" wins over a nicer API.
            if tokio::runtime::Handle::try_current().is_err() {
                return Err(NotifyError::Failed("not inside a tokio runtime".into()));
            }
            match tokio::time::timeout(self.timeout, show(n)).await {
                Ok(result) => {
                    if let Err(e) = &result {
                        tracing::debug!(error = %e, summary = %n.summary, "notification not shown");
                    }
                    result
                }
                Err(_) => {
                    tracing::warn!(timeout = ?self.timeout, "notification server did not answer");
                    Err(NotifyError::Timeout(self.timeout))
                }
            }
        })
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
async fn show(n: &Notification) -> Result<(), NotifyError> {
    use notify_rust::Hint;

    let mut desktop = notify_rust::Notification::new();
    desktop
        .appname(APP_NAME)
        .summary(&n.summary)
        .body(&n.body)
        .urgency(match n.urgency {
            Urgency::Low => notify_rust::Urgency::Low,
            Urgency::Normal => notify_rust::Urgency::Normal,
            Urgency::Critical => notify_rust::Urgency::Critical,
        });
    if let Some(tag) = &n.tag {
        // dunst replaces by stack tag; Notify OSD / some others by the canonical hint.
        desktop.hint(Hint::Custom("x-dunst-stack-tag".into(), tag.clone()));
        desktop.hint(Hint::Custom(
            "x-canonical-private-synchronous".into(),
            tag.clone(),
        ));
    }
    // The handle only keeps the bus connection for later updates/close; we need neither.
    desktop
        .show_async()
        .await
        .map(drop)
        .map_err(|e| classify(&e.to_string()))
}

/// macOS and Windows have no async path in notify-rust (and no hints or urgency), so the
/// blocking `show` runs on the blocking pool; the outer timeout still bounds the caller.
#[cfg(not(all(unix, not(target_os = "macos"))))]
async fn show(n: &Notification) -> Result<(), NotifyError> {
    let (summary, body) = (n.summary.clone(), n.body.clone());
    tokio::task::spawn_blocking(move || {
        notify_rust::Notification::new()
            .appname(APP_NAME)
            .summary(&summary)
            .body(&body)
            .show()
            .map(drop)
            .map_err(|e| NotifyError::Failed(one_line(&e.to_string())))
    })
    .await
    .unwrap_or_else(|e| Err(NotifyError::Failed(one_line(&e.to_string()))))
}

/// Error texts (from zbus via notify-rust) that mean "there is no notification server
/// here", as opposed to a server that misbehaved.
const UNAVAILABLE_MARKERS: &[&str] = &[
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    // Activation was attempted and failed (e.g. dunst's .service with no display).
    "org.freedesktop.DBus.Error.Spawn",
    "org.freedesktop.DBus.Error.NoServer",
    "org.freedesktop.DBus.Error.Disconnected",
    "failed to connect to",
    "address error:",
    "I/O error:",
    "D-Bus handshake failed:",
];

/// Maps a notify-rust error text to a [`NotifyError`]. notify-rust's error kind is
/// private, so the text is all there is.
fn classify(msg: &str) -> NotifyError {
    let short = one_line(msg);
    if UNAVAILABLE_MARKERS.iter().any(|m| msg.contains(m)) {
        NotifyError::Unavailable(short)
    } else {
        NotifyError::Failed(short)
    }
}

/// First non-empty line, at most [`MAX_ERROR_LEN`] bytes (on a char boundary).
fn one_line(msg: &str) -> String {
    let unknown = crate::t!("notify-unknown-error");
    let line = msg
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or(&unknown);
    if line.len() <= MAX_ERROR_LEN {
        return line.to_owned();
    }
    let mut end = MAX_ERROR_LEN;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &line[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex, PoisonError};

    /// Records notifications for tests.
    #[derive(Debug, Default, Clone)]
    struct RecordingNotifier {
        /// Everything sent so far, oldest first; shared between clones.
        sent: Arc<Mutex<Vec<Notification>>>,
    }

    impl RecordingNotifier {
        /// A copy of everything sent so far.
        fn sent(&self) -> Vec<Notification> {
            self.sent
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone()
        }
    }

    impl Notifier for RecordingNotifier {
        fn send<'a>(&'a self, n: &'a Notification) -> SendFuture<'a> {
            Box::pin(async move {
                // A panicking test thread must not turn every later send into a panic.
                self.sent
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(n.clone());
                Ok(())
            })
        }
    }

    /// Always fails with Unavailable: for tests of the "no server" path.
    #[derive(Debug, Default, Clone, Copy)]
    struct UnavailableNotifier;

    impl Notifier for UnavailableNotifier {
        fn send<'a>(&'a self, _n: &'a Notification) -> SendFuture<'a> {
            Box::pin(async { Err(NotifyError::Unavailable("no server (test)".into())) })
        }
    }

    #[test]
    fn classify_maps_missing_server_to_unavailable() {
        let cases = [
            (
                "org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Notifications was not provided by any .service files",
                true,
            ),
            (
                "org.freedesktop.DBus.Error.Spawn.ChildSignaled: Process org.freedesktop.Notifications received signal 6",
                true,
            ),
            ("I/O error: No such file or directory (os error 2)", true),
            (
                "failed to connect to `unix:path=/nope`: Connection refused",
                true,
            ),
            ("address error: XDG_RUNTIME_DIR unset", true),
            ("org.freedesktop.DBus.Error.InvalidArgs: bad hint", false),
            ("Invalid D-Bus method reply", false),
        ];
        for (msg, unavailable) in cases {
            let got = classify(msg);
            assert_eq!(
                matches!(got, NotifyError::Unavailable(_)),
                unavailable,
                "{msg} -> {got:?}"
            );
        }
    }

    #[test]
    fn errors_are_one_short_line() {
        let long = format!("first {}\nsecond line", "é".repeat(200));
        let short = one_line(&long);
        assert!(!short.contains('\n'));
        assert!(short.len() <= MAX_ERROR_LEN + '…'.len_utf8());
        assert_eq!(one_line("\n  \n  x  \ny"), "x");
        assert_eq!(one_line(""), "unknown error");
    }

    #[tokio::test]
    async fn recording_notifier_records_in_order() {
        let rec = RecordingNotifier::default();
        let as_dyn: Box<dyn Notifier> = Box::new(rec.clone());
        let a = Notification::new("a", "1");
        let b = Notification::new("b", "2")
            .with_urgency(Urgency::Critical)
            .with_tag("s1");
        as_dyn.send(&a).await.unwrap();
        as_dyn.send(&b).await.unwrap();
        assert_eq!(rec.sent(), vec![a, b]);
    }

    #[tokio::test]
    async fn unavailable_notifier_fails() {
        let err = UnavailableNotifier
            .send(&Notification::new("x", ""))
            .await
            .unwrap_err();
        assert!(matches!(err, NotifyError::Unavailable(_)), "{err:?}");
    }

    #[test]
    fn desktop_notifier_outside_runtime_fails_without_panicking() {
        use std::task::{Context, Poll, Waker};
        let n = Notification::new("x", "");
        let notifier = DesktopNotifier::new();
        let mut fut = notifier.send(&n);
        // Polled on a plain thread (no tokio context): must be an error, not a panic.
        let mut cx = Context::from_waker(Waker::noop());
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(Err(NotifyError::Failed(_))) => {}
            other => panic!("expected Failed, got {other:?}"),
        }
        assert_eq!(notifier.timeout, DEFAULT_TIMEOUT);
    }

    #[test]
    fn errors_read_in_the_users_language() {
        use crate::i18n::{Lang, with_lang};
        let e = NotifyError::Unavailable("no bus".into());
        assert_eq!(
            with_lang(Lang::En, || e.to_string()),
            "no notification server: no bus"
        );
        assert_eq!(
            with_lang(Lang::Fr, || e.to_string()),
            "pas de serveur de notifications : no bus"
        );
        assert_eq!(with_lang(Lang::Fr, || one_line("")), "erreur inconnue");
    }
}
