# L’écran Minuteur, ses messages d’état et les notifications des séances.

timer-title = Minuteur
timer-overrun-secs = { $n } s
timer-break = pause
timer-break-title = Pause
timer-hints-idle = { $start } lancer · { $back } Aujourd’hui · { $quit } quitter
timer-hints-wide = { $pause } pause · { $plus5 } +5m · { $plus1 } +1m · { $finish } finir · { $next } suite · { $interrupt } interrompu · { $note } note · { $back } Aujourd’hui
timer-hints-narrow = { $pause } pause · { $plus5 } +5m · { $finish } terminer · { $help } aide
timer-paused = ⏸ en pause — { $key } reprend
timer-overrun-wide = { $over } de plus — { $finish } termine, { $plus } donne 5 minutes de plus
timer-overrun-narrow = { $over } de plus · { $finish } fin · { $plus } 5 min
timer-until = ▶ jusqu’à { $time }
timer-interrupted = { $n ->
    [one] { $n } interruption
   *[other] { $n } interruptions
}
timer-note = note : { $note }
timer-no-notifications = ⊘ pas de notifications · { $label }
timer-breathe-now = ◌ respirez : { $key } · { $label }
timer-next = ensuite : { $time } { $title } ({ $tag })
timer-next-box = ensuite : { $start }-{ $end } { $title } ({ $tag })
timer-reason = { $reason ->
    [finished] terminée
    [skipped] sautée
    [stopped] arrêtée
    [recovered] récupérée
   *[other] finie
}
timer-ended = ■ { $reason } : { $title }
timer-spent = { $spent } sur { $planned } prévues
timer-spent-over = { $spent } sur { $planned } prévues · { $over } de plus
timer-no-session = aucune séance en cours
timer-starts-it = { $key } la démarre
timer-break-offer = c’est l’heure d’une pause de { $minutes } min
timer-pick-a-box = choisissez un bloc sur Aujourd’hui et appuyez sur Entrée
timer-status-break = pause jusqu’à { $until } — { $key } pour un exercice de respiration
timer-status-started = « { $title } » démarré jusqu’à { $until }
timer-status-ended = « { $title } » { $reason } après { $spent }
timer-status-next = ensuite : { $time } { $title } — { $key } le démarre
timer-status-focused = { $focused } de concentration — { $key } démarre une pause de { $minutes } min
timer-status-none = aucune séance en cours — Entrée sur un bloc en démarre une
timer-status-nothing = rien à démarrer — retournez sur Aujourd’hui et choisissez un bloc
timer-status-offline = ce sont vos heures hors ligne — { $key } encore pour travailler quand même (compté hors horaires)
timer-status-not-today = un bloc se démarre le jour prévu : celui-ci n’est pas aujourd’hui
timer-status-no-box = aucun bloc choisi — { $key } en ajoute un
timer-status-extended = +{ $minutes } min — reste { $left }
timer-status-resumed-over = repris — { $over } de plus
timer-status-resumed = repris — reste { $left }
timer-status-paused = en pause
timer-status-interruption = interruption notée
timer-status-note = note enregistrée
timer-error-paused = la séance est en pause : reprenez-la d’abord
timer-error-not-paused = la séance n’est pas en pause
timer-error-ended = la séance est terminée
timer-error-extension = prolongez d’une durée positive, 12 heures au plus (reçu { $secs } s)
timer-notify-break = Pause : { $title }
timer-notify-start-body = { $len } · jusqu’à { $until }
timer-notify-left = reste { $len } : { $title }
timer-notify-ends-at = se termine à { $time }
timer-notify-break-over = Fin de la pause
timer-notify-has-ended = « { $title } » est terminée
timer-notify-time-up = C’est l’heure : { $title }
timer-notify-time-up-body = terminez, ou donnez 5 minutes de plus
