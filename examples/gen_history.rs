//! Generates years of plausible plans and session logs into a serein database, for benchmarks
//! and demos.
//!
//! `cargo run --release --example gen_history -- DATA_DIR [YEARS] [END_DATE]`
//! (defaults: 5 years ending 2026-11-23, up to 20 boxes a weekday and 8 a weekend day:
//! ~30,000 boxes for 5 years, and ~60,000 sessions). Deterministic: the same arguments (and
//! time zone) give the same data.
//!
//! Sessions are the runs of those plans, in local time (`chrono::Local`: run it with
//! `TZ=Europe/Paris` for the benchmarks): most focus boxes run, some late, some over their
//! length, a few skipped or stopped, some paused or interrupted, long boxes often in two runs
//! with a short break between; planned and unplanned breaks; 1–3 coherence breathing sessions a
//! day; unplanned work in the morning, some evenings after 19:00 and some weekends; a few
//! sessions past midnight. Sessions stop before `SEREIN_NOW` if it is set (nothing is left
//! running), else at the start of END_DATE.

use chrono::{DateTime, Datelike, Duration, Local, NaiveDate, NaiveDateTime, Offset, Utc, Weekday};
use serein::domain::breath::{self, Exercise};
use serein::domain::plan::{Kind, NewTimebox};
use serein::domain::session::{EndReason, Session, SessionKind, State};
use serein::domain::time::{resolve, wall};
use serein::store::Store;

/// A tiny deterministic generator (xorshift): no dependency just for a benchmark.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    /// True with probability `pct` percent.
    fn pct(&mut self, pct: u64) -> bool {
        self.next(100) < pct
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.next((hi - lo + 1) as u64) as i64
    }
}

const WORK: [&str; 8] = [
    "Write report",
    "Code review",
    "Inbox triage",
    "Design doc",
    "Standup",
    "1:1",
    "Deep work",
    "Planning",
];
const LIFE: [(&str, &str); 6] = [
    ("Run", "health"),
    ("Groceries", "personal"),
    ("Call mum", "family"),
    ("Dinner with friends", "social"),
    ("Read", "personal"),
    ("Yoga", "health"),
];
/// Unplanned work started with `serein start`: early mornings, evenings, weekends.
const UNPLANNED: [&str; 5] = [
    "Inbox triage",
    "Slack catch-up",
    "Fix the build",
    "Review PR",
    "Deep work",
];
const NOTES: [&str; 4] = [
    "good flow",
    "distracted by chat",
    "needs another pass",
    "done early",
];

/// Something the day was meant to hold, before it happens: a planned box or an unplanned run.
struct Intent<'a> {
    /// Local wall minute of the day it was meant to start (may pass 1440 just before midnight).
    start_min: u16,
    minutes: i64,
    title: &'a str,
    domain: &'a str,
    kind: SessionKind,
    timebox_id: Option<i64>,
}

/// What was written, for the summary line.
#[derive(Default)]
struct Counts {
    focus: usize,
    breaks: usize,
    breathing: usize,
    planned_runs: usize,
    overrun: usize,
    skipped: usize,
    stopped: usize,
    recovered: usize,
    paused: usize,
    interrupted: usize,
    evening: usize,
    weekend_work: usize,
    past_midnight: usize,
    focus_minutes: i64,
}

/// Local date and UTC offset of an instant, as the app stamps them at a session's start.
fn local_stamp(t: DateTime<Utc>) -> (NaiveDate, i32) {
    let l = t.with_timezone(&Local);
    (l.date_naive(), l.offset().fix().local_minus_utc())
}

/// Writes the session log of `boxes` (ids `ids`) on days `first..end`.
fn sessions(
    store: &mut Store,
    boxes: &[NewTimebox],
    ids: &[i64],
    first: NaiveDate,
    end: NaiveDate,
    cutoff: DateTime<Utc>,
) -> anyhow::Result<Counts> {
    let mut rng = Rng(0xB0_5E55_1045);
    let mut c = Counts::default();
    let coherence = breath::preset("coherence").expect("built-in pattern");
    let coherence_s = Exercise::default_for(coherence.clone())
        .total_secs()
        .round() as i64;
    let box_breath = breath::preset("box").expect("built-in pattern");
    let mut next_box = 0;
    // No session starts before the previous one ended.
    let mut busy_until = DateTime::<Utc>::MIN_UTC;
    let mut done = Vec::new();
    let mut date = first;
    while date < end {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let mut day: Vec<Intent> = Vec::new();
        while next_box < boxes.len() && boxes[next_box].date == date {
            let b = &boxes[next_box];
            day.push(Intent {
                start_min: b.start,
                minutes: i64::from(b.end - b.start),
                title: &b.title,
                domain: &b.domain,
                kind: SessionKind::from(b.kind),
                timebox_id: Some(ids[next_box]),
            });
            next_box += 1;
        }
        let unplanned = |start_min: i64, minutes: i64, rng: &mut Rng| Intent {
            start_min: start_min as u16,
            minutes,
            title: UNPLANNED[rng.next(UNPLANNED.len() as u64) as usize],
            domain: "work",
            kind: SessionKind::Focus,
            timebox_id: None,
        };
        if !weekend {
            // Before the first box: a quick look at the inbox, most mornings.
            if rng.pct(70) {
                day.push(unplanned(rng.range(6 * 60 + 40, 7 * 60), 20, &mut rng));
            }
            // Some evenings after 19:00.
            if rng.pct(22) {
                let n = rng.range(1, 2);
                let mut t = rng.range(19 * 60 + 30, 21 * 60);
                for _ in 0..n {
                    let len = [25, 30, 45, 60][rng.next(4) as usize];
                    day.push(unplanned(t, len, &mut rng));
                    t += len + 10;
                }
            }
        } else if rng.pct(25) {
            // Some weekends: an hour or three of work in the afternoon.
            let mut t = rng.range(14 * 60, 16 * 60);
            for _ in 0..rng.range(1, 3) {
                let len = [30, 45, 60][rng.next(3) as usize];
                day.push(unplanned(t, len, &mut rng));
                t += len + 15;
            }
        }
        // A few nights (never Sunday, so no week is cut): reading or work past midnight.
        if date.weekday() != Weekday::Sun && rng.pct(3) {
            let (title, domain) = if rng.pct(50) {
                ("Deep work", "work")
            } else {
                ("Read", "personal")
            };
            day.push(Intent {
                start_min: rng.range(23 * 60 + 10, 23 * 60 + 40) as u16,
                minutes: rng.range(40, 90),
                title,
                domain,
                kind: SessionKind::Focus,
                timebox_id: None,
            });
        }
        // Breathing: 1–3 coherence sessions, morning, after lunch, late afternoon.
        let breaths = rng.range(1, 3);
        for slot in [8 * 60 + 50, 13 * 60 + 20, 17 * 60 + 40]
            .into_iter()
            .take(breaths as usize)
        {
            day.push(Intent {
                start_min: (slot + rng.range(-20, 20)) as u16,
                minutes: 0,
                title: "",
                domain: "health",
                kind: SessionKind::Breathing,
                timebox_id: None,
            });
        }
        day.sort_by_key(|i| i.start_min);

        for it in &day {
            let planned_at = resolve(&Local, wall(date, it.start_min));
            // Late by a few minutes (or a little early), to the second.
            let mut start = planned_at + Duration::seconds(rng.range(-120, 480));
            if start < busy_until {
                start = busy_until + Duration::seconds(rng.range(20, 300));
            }
            if it.kind == SessionKind::Breathing {
                // Breathing: 5 minutes of coherence, now and then box breathing instead.
                let (pattern, secs) = if rng.pct(8) {
                    (&box_breath, 240)
                } else {
                    (&coherence, coherence_s)
                };
                let stopped = rng.pct(6);
                let actual = if stopped { secs / 2 } else { secs };
                let at = start + Duration::seconds(actual);
                if at > cutoff {
                    continue;
                }
                let (local_date, off) = local_stamp(start);
                let mut s = Session::start(
                    &pattern.name,
                    "health",
                    SessionKind::Breathing,
                    None,
                    secs,
                    start,
                    local_date,
                    off,
                );
                s.state = State::Ended {
                    at,
                    reason: if stopped {
                        EndReason::Stopped
                    } else {
                        EndReason::Finished
                    },
                    overrun_s: 0,
                };
                s.heartbeat = at;
                store.start_session(&s)?;
                busy_until = at;
                c.breathing += 1;
                continue;
            }
            // Focus and breaks: 8% of focus boxes (15% of breaks) never run.
            if it.timebox_id.is_some()
                && rng.pct(if it.kind == SessionKind::Break { 15 } else { 8 })
            {
                continue;
            }
            // Long focus boxes often run in two goes, with a short break between.
            let split = match it.minutes {
                45.. => 65,
                30.. => 25,
                _ => 0,
            };
            let runs: Vec<i64> = if it.kind == SessionKind::Focus && rng.pct(split) {
                let first = it.minutes / 2 + rng.range(-5, 5);
                vec![first, it.minutes - first]
            } else {
                vec![it.minutes]
            };
            for (n, &planned_min) in runs.iter().enumerate() {
                if n > 0 {
                    let len = rng.range(3, 8);
                    let bstart = busy_until + Duration::seconds(rng.range(10, 90));
                    let run = Run {
                        title: "Break",
                        domain: it.domain,
                        kind: SessionKind::Break,
                        timebox_id: None,
                        planned_min: len,
                        actual_min: len,
                        extended_min: 0,
                        pause_min: 0,
                        reason: EndReason::Finished,
                        note: None,
                    };
                    if write(
                        store,
                        &mut c,
                        &mut rng,
                        bstart,
                        cutoff,
                        &run,
                        &mut busy_until,
                    )?
                    .is_none()
                    {
                        break;
                    }
                    start = busy_until + Duration::seconds(rng.range(10, 90));
                }
                // How it went: actual minutes and why it ended.
                let r = rng.next(1000);
                let (actual, reason, extended) = if it.kind == SessionKind::Break {
                    match r {
                        0..=699 => (planned_min, EndReason::Finished, 0),
                        700..=899 => (planned_min + rng.range(1, 6), EndReason::Finished, 0),
                        _ => ((planned_min / 2).max(1), EndReason::Skipped, 0),
                    }
                } else {
                    match r {
                        // At the deadline, or a bit before.
                        0..=499 => (planned_min, EndReason::Finished, 0),
                        500..=619 => (
                            (planned_min - rng.range(1, 5)).max(1),
                            EndReason::Finished,
                            0,
                        ),
                        // Overrun: past the deadline before stopping.
                        620..=809 => (planned_min + rng.range(1, 15), EndReason::Finished, 0),
                        // Extended by 5/10/15 min, and sometimes over that too.
                        810..=889 => {
                            let e = [5, 10, 15][rng.next(3) as usize];
                            (planned_min + e + rng.range(0, 4), EndReason::Finished, e)
                        }
                        890..=939 => (
                            (planned_min * rng.range(20, 70) / 100).max(1),
                            EndReason::Skipped,
                            0,
                        ),
                        940..=996 => (
                            (planned_min * rng.range(10, 80) / 100).max(1),
                            EndReason::Stopped,
                            0,
                        ),
                        // Crash or reboot: closed at its deadline at the next start.
                        _ => (planned_min, EndReason::Recovered, 0),
                    }
                };
                let pause_min = if it.kind == SessionKind::Focus && rng.pct(14) {
                    rng.range(1, 12)
                } else {
                    0
                };
                let note = (it.kind == SessionKind::Focus && rng.pct(4))
                    .then(|| NOTES[rng.next(NOTES.len() as u64) as usize]);
                let id = it.timebox_id;
                let run = Run {
                    title: it.title,
                    domain: it.domain,
                    kind: it.kind,
                    timebox_id: id,
                    planned_min,
                    actual_min: actual,
                    extended_min: extended,
                    pause_min,
                    reason,
                    note,
                };
                let Some(sid) = write(
                    store,
                    &mut c,
                    &mut rng,
                    start,
                    cutoff,
                    &run,
                    &mut busy_until,
                )?
                else {
                    break;
                };
                c.planned_runs += usize::from(id.is_some() && it.kind == SessionKind::Focus);
                c.overrun += usize::from(actual > planned_min + extended);
                c.skipped += usize::from(reason == EndReason::Skipped);
                c.stopped += usize::from(reason == EndReason::Stopped);
                c.recovered += usize::from(reason == EndReason::Recovered);
                c.paused += usize::from(pause_min > 0);
                if it.kind == SessionKind::Focus {
                    c.focus_minutes += actual;
                    let local = start.with_timezone(&Local);
                    if it.domain == "work"
                        && local.time() >= chrono::NaiveTime::from_hms_opt(19, 0, 0).unwrap()
                    {
                        c.evening += 1;
                    }
                    if it.domain == "work" && weekend {
                        c.weekend_work += 1;
                    }
                    if busy_until.with_timezone(&Local).date_naive() > local.date_naive() {
                        c.past_midnight += 1;
                    }
                }
                // Interruptions: a knock on the door, a call.
                if it.kind == SessionKind::Focus && rng.pct(9) {
                    for _ in 0..rng.range(1, 2) {
                        let at = start + Duration::seconds(rng.range(60, (actual * 60).max(61)));
                        let why = ["call", "colleague", "doorbell"][rng.next(3) as usize];
                        store.add_interruption(sid, at, rng.pct(60).then_some(why))?;
                    }
                    c.interrupted += 1;
                }
                if let (Some(b), EndReason::Finished) = (id, reason)
                    && n + 1 == runs.len()
                {
                    done.push(b);
                }
                // A short unplanned break after about half the focus runs.
                if it.kind == SessionKind::Focus && n + 1 == runs.len() && rng.pct(50) {
                    let len = rng.range(3, 6);
                    let run = Run {
                        title: "Break",
                        domain: it.domain,
                        kind: SessionKind::Break,
                        timebox_id: None,
                        planned_min: 5,
                        actual_min: len,
                        extended_min: 0,
                        pause_min: 0,
                        reason: EndReason::Finished,
                        note: None,
                    };
                    let bstart = busy_until + Duration::seconds(rng.range(5, 60));
                    write(
                        store,
                        &mut c,
                        &mut rng,
                        bstart,
                        cutoff,
                        &run,
                        &mut busy_until,
                    )?;
                }
            }
        }
        date += Duration::days(1);
    }
    for id in done {
        store.set_done(id, true)?;
    }
    Ok(c)
}

/// How one focus or break run went.
struct Run<'a> {
    title: &'a str,
    domain: &'a str,
    kind: SessionKind,
    timebox_id: Option<i64>,
    planned_min: i64,
    /// Time running, pauses excluded.
    actual_min: i64,
    extended_min: i64,
    pause_min: i64,
    reason: EndReason,
    note: Option<&'a str>,
}

/// Stores one ended run from `start` and returns its id; `None` (nothing stored) past the cutoff.
fn write(
    store: &mut Store,
    c: &mut Counts,
    rng: &mut Rng,
    start: DateTime<Utc>,
    cutoff: DateTime<Utc>,
    r: &Run<'_>,
    busy_until: &mut DateTime<Utc>,
) -> anyhow::Result<Option<i64>> {
    // Whole minutes of activity, so summaries in minutes add up exactly across tools.
    let at = start + Duration::minutes(r.actual_min + r.pause_min);
    if at > cutoff {
        return Ok(None);
    }
    let (local_date, off) = local_stamp(start);
    let mut s = Session::start(
        r.title,
        r.domain,
        r.kind,
        r.timebox_id,
        r.planned_min * 60,
        start,
        local_date,
        off,
    );
    let (pause_min, extended) = (r.pause_min, r.extended_min * 60);
    s.extended_s = extended;
    s.paused_s = pause_min * 60;
    s.pauses = if pause_min == 0 {
        0
    } else if pause_min > 6 && rng.pct(40) {
        2
    } else {
        1
    };
    s.note = r.note.map(str::to_string);
    s.state = State::Ended {
        at,
        reason: r.reason,
        overrun_s: (r.actual_min * 60 - r.planned_min * 60 - extended).max(0),
    };
    s.heartbeat = at;
    let id = store.start_session(&s)?;
    *busy_until = at;
    match r.kind {
        SessionKind::Focus => c.focus += 1,
        SessionKind::Break => c.breaks += 1,
        SessionKind::Breathing => c.breathing += 1,
    }
    Ok(Some(id))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .ok_or_else(|| anyhow::anyhow!("usage: gen_history DATA_DIR [YEARS] [END_DATE]"))?;
    let years: i64 = args.get(2).map_or(Ok(5), |s| s.parse())?;
    let end: NaiveDate = args
        .get(3)
        .map_or(Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()), |s| {
            s.parse()
        })?;
    let t0 = std::time::Instant::now();
    let mut store = Store::open(&std::path::Path::new(dir).join("serein.db"))?;
    let mut rng = Rng(0x5EED_u64);
    let mut boxes = Vec::new();
    let first = end - Duration::days(365 * years);
    let mut date = first;
    while date <= end {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let mut t: u16 = if weekend { 9 * 60 } else { 7 * 60 + 30 };
        let count = if weekend { 8 } else { 20 };
        for i in 0..count {
            let len = [15u16, 20, 30, 45, 60][rng.next(5) as usize];
            if t + len > 23 * 60 {
                break;
            }
            let (title, domain, kind) = if !weekend && i % 4 == 3 {
                ("Break", "work", Kind::Break)
            } else if weekend || i >= 16 {
                let (t, d) = LIFE[rng.next(LIFE.len() as u64) as usize];
                (t, d, Kind::Focus)
            } else {
                (
                    WORK[rng.next(WORK.len() as u64) as usize],
                    "work",
                    Kind::Focus,
                )
            };
            let len = if kind == Kind::Break { 15 } else { len };
            boxes.push(NewTimebox {
                date,
                start: t,
                end: t + len,
                title: title.into(),
                domain: domain.into(),
                kind,
            });
            t += len + [0u16, 0, 5, 15][rng.next(4) as usize];
        }
        date += Duration::days(1);
    }
    let ids = store.insert_many(&boxes)?;
    let t_boxes = t0.elapsed();
    // Sessions up to SEREIN_NOW (as the benchmarks set it), else up to the start of END_DATE.
    let cutoff = std::env::var("SEREIN_NOW")
        .ok()
        .and_then(|s| {
            NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M")
                .or_else(|_| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S"))
                .ok()
        })
        .unwrap_or_else(|| wall(end, 0));
    let cutoff = resolve(&Local, cutoff);
    let last = cutoff.with_timezone(&Local).date_naive() + Duration::days(1);
    let c = sessions(
        &mut store,
        &boxes,
        &ids,
        first,
        last.min(end + Duration::days(1)),
        cutoff,
    )?;
    println!(
        "generated {} boxes from {first} to {end} in {dir} ({:.1} s)",
        ids.len(),
        t_boxes.as_secs_f64()
    );
    println!(
        "generated {} sessions until {} ({:.1} s, one start_session each): {} focus ({} runs \
         of planned boxes, {} h in all), {} breaks, {} breathing; {} over their length, {} \
         skipped, {} stopped, {} recovered, {} paused, {} interrupted; {} work sessions after \
         19:00, {} on weekends, {} past midnight",
        c.focus + c.breaks + c.breathing,
        cutoff.with_timezone(&Local).format("%Y-%m-%d %H:%M %:z"),
        (t0.elapsed() - t_boxes).as_secs_f64(),
        c.focus,
        c.planned_runs,
        c.focus_minutes / 60,
        c.breaks,
        c.breathing,
        c.overrun,
        c.skipped,
        c.stopped,
        c.recovered,
        c.paused,
        c.interrupted,
        c.evening,
        c.weekend_work,
        c.past_midnight,
    );
    Ok(())
}
