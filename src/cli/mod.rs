//! Subcommands: they print, never draw.

pub mod doctor;
pub mod offline;
pub mod review;
pub mod summary;
pub mod timer;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::{Datelike, Duration, NaiveDate};
use clap::{Args, CommandFactory, Parser, Subcommand};
use serde::Serialize;

use crate::config::{Config, Loaded, Paths};
use crate::domain::parse;
use crate::domain::plan::{self, Timebox, dur, hhmm};
use crate::store::{Change, Store};

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
    Plan(PlanCmd),
    /// Show, check or create the config file.
    #[command(subcommand)]
    Config(ConfigCmd),
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
        #[arg(value_name = "LENGTH", allow_hyphen_values = true)]
        by: String,
    },
    /// One line for a status bar (tmux, waybar, polybar); nothing when idle.
    Status {
        /// Placeholders: {icon} {title} {remaining} {domain} {kind} {state} {deadline}.
        #[arg(long)]
        format: Option<String>,
        /// state, title, domain, started, deadline, remaining_s, overrun_s.
        #[arg(long, conflicts_with = "format")]
        json: bool,
    },
    /// The session log: what really happened.
    Log {
        #[command(subcommand)]
        edit: Option<LogCmd>,
        /// The day (today, yesterday, YYYY-MM-DD…).
        #[arg(long, short, conflicts_with = "week")]
        date: Option<String>,
        /// This week, Monday to Sunday (with --date: that date's week).
        #[arg(long)]
        week: bool,
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
    /// (internal) Restores Do-Not-Disturb if the serein that started it dies.
    #[command(hide = true)]
    DndGuardian {
        #[arg(long)]
        owner: u32,
    },
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to standard output.
    Man,
}

#[derive(Debug, Args)]
pub struct DateArg {
    /// The day: today, tomorrow, yesterday or YYYY-MM-DD.
    #[arg(long, short, default_value = "today", value_name = "DAY")]
    pub date: String,
}

#[derive(Debug, Subcommand)]
pub enum PlanCmd {
    /// Add a box: "09:00-10:30 Write report #work", "14:00 +30m Call #family", "45m Inbox"
    /// (next free slot). Quote it: the shell treats a word starting with # as a comment.
    Add {
        /// The box, in one or more words.
        #[arg(required = true, num_args = 1.., value_name = "BOX")]
        text: Vec<String>,
        #[command(flatten)]
        date: DateArg,
    },
    /// List the boxes of a day.
    #[command(alias = "ls")]
    List {
        #[command(flatten)]
        date: DateArg,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Remove a box by id.
    Rm { id: i64 },
    /// Move a box to a new start time, keeping its length.
    Move {
        id: i64,
        /// New start, e.g. 14:30.
        #[arg(value_name = "HH:MM")]
        start: String,
    },
    /// Mark a box done (or not done with --undo).
    Done {
        id: i64,
        #[arg(long)]
        undo: bool,
    },
    /// Remove every box of a day.
    Clear {
        #[command(flatten)]
        date: DateArg,
        /// Don't ask for confirmation.
        #[arg(long, short)]
        yes: bool,
    },
    /// Copy a [[template]] from the config into a day.
    ApplyTemplate {
        name: String,
        #[command(flatten)]
        date: DateArg,
    },
    /// Copy the previous day's unfinished boxes into a day.
    CopyUnfinished {
        #[command(flatten)]
        date: DateArg,
    },
    /// List the templates from the config.
    Templates,
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

#[derive(Debug, Subcommand)]
pub enum LogCmd {
    /// Fix a recorded session's times (local, on its day) or note.
    Edit {
        id: i64,
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
        #[arg(long, value_name = "HH:MM")]
        end: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove a recorded session.
    Rm { id: i64 },
}

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

/// An error for the user, with the exit code it deserves (2: bad input, 1: anything else).
/// `serein summary --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
    pub fn other(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure::other(e.to_string())
    }
}

/// `serein breathe --list`.
fn breathe_list(cfg: &Config) -> Result<(), Failure> {
    use crate::domain::breath::Exercise;
    for p in cfg.breathing.patterns() {
        let e = Exercise::default_for(p.clone());
        let len = match p.default_cycles {
            Some(c) => format!("{c} cycles"),
            None => format!("{} min", (e.total_secs() / 60.0).round()),
        };
        let mark = if p.id == cfg.breathing.default_pattern {
            "*"
        } else {
            " "
        };
        println!(
            "{mark} {:<14} {:<28} {:<30} {:>5.2}/min  {len}",
            p.id,
            p.name,
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
        Failure::input(format!(
            "no breathing pattern {id:?}; known: {} (see `serein breathe --list`)",
            names.join(", ")
        ))
    })?;
    let e = match (minutes, cycles) {
        (Some(m), _) => Exercise::with_minutes(p, m),
        (_, Some(c)) => Exercise::with_cycles(p, c),
        _ => Ok(Exercise::default_for(p)),
    };
    e.map_err(|e| Failure::input(format!("can't breathe like that: {e}")))
}

/// Names the database file in a store failure that doesn't already (e.g. a read-only file).
fn name_db(f: Failure, db: &std::path::Path) -> Failure {
    if f.code == 1 && f.message.starts_with("database error") {
        Failure::other(format!("{}: {}", db.display(), f.message))
    } else {
        f
    }
}

/// Parses `today`, `tomorrow`, `yesterday` or `YYYY-MM-DD`.
pub fn parse_date(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    match s.trim().to_lowercase().as_str() {
        "today" | "" => Ok(today),
        "tomorrow" => Ok(today + Duration::days(1)),
        "yesterday" => Ok(today - Duration::days(1)),
        other => {
            let d = NaiveDate::parse_from_str(other, "%Y-%m-%d").map_err(|_| {
                format!(
                    "date {s:?} not understood; expected today, tomorrow, yesterday or YYYY-MM-DD"
                )
            })?;
            // Far-off years are typos, and date arithmetic near chrono's limits would panic.
            if !(1000..=9999).contains(&d.year()) {
                return Err(format!(
                    "date {s:?} is out of range; expected a year from 1000 to 9999"
                ));
            }
            Ok(d)
        }
    }
}

/// Runs a subcommand. `config` is loaded lazily so `config path|check|init` work on a
/// broken file.
pub fn run(
    cmd: Command,
    paths: &Paths,
    load: impl Fn() -> Result<Loaded, Failure>,
    clock: &dyn crate::shell::clock::Clock,
) -> Result<(), Failure> {
    use crate::cli::timer as t;
    let now = clock.stamp();
    let db = paths.db_file();
    let in_db = |r: Result<(), Failure>| r.map_err(|f| name_db(f, &db));
    match cmd {
        Command::Start {
            what,
            length,
            is_break,
            replace,
            yes,
        } => in_db(t::start(
            yes,
            paths,
            &load()?.config,
            now,
            &what,
            length.as_deref(),
            is_break,
            replace,
        )),
        Command::Stop { note } => in_db(t::stop(paths, &load()?.config, now, note)),
        Command::Pause => in_db(t::pause(paths, &load()?.config, now, false)),
        Command::Resume => in_db(t::pause(paths, &load()?.config, now, true)),
        Command::Extend { by } => in_db(t::extend(paths, now, &by)),
        Command::Status { format, json } => in_db(t::status(paths, now, format.as_deref(), json)),
        Command::Log {
            edit:
                Some(LogCmd::Edit {
                    id,
                    start,
                    end,
                    note,
                }),
            ..
        } => in_db(t::log_edit(
            paths,
            now,
            id,
            start.as_deref(),
            end.as_deref(),
            note,
        )),
        Command::Log {
            edit: Some(LogCmd::Rm { id }),
            ..
        } => in_db(t::log_rm(paths, id)),
        Command::Log {
            edit: None,
            date,
            week,
            json,
        } => in_db(t::log(paths, now, date.as_deref(), week, json)),
        Command::Doctor => crate::cli::doctor::doctor(paths),
        Command::Breathe { list: true, .. } => breathe_list(&load()?.config),
        Command::Breathe { .. } => Err(Failure::other("serein breathe needs a terminal")),
        Command::Offline(c) => crate::cli::offline::run(c, paths, &load()?.config, now),
        Command::Review(a) if a.show => {
            in_db(crate::cli::review::show(&a, paths, now.local.date()))
        }
        Command::Review(_) => Err(Failure::other("serein review needs a terminal")),
        Command::Summary {
            week,
            last,
            date,
            from,
            to,
            format,
        } => {
            let today = now.local.date();
            let span = crate::cli::summary::span(
                week.as_deref(),
                last,
                date.as_deref(),
                from.as_deref(),
                to.as_deref(),
                today,
            )?;
            in_db(crate::cli::summary::run(
                span,
                format,
                paths,
                &load()?.config,
                now,
            ))
        }
        Command::DndGuardian { owner } => {
            crate::notify::enforcer::guardian_main(&paths.db_file(), owner)
                .map_err(|e| Failure::other(e.to_string()))
        }
        Command::Daemon { stay } => crate::shell::daemon::run(paths, load()?.config, clock, stay)
            .map_err(|e| Failure::other(e.to_string())),
        Command::Config(c) => config_cmd(c, paths),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "serein", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
            Ok(())
        }
        Command::Plan(p) => {
            let loaded = load()?;
            let db = paths.db_file();
            let mut store = Store::open(&db)?;
            plan_cmd(p, &loaded.config, &mut store, now).map_err(|f| name_db(f, &db))
        }
    }
}

fn config_cmd(c: ConfigCmd, paths: &Paths) -> Result<(), Failure> {
    let path = &paths.config_file;
    match c {
        ConfigCmd::Path => {
            let state = if path.exists() {
                "exists"
            } else {
                "not created; defaults apply"
            };
            println!("{} ({state})", path.display());
            Ok(())
        }
        ConfigCmd::Check => {
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
        ConfigCmd::Init { force } => {
            if path.exists() && !force {
                return Err(Failure::input(format!(
                    "{} already exists; use --force to overwrite it",
                    path.display()
                )));
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(path, crate::config::EXAMPLE)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}", path.display());
            Ok(())
        }
    }
}

#[derive(Serialize)]
struct JsonBox<'a> {
    id: i64,
    date: NaiveDate,
    start: String,
    end: String,
    /// Real minutes (a box across a DST change is shorter or longer than its wall times).
    minutes: u32,
    title: &'a str,
    domain: &'a str,
    kind: &'a str,
    done: bool,
}

#[derive(Serialize)]
struct JsonDay<'a> {
    date: NaiveDate,
    boxes: Vec<JsonBox<'a>>,
    work_minutes: u32,
    work_limit_minutes: u32,
    overlapping_ids: Vec<i64>,
}

fn describe(b: &Timebox) -> String {
    let tag = if b.kind == plan::Kind::Break {
        "break".to_string()
    } else {
        b.domain.clone()
    };
    format!(
        "#{} {}-{} {} ({tag})",
        b.id,
        hhmm(b.start),
        hhmm(b.end),
        b.title
    )
}

fn warn_overlaps(store: &Store, b: &Timebox) -> Result<(), Failure> {
    for o in store
        .day(b.date)?
        .iter()
        .filter(|o| o.id != b.id && o.overlaps(b))
    {
        eprintln!("warning: overlaps {}", describe(o));
    }
    Ok(())
}

/// Inserts boxes in one transaction and prints each with its new id.
fn insert_and_report(store: &mut Store, boxes: Vec<plan::NewTimebox>) -> Result<(), Failure> {
    let ids = store.apply(&Change {
        insert: boxes.clone(),
        ..Change::default()
    })?;
    for (id, nb) in ids.into_iter().zip(boxes) {
        println!("added {}", describe(&Timebox::from_new(id, nb)));
    }
    Ok(())
}

fn plan_cmd(
    p: PlanCmd,
    cfg: &Config,
    store: &mut Store,
    now: crate::domain::time::Now,
) -> Result<(), Failure> {
    let today = now.local.date();
    let date_of = |d: &DateArg| parse_date(&d.date, today).map_err(Failure::input);
    let from_for = |date: NaiveDate| {
        if date == today {
            crate::domain::time::minute_of_day(now.local).max(cfg.day_start.0)
        } else {
            cfg.day_start.0
        }
    };
    match p {
        PlanCmd::Add { text, date } => {
            let date = date_of(&date)?;
            let text = text.join(" ");
            let draft = parse::parse(&text, &cfg.domain_names())
                .map_err(|e| Failure::input(format!("can't add {text:?}: {e}")))?;
            let existing = store.day(date)?;
            let nb = plan::place(&draft, &existing, date, from_for(date), &cfg.default_domain)
                .map_err(|e| Failure::input(format!("can't add {text:?}: {e}")))?;
            let id = store.insert(&nb)?;
            let b = Timebox::from_new(id, nb);
            println!("added {}", describe(&b));
            warn_overlaps(store, &b)
        }
        PlanCmd::List { date, json } => {
            let date = date_of(&date)?;
            let boxes = store.day(date)?;
            let work = plan::work_minutes_in(&boxes, &cfg.work_domains(), date, &now.zone);
            let limit = cfg.work_limit_minutes();
            let overlapping = plan::overlapping_ids(&boxes);
            let mut out = std::io::stdout().lock();
            if json {
                let day = JsonDay {
                    date,
                    boxes: boxes
                        .iter()
                        .map(|b| JsonBox {
                            id: b.id,
                            date: b.date,
                            start: hhmm(b.start),
                            end: hhmm(b.end),
                            minutes: plan::real_len(b, &now.zone),
                            title: &b.title,
                            domain: &b.domain,
                            kind: b.kind.as_str(),
                            done: b.done,
                        })
                        .collect(),
                    work_minutes: work,
                    work_limit_minutes: limit,
                    overlapping_ids: overlapping,
                };
                serde_json::to_writer_pretty(&mut out, &day)?;
                writeln!(out)?;
                return Ok(());
            }
            writeln!(out, "{}", date.format("%A %d %B %Y"))?;
            if boxes.is_empty() {
                writeln!(out, "  no boxes")?;
            }
            let id_w = boxes
                .iter()
                .map(|b| b.id.to_string().len())
                .max()
                .unwrap_or(1);
            for b in &boxes {
                let tag = if b.kind == plan::Kind::Break {
                    "break"
                } else {
                    b.domain.as_str()
                };
                let mark = match (b.done, overlapping.contains(&b.id)) {
                    (true, _) => " ✓",
                    (false, true) => " ⚠ overlap",
                    _ => "",
                };
                writeln!(
                    out,
                    "  #{:<id_w$}  {}-{}  {:>5}  {:<9} {}{mark}",
                    b.id,
                    hhmm(b.start),
                    hhmm(b.end),
                    dur(plan::real_len(b, &now.zone)),
                    tag,
                    b.title,
                )?;
            }
            let over = if work > limit {
                format!(" — over by {}", dur(work - limit))
            } else {
                String::new()
            };
            writeln!(out, "  work {} of {}{over}", dur(work), dur(limit))?;
            Ok(())
        }
        PlanCmd::Rm { id } => match store.delete(id)? {
            Some(b) => {
                println!("removed {}", describe(&b));
                Ok(())
            }
            None => Err(Failure::input(format!(
                "no box with id {id} (see `serein plan list`)"
            ))),
        },
        PlanCmd::Move { id, start } => {
            let b = store.get(id)?.ok_or_else(|| {
                Failure::input(format!("no box with id {id} (see `serein plan list`)"))
            })?;
            let to = parse::parse_clock(&start)
                .filter(|m| *m < plan::DAY_MINUTES)
                .ok_or_else(|| {
                    Failure::input(format!(
                        "{start:?} is not a start time; expected HH:MM, e.g. 14:30"
                    ))
                })?;
            let nb = plan::moved_to(&b, to)
                .map_err(|e| Failure::input(format!("can't move #{id}: {e}")))?;
            store.update(&nb)?;
            println!("moved {}", describe(&nb));
            warn_overlaps(store, &nb)
        }
        PlanCmd::Done { id, undo } => {
            let nb = store.set_done(id, !undo)?.ok_or_else(|| {
                Failure::input(format!("no box with id {id} (see `serein plan list`)"))
            })?;
            println!(
                "{} {}",
                if undo { "not done:" } else { "done:" },
                describe(&nb)
            );
            Ok(())
        }
        PlanCmd::Clear { date, yes } => {
            let date = date_of(&date)?;
            let n = store.day(date)?.len();
            if n == 0 {
                println!("nothing to clear on {}", date.format("%a %d %b %Y"));
                return Ok(());
            }
            if !yes {
                if !std::io::stdin().is_terminal() {
                    return Err(Failure::input(format!(
                        "refusing to remove {} on {date} without --yes (standard input is not a terminal)",
                        crate::ui::count(n, "box", "boxes")
                    )));
                }
                eprint!(
                    "Remove {} on {}? [y/N] ",
                    crate::ui::count(n, "box", "boxes"),
                    date.format("%a %d %b %Y")
                );
                let mut answer = String::new();
                std::io::stdin().read_line(&mut answer)?;
                if !matches!(answer.trim(), "y" | "Y" | "yes") {
                    println!("kept");
                    return Ok(());
                }
            }
            let removed = store.clear_day(date)?;
            println!(
                "removed {} on {}",
                crate::ui::count(removed, "box", "boxes"),
                date.format("%a %d %b %Y")
            );
            Ok(())
        }
        PlanCmd::ApplyTemplate { name, date } => {
            let date = date_of(&date)?;
            let t = cfg.template(&name).ok_or_else(|| {
                let names: Vec<&str> = cfg.templates.iter().map(|t| t.name.as_str()).collect();
                Failure::input(if names.is_empty() {
                    format!("no template {name:?}: the config has no [[template]] (see `serein config init`)")
                } else {
                    format!("no template {name:?}; known: {}", names.join(", "))
                })
            })?;
            let drafts = t
                .boxes
                .iter()
                .map(|l| parse::parse(l, &cfg.domain_names()))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| Failure::input(format!("template {name:?}: {e}")))?;
            let existing = store.day(date)?;
            let placed = plan::place_all(
                &drafts,
                &existing,
                date,
                cfg.day_start.0,
                &cfg.default_domain,
            )
            .map_err(|e| Failure::input(format!("template {name:?}: {e}")))?;
            insert_and_report(store, placed)
        }
        PlanCmd::CopyUnfinished { date } => {
            let date = date_of(&date)?;
            let prev = date - Duration::days(1);
            let copies =
                plan::copy_unfinished(&store.day(prev)?, &store.day(date)?, date, cfg.day_start.0);
            if copies.is_empty() {
                println!("nothing unfinished on {}", prev.format("%a %d %b %Y"));
                return Ok(());
            }
            insert_and_report(store, copies)
        }
        PlanCmd::Templates => {
            if cfg.templates.is_empty() {
                println!("no templates (add [[template]] to the config; see `serein config init`)");
            }
            for t in &cfg.templates {
                println!("{}", t.name);
                for l in &t.boxes {
                    println!("  {l}");
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
