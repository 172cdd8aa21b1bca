# Why a desktop notification was not shown.

notify-unavailable = no notification server: { $detail }
notify-timeout = notification timed out after { $after }
notify-failed = notification failed: { $detail }
notify-unknown-error = unknown error
