//! A run of a timebox: a wall-clock deadline, pauses, extensions, overrun. Pure: every
//! function takes `now`; nothing counts ticks, so a suspended laptop or a clock jump is
//! re-derived from the deadline on the next look.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a session was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionKind {
    Focus,
    Break,
    Breathing,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Focus => "focus",
            SessionKind::Break => "break",
            SessionKind::Breathing => "breathing",
        }
    }

    pub fn parse(s: &str) -> Option<SessionKind> {
        match s {
            "focus" => Some(SessionKind::Focus),
            "break" => Some(SessionKind::Break),
            "breathing" => Some(SessionKind::Breathing),
            _ => None,
        }
    }
}

impl From<crate::domain::plan::Kind> for SessionKind {
    fn from(k: crate::domain::plan::Kind) -> Self {
        match k {
            crate::domain::plan::Kind::Focus => SessionKind::Focus,
            crate::domain::plan::Kind::Break => SessionKind::Break,
        }
    }
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EndReason {
    /// Finished by the user (`x`, `serein stop`) or at the deadline (`on_end = "finish"`).
    Finished,
    /// Skipped to the next box (`n`).
    Skipped,
    /// Stopped early or replaced.
    Stopped,
    /// Closed at the next start after nothing was left running it (crash, kill -9, reboot).
    Recovered,
}

impl EndReason {
    pub fn as_str(self) -> &'static str {
        match self {
            EndReason::Finished => "finished",
            EndReason::Skipped => "skipped",
            EndReason::Stopped => "stopped",
            EndReason::Recovered => "recovered",
        }
    }

    pub fn parse(s: &str) -> Option<EndReason> {
        match s {
            "finished" => Some(EndReason::Finished),
            "skipped" => Some(EndReason::Skipped),
            "stopped" => Some(EndReason::Stopped),
            "recovered" => Some(EndReason::Recovered),
            _ => None,
        }
    }
}

/// Where a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Counting down to a wall-clock deadline (past it: overrun).
    Running { deadline: DateTime<Utc> },
    /// Frozen with `left_s` to go (negative when paused during overrun).
    Paused { left_s: i64, since: DateTime<Utc> },
    Ended {
        at: DateTime<Utc>,
        reason: EndReason,
        /// Seconds past the (extended) deadline when it ended.
        overrun_s: i64,
    },
}

/// What the timer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Running,
    Paused,
    Overrun,
    Ended,
}

impl Phase {
    /// The mark a status line shows: `▶`, `⏸`, `⏰` (overrun), nothing once ended.
    pub fn icon(self) -> &'static str {
        match self {
            Phase::Running => "▶",
            Phase::Paused => "⏸",
            Phase::Overrun => "⏰",
            Phase::Ended => "",
        }
    }
}

/// One run of a box, focus or break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub timebox_id: Option<i64>,
    pub title: String,
    pub domain: String,
    pub kind: SessionKind,
    pub started: DateTime<Utc>,
    /// The local date and UTC offset at the start, so weeks don't move after travel.
    pub local_date: NaiveDate,
    pub utc_offset_s: i32,
    pub planned_s: i64,
    pub extended_s: i64,
    /// Seconds spent paused (closed pauses).
    pub paused_s: i64,
    pub pauses: u32,
    pub interruptions: u32,
    pub note: Option<String>,
    pub state: State,
    /// Last time a running serein process vouched for this session.
    pub heartbeat: DateTime<Utc>,
}

/// A refused session operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("the session is paused; resume it first")]
    Paused,
    #[error("the session is not paused")]
    NotPaused,
    #[error("the session has ended")]
    Ended,
    #[error("extend by a positive amount, at most 12 hours (got {0} s)")]
    BadExtension(i64),
}

/// Longest planned session or extension: nobody focuses for more than this in one go.
pub const MAX_SESSION_S: i64 = 12 * 3600;

/// Truncates to whole seconds: instants are stored as UTC seconds.
fn whole(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

impl Session {
    /// A new running session from `now` for `planned_s` seconds.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        title: &str,
        domain: &str,
        kind: SessionKind,
        timebox_id: Option<i64>,
        planned_s: i64,
        now: DateTime<Utc>,
        local_date: NaiveDate,
        utc_offset_s: i32,
    ) -> Session {
        let now = whole(now);
        Session {
            id: 0,
            timebox_id,
            title: title.to_string(),
            domain: domain.to_string(),
            kind,
            started: now,
            local_date,
            utc_offset_s,
            planned_s,
            extended_s: 0,
            paused_s: 0,
            pauses: 0,
            interruptions: 0,
            note: None,
            state: State::Running {
                deadline: now + Duration::seconds(planned_s),
            },
            heartbeat: now,
        }
    }

    /// Milliseconds to the deadline (negative in overrun); frozen while paused.
    fn remaining_ms(&self, now: DateTime<Utc>) -> i64 {
        match self.state {
            State::Running { deadline } => (deadline - now).num_milliseconds(),
            State::Paused { left_s, .. } => left_s * 1000,
            State::Ended { overrun_s, .. } => -overrun_s * 1000,
        }
    }

    /// Seconds left as a countdown shows them (rounded up), negative = overrun seconds.
    pub fn remaining_s(&self, now: DateTime<Utc>) -> i64 {
        let ms = self.remaining_ms(now);
        if ms > 0 { (ms + 999) / 1000 } else { ms / 1000 }
    }

    /// Seconds past the deadline (0 before it).
    pub fn overrun_s(&self, now: DateTime<Utc>) -> i64 {
        (-self.remaining_s(now)).max(0)
    }

    pub fn phase(&self, now: DateTime<Utc>) -> Phase {
        match self.state {
            State::Ended { .. } => Phase::Ended,
            State::Paused { .. } => Phase::Paused,
            State::Running { .. } if self.remaining_ms(now) <= 0 => Phase::Overrun,
            State::Running { .. } => Phase::Running,
        }
    }

    pub fn is_active(&self) -> bool {
        !matches!(self.state, State::Ended { .. })
    }

    /// The planned length plus extensions.
    pub fn total_s(&self) -> i64 {
        self.planned_s + self.extended_s
    }

    /// The deadline while running.
    pub fn deadline(&self) -> Option<DateTime<Utc>> {
        match self.state {
            State::Running { deadline } => Some(deadline),
            _ => None,
        }
    }

    pub fn pause(&mut self, now: DateTime<Utc>) -> Result<(), SessionError> {
        let now = whole(now);
        match self.state {
            State::Running { deadline } => {
                self.state = State::Paused {
                    left_s: (deadline - now).num_seconds(),
                    since: now,
                };
                self.pauses += 1;
                Ok(())
            }
            State::Paused { .. } => Err(SessionError::Paused),
            State::Ended { .. } => Err(SessionError::Ended),
        }
    }

    pub fn resume(&mut self, now: DateTime<Utc>) -> Result<(), SessionError> {
        let now = whole(now);
        match self.state {
            State::Paused { left_s, since } => {
                // A clock that went backwards must not make the pause negative.
                self.paused_s += (now - since).num_seconds().max(0);
                self.state = State::Running {
                    deadline: now + Duration::seconds(left_s),
                };
                Ok(())
            }
            State::Running { .. } => Err(SessionError::NotPaused),
            State::Ended { .. } => Err(SessionError::Ended),
        }
    }

    /// Adds time. In overrun the time counts from now (`+5 min` at `+02:00` shows `05:00`),
    /// and the overrun so far is folded into the extension so the record adds up.
    pub fn extend(&mut self, secs: i64, now: DateTime<Utc>) -> Result<(), SessionError> {
        if secs <= 0 || secs > MAX_SESSION_S {
            return Err(SessionError::BadExtension(secs));
        }
        let now = whole(now);
        match &mut self.state {
            State::Running { deadline } => {
                let late = (now - *deadline).num_seconds().max(0);
                *deadline = (*deadline).max(now) + Duration::seconds(secs);
                self.extended_s += secs + late;
                Ok(())
            }
            State::Paused { left_s, .. } => {
                let late = (-*left_s).max(0);
                *left_s = (*left_s).max(0) + secs;
                self.extended_s += secs + late;
                Ok(())
            }
            State::Ended { .. } => Err(SessionError::Ended),
        }
    }

    /// Ends the session at `now` (closing a pause first).
    pub fn end(&mut self, reason: EndReason, now: DateTime<Utc>) -> Result<(), SessionError> {
        // A clock set back since the start ends it where it began, not before.
        let now = whole(now).max(self.started);
        let overrun_s = match self.state {
            State::Running { deadline } => (now - deadline).num_seconds().max(0),
            State::Paused { left_s, since } => {
                self.paused_s += (now - since).num_seconds().max(0);
                (-left_s).max(0)
            }
            State::Ended { .. } => return Err(SessionError::Ended),
        };
        self.state = State::Ended {
            at: now,
            reason,
            overrun_s,
        };
        Ok(())
    }

    /// Seconds actually spent (ended sessions; running ones up to `now`), pauses excluded.
    pub fn actual_s(&self, now: DateTime<Utc>) -> i64 {
        let (end, open_pause) = match self.state {
            State::Ended { at, .. } => (at, 0),
            State::Paused { since, .. } => (now, (now - since).num_seconds().max(0)),
            State::Running { .. } => (now, 0),
        };
        ((end - self.started).num_seconds() - self.paused_s - open_pause).max(0)
    }

    /// When nothing vouches for a running session any more (no heartbeat for `stale_s`) and its
    /// deadline has passed, it is closed at the later of its deadline and its last heartbeat:
    /// the time we know it ran. Paused sessions and sessions before their deadline carry on.
    pub fn recover(&mut self, now: DateTime<Utc>, stale_s: i64) -> bool {
        let State::Running { deadline } = self.state else {
            return false;
        };
        let stale = (now - self.heartbeat).num_seconds() > stale_s;
        if !stale || now <= deadline {
            return false;
        }
        let at = deadline.max(self.heartbeat).min(now);
        self.state = State::Ended {
            at,
            reason: EndReason::Recovered,
            overrun_s: (at - deadline).num_seconds().max(0),
        };
        true
    }
}

/// `mm:ss`, or `h:mm:ss` from an hour; negative values are overrun: `+mm:ss`.
pub fn clock_text(remaining_s: i64) -> String {
    let (sign, s) = if remaining_s < 0 {
        ("+", -remaining_s)
    } else {
        ("", remaining_s)
    };
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{sign}{:02}:{:02}", s / 60, s % 60)
    }
}

/// What happened to a session, for a user hook (the shell passes it
/// as `SEREIN_*` environment variables).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookEvent {
    /// `start`, `end`, `break` or `pause` (`SEREIN_EVENT`).
    pub event: String,
    /// The timebox title (`SEREIN_TITLE`).
    pub title: String,
    /// The timebox domain (`SEREIN_DOMAIN`).
    pub domain: String,
    /// Seconds left in the session; negative when overrunning (`SEREIN_REMAINING_S`).
    pub remaining_s: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + s, 0).unwrap()
    }

    fn new(planned: i64) -> Session {
        Session::start(
            "Write",
            "work",
            SessionKind::Focus,
            Some(1),
            planned,
            t(0),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            3600,
        )
    }

    #[test]
    fn ending_before_the_start_ends_at_the_start() {
        // The clock was set back an hour since the start: the session ends where it began.
        let mut s = new(1500);
        s.end(EndReason::Stopped, t(-3600)).unwrap();
        assert!(matches!(s.state, State::Ended { at, .. } if at == t(0)));
        assert_eq!(s.actual_s(t(10)), 0);
    }

    #[derive(Debug, Clone, Copy)]
    enum Op {
        Pause,
        Resume,
        Extend(i64),
        End,
    }

    #[test]
    fn scripted_state_machine() {
        // (script of (time, op), look at, remaining_s, phase, paused_s, extended_s)
        type Case<'a> = (&'a [(i64, Op)], i64, i64, Phase, i64, i64);
        let cases: &[Case] = &[
            (&[], 0, 1500, Phase::Running, 0, 0),
            (&[], 1499, 1, Phase::Running, 0, 0),
            (&[], 1500, 0, Phase::Overrun, 0, 0),
            (&[], 1690, -190, Phase::Overrun, 0, 0),
            // Pause at 10 min for 5 min: the deadline moves by 5 min.
            (&[(600, Op::Pause)], 800, 900, Phase::Paused, 0, 0),
            (
                &[(600, Op::Pause), (900, Op::Resume)],
                900,
                900,
                Phase::Running,
                300,
                0,
            ),
            (
                &[(600, Op::Pause), (900, Op::Resume)],
                1800,
                0,
                Phase::Overrun,
                300,
                0,
            ),
            // Extend before the end adds to the deadline.
            (&[(600, Op::Extend(300))], 600, 1200, Phase::Running, 0, 300),
            // Extend in overrun counts from now and folds the overrun into the extension.
            (
                &[(1620, Op::Extend(300))],
                1620,
                300,
                Phase::Running,
                0,
                420,
            ),
            // Extend while paused in overrun.
            (
                &[(1560, Op::Pause), (1600, Op::Extend(60))],
                1700,
                60,
                Phase::Paused,
                0,
                120,
            ),
            (&[(1000, Op::End)], 2000, 0, Phase::Ended, 0, 0),
            (&[(1600, Op::End)], 2000, -100, Phase::Ended, 0, 0),
        ];
        for (script, look, remaining, phase, paused, extended) in cases {
            let mut s = new(1500);
            for (at, op) in script.iter() {
                let r = match op {
                    Op::Pause => s.pause(t(*at)),
                    Op::Resume => s.resume(t(*at)),
                    Op::Extend(n) => s.extend(*n, t(*at)),
                    Op::End => s.end(EndReason::Finished, t(*at)),
                };
                r.unwrap_or_else(|e| panic!("{script:?}: {e}"));
            }
            let ctx = format!("{script:?} at {look}");
            assert_eq!(s.remaining_s(t(*look)), *remaining, "{ctx}");
            assert_eq!(s.phase(t(*look)), *phase, "{ctx}");
            assert_eq!(s.paused_s, *paused, "{ctx}");
            assert_eq!(s.extended_s, *extended, "{ctx}");
        }
    }

    #[test]
    fn refusals() {
        let mut s = new(1500);
        assert_eq!(s.resume(t(1)), Err(SessionError::NotPaused));
        assert_eq!(s.extend(-180, t(1)), Err(SessionError::BadExtension(-180)));
        assert_eq!(s.extend(0, t(1)), Err(SessionError::BadExtension(0)));
        s.pause(t(2)).unwrap();
        assert_eq!(s.pause(t(3)), Err(SessionError::Paused));
        s.end(EndReason::Stopped, t(4)).unwrap();
        assert_eq!(s.end(EndReason::Stopped, t(5)), Err(SessionError::Ended));
        assert_eq!(s.pause(t(5)), Err(SessionError::Ended));
        assert_eq!(s.extend(60, t(5)), Err(SessionError::Ended));
    }

    #[test]
    fn suspend_and_clock_jumps() {
        // Suspended 20 min into a 25 min box: on resume 5 min are left, not 25.
        let s = new(1500);
        assert_eq!(s.remaining_s(t(1200)), 300);
        // Suspended past the end: overrun shows at once.
        assert_eq!(s.remaining_s(t(3000)), -1500);
        // The clock jumps back (NTP) during a pause: no negative pause time.
        let mut s = new(1500);
        s.pause(t(600)).unwrap();
        s.resume(t(500)).unwrap();
        assert_eq!(s.paused_s, 0);
        assert_eq!(s.remaining_s(t(500)), 900);
        // Backwards before the start: more time left, never a panic or a negative actual.
        let s = new(1500);
        assert_eq!(s.remaining_s(t(-60)), 1560);
        assert_eq!(s.actual_s(t(-60)), 0);
    }

    #[test]
    fn sub_second_display_rounds_like_a_countdown() {
        let s = new(1500);
        let just_after = t(0) + Duration::milliseconds(300);
        assert_eq!(s.remaining_s(just_after), 1500);
        assert_eq!(s.remaining_s(t(1500) + Duration::milliseconds(999)), 0);
        assert_eq!(s.remaining_s(t(1501)), -1);
    }

    #[test]
    fn actual_excludes_pauses() {
        let mut s = new(1500);
        s.pause(t(600)).unwrap();
        assert_eq!(s.actual_s(t(700)), 600);
        s.resume(t(900)).unwrap();
        s.end(EndReason::Finished, t(1900)).unwrap();
        assert_eq!(s.actual_s(t(5000)), 1600);
        assert!(matches!(s.state, State::Ended { overrun_s: 100, .. }));
    }

    #[test]
    fn recovery_after_nothing_ran() {
        // (heartbeat, now, recovered?, ended at, overrun)
        let cases = [
            (100, 1000, false, 0, 0),      // before the deadline: carry on
            (1499, 1503, false, 0, 0),     // fresh heartbeat: someone runs it
            (100, 5000, true, 1500, 0),    // nothing ran after 100 s: closed at the deadline
            (1800, 5000, true, 1800, 300), // ran into overrun until 1800, then was killed
        ];
        for (hb, now, recovered, at, overrun) in cases {
            let mut s = new(1500);
            s.heartbeat = t(hb);
            assert_eq!(s.recover(t(now), 5), recovered, "hb {hb} now {now}");
            if recovered {
                assert_eq!(
                    s.state,
                    State::Ended {
                        at: t(at),
                        reason: EndReason::Recovered,
                        overrun_s: overrun
                    }
                );
            }
        }
        let mut paused = new(1500);
        paused.pause(t(10)).unwrap();
        assert!(!paused.recover(t(99_999), 5));
    }

    #[test]
    fn clock_texts() {
        for (s, want) in [
            (1500, "25:00"),
            (5, "00:05"),
            (0, "00:00"),
            (-190, "+03:10"),
            (3725, "1:02:05"),
            (-3600, "+1:00:00"),
        ] {
            assert_eq!(clock_text(s), want);
        }
    }
}

/// Seconds of focus since the last break among `sessions` (ended ones count their actual
/// time), for "you've focused 1h40 — take a break?".
pub fn focus_streak_s(sessions: &[Session], now: DateTime<Utc>) -> i64 {
    let mut ordered: Vec<&Session> = sessions.iter().collect();
    ordered.sort_by_key(|s| s.started);
    let mut streak = 0;
    let mut last_end: Option<DateTime<Utc>> = None;
    for s in ordered {
        // Fifteen minutes with no session (lunch, a walk) is a break too.
        if last_end.is_some_and(|e| (s.started - e).num_minutes() >= 15) {
            streak = 0;
        }
        match s.kind {
            SessionKind::Break => streak = 0,
            SessionKind::Focus => streak += s.actual_s(now),
            SessionKind::Breathing => {}
        }
        last_end = Some(match s.state {
            State::Ended { at, .. } => at,
            _ => now,
        });
    }
    streak
}

/// A break of `ratio` × the streak, rounded to 5 minutes, between 5 and 30 minutes.
pub fn suggested_break_minutes(streak_s: i64, ratio: f64) -> u16 {
    let m = (streak_s as f64 / 60.0 * ratio / 5.0).round() * 5.0;
    m.clamp(5.0, 30.0) as u16
}

#[cfg(test)]
mod streak_tests {
    use super::*;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + s, 0).unwrap()
    }

    fn ended(kind: SessionKind, start: i64, end: i64) -> Session {
        let mut s = Session::start(
            "x",
            "work",
            kind,
            None,
            60,
            t(start),
            NaiveDate::default(),
            0,
        );
        s.end(EndReason::Finished, t(end)).unwrap();
        s
    }

    #[test]
    fn streak_resets_at_breaks() {
        let day = [
            ended(SessionKind::Focus, 0, 3000),
            ended(SessionKind::Break, 3000, 3600),
            ended(SessionKind::Focus, 3600, 6600),
            ended(SessionKind::Breathing, 6600, 6900),
            ended(SessionKind::Focus, 6900, 9900),
        ];
        assert_eq!(focus_streak_s(&day, t(10_000)), 6000);
        assert_eq!(focus_streak_s(&day[..2], t(10_000)), 0);
        // A long gap with no session counts as a break.
        let gap = [
            ended(SessionKind::Focus, 0, 3000),
            ended(SessionKind::Focus, 5000, 6000),
        ];
        assert_eq!(focus_streak_s(&gap, t(10_000)), 1000);
    }

    #[test]
    fn break_suggestions() {
        // (focus streak minutes, ratio, suggested)
        for (m, r, want) in [
            (90, 0.2, 20),
            (100, 0.2, 20),
            (10, 0.2, 5),
            (300, 0.2, 30),
            (50, 0.2, 10),
        ] {
            assert_eq!(suggested_break_minutes(m * 60, r), want, "{m} {r}");
        }
    }
}
