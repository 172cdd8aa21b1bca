# Les repères de la semaine : des faits avec leur source, en mots neutres, jamais un
# diagnostic (shared/wellbeing.md, « Weekly balance flags »).

flags-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
flags-long-weeks = Vous avez enregistré { $logged } de travail. De grandes études associent des semaines régulières de 55 h ou plus à un risque cardiaque et d’AVC plus élevé (OMS/OIT).
flags-eu-week = Vous avez enregistré { $logged } de travail. La directive européenne sur le temps de travail fixe une moyenne d’au plus 48 h par semaine, heures supplémentaires comprises.
flags-standard-week = Vous avez enregistré { $logged } de travail, plus de { $limit } : davantage qu’une semaine à temps plein habituelle.
flags-daily-rest = Sur { $count }, vous avez eu moins de { $limit } de repos entre deux sessions de travail ({ $days }).
flags-weekly-rest = Votre plus longue coupure sans travail cette semaine a été de { $longest }, moins de { $limit }. La directive européenne sur le temps de travail prévoit un repos hebdomadaire de 24 h, plus les 11 h de repos quotidien.
flags-weekend-both = Vous avez travaillé les deux jours du week-end. Dans une grande étude britannique, travailler la plupart des week-ends est associé à une humeur moins bonne.
flags-weekend-weeks = Vous avez travaillé le week-end { $weeks } des 4 dernières semaines. Dans une grande étude britannique, travailler la plupart des week-ends est associé à une humeur moins bonne.
flags-offline-hours = { $n ->
    [one] { $n } session de travail a eu lieu
   *[other] { $n } sessions de travail ont eu lieu
} pendant vos heures hors ligne ({ $time } ; { $days }).
flags-disconnect = La France reconnaît un droit à la déconnexion depuis 2017 (Code du travail).
flags-long-block = Votre plus long bloc sans pause a duré { $time }. Couper les blocs de plus de { $limit } est une règle empirique, pas une limite prouvée.
flags-long-block-on = Votre plus long bloc sans pause, le { $day }, a duré { $time }. Couper les blocs de plus de { $limit } est une règle empirique, pas une limite prouvée.
flags-breathing = Séances de cohérence cette semaine : { $done } sur { $goal }.
flags-breathing-so-far = Séances de cohérence cette semaine : { $done } sur { $goal } à ce jour ({ $week } d’ici dimanche).
flags-fr-legal-week = Vous avez enregistré { $logged } de travail, plus que la durée légale de 35 h par semaine. C’est la référence des heures supplémentaires, pas une limite de santé.
flags-fr-week-max = Vous avez enregistré { $logged } de travail. Le Code du travail fixe un maximum de 48 h sur une même semaine.
flags-fr-day-max = Sur { $count }, vous avez travaillé plus de 10 h ({ $days }). Le Code du travail fixe un maximum de 10 h de travail par jour.
flags-fr-daily-rest = Sur { $count }, vous avez eu moins de 11 h de repos entre deux sessions de travail ({ $days }). Le Code du travail prévoit un repos quotidien de 11 heures consécutives.
flags-fr-weekly-rest = Votre plus longue coupure sans travail cette semaine a été de { $longest }, moins de 35 h. Le Code du travail prévoit un repos hebdomadaire de 24 heures consécutives, plus les 11 h de repos quotidien.
flags-fr-average = Sur les 12 dernières semaines, vous avez enregistré en moyenne { $average } de travail par semaine. Le Code du travail fixe au plus 44 h par semaine en moyenne sur 12 semaines consécutives.

flags-source-who-ilo = OMS/OIT 2021 (Pega et al., Environment International)
flags-source-standard-week = 35–40 h est une semaine à temps plein habituelle (la plage de référence d’OMS/OIT 2021, Pega et al.) ; aucun seuil de santé à 40 h n’est avancé
flags-source-eu-week = Directive européenne 2003/88/CE sur le temps de travail, art. 6
flags-source-eu-rest = Directive européenne 2003/88/CE sur le temps de travail, art. 3
flags-source-eu-weekly-rest = Directive européenne 2003/88/CE sur le temps de travail, art. 5
flags-source-weekend = Weston et al. 2019, J Epidemiol Community Health (enquête britannique, n = 23 403)
flags-source-offline = Becker et al., Journal of Management ; Wendsche et Lohmann-Haislah 2017, Front. Psychol.
flags-source-breaks = Heuristique (cycle repos-activité de Kleitman, Ericsson) ; Albulescu et al. 2022, PLOS ONE
flags-source-breathing = Méthode de cohérence cardiaque 365 (3 séances par jour)
flags-source-fr-legal-week = Code du travail, art. L3121-27 (durée légale : 35 h par semaine)
flags-source-fr-day-max = Code du travail, art. L3121-18 (au plus 10 h de travail par jour)
flags-source-fr-week-max = Code du travail, art. L3121-20 (au plus 48 h sur une même semaine)
flags-source-fr-average = Code du travail, art. L3121-22 (au plus 44 h par semaine en moyenne sur 12 semaines consécutives)
flags-source-fr-daily-rest = Code du travail, art. L3131-1 (11 heures consécutives de repos quotidien)
flags-source-fr-weekly-rest = Code du travail, art. L3132-2 (24 heures consécutives de repos hebdomadaire, plus les 11 h de repos quotidien)
flags-source-fr-disconnect = Code du travail, art. L2242-17 (droit à la déconnexion, depuis 2017) ; Becker et al., Journal of Management ; Wendsche et Lohmann-Haislah 2017, Front. Psychol.
