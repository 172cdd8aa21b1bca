//! macOS: no API reads or sets Focus since Monterey; the working route is two Shortcuts the
//! user makes with the *Set Focus* action (one turning Do Not Disturb on — best "until" a
//! time, so it expires by itself — one turning it off), run with `shortcuts run NAME`.
//! Focus can't be read, so serein assumes it was off and restores by running the "off" one.

use std::time::Duration;

use super::{CALL_TIMEOUT, Dnd, DndError, DndFuture, Prior};

/// Runs the user's `offline.macos_on` / `offline.macos_off` shortcuts.
pub struct ShortcutsDnd {
    pub on: String,
    pub off: String,
    /// The `shortcuts` program (a test may point elsewhere).
    pub program: String,
}

impl ShortcutsDnd {
    pub fn new(on: &str, off: &str) -> ShortcutsDnd {
        ShortcutsDnd {
            on: on.to_string(),
            off: off.to_string(),
            program: "shortcuts".to_string(),
        }
    }

    async fn run(&self, name: &str) -> Result<(), DndError> {
        let out = tokio::time::timeout(
            CALL_TIMEOUT + Duration::from_secs(7),
            tokio::process::Command::new(&self.program)
                .args(["run", name])
                .kill_on_drop(true)
                .output(),
        )
        .await
        .map_err(|_| DndError::Timeout(format!("shortcuts run {name}")))?
        .map_err(|e| DndError::Unavailable(format!("{}: {e}", self.program)))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(DndError::failed(
                format!("shortcuts run {name}"),
                String::from_utf8_lossy(&out.stderr).trim(),
            ))
        }
    }
}

impl Dnd for ShortcutsDnd {
    fn name(&self) -> &'static str {
        "macos"
    }

    fn is_on(&self) -> DndFuture<'_, bool> {
        Box::pin(async {
            Err(DndError::Unavailable(
                "macOS does not let apps read Focus; serein only runs your shortcuts".into(),
            ))
        })
    }

    fn prior(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(async {
            Ok(Some(Prior::Shortcuts {
                off: self.off.clone(),
            }))
        })
    }

    fn turn_on(&self) -> DndFuture<'_, Option<Prior>> {
        Box::pin(async {
            self.run(&self.on).await?;
            Ok(Some(Prior::Shortcuts {
                off: self.off.clone(),
            }))
        })
    }

    fn restore<'a>(&'a self, prior: &'a Prior) -> DndFuture<'a, bool> {
        Box::pin(async move {
            match prior {
                Prior::Shortcuts { off } => {
                    self.run(off).await?;
                    Ok(true)
                }
                other => Err(DndError::failed(
                    "restore",
                    format!("a {} journal given to the macOS backend", other.backend()),
                )),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[tokio::test]
    async fn runs_the_users_shortcuts() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        let fake = dir.path().join("shortcuts");
        std::fs::write(
            &fake,
            format!("#!/bin/sh\necho \"$@\" >> '{}'\n", log.display()),
        )
        .unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut d = ShortcutsDnd::new("dnd-on", "dnd-off");
        d.program = fake.display().to_string();
        let prior = d.prior().await.unwrap().unwrap();
        d.turn_on().await.unwrap();
        assert!(d.restore(&prior).await.unwrap());
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            "run dnd-on\nrun dnd-off\n"
        );
        assert!(d.is_on().await.is_err(), "Focus can't be read on macOS");
        let missing = ShortcutsDnd {
            program: "/nonexistent/shortcuts".into(),
            ..ShortcutsDnd::new("a", "b")
        };
        assert!(matches!(
            missing.turn_on().await,
            Err(DndError::Unavailable(_))
        ));
    }
}
