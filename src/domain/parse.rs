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

/// Why a line was refused, and where. The words are the interface's (`i18n::problems`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based position in chars (not bytes) of the offending token or part of a token.
    pub column: usize,
    pub problem: ParseProblem,
}

impl std::error::Error for ParseError {}

/// What is wrong with a line, with the data to say it (`text` is the offending token or
/// part of it, as typed; times are minutes since midnight).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseProblem {
    /// A control character (its code point), which would be printed raw.
    Control { code: u32 },
    /// Nothing but spaces.
    Empty,
    /// A `#tag` that is not a configured domain (`known`: the domains, maybe none).
    UnknownDomain { tag: String, known: Vec<String> },
    /// Two different domains on one box.
    TwoDomains { first: String, second: String },
    /// A time but no title.
    NoTitle,
    /// No time at the start of the line.
    NoTime,
    /// `09:00-`: a dash without an end.
    NoEnd { text: String },
    /// `09:00-x`: the end is not a clock.
    NotAnEnd { text: String },
    /// `24:00` (or `24h`) as a start. `as_length`: the token could have meant a length
    /// (`24h`), so the words say how to write one.
    StartAt24 { text: String, as_length: bool },
    /// An hour above 23 (or `24:xx`).
    Hours { text: String, as_length: bool },
    /// Minutes above 59, in a clock or a length.
    Minutes { text: String, as_length: bool },
    /// A span whose end is before its start.
    EndBeforeStart { start: u16, end: u16 },
    /// A span shorter than [`MIN_BOX_MINUTES`].
    SpanTooShort { start: u16, end: u16 },
    /// `+30`: a length without a unit.
    NoUnit { text: String },
    /// A length shorter than [`MIN_BOX_MINUTES`].
    TooShort { text: String },
    /// A length over 24 h.
    TooLong { text: String },
    /// A start plus a length that ends after midnight.
    PastMidnight { start: u16, len: u16 },
}

impl ParseProblem {
    /// Whether it is about the shape of the time, so the words remind the user of the
    /// accepted forms.
    pub fn is_about_the_form(&self) -> bool {
        use ParseProblem::*;
        matches!(
            self,
            NoTime
                | NoEnd { .. }
                | NotAnEnd { .. }
                | StartAt24 { .. }
                | Hours { .. }
                | Minutes { .. }
                | EndBeforeStart { .. }
                | SpanTooShort { .. }
                | NoUnit { .. }
        )
    }
}

/// The length of a box given only a start (`14h Réunion`, `14:00 Call`).
pub const DEFAULT_MINUTES: u16 = 30;

/// Parses one entry line; tags must name one of `domains` (case-insensitive) or `break`.
pub fn parse(input: &str, domains: &[&str]) -> Result<Draft, ParseError> {
    // Control characters would be printed raw by the CLI and shift the TUI's columns
    // (an escape sequence in a title could even restyle the user's terminal).
    if let Some((col, c)) = input
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !c.is_whitespace())
    {
        return Err(err(col + 1, ParseProblem::Control { code: u32::from(c) }));
    }
    let toks = tokens(input);
    if toks.is_empty() {
        return Err(err(1, ParseProblem::Empty));
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
            return Err(err(
                t.col,
                ParseProblem::UnknownDomain {
                    tag: t.text.to_string(),
                    known: domains.iter().map(|d| d.to_string()).collect(),
                },
            ));
        }
        match &domain {
            Some(d) if *d != name => {
                return Err(err(
                    t.col,
                    ParseProblem::TwoDomains {
                        first: d.clone(),
                        second: name,
                    },
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
            ParseProblem::NoTitle,
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
pub fn format_duration(min: u16) -> String {
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

fn err(column: usize, problem: ParseProblem) -> ParseError {
    ParseError { column, problem }
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
        return Err(err(
            col,
            ParseProblem::StartAt24 {
                text: text.into(),
                as_length: false,
            },
        ));
    }
    if c.h > 24 || (c.h == 24 && c.m > 0) {
        return Err(err(
            col,
            ParseProblem::Hours {
                text: text.into(),
                as_length: false,
            },
        ));
    }
    if c.m > 59 {
        return Err(err(
            col,
            ParseProblem::Minutes {
                text: text.into(),
                as_length: false,
            },
        ));
    }
    Ok((c.h * 60 + c.m) as u16) // at most 24*60, fits
}

/// Range-checks a box length.
fn check_len(d: Dur, text: &str, col: usize) -> Result<u16, ParseError> {
    let n = match d {
        Dur::Minutes(n) => n,
        Dur::BadMinutes => {
            return Err(err(
                col,
                ParseProblem::Minutes {
                    text: text.into(),
                    as_length: false,
                },
            ));
        }
    };
    if n < u32::from(MIN_BOX_MINUTES) {
        return Err(err(col, ParseProblem::TooShort { text: text.into() }));
    }
    if n > u32::from(DAY_MINUTES) {
        return Err(err(col, ParseProblem::TooLong { text: text.into() }));
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
        return Err(err(end_col, ParseProblem::EndBeforeStart { start, end }));
    }
    if end - start < MIN_BOX_MINUTES {
        return Err(err(start_col, ParseProblem::SpanTooShort { start, end }));
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
    let missing = |col| err(col, ParseProblem::NoTime);
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
            let problem = if right.is_empty() {
                ParseProblem::NoEnd {
                    text: first.text.into(),
                }
            } else {
                ParseProblem::NotAnEnd { text: right.into() }
            };
            return Err(err(rcol, problem));
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
            return Err(err(
                next.col,
                ParseProblem::NoUnit {
                    text: next.text.into(),
                },
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
        if tok.text.ends_with(['h', 'H'])
            && let ParseProblem::StartAt24 { as_length, .. }
            | ParseProblem::Hours { as_length, .. }
            | ParseProblem::Minutes { as_length, .. } = &mut e.problem
        {
            *as_length = true;
        }
        e
    })
}

/// `start` plus `len`, refused when it would end after midnight.
fn start_for(start: u16, len: u16, col: usize) -> Result<When, ParseError> {
    if start + len > DAY_MINUTES {
        return Err(err(col, ParseProblem::PastMidnight { start, len }));
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
            assert!(
                matches!(e.problem, ParseProblem::Control { code: 0x1b | 0x7 }),
                "{e:?}"
            );
        }
        // Tabs are just spaces.
        assert!(parse("09:00-10:00\tTabbed title", &["work"]).is_ok());
    }

    #[test]
    fn impossible_spans_list_the_accepted_forms() {
        for input in ["10:00-09:00 x", "10:00-10:02 x"] {
            let e = parse(input, &["work"]).unwrap_err();
            assert!(e.problem.is_about_the_form(), "{e:?}");
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

    fn text(s: &str) -> String {
        s.to_string()
    }

    #[test]
    fn errors() {
        use ParseProblem::*;
        let known: Vec<String> = DOMAINS.iter().map(|d| d.to_string()).collect();
        let hours = |t: &str, as_length| Hours {
            text: text(t),
            as_length,
        };
        let table: Vec<(&str, usize, ParseProblem)> = vec![
            ("", 1, Empty),
            ("   \t ", 1, Empty),
            ("25:00-26:00 x", 1, hours("25:00", false)),
            ("10:00-25:00 x", 7, hours("25:00", false)),
            (
                "10:61-11:00 x",
                1,
                Minutes {
                    text: text("10:61"),
                    as_length: false,
                },
            ),
            (
                "10:00-09:00 x",
                7,
                EndBeforeStart {
                    start: 600,
                    end: 540,
                },
            ),
            (
                "10:00-10:00 x",
                1,
                SpanTooShort {
                    start: 600,
                    end: 600,
                },
            ),
            (
                "10:00-10:04 x",
                1,
                SpanTooShort {
                    start: 600,
                    end: 604,
                },
            ),
            ("3m x", 1, TooShort { text: text("3m") }),
            ("14:00 +3m x", 7, TooShort { text: text("+3m") }),
            ("+25h x", 1, TooLong { text: text("+25h") }),
            ("25h x", 1, hours("25h", true)),
            (
                "24h All day",
                1,
                StartAt24 {
                    text: text("24h"),
                    as_length: true,
                },
            ),
            (
                "23h45 Late",
                1,
                PastMidnight {
                    start: 1425,
                    len: 30,
                },
            ),
            (
                "23:00 +2h x",
                7,
                PastMidnight {
                    start: 1380,
                    len: 120,
                },
            ),
            (
                "24:00-24:30 x",
                1,
                StartAt24 {
                    text: text("24:00"),
                    as_length: false,
                },
            ),
            (
                "24 +30m x",
                1,
                StartAt24 {
                    text: text("24"),
                    as_length: false,
                },
            ),
            (
                "1h75 x",
                1,
                Minutes {
                    text: text("1h75"),
                    as_length: false,
                },
            ),
            ("Write report", 1, NoTime),
            ("  9 Gym", 3, NoTime),
            ("#work", 1, NoTime),
            ("14:00 +30 Meeting", 7, NoUnit { text: text("+30") }),
            (
                "09:00- x",
                7,
                NoEnd {
                    text: text("09:00-"),
                },
            ),
            ("09:00-x y", 7, NotAnEnd { text: text("x") }),
            (
                "09:00-10:00 x #wrok",
                15,
                UnknownDomain {
                    tag: text("#wrok"),
                    known: known.clone(),
                },
            ),
            (
                "09:00-10:00 x #work #family",
                21,
                TwoDomains {
                    first: text("work"),
                    second: text("family"),
                },
            ),
            ("09:00-10:30", 12, NoTitle),
            ("45m #work #break", 17, NoTitle),
            ("é 09:00-10:00 x", 1, NoTime),
        ];
        for (input, column, problem) in table {
            let e = parse(input, DOMAINS).expect_err(input);
            assert_eq!(e, ParseError { column, problem }, "input: {input:?}");
        }
        let e = parse("09:00-10:00 x #wrok", &[]).unwrap_err();
        assert_eq!(
            e.problem,
            UnknownDomain {
                tag: text("#wrok"),
                known: vec![]
            }
        );
    }

    #[test]
    fn time_form_errors_are_about_the_form() {
        for input in [
            "25:00-26:00 x",
            "10:61-11:00 x",
            "x",
            "14:00 +30 x",
            "9-x y",
            "25h x",
        ] {
            let e = parse(input, DOMAINS).unwrap_err();
            assert!(e.problem.is_about_the_form(), "{e:?}");
        }
        for input in ["", "3m x", "23h45 x", "09:00-10:00 x #wrok", "09:00-10:30"] {
            let e = parse(input, DOMAINS).unwrap_err();
            assert!(!e.problem.is_about_the_form(), "{e:?}");
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
        use ParseProblem::*;
        let domains = ["work", "santé"];
        let table: Vec<(&str, usize, ParseProblem)> = vec![
            (
                "24h Journée",
                1,
                StartAt24 {
                    text: text("24h"),
                    as_length: true,
                },
            ),
            (
                "24H Journée",
                1,
                StartAt24 {
                    text: text("24H"),
                    as_length: true,
                },
            ),
            (
                "25h Journée",
                1,
                Hours {
                    text: text("25h"),
                    as_length: true,
                },
            ),
            (
                "14h60 x",
                1,
                Minutes {
                    text: text("14h60"),
                    as_length: false,
                },
            ),
            (
                "23h45 Tard",
                1,
                PastMidnight {
                    start: 1425,
                    len: 30,
                },
            ),
            (
                "14h-13h x",
                5,
                EndBeforeStart {
                    start: 840,
                    end: 780,
                },
            ),
            ("14h +30 Réunion", 5, NoUnit { text: text("+30") }),
            ("Réunion", 1, NoTime),
            (
                "14h Réunion #sante",
                13,
                UnknownDomain {
                    tag: text("#sante"),
                    known: vec![text("work"), text("santé")],
                },
            ),
            ("14h", 4, NoTitle),
        ];
        for (input, column, problem) in table {
            let e = parse(input, &domains).expect_err(input);
            assert_eq!(e, ParseError { column, problem }, "input: {input:?}");
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
                assert!(e.column >= 1 && e.column <= s.chars().count() + 1, "{e:?}")
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
