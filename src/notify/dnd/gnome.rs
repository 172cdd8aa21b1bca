//! GNOME: `org.gnome.desktop.notifications show-banners` (false = DND) through `gsettings`.
//! GNOME Shell has no D-Bus DND call. `gsettings get` cannot tell "never set" from "set to
//! the default", so the user value is read with `dconf read` (empty output = never set →
//! restore with `gsettings reset`, never a hard-coded `true`).
//!
//! Writes go through dconf-service, which the session bus starts on demand as on every
//! GNOME session; that is the settings store, not a notification server.

use super::{DndError, DndFuture, Prior, bounded, run};

const SCHEMA: &str = "org.gnome.desktop.notifications";
const KEY: &str = "show-banners";
const DCONF_PATH: &str = "/org/gnome/desktop/notifications/show-banners";

/// DND through GNOME's `show-banners` key.
pub struct GnomeDnd {
    /// `dconf` is installed, so the user value can be read exactly.
    has_dconf: bool,
}

impl GnomeDnd {
    /// Checks that `gsettings` runs and knows the key. Starts nothing.
    pub async fn probe() -> Result<Self, DndError> {
        bounded("gnome probe", async {
            get().await?;
            let has_dconf = match run("dconf", &["help"]).await {
                Err(DndError::Unavailable(_)) => {
                    tracing::warn!(
                        "dconf is not installed: an unset show-banners key is assumed when it is true"
                    );
                    false
                }
                _ => true,
            };
            Ok(GnomeDnd { has_dconf })
        })
        .await
    }

    async fn user_value(&self, effective: bool) -> Result<Option<bool>, DndError> {
        if !self.has_dconf {
            // Best effort: the schema default is true, so reset restores a true value.
            return Ok(if effective { None } else { Some(false) });
        }
        let out = run("dconf", &["read", DCONF_PATH]).await?;
        parse_bool(out.trim(), "dconf read")
    }

    async fn prior_inner(&self) -> Result<Option<Prior>, DndError> {
        let banners = get().await?;
        if !banners {
            return Ok(None);
        }
        Ok(Some(Prior::Gnome {
            show_banners_user_value: self.user_value(banners).await?,
        }))
    }
}

/// The effective value of show-banners.
async fn get() -> Result<bool, DndError> {
    let out = run("gsettings", &["get", SCHEMA, KEY]).await?;
    parse_bool(out.trim(), "gsettings get")?
        .ok_or_else(|| DndError::failed("gsettings get", "empty output"))
}

/// "true"/"false" → Some, "" → None (dconf's "never set").
fn parse_bool(s: &str, what: &str) -> Result<Option<bool>, DndError> {
    match s {
        "" => Ok(None),
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        other => Err(DndError::failed(
            what,
            format!("unexpected output {other:?}"),
        )),
    }
}

impl super::Dnd for GnomeDnd {
    fn name(&self) -> &'static str {
        "gnome"
    }

    fn is_on(&self) -> DndFuture<'_, bool> {
        Box::pin(bounded("gnome is_on", async { Ok(!get().await?) }))
    }

    fn prior(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("gnome prior", self.prior_inner()))
    }

    fn turn_on(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("gnome turn_on", async {
            let prior = self.prior_inner().await?;
            if prior.is_some() {
                run("gsettings", &["set", SCHEMA, KEY, "false"]).await?;
                tracing::info!(?prior, "gnome: show-banners set to false");
            }
            Ok(prior)
        }))
    }

    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool> {
        Box::pin(bounded("gnome restore", async move {
            let Prior::Gnome {
                show_banners_user_value,
            } = prior
            else {
                return Err(DndError::wrong_prior("gnome", prior));
            };
            if get().await? {
                tracing::info!("gnome: user turned banners back on meanwhile; leaving it");
                return Ok(false);
            }
            match show_banners_user_value {
                None => run("gsettings", &["reset", SCHEMA, KEY]).await?,
                Some(v) => run("gsettings", &["set", SCHEMA, KEY, &v.to_string()]).await?,
            };
            tracing::info!(?show_banners_user_value, "gnome: restored");
            Ok(true)
        }))
    }
}
