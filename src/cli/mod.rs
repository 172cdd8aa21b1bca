//! Subcommands: they print, never draw.

pub mod calendar;
pub mod config;
pub mod doctor;
pub mod export;
pub mod help;
pub mod import;
pub mod log;
pub mod offline;
pub mod plan;
pub mod review;
pub mod summary;
pub mod timer;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand};

use crate::config::{Config, Loaded, Paths};
use crate::domain::time::Now;
use crate::store::{Store, StoreError};
use crate::t;

/// serein — plan the day in timeboxes, in the terminal.
///
/// With no command, opens the Today screen. Data lives in $XDG_DATA_HOME/serein, the config
/// in $XDG_CONFIG_HOME/serein/config.toml (optional), logs in $XDG_STATE_HOME/serein.
#[derive(Debug, Parser)]
#[command(name = "serein", version, about, long_about)]
pub struct Cli {
    /// Config file to use instead of $XDG_CONFIG_HOME/serein/config.toml.
    #[arg(long, global = true, env = "SEREIN_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder for the database instead of $XDG_DATA_HOME/serein.
    #[arg(long, global = true, env = "SEREIN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Plan a day: add, list, move and remove timeboxes.
    #[command(subcommand)]
    Plan(plan::PlanCmd),
    /// Show, check or create the config file.
    #[command(subcommand)]
    Config(config::ConfigCmd),
    /// Start a focus session: a planned box by id, today's current or next box (no
    /// argument), or an unplanned one: `serein start "Write report #work" --for 45m`.
    /// Returns at once; a background `serein daemon` sends the notifications.
    Start {
        /// A box id, or a title (with an optional #domain).
        #[arg(value_name = "ID|TITLE")]
        what: Vec<String>,
        /// How long: 25m, 1h, 1h30 (default for a box: its planned length).
        #[arg(long = "for", value_name = "LENGTH", allow_hyphen_values = true)]
        length: Option<String>,
        /// Make it a break.
        #[arg(long = "break")]
        is_break: bool,
        /// Stop the running session first.
        #[arg(long)]
        replace: bool,
        /// Start work during offline hours without asking (it counts as after-hours).
        #[arg(long, short)]
        yes: bool,
    },
    /// Finish the running session now (a planned box is marked done).
    Stop {
        /// Attach a note to the session.
        #[arg(long)]
        note: Option<String>,
    },
    /// Pause the running session.
    Pause,
    /// Resume a paused session.
    Resume,
    /// Give the running session more time: `serein extend 5m`.
    Extend {
        /// How much more: 5m, 1h, 1h30.
        #[arg(value_name = "LENGTH", allow_hyphen_values = true)]
        by: String,
    },
    /// One line for a status bar (tmux, waybar, polybar, i3blocks); nothing when idle. With
    /// --follow, a line each time it changes.
    Status {
        /// Placeholders: {icon} {title} {remaining} {domain} {kind} {state} {deadline}
        /// ({{ and }} write braces); or `waybar`: waybar's custom-module JSON (text,
        /// tooltip, class, alt, percentage).
        #[arg(long)]
        format: Option<String>,
        /// state, title, domain, started, deadline, remaining_s, overrun_s.
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Keep running and print a line each time it changes (an empty line when idle).
        #[arg(long)]
        follow: bool,
    },
    /// The session log: what really happened.
    Log {
        #[command(subcommand)]
        edit: Option<log::LogCmd>,
        /// The day (today, yesterday, YYYY-MM-DD…); with --week, the week holding it.
        #[arg(long, short)]
        date: Option<String>,
        /// The whole week, Monday to Sunday: this week, or with --date that date's week.
        #[arg(long)]
        week: bool,
        /// Machine-readable output: one object per session.
        #[arg(long)]
        json: bool,
    },
    /// A guided breathing exercise, full screen: `serein breathe box --minutes 3`.
    /// Presets: coherence (default), coherence-4-6, resonance, box, 478, sigh; or your own.
    Breathe {
        /// A preset id or a custom pattern's name.
        pattern: Option<String>,
        /// How long, in minutes (default: the pattern's).
        #[arg(long, conflicts_with = "cycles", allow_hyphen_values = true)]
        minutes: Option<f64>,
        /// How many cycles instead.
        #[arg(long)]
        cycles: Option<u32>,
        /// No moving shape: the phase word and a countdown.
        #[arg(long)]
        reduce_motion: bool,
        /// List the patterns with their timings.
        #[arg(long)]
        list: bool,
    },
    /// Check what serein sees: files, the notification server, Do-Not-Disturb (a round trip
    /// that restores your setting), a leftover journal, the daemon. Exit 0 when all is well.
    Doctor,
    /// Run sessions and offline hours in the background: notifications, on_end, hooks,
    /// Do-Not-Disturb. `serein start` and the TUI start one when needed; it leaves a minute
    /// after nothing is left to do, unless --stay (for the systemd unit).
    Daemon {
        /// Keep running when idle (assets/serein.service uses this).
        #[arg(long)]
        stay: bool,
    },
    /// The week in numbers: work against the rest of life, after-hours and weekend work,
    /// breaks, rest, breathing, with sourced flags. Or totals over any range of days.
    Summary {
        /// An ISO week (2026-W47) or a date in it. Default: this week.
        #[arg(long, value_name = "WEEK")]
        week: Option<String>,
        /// Last week.
        #[arg(long)]
        last: bool,
        /// The week containing this date (today, yesterday, YYYY-MM-DD…).
        #[arg(long, short, value_name = "DATE")]
        date: Option<String>,
        /// First day of a range (with --to): totals by domain and by week.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day of the range, included.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// table (aligned, with flags), json (stable, see README), csv, markdown.
        #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
        format: SummaryFormat,
    },
    /// The weekly review: rate five life domains, note a win and what made it possible, tick
    /// a short checklist, and an optional check-in. Opens the review screen; --show prints.
    Review(crate::cli::review::ReviewArgs),
    /// Offline hours: whether we are offline now and why; go offline or online by hand.
    #[command(subcommand)]
    Offline(OfflineCmd),
    /// Calendars ([[calendar]] in the config): a day's meetings, and a check of every source.
    #[command(subcommand)]
    Calendar(calendar::CalendarCmd),
    /// Import finished intervals from Timewarrior, Watson or bartib as sessions; tags and
    /// projects map to domains by [import] in the config. Importing again adds nothing.
    Import(import::ImportCmd),
    /// Export the session log in another tool's format: `serein export timew > log.json`.
    #[command(subcommand)]
    Export(export::ExportCmd),
    /// (internal) Restores Do-Not-Disturb if the serein that started it dies.
    #[command(hide = true)]
    DndGuardian {
        #[arg(long)]
        owner: u32,
    },
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page serein(1) (roff) to standard output, or with --dir write it and a
    /// page for every subcommand (serein-plan(1), serein-plan-add(1)…) into a folder.
    Man {
        /// Write serein.1 and every serein-*.1 page here (created if needed) instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum OfflineCmd {
    /// Offline now? Why (schedule, focus box, manual), until when, and the backend.
    Status,
    /// Go offline now: Do-Not-Disturb on, for a while.
    On {
        /// How long: 2h, 45m (default 1h).
        #[arg(long = "for", value_name = "LENGTH", conflicts_with = "until")]
        length: Option<String>,
        /// Until a time today (or tomorrow if it has passed): 18:00.
        #[arg(long, value_name = "HH:MM")]
        until: Option<String>,
    },
    /// Go online now, until the schedule next changes.
    Off,
}

/// `serein summary --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

/// The exit status of a command that failed (success is 0). The README documents both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 1: the request was understood but could not be carried out — the database, a file,
    /// the desktop, a `doctor` check.
    Failure = 1,
    /// 2: bad input — an argument, the config file, a request refused as it stands; nothing
    /// was changed. clap exits 2 for its own usage errors too.
    Usage = 2,
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(e as u8)
    }
}

/// An error for the user: a message for stderr and the exit status it deserves.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
    /// A store error whose message doesn't name the database file ([`name_db`] adds it).
    unnamed_db: bool,
}

impl Failure {
    /// Bad input ([`Exit::Usage`]).
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            exit: Exit::Usage,
            message: message.into(),
            unnamed_db: false,
        }
    }
    /// Anything else ([`Exit::Failure`]).
    pub fn other(message: impl Into<String>) -> Failure {
        Failure {
            exit: Exit::Failure,
            message: message.into(),
            unnamed_db: false,
        }
    }
}

/// A session already running is a refusal of the request as it stands (usage); every other
/// store error — a foreign, newer or damaged file, SQLite, a migration — is a failure.
impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        let message = store_message(&e);
        match e {
            StoreError::SessionActive { .. } => Failure::input(message),
            StoreError::Sqlite(_) | StoreError::Migration(_) => Failure {
                unnamed_db: true,
                ..Failure::other(message)
            },
            StoreError::NotSerein { .. }
            | StoreError::TooNew { .. }
            | StoreError::Corrupt { .. }
            | StoreError::Io { .. } => Failure::other(message),
        }
    }
}

/// A store error in the user's language (the English messages are `StoreError`'s own).
fn store_message(e: &StoreError) -> String {
    match e {
        StoreError::SessionActive { title } => t!("store-session-active", title = title),
        StoreError::NotSerein { path, why } => t!("store-not-serein", path = path, why = why),
        StoreError::TooNew { path, found, known } => {
            t!("store-too-new", path = path, found = *found, known = *known)
        }
        StoreError::Corrupt { path, detail } => {
            t!("store-corrupt", path = path, detail = detail)
        }
        StoreError::Io { path, source } => format!("{path}: {source}"),
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::DiskFull =>
        {
            t!("store-disk-full", error = e.to_string())
        }
        StoreError::Sqlite(s) => t!("store-sqlite", error = s.to_string()),
        StoreError::Migration(m) => t!("store-migration", error = m.to_string()),
    }
}

/// Reading the terminal or writing the output failed.
impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::other(e.to_string())
    }
}

/// Writing JSON output failed (the values always serialize; only the writer can fail).
impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        Failure::other(e.to_string())
    }
}

/// `serein breathe --list`.
fn breathe_list(cfg: &Config) -> Result<(), Failure> {
    for p in cfg.breathing.patterns() {
        let len = crate::ui::breathe::length_text(&p);
        let mark = if p.id == cfg.breathing.default_pattern {
            "*"
        } else {
            " "
        };
        println!(
            "{mark} {:<14} {:<28} {:<30} {:>5.2}/min  {len}",
            p.id,
            crate::app::breathe::pattern_name(&p),
            p.timings(),
            p.per_minute()
        );
    }
    println!("\n{}", crate::domain::breath::safety::GENERAL);
    Ok(())
}

/// The exercise `serein breathe PATTERN [--minutes|--cycles]` asks for, or a clear error.
pub fn breathe_exercise(
    cfg: &Config,
    pattern: Option<&str>,
    minutes: Option<f64>,
    cycles: Option<u32>,
) -> Result<crate::domain::breath::Exercise, Failure> {
    use crate::domain::breath::Exercise;
    let id = pattern.unwrap_or(&cfg.breathing.default_pattern);
    let p = cfg.breathing.pattern(id).ok_or_else(|| {
        let names: Vec<String> = cfg.breathing.patterns().into_iter().map(|p| p.id).collect();
        Failure::input(t!(
            "cli-no-breathing-pattern",
            id = format!("{id:?}"),
            known = names.join(", ")
        ))
    })?;
    let e = match (minutes, cycles) {
        (Some(m), _) => Exercise::with_minutes(p, m),
        (_, Some(c)) => Exercise::with_cycles(p, c),
        _ => Ok(Exercise::default_for(p)),
    };
    e.map_err(|e| Failure::input(t!("cli-cant-breathe", error = e.to_string())))
}

/// The command tree the man pages are made of, in the user's language: without the `help`
/// subcommand, which has no page of its own to refer to.
fn man_command() -> clap::Command {
    help::built(Cli::command().disable_help_subcommand(true))
}

/// One man page as roff, its section headings in the user's language.
fn man_page(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut roff)?;
    Ok(help::man_sections(&String::from_utf8_lossy(&roff)).into_bytes())
}

/// `serein man [--dir DIR]`: serein(1) on standard output, or every page into DIR. serein(1)
/// lists its subcommands as serein-plan(1)…, which are the pages `--dir` writes.
fn man(dir: Option<&Path>) -> Result<(), Failure> {
    use std::io::Write;
    let Some(dir) = dir else {
        std::io::stdout().write_all(&man_page(man_command())?)?;
        return Ok(());
    };
    let named = |e: std::io::Error| Failure::other(format!("{}: {e}", dir.display()));
    std::fs::create_dir_all(dir).map_err(named)?;
    // As clap_mangen::generate_to: a page for every command that isn't hidden.
    fn write_all(cmd: clap::Command, dir: &Path) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            write_all(sub.clone(), dir)?;
        }
        let file = dir.join(clap_mangen::Man::new(cmd.clone()).get_filename());
        std::fs::write(file, man_page(cmd)?)
    }
    write_all(man_command(), dir).map_err(named)?;
    println!("{}", t!("cli-man-wrote", dir = dir.display().to_string()));
    Ok(())
}

/// Names the database file in a store failure that doesn't already (e.g. a read-only file).
fn name_db(f: Failure, db: &Path) -> Failure {
    if f.unnamed_db {
        Failure::other(format!("{}: {}", db.display(), f.message))
    } else {
        f
    }
}

/// Opens the database for a command.
pub(crate) fn open_store(paths: &Paths) -> Result<Store, Failure> {
    Ok(Store::open(&paths.db_file())?)
}

/// Parses a box id as `serein plan list` shows it, `#12`, or bare, `12`.
///
/// Ids: boxes are `#12` (as in `plan list`), sessions `s12` (as in `serein log`); each
/// command that takes one accepts its own form and the bare number, and refuses the other
/// kind's form with a message saying which id is which.
pub fn box_id(s: &str) -> Result<i64, String> {
    let t = s.trim();
    if let Some(n) = t
        .strip_prefix(['s', 'S'])
        .and_then(|n| n.parse::<i64>().ok())
    {
        return Err(t!(
            "cli-session-id-not-box-id",
            id = format!("{t:?}"),
            n = n.to_string()
        ));
    }
    t.strip_prefix('#')
        .unwrap_or(t)
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| t!("cli-not-a-box-id", id = format!("{s:?}")))
}

/// Parses a session id as `serein log` shows it, `s12`, or bare, `12` (see [`box_id`]).
pub fn session_id(s: &str) -> Result<i64, String> {
    let t = s.trim();
    if let Some(n) = t.strip_prefix('#') {
        return Err(t!(
            "cli-box-id-not-session-id",
            id = format!("{t:?}"),
            n = n
        ));
    }
    t.strip_prefix(['s', 'S'])
        .unwrap_or(t)
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| t!("cli-not-a-session-id", id = format!("{s:?}")))
}

/// Parses a day in English or French: `today`, `tomorrow`, `yesterday`, `aujourd'hui`,
/// `demain`, `hier`, a weekday (`monday`, `lundi`: the next one, today included), `23/11`,
/// `23/11/2026` (day first; US month/day is refused) or `YYYY-MM-DD`
/// ([`crate::domain::parse::parse_day`]).
pub fn parse_date(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    use crate::domain::parse::{DayError, parse_day};
    let value = s.to_string();
    parse_day(s, today).map_err(|e| match e {
        DayError::Unknown => crate::t!("input-date-unknown", value = value),
        DayError::MonthDay { day, month } => {
            crate::t!(
                "input-date-month-day",
                value = value,
                day = day,
                month = month
            )
        }
        DayError::Year => crate::t!("input-date-year", value = value),
    })
}

/// Runs a subcommand. `config` is loaded lazily so `config path|check|init` work on a
/// broken file.
pub fn run(
    cmd: Command,
    paths: &Paths,
    load: impl Fn() -> Result<Loaded, Failure>,
    clock: &dyn crate::shell::clock::Clock,
) -> Result<(), Failure> {
    let now = clock.stamp();
    dispatch(cmd, paths, &load, clock, now).map_err(|f| name_db(f, &paths.db_file()))
}

fn dispatch(
    cmd: Command,
    paths: &Paths,
    load: &dyn Fn() -> Result<Loaded, Failure>,
    clock: &dyn crate::shell::clock::Clock,
    now: Now,
) -> Result<(), Failure> {
    match cmd {
        Command::Plan(c) => plan::run(c, &load()?.config, paths, now),
        Command::Config(c) => config::run(c, paths),
        Command::Start {
            what,
            length,
            is_break,
            replace,
            yes,
        } => {
            let req = timer::StartRequest {
                what: &what,
                length: length.as_deref(),
                is_break,
                replace,
                yes,
            };
            timer::start(paths, &load()?.config, now, req)
        }
        Command::Stop { note } => timer::stop(paths, &load()?.config, now, note),
        Command::Pause => timer::pause(paths, &load()?.config, now, false),
        Command::Resume => timer::pause(paths, &load()?.config, now, true),
        Command::Extend { by } => timer::extend(paths, now, &by),
        Command::Status {
            format,
            json,
            follow,
        } => timer::status(paths, clock, format.as_deref(), json, follow),
        Command::Log {
            edit,
            date,
            week,
            json,
        } => {
            let show = log::Show {
                date: date.as_deref(),
                week,
                json,
            };
            log::run(edit, show, paths, now)
        }
        Command::Doctor => doctor::doctor(paths),
        Command::Breathe { list: true, .. } => breathe_list(&load()?.config),
        Command::Breathe { .. } => Err(Failure::other(t!("cli-breathe-needs-terminal"))),
        Command::Offline(c) => offline::run(c, paths, &load()?.config, now),
        Command::Calendar(c) => calendar::run(c, &load()?.config, now),
        Command::Import(c) => import::run(c, paths, &load()?.config, now),
        Command::Export(c) => export::run(c, paths, now),
        Command::Review(a) if a.show => review::show(&a, paths, now.local.date()),
        Command::Review(_) => Err(Failure::other(t!("cli-review-needs-terminal"))),
        Command::Summary {
            week,
            last,
            date,
            from,
            to,
            format,
        } => {
            let span = summary::span(
                week.as_deref(),
                last,
                date.as_deref(),
                from.as_deref(),
                to.as_deref(),
                now.local.date(),
            )?;
            summary::run(span, format, paths, &load()?.config, now)
        }
        Command::DndGuardian { owner } => {
            crate::notify::enforcer::guardian_main(&paths.db_file(), owner)
                .map_err(|e| Failure::other(e.to_string()))
        }
        Command::Daemon { stay } => crate::shell::daemon::run(paths, load()?.config, clock, stay)
            .map_err(|e| Failure::other(e.to_string())),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut help::command(),
                "serein",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        Command::Man { dir } => man(dir.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every subcommand and argument shown by `--help` has a description (hidden ones aside).
    #[test]
    fn every_command_and_argument_has_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if a.is_hide_set() || id == "help" || id == "version" {
                    continue;
                }
                if a.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                    missing.push(format!("{path} <{id}>"));
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.is_hide_set() || sub.get_name() == "help" {
                    continue;
                }
                let sub_path = format!("{path} {}", sub.get_name());
                if sub
                    .get_about()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    missing.push(sub_path.clone());
                }
                walk(sub, &sub_path, missing);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "serein", &mut missing);
        assert!(
            missing.is_empty(),
            "no help text for:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let cases = [
            ("today", Ok("2026-11-23")),
            ("Tomorrow", Ok("2026-11-24")),
            ("yesterday", Ok("2026-11-22")),
            ("2027-01-02", Ok("2027-01-02")),
            ("2026-13-01", Err("YYYY-MM-DD")),
            ("next week", Err("not understood")),
        ];
        for (s, want) in cases {
            match (parse_date(s, today), want) {
                (Ok(d), Ok(w)) => assert_eq!(d.to_string(), w),
                (Err(e), Err(frag)) => assert!(e.contains(frag), "{e}"),
                (got, w) => panic!("{s}: {got:?} vs {w:?}"),
            }
        }
    }

    #[test]
    fn store_errors_map_to_exit_codes_and_name_the_database() {
        let path = || "/data/serein.db".to_string();
        let cases = [
            (
                StoreError::SessionActive { title: "x".into() },
                Exit::Usage,
                false,
            ),
            (
                StoreError::NotSerein {
                    path: path(),
                    why: "not SQLite".into(),
                },
                Exit::Failure,
                false,
            ),
            (
                StoreError::TooNew {
                    path: path(),
                    found: 9,
                    known: 1,
                },
                Exit::Failure,
                false,
            ),
            (
                StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows),
                Exit::Failure,
                true,
            ),
        ];
        let db = Path::new("/data/serein.db");
        for (e, exit, unnamed) in cases {
            let shown = e.to_string();
            let f = name_db(Failure::from(e), db);
            assert_eq!(f.exit, exit, "{shown}");
            let named = f.message.starts_with("/data/serein.db: ");
            assert_eq!(named, unnamed, "{}", f.message);
            assert!(f.message.ends_with(&shown), "{}", f.message);
        }
        // A usage message that happens to start like a store error is left alone.
        let f = name_db(Failure::input("database error: made up"), db);
        assert_eq!(f.message, "database error: made up");
    }
}
