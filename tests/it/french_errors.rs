//! Issue 12: what serein refuses is said in French with `LANG=fr_FR.UTF-8` (or the config's
//! `language = "fr"`): a box that can't be read, a date, a template line, an offline window,
//! a breathing pattern — still naming file:line:column, and the same in English as before.

use crate::Env;

/// serein's standard error for `args`, which must fail with exit 2 (bad input or config).
fn refused(env: &Env, lang: &str, args: &[&str]) -> String {
    let out = env.cmd().env("LANG", lang).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    String::from_utf8(out.stderr).unwrap()
}

const FR: &str = "fr_FR.UTF-8";
const EN: &str = "C.UTF-8";
const FR_FORMS: &str =
    "09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)";
const EN_FORMS: &str = "09:00-10:30 Title #domain · 14:00 +45m Title · 45m Title (next free slot)";

#[test]
fn a_bad_box_time_is_refused_in_french_with_its_column() {
    let env = Env::new();
    assert_eq!(
        refused(&env, FR, &["plan", "add", "25:00-26:00 Réunion"]),
        format!(
            "serein : impossible d’ajouter \"25:00-26:00 Réunion\" : colonne 1 : « 25:00 » : les heures vont de 00 à 23 (24:00 seulement comme fin) ; formes acceptées : {FR_FORMS}\n"
        )
    );
    assert_eq!(
        refused(&env, FR, &["plan", "add", "14h +30 Réunion"]),
        format!(
            "serein : impossible d’ajouter \"14h +30 Réunion\" : colonne 5 : « +30 » n’est pas une durée : donnez une unité, par exemple +45m ou +1h30 ; formes acceptées : {FR_FORMS}\n"
        )
    );
    // English, byte for byte as before.
    assert_eq!(
        refused(&env, EN, &["plan", "add", "25:00-26:00 Réunion"]),
        format!(
            "serein: can't add \"25:00-26:00 Réunion\": column 1: \"25:00\": hours go from 00 to 23 (24:00 only as an end); accepted: {EN_FORMS}\n"
        )
    );
}

#[test]
fn a_bad_date_is_refused_in_french() {
    let env = Env::new();
    assert_eq!(
        refused(&env, FR, &["plan", "list", "--date", "11/23"]),
        "serein : date « 11/23 » non comprise : le jour s'écrit en premier, 23/11 (l'ordre américain mois/jour n'est pas accepté)\n"
    );
}

#[test]
fn a_bad_breathing_length_is_refused_in_french() {
    let env = Env::new();
    assert_eq!(
        refused(&env, FR, &["breathe", "coherence", "--minutes", "90"]),
        "serein : impossible de respirer ainsi : 90 min n’est pas accepté ; une séance dure plus de 0 et au plus 60 minutes\n"
    );
}

/// The config's errors name file:line:column and are worded in the interface language; the
/// file's own `language = "fr"` is enough.
#[test]
fn config_errors_are_french_and_located() {
    let cases = [
        (
            "[[template]]\nname = \"matin\"\nboxes = [\"9h Standup\", \"25:00-26:00 Revue\"]\n",
            ":3:24: modèle \"matin\" : \"25:00-26:00 Revue\" : « 25:00 » : les heures vont de 00 à 23 (24:00 seulement comme fin) ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)\n",
            ":3:24: template \"matin\": \"25:00-26:00 Revue\": \"25:00\": hours go from 00 to 23 (24:00 only as an end); accepted: 09:00-10:30 Title #domain · 14:00 +45m Title · 45m Title (next free slot)\n",
        ),
        (
            "[offline]\nweekdays = \"19h-8h, 12h-12h60\"\n",
            ":2:1: [offline] weekdays : plage \"12h-12h60\" : fin incorrecte : \"12h60\" a la minute 60 (les minutes vont de 00 à 59) ; attendu \"all\", \"none\", ou une ou plusieurs plages \"HH:MM-HH:MM\" séparées par des virgules (par exemple \"19:00-08:00\", \"19h-8h\" ou \"12:00-13:00, 19:00-08:00\")\n",
            ":2:1: [offline] weekdays: window \"12h-12h60\": bad end: \"12h60\" has minute 60 (minutes go 00-59); expected \"all\", \"none\", or one or more \"HH:MM-HH:MM\" windows separated by commas (e.g. \"19:00-08:00\", \"19h-8h\" or \"12:00-13:00, 19:00-08:00\")\n",
        ),
        (
            "[[breathing.pattern]]\nname = \"mine\"\nphases = [[\"inhale\", 4], [\"exhale\", 25]]\n",
            ":3:26: exercice \"mine\" : phase 2 (exhale) : 25 s est trop long ; chaque phase dure au plus 20 s\n",
            ":3:26: pattern \"mine\": phase 2 (exhale): 25 s is too long; each phase lasts at most 20 s\n",
        ),
    ];
    for (config, fr, en) in cases {
        let env = Env::new();
        let file = env.config_file().display().to_string();
        env.write_config(config);
        for args in [&["config", "check"][..], &["plan", "list"]] {
            assert_eq!(
                refused(&env, FR, args),
                format!("serein : {file}{fr}"),
                "{config:?} {args:?}"
            );
            assert_eq!(
                refused(&env, EN, args),
                format!("serein: {file}{en}"),
                "{config:?} {args:?}"
            );
        }
        // `language = "fr"` in the file words its own errors under an English LANG (the
        // "serein:" before it is the environment's: the file was refused); the line
        // numbers move down by one.
        env.write_config(&format!("language = \"fr\"\n{config}"));
        let got = refused(&env, EN, &["config", "check"]);
        let (line, rest) = fr[1..].split_once(':').unwrap();
        let want = format!(
            "serein: {file}:{}:{rest}",
            line.parse::<usize>().unwrap() + 1
        );
        assert_eq!(got, want, "{config:?}");
    }
}
