//! The Week screen's and the review screen's decisions (pure, beside `update`). The shell
//! loads a week's summary (`store::summary`) when asked with `Effect::LoadWeek`.

use std::sync::Arc;

use crossterm::event::KeyEvent;

use crate::app::model::{Model, Screen};
use crate::app::msg::Effect;
use crate::app::review::{FormOutcome, ReviewForm};
use crate::app::update::Update;
use crate::domain::review::Review;
use crate::domain::summary::{Week, WeekSummary};
pub use crate::domain::summary::{WeekData, WeekParams};
use crate::keys::Action;

/// Weeks in the Week screen's sparkline of work hours, this one included.
pub const RECENT_WEEKS: usize = 12;

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
    let week = Week::of(m.today.date);
    let back_to = match m.screen {
        Screen::Week | Screen::Review => Screen::Today,
        s => s,
    };
    m.week = Some(WeekView {
        week,
        data: None,
        scroll: 0,
        back_to,
    });
    m.screen = Screen::Week;
    load(m, week)
}

fn load(m: &mut Model, week: Week) -> Update {
    Update {
        redraw: true,
        effects: vec![Effect::LoadWeek(week, params_for(m, week))],
    }
}

/// The summary params for `week`, with the calendars' meetings around it (as last read by the
/// shell; expanded here, never while drawing). Kept as `m.week_params`, so the re-reads after
/// another process's writes count them too. Without calendars nothing is expanded.
pub fn params_for(m: &mut Model, week: Week) -> Arc<WeekParams> {
    let loaded = &m.today.calendars.loaded;
    if loaded.is_empty() && m.week_params.meetings.is_empty() {
        return Arc::clone(&m.week_params);
    }
    let (first, last) = crate::domain::summary::meeting_span(week, RECENT_WEEKS);
    let meetings = loaded
        .iter()
        .flat_map(|l| l.meetings(first, last, &m.zone))
        .collect();
    m.week_params = Arc::new(WeekParams {
        meetings,
        ..(*m.week_params).clone()
    });
    Arc::clone(&m.week_params)
}

/// The calendars were read again: the Week screen's (or the review's) numbers follow.
pub fn calendars_changed(m: &mut Model) -> Vec<Effect> {
    let week = match m.screen {
        Screen::Week => m.week.as_ref().map(|v| v.week),
        Screen::Review => m.review.as_ref().map(|r| r.form.review.week),
        _ => None,
    };
    match week {
        Some(w) => vec![Effect::LoadWeek(w, params_for(m, w))],
        None => Vec::new(),
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
    match &mut m.week {
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
    let Some(v) = m.week.as_mut() else {
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
            m.week = None;
            redraw
        }
        _ => Update::default(),
    }
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
        .week
        .as_ref()
        .filter(|v| v.week == week)
        .and_then(|v| v.data.as_ref())
        .map(|d| d.summary.clone());
    let mut effects = vec![Effect::LoadReview(week)];
    if shown.is_none() {
        effects.push(Effect::LoadWeek(week, params_for(m, week)));
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
            match (&m.week, back) {
                (Some(w), Screen::Week) => {
                    let week = w.week;
                    redraw(vec![Effect::LoadWeek(week, params_for(m, week))])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Loaded, Source, ics};

    const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@test\r\n\
DTSTART:20261117T090000Z\r\nDTEND:20261117T100000Z\r\nSUMMARY:Review\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

    fn model() -> Model {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
        Model::new(
            crate::config::Config::default(),
            crate::keys::Keymap::default(),
            day.and_hms_opt(9, 0, 0).unwrap(),
        )
    }

    fn week_params(u: &Update) -> Arc<WeekParams> {
        u.effects
            .iter()
            .find_map(|e| match e {
                Effect::LoadWeek(_, p) => Some(Arc::clone(p)),
                _ => None,
            })
            .expect("a LoadWeek")
    }

    #[test]
    fn the_week_is_loaded_with_the_calendars_meetings() {
        let mut m = model();
        // No calendar: the params are the config's, nothing expanded.
        let u = open(&mut m);
        assert!(week_params(&u).meetings.is_empty());
        assert!(Arc::ptr_eq(&week_params(&u), &m.week_params));
        m.today.calendars.loaded.push(Loaded {
            source: Source {
                name: "work".into(),
                path: "/x.ics".into(),
                domain: "work".into(),
            },
            events: ics::parse(ICS).unwrap(),
            modified: None,
        });
        // The calendars arrive while the Week screen is open: it is loaded again, with them.
        let effects = calendars_changed(&mut m);
        let p = week_params(&Update {
            redraw: true,
            effects,
        });
        assert_eq!(p.meetings.len(), 1);
        assert_eq!(p.meetings[0].title, "Review");
        // Going to another week expands that week's.
        let u = action(&mut m, Action::NextWeek);
        assert!(
            week_params(&u).meetings.len() == 1,
            "still within 12 weeks back"
        );
        m.screen = Screen::Today;
        assert!(calendars_changed(&mut m).is_empty());
    }
}
