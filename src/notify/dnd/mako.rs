//! mako: DND is the mode `do-not-disturb` in mako's list of active modes, read with
//! `ListModes() → as` and written with `SetModes(as)` of interface `fr.emersion.Mako` on
//! `/fr/emersion/Mako`, at the owner of `org.freedesktop.Notifications`. This is what
//! `makoctl mode -a/-r do-not-disturb` does, but without makoctl (which needs busctl and jq),
//! and each change is one read followed by one write of the whole list.
//!
//! Caveats (notify-sandbox.md §3):
//! - A mode does nothing unless the user's config has a `[mode=do-not-disturb]` section
//!   (typically with `invisible=1`); mako accepts an undefined mode silently. See
//!   [`mako_has_dnd_section`], which `serein doctor` reports through [`super::detect`].
//! - Modes reset to `default` when mako restarts, so a crash of mako clears DND by itself.
//! - Hidden notifications keep their expiry timers: one with a timeout can expire unseen.

use std::path::PathBuf;

use super::{DndError, DndFuture, NOTIFICATIONS, Prior, bounded, call};

const MAKO_PATH: &str = "/fr/emersion/Mako";
const MAKO_IFACE: &str = "fr.emersion.Mako";
/// The mode serein adds and removes.
const DND_MODE: &str = "do-not-disturb";

/// DND through mako's `do-not-disturb` mode.
pub struct MakoDnd {
    conn: zbus::Connection,
}

impl MakoDnd {
    /// On an existing session-bus connection, checks that the current Notifications owner answers
    /// `fr.emersion.Mako.ListModes`. Starts nothing.
    pub async fn with_connection(conn: zbus::Connection) -> Result<Self, DndError> {
        let dnd = MakoDnd { conn };
        match bounded("mako probe", dnd.modes()).await {
            Ok(_) => Ok(dnd),
            Err(DndError::Failed { detail, .. }) => Err(DndError::Unavailable(format!(
                "the notification server does not answer {MAKO_IFACE}.ListModes on \
                 {MAKO_PATH} ({detail})"
            ))),
            Err(e) => Err(e),
        }
    }

    async fn modes(&self) -> Result<Vec<String>, DndError> {
        call(
            &self.conn,
            NOTIFICATIONS,
            MAKO_PATH,
            MAKO_IFACE,
            "ListModes",
            &(),
        )
        .await
    }

    async fn set_modes(&self, modes: &[String]) -> Result<(), DndError> {
        call::<_, ()>(
            &self.conn,
            NOTIFICATIONS,
            MAKO_PATH,
            MAKO_IFACE,
            "SetModes",
            &(modes,),
        )
        .await
    }

    async fn prior_inner(&self) -> Result<(Vec<String>, Option<Prior>), DndError> {
        let modes = self.modes().await?;
        let prior = if has_dnd(&modes) {
            None
        } else {
            Some(Prior::Mako {
                modes: modes.clone(),
            })
        };
        Ok((modes, prior))
    }
}

fn has_dnd(modes: &[String]) -> bool {
    modes.iter().any(|m| m == DND_MODE)
}

/// `modes` with our mode appended (callers check it is not there yet).
fn with_dnd(modes: &[String]) -> Vec<String> {
    let mut out = modes.to_vec();
    out.push(DND_MODE.to_string());
    out
}

/// `modes` without our mode, every other mode kept in its order.
fn without_dnd(modes: &[String]) -> Vec<String> {
    modes.iter().filter(|m| *m != DND_MODE).cloned().collect()
}

impl super::Dnd for MakoDnd {
    fn name(&self) -> &'static str {
        "mako"
    }

    fn is_on(&self) -> DndFuture<'_, bool> {
        Box::pin(bounded("mako is_on", async {
            Ok(has_dnd(&self.modes().await?))
        }))
    }

    fn prior(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("mako prior", async {
            Ok(self.prior_inner().await?.1)
        }))
    }

    fn turn_on(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(bounded("mako turn_on", async {
            let (modes, prior) = self.prior_inner().await?;
            if prior.is_some() {
                self.set_modes(&with_dnd(&modes)).await?;
                tracing::info!(?prior, "mako: mode {DND_MODE} added");
            }
            Ok(prior)
        }))
    }

    /// Removes our mode from the *current* list (not a write-back of the journaled list),
    /// so modes the user added or removed meanwhile stay as they are now.
    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool> {
        Box::pin(bounded("mako restore", async move {
            let Prior::Mako { modes: _ } = prior else {
                return Err(DndError::wrong_prior("mako", prior));
            };
            let now = self.modes().await?;
            if !has_dnd(&now) {
                tracing::info!("mako: user removed {DND_MODE} meanwhile; leaving it");
                return Ok(false);
            }
            let restored = without_dnd(&now);
            self.set_modes(&restored).await?;
            tracing::info!(?restored, "mako: mode {DND_MODE} removed");
            Ok(true)
        }))
    }
}

/// mako's config file as mako(5) documents it: `$XDG_CONFIG_HOME/mako/config`, by default
/// `~/.config/mako/config` (a `mako -c PATH` override cannot be seen from here).
pub fn mako_config_path() -> Option<PathBuf> {
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|c| !c.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(config_home.join("mako/config"))
}

/// Whether the user's mako config ([`mako_config_path`]) defines
/// a `[mode=do-not-disturb]` section. Without it, adding the mode changes nothing on screen
/// (mako accepts undefined modes silently), so `serein doctor` should tell the user to add
///
/// ```ini
/// [mode=do-not-disturb]
/// invisible=1
/// ```
pub fn mako_has_dnd_section() -> bool {
    mako_config_path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .is_some_and(|text| config_has_dnd_section(&text))
}

/// Whether mako config `text` has a section whose criteria include `mode=do-not-disturb`
/// (alone or combined with other criteria, value optionally quoted).
fn config_has_dnd_section(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
            return false;
        };
        inner.split_whitespace().any(|criterion| {
            criterion.strip_prefix("mode=").map(|v| v.trim_matches('"')) == Some(DND_MODE)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|m| m.to_string()).collect()
    }

    #[test]
    fn adds_and_removes_only_our_mode() {
        assert!(!has_dnd(&s(&["default"])));
        assert_eq!(with_dnd(&s(&["default"])), s(&["default", DND_MODE]));
        assert!(has_dnd(&with_dnd(&s(&["default"]))));
        assert_eq!(
            without_dnd(&s(&["default", DND_MODE, "away"])),
            s(&["default", "away"])
        );
        assert_eq!(without_dnd(&s(&[DND_MODE, DND_MODE])), s(&[]));
        assert_eq!(without_dnd(&s(&["dnd"])), s(&["dnd"]));
    }

    #[test]
    fn finds_the_dnd_section() {
        assert!(config_has_dnd_section(
            "default-timeout=0\n\n[mode=do-not-disturb]\ninvisible=1\n"
        ));
        assert!(config_has_dnd_section("  [mode=\"do-not-disturb\"]  \n"));
        assert!(config_has_dnd_section(
            "[app-name=foo mode=do-not-disturb]\ninvisible=0\n"
        ));
        assert!(!config_has_dnd_section("[mode=dnd]\ninvisible=1\n"));
        assert!(!config_has_dnd_section("# [mode=do-not-disturb]\n"));
        assert!(!config_has_dnd_section("[mode=do-not-disturb-ish]\n"));
        assert!(!config_has_dnd_section(""));
    }

    #[test]
    fn prior_round_trips_through_json() {
        let p = Prior::Mako {
            modes: s(&["default", "away"]),
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Prior>(&json).unwrap(), p);
        assert_eq!(p.backend(), "mako");
        let p = Prior::SwayNc { dnd: false };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Prior>(&json).unwrap(), p);
        assert_eq!(p.backend(), "swaync");
    }
}
