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
