//! CLI tests: the real binary with a private temp home. Bad input exits non-zero with the
//! message on stderr and changes nothing.

use predicates::prelude::*;
use predicates::str::contains;

use crate::{Env, list_json};

#[test]
fn add_list_move_rm() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:00-10:30 Write report #work"])
        .assert()
        .success()
        .stdout(contains("added #1 09:00-10:30 Write report (work)"));
    // Unquoted words are joined; tomorrow is a different day.
    env.cmd()
        .args([
            "plan", "add", "45m", "Inbox", "triage", "--date", "tomorrow",
        ])
        .assert()
        .success()
        .stdout(contains("08:00-08:45 Inbox triage"));
    // Overlaps are accepted with a warning naming the other box.
    env.cmd()
        .args(["plan", "add", "10:00-11:00 Standup #work"])
        .assert()
        .success()
        .stderr(contains("warning: overlaps #1 09:00-10:30 Write report"));

    let day = list_json(&env, "2026-11-23");
    assert_eq!(day["date"], "2026-11-23");
    let boxes = day["boxes"].as_array().unwrap();
    assert_eq!(boxes.len(), 2);
    assert_eq!(boxes[0]["title"], "Write report");
    assert_eq!(boxes[0]["start"], "09:00");
    assert_eq!(boxes[0]["minutes"], 90);
    assert_eq!(boxes[0]["kind"], "focus");
    assert_eq!(day["work_minutes"], 120);
    assert_eq!(day["work_limit_minutes"], 480);
    assert_eq!(day["overlapping_ids"], serde_json::json!([1, 3]));

    env.cmd()
        .args(["plan", "move", "3", "14:30"])
        .assert()
        .success()
        .stdout(contains("moved #3 14:30-15:30 Standup"));
    env.cmd()
        .args(["plan", "list"])
        .assert()
        .success()
        .stdout(contains("Monday 23 November 2026"))
        .stdout(contains("14:30-15:30"))
        .stdout(contains("work 2h30 of 8h"));
    env.cmd().args(["plan", "done", "1"]).assert().success();
    env.cmd()
        .args(["plan", "rm", "3"])
        .assert()
        .success()
        .stdout(contains("removed #3"));
    let day = list_json(&env, "today");
    assert_eq!(day["boxes"].as_array().unwrap().len(), 1);
    assert_eq!(day["boxes"][0]["done"], true);
}

#[test]
fn bad_input_is_refused_with_a_clear_message() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:00-10:00 Keep me"])
        .assert()
        .success();
    // (args, stderr fragment)
    let cases: &[(&[&str], &str)] = &[
        (&["plan", "add", "25:00-26:00 x"], "hours go from 00 to 23"),
        (&["plan", "add", "10:00-09:00 x"], "before the start"),
        (&["plan", "add", "10:00-11:00"], "title is missing"),
        (
            &["plan", "add", "10:00-11:00 x #wrok"],
            "unknown domain \"#wrok\"",
        ),
        (&["plan", "add", "22:00-01:00 Late"], "midnight"),
        (&["plan", "add", "23:30 +1h Late"], "midnight"),
        (&["plan", "add", "Just a title"], "accepted:"),
        (
            &["plan", "add", "10:00-11:00 x", "--date", "someday"],
            "YYYY-MM-DD",
        ),
        (&["plan", "rm", "99"], "no box #99"),
        (&["plan", "move", "1", "26:00"], "not a start time"),
        (&["plan", "move", "1", "23:30"], "midnight"),
        (&["plan", "move", "42", "10:00"], "no box #42"),
        (&["plan", "clear"], "without --yes"),
        (&["plan", "apply-template", "nope"], "no template \"nope\""),
    ];
    for (args, frag) in cases {
        env.cmd()
            .args(*args)
            .assert()
            .failure()
            .code(2)
            .stderr(contains(*frag));
    }
    // Nothing was changed by any of them.
    let day = list_json(&env, "today");
    let boxes = day["boxes"].as_array().unwrap();
    assert_eq!(boxes.len(), 1);
    assert_eq!(boxes[0]["start"], "09:00");
}

#[test]
fn clear_with_yes_and_templates() {
    let env = Env::new();
    env.write_config(
        "[[template]]\nname = \"weekday\"\nboxes = [\"09:00-10:30 Deep work #work\", \"30m Walk #health\", \"12:00-13:00 Lunch #break\"]\n",
    );
    env.cmd()
        .args(["plan", "apply-template", "weekday", "--date", "2026-11-24"])
        .assert()
        .success()
        .stdout(contains("08:00-08:30 Walk"))
        .stdout(contains("12:00-13:00 Lunch (break)"));
    env.cmd()
        .args(["plan", "templates"])
        .assert()
        .success()
        .stdout(contains("weekday"));
    // Unfinished boxes of the 24th go to the 25th.
    env.cmd()
        .args(["plan", "copy-unfinished", "--date", "2026-11-25"])
        .assert()
        .success()
        .stdout(contains("09:00-10:30 Deep work"));
    env.cmd()
        .args(["plan", "clear", "--date", "2026-11-24", "--yes"])
        .assert()
        .success()
        .stdout(contains("removed 3 boxes"));
    assert_eq!(
        list_json(&env, "2026-11-24")["boxes"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        list_json(&env, "2026-11-25")["boxes"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn config_errors_name_file_line_and_column() {
    let env = Env::new();
    env.write_config("day_start = \"08:00\"\nwork_hours_per_day = \"eight\"\n");
    let file = env.config_file().display().to_string();
    env.cmd()
        .args(["config", "check"])
        .assert()
        .code(2)
        .stderr(contains(format!("{file}:2:22:")))
        .stderr(contains(
            "work_hours_per_day: \"eight\" is not a length: expected a number of hours",
        ));
    // The same error stops `plan` commands before anything is touched.
    env.cmd()
        .args(["plan", "list"])
        .assert()
        .code(2)
        .stderr(contains(format!("{file}:2:22:")));
    assert!(!env.data_dir().join("serein.db").exists());

    env.write_config("day_start = \"8\"\nwrok_hours = 7\n");
    env.cmd()
        .args(["config", "check"])
        .assert()
        .success()
        .stderr(contains(format!(
            "warning: {file}:2:1: unknown key `wrok_hours`"
        )));
    env.write_config("[[domain]]\nname = \"Work Stuff\"\n");
    env.cmd()
        .args(["config", "check"])
        .assert()
        .code(2)
        .stderr(contains(":2:1:"))
        .stderr(contains("lowercase word"));
}

#[test]
fn config_path_init_and_explicit_file() {
    let env = Env::new();
    let file = env.config_file().display().to_string();
    env.cmd()
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(contains(format!("{file} (not created; defaults apply)")));
    env.cmd().args(["config", "init"]).assert().success();
    assert_eq!(
        std::fs::read_to_string(env.config_file()).unwrap(),
        serein::config::EXAMPLE
    );
    env.cmd()
        .args(["config", "check"])
        .assert()
        .success()
        .stdout(contains(": ok"));
    env.cmd()
        .args(["config", "init"])
        .assert()
        .code(2)
        .stderr(contains("--force"));
    // A config file named explicitly must exist.
    env.cmd()
        .args(["--config", "/nonexistent/serein.toml", "plan", "list"])
        .assert()
        .failure()
        .stderr(contains("/nonexistent/serein.toml"));
    // SEREIN_DATA_DIR moves the database.
    let other = env.path().join("elsewhere");
    env.cmd()
        .env("SEREIN_DATA_DIR", &other)
        .args(["plan", "add", "09:00-10:00 Here"])
        .assert()
        .success();
    assert!(other.join("serein.db").exists());
}

#[test]
fn foreign_and_newer_databases_are_refused_untouched() {
    let env = Env::new();
    let db = env.data_dir().join("serein.db");
    std::fs::create_dir_all(env.data_dir()).unwrap();

    std::fs::write(&db, b"these are my notes, not a database").unwrap();
    env.cmd()
        .args(["plan", "list"])
        .assert()
        .code(1)
        .stderr(contains("is not a serein database"))
        .stderr(contains("left untouched"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        b"these are my notes, not a database"
    );

    // A serein database from the future.
    std::fs::remove_file(&db).unwrap();
    env.cmd()
        .args(["plan", "add", "09:00-10:00 x"])
        .assert()
        .success();
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    env.cmd()
        .args(["plan", "list"])
        .assert()
        .code(1)
        .stderr(contains("newer serein"))
        .stderr(contains("999"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// The exit status is part of the interface (README): 0 done, 2 bad input (nothing changed),
/// 1 anything else — here a database that isn't serein's, whatever the command.
#[test]
fn exit_codes_are_pinned() {
    let ok = Env::new();
    let foreign = Env::new();
    std::fs::create_dir_all(foreign.data_dir()).unwrap();
    let db = foreign.data_dir().join("serein.db");
    std::fs::write(&db, b"these are my notes, not a database").unwrap();
    let cases: &[(&Env, &[&str], i32)] = &[
        (&ok, &["plan", "add", "09:00-10:00 Write #work"], 0),
        (&ok, &["plan", "list"], 0),
        (&ok, &["log"], 0),
        (&ok, &["status"], 0),
        // Bad time strings: usage.
        (&ok, &["plan", "add", "25:00-26:00 Write"], 2),
        (&ok, &["plan", "move", "1", "24:30"], 2),
        (&ok, &["start", "Write", "--for", "soon"], 2),
        (&ok, &["extend", "-5m"], 2),
        (&ok, &["log", "--date", "2026-02-30"], 2),
        // Not serein's database: failure, for every command that opens it.
        (&foreign, &["plan", "list"], 1),
        (&foreign, &["plan", "add", "09:00-10:00 Write"], 1),
        (&foreign, &["start", "Write", "--for", "25m"], 1),
        (&foreign, &["status"], 1),
        (&foreign, &["log"], 1),
    ];
    for (env, args, code) in cases {
        let out = env.cmd().args(*args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {stderr}");
        if *code == 1 {
            assert!(
                stderr.contains("is not a serein database"),
                "{args:?}: {stderr}"
            );
        }
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        b"these are my notes, not a database"
    );
}

#[test]
fn help_and_version_everywhere() {
    let env = Env::new();
    env.cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(contains(env!("CARGO_PKG_VERSION")));
    let commands: &[&[&str]] = &[
        &[],
        &["plan"],
        &["plan", "add"],
        &["plan", "list"],
        &["plan", "rm"],
        &["plan", "move"],
        &["plan", "done"],
        &["plan", "clear"],
        &["plan", "apply-template"],
        &["plan", "copy-unfinished"],
        &["plan", "templates"],
        &["config"],
        &["config", "path"],
        &["config", "check"],
        &["config", "init"],
        &["completions"],
        &["man"],
        &["start"],
        &["stop"],
        &["pause"],
        &["resume"],
        &["extend"],
        &["status"],
        &["log"],
        &["log", "edit"],
        &["log", "rm"],
        &["breathe"],
        &["doctor"],
        &["daemon"],
        &["offline"],
        &["offline", "status"],
        &["offline", "on"],
        &["offline", "off"],
    ];
    for c in commands {
        env.cmd()
            .args(*c)
            .arg("--help")
            .assert()
            .success()
            .stdout(contains("Usage: serein"));
    }
    env.cmd()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(contains("_serein"));
    env.cmd()
        .arg("man")
        .assert()
        .success()
        .stdout(contains(".TH serein"));
}

#[test]
fn bad_serein_now_is_refused() {
    let env = Env::new();
    env.cmd()
        .env("SEREIN_NOW", "yesterday-ish")
        .args(["plan", "list"])
        .assert()
        .code(2)
        .stderr(contains("SEREIN_NOW").and(contains("2026-11-23T09:00")));
}

#[test]
fn dst_night_boxes_show_real_lengths() {
    let env = Env::new();
    // Europe/Paris (set in Env::vars): 02:00 → 03:00 on 2026-03-29, 03:00 → 02:00 on 2026-10-25.
    for (date, minutes) in [("2026-03-29", 60), ("2026-10-25", 180), ("2026-11-23", 120)] {
        env.cmd()
            .args([
                "plan",
                "add",
                "01:30-03:30 Night deploy #work",
                "--date",
                date,
            ])
            .assert()
            .success();
        let day = list_json(&env, date);
        assert_eq!(day["boxes"][0]["minutes"], minutes, "{date}");
        assert_eq!(day["work_minutes"], minutes, "{date}");
    }
}

/// Issue 14: a template applied twice used to add every box again (overlapping copies).
#[test]
fn a_template_applied_twice_adds_nothing_new() {
    let env = Env::new();
    env.write_config(
        "[[template]]\nname = \"weekday\"\nboxes = [\"09:00-10:30 Deep work #work\", \"30m Walk #health\"]\n",
    );
    let apply = || {
        env.cmd()
            .args(["plan", "apply-template", "weekday"])
            .assert()
    };
    apply()
        .success()
        .stdout(contains("added #1 09:00-10:30 Deep work (work)"));
    apply()
        .success()
        .stdout(contains("already there: #1 09:00-10:30 Deep work (work)"))
        .stdout(contains("already there: #2"))
        .stdout(contains(
            "nothing to add: template \"weekday\" is already on Mon 23 Nov 2026",
        ))
        .stdout(contains("added").not());
    let day = list_json(&env, "today");
    assert_eq!(day["boxes"].as_array().unwrap().len(), 2, "{day}");
    // A box removed since comes back alone.
    env.cmd().args(["plan", "rm", "2"]).assert().success();
    apply()
        .success()
        .stdout(contains("already there: #1"))
        .stdout(contains(
            "added #3 08:00-08:30 Walk (health) on Mon 23 Nov 2026 (today)",
        ));
}

/// Issue 14: `serein plan add 9:00 +30m Write #work --date tomorrow` unquoted loses
/// `#work --date tomorrow` to the shell; the confirmation names the day so it shows.
#[test]
fn added_boxes_name_their_day() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "9:00", "+30m", "Write"])
        .assert()
        .success()
        .stdout(contains(
            "added #1 09:00-09:30 Write (work) on Mon 23 Nov 2026 (today)",
        ));
    env.cmd()
        .args(["plan", "add", "9:00 +30m Write #work", "--date", "tomorrow"])
        .assert()
        .success()
        .stdout(contains("on Tue 24 Nov 2026 (tomorrow)"));
    env.cmd()
        .args(["plan", "add", "45m Read", "--date", "2026-12-03"])
        .assert()
        .success()
        .stdout(contains(
            "added #3 08:00-08:45 Read (work) on Thu 3 Dec 2026",
        ));
}

fn at(env: &Env, time: &str) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("SEREIN_NOW", format!("2026-11-23T{time}"));
    c
}

/// Issue 14: `log --week --date D` was refused although the help promised "that date's
/// week"; now help and behaviour agree.
#[test]
fn log_week_with_a_date_shows_that_week() {
    let env = Env::new();
    at(&env, "09:00")
        .args(["start", "Write #work", "--for", "25m"])
        .assert()
        .success();
    at(&env, "09:20").arg("stop").assert().success();
    // From the next week, --date in the first week with --week shows it, either order.
    for args in [
        ["log", "--week", "--date", "2026-11-25"],
        ["log", "--date", "2026-11-25", "--week"],
    ] {
        env.cmd()
            .env("SEREIN_NOW", "2026-12-02T10:00")
            .args(args)
            .assert()
            .success()
            .stdout(contains("Monday 23 November 2026"))
            .stdout(contains("Write"));
    }
    env.cmd()
        .args(["log", "--week", "--date", "2026-11-16"])
        .assert()
        .success()
        .stdout(contains("no sessions from 2026-11-16 to 2026-11-22"));
    env.cmd()
        .args(["log", "--help"])
        .assert()
        .success()
        .stdout(contains("with --week, the week holding it"))
        .stdout(contains("with --date that date's week"));
}

/// Issue 14: `log edit ID` with nothing to change said "updated".
#[test]
fn log_edit_without_a_change_is_a_usage_error() {
    let env = Env::new();
    at(&env, "09:00")
        .args(["start", "Write #work", "--for", "25m"])
        .assert()
        .success();
    at(&env, "09:20").arg("stop").assert().success();
    at(&env, "09:40")
        .args(["log", "edit", "1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("nothing to change on session s1"))
        .stderr(contains("--start"));
}

/// Issue 14: a running session's row ("09:00-now") was two columns shorter than the others.
#[test]
fn a_running_session_keeps_the_log_columns_aligned() {
    let env = Env::new();
    at(&env, "08:00")
        .args(["start", "Inbox #work", "--for", "25m"])
        .assert()
        .success();
    at(&env, "08:20").arg("stop").assert().success();
    at(&env, "09:00")
        .args(["start", "Write #work", "--for", "45m"])
        .assert()
        .success();
    let out = at(&env, "09:10").arg("log").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    // The kind column ("focus") starts at the same place on both rows.
    let col = |r: &str| r.find("focus").unwrap_or_else(|| panic!("{text}"));
    assert_eq!(col(rows[0]), col(rows[1]), "{text}");
    let col = |r: &str| r.find(" of ").unwrap_or_else(|| panic!("{text}"));
    assert_eq!(col(rows[0]), col(rows[1]), "{text}");
    assert!(rows[1].contains("09:00-now"), "{text}");
}

/// Issue 14: box and session ids look alike; `#8` was refused by `plan rm`, and `start 164`
/// with a session's id said only "no box".
#[test]
fn box_and_session_ids_are_told_apart() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:00-09:30 Mail #work"])
        .assert()
        .success();
    env.cmd()
        .args(["plan", "add", "10:00-10:30 Call #work"])
        .assert()
        .success();
    env.cmd()
        .args(["plan", "done", "#1"])
        .assert()
        .success()
        .stdout(contains("done: #1"));
    env.cmd()
        .args(["plan", "move", "#2", "11:00"])
        .assert()
        .success()
        .stdout(contains("moved #2 11:00-11:30"));
    // Three sessions, so s3 exists and box #3 does not.
    for (from, to) in [("08:00", "08:04"), ("08:10", "08:14"), ("08:20", "08:24")] {
        at(&env, from)
            .args(["start", "Quick #work", "--for", "5m"])
            .assert()
            .success();
        at(&env, to).arg("stop").assert().success();
    }
    at(&env, "09:00")
        .args(["log"])
        .assert()
        .success()
        .stdout(contains("  s3 "));
    at(&env, "09:00")
        .args(["start", "3"])
        .assert()
        .code(2)
        .stderr(contains(
            "3 is not a box id: there is no box #3; s3 is a session",
        ));
    at(&env, "09:00")
        .args(["start", "s3"])
        .assert()
        .code(2)
        .stderr(contains("\"s3\" is a session id"));
    at(&env, "09:00")
        .args(["start", "7"])
        .assert()
        .code(2)
        .stderr(contains("there is no box #7").and(contains("session").not()));
    env.cmd()
        .args(["plan", "rm", "s2"])
        .assert()
        .code(2)
        .stderr(contains("is a session id"));
    env.cmd()
        .args(["log", "rm", "#2"])
        .assert()
        .code(2)
        .stderr(contains("is a box id"));
    env.cmd()
        .args(["log", "edit", "s2", "--note", "ok"])
        .assert()
        .success()
        .stdout(contains("updated session s2"));
    env.cmd()
        .args(["plan", "rm", "#2"])
        .assert()
        .success()
        .stdout(contains("removed #2"));
    env.cmd()
        .args(["plan", "rm", "3"])
        .assert()
        .code(2)
        .stderr(contains("no box #3 (s3 is a session"));
}

/// Issue 14: `plan move 8 23:00` on a long box: a clear refusal naming the latest start.
#[test]
fn moving_a_box_past_midnight_is_refused_with_the_latest_start() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:00-10:30 Write #work"])
        .assert()
        .success();
    env.cmd()
        .args(["plan", "move", "1", "23:00"])
        .assert()
        .code(2)
        .stderr(contains(
            "can't move #1 to 23:00: it lasts 1h30, so it would end at 00:30 the next day",
        ))
        .stderr(contains("start it by 22:30"));
    // Ending exactly at midnight is fine.
    env.cmd()
        .args(["plan", "move", "1", "22:30"])
        .assert()
        .success()
        .stdout(contains("moved #1 22:30-24:00 Write"));
    assert_eq!(list_json(&env, "today")["boxes"][0]["start"], "22:30");
}

/// The `serein-xxx(1)` pages a man page refers to.
fn man_refs(page: &str) -> Vec<String> {
    let text = page.replace("\\-", "-");
    let mut refs: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|w| w.strip_suffix("(1)"))
        .filter(|w| w.starts_with("serein"))
        .map(String::from)
        .collect();
    refs.sort();
    refs.dedup();
    refs
}

/// Issue 14: serein(1) listed serein-plan(1) and others (serein-help(1) too) that nothing
/// shipped. `serein man --dir DIR` writes every page referred to.
#[test]
fn every_man_page_referred_to_is_shipped() {
    let env = Env::new();
    let out = env.cmd().arg("man").output().unwrap();
    assert!(out.status.success());
    let top = String::from_utf8(out.stdout).unwrap();
    let dir = env.path().join("man1");
    env.cmd()
        .args(["man", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(contains("wrote the man pages to"));
    let mut pages = std::collections::BTreeMap::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let stem = name
            .strip_suffix(".1")
            .expect("a section 1 page")
            .to_string();
        pages.insert(stem, std::fs::read_to_string(&p).unwrap());
    }
    assert_eq!(
        pages.get("serein"),
        Some(&top),
        "serein.1 is what `serein man` prints"
    );
    assert!(pages.contains_key("serein-plan-add"), "{:?}", pages.keys());
    let mut missing = Vec::new();
    for (name, page) in &pages {
        for r in man_refs(page) {
            if !pages.contains_key(&r) {
                missing.push(format!("{name}(1) refers to {r}(1)"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    assert!(man_refs(&top).contains(&"serein-plan".to_string()));
}

/// Issue 14: `work_hours_per_day = "8h"` gave "invalid type: string \"8h\", expected f64".
/// Lengths with a unit are read; anything else names the key and what it takes.
#[test]
fn config_lengths_take_units_or_say_what_they_expect() {
    let env = Env::new();
    env.write_config(
        "work_hours_per_day = \"7h30\"\nstep_minutes = \"30m\"\n[timer]\nbreak_after_minutes = \"1h30\"\n[balance]\nwork_info_hours = \"38h\"\n",
    );
    env.cmd()
        .args(["plan", "list", "--json"])
        .assert()
        .success()
        .stderr("")
        .stdout(contains("\"work_limit_minutes\": 450"));
    env.cmd().args(["config", "check"]).assert().success();
    env.write_config("day_start = \"08:00\"\nwork_hours_per_day = \"8 hours\"\n");
    let file = env.config_file().display().to_string();
    env.cmd()
        .args(["plan", "list"])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "{file}:2:22: work_hours_per_day: \"8 hours\" is not a length: expected a number of hours, like 8 or 7.5 (or \"8h\", \"7h30\")"
        )));
    env.write_config("[timer]\nremind_before_end_minutes = \"soon\"\n");
    env.cmd()
        .args(["config", "check"])
        .assert()
        .code(2)
        .stderr(contains(
            ":2:29: remind_before_end_minutes: \"soon\" is not a length: expected a whole number of minutes, like 90",
        ));
}

/// Issue 14: config warnings were repeated (a fast pattern's warning named the pattern
/// twice). Each command says each warning once, naming the pattern once.
#[test]
fn config_warnings_are_said_once() {
    let env = Env::new();
    env.write_config(
        "typo_key = 1\n[[breathing.pattern]]\nname = \"fast\"\nphases = [[\"inhale\", 2], [\"exhale\", 2]]\n",
    );
    for args in [
        &["plan", "list"][..],
        &["breathe", "--list"],
        &["summary"],
        &["config", "check"],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            err.matches("unknown key `typo_key`").count(),
            1,
            "{args:?}: {err}"
        );
        assert_eq!(err.matches("breaths/min").count(), 1, "{args:?}: {err}");
        assert_eq!(err.matches("\"fast\"").count(), 1, "{args:?}: {err}");
        assert_eq!(err.lines().count(), 2, "{args:?}: {err}");
    }
}

/// Issue 14: on a Monday morning the summary said "0 min (flagged above 40 h)", counted
/// tomorrow's box as not done and the rest of the week's breathing as missed.
#[test]
fn this_weeks_summary_counts_only_what_is_due() {
    let env = Env::new();
    env.cmd()
        .args([
            "plan",
            "add",
            "09:00-10:00 Write #work",
            "--date",
            "tomorrow",
        ])
        .assert()
        .success();
    env.cmd()
        .args(["plan", "add", "15:00-16:00 Later #work"])
        .assert()
        .success();
    env.cmd()
        .arg("summary")
        .assert()
        .success()
        .stdout(contains("\nWork           0 min\n"))
        .stdout(contains("flagged above").not())
        .stdout(contains("Plan           nothing planned"))
        .stdout(contains(
            "Breathing      0 of 3 coherence sessions so far (21 by Sunday)",
        ));
    let out = env
        .cmd()
        .args(["summary", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["breathing"]["goal"], 3, "{v}");
    assert_eq!(v["breathing"]["goal_week"], 21, "{v}");
}

/// Issue 14: the README named three Do-Not-Disturb backends (and a legend at 120×40).
/// Its doctor section lists every backend of `notify::dnd`, as `doctor` does.
#[test]
fn readme_names_every_dnd_backend() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let backends = serein::cli::doctor::BACKENDS;
    assert!(readme.contains(backends), "README doesn't list: {backends}");
    // One module per backend (shortcuts.rs is macOS's).
    for e in std::fs::read_dir(root.join("src/notify/dnd")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        let Some(module) = name.strip_suffix(".rs").filter(|m| *m != "mod") else {
            continue;
        };
        let shown = match module {
            "shortcuts" => "macos",
            "kde" => "kde plasma",
            m => m,
        };
        assert!(
            backends.to_lowercase().contains(shown),
            "{module}.rs is a backend that BACKENDS doesn't name"
        );
    }
    assert!(!readme.contains("120×40"), "the legend shows from 30 rows");
}

/// The example config's `[keys]` list names every action of the key table with its default
/// keys, as the README promises.
#[test]
fn example_config_lists_every_key_action() {
    let mut missing = Vec::new();
    for row in serein::keys::TABLE {
        let keys: Vec<String> = row.keys.iter().map(|k| format!("\"{k}\"")).collect();
        let want = format!("{} = [{}]", row.action.name(), keys.join(", "));
        if !serein::config::EXAMPLE.contains(&want) {
            missing.push(want);
        }
    }
    assert!(missing.is_empty(), "config.example.toml lacks {missing:#?}");
}
