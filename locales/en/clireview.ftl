# serein review --show (the domain labels and questions come from the review screen's texts).

clireview-bad-week = --week { $value }: expected an ISO week (2026-W48) or a date (YYYY-MM-DD, today, yesterday)
clireview-none = No review saved for { $week } yet. Run `serein review` to write one.
clireview-title = Weekly review { $week } ({ $from } – { $to })
clireview-domains = Life domains, 1–10 (trend: last 4 weeks, oldest first)
clireview-checklist = Checklist
clireview-edited = Last edited { $at }
clireview-checkin = Check-in, 0–10 (serein's own, not a validated scale)
