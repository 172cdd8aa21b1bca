//! KDE Plasma: the notification inhibition API on Plasma's `org.freedesktop.Notifications`
//! (`KDE/plasma-workspace` `libnotificationmanager/server_p.cpp`):
//! - read: property `Inhibited` (b) of interface `org.freedesktop.Notifications`;
//! - on: `Inhibit(desktop_entry s, reason s, hints a{sv}) → cookie u`;
//! - off: `UnInhibit(cookie u)`.
//!
//! Plasma records the *caller's unique name* with each cookie and drops every cookie of a
//! name that leaves the bus. So the inhibition lives exactly as long as the connection that
//! made it: [`KdeDnd`] keeps ONE [`zbus::Connection`] for its whole lifetime (all calls go
//! through it), and a crash of serein releases DND by itself (notify-sandbox.md §7.4c, §7.5).
//! The flip side: a journaled cookie is meaningless to any other connection, so after a
//! crash there is nothing to restore — [`Dnd::restore`] only ever un-inhibits the cookie
//! this very backend holds.
//!
//! Plasma's `UnInhibit` of an unknown cookie is a silent no-op (no D-Bus error), and
//! `Inhibited` is set by plasmashell's notification applet from *all* sources (the user's
//! own DND, other apps' inhibitions, fullscreen windows), so it is "DND on", not "ours".
//!
//! [`Dnd::restore`]: super::Dnd::restore

use std::collections::HashMap;
use std::sync::Mutex;

use zbus::{OwnedVariant, Variant};

use super::{
    DndError, DndFuture, NOTIFICATIONS, NOTIFICATIONS_PATH, Prior, bounded, call, session_bus,
};

const PROPS: &str = "org.freedesktop.DBus.Properties";
/// What Plasma shows as the inhibiting application ("serein is currently…").
const DESKTOP_ENTRY: &str = "serein";
/// The reason Plasma shows with the inhibition.
const REASON: &str = "offline hours";

/// DND through Plasma's `Inhibit`/`UnInhibit`, on one connection held for its lifetime.
pub struct KdeDnd {
    /// The one connection that makes (and therefore owns) the inhibition. Dropping the
    /// backend drops it, and Plasma then releases our cookie.
    conn: zbus::Connection,
    /// The cookie of the inhibition this backend made, while it holds one.
    cookie: Mutex<Option<u32>>,
}

impl KdeDnd {
    /// Connects to the session bus (a connection of its own, kept until drop) and checks
    /// that the current Notifications owner has an `Inhibited` property. Starts nothing.
    pub async fn connect() -> Result<Self, DndError> {
        Self::with_connection(session_bus().await?).await
    }

    /// Like [`KdeDnd::connect`] on an existing connection. The inhibition lives as long as
    /// `conn` (every clone of it), not just this backend.
    pub async fn with_connection(conn: zbus::Connection) -> Result<Self, DndError> {
        let dnd = KdeDnd {
            conn,
            cookie: Mutex::new(None),
        };
        match bounded("kde probe", dnd.inhibited()).await {
            Ok(_) => Ok(dnd),
            Err(DndError::Failed { detail, .. }) => Err(DndError::Unavailable(format!(
                "the notification server has no Inhibited property ({detail})"
            ))),
            Err(e) => Err(e),
        }
    }

    /// The cookie this backend currently holds (for diagnostics and tests).
    pub fn cookie(&self) -> Option<u32> {
        *self.cookie.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set_cookie(&self, cookie: Option<u32>) -> Option<u32> {
        std::mem::replace(
            &mut *self.cookie.lock().unwrap_or_else(|e| e.into_inner()),
            cookie,
        )
    }

    async fn inhibited(&self) -> Result<bool, DndError> {
        let value: OwnedVariant = call(
            &self.conn,
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            PROPS,
            "Get",
            &(NOTIFICATIONS, "Inhibited"),
        )
        .await?;
        bool::try_from(value).map_err(|e| DndError::failed("reading Plasma Inhibited", e))
    }

    async fn inhibit(&self) -> Result<u32, DndError> {
        let hints: HashMap<&str, Variant<'_>> = HashMap::new();
        call(
            &self.conn,
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            NOTIFICATIONS,
            "Inhibit",
            &(DESKTOP_ENTRY, REASON, hints),
        )
        .await
    }

    async fn un_inhibit(&self, cookie: u32) -> Result<(), DndError> {
        call::<_, ()>(
            &self.conn,
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            NOTIFICATIONS,
            "UnInhibit",
            &(cookie,),
        )
        .await
    }

    async fn prior_inner(&self) -> Result<Option<Prior>, DndError> {
        Ok(match self.inhibited().await? {
            true => None,
            false => Some(Prior::Kde { cookie: None }),
        })
    }
}

impl super::Dnd for KdeDnd {
    fn name(&self) -> &'static str {
        "kde"
    }

    fn is_on(&self) -> DndFuture<'_, bool> {
        Box::pin(bounded("kde is_on", self.inhibited()))
    }

    fn prior(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("kde prior", self.prior_inner()))
    }

    /// Returns `Prior::Kde { cookie: Some(c) }` after inhibiting; `None` if DND was
    /// already on (the user's, another app's, or ours from an earlier `turn_on`).
    fn turn_on(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("kde turn_on", async {
            if let Some(cookie) = self.cookie() {
                tracing::info!(cookie, "kde: already inhibited by this backend");
                return Ok(None);
            }
            if self.prior_inner().await?.is_none() {
                return Ok(None);
            }
            let cookie = self.inhibit().await?;
            self.set_cookie(Some(cookie));
            tracing::info!(cookie, "kde: inhibited notifications");
            Ok(Some(Prior::Kde {
                cookie: Some(cookie),
            }))
        }))
    }

    /// Un-inhibits the cookie this backend holds (that never touches the user's own DND or
    /// other apps' inhibitions) and returns `true`. Holding none (restore from a journal
    /// written by another process: that inhibition ended with its connection), or a journal
    /// naming another cookie, → `Ok(false)`, nothing sent.
    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool> {
        Box::pin(bounded("kde restore", async move {
            let Prior::Kde { cookie: journaled } = prior else {
                return Err(DndError::wrong_prior("kde", prior));
            };
            let Some(held) = self.cookie() else {
                tracing::info!(
                    ?journaled,
                    "kde: no inhibition held by this connection; nothing to restore"
                );
                return Ok(false);
            };
            if journaled.is_some_and(|c| c != held) {
                tracing::info!(?journaled, held, "kde: journal names another cookie; left");
                return Ok(false);
            }
            self.un_inhibit(held).await?;
            self.set_cookie(None);
            tracing::info!(cookie = held, "kde: released inhibition");
            Ok(true)
        }))
    }
}
