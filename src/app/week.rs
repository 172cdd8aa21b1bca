//! The Week screen's decisions (pure, beside `update`), and loading a week's summary from the
//! store, shared by the shell (Week and review screens) and `serein summary`.

use std::sync::Arc;

use chrono::{DateTime, Duration, Local, NaiveDate, Utc};
use crossterm::event::KeyEvent;

use crate::app::model::{Model, Screen};
use crate::app::msg::Effect;
use crate::app::review::{FormOutcome, ReviewForm};
use crate::app::update::Update;
use crate::config::Config;
use crate::domain::offline::OfflineSchedule;
use crate::domain::review::Review;
use crate::domain::session::{EndReason, Session, SessionKind};
use crate::domain::summary::{self, Inputs, Thresholds, Week, WeekSummary};
use crate::keys::Action;
use crate::store::{Result, Store};

/// Weeks in the Week screen's sparkline of work hours, this one included.
pub const RECENT_WEEKS: usize = 12;

/// What a summary needs from the config, taken once.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekParams {
    pub work_domains: Vec<String>,
    pub coherence_titles: Vec<String>,
    pub schedule: OfflineSchedule,
    pub breathing_goal_per_day: u32,
    pub thresholds: Thresholds,
}

impl WeekParams {
    pub fn from_config(cfg: &Config) -> WeekParams {
        WeekParams {
            work_domains: cfg.work_domains().into_iter().map(String::from).collect(),
            coherence_titles: cfg.breathing.coherence_names(),
            schedule: cfg.offline.schedule(),
            breathing_goal_per_day: cfg.breathing.daily_goal,
            thresholds: cfg.balance.thresholds(),
        }
    }
}

/// A week's summary and the work minutes of the weeks up to it.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekData {
    pub summary: WeekSummary,
    /// Work minutes of the last [`RECENT_WEEKS`] weeks, oldest first, ending with this one.
    pub recent: Vec<(Week, i64)>,
}

/// The Week screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekView {
    pub week: Week,
    /// `None` until the store answered.
    pub data: Option<WeekData>,
    /// Lines scrolled in the numbers-and-flags part.
    pub scroll: u16,
    /// Where Esc goes back to.
    pub back_to: Screen,
}

/// Opens the Week screen on the week of the shown day.
pub fn open(m: &mut Model) -> Update {
    let week = Week::of(m.date);
    let back_to = match m.screen {
        Screen::Week | Screen::Review => Screen::Today,
        s => s,
    };
    m.week_view = Some(WeekView {
        week,
        data: None,
        scroll: 0,
        back_to,
    });
    m.screen = Screen::Week;
    load(m, week)
}

fn load(m: &Model, week: Week) -> Update {
    Update {
        redraw: true,
        effects: vec![Effect::LoadWeek(week, Arc::clone(&m.week_params))],
    }
}

/// The store answered; a stale answer (the user moved on) is dropped.
pub fn loaded(m: &mut Model, week: Week, data: WeekData) -> Update {
    if m.screen == Screen::Review {
        return match &mut m.review {
            Some(r) if r.form.review.week == week => {
                r.summary = Some(data.summary);
                Update {
                    redraw: true,
                    effects: Vec::new(),
                }
            }
            _ => Update::default(),
        };
    }
    match &mut m.week_view {
        Some(v) if v.week == week => {
            v.data = Some(data);
            Update {
                redraw: true,
                effects: Vec::new(),
            }
        }
        _ => Update::default(),
    }
}

/// Actions of the Week screen other than help, quit, review, breathe and offline.
pub fn action(m: &mut Model, a: Action) -> Update {
    let Some(v) = m.week_view.as_mut() else {
        return Update::default();
    };
    let redraw = Update {
        redraw: true,
        effects: Vec::new(),
    };
    match a {
        Action::PrevWeek => {
            v.week = v.week.prev();
            (v.data, v.scroll) = (None, 0);
            let w = v.week;
            load(m, w)
        }
        Action::NextWeek => {
            v.week = v.week.next();
            (v.data, v.scroll) = (None, 0);
            let w = v.week;
            load(m, w)
        }
        Action::ThisWeek => {
            let w = Week::of(m.now.date());
            if v.week != w {
                v.week = w;
                (v.data, v.scroll) = (None, 0);
                return load(m, w);
            }
            Update::default()
        }
        Action::Down => {
            v.scroll = v.scroll.saturating_add(1).min(200);
            redraw
        }
        Action::Up => {
            v.scroll = v.scroll.saturating_sub(1);
            redraw
        }
        Action::Top => {
            v.scroll = 0;
            redraw
        }
        Action::Back => {
            m.screen = v.back_to;
            m.week_view = None;
            redraw
        }
        _ => Update::default(),
    }
}

/// The summary of `week` in the local time zone, with the work of the `recent` weeks up to
/// it (the Week screen's sparkline; `serein summary` needs only the week itself).
pub fn load_week(
    store: &Store,
    p: &WeekParams,
    week: Week,
    now: DateTime<Utc>,
    recent: usize,
) -> Result<WeekData> {
    let recent = recent.max(1);
    let first_recent = week.monday - Duration::weeks(recent as i64 - 1);
    // The week and the day before it, whole; before that (three weeks back for the weekend
    // flag, the sparkline's weeks, a Sunday-night session spilling into a Monday) only work
    // matters, plus anything long enough to run into the week: streamed, kept when needed.
    let from = week.load_from().min(first_recent - Duration::days(1));
    let day_before = week.monday - Duration::days(1);
    let mut sessions = store.sessions(day_before, week.sunday())?;
    store.for_each_ended_session(from, day_before - Duration::days(1), |r| {
        let work = r.kind == SessionKind::Focus && p.work_domains.iter().any(|d| d == r.domain);
        if work || !summary::within_its_day(r.local_date, r.utc_offset_s, r.ended) {
            sessions.push(r.to_session());
        }
    })?;
    let sessions = with_active(store, sessions)?;
    let timeboxes = store.range(week.monday, week.sunday())?;
    let after_hours_ids = store.after_hours_ids(week.monday - Duration::days(1), week.sunday())?;
    let tz = Local;
    let start = crate::domain::time::resolve(&tz, crate::domain::time::wall(week.monday, 0));
    let end = crate::domain::time::resolve(&tz, crate::domain::time::wall(week.next().monday, 0));
    let periods: Vec<_> = store
        .periods(start, end)?
        .into_iter()
        .map(|(s, e, ..)| (s, e))
        .collect();
    let work_domains: Vec<&str> = p.work_domains.iter().map(String::as_str).collect();
    let inputs = Inputs {
        sessions: &sessions,
        timeboxes: &timeboxes,
        work_domains: &work_domains,
        schedule: &p.schedule,
        after_hours_ids: &after_hours_ids,
        offline_periods: &periods,
        breathing_goal_per_day: p.breathing_goal_per_day,
        coherence_titles: &p.coherence_titles,
        now,
    };
    let summary = summary::summarize_with(&inputs, week, &tz, &p.thresholds);
    let weeks: Vec<Week> = (0..recent as i64)
        .map(|i| Week::of(first_recent + Duration::weeks(i)))
        .collect();
    let work = summary::weekly_work_minutes(&sessions, &work_domains, &weeks, now, &tz);
    Ok(WeekData {
        summary,
        recent: weeks.into_iter().zip(work).collect(),
    })
}

/// Totals of `from..=to` for `serein summary --from --to`.
pub fn load_range(
    store: &Store,
    p: &WeekParams,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<summary::RangeSummary> {
    // The day before: a session that started then may spill past midnight into the range.
    // Years of history: rows are streamed into the totals; only the rare session crossing
    // midnight is built whole and split.
    let work_domains: Vec<&str> = p.work_domains.iter().map(String::as_str).collect();
    let mut b = summary::RangeBuilder::new(&work_domains, &p.coherence_titles, from, to);
    store.for_each_ended_session(from - Duration::days(1), to, |r| {
        if summary::within_its_day(r.local_date, r.utc_offset_s, r.ended) {
            let coherent = r.kind == SessionKind::Breathing
                && r.reason == EndReason::Finished
                && b.is_coherence_title(r.title);
            b.add_within_day(r.kind, r.domain, coherent, r.local_date, r.actual_s());
        } else {
            b.add(&r.to_session(), now, &Local);
        }
    })?;
    if let Some(a) = store.active_session()? {
        b.add(&a, now, &Local);
    }
    Ok(b.finish())
}

/// `sessions` plus the running one if it started before them (a timer left running since
/// Friday still counts on Monday).
fn with_active(store: &Store, mut sessions: Vec<Session>) -> Result<Vec<Session>> {
    if let Some(a) = store.active_session()?
        && !sessions.iter().any(|s| s.id == a.id)
    {
        sessions.insert(0, a);
    }
    Ok(sessions)
}

/// The review screen's state: the form, the weeks before it (for trends) and the numbers.
#[derive(Debug, Clone)]
pub struct ReviewView {
    pub form: ReviewForm,
    /// Saved reviews of the weeks up to this one (for the 4-week trends).
    pub history: Vec<Review>,
    /// The week's numbers, once read.
    pub summary: Option<WeekSummary>,
    /// Where leaving goes back to.
    pub back_to: Screen,
    /// Opened by `serein review`: leaving quits.
    pub standalone: bool,
}

/// Opens the review of `week` (blank until the store answers with a saved one).
pub fn open_review(m: &mut Model, week: Week, standalone: bool) -> Update {
    let back_to = match m.screen {
        Screen::Review => m.review.as_ref().map_or(Screen::Today, |r| r.back_to),
        s => s,
    };
    // Opened from the Week screen on the week it shows: its numbers are already here.
    let shown = m
        .week_view
        .as_ref()
        .filter(|v| v.week == week)
        .and_then(|v| v.data.as_ref())
        .map(|d| d.summary.clone());
    let mut effects = vec![Effect::LoadReview(week)];
    if shown.is_none() {
        effects.push(Effect::LoadWeek(week, Arc::clone(&m.week_params)));
    }
    m.review = Some(ReviewView {
        form: ReviewForm::new(Review::new(week, m.now_utc)),
        history: Vec::new(),
        summary: shown,
        back_to,
        standalone,
    });
    m.screen = Screen::Review;
    Update {
        redraw: true,
        effects,
    }
}

/// The saved review of `week` (if any) and the reviews before it.
pub fn review_loaded(
    m: &mut Model,
    week: Week,
    review: Option<Review>,
    history: Vec<Review>,
) -> Update {
    let now = m.now_utc;
    match &mut m.review {
        Some(v) if v.form.review.week == week => {
            v.form = ReviewForm::new(review.unwrap_or_else(|| Review::new(week, now)));
            v.history = history;
            Update {
                redraw: true,
                effects: Vec::new(),
            }
        }
        _ => Update::default(),
    }
}

/// Keys on the review screen: the form resolves them through the key table (and takes text
/// and digits as typed); help is opened here.
pub fn review_key(m: &mut Model, k: KeyEvent) -> Update {
    let Some(v) = m.review.as_mut() else {
        return Update::default();
    };
    let redraw = |effects| Update {
        redraw: true,
        effects,
    };
    match v.form.key(&m.keymap, k) {
        FormOutcome::Nothing => Update::default(),
        FormOutcome::Redraw => redraw(Vec::new()),
        FormOutcome::Help => {
            m.mode = crate::app::model::Mode::Help;
            redraw(Vec::new())
        }
        FormOutcome::Changed => {
            v.form.review.updated = m.now_utc;
            redraw(vec![Effect::SaveReview(v.form.review.clone())])
        }
        FormOutcome::Leave => {
            let (back, standalone) = (v.back_to, v.standalone);
            m.review = None;
            m.screen = back;
            if standalone {
                return redraw(vec![Effect::Quit]);
            }
            // Back on the Week screen, its numbers may have changed meanwhile.
            match (&m.week_view, back) {
                (Some(w), Screen::Week) => {
                    redraw(vec![Effect::LoadWeek(w.week, Arc::clone(&m.week_params))])
                }
                _ => redraw(Vec::new()),
            }
        }
        outcome @ (FormOutcome::PrevWeek | FormOutcome::NextWeek) => {
            let week = v.form.review.week;
            let to = if outcome == FormOutcome::PrevWeek {
                week.prev()
            } else {
                week.next()
            };
            let standalone = v.standalone;
            open_review(m, to, standalone)
        }
    }
}
