//! The command line in French: `LANG=fr_FR.UTF-8` (or `language = "fr"`) gives French help,
//! confirmations, lists, errors, doctor and man pages; `language = "en"` wins over LANG; JSON
//! is the same bytes in both languages.

use predicates::prelude::*;
use predicates::str::contains;

use crate::Env;

fn fr(env: &Env) -> assert_cmd::Command {
    let mut c = env.cmd();
    c.env("LANG", "fr_FR.UTF-8");
    c
}

fn stdout(c: &mut assert_cmd::Command) -> String {
    let out = c.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_is_french() {
    let env = Env::new();
    fr(&env)
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Utilisation\u{a0}: serein"))
        .stdout(contains("Commandes\u{a0}:"))
        .stdout(contains("Planifier une journée"))
        .stdout(contains("Afficher la version"))
        .stdout(contains("Usage:").not())
        .stdout(contains("Plan a day").not());
    fr(&env)
        .args(["plan", "--help"])
        .assert()
        .success()
        .stdout(contains("Ajouter un créneau"))
        .stdout(contains("Options\u{a0}:"))
        .stdout(contains("Afficher l’aide"))
        .stdout(contains("Print help").not());
    fr(&env)
        .args(["help", "plan", "add"])
        .assert()
        .success()
        .stdout(contains("Le créneau, en un ou plusieurs mots"));
    // Completions describe the commands in French too.
    fr(&env)
        .args(["completions", "fish"])
        .assert()
        .success()
        .stdout(contains("Planifier une journée"));
}

#[test]
fn plan_add_list_and_log_are_french() {
    let env = Env::new();
    fr(&env)
        .args(["plan", "add", "09:00-10:30 Écrire #work"])
        .assert()
        .success()
        .stdout(contains(
            "ajouté #1 09:00-10:30 Écrire (work) le lun. 23 nov. 2026 (aujourd’hui)",
        ));
    fr(&env)
        .args(["plan", "add", "15m pause café #break", "--date", "tomorrow"])
        .assert()
        .success()
        .stdout(contains("le mar. 24 nov. 2026 (demain)"));
    fr(&env)
        .args(["plan", "list"])
        .assert()
        .success()
        .stdout(contains("lundi 23 novembre 2026"))
        .stdout(contains("travail 1h30 sur 8h"));
    fr(&env)
        .args(["plan", "done", "1"])
        .assert()
        .success()
        .stdout(contains("fait : #1"));
    fr(&env)
        .arg("log")
        .assert()
        .success()
        .stdout(contains("aucune séance du 2026-11-23 au 2026-11-23"));
    fr(&env)
        .args(["start", "--for", "25m", "Lire"])
        .assert()
        .success();
    fr(&env)
        .arg("log")
        .assert()
        .success()
        .stdout(contains("lundi 23 novembre 2026"))
        .stdout(contains("en cours"));
}

#[test]
fn errors_are_french() {
    let env = Env::new();
    // A bad id (clap's own words around it stay English: clap can't be translated).
    fr(&env)
        .args(["plan", "rm", "x1"])
        .assert()
        .code(2)
        .stderr(contains(
            "\"x1\" n’est pas un numéro de créneau ; attendu #N ou N",
        ));
    fr(&env)
        .args(["plan", "rm", "s4"])
        .assert()
        .code(2)
        .stderr(contains("est un numéro de séance"));
    fr(&env)
        .args(["plan", "rm", "7"])
        .assert()
        .code(2)
        .stderr(contains("serein : pas de créneau #7 ;"));
    // A bad time.
    fr(&env)
        .args(["plan", "add", "09:00-09:30 Lire"])
        .assert()
        .success();
    fr(&env)
        .args(["plan", "move", "1", "25:99"])
        .assert()
        .code(2)
        .stderr(contains(
            "\"25:99\" n’est pas une heure de début ; attendu HH:MM",
        ));
    fr(&env)
        .args(["log", "edit", "3", "--note", "x"])
        .assert()
        .code(2)
        .stderr(contains("pas de séance s3"));
}

#[test]
fn doctor_is_french() {
    let env = Env::new();
    fr(&env)
        .arg("doctor")
        .assert()
        .stdout(contains("✓ configuration"))
        .stdout(contains("les valeurs par défaut s’appliquent"))
        .stdout(contains("✓ données"))
        .stdout(contains("✓ démon"));
}

#[test]
fn language_en_in_the_config_wins_over_lang() {
    let env = Env::new();
    env.write_config("language = \"en\"\n");
    fr(&env)
        .args(["plan", "add", "09:00-09:30 Read #work"])
        .assert()
        .success()
        .stdout(contains(
            "added #1 09:00-09:30 Read (work) on Mon 23 Nov 2026 (today)",
        ));
    fr(&env)
        .args(["plan", "list"])
        .assert()
        .success()
        .stdout(contains("Monday 23 November 2026"));
    // And `language = "fr"` with an English environment gives French.
    let env = Env::new();
    env.write_config("language = \"fr\"\n");
    env.cmd()
        .args(["plan", "add", "09:00-09:30 Lire #work"])
        .assert()
        .success()
        .stdout(contains("ajouté #1"));
}

#[test]
fn json_is_the_same_in_both_languages() {
    let env = Env::new();
    env.cmd()
        .args(["plan", "add", "09:00-10:30 Écrire #work"])
        .assert()
        .success();
    env.cmd()
        .args(["plan", "add", "10:00-10:15 Pause #break"])
        .assert()
        .success();
    env.cmd()
        .args(["start", "--for", "25m", "Lire #work"])
        .assert()
        .success();
    for args in [
        &["plan", "list", "--json"][..],
        &["log", "--json"],
        &["log", "--week", "--json"],
        &["status", "--json"],
    ] {
        let en = stdout(env.cmd().args(args));
        let fr = stdout(fr(&env).args(args));
        assert!(!en.is_empty(), "{args:?}");
        assert_eq!(en, fr, "{args:?}");
    }
}

#[test]
fn man_pages_are_french() {
    let env = Env::new();
    let dir = env.path().join("man");
    fr(&env)
        .args(["man", "--dir"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(contains("pages de manuel écrites dans"));
    let page = std::fs::read_to_string(dir.join("serein-plan-add.1")).unwrap();
    assert!(page.contains(".SH NOM"), "{page}");
    assert!(page.contains("Ajouter un créneau"), "{page}");
    assert!(
        page.contains("Le créneau, en un ou plusieurs mots"),
        "{page}"
    );
    assert!(!page.contains(".SH NAME"), "{page}");
    let top = std::fs::read_to_string(dir.join("serein.1")).unwrap();
    assert!(
        top.contains(".SH SOUS-COMMANDES") || top.contains("Commandes"),
        "{top}"
    );
    // English stays clap_mangen's.
    env.cmd()
        .arg("man")
        .assert()
        .success()
        .stdout(contains(".SH NAME"))
        .stdout(contains("Plan a day"));
}
