# Offline hours: the header badge and the `o` key's messages.

offline-badge-offline = offline
offline-badge-focus = focus
offline-badge-meeting = meeting
offline-badge = ⊘ { $why }
offline-badge-until = ⊘ { $why } until { $when }
offline-not-applied = (not applied)
offline-confirm-online = { $key } again to go online (back to the schedule)
offline-confirm-offline = { $key } again to go offline for an hour (Do-Not-Disturb on)
offline-now-online = online: Do-Not-Disturb off
offline-now-offline = offline for an hour
