//! The design's layout, checked on the source tree (DESIGN.md): no import circle between
//! top-level modules, a pure core that reaches neither the shell nor the store, and local time
//! read only in the shell.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Each source file's code without comments and its `#[cfg(test)]` module (tests may reach
/// anywhere).
fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(i) => &text[..i],
                None => &text,
            };
            // Comments may name any module: only code counts.
            let code: Vec<&str> = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            (rel, code.join("\n"))
        })
        .collect()
}

fn top_module(rel: &str) -> String {
    rel.split('/')
        .next()
        .unwrap()
        .trim_end_matches(".rs")
        .to_string()
}

/// `crate::NAME` paths used by each top-level module.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, code) in sources() {
        let from = top_module(&rel);
        if from == "lib" || from == "main" {
            continue;
        }
        let deps = g.entry(from.clone()).or_default();
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != from {
                deps.insert(name);
            }
        }
    }
    g
}

fn reaches(g: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(m) = stack.pop() {
        if m == to {
            return true;
        }
        if seen.insert(m.clone()) {
            stack.extend(g.get(&m).into_iter().flatten().cloned());
        }
    }
    false
}

#[test]
fn no_import_circle_between_top_level_modules() {
    let g = graph();
    let circles: Vec<String> = g
        .iter()
        .flat_map(|(a, deps)| deps.iter().map(move |b| (a, b)))
        .filter(|(a, b)| reaches(&g, b, a))
        .map(|(a, b)| format!("{a} → {b} → … → {a}"))
        .collect();
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_core_reaches_neither_the_shell_nor_the_store() {
    let g = graph();
    for core in ["domain", "app"] {
        for edge in ["shell", "store", "cli", "ui"] {
            assert!(
                !g[core].contains(edge),
                "{core} uses crate::{edge} (the core does no I/O)"
            );
        }
    }
    assert!(
        g["domain"].iter().all(|d| d == "domain"),
        "{:?}",
        g["domain"]
    );
}

/// Byte offsets of `word` standing alone (not part of a longer name like `LocalResult` or
/// `naive_local`).
fn word_at(code: &str, word: &str) -> Vec<usize> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            !code[..i].chars().next_back().is_some_and(ident)
                && !code[i + word.len()..].chars().next().is_some_and(ident)
        })
        .collect()
}

#[test]
fn the_system_time_zone_is_read_only_in_the_shell() {
    // The zone is an input like `now` (carried in `Now`): only the shell names the system zone,
    // plus the one delegating impl of `Zone::System` in domain::time.
    let mut found = Vec::new();
    for (rel, mut code) in sources() {
        if rel.starts_with("shell/") {
            continue;
        }
        if rel == "domain/time.rs"
            && let Some(start) = code.find("impl TimeZone for Zone {")
        {
            let end = start + code[start..].find("\n}").expect("the impl ends");
            code.replace_range(start..end, "");
        }
        for i in word_at(&code, "Local") {
            let line = code[..i].lines().count().max(1);
            let text = code.lines().nth(line - 1).unwrap_or("").trim();
            found.push(format!("src/{rel}: {text}"));
        }
    }
    assert!(
        found.is_empty(),
        "the system time zone (chrono::Local) read outside the shell; take the zone from `now`:\n{}",
        found.join("\n")
    );
}
