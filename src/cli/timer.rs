//! Timer commands: start, stop, pause, resume, extend, status. They print and
//! return at once; a session lives in the database with its deadline, and the daemon or a
//! running TUI carries it on.

use std::io::Write;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::cli::{Failure, open_store};
use crate::config::{Config, Paths};
use crate::domain::parse;
use crate::domain::plan::{self, Timebox, dur};
use crate::domain::session::{
    EndReason, MAX_SESSION_S, Phase, Session, SessionKind, State, clock_text,
};
use crate::domain::time::Now;
use crate::domain::time::minute_of_day;
use crate::store::{Store, StoreError};
use crate::t;

/// The running session, after closing one that nothing ran past its deadline (which is
/// then reported instead of being stopped hours late).
fn active(store: &mut Store, now: Now) -> Result<Session, Failure> {
    if let Some(closed) = store.recover(now.utc, crate::shell::STALE_S)? {
        return Err(Failure::input(t!(
            "clitimer-closed-stale",
            title = &closed.title,
            at = ended_hhmm(&closed, now)
        )));
    }
    store
        .active_session()?
        .ok_or_else(|| Failure::input(t!("clitimer-nothing-running")))
}

fn ended_hhmm(s: &Session, now: Now) -> String {
    match s.state {
        State::Ended { at, .. } => local_hhmm(now, at),
        _ => String::new(),
    }
}

/// Runs a hook without waiting: a CLI command returns at once, and a slow hook can't block it.
fn hook(cfg: &Config, event: &str, s: &Session, now: Now) {
    let Some(argv) = cfg.hooks.for_event(event) else {
        return;
    };
    use std::os::unix::process::CommandExt;
    let spawned = std::process::Command::new(&argv[0])
        .args(&argv[1..])
        .env("SEREIN_EVENT", event)
        .env("SEREIN_TITLE", &s.title)
        .env("SEREIN_DOMAIN", &s.domain)
        .env("SEREIN_REMAINING_S", s.remaining_s(now.utc).to_string())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .process_group(0)
        .spawn();
    if let Err(e) = spawned {
        tracing::warn!("hook {argv:?} failed to start: {e}");
        eprintln!(
            "{}",
            t!("clitimer-warn-hook", hook = &argv[0], error = e.to_string())
        );
    }
}

/// Parses `--for` and `extend` lengths: 1 minute to 12 hours.
pub fn parse_length(s: &str, what: &str) -> Result<i64, Failure> {
    let t = s.trim();
    let bad = || {
        Failure::input(t!(
            "clitimer-bad-length",
            what = what,
            value = format!("{s:?}")
        ))
    };
    if t.starts_with('-') {
        return Err(bad());
    }
    let minutes = parse::parse_duration(t.strip_prefix('+').unwrap_or(t)).ok_or_else(bad)?;
    let secs = i64::from(minutes) * 60;
    if secs <= 0 || secs > MAX_SESSION_S {
        return Err(bad());
    }
    Ok(secs)
}

fn local_hhmm(now: Now, at: DateTime<Utc>) -> String {
    crate::domain::time::local_hhmm(&now.zone, now, at)
}

/// What `serein start` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct StartRequest<'a> {
    /// A box id, a title (with an optional #domain), or nothing: today's current or next box.
    pub what: &'a [String],
    /// `--for`, unparsed.
    pub length: Option<&'a str>,
    /// `--break`.
    pub is_break: bool,
    /// `--replace`: stop the running session first.
    pub replace: bool,
    /// `--yes`: start work in offline hours without asking.
    pub yes: bool,
}

/// `serein start [ID | TITLE…] [--for 45m] [--break] [--replace] [--yes]`
pub fn start(paths: &Paths, cfg: &Config, now: Now, req: StartRequest) -> Result<(), Failure> {
    let mut store = open_store(paths)?;
    store.recover(now.utc, crate::shell::STALE_S)?;
    let mut s = session_for(&store, cfg, now, req)?;
    if req.is_break {
        s.kind = SessionKind::Break;
    }
    let after_hours = after_hours_ok(cfg, &s, now, req.yes)?;
    if let Some(running) = store.active_session()? {
        if !req.replace {
            return Err(Failure::input(t!(
                "clitimer-already-running",
                title = &running.title,
                left = clock_text(running.remaining_s(now.utc))
            )));
        }
        let mut old = running;
        let _ = old.end(EndReason::Stopped, now.utc);
        store.save_session(&old)?;
        println!("■ {}", t!("clitimer-stopped", title = &old.title));
    }
    s.id = match store.start_session(&s) {
        Ok(id) => id,
        Err(StoreError::SessionActive { title }) => {
            return Err(Failure::input(t!(
                "clitimer-started-elsewhere",
                title = title
            )));
        }
        Err(e) => return Err(e.into()),
    };
    if after_hours {
        store.mark_after_hours(s.id)?;
    }
    let until = s.deadline().map(|d| local_hhmm(now, d)).unwrap_or_default();
    // The start hook runs here (claimed, so a TUI or daemon picking the session up won't).
    let event = if s.kind == SessionKind::Break {
        "break"
    } else {
        "start"
    };
    if store.claim(s.id, &format!("hook:{event}"), now.utc)? {
        hook(cfg, event, &s, now);
    }
    println!(
        "▶ {}",
        t!(
            "clitimer-started",
            title = &s.title,
            until = until,
            len = dur((s.planned_s / 60) as u32)
        )
    );
    if let Some(launch) = crate::shell::daemon::Launch::new(paths)
        && let Err(e) = launch.ensure()
    {
        eprintln!("{}", t!("clitimer-warn-no-daemon", error = e.to_string()));
    }
    Ok(())
}

/// The session `serein start` asks for, not yet saved: from a box (by id, or today's current
/// or next) or from a title and `--for`.
fn session_for(
    store: &Store,
    cfg: &Config,
    now: Now,
    req: StartRequest,
) -> Result<Session, Failure> {
    let today = now.local.date();
    let length = req.length.map(|l| parse_length(l, "--for")).transpose()?;
    match req.what {
        [] => {
            let boxes = store.day(today)?;
            let b = plan::next_box(&boxes, None, minute_of_day(now.local))
                .ok_or_else(|| Failure::input(t!("clitimer-no-box-left")))?;
            Ok(from_box(b, length, now))
        }
        // A box id, `#12` or `12`; `s12` is a session's (told apart unless --for makes it a
        // title).
        [w] if crate::cli::box_id(w).is_ok()
            || (length.is_none() && crate::cli::session_id(w).is_ok()) =>
        {
            let id = crate::cli::box_id(w).map_err(Failure::input)?;
            let b = store.get(id)?.ok_or_else(|| {
                let session = matches!(store.session(id), Ok(Some(_)));
                Failure::input(if session {
                    t!("clitimer-no-box-session", what = w, id = id)
                } else {
                    t!("clitimer-no-box", what = w, id = id)
                })
            })?;
            if b.date != today {
                return Err(Failure::input(t!(
                    "clitimer-not-today",
                    id = id,
                    day = crate::i18n::date(b.date, crate::i18n::DateStyle::WeekdayDayMonthYear)
                )));
            }
            Ok(from_box(&b, length, now))
        }
        words => {
            let secs = length.ok_or_else(|| Failure::input(t!("clitimer-say-how-long")))?;
            // Reuse the box parser for the title and its #domain.
            let text = format!("5m {}", words.join(" "));
            let d = parse::parse(&text, &cfg.domain_names())
                .map_err(|e| Failure::input(e.problem.to_string()))?;
            let kind = if req.is_break || d.kind == plan::Kind::Break {
                SessionKind::Break
            } else {
                SessionKind::Focus
            };
            let domain = d.domain.unwrap_or_else(|| cfg.default_domain.clone());
            Ok(Session::start(
                &d.title,
                &domain,
                kind,
                None,
                secs,
                now.utc,
                today,
                now.offset_s(),
            ))
        }
    }
}

/// Work in offline hours: ask on a terminal, refuse without `--yes` otherwise. Returns
/// whether it is after-hours work.
fn after_hours_ok(cfg: &Config, s: &Session, now: Now, yes: bool) -> Result<bool, Failure> {
    use std::io::IsTerminal;
    let work = s.kind == SessionKind::Focus && cfg.work_domains().contains(&s.domain.as_str());
    if !work || !cfg.offline.schedule().is_offline(&now.zone, now.utc) {
        return Ok(false);
    }
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::input(t!("clitimer-offline-refused")));
    }
    eprint!("{} {} ", t!("clitimer-offline-ask"), t!("common-yes-no"));
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    if crate::domain::parse::is_yes(&answer) {
        Ok(true)
    } else {
        Err(Failure::input(t!("clitimer-not-started")))
    }
}

fn from_box(b: &Timebox, length: Option<i64>, now: Now) -> Session {
    let secs = length
        .unwrap_or(i64::from(plan::real_len(b, &now.zone)) * 60)
        .max(60);
    Session::start(
        &b.title,
        &b.domain,
        SessionKind::from(b.kind),
        Some(b.id),
        secs,
        now.utc,
        now.local.date(),
        now.offset_s(),
    )
}

/// `serein stop [--note]`: finishes the running session now.
pub fn stop(paths: &Paths, cfg: &Config, now: Now, note: Option<String>) -> Result<(), Failure> {
    let mut store = open_store(paths)?;
    let mut s = active(&mut store, now)?;
    if let Some(n) = note {
        s.note = (!n.trim().is_empty()).then(|| n.trim().to_string());
    }
    s.end(EndReason::Finished, now.utc)
        .map_err(|e| Failure::input(e.to_string()))?;
    store.save_session(&s)?;
    if let Some(id) = s.timebox_id {
        store.set_done(id, true)?;
    }
    let title = &s.title;
    let after = dur((s.actual_s(now.utc) / 60) as u32);
    let line = match s.state {
        State::Ended { overrun_s, .. } if overrun_s > 0 => t!(
            "clitimer-finished-over",
            title = title,
            after = after,
            over = crate::app::timer::overrun_text(overrun_s)
        ),
        _ => t!("clitimer-finished", title = title, after = after),
    };
    println!("■ {line}");
    hook(cfg, "end", &s, now);
    Ok(())
}

/// `serein pause` / `serein resume`.
pub fn pause(paths: &Paths, cfg: &Config, now: Now, resume: bool) -> Result<(), Failure> {
    let mut store = open_store(paths)?;
    let mut s = active(&mut store, now)?;
    let r = if resume {
        s.resume(now.utc)
    } else {
        s.pause(now.utc)
    };
    r.map_err(|e| Failure::input(e.to_string()))?;
    store.save_session(&s)?;
    let left = clock_text(s.remaining_s(now.utc));
    if resume {
        println!(
            "▶ {}",
            t!("clitimer-resumed", title = &s.title, left = left)
        );
    } else {
        println!("⏸ {}", t!("clitimer-paused", title = &s.title, left = left));
        hook(cfg, "pause", &s, now);
    }
    Ok(())
}

/// `serein extend 5m`.
pub fn extend(paths: &Paths, now: Now, by: &str) -> Result<(), Failure> {
    let secs = parse_length(by, "extend")?;
    let mut store = open_store(paths)?;
    let mut s = active(&mut store, now)?;
    s.extend(secs, now.utc)
        .map_err(|e| Failure::input(e.to_string()))?;
    store.save_session(&s)?;
    println!(
        "+{}",
        t!(
            "clitimer-extended",
            by = dur((secs / 60) as u32),
            title = &s.title,
            left = clock_text(s.remaining_s(now.utc))
        )
    );
    Ok(())
}

#[derive(Serialize)]
struct StatusJson<'a> {
    state: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    started: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remaining_s: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overrun_s: Option<i64>,
}

/// Waybar's custom-module JSON (`"return-type": "json"`).
#[derive(Serialize)]
struct WaybarJson<'a> {
    text: &'a str,
    tooltip: &'a str,
    /// focus, break, paused, overrun or idle: the CSS class of the module.
    class: &'a str,
    /// The same word, for waybar's `format-icons`.
    alt: &'a str,
    /// Share of the box already behind, 0–100.
    percentage: u8,
}

/// One placeholder of `status --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Icon,
    Title,
    Remaining,
    Domain,
    Kind,
    State,
    Deadline,
}

const FIELDS: [(&str, Field); 7] = [
    ("icon", Field::Icon),
    ("title", Field::Title),
    ("remaining", Field::Remaining),
    ("domain", Field::Domain),
    ("kind", Field::Kind),
    ("state", Field::State),
    ("deadline", Field::Deadline),
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(Field),
}

/// A checked `--format` template: text and known placeholders (`{{`/`}}` are literal braces).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Template(Vec<Piece>);

impl Template {
    fn parse(format: &str) -> Result<Template, String> {
        let known = || {
            FIELDS
                .iter()
                .map(|(n, _)| format!("{{{n}}}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut chars = format.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let mut name = String::new();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == '}' {
                            closed = true;
                            break;
                        }
                        name.push(c);
                    }
                    if !closed {
                        return Err(format!(
                            "--format {format:?}: “{{{name}” is not closed; placeholders are {}, and {{{{ }}}} write literal braces",
                            known()
                        ));
                    }
                    let field = FIELDS
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, f)| *f)
                        .ok_or_else(|| {
                            format!(
                                "--format {format:?}: unknown placeholder {{{name}}}; known: {} (or `--format waybar`; {{{{ }}}} write literal braces)",
                                known()
                            )
                        })?;
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Field(field));
                }
                '}' => {
                    return Err(format!(
                        "--format {format:?}: a lone “}}”; write }}}} for a literal brace (placeholders: {})",
                        known()
                    ));
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Template(pieces))
    }

    /// Whether the rendered line changes every second while a session runs.
    fn has_seconds(&self) -> bool {
        self.0.contains(&Piece::Field(Field::Remaining))
    }

    fn render(&self, s: &Session, now: Now) -> String {
        let phase = s.phase(now.utc);
        let mut out = String::new();
        for p in &self.0 {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Field(f) => out.push_str(&match f {
                    Field::Icon => phase.icon().to_string(),
                    Field::Title => s.title.clone(),
                    Field::Remaining => clock_text(s.remaining_s(now.utc)),
                    Field::Domain => s.domain.clone(),
                    Field::Kind => s.kind.as_str().to_string(),
                    Field::State => state_word(phase).to_string(),
                    Field::Deadline => s.deadline().map(|d| local_hhmm(now, d)).unwrap_or_default(),
                }),
            }
        }
        out
    }
}

fn state_word(phase: Phase) -> &'static str {
    match phase {
        Phase::Running => "running",
        Phase::Paused => "paused",
        Phase::Overrun => "overrun",
        Phase::Ended => "idle",
    }
}

/// What `serein status` prints: a line (`--format`, or the default one), `--json`, or
/// `--format waybar`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum StatusOutput {
    /// `None`: the default, which differs in overrun.
    Line(Option<Template>),
    Json,
    Waybar,
}

impl StatusOutput {
    fn new(format: Option<&str>, json: bool) -> Result<StatusOutput, Failure> {
        Ok(match (format, json) {
            (_, true) => StatusOutput::Json,
            (Some("waybar"), _) => StatusOutput::Waybar,
            (Some(f), _) => StatusOutput::Line(Some(Template::parse(f).map_err(Failure::input)?)),
            (None, _) => StatusOutput::Line(None),
        })
    }

    /// Whether the output changes every second while a session runs (not when paused).
    fn has_seconds(&self) -> bool {
        match self {
            StatusOutput::Line(Some(t)) => t.has_seconds(),
            _ => true,
        }
    }

    /// The line for `session` at `now`; `None` when idle and a plain line asks for nothing.
    fn render(&self, session: Option<&Session>, now: Now) -> Option<String> {
        match self {
            StatusOutput::Line(t) => {
                let s = session?;
                let line = match t {
                    Some(t) => t.render(s, now),
                    None => default_template(s.phase(now.utc)).render(s, now),
                };
                Some(line)
            }
            StatusOutput::Json => Some(match session {
                None => serde_json::json!({ "state": "idle" }).to_string(),
                Some(s) => {
                    let j = StatusJson {
                        state: state_word(s.phase(now.utc)),
                        id: Some(s.id),
                        title: Some(&s.title),
                        domain: Some(&s.domain),
                        kind: Some(s.kind.as_str()),
                        started: Some(s.started),
                        deadline: s.deadline(),
                        remaining_s: Some(s.remaining_s(now.utc).max(0)),
                        overrun_s: Some(s.overrun_s(now.utc)),
                    };
                    serde_json::to_string(&j).unwrap_or_default()
                }
            }),
            StatusOutput::Waybar => Some(waybar(session, now)),
        }
    }
}

fn default_template(phase: Phase) -> Template {
    use Field::*;
    let sp = || Piece::Text(" ".into());
    Template(if phase == Phase::Overrun {
        vec![Piece::Field(Remaining), sp(), Piece::Field(Title)]
    } else {
        vec![
            Piece::Field(Icon),
            sp(),
            Piece::Field(Title),
            sp(),
            Piece::Field(Remaining),
        ]
    })
}

/// Waybar's JSON for `session` at `now`: one line.
fn waybar(session: Option<&Session>, now: Now) -> String {
    let Some(s) = session else {
        let j = WaybarJson {
            text: "",
            tooltip: "serein: nothing running",
            class: "idle",
            alt: "idle",
            percentage: 0,
        };
        return serde_json::to_string(&j).unwrap_or_default();
    };
    let phase = s.phase(now.utc);
    let class = match phase {
        Phase::Paused => "paused",
        Phase::Overrun => "overrun",
        Phase::Ended => "idle",
        Phase::Running if s.kind == SessionKind::Break => "break",
        Phase::Running => "focus",
    };
    let total = s.total_s().max(1);
    let behind = (total - s.remaining_s(now.utc).max(0)).clamp(0, total);
    let percentage = (behind * 100 / total) as u8;
    let text = default_template(phase).render(s, now);
    let until = s
        .deadline()
        .map(|d| format!(" · until {}", local_hhmm(now, d)))
        .unwrap_or_default();
    let tooltip = format!(
        "{} · {} · {} {}{until}",
        s.title,
        s.domain,
        state_word(phase),
        clock_text(s.remaining_s(now.utc))
    );
    let j = WaybarJson {
        text: &text,
        tooltip: &tooltip,
        class,
        alt: class,
        percentage,
    };
    serde_json::to_string(&j).unwrap_or_default()
}

/// The running session as `serein status` shows it: read-only, so a session nothing ran
/// past its deadline counts as over (the next start closes it).
fn shown_session(store: Option<&Store>, now: Now) -> Result<Option<Session>, Failure> {
    let Some(store) = store else {
        return Ok(None);
    };
    Ok(store
        .active_session()?
        .filter(|s| !s.clone().recover(now.utc, crate::shell::STALE_S)))
}

/// `serein status`: one line for a status bar, fast enough to run every second. Reads only.
/// With `follow`, prints a line at each change of it instead, until killed.
pub fn status(
    paths: &Paths,
    clock: &dyn crate::shell::clock::Clock,
    format: Option<&str>,
    json: bool,
    follow: bool,
) -> Result<(), Failure> {
    let output = StatusOutput::new(format, json)?;
    if follow {
        return status_follow(paths, clock, &output);
    }
    let now = clock.stamp();
    // No database yet means nothing runs; don't create one just to say so.
    let store = if paths.db_file().exists() {
        Some(Store::open(&paths.db_file())?)
    } else {
        None
    };
    let session = shown_session(store.as_ref(), now)?;
    if let Some(line) = output.render(session.as_ref(), now) {
        writeln!(std::io::stdout().lock(), "{line}")?;
    }
    Ok(())
}

/// `serein status --follow`: prints the line when it changes, never the same line twice. It
/// sleeps until the shown text can next change by itself — the next second of the countdown
/// when seconds are shown and the clock runs, else the deadline or the next minute — and,
/// on Linux, wakes when a file in the data folder changes (inotify), so a start or stop from
/// another process shows at once. Elsewhere such a change shows at the next minute.
fn status_follow(
    paths: &Paths,
    clock: &dyn crate::shell::clock::Clock,
    output: &StatusOutput,
) -> Result<(), Failure> {
    let mut store: Option<Store> = None;
    let mut watch: Option<crate::shell::watch::BlockingWatch> = None;
    let mut last: Option<String> = None;
    let mut failing: Option<String> = None;
    let mut out = std::io::stdout().lock();
    loop {
        if watch.is_none() {
            watch = crate::shell::watch::BlockingWatch::new(Some(&paths.db_file()), None);
        }
        let now = clock.stamp();
        // A database that can't be read for now (being replaced, busy, from a newer serein)
        // is said on stderr and tried again: a bar's follower must not end, or the bar stays
        // blank until the next login.
        let read = (|| -> Result<Option<Session>, Failure> {
            if store.is_none() && paths.db_file().exists() {
                store = Some(Store::open(&paths.db_file())?);
            }
            shown_session(store.as_ref(), now)
        })();
        let session = match read {
            Ok(s) => {
                failing = None;
                s
            }
            Err(e) => {
                if failing.as_ref() != Some(&e.message) {
                    eprintln!("serein: {} (trying again every second)", e.message);
                    failing = Some(e.message);
                }
                store = None;
                std::thread::sleep(std::time::Duration::from_secs(1));
                continue;
            }
        };
        // Idle prints an empty line here, so that a bar clears what it showed.
        let line = output.render(session.as_ref(), now).unwrap_or_default();
        if last.as_ref() != Some(&line) {
            writeln!(out, "{line}")?;
            out.flush()?;
            last = Some(line);
        }
        let wait = next_change(session.as_ref(), output.has_seconds(), now);
        match &watch {
            // A commit writes several times in a row: let it finish before reading.
            Some(w) if w.wait(wait).store => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            Some(_) => {}
            None => std::thread::sleep(wait),
        }
    }
}

/// How long until the shown status can change with time alone.
fn next_change(session: Option<&Session>, seconds: bool, now: Now) -> std::time::Duration {
    use std::time::Duration;
    // Just past the boundary, so the new value is read, not the old one.
    const PAST: i64 = 20;
    let minute = {
        let into_ms = (now.utc.timestamp_millis()).rem_euclid(60_000);
        60_000 - into_ms + PAST
    };
    let ms = match session.and_then(|s| s.deadline()) {
        Some(deadline) => {
            let to_deadline = (deadline - now.utc).num_milliseconds();
            if seconds {
                // The countdown (and the overrun count) moves on the deadline's second.
                match to_deadline.rem_euclid(1000) {
                    0 => 1000 + PAST,
                    x => x + PAST,
                }
            } else if to_deadline > 0 {
                // The state and icon change at the deadline.
                minute.min(to_deadline + PAST)
            } else {
                minute
            }
        }
        None => minute,
    };
    Duration::from_millis(ms as u64)
}

/// Waking when a file in a folder changes: inotify on Linux (a start, stop or pause from
/// another process writes the database there); elsewhere nothing, and the caller sleeps.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_placeholders_are_checked() {
        let t = Template::parse("{icon} {title} {{x}} {remaining}").unwrap();
        assert!(t.has_seconds());
        assert!(
            !Template::parse("{title} until {deadline}")
                .unwrap()
                .has_seconds()
        );
        for (bad, names) in [
            ("{bogus}", "unknown placeholder {bogus}"),
            ("{title} {Title}", "unknown placeholder {Title}"),
            ("{title", "is not closed"),
            ("a } b", "a lone"),
        ] {
            let e = Template::parse(bad).unwrap_err();
            assert!(e.contains(names), "{bad}: {e}");
            assert!(
                e.contains("{icon} {title} {remaining} {domain} {kind} {state} {deadline}"),
                "{e}"
            );
        }
    }
}
