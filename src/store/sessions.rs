//! The session log: one row per run of a box, written as it happens.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{ErrorCode, OptionalExtension, Row, params};

use super::{Result, Store, StoreError, date_text, parse_date};
use crate::domain::session::{EndReason, Session, SessionKind, State};

const SELECT: &str = "SELECT id, timebox_id, title, domain, kind, started_at, local_date,
    utc_offset_s, planned_s, extended_s, paused_s, pauses, deadline_at, paused_left_s,
    paused_since, ended_at, end_reason, overrun_s, note, heartbeat_at,
    (SELECT count(*) FROM interruption i WHERE i.session_id = session.id)
    FROM session";

/// Columns written for a session's state (everything but id and interruptions).
struct Cols {
    deadline: Option<i64>,
    left: Option<i64>,
    since: Option<i64>,
    ended: Option<i64>,
    reason: Option<&'static str>,
    overrun: i64,
}

fn cols(s: &Session) -> Cols {
    match s.state {
        State::Running { deadline } => Cols {
            deadline: Some(deadline.timestamp()),
            left: None,
            since: None,
            ended: None,
            reason: None,
            overrun: 0,
        },
        State::Paused { left_s, since } => Cols {
            deadline: None,
            left: Some(left_s),
            since: Some(since.timestamp()),
            ended: None,
            reason: None,
            overrun: 0,
        },
        State::Ended {
            at,
            reason,
            overrun_s,
        } => Cols {
            deadline: None,
            left: None,
            since: None,
            ended: Some(at.timestamp()),
            reason: Some(reason.as_str()),
            overrun: overrun_s,
        },
    }
}

fn instant(idx: usize, secs: i64) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Integer,
            "timestamp out of range".into(),
        )
    })
}

fn bad(idx: usize, what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        Type::Text,
        format!("bad {what} {value:?} in the session table").into(),
    )
}

fn session_from_row(r: &Row<'_>) -> rusqlite::Result<Session> {
    let kind: String = r.get(4)?;
    let local: String = r.get(6)?;
    let deadline: Option<i64> = r.get(12)?;
    let left: Option<i64> = r.get(13)?;
    let since: Option<i64> = r.get(14)?;
    let ended: Option<i64> = r.get(15)?;
    let reason: Option<String> = r.get(16)?;
    let state = match (ended, reason, left, since, deadline) {
        (Some(at), Some(reason), ..) => State::Ended {
            at: instant(15, at)?,
            reason: EndReason::parse(&reason).ok_or_else(|| bad(16, "end reason", &reason))?,
            overrun_s: r.get(17)?,
        },
        (None, _, Some(left_s), Some(since), _) => State::Paused {
            left_s,
            since: instant(14, since)?,
        },
        (None, _, _, _, Some(deadline)) => State::Running {
            deadline: instant(12, deadline)?,
        },
        _ => return Err(bad(12, "state", "no deadline, pause or end")),
    };
    Ok(Session {
        id: r.get(0)?,
        timebox_id: r.get(1)?,
        title: r.get(2)?,
        domain: r.get(3)?,
        kind: SessionKind::parse(&kind).ok_or_else(|| bad(4, "kind", &kind))?,
        started: instant(5, r.get(5)?)?,
        local_date: parse_date(&local).ok_or_else(|| bad(6, "date", &local))?,
        utc_offset_s: r.get(7)?,
        planned_s: r.get(8)?,
        extended_s: r.get(9)?,
        paused_s: r.get(10)?,
        pauses: r.get(11)?,
        note: r.get(18)?,
        heartbeat: instant(19, r.get(19)?)?,
        interruptions: r.get(20)?,
        state,
    })
}

/// An ended session's totals-relevant fields, borrowed from a row
/// ([`Store::for_each_ended_session`]). `title` is only filled for breathing sessions.
#[derive(Debug, Clone, Copy)]
pub struct LeanSession<'a> {
    pub id: i64,
    pub domain: &'a str,
    pub kind: SessionKind,
    pub started: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub utc_offset_s: i32,
    pub paused_s: i64,
    pub ended: DateTime<Utc>,
    pub title: &'a str,
    pub reason: EndReason,
}

impl LeanSession<'_> {
    /// Seconds spent, pauses excluded (as `Session::actual_s`).
    pub fn actual_s(&self) -> i64 {
        ((self.ended - self.started).num_seconds() - self.paused_s).max(0)
    }

    /// As a whole [`Session`] (no notes, plan link or interruptions).
    pub fn to_session(self) -> Session {
        Session {
            id: self.id,
            timebox_id: None,
            title: self.title.to_string(),
            domain: self.domain.to_string(),
            kind: self.kind,
            started: self.started,
            local_date: self.local_date,
            utc_offset_s: self.utc_offset_s,
            planned_s: 0,
            extended_s: 0,
            paused_s: self.paused_s,
            pauses: 0,
            interruptions: 0,
            note: None,
            state: State::Ended {
                at: self.ended,
                reason: self.reason,
                overrun_s: 0,
            },
            heartbeat: self.started,
        }
    }
}

impl Store {
    /// The running or paused focus/break session, if any.
    pub fn active_session(&self) -> Result<Option<Session>> {
        // At most one (the unique partial index `session_one_active`): no ORDER BY, so the
        // lookup goes through `session_open` instead of walking the table by id.
        let sql = format!("{SELECT} WHERE ended_at IS NULL AND kind <> 'breathing' LIMIT 1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([], session_from_row)
            .optional()?)
    }

    pub fn session(&self, id: i64) -> Result<Option<Session>> {
        let sql = format!("{SELECT} WHERE id = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], session_from_row)
            .optional()?)
    }

    /// Calls `f` with every ended session recorded on local dates `from..=to`, in no
    /// particular order, borrowing just what totals need: `serein summary` over years of
    /// history streams them instead of building each [`Session`].
    pub fn for_each_ended_session(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        mut f: impl FnMut(&LeanSession<'_>),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, domain, kind, started_at, local_date, utc_offset_s, paused_s, ended_at,
                CASE kind WHEN 'breathing' THEN title ELSE '' END, end_reason
             FROM session WHERE local_date BETWEEN ?1 AND ?2 AND ended_at IS NOT NULL",
        )?;
        let mut rows = stmt.query([date_text(from), date_text(to)])?;
        while let Some(r) = rows.next()? {
            // Borrowed text: nothing is allocated per row.
            let text = |i: usize| r.get_ref(i).and_then(|v| Ok(v.as_str()?));
            let (kind, date, reason) = (text(2)?, text(4)?, text(9)?);
            f(&LeanSession {
                id: r.get(0)?,
                domain: text(1)?,
                kind: SessionKind::parse(kind).ok_or_else(|| bad(2, "kind", kind))?,
                started: instant(3, r.get(3)?)?,
                local_date: parse_date(date).ok_or_else(|| bad(4, "date", date))?,
                utc_offset_s: r.get(5)?,
                paused_s: r.get(6)?,
                ended: instant(7, r.get(7)?)?,
                title: text(8)?,
                reason: EndReason::parse(reason).ok_or_else(|| bad(9, "end reason", reason))?,
            });
        }
        Ok(())
    }

    /// Sessions that started on local dates `from..=to`, oldest first.
    pub fn sessions(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Session>> {
        let sql = format!("{SELECT} WHERE local_date BETWEEN ?1 AND ?2 ORDER BY started_at, id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([date_text(from), date_text(to)], session_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores a new session and returns its id. Refused while another one is active.
    pub fn start_session(&mut self, s: &Session) -> Result<i64> {
        let c = cols(s);
        let tx = self.write()?;
        let res = tx.execute(
            "INSERT INTO session (timebox_id, title, domain, kind, started_at, local_date,
                utc_offset_s, planned_s, extended_s, paused_s, pauses, deadline_at, paused_left_s,
                paused_since, ended_at, end_reason, overrun_s, note, heartbeat_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19)",
            params![
                s.timebox_id,
                s.title,
                s.domain,
                s.kind.as_str(),
                s.started.timestamp(),
                date_text(s.local_date),
                s.utc_offset_s,
                s.planned_s,
                s.extended_s,
                s.paused_s,
                s.pauses,
                c.deadline,
                c.left,
                c.since,
                c.ended,
                c.reason,
                c.overrun,
                s.note,
                s.heartbeat.timestamp()
            ],
        );
        match res {
            Ok(_) => {}
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == ErrorCode::ConstraintViolation =>
            {
                drop(tx);
                let title = self
                    .active_session()?
                    .map_or_else(|| "another session".to_string(), |a| a.title);
                return Err(StoreError::SessionActive { title });
            }
            Err(e) => return Err(e.into()),
        }
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Writes a session's changed state, times and note. An ended session is never made
    /// active again by a process that hadn't seen it end (returns false then).
    pub fn save_session(&mut self, s: &Session) -> Result<bool> {
        let c = cols(s);
        let tx = self.write()?;
        let n = tx.execute(
            "UPDATE session SET title = ?2, domain = ?3, started_at = ?4, planned_s = ?5,
                extended_s = ?6, paused_s = ?7, pauses = ?8, deadline_at = ?9, paused_left_s = ?10,
                paused_since = ?11, ended_at = ?12, end_reason = ?13, overrun_s = ?14, note = ?15,
                heartbeat_at = max(heartbeat_at, ?16)
             WHERE id = ?1 AND NOT (ended_at IS NOT NULL AND ?12 IS NULL)",
            params![
                s.id,
                s.title,
                s.domain,
                s.started.timestamp(),
                s.planned_s,
                s.extended_s,
                s.paused_s,
                s.pauses,
                c.deadline,
                c.left,
                c.since,
                c.ended,
                c.reason,
                c.overrun,
                s.note,
                s.heartbeat.timestamp()
            ],
        )?;
        tx.commit()?;
        Ok(n == 1)
    }

    /// Records that a running process still vouches for the session at `at`.
    pub fn heartbeat(&mut self, id: i64, at: DateTime<Utc>) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE session SET heartbeat_at = max(heartbeat_at, ?2)
                 WHERE id = ?1 AND ended_at IS NULL",
            )?
            .execute(params![id, at.timestamp()])?;
        Ok(())
    }

    pub fn add_interruption(
        &mut self,
        id: i64,
        at: DateTime<Utc>,
        reason: Option<&str>,
    ) -> Result<()> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO interruption (session_id, at, reason) VALUES (?1, ?2, ?3)",
            params![id, at.timestamp(), reason],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Interruptions of a session: when, and the reason if one was given.
    pub fn interruptions(&self, id: i64) -> Result<Vec<(DateTime<Utc>, Option<String>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, reason FROM interruption WHERE session_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([id], |r| Ok((instant(0, r.get(0)?)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_session(&mut self, id: i64) -> Result<bool> {
        let tx = self.write()?;
        let n = tx.execute("DELETE FROM session WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n == 1)
    }

    /// Claims the right to send notification `event` for a session: true exactly once across
    /// every process, so the TUI and the daemon never both send it.
    pub fn claim(&mut self, session_id: i64, event: &str, at: DateTime<Utc>) -> Result<bool> {
        let n = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO notified (session_id, event, at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![session_id, event, at.timestamp()])?;
        Ok(n == 1)
    }

    /// Names of the breathing patterns practised before (their safety text was shown then).
    pub fn breath_patterns_used(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT title FROM session WHERE kind = 'breathing'")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Claims a reminder key: true exactly once across processes.
    pub fn claim_reminder(&mut self, key: &str, at: DateTime<Utc>) -> Result<bool> {
        let n = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO reminder (key, at) VALUES (?1, ?2)")?
            .execute(params![key, at.timestamp()])?;
        Ok(n == 1)
    }

    /// Closes the active session if nothing ran it past its deadline (see
    /// [`Session::recover`]). Returns the closed session.
    pub fn recover(&mut self, now: DateTime<Utc>, stale_s: i64) -> Result<Option<Session>> {
        // Breathing exercises cut off by a crash: closed at their planned end (or now).
        self.conn
            .prepare_cached(
                "UPDATE session SET ended_at = min(started_at + planned_s, ?1), end_reason = 'recovered'
                 WHERE kind = 'breathing' AND ended_at IS NULL AND started_at + planned_s + 3600 < ?1",
            )?
            .execute([now.timestamp()])?;
        let Some(mut s) = self.active_session()? else {
            return Ok(None);
        };
        if s.recover(now, stale_s) {
            self.save_session(&s)?;
            tracing::info!(id = s.id, title = %s.title, "closed a session nothing was running");
            Ok(Some(s))
        } else {
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Session;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + s, 0).unwrap()
    }

    fn new(title: &str) -> Session {
        Session::start(
            title,
            "work",
            SessionKind::Focus,
            None,
            1500,
            t(0),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            3600,
        )
    }

    #[test]
    fn round_trip_through_every_state() {
        let mut store = Store::open_in_memory().unwrap();
        let mut s = new("Write");
        s.id = store.start_session(&s).unwrap();
        assert_eq!(store.active_session().unwrap(), Some(s.clone()));
        s.pause(t(60)).unwrap();
        store.save_session(&s).unwrap();
        assert_eq!(store.session(s.id).unwrap(), Some(s.clone()));
        s.resume(t(120)).unwrap();
        s.extend(300, t(130)).unwrap();
        s.note = Some("went well".into());
        store.save_session(&s).unwrap();
        store.add_interruption(s.id, t(200), Some("phone")).unwrap();
        store.add_interruption(s.id, t(210), None).unwrap();
        s.interruptions = 2;
        assert_eq!(store.session(s.id).unwrap(), Some(s.clone()));
        s.end(EndReason::Finished, t(2000)).unwrap();
        store.save_session(&s).unwrap();
        assert_eq!(store.session(s.id).unwrap(), Some(s.clone()));
        assert_eq!(store.active_session().unwrap(), None);
        assert_eq!(
            store.interruptions(s.id).unwrap()[0].1.as_deref(),
            Some("phone")
        );
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(store.sessions(day, day).unwrap().len(), 1);
    }

    #[test]
    fn only_one_active_session_across_connections() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let mut a = Store::open(&path).unwrap();
        let mut b = Store::open(&path).unwrap();
        a.start_session(&new("First")).unwrap();
        match b.start_session(&new("Second")) {
            Err(StoreError::SessionActive { title }) => assert_eq!(title, "First"),
            other => panic!("expected SessionActive, got {other:?}"),
        }
        // A breathing exercise may run alongside.
        let mut breath = new("Breathe");
        breath.kind = SessionKind::Breathing;
        b.start_session(&breath).unwrap();
    }

    #[test]
    fn a_stale_writer_cannot_revive_an_ended_session() {
        let mut store = Store::open_in_memory().unwrap();
        let mut s = new("Write");
        s.id = store.start_session(&s).unwrap();
        let stale = s.clone();
        s.end(EndReason::Finished, t(600)).unwrap();
        assert!(store.save_session(&s).unwrap());
        assert!(!store.save_session(&stale).unwrap());
        assert!(!store.session(s.id).unwrap().unwrap().is_active());
    }

    #[test]
    fn heartbeats_do_not_move_the_revision_but_changes_do() {
        let mut store = Store::open_in_memory().unwrap();
        let r0 = store.revision().unwrap();
        let mut s = new("Write");
        s.id = store.start_session(&s).unwrap();
        let r1 = store.revision().unwrap();
        assert!(r1 > r0);
        store.heartbeat(s.id, t(5)).unwrap();
        assert_eq!(store.revision().unwrap(), r1, "a heartbeat is not a change");
        s.pause(t(10)).unwrap();
        store.save_session(&s).unwrap();
        assert!(store.revision().unwrap() > r1);
    }

    #[test]
    fn claims_are_exactly_once() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.start_session(&new("Write")).unwrap();
        assert!(store.claim(id, "end", t(1)).unwrap());
        assert!(!store.claim(id, "end", t(2)).unwrap());
        assert!(store.claim(id, "reminder", t(2)).unwrap());
    }

    #[test]
    fn recovery_closes_stale_sessions_past_their_deadline() {
        let mut store = Store::open_in_memory().unwrap();
        let id = store.start_session(&new("Write")).unwrap();
        store.heartbeat(id, t(1700)).unwrap();
        assert_eq!(store.recover(t(1702), 5).unwrap(), None);
        let closed = store.recover(t(9000), 5).unwrap().expect("closed");
        assert_eq!(
            closed.state,
            State::Ended {
                at: t(1700),
                reason: EndReason::Recovered,
                overrun_s: 200
            }
        );
        assert_eq!(store.active_session().unwrap(), None);
    }
}
