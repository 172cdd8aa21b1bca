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
