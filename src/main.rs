use std::process::ExitCode;

use serein::app::model::{Level, Model};
use serein::cli::{self, Cli, Failure};
use serein::config::{Config, Paths};
use serein::keys::Keymap;
use serein::shell::clock::{Clock, SystemClock};
use serein::store::Store;

fn main() -> ExitCode {
    // The environment's language first (for --help and early errors); `language =` in the
    // config overrides it once the config is read.
    serein::i18n::set(serein::i18n::detect_from_env(None));
    let args = cli::help::parse();
    if args.command.as_ref().is_some_and(|c| {
        !matches!(
            c,
            serein::cli::Command::Daemon { .. } | serein::cli::Command::DndGuardian { .. }
        )
    }) {
        // Commands print; piped into `head`, they should stop quietly like other Unix tools
        // instead of reporting "Broken pipe". Rust ignores SIGPIPE by default.
        // SAFETY: setting a signal disposition to the default at start-up, before any thread.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
    match real_main(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("{}", serein::t!("main-error", message = &f.message));
            f.exit.into()
        }
    }
}

fn real_main(args: Cli) -> Result<(), Failure> {
    // No home directory to put the files in: nothing the arguments could fix.
    let paths = Paths::resolve(args.config.clone(), args.data_dir.clone())
        .map_err(|e| Failure::other(e.to_string()))?;
    serein::logging::init(&paths.state_dir);
    let clock = SystemClock::from_env().map_err(|e| Failure::input(e.to_string()))?;
    let load = || {
        let loaded = Config::load(&paths.config_file, paths.config_explicit)
            .map_err(|e| Failure::input(e.to_string()))?;
        if let Some(l) = loaded.config.language {
            serein::i18n::set(l.0);
        }
        for w in &loaded.warnings {
            eprintln!("{}", serein::t!("main-warning", message = w));
        }
        Ok(loaded)
    };
    match args.command {
        // `serein breathe` (not --list) is the TUI on the Breathe screen.
        Some(cli::Command::Breathe {
            pattern,
            minutes,
            cycles,
            reduce_motion,
            list: false,
        }) => {
            let loaded = load()?;
            let exercise =
                cli::breathe_exercise(&loaded.config, pattern.as_deref(), minutes, cycles)?;
            run_tui(
                &paths,
                &clock,
                loaded,
                Start::Breathe(exercise, reduce_motion),
            )
        }
        // `serein review` (not --show) is the TUI on the review screen.
        Some(cli::Command::Review(a)) if !a.show => {
            let today = clock.local().date();
            let week = serein::cli::review::week_arg(a.week.as_deref(), today)?;
            run_tui(&paths, &clock, load()?, Start::Review(week))
        }
        Some(cmd) => cli::run(cmd, &paths, load, &clock),
        None => run_tui(&paths, &clock, load()?, Start::Today),
    }
}

/// Which screen the TUI opens on.
enum Start {
    Today,
    /// `serein breathe`: the exercise, and whether motion is reduced.
    Breathe(serein::domain::breath::Exercise, bool),
    /// `serein review`.
    Review(serein::domain::summary::Week),
}

/// The TUI on Today, or straight on the Breathe or review screen.
fn run_tui(
    paths: &Paths,
    clock: &SystemClock,
    loaded: serein::config::Loaded,
    start: Start,
) -> Result<(), Failure> {
    let store = Store::open(&paths.db_file())?;
    let keymap = Keymap::new(&loaded.config.keys);
    let mut model = Model::new(loaded.config, keymap, clock.local());
    model.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if let Some(w) = loaded.warnings.first() {
        model.set_status(Level::Warn, w.clone());
    }
    match start {
        Start::Today => {}
        Start::Breathe(exercise, reduce_motion) => {
            serein::app::breathe::start_standalone(&mut model, exercise, reduce_motion);
        }
        // The screen's loads go out with the first effects (`update::init`).
        Start::Review(week) => {
            serein::app::week::open_review(&mut model, week, true);
        }
    }
    // Benchmarks time the Week screen's first frame with 5 years of history.
    if std::env::var_os("SEREIN_BENCH_FIRST_FRAME").is_some_and(|v| v == "week") {
        serein::app::week::open(&mut model);
    }
    tracing::info!(db = %paths.db_file().display(), "starting the TUI");
    let daemon = serein::shell::daemon::Launch::new(paths);
    let enforce = Some((paths.db_file(), paths.data_dir.clone()));
    let config_file = Some((paths.config_file.clone(), paths.config_explicit));
    serein::shell::run_terminal(model, store, clock, daemon, enforce, config_file)
        .map_err(|e| Failure::other(e.to_string()))
}
