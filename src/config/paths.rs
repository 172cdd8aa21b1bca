//! Where serein keeps its files: the config, the database, logs and state (XDG).

use std::path::PathBuf;

/// Default locations, following the XDG base directory spec (and the env overrides).
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_file: PathBuf,
    pub config_explicit: bool,
    pub data_dir: PathBuf,
    pub state_dir: PathBuf,
}

impl Paths {
    /// Resolves paths from the CLI options (which clap also fills from `SEREIN_CONFIG` and
    /// `SEREIN_DATA_DIR`) and the XDG variables.
    pub fn resolve(config: Option<PathBuf>, data_dir: Option<PathBuf>) -> anyhow::Result<Paths> {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy()
            .map_err(|e| anyhow::anyhow!("can't find the home directory: {e}"))?;
        let state_dir = base
            .state_dir()
            .unwrap_or_else(|| base.data_dir())
            .join("serein");
        Ok(Paths {
            config_explicit: config.is_some(),
            config_file: config.unwrap_or_else(|| base.config_dir().join("serein/config.toml")),
            data_dir: data_dir.unwrap_or_else(|| base.data_dir().join("serein")),
            state_dir,
        })
    }

    pub fn db_file(&self) -> PathBuf {
        self.data_dir.join("serein.db")
    }
}
