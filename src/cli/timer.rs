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

/// The running session, after closing one that nothing ran past its deadline (which is
/// then reported instead of being stopped hours late).
fn active(store: &mut Store, now: Now) -> Result<Session, Failure> {
    if let Some(closed) = store.recover(now.utc, crate::shell::STALE_S)? {
        return Err(Failure::input(format!(
            "nothing is running: “{}” was left with nothing to run it and was closed at {} (see `serein log`)",
            closed.title,
            ended_hhmm(&closed, now)
        )));
    }
    store
        .active_session()?
        .ok_or_else(|| Failure::input("nothing is running (start a box with `serein start`)"))
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
        eprintln!("warning: hook {} failed to start: {e}", argv[0]);
    }
}

/// Parses `--for` and `extend` lengths: 1 minute to 12 hours.
pub fn parse_length(s: &str, what: &str) -> Result<i64, Failure> {
    let t = s.trim();
    let bad = || {
        Failure::input(format!(
            "{what} {s:?}: expected a positive length from 1m to 12h, like 25m, 1h or 1h30"
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
            return Err(Failure::input(format!(
                "“{}” is running ({}); `serein stop` ends it, or add --replace",
                running.title,
                clock_text(running.remaining_s(now.utc))
            )));
        }
        let mut old = running;
        let _ = old.end(EndReason::Stopped, now.utc);
        store.save_session(&old)?;
        println!("■ stopped “{}”", old.title);
    }
    s.id = match store.start_session(&s) {
        Ok(id) => id,
        Err(StoreError::SessionActive { title }) => {
            return Err(Failure::input(format!(
                "“{title}” was just started elsewhere; `serein stop` ends it, or add --replace"
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
        "▶ {} until {until} ({})",
        s.title,
        dur((s.planned_s / 60) as u32)
    );
    if let Some(launch) = crate::shell::daemon::Launch::new(paths)
        && let Err(e) = launch.ensure()
    {
        eprintln!(
            "warning: could not start the background daemon ({e}); notifications need `serein daemon` or the TUI running"
        );
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
            let b = plan::next_box(&boxes, None, minute_of_day(now.local)).ok_or_else(|| {
                Failure::input(
                    "no box left to start today; plan one (`serein plan add`) or start one with a title: serein start \"Write\" --for 25m",
                )
            })?;
            Ok(from_box(b, length, now))
        }
        // A box id, `#12` or `12`; `s12` is a session's (told apart unless --for makes it a
        // title).
        [w] if crate::cli::box_id(w).is_ok()
            || (length.is_none() && crate::cli::session_id(w).is_ok()) =>
        {
            let id = crate::cli::box_id(w).map_err(Failure::input)?;
            let b = store.get(id)?.ok_or_else(|| {
                let session = match store.session(id) {
                    Ok(Some(_)) => format!(
                        "; s{id} is a session (see `serein log`), and `serein start` takes a box id"
                    ),
                    _ => String::new(),
                };
                Failure::input(format!(
                    "{w} is not a box id: there is no box #{id}{session} (box ids: `serein plan list`)"
                ))
            })?;
            if b.date != today {
                return Err(Failure::input(format!(
                    "box #{id} is planned for {}, not today",
                    b.date.format("%a %d %b %Y")
                )));
            }
            Ok(from_box(&b, length, now))
        }
        words => {
            let secs = length.ok_or_else(|| {
                Failure::input(
                    "say how long with --for, e.g. serein start \"Write report\" --for 45m",
                )
            })?;
            // Reuse the box parser for the title and its #domain.
            let text = format!("5m {}", words.join(" "));
            let d =
                parse::parse(&text, &cfg.domain_names()).map_err(|e| Failure::input(e.message))?;
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
        return Err(Failure::input(
            "these are your offline hours: add --yes to start work anyway (it counts as after-hours)",
        ));
    }
    eprint!("These are your offline hours. Start work anyway (it counts as after-hours)? [y/N] ");
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    if matches!(answer.trim(), "y" | "Y" | "yes") {
        Ok(true)
    } else {
        Err(Failure::input("not started"))
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
    let over = match s.state {
        State::Ended { overrun_s, .. } if overrun_s > 0 => {
            format!(", {} over", clock_text(overrun_s))
        }
        _ => String::new(),
    };
    println!(
        "■ finished “{}” after {}{over}",
        s.title,
        dur((s.actual_s(now.utc) / 60) as u32)
    );
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
        println!("▶ resumed “{}”, {left} left", s.title);
    } else {
        println!("⏸ paused “{}” with {left} left", s.title);
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
        "+{} for “{}”: {} left",
        dur((secs / 60) as u32),
        s.title,
        clock_text(s.remaining_s(now.utc))
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

/// `serein status`: one line for a status bar, fast enough to run every second. Reads only.
pub fn status(paths: &Paths, now: Now, format: Option<&str>, json: bool) -> Result<(), Failure> {
    // No database yet means nothing runs; don't create one just to say so.
    let session = if paths.db_file().exists() {
        Store::open(&paths.db_file())?.active_session()?
    } else {
        None
    };
    // Read-only: a session nothing ran past its deadline is over (the next start closes it).
    let session = session.filter(|s| !s.clone().recover(now.utc, crate::shell::STALE_S));
    let mut out = std::io::stdout().lock();
    let Some(s) = session else {
        if json {
            writeln!(out, "{}", serde_json::json!({ "state": "idle" }))?;
        }
        return Ok(());
    };
    let phase = s.phase(now.utc);
    let icon = phase.icon();
    let state = match phase {
        Phase::Running => "running",
        Phase::Paused => "paused",
        Phase::Overrun => "overrun",
        Phase::Ended => "idle",
    };
    let remaining = s.remaining_s(now.utc);
    if json {
        let j = StatusJson {
            state,
            id: Some(s.id),
            title: Some(&s.title),
            domain: Some(&s.domain),
            kind: Some(s.kind.as_str()),
            started: Some(s.started),
            deadline: s.deadline(),
            remaining_s: Some(remaining.max(0)),
            overrun_s: Some(s.overrun_s(now.utc)),
        };
        serde_json::to_writer(&mut out, &j)?;
        writeln!(out)?;
        return Ok(());
    }
    let default = if phase == Phase::Overrun {
        "{remaining} {title}"
    } else {
        "{icon} {title} {remaining}"
    };
    let line = format
        .unwrap_or(default)
        .replace("{icon}", icon)
        .replace("{title}", &s.title)
        .replace("{domain}", &s.domain)
        .replace("{kind}", s.kind.as_str())
        .replace("{state}", state)
        .replace("{remaining}", &clock_text(remaining))
        .replace(
            "{deadline}",
            &s.deadline().map(|d| local_hhmm(now, d)).unwrap_or_default(),
        );
    writeln!(out, "{line}")?;
    Ok(())
}
