//! dunst: the boolean property `paused` of `org.dunstproject.cmd0` on
//! `/org/freedesktop/Notifications`, read and written with `org.freedesktop.DBus.Properties`
//! (what `dunstctl is-paused` / `set-paused` do, without needing dunstctl or busctl).
//!
//! dunst ≥ 1.10 also has `pauseLevel` (u); setting `paused` true/false there means level
//! 100/0, so a user's partial pause level is not preserved by this backend.

use zbus::{OwnedVariant, Variant};

use super::{DndError, DndFuture, NOTIFICATIONS, NOTIFICATIONS_PATH, Prior, bounded, call};

const IFACE: &str = "org.dunstproject.cmd0";
const PROPS: &str = "org.freedesktop.DBus.Properties";

/// DND through dunst's `paused` property.
pub struct DunstDnd {
    conn: zbus::Connection,
}

impl DunstDnd {
    /// On an existing session-bus connection, checks that the current Notifications owner answers
    /// `org.dunstproject.cmd0.paused`. Starts nothing.
    pub async fn with_connection(conn: zbus::Connection) -> Result<Self, DndError> {
        let dnd = DunstDnd { conn };
        match bounded("dunst probe", dnd.paused()).await {
            Ok(_) => Ok(dnd),
            Err(DndError::Failed { detail, .. }) => Err(DndError::Unavailable(format!(
                "the notification server has no {IFACE} interface ({detail})"
            ))),
            Err(e) => Err(e),
        }
    }

    async fn paused(&self) -> Result<bool, DndError> {
        let value: OwnedVariant = call(
            &self.conn,
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            PROPS,
            "Get",
            &(IFACE, "paused"),
        )
        .await?;
        bool::try_from(value).map_err(|e| DndError::failed("reading dunst paused", e))
    }

    async fn set_paused(&self, paused: bool) -> Result<(), DndError> {
        call::<_, ()>(
            &self.conn,
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            PROPS,
            "Set",
            &(IFACE, "paused", Variant::from(paused)),
        )
        .await
    }

    async fn prior_inner(&self) -> Result<Option<Prior>, DndError> {
        Ok(match self.paused().await? {
            true => None,
            false => Some(Prior::Dunst { paused: false }),
        })
    }
}

impl super::Dnd for DunstDnd {
    fn name(&self) -> &'static str {
        "dunst"
    }

    fn is_on(&self) -> DndFuture<'_, bool> {
        Box::pin(bounded("dunst is_on", self.paused()))
    }

    fn prior(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("dunst prior", self.prior_inner()))
    }

    fn turn_on(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("dunst turn_on", async {
            let prior = self.prior_inner().await?;
            if prior.is_some() {
                self.set_paused(true).await?;
                tracing::info!(?prior, "dunst: paused");
            }
            Ok(prior)
        }))
    }

    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool> {
        Box::pin(bounded("dunst restore", async move {
            let Prior::Dunst { paused } = prior else {
                return Err(DndError::wrong_prior("dunst", prior));
            };
            if !self.paused().await? {
                tracing::info!("dunst: user un-paused meanwhile; leaving it");
                return Ok(false);
            }
            self.set_paused(*paused).await?;
            tracing::info!(paused, "dunst: restored");
            Ok(true)
        }))
    }

    fn clear(&self) -> DndFuture<'_, ()> {
        // What `dunstctl close-all` sends.
        Box::pin(bounded("dunst close-all", async {
            call::<_, ()>(
                &self.conn,
                NOTIFICATIONS,
                NOTIFICATIONS_PATH,
                IFACE,
                "NotificationCloseAll",
                &(),
            )
            .await
        }))
    }
}
