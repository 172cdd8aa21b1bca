//! Keys as data: every action has default keys in code; `[keys]` in config replaces the keys
//! of the actions it names.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::model::Screen;

/// Something the user can do on the Today screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Down,
    Up,
    Top,
    Bottom,
    Add,
    Edit,
    Delete,
    Undo,
    MoveDown,
    MoveUp,
    Grow,
    Shrink,
    Shift,
    ToggleDone,
    PrevDay,
    NextDay,
    Today,
    ApplyTemplate,
    CopyUnfinished,
    /// Today: start the selected box (or show the running one). Timer: take the offer.
    Start,
    PauseResume,
    Extend5,
    Extend1,
    Finish,
    Skip,
    Interrupt,
    Note,
    Back,
    /// The Breathe screen (from Today or the Timer).
    Breathe,
    /// Put a breathing reminder off.
    Snooze,
    /// Go offline (or online) by hand, with confirmation.
    Offline,
    /// The Week screen.
    Week,
    /// The weekly review.
    Review,
    Help,
    Quit,
}

impl Action {
    /// Every action, in help order.
    pub const ALL: [Action; 35] = [
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::Add,
        Action::Edit,
        Action::Delete,
        Action::Undo,
        Action::MoveDown,
        Action::MoveUp,
        Action::Grow,
        Action::Shrink,
        Action::Shift,
        Action::ToggleDone,
        Action::PrevDay,
        Action::NextDay,
        Action::Today,
        Action::ApplyTemplate,
        Action::CopyUnfinished,
        Action::Start,
        Action::PauseResume,
        Action::Extend5,
        Action::Extend1,
        Action::Finish,
        Action::Skip,
        Action::Interrupt,
        Action::Note,
        Action::Back,
        Action::Breathe,
        Action::Snooze,
        Action::Offline,
        Action::Week,
        Action::Review,
        Action::Help,
        Action::Quit,
    ];

    /// The screen the action works on; `None` for both.
    pub fn screen(self) -> Option<Screen> {
        match self {
            Action::Help
            | Action::Quit
            | Action::Start
            | Action::Breathe
            | Action::Snooze
            | Action::Offline
            | Action::Week
            | Action::Review => None,
            Action::PauseResume
            | Action::Extend5
            | Action::Extend1
            | Action::Finish
            | Action::Skip
            | Action::Interrupt
            | Action::Note
            | Action::Back => Some(Screen::Timer),
            _ => Some(Screen::Today),
        }
    }

    /// Whether the action is available on `screen`.
    pub fn on(self, screen: Screen) -> bool {
        // The Breathe screen has its own few keys (shown in its help); only these apply.
        match screen {
            Screen::Breathe => return matches!(self, Action::Help | Action::Quit),
            // The review form takes every key while shown; the shell handles ? and Ctrl-C.
            Screen::Review => return false,
            // The Week screen has its own keys for weeks and scrolling (shown in its help).
            Screen::Week => {
                return matches!(
                    self,
                    Action::Help
                        | Action::Quit
                        | Action::Review
                        | Action::Breathe
                        | Action::Offline
                );
            }
            _ => {}
        }
        self.screen().is_none_or(|s| s == screen)
    }

    /// The name used in `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            Action::Down => "down",
            Action::Up => "up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Add => "add",
            Action::Edit => "edit",
            Action::Delete => "delete",
            Action::Undo => "undo",
            Action::MoveDown => "move_down",
            Action::MoveUp => "move_up",
            Action::Grow => "grow",
            Action::Shrink => "shrink",
            Action::Shift => "shift",
            Action::ToggleDone => "toggle_done",
            Action::PrevDay => "prev_day",
            Action::NextDay => "next_day",
            Action::Today => "today",
            Action::ApplyTemplate => "apply_template",
            Action::CopyUnfinished => "copy_unfinished",
            Action::Start => "start",
            Action::PauseResume => "pause",
            Action::Extend5 => "extend",
            Action::Extend1 => "extend_1m",
            Action::Finish => "finish",
            Action::Skip => "skip",
            Action::Interrupt => "interrupt",
            Action::Note => "note",
            Action::Back => "back",
            Action::Breathe => "breathe",
            Action::Snooze => "snooze",
            Action::Offline => "offline",
            Action::Week => "week",
            Action::Review => "review",
            Action::Help => "help",
            Action::Quit => "quit",
        }
    }

    /// One line for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Down => "next box",
            Action::Up => "previous box",
            Action::Top => "first box",
            Action::Bottom => "last box",
            Action::Add => "add a box",
            Action::Edit => "edit the box",
            Action::Delete => "delete the box",
            Action::Undo => "undo",
            Action::MoveDown => "move later",
            Action::MoveUp => "move earlier",
            Action::Grow => "longer",
            Action::Shrink => "shorter",
            Action::Shift => "shift + later",
            Action::ToggleDone => "done / not done",
            Action::PrevDay => "previous day",
            Action::NextDay => "next day",
            Action::Today => "today",
            Action::ApplyTemplate => "apply template",
            Action::CopyUnfinished => "copy unfinished",
            Action::Start => "start / timer",
            Action::PauseResume => "pause / resume",
            Action::Extend5 => "5 more minutes",
            Action::Extend1 => "1 more minute",
            Action::Finish => "finish now",
            Action::Skip => "skip to next",
            Action::Interrupt => "interrupted",
            Action::Note => "attach a note",
            Action::Back => "back to Today",
            Action::Breathe => "breathe",
            Action::Snooze => "snooze reminder",
            Action::Offline => "go offline/online",
            Action::Week => "week summary",
            Action::Review => "weekly review",
            Action::Help => "help",
            Action::Quit => "quit",
        }
    }

    fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::Down => &["j", "down"],
            Action::Up => &["k", "up"],
            Action::Top => &["g", "home"],
            Action::Bottom => &["G", "end"],
            Action::Add => &["a"],
            Action::Edit => &["e"],
            Action::Delete => &["d"],
            Action::Undo => &["u"],
            Action::MoveDown => &["J"],
            Action::MoveUp => &["K"],
            Action::Grow => &["+", "="],
            Action::Shrink => &["-"],
            Action::Shift => &["s"],
            Action::ToggleDone => &["x"],
            Action::PrevDay => &["[", "h", "left"],
            Action::NextDay => &["]", "l", "right"],
            Action::Today => &["t"],
            Action::ApplyTemplate => &["T"],
            Action::CopyUnfinished => &["Y"],
            Action::Start => &["enter", "f"],
            Action::PauseResume => &["space", "p"],
            Action::Extend5 => &["+", "="],
            Action::Extend1 => &["1"],
            Action::Finish => &["x"],
            Action::Skip => &["n"],
            Action::Interrupt => &["i"],
            Action::Note => &["N"],
            Action::Back => &["esc", "t"],
            Action::Breathe => &["b"],
            Action::Snooze => &["z"],
            Action::Offline => &["o"],
            Action::Week => &["w"],
            Action::Review => &["r"],
            Action::Help => &["?"],
            Action::Quit => &["q"],
        }
    }
}

/// A key with modifiers, as matched against terminal events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// Normalises an event: for characters, Shift is already in the character itself.
    pub fn from_event(e: &KeyEvent) -> Key {
        Key {
            code: e.code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// Parses `a`, `G`, `ctrl-x`, `alt-j`, `space`, `enter`, `esc`, `tab`, `up`, `down`, `left`,
/// `right`, `home`, `end`, `pageup`, `pagedown`, `backspace`, `delete`, `f1`…`f12`.
pub fn parse_key(s: &str) -> Result<Key, String> {
    let mut ctrl = false;
    let mut alt = false;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            ctrl = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-") {
            alt = true;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "space" => KeyCode::Char(' '),
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        f if f.len() > 1
            && f.starts_with('f')
            && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
        {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
        _ => {
            return Err(format!(
                "key {s:?} not understood; expected a character (a, G, ?), ctrl-x, alt-x, space, enter, esc, tab, arrows, home, end, pageup, pagedown, f1-f12"
            ));
        }
    };
    Ok(Key { code, ctrl, alt })
}

/// How a key is shown in help.
pub fn format_key(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "⏎".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::Backspace => "bksp".into(),
        KeyCode::Delete => "del".into(),
        KeyCode::F(n) => format!("f{n}"),
        other => format!("{other:?}"),
    };
    match (k.ctrl, k.alt) {
        (true, _) => format!("ctrl-{base}"),
        (_, true) => format!("alt-{base}"),
        _ => base,
    }
}

fn shares_screen(a: Action, b: Action) -> bool {
    match (a.screen(), b.screen()) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Key bindings for every screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = Vec::new();
        for a in Action::ALL {
            for k in a.default_keys() {
                bindings.push((parse_key(k).expect("default keys parse"), a));
            }
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// Defaults with the user's overrides patched over: each named action gets exactly the
    /// keys given; a key taken from another action is removed from it.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let action = Action::ALL
                .into_iter()
                .find(|a| a.name() == name)
                .ok_or_else(|| {
                    format!(
                        "[keys] {name:?} is not an action; known: {}",
                        crate::config::action_names()
                    )
                })?;
            let parsed = keys
                .iter()
                .map(|k| parse_key(k).map_err(|e| format!("[keys] {name}: {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            // A key given here leaves any other action that shares a screen with this one.
            map.bindings.retain(|(k, a)| {
                *a != action && !(parsed.contains(k) && shares_screen(*a, action))
            });
            map.bindings.extend(parsed.into_iter().map(|k| (k, action)));
        }
        Ok(map)
    }

    /// The action bound to a key event on `screen`, if any.
    pub fn action(&self, screen: Screen, e: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(e);
        self.bindings
            .iter()
            .find(|(k, a)| *k == key && a.on(screen))
            .map(|(_, a)| *a)
    }

    /// Keys bound to an action, formatted for help (`j/↓`).
    pub fn keys_for(&self, action: Action) -> String {
        let keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| format_key(k))
            .collect();
        if keys.is_empty() {
            "(none)".into()
        } else {
            keys.join("/")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    fn ch(c: char) -> KeyEvent {
        ev(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn defaults_shifted_chars_and_screens() {
        let km = Keymap::default();
        let t = Screen::Today;
        assert_eq!(km.action(t, &ch('j')), Some(Action::Down));
        // Terminals report Shift with the upper-case character.
        assert_eq!(
            km.action(t, &ev(KeyCode::Char('J'), KeyModifiers::SHIFT)),
            Some(Action::MoveDown)
        );
        assert_eq!(
            km.action(t, &ev(KeyCode::Char('j'), KeyModifiers::CONTROL)),
            None
        );
        // The same key means different things per screen.
        assert_eq!(km.action(t, &ch('x')), Some(Action::ToggleDone));
        assert_eq!(km.action(Screen::Timer, &ch('x')), Some(Action::Finish));
        assert_eq!(km.action(Screen::Timer, &ch('j')), None);
        assert_eq!(km.action(Screen::Timer, &ch('?')), Some(Action::Help));
    }

    #[test]
    fn overrides_replace_and_steal_within_a_screen() {
        let mut o = BTreeMap::new();
        o.insert("add".to_string(), vec!["n".to_string(), "j".to_string()]);
        let km = Keymap::with_overrides(&o).unwrap();
        let t = Screen::Today;
        assert_eq!(km.action(t, &ch('a')), None);
        assert_eq!(km.action(t, &ch('n')), Some(Action::Add));
        assert_eq!(km.action(t, &ch('j')), Some(Action::Add));
        assert_eq!(km.keys_for(Action::Down), "↓");
        // `n` stays "skip" on the Timer screen.
        assert_eq!(km.action(Screen::Timer, &ch('n')), Some(Action::Skip));
    }

    #[test]
    fn bad_overrides_are_refused() {
        for (name, key, frag) in [
            ("ad", "a", "not an action"),
            ("add", "ctrl-", "not understood"),
        ] {
            let mut o = BTreeMap::new();
            o.insert(name.to_string(), vec![key.to_string()]);
            let e = Keymap::with_overrides(&o).unwrap_err();
            assert!(e.contains(frag), "{e}");
        }
    }
}
