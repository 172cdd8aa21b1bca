//! Messages into `update` and effects out of it: plain data, no I/O.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use chrono::{DateTime, Utc};

use crate::domain::plan::Change;
use crate::domain::plan::Timebox;
use crate::domain::session::HookEvent;
use crate::domain::session::Session;
use crate::notify::Notification;

/// Something that happened. The shell stamps `now` separately on every call to `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// The terminal was resized: everything must be drawn again.
    Resize,
    /// The tick: when something shown or due changes (see `update::next_tick`): each second
    /// while a countdown is on screen, else at the next minute, deadline, reminder or offline
    /// change; in the daemon at those events and its heartbeat.
    Tick,
    /// Another process woke the daemon over its socket: a tick, and the offline state is
    /// handed to the enforcer again — it may hold the folder's lock now (the TUI that did just
    /// quit), so it takes over at once instead of at its next retry.
    Woken,
    /// The database changed on disk (the shell watches it with inotify): reload what is shown
    /// if another process committed.
    StoreChanged,
    /// A 30 fps animation frame (only while a breathing shape moves on screen), or a wake-up
    /// at the exercise's next shown second without motion.
    Frame,
    /// The app is leaving (quit, signal, end of input): end what must not be left open.
    Shutdown,
    /// Names of breathing patterns practised before.
    BreathSeen(Vec<String>),
    /// A breathing session was logged with this id.
    BreathLogged(i64),
    /// The stored manual offline override.
    ManualLoaded(Option<crate::domain::policy::Manual>),
    /// What the Do-Not-Disturb enforcer applied.
    DndApplied(crate::notify::enforcer::Applied),
    /// The sessions logged on a day (planned vs actual on Today).
    DaySessionsLoaded {
        date: NaiveDate,
        sessions: Vec<Session>,
    },
    /// The shown week's meetings from the on-disk snapshot (first frame, before any parse).
    CalendarSnapshot {
        first: NaiveDate,
        last: NaiveDate,
        meetings: Vec<crate::domain::meeting::Meeting>,
    },
    /// Calendar sources read again because their files changed (or broken).
    CalendarsLoaded(Vec<crate::calendar::Reload>),
    /// A `[[calendar]] url` source was downloaded in the background (a new copy is in its
    /// cache), or the download failed (the last good copy is kept).
    CalendarFetched(crate::calendar::remote::Fetched),
    /// The boxes of a day, freshly read from the store.
    DayLoaded {
        date: NaiveDate,
        boxes: Vec<Timebox>,
    },
    /// Another day's boxes, read for an operation such as "copy unfinished".
    OtherDayLoaded {
        date: NaiveDate,
        boxes: Vec<Timebox>,
        purpose: Purpose,
    },
    /// An `Effect::Apply` was committed; these are the ids of inserted boxes, in order.
    Saved {
        created: Vec<i64>,
    },
    /// A save failed; nothing was changed.
    StoreFailed(String),
    /// A read failed: shown in the status line, nothing else happens.
    Problem(String),
    /// The config file changed and was read again (the shell watches it): offline hours,
    /// overrides, keys and the rest follow the new file without a restart.
    ConfigChanged(Box<crate::config::Config>),
    /// The active session as stored (after a start, or a change by another process).
    SessionLoaded(Option<Session>),
    /// `Effect::StartSession` was stored: the session with its new id.
    SessionStarted(Session),
    /// Today's sessions so far (for the focus streak).
    SessionsToday(Vec<Session>),
    /// A desktop notification could not be shown.
    NotifyFailed(String),
    /// A week's saved review (if any) and the reviews of the weeks before it.
    ReviewLoaded {
        week: crate::domain::summary::Week,
        review: Option<crate::domain::review::Review>,
        history: Vec<crate::domain::review::Review>,
    },
    /// A week's summary, for the Week or review screen.
    WeekLoaded(
        crate::domain::summary::Week,
        Box<crate::app::week::WeekData>,
    ),
}

/// Why another day was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    CopyUnfinished,
}

/// Something the shell must do on the model's behalf.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read a week's review and the ones before it; answers `Msg::ReviewLoaded`.
    LoadReview(crate::domain::summary::Week),
    /// Store a review (replacing that week's).
    SaveReview(crate::domain::review::Review),
    /// Summarize a week and answer with `Msg::WeekLoaded`.
    LoadWeek(
        crate::domain::summary::Week,
        std::sync::Arc<crate::app::week::WeekParams>,
    ),
    /// Read a day and answer with `Msg::DayLoaded`.
    LoadDay(NaiveDate),
    /// Read the sessions logged on a day; answers `Msg::DaySessionsLoaded`.
    LoadDaySessions(NaiveDate),
    /// Read again the calendar sources whose files changed since the modification time last
    /// seen; answers `Msg::CalendarsLoaded` when any did.
    LoadCalendars(Vec<(crate::calendar::Source, Option<std::time::SystemTime>)>),
    /// At start: the week's meetings from the snapshot if it matches the sources on disk
    /// (answers `Msg::CalendarSnapshot`), else read them all (`Msg::CalendarsLoaded`).
    FirstCalendars(crate::calendar::snapshot::Key, std::path::PathBuf),
    /// Store the week's meetings as read, for the next start's first frame.
    SaveCalendarSnapshot(
        crate::calendar::snapshot::Key,
        Vec<crate::domain::meeting::Meeting>,
        std::path::PathBuf,
    ),
    /// Read another day and answer with `Msg::OtherDayLoaded`.
    LoadOther(NaiveDate, Purpose),
    /// Commit a change in one transaction and answer with `Msg::Saved` or `Msg::StoreFailed`.
    Apply(Change),
    /// Check whether another process changed the database; if so, reload the shown day, the
    /// active session and the manual offline override (answers `Msg::DayLoaded`,
    /// `Msg::SessionLoaded`, `Msg::ManualLoaded`). With a week: the Week screen shows it, and
    /// it is summarized again too (`Msg::WeekLoaded`).
    PollExternal(
        NaiveDate,
        Option<(
            crate::domain::summary::Week,
            std::sync::Arc<crate::app::week::WeekParams>,
        )>,
    ),
    /// Leave the app (restoring the terminal).
    Quit,
    /// Store a new session; answers `Msg::SessionStarted`, or `Msg::SessionLoaded` with the
    /// session that is already running elsewhere.
    StartSession(Session),
    /// Store a session's new state.
    SaveSession(Session),
    /// This process still runs the session.
    Heartbeat(i64, DateTime<Utc>),
    /// Log an interruption of a session.
    Interrupt(i64, DateTime<Utc>, Option<String>),
    /// Mark a timebox done.
    MarkDone(i64),
    /// Read the active session; answers `Msg::SessionLoaded`.
    LoadSession,
    /// Read today's sessions; answers `Msg::SessionsToday`.
    LoadSessionsToday(chrono::NaiveDate),
    /// Show a notification, unless some process already did for `(session, key)`.
    Notify {
        session: i64,
        key: String,
        notification: Notification,
    },
    /// Run a hook, once per `(session, key)` across processes.
    Hook {
        session: i64,
        key: String,
        argv: Vec<String>,
        event: HookEvent,
    },
    /// Play the chime (`[sound]`): `file`, or serein's own when `None` or missing. With a
    /// claim `(session, key)`, only the first process to claim it plays (the TUI and the
    /// daemon both see a box end).
    Chime {
        claim: Option<(i64, String)>,
        file: Option<std::path::PathBuf>,
    },
    /// Ring the terminal bell.
    Bell,
    /// Make sure a background `serein daemon` runs, so notifications come after we quit.
    EnsureDaemon,
    /// Move Do-Not-Disturb to this state (the enforcer journals and restores).
    SetDnd(crate::domain::policy::Dnd),
    /// Store a manual override (None: clear it) and wake the daemon; answers nothing on
    /// success (the model already holds the override), `Msg::Problem` on failure.
    SetManual(Option<crate::domain::policy::Manual>),
    /// Read the manual override; answers `Msg::ManualLoaded`.
    LoadManual,
    /// Record a session as after-hours work.
    MarkAfterHours(i64),
    /// Log a breathing session (answers `Msg::BreathLogged`).
    LogBreath(Session),
    /// Read which breathing patterns were practised before (answers `Msg::BreathSeen`).
    LoadBreathSeen,
    /// Claim a breathing reminder for a day and time; shows it if this process got it.
    Remind {
        key: String,
        notification: Notification,
    },
}
