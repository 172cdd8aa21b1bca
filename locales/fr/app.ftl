# Messages d’état du TUI, hors d’un écran particulier.

app-config-read-again = configuration relue
app-dnd-not-changed = Ne pas déranger inchangé : { $why }
app-notify-unavailable = notifications indisponibles : { $error }
app-recovered = « { $title } » était resté en cours ; il a été clos à sa dernière heure connue
