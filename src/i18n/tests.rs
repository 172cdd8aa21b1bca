use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use fluent_syntax::ast;

use super::*;

/// Message id → the `$variables` it uses, for one .ftl source; panics naming the file on a
/// syntax error.
fn messages(name: &str, src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = fluent_syntax::parser::parse(src)
        .unwrap_or_else(|(_, errs)| panic!("{name}: Fluent syntax errors: {errs:?}"));
    let mut out = BTreeMap::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            for a in &m.attributes {
                pattern_vars(&a.value, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, vars);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Every area has a French file with exactly the English messages, each using the same
/// variables: a French message missing (or left over after an English one was renamed)
/// fails here, naming it.
#[test]
fn french_has_every_english_message_with_the_same_variables() {
    let mut problems = Vec::new();
    for (area, en, fr) in AREAS {
        if fr.is_empty() {
            problems.push(format!("locales/fr/{area}.ftl is missing"));
            continue;
        }
        let en = messages(&format!("locales/en/{area}.ftl"), en);
        let fr = messages(&format!("locales/fr/{area}.ftl"), fr);
        for (id, vars) in &en {
            if !id.starts_with(&format!("{area}-")) {
                problems.push(format!(
                    "locales/en/{area}.ftl: {id} must start with \"{area}-\""
                ));
            }
            match fr.get(id) {
                None => problems.push(format!("locales/fr/{area}.ftl: {id} is missing")),
                Some(fv) if fv != vars => problems.push(format!(
                    "locales/fr/{area}.ftl: {id} uses {fv:?}, English uses {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in fr.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!(
                "locales/fr/{area}.ftl: {id} is not in locales/en/{area}.ftl"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `t!("…")` with a literal key in the code names an English message.
#[test]
fn every_key_used_in_the_code_exists() {
    let mut known = BTreeSet::new();
    for (area, en, _) in AREAS {
        known.extend(messages(area, en).into_keys());
    }
    let mut missing = Vec::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let own = [src.join("i18n/mod.rs"), src.join("i18n/tests.rs")];
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().map(Result::unwrap) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !own.contains(&p) {
                let text = std::fs::read_to_string(&p).unwrap();
                for (line, key) in literal_keys(&text) {
                    if !known.contains(key) {
                        missing.push(format!("{}:{line}: {key}", p.display()));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "unknown message keys:\n{}",
        missing.join("\n")
    );
}

/// The literal keys of `t!(` calls in a source, with their lines; the key may be on the next
/// line (`crate::t!(\n    "key",`). `format!(` and other macros ending in `t!` don't count.
fn literal_keys(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("t!(").map(|i| i + from) {
        from = i + 3;
        let word = text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after = text[from..].trim_start();
        if word || !after.starts_with('"') {
            continue;
        }
        let key_start = text.len() - after.len() + 1;
        if let Some(end) = text[key_start..].find('"') {
            let line = text[..key_start].matches('\n').count() + 1;
            out.push((line, &text[key_start..key_start + end]));
        }
    }
    out
}

#[test]
fn the_scan_finds_keys() {
    let src =
        "let a = t!(\"today-x\");\ncrate::t!(\n    \"today-y\",\n    n = 1\n); format!(\"{x}\")";
    assert_eq!(literal_keys(src), [(1, "today-x"), (3, "today-y")]);
}

#[test]
fn the_language_comes_from_the_config_then_lc_all_lc_messages_lang() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    type Vars = &'static [(&'static str, &'static str)];
    let cases: &[(Option<Lang>, Vars, Lang)] = &[
        (None, &[], Lang::En),
        (None, &[("LANG", "fr_FR.UTF-8")], Lang::Fr),
        (None, &[("LANG", "fr_CA")], Lang::Fr),
        (None, &[("LANG", "de_DE.UTF-8")], Lang::En),
        (None, &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")], Lang::En),
        (None, &[("LANG", "C"), ("LC_MESSAGES", "fr_BE")], Lang::Fr),
        (None, &[("LC_ALL", ""), ("LANG", "fr")], Lang::Fr),
        (Some(Lang::En), &[("LANG", "fr_FR.UTF-8")], Lang::En),
        (Some(Lang::Fr), &[("LANG", "C")], Lang::Fr),
    ];
    for (config, vars, want) in cases {
        assert_eq!(detect(*config, env(vars)), *want, "{config:?} {vars:?}");
    }
}

#[test]
fn dates_in_both_languages() {
    let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let cases = [
        (DateStyle::Weekday, "Tue", "mar."),
        (DateStyle::DayMonth, "1 Dec", "1 déc."),
        (DateStyle::WeekdayDay, "Tue 1", "mar. 1"),
        (DateStyle::WeekdayDayMonth, "Tue 1 Dec", "mar. 1 déc."),
        (
            DateStyle::WeekdayDayMonthYear,
            "Tue 1 Dec 2026",
            "mar. 1 déc. 2026",
        ),
        (
            DateStyle::Long,
            "Tuesday 1 December 2026",
            "mardi 1 décembre 2026",
        ),
    ];
    for (style, en, fr) in cases {
        assert_eq!(with_lang(Lang::En, || date(d, style)), en);
        assert_eq!(with_lang(Lang::Fr, || date(d, style)), fr);
    }
    let names: Vec<String> = (1..=12)
        .map(|m| with_lang(Lang::Fr, || month_name(m, true)))
        .collect();
    assert_eq!(names[1], "février");
    assert_eq!(names[7], "août");
}

/// Plural rules follow the language: French puts 0 and 1 in the singular.
#[test]
fn plurals_follow_the_language() {
    let cases = [(0, "0 minutes", "0 minute"), (1, "1 minute", "1 minute")];
    for (n, en, fr) in cases {
        assert_eq!(
            with_lang(Lang::En, || crate::t!("common-minutes", n = n)),
            en
        );
        assert_eq!(
            with_lang(Lang::Fr, || crate::t!("common-minutes", n = n)),
            fr
        );
    }
    assert_eq!(
        with_lang(Lang::Fr, || crate::t!("common-minutes", n = 2)),
        "2 minutes"
    );
}

#[test]
fn with_lang_is_per_thread_and_restored() {
    with_lang(Lang::Fr, || {
        assert_eq!(lang(), Lang::Fr);
        let other = std::thread::spawn(lang).join().unwrap();
        assert_eq!(other, Lang::En);
    });
    assert_eq!(lang(), Lang::En);
}
