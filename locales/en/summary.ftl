# `serein summary`: the table and Markdown (JSON and CSV keys and values never change with
# the language).

summary-week-title = Week { $week } · { $first } – { $last }
summary-total = Total
# Rows of the day grid.
summary-row-work = Work
summary-row-meetings = {"  "}of which meetings
summary-row-rest = Rest of life
summary-row-breaks = Breaks
# The week's numbers: label, then value.
summary-work = Work
summary-work-above = { $time } (above { $limit }, see below)
summary-meetings = Meetings
summary-meetings-all-work = { $time } in meetings, counted as work
summary-meetings-some-work = { $time } in meetings ({ $work } of them work)
summary-rest = Rest of life
summary-plan = Plan
summary-plan-value = { $done } of { $planned } planned focus done ({ $percent } %)
summary-plan-none = nothing planned
summary-after-hours = After hours
summary-after-hours-value = { $time } in { $n ->
    [one] { $n } work session
   *[other] { $n } work sessions
} during offline hours
summary-weekend = Weekend
summary-weekend-value = { $time } of work on { $days } of 2 days; weekend work in { $weeks } of the last 4 weeks
summary-breaks = Breaks
summary-breaks-value = { $n ->
    [one] { $n } break
   *[other] { $n } breaks
}, { $time }; longest stretch without one { $block }
summary-rest-between = Rest
summary-rest-between-value = longest time off work { $longest }; { $n ->
    [one] { $n } day
   *[other] { $n } days
} with under { $limit } before work
summary-breathing = Breathing
summary-breathing-so-far = { $done } of { $goal } coherence sessions so far ({ $week } by Sunday)
summary-breathing-goal = { $done } of { $goal } coherence sessions
summary-breathing-count = { $n ->
    [one] { $n } coherence session
   *[other] { $n } coherence sessions
}
summary-offline-kept = Offline kept
summary-offline-kept-value = { $percent } %
summary-offline-kept-none = no offline hours yet
summary-interruptions = Interruptions
# The flags.
summary-flags-heading = Worth knowing
summary-level-info = info
summary-level-notice = notice
summary-level-strong = strong
summary-source = Source: { $source }
summary-md-item = - **{ $label }:** { $value }
summary-md-flag = - { $text } *({ $level }; source: { $source })*
# Totals over a range of days.
summary-range-title = { $from } – { $to } · { $weeks } weeks, { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
summary-range-week = Week
summary-range-work = Work
summary-range-rest = Rest
summary-range-rest-long = Rest of life
summary-range-work-line = Work { $total } in total, { $average } a week on average; rest of life { $rest }
summary-range-breaks-line = Breaks { $n }, { $time }; coherence breathing sessions { $breathing }
summary-range-meetings-line = { $time } in meetings, part of the time above
summary-range-md-line = - **Sessions:** { $sessions } · **Breaks:** { $n } ({ $time }) · **Coherence breathing:** { $breathing }
summary-calendar-left-out = warning: calendar { $name } left out of the summary: { $error }
# Errors in the span asked for.
summary-error-to-before-from = --to { $to } is before --from { $from }: the range runs from the first date to the second, both included
summary-error-range-too-long = --from { $from } --to { $to } spans more than 50 years: check the dates
summary-error-from-to-together = --from and --to go together: serein summary --from D --to D
summary-error-one-span = choose one of --week, --last, --date or --from/--to
