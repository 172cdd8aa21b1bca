# Database errors a person sees (the same words as StoreError's own messages).

store-session-active = a session is already running: “{ $title }” (stop it first, or use --replace)
store-not-serein = { $path } is not a serein database ({ $why }); it was left untouched — move it away or choose another --data-dir
store-too-new = { $path } was written by a newer serein (schema version { $found }, this binary knows up to { $known }); it was left untouched — upgrade serein
store-corrupt = { $path }: the database is damaged ({ $detail }); it was left untouched — restore it from a backup or `sqlite3 { $path } .recover`
# $error: "database error: database or disk is full".
store-disk-full = { $error }
store-sqlite = database error: { $error }
store-migration = database migration failed: { $error }
