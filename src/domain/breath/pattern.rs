//! A breathing pattern: its phases, its rate and timings, and why one can be refused.

use serde::{Deserialize, Serialize};

/// What the breath is doing during a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// Breathing in; the shape grows.
    Inhale,
    /// A short second inhale on top of the first (cyclic sighing); the shape keeps growing
    /// from where the first inhale stopped.
    InhaleTopUp,
    /// Holding with the lungs full; the shape stays full.
    HoldFull,
    /// Breathing out; the shape shrinks.
    Exhale,
    /// Holding with the lungs empty; the shape stays empty.
    HoldEmpty,
}

impl PhaseKind {
    /// The config name (`inhale`, `inhale_top_up`, …), as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseKind::Inhale => "inhale",
            PhaseKind::InhaleTopUp => "inhale_top_up",
            PhaseKind::HoldFull => "hold_full",
            PhaseKind::Exhale => "exhale",
            PhaseKind::HoldEmpty => "hold_empty",
        }
    }

    /// Parses a config name: `inhale`, `inhale_top_up` or `top_up`, `hold_full`,
    /// `hold_empty`, `exhale` (case-insensitive; `-` or a space may stand for `_`).
    ///
    /// A plain `hold` gives `None`: whether it is full or empty depends on its position, which
    /// [`custom`](super::custom) resolves.
    pub fn parse(s: &str) -> Option<PhaseKind> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        match norm.as_str() {
            "inhale" => Some(PhaseKind::Inhale),
            "inhale_top_up" | "top_up" => Some(PhaseKind::InhaleTopUp),
            "hold_full" => Some(PhaseKind::HoldFull),
            "hold_empty" => Some(PhaseKind::HoldEmpty),
            "exhale" => Some(PhaseKind::Exhale),
            _ => None,
        }
    }

    pub(super) fn is_hold(self) -> bool {
        matches!(self, PhaseKind::HoldFull | PhaseKind::HoldEmpty)
    }
}

/// One phase of a pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phase {
    pub kind: PhaseKind,
    /// Length in seconds, > 0.
    pub secs: f64,
}

impl Phase {
    /// A phase of `kind` lasting `secs` seconds.
    pub fn new(kind: PhaseKind, secs: f64) -> Phase {
        Phase { kind, secs }
    }
}

/// A breathing pattern: an optional prelude done once, then a cycle repeated.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Stable id: `coherence`, `coherence-4-6`, `resonance`, `box`, `478`, `sigh`, or the
    /// name of a custom pattern.
    pub id: String,
    /// Stored name, e.g. "Cardiac coherence (365)": the title of its logged sessions (and
    /// how the seen patterns and the daily goal find them), so it stays the same in every
    /// language. The UI shows a preset in the user's language (`ui::breathe::pattern_name`).
    pub name: String,
    /// Phases done once before the first cycle (4-7-8: a full exhale).
    pub prelude: Vec<Phase>,
    /// One cycle.
    pub phases: Vec<Phase>,
    /// Session length when the user gives none, in minutes.
    pub default_minutes: Option<f64>,
    /// Number of cycles when the user gives none (takes precedence over `default_minutes`).
    pub default_cycles: Option<u32>,
    /// Most cycles allowed; `None` means only the global [`MAX_CYCLES`](super::MAX_CYCLES).
    pub max_cycles: Option<u32>,
    /// Whether the pattern holds the breath (the UI shows the holds safety note).
    pub has_holds: bool,
    /// A pattern from the config (`[[breathing.patterns]]`), not a preset: the UI shows its
    /// own name and a generic note.
    pub custom: bool,
}

impl Pattern {
    /// Length of one cycle in seconds (the prelude excluded).
    pub fn cycle_secs(&self) -> f64 {
        self.phases.iter().map(|p| p.secs).sum()
    }

    /// Length of the prelude in seconds.
    pub fn prelude_secs(&self) -> f64 {
        self.prelude.iter().map(|p| p.secs).sum()
    }

    /// Breaths a minute: inhales per cycle (top-ups are part of the same breath) × cycles a
    /// minute. 0 for an empty cycle.
    pub fn per_minute(&self) -> f64 {
        let cycle = self.cycle_secs();
        if cycle.is_nan() || cycle <= 0.0 {
            return 0.0;
        }
        let breaths = self
            .phases
            .iter()
            .filter(|p| p.kind == PhaseKind::Inhale)
            .count()
            .max(1);
        breaths as f64 * 60.0 / cycle
    }

    /// The timings, as data; shown in the user's language by its `Display`
    /// (`ui::breathe`): `in 5 · out 5`, `out 4, then in 4 · hold 7 · out 8`.
    pub fn timings(&self) -> Timings<'_> {
        Timings(self)
    }

    /// Builds a pattern, deriving `has_holds`.
    pub(super) fn build(id: &str, name: &str, prelude: Vec<Phase>, phases: Vec<Phase>) -> Pattern {
        let has_holds = prelude.iter().chain(&phases).any(|p| p.kind.is_hold());
        Pattern {
            id: id.to_string(),
            name: name.to_string(),
            prelude,
            phases,
            default_minutes: None,
            default_cycles: None,
            max_cycles: None,
            has_holds,
            custom: false,
        }
    }
}

/// A pattern's phases and their lengths, to be written out in words (`Display` lives with
/// the words, in `ui::breathe`; it honours width and alignment like a `str`).
#[derive(Debug, Clone, Copy)]
pub struct Timings<'a>(pub &'a Pattern);

/// Seconds for display: whole numbers without decimals, others with at most two.
pub fn fmt_secs(secs: f64) -> String {
    if secs.fract() == 0.0 {
        return format!("{secs:.0}");
    }
    let s = format!("{secs:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Why a pattern or an exercise was refused, with the data to say it (the words are in
/// `i18n::problems`). Phase numbers are 1-based, as the user counts them; phase names are
/// the config's (`inhale`, `hold_full`, `hold` for a plain hold).
#[derive(Debug, Clone, PartialEq)]
pub enum BreathError {
    /// A custom pattern without a name.
    NoName,
    /// A custom pattern without phases.
    NoPhases { pattern: String },
    /// A phase name that is not known.
    UnknownPhase { index: usize, name: String },
    /// A phase of 0 s, negative or not a number.
    NotPositive {
        index: usize,
        name: String,
        secs: f64,
    },
    /// A phase longer than [`MAX_PHASE_SECS`](super::MAX_PHASE_SECS).
    TooLong {
        index: usize,
        name: String,
        secs: f64,
    },
    /// An inhale or exhale shorter than [`MIN_BREATH_SECS`](super::MIN_BREATH_SECS).
    BreathTooShort {
        index: usize,
        name: String,
        secs: f64,
    },
    /// A top-up that does not directly follow an inhale: `after` is the phase before it
    /// (its number and name), `None` at the start.
    TopUpNotAfterInhale {
        index: usize,
        name: String,
        after: Option<(usize, String)>,
    },
    /// A full hold after an exhale, or an empty hold after an inhale: `after` is the breath
    /// before it (its number and name).
    HoldMismatch {
        index: usize,
        name: String,
        after: (usize, String),
    },
    /// A cycle of `count` phases without an inhale or without an exhale (`missing`).
    Missing { count: usize, missing: &'static str },
    /// A resonance rate outside 4.5..=7 or not on a 0.5 step.
    ResonanceRate { value: f64 },
    /// A box side outside 2..=5 s.
    BoxSide { secs: u32 },
    /// A session length outside (0, 60] minutes.
    Minutes { value: f64 },
    /// A cycle count outside 1..=cap.
    Cycles {
        pattern: String,
        value: u32,
        max: u32,
    },
    /// A session length that needs more cycles than the pattern's cap.
    MinutesOverCap {
        pattern: String,
        minutes: f64,
        cycles: u32,
        max: u32,
    },
}

impl std::error::Error for BreathError {}

/// Something to know about an accepted custom pattern (worded in `i18n::problems`).
#[derive(Debug, Clone, PartialEq)]
pub enum BreathWarning {
    /// Faster than slow breathing (above 10 breaths a minute); the rate is rounded to a
    /// tenth.
    Fast { pattern: String, per_minute: f64 },
}
