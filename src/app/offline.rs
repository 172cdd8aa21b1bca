//! Offline hours in the TUI and the daemon: the desired Do-Not-Disturb state every tick (the
//! shell's enforcer acts only when it changes), `o` with confirmation, and the badge text.

use chrono::Duration;

use crate::app::model::{Level, Model};
use crate::app::msg::Effect;
use crate::app::update::Update;
use crate::domain::policy::{self, Manual, Reason};
use crate::domain::session::{SessionKind, State};
use crate::domain::time::{Now, when_text};
use crate::keys::Action;

/// The end of the running focus box that asks for Do-Not-Disturb (not one of
/// `focus_dnd_except`'s domains); an overrun box counts until the next second.
fn focus_until(m: &Model, now: Now) -> Option<chrono::DateTime<chrono::Utc>> {
    let except = &m.config.offline.focus_dnd_except;
    m.timer.session.as_ref().and_then(|s| {
        let counts = s.kind == SessionKind::Focus && !except.contains(&s.domain);
        match s.state {
            State::Running { deadline } if counts => Some(policy::focus_end(deadline, now.utc)),
            _ => None,
        }
    })
}

/// Expands today's and tomorrow's meetings for `meeting_dnd` when the date changed or the
/// calendars (or the config) were read again; whether they changed.
fn refresh_meetings(m: &mut Model, now: Now) -> bool {
    let today = now.local.date();
    if m.offline.meetings_for == Some(today) {
        return false;
    }
    m.offline.meetings_for = Some(today);
    let spans = if m.config.offline.meeting_dnd {
        let tomorrow = today.succ_opt().unwrap_or(today);
        let meetings: Vec<_> = m
            .today
            .calendars
            .loaded
            .iter()
            .flat_map(|l| l.meetings(today, tomorrow, &now.zone))
            .collect();
        policy::meeting_spans(&meetings)
    } else {
        Vec::new()
    };
    let changed = spans != m.offline.meeting_spans;
    m.offline.meeting_spans = spans;
    changed
}

/// Recomputes the desired state; asks the shell to act only when it changed.
pub fn tick(m: &mut Model, now: Now) -> Update {
    if refresh_meetings(m, now) {
        m.offline.dnd_inputs = None;
    }
    let focus_until = focus_until(m, now);
    // The schedule's periods take real work to expand: recompute only when an input changed
    // or the state's own `until` has come.
    let inputs = (focus_until, m.offline.manual);
    let due = m
        .offline
        .dnd_desired
        .as_ref()
        .is_none_or(|d| d.until.is_some_and(|u| now.utc >= u));
    if !due && m.offline.dnd_inputs == Some(inputs) {
        return Update::default();
    }
    m.offline.dnd_inputs = Some(inputs);
    let d = policy::desired_dnd_with(
        &m.offline.schedule,
        &now.zone,
        now.utc,
        focus_until,
        m.config.offline.focus_dnd,
        &m.offline.meeting_spans,
        m.offline.manual,
    );
    if m.offline.dnd_desired.as_ref() == Some(&d) {
        return Update::default();
    }
    m.offline.dnd_desired = Some(d.clone());
    Update {
        redraw: true,
        effects: vec![Effect::SetDnd(d)],
    }
}

/// The header badge: `⊘ offline until 08:00`, or nothing.
pub fn badge(m: &Model) -> Option<String> {
    let d = m.offline.dnd_desired.as_ref().filter(|d| d.on)?;
    let why = match d.reason {
        Some(Reason::Focus) => "focus",
        Some(Reason::Meeting) => "meeting",
        _ => "offline",
    };
    let failed = matches!(
        m.offline.dnd_applied,
        Some(crate::notify::enforcer::Applied::Failed(_))
    );
    let now = Now {
        utc: m.now_utc,
        local: m.now,
        zone: m.zone,
    };
    let until = d.until.map(|u| format!(" until {}", when_text(now, u)));
    Some(format!(
        "⊘ {why}{}{}",
        until.unwrap_or_default(),
        if failed { " (not applied)" } else { "" }
    ))
}

/// `o`: a first press asks, a second within 10 s goes offline for an hour — or, when offline,
/// back to the schedule ([`Manual::off`]: online until the offline stretch ends, or no
/// override at all when only a manual one had put it on).
pub fn toggle(m: &mut Model, now: Now) -> Update {
    let on = m.offline.dnd_desired.as_ref().is_some_and(|d| d.on);
    let confirmed = m
        .offline
        .confirm_pressed
        .is_some_and(|t| (now.local - t).num_seconds() <= 10);
    let key = m.keymap.keys_for(Action::Offline);
    if !confirmed {
        m.offline.confirm_pressed = Some(now.local);
        let what = if on {
            "go online (back to the schedule)"
        } else {
            "go offline for an hour (Do-Not-Disturb on)"
        };
        m.set_status(Level::Info, format!("{key} again to {what}"));
        return Update {
            redraw: true,
            effects: Vec::new(),
        };
    }
    m.offline.confirm_pressed = None;
    let manual = if on {
        Manual::off_with(
            &m.offline.schedule,
            &now.zone,
            now.utc,
            focus_until(m, now),
            m.config.offline.focus_dnd,
            &m.offline.meeting_spans,
        )
    } else {
        Some(Manual {
            on: true,
            until: now.utc + Duration::hours(1),
            for_focus: false,
        })
    };
    m.offline.manual = manual;
    m.set_status(
        Level::Info,
        if on {
            "online: Do-Not-Disturb off"
        } else {
            "offline for an hour"
        },
    );
    let mut u = tick(m, now);
    u.redraw = true;
    u.effects.push(Effect::SetManual(manual));
    u
}
