//! Messages into `update` and effects out of it: plain data, no I/O.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use crate::domain::plan::Timebox;
use crate::store::Change;

/// Something that happened. The shell stamps `now` separately on every call to `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// The terminal was resized: everything must be drawn again.
    Resize,
    /// The 1 Hz tick, aligned to the second.
    Tick,
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
}

/// Why another day was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    CopyUnfinished,
}

/// Something the shell must do on the model's behalf.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read a day and answer with `Msg::DayLoaded`.
    LoadDay(NaiveDate),
    /// Read another day and answer with `Msg::OtherDayLoaded`.
    LoadOther(NaiveDate, Purpose),
    /// Commit a change in one transaction and answer with `Msg::Saved` or `Msg::StoreFailed`.
    Apply(Change),
    /// Check whether another process changed the database; if so, reload the shown day.
    PollExternal(NaiveDate),
    /// Leave the app (restoring the terminal).
    Quit,
}
