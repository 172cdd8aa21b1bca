//! Xfce: the Xfconf property `/do-not-disturb` (bool) on channel `xfce4-notifyd`, through
//! xfconfd's D-Bus API (`org.xfce.Xfconf` on `/org/xfce/Xfconf`): the same store
//! `xfconf-query -c xfce4-notifyd -p /do-not-disturb` uses, without needing the CLI.
//! A property that never existed is restored by removing it (`ResetProperty`), like
//! `xfconf-query … -r`.
//!
//! xfconfd is D-Bus-activatable, but calls go to the unique name of the running xfconfd
//! only; if it is not running, the backend is unavailable (xfce4-notifyd itself keeps it
//! running in an Xfce session).

use zbus::{OwnedVariant, Variant};

use super::{DndError, DndFuture, Prior, bounded, call};

const XFCONF: &str = "org.xfce.Xfconf";
const XFCONF_PATH: &str = "/org/xfce/Xfconf";
const CHANNEL: &str = "xfce4-notifyd";
const PROPERTY: &str = "/do-not-disturb";

/// DND through xfce4-notifyd's Xfconf property.
pub struct XfceDnd {
    conn: zbus::Connection,
}

impl XfceDnd {
    /// On an existing session-bus connection, checks that xfconfd is running. Starts nothing.
    pub async fn with_connection(conn: zbus::Connection) -> Result<Self, DndError> {
        let dnd = XfceDnd { conn };
        bounded("xfce probe", dnd.value()).await?;
        Ok(dnd)
    }

    async fn xfconf<B, R>(&self, method: &str, body: &B) -> Result<R, DndError>
    where
        B: serde::Serialize + zbus::DynamicType,
        R: for<'d> zbus::wire::DynamicDeserialize<'d>,
    {
        call(&self.conn, XFCONF, XFCONF_PATH, XFCONF, method, body).await
    }

    /// `None` if the property does not exist.
    async fn value(&self) -> Result<Option<bool>, DndError> {
        let exists: bool = self.xfconf("PropertyExists", &(CHANNEL, PROPERTY)).await?;
        if !exists {
            return Ok(None);
        }
        let value: OwnedVariant = self.xfconf("GetProperty", &(CHANNEL, PROPERTY)).await?;
        bool::try_from(value)
            .map(Some)
            .map_err(|e| DndError::failed(format!("reading {CHANNEL} {PROPERTY}"), e))
    }

    async fn set(&self, on: bool) -> Result<(), DndError> {
        self.xfconf::<_, ()>("SetProperty", &(CHANNEL, PROPERTY, Variant::from(on)))
            .await
    }

    async fn prior_inner(&self) -> Result<Option<Prior>, DndError> {
        Ok(match self.value().await? {
            Some(true) => None,
            other => Some(Prior::Xfce {
                do_not_disturb: other,
            }),
        })
    }
}

impl super::Dnd for XfceDnd {
    fn name(&self) -> &'static str {
        "xfce"
    }

    fn is_on(&self) -> DndFuture<'_, bool> {
        Box::pin(bounded("xfce is_on", async {
            Ok(self.value().await? == Some(true))
        }))
    }

    fn prior(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("xfce prior", self.prior_inner()))
    }

    fn turn_on(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("xfce turn_on", async {
            let prior = self.prior_inner().await?;
            if prior.is_some() {
                self.set(true).await?;
                tracing::info!(?prior, "xfce: do-not-disturb set");
            }
            Ok(prior)
        }))
    }

    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool> {
        Box::pin(bounded("xfce restore", async move {
            let Prior::Xfce { do_not_disturb } = prior else {
                return Err(DndError::wrong_prior("xfce", prior));
            };
            if self.value().await? != Some(true) {
                tracing::info!("xfce: user turned do-not-disturb off meanwhile; leaving it");
                return Ok(false);
            }
            match do_not_disturb {
                None => {
                    self.xfconf::<_, ()>("ResetProperty", &(CHANNEL, PROPERTY, false))
                        .await?
                }
                Some(v) => self.set(*v).await?,
            }
            tracing::info!(?do_not_disturb, "xfce: restored");
            Ok(true)
        }))
    }
}
