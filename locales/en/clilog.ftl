# serein log: the session log, editing it.

clilog-no-sessions = no sessions from { $from } to { $to }
# How a session ended ($reason: finished, skipped, stopped, recovered).
clilog-reason = { $reason }
# The kind of a session ($kind: focus, break, breathing).
clilog-kind = { $kind }
# In place of the end time of a running session: as wide as a time (5 characters) or less.
clilog-now = now
clilog-running = running
clilog-of = of
clilog-over = { $time } over
clilog-interrupted = { $n } interrupted
clilog-nothing-to-change = nothing to change on session s{ $id }: give --start HH:MM, --end HH:MM or --note TEXT
clilog-no-session = no session s{ $id } (see `serein log`)
clilog-updated = updated session s{ $id }
clilog-bad-time = --{ $option } { $value }: expected a time like 09:30
clilog-still-running = session s{ $id } is still running: stop it before editing its times
clilog-end-in-future = the end { $end } is in the future: a log records what happened; nothing changed
clilog-end-before-start = the end { $end } is not after the start { $start }: nothing changed
clilog-removed = removed session s{ $id }
