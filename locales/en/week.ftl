# The Week screen: bars of the week by domain, its numbers, recent weeks, the flags.

week-title = Week { $week } · { $first } – { $last }
# Narrow panes: the week's number only, dates without weekdays.
week-title-compact = Week { $n } · { $first }–{ $last }
# Key hints, longest first: the widest that fits is shown.
week-hint-long = [ ] weeks · r review · ? help · esc back
week-hint-medium = [ ] weeks · r review · ? help
week-hint-short = [ ] r ? esc
week-loading = Reading the log…
week-more-below = … more below: j/k to scroll
# Under the bars, where the daily work limit is.
week-axis = { $time } work/day
week-axis-short = { $time }/day
week-legend-meetings = meetings
week-legend-empty = No sessions logged this week.
week-work = Work
week-work-value = { $work } · rest of life { $rest }
week-meetings = Meetings
week-meetings-all-work = { $time }, counted in the work above
week-meetings-some-work = { $time }, of them { $work } work (counted above)
week-plan = Focus on plan
week-plan-value = { $done } of { $planned } planned ({ $percent } %)
week-plan-none = nothing planned
week-after-hours = After hours
week-after-hours-value = { $time } · weekend work { $weekend } ({ $days } of 2 days)
week-breaks = Breaks
week-breaks-value = { $n } · longest stretch without one { $time }
week-breathing = Breathing
week-breathing-so-far = { $done } of { $goal } so far
week-breathing-goal = { $done } of { $goal }
week-breathing-value = { $breathing } · offline hours kept { $kept } · interruptions { $n }
week-recent = Work, last 12 weeks
week-recent-short = Work/wk
