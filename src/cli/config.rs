//! `serein config path | check | init`: they work on a broken config file, so they never load it
//! through the usual path.

use clap::Subcommand;

use crate::cli::Failure;
use crate::config::{Config, Paths};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Print the path of the config file, and whether it exists.
    Path,
    /// Check the config file: errors with line and column, warnings for unknown keys.
    Check,
    /// Write the documented example config (every key, at its default).
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// Runs a `serein config` subcommand.
pub fn run(c: ConfigCmd, paths: &Paths) -> Result<(), Failure> {
    match c {
        ConfigCmd::Path => path(paths),
        ConfigCmd::Check => check(paths),
        ConfigCmd::Init { force } => init(paths, force),
    }
}

fn path(paths: &Paths) -> Result<(), Failure> {
    let path = &paths.config_file;
    let path = path.display().to_string();
    if paths.config_file.exists() {
        println!("{}", t!("cliconfig-path-exists", path = path));
    } else {
        println!("{}", t!("cliconfig-path-missing", path = path));
    }
    Ok(())
}

/// A config that doesn't parse, or names a hook that can't run, is bad input (exit 2).
fn check(paths: &Paths) -> Result<(), Failure> {
    let path = &paths.config_file;
    if !path.exists() {
        println!(
            "{}",
            t!("cliconfig-check-no-file", path = path.display().to_string())
        );
        return Ok(());
    }
    let loaded = Config::load(path, true).map_err(|e| Failure::input(e.to_string()))?;
    for w in &loaded.warnings {
        eprintln!("{}", t!("cliconfig-warning", warning = w));
    }
    if loaded.hook_errors > 0 {
        return Err(Failure::input(t!(
            "cliconfig-bad-hooks",
            path = path.display().to_string(),
            n = loaded.hook_errors
        )));
    }
    println!("{}", t!("cliconfig-ok", path = path.display().to_string()));
    Ok(())
}

fn init(paths: &Paths, force: bool) -> Result<(), Failure> {
    let path = &paths.config_file;
    if path.exists() && !force {
        return Err(Failure::input(t!(
            "cliconfig-exists",
            path = path.display().to_string()
        )));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::other(format!("{}: {e}", dir.display())))?;
    }
    std::fs::write(path, crate::config::EXAMPLE)
        .map_err(|e| Failure::other(format!("{}: {e}", path.display())))?;
    println!(
        "{}",
        t!("cliconfig-wrote", path = path.display().to_string())
    );
    Ok(())
}
