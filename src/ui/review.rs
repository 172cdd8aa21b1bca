//! The weekly review screen: the week's numbers, five domain ratings with a 10-cell gauge and
//! a 4-week sparkline, the win and what made it possible, the GTD checklist and the optional
//! check-in (always labelled as serein's own, not a validated scale).
//!
//! Every field keeps one row. When the pane is short, decoration goes first (blank rows), then
//! the week's numbers, then section headings; a pane shorter than the form scrolls to keep
//! the selected field in view. The selected row carries `›`, so it shows without colour.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::review::{FIELDS, Field, ReviewForm};
use crate::domain::review::{self, CHECKLIST_LABELS, Review, TREND_WEEKS};
use crate::domain::summary::{Level, Week, WeekSummary, hm};
use crate::i18n::{DateStyle, date};
use crate::t;
use crate::ui::theme::Theme;
use crate::ui::{fit, width, window};

/// A life domain's label (in [`Review::ratings`] order), full or short for narrow panes.
pub fn domain_label(i: usize, long: bool) -> String {
    match (i, long) {
        (0, true) => t!("review-domain-personal"),
        (1, true) => t!("review-domain-work"),
        (2, true) => t!("review-domain-family"),
        (3, true) => t!("review-domain-social"),
        (4, true) => t!("review-domain-health"),
        (0, false) => t!("review-domain-personal-short"),
        (1, false) => t!("review-domain-work-short"),
        (2, false) => t!("review-domain-family-short"),
        (3, false) => t!("review-domain-social-short"),
        _ => t!("review-domain-health-short"),
    }
}

/// A checklist item's label (in [`Review::checklist`] order), full or short.
pub fn checklist_label(i: usize, long: bool) -> String {
    match (i, long) {
        (0, true) => t!("review-check-inbox"),
        (1, true) => t!("review-check-calendar-past"),
        (2, true) => t!("review-check-calendar-next"),
        (3, true) => t!("review-check-projects"),
        (4, true) => t!("review-check-someday"),
        (0, false) => t!("review-check-inbox-short"),
        (1, false) => t!("review-check-calendar-past-short"),
        (2, false) => t!("review-check-calendar-next-short"),
        (3, false) => t!("review-check-projects-short"),
        _ => t!("review-check-someday-short"),
    }
}

/// Cells of a rating gauge: one per point.
const GAUGE: usize = 10;
/// Sparkline levels, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// A week with no rating in a sparkline.
const MISSING: char = '·';
/// Left margin of a field row: ` › ` or three spaces.
const MARGIN: usize = 3;
/// At most this many rows of numbers and flags above the form.
const NUMBERS_ROWS: usize = 3;

/// Which columns fit in a given width.
#[derive(Debug, Clone, Copy)]
struct Cols {
    /// Width of the label column.
    label: usize,
    /// Full labels ("What made it possible") or short ones ("Thanks to").
    long: bool,
    gauge: bool,
    spark: bool,
    /// The trend as numbers after the sparkline ("5 6 – 7"), for anyone who can't read bars.
    trend_numbers: bool,
}

impl Cols {
    fn for_width(w: usize) -> Cols {
        let long = w >= 60;
        // "What made it possible" and a space; "Couple & family" and a space.
        let label = if long { 23 } else { 16 };
        // margin + label + gauge + space + value (2).
        let with_gauge = MARGIN + label + GAUGE + 1 + 2;
        let with_spark = with_gauge + 3 + TREND_WEEKS;
        Cols {
            label,
            long,
            gauge: w >= with_gauge,
            spark: w >= with_spark,
            trend_numbers: w >= with_spark + 2 + 11,
        }
    }

    /// Where the sparkline starts, for the heading above it.
    fn spark_x(&self) -> usize {
        MARGIN + self.label + if self.gauge { GAUGE + 1 } else { 0 } + 2 + 3
    }
}

/// What a body row is, for dropping and scrolling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A blank row; `rank` says which goes first.
    Spacer,
    Numbers,
    Heading,
    /// The field with this index into [`FIELDS`].
    Field(usize),
}

struct Item {
    kind: Kind,
    /// Higher goes first when the pane is short; 0 never goes (it scrolls instead).
    rank: u8,
    line: Line<'static>,
}

impl Item {
    fn new(kind: Kind, rank: u8, line: Line<'static>) -> Item {
        Item { kind, rank, line }
    }
}

/// Draws the review of `form.review.week`. `summary` is that week's numbers (none: no numbers
/// block); `history` holds stored reviews for the trend (the form's own review wins over a
/// stored one of the same week).
pub fn draw(
    form: &ReviewForm,
    summary: Option<&WeekSummary>,
    history: &[Review],
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let w = area.width as usize;
    if area.height < 3 || w < 24 {
        frame.render_widget(Paragraph::new(crate::ui::too_small()), area);
        return;
    }
    let cols = Cols::for_width(w);
    let r = &form.review;

    let title = fit(
        &format!(
            " {}",
            t!(
                "review-title",
                week = r.week.to_string(),
                span = span_text(r.week)
            )
        ),
        w,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(title, theme.title())),
        row_rect(area, 0),
    );
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&hints(form, w), w), theme.dim())),
        row_rect(area, area.height - 1),
    );

    let mut items = body(form, summary, history, theme, cols, w);
    let body_h = (area.height - 2) as usize;
    // Drop the least useful rows until the form fits.
    while items.len() > body_h {
        let Some((i, _)) = items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.rank > 0)
            // The last of the highest rank, so flags go from the bottom up.
            .max_by_key(|(i, it)| (it.rank, *i))
        else {
            break;
        };
        items.remove(i);
    }
    let selected = items
        .iter()
        .position(|it| it.kind == Kind::Field(form.field))
        .unwrap_or(0);
    // Still too tall: scroll, keeping the selected field near the middle.
    let offset = if items.len() > body_h {
        selected
            .saturating_sub(body_h / 2)
            .min(items.len() - body_h)
    } else {
        0
    };
    for (y, item) in items.iter().skip(offset).take(body_h).enumerate() {
        let rect = row_rect(area, 1 + y as u16);
        frame.render_widget(Paragraph::new(item.line.clone()), rect);
        if item.kind == Kind::Field(form.field)
            && let Some(input) = &form.editing
        {
            let x = MARGIN + cols.label;
            let avail = w.saturating_sub(x + 1);
            let cursor = input
                .visual_cursor()
                .saturating_sub(input.visual_scroll(avail));
            let cx = (area.x as usize + x + cursor).min(area.right() as usize - 1);
            frame.set_cursor_position(Position::new(cx as u16, rect.y));
        }
    }
}

/// The rows between the title and the footer, top to bottom.
fn body(
    form: &ReviewForm,
    summary: Option<&WeekSummary>,
    history: &[Review],
    theme: &Theme,
    cols: Cols,
    w: usize,
) -> Vec<Item> {
    let mut items = Vec::new();
    let blank = |rank| Item::new(Kind::Spacer, rank, Line::raw(""));

    if let Some(s) = summary {
        items.extend(numbers(s, theme, w));
    }
    items.push(blank(20));
    items.extend(domain_rows(form, history, theme, cols, w));
    items.push(blank(23));
    items.extend(text_rows(form, theme, cols, w));
    items.push(blank(21));
    items.extend(checklist_rows(form, theme, cols, w));
    items.push(blank(22));
    items.extend(checkin_rows(form, theme, cols, w));
    items
}

/// The life domains heading, then one rating row each, with its trend when there is room.
fn domain_rows(
    form: &ReviewForm,
    history: &[Review],
    theme: &Theme,
    cols: Cols,
    w: usize,
) -> Vec<Item> {
    let r = &form.review;
    let heading = if cols.long {
        t!("review-heading-domains")
    } else {
        t!("review-heading-domains-short")
    };
    let mut h = format!(" {heading}");
    if cols.spark {
        let pad = cols.spark_x().saturating_sub(width(&h));
        h = format!(
            "{h}{}{}",
            " ".repeat(pad),
            t!("review-last-weeks", n = TREND_WEEKS)
        );
    }
    let mut items = vec![Item::new(
        Kind::Heading,
        2,
        Line::styled(fit(&h, w), theme.title()),
    )];

    // The form's own review goes last so that it wins over a stored copy of the same week.
    let mut all = history.to_vec();
    all.push(r.clone());
    let trends = review::trend(&all, r.week);
    for (i, (rating, trend)) in r.ratings.iter().zip(&trends).enumerate() {
        let label = domain_label(i, cols.long);
        let f = index_of(Field::Rating(i));
        let mut spans = number_spans(&label, *rating, cols, theme);
        if cols.spark {
            let spark: String = trend.iter().map(|v| spark(*v)).collect();
            spans.push(Span::raw("   "));
            spans.push(Span::styled(spark, theme.info()));
            if cols.trend_numbers {
                spans.push(Span::styled(
                    format!("  {}", trend_text(trend)),
                    theme.dim(),
                ));
            }
        }
        items.push(field_item(form, f, spans, theme, w));
    }
    items
}

/// The win and what made it possible: the text, the line being typed, or a placeholder.
fn text_rows(form: &ReviewForm, theme: &Theme, cols: Cols, w: usize) -> Vec<Item> {
    let r = &form.review;
    let (win, enabler) = if cols.long {
        (t!("review-win"), t!("review-enabler"))
    } else {
        (t!("review-win-short"), t!("review-enabler-short"))
    };
    let mut items = Vec::new();
    for (field, label, text) in [
        (Field::Win, win, &r.win),
        (Field::Enabler, enabler, &r.enabler),
    ] {
        let f = index_of(field);
        let avail = w.saturating_sub(MARGIN + cols.label + 1);
        let value = match (&form.editing, form.field == f) {
            (Some(input), true) => {
                let scroll = input.visual_scroll(avail);
                Span::raw(window(input.value(), scroll, avail))
            }
            _ if text.is_empty() && form.field == f => {
                Span::styled(t!("review-write-prompt"), theme.dim())
            }
            _ if text.is_empty() => Span::styled("–", theme.dim()),
            _ => Span::raw(fit(text, avail)),
        };
        let spans = vec![Span::raw(pad_to(&label, cols.label)), value];
        items.push(field_item(form, f, spans, theme, w));
    }
    items
}

/// The checklist heading, then one tick box per item (short labels when the long don't fit).
fn checklist_rows(form: &ReviewForm, theme: &Theme, cols: Cols, w: usize) -> Vec<Item> {
    let r = &form.review;
    let h = format!(
        " {}",
        if cols.long {
            t!("review-heading-checklist")
        } else {
            t!("review-heading-checklist-short")
        }
    );
    let mut items = vec![Item::new(Kind::Heading, 1, Line::styled(h, theme.title()))];
    for i in 0..CHECKLIST_LABELS.len() {
        let f = index_of(Field::Check(i));
        let mark = if r.checklist[i] { "[x] " } else { "[ ] " };
        let room = w.saturating_sub(MARGIN + width(mark));
        let long = checklist_label(i, true);
        let label = if width(&long) <= room {
            long
        } else {
            checklist_label(i, false)
        };
        let spans = vec![Span::raw(mark), Span::raw(label)];
        items.push(field_item(form, f, spans, theme, w));
    }
    items
}

/// The optional check-in: its note, then energy and detachment.
fn checkin_rows(form: &ReviewForm, theme: &Theme, cols: Cols, w: usize) -> Vec<Item> {
    let r = &form.review;
    // Never dropped: the check-in must always say what it is (and what it is not).
    let note = [
        t!("review-checkin-long"),
        t!("review-checkin-medium"),
        t!("review-checkin-short"),
    ]
    .into_iter()
    .map(|n| format!(" {n}"))
    .find(|n| width(n) <= w)
    .unwrap_or_else(|| format!(" {}", t!("review-checkin-shortest")));
    let mut items = vec![Item::new(
        Kind::Heading,
        0,
        Line::styled(fit(&note, w), theme.title()),
    )];
    let detachment = if cols.long {
        t!("review-detachment")
    } else {
        t!("review-detachment-short")
    };
    for (field, label, value) in [
        (Field::Energy, t!("review-energy"), r.energy),
        (Field::Detachment, detachment, r.detachment),
    ] {
        let spans = number_spans(&label, value, cols, theme);
        items.push(field_item(form, index_of(field), spans, theme, w));
    }
    items
}

/// Up to three rows: the week in numbers, then its flags (a notice or stronger stands out).
fn numbers(s: &WeekSummary, theme: &Theme, w: usize) -> Vec<Item> {
    // Each number with its longer and shorter wordings, longest first.
    let mut parts = vec![
        vec![t!("review-work", time = hm(s.work_minutes))],
        vec![t!("review-rest", time = hm(s.rest_minutes))],
        vec![t!("review-breaks", n = s.breaks)],
    ];
    if s.breathing_goal > 0 {
        let (done, goal) = (s.breathing_sessions, s.breathing_goal);
        let short = t!("review-breathing", done = done, goal = goal);
        // This week's goal counts only the days so far; say so where there is room.
        if s.breathing_goal < s.breathing_goal_week {
            let long = t!("review-breathing-so-far", done = done, goal = goal);
            parts.push(vec![long, short]);
        } else {
            parts.push(vec![short]);
        }
    }
    // Numbers that don't fit are left out whole rather than cut mid-number; the most important
    // come first.
    let mut line = String::new();
    for wordings in parts {
        for p in wordings {
            let next = if line.is_empty() {
                format!(" {p}")
            } else {
                format!("{line} · {p}")
            };
            if width(&next) <= w {
                line = next;
                break;
            }
        }
    }
    let mut out = vec![Item::new(Kind::Numbers, 10, Line::raw(line))];
    let room = NUMBERS_ROWS - 1;
    for (i, flag) in s.flags.iter().take(room).enumerate() {
        let more = s.flags.len() - i - 1;
        // The same marks as the Week screen: `·` a fact, `!` worth a look, `!!` strong.
        let mark = match flag.level {
            Level::Info => "·",
            Level::Notice => "!",
            Level::Strong => "!!",
        };
        let words = crate::ui::flags::text(flag);
        let text = if i + 1 == room && more > 0 {
            format!(" {mark} {words} {}", t!("review-more-flags", n = more))
        } else {
            format!(" {mark} {words}")
        };
        let style = if flag.level >= Level::Notice {
            theme.warn()
        } else {
            Style::default()
        };
        // Flags below the numbers line go first, the last one first.
        out.push(Item::new(
            Kind::Numbers,
            11 + i as u8,
            Line::styled(fit(&text, w), style),
        ));
    }
    out
}

/// A label, a gauge and the value (`–` when unset), for ratings and the check-in.
fn number_spans(label: &str, v: Option<u8>, cols: Cols, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = vec![Span::raw(pad_to(label, cols.label))];
    if cols.gauge {
        let n = usize::from(v.unwrap_or(0)).min(GAUGE);
        spans.push(Span::styled("█".repeat(n), theme.info()));
        spans.push(Span::styled("░".repeat(GAUGE - n), theme.dim()));
        spans.push(Span::raw(" "));
    }
    spans.push(match v {
        Some(v) => Span::raw(format!("{v:>2}")),
        None => Span::styled(" –", theme.dim()),
    });
    spans
}

/// A field row: `›` and the selected style on the cursor's row.
fn field_item(
    form: &ReviewForm,
    f: usize,
    spans: Vec<Span<'static>>,
    theme: &Theme,
    w: usize,
) -> Item {
    let selected = form.field == f;
    let mut all = vec![Span::raw(if selected { " › " } else { "   " })];
    all.extend(spans);
    // Pad so the selected style covers the whole row.
    let used: usize = all.iter().map(|s| width(&s.content)).sum();
    all.push(Span::raw(" ".repeat(w.saturating_sub(used))));
    let line = Line::from(all);
    let line = if selected {
        line.style(theme.selected())
    } else {
        line
    };
    Item::new(Kind::Field(f), 0, line)
}

/// The key hints for the field under the cursor, as many as fit.
fn hints(form: &ReviewForm, w: usize) -> String {
    let field: Vec<String> = if form.editing.is_some() {
        vec![t!("review-hint-save"), t!("review-hint-cancel")]
    } else {
        match form.current() {
            Field::Rating(_) => vec![
                t!("review-hint-adjust"),
                t!("review-hint-digits-rating"),
                t!("review-hint-clear"),
            ],
            Field::Energy | Field::Detachment => vec![
                t!("review-hint-adjust"),
                t!("review-hint-digits-checkin"),
                t!("review-hint-clear"),
            ],
            Field::Win | Field::Enabler => vec![t!("review-hint-write")],
            Field::Check(_) => vec![t!("review-hint-tick")],
        }
    };
    let common: Vec<String> = if form.editing.is_some() {
        Vec::new()
    } else {
        vec![
            t!("review-hint-back"),
            t!("review-hint-move"),
            t!("review-hint-week"),
            t!("review-hint-help"),
        ]
    };
    let mut line = String::new();
    // Most needed first (the field's own keys, then the way out); what doesn't fit is left out.
    for p in field.iter().chain(&common) {
        let next = if line.is_empty() {
            format!(" {p}")
        } else {
            format!("{line} · {p}")
        };
        if width(&next) <= w {
            line = next;
        }
    }
    line
}

fn index_of(f: Field) -> usize {
    FIELDS.iter().position(|x| *x == f).unwrap_or(0)
}

fn pad_to(s: &str, w: usize) -> String {
    let s = fit(s, w.saturating_sub(1));
    format!("{s}{}", " ".repeat(w.saturating_sub(width(&s))))
}

fn row_rect(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y.min(area.height.saturating_sub(1)),
        height: 1,
        ..area
    }
}

/// `23–29 Nov`, or `30 Nov – 6 Dec` across months.
fn span_text(week: Week) -> String {
    let (mon, sun) = (week.monday, week.sunday());
    let last = date(sun, DateStyle::DayMonth);
    if mon.month() == sun.month() {
        t!("review-span-same-month", first = mon.day(), last = last)
    } else {
        t!(
            "review-span",
            first = date(mon, DateStyle::DayMonth),
            last = last
        )
    }
}

/// One sparkline cell for a rating 1–10.
fn spark(v: Option<u8>) -> char {
    match v {
        // Ten ratings on eight bars: 1–2 and 9–10 share the ends so that the middle, where
        // most ratings are, keeps one bar per point.
        Some(r) => BARS[usize::from(r.saturating_sub(2)).min(BARS.len() - 1)],
        None => MISSING,
    }
}

/// `5 6 – 7`.
fn trend_text(t: &[Option<u8>]) -> String {
    t.iter()
        .map(|v| v.map_or("–".to_string(), |v| v.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};
    use insta::assert_snapshot;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use tui_input::Input;

    use super::*;
    use crate::domain::offline::OfflineSchedule;
    use crate::domain::summary::{self, Inputs, Thresholds};

    fn week(s: &str) -> Week {
        Week::parse(s).unwrap()
    }

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_900_000, 0).unwrap()
    }

    fn rated(w: &str, ratings: [Option<u8>; 5]) -> Review {
        Review {
            ratings,
            ..Review::new(week(w), at())
        }
    }

    fn history() -> Vec<Review> {
        vec![
            rated("2026-W45", [Some(5), Some(3), Some(8), None, Some(6)]),
            rated("2026-W46", [Some(6), Some(4), Some(7), Some(5), None]),
            rated("2026-W47", [Some(6), Some(2), Some(8), Some(4), Some(5)]),
            // A stale copy of the shown week: the form's review must win.
            rated("2026-W48", [Some(1); 5]),
        ]
    }

    fn filled() -> Review {
        Review {
            ratings: [Some(7), Some(4), Some(9), None, Some(6)],
            win: "Shipped the importer".into(),
            enabler: "Two quiet mornings with notifications off".into(),
            checklist: [true, true, false, false, false],
            energy: Some(6),
            detachment: None,
            ..Review::new(week("2026-W48"), at())
        }
    }

    /// A week summary built the way the shell builds it, then given numbers and flags.
    fn summary() -> WeekSummary {
        let schedule = OfflineSchedule::default();
        let inputs = Inputs {
            sessions: &[],
            timeboxes: &[],
            work_domains: &["work"],
            schedule: &schedule,
            after_hours_ids: &[],
            offline_periods: &[],
            breathing_goal_per_day: 3,
            coherence_titles: &[],
            meetings: &[],
            now: at(),
        };
        let mut s = summary::summarize(&inputs, week("2026-W48"), &Utc);
        s.work_minutes = 49 * 60 + 20;
        s.rest_minutes = 9 * 60 + 5;
        s.breaks = 6;
        s.breathing_sessions = 12;
        s.flags = summary::work_hours_flag(s.work_minutes, &Thresholds::default())
            .into_iter()
            .collect();
        s
    }

    fn screen(
        form: &ReviewForm,
        summary: Option<&WeekSummary>,
        w: u16,
        h: u16,
        no_color: bool,
    ) -> Terminal<TestBackend> {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let hist = history();
        t.draw(|f| draw(form, summary, &hist, &Theme::new(no_color), f, f.area()))
            .unwrap();
        t
    }

    fn text(t: &Terminal<TestBackend>) -> String {
        t.backend().to_string()
    }

    #[test]
    fn review_editing_the_win_80x24() {
        let mut form = ReviewForm::new(filled());
        form.field = index_of(Field::Win);
        form.editing = Some(Input::new("Shipped the importer, finally".into()));
        let s = summary();
        let mut t = screen(&form, Some(&s), 80, 24, false);
        let out = text(&t);
        assert_snapshot!("review_editing_win_80x24", out);
        // The cursor sits after the typed text: margin + label column + 29 characters.
        t.backend_mut().assert_cursor_position(Position::new(
            (MARGIN + Cols::for_width(80).label + 29) as u16,
            10,
        ));
    }

    #[test]
    fn review_filled_48x20() {
        let mut form = ReviewForm::new(filled());
        form.field = index_of(Field::Energy);
        let s = summary();
        assert_snapshot!(
            "review_filled_48x20",
            text(&screen(&form, Some(&s), 48, 20, true))
        );
    }

    /// The review in both languages at 48×20 and 100×30: every field keeps its row, labels
    /// are cut by display width with `…`, the check-in still says it is not a validated scale.
    #[test]
    fn review_in_both_languages_at_48x20_and_100x30() {
        use crate::i18n::{Lang, with_lang};
        let s = summary();
        for lang in Lang::ALL {
            for (w, h) in [(48u16, 20u16), (100, 30)] {
                let mut form = ReviewForm::new(filled());
                form.field = index_of(Field::Enabler);
                let out = with_lang(lang, || text(&screen(&form, Some(&s), w, h, true)));
                for line in out.lines() {
                    assert!(width(line) <= usize::from(w) + 2, "{lang:?} {w}x{h}\n{out}");
                }
                let (domain, checkin) = match lang {
                    Lang::En => ("Health", "not a validated scale"),
                    Lang::Fr => ("Santé", "pas une échelle validée"),
                };
                assert!(out.contains(domain), "{lang:?} {w}x{h}\n{out}");
                assert!(out.contains(checkin), "{lang:?} {w}x{h}\n{out}");
                assert_snapshot!(format!("review_filled_{}_{w}x{h}", lang.code()), out);
            }
        }
    }

    #[test]
    fn review_empty_without_numbers_80x24() {
        let form = ReviewForm::new(Review::new(week("2026-W49"), at()));
        assert_snapshot!(
            "review_empty_80x24",
            text(&screen(&form, None, 80, 24, true))
        );
    }

    #[test]
    fn every_field_shows_from_48x20_and_the_selected_one_always_does() {
        let s = summary();
        for (w, h) in [
            (48, 20),
            (60, 22),
            (80, 24),
            (120, 40),
            (30, 12),
            (24, 6),
            (40, 3),
        ] {
            for field in 0..FIELDS.len() {
                let mut form = ReviewForm::new(filled());
                form.field = field;
                let out = text(&screen(&form, Some(&s), w, h, true));
                let rows: Vec<&str> = out.lines().collect();
                let marked: Vec<&&str> = rows.iter().filter(|l| l.contains('›')).collect();
                assert_eq!(marked.len(), 1, "{w}x{h} field {field}:\n{out}");
                if w >= 48 && h >= 20 {
                    for label in [
                        "Personal", "Health", "One win", "Inbox", "Someday", "Energy",
                    ] {
                        assert!(out.contains(label), "{w}x{h} lacks {label}:\n{out}");
                    }
                    assert!(out.contains("not a validated scale"), "{w}x{h}:\n{out}");
                }
            }
        }
    }

    #[test]
    fn numbers_go_before_the_form_is_cut() {
        let s = summary();
        let form = ReviewForm::new(filled());
        // Tall enough: the numbers and a flag show.
        let tall = text(&screen(&form, Some(&s), 80, 24, true));
        assert!(
            tall.contains("Work 49 h 20 min · rest of life 9 h 5 min"),
            "{tall}"
        );
        assert!(tall.contains("! You logged 49 h 20 min of work"), "{tall}");
        // 18 rows hold the form but not the numbers.
        let short = text(&screen(&form, Some(&s), 80, 18, true));
        assert!(!short.contains("Work 49 h"), "{short}");
        assert!(short.contains("Detachment"), "{short}");
    }

    #[test]
    fn sparkline_cells() {
        let cases = [
            (None, '·'),
            (Some(1), '▁'),
            (Some(2), '▁'),
            (Some(3), '▂'),
            (Some(5), '▄'),
            (Some(6), '▅'),
            (Some(8), '▇'),
            (Some(9), '█'),
            (Some(10), '█'),
        ];
        for (v, c) in cases {
            assert_eq!(spark(v), c, "{v:?}");
        }
        assert_eq!(trend_text(&[Some(5), Some(6), None, Some(7)]), "5 6 – 7");
    }

    #[test]
    fn week_span_across_months() {
        let w = Week::of(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
        assert_eq!(span_text(w), "30 Nov – 6 Dec");
        assert_eq!(span_text(week("2026-W48")), "23–29 Nov");
    }
}
