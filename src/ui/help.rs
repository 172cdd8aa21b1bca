//! The `?` overlay: the key table's rows for the screen shown, with the live keymap's keys
//! (so overrides show up), then what the screen's numbers and words mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::model::{Model, Screen};
use crate::keys::{self, Row};
use crate::t;
use crate::ui::theme::Theme;
use crate::ui::{fit, width};

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup_w = area.width.saturating_sub(2).min(78);
    let inner_w = popup_w.saturating_sub(2) as usize;
    let mut lines = key_lines(model, theme, inner_w);
    // The notes that fit under the keys (all but the closing line), whole, in order: in a
    // small pane (48×20) the box must not run off the screen and cut its last lines.
    let room = usize::from(area.height.saturating_sub(3));
    let mut used: usize = lines.iter().map(|l| wrapped_rows(l, inner_w)).sum();
    for note in screen_notes(model, theme) {
        let rows = wrapped_rows(&note, inner_w);
        if used + rows > room {
            break;
        }
        used += rows;
        lines.push(note);
    }
    lines.push(Line::styled(t!("overlay-close"), theme.dim()));

    draw_popup(frame, area, popup_w, inner_w, lines);
}

/// Rows `line` takes wrapped at word boundaries in `w` cells, as the paragraph wraps it
/// (a word longer than a row is broken).
pub(crate) fn wrapped_rows(line: &Line, w: usize) -> usize {
    let w = w.max(1);
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let (mut rows, mut pos) = (1, 0);
    let mut pending_space = 0;
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            pending_space += 1;
        }
        let ww = width(word);
        if ww == 0 {
            continue;
        }
        if pos > 0 && pos + pending_space + ww > w {
            rows += 1;
            pos = 0;
        } else {
            pos += pending_space;
        }
        pending_space = 0;
        pos += ww;
        while pos > w {
            rows += 1;
            pos -= w;
        }
    }
    rows
}

/// The screen's keys and what they do, in two columns when `inner_w` allows, then a blank.
fn key_lines(model: &Model, theme: &Theme, inner_w: usize) -> Vec<Line<'static>> {
    let two_cols = inner_w >= 44;
    let col_w = if two_cols { inner_w / 2 } else { inner_w };
    let screen = model.screen;
    let rows: Vec<&Row> = keys::rows(screen).collect();
    let key_w = rows
        .iter()
        .map(|r| width(&model.keymap.keys_on(r.action, screen)))
        .max()
        .unwrap_or(1)
        .min(8)
        .min(col_w / 3);

    let entry = |r: &Row| -> Vec<Span<'static>> {
        let keys = model.keymap.keys_on(r.action, screen);
        let keys = fit(&keys, key_w);
        let desc = fit(&r.text(), col_w.saturating_sub(key_w + 1));
        let pad = col_w.saturating_sub(key_w + 1 + width(&desc));
        vec![
            Span::styled(
                format!("{}{keys} ", " ".repeat(key_w.saturating_sub(width(&keys)))),
                theme.title(),
            ),
            Span::raw(format!("{desc}{}", " ".repeat(pad))),
        ]
    };
    let mut lines: Vec<Line> = Vec::new();
    if two_cols {
        let half = rows.len().div_ceil(2);
        for i in 0..half {
            let mut spans = entry(rows[i]);
            if let Some(b) = rows.get(i + half) {
                spans.extend(entry(b));
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(rows.iter().map(|r| Line::from(entry(r))));
    }
    if !rows.is_empty() {
        lines.push(Line::raw(""));
    }
    lines
}

/// A word on what the screen shows.
fn screen_notes(model: &Model, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    match model.screen {
        Screen::Review => {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", t!("overlay-digits-label")), theme.title()),
                Span::raw(t!("overlay-digits")),
            ]));
            lines.push(Line::raw(t!("overlay-review-note")));
        }
        Screen::Week => lines.push(Line::raw(t!("overlay-week-note"))),
        Screen::Breathe => {
            use crate::domain::breath::safety;
            lines.push(Line::raw(safety::GENERAL.to_string()));
            lines.push(Line::raw(safety::HOLDS.to_string()));
            lines.push(Line::styled(safety::DISCLAIMER.to_string(), theme.dim()));
        }
        Screen::Today | Screen::Timer => {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", t!("overlay-add-label")), theme.title()),
                Span::raw(crate::i18n::accepted_forms()),
            ]));
            let tags: Vec<String> = model
                .config
                .domains
                .iter()
                .map(|d| format!("#{}", d.name))
                .chain(std::iter::once("#break".to_string()))
                .collect();
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", t!("overlay-domains-label")), theme.title()),
                Span::raw(tags.join(" ")),
            ]));
        }
    }
    lines
}

/// The lines in a bordered box centred in `area`, as tall as they need (clipped to `area`).
fn draw_popup(frame: &mut Frame, area: Rect, popup_w: u16, inner_w: usize, lines: Vec<Line<'_>>) {
    let text_rows: usize = lines.iter().map(|l| wrapped_rows(l, inner_w)).sum();
    let height = (text_rows as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width.saturating_sub(popup_w)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width: popup_w,
        height,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", t!("overlay-title"))),
        ),
        popup,
    );
}
