CREATE TABLE timebox (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            date       TEXT    NOT NULL, -- YYYY-MM-DD, local
            start_min  INTEGER NOT NULL CHECK (start_min >= 0 AND start_min < 1440),
            end_min    INTEGER NOT NULL CHECK (end_min > start_min AND end_min <= 1440),
            title      TEXT    NOT NULL CHECK (length(title) > 0),
            domain     TEXT    NOT NULL,
            kind       TEXT    NOT NULL CHECK (kind IN ('focus', 'break')),
            done       INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL, -- unix seconds
            updated_at INTEGER NOT NULL  -- unix seconds
        );
        CREATE INDEX timebox_date_start ON timebox (date, start_min);
        PRAGMA application_id = 1397051982;