# serein review --show.

clireview-bad-week = --week { $value } : attendu une semaine ISO (2026-W48) ou une date (AAAA-MM-JJ, today, yesterday)
clireview-none = Pas encore de bilan enregistré pour { $week }. Lancez `serein review` pour en écrire un.
clireview-title = Bilan de la semaine { $week } ({ $from } – { $to })
clireview-domains = Domaines de vie, 1–10 (tendance : 4 dernières semaines, la plus ancienne d’abord)
clireview-checklist = Liste
clireview-edited = Dernière modification { $at }
clireview-checkin = Point personnel, 0–10 (propre à serein, pas une échelle validée)
