//! `serein import` and `serein export timew`: the real binary in a temp home. Totals after an
//! import equal the source tool's own report — real `timew summary` when Timewarrior is
//! installed (.ci/run installs it), and totals computed here from the documented Watson and
//! bartib formats otherwise. Importing twice adds nothing; bad input changes nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use chrono::{DateTime, NaiveDateTime, Utc};
use predicates::str::contains;
use serde_json::Value;

use crate::Env;

const CONFIG: &str = "[import]\ndefault_domain = \"personal\"\n\
                      domains = { \"client-a\" = \"work\", \"gym\" = \"health\" }\n";

/// Whether `timew` is here (under CI=true it must be).
fn timew_available() -> bool {
    if Command::new("timew")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    crate::skip::skip("Timewarrior test: timew is not installed");
    false
}

/// A private Timewarrior database under the test's temp dir.
struct Timew {
    db: PathBuf,
    home: PathBuf,
}

impl Timew {
    fn new(env: &Env, name: &str) -> Timew {
        let db = env.path().join(name);
        std::fs::create_dir_all(db.join("data")).unwrap();
        std::fs::write(
            db.join("timewarrior.cfg"),
            "verbose = off\nconfirmation = off\n",
        )
        .unwrap();
        Timew {
            db,
            home: env.path().to_path_buf(),
        }
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("timew")
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("TIMEWARRIORDB", &self.db)
            .env("TZ", "Europe/Paris")
            .output()
            .expect("timew runs");
        assert!(
            out.status.success(),
            "timew {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Seconds `timew summary RANGE [TAG]` reports in its total line.
    fn summary_s(&self, from: &str, to: &str, tag: Option<&str>) -> i64 {
        let mut args = vec!["summary", from, "-", to];
        args.extend(tag);
        let out = self.run(&args);
        if out.trim().is_empty() || out.contains("No filtered data") {
            return 0;
        }
        let total = out.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
        hms(total.trim())
    }
}

fn hms(s: &str) -> i64 {
    let p: Vec<i64> = s.split(':').map(|x| x.parse().unwrap()).collect();
    assert_eq!(p.len(), 3, "not H:MM:SS: {s:?}");
    p[0] * 3600 + p[1] * 60 + p[2]
}

/// serein's sessions of the Monday-to-Sunday week starting `monday`, from
/// `serein log --date D --json` day by day.
fn week_log(env: &Env, monday: &str) -> Vec<Value> {
    let monday: chrono::NaiveDate = monday.parse().unwrap();
    let mut all = Vec::new();
    for i in 0..7 {
        let d = (monday + chrono::Duration::days(i)).to_string();
        let out = env
            .cmd()
            .args(["log", "--json", "--date", &d])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let day: Value = serde_json::from_slice(&out.stdout).unwrap();
        all.extend(day.as_array().unwrap().iter().cloned());
    }
    all
}

/// Seconds per key of each session (`domain`, `local_date`, …).
fn totals(log: &[Value], by: &str) -> BTreeMap<String, i64> {
    let mut t = BTreeMap::new();
    for s in log {
        *t.entry(s[by].as_str().unwrap().to_string()).or_default() +=
            s["actual_s"].as_i64().unwrap();
    }
    t
}

fn stdout(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// Intervals tracked with the real `timew track` in the week of 2026-11-16 (no interval
/// crosses midnight, so timew's days and serein's agree), and one still running later.
const TRACKED: &[(&str, &str, &[&str])] = &[
    (
        "2026-11-16T09:00",
        "2026-11-16T10:30",
        &["client-a", "report"],
    ),
    ("2026-11-16T11:00", "2026-11-16T11:45", &["gym"]),
    ("2026-11-16T14:00", "2026-11-16T14:20", &["reading"]),
    ("2026-11-17T08:15", "2026-11-17T12:05", &["client-a"]),
    ("2026-11-17T18:00", "2026-11-17T19:00", &["gym", "legs"]),
    (
        "2026-11-19T22:00",
        "2026-11-19T23:59",
        &["client-a", "late night"],
    ),
    ("2026-11-20T07:30", "2026-11-20T07:47", &["misc"]),
];

fn fill_timew(tw: &Timew) {
    for (start, end, tags) in TRACKED {
        let mut args = vec!["track", start, "-", end];
        args.extend(tags.iter());
        args.push(":yes");
        tw.run(&args);
    }
    tw.run(&["annotate", "@1", "quick one"]);
    tw.run(&["start", "2026-11-21T10:00", "client-a"]);
}

#[test]
fn timew_data_import_equals_timew_summary_and_is_idempotent() {
    if !timew_available() {
        return;
    }
    let env = Env::new();
    env.write_config(CONFIG);
    let tw = Timew::new(&env, "timewdb");
    fill_timew(&tw);

    let dry = stdout(
        env.cmd()
            .args(["import", "timew", "--dry-run"])
            .env("TIMEWARRIORDB", &tw.db)
            .assert()
            .success(),
    );
    assert!(
        dry.contains("would import 7 sessions from Timewarrior"),
        "{dry}"
    );
    assert!(dry.contains("still running (no end)"), "{dry}");
    assert!(dry.contains("(dry run: nothing was written)"), "{dry}");
    assert!(
        week_log(&env, "2026-11-16").is_empty(),
        "a dry run writes nothing"
    );

    let first = stdout(
        env.cmd()
            .args(["import", "timew"])
            .env("TIMEWARRIORDB", &tw.db)
            .assert()
            .success(),
    );
    assert!(first.contains("imported 7 sessions"), "{first}");
    assert!(first.contains("0 already there; 1 skipped"), "{first}");
    assert!(
        first.contains("2026-11.data:8: still running (no end)"),
        "{first}"
    );
    let again = stdout(
        env.cmd()
            .args(["import", "timew", tw.db.join("data").to_str().unwrap()])
            .assert()
            .success(),
    );
    assert!(again.contains("imported 0 sessions"), "{again}");
    assert!(again.contains("7 already there"), "{again}");

    let log = week_log(&env, "2026-11-16");
    assert_eq!(log.len(), 7);
    // Per day: timew's summary of that day (the running interval starts on the 21st).
    let by_day = totals(&log, "local_date");
    for day in 16..=20 {
        let (d, next) = (format!("2026-11-{day}"), format!("2026-11-{}", day + 1));
        let want = tw.summary_s(&d, &next, None);
        assert_eq!(by_day.get(&d).copied().unwrap_or(0), want, "{d}");
    }
    // Per domain: the tags mapped to it, by timew's summary of each tag.
    let by_domain = totals(&log, "domain");
    let week = |tag| tw.summary_s("2026-11-16", "2026-11-21", tag);
    let (all, work, health) = (week(None), week(Some("client-a")), week(Some("gym")));
    assert_eq!(by_domain["work"], work);
    assert_eq!(by_domain["health"], health);
    assert_eq!(by_domain["personal"], all - work - health);
    assert_eq!(all, by_day.values().sum::<i64>());
    // Titles from the other tags, the annotation kept as the note.
    let titles: Vec<&str> = log.iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "report",
            "gym",
            "reading",
            "client-a",
            "legs",
            "late night",
            "misc"
        ]
    );
    assert_eq!(log[6]["note"], "quick one");
    assert_eq!(log[6]["domain"], "personal");

    // `timew export` read from standard input: the same intervals, all already there.
    let json = tw.run(&["export"]);
    let from_json = stdout(
        env.cmd()
            .args(["import", "timew", "-"])
            .write_stdin(json)
            .assert()
            .success(),
    );
    assert!(from_json.contains("imported 0 sessions"), "{from_json}");
    assert!(
        from_json.contains("7 already there; 1 skipped"),
        "{from_json}"
    );
    assert!(from_json.contains("<stdin>:"), "{from_json}");
}

/// serein's own sessions: plain, paused, a break with a note, and a breathing exercise.
fn seed_sessions(env: &Env) {
    use serein::domain::session::{EndReason, Session, SessionKind, State};
    let t = |s: &str| format!("{s}:00Z").parse::<DateTime<Utc>>().unwrap();
    let mut store = serein::store::Store::open(&env.data_dir().join("serein.db")).unwrap();
    let rows = [
        (
            "Write report",
            "work",
            SessionKind::Focus,
            "2026-11-17T08:00",
            "2026-11-17T09:30",
            0,
            0,
            None,
        ),
        (
            "Code review",
            "work",
            SessionKind::Focus,
            "2026-11-17T10:00",
            "2026-11-17T11:00",
            600,
            2,
            Some("two calls"),
        ),
        (
            "Stretch",
            "work",
            SessionKind::Break,
            "2026-11-17T11:00",
            "2026-11-17T11:10",
            0,
            0,
            Some("felt \"good\""),
        ),
        (
            "Run",
            "health",
            SessionKind::Focus,
            "2026-11-18T17:00",
            "2026-11-18T17:40",
            0,
            0,
            None,
        ),
        (
            "Coherence",
            "personal",
            SessionKind::Breathing,
            "2026-11-18T18:00",
            "2026-11-18T18:05",
            0,
            0,
            None,
        ),
    ];
    for (title, domain, kind, start, end, paused_s, pauses, note) in rows {
        let started = t(start);
        let at = serein::domain::time::Now::at(
            started,
            serein::domain::time::Zone::Named(chrono_tz::Europe::Paris),
        );
        let mut s = Session::start(
            title,
            domain,
            kind,
            None,
            1500,
            started,
            at.local.date(),
            at.offset_s(),
        );
        s.paused_s = paused_s;
        s.pauses = pauses;
        s.note = note.map(String::from);
        s.state = State::Ended {
            at: t(end),
            reason: EndReason::Finished,
            overrun_s: 0,
        };
        store.start_session(&s).unwrap();
    }
}

fn export(env: &Env) -> String {
    stdout(env.cmd().args(["export", "timew"]).assert().success())
}

#[test]
fn export_reads_back_into_timew_and_into_a_fresh_serein() {
    let env = Env::new();
    seed_sessions(&env);
    let json = export(&env);
    let items: Vec<Value> = serde_json::from_str(&json).expect("export is JSON");
    // The session paused twice is three stretches; breathing is left out.
    assert_eq!(items.len(), 6, "{json}");
    assert_eq!(items[0]["id"], 6);
    assert_eq!(
        items[0]["tags"],
        serde_json::json!(["work", "Write report"])
    );
    assert_eq!(
        items[4]["tags"],
        serde_json::json!(["work", "Stretch", "break"])
    );
    assert_eq!(items[4]["annotation"], "felt \"good\"");
    let original = week_log(&env, "2026-11-16");

    // Into a fresh serein: same totals by day, domain and kind; importing again adds nothing.
    let fresh = Env::new();
    let first = stdout(
        fresh
            .cmd()
            .args(["import", "timew", "-"])
            .write_stdin(json.clone())
            .assert()
            .success(),
    );
    assert!(first.contains("imported 6 sessions"), "{first}");
    fresh
        .cmd()
        .args(["import", "timew", "-"])
        .write_stdin(json.clone())
        .assert()
        .success()
        .stdout(contains("imported 0 sessions"))
        .stdout(contains("6 already there"));
    let copy = week_log(&fresh, "2026-11-16");
    let no_breath: Vec<Value> = original
        .iter()
        .filter(|s| s["kind"] != "breathing")
        .cloned()
        .collect();
    for key in ["local_date", "domain", "kind", "title"] {
        assert_eq!(totals(&copy, key), totals(&no_breath, key), "by {key}");
    }
    // And its export is the original's (a paused session's stretches stay stretches).
    assert_eq!(export(&fresh), json);
    // serein's own export read back into the same database finds everything already there.
    env.cmd()
        .args(["import", "timew", "-"])
        .write_stdin(json.clone())
        .assert()
        .success()
        .stdout(contains("imported 0 sessions"))
        .stdout(contains("6 already there"));

    // Into Timewarrior, interval by interval (timew 1.4 has no `import`): its own export then
    // holds the same intervals, ids, tags and annotations.
    if !timew_available() {
        return;
    }
    let tw = Timew::new(&env, "roundtrip");
    for it in &items {
        let mut args: Vec<String> = vec![
            "track".into(),
            it["start"].as_str().unwrap().into(),
            "-".into(),
            it["end"].as_str().unwrap().into(),
        ];
        args.extend(
            it["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_string()),
        );
        args.push(":yes".into());
        tw.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        if let Some(a) = it["annotation"].as_str() {
            tw.run(&["annotate", "@1", a]);
        }
    }
    let back: Vec<Value> = serde_json::from_str(&tw.run(&["export"])).unwrap();
    let norm = |v: &Vec<Value>| -> Vec<Value> {
        v.iter()
            .map(|i| {
                let mut i = i.clone();
                let mut tags: Vec<String> = i["tags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect();
                tags.sort();
                i["tags"] = serde_json::json!(tags);
                i
            })
            .collect()
    };
    assert_eq!(norm(&back), norm(&items));
    // And serein reads timew's data folder back as the same sessions.
    fresh
        .cmd()
        .args(["import", "timew", tw.db.to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("imported 0 sessions"))
        .stdout(contains("6 already there"));
}

/// A Watson `frames` file as Watson writes it: `[start, stop, project, id, tags, updated_at]`.
const FRAMES: &str = r#"[
 [1795165200, 1795170600, "client-a", "f1a1", ["report"], 1795170601],
 [1795172400, 1795175100, "gym", "f2b2", [], 1795175101],
 [1795251600, 1795265400, "side-project", "f3c3", ["client-a", "rust"], 1795265401],
 [1795280400, 1795284000, "gym", "f4d4", ["legs"], 1795284001]
]"#;

#[test]
fn watson_frames_total_like_watson_report() {
    let env = Env::new();
    env.write_config(CONFIG);
    let dir = env.path().join("watson");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("frames"), FRAMES).unwrap();
    let out = stdout(
        env.cmd()
            .args(["import", "watson"])
            .env("WATSON_DIR", &dir)
            .assert()
            .success(),
    );
    assert!(out.contains("imported 4 sessions from Watson"), "{out}");
    env.cmd()
        .args(["import", "watson", dir.join("frames").to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("imported 0 sessions"))
        .stdout(contains("4 already there"));

    // What `watson report` sums: stop - start per project (and per day, in Paris).
    let frames: Vec<Value> = serde_json::from_str(FRAMES).unwrap();
    let mut by_project: BTreeMap<&str, i64> = BTreeMap::new();
    let mut by_day: BTreeMap<String, i64> = BTreeMap::new();
    for f in &frames {
        let (a, b) = (f[0].as_i64().unwrap(), f[1].as_i64().unwrap());
        *by_project.entry(f[2].as_str().unwrap()).or_default() += b - a;
        let day = DateTime::from_timestamp(a, 0)
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Paris)
            .date_naive();
        *by_day.entry(day.to_string()).or_default() += b - a;
    }
    let log = week_log(&env, "2026-11-16");
    assert_eq!(totals(&log, "local_date"), by_day);
    let by_domain = totals(&log, "domain");
    // The project comes first: "side-project" maps to nothing, its tag "client-a" does.
    assert_eq!(
        by_domain["work"],
        by_project["client-a"] + by_project["side-project"]
    );
    assert_eq!(by_domain["health"], by_project["gym"]);
    let titles: Vec<&str> = log.iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "client-a +report",
            "gym",
            "side-project +client-a +rust",
            "gym +legs"
        ]
    );
}

const BARTIB: &str = "2026-11-16 09:00 - 2026-11-16 10:30 | client-a | write report\n\
2026-11-16 11:00 - 2026-11-16 11:45 | gym | \n\
\n\
2026-11-17 08:10 - 2026-11-17 12:00 | client\\|b | call \\\\ notes\n\
2026-11-17 13:00 - 2026-11-17 13:25 | gym | stretch\n\
2026-11-18 09:00 | client-a | still going\n";

/// bartib's own arithmetic: end - start of local wall times, per project and per day.
fn bartib_totals(text: &str) -> (BTreeMap<String, i64>, BTreeMap<String, i64>) {
    let (mut by_project, mut by_day) = (BTreeMap::new(), BTreeMap::new());
    for line in text.lines().filter(|l| l.contains(" - ")) {
        let (times, rest) = line.split_once(" | ").unwrap();
        let (a, b) = times.split_once(" - ").unwrap();
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let secs = (t(b) - t(a)).num_seconds();
        let project = rest.split(" | ").next().unwrap().replace("\\|", "|");
        *by_project.entry(project).or_default() += secs;
        *by_day.entry(t(a).date().to_string()).or_default() += secs;
    }
    (by_project, by_day)
}

#[test]
fn bartib_file_totals_like_bartib_report() {
    let env = Env::new();
    env.write_config(CONFIG);
    let file = env.path().join("activities.bartib");
    std::fs::write(&file, BARTIB).unwrap();
    let path = file.to_str().unwrap();
    let out = stdout(
        env.cmd()
            .args(["import", "bartib", path])
            .assert()
            .success(),
    );
    assert!(out.contains("imported 4 sessions from bartib"), "{out}");
    assert!(
        out.contains("activities.bartib:6: still running (no end)"),
        "{out}"
    );
    env.cmd()
        .args(["import", "bartib"])
        .env("BARTIB_FILE", path)
        .assert()
        .success()
        .stdout(contains("4 already there"));
    let (by_project, by_day) = bartib_totals(BARTIB);
    let log = week_log(&env, "2026-11-16");
    assert_eq!(totals(&log, "local_date"), by_day);
    let by_domain = totals(&log, "domain");
    assert_eq!(by_domain["work"], by_project["client-a"]);
    assert_eq!(by_domain["health"], by_project["gym"]);
    assert_eq!(by_domain["personal"], by_project["client|b"]);
    // Local wall times in Paris: 09:00 CET is 08:00 UTC.
    assert_eq!(log[0]["started"], "2026-11-16T08:00:00Z");
    assert_eq!(log[2]["title"], "call \\ notes");
}

#[test]
fn bad_input_names_file_line_and_column_and_writes_nothing() {
    let env = Env::new();
    let file = env.path().join("2026-11.data");
    std::fs::write(
        &file,
        "inc 20261116T090000Z - 20261116T100000Z # a\ninc 20261116T110000Z - 2026-11-16 # b\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    env.cmd()
        .args(["import", "timew", path])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "{path}:2:24: end \"2026-11-16\": expected a UTC time like 20261123T090000Z"
        )))
        .stderr(contains("1 line can't be read; nothing was imported"));
    assert!(
        week_log(&env, "2026-11-16").is_empty(),
        "nothing was written"
    );
    // --skip-bad imports the rest and says what it left out.
    env.cmd()
        .args(["import", "timew", path, "--skip-bad"])
        .assert()
        .success()
        .stdout(contains("imported 1 session"))
        .stdout(contains(format!("skipped {path}:2:24: end")));

    // Broken JSON: line and column.
    env.cmd()
        .args(["import", "watson", "-"])
        .write_stdin("[\n [1, 2, \"p\", \"id\"]\n [3, 4]\n]")
        .assert()
        .code(2)
        .stderr(contains("<stdin>:3:2: expected `,` or `]` after an item"));
    // A mapping to a domain that doesn't exist is a config error at its place.
    env.write_config("[import]\ndomains = { gym = \"fitness\" }\n");
    env.cmd()
        .args(["import", "bartib", path])
        .assert()
        .code(2)
        .stderr(contains(
            "config.toml:2:13: [import] domains: \"gym\" = \"fitness\" is not one of the domains",
        ));
    // A missing file is named.
    env.write_config("");
    env.cmd()
        .args(["import", "bartib", "/nonexistent/activities"])
        .assert()
        .code(1)
        .stderr(contains("/nonexistent/activities: No such file"));
}

#[test]
fn export_range_and_bad_dates() {
    let env = Env::new();
    seed_sessions(&env);
    let day = stdout(
        env.cmd()
            .args([
                "export",
                "timew",
                "--from",
                "2026-11-18",
                "--to",
                "2026-11-18",
            ])
            .assert()
            .success(),
    );
    let items: Vec<Value> = serde_json::from_str(&day).unwrap();
    assert_eq!(items.len(), 1, "{day}");
    assert_eq!(items[0]["tags"], serde_json::json!(["health", "Run"]));
    env.cmd()
        .args(["export", "timew", "--from", "someday"])
        .assert()
        .code(2)
        .stderr(contains("date \"someday\" not understood"));
    let empty = Env::new();
    empty
        .cmd()
        .args(["export", "timew"])
        .assert()
        .success()
        .stdout("[\n]\n");
}
