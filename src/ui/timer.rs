//! The Timer screen: big remaining time, a gauge of the box, its title and domain, and what
//! comes next. After a session ends it shows what was done and the offer, if any.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::model::{Level, Model, Offer};
use crate::app::timer::overrun_text;
use crate::domain::plan::{self, dur, hhmm};
use crate::domain::session::{Phase, Session, State, clock_text};
use crate::domain::time::minute_of_day;
use crate::keys::Action;
use crate::t;
use crate::ui::theme::Theme;
use crate::ui::{centered, fit, width};

/// Rows of the big digits.
const BIG_ROWS: usize = 5;

/// A 5-row block font for the countdown: digits, `:` and `+`. A `█` here is drawn as a
/// painted cell (a reversed space), never as the block glyph: fonts draw `█` a little short of
/// the cell in xterm and others, which left slivers between the rows of a digit.
fn glyph(c: char) -> [&'static str; BIG_ROWS] {
    match c {
        '0' => ["█████", "█   █", "█   █", "█   █", "█████"],
        '1' => ["   █ ", "  ██ ", "   █ ", "   █ ", "  ███"],
        '2' => ["█████", "    █", "█████", "█    ", "█████"],
        '3' => ["█████", "    █", " ████", "    █", "█████"],
        '4' => ["█   █", "█   █", "█████", "    █", "    █"],
        '5' => ["█████", "█    ", "█████", "    █", "█████"],
        '6' => ["█████", "█    ", "█████", "█   █", "█████"],
        '7' => ["█████", "    █", "   █ ", "  █  ", "  █  "],
        '8' => ["█████", "█   █", "█████", "█   █", "█████"],
        '9' => ["█████", "█   █", "█████", "    █", "█████"],
        ':' => [" ", "█", " ", "█", " "],
        '+' => ["     ", "  █  ", "█████", "  █  ", "     "],
        _ => ["     "; BIG_ROWS],
    }
}

/// The big rendering of `text`, one string per row, glyphs separated by a space.
fn big(text: &str) -> Vec<String> {
    (0..BIG_ROWS)
        .map(|r| {
            text.chars()
                .map(|c| glyph(c)[r])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.height < 4 || area.width < 20 {
        frame.render_widget(Paragraph::new(t!("ui-pane-too-small")), area);
        return;
    }
    let w = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let now = m.now_utc;
    match &m.timer.session {
        Some(s) => running(m, s, theme, w, area, &mut lines),
        None => idle(m, theme, w, &mut lines),
    }
    let body_h = area.height.saturating_sub(1);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: body_h,
            ..area
        },
    );
    // A gauge of the box, on the row before the hints, while a session runs.
    if let Some(s) = &m.timer.session
        && area.height >= 8
    {
        let total = s.total_s().max(1) as f64;
        let done = (total - s.remaining_s(now).max(0) as f64).clamp(0.0, total);
        let style = match s.phase(now) {
            Phase::Overrun => theme.error(),
            _ => theme.domain(
                &m.config,
                &s.domain,
                s.kind == crate::domain::session::SessionKind::Break,
            ),
        };
        frame.render_widget(
            Paragraph::new(gauge(
                done / total,
                area.width.saturating_sub(2) as usize,
                style,
                theme,
            )),
            Rect {
                x: area.x + 1,
                y: area.y + area.height - 3,
                width: area.width.saturating_sub(2),
                height: 1,
            },
        );
    }
    let hints = hints(m, w);
    let status = match &m.status {
        Some(s) => {
            let style = match s.level {
                Level::Info => theme.info(),
                Level::Warn => theme.warn(),
                Level::Error => theme.error(),
            };
            Line::styled(fit(&format!(" {}", s.text), w), style)
        }
        None => Line::styled(fit(&hints, w), theme.dim()),
    };
    frame.render_widget(
        Paragraph::new(status),
        Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        },
    );
}

/// A bar `w` cells wide: the part done painted in `style`, the part to go a dim track, then the
/// percentage.
fn gauge(ratio: f64, w: usize, style: Style, theme: &Theme) -> Line<'static> {
    let label = format!(" {:.0}%", ratio * 100.0);
    let bar = w.saturating_sub(width(&label));
    let filled = ((ratio * bar as f64).round() as usize).min(bar);
    Line::from(vec![
        Span::styled(" ".repeat(filled), painted(style)),
        Span::styled("─".repeat(bar - filled), theme.dim()),
        Span::styled(label, theme.dim()),
    ])
}

/// `style` as a painted cell: a space in reverse video fills the whole cell in the style's
/// colour (the terminal's text colour without one), with or without colours.
fn painted(style: Style) -> Style {
    style.add_modifier(Modifier::REVERSED)
}

/// One row of big digits: `█` as painted cells, anything else blank, centred in `w`.
fn big_row(row: &str, style: Style, w: usize) -> Line<'static> {
    let mut spans = vec![Span::raw(" ".repeat(w.saturating_sub(width(row)) / 2))];
    let mut run = String::new();
    let mut lit = false;
    for c in row.chars() {
        let on = c == '█';
        if on != lit && !run.is_empty() {
            let st = if lit {
                painted(style)
            } else {
                Style::default()
            };
            spans.push(Span::styled(std::mem::take(&mut run), st));
        }
        lit = on;
        run.push(' ');
    }
    if !run.is_empty() {
        let st = if lit {
            painted(style)
        } else {
            Style::default()
        };
        spans.push(Span::styled(run, st));
    }
    Line::from(spans)
}

fn hints(m: &Model, w: usize) -> String {
    let k = |a| m.keymap.keys_for(a);
    if m.timer.session.is_none() {
        return format!(
            " {}",
            t!(
                "timer-hints-idle",
                start = k(Action::Start),
                back = k(Action::Back),
                quit = k(Action::Quit)
            )
        );
    }
    if w >= 70 {
        format!(
            " {}",
            t!(
                "timer-hints-wide",
                pause = k(Action::PauseResume),
                plus5 = k(Action::Extend5),
                plus1 = k(Action::Extend1),
                finish = k(Action::Finish),
                next = k(Action::Skip),
                interrupt = k(Action::Interrupt),
                note = k(Action::Note),
                back = k(Action::Back)
            )
        )
    } else {
        format!(
            " {}",
            t!(
                "timer-hints-narrow",
                pause = k(Action::PauseResume),
                plus5 = k(Action::Extend5),
                finish = k(Action::Finish),
                help = k(Action::Help)
            )
        )
    }
}

fn running(
    m: &Model,
    s: &Session,
    theme: &Theme,
    w: usize,
    area: Rect,
    lines: &mut Vec<Line<'static>>,
) {
    let now = m.now_utc;
    let phase = s.phase(now);
    let rem = s.remaining_s(now);
    lines.push(title_line(m, s, theme, w));
    time_lines(&clock_text(rem), phase, theme, w, area, lines);
    lines.push(Line::raw(""));
    let state = match (phase, &s.state) {
        (Phase::Paused, _) => t!("timer-paused", key = m.keymap.keys_for(Action::PauseResume)),
        (Phase::Overrun, _) => {
            let over = overrun_text(-rem);
            let x = m.keymap.keys_for(Action::Finish);
            let plus = m.keymap.keys_for(Action::Extend5);
            if w >= 60 {
                t!("timer-overrun-wide", over = over, finish = x, plus = plus)
            } else {
                t!("timer-overrun-narrow", over = over, finish = x, plus = plus)
            }
        }
        (_, State::Running { deadline }) => {
            let at = crate::domain::time::Now {
                utc: now,
                local: m.now,
                zone: m.zone,
            };
            t!(
                "timer-until",
                time = crate::domain::time::local_hhmm(&at.zone, at, *deadline)
            )
        }
        _ => String::new(),
    };
    let mut extra = Vec::new();
    if s.interruptions > 0 {
        extra.push(t!("timer-interrupted", n = s.interruptions));
    }
    if s.extended_s > 0 {
        extra.push(format!("+{}", dur((s.extended_s / 60) as u32)));
    }
    let state = if extra.is_empty() {
        state
    } else {
        format!("{state} · {}", extra.join(" · "))
    };
    lines.push(Line::styled(
        centered(&fit(&state, w), w),
        if phase == Phase::Overrun {
            theme.warn()
        } else {
            Style::default()
        },
    ));
    if let Some(n) = &s.note {
        lines.push(Line::styled(
            centered(&fit(&t!("timer-note", note = n), w), w),
            theme.dim(),
        ));
    }
    if let Some(next) = next_text(m, s) {
        lines.push(Line::styled(centered(&fit(&next, w), w), theme.dim()));
    }
}

/// The box's title on the left, its domain (or "break") on the right.
fn title_line(m: &Model, s: &Session, theme: &Theme, w: usize) -> Line<'static> {
    let is_break = s.kind == crate::domain::session::SessionKind::Break;
    let dstyle = theme.domain(&m.config, &s.domain, is_break);
    let mut label = if is_break {
        t!("timer-break")
    } else {
        s.domain.clone()
    };
    if m.notify_failed {
        label = t!("timer-no-notifications", label = label);
    }
    if m.breathe.reminder_due {
        let b = m.keymap.keys_for(Action::Breathe);
        label = t!("timer-breathe-now", key = b, label = label);
    }
    let title = fit(&s.title, w.saturating_sub(width(&label) + 4));
    let pad = w.saturating_sub(2 + width(&title) + width(&label) + 1);
    Line::from(vec![
        Span::styled(format!(" {title}"), theme.title()),
        Span::raw(" ".repeat(pad + 1)),
        Span::styled(label, dstyle),
    ])
}

/// The time left, vertically centred: in big digits when they fit, else on one line.
fn time_lines(
    time: &str,
    phase: Phase,
    theme: &Theme,
    w: usize,
    area: Rect,
    lines: &mut Vec<Line<'static>>,
) {
    let big_fits = area.height >= 12 && w >= width(&big(time)[0]) + 2;
    let tstyle = match phase {
        Phase::Overrun => theme.error(),
        Phase::Paused => theme.dim(),
        _ => theme.title(),
    };
    let spare = area.height as usize - 1;
    let used = if big_fits { BIG_ROWS + 5 } else { 5 };
    lines.extend(std::iter::repeat_n(
        Line::raw(""),
        spare.saturating_sub(used + 3) / 2,
    ));
    if big_fits {
        for row in big(time) {
            lines.push(big_row(&row, tstyle, w));
        }
    } else {
        lines.push(Line::styled(centered(time, w), tstyle));
    }
}

fn next_text(m: &Model, s: &Session) -> Option<String> {
    if m.today.date != s.local_date {
        return None;
    }
    let b = plan::next_box(&m.today.boxes, s.timebox_id, minute_of_day(m.now))?;
    let tag = if b.kind == plan::Kind::Break {
        t!("timer-break")
    } else {
        b.domain.clone()
    };
    Some(t!(
        "timer-next",
        time = hhmm(b.start),
        title = &b.title,
        tag = tag
    ))
}

fn idle(m: &Model, theme: &Theme, w: usize, lines: &mut Vec<Line<'static>>) {
    lines.push(Line::styled(
        format!(" {}", t!("timer-title")),
        theme.title(),
    ));
    lines.push(Line::raw(""));
    if let Some(s) = &m.timer.last_ended {
        let spent = dur((s.actual_s(m.now_utc) / 60) as u32);
        let (reason, over) = match s.state {
            State::Ended {
                reason, overrun_s, ..
            } => (reason.as_str(), overrun_s),
            _ => ("ended", 0),
        };
        lines.push(Line::styled(
            centered(
                &fit(
                    &t!(
                        "timer-ended",
                        reason = t!("timer-reason", reason = reason),
                        title = &s.title
                    ),
                    w,
                ),
                w,
            ),
            theme.title(),
        ));
        let planned = dur((s.total_s() / 60) as u32);
        let detail = if over > 0 {
            t!(
                "timer-spent-over",
                spent = spent,
                planned = planned,
                over = overrun_text(over)
            )
        } else {
            t!("timer-spent", spent = spent, planned = planned)
        };
        lines.push(Line::styled(centered(&detail, w), theme.dim()));
        lines.push(Line::raw(""));
    } else {
        lines.push(Line::styled(
            centered(&t!("timer-no-session"), w),
            theme.dim(),
        ));
        lines.push(Line::raw(""));
    }
    let start = m.keymap.keys_for(Action::Start);
    match &m.timer.offer {
        Some(Offer::Box(b)) => {
            let tag = if b.kind == plan::Kind::Break {
                t!("timer-break")
            } else {
                b.domain.clone()
            };
            lines.push(Line::styled(
                centered(
                    &fit(
                        &t!(
                            "timer-next-box",
                            start = hhmm(b.start),
                            end = hhmm(b.end),
                            title = &b.title,
                            tag = tag
                        ),
                        w,
                    ),
                    w,
                ),
                theme.title(),
            ));
            lines.push(Line::styled(
                centered(&t!("timer-starts-it", key = start.as_str()), w),
                theme.dim(),
            ));
        }
        Some(Offer::Break { minutes, .. }) => {
            lines.push(Line::styled(
                centered(&fit(&t!("timer-break-offer", minutes = *minutes), w), w),
                theme.title(),
            ));
            lines.push(Line::styled(
                centered(&t!("timer-starts-it", key = start.as_str()), w),
                theme.dim(),
            ));
        }
        None => {
            lines.push(Line::styled(
                centered(&fit(&t!("timer-pick-a-box"), w), w),
                theme.dim(),
            ));
        }
    }
}
