//! Keys as data: ONE table of every action the TUI knows — its name in `[keys]`, what it does,
//! its default keys and the screens where it works. Every screen dispatches through it, help
//! is drawn from it, and `[keys]` in the config replaces the keys of the actions it names.
//!
//! A leaf module (it imports nothing else from the crate) so that both `config`, which checks
//! `[keys]` while deserializing and so reports a bad action or key at its file:line:column,
//! and `app`, which dispatches keys, can use the same table without a config → app import.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer};

/// Which screen the TUI shows (re-exported as `app::model::Screen`); here because the table
/// says where each action works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Today,
    Timer,
    Breathe,
    /// The week in numbers and flags (`w`).
    Week,
    /// The weekly review (`r`).
    Review,
}

impl Screen {
    /// Every screen.
    pub const ALL: [Screen; 5] = [
        Screen::Today,
        Screen::Timer,
        Screen::Breathe,
        Screen::Week,
        Screen::Review,
    ];
}

/// Something the user can do; what it means depends on the screen (see [`TABLE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    PlanActual,
    Start,
    PauseResume,
    Extend5,
    Extend1,
    Finish,
    Skip,
    Interrupt,
    Note,
    Back,
    Motion,
    PrevWeek,
    NextWeek,
    ThisWeek,
    Lower,
    Raise,
    Clear,
    Select,
    Tick,
    Breathe,
    Snooze,
    Offline,
    Week,
    Review,
    Help,
    Quit,
}

impl Action {
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
            Action::PlanActual => "plan_actual",
            Action::Start => "start",
            Action::PauseResume => "pause",
            Action::Extend5 => "extend",
            Action::Extend1 => "extend_1m",
            Action::Finish => "finish",
            Action::Skip => "skip",
            Action::Interrupt => "interrupt",
            Action::Note => "note",
            Action::Back => "back",
            Action::Motion => "motion",
            Action::PrevWeek => "prev_week",
            Action::NextWeek => "next_week",
            Action::ThisWeek => "this_week",
            Action::Lower => "lower",
            Action::Raise => "raise",
            Action::Clear => "clear",
            Action::Select => "select",
            Action::Tick => "tick",
            Action::Breathe => "breathe",
            Action::Snooze => "snooze",
            Action::Offline => "offline",
            Action::Week => "week",
            Action::Review => "review",
            Action::Help => "help",
            Action::Quit => "quit",
        }
    }

    /// The action named `name` in `[keys]`.
    fn from_name(name: &str) -> Option<Action> {
        TABLE.iter().map(|r| r.action).find(|a| a.name() == name)
    }

    /// Whether the action does anything on `screen`.
    pub fn on(self, screen: Screen) -> bool {
        rows(screen).any(|r| r.action == self)
    }
}

/// One row of the key table: on `screens`, `action` does `description`, by default on `keys`.
/// An action may have several rows (one per meaning); `[keys]` rebinds it on all of them.
#[derive(Debug)]
pub struct Row {
    pub action: Action,
    pub screens: &'static [Screen],
    pub keys: &'static [&'static str],
    pub description: &'static str,
}

impl Row {
    /// The id of this row's message in `locales/*/keys.ftl`: `keys-<action>-<first screen>`
    /// (`keys-move-down-today`); its English text is `description`.
    pub fn message_id(&self) -> String {
        let screen = match self.screens.first() {
            Some(Screen::Today) | None => "today",
            Some(Screen::Timer) => "timer",
            Some(Screen::Breathe) => "breathe",
            Some(Screen::Week) => "week",
            Some(Screen::Review) => "review",
        };
        format!("keys-{}-{screen}", self.action.name().replace('_', "-"))
    }

    /// What the key does, in the user's language (help overlay).
    pub fn text(&self) -> String {
        crate::i18n::tr(&self.message_id(), None)
    }
}

const fn row(
    action: Action,
    screens: &'static [Screen],
    keys: &'static [&'static str],
    description: &'static str,
) -> Row {
    Row {
        action,
        screens,
        keys,
        description,
    }
}

use Screen::{Breathe as BREATHE, Review as REVIEW, Timer as TIMER, Today as TODAY, Week as WEEK};

/// Every key of the TUI, in help order. Text entry (prompts, the review's text fields) and the
/// review's digits are not bindings: they type what they say.
pub const TABLE: &[Row] = &[
    // Today.
    row(Action::Down, &[TODAY], &["j", "down"], "next box"),
    row(Action::Up, &[TODAY], &["k", "up"], "previous box"),
    row(Action::Top, &[TODAY], &["g", "home"], "first box"),
    row(Action::Bottom, &[TODAY], &["G", "end"], "last box"),
    row(Action::Add, &[TODAY], &["a"], "add a box"),
    row(Action::Edit, &[TODAY], &["e"], "edit the box"),
    row(Action::Delete, &[TODAY], &["d"], "delete the box"),
    row(Action::Undo, &[TODAY], &["u"], "undo"),
    row(Action::MoveDown, &[TODAY], &["J"], "move later"),
    row(Action::MoveUp, &[TODAY], &["K"], "move earlier"),
    row(Action::Grow, &[TODAY], &["+", "="], "longer"),
    row(Action::Shrink, &[TODAY], &["-"], "shorter"),
    row(Action::Shift, &[TODAY], &["s"], "shift + later"),
    row(Action::ToggleDone, &[TODAY], &["x"], "done / not done"),
    row(
        Action::PrevDay,
        &[TODAY],
        &["[", "h", "left"],
        "previous day",
    ),
    row(Action::NextDay, &[TODAY], &["]", "l", "right"], "next day"),
    row(Action::Today, &[TODAY], &["t"], "today"),
    row(Action::ApplyTemplate, &[TODAY], &["T"], "apply template"),
    row(Action::CopyUnfinished, &[TODAY], &["Y"], "copy unfinished"),
    row(Action::PlanActual, &[TODAY], &["v"], "plan / done"),
    // The Timer (and `start` on Today).
    row(
        Action::Start,
        &[TODAY, TIMER],
        &["enter", "f"],
        "start / timer",
    ),
    row(
        Action::PauseResume,
        &[TIMER],
        &["space", "p"],
        "pause / resume",
    ),
    row(Action::Extend5, &[TIMER], &["+", "="], "5 more minutes"),
    row(Action::Extend1, &[TIMER], &["1"], "1 more minute"),
    row(Action::Finish, &[TIMER], &["x"], "finish now"),
    row(Action::Skip, &[TIMER], &["n"], "skip to next"),
    row(Action::Interrupt, &[TIMER], &["i"], "interrupted"),
    row(Action::Note, &[TIMER], &["N"], "attach a note"),
    row(Action::Back, &[TIMER], &["esc", "t"], "back to Today"),
    // Breathe.
    row(Action::Down, &[BREATHE], &["j", "down"], "next pattern"),
    row(Action::Up, &[BREATHE], &["k", "up"], "previous pattern"),
    row(Action::Start, &[BREATHE], &["enter"], "start"),
    row(
        Action::PauseResume,
        &[BREATHE],
        &["space", "p"],
        "start / pause / resume",
    ),
    row(
        Action::Back,
        &[BREATHE],
        &["esc"],
        "stop (it is logged) / back",
    ),
    row(Action::Motion, &[BREATHE], &["r"], "motion on / off"),
    // Week.
    row(
        Action::PrevWeek,
        &[WEEK],
        &["[", "h", "left"],
        "previous week",
    ),
    row(Action::NextWeek, &[WEEK], &["]", "l", "right"], "next week"),
    row(Action::ThisWeek, &[WEEK], &["."], "this week"),
    row(Action::Down, &[WEEK], &["j", "down"], "scroll down"),
    row(Action::Up, &[WEEK], &["k", "up"], "scroll up"),
    row(Action::Top, &[WEEK], &["g", "home"], "scroll to the top"),
    row(Action::Back, &[WEEK], &["esc", "t", "w"], "back"),
    // The weekly review.
    row(Action::Down, &[REVIEW], &["j", "down", "tab"], "next field"),
    row(
        Action::Up,
        &[REVIEW],
        &["k", "up", "backtab"],
        "previous field",
    ),
    row(Action::Top, &[REVIEW], &["g", "home"], "first field"),
    row(Action::Bottom, &[REVIEW], &["G", "end"], "last field"),
    row(
        Action::Lower,
        &[REVIEW],
        &["h", "-", "left"],
        "lower a rating",
    ),
    row(
        Action::Raise,
        &[REVIEW],
        &["l", "+", "=", "right"],
        "raise a rating",
    ),
    row(
        Action::Clear,
        &[REVIEW],
        &["x", "delete", "backspace"],
        "clear it",
    ),
    row(Action::Select, &[REVIEW], &["enter"], "write / tick"),
    row(Action::Tick, &[REVIEW], &["space"], "tick an item"),
    row(Action::PrevWeek, &[REVIEW], &["["], "previous week"),
    row(Action::NextWeek, &[REVIEW], &["]"], "next week"),
    row(
        Action::Back,
        &[REVIEW],
        &["esc", "q"],
        "back (all is saved)",
    ),
    // Several screens.
    row(Action::Breathe, &[TODAY, TIMER, WEEK], &["b"], "breathe"),
    row(Action::Snooze, &[TODAY, TIMER], &["z"], "snooze reminder"),
    row(
        Action::Offline,
        &[TODAY, TIMER, WEEK],
        &["o"],
        "go offline/online",
    ),
    row(Action::Week, &[TODAY, TIMER], &["w"], "week summary"),
    row(
        Action::Review,
        &[TODAY, TIMER, WEEK],
        &["r"],
        "weekly review",
    ),
    row(
        Action::Help,
        &[TODAY, TIMER, BREATHE, WEEK, REVIEW],
        &["?"],
        "help",
    ),
    row(Action::Quit, &[TODAY, TIMER, WEEK], &["q"], "quit"),
    row(Action::Quit, &[BREATHE], &["q"], "stop and leave"),
];

/// The rows of `screen`, in help order.
pub fn rows(screen: Screen) -> impl Iterator<Item = &'static Row> {
    TABLE.iter().filter(move |r| r.screens.contains(&screen))
}

/// Every action name, for messages.
fn action_names() -> String {
    let mut names: Vec<&str> = Vec::new();
    for r in TABLE {
        if !names.contains(&r.action.name()) {
            names.push(r.action.name());
        }
    }
    names.join(", ")
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
    fn from_event(e: &KeyEvent) -> Key {
        Key {
            code: e.code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        }
    }
}

/// Parses `a`, `G`, `ctrl-x`, `alt-j`, `space`, `enter`, `esc`, `tab`, `backtab`, `up`, `down`,
/// `left`, `right`, `home`, `end`, `pageup`, `pagedown`, `backspace`, `delete`, `f1`…`f12`.
fn parse_key(s: &str) -> Result<Key, String> {
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
        "backtab" => KeyCode::BackTab,
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
                "key {s:?} not understood; expected a character (a, G, ?), ctrl-x, alt-x, space, enter, esc, tab, backtab, arrows, home, end, pageup, pagedown, backspace, delete, f1-f12"
            ));
        }
    };
    Ok(Key { code, ctrl, alt })
}

/// How a key is shown in help.
fn format_key(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "⏎".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "⇤".into(),
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

/// An action name in `[keys]`, checked against the table while the config is read (so the
/// TOML parser's error carries the file:line:column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
struct ActionName(Action);

impl TryFrom<String> for ActionName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Action::from_name(&s)
            .map(ActionName)
            .ok_or_else(|| format!("[keys] {s:?} is not an action; known: {}", action_names()))
    }
}

/// A key in `[keys]`, parsed while the config is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
struct KeyName(Key);

impl TryFrom<String> for KeyName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        parse_key(&s)
            .map(KeyName)
            .map_err(|e| format!("[keys]: {e}"))
    }
}

/// `[keys]` as read: for each action named, the keys that replace its defaults on every
/// screen where it works, in action order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyOverrides(pub Vec<(Action, Vec<Key>)>);

impl<'de> Deserialize<'de> for KeyOverrides {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<ActionName, Vec<KeyName>>::deserialize(d)?;
        Ok(KeyOverrides(
            map.into_iter()
                .map(|(a, keys)| (a.0, keys.into_iter().map(|k| k.0).collect()))
                .collect(),
        ))
    }
}

/// Key bindings for every screen: the table's defaults with the user's overrides patched over.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: Vec<(Screen, Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = Vec::new();
        for r in TABLE {
            for s in r.screens {
                for k in r.keys {
                    bindings.push((*s, parse_key(k).expect("default keys parse"), r.action));
                }
            }
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with `overrides` patched over: each named action gets exactly the keys
    /// given, on every screen where it works; a key given here leaves any other action on
    /// those screens.
    pub fn new(overrides: &KeyOverrides) -> Keymap {
        let mut map = Keymap::default();
        for (action, keys) in &overrides.0 {
            let screens: Vec<Screen> = Screen::ALL.into_iter().filter(|s| action.on(*s)).collect();
            map.bindings
                .retain(|(s, k, a)| a != action && !(keys.contains(k) && screens.contains(s)));
            for s in &screens {
                map.bindings.extend(keys.iter().map(|k| (*s, *k, *action)));
            }
        }
        map
    }

    /// The action bound to a key event on `screen`, if any.
    pub fn action(&self, screen: Screen, e: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(e);
        self.bindings
            .iter()
            .find(|(s, k, _)| *s == screen && *k == key)
            .map(|(_, _, a)| *a)
    }

    /// Keys bound to an action on `screen`, formatted for help (`j/↓`).
    pub fn keys_on(&self, action: Action, screen: Screen) -> String {
        self.format(|s, a| s == screen && a == action)
    }

    /// Keys bound to an action on any screen, formatted for status lines (`⏎/f`).
    pub fn keys_for(&self, action: Action) -> String {
        self.format(|_, a| a == action)
    }

    fn format(&self, pick: impl Fn(Screen, Action) -> bool) -> String {
        let mut keys: Vec<String> = Vec::new();
        for (s, k, a) in &self.bindings {
            let k = format_key(k);
            if pick(*s, *a) && !keys.contains(&k) {
                keys.push(k);
            }
        }
        if keys.is_empty() {
            "(none)".into()
        } else {
            keys.join("/")
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every row has its own message, in English exactly its `description` (the docs' text),
    /// so a new row without a message (or a changed description) fails here.
    #[test]
    fn every_row_has_its_message() {
        use crate::i18n::{Lang, with_lang};
        let mut seen = std::collections::BTreeSet::new();
        for r in super::TABLE {
            assert!(seen.insert(r.message_id()), "{} twice", r.message_id());
            let en = crate::i18n::AREAS
                .iter()
                .find(|(a, _, _)| *a == "keys")
                .map(|(_, en, _)| *en)
                .unwrap_or("");
            let line = format!("\n{} = {}\n", r.message_id(), r.description);
            assert!(
                en.contains(&line),
                "locales/en/keys.ftl needs `{}`",
                line.trim()
            );
            assert_eq!(with_lang(Lang::En, || r.text()), r.description);
            assert_ne!(with_lang(Lang::Fr, || r.text()), r.message_id());
        }
    }

    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    fn ch(c: char) -> KeyEvent {
        ev(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn overrides(toml_text: &str) -> Result<KeyOverrides, String> {
        #[derive(Deserialize)]
        struct Doc {
            keys: KeyOverrides,
        }
        toml::from_str::<Doc>(toml_text)
            .map(|d| d.keys)
            .map_err(|e| e.to_string())
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
        assert_eq!(km.action(Screen::Review, &ch('x')), Some(Action::Clear));
        assert_eq!(km.action(Screen::Timer, &ch('j')), None);
        assert_eq!(km.action(Screen::Week, &ch('h')), Some(Action::PrevWeek));
        assert_eq!(km.action(Screen::Review, &ch('h')), Some(Action::Lower));
        assert_eq!(km.action(Screen::Breathe, &ch('r')), Some(Action::Motion));
        for s in Screen::ALL {
            assert_eq!(km.action(s, &ch('?')), Some(Action::Help), "{s:?}");
        }
    }

    #[test]
    fn no_screen_binds_one_key_twice_by_default() {
        let km = Keymap::default();
        for (i, (s, k, a)) in km.bindings.iter().enumerate() {
            for (s2, k2, a2) in &km.bindings[i + 1..] {
                assert!(
                    !(s == s2 && k == k2),
                    "{s:?}: {} is both {a:?} and {a2:?}",
                    format_key(k)
                );
            }
        }
    }

    #[test]
    fn every_action_works_somewhere_and_once_per_screen() {
        for s in Screen::ALL {
            let actions: Vec<Action> = rows(s).map(|r| r.action).collect();
            for (i, a) in actions.iter().enumerate() {
                assert!(!actions[i + 1..].contains(a), "{s:?}: two rows for {a:?}");
            }
        }
        for r in TABLE {
            assert_eq!(Action::from_name(r.action.name()), Some(r.action));
        }
    }

    #[test]
    fn overrides_replace_and_steal_within_a_screen() {
        let km = Keymap::new(&overrides("[keys]\nadd = [\"n\", \"j\"]\n").unwrap());
        let t = Screen::Today;
        assert_eq!(km.action(t, &ch('a')), None);
        assert_eq!(km.action(t, &ch('n')), Some(Action::Add));
        assert_eq!(km.action(t, &ch('j')), Some(Action::Add));
        assert_eq!(km.keys_on(Action::Down, t), "↓");
        // `n` stays "skip" on the Timer screen and `j` "down" on the others.
        assert_eq!(km.action(Screen::Timer, &ch('n')), Some(Action::Skip));
        assert_eq!(km.action(Screen::Week, &ch('j')), Some(Action::Down));
    }

    #[test]
    fn an_override_applies_on_every_screen_of_the_action() {
        let km = Keymap::new(&overrides("[keys]\ndown = [\"n\"]\n").unwrap());
        for s in [Screen::Today, Screen::Breathe, Screen::Week, Screen::Review] {
            assert_eq!(km.action(s, &ch('n')), Some(Action::Down), "{s:?}");
            assert_eq!(km.action(s, &ch('j')), None, "{s:?}");
            assert_eq!(km.keys_on(Action::Down, s), "n", "{s:?}");
        }
        assert_eq!(km.action(Screen::Timer, &ch('n')), Some(Action::Skip));
    }

    #[test]
    fn bad_overrides_are_refused() {
        for (text, frag) in [
            ("[keys]\nad = [\"a\"]\n", "not an action"),
            ("[keys]\nadd = [\"ctrl-\"]\n", "not understood"),
            ("[keys]\nadd = \"a\"\n", "invalid type"),
        ] {
            let e = overrides(text).unwrap_err();
            assert!(e.contains(frag), "{e}");
        }
    }
}
