//! The Today screen: header, a vertical timeline of the day (roughly to scale, every box
//! visible however short), a workload footer and a status/prompt line.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::model::{Level, Mode, Model, PromptPurpose};
use crate::domain::plan::{self, Kind, Timebox, dur, hhmm};
use crate::domain::time::minute_of_day;
use crate::keys::Action;
use crate::ui::theme::Theme;
use crate::ui::{fit, width, window};

/// Minutes per timeline row.
const SLOT: u16 = 15;
/// Free stretches at least this long get longer rows (30 min, then an hour) when the day does
/// not fit the pane, so that an evening does not push the now line out of reach.
const LONG_GAP: u16 = 120;
/// Width of the time gutter: `09:00 `.
const GUTTER: usize = 6;

/// One row of the timeline, covering `[at, until)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub at: u16,
    pub until: u16,
    pub kind: RowKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// Free time; the first row of a gap carries its length.
    Free { gap: Option<u16> },
    /// The first row of box `i` (index into the day's boxes).
    Head(usize),
    /// Row `k` (≥ 1) of box `i`.
    Body(usize, u16),
}

/// Lays the day out as rows: free slots of 15 min (`long_slot` in free stretches of two hours
/// or more), and each box `max(1, round(len/15))` rows tall. Overlapping boxes are stacked one
/// after the other (and flagged when drawn); a box that starts before the one above it ends
/// gets at least two rows, so its times show on its second.
fn rows(
    boxes: &[Timebox],
    day_start: u16,
    day_end: u16,
    now: Option<u16>,
    long_slot: u16,
    also: Option<(u16, u16)>,
) -> Vec<Row> {
    let first = boxes.iter().map(|b| b.start).min().unwrap_or(day_start);
    let last = boxes.iter().map(|b| b.end).max().unwrap_or(day_end);
    let mut from = day_start.min(first);
    let mut to = day_end.max(last);
    if let Some((a, b)) = also {
        from = from.min(a);
        to = to.max(b);
    }
    if let Some(n) = now {
        from = from.min(n);
        to = to.max(n + 1);
    }
    let from = from / 60 * 60;
    let to = (to.div_ceil(60) * 60).min(plan::DAY_MINUTES);

    let mut out = Vec::new();
    let mut cursor = from;
    let free = |out: &mut Vec<Row>, a: u16, b: u16| {
        if b < a + 5 {
            return;
        }
        let slot = if b - a >= LONG_GAP { long_slot } else { SLOT };
        let mut t = a;
        let mut first = true;
        while t < b {
            let next = ((t / slot + 1) * slot).min(b);
            out.push(Row {
                at: t,
                until: next,
                kind: RowKind::Free {
                    gap: first.then_some(b - a),
                },
            });
            first = false;
            t = next;
        }
    };
    for (i, b) in boxes.iter().enumerate() {
        if b.start > cursor {
            free(&mut out, cursor, b.start);
        }
        // u32: `len * k` overflows u16 for boxes of 16 hours and more.
        let len = u32::from(b.minutes());
        let stacked = b.start < cursor;
        let n = ((len + u32::from(SLOT) / 2) / u32::from(SLOT)).max(1 + u32::from(stacked));
        let at = |k: u32| b.start + (len * k / n) as u16;
        for k in 0..n {
            out.push(Row {
                at: at(k),
                until: at(k + 1),
                kind: if k == 0 {
                    RowKind::Head(i)
                } else {
                    RowKind::Body(i, k as u16)
                },
            });
        }
        cursor = cursor.max(b.end);
    }
    if to > cursor {
        free(&mut out, cursor, to);
    }
    out
}

use crate::app::today::timeline_items;

fn is_meeting(b: &Timebox) -> bool {
    crate::app::today::is_meeting(b.id)
}

/// A meeting's first row: its own glyph, read-only, domain-coloured bar. Free time
/// (`TRANSP:TRANSPARENT`: it neither counts nor blocks) is dimmed, with a hollow glyph.
fn meeting_head_spans(
    m: &Model,
    theme: &Theme,
    b: &Timebox,
    rest: usize,
    is_sel: bool,
    free: bool,
) -> Vec<Span<'static>> {
    let base = if is_sel {
        theme.selected()
    } else {
        Style::default()
    };
    let bar = if free {
        theme.dim()
    } else {
        theme.domain(&m.config, &b.domain, false)
    }
    .patch(base);
    let text_w = rest.saturating_sub(1);
    let len = dur(u32::from(b.minutes()));
    let kind = if free {
        crate::t!("today-meeting-free")
    } else {
        crate::t!("today-meeting")
    };
    let info = if rest >= 54 {
        format!(" {len} · {kind} · {} ", b.domain)
    } else {
        format!(" {len} {} ", b.domain)
    };
    let glyph = match (is_sel, free) {
        (true, false) => "›◆ ",
        (false, false) => " ◆ ",
        (true, true) => "›◇ ",
        (false, true) => " ◇ ",
    };
    let title_style = if free { theme.dim() } else { theme.title() };
    let fixed = width(glyph) + width(&info);
    let title = fit(&b.title, text_w.saturating_sub(fixed));
    let pad = text_w.saturating_sub(fixed + width(&title));
    vec![
        Span::styled("┃", bar),
        Span::styled(glyph, bar),
        Span::styled(title, title_style.patch(base)),
        Span::styled(" ".repeat(pad), base),
        Span::styled(info, bar),
    ]
}

/// The selected meeting's details, where the key hints usually are:
/// ` ◆ 11:00–11:30 Standup · calendar work · read-only · ⏎ logs it`.
fn meeting_details(m: &Model, s: &crate::domain::meeting::MeetingSlot, w: usize) -> String {
    let k = m.keymap.keys_for(Action::Start);
    let when = format!("{}–{}", hhmm(s.start), hhmm(s.end));
    let (title, calendar) = (s.title.as_str(), s.calendar.as_str());
    let text = match (w >= WIDE, s.free) {
        (true, false) => crate::t!(
            "today-meeting-details",
            when = when,
            title = title,
            calendar = calendar,
            key = k
        ),
        (true, true) => crate::t!(
            "today-free-meeting-details",
            when = when,
            title = title,
            calendar = calendar,
            key = k
        ),
        (false, false) => crate::t!(
            "today-meeting-details-narrow",
            when = when,
            calendar = calendar
        ),
        (false, true) => crate::t!(
            "today-free-meeting-details-narrow",
            when = when,
            calendar = calendar
        ),
    };
    let glyph = if s.free { "◇" } else { "◆" };
    format!(" {glyph} {text}")
}

/// Broken calendars and all-day events, for the header: ` · ⚠ calendar work broken · ◆ Offsite`.
fn all_day_text(m: &Model) -> String {
    let c = &m.today.calendars;
    let mut out = String::new();
    // The warning first: a narrow header cuts from the right.
    if !c.problems.is_empty() {
        let names: Vec<&str> = c.problems.iter().map(|(n, _)| n.as_str()).collect();
        let broken = crate::t!("today-calendar-broken", names = names.join(", "));
        out.push_str(&format!(" · {broken}"));
    }
    for e in crate::domain::meeting::all_day(&c.meetings, m.today.date) {
        out.push_str(&format!(" · ◆ {}", e.title));
    }
    out
}

/// Panes at least this wide show what was done in a column beside the plan.
const WIDE: usize = 70;
/// Width of that column, its `│` included.
const ACTUAL_W: usize = 24;

use crate::app::today::Actual;

/// What the timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// The plan (a day to come, or nothing logged).
    Plan,
    /// The plan with what was done beside it, on the same time axis.
    Beside,
    /// What was done, instead of the plan (`v`).
    Actual,
}

/// The logged sessions as timeline items (ids only tell them apart), for the narrow list.
fn actual_items(m: &Model, actual: &[Actual]) -> Vec<Timebox> {
    actual
        .iter()
        .enumerate()
        .map(|(k, a)| Timebox {
            id: -(k as i64) - 1,
            date: m.today.date,
            start: a.start,
            end: a.end,
            title: a.title.clone(),
            domain: a.domain.clone(),
            kind: if a.kind == crate::domain::session::SessionKind::Break {
                Kind::Break
            } else {
                Kind::Focus
            },
            done: false,
        })
        .collect()
}

/// `● ` for a session of the plan, `○ ` unplanned, `▶ ` running.
fn session_glyph(a: &Actual) -> &'static str {
    if a.running {
        "▶ "
    } else if a.planned {
        "● "
    } else {
        "○ "
    }
}

/// `50m +5m`: time spent and any overrun.
fn session_len(a: &Actual) -> (String, String) {
    let over = if a.overrun > 0 {
        format!(" +{}", dur(a.overrun))
    } else {
        String::new()
    };
    (dur(a.minutes), over)
}

/// A logged session's first row in the narrow list: `▌● Title   50m +5m work`.
fn session_head_spans(m: &Model, theme: &Theme, a: &Actual, rest: usize) -> Vec<Span<'static>> {
    let is_break = a.kind == crate::domain::session::SessionKind::Break;
    let bar = theme.domain(&m.config, &a.domain, is_break);
    let text_w = rest.saturating_sub(1);
    let (len, over) = session_len(a);
    let tag = if !a.planned {
        crate::t!("today-unplanned")
    } else if is_break {
        crate::t!("today-break")
    } else {
        a.domain.clone()
    };
    let info = format!(" {tag} ");
    let glyph = session_glyph(a);
    let fixed = width(glyph) + 1 + width(&len) + width(&over) + width(&info);
    let title = fit(&a.title, text_w.saturating_sub(fixed));
    let pad = text_w.saturating_sub(fixed + width(&title));
    vec![
        Span::styled(if is_break { "┊" } else { "▌" }, bar),
        Span::styled(glyph, bar),
        Span::styled(title, theme.title()),
        Span::raw(" ".repeat(pad + 1)),
        Span::raw(len),
        Span::styled(over, theme.warn()),
        Span::styled(info, if a.planned { bar } else { theme.warn() }),
    ]
}

/// The "done" column beside the plan for one row, `cols` wide: a session starting in the row
/// gets its glyph, length, overrun and title; the rows it covers a bar (in the warning colour
/// past its deadline).
fn actual_cell(
    m: &Model,
    theme: &Theme,
    row: &Row,
    actual: &[Actual],
    cols: usize,
) -> Vec<Span<'static>> {
    let rest = cols.saturating_sub(2);
    let mut spans = vec![Span::styled("│", theme.dim())];
    let starting: Vec<&Actual> = actual
        .iter()
        .filter(|a| a.start >= row.at && a.start < row.until.max(row.at + 1))
        .collect();
    if let Some(a) = starting.first() {
        let bar = theme.domain(
            &m.config,
            &a.domain,
            a.kind == crate::domain::session::SessionKind::Break,
        );
        let (len, over) = session_len(a);
        let more = if starting.len() > 1 {
            format!(" (+{})", starting.len() - 1)
        } else {
            String::new()
        };
        let glyph = session_glyph(a);
        let fixed = width(glyph) + width(&len) + width(&over) + 1 + width(&more);
        let title = fit(&a.title, rest.saturating_sub(fixed));
        spans.push(Span::styled(" ", Style::default()));
        spans.push(Span::styled(glyph, bar));
        spans.push(Span::raw(len));
        spans.push(Span::styled(over, theme.warn()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(title, theme.title()));
        spans.push(Span::styled(more, theme.dim()));
        return spans;
    }
    if let Some(a) = actual
        .iter()
        .find(|a| a.start < row.until && a.end > row.at)
    {
        let over = row.at >= a.overrun_from && a.overrun > 0;
        let style = if over {
            theme.warn()
        } else {
            theme.domain(
                &m.config,
                &a.domain,
                a.kind == crate::domain::session::SessionKind::Break,
            )
        };
        let first_over = over && row.at < a.overrun_from + SLOT.max(row.until - row.at);
        let text = if first_over {
            format!(" ┃ {}", crate::t!("today-overrun", len = dur(a.overrun)))
        } else {
            " ┃".to_string()
        };
        spans.push(Span::styled(fit(&text, cols - 1), style));
    }
    spans
}

/// Under the header when something was done (or `v` was pressed): which list is shown and the
/// day's planned vs done totals, `planned 5h30 · done 4h10`.
fn compare_line(
    m: &Model,
    theme: &Theme,
    w: usize,
    view: View,
    actual: &[Actual],
) -> Line<'static> {
    let (planned, done) = crate::app::today::planned_done(m, actual);
    let totals = crate::t!("today-totals", planned = dur(planned), done = dur(done));
    let k = m.keymap.keys_for(Action::PlanActual);
    match view {
        View::Beside => {
            let left = fit(&format!(" {totals}"), w.saturating_sub(ACTUAL_W));
            let pad = w.saturating_sub(ACTUAL_W + width(&left));
            Line::from(vec![
                Span::styled(left, theme.dim()),
                Span::raw(" ".repeat(pad)),
                Span::styled(fit(&crate::t!("today-done-column"), ACTUAL_W), theme.dim()),
            ])
        }
        View::Actual => Line::styled(
            fit(
                &format!(
                    " {}",
                    crate::t!("today-showing-done", totals = totals, key = k)
                ),
                w,
            ),
            theme.title(),
        ),
        View::Plan => Line::styled(
            fit(
                &format!(
                    " {}",
                    crate::t!("today-showing-plan", totals = totals, key = k)
                ),
                w,
            ),
            theme.dim(),
        ),
    }
}

/// A human name for `date` seen from `today`.
fn relative_day(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => crate::t!("common-today"),
        1 => crate::t!("common-tomorrow"),
        -1 => crate::t!("common-yesterday"),
        n if n > 0 => crate::t!("today-in-days", n = n),
        n => crate::t!("today-days-ago", n = -n),
    }
}

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.height < 4 || area.width < 20 {
        frame.render_widget(Paragraph::new(crate::t!("ui-pane-too-small")), area);
        return;
    }
    let w = area.width as usize;
    let legend = area.height >= 30;
    let running = m
        .timer
        .session
        .as_ref()
        .map(|s| crate::app::timer::status_line(s, m.now_utc));
    let actual = crate::app::today::actuals(m);
    let compare = m.today.date <= m.today() && (!actual.is_empty() || m.today.show_actual);
    let view = match (compare, w >= WIDE) {
        (false, _) => View::Plan,
        // `v`: what was done instead of the plan, at any width (the keys that change boxes
        // know it from the model and leave the hidden plan alone).
        (true, _) if crate::app::today::plan_hidden(m) => View::Actual,
        (true, true) => View::Beside,
        (true, false) => View::Plan,
    };
    let top = 1 + u16::from(legend) + u16::from(running.is_some()) + u16::from(compare);
    let timeline = Rect {
        y: area.y + top,
        height: area.height - top - 2,
        ..area
    };

    let is_today = m.today.date == m.today();
    frame.render_widget(
        Paragraph::new(header(m, theme, w, is_today)),
        Rect { height: 1, ..area },
    );
    if let Some(r) = &running {
        let k = m.keymap.keys_for(Action::Start);
        let text = fit(
            &format!(" {r}  {}", crate::t!("today-running-timer", key = k)),
            w,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.title().patch(theme.info()))),
            Rect {
                y: area.y + 1,
                height: 1,
                ..area
            },
        );
    }
    if legend {
        frame.render_widget(
            Paragraph::new(legend_line(m, theme)),
            Rect {
                y: area.y + 1 + u16::from(running.is_some()),
                height: 1,
                ..area
            },
        );
    }

    if compare {
        frame.render_widget(
            Paragraph::new(compare_line(m, theme, w, view, &actual)),
            Rect {
                y: area.y + top - 1,
                height: 1,
                ..area
            },
        );
    }
    draw_timeline(m, theme, frame, timeline, is_today, view, &actual);

    // Footer: workload against the daily limit, overlaps, free time.
    let footer_area = Rect {
        y: area.y + area.height - 2,
        height: 1,
        ..area
    };
    let status_area = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(footer(m, theme, w)), footer_area);
    draw_status(m, theme, frame, status_area);
}

/// The day on the left; the offline badge, a failed-notification marker and the clock on the
/// right.
fn header(m: &Model, theme: &Theme, w: usize, is_today: bool) -> Line<'static> {
    let goal = m.config.breathing.daily_goal;
    let breaths = if goal > 0 && is_today {
        let b = crate::t!("today-breaths", done = m.breaths_today(), goal = goal);
        format!(" · {b}")
    } else {
        String::new()
    };
    let date = if w >= 60 {
        long_date(m.today.date)
    } else {
        crate::app::today::short_date(m.today.date)
    };
    let day = format!(" {date} · {}", relative_day(m.today.date, m.today()));
    let left = format!("{day}{breaths}{}", all_day_text(m));
    let long = w >= 60;
    let b = m.keymap.keys_for(Action::Breathe);
    // Markers on the right, most important first, each as far as the day's name still shows:
    // a breathing reminder stays in sight until taken or snoozed, whatever became of its
    // notification (refused, unavailable, hidden by Do-Not-Disturb) and of the status line;
    // the offline badge; a lasting marker when the desktop refused a notification.
    let markers = [
        m.breathe.reminder_due.then(|| {
            if long {
                format!("{}  ", crate::t!("today-breathe-now", key = b.as_str()))
            } else {
                format!("{}  ", crate::t!("today-breathe-short", key = b.as_str()))
            }
        }),
        crate::app::offline::badge(m).map(|b| format!("{b}  ")),
        m.notify_failed.then(|| {
            if long {
                format!("{}  ", crate::t!("today-no-notifications"))
            } else {
                "⊘  ".to_string()
            }
        }),
    ];
    let time = format!("{} ", m.now.format("%H:%M"));
    let mut shown = [false; 3];
    let mut used = width(&day) + 1 + width(&time);
    for (i, mk) in markers.iter().enumerate() {
        if let Some(mk) = mk
            && used + width(mk) <= w
        {
            used += width(mk);
            shown[i] = true;
        }
    }
    // Shown in their usual order: reminder, badge, notification marker, clock.
    let clock: String = markers
        .iter()
        .zip(shown)
        .filter_map(|(mk, on)| mk.as_ref().filter(|_| on).cloned())
        .chain(std::iter::once(time))
        .collect();
    let left = fit(&left, w.saturating_sub(width(&clock)));
    let pad = w.saturating_sub(width(&left) + width(&clock));
    Line::from(vec![
        Span::styled(left, theme.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(clock, theme.dim()),
    ])
}

/// The colour of each domain and of breaks, for tall panes.
fn legend_line(m: &Model, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for d in &m.config.domains {
        spans.push(Span::styled("▌", theme.domain(&m.config, &d.name, false)));
        spans.push(Span::styled(format!("{}  ", d.name), theme.dim()));
    }
    spans.push(Span::styled("┊", theme.domain(&m.config, "", true)));
    spans.push(Span::styled(crate::t!("today-break"), theme.dim()));
    Line::from(spans)
}

fn draw_timeline(
    m: &Model,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    is_today: bool,
    view: View,
    actual: &[Actual],
) {
    let now = is_today.then(|| minute_of_day(m.now));
    let height = area.height as usize;
    // The finest rows that fit the pane; long free stretches give way first.
    let items = match view {
        View::Actual => std::borrow::Cow::Owned(actual_items(m, actual)),
        _ => timeline_items(m),
    };
    let also = actual
        .iter()
        .map(|a| (a.start, a.end))
        .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)));
    let lay_out = |slot| {
        rows(
            &items,
            m.config.day_start.0,
            m.config.day_end.0,
            now,
            slot,
            also,
        )
    };
    let rows = [SLOT, 30]
        .into_iter()
        .map(lay_out)
        .find(|r| r.len() <= height)
        .unwrap_or_else(|| lay_out(60));
    let overlapping = match view {
        View::Actual => Vec::new(),
        _ => plan::overlapping_ids(&m.today.boxes),
    };
    let selected = m
        .today
        .selected
        .filter(|_| view != View::Actual)
        .and_then(|id| items.iter().position(|b| b.id == id));
    let now_row = now.and_then(|n| rows.iter().position(|r| r.at <= n && n < r.until));
    let head = selected.and_then(|s| rows.iter().position(|r| r.kind == RowKind::Head(s)));
    let offset = scroll_offset(rows.len(), height, head, now_row);
    let labels = axis_labels(m, theme, &rows, now_row);
    let full = area.width as usize;
    let w = if view == View::Beside {
        full.saturating_sub(ACTUAL_W)
    } else {
        full
    };
    let list = (view == View::Actual).then_some(actual);
    // Free meetings' timeline ids (`app::today::MEETING_ID - k`), drawn dimmed.
    let free: Vec<i64> = crate::app::today::meeting_slots(m)
        .iter()
        .enumerate()
        .filter(|(_, s)| s.free)
        .map(|(k, _)| crate::app::today::MEETING_ID - k as i64)
        .collect();
    let mut lines = Vec::with_capacity(height);
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        let mut line = row_line(
            m,
            theme,
            &items,
            row,
            w,
            labels[i].clone(),
            Some(i) == now_row,
            &overlapping,
            selected,
            list,
            &free,
        );
        if view == View::Beside {
            // The plan's part is exactly `w` wide, so the column lines up.
            let used: usize = line.spans.iter().map(|s| width(&s.content)).sum();
            line.spans
                .push(Span::raw(" ".repeat(w.saturating_sub(used))));
            line.spans
                .extend(actual_cell(m, theme, row, actual, ACTUAL_W));
        }
        lines.push(line);
    }
    if view == View::Actual && items.is_empty() && lines.len() > 1 {
        let k = m.keymap.keys_for(Action::PlanActual);
        let hint = format!(
            "{}{}",
            " ".repeat(GUTTER + 2),
            crate::t!("today-nothing-logged", key = k)
        );
        let idx = if lines.len() > 2 { 1 } else { 0 };
        lines[idx] = Line::styled(fit(&hint, full), theme.dim());
    } else if items.is_empty() && m.today.loaded && lines.len() > 1 {
        let add = m.keymap.keys_for(Action::Add);
        let hint = format!(
            "{}{}",
            " ".repeat(GUTTER + 2),
            crate::t!("today-no-boxes", key = add)
        );
        let idx = if lines.len() > 2 { 1 } else { 0 };
        lines[idx] = Line::styled(fit(&hint, w), theme.dim());
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The first timeline row shown: the selected box's first row a third of the way down, moved
/// so that the now row shows too when both fit (the selection wins when they don't).
fn scroll_offset(len: usize, height: usize, head: Option<usize>, now: Option<usize>) -> usize {
    if len <= height {
        return 0;
    }
    let last = len - height;
    let target = head.or(now).unwrap_or(0);
    let mut offset = target.saturating_sub(height / 3).min(last);
    if let Some(n) = now
        && !(offset..offset + height).contains(&n)
    {
        let keep = head.unwrap_or(n);
        let (lo, hi) = (keep.min(n), keep.max(n));
        if hi - lo < height {
            // One row of room past the now line when there is space for it.
            offset = if n > keep {
                (hi + 2).saturating_sub(height).min(lo)
            } else {
                lo.saturating_sub(1).max((hi + 1).saturating_sub(height))
            };
        }
    }
    offset.min(last)
}

/// The time gutter of every row, read top to bottom as an axis: a label earlier than one
/// above it (the start of a box stacked under an overlapping one) is left out, so the axis
/// never runs backwards; that box's times show on its second row.
fn axis_labels(
    m: &Model,
    theme: &Theme,
    rows: &[Row],
    now_row: Option<usize>,
) -> Vec<Option<(String, Style)>> {
    let mut latest = 0;
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let (at, style) = gutter(m, theme, row, Some(i) == now_row)?;
            if at < latest {
                return None;
            }
            latest = at;
            Some((format!("{} ", hhmm(at)), style))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn row_line(
    m: &Model,
    theme: &Theme,
    items: &[Timebox],
    row: &Row,
    w: usize,
    label: Option<(String, Style)>,
    is_now: bool,
    overlapping: &[i64],
    selected: Option<usize>,
    list: Option<&[Actual]>,
    free: &[i64],
) -> Line<'static> {
    let mut spans = vec![match label {
        Some((text, style)) => Span::styled(text, style),
        None => Span::raw(" ".repeat(GUTTER)),
    }];
    let rest = w.saturating_sub(GUTTER);
    match row.kind {
        RowKind::Free { gap } => spans.extend(free_span(theme, gap, rest, is_now)),
        RowKind::Head(i) if list.is_some() => {
            let a = &list.unwrap_or_default()[i];
            spans.extend(session_head_spans(m, theme, a, rest));
        }
        RowKind::Head(i) if is_meeting(&items[i]) => {
            spans.extend(meeting_head_spans(
                m,
                theme,
                &items[i],
                rest,
                selected == Some(i),
                free.contains(&items[i].id),
            ));
        }
        RowKind::Head(i) | RowKind::Body(i, _) => {
            let b = &items[i];
            let is_sel = selected == Some(i);
            let bar_style = if free.contains(&b.id) {
                theme.dim()
            } else {
                theme.domain(&m.config, &b.domain, b.kind == Kind::Break)
            };
            let bar = if is_meeting(b) {
                "┃"
            } else if b.kind == Kind::Break {
                "┊"
            } else {
                "▌"
            };
            let base = if is_sel {
                theme.selected()
            } else {
                Style::default()
            };
            spans.push(Span::styled(bar, bar_style.patch(base)));
            let text_w = rest.saturating_sub(1);
            match row.kind {
                RowKind::Head(_) => {
                    let flag = if overlapping.contains(&b.id) {
                        "⚠ "
                    } else {
                        ""
                    };
                    let done = if b.done { "✓ " } else { "" };
                    let label = if b.kind == Kind::Break {
                        crate::t!("today-break")
                    } else {
                        b.domain.clone()
                    };
                    let len = dur(plan::real_len(b, &m.zone));
                    // The domain is always named, so it shows without colour too.
                    let info = if w >= 60 {
                        format!(" {len} · {label} ")
                    } else {
                        format!(" {len} {label} ")
                    };
                    let fixed = 1 + width(flag) + width(done) + width(&info);
                    let title = fit(&b.title, text_w.saturating_sub(fixed));
                    let pad = text_w.saturating_sub(fixed + width(&title));
                    let tstyle = if b.done { theme.done() } else { theme.title() };
                    spans.push(Span::styled(if is_sel { "›" } else { " " }, base));
                    if !flag.is_empty() {
                        spans.push(Span::styled(flag, theme.warn().patch(base)));
                    }
                    if !done.is_empty() {
                        spans.push(Span::styled(done, theme.info().patch(base)));
                    }
                    spans.push(Span::styled(title, tstyle.patch(base)));
                    spans.push(Span::styled(" ".repeat(pad), base));
                    spans.push(Span::styled(info, bar_style.patch(base)));
                }
                RowKind::Body(_, k) => {
                    let overlaps = overlapping.contains(&b.id);
                    spans.extend(body_spans(theme, b, k, overlaps, text_w, base));
                }
                RowKind::Free { .. } => {}
            }
        }
    }
    Line::from(spans)
}

/// The time in the gutter, if any: the box start on head rows, the hour where a row crosses
/// one, the time now.
fn gutter(m: &Model, theme: &Theme, row: &Row, is_now: bool) -> Option<(u16, Style)> {
    let hour =
        (row.at.div_ceil(60) * 60 < row.until.max(row.at + 1)).then(|| row.at.div_ceil(60) * 60);
    if is_now {
        // A box's first row keeps its start time; elsewhere the gutter shows the time now.
        return Some(match row.kind {
            RowKind::Head(_) => (row.at, theme.now()),
            _ => (minute_of_day(m.now), theme.now()),
        });
    }
    match row.kind {
        RowKind::Head(_) => Some((row.at, Style::default())),
        _ => hour
            .filter(|h| *h < plan::DAY_MINUTES)
            .map(|h| (h, theme.dim())),
    }
}

/// A free row: the line marking now, or the gap's length on its first row (`rest` wide).
fn free_span(theme: &Theme, gap: Option<u16>, rest: usize, is_now: bool) -> Option<Span<'static>> {
    if is_now {
        let now = crate::t!("today-now");
        Some(Span::styled(
            "─".repeat(rest.saturating_sub(1 + width(&now))) + " " + &now,
            theme.now(),
        ))
    } else {
        gap.filter(|g| *g >= SLOT).map(|g| {
            let free = crate::t!("today-free-gap", len = dur(u32::from(g)));
            Span::styled(fit(&format!("  · {free}"), rest), theme.dim())
        })
    }
}

/// Row `k` (≥ 1) of box `b`, `text_w` wide: its times (and any overlap) on the first, blank
/// below.
fn body_spans(
    theme: &Theme,
    b: &Timebox,
    k: u16,
    overlaps: bool,
    text_w: usize,
    base: Style,
) -> [Span<'static>; 2] {
    let text = if k == 1 {
        let mut t = format!(" {}–{}", hhmm(b.start), hhmm(b.end));
        if overlaps {
            t.push_str(&format!(" {}", crate::t!("today-overlaps-another")));
        }
        t
    } else {
        String::new()
    };
    let text = fit(&text, text_w);
    let pad = text_w.saturating_sub(width(&text));
    let style = if k == 1 && overlaps {
        theme.warn()
    } else {
        theme.dim()
    };
    [
        Span::styled(text, style.patch(base)),
        Span::styled(" ".repeat(pad), base),
    ]
}

/// The name of what a prompt asks for, before its text (`add › `).
fn prompt_label(p: PromptPurpose) -> String {
    match p {
        PromptPurpose::Add => crate::t!("today-prompt-add"),
        PromptPurpose::Edit(_) => crate::t!("today-prompt-edit"),
        PromptPurpose::Shift(_) => crate::t!("today-prompt-shift"),
        PromptPurpose::Template => crate::t!("today-prompt-template"),
        PromptPurpose::Interruption(_) => crate::t!("today-prompt-interruption"),
        PromptPurpose::Note(_) => crate::t!("today-prompt-note"),
    }
}

/// The header's date in a wide pane: `Monday 23 November 2026` / `lundi 23 novembre 2026`
/// (the day zero-padded, as it always was).
fn long_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    crate::t!(
        "common-date-long",
        weekday = crate::i18n::weekday_name(d.weekday(), true),
        day = format!("{:02}", d.day()),
        month = crate::i18n::month_name(d.month(), true),
        year = d.year().to_string()
    )
}

fn footer(m: &Model, theme: &Theme, w: usize) -> Line<'static> {
    if let Mode::Input(p) = &m.mode {
        let hint = match p.purpose {
            PromptPurpose::Add => crate::t!("today-hint-add"),
            PromptPurpose::Edit(_) => crate::t!("today-hint-edit"),
            PromptPurpose::Shift(_) => crate::t!("today-hint-shift"),
            PromptPurpose::Interruption(_) => crate::t!("today-hint-interruption"),
            PromptPurpose::Note(_) => crate::t!("today-hint-note"),
            PromptPurpose::Template => {
                let names: Vec<&str> = m.config.templates.iter().map(|t| t.name.as_str()).collect();
                crate::t!("today-hint-template", names = names.join(", "))
            }
        };
        return Line::styled(fit(&format!(" {hint}"), w), theme.dim());
    }
    let work = plan::work_minutes_in(
        &m.today.boxes,
        &m.config.work_domains(),
        m.today.date,
        &m.zone,
    );
    let limit = m.config.work_limit_minutes();
    let free: u32 = plan::gaps(&m.today.boxes, m.config.day_start.0, m.config.day_end.0)
        .iter()
        .map(|(a, b)| u32::from(b - a))
        .sum();
    let overlaps = plan::overlapping_ids(&m.today.boxes).len();
    let mut spans = Vec::new();
    let work_text = if w >= 60 {
        crate::t!("today-work-wide", work = dur(work), limit = dur(limit))
    } else {
        crate::t!("today-work-narrow", work = dur(work), limit = dur(limit))
    };
    let work_text = format!(" {work_text}");
    if work > limit {
        let over = crate::t!("today-over-by", len = dur(work - limit));
        spans.push(Span::styled(format!("{work_text} {over}"), theme.warn()));
    } else {
        spans.push(Span::raw(work_text));
    }
    if overlaps > 0 {
        spans.push(Span::styled(
            format!(" · {}", crate::t!("today-overlap-count", n = overlaps)),
            theme.warn(),
        ));
    }
    if w >= 60 {
        spans.push(Span::styled(
            format!(
                " · {} · {}",
                crate::t!("today-box-count", n = m.today.boxes.len()),
                crate::t!("today-free-total", len = dur(free))
            ),
            theme.dim(),
        ));
    } else {
        let free = crate::t!("today-free-total", len = dur(free));
        spans.push(Span::styled(format!(" · {free}"), theme.dim()));
    }
    Line::from(spans)
}

/// The prompt line (with any error above it) at the bottom of `area`, for other screens.
pub fn draw_prompt(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let line = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    frame.render_widget(ratatui::widgets::Clear, line);
    draw_status(m, theme, frame, line);
}

fn draw_status(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = area.width as usize;
    if let Mode::Input(p) = &m.mode {
        if let Some(s) = &m.status {
            // An error while typing goes above the prompt, wrapped so that the accepted forms
            // stay readable in a narrow pane; the prompt keeps its text.
            let text = format!(" {}", s.text);
            let rows = (width(&text).div_ceil(w.saturating_sub(1).max(1)) + 1).min(5) as u16;
            let rows = rows.min(area.y.saturating_sub(1)).max(1);
            let above = Rect {
                y: area.y.saturating_sub(rows),
                height: rows,
                ..area
            };
            frame.render_widget(ratatui::widgets::Clear, above);
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.error()))
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                above,
            );
        }
        let label = format!(" {} › ", prompt_label(p.purpose));
        let avail = w.saturating_sub(width(&label) + 1);
        let scroll = p.input.visual_scroll(avail);
        let visible = window(p.input.value(), scroll, avail);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(label.clone(), theme.title()),
                Span::raw(visible),
            ])),
            area,
        );
        let x = area.x + (width(&label) + p.input.visual_cursor().saturating_sub(scroll)) as u16;
        frame.set_cursor_position(Position::new(x.min(area.x + area.width - 1), area.y));
        return;
    }
    let line = match &m.status {
        Some(s) => {
            let style = match s.level {
                Level::Info => theme.info(),
                Level::Warn => theme.warn(),
                Level::Error => theme.error(),
            };
            Line::styled(fit(&format!(" {}", s.text), w), style)
        }
        None if let Some(s) = crate::app::today::selected_meeting(m) => {
            Line::styled(fit(&meeting_details(m, &s, w), w), theme.info())
        }
        None => {
            let k = |a| m.keymap.keys_for(a);
            let hints = if w >= 70 {
                crate::t!(
                    "today-keys-wide",
                    add = k(Action::Add),
                    edit = k(Action::Edit),
                    delete = k(Action::Delete),
                    move = k(Action::MoveDown) + "/" + &k(Action::MoveUp),
                    day = k(Action::PrevDay)
                        .split('/')
                        .next()
                        .unwrap_or("")
                        .to_string()
                        + k(Action::NextDay).split('/').next().unwrap_or(""),
                    help = k(Action::Help),
                    quit = k(Action::Quit)
                )
            } else {
                crate::t!(
                    "today-keys-narrow",
                    add = k(Action::Add),
                    help = k(Action::Help),
                    quit = k(Action::Quit)
                )
            };
            let hints = format!(" {hints}");
            Line::styled(fit(&hints, w), theme.dim())
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::test_box as tb;

    #[test]
    fn every_box_gets_a_head_row_in_order() {
        let boxes = vec![
            tb(1, 540, 545),
            tb(2, 545, 600),
            tb(3, 570, 660),
            tb(4, 700, 790),
        ];
        let r = rows(&boxes, 480, 1080, None, SLOT, None);
        let heads: Vec<usize> = r
            .iter()
            .filter_map(|r| match r.kind {
                RowKind::Head(i) => Some(i),
                _ => None,
            })
            .collect();
        assert_eq!(heads, vec![0, 1, 2, 3]);
        assert_eq!(r.first().map(|r| r.at), Some(480));
        assert_eq!(r.last().map(|r| r.until), Some(1080));
        // A 90-minute box is 6 rows tall.
        assert_eq!(
            r.iter()
                .filter(|r| matches!(r.kind, RowKind::Head(3) | RowKind::Body(3, _)))
                .count(),
            6
        );
    }

    mod screens {
        use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
        use insta::assert_snapshot;
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;

        use super::super::draw;
        use crate::app::model::Model;
        use crate::config::Config;
        use crate::domain::meeting::{Meeting, MeetingTime};
        use crate::domain::plan::{Kind, Timebox};
        use crate::domain::session::{EndReason, Session, SessionKind, State};
        use crate::keys::Keymap;
        use crate::ui::theme::Theme;

        fn day() -> NaiveDate {
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        }

        fn at(d: NaiveDate, h: u32, min: u32) -> NaiveDateTime {
            d.and_hms_opt(h, min, 0).unwrap()
        }

        fn utc(h: u32, min: u32) -> DateTime<Utc> {
            at(day(), h, min).and_utc()
        }

        fn tbox(id: i64, start: u16, end: u16, title: &str, domain: &str) -> Timebox {
            Timebox {
                id,
                date: day(),
                start,
                end,
                title: title.into(),
                domain: domain.into(),
                kind: Kind::Focus,
                done: false,
            }
        }

        /// A session from `h:min` planned for `planned` minutes, ended `spent` minutes later
        /// (`None`: still running).
        fn session(
            id: i64,
            title: &str,
            timebox: Option<i64>,
            (h, min): (u32, u32),
            planned: i64,
            spent: Option<i64>,
        ) -> Session {
            let start = utc(h, min);
            let mut s = Session::start(
                title,
                "work",
                SessionKind::Focus,
                timebox,
                planned * 60,
                start,
                day(),
                0,
            );
            s.id = id;
            if let Some(spent) = spent {
                s.state = State::Ended {
                    at: start + chrono::Duration::minutes(spent),
                    reason: EndReason::Finished,
                    overrun_s: (spent - planned).max(0) * 60,
                };
            }
            s
        }

        fn model(now: NaiveDateTime) -> Model {
            let mut m = Model::new(Config::default(), Keymap::default(), now);
            m.now_utc = now.and_utc();
            m.no_color = true;
            m.today.date = day();
            m.today.loaded = true;
            m.today.boxes = vec![
                tbox(1, 540, 630, "Write report", "work"),
                tbox(2, 660, 720, "Code review", "work"),
                tbox(3, 840, 900, "Call mum", "family"),
            ];
            m.today.selected = Some(1);
            m
        }

        fn screen(m: &Model, w: u16, h: u16) -> String {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| draw(m, &Theme::new(true), f, f.area())).unwrap();
            t.backend().to_string()
        }

        /// Yesterday: the report ran 15 minutes over, an unplanned reading session.
        fn past_day() -> Model {
            let mut m = model(at(day().succ_opt().unwrap(), 10, 0));
            m.today.sessions = vec![
                session(1, "Write report", Some(1), (9, 5), 90, Some(105)),
                session(2, "Code review", Some(2), (11, 0), 60, Some(50)),
                session(3, "Reading", None, (16, 0), 40, Some(40)),
            ];
            m.today.sessions_date = Some(day());
            m
        }

        #[test]
        fn past_day_with_unplanned_and_overrun() {
            let mut m = past_day();
            assert_snapshot!("actual_past_day_100x30", screen(&m, 100, 30));
            assert_snapshot!("actual_past_day_plan_48x20", screen(&m, 48, 20));
            m.today.show_actual = true;
            assert_snapshot!("actual_past_day_48x20", screen(&m, 48, 20));
        }

        /// Today at 10:20: the report, planned 09:00–10:00, still running (20 min over).
        #[test]
        fn today_with_a_running_session() {
            let mut m = model(at(day(), 10, 20));
            m.timer.session = Some(session(4, "Write report", Some(1), (9, 0), 60, None));
            assert_snapshot!("actual_today_running_100x30", screen(&m, 100, 30));
            m.today.show_actual = true;
            assert_snapshot!("actual_today_running_48x20", screen(&m, 48, 20));
        }

        /// Meetings among the boxes, one selected (its details in the status line), and the
        /// standup logged from it.
        #[test]
        fn a_day_with_meetings() {
            let mut m = model(at(day(), 11, 40));
            let meeting = |title: &str, (h1, m1), (h2, m2)| Meeting {
                uid: title.into(),
                instance: None,
                title: title.into(),
                calendar: "work".into(),
                domain: "work".into(),
                time: MeetingTime::Timed {
                    start: utc(h1, m1),
                    end: utc(h2, m2),
                },
                free: false,
            };
            m.today.calendars.meetings = vec![
                meeting("Standup", (10, 30), (10, 45)),
                meeting("Lunch talk", (12, 30), (13, 30)),
            ];
            m.today.calendars.date = Some(day());
            m.today.selected = Some(crate::app::today::MEETING_ID);
            m.timer.sessions_today = vec![session(5, "Standup", None, (10, 30), 15, Some(15))];
            assert_snapshot!("actual_meetings_100x30", screen(&m, 100, 30));
            assert_snapshot!("actual_meetings_48x20", screen(&m, 48, 20));
        }
    }

    /// A free meeting (`TRANSP:TRANSPARENT`) is dimmed, with a hollow glyph, so it reads as
    /// not blocking; a busy one keeps its colour and bold title.
    #[test]
    fn free_meetings_are_dimmed() {
        use crate::domain::meeting::{Meeting, MeetingTime};
        use ratatui::style::Modifier;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let at = |h, min| day.and_hms_opt(h, min, 0).unwrap();
        let mut m = Model::new(
            crate::config::Config::default(),
            crate::keys::Keymap::default(),
            at(8, 0),
        );
        m.now_utc = at(8, 0).and_utc();
        m.no_color = true;
        m.today.date = day;
        m.today.loaded = true;
        let meeting = |title: &str, h: u32, free: bool| Meeting {
            uid: title.into(),
            instance: None,
            title: title.into(),
            calendar: "work".into(),
            domain: "work".into(),
            time: MeetingTime::Timed {
                start: at(h, 0).and_utc(),
                end: at(h + 1, 0).and_utc(),
            },
            free,
        };
        m.today.calendars.meetings = vec![
            meeting("Office hours", 10, true),
            meeting("Planning", 14, false),
        ];
        m.today.calendars.date = Some(day);
        for (w, h) in [(100, 30), (48, 20)] {
            let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            t.draw(|f| draw(&m, &Theme::new(true), f, f.area()))
                .unwrap();
            let buf = t.backend().buffer().clone();
            let text = t.backend().to_string();
            let row_of = |title: &str| {
                (0..h)
                    .find(|y| {
                        let row: String = (0..w).map(|x| buf[(x, *y)].symbol()).collect();
                        row.contains(title)
                    })
                    .unwrap_or_else(|| panic!("{title} not shown:\n{text}"))
            };
            let cells = |y: u16| -> (String, Vec<Modifier>) {
                let row: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
                let mods = (0..w)
                    .filter(|x| buf[(*x, y)].symbol() != " ")
                    .skip(6)
                    .map(|x| buf[(x, y)].modifier)
                    .collect();
                (row, mods)
            };
            let (free_row, free_mods) = cells(row_of("Office hours"));
            assert!(free_row.contains('◇'), "{free_row}");
            assert!(
                free_mods.iter().all(|md| md.contains(Modifier::DIM)),
                "{free_row}: {free_mods:?}"
            );
            let (busy_row, busy_mods) = cells(row_of("Planning"));
            assert!(busy_row.contains('◆'), "{busy_row}");
            assert!(
                busy_mods.iter().all(|md| !md.contains(Modifier::DIM)),
                "{busy_row}: {busy_mods:?}"
            );
        }
    }

    #[test]
    fn whole_day_boxes_lay_out() {
        let r = rows(&[tb(1, 0, 1440)], 480, 1080, Some(600), SLOT, None);
        assert_eq!(r.len(), 96);
        assert_eq!(r.last().map(|r| (r.at, r.until)), Some((1425, 1440)));
    }

    #[test]
    fn timeline_stretches_to_boxes_and_now() {
        let r = rows(&[tb(1, 420, 450)], 480, 1080, Some(1200), SLOT, None);
        assert_eq!(r.first().map(|r| r.at), Some(420));
        assert_eq!(r.last().map(|r| r.until), Some(1260));
    }
}
