//! Sessions imported from other trackers (`serein import`): finished sessions keyed by their
//! source and a key unique within it (migration 9), written all or nothing.

use rusqlite::params;

use super::{Result, Store, date_text};
use crate::domain::import::ImportRow;

/// What became of one [`ImportRow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    /// Stored now (or would be, on a dry run), with its new id (0 on a dry run).
    Added(i64),
    /// Already there: imported before (same source and key), or inside a session of the same
    /// kind, title and domain (serein's own export read back, a paused session's stretches
    /// included).
    Present,
}

impl Store {
    /// Imports `rows` in one IMMEDIATE transaction: every row is stored or none is. With
    /// `dry_run` the transaction is rolled back, so the answer is exactly what a real run
    /// would do (duplicates inside `rows` included).
    pub fn import_sessions(&mut self, rows: &[ImportRow], dry_run: bool) -> Result<Vec<Imported>> {
        let tx = self.write()?;
        let mut out = Vec::with_capacity(rows.len());
        {
            let mut exists = tx.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM session WHERE import_source = ?1 AND import_key = ?2)
                     OR EXISTS (SELECT 1 FROM session WHERE local_date BETWEEN ?7 AND ?3
                         AND kind = ?4 AND started_at <= ?5 AND ended_at >= ?6
                         AND title = ?8 AND domain = ?9)",
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO session (title, domain, kind, started_at, local_date, utc_offset_s,
                    planned_s, ended_at, end_reason, note, heartbeat_at, import_source, import_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'finished', ?9, ?8, ?10, ?11)",
            )?;
            for r in rows {
                let date = date_text(r.local_date);
                let (start, end) = (r.started.timestamp(), r.ended.timestamp());
                // A session that began up to two days earlier may hold this stretch.
                let earliest = date_text(r.local_date - chrono::Duration::days(2));
                let found: bool = exists.query_row(
                    params![
                        r.source,
                        r.key,
                        date,
                        r.kind.as_str(),
                        start,
                        end,
                        earliest,
                        r.title,
                        r.domain
                    ],
                    |row| row.get(0),
                )?;
                if found {
                    out.push(Imported::Present);
                    continue;
                }
                insert.execute(params![
                    r.title,
                    r.domain,
                    r.kind.as_str(),
                    start,
                    date,
                    r.utc_offset_s,
                    (end - start).max(1),
                    end,
                    r.note,
                    r.source,
                    r.key
                ])?;
                out.push(Imported::Added(if dry_run {
                    0
                } else {
                    tx.last_insert_rowid()
                }));
            }
        }
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::SessionKind;
    use chrono::{DateTime, NaiveDate};

    fn row(key: &str, start: i64, end: i64) -> ImportRow {
        let t = |s| DateTime::from_timestamp(1_795_000_000 + s, 0).unwrap();
        ImportRow {
            title: "Write".into(),
            domain: "work".into(),
            kind: SessionKind::Focus,
            started: t(start),
            ended: t(end),
            local_date: NaiveDate::from_ymd_opt(2026, 11, 17).unwrap(),
            utc_offset_s: 3600,
            note: None,
            source: "timew",
            key: key.into(),
        }
    }

    fn count(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM session", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn importing_twice_adds_nothing_and_a_dry_run_writes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let rows = [row("a", 0, 600), row("b", 700, 900), row("a", 0, 600)];
        let dry = store.import_sessions(&rows, true).unwrap();
        assert_eq!(
            dry,
            vec![Imported::Added(0), Imported::Added(0), Imported::Present]
        );
        assert_eq!(count(&store), 0);
        let first = store.import_sessions(&rows, false).unwrap();
        assert!(matches!(
            first[..],
            [Imported::Added(1), Imported::Added(2), Imported::Present]
        ));
        let again = store.import_sessions(&rows, false).unwrap();
        assert_eq!(again, vec![Imported::Present; 3]);
        assert_eq!(count(&store), 2);
        let s = store.session(1).unwrap().unwrap();
        assert_eq!(s.actual_s(s.started), 600);
        assert!(!s.is_active());
    }

    #[test]
    fn a_session_with_the_same_times_is_already_there() {
        let mut store = Store::open_in_memory().unwrap();
        store.import_sessions(&[row("a", 0, 600)], false).unwrap();
        // Another key, same kind, start and end: serein's own export read back.
        let got = store
            .import_sessions(&[row("other", 0, 600)], false)
            .unwrap();
        assert_eq!(got, vec![Imported::Present]);
    }
}
