# `serein summary` : le tableau et le Markdown (les clés et valeurs JSON et CSV ne changent
# jamais avec la langue).

summary-week-title = Semaine { $week } · { $first } – { $last }
summary-total = Total
summary-row-work = Travail
summary-row-meetings = {"  "}dont réunions
summary-row-rest = Reste de la vie
summary-row-breaks = Pauses
summary-work = Travail
summary-work-above = { $time } (plus de { $limit }, voir plus bas)
summary-meetings = Réunions
summary-meetings-all-work = { $time } en réunion, comptées comme travail
summary-meetings-some-work = { $time } en réunion (dont { $work } de travail)
summary-rest = Reste de la vie
summary-plan = Plan
summary-plan-value = { $done } de focus fait sur { $planned } prévu ({ $percent } %)
summary-plan-none = rien de prévu
summary-after-hours = Hors horaires
summary-after-hours-value = { $time } en { $n ->
    [one] { $n } session de travail
   *[other] { $n } sessions de travail
} pendant les heures hors ligne
summary-weekend = Week-end
summary-weekend-value = { $time } de travail sur { $days } des 2 jours ; travail le week-end { $weeks } des 4 dernières semaines
summary-breaks = Pauses
summary-breaks-value = { $n ->
    [one] { $n } pause
   *[other] { $n } pauses
}, { $time } ; plus long moment sans pause { $block }
summary-rest-between = Repos
summary-rest-between-value = plus longue coupure sans travail { $longest } ; { $n ->
    [one] { $n } jour
   *[other] { $n } jours
} avec moins de { $limit } de repos avant le travail
summary-breathing = Respiration
summary-breathing-so-far = séances de cohérence : { $done } sur { $goal } à ce jour ({ $week } d’ici dimanche)
summary-breathing-goal = séances de cohérence : { $done } sur { $goal }
summary-breathing-count = { $n ->
    [one] { $n } séance de cohérence
   *[other] { $n } séances de cohérence
}
summary-offline-kept = Hors ligne tenu
summary-offline-kept-value = { $percent } %
summary-offline-kept-none = pas encore d’heures hors ligne
summary-interruptions = Interruptions
summary-flags-heading = Bon à savoir
summary-level-info = info
summary-level-notice = à voir
summary-level-strong = marqué
summary-source = Source : { $source }
summary-md-item = - **{ $label } :** { $value }
summary-md-flag = - { $text } *({ $level } ; source : { $source })*
summary-range-title = { $from } – { $to } · { $weeks ->
    [one] { $weeks } semaine
   *[other] { $weeks } semaines
}, { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
summary-range-week = Semaine
summary-range-work = Travail
summary-range-rest = Repos
summary-range-rest-long = Reste de la vie
summary-range-work-line = Travail { $total } au total, { $average } par semaine en moyenne ; reste de la vie { $rest }
summary-range-breaks-line = Pauses { $n }, { $time } ; séances de respiration en cohérence { $breathing }
summary-range-meetings-line = { $time } en réunion, comprises dans le temps ci-dessus
summary-range-md-line = - **Sessions :** { $sessions } · **Pauses :** { $n } ({ $time }) · **Respiration en cohérence :** { $breathing }
summary-calendar-left-out = attention : agenda { $name } laissé hors du résumé : { $error }
summary-error-to-before-from = --to { $to } est avant --from { $from } : la période va de la première date à la seconde, toutes deux comprises
summary-error-range-too-long = --from { $from } --to { $to } couvre plus de 50 ans : vérifier les dates
summary-error-from-to-together = --from et --to vont ensemble : serein summary --from D --to D
summary-error-one-span = choisir une seule option parmi --week, --last, --date ou --from/--to
