//! Breathing patterns and the exact phase at any elapsed time: pure functions, no I/O, no
//! clock reads.
//!
//! A [`Pattern`] is one breathing cycle (plus an optional prelude, such as the full exhale
//! before 4-7-8). An [`Exercise`] repeats it a number of times, and [`Exercise::at`] says
//! everything the screen shows at `elapsed` seconds since the session started. Every frame is
//! computed from `elapsed` alone, never from the previous frame or a per-phase timer, so the
//! phase boundaries cannot drift however long the session runs or however late a frame is.
//!
//! Timings and presets follow `shared/wellbeing.md` ("What the app should implement").

use std::f64::consts::PI;

use serde::{Deserialize, Serialize};

/// Longest phase accepted in a custom pattern, in seconds.
pub const MAX_PHASE_SECS: f64 = 20.0;
/// Shortest inhale or exhale accepted in a custom pattern, in seconds.
pub const MIN_BREATH_SECS: f64 = 2.0;
/// Above this many breaths a minute a custom pattern is no longer slow breathing
/// (wellbeing.md [S19]): it is accepted with a warning.
pub const SLOW_BREATHING_MAX_PER_MIN: f64 = 10.0;
/// Longest session, in minutes.
pub const MAX_MINUTES: f64 = 60.0;
/// Most cycles for a pattern with no cap of its own.
pub const MAX_CYCLES: u32 = 600;
/// Session length when a pattern has no default of its own, in minutes.
pub const FALLBACK_MINUTES: f64 = 5.0;
/// The preset offered first (onboarding, `serein breathe` with no pattern).
pub const DEFAULT_PRESET: &str = "coherence";
/// Shape size reached by the sigh's first inhale; the top-up fills the rest.
pub const TOP_UP_FROM: f64 = 0.8;

/// Times this close to a phase boundary count as on it. Far below one frame; it only absorbs
/// floating-point rounding, so that "exactly at a boundary" always shows the new phase.
const SNAP_SECS: f64 = 1e-9;

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
    /// The word shown on screen.
    pub fn word(self) -> &'static str {
        match self {
            PhaseKind::Inhale => "Inhale",
            PhaseKind::InhaleTopUp => "Top up",
            PhaseKind::HoldFull | PhaseKind::HoldEmpty => "Hold",
            PhaseKind::Exhale => "Exhale",
        }
    }

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
    /// [`custom`] resolves.
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

    fn is_hold(self) -> bool {
        matches!(self, PhaseKind::HoldFull | PhaseKind::HoldEmpty)
    }

    /// The short label used by [`Pattern::timings`].
    fn short(self) -> &'static str {
        match self {
            PhaseKind::Inhale => "in",
            PhaseKind::InhaleTopUp => "top up",
            PhaseKind::HoldFull | PhaseKind::HoldEmpty => "hold",
            PhaseKind::Exhale => "out",
        }
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
    /// Display name, e.g. "Cardiac coherence (365)".
    pub name: String,
    /// Phases done once before the first cycle (4-7-8: a full exhale).
    pub prelude: Vec<Phase>,
    /// One cycle.
    pub phases: Vec<Phase>,
    /// Session length when the user gives none, in minutes.
    pub default_minutes: Option<f64>,
    /// Number of cycles when the user gives none (takes precedence over `default_minutes`).
    pub default_cycles: Option<u32>,
    /// Most cycles allowed; `None` means only the global [`MAX_CYCLES`].
    pub max_cycles: Option<u32>,
    /// Whether the pattern holds the breath (the UI shows the holds safety note).
    pub has_holds: bool,
    /// One short factual line for lists and help (no health claims).
    pub note: &'static str,
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

    /// The timings in one line: `in 5 · out 5`, `in 4 · hold 4 · out 4 · hold 4`,
    /// `out 4, then in 4 · hold 7 · out 8`.
    pub fn timings(&self) -> String {
        let join = |phases: &[Phase]| {
            phases
                .iter()
                .map(|p| format!("{} {}", p.kind.short(), fmt_secs(p.secs)))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        if self.prelude.is_empty() {
            join(&self.phases)
        } else {
            format!("{}, then {}", join(&self.prelude), join(&self.phases))
        }
    }

    /// Builds a pattern, deriving `has_holds`.
    fn build(id: &str, name: &str, prelude: Vec<Phase>, phases: Vec<Phase>) -> Pattern {
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
            note: "",
        }
    }
}

/// Seconds for display: whole numbers without decimals, others with at most two.
fn fmt_secs(secs: f64) -> String {
    if secs.fract() == 0.0 {
        return format!("{secs:.0}");
    }
    let s = format!("{secs:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Why a pattern or an exercise was refused. Messages are shown to the user as they are.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BreathError {
    /// A custom pattern without a name.
    #[error("a custom breathing pattern needs a name")]
    NoName,
    /// A custom pattern without phases.
    #[error(
        "pattern \"{pattern}\" has no phases: give at least one inhale and one exhale, e.g. [[\"inhale\", 4], [\"exhale\", 6]]"
    )]
    NoPhases { pattern: String },
    /// A phase name that is not known.
    #[error(
        "phase {index} (\"{name}\"): unknown phase; use inhale, inhale_top_up (or top_up), hold, hold_full, hold_empty or exhale"
    )]
    UnknownPhase { index: usize, name: String },
    /// A phase of 0 s, negative or not a number.
    #[error(
        "phase {index} ({name}): {secs} s is not accepted; each phase lasts more than 0 and at most 20 s"
    )]
    NotPositive {
        index: usize,
        name: String,
        secs: f64,
    },
    /// A phase longer than [`MAX_PHASE_SECS`].
    #[error("phase {index} ({name}): {secs} s is too long; each phase lasts at most 20 s")]
    TooLong {
        index: usize,
        name: String,
        secs: f64,
    },
    /// An inhale or exhale shorter than [`MIN_BREATH_SECS`].
    #[error("phase {index} ({name}): {secs} s is too short; inhales and exhales last at least 2 s")]
    BreathTooShort {
        index: usize,
        name: String,
        secs: f64,
    },
    /// A top-up that does not directly follow an inhale.
    #[error("phase {index} ({name}): a top-up must come right after an inhale, not {after}")]
    TopUpNotAfterInhale {
        index: usize,
        name: String,
        after: String,
    },
    /// A full hold after an exhale, or an empty hold after an inhale.
    #[error(
        "phase {index} ({name}): this hold comes after {after}; use \"hold\" and it follows the breath before it"
    )]
    HoldMismatch {
        index: usize,
        name: String,
        after: String,
    },
    /// A cycle without an inhale or without an exhale.
    #[error(
        "{} no {missing}: a pattern needs at least one inhale and one exhale",
        phases_label(*count)
    )]
    Missing { count: usize, missing: &'static str },
    /// A resonance rate outside 4.5..=7 or not on a 0.5 step.
    #[error("resonance rate {value} breaths/min is not accepted; use 4.5 to 7 in steps of 0.5")]
    ResonanceRate { value: f64 },
    /// A box side outside 2..=5 s.
    #[error("box breathing with {secs} s per side is not accepted; use 2 to 5 s")]
    BoxSide { secs: u32 },
    /// A session length outside (0, 60] minutes.
    #[error("{value} min is not accepted; a session lasts more than 0 and at most 60 minutes")]
    Minutes { value: f64 },
    /// A cycle count outside 1..=cap.
    #[error("{value} cycles is not accepted for {pattern}: use 1 to {max} cycles")]
    Cycles {
        pattern: String,
        value: u32,
        max: u32,
    },
    /// A session length that needs more cycles than the pattern's cap.
    #[error(
        "{minutes} min would be {cycles} cycles of {pattern}, above its cap of {max} cycles; use 1 to {max} cycles"
    )]
    MinutesOverCap {
        pattern: String,
        minutes: f64,
        cycles: u32,
        max: u32,
    },
}

/// "phase 1 has" / "phases 1-3 have", for [`BreathError::Missing`].
fn phases_label(count: usize) -> String {
    if count == 1 {
        "phase 1 has".to_string()
    } else {
        format!("phases 1-{count} have")
    }
}

fn phase(kind: PhaseKind, secs: f64) -> Phase {
    Phase::new(kind, secs)
}

/// The built-in patterns, the default ([`DEFAULT_PRESET`]) first.
pub fn presets() -> Vec<Pattern> {
    use PhaseKind::*;
    let mut coherence = Pattern::build(
        "coherence",
        "Cardiac coherence (365)",
        vec![],
        vec![phase(Inhale, 5.0), phase(Exhale, 5.0)],
    );
    coherence.default_minutes = Some(5.0);
    coherence.note = "The 365 method: 6 breaths a minute for 5 minutes, 3 times a day (a practitioners' convention).";

    let mut coherence_4_6 = Pattern::build(
        "coherence-4-6",
        "Cardiac coherence 4/6",
        vec![],
        vec![phase(Inhale, 4.0), phase(Exhale, 6.0)],
    );
    coherence_4_6.default_minutes = Some(5.0);
    coherence_4_6.note = "A 365 variant with a longer exhale, still 6 breaths a minute.";

    let resonance = resonance(6.0).expect("6/min is a valid resonance rate");

    let box_ = box_breathing(4).expect("4 s is a valid box side");

    let mut four_seven_eight = Pattern::build(
        "478",
        "4-7-8 breathing",
        vec![phase(Exhale, 4.0)],
        vec![phase(Inhale, 4.0), phase(HoldFull, 7.0), phase(Exhale, 8.0)],
    );
    four_seven_eight.default_cycles = Some(4);
    four_seven_eight.max_cycles = Some(8);
    four_seven_eight.note = "Exhale fully, then in 4, hold 7, out 8; Weil suggests 4 cycles at first, up to 8 after a month.";

    let mut sigh = Pattern::build(
        "sigh",
        "Cyclic sighing",
        vec![],
        vec![
            phase(Inhale, 2.0),
            phase(InhaleTopUp, 1.0),
            phase(Exhale, 6.0),
        ],
    );
    sigh.default_minutes = Some(5.0);
    sigh.note = "Inhale, a short second top-up inhale, then a long slow exhale.";

    vec![
        coherence,
        coherence_4_6,
        resonance,
        box_,
        four_seven_eight,
        sigh,
    ]
}

/// The preset with this id (`coherence`, `coherence-4-6`, `resonance`, `box`, `478`, `sigh`).
pub fn preset(id: &str) -> Option<Pattern> {
    presets().into_iter().find(|p| p.id == id)
}

/// Resonance breathing at `per_minute` breaths a minute: 4.5 to 7 in steps of 0.5, with
/// inhale = exhale = 30 / rate seconds.
pub fn resonance(per_minute: f64) -> Result<Pattern, BreathError> {
    let doubled = per_minute * 2.0;
    // Steps of 0.5 are exact in binary, so the test on `doubled` is exact too.
    if !(4.5..=7.0).contains(&per_minute) || doubled.fract() != 0.0 {
        return Err(BreathError::ResonanceRate { value: per_minute });
    }
    let half = 30.0 / per_minute;
    let mut p = Pattern::build(
        "resonance",
        &format!("Resonance breathing ({}/min)", fmt_secs(per_minute)),
        vec![],
        vec![
            phase(PhaseKind::Inhale, half),
            phase(PhaseKind::Exhale, half),
        ],
    );
    p.default_minutes = Some(10.0);
    p.note = "Even breaths at a rate you choose from 4.5 to 7 a minute; studies used 15-20 minutes a day.";
    Ok(p)
}

/// Box breathing with `secs` seconds per side (in, hold, out, hold): 2 to 5 s.
pub fn box_breathing(secs: u32) -> Result<Pattern, BreathError> {
    if !(2..=5).contains(&secs) {
        return Err(BreathError::BoxSide { secs });
    }
    let s = f64::from(secs);
    let mut p = Pattern::build(
        "box",
        &format!("Box breathing ({secs}-{secs}-{secs}-{secs})"),
        vec![],
        vec![
            phase(PhaseKind::Inhale, s),
            phase(PhaseKind::HoldFull, s),
            phase(PhaseKind::Exhale, s),
            phase(PhaseKind::HoldEmpty, s),
        ],
    );
    p.default_minutes = Some(5.0);
    p.note = "In, hold, out, hold, all equal; start with 2-3 s sides if 4 s is hard.";
    Ok(p)
}

/// A user pattern from config: phases as (name, seconds).
///
/// Rules: each phase lasts more than 0 and at most 20 s; every inhale and exhale lasts at least
/// 2 s; the cycle has at least one inhale and one exhale; a plain `hold` is full after an
/// inhale and empty after an exhale (the first phase looks at the last one, as the cycle
/// repeats); an explicit `hold_full`/`hold_empty` must agree with that; an `inhale_top_up`
/// comes right after an inhale.
///
/// Returns the pattern and warnings: a rate above 10 breaths a minute is accepted but warns
/// that this is no longer slow breathing (wellbeing.md [S19]).
pub fn custom(name: &str, phases: &[(String, f64)]) -> Result<(Pattern, Vec<String>), BreathError> {
    // A 0 s hold is allowed and simply left out ("6-0-6-0" is in 6, out 6); the other phases
    // keep their numbers in messages.
    let is_hold = |n: &str| {
        matches!(
            n.trim()
                .to_ascii_lowercase()
                .replace(['-', ' '], "_")
                .as_str(),
            "hold" | "hold_full" | "hold_empty"
        )
    };
    let mut kept = Vec::with_capacity(phases.len());
    let mut original = Vec::with_capacity(phases.len());
    for (i, (n, secs)) in phases.iter().enumerate() {
        if *secs == 0.0 && is_hold(n) {
            continue;
        }
        kept.push((n.clone(), *secs));
        original.push(i + 1);
    }
    let back = |index: usize| {
        original
            .get(index.wrapping_sub(1))
            .copied()
            .unwrap_or(index)
    };
    custom_inner(name, &kept).map_err(|e| match e {
        BreathError::UnknownPhase { index, name } => BreathError::UnknownPhase {
            index: back(index),
            name,
        },
        BreathError::NotPositive { index, name, secs } => BreathError::NotPositive {
            index: back(index),
            name,
            secs,
        },
        BreathError::TooLong { index, name, secs } => BreathError::TooLong {
            index: back(index),
            name,
            secs,
        },
        BreathError::BreathTooShort { index, name, secs } => BreathError::BreathTooShort {
            index: back(index),
            name,
            secs,
        },
        other => other,
    })
}

/// The phase number (1-based) an error is about, if it is about one.
pub fn error_phase(e: &BreathError) -> Option<usize> {
    match e {
        BreathError::UnknownPhase { index, .. }
        | BreathError::NotPositive { index, .. }
        | BreathError::TooLong { index, .. }
        | BreathError::BreathTooShort { index, .. } => Some(*index),
        _ => None,
    }
}

fn custom_inner(
    name: &str,
    phases: &[(String, f64)],
) -> Result<(Pattern, Vec<String>), BreathError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(BreathError::NoName);
    }
    if phases.is_empty() {
        return Err(BreathError::NoPhases {
            pattern: name.to_string(),
        });
    }

    // Pass 1: names and values, so that the first bad phase is the one reported.
    // `None` is a plain "hold", resolved below.
    let mut kinds: Vec<Option<PhaseKind>> = Vec::with_capacity(phases.len());
    for (i, (raw, secs)) in phases.iter().enumerate() {
        let index = i + 1;
        let plain_hold = raw.trim().eq_ignore_ascii_case("hold");
        let kind = match PhaseKind::parse(raw) {
            Some(k) => Some(k),
            None if plain_hold => None,
            None => {
                return Err(BreathError::UnknownPhase {
                    index,
                    name: raw.clone(),
                });
            }
        };
        let label = kind.map_or("hold", PhaseKind::as_str).to_string();
        let secs = *secs;
        if secs.is_nan() || secs <= 0.0 {
            return Err(BreathError::NotPositive {
                index,
                name: label,
                secs,
            });
        }
        if secs > MAX_PHASE_SECS {
            return Err(BreathError::TooLong {
                index,
                name: label,
                secs,
            });
        }
        if matches!(kind, Some(PhaseKind::Inhale | PhaseKind::Exhale)) && secs < MIN_BREATH_SECS {
            return Err(BreathError::BreathTooShort {
                index,
                name: label,
                secs,
            });
        }
        kinds.push(kind);
    }

    // Pass 2: a top-up continues an inhale, so it needs one right before it (not cyclically:
    // a session must not open with a top-up).
    for (i, kind) in kinds.iter().enumerate() {
        if *kind == Some(PhaseKind::InhaleTopUp)
            && (i == 0 || kinds[i - 1] != Some(PhaseKind::Inhale))
        {
            let after = if i == 0 {
                "at the start".to_string()
            } else {
                format!(
                    "after phase {i} ({})",
                    kinds[i - 1].map_or("hold", PhaseKind::as_str)
                )
            };
            return Err(BreathError::TopUpNotAfterInhale {
                index: i + 1,
                name: PhaseKind::InhaleTopUp.as_str().to_string(),
                after,
            });
        }
    }

    // Pass 3: at least one inhale and one exhale.
    for (kind, missing) in [(PhaseKind::Inhale, "inhale"), (PhaseKind::Exhale, "exhale")] {
        if !kinds.contains(&Some(kind)) {
            return Err(BreathError::Missing {
                count: kinds.len(),
                missing,
            });
        }
    }

    // Pass 4: holds take the state of the nearest breath before them, cyclically (the first
    // phase follows the last one from the second cycle on). One exists: pass 3 found both.
    let n = kinds.len();
    let mut resolved = Vec::with_capacity(n);
    for i in 0..n {
        let breath_before = (1..=n)
            .map(|back| (i + n - back) % n)
            .find_map(|j| match kinds[j] {
                Some(k) if !k.is_hold() => Some((j, k)),
                _ => None,
            });
        let kind = match (kinds[i], breath_before) {
            (Some(k), _) if !k.is_hold() => k,
            (explicit, Some((j, before))) => {
                let natural = if before == PhaseKind::Exhale {
                    PhaseKind::HoldEmpty
                } else {
                    PhaseKind::HoldFull
                };
                if let Some(k) = explicit
                    && k != natural
                {
                    return Err(BreathError::HoldMismatch {
                        index: i + 1,
                        name: k.as_str().to_string(),
                        after: format!("phase {} ({})", j + 1, before.as_str()),
                    });
                }
                natural
            }
            // Unreachable after pass 3; an empty hold is the safe reading.
            (explicit, None) => explicit.unwrap_or(PhaseKind::HoldEmpty),
        };
        resolved.push(phase(kind, phases[i].1));
    }

    let mut pattern = Pattern::build(name, name, vec![], resolved);
    pattern.note = "Your own pattern.";
    let mut warnings = Vec::new();
    let rate = pattern.per_minute();
    if rate > SLOW_BREATHING_MAX_PER_MIN {
        warnings.push(format!(
            "pattern \"{name}\" runs at {} breaths/min: above 10 a minute this is no longer slow breathing",
            fmt_secs((rate * 10.0).round() / 10.0)
        ));
    }
    Ok((pattern, warnings))
}

/// Sine easing: `(1 - cos(pi * t)) / 2`, with `t` clamped to 0..=1 (NaN counts as 0).
pub fn ease(t: f64) -> f64 {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    (1.0 - (PI * t).cos()) / 2.0
}

/// A session of a pattern: the prelude once, then `cycles` cycles.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    pub pattern: Pattern,
    pub cycles: u32,
}

/// Everything shown at one instant of an exercise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub kind: PhaseKind,
    /// Index of the phase in the cycle, or in the prelude when `prelude` is true.
    pub phase_index: usize,
    /// Whether the phase belongs to the prelude.
    pub prelude: bool,
    /// How far into the phase, 0..=1.
    pub progress: f64,
    /// Seconds left in the phase.
    pub phase_left: f64,
    /// Size of the shape, 0 (empty) ..= 1 (full), eased.
    pub scale: f64,
    /// Current cycle, 1-based; 0 during the prelude.
    pub cycle: u32,
    /// Cycles in the session.
    pub cycles: u32,
    /// Seconds left in the session.
    pub session_left: f64,
    /// The session is over: `kind` and `scale` are the rest position (empty hold, 0).
    pub done: bool,
}

impl Exercise {
    /// A session of about `minutes` minutes: `round(minutes × 60 / cycle)` cycles, at least
    /// one. Minutes must be more than 0 and at most 60, and the cycles within the pattern's
    /// cap.
    pub fn with_minutes(p: Pattern, minutes: f64) -> Result<Exercise, BreathError> {
        if minutes.is_nan() || minutes <= 0.0 || minutes > MAX_MINUTES {
            return Err(BreathError::Minutes { value: minutes });
        }
        let cycles = cycles_for(&p, minutes);
        if let Some(max) = p.max_cycles
            && cycles > max
        {
            return Err(BreathError::MinutesOverCap {
                pattern: p.name.clone(),
                minutes,
                cycles,
                max,
            });
        }
        Ok(Exercise { pattern: p, cycles })
    }

    /// A session of exactly `cycles` cycles: 1 to the pattern's cap (4-7-8: 8), or to
    /// [`MAX_CYCLES`] for patterns without one.
    pub fn with_cycles(p: Pattern, cycles: u32) -> Result<Exercise, BreathError> {
        let max = p.max_cycles.unwrap_or(MAX_CYCLES);
        if !(1..=max).contains(&cycles) {
            return Err(BreathError::Cycles {
                pattern: p.name.clone(),
                value: cycles,
                max,
            });
        }
        Ok(Exercise { pattern: p, cycles })
    }

    /// The pattern's default session: its default cycles, else its default minutes, else
    /// [`FALLBACK_MINUTES`]; never above its cap.
    pub fn default_for(p: Pattern) -> Exercise {
        let cycles = match p.default_cycles {
            Some(c) => c.max(1),
            None => cycles_for(&p, p.default_minutes.unwrap_or(FALLBACK_MINUTES)),
        };
        let cycles = cycles.min(p.max_cycles.unwrap_or(u32::MAX)).max(1);
        Exercise { pattern: p, cycles }
    }

    /// Length of the session in seconds: prelude + cycles × cycle.
    pub fn total_secs(&self) -> f64 {
        self.pattern.prelude_secs() + f64::from(self.cycles) * self.pattern.cycle_secs()
    }

    /// Everything shown at `elapsed` seconds since the start.
    ///
    /// Computed from `elapsed` alone (no per-phase restarts), so nothing drifts. Negative or
    /// NaN `elapsed` counts as 0; at or past the end (including +inf) the frame is `done`.
    pub fn at(&self, elapsed: f64) -> Frame {
        let elapsed = if elapsed.is_nan() {
            0.0
        } else {
            elapsed.max(0.0)
        };
        let total = self.total_secs();
        let prelude_secs = self.pattern.prelude_secs();
        let cycle_secs = self.pattern.cycle_secs();
        // Patterns built by hand (pub fields) may be degenerate: never panic, just end.
        let sane = total.is_finite() && prelude_secs >= 0.0 && cycle_secs >= 0.0;
        if !sane || elapsed >= total - SNAP_SECS {
            return self.done_frame();
        }
        let session_left = (total - elapsed).max(0.0);

        if elapsed < prelude_secs - SNAP_SECS {
            let (index, start, p) = locate(&self.pattern.prelude, elapsed);
            let (from, to) = prelude_levels(&self.pattern.prelude, index);
            return self.frame(p, index, true, elapsed - start, from, to, 0, session_left);
        }

        let t = (elapsed - prelude_secs).max(0.0);
        let mut cycle_idx = (t / cycle_secs).floor();
        let mut within = t - cycle_idx * cycle_secs;
        // Rounding can leave `within` a hair below a full cycle right at a cycle boundary.
        if within >= cycle_secs - SNAP_SECS {
            cycle_idx += 1.0;
            within -= cycle_secs;
        }
        let within = within.max(0.0);
        let last = f64::from(self.cycles.max(1) - 1);
        // Just before the end rounding may point one cycle past the last one.
        let cycle_idx = cycle_idx.clamp(0.0, last) as u32;
        let (index, start, p) = locate(&self.pattern.phases, within);
        let (from, to) = self.cycle_levels(index, cycle_idx == 0);
        self.frame(
            p,
            index,
            false,
            within - start,
            from,
            to,
            cycle_idx + 1,
            session_left,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn frame(
        &self,
        p: Phase,
        phase_index: usize,
        prelude: bool,
        into: f64,
        from: f64,
        to: f64,
        cycle: u32,
        session_left: f64,
    ) -> Frame {
        let progress = if p.secs > 0.0 {
            (into / p.secs).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let scale = (from + (to - from) * ease(progress)).clamp(0.0, 1.0);
        Frame {
            kind: p.kind,
            phase_index,
            prelude,
            progress,
            phase_left: (p.secs - into).clamp(0.0, p.secs.max(0.0)),
            scale,
            cycle,
            cycles: self.cycles,
            session_left,
            done: false,
        }
    }

    fn done_frame(&self) -> Frame {
        Frame {
            kind: PhaseKind::HoldEmpty,
            phase_index: self.pattern.phases.len().saturating_sub(1),
            prelude: false,
            progress: 1.0,
            phase_left: 0.0,
            scale: 0.0,
            cycle: self.cycles,
            cycles: self.cycles,
            session_left: 0.0,
            done: true,
        }
    }

    /// Shape sizes at the start and end of cycle phase `index`. Each phase starts where the
    /// one before it ended, so the shape never jumps mid-session.
    fn cycle_levels(&self, index: usize, first_cycle: bool) -> (f64, f64) {
        let phases = &self.pattern.phases;
        let prelude = &self.pattern.prelude;
        let mut level = if first_cycle && !prelude.is_empty() {
            prelude_levels(prelude, prelude.len() - 1).1
        } else if first_cycle {
            opening_level(phases.first().map(|p| p.kind))
        } else {
            // Later cycles start where the last phase ended. Its end does not depend on its
            // start: only an inhale before a top-up does, and a top-up never opens a cycle.
            end_level(phases, phases.len() - 1, 0.0)
        };
        for i in 0..index {
            level = end_level(phases, i, level);
        }
        (level, end_level(phases, index, level))
    }
}

/// Where a session's very first phase starts: an inhale from empty, an exhale from full, a
/// hold where its name says.
fn opening_level(kind: Option<PhaseKind>) -> f64 {
    match kind {
        Some(PhaseKind::Exhale | PhaseKind::HoldFull) => 1.0,
        _ => 0.0,
    }
}

/// The level at the end of phase `i` of `phases`, given its start level.
fn end_level(phases: &[Phase], i: usize, start: f64) -> f64 {
    match phases[i].kind {
        PhaseKind::Inhale => {
            let next_is_top_up = phases
                .get(i + 1)
                .is_some_and(|p| p.kind == PhaseKind::InhaleTopUp);
            // Leave room for the top-up, but never shrink on an inhale.
            if next_is_top_up {
                start.max(TOP_UP_FROM)
            } else {
                1.0
            }
        }
        PhaseKind::InhaleTopUp | PhaseKind::HoldFull => 1.0,
        PhaseKind::Exhale | PhaseKind::HoldEmpty => 0.0,
    }
}

/// Start and end levels of prelude phase `index`.
fn prelude_levels(prelude: &[Phase], index: usize) -> (f64, f64) {
    let mut level = opening_level(prelude.first().map(|p| p.kind));
    for i in 0..index {
        level = end_level(prelude, i, level);
    }
    (level, end_level(prelude, index, level))
}

/// The phase that `t` seconds into `phases` falls in: (index, start, phase). A time on a
/// boundary belongs to the phase that starts there; past the end it is the last phase.
fn locate(phases: &[Phase], t: f64) -> (usize, f64, Phase) {
    let mut start = 0.0;
    for (i, p) in phases.iter().enumerate() {
        let end = start + p.secs;
        if t < end - SNAP_SECS {
            return (i, start, *p);
        }
        if i + 1 == phases.len() {
            return (i, start, *p);
        }
        start = end;
    }
    // Only for an empty slice, which `at` never passes.
    (0, 0.0, phase(PhaseKind::HoldEmpty, 0.0))
}

/// Cycles for a session of `minutes`: round(minutes × 60 / cycle), at least 1.
fn cycles_for(p: &Pattern, minutes: f64) -> u32 {
    let cycle = p.cycle_secs();
    if cycle.is_nan() || cycle <= 0.0 || !minutes.is_finite() {
        return 1;
    }
    // Saturating float→int cast; minutes are capped at 60 anyway.
    ((minutes * 60.0 / cycle).round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EPS: f64 = 0.001;

    /// One phase as laid out on the session's time line, built independently of `at`.
    #[derive(Debug, Clone, Copy)]
    struct Seg {
        start: f64,
        end: f64,
        kind: PhaseKind,
        index: usize,
        prelude: bool,
        cycle: u32,
    }

    fn timeline(ex: &Exercise) -> Vec<Seg> {
        let mut segs = Vec::new();
        let mut t = 0.0;
        for (index, p) in ex.pattern.prelude.iter().enumerate() {
            segs.push(Seg {
                start: t,
                end: t + p.secs,
                kind: p.kind,
                index,
                prelude: true,
                cycle: 0,
            });
            t += p.secs;
        }
        let prelude = t;
        let cycle = ex.pattern.cycle_secs();
        for c in 0..ex.cycles {
            // Same arithmetic as `at`, so "exactly at" means the same instant.
            let mut t = prelude + f64::from(c) * cycle;
            for (index, p) in ex.pattern.phases.iter().enumerate() {
                segs.push(Seg {
                    start: t,
                    end: t + p.secs,
                    kind: p.kind,
                    index,
                    prelude: false,
                    cycle: c + 1,
                });
                t += p.secs;
            }
        }
        segs
    }

    fn assert_in(f: &Frame, s: &Seg, what: &str) {
        assert!(!f.done, "{what}: done too early: {f:?}");
        assert_eq!(f.kind, s.kind, "{what}: kind");
        assert_eq!(f.phase_index, s.index, "{what}: phase index");
        assert_eq!(f.prelude, s.prelude, "{what}: prelude flag");
        assert_eq!(f.cycle, s.cycle, "{what}: cycle");
    }

    /// Every preset's default exercise, plus non-integer and scaled variants.
    fn table() -> Vec<Exercise> {
        let mut v: Vec<Exercise> = presets().into_iter().map(Exercise::default_for).collect();
        v.push(Exercise::default_for(resonance(5.5).unwrap()));
        v.push(Exercise::default_for(resonance(6.5).unwrap()));
        v.push(Exercise::default_for(box_breathing(3).unwrap()));
        v.push(Exercise::with_cycles(preset("478").unwrap(), 8).unwrap());
        v.push(Exercise::with_cycles(preset("sigh").unwrap(), 3).unwrap());
        v
    }

    #[test]
    fn every_boundary_of_every_preset() {
        for ex in table() {
            let id = ex.pattern.name.clone();
            let segs = timeline(&ex);
            let total = ex.total_secs();
            assert!(
                (segs.last().unwrap().end - total).abs() < 1e-9,
                "{id}: timeline end"
            );

            // Start: negative time is time 0.
            let f0 = ex.at(0.0);
            assert_in(&f0, &segs[0], &format!("{id} at 0"));
            assert_eq!(f0.progress, 0.0);
            assert_eq!(ex.at(-EPS), f0);
            assert_eq!(ex.at(-100.0), f0);

            for w in segs.windows(2) {
                let (a, b) = (w[0], w[1]);
                let t = b.start;
                let what = format!("{id} boundary at {t} ({:?} -> {:?})", a.kind, b.kind);
                let before = ex.at(t - EPS);
                let on = ex.at(t);
                let after = ex.at(t + EPS);
                assert_in(&before, &a, &format!("{what}, before"));
                assert_in(&on, &b, &format!("{what}, on"));
                assert_in(&after, &b, &format!("{what}, after"));
                assert!(
                    before.progress > 0.99,
                    "{what}: progress before {}",
                    before.progress
                );
                assert!(on.progress < 1e-6, "{what}: progress on {}", on.progress);
                assert!(
                    after.progress < 0.01,
                    "{what}: progress after {}",
                    after.progress
                );
                assert!(
                    before.phase_left < 0.01 && (on.phase_left - (b.end - b.start)).abs() < 1e-6
                );
                let jump = (before.scale - after.scale).abs();
                assert!(jump < 0.01, "{what}: scale jumps by {jump}");
                assert!(
                    (before.session_left - (total - t + EPS)).abs() < 1e-6,
                    "{what}: left"
                );
            }

            // End: the last phase until the end, then the rest position.
            let last = *segs.last().unwrap();
            assert_in(&ex.at(total - EPS), &last, &format!("{id} before the end"));
            for t in [total, total + EPS, total + 1000.0, f64::INFINITY] {
                let f = ex.at(t);
                assert!(f.done, "{id}: not done at {t}");
                assert_eq!(
                    (f.kind, f.scale, f.session_left),
                    (PhaseKind::HoldEmpty, 0.0, 0.0)
                );
                assert_eq!((f.cycle, f.cycles), (ex.cycles, ex.cycles));
            }
            assert!((ex.at(total - EPS).scale - ex.at(total).scale).abs() < 0.01);
        }
    }

    #[test]
    fn scale_follows_the_breath() {
        let ex = Exercise::default_for(preset("sigh").unwrap());
        // First inhale 0 -> 0.8, top-up 0.8 -> 1, exhale 1 -> 0.
        assert_eq!(ex.at(0.0).scale, 0.0);
        assert!(
            (ex.at(1.0).scale - 0.4).abs() < 1e-9,
            "half of 0.8 at mid-inhale"
        );
        assert!((ex.at(2.0).scale - TOP_UP_FROM).abs() < 1e-9);
        assert_eq!(ex.at(2.0).kind, PhaseKind::InhaleTopUp);
        assert!((ex.at(2.5).scale - 0.9).abs() < 1e-9);
        assert!((ex.at(3.0).scale - 1.0).abs() < 1e-9);
        assert!((ex.at(6.0).scale - 0.5).abs() < 1e-9);
        assert!(ex.at(9.0 - EPS).scale < 1e-6);

        // 4-7-8: the prelude exhale goes 1 -> 0, then in, hold full, out.
        let ex = Exercise::default_for(preset("478").unwrap());
        let f = ex.at(0.0);
        assert!(f.prelude && f.cycle == 0 && f.kind == PhaseKind::Exhale && f.scale == 1.0);
        assert!((ex.at(2.0).scale - 0.5).abs() < 1e-9);
        assert_eq!(ex.at(4.0).scale, 0.0);
        assert_eq!(ex.at(10.0).scale, 1.0);
        assert_eq!(ex.at(10.0).kind, PhaseKind::HoldFull);

        // Box: holds keep full and empty.
        let ex = Exercise::default_for(preset("box").unwrap());
        assert_eq!(ex.at(6.0).scale, 1.0);
        assert_eq!(ex.at(14.0).scale, 0.0);
        assert_eq!(ex.at(14.0).kind, PhaseKind::HoldEmpty);
        // Eased, not linear: a quarter into the inhale is below a quarter.
        assert!(ex.at(1.0).scale < 0.25);
    }

    #[test]
    fn ease_is_sine() {
        assert_eq!(ease(0.0), 0.0);
        assert!((ease(0.5) - 0.5).abs() < 1e-12);
        assert!((ease(1.0) - 1.0).abs() < 1e-12);
        assert_eq!(ease(-1.0), 0.0);
        assert!((ease(2.0) - 1.0).abs() < 1e-12);
        assert_eq!(ease(f64::NAN), 0.0);
    }

    #[test]
    fn session_lengths_add_up() {
        let expected = [
            ("coherence", 30, 300.0),
            ("coherence-4-6", 30, 300.0),
            ("resonance", 60, 600.0),
            ("box", 19, 304.0),  // 5 min / 16 s = 18.75 -> 19
            ("478", 4, 80.0),    // 4 + 4 x 19
            ("sigh", 33, 297.0), // 5 min / 9 s = 33.3 -> 33
        ];
        let presets = presets();
        assert_eq!(presets.len(), expected.len());
        assert_eq!(presets[0].id, DEFAULT_PRESET);
        for (p, (id, cycles, total)) in presets.into_iter().zip(expected) {
            assert_eq!(p.id, id);
            let ex = Exercise::default_for(p);
            let by_hand: f64 = ex.pattern.prelude.iter().map(|p| p.secs).sum::<f64>()
                + f64::from(ex.cycles) * ex.pattern.phases.iter().map(|p| p.secs).sum::<f64>();
            assert_eq!(ex.cycles, cycles, "{id}: cycles");
            assert_eq!(ex.total_secs(), by_hand, "{id}: total");
            assert_eq!(ex.total_secs(), total, "{id}: total");
        }
    }

    #[test]
    fn presets_read_well() {
        let p = |id| preset(id).unwrap();
        assert_eq!(p("coherence").timings(), "in 5 · out 5");
        assert_eq!(p("coherence").name, "Cardiac coherence (365)");
        assert_eq!(p("box").timings(), "in 4 · hold 4 · out 4 · hold 4");
        assert_eq!(p("478").timings(), "out 4, then in 4 · hold 7 · out 8");
        assert_eq!(p("sigh").timings(), "in 2 · top up 1 · out 6");
        assert_eq!(resonance(5.5).unwrap().timings(), "in 5.45 · out 5.45");
        assert_eq!(p("coherence").per_minute(), 6.0);
        assert_eq!(p("box").per_minute(), 3.75);
        assert_eq!(p("resonance").per_minute(), 6.0);
        assert!(p("box").has_holds && p("478").has_holds);
        assert!(!p("coherence").has_holds && !p("sigh").has_holds);
        assert_eq!(
            (p("478").default_cycles, p("478").max_cycles),
            (Some(4), Some(8))
        );
        assert_eq!(p("resonance").default_minutes, Some(10.0));
        assert!(preset("wim-hof").is_none());
        for p in presets() {
            assert!(!p.note.is_empty() && p.note.len() < 110, "{}: note", p.id);
        }
    }

    #[test]
    fn phase_names() {
        use PhaseKind::*;
        let words: Vec<_> = [Inhale, InhaleTopUp, HoldFull, Exhale, HoldEmpty]
            .map(PhaseKind::word)
            .into();
        assert_eq!(words, ["Inhale", "Top up", "Hold", "Exhale", "Hold"]);
        for (s, k) in [
            ("inhale", Some(Inhale)),
            ("Inhale", Some(Inhale)),
            ("inhale_top_up", Some(InhaleTopUp)),
            ("top_up", Some(InhaleTopUp)),
            ("top-up", Some(InhaleTopUp)),
            ("hold_full", Some(HoldFull)),
            ("hold_empty", Some(HoldEmpty)),
            (" exhale ", Some(Exhale)),
            ("hold", None),
            ("breathe", None),
            ("", None),
        ] {
            assert_eq!(PhaseKind::parse(s), k, "{s:?}");
        }
    }

    #[test]
    fn parameterised_presets() {
        for bad in [4.0, 6.25, 7.5, 0.0, -6.0, f64::NAN, f64::INFINITY] {
            let err = resonance(bad).unwrap_err();
            assert!(err.to_string().contains("4.5 to 7"), "{err}");
        }
        let r = resonance(5.5).unwrap();
        assert!((r.phases[0].secs - 5.454_545_454_5).abs() < 1e-9);
        assert_eq!(r.phases[0].secs, r.phases[1].secs);
        assert_eq!(r.name, "Resonance breathing (5.5/min)");
        for ok in [4.5, 5.0, 6.0, 6.5, 7.0] {
            assert!((resonance(ok).unwrap().per_minute() - ok).abs() < 1e-9);
        }
        for bad in [0, 1, 6, 10] {
            let err = box_breathing(bad).unwrap_err();
            assert!(err.to_string().contains(&format!("{bad} s")), "{err}");
            assert!(err.to_string().contains("2 to 5"), "{err}");
        }
        assert_eq!(box_breathing(2).unwrap().cycle_secs(), 8.0);
    }

    #[test]
    fn exercise_limits() {
        let p478 = preset("478").unwrap();
        let err = Exercise::with_cycles(p478.clone(), 9).unwrap_err();
        assert!(err.to_string().contains("1 to 8"), "{err}");
        assert!(err.to_string().contains("9 cycles"), "{err}");
        assert_eq!(
            Exercise::with_cycles(p478.clone(), 8).unwrap().total_secs(),
            156.0
        );
        assert!(Exercise::with_cycles(p478.clone(), 0).is_err());
        let err = Exercise::with_minutes(p478, 10.0).unwrap_err();
        assert!(err.to_string().contains("cap of 8"), "{err}");

        let coh = preset("coherence").unwrap();
        for bad in [0.0, -1.0, 60.5, f64::NAN, f64::INFINITY] {
            let err = Exercise::with_minutes(coh.clone(), bad).unwrap_err();
            assert!(err.to_string().contains("at most 60 minutes"), "{err}");
        }
        let err = Exercise::with_cycles(coh.clone(), 1000).unwrap_err();
        assert!(err.to_string().contains("1 to 600"), "{err}");
        assert_eq!(Exercise::with_cycles(coh.clone(), 600).unwrap().cycles, 600);
        assert_eq!(
            Exercise::with_minutes(coh.clone(), 60.0).unwrap().cycles,
            360
        );
        assert_eq!(Exercise::with_minutes(coh.clone(), 0.01).unwrap().cycles, 1);
        assert_eq!(Exercise::with_minutes(coh.clone(), 1.24).unwrap().cycles, 7);
        // Quick reset: 3 cyclic sighs, 27 s.
        let sighs = Exercise::with_cycles(preset("sigh").unwrap(), 3).unwrap();
        assert_eq!(sighs.total_secs(), 27.0);
    }

    #[test]
    fn degenerate_exercises_do_not_panic() {
        let mut p = preset("478").unwrap();
        let zero = Exercise {
            pattern: p.clone(),
            cycles: 0,
        };
        assert!(zero.at(1.0).prelude);
        assert!(zero.at(4.0).done);
        p.phases.clear();
        let empty = Exercise {
            pattern: p,
            cycles: 3,
        };
        assert!(empty.at(5.0).done);
        let mut q = preset("coherence").unwrap();
        q.phases[0].secs = f64::NAN;
        let nan = Exercise {
            pattern: q,
            cycles: 3,
        };
        assert!(nan.at(1.0).done);
    }

    fn owned(phases: &[(&str, f64)]) -> Vec<(String, f64)> {
        phases.iter().map(|(n, s)| (n.to_string(), *s)).collect()
    }

    #[test]
    fn custom_patterns() {
        use PhaseKind::*;
        let (p, warnings) = custom(
            "square",
            &owned(&[
                ("inhale", 4.0),
                ("hold", 2.0),
                ("exhale", 4.0),
                ("hold", 2.0),
            ]),
        )
        .unwrap();
        let kinds: Vec<_> = p.phases.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Inhale, HoldFull, Exhale, HoldEmpty]);
        assert!(warnings.is_empty() && p.has_holds);
        assert_eq!((p.id.as_str(), p.name.as_str()), ("square", "square"));

        // A leading hold follows the last phase, as the cycle repeats.
        let (p, _) = custom(
            "x",
            &owned(&[("hold", 2.0), ("inhale", 4.0), ("exhale", 6.0)]),
        )
        .unwrap();
        assert_eq!(p.phases[0].kind, HoldEmpty);
        let ex = Exercise::default_for(p);
        assert_eq!(ex.at(0.0).scale, 0.0);

        // A pattern may start with the exhale: the shape starts full.
        let (p, _) = custom("out-first", &owned(&[("exhale", 6.0), ("inhale", 4.0)])).unwrap();
        assert_eq!(Exercise::default_for(p).at(0.0).scale, 1.0);

        // Fast patterns are accepted with a warning.
        let (p, warnings) = custom("fast", &owned(&[("inhale", 2.0), ("exhale", 2.0)])).unwrap();
        assert_eq!(p.per_minute(), 15.0);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("no longer slow breathing"),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("15 breaths/min"), "{warnings:?}");
        // 10 a minute exactly is still slow.
        let (_, w) = custom("ten", &owned(&[("inhale", 3.0), ("exhale", 3.0)])).unwrap();
        assert!(w.is_empty());

        let refused: &[(&[(&str, f64)], &str)] = &[
            (&[("inhale", 0.0), ("exhale", 4.0)], "phase 1 (inhale): 0 s"),
            (
                &[("inhale", 4.0), ("exhale", 25.0)],
                "phase 2 (exhale): 25 s is too long",
            ),
            (
                &[("inhale", 1.0), ("exhale", 4.0)],
                "phase 1 (inhale): 1 s is too short",
            ),
            (
                &[("inhale", 4.0), ("hold", 4.0)],
                "phases 1-2 have no exhale",
            ),
            (&[("exhale", 4.0)], "phase 1 has no inhale"),
            (
                &[("top_up", 1.0), ("inhale", 2.0), ("exhale", 6.0)],
                "phase 1 (inhale_top_up)",
            ),
            (
                &[("inhale", 2.0), ("exhale", 6.0), ("top_up", 1.0)],
                "phase 3 (inhale_top_up)",
            ),
            (
                &[("inhale", 4.0), ("breathe", 4.0)],
                "phase 2 (\"breathe\")",
            ),
            (
                &[("inhale", 4.0), ("exhale", 4.0), ("hold_full", 2.0)],
                "phase 3 (hold_full)",
            ),
            (
                &[("inhale", 4.0), ("hold_empty", 2.0), ("exhale", 4.0)],
                "phase 2 (hold_empty)",
            ),
            (&[("inhale", 4.0), ("exhale", f64::NAN)], "phase 2 (exhale)"),
            (
                &[("inhale", 4.0), ("hold", -1.0), ("exhale", 4.0)],
                "phase 2 (hold): -1 s",
            ),
            (&[], "has no phases"),
        ];
        for (phases, needle) in refused {
            let err = custom("bad", &owned(phases)).unwrap_err().to_string();
            assert!(err.contains(needle), "{phases:?}: {err:?} lacks {needle:?}");
        }
        assert_eq!(
            custom("  ", &owned(&[("inhale", 4.0)])),
            Err(BreathError::NoName)
        );
    }

    /// Deterministic jitter in -0.010..=0.010 s (xorshift; no rand crate).
    fn jitter(state: &mut u64) -> f64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        (*state % 20_001) as f64 / 1_000_000.0 - 0.010
    }

    #[test]
    fn no_drift_over_five_minutes_at_30_fps() {
        let ex = Exercise::with_minutes(preset("coherence").unwrap(), 5.0).unwrap();
        let frame = 1.0 / 30.0;
        let total = ex.total_secs();
        assert_eq!(total, 300.0);
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let frames: Vec<f64> = (0..=(total * 30.0) as u32 + 30)
            .map(|i| f64::from(i) * frame + jitter(&mut seed))
            .collect();
        assert!(
            frames.windows(2).all(|w| w[0] < w[1]),
            "the fake clock moves forward"
        );

        let segs = timeline(&ex);
        for w in segs.windows(2) {
            let (old, new) = (w[0], w[1]);
            let t_b = new.start;
            let shown_at = |limit: f64| *frames.iter().find(|&&t| t >= limit).unwrap();
            // One frame after the boundary the new phase is on screen...
            let f = ex.at(shown_at(t_b + frame));
            assert_in(&f, &new, &format!("after boundary {t_b}"));
            // ...and one frame before it the old one still is.
            let t = *frames.iter().rev().find(|&&t| t <= t_b - frame).unwrap();
            assert_in(&ex.at(t), &old, &format!("before boundary {t_b}"));
        }
        let end = *frames.iter().find(|&&t| t >= total + frame).unwrap();
        assert!(ex.at(end).done);
        assert!(!ex.at(total - frame).done);
    }

    /// A valid custom pattern: 1-3 breaths, each an inhale (maybe with a top-up), maybe a
    /// hold, an exhale, maybe a hold; holds named in any accepted way.
    fn valid_phases() -> impl Strategy<Value = Vec<(String, f64)>> {
        let secs = |lo: f64, hi: f64| (lo..=hi).prop_map(|s: f64| (s * 10.0).round() / 10.0);
        let breath = (
            secs(2.0, 20.0),
            prop::option::of(secs(0.1, 3.0)),
            prop::option::of(secs(0.1, 20.0)),
            secs(2.0, 20.0),
            prop::option::of(secs(0.1, 20.0)),
            any::<(bool, bool)>(),
        )
            .prop_map(
                |(inhale, top_up, hold_in, exhale, hold_out, (plain, alias))| {
                    let mut v = vec![("inhale".to_string(), inhale)];
                    if let Some(s) = top_up {
                        let name = if alias { "top_up" } else { "inhale_top_up" };
                        v.push((name.to_string(), s.max(0.1)));
                    }
                    if let Some(s) = hold_in {
                        let name = if plain { "hold" } else { "hold_full" };
                        v.push((name.to_string(), s.max(0.1)));
                    }
                    v.push(("exhale".to_string(), exhale));
                    if let Some(s) = hold_out {
                        let name = if plain { "hold" } else { "hold_empty" };
                        v.push((name.to_string(), s.max(0.1)));
                    }
                    v
                },
            );
        prop::collection::vec(breath, 1..=3).prop_map(|b| b.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn frames_stay_in_range(
            phases in valid_phases(),
            cycles in 1u32..=6,
            ts in prop::collection::vec(-10.0f64..2000.0, 1..40),
            specials in prop::sample::subsequence(
                vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, -0.0, f64::MIN_POSITIVE],
                0..=6,
            ),
        ) {
            let (p, _) = custom("prop", &phases).unwrap();
            let ex = Exercise::with_cycles(p, cycles).unwrap();
            let total = ex.total_secs();
            for t in ts.into_iter().chain(specials) {
                let f = ex.at(t);
                prop_assert!((0.0..=1.0).contains(&f.progress), "progress {} at {t}", f.progress);
                prop_assert!((0.0..=1.0).contains(&f.scale), "scale {} at {t}", f.scale);
                prop_assert!(f.phase_left >= 0.0 && f.session_left >= 0.0);
                prop_assert!(f.cycle <= cycles && f.cycles == cycles);
                if f.done {
                    prop_assert!(t.is_nan() || t >= total - 1e-9 || t == f64::INFINITY);
                    prop_assert_eq!(f.scale, 0.0);
                } else {
                    prop_assert!(f.cycle >= 1);
                    prop_assert_eq!(f.kind, ex.pattern.phases[f.phase_index].kind);
                }
            }
            prop_assert_eq!(ex.at(f64::NAN), ex.at(0.0));
            prop_assert!(ex.at(f64::INFINITY).done);
        }

        #[test]
        fn phases_repeat_in_order(
            phases in valid_phases(),
            cycles in 1u32..=5,
            picks in prop::collection::vec((0usize..64, 0.02f64..0.98), 1..20),
        ) {
            let (p, _) = custom("prop", &phases).unwrap();
            let ex = Exercise::with_cycles(p, cycles).unwrap();
            let segs = timeline(&ex);
            prop_assert_eq!(segs.len(), ex.pattern.phases.len() * cycles as usize);
            // Inside every phase `at` names that phase, in cycle order.
            for (pick, frac) in picks {
                let s = segs[pick % segs.len()];
                let t = s.start + (s.end - s.start) * frac;
                let f = ex.at(t);
                prop_assert_eq!((f.kind, f.phase_index, f.cycle), (s.kind, s.index, s.cycle));
                prop_assert!((f.progress - frac).abs() < 1e-6);
            }
            // Sampled in time order, (cycle, phase) never goes back and the scale never jumps.
            let total = ex.total_secs();
            let step = 0.01;
            let mut last = (0u32, 0usize);
            let mut prev_scale = ex.at(0.0).scale;
            let mut t = 0.0;
            while t < total {
                let f = ex.at(t);
                let now = (f.cycle, f.phase_index);
                prop_assert!(now >= last, "went back from {last:?} to {now:?} at {t}");
                // Eased with phases >= 0.1 s: at most pi/2 * 0.01 / 0.1 per step.
                prop_assert!((f.scale - prev_scale).abs() < 0.16, "jump at {t}");
                last = now;
                prev_scale = f.scale;
                t += step;
            }
        }

        #[test]
        fn invalid_phases_are_refused_by_number(
            phases in valid_phases(),
            at in 0usize..64,
            fault in 0usize..3,
        ) {
            let i = at % phases.len();
            let mut bad = phases.clone();
            match fault {
                // 0 s is fine for a hold (it is left out), so a hold gets a negative length.
                0 => bad[i].1 = if bad[i].0.contains("hold") { -1.0 } else { 0.0 },
                1 => bad[i].1 = 25.0,
                _ => bad[i] = ("inhale".to_string(), 1.0),
            }
            let err = custom("bad", &bad).unwrap_err().to_string();
            let needle = format!("phase {} (", i + 1);
            prop_assert!(err.contains(&needle), "{err:?} lacks {needle:?}");
        }

        #[test]
        fn missing_exhale_or_leading_top_up_is_refused(phases in valid_phases()) {
            let no_exhale: Vec<_> = phases
                .iter()
                .filter(|(n, _)| n != "exhale")
                .cloned()
                .collect();
            let err = custom("bad", &no_exhale).unwrap_err().to_string();
            let needle = if no_exhale.len() == 1 {
                "phase 1 has no exhale".to_string()
            } else {
                format!("phases 1-{} have no exhale", no_exhale.len())
            };
            prop_assert!(err.contains(&needle), "{err:?}");

            let mut top_up_first = vec![("top_up".to_string(), 1.0)];
            top_up_first.extend(phases);
            let err = custom("bad", &top_up_first).unwrap_err().to_string();
            prop_assert!(err.contains("phase 1 (inhale_top_up)"), "{err:?}");
        }
    }
}

/// Safety wording from the project's wellbeing research (wellbeing.md, "Safety texts"):
/// shown before the first use of a pattern and in help. Never a health claim.
pub mod safety {
    pub const GENERAL: &str = "Breathe gently and never force it. If you feel dizzy, light-headed, tingly or short of breath, stop and breathe normally. Sit or lie down; don't practise while driving or in water.";
    pub const HOLDS: &str = "Breath holds are optional: shorten or skip them if they feel uncomfortable, if you are pregnant, or if you have a heart, lung or blood-pressure condition.";
    pub const DISCLAIMER: &str = "Breathing exercises are a relaxation aid, not a treatment. If stress, low mood or exhaustion persist, talk to a doctor or a mental-health professional.";
}
