//! The Week screen: a stacked bar of minutes by domain per day with the daily work limit, the
//! week's numbers, a sparkline of recent weeks' work, and the flags with their sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::model::Model;
use crate::app::week::{WeekData, WeekView};
use crate::domain::summary::{DaySummary, Flag, Level, WeekSummary, hm, hmm, minutes_of};
use crate::i18n::{self, DateStyle};
use crate::t;
use crate::ui::theme::Theme;
use crate::ui::{fit, width};

/// Fill characters by domain: the bars stay readable without colour.
const FILLS: [char; 6] = ['█', '▓', '▒', '░', '▚', '▞'];

/// A domain's fill, the same every week: by its place among the configured domains (so a
/// week without one of them does not shift the others); a domain not in the config takes the
/// fill after the configured ones.
fn fill(m: &Model, name: &str) -> char {
    let configured = &m.config.domains;
    let i = configured
        .iter()
        .position(|d| d.name == name)
        .unwrap_or(configured.len());
    FILLS[i.min(FILLS.len() - 1)]
}
/// Meeting time inside a domain's part of a bar (the meeting glyph of the Today screen).
const MEETING_FILL: char = '◆';

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(view) = &m.week else {
        return;
    };
    let w = area.width as usize;
    let compact = w < 60 || area.height < 22;
    let mut lines = vec![title_line(view, theme, w, compact)];
    let Some(data) = &view.data else {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t!("week-loading"), theme.dim()));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    let s = &data.summary;
    let bars = bar_lines(m, theme, s, w, compact);
    lines.extend(bars);
    let top = Rect {
        height: (lines.len() as u16).min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(lines), top);

    let rest = Rect {
        y: area.y + top.height,
        height: area.height.saturating_sub(top.height),
        ..area
    };
    if rest.height == 0 {
        return;
    }
    draw_body(
        body_lines(theme, data, compact),
        view.scroll,
        theme,
        frame,
        rest,
    );
}

/// The week and its dates on the left, the keys on the right as far as they fit.
fn title_line(view: &WeekView, theme: &Theme, w: usize, compact: bool) -> Line<'static> {
    let (a, b) = (view.week.monday, view.week.sunday());
    let title = if compact {
        t!(
            "week-title-compact",
            n = view.week.iso().1,
            first = i18n::date(a, DateStyle::DayMonth),
            last = i18n::date(b, DateStyle::DayMonth)
        )
    } else {
        t!(
            "week-title",
            week = view.week.to_string(),
            first = i18n::date(a, DateStyle::WeekdayDayMonth),
            last = i18n::date(b, DateStyle::WeekdayDayMonthYear)
        )
    };
    let room = w.saturating_sub(width(&title) + 1);
    let hint = [
        t!("week-hint-long"),
        t!("week-hint-medium"),
        t!("week-hint-short"),
    ]
    .into_iter()
    .find(|h| width(h) <= room)
    .unwrap_or_default();
    let gap = w.saturating_sub(width(&title) + width(&hint));
    Line::from(vec![
        Span::styled(fit(&title, w), theme.title()),
        Span::raw(" ".repeat(gap.max(1))),
        Span::styled(if gap > 0 { hint } else { String::new() }, theme.dim()),
    ])
}

/// The body in `area`, scrolled down `scroll` lines (j/k); the last line says when there is
/// more below.
fn draw_body(body: Vec<Line>, scroll: u16, theme: &Theme, frame: &mut Frame, area: Rect) {
    let total = wrapped_height(&body, area.width as usize);
    let max_scroll = total.saturating_sub(area.height as usize);
    let scroll = (scroll as usize).min(max_scroll);
    let more = total > scroll + area.height as usize;
    let para = Paragraph::new(body)
        .wrap(Wrap { trim: false })
        .scroll((scroll as u16, 0));
    let shown = if more {
        Rect {
            height: area.height - 1,
            ..area
        }
    } else {
        area
    };
    frame.render_widget(para, shown);
    if more {
        let hint = Line::styled(
            fit(&t!("week-more-below"), area.width as usize),
            theme.dim(),
        );
        frame.render_widget(
            Paragraph::new(hint),
            Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            },
        );
    }
}

/// Lines a paragraph takes once wrapped at `w` cells (words are not split, as ratatui does;
/// this counts cells, which is close enough to decide whether to show the "more" hint).
fn wrapped_height(lines: &[Line], w: usize) -> usize {
    lines
        .iter()
        .map(|l| {
            let cells: usize = l.spans.iter().map(|s| width(&s.content)).sum();
            cells.div_ceil(w.max(1)).max(1)
        })
        .sum()
}

/// One bar per day, Monday to Sunday, then an axis with the daily limit and a legend.
fn bar_lines<'a>(
    m: &Model,
    theme: &Theme,
    s: &WeekSummary,
    w: usize,
    compact: bool,
) -> Vec<Line<'a>> {
    // Day labels: "Mon"/"Mon 23", or wider ones ("mar. 24") in other languages.
    let labels: Vec<String> = s
        .per_day
        .iter()
        .map(|d| {
            let style = if compact {
                DateStyle::Weekday
            } else {
                DateStyle::WeekdayDay
            };
            i18n::date(d.date, style)
        })
        .collect();
    let label_w = labels
        .iter()
        .map(|l| width(l))
        .chain([if compact { 3 } else { 6 }])
        .max()
        .unwrap_or(6);
    let right_w = 6;
    let bar_w = w.saturating_sub(label_w + right_w + 2).max(1);
    let limit = (m.config.work_hours_per_day * 60.0).round() as i64;
    let max_day = s
        .per_day
        .iter()
        .map(|d| d.work_minutes + d.other_minutes)
        .max()
        .unwrap_or(0);
    // The scale always shows the limit with room to spare, so an ordinary day looks ordinary.
    let scale = Scale {
        width: bar_w,
        minutes: max_day.max(limit + limit / 4).max(60),
    };
    let limit_col = scale.col(limit).min(bar_w.saturating_sub(1));
    // Only the domains logged this week get a fill, in the configured order.
    let domains: Vec<&str> = m
        .config
        .domain_order(s.minutes_by_domain.iter().map(|(d, _)| d.as_str()))
        .into_iter()
        .filter(|d| s.minutes_by_domain.iter().any(|(n, m)| n == d && *m > 0))
        .collect();
    let mut out = Vec::new();
    for (d, label) in s.per_day.iter().zip(&labels) {
        let mut spans = vec![Span::styled(format!("{label:<label_w$} "), theme.dim())];
        let cells = day_cells(m, theme, d, &domains, &scale, limit_col);
        spans.extend(merge_cells(cells));
        let work = hmm(d.work_minutes);
        let over = d.work_minutes > limit;
        spans.push(Span::styled(
            format!(" {work:>right_w$}", right_w = right_w - 1),
            if over { theme.warn() } else { theme.dim() },
        ));
        out.push(Line::from(spans));
    }
    // Axis: where the limit is.
    let mut axis = " ".repeat(label_w + 1 + limit_col);
    axis.push('└');
    axis.push(' ');
    // The shorter wording when the longer one would be cut.
    let long = t!("week-axis", time = hm(limit));
    if width(&axis) + width(&long) <= w {
        axis.push_str(&long);
    } else {
        axis.push_str(&t!("week-axis-short", time = hm(limit)));
    }
    out.push(Line::styled(fit(&axis, w), theme.dim()));
    out.extend(legend_lines(m, theme, s, &domains, w));
    out
}

/// Where minutes fall on a bar `width` cells wide that holds `minutes` in full.
struct Scale {
    width: usize,
    minutes: i64,
}

impl Scale {
    /// The column `minutes` reach, rounded to the nearest.
    fn col(&self, minutes: i64) -> usize {
        ((minutes * self.width as i64 + self.minutes / 2) / self.minutes) as usize
    }
}

/// The cells of one day's bar: a fill per domain in `domains` order, then blanks, with the
/// daily limit marked at `limit_col`.
fn day_cells(
    m: &Model,
    theme: &Theme,
    d: &DaySummary,
    domains: &[&str],
    scale: &Scale,
    limit_col: usize,
) -> Vec<(char, Style)> {
    let bar_w = scale.width;
    let mut cells: Vec<(char, Style)> = Vec::with_capacity(bar_w);
    let mut acc = 0i64;
    for name in domains {
        let mins = minutes_of(&d.minutes_by_domain, name);
        if mins == 0 {
            continue;
        }
        // Cumulative columns, so rounding never makes the bar longer than its total; a
        // sliver gets one cell, and nothing runs past the bar's width.
        let from = scale.col(acc).max(cells.len());
        let to = scale.col(acc + mins).max(from + 1).min(bar_w);
        // Its meetings take the end of its part, in the meeting glyph (one cell at least
        // when the part has room for both).
        let meet = minutes_of(&d.meeting_minutes_by_domain, name).min(mins);
        let mut meet_from = scale.col(acc + mins - meet).clamp(from, to);
        if meet > 0 && meet_from == to && to - from >= 2 {
            meet_from = to - 1;
        }
        acc += mins;
        let style = theme.domain(&m.config, name, false);
        for col in from..to.min(bar_w) {
            let c = if meet > 0 && col >= meet_from {
                MEETING_FILL
            } else {
                fill(m, name)
            };
            cells.push((c, style));
        }
    }
    while cells.len() < bar_w {
        let c = if cells.len() == limit_col { '│' } else { ' ' };
        cells.push((c, theme.dim()));
    }
    // The limit line stays visible through a long bar.
    if let Some(cell) = cells.get_mut(limit_col)
        && cell.0 != '│'
    {
        cell.0 = '┃';
    }
    cells
}

/// The legend: each domain's fill and week total, in the bars' order, on up to two rows.
fn legend_lines<'a>(
    m: &Model,
    theme: &Theme,
    s: &WeekSummary,
    domains: &[&str],
    w: usize,
) -> Vec<Line<'a>> {
    let mut legend: Vec<Span> = Vec::new();
    let mut rows: Vec<Line> = Vec::new();
    let mut used = 0;
    for name in domains {
        let mins = minutes_of(&s.minutes_by_domain, name);
        if mins == 0 {
            continue;
        }
        let text = format!("{} {}", name, hmm(mins));
        let need = 2 + width(&text) + 2;
        if used + need > w && !legend.is_empty() {
            // Wrap once (narrow panes); the totals are all in `serein summary` too.
            if rows.len() == 1 {
                break;
            }
            rows.push(Line::from(std::mem::take(&mut legend)));
            used = 0;
        }
        used += need;
        legend.push(Span::styled(
            format!("{} ", fill(m, name)),
            theme.domain(&m.config, name, false),
        ));
        legend.push(Span::raw(format!("{text}  ")));
    }
    if s.meeting_minutes > 0 {
        let text = format!("{} {}", t!("week-legend-meetings"), hmm(s.meeting_minutes));
        let need = 2 + width(&text) + 2;
        if used + need > w && !legend.is_empty() && rows.is_empty() {
            rows.push(Line::from(std::mem::take(&mut legend)));
        }
        legend.push(Span::styled(format!("{MEETING_FILL} "), theme.dim()));
        legend.push(Span::raw(format!("{text}  ")));
    }
    if legend.is_empty() && rows.is_empty() {
        legend.push(Span::styled(t!("week-legend-empty"), theme.dim()));
    }
    if !legend.is_empty() {
        rows.push(Line::from(legend));
    }
    rows
}

/// Runs of the same style become one span.
fn merge_cells<'a>(cells: Vec<(char, Style)>) -> Vec<Span<'a>> {
    let mut out: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut style = None;
    for (c, s) in cells {
        if style.is_some_and(|st| st != s) {
            out.push(Span::styled(
                std::mem::take(&mut run),
                style.unwrap_or_default(),
            ));
        }
        style = Some(s);
        run.push(c);
    }
    if !run.is_empty() {
        out.push(Span::styled(run, style.unwrap_or_default()));
    }
    out
}

/// A sparkline of weekly work minutes: the highest week is a full block; no work is blank.
fn sparkline(values: &[i64]) -> String {
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if v <= 0 || max <= 0 {
                ' '
            } else {
                let i = ((v * 8 - 1) / max).clamp(0, 7) as usize;
                SPARKS[i]
            }
        })
        .collect()
}

/// The numbers, the sparkline and the flags: a wrapped, scrollable paragraph.
fn body_lines<'a>(theme: &Theme, data: &WeekData, compact: bool) -> Vec<Line<'a>> {
    let s = &data.summary;
    let kv = |k: String, v: String| {
        Line::from(vec![
            Span::styled(format!("{k} "), theme.dim()),
            Span::raw(v),
        ])
    };
    let mut out = vec![Line::raw("")];
    out.push(kv(
        t!("week-work"),
        t!(
            "week-work-value",
            work = hm(s.work_minutes),
            rest = hm(s.rest_minutes)
        ),
    ));
    if s.meeting_minutes > 0 {
        out.push(kv(t!("week-meetings"), meetings_text(s)));
    }
    let plan = match s.plan_adherence_percent {
        Some(p) => t!(
            "week-plan-value",
            done = hm(s.planned_done_minutes),
            planned = hm(s.planned_minutes),
            percent = p
        ),
        None => t!("week-plan-none"),
    };
    out.push(kv(t!("week-plan"), plan));
    out.push(kv(
        t!("week-after-hours"),
        t!(
            "week-after-hours-value",
            time = hm(s.after_hours_minutes),
            weekend = hm(s.weekend_work_minutes),
            days = s.weekend_days_worked
        ),
    ));
    out.push(kv(
        t!("week-breaks"),
        t!(
            "week-breaks-value",
            n = s.breaks,
            time = hm(s.longest_block_without_break_minutes)
        ),
    ));
    // This week's goal counts only the days so far; say so, or "12 of 18" reads as a miss.
    let (done, goal) = (s.breathing_sessions, s.breathing_goal);
    let breathing = if s.breathing_goal > 0 && s.breathing_goal < s.breathing_goal_week {
        t!("week-breathing-so-far", done = done, goal = goal)
    } else if s.breathing_goal > 0 {
        t!("week-breathing-goal", done = done, goal = goal)
    } else {
        s.breathing_sessions.to_string()
    };
    let kept = s
        .offline_kept_percent
        .map_or("–".to_string(), |p| format!("{p} %"));
    out.push(kv(
        t!("week-breathing"),
        t!(
            "week-breathing-value",
            breathing = breathing,
            kept = kept,
            n = s.interruptions
        ),
    ));
    out.push(recent_line(theme, data, compact));
    if !s.flags.is_empty() {
        out.push(Line::raw(""));
    }
    out.extend(flag_lines(theme, &s.flags));
    out
}

/// `11 h, counted in the work above` (or `… of them 10 h work` with other domains' calendars).
fn meetings_text(s: &WeekSummary) -> String {
    if s.meeting_work_minutes == s.meeting_minutes {
        t!("week-meetings-all-work", time = hm(s.meeting_minutes))
    } else {
        t!(
            "week-meetings-some-work",
            time = hm(s.meeting_minutes),
            work = hm(s.meeting_work_minutes)
        )
    }
}

/// Work in recent weeks as a sparkline, ending with the shown week's total.
fn recent_line<'a>(theme: &Theme, data: &WeekData, compact: bool) -> Line<'a> {
    let values: Vec<i64> = data.recent.iter().map(|x| x.1).collect();
    let label = if compact {
        t!("week-recent-short")
    } else {
        t!("week-recent")
    };
    Line::from(vec![
        Span::styled(format!("{label} "), theme.dim()),
        Span::styled(sparkline(&values), theme.info()),
        Span::raw(format!(" {}", hm(values.last().copied().unwrap_or(0)))),
    ])
}

/// One line per flag: its level as a mark, its text and its source.
fn flag_lines<'a>(theme: &Theme, flags: &[Flag]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for f in flags {
        let (mark, style) = match f.level {
            Level::Info => ("·", theme.info()),
            Level::Notice => ("!", theme.warn()),
            Level::Strong => ("!!", theme.error()),
        };
        out.push(Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::raw(crate::ui::flags::text(f)),
            Span::styled(
                format!(" ({})", crate::ui::flags::source(f.source)),
                theme.dim(),
            ),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_never_run_past_their_width() {
        use crate::domain::session::{EndReason, Session, SessionKind};
        use crate::domain::summary::{Inputs, Week, summarize};
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let t0 = day.and_hms_opt(8, 0, 0).unwrap().and_utc();
        // A 1-minute slice first, then long ones: rounding up the sliver must not push the
        // rest (and the day's total on the right) past the edge.
        let sessions: Vec<Session> = [
            ("work", 1),
            ("personal", 100),
            ("family", 100),
            ("social", 100),
        ]
        .iter()
        .scan(t0, |t, &(d, m)| {
            let mut s = Session::start("x", d, SessionKind::Focus, None, m * 60, *t, day, 0);
            s.end(EndReason::Finished, *t + chrono::Duration::minutes(m))
                .unwrap();
            *t += chrono::Duration::minutes(m);
            Some(s)
        })
        .collect();
        let schedule = crate::domain::offline::OfflineSchedule::none();
        let s = summarize(
            &Inputs {
                sessions: &sessions,
                timeboxes: &[],
                work_domains: &["work"],
                schedule: &schedule,
                after_hours_ids: &[],
                offline_periods: &[],
                breathing_goal_per_day: 0,
                coherence_titles: &[],
                meetings: &[],
                now: t0 + chrono::Duration::days(1),
            },
            Week::of(day),
            &chrono::Utc,
        );
        let m = Model::new(
            crate::config::Config::default(),
            crate::keys::Keymap::default(),
            day.and_hms_opt(9, 0, 0).unwrap(),
        );
        let theme = Theme::new(true);
        for w in [80usize, 48, 20, 12] {
            // The seven day bars (the legend below may be clipped at a tiny width).
            for line in bar_lines(&m, &theme, &s, w, w < 60).into_iter().take(7) {
                assert!(line.width() <= w, "{w}: {line:?} is {} wide", line.width());
            }
        }
        // Each logged domain has its own fill, by its place in the config.
        let mon = bar_lines(&m, &theme, &s, 80, false).remove(0).to_string();
        for c in ['█', '▓', '▒', '░'] {
            assert!(mon.contains(c), "{c} in {mon}");
        }
    }

    /// A week's summary of finished sessions: (domain, minutes) from 08:00 on `day`.
    fn week_of(day: chrono::NaiveDate, slices: &[(&str, i64)]) -> WeekSummary {
        use crate::domain::session::{EndReason, Session, SessionKind};
        use crate::domain::summary::{Inputs, Week, summarize};
        let t0 = day.and_hms_opt(8, 0, 0).unwrap().and_utc();
        let sessions: Vec<Session> = slices
            .iter()
            .scan(t0, |t, &(d, m)| {
                let mut s = Session::start("x", d, SessionKind::Focus, None, m * 60, *t, day, 0);
                s.end(EndReason::Finished, *t + chrono::Duration::minutes(m))
                    .unwrap();
                *t += chrono::Duration::minutes(m);
                Some(s)
            })
            .collect();
        let schedule = crate::domain::offline::OfflineSchedule::none();
        summarize(
            &Inputs {
                sessions: &sessions,
                timeboxes: &[],
                work_domains: &["work"],
                schedule: &schedule,
                after_hours_ids: &[],
                offline_periods: &[],
                breathing_goal_per_day: 0,
                coherence_titles: &[],
                meetings: &[],
                now: t0 + chrono::Duration::days(8),
            },
            Week::of(day),
            &chrono::Utc,
        )
    }

    #[test]
    fn a_domain_keeps_its_fill_from_week_to_week() {
        let d = |day| chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let m = Model::new(
            crate::config::Config::default(),
            crate::keys::Keymap::default(),
            d(23).and_hms_opt(9, 0, 0).unwrap(),
        );
        let theme = Theme::new(true);
        // One week with work and family, the next with family only, the next with an
        // unconfigured domain besides: family's fill is the same in all three.
        let weeks = [
            week_of(d(16), &[("work", 120), ("family", 120)]),
            week_of(d(23), &[("family", 120)]),
            week_of(d(30), &[("garden", 120), ("family", 120)]),
        ];
        let fills: Vec<(char, String)> = weeks
            .iter()
            .map(|s| {
                let mon = bar_lines(&m, &theme, s, 80, false).remove(0);
                let legend = bar_lines(&m, &theme, s, 80, false)
                    .into_iter()
                    .map(|l| l.to_string())
                    .find(|l| l.contains("family"))
                    .unwrap();
                let fam = legend
                    .split("  ")
                    .find(|p| p.contains("family"))
                    .and_then(|p| p.trim().chars().next())
                    .unwrap();
                (fam, mon.to_string())
            })
            .collect();
        for (fam, mon) in &fills {
            assert_eq!(*fam, fills[0].0, "family's fill changed: {fills:?}");
            assert!(mon.contains(*fam), "{mon}");
        }
        // An unconfigured domain gets a fill no configured one shown has.
        let legend = bar_lines(&m, &theme, &weeks[2], 80, false)
            .into_iter()
            .map(|l| l.to_string())
            .find(|l| l.contains("garden"))
            .unwrap();
        let garden = legend
            .split("  ")
            .find(|p| p.contains("garden"))
            .and_then(|p| p.trim().chars().next())
            .unwrap();
        assert_ne!(garden, fills[0].0, "{legend}");
    }

    /// A week with logged work and calendar meetings (one overlapping a session, one in the
    /// evening, one on Saturday), shown on the Week screen.
    fn meeting_model() -> Model {
        meeting_model_with_goal(0)
    }

    /// [`meeting_model`] with a breathing goal of `goal` sessions a day (a second flag).
    fn meeting_model_with_goal(goal: u32) -> Model {
        use crate::app::week::{WeekData, WeekView};
        use crate::domain::meeting::{Meeting, MeetingTime};
        use crate::domain::session::{EndReason, Session, SessionKind};
        use crate::domain::summary::{Inputs, Week, summarize};
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let t = |d: u32, h: u32, mi: u32| day(d).and_hms_opt(h, mi, 0).unwrap().and_utc();
        let mut sessions = Vec::new();
        for d in 16..=20 {
            let mut s = Session::start(
                "x",
                "work",
                SessionKind::Focus,
                None,
                0,
                t(d, 8, 0),
                day(d),
                0,
            );
            s.end(EndReason::Finished, t(d, 12, 0)).unwrap();
            sessions.push(s);
        }
        let mut fam = Session::start(
            "x",
            "family",
            SessionKind::Focus,
            None,
            0,
            t(18, 17, 0),
            day(18),
            0,
        );
        fam.end(EndReason::Finished, t(18, 19, 0)).unwrap();
        sessions.push(fam);
        let meeting = |d: u32, from: (u32, u32), to: (u32, u32)| Meeting {
            uid: format!("{d}-{}", from.0),
            instance: None,
            title: "Sync".into(),
            calendar: "work".into(),
            domain: "work".into(),
            time: MeetingTime::Timed {
                start: t(d, from.0, from.1),
                end: t(d, to.0, to.1),
            },
            free: false,
        };
        let meetings = vec![
            meeting(16, (13, 0), (15, 0)),
            meeting(17, (11, 0), (13, 30)),
            meeting(18, (9, 0), (10, 0)),
            meeting(19, (14, 0), (18, 0)),
            meeting(19, (19, 30), (20, 30)),
            meeting(21, (10, 0), (11, 0)),
        ];
        let schedule = crate::domain::offline::OfflineSchedule::none();
        let s = summarize(
            &Inputs {
                sessions: &sessions,
                timeboxes: &[],
                work_domains: &["work"],
                schedule: &schedule,
                after_hours_ids: &[],
                offline_periods: &[],
                breathing_goal_per_day: goal,
                coherence_titles: &[],
                meetings: &meetings,
                now: t(25, 12, 0),
            },
            Week::of(day(16)),
            &chrono::Utc,
        );
        let mut m = Model::new(
            crate::config::Config::default(),
            crate::keys::Keymap::default(),
            day(25).and_hms_opt(12, 0, 0).unwrap(),
        );
        m.screen = crate::app::model::Screen::Week;
        m.week = Some(WeekView {
            week: Week::of(day(16)),
            data: Some(WeekData {
                recent: vec![(Week::of(day(16)), s.work_minutes)],
                summary: s,
            }),
            scroll: 0,
            back_to: crate::app::model::Screen::Today,
        });
        m
    }

    fn screen(m: &Model, w: u16, h: u16) -> String {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        t.draw(|f| draw(m, &Theme::new(true), f, f.area())).unwrap();
        t.backend().to_string()
    }

    #[test]
    fn week_with_meetings_48x20() {
        let m = meeting_model();
        let out = screen(&m, 48, 20);
        assert!(out.contains('◆'), "{out}");
        insta::assert_snapshot!("week_meetings_48x20", out);
    }

    #[test]
    fn week_with_meetings_100x30() {
        let m = meeting_model();
        let s = &m.week.as_ref().unwrap().data.as_ref().unwrap().summary;
        // 20 h logged + 11 h of meetings, of which 1 h 30 under sessions: 29 h 30 of work.
        assert_eq!((s.meeting_minutes, s.work_minutes), (570, 1770));
        let out = screen(&m, 100, 30);
        assert!(out.contains("meetings 9:30"), "{out}");
        assert!(
            out.contains("Meetings 9 h 30 min, counted in the work above"),
            "{out}"
        );
        insta::assert_snapshot!("week_meetings_100x30", out);
    }

    /// The Week screen in French with meetings and two flags: French words, day names and
    /// dates; the wider day labels ("mar. 17") widen the label column, never the bars.
    #[test]
    fn week_in_french_48x20_and_100x30() {
        use crate::i18n::{Lang, with_lang};
        let m = meeting_model_with_goal(3);
        with_lang(Lang::Fr, || {
            let s = &m.week.as_ref().unwrap().data.as_ref().unwrap().summary;
            assert_eq!(s.flags.len(), 2, "{:?}", s.flags);
            let theme = Theme::new(true);
            for w in [48, 100] {
                for line in bar_lines(&m, &theme, s, w, w < 60) {
                    assert!(line.width() <= w, "{w}: {line:?} is {} wide", line.width());
                }
            }
            let small = screen(&m, 48, 20);
            for want in [
                "Sem. 47 · 16 nov.–22 nov.",
                "lun. ",
                "◆ réunions 9:30",
                "Réunions",
            ] {
                assert!(small.contains(want), "{want:?} in\n{small}");
            }
            insta::assert_snapshot!("week_meetings_fr_48x20", small);
            let big = screen(&m, 100, 30);
            for want in [
                "Semaine 2026-W47 · lun. 16 nov. – dim. 22 nov. 2026",
                "lun. 16 ",
                "8 h de travail/jour",
                "Réunions 9 h 30 min, comptées dans le travail ci-dessus",
                "Votre plus long bloc sans pause, le mar. 17 nov.",
                "Séances de cohérence cette semaine : 0 sur 21.",
                "(Méthode de cohérence cardiaque 365",
            ] {
                assert!(big.contains(want), "{want:?} in\n{big}");
            }
            insta::assert_snapshot!("week_meetings_fr_100x30", big);
        });
    }

    #[test]
    fn sparkline_scales_to_the_highest_week() {
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[0, 0]), "  ");
        assert_eq!(sparkline(&[60, 120, 240, 480]), "▁▂▄█");
        assert_eq!(sparkline(&[1, 2400]), "▁█");
    }
}
