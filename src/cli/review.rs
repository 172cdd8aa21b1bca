//! `serein review --show [--week W] [--json]`: prints a saved weekly review as aligned text or
//! as a stable JSON object (`null` when the week has none). Without `--show`, `serein review`
//! opens the TUI on the review screen (dispatched in `main.rs`).

use chrono::NaiveDate;

use crate::cli::{Failure, parse_date};
use crate::config::Paths;
use crate::domain::review::{self, Review};
use crate::domain::summary::Week;
use crate::store::Store;
use crate::ui::review::{checklist_label, domain_label};

/// `serein review` arguments.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ReviewArgs {
    /// Print the saved review instead of opening the review screen.
    #[arg(long)]
    pub show: bool,
    /// Which week: an ISO week (2026-W48) or any date in it (YYYY-MM-DD, today, yesterday).
    /// Default: this week.
    #[arg(long, value_name = "WEEK")]
    pub week: Option<String>,
    /// With --show: print JSON (`null` when the week has no review).
    #[arg(long, requires = "show")]
    pub json: bool,
}

/// Which week `--week` names (this week when absent). Errors are usage errors (exit 2).
pub fn week_arg(week: Option<&str>, today: NaiveDate) -> Result<Week, Failure> {
    let Some(s) = week else {
        return Ok(Week::of(today));
    };
    match Week::parse(s) {
        Ok(w) => Ok(w),
        // A date is accepted too: its week.
        Err(_) if parse_date(s, today).is_ok() => {
            parse_date(s, today).map(Week::of).map_err(Failure::input)
        }
        // Looks like a week (2026-W60): Week::parse's reason is the useful one.
        Err(e) if looks_like_week(s) => Err(Failure::input(format!("--week: {e}"))),
        Err(_) => Err(Failure::input(crate::t!(
            "clireview-bad-week",
            value = format!("{s:?}")
        ))),
    }
}

/// `2026-W60`, `2026w5`: digits, W, digits.
fn looks_like_week(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    s.trim()
        .split_once(['W', 'w'])
        .is_some_and(|(y, n)| digits(y.strip_suffix('-').unwrap_or(y)) && digits(n))
}

/// `serein review --show`: prints the review saved for the chosen week.
pub fn show(args: &ReviewArgs, paths: &Paths, today: NaiveDate) -> Result<(), Failure> {
    // Parse before opening the database, so a typo never touches it.
    let week = week_arg(args.week.as_deref(), today)?;
    let store = Store::open(&paths.db_file())?;
    let saved = store.review(week)?;
    if args.json {
        println!("{}", to_json(saved.as_ref()));
    } else {
        let history = store.reviews(review::trend_start(week), week)?;
        print!("{}", format_text(saved.as_ref(), &history, week));
    }
    Ok(())
}

/// The review as pretty JSON (the shape of `Review`'s `Serialize`), or `null`.
fn to_json(review: Option<&Review>) -> String {
    serde_json::to_string_pretty(&review).unwrap_or_else(|_| "null".into())
}

/// The review as aligned plain text, each rating with its 4-week trend (oldest first, this
/// week last, `–` where a week has no rating).
fn format_text(review: Option<&Review>, history: &[Review], week: Week) -> String {
    let Some(r) = review else {
        return format!("{}\n", crate::t!("clireview-none", week = week.to_string()));
    };
    let mut all = history.to_vec();
    all.push(r.clone());
    let trends = review::trend(&all, week);
    let value = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
    let domains: Vec<String> = (0..5).map(|i| domain_label(i, true)).collect();
    let win = format!("{}:", crate::t!("review-win"));
    let enabler = format!("{}:", crate::t!("review-enabler"));
    let energy = crate::t!("review-energy");
    let detachment = crate::t!("review-detachment");
    // Widest label plus two spaces; accented letters are one cell, so chars = cells.
    let col = domains
        .iter()
        .chain([&win, &enabler, &detachment])
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;

    let day = |d| crate::i18n::date(d, crate::i18n::DateStyle::WeekdayDayMonthYear);
    let mut out = format!(
        "{}\n\n{}\n",
        crate::t!(
            "clireview-title",
            week = week.to_string(),
            from = day(week.monday),
            to = day(week.sunday())
        ),
        crate::t!("clireview-domains")
    );
    for (i, label) in domains.iter().enumerate() {
        let trend: Vec<String> = trends[i].iter().map(|v| value(*v)).collect();
        out += &format!(
            "  {label:<col$}{:>2}  ({})\n",
            value(r.ratings[i]),
            trend.join(" ")
        );
    }
    out += "\n";
    for (label, text) in [(&win, &r.win), (&enabler, &r.enabler)] {
        let text = if text.is_empty() { "–" } else { text };
        out += &format!("  {label:<col$}{text}\n");
    }
    out += &format!("\n{}\n", crate::t!("clireview-checklist"));
    for (i, done) in r.checklist.into_iter().enumerate() {
        let label = checklist_label(i, true);
        out += &format!("  [{}] {label}\n", if done { "x" } else { " " });
    }
    out += &format!("\n{}\n", crate::t!("clireview-checkin"));
    for (label, v) in [(energy, r.energy), (detachment, r.detachment)] {
        out += &format!("  {label:<col$}{:>2}\n", value(v));
    }
    out += &format!(
        "\n{}\n",
        crate::t!(
            "clireview-edited",
            at = r.updated.format("%Y-%m-%d %H:%M UTC").to_string()
        )
    );
    out
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use clap::Parser;

    use super::*;

    fn week(s: &str) -> Week {
        Week::parse(s).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn review() -> Review {
        Review {
            ratings: [Some(7), None, Some(10), Some(1), Some(5)],
            win: "Shipped the importer".into(),
            enabler: String::new(),
            checklist: [true, false, true, false, false],
            energy: Some(0),
            detachment: None,
            ..Review::new(
                week("2026-W48"),
                DateTime::from_timestamp(1_795_977_005, 0).unwrap(),
            )
        }
    }

    fn history() -> Vec<Review> {
        let mut w45 = Review::new(week("2026-W45"), DateTime::from_timestamp(0, 0).unwrap());
        w45.ratings = [Some(5), Some(3), None, None, None];
        let mut w46 = w45.clone();
        w46.week = week("2026-W46");
        w46.ratings = [Some(6), None, Some(9), None, None];
        vec![w45, w46]
    }

    #[test]
    fn text_has_ratings_with_trend_and_the_check_in_label() {
        let text = format_text(Some(&review()), &history(), week("2026-W48"));
        let want = "\
Weekly review 2026-W48 (Mon 23 Nov 2026 – Sun 29 Nov 2026)

Life domains, 1–10 (trend: last 4 weeks, oldest first)
  Personal                 7  (5 6 – 7)
  Work                     –  (3 – – –)
  Couple & family         10  (– 9 – 10)
  Social                   1  (– – – 1)
  Health                   5  (– – – 5)

  One win this week:      Shipped the importer
  What made it possible:  –

Checklist
  [x] Inbox cleared
  [ ] Calendar: past week reviewed
  [x] Calendar: next week reviewed
  [ ] Projects and waiting-for reviewed
  [ ] Someday/maybe reviewed

Check-in, 0–10 (serein's own, not a validated scale)
  Energy                   0
  Detachment from work     –

Last edited 2026-11-29 18:30 UTC
";
        assert_eq!(text, want);
    }

    #[test]
    fn text_is_french_with_aligned_labels() {
        let text = crate::i18n::with_lang(crate::i18n::Lang::Fr, || {
            format_text(Some(&review()), &history(), week("2026-W48"))
        });
        assert!(text.contains("  Couple et famille"), "{text}");
        assert!(text.contains("  [x] Boîte de réception vidée"), "{text}");
        assert!(text.contains("Point personnel, 0–10"), "{text}");
        assert!(!text.contains("Energy"), "{text}");
        // Both rows are there, labelled in French.
        let cols: Vec<usize> = text
            .lines()
            .filter(|l| l.starts_with("  Énergie") || l.starts_with("  Couple et famille"))
            .map(|l| l.chars().count())
            .collect();
        assert_eq!(cols.len(), 2, "{text}");
    }

    #[test]
    fn no_review_says_how_to_write_one() {
        assert_eq!(
            format_text(None, &history(), week("2026-W48")),
            "No review saved for 2026-W48 yet. Run `serein review` to write one.\n"
        );
        assert_eq!(to_json(None), "null");
    }

    #[test]
    fn json_is_the_stable_shape() {
        let v: serde_json::Value = serde_json::from_str(&to_json(Some(&review()))).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "week": "2026-W48",
                "monday": "2026-11-23",
                "ratings": {"personal": 7, "work": null, "family": 10, "social": 1, "health": 5},
                "win": "Shipped the importer",
                "what_made_it_possible": "",
                "checklist": {
                    "inbox": true, "calendar_past": false, "calendar_next": true,
                    "projects": false, "someday": false
                },
                "energy": 0,
                "detachment": null,
                "updated": "2026-11-29T18:30:05Z"
            })
        );
    }

    #[test]
    fn week_argument_forms() {
        let ok = [
            (None, "2026-W48"),
            (Some("2026-W47"), "2026-W47"),
            (Some("2026w5"), "2026-W05"),
            (Some("2026-12-31"), "2026-W53"),
            (Some("yesterday"), "2026-W48"),
        ];
        for (arg, want) in ok {
            let got = week_arg(arg, today()).map_err(|f| f.message).unwrap();
            assert_eq!(got.to_string(), want, "{arg:?}");
        }
        let bad = [
            ("2026-W60", "2026 has no week 60"),
            ("next week", "expected an ISO week (2026-W48) or a date"),
            ("2026-13-01", "expected an ISO week (2026-W48) or a date"),
        ];
        for (arg, want) in bad {
            let f = week_arg(Some(arg), today()).unwrap_err();
            assert_eq!(f.exit, crate::cli::Exit::Usage, "{arg}");
            assert!(f.message.contains(want), "{arg}: {}", f.message);
        }
    }

    #[derive(Parser, Debug)]
    struct Cli {
        #[command(flatten)]
        args: ReviewArgs,
    }

    #[test]
    fn json_needs_show() {
        assert!(Cli::try_parse_from(["serein", "--json"]).is_err());
        let c = Cli::try_parse_from(["serein", "--show", "--json", "--week", "2026-W48"]).unwrap();
        assert!(c.args.show && c.args.json);
        assert_eq!(c.args.week.as_deref(), Some("2026-W48"));
    }
}
