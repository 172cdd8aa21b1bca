# serein start|stop|pause|resume|extend.

clitimer-closed-stale = nothing is running: “{ $title }” was left with nothing to run it and was closed at { $at } (see `serein log`)
clitimer-nothing-running = nothing is running (start a box with `serein start`)
clitimer-warn-hook = warning: hook { $hook } failed to start: { $error }
# $what: --for or extend.
clitimer-bad-length = { $what } { $value }: expected a positive length from 1m to 12h, like 25m, 1h or 1h30
clitimer-already-running = “{ $title }” is running ({ $left }); `serein stop` ends it, or add --replace
clitimer-stopped = stopped “{ $title }”
clitimer-started-elsewhere = “{ $title }” was just started elsewhere; `serein stop` ends it, or add --replace
clitimer-started = { $title } until { $until } ({ $len })
clitimer-warn-no-daemon = warning: could not start the background daemon ({ $error }); notifications need `serein daemon` or the TUI running
clitimer-no-box-left = no box left to start today; plan one (`serein plan add`) or start one with a title: serein start "Write" --for 25m
clitimer-no-box = { $what } is not a box id: there is no box #{ $id } (box ids: `serein plan list`)
clitimer-no-box-session = { $what } is not a box id: there is no box #{ $id }; s{ $id } is a session (see `serein log`), and `serein start` takes a box id (box ids: `serein plan list`)
clitimer-not-today = box #{ $id } is planned for { $day }, not today
clitimer-say-how-long = say how long with --for, e.g. serein start "Write report" --for 45m
clitimer-offline-refused = these are your offline hours: add --yes to start work anyway (it counts as after-hours)
clitimer-offline-ask = These are your offline hours. Start work anyway (it counts as after-hours)?
clitimer-not-started = not started
clitimer-finished = finished “{ $title }” after { $after }
clitimer-finished-over = finished “{ $title }” after { $after }, { $over } over
clitimer-resumed = resumed “{ $title }”, { $left } left
clitimer-paused = paused “{ $title }” with { $left } left
clitimer-extended = { $by } for “{ $title }”: { $left } left
