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
# A day's offline rule in the config that can't be read ([offline] weekdays = "…").
offline-rule-forms = expected "all", "none", or one or more "HH:MM-HH:MM" windows separated by commas (e.g. "19:00-08:00", "19h-8h" or "12:00-13:00, 19:00-08:00")
offline-rule-with-forms = { $problem }; { $forms }
offline-rule-empty = empty offline rule
offline-rule-empty-window = empty window in { $rule }
offline-rule-not-alone = { $word } must stand alone, not in a list of windows ({ $rule })
offline-rule-no-dash = { $window } is not a window (no "-" between start and end)
offline-rule-bad-start = window { $window }: bad start: { $problem }
offline-rule-bad-end = window { $window }: bad end: { $problem }
offline-rule-same = window { $window } is empty (it starts and ends at the same time); use "all" for a whole day or "none" for no offline hours
offline-time-shape = { $text } is not a time of day (HH:MM or 19h, 8h30)
offline-time-minute = { $text } has minute { $minute } (minutes go 00-59)
offline-time-hour = { $text } has hour { $hour } (hours go 00-23; 24:00 is allowed only as an end)
