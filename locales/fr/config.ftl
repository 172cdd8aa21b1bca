# Erreurs et avertissements du fichier de configuration (après « fichier:ligne:colonne: »).

config-expected-hours = un nombre d’heures, comme 8 ou 7,5 (ou "8h", "7h30")
config-expected-minutes = un nombre entier de minutes, comme 90 (ou "90m", "1h30")
config-expected-fraction-minutes = un nombre de minutes, comme 5 ou 2,5 (ou "5m")
config-not-a-length = { $value } n’est pas une durée : attendu { $expected }
config-out-of-range = { $value } est hors limites : attendu { $expected }
config-not-whole = { $value } n’est pas un nombre entier : attendu { $expected }
config-not-a-time = { $value } n’est pas une heure ; attendu HH:MM entre 00:00 et 24:00, par exemple "08:00"
config-language = la langue { $value } n’est pas parlée par serein ; attendu "en" ou "fr" (ou enlevez la clé pour suivre LANG)
config-colour = couleur { $value } non comprise ; attendu un nom (blue, lightred…), un indice 0-255 ou #rrggbb
config-cant-read = impossible de lire le fichier de configuration : { $error }
config-unknown-key = clé inconnue `{ $key }` ignorée (voir `serein config init` pour toutes les clés)
config-expected-number = attendu un nombre, comme 8 ou 7,5
config-expected-whole = attendu un nombre entier, 0 ou plus
config-expected-integer = attendu un nombre entier
config-expected-bool = attendu true ou false
config-day-end = day_end ({ $end }) doit être après day_start ({ $start }) et au plus tard à 24:00
config-work-hours = work_hours_per_day = { $value } : attendu un nombre d’heures supérieur à 0 et au plus 24
config-step = step_minutes = { $value } : attendu de 1 à 240 minutes
config-break-ratio = break_ratio = { $value } : attendu une part supérieure à 0 et au plus 1, par exemple 0.2
config-break-after = break_after_minutes = { $value } : attendu de 1 à 1440
config-remind = remind_before_end_minutes = { $value } : attendu de 0 (désactivé) à 720
config-domain-twice = le domaine { $name } est défini deux fois
config-template-twice = le modèle { $name } est défini deux fois
config-pattern-twice = l’exercice { $name } est défini deux fois
config-calendar-twice = le calendrier { $name } est défini deux fois
