CREATE INDEX session_open ON session (kind) WHERE ended_at IS NULL;
        CREATE INDEX session_kind_title ON session (kind, title);