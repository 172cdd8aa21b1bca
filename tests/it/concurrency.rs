//! Many programs on one database: the TUI, the CLI and other programs reading the file (the
//! README says `sqlite3` may read it). No write may ever be lost.
//!
//! SQLite's POSIX locks belong to the process and are all dropped when *any* descriptor of the
//! file is closed in it; an outside reader that then believes it is the last user checkpoints
//! and deletes the WAL under serein's open connection. These tests run the real binary with an
//! outside reader in between writers.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::Env;
use crate::e2e::Tmux;

/// Whether the `sqlite3` shell is here (under CI=true it must be: `.ci/run` installs it).
fn sqlite3_available() -> bool {
    if Command::new("sqlite3")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    crate::skip::skip("outside-reader test: the sqlite3 shell is not installed");
    false
}

/// What a person looking at their data does: `sqlite3 serein.db 'select count(*) …'`. The
/// shell opens the file read-write and, closing as what it believes is the last connection,
/// checkpoints and deletes the WAL unless serein's locks say the file is still in use.
/// (rusqlite's bundled SQLite keeps the WAL on close, so it would not show the loss.)
fn outside_read(db: &Path) -> i64 {
    let out = Command::new("sqlite3")
        .args(["-cmd", ".timeout 5000"])
        .arg(db)
        .arg("SELECT count(*) FROM timebox")
        .output()
        .expect("sqlite3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a count")
}

/// `serein plan add TEXT`, returning the id it reports (`added #N …`).
fn cli_add(env: &Env, text: &str) -> i64 {
    let out = env.cmd().args(["plan", "add", text]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout
        .split_once("added #")
        .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no `added #N` in {stdout:?}"))
}

/// Titles stored, read straight from the file once every serein has left.
fn stored_titles(db: &Path) -> Vec<(i64, String)> {
    let c = rusqlite::Connection::open(db).unwrap();
    // The TUI's process may still be closing its connection (a checkpoint) as we open.
    c.busy_timeout(Duration::from_secs(5)).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let mut st = c
        .prepare("SELECT id, title FROM timebox ORDER BY id")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The reproduction, step by step: TUI open, an outside read, CLI and TUI writes.
#[test]
fn an_outside_reader_never_loses_writes_of_the_cli_or_the_tui() {
    if !Tmux::available() || !sqlite3_available() {
        return;
    }
    let env = Env::new();
    let db = env.data_dir().join("serein.db");
    let one = cli_add(&env, "09:00-10:00 one #work");
    let t = Tmux::start(&env, 100, 30);
    t.wait_for("one");
    // The TUI's offline-hours enforcer starts beside it and opens the store too.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(outside_read(&db), 1);
    let two = cli_add(&env, "10:00-11:00 two #work");
    t.wait_for("two");
    t.keys(&["a"]);
    t.wait_for("add ›");
    t.literal("12:00-13:00 three #work");
    t.keys(&["Enter"]);
    // The status line, not the title: the title shows in the prompt before Enter is handled.
    t.wait_for("added 12:00-13:00 three");
    assert_eq!(outside_read(&db), 3);
    let four = cli_add(&env, "14:00-15:00 four #work");
    t.wait_for("four");
    t.quit();
    let stored = stored_titles(&db);
    let titles: Vec<&str> = stored.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(titles, ["one", "two", "three", "four"], "{stored:?}");
    let ids: Vec<i64> = stored.iter().map(|(id, _)| *id).collect();
    assert!(
        ids.contains(&one) && ids.contains(&two) && ids.contains(&four),
        "{stored:?}"
    );
}
