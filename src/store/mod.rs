//! The SQLite store: the only place in serein that speaks SQL.
//!
//! One database file holds the plan (timeboxes), the session log (with interruptions, sent
//! notifications and after-hours marks), the breathing reminders already shown, the DND
//! journal, offline periods, the manual offline switch and its override log, and the weekly
//! reviews. The TUI and the CLI may have it open at the same time, so the file runs in WAL mode,
//! every write is an `IMMEDIATE` transaction and [`Store::data_version`] tells a long-lived
//! process when someone else has committed.
//!
//! Opening never harms a file that is not ours: foreign, newer or damaged files are refused before
//! anything is written to them.

use std::fs::DirBuilder;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};
use tracing::{debug, info};

use crate::domain::plan::{Kind, NewTimebox, Patch, Timebox};

/// Marks a database as serein's (`"SERN"`), stored with `PRAGMA application_id`.
const APPLICATION_ID: i32 = 0x5345_524E;

/// Schema migrations, oldest first; a database's `user_version` is how many have run. The SQL
/// lives in `migrations/NNN_*.sql`, applied in this order.
///
/// Append new migrations at the end; never edit or reorder one that has shipped.
const MIGRATION_LIST: &[M<'static>] = &[
    // 1: the plan. AUTOINCREMENT so a deleted id is never handed out again: undo re-inserts a box
    // with its old id, and that id must still be free. The application_id is set here, inside the
    // migration's transaction, so a crash can never leave our tables without our mark
    // (1397051982 == APPLICATION_ID; a test checks it).
    M::up(include_str!("migrations/001_plan.sql")),
    // 2: the session log. Instants are UTC seconds, with the local date and UTC offset at the
    // start so weeks don't move after travel. The partial unique index makes "one focus or break
    // session at a time" hold across every process, whoever starts it.
    M::up(include_str!("migrations/002_session.sql")),
    // 3: breathing reminders already shown ("2026-11-23 08:30"), so two processes never both
    // show one.
    M::up(include_str!("migrations/003_reminder.sql")),
    // 4: offline hours. The journal holds the user's exact Do-Not-Disturb state from before we
    // changed it (one row at most), written before the change; it is what every exit path and
    // the next start restore. Periods are logged for the weekly summary; a manual override
    // (`serein offline on/off`) lasts until its `until`.
    M::up(include_str!("migrations/004_offline.sql")),
    // 5: a revision number that every change bumps except a session's heartbeat, so a
    // long-lived process can tell "someone changed the plan" from "the daemon is alive"
    // (PRAGMA data_version moves for both) and reload only for the first.
    M::up(include_str!("migrations/005_revision.sql")),
    // 6: the weekly review, one row per ISO week, keyed by its Monday (local date). Ratings and
    // check-ins are NULL when not given; the CHECKs repeat `domain::review`'s ranges so a
    // hand-edited row can't hold what the screen can't show.
    M::up(include_str!("migrations/006_review.sql")),
    // 7: with years of history, finding the open session (every start, `serein status`,
    // recovery) and the breathing patterns used (Breathe's safety texts) scanned the whole
    // session table. Small indexes make them lookups.
    M::up(include_str!("migrations/007_session_indexes.sql")),
    // 8: an "off" override made for a running focus box lasts while that box runs (however
    // long it overruns), which its end time alone can't say.
    M::up(include_str!("migrations/008_manual_for_focus.sql")),
    // 9: sessions imported from Timewarrior, Watson or bartib: their source and a key unique
    // within it (`serein import` is idempotent).
    M::up(include_str!("migrations/009_import.sql")),
    // 10: offline periods may be for a calendar meeting (`meeting_dnd`).
    M::up(include_str!("migrations/010_meeting_reason.sql")),
];

const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// How long a statement waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How dates are stored: sortable text, so `ORDER BY date` and `BETWEEN` work on it.
const DATE_FMT: &str = "%Y-%m-%d";

/// Builds a `SELECT` of all timebox columns, in the order [`timebox_from_row`] reads them.
macro_rules! select_timebox {
    ($rest:literal) => {
        concat!(
            "SELECT id, date, start_min, end_min, title, domain, kind, done FROM timebox ",
            $rest
        )
    };
}

const INSERT_SQL: &str = "INSERT INTO timebox
    (date, start_min, end_min, title, domain, kind, done, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7)";

// An upsert rather than `INSERT OR REPLACE`: REPLACE deletes the old row first, which would NULL
// `session.timebox_id` (ON DELETE SET NULL, migration 2) and lose created_at.
const UPSERT_SQL: &str = "INSERT INTO timebox
    (id, date, start_min, end_min, title, domain, kind, done, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
    ON CONFLICT (id) DO UPDATE SET
        date = excluded.date, start_min = excluded.start_min, end_min = excluded.end_min,
        title = excluded.title, domain = excluded.domain, kind = excluded.kind,
        done = excluded.done, updated_at = excluded.updated_at";

// A NULL parameter keeps the stored value: every column here is NOT NULL, so NULL never means
// "clear it". One statement for every shape of patch, prepared once.
const PATCH_SQL: &str = "UPDATE timebox SET
        date = COALESCE(?2, date), start_min = COALESCE(?3, start_min),
        end_min = COALESCE(?4, end_min), title = COALESCE(?5, title),
        domain = COALESCE(?6, domain), kind = COALESCE(?7, kind), done = COALESCE(?8, done),
        updated_at = ?9
    WHERE id = ?1";

mod import;
mod offline;
mod review;
mod sessions;
pub mod summary;
pub use import::Imported;
pub use offline::Journal;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another focus or break session is running (in this or another serein process).
    #[error("a session is already running: “{title}” (stop it first, or use --replace)")]
    SessionActive { title: String },
    /// The file exists but is not a serein database (not SQLite at all, or SQLite with other
    /// tables and a different application_id).
    #[error(
        "{path} is not a serein database ({why}); it was left untouched — move it away or choose another --data-dir"
    )]
    NotSerein { path: String, why: String },
    /// The database was migrated by a newer serein than this binary.
    #[error(
        "{path} was written by a newer serein (schema version {found}, this binary knows up to {known}); it was left untouched — upgrade serein"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    /// SQLite reported the file as damaged while opening it.
    #[error(
        "{path}: the database is damaged ({detail}); it was left untouched — restore it from a backup or `sqlite3 {path} .recover`"
    )]
    Corrupt { path: String, detail: String },
    /// Creating or reading the file or its folder failed.
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// Any other SQLite failure (including a CHECK constraint rejecting a box).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A schema migration failed; it was rolled back.
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A write to the plan; [`Store::apply`] applies it in one IMMEDIATE transaction.
pub use crate::domain::plan::Change;

/// An open serein database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folders) if missing, and migrates it to
    /// the latest schema.
    ///
    /// New folders get mode 0700 and a new file 0600, so the plan is never world-readable.
    /// A file that is not serein's, was written by a newer serein, or is damaged is refused with
    /// [`StoreError::NotSerein`], [`StoreError::TooNew`] or [`StoreError::Corrupt`] and left
    /// byte-for-byte untouched.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let io = |source| StoreError::Io {
            path: shown.clone(),
            source,
        };
        // The file is only ever opened by SQLite. POSIX locks belong to the process and ALL of
        // them on a file go when ANY descriptor of it is closed: one stray open+close here (a
        // header check, a create) while another connection of this process is open dropped
        // that connection's locks, so an outside `sqlite3` believed it was the last user,
        // checkpointed and deleted the WAL under us, and later writes vanished.
        let existed = create_dirs(path).map_err(io)?;
        let conn = Connection::open(path).map_err(|e| open_error(&shown, e))?;
        if !existed {
            // chmod by path (no descriptor): a new plan is never world-readable. SQLite gives
            // the -wal and -shm files the database's mode when it creates them.
            set_private(path).map_err(io)?;
        }
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        store.prepare(&shown)?;
        debug!(path = %shown, "opened store");
        Ok(store)
    }

    /// Opens a fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        store.prepare(":memory:")?;
        Ok(store)
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The boxes of one day, sorted by (start, end, id).
    pub fn day(&self, date: NaiveDate) -> Result<Vec<Timebox>> {
        let mut stmt = self.conn.prepare_cached(select_timebox!(
            "WHERE date = ?1 ORDER BY start_min, end_min, id"
        ))?;
        let rows = stmt.query_map([date_text(date)], timebox_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The boxes from `from` to `to_inclusive`, sorted by (date, start, end, id).
    pub fn range(&self, from: NaiveDate, to_inclusive: NaiveDate) -> Result<Vec<Timebox>> {
        let mut stmt = self.conn.prepare_cached(select_timebox!(
            "WHERE date BETWEEN ?1 AND ?2 ORDER BY date, start_min, end_min, id"
        ))?;
        let rows = stmt.query_map([date_text(from), date_text(to_inclusive)], timebox_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The box with this id, if any.
    pub fn get(&self, id: i64) -> Result<Option<Timebox>> {
        Ok(get_row(&self.conn, id)?)
    }

    /// Stores a new box (not done) and returns its id.
    pub fn insert(&mut self, b: &NewTimebox) -> Result<i64> {
        let tx = self.write()?;
        let id = insert_row(&tx, b, now())?;
        tx.commit()?;
        Ok(id)
    }

    /// Stores many new boxes in one transaction and returns their ids in order.
    pub fn insert_many(&mut self, boxes: &[NewTimebox]) -> Result<Vec<i64>> {
        let tx = self.write()?;
        let now = now();
        let ids = boxes
            .iter()
            .map(|b| insert_row(&tx, b, now))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(ids)
    }

    /// Applies a [`Change`] atomically and returns the ids of its inserted boxes, in order.
    pub fn apply(&mut self, change: &Change) -> Result<Vec<i64>> {
        let tx = self.write()?;
        let now = now();
        for &id in &change.delete {
            tx.execute("DELETE FROM timebox WHERE id = ?1", [id])?;
        }
        for b in &change.upsert {
            upsert_row(&tx, b, now)?;
        }
        for p in change.patch.iter().filter(|p| !p.is_empty()) {
            patch_row(&tx, p, now)?;
        }
        let ids = change
            .insert
            .iter()
            .map(|b| insert_row(&tx, b, now))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(ids)
    }

    /// Overwrites the stored box with the same id; `false` if there is no such box.
    pub fn update(&mut self, b: &Timebox) -> Result<bool> {
        let tx = self.write()?;
        let changed = tx.execute(
            "UPDATE timebox SET date = ?2, start_min = ?3, end_min = ?4, title = ?5,
                domain = ?6, kind = ?7, done = ?8, updated_at = ?9
             WHERE id = ?1",
            params![
                b.id,
                date_text(b.date),
                b.start,
                b.end,
                b.title,
                b.domain,
                b.kind.as_str(),
                b.done,
                now()
            ],
        )?;
        tx.commit()?;
        Ok(changed > 0)
    }

    /// Deletes a box and returns it as it was (for undo), or `None` if there was no such box.
    pub fn delete(&mut self, id: i64) -> Result<Option<Timebox>> {
        let tx = self.write()?;
        let old = get_row(&tx, id)?;
        if old.is_some() {
            tx.execute("DELETE FROM timebox WHERE id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(old)
    }

    /// Deletes every box of a day and returns how many there were.
    pub fn clear_day(&mut self, date: NaiveDate) -> Result<usize> {
        let tx = self.write()?;
        let n = tx.execute("DELETE FROM timebox WHERE date = ?1", [date_text(date)])?;
        tx.commit()?;
        Ok(n)
    }

    /// `PRAGMA data_version`: changes whenever *another* connection (e.g. the CLI while the TUI
    /// runs) commits to the file, so a poller knows when to reload.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// A number that moves with every change except session heartbeats (migration 5's
    /// triggers): reload when it moves, not on every `data_version` change.
    pub fn revision(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = 'rev'")?
            .query_row([], |r| r.get(0))?)
    }

    /// Marks a box done (or not); returns the box as it is now, `None` if there is no such id.
    pub fn set_done(&mut self, id: i64, done: bool) -> Result<Option<Timebox>> {
        let tx = self.write()?;
        tx.execute(
            "UPDATE timebox SET done = ?2, updated_at = ?3 WHERE id = ?1 AND done <> ?2",
            params![id, done, now()],
        )?;
        let b = get_row(&tx, id)?;
        tx.commit()?;
        Ok(b)
    }

    /// How many boxes are stored.
    pub fn count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM timebox", [], |r| r.get(0))?)
    }

    /// Starts a write transaction. IMMEDIATE takes the write lock up front, so a concurrent
    /// writer waits on busy_timeout instead of failing mid-transaction with SQLITE_BUSY.
    fn write(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
    }

    /// Checks that the open file is ours (or blank), then configures and migrates it.
    /// Nothing is written before the checks pass.
    fn prepare(&mut self, shown: &str) -> Result<()> {
        let conn = &mut self.conn;
        let opening = |e| open_error(shown, e);
        // A connection setting, not a file change: set early so the checks wait out a writer.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(opening)?;

        // One statement, so the three facts come from one snapshot even if another process is
        // creating the database right now.
        let (app_id, version, has_tables, journal): (i32, i64, bool, String) = conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id),
                        (SELECT user_version FROM pragma_user_version),
                        EXISTS (SELECT 1 FROM sqlite_master),
                        (SELECT journal_mode FROM pragma_journal_mode)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(opening)?;
        let known = MIGRATION_LIST.len() as i64;
        if app_id != APPLICATION_ID {
            if has_tables {
                return Err(StoreError::NotSerein {
                    path: shown.to_string(),
                    why: "it holds other tables".into(),
                });
            }
        } else if version > known {
            return Err(StoreError::TooNew {
                path: shown.to_string(),
                found: version,
                known,
            });
        }

        // The file is ours or blank: from here on we may write to it.
        if app_id != APPLICATION_ID && version != 0 {
            // A blank database someone stamped with a version: start our migrations from 1.
            conn.pragma_update(None, "user_version", 0)
                .map_err(opening)?;
        }
        // WAL lets the TUI read while the CLI writes; NORMAL is durable enough under WAL. WAL
        // is a property of the file: set once, when it is not yet.
        if !journal.eq_ignore_ascii_case("wal") {
            set_wal(conn).map_err(opening)?;
        }
        persist_wal(conn);
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(opening)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(opening)?;
        // rusqlite_migration opens its own transaction; make it IMMEDIATE like every write.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);

        // Up to date (the common case, read above): nothing to ask rusqlite_migration.
        let before = if app_id == APPLICATION_ID && version == known {
            0
        } else {
            MIGRATIONS
                .pending_migrations(conn)
                .map_err(|e| migration_error(shown, e))?
        };
        if before > 0 {
            if let Err(e) = MIGRATIONS.to_latest(conn) {
                // Another process may have migrated between our version read and our lock;
                // that is success, not failure.
                if MIGRATIONS.pending_migrations(conn).ok() != Some(0) {
                    return Err(migration_error(shown, e));
                }
            }
            info!(path = %shown, from = version, to = known, "migrated database");
        }
        Ok(())
    }
}

/// Keeps the `-wal` and `-shm` files when the last connection closes (`SQLITE_FCNTL_PERSIST_WAL`):
/// SQLite still checkpoints then, and truncates the WAL (`journal_size_limit` 0), but does not
/// delete the two files, so the next command does not create, size and map them again (a
/// third of `serein summary --week`'s system calls). Best effort: a VFS without it works as
/// before.
fn persist_wal(conn: &Connection) {
    let mut on: std::ffi::c_int = 1;
    // SAFETY: a valid open handle, the main database's name, and an int the call reads and
    // writes during the call only.
    unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&raw mut on).cast(),
        );
    }
    let _ = conn.pragma_update(None, "journal_size_limit", 0);
}

/// Switches the file to WAL. That needs an exclusive lock, and SQLite answers BUSY at once
/// (without the busy handler) while another process is opening the same new file, so retry.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Creates `path`'s folders (0700) if they are missing; returns whether the file exists.
/// Never opens the file itself (see [`Store::open`]).
fn create_dirs(path: &Path) -> std::io::Result<bool> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)?;
    }
    path.try_exists()
}

/// Mode 0600 on a database file SQLite has just created.
fn set_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

/// Names the file in SQLite errors that mean "this is not a usable database".
fn open_error(shown: &str, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: shown.to_string(),
            detail: e.to_string(),
        },
        // SQLite checks the header itself: a file that is not SQLite at all lands here.
        Some(ErrorCode::NotADatabase) => StoreError::NotSerein {
            path: shown.to_string(),
            why: "not an SQLite file".into(),
        },
        _ => StoreError::Sqlite(e),
    }
}

fn migration_error(shown: &str, e: rusqlite_migration::Error) -> StoreError {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. }
            if matches!(
                err.sqlite_error_code(),
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
            ) =>
        {
            open_error(shown, err)
        }
        e => StoreError::Migration(e),
    }
}

/// Unix seconds for created_at/updated_at; the store is the shell's edge, so it may read the clock.
fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Parses a stored `YYYY-MM-DD` date. A hand-rolled fast path: summaries read tens of
/// thousands of rows, and chrono's format parser was a tenth of that time.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FMT).to_string()
}

fn get_row(conn: &Connection, id: i64) -> rusqlite::Result<Option<Timebox>> {
    conn.prepare_cached(select_timebox!("WHERE id = ?1"))?
        .query_row([id], timebox_from_row)
        .optional()
}

fn insert_row(conn: &Connection, b: &NewTimebox, now: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached(INSERT_SQL)?.execute(params![
        date_text(b.date),
        b.start,
        b.end,
        b.title,
        b.domain,
        b.kind.as_str(),
        now
    ])?;
    Ok(conn.last_insert_rowid())
}

fn patch_row(conn: &Connection, p: &Patch, now: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(PATCH_SQL)?.execute(params![
        p.id,
        p.date.map(date_text),
        p.start,
        p.end,
        p.title,
        p.domain,
        p.kind.map(Kind::as_str),
        p.done,
        now
    ])?;
    Ok(())
}

fn upsert_row(conn: &Connection, b: &Timebox, now: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(UPSERT_SQL)?.execute(params![
        b.id,
        date_text(b.date),
        b.start,
        b.end,
        b.title,
        b.domain,
        b.kind.as_str(),
        b.done,
        now
    ])?;
    Ok(())
}

/// Reads a row selected by [`select_timebox!`]. A bad date or kind (e.g. edited by hand) becomes
/// a `FromSqlConversionFailure` naming the column, never a panic.
fn timebox_from_row(row: &Row<'_>) -> rusqlite::Result<Timebox> {
    let date: String = row.get(1)?;
    let date = NaiveDate::parse_from_str(&date, DATE_FMT).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            Type::Text,
            format!("timebox date {date:?} is not YYYY-MM-DD: {e}").into(),
        )
    })?;
    let kind: String = row.get(6)?;
    let kind = Kind::parse(&kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            6,
            Type::Text,
            format!("timebox kind {kind:?} is not focus or break").into(),
        )
    })?;
    Ok(Timebox {
        id: row.get(0)?,
        date,
        start: row.get(2)?,
        end: row.get(3)?,
        title: row.get(4)?,
        domain: row.get(5)?,
        kind,
        done: row.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use tempfile::TempDir;

    #[test]
    fn stored_dates_parse_like_chrono() {
        for ok in ["2026-11-23", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(
                parse_date(ok),
                NaiveDate::parse_from_str(ok, DATE_FMT).ok(),
                "{ok}"
            );
            assert!(parse_date(ok).is_some());
        }
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "2026/11/23",
            "2026-11-2x",
            "",
            "+2026-11-2",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, day).unwrap()
    }

    fn nb(date: NaiveDate, start: u16, end: u16, title: &str) -> NewTimebox {
        NewTimebox {
            date,
            start,
            end,
            title: title.into(),
            domain: "work".into(),
            kind: Kind::Focus,
        }
    }

    fn tmp_store() -> (TempDir, PathBuf, Store) {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("serein.db");
        let store = Store::open(&path).unwrap();
        (dir, path, store)
    }

    fn titles(boxes: &[Timebox]) -> Vec<&str> {
        boxes.iter().map(|b| b.title.as_str()).collect()
    }

    #[test]
    fn insert_get_and_day_ordering() {
        let (_dir, _path, mut s) = tmp_store();
        let c = s.insert(&nb(d(1), 600, 660, "c")).unwrap();
        let a = s.insert(&nb(d(1), 540, 600, "a")).unwrap();
        let b2 = s.insert(&nb(d(1), 540, 570, "b2")).unwrap();
        let b1 = s.insert(&nb(d(1), 540, 570, "b1")).unwrap();
        s.insert(&nb(d(2), 0, 30, "other day")).unwrap();

        let day = s.day(d(1)).unwrap();
        // (start, end, id): b2 was inserted before b1, so it has the smaller id.
        assert_eq!(titles(&day), ["b2", "b1", "a", "c"]);
        assert_eq!(day.iter().map(|b| b.id).collect::<Vec<_>>(), [b2, b1, a, c]);

        let got = s.get(a).unwrap().unwrap();
        assert_eq!(got, Timebox::from_new(a, nb(d(1), 540, 600, "a")));
        assert_eq!(s.get(9999).unwrap(), None);
        assert_eq!(s.count().unwrap(), 5);
    }

    #[test]
    fn update_and_delete() {
        let (_dir, _path, mut s) = tmp_store();
        let id = s.insert(&nb(d(1), 540, 600, "write")).unwrap();
        let mut b = s.get(id).unwrap().unwrap();
        b.title = "write more".into();
        b.end = 630;
        b.done = true;
        b.kind = Kind::Break;
        assert!(s.update(&b).unwrap());
        assert_eq!(s.get(id).unwrap().unwrap(), b);

        let missing = Timebox {
            id: 777,
            ..b.clone()
        };
        assert!(!s.update(&missing).unwrap());

        assert_eq!(s.delete(id).unwrap(), Some(b));
        assert_eq!(s.delete(id).unwrap(), None);
        assert_eq!(s.count().unwrap(), 0);
    }

    #[test]
    fn clear_day_and_range() {
        let (_dir, _path, mut s) = tmp_store();
        s.insert_many(&[
            nb(d(3), 600, 630, "3b"),
            nb(d(1), 600, 630, "1a"),
            nb(d(3), 500, 530, "3a"),
            nb(d(2), 600, 630, "2a"),
            nb(d(4), 600, 630, "4a"),
        ])
        .unwrap();
        assert_eq!(
            titles(&s.range(d(1), d(3)).unwrap()),
            ["1a", "2a", "3a", "3b"]
        );
        assert_eq!(titles(&s.range(d(3), d(3)).unwrap()), ["3a", "3b"]);

        assert_eq!(s.clear_day(d(3)).unwrap(), 2);
        assert_eq!(s.clear_day(d(3)).unwrap(), 0);
        assert_eq!(titles(&s.range(d(1), d(30)).unwrap()), ["1a", "2a", "4a"]);
    }

    #[test]
    fn insert_many_returns_ids_in_order() {
        let (_dir, _path, mut s) = tmp_store();
        let boxes: Vec<_> = (0..200u16)
            .map(|i| nb(d(1 + u32::from(i % 28)), i, i + 5, "gen"))
            .collect();
        let ids = s.insert_many(&boxes).unwrap();
        assert_eq!(ids.len(), 200);
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(s.get(ids[7]).unwrap().unwrap().start, 7);
        assert_eq!(s.count().unwrap(), 200);
    }

    #[test]
    fn apply_delete_then_upsert_restores_old_id() {
        let (_dir, _path, mut s) = tmp_store();
        let id = s.insert(&nb(d(1), 540, 600, "keep me")).unwrap();
        let mut old = s.get(id).unwrap().unwrap();
        old.done = true;
        s.update(&old).unwrap();

        // The action: delete the box and add two others.
        let new_ids = s
            .apply(&Change {
                delete: vec![id],
                insert: vec![nb(d(1), 600, 630, "x"), nb(d(1), 630, 660, "y")],
                ..Change::default()
            })
            .unwrap();
        assert_eq!(new_ids.len(), 2);
        assert!(new_ids[0] > id && new_ids[1] > new_ids[0]);
        assert_eq!(s.get(id).unwrap(), None);

        // Its undo: delete what was added, bring the old box back under its old id.
        let undo = s
            .apply(&Change {
                delete: new_ids.clone(),
                upsert: vec![old.clone()],
                ..Change::default()
            })
            .unwrap();
        assert!(undo.is_empty());
        assert_eq!(s.day(d(1)).unwrap(), vec![old.clone()]);

        // Upserting an existing id updates it in place.
        let moved = Timebox {
            start: 700,
            end: 760,
            ..old.clone()
        };
        s.apply(&Change {
            upsert: vec![moved.clone()],
            ..Change::default()
        })
        .unwrap();
        assert_eq!(s.day(d(1)).unwrap(), vec![moved]);
    }

    #[test]
    fn apply_patch_writes_only_its_columns() {
        let (_dir, path, mut s) = tmp_store();
        let id = s.insert(&nb(d(1), 540, 600, "mine")).unwrap();
        let seen = s.get(id).unwrap().unwrap();
        // Another connection renames the box after this one read it.
        let mut other = Store::open(&path).unwrap();
        other
            .update(&Timebox {
                title: "theirs".into(),
                ..seen.clone()
            })
            .unwrap();

        let done = Timebox {
            done: true,
            ..seen.clone()
        };
        let patch = Patch::between(&seen, &done);
        assert_eq!(
            patch,
            Patch {
                id,
                done: Some(true),
                ..Patch::default()
            }
        );
        s.apply(&Change {
            patch: vec![patch],
            ..Change::default()
        })
        .unwrap();
        let after = s.get(id).unwrap().unwrap();
        assert_eq!((after.title.as_str(), after.done), ("theirs", true));
        assert_eq!((after.start, after.end), (540, 600));

        // Several columns at once; an unknown id and an empty patch write nothing.
        s.apply(&Change {
            patch: vec![
                Patch {
                    id,
                    start: Some(600),
                    end: Some(660),
                    kind: Some(Kind::Break),
                    ..Patch::default()
                },
                Patch {
                    id: id + 100,
                    done: Some(false),
                    ..Patch::default()
                },
                Patch {
                    id,
                    ..Patch::default()
                },
            ],
            ..Change::default()
        })
        .unwrap();
        assert_eq!(
            s.get(id).unwrap().unwrap(),
            Timebox {
                start: 600,
                end: 660,
                kind: Kind::Break,
                ..after
            }
        );
        assert_eq!(s.count().unwrap(), 1);
    }

    #[test]
    fn apply_rolls_back_entirely_on_check_violation() {
        let (_dir, _path, mut s) = tmp_store();
        let keep = s.insert(&nb(d(1), 540, 600, "keep")).unwrap();
        let kept = s.get(keep).unwrap().unwrap();
        let count_before = s.count().unwrap();

        let bad_insert = Change {
            delete: vec![keep],
            upsert: vec![Timebox {
                title: "changed".into(),
                ..kept.clone()
            }],
            insert: vec![nb(d(1), 600, 630, "ok"), nb(d(1), 600, 2000, "too long")],
            ..Change::default()
        };
        assert!(matches!(s.apply(&bad_insert), Err(StoreError::Sqlite(_))));

        let bad_upsert = Change {
            upsert: vec![Timebox {
                title: String::new(),
                ..kept.clone()
            }],
            insert: vec![nb(d(1), 600, 630, "ok")],
            ..Change::default()
        };
        assert!(s.apply(&bad_upsert).is_err());

        assert_eq!(s.count().unwrap(), count_before);
        assert_eq!(s.day(d(1)).unwrap(), vec![kept]);
    }

    #[test]
    fn check_constraints_reject_bad_boxes() {
        let (_dir, _path, mut s) = tmp_store();
        for bad in [
            nb(d(1), 600, 600, "empty span"),
            nb(d(1), 1440, 1445, "starts at midnight"),
            nb(d(1), 600, 1441, "past midnight"),
            nb(d(1), 600, 630, ""),
        ] {
            assert!(s.insert(&bad).is_err(), "{bad:?} was accepted");
        }
        assert!(s.insert(&nb(d(1), 1380, 1440, "until 24:00")).is_ok());
    }

    #[test]
    fn bad_stored_date_is_a_conversion_error() {
        let (_dir, path, mut s) = tmp_store();
        let id = s.insert(&nb(d(1), 540, 600, "a")).unwrap();
        let raw = Connection::open(&path).unwrap();
        raw.execute("UPDATE timebox SET date = 'someday' WHERE id = ?1", [id])
            .unwrap();
        let err = s.get(id).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(1, _, _))
            ),
            "{err:?}"
        );
    }

    #[test]
    fn ids_are_not_reused_after_delete_even_across_reopen() {
        let (_dir, path, mut s) = tmp_store();
        s.insert(&nb(d(1), 540, 600, "a")).unwrap();
        let b = s.insert(&nb(d(1), 600, 660, "b")).unwrap();
        s.delete(b).unwrap();
        let c = s.insert(&nb(d(1), 600, 660, "c")).unwrap();
        assert!(c > b);
        s.delete(c).unwrap();
        drop(s);
        let mut s = Store::open(&path).unwrap();
        assert!(s.insert(&nb(d(1), 600, 660, "d")).unwrap() > c);
    }

    #[test]
    fn reopen_keeps_data_and_marks_file() {
        let (_dir, path, mut s) = tmp_store();
        let id = s.insert(&nb(d(5), 540, 600, "persist")).unwrap();
        assert_eq!(s.path(), Some(path.as_path()));
        drop(s);

        let s = Store::open(&path).unwrap();
        assert_eq!(s.get(id).unwrap().unwrap().title, "persist");
        let (app_id, version, mode): (i32, i64, String) = (
            s.conn
                .pragma_query_value(None, "application_id", |r| r.get(0))
                .unwrap(),
            s.conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap(),
            s.conn
                .pragma_query_value(None, "journal_mode", |r| r.get(0))
                .unwrap(),
        );
        assert_eq!(app_id, APPLICATION_ID);
        assert_eq!(version, MIGRATION_LIST.len() as i64);
        assert_eq!(mode, "wal");
    }

    #[test]
    fn migrations_validate() {
        // Every migration file applies, in order, to an empty database.
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn in_memory_store_works() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.path(), None);
        let id = s.insert(&nb(d(1), 0, 30, "m")).unwrap();
        assert_eq!(s.day(d(1)).unwrap()[0].id, id);
    }

    #[test]
    fn new_file_is_0600_and_new_dirs_0700() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("a/b/serein.db");
        Store::open(&path).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&dir.path().join("a/b")), 0o700);
    }

    #[test]
    fn empty_existing_file_becomes_a_store() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("serein.db");
        std::fs::File::create(&path).unwrap();
        let mut s = Store::open(&path).unwrap();
        s.insert(&nb(d(1), 0, 30, "m")).unwrap();
    }

    /// Opens `path` expecting a refusal, and checks the file's bytes did not change.
    fn refused(path: &Path) -> StoreError {
        let before = std::fs::read(path).unwrap();
        let err = match Store::open(path) {
            Ok(_) => panic!("{} was opened", path.display()),
            Err(e) => e,
        };
        assert_eq!(std::fs::read(path).unwrap(), before, "file was modified");
        err
    }

    #[test]
    fn garbage_file_is_refused_untouched() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("serein.db");
        std::fs::write(&path, b"hello world, not a db").unwrap();
        let err = refused(&path);
        assert!(
            matches!(&err, StoreError::NotSerein { why, .. } if why == "not an SQLite file"),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("serein.db is not a serein database")
        );
    }

    #[test]
    fn damaged_sqlite_file_is_refused_untouched() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("serein.db");
        let mut bytes = b"SQLite format 3\0".to_vec();
        bytes.extend(std::iter::repeat_n(0xA5u8, 4096));
        std::fs::write(&path, bytes).unwrap();
        let err = refused(&path);
        assert!(
            matches!(
                err,
                StoreError::NotSerein { .. } | StoreError::Corrupt { .. }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn foreign_sqlite_db_is_refused_untouched() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("other.db");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');")
                .unwrap();
        }
        let err = refused(&path);
        assert!(
            matches!(&err, StoreError::NotSerein { why, .. } if why == "it holds other tables"),
            "{err:?}"
        );
    }

    #[test]
    fn newer_schema_is_refused_untouched() {
        let (_dir, path, mut s) = tmp_store();
        s.insert(&nb(d(1), 0, 30, "m")).unwrap();
        drop(s);
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", 99).unwrap();
        }
        let err = refused(&path);
        assert!(
            matches!(err, StoreError::TooNew { found: 99, known, .. } if known == MIGRATION_LIST.len() as i64),
            "{err:?}"
        );
    }

    #[test]
    fn concurrent_first_opens_all_succeed() {
        // The TUI and the CLI may both start on a fresh install; only one runs the migrations.
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("serein.db");
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || Store::open(&path).map(|_| ()))
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
        assert_eq!(Store::open(&path).unwrap().count().unwrap(), 0);
    }

    /// The kernel's record of this process's POSIX locks on `path` (Linux: /proc/locks).
    #[cfg(target_os = "linux")]
    fn my_locks_on(path: &Path) -> Vec<String> {
        use std::os::unix::fs::MetadataExt;
        let ino = std::fs::metadata(path).unwrap().ino();
        let pid = std::process::id().to_string();
        std::fs::read_to_string("/proc/locks")
            .unwrap()
            .lines()
            .filter(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                f.get(1) == Some(&"POSIX")
                    && f.get(4) == Some(&pid.as_str())
                    && f.get(5).and_then(|d| d.rsplit(':').next()) == Some(&ino.to_string())
            })
            .map(str::to_string)
            .collect()
    }

    /// An open store holds a lock on the database file that tells outside programs the WAL is in
    /// use. Opening (and closing) a second store in the same process must not drop it: POSIX
    /// drops all of a process's locks on a file when any descriptor of it is closed.
    #[cfg(target_os = "linux")]
    #[test]
    fn opening_a_second_store_keeps_the_first_ones_locks() {
        let (_dir, path, mut a) = tmp_store();
        a.insert(&nb(d(1), 0, 30, "m")).unwrap();
        let held = my_locks_on(&path);
        assert!(
            !held.is_empty(),
            "an open WAL store holds a lock on the file"
        );
        drop(Store::open(&path).unwrap());
        assert_eq!(
            my_locks_on(&path),
            held,
            "the first store's locks were dropped"
        );
    }

    #[test]
    fn two_stores_see_each_others_commits() {
        let (_dir, path, mut a) = tmp_store();
        let mut b = Store::open(&path).unwrap();
        let before = a.data_version().unwrap();
        // A's own commits do not move A's data_version; B's do.
        a.insert(&nb(d(1), 0, 30, "from a")).unwrap();
        assert_eq!(a.data_version().unwrap(), before);
        let id = b.insert(&nb(d(1), 30, 60, "from b")).unwrap();
        let after = a.data_version().unwrap();
        assert_ne!(after, before);
        assert_eq!(titles(&a.day(d(1)).unwrap()), ["from a", "from b"]);
        assert_eq!(titles(&b.day(d(1)).unwrap()), ["from a", "from b"]);

        let b_before = b.data_version().unwrap();
        a.delete(id).unwrap();
        assert_ne!(b.data_version().unwrap(), b_before);
        assert_eq!(b.get(id).unwrap(), None);
    }
}
