//! The Today screen's decisions: the shown day's plan as loaded, moving the selection, adding,
//! editing, moving, shifting, deleting and undoing boxes, templates and copying yesterday's
//! unfinished boxes. Every change goes out as one `Effect::Apply` with its undo entry kept here.

use chrono::{Duration, NaiveDate};
use tui_input::Input;

use crate::app::model::{Level, Mode, Model, Pending, Prompt, PromptPurpose, UndoEntry};
use crate::app::msg::{Effect, Purpose};
use crate::app::update::Update;
use crate::domain::meeting::{self, MeetingSlot};
use crate::domain::parse::{self, Draft, When};
use crate::domain::plan::{self, Change, Patch, Timebox, dur, hhmm};
use crate::domain::session::{Session, SessionKind};
use crate::domain::time::minute_of_day;
use crate::keys::Action;

/// The boxes of `date` as stored (at start, after each change, or changed by another
/// process): shown if that is still the day on screen; the selection stays on its box, or
/// on the same row when that box is gone.
pub(crate) fn day_loaded(m: &mut Model, date: NaiveDate, boxes: Vec<Timebox>) -> Update {
    if date != m.today.date {
        return Update::default();
    }
    // The day may have changed without `go_to` (midnight): its meetings follow.
    if m.today.calendars.date != Some(date) {
        refresh_meetings(m);
    }
    // The day was read (shown, saved, or changed by another process): so are its sessions.
    let sessions = (date <= m.today()).then_some(Effect::LoadDaySessions(date));
    let first = !m.today.loaded;
    if !first && boxes == m.today.boxes {
        return Update {
            redraw: false,
            effects: sessions.into_iter().collect(),
        };
    }
    let mut u = day_shown(m, boxes, first);
    u.effects.extend(sessions);
    u
}

/// [`day_loaded`] with new boxes for the shown day.
fn day_shown(m: &mut Model, boxes: Vec<Timebox>, first: bool) -> Update {
    let prev_index = m.selected_index();
    m.today.boxes = boxes;
    m.today.loaded = true;
    if m.selected_box().is_none() && selected_meeting(m).is_none() {
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

/// A change or an undo was committed: the undo entry learns the ids it created (so undo can
/// delete them), the selection follows, and the day is reloaded.
pub(crate) fn saved(m: &mut Model, created: Vec<i64>) -> Update {
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

/// Saving failed: the change it was for leaves the undo list, and the day is reloaded as
/// stored.
pub(crate) fn store_failed(m: &mut Model, e: String) -> Update {
    if let Some(Pending::Change { .. }) = m.today.pending.take() {
        m.today.undo.pop();
    }
    m.set_status(Level::Error, crate::t!("today-not-saved", error = e));
    Update::redraw().with(Effect::LoadDay(m.today.date))
}

/// A date as the header of a narrow pane and the status line show it: `Mon 23 Nov` /
/// `lun. 23 nov.` (the day zero-padded, as it always was).
pub fn short_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    crate::t!(
        "common-date-weekday-day-month",
        weekday = crate::i18n::weekday_name(d.weekday(), false),
        day = format!("{:02}", d.day()),
        month = crate::i18n::month_name(d.month(), false)
    )
}

/// Opens a prompt for `purpose` with `text` already typed.
fn open_prompt(m: &mut Model, purpose: PromptPurpose, text: String) -> Update {
    m.mode = Mode::Input(Prompt {
        purpose,
        input: Input::new(text),
    });
    Update::redraw()
}

/// A key-table action on Today: the router (`update`) sends here what no other screen and no
/// screen-wide key took.
pub(crate) fn action(m: &mut Model, a: Action) -> Update {
    if plan_hidden(m) && edits(a) {
        return refuse_hidden_plan(m);
    }
    if let Some(s) = selected_meeting(m)
        && edits(a)
    {
        m.set_status(Level::Warn, read_only_text(&s));
        return Update::redraw();
    }
    match a {
        Action::Down | Action::Up | Action::Top | Action::Bottom => select(m, a),
        Action::Add => open_prompt(m, PromptPurpose::Add, String::new()),
        Action::Edit => edit(m),
        Action::Delete => delete(m),
        Action::Undo => undo(m),
        Action::MoveDown | Action::MoveUp | Action::Grow | Action::Shrink => nudge(m, a),
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
        Action::ApplyTemplate => apply_template(m),
        Action::CopyUnfinished => Update::redraw().with(Effect::LoadOther(
            m.today.date - Duration::days(1),
            Purpose::CopyUnfinished,
        )),
        Action::PlanActual => toggle_actual(m),
        // Other screens' actions are routed before we get here.
        _ => Update::redraw(),
    }
}

/// Whether the list shows what was done instead of the plan (`v`, on a day that is not to
/// come), at any width: the plan's boxes and meetings, and so the selection, are not on
/// screen. The view is drawn from this (`ui::today`), so the keys and the screen agree.
pub fn plan_hidden(m: &Model) -> bool {
    m.today.show_actual && m.today.date <= m.today()
}

/// A key that would change or start the selected box while the plan is hidden: it is not
/// on screen, so nothing happens; the status line says how to see the plan.
pub(crate) fn refuse_hidden_plan(m: &mut Model) -> Update {
    let k = m.keymap.keys_for(Action::PlanActual);
    m.set_status(Level::Info, crate::t!("today-plan-hidden", key = k));
    Update::redraw()
}

/// Actions that change the selected box: refused on a meeting, which belongs to its calendar.
fn edits(a: Action) -> bool {
    matches!(
        a,
        Action::Edit
            | Action::Delete
            | Action::MoveDown
            | Action::MoveUp
            | Action::Grow
            | Action::Shrink
            | Action::Shift
            | Action::ToggleDone
    )
}

/// Why a meeting can't be changed here (one place, for the localisation sweep).
fn read_only_text(s: &MeetingSlot) -> String {
    crate::t!("today-read-only", title = &s.title, calendar = &s.calendar)
}

/// Down, Up, Top, Bottom: moves the selection along the timeline, boxes and meetings alike.
fn select(m: &mut Model, a: Action) -> Update {
    let items = timeline_items(m);
    if items.is_empty() {
        return Update::redraw();
    }
    let last = items.len() - 1;
    let i = m
        .today
        .selected
        .and_then(|id| items.iter().position(|b| b.id == id));
    let j = match a {
        Action::Down => i.map_or(0, |i| (i + 1).min(last)),
        Action::Up => i.map_or(0, |i| i.saturating_sub(1)),
        Action::Top => 0,
        _ => last,
    };
    let id = items[j].id;
    m.today.selected = Some(id);
    Update::redraw()
}

/// Ids given to the shown day's timed meetings on the timeline: `MEETING_ID - k` for the
/// `k`-th of [`meeting_slots`] (stored boxes have positive ids).
pub const MEETING_ID: i64 = -1_000_000;

/// Whether a timeline id is a meeting's.
pub fn is_meeting(id: i64) -> bool {
    id <= MEETING_ID
}

/// The boxes and the day's timed meetings (as read-only stand-ins with their own ids), in
/// start order: what the timeline lays out and the selection walks. The meetings were
/// expanded in `update`.
pub fn timeline_items(m: &Model) -> std::borrow::Cow<'_, [Timebox]> {
    let slots = meeting_slots(m);
    if slots.is_empty() {
        return std::borrow::Cow::Borrowed(&m.today.boxes);
    }
    let mut items = m.today.boxes.clone();
    items.extend(slots.into_iter().enumerate().map(|(k, s)| Timebox {
        id: MEETING_ID - k as i64,
        date: m.today.date,
        start: s.start,
        end: s.end,
        title: s.title,
        domain: s.domain,
        kind: plan::Kind::Focus,
        done: false,
    }));
    // Stable: boxes keep their order among themselves.
    items.sort_by_key(|b| b.start);
    std::borrow::Cow::Owned(items)
}

/// The meeting selected on the timeline, if the selection is on one.
pub fn selected_meeting(m: &Model) -> Option<MeetingSlot> {
    let id = m.today.selected.filter(|id| is_meeting(*id))?;
    let k = usize::try_from(MEETING_ID - id).ok()?;
    meeting_slots(m).into_iter().nth(k)
}

/// `Start` on a selected meeting (today, not over yet): a session with its title and domain
/// until its end, so the time really spent in it is logged. `None` when no meeting is
/// selected or a session already runs (the timer's own `Start` handles those).
pub(crate) fn start_meeting(m: &mut Model, now: crate::domain::time::Now) -> Option<Update> {
    use crate::domain::session::{Session, SessionKind};
    use crate::domain::time::{resolve, wall};
    if m.timer.session.is_some() {
        return None;
    }
    let s = selected_meeting(m)?;
    if m.today.date != m.today() {
        m.set_status(Level::Warn, crate::t!("today-meeting-not-today"));
        return Some(Update::redraw());
    }
    let at = |min| resolve(&m.zone, wall(m.today.date, min));
    let (start, end) = (at(s.start), at(s.end));
    if now.utc >= end {
        m.set_status(
            Level::Info,
            crate::t!("today-meeting-ended", title = &s.title, time = hhmm(s.end)),
        );
        return Some(Update::redraw());
    }
    let planned = (end - now.utc.max(start)).num_seconds().max(60);
    let session = Session::start(
        &s.title,
        &s.domain,
        SessionKind::Focus,
        None,
        planned,
        now.utc,
        now.local.date(),
        now.offset_s(),
    );
    m.timer.offer = None;
    m.timer.last_ended = None;
    m.screen = crate::app::model::Screen::Timer;
    Some(Update {
        redraw: true,
        effects: vec![Effect::StartSession(session), Effect::EnsureDaemon],
    })
}

/// Opens the edit prompt on the selected box, filled with its line as typed (`09:00-10:00
/// Title #domain`).
fn edit(m: &mut Model) -> Update {
    let Some(b) = m.selected_box() else {
        return nothing_selected(m);
    };
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

/// Deletes the selected box (undoable, it is restored whole) and selects its neighbour: the
/// next one, or the previous at the end.
fn delete(m: &mut Model) -> Update {
    let Some(b) = m.selected_box().cloned() else {
        return nothing_selected(m);
    };
    let i = m.selected_index().unwrap_or(0);
    let next = m
        .today
        .boxes
        .get(i + 1)
        .or_else(|| i.checked_sub(1).and_then(|j| m.today.boxes.get(j)))
        .map(|b| b.id);
    m.today.selected = next;
    let key = m.keymap.keys_for(Action::Undo);
    m.set_status(
        Level::Info,
        crate::t!("today-deleted", title = &b.title, key = key),
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

/// MoveDown, MoveUp, Grow, Shrink: moves or resizes the selected box by `step_minutes`.
fn nudge(m: &mut Model, a: Action) -> Update {
    let step = i32::from(m.config.step_minutes);
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
        Err(e) => error(m, plan_error_text(&e)),
    }
}

/// Opens the template prompt (filled in when there is only one), or says how to add one.
fn apply_template(m: &mut Model) -> Update {
    if m.config.templates.is_empty() {
        m.set_status(Level::Warn, crate::t!("today-no-templates"));
        return Update::redraw();
    }
    let first = if m.config.templates.len() == 1 {
        m.config.templates[0].name.clone()
    } else {
        String::new()
    };
    open_prompt(m, PromptPurpose::Template, first)
}

/// Shows `date` (loaded afresh, nothing selected until it arrives).
fn go_to(m: &mut Model, date: NaiveDate) -> Update {
    if date == m.today.date {
        return Update::redraw();
    }
    m.today.date = date;
    m.today.boxes.clear();
    m.today.loaded = false;
    m.today.selected = None;
    m.today.sessions.clear();
    m.today.sessions_date = None;
    refresh_meetings(m);
    Update::redraw().with(Effect::LoadDay(date))
}

/// A box action with no box: says how to add one.
fn nothing_selected(m: &mut Model) -> Update {
    let add = m.keymap.keys_for(Action::Add);
    m.set_status(Level::Info, crate::t!("today-nothing-selected", key = add));
    Update::redraw()
}

/// Why a change to the plan was refused, in the interface's language (the domain's
/// `PlanError` is data; its English `Display` stays for logs).
pub fn plan_error_text(e: &plan::PlanError) -> String {
    use plan::PlanError;
    match e {
        PlanError::CrossesMidnight(span) => {
            crate::t!("today-error-crosses-midnight", span = span)
        }
        PlanError::BeforeMidnight => crate::t!("today-error-before-midnight"),
        PlanError::TooShort => crate::t!("today-error-too-short", min = plan::MIN_BOX_MINUTES),
        PlanError::NoFreeSlot(len) => {
            crate::t!("today-error-no-free-slot", len = dur(u32::from(*len)))
        }
        PlanError::NoSuchBox(id) => crate::t!("today-error-no-such-box", id = *id),
        PlanError::NoRoom(n) => {
            let day = crate::i18n::date(n.date, crate::i18n::DateStyle::WeekdayDayMonth);
            let len = dur(u32::from(n.len));
            let mut t = if n.from < n.to {
                crate::t!(
                    "today-error-no-room-between",
                    len = len.as_str(),
                    from = hhmm(n.from),
                    to = hhmm(n.to),
                    day = day.as_str()
                )
            } else {
                crate::t!(
                    "today-error-no-room-left",
                    len = len.as_str(),
                    to = hhmm(n.to),
                    day = day.as_str()
                )
            };
            t.push_str(&match (n.first, n.offline) {
                (Some(f), Some((a, b))) => crate::t!(
                    "today-error-no-room-offline",
                    start = hhmm(f),
                    end = hhmm(f + n.len),
                    from = hhmm(a),
                    to = hhmm(b),
                    retry = &n.retry
                ),
                (Some(f), None) if f < n.from => crate::t!(
                    "today-error-no-room-before",
                    start = hhmm(f),
                    retry = &n.retry
                ),
                (Some(f), None) => crate::t!(
                    "today-error-no-room-after",
                    start = hhmm(f),
                    retry = &n.retry
                ),
                (None, _) => crate::t!("today-error-no-room-nowhere"),
            });
            t
        }
    }
}

/// An error on the status line.
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

/// Undoes the last change (going back to its day if another is shown): restores deleted
/// boxes, sets edited columns back and deletes the boxes it created.
fn undo(m: &mut Model) -> Update {
    let Some(entry) = m.today.undo.pop() else {
        m.set_status(Level::Info, crate::t!("today-nothing-to-undo"));
        return Update::redraw();
    };
    let select = entry
        .restore
        .first()
        .map(|b| b.id)
        .or(entry.revert.first().map(|p| p.id));
    m.set_status(Level::Info, crate::t!("today-undid", what = &entry.label));
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
                crate::t!(
                    "today-overlaps",
                    title = &c.title,
                    other = &o.title,
                    start = hhmm(o.start),
                    end = hhmm(o.end)
                ),
            );
            return;
        }
        if let Some(o) = meeting_slots(m)
            .into_iter()
            .find(|s| s.start < c.end && c.start < s.end)
        {
            m.set_status(
                Level::Warn,
                crate::t!(
                    "today-overlaps-meeting",
                    title = &c.title,
                    other = &o.title,
                    start = hhmm(o.start),
                    end = hhmm(o.end)
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

/// The add prompt: a typed span keeps its times; a length alone (`45m Title`) goes to the
/// first free slot from now (or from the day's start on another day).
pub(crate) fn submit_add(m: &mut Model, text: &str) -> Result<Update, String> {
    let draft = parse::parse(text, &m.config.domain_names()).map_err(|e| e.to_string())?;
    let busy = meeting::busy(&meeting_slots(m));
    let offline = plan::offline_spans(&m.offline.schedule, &m.zone, m.today.date);
    let hours = plan::Hours {
        from: placement_start(m),
        day_start: m.config.day_start.0,
        day_end: m.config.day_end.0,
    };
    let placed = plan::place_in_hours(
        &draft,
        &m.today.boxes,
        &busy,
        &offline,
        m.today.date,
        hours,
        &m.config.default_domain,
    )
    .map_err(|e| plan_error_text(&e))?;
    let nb = placed.new;
    m.mode = Mode::Normal;
    m.set_status(
        Level::Info,
        crate::t!(
            "today-added",
            start = hhmm(nb.start),
            end = hhmm(nb.end),
            title = &nb.title
        ),
    );
    warn_overlap(m, &[Timebox::from_new(-1, nb.clone())]);
    if let Some((from, to)) = placed.offline {
        m.set_status(
            Level::Warn,
            crate::t!(
                "today-added-offline",
                start = hhmm(nb.start),
                end = hhmm(nb.end),
                title = &nb.title,
                from = hhmm(from),
                to = hhmm(to)
            ),
        );
    }
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

/// The edit prompt: the box's new line; a length alone keeps its start. The box may have been
/// deleted meanwhile by another process.
pub(crate) fn submit_edit(m: &mut Model, id: i64, text: &str) -> Result<Update, String> {
    let old = m
        .today
        .boxes
        .iter()
        .find(|b| b.id == id)
        .cloned()
        .ok_or_else(|| crate::t!("today-box-gone"))?;
    let draft = parse::parse(text, &m.config.domain_names()).map_err(|e| e.to_string())?;
    let (start, end) = match draft.when {
        When::Span { start, end } => (i32::from(start), i32::from(end)),
        When::StartFor { start, len } => (i32::from(start), i32::from(start) + i32::from(len)),
        When::For { len } => (i32::from(old.start), i32::from(old.start) + i32::from(len)),
    };
    let (start, end) = plan::check_span(start, end).map_err(|e| plan_error_text(&e))?;
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

/// The shift prompt: moves box `id` and every box starting at or after it by a signed length
/// (`30`, `-15`, `1h`).
pub(crate) fn submit_shift(m: &mut Model, id: i64, text: &str) -> Result<Update, String> {
    let delta = plan::parse_delta(text)
        .ok_or_else(|| crate::t!("today-not-a-shift", text = format!("{text:?}")))?;
    let after = plan::shifted(&m.today.boxes, id, delta).map_err(|e| plan_error_text(&e))?;
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
            crate::t!(
                "today-shifted",
                n = n,
                delta = format!("{sign}{}", dur(delta.unsigned_abs()))
            ),
        );
    }
    Ok(u)
}

/// The template prompt: places the named template's boxes in order on the shown day (spans
/// keep their times, lengths take free slots from the day's start).
pub(crate) fn submit_template(m: &mut Model, name: &str) -> Result<Update, String> {
    let names: Vec<&str> = m.config.templates.iter().map(|t| t.name.as_str()).collect();
    let t = m.config.template(name).ok_or_else(|| {
        crate::t!(
            "today-no-such-template",
            name = format!("{name:?}"),
            known = names.join(", ")
        )
    })?;
    let domains = m.config.domain_names();
    let drafts = t
        .boxes
        .iter()
        .map(|l| parse::parse(l, &domains))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let busy = meeting::busy(&meeting_slots(m));
    let t = plan::place_template_around(
        &drafts,
        &m.today.boxes,
        &busy,
        m.today.date,
        m.config.day_start.0,
        &m.config.default_domain,
    )
    .map_err(|e| plan_error_text(&e))?;
    m.mode = Mode::Normal;
    let (placed, already) = (t.placed, t.skipped.len());
    if placed.is_empty() {
        m.set_status(
            Level::Info,
            crate::t!("today-template-already", name = name),
        );
        return Ok(Update::redraw());
    }
    let mut said = crate::t!("today-template-added", n = placed.len(), name = name);
    if already > 0 {
        said.push_str(&crate::t!("today-template-already-there", n = already));
    }
    m.set_status(Level::Info, said);
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

/// The boxes of `from` (the day before) arrived: copies its unfinished ones onto the shown
/// day (`plan::copy_unfinished`).
pub(crate) fn copy_unfinished(m: &mut Model, from: NaiveDate, source: &[Timebox]) -> Update {
    let copies = plan::copy_unfinished(source, &m.today.boxes, m.today.date, m.config.day_start.0);
    if copies.is_empty() {
        m.set_status(
            Level::Info,
            crate::t!("today-nothing-unfinished", date = short_date(from)),
        );
        return Update::redraw();
    }
    m.set_status(
        Level::Info,
        crate::t!("today-copied", n = copies.len(), date = short_date(from)),
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

/// The shown day's timed meetings, as pieces of that day (for drawing and placement), in
/// timeline order: the `k`-th has the id `MEETING_ID - k`.
pub(crate) fn meeting_slots(m: &Model) -> Vec<MeetingSlot> {
    keyed_slots(m).into_iter().map(|(_, s)| s).collect()
}

/// A meeting's identity across calendar reloads: its calendar, UID and instance (the
/// occurrences of a recurring event share a UID), and its start for a file that gives two
/// events one UID.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MeetingKey {
    calendar: String,
    uid: String,
    instance: Option<String>,
    start: Option<chrono::DateTime<chrono::Utc>>,
}

impl MeetingKey {
    fn of(x: &meeting::Meeting) -> MeetingKey {
        MeetingKey {
            calendar: x.calendar.clone(),
            uid: x.uid.clone(),
            instance: x.instance.clone(),
            start: match x.time {
                meeting::MeetingTime::Timed { start, .. } => Some(start),
                meeting::MeetingTime::AllDay { .. } => None,
            },
        }
    }

    /// The same event, wherever it moved.
    fn same_event(&self, o: &MeetingKey) -> bool {
        (&self.calendar, &self.uid, &self.instance) == (&o.calendar, &o.uid, &o.instance)
    }
}

/// [`meeting_slots`] with each meeting's identity, ordered as `meeting::day_slots` orders
/// them (start, end, title; ties in calendar order).
fn keyed_slots(m: &Model) -> Vec<(MeetingKey, MeetingSlot)> {
    let (date, zone) = (m.today.date, m.zone);
    let mut out: Vec<(MeetingKey, MeetingSlot)> = m
        .today
        .calendars
        .meetings
        .iter()
        .filter_map(|x| x.slot(date, &zone).map(|s| (MeetingKey::of(x), s)))
        .collect();
    out.sort_by(|(_, a), (_, b)| (a.start, a.end, &a.title).cmp(&(b.start, b.end, &b.title)));
    out
}

/// The selected meeting's identity, if the selection is on one.
fn selected_meeting_key(m: &Model) -> Option<MeetingKey> {
    let id = m.today.selected.filter(|id| is_meeting(*id))?;
    let k = usize::try_from(MEETING_ID - id).ok()?;
    keyed_slots(m).into_iter().nth(k).map(|(key, _)| key)
}

/// Expands the shown day's meetings from the calendars as last read.
fn refresh_meetings(m: &mut Model) {
    let date = m.today.date;
    let zone = m.zone;
    // Meetings are selected by position on the timeline: the selected one is found again by
    // its identity, since a reload may add or remove meetings before it (or move it).
    let kept = selected_meeting_key(m);
    let c = &mut m.today.calendars;
    c.meetings = match &c.snapshot {
        // Nothing read yet: the snapshot's meetings, on the days it covers.
        Some(((first, last), ms)) if c.loaded.is_empty() && (*first..=*last).contains(&date) => ms
            .iter()
            .filter(|x| x.on_day(date, &zone))
            .cloned()
            .collect(),
        _ => c
            .loaded
            .iter()
            .flat_map(|l| l.meetings(date, date, &zone))
            .collect(),
    };
    c.date = Some(date);
    if let Some(key) = kept {
        let keys: Vec<MeetingKey> = keyed_slots(m).into_iter().map(|(k, _)| k).collect();
        // A meeting selected that is gone leaves nothing selected.
        m.today.selected = keys
            .iter()
            .position(|k| *k == key)
            .or_else(|| keys.iter().position(|k| k.same_event(&key)))
            .map(|k| MEETING_ID - k as i64);
    } else if m.today.selected.is_some_and(is_meeting) && selected_meeting(m).is_none() {
        m.today.selected = None;
    }
}

/// Asks the shell to look at the configured calendars' files (None: none configured). A
/// source removed from the config is forgotten here.
pub(crate) fn calendar_probe(m: &mut Model) -> Option<Effect> {
    let names: Vec<String> = m.config.calendars.iter().map(|c| c.name.clone()).collect();
    let c = &mut m.today.calendars;
    let before = c.loaded.len() + c.problems.len();
    c.loaded.retain(|l| names.contains(&l.source.name));
    c.problems.retain(|(n, _)| names.contains(n));
    c.seen.retain(|(n, _)| names.contains(n));
    if c.loaded.len() + c.problems.len() != before {
        refresh_meetings(m);
    }
    probe_effect(m)
}

/// The first calendar read, at start (the shell stats the files): the week's meetings from
/// the on-disk snapshot when it matches the sources as they are (so the first frame has them without a parse; the sources
/// are then read at the next minute's probe), else a full read.
pub(crate) fn calendar_probe_of(m: &Model) -> Option<Effect> {
    let sources = m.config.calendar_sources();
    let Some(file) = m.config.calendar_snapshot.clone() else {
        return probe_effect(m);
    };
    if sources.is_empty() {
        return None;
    }
    let (first, last) = week_of(m.today());
    let key = crate::calendar::snapshot::Key::unstamped(&sources, first, last);
    Some(Effect::FirstCalendars(key, file))
}

/// Monday..=Sunday of `date`'s week.
fn week_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(6))
}

/// The zone as the snapshot key names it (floating times expand in it).
pub fn zone_name(zone: &crate::domain::time::Zone) -> String {
    format!("{zone:?}")
}

/// The snapshot's meetings arrived (first frame, before any parse).
pub(crate) fn snapshot_loaded(
    m: &mut Model,
    range: (NaiveDate, NaiveDate),
    meetings: Vec<crate::domain::meeting::Meeting>,
) -> Update {
    m.today.calendars.snapshot = Some((range, meetings));
    refresh_meetings(m);
    Update::redraw()
}

/// After a read with every source good: the week's meetings for the next start's first
/// frame, when the sources (or the week) changed since the last save.
fn snapshot_to_save(m: &mut Model) -> Option<Effect> {
    let c = &m.today.calendars;
    let sources = m.config.calendar_sources();
    let file = m.config.calendar_snapshot.clone()?;
    if !c.problems.is_empty() || c.loaded.len() != sources.len() {
        return None;
    }
    let (first, last) = week_of(m.today());
    let seen: Vec<(crate::calendar::Source, Option<std::time::SystemTime>)> = c
        .loaded
        .iter()
        .map(|l| (l.source.clone(), l.modified))
        .collect();
    let key = crate::calendar::snapshot::Key::of(&seen, &zone_name(&m.zone), first, last);
    if c.saved.as_ref() == Some(&key) {
        return None;
    }
    let zone = m.zone;
    let meetings = c
        .loaded
        .iter()
        .flat_map(|l| l.meetings(first, last, &zone))
        .collect();
    let c = &mut m.today.calendars;
    c.saved = Some(key.clone());
    // Read for real now: the snapshot has served.
    c.snapshot = None;
    Some(Effect::SaveCalendarSnapshot(key, meetings, file))
}

/// [`calendar_probe`] without forgetting removed sources.
fn probe_effect(m: &Model) -> Option<Effect> {
    let sources = m.config.calendar_sources();
    if sources.is_empty() {
        return None;
    }
    let seen = &m.today.calendars.seen;
    Some(Effect::LoadCalendars(
        sources
            .into_iter()
            .map(|s| {
                let at = seen.iter().find(|(n, _)| *n == s.name).and_then(|x| x.1);
                (s, at)
            })
            .collect(),
    ))
}

/// A URL source's background download: a new copy is read from its cache at once; a failure
/// is said in the status line (the last good copy stays).
pub(crate) fn calendar_fetched(m: &mut Model, r: crate::calendar::remote::Fetched) -> Update {
    match r {
        Ok(_) => Update {
            redraw: false,
            effects: calendar_probe(m).into_iter().collect(),
        },
        Err(e) => {
            m.set_status(Level::Warn, e.to_string());
            Update::redraw()
        }
    }
}

/// Calendar sources read again: a good read replaces the last copy; a broken one keeps it
/// and says so in the status line (and in the header, until fixed).
pub(crate) fn calendars_loaded(m: &mut Model, reads: Vec<crate::calendar::Reload>) -> Update {
    use crate::calendar::Reload;
    let mut warn = None;
    for r in reads {
        let c = &mut m.today.calendars;
        let (name, modified) = match &r {
            Reload::Read(l) => (l.source.name.clone(), l.modified),
            Reload::Failed { name, modified, .. } => (name.clone(), *modified),
        };
        c.seen.retain(|(n, _)| *n != name);
        c.seen.push((name.clone(), modified));
        c.problems.retain(|(n, _)| *n != name);
        match r {
            Reload::Read(l) => {
                c.loaded.retain(|o| o.source.name != name);
                c.loaded.push(l);
            }
            Reload::Failed { error, .. } => {
                let kept = if c.loaded.iter().any(|o| o.source.name == name) {
                    crate::t!("today-calendar-kept")
                } else {
                    crate::t!("today-calendar-none")
                };
                warn = Some(crate::t!(
                    "today-calendar-problem",
                    name = &name,
                    error = error.to_string(),
                    kept = kept
                ));
                c.problems.push((name, error.to_string()));
            }
        }
    }
    // Configured order, whatever order the reads came in.
    let order: Vec<String> = m.config.calendars.iter().map(|c| c.name.clone()).collect();
    m.today
        .calendars
        .loaded
        .sort_by_key(|l| order.iter().position(|n| *n == l.source.name));
    refresh_meetings(m);
    if let Some(w) = warn {
        m.set_status(Level::Warn, w);
    }
    let mut u = Update::redraw();
    u.effects.extend(snapshot_to_save(m));
    u
}

/// The sessions logged on `date` arrived: shown if that is still the day, redrawn on change.
pub(crate) fn sessions_loaded(m: &mut Model, date: NaiveDate, sessions: Vec<Session>) -> Update {
    if date != m.today.date || (m.today.sessions_date == Some(date) && m.today.sessions == sessions)
    {
        return Update::default();
    }
    m.today.sessions = sessions;
    m.today.sessions_date = Some(date);
    Update::redraw()
}

/// `v`: the list shows what was done instead of the plan (a wide pane otherwise shows both
/// side by side). Future days have nothing done yet.
fn toggle_actual(m: &mut Model) -> Update {
    if m.today.date > m.today() {
        m.set_status(Level::Info, crate::t!("today-future-nothing-done"));
        return Update::redraw();
    }
    m.today.show_actual = !m.today.show_actual;
    let k = m.keymap.keys_for(Action::PlanActual);
    let text = if m.today.show_actual {
        crate::t!("today-now-showing-done", key = k)
    } else {
        crate::t!("today-now-showing-plan", key = k)
    };
    m.set_status(Level::Info, text);
    Update::redraw()
}

/// One logged session as the Today screen shows it beside the plan, in wall minutes of the
/// shown day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actual {
    pub id: i64,
    pub start: u16,
    /// `start < end <= 1440`; a running session ends now.
    pub end: u16,
    /// Where the overrun began (`end` when none).
    pub overrun_from: u16,
    pub title: String,
    pub domain: String,
    pub kind: SessionKind,
    /// Time really spent (pauses left out), and past the deadline, in minutes.
    pub minutes: u32,
    pub overrun: u32,
    /// For a box of the plan or a meeting; else unplanned.
    pub planned: bool,
    pub running: bool,
}

/// The sessions of the shown day (none on a day to come): as loaded, with today's as this
/// process knows them (the one running, those just ended), breathing left out.
pub fn actuals(m: &Model) -> Vec<Actual> {
    use crate::domain::session::State;
    let date = m.today.date;
    if date > m.today() {
        return Vec::new();
    }
    let loaded = m
        .today
        .sessions
        .iter()
        .filter(|_| m.today.sessions_date == Some(date));
    let here = m
        .timer
        .sessions_today
        .iter()
        .chain(m.timer.session.as_ref())
        .filter(|_| date == m.today());
    // Later copies win: what this process knows is newer than what was read.
    let mut all: Vec<&Session> = Vec::new();
    for s in loaded.chain(here) {
        if s.local_date == date && s.kind != SessionKind::Breathing {
            all.retain(|o| o.id != s.id);
            all.push(s);
        }
    }
    let now = m.now_utc;
    let wall = |t: chrono::DateTime<chrono::Utc>| {
        let local = t.with_timezone(&m.zone).naive_local();
        if local.date() < date {
            0
        } else if local.date() > date {
            plan::DAY_MINUTES
        } else {
            minute_of_day(local)
        }
    };
    let meetings = meeting_slots(m);
    let mut out: Vec<Actual> = all
        .into_iter()
        .map(|s| {
            let (end_at, overrun_s) = match s.state {
                State::Ended { at, overrun_s, .. } => (at, overrun_s),
                State::Running { .. } => (now, s.overrun_s(now)),
                State::Paused { since, .. } => (since, s.overrun_s(now)),
            };
            let start = wall(s.started).min(plan::DAY_MINUTES - 1);
            let end = wall(end_at).max(start + 1);
            let overrun_at = end_at - Duration::seconds(overrun_s.max(0));
            Actual {
                id: s.id,
                start,
                end,
                overrun_from: wall(overrun_at).clamp(start, end),
                title: s.title.clone(),
                domain: s.domain.clone(),
                kind: s.kind,
                minutes: (s.actual_s(now).max(0) / 60) as u32,
                overrun: (overrun_s.max(0) / 60) as u32,
                planned: s.timebox_id.is_some() || meetings.iter().any(|x| x.title == s.title),
                running: s.is_active(),
            }
        })
        .collect();
    out.sort_by_key(|a| (a.start, a.id));
    out
}

/// The day's planned time (focus boxes and meetings, overlaps once, real minutes) and the
/// time done in focus sessions, for `planned 5h30 · done 4h10`.
pub fn planned_done(m: &Model, actual: &[Actual]) -> (u32, u32) {
    let mut spans: Vec<(u16, u16)> = m
        .today
        .boxes
        .iter()
        .filter(|b| b.kind == plan::Kind::Focus)
        .map(|b| (b.start, b.end))
        .chain(meeting::busy(&meeting_slots(m)))
        .collect();
    spans.sort();
    let mut merged: Vec<(u16, u16)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(l) if s <= l.1 => l.1 = l.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let planned = merged
        .iter()
        .map(|(s, e)| {
            crate::domain::time::real_minutes(&m.zone, m.today.date, *s, *e).max(0) as u32
        })
        .sum();
    let done = actual
        .iter()
        .filter(|a| a.kind == SessionKind::Focus)
        .map(|a| a.minutes)
        .sum();
    (planned, done)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::msg::Msg;
    use crate::app::update::update;
    use crate::config::Config;
    use crate::domain::meeting::{Meeting, MeetingTime};
    use crate::domain::plan::Kind;
    use crate::keys::Keymap;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn at(h: u32, min: u32) -> NaiveDateTime {
        day().and_hms_opt(h, min, 0).unwrap()
    }

    fn tbox(id: i64, start: u16, end: u16, title: &str) -> Timebox {
        Timebox {
            id,
            date: day(),
            start,
            end,
            title: title.into(),
            domain: "work".into(),
            kind: Kind::Focus,
            done: false,
        }
    }

    fn model() -> Model {
        let mut m = Model::new(Config::default(), Keymap::default(), at(10, 20));
        m.now_utc = at(10, 20).and_utc();
        m.today.date = day();
        m.today.loaded = true;
        m.today.boxes = vec![
            tbox(1, 540, 630, "Write report"),
            tbox(2, 660, 720, "Code review"),
        ];
        m.today.selected = Some(1);
        m
    }

    fn key(m: &mut Model, c: char) -> Update {
        let k = Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        update(m, k, at(10, 20))
    }

    fn applies(u: &Update) -> bool {
        u.effects.iter().any(|e| matches!(e, Effect::Apply(_)))
    }

    /// `v` shows what was done instead of the plan: the selected box is not on screen, so
    /// the keys that change a box leave it alone and say how to get the plan back.
    #[test]
    fn edit_keys_leave_the_hidden_plan_alone() {
        for c in ['d', 'e', 'J', 'K', '+', '-', 's', 'x'] {
            let mut m = model();
            key(&mut m, 'v');
            assert!(m.today.show_actual);
            let u = key(&mut m, c);
            assert!(!applies(&u), "{c}: {u:?}");
            assert!(matches!(m.mode, Mode::Normal), "{c}: {:?}", m.mode);
            assert_eq!(m.today.selected, Some(1), "{c}");
            let said = m
                .status
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default();
            assert!(said.contains("v shows the plan"), "{c}: {said:?}");
            // Back on the plan, the same key acts.
            key(&mut m, 'v');
            let u = key(&mut m, c);
            let acted = applies(&u) || matches!(m.mode, Mode::Input(_));
            assert!(acted, "{c} on the plan: {u:?} {:?}", m.status);
        }
    }

    /// A refused change reads as the domain's English message, and in French.
    #[test]
    fn plan_errors_are_worded_in_both_languages() {
        use crate::domain::plan::{NoRoom, PlanError};
        use crate::i18n::{Lang, with_lang};
        let room = |first, offline, from, to| {
            PlanError::NoRoom(Box::new(NoRoom {
                len: 45,
                date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                from,
                to,
                first,
                offline,
                retry: "18:30 +45m Write #work".into(),
            }))
        };
        let errors = [
            PlanError::CrossesMidnight("23:00-01:00".into()),
            PlanError::BeforeMidnight,
            PlanError::TooShort,
            PlanError::NoFreeSlot(45),
            PlanError::NoSuchBox(7),
            room(Some(1110), Some((1080, 480)), 480, 1080),
            room(Some(420), None, 480, 1080),
            room(Some(1110), None, 480, 1080),
            room(None, None, 1080, 1080),
        ];
        for e in &errors {
            assert_eq!(with_lang(Lang::En, || plan_error_text(e)), e.to_string());
            let fr = with_lang(Lang::Fr, || plan_error_text(e));
            assert_ne!(fr, e.to_string());
        }
        let fr = with_lang(Lang::Fr, || plan_error_text(&errors[5]));
        assert_eq!(
            fr,
            "pas de 45m libre entre 08:00 et 18:00 le jeu. 3 déc. ; 18:30–19:15 tombe dans vos \
             heures hors ligne 18:00–08:00 — donnez une heure pour le placer quand même : \
             `18:30 +45m Write #work`"
        );
    }

    /// Enter on Today starts the selected box: not while the plan is hidden.
    #[test]
    fn start_leaves_the_hidden_plan_alone() {
        let mut m = model();
        key(&mut m, 'v');
        let k = Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        let u = update(&mut m, k, at(10, 20));
        assert!(
            !u.effects
                .iter()
                .any(|e| matches!(e, Effect::StartSession(_))),
            "{u:?}"
        );
        assert!(m.timer.session.is_none());
    }

    fn meeting(uid: &str, title: &str, (h1, m1): (u32, u32), (h2, m2): (u32, u32)) -> Meeting {
        Meeting {
            uid: uid.into(),
            instance: None,
            title: title.into(),
            calendar: "work".into(),
            domain: "work".into(),
            time: MeetingTime::Timed {
                start: at(h1, m1).and_utc(),
                end: at(h2, m2).and_utc(),
            },
            free: false,
        }
    }

    /// A reload that adds an earlier meeting keeps the same meeting selected (not the same
    /// row), and one that removes it leaves nothing selected.
    #[test]
    fn the_selected_meeting_stays_selected_across_reloads() {
        let mut m = model();
        let lunch = meeting("lunch@x", "Lunch talk", (12, 30), (13, 30));
        let late = meeting("late@x", "Late sync", (15, 0), (15, 30));
        m.today.calendars.snapshot = Some(((day(), day()), vec![lunch.clone(), late.clone()]));
        refresh_meetings(&mut m);
        // Select the lunch talk.
        while selected_meeting(&m).map(|s| s.title) != Some("Lunch talk".into()) {
            select(&mut m, Action::Down);
        }
        let early = meeting("standup@x", "Standup", (10, 30), (10, 45));
        m.today.calendars.snapshot =
            Some(((day(), day()), vec![early, lunch.clone(), late.clone()]));
        refresh_meetings(&mut m);
        assert_eq!(
            selected_meeting(&m).map(|s| s.title),
            Some("Lunch talk".into())
        );
        // Moved to another time, it is still the same meeting.
        let mut moved = lunch.clone();
        moved.time = MeetingTime::Timed {
            start: at(16, 0).and_utc(),
            end: at(16, 30).and_utc(),
        };
        m.today.calendars.snapshot = Some(((day(), day()), vec![moved, late.clone()]));
        refresh_meetings(&mut m);
        assert_eq!(
            selected_meeting(&m).map(|s| (s.title, s.start)),
            Some(("Lunch talk".into(), 960))
        );
        // Gone: nothing selected, and no other meeting.
        m.today.calendars.snapshot = Some(((day(), day()), vec![late]));
        refresh_meetings(&mut m);
        assert_eq!(selected_meeting(&m), None);
        assert_eq!(m.today.selected, None);
    }
}
