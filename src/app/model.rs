//! The TUI's state: everything `view` needs and `update` changes.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use tui_input::Input;

use crate::config::Config;
use crate::domain::plan::{Patch, Timebox};
use crate::domain::session::Session;
use crate::keys::Keymap;
pub use crate::keys::Screen;

/// Which overlay or prompt has the keyboard.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    Help,
    Input(Prompt),
}

/// A one-line prompt and what its text will be used for.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub purpose: PromptPurpose,
    pub input: Input,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptPurpose {
    Add,
    Edit(i64),
    Shift(i64),
    Template,
    Interruption(i64),
    Note(i64),
}

/// Where a breathing exercise is.
#[derive(Debug, Clone, PartialEq)]
pub enum BreathStage {
    /// Picking a pattern (index into the list on offer).
    Choosing(usize),
    /// The safety text before a pattern's first use.
    Safety,
    /// Running since `started`; paused time is subtracted.
    Running {
        started: chrono::DateTime<chrono::Utc>,
        paused_at: Option<chrono::DateTime<chrono::Utc>>,
        paused_ms: i64,
    },
    /// Over: completed or stopped, after this many seconds.
    Done { completed: bool, secs: f64 },
}

/// The breathing exercise on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Breath {
    pub exercise: crate::domain::breath::Exercise,
    pub stage: BreathStage,
    /// The logged session, once stored.
    pub session: Option<Session>,
    /// Phase and cycle last shown, to ring the bell on a change.
    pub last_phase: Option<(crate::domain::breath::PhaseKind, u32, bool)>,
    pub reduce_motion: bool,
    /// Started by `serein breathe`: leave the app when done.
    pub standalone: bool,
}

/// What the timer proposes after a session ends (manual transitions).
#[derive(Debug, Clone, PartialEq)]
pub enum Offer {
    /// Start this planned box.
    Box(Timebox),
    /// Take a break of this many minutes (none was planned).
    Break { minutes: u16, domain: String },
}

/// How loud a status-line message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub level: Level,
    pub text: String,
    /// When it was shown: messages fade after a while so the key hints come back.
    pub since: NaiveDateTime,
}

/// One undoable change: what puts the plan back, and the ids the change created.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoEntry {
    pub label: String,
    pub date: NaiveDate,
    /// Deleted boxes, re-created whole under their old ids.
    pub restore: Vec<Timebox>,
    /// Edited boxes: only the columns the edit changed, set back to what they were.
    pub revert: Vec<Patch>,
    pub created: Vec<i64>,
}

/// What the save in flight was for, so its answer can be interpreted.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// A user change; select the first created box if `select_created`.
    Change { select_created: bool },
    /// An undo; select this box afterwards.
    Undo { select: Option<i64> },
}

/// The Today screen: the day's plan and the changes made to it.
#[derive(Debug, Clone)]
pub struct TodayState {
    /// The day shown.
    pub date: NaiveDate,
    /// Its boxes, sorted by start.
    pub boxes: Vec<Timebox>,
    /// False until the first load of `date` arrived.
    pub loaded: bool,
    pub selected: Option<i64>,
    pub undo: Vec<UndoEntry>,
    pub pending: Option<Pending>,
    /// Calendar sources and the shown day's meetings (read-only).
    pub calendars: Calendars,
    /// The sessions logged on `sessions_date` (today and past days), read off the draw path.
    pub sessions: Vec<Session>,
    pub sessions_date: Option<NaiveDate>,
    /// The list shows what was done instead of the plan (`v`), at any width
    /// (`app::today::plan_hidden`).
    pub show_actual: bool,
}

/// The calendars as last read, and the shown day's meetings expanded from them (in `update`,
/// never while drawing).
#[derive(Debug, Clone, Default)]
pub struct Calendars {
    /// The last good copy of each source.
    pub loaded: Vec<crate::calendar::Loaded>,
    /// Each source's file modification time when last read (or found broken).
    pub seen: Vec<(String, Option<std::time::SystemTime>)>,
    /// Broken sources: name and error (file:line: what), shown as a warning.
    pub problems: Vec<(String, String)>,
    /// The day `meetings` were expanded for.
    pub date: Option<NaiveDate>,
    /// Meetings with any part on `date`, timed and all-day.
    pub meetings: Vec<crate::domain::meeting::Meeting>,
    /// At start, before the first read: the week's meetings from the on-disk snapshot, and
    /// the dates it covers.
    pub snapshot: Option<((NaiveDate, NaiveDate), Vec<crate::domain::meeting::Meeting>)>,
    /// The snapshot key last asked to be saved (saved again only when it changes).
    pub saved: Option<crate::calendar::snapshot::Key>,
}

/// The focus timer: the session under way and what follows it.
#[derive(Debug, Clone)]
pub struct TimerState {
    /// The running or paused session, as stored.
    pub session: Option<Session>,
    /// The session that just ended in this process (shown on the Timer screen).
    pub last_ended: Option<Session>,
    /// Today's sessions, for the focus streak.
    pub sessions_today: Vec<Session>,
    pub offer: Option<Offer>,
    /// Notification keys this process already asked for.
    pub notified: HashSet<String>,
    /// Enter on a work box in offline hours: a second Enter starts it anyway.
    pub after_hours_confirm: Option<i64>,
}

/// The Breathe screen and the breathing reminders.
#[derive(Debug, Clone)]
pub struct BreatheState {
    /// The breathing exercise, while the Breathe screen is in use.
    pub breath: Option<Breath>,
    /// Patterns practised before (their safety text was shown).
    pub seen_patterns: HashSet<String>,
    /// The screen to return to from Breathe.
    pub return_to: Screen,
    /// Breathing reminders put off until then.
    pub snoozed_until: Option<NaiveDateTime>,
    /// A breathing reminder is showing: `b` starts the exercise at once.
    pub reminder_due: bool,
    /// Names of the coherence patterns, from the config (counted for the daily goal).
    pub coherence_titles: Vec<String>,
}

/// Offline hours and the Do-Not-Disturb state they lead to.
#[derive(Debug, Clone)]
pub struct OfflineState {
    /// Offline hours from the config.
    pub schedule: crate::domain::offline::OfflineSchedule,
    /// A manual override (`o`, `serein offline on/off`), as stored.
    pub manual: Option<crate::domain::policy::Manual>,
    /// The Do-Not-Disturb state wanted now, last computed.
    pub dnd_desired: Option<crate::domain::policy::Dnd>,
    /// What it was computed from (focus end, manual override): unchanged inputs and a
    /// `until` not yet reached mean nothing to recompute.
    pub dnd_inputs: Option<(
        Option<chrono::DateTime<chrono::Utc>>,
        Option<crate::domain::policy::Manual>,
    )>,
    /// What the enforcer reported.
    pub dnd_applied: Option<crate::notify::enforcer::Applied>,
    /// `o` pressed once, then: a second press within 10 s confirms.
    pub confirm_pressed: Option<NaiveDateTime>,
    /// Today's and tomorrow's timed meetings asking for Do-Not-Disturb (`meeting_dnd`; empty
    /// when it is off), expanded from the calendars as last read.
    pub meeting_spans: Vec<crate::domain::policy::MeetingSpan>,
    /// The local date `meeting_spans` were expanded for; `None`: expand again.
    pub meetings_for: Option<NaiveDate>,
}

/// The whole TUI state: what every screen shares, then each screen's own part.
#[derive(Debug, Clone)]
pub struct Model {
    pub config: Config,
    pub keymap: Keymap,
    /// Local wall-clock time, stamped by the shell.
    pub now: NaiveDateTime,
    /// The instant of `now`.
    pub now_utc: chrono::DateTime<chrono::Utc>,
    /// The zone of `now`, stamped by the shell: wall times are read in it.
    pub zone: crate::domain::time::Zone,
    pub screen: Screen,
    pub mode: Mode,
    pub status: Option<Status>,
    /// A notification failed: a marker in the status bar.
    pub notify_failed: bool,
    /// Colours off (`NO_COLOR`).
    pub no_color: bool,
    pub today: TodayState,
    pub timer: TimerState,
    pub breathe: BreatheState,
    pub offline: OfflineState,
    /// The Week screen, while shown (kept under the review opened from it).
    pub week: Option<crate::app::week::WeekView>,
    /// The review screen, while shown.
    pub review: Option<crate::app::week::ReviewView>,
    /// What a week summary needs from the config (sent along with each load).
    pub week_params: std::sync::Arc<crate::app::week::WeekParams>,
}

impl Model {
    /// Takes a config read again while running: everything derived from it is derived anew,
    /// and the offline state is re-evaluated at the next tick (an override whose window the
    /// new schedule no longer has stops applying).
    pub fn apply_config(&mut self, config: Config) {
        self.keymap = Keymap::new(&config.keys);
        self.breathe.coherence_titles = config.breathing.coherence_names();
        self.offline.schedule = config.offline.schedule();
        self.offline.dnd_inputs = None;
        self.offline.dnd_desired = None;
        self.week_params = std::sync::Arc::new(crate::app::week::WeekParams::from_config(&config));
        self.config = config;
    }

    pub fn new(config: Config, keymap: Keymap, now: NaiveDateTime) -> Model {
        let today = TodayState {
            date: now.date(),
            boxes: Vec::new(),
            loaded: false,
            selected: None,
            undo: Vec::new(),
            pending: None,
            calendars: Calendars::default(),
            sessions: Vec::new(),
            sessions_date: None,
            show_actual: false,
        };
        let timer = TimerState {
            session: None,
            last_ended: None,
            sessions_today: Vec::new(),
            offer: None,
            notified: HashSet::new(),
            after_hours_confirm: None,
        };
        let breathe = BreatheState {
            breath: None,
            seen_patterns: HashSet::new(),
            return_to: Screen::Today,
            snoozed_until: None,
            reminder_due: false,
            coherence_titles: config.breathing.coherence_names(),
        };
        let offline = OfflineState {
            schedule: config.offline.schedule(),
            manual: None,
            dnd_desired: None,
            dnd_inputs: None,
            dnd_applied: None,
            confirm_pressed: None,
            meeting_spans: Vec::new(),
            meetings_for: None,
        };
        let week_params = std::sync::Arc::new(crate::app::week::WeekParams::from_config(&config));
        Model {
            config,
            keymap,
            now,
            now_utc: now.and_utc(),
            zone: crate::domain::time::Zone::utc(),
            screen: Screen::Today,
            mode: Mode::Normal,
            status: None,
            notify_failed: false,
            no_color: false,
            today,
            timer,
            breathe,
            offline,
            week: None,
            review: None,
            week_params,
        }
    }

    /// Whether frames are drawn at 30 fps: only a moving shape on the visible Breathe screen.
    pub fn animating(&self) -> bool {
        self.screen == Screen::Breathe
            && self.breathe.breath.as_ref().is_some_and(|b| {
                !b.reduce_motion
                    && matches!(
                        b.stage,
                        BreathStage::Running {
                            paused_at: None,
                            ..
                        }
                    )
            })
    }

    /// Full coherence sessions finished today (the 365 method's "2 of 3").
    pub fn breaths_today(&self) -> usize {
        use crate::domain::session::{EndReason, SessionKind, State};
        self.timer
            .sessions_today
            .iter()
            .filter(|s| {
                s.kind == SessionKind::Breathing
                    && self.breathe.coherence_titles.contains(&s.title)
                    && matches!(
                        s.state,
                        State::Ended {
                            reason: EndReason::Finished,
                            ..
                        }
                    )
            })
            .count()
    }

    /// Without motion, the Breathe screen still needs to wake when its shown second or phase
    /// changes (they follow the exercise, not the wall clock): milliseconds until then.
    pub fn breath_wake_ms(&self, now: crate::domain::time::Now) -> Option<u64> {
        let b = self.breathe.breath.as_ref()?;
        if self.screen != Screen::Breathe || !b.reduce_motion {
            return None;
        }
        if !matches!(
            b.stage,
            BreathStage::Running {
                paused_at: None,
                ..
            }
        ) {
            return None;
        }
        let f = b.exercise.at(crate::app::breathe::elapsed(&b.stage, now));
        let frac = f.phase_left - f.phase_left.floor();
        let next = if frac < 0.001 { 1.0 } else { frac };
        Some((next * 1000.0) as u64 + 2)
    }

    /// Offline hours (schedule or manual) are on now: only what the user asked for may reach
    /// them (the end of a box they started).
    pub fn offline_hours(&self) -> bool {
        use crate::domain::policy::Reason;
        self.offline
            .dnd_desired
            .as_ref()
            .is_some_and(|d| d.on && matches!(d.reason, Some(Reason::Schedule | Reason::Manual)))
    }

    /// The local date now (the Today screen may show another day: `today.date`).
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub fn selected_box(&self) -> Option<&Timebox> {
        let id = self.today.selected?;
        self.today.boxes.iter().find(|b| b.id == id)
    }

    pub fn selected_index(&self) -> Option<usize> {
        let id = self.today.selected?;
        self.today.boxes.iter().position(|b| b.id == id)
    }

    pub fn set_status(&mut self, level: Level, text: impl Into<String>) {
        self.status = Some(Status {
            level,
            text: text.into(),
            since: self.now,
        });
    }
}
