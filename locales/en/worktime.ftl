# France's work-time references for the weekly flags ([balance] references = "fr").
# Facts with their source, never a diagnosis (shared/wellbeing.md, "Weekly balance flags").

worktime-legal-week = You logged { $logged } of work, more than France's 35 h legal working week. It is the reference for overtime, not a health limit.
worktime-week-max = You logged { $logged } of work. The French Code du travail sets a maximum of 48 h in one week.
worktime-day-max = On { $n ->
    [one] 1 day
   *[other] { $n } days
} you worked more than 10 h ({ $days }). The French Code du travail sets a maximum of 10 h of work a day.
worktime-daily-rest = On { $n ->
    [one] 1 day
   *[other] { $n } days
} you had under 11 h off between work sessions ({ $days }). The French Code du travail sets a daily rest of 11 consecutive hours.
worktime-weekly-rest = Your longest time off work this week was { $rest }, under 35 h. The French Code du travail sets a weekly rest of 24 consecutive hours plus the 11 h daily rest.
worktime-average = Over the last 12 weeks you logged { $average } of work a week on average. The French Code du travail sets at most 44 h a week on average over 12 consecutive weeks.
worktime-disconnect = France has recognised a right to disconnect since 2017 (Code du travail).
