//! The weekly review form: which field the cursor is on, the text being typed, and what each
//! key does. Pure: no I/O and no clock; the shell saves the review when a key returns
//! [`FormOutcome::Changed`] (after stamping `review.updated`).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::domain::review::{self, CHECKIN_RANGE, RATING_RANGE, Review, TEXT_MAX_CHARS};
use crate::keys::{Action, Keymap, Screen};

/// One field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A domain rating (index into `Review::ratings`).
    Rating(usize),
    /// "One win this week".
    Win,
    /// "What made it possible".
    Enabler,
    /// A checklist item (index into `Review::checklist`).
    Check(usize),
    /// Check-in: energy, 0–10.
    Energy,
    /// Check-in: detachment from work, 0–10.
    Detachment,
}

/// The fields in screen order; `ReviewForm::field` indexes this.
pub const FIELDS: [Field; 14] = [
    Field::Rating(0),
    Field::Rating(1),
    Field::Rating(2),
    Field::Rating(3),
    Field::Rating(4),
    Field::Win,
    Field::Enabler,
    Field::Check(0),
    Field::Check(1),
    Field::Check(2),
    Field::Check(3),
    Field::Check(4),
    Field::Energy,
    Field::Detachment,
];

/// What a key did, for the shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    /// Nothing visible changed.
    Nothing,
    /// Only the form changed (cursor moved, text typed): redraw.
    Redraw,
    /// The review changed: stamp `updated`, save it, redraw.
    Changed,
    /// `back` (Esc, q) outside a text edit: leave the screen.
    Leave,
    /// `prev_week` (`[`): show the week before.
    PrevWeek,
    /// `next_week` (`]`): show the week after.
    NextWeek,
    /// `help` (`?`) outside a text edit: show help.
    Help,
}

/// The review being written and the form's cursor.
#[derive(Debug, Clone)]
pub struct ReviewForm {
    /// The review as it is now; the shell saves it on [`FormOutcome::Changed`].
    pub review: Review,
    /// Index into [`FIELDS`].
    pub field: usize,
    /// The text field being edited, if any; Enter keeps it, Esc drops it.
    pub editing: Option<Input>,
}

impl ReviewForm {
    /// A form on `review`, cursor on the first rating.
    pub fn new(review: Review) -> Self {
        ReviewForm {
            review,
            field: 0,
            editing: None,
        }
    }

    /// The field under the cursor.
    pub fn current(&self) -> Field {
        FIELDS[self.field.min(FIELDS.len() - 1)]
    }

    /// Handles one key: while editing a text it is typed; otherwise it goes through the key
    /// table (the Review screen's rows of `crate::keys`), and an unbound digit sets a number.
    pub fn key(&mut self, keymap: &Keymap, key: KeyEvent) -> FormOutcome {
        // Terminals with the kitty protocol also report releases; a release is not a press.
        if key.kind == KeyEventKind::Release {
            return FormOutcome::Nothing;
        }
        if self.editing.is_some() {
            return self.edit_key(key);
        }
        let edit = match keymap.action(Screen::Review, &key) {
            Some(Action::Back) => return FormOutcome::Leave,
            Some(Action::Help) => return FormOutcome::Help,
            Some(Action::PrevWeek) => return FormOutcome::PrevWeek,
            Some(Action::NextWeek) => return FormOutcome::NextWeek,
            Some(Action::Down) => return self.move_to(self.field + 1),
            Some(Action::Up) => return self.move_to(self.field.saturating_sub(1)),
            Some(Action::Top) => return self.move_to(0),
            Some(Action::Bottom) => return self.move_to(FIELDS.len() - 1),
            Some(Action::Lower) => Edit::Step(-1),
            Some(Action::Raise) => Edit::Step(1),
            Some(Action::Clear) => Edit::Clear,
            Some(Action::Select) => Edit::Select,
            Some(Action::Tick) => Edit::Tick,
            Some(_) => return FormOutcome::Nothing,
            // Digits type a value; Ctrl/Alt chords belong to the shell (Ctrl-C).
            None => match key.code {
                KeyCode::Char(c @ '0'..='9')
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Edit::Digit(c as u8 - b'0')
                }
                _ => return FormOutcome::Nothing,
            },
        };
        self.apply(edit)
    }

    /// Applies an edit to the field under the cursor.
    fn apply(&mut self, edit: Edit) -> FormOutcome {
        match self.current() {
            Field::Rating(i) => {
                let old = self.review.ratings[i];
                let new = number_edit(old, edit, RATING_RANGE.clone(), 10);
                self.review.ratings[i] = new;
                changed(old != new)
            }
            Field::Energy => {
                let old = self.review.energy;
                self.review.energy = number_edit(old, edit, CHECKIN_RANGE.clone(), 0);
                changed(old != self.review.energy)
            }
            Field::Detachment => {
                let old = self.review.detachment;
                self.review.detachment = number_edit(old, edit, CHECKIN_RANGE.clone(), 0);
                changed(old != self.review.detachment)
            }
            Field::Check(i) => {
                let old = self.review.checklist[i];
                self.review.checklist[i] = match edit {
                    Edit::Select | Edit::Tick => !old,
                    Edit::Clear => false,
                    _ => old,
                };
                changed(old != self.review.checklist[i])
            }
            Field::Win | Field::Enabler => match edit {
                Edit::Select => {
                    let text = self.text().to_string();
                    self.editing = Some(Input::new(text));
                    FormOutcome::Redraw
                }
                _ => FormOutcome::Nothing,
            },
        }
    }

    /// The text of the current field if it is a text field (empty otherwise).
    fn text(&self) -> &str {
        match self.current() {
            Field::Win => &self.review.win,
            Field::Enabler => &self.review.enabler,
            _ => "",
        }
    }

    fn move_to(&mut self, field: usize) -> FormOutcome {
        let field = field.min(FIELDS.len() - 1);
        if field == self.field {
            return FormOutcome::Nothing;
        }
        self.field = field;
        FormOutcome::Redraw
    }

    /// While editing every key goes to the input (so `q` types q), except Enter and Esc.
    fn edit_key(&mut self, key: KeyEvent) -> FormOutcome {
        let Some(input) = self.editing.as_mut() else {
            return FormOutcome::Nothing;
        };
        match key.code {
            KeyCode::Esc => {
                self.editing = None;
                FormOutcome::Redraw
            }
            KeyCode::Enter => {
                let text = review::clean_text(input.value());
                self.editing = None;
                let slot = match self.current() {
                    Field::Win => &mut self.review.win,
                    Field::Enabler => &mut self.review.enabler,
                    _ => return FormOutcome::Redraw,
                };
                if *slot == text {
                    FormOutcome::Redraw
                } else {
                    *slot = text;
                    FormOutcome::Changed
                }
            }
            _ => {
                let before = input.clone();
                if input.handle_event(&Event::Key(key)).is_none() {
                    return FormOutcome::Nothing;
                }
                // Refuse the key rather than cut the text later, so what is saved is what
                // was on screen.
                if input.value().chars().count() > TEXT_MAX_CHARS {
                    *input = before;
                    return FormOutcome::Nothing;
                }
                FormOutcome::Redraw
            }
        }
    }
}

fn changed(yes: bool) -> FormOutcome {
    if yes {
        FormOutcome::Changed
    } else {
        FormOutcome::Nothing
    }
}

/// What a key asks of the field under the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// `lower` / `raise`.
    Step(i16),
    /// A digit typed.
    Digit(u8),
    /// `clear`.
    Clear,
    /// `select` (Enter): write a text, tick an item.
    Select,
    /// `tick` (space): tick an item.
    Tick,
}

/// An edit of a number field: a step by one (the first step on an unset value lands on 5,
/// the middle, rather than at an end), a digit sets it directly (`zero` is what 0 means: 10
/// for ratings, 0 for the check-in), `clear` unsets it.
fn number_edit(
    old: Option<u8>,
    edit: Edit,
    range: std::ops::RangeInclusive<u8>,
    zero: u8,
) -> Option<u8> {
    let (lo, hi) = (*range.start(), *range.end());
    let step = |delta: i16| match old {
        None => Some(5),
        Some(v) => Some((i16::from(v) + delta).clamp(i16::from(lo), i16::from(hi)) as u8),
    };
    match edit {
        Edit::Step(delta) => step(delta),
        Edit::Digit(0) => Some(zero),
        Edit::Digit(d) => Some(d),
        Edit::Clear => None,
        Edit::Select | Edit::Tick => old,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::summary::Week;

    fn empty() -> Review {
        Review::new(
            Week::parse("2026-W48").unwrap(),
            DateTime::from_timestamp(0, 0).unwrap(),
        )
    }

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ch(c: char) -> KeyEvent {
        press(KeyCode::Char(c))
    }

    fn index(f: Field) -> usize {
        FIELDS.iter().position(|x| *x == f).unwrap()
    }

    /// A form on `field` whose value was set by `setup`.
    fn form_at(field: Field, setup: fn(&mut Review)) -> ReviewForm {
        let mut r = empty();
        setup(&mut r);
        let mut f = ReviewForm::new(r);
        f.field = index(field);
        f
    }

    #[test]
    fn rating_keys() {
        type Case = (Option<u8>, KeyEvent, Option<u8>, FormOutcome);
        use FormOutcome::{Changed, Nothing};
        let cases: &[Case] = &[
            (None, ch('l'), Some(5), Changed),
            (None, ch('h'), Some(5), Changed),
            (None, press(KeyCode::Right), Some(5), Changed),
            (Some(5), ch('l'), Some(6), Changed),
            (Some(5), ch('+'), Some(6), Changed),
            (Some(5), ch('-'), Some(4), Changed),
            (Some(5), press(KeyCode::Left), Some(4), Changed),
            (Some(10), ch('l'), Some(10), Nothing),
            (Some(1), ch('h'), Some(1), Nothing),
            (None, ch('7'), Some(7), Changed),
            (Some(3), ch('1'), Some(1), Changed),
            (Some(3), ch('0'), Some(10), Changed),
            (Some(7), ch('7'), Some(7), Nothing),
            (Some(7), ch('x'), None, Changed),
            (Some(7), press(KeyCode::Delete), None, Changed),
            (Some(7), press(KeyCode::Backspace), None, Changed),
            (None, ch('x'), None, Nothing),
            (Some(7), ch(' '), Some(7), Nothing),
            (Some(7), press(KeyCode::Enter), Some(7), Nothing),
            (
                Some(7),
                KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL),
                Some(7),
                Nothing,
            ),
        ];
        for (i, (before, key, after, outcome)) in cases.iter().enumerate() {
            let mut f = ReviewForm::new(empty());
            f.field = index(Field::Rating(3));
            f.review.ratings[3] = *before;
            assert_eq!(
                f.key(&Keymap::default(), *key),
                *outcome,
                "case {i}: {key:?}"
            );
            assert_eq!(f.review.ratings[3], *after, "case {i}: {key:?}");
            // Only the rating under the cursor moves.
            assert_eq!(f.review.ratings[2], None, "case {i}");
        }
    }

    #[test]
    fn check_in_keys_go_down_to_zero() {
        use FormOutcome::{Changed, Nothing};
        /// Field, value before, key, value after, outcome.
        type Case = (Field, Option<u8>, KeyEvent, Option<u8>, FormOutcome);
        let cases: &[Case] = &[
            (Field::Energy, None, ch('l'), Some(5), Changed),
            (Field::Energy, None, ch('0'), Some(0), Changed),
            (Field::Energy, Some(1), ch('h'), Some(0), Changed),
            (Field::Energy, Some(0), ch('h'), Some(0), Nothing),
            (Field::Energy, Some(9), ch('l'), Some(10), Changed),
            (Field::Detachment, Some(10), ch('+'), Some(10), Nothing),
            (Field::Detachment, None, ch('3'), Some(3), Changed),
            (Field::Detachment, Some(3), ch('x'), None, Changed),
        ];
        for (i, (field, before, key, after, outcome)) in cases.iter().enumerate() {
            let mut f = form_at(*field, |_| {});
            fn slot(r: &mut Review, field: Field) -> &mut Option<u8> {
                match field {
                    Field::Energy => &mut r.energy,
                    _ => &mut r.detachment,
                }
            }
            *slot(&mut f.review, *field) = *before;
            assert_eq!(f.key(&Keymap::default(), *key), *outcome, "case {i}");
            assert_eq!(*slot(&mut f.review, *field), *after, "case {i}");
            // The ratings use 0 = 10; the check-in must not.
            assert_eq!(f.review.ratings, [None; 5], "case {i}");
        }
    }

    #[test]
    fn checklist_toggles() {
        use FormOutcome::{Changed, Nothing};
        let cases: &[(bool, KeyEvent, bool, FormOutcome)] = &[
            (false, ch(' '), true, Changed),
            (true, ch(' '), false, Changed),
            (false, press(KeyCode::Enter), true, Changed),
            (true, ch('x'), false, Changed),
            (false, ch('x'), false, Nothing),
            (false, ch('5'), false, Nothing),
            (false, ch('l'), false, Nothing),
        ];
        for (i, (before, key, after, outcome)) in cases.iter().enumerate() {
            let mut f = form_at(Field::Check(2), |_| {});
            f.review.checklist[2] = *before;
            assert_eq!(f.key(&Keymap::default(), *key), *outcome, "case {i}");
            assert_eq!(f.review.checklist, [false, false, *after, false, false]);
        }
    }

    #[test]
    fn moving_between_fields() {
        use FormOutcome::{Nothing, Redraw};
        let last = FIELDS.len() - 1;
        let cases: &[(usize, KeyEvent, usize, FormOutcome)] = &[
            (0, ch('j'), 1, Redraw),
            (0, press(KeyCode::Down), 1, Redraw),
            (0, press(KeyCode::Tab), 1, Redraw),
            (3, ch('k'), 2, Redraw),
            (3, press(KeyCode::Up), 2, Redraw),
            (0, ch('k'), 0, Nothing),
            (last, ch('j'), last, Nothing),
            (5, ch('G'), last, Redraw),
            (5, press(KeyCode::Home), 0, Redraw),
        ];
        for (i, (from, key, to, outcome)) in cases.iter().enumerate() {
            let mut f = ReviewForm::new(empty());
            f.field = *from;
            assert_eq!(f.key(&Keymap::default(), *key), *outcome, "case {i}");
            assert_eq!(f.field, *to, "case {i}");
            assert_eq!(f.review, empty(), "moving changes nothing");
        }
    }

    #[test]
    fn leaving_and_switching_weeks() {
        let cases = [
            (press(KeyCode::Esc), FormOutcome::Leave),
            (ch('q'), FormOutcome::Leave),
            (ch('['), FormOutcome::PrevWeek),
            (ch(']'), FormOutcome::NextWeek),
            (
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                FormOutcome::Nothing,
            ),
        ];
        for field in [Field::Rating(0), Field::Win, Field::Check(4), Field::Energy] {
            for (key, outcome) in cases {
                let mut f = form_at(field, |_| {});
                assert_eq!(f.key(&Keymap::default(), key), outcome, "{field:?} {key:?}");
            }
        }
    }

    /// Types `s` into the form, one key per char.
    fn type_text(f: &mut ReviewForm, s: &str) {
        for c in s.chars() {
            assert_eq!(
                f.key(&Keymap::default(), ch(c)),
                FormOutcome::Redraw,
                "typing {c:?}"
            );
        }
    }

    #[test]
    fn editing_the_win_saves_on_enter() {
        let mut f = form_at(Field::Win, |r| r.win = "Old".into());
        assert_eq!(
            f.key(&Keymap::default(), press(KeyCode::Enter)),
            FormOutcome::Redraw
        );
        assert_eq!(f.editing.as_ref().map(Input::value), Some("Old"));
        // Keys that mean something outside an edit are text inside one.
        type_text(&mut f, " q[]jx0");
        assert_eq!(f.review.win, "Old", "nothing saved while typing");
        assert_eq!(
            f.key(&Keymap::default(), press(KeyCode::Backspace)),
            FormOutcome::Redraw
        );
        assert_eq!(
            f.key(&Keymap::default(), press(KeyCode::Enter)),
            FormOutcome::Changed
        );
        assert!(f.editing.is_none());
        assert_eq!(f.review.win, "Old q[]jx");
    }

    #[test]
    fn esc_cancels_an_edit_and_unchanged_text_is_not_a_change() {
        let mut f = form_at(Field::Enabler, |r| r.enabler = "Quiet mornings".into());
        f.key(&Keymap::default(), press(KeyCode::Enter));
        type_text(&mut f, " and more");
        assert_eq!(
            f.key(&Keymap::default(), press(KeyCode::Esc)),
            FormOutcome::Redraw
        );
        assert!(f.editing.is_none());
        assert_eq!(f.review.enabler, "Quiet mornings");
        // Esc ended the edit only; the next Esc leaves.
        assert_eq!(
            f.key(&Keymap::default(), press(KeyCode::Esc)),
            FormOutcome::Leave
        );

        f.key(&Keymap::default(), press(KeyCode::Enter));
        type_text(&mut f, "  ");
        // Trailing spaces are trimmed, so this is the same text.
        assert_eq!(
            f.key(&Keymap::default(), press(KeyCode::Enter)),
            FormOutcome::Redraw
        );
        assert_eq!(f.review.enabler, "Quiet mornings");
    }

    #[test]
    fn text_is_capped_while_typing() {
        let long = "a".repeat(TEXT_MAX_CHARS);
        let mut f = form_at(Field::Win, |_| {});
        f.key(&Keymap::default(), press(KeyCode::Enter));
        f.editing = Some(Input::new(long.clone()));
        assert_eq!(f.key(&Keymap::default(), ch('b')), FormOutcome::Nothing);
        assert_eq!(f.editing.as_ref().map(Input::value), Some(long.as_str()));
        assert_eq!(
            f.key(&Keymap::default(), press(KeyCode::Enter)),
            FormOutcome::Changed
        );
        assert_eq!(f.review.win, long);
        assert_eq!(f.review.validate(), Ok(()));
    }

    #[test]
    fn keys_that_mean_nothing_on_a_text_field() {
        for key in [ch('l'), ch('5'), ch(' '), ch('x'), press(KeyCode::Delete)] {
            let mut f = form_at(Field::Win, |r| r.win = "Keep".into());
            assert_eq!(
                f.key(&Keymap::default(), key),
                FormOutcome::Nothing,
                "{key:?}"
            );
            assert_eq!(f.review.win, "Keep");
            assert!(f.editing.is_none());
        }
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut f = ReviewForm::new(empty());
        let mut release = ch('j');
        release.kind = KeyEventKind::Release;
        assert_eq!(f.key(&Keymap::default(), release), FormOutcome::Nothing);
        assert_eq!(f.field, 0);
    }
}
