//! `update(&mut Model, Msg, now) -> Update`: the TUI's routing, no I/O. It stamps `now` on the
//! model, runs the tick (following the day over midnight, fading the status line) and hands
//! each message and key to the screen whose decisions it is: `today`, `timer`, `breathe`,
//! `week` (and the review), `offline`.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Timelike, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::backend::crossterm::EventHandler;

use crate::app::model::{Level, Mode, Model, Prompt, PromptPurpose, Screen};
use crate::app::msg::{Effect, Msg, Purpose};
use crate::app::{breathe, offline, timer, today, week};
use crate::domain::session::State;
use crate::domain::time::{Now, minute_of_day};
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

    pub(crate) fn with(mut self, e: Effect) -> Update {
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
    v.extend(today::calendar_probe_of(m));
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
        Msg::Woken => {
            m.offline.dnd_desired = None;
            update(m, Msg::Tick, now)
        }
        Msg::Tick => {
            let mut u = tick(m, before);
            let session = m.timer.session.clone();
            let mut clocked = timer::tick(m, now);
            let offline = offline::tick(m, now);
            clocked.redraw |= offline.redraw;
            clocked.effects.extend(offline.effects);
            // The countdown and the offline badge are drawn on Today and the Timer only: a
            // tick elsewhere redraws for them only when the session itself changed.
            if !shows_clock(m.screen) && m.timer.session == session {
                clocked.redraw = false;
            }
            for t in [
                clocked,
                breathe::advance(m, now, false),
                breathe::reminders(m, now),
            ] {
                u.redraw |= t.redraw;
                u.effects.extend(t.effects);
            }
            u
        }
        Msg::StoreChanged => Update {
            redraw: false,
            effects: vec![poll_external(m)],
        },
        Msg::Frame => breathe::advance(m, now, true),
        Msg::Shutdown => breathe::stop_for_exit(m, now),
        Msg::ConfigChanged(config) => {
            m.apply_config(*config);
            m.set_status(Level::Info, crate::t!("app-config-read-again"));
            m.offline.meetings_for = None;
            let mut u = offline::tick(m, now);
            u.effects.extend(today::calendar_probe(m));
            u.redraw = true;
            u
        }
        Msg::ManualLoaded(manual) => {
            m.offline.manual = manual;
            offline::tick(m, now)
        }
        Msg::DndApplied(a) => {
            // Retries report every 30 s: say it once.
            if let crate::notify::enforcer::Applied::Failed(why) = &a
                && m.offline.dnd_applied.as_ref() != Some(&a)
            {
                m.set_status(Level::Warn, crate::t!("app-dnd-not-changed", why = why));
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
                m.set_status(Level::Warn, crate::t!("app-notify-unavailable", error = e));
            }
            Update::redraw()
        }
        Msg::DayLoaded { date, boxes } => today::day_loaded(m, date, boxes),
        Msg::CalendarsLoaded(r) => {
            let mut u = today::calendars_loaded(m, r);
            u.effects.extend(week::calendars_changed(m));
            // Meetings may ask for Do-Not-Disturb (`meeting_dnd`): expanded again.
            m.offline.meetings_for = None;
            let o = offline::tick(m, now);
            u.redraw |= o.redraw;
            u.effects.extend(o.effects);
            u
        }
        Msg::CalendarFetched(r) => today::calendar_fetched(m, r),
        Msg::CalendarSnapshot {
            first,
            last,
            meetings,
        } => today::snapshot_loaded(m, (first, last), meetings),
        Msg::DaySessionsLoaded { date, sessions } => today::sessions_loaded(m, date, sessions),
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
        } => today::copy_unfinished(m, date, &boxes),
        Msg::Saved { created } => today::saved(m, created),
        Msg::Problem(e) => {
            m.set_status(Level::Error, e);
            Update::redraw()
        }
        Msg::StoreFailed(e) => today::store_failed(m, e),
    }
}

/// The screen-wide part of the 1 Hz tick; `before` is the wall time of the previous message.
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
    // Only the clock's minute and the now marker move while idle, on the screens showing them.
    if m.now.date() != before.date()
        || (shows_clock(m.screen) && minute_of_day(m.now) != minute_of_day(before))
    {
        u.redraw = true;
    }
    u.effects.push(poll_external(m));
    // Calendar files are looked at once a minute (a stat each; read only when changed).
    if m.now.date() != before.date() || minute_of_day(m.now) != minute_of_day(before) {
        u.effects.extend(today::calendar_probe(m));
    }
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

/// Looks for another process's writes to what is shown: the day, and the Week screen's week.
fn poll_external(m: &Model) -> Effect {
    let week = m
        .week
        .as_ref()
        .filter(|_| m.screen == Screen::Week)
        .map(|v| (v.week, std::sync::Arc::clone(&m.week_params)));
    Effect::PollExternal(m.today.date, week)
}

/// Screens that show the wall clock's minute (header clock, now marker, next box), the
/// status line, the offline badge and a running session's countdown.
fn shows_clock(screen: Screen) -> bool {
    matches!(screen, Screen::Today | Screen::Timer)
}

/// How often a running session's heartbeat is written (the shell keeps to it): what a
/// `kill -9` of the process running a session in overrun can lose.
pub const HEARTBEAT_S: i64 = 30;

/// When the loop must tick next: the next second while a digit on screen changes every
/// second (a running countdown on Today or the Timer, a breathing exercise), otherwise the
/// next minute of the wall clock (the header clock; breathing reminders and the day are
/// minute-grained) or the next instant something is due ([`next_event`]), whichever comes
/// first. The shell sleeps until then with a timer on the wall clock, so a suspend or a clock
/// change still wakes it on time.
pub fn next_tick(m: &Model, now: Now) -> DateTime<Utc> {
    let second = now.utc.with_nanosecond(0).unwrap_or(now.utc) + TimeDelta::seconds(1);
    let countdown = shows_clock(m.screen)
        && m.timer
            .session
            .as_ref()
            .is_some_and(|s| matches!(s.state, State::Running { .. }));
    let breathing = m.breathe.breath.as_ref().is_some_and(|b| {
        matches!(
            b.stage,
            crate::app::model::BreathStage::Running {
                paused_at: None,
                ..
            }
        )
    });
    if countdown || breathing {
        return second;
    }
    let minute = second.with_second(0).unwrap_or(second) + TimeDelta::minutes(1);
    let minute = if second.second() == 0 { second } else { minute };
    next_event(m, now).map_or(minute, |e| e.min(minute))
}

/// The next instant something is due whatever the screen, if any: a running session's
/// reminder, its end and its heartbeat, a status message fading, the offline state's next
/// change. The daemon sleeps until then (or its own heartbeat).
pub fn next_event(m: &Model, now: Now) -> Option<DateTime<Utc>> {
    let mut due: Vec<DateTime<Utc>> = Vec::new();
    if let Some(State::Running { deadline }) = m.timer.session.as_ref().map(|s| s.state) {
        due.push(deadline);
        let remind = i64::from(m.config.timer.remind_before_end_minutes) * 60;
        if remind > 0 {
            due.push(deadline - TimeDelta::seconds(remind));
        }
        due.push(now.utc + TimeDelta::seconds(HEARTBEAT_S));
    }
    if let Some(s) = &m.status {
        let keep = if s.level == Level::Error { 20 } else { 8 };
        due.push(now.utc + (s.since + TimeDelta::seconds(keep) - now.local));
    }
    // Overrunning, a focus box asks for Do-Not-Disturb "until the next second", for ever: that
    // is no change to wake for. Any other change is, however close (a schedule edge at 19:00
    // seen from 18:59:59.4).
    let overrunning = m
        .timer
        .session
        .as_ref()
        .is_some_and(|s| matches!(s.state, State::Running { deadline } if deadline <= now.utc));
    if let Some(until) = m.offline.dnd_desired.as_ref().and_then(|d| d.until)
        && !(overrunning && until <= now.utc + TimeDelta::seconds(1))
    {
        due.push(until);
    }
    // A snoozed breathing reminder comes back when the snooze ends.
    if let Some(t) = m.breathe.snoozed_until {
        due.push(now.utc + (t - now.local));
    }
    due.into_iter().filter(|t| *t > now.utc).min()
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
        // What was done shown instead of the plan: Enter would start a box not on screen.
        (Screen::Today, Action::Start) if m.timer.session.is_none() && today::plan_hidden(m) => {
            today::refuse_hidden_plan(m)
        }
        // A meeting selected on Today: its time is logged as a session (read-only otherwise).
        (Screen::Today, Action::Start)
            if m.timer.session.is_none() && today::selected_meeting(m).is_some() =>
        {
            today::start_meeting(m, now).unwrap_or_default()
        }
        (Screen::Timer, a) | (_, a @ Action::Start) => timer::action(m, a, now),
        (_, a) => today::action(m, a),
    }
}

/// A key while a prompt is open: Esc closes it, Enter submits it, others edit its text.
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

/// Hands the prompt's text to the screen that asked for it; an error keeps the prompt open.
fn submit(m: &mut Model, prompt: Prompt, now: Now) -> Update {
    let text = prompt.input.value().trim().to_string();
    let result = match prompt.purpose {
        PromptPurpose::Add => today::submit_add(m, &text),
        PromptPurpose::Edit(id) => today::submit_edit(m, id, &text),
        PromptPurpose::Shift(id) => today::submit_shift(m, id, &text),
        PromptPurpose::Template => today::submit_template(m, &text),
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
