//! The `?` overlay: every key from the live keymap, so overrides show up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::keymap::Action;
use crate::app::model::{Model, Screen};
use crate::domain::parse::ACCEPTED_FORMS;
use crate::ui::theme::Theme;
use crate::ui::{fit, width};

/// A screen's own keys and what they do, as shown in help.
type KeyList = &'static [(&'static str, &'static str)];

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup_w = area.width.saturating_sub(2).min(78);
    let inner_w = popup_w.saturating_sub(2) as usize;
    let two_cols = inner_w >= 44;
    let col_w = if two_cols { inner_w / 2 } else { inner_w };
    // The Breathe screen lists its own keys below.
    let actions: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| a.on(model.screen) && model.screen != Screen::Breathe)
        .collect();
    let key_w = actions
        .iter()
        .map(|a| width(&model.keymap.keys_for(*a)))
        .max()
        .unwrap_or(1)
        .min(8)
        .min(col_w / 3);

    let entry = |a: Action| -> Vec<Span<'static>> {
        let keys = model.keymap.keys_for(a);
        let keys = fit(&keys, key_w);
        let desc = fit(a.describe(), col_w.saturating_sub(key_w + 1));
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
        let half = actions.len().div_ceil(2);
        for i in 0..half {
            let mut spans = entry(actions[i]);
            if let Some(b) = actions.get(i + half) {
                spans.extend(entry(*b));
            }
            lines.push(Line::from(spans));
        }
    } else {
        lines.extend(actions.iter().map(|a| Line::from(entry(*a))));
    }
    if !actions.is_empty() {
        lines.push(Line::raw(""));
    }
    // Screens with their own keys list them, then a word on what the screen shows.
    let own: Option<(KeyList, Vec<Line>)> = match model.screen {
        Screen::Review => Some((
            &[
                ("j/k", "next / previous field"),
                ("h/l -/+", "lower / raise a rating or check-in"),
                ("1-9 0", "set it (0 is 10 for ratings)"),
                ("x", "clear it"),
                ("⏎", "write the win / what made it possible"),
                ("space", "tick a checklist item"),
                ("[ ]", "previous / next week"),
                ("esc/q", "back (everything is saved as you go)"),
            ],
            vec![Line::raw(
                "Ratings are yours alone: how satisfied you feel with each part of life, 1 to \
                 10. The energy and detachment check-in is serein's own, not a validated scale.",
            )],
        )),
        Screen::Week => Some((
            &[
                ("[ ] h l", "previous / next week"),
                (".", "this week"),
                ("j/k", "scroll the numbers and notes"),
                ("esc/t/w", "back"),
            ],
            vec![Line::raw(
                "Bars: minutes logged per day by domain, each with its own fill; the thin line \
                 is work_hours_per_day, the number on the right the day's work. Notes are facts \
                 with their source, never a diagnosis; [balance] in the config sets when they \
                 appear.",
            )],
        )),
        Screen::Breathe => {
            use crate::domain::breath::safety;
            Some((
                &[
                    ("j/k ⏎", "choose a pattern, start"),
                    ("space/p", "pause / resume"),
                    ("esc/q", "stop and leave (it is logged)"),
                    ("r", "motion on / off"),
                    ("?", "this help"),
                ],
                vec![
                    Line::raw(safety::GENERAL),
                    Line::raw(safety::HOLDS),
                    Line::styled(safety::DISCLAIMER, theme.dim()),
                ],
            ))
        }
        Screen::Today | Screen::Timer => None,
    };
    if let Some((keys, notes)) = own {
        for (k, d) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("{k:>7} "), theme.title()),
                Span::raw(*d),
            ]));
        }
        lines.push(Line::raw(""));
        lines.extend(notes);
        lines.push(Line::styled("any key closes this help", theme.dim()));
        return finish(frame, area, popup_w, inner_w, lines);
    }
    lines.push(Line::from(vec![
        Span::styled("add: ", theme.title()),
        Span::raw(ACCEPTED_FORMS),
    ]));
    let tags: Vec<String> = model
        .config
        .domains
        .iter()
        .map(|d| format!("#{}", d.name))
        .chain(std::iter::once("#break".to_string()))
        .collect();
    lines.push(Line::from(vec![
        Span::styled("domains: ", theme.title()),
        Span::raw(tags.join(" ")),
    ]));
    lines.push(Line::styled("any key closes this help", theme.dim()));

    finish(frame, area, popup_w, inner_w, lines);
}

fn finish(frame: &mut Frame, area: Rect, popup_w: u16, inner_w: usize, lines: Vec<Line<'_>>) {
    // Wrapped lines need more rows than entries; estimate generously, then clip to the screen.
    let text_rows: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_w.max(1)))
        .sum();
    let height = (text_rows as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width.saturating_sub(popup_w)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width: popup_w,
        height,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title(" keys ")),
        popup,
    );
}
