//! Colours and emphasis in one place; with `NO_COLOR` only bold/dim/reverse remain.
//!
//! Only the terminal's 16 named colours are used (its own palette, tuned by the user for a
//! light or a dark background), never dark blue on its own (close to unreadable on black), and
//! emphasis that does not assume a background: the selection is reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Config;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(no_color: bool) -> Theme {
        Theme { color: !no_color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    /// The colour of a domain (breaks are grey).
    pub fn domain(&self, cfg: &Config, name: &str, is_break: bool) -> Style {
        if is_break {
            return self.fg(Color::DarkGray);
        }
        let c = cfg
            .domains
            .iter()
            .find(|d| d.name == name)
            .map(|d| d.color.0)
            .unwrap_or(Color::Gray);
        self.fg(c)
    }

    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    /// Reverse video: the terminal's own colours swapped, readable on a light background
    /// as on a dark one (a fixed dark background hid black text on light terminals).
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn now(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn info(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn done(&self) -> Style {
        self.dim().add_modifier(Modifier::CROSSED_OUT)
    }
}
