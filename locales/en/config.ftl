# Config file errors and warnings (after "file:line:column: ").

config-expected-hours = a number of hours, like 8 or 7.5 (or "8h", "7h30")
config-expected-minutes = a whole number of minutes, like 90 (or "90m", "1h30")
config-expected-fraction-minutes = a number of minutes, like 5 or 2.5 (or "5m")
config-not-a-length = { $value } is not a length: expected { $expected }
config-out-of-range = { $value } is out of range: expected { $expected }
config-not-whole = { $value } is not a whole number: expected { $expected }
config-not-a-time = { $value } is not a time of day; expected HH:MM between 00:00 and 24:00, e.g. "08:00"
config-language = language { $value } is not one serein speaks; expected "en" or "fr" (or leave it out to follow LANG)
config-colour = colour { $value } not understood; expected a name (blue, lightred…), an index 0-255 or #rrggbb
config-cant-read = can't read the config file: { $error }
config-unknown-key = unknown key `{ $key }` ignored (see `serein config init` for every key)
# serde's Rust type names in words.
config-expected-number = expected a number, like 8 or 7.5
config-expected-whole = expected a whole number, 0 or more
config-expected-integer = expected a whole number
config-expected-bool = expected true or false
config-day-end = day_end ({ $end }) must be after day_start ({ $start }) and no later than 24:00
config-work-hours = work_hours_per_day = { $value }: expected a number of hours above 0 and at most 24
config-step = step_minutes = { $value }: expected minutes from 1 to 240
config-break-ratio = break_ratio = { $value }: expected a share above 0 and at most 1, e.g. 0.2
config-break-after = break_after_minutes = { $value }: expected 1 to 1440
config-remind = remind_before_end_minutes = { $value }: expected 0 (off) to 720
config-domain-twice = domain { $name } is defined twice
config-template-twice = template { $name } is defined twice
config-pattern-twice = pattern { $name } is defined twice
config-calendar-twice = calendar { $name } is defined twice
config-domain-none = at least one [[domain]] is needed
config-domain-name = domain name { $name }: expected a lowercase word such as "work" (letters, digits, - or _)
config-domain-break = "break" is reserved for breaks (#break); choose another domain name
config-default-domain = default_domain = { $value } is not one of the domains ({ $known })
config-template-name = a [[template]] needs a name
config-template-line = template { $name }: { $line }: { $problem }
config-balance-hours = { $key } = { $value }: expected a number of hours above 0 and at most { $max }
config-balance-rise = work hours thresholds must rise: work_info_hours ({ $info }) <= work_notice_hours ({ $notice }) <= work_strong_hours ({ $strong })
config-long-block = long_block_minutes = { $value }: expected 1 to 720
config-weekend-weeks = weekend_weeks = { $value }: expected 0 (never) to 4 (of the last 4 weeks)
config-key-problem = { $key }: { $problem }
config-cycles-478 = cycles_478 = { $value }: expected 1 to 8 (Weil: 4 at first, up to 8 after a month)
config-snooze = snooze_minutes = { $value }: expected 1 to 240
config-daily-goal = daily_goal = { $value }: expected 0 to 24
config-default-pattern = default_pattern = { $value }: not a pattern; known: { $known }
config-pattern-preset = pattern name { $name } is a preset's; choose another name
config-pattern = pattern { $name }: { $problem }
config-pattern-minutes = pattern { $name }: minutes = { $value }: expected more than 0 and at most 60
config-offline-rule = [offline] { $key }: { $problem }
config-offline-except = [offline] focus_dnd_except: { $value } is not a domain ({ $known })
config-import-default = [import] default_domain = { $value } is not one of the domains ({ $known })
config-import-empty-tag = [import] domains: a tag can't be empty; expected e.g. {"{"} "gym" = "health" {"}"}
config-import-domain = [import] domains: { $tag } = { $value } is not one of the domains ({ $known })
config-sound-path = file = { $value }: expected an absolute path or one from your home, like "~/sounds/bell.wav"
config-sound-missing = [sound] file { $file }: no such file; serein's own chime plays instead
config-calendar-name = a [[calendar]] needs a name, e.g. name = "work"
config-calendar-both = calendar { $name } has both a path and a url: give one of them
config-calendar-url = calendar { $name }: url = { $problem }
config-calendar-refresh = calendar { $name }: refresh = 0: expected a length of at least a minute, like "30m"
config-calendar-needs = calendar { $name } needs a path (an .ics file or a folder of them, like "~/calendars/work.ics") or a url ("https://…")
config-calendar-path = path = { $value }: expected an absolute path or one from your home, like "~/calendars/work.ics"
config-calendar-domain = calendar { $name }: domain = { $value } is not one of the domains ({ $known })
config-calendar-missing = calendar { $name }: { $path }: no such file or folder; no meetings from it until it appears
config-hook = [hooks] { $key }: { $problem } (hooks run without a shell)
config-hook-empty = hook command is empty: expected a program and its arguments, e.g. ["notify-send", "hi"]
config-hook-empty-program = hook program is an empty string
config-hook-not-executable = hook program { $program } is not an executable file
config-hook-missing = hook program { $program } does not exist
config-hook-not-on-path = hook program { $program } was not found on PATH; use an absolute path or install it
