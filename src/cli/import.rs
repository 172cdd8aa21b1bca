//! `serein import timew|watson|bartib [PATH]`: other trackers' finished intervals become
//! finished sessions, each once (importing again adds nothing), all in one transaction.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::cli::{Failure, open_store};
use crate::config::{Config, Paths};
use crate::domain::import::{Parsed, bartib, timew, watson};
use crate::domain::plan::dur;
use crate::domain::time::Now;
use crate::store::Imported;

#[derive(Debug, Args)]
pub struct ImportCmd {
    #[command(subcommand)]
    pub from: ImportFrom,
    /// Show what would be imported; change nothing.
    #[arg(long, global = true)]
    pub dry_run: bool,
    /// Leave out lines that can't be read (listed with file:line) instead of refusing the
    /// whole import.
    #[arg(long, global = true)]
    pub skip_bad: bool,
}

#[derive(Debug, Subcommand)]
pub enum ImportFrom {
    /// Timewarrior: its data folder (default $TIMEWARRIORDB/data, else ~/.timewarrior/data,
    /// else $XDG_DATA_HOME/timewarrior/data), one YYYY-MM.data file, or the JSON of
    /// `timew export` (a file, or - for standard input).
    Timew {
        /// A data folder, a YYYY-MM.data file, `timew export` JSON, or - (default: found).
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// Watson: its `frames` file (default $WATSON_DIR/frames, else
    /// $XDG_CONFIG_HOME/watson/frames, else ~/.config/watson/frames), or - for standard input.
    Watson {
        /// Watson's frames file, or - (default: found as above).
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// bartib: its activity file (the one given to bartib with -f or $BARTIB_FILE), or - for
    /// standard input. Its wall times are read in the local time zone.
    Bartib {
        /// bartib's activity file, or - for standard input.
        #[arg(value_name = "PATH", env = "BARTIB_FILE")]
        path: PathBuf,
    },
}

/// Most lines listed for each kind of problem; the rest are counted.
const LIST_MAX: usize = 20;

fn env_path(key: &str) -> Option<PathBuf> {
    std::env::var_os(key)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn home() -> Option<PathBuf> {
    env_path("HOME")
}

fn read(path: &Path) -> Result<String, Failure> {
    if path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure::other(crate::t!("cliimport-stdin", error = e.to_string())))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| Failure::other(format!("{}: {e}", path.display())))
}

/// The name a message gives the input.
fn shown(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

/// Timewarrior's data folder when no PATH is given, as timew finds it.
fn timew_default() -> Result<PathBuf, Failure> {
    let mut tried = Vec::new();
    if let Some(db) = env_path("TIMEWARRIORDB") {
        return Ok(db.join("data"));
    }
    if let Some(h) = home() {
        tried.push(h.join(".timewarrior/data"));
    }
    match env_path("XDG_DATA_HOME") {
        Some(x) => tried.push(x.join("timewarrior/data")),
        None => tried.extend(home().map(|h| h.join(".local/share/timewarrior/data"))),
    }
    tried.iter().find(|p| p.is_dir()).cloned().ok_or_else(|| {
        let list: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
        Failure::input(crate::t!("cliimport-no-timew", tried = list.join(", ")))
    })
}

/// Reads Timewarrior from a data folder (or the folder above it), a data file or JSON.
fn read_timew(path: Option<PathBuf>) -> Result<Parsed, Failure> {
    let path = match path {
        Some(p) => p,
        None => timew_default()?,
    };
    if path.is_dir() {
        let dir = if path.join("data").is_dir() {
            path.join("data")
        } else {
            path
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| Failure::other(format!("{}: {e}", dir.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_month_file)
            })
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Failure::input(crate::t!(
                "cliimport-no-timew-files",
                dir = dir.display().to_string()
            )));
        }
        let mut out = Parsed::default();
        for f in files {
            out.extend(timew::parse_data(&read(&f)?, &f.display().to_string()));
        }
        return Ok(out);
    }
    let text = read(&path)?;
    let name = shown(&path);
    Ok(if text.trim_start().starts_with('[') {
        timew::parse_json(&text, &name)
    } else {
        timew::parse_data(&text, &name)
    })
}

/// `2026-11.data`: one month of timew intervals (not tags.data or undo.data).
fn is_month_file(name: &str) -> bool {
    let b = name.as_bytes();
    name.len() == 12
        && name.ends_with(".data")
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..7]).all(u8::is_ascii_digit)
}

fn watson_default() -> PathBuf {
    let dir = env_path("WATSON_DIR")
        .or_else(|| env_path("XDG_CONFIG_HOME").map(|x| x.join("watson")))
        .or_else(|| home().map(|h| h.join(".config/watson")))
        .unwrap_or_else(|| PathBuf::from(".config/watson"));
    dir.join("frames")
}

/// Runs `serein import`.
pub fn run(cmd: ImportCmd, paths: &Paths, cfg: &Config, now: Now) -> Result<(), Failure> {
    let (tool, parsed) = match cmd.from {
        ImportFrom::Timew { path } => ("Timewarrior", read_timew(path)?),
        ImportFrom::Watson { path } => {
            let mut p = path.unwrap_or_else(watson_default);
            if p.is_dir() {
                p = p.join("frames");
            }
            ("Watson", watson::parse(&read(&p)?, &shown(&p)))
        }
        ImportFrom::Bartib { path } => (
            "bartib",
            bartib::parse(&read(&path)?, &shown(&path), now.zone),
        ),
    };
    if !parsed.bad.is_empty() && !cmd.skip_bad {
        let mut lines: Vec<String> = parsed
            .bad
            .iter()
            .take(LIST_MAX)
            .map(|b| b.to_string())
            .collect();
        if parsed.bad.len() > LIST_MAX {
            lines.push(crate::t!(
                "cliimport-and-more",
                n = parsed.bad.len() - LIST_MAX
            ));
        }
        lines.push(crate::t!("cliimport-bad-lines", n = parsed.bad.len()));
        return Err(Failure::input(lines.join("\n")));
    }
    let map = cfg.import_mapping();
    let rows: Vec<_> = parsed
        .records
        .iter()
        .map(|r| r.to_row(&map, now.zone))
        .collect();
    let mut store = open_store(paths)?;
    let outcome = store.import_sessions(&rows, cmd.dry_run)?;

    let mut out = std::io::stdout().lock();
    let mut added_s = 0;
    let mut by_domain: BTreeMap<&str, i64> = BTreeMap::new();
    let mut present = 0;
    for (row, o) in rows.iter().zip(&outcome) {
        match o {
            Imported::Added(_) => {
                let secs = (row.ended - row.started).num_seconds();
                added_s += secs;
                *by_domain.entry(row.domain.as_str()).or_default() += secs;
                if cmd.dry_run {
                    let t = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&now.zone);
                    writeln!(
                        out,
                        "  + {}-{}  {:<9} {:<6} {}{}",
                        t(row.started).format("%Y-%m-%d %H:%M"),
                        t(row.ended).format("%H:%M"),
                        row.domain,
                        row.kind.as_str(),
                        row.title,
                        row.note
                            .as_deref()
                            .map(|n| format!(" · “{n}”"))
                            .unwrap_or_default()
                    )?;
                }
            }
            Imported::Present => present += 1,
        }
    }
    let added = outcome.len() - present;
    let skipped = parsed.skipped.len() + parsed.bad.len();
    let domains: Vec<String> = by_domain
        .iter()
        .map(|(d, s)| format!("{d} {}", dur((s / 60) as u32)))
        .collect();
    let time = if domains.is_empty() {
        dur((added_s / 60) as u32)
    } else {
        format!("{}: {}", dur((added_s / 60) as u32), domains.join(", "))
    };
    writeln!(
        out,
        "{}",
        crate::t!(
            "cliimport-summary",
            dry = if cmd.dry_run { "yes" } else { "no" },
            n = added,
            tool = tool.to_string(),
            time = time,
            present = present,
            skipped = skipped
        )
    )?;
    let mut reasons: Vec<String> = parsed
        .skipped
        .iter()
        .map(|s| {
            let what = format!("{}: {}", s.at, s.reason);
            format!("  {}", crate::t!("cliimport-skipped", what = what))
        })
        .chain(
            parsed
                .bad
                .iter()
                .map(|b| format!("  {}", crate::t!("cliimport-skipped", what = b.to_string()))),
        )
        .collect();
    if reasons.len() > LIST_MAX {
        let more = reasons.len() - LIST_MAX;
        reasons.truncate(LIST_MAX);
        reasons.push(format!("  {}", crate::t!("cliimport-and-more", n = more)));
    }
    for r in reasons {
        writeln!(out, "{r}")?;
    }
    if cmd.dry_run {
        writeln!(out, "{}", crate::t!("cliimport-dry-run"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_files() {
        for (name, want) in [
            ("2026-11.data", true),
            ("1999-01.data", true),
            ("tags.data", false),
            ("undo.data", false),
            ("2026-11.data~", false),
            ("2026_11.data", false),
        ] {
            assert_eq!(is_month_file(name), want, "{name}");
        }
    }
}
