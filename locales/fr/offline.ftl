# Heures hors ligne : le badge de l’en-tête et les messages de la touche `o`.

offline-badge-offline = hors ligne
offline-badge-focus = concentration
offline-badge-meeting = réunion
offline-badge = ⊘ { $why }
offline-badge-until = ⊘ { $why } jusqu’à { $when }
offline-not-applied = (non appliqué)
offline-confirm-online = { $key } encore pour repasser en ligne (retour au planning)
offline-confirm-offline = { $key } encore pour passer hors ligne une heure (Ne pas déranger activé)
offline-now-online = en ligne : Ne pas déranger désactivé
offline-now-offline = hors ligne pour une heure
offline-rule-forms = attendu "all", "none", ou une ou plusieurs plages "HH:MM-HH:MM" séparées par des virgules (par exemple "19:00-08:00", "19h-8h" ou "12:00-13:00, 19:00-08:00")
offline-rule-with-forms = { $problem } ; { $forms }
offline-rule-empty = règle hors ligne vide
offline-rule-empty-window = plage vide dans { $rule }
offline-rule-not-alone = { $word } doit être seul, pas dans une liste de plages ({ $rule })
offline-rule-no-dash = { $window } n’est pas une plage (pas de « - » entre le début et la fin)
offline-rule-bad-start = plage { $window } : début incorrect : { $problem }
offline-rule-bad-end = plage { $window } : fin incorrecte : { $problem }
offline-rule-same = la plage { $window } est vide (elle commence et finit à la même heure) ; écrivez "all" pour toute la journée ou "none" pour aucune heure hors ligne
offline-time-shape = { $text } n’est pas une heure (HH:MM ou 19h, 8h30)
offline-time-minute = { $text } a la minute { $minute } (les minutes vont de 00 à 59)
offline-time-hour = { $text } a l’heure { $hour } (les heures vont de 00 à 23 ; 24:00 seulement comme fin)
