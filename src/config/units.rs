//! Numbers of hours and minutes in the config: a plain number (`8`, `7.5`, `90`) or, as
//! people write them, a string with a unit (`"8h"`, `"7h30"`, `"90m"`, `"1h30"`). Anything else
//! is refused with what was expected; `toml_error` adds the file, line, column and key.

use serde::Deserializer;
use serde::de::{self, Visitor};

use crate::domain::parse::parse_duration;

/// What a `*_hours` key accepts, for its error message.
const HOURS: &str = "a number of hours, like 8 or 7.5 (or \"8h\", \"7h30\")";
/// What a `*_minutes` key accepts, for its error message.
const MINUTES: &str = "a whole number of minutes, like 90 (or \"90m\", \"1h30\")";

/// Reads `8h`, `7h30`, `7.5h`, `45m` or a bare `7.5` as hours.
fn hours_of(s: &str) -> Option<f64> {
    let t = s.trim();
    if let Ok(h) = t.strip_suffix('h').unwrap_or(t).trim().parse::<f64>() {
        return h.is_finite().then_some(h);
    }
    parse_duration(t).map(|m| f64::from(m) / 60.0)
}

/// Reads `90m`, `1h30`, `2h` or a bare `90` as minutes.
fn minutes_of(s: &str) -> Option<u32> {
    let t = s.trim();
    t.parse::<u32>()
        .ok()
        .or_else(|| parse_duration(t).map(u32::from))
}

/// A length held in an `f64`: a number as it is, or a string read by `read`; `expected` says
/// what the key accepts.
struct FloatLength {
    expected: &'static str,
    read: fn(&str) -> Option<f64>,
}

impl Visitor<'_> for FloatLength {
    type Value = f64;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.expected)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        (self.read)(v)
            .ok_or_else(|| E::custom(format!("{v:?} is not a length: expected {}", self.expected)))
    }
}

struct Minutes;

impl Visitor<'_> for Minutes {
    type Value = u32;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(MINUTES)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| E::custom(format!("{v} is out of range: expected {MINUTES}")))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        self.visit_i64(i64::try_from(v).unwrap_or(-1))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
        Err(E::custom(format!(
            "{v} is not a whole number: expected {MINUTES}"
        )))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
        minutes_of(v).ok_or_else(|| E::custom(format!("{v:?} is not a length: expected {MINUTES}")))
    }
}

/// `deserialize_with` for a `*_hours` key.
pub(super) fn hours<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    d.deserialize_any(FloatLength {
        expected: HOURS,
        read: hours_of,
    })
}

/// `deserialize_with` for a `*_minutes` key held in a `u32`.
pub(super) fn minutes<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    d.deserialize_any(Minutes)
}

/// `deserialize_with` for a `*_minutes` key held in a `u16`.
pub(super) fn minutes_u16<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let m = d.deserialize_any(Minutes)?;
    u16::try_from(m)
        .map_err(|_| de::Error::custom(format!("{m} is out of range: expected {MINUTES}")))
}

/// `deserialize_with` for an optional length in minutes that may have a fraction
/// (`[[breathing.pattern]] minutes`).
pub(super) fn opt_minutes_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(FloatLength {
        expected: "a number of minutes, like 5 or 2.5 (or \"5m\")",
        read: fractional_minutes_of,
    })
    .map(Some)
}

/// Reads `2.5m` or `1h30` as minutes, with a fraction (a bare number comes as a number).
fn fractional_minutes_of(s: &str) -> Option<f64> {
    let t = s.trim();
    t.strip_suffix('m')
        .and_then(|n| n.trim().parse::<f64>().ok())
        .or_else(|| parse_duration(t).map(f64::from))
        .filter(|m| m.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_with_units() {
        let hours = [
            ("8h", Some(8.0)),
            ("7h30", Some(7.5)),
            ("7.5h", Some(7.5)),
            ("7.5", Some(7.5)),
            ("45m", Some(0.75)),
            ("8 hours", None),
            ("", None),
        ];
        for (s, want) in hours {
            assert_eq!(hours_of(s), want, "{s}");
        }
        let minutes = [
            ("90", Some(90)),
            ("90m", Some(90)),
            ("1h30", Some(90)),
            ("2h", Some(120)),
            ("1.5", None),
            ("soon", None),
        ];
        for (s, want) in minutes {
            assert_eq!(minutes_of(s), want, "{s}");
        }
    }
}
