//! `serein summary` in French: the table and Markdown on the demo data with a calendar (the
//! meetings row and line, every flag with its source) against golden files in
//! tests/golden/fr/ (`UPDATE_GOLDEN=1` rewrites them), and JSON and CSV byte-identical
//! whatever the language.

use std::path::PathBuf;

use serein::store::Store;

use crate::Env;
use crate::summary::{DEMO_CONFIG, demo};

/// Two meetings in week 2026-W47: Tuesday 14:00–15:30 and Thursday 16:00–17:00 (Paris).
const ICS: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//serein//EN\r
BEGIN:VEVENT\r
UID:sync@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261117T140000\r
DTEND;TZID=Europe/Paris:20261117T153000\r
SUMMARY:Sync\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:review@test\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261119T160000\r
DTEND;TZID=Europe/Paris:20261119T170000\r
SUMMARY:Revue\r
END:VEVENT\r
END:VCALENDAR\r
";

/// The demo data of `summary.rs`, with (or without) the calendar above.
fn demo_env(with_calendar: bool) -> Env {
    let env = Env::new();
    let mut config = DEMO_CONFIG.to_string();
    if with_calendar {
        let ics = env.path().join("work.ics");
        std::fs::write(&ics, ICS).unwrap();
        config.push_str(&format!(
            "\n[[calendar]]\nname = \"work\"\npath = {:?}\n",
            ics.display().to_string()
        ));
    }
    env.write_config(&config);
    std::fs::create_dir_all(env.data_dir()).unwrap();
    let mut store = Store::open(&env.data_dir().join("serein.db")).unwrap();
    demo(&mut store);
    env
}

fn summary(env: &Env, lang: &str, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("LANG", lang)
        .arg("summary")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "LANG={lang} serein summary {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Compares `got` with tests/golden/fr/`name`, or rewrites it with UPDATE_GOLDEN=1.
fn check_golden(name: &str, got: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/fr")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(
        got == want,
        "{name} differs from {}:\n--- want\n{want}\n--- got\n{got}",
        path.display()
    );
}

const FR: &str = "fr_FR.UTF-8";

#[test]
fn summary_table_and_markdown_in_french() {
    let env = demo_env(true);
    let week = ["--week", "2026-W47"];
    for (format, file) in [("table", "week.txt"), ("markdown", "week.md")] {
        let out = summary(&env, FR, &[week[0], week[1], "--format", format]);
        check_golden(file, &out);
    }
    let range = ["--from", "2026-10-26", "--to", "2026-11-22"];
    for (format, file) in [("table", "range.txt"), ("markdown", "range.md")] {
        let mut args = range.to_vec();
        args.extend(["--format", format]);
        check_golden(file, &summary(&env, FR, &args));
    }
    let table = summary(&env, FR, &week);
    // French words, dates and units; the meetings row and line; the flags with sources.
    for want in [
        "Semaine 2026-W47 · lun. 16 nov. – dim. 22 nov. 2026",
        "  dont réunions",
        "Réunions",
        "en réunion",
        "Bon à savoir",
        "Source : ",
    ] {
        assert!(table.contains(want), "{want:?} in\n{table}");
    }
    for english in [
        "Worth knowing",
        "Rest of life",
        "coherence sessions",
        " Mon ",
    ] {
        assert!(!table.contains(english), "{english:?} in\n{table}");
    }
}

/// JSON and CSV are for programs: the same bytes in French, in English and in C.
#[test]
fn json_and_csv_do_not_change_with_the_language() {
    let env = demo_env(true);
    for args in [
        &["--week", "2026-W47", "--format", "json"][..],
        &["--week", "2026-W47", "--format", "csv"],
        &[
            "--from",
            "2026-10-26",
            "--to",
            "2026-11-22",
            "--format",
            "json",
        ],
        &[
            "--from",
            "2026-10-26",
            "--to",
            "2026-11-22",
            "--format",
            "csv",
        ],
    ] {
        let fr = summary(&env, FR, args);
        let c = summary(&env, "C.UTF-8", args);
        let en = summary(&env, "en_GB.UTF-8", args);
        assert_eq!(fr, c, "{args:?}");
        assert_eq!(en, c, "{args:?}");
    }
    // The flags' text and source stay in English in the JSON.
    let json = summary(&env, FR, &["--week", "2026-W47", "--format", "json"]);
    assert!(json.contains("You worked both weekend days."), "{json}");
    assert!(json.contains("\"weekday\": \"Mon\""), "{json}");
    // Without a calendar too (no meetings): the English golden's JSON, byte for byte.
    let plain = demo_env(false);
    let golden = |f: &str| {
        std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/golden")
                .join(f),
        )
        .unwrap()
    };
    let args = ["--week", "2026-W47", "--format"];
    assert_eq!(
        summary(&plain, FR, &[args[0], args[1], args[2], "json"]),
        golden("week.json")
    );
    assert_eq!(
        summary(&plain, FR, &[args[0], args[1], args[2], "csv"]),
        golden("week.csv")
    );
}

/// With meetings, the Markdown grid bolds the work and rest-of-life rows, not the indented
/// meetings row between them (before: `**  of which meetings**` and a plain rest of life).
#[test]
fn markdown_bolds_work_and_rest_of_life_with_meetings() {
    let env = demo_env(true);
    let md = summary(
        &env,
        "C.UTF-8",
        &["--week", "2026-W47", "--format", "markdown"],
    );
    assert!(md.contains("| **Work** |"), "{md}");
    assert!(md.contains("| **Rest of life** |"), "{md}");
    assert!(md.contains("|   of which meetings |"), "{md}");
    assert!(!md.contains("**  of which"), "{md}");
}
