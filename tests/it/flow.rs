//! Flow tests: scripted keys through the same `Shell::dispatch` the TUI loop uses, against a
//! real (in-memory or temp-file) store, with a fixed clock.

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serein::app::model::{Level, Mode, Model};
use serein::app::msg::Msg;
use serein::config::{Config, Template};
use serein::domain::plan::{Kind, Timebox};
use serein::shell::Shell;
use serein::store::Store;

use crate::{at, day, full_day, model_at, nb};

fn k(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Msg {
    let m = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    Msg::Key(KeyEvent::new(KeyCode::Char(c), m))
}

/// Sends a script: characters are keys; `type_text` types into a prompt.
struct Driver<'a> {
    shell: Shell<'a>,
    model: Model,
    now: NaiveDateTime,
}

impl<'a> Driver<'a> {
    fn new(store: &'a mut Store, model: Model) -> Driver<'a> {
        let now = model.now;
        let mut shell = Shell::new(store);
        let mut model = model;
        shell.start(&mut model, now);
        Driver { shell, model, now }
    }

    fn send(&mut self, msg: Msg) -> serein::shell::Dispatched {
        self.shell.dispatch(&mut self.model, msg, self.now)
    }

    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.send(ch(c));
        }
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(ch(c));
        }
    }

    fn enter(&mut self) {
        self.send(k(KeyCode::Enter));
    }

    fn clear_input(&mut self) {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
    }

    fn spans(&self) -> Vec<(u16, u16, String)> {
        self.model
            .today
            .boxes
            .iter()
            .map(|b| (b.start, b.end, b.title.clone()))
            .collect()
    }

    fn selected_title(&self) -> Option<String> {
        self.model.selected_box().map(|b| b.title.clone())
    }
}

fn stored(store: &Store) -> Vec<(u16, u16, String)> {
    store
        .day(day())
        .unwrap()
        .into_iter()
        .map(|b| (b.start, b.end, b.title))
        .collect()
}

#[test]
fn add_edit_move_resize_delete_undo() {
    let mut store = Store::open_in_memory().unwrap();
    {
        let mut d = Driver::new(&mut store, model_at(at(9, 41)));
        // Add with an explicit span.
        d.keys("a");
        d.type_text("10:30-12 Write report #work");
        d.enter();
        assert!(matches!(d.model.mode, Mode::Normal));
        assert_eq!(d.spans(), vec![(630, 720, "Write report".into())]);
        assert_eq!(d.selected_title().as_deref(), Some("Write report"));

        // Add by length: the next free slot after now (09:41 → 09:45).
        d.keys("a");
        d.type_text("45m Inbox triage");
        d.enter();
        assert_eq!(d.spans()[0], (585, 630, "Inbox triage".into()));
        assert_eq!(d.selected_title().as_deref(), Some("Inbox triage"));

        // Edit the selected box: the prompt is prefilled with the box.
        d.keys("e");
        match &d.model.mode {
            Mode::Input(p) => assert_eq!(p.input.value(), "09:45-10:30 Inbox triage #work"),
            other => panic!("expected a prompt, got {other:?}"),
        }
        d.clear_input();
        d.type_text("09:45-10:15 Mail #personal");
        d.enter();
        let b = d.model.selected_box().unwrap().clone();
        assert_eq!(
            (b.start, b.end, b.title.as_str(), b.domain.as_str()),
            (585, 615, "Mail", "personal")
        );

        // Move later, longer, shorter, earlier.
        d.keys("J");
        assert_eq!(
            d.model.selected_box().map(|b| (b.start, b.end)),
            Some((600, 630))
        );
        d.keys("+");
        assert_eq!(
            d.model.selected_box().map(|b| (b.start, b.end)),
            Some((600, 645))
        );
        d.keys("-K");
        assert_eq!(
            d.model.selected_box().map(|b| (b.start, b.end)),
            Some((585, 615))
        );

        // Undo walks back through the changes one at a time.
        d.keys("u");
        assert_eq!(
            d.model.selected_box().map(|b| (b.start, b.end)),
            Some((600, 615 + 15))
        );

        // Delete and undo: the same box comes back with its id.
        let id = d.model.today.selected.unwrap();
        d.keys("d");
        assert!(d.model.today.boxes.iter().all(|b| b.id != id));
        assert_eq!(d.model.status.as_ref().map(|s| s.level), Some(Level::Info));
        d.keys("u");
        assert!(d.model.today.boxes.iter().any(|b| b.id == id));
        assert_eq!(d.model.today.selected, Some(id));
    }
    // Everything was saved as it happened.
    assert_eq!(
        stored(&store),
        vec![(600, 630, "Mail".into()), (630, 720, "Write report".into())]
    );
}

#[test]
fn bad_input_keeps_the_prompt_and_saves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    {
        let mut d = Driver::new(&mut store, model_at(at(9, 0)));
        for (text, frag) in [
            ("25:00-26:00 x", "hours go from 00 to 23"),
            ("10:00-09:00 x", "before the start"),
            ("10:00-11:00", "title is missing"),
            ("10:00-11:00 x #wrok", "unknown domain"),
            ("23:00 +2h x", "midnight"),
        ] {
            d.keys("a");
            d.type_text(text);
            d.enter();
            match &d.model.mode {
                Mode::Input(p) => assert_eq!(p.input.value(), text),
                other => panic!("{text}: prompt closed: {other:?}"),
            }
            let s = d.model.status.clone().expect("an error is shown");
            assert_eq!(s.level, Level::Error);
            assert!(s.text.contains(frag), "{text}: {}", s.text);
            d.send(k(KeyCode::Esc));
            assert!(matches!(d.model.mode, Mode::Normal));
        }
    }
    assert!(stored(&store).is_empty());
}

#[test]
fn shift_moves_this_and_later_boxes() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_many(&full_day()).unwrap();
    {
        let mut d = Driver::new(&mut store, model_at(at(12, 40)));
        // At 12:40 the box under way is lunch.
        assert_eq!(d.selected_title().as_deref(), Some("Lunch with Sam"));
        d.keys("s");
        d.type_text("30");
        d.enter();
        let starts: Vec<u16> = d.model.today.boxes.iter().map(|b| b.start).collect();
        assert_eq!(starts, vec![540, 630, 645, 690, 780, 870, 1020, 1080]);
        // A shift that would push a box past midnight is refused whole.
        d.keys("s");
        d.type_text("8h");
        d.enter();
        assert!(matches!(d.model.mode, Mode::Input(_)));
        assert!(d.model.status.as_ref().unwrap().text.contains("midnight"));
        d.send(k(KeyCode::Esc));
        // One undo restores every shifted box.
        d.keys("u");
        let starts: Vec<u16> = d.model.today.boxes.iter().map(|b| b.start).collect();
        assert_eq!(starts, vec![540, 630, 645, 690, 750, 840, 990, 1050]);
    }
}

#[test]
fn days_templates_and_unfinished() {
    let mut store = Store::open_in_memory().unwrap();
    let yesterday = day().pred_opt().unwrap();
    let mut a = nb(540, 600, "Unfinished thing", "work", Kind::Focus);
    a.date = yesterday;
    let mut b = nb(600, 660, "Finished thing", "work", Kind::Focus);
    b.date = yesterday;
    let ids = store.insert_many(&[a, b]).unwrap();
    let done = Timebox {
        done: true,
        ..store.get(ids[1]).unwrap().unwrap()
    };
    store.update(&done).unwrap();

    let mut cfg = Config::default();
    cfg.templates.push(Template {
        name: "weekday".into(),
        boxes: vec!["13:00-14:00 Admin #work".into(), "30m Walk #health".into()],
    });
    let mut m = model_at(at(8, 0));
    m.config = cfg;
    {
        let mut d = Driver::new(&mut store, m);
        d.keys("[");
        assert_eq!(d.model.today.date, yesterday);
        assert_eq!(d.model.today.boxes.len(), 2);
        d.keys("t");
        assert_eq!(d.model.today.date, day());
        assert!(d.model.today.boxes.is_empty());

        d.keys("Y");
        assert_eq!(d.spans(), vec![(540, 600, "Unfinished thing".into())]);
        // Copying twice does not duplicate.
        d.keys("Y");
        assert_eq!(d.model.today.boxes.len(), 1);

        d.keys("T");
        d.enter();
        assert_eq!(
            d.spans(),
            vec![
                (480, 510, "Walk".into()),
                (540, 600, "Unfinished thing".into()),
                (780, 840, "Admin".into()),
            ]
        );
        // Applying it again adds nothing, and says why rather than "added 0 boxes".
        d.keys("T");
        d.enter();
        assert_eq!(d.model.today.boxes.len(), 3);
        let said = d.model.status.clone().expect("a status").text;
        assert!(
            said.contains("already") && said.contains("weekday"),
            "status after a second apply: {said}"
        );
        // Undo removes the whole template at once (the empty second apply is no step).
        d.keys("u");
        assert_eq!(d.model.today.boxes.len(), 1);
        d.keys("x");
        assert!(d.model.today.boxes[0].done);
    }
}

#[test]
fn picks_up_changes_from_another_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("serein.db");
    let mut tui_store = Store::open(&path).unwrap();
    let mut cli_store = Store::open(&path).unwrap();
    let mut d = Driver::new(&mut tui_store, model_at(at(9, 0)));
    assert!(d.model.today.boxes.is_empty());
    cli_store
        .insert(&nb(600, 660, "From the CLI", "work", Kind::Focus))
        .unwrap();
    // The next tick notices the other connection's commit.
    let r = d.send(Msg::Tick);
    assert!(r.redraw);
    assert_eq!(d.spans(), vec![(600, 660, "From the CLI".into())]);
    // Nothing changed: a tick in the same minute draws nothing.
    assert!(!d.send(Msg::Tick).redraw);
}

/// Another process renames a box the TUI shows; before the TUI's next tick reloads the day,
/// the user toggles done, moves and undoes. Each write carries only the columns it changed,
/// so the other process's title survives (issue "Structure and truth").
#[test]
fn edits_write_only_what_changed_and_keep_another_process_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("serein.db");
    let mut tui_store = Store::open(&path).unwrap();
    let mut cli_store = Store::open(&path).unwrap();
    let id = cli_store
        .insert(&nb(600, 660, "Draft", "work", Kind::Focus))
        .unwrap();
    let mut d = Driver::new(&mut tui_store, model_at(at(9, 0)));
    assert_eq!(d.selected_title().as_deref(), Some("Draft"));
    let rename = |store: &mut Store, title: &str| {
        let mut b = store.get(id).unwrap().unwrap();
        b.title = title.into();
        assert!(store.update(&b).unwrap());
    };
    let row = |store: &Store| {
        let b = store.get(id).unwrap().unwrap();
        (b.start, b.end, b.title, b.done)
    };

    rename(&mut cli_store, "Final");
    d.keys("x");
    assert_eq!(row(&cli_store), (600, 660, "Final".into(), true));

    rename(&mut cli_store, "Final 2");
    d.keys("J");
    assert_eq!(row(&cli_store), (615, 675, "Final 2".into(), true));

    // Undo puts back only the columns the undone edit changed.
    rename(&mut cli_store, "Final 3");
    d.keys("u");
    assert_eq!(row(&cli_store), (600, 660, "Final 3".into(), true));
    d.keys("u");
    assert_eq!(row(&cli_store), (600, 660, "Final 3".into(), false));
}

#[test]
fn follows_today_over_midnight_and_quits() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = Driver::new(&mut store, model_at(at(23, 59)));
    d.now = day().succ_opt().unwrap().and_hms_opt(0, 0, 1).unwrap();
    assert!(d.send(Msg::Tick).redraw);
    assert_eq!(d.model.today.date, day().succ_opt().unwrap());
    // Help opens, any key closes it, q quits.
    d.keys("?");
    assert!(matches!(d.model.mode, Mode::Help));
    d.keys("q");
    assert!(matches!(d.model.mode, Mode::Normal));
    assert!(d.send(ch('q')).quit);
}
