//! Today with calendars (issue 11): meetings are selectable but read-only, `45m Title` stays
//! inside the working hours and out of offline hours, planned vs actual.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serein::app::msg::Msg;
use serein::domain::plan::Kind;

use crate::e2e::Tmux;
use crate::{Env, nb};

/// `serein plan add "45m …"` on a day full until 18:30 with offline hours from 18:00 is refused
/// with the first free time and why; with that time given it is added, with a warning.
#[test]
fn cli_next_free_slot_stays_inside_working_hours() {
    let env = Env::new();
    env.write_config("[offline]\nweekdays = \"18:00-08:00\"\n");
    env.cmd()
        .args([
            "plan",
            "add",
            "08:00-18:30 Long day #work",
            "--date",
            "2026-12-03",
        ])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["plan", "add", "45m Write #work", "--date", "2026-12-03"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains(
            "no free 45m between 08:00 and 18:00 on Thu 3 Dec; 18:30–19:15 is in your offline hours 18:00–08:00 — give a time to place it anyway: `18:30 +45m Write #work`"
        ),
        "{err}"
    );
    let out = env
        .cmd()
        .args([
            "plan",
            "add",
            "18:30 +45m Write #work",
            "--date",
            "2026-12-03",
        ])
        .assert()
        .success();
    let o = out.get_output();
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("18:30-19:15 Write"),
        "{o:?}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("warning: 18:30-19:15 is in your offline hours 18:00–08:00"),
        "{o:?}"
    );
}

/// The TUI's quick add refuses the same way and keeps the prompt and its text.
#[test]
fn tui_quick_add_refuses_after_hours() {
    let mut m = crate::model_at(crate::at(17, 50));
    m.config.offline.weekdays = "18:00-08:00".into();
    m.apply_config(m.config.clone());
    let mut store = serein::store::Store::open_in_memory().unwrap();
    store
        .insert_many(&[nb(8 * 60, 17 * 60 + 30, "Long day", "work", Kind::Focus)])
        .unwrap();
    let now = m.now;
    let mut shell = serein::shell::Shell::new(&mut store);
    shell.start(&mut m, now);
    let key = |c: KeyCode| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE));
    shell.dispatch(&mut m, key(KeyCode::Char('a')), now);
    for c in "45m Write".chars() {
        shell.dispatch(&mut m, key(KeyCode::Char(c)), now);
    }
    shell.dispatch(&mut m, key(KeyCode::Enter), now);
    assert_eq!(m.today.boxes.len(), 1, "nothing added: {:?}", m.today.boxes);
    let status = m
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("no free 45m between 17:50 and 18:00 on Mon 23 Nov; 17:50–18:35 is in your offline hours 18:00–08:00"),
        "{status}"
    );
    assert!(matches!(m.mode, serein::app::model::Mode::Input(_)));
}
