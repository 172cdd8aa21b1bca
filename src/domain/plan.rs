//! Timeboxes and the day plan: pure operations, no I/O, no clock reads.
//!
//! A plan is an intention in local wall-clock time, so a box stores its local date and
//! start/end as minutes since local midnight. Real (DST-aware) durations are derived with
//! [`crate::domain::time`] when they matter.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Minutes in a day; a box may end at 24:00 but never crosses midnight.
pub const DAY_MINUTES: u16 = 24 * 60;
/// The shortest box the planner accepts.
pub const MIN_BOX_MINUTES: u16 = 5;

/// What a box is for: focused work on one task, or a break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Focus,
    Break,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Focus => "focus",
            Kind::Break => "break",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "focus" => Some(Kind::Focus),
            "break" => Some(Kind::Break),
            _ => None,
        }
    }
}

/// A block of time on one local day for one task, tagged with a life domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timebox {
    pub id: i64,
    pub date: NaiveDate,
    /// Minutes since local midnight, `0..DAY_MINUTES`.
    pub start: u16,
    /// Minutes since local midnight, `start < end <= DAY_MINUTES`.
    pub end: u16,
    pub title: String,
    /// Domain name, one of the configured domains (e.g. `work`).
    pub domain: String,
    pub kind: Kind,
    /// Marked done by the user, or by a focus session finished on it.
    pub done: bool,
}

/// A box not yet stored: what the parser and templates produce once placed on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTimebox {
    pub date: NaiveDate,
    pub start: u16,
    pub end: u16,
    pub title: String,
    pub domain: String,
    pub kind: Kind,
}

/// One write to the plan, applied at once by the store (`Store::apply`).
///
/// Applied in this order: `delete`, then `upsert` (keeping each box's id — how undo restores a
/// deleted box), then `patch`, then `insert`. If any part fails, nothing is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// Boxes written whole with their own id: updated if the id exists, re-created if not.
    pub upsert: Vec<Timebox>,
    /// Edits of stored boxes: only the columns named are written, so another process's change
    /// to the others (a title renamed by the CLI a moment ago) survives. Unknown ids are ignored.
    pub patch: Vec<Patch>,
    /// New boxes; their ids are returned in this order.
    pub insert: Vec<NewTimebox>,
    /// Ids to delete; unknown ids are ignored.
    pub delete: Vec<i64>,
}

/// Some columns of one stored box, the ones an edit changed; `None` leaves a column as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patch {
    pub id: i64,
    pub date: Option<NaiveDate>,
    pub start: Option<u16>,
    pub end: Option<u16>,
    pub title: Option<String>,
    pub domain: Option<String>,
    pub kind: Option<Kind>,
    pub done: Option<bool>,
}

impl Patch {
    /// The columns of `after` that differ from `before` (the same box, by `after`'s id).
    pub fn between(before: &Timebox, after: &Timebox) -> Patch {
        fn changed<T: PartialEq + Clone>(a: &T, b: &T) -> Option<T> {
            (a != b).then(|| b.clone())
        }
        Patch {
            id: after.id,
            date: changed(&before.date, &after.date),
            start: changed(&before.start, &after.start),
            end: changed(&before.end, &after.end),
            title: changed(&before.title, &after.title),
            domain: changed(&before.domain, &after.domain),
            kind: changed(&before.kind, &after.kind),
            done: changed(&before.done, &after.done),
        }
    }

    /// True when it names no column: writing it would change nothing.
    pub fn is_empty(&self) -> bool {
        *self
            == Patch {
                id: self.id,
                ..Patch::default()
            }
    }
}

impl Timebox {
    /// Planned wall-clock length in minutes.
    pub fn minutes(&self) -> u16 {
        self.end - self.start
    }

    pub fn overlaps(&self, other: &Timebox) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn from_new(id: i64, n: NewTimebox) -> Timebox {
        Timebox {
            id,
            date: n.date,
            start: n.start,
            end: n.end,
            title: n.title,
            domain: n.domain,
            kind: n.kind,
            done: false,
        }
    }

    /// The box as a new one to insert (for copies).
    fn to_new(&self) -> NewTimebox {
        NewTimebox {
            date: self.date,
            start: self.start,
            end: self.end,
            title: self.title.clone(),
            domain: self.domain.clone(),
            kind: self.kind,
        }
    }
}

/// Formats minutes since midnight as `HH:MM` (`24:00` for the end of the day).
pub fn hhmm(min: u16) -> String {
    format!("{:02}:{:02}", min / 60, min % 60)
}

/// Formats a duration compactly: `45m`, `2h`, `1h30`.
pub fn dur(min: u32) -> String {
    match (min / 60, min % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

/// Why a plan operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("a box can't cross midnight (it would span {0}); split it into two boxes")]
    CrossesMidnight(String),
    #[error("a box can't start before 00:00")]
    BeforeMidnight,
    #[error("a box must last at least {MIN_BOX_MINUTES} minutes")]
    TooShort,
    #[error("no free slot of {} left on this day", dur(u32::from(*.0)))]
    NoFreeSlot(u16),
    #[error("no box with id {0} on this day")]
    NoSuchBox(i64),
    #[error("{}", no_room_text(.0))]
    NoRoom(Box<NoRoom>),
}

/// `45m Title` found no room inside the working hours (outside offline hours): what was
/// searched, and the first free time on the day past that, with why it was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoRoom {
    pub len: u16,
    pub date: NaiveDate,
    /// The stretch searched: the working hours (from now, today).
    pub from: u16,
    pub to: u16,
    /// The first free `len` on the day outside that stretch or in offline hours, if any.
    pub first: Option<u16>,
    /// The offline window (wall `from`, `to`; `to < from` runs past midnight) `first` falls in.
    pub offline: Option<(u16, u16)>,
    /// The line to type to place it there anyway (`18:30 45m Title #home`).
    pub retry: String,
}

/// The message for [`PlanError::NoRoom`] (one place, for the localisation sweep).
fn no_room_text(n: &NoRoom) -> String {
    let day = n.date.format("%a %-d %b");
    let len = dur(u32::from(n.len));
    let mut t = if n.from < n.to {
        format!(
            "no free {len} between {} and {} on {day}",
            hhmm(n.from),
            hhmm(n.to)
        )
    } else {
        format!(
            "no free {len} left in your working hours (they end at {}) on {day}",
            hhmm(n.to)
        )
    };
    match (n.first, n.offline) {
        (Some(f), Some((a, b))) => t.push_str(&format!(
            "; {}–{} is in your offline hours {}–{} — give a time to place it anyway: `{}`",
            hhmm(f),
            hhmm(f + n.len),
            hhmm(a),
            hhmm(b),
            n.retry
        )),
        (Some(f), None) => t.push_str(&format!(
            "; the first free time is {}, {} your working hours — give a time to place it anyway: `{}`",
            hhmm(f),
            if f < n.from { "before" } else { "after" },
            n.retry
        )),
        (None, _) => t.push_str(", nor anywhere else that day"),
    }
    t
}

/// Ids of every box that overlaps at least one other box.
pub fn overlapping_ids(boxes: &[Timebox]) -> Vec<i64> {
    let mut ids = Vec::new();
    for (i, a) in boxes.iter().enumerate() {
        if boxes
            .iter()
            .enumerate()
            .any(|(j, b)| i != j && a.overlaps(b))
        {
            ids.push(a.id);
        }
    }
    ids
}

/// Free `(start, end)` intervals between `from` and `to` not covered by any box.
pub fn gaps(boxes: &[Timebox], from: u16, to: u16) -> Vec<(u16, u16)> {
    free(boxes.iter().map(|b| (b.start, b.end)).collect(), from, to)
}

/// Free intervals between `from` and `to` outside the `covered` spans.
fn free(mut covered: Vec<(u16, u16)>, from: u16, to: u16) -> Vec<(u16, u16)> {
    covered.sort();
    let mut out = Vec::new();
    let mut cursor = from;
    for (s, e) in covered {
        if s > cursor && cursor < to {
            out.push((cursor, s.min(to)));
        }
        cursor = cursor.max(e);
    }
    if cursor < to {
        out.push((cursor, to));
    }
    out
}

/// Start of the first free slot of `len` minutes at or after `from` (rounded up to 5 min),
/// ending by midnight.
fn next_free_slot(boxes: &[Timebox], from: u16, len: u16) -> Result<u16, PlanError> {
    next_free_around(boxes, &[], from, len)
}

/// [`next_free_slot`] that also keeps out of `busy` spans (meetings).
fn next_free_around(
    boxes: &[Timebox],
    busy: &[(u16, u16)],
    from: u16,
    len: u16,
) -> Result<u16, PlanError> {
    let from = from.div_ceil(5) * 5;
    let covered = boxes
        .iter()
        .map(|b| (b.start, b.end))
        .chain(busy.iter().copied())
        .collect();
    free(covered, from.min(DAY_MINUTES), DAY_MINUTES)
        .into_iter()
        .find(|(s, e)| e - s >= len)
        .map(|(s, _)| s)
        .ok_or(PlanError::NoFreeSlot(len))
}

/// Checks that `start..end` is a valid box on one day.
pub fn check_span(start: i32, end: i32) -> Result<(u16, u16), PlanError> {
    if start < 0 {
        return Err(PlanError::BeforeMidnight);
    }
    if end > i32::from(DAY_MINUTES) {
        let s = start.rem_euclid(1440) as u16;
        let e = end.rem_euclid(1440) as u16;
        return Err(PlanError::CrossesMidnight(format!(
            "{}-{}",
            hhmm(s),
            hhmm(e)
        )));
    }
    if end - start < i32::from(MIN_BOX_MINUTES) {
        return Err(PlanError::TooShort);
    }
    Ok((start as u16, end as u16))
}

/// The box moved by `delta` minutes, keeping its length.
pub fn moved(b: &Timebox, delta: i32) -> Result<Timebox, PlanError> {
    let (start, end) = check_span(i32::from(b.start) + delta, i32::from(b.end) + delta)?;
    Ok(Timebox {
        start,
        end,
        ..b.clone()
    })
}

/// The box moved so that it starts at `start`, keeping its length.
pub fn moved_to(b: &Timebox, start: u16) -> Result<Timebox, PlanError> {
    moved(b, i32::from(start) - i32::from(b.start))
}

/// The box with its end moved by `delta` minutes.
pub fn resized(b: &Timebox, delta: i32) -> Result<Timebox, PlanError> {
    let (start, end) = check_span(i32::from(b.start), i32::from(b.end) + delta)?;
    Ok(Timebox {
        start,
        end,
        ..b.clone()
    })
}

/// Shifts the box `id` and every box starting at or after it by `delta` minutes.
/// Returns the changed boxes; refuses the whole shift if any box would leave the day.
pub fn shifted(boxes: &[Timebox], id: i64, delta: i32) -> Result<Vec<Timebox>, PlanError> {
    let pivot = boxes
        .iter()
        .find(|b| b.id == id)
        .ok_or(PlanError::NoSuchBox(id))?;
    boxes
        .iter()
        .filter(|b| b.id == id || b.start > pivot.start || (b.start == pivot.start && b.id > id))
        .map(|b| moved(b, delta))
        .collect()
}

/// Wall-clock spans of focus boxes in the given work domains, overlaps merged.
fn work_spans(boxes: &[Timebox], work_domains: &[&str]) -> Vec<(u16, u16)> {
    let mut spans: Vec<(u16, u16)> = boxes
        .iter()
        .filter(|b| b.kind == Kind::Focus && work_domains.contains(&b.domain.as_str()))
        .map(|b| (b.start, b.end))
        .collect();
    spans.sort();
    let mut merged: Vec<(u16, u16)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Planned minutes of focus boxes in the given work domains, counting overlapping time once,
/// in real minutes on `tz` (a DST night is shorter or longer than its wall-clock span).
pub fn work_minutes_in<Tz: chrono::TimeZone>(
    boxes: &[Timebox],
    work_domains: &[&str],
    date: NaiveDate,
    tz: &Tz,
) -> u32 {
    work_spans(boxes, work_domains)
        .iter()
        .map(|(s, e)| crate::domain::time::real_minutes(tz, date, *s, *e).max(0) as u32)
        .sum()
}

/// Real length of a box on `tz`, in minutes.
pub fn real_len<Tz: chrono::TimeZone>(b: &Timebox, tz: &Tz) -> u32 {
    crate::domain::time::real_minutes(tz, b.date, b.start, b.end).max(0) as u32
}

/// Places a parsed draft on `date`: spans keep their times, `45m Title` goes to the first free
/// slot at or after `from`. Boxes without a `#domain` get `default_domain`.
pub fn place(
    d: &crate::domain::parse::Draft,
    existing: &[Timebox],
    date: NaiveDate,
    from: u16,
    default_domain: &str,
) -> Result<NewTimebox, PlanError> {
    place_around(d, existing, &[], date, from, default_domain)
}

/// [`place`] with `busy` spans (the day's meetings, `(start, end)` minutes) that a
/// `45m Title` line must not land on; spans with times keep them.
pub fn place_around(
    d: &crate::domain::parse::Draft,
    existing: &[Timebox],
    busy: &[(u16, u16)],
    date: NaiveDate,
    from: u16,
    default_domain: &str,
) -> Result<NewTimebox, PlanError> {
    use crate::domain::parse::When;
    let (start, end) = match d.when {
        When::Span { start, end } => check_span(i32::from(start), i32::from(end))?,
        When::StartFor { start, len } => {
            check_span(i32::from(start), i32::from(start) + i32::from(len))?
        }
        When::For { len } => {
            let s = next_free_around(existing, busy, from, len)?;
            (s, s + len)
        }
    };
    Ok(NewTimebox {
        date,
        start,
        end,
        title: d.title.clone(),
        domain: d
            .domain
            .clone()
            .unwrap_or_else(|| default_domain.to_string()),
        kind: d.kind,
    })
}

/// Offline wall-clock time on one local day, `start..end` minutes, and the whole offline
/// window it is part of (wall `from`, `to`; `to < from` runs past midnight), for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfflineSpan {
    pub start: u16,
    pub end: u16,
    pub window: (u16, u16),
}

/// The offline hours of `schedule` on local `date` in `tz`, in wall minutes of that day (a
/// window across midnight gives a piece at each end; DST days are read through the
/// schedule's own instants, so the pieces agree with when Do-Not-Disturb really turns on).
pub fn offline_spans<Tz: chrono::TimeZone>(
    schedule: &crate::domain::offline::OfflineSchedule,
    tz: &Tz,
    date: NaiveDate,
) -> Vec<OfflineSpan> {
    use crate::domain::time::{minute_of_day, resolve, wall};
    let day = chrono::Duration::days(1);
    let at = |d: NaiveDate| resolve(tz, wall(d, 0));
    let (lo, day_start, day_end, hi) =
        (at(date - day), at(date), at(date + day), at(date + day * 2));
    let wall_of =
        |t: chrono::DateTime<chrono::Utc>| minute_of_day(t.with_timezone(tz).naive_local());
    let mut out = Vec::new();
    let mut t = lo;
    let mut off = schedule.is_offline(tz, t);
    while t < hi {
        let next = schedule
            .next_change(tz, t)
            .filter(|n| *n < hi)
            .unwrap_or(hi);
        if off && t < day_end && next > day_start {
            out.push(OfflineSpan {
                start: if t <= day_start { 0 } else { wall_of(t) },
                end: if next >= day_end {
                    DAY_MINUTES
                } else {
                    wall_of(next)
                },
                window: (wall_of(t), wall_of(next)),
            });
        }
        t = next;
        off = !off;
    }
    out
}

/// Where a `45m Title` line may go: from `from` (now, today) inside the working hours
/// `day_start..day_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub from: u16,
    pub day_start: u16,
    pub day_end: u16,
}

/// A box placed by [`place_in_hours`], and the offline window it sits in, if any (only a line
/// with times can land there: it is kept, and the caller warns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub new: NewTimebox,
    pub offline: Option<(u16, u16)>,
}

/// Places a parsed draft on `date`. A line with times keeps them (and says when they are in
/// offline hours). `45m Title` goes to the first free gap inside the working hours that fits,
/// keeping out of boxes, `busy` spans (meetings) and offline hours; with no such gap it is
/// refused ([`PlanError::NoRoom`]), naming the first free time on the day and why it was not
/// taken, so nothing lands after hours silently.
pub fn place_in_hours(
    d: &crate::domain::parse::Draft,
    existing: &[Timebox],
    busy: &[(u16, u16)],
    offline: &[OfflineSpan],
    date: NaiveDate,
    hours: Hours,
    default_domain: &str,
) -> Result<Placed, PlanError> {
    use crate::domain::parse::When;
    let in_offline = |s: u16, e: u16| {
        offline
            .iter()
            .find(|o| o.start < e && s < o.end)
            .map(|o| o.window)
    };
    let domain = d
        .domain
        .clone()
        .unwrap_or_else(|| default_domain.to_string());
    let (start, end) = match d.when {
        When::Span { .. } | When::StartFor { .. } => {
            let nb = place_around(d, existing, busy, date, hours.from, default_domain)?;
            let offline = in_offline(nb.start, nb.end);
            return Ok(Placed { new: nb, offline });
        }
        When::For { len } => {
            let from = hours.from.max(hours.day_start).div_ceil(5) * 5;
            let covered: Vec<(u16, u16)> = existing
                .iter()
                .map(|b| (b.start, b.end))
                .chain(busy.iter().copied())
                .collect();
            let with_offline = covered
                .iter()
                .copied()
                .chain(offline.iter().map(|o| (o.start, o.end)))
                .collect();
            let to = hours.day_end.min(DAY_MINUTES);
            match free(with_offline, from.min(to), to)
                .into_iter()
                .find(|(s, e)| e - s >= len)
            {
                Some((s, _)) => (s, s + len),
                None => {
                    let first = free(covered, hours.from.div_ceil(5) * 5, DAY_MINUTES)
                        .into_iter()
                        .find(|(s, e)| e - s >= len)
                        .map(|(s, _)| s);
                    let retry = crate::domain::parse::format(&crate::domain::parse::Draft {
                        when: When::StartFor {
                            start: first.unwrap_or(from),
                            len,
                        },
                        ..d.clone()
                    });
                    return Err(PlanError::NoRoom(Box::new(NoRoom {
                        len,
                        date,
                        from: from.min(to),
                        to,
                        first,
                        offline: first.and_then(|f| in_offline(f, f + len)),
                        retry,
                    })));
                }
            }
        }
    };
    Ok(Placed {
        new: NewTimebox {
            date,
            start,
            end,
            title: d.title.clone(),
            domain,
            kind: d.kind,
        },
        offline: None,
    })
}

/// Places several drafts in order (a template), each seeing the ones placed before it, and
/// leaves out those already on the day ([`place_template`]): applying a template twice adds
/// nothing the second time.
pub fn place_all(
    drafts: &[crate::domain::parse::Draft],
    existing: &[Timebox],
    date: NaiveDate,
    from: u16,
    default_domain: &str,
) -> Result<Vec<NewTimebox>, PlanError> {
    place_template(drafts, existing, date, from, default_domain).map(|t| t.placed)
}

/// A template placed on a day: the boxes to add, and the stored boxes that made a line
/// unnecessary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Templated {
    pub placed: Vec<NewTimebox>,
    /// Boxes already on the day that a template line would have duplicated, in line order.
    pub skipped: Vec<Timebox>,
}

/// Whether `b` is what `d` would add: same title, domain and kind, and the same times (a line
/// with times) or the same length anywhere (a `45m Title` line, which may have found any
/// free slot).
fn same_as_draft(b: &Timebox, d: &crate::domain::parse::Draft, default_domain: &str) -> bool {
    use crate::domain::parse::When;
    let domain = d.domain.as_deref().unwrap_or(default_domain);
    let when = match d.when {
        When::Span { start, end } => b.start == start && b.end == end,
        When::StartFor { start, len } => b.start == start && b.minutes() == len,
        When::For { len } => b.minutes() == len,
    };
    when && b.title == d.title && b.domain == domain && b.kind == d.kind
}

/// Places a template's drafts in order, each seeing the ones placed before it. A line whose
/// box is already on the day (same title, domain, kind and times — or length, for a line
/// without times) is skipped: each stored box stands for one line at most.
pub fn place_template(
    drafts: &[crate::domain::parse::Draft],
    existing: &[Timebox],
    date: NaiveDate,
    from: u16,
    default_domain: &str,
) -> Result<Templated, PlanError> {
    place_template_around(drafts, existing, &[], date, from, default_domain)
}

/// [`place_template`] keeping `45m Title` lines out of `busy` spans (meetings).
pub fn place_template_around(
    drafts: &[crate::domain::parse::Draft],
    existing: &[Timebox],
    busy: &[(u16, u16)],
    date: NaiveDate,
    from: u16,
    default_domain: &str,
) -> Result<Templated, PlanError> {
    let mut seen: Vec<Timebox> = existing.to_vec();
    let mut unused: Vec<&Timebox> = existing.iter().collect();
    let mut out = Templated::default();
    for d in drafts {
        if let Some(i) = unused
            .iter()
            .position(|b| same_as_draft(b, d, default_domain))
        {
            out.skipped.push(unused.remove(i).clone());
            continue;
        }
        let nb = place_around(d, &seen, busy, date, from, default_domain)?;
        seen.push(Timebox::from_new(-1, nb.clone()));
        out.placed.push(nb);
    }
    Ok(out)
}

/// Copies the unfinished boxes of another day onto `date`: at the same time when that is
/// free, else in the first free slot from `from`, else at the same time (flagged as overlap).
/// Boxes already copied (same title and times) are not copied twice.
pub fn copy_unfinished(
    source: &[Timebox],
    target: &[Timebox],
    date: NaiveDate,
    from: u16,
) -> Vec<NewTimebox> {
    let mut seen: Vec<Timebox> = target.to_vec();
    let mut out = Vec::new();
    for b in source.iter().filter(|b| !b.done) {
        // A copy may have moved to a free slot, so "already there" is the same title and
        // length, not the same times.
        if target
            .iter()
            .any(|t| t.title == b.title && t.minutes() == b.minutes())
        {
            continue;
        }
        let same = Timebox {
            id: -1,
            date,
            done: false,
            ..b.clone()
        };
        let placed = if !seen.iter().any(|t| t.overlaps(&same)) {
            same
        } else {
            match next_free_slot(&seen, from, b.minutes()) {
                Ok(s) => Timebox {
                    start: s,
                    end: s + b.minutes(),
                    ..same
                },
                Err(_) => same,
            }
        };
        out.push(placed.to_new());
        seen.push(placed);
    }
    out
}

/// Parses a shift amount: `30`, `30m`, `-15`, `+1h`, `-1h30`.
pub fn parse_delta(s: &str) -> Option<i32> {
    let s = s.trim();
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, s.strip_prefix('+').unwrap_or(s)),
    };
    let minutes = match rest.parse::<u16>() {
        Ok(m) => m,
        Err(_) => crate::domain::parse::parse_duration(rest)?,
    };
    (minutes > 0 && minutes <= DAY_MINUTES).then_some(sign * i32::from(minutes))
}

/// The box to run after `current` (or, with none, after minute `now`): the first box not
/// done that starts after it, in plan order.
pub fn next_box(boxes: &[Timebox], current: Option<i64>, now: u16) -> Option<&Timebox> {
    match current.and_then(|id| boxes.iter().position(|b| b.id == id)) {
        Some(i) => boxes[i + 1..].iter().find(|b| !b.done),
        None => boxes.iter().find(|b| !b.done && b.end > now),
    }
}

/// A plain focus box for tests: `box {id}` in `work` on 2026-11-23.
#[cfg(test)]
pub(crate) fn test_box(id: i64, start: u16, end: u16) -> Timebox {
    Timebox {
        id,
        date: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date"),
        start,
        end,
        title: format!("box {id}"),
        domain: "work".into(),
        kind: Kind::Focus,
        done: false,
    }
}

#[cfg(test)]
mod tests {
    use super::test_box as tb;
    use super::*;

    /// `45m Title` skips meetings (busy spans) as it skips boxes; a line with times keeps them.
    #[test]
    fn placement_skips_meetings() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let boxes = vec![tb(1, 540, 600)];
        let busy = [(600, 660), (690, 720)];
        let names = ["work"];
        // (line, placed start..end)
        let cases = [
            ("45m Write", (720, 765)),
            ("30m Write", (660, 690)),
            ("10:00-10:30 Write", (600, 630)),
        ];
        for (line, want) in cases {
            let d = crate::domain::parse::parse(line, &names).unwrap();
            let nb = place_around(&d, &boxes, &busy, date, 540, "work").unwrap();
            assert_eq!((nb.start, nb.end), want, "{line}");
            let t = place_template_around(&[d], &boxes, &busy, date, 540, "work").unwrap();
            assert_eq!(
                (t.placed[0].start, t.placed[0].end),
                want,
                "{line} (template)"
            );
        }
    }

    /// Every day offline by `rule` (`"19:00-08:00"`).
    fn every_day(rule: &str) -> crate::domain::offline::OfflineSchedule {
        let r = crate::domain::offline::parse_rule(rule).unwrap();
        crate::domain::offline::OfflineSchedule::new(std::array::from_fn(|_| r.clone()))
    }

    #[test]
    fn offline_spans_of_a_day_and_a_dst_day() {
        use chrono_tz::Europe::Paris;
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let span = |o: &OfflineSpan| (o.start, o.end, o.window);
        // (rule, day, pieces)
        type Piece = (u16, u16, (u16, u16));
        let cases: [(&str, &str, Vec<Piece>); 4] = [
            (
                "19:00-08:00",
                "2026-12-03",
                vec![(0, 480, (1140, 480)), (1140, 1440, (1140, 480))],
            ),
            ("none", "2026-12-03", vec![]),
            ("all", "2026-12-03", vec![(0, 1440, (0, 0))]),
            // Paris springs forward at 02:00 on 29 March: 02:30 does not exist and resolves
            // to 03:30, when Do-Not-Disturb really ends.
            ("00:30-02:30", "2026-03-29", vec![(30, 210, (30, 210))]),
        ];
        for (rule, day, want) in cases {
            let got: Vec<_> = offline_spans(&every_day(rule), &Paris, d(day))
                .iter()
                .map(span)
                .collect();
            assert_eq!(got, want, "{rule} on {day}");
        }
    }

    /// `45m Title` stays inside the working hours and out of boxes, meetings (overlapping ones,
    /// one across midnight) and offline hours; a full day is refused with the first free time
    /// and why; a line with times keeps them and reports offline hours.
    #[test]
    fn placement_inside_working_hours() {
        use chrono_tz::Europe::Paris;
        let thu = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let dst = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let evening = offline_spans(&every_day("18:00-08:00"), &Paris, thu);
        let dst_night = offline_spans(&every_day("00:30-02:30"), &Paris, dst);
        let hours = |from, day_start, day_end| Hours {
            from,
            day_start,
            day_end,
        };
        let office = hours(480, 480, 1080);
        type Want = Result<((u16, u16), Option<(u16, u16)>), &'static str>;
        type Case<'a> = (
            &'a str,
            &'a str,
            Vec<Timebox>,
            Vec<(u16, u16)>,
            &'a [OfflineSpan],
            NaiveDate,
            Hours,
            Want,
        );
        // (what, line, boxes, meetings, offline, day, hours, placed or message part)
        let cases: Vec<Case> = vec![
            (
                "empty day",
                "45m Write",
                vec![],
                vec![],
                &[],
                thu,
                office,
                Ok(((480, 525), None)),
            ),
            (
                "overlapping meetings",
                "45m Write",
                vec![tb(1, 480, 540)],
                vec![(540, 600), (570, 630), (640, 700)],
                &[],
                thu,
                office,
                Ok(((700, 745), None)),
            ),
            (
                "the gap between meetings fits",
                "10m Write",
                vec![tb(1, 480, 540)],
                vec![(540, 600), (570, 630), (640, 700)],
                &[],
                thu,
                office,
                Ok(((630, 640), None)),
            ),
            (
                "from now, today",
                "30m Write",
                vec![],
                vec![],
                &[],
                thu,
                hours(601, 480, 1080),
                Ok(((605, 635), None)),
            ),
            (
                "a meeting across midnight (its piece on the next day)",
                "45m Write",
                vec![],
                vec![(0, 60)],
                &[],
                thu,
                hours(0, 0, 1080),
                Ok(((60, 105), None)),
            ),
            (
                "a meeting across midnight (its piece before midnight)",
                "45m Write",
                vec![],
                vec![(1380, 1440)],
                &[],
                thu,
                hours(1320, 1320, 1440),
                Ok(((1320, 1365), None)),
            ),
            (
                "DST day: offline until 02:30 that is 03:30",
                "45m Write",
                vec![],
                vec![],
                &dst_night,
                dst,
                hours(0, 0, 1440),
                Ok(((210, 255), None)),
            ),
            (
                "full day: the first free time is in offline hours",
                "45m Write #home",
                vec![tb(1, 480, 1110)],
                vec![],
                &evening,
                thu,
                office,
                Err(
                    "no free 45m between 08:00 and 18:00 on Thu 3 Dec; 18:30–19:15 is in your offline hours 18:00–08:00 — give a time to place it anyway: `18:30 +45m Write #home`",
                ),
            ),
            (
                "full day, no offline hours: after the working hours",
                "45m Write",
                vec![tb(1, 480, 1080)],
                vec![(1080, 1100)],
                &[],
                thu,
                office,
                Err(
                    "18:20, after your working hours — give a time to place it anyway: `18:20 +45m Write`",
                ),
            ),
            (
                "today, after the working hours",
                "45m Write",
                vec![],
                vec![],
                &[],
                thu,
                hours(1130, 480, 1080),
                Err(
                    "no free 45m left in your working hours (they end at 18:00) on Thu 3 Dec; the first free time is 18:50",
                ),
            ),
            (
                "nothing free at all",
                "45m Write",
                vec![tb(1, 0, 1440)],
                vec![],
                &[],
                thu,
                office,
                Err("nor anywhere else that day"),
            ),
            (
                "a time given in offline hours is kept",
                "18:30 45m Write",
                vec![],
                vec![],
                &evening,
                thu,
                office,
                Ok(((1110, 1155), Some((1080, 480)))),
            ),
            (
                "a time given over a meeting is kept",
                "09:00-10:00 Write",
                vec![],
                vec![(540, 570)],
                &evening,
                thu,
                office,
                Ok(((540, 600), None)),
            ),
        ];
        let names = ["work", "home"];
        for (what, line, boxes, busy, offline, day, h, want) in cases {
            let d = crate::domain::parse::parse(line, &names).unwrap();
            let got = place_in_hours(&d, &boxes, &busy, offline, day, h, "work");
            match (got, want) {
                (Ok(p), Ok((span, off))) => {
                    assert_eq!(((p.new.start, p.new.end), p.offline), (span, off), "{what}");
                    assert_eq!(p.new.date, day, "{what}");
                }
                (Err(e), Err(part)) => {
                    let e = e.to_string();
                    assert!(e.contains(part), "{what}: {e}");
                }
                (got, want) => panic!("{what}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn overlaps_and_gaps() {
        let boxes = vec![tb(1, 540, 600), tb(2, 570, 630), tb(3, 700, 760)];
        assert_eq!(overlapping_ids(&boxes), vec![1, 2]);
        assert_eq!(
            gaps(&boxes, 480, 1080),
            vec![(480, 540), (630, 700), (760, 1080)]
        );
        // Touching boxes do not overlap.
        assert!(overlapping_ids(&[tb(1, 540, 600), tb(2, 600, 660)]).is_empty());
        assert_eq!(gaps(&[], 480, 1080), vec![(480, 1080)]);
        // Boxes outside the range are clipped.
        assert_eq!(gaps(&[tb(1, 400, 500)], 480, 600), vec![(500, 600)]);
    }

    #[test]
    fn next_free_slot_cases() {
        let boxes = vec![tb(1, 540, 600), tb(2, 620, 700)];
        // (from, len, expected)
        let cases = [
            (480, 30, Ok(480)),
            (530, 30, Ok(700)),
            (600, 20, Ok(600)),
            (600, 25, Ok(700)),
            (541, 10, Ok(600)), // rounded up to 545, which is taken
            (1430, 15, Err(PlanError::NoFreeSlot(15))),
        ];
        for (from, len, want) in cases {
            assert_eq!(
                next_free_slot(&boxes, from, len),
                want,
                "from {from} len {len}"
            );
        }
    }

    #[test]
    fn move_resize_shift() {
        let b = tb(1, 540, 600);
        assert_eq!(moved(&b, 15).map(|b| (b.start, b.end)), Ok((555, 615)));
        assert_eq!(moved(&b, -540).map(|b| (b.start, b.end)), Ok((0, 60)));
        assert_eq!(moved(&b, -541), Err(PlanError::BeforeMidnight));
        assert!(matches!(moved(&b, 900), Err(PlanError::CrossesMidnight(_))));
        assert_eq!(resized(&b, -55).map(|b| b.end), Ok(545));
        assert_eq!(resized(&b, -56), Err(PlanError::TooShort));
        assert_eq!(moved_to(&b, 1380).map(|b| b.end), Ok(1440));

        let day = vec![
            tb(1, 480, 540),
            tb(2, 540, 600),
            tb(3, 600, 660),
            tb(4, 540, 560),
        ];
        let out = shifted(&day, 2, 30).unwrap();
        let ids: Vec<_> = out.iter().map(|b| (b.id, b.start)).collect();
        // Box 1 is earlier and stays; box 4 starts with box 2 but has a higher id.
        assert_eq!(ids, vec![(2, 570), (3, 630), (4, 570)]);
        assert!(shifted(&day, 3, 800).is_err());
        assert_eq!(shifted(&day, 9, 5), Err(PlanError::NoSuchBox(9)));
    }

    /// Planned wall-clock minutes of work focus boxes, overlaps once: `work_minutes_in`
    /// without the time zone.
    fn work_minutes(boxes: &[Timebox], work_domains: &[&str]) -> u32 {
        work_spans(boxes, work_domains)
            .iter()
            .map(|(s, e)| u32::from(e - s))
            .sum()
    }

    #[test]
    fn work_minutes_counts_overlap_once_and_skips_breaks() {
        let mut boxes = vec![tb(1, 540, 600), tb(2, 570, 630), tb(3, 700, 760)];
        boxes[2].kind = Kind::Break;
        assert_eq!(work_minutes(&boxes, &["work"]), 90);
        boxes[1].domain = "family".into();
        assert_eq!(work_minutes(&boxes, &["work"]), 60);
    }

    #[test]
    fn dst_nights_count_real_minutes() {
        use chrono_tz::Europe::Paris;
        // (date, wall minutes, real minutes) for a 01:30-03:30 work box.
        let cases = [
            ("2026-03-29", 120, 60),
            ("2026-10-25", 120, 180),
            ("2026-11-23", 120, 120),
        ];
        for (date, wall, real) in cases {
            let mut b = tb(1, 90, 210);
            b.date = date.parse().unwrap();
            let day = [b.clone()];
            assert_eq!(work_minutes(&day, &["work"]), wall, "{date}");
            assert_eq!(
                work_minutes_in(&day, &["work"], b.date, &Paris),
                real,
                "{date}"
            );
            assert_eq!(real_len(&b, &Paris), real, "{date}");
        }
    }

    #[test]
    fn midnight_edges() {
        assert_eq!(check_span(1380, 1440), Ok((1380, 1440)));
        assert!(
            matches!(check_span(1380, 1500), Err(PlanError::CrossesMidnight(s)) if s == "23:00-01:00")
        );
        assert_eq!(hhmm(1440), "24:00");
    }

    #[test]
    fn copy_unfinished_keeps_times_or_finds_room() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut src = vec![tb(1, 540, 600), tb(2, 600, 660), tb(3, 700, 730)];
        src[1].done = true;
        let target = vec![tb(9, 700, 760)];
        let out = copy_unfinished(&src, &target, date, 480);
        let spans: Vec<_> = out
            .iter()
            .map(|b| (b.title.as_str(), b.start, b.end))
            .collect();
        assert_eq!(spans, vec![("box 1", 540, 600), ("box 3", 480, 510)]);
        assert!(out.iter().all(|b| b.date == date));
        // Copying again adds nothing, even for the box that moved to 08:00.
        let mut target = target;
        target.extend(
            out.iter()
                .enumerate()
                .map(|(i, n)| Timebox::from_new(20 + i as i64, n.clone())),
        );
        assert!(copy_unfinished(&src, &target, date, 480).is_empty());
    }

    #[test]
    fn a_template_applied_twice_adds_nothing_the_second_time() {
        use crate::domain::parse::parse;
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let domains = ["work", "health"];
        let lines = [
            "09:00-10:30 Deep work #work",
            "30m Walk #health",
            "12:00 +1h Lunch #break",
            "30m Walk #health",
        ];
        let drafts: Vec<_> = lines.iter().map(|l| parse(l, &domains).unwrap()).collect();
        let first = place_template(&drafts, &[], date, 480, "work").unwrap();
        assert_eq!(first.placed.len(), 4);
        assert!(first.skipped.is_empty());
        let stored: Vec<Timebox> = first
            .placed
            .iter()
            .enumerate()
            .map(|(i, n)| Timebox::from_new(i as i64 + 1, n.clone()))
            .collect();
        let again = place_template(&drafts, &stored, date, 480, "work").unwrap();
        assert!(again.placed.is_empty(), "{:?}", again.placed);
        let ids: Vec<i64> = again.skipped.iter().map(|b| b.id).collect();
        assert_eq!(ids, vec![1, 2, 3, 4]);
        assert!(
            place_all(&drafts, &stored, date, 480, "work")
                .unwrap()
                .is_empty()
        );
        // A box moved since, or one of the two walks removed: only what is missing comes back.
        let mut moved = stored.clone();
        moved[0].start = 600;
        moved[0].end = 690;
        moved.remove(3);
        let third = place_template(&drafts, &moved, date, 480, "work").unwrap();
        let titles: Vec<(&str, u16)> = third
            .placed
            .iter()
            .map(|b| (b.title.as_str(), b.start))
            .collect();
        assert_eq!(titles, vec![("Deep work", 540), ("Walk", 510)]);
    }

    #[test]
    fn deltas() {
        let cases = [
            ("30", Some(30)),
            ("-15m", Some(-15)),
            ("+1h30", Some(90)),
            ("0", None),
            ("x", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_delta(s), want, "{s}");
        }
    }
}
