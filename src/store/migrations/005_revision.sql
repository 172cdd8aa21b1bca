CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO meta (key, value) VALUES ('rev', 0);
        CREATE TRIGGER rev_timebox_i AFTER INSERT ON timebox BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_timebox_u AFTER UPDATE ON timebox BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_timebox_d AFTER DELETE ON timebox BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_session_i AFTER INSERT ON session BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_session_d AFTER DELETE ON session BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_session_u AFTER UPDATE OF timebox_id, title, domain, kind, started_at,
            local_date, utc_offset_s, planned_s, extended_s, paused_s, pauses, deadline_at,
            paused_left_s, paused_since, ended_at, end_reason, overrun_s, note ON session
            BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_interruption_i AFTER INSERT ON interruption BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_manual_i AFTER INSERT ON offline_manual BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_manual_u AFTER UPDATE ON offline_manual BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_manual_d AFTER DELETE ON offline_manual BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;