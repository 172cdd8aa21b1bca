# The Timer screen, its status messages and the session notifications.

timer-title = Timer
# A run past the end under a minute ($n seconds); longer ones are lengths (6m, 1h05).
timer-overrun-secs = { $n }s
timer-break = break
# The title of an unplanned break session.
timer-break-title = Break
timer-hints-idle = { $start } start · { $back } Today · { $quit } quit
timer-hints-wide = { $pause } pause · { $plus5 } +5m · { $plus1 } +1m · { $finish } finish · { $next } next · { $interrupt } interrupted · { $note } note · { $back } Today
timer-hints-narrow = { $pause } pause · { $plus5 } +5m · { $finish } finish · { $help } help
timer-paused = ⏸ paused — { $key } resumes
timer-overrun-wide = { $over } over — { $finish } finishes, { $plus } gives 5 more minutes
timer-overrun-narrow = { $over } over · { $finish } finish · { $plus } 5 min
timer-until = ▶ until { $time }
timer-interrupted = { $n } interrupted
timer-note = note: { $note }
timer-no-notifications = ⊘ no notifications · { $label }
timer-breathe-now = ◌ breathe now: { $key } · { $label }
timer-next = next: { $time } { $title } ({ $tag })
timer-next-box = next: { $start }-{ $end } { $title } ({ $tag })
# How a session ended ($reason: finished, skipped, stopped, recovered, ended).
timer-reason = { $reason }
timer-ended = ■ { $reason }: { $title }
timer-spent = { $spent } of { $planned } planned
timer-spent-over = { $spent } of { $planned } planned · { $over } over
timer-no-session = no session running
timer-starts-it = { $key } starts it
timer-break-offer = time for a { $minutes } min break
timer-pick-a-box = pick a box on Today and press Enter
# Status messages.
timer-status-break = break until { $until } — { $key } for a breathing exercise
timer-status-started = started “{ $title }” until { $until }
timer-status-ended = { $reason } “{ $title }” after { $spent }
timer-status-next = next: { $time } { $title } — { $key } starts it
timer-status-focused = you've focused { $focused } — { $key } starts a { $minutes } min break
timer-status-none = no session running — Enter on a box starts one
timer-status-nothing = nothing to start — go back to Today and pick a box
timer-status-offline = these are your offline hours — { $key } again to work anyway (it counts as after-hours)
timer-status-not-today = boxes start on their day: this one isn't today
timer-status-no-box = no box selected — { $key } adds one
timer-status-extended = +{ $minutes } min — { $left } left
timer-status-resumed-over = resumed — { $over } over
timer-status-resumed = resumed — { $left } left
timer-status-paused = paused
timer-status-interruption = interruption logged
timer-status-note = note saved
# A refused session operation.
timer-error-paused = the session is paused; resume it first
timer-error-not-paused = the session is not paused
timer-error-ended = the session has ended
timer-error-extension = extend by a positive amount, at most 12 hours (got { $secs } s)
# Notifications.
timer-notify-break = Break: { $title }
timer-notify-start-body = { $len } · until { $until }
timer-notify-left = { $len } left: { $title }
timer-notify-ends-at = ends at { $time }
timer-notify-break-over = Break over
timer-notify-has-ended = “{ $title }” has ended
timer-notify-time-up = Time is up: { $title }
timer-notify-time-up-body = finish it, or give it 5 more minutes
