//! `--help`, the man pages and the shell completions in the user's language.
//!
//! clap takes its texts from the doc comments, in English. In French, the built command tree
//! is walked and every command's about/long about and every argument's help is replaced by
//! the message of the `help` area named after its place in the tree
//! (`help-about-serein-plan-add`, `help-arg-serein-plan-add-date`, [`key`]). locales/en/help.ftl
//! holds the English texts too, and a test checks they equal the doc comments, so the
//! French file (which must have every English message) covers every command and argument.
//!
//! clap's own words are replaced where clap lets us: the "Usage:" heading (help template),
//! "Arguments:", "Options:", "Commands:" (help headings), `<COMMAND>`, and the help, version
//! and `help` subcommand texts. Not translatable in clap: its error messages, `[OPTIONS]` in
//! usage lines, `[default: …]`, `[possible values: …]`, `[env: …]`, `[aliases: …]`.
//!
//! English parsing costs nothing more: [`parse`] parses with the plain command, and only when
//! clap has something to print (help, version, an error) in French does it build the French
//! tree and parse again to print it.

use clap::{Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::i18n::{self, Lang};

/// What a help message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A command's one-line description.
    About,
    /// A command's full description (`--help`, man page).
    LongAbout,
    /// An argument's help.
    Arg,
    /// An argument's long help (`--help`, man page).
    LongArg,
}

/// The `help` message id for a command at `path` (`serein-plan-add`) or one of its arguments.
pub(crate) fn key(kind: Kind, path: &str, arg: Option<&str>) -> String {
    let kind = match kind {
        Kind::About => "about",
        Kind::LongAbout => "long",
        Kind::Arg => "arg",
        Kind::LongArg => "longarg",
    };
    match arg {
        Some(a) => format!("help-{kind}-{path}-{a}"),
        None => format!("help-{kind}-{path}"),
    }
}

/// Parses the process's arguments like `Cli::parse()`, printing help, version and errors in
/// the current language.
pub fn parse() -> Cli {
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) if i18n::lang() == Lang::En => e.exit(),
        // French: the same arguments again, with the French tree doing the printing.
        Err(_) => command().get_matches(),
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The command tree in the current language, built (help flags and the `help` subcommand
/// included).
pub fn command() -> Command {
    built(Cli::command())
}

/// `cmd` built, and in French when the language is French.
pub(crate) fn built(mut cmd: Command) -> Command {
    cmd.build();
    if i18n::lang() == Lang::En {
        return cmd;
    }
    let path = cmd.get_name().to_owned();
    localize(cmd, &path, &Globals::new())
}

/// Global arguments (`--config`, copied by clap into every subcommand) → the path of the
/// command that defines them, where their help is named once.
pub(crate) type Globals = std::collections::BTreeMap<String, String>;

/// Where an argument of the command at `path` has its help named, given the globals above.
pub(crate) fn arg_path<'a>(a: &clap::Arg, path: &'a str, globals: &'a Globals) -> &'a str {
    match globals.get(a.get_id().as_str()) {
        Some(p) if a.is_global_set() => p,
        _ => path,
    }
}

/// The globals for the subcommands of `cmd` at `path`: those above, and its own.
pub(crate) fn globals_below(cmd: &Command, path: &str, above: &Globals) -> Globals {
    let mut g = above.clone();
    for a in cmd.get_arguments().filter(|a| a.is_global_set()) {
        g.entry(a.get_id().to_string())
            .or_insert_with(|| path.to_owned());
    }
    g
}

/// The `help` message `key` in the current language.
fn message(key: &str) -> String {
    i18n::tr(key, None)
}

/// Replaces the texts of a built command and everything under it with the current
/// language's. `path` names the command's messages (`serein-plan-add`); clap's `help`
/// subcommand lists copies of the real commands, named as they are.
fn localize(mut cmd: Command, path: &str, globals: &Globals) -> Command {
    use crate::t;
    let clap_help = cmd.get_name() == "help";
    if clap_help {
        if cmd.get_about().is_some() {
            cmd = cmd.about(t!("cli-help-help-command"));
        }
    } else {
        if cmd.get_about().is_some() {
            cmd = cmd.about(message(&key(Kind::About, path, None)));
        }
        if cmd.get_long_about().is_some() {
            cmd = cmd.long_about(message(&key(Kind::LongAbout, path, None)));
        }
    }
    let styles = cmd.get_styles().clone();
    let usage = styles.get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}{} {{usage}}\n\n{{all-args}}{{after-help}}",
        usage.render(),
        t!("cli-help-usage"),
        usage.render_reset()
    );
    let arguments = t!("cli-help-arguments");
    let options = t!("cli-help-options");
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t!("cli-help-commands"))
        .subcommand_value_name(t!("cli-help-command-value"))
        .mut_args(|a| {
            let id = a.get_id().as_str().to_owned();
            let a = match id.as_str() {
                "help" if a.get_long_help().is_some() => a
                    .help(t!("cli-help-help-short"))
                    .long_help(t!("cli-help-help-long")),
                "help" => a.help(t!("cli-help-help")),
                "version" => a.help(t!("cli-help-version")),
                "subcommand" if clap_help => a
                    .help(t!("cli-help-help-subcommand"))
                    .value_name(t!("cli-help-command-value")),
                _ => {
                    let mut a = a;
                    let at = arg_path(&a, path, globals);
                    if a.get_help().is_some() {
                        a = a.help(message(&key(Kind::Arg, at, Some(&id))));
                    }
                    if a.get_long_help().is_some() {
                        a = a.long_help(message(&key(Kind::LongArg, at, Some(&id))));
                    }
                    a
                }
            };
            if a.get_help_heading().is_some() {
                a
            } else if a.is_positional() {
                a.help_heading(arguments.clone())
            } else {
                a.help_heading(options.clone())
            }
        });
    let below = globals_below(&cmd, path, globals);
    cmd.mut_subcommands(|s| {
        let p = if s.get_name() == "help" {
            path.to_owned()
        } else {
            format!("{path}-{}", s.get_name())
        };
        localize(s, &p, &below)
    })
}

/// The man page sections clap_mangen names in English, in the current language.
pub(crate) fn man_sections(roff: &str) -> String {
    if i18n::lang() == Lang::En {
        return roff.to_owned();
    }
    use crate::t;
    let names = [
        ("NAME", t!("cli-man-name")),
        ("SYNOPSIS", t!("cli-man-synopsis")),
        ("DESCRIPTION", t!("cli-man-description")),
        ("OPTIONS", t!("cli-man-options")),
        ("SUBCOMMANDS", t!("cli-man-subcommands")),
        ("EXTRA", t!("cli-man-extra")),
        ("VERSION", t!("cli-man-version")),
        ("AUTHORS", t!("cli-man-authors")),
    ];
    roff.lines()
        .map(|line| {
            // Headings of arguments end with a no-break space in French (`Options :`).
            let Some(heading) = line
                .strip_prefix(".SH ")
                .map(|h| h.trim_matches('"').trim())
            else {
                return format!("{line}\n");
            };
            match names.iter().find(|(en, _)| *en == heading) {
                Some((_, fr)) => format!(".SH {}\n", fr.to_uppercase()),
                None => format!(".SH {heading}\n"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
