# Status messages of the TUI outside any one screen.

app-config-read-again = config read again
app-dnd-not-changed = Do-Not-Disturb not changed: { $why }
app-notify-unavailable = notifications unavailable: { $error }
app-recovered = “{ $title }” was left running; closed it at its last known time
