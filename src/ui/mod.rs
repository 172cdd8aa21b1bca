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

/// The countdown as drawn on a screen that shows it in a line of text (Today's timer row), for
/// the countdown-only redraw ([`patch_countdown`]); `None` elsewhere (the Timer screen's big
/// digits and gauge are drawn in full).
pub fn countdown_text(m: &Model) -> Option<String> {
    let s = m.timer.session.as_ref()?;
    (m.screen == Screen::Today && matches!(m.mode, Mode::Normal))
        .then(|| crate::app::timer::status_line(s, m.now_utc))
}

/// Patches a drawn frame whose only change is the countdown's text, `old` → `new`: the cells
/// of the one place where `old` is drawn take the characters that differ. Succeeds only when
/// that is certain: the two texts differ in a run of ASCII characters of the same length (the
/// seconds, not the phase's icon or a width change), and `old` is drawn exactly once, in full.
/// Otherwise `false` and the buffer is as it was: the caller draws the whole frame. The caller
/// vouches that nothing else on screen changed (a tick within the same minute); debug builds
/// check the patched frame against a full draw (`shell::TerminalFrontend`).
pub fn patch_countdown(buf: &mut ratatui::buffer::Buffer, old: &str, new: &str) -> bool {
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    if o.len() != n.len() {
        return false;
    }
    let Some(first) = o.iter().zip(&n).position(|(a, b)| a != b) else {
        return true;
    };
    let last = o.iter().zip(&n).rposition(|(a, b)| a != b).unwrap_or(first);
    if !o[first..=last]
        .iter()
        .chain(&n[first..=last])
        .all(|c| c.is_ascii_graphic() || *c == ' ')
    {
        return false;
    }
    // Each row as drawn text, with the column of each character (a wide one fills two cells).
    let area = buf.area;
    let mut found = None;
    for y in area.top()..area.bottom() {
        let mut text = String::new();
        let mut cols: Vec<u16> = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let sym = buf[(x, y)].symbol();
            for c in sym.chars() {
                text.push(c);
                cols.push(x);
            }
            x += width(sym).max(1) as u16;
        }
        let mut from = 0;
        while let Some(at) = text[from..].find(old) {
            let start = from + at;
            if found.is_some() {
                return false;
            }
            let index = text[..start].chars().count();
            found = Some((y, cols[index + first..=index + last].to_vec()));
            from = start + old.len();
        }
    }
    let Some((y, cols)) = found else {
        return false;
    };
    for (x, c) in cols.iter().zip(&n[first..=last]) {
        buf[(*x, y)].set_char(*c);
    }
    true
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
    fn a_countdown_is_patched_only_where_it_is_drawn_once() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let draw = |rows: &[&str]| {
            let mut b = Buffer::empty(Rect::new(0, 0, 30, rows.len() as u16));
            for (y, r) in rows.iter().enumerate() {
                b.set_string(0, y as u16, r, ratatui::style::Style::default());
            }
            b
        };
        let mut b = draw(&["header 10:00", " ▶ 日本 Write 24:10  (t)"]);
        assert!(patch_countdown(
            &mut b,
            "▶ 日本 Write 24:10",
            "▶ 日本 Write 24:09"
        ));
        assert_eq!(b, draw(&["header 10:00", " ▶ 日本 Write 24:09  (t)"]));
        // Drawn twice: which one is the countdown is not certain.
        let mut b = draw(&["▶ a 1:00", "▶ a 1:00"]);
        assert!(!patch_countdown(&mut b, "▶ a 1:00", "▶ a 0:59"));
        // Not drawn in full (cut by a narrow pane), a width change, an icon change.
        let mut b = draw(&["▶ a long tit…"]);
        assert!(!patch_countdown(
            &mut b,
            "▶ a long title 1:00",
            "▶ a long title 0:59"
        ));
        let mut b = draw(&["▶ a 10:00"]);
        assert!(!patch_countdown(&mut b, "▶ a 10:00", "▶ a 9:59"));
        let mut b = draw(&["▶ a 0:01"]);
        assert!(!patch_countdown(&mut b, "▶ a 0:01", "⏸ a 0:00"));
        assert_eq!(b, draw(&["▶ a 0:01"]));
    }

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
