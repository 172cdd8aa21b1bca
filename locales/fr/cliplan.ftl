# serein plan : confirmations, la liste du jour, erreurs.

cliplan-no-box = pas de créneau #{ $id } ; les numéros des créneaux sont dans `serein plan list`
cliplan-no-box-session = pas de créneau #{ $id } (s{ $id } est une séance, voir `serein log`) ; les numéros des créneaux sont dans `serein plan list`
cliplan-break = pause
cliplan-warn-overlap = attention : chevauche { $what }
cliplan-added = ajouté { $what } le { $day }
cliplan-warn-calendar = attention : agenda { $name } laissé de côté : { $error }
cliplan-cant-add = impossible d’ajouter { $text } : { $error }
cliplan-no-boxes = aucun créneau
cliplan-overlap = chevauchement
cliplan-work = travail { $work } sur { $limit }
cliplan-work-over = travail { $work } sur { $limit } — { $over } de trop
cliplan-removed = supprimé { $what }
cliplan-bad-start = { $start } n’est pas une heure de début ; attendu HH:MM, par exemple 14:30
cliplan-move-past-midnight = impossible de déplacer #{ $id } à { $to } : il dure { $len }, il finirait donc à { $end } le lendemain, et un créneau ne peut pas dépasser minuit (24:00) ; commencez-le au plus tard à { $latest }, ou raccourcissez-le d’abord
cliplan-cant-move = impossible de déplacer #{ $id } : { $error }
cliplan-moved = déplacé { $what }
cliplan-done = fait : { $what }
cliplan-not-done = pas fait : { $what }
cliplan-nothing-to-clear = rien à effacer le { $day }
cliplan-clear-refused = refus de supprimer { $n ->
    [one] { $n } créneau
   *[other] { $n } créneaux
} le { $date } sans --yes (l’entrée standard n’est pas un terminal)
cliplan-clear-ask = Supprimer { $n ->
    [one] { $n } créneau
   *[other] { $n } créneaux
} le { $day } ?
cliplan-kept = conservé
cliplan-cleared = { $n ->
    [one] { $n } créneau supprimé
   *[other] { $n } créneaux supprimés
} le { $day }
cliplan-no-templates-for = pas de modèle { $name } : la configuration n’a pas de [[template]] (voir `serein config init`)
cliplan-no-template = pas de modèle { $name } ; connus : { $known }
cliplan-template-error = modèle { $name } : { $error }
cliplan-already-there = déjà là : { $what }
cliplan-template-already = rien à ajouter : le modèle { $name } est déjà le { $day }
cliplan-nothing-unfinished = rien d’inachevé le { $day }
cliplan-no-templates = aucun modèle (ajoutez [[template]] à la configuration ; voir `serein config init`)
cliplan-offline-warning = attention : { $start }-{ $end } est dans vos heures hors ligne { $from }–{ $to }
