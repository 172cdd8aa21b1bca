# L’écran Aujourd’hui : en-tête, frise, pied, invites et messages d’état.

## En-tête
today-in-days = dans { $n } jours
today-days-ago = il y a { $n } jours
today-breaths = respirer { $done }/{ $goal }
today-breathe-now = ◌ respirez : { $key }
today-breathe-short = ◌ respirer : { $key }
today-no-notifications = ⊘ pas de notifications
today-calendar-broken = ⚠ agenda { $names } illisible
today-running-timer = ({ $key } : minuteur)
today-break = pause

## Prévu et fait
today-totals = prévu { $planned } · fait { $done }
today-done-column = │ fait
today-showing-done = ● fait · { $totals } · { $key } plan
today-showing-plan = ▤ plan · { $totals } · { $key } fait
today-unplanned = imprévu
today-overrun = dépassé de { $len }
today-nothing-logged = rien de noté ce jour — { $key } affiche le plan

## Frise
today-meeting = réunion
today-meeting-free = libre
today-now = maintenant
today-free-gap = { $len } de libre
today-overlaps-another = chevauche un autre bloc
today-no-boxes = aucun bloc ce jour — { $key } en ajoute un
today-meeting-details = { $when } { $title } · agenda { $calendar } · lecture seule · { $key } la chronomètre
today-meeting-details-narrow = { $when } · agenda { $calendar } · lecture seule
today-free-meeting-details = { $when } { $title } · agenda { $calendar } · temps libre · lecture seule · { $key } la chronomètre
today-free-meeting-details-narrow = { $when } · agenda { $calendar } · temps libre · lecture seule

## Pied et touches
today-work-wide = travail { $work } sur { $limit }
today-work-narrow = travail { $work }/{ $limit }
today-over-by = ⚠ { $len } de trop
today-overlap-count = ⚠ { $n ->
    [one] { $n } chevauchement
   *[other] { $n } chevauchements
}
today-box-count = { $n ->
    [one] { $n } bloc
   *[other] { $n } blocs
}
today-free-total = { $len } de libre
today-keys-wide = { $add } ajouter · { $edit } modifier · { $delete } supprimer · { $move } déplacer · { $day } jour · { $help } aide · { $quit } quitter
today-keys-narrow = { $add } ajouter · { $help } aide · { $quit } quitter

## Invites : le nom avant le texte, et l’aide dans le pied
today-prompt-add = ajouter
today-prompt-edit = modifier
today-prompt-shift = décaler de
today-prompt-template = modèle
today-prompt-interruption = interruption
today-prompt-note = note
today-hint-add = ex. 10:30-12 Rapport #work · 45m Courriels · ⏎ enregistrer · esc annuler
today-hint-edit = ⏎ enregistrer · esc annuler
today-hint-shift = minutes de décalage de ce bloc et des suivants : 30, -15, 1h · ⏎ · esc
today-hint-interruption = qu’est-ce qui vous a interrompu ? (facultatif) · ⏎ noter · esc
today-hint-note = une note pour cette séance · ⏎ enregistrer · esc
today-hint-template = modèles : { $names } · ⏎ · esc

## Messages d’état
today-not-saved = non enregistré : { $error }
today-read-only = « { $title } » vient de l’agenda « { $calendar } » — modifiez-le dans votre agenda
today-plan-hidden = affichage de ce qui a été fait — { $key } affiche le plan pour le modifier
today-meeting-not-today = une réunion se chronomètre le jour même : celle-ci n’est pas aujourd’hui
today-meeting-ended = « { $title } » s’est terminée à { $time } — rien à chronométrer
today-deleted = « { $title } » supprimé — { $key } pour annuler
today-no-templates = pas encore de modèle : ajoutez un [[template]] à la config (voir `serein config init`)
today-nothing-selected = aucun bloc choisi — { $key } en ajoute un
today-nothing-to-undo = rien à annuler
today-undid = { $what ->
    [delete] suppression annulée
    [done] fait / pas fait annulé
    [move] déplacement annulé
    [resize] changement de durée annulé
    [edit] modification annulée
    [shift] décalage annulé
    [add] ajout annulé
    [template] modèle annulé
    [copy] copie annulée
   *[other] annulé : { $what }
}
today-overlaps = « { $title } » chevauche « { $other } » ({ $start }-{ $end })
today-overlaps-meeting = « { $title } » chevauche la réunion « { $other } » ({ $start }-{ $end })
today-added = ajouté { $start }-{ $end } { $title }
today-added-offline = ajouté { $start }-{ $end } { $title } — pendant vos heures hors ligne { $from }–{ $to }
today-box-gone = ce bloc a été supprimé entre-temps
today-not-a-shift = { $text } n’est pas un décalage ; tapez des minutes comme 30, -15, 1h ou -1h30
today-shifted = { $n ->
    [one] { $n } bloc décalé
   *[other] { $n } blocs décalés
} de { $delta }
today-no-such-template = aucun modèle { $name } ; modèles connus : { $known }
today-template-already = rien à ajouter : « { $name } » est déjà sur ce jour
today-template-added = { $n ->
    [one] { $n } bloc ajouté
   *[other] { $n } blocs ajoutés
} depuis « { $name } »
today-template-already-there = { " " }; { $n } déjà là
today-nothing-unfinished = rien d’inachevé à copier depuis { $date }
today-copied = { $n ->
    [one] { $n } bloc inachevé copié
   *[other] { $n } blocs inachevés copiés
} depuis { $date }
today-calendar-problem = agenda « { $name } » : { $error } ({ $kept })
today-calendar-kept = dernière copie valide conservée
today-calendar-none = aucune réunion de cet agenda
today-future-nothing-done = rien n’est fait un jour à venir — voici le plan
today-now-showing-done = affichage de ce qui a été fait — { $key } pour le plan
today-now-showing-plan = affichage du plan — { $key } pour ce qui a été fait

## Pourquoi un changement du plan a été refusé
today-error-crosses-midnight = un bloc ne peut pas passer minuit (il irait de { $span }) ; coupez-le en deux blocs
today-error-before-midnight = un bloc ne peut pas commencer avant 00:00
today-error-too-short = un bloc doit durer au moins { $min } minutes
today-error-no-free-slot = plus de créneau libre de { $len } ce jour
today-error-no-such-box = aucun bloc n° { $id } ce jour
today-error-no-room-between = pas de { $len } libre entre { $from } et { $to } le { $day }
today-error-no-room-left = pas de { $len } libre dans vos heures de travail (elles finissent à { $to }) le { $day }
today-error-no-room-offline = { " " }; { $start }–{ $end } tombe dans vos heures hors ligne { $from }–{ $to } — donnez une heure pour le placer quand même : `{ $retry }`
today-error-no-room-before = { " " }; le premier moment libre est { $start }, avant vos heures de travail — donnez une heure pour le placer quand même : `{ $retry }`
today-error-no-room-after = { " " }; le premier moment libre est { $start }, après vos heures de travail — donnez une heure pour le placer quand même : `{ $retry }`
today-error-no-room-nowhere = , ni ailleurs ce jour-là
