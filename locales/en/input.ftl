# Reading what people type: days, yes/no answers, French forms. Both languages are always
# accepted; only the messages follow the interface language.

input-date-unknown = date "{ $value }" not understood; expected today, tomorrow, yesterday, a weekday (monday, mon), DD/MM, DD/MM/YYYY or YYYY-MM-DD (French also works: aujourd'hui, demain, hier, lundi)
input-date-month-day = date "{ $value }" not understood: dates are written day first, as { $day }/{ $month } (US month/day is not accepted)
input-date-year = date "{ $value }" is out of range; expected a year from 1000 to 9999
# A template line like "2h Deep work": a bare hour is now a start time (French 14h).
input-template-bare-hour = { $place }: template "{ $template }": "{ $line }" starts at { $start }, outside your day ({ $day_start }–{ $day_end }): a bare hour is a time of day. For a box of that length write "{ $length } { $rest }"
# A box line that can't be read (`serein plan add`, the Today add prompt, templates).
input-forms = 09:00-10:30 Title #domain · 14:00 +45m Title · 45m Title (next free slot)
input-at-column = column { $column }: { $problem }
input-with-forms = { $problem }; accepted: { $forms }
input-as-length = { $problem }; for a length, write +{ $text } (e.g. `+{ $text } Title`)
input-control = control character U+{ $code } is not allowed in a box
input-empty = nothing to add: type a time and a title
input-unknown-domain = unknown domain "{ $tag }": known domains are { $known } (or #break)
input-unknown-domain-none = unknown domain "{ $tag }": no domains are configured (only #break)
input-two-domains = a box has one domain: got #{ $first } and #{ $second }
input-no-title = a title is missing, e.g. `09:00-10:30 Write report #work`
input-no-time = a time is missing at the start, e.g. 14:00, 14h, 14h30 or 14:00 +30m
input-no-end = "{ $text }" needs an end time, e.g. 09:00-10:30
input-not-an-end = "{ $text }" is not an end time
input-start-at-24 = "{ $text }": 24:00 can only end a box; start at 00:00 instead
input-hours = "{ $text }": hours go from 00 to 23 (24:00 only as an end)
input-minutes = "{ $text }": minutes go from 00 to 59
input-end-before-start = the end { $end } is before the start { $start }; boxes can't cross midnight: plan `22:00-24:00` today and `00:00-01:00` tomorrow
input-span-too-short = { $start }-{ $end } is too short: a box lasts at least { $min } minutes
input-no-unit = "{ $text }" is not a length: give a unit, e.g. +45m or +1h30
input-too-short = "{ $text }" is too short: a box lasts at least { $min } minutes
input-too-long = "{ $text }" is too long: a box lasts at most 24h
input-past-midnight = { $start } +{ $length } ends after midnight; boxes can't cross midnight: plan `22:00-24:00` today and `00:00-01:00` tomorrow
