# Mots partagés : dates, oui/non.

common-weekday-short = { $n ->
    [1] lun.
    [2] mar.
    [3] mer.
    [4] jeu.
    [5] ven.
    [6] sam.
   *[7] dim.
}
common-weekday-long = { $n ->
    [1] lundi
    [2] mardi
    [3] mercredi
    [4] jeudi
    [5] vendredi
    [6] samedi
   *[7] dimanche
}
common-month-short = { $n ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
common-month-long = { $n ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
common-date-day-month = { $day } { $month }
common-date-weekday-day = { $weekday } { $day }
common-date-weekday-day-month = { $weekday } { $day } { $month }
common-date-weekday-day-month-year = { $weekday } { $day } { $month } { $year }
common-date-long = { $weekday } { $day } { $month } { $year }
common-today = aujourd’hui
common-tomorrow = demain
common-yesterday = hier
common-yes-no = [o/N]
common-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
