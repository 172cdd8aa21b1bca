# The weekly review screen (shared/wellbeing.md, "Weekly review screen").

review-title = Weekly review · { $week } · { $span }
review-span-same-month = { $first }–{ $last }
review-span = { $first } – { $last }
review-heading-domains = Life domains, 1–10
review-heading-domains-short = Life, 1–10
review-last-weeks = last { $n } weeks
# Life domains (personal, professional, couple/family, social, health); the short ones for narrow panes.
review-domain-personal = Personal
review-domain-work = Work
review-domain-family = Couple & family
review-domain-social = Social
review-domain-health = Health
review-domain-personal-short = Personal
review-domain-work-short = Work
review-domain-family-short = Family
review-domain-social-short = Social
review-domain-health-short = Health
# The win (progress principle) and why it happened (Bono et al. 2013).
review-win = One win this week
review-win-short = One win
review-enabler = What made it possible
review-enabler-short = Thanks to
review-write-prompt = ⏎ to write
review-heading-checklist = Checklist (GTD weekly review)
review-heading-checklist-short = Checklist
# The checklist, after David Allen's weekly review.
review-check-inbox = Inbox cleared
review-check-calendar-past = Calendar: past week reviewed
review-check-calendar-next = Calendar: next week reviewed
review-check-projects = Projects and waiting-for reviewed
review-check-someday = Someday/maybe reviewed
review-check-inbox-short = Inbox cleared
review-check-calendar-past-short = Past week's calendar
review-check-calendar-next-short = Next week's calendar
review-check-projects-short = Projects, waiting-for
review-check-someday-short = Someday/maybe
# The check-in is serein's own: always say so.
review-checkin-long = Check-in, optional, 0–10 · serein's own, not a validated scale
review-checkin-medium = Check-in · serein's own, not a validated scale
review-checkin-short = Check-in · not a validated scale
review-checkin-shortest = Not a validated scale
review-energy = Energy
review-detachment = Detachment from work
review-detachment-short = Detachment
review-work = Work { $time }
review-rest = rest of life { $time }
review-breaks = { $n ->
    [one] { $n } break
   *[other] { $n } breaks
}
review-breathing = breathing { $done } of { $goal }
review-breathing-so-far = breathing { $done } of { $goal } so far
review-more-flags = (+{ $n } more)
review-hint-save = ⏎ save
review-hint-cancel = esc cancel
review-hint-adjust = h/l −/+
review-hint-digits-rating = 1–9, 0=10
review-hint-digits-checkin = 0–9
review-hint-clear = x clear
review-hint-write = ⏎ write
review-hint-tick = space tick
review-hint-back = esc back
review-hint-move = j/k move
review-hint-week = [ ] week
review-hint-help = ? help
