//! The Breathe screen's decisions: choosing a pattern, the safety text before its first use,
//! running it from `elapsed = now − start` (no per-phase clocks), pause, stop, the log, the
//! bell at phase changes, and the reminders (the 365 method). Pure like the rest of `update`.

use chrono::{Duration, NaiveTime, Timelike};

use crate::app::model::{Breath, BreathStage, Level, Model, Screen};
use crate::app::msg::Effect;
use crate::app::update::Update;
use crate::domain::breath::{Exercise, Pattern};
use crate::domain::session::{EndReason, Session, SessionKind};
use crate::domain::time::Now;
use crate::keys::Action;
use crate::notify::Notification;

/// A number with at most two decimals, written the user's way (`5.45`, `5,45`).
pub fn decimal(x: f64) -> String {
    let s = crate::domain::breath::fmt_secs(x);
    if crate::i18n::lang() == crate::i18n::Lang::Fr {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A pattern's name in the user's language: a preset's from the messages (with its rate or
/// side), a custom pattern's as the user wrote it.
pub fn pattern_name(p: &Pattern) -> String {
    if p.custom {
        return p.name.clone();
    }
    match p.id.as_str() {
        "coherence" => crate::t!("breathe-pattern-coherence"),
        "coherence-4-6" => crate::t!("breathe-pattern-coherence-4-6"),
        "resonance" => crate::t!("breathe-pattern-resonance", rate = decimal(p.per_minute())),
        "box" => crate::t!(
            "breathe-pattern-box",
            secs = decimal(p.phases.first().map_or(0.0, |ph| ph.secs))
        ),
        "478" => crate::t!("breathe-pattern-478"),
        "sigh" => crate::t!("breathe-pattern-sigh"),
        _ => p.name.clone(),
    }
}

fn redraw() -> Update {
    Update {
        redraw: true,
        effects: Vec::new(),
    }
}

/// The patterns on offer, in list order.
pub fn patterns(m: &Model) -> Vec<Pattern> {
    m.config.breathing.patterns()
}

/// `b`: the Breathe screen, with the default pattern selected.
pub fn open(m: &mut Model) -> Update {
    m.breathe.reminder_due = false;
    if m.screen != Screen::Breathe {
        m.breathe.return_to = m.screen;
    }
    m.screen = Screen::Breathe;
    let list = patterns(m);
    let default = &m.config.breathing.default_pattern;
    let i = list.iter().position(|p| &p.id == default).unwrap_or(0);
    if let Some(p) = list.get(i).cloned() {
        m.breathe.breath = Some(Breath {
            exercise: Exercise::default_for(p),
            stage: BreathStage::Choosing(i),
            session: None,
            last_phase: None,
            reduce_motion: m.config.breathing.reduce_motion,
            standalone: false,
        });
    }
    redraw()
}

/// `serein breathe`: straight to the exercise (or its safety text first).
pub fn start_standalone(m: &mut Model, exercise: Exercise, reduce_motion: bool) {
    m.screen = Screen::Breathe;
    m.breathe.breath = Some(Breath {
        exercise,
        stage: BreathStage::Safety,
        session: None,
        last_phase: None,
        reduce_motion: reduce_motion || m.config.breathing.reduce_motion,
        standalone: true,
    });
}

/// After the seen patterns are known: skip the safety text for a pattern practised before.
pub fn seen_loaded(m: &mut Model, names: Vec<String>, now: Now) -> Update {
    m.breathe.seen_patterns.extend(names);
    let ready = m.breathe.breath.as_ref().is_some_and(|b| {
        b.standalone
            && b.stage == BreathStage::Safety
            && m.breathe.seen_patterns.contains(&b.exercise.pattern.name)
    });
    if ready {
        return begin(m, now);
    }
    Update::default()
}

fn begin(m: &mut Model, now: Now) -> Update {
    let Some(b) = m.breathe.breath.as_mut() else {
        return Update::default();
    };
    b.stage = BreathStage::Running {
        started: now.utc,
        paused_at: None,
        paused_ms: 0,
    };
    b.last_phase = None;
    let p = &b.exercise.pattern;
    let s = Session::start(
        &p.name,
        "health",
        SessionKind::Breathing,
        None,
        (b.exercise.total_secs().round() as i64).max(1),
        now.utc,
        now.local.date(),
        now.offset_s(),
    );
    m.breathe.seen_patterns.insert(p.name.clone());
    // Kept here; `logged` gives it its id once stored.
    b.session = Some(s.clone());
    Update {
        redraw: true,
        effects: vec![Effect::LogBreath(s)],
    }
}

/// Seconds into the exercise at `now`, pauses excluded.
pub fn elapsed(stage: &BreathStage, now: Now) -> f64 {
    match stage {
        BreathStage::Running {
            started,
            paused_at,
            paused_ms,
        } => {
            let until = paused_at.unwrap_or(now.utc);
            ((until - *started).num_milliseconds() - paused_ms).max(0) as f64 / 1000.0
        }
        BreathStage::Done { secs, .. } => *secs,
        _ => 0.0,
    }
}

/// The stored session got its id.
pub fn logged(m: &mut Model, id: i64) -> Update {
    if let Some(s) = m.breathe.breath.as_mut().and_then(|b| b.session.as_mut()) {
        s.id = id;
    }
    Update::default()
}

/// Ends the exercise: logged as finished or stopped, with the real end and the time paused.
fn end(m: &mut Model, completed: bool, now: Now) -> Update {
    let Some(b) = m.breathe.breath.as_mut() else {
        return Update::default();
    };
    let total = b.exercise.total_secs();
    let secs = elapsed(&b.stage, now).min(total);
    let (started, paused_ms) = match b.stage {
        BreathStage::Running {
            started,
            paused_at,
            paused_ms,
        } => (
            Some(started),
            paused_ms + paused_at.map_or(0, |p| (now.utc - p).num_milliseconds().max(0)),
        ),
        _ => (None, 0),
    };
    b.stage = BreathStage::Done { completed, secs };
    let mut u = redraw();
    // A session the store never got (id 0) is neither saved nor counted.
    if let Some(mut s) = b.session.take().filter(|s| s.id != 0) {
        let reason = if completed {
            EndReason::Finished
        } else {
            EndReason::Stopped
        };
        // A completed exercise ended exactly at its length (plus pauses), not at the frame
        // that noticed it.
        let at = match (completed, started) {
            (true, Some(st)) => st + Duration::milliseconds((total * 1000.0) as i64 + paused_ms),
            _ => now.utc,
        };
        s.paused_s = paused_ms / 1000;
        let _ = s.end(reason, at);
        m.timer.sessions_today.push(s.clone());
        u.effects.push(Effect::SaveSession(s));
    }
    if m.config.breathing.bell && completed {
        u.effects.push(Effect::Bell);
    }
    if m.config.sound.enabled && m.config.sound.breathing && completed {
        u.effects.push(Effect::Chime {
            claim: None,
            file: m.config.sound.file.clone(),
        });
    }
    u
}

/// Leaving the app mid-exercise (quit, Ctrl-C, a signal): it is logged as stopped.
pub fn stop_for_exit(m: &mut Model, now: Now) -> Update {
    if m.breathe
        .breath
        .as_ref()
        .is_some_and(|b| matches!(b.stage, BreathStage::Running { .. }))
    {
        return end(m, false, now);
    }
    Update::default()
}

/// Back to the screen before Breathe (or out of `serein breathe`).
pub fn leave(m: &mut Model) -> Update {
    let standalone = m.breathe.breath.as_ref().is_some_and(|b| b.standalone);
    m.breathe.breath = None;
    m.screen = m.breathe.return_to;
    if standalone {
        return Update {
            redraw: true,
            effects: vec![Effect::Quit],
        };
    }
    redraw()
}

/// An action on the Breathe screen (help and quit are handled before). `pause` also starts
/// (space is play/pause); `back` stops a running exercise, which is logged.
pub fn action(m: &mut Model, a: Action, now: Now) -> Update {
    let Some(stage) = m.breathe.breath.as_ref().map(|b| b.stage.clone()) else {
        return leave(m);
    };
    let list = patterns(m);
    match (stage, a) {
        (BreathStage::Choosing(i), Action::Down) => choose(m, &list, i + 1),
        (BreathStage::Choosing(i), Action::Up) => choose(m, &list, i.saturating_sub(1)),
        (BreathStage::Choosing(_), Action::Start | Action::PauseResume)
        | (BreathStage::Done { .. }, Action::Start) => {
            let name = m
                .breathe
                .breath
                .as_ref()
                .map(|b| b.exercise.pattern.name.clone())
                .unwrap_or_default();
            if m.breathe.seen_patterns.contains(&name) {
                begin(m, now)
            } else {
                if let Some(b) = m.breathe.breath.as_mut() {
                    b.stage = BreathStage::Safety;
                }
                redraw()
            }
        }
        (BreathStage::Choosing(_), Action::Back) | (BreathStage::Done { .. }, Action::Back) => {
            leave(m)
        }
        (BreathStage::Safety, Action::Start | Action::PauseResume) => begin(m, now),
        (BreathStage::Safety, Action::Back) => {
            if m.breathe.breath.as_ref().is_some_and(|b| b.standalone) {
                return leave(m);
            }
            let i = list
                .iter()
                .position(|p| {
                    Some(&p.name) == m.breathe.breath.as_ref().map(|b| &b.exercise.pattern.name)
                })
                .unwrap_or(0);
            choose(m, &list, i)
        }
        (
            BreathStage::Running {
                started,
                paused_at,
                paused_ms,
            },
            Action::PauseResume,
        ) => {
            let stage = match paused_at {
                None => BreathStage::Running {
                    started,
                    paused_at: Some(now.utc),
                    paused_ms,
                },
                Some(at) => BreathStage::Running {
                    started,
                    paused_at: None,
                    paused_ms: paused_ms + (now.utc - at).num_milliseconds().max(0),
                },
            };
            if let Some(b) = m.breathe.breath.as_mut() {
                b.stage = stage;
            }
            redraw()
        }
        (BreathStage::Running { .. }, Action::Back) => end(m, false, now),
        (BreathStage::Running { .. }, Action::Motion) => {
            if let Some(b) = m.breathe.breath.as_mut() {
                b.reduce_motion = !b.reduce_motion;
            }
            redraw()
        }
        _ => Update::default(),
    }
}

fn choose(m: &mut Model, list: &[Pattern], i: usize) -> Update {
    let i = i.min(list.len().saturating_sub(1));
    if let (Some(b), Some(p)) = (m.breathe.breath.as_mut(), list.get(i)) {
        b.exercise = Exercise::default_for(p.clone());
        b.stage = BreathStage::Choosing(i);
    }
    redraw()
}

/// A 30 fps frame, or the 1 Hz tick: moves the exercise on, rings the bell at phase changes
/// and ends it when its time is up.
pub fn advance(m: &mut Model, now: Now, frame: bool) -> Update {
    let Some(b) = m.breathe.breath.as_mut() else {
        return Update::default();
    };
    if !matches!(b.stage, BreathStage::Running { .. }) {
        return Update::default();
    }
    let t = elapsed(&b.stage, now);
    let f = b.exercise.at(t);
    if f.done {
        return end(m, true, now);
    }
    // Paused, nothing moves: the tick has nothing to draw.
    let paused = matches!(
        b.stage,
        BreathStage::Running {
            paused_at: Some(_),
            ..
        }
    );
    let mut u = Update {
        // Frames redraw the moving shape; without motion, the tick redraws the countdown.
        redraw: frame || (!paused && (b.reduce_motion || m.screen != Screen::Breathe)),
        effects: Vec::new(),
    };
    let phase = (f.kind, f.cycle, f.prelude);
    if b.last_phase.is_some_and(|p| p != phase) {
        if m.config.breathing.bell {
            u.effects.push(Effect::Bell);
        }
        if m.config.sound.enabled && m.config.sound.breathing {
            u.effects.push(Effect::Chime {
                claim: None,
                file: m.config.sound.file.clone(),
            });
        }
    }
    b.last_phase = Some(phase);
    u
}

/// The 365 method's reminders: at each configured time (for two hours after it), once. Held
/// back during a focus session, while snoozed, while the Breathe screen is open and during
/// offline hours; a held reminder comes when that ends, if still within its two hours.
pub fn reminders(m: &mut Model, now: Now) -> Update {
    let mut u = Update::default();
    let minute = now.local.hour() * 60 + now.local.minute();
    // A reminder left unanswered shows (header marker) until its two hours are over.
    if m.breathe.reminder_due
        && !m.config.breathing.reminders.iter().any(|t| {
            let at = u32::from(t.0);
            (at..at + 120).contains(&minute)
        })
    {
        m.breathe.reminder_due = false;
        u.redraw = true;
    }
    if m.config.breathing.reminders.is_empty()
        || m.breathe.snoozed_until.is_some_and(|t| now.local < t)
        || m.timer
            .session
            .as_ref()
            .is_some_and(|s| s.kind == SessionKind::Focus)
        || m.screen == Screen::Breathe
        // Held until the offline window ends.
        || m.offline_hours()
    {
        return u;
    }
    for t in m.config.breathing.reminders.clone() {
        let at = u32::from(t.0);
        if minute < at || minute >= at + 120 {
            continue;
        }
        let snoozes = m
            .breathe
            .snoozed_until
            .map_or(0, |s| s.and_utc().timestamp());
        let key = format!(
            "breathe {} {}{}",
            now.local.date(),
            NaiveTime::from_hms_opt(at / 60, at % 60, 0)
                .map_or_else(String::new, |t| t.format("%H:%M").to_string()),
            if snoozes > 0 {
                format!(" snoozed {snoozes}")
            } else {
                String::new()
            }
        );
        if !m.timer.notified.insert(key.clone()) {
            continue;
        }
        let p = m
            .config
            .breathing
            .pattern(&m.config.breathing.default_pattern);
        let what = p.map_or_else(
            || crate::t!("breathe-reminder-any"),
            |p| {
                let e = Exercise::default_for(p.clone());
                crate::t!(
                    "breathe-reminder-what",
                    name = pattern_name(&p),
                    minutes = format!("{}", (e.total_secs() / 60.0).round())
                )
            },
        );
        let keys = (
            m.keymap.keys_for(Action::Breathe),
            m.keymap.keys_for(Action::Snooze),
        );
        m.set_status(
            Level::Info,
            crate::t!(
                "breathe-reminder-status",
                what = what.clone(),
                start = keys.0,
                snooze = keys.1
            ),
        );
        u.redraw = true;
        m.breathe.reminder_due = true;
        if m.config.timer.notifications {
            u.effects.push(Effect::Remind {
                key,
                notification: Notification::new(crate::t!("breathe-reminder-title"), what),
            });
        }
        break;
    }
    u
}

/// `z`: put the reminder off for `snooze_minutes`.
pub fn snooze(m: &mut Model, now: Now) -> Update {
    let mins = i64::from(m.config.breathing.snooze_minutes);
    m.breathe.reminder_due = false;
    m.breathe.snoozed_until = Some(now.local + Duration::minutes(mins));
    m.set_status(Level::Info, crate::t!("breathe-snoozed", minutes = mins));
    redraw()
}
