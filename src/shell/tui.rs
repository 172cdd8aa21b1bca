//! The real terminal: raw mode and the alternate screen behind a guard that restores them on
//! every exit path (return, error, panic, signal), and the signals that end the TUI.

use std::io;

use std::pin::Pin;
use std::task::{Context, Poll};

use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend as _;

use crate::app::model::Model;
use crate::shell::clock::Clock;
use crate::shell::ticker::Ticker;
use crate::shell::{RealDesktop, Shell, TerminalFrontend, give_back, run_loop};
use crate::store::Store;

/// Puts the terminal back however we leave: normal return, error, panic or signal.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        crossterm::terminal::enable_raw_mode()?;
        let guard = TerminalGuard;
        crossterm::execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::cursor::Hide
        )?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Best effort: after SIGHUP the terminal is gone and writes fail, which is fine.
fn restore_terminal() {
    let _ = crossterm::execute!(
        io::stdout(),
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// The terminal's input, read on a thread of its own that blocks in `crossterm::event::read`
/// (key presses, resizes: crossterm follows SIGWINCH there) and hands each event to the run
/// loop over a channel. crossterm's `EventStream` instead polled its reader from the loop
/// and, while nothing came, parked a waker thread that took the reader's lock in turns with
/// it: 7 `sched_yield`s per turn of the loop, once a second under a countdown. This thread
/// wakes only when the terminal has something to say. It holds crossterm's reader for the
/// whole run, so nothing else here may read events (the cursor-position query is not used,
/// see `run_terminal`). When the loop is gone the next send fails and the thread ends; a
/// thread still blocked in `read` ends with the process.
pub struct InputThread {
    rx: tokio::sync::mpsc::UnboundedReceiver<io::Result<Event>>,
}

impl InputThread {
    pub fn start() -> io::Result<InputThread> {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        std::thread::Builder::new()
            .name("serein-input".into())
            // Parsing an escape sequence needs little: the pages touched stay few.
            .stack_size(256 * 1024)
            .spawn(move || {
                loop {
                    let event = crossterm::event::read();
                    let failed = event.is_err();
                    if tx.send(event).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(InputThread { rx })
    }
}

impl futures_util::Stream for InputThread {
    type Item = io::Result<Event>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.rx.poll_recv(cx)
    }
}

/// Resolves on SIGTERM, SIGHUP (pane closed), SIGINT or SIGQUIT.
async fn termination() {
    use tokio::signal::unix::{SignalKind, signal};
    let kinds = [
        SignalKind::terminate(),
        SignalKind::hangup(),
        SignalKind::interrupt(),
        SignalKind::quit(),
    ];
    let mut streams = Vec::new();
    for k in kinds {
        match signal(k) {
            Ok(s) => streams.push(s),
            Err(e) => tracing::warn!("can't watch signal {k:?}: {e}"),
        }
    }
    if streams.is_empty() {
        return std::future::pending().await;
    }
    let waits = streams.iter_mut().map(|s| Box::pin(s.recv()));
    let _ = futures_util::future::select_all(waits).await;
    tracing::info!("signal received: leaving");
}

/// Opens the real terminal and runs the app on a single-threaded runtime.
pub fn run_terminal(
    mut model: Model,
    mut store: Store,
    clock: &dyn Clock,
    daemon: Option<crate::shell::daemon::Launch>,
    enforce: Option<(std::path::PathBuf, std::path::PathBuf)>,
    config_file: Option<(std::path::PathBuf, bool)>,
) -> anyhow::Result<()> {
    {
        use std::io::IsTerminal;
        if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
            anyhow::bail!(
                "serein's screens need a terminal (standard input and output are not one); the other commands (serein --help) work anywhere"
            );
        }
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Benchmarks measure start-up to the first frame: leave right after drawing it.
    let first_frame_only = std::env::var_os("SEREIN_BENCH_FIRST_FRAME").is_some();
    rt.block_on(async {
        let shutdown = async move {
            if !first_frame_only {
                termination().await;
            }
        };
        let (tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
        let data_dir = enforce.as_ref().map(|(_, dir)| dir.clone());
        let (desktop, enforcer) = RealDesktop::start(&model.config, tx, daemon, true, enforce);
        let guard = TerminalGuard::enter()?;
        // Lets the end-to-end test prove the panic path restores the terminal (debug builds only).
        if cfg!(debug_assertions) && std::env::var_os("SEREIN_TEST_PANIC").is_some() {
            panic!("SEREIN_TEST_PANIC is set");
        }
        // No `terminal.clear()`: it asks the terminal for the cursor position (ESC[6n) and
        // fails after 2 s where nothing answers; the screen was cleared on entry instead.
        // A fixed viewport of the size now: resized on resize events (see `fixed_size`).
        let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
        let area = ratatui::layout::Rect::from((Default::default(), backend.size()?));
        let mut terminal = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(area),
            },
        )?;
        let mut frontend = TerminalFrontend::new(&mut terminal, InputThread::start()?, true);
        let mut shell = Shell::with_desktop(&mut store, Box::new(desktop)).watch_store();
        if let Some((path, explicit)) = config_file {
            shell = shell.watch_config(path, explicit);
        }
        let result = run_loop(
            &mut frontend,
            &mut shell,
            &mut model,
            clock,
            &mut inbox,
            shutdown,
            &Ticker::precise(),
        )
        .await;
        drop(shell);
        drop(guard);
        // The desktop (and the enforcer's input with it) is gone: wait for Do-Not-Disturb to be
        // given back before the process ends.
        if let Some(task) = enforcer {
            give_back(task).await;
            // Our enforcer (and its lock) is gone: a running daemon takes over now, not at its
            // next retry up to 30 s later.
            if let Some(dir) = &data_dir {
                crate::shell::instance::wake(dir);
            }
        }
        if let Ok(stats) = &result {
            tracing::info!(draws = stats.draws, ticks = stats.ticks, "left the TUI");
        }
        result.map(|_| ())
    })
}
