//! The countdown-only redraw: while a timer runs on Today, a tick within the same minute
//! patches the countdown's seconds into the last frame instead of drawing a whole one. Debug
//! builds (these tests) compare every patched frame with a whole draw and panic on any
//! difference (`shell::TerminalFrontend::patch`), so a change the patch missed fails here
//! instead of leaving stale text on screen.

use std::io;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serein::domain::plan::Kind;
use serein::shell::clock::Clock;
use serein::store::Store;

use crate::{TokioClock, at, model_at, nb};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Runs the TUI from 09:41:30 for `secs` of paused time on a 100×30 test terminal, typing
/// each key at its second; returns the stats, the screen as last drawn and a whole draw of
/// the final model.
async fn run(
    keys: Vec<(u64, Event)>,
    secs: u64,
    width: u16,
) -> (
    serein::shell::RunStats,
    ratatui::buffer::Buffer,
    ratatui::buffer::Buffer,
) {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert_many(&[
            nb(9 * 60 + 30, 10 * 60, "Write report", "work", Kind::Focus),
            nb(10 * 60, 10 * 60 + 15, "Stretch", "work", Kind::Break),
        ])
        .unwrap();
    let clock = TokioClock {
        start: tokio::time::Instant::now(),
        local: at(9, 41) + chrono::Duration::seconds(30),
    };
    let mut model = model_at(clock.local());
    let mut terminal = Terminal::new(TestBackend::new(width, 30)).unwrap();
    let start = tokio::time::Instant::now();
    let events = futures_util::stream::unfold(keys.into_iter(), move |mut keys| async move {
        let (at, event) = keys.next()?;
        tokio::time::sleep_until(start + Duration::from_secs(at)).await;
        Some((Ok::<_, io::Error>(event), keys))
    });
    let events = futures_util::StreamExt::chain(events, futures_util::stream::pending());
    let (_tx, mut inbox) = tokio::sync::mpsc::unbounded_channel();
    let stats = serein::shell::run(
        &mut terminal,
        &mut model,
        &mut store,
        &clock,
        Box::pin(events),
        &mut inbox,
        Box::new(serein::shell::RecordingDesktop::default()),
        // Half a second after the last tick: the final frame and the model agree on the second.
        tokio::time::sleep(Duration::from_millis(secs * 1000 + 500)),
    )
    .await
    .unwrap();
    let shown = terminal.backend().buffer().clone();
    let mut whole = Terminal::new(TestBackend::new(width, 30)).unwrap();
    whole.draw(|f| serein::ui::view(&model, f)).unwrap();
    (stats, shown, whole.backend().buffer().clone())
}

#[tokio::test(start_paused = true)]
async fn a_running_countdown_is_patched_and_each_patch_equals_a_whole_frame() {
    // `f` starts the box and shows the Timer, Esc goes back to Today (its timer row); 25
    // minutes cover minute turns, the reminder before the end, the end at 10:00 and the
    // overrun after it.
    let keys = vec![(0, key(KeyCode::Char('f'))), (1, key(KeyCode::Esc))];
    let (stats, shown, whole) = run(keys, 25 * 60, 100).await;
    // Most seconds are patched; the minute turns, the reminder and the end are drawn whole.
    assert!(stats.draws >= 25 * 60 - 5, "{stats:?}");
    assert!(stats.patched >= stats.draws - 120, "{stats:?}\n{shown:?}");
    assert_eq!(shown, whole, "{stats:?}");
}

#[tokio::test(start_paused = true)]
async fn keys_and_overlays_between_ticks_get_whole_frames() {
    // Moving the selection, the help overlay and closing it, the Timer screen (big digits:
    // drawn whole) and back: every frame still equals a whole draw.
    let keys = vec![
        (0, key(KeyCode::Char('f'))),
        (5, key(KeyCode::Char('j'))),
        (9, key(KeyCode::Char('?'))),
        (14, key(KeyCode::Esc)),
        (20, key(KeyCode::Char('t'))),
        (30, key(KeyCode::Esc)),
        (40, key(KeyCode::Char('k'))),
    ];
    let (stats, shown, whole) = run(keys, 90, 100).await;
    assert!(stats.patched > 30, "{stats:?}");
    assert!(stats.patched < stats.draws, "{stats:?}");
    assert_eq!(shown, whole, "{stats:?}");
}

#[tokio::test(start_paused = true)]
async fn a_narrow_pane_that_cuts_the_countdown_is_drawn_whole() {
    // 20 columns: the timer row is cut before its seconds, so nothing is patched.
    let keys = vec![(0, key(KeyCode::Char('f'))), (1, key(KeyCode::Esc))];
    let (stats, shown, whole) = run(keys, 30, 20).await;
    assert_eq!(stats.patched, 0, "{stats:?}");
    assert_eq!(shown, whole, "{stats:?}");
}
