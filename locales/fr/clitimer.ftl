# serein start|stop|pause|resume|extend.

clitimer-closed-stale = rien n’est en cours : « { $title } » n’avait plus rien pour le faire tourner et a été clos à { $at } (voir `serein log`)
clitimer-nothing-running = rien n’est en cours (commencez un créneau avec `serein start`)
clitimer-warn-hook = attention : le hook { $hook } n’a pas pu démarrer : { $error }
clitimer-bad-length = { $what } { $value } : attendu une durée positive de 1m à 12h, comme 25m, 1h ou 1h30
clitimer-already-running = « { $title } » est en cours ({ $left }) ; `serein stop` l’arrête, ou ajoutez --replace
clitimer-stopped = arrêté « { $title } »
clitimer-started-elsewhere = « { $title } » vient d’être commencé ailleurs ; `serein stop` l’arrête, ou ajoutez --replace
clitimer-started = { $title } jusqu’à { $until } ({ $len })
clitimer-warn-no-daemon = attention : impossible de lancer le démon en arrière-plan ({ $error }) ; les notifications demandent `serein daemon` ou l’interface ouverte
clitimer-no-box-left = plus de créneau à commencer aujourd’hui ; planifiez-en un (`serein plan add`) ou commencez-en un avec un titre : serein start "Écrire" --for 25m
clitimer-no-box = { $what } n’est pas un numéro de créneau : il n’y a pas de créneau #{ $id } (numéros : `serein plan list`)
clitimer-no-box-session = { $what } n’est pas un numéro de créneau : il n’y a pas de créneau #{ $id } ; s{ $id } est une séance (voir `serein log`), et `serein start` prend un numéro de créneau (numéros : `serein plan list`)
clitimer-not-today = le créneau #{ $id } est prévu le { $day }, pas aujourd’hui
clitimer-say-how-long = dites combien de temps avec --for, par exemple serein start "Écrire le rapport" --for 45m
clitimer-offline-refused = ce sont vos heures hors ligne : ajoutez --yes pour travailler quand même (compté comme hors horaires)
clitimer-offline-ask = Ce sont vos heures hors ligne. Travailler quand même (compté comme hors horaires) ?
clitimer-not-started = pas commencé
clitimer-finished = terminé « { $title } » après { $after }
clitimer-finished-over = terminé « { $title } » après { $after }, { $over } de plus
clitimer-resumed = repris « { $title } », reste { $left }
clitimer-paused = en pause « { $title } », reste { $left }
clitimer-extended = { $by } pour « { $title } » : reste { $left }
