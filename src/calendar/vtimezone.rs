//! Zones a file defines itself (RFC 5545 §3.6.5 VTIMEZONE): Outlook's "Customized Time Zone"
//! and its display names like "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
//! which name no IANA or Windows zone. Their offsets are computed from the VTIMEZONE's
//! STANDARD and DAYLIGHT parts (DTSTART, TZOFFSETFROM, TZOFFSETTO, RRULE or RDATE).
//!
//! [`IcsZone`] is what an event's times are read in: an IANA zone, or such a rule zone. Rule
//! zones are interned (one `'static` copy per distinct definition, so times stay `Copy`
//! however often a file is read again).

use std::sync::Mutex;

use chrono::{
    FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};

/// A zone defined by a VTIMEZONE: the transitions it makes, as UTC seconds and the offset
/// (seconds east of UTC) from then on.
#[derive(Debug, PartialEq, Eq)]
pub struct RuleZone {
    pub name: String,
    /// Offset before the first transition.
    initial: i32,
    transitions: Vec<(i64, i32)>,
    /// Every offset the zone uses, for reading wall times.
    offsets: Vec<i32>,
}

/// Transitions are computed up to this year (rules without end).
const LAST_YEAR: i32 = 2100;

static INTERNED: Mutex<Vec<&'static RuleZone>> = Mutex::new(Vec::new());

fn intern(z: RuleZone) -> &'static RuleZone {
    let mut all = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = all.iter().find(|o| ***o == z) {
        return found;
    }
    let leaked: &'static RuleZone = Box::leak(Box::new(z));
    all.push(leaked);
    leaked
}

/// `+0100`, `-0530`, `+010000` → seconds east of UTC.
pub fn offset(v: &str) -> Option<i32> {
    let v = v.trim();
    let (sign, rest) = match v.as_bytes().first()? {
        b'+' => (1, &v[1..]),
        b'-' => (-1, &v[1..]),
        _ => return None,
    };
    if !(rest.len() == 4 || rest.len() == 6) || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = rest[0..2].parse().ok()?;
    let m: i32 = rest[2..4].parse().ok()?;
    let s: i32 = rest.get(4..6).map_or(Some(0), |x| x.parse().ok())?;
    Some(sign * (h * 3600 + m * 60 + s))
}

/// One STANDARD or DAYLIGHT part as written.
#[derive(Debug, Clone)]
pub struct Observance {
    /// DTSTART: a local wall time in `from`.
    pub start: NaiveDateTime,
    pub from: i32,
    pub to: i32,
    pub rrule: Option<String>,
    pub rdates: Vec<NaiveDateTime>,
}

impl RuleZone {
    /// The zone of a VTIMEZONE's parts; `None` when it has none.
    pub fn build(name: &str, parts: &[Observance]) -> Option<&'static RuleZone> {
        if parts.is_empty() {
            return None;
        }
        let mut transitions: Vec<(i64, i32)> = Vec::new();
        for p in parts {
            let mut walls = vec![p.start];
            walls.extend(p.rdates.iter().copied());
            if let Some(r) = &p.rrule {
                walls.extend(yearly(r, p.start));
            }
            for w in walls {
                transitions.push((w.and_utc().timestamp() - i64::from(p.from), p.to));
            }
        }
        transitions.sort();
        transitions.dedup_by_key(|t| t.0);
        let first = parts.iter().min_by_key(|p| p.start)?;
        let initial = first.from;
        let mut offsets: Vec<i32> = transitions.iter().map(|t| t.1).collect();
        offsets.push(initial);
        offsets.sort();
        offsets.dedup();
        Some(intern(RuleZone {
            name: name.to_string(),
            initial,
            transitions,
            offsets,
        }))
    }

    /// A fixed offset under a name (a display name with no VTIMEZONE in the file).
    pub fn fixed(name: &str, off: i32) -> &'static RuleZone {
        intern(RuleZone {
            name: name.to_string(),
            initial: off,
            transitions: Vec::new(),
            offsets: vec![off],
        })
    }

    /// The offset in force at UTC second `t`.
    fn at(&self, t: i64) -> i32 {
        match self.transitions.partition_point(|x| x.0 <= t) {
            0 => self.initial,
            i => self.transitions[i - 1].1,
        }
    }

    /// The offsets a local wall time can have: none in a gap, two in a fold.
    fn local(&self, wall: &NaiveDateTime) -> LocalResult<i32> {
        let secs = wall.and_utc().timestamp();
        let mut ok: Vec<(i64, i32)> = self
            .offsets
            .iter()
            .map(|o| (secs - i64::from(*o), *o))
            .filter(|(u, o)| self.at(*u) == *o)
            .collect();
        ok.sort();
        match ok.as_slice() {
            [] => LocalResult::None,
            [one] => LocalResult::Single(one.1),
            [a, .., b] => LocalResult::Ambiguous(a.1, b.1),
        }
    }
}

/// The walls of a yearly RRULE from `start` up to [`LAST_YEAR`] (Outlook and Exchange only
/// write FREQ=YEARLY with BYMONTH and BYDAY like `-1SU` or `2SU`).
fn yearly(rule: &str, start: NaiveDateTime) -> Vec<NaiveDateTime> {
    use chrono::TimeZone as _;
    let Ok(r) = rule.parse::<rrule::RRule<rrule::Unvalidated>>() else {
        return Vec::new();
    };
    // Walk from 1970 at the earliest: Outlook's zones start in 1601.
    let from = match NaiveDate::from_ymd_opt(1970, 1, 1) {
        Some(d) if start.year() < 1970 => d.and_time(start.time()),
        _ => start,
    };
    let Ok(set) = r.build(rrule::Tz::UTC.from_utc_datetime(&from)) else {
        return Vec::new();
    };
    let end = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31)
        .unwrap_or(NaiveDate::MAX)
        .and_time(NaiveTime::MIN);
    let mut out = Vec::new();
    for dt in &set {
        let w = dt.naive_utc();
        if w > end || out.len() > 2 * (LAST_YEAR as usize - 1960) {
            break;
        }
        out.push(w);
    }
    out
}

use chrono::Datelike;

/// "(UTC+01:00) Amsterdam, Berlin, …" → the IANA zone of the first city that names one, or
/// the fixed offset it shows.
pub fn display_name(name: &str) -> Option<IcsZone> {
    let n = name.trim();
    let rest = n.strip_prefix("(UTC")?;
    let (off, cities) = rest.split_once(')')?;
    for city in cities.split([',', '/']) {
        let city = city.trim().replace(' ', "_");
        if city.is_empty() {
            continue;
        }
        for area in [
            "Europe",
            "America",
            "Asia",
            "Africa",
            "Australia",
            "Pacific",
            "Atlantic",
            "Indian",
        ] {
            if let Ok(tz) = format!("{area}/{city}").parse::<chrono_tz::Tz>() {
                return Some(IcsZone::Iana(tz));
            }
        }
    }
    let secs = if off.is_empty() {
        0
    } else {
        offset(&off.replace(':', ""))?
    };
    Some(IcsZone::Rules(RuleZone::fixed(n, secs)))
}

/// The zone of an event's times: an IANA zone or one its file defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsZone {
    Iana(chrono_tz::Tz),
    Rules(&'static RuleZone),
}

/// An offset of an [`IcsZone`].
#[derive(Debug, Clone, Copy)]
pub struct IcsOffset {
    zone: IcsZone,
    fixed: FixedOffset,
}

impl Offset for IcsOffset {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl std::fmt::Display for IcsOffset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.fixed)
    }
}

impl IcsZone {
    fn wrap(&self, secs: i32) -> IcsOffset {
        IcsOffset {
            zone: *self,
            fixed: FixedOffset::east_opt(secs).unwrap_or(FixedOffset::east_opt(0).expect("0")),
        }
    }
}

impl TimeZone for IcsZone {
    type Offset = IcsOffset;

    fn from_offset(offset: &IcsOffset) -> Self {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<IcsOffset> {
        self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<IcsOffset> {
        match self {
            IcsZone::Iana(tz) => tz
                .offset_from_local_datetime(local)
                .map(|o| self.wrap(o.fix().local_minus_utc())),
            IcsZone::Rules(r) => r.local(local).map(|s| self.wrap(s)),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> IcsOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> IcsOffset {
        match self {
            IcsZone::Iana(tz) => {
                self.wrap(tz.offset_from_utc_datetime(utc).fix().local_minus_utc())
            }
            IcsZone::Rules(r) => self.wrap(r.at(utc.and_utc().timestamp())),
        }
    }
}

/// The instant of UTC second `t` as a wall time of `z` (tests).
pub fn wall_at(z: &IcsZone, t: chrono::DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(z).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    /// Outlook's W. Europe rules written out (1601 start, last Sunday of March and October).
    fn europe() -> &'static RuleZone {
        RuleZone::build(
            "Customized Time Zone",
            &[
                Observance {
                    start: w("1601-10-28 03:00"),
                    from: 7200,
                    to: 3600,
                    rrule: Some("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10".into()),
                    rdates: vec![],
                },
                Observance {
                    start: w("1601-03-25 02:00"),
                    from: 3600,
                    to: 7200,
                    rrule: Some("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3".into()),
                    rdates: vec![],
                },
            ],
        )
        .unwrap()
    }

    #[test]
    fn offsets_follow_the_rules_like_the_iana_zone() {
        let z = IcsZone::Rules(europe());
        let berlin = chrono_tz::Europe::Berlin;
        // Every hour across both 2026 changes gives Berlin's offset.
        let mut t = "2026-03-27T00:00:00Z"
            .parse::<chrono::DateTime<Utc>>()
            .unwrap();
        let end = "2026-11-01T00:00:00Z"
            .parse::<chrono::DateTime<Utc>>()
            .unwrap();
        while t < end {
            assert_eq!(
                wall_at(&z, t),
                t.with_timezone(&berlin).naive_local(),
                "{t}"
            );
            t += chrono::Duration::minutes(30);
        }
        // A gap and a fold.
        assert!(matches!(
            z.offset_from_local_datetime(&w("2026-03-29 02:30")),
            LocalResult::None
        ));
        assert!(matches!(
            z.offset_from_local_datetime(&w("2026-10-25 02:30")),
            LocalResult::Ambiguous(..)
        ));
        // Interned: the same rules are the same zone.
        assert!(std::ptr::eq(europe(), europe()));
    }

    #[test]
    fn display_names() {
        assert_eq!(
            display_name("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"),
            Some(IcsZone::Iana(chrono_tz::Europe::Amsterdam))
        );
        assert_eq!(
            display_name("(UTC-05:00) Eastern Time (US & Canada)").map(|z| z
                .offset_from_utc_datetime(&w("2026-01-01 00:00"))
                .fix()
                .local_minus_utc()),
            Some(-5 * 3600)
        );
        assert_eq!(display_name("Customized Time Zone"), None);
        assert_eq!(offset("+0530"), Some(19800));
        assert_eq!(offset("-0100"), Some(-3600));
        assert_eq!(offset("0100"), None);
    }
}
