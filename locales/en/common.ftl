# Shared words: dates, yes/no. English is the fallback for every language.

common-weekday-short = { $n ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
}
common-weekday-long = { $n ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
common-month-short = { $n ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
common-month-long = { $n ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
common-date-day-month = { $day } { $month }
common-date-weekday-day = { $weekday } { $day }
common-date-weekday-day-month = { $weekday } { $day } { $month }
common-date-weekday-day-month-year = { $weekday } { $day } { $month } { $year }
common-date-long = { $weekday } { $day } { $month } { $year }
common-today = today
common-tomorrow = tomorrow
common-yesterday = yesterday
# Shown after a yes/no question.
common-yes-no = [y/N]
common-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
