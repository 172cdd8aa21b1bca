//! Do-Not-Disturb backends: one per notification daemon / desktop.
//!
//! Rules every backend follows (notify-sandbox.md §2 and §7):
//! - **Never activate a daemon by accident.** D-Bus calls go to the *unique* name of the
//!   current owner (found with `GetNameOwner`, which never activates anything); a message
//!   addressed to a unique name cannot trigger activation. No owner → [`DndError::Unavailable`].
//! - **Every call is bounded** by `CALL_TIMEOUT` (3 s), subprocesses included (they are
//!   killed when the timeout drops them).
//! - **Turn on only if off; restore only if still ours.** [`Dnd::turn_on`] returns `None`
//!   when DND was already on (then nothing is changed and nothing must be restored later);
//!   [`Dnd::restore`] does nothing and returns `false` if DND is no longer on.

mod dunst;
mod gnome;
mod kde;
mod mako;
mod shortcuts;
mod swaync;
mod xfce;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use dunst::DunstDnd;
use gnome::GnomeDnd;
pub use kde::KdeDnd;
pub use mako::mako_has_dnd_section;
use mako::{MakoDnd, mako_config_path};
pub use shortcuts::ShortcutsDnd;
use swaync::SwayNcDnd;
use xfce::XfceDnd;

/// Upper bound for any single DND operation (D-Bus round trips and subprocesses).
const CALL_TIMEOUT: Duration = Duration::from_secs(3);

const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const NOTIFICATIONS_PATH: &str = "/org/freedesktop/Notifications";

/// The exact prior state, stored in a journal before we change anything, so it can be
/// restored exactly.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Prior {
    Dunst {
        paused: bool,
    },
    Gnome {
        /// `None` = the key was never set by the user: restore with `gsettings reset`.
        show_banners_user_value: Option<bool>,
    },
    Xfce {
        /// `None` = the property did not exist: restore by removing it.
        do_not_disturb: Option<bool>,
    },
    SwayNc {
        dnd: bool,
    },
    Mako {
        /// mako's active modes before we added `do-not-disturb` (for the journal; restore
        /// removes only our mode from the list as it is then).
        modes: Vec<String>,
    },
    /// Plasma was not inhibited. `cookie` is the one our `Inhibit` returned (`None` from
    /// [`Dnd::prior`]); it is valid only on the connection that made it, which releases it
    /// when closed.
    Kde {
        cookie: Option<u32>,
    },
    /// macOS: Focus can't be read, so the prior state is assumed off; restoring runs the
    /// user's "off" shortcut.
    Shortcuts {
        off: String,
    },
}

impl Prior {
    /// The backend ([`Dnd::name`]) this prior state belongs to.
    pub fn backend(&self) -> &'static str {
        match self {
            Prior::Dunst { .. } => "dunst",
            Prior::Gnome { .. } => "gnome",
            Prior::Xfce { .. } => "xfce",
            Prior::Kde { .. } => "kde",
            Prior::SwayNc { .. } => "swaync",
            Prior::Mako { .. } => "mako",
            Prior::Shortcuts { .. } => "macos",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DndError {
    /// This backend cannot be used here (no daemon, tool missing, …): a one-line reason.
    #[error("do-not-disturb unavailable: {0}")]
    Unavailable(String),
    /// The backend is there but the operation failed.
    #[error("do-not-disturb: {what} failed: {detail}")]
    Failed { what: String, detail: String },
    /// The operation did not finish within `CALL_TIMEOUT` (3 s).
    #[error("do-not-disturb: {0} timed out after {CALL_TIMEOUT:?}")]
    Timeout(String),
}

impl DndError {
    fn failed(what: impl Into<String>, detail: impl std::fmt::Display) -> Self {
        DndError::Failed {
            what: what.into(),
            detail: detail.to_string(),
        }
    }

    fn wrong_prior(backend: &str, prior: &Prior) -> Self {
        DndError::failed(
            format!("{backend} restore"),
            format!("journal holds a {} state: {prior:?}", prior.backend()),
        )
    }
}

/// A boxed, `Send` future: keeps [`Dnd`] object-safe (`Box<dyn Dnd>`), which native
/// `async fn` in traits is not.
pub type DndFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, DndError>> + Send + 'a>>;

/// One desktop's DND switch. All calls have a 3 s timeout and never start a daemon by
/// accident.
pub trait Dnd: Send + Sync {
    /// "dunst", "gnome", "kde", "xfce", "swaync", "mako" or "macos" (the Shortcuts backend).
    fn name(&self) -> &'static str;

    /// Whether DND is on now.
    fn is_on(&self) -> DndFuture<'_, bool>;

    /// Reads what [`Dnd::turn_on`] would return, without changing anything: `None` if DND
    /// is already on. Lets a caller journal the prior state *before* turning DND on.
    fn prior(&self) -> DndFuture<'_, Option<Prior>>;

    /// Turns DND on; returns the prior state to journal. If it was already on, returns
    /// `Ok(None)` and changes nothing.
    fn turn_on(&self) -> DndFuture<'_, Option<Prior>>;

    /// Restores `prior` only if the current state is still the one we set (DND on); if the
    /// user changed it meanwhile, leaves theirs and returns `Ok(false)`.
    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool>;

    /// Dismisses what piled up while offline (`offline.clear_on_end`); nothing by default.
    fn clear(&self) -> DndFuture<'_, ()> {
        Box::pin(async { Ok(()) })
    }
}

/// What [`detect`] found.
pub struct Detected {
    /// (name, vendor, version) from `GetServerInformation`, only if
    /// `org.freedesktop.Notifications` has an owner.
    pub server: Option<(String, String, String)>,
    /// The DND backend to use, if any.
    pub backend: Option<Box<dyn Dnd>>,
    /// Why each backend was not chosen (for `serein doctor`, which words them).
    pub notes: Vec<Note>,
}

/// Something `detect` noticed: why a backend was not chosen, or what the chosen one lacks.
/// Data only; `serein doctor` words it (errors keep their own text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// No session bus to talk to.
    NoSessionBus { error: String },
    /// A call to the notification server failed (`GetServerInformation`,
    /// `GetCapabilities`).
    Call { call: &'static str, error: String },
    /// `org.freedesktop.Notifications` has no owner.
    NoServer { name: &'static str },
    /// A backend (`swaync`, `kde`, `mako`, `dunst`, `xfce`, `gnome`) could not be used.
    Backend {
        backend: &'static str,
        error: String,
    },
    /// KDE, tried because the server has the `inhibitions` capability, could not be used.
    KdeByCapability { error: String },
    /// mako's config (its path, if found) has no `[mode=do-not-disturb]` section, so DND
    /// would hide nothing.
    MakoNoDndMode { config: Option<std::path::PathBuf> },
    /// GNOME not tried: `XDG_CURRENT_DESKTOP` does not name it.
    NotGnome,
}

impl std::fmt::Debug for Detected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detected")
            .field("server", &self.server)
            .field("backend", &self.backend.as_ref().map(|b| b.name()))
            .field("notes", &self.notes)
            .finish()
    }
}

/// Finds the notification server and a DND backend for it, without starting anything, in
/// this order: SwayNotificationCenter (`org.erikreider.swaync.cc` has an owner); KDE Plasma
/// (the server calls itself "Plasma" or its vendor is "KDE"); mako (the server calls itself
/// "mako" and `/fr/emersion/Mako` answers; a note says when the user's config lacks the
/// `[mode=do-not-disturb]` section); dunst (its `org.dunstproject.cmd0` interface answers on
/// the Notifications owner); Xfce (the server is xfce4-notifyd and xfconfd owns
/// `org.xfce.Xfconf`); KDE again for any server with the `inhibitions` capability; then GNOME
/// (`XDG_CURRENT_DESKTOP` names GNOME or ubuntu, or the server is gnome-shell, and `gsettings`
/// knows the key). Never the macOS Shortcuts backend: the enforcer picks that one itself.
pub async fn detect() -> Detected {
    let mut notes = Vec::new();
    let mut server = None;
    let conn = match session_bus().await {
        Ok(conn) => Some(conn),
        Err(e) => {
            notes.push(Note::NoSessionBus {
                error: e.to_string(),
            });
            None
        }
    };
    if let Some(conn) = &conn {
        match server_information(conn).await {
            Ok(info) => server = info,
            Err(e) => notes.push(Note::Call {
                call: "GetServerInformation",
                error: e.to_string(),
            }),
        }
        if let Some(backend) = on_bus(conn, server.as_ref(), &mut notes).await {
            return Detected {
                server,
                backend: Some(backend),
                notes,
            };
        }
    }
    let backend = gnome(server.as_ref(), &mut notes).await;
    Detected {
        server,
        backend,
        notes,
    }
}

/// The name, vendor and version a notification server gives.
type ServerInfo = (String, String, String);

/// The backend `r` if it could be made; otherwise why not, noted under `backend`.
fn chosen<T: Dnd + 'static>(
    backend: &'static str,
    r: Result<T, DndError>,
    notes: &mut Vec<Note>,
) -> Option<Box<dyn Dnd>> {
    match r {
        Ok(d) => Some(Box::new(d)),
        Err(e) => {
            notes.push(Note::Backend {
                backend,
                error: e.to_string(),
            });
            None
        }
    }
}

/// A backend reached over the session bus: swaync, then by the Notifications server.
async fn on_bus(
    conn: &zbus::Connection,
    server: Option<&ServerInfo>,
    notes: &mut Vec<Note>,
) -> Option<Box<dyn Dnd>> {
    // swaync owns its own name besides Notifications; check it first so no dunst or
    // mako call is ever sent to it.
    let swaync = match owner(conn, swaync::SWAYNC).await {
        Ok(_) => SwayNcDnd::with_connection(conn.clone()).await,
        Err(e) => Err(e),
    };
    if let Some(b) = chosen("swaync", swaync, notes) {
        return Some(b);
    }
    let Some(info) = server else {
        notes.push(Note::NoServer {
            name: NOTIFICATIONS,
        });
        return None;
    };
    let (name, vendor, _) = info;
    if name == "Plasma" || vendor == "KDE" {
        return chosen("kde", kde_backend().await, notes);
    }
    // mako before dunst, so no dunst property call is sent to mako.
    if name == "mako"
        && let Some(b) = mako(conn, notes).await
    {
        return Some(b);
    }
    if let Some(b) = chosen(
        "dunst",
        DunstDnd::with_connection(conn.clone()).await,
        notes,
    ) {
        return Some(b);
    }
    if (name.contains("Xfce") || vendor == "Xfce")
        && let Some(b) = chosen("xfce", XfceDnd::with_connection(conn.clone()).await, notes)
    {
        return Some(b);
    }
    match capabilities(conn).await {
        Ok(caps) if caps.iter().any(|c| c == "inhibitions") => match kde_backend().await {
            Ok(d) => Some(Box::new(d)),
            Err(e) => {
                notes.push(Note::KdeByCapability {
                    error: e.to_string(),
                });
                None
            }
        },
        Ok(_) => None,
        Err(e) => {
            notes.push(Note::Call {
                call: "GetCapabilities",
                error: e.to_string(),
            });
            None
        }
    }
}

/// mako's backend, with a note when the user's config has no DND mode to switch to.
async fn mako(conn: &zbus::Connection, notes: &mut Vec<Note>) -> Option<Box<dyn Dnd>> {
    let m = chosen("mako", MakoDnd::with_connection(conn.clone()).await, notes)?;
    if !mako_has_dnd_section() {
        notes.push(Note::MakoNoDndMode {
            config: mako_config_path(),
        });
    }
    Some(m)
}

/// GNOME's backend, tried on a GNOME session or when gnome-shell is the server.
async fn gnome(server: Option<&ServerInfo>, notes: &mut Vec<Note>) -> Option<Box<dyn Dnd>> {
    let gnome_session = std::env::var("XDG_CURRENT_DESKTOP").is_ok_and(|d| {
        d.split(':')
            .any(|part| part.eq_ignore_ascii_case("GNOME") || part.eq_ignore_ascii_case("ubuntu"))
    });
    let gnome_server = server.is_some_and(|(name, _, _)| name == "gnome-shell");
    if gnome_session || gnome_server {
        chosen("gnome", GnomeDnd::probe().await, notes)
    } else {
        notes.push(Note::NotGnome);
        None
    }
}

// ---------------------------------------------------------------- shared helpers

/// Bounds `fut` by [`CALL_TIMEOUT`].
async fn bounded<T>(
    what: &str,
    fut: impl Future<Output = Result<T, DndError>>,
) -> Result<T, DndError> {
    match tokio::time::timeout(CALL_TIMEOUT, fut).await {
        Ok(res) => res,
        Err(_) => Err(DndError::Timeout(what.to_string())),
    }
}

/// Connects to the session bus (bounded). Missing address or refused socket → Unavailable.
async fn session_bus() -> Result<zbus::Connection, DndError> {
    let connect = async {
        zbus::connection::Builder::session()
            // Backstop only: each operation is bounded by `bounded` (CALL_TIMEOUT) as a
            // whole; a per-call timeout equal to it would race it.
            .method_timeout(CALL_TIMEOUT + Duration::from_secs(1))
            .build()
            .await
            .map_err(|e| DndError::Unavailable(format!("session bus: {e}")))
    };
    bounded("connecting to the session bus", connect).await
}

/// The unique name (":1.42") owning `name`, or Unavailable. `GetNameOwner` is answered by
/// the bus itself and never activates a service; calls sent to the unique name can't either.
async fn owner(
    conn: &zbus::Connection,
    name: &str,
) -> Result<zbus::names::OwnedUniqueName, DndError> {
    let reply = conn
        .call_method(
            Some("org.freedesktop.DBus"),
            "/org/freedesktop/DBus",
            Some("org.freedesktop.DBus"),
            "GetNameOwner",
            &(name,),
        )
        .await;
    match reply {
        Ok(msg) => msg
            .body()
            .deserialize::<zbus::names::OwnedUniqueName>()
            .map_err(|e| DndError::failed(format!("GetNameOwner {name}"), e)),
        Err(zbus::Error::FDO(e)) if matches!(*e, zbus::fdo::Error::NameHasNoOwner(_)) => {
            Err(DndError::Unavailable(format!("{name} is not running")))
        }
        Err(e) => Err(DndError::failed(format!("GetNameOwner {name}"), e)),
    }
}

/// Calls `iface.method(body)` at `path` on the current owner of `name` and decodes the reply.
async fn call<B, R>(
    conn: &zbus::Connection,
    name: &str,
    path: &str,
    iface: &str,
    method: &str,
    body: &B,
) -> Result<R, DndError>
where
    B: serde::Serialize + zbus::DynamicType,
    R: for<'d> zbus::wire::DynamicDeserialize<'d>,
{
    let what = format!("{iface}.{method} on {name}");
    let unique = owner(conn, name).await?;
    let reply = conn
        .call_method(Some(unique), path, Some(iface), method, body)
        .await
        .map_err(|e| match e {
            zbus::Error::InputOutput(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                DndError::Timeout(what.clone())
            }
            e => DndError::failed(&what, e),
        })?;
    reply
        .body()
        .deserialize::<R>()
        .map_err(|e| DndError::failed(format!("decoding reply of {what}"), e))
}

/// `GetServerInformation` if (and only if) the Notifications name has an owner.
async fn server_information(
    conn: &zbus::Connection,
) -> Result<Option<(String, String, String)>, DndError> {
    bounded("GetServerInformation", async {
        match call::<_, (String, String, String, String)>(
            conn,
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            NOTIFICATIONS,
            "GetServerInformation",
            &(),
        )
        .await
        {
            Ok((name, vendor, version, _spec)) => Ok(Some((name, vendor, version))),
            Err(DndError::Unavailable(_)) => Ok(None),
            Err(e) => Err(e),
        }
    })
    .await
}

/// `GetCapabilities` of the current Notifications owner (never activates one).
async fn capabilities(conn: &zbus::Connection) -> Result<Vec<String>, DndError> {
    bounded(
        "GetCapabilities",
        call::<_, Vec<String>>(
            conn,
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            NOTIFICATIONS,
            "GetCapabilities",
            &(),
        ),
    )
    .await
}

/// The KDE backend on a connection of its own: Plasma ties the inhibition to the calling
/// connection, so it must not share one that [`detect`]'s caller might close or keep.
async fn kde_backend() -> Result<KdeDnd, DndError> {
    KdeDnd::with_connection(session_bus().await?).await
}

/// Runs a command (no stdin, output captured), killed if the caller's timeout drops it.
/// Returns stdout on success; Unavailable if the program is missing; Failed otherwise.
async fn run(program: &str, args: &[&str]) -> Result<String, DndError> {
    let what = || format!("{program} {}", args.join(" "));
    let out = tokio::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true)
        .output()
        .await
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                DndError::Unavailable(format!("{program} is not installed"))
            }
            _ => DndError::failed(what(), e),
        })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(DndError::failed(
            what(),
            format!("{}: {}", out.status, stderr.trim()),
        ))
    }
}
