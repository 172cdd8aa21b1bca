//! Weekly reviews: one row per ISO week, keyed by the week's Monday.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Type;
use rusqlite::{OptionalExtension, Row, params};

use super::{DATE_FMT, Result, Store, StoreError, date_text};
use crate::domain::review::Review;
use crate::domain::summary::Week;

const SELECT: &str = "SELECT week_monday, personal, work, family, social, health, win, enabler,
    inbox, calendar_past, calendar_next, projects, someday, energy, detachment, updated_at
    FROM review";

// An upsert rather than `INSERT OR REPLACE`, like the timebox upsert: REPLACE is a delete and
// an insert, which would fire two revision bumps and any future ON DELETE action.
const UPSERT: &str = "INSERT INTO review (week_monday, personal, work, family, social, health,
        win, enabler, inbox, calendar_past, calendar_next, projects, someday, energy,
        detachment, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
    ON CONFLICT (week_monday) DO UPDATE SET
        personal = excluded.personal, work = excluded.work, family = excluded.family,
        social = excluded.social, health = excluded.health, win = excluded.win,
        enabler = excluded.enabler, inbox = excluded.inbox,
        calendar_past = excluded.calendar_past, calendar_next = excluded.calendar_next,
        projects = excluded.projects, someday = excluded.someday, energy = excluded.energy,
        detachment = excluded.detachment, updated_at = excluded.updated_at";

impl Store {
    /// The review saved for `week`, if any.
    pub fn review(&self, week: Week) -> Result<Option<Review>> {
        Ok(self
            .conn
            .prepare_cached(&format!("{SELECT} WHERE week_monday = ?1"))?
            .query_row([date_text(week.monday)], review_from_row)
            .optional()?)
    }

    /// Saves `r` over whatever was saved for its week, with `r.updated` as given (the shell
    /// stamps it). An empty review deletes the week's row instead, so clearing every answer
    /// leaves no "saved" review behind. An invalid review is refused and nothing is written.
    pub fn save_review(&mut self, r: &Review) -> Result<()> {
        r.validate().map_err(|e| {
            StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
        })?;
        let tx = self.write()?;
        let monday = date_text(r.week.monday);
        if r.is_empty() {
            tx.execute("DELETE FROM review WHERE week_monday = ?1", [monday])?;
        } else {
            let [personal, work, family, social, health] = r.ratings;
            let [inbox, past, next, projects, someday] = r.checklist;
            tx.prepare_cached(UPSERT)?.execute(params![
                monday,
                personal,
                work,
                family,
                social,
                health,
                r.win,
                r.enabler,
                inbox,
                past,
                next,
                projects,
                someday,
                r.energy,
                r.detachment,
                r.updated.timestamp()
            ])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Reviews of the weeks `from..=to_inclusive`, oldest first; weeks without one are absent.
    pub fn reviews(&self, from: Week, to_inclusive: Week) -> Result<Vec<Review>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE week_monday BETWEEN ?1 AND ?2 ORDER BY week_monday"
        ))?;
        let rows = stmt.query_map(
            [date_text(from.monday), date_text(to_inclusive.monday)],
            review_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Reads a row selected by [`SELECT`]. A bad date (edited by hand) becomes a conversion error
/// naming the column, never a panic; the CHECKs keep the numbers in range.
fn review_from_row(row: &Row<'_>) -> rusqlite::Result<Review> {
    let monday: String = row.get(0)?;
    let monday = NaiveDate::parse_from_str(&monday, DATE_FMT).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            Type::Text,
            format!("review week_monday {monday:?} is not YYYY-MM-DD: {e}").into(),
        )
    })?;
    let updated: i64 = row.get(15)?;
    Ok(Review {
        // Week::of, not Week { monday }: a row can never name a week that doesn't start on
        // its own Monday, whatever was written by hand.
        week: Week::of(monday),
        ratings: [
            row.get(1)?,
            row.get(2)?,
            row.get(3)?,
            row.get(4)?,
            row.get(5)?,
        ],
        win: row.get(6)?,
        enabler: row.get(7)?,
        checklist: [
            row.get(8)?,
            row.get(9)?,
            row.get(10)?,
            row.get(11)?,
            row.get(12)?,
        ],
        energy: row.get(13)?,
        detachment: row.get(14)?,
        updated: DateTime::<Utc>::from_timestamp(updated, 0).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(s: &str) -> Week {
        Week::parse(s).unwrap()
    }

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000 + s, 0).unwrap()
    }

    fn filled(w: &str) -> Review {
        Review {
            ratings: [Some(7), None, Some(10), Some(1), Some(5)],
            win: "Shipped the importer".into(),
            enabler: "Two quiet mornings — 日本語".into(),
            checklist: [true, false, true, false, true],
            energy: Some(0),
            detachment: Some(10),
            ..Review::new(week(w), t(0))
        }
    }

    #[test]
    fn review_round_trips_and_is_updated_in_place() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.review(week("2026-W48")).unwrap(), None);
        let r = filled("2026-W48");
        s.save_review(&r).unwrap();
        assert_eq!(s.review(week("2026-W48")).unwrap(), Some(r.clone()));
        assert_eq!(s.review(week("2026-W47")).unwrap(), None);

        let mut edited = r.clone();
        edited.ratings[1] = Some(3);
        edited.win = "Edited later".into();
        edited.energy = None;
        edited.updated = t(3600);
        s.save_review(&edited).unwrap();
        assert_eq!(s.review(week("2026-W48")).unwrap(), Some(edited));
        let n: i64 = s
            .conn
            .query_row("SELECT count(*) FROM review", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn reviews_in_a_range_oldest_first() {
        let mut s = Store::open_in_memory().unwrap();
        for w in ["2026-W49", "2026-W45", "2026-W47", "2026-W44"] {
            s.save_review(&filled(w)).unwrap();
        }
        let got: Vec<String> = s
            .reviews(week("2026-W45"), week("2026-W49"))
            .unwrap()
            .iter()
            .map(|r| r.week.to_string())
            .collect();
        assert_eq!(got, ["2026-W45", "2026-W47", "2026-W49"]);
        assert!(
            s.reviews(week("2026-W50"), week("2026-W52"))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn saving_an_empty_review_removes_it() {
        let mut s = Store::open_in_memory().unwrap();
        s.save_review(&filled("2026-W48")).unwrap();
        s.save_review(&Review::new(week("2026-W48"), t(5))).unwrap();
        assert_eq!(s.review(week("2026-W48")).unwrap(), None);
        // And an empty review of a week that has none is a no-op, not an error.
        s.save_review(&Review::new(week("2026-W40"), t(5))).unwrap();
    }

    #[test]
    fn invalid_review_is_refused_and_nothing_written() {
        let mut s = Store::open_in_memory().unwrap();
        let before = s.revision().unwrap();
        let mut r = filled("2026-W48");
        r.ratings[0] = Some(11);
        let err = s.save_review(&r).unwrap_err().to_string();
        assert!(err.contains("Personal rating 11 is out of range"), "{err}");
        r.ratings[0] = Some(7);
        r.win = "two\nlines".into();
        assert!(s.save_review(&r).is_err());
        assert_eq!(s.review(week("2026-W48")).unwrap(), None);
        assert_eq!(s.revision().unwrap(), before);
    }

    #[test]
    fn checks_refuse_bad_rows_written_by_hand() {
        let s = Store::open_in_memory().unwrap();
        let bad = [
            "INSERT INTO review (week_monday, updated_at) VALUES ('2026-11-24', 0)", // a Tuesday
            "INSERT INTO review (week_monday, updated_at) VALUES ('2026-13-40', 0)",
            "INSERT INTO review (week_monday, updated_at) VALUES ('23/11/2026', 0)",
            "INSERT INTO review (week_monday, personal, updated_at) VALUES ('2026-11-23', 0, 0)",
            "INSERT INTO review (week_monday, health, updated_at) VALUES ('2026-11-23', 11, 0)",
            "INSERT INTO review (week_monday, energy, updated_at) VALUES ('2026-11-23', -1, 0)",
            "INSERT INTO review (week_monday, detachment, updated_at) VALUES ('2026-11-23', 11, 0)",
            "INSERT INTO review (week_monday, inbox, updated_at) VALUES ('2026-11-23', 2, 0)",
        ];
        for sql in bad {
            assert!(s.conn.execute(sql, []).is_err(), "{sql}");
        }
        let ok = "INSERT INTO review (week_monday, energy, updated_at) VALUES ('2026-11-23', 0, 0)";
        s.conn.execute(ok, []).unwrap();
    }

    #[test]
    fn every_review_write_moves_the_revision() {
        let mut s = Store::open_in_memory().unwrap();
        let r0 = s.revision().unwrap();
        s.save_review(&filled("2026-W48")).unwrap();
        let r1 = s.revision().unwrap();
        assert!(r1 > r0);
        let mut r = filled("2026-W48");
        r.win = "changed".into();
        s.save_review(&r).unwrap();
        let r2 = s.revision().unwrap();
        assert!(r2 > r1);
        s.save_review(&Review::new(week("2026-W48"), t(9))).unwrap();
        assert!(s.revision().unwrap() > r2);
    }
}
