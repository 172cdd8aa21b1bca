//! Reading a day as people type it, in English or French, whatever the interface language:
//! `today`/`aujourd'hui`, `tomorrow`/`demain`, `yesterday`/`hier`, a weekday (`monday`,
//! `lundi`, `mon`, `lun`), `23/11`, `23/11/2026`, `23/11/26`, `23.11.2026` or `2026-11-23`.
//!
//! Pure: `today` is an argument. Case and accents don't matter (`Mardi`, `MERCREDI`,
//! `aujourd’hui`, `apres-demain`).
//!
//! - A weekday is the next such day, today included: `lundi` on a Wednesday is the coming
//!   Monday, `mercredi` on a Wednesday is today.
//! - Numbers are day first, then month (French and European order); US month/day is not
//!   accepted, and `11/23` says so. A date without a year is in the current year; a
//!   two-digit year is 20YY.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Why a value is not a day (the CLI words it, naming the value and what is accepted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayError {
    /// Not a form serein reads.
    Unknown,
    /// Looks like US month/day (`11/23`): the day-first spelling is `day/month`.
    MonthDay { day: u32, month: u32 },
    /// A year outside 1000..=9999.
    Year,
}

/// The day `s` names, seen from `today`.
pub fn parse_day(s: &str, today: NaiveDate) -> Result<NaiveDate, DayError> {
    let key = fold(s.trim());
    let shift = |n: i64| Ok(today + Duration::days(n));
    match key.as_str() {
        "" | "today" | "aujourd'hui" | "aujourdhui" | "auj" => return shift(0),
        "tomorrow" | "demain" => return shift(1),
        "yesterday" | "hier" => return shift(-1),
        "apres-demain" | "day-after-tomorrow" => return shift(2),
        "avant-hier" => return shift(-2),
        _ => {}
    }
    if let Some(wd) = weekday(&key) {
        let ahead = (7 + wd.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        return shift(i64::from(ahead));
    }
    let d = numeric(&key, today).ok_or_else(|| unknown(&key))?;
    // Far-off years are typos, and date arithmetic near chrono's limits would panic.
    if !(1000..=9999).contains(&d.year()) {
        return Err(DayError::Year);
    }
    Ok(d)
}

/// Whether a typed answer to a yes/no question is yes: `y`, `yes`, `o`, `oui` in any case.
pub fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "o" | "oui"
    )
}

/// Lowercase, without French accents, with the typographic apostrophe as `'`.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '’' | '‘' | '`' => '\'',
            '–' => '-',
            c => c,
        })
        .collect()
}

fn weekday(key: &str) -> Option<Weekday> {
    let key = key.strip_suffix('.').unwrap_or(key);
    Some(match key {
        "monday" | "mon" | "lundi" | "lun" => Weekday::Mon,
        "tuesday" | "tue" | "tues" | "mardi" | "mar" => Weekday::Tue,
        "wednesday" | "wed" | "mercredi" | "mer" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" | "jeudi" | "jeu" => Weekday::Thu,
        "friday" | "fri" | "vendredi" | "ven" => Weekday::Fri,
        "saturday" | "sat" | "samedi" | "sam" => Weekday::Sat,
        "sunday" | "sun" | "dimanche" | "dim" => Weekday::Sun,
        _ => return None,
    })
}

/// `2026-11-23`, or day first: `23/11`, `23/11/2026`, `23/11/26`, `23.11.2026`.
fn numeric(key: &str, today: NaiveDate) -> Option<NaiveDate> {
    if key.contains('-') {
        return NaiveDate::parse_from_str(key, "%Y-%m-%d").ok();
    }
    let parts: Vec<&str> = key.split(['/', '.']).collect();
    let num = |p: &str, lens: &[usize]| -> Option<u32> {
        (lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (day, month, year) = match parts.as_slice() {
        [d, m] => (num(d, &[1, 2])?, num(m, &[1, 2])?, today.year()),
        [d, m, y] => {
            let y = match y.len() {
                2 => 2000 + i32::try_from(num(y, &[2])?).ok()?,
                _ => i32::try_from(num(y, &[4])?).ok()?,
            };
            (num(d, &[1, 2])?, num(m, &[1, 2])?, y)
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The error for a value that isn't a day; `11/23` gets a word on the day/month order.
fn unknown(key: &str) -> DayError {
    let parts: Vec<u32> = key
        .split(['/', '.'])
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    if parts.len() >= 2 && (1..=12).contains(&parts[0]) && (13..=31).contains(&parts[1]) {
        return DayError::MonthDay {
            day: parts[1],
            month: parts[0],
        };
    }
    DayError::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn days_in_both_languages() {
        // A Wednesday.
        let today = ymd("2026-11-25");
        let table = [
            ("", "2026-11-25"),
            ("today", "2026-11-25"),
            ("Aujourd'hui", "2026-11-25"),
            ("aujourd’hui", "2026-11-25"),
            ("aujourdhui", "2026-11-25"),
            ("demain", "2026-11-26"),
            ("Demain", "2026-11-26"),
            ("tomorrow", "2026-11-26"),
            ("TOMORROW", "2026-11-26"),
            ("hier", "2026-11-24"),
            ("yesterday", "2026-11-24"),
            ("après-demain", "2026-11-27"),
            ("apres-demain", "2026-11-27"),
            ("avant-hier", "2026-11-23"),
            // Weekdays: the next such day, today included.
            ("lundi", "2026-11-30"),
            ("Lundi", "2026-11-30"),
            ("monday", "2026-11-30"),
            ("mon", "2026-11-30"),
            ("lun", "2026-11-30"),
            ("lun.", "2026-11-30"),
            ("Mardi", "2026-12-01"),
            ("tue", "2026-12-01"),
            ("mercredi", "2026-11-25"),
            ("Wednesday", "2026-11-25"),
            ("jeudi", "2026-11-26"),
            ("thu", "2026-11-26"),
            ("vendredi", "2026-11-27"),
            ("Samedi", "2026-11-28"),
            ("sat", "2026-11-28"),
            ("dimanche", "2026-11-29"),
            ("SUNDAY", "2026-11-29"),
            // Numbers, day first.
            ("23/11", "2026-11-23"),
            ("1/2", "2026-02-01"),
            ("23/11/2026", "2026-11-23"),
            ("23/11/27", "2027-11-23"),
            ("23.11.2026", "2026-11-23"),
            ("29/02/2028", "2028-02-29"),
            ("2027-01-02", "2027-01-02"),
            (" 31/12 ", "2026-12-31"),
            // The day DST ends in Europe is just a date.
            ("25/10/2026", "2026-10-25"),
            ("29/03/2026", "2026-03-29"),
        ];
        for (s, want) in table {
            assert_eq!(parse_day(s, today), Ok(ymd(want)), "{s:?}");
        }
        // A Monday asking for "lundi" gets today; across a year end too.
        assert_eq!(parse_day("lundi", ymd("2026-11-23")), Ok(ymd("2026-11-23")));
        assert_eq!(parse_day("jeudi", ymd("2026-12-31")), Ok(ymd("2026-12-31")));
        assert_eq!(
            parse_day("vendredi", ymd("2026-12-31")),
            Ok(ymd("2027-01-01"))
        );
    }

    #[test]
    fn errors_say_why() {
        use DayError::*;
        let today = ymd("2026-11-25");
        let table = [
            ("someday", Unknown),
            ("11/23", MonthDay { day: 23, month: 11 }),
            ("11/23/2026", MonthDay { day: 23, month: 11 }),
            ("31/02", Unknown),
            ("29/02/2027", Unknown),
            ("2026-13-01", Unknown),
            ("23/11/226", Unknown),
            ("23//11", Unknown),
            ("lundii", Unknown),
            ("0999-01-01", Year),
            ("+262142-12-31", Year),
            ("next week", Unknown),
        ];
        for (s, want) in table {
            assert_eq!(parse_day(s, today), Err(want), "{s:?}");
        }
    }

    #[test]
    fn yes_in_both_languages() {
        for a in ["y", "Y", "yes", "YES", "o", "O", "oui", "Oui", " oui\n"] {
            assert!(is_yes(a), "{a:?}");
        }
        for a in ["", "n", "no", "non", "N", "ouais?", "yep", "0"] {
            assert!(!is_yes(a), "{a:?}");
        }
    }
}
