//! `view(&Model, &mut Frame)`: draws the model, decides nothing.

pub mod breathe;
pub mod flags;
pub mod help;
pub mod review;
pub mod theme;
pub mod timer;
pub mod today;
pub mod week;

use ratatui::Frame;

use crate::app::model::{Mode, Model, Screen};

/// Draws the whole screen for the current model.
pub fn view(model: &Model, frame: &mut Frame) {
    let theme = theme::Theme::new(model.no_color);
    match model.screen {
        Screen::Today => today::draw(model, &theme, frame, frame.area()),
        Screen::Breathe => breathe::draw(model, &theme, frame, frame.area()),
        Screen::Week => week::draw(model, &theme, frame, frame.area()),
        Screen::Review => {
            if let Some(r) = &model.review {
                review::draw(
                    &r.form,
                    r.summary.as_ref(),
                    &r.history,
                    &theme,
                    frame,
                    frame.area(),
                );
            }
        }
        Screen::Timer => {
            timer::draw(model, &theme, frame, frame.area());
            // Prompts (interruption, note) use the Today prompt line at the bottom.
            if let Mode::Input(_) = model.mode {
                today::draw_prompt(model, &theme, frame, frame.area());
            }
        }
    }
    if matches!(model.mode, Mode::Help) {
        help::draw(model, &theme, frame, frame.area());
    }
}

/// What a screen shows when the terminal is too small for it.
pub fn too_small() -> String {
    crate::t!("ui-pane-too-small")
}

/// Display width in terminal cells (a CJK character or an emoji takes two).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `w` cells, marking a cut with `…`.
pub fn fit(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    if w == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w - 1 {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// The part of `s` that starts `skip` cells in and fits in `w` cells.
pub fn window(s: &str, skip: usize, w: usize) -> String {
    let mut out = String::new();
    let (mut pos, mut used) = (0, 0);
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if pos < skip {
            pos += cw;
            continue;
        }
        if used + cw > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out
}

/// `s` padded on the left to sit in the middle of `w` cells.
pub fn centered(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s)) / 2))
}

pub use crate::domain::count;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cells() {
        assert_eq!(width("日本語"), 6);
        assert_eq!(fit("日本語のタイトル", 7), "日本語…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(window("日本語abc", 2, 3), "本");
        assert_eq!(window("日本語abc", 6, 3), "abc");
        assert_eq!(count(1, "box", "boxes"), "1 box");
        assert_eq!(count(3, "box", "boxes"), "3 boxes");
    }
}
