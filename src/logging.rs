//! Tracing to `$XDG_STATE_HOME/serein/serein.log`, never to the terminal.

use std::path::Path;

use tracing_subscriber::EnvFilter;

/// Starts file logging (level from `SEREIN_LOG`, default `info`). The folder is created
/// first: tracing-appender would otherwise print to stderr over the TUI. Failing to log is
/// not a reason to fail the app.
pub fn init(state_dir: &Path) {
    if std::fs::create_dir_all(state_dir).is_err() {
        return;
    }
    let Ok(appender) = tracing_appender::rolling::RollingFileAppender::builder()
        .rotation(tracing_appender::rolling::Rotation::NEVER)
        .filename_prefix("serein.log")
        .build(state_dir)
    else {
        return;
    };
    let filter = EnvFilter::try_from_env("SEREIN_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(appender)
        .with_ansi(false)
        .try_init();
}
