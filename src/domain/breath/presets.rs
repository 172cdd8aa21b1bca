//! The built-in patterns (wellbeing.md, "What the app should implement") and the two with a
//! parameter: resonance breathing at a chosen rate, box breathing with a chosen side.

use super::pattern::fmt_secs;
use super::pattern::{BreathError, Pattern, Phase, PhaseKind};

/// A phase of `secs` seconds.
pub(super) fn phase(kind: PhaseKind, secs: f64) -> Phase {
    Phase::new(kind, secs)
}

/// The built-in patterns, the default ([`DEFAULT_PRESET`](super::DEFAULT_PRESET)) first.
pub fn presets() -> Vec<Pattern> {
    use PhaseKind::*;
    let mut coherence = Pattern::build(
        "coherence",
        "Cardiac coherence (365)",
        vec![],
        vec![phase(Inhale, 5.0), phase(Exhale, 5.0)],
    );
    coherence.default_minutes = Some(5.0);

    let mut coherence_4_6 = Pattern::build(
        "coherence-4-6",
        "Cardiac coherence 4/6",
        vec![],
        vec![phase(Inhale, 4.0), phase(Exhale, 6.0)],
    );
    coherence_4_6.default_minutes = Some(5.0);

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
    Ok(p)
}
