# serein log : le journal des séances, et ses corrections.

clilog-no-sessions = aucune séance du { $from } au { $to }
clilog-reason = { $reason ->
    [finished] terminée
    [skipped] sautée
    [stopped] arrêtée
    [recovered] récupérée
   *[other] { $reason }
}
clilog-kind = { $kind ->
    [focus] concentr.
    [break] pause
    [breathing] respir.
   *[other] { $kind }
}
clilog-now = …
clilog-running = en cours
clilog-of = sur
clilog-over = { $time } de plus
clilog-interrupted = { $n ->
    [one] { $n } interruption
   *[other] { $n } interruptions
}
clilog-nothing-to-change = rien à changer à la séance s{ $id } : donnez --start HH:MM, --end HH:MM ou --note TEXTE
clilog-no-session = pas de séance s{ $id } (voir `serein log`)
clilog-updated = séance s{ $id } mise à jour
clilog-bad-time = --{ $option } { $value } : attendu une heure comme 09:30
clilog-still-running = la séance s{ $id } est encore en cours : arrêtez-la avant d’en changer les heures
clilog-end-in-future = la fin { $end } est dans le futur : un journal enregistre ce qui s’est passé ; rien n’a changé
clilog-end-before-start = la fin { $end } n’est pas après le début { $start } : rien n’a changé
clilog-removed = séance s{ $id } supprimée
