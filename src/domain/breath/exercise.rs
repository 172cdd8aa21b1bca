//! An exercise: a pattern repeated a number of times, and everything the screen shows at any
//! elapsed time, computed from that time alone.

use std::f64::consts::PI;

use super::pattern::{BreathError, Pattern, Phase, PhaseKind};
use super::presets::phase;
use super::{FALLBACK_MINUTES, MAX_CYCLES, MAX_MINUTES, TOP_UP_FROM};

/// Times this close to a phase boundary count as on it. Far below one frame; it only absorbs
/// floating-point rounding, so that "exactly at a boundary" always shows the new phase.
const SNAP_SECS: f64 = 1e-9;

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
