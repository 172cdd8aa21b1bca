//! The words for what the domain refuses. The domain returns codes with their data
//! ([`ParseError`], …); their `Display` lives here, next to the other words, so the CLI, the
//! TUI and the config checks all say it the same way, in the interface language.

use std::fmt;

use crate::domain::breath::{BreathError, BreathWarning, fmt_secs};
use crate::domain::offline::{RuleError, TimeError};
use crate::domain::parse::{ParseError, ParseProblem, format_duration};
use crate::domain::plan::{MIN_BOX_MINUTES, hhmm};
use crate::t;

/// The accepted ways to write a box, as the help screen and the time errors show them.
pub fn accepted_forms() -> String {
    t!("input-forms")
}

impl fmt::Display for ParseError {
    /// `column 7: "25:00": hours go from 00 to 23 …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!(
            "input-at-column",
            column = self.column,
            problem = self.problem.to_string()
        ))
    }
}

impl fmt::Display for ParseProblem {
    /// The problem alone, without its column (a config template names its line instead).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ParseProblem::*;
        let (text, as_length) = match self {
            Control { code } => (t!("input-control", code = format!("{code:04X}")), false),
            Empty => (t!("input-empty"), false),
            UnknownDomain { tag, known } if known.is_empty() => {
                (t!("input-unknown-domain-none", tag = tag), false)
            }
            UnknownDomain { tag, known } => (
                t!("input-unknown-domain", tag = tag, known = known.join(", ")),
                false,
            ),
            TwoDomains { first, second } => (
                t!("input-two-domains", first = first, second = second),
                false,
            ),
            NoTitle => (t!("input-no-title"), false),
            NoTime => (t!("input-no-time"), false),
            NoEnd { text } => (t!("input-no-end", text = text), false),
            NotAnEnd { text } => (t!("input-not-an-end", text = text), false),
            StartAt24 { text, as_length } => (t!("input-start-at-24", text = text), *as_length),
            Hours { text, as_length } => (t!("input-hours", text = text), *as_length),
            Minutes { text, as_length } => (t!("input-minutes", text = text), *as_length),
            EndBeforeStart { start, end } => (
                t!(
                    "input-end-before-start",
                    start = hhmm(*start),
                    end = hhmm(*end)
                ),
                false,
            ),
            SpanTooShort { start, end } => (
                t!(
                    "input-span-too-short",
                    start = hhmm(*start),
                    end = hhmm(*end),
                    min = MIN_BOX_MINUTES
                ),
                false,
            ),
            NoUnit { text } => (t!("input-no-unit", text = text), false),
            TooShort { text } => (
                t!("input-too-short", text = text, min = MIN_BOX_MINUTES),
                false,
            ),
            TooLong { text } => (t!("input-too-long", text = text), false),
            PastMidnight { start, len } => (
                t!(
                    "input-past-midnight",
                    start = hhmm(*start),
                    length = format_duration(*len)
                ),
                false,
            ),
        };
        let text = match self {
            StartAt24 { text: tok, .. } | Hours { text: tok, .. } | Minutes { text: tok, .. }
                if as_length =>
            {
                t!("input-as-length", problem = text, text = tok)
            }
            _ => text,
        };
        if self.is_about_the_form() {
            f.write_str(&t!(
                "input-with-forms",
                problem = text,
                forms = accepted_forms()
            ))
        } else {
            f.write_str(&text)
        }
    }
}

impl fmt::Display for BreathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use BreathError::*;
        let secs = |s: &f64| s.to_string();
        f.write_str(&match self {
            NoName => t!("breathe-error-no-name"),
            NoPhases { pattern } => t!("breathe-error-no-phases", pattern = pattern),
            UnknownPhase { index, name } => {
                t!("breathe-error-unknown-phase", index = *index, name = name)
            }
            NotPositive {
                index,
                name,
                secs: s,
            } => t!(
                "breathe-error-not-positive",
                index = *index,
                name = name,
                secs = secs(s)
            ),
            TooLong {
                index,
                name,
                secs: s,
            } => t!(
                "breathe-error-too-long",
                index = *index,
                name = name,
                secs = secs(s)
            ),
            BreathTooShort {
                index,
                name,
                secs: s,
            } => t!(
                "breathe-error-breath-too-short",
                index = *index,
                name = name,
                secs = secs(s)
            ),
            TopUpNotAfterInhale {
                index,
                name,
                after: None,
            } => t!("breathe-error-top-up-first", index = *index, name = name),
            TopUpNotAfterInhale {
                index,
                name,
                after: Some((before, before_name)),
            } => t!(
                "breathe-error-top-up-after",
                index = *index,
                name = name,
                before = *before,
                before_name = before_name
            ),
            HoldMismatch {
                index,
                name,
                after: (before, before_name),
            } => t!(
                "breathe-error-hold-mismatch",
                index = *index,
                name = name,
                before = *before,
                before_name = before_name
            ),
            Missing { count, missing } => {
                t!("breathe-error-missing", count = *count, missing = *missing)
            }
            ResonanceRate { value } => t!("breathe-error-resonance", value = value.to_string()),
            BoxSide { secs } => t!("breathe-error-box-side", secs = *secs),
            Minutes { value } => t!("breathe-error-minutes", value = value.to_string()),
            Cycles {
                pattern,
                value,
                max,
            } => t!(
                "breathe-error-cycles",
                pattern = pattern,
                value = *value,
                max = *max
            ),
            MinutesOverCap {
                pattern,
                minutes,
                cycles,
                max,
            } => t!(
                "breathe-error-over-cap",
                pattern = pattern,
                minutes = minutes.to_string(),
                cycles = *cycles,
                max = *max
            ),
        })
    }
}

impl fmt::Display for BreathWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BreathWarning::Fast {
                pattern,
                per_minute,
            } => f.write_str(&t!(
                "breathe-warning-fast",
                pattern = pattern,
                rate = fmt_secs(*per_minute)
            )),
        }
    }
}

impl fmt::Display for RuleError {
    /// What is wrong with an offline rule, and (but for an empty window) the accepted forms.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RuleError::*;
        let q = |s: &String| format!("{s:?}");
        let problem = match self {
            Empty => t!("offline-rule-empty"),
            EmptyWindow { rule } => t!("offline-rule-empty-window", rule = q(rule)),
            NotAlone { word, rule } => t!("offline-rule-not-alone", word = q(word), rule = q(rule)),
            NoDash { window } => t!("offline-rule-no-dash", window = q(window)),
            Start { window, time } => t!(
                "offline-rule-bad-start",
                window = q(window),
                problem = time.to_string()
            ),
            End { window, time } => t!(
                "offline-rule-bad-end",
                window = q(window),
                problem = time.to_string()
            ),
            Same { window } => return f.write_str(&t!("offline-rule-same", window = q(window))),
        };
        f.write_str(&t!(
            "offline-rule-with-forms",
            problem = problem,
            forms = t!("offline-rule-forms")
        ))
    }
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            TimeError::Shape { text } => t!("offline-time-shape", text = format!("{text:?}")),
            TimeError::Minute { text, minute } => t!(
                "offline-time-minute",
                text = format!("{text:?}"),
                minute = format!("{minute:02}")
            ),
            TimeError::Hour { text, hour } => t!(
                "offline-time-hour",
                text = format!("{text:?}"),
                hour = *hour
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::parse::parse;
    use crate::i18n::{Lang, with_lang};

    const DOMAINS: &[&str] = &["work", "personal", "family", "social", "health"];
    const FORMS: &str = "09:00-10:30 Title #domain · 14:00 +45m Title · 45m Title (next free slot)";

    /// Every problem, in English as before issue 12 (byte for byte) and in French.
    #[test]
    fn parse_errors_in_both_languages() {
        let table: &[(&str, &str, &str)] = &[
            (
                "12:00-12:30 esc\u{1b}[31mred",
                "column 16: control character U+001B is not allowed in a box",
                "colonne 16 : le caractère de contrôle U+001B n’est pas permis dans un créneau",
            ),
            (
                "",
                "column 1: nothing to add: type a time and a title",
                "colonne 1 : rien à ajouter : tapez une heure et un titre",
            ),
            (
                "25:00-26:00 x",
                &format!(
                    "column 1: \"25:00\": hours go from 00 to 23 (24:00 only as an end); accepted: {FORMS}"
                ),
                "colonne 1 : « 25:00 » : les heures vont de 00 à 23 (24:00 seulement comme fin) ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "10:00-09:00 x",
                &format!(
                    "column 7: the end 09:00 is before the start 10:00; boxes can't cross midnight: plan `22:00-24:00` today and `00:00-01:00` tomorrow; accepted: {FORMS}"
                ),
                "colonne 7 : la fin 09:00 est avant le début 10:00 ; un créneau ne passe pas minuit : prévoyez `22:00-24:00` aujourd’hui et `00:00-01:00` demain ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "10:00-10:02 x",
                &format!(
                    "column 1: 10:00-10:02 is too short: a box lasts at least 5 minutes; accepted: {FORMS}"
                ),
                "colonne 1 : 10:00-10:02 est trop court : un créneau dure au moins 5 minutes ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "3m x",
                "column 1: \"3m\" is too short: a box lasts at least 5 minutes",
                "colonne 1 : « 3m » est trop court : un créneau dure au moins 5 minutes",
            ),
            (
                "+25h x",
                "column 1: \"+25h\" is too long: a box lasts at most 24h",
                "colonne 1 : « +25h » est trop long : un créneau dure au plus 24h",
            ),
            (
                "24h All day",
                &format!(
                    "column 1: \"24h\": 24:00 can only end a box; start at 00:00 instead; for a length, write +24h (e.g. `+24h Title`); accepted: {FORMS}"
                ),
                "colonne 1 : « 24h » : 24:00 ne peut que finir un créneau ; commencez plutôt à 00:00 ; pour une durée, écrivez +24h (par exemple `+24h Titre`) ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "1h75 x",
                &format!("column 1: \"1h75\": minutes go from 00 to 59; accepted: {FORMS}"),
                "colonne 1 : « 1h75 » : les minutes vont de 00 à 59 ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "23h45 Late",
                "column 1: 23:45 +30m ends after midnight; boxes can't cross midnight: plan `22:00-24:00` today and `00:00-01:00` tomorrow",
                "colonne 1 : 23:45 +30m finit après minuit ; un créneau ne passe pas minuit : prévoyez `22:00-24:00` aujourd’hui et `00:00-01:00` demain",
            ),
            (
                "Write report",
                &format!(
                    "column 1: a time is missing at the start, e.g. 14:00, 14h, 14h30 or 14:00 +30m; accepted: {FORMS}"
                ),
                "colonne 1 : il manque une heure au début, par exemple 14:00, 14h, 14h30 ou 14:00 +30m ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "14:00 +30 Meeting",
                &format!(
                    "column 7: \"+30\" is not a length: give a unit, e.g. +45m or +1h30; accepted: {FORMS}"
                ),
                "colonne 7 : « +30 » n’est pas une durée : donnez une unité, par exemple +45m ou +1h30 ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "09:00- x",
                &format!(
                    "column 7: \"09:00-\" needs an end time, e.g. 09:00-10:30; accepted: {FORMS}"
                ),
                "colonne 7 : « 09:00- » demande une heure de fin, par exemple 09:00-10:30 ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "09:00-x y",
                &format!("column 7: \"x\" is not an end time; accepted: {FORMS}"),
                "colonne 7 : « x » n’est pas une heure de fin ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "09:00-10:00 x #wrok",
                "column 15: unknown domain \"#wrok\": known domains are work, personal, family, social, health (or #break)",
                "colonne 15 : domaine inconnu « #wrok » : les domaines connus sont work, personal, family, social, health (ou #break)",
            ),
            (
                "09:00-10:00 x #work #family",
                "column 21: a box has one domain: got #work and #family",
                "colonne 21 : un créneau a un seul domaine : reçu #work et #family",
            ),
            (
                "09:00-10:30",
                "column 12: a title is missing, e.g. `09:00-10:30 Write report #work`",
                "colonne 12 : il manque un titre, par exemple `09:00-10:30 Rédiger le rapport #work`",
            ),
        ];
        for (input, en, fr) in table {
            let e = parse(input, DOMAINS).expect_err(input);
            assert_eq!(with_lang(Lang::En, || e.to_string()), *en, "{input:?}");
            assert_eq!(with_lang(Lang::Fr, || e.to_string()), *fr, "{input:?}");
        }
        let e = parse("09:00-10:00 x #wrok", &[]).unwrap_err();
        assert_eq!(
            with_lang(Lang::En, || e.to_string()),
            "column 15: unknown domain \"#wrok\": no domains are configured (only #break)"
        );
        assert_eq!(
            with_lang(Lang::Fr, || e.to_string()),
            "colonne 15 : domaine inconnu « #wrok » : aucun domaine n’est configuré (seulement #break)"
        );
        assert_eq!(with_lang(Lang::En, accepted_forms), FORMS);
    }

    /// Breathing-pattern errors: English as before issue 12, and French.
    #[test]
    fn breath_errors_in_both_languages() {
        use crate::domain::breath::{Exercise, box_breathing, custom, preset, resonance};
        let owned = |p: &[(&str, f64)]| -> Vec<(String, f64)> {
            p.iter().map(|(n, s)| (n.to_string(), *s)).collect()
        };
        let bad = |p: &[(&str, f64)]| custom("bad", &owned(p)).unwrap_err();
        let cases: Vec<(BreathError, &str, &str)> = vec![
            (
                custom(" ", &[]).unwrap_err(),
                "a custom breathing pattern needs a name",
                "un exercice personnalisé a besoin d’un nom",
            ),
            (
                bad(&[]),
                "pattern \"bad\" has no phases: give at least one inhale and one exhale, e.g. [[\"inhale\", 4], [\"exhale\", 6]]",
                "l’exercice « bad » n’a aucune phase : donnez au moins une inspiration et une expiration, par exemple [[\"inhale\", 4], [\"exhale\", 6]]",
            ),
            (
                bad(&[("inhale", 4.0), ("breathe", 4.0)]),
                "phase 2 (\"breathe\"): unknown phase; use inhale, inhale_top_up (or top_up), hold, hold_full, hold_empty or exhale",
                "phase 2 (« breathe ») : phase inconnue ; utilisez inhale, inhale_top_up (ou top_up), hold, hold_full, hold_empty ou exhale",
            ),
            (
                bad(&[("inhale", 4.0), ("hold", -1.0), ("exhale", 4.0)]),
                "phase 2 (hold): -1 s is not accepted; each phase lasts more than 0 and at most 20 s",
                "phase 2 (hold) : -1 s n’est pas accepté ; chaque phase dure plus de 0 et au plus 20 s",
            ),
            (
                bad(&[("inhale", 4.0), ("exhale", 25.0)]),
                "phase 2 (exhale): 25 s is too long; each phase lasts at most 20 s",
                "phase 2 (exhale) : 25 s est trop long ; chaque phase dure au plus 20 s",
            ),
            (
                bad(&[("inhale", 1.5), ("exhale", 4.0)]),
                "phase 1 (inhale): 1.5 s is too short; inhales and exhales last at least 2 s",
                "phase 1 (inhale) : 1.5 s est trop court ; inspirations et expirations durent au moins 2 s",
            ),
            (
                bad(&[("top_up", 1.0), ("inhale", 2.0), ("exhale", 6.0)]),
                "phase 1 (inhale_top_up): a top-up must come right after an inhale, not at the start",
                "phase 1 (inhale_top_up) : un complément d’inspiration vient juste après une inspiration, pas au début",
            ),
            (
                bad(&[("inhale", 2.0), ("exhale", 6.0), ("top_up", 1.0)]),
                "phase 3 (inhale_top_up): a top-up must come right after an inhale, not after phase 2 (exhale)",
                "phase 3 (inhale_top_up) : un complément d’inspiration vient juste après une inspiration, pas après la phase 2 (exhale)",
            ),
            (
                bad(&[("inhale", 4.0), ("exhale", 4.0), ("hold_full", 2.0)]),
                "phase 3 (hold_full): this hold comes after phase 2 (exhale); use \"hold\" and it follows the breath before it",
                "phase 3 (hold_full) : cette rétention vient après la phase 2 (exhale) ; écrivez « hold » et elle suivra la respiration d’avant",
            ),
            (
                bad(&[("exhale", 4.0)]),
                "phase 1 has no inhale: a pattern needs at least one inhale and one exhale",
                "la phase 1 n’a aucun inhale : un exercice demande au moins une inspiration (inhale) et une expiration (exhale)",
            ),
            (
                bad(&[("inhale", 4.0), ("hold", 4.0)]),
                "phases 1-2 have no exhale: a pattern needs at least one inhale and one exhale",
                "les phases 1-2 n’ont aucun exhale : un exercice demande au moins une inspiration (inhale) et une expiration (exhale)",
            ),
            (
                resonance(7.5).unwrap_err(),
                "resonance rate 7.5 breaths/min is not accepted; use 4.5 to 7 in steps of 0.5",
                "le rythme de résonance de 7.5 respirations/min n’est pas accepté ; choisissez de 4.5 à 7 par pas de 0.5",
            ),
            (
                box_breathing(6).unwrap_err(),
                "box breathing with 6 s per side is not accepted; use 2 to 5 s",
                "la respiration carrée à 6 s par côté n’est pas acceptée ; choisissez de 2 à 5 s",
            ),
            (
                Exercise::with_minutes(preset("coherence").unwrap(), 61.0).unwrap_err(),
                "61 min is not accepted; a session lasts more than 0 and at most 60 minutes",
                "61 min n’est pas accepté ; une séance dure plus de 0 et au plus 60 minutes",
            ),
            (
                Exercise::with_cycles(preset("478").unwrap(), 9).unwrap_err(),
                "9 cycles is not accepted for 4-7-8 breathing: use 1 to 8 cycles",
                "9 cycles n’est pas accepté pour 4-7-8 breathing : choisissez de 1 à 8 cycles",
            ),
            (
                Exercise::with_minutes(preset("478").unwrap(), 10.0).unwrap_err(),
                "10 min would be 32 cycles of 4-7-8 breathing, above its cap of 8 cycles; use 1 to 8 cycles",
                "10 min feraient 32 cycles de 4-7-8 breathing, au-delà de sa limite de 8 cycles ; choisissez de 1 à 8 cycles",
            ),
        ];
        for (e, en, fr) in cases {
            assert_eq!(with_lang(Lang::En, || e.to_string()), en, "{e:?}");
            assert_eq!(with_lang(Lang::Fr, || e.to_string()), fr, "{e:?}");
        }
        let (_, w) = custom("fast", &owned(&[("inhale", 2.0), ("exhale", 2.0)])).unwrap();
        assert_eq!(
            with_lang(Lang::En, || w[0].to_string()),
            "pattern \"fast\" runs at 15 breaths/min: above 10 a minute this is no longer slow breathing"
        );
        assert_eq!(
            with_lang(Lang::Fr, || w[0].to_string()),
            "l’exercice « fast » va à 15 respirations/min : au-delà de 10 par minute, ce n’est plus une respiration lente"
        );
    }

    /// Offline rules: English as before issue 12, and French.
    #[test]
    fn offline_rule_errors_in_both_languages() {
        use crate::domain::offline::parse_rule;
        const EN_FORMS: &str = "expected \"all\", \"none\", or one or more \"HH:MM-HH:MM\" windows separated by commas (e.g. \"19:00-08:00\", \"19h-8h\" or \"12:00-13:00, 19:00-08:00\")";
        const FR_FORMS: &str = "attendu \"all\", \"none\", ou une ou plusieurs plages \"HH:MM-HH:MM\" séparées par des virgules (par exemple \"19:00-08:00\", \"19h-8h\" ou \"12:00-13:00, 19:00-08:00\")";
        let cases: &[(&str, &str, &str)] = &[
            ("", "empty offline rule", "règle hors ligne vide"),
            (
                "12:00-13:00,",
                "empty window in \"12:00-13:00,\"",
                "plage vide dans \"12:00-13:00,\"",
            ),
            (
                "all, 19:00-08:00",
                "\"all\" must stand alone, not in a list of windows (\"all, 19:00-08:00\")",
                "\"all\" doit être seul, pas dans une liste de plages (\"all, 19:00-08:00\")",
            ),
            (
                "19:00",
                "\"19:00\" is not a window (no \"-\" between start and end)",
                "\"19:00\" n’est pas une plage (pas de « - » entre le début et la fin)",
            ),
            (
                "19h6-8h",
                "window \"19h6-8h\": bad start: \"19h6\" is not a time of day (HH:MM or 19h, 8h30)",
                "plage \"19h6-8h\" : début incorrect : \"19h6\" n’est pas une heure (HH:MM ou 19h, 8h30)",
            ),
            (
                "19:00-08:60",
                "window \"19:00-08:60\": bad end: \"08:60\" has minute 60 (minutes go 00-59)",
                "plage \"19:00-08:60\" : fin incorrecte : \"08:60\" a la minute 60 (les minutes vont de 00 à 59)",
            ),
            (
                "19h-25h",
                "window \"19h-25h\": bad end: \"25h\" has hour 25 (hours go 00-23; 24:00 is allowed only as an end)",
                "plage \"19h-25h\" : fin incorrecte : \"25h\" a l’heure 25 (les heures vont de 00 à 23 ; 24:00 seulement comme fin)",
            ),
        ];
        for (rule, en, fr) in cases {
            let e = parse_rule(rule).unwrap_err();
            assert_eq!(
                with_lang(Lang::En, || e.to_string()),
                format!("{en}; {EN_FORMS}")
            );
            assert_eq!(
                with_lang(Lang::Fr, || e.to_string()),
                format!("{fr} ; {FR_FORMS}")
            );
        }
        let e = parse_rule("19:00-19:00").unwrap_err();
        assert_eq!(
            with_lang(Lang::En, || e.to_string()),
            "window \"19:00-19:00\" is empty (it starts and ends at the same time); use \"all\" for a whole day or \"none\" for no offline hours"
        );
        assert_eq!(
            with_lang(Lang::Fr, || e.to_string()),
            "la plage \"19:00-19:00\" est vide (elle commence et finit à la même heure) ; écrivez \"all\" pour toute la journée ou \"none\" pour aucune heure hors ligne"
        );
    }
}
