# The Breathe screen, breathing patterns, phases, safety texts and reminders.

breathe-title = Breathe · { $name }
breathe-goal-today = { $count } of { $goal } today
# Pattern names (a custom pattern keeps the name the user gave it).
breathe-pattern-coherence = Cardiac coherence (365)
breathe-pattern-coherence-4-6 = Cardiac coherence 4/6
breathe-pattern-resonance = Resonance breathing ({ $rate }/min)
breathe-pattern-box = Box breathing ({ $secs }-{ $secs }-{ $secs }-{ $secs })
breathe-pattern-478 = 4-7-8 breathing
breathe-pattern-sigh = Cyclic sighing
# One short factual line per pattern (no health claims).
breathe-note-coherence = The 365 method: 6 breaths a minute for 5 minutes, 3 times a day (a practitioners' convention).
breathe-note-coherence-4-6 = A 365 variant with a longer exhale, still 6 breaths a minute.
breathe-note-resonance = Even breaths at a rate you choose from 4.5 to 7 a minute; studies used 15-20 minutes a day.
breathe-note-box = In, hold, out, hold, all equal; start with 2-3 s sides if 4 s is hard.
breathe-note-478 = Exhale fully, then in 4, hold 7, out 8; Weil suggests 4 cycles at first, up to 8 after a month.
breathe-note-sigh = Inhale, a short second top-up inhale, then a long slow exhale.
breathe-note-custom = Your own pattern.
# The phase word shown large while breathing.
breathe-phase-inhale = Inhale
breathe-phase-top-up = Top up
breathe-phase-hold = Hold
breathe-phase-exhale = Exhale
# Short phase labels in the timings column ("in 5 · out 5").
breathe-short-inhale = in
breathe-short-top-up = top up
breathe-short-hold = hold
breathe-short-exhale = out
breathe-timings-then = { $prelude }, then { $cycle }
breathe-length-cycles = { $n ->
    [one] { $n } cycle
   *[other] { $n } cycles
}
breathe-length-minutes = { $n } min
breathe-rate = { $rate }/min
breathe-hints-choosing = j/k choose · ⏎ start · esc back · ? help
breathe-before-first = Before your first { $name }:
breathe-hints-safety = ⏎ begin · esc back
breathe-paused = Paused
breathe-first-breathe-out = first, breathe out
breathe-cycle = cycle { $cycle }/{ $cycles }
breathe-left = { $what } · { $time } left
breathe-hints-paused = space resumes · esc stops
breathe-hints-running = space pause · esc stop · r motion on/off · ? help
breathe-done = ■ done after { $time }
breathe-stopped = ■ stopped after { $time }
breathe-logged = logged
breathe-hints-done = ⏎ again · esc back
# Safety texts (shared/wellbeing.md, "Safety texts"): gentle, never a health claim.
breathe-safety-general = Breathe gently and never force it. If you feel dizzy, light-headed, tingly or short of breath, stop and breathe normally. Sit or lie down; don't practise while driving or in water.
breathe-safety-holds = Breath holds are optional: shorten or skip them if they feel uncomfortable, if you are pregnant, or if you have a heart, lung or blood-pressure condition.
breathe-safety-disclaimer = Breathing exercises are a relaxation aid, not a treatment. If stress, low mood or exhaustion persist, talk to a doctor or a mental-health professional.
# Reminders (the 365 method).
breathe-reminder-any = a breathing exercise
breathe-reminder-what = { $name } · { $minutes } min
breathe-reminder-status = time to breathe: { $what } — { $start } starts · { $snooze } snoozes
breathe-reminder-title = Time to breathe
breathe-snoozed = breathing reminder snoozed for { $minutes } min
# Why a pattern (from the config) or an exercise is refused.
breathe-error-no-name = a custom breathing pattern needs a name
breathe-error-no-phases = pattern "{ $pattern }" has no phases: give at least one inhale and one exhale, e.g. [["inhale", 4], ["exhale", 6]]
breathe-error-unknown-phase = phase { $index } ("{ $name }"): unknown phase; use inhale, inhale_top_up (or top_up), hold, hold_full, hold_empty or exhale
breathe-error-not-positive = phase { $index } ({ $name }): { $secs } s is not accepted; each phase lasts more than 0 and at most 20 s
breathe-error-too-long = phase { $index } ({ $name }): { $secs } s is too long; each phase lasts at most 20 s
breathe-error-breath-too-short = phase { $index } ({ $name }): { $secs } s is too short; inhales and exhales last at least 2 s
breathe-error-top-up-first = phase { $index } ({ $name }): a top-up must come right after an inhale, not at the start
breathe-error-top-up-after = phase { $index } ({ $name }): a top-up must come right after an inhale, not after phase { $before } ({ $before_name })
breathe-error-hold-mismatch = phase { $index } ({ $name }): this hold comes after phase { $before } ({ $before_name }); use "hold" and it follows the breath before it
breathe-error-missing = { $count ->
    [one] phase 1 has
   *[other] phases 1-{ $count } have
} no { $missing }: a pattern needs at least one inhale and one exhale
breathe-error-resonance = resonance rate { $value } breaths/min is not accepted; use 4.5 to 7 in steps of 0.5
breathe-error-box-side = box breathing with { $secs } s per side is not accepted; use 2 to 5 s
breathe-error-minutes = { $value } min is not accepted; a session lasts more than 0 and at most 60 minutes
breathe-error-cycles = { $value } cycles is not accepted for { $pattern }: use 1 to { $max } cycles
breathe-error-over-cap = { $minutes } min would be { $cycles } cycles of { $pattern }, above its cap of { $max } cycles; use 1 to { $max } cycles
breathe-warning-fast = pattern "{ $pattern }" runs at { $rate } breaths/min: above 10 a minute this is no longer slow breathing
