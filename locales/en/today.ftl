# The Today screen: header, timeline, footer, prompts and its status messages.

## Header
today-in-days = in { $n } days
today-days-ago = { $n } days ago
today-breaths = breathe { $done }/{ $goal }
today-breathe-now = ◌ breathe now: { $key }
today-breathe-short = ◌ breathe: { $key }
today-no-notifications = ⊘ no notifications
today-calendar-broken = ⚠ calendar { $names } broken
today-running-timer = ({ $key }: timer)
today-break = break

## Planned vs done
today-totals = planned { $planned } · done { $done }
today-done-column = │ done
today-showing-done = ● done · { $totals } · { $key } plan
today-showing-plan = ▤ plan · { $totals } · { $key } done
today-unplanned = unplanned
today-overrun = overrun { $len }
today-nothing-logged = nothing logged on this day — { $key } shows the plan

## Timeline
today-meeting = meeting
today-meeting-free = free
today-now = now
today-free-gap = free { $len }
today-overlaps-another = overlaps another box
today-no-boxes = no boxes on this day — { $key } adds one
today-meeting-details = { $when } { $title } · calendar { $calendar } · read-only · { $key } logs it
today-meeting-details-narrow = { $when } · calendar { $calendar } · read-only
today-free-meeting-details = { $when } { $title } · calendar { $calendar } · free time · read-only · { $key } logs it
today-free-meeting-details-narrow = { $when } · calendar { $calendar } · free time · read-only

## Footer and key hints
today-work-wide = work { $work } of { $limit }
today-work-narrow = work { $work }/{ $limit }
today-over-by = ⚠ over by { $len }
today-overlap-count = ⚠ { $n } overlap
today-box-count = { $n ->
    [one] { $n } box
   *[other] { $n } boxes
}
today-free-total = { $len } free
today-keys-wide = { $add } add · { $edit } edit · { $delete } delete · { $move } move · { $day } day · { $help } help · { $quit } quit
today-keys-narrow = { $add } add · { $help } help · { $quit } quit

## Prompts: the label before the text, and the hint in the footer
today-prompt-add = add
today-prompt-edit = edit
today-prompt-shift = shift by
today-prompt-template = template
today-prompt-interruption = interruption
today-prompt-note = note
today-hint-add = e.g. 10:30-12 Write report #work · 45m Inbox · ⏎ save · esc cancel
today-hint-edit = ⏎ save · esc cancel
today-hint-shift = minutes to shift this and later boxes: 30, -15, 1h · ⏎ · esc
today-hint-interruption = what interrupted you? (optional) · ⏎ log it · esc
today-hint-note = a note for this session · ⏎ save · esc
today-hint-template = templates: { $names } · ⏎ · esc

## Status messages
today-not-saved = not saved: { $error }
today-read-only = “{ $title }” is from calendar “{ $calendar }” — change it in your calendar
today-plan-hidden = showing what was done — { $key } shows the plan to change it
today-meeting-not-today = meetings are timed on their day: this one isn't today
today-meeting-ended = “{ $title }” ended at { $time } — nothing to time
today-deleted = deleted “{ $title }” — { $key } to undo
today-no-templates = no templates yet: add a [[template]] to the config (see `serein config init`)
today-nothing-selected = no box selected — { $key } adds one
today-nothing-to-undo = nothing to undo
# $what: delete, done, move, resize, edit, shift, add, template, copy.
today-undid = undid { $what }
today-overlaps = “{ $title }” overlaps “{ $other }” ({ $start }-{ $end })
today-overlaps-meeting = “{ $title }” overlaps the meeting “{ $other }” ({ $start }-{ $end })
today-added = added { $start }-{ $end } { $title }
today-added-offline = added { $start }-{ $end } { $title } — in your offline hours { $from }–{ $to }
today-box-gone = that box was deleted meanwhile
today-not-a-shift = { $text } is not a shift; type minutes like 30, -15, 1h or -1h30
today-shifted = shifted { $n ->
    [one] { $n } box
   *[other] { $n } boxes
} by { $delta }
today-no-such-template = no template { $name }; known: { $known }
today-template-already = nothing to add: “{ $name }” is already on this day
today-template-added = added { $n ->
    [one] { $n } box
   *[other] { $n } boxes
} from “{ $name }”
today-template-already-there = ; { $n } already there
today-nothing-unfinished = nothing unfinished to copy from { $date }
today-copied = copied { $n ->
    [one] { $n } unfinished box
   *[other] { $n } unfinished boxes
} from { $date }
today-calendar-problem = calendar “{ $name }”: { $error } ({ $kept })
today-calendar-kept = keeping the last good copy
today-calendar-none = no meetings from it
today-future-nothing-done = nothing is done on a day to come — this is the plan
today-now-showing-done = showing what was done — { $key } for the plan
today-now-showing-plan = showing the plan — { $key } for what was done

## Why a change to the plan was refused
today-error-crosses-midnight = a box can't cross midnight (it would span { $span }); split it into two boxes
today-error-before-midnight = a box can't start before 00:00
today-error-too-short = a box must last at least { $min } minutes
today-error-no-free-slot = no free slot of { $len } left on this day
today-error-no-such-box = no box with id { $id } on this day
today-error-no-room-between = no free { $len } between { $from } and { $to } on { $day }
today-error-no-room-left = no free { $len } left in your working hours (they end at { $to }) on { $day }
today-error-no-room-offline = ; { $start }–{ $end } is in your offline hours { $from }–{ $to } — give a time to place it anyway: `{ $retry }`
today-error-no-room-before = ; the first free time is { $start }, before your working hours — give a time to place it anyway: `{ $retry }`
today-error-no-room-after = ; the first free time is { $start }, after your working hours — give a time to place it anyway: `{ $retry }`
today-error-no-room-nowhere = , nor anywhere else that day
