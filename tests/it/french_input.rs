//! French input through the real binary (issue 12): `14h Réunion`, `9h30-10h45`, `#santé`,
//! `demain`, `23/11`, `19h-8h` offline windows, and `oui` to a yes/no question.

use std::process::Command;
use std::time::{Duration, Instant};

use predicates::str::contains;

use crate::{Env, list_json};

const SANTE: &str = r#"
[[domain]]
name = "work"
work = true

[[domain]]
name = "santé"
color = "cyan"
"#;

#[test]
fn fourteen_h_is_a_start_with_the_default_length() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "14h Réunion"])
        .assert()
        .success()
        .stdout(contains("added #1 14:00-14:30 Réunion (work)"));
    // `8h Report` too starts at 08:00, and the confirmation shows the times.
    env.cmd()
        .args(["plan", "add", "8h Rapport"])
        .assert()
        .success()
        .stdout(contains("#2 08:00-08:30 Rapport"));
    // A length in first place takes a `+`; it goes to the next free slot (now is 09:41).
    env.cmd()
        .args(["plan", "add", "+1h30 Lecture"])
        .assert()
        .success()
        .stdout(contains("#3 09:45-11:15 Lecture"));
    env.cmd()
        .args(["plan", "add", "14H30 +45m Appel"])
        .assert()
        .success()
        .stdout(contains("#4 14:30-15:15 Appel"));
    let day = list_json(&env, "today");
    let b = day["boxes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["title"] == "Réunion")
        .unwrap();
    assert_eq!(b["title"], "Réunion");
    assert_eq!(b["start"], "14:00");
    assert_eq!(b["minutes"], 30);
}

#[test]
fn unparsable_times_suggest_the_forms() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "24h Journée"])
        .assert()
        .code(2)
        .stderr(contains("24:00 can only end a box"))
        .stderr(contains("write +24h"));
    env.cmd()
        .args(["plan", "add", "Réunion"])
        .assert()
        .code(2)
        .stderr(contains("14h, 14h30 or 14:00 +30m"));
}

#[test]
fn french_range_with_an_accented_domain() {
    let env = Env::new();
    env.write_config(SANTE);
    env.cmd()
        .args(["plan", "add", "9h30-10h45 Relecture #santé"])
        .assert()
        .success()
        .stdout(contains("added #1 09:30-10:45 Relecture (santé)"));
    env.cmd()
        .args(["plan", "add", "14h–15h Marche #Santé"])
        .assert()
        .success()
        .stdout(contains("14:00-15:00 Marche (santé)"));
    env.cmd().args(["config", "check"]).assert().success();
}

#[test]
fn french_days() {
    let env = Env::new();
    // SEREIN_NOW is Monday 23 November 2026.
    env.cmd()
        .args(["plan", "add", "10h Demain", "--date", "demain"])
        .assert()
        .success()
        .stdout(contains("10:00-10:30 Demain"));
    env.cmd()
        .args(["plan", "list", "--date", "demain"])
        .assert()
        .success()
        .stdout(contains("10:00-10:30"))
        .stdout(contains("Demain"));
    assert_eq!(list_json(&env, "24/11")["date"], "2026-11-24");
    assert_eq!(list_json(&env, "mardi")["date"], "2026-11-24");
    assert_eq!(list_json(&env, "Tuesday")["date"], "2026-11-24");
    assert_eq!(list_json(&env, "23/11")["date"], "2026-11-23");
    assert_eq!(list_json(&env, "23/11/2026")["date"], "2026-11-23");
    assert_eq!(list_json(&env, "aujourd’hui")["date"], "2026-11-23");
    assert_eq!(list_json(&env, "hier")["date"], "2026-11-22");
    env.cmd()
        .args(["plan", "list", "--date", "11/23"])
        .assert()
        .code(2)
        .stderr(contains("\"11/23\""))
        .stderr(contains("day first"));
    // The messages follow the interface language; the input doesn't.
    env.cmd()
        .env("LANG", "fr_FR.UTF-8")
        .args(["plan", "list", "--date", "11/23"])
        .assert()
        .code(2)
        .stderr(contains("le jour s'écrit en premier, 23/11"));
    env.cmd()
        .args(["plan", "list", "--date", "someday"])
        .assert()
        .code(2)
        .stderr(contains("DD/MM, DD/MM/YYYY or YYYY-MM-DD"));
    env.cmd()
        .args(["log", "--date", "23/11"])
        .assert()
        .success();
}

#[test]
fn offline_window_in_french_hours() {
    let env = Env::new();
    env.write_config("[offline]\nweekdays = \"19h-8h\"\n");
    env.cmd()
        .args(["offline", "status"])
        .assert()
        .success()
        .stdout(contains("online; offline from 19:00"));
    // Errors still name the file, line and column.
    env.write_config("[offline]\nweekdays = \"19h-25h\"\n");
    env.cmd()
        .args(["config", "check"])
        .assert()
        .failure()
        .stderr(contains("config.toml:2:"))
        .stderr(contains("\"25h\""));
}

/// `serein plan clear` asks only on a terminal: run it in tmux and answer `oui`.
#[test]
fn yes_no_prompt_accepts_oui() {
    if !crate::e2e::Tmux::available() {
        return;
    }
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:00-10:00 Garder"])
        .assert()
        .success();
    let socket = format!("serein-fr-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux")
    };
    let bin = assert_cmd::cargo::cargo_bin("serein");
    let mut script = String::from("env -i PATH=\"$PATH\"");
    for (k, v) in env.vars() {
        script.push_str(&format!(" {k}='{v}'"));
    }
    script.push_str(&format!(
        " LANG=fr_FR.UTF-8 '{}' plan clear; echo EXIT=$?; sleep 60",
        bin.display()
    ));
    let st = Command::new("tmux")
        .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
        .args(["-x", "100", "-y", "20", "sh", "-c", &script])
        .status()
        .expect("tmux runs");
    assert!(st.success());
    struct Kill<'a>(&'a dyn Fn(&[&str]) -> std::process::Output);
    impl Drop for Kill<'_> {
        fn drop(&mut self) {
            (self.0)(&["kill-server"]);
        }
    }
    let _kill = Kill(&tmux);
    let wait_for = |text: &str| {
        let start = Instant::now();
        loop {
            let s = String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "0"]).stdout)
                .into_owned();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {text:?} on:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let screen = wait_for("?");
    assert!(screen.contains("[o/N]"), "{screen}");
    assert!(
        tmux(&["send-keys", "-t", "0", "-l", "oui"])
            .status
            .success()
    );
    assert!(tmux(&["send-keys", "-t", "0", "Enter"]).status.success());
    let screen = wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert_eq!(list_json(&env, "today")["boxes"], serde_json::json!([]));
}

/// `[balance] references = "fr"`: the summary's flags cite the Code du travail instead of
/// the EU directive, on the same data; the default stays as it was.
#[test]
fn french_work_time_references_in_the_summary() {
    let flags = |references: &str| -> Vec<(String, String)> {
        let env = Env::new();
        env.write_config(&format!(
            "{}\n[balance]\n{references}\n",
            crate::summary::DEMO_CONFIG
        ));
        std::fs::create_dir_all(env.data_dir()).unwrap();
        let mut store = serein::store::Store::open(&env.data_dir().join("serein.db")).unwrap();
        crate::summary::demo(&mut store);
        drop(store);
        let out = env
            .cmd()
            .args(["summary", "--week", "2026-W47", "--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["flags"]
            .as_array()
            .expect("flags")
            .iter()
            .map(|f| {
                (
                    f["source"].as_str().unwrap().to_string(),
                    f["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let eu = flags("");
    let fr = flags("references = \"fr\"");
    assert!(
        eu.iter().all(|(s, _)| !s.contains("Code du travail")),
        "{eu:#?}"
    );
    assert!(
        fr.iter().any(|(s, _)| s.contains("Code du travail")),
        "{fr:#?}"
    );
    assert!(
        fr.iter().all(|(s, _)| !s.starts_with("EU Working Time")),
        "{fr:#?}"
    );
    // The offline-hours flag names the right to disconnect.
    if let Some((s, t)) = fr.iter().find(|(_, t)| t.contains("offline hours")) {
        assert!(
            s.contains("L2242-17") && t.contains("right to disconnect"),
            "{t}"
        );
    }
}
