//! Render snapshots of whole screens (insta + TestBackend). Names say screen, size and state.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use serein::app::model::Model;
use serein::app::msg::Msg;
use serein::domain::plan::Kind;
use serein::shell::Shell;
use serein::store::Store;

use crate::{at, full_day, model_at, nb};

fn render(model: &Model, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| serein::ui::view(model, f)).unwrap();
    t
}

pub(crate) fn screen(model: &Model, w: u16, h: u16) -> String {
    render(model, w, h).backend().to_string()
}

/// A model loaded from a store holding `boxes`, at 10:20 on the day.
fn loaded(boxes: &[serein::domain::plan::NewTimebox], keys: &[Msg]) -> Model {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_many(boxes).unwrap();
    let mut m = model_at(at(10, 20));
    let now = m.now;
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, now);
    for k in keys {
        shell.dispatch(&mut m, k.clone(), now);
    }
    m
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn today_empty() {
    let m = loaded(&[], &[]);
    assert_snapshot!("today_empty_80x24", screen(&m, 80, 24));
    assert_snapshot!("today_empty_48x20", screen(&m, 48, 20));
}

#[test]
fn today_full() {
    let m = loaded(&full_day(), &[]);
    assert_snapshot!("today_full_80x24", screen(&m, 80, 24));
    assert_snapshot!("today_full_48x20", screen(&m, 48, 20));
    assert_snapshot!("today_full_120x40", screen(&m, 120, 40));
}

#[test]
fn today_overlap_and_over_limit() {
    let mut boxes = full_day();
    boxes.push(nb(6 * 60, 9 * 60, "Early push", "work", Kind::Focus));
    boxes.push(nb(18 * 60, 21 * 60, "Late push", "work", Kind::Focus));
    let m = loaded(&boxes, &[key('g')]);
    let s = screen(&m, 80, 24);
    assert!(s.contains("over by"), "{s}");
    assert!(s.contains("⚠ Code review"), "{s}");
    assert_snapshot!("today_overlap_over_limit_80x24", s);
}

#[test]
fn help_overlay() {
    let m = loaded(&full_day(), &[key('?')]);
    assert_snapshot!("help_80x24", screen(&m, 80, 24));
    assert_snapshot!("help_48x20", screen(&m, 48, 20));
}

#[test]
fn add_prompt_with_error() {
    let mut keys = vec![key('a')];
    keys.extend("25:00-26:00 x".chars().map(key));
    keys.push(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    let m = loaded(&full_day(), &keys);
    assert_snapshot!("today_add_prompt_error_80x24", screen(&m, 80, 24));
}

#[test]
fn colours_follow_domains_unless_no_color() {
    let mut m = loaded(&full_day(), &[]);
    m.no_color = false;
    let t = render(&m, 80, 24);
    let buf = t.backend().buffer();
    let colours: Vec<Color> = buf.content().iter().map(|c| c.fg).collect();
    assert!(colours.contains(&Color::LightBlue), "work is light blue");
    assert!(colours.contains(&Color::Yellow), "social is yellow");
    m.no_color = true;
    let t = render(&m, 80, 24);
    let buf = t.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "NO_COLOR: no colours at all"
    );
}

#[test]
fn tiny_panes_do_not_panic() {
    let m = loaded(&full_day(), &[key('?')]);
    for (w, h) in [(1, 1), (10, 3), (20, 4), (30, 6), (47, 19), (200, 60)] {
        let _ = screen(&m, w, h);
    }
}

#[test]
fn wide_titles_keep_the_length_column() {
    let boxes = [
        nb(
            9 * 60,
            10 * 60,
            "日本語のとても長いタイトルです、会議の準備",
            "work",
            Kind::Focus,
        ),
        nb(10 * 60, 11 * 60, "👩‍💻 Café résumé", "family", Kind::Focus),
    ];
    let m = loaded(&boxes, &[]);
    for (w, h) in [(48, 20), (100, 30)] {
        let t = render(&m, w, h);
        let buf = t.backend().buffer();
        let rows: Vec<String> = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        let first = rows
            .iter()
            .find(|r| r.contains("日"))
            .unwrap_or_else(|| panic!("{rows:#?}"));
        assert!(first.trim_end().ends_with("work"), "{w}: {first:?}");
        let second = rows.iter().find(|r| r.contains("Café")).expect("title row");
        assert!(second.trim_end().ends_with("family"), "{w}: {second:?}");
    }
}

#[test]
fn a_failed_notification_leaves_a_marker() {
    let mut m = loaded(&full_day(), &[]);
    assert!(!screen(&m, 80, 24).contains("no notifications"));
    m.notify_failed = true;
    assert!(
        screen(&m, 80, 24)
            .lines()
            .next()
            .unwrap()
            .contains("⊘ no notifications")
    );
}

/// `loaded`, at another time of the day.
fn loaded_at(boxes: &[serein::domain::plan::NewTimebox], now: chrono::NaiveDateTime) -> Model {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_many(boxes).unwrap();
    let mut m = model_at(now);
    let mut shell = Shell::new(&mut store);
    shell.start(&mut m, now);
    m
}

/// The rows of a rendered buffer, one string per row.
fn rows_of(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    let (w, h) = (buf.area.width, buf.area.height);
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

#[test]
fn the_now_marker_shows_in_the_evening() {
    // The last box ends at 18:00; late in the evening the now line must still be on screen.
    for (h, m) in [(21, 40), (23, 10), (23, 55)] {
        let model = loaded_at(&full_day(), at(h, m));
        for (w, ht) in [(100, 30), (80, 24), (48, 20)] {
            let s = screen(&model, w, ht);
            assert!(
                s.contains(&format!("{h:02}:{m:02} ─")) && s.contains(" now"),
                "{h:02}:{m:02} at {w}x{ht}: no now line\n{s}"
            );
            // The selected box (the day's last) stays in view too.
            assert!(s.contains("›Call mum"), "{w}x{ht}\n{s}");
        }
    }
}

#[test]
fn the_selection_reads_on_light_and_dark_terminals() {
    let mut m = loaded(&full_day(), &[]);
    m.no_color = false;
    let t = render(&m, 80, 24);
    let buf = t.backend().buffer();
    let rows = rows_of(&t);
    let y = rows
        .iter()
        .position(|r| r.contains('›'))
        .expect("a selected row") as u16;
    let x0 = rows[y as usize].chars().position(|c| c == '›').unwrap() as u16;
    // The selected title: reversed video (readable on any background), not a fixed dark
    // background that black text disappears into on a light terminal.
    for x in x0..x0 + 10 {
        let c = &buf[(x, y)];
        assert!(
            c.modifier.contains(Modifier::REVERSED) && c.bg == Color::Reset,
            "cell {x},{y} {:?}: fg {:?} bg {:?} {:?}",
            c.symbol(),
            c.fg,
            c.bg,
            c.modifier
        );
    }
    // Dark blue (ANSI 4) is close to unreadable on a black background: no text uses it.
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg != Color::Blue && c.bg != Color::Blue),
        "dark blue on screen"
    );
}

#[test]
fn the_time_axis_never_runs_backwards_with_overlaps() {
    let boxes = [
        nb(10 * 60, 12 * 60, "Long meeting", "work", Kind::Focus),
        nb(10 * 60 + 30, 11 * 60, "Inside it", "personal", Kind::Focus),
        nb(11 * 60, 11 * 60 + 10, "Short one", "health", Kind::Focus),
        nb(11 * 60 + 45, 13 * 60, "Crossing", "family", Kind::Focus),
    ];
    for now in [at(10, 20), at(10, 50), at(11, 5)] {
        let m = loaded_at(&boxes, now);
        for (w, h) in [(100, 60), (48, 20)] {
            let t = render(&m, w, h);
            let rows = rows_of(&t);
            let mut last = 0u32;
            for r in &rows[1..rows.len() - 2] {
                let g: String = r.chars().take(5).collect();
                let Some((hh, mm)) = g.split_once(':') else {
                    continue;
                };
                let (Ok(hh), Ok(mm)) = (hh.parse::<u32>(), mm.parse::<u32>()) else {
                    continue;
                };
                let t = hh * 60 + mm;
                assert!(
                    t >= last,
                    "axis goes back to {g} at {w}x{h}:\n{}",
                    rows.join("\n")
                );
                last = t;
            }
            // Every box still shows its times (head gutter or the times row).
            let s = rows.join("\n");
            for times in ["10:30–11:00", "11:00–11:10"] {
                if h > 20 {
                    assert!(s.contains(times), "{times} at {w}x{h}:\n{s}");
                }
            }
        }
    }
}

#[test]
fn help_fits_every_screen_at_48x20_and_100x30() {
    // (keys to reach the screen, a word its help shows)
    let screens: [(&[char], &str); 5] = [
        (&[], "next box"),
        (&['w'], "week"),
        (&['w', 'r'], "rating"),
        (&['b'], "pattern"),
        (&['\n'], "pause"),
    ];
    for (keys, word) in screens {
        let mut ks: Vec<Msg> = keys
            .iter()
            .map(|&c| {
                if c == '\n' {
                    Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
                } else {
                    key(c)
                }
            })
            .collect();
        ks.push(key('?'));
        let m = loaded(&full_day(), &ks);
        for (w, h) in [(48, 20), (100, 30), (80, 24)] {
            let s = screen(&m, w, h);
            assert!(
                s.contains("any key closes this help"),
                "{keys:?} at {w}x{h}: help cut\n{s}"
            );
            assert!(s.contains('└') && s.contains('┘'), "{keys:?} {w}x{h}\n{s}");
            assert!(s.contains(word), "{keys:?} {w}x{h}: {word}\n{s}");
        }
    }
}
