//! Numbers of hours and minutes in the config: a plain number (`8`, `7.5`, `90`) or, as
//! people write them, a string with a unit (`"8h"`, `"7h30"`, `"90m"`, `"1h30"`). Anything else
//! is refused with what was expected; `toml_error` adds the file, line, column and key.

use serde::Deserializer;
use serde::de::{self, Visitor};

use crate::domain::parse::parse_duration;
use crate::t;

/// What a `*_hours` key accepts, for its error message (a message id).
const HOURS: &str = "config-expected-hours";
/// What a `*_minutes` key accepts, for its error message (a message id).
const MINUTES: &str = "config-expected-minutes";

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
        f.write_str(&crate::i18n::tr(self.expected, None))
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
        (self.read)(v).ok_or_else(|| E::custom(not_a_length(v, self.expected)))
    }
}

struct Minutes;

impl Visitor<'_> for Minutes {
    type Value = u32;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&t!(MINUTES))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u32, E> {
        u32::try_from(v).map_err(|_| E::custom(out_of_range(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u32, E> {
        self.visit_i64(i64::try_from(v).unwrap_or(-1))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u32, E> {
        Err(E::custom(t!(
            "config-not-whole",
            value = v.to_string(),
            expected = t!(MINUTES)
        )))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
        minutes_of(v).ok_or_else(|| E::custom(not_a_length(v, MINUTES)))
    }
}

fn not_a_length(v: &str, expected: &str) -> String {
    t!(
        "config-not-a-length",
        value = format!("{v:?}"),
        expected = crate::i18n::tr(expected, None)
    )
}

fn out_of_range(v: i64) -> String {
    t!(
        "config-out-of-range",
        value = v.to_string(),
        expected = t!(MINUTES)
    )
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
    u16::try_from(m).map_err(|_| de::Error::custom(out_of_range(i64::from(m))))
}

/// `deserialize_with` for an optional length in minutes that may have a fraction
/// (`[[breathing.pattern]] minutes`).
pub(super) fn opt_minutes_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(FloatLength {
        expected: "config-expected-fraction-minutes",
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
