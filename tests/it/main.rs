//! Integration tests in one binary (one link step on a 2-core machine).

#[path = "../support/skip.rs"]
pub mod skip;

mod breathe;
mod calendar;
mod calendar_url;
mod cli;
mod concurrency;
mod due;
mod e2e;
mod flow;
mod french_cli;
mod french_errors;
mod french_input;
mod french_screens;
mod french_summary;
mod french_timer;
mod french_today;
mod idle;
mod import;
mod keys;
mod layout;
mod meetings_today;
mod meetings_week;
mod offline;
mod redraw;
mod render;
mod sound;
mod status;
mod summary;
mod timer;
mod timer_cli;
mod watch;
mod zone;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serein::app::model::Model;
use serein::config::Config;
use serein::domain::plan::{Kind, NewTimebox};
use serein::keys::Keymap;

/// A private home for one test: config, data and state under a temp dir.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Default for Env {
    fn default() -> Env {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.path().join("data/serein")
    }

    pub fn config_file(&self) -> PathBuf {
        self.path().join("config/serein/config.toml")
    }

    /// Environment for a child `serein`: never the real user's dirs, a fixed start time.
    pub fn vars(&self) -> Vec<(String, String)> {
        let p = self.path().display().to_string();
        vec![
            ("HOME".into(), p.clone()),
            ("XDG_CONFIG_HOME".into(), format!("{p}/config")),
            ("XDG_DATA_HOME".into(), format!("{p}/data")),
            ("XDG_STATE_HOME".into(), format!("{p}/state")),
            ("SEREIN_NOW".into(), "2026-11-23T09:41".into()),
            ("TZ".into(), "Europe/Paris".into()),
            // English unless a test asks for French (`LANG=fr_FR.UTF-8` or `language =`).
            ("LANG".into(), "C.UTF-8".into()),
            // Tests that want the background daemon remove this.
            ("SEREIN_NO_DAEMON".into(), "1".into()),
        ]
    }

    /// `serein` with this environment.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::cargo_bin("serein").expect("binary");
        c.env_clear();
        c.env("PATH", std::env::var("PATH").unwrap_or_default());
        for (k, v) in self.vars() {
            c.env(k, v);
        }
        c
    }

    pub fn write_config(&self, text: &str) {
        let f = self.config_file();
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, text).unwrap();
    }
}

/// `serein plan list --json --date DATE`, which must succeed.
pub fn list_json(env: &Env, date: &str) -> serde_json::Value {
    let out = env
        .cmd()
        .args(["plan", "list", "--json", "--date", date])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

pub fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub fn at(h: u32, m: u32) -> NaiveDateTime {
    day().and_hms_opt(h, m, 0).unwrap()
}

pub fn nb(start: u16, end: u16, title: &str, domain: &str, kind: Kind) -> NewTimebox {
    NewTimebox {
        date: day(),
        start,
        end,
        title: title.into(),
        domain: domain.into(),
        kind,
    }
}

/// A realistic day with an overlap, a break and a done box.
pub fn full_day() -> Vec<NewTimebox> {
    vec![
        nb(
            9 * 60,
            10 * 60 + 30,
            "Write quarterly report",
            "work",
            Kind::Focus,
        ),
        nb(10 * 60 + 30, 10 * 60 + 45, "Stretch", "work", Kind::Break),
        nb(10 * 60 + 45, 12 * 60, "Code review", "work", Kind::Focus),
        nb(
            11 * 60 + 30,
            12 * 60 + 15,
            "Standup (moved)",
            "work",
            Kind::Focus,
        ),
        nb(
            12 * 60 + 30,
            13 * 60 + 30,
            "Lunch with Sam",
            "social",
            Kind::Focus,
        ),
        nb(14 * 60, 16 * 60, "Deep work: parser", "work", Kind::Focus),
        nb(16 * 60 + 30, 17 * 60, "Run", "health", Kind::Focus),
        nb(17 * 60 + 30, 18 * 60, "Call mum", "family", Kind::Focus),
    ]
}

/// A clock that runs with tokio's (paused, auto-advancing) time.
pub struct TokioClock {
    pub start: tokio::time::Instant,
    pub local: NaiveDateTime,
}

/// Its wall time is read in UTC, so `now()` and `local()` agree whatever the process's zone.
impl serein::shell::clock::Clock for TokioClock {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        (self.local + (tokio::time::Instant::now() - self.start)).and_utc()
    }
    fn zone(&self) -> serein::domain::time::Zone {
        serein::domain::time::Zone::utc()
    }
}

pub fn model_at(now: NaiveDateTime) -> Model {
    let mut m = Model::new(Config::default(), Keymap::default(), now);
    m.no_color = true;
    m
}
