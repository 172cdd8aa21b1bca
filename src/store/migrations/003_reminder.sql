CREATE TABLE reminder (
            key TEXT PRIMARY KEY,
            at  INTEGER NOT NULL
        );