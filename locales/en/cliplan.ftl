# serein plan: confirmations, the day's list, errors.

cliplan-no-box = no box #{ $id }; box ids are in `serein plan list`
cliplan-no-box-session = no box #{ $id } (s{ $id } is a session, see `serein log`); box ids are in `serein plan list`
cliplan-break = break
cliplan-warn-overlap = warning: overlaps { $what }
# $what: "#3 09:00-09:30 Write (work)"; $day: "Mon 23 Nov 2026 (today)".
cliplan-added = added { $what } on { $day }
cliplan-warn-calendar = warning: calendar { $name } left out: { $error }
cliplan-cant-add = can't add { $text }: { $error }
cliplan-no-boxes = no boxes
cliplan-overlap = overlap
cliplan-work = work { $work } of { $limit }
cliplan-work-over = work { $work } of { $limit } — over by { $over }
cliplan-removed = removed { $what }
cliplan-bad-start = { $start } is not a start time; expected HH:MM, e.g. 14:30
cliplan-move-past-midnight = can't move #{ $id } to { $to }: it lasts { $len }, so it would end at { $end } the next day, and a box can't run past midnight (24:00); start it by { $latest }, or shorten it first
cliplan-cant-move = can't move #{ $id }: { $error }
cliplan-moved = moved { $what }
cliplan-done = done: { $what }
cliplan-not-done = not done: { $what }
cliplan-nothing-to-clear = nothing to clear on { $day }
cliplan-clear-refused = refusing to remove { $n ->
    [one] { $n } box
   *[other] { $n } boxes
} on { $date } without --yes (standard input is not a terminal)
cliplan-clear-ask = Remove { $n ->
    [one] { $n } box
   *[other] { $n } boxes
} on { $day }?
cliplan-kept = kept
cliplan-cleared = removed { $n ->
    [one] { $n } box
   *[other] { $n } boxes
} on { $day }
cliplan-no-templates-for = no template { $name }: the config has no [[template]] (see `serein config init`)
cliplan-no-template = no template { $name }; known: { $known }
cliplan-template-error = template { $name }: { $error }
cliplan-already-there = already there: { $what }
cliplan-template-already = nothing to add: template { $name } is already on { $day }
cliplan-nothing-unfinished = nothing unfinished on { $day }
cliplan-no-templates = no templates (add [[template]] to the config; see `serein config init`)
cliplan-offline-warning = warning: { $start }-{ $end } is in your offline hours { $from }–{ $to }
