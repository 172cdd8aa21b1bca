//! Offline hours in the TUI and the daemon: the desired Do-Not-Disturb state every tick (the
//! shell's enforcer acts only when it changes), `o` with confirmation, and the badge text.

use chrono::Duration;

use crate::app::model::{Level, Model};
use crate::app::msg::Effect;
use crate::app::update::Update;
use crate::domain::policy::{self, Manual, Reason};
use crate::domain::session::{SessionKind, State};
use crate::domain::time::{Now, local_hhmm};
use crate::i18n::{DateStyle, date};
use crate::keys::Action;
use crate::t;

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

/// `08:00` today, `Tue 08:00` / `mar. 08:00` another day (weekday in the user's language).
fn when_words(now: Now, at: chrono::DateTime<chrono::Utc>) -> String {
    let hhmm = local_hhmm(&now.zone, now, at);
    let day = at.with_timezone(&now.zone).date_naive();
    if day == now.local.date() {
        hhmm
    } else {
        format!("{} {hhmm}", date(day, DateStyle::Weekday))
    }
}

/// The header badge: `⊘ offline until 08:00`, or nothing.
pub fn badge(m: &Model) -> Option<String> {
    let d = m.offline.dnd_desired.as_ref().filter(|d| d.on)?;
    let why = match d.reason {
        Some(Reason::Focus) => t!("offline-badge-focus"),
        Some(Reason::Meeting) => t!("offline-badge-meeting"),
        _ => t!("offline-badge-offline"),
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
    let badge = match d.until {
        Some(u) => t!("offline-badge-until", why = why, when = when_words(now, u)),
        None => t!("offline-badge", why = why),
    };
    Some(if failed {
        format!("{badge} {}", t!("offline-not-applied"))
    } else {
        badge
    })
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
        let text = if on {
            t!("offline-confirm-online", key = key)
        } else {
            t!("offline-confirm-offline", key = key)
        };
        m.set_status(Level::Info, text);
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
            t!("offline-now-online")
        } else {
            t!("offline-now-offline")
        },
    );
    let mut u = tick(m, now);
    u.redraw = true;
    u.effects.push(Effect::SetManual(manual));
    u
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::config::Config;
    use crate::i18n::{Lang, with_lang};
    use crate::keys::Keymap;

    /// The header badge in both languages: until a time today, until a weekday's time, and
    /// when the desktop refused it.
    #[test]
    fn the_badge_in_english_and_french() {
        let now = NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(22, 0, 0)
            .unwrap();
        let mut m = Model::new(Config::default(), Keymap::default(), now);
        let until = |h| Utc.from_utc_datetime(&now) + Duration::hours(h);
        let cases = [
            (
                2,
                false,
                "⊘ offline until Tue 00:00",
                "⊘ hors ligne jusqu’à mar. 00:00",
            ),
            (
                1,
                false,
                "⊘ offline until 23:00",
                "⊘ hors ligne jusqu’à 23:00",
            ),
            (
                1,
                true,
                "⊘ offline until 23:00 (not applied)",
                "⊘ hors ligne jusqu’à 23:00 (non appliqué)",
            ),
        ];
        for (hours, failed, en, fr) in cases {
            m.offline.dnd_desired = Some(policy::Dnd {
                on: true,
                reason: Some(Reason::Schedule),
                until: Some(until(hours)),
            });
            m.offline.dnd_applied =
                failed.then(|| crate::notify::enforcer::Applied::Failed("no".into()));
            let got = |l| with_lang(l, || badge(&m)).unwrap();
            assert_eq!(got(Lang::En), en);
            assert_eq!(got(Lang::Fr), fr);
        }
    }
}
