//! Totals over any range of days, by domain and by ISO week (`serein summary --from --to`),
//! built one session at a time so years of history need no memory.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::Serialize;

use super::pieces::pieces;
use super::{Week, is_coherence, sorted};
use crate::domain::session::{Session, SessionKind};

/// Totals over a range of days, by domain and by ISO week (`serein summary --from --to`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RangeSummary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Focus minutes per domain, most first.
    pub minutes_by_domain: Vec<(String, i64)>,
    pub work_minutes: i64,
    pub rest_minutes: i64,
    pub break_minutes: i64,
    pub breaks: u32,
    pub breathing_sessions: u32,
    pub sessions: u32,
    /// Calendar meeting minutes (part of the minutes above, never on top).
    pub meeting_minutes: i64,
    /// Every ISO week touching the range, oldest first (days outside the range not counted).
    pub weeks: Vec<WeekTotals>,
}

/// One week's totals in a [`RangeSummary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekTotals {
    pub week: Week,
    pub minutes_by_domain: Vec<(String, i64)>,
    pub work_minutes: i64,
    pub rest_minutes: i64,
    pub meeting_minutes: i64,
}

/// Totals of `from..=to` (local dates; sessions split at midnight, as in the week summary),
/// all sessions in memory at once. The app streams through [`RangeBuilder`] instead; this is
/// the test oracle the builder is checked against.
pub fn summarize_range<Tz: TimeZone>(
    sessions: &[Session],
    work_domains: &[&str],
    coherence_titles: &[String],
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
    tz: &Tz,
) -> RangeSummary {
    let mut b = RangeBuilder::new(work_domains, coherence_titles, from, to);
    for s in sessions {
        b.add(s, now, tz);
    }
    b.finish()
}

/// A domain's name, its total minutes, and its minutes per week.
type DomainTotals = (String, i64, Vec<i64>);

/// Builds a [`RangeSummary`] one session at a time, without keeping them: `serein summary`
/// over years of history streams rows from the store into it.
#[derive(Debug)]
pub struct RangeBuilder<'a> {
    work_domains: &'a [&'a str],
    coherence_titles: &'a [String],
    from: NaiveDate,
    to: NaiveDate,
    first_monday: NaiveDate,
    /// Per domain: total, and per week (indexed from `first_monday`).
    domains: Vec<DomainTotals>,
    weeks: Vec<(i64, i64)>,
    work: i64,
    rest: i64,
    break_minutes: i64,
    breaks: u32,
    breathing: u32,
    count: u32,
    meetings: i64,
    week_meetings: Vec<i64>,
}

impl<'a> RangeBuilder<'a> {
    pub fn new(
        work_domains: &'a [&'a str],
        coherence_titles: &'a [String],
        from: NaiveDate,
        to: NaiveDate,
    ) -> RangeBuilder<'a> {
        let first_monday = Week::of(from).monday;
        let n = ((Week::of(to).monday - first_monday).num_days() / 7 + 1).max(1) as usize;
        RangeBuilder {
            work_domains,
            coherence_titles,
            from,
            to,
            first_monday,
            domains: Vec::new(),
            weeks: vec![(0, 0); n],
            work: 0,
            rest: 0,
            break_minutes: 0,
            breaks: 0,
            breathing: 0,
            count: 0,
            meetings: 0,
            week_meetings: vec![0; n],
        }
    }

    /// Adds a session, split at midnight.
    pub fn add<Tz: TimeZone>(&mut self, s: &Session, now: DateTime<Utc>, tz: &Tz) {
        let coherent = s.kind == SessionKind::Breathing && is_coherence(s, self.coherence_titles);
        let mut counted = false;
        for p in pieces(s, now, tz) {
            counted |= self.add_piece(
                s.kind,
                &s.domain,
                coherent,
                p.date,
                p.minutes,
                p.start == s.started,
            );
        }
        self.count += u32::from(counted);
    }

    /// Adds a meeting's stand-in session ([`meeting_sessions`](super::meeting_sessions)),
    /// split at midnight: focus time
    /// in its domain and meeting time, not a session of its own.
    pub fn add_meeting<Tz: TimeZone>(&mut self, s: &Session, now: DateTime<Utc>, tz: &Tz) {
        for p in pieces(s, now, tz) {
            if self.add_piece(s.kind, &s.domain, false, p.date, p.minutes, false) {
                let w = ((p.date - self.first_monday).num_days() / 7) as usize;
                self.meetings += p.minutes;
                self.week_meetings[w] += p.minutes;
            }
        }
    }

    /// Adds an ended session known to lie within its day
    /// ([`within_its_day`](super::within_its_day)): what [`RangeBuilder::add`] would do, from
    /// borrowed fields. `coherent`: a finished breathing session of a coherence pattern.
    pub fn add_within_day(
        &mut self,
        kind: SessionKind,
        domain: &str,
        coherent: bool,
        date: NaiveDate,
        actual_s: i64,
    ) {
        let counted = self.add_piece(
            kind,
            domain,
            coherent,
            date,
            (actual_s.max(0) + 30) / 60,
            true,
        );
        self.count += u32::from(counted);
    }

    /// Whether a finished breathing session with this title counts towards the goal.
    pub fn is_coherence_title(&self, title: &str) -> bool {
        self.coherence_titles.iter().any(|t| t == title)
    }

    fn add_piece(
        &mut self,
        kind: SessionKind,
        domain: &str,
        coherent: bool,
        date: NaiveDate,
        minutes: i64,
        first: bool,
    ) -> bool {
        if date < self.from || date > self.to {
            return false;
        }
        match kind {
            SessionKind::Focus => {
                let w = ((date - self.first_monday).num_days() / 7) as usize;
                let n = self.weeks.len();
                let i = match self.domains.iter().position(|d| d.0 == domain) {
                    Some(i) => i,
                    None => {
                        self.domains.push((domain.to_string(), 0, vec![0; n]));
                        self.domains.len() - 1
                    }
                };
                self.domains[i].1 += minutes;
                self.domains[i].2[w] += minutes;
                if self.work_domains.contains(&domain) {
                    self.work += minutes;
                    self.weeks[w].0 += minutes;
                } else {
                    self.rest += minutes;
                    self.weeks[w].1 += minutes;
                }
            }
            SessionKind::Break => {
                self.break_minutes += minutes;
                self.breaks += u32::from(first);
            }
            SessionKind::Breathing => self.breathing += u32::from(first && coherent),
        }
        true
    }

    pub fn finish(self) -> RangeSummary {
        let totals = |f: &dyn Fn(&DomainTotals) -> i64| {
            sorted(self.domains.iter().map(|d| (d.0.as_str(), f(d))).collect())
        };
        RangeSummary {
            from: self.from,
            to: self.to,
            minutes_by_domain: totals(&|d| d.1),
            work_minutes: self.work,
            rest_minutes: self.rest,
            break_minutes: self.break_minutes,
            breaks: self.breaks,
            breathing_sessions: self.breathing,
            sessions: self.count,
            meeting_minutes: self.meetings,
            weeks: self
                .weeks
                .iter()
                .enumerate()
                .map(|(i, &(work_minutes, rest_minutes))| WeekTotals {
                    week: Week {
                        monday: self.first_monday + Duration::weeks(i as i64),
                    },
                    minutes_by_domain: totals(&|d| d.2[i]),
                    work_minutes,
                    rest_minutes,
                    meeting_minutes: self.week_meetings[i],
                })
                .collect(),
        }
    }
}
