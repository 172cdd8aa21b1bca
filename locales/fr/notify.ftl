# Pourquoi une notification du bureau n’a pas été affichée.

notify-unavailable = pas de serveur de notifications : { $detail }
notify-timeout = la notification n’a pas répondu après { $after }
notify-failed = échec de la notification : { $detail }
notify-unknown-error = erreur inconnue
