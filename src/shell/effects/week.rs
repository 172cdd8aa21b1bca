//! The Week screen's summary and the weekly review.

use super::{Effects, problem};
use crate::app::msg::Msg;
use crate::app::week::{RECENT_WEEKS, WeekParams};
use crate::domain::review::Review;
use crate::domain::summary::Week;
use crate::domain::time::Now;

impl Effects<'_> {
    pub(super) fn load_week(&mut self, week: Week, params: &WeekParams, now: Now) -> Vec<Msg> {
        match crate::store::summary::load_week(
            self.store,
            params,
            week,
            now.utc,
            &now.zone,
            RECENT_WEEKS,
        ) {
            Ok(data) => vec![Msg::WeekLoaded(week, Box::new(data))],
            Err(e) => problem("can't read the log", e),
        }
    }

    pub(super) fn load_review(&mut self, week: Week) -> Vec<Msg> {
        let from = crate::domain::review::trend_start(week);
        match (self.store.review(week), self.store.reviews(from, week)) {
            (Ok(review), Ok(history)) => vec![Msg::ReviewLoaded {
                week,
                review,
                history,
            }],
            (Err(e), _) | (_, Err(e)) => problem("can't read the review", e),
        }
    }

    pub(super) fn save_review(&mut self, r: &Review) -> Vec<Msg> {
        match self.store.save_review(r) {
            Ok(()) => Vec::new(),
            Err(e) => {
                tracing::error!("review not saved: {e}");
                vec![Msg::StoreFailed(e.to_string())]
            }
        }
    }
}
