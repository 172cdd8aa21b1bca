CREATE TABLE review (
            week_monday   TEXT    PRIMARY KEY -- YYYY-MM-DD, a Monday
                CHECK (week_monday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                       AND strftime('%w', week_monday) IS '1'),
            personal      INTEGER CHECK (personal BETWEEN 1 AND 10),
            work          INTEGER CHECK (work BETWEEN 1 AND 10),
            family        INTEGER CHECK (family BETWEEN 1 AND 10),
            social        INTEGER CHECK (social BETWEEN 1 AND 10),
            health        INTEGER CHECK (health BETWEEN 1 AND 10),
            win           TEXT    NOT NULL DEFAULT '' CHECK (length(win) <= 280),
            enabler       TEXT    NOT NULL DEFAULT '' CHECK (length(enabler) <= 280),
            inbox         INTEGER NOT NULL DEFAULT 0 CHECK (inbox IN (0, 1)),
            calendar_past INTEGER NOT NULL DEFAULT 0 CHECK (calendar_past IN (0, 1)),
            calendar_next INTEGER NOT NULL DEFAULT 0 CHECK (calendar_next IN (0, 1)),
            projects      INTEGER NOT NULL DEFAULT 0 CHECK (projects IN (0, 1)),
            someday       INTEGER NOT NULL DEFAULT 0 CHECK (someday IN (0, 1)),
            energy        INTEGER CHECK (energy BETWEEN 0 AND 10),
            detachment    INTEGER CHECK (detachment BETWEEN 0 AND 10),
            updated_at    INTEGER NOT NULL -- unix seconds
        );
        CREATE TRIGGER rev_review_i AFTER INSERT ON review BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_review_u AFTER UPDATE ON review BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;
        CREATE TRIGGER rev_review_d AFTER DELETE ON review BEGIN UPDATE meta SET value = value + 1 WHERE key = 'rev'; END;