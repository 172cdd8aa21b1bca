# Reading what people type: days, yes/no answers, French forms. Both languages are always
# accepted; only the messages follow the interface language.

input-date-unknown = date "{ $value }" not understood; expected today, tomorrow, yesterday, a weekday (monday, mon), DD/MM, DD/MM/YYYY or YYYY-MM-DD (French also works: aujourd'hui, demain, hier, lundi)
input-date-month-day = date "{ $value }" not understood: dates are written day first, as { $day }/{ $month } (US month/day is not accepted)
input-date-year = date "{ $value }" is out of range; expected a year from 1000 to 9999
# A template line like "2h Deep work": a bare hour is now a start time (French 14h).
input-template-bare-hour = { $place }: template "{ $template }": "{ $line }" starts at { $start }, outside your day ({ $day_start }–{ $day_end }): a bare hour is a time of day. For a box of that length write "{ $length } { $rest }"
