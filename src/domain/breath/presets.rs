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
