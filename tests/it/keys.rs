//! `[keys]` overrides work on every screen: each test rebinds an action, then drives
//! `update` with the new key (which must act) and the old one (which must not).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serein::app::model::{BreathStage, Mode, Model, PromptPurpose, Screen};
use serein::app::msg::Msg;
use serein::app::update::update;
use serein::config::Config;
use serein::keys::Keymap;

use crate::at;

/// A model on 2026-03-02 at 10:00 with `[keys]` from `toml_keys` (lines under `[keys]`).
fn model(toml_keys: &str) -> Model {
    let text = format!("[keys]\n{toml_keys}\n");
    let (config, _) = Config::parse(&text, std::path::Path::new("cfg.toml")).expect("config");
    let keymap = Keymap::new(&config.keys);
    Model::new(config, keymap, at(10, 0))
}

fn press(m: &mut Model, c: char) {
    let now = m.now;
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    update(m, Msg::Key(key), now);
}

#[test]
fn an_override_works_on_today() {
    let mut m = model("add = [\"n\"]");
    press(&mut m, 'a');
    assert!(matches!(m.mode, Mode::Normal), "{:?}", m.mode);
    press(&mut m, 'n');
    assert!(
        matches!(&m.mode, Mode::Input(p) if p.purpose == PromptPurpose::Add),
        "{:?}",
        m.mode
    );
}

#[test]
fn an_override_works_on_the_timer() {
    let mut m = model("back = [\"B\"]");
    m.screen = Screen::Timer;
    press(&mut m, 't');
    assert_eq!(m.screen, Screen::Timer);
    press(&mut m, 'B');
    assert_eq!(m.screen, Screen::Today);
}

#[test]
fn an_override_works_on_breathe() {
    let mut m = model("down = [\"n\"]\nbreathe = [\"B\"]");
    press(&mut m, 'B');
    assert_eq!(m.screen, Screen::Breathe);
    let stage = |m: &Model| m.breathe.breath.as_ref().map(|b| b.stage.clone());
    let Some(BreathStage::Choosing(first)) = stage(&m) else {
        panic!("{:?}", stage(&m));
    };
    press(&mut m, 'j');
    assert_eq!(stage(&m), Some(BreathStage::Choosing(first)));
    press(&mut m, 'n');
    assert_eq!(stage(&m), Some(BreathStage::Choosing(first + 1)));
}

#[test]
fn an_override_works_on_the_week_screen() {
    let mut m = model("back = [\"B\"]\ndown = [\"n\"]");
    press(&mut m, 'w');
    assert_eq!(m.screen, Screen::Week);
    let scroll = |m: &Model| m.week.as_ref().map(|v| v.scroll);
    press(&mut m, 'j');
    assert_eq!(scroll(&m), Some(0));
    press(&mut m, 'n');
    assert_eq!(scroll(&m), Some(1));
    press(&mut m, 't');
    assert_eq!(m.screen, Screen::Week, "t is no longer back");
    press(&mut m, 'B');
    assert_eq!(m.screen, Screen::Today);
}

#[test]
fn an_override_works_on_the_review() {
    let mut m = model("down = [\"n\"]\nback = [\"B\"]");
    press(&mut m, 'r');
    assert_eq!(m.screen, Screen::Review);
    let field = |m: &Model| m.review.as_ref().map(|r| r.form.field);
    press(&mut m, 'j');
    assert_eq!(field(&m), Some(0));
    press(&mut m, 'n');
    assert_eq!(field(&m), Some(1));
    press(&mut m, 'q');
    assert_eq!(m.screen, Screen::Review, "q is no longer back");
    press(&mut m, 'B');
    assert_eq!(m.screen, Screen::Today);
}

#[test]
fn help_shows_the_overridden_keys_of_the_screen_shown() {
    let mut m = model("back = [\"B\"]");
    press(&mut m, 'w');
    press(&mut m, '?');
    assert!(matches!(m.mode, Mode::Help));
    let text = crate::render::screen(&m, 80, 24);
    assert!(text.contains("B back"), "{text}");
    assert!(text.contains("previous week"), "{text}");
    assert!(!text.contains("next box"), "{text}");
}
