//! The timer's decisions: starting boxes and breaks, the 1 Hz tick (notifications, overrun,
//! `on_end`), finishing, skipping and what comes next. Pure like the rest of `update`.

use chrono::{DateTime, Utc};

use crate::app::model::{Level, Mode, Model, Offer, Prompt, PromptPurpose, Screen};
use crate::app::msg::Effect;
use crate::app::update::Update;
use crate::config::{OnEnd, Transition};
use crate::domain::plan::{self, Kind, Timebox, dur, hhmm};
use crate::domain::session::HookEvent;
use crate::domain::session::{
    EndReason, Session, SessionError, SessionKind, State, clock_text, focus_streak_s,
    suggested_break_minutes,
};
use crate::domain::time::Now;
use crate::domain::time::local_hhmm;
use crate::domain::time::minute_of_day;
use crate::keys::Action;
use crate::notify::Notification;
use crate::t;

/// What follows a finished session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Offer (or, per config, start) what comes next. `auto`: it ended by itself.
    Transition { auto: bool },
    /// Start the next box now (skip).
    StartNext,
}

fn hook_event(event: &str, s: &Session, now: Now) -> HookEvent {
    HookEvent {
        event: event.to_string(),
        title: s.title.clone(),
        domain: s.domain.clone(),
        remaining_s: s.remaining_s(now.utc),
    }
}

/// Asks for a notification once per `(session, key)` in this process (the shell then claims
/// it in the database, once across processes).
fn notify(m: &mut Model, u: &mut Update, s: &Session, key: String, n: Notification) -> bool {
    // During offline hours only what the user asked for gets through: the end of their box.
    if m.offline_hours() && !key.starts_with("end") {
        return false;
    }
    if !m.timer.notified.insert(format!("{}:{key}", s.id)) {
        return false;
    }
    if m.config.timer.notifications {
        u.effects.push(Effect::Notify {
            session: s.id,
            key,
            notification: n.with_tag("serein-session"),
        });
    }
    true
}

fn hook(m: &Model, u: &mut Update, s: &Session, key: String, event: &str, now: Now) {
    if let Some(argv) = m.config.hooks.for_event(event) {
        u.effects.push(Effect::Hook {
            session: s.id,
            key,
            argv: argv.to_vec(),
            event: hook_event(event, s, now),
        });
    }
}

/// Starts a session for a planned box: its full planned length, from now.
pub fn start_box(m: &mut Model, b: &Timebox, now: Now) -> Update {
    let minutes = i64::from(plan::real_len(b, &now.zone)).max(1);
    let s = Session::start(
        &b.title,
        &b.domain,
        SessionKind::from(b.kind),
        Some(b.id),
        minutes * 60,
        now.utc,
        now.local.date(),
        now.offset_s(),
    );
    start(m, s)
}

/// Starts an unplanned break.
pub fn start_break(m: &mut Model, minutes: u16, domain: &str, now: Now) -> Update {
    let s = Session::start(
        &t!("timer-break-title"),
        domain,
        SessionKind::Break,
        None,
        i64::from(minutes) * 60,
        now.utc,
        now.local.date(),
        now.offset_s(),
    );
    start(m, s)
}

fn start(m: &mut Model, s: Session) -> Update {
    m.timer.offer = None;
    m.timer.last_ended = None;
    m.screen = Screen::Timer;
    Update {
        redraw: true,
        effects: vec![Effect::StartSession(s), Effect::EnsureDaemon],
    }
}

/// A session was stored: it runs now.
pub fn started(m: &mut Model, s: Session, now: Now) -> Update {
    let mut u = Update {
        redraw: true,
        effects: Vec::new(),
    };
    let until = s
        .deadline()
        .map(|d| local_hhmm(&now.zone, now, d))
        .unwrap_or_default();
    let (summary, event) = match s.kind {
        SessionKind::Break => (t!("timer-notify-break", title = &s.title), "break"),
        _ => (format!("▶ {}", s.title), "start"),
    };
    let body = t!(
        "timer-notify-start-body",
        len = dur((s.planned_s / 60) as u32),
        until = until.as_str()
    );
    notify(
        m,
        &mut u,
        &s,
        "start".into(),
        Notification::new(summary, body),
    );
    hook(m, &mut u, &s, format!("hook:{event}"), event, now);
    if s.kind == SessionKind::Break {
        let b = m.keymap.keys_for(Action::Breathe);
        m.set_status(
            Level::Info,
            t!("timer-status-break", until = until.as_str(), key = b),
        );
    } else {
        m.set_status(
            Level::Info,
            t!(
                "timer-status-started",
                title = &s.title,
                until = until.as_str()
            ),
        );
    }
    if m.timer.after_hours_confirm.take().is_some() && s.timebox_id.is_some() {
        u.effects.push(Effect::MarkAfterHours(s.id));
    }
    m.timer.session = Some(s);
    u
}

/// Ignores the heartbeat, which moves every second without changing anything shown.
fn same(a: &Option<Session>, b: &Option<Session>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            Session {
                heartbeat: b.heartbeat,
                ..a.clone()
            } == *b
        }
        (None, None) => true,
        _ => false,
    }
}

/// The active session as stored (changes by the CLI or another process show up here).
/// A session new to this process that began in the last minute (`serein start`) gets its
/// "started" notification and start hook here; the claims keep them to one process.
pub fn loaded(m: &mut Model, s: Option<Session>, now: Now) -> Update {
    if same(&m.timer.session, &s) {
        return Update::default();
    }
    let fresh = s.as_ref().filter(|new| {
        m.timer.session.as_ref().is_none_or(|old| old.id != new.id)
            && (now.utc - new.started).num_seconds() < 60
            && new.is_active()
    });
    if let Some(new) = fresh.cloned() {
        let u = started(m, new, now);
        m.status = None;
        return u;
    }
    m.timer.session = s;
    Update {
        redraw: true,
        effects: Vec::new(),
    }
}

/// The 1 Hz tick while a session exists.
pub fn tick(m: &mut Model, now: Now) -> Update {
    let mut u = Update::default();
    let Some(s) = m.timer.session.clone() else {
        return u;
    };
    u.effects.push(Effect::Heartbeat(s.id, now.utc));
    let State::Running { deadline } = s.state else {
        return u;
    };
    // The countdown's seconds change: the one thing drawn every second.
    u.redraw = true;
    let rem = s.remaining_s(now.utc);
    let remind = i64::from(m.config.timer.remind_before_end_minutes) * 60;
    if remind > 0 && s.total_s() > remind && rem > 0 && rem <= remind {
        let n = Notification::new(
            t!(
                "timer-notify-left",
                len = dur(((rem + 59) / 60) as u32),
                title = &s.title
            ),
            t!(
                "timer-notify-ends-at",
                time = local_hhmm(&now.zone, now, deadline)
            ),
        );
        // Keyed by the extensions so far: a pause moves the deadline but must not re-send.
        notify(m, &mut u, &s, format!("remind@{}", s.extended_s), n);
    }
    if rem <= 0 {
        let n = match s.kind {
            SessionKind::Break => Notification::new(
                t!("timer-notify-break-over"),
                t!("timer-notify-has-ended", title = &s.title),
            ),
            _ => Notification::new(
                t!("timer-notify-time-up", title = &s.title),
                t!("timer-notify-time-up-body"),
            ),
        };
        let key = format!("end@{}", s.extended_s);
        if notify(m, &mut u, &s, key.clone(), n) {
            if m.config.timer.bell {
                u.effects.push(Effect::Bell);
            }
            if m.config.sound.enabled && m.config.sound.box_end {
                u.effects.push(Effect::Chime {
                    claim: Some((s.id, format!("chime:{key}"))),
                    file: m.config.sound.file.clone(),
                });
            }
        }
        if m.config.timer.on_end != OnEnd::Overrun {
            let f = finish(
                m,
                EndReason::Finished,
                deadline,
                now,
                Then::Transition { auto: true },
            );
            u.effects.extend(f.effects);
        }
    }
    u
}

/// Ends the running session at `at` and decides what follows.
pub fn finish(m: &mut Model, reason: EndReason, at: DateTime<Utc>, now: Now, then: Then) -> Update {
    let mut u = Update {
        redraw: true,
        effects: Vec::new(),
    };
    let Some(mut s) = m.timer.session.take() else {
        return u;
    };
    // The next box is chosen before this one is marked done.
    let next = next_after(m, &s, now).cloned();
    if s.end(reason, at).is_err() {
        return u;
    }
    u.effects.push(Effect::SaveSession(s.clone()));
    if reason == EndReason::Finished
        && let Some(id) = s.timebox_id
    {
        u.effects.push(Effect::MarkDone(id));
    }
    hook(m, &mut u, &s, "hook:end".into(), "end", now);
    let spent = dur((s.actual_s(now.utc) / 60) as u32);
    m.set_status(
        Level::Info,
        t!(
            "timer-status-ended",
            reason = t!("timer-reason", reason = reason.as_str()),
            title = &s.title,
            spent = spent
        ),
    );
    m.timer.sessions_today.push(s.clone());
    m.timer.last_ended = Some(s.clone());
    let follow = match then {
        Then::StartNext => match next {
            Some(b) => start_box(m, &b, now),
            None => Update::default(),
        },
        Then::Transition { auto } => transition(m, &s, next, now, auto),
    };
    u.effects.extend(follow.effects);
    u.effects.push(Effect::LoadDay(m.today.date));
    u
}

fn next_after<'a>(m: &'a Model, s: &Session, now: Now) -> Option<&'a Timebox> {
    if m.today.date != s.local_date {
        return None;
    }
    plan::next_box(&m.today.boxes, s.timebox_id, minute_of_day(now.local))
}

/// After a session: start or offer the next planned box, or a break when one is due.
fn transition(
    m: &mut Model,
    ended: &Session,
    next: Option<Timebox>,
    now: Now,
    auto: bool,
) -> Update {
    let cfg = m.config.timer.clone();
    let chain = auto && cfg.on_end == OnEnd::Next;
    let offer = match ended.kind {
        SessionKind::Focus => {
            let streak = focus_streak_s(&m.timer.sessions_today, now.utc);
            let due = streak >= i64::from(cfg.break_after_minutes) * 60;
            match next {
                Some(b) if b.kind == Kind::Break => Some((
                    Offer::Box(b),
                    chain || cfg.focus_to_break == Transition::Auto,
                )),
                _ if due => Some((
                    Offer::Break {
                        minutes: suggested_break_minutes(streak, cfg.break_ratio),
                        domain: ended.domain.clone(),
                    },
                    cfg.focus_to_break == Transition::Auto,
                )),
                Some(b) => Some((Offer::Box(b), chain)),
                None => None,
            }
        }
        SessionKind::Break => next.map(|b| {
            (
                Offer::Box(b),
                chain || cfg.break_to_focus == Transition::Auto,
            )
        }),
        SessionKind::Breathing => None,
    };
    match offer {
        Some((o, true)) => accept(m, o, now),
        Some((o, false)) => {
            let keys = m.keymap.keys_for(Action::Start);
            let text = match &o {
                Offer::Box(b) => t!(
                    "timer-status-next",
                    time = hhmm(b.start),
                    title = &b.title,
                    key = keys.as_str()
                ),
                Offer::Break { minutes, .. } => t!(
                    "timer-status-focused",
                    focused = dur((focus_streak_s(&m.timer.sessions_today, now.utc) / 60) as u32),
                    key = keys.as_str(),
                    minutes = *minutes
                ),
            };
            m.set_status(Level::Info, text);
            m.timer.offer = Some(o);
            Update::default()
        }
        None => Update::default(),
    }
}

fn accept(m: &mut Model, o: Offer, now: Now) -> Update {
    match o {
        Offer::Box(b) => start_box(m, &b, now),
        Offer::Break { minutes, domain } => start_break(m, minutes, &domain, now),
    }
}

fn save(m: &mut Model, s: Session, status: String) -> Update {
    m.set_status(Level::Info, status);
    m.timer.session = Some(s.clone());
    Update {
        redraw: true,
        effects: vec![Effect::SaveSession(s)],
    }
}

/// Timer keys (and `Start` on either screen).
pub fn action(m: &mut Model, a: Action, now: Now) -> Update {
    match a {
        Action::Start => start_key(m, now),
        Action::Back => {
            m.screen = Screen::Today;
            Update::redraw()
        }
        _ => match m.timer.session.clone() {
            Some(s) => session_action(m, a, s, now),
            None => {
                m.set_status(Level::Info, t!("timer-status-none"));
                Update::redraw()
            }
        },
    }
}

/// `Start`: shows the running session; else, on the Timer (or on Today with an offer and no
/// box selected), takes the offer; else starts the selected box.
fn start_key(m: &mut Model, now: Now) -> Update {
    if m.timer.session.is_some() {
        m.screen = Screen::Timer;
        return Update::redraw();
    }
    if m.screen == Screen::Timer || m.timer.offer.is_some() && m.selected_box().is_none() {
        return match m.timer.offer.take() {
            Some(o) => accept(m, o, now),
            None => {
                m.set_status(Level::Info, t!("timer-status-nothing"));
                Update::redraw()
            }
        };
    }
    start_selected(m, now)
}

/// Starts the box selected on Today, if it is today's. A work focus box in offline hours
/// asks for a second press first, and its session is then recorded as after-hours work.
fn start_selected(m: &mut Model, now: Now) -> Update {
    match m.selected_box().cloned() {
        Some(b)
            if m.today.date == m.today()
                && b.kind == Kind::Focus
                && m.config.work_domains().contains(&b.domain.as_str())
                && m.offline_hours()
                && m.timer.after_hours_confirm != Some(b.id) =>
        {
            m.timer.after_hours_confirm = Some(b.id);
            let k = m.keymap.keys_for(Action::Start);
            m.set_status(Level::Warn, t!("timer-status-offline", key = k));
            Update::redraw()
        }
        Some(b) if m.today.date == m.today() => {
            // Keep the confirmation until the session is stored, to record it.
            if m.timer.after_hours_confirm != Some(b.id) {
                m.timer.after_hours_confirm = None;
            }
            start_box(m, &b, now)
        }
        Some(_) => {
            m.set_status(Level::Warn, t!("timer-status-not-today"));
            Update::redraw()
        }
        None => {
            let add = m.keymap.keys_for(Action::Add);
            m.set_status(Level::Info, t!("timer-status-no-box", key = add));
            Update::redraw()
        }
    }
}

/// A Timer key on the session `s` (a copy of `m.timer.session`).
fn session_action(m: &mut Model, a: Action, mut s: Session, now: Now) -> Update {
    match a {
        Action::PauseResume => pause_resume(m, s, now),
        Action::Extend5 | Action::Extend1 => {
            let secs = if a == Action::Extend5 { 300 } else { 60 };
            match s.extend(secs, now.utc) {
                Ok(()) => {
                    let left = clock_text(s.remaining_s(now.utc));
                    save(
                        m,
                        s,
                        t!("timer-status-extended", minutes = secs / 60, left = left),
                    )
                }
                Err(e) => {
                    m.set_status(Level::Error, session_error_text(&e));
                    Update::redraw()
                }
            }
        }
        Action::Finish => finish(
            m,
            EndReason::Finished,
            now.utc,
            now,
            Then::Transition { auto: false },
        ),
        Action::Skip => finish(m, EndReason::Skipped, now.utc, now, Then::StartNext),
        Action::Interrupt => {
            m.mode = Mode::Input(Prompt {
                purpose: PromptPurpose::Interruption(s.id),
                input: tui_input::Input::default(),
            });
            Update::redraw()
        }
        Action::Note => {
            m.mode = Mode::Input(Prompt {
                purpose: PromptPurpose::Note(s.id),
                input: tui_input::Input::new(s.note.clone().unwrap_or_default()),
            });
            Update::redraw()
        }
        _ => Update::redraw(),
    }
}

/// Pauses the running session `s` (with the pause hook), or resumes the paused one.
fn pause_resume(m: &mut Model, mut s: Session, now: Now) -> Update {
    if matches!(s.state, State::Paused { .. }) {
        let _ = s.resume(now.utc);
        let rem = s.remaining_s(now.utc);
        let text = if rem < 0 {
            t!("timer-status-resumed-over", over = overrun_text(-rem))
        } else {
            t!("timer-status-resumed", left = clock_text(rem))
        };
        save(m, s, text)
    } else {
        let _ = s.pause(now.utc);
        let mut u = save(m, s.clone(), t!("timer-status-paused"));
        hook(
            m,
            &mut u,
            &s,
            format!("hook:pause@{}", s.pauses),
            "pause",
            now,
        );
        u
    }
}

/// Logs an interruption with an optional reason.
pub fn interruption(m: &mut Model, id: i64, reason: &str, now: Now) -> Update {
    let reason = (!reason.trim().is_empty()).then(|| reason.trim().to_string());
    if let Some(s) = m.timer.session.as_mut().filter(|s| s.id == id) {
        s.interruptions += 1;
    }
    m.set_status(Level::Info, t!("timer-status-interruption"));
    Update {
        redraw: true,
        effects: vec![Effect::Interrupt(id, now.utc, reason)],
    }
}

/// Attaches (or clears) the note of the running session.
pub fn note(m: &mut Model, id: i64, text: &str) -> Update {
    let Some(mut s) = m.timer.session.clone().filter(|s| s.id == id) else {
        return Update::default();
    };
    s.note = (!text.trim().is_empty()).then(|| text.trim().to_string());
    save(m, s, t!("timer-status-note"))
}

/// How long a session ran past its end, as a length (`45s`, `6m`, `1h05`): `10:00 over` read
/// like a time of day.
pub fn overrun_text(secs: i64) -> String {
    let secs = secs.max(0);
    if secs < 60 {
        t!("timer-overrun-secs", n = secs)
    } else {
        dur((secs / 60) as u32)
    }
}

/// A refused session operation, in words.
pub fn session_error_text(e: &SessionError) -> String {
    match e {
        SessionError::Paused => t!("timer-error-paused"),
        SessionError::NotPaused => t!("timer-error-not-paused"),
        SessionError::Ended => t!("timer-error-ended"),
        SessionError::BadExtension(secs) => t!("timer-error-extension", secs = *secs),
    }
}

/// The header line on Today while a session exists: `▶ Write report 12:34`. No words: the
/// seconds are patched in place each second (`ui::patch_countdown`).
pub fn status_line(s: &Session, now: DateTime<Utc>) -> String {
    let icon = s.phase(now).icon();
    format!("{icon} {} {}", s.title, clock_text(s.remaining_s(now)))
}
