# serein offline status|on|off.

clioffline-why-schedule = offline hours
clioffline-why-focus = a focus box
clioffline-why-manual = by hand
clioffline-why-meeting = a meeting
clioffline-warn-calendar = warning: calendar { $name } left out: { $error }
clioffline-offline-until = offline ({ $why }) until { $until }
clioffline-offline = offline ({ $why })
clioffline-online-offline-from = online; offline from { $from }
clioffline-online = online
clioffline-online-no-hours = online (no offline hours set: see [offline] in `serein config init`)
clioffline-backend = backend: { $name }
clioffline-no-backend = backend: none found (see `serein doctor`); serein works without it
clioffline-dnd-untouched = Do-Not-Disturb: not changed by serein
clioffline-dnd-set = Do-Not-Disturb: set by serein (pid { $pid }) on { $backend }, your setting is journaled
clioffline-dnd-leftover = Do-Not-Disturb: a journal for { $backend } from a stopped serein (pid { $pid }) is left; the next start there gives your setting back
clioffline-dnd-not-applied = Do-Not-Disturb: not applied yet — { $why }
clioffline-enforced-daemon = enforced by: the serein daemon
clioffline-enforced-tui = enforced by: a running serein TUI, if any (or `serein daemon`)
clioffline-bad-until = --until { $value }: expected a time like 18:00
clioffline-on = offline until { $until }
clioffline-off = online until { $until }
clioffline-off-schedule-from = online, back to the schedule (offline from { $from })
clioffline-off-schedule = online, back to the schedule
# Starts with a space: added after "not confirmed within 5 s".
clioffline-last-try = {" "}(last try: { $why })
clioffline-not-confirmed = not confirmed within { $secs } s{ $last }; `serein offline status` shows the state
clioffline-dnd-on = Do-Not-Disturb on ({ $backend })
clioffline-dnd-on-already = Do-Not-Disturb on ({ $backend }; it was on already, serein leaves it to you)
clioffline-dnd-not-held = Do-Not-Disturb: not held by serein
clioffline-dnd-pending = Do-Not-Disturb: pending — { $why }
clioffline-warn-no-daemon = warning: could not start the background daemon ({ $error }); a running TUI applies it
