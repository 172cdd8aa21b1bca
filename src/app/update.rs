//! `update(&mut Model, Msg, now) -> Update`: every decision of the TUI, no I/O.

use chrono::{Duration, NaiveDateTime};

use crate::app::model::Screen;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::app::model::{Level, Mode, Model, Pending, Prompt, PromptPurpose, UndoEntry};
use crate::app::msg::{Effect, Msg, Purpose};
use crate::app::{breathe, offline, timer, week};
use crate::domain::parse::{self, Draft, When};
use crate::domain::plan::{self, Timebox, dur, hhmm};
use crate::domain::plan::{Change, Patch};
use crate::domain::time::Now;
use crate::domain::time::minute_of_day;
use crate::keys::Action;

/// What `update` asks of the shell: redraw or not, and effects to run.
#[derive(Debug, Default, PartialEq)]
pub struct Update {
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Update {
    pub(crate) fn redraw() -> Update {
        Update {
            redraw: true,
            effects: Vec::new(),
        }
    }

    fn with(mut self, e: Effect) -> Update {
        self.effects.push(e);
        self
    }
}

/// The first effects of a run: load the shown day, the running session and today's log.
pub fn init(m: &Model) -> Vec<Effect> {
    let mut v = vec![
        Effect::LoadDay(m.today.date),
        Effect::LoadSession,
        Effect::LoadSessionsToday(m.today()),
        Effect::LoadBreathSeen,
        Effect::LoadManual,
    ];
    // Opened straight on the review (`serein review`) or the Week screen.
    if let Some(r) = &m.review {
        v.push(Effect::LoadReview(r.form.review.week));
        v.push(Effect::LoadWeek(
            r.form.review.week,
            std::sync::Arc::clone(&m.week_params),
        ));
    } else if let Some(w) = &m.week {
        v.push(Effect::LoadWeek(
            w.week,
            std::sync::Arc::clone(&m.week_params),
        ));
    }
    v
}

/// Applies one message at `now`.
pub fn update(m: &mut Model, msg: Msg, now: impl Into<Now>) -> Update {
    let now: Now = now.into();
    let before = m.now;
    m.now = now.local;
    m.now_utc = now.utc;
    m.zone = now.zone;
    match msg {
        Msg::Tick => {
            let mut u = tick(m, before);
            for t in [
                timer::tick(m, now),
                breathe::advance(m, now, false),
                breathe::reminders(m, now),
                offline::tick(m, now),
            ] {
                u.redraw |= t.redraw;
                u.effects.extend(t.effects);
            }
            u
        }
        Msg::Frame => breathe::advance(m, now, true),
        Msg::Shutdown => breathe::stop_for_exit(m, now),
        Msg::ManualLoaded(manual) => {
            m.offline.manual = manual;
            offline::tick(m, now)
        }
        Msg::DndApplied(a) => {
            // Retries report every 30 s: say it once.
            if let crate::notify::enforcer::Applied::Failed(why) = &a
                && m.offline.dnd_applied.as_ref() != Some(&a)
            {
                m.set_status(Level::Warn, format!("Do-Not-Disturb not changed: {why}"));
            }
            m.offline.dnd_applied = Some(a);
            Update::redraw()
        }
        Msg::BreathSeen(names) => breathe::seen_loaded(m, names, now),
        Msg::BreathLogged(id) => breathe::logged(m, id),
        Msg::Resize => Update::redraw(),
        Msg::Key(k) => {
            if k.kind == KeyEventKind::Release {
                return Update::default();
            }
            key(m, k, now)
        }
        Msg::SessionLoaded(s) => timer::loaded(m, s, now),
        Msg::SessionStarted(s) => timer::started(m, s, now),
        Msg::SessionsToday(list) => {
            m.timer.sessions_today = list;
            Update::default()
        }
        Msg::NotifyFailed(e) => {
            let first = !m.notify_failed;
            m.notify_failed = true;
            if first {
                m.set_status(Level::Warn, format!("notifications unavailable: {e}"));
            }
            Update::redraw()
        }
        Msg::DayLoaded { date, boxes } => day_loaded(m, date, boxes),
        Msg::WeekLoaded(w, data) => week::loaded(m, w, *data),
        Msg::ReviewLoaded {
            week: w,
            review,
            history,
        } => week::review_loaded(m, w, review, history),
        Msg::OtherDayLoaded {
            date,
            boxes,
            purpose: Purpose::CopyUnfinished,
        } => copy_unfinished(m, date, &boxes),
        Msg::Saved { created } => saved(m, created),
        Msg::Problem(e) => {
            m.set_status(Level::Error, e);
            Update::redraw()
        }
        Msg::StoreFailed(e) => {
            if let Some(Pending::Change { .. }) = m.today.pending.take() {
                m.today.undo.pop();
            }
            m.set_status(Level::Error, format!("not saved: {e}"));
            Update::redraw().with(Effect::LoadDay(m.today.date))
        }
    }
}

fn tick(m: &mut Model, before: NaiveDateTime) -> Update {
    let mut u = Update::default();
    // Follow the day over midnight when the user was looking at today.
    if m.now.date() != before.date() && m.today.date == before.date() {
        m.today.date = m.now.date();
        m.today.loaded = false;
        m.today.selected = None;
        u.redraw = true;
        u.effects.push(Effect::LoadDay(m.today.date));
    }
    // Only the clock's minute and the now marker move while idle.
    if minute_of_day(m.now) != minute_of_day(before) || m.now.date() != before.date() {
        u.redraw = true;
    }
    let week = m
        .week
        .as_ref()
        .filter(|_| m.screen == Screen::Week)
        .map(|v| (v.week, std::sync::Arc::clone(&m.week_params)));
    u.effects.push(Effect::PollExternal(m.today.date, week));
    // Status messages fade (errors stay longer); a prompt keeps its error until fixed.
    if let Some(s) = &m.status {
        let keep = if s.level == Level::Error { 20 } else { 8 };
        if matches!(m.mode, Mode::Normal) && (m.now - s.since).num_seconds() >= keep {
            m.status = None;
            u.redraw = true;
        }
    }
    u
}

fn day_loaded(m: &mut Model, date: chrono::NaiveDate, boxes: Vec<Timebox>) -> Update {
    if date != m.today.date {
        return Update::default();
    }
    let first = !m.today.loaded;
    if !first && boxes == m.today.boxes {
        return Update::default();
    }
    let prev_index = m.selected_index();
    m.today.boxes = boxes;
    m.today.loaded = true;
    if m.selected_box().is_none() {
        m.today.selected = match prev_index {
            Some(i) if !first => m
                .today
                .boxes
                .get(i.min(m.today.boxes.len().saturating_sub(1)))
                .map(|b| b.id),
            // First load, or boxes appeared on an empty day (added by the CLI).
            _ => initial_selection(m),
        };
    }
    Update::redraw()
}

/// On today, the box under way or the next one; on other days, the first.
fn initial_selection(m: &Model) -> Option<i64> {
    if m.today.date == m.today() {
        let now = minute_of_day(m.now);
        m.today
            .boxes
            .iter()
            .find(|b| b.end > now)
            .or(m.today.boxes.last())
            .map(|b| b.id)
    } else {
        m.today.boxes.first().map(|b| b.id)
    }
}

fn saved(m: &mut Model, created: Vec<i64>) -> Update {
    match m.today.pending.take() {
        Some(Pending::Change { select_created }) => {
            if let Some(top) = m.today.undo.last_mut() {
                top.created = created.clone();
            }
            if select_created && let Some(id) = created.first() {
                m.today.selected = Some(*id);
            }
        }
        Some(Pending::Undo { select: Some(id) }) => m.today.selected = Some(id),
        Some(Pending::Undo { select: None }) | None => {}
    }
    Update::redraw().with(Effect::LoadDay(m.today.date))
}

/// A key in normal mode goes through the key table (`crate::keys`) on every screen; only
/// Ctrl-C, prompts and the review's text and digits take keys as typed.
fn key(m: &mut Model, k: KeyEvent, now: Now) -> Update {
    if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
        return Update::redraw().with(Effect::Quit);
    }
    match m.mode.clone() {
        Mode::Help => {
            m.mode = Mode::Normal;
            Update::redraw()
        }
        Mode::Input(prompt) => input_key(m, prompt, k, now),
        Mode::Normal if m.screen == Screen::Review => {
            m.status = None;
            week::review_key(m, k)
        }
        Mode::Normal => {
            m.status = None;
            match m.keymap.action(m.screen, &k) {
                Some(a) => screen_action(m, a, now),
                // An unbound key clears the status line on Today and the Timer.
                None if matches!(m.screen, Screen::Today | Screen::Timer) => Update::redraw(),
                None => Update::default(),
            }
        }
    }
}

/// An action from the key table on the screen shown (the review has its own, in `week`).
fn screen_action(m: &mut Model, a: Action, now: Now) -> Update {
    match (m.screen, a) {
        (_, Action::Help) => {
            m.mode = Mode::Help;
            Update::redraw()
        }
        // q on Breathe stops the exercise like Esc (so it is logged), then leaves.
        (Screen::Breathe, Action::Quit) => {
            let mut u = breathe::stop_for_exit(m, now);
            u.effects.extend(breathe::leave(m).effects);
            u.redraw = true;
            u
        }
        (Screen::Breathe, a) => breathe::action(m, a, now),
        (_, Action::Breathe) => {
            // From a break or a reminder, one key starts the default exercise.
            let quick = m.breathe.reminder_due
                || m.timer
                    .session
                    .as_ref()
                    .is_some_and(|s| s.kind == crate::domain::session::SessionKind::Break);
            let mut u = breathe::open(m);
            if quick {
                u.effects
                    .extend(breathe::action(m, Action::Start, now).effects);
            }
            u
        }
        (_, Action::Snooze) => breathe::snooze(m, now),
        (_, Action::Week) => week::open(m),
        (_, Action::Review) => {
            let w = m
                .week
                .as_ref()
                .filter(|_| m.screen == Screen::Week)
                .map_or(crate::domain::summary::Week::of(m.today.date), |v| v.week);
            week::open_review(m, w, false)
        }
        (_, Action::Offline) => offline::toggle(m, now),
        (_, Action::Quit) => Update::redraw().with(Effect::Quit),
        (Screen::Week, a) => week::action(m, a),
        (Screen::Timer, a) | (_, a @ Action::Start) => timer::action(m, a, now),
        (_, a) => action(m, a),
    }
}

fn open_prompt(m: &mut Model, purpose: PromptPurpose, text: String) -> Update {
    m.mode = Mode::Input(Prompt {
        purpose,
        input: Input::new(text),
    });
    Update::redraw()
}

fn action(m: &mut Model, a: Action) -> Update {
    let step = i32::from(m.config.step_minutes);
    match a {
        Action::Down | Action::Up | Action::Top | Action::Bottom => {
            if m.today.boxes.is_empty() {
                return Update::redraw();
            }
            let last = m.today.boxes.len() - 1;
            let i = m.selected_index();
            let j = match a {
                Action::Down => i.map_or(0, |i| (i + 1).min(last)),
                Action::Up => i.map_or(0, |i| i.saturating_sub(1)),
                Action::Top => 0,
                _ => last,
            };
            m.today.selected = Some(m.today.boxes[j].id);
            Update::redraw()
        }
        Action::Add => open_prompt(m, PromptPurpose::Add, String::new()),
        Action::Edit => match m.selected_box() {
            Some(b) => {
                let text = parse::format(&Draft {
                    when: When::Span {
                        start: b.start,
                        end: b.end,
                    },
                    title: b.title.clone(),
                    domain: Some(b.domain.clone()),
                    kind: b.kind,
                });
                let id = b.id;
                open_prompt(m, PromptPurpose::Edit(id), text)
            }
            None => nothing_selected(m),
        },
        Action::Delete => match m.selected_box().cloned() {
            Some(b) => {
                let i = m.selected_index().unwrap_or(0);
                let next = m
                    .today
                    .boxes
                    .get(i + 1)
                    .or_else(|| i.checked_sub(1).and_then(|j| m.today.boxes.get(j)))
                    .map(|b| b.id);
                m.today.selected = next;
                m.set_status(
                    Level::Info,
                    format!(
                        "deleted “{}” — {} to undo",
                        b.title,
                        m.keymap.keys_for(Action::Undo)
                    ),
                );
                change(
                    m,
                    "delete",
                    vec![b.clone()],
                    Vec::new(),
                    Change {
                        delete: vec![b.id],
                        ..Change::default()
                    },
                    false,
                )
            }
            None => nothing_selected(m),
        },
        Action::Undo => undo(m),
        Action::MoveDown | Action::MoveUp | Action::Grow | Action::Shrink => {
            let Some(b) = m.selected_box().cloned() else {
                return nothing_selected(m);
            };
            let result = match a {
                Action::MoveDown => plan::moved(&b, step),
                Action::MoveUp => plan::moved(&b, -step),
                Action::Grow => plan::resized(&b, step),
                _ => plan::resized(&b, -step),
            };
            let label = match a {
                Action::MoveDown | Action::MoveUp => "move",
                _ => "resize",
            };
            match result {
                Ok(nb) => upsert(m, label, vec![b], vec![nb]),
                Err(e) => error(m, e.to_string()),
            }
        }
        Action::Shift => match m.selected_box() {
            Some(b) => {
                let id = b.id;
                open_prompt(m, PromptPurpose::Shift(id), String::new())
            }
            None => nothing_selected(m),
        },
        Action::ToggleDone => match m.selected_box().cloned() {
            Some(b) => {
                let nb = Timebox {
                    done: !b.done,
                    ..b.clone()
                };
                upsert(m, "done", vec![b], vec![nb])
            }
            None => nothing_selected(m),
        },
        Action::PrevDay | Action::NextDay | Action::Today => {
            let date = match a {
                Action::PrevDay => m.today.date - Duration::days(1),
                Action::NextDay => m.today.date + Duration::days(1),
                _ => m.today(),
            };
            go_to(m, date)
        }
        Action::ApplyTemplate => {
            if m.config.templates.is_empty() {
                m.set_status(
                    Level::Warn,
                    "no templates yet: add a [[template]] to the config (see `serein config init`)",
                );
                return Update::redraw();
            }
            let first = if m.config.templates.len() == 1 {
                m.config.templates[0].name.clone()
            } else {
                String::new()
            };
            open_prompt(m, PromptPurpose::Template, first)
        }
        Action::CopyUnfinished => Update::redraw().with(Effect::LoadOther(
            m.today.date - Duration::days(1),
            Purpose::CopyUnfinished,
        )),
        // Other screens' actions are routed before we get here.
        _ => Update::redraw(),
    }
}

fn go_to(m: &mut Model, date: chrono::NaiveDate) -> Update {
    if date == m.today.date {
        return Update::redraw();
    }
    m.today.date = date;
    m.today.boxes.clear();
    m.today.loaded = false;
    m.today.selected = None;
    Update::redraw().with(Effect::LoadDay(date))
}

fn nothing_selected(m: &mut Model) -> Update {
    let add = m.keymap.keys_for(Action::Add);
    m.set_status(Level::Info, format!("no box selected — {add} adds one"));
    Update::redraw()
}

fn error(m: &mut Model, text: String) -> Update {
    m.set_status(Level::Error, text);
    Update::redraw()
}

/// Records an undo entry and asks the shell to commit `c`: `restore` re-creates deleted boxes
/// whole, `revert` sets edited columns back.
fn change(
    m: &mut Model,
    label: &str,
    restore: Vec<Timebox>,
    revert: Vec<Patch>,
    c: Change,
    select_created: bool,
) -> Update {
    m.today.undo.push(UndoEntry {
        label: label.to_string(),
        date: m.today.date,
        restore,
        revert,
        created: Vec::new(),
    });
    // Keep memory bounded over a long day.
    if m.today.undo.len() > 100 {
        m.today.undo.remove(0);
    }
    m.today.pending = Some(Pending::Change { select_created });
    Update::redraw().with(Effect::Apply(c))
}

/// Edits stored boxes: writes only the columns that differ between `before` and `after` (paired
/// by id), so what another process changed meanwhile in the others
/// survives; undo sets back only those columns too.
fn upsert(m: &mut Model, label: &str, before: Vec<Timebox>, after: Vec<Timebox>) -> Update {
    if let Some(first) = after.first() {
        m.today.selected = Some(first.id);
    }
    warn_overlap(m, &after);
    let pairs = after
        .iter()
        .filter_map(|a| before.iter().find(|b| b.id == a.id).map(|b| (b, a)));
    let (patch, revert) = pairs
        .map(|(b, a)| (Patch::between(b, a), Patch::between(a, b)))
        .unzip();
    change(
        m,
        label,
        Vec::new(),
        revert,
        Change {
            patch,
            ..Change::default()
        },
        false,
    )
}

fn undo(m: &mut Model) -> Update {
    let Some(entry) = m.today.undo.pop() else {
        m.set_status(Level::Info, "nothing to undo");
        return Update::redraw();
    };
    let select = entry
        .restore
        .first()
        .map(|b| b.id)
        .or(entry.revert.first().map(|p| p.id));
    m.set_status(Level::Info, format!("undid {}", entry.label));
    let mut u = if entry.date != m.today.date {
        go_to(m, entry.date)
    } else {
        Update::redraw()
    };
    m.today.pending = Some(Pending::Undo { select });
    u.effects.push(Effect::Apply(Change {
        upsert: entry.restore,
        patch: entry.revert,
        delete: entry.created,
        insert: Vec::new(),
    }));
    u
}

/// Warns (without refusing) when new or changed boxes overlap others.
fn warn_overlap(m: &mut Model, changed: &[Timebox]) {
    for c in changed {
        if let Some(o) = m
            .today
            .boxes
            .iter()
            .find(|o| o.id != c.id && !changed.iter().any(|x| x.id == o.id) && o.overlaps(c))
        {
            m.set_status(
                Level::Warn,
                format!(
                    "“{}” overlaps “{}” ({}-{})",
                    c.title,
                    o.title,
                    hhmm(o.start),
                    hhmm(o.end)
                ),
            );
            return;
        }
    }
}

/// Where "next free slot" starts looking on the shown day.
fn placement_start(m: &Model) -> u16 {
    let day_start = m.config.day_start.0;
    if m.today.date == m.today() {
        minute_of_day(m.now).max(day_start)
    } else {
        day_start
    }
}

fn input_key(m: &mut Model, mut prompt: Prompt, k: KeyEvent, now: Now) -> Update {
    match k.code {
        KeyCode::Esc => {
            m.mode = Mode::Normal;
            m.status = None;
            Update::redraw()
        }
        KeyCode::Enter => submit(m, prompt, now),
        _ => {
            prompt.input.handle_event(&Event::Key(k));
            m.mode = Mode::Input(prompt);
            Update::redraw()
        }
    }
}

fn submit(m: &mut Model, prompt: Prompt, now: Now) -> Update {
    let text = prompt.input.value().trim().to_string();
    let result = match prompt.purpose {
        PromptPurpose::Add => submit_add(m, &text),
        PromptPurpose::Edit(id) => submit_edit(m, id, &text),
        PromptPurpose::Shift(id) => submit_shift(m, id, &text),
        PromptPurpose::Template => submit_template(m, &text),
        PromptPurpose::Interruption(id) => Ok(timer::interruption(m, id, &text, now)),
        PromptPurpose::Note(id) => Ok(timer::note(m, id, &text)),
    };
    match result {
        Ok(u) => {
            if matches!(m.mode, Mode::Input(_)) {
                m.mode = Mode::Normal;
            }
            u
        }
        Err(e) => {
            // Keep the prompt and its text so nothing typed is lost.
            m.set_status(Level::Error, e);
            m.mode = Mode::Input(prompt);
            Update::redraw()
        }
    }
}

fn submit_add(m: &mut Model, text: &str) -> Result<Update, String> {
    let draft = parse::parse(text, &m.config.domain_names()).map_err(|e| e.to_string())?;
    let nb = plan::place(
        &draft,
        &m.today.boxes,
        m.today.date,
        placement_start(m),
        &m.config.default_domain,
    )
    .map_err(|e| e.to_string())?;
    m.mode = Mode::Normal;
    m.set_status(
        Level::Info,
        format!("added {}-{} {}", hhmm(nb.start), hhmm(nb.end), nb.title),
    );
    warn_overlap(m, &[Timebox::from_new(-1, nb.clone())]);
    Ok(change(
        m,
        "add",
        Vec::new(),
        Vec::new(),
        Change {
            insert: vec![nb],
            ..Change::default()
        },
        true,
    ))
}

fn submit_edit(m: &mut Model, id: i64, text: &str) -> Result<Update, String> {
    let old = m
        .today
        .boxes
        .iter()
        .find(|b| b.id == id)
        .cloned()
        .ok_or("that box was deleted meanwhile")?;
    let draft = parse::parse(text, &m.config.domain_names()).map_err(|e| e.to_string())?;
    let (start, end) = match draft.when {
        When::Span { start, end } => (i32::from(start), i32::from(end)),
        When::StartFor { start, len } => (i32::from(start), i32::from(start) + i32::from(len)),
        When::For { len } => (i32::from(old.start), i32::from(old.start) + i32::from(len)),
    };
    let (start, end) = plan::check_span(start, end).map_err(|e| e.to_string())?;
    let nb = Timebox {
        start,
        end,
        title: draft.title,
        domain: draft
            .domain
            .unwrap_or_else(|| m.config.default_domain.clone()),
        kind: draft.kind,
        ..old.clone()
    };
    m.mode = Mode::Normal;
    Ok(upsert(m, "edit", vec![old], vec![nb]))
}

fn submit_shift(m: &mut Model, id: i64, text: &str) -> Result<Update, String> {
    let delta = plan::parse_delta(text).ok_or_else(|| {
        format!("{text:?} is not a shift; type minutes like 30, -15, 1h or -1h30")
    })?;
    let after = plan::shifted(&m.today.boxes, id, delta).map_err(|e| e.to_string())?;
    let before: Vec<Timebox> = after
        .iter()
        .filter_map(|a| m.today.boxes.iter().find(|b| b.id == a.id).cloned())
        .collect();
    m.mode = Mode::Normal;
    let n = after.len();
    let u = upsert(m, "shift", before, after);
    if m.status.is_none() {
        let sign = if delta < 0 { "-" } else { "+" };
        m.set_status(
            Level::Info,
            format!(
                "shifted {} by {sign}{}",
                crate::domain::count(n, "box", "boxes"),
                dur(delta.unsigned_abs())
            ),
        );
    }
    Ok(u)
}

fn submit_template(m: &mut Model, name: &str) -> Result<Update, String> {
    let names: Vec<&str> = m.config.templates.iter().map(|t| t.name.as_str()).collect();
    let t = m
        .config
        .template(name)
        .ok_or_else(|| format!("no template {name:?}; known: {}", names.join(", ")))?;
    let domains = m.config.domain_names();
    let drafts = t
        .boxes
        .iter()
        .map(|l| parse::parse(l, &domains))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let placed = plan::place_all(
        &drafts,
        &m.today.boxes,
        m.today.date,
        m.config.day_start.0,
        &m.config.default_domain,
    )
    .map_err(|e| e.to_string())?;
    let n = placed.len();
    m.mode = Mode::Normal;
    m.set_status(
        Level::Info,
        format!(
            "added {} from “{name}”",
            crate::domain::count(n, "box", "boxes")
        ),
    );
    Ok(change(
        m,
        "template",
        Vec::new(),
        Vec::new(),
        Change {
            insert: placed,
            ..Change::default()
        },
        true,
    ))
}

fn copy_unfinished(m: &mut Model, from: chrono::NaiveDate, source: &[Timebox]) -> Update {
    let copies = plan::copy_unfinished(source, &m.today.boxes, m.today.date, m.config.day_start.0);
    if copies.is_empty() {
        m.set_status(
            Level::Info,
            format!(
                "nothing unfinished to copy from {}",
                from.format("%a %d %b")
            ),
        );
        return Update::redraw();
    }
    m.set_status(
        Level::Info,
        format!(
            "copied {} from {}",
            crate::domain::count(copies.len(), "unfinished box", "unfinished boxes"),
            from.format("%a %d %b")
        ),
    );
    change(
        m,
        "copy",
        Vec::new(),
        Vec::new(),
        Change {
            insert: copies,
            ..Change::default()
        },
        true,
    )
}
