//! A user's own pattern from config, checked phase by phase so an error names the phase.

use super::pattern::{BreathError, BreathWarning, Pattern, Phase, PhaseKind};
use super::presets::phase;
use super::{MAX_PHASE_SECS, MIN_BREATH_SECS, SLOW_BREATHING_MAX_PER_MIN};

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
pub fn custom(
    name: &str,
    phases: &[(String, f64)],
) -> Result<(Pattern, Vec<BreathWarning>), BreathError> {
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

/// [`custom`] on phases without their 0 s holds: the numbers in errors are theirs.
fn custom_inner(
    name: &str,
    phases: &[(String, f64)],
) -> Result<(Pattern, Vec<BreathWarning>), BreathError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(BreathError::NoName);
    }
    if phases.is_empty() {
        return Err(BreathError::NoPhases {
            pattern: name.to_string(),
        });
    }
    let kinds = phase_kinds(phases)?;
    check_top_ups(&kinds)?;
    check_breaths(&kinds)?;
    let resolved = resolve_holds(&kinds, phases)?;

    let mut pattern = Pattern::build(name, name, vec![], resolved);
    pattern.custom = true;
    let mut warnings = Vec::new();
    let rate = pattern.per_minute();
    if rate > SLOW_BREATHING_MAX_PER_MIN {
        warnings.push(BreathWarning::Fast {
            pattern: name.to_string(),
            per_minute: (rate * 10.0).round() / 10.0,
        });
    }
    Ok((pattern, warnings))
}

/// Pass 1: names and values, so that the first bad phase is the one reported. `None` is a
/// plain "hold", resolved by [`resolve_holds`].
fn phase_kinds(phases: &[(String, f64)]) -> Result<Vec<Option<PhaseKind>>, BreathError> {
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
        check_secs(index, kind, *secs)?;
        kinds.push(kind);
    }
    Ok(kinds)
}

/// Phase `index` of `kind` (`None`: a plain hold) lasts more than 0 and at most 20 s, and
/// at least 2 s if it is an inhale or an exhale.
fn check_secs(index: usize, kind: Option<PhaseKind>, secs: f64) -> Result<(), BreathError> {
    let name = kind.map_or("hold", PhaseKind::as_str).to_string();
    if secs.is_nan() || secs <= 0.0 {
        return Err(BreathError::NotPositive { index, name, secs });
    }
    if secs > MAX_PHASE_SECS {
        return Err(BreathError::TooLong { index, name, secs });
    }
    if matches!(kind, Some(PhaseKind::Inhale | PhaseKind::Exhale)) && secs < MIN_BREATH_SECS {
        return Err(BreathError::BreathTooShort { index, name, secs });
    }
    Ok(())
}

/// Pass 2: a top-up continues an inhale, so it needs one right before it (not cyclically:
/// a session must not open with a top-up).
fn check_top_ups(kinds: &[Option<PhaseKind>]) -> Result<(), BreathError> {
    for (i, kind) in kinds.iter().enumerate() {
        if *kind == Some(PhaseKind::InhaleTopUp)
            && (i == 0 || kinds[i - 1] != Some(PhaseKind::Inhale))
        {
            let after = (i > 0).then(|| {
                let before = kinds[i - 1].map_or("hold", PhaseKind::as_str);
                (i, before.to_string())
            });
            return Err(BreathError::TopUpNotAfterInhale {
                index: i + 1,
                name: PhaseKind::InhaleTopUp.as_str().to_string(),
                after,
            });
        }
    }
    Ok(())
}

/// Pass 3: at least one inhale and one exhale.
fn check_breaths(kinds: &[Option<PhaseKind>]) -> Result<(), BreathError> {
    for (kind, missing) in [(PhaseKind::Inhale, "inhale"), (PhaseKind::Exhale, "exhale")] {
        if !kinds.contains(&Some(kind)) {
            return Err(BreathError::Missing {
                count: kinds.len(),
                missing,
            });
        }
    }
    Ok(())
}

/// Pass 4: holds take the state of the nearest breath before them, cyclically (the first
/// phase follows the last one from the second cycle on). One exists: pass 3 found both.
fn resolve_holds(
    kinds: &[Option<PhaseKind>],
    phases: &[(String, f64)],
) -> Result<Vec<Phase>, BreathError> {
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
                        after: (j + 1, before.as_str().to_string()),
                    });
                }
                natural
            }
            // Unreachable after pass 3; an empty hold is the safe reading.
            (explicit, None) => explicit.unwrap_or(PhaseKind::HoldEmpty),
        };
        resolved.push(phase(kind, phases[i].1));
    }
    Ok(resolved)
}
