CREATE TABLE dnd_journal (
            backend    TEXT    PRIMARY KEY, -- one per backend: a leftover never blocks another
            prior      TEXT    NOT NULL, -- JSON, backend-specific
            set_at     INTEGER NOT NULL,
            pid        INTEGER NOT NULL,
            proc_start TEXT    NOT NULL, -- /proc/PID/stat start time, to tell a reused pid
            boot_id    TEXT    NOT NULL
        );
        CREATE TABLE offline_period (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at  INTEGER NOT NULL,
            ended_at    INTEGER,
            reason      TEXT    NOT NULL CHECK (reason IN ('schedule', 'focus', 'manual')),
            backend     TEXT    NOT NULL,
            restored_ok INTEGER
        );
                CREATE TABLE offline_manual (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            is_on INTEGER NOT NULL,
            until INTEGER NOT NULL
        );
                -- Work sessions started during offline hours (after a confirmation).
        CREATE TABLE after_hours (
            session_id INTEGER PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE
        );
                -- Every manual override, for the weekly summary.
        CREATE TABLE offline_override (
            id    INTEGER PRIMARY KEY AUTOINCREMENT,
            at    INTEGER NOT NULL,
            is_on INTEGER NOT NULL,
            until INTEGER NOT NULL
        );