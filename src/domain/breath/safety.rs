//! Safety texts from the project's wellbeing research (wellbeing.md, "Safety texts"): shown
//! before the first use of a pattern and in help. Never a health claim.
//!
//! Codes only: the words, in the user's language, are in `locales/*/breathe.ftl`
//! (`breathe-safety-*`), written out by the `Display` in `ui::breathe`.

/// One of the safety texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Safety {
    /// Breathe gently, stop if dizzy; not while driving or in water.
    General,
    /// Holds are optional (pregnancy, heart, lung or blood-pressure conditions).
    Holds,
    /// A relaxation aid, not a treatment; see a doctor if it persists.
    Disclaimer,
}

pub const GENERAL: Safety = Safety::General;
pub const HOLDS: Safety = Safety::Holds;
pub const DISCLAIMER: Safety = Safety::Disclaimer;
