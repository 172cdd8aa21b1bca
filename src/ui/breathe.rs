//! The Breathe screen: a shape that grows on the inhale, rests on holds and shrinks on the
//! exhale (a round Braille circle; a one-line bar in narrow panes), the phase word, seconds
//! left in the phase, cycle n/N and session time left. With reduce motion: words only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Circle};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::breathe::{decimal, elapsed, pattern_name, patterns};
use crate::app::model::{Breath, BreathStage, Model};
use crate::domain::breath::safety::{self, Safety};
use crate::domain::breath::{Exercise, Pattern, PhaseKind, Timings};
use crate::domain::session::clock_text;
use crate::domain::time::Now;
use crate::i18n::{self, Lang};
use crate::t;
use crate::ui::theme::Theme;
use crate::ui::{centered, fit, width};

/// The phase word shown large while breathing ("Inhale", "Inspirez").
pub fn phase_word(kind: PhaseKind) -> String {
    match kind {
        PhaseKind::Inhale => t!("breathe-phase-inhale"),
        PhaseKind::InhaleTopUp => t!("breathe-phase-top-up"),
        PhaseKind::HoldFull | PhaseKind::HoldEmpty => t!("breathe-phase-hold"),
        PhaseKind::Exhale => t!("breathe-phase-exhale"),
    }
}

/// The short label of a phase in the timings ("in", "out").
fn phase_short(kind: PhaseKind) -> String {
    match kind {
        PhaseKind::Inhale => t!("breathe-short-inhale"),
        PhaseKind::InhaleTopUp => t!("breathe-short-top-up"),
        PhaseKind::HoldFull | PhaseKind::HoldEmpty => t!("breathe-short-hold"),
        PhaseKind::Exhale => t!("breathe-short-exhale"),
    }
}

/// One short factual line about a pattern (no health claims).
pub fn pattern_note(p: &Pattern) -> String {
    if p.custom {
        return t!("breathe-note-custom");
    }
    match p.id.as_str() {
        "coherence" => t!("breathe-note-coherence"),
        "coherence-4-6" => t!("breathe-note-coherence-4-6"),
        "resonance" => t!("breathe-note-resonance"),
        "box" => t!("breathe-note-box"),
        "478" => t!("breathe-note-478"),
        "sigh" => t!("breathe-note-sigh"),
        _ => t!("breathe-note-custom"),
    }
}

/// A pattern's default length: `4 cycles` or `5 min`.
pub fn length_text(p: &Pattern) -> String {
    match p.default_cycles {
        Some(c) => t!("breathe-length-cycles", n = c),
        None => {
            let e = Exercise::default_for(p.clone());
            t!(
                "breathe-length-minutes",
                n = format!("{}", (e.total_secs() / 60.0).round())
            )
        }
    }
}

/// `in 5 · out 5`, `out 4, then in 4 · hold 7 · out 8` (in the user's language); width and
/// alignment work as for a `str` (`{:<30}`).
impl std::fmt::Display for Timings<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let join = |phases: &[crate::domain::breath::Phase]| {
            phases
                .iter()
                .map(|p| format!("{} {}", phase_short(p.kind), decimal(p.secs)))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let p = self.0;
        let text = if p.prelude.is_empty() {
            join(&p.phases)
        } else {
            t!(
                "breathe-timings-then",
                prelude = join(&p.prelude),
                cycle = join(&p.phases)
            )
        };
        f.pad(&text)
    }
}

/// The safety texts in the user's language (`shared/wellbeing.md`, "Safety texts").
impl std::fmt::Display for Safety {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&match self {
            Safety::General => t!("breathe-safety-general"),
            Safety::Holds => t!("breathe-safety-holds"),
            Safety::Disclaimer => t!("breathe-safety-disclaimer"),
        })
    }
}

fn phase_color(kind: PhaseKind) -> Color {
    match kind {
        PhaseKind::Inhale => Color::Cyan,
        PhaseKind::InhaleTopUp => Color::LightCyan,
        PhaseKind::HoldFull | PhaseKind::HoldEmpty => Color::Yellow,
        PhaseKind::Exhale => Color::LightBlue,
    }
}

fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y.min(area.height.saturating_sub(1)),
        height: 1,
        ..area
    }
}

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(b) = &m.breathe.breath else {
        return;
    };
    if area.height < 4 || area.width < 20 {
        frame.render_widget(Paragraph::new(crate::ui::too_small()), area);
        return;
    }
    frame.render_widget(Paragraph::new(title_line(m, b, theme, area)), row(area, 0));
    let hints = match &b.stage {
        BreathStage::Choosing(sel) => choosing(m, *sel, theme, frame, area),
        BreathStage::Safety => safety_text(b, theme, frame, area),
        BreathStage::Running { paused_at, .. } => {
            running(m, b, paused_at.is_some(), theme, frame, area)
        }
        BreathStage::Done { completed, secs } => done(*completed, *secs, theme, frame, area),
    };
    let hint = Line::styled(fit(&format!("  {hints}"), area.width as usize), theme.dim());
    frame.render_widget(Paragraph::new(hint), row(area, area.height - 1));
}

/// The pattern's name on the left, today's count towards the daily goal on the right.
fn title_line(m: &Model, b: &Breath, theme: &Theme, area: Rect) -> Line<'static> {
    let w = area.width as usize;
    let goal = m.config.breathing.daily_goal;
    let count = if goal > 0 {
        format!(
            "{} ",
            t!("breathe-goal-today", count = m.breaths_today(), goal = goal)
        )
    } else {
        String::new()
    };
    let full = format!(
        " {}",
        t!("breathe-title", name = pattern_name(&b.exercise.pattern))
    );
    // A cut title keeps a space before the count.
    let room = w.saturating_sub(width(&count));
    let title = if width(&full) > room && !count.is_empty() {
        fit(&full, room.saturating_sub(1))
    } else {
        fit(&full, room)
    };
    let pad = w.saturating_sub(width(&title) + width(&count));
    Line::from(vec![
        Span::styled(title, theme.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.dim()),
    ])
}

/// The rows between the title and the hint line.
fn body(area: Rect) -> Rect {
    Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    }
}

/// The patterns on offer, `sel` marked, with the chosen one's note below; returns the hints.
fn choosing(m: &Model, sel: usize, theme: &Theme, frame: &mut Frame, area: Rect) -> String {
    let w = area.width as usize;
    let list = patterns(m);
    let mut lines = vec![Line::raw("")];
    let rows: Vec<[String; 4]> = list
        .iter()
        .map(|p| {
            let rate = format!("{:.1}", p.per_minute());
            let rate = if i18n::lang() == Lang::Fr {
                rate.replace('.', ",")
            } else {
                rate
            };
            [
                pattern_name(p),
                p.timings().to_string(),
                t!("breathe-rate", rate = rate),
                length_text(p),
            ]
        })
        .collect();
    for (i, cells) in pattern_columns(&rows, w.saturating_sub(3))
        .into_iter()
        .enumerate()
    {
        let mark = if i == sel { "›" } else { " " };
        let style = if i == sel {
            theme.selected()
        } else {
            Style::default()
        };
        lines.push(Line::styled(fit(&format!(" {mark} {cells}"), w), style));
    }
    lines.push(Line::raw(""));
    if let Some(p) = list.get(sel) {
        lines.push(Line::styled(
            fit(&format!("   {}", pattern_note(p)), w),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), body(area));
    t!("breathe-hints-choosing")
}

/// The pattern list's rows (name, timings, rate, length) as aligned text `w` cells wide at
/// most: columns padded by display width (CJK and emoji names take two cells a character),
/// the rate and length right-aligned. The timings go first when space runs short, then the
/// rate; a long name is cut with `…`.
fn pattern_columns(rows: &[[String; 4]], w: usize) -> Vec<String> {
    let col = |k: usize| rows.iter().map(|r| width(&r[k])).max().unwrap_or(0);
    let (tw, rw, lw) = (col(1), col(2), col(3));
    let pad = |s: &str, n: usize| format!("{s}{}", " ".repeat(n.saturating_sub(width(s))));
    let right = |s: &str, n: usize| format!("{}{s}", " ".repeat(n.saturating_sub(width(s))));
    // Try with timings and rate, then rate only, then the name and length alone.
    for (timings, rate) in [(true, true), (false, true), (false, false)] {
        let fixed = usize::from(timings) * (tw + 2) + usize::from(rate) * (rw + 2) + lw + 2;
        let nw = col(0).min(w.saturating_sub(fixed));
        if nw < 8 && (timings || rate) {
            continue;
        }
        return rows
            .iter()
            .map(|r| {
                let mut line = pad(&fit(&r[0], nw), nw);
                if timings {
                    line.push_str(&format!("  {}", pad(&r[1], tw)));
                }
                if rate {
                    line.push_str(&format!("  {}", right(&r[2], rw)));
                }
                line.push_str(&format!("  {}", right(&r[3], lw)));
                line
            })
            .collect();
    }
    Vec::new()
}

/// The safety text shown before a pattern's first use; returns the hints.
fn safety_text(b: &Breath, theme: &Theme, frame: &mut Frame, area: Rect) -> String {
    let p = &b.exercise.pattern;
    let mut text = vec![
        Line::raw(""),
        Line::styled(
            t!("breathe-before-first", name = pattern_name(p)),
            theme.title(),
        ),
        Line::raw(""),
        Line::raw(safety::GENERAL.to_string()),
    ];
    if p.has_holds {
        text.push(Line::raw(""));
        text.push(Line::raw(safety::HOLDS.to_string()));
    }
    text.push(Line::raw(""));
    text.push(Line::styled(safety::DISCLAIMER.to_string(), theme.dim()));
    let rect = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    // Every word of the safety text matters more than the blank rows between paragraphs:
    // they go first when the pane (or a longer language) needs the room.
    let rows = |t: &[Line]| -> usize {
        t.iter()
            .map(|l| crate::ui::help::wrapped_rows(l, usize::from(rect.width)))
            .sum()
    };
    if rows(&text) > usize::from(rect.height) {
        text.retain(|l| l.width() > 0);
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), rect);
    t!("breathe-hints-safety")
}

/// The exercise under way: the shape (unless motion is reduced), the phase word with its
/// seconds, and the cycle with the session time left; returns the hints.
fn running(
    m: &Model,
    b: &Breath,
    paused: bool,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) -> String {
    let w = area.width as usize;
    let now = Now {
        utc: m.now_utc,
        local: m.now,
        zone: m.zone,
    };
    let f = b.exercise.at(elapsed(&b.stage, now));
    let color = if m.no_color {
        Color::Reset
    } else {
        phase_color(f.kind)
    };
    let word = if paused {
        t!("breathe-paused")
    } else {
        format!("{}  {}", phase_word(f.kind), f.phase_left.ceil() as i64)
    };
    let cycle = if f.prelude {
        t!("breathe-first-breathe-out")
    } else {
        t!("breathe-cycle", cycle = f.cycle, cycles = f.cycles)
    };
    let left = t!(
        "breathe-left",
        what = cycle,
        time = clock_text(f.session_left.ceil() as i64)
    );
    let text_rows = 3u16;
    if !b.reduce_motion {
        let shape_area = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2 + text_rows),
            ..area
        };
        shape(f.scale, color, frame, shape_area);
    }
    let word_style = Style::default().fg(color).add_modifier(Modifier::BOLD);
    let y = if b.reduce_motion {
        area.height / 2 - 1
    } else {
        area.height - 1 - text_rows
    };
    frame.render_widget(
        Paragraph::new(Line::styled(centered(&word, w), word_style)),
        row(area, y),
    );
    frame.render_widget(
        Paragraph::new(Line::styled(centered(&left, w), theme.dim())),
        row(area, y + 1),
    );
    if paused {
        t!("breathe-hints-paused")
    } else {
        t!("breathe-hints-running")
    }
}

/// The breathing shape at `scale` (0 empty … 1 full): a circle, or a bar in narrow panes.
fn shape(scale: f64, color: Color, frame: &mut Frame, shape: Rect) {
    if shape.width >= 40 && shape.height >= 6 {
        // Cells are about twice as tall as wide: y spans twice the units of x, so a
        // circle comes out round.
        let (cw, ch) = (f64::from(shape.width), f64::from(shape.height));
        let r_max = (cw / 2.0).min(ch) - 1.0;
        let r = r_max * (0.2 + 0.8 * scale);
        frame.render_widget(
            Canvas::default()
                .marker(Marker::Braille)
                .x_bounds([-cw / 2.0, cw / 2.0])
                .y_bounds([-ch, ch])
                .paint(move |ctx| {
                    for k in [1.0, 0.8, 0.6] {
                        ctx.draw(&Circle {
                            x: 0.0,
                            y: 0.0,
                            radius: (r * k).max(0.5),
                            color,
                        });
                    }
                }),
            shape,
        );
    } else {
        // A one-line bar for narrow panes.
        let w = shape.width as usize;
        let bar_w = w.saturating_sub(4);
        let filled = ((scale * bar_w as f64).round() as usize).min(bar_w);
        let bar = format!("▕{}{}▏", "█".repeat(filled), "░".repeat(bar_w - filled));
        frame.render_widget(
            Paragraph::new(Line::styled(centered(&bar, w), Style::default().fg(color))),
            row(shape, shape.height / 2),
        );
    }
}

/// The exercise is over: how it ended and after how long; returns the hints.
fn done(completed: bool, secs: f64, theme: &Theme, frame: &mut Frame, area: Rect) -> String {
    let w = area.width as usize;
    let time = clock_text(secs.round() as i64);
    let what = if completed {
        t!("breathe-done", time = time)
    } else {
        t!("breathe-stopped", time = time)
    };
    let lines = vec![
        Line::raw(""),
        Line::raw(""),
        Line::styled(centered(&what, w), theme.title()),
        Line::styled(centered(&t!("breathe-logged"), w), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(lines), body(area));
    t!("breathe-hints-done")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breath::{custom, preset, presets, resonance};
    use crate::i18n::with_lang;

    #[test]
    fn timings_names_and_notes_in_both_languages() {
        let p = |id| preset(id).unwrap();
        let en = |f: &dyn Fn() -> String| with_lang(Lang::En, f);
        let fr = |f: &dyn Fn() -> String| with_lang(Lang::Fr, f);
        let cases: [(Pattern, &str, &str); 5] = [
            (p("coherence"), "in 5 · out 5", "insp. 5 · exp. 5"),
            (
                p("box"),
                "in 4 · hold 4 · out 4 · hold 4",
                "insp. 4 · ret. 4 · exp. 4 · ret. 4",
            ),
            (
                p("478"),
                "out 4, then in 4 · hold 7 · out 8",
                "exp. 4, puis insp. 4 · ret. 7 · exp. 8",
            ),
            (
                p("sigh"),
                "in 2 · top up 1 · out 6",
                "insp. 2 · compl. 1 · exp. 6",
            ),
            (
                resonance(5.5).unwrap(),
                "in 5.45 · out 5.45",
                "insp. 5,45 · exp. 5,45",
            ),
        ];
        for (pat, e, f) in &cases {
            assert_eq!(en(&|| pat.timings().to_string()), *e);
            assert_eq!(fr(&|| pat.timings().to_string()), *f);
        }
        // Width and alignment work as for a str (`serein breathe --list` pads the column).
        assert_eq!(
            en(&|| format!("[{:<14}]", p("coherence").timings())),
            "[in 5 · out 5  ]"
        );
        assert_eq!(
            fr(&|| pattern_name(&resonance(5.5).unwrap())),
            "Respiration de résonance (5,5/min)"
        );
        assert_eq!(en(&|| pattern_name(&p("box"))), "Box breathing (4-4-4-4)");
        for pat in presets() {
            // The English name shown is the stored name (session titles stay as they were).
            assert_eq!(en(&|| pattern_name(&pat)), pat.name, "{}", pat.id);
            for lang in Lang::ALL {
                let note = with_lang(lang, || pattern_note(&pat));
                assert!(!note.is_empty() && note.chars().count() < 130, "{note}");
            }
            assert_ne!(fr(&|| pattern_name(&pat)), pat.name, "{}", pat.id);
            assert_ne!(fr(&|| pattern_note(&pat)), en(&|| pattern_note(&pat)));
        }
        let (mine, _) = custom("Mine", &[("inhale".into(), 4.0), ("exhale".into(), 6.0)]).unwrap();
        assert_eq!(fr(&|| pattern_name(&mine)), "Mine");
        assert_eq!(fr(&|| pattern_note(&mine)), "Votre propre exercice.");
    }

    #[test]
    fn phase_words_and_safety_texts_in_both_languages() {
        use PhaseKind::*;
        let words = |l| {
            with_lang(l, || {
                [Inhale, InhaleTopUp, HoldFull, Exhale, HoldEmpty].map(phase_word)
            })
        };
        assert_eq!(
            words(Lang::En),
            ["Inhale", "Top up", "Hold", "Exhale", "Hold"]
        );
        assert_eq!(
            words(Lang::Fr),
            ["Inspirez", "Complétez", "Retenez", "Expirez", "Retenez"]
        );
        let general = |l| with_lang(l, || safety::GENERAL.to_string());
        assert!(general(Lang::En).starts_with("Breathe gently and never force it."));
        assert!(general(Lang::Fr).starts_with("Respirez doucement, sans jamais forcer."));
    }
}
