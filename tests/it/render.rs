//! Render snapshots of whole screens (insta + TestBackend). Names say screen, size and state.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
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
    assert!(colours.contains(&Color::Blue), "work is blue");
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
