//! `serein summary` on a fixed demo data set, compared with checked-in golden files
//! (tests/golden/). `UPDATE_GOLDEN=1 cargo test summary` rewrites them; review the diff.
//! Also: the Week screen rendered from the same data.

use std::path::PathBuf;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Europe::Paris;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serein::app::msg::Msg;
use serein::domain::plan::{Kind, NewTimebox};
use serein::domain::session::{EndReason, Session, SessionKind};
use serein::shell::Shell;
use serein::store::Store;

use crate::{Env, model_at};

/// Offline hours in the demo config: weekday evenings and all of Sunday.
pub const DEMO_CONFIG: &str = "[offline]\nweekdays = \"19:00-08:00\"\nsunday = \"all\"\n";

/// A tiny seeded generator (xorshift), so the demo data is the same on every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn ended(
    title: &str,
    domain: &str,
    kind: SessionKind,
    box_id: Option<i64>,
    start: NaiveDateTime,
    minutes: i64,
    paused: i64,
) -> Session {
    let t = Paris.from_local_datetime(&start).earliest().unwrap();
    let utc = t.with_timezone(&chrono::Utc);
    let mut s = Session::start(
        title,
        domain,
        kind,
        box_id,
        minutes * 60,
        utc,
        start.date(),
        t.offset().fix().local_minus_utc(),
    );
    s.paused_s = paused * 60;
    s.end(
        EndReason::Finished,
        utc + Duration::minutes(minutes + paused),
    )
    .unwrap();
    s
}

/// Four weeks of plausible days, Monday 2026-10-26 to Sunday 2026-11-22 (2026-W44 to W47):
/// planned boxes and the focus sessions run on them, breaks, coherence breathing, an evening
/// session that runs past midnight, weekend work, a Sunday session marked as after-hours.
pub fn demo(store: &mut Store) {
    let mut rng = Rng(0x5E12_E1A5);
    let first = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap();
    for day in 0..28 {
        let date = first + Duration::days(day);
        let wd = date.weekday().num_days_from_monday();
        let at = |min: i64| date.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(min);
        if wd < 5 {
            // Plan: three work boxes and a run; do most of it, with some drift.
            let plan = [
                (9 * 60, 10 * 60 + 30, "Write report", "work"),
                (10 * 60 + 45, 12 * 60, "Code review", "work"),
                (14 * 60, 16 * 60, "Deep work", "work"),
                (18 * 60, 18 * 60 + 45, "Run", "health"),
            ];
            let boxes: Vec<NewTimebox> = plan
                .iter()
                .map(|&(s, e, t, d)| NewTimebox {
                    date,
                    start: s,
                    end: e,
                    title: t.into(),
                    domain: d.into(),
                    kind: Kind::Focus,
                })
                .collect();
            let ids = store.insert_many(&boxes).unwrap();
            for (b, id) in boxes.iter().zip(ids) {
                if rng.below(6) == 0 {
                    continue; // skipped
                }
                let planned = i64::from(b.end - b.start);
                let len = planned - 10 + rng.below(25) as i64;
                let late = rng.below(10) as i64;
                let paused = if rng.below(4) == 0 { 5 } else { 0 };
                let s = ended(
                    &b.title,
                    &b.domain,
                    SessionKind::Focus,
                    Some(id),
                    at(i64::from(b.start) + late),
                    len,
                    paused,
                );
                let id = store.start_session(&s).unwrap();
                for i in 0..rng.below(3) as i64 {
                    let when = s.started + Duration::minutes(5 + 10 * i);
                    store.add_interruption(id, when, Some("chat")).unwrap();
                }
            }
            store
                .start_session(&ended(
                    "Break",
                    "work",
                    SessionKind::Break,
                    None,
                    at(10 * 60 + 32),
                    10,
                    0,
                ))
                .unwrap();
            for (i, t) in [8 * 60 + 30, 12 * 60 + 15, 17 * 60].iter().enumerate() {
                if rng.below(3) > 0 || i == 0 {
                    store
                        .start_session(&ended(
                            "Cardiac coherence (365)",
                            "health",
                            SessionKind::Breathing,
                            None,
                            at(*t),
                            5,
                            0,
                        ))
                        .unwrap();
                }
            }
            if wd == 2 {
                store
                    .start_session(&ended(
                        "Dinner with Sam",
                        "social",
                        SessionKind::Focus,
                        None,
                        at(19 * 60 + 30),
                        120,
                        0,
                    ))
                    .unwrap();
            }
            // Thursdays: a release that runs past midnight.
            if wd == 3 {
                store
                    .start_session(&ended(
                        "Release",
                        "work",
                        SessionKind::Focus,
                        None,
                        at(23 * 60),
                        90,
                        0,
                    ))
                    .unwrap();
            }
        } else {
            // Weekends: family time, and work on three of the four Saturdays.
            store
                .start_session(&ended(
                    "Park with the kids",
                    "family",
                    SessionKind::Focus,
                    None,
                    at(10 * 60),
                    120 + rng.below(60) as i64,
                    0,
                ))
                .unwrap();
            if wd == 5 && day != 5 {
                store
                    .start_session(&ended(
                        "Catch up on email",
                        "work",
                        SessionKind::Focus,
                        None,
                        at(15 * 60),
                        45,
                        0,
                    ))
                    .unwrap();
            }
            if wd == 6 && day == 27 {
                let id = store
                    .start_session(&ended(
                        "Slides for Monday",
                        "work",
                        SessionKind::Focus,
                        None,
                        at(20 * 60),
                        60,
                        0,
                    ))
                    .unwrap();
                store.mark_after_hours(id).unwrap();
            }
        }
    }
}

fn demo_env() -> Env {
    let env = Env::new();
    env.write_config(DEMO_CONFIG);
    std::fs::create_dir_all(env.data_dir()).unwrap();
    let mut store = Store::open(&env.data_dir().join("serein.db")).unwrap();
    demo(&mut store);
    env
}

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `got` with the golden file, or rewrites it with UPDATE_GOLDEN=1.
fn check_golden(name: &str, got: &str) {
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(i, (a, b))| format!("line {}:\n  want {a}\n  got  {b}", i + 1))
            .collect();
        panic!(
            "{name} differs from {} ({} vs {} lines)\n{}",
            path.display(),
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

fn summary(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().arg("summary").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "serein summary {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn summary_golden_outputs_on_the_demo_data() {
    let env = demo_env();
    let week = ["--week", "2026-W47"];
    for (format, file) in [
        ("table", "week.txt"),
        ("json", "week.json"),
        ("csv", "week.csv"),
        ("markdown", "week.md"),
    ] {
        let out = summary(&env, &[week[0], week[1], "--format", format]);
        check_golden(file, &out);
    }
    let range = ["--from", "2026-10-26", "--to", "2026-11-22"];
    for (format, file) in [
        ("table", "range.txt"),
        ("json", "range.json"),
        ("csv", "range.csv"),
        ("markdown", "range.md"),
    ] {
        let mut args = range.to_vec();
        args.extend(["--format", format]);
        check_golden(file, &summary(&env, &args));
    }
    // --last on Monday 2026-11-23 is the same week; --date too.
    assert_eq!(summary(&env, &["--last"]), summary(&env, &week));
    assert_eq!(
        summary(&env, &["--date", "2026-11-20"]),
        summary(&env, &week)
    );
}

#[test]
fn summary_json_is_consistent_with_itself() {
    let env = demo_env();
    let v: serde_json::Value =
        serde_json::from_str(&summary(&env, &["--last", "--format", "json"])).unwrap();
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    let day_domains: i64 = days
        .iter()
        .flat_map(|d| d["by_domain"].as_array().unwrap())
        .map(|x| x["minutes"].as_i64().unwrap())
        .sum();
    let work = v["work_minutes"].as_i64().unwrap();
    let rest = v["rest_of_life_minutes"].as_i64().unwrap();
    assert_eq!(day_domains, work + rest);
    assert!(work > 0 && rest > 0);
    let kinds: Vec<&str> = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    // The demo has weekend work in 3 of 4 weeks, the Sunday evening session in offline
    // hours, and fewer than 21 coherence sessions.
    for k in ["weekend_weeks", "offline_hours", "breathing"] {
        assert!(kinds.contains(&k), "{k} not in {kinds:?}");
    }
    for f in v["flags"].as_array().unwrap() {
        assert!(!f["source"].as_str().unwrap().is_empty());
    }
    // The range over the same four weeks adds up to the four week summaries.
    let range: serde_json::Value = serde_json::from_str(&summary(
        &env,
        &[
            "--from",
            "2026-10-26",
            "--to",
            "2026-11-22",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    let mut sum = 0;
    for w in ["2026-W44", "2026-W45", "2026-W46", "2026-W47"] {
        let wk: serde_json::Value =
            serde_json::from_str(&summary(&env, &["--week", w, "--format", "json"])).unwrap();
        sum += wk["work_minutes"].as_i64().unwrap();
    }
    assert_eq!(range["work_minutes"].as_i64().unwrap(), sum);
    assert_eq!(range["weeks"].as_array().unwrap().len(), 4);
}

#[test]
fn summary_bad_input_is_a_clear_error() {
    let env = Env::new();
    for (args, want) in [
        (vec!["--week", "2026-W54"], "2026 has no week 54"),
        (vec!["--week", "next"], "expected YEAR-Wnn"),
        (
            vec!["--from", "2026-11-30", "--to", "2026-11-01"],
            "is before --from",
        ),
        (vec!["--from", "2026-11-01"], "go together"),
        (vec!["--date", "2026-02-30"], "--date \"2026-02-30\""),
        (vec!["--last", "--week", "2026-W01"], "one of --week"),
        // Years at chrono's limits would overflow date arithmetic: refused, not a panic.
        (vec!["--week", "262143-W01"], "1000 to 9999"),
        (vec!["--date", "+262142-12-31"], "1000 to 9999"),
        (
            vec!["--from=-262143-01-01", "--to=-262143-01-05"],
            "1000 to 9999",
        ),
    ] {
        let out = env.cmd().arg("summary").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = env
        .cmd()
        .args(["summary", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("markdown"));
}

/// The Week screen on the demo data, opened from Today with `w` on Monday 2026-11-23, then
/// `[` for the week before.
fn week_screen(w: u16, h: u16, keys: &[char]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("serein.db")).unwrap();
    demo(&mut store);
    let cfg: serein::config::Config = toml::from_str(DEMO_CONFIG).unwrap();
    let mut m = model_at(crate::at(9, 41));
    m.config = cfg;
    m.week_params = std::sync::Arc::new(serein::app::week::WeekParams::from_config(&m.config));
    let now = m.now;
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, now);
    for c in keys {
        let k = KeyEvent::new(KeyCode::Char(*c), KeyModifiers::NONE);
        shell.dispatch(&mut m, Msg::Key(k), now);
    }
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| serein::ui::view(&m, f)).unwrap();
    t.backend().to_string()
}

#[test]
fn week_screen_renders() {
    assert_snapshot!("week_full_80x24", week_screen(80, 24, &['w', '[']));
    assert_snapshot!("week_full_48x20", week_screen(48, 20, &['w', '[']));
    assert_snapshot!("week_current_empty_80x24", week_screen(80, 24, &['w']));
    assert_snapshot!(
        "week_scrolled_80x24",
        week_screen(80, 24, &['w', '[', 'j', 'j', 'j'])
    );
}

fn key(m: &mut serein::app::model::Model, shell: &mut Shell, code: KeyCode) {
    let now = m.now;
    shell.dispatch(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)), now);
}

#[test]
fn week_and_review_flow_through_the_shell() {
    use serein::app::model::Screen;
    use serein::domain::summary::Week;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("serein.db")).unwrap();
    demo(&mut store);
    let mut m = model_at(crate::at(9, 41));
    let now = m.now;
    {
        let mut shell = Shell::new(&mut store);
        shell.start(&mut m, now);
        key(&mut m, &mut shell, KeyCode::Char('w'));
        assert_eq!(m.screen, Screen::Week);
        let v = m.week.as_ref().unwrap();
        assert_eq!(v.week.to_string(), "2026-W48");
        assert_eq!(v.data.as_ref().unwrap().summary.work_minutes, 0);
        key(&mut m, &mut shell, KeyCode::Char('['));
        let v = m.week.as_ref().unwrap();
        assert_eq!(v.week.to_string(), "2026-W47");
        let s = &v.data.as_ref().unwrap().summary;
        assert_eq!(s.week, v.week, "the loaded summary is the shown week's");
        assert!(s.work_minutes > 20 * 60);
        // The sparkline ends with the shown week.
        let recent = &v.data.as_ref().unwrap().recent;
        assert_eq!(recent.len(), 12);
        assert_eq!(recent.last().unwrap(), &(v.week, s.work_minutes));

        // r: the review of the shown week; rate work 7 (3 steps up from 5 after `l`).
        key(&mut m, &mut shell, KeyCode::Char('r'));
        assert_eq!(m.screen, Screen::Review);
        let r = m.review.as_ref().unwrap();
        assert_eq!(r.form.review.week.to_string(), "2026-W47");
        assert!(r.summary.is_some(), "the review shows the week's numbers");
        key(&mut m, &mut shell, KeyCode::Char('j'));
        key(&mut m, &mut shell, KeyCode::Char('7'));
        // Write a win: Enter, type, Enter.
        for _ in 0..4 {
            key(&mut m, &mut shell, KeyCode::Char('j'));
        }
        key(&mut m, &mut shell, KeyCode::Enter);
        for c in "Shipped the release".chars() {
            key(&mut m, &mut shell, KeyCode::Char(c));
        }
        key(&mut m, &mut shell, KeyCode::Enter);
        // q leaves the form (not typed: no edit is open) and returns to the Week screen.
        key(&mut m, &mut shell, KeyCode::Char('q'));
        assert_eq!(m.screen, Screen::Week);
        key(&mut m, &mut shell, KeyCode::Esc);
        assert_eq!(m.screen, Screen::Today);
    }
    // Saved as it went: the store has it, under its ISO week.
    let saved = store
        .review(Week::parse("2026-W47").unwrap())
        .unwrap()
        .expect("saved");
    assert_eq!(saved.ratings[1], Some(7));
    assert_eq!(saved.win, "Shipped the release");
    assert_eq!(saved.ratings[0], None);
    assert!(
        store
            .review(Week::parse("2026-W48").unwrap())
            .unwrap()
            .is_none()
    );
}

#[test]
fn review_cli_shows_what_the_screen_saved() {
    let env = Env::new();
    std::fs::create_dir_all(env.data_dir()).unwrap();
    {
        let mut store = Store::open(&env.data_dir().join("serein.db")).unwrap();
        let mut m = model_at(crate::at(9, 41));
        let now = m.now;
        let mut shell = Shell::new(&mut store);
        shell.start(&mut m, now);
        key(&mut m, &mut shell, KeyCode::Char('r'));
        key(&mut m, &mut shell, KeyCode::Char('9'));
    }
    let out = env
        .cmd()
        .args(["review", "--show", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["week"], "2026-W48");
    assert_eq!(v["ratings"]["personal"], 9);
    let out = env
        .cmd()
        .args(["review", "--show", "--week", "2026-W47"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No review saved for 2026-W47"));
    let out = env
        .cmd()
        .args(["review", "--show", "--week", "2026-W60"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_week_screen_follows_sessions_logged_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("serein.db");
    let mut store = Store::open(&path).unwrap();
    let mut m = model_at(crate::at(9, 41));
    let now = m.now;
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, now);
    key(&mut m, &mut shell, KeyCode::Char('w'));
    let work = |m: &serein::app::model::Model| {
        m.week
            .as_ref()
            .unwrap()
            .data
            .as_ref()
            .unwrap()
            .summary
            .work_minutes
    };
    assert_eq!(work(&m), 0);
    // Another process (`serein start`/`stop`, the daemon) logs 50 minutes this morning.
    let mut other = Store::open(&path).unwrap();
    other
        .start_session(&ended(
            "Inbox",
            "work",
            SessionKind::Focus,
            None,
            crate::at(8, 0),
            50,
            0,
        ))
        .unwrap();
    let d = shell.dispatch(&mut m, Msg::Tick, now + Duration::seconds(1));
    assert!(d.redraw);
    assert_eq!(work(&m), 50);
    // Nothing changed: nothing is summarized or drawn again.
    let d = shell.dispatch(&mut m, Msg::Tick, now + Duration::seconds(2));
    assert!(!d.redraw);
}

#[test]
fn streamed_range_totals_equal_the_session_by_session_ones() {
    // `serein summary --from --to` streams rows (fast path for sessions within their day);
    // it must give exactly what summarizing whole sessions gives.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("serein.db")).unwrap();
    demo(&mut store);
    let cfg: serein::config::Config = toml::from_str(DEMO_CONFIG).unwrap();
    let params = serein::app::week::WeekParams::from_config(&cfg);
    let now = Paris
        .from_local_datetime(&crate::at(9, 41))
        .unwrap()
        .with_timezone(&chrono::Utc);
    let work: Vec<&str> = params.work_domains.iter().map(String::as_str).collect();
    for (from, to) in [
        ("2026-10-26", "2026-11-22"),
        ("2026-10-30", "2026-11-20"),
        ("2026-11-20", "2026-11-20"),
    ] {
        let (from, to): (NaiveDate, NaiveDate) = (from.parse().unwrap(), to.parse().unwrap());
        let streamed =
            serein::store::summary::load_range(&store, &params, from, to, now, &Paris).unwrap();
        let sessions = store.sessions(from - Duration::days(1), to).unwrap();
        let whole = serein::domain::summary::summarize_range(
            &sessions,
            &work,
            &params.coherence_titles,
            from,
            to,
            now,
            &Paris,
        );
        assert_eq!(streamed, whole, "{from}..{to}");
        assert!(whole.work_minutes > 0);
    }
}
