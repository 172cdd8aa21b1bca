-- Sessions imported from another tracker (Timewarrior, Watson, bartib) carry where they came
-- from and a key unique within that source, so importing the same file twice adds nothing.
ALTER TABLE session ADD COLUMN import_source TEXT;
ALTER TABLE session ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX session_import ON session (import_source, import_key)
    WHERE import_key IS NOT NULL;
