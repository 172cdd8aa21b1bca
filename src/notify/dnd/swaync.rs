//! SwayNotificationCenter: `GetDnd() → b` / `SetDnd(b)` of interface
//! `org.erikreider.swaync.cc` on `/org/erikreider/swaync/cc`, owned under its **own** bus name
//! `org.erikreider.swaync.cc` (not the Notifications name). The same calls
//! `swaync-client -D -sw` / `--dnd-on -sw` make, without the client (which hangs forever
//! without `-sw` when no daemon runs).
//!
//! swaync binds `dnd` to the GSettings key `org.erikreider.swaync dnd-state`, so the state
//! survives a restart of swaync: a journaled prior must be restored, it does not clear itself.

use super::{DndError, DndFuture, Prior, bounded, call};

pub(crate) const SWAYNC: &str = "org.erikreider.swaync.cc";
const SWAYNC_PATH: &str = "/org/erikreider/swaync/cc";

/// DND through swaync's control-center interface.
pub struct SwayNcDnd {
    conn: zbus::Connection,
}

impl SwayNcDnd {
    /// On an existing session-bus connection, checks that swaync answers `GetDnd`. Starts nothing.
    pub async fn with_connection(conn: zbus::Connection) -> Result<Self, DndError> {
        let dnd = SwayNcDnd { conn };
        match bounded("swaync probe", dnd.get()).await {
            Ok(_) => Ok(dnd),
            Err(DndError::Failed { detail, .. }) => Err(DndError::Unavailable(format!(
                "{SWAYNC} does not answer GetDnd ({detail})"
            ))),
            Err(e) => Err(e),
        }
    }

    async fn get(&self) -> Result<bool, DndError> {
        call(&self.conn, SWAYNC, SWAYNC_PATH, SWAYNC, "GetDnd", &()).await
    }

    async fn set(&self, on: bool) -> Result<(), DndError> {
        call::<_, ()>(&self.conn, SWAYNC, SWAYNC_PATH, SWAYNC, "SetDnd", &(on,)).await
    }

    async fn prior_inner(&self) -> Result<Option<Prior>, DndError> {
        Ok(match self.get().await? {
            true => None,
            false => Some(Prior::SwayNc { dnd: false }),
        })
    }
}

impl super::Dnd for SwayNcDnd {
    fn name(&self) -> &'static str {
        "swaync"
    }

    fn is_on(&self) -> DndFuture<'_, bool> {
        Box::pin(bounded("swaync is_on", self.get()))
    }

    fn prior(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("swaync prior", self.prior_inner()))
    }

    fn turn_on(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("swaync turn_on", async {
            let prior = self.prior_inner().await?;
            if prior.is_some() {
                self.set(true).await?;
                tracing::info!(?prior, "swaync: DND on");
            }
            Ok(prior)
        }))
    }

    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool> {
        Box::pin(bounded("swaync restore", async move {
            let Prior::SwayNc { dnd } = prior else {
                return Err(DndError::wrong_prior("swaync", prior));
            };
            if !self.get().await? {
                tracing::info!("swaync: user turned DND off meanwhile; leaving it");
                return Ok(false);
            }
            self.set(*dnd).await?;
            tracing::info!(dnd, "swaync: restored");
            Ok(true)
        }))
    }
}
