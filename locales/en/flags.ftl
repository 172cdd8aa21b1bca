# The weekly balance flags: facts with their source, in neutral words, never a diagnosis
# (shared/wellbeing.md, "Weekly balance flags"). $logged, $limit, $longest, $time, $average
# are durations ("40 h 1 min"); $days a list of dates ("Tue 24 Nov, Wed 25 Nov").

flags-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
flags-long-weeks = You logged { $logged } of work. Large studies link regular 55 h+ weeks to higher heart and stroke risk (WHO/ILO).
flags-eu-week = You logged { $logged } of work. The EU Working Time Directive sets an average of at most 48 h a week, overtime included.
flags-standard-week = You logged { $logged } of work, more than { $limit }: longer than a standard full-time week.
# $count is flags-days.
flags-daily-rest = On { $count } you had under { $limit } off between work sessions ({ $days }).
flags-weekly-rest = Your longest time off work this week was { $longest }, under { $limit }. The EU Working Time Directive sets a weekly rest of 24 h plus the 11 h daily rest.
flags-weekend-both = You worked both weekend days. Working most weekends is linked to poorer mood in a large UK study.
flags-weekend-weeks = You worked at the weekend in { $weeks } of the last 4 weeks. Working most weekends is linked to poorer mood in a large UK study.
flags-offline-hours = { $n ->
    [one] { $n } work session happened
   *[other] { $n } work sessions happened
} during your offline hours ({ $time }; { $days }).
flags-disconnect = France has recognised a right to disconnect since 2017 (Code du travail).
flags-long-block = Your longest block without a break was { $time }. Breaking up blocks of over { $limit } is a rule of thumb, not a proven limit.
flags-long-block-on = Your longest block without a break was { $time }, on { $day }. Breaking up blocks of over { $limit } is a rule of thumb, not a proven limit.
flags-breathing = { $done } of { $goal } coherence sessions this week.
flags-breathing-so-far = { $done } of { $goal } coherence sessions so far this week ({ $week } by Sunday).
# France's Code du travail ([balance] references = "fr").
flags-fr-legal-week = You logged { $logged } of work, more than France's 35 h legal working week. It is the reference for overtime, not a health limit.
flags-fr-week-max = You logged { $logged } of work. The French Code du travail sets a maximum of 48 h in one week.
flags-fr-day-max = On { $count } you worked more than 10 h ({ $days }). The French Code du travail sets a maximum of 10 h of work a day.
flags-fr-daily-rest = On { $count } you had under 11 h off between work sessions ({ $days }). The French Code du travail sets a daily rest of 11 consecutive hours.
flags-fr-weekly-rest = Your longest time off work this week was { $longest }, under 35 h. The French Code du travail sets a weekly rest of 24 consecutive hours plus the 11 h daily rest.
flags-fr-average = Over the last 12 weeks you logged { $average } of work a week on average. The French Code du travail sets at most 44 h a week on average over 12 consecutive weeks.

# The sources (shared/wellbeing.md, [S1], [S45]–[S52]).
flags-source-who-ilo = WHO/ILO 2021 (Pega et al., Environment International)
flags-source-standard-week = 35–40 h is a standard full-time week (the reference band in WHO/ILO 2021, Pega et al.); no health threshold at 40 h is claimed
flags-source-eu-week = EU Working Time Directive 2003/88/EC, art. 6
flags-source-eu-rest = EU Working Time Directive 2003/88/EC, art. 3
flags-source-eu-weekly-rest = EU Working Time Directive 2003/88/EC, art. 5
flags-source-weekend = Weston et al. 2019, J Epidemiol Community Health (UK survey, n = 23,403)
flags-source-offline = Becker et al., Journal of Management; Wendsche & Lohmann-Haislah 2017, Front. Psychol.
flags-source-breaks = Heuristic (Kleitman's rest-activity cycle, Ericsson); Albulescu et al. 2022, PLOS ONE
flags-source-breathing = Cardiac coherence 365 method (3 sessions a day)
flags-source-fr-legal-week = Code du travail (France), art. L3121-27 (durée légale: 35 h a week)
flags-source-fr-day-max = Code du travail (France), art. L3121-18 (at most 10 h of work a day)
flags-source-fr-week-max = Code du travail (France), art. L3121-20 (at most 48 h in one week)
flags-source-fr-average = Code du travail (France), art. L3121-22 (at most 44 h a week on average over 12 consecutive weeks)
flags-source-fr-daily-rest = Code du travail (France), art. L3131-1 (11 consecutive hours of daily rest)
flags-source-fr-weekly-rest = Code du travail (France), art. L3132-2 (24 consecutive hours of weekly rest plus the 11 h daily rest)
flags-source-fr-disconnect = Code du travail (France), art. L2242-17 (right to disconnect, since 2017); Becker et al., Journal of Management; Wendsche & Lohmann-Haislah 2017, Front. Psychol.
