//! Skipping a test for a missing tool, visibly.
//!
//! libtest captures `eprintln!` of a passing test, so a skip printed that way vanished and the
//! test read `ok`. The notice is written to the process's standard error directly (not through
//! the captured `eprint!`), so it shows in `cargo test` output. Under `CI=true` a missing tool
//! fails instead: a green CI must mean the test ran.

/// Fails under `CI=true`; otherwise prints `SKIPPED <what>` past libtest's capture.
pub fn skip(what: &str) {
    use std::io::Write;
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{what} (required under CI=true: .ci/run installs it)"
    );
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {what}");
}
