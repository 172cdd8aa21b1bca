-- Offline periods journalled for a calendar meeting (`[offline] meeting_dnd`): the reason
-- check allows 'meeting'. SQLite can't change a CHECK in place: the table is rebuilt.
CREATE TABLE offline_period_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,
    reason      TEXT    NOT NULL CHECK (reason IN ('schedule', 'focus', 'manual', 'meeting')),
    backend     TEXT    NOT NULL,
    restored_ok INTEGER
);
INSERT INTO offline_period_new (id, started_at, ended_at, reason, backend, restored_ok)
    SELECT id, started_at, ended_at, reason, backend, restored_ok FROM offline_period;
DROP TABLE offline_period;
ALTER TABLE offline_period_new RENAME TO offline_period;
