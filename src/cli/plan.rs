//! `serein plan`: add, list, move and remove the timeboxes of a day.

use std::io::{IsTerminal, Write};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::cli::{Failure, parse_date};
use crate::config::{Config, Paths};
use crate::domain::parse;
use crate::domain::plan::{self, Timebox, dur, hhmm};
use crate::domain::time::{Now, Zone};
use crate::i18n::{self, DateStyle};
use crate::store::{Change, Store};
use crate::t;

#[derive(Debug, Args)]
pub struct DateArg {
    /// The day: today, tomorrow, a weekday, 23/11 (day first, not US order) or YYYY-MM-DD.
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
    Rm {
        /// The box id, #12 or 12, as `serein plan list` shows it.
        #[arg(value_name = "ID", value_parser = crate::cli::box_id)]
        id: i64,
    },
    /// Move a box to a new start time, keeping its length; it must still end by 24:00.
    Move {
        /// The box id, #12 or 12, as `serein plan list` shows it.
        #[arg(value_name = "ID", value_parser = crate::cli::box_id)]
        id: i64,
        /// New start, e.g. 14:30.
        #[arg(value_name = "HH:MM")]
        start: String,
    },
    /// Mark a box done (or not done with --undo).
    Done {
        /// The box id, #12 or 12, as `serein plan list` shows it.
        #[arg(value_name = "ID", value_parser = crate::cli::box_id)]
        id: i64,
        /// Mark it not done.
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
    /// Copy a [[template]] from the config into a day; boxes already there are skipped.
    ApplyTemplate {
        /// The template's name (see `serein plan templates`).
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

/// Runs a `serein plan` subcommand at `now` (its wall time and zone).
pub fn run(p: PlanCmd, cfg: &Config, paths: &Paths, now: Now) -> Result<(), Failure> {
    let mut store = Store::open(&paths.db_file())?;
    let store = &mut store;
    let zone = now.zone;
    let now = now.local;
    let today = now.date();
    let date_of = |d: &DateArg| parse_date(&d.date, today).map_err(Failure::input);
    match p {
        PlanCmd::Add { text, date } => {
            add(store, cfg, now, date_of(&date)?, &zone, &text.join(" "))
        }
        PlanCmd::List { date, json } => list(store, cfg, &zone, date_of(&date)?, json),
        PlanCmd::Rm { id } => remove(store, id),
        PlanCmd::Move { id, start } => move_to(store, id, &start),
        PlanCmd::Done { id, undo } => done(store, id, undo),
        PlanCmd::Clear { date, yes } => clear(store, date_of(&date)?, yes),
        PlanCmd::ApplyTemplate { name, date } => {
            apply_template(store, cfg, &name, date_of(&date)?, today, &zone)
        }
        PlanCmd::CopyUnfinished { date } => copy_unfinished(store, cfg, date_of(&date)?, today),
        PlanCmd::Templates => {
            templates(cfg);
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

/// No box `id`: says so, and whether `id` is a session's (ids of boxes and sessions differ).
fn no_box(store: &Store, id: i64) -> Failure {
    let session = matches!(store.session(id), Ok(Some(_)));
    Failure::input(if session {
        t!("cliplan-no-box-session", id = id)
    } else {
        t!("cliplan-no-box", id = id)
    })
}

fn describe(b: &Timebox) -> String {
    let tag = if b.kind == plan::Kind::Break {
        t!("cliplan-break")
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

/// `Mon 23 Nov 2026 (today)`: the day a box went to, named in every confirmation so that a
/// `--date` lost to the shell (an unquoted `#work` starts a comment) shows.
fn day_name(date: NaiveDate, today: NaiveDate) -> String {
    let rel = match (date - today).num_days() {
        0 => t!("common-today"),
        1 => t!("common-tomorrow"),
        -1 => t!("common-yesterday"),
        _ => return i18n::date(date, DateStyle::WeekdayDayMonthYear),
    };
    format!(
        "{} ({rel})",
        i18n::date(date, DateStyle::WeekdayDayMonthYear)
    )
}

fn warn_overlaps(store: &Store, b: &Timebox) -> Result<(), Failure> {
    for o in store
        .day(b.date)?
        .iter()
        .filter(|o| o.id != b.id && o.overlaps(b))
    {
        eprintln!("{}", t!("cliplan-warn-overlap", what = describe(o)));
    }
    Ok(())
}

/// Inserts boxes in one transaction and prints each with its new id and day.
fn insert_and_report(
    store: &mut Store,
    boxes: Vec<plan::NewTimebox>,
    today: NaiveDate,
) -> Result<(), Failure> {
    let ids = store.apply(&Change {
        insert: boxes.clone(),
        ..Change::default()
    })?;
    for (id, nb) in ids.into_iter().zip(boxes) {
        let b = Timebox::from_new(id, nb);
        println!(
            "{}",
            t!(
                "cliplan-added",
                what = describe(&b),
                day = day_name(b.date, today)
            )
        );
    }
    Ok(())
}

/// Where "the next free slot" search starts on `date`: not in the past today, not before the
/// day starts.
fn search_from(cfg: &Config, now: NaiveDateTime, date: NaiveDate) -> u16 {
    if date == now.date() {
        crate::domain::time::minute_of_day(now).max(cfg.day_start.0)
    } else {
        cfg.day_start.0
    }
}

/// The day's meetings from the configured calendars, as busy `(start, end)` minutes that a
/// `45m Title` line must not land on. A calendar that can't be read is said and left out.
fn meetings_busy(cfg: &Config, date: NaiveDate, zone: &Zone) -> Vec<(u16, u16)> {
    let mut meetings = Vec::new();
    for source in cfg.calendar_sources() {
        match crate::calendar::load(&source) {
            Ok(l) => meetings.extend(l.meetings(date, date, zone)),
            Err(e) => eprintln!(
                "{}",
                t!(
                    "cliplan-warn-calendar",
                    name = format!("{:?}", source.name),
                    error = e.to_string()
                )
            ),
        }
    }
    let slots = crate::domain::meeting::day_slots(&meetings, date, zone);
    crate::domain::meeting::busy(&slots)
}

/// `serein plan add BOX…`.
fn add(
    store: &mut Store,
    cfg: &Config,
    now: NaiveDateTime,
    date: NaiveDate,
    zone: &Zone,
    text: &str,
) -> Result<(), Failure> {
    let draft = parse::parse(text, &cfg.domain_names()).map_err(|e| cant_add(text, e))?;
    let existing = store.day(date)?;
    let from = search_from(cfg, now, date);
    let busy = meetings_busy(cfg, date, zone);
    let offline = plan::offline_spans(&cfg.offline.schedule(), zone, date);
    let hours = plan::Hours {
        from,
        day_start: cfg.day_start.0,
        day_end: cfg.day_end.0,
    };
    let placed = plan::place_in_hours(
        &draft,
        &existing,
        &busy,
        &offline,
        date,
        hours,
        &cfg.default_domain,
    )
    .map_err(|e| cant_add(text, e))?;
    let id = store.insert(&placed.new)?;
    let b = Timebox::from_new(id, placed.new);
    println!(
        "{}",
        t!(
            "cliplan-added",
            what = describe(&b),
            day = day_name(date, now.date())
        )
    );
    if let Some(w) = placed.offline {
        eprintln!("{}", offline_warning(b.start, b.end, w));
    }
    warn_overlaps(store, &b)
}

fn cant_add(text: &str, e: impl std::fmt::Display) -> Failure {
    Failure::input(t!(
        "cliplan-cant-add",
        text = format!("{text:?}"),
        error = e.to_string()
    ))
}

fn template_error(name: &str, e: impl std::fmt::Display) -> Failure {
    Failure::input(t!(
        "cliplan-template-error",
        name = format!("{name:?}"),
        error = e.to_string()
    ))
}

/// A box given a time in offline hours is kept, with this said on stderr.
fn offline_warning(start: u16, end: u16, (from, to): (u16, u16)) -> String {
    t!(
        "cliplan-offline-warning",
        start = hhmm(start),
        end = hhmm(end),
        from = hhmm(from),
        to = hhmm(to)
    )
}

/// `serein plan list [--date D] [--json]`.
fn list(
    store: &Store,
    cfg: &Config,
    zone: &Zone,
    date: NaiveDate,
    json: bool,
) -> Result<(), Failure> {
    let boxes = store.day(date)?;
    let work = plan::work_minutes_in(&boxes, &cfg.work_domains(), date, zone);
    let limit = cfg.work_limit_minutes();
    let overlapping = plan::overlapping_ids(&boxes);
    let mut out = std::io::stdout().lock();
    if json {
        let day = JsonDay {
            date,
            boxes: boxes.iter().map(|b| json_box(b, zone)).collect(),
            work_minutes: work,
            work_limit_minutes: limit,
            overlapping_ids: overlapping,
        };
        serde_json::to_writer_pretty(&mut out, &day)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", i18n::date(date, DateStyle::Long))?;
    if boxes.is_empty() {
        writeln!(out, "  {}", t!("cliplan-no-boxes"))?;
    }
    let id_w = boxes
        .iter()
        .map(|b| b.id.to_string().len())
        .max()
        .unwrap_or(1);
    for b in &boxes {
        let tag = if b.kind == plan::Kind::Break {
            t!("cliplan-break")
        } else {
            b.domain.clone()
        };
        let mark = match (b.done, overlapping.contains(&b.id)) {
            (true, _) => " ✓".to_owned(),
            (false, true) => format!(" ⚠ {}", t!("cliplan-overlap")),
            _ => String::new(),
        };
        writeln!(
            out,
            "  #{:<id_w$}  {}-{}  {:>5}  {:<9} {}{mark}",
            b.id,
            hhmm(b.start),
            hhmm(b.end),
            dur(plan::real_len(b, zone)),
            tag,
            b.title,
        )?;
    }
    let line = if work > limit {
        t!(
            "cliplan-work-over",
            work = dur(work),
            limit = dur(limit),
            over = dur(work - limit)
        )
    } else {
        t!("cliplan-work", work = dur(work), limit = dur(limit))
    };
    writeln!(out, "  {line}")?;
    Ok(())
}

fn json_box<'a>(b: &'a Timebox, zone: &Zone) -> JsonBox<'a> {
    JsonBox {
        id: b.id,
        date: b.date,
        start: hhmm(b.start),
        end: hhmm(b.end),
        minutes: plan::real_len(b, zone),
        title: &b.title,
        domain: &b.domain,
        kind: b.kind.as_str(),
        done: b.done,
    }
}

/// `serein plan rm ID`.
fn remove(store: &mut Store, id: i64) -> Result<(), Failure> {
    let Some(b) = store.delete(id)? else {
        return Err(no_box(store, id));
    };
    println!("{}", t!("cliplan-removed", what = describe(&b)));
    Ok(())
}

/// `serein plan move ID HH:MM`: keeps the box's length.
fn move_to(store: &mut Store, id: i64, start: &str) -> Result<(), Failure> {
    let b = store.get(id)?.ok_or_else(|| no_box(store, id))?;
    let to = parse::parse_clock(start)
        .filter(|m| *m < plan::DAY_MINUTES)
        .ok_or_else(|| Failure::input(t!("cliplan-bad-start", start = format!("{start:?}"))))?;
    let len = b.minutes();
    if u32::from(to) + u32::from(len) > u32::from(plan::DAY_MINUTES) {
        return Err(Failure::input(t!(
            "cliplan-move-past-midnight",
            id = id,
            to = hhmm(to),
            len = dur(u32::from(len)),
            end = hhmm((to + len) % plan::DAY_MINUTES),
            latest = hhmm(plan::DAY_MINUTES - len)
        )));
    }
    let nb = plan::moved_to(&b, to)
        .map_err(|e| Failure::input(t!("cliplan-cant-move", id = id, error = e.to_string())))?;
    store.update(&nb)?;
    println!("{}", t!("cliplan-moved", what = describe(&nb)));
    warn_overlaps(store, &nb)
}

/// `serein plan done ID [--undo]`.
fn done(store: &mut Store, id: i64, undo: bool) -> Result<(), Failure> {
    let Some(nb) = store.set_done(id, !undo)? else {
        return Err(no_box(store, id));
    };
    let what = describe(&nb);
    println!(
        "{}",
        if undo {
            t!("cliplan-not-done", what = what)
        } else {
            t!("cliplan-done", what = what)
        }
    );
    Ok(())
}

/// `serein plan clear [--date D] [--yes]`: asks first on a terminal, refuses without `--yes`
/// otherwise.
fn clear(store: &mut Store, date: NaiveDate, yes: bool) -> Result<(), Failure> {
    let n = store.day(date)?.len();
    if n == 0 {
        println!(
            "{}",
            t!(
                "cliplan-nothing-to-clear",
                day = i18n::date(date, DateStyle::WeekdayDayMonthYear)
            )
        );
        return Ok(());
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Failure::input(t!(
                "cliplan-clear-refused",
                n = n,
                date = date.to_string()
            )));
        }
        eprint!(
            "{} {} ",
            t!(
                "cliplan-clear-ask",
                n = n,
                day = i18n::date(date, DateStyle::WeekdayDayMonthYear)
            ),
            t!("common-yes-no")
        );
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !crate::domain::parse::is_yes(&answer) {
            println!("{}", t!("cliplan-kept"));
            return Ok(());
        }
    }
    let removed = store.clear_day(date)?;
    println!(
        "{}",
        t!(
            "cliplan-cleared",
            n = removed,
            day = i18n::date(date, DateStyle::WeekdayDayMonthYear)
        )
    );
    Ok(())
}

/// `serein plan apply-template NAME [--date D]`.
fn apply_template(
    store: &mut Store,
    cfg: &Config,
    name: &str,
    date: NaiveDate,
    today: NaiveDate,
    zone: &Zone,
) -> Result<(), Failure> {
    let t = cfg.template(name).ok_or_else(|| {
        let names: Vec<&str> = cfg.templates.iter().map(|t| t.name.as_str()).collect();
        let name = format!("{name:?}");
        Failure::input(if names.is_empty() {
            t!("cliplan-no-templates-for", name = name)
        } else {
            t!("cliplan-no-template", name = name, known = names.join(", "))
        })
    })?;
    let drafts = t
        .boxes
        .iter()
        .map(|l| parse::parse(l, &cfg.domain_names()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| template_error(name, e))?;
    let existing = store.day(date)?;
    let busy = meetings_busy(cfg, date, zone);
    let t = plan::place_template_around(
        &drafts,
        &existing,
        &busy,
        date,
        cfg.day_start.0,
        &cfg.default_domain,
    )
    .map_err(|e| template_error(name, e))?;
    for b in &t.skipped {
        println!("{}", t!("cliplan-already-there", what = describe(b)));
    }
    if t.placed.is_empty() {
        println!(
            "{}",
            t!(
                "cliplan-template-already",
                name = format!("{name:?}"),
                day = day_name(date, today)
            )
        );
        return Ok(());
    }
    insert_and_report(store, t.placed, today)
}

/// `serein plan copy-unfinished [--date D]`: from the day before.
fn copy_unfinished(
    store: &mut Store,
    cfg: &Config,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), Failure> {
    let prev = date - Duration::days(1);
    let copies = plan::copy_unfinished(&store.day(prev)?, &store.day(date)?, date, cfg.day_start.0);
    if copies.is_empty() {
        println!(
            "{}",
            t!(
                "cliplan-nothing-unfinished",
                day = i18n::date(prev, DateStyle::WeekdayDayMonthYear)
            )
        );
        return Ok(());
    }
    insert_and_report(store, copies, today)
}

/// `serein plan templates`.
fn templates(cfg: &Config) {
    if cfg.templates.is_empty() {
        println!("{}", t!("cliplan-no-templates"));
    }
    for t in &cfg.templates {
        println!("{}", t.name);
        for l in &t.boxes {
            println!("  {l}");
        }
    }
}
