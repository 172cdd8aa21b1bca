//! Offline hours: the Do-Not-Disturb journal, logged offline periods, manual overrides.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::policy::Manual;

/// The user's prior DND state, journaled before we changed it, and who changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    pub backend: String,
    /// Backend-specific JSON of the exact prior value.
    pub prior: String,
    pub set_at: DateTime<Utc>,
    pub pid: u32,
    pub proc_start: String,
    pub boot_id: String,
}

fn instant(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

impl Store {
    /// Writes the journal; refuses (false) if one already exists, so a second enforcer can
    /// never record "DND on" as the user's state.
    pub fn write_journal(&mut self, j: &Journal) -> Result<bool> {
        let tx = self.write()?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO dnd_journal (backend, prior, set_at, pid, proc_start, boot_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                j.backend,
                j.prior,
                j.set_at.timestamp(),
                j.pid,
                j.proc_start,
                j.boot_id
            ],
        )?;
        tx.commit()?;
        Ok(n == 1)
    }

    /// Every journal (normally none or one; a leftover from another desktop may stay).
    pub fn journals(&self) -> Result<Vec<Journal>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT backend, prior, set_at, pid, proc_start, boot_id FROM dnd_journal ORDER BY set_at",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Journal {
                backend: r.get(0)?,
                prior: r.get(1)?,
                set_at: instant(r.get(2)?),
                pid: r.get(3)?,
                proc_start: r.get(4)?,
                boot_id: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The journal for one backend.
    pub fn journal(&self, backend: &str) -> Result<Option<Journal>> {
        Ok(self.journals()?.into_iter().find(|j| j.backend == backend))
    }

    /// Removes one backend's journal after a restore.
    pub fn clear_journal(&mut self, backend: &str) -> Result<bool> {
        let tx = self.write()?;
        let n = tx.execute("DELETE FROM dnd_journal WHERE backend = ?1", [backend])?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// Opens an offline period; returns its id.
    pub fn open_period(&mut self, at: DateTime<Utc>, reason: &str, backend: &str) -> Result<i64> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO offline_period (started_at, reason, backend) VALUES (?1, ?2, ?3)",
            params![at.timestamp(), reason, backend],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Closes every open offline period at `at`.
    pub fn close_periods(&mut self, at: DateTime<Utc>, restored_ok: bool) -> Result<usize> {
        let tx = self.write()?;
        let n = tx.execute(
            "UPDATE offline_period SET ended_at = max(?1, started_at), restored_ok = ?2
             WHERE ended_at IS NULL",
            params![at.timestamp(), restored_ok],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// Offline periods that overlap `from..to`: (start, end, reason, backend, restored_ok).
    #[allow(clippy::type_complexity)]
    pub fn periods(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<
        Vec<(
            DateTime<Utc>,
            Option<DateTime<Utc>>,
            String,
            String,
            Option<bool>,
        )>,
    > {
        let mut stmt = self.conn.prepare_cached(
            "SELECT started_at, ended_at, reason, backend, restored_ok FROM offline_period
             WHERE started_at < ?2 AND (ended_at IS NULL OR ended_at > ?1) ORDER BY started_at",
        )?;
        let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
            let end: Option<i64> = r.get(1)?;
            Ok((
                instant(r.get(0)?),
                end.map(instant),
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A manual override (`serein offline on --until`, `off`, `o` in the TUI).
    pub fn set_manual(&mut self, m: &Manual) -> Result<()> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO offline_override (at, is_on, until) VALUES (?1, ?2, ?3)",
            params![Utc::now().timestamp(), m.on, m.until.timestamp()],
        )?;
        tx.execute(
            "INSERT INTO offline_manual (id, is_on, until, for_focus) VALUES (1, ?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET is_on = excluded.is_on, until = excluded.until,
                for_focus = excluded.for_focus",
            params![m.on, m.until.timestamp(), m.for_focus],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records a session as after-hours work (started during offline hours).
    pub fn mark_after_hours(&mut self, session_id: i64) -> Result<()> {
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO after_hours (session_id) VALUES (?1)")?
            .execute([session_id])?;
        Ok(())
    }

    /// Sessions recorded as after-hours work whose local date is in `from..=to`.
    pub fn after_hours_ids(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.session_id FROM after_hours a JOIN session s ON s.id = a.session_id
             WHERE s.local_date BETWEEN ?1 AND ?2 ORDER BY a.session_id",
        )?;
        let rows = stmt.query_map(
            params![
                from.format("%Y-%m-%d").to_string(),
                to.format("%Y-%m-%d").to_string()
            ],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether a session was started during offline hours.
    pub fn is_after_hours(&self, session_id: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM after_hours WHERE session_id = ?1")?
            .query_row([session_id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn clear_manual(&mut self) -> Result<()> {
        let tx = self.write()?;
        tx.execute("DELETE FROM offline_manual", [])?;
        tx.commit()?;
        Ok(())
    }

    /// The manual override, if one is set (expired ones included; the policy ignores them).
    pub fn manual(&self) -> Result<Option<Manual>> {
        Ok(self
            .conn
            .prepare_cached("SELECT is_on, until, for_focus FROM offline_manual WHERE id = 1")?
            .query_row([], |r| {
                Ok(Manual {
                    on: r.get(0)?,
                    until: instant(r.get(1)?),
                    for_focus: r.get(2)?,
                })
            })
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + s, 0).unwrap()
    }

    fn journal(prior: &str) -> Journal {
        Journal {
            backend: "dunst".into(),
            prior: prior.into(),
            set_at: t(0),
            pid: 42,
            proc_start: "123".into(),
            boot_id: "boot".into(),
        }
    }

    #[test]
    fn one_journal_at_a_time() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.journal("dunst").unwrap(), None);
        assert!(s.write_journal(&journal("{\"paused\":false}")).unwrap());
        // A second enforcer must not record our "on" as the user's state.
        assert!(!s.write_journal(&journal("{\"paused\":true}")).unwrap());
        assert_eq!(
            s.journal("dunst").unwrap().unwrap().prior,
            "{\"paused\":false}"
        );
        // A leftover from another desktop doesn't block this one.
        let mut gnome = journal("{}");
        gnome.backend = "gnome".into();
        assert!(s.write_journal(&gnome).unwrap());
        assert_eq!(s.journals().unwrap().len(), 2);
        assert!(s.clear_journal("dunst").unwrap());
        assert_eq!(s.journal("dunst").unwrap(), None);
        assert_eq!(s.journals().unwrap().len(), 1);
    }

    #[test]
    fn periods_and_manual_overrides() {
        let mut s = Store::open_in_memory().unwrap();
        s.open_period(t(0), "schedule", "dunst").unwrap();
        assert_eq!(s.close_periods(t(3600), true).unwrap(), 1);
        let p = s.periods(t(-10), t(10)).unwrap();
        assert_eq!(
            p,
            vec![(
                t(0),
                Some(t(3600)),
                "schedule".into(),
                "dunst".into(),
                Some(true)
            )]
        );
        let m = |on, until, for_focus| Manual {
            on,
            until,
            for_focus,
        };
        s.set_manual(&m(true, t(7200), false)).unwrap();
        s.set_manual(&m(false, t(9000), true)).unwrap();
        assert_eq!(s.manual().unwrap(), Some(m(false, t(9000), true)));
        // Each override is also logged (nothing reads the log yet; it is the user's data).
        let logged: i64 = s
            .conn
            .query_row("SELECT count(*) FROM offline_override", [], |r| r.get(0))
            .unwrap();
        assert_eq!(logged, 2);
        s.clear_manual().unwrap();
        assert_eq!(s.manual().unwrap(), None);
    }
}
