//! Safety wording from the project's wellbeing research (wellbeing.md, "Safety texts"):
//! shown before the first use of a pattern and in help. Never a health claim.

pub const GENERAL: &str = "Breathe gently and never force it. If you feel dizzy, light-headed, tingly or short of breath, stop and breathe normally. Sit or lie down; don't practise while driving or in water.";
pub const HOLDS: &str = "Breath holds are optional: shorten or skip them if they feel uncomfortable, if you are pregnant, or if you have a heart, lung or blood-pressure condition.";
pub const DISCLAIMER: &str = "Breathing exercises are a relaxation aid, not a treatment. If stress, low mood or exhaustion persist, talk to a doctor or a mental-health professional.";
