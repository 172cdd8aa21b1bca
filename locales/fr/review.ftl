# La revue hebdomadaire (shared/wellbeing.md, « Weekly review screen »).

review-title = Revue de la semaine · { $week } · { $span }
review-span-same-month = { $first }–{ $last }
review-span = { $first } – { $last }
review-heading-domains = Domaines de vie, 1–10
review-heading-domains-short = Vie, 1–10
review-last-weeks = { $n } semaines
review-domain-personal = Vie personnelle
review-domain-work = Travail
review-domain-family = Couple et famille
review-domain-social = Vie sociale
review-domain-health = Santé
review-domain-personal-short = Personnel
review-domain-work-short = Travail
review-domain-family-short = Famille
review-domain-social-short = Social
review-domain-health-short = Santé
review-win = Réussite de la semaine
review-win-short = Une réussite
review-enabler = Ce qui l’a permise
review-enabler-short = Grâce à
review-write-prompt = ⏎ pour écrire
review-heading-checklist = Liste (revue hebdomadaire GTD)
review-heading-checklist-short = Liste
review-check-inbox = Boîte de réception vidée
review-check-calendar-past = Agenda : semaine passée revue
review-check-calendar-next = Agenda : semaine à venir revue
review-check-projects = Projets et attentes revus
review-check-someday = Un jour / peut-être revu
review-check-inbox-short = Réception vidée
review-check-calendar-past-short = Agenda passé
review-check-calendar-next-short = Agenda à venir
review-check-projects-short = Projets, attentes
review-check-someday-short = Un jour / peut-être
review-checkin-long = Bilan, facultatif, 0–10 · propre à serein, pas une échelle validée
review-checkin-medium = Bilan · propre à serein, pas une échelle validée
review-checkin-short = Bilan · pas une échelle validée
review-checkin-shortest = Pas une échelle validée
review-energy = Énergie
review-detachment = Détachement du travail
review-detachment-short = Détachement
review-work = Travail { $time }
review-rest = reste de la vie { $time }
review-breaks = { $n ->
    [one] { $n } pause
   *[other] { $n } pauses
}
review-breathing = respiration { $done } sur { $goal }
review-breathing-so-far = respiration { $done } sur { $goal } à ce jour
review-more-flags = (+{ $n } de plus)
review-hint-save = ⏎ garder
review-hint-cancel = esc annuler
review-hint-adjust = h/l −/+
review-hint-digits-rating = 1–9, 0=10
review-hint-digits-checkin = 0–9
review-hint-clear = x effacer
review-hint-write = ⏎ écrire
review-hint-tick = espace cocher
review-hint-back = esc retour
review-hint-move = j/k aller
review-hint-week = [ ] semaine
review-hint-help = ? aide
