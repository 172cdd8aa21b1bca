//! Parsing one-line timebox entries such as `09:00-10:30 Write report #work`.
//!
//! Pure functions: no I/O, no clock reads. Placing a [`When::For`] box on the day is the
//! caller's job (see [`crate::domain::plan::place`]).
//!
//! # Grammar
//!
//! Tokens are separated by whitespace. Tags (`#word`, the first char after `#` a letter,
//! accented ones too: `#santé`) may appear anywhere; the first non-tag tokens give the time
//! and the rest is the title.
//!
//! - `09:00-10:30`, `10:30-12`, `9-10h30`, `9h-10h30`, `14h–15h`, `22:00-24:00`,
//!   `09:00 - 10:30`: a [`When::Span`].
//! - `14:00 +30m`, `14h +1h30`, `14:00 30m`, `14h 45m`, `9 +45m`: a [`When::StartFor`].
//! - `14h`, `14H30`, `9h05`, `14:00` followed by the title: a start with the default length
//!   ([`DEFAULT_MINUTES`]), also a [`When::StartFor`].
//! - `45m`, `1h30m`, `90m`, `+1h30`, `+2h`: a [`When::For`] (next free slot).
//!
//! The first token is a start time whenever it can be one: `14h Réunion` is a box from
//! 14:00 to 14:30, never a 14-hour box, and `8h Report` starts at 08:00 (the CLI and the TUI
//! show the times they added). A length in the first place needs a `+` (`+8h Report`) or a
//! minutes unit (`45m`, `1h30m`). Hours are written `h` or `H`, the French way.

use crate::domain::plan::{DAY_MINUTES, Kind, MIN_BOX_MINUTES, hhmm};

mod day;

pub use day::{DayError, is_yes, parse_day};

/// When the box happens, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// `09:00-10:30`, `10:30-12`, `9-10h30`, `22:00-24:00`: minutes since midnight,
    /// `start < end <= 1440`.
    Span { start: u16, end: u16 },
    /// `14:00 +30m`, `14h +1h30`, `14:00 30m`: a fixed start and a length.
    StartFor { start: u16, len: u16 },
    /// `45m Inbox triage`: a length, placed by the caller in the next free slot.
    For { len: u16 },
}

/// A parsed entry, not yet placed on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub when: When,
    /// Non-tag words joined by single spaces; never empty.
    pub title: String,
    /// Lowercase domain from a `#domain` tag, one of the configured domains.
    pub domain: Option<String>,
    /// [`Kind::Break`] when the line has a `#break` tag.
    pub kind: Kind,
}

/// Why a line was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct ParseError {
    /// 1-based position in chars (not bytes) of the offending token or part of a token.
    pub column: usize,
    pub message: String,
}

/// The accepted time forms, appended to errors about the time.
pub const ACCEPTED_FORMS: &str =
    "09:00-10:30 Title #domain · 14:00 +45m Title · 45m Title (next free slot)";

/// The length of a box given only a start (`14h Réunion`, `14:00 Call`).
pub const DEFAULT_MINUTES: u16 = 30;

const MIDNIGHT_ADVICE: &str =
    "boxes can't cross midnight: plan `22:00-24:00` today and `00:00-01:00` tomorrow";

/// Parses one entry line; tags must name one of `domains` (case-insensitive) or `break`.
pub fn parse(input: &str, domains: &[&str]) -> Result<Draft, ParseError> {
    // Control characters would be printed raw by the CLI and shift the TUI's columns
    // (an escape sequence in a title could even restyle the user's terminal).
    if let Some((col, c)) = input
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !c.is_whitespace())
    {
        return Err(err(
            col + 1,
            format!(
                "control character U+{:04X} is not allowed in a box",
                u32::from(c)
            ),
        ));
    }
    let toks = tokens(input);
    if toks.is_empty() {
        return Err(err(1, "nothing to add: type a time and a title".into()));
    }
    let (tags, words): (Vec<Tok>, Vec<Tok>) = toks.iter().partition(|t| is_tag(t.text));

    let (when, used) = parse_time(&words)?;

    let mut domain: Option<String> = None;
    let mut kind = Kind::Focus;
    for t in &tags {
        // `#` is one byte, so slicing after it is on a char boundary.
        let name = t.text[1..].to_lowercase();
        if name == "break" {
            kind = Kind::Break;
            continue;
        }
        if !domains.iter().any(|d| d.to_lowercase() == name) {
            let known = if domains.is_empty() {
                "no domains are configured (only #break)".to_string()
            } else {
                format!("known domains are {} (or #break)", domains.join(", "))
            };
            return Err(err(
                t.col,
                format!("unknown domain \"{}\": {known}", t.text),
            ));
        }
        match &domain {
            Some(d) if *d != name => {
                return Err(err(
                    t.col,
                    format!("a box has one domain: got #{d} and #{name}"),
                ));
            }
            _ => domain = Some(name),
        }
    }

    let title_words: Vec<&str> = words[used..].iter().map(|t| t.text).collect();
    if title_words.is_empty() {
        let last = toks.last().expect("toks is not empty");
        return Err(err(
            last.col + last.text.chars().count(),
            "a title is missing, e.g. `09:00-10:30 Write report #work`".into(),
        ));
    }
    Ok(Draft {
        when,
        title: title_words.join(" "),
        domain,
        kind,
    })
}

/// Writes the canonical line for a draft; `parse(&format(d), domains) == Ok(d)` for any
/// valid draft (non-empty single-spaced title without `#letter` words, known domain).
pub fn format(d: &Draft) -> String {
    let mut out = match d.when {
        When::Span { start, end } => format!("{}-{} {}", hhmm(start), hhmm(end), d.title),
        When::StartFor { start, len } => {
            format!("{} +{} {}", hhmm(start), format_duration(len), d.title)
        }
        When::For { len } => {
            // `2h` alone reads as a start time (02:00), so whole hours get a `+`.
            let plus = if len % 60 == 0 { "+" } else { "" };
            format!("{plus}{} {}", format_duration(len), d.title)
        }
    };
    if let Some(domain) = &d.domain {
        out.push_str(" #");
        out.push_str(domain);
    }
    if d.kind == Kind::Break {
        out.push_str(" #break");
    }
    out
}

/// Reads a clock time as minutes since midnight: `9`, `09`, `9:00`, `09:00`, `9h`, `9h30`,
/// `09h30`, `24:00` (= 1440). Minutes are two digits, 00-59. `None` if not a valid clock.
pub fn parse_clock(s: &str) -> Option<u16> {
    let c = clock_shape(s)?;
    if c.m > 59 || c.h > 24 || (c.h == 24 && c.m > 0) {
        return None;
    }
    u16::try_from(c.h * 60 + c.m).ok()
}

/// Reads a length in minutes: `45m`, `1h`, `1h30`, `1h30m`, `90m`, `2h05`. A unit is
/// required (`45` is not a duration). `None` if not a duration; the 5 min..24 h box limits
/// are checked by [`parse`], not here.
pub fn parse_duration(s: &str) -> Option<u16> {
    match duration_shape(s)? {
        Dur::Minutes(n) => u16::try_from(n).ok(),
        Dur::BadMinutes => None,
    }
}

/// Formats a length compactly so that [`parse_duration`] reads it back: `45m`, `1h`,
/// `1h30m`, `2h05m`.
fn format_duration(min: u16) -> String {
    match (min / 60, min % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    /// 1-based char column of the token's first char.
    col: usize,
}

fn tokens(input: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte index, column)
    for (n, (i, c)) in input.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((b, col)) = start.take() {
                out.push(Tok {
                    text: &input[b..i],
                    col,
                });
            }
        } else if start.is_none() {
            start = Some((i, n + 1));
        }
    }
    if let Some((b, col)) = start {
        out.push(Tok {
            text: &input[b..],
            col,
        });
    }
    out
}

fn is_tag(s: &str) -> bool {
    s.strip_prefix('#')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphabetic)
}

fn is_dash(s: &str) -> bool {
    s == "-" || s == "–"
}

fn err(column: usize, message: String) -> ParseError {
    ParseError { column, message }
}

/// An error about the shape of the time, which reminds the user of the accepted forms.
fn form_err(column: usize, message: String) -> ParseError {
    err(column, format!("{message}; accepted: {ACCEPTED_FORMS}"))
}

/// A token that looks like a clock; the values are not range-checked yet.
#[derive(Debug, Clone, Copy)]
struct Clock {
    h: u32,
    m: u32,
    /// Bare digits (`9`): only a clock next to a dash or before a length.
    bare: bool,
}

fn clock_shape(s: &str) -> Option<Clock> {
    // ASCII-only, so the byte slicing below is safe.
    if !s.is_ascii() {
        return None;
    }
    let hl = s.bytes().take_while(u8::is_ascii_digit).count();
    if hl == 0 || hl > 2 {
        return None;
    }
    let h = s[..hl].parse().ok()?;
    let (m, bare) = match &s.as_bytes()[hl..] {
        [] => (0, true),
        [b'h' | b'H'] => (0, false),
        [b':' | b'h' | b'H', a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            (u32::from(a - b'0') * 10 + u32::from(b - b'0'), false)
        }
        _ => return None,
    };
    Some(Clock { h, m, bare })
}

/// A token that looks like a length.
#[derive(Debug, Clone, Copy)]
enum Dur {
    Minutes(u32),
    /// Shaped like `1h75`: the minutes part is 60 or more.
    BadMinutes,
}

fn duration_shape(s: &str) -> Option<Dur> {
    if !s.is_ascii() {
        return None;
    }
    let nl = s.bytes().take_while(u8::is_ascii_digit).count();
    // At most 4 digits keeps the arithmetic far from overflow.
    if nl == 0 || nl > 4 {
        return None;
    }
    let n: u32 = s[..nl].parse().ok()?;
    match &s.as_bytes()[nl..] {
        [b'm'] => Some(Dur::Minutes(n)),
        [b'h' | b'H'] => Some(Dur::Minutes(n * 60)),
        [b'h' | b'H', rest @ ..] => {
            let (digits, unit) = match rest {
                [d @ .., b'm'] => (d, true),
                d => (d, false),
            };
            // `1h5m` is clear; without the `m`, insist on two digits like a clock.
            let len_ok = if unit {
                (1..=2).contains(&digits.len())
            } else {
                digits.len() == 2
            };
            if !len_ok || !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let m = digits.iter().fold(0, |a, d| a * 10 + u32::from(d - b'0'));
            Some(if m > 59 {
                Dur::BadMinutes
            } else {
                Dur::Minutes(n * 60 + m)
            })
        }
        _ => None,
    }
}

/// Range-checks a clock; `24:00` is only valid as an end.
fn check_clock(c: Clock, text: &str, col: usize, is_end: bool) -> Result<u16, ParseError> {
    if c.h == 24 && c.m == 0 && !is_end {
        return Err(form_err(
            col,
            format!("\"{text}\": 24:00 can only end a box; start at 00:00 instead"),
        ));
    }
    if c.h > 24 || (c.h == 24 && c.m > 0) {
        return Err(form_err(
            col,
            format!("\"{text}\": hours go from 00 to 23 (24:00 only as an end)"),
        ));
    }
    if c.m > 59 {
        return Err(form_err(
            col,
            format!("\"{text}\": minutes go from 00 to 59"),
        ));
    }
    Ok((c.h * 60 + c.m) as u16) // at most 24*60, fits
}

/// Range-checks a box length.
fn check_len(d: Dur, text: &str, col: usize) -> Result<u16, ParseError> {
    let n = match d {
        Dur::Minutes(n) => n,
        Dur::BadMinutes => {
            return Err(form_err(
                col,
                format!("\"{text}\": minutes go from 00 to 59"),
            ));
        }
    };
    if n < u32::from(MIN_BOX_MINUTES) {
        return Err(err(
            col,
            format!("\"{text}\" is too short: a box lasts at least {MIN_BOX_MINUTES} minutes"),
        ));
    }
    if n > u32::from(DAY_MINUTES) {
        return Err(err(
            col,
            format!("\"{text}\" is too long: a box lasts at most 24h"),
        ));
    }
    Ok(n as u16) // at most DAY_MINUTES, fits
}

fn check_span(
    (start, start_text, start_col): (Clock, &str, usize),
    (end, end_text, end_col): (Clock, &str, usize),
) -> Result<When, ParseError> {
    let start = check_clock(start, start_text, start_col, false)?;
    let end = check_clock(end, end_text, end_col, true)?;
    if end < start {
        return Err(form_err(
            end_col,
            format!(
                "the end {} is before the start {}; {MIDNIGHT_ADVICE}",
                hhmm(end),
                hhmm(start)
            ),
        ));
    }
    if end - start < MIN_BOX_MINUTES {
        return Err(form_err(
            start_col,
            format!(
                "{}-{} is too short: a box lasts at least {MIN_BOX_MINUTES} minutes",
                hhmm(start),
                hhmm(end)
            ),
        ));
    }
    Ok(When::Span { start, end })
}

/// A length right after a start clock: `+30m`, `30m` or `+ 30m`; returns it and how many
/// tokens it took.
fn length_after<'a>(rest: &[Tok<'a>]) -> Option<(Dur, Tok<'a>, usize)> {
    let n1 = rest.first()?;
    let bare = n1.text.strip_prefix('+').unwrap_or(n1.text);
    if let Some(d) = duration_shape(bare) {
        return Some((d, *n1, 1));
    }
    let n2 = rest.get(1)?;
    if n1.text == "+" {
        return duration_shape(n2.text).map(|d| (d, *n2, 2));
    }
    None
}

/// Reads the time at the start of `words`; returns it and how many words it took.
fn parse_time(words: &[Tok]) -> Result<(When, usize), ParseError> {
    let missing = |col| {
        form_err(
            col,
            "a time is missing at the start, e.g. 14:00, 14h, 14h30 or 14:00 +30m".into(),
        )
    };
    let Some(first) = words.first() else {
        return Err(missing(1));
    };

    // `+1h30 Title`, `+ 45m Title`: a length, in the next free slot.
    if first.text.starts_with('+')
        && let Some((d, tok, used)) = length_after(words)
    {
        let len = check_len(d, tok.text, tok.col)?;
        return Ok((When::For { len }, used));
    }

    if let Some((i, dash)) = first
        .text
        .char_indices()
        .find(|&(_, c)| c == '-' || c == '–')
    {
        let left = &first.text[..i];
        let right = &first.text[i + dash.len_utf8()..];
        let Some(lc) = clock_shape(left) else {
            return Err(missing(first.col));
        };
        let rcol = first.col + left.chars().count() + 1;
        let Some(rc) = clock_shape(right) else {
            let msg = if right.is_empty() {
                format!("\"{}\" needs an end time, e.g. 09:00-10:30", first.text)
            } else {
                format!("\"{right}\" is not an end time")
            };
            return Err(form_err(rcol, msg));
        };
        let when = check_span((lc, left, first.col), (rc, right, rcol))?;
        return Ok((when, 1));
    }

    let clock = clock_shape(first.text);
    if let Some(c) = clock {
        if let Some((d, tok, used)) = length_after(&words[1..]) {
            let start = check_start(c, first)?;
            let len = check_len(d, tok.text, tok.col)?;
            return Ok((start_for(start, len, tok.col)?, 1 + used));
        }
        if let (Some(dash), Some(end)) = (words.get(1), words.get(2))
            && is_dash(dash.text)
            && let Some(ec) = clock_shape(end.text)
        {
            let when = check_span((c, first.text, first.col), (ec, end.text, end.col))?;
            return Ok((when, 3));
        }
        if let Some(next) = words.get(1)
            && !c.bare
            && next.text.starts_with('+')
        {
            return Err(form_err(
                next.col,
                format!(
                    "\"{}\" is not a length: give a unit, e.g. +45m or +1h30",
                    next.text
                ),
            ));
        }
        // `14h Réunion`, `14:00 Call`: a start with the default length. Bare digits
        // (`3 apples`) are too likely to be part of the title.
        if !c.bare {
            let start = check_start(c, first)?;
            return Ok((start_for(start, DEFAULT_MINUTES, first.col)?, 1));
        }
    }

    if let Some(d) = duration_shape(first.text) {
        let len = check_len(d, first.text, first.col)?;
        return Ok((When::For { len }, 1));
    }
    Err(missing(first.col))
}

/// A start clock, range-checked; a token that could have meant a length (`24h`, `30h`) says
/// how to write one.
fn check_start(c: Clock, tok: &Tok) -> Result<u16, ParseError> {
    check_clock(c, tok.text, tok.col, false).map_err(|mut e| {
        if tok.text.ends_with(['h', 'H']) {
            let hint = format!("; for a length, write +{} (e.g. `+{0} Title`)", tok.text);
            e.message = e
                .message
                .replacen("; accepted: ", &format!("{hint}; accepted: "), 1);
        }
        e
    })
}

/// `start` plus `len`, refused when it would end after midnight.
fn start_for(start: u16, len: u16, col: usize) -> Result<When, ParseError> {
    if start + len > DAY_MINUTES {
        return Err(err(
            col,
            format!(
                "{} +{} ends after midnight; {MIDNIGHT_ADVICE}",
                hhmm(start),
                format_duration(len)
            ),
        ));
    }
    Ok(When::StartFor { start, len })
}

#[cfg(test)]
mod control_tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_at_their_column() {
        for (input, col) in [
            ("12:00-12:30 esc\u{1b}[31mred", 16),
            ("\u{7}09:00-10:00 x", 1),
        ] {
            let e = parse(input, &["work"]).unwrap_err();
            assert_eq!(e.column, col, "{input:?}");
            assert!(e.message.contains("control character"), "{e}");
        }
        // Tabs are just spaces.
        assert!(parse("09:00-10:00\tTabbed title", &["work"]).is_ok());
    }

    #[test]
    fn impossible_spans_list_the_accepted_forms() {
        for input in ["10:00-09:00 x", "10:00-10:02 x"] {
            let e = parse(input, &["work"]).unwrap_err();
            assert!(e.message.ends_with(ACCEPTED_FORMS), "{e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DOMAINS: &[&str] = &["work", "personal", "family", "social", "health"];

    fn draft(when: When, title: &str, domain: Option<&str>, kind: Kind) -> Draft {
        Draft {
            when,
            title: title.into(),
            domain: domain.map(str::to_string),
            kind,
        }
    }

    fn span(start: u16, end: u16) -> When {
        When::Span { start, end }
    }

    #[test]
    fn accepted_forms() {
        use Kind::{Break, Focus};
        let table: Vec<(&str, Draft)> = vec![
            (
                "09:00-10:30 Write report #work",
                draft(span(540, 630), "Write report", Some("work"), Focus),
            ),
            (
                "10:30-12 Write report #work",
                draft(span(630, 720), "Write report", Some("work"), Focus),
            ),
            (
                "45m Inbox triage",
                draft(When::For { len: 45 }, "Inbox triage", None, Focus),
            ),
            (
                "14h +30m Call mum #family",
                draft(
                    When::StartFor {
                        start: 840,
                        len: 30,
                    },
                    "Call mum",
                    Some("family"),
                    Focus,
                ),
            ),
            (
                "9h30-10h Gym #health",
                draft(span(570, 600), "Gym", Some("health"), Focus),
            ),
            (
                "12:00-12:30 Lunch #break",
                draft(span(720, 750), "Lunch", None, Break),
            ),
            (
                "22:00-24:00 Read #personal",
                draft(span(1320, 1440), "Read", Some("personal"), Focus),
            ),
            (
                "09:00–10:00 En dash",
                draft(span(540, 600), "En dash", None, Focus),
            ),
            (
                "09:00-10:00 Upper #WORK",
                draft(span(540, 600), "Upper", Some("work"), Focus),
            ),
            (
                "09:00-10:00 Fix bug #123 #work",
                draft(span(540, 600), "Fix bug #123", Some("work"), Focus),
            ),
            ("9-10h30 Early", draft(span(540, 630), "Early", None, Focus)),
            (
                "14:00 +1h30 Deep work #work",
                draft(
                    When::StartFor {
                        start: 840,
                        len: 90,
                    },
                    "Deep work",
                    Some("work"),
                    Focus,
                ),
            ),
            (
                "14:00 30m No plus",
                draft(
                    When::StartFor {
                        start: 840,
                        len: 30,
                    },
                    "No plus",
                    None,
                    Focus,
                ),
            ),
            (
                "14h +1h30 Hours",
                draft(
                    When::StartFor {
                        start: 840,
                        len: 90,
                    },
                    "Hours",
                    None,
                    Focus,
                ),
            ),
            (
                "9 +45m Bare start",
                draft(
                    When::StartFor {
                        start: 540,
                        len: 45,
                    },
                    "Bare start",
                    None,
                    Focus,
                ),
            ),
            (
                "14h Inbox",
                draft(
                    When::StartFor {
                        start: 840,
                        len: DEFAULT_MINUTES,
                    },
                    "Inbox",
                    None,
                    Focus,
                ),
            ),
            (
                "1h30m Review",
                draft(When::For { len: 90 }, "Review", None, Focus),
            ),
            (
                "+2h05 Odd length",
                draft(When::For { len: 125 }, "Odd length", None, Focus),
            ),
            (
                "   09:00-10:00    Many   spaces   ",
                draft(span(540, 600), "Many spaces", None, Focus),
            ),
            (
                "#work 09:00-10:00 Tag first",
                draft(span(540, 600), "Tag first", Some("work"), Focus),
            ),
            (
                "09:00 - 10:00 Spaced dash",
                draft(span(540, 600), "Spaced dash", None, Focus),
            ),
            (
                "10:00 + 45m Spaced plus",
                draft(
                    When::StartFor {
                        start: 600,
                        len: 45,
                    },
                    "Spaced plus",
                    None,
                    Focus,
                ),
            ),
            (
                "00:00-00:05 Tiny #work #work #break",
                draft(span(0, 5), "Tiny", Some("work"), Break),
            ),
            (
                "+24h All day",
                draft(When::For { len: 1440 }, "All day", None, Focus),
            ),
            (
                "30m Café ☕ # done",
                draft(When::For { len: 30 }, "Café ☕ # done", None, Focus),
            ),
        ];
        for (input, want) in table {
            assert_eq!(parse(input, DOMAINS), Ok(want), "input: {input:?}");
        }
    }

    #[test]
    fn errors() {
        let table: &[(&str, usize, &str)] = &[
            ("", 1, "nothing to add: type a time and a title"),
            ("   \t ", 1, "nothing to add"),
            ("25:00-26:00 x", 1, "\"25:00\": hours go from 00 to 23"),
            ("10:00-25:00 x", 7, "\"25:00\": hours go from 00 to 23"),
            ("10:61-11:00 x", 1, "minutes go from 00 to 59"),
            (
                "10:00-09:00 x",
                7,
                "the end 09:00 is before the start 10:00; boxes can't cross midnight: \
                 plan `22:00-24:00` today and `00:00-01:00` tomorrow",
            ),
            (
                "10:00-10:00 x",
                1,
                "too short: a box lasts at least 5 minutes",
            ),
            ("10:00-10:04 x", 1, "too short"),
            ("3m x", 1, "too short"),
            ("14:00 +3m x", 7, "too short"),
            ("+25h x", 1, "too long: a box lasts at most 24h"),
            ("25h x", 1, "hours go from 00 to 23"),
            ("25h x", 1, "for a length, write +25h"),
            ("24h All day", 1, "24:00 can only end a box"),
            ("24h All day", 1, "write +24h"),
            ("23h45 Late", 1, "ends after midnight"),
            (
                "23:00 +2h x",
                7,
                "ends after midnight; boxes can't cross midnight",
            ),
            ("24:00-24:30 x", 1, "24:00 can only end a box"),
            ("24 +30m x", 1, "24:00 can only end a box"),
            ("1h75 x", 1, "minutes go from 00 to 59"),
            ("Write report", 1, "a time is missing at the start"),
            ("  9 Gym", 3, "a time is missing at the start"),
            ("#work", 1, "a time is missing at the start"),
            ("14:00 +30 Meeting", 7, "\"+30\" is not a length"),
            ("09:00- x", 7, "needs an end time"),
            ("09:00-x y", 7, "\"x\" is not an end time"),
            (
                "09:00-10:00 x #wrok",
                15,
                "unknown domain \"#wrok\": known domains are work, personal, family, \
                 social, health (or #break)",
            ),
            (
                "09:00-10:00 x #work #family",
                21,
                "a box has one domain: got #work and #family",
            ),
            (
                "09:00-10:30",
                12,
                "a title is missing, e.g. `09:00-10:30 Write report #work`",
            ),
            ("45m #work #break", 17, "a title is missing"),
            ("é 09:00-10:00 x", 1, "a time is missing"),
        ];
        for &(input, column, needle) in table {
            let e = parse(input, DOMAINS).expect_err(input);
            assert_eq!(e.column, column, "input: {input:?}, error: {e}");
            assert!(e.message.contains(needle), "input: {input:?}, error: {e}");
        }
    }

    #[test]
    fn time_form_errors_list_the_accepted_forms() {
        for input in [
            "25:00-26:00 x",
            "10:61-11:00 x",
            "x",
            "14:00 +30 x",
            "9-x y",
            "25h x",
        ] {
            let e = parse(input, DOMAINS).unwrap_err();
            assert!(
                e.message
                    .ends_with(&format!("; accepted: {ACCEPTED_FORMS}")),
                "{e}"
            );
        }
    }

    /// Issue 12: French times are start times; a length in first place needs `+` or `m`.
    #[test]
    fn french_forms() {
        let at = |start, len| When::StartFor { start, len };
        let table: &[(&str, When, &str, Option<&str>)] = &[
            ("14h Réunion", at(840, DEFAULT_MINUTES), "Réunion", None),
            ("14H Réunion", at(840, DEFAULT_MINUTES), "Réunion", None),
            (
                "9h30 Relecture",
                at(570, DEFAULT_MINUTES),
                "Relecture",
                None,
            ),
            ("14H30 Point", at(870, DEFAULT_MINUTES), "Point", None),
            ("9h05 Café", at(545, DEFAULT_MINUTES), "Café", None),
            ("0h Minuit", at(0, DEFAULT_MINUTES), "Minuit", None),
            ("8h Rapport", at(480, DEFAULT_MINUTES), "Rapport", None),
            ("1h Inbox", at(60, DEFAULT_MINUTES), "Inbox", None),
            ("23h30 Fin", at(1410, DEFAULT_MINUTES), "Fin", None),
            ("14:00 Réunion", at(840, DEFAULT_MINUTES), "Réunion", None),
            ("14h +30m Appel", at(840, 30), "Appel", None),
            ("14h 45m Appel", at(840, 45), "Appel", None),
            ("14h +1h30 Atelier", at(840, 90), "Atelier", None),
            ("14H30 + 1H30 Atelier", at(870, 90), "Atelier", None),
            (
                "9h30-10h45 Relecture #santé",
                span(570, 645),
                "Relecture",
                Some("santé"),
            ),
            (
                "9h-10h30 Sport #SANTÉ",
                span(540, 630),
                "Sport",
                Some("santé"),
            ),
            ("14h–15h Atelier", span(840, 900), "Atelier", None),
            ("14h - 15h Atelier", span(840, 900), "Atelier", None),
            ("22h-24h Lecture", span(1320, 1440), "Lecture", None),
            ("22h-24:00 Lecture", span(1320, 1440), "Lecture", None),
            ("0h-0h30 Nuit", span(0, 30), "Nuit", None),
            ("45m Courrier", When::For { len: 45 }, "Courrier", None),
            ("+45m Courrier", When::For { len: 45 }, "Courrier", None),
            ("+1h30 Lecture", When::For { len: 90 }, "Lecture", None),
            ("+ 2h Lecture", When::For { len: 120 }, "Lecture", None),
            ("+8h Journée", When::For { len: 480 }, "Journée", None),
            ("1h30m Revue", When::For { len: 90 }, "Revue", None),
            (
                "#santé 7h Yoga",
                at(420, DEFAULT_MINUTES),
                "Yoga",
                Some("santé"),
            ),
        ];
        let domains = ["work", "santé"];
        for &(input, when, title, domain) in table {
            let want = draft(when, title, domain, Kind::Focus);
            assert_eq!(parse(input, &domains), Ok(want.clone()), "input: {input:?}");
            // And the canonical line reads back the same.
            assert_eq!(
                parse(&format(&want), &domains),
                Ok(want),
                "input: {input:?}"
            );
        }
    }

    #[test]
    fn french_errors_suggest_the_forms() {
        let domains = ["work", "santé"];
        let table: &[(&str, usize, &str)] = &[
            ("24h Journée", 1, "24:00 can only end a box"),
            ("24h Journée", 1, "for a length, write +24h"),
            ("24H Journée", 1, "write +24H"),
            ("25h Journée", 1, "hours go from 00 to 23"),
            ("14h60 x", 1, "minutes go from 00 to 59"),
            ("23h45 Tard", 1, "ends after midnight"),
            ("14h-13h x", 5, "before the start"),
            ("14h +30 Réunion", 5, "\"+30\" is not a length"),
            ("Réunion", 1, "a time is missing"),
            ("Réunion", 1, "e.g. 14:00, 14h, 14h30 or 14:00 +30m"),
            ("14h Réunion #sante", 13, "unknown domain \"#sante\""),
            ("14h", 4, "a title is missing"),
        ];
        for &(input, column, needle) in table {
            let e = parse(input, &domains).expect_err(input);
            assert_eq!(e.column, column, "input: {input:?}, error: {e}");
            assert!(e.message.contains(needle), "input: {input:?}, error: {e}");
        }
    }

    #[test]
    fn clocks_and_durations() {
        for (s, want) in [
            ("9", Some(540)),
            ("09", Some(540)),
            ("9:00", Some(540)),
            ("09:00", Some(540)),
            ("9h", Some(540)),
            ("9h30", Some(570)),
            ("09h30", Some(570)),
            ("14H30", Some(870)),
            ("9h05", Some(545)),
            ("0h", Some(0)),
            ("24h", Some(1440)),
            ("9h5", None),
            ("9h300", None),
            ("24:00", Some(1440)),
            ("0:00", Some(0)),
            ("24:01", None),
            ("25", None),
            ("9:60", None),
            ("9:5", None),
            ("9:", None),
            ("123", None),
            ("", None),
            ("9m", None),
            ("٩:٠٠", None),
        ] {
            assert_eq!(parse_clock(s), want, "{s:?}");
        }
        for (s, want) in [
            ("45m", Some(45)),
            ("1h", Some(60)),
            ("1h30", Some(90)),
            ("1h30m", Some(90)),
            ("90m", Some(90)),
            ("2h05", Some(125)),
            ("1h5m", Some(65)),
            ("45", None),
            ("1h5", None),
            ("1h60", None),
            ("h", None),
            ("m", None),
            ("+45m", None),
            ("99999m", None),
        ] {
            assert_eq!(parse_duration(s), want, "{s:?}");
        }
        for (n, want) in [(45, "45m"), (60, "1h"), (90, "1h30m"), (125, "2h05m")] {
            assert_eq!(format_duration(n), want);
            assert_eq!(parse_duration(want), Some(n));
        }
    }

    #[test]
    fn format_disambiguates_whole_hours() {
        let d = draft(When::For { len: 60 }, "30m stretch", None, Kind::Focus);
        assert_eq!(format(&d), "+1h 30m stretch");
        assert_eq!(parse(&format(&d), DOMAINS), Ok(d));
        let d = draft(
            When::For { len: 60 },
            "Stretch",
            Some("health"),
            Kind::Break,
        );
        assert_eq!(format(&d), "+1h Stretch #health #break");
    }

    fn check_never_panics(s: &str) {
        match parse(s, DOMAINS) {
            Ok(d) => {
                assert!(!d.title.is_empty());
                match d.when {
                    When::Span { start, end } => {
                        assert!(start + MIN_BOX_MINUTES <= end && end <= DAY_MINUTES)
                    }
                    When::StartFor { start, len } => {
                        assert!(len >= MIN_BOX_MINUTES && start + len <= DAY_MINUTES)
                    }
                    When::For { len } => {
                        assert!((MIN_BOX_MINUTES..=DAY_MINUTES).contains(&len))
                    }
                }
            }
            Err(e) => {
                assert!(e.column >= 1 && e.column <= s.chars().count() + 1, "{e}")
            }
        }
    }

    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "9", "09:00", "24:00", "24", "25:00", "10:61", "9h", "9h30", "1h75", "-", "–", "+",
            "+30m", "45m", "1h30", "14h", "0m", "99h", "#work", "#break", "#wrok", "#WORK", "#123",
            "#", "é", "漢字", "😀", " ", "  ", "\t", "x", ":", "h", "m",
        ])
    }

    fn title_word() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9:+#\\-–éß漢😀.]{1,8}".prop_filter("not a tag", |w| !is_tag(w))
    }

    fn when() -> impl Strategy<Value = When> {
        prop_oneof![
            (0..DAY_MINUTES - MIN_BOX_MINUTES).prop_flat_map(|start| {
                (start + MIN_BOX_MINUTES..=DAY_MINUTES)
                    .prop_map(move |end| When::Span { start, end })
            }),
            (0..DAY_MINUTES - MIN_BOX_MINUTES).prop_flat_map(|start| {
                (MIN_BOX_MINUTES..=DAY_MINUTES - start)
                    .prop_map(move |len| When::StartFor { start, len })
            }),
            (MIN_BOX_MINUTES..=DAY_MINUTES).prop_map(|len| When::For { len }),
            // Whole hours collide with clocks, so give them extra weight.
            (1..=24u16).prop_map(|h| When::For { len: h * 60 }),
        ]
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(s in ".*") {
            check_never_panics(&s);
        }

        #[test]
        fn never_panics_on_time_like_strings(s in "[0-9:hm\\-–+# a-zA-Z\téß漢😀]{0,40}") {
            check_never_panics(&s);
        }

        #[test]
        fn never_panics_on_fragments(parts in prop::collection::vec(fragment(), 0..10)) {
            check_never_panics(&parts.concat());
            check_never_panics(&parts.join(" "));
        }

        #[test]
        fn format_then_parse_round_trips(
            when in when(),
            words in prop::collection::vec(title_word(), 1..5),
            domain in prop::option::of(prop::sample::select(DOMAINS.to_vec())),
            brk in any::<bool>(),
        ) {
            let d = Draft {
                when,
                title: words.join(" "),
                domain: domain.map(str::to_string),
                kind: if brk { Kind::Break } else { Kind::Focus },
            };
            let line = format(&d);
            prop_assert_eq!(parse(&line, DOMAINS), Ok(d), "line: {:?}", line);
        }
    }
}
