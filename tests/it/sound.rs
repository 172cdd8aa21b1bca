//! `[sound]`: the core asks for a chime (`Effect::Chime`) at a box's end and at breathing
//! phase changes, only when sound is on; the config section is checked. (The player itself is
//! tested in `shell::effects::sound`.)

use std::path::{Path, PathBuf};

use chrono::Duration;
use serein::app::model::{Breath, BreathStage, Model, Screen};
use serein::app::msg::{Effect, Msg};
use serein::app::update::update;
use serein::config::{Config, SoundConfig};
use serein::domain::breath::{Exercise, preset};
use serein::domain::session::{Session, SessionKind};

use crate::{at, day, model_at};

fn chimes(effects: &[Effect]) -> Vec<&Effect> {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Chime { .. }))
        .collect()
}

fn sound(enabled: bool, box_end: bool, breathing: bool) -> SoundConfig {
    SoundConfig {
        enabled,
        box_end,
        breathing,
        file: Some(PathBuf::from("~/bell.wav")),
    }
}

/// A model whose 25-minute focus session (id 7) started at 09:00.
fn timing(sound: SoundConfig) -> Model {
    let mut m = model_at(at(9, 0));
    m.config.sound = sound;
    let mut s = Session::start(
        "Write",
        "work",
        SessionKind::Focus,
        None,
        25 * 60,
        at(9, 0).and_utc(),
        day(),
        0,
    );
    s.id = 7;
    m.timer.session = Some(s);
    m
}

#[test]
fn a_box_end_asks_for_one_claimed_chime_when_sound_is_on() {
    let end = at(9, 25) + Duration::seconds(1);
    let mut m = timing(sound(true, true, false));
    assert!(chimes(&update(&mut m, Msg::Tick, at(9, 10)).effects).is_empty());
    let u = update(&mut m, Msg::Tick, end);
    assert_eq!(
        chimes(&u.effects),
        vec![&Effect::Chime {
            claim: Some((7, "chime:end@0".into())),
            file: Some(PathBuf::from("~/bell.wav")),
        }]
    );
    // Once: the next seconds of overrun ask for nothing more.
    let u = update(&mut m, Msg::Tick, end + Duration::seconds(1));
    assert!(chimes(&u.effects).is_empty());

    for off in [
        SoundConfig::default(),
        sound(false, true, true),
        sound(true, false, true),
    ] {
        let mut m = timing(off.clone());
        let u = update(&mut m, Msg::Tick, end);
        assert!(chimes(&u.effects).is_empty(), "{off:?}: {:?}", u.effects);
    }
}

fn breathing(sound: SoundConfig) -> Model {
    let mut m = model_at(at(10, 0));
    m.config.sound = sound;
    m.screen = Screen::Breathe;
    m.breathe.breath = Some(Breath {
        exercise: Exercise::default_for(preset("coherence").unwrap()),
        stage: BreathStage::Running {
            started: at(10, 0).and_utc(),
            paused_at: None,
            paused_ms: 0,
        },
        session: None,
        last_phase: None,
        reduce_motion: false,
        standalone: false,
    });
    m
}

/// Chimes asked for over the first 12 s of coherence breathing (in 5, out 5), frame by frame.
fn breathing_chimes(sound: SoundConfig) -> usize {
    let mut m = breathing(sound);
    (0..12 * 30)
        .map(|i| {
            let now = at(10, 0) + Duration::milliseconds(i * 1000 / 30);
            chimes(&update(&mut m, Msg::Frame, now).effects).len()
        })
        .sum()
}

#[test]
fn breathing_phase_changes_chime_when_asked() {
    // 5 s: in → out; 10 s: out → in.
    assert_eq!(breathing_chimes(sound(true, false, true)), 2);
    assert_eq!(breathing_chimes(sound(true, true, false)), 0);
    assert_eq!(breathing_chimes(sound(false, true, true)), 0);
}

fn parse(text: &str) -> Result<(Config, Vec<String>), String> {
    Config::parse(text, Path::new("c.toml")).map_err(|e| e.to_string())
}

#[test]
fn sound_section_defaults_and_checks() {
    let d = Config::default().sound;
    assert_eq!(
        (d.enabled, d.box_end, d.breathing, d.file),
        (false, true, false, None)
    );
    let (c, warnings) = parse("[sound]\nenabled = true\nbreathing = true\n").unwrap();
    assert!(c.sound.enabled && c.sound.breathing && warnings.is_empty());

    let e = parse("[sound]\nfile = \"bell.wav\"\n").unwrap_err();
    assert!(
        e.starts_with("c.toml:2:") && e.contains("absolute path"),
        "{e}"
    );

    let (_, warnings) = parse("[sound]\nfile = \"/no/such/bell.wav\"\n").unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("c.toml:2:") && warnings[0].contains("no such file"),
        "{warnings:?}"
    );
}
