//! Whether Do-Not-Disturb should be on. The shell reconciles: it computes `desired_dnd` every
//! tick and acts only when it differs from what is applied (DESIGN.md, "DND is reconciled").

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::meeting::{Meeting, MeetingTime};
use super::offline::OfflineSchedule;

/// Why DND is (or is kept) in its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Schedule,
    Focus,
    Manual,
    /// A calendar meeting under way (`[offline] meeting_dnd`).
    Meeting,
}

impl Reason {
    /// A stable, language-neutral code (journal, state file, JSON).
    pub fn code(self) -> &'static str {
        match self {
            Reason::Schedule => "schedule",
            Reason::Focus => "focus",
            Reason::Manual => "manual",
            Reason::Meeting => "meeting",
        }
    }
}

/// From when to when a meeting asks for Do-Not-Disturb.
pub type MeetingSpan = (DateTime<Utc>, DateTime<Utc>);

/// The timed meetings of `meetings` as spans, in start order (all-day events and empty ones
/// ask for nothing; cancelled instances never reach here).
pub fn meeting_spans(meetings: &[Meeting]) -> Vec<MeetingSpan> {
    let mut out: Vec<MeetingSpan> = meetings
        .iter()
        .filter_map(|m| match m.time {
            MeetingTime::Timed { start, end } if end > start && !m.free => Some((start, end)),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The desired DND state.
///
/// `reason`: `Manual` while an override is in force (on or off); otherwise `Focus` or
/// `Schedule` when on, `None` when off.
/// `until`: the next instant the desired on/off value changes if nothing else happens — for an
/// "on" state the end of the whole stretch (a focus box running into offline hours reports the
/// end of those hours), for an "off" state when it next goes on. `None`: it never changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dnd {
    pub on: bool,
    pub reason: Option<Reason>,
    pub until: Option<DateTime<Utc>>,
}

/// A manual override: `serein offline on --until T` / `off`, and `o` in the TUI. In force while
/// `now < until` and, for an "off" override, while its reason holds (see [`desired_dnd`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Manual {
    pub on: bool,
    pub until: DateTime<Utc>,
    /// An "off" made while a focus box asked for Do-Not-Disturb (and the schedule did not): it
    /// lasts while a focus box runs, however long it overruns, and never past `until` (when
    /// the offline hours next begin, or a day).
    pub for_focus: bool,
}

/// Until when a running focus box asks for Do-Not-Disturb: its deadline, or — overrunning —
/// the next second, for as long as it keeps running. The TUI, the daemon and the CLI all
/// count it this way.
pub fn focus_end(deadline: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    deadline.max(now + Duration::seconds(1))
}

/// How long `offline off` keeps you online when what asks for Do-Not-Disturb never ends (a
/// schedule that is offline all week).
const OFF_WITHOUT_END_H: i64 = 24;

impl Manual {
    /// `serein offline off` (and `o` when offline): back to the schedule. `None` (clear any
    /// override) when nothing but an override asks for Do-Not-Disturb now — after a manual
    /// `on`, say. Otherwise online until the end of the stretch that asks for it (the offline
    /// window, or a focus box with `focus_dnd`); the schedule takes over again from there.
    pub fn off<Tz: TimeZone>(
        schedule: &OfflineSchedule,
        tz: &Tz,
        now: DateTime<Utc>,
        focus_running_until: Option<DateTime<Utc>>,
        focus_dnd: bool,
    ) -> Option<Self> {
        Self::off_with(schedule, tz, now, focus_running_until, focus_dnd, &[])
    }

    /// [`Manual::off`] with the meetings that ask for Do-Not-Disturb (`meeting_dnd`): during
    /// a meeting, online until it ends.
    pub fn off_with<Tz: TimeZone>(
        schedule: &OfflineSchedule,
        tz: &Tz,
        now: DateTime<Utc>,
        focus_running_until: Option<DateTime<Utc>>,
        focus_dnd: bool,
        meetings: &[MeetingSpan],
    ) -> Option<Self> {
        let d = desired_dnd_with(
            schedule,
            tz,
            now,
            focus_running_until,
            focus_dnd,
            meetings,
            None,
        );
        if !d.on {
            return None;
        }
        let day = now + Duration::hours(OFF_WITHOUT_END_H);
        let by_schedule = desired_dnd_with(schedule, tz, now, None, false, meetings, None);
        if d.reason == Some(Reason::Focus) && !by_schedule.on {
            // A focus box's deadline is no end (it overruns, it is extended): online while it
            // runs, until the offline hours next begin at the latest.
            return Some(Self {
                on: false,
                until: by_schedule.until.map_or(day, |u| u.min(day)),
                for_focus: true,
            });
        }
        Some(Self {
            on: false,
            until: d.until.unwrap_or(day),
            for_focus: false,
        })
    }
}

/// The inputs fixed at one tick; `state(t)` says what they imply at instant `t`.
struct Inputs<'a, Tz: TimeZone> {
    schedule: &'a OfflineSchedule,
    tz: &'a Tz,
    focus_until: Option<DateTime<Utc>>,
    /// Meetings asking for DND, in start order.
    meetings: &'a [MeetingSpan],
    manual: Option<Manual>,
}

impl<Tz: TimeZone> Inputs<'_, Tz> {
    fn manual_at(&self, t: DateTime<Utc>) -> Option<Manual> {
        self.manual
            .filter(|m| t < m.until && (!m.for_focus || self.focus_at(t).is_some()))
    }

    fn focus_at(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.focus_until.filter(|&u| t < u)
    }

    /// Whether a focus box, the schedule or a meeting asks for Do-Not-Disturb at `t`
    /// (overrides aside). A meeting in offline hours is offline hours (what may reach you
    /// then is decided by them).
    fn asked_at(&self, t: DateTime<Utc>) -> Option<Reason> {
        if self.focus_at(t).is_some() {
            Some(Reason::Focus)
        } else if self.schedule.is_offline(self.tz, t) {
            Some(Reason::Schedule)
        } else if self.meetings.iter().any(|&(a, b)| a <= t && t < b) {
            Some(Reason::Meeting)
        } else {
            None
        }
    }

    /// The first meeting start or end after `t`.
    fn next_meeting_edge(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.meetings
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .filter(|&e| e > t)
            .min()
    }

    /// An "off" override is made to be online for the rest of a stretch that asks for DND
    /// and ends at its `until` ([`Manual::off`]). Its reason holds while something still asks
    /// for DND just before that `until`; when the offline hours were edited so that nothing
    /// does any more (the window is gone or now ends earlier), or the focus box ended early,
    /// it is void and the schedule and focus boxes apply again. An "on" override is the user's
    /// own choice with its own end: it always holds. Depends on the inputs only, never on
    /// the history, so every re-read of the config re-evaluates it.
    fn holds(&self, m: &Manual) -> bool {
        m.on || m.for_focus || self.asked_at(m.until - Duration::seconds(1)).is_some()
    }

    /// (on, reason) at `t`: manual > focus > schedule.
    fn state(&self, t: DateTime<Utc>) -> (bool, Option<Reason>) {
        match self.manual_at(t) {
            Some(m) => (m.on, Some(Reason::Manual)),
            None => {
                let asked = self.asked_at(t);
                (asked.is_some(), asked)
            }
        }
    }

    /// The next instant after `t` at which the state could change.
    fn next_event(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if let Some(m) = self.manual_at(t) {
            // An "off" for a focus box ends with the box, if that comes first.
            let focus_end = self.focus_at(t).filter(|_| m.for_focus);
            Some(focus_end.map_or(m.until, |f| f.min(m.until)))
        } else if let Some(u) = self.focus_at(t) {
            Some(u)
        } else {
            let schedule = self.schedule.next_change(self.tz, t);
            match (schedule, self.next_meeting_edge(t)) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        }
    }
}

/// The desired state: a manual override wins until it expires (an "off" one only while its
/// reason holds, see `Inputs::holds`); else a running focus session (if `focus_dnd`) or the
/// schedule.
pub fn desired_dnd<Tz: TimeZone>(
    schedule: &OfflineSchedule,
    tz: &Tz,
    now: DateTime<Utc>,
    focus_running_until: Option<DateTime<Utc>>,
    focus_dnd: bool,
    manual: Option<Manual>,
) -> Dnd {
    desired_dnd_with(
        schedule,
        tz,
        now,
        focus_running_until,
        focus_dnd,
        &[],
        manual,
    )
}

/// [`desired_dnd`] with the meetings that ask for Do-Not-Disturb (`meeting_dnd`; empty when
/// it is off). Priority: manual > focus > schedule > meeting; `until` is then the next
/// meeting edge where the on/off value flips, so the loop wakes at meeting starts and ends.
pub fn desired_dnd_with<Tz: TimeZone>(
    schedule: &OfflineSchedule,
    tz: &Tz,
    now: DateTime<Utc>,
    focus_running_until: Option<DateTime<Utc>>,
    focus_dnd: bool,
    meetings: &[MeetingSpan],
    manual: Option<Manual>,
) -> Dnd {
    let mut inputs = Inputs {
        schedule,
        tz,
        focus_until: focus_running_until.filter(|_| focus_dnd),
        meetings,
        manual: None,
    };
    inputs.manual = manual.filter(|m| inputs.holds(m));
    let (on, reason) = inputs.state(now);
    // Walk events until the on/off value flips. Manual and focus expire once each and every
    // schedule change is a real change, so this ends within a few steps (plus two per meeting:
    // back-to-back meetings are edges without a flip).
    let mut t = now;
    let mut until = None;
    for _ in 0..4 + 2 * meetings.len() {
        let Some(next) = inputs.next_event(t) else {
            break;
        };
        if inputs.state(next).0 != on {
            until = Some(next);
            break;
        }
        t = next;
    }
    Dnd { on, reason, until }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::offline::parse_rule;
    use crate::domain::time;
    use chrono::{Duration, NaiveDateTime};
    use chrono_tz::Europe::Paris;
    use proptest::prelude::*;

    /// weekdays = "19:00-08:00", saturday = "all", sunday = "all".
    fn standard() -> OfflineSchedule {
        schedule("19:00-08:00", "all")
    }

    fn schedule(weekdays: &str, weekend: &str) -> OfflineSchedule {
        let r = |s| parse_rule(s).unwrap();
        OfflineSchedule::from_parts(r(weekdays), r(weekend), r(weekend), Default::default())
    }

    fn paris(s: &str) -> DateTime<Utc> {
        time::resolve(
            &Paris,
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
        )
    }

    fn dnd(on: bool, reason: Option<Reason>, until: Option<&str>) -> Dnd {
        Dnd {
            on,
            reason,
            until: until.map(paris),
        }
    }

    #[test]
    fn table() {
        use Reason::{Focus, Schedule};
        const MANUAL: Option<Reason> = Some(Reason::Manual);
        let on = |u: &str| Manual {
            on: true,
            until: paris(u),
            for_focus: false,
        };
        let off = |u: &str| Manual {
            on: false,
            until: paris(u),
            for_focus: false,
        };
        // 2026-11-24 is a Tuesday. (now, focus until, focus_dnd, manual, want)
        type Case = (
            &'static str,
            Option<&'static str>,
            bool,
            Option<Manual>,
            Dnd,
        );
        let cases: Vec<Case> = vec![
            // Schedule alone: until = next change, either way.
            (
                "2026-11-24 12:00",
                None,
                true,
                None,
                dnd(false, None, Some("2026-11-24 19:00")),
            ),
            (
                "2026-11-24 20:00",
                None,
                true,
                None,
                dnd(true, Some(Schedule), Some("2026-11-25 08:00")),
            ),
            // Focus sets Focus with its end...
            (
                "2026-11-24 12:00",
                Some("2026-11-24 12:50"),
                true,
                None,
                dnd(true, Some(Focus), Some("2026-11-24 12:50")),
            ),
            // ...unless focus_dnd is off, or the box already ended.
            (
                "2026-11-24 12:00",
                Some("2026-11-24 12:50"),
                false,
                None,
                dnd(false, None, Some("2026-11-24 19:00")),
            ),
            (
                "2026-11-24 12:00",
                Some("2026-11-24 11:50"),
                true,
                None,
                dnd(false, None, Some("2026-11-24 19:00")),
            ),
            // Focus running into offline hours: DND stays on until the schedule ends.
            (
                "2026-11-24 18:30",
                Some("2026-11-24 19:20"),
                true,
                None,
                dnd(true, Some(Focus), Some("2026-11-25 08:00")),
            ),
            // Focus during offline hours (after-hours work) and past their end.
            (
                "2026-11-25 07:30",
                Some("2026-11-25 08:30"),
                true,
                None,
                dnd(true, Some(Focus), Some("2026-11-25 08:30")),
            ),
            // Manual on wins until it expires, then the schedule.
            (
                "2026-11-24 12:00",
                None,
                true,
                Some(on("2026-11-24 14:00")),
                dnd(true, MANUAL, Some("2026-11-24 14:00")),
            ),
            (
                "2026-11-24 18:00",
                None,
                true,
                Some(on("2026-11-24 19:30")),
                dnd(true, MANUAL, Some("2026-11-25 08:00")),
            ),
            // Manual off wins over the schedule and a focus box.
            (
                "2026-11-24 20:00",
                Some("2026-11-24 20:30"),
                true,
                Some(off("2026-11-25 08:00")),
                dnd(false, MANUAL, Some("2026-11-25 19:00")),
            ),
            (
                "2026-11-24 20:00",
                None,
                true,
                Some(off("2026-11-24 21:00")),
                dnd(false, MANUAL, Some("2026-11-24 21:00")),
            ),
            // An expired override is ignored.
            (
                "2026-11-24 20:00",
                None,
                true,
                Some(off("2026-11-24 20:00")),
                dnd(true, Some(Schedule), Some("2026-11-25 08:00")),
            ),
        ];
        let s = standard();
        for (now, focus, focus_dnd, manual, want) in cases {
            let got = desired_dnd(&s, &Paris, paris(now), focus.map(paris), focus_dnd, manual);
            assert_eq!(
                got, want,
                "{now} focus={focus:?} focus_dnd={focus_dnd} manual={manual:?}"
            );
        }
    }

    fn for_focus(until: &str) -> Manual {
        Manual {
            for_focus: true,
            ..manual(false, until)
        }
    }

    /// `off` during an overrunning focus box holds while the box runs (the box asks for
    /// Do-Not-Disturb a second at a time, as the TUI, the daemon and the CLI all count it),
    /// and ends with the box.
    #[test]
    fn off_during_an_overrun_holds_while_the_box_runs() {
        let s = schedule("19:00-08:00", "none");
        let deadline = paris("2026-11-24 12:50");
        let at = |t: &str| paris(t);
        let focus = |t| Some(focus_end(deadline, t));
        let off = Manual::off(
            &s,
            &Paris,
            at("2026-11-24 13:00"),
            focus(at("2026-11-24 13:00")),
            true,
        )
        .expect("focus asks, so `off` is an override");
        assert_eq!(off, for_focus("2026-11-24 19:00"));
        for t in ["2026-11-24 13:00", "2026-11-24 13:30", "2026-11-24 18:59"] {
            let d = desired_dnd(&s, &Paris, at(t), focus(at(t)), true, Some(off));
            assert_eq!((d.on, d.reason), (false, Some(Reason::Manual)), "{t}");
        }
        // The box stopped: the override is spent; the schedule applies.
        let d = desired_dnd(&s, &Paris, at("2026-11-24 14:00"), None, true, Some(off));
        assert_eq!((d.on, d.reason), (false, None));
        let d = desired_dnd(
            &s,
            &Paris,
            at("2026-11-24 19:30"),
            focus(at("2026-11-24 19:30")),
            true,
            Some(off),
        );
        assert_eq!(
            (d.on, d.reason),
            (true, Some(Reason::Focus)),
            "offline hours began"
        );
    }

    fn manual(on: bool, until: &str) -> Manual {
        Manual {
            on,
            until: paris(until),
            for_focus: false,
        }
    }

    /// `offline off`: back to the schedule (no override) unless the schedule or a focus box
    /// asks for Do-Not-Disturb now; then online until that stretch ends.
    #[test]
    fn offline_off() {
        // (weekdays, weekend)
        let (s, always, none) = (("19:00-08:00", "all"), ("all", "all"), ("none", "none"));
        // 2026-11-24 is a Tuesday. (schedule, now, focus until, manual before, want, then)
        type Case = (
            (&'static str, &'static str),
            &'static str,
            Option<&'static str>,
            Option<Manual>,
            Option<Manual>,
            Dnd,
        );
        let cases: Vec<Case> = vec![
            // Only a manual `on` asked for it: the override goes, the schedule applies.
            (
                s,
                "2026-11-24 10:00",
                None,
                Some(manual(true, "2026-11-24 12:00")),
                None,
                dnd(false, None, Some("2026-11-24 19:00")),
            ),
            // Nothing asked for it: nothing to override.
            (
                s,
                "2026-11-24 10:00",
                None,
                None,
                None,
                dnd(false, None, Some("2026-11-24 19:00")),
            ),
            (
                none,
                "2026-11-24 10:00",
                None,
                None,
                None,
                dnd(false, None, None),
            ),
            // The schedule says offline: online until the window ends.
            (
                s,
                "2026-11-24 20:00",
                None,
                None,
                Some(manual(false, "2026-11-25 08:00")),
                dnd(false, Some(Reason::Manual), Some("2026-11-25 19:00")),
            ),
            // A manual `on` inside offline hours: online until the window ends too.
            (
                s,
                "2026-11-24 19:15",
                None,
                Some(manual(true, "2026-11-24 19:30")),
                Some(manual(false, "2026-11-25 08:00")),
                dnd(false, Some(Reason::Manual), Some("2026-11-25 19:00")),
            ),
            // A focus box (focus_dnd): online while it runs (however long it overruns), and
            // the offline hours apply again when they begin.
            (
                s,
                "2026-11-24 12:00",
                Some("2026-11-24 12:50"),
                None,
                Some(for_focus("2026-11-24 19:00")),
                dnd(false, Some(Reason::Manual), Some("2026-11-24 19:00")),
            ),
            (
                s,
                "2026-11-24 18:30",
                Some("2026-11-24 19:20"),
                None,
                Some(for_focus("2026-11-24 19:00")),
                dnd(false, Some(Reason::Manual), Some("2026-11-24 19:00")),
            ),
            // Offline all week: a day online.
            (
                always,
                "2026-11-24 10:00",
                None,
                None,
                Some(manual(false, "2026-11-25 10:00")),
                dnd(false, Some(Reason::Manual), Some("2026-11-25 10:00")),
            ),
        ];
        for ((weekdays, weekend), now, focus, before, want, then) in cases {
            let sched = schedule(weekdays, weekend);
            let (now_t, focus) = (paris(now), focus.map(paris));
            // What was in force before doesn't matter: `off` looks past any override.
            let got = Manual::off(&sched, &Paris, now_t, focus, true);
            assert_eq!(got, want, "off at {now} focus={focus:?} before={before:?}");
            let d = desired_dnd(&sched, &Paris, now_t, focus, true, got);
            assert_eq!(d, then, "after off at {now} focus={focus:?}");
            assert!(!d.on, "`off` always leaves Do-Not-Disturb off ({now})");
        }
    }

    /// An override is re-evaluated against the current inputs: an "online until 08:00" made
    /// for a 19:00-08:00 window no longer applies once the config has no window ending at
    /// 08:00, so focus boxes (and the new schedule) get Do-Not-Disturb again.
    #[test]
    fn overrides_after_a_config_change() {
        let online = Some(manual(false, "2026-11-25 08:00"));
        let on_by_hand = Some(manual(true, "2026-11-24 23:00"));
        // (weekday hours now, now, focus until, override, want)
        type Case = (
            &'static str,
            &'static str,
            Option<&'static str>,
            Option<Manual>,
            Dnd,
        );
        let cases: Vec<Case> = vec![
            // Unchanged config: the override holds, over a focus box too.
            (
                "19:00-08:00",
                "2026-11-24 22:00",
                Some("2026-11-24 22:50"),
                online,
                dnd(false, Some(Reason::Manual), Some("2026-11-25 19:00")),
            ),
            // Weekday hours removed: void, so a focus box turns DND on again...
            (
                "none",
                "2026-11-24 22:00",
                Some("2026-11-24 22:50"),
                online,
                dnd(true, Some(Reason::Focus), Some("2026-11-24 22:50")),
            ),
            // ...and without one, the new schedule decides (not "by hand").
            (
                "none",
                "2026-11-24 22:00",
                None,
                online,
                dnd(false, None, Some("2026-11-28 00:00")),
            ),
            // The window now ends at 06:00: no stretch ends at 08:00 any more, so the schedule
            // applies again at once.
            (
                "19:00-06:00",
                "2026-11-24 22:00",
                None,
                online,
                dnd(true, Some(Reason::Schedule), Some("2026-11-25 06:00")),
            ),
            // The window now starts later but still ends at 08:00: it holds (online tonight).
            (
                "21:00-08:00",
                "2026-11-24 20:00",
                None,
                online,
                dnd(false, Some(Reason::Manual), Some("2026-11-25 21:00")),
            ),
            (
                "21:00-08:00",
                "2026-11-24 22:00",
                None,
                online,
                dnd(false, Some(Reason::Manual), Some("2026-11-25 21:00")),
            ),
            // The window now ends later: online until 08:00 as promised, then offline.
            (
                "19:00-09:00",
                "2026-11-24 22:00",
                None,
                online,
                dnd(false, Some(Reason::Manual), Some("2026-11-25 08:00")),
            ),
            // An "online for 24 h" left by an older serein, made with nothing to override:
            // void.
            (
                "19:00-08:00",
                "2026-11-24 12:00",
                Some("2026-11-24 12:50"),
                Some(manual(false, "2026-11-25 10:00")),
                dnd(true, Some(Reason::Focus), Some("2026-11-24 12:50")),
            ),
            // A manual `on` is the user's own choice: no config change voids it.
            (
                "none",
                "2026-11-24 22:00",
                None,
                on_by_hand,
                dnd(true, Some(Reason::Manual), Some("2026-11-24 23:00")),
            ),
        ];
        for (rule, now, focus, manual, want) in cases {
            let got = desired_dnd(
                &schedule(rule, "all"),
                &Paris,
                paris(now),
                focus.map(paris),
                true,
                manual,
            );
            assert_eq!(
                got, want,
                "weekdays={rule:?} {now} focus={focus:?} {manual:?}"
            );
        }
    }

    #[test]
    fn meetings_ask_for_dnd_and_wake_at_their_edges() {
        use Reason::{Focus, Meeting, Schedule};
        let span = |a: &str, b: &str| (paris(a), paris(b));
        // 2026-11-24 is a Tuesday; offline 19:00-08:00 on weekdays.
        let standup = span("2026-11-24 10:00", "2026-11-24 10:30");
        let planning = span("2026-11-24 10:30", "2026-11-24 11:30");
        let evening = span("2026-11-24 18:30", "2026-11-24 20:00");
        // (now, focus until, meetings, want)
        type Case = (&'static str, Option<&'static str>, Vec<MeetingSpan>, Dnd);
        let cases: Vec<Case> = vec![
            (
                "2026-11-24 09:00",
                None,
                vec![standup],
                dnd(false, None, Some("2026-11-24 10:00")),
            ),
            (
                "2026-11-24 10:10",
                None,
                vec![standup],
                dnd(true, Some(Meeting), Some("2026-11-24 10:30")),
            ),
            // Back to back: one stretch, until the second ends.
            (
                "2026-11-24 10:10",
                None,
                vec![standup, planning],
                dnd(true, Some(Meeting), Some("2026-11-24 11:30")),
            ),
            // Ended: off until the offline hours.
            (
                "2026-11-24 10:30",
                None,
                vec![standup],
                dnd(false, None, Some("2026-11-24 19:00")),
            ),
            // Running into the offline hours: on until they end, offline hours the reason.
            (
                "2026-11-24 18:45",
                None,
                vec![evening],
                dnd(true, Some(Meeting), Some("2026-11-25 08:00")),
            ),
            (
                "2026-11-24 19:15",
                None,
                vec![evening],
                dnd(true, Some(Schedule), Some("2026-11-25 08:00")),
            ),
            // A focus box ending inside a meeting: focus first, on until the meeting ends.
            (
                "2026-11-24 09:45",
                Some("2026-11-24 10:15"),
                vec![standup],
                dnd(true, Some(Focus), Some("2026-11-24 10:30")),
            ),
        ];
        for (now, focus, meetings, want) in cases {
            let got = desired_dnd_with(
                &standard(),
                &Paris,
                paris(now),
                focus.map(paris),
                true,
                &meetings,
                None,
            );
            assert_eq!(got, want, "at {now} with {meetings:?}");
        }
        // Without meeting_dnd (no spans) nothing changes.
        assert_eq!(
            desired_dnd(
                &standard(),
                &Paris,
                paris("2026-11-24 10:10"),
                None,
                true,
                None
            ),
            dnd(false, None, Some("2026-11-24 19:00"))
        );
        // `o` during a meeting: online until it ends, then back to normal.
        let off = Manual::off_with(
            &standard(),
            &Paris,
            paris("2026-11-24 10:10"),
            None,
            false,
            &[standup],
        )
        .unwrap();
        assert_eq!((off.on, off.until), (false, paris("2026-11-24 10:30")));
        let during = desired_dnd_with(
            &standard(),
            &Paris,
            paris("2026-11-24 10:20"),
            None,
            false,
            &[standup],
            Some(off),
        );
        assert_eq!(
            during,
            dnd(false, Some(Reason::Manual), Some("2026-11-24 19:00"))
        );
    }

    #[test]
    fn meeting_spans_skip_all_day_empty_and_free_events() {
        use crate::domain::meeting::{Meeting, MeetingTime};
        let m = |time| Meeting {
            uid: "u".into(),
            instance: None,
            title: "t".into(),
            calendar: "c".into(),
            domain: "work".into(),
            time,
            free: false,
        };
        let free = |time| Meeting {
            free: true,
            ..m(time)
        };
        let (a, b) = (paris("2026-11-24 10:00"), paris("2026-11-24 11:00"));
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let spans = meeting_spans(&[
            m(MeetingTime::Timed { start: a, end: b }),
            m(MeetingTime::Timed { start: a, end: a }),
            m(MeetingTime::AllDay { first: d, last: d }),
            m(MeetingTime::Timed { start: a, end: b }),
            free(MeetingTime::Timed {
                start: b,
                end: paris("2026-11-24 12:00"),
            }),
        ]);
        assert_eq!(spans, vec![(a, b)]);
    }

    #[test]
    fn never_changing() {
        let got = desired_dnd(
            &OfflineSchedule::none(),
            &Paris,
            paris("2026-11-24 12:00"),
            None,
            true,
            None,
        );
        assert_eq!(got, dnd(false, None, None));
    }

    proptest! {
        /// `until` is exactly when `on` flips, whatever the inputs.
        #[test]
        fn until_is_when_it_flips(
            now_s in 1_700_000_000i64..1_900_000_000,
            focus in proptest::option::of(-3_000i64..50_000),
            focus_dnd in any::<bool>(),
            manual in proptest::option::of((any::<bool>(), -3_000i64..200_000)),
        ) {
            let s = standard();
            let now = DateTime::from_timestamp(now_s, 0).unwrap();
            let focus = focus.map(|m| now + Duration::seconds(m));
            let manual = manual.map(|(on, m)| Manual {
                on,
                until: now + Duration::seconds(m),
                for_focus: false,
            });
            let at = |t| desired_dnd(&s, &Paris, t, focus, focus_dnd, manual);
            let d = at(now);
            prop_assert_eq!(d.reason.is_some(), d.on || d.reason == Some(Reason::Manual));
            if let Some(u) = d.until {
                prop_assert!(u > now);
                prop_assert_eq!(at(u - Duration::seconds(1)).on, d.on);
                prop_assert_eq!(at(now + (u - now) / 2).on, d.on);
                prop_assert_ne!(at(u).on, d.on);
            }
        }
    }
}
