# serein doctor: one line per check (after ✓ or ✗); the names are padded to line up.

clidoctor-failed = { $n } check(s) failed (see above)
clidoctor-logs = logs    { $path }
clidoctor-daemon-running = daemon  running
clidoctor-daemon-not-running = daemon  not running (started when a session starts)
clidoctor-dnd-no-backend = do-not-disturb  no supported backend here ({ $backends }); the rest of serein works normally
clidoctor-config = config  { $path } ({ $n } warning(s))
clidoctor-warning = warning: { $warning }
clidoctor-config-none = config  { $path } (none; the defaults apply)
clidoctor-config-error = config  { $error }
clidoctor-data = data    { $path } ({ $n } boxes)
clidoctor-data-error = data    { $error }
clidoctor-notifications = notifications  { $name } ({ $vendor }) { $version }
clidoctor-no-notifications = notifications  no notification server is running: serein carries on without desktop notifications or Do-Not-Disturb
clidoctor-journal-error = journal  { $error }
clidoctor-journal-none = journal  none left over
clidoctor-journal-held = journal  { $backend }: held by a running serein (pid { $pid }), which will restore it
clidoctor-journal-restored = journal  left by a crashed serein: { $backend } restored to your setting
clidoctor-journal-changed = journal  left by a crashed serein: { $backend } already changed by you: left as is
clidoctor-journal-kept = journal  left over for { $backend }, kept for later: { $why }
clidoctor-dnd-on-already = do-not-disturb  { $name }: on already (your setting): not touched
clidoctor-dnd-error = do-not-disturb  { $name }: { $error }
clidoctor-dnd-no-journal = do-not-disturb  { $name }: could not journal the current state; not tried
clidoctor-dnd-works = do-not-disturb  { $name }: query, on and restore work (your setting is back)
clidoctor-dnd-failed = do-not-disturb  { $name }: on { $on }, query { $query }, restore { $restore }
# Why a Do-Not-Disturb backend was not chosen (indented under "notifications").
clidoctor-note-no-bus = no session bus: { $error }
clidoctor-note-call = { $call }: { $error }
clidoctor-note-no-server = { $name } has no owner
clidoctor-note-backend = { $backend }: { $error }
clidoctor-note-kde-capability = kde (inhibitions capability): { $error }
clidoctor-note-mako-mode = mako: { $config } has no [mode=do-not-disturb] section, so DND will hide nothing: add one with invisible=1
clidoctor-note-mako-mode-default = mako: the mako config has no [mode=do-not-disturb] section, so DND will hide nothing: add one with invisible=1
clidoctor-note-not-gnome = gnome: XDG_CURRENT_DESKTOP does not name GNOME
