//! `update::next_event`: everything due wakes the loop on time, however close it is.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use serein::app::update::next_event;
use serein::domain::policy::Dnd;
use serein::domain::time::Now;

use crate::model_at;

fn at(h: u32, m: u32, s: u32, ms: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_milli_opt(h, m, s, ms)
        .unwrap()
}

/// A change of the offline state less than a second away (a schedule edge at 19:00 seen from
/// 18:59:59.4) is still due then, not a heartbeat or a minute later.
#[test]
fn an_offline_edge_under_a_second_away_is_due() {
    let local = at(18, 59, 59, 400);
    let mut m = model_at(local);
    let edge = at(19, 0, 0, 0).and_utc();
    m.offline.dnd_desired = Some(Dnd {
        on: false,
        reason: None,
        until: Some(edge),
    });
    assert_eq!(next_event(&m, Now::from(local)), Some(edge));
}

/// A breathing reminder put off with `z` comes back when the snooze ends, not at the next
/// minute tick after it.
#[test]
fn the_end_of_a_snooze_is_due() {
    let local = at(10, 0, 0, 0);
    let mut m = model_at(local);
    let end = at(10, 14, 30, 0);
    m.breathe.snoozed_until = Some(end);
    m.status = None;
    assert_eq!(
        next_event(&m, Now::from(local)),
        Some(end.and_utc()),
        "due at the snooze's end"
    );
    // Once it has passed it is no longer due.
    assert_eq!(next_event(&m, Now::from(end + TimeDelta::seconds(1))), None);
}
