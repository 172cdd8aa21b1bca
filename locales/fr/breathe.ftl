# L’écran Respirer, les exercices, les phases, les textes de sécurité et les rappels.

breathe-title = Respirer · { $name }
breathe-goal-today = { $count } sur { $goal } aujourd’hui
breathe-pattern-coherence = Cohérence cardiaque (365)
breathe-pattern-coherence-4-6 = Cohérence cardiaque 4/6
breathe-pattern-resonance = Respiration de résonance ({ $rate }/min)
breathe-pattern-box = Respiration carrée ({ $secs }-{ $secs }-{ $secs }-{ $secs })
breathe-pattern-478 = Respiration 4-7-8
breathe-pattern-sigh = Soupir cyclique
breathe-note-coherence = La méthode 365 : 6 respirations par minute pendant 5 minutes, 3 fois par jour (un usage de praticiens).
breathe-note-coherence-4-6 = Une variante du 365 avec une expiration plus longue, toujours 6 respirations par minute.
breathe-note-resonance = Des respirations régulières, au rythme choisi de 4,5 à 7 par minute ; les études ont utilisé 15 à 20 minutes par jour.
breathe-note-box = Inspirez, retenez, expirez, retenez, à durées égales ; commencez par 2-3 s si 4 s est difficile.
breathe-note-478 = Videz l’air, puis inspirez 4, retenez 7, expirez 8 ; Weil conseille 4 cycles au début, jusqu’à 8 après un mois.
breathe-note-sigh = Une inspiration, une seconde inspiration courte pour compléter, puis une longue expiration lente.
breathe-note-custom = Votre propre exercice.
breathe-phase-inhale = Inspirez
breathe-phase-top-up = Complétez
breathe-phase-hold = Retenez
breathe-phase-exhale = Expirez
breathe-short-inhale = insp.
breathe-short-top-up = compl.
breathe-short-hold = ret.
breathe-short-exhale = exp.
breathe-timings-then = { $prelude }, puis { $cycle }
breathe-length-cycles = { $n ->
    [one] { $n } cycle
   *[other] { $n } cycles
}
breathe-length-minutes = { $n } min
breathe-rate = { $rate }/min
breathe-hints-choosing = j/k choisir · ⏎ démarrer · esc retour · ? aide
breathe-before-first = Avant de commencer « { $name } » :
breathe-hints-safety = ⏎ commencer · esc retour
breathe-paused = En pause
breathe-first-breathe-out = d’abord, expirez
breathe-cycle = cycle { $cycle }/{ $cycles }
breathe-left = { $what } · reste { $time }
breathe-hints-paused = espace reprend · esc arrête
breathe-hints-running = espace pause · esc arrêt · r anim. · ? aide
breathe-done = ■ terminé après { $time }
breathe-stopped = ■ arrêté après { $time }
breathe-logged = enregistré
breathe-hints-done = ⏎ encore · esc retour
# Textes de sécurité (shared/wellbeing.md, « Safety texts ») : doux, jamais une promesse de santé.
breathe-safety-general = Respirez doucement, sans jamais forcer. Si vous avez des vertiges, la tête qui tourne, des fourmillements ou le souffle court, arrêtez et respirez normalement. Asseyez-vous ou allongez-vous ; ne pratiquez pas en conduisant ni dans l’eau.
breathe-safety-holds = Retenir son souffle est facultatif : raccourcissez ou sautez ces temps s’ils sont inconfortables, si vous êtes enceinte, ou si vous avez un problème cardiaque, pulmonaire ou de tension artérielle.
breathe-safety-disclaimer = Les exercices de respiration aident à se détendre ; ce n’est pas un traitement. Si le stress, le moral bas ou l’épuisement persistent, parlez-en à un médecin ou à un professionnel de la santé mentale.
breathe-reminder-any = un exercice de respiration
breathe-reminder-what = { $name } · { $minutes } min
breathe-reminder-status = c’est l’heure de respirer : { $what } — { $start } démarre · { $snooze } reporte
breathe-reminder-title = C’est l’heure de respirer
breathe-snoozed = rappel de respiration reporté de { $minutes } min
breathe-error-no-name = un exercice personnalisé a besoin d’un nom
breathe-error-no-phases = l’exercice « { $pattern } » n’a aucune phase : donnez au moins une inspiration et une expiration, par exemple [["inhale", 4], ["exhale", 6]]
breathe-error-unknown-phase = phase { $index } (« { $name } ») : phase inconnue ; utilisez inhale, inhale_top_up (ou top_up), hold, hold_full, hold_empty ou exhale
breathe-error-not-positive = phase { $index } ({ $name }) : { $secs } s n’est pas accepté ; chaque phase dure plus de 0 et au plus 20 s
breathe-error-too-long = phase { $index } ({ $name }) : { $secs } s est trop long ; chaque phase dure au plus 20 s
breathe-error-breath-too-short = phase { $index } ({ $name }) : { $secs } s est trop court ; inspirations et expirations durent au moins 2 s
breathe-error-top-up-first = phase { $index } ({ $name }) : un complément d’inspiration vient juste après une inspiration, pas au début
breathe-error-top-up-after = phase { $index } ({ $name }) : un complément d’inspiration vient juste après une inspiration, pas après la phase { $before } ({ $before_name })
breathe-error-hold-mismatch = phase { $index } ({ $name }) : cette rétention vient après la phase { $before } ({ $before_name }) ; écrivez « hold » et elle suivra la respiration d’avant
breathe-error-missing = { $count ->
    [one] la phase 1 n’a
   *[other] les phases 1-{ $count } n’ont
} aucun { $missing } : un exercice demande au moins une inspiration (inhale) et une expiration (exhale)
breathe-error-resonance = le rythme de résonance de { $value } respirations/min n’est pas accepté ; choisissez de 4.5 à 7 par pas de 0.5
breathe-error-box-side = la respiration carrée à { $secs } s par côté n’est pas acceptée ; choisissez de 2 à 5 s
breathe-error-minutes = { $value } min n’est pas accepté ; une séance dure plus de 0 et au plus 60 minutes
breathe-error-cycles = { $value } cycles n’est pas accepté pour { $pattern } : choisissez de 1 à { $max } cycles
breathe-error-over-cap = { $minutes } min feraient { $cycles } cycles de { $pattern }, au-delà de sa limite de { $max } cycles ; choisissez de 1 à { $max } cycles
breathe-warning-fast = l’exercice « { $pattern } » va à { $rate } respirations/min : au-delà de 10 par minute, ce n’est plus une respiration lente
