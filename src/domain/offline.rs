//! Offline hours: a weekly schedule of local wall-clock windows during which serein keeps the
//! desktop in Do-Not-Disturb.
//!
//! Pure: every function takes `now` and a time zone. Windows are turned into real instants by
//! [`time::resolve`] only (a boundary in a DST gap moves forward, one in a fold takes the earlier
//! instant), then merged, so `is_offline`, `next_change` and `current` always agree with each
//! other.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::time;

/// Minutes in a day; `(0, DAY)` is a whole day ("all").
const DAY: u16 = super::plan::DAY_MINUTES;

/// How many days either side of `now` are expanded into windows.
const SCAN_DAYS: i64 = 10;
/// Boundaries closer to `now` than this are exact; the schedule repeats weekly, so any change
/// happens within a week (plus a DST hour) of any instant.
const TRUST_DAYS: i64 = 8;

/// Offline windows for one weekday, in local wall-clock minutes.
///
/// `(start, end)` with `start` in `0..1440` and `end` in `1..=1440`, `start != end`.
/// A window with `end < start` runs past midnight: on day *d* it covers *d* `start` until
/// *d+1* `end`, whatever day *d+1*'s own rule says. So that a week begins where the user
/// expects, such a window also covers its own day's early hours until `end`:
/// `weekdays = "19:00-08:00"` with `sunday = "all"` keeps Monday 00:00–08:00 offline.
/// "all" is `[(0, 1440)]`, "none" is `[]`. Invalid windows (only constructible by hand) are
/// ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DayRule {
    pub windows: Vec<(u16, u16)>,
}

impl DayRule {
    /// The whole day offline.
    pub fn all() -> Self {
        Self {
            windows: vec![(0, DAY)],
        }
    }

    /// No offline hours.
    pub fn none() -> Self {
        Self::default()
    }
}

/// Why a day's offline rule was refused, with the parts to name (worded, with the accepted
/// forms, in `i18n::problems`). `rule` is the whole rule, `window` one comma-separated part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// Nothing at all.
    Empty,
    /// `12:00-13:00,`: an empty part.
    EmptyWindow { rule: String },
    /// `all, 19:00-08:00`: `all` or `none` in a list.
    NotAlone { word: String, rule: String },
    /// A part without a dash.
    NoDash { window: String },
    /// A start that is not a time.
    Start { window: String, time: TimeError },
    /// An end that is not a time.
    End { window: String, time: TimeError },
    /// A window that starts and ends at the same time.
    Same { window: String },
}

/// Why one side of a window is not a time (`text` as written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// Not `HH:MM`, `19h` or `8h30`.
    Shape { text: String },
    /// Minutes above 59.
    Minute { text: String, minute: u16 },
    /// An hour above 23 (24:00 only as an end).
    Hour { text: String, hour: u16 },
}

impl std::error::Error for RuleError {}

/// Parse a day's rule: `"all"`, `"none"`, or `"HH:MM-HH:MM"` windows separated by commas.
/// An end of `00:00` or `24:00` means midnight at the end of the day. Errors name the bad
/// part.
pub fn parse_rule(s: &str) -> Result<DayRule, RuleError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(RuleError::Empty);
    }
    if t.eq_ignore_ascii_case("all") {
        return Ok(DayRule::all());
    }
    if t.eq_ignore_ascii_case("none") {
        return Ok(DayRule::none());
    }
    let mut windows = Vec::new();
    for part in t.split(',') {
        let p = part.trim();
        if p.is_empty() {
            return Err(RuleError::EmptyWindow { rule: t.into() });
        }
        if p.eq_ignore_ascii_case("all") || p.eq_ignore_ascii_case("none") {
            return Err(RuleError::NotAlone {
                word: p.into(),
                rule: t.into(),
            });
        }
        let Some((a, b)) = p.split_once(['-', '–']) else {
            return Err(RuleError::NoDash { window: p.into() });
        };
        let start = parse_hm(a.trim(), false).map_err(|time| RuleError::Start {
            window: p.into(),
            time,
        })?;
        let end = parse_hm(b.trim(), true).map_err(|time| RuleError::End {
            window: p.into(),
            time,
        })?;
        if start == end {
            return Err(RuleError::Same { window: p.into() });
        }
        let end = if end == 0 { DAY } else { end };
        windows.push((start, end));
    }
    Ok(DayRule { windows })
}

/// `HH:MM`, or the French `19h`, `8h30`, `19H30` (hour may have one digit) → minutes;
/// `24:00` (`24h`) only when `end`.
fn parse_hm(s: &str, end: bool) -> Result<u16, TimeError> {
    let bad = || TimeError::Shape { text: s.into() };
    let (h, m) = match s.split_once(':') {
        Some(hm) => hm,
        None => match s.split_once(['h', 'H']) {
            Some((h, "")) => (h, "00"),
            Some(hm) => hm,
            None => return Err(bad()),
        },
    };
    let digits =
        |x: &str, lens: &[usize]| lens.contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    if !digits(h, &[1, 2]) || !digits(m, &[2]) {
        return Err(bad());
    }
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if m > 59 {
        return Err(TimeError::Minute {
            text: s.into(),
            minute: m,
        });
    }
    if h == 24 && m == 0 && end {
        return Ok(DAY);
    }
    if h > 23 {
        return Err(TimeError::Hour {
            text: s.into(),
            hour: h,
        });
    }
    Ok(h * 60 + m)
}

impl FromStr for DayRule {
    type Err = RuleError;
    fn from_str(s: &str) -> Result<Self, RuleError> {
        parse_rule(s)
    }
}

impl TryFrom<String> for DayRule {
    type Error = RuleError;
    fn try_from(s: String) -> Result<Self, RuleError> {
        parse_rule(&s)
    }
}

impl From<DayRule> for String {
    fn from(r: DayRule) -> String {
        r.to_string()
    }
}

impl fmt::Display for DayRule {
    /// The form `parse_rule` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.windows.is_empty() {
            return f.write_str("none");
        }
        if self.windows == [(0, DAY)] {
            return f.write_str("all");
        }
        for (i, &(s, e)) in self.windows.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{:02}:{:02}-{:02}:{:02}", s / 60, s % 60, e / 60, e % 60)?;
        }
        Ok(())
    }
}

/// The weekly offline schedule: one [`DayRule`] per weekday, Monday first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfflineSchedule {
    days: [DayRule; 7],
}

impl OfflineSchedule {
    pub fn new(days: [DayRule; 7]) -> Self {
        Self { days }
    }

    /// Never offline.
    pub fn none() -> Self {
        Self::default()
    }

    /// The config shape: `weekdays` for Monday–Friday unless overridden (`overrides[0]` is
    /// Monday … `overrides[4]` Friday), then Saturday and Sunday.
    pub fn from_parts(
        weekdays: DayRule,
        saturday: DayRule,
        sunday: DayRule,
        overrides: [Option<DayRule>; 5],
    ) -> Self {
        let [mo, tu, we, th, fr] = overrides.map(|o| o.unwrap_or_else(|| weekdays.clone()));
        Self::new([mo, tu, we, th, fr, saturday, sunday])
    }

    /// The rule of one weekday.
    fn day(&self, weekday: chrono::Weekday) -> &DayRule {
        &self.days[weekday.num_days_from_monday() as usize]
    }

    /// Is `now` inside an offline window, evaluated in time zone `tz`?
    pub fn is_offline<Tz: TimeZone>(&self, tz: &Tz, now: DateTime<Utc>) -> bool {
        self.periods(tz, now)
            .iter()
            .any(|&(s, e)| s <= now && now < e)
    }

    /// The next instant strictly after `now` at which `is_offline` changes; `None` if it never
    /// changes (every day "none", or offline around the clock).
    pub fn next_change<Tz: TimeZone>(&self, tz: &Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let horizon = now + Duration::days(TRUST_DAYS);
        self.periods(tz, now)
            .into_iter()
            .flat_map(|(s, e)| [s, e])
            .find(|&b| b > now && b < horizon)
    }

    /// The merged offline period containing `now`, as `(start, end)` instants. `None` when not
    /// offline, or when offline never ends. Only the tests use it, to check `periods` and
    /// `next_change` against; the "offline until" badge comes from the policy's `until`.
    #[cfg(test)]
    pub fn current<Tz: TimeZone>(
        &self,
        tz: &Tz,
        now: DateTime<Utc>,
    ) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let horizon = now + Duration::days(TRUST_DAYS);
        self.periods(tz, now)
            .into_iter()
            .find(|&(s, e)| s <= now && now < e)
            .filter(|&(_, e)| e < horizon)
    }

    /// Offline periods around `now` (± `SCAN_DAYS` local days): sorted, disjoint, not touching,
    /// non-empty. Windows are merged in wall time first (so overlapping windows stay one period
    /// even across a DST gap), then resolved to instants and merged again.
    fn periods<Tz: TimeZone>(
        &self,
        tz: &Tz,
        now: DateTime<Utc>,
    ) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let today = now.with_timezone(tz).date_naive();
        let mut wall: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::new();
        for offset in -SCAN_DAYS..=SCAN_DAYS {
            let Some(date) = today.checked_add_signed(Duration::days(offset)) else {
                continue;
            };
            let Some(next) = date.succ_opt() else {
                continue;
            };
            for &(s, e) in &self.day(date.weekday()).windows {
                if s >= DAY || e > DAY || s == e {
                    continue; // not a valid window
                }
                if e > s {
                    wall.push((time::wall(date, s), time::wall(date, e)));
                } else {
                    wall.push((time::wall(date, s), time::wall(next, e)));
                    if e > 0 {
                        wall.push((time::wall(date, 0), time::wall(date, e)));
                    }
                }
            }
        }
        let resolved = merge(wall)
            .into_iter()
            .map(|(s, e)| (time::resolve(tz, s), time::resolve(tz, e)))
            .filter(|(s, e)| s < e)
            .collect();
        merge(resolved)
    }
}

/// Sort and merge overlapping or touching half-open intervals.
fn merge<T: Ord + Copy>(mut v: Vec<(T, T)>) -> Vec<(T, T)> {
    v.sort();
    let mut out: Vec<(T, T)> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, Timelike};
    use chrono_tz::{Europe::Paris, Tz};
    use proptest::prelude::*;

    fn rule(s: &str) -> DayRule {
        parse_rule(s).unwrap()
    }

    /// weekdays = "19:00-08:00", saturday = "all", sunday = "all".
    fn standard() -> OfflineSchedule {
        OfflineSchedule::from_parts(
            rule("19:00-08:00"),
            rule("all"),
            rule("all"),
            Default::default(),
        )
    }

    /// A Paris wall time "YYYY-MM-DD HH:MM" as an instant (via `time::resolve`).
    fn paris(s: &str) -> DateTime<Utc> {
        let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        time::resolve(&Paris, local)
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn schedule_of(days: [&str; 7]) -> OfflineSchedule {
        OfflineSchedule::new(days.map(rule))
    }

    #[test]
    fn parse_accepts_the_config_forms() {
        let cases: [(&str, &[(u16, u16)]); 16] = [
            // French hours, spanning midnight like "19:00-08:00".
            ("19h-8h", &[(1140, 480)]),
            ("19H-08H", &[(1140, 480)]),
            ("12h30-13h30, 19h-8h", &[(750, 810), (1140, 480)]),
            ("22h–0h", &[(1320, 1440)]),
            ("18h-24h", &[(1080, 1440)]),
            ("9h05 - 17h30", &[(545, 1050)]),
            ("0h-7h", &[(0, 420)]),
            ("all", &[(0, 1440)]),
            (" ALL ", &[(0, 1440)]),
            ("none", &[]),
            ("19:00-08:00", &[(1140, 480)]),
            ("12:00-13:00, 19:00-08:00", &[(720, 780), (1140, 480)]),
            ("19:00-24:00", &[(1140, 1440)]),
            ("22:00-00:00", &[(1320, 1440)]),
            ("9:05 – 17:30", &[(545, 1050)]),
            ("00:00-24:00", &[(0, 1440)]),
        ];
        for (s, want) in cases {
            assert_eq!(parse_rule(s).unwrap().windows, want, "{s:?}");
        }
    }

    #[test]
    fn parse_errors_name_the_bad_part() {
        use RuleError::*;
        let text = |s: &str| s.to_string();
        let cases: Vec<(&str, RuleError)> = vec![
            (
                "19h-25h",
                End {
                    window: text("19h-25h"),
                    time: TimeError::Hour {
                        text: text("25h"),
                        hour: 25,
                    },
                },
            ),
            (
                "24h-8h",
                Start {
                    window: text("24h-8h"),
                    time: TimeError::Hour {
                        text: text("24h"),
                        hour: 24,
                    },
                },
            ),
            (
                "19h6-8h",
                Start {
                    window: text("19h6-8h"),
                    time: TimeError::Shape { text: text("19h6") },
                },
            ),
            (
                "19h60-8h",
                Start {
                    window: text("19h60-8h"),
                    time: TimeError::Minute {
                        text: text("19h60"),
                        minute: 60,
                    },
                },
            ),
            (
                "19-8",
                Start {
                    window: text("19-8"),
                    time: TimeError::Shape { text: text("19") },
                },
            ),
            (
                "19:00",
                NoDash {
                    window: text("19:00"),
                },
            ),
            (
                "sometimes",
                NoDash {
                    window: text("sometimes"),
                },
            ),
            (
                "19:00-19:00",
                Same {
                    window: text("19:00-19:00"),
                },
            ),
            ("", Empty),
            ("  ", Empty),
            (
                "12:00-13:00,",
                EmptyWindow {
                    rule: text("12:00-13:00,"),
                },
            ),
            (
                "all, 19:00-08:00",
                NotAlone {
                    word: text("all"),
                    rule: text("all, 19:00-08:00"),
                },
            ),
        ];
        for (s, want) in cases {
            assert_eq!(parse_rule(s), Err(want), "{s:?}");
        }
    }

    #[test]
    fn rules_display_as_they_parse() {
        for s in ["all", "none", "19:00-08:00", "12:00-13:00, 19:00-24:00"] {
            assert_eq!(rule(s).to_string(), s);
        }
    }

    #[test]
    fn standard_week_in_paris() {
        // 2026-11-23 is a Monday, far from DST.
        // (now, offline, next change, current period)
        type Case = (
            &'static str,
            bool,
            Option<&'static str>,
            Option<(&'static str, &'static str)>,
        );
        let cases: [Case; 12] = [
            // Over midnight.
            (
                "2026-11-23 23:00",
                true,
                Some("2026-11-24 08:00"),
                Some(("2026-11-23 19:00", "2026-11-24 08:00")),
            ),
            (
                "2026-11-24 07:59",
                true,
                Some("2026-11-24 08:00"),
                Some(("2026-11-23 19:00", "2026-11-24 08:00")),
            ),
            ("2026-11-24 08:00", false, Some("2026-11-24 19:00"), None),
            ("2026-11-24 18:59", false, Some("2026-11-24 19:00"), None),
            (
                "2026-11-24 19:00",
                true,
                Some("2026-11-25 08:00"),
                Some(("2026-11-24 19:00", "2026-11-25 08:00")),
            ),
            // Friday night into the weekend and Sunday night into Monday: one period.
            ("2026-11-27 18:00", false, Some("2026-11-27 19:00"), None),
            (
                "2026-11-27 23:30",
                true,
                Some("2026-11-30 08:00"),
                Some(("2026-11-27 19:00", "2026-11-30 08:00")),
            ),
            (
                "2026-11-28 12:00",
                true,
                Some("2026-11-30 08:00"),
                Some(("2026-11-27 19:00", "2026-11-30 08:00")),
            ),
            (
                "2026-11-29 23:59",
                true,
                Some("2026-11-30 08:00"),
                Some(("2026-11-27 19:00", "2026-11-30 08:00")),
            ),
            (
                "2026-11-30 00:30",
                true,
                Some("2026-11-30 08:00"),
                Some(("2026-11-27 19:00", "2026-11-30 08:00")),
            ),
            ("2026-11-30 08:00", false, Some("2026-11-30 19:00"), None),
            // Monday evening after the weekend.
            (
                "2026-11-30 19:00",
                true,
                Some("2026-12-01 08:00"),
                Some(("2026-11-30 19:00", "2026-12-01 08:00")),
            ),
        ];
        let s = standard();
        for (now, off, next, cur) in cases {
            let t = paris(now);
            assert_eq!(s.is_offline(&Paris, t), off, "is_offline {now}");
            assert_eq!(
                s.next_change(&Paris, t),
                next.map(paris),
                "next_change {now}"
            );
            assert_eq!(
                s.current(&Paris, t),
                cur.map(|(a, b)| (paris(a), paris(b))),
                "current {now}"
            );
        }
    }

    #[test]
    fn other_shapes() {
        // (schedule Mon..Sun, now, offline, next change)
        type Case = ([&'static str; 7], &'static str, bool, Option<&'static str>);
        let wk = "19:00-08:00";
        let cases: [Case; 11] = [
            // Friday's window covers Saturday morning whatever Saturday says.
            (
                [wk, wk, wk, wk, wk, "none", "none"],
                "2026-11-28 07:00",
                true,
                Some("2026-11-28 08:00"),
            ),
            (
                [wk, wk, wk, wk, wk, "none", "none"],
                "2026-11-28 08:00",
                false,
                Some("2026-11-30 00:00"),
            ),
            // Sunday night into Monday: Sunday's wrapping window.
            (
                [wk, wk, wk, wk, wk, "none", "22:00-07:00"],
                "2026-11-29 23:00",
                true,
                Some("2026-11-30 08:00"),
            ),
            (
                [
                    "none",
                    "none",
                    "none",
                    "none",
                    "none",
                    "none",
                    "22:00-07:00",
                ],
                "2026-11-29 23:00",
                true,
                Some("2026-11-30 07:00"),
            ),
            // "none" days.
            (["none"; 7], "2026-11-25 12:00", false, None),
            (
                [
                    "none",
                    "none",
                    "13:00-14:00",
                    "none",
                    "none",
                    "none",
                    "none",
                ],
                "2026-11-25 14:00",
                false,
                Some("2026-12-02 13:00"),
            ),
            // Several windows a day.
            (
                ["12:00-13:00, 19:00-08:00"; 7],
                "2026-11-25 10:00",
                false,
                Some("2026-11-25 12:00"),
            ),
            (
                ["12:00-13:00, 19:00-08:00"; 7],
                "2026-11-25 12:30",
                true,
                Some("2026-11-25 13:00"),
            ),
            (
                ["12:00-13:00, 19:00-08:00"; 7],
                "2026-11-25 13:00",
                false,
                Some("2026-11-25 19:00"),
            ),
            // Touching windows merge; around the clock never changes.
            (["all"; 7], "2026-11-25 12:00", true, None),
            (
                ["00:00-12:00, 12:00-24:00"; 7],
                "2026-11-25 12:00",
                true,
                None,
            ),
        ];
        for (days, now, off, next) in cases {
            let s = schedule_of(days);
            let t = paris(now);
            assert_eq!(s.is_offline(&Paris, t), off, "is_offline {days:?} {now}");
            assert_eq!(
                s.next_change(&Paris, t),
                next.map(paris),
                "next_change {days:?} {now}"
            );
        }
        // Around the clock: offline, but no end to report.
        assert_eq!(
            schedule_of(["all"; 7]).current(&Paris, paris("2026-11-25 12:00")),
            None
        );
    }

    #[test]
    fn dst_days_in_paris() {
        // 2026-03-29 (Sunday): 02:00 CET → 03:00 CEST; 02:30 does not exist and becomes 03:30
        // CEST = 01:30 UTC. 2026-10-25 (Sunday): 03:00 CEST → 02:00 CET; 02:30 happens twice,
        // the earlier is 00:30 UTC.
        // (Saturday, Sunday rules, now (UTC), offline, next change (UTC))
        type Case = (
            &'static str,
            &'static str,
            &'static str,
            bool,
            Option<&'static str>,
        );
        let cases: [Case; 12] = [
            // Spring forward, window ending at 02:30 → ends 03:30 CEST.
            (
                "22:00-02:30",
                "none",
                "2026-03-28T23:00:00Z",
                true,
                Some("2026-03-29T01:30:00Z"),
            ),
            (
                "22:00-02:30",
                "none",
                "2026-03-29T01:29:00Z",
                true,
                Some("2026-03-29T01:30:00Z"),
            ),
            // Next: Saturday 00:00 CEST, the early hours of its own wrapping window.
            (
                "22:00-02:30",
                "none",
                "2026-03-29T01:30:00Z",
                false,
                Some("2026-04-03T22:00:00Z"),
            ),
            // Spring forward, window starting at 02:30 → starts 03:30 CEST.
            (
                "none",
                "02:30-05:00",
                "2026-03-29T00:00:00Z",
                false,
                Some("2026-03-29T01:30:00Z"),
            ),
            (
                "none",
                "02:30-05:00",
                "2026-03-29T01:29:00Z",
                false,
                Some("2026-03-29T01:30:00Z"),
            ),
            (
                "none",
                "02:30-05:00",
                "2026-03-29T01:30:00Z",
                true,
                Some("2026-03-29T03:00:00Z"),
            ),
            // Fall back, window starting at 02:30 → the first 02:30 (CEST).
            (
                "none",
                "02:30-05:00",
                "2026-10-25T00:29:00Z",
                false,
                Some("2026-10-25T00:30:00Z"),
            ),
            (
                "none",
                "02:30-05:00",
                "2026-10-25T00:30:00Z",
                true,
                Some("2026-10-25T04:00:00Z"),
            ),
            // Fall back, window ending at 02:30 → ends at the first 02:30 (00:30 UTC), so the
            // second 02:30 (01:30 UTC) is online.
            (
                "22:00-02:30",
                "none",
                "2026-10-25T00:29:00Z",
                true,
                Some("2026-10-25T00:30:00Z"),
            ),
            (
                "22:00-02:30",
                "none",
                "2026-10-25T01:30:00Z",
                false,
                Some("2026-10-30T23:00:00Z"),
            ),
            // The whole Sunday lasts 23 h / 25 h.
            (
                "none",
                "all",
                "2026-03-29T12:00:00Z",
                true,
                Some("2026-03-29T22:00:00Z"),
            ),
            (
                "none",
                "all",
                "2026-10-25T12:00:00Z",
                true,
                Some("2026-10-25T23:00:00Z"),
            ),
        ];
        for (sat, sun, now, off, next) in cases {
            let s = schedule_of(["none", "none", "none", "none", "none", sat, sun]);
            let t = utc(now);
            assert_eq!(
                s.is_offline(&Paris, t),
                off,
                "is_offline sat={sat} sun={sun} {now}"
            );
            assert_eq!(
                s.next_change(&Paris, t),
                next.map(utc),
                "next_change sat={sat} sun={sun} {now}"
            );
        }
        // The resolved boundary is exactly what time::resolve gives.
        let s = schedule_of([
            "none",
            "none",
            "none",
            "none",
            "none",
            "none",
            "02:30-05:00",
        ]);
        let gap = time::resolve(
            &Paris,
            time::wall(NaiveDate::from_ymd_opt(2026, 3, 29).unwrap(), 150),
        );
        assert_eq!(
            s.next_change(&Paris, utc("2026-03-29T00:00:00Z")),
            Some(gap)
        );
    }

    #[test]
    fn windows_overlapping_in_wall_time_stay_one_period_across_the_gap() {
        // 01:00-03:10 and 02:50-05:00 on the spring-forward day overlap on the clock face;
        // resolved one by one they would leave a hole from 01:10 to 01:50 UTC.
        let s = schedule_of([
            "none",
            "none",
            "none",
            "none",
            "none",
            "none",
            "01:00-03:10, 02:50-05:00",
        ]);
        let t = utc("2026-03-29T01:20:00Z");
        assert!(s.is_offline(&Paris, t));
        assert_eq!(
            s.current(&Paris, t),
            Some((utc("2026-03-29T00:00:00Z"), utc("2026-03-29T03:00:00Z")))
        );
    }

    // ---- properties ----

    const ZONES: [Tz; 8] = [
        chrono_tz::UTC,
        Paris,
        chrono_tz::America::New_York,
        chrono_tz::Australia::Lord_Howe, // 30-minute DST
        chrono_tz::America::Santiago,    // transitions at midnight
        chrono_tz::Pacific::Apia,        // skipped 2011-12-30 entirely
        chrono_tz::Asia::Kolkata,
        chrono_tz::America::St_Johns,
    ];

    fn window() -> impl Strategy<Value = (u16, u16)> {
        (0u16..96, 1u16..=96)
            .prop_filter("empty", |(s, e)| s != e)
            .prop_map(|(s, e)| (s * 15, e * 15))
    }

    fn any_rule() -> impl Strategy<Value = DayRule> {
        prop_oneof![
            Just(DayRule::none()),
            Just(DayRule::all()),
            proptest::collection::vec(window(), 1..4).prop_map(|windows| DayRule { windows }),
            // Any minute, to catch off-by-one-minute boundaries.
            proptest::collection::vec((0u16..1440, 1u16..=1440), 1..3).prop_map(|w| DayRule {
                windows: w.into_iter().filter(|(s, e)| s != e).collect()
            }),
        ]
    }

    fn any_schedule() -> impl Strategy<Value = OfflineSchedule> {
        proptest::array::uniform7(any_rule()).prop_map(OfflineSchedule::new)
    }

    fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
        let secs = |a: &str, b: &str| utc(a).timestamp()..utc(b).timestamp();
        prop_oneof![
            secs("2000-01-01T00:00:00Z", "2040-01-01T00:00:00Z"),
            // Around DST changes in the northern and southern hemispheres.
            secs("2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z"),
            secs("2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z"),
            secs("2026-04-03T00:00:00Z", "2026-04-07T00:00:00Z"),
            secs("2011-12-28T00:00:00Z", "2012-01-01T00:00:00Z"),
        ]
        .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
    }

    /// The rules read on the clock face, without DST (exact for UTC).
    fn naive_offline(s: &OfflineSchedule, t: NaiveDateTime) -> bool {
        let m = (t.hour() * 60 + t.minute()) as u16;
        let today = &s.day(t.weekday()).windows;
        let yesterday = &s.day(t.weekday().pred()).windows;
        today.iter().any(|&(a, b)| {
            if b > a {
                a <= m && m < b
            } else {
                m >= a || m < b
            }
        }) || yesterday.iter().any(|&(a, b)| b < a && m < b)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn next_change_is_a_real_change(s in any_schedule(), zone in 0..ZONES.len(), now in any_instant()) {
            let tz = ZONES[zone];
            let off = s.is_offline(&tz, now);
            let sec = Duration::seconds(1);
            match s.next_change(&tz, now) {
                Some(next) => {
                    prop_assert!(next > now);
                    prop_assert!(next - now <= Duration::days(TRUST_DAYS));
                    prop_assert_ne!(s.is_offline(&tz, next - sec), s.is_offline(&tz, next));
                    // Constant from now until then.
                    prop_assert_eq!(s.is_offline(&tz, next - sec), off);
                    let mid = now + (next - now) / 2;
                    prop_assert_eq!(s.is_offline(&tz, mid), off);
                    // `current` reports the same end.
                    match s.current(&tz, now) {
                        Some((a, b)) => {
                            prop_assert!(off && a <= now && now < b && b == next);
                        }
                        None => prop_assert!(!off),
                    }
                }
                None => {
                    for h in 0..(7 * 24 + 2) {
                        let t = now + Duration::hours(h) + Duration::minutes(17 * h % 60);
                        prop_assert_eq!(s.is_offline(&tz, t), off, "changed at {}", t);
                    }
                    prop_assert_eq!(s.current(&tz, now), None);
                }
            }
        }

        #[test]
        fn utc_matches_the_clock_face(s in any_schedule(), now in any_instant()) {
            let off = s.is_offline(&Utc, now);
            prop_assert_eq!(off, naive_offline(&s, now.naive_utc()));
            // The first whole minute after `now` where the clock-face answer differs.
            let first = now.with_second(0).unwrap() + Duration::minutes(1);
            let want = (0..8 * 1440)
                .map(|i| first + Duration::minutes(i))
                .find(|t| naive_offline(&s, t.naive_utc()) != off);
            prop_assert_eq!(s.next_change(&Utc, now), want);
        }

        #[test]
        fn display_round_trips(r in any_rule()) {
            let r = DayRule { windows: r.windows.into_iter().filter(|(s, e)| s != e).collect() };
            prop_assert_eq!(parse_rule(&r.to_string()), Ok(r));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,30}") {
            let _ = parse_rule(&s);
        }
    }
}
