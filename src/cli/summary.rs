//! `serein summary`: the week in numbers (or totals over any range of days) as an aligned
//! table, JSON, CSV or Markdown. The JSON shape is documented in README.md and kept stable.

use chrono::{Duration, NaiveDate};
use serde_json::{Value, json};

use crate::cli::{Failure, SummaryFormat, parse_date};
use crate::config::{Config, Paths};
use crate::domain::meeting::Meeting;
use crate::domain::summary::{Flag, Level};
use crate::domain::summary::{
    RangeSummary, Week, WeekParams, WeekSummary, hm, hmm, meeting_span, minutes_of,
};
use crate::domain::time::{Now, Zone};
use crate::i18n::{self, DateStyle};
use crate::store::{Store, summary};
use crate::t;
use crate::ui::flags;

/// What `serein summary` was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Week(Week),
    Range(NaiveDate, NaiveDate),
}

/// Longest range `--from/--to` accepts: far more than anyone's history, small enough that a
/// typo (`--from 0026-01-01`) gets an error instead of a minute of work.
const MAX_RANGE_DAYS: i64 = 366 * 50;

/// Turns the flags into a week or a range. Exactly one of them, or none (this week).
pub fn span(
    week: Option<&str>,
    last: bool,
    date: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    today: NaiveDate,
) -> Result<Span, Failure> {
    let day = |flag: &str, s: &str| {
        parse_date(s, today).map_err(|e| Failure::input(format!("{flag} {s:?}: {e}")))
    };
    match (week, last, date, from, to) {
        (Some(w), false, None, None, None) => {
            // A date is accepted too: its week.
            let wk = Week::parse(w)
                .or_else(|e| parse_date(w, today).map(Week::of).map_err(|_| e))
                .map_err(|e| Failure::input(format!("--week: {e}")))?;
            Ok(Span::Week(wk))
        }
        (None, true, None, None, None) => Ok(Span::Week(Week::of(today).prev())),
        (None, false, Some(d), None, None) => Ok(Span::Week(Week::of(day("--date", d)?))),
        (None, false, None, Some(f), Some(t)) => {
            let (f, t) = (day("--from", f)?, day("--to", t)?);
            if t < f {
                return Err(Failure::input(t!(
                    "summary-error-to-before-from",
                    from = f.to_string(),
                    to = t.to_string()
                )));
            }
            if (t - f).num_days() > MAX_RANGE_DAYS {
                return Err(Failure::input(t!(
                    "summary-error-range-too-long",
                    from = f.to_string(),
                    to = t.to_string()
                )));
            }
            Ok(Span::Range(f, t))
        }
        (None, false, None, Some(_), None) | (None, false, None, None, Some(_)) => {
            Err(Failure::input(t!("summary-error-from-to-together")))
        }
        (None, false, None, None, None) => Ok(Span::Week(Week::of(today))),
        _ => Err(Failure::input(t!("summary-error-one-span"))),
    }
}

pub fn run(
    span: Span,
    format: SummaryFormat,
    paths: &Paths,
    cfg: &Config,
    now: Now,
) -> Result<(), Failure> {
    let store = Store::open(&paths.db_file())?;
    let mut params = WeekParams::from_config(cfg);
    let out = match span {
        Span::Week(week) => {
            params.meetings = week_meetings(cfg, week, &now.zone);
            let data = summary::load_week(&store, &params, week, now.utc, &now.zone, 1)?;
            week_output(&data.summary, cfg, format)
        }
        Span::Range(from, to) => {
            params.meetings = calendar_meetings(cfg, from - Duration::days(1), to, &now.zone);
            let r = summary::load_range(&store, &params, from, to, now.utc, &now.zone)?;
            range_output(&r, cfg, format)
        }
    };
    print!("{out}");
    Ok(())
}

/// The configured calendars' meetings a week's summary reads (`summary::meeting_span`);
/// nothing is read without `[[calendar]]`. A calendar that can't be read is said on stderr
/// and left out.
fn week_meetings(cfg: &Config, week: Week, zone: &Zone) -> Vec<Meeting> {
    let (first, last) = meeting_span(week, 1);
    calendar_meetings(cfg, first, last, zone)
}

/// The configured calendars' meetings on local dates `first..=last`; nothing is read without
/// `[[calendar]]`. A calendar that can't be read is said on stderr and left out.
fn calendar_meetings(cfg: &Config, first: NaiveDate, last: NaiveDate, zone: &Zone) -> Vec<Meeting> {
    if cfg.calendars.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for source in cfg.calendar_sources() {
        match crate::calendar::load(&source) {
            Ok(l) => out.extend(l.meetings(first, last, zone)),
            Err(e) => eprintln!("{}", calendar_left_out(&source.name, &e.to_string())),
        }
    }
    out
}

/// The warning for a calendar that could not be read.
fn calendar_left_out(name: &str, error: &str) -> String {
    t!(
        "summary-calendar-left-out",
        name = format!("{name:?}"),
        error = error
    )
}

fn week_title(s: &WeekSummary) -> String {
    let (a, b) = (s.week.monday, s.week.sunday());
    t!(
        "summary-week-title",
        week = s.week.to_string(),
        first = i18n::date(a, DateStyle::WeekdayDayMonth),
        last = i18n::date(b, DateStyle::WeekdayDayMonthYear)
    )
}

/// The output of a week summary in `format`.
fn week_output(s: &WeekSummary, cfg: &Config, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Table => week_table(s, cfg),
        SummaryFormat::Json => {
            let mut t = serde_json::to_string_pretty(&week_json(s)).unwrap_or_default();
            t.push('\n');
            t
        }
        SummaryFormat::Csv => week_csv(s, cfg),
        SummaryFormat::Markdown => week_markdown(s, cfg),
    }
}

/// The output of a range summary in `format`.
fn range_output(r: &RangeSummary, cfg: &Config, format: SummaryFormat) -> String {
    match format {
        SummaryFormat::Table => range_table(r, cfg),
        SummaryFormat::Json => {
            let mut t = serde_json::to_string_pretty(&range_json(r)).unwrap_or_default();
            t.push('\n');
            t
        }
        SummaryFormat::Csv => range_csv(r, cfg),
        SummaryFormat::Markdown => range_markdown(r, cfg),
    }
}

fn by_domain_json(list: &[(String, i64)]) -> Value {
    list.iter()
        .map(|(d, m)| json!({ "domain": d, "minutes": m }))
        .collect()
}

/// Per domain with its meeting minutes (part of `minutes`): the week and its days.
fn by_domain_meetings_json(list: &[(String, i64)], meetings: &[(String, i64)]) -> Value {
    list.iter()
        .map(|(d, m)| json!({ "domain": d, "minutes": m, "meeting_minutes": minutes_of(meetings, d) }))
        .collect()
}

/// The stable JSON of a week (README.md, "`serein summary`").
fn week_json(s: &WeekSummary) -> Value {
    json!({
        "kind": "week",
        "week": s.week.to_string(),
        "from": s.week.monday,
        "to": s.week.sunday(),
        "work_minutes": s.work_minutes,
        "rest_of_life_minutes": s.rest_minutes,
        "meeting_minutes": s.meeting_minutes,
        "meeting_work_minutes": s.meeting_work_minutes,
        "by_domain": by_domain_meetings_json(&s.minutes_by_domain, &s.meeting_minutes_by_domain),
        "days": s.per_day.iter().map(|d| json!({
            "date": d.date,
            "weekday": d.date.format("%a").to_string(),
            "work_minutes": d.work_minutes,
            "rest_of_life_minutes": d.other_minutes,
            "meeting_minutes": d.meeting_minutes,
            "meeting_work_minutes": d.meeting_work_minutes,
            "by_domain": by_domain_meetings_json(&d.minutes_by_domain, &d.meeting_minutes_by_domain),
            "break_minutes": d.break_minutes,
            "breaks": d.breaks,
            "breathing_sessions": d.breathing_sessions,
            "rest_before_minutes": d.rest_before_minutes,
        })).collect::<Vec<_>>(),
        "plan": {
            "planned_minutes": s.planned_minutes,
            "done_minutes": s.planned_done_minutes,
            "adherence_percent": s.plan_adherence_percent,
        },
        "after_hours": {
            "minutes": s.after_hours_minutes,
            "sessions": s.after_hours_sessions,
        },
        "weekend": {
            "work_minutes": s.weekend_work_minutes,
            "days_worked": s.weekend_days_worked,
            "weeks_of_last_4": s.weekend_weeks_of_4,
        },
        "breaks": {
            "count": s.breaks,
            "minutes": s.break_minutes,
            "longest_block_without_break_minutes": s.longest_block_without_break_minutes,
        },
        "rest": {
            "short_rest_days": s.short_rest_days,
            "longest_rest_minutes": s.longest_rest_minutes,
        },
        "breathing": {
            "sessions": s.breathing_sessions,
            "goal": s.breathing_goal,
            "goal_week": s.breathing_goal_week,
        },
        "offline_kept_percent": s.offline_kept_percent,
        "interruptions": s.interruptions,
        "flags": s.flags.iter().map(|f| {
            // English whatever the language: the JSON's values stay stable.
            let (text, source) = flags::english(f);
            json!({
                "kind": f.kind.as_str(),
                "level": f.level.as_str(),
                "text": text,
                "source": source,
                "days": f.days,
            })
        }).collect::<Vec<_>>(),
    })
}

/// The stable JSON of a range (README.md, "`serein summary`").
fn range_json(r: &RangeSummary) -> Value {
    json!({
        "kind": "range",
        "from": r.from,
        "to": r.to,
        "work_minutes": r.work_minutes,
        "rest_of_life_minutes": r.rest_minutes,
        "by_domain": by_domain_json(&r.minutes_by_domain),
        "break_minutes": r.break_minutes,
        "breaks": r.breaks,
        "breathing_sessions": r.breathing_sessions,
        "sessions": r.sessions,
        "meeting_minutes": r.meeting_minutes,
        "weeks": r.weeks.iter().map(|w| json!({
            "week": w.week.to_string(),
            "from": w.week.monday.max(r.from),
            "to": w.week.sunday().min(r.to),
            "work_minutes": w.work_minutes,
            "rest_of_life_minutes": w.rest_minutes,
            "meeting_minutes": w.meeting_minutes,
            "by_domain": by_domain_json(&w.minutes_by_domain),
        })).collect::<Vec<_>>(),
    })
}

/// Right-aligned cells after a left-aligned label.
fn row(label: &str, label_w: usize, cells: &[String], cell_w: usize) -> String {
    let mut line = format!("{label:<label_w$}");
    for c in cells {
        line.push_str(&format!("{c:>cell_w$}"));
    }
    line.trim_end().to_string()
}

fn week_table(s: &WeekSummary, cfg: &Config) -> String {
    let domains = cfg.domain_order(s.minutes_by_domain.iter().map(|(d, _)| d.as_str()));
    let shown: Vec<&str> = domains
        .iter()
        .copied()
        .filter(|d| minutes_of(&s.minutes_by_domain, d) > 0)
        .collect();
    // The domains and the grid's own rows (the meetings row may stick out, as it is indented).
    let label_w = shown
        .iter()
        .map(|d| d.chars().count())
        .chain([12])
        .chain(
            ["summary-row-work", "summary-row-rest", "summary-row-breaks"].map(|k| width(&t!(k))),
        )
        .max()
        .unwrap_or(12)
        + 1;
    let mut out = vec![week_title(s), String::new()];
    let mut head: Vec<String> = s
        .per_day
        .iter()
        .map(|d| i18n::date(d.date, DateStyle::Weekday))
        .collect();
    head.push(t!("summary-total"));
    out.push(row("", label_w, &head, 7));
    for (label, days, total) in grid(s, &shown) {
        let mut cells: Vec<String> = days.iter().map(|&m| hmm(m)).collect();
        cells.push(hmm(total));
        out.push(row(&label, label_w, &cells, 7));
    }
    out.push(String::new());
    let numbers = numbers(s, cfg);
    let key_w = numbers
        .iter()
        .map(|(k, _)| width(k) + 2)
        .chain([15])
        .max()
        .unwrap_or(15);
    for (k, v) in numbers {
        out.push(pad(&k, key_w) + &v);
    }
    if !s.flags.is_empty() {
        out.push(String::new());
        out.push(t!("summary-flags-heading"));
        for f in &s.flags {
            out.push(format!("  {}{}", pad(&level(f.level), 7), flags::text(f)));
            let source = t!("summary-source", source = flags::source(f.source));
            out.push(format!("  {}{source}", pad("", 7)));
        }
    }
    out.join("\n") + "\n"
}

/// The rows of the day grid (table and Markdown): each shown domain, then work, the rest of
/// life and breaks — (label, minutes Monday to Sunday, week total).
fn grid(s: &WeekSummary, shown: &[&str]) -> Vec<(String, [i64; 7], i64)> {
    let days = |f: &dyn Fn(&crate::domain::summary::DaySummary) -> i64| -> [i64; 7] {
        std::array::from_fn(|i| f(&s.per_day[i]))
    };
    let mut rows: Vec<(String, [i64; 7], i64)> = shown
        .iter()
        .map(|d| {
            (
                d.to_string(),
                days(&|day| minutes_of(&day.minutes_by_domain, d)),
                minutes_of(&s.minutes_by_domain, d),
            )
        })
        .collect();
    rows.push((
        t!("summary-row-work"),
        days(&|d| d.work_minutes),
        s.work_minutes,
    ));
    // Meetings are already in the rows above; shown apart once there are any.
    if s.meeting_minutes > 0 {
        rows.push((
            t!("summary-row-meetings"),
            days(&|d| d.meeting_minutes),
            s.meeting_minutes,
        ));
    }
    rows.push((
        t!("summary-row-rest"),
        days(&|d| d.other_minutes),
        s.rest_minutes,
    ));
    rows.push((
        t!("summary-row-breaks"),
        days(&|d| d.break_minutes),
        s.break_minutes,
    ));
    rows
}

/// Terminal cells of `s` (accented letters are one cell, unlike their bytes).
fn width(s: &str) -> usize {
    crate::ui::width(s)
}

/// `s` padded with spaces to `w` cells.
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// A flag's level in words (the table and Markdown; JSON keeps `info`/`notice`/`strong`).
fn level(l: Level) -> String {
    match l {
        Level::Info => t!("summary-level-info"),
        Level::Notice => t!("summary-level-notice"),
        Level::Strong => t!("summary-level-strong"),
    }
}

/// A flag in Markdown: its words, level and source.
fn md_flag(f: &Flag) -> String {
    t!(
        "summary-md-flag",
        text = md_escape(&flags::text(f)),
        level = level(f.level),
        source = md_escape(&flags::source(f.source))
    )
}

/// The meetings line of the numbers: `11 h in meetings (10 h of them work)`.
fn meetings_line(s: &WeekSummary) -> String {
    if s.meeting_work_minutes == s.meeting_minutes {
        t!("summary-meetings-all-work", time = hm(s.meeting_minutes))
    } else {
        t!(
            "summary-meetings-some-work",
            time = hm(s.meeting_minutes),
            work = hm(s.meeting_work_minutes)
        )
    }
}

/// The week's numbers as (label, value) lines: shared by the table and Markdown.
fn numbers(s: &WeekSummary, cfg: &Config) -> Vec<(String, String)> {
    let limit = (cfg.balance.work_info_hours * 60.0).round() as i64;
    // The threshold is worth a word only once it is passed (the flag below says why).
    let work = if s.work_minutes > limit {
        t!(
            "summary-work-above",
            time = hm(s.work_minutes),
            limit = hm(limit)
        )
    } else {
        hm(s.work_minutes)
    };
    let mut v = vec![(t!("summary-work"), work)];
    if s.meeting_minutes > 0 {
        v.push((t!("summary-meetings"), meetings_line(s)));
    }
    v.push((t!("summary-rest"), hm(s.rest_minutes)));
    v.push((
        t!("summary-plan"),
        match s.plan_adherence_percent {
            Some(p) => t!(
                "summary-plan-value",
                done = hm(s.planned_done_minutes),
                planned = hm(s.planned_minutes),
                percent = p
            ),
            None => t!("summary-plan-none"),
        },
    ));
    v.push((
        t!("summary-after-hours"),
        t!(
            "summary-after-hours-value",
            time = hm(s.after_hours_minutes),
            n = s.after_hours_sessions
        ),
    ));
    v.push((
        t!("summary-weekend"),
        t!(
            "summary-weekend-value",
            time = hm(s.weekend_work_minutes),
            days = s.weekend_days_worked,
            weeks = s.weekend_weeks_of_4
        ),
    ));
    v.push((
        t!("summary-breaks"),
        t!(
            "summary-breaks-value",
            n = s.breaks,
            time = hm(s.break_minutes),
            block = hm(s.longest_block_without_break_minutes)
        ),
    ));
    v.push((
        t!("summary-rest-between"),
        t!(
            "summary-rest-between-value",
            longest = hm(s.longest_rest_minutes),
            n = s.short_rest_days,
            limit = hm((cfg.balance.daily_rest_hours * 60.0).round() as i64)
        ),
    ));
    let (done, goal) = (s.breathing_sessions, s.breathing_goal);
    v.push((
        t!("summary-breathing"),
        if s.breathing_goal_week > 0 && s.breathing_goal < s.breathing_goal_week {
            t!(
                "summary-breathing-so-far",
                done = done,
                goal = goal,
                week = s.breathing_goal_week
            )
        } else if s.breathing_goal > 0 {
            t!("summary-breathing-goal", done = done, goal = goal)
        } else {
            t!("summary-breathing-count", n = done)
        },
    ));
    v.push((
        t!("summary-offline-kept"),
        s.offline_kept_percent.map_or_else(
            || t!("summary-offline-kept-none"),
            |p| t!("summary-offline-kept-value", percent = p),
        ),
    ));
    v.push((t!("summary-interruptions"), s.interruptions.to_string()));
    v
}

/// A CSV field: quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn week_csv(s: &WeekSummary, cfg: &Config) -> String {
    let domains = cfg.domain_order(s.minutes_by_domain.iter().map(|(d, _)| d.as_str()));
    let mut head = vec!["date".to_string(), "weekday".into()];
    head.extend(domains.iter().map(|d| csv_field(d)));
    head.extend(
        [
            "work_total",
            "rest_of_life_total",
            "break_minutes",
            "breaks",
            "breathing_sessions",
            "rest_before_minutes",
            "meeting_minutes",
            "meeting_work_minutes",
        ]
        .map(String::from),
    );
    let mut out = vec![head.join(",")];
    for d in &s.per_day {
        let mut cells = vec![d.date.to_string(), d.date.format("%a").to_string()];
        cells.extend(
            domains
                .iter()
                .map(|dom| minutes_of(&d.minutes_by_domain, dom).to_string()),
        );
        cells.extend([
            d.work_minutes.to_string(),
            d.other_minutes.to_string(),
            d.break_minutes.to_string(),
            d.breaks.to_string(),
            d.breathing_sessions.to_string(),
            d.rest_before_minutes
                .map_or(String::new(), |m| m.to_string()),
            d.meeting_minutes.to_string(),
            d.meeting_work_minutes.to_string(),
        ]);
        out.push(cells.join(","));
    }
    out.join("\n") + "\n"
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

fn week_markdown(s: &WeekSummary, cfg: &Config) -> String {
    let domains = cfg.domain_order(s.minutes_by_domain.iter().map(|(d, _)| d.as_str()));
    let shown: Vec<&str> = domains
        .iter()
        .copied()
        .filter(|d| minutes_of(&s.minutes_by_domain, d) > 0)
        .collect();
    let mut out = vec![format!("## {}", week_title(s)), String::new()];
    let mut head = vec!["".to_string()];
    head.extend(
        s.per_day
            .iter()
            .map(|d| i18n::date(d.date, DateStyle::WeekdayDay)),
    );
    head.push(t!("summary-total"));
    out.push(format!("| {} |", head.join(" | ")));
    out.push(format!(
        "|{}|",
        std::iter::once("---".to_string())
            .chain(head.iter().skip(1).map(|_| "---:".to_string()))
            .collect::<Vec<_>>()
            .join("|")
    ));
    // Work and the rest of life (right after the domains, the meetings row between them)
    // stand out.
    let work_row = shown.len();
    let rest_row = work_row + 1 + usize::from(s.meeting_minutes > 0);
    for (i, (label, days, total)) in grid(s, &shown).into_iter().enumerate() {
        let label = if i == work_row || i == rest_row {
            format!("**{label}**")
        } else {
            md_escape(&label)
        };
        let mut cells = vec![label];
        cells.extend(days.iter().map(|&m| hmm(m)));
        cells.push(hmm(total));
        out.push(format!("| {} |", cells.join(" | ")));
    }
    out.push(String::new());
    for (k, v) in numbers(s, cfg) {
        out.push(t!("summary-md-item", label = k, value = md_escape(&v)));
    }
    if !s.flags.is_empty() {
        out.push(String::new());
        out.push(format!("### {}", t!("summary-flags-heading")));
        out.push(String::new());
        for f in &s.flags {
            out.push(md_flag(f));
        }
    }
    out.join("\n") + "\n"
}

fn range_domains<'a>(r: &'a RangeSummary, cfg: &'a Config) -> Vec<&'a str> {
    cfg.domain_order(r.minutes_by_domain.iter().map(|(d, _)| d.as_str()))
        .into_iter()
        .filter(|d| minutes_of(&r.minutes_by_domain, d) > 0)
        .collect()
}

fn range_table(r: &RangeSummary, cfg: &Config) -> String {
    let domains = range_domains(r, cfg);
    let w = domains
        .iter()
        .map(|d| d.chars().count() + 1)
        .chain([8])
        .max()
        .unwrap_or(8);
    let mut out = vec![
        t!(
            "summary-range-title",
            from = r.from.to_string(),
            to = r.to.to_string(),
            weeks = r.weeks.len(),
            n = r.sessions
        ),
        String::new(),
    ];
    let mut head: Vec<String> = domains.iter().map(|d| d.to_string()).collect();
    head.extend([t!("summary-range-work"), t!("summary-range-rest")]);
    out.push(row(&t!("summary-range-week"), 10, &head, w));
    for wk in &r.weeks {
        let mut cells: Vec<String> = domains
            .iter()
            .map(|d| hmm(minutes_of(&wk.minutes_by_domain, d)))
            .collect();
        cells.extend([hmm(wk.work_minutes), hmm(wk.rest_minutes)]);
        out.push(row(&wk.week.to_string(), 10, &cells, w));
    }
    let mut total: Vec<String> = domains
        .iter()
        .map(|d| hmm(minutes_of(&r.minutes_by_domain, d)))
        .collect();
    total.extend([hmm(r.work_minutes), hmm(r.rest_minutes)]);
    out.push(row(&t!("summary-total"), 10, &total, w));
    out.push(String::new());
    let weeks = r.weeks.len().max(1) as i64;
    out.push(t!(
        "summary-range-work-line",
        total = hm(r.work_minutes),
        average = hm(r.work_minutes / weeks),
        rest = hm(r.rest_minutes)
    ));
    out.push(t!(
        "summary-range-breaks-line",
        n = r.breaks,
        time = hm(r.break_minutes),
        breathing = r.breathing_sessions
    ));
    if r.meeting_minutes > 0 {
        out.push(t!(
            "summary-range-meetings-line",
            time = hm(r.meeting_minutes)
        ));
    }
    out.join("\n") + "\n"
}

fn range_csv(r: &RangeSummary, cfg: &Config) -> String {
    let domains = cfg.domain_order(r.minutes_by_domain.iter().map(|(d, _)| d.as_str()));
    let mut head = vec!["week".to_string(), "from".into(), "to".into()];
    head.extend(domains.iter().map(|d| csv_field(d)));
    head.extend([
        "work_total".to_string(),
        "rest_of_life_total".into(),
        "meeting_minutes".into(),
    ]);
    let mut out = vec![head.join(",")];
    for wk in &r.weeks {
        let mut cells = vec![
            wk.week.to_string(),
            wk.week.monday.max(r.from).to_string(),
            wk.week.sunday().min(r.to).to_string(),
        ];
        cells.extend(
            domains
                .iter()
                .map(|d| minutes_of(&wk.minutes_by_domain, d).to_string()),
        );
        cells.extend([
            wk.work_minutes.to_string(),
            wk.rest_minutes.to_string(),
            wk.meeting_minutes.to_string(),
        ]);
        out.push(cells.join(","));
    }
    out.join("\n") + "\n"
}

fn range_markdown(r: &RangeSummary, cfg: &Config) -> String {
    let domains = range_domains(r, cfg);
    let mut out = vec![format!("## {} – {}", r.from, r.to), String::new()];
    let mut head = vec![t!("summary-range-week")];
    head.extend(domains.iter().map(|d| md_escape(d)));
    head.extend([
        format!("**{}**", t!("summary-range-work")),
        format!("**{}**", t!("summary-range-rest-long")),
    ]);
    out.push(format!("| {} |", head.join(" | ")));
    out.push(format!("|---|{}|", vec!["---:"; head.len() - 1].join("|")));
    let line = |label: String, list: &[(String, i64)], w: i64, rest: i64| {
        let mut cells = vec![label];
        cells.extend(domains.iter().map(|d| hmm(minutes_of(list, d))));
        cells.extend([hmm(w), hmm(rest)]);
        format!("| {} |", cells.join(" | "))
    };
    for wk in &r.weeks {
        out.push(line(
            wk.week.to_string(),
            &wk.minutes_by_domain,
            wk.work_minutes,
            wk.rest_minutes,
        ));
    }
    out.push(line(
        format!("**{}**", t!("summary-total")),
        &r.minutes_by_domain,
        r.work_minutes,
        r.rest_minutes,
    ));
    out.push(String::new());
    out.push(t!(
        "summary-range-md-line",
        sessions = r.sessions,
        n = r.breaks,
        time = hm(r.break_minutes),
        breathing = r.breathing_sessions
    ));
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn spans_from_flags() {
        let today = d("2026-11-25");
        let wk = |s: &str| Span::Week(Week::of(d(s)));
        let ok = |w, l, dt, f, t| span(w, l, dt, f, t, today).map_err(|e| e.message);
        assert_eq!(ok(None, false, None, None, None), Ok(wk("2026-11-23")));
        assert_eq!(
            ok(Some("2026-W47"), false, None, None, None),
            Ok(wk("2026-11-16"))
        );
        assert_eq!(
            ok(Some("2026-11-18"), false, None, None, None),
            Ok(wk("2026-11-16"))
        );
        assert_eq!(ok(None, true, None, None, None), Ok(wk("2026-11-16")));
        assert_eq!(
            ok(None, false, Some("yesterday"), None, None),
            Ok(wk("2026-11-23"))
        );
        assert_eq!(
            ok(None, false, None, Some("2021-11-22"), Some("2026-11-22")),
            Ok(Span::Range(d("2021-11-22"), d("2026-11-22")))
        );
        let err = |w, l, dt, f, t| span(w, l, dt, f, t, today).unwrap_err();
        let e = err(Some("2026-W54"), false, None, None, None);
        assert_eq!(e.exit, crate::cli::Exit::Usage);
        assert!(e.message.contains("no week 54"), "{}", e.message);
        assert!(
            err(Some("soon"), false, None, None, None)
                .message
                .contains("YEAR-Wnn")
        );
        assert!(
            err(None, false, None, Some("2026-11-22"), Some("2026-11-01"))
                .message
                .contains("before --from")
        );
        assert!(
            err(None, false, None, Some("2026-11-22"), None)
                .message
                .contains("go together")
        );
        assert!(
            err(None, false, None, Some("2026-13-01"), Some("2026-12-01"))
                .message
                .starts_with("--from \"2026-13-01\"")
        );
        assert!(
            err(Some("2026-W47"), true, None, None, None)
                .message
                .contains("one of")
        );
    }

    #[test]
    fn span_errors_in_french() {
        use crate::i18n::{Lang, with_lang};
        let today = d("2026-11-25");
        let err = |w, l, f, t| {
            with_lang(Lang::Fr, || {
                span(w, l, None, f, t, today).unwrap_err().message
            })
        };
        assert_eq!(
            err(None, false, Some("2026-11-22"), Some("2026-11-01")),
            "--to 2026-11-01 est avant --from 2026-11-22 : la période va de la première date \
             à la seconde, toutes deux comprises"
        );
        assert!(err(None, false, Some("2026-11-22"), None).contains("vont ensemble"));
        assert!(err(Some("2026-W47"), true, None, None).contains("choisir une seule"));
        assert!(
            err(None, false, Some("1900-01-01"), Some("2026-01-01")).contains("plus de 50 ans")
        );
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("work"), "work");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(hmm(0), "-");
        assert_eq!(hmm(65), "1:05");
        assert_eq!(hmm(2300), "38:20");
    }
}
