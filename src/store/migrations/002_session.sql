CREATE TABLE session (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            timebox_id    INTEGER REFERENCES timebox (id) ON DELETE SET NULL,
            title         TEXT    NOT NULL,
            domain        TEXT    NOT NULL,
            kind          TEXT    NOT NULL CHECK (kind IN ('focus', 'break', 'breathing')),
            started_at    INTEGER NOT NULL,
            local_date    TEXT    NOT NULL,
            utc_offset_s  INTEGER NOT NULL,
            planned_s     INTEGER NOT NULL CHECK (planned_s > 0),
            extended_s    INTEGER NOT NULL DEFAULT 0,
            paused_s      INTEGER NOT NULL DEFAULT 0,
            pauses        INTEGER NOT NULL DEFAULT 0,
            deadline_at   INTEGER,
            paused_left_s INTEGER,
            paused_since  INTEGER,
            ended_at      INTEGER,
            end_reason    TEXT CHECK (end_reason IN ('finished', 'skipped', 'stopped', 'recovered')),
            overrun_s     INTEGER NOT NULL DEFAULT 0,
            note          TEXT,
            heartbeat_at  INTEGER NOT NULL,
            CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
            CHECK (ended_at IS NULL OR ended_at >= started_at)
        );
        CREATE UNIQUE INDEX session_one_active ON session ((ended_at IS NULL))
            WHERE ended_at IS NULL AND kind <> 'breathing';
        CREATE INDEX session_local_date ON session (local_date);
        CREATE TABLE interruption (
            id         INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            at         INTEGER NOT NULL,
            reason     TEXT
        );
        CREATE INDEX interruption_session ON interruption (session_id);
        -- Notifications already sent, so the TUI and the daemon never both send one.
        CREATE TABLE notified (
            session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
            event      TEXT    NOT NULL,
            at         INTEGER NOT NULL,
                        PRIMARY KEY (session_id, event)
        );