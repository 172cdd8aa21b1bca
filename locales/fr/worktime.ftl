# Les références françaises du temps de travail pour les signaux de la semaine
# ([balance] references = "fr"). Des faits avec leur source, jamais un diagnostic.

worktime-legal-week = Vous avez enregistré { $logged } de travail, plus que la durée légale de 35 h par semaine. C'est la référence des heures supplémentaires, pas une limite de santé.
worktime-week-max = Vous avez enregistré { $logged } de travail. Le Code du travail fixe au plus 48 h sur une même semaine.
worktime-day-max = { $n ->
    [one] Un jour
   *[other] { $n } jours
}, vous avez travaillé plus de 10 h ({ $days }). Le Code du travail fixe au plus 10 h de travail par jour.
worktime-daily-rest = { $n ->
    [one] Un jour
   *[other] { $n } jours
}, vous avez eu moins de 11 h de coupure entre deux périodes de travail ({ $days }). Le Code du travail prévoit un repos quotidien de 11 heures consécutives.
worktime-weekly-rest = Votre plus longue coupure cette semaine a été de { $rest }, moins de 35 h. Le Code du travail prévoit un repos hebdomadaire de 24 heures consécutives, plus les 11 h de repos quotidien.
worktime-average = Sur les 12 dernières semaines, vous avez enregistré en moyenne { $average } de travail par semaine. Le Code du travail fixe au plus 44 h en moyenne sur 12 semaines consécutives.
worktime-disconnect = La France reconnaît un droit à la déconnexion depuis 2017 (Code du travail).
