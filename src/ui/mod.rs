//! `view(&Model, &mut Frame)`: draws the model, decides nothing.

pub mod help;
pub mod theme;
pub mod today;

use ratatui::Frame;

use crate::app::model::{Mode, Model};

/// Draws the whole screen for the current model.
pub fn view(model: &Model, frame: &mut Frame) {
    let theme = theme::Theme::new(model.no_color);
    today::draw(model, &theme, frame, frame.area());
    if matches!(model.mode, Mode::Help) {
        help::draw(model, &theme, frame, frame.area());
    }
}
