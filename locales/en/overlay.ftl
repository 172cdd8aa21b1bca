# The help overlay (`?`).

overlay-title = keys
overlay-close = any key closes this help
overlay-digits-label = digits:
overlay-digits = 1-9 and 0 set a rating or check-in (0 is 10 for ratings)
overlay-review-note = Ratings are yours alone: how satisfied you feel with each part of life, 1 to 10. The energy and detachment check-in is serein's own, not a validated scale.
overlay-week-note = Bars: minutes logged per day by domain, each with its own fill; the thin line is work_hours_per_day, the number on the right the day's work. Notes are facts with their source, never a diagnosis; [balance] in the config sets when they appear.
overlay-add-label = add:
overlay-domains-label = domains:
