//! The TUI's state: everything `view` needs and `update` changes.

use chrono::{NaiveDate, NaiveDateTime};
use tui_input::Input;

use crate::app::keymap::Keymap;
use crate::config::Config;
use crate::domain::plan::Timebox;

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
}

impl PromptPurpose {
    pub fn label(self) -> &'static str {
        match self {
            PromptPurpose::Add => "add",
            PromptPurpose::Edit(_) => "edit",
            PromptPurpose::Shift(_) => "shift by",
            PromptPurpose::Template => "template",
        }
    }
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
}

/// One undoable change: the boxes as they were, and the ids the change created.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoEntry {
    pub label: String,
    pub date: NaiveDate,
    pub restore: Vec<Timebox>,
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

/// The whole TUI state.
#[derive(Debug, Clone)]
pub struct Model {
    pub config: Config,
    pub keymap: Keymap,
    /// Local wall-clock time, stamped by the shell.
    pub now: NaiveDateTime,
    /// The day shown.
    pub date: NaiveDate,
    /// Its boxes, sorted by start.
    pub boxes: Vec<Timebox>,
    /// False until the first load of `date` arrived.
    pub loaded: bool,
    pub selected: Option<i64>,
    pub mode: Mode,
    pub undo: Vec<UndoEntry>,
    pub pending: Option<Pending>,
    pub status: Option<Status>,
    /// Colours off (`NO_COLOR`).
    pub no_color: bool,
}

impl Model {
    pub fn new(config: Config, keymap: Keymap, now: NaiveDateTime) -> Model {
        Model {
            config,
            keymap,
            now,
            date: now.date(),
            boxes: Vec::new(),
            loaded: false,
            selected: None,
            mode: Mode::Normal,
            undo: Vec::new(),
            pending: None,
            status: None,
            no_color: false,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub fn selected_box(&self) -> Option<&Timebox> {
        let id = self.selected?;
        self.boxes.iter().find(|b| b.id == id)
    }

    pub fn selected_index(&self) -> Option<usize> {
        let id = self.selected?;
        self.boxes.iter().position(|b| b.id == id)
    }

    pub fn set_status(&mut self, level: Level, text: impl Into<String>) {
        self.status = Some(Status {
            level,
            text: text.into(),
        });
    }
}
