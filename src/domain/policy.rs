//! Whether Do-Not-Disturb should be on. The shell reconciles: it computes `desired_dnd` every
//! tick and acts only when it differs from what is applied (DESIGN.md, "DND is reconciled").

use chrono::{DateTime, TimeZone, Utc};

use super::offline::OfflineSchedule;

/// Why DND is (or is kept) in its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Schedule,
    Focus,
    Manual,
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

/// A manual override: `serein offline on --until T` / `off` (off until the next scheduled
/// change). In force while `now < until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Manual {
    pub on: bool,
    pub until: DateTime<Utc>,
}

impl Manual {
    /// `serein offline off`: off until the schedule next changes. `None` if the schedule never
    /// changes (the caller must then ask for an explicit `--until`).
    pub fn off<Tz: TimeZone>(
        schedule: &OfflineSchedule,
        tz: &Tz,
        now: DateTime<Utc>,
    ) -> Option<Self> {
        schedule
            .next_change(tz, now)
            .map(|until| Self { on: false, until })
    }
}

/// The inputs fixed at one tick; `state(t)` says what they imply at instant `t`.
struct Inputs<'a, Tz: TimeZone> {
    schedule: &'a OfflineSchedule,
    tz: &'a Tz,
    focus_until: Option<DateTime<Utc>>,
    manual: Option<Manual>,
}

impl<Tz: TimeZone> Inputs<'_, Tz> {
    fn manual_at(&self, t: DateTime<Utc>) -> Option<Manual> {
        self.manual.filter(|m| t < m.until)
    }

    fn focus_at(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.focus_until.filter(|&u| t < u)
    }

    /// (on, reason) at `t`: manual > focus > schedule.
    fn state(&self, t: DateTime<Utc>) -> (bool, Option<Reason>) {
        if let Some(m) = self.manual_at(t) {
            (m.on, Some(Reason::Manual))
        } else if self.focus_at(t).is_some() {
            (true, Some(Reason::Focus))
        } else if self.schedule.is_offline(self.tz, t) {
            (true, Some(Reason::Schedule))
        } else {
            (false, None)
        }
    }

    /// The next instant after `t` at which the state could change.
    fn next_event(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if let Some(m) = self.manual_at(t) {
            Some(m.until)
        } else if let Some(u) = self.focus_at(t) {
            Some(u)
        } else {
            self.schedule.next_change(self.tz, t)
        }
    }
}

/// The desired state: a manual override wins until it expires; else a running focus session
/// (if `focus_dnd`) or the schedule.
pub fn desired_dnd<Tz: TimeZone>(
    schedule: &OfflineSchedule,
    tz: &Tz,
    now: DateTime<Utc>,
    focus_running_until: Option<DateTime<Utc>>,
    focus_dnd: bool,
    manual: Option<Manual>,
) -> Dnd {
    let inputs = Inputs {
        schedule,
        tz,
        focus_until: focus_running_until.filter(|_| focus_dnd),
        manual,
    };
    let (on, reason) = inputs.state(now);
    // Walk events until the on/off value flips. Manual and focus expire once each and every
    // schedule change is a real change, so this ends within a few steps.
    let mut t = now;
    let mut until = None;
    for _ in 0..4 {
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
        let r = |s| parse_rule(s).unwrap();
        OfflineSchedule::from_parts(r("19:00-08:00"), r("all"), r("all"), Default::default())
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
        };
        let off = |u: &str| Manual {
            on: false,
            until: paris(u),
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

    #[test]
    fn manual_off_lasts_until_the_next_scheduled_change() {
        let s = standard();
        let now = paris("2026-11-24 20:00");
        let m = Manual::off(&s, &Paris, now).unwrap();
        assert_eq!(
            m,
            Manual {
                on: false,
                until: paris("2026-11-25 08:00")
            }
        );
        let got = desired_dnd(&s, &Paris, now, None, true, Some(m));
        assert_eq!(
            got,
            dnd(false, Some(Reason::Manual), Some("2026-11-25 19:00"))
        );
        assert_eq!(Manual::off(&OfflineSchedule::none(), &Paris, now), None);
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
            let manual = manual.map(|(on, m)| Manual { on, until: now + Duration::seconds(m) });
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
