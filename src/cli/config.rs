//! `serein config path | check | init`: they work on a broken config file, so they never load it
//! through the usual path.

use clap::Subcommand;

use crate::cli::Failure;
use crate::config::{Config, Paths};

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
    let state = if path.exists() {
        "exists"
    } else {
        "not created; defaults apply"
    };
    println!("{} ({state})", path.display());
    Ok(())
}

/// A config that doesn't parse, or names a hook that can't run, is bad input (exit 2).
fn check(paths: &Paths) -> Result<(), Failure> {
    let path = &paths.config_file;
    if !path.exists() {
        println!("{}: no file; the embedded defaults apply", path.display());
        return Ok(());
    }
    let loaded = Config::load(path, true).map_err(|e| Failure::input(e.to_string()))?;
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    if loaded.hook_errors > 0 {
        return Err(Failure::input(format!(
            "{}: {} hook(s) can't run (see the warnings above)",
            path.display(),
            loaded.hook_errors
        )));
    }
    println!("{}: ok", path.display());
    Ok(())
}

fn init(paths: &Paths, force: bool) -> Result<(), Failure> {
    let path = &paths.config_file;
    if path.exists() && !force {
        return Err(Failure::input(format!(
            "{} already exists; use --force to overwrite it",
            path.display()
        )));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::other(format!("{}: {e}", dir.display())))?;
    }
    std::fs::write(path, crate::config::EXAMPLE)
        .map_err(|e| Failure::other(format!("{}: {e}", path.display())))?;
    println!("wrote {}", path.display());
    Ok(())
}
