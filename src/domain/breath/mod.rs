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
//!
//! The parts: [`Pattern`] and its phases (`pattern`), the built-in ones (`presets`), the
//! user's own from config (`custom`), an [`Exercise`] and its frames (`exercise`), and the
//! [`safety`] texts.

mod custom;
mod exercise;
mod pattern;
mod presets;
pub mod safety;

pub use custom::{custom, error_phase};
pub use exercise::{Exercise, Frame};
pub use pattern::{BreathError, BreathWarning, Pattern, Phase, PhaseKind, Timings, fmt_secs};
pub use presets::{box_breathing, preset, presets, resonance};

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
/// The default of `breathing.default_pattern` (what `serein breathe` and the Breathe screen
/// start with), listed first by [`presets`].
pub const DEFAULT_PRESET: &str = "coherence";
/// Shape size reached by the sigh's first inhale; the top-up fills the rest.
pub const TOP_UP_FROM: f64 = 0.8;

#[cfg(test)]
mod tests;
