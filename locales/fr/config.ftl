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
config-domain-none = il faut au moins un [[domain]]
config-domain-name = nom de domaine { $name } : attendu un mot en minuscules comme "work" (lettres, chiffres, - ou _)
config-domain-break = "break" est réservé aux pauses (#break) ; choisissez un autre nom de domaine
config-default-domain = default_domain = { $value } n’est pas un des domaines ({ $known })
config-template-name = un [[template]] a besoin d’un nom
config-template-line = modèle { $name } : { $line } : { $problem }
config-balance-hours = { $key } = { $value } : attendu un nombre d’heures supérieur à 0 et au plus { $max }
config-balance-rise = les seuils d’heures de travail doivent monter : work_info_hours ({ $info }) <= work_notice_hours ({ $notice }) <= work_strong_hours ({ $strong })
config-long-block = long_block_minutes = { $value } : attendu de 1 à 720
config-weekend-weeks = weekend_weeks = { $value } : attendu de 0 (jamais) à 4 (sur les 4 dernières semaines)
config-key-problem = { $key } : { $problem }
config-cycles-478 = cycles_478 = { $value } : attendu de 1 à 8 (Weil : 4 au début, jusqu’à 8 après un mois)
config-snooze = snooze_minutes = { $value } : attendu de 1 à 240
config-daily-goal = daily_goal = { $value } : attendu de 0 à 24
config-default-pattern = default_pattern = { $value } : pas un exercice ; connus : { $known }
config-pattern-preset = le nom d’exercice { $name } est celui d’un exercice fourni ; choisissez un autre nom
config-pattern = exercice { $name } : { $problem }
config-pattern-minutes = exercice { $name } : minutes = { $value } : attendu plus de 0 et au plus 60
config-offline-rule = [offline] { $key } : { $problem }
config-offline-except = [offline] focus_dnd_except : { $value } n’est pas un domaine ({ $known })
config-import-default = [import] default_domain = { $value } n’est pas un des domaines ({ $known })
config-import-empty-tag = [import] domains : une étiquette ne peut pas être vide ; attendu par exemple {"{"} "gym" = "health" {"}"}
config-import-domain = [import] domains : { $tag } = { $value } n’est pas un des domaines ({ $known })
config-sound-path = file = { $value } : attendu un chemin absolu ou depuis votre dossier personnel, comme "~/sounds/bell.wav"
config-sound-missing = [sound] fichier { $file } : introuvable ; le carillon de serein joue à la place
config-calendar-name = un [[calendar]] a besoin d’un nom, par exemple name = "work"
config-calendar-both = le calendrier { $name } a à la fois un chemin et une url : donnez l’un des deux
config-calendar-url = calendrier { $name } : url = { $problem }
config-calendar-refresh = calendrier { $name } : refresh = 0 : attendu une durée d’au moins une minute, comme "30m"
config-calendar-needs = le calendrier { $name } a besoin d’un chemin (un fichier .ics ou un dossier de fichiers .ics, comme "~/calendars/work.ics") ou d’une url ("https://…")
config-calendar-path = path = { $value } : attendu un chemin absolu ou depuis votre dossier personnel, comme "~/calendars/work.ics"
config-calendar-domain = calendrier { $name } : domain = { $value } n’est pas un des domaines ({ $known })
config-calendar-missing = calendrier { $name } : { $path } : fichier ou dossier introuvable ; aucune réunion n’en viendra tant qu’il n’existe pas
config-hook = [hooks] { $key } : { $problem } (les hooks sont lancés sans shell)
config-hook-empty = commande de hook vide : attendu un programme et ses arguments, par exemple ["notify-send", "hi"]
config-hook-empty-program = le programme du hook est une chaîne vide
config-hook-not-executable = le programme du hook { $program } n’est pas un fichier exécutable
config-hook-missing = le programme du hook { $program } n’existe pas
config-hook-not-on-path = le programme du hook { $program } est introuvable dans le PATH ; utilisez un chemin absolu ou installez-le
