//! The weekly review (`shared/wellbeing.md`, "Weekly review screen"): five life-domain ratings
//! 1–10 with their 4-week trend, one win and what made it possible, a GTD-style checklist and
//! an optional energy / detachment check-in.
//!
//! The check-in is serein's own, not a validated scale, and is always labelled so; no licensed
//! questionnaire is embedded. Pure: `updated` is stamped by the shell.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

use super::summary::Week;

// The English labels below are what `serein review` (cli/review.rs) prints and what
// `Invalid` names; the TUI shows them in the user's language from locales/*/review.ftl
// (`ui::review::domain_label`, `checklist_label`). They go once the CLI moves to the messages.

/// What the screen calls the domains (wellbeing.md: personal, professional, couple/family,
/// social, health).
pub const DOMAIN_LABELS: [&str; 5] = ["Personal", "Work", "Couple & family", "Social", "Health"];
/// Domain labels for narrow panes.
pub const DOMAIN_SHORT: [&str; 5] = ["Personal", "Work", "Family", "Social", "Health"];

/// The checklist, after David Allen's weekly review: get clear, get current, get creative.
pub const CHECKLIST_LABELS: [&str; 5] = [
    "Inbox cleared",
    "Calendar: past week reviewed",
    "Calendar: next week reviewed",
    "Projects and waiting-for reviewed",
    "Someday/maybe reviewed",
];
/// Shorter checklist labels for narrow panes.
pub const CHECKLIST_SHORT: [&str; 5] = [
    "Inbox cleared",
    "Past week's calendar",
    "Next week's calendar",
    "Projects, waiting-for",
    "Someday/maybe",
];

/// Prompt for the win (the progress principle: noticing progress in meaningful work).
pub const WIN_LABEL: &str = "One win this week";
/// Prompt for why it happened (Bono et al. 2013: positive events and why they happened).
pub const ENABLER_LABEL: &str = "What made it possible";
/// Check-in: energy, 0–10.
pub const ENERGY_LABEL: &str = "Energy";
/// Check-in: psychological detachment from work, 0–10.
pub const DETACHMENT_LABEL: &str = "Detachment from work";
/// Shown wherever the check-in is, so nobody reads it as a clinical measure.
pub const CHECKIN_NOTE: &str = "serein's own, not a validated scale";

/// Lowest and highest domain rating.
pub const RATING_RANGE: std::ops::RangeInclusive<u8> = 1..=10;
/// Lowest and highest check-in value.
pub const CHECKIN_RANGE: std::ops::RangeInclusive<u8> = 0..=10;
/// Longest win or enabler, in characters: a line, not a journal.
pub const TEXT_MAX_CHARS: usize = 280;
/// How many weeks a trend covers, the shown week included.
pub const TREND_WEEKS: usize = 4;

/// One week's review. Saved per ISO week and editable later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The ISO week reviewed; a review is saved per week.
    pub week: Week,
    /// Personal, work, family, social, health, in [`DOMAIN_LABELS`] order: 1–10, `None` = not
    /// rated.
    pub ratings: [Option<u8>; 5],
    /// "One win this week", a single line.
    pub win: String,
    /// "What made it possible", a single line.
    pub enabler: String,
    /// [`CHECKLIST_LABELS`], ticked or not.
    pub checklist: [bool; 5],
    /// 0–10, optional.
    pub energy: Option<u8>,
    /// 0–10, optional.
    pub detachment: Option<u8>,
    /// When it was last saved (stamped by the shell, not by the form).
    pub updated: DateTime<Utc>,
}

/// Why a review can't be saved. Each names the field and what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// A domain rating outside 1–10.
    #[error("{field} rating {value} is out of range (1–10, or not rated)")]
    Rating { field: &'static str, value: u8 },
    /// A check-in value outside 0–10.
    #[error("{field} {value} is out of range (0–10, or not set)")]
    CheckIn { field: &'static str, value: u8 },
    /// A win or enabler over [`TEXT_MAX_CHARS`].
    #[error("{field} is {len} characters long (at most {TEXT_MAX_CHARS})")]
    TooLong { field: &'static str, len: usize },
    /// A win or enabler with a line break, tab or other control character.
    #[error("{field} contains a control character (a line break or tab?); it must be one line")]
    Control { field: &'static str },
}

impl Review {
    /// An empty review of `week`.
    pub fn new(week: Week, updated: DateTime<Utc>) -> Review {
        Review {
            week,
            ratings: [None; 5],
            win: String::new(),
            enabler: String::new(),
            checklist: [false; 5],
            energy: None,
            detachment: None,
            updated,
        }
    }

    /// Nothing rated, written, ticked or checked in.
    pub fn is_empty(&self) -> bool {
        self.ratings.iter().all(Option::is_none)
            && self.win.is_empty()
            && self.enabler.is_empty()
            && !self.checklist.iter().any(|&c| c)
            && self.energy.is_none()
            && self.detachment.is_none()
    }

    /// Checks ranges and text; the store refuses a review that fails this.
    pub fn validate(&self) -> Result<(), Invalid> {
        for (r, field) in self.ratings.iter().zip(DOMAIN_LABELS) {
            if let Some(value) = *r
                && !RATING_RANGE.contains(&value)
            {
                return Err(Invalid::Rating { field, value });
            }
        }
        for (v, field) in [
            (self.energy, ENERGY_LABEL),
            (self.detachment, DETACHMENT_LABEL),
        ] {
            if let Some(value) = v
                && !CHECKIN_RANGE.contains(&value)
            {
                return Err(Invalid::CheckIn { field, value });
            }
        }
        for (text, field) in [(&self.win, WIN_LABEL), (&self.enabler, ENABLER_LABEL)] {
            let len = text.chars().count();
            if len > TEXT_MAX_CHARS {
                return Err(Invalid::TooLong { field, len });
            }
            if text.chars().any(char::is_control) {
                return Err(Invalid::Control { field });
            }
        }
        Ok(())
    }

    /// The review as the stable JSON shape of `serein review --show --json`.
    fn shape(&self) -> Shape<'_> {
        let [personal, work, family, social, health] = self.ratings;
        let [inbox, calendar_past, calendar_next, projects, someday] = self.checklist;
        Shape {
            week: self.week.to_string(),
            monday: self.week.monday,
            ratings: Ratings {
                personal,
                work,
                family,
                social,
                health,
            },
            win: &self.win,
            what_made_it_possible: &self.enabler,
            checklist: Checklist {
                inbox,
                calendar_past,
                calendar_next,
                projects,
                someday,
            },
            energy: self.energy,
            detachment: self.detachment,
            updated: self.updated.to_rfc3339_opts(SecondsFormat::Secs, true),
        }
    }
}

// The JSON shape is spelled out in private structs (rather than derived on `Review`) so that
// renaming a Rust field can never change what scripts read.
#[derive(Serialize)]
struct Shape<'a> {
    week: String,
    monday: NaiveDate,
    ratings: Ratings,
    win: &'a str,
    what_made_it_possible: &'a str,
    checklist: Checklist,
    energy: Option<u8>,
    detachment: Option<u8>,
    updated: String,
}

#[derive(Serialize)]
struct Ratings {
    personal: Option<u8>,
    work: Option<u8>,
    family: Option<u8>,
    social: Option<u8>,
    health: Option<u8>,
}

#[derive(Serialize)]
struct Checklist {
    inbox: bool,
    calendar_past: bool,
    calendar_next: bool,
    projects: bool,
    someday: bool,
}

impl Serialize for Review {
    /// `{"week": "2026-W48", "monday": "2026-11-23", "ratings": {"personal": 7, …},
    /// "win", "what_made_it_possible", "checklist": {"inbox": true, …}, "energy",
    /// "detachment", "updated": RFC 3339}`; unset values are `null`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.shape().serialize(s)
    }
}

/// Makes typed or pasted text a valid single line: control characters (line breaks, tabs)
/// become spaces, the ends are trimmed and the length is capped at [`TEXT_MAX_CHARS`].
pub fn clean_text(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line
        .trim()
        .chars()
        .take(TEXT_MAX_CHARS)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Per domain, its ratings in the [`TREND_WEEKS`] weeks ending with `week` (oldest first,
/// `week` last; `None` where a week has no review or no rating).
///
/// If `reviews` holds the same week twice, the later one wins, so a caller can append the
/// review being edited to the stored history.
pub fn trend(reviews: &[Review], week: Week) -> [[Option<u8>; TREND_WEEKS]; 5] {
    let mut weeks = [week; TREND_WEEKS];
    for i in (0..TREND_WEEKS - 1).rev() {
        weeks[i] = weeks[i + 1].prev();
    }
    let mut out = [[None; TREND_WEEKS]; 5];
    for (i, w) in weeks.iter().enumerate() {
        if let Some(r) = reviews.iter().rev().find(|r| r.week == *w) {
            for (d, row) in out.iter_mut().enumerate() {
                row[i] = r.ratings[d];
            }
        }
    }
    out
}

/// The earliest week a [`trend`] ending with `week` needs: what to load from the store.
pub fn trend_start(week: Week) -> Week {
    (1..TREND_WEEKS).fold(week, |w, _| w.prev())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(s: &str) -> Week {
        Week::parse(s).unwrap()
    }

    fn at() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-29T18:30:05Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn rated(w: &str, ratings: [Option<u8>; 5]) -> Review {
        Review {
            ratings,
            ..Review::new(week(w), at())
        }
    }

    #[test]
    fn new_review_is_empty_and_any_answer_makes_it_not() {
        let empty = Review::new(week("2026-W48"), at());
        assert!(empty.is_empty());
        let edits: [fn(&mut Review); 6] = [
            |r| r.ratings[4] = Some(1),
            |r| r.win = "x".into(),
            |r| r.enabler = "y".into(),
            |r| r.checklist[2] = true,
            |r| r.energy = Some(0),
            |r| r.detachment = Some(10),
        ];
        for (i, edit) in edits.iter().enumerate() {
            let mut r = empty.clone();
            edit(&mut r);
            assert!(!r.is_empty(), "edit {i}");
            assert_eq!(r.validate(), Ok(()), "edit {i}");
        }
    }

    #[test]
    fn validation_names_the_field() {
        let base = Review::new(week("2026-W48"), at());
        type Edit = fn(&mut Review);
        let cases: Vec<(Edit, Invalid)> = vec![
            (
                |r| r.ratings[0] = Some(0),
                Invalid::Rating {
                    field: "Personal",
                    value: 0,
                },
            ),
            (
                |r| r.ratings[2] = Some(11),
                Invalid::Rating {
                    field: "Couple & family",
                    value: 11,
                },
            ),
            (
                |r| r.energy = Some(11),
                Invalid::CheckIn {
                    field: ENERGY_LABEL,
                    value: 11,
                },
            ),
            (
                |r| r.detachment = Some(200),
                Invalid::CheckIn {
                    field: DETACHMENT_LABEL,
                    value: 200,
                },
            ),
            (
                |r| r.win = "é".repeat(TEXT_MAX_CHARS + 1),
                Invalid::TooLong {
                    field: WIN_LABEL,
                    len: TEXT_MAX_CHARS + 1,
                },
            ),
            (
                |r| r.enabler = "two\nlines".into(),
                Invalid::Control {
                    field: ENABLER_LABEL,
                },
            ),
            (
                |r| r.win = "tab\there".into(),
                Invalid::Control { field: WIN_LABEL },
            ),
        ];
        for (edit, want) in cases {
            let mut r = base.clone();
            edit(&mut r);
            assert_eq!(r.validate(), Err(want));
        }
        // The limits themselves are fine.
        let mut r = base.clone();
        r.ratings = [Some(1), Some(10), None, Some(5), None];
        r.energy = Some(0);
        r.detachment = Some(10);
        r.win = "é".repeat(TEXT_MAX_CHARS);
        assert_eq!(r.validate(), Ok(()));
    }

    #[test]
    fn clean_text_makes_one_valid_line() {
        let cases = [
            ("  Shipped it  ", "Shipped it"),
            ("two\nlines\tand tab", "two lines and tab"),
            ("\r\n", ""),
            ("日本語", "日本語"),
        ];
        for (input, want) in cases {
            assert_eq!(clean_text(input), want, "{input:?}");
        }
        let long = clean_text(&"a ".repeat(TEXT_MAX_CHARS));
        assert!(long.chars().count() <= TEXT_MAX_CHARS);
        assert!(!long.ends_with(' '));
    }

    #[test]
    fn json_shape_is_stable() {
        let mut r = rated("2026-W48", [Some(7), None, Some(10), Some(1), None]);
        r.win = "Shipped the importer".into();
        r.enabler = "Two quiet mornings".into();
        r.checklist = [true, false, true, false, false];
        r.energy = Some(6);
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"week":"2026-W48","monday":"2026-11-23","ratings":{"personal":7,"work":null,"family":10,"social":1,"health":null},"win":"Shipped the importer","what_made_it_possible":"Two quiet mornings","checklist":{"inbox":true,"calendar_past":false,"calendar_next":true,"projects":false,"someday":false},"energy":6,"detachment":null,"updated":"2026-11-29T18:30:05Z"}"#
        );
    }

    #[test]
    fn trend_is_four_weeks_oldest_first_with_gaps() {
        let reviews = [
            rated("2026-W44", [Some(1); 5]), // too old: outside the window
            rated("2026-W45", [Some(5), None, Some(2), None, None]),
            // W46 missing entirely.
            rated("2026-W47", [Some(6), Some(3), None, None, None]),
            rated("2026-W48", [Some(7), Some(4), None, None, Some(9)]),
            rated("2026-W49", [Some(10); 5]), // after the shown week
        ];
        let t = trend(&reviews, week("2026-W48"));
        assert_eq!(t[0], [Some(5), None, Some(6), Some(7)]);
        assert_eq!(t[1], [None, None, Some(3), Some(4)]);
        assert_eq!(t[2], [Some(2), None, None, None]);
        assert_eq!(t[3], [None; 4]);
        assert_eq!(t[4], [None, None, None, Some(9)]);
        assert_eq!(trend(&[], week("2026-W48")), [[None; 4]; 5]);
    }

    #[test]
    fn trend_prefers_the_later_duplicate_and_crosses_years() {
        // 2026 has 53 ISO weeks (it starts on a Thursday).
        let reviews = [
            rated("2027-W01", [Some(2); 5]),
            rated("2026-W52", [Some(8); 5]),
            rated("2026-W53", [Some(9); 5]),
            rated("2027-W01", [Some(3); 5]),
        ];
        let t = trend(&reviews, week("2027-W01"));
        assert_eq!(t[0], [None, Some(8), Some(9), Some(3)]);
        assert_eq!(trend_start(week("2027-W01")), week("2026-W51"));
    }
}
