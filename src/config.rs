//! Configuration: embedded defaults, an optional TOML file, validation with file:line:column
//! errors, and warnings for unknown keys (typos must not pass silently).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};

use crate::app::keymap::{Action, Keymap};
use crate::domain::parse;
use crate::domain::plan::hhmm;

/// The example config, embedded: `serein config init` writes it and a test checks that it
/// parses into [`Config::default`].
pub const EXAMPLE: &str = include_str!("../config.example.toml");

/// Everything the user can configure. Every field has a default, so an empty file is valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// First hour shown on the Today timeline ("08:00").
    pub day_start: ClockTime,
    /// Last hour shown on the Today timeline ("18:00").
    pub day_end: ClockTime,
    /// Planned work above this many hours a day is flagged.
    pub work_hours_per_day: f64,
    /// Step for moving and resizing boxes with J/K and +/-.
    pub step_minutes: u16,
    /// Domain of a box typed without a `#tag`.
    pub default_domain: String,
    /// Life domains, in display order. Defining any replaces the whole default set.
    #[serde(rename = "domain")]
    pub domains: Vec<DomainConfig>,
    /// Day templates (`serein plan apply-template NAME`, `T` in the TUI).
    #[serde(rename = "template")]
    pub templates: Vec<Template>,
    /// Key overrides: action name → keys, replacing that action's default keys.
    pub keys: BTreeMap<String, Vec<String>>,
    /// The focus timer.
    pub timer: TimerConfig,
    /// Commands run at timer events.
    pub hooks: HooksConfig,
    /// Guided breathing.
    pub breathing: BreathingConfig,
    /// Offline hours: Do-Not-Disturb on a schedule and during focus boxes.
    pub offline: OfflineConfig,
    /// When the weekly summary raises a flag.
    pub balance: BalanceConfig,
}

/// `[balance]`: thresholds of the weekly summary's flags. Defaults from wellbeing.md: the
/// WHO/ILO and EU Working Time Directive figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BalanceConfig {
    /// Work hours a week above which the summary says so (info).
    pub work_info_hours: f64,
    /// Above this: the EU average limit (notice).
    pub work_notice_hours: f64,
    /// At or above this: the WHO/ILO long-hours figure (strong).
    pub work_strong_hours: f64,
    /// Less rest than this between one day's work and the next is flagged.
    pub daily_rest_hours: f64,
    /// A week whose longest time off work is shorter than this is flagged.
    pub weekly_rest_hours: f64,
    /// A block of focus longer than this without a break is flagged.
    pub long_block_minutes: u32,
    /// Weekend work in at least this many of the last 4 weeks is flagged; 0 never.
    pub weekend_weeks: u32,
}

impl Default for BalanceConfig {
    fn default() -> Self {
        BalanceConfig {
            work_info_hours: 40.0,
            work_notice_hours: 48.0,
            work_strong_hours: 55.0,
            daily_rest_hours: 11.0,
            weekly_rest_hours: 35.0,
            long_block_minutes: 90,
            weekend_weeks: 3,
        }
    }
}

impl BalanceConfig {
    /// The summary's thresholds, in minutes.
    pub fn thresholds(&self) -> crate::domain::summary::Thresholds {
        let m = |h: f64| (h * 60.0).round() as i64;
        crate::domain::summary::Thresholds {
            work_info_minutes: m(self.work_info_hours),
            work_notice_minutes: m(self.work_notice_hours),
            work_strong_minutes: m(self.work_strong_hours),
            daily_rest_minutes: m(self.daily_rest_hours),
            weekly_rest_minutes: m(self.weekly_rest_hours),
            long_block_minutes: i64::from(self.long_block_minutes),
            weekend_weeks: self.weekend_weeks,
        }
    }
}

// Here rather than in `domain`: the domain doesn't know the config.
impl crate::domain::summary::WeekParams {
    /// What a week summary needs from `cfg`.
    pub fn from_config(cfg: &Config) -> Self {
        crate::domain::summary::WeekParams {
            work_domains: cfg.work_domains().into_iter().map(String::from).collect(),
            coherence_titles: cfg.breathing.coherence_names(),
            schedule: cfg.offline.schedule(),
            breathing_goal_per_day: cfg.breathing.daily_goal,
            thresholds: cfg.balance.thresholds(),
        }
    }
}

/// `[offline]`. Nothing is scheduled by default: serein touches the desktop's notification
/// setting only when asked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfflineConfig {
    /// Monday to Friday: "none", "all", or windows like "19:00-08:00" (may span midnight),
    /// several separated by commas.
    pub weekdays: String,
    pub saturday: String,
    pub sunday: String,
    /// Overrides of `weekdays` for one day.
    pub monday: Option<String>,
    pub tuesday: Option<String>,
    pub wednesday: Option<String>,
    pub thursday: Option<String>,
    pub friday: Option<String>,
    /// Do-Not-Disturb while a focus box runs.
    pub focus_dnd: bool,
    /// Domains whose focus boxes don't turn Do-Not-Disturb on (e.g. "family").
    pub focus_dnd_except: Vec<String>,
    /// After an offline period, dismiss what piled up (dunst: close-all). Off by default.
    pub clear_on_end: bool,
    /// macOS: the names of two Shortcuts you made with "Set Focus" (on — best "until" a time
    /// — and off). Both empty: no Do-Not-Disturb on macOS.
    pub macos_on: String,
    pub macos_off: String,
}

impl Default for OfflineConfig {
    fn default() -> Self {
        OfflineConfig {
            weekdays: "none".into(),
            saturday: "none".into(),
            sunday: "none".into(),
            monday: None,
            tuesday: None,
            wednesday: None,
            thursday: None,
            friday: None,
            focus_dnd: false,
            focus_dnd_except: Vec::new(),
            clear_on_end: false,
            macos_on: String::new(),
            macos_off: String::new(),
        }
    }
}

impl OfflineConfig {
    /// The macOS Shortcuts to use, when this is macOS and both are named.
    pub fn macos_shortcuts(&self) -> Option<(String, String)> {
        (std::env::consts::OS == "macos" && !self.macos_on.is_empty() && !self.macos_off.is_empty())
            .then(|| (self.macos_on.clone(), self.macos_off.clone()))
    }

    /// The schedule (validated when the config was loaded; a bad rule here means "none").
    pub fn schedule(&self) -> crate::domain::offline::OfflineSchedule {
        use crate::domain::offline::{DayRule, OfflineSchedule, parse_rule};
        let rule = |s: &str| parse_rule(s).unwrap_or_else(|_| DayRule::none());
        let day = |o: &Option<String>| o.as_deref().map(rule);
        OfflineSchedule::from_parts(
            rule(&self.weekdays),
            rule(&self.saturday),
            rule(&self.sunday),
            [
                day(&self.monday),
                day(&self.tuesday),
                day(&self.wednesday),
                day(&self.thursday),
                day(&self.friday),
            ],
        )
    }

    /// Whether anything here can ever turn Do-Not-Disturb on by itself.
    pub fn is_active(&self) -> bool {
        self.focus_dnd
            || [
                Some(&self.weekdays),
                Some(&self.saturday),
                Some(&self.sunday),
                self.monday.as_ref(),
                self.tuesday.as_ref(),
                self.wednesday.as_ref(),
                self.thursday.as_ref(),
                self.friday.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|r| !r.trim().eq_ignore_ascii_case("none"))
    }
}

/// `[breathing]`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BreathingConfig {
    /// The exercise `b` and `serein breathe` start with: a preset id or a custom pattern name.
    pub default_pattern: String,
    /// No growing shape: the phase word and a static countdown (also `--reduce-motion`).
    pub reduce_motion: bool,
    /// Ring the terminal bell at each phase change, for practice with eyes closed.
    pub bell: bool,
    /// Times of day for a reminder (the 365 method: three a day). Empty: no reminders.
    pub reminders: Vec<ClockTime>,
    /// How long `z` puts a reminder off.
    pub snooze_minutes: u32,
    /// Sessions a day to aim for; Today shows "2/3".
    pub daily_goal: u32,
    /// Breaths a minute for the `resonance` preset (4.5 to 7, in steps of 0.5).
    pub resonance_per_minute: f64,
    /// Seconds per side for `box` (2 to 5).
    pub box_seconds: u32,
    /// Cycles of 4-7-8 (Weil: 4 for the first month, then up to 8).
    pub cycles_478: u32,
    /// Your own patterns.
    #[serde(rename = "pattern")]
    pub patterns: Vec<CustomPattern>,
}

/// `[[breathing.pattern]]`: `phases = [["inhale", 4], ["hold", 2], ["exhale", 6]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CustomPattern {
    pub name: String,
    pub phases: Vec<(String, f64)>,
    /// Length of a session in minutes (default 5).
    pub minutes: Option<f64>,
}

impl Default for BreathingConfig {
    fn default() -> Self {
        BreathingConfig {
            default_pattern: "coherence".into(),
            reduce_motion: false,
            bell: false,
            reminders: vec![
                ClockTime(8 * 60 + 30),
                ClockTime(12 * 60),
                ClockTime(17 * 60),
            ],
            snooze_minutes: 10,
            daily_goal: 3,
            resonance_per_minute: 6.0,
            box_seconds: 4,
            cycles_478: 4,
            patterns: Vec::new(),
        }
    }
}

impl BreathingConfig {
    /// Every pattern on offer: the presets (tuned by this config), then the user's own.
    pub fn patterns(&self) -> Vec<crate::domain::breath::Pattern> {
        use crate::domain::breath;
        let mut out = Vec::new();
        for p in breath::presets() {
            let tuned = match p.id.as_str() {
                "resonance" => breath::resonance(self.resonance_per_minute).unwrap_or(p),
                "box" => breath::box_breathing(self.box_seconds).unwrap_or(p),
                "478" => breath::Pattern {
                    default_cycles: Some(self.cycles_478.clamp(1, 8)),
                    ..p
                },
                _ => p,
            };
            out.push(tuned);
        }
        for c in &self.patterns {
            if let Ok((mut p, _)) = breath::custom(&c.name, &c.phases) {
                if c.minutes.is_some() {
                    p.default_minutes = c.minutes;
                }
                out.push(p);
            }
        }
        out
    }

    /// Names of the coherence patterns (coherence, coherence-4-6, resonance): the sessions
    /// that count towards `daily_goal`.
    pub fn coherence_names(&self) -> Vec<String> {
        self.patterns()
            .into_iter()
            .filter(|p| matches!(p.id.as_str(), "coherence" | "coherence-4-6" | "resonance"))
            .map(|p| p.name)
            .collect()
    }

    /// A pattern by preset id or custom name.
    pub fn pattern(&self, id: &str) -> Option<crate::domain::breath::Pattern> {
        self.patterns()
            .into_iter()
            .find(|p| p.id == id || p.name.eq_ignore_ascii_case(id))
    }
}

/// What happens when a box's time is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OnEnd {
    /// Keep counting past zero (`+mm:ss`) until you finish it; the overrun is recorded.
    #[default]
    Overrun,
    /// End the box at its deadline.
    Finish,
    /// End it and start the next box at once.
    Next,
}

/// Whether the next box starts by itself after a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Transition {
    Auto,
    #[default]
    Manual,
}

/// `[timer]`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimerConfig {
    pub on_end: OnEnd,
    /// After a focus box, start the break (planned or suggested) automatically?
    pub focus_to_break: Transition,
    /// After a break, start the next focus box automatically?
    pub break_to_focus: Transition,
    /// Offer a break after this much focus with no break.
    pub break_after_minutes: u32,
    /// Suggested break length as a share of the focus streak (flowtime style): 0.2 = 1/5.
    pub break_ratio: f64,
    /// Notify this many minutes before the end (0: no reminder).
    pub remind_before_end_minutes: u32,
    /// Desktop notifications on/off.
    pub notifications: bool,
    /// Ring the terminal bell when time is up.
    pub bell: bool,
}

impl Default for TimerConfig {
    fn default() -> Self {
        TimerConfig {
            on_end: OnEnd::Overrun,
            focus_to_break: Transition::Manual,
            break_to_focus: Transition::Manual,
            break_after_minutes: 90,
            break_ratio: 0.2,
            remind_before_end_minutes: 5,
            notifications: true,
            bell: false,
        }
    }
}

/// `[hooks]`: argument vectors run without a shell, with SEREIN_EVENT, SEREIN_TITLE,
/// SEREIN_DOMAIN and SEREIN_REMAINING_S in their environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct HooksConfig {
    pub on_start: Vec<String>,
    pub on_end: Vec<String>,
    pub on_break: Vec<String>,
    pub on_pause: Vec<String>,
}

impl HooksConfig {
    /// The hook for an event name (`start`, `end`, `break`, `pause`), if configured.
    pub fn for_event(&self, event: &str) -> Option<&[String]> {
        let argv = match event {
            "start" => &self.on_start,
            "end" => &self.on_end,
            "break" => &self.on_break,
            "pause" => &self.on_pause,
            _ => return None,
        };
        (!argv.is_empty()).then_some(argv.as_slice())
    }
}

/// One life domain: `#name` in a title, a colour, and whether it counts as work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DomainConfig {
    pub name: String,
    /// A colour name (`blue`, `lightgreen`…), an ANSI index (`33`) or `#rrggbb`.
    pub color: String,
    /// Counts towards `work_hours_per_day`.
    pub work: bool,
}

impl Default for DomainConfig {
    fn default() -> Self {
        DomainConfig {
            name: String::new(),
            color: "white".into(),
            work: false,
        }
    }
}

/// A named list of plan lines, e.g. a weekday routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Template {
    pub name: String,
    /// Lines in the `serein plan add` syntax: `09:00-10:30 Deep work #work`.
    pub boxes: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        let d = |name: &str, color: &str, work: bool| DomainConfig {
            name: name.into(),
            color: color.into(),
            work,
        };
        Config {
            day_start: ClockTime(8 * 60),
            day_end: ClockTime(18 * 60),
            work_hours_per_day: 8.0,
            step_minutes: 15,
            default_domain: "work".into(),
            domains: vec![
                d("work", "blue", true),
                d("personal", "green", false),
                d("family", "magenta", false),
                d("social", "yellow", false),
                d("health", "cyan", false),
            ],
            templates: Vec::new(),
            keys: BTreeMap::new(),
            timer: TimerConfig::default(),
            hooks: HooksConfig::default(),
            breathing: BreathingConfig::default(),
            offline: OfflineConfig::default(),
            balance: BalanceConfig::default(),
        }
    }
}

/// A wall-clock time of day written `HH:MM`, validated while parsing so that TOML's error
/// carries the line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(pub u16);

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match parse::parse_clock(&s) {
            Some(m) => Ok(ClockTime(m)),
            None => Err(serde::de::Error::custom(format!(
                "{s:?} is not a time of day; expected HH:MM between 00:00 and 24:00, e.g. \"08:00\""
            ))),
        }
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hhmm(self.0))
    }
}

/// A config problem, located in the file when possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// A loaded configuration and what the user should hear about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    /// The file it came from, if one existed.
    pub path: Option<PathBuf>,
    /// Unknown keys and similar non-fatal problems, each naming file and line.
    pub warnings: Vec<String>,
    /// Of those, hooks that can't run: `config check` treats them as errors.
    pub hook_errors: usize,
}

impl Config {
    /// Loads `path`. A missing file at the default location means defaults; a missing file the
    /// user named explicitly is an error.
    pub fn load(path: &Path, explicit: bool) -> Result<Loaded, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let (config, warnings) = Config::parse(&text, path)?;
                let hook_errors = config.hook_problems(&text, path).len();
                Ok(Loaded {
                    config,
                    path: Some(path.to_path_buf()),
                    warnings,
                    hook_errors,
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(Loaded {
                config: Config::default(),
                path: None,
                warnings: Vec::new(),
                hook_errors: 0,
            }),
            Err(e) => Err(ConfigError {
                path: path.to_path_buf(),
                line: None,
                column: None,
                message: format!("can't read the config file: {e}"),
            }),
        }
    }

    /// Parses and validates TOML text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<(Config, Vec<String>), ConfigError> {
        let mut unknown = Vec::new();
        let de = toml::Deserializer::parse(text).map_err(|e| toml_error(text, path, &e))?;
        let config: Config = serde_ignored::deserialize(de, |p| unknown.push(p.to_string()))
            .map_err(|e| toml_error(text, path, &e))?;
        let warnings: Vec<String> = unknown
            .into_iter()
            .map(|key| {
                let at = locate(text, &segments(&key))
                    .map(|(l, c)| format!(":{l}:{c}"))
                    .unwrap_or_default();
                format!(
                    "{}{at}: unknown key `{key}` ignored (see `serein config init` for every key)",
                    path.display()
                )
            })
            .collect();
        config.validate(text, path)?;
        let mut warnings = warnings;
        warnings.extend(config.validate_breathing(text, path)?);
        config.validate_balance(text, path)?;
        config.validate_offline(text, path)?;
        warnings.extend(config.hook_problems(text, path));
        Ok((config, warnings))
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let err = |at: &[Seg], message: String| {
            let loc = locate(text, at);
            ConfigError {
                path: path.to_path_buf(),
                line: loc.map(|l| l.0),
                column: loc.map(|l| l.1),
                message,
            }
        };
        if self.day_start >= self.day_end || self.day_end.0 > 24 * 60 {
            return Err(err(
                &[Seg::Key("day_end")],
                format!(
                    "day_end ({}) must be after day_start ({}) and no later than 24:00",
                    hhmm(self.day_end.0),
                    hhmm(self.day_start.0)
                ),
            ));
        }
        if !(self.work_hours_per_day > 0.0 && self.work_hours_per_day <= 24.0) {
            return Err(err(
                &[Seg::Key("work_hours_per_day")],
                format!(
                    "work_hours_per_day = {}: expected a number of hours above 0 and at most 24",
                    self.work_hours_per_day
                ),
            ));
        }
        if !(1..=240).contains(&self.step_minutes) {
            return Err(err(
                &[Seg::Key("step_minutes")],
                format!(
                    "step_minutes = {}: expected minutes from 1 to 240",
                    self.step_minutes
                ),
            ));
        }
        if self.domains.is_empty() {
            return Err(err(
                &[Seg::Key("domain")],
                "at least one [[domain]] is needed".into(),
            ));
        }
        for (i, d) in self.domains.iter().enumerate() {
            let ok = !d.name.is_empty()
                && d.name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase())
                && d.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !ok {
                return Err(err(
                    &[Seg::Key("domain"), Seg::Index(i), Seg::Key("name")],
                    format!(
                        "domain name {:?}: expected a lowercase word such as \"work\" (letters, digits, - or _)",
                        d.name
                    ),
                ));
            }
            if d.name == "break" {
                return Err(err(
                    &[Seg::Key("domain"), Seg::Index(i), Seg::Key("name")],
                    "\"break\" is reserved for breaks (#break); choose another domain name".into(),
                ));
            }
            if self.domains[..i].iter().any(|o| o.name == d.name) {
                return Err(err(
                    &[Seg::Key("domain"), Seg::Index(i), Seg::Key("name")],
                    format!("domain {:?} is defined twice", d.name),
                ));
            }
            if parse_color(&d.color).is_none() {
                return Err(err(
                    &[Seg::Key("domain"), Seg::Index(i), Seg::Key("color")],
                    format!(
                        "domain {:?}: colour {:?} not understood; expected a name (blue, lightred…), an index 0-255 or #rrggbb",
                        d.name, d.color
                    ),
                ));
            }
        }
        if !self.domains.iter().any(|d| d.name == self.default_domain) {
            return Err(err(
                &[Seg::Key("default_domain")],
                format!(
                    "default_domain = {:?} is not one of the domains ({})",
                    self.default_domain,
                    self.domain_names().join(", ")
                ),
            ));
        }
        let names = self.domain_names();
        for (i, t) in self.templates.iter().enumerate() {
            if t.name.trim().is_empty() {
                return Err(err(
                    &[Seg::Key("template"), Seg::Index(i)],
                    "a [[template]] needs a name".into(),
                ));
            }
            if self.templates[..i].iter().any(|o| o.name == t.name) {
                return Err(err(
                    &[Seg::Key("template"), Seg::Index(i), Seg::Key("name")],
                    format!("template {:?} is defined twice", t.name),
                ));
            }
            for (j, line) in t.boxes.iter().enumerate() {
                if let Err(e) = parse::parse(line, &names) {
                    return Err(err(
                        &[
                            Seg::Key("template"),
                            Seg::Index(i),
                            Seg::Key("boxes"),
                            Seg::Index(j),
                        ],
                        format!("template {:?}: {line:?}: {}", t.name, e.message),
                    ));
                }
            }
        }
        if let Err(message) = Keymap::with_overrides(&self.keys) {
            // Point at the first action whose entry is wrong on its own.
            let bad = self.keys.iter().find(|(k, v)| {
                Keymap::with_overrides(&BTreeMap::from([((*k).clone(), (*v).clone())])).is_err()
            });
            let path = match bad {
                Some((name, _)) => vec![Seg::Key("keys"), Seg::Key(name.as_str())],
                None => vec![Seg::Key("keys")],
            };
            return Err(err(&path, message));
        }
        let t = &self.timer;
        if !(t.break_ratio > 0.0 && t.break_ratio <= 1.0) {
            return Err(err(
                &[Seg::Key("timer"), Seg::Key("break_ratio")],
                format!(
                    "break_ratio = {}: expected a share above 0 and at most 1, e.g. 0.2",
                    t.break_ratio
                ),
            ));
        }
        if !(1..=24 * 60).contains(&t.break_after_minutes) {
            return Err(err(
                &[Seg::Key("timer"), Seg::Key("break_after_minutes")],
                format!(
                    "break_after_minutes = {}: expected 1 to 1440",
                    t.break_after_minutes
                ),
            ));
        }
        if t.remind_before_end_minutes > 12 * 60 {
            return Err(err(
                &[Seg::Key("timer"), Seg::Key("remind_before_end_minutes")],
                format!(
                    "remind_before_end_minutes = {}: expected 0 (off) to 720",
                    t.remind_before_end_minutes
                ),
            ));
        }
        Ok(())
    }

    /// Checks `[breathing]`; returns warnings (a custom pattern faster than slow breathing).
    fn validate_balance(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let b = &self.balance;
        let err = |k: &'static str, message: String| {
            let loc = locate(text, &[Seg::Key("balance"), Seg::Key(k)]);
            ConfigError {
                path: path.to_path_buf(),
                line: loc.map(|l| l.0),
                column: loc.map(|l| l.1),
                message,
            }
        };
        let hours = [
            ("work_info_hours", b.work_info_hours, 168.0),
            ("work_notice_hours", b.work_notice_hours, 168.0),
            ("work_strong_hours", b.work_strong_hours, 168.0),
            ("daily_rest_hours", b.daily_rest_hours, 24.0),
            ("weekly_rest_hours", b.weekly_rest_hours, 168.0),
        ];
        for (k, v, max) in hours {
            if !(v > 0.0 && v <= max) {
                return Err(err(
                    k,
                    format!("{k} = {v}: expected a number of hours above 0 and at most {max}"),
                ));
            }
        }
        if !(b.work_info_hours <= b.work_notice_hours && b.work_notice_hours <= b.work_strong_hours)
        {
            return Err(err(
                "work_notice_hours",
                format!(
                    "work hours thresholds must rise: work_info_hours ({}) <= work_notice_hours \
                     ({}) <= work_strong_hours ({})",
                    b.work_info_hours, b.work_notice_hours, b.work_strong_hours
                ),
            ));
        }
        if !(1..=720).contains(&b.long_block_minutes) {
            return Err(err(
                "long_block_minutes",
                format!(
                    "long_block_minutes = {}: expected 1 to 720",
                    b.long_block_minutes
                ),
            ));
        }
        if b.weekend_weeks > 4 {
            return Err(err(
                "weekend_weeks",
                format!(
                    "weekend_weeks = {}: expected 0 (never) to 4 (of the last 4 weeks)",
                    b.weekend_weeks
                ),
            ));
        }
        Ok(())
    }

    fn validate_breathing(&self, text: &str, path: &Path) -> Result<Vec<String>, ConfigError> {
        use crate::domain::breath;
        let b = &self.breathing;
        let err = |at: &[Seg], message: String| {
            let loc = locate(text, at);
            ConfigError {
                path: path.to_path_buf(),
                line: loc.map(|l| l.0),
                column: loc.map(|l| l.1),
                message,
            }
        };
        let key = |k: &'static str| [Seg::Key("breathing"), Seg::Key(k)];
        if let Err(e) = breath::resonance(b.resonance_per_minute) {
            return Err(err(
                &key("resonance_per_minute"),
                format!("resonance_per_minute: {e}"),
            ));
        }
        if let Err(e) = breath::box_breathing(b.box_seconds) {
            return Err(err(&key("box_seconds"), format!("box_seconds: {e}")));
        }
        if !(1..=8).contains(&b.cycles_478) {
            return Err(err(
                &key("cycles_478"),
                format!(
                    "cycles_478 = {}: expected 1 to 8 (Weil: 4 at first, up to 8 after a month)",
                    b.cycles_478
                ),
            ));
        }
        if !(1..=240).contains(&b.snooze_minutes) {
            return Err(err(
                &key("snooze_minutes"),
                format!("snooze_minutes = {}: expected 1 to 240", b.snooze_minutes),
            ));
        }
        if b.daily_goal > 24 {
            return Err(err(
                &key("daily_goal"),
                format!("daily_goal = {}: expected 0 to 24", b.daily_goal),
            ));
        }
        let mut warnings = Vec::new();
        for (i, c) in b.patterns.iter().enumerate() {
            let at = [
                Seg::Key("breathing"),
                Seg::Key("pattern"),
                Seg::Index(i),
                Seg::Key("phases"),
            ];
            if b.patterns[..i].iter().any(|o| o.name == c.name) {
                return Err(err(
                    &[
                        Seg::Key("breathing"),
                        Seg::Key("pattern"),
                        Seg::Index(i),
                        Seg::Key("name"),
                    ],
                    format!("pattern {:?} is defined twice", c.name),
                ));
            }
            if breath::preset(&c.name).is_some() {
                return Err(err(
                    &[
                        Seg::Key("breathing"),
                        Seg::Key("pattern"),
                        Seg::Index(i),
                        Seg::Key("name"),
                    ],
                    format!(
                        "pattern name {:?} is a preset's; choose another name",
                        c.name
                    ),
                ));
            }
            match breath::custom(&c.name, &c.phases) {
                Ok((_, w)) => {
                    let loc = locate(text, &at)
                        .map(|(l, c)| format!(":{l}:{c}"))
                        .unwrap_or_default();
                    warnings
                        .extend(w.into_iter().map(|w| {
                            format!("{}{loc}: pattern {:?}: {w}", path.display(), c.name)
                        }));
                }
                Err(e) => {
                    // Point at the phase itself when the error is about one.
                    let mut at = at.to_vec();
                    if let Some(n) = breath::error_phase(&e) {
                        at.push(Seg::Index(n - 1));
                    }
                    return Err(err(&at, format!("pattern {:?}: {e}", c.name)));
                }
            }
            if let Some(m) = c.minutes
                && !(m > 0.0 && m <= breath::MAX_MINUTES)
            {
                return Err(err(
                    &[
                        Seg::Key("breathing"),
                        Seg::Key("pattern"),
                        Seg::Index(i),
                        Seg::Key("minutes"),
                    ],
                    format!(
                        "pattern {:?}: minutes = {m}: expected more than 0 and at most 60",
                        c.name
                    ),
                ));
            }
        }
        if b.pattern(&b.default_pattern).is_none() {
            let names: Vec<String> = b.patterns().into_iter().map(|p| p.id).collect();
            return Err(err(
                &key("default_pattern"),
                format!(
                    "default_pattern = {:?}: not a pattern; known: {}",
                    b.default_pattern,
                    names.join(", ")
                ),
            ));
        }
        Ok(warnings)
    }

    /// Checks `[offline]`: every day rule parses, exception domains exist.
    fn validate_offline(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let o = &self.offline;
        let rules = [
            ("weekdays", Some(&o.weekdays)),
            ("saturday", Some(&o.saturday)),
            ("sunday", Some(&o.sunday)),
            ("monday", o.monday.as_ref()),
            ("tuesday", o.tuesday.as_ref()),
            ("wednesday", o.wednesday.as_ref()),
            ("thursday", o.thursday.as_ref()),
            ("friday", o.friday.as_ref()),
        ];
        for (key, rule) in rules {
            if let Some(r) = rule
                && let Err(e) = crate::domain::offline::parse_rule(r)
            {
                let loc = locate(text, &[Seg::Key("offline"), Seg::Key(key)]);
                return Err(ConfigError {
                    path: path.to_path_buf(),
                    line: loc.map(|l| l.0),
                    column: loc.map(|l| l.1),
                    message: format!("[offline] {key}: {e}"),
                });
            }
        }
        for d in &o.focus_dnd_except {
            if !self.domains.iter().any(|x| &x.name == d) {
                let loc = locate(text, &[Seg::Key("offline"), Seg::Key("focus_dnd_except")]);
                return Err(ConfigError {
                    path: path.to_path_buf(),
                    line: loc.map(|l| l.0),
                    column: loc.map(|l| l.1),
                    message: format!(
                        "[offline] focus_dnd_except: {d:?} is not a domain ({})",
                        self.domain_names().join(", ")
                    ),
                });
            }
        }
        Ok(())
    }

    /// Hooks whose program can't be run, located in the file. Not fatal when loading (a
    /// removed hook must never stop you from stopping a timer); `config check` fails on them.
    fn hook_problems(&self, text: &str, path: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for event in ["start", "end", "break", "pause"] {
            let key = format!("on_{event}");
            if let Some(argv) = self.hooks.for_event(event)
                && let Err(e) = crate::shell::hooks::check_hook(argv)
            {
                let at = locate(text, &[Seg::Key("hooks"), Seg::Key(&key)])
                    .map(|(l, c)| format!(":{l}:{c}"))
                    .unwrap_or_default();
                out.push(format!(
                    "{}{at}: [hooks] {key}: {e} (hooks run without a shell)",
                    path.display()
                ));
            }
        }
        out
    }

    /// Names of the configured domains, in order.
    pub fn domain_names(&self) -> Vec<&str> {
        self.domains.iter().map(|d| d.name.as_str()).collect()
    }

    /// Names of the domains that count as work.
    /// Domain names in the configured order, then any others in `seen` (logged under a
    /// domain since removed from the config) by name: the order of tables and bars.
    pub fn domain_order<'a>(&'a self, seen: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        let mut out: Vec<&str> = self.domains.iter().map(|d| d.name.as_str()).collect();
        let mut extra: Vec<&str> = seen.filter(|d| !out.contains(d)).collect();
        extra.sort_unstable();
        extra.dedup();
        out.extend(extra);
        out
    }

    pub fn work_domains(&self) -> Vec<&str> {
        self.domains
            .iter()
            .filter(|d| d.work)
            .map(|d| d.name.as_str())
            .collect()
    }

    pub fn template(&self, name: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.name == name)
    }

    /// The daily work limit in minutes.
    pub fn work_limit_minutes(&self) -> u32 {
        (self.work_hours_per_day * 60.0).round() as u32
    }
}

/// Known action names, for messages.
pub fn action_names() -> String {
    Action::ALL
        .iter()
        .map(|a| a.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a colour name, ANSI index or `#rrggbb`.
pub fn parse_color(s: &str) -> Option<ratatui::style::Color> {
    s.parse().ok()
}

fn toml_error(text: &str, path: &Path, e: &toml::de::Error) -> ConfigError {
    let (line, column) = match e.span() {
        Some(span) => {
            let (l, c) = line_col(text, span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    ConfigError {
        path: path.to_path_buf(),
        line,
        column,
        message: e.message().trim().to_string(),
    }
}

/// 1-based line and column (in chars) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// One step of a path into the TOML document.
#[derive(Debug, Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The (line, column) of the key or array item at `path` in `text`, from the TOML parser's
/// spans. Falls back to the deepest part of the path that exists.
fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    use toml::de::{DeTable, DeValue};
    let doc = DeTable::parse(text).ok()?;
    let mut table: Option<&DeTable> = Some(doc.get_ref());
    let mut value: Option<&DeValue> = None;
    let mut at: Option<usize> = None;
    for seg in path {
        match *seg {
            Seg::Key(name) => {
                let t = match (table, value) {
                    (Some(t), _) => t,
                    (None, Some(DeValue::Table(t))) => t,
                    _ => break,
                };
                let Some((k, v)) = t.iter().find(|(k, _)| k.get_ref().as_ref() == name) else {
                    break;
                };
                at = Some(k.span().start);
                table = None;
                value = Some(v.get_ref());
            }
            Seg::Index(i) => {
                let Some(DeValue::Array(a)) = value else {
                    break;
                };
                let Some(item) = a.get(i) else {
                    break;
                };
                at = Some(item.span().start);
                value = Some(item.get_ref());
            }
        }
    }
    at.map(|offset| line_col(text, offset))
}

/// Splits a dotted path as serde_ignored prints it (`domain.1.colour`).
fn segments(path: &str) -> Vec<Seg<'_>> {
    path.split('.')
        .map(|p| match p.parse::<usize>() {
            Ok(i) => Seg::Index(i),
            Err(_) => Seg::Key(p),
        })
        .collect()
}

/// Default locations, following the XDG base directory spec (and the env overrides).
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_file: PathBuf,
    pub config_explicit: bool,
    pub data_dir: PathBuf,
    pub state_dir: PathBuf,
}

impl Paths {
    /// Resolves paths from the CLI options (which clap also fills from `SEREIN_CONFIG` and
    /// `SEREIN_DATA_DIR`) and the XDG variables.
    pub fn resolve(config: Option<PathBuf>, data_dir: Option<PathBuf>) -> anyhow::Result<Paths> {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy()
            .map_err(|e| anyhow::anyhow!("can't find the home directory: {e}"))?;
        let state_dir = base
            .state_dir()
            .unwrap_or_else(|| base.data_dir())
            .join("serein");
        Ok(Paths {
            config_explicit: config.is_some(),
            config_file: config.unwrap_or_else(|| base.config_dir().join("serein/config.toml")),
            data_dir: data_dir.unwrap_or_else(|| base.data_dir().join("serein")),
            state_dir,
        })
    }

    pub fn db_file(&self) -> PathBuf {
        self.data_dir.join("serein.db")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<(Config, Vec<String>), ConfigError> {
        Config::parse(text, Path::new("cfg.toml"))
    }

    #[test]
    fn example_parses_into_defaults() {
        let (cfg, warnings) = parse(EXAMPLE).expect("example parses");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(cfg, Config::default());
    }

    #[test]
    fn empty_file_is_defaults() {
        assert_eq!(parse("").unwrap().0, Config::default());
    }

    #[test]
    fn errors_carry_line_and_column() {
        // (text, line, column, message fragment)
        let cases = [
            (
                "day_start = \"08:00\"\nwork_hours_per_day = \"eight\"\n",
                2,
                22,
                "invalid type",
            ),
            ("day_start = 08:00:00:00\n", 1, 13, ""),
            ("\n\nday_start = \"25:00\"\n", 3, 13, "not a time of day"),
            ("work_hours_per_day = 30\n", 1, 1, "at most 24"),
            (
                "day_start = \"18:00\"\nday_end = \"08:00\"\n",
                2,
                1,
                "must be after",
            ),
            ("default_domain = \"wrk\"\n", 1, 1, "not one of the domains"),
            ("[keys]\nadd = [\"ctrl-\"]\n", 2, 1, "key"),
            (
                "[[domain]]\nname = \"ok\"\n[[domain]]\nname = \"Bad Name\"\n",
                4,
                1,
                "lowercase word",
            ),
            (
                "[[domain]]\nname = \"ok\"\n[[domain]]\nname = \"x\"\ncolor = \"nope\"\n",
                5,
                1,
                "colour",
            ),
            (
                "[[template]]\nname = \"a\"\nboxes = [\"25:00-26:00 x\"]\n",
                3,
                10,
                "hours go",
            ),
        ];
        for (text, line, column, frag) in cases {
            let e = parse(text).expect_err(text);
            assert_eq!(
                (e.line, e.column),
                (Some(line), Some(column)),
                "{text:?} → {e}"
            );
            assert!(e.message.contains(frag), "{text:?} → {e}");
            assert!(e.to_string().starts_with("cfg.toml:"), "{e}");
        }
    }

    #[test]
    fn unknown_keys_warn_with_location() {
        let (_, w) = parse("day_start = \"08:00\"\nwrok_hours_per_day = 7\n").unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("cfg.toml:2:1"), "{w:?}");
        assert!(w[0].contains("wrok_hours_per_day"), "{w:?}");
    }

    #[test]
    fn custom_domains_replace_defaults() {
        let (cfg, _) = parse(
            "default_domain = \"job\"\n[[domain]]\nname = \"job\"\ncolor = \"#ff8800\"\nwork = true\n",
        )
        .unwrap();
        assert_eq!(cfg.domain_names(), vec!["job"]);
        assert_eq!(cfg.work_domains(), vec!["job"]);
    }
}
