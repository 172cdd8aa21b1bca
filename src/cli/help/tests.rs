use std::collections::BTreeSet;

use super::*;
use crate::i18n::with_lang;

/// Every `(message id, English text)` the doc comments give, in tree order.
fn english_texts() -> Vec<(String, String)> {
    fn walk(cmd: &Command, path: &str, globals: &Globals, out: &mut Vec<(String, String)>) {
        if let Some(a) = cmd.get_about() {
            out.push((key(Kind::About, path, None), a.to_string()));
        }
        if let Some(a) = cmd.get_long_about() {
            out.push((key(Kind::LongAbout, path, None), a.to_string()));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            // clap's own flags, and global arguments below the top (named once, at the top).
            if id == "help" || id == "version" || arg_path(a, path, globals) != path {
                continue;
            }
            if let Some(h) = a.get_help() {
                out.push((key(Kind::Arg, path, Some(id)), h.to_string()));
            }
            if let Some(h) = a.get_long_help() {
                out.push((key(Kind::LongArg, path, Some(id)), h.to_string()));
            }
        }
        let below = globals_below(cmd, path, globals);
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(s, &format!("{path}-{}", s.get_name()), &below, out);
        }
    }
    let cmd = with_lang(Lang::En, command);
    let mut out = Vec::new();
    walk(&cmd, "serein", &Globals::new(), &mut out);
    out
}

/// A text as a Fluent message value: braces escaped, a line starting with `[`, `*` or `.`
/// escaped, several lines indented on the lines below the id.
fn ftl_value(text: &str) -> String {
    let esc = |line: &str| {
        let l: String = line
            .chars()
            .map(|c| match c {
                '{' => "{\"{\"}".to_owned(),
                '}' => "{\"}\"}".to_owned(),
                c => c.to_string(),
            })
            .collect();
        match l.chars().next() {
            Some(c @ ('[' | '*' | '.')) => format!("{{\"{c}\"}}{}", &l[1..]),
            _ => l,
        }
    };
    if text.contains('\n') {
        let lines: Vec<String> = text
            .lines()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("    {}", esc(l))
                }
            })
            .collect();
        format!("\n{}", lines.join("\n"))
    } else {
        format!(" {}", esc(text))
    }
}

fn english_file(texts: &[(String, String)]) -> String {
    let mut out = String::from(
        "# --help and man page texts: the doc comments of src/cli (checked by\n\
         # cli::help::tests; SEREIN_BLESS=1 cargo test --lib cli::help rewrites this file).\n\
         # French in locales/fr/help.ftl, one message for each of these.\n\n",
    );
    for (k, v) in texts {
        out.push_str(&format!("{k} ={}\n", ftl_value(v)));
    }
    out
}

/// locales/en/help.ftl is exactly the doc comments: a changed or new doc comment fails here
/// (and then the French file lacks a message, which fails `i18n::tests`).
#[test]
fn english_help_messages_are_the_doc_comments() {
    let texts = english_texts();
    let keys: BTreeSet<&String> = texts.iter().map(|(k, _)| k).collect();
    assert_eq!(keys.len(), texts.len(), "two texts with one message id");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/help.ftl");
    let want = english_file(&texts);
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want && std::env::var_os("SEREIN_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    assert!(
        have == want,
        "locales/en/help.ftl differs from the doc comments; rerun with SEREIN_BLESS=1 to \
         rewrite it, then update locales/fr/help.ftl"
    );
    // And Fluent gives back each text as written.
    for (k, v) in &texts {
        assert_eq!(&with_lang(Lang::En, || message(k)), v, "{k}");
    }
}

/// In French, every command and argument shown by `--help` has a French text: none is left
/// as the English doc comment.
#[test]
fn every_command_and_argument_has_french_help() {
    fn walk(en: &Command, fr: &Command, path: &str, same: &mut Vec<String>) {
        let eq = |a: Option<&clap::builder::StyledStr>, b: Option<&clap::builder::StyledStr>| {
            a.is_some() && a.map(ToString::to_string) == b.map(ToString::to_string)
        };
        if eq(en.get_about(), fr.get_about()) || eq(en.get_long_about(), fr.get_long_about()) {
            same.push(path.to_owned());
        }
        for (a, b) in en.get_arguments().zip(fr.get_arguments()) {
            assert_eq!(a.get_id(), b.get_id(), "{path}");
            if eq(a.get_help(), b.get_help()) || eq(a.get_long_help(), b.get_long_help()) {
                same.push(format!("{path} <{}>", a.get_id()));
            }
        }
        for (a, b) in en.get_subcommands().zip(fr.get_subcommands()) {
            walk(a, b, &format!("{path} {}", a.get_name()), same);
        }
    }
    let en = with_lang(Lang::En, command);
    let fr = with_lang(Lang::Fr, command);
    let mut same = Vec::new();
    walk(&en, &fr, "serein", &mut same);
    assert!(same.is_empty(), "still in English:\n{}", same.join("\n"));
}

#[test]
fn french_help_has_french_headings() {
    let mut cmd = with_lang(Lang::Fr, command);
    let plan = cmd.find_subcommand_mut("plan").unwrap();
    let add = plan.find_subcommand_mut("add").unwrap();
    let help = add.render_long_help().to_string();
    for word in [
        "Utilisation\u{a0}:",
        "Arguments\u{a0}:",
        "Options\u{a0}:",
        "Afficher l’aide",
    ] {
        assert!(help.contains(word), "{word:?} not in\n{help}");
    }
    for word in ["Usage:", "Options:", "Print help"] {
        assert!(!help.contains(word), "{word:?} in\n{help}");
    }
    let top = with_lang(Lang::Fr, command).render_help().to_string();
    assert!(top.contains("Commandes\u{a0}:"), "{top}");
    assert!(!top.contains("Commands:"), "{top}");
}

#[test]
fn english_help_is_claps() {
    let top = with_lang(Lang::En, command).render_help().to_string();
    assert!(top.contains("Usage:") && top.contains("Commands:"), "{top}");
}

#[test]
fn man_sections_in_french() {
    let roff = ".TH serein 1\n.SH NAME\nserein\n.SH OPTIONS\n.TP\n";
    let fr = with_lang(Lang::Fr, || man_sections(roff));
    assert_eq!(fr, ".TH serein 1\n.SH NOM\nserein\n.SH OPTIONS\n.TP\n");
    assert_eq!(with_lang(Lang::En, || man_sections(roff)), roff);
}
