//! Configuration: the structs and their defaults (here), checks with file:line:column errors
//! and warnings for unknown keys (`validate`: typos must not pass silently), and where files
//! live (`paths`). Values that can be checked alone are newtypes checked while deserializing
//! (so TOML's own error carries the span); checks that need several values run afterwards.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use crate::domain::parse;

use crate::keys::KeyOverrides;

mod paths;
mod units;
mod validate;

pub use paths::Paths;

/// The example config, embedded: `serein config init` writes it and a test checks that it
/// parses into [`Config::default`].
pub const EXAMPLE: &str = include_str!("../../config.example.toml");

/// Everything the user can configure. Every field has a default, so an empty file is valid.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// The language of everything serein writes: `"en"` or `"fr"`; unset follows the
    /// environment (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub language: Option<Language>,
    /// First hour shown on the Today timeline ("08:00").
    pub day_start: ClockTime,
    /// Last hour shown on the Today timeline ("18:00").
    pub day_end: ClockTime,
    /// Planned work above this many hours a day is flagged.
    #[serde(deserialize_with = "units::hours")]
    pub work_hours_per_day: f64,
    /// Step for moving and resizing boxes with J/K and +/-.
    #[serde(deserialize_with = "units::minutes_u16")]
    pub step_minutes: u16,
    /// Domain of a box typed without a `#tag`.
    pub default_domain: String,
    /// Life domains, in display order. Defining any replaces the whole default set.
    #[serde(rename = "domain")]
    pub domains: Vec<DomainConfig>,
    /// Day templates (`serein plan apply-template NAME`, `T` in the TUI).
    #[serde(rename = "template")]
    pub templates: Vec<Template>,
    /// Key overrides: action → keys, replacing that action's default keys on every screen
    /// (checked against `crate::keys::TABLE` while reading).
    pub keys: KeyOverrides,
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
    /// `serein import`: which domain imported tags and projects go to.
    pub import: ImportConfig,
    /// A chime at the end of a box and at breathing phase changes.
    pub sound: SoundConfig,
    /// Calendar sources (`[[calendar]]`): meetings shown on Today as read-only boxes.
    #[serde(rename = "calendar")]
    pub calendars: Vec<CalendarConfig>,
    /// Not a setting: where the shown week's meetings are kept for the next start's first
    /// frame (`$XDG_CACHE_HOME/serein/meetings.json`), set when a config file is loaded.
    #[serde(skip)]
    pub calendar_snapshot: Option<PathBuf>,
}

/// `[[calendar]]`: a local `.ics` file, a vdir folder (one `.ics` per event, as vdirsyncer
/// and khal keep them) or an `https://` / `webcal://` address (fetched in the background and
/// cached) whose events show as meetings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CalendarConfig {
    /// Shown beside its meetings and in errors; unique.
    pub name: String,
    /// The `.ics` file or the folder; absolute or from `~/`. Empty with `url`.
    pub path: PathBuf,
    /// The life domain its meetings count as.
    pub domain: String,
    /// An `https://`, `webcal://` or `http://` address instead of `path`.
    pub url: Option<String>,
    /// How often a `url` is fetched again, in minutes (default 30).
    #[serde(deserialize_with = "units::minutes")]
    pub refresh: u32,
}

impl Default for CalendarConfig {
    fn default() -> Self {
        CalendarConfig {
            name: String::new(),
            path: PathBuf::new(),
            domain: "work".into(),
            url: None,
            refresh: 30,
        }
    }
}

impl Config {
    /// The configured calendar sources, paths with `~/` expanded; a `url` source is read
    /// from its cache file.
    pub fn calendar_sources(&self) -> Vec<crate::calendar::Source> {
        self.calendars
            .iter()
            .map(|c| crate::calendar::Source {
                name: c.name.clone(),
                path: match &c.url {
                    Some(u) => crate::calendar::remote::cache_file(&c.name, u),
                    None => expand_home(&c.path),
                },
                domain: c.domain.clone(),
            })
            .collect()
    }

    /// The `url` sources: each with where it is fetched from and how often.
    pub fn calendar_remotes(
        &self,
    ) -> Vec<(crate::calendar::Source, crate::calendar::remote::Remote)> {
        self.calendars
            .iter()
            .zip(self.calendar_sources())
            .filter_map(|(c, s)| {
                let url = c.url.clone()?;
                Some((
                    s,
                    crate::calendar::remote::Remote {
                        url,
                        refresh: std::time::Duration::from_secs(u64::from(c.refresh.max(1)) * 60),
                    },
                ))
            })
            .collect()
    }
}

/// `[import]`: how `serein import` maps another tool's tags and projects to domains. The
/// record's tags are looked at in order (Timewarrior: as it stores them, sorted; Watson: the
/// project, then its tags; bartib: the project) and the first one mapped here — or named like
/// a domain — decides; with none, `default_domain`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(default)]
pub struct ImportConfig {
    /// Domain of what no tag maps; unset: the top-level `default_domain`.
    pub default_domain: Option<String>,
    /// Tag or project → domain, e.g. `{ "client-a" = "work", "gym" = "health" }`.
    pub domains: std::collections::BTreeMap<String, String>,
}

impl Config {
    /// The tag-to-domain mapping `serein import` uses.
    pub fn import_mapping(&self) -> crate::domain::import::Mapping {
        crate::domain::import::Mapping {
            rules: self.import.domains.clone(),
            default_domain: self
                .import
                .default_domain
                .clone()
                .unwrap_or_else(|| self.default_domain.clone()),
            domains: self.domains.iter().map(|d| d.name.clone()).collect(),
        }
    }
}

/// `[sound]`: a short chime played by a system player (pw-play, paplay, aplay or afplay, the
/// first on PATH), never through an audio library. Off by default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SoundConfig {
    /// Play sounds at all.
    pub enabled: bool,
    /// A chime when a box's time is up (and when a break is over).
    pub box_end: bool,
    /// A chime at each breathing phase change.
    pub breathing: bool,
    /// Your own sound file (WAV is safest: every player reads it); `~/` is your home. None:
    /// serein's own chime.
    pub file: Option<PathBuf>,
}

impl Default for SoundConfig {
    fn default() -> Self {
        SoundConfig {
            enabled: false,
            box_end: true,
            breathing: false,
            file: None,
        }
    }
}

impl SoundConfig {
    /// The configured file with `~/` expanded (None: the built-in chime).
    pub fn file_path(&self) -> Option<PathBuf> {
        self.file.as_deref().map(expand_home)
    }
}

/// `~/x` as `$HOME/x`; any other path as it is.
pub fn expand_home(path: &Path) -> PathBuf {
    match path.strip_prefix("~") {
        Ok(rest) => std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
            .join(rest),
        Err(_) => path.to_path_buf(),
    }
}

/// `[balance]`: thresholds of the weekly summary's flags. Defaults from wellbeing.md: the
/// WHO/ILO and EU Working Time Directive figures.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct BalanceConfig {
    /// Work hours a week above which the summary says so (info).
    #[serde(deserialize_with = "units::hours")]
    pub work_info_hours: f64,
    /// Above this: the EU average limit (notice).
    #[serde(deserialize_with = "units::hours")]
    pub work_notice_hours: f64,
    /// At or above this: the WHO/ILO long-hours figure (strong).
    #[serde(deserialize_with = "units::hours")]
    pub work_strong_hours: f64,
    /// Less rest than this between one day's work and the next is flagged.
    #[serde(deserialize_with = "units::hours")]
    pub daily_rest_hours: f64,
    /// A week whose longest time off work is shorter than this is flagged.
    #[serde(deserialize_with = "units::hours")]
    pub weekly_rest_hours: f64,
    /// A block of focus longer than this without a break is flagged.
    #[serde(deserialize_with = "units::minutes")]
    pub long_block_minutes: u32,
    /// Weekend work in at least this many of the last 4 weeks is flagged; 0 never.
    pub weekend_weeks: u32,
    /// `"eu"` (WHO/ILO and the EU directive, with the thresholds above) or `"fr"` (France's
    /// Code du travail: 35 h legal week, 10 h a day, 48 h a week, 44 h over 12 weeks, 11 h and
    /// 35 h rest, right to disconnect).
    pub references: crate::domain::summary::References,
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
            references: Default::default(),
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
            references: self.references,
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
            meetings: Vec::new(),
        }
    }
}

/// `[offline]`. Nothing is scheduled by default: serein touches the desktop's notification
/// setting only when asked to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// Do-Not-Disturb during the timed meetings of the `[[calendar]]` sources.
    pub meeting_dnd: bool,
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
            meeting_dnd: false,
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
            || self.meeting_dnd
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    #[serde(deserialize_with = "units::minutes")]
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
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct CustomPattern {
    pub name: String,
    pub phases: Vec<(String, f64)>,
    /// Length of a session in minutes (default 5).
    #[serde(deserialize_with = "units::opt_minutes_f64")]
    pub minutes: Option<f64>,
}

impl Default for BreathingConfig {
    fn default() -> Self {
        BreathingConfig {
            default_pattern: crate::domain::breath::DEFAULT_PRESET.into(),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Transition {
    Auto,
    #[default]
    Manual,
}

/// `[timer]`
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default)]
pub struct TimerConfig {
    pub on_end: OnEnd,
    /// After a focus box, start the break (planned or suggested) automatically?
    pub focus_to_break: Transition,
    /// After a break, start the next focus box automatically?
    pub break_to_focus: Transition,
    /// Offer a break after this much focus with no break.
    #[serde(deserialize_with = "units::minutes")]
    pub break_after_minutes: u32,
    /// Suggested break length as a share of the focus streak (flowtime style): 0.2 = 1/5.
    pub break_ratio: f64,
    /// Notify this many minutes before the end (0: no reminder).
    #[serde(deserialize_with = "units::minutes")]
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct DomainConfig {
    pub name: String,
    /// Its colour on the Today timeline and the Week bars.
    pub color: Colour,
    /// Counts towards `work_hours_per_day`.
    pub work: bool,
}

impl Default for DomainConfig {
    fn default() -> Self {
        DomainConfig {
            name: String::new(),
            color: Colour(ratatui::style::Color::White),
            work: false,
        }
    }
}

/// A named list of plan lines, e.g. a weekday routine.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(default)]
pub struct Template {
    pub name: String,
    /// Lines in the `serein plan add` syntax: `09:00-10:30 Deep work #work`.
    pub boxes: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        use ratatui::style::Color;
        let d = |name: &str, color: Color, work: bool| DomainConfig {
            name: name.into(),
            color: Colour(color),
            work,
        };
        Config {
            language: None,
            day_start: ClockTime(8 * 60),
            day_end: ClockTime(18 * 60),
            work_hours_per_day: 8.0,
            step_minutes: 15,
            default_domain: "work".into(),
            domains: vec![
                d("work", Color::LightBlue, true),
                d("personal", Color::Green, false),
                d("family", Color::Magenta, false),
                d("social", Color::Yellow, false),
                d("health", Color::Cyan, false),
            ],
            templates: Vec::new(),
            keys: KeyOverrides::default(),
            timer: TimerConfig::default(),
            hooks: HooksConfig::default(),
            breathing: BreathingConfig::default(),
            offline: OfflineConfig::default(),
            balance: BalanceConfig::default(),
            import: ImportConfig::default(),
            sound: SoundConfig::default(),
            calendars: Vec::new(),
            calendar_snapshot: None,
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
            None => Err(serde::de::Error::custom(crate::t!(
                "config-not-a-time",
                value = format!("{s:?}")
            ))),
        }
    }
}

/// `language = "fr"`: a language serein speaks, checked while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Language(pub crate::i18n::Lang);

impl TryFrom<String> for Language {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "en" => Ok(Language(crate::i18n::Lang::En)),
            "fr" => Ok(Language(crate::i18n::Lang::Fr)),
            _ => Err(crate::t!("config-language", value = format!("{s:?}"))),
        }
    }
}

/// A domain's colour: a name (`blue`, `lightgreen`…), an ANSI index (`33`) or `#rrggbb`,
/// checked while parsing so that TOML's error carries the line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Colour(pub ratatui::style::Color);

impl TryFrom<String> for Colour {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
            .map(Colour)
            .map_err(|_| crate::t!("config-colour", value = format!("{s:?}")))
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
                let (mut config, warnings) = Config::parse(&text, path)?;
                config.calendar_snapshot = crate::calendar::snapshot::path();
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
                message: crate::t!("config-cant-read", error = e.to_string()),
            }),
        }
    }

    /// Names of the configured domains, in order.
    pub fn domain_names(&self) -> Vec<&str> {
        self.domains.iter().map(|d| d.name.as_str()).collect()
    }

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

    /// Names of the domains that count as work.
    pub fn work_domains(&self) -> Vec<&str> {
        self.domains
            .iter()
            .filter(|d| d.work)
            .map(|d| d.name.as_str())
            .collect()
    }

    /// The day template called `name`.
    pub fn template(&self, name: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.name == name)
    }

    /// The daily work limit in minutes.
    pub fn work_limit_minutes(&self) -> u32 {
        (self.work_hours_per_day * 60.0).round() as u32
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

    /// The commented `[[calendar]]` example, uncommented, parses (the example file itself
    /// must parse into the defaults, which have no calendars).
    #[test]
    fn example_calendar_section_parses() {
        let start = EXAMPLE
            .find("# [[calendar]]")
            .expect("a [[calendar]] example");
        let block: String = EXAMPLE[start..]
            .lines()
            .take_while(|l| l.starts_with("# "))
            .map(|l| format!("{}\n", &l[2..]))
            .collect();
        let (cfg, warnings) = parse(&block).unwrap_or_else(|e| panic!("{e:?}\n{block}"));
        // Only the example paths' absence is reported, at the `path` key.
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].starts_with("cfg.toml:3:1: calendar \"work\": "),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .all(|w| w.contains("no such file or folder")),
            "{warnings:?}"
        );
        assert_eq!(cfg.calendars.len(), 3, "{block}");
        assert_eq!(cfg.calendars[1].domain, "work");
        // The url example: no path, its refresh read as minutes.
        assert_eq!(
            cfg.calendars[2].url.as_deref(),
            Some("webcal://calendar.example.org/team.ics")
        );
        assert_eq!(cfg.calendars[2].refresh, 60);
    }

    #[test]
    fn calendar_errors_point_at_the_key() {
        let cases = [
            ("[[calendar]]\npath = \"/x.ics\"\n", 1, "needs a name"),
            (
                "[[calendar]]\nname = \"a\"\npath = \"/x.ics\"\n[[calendar]]\nname = \"a\"\npath = \"/y.ics\"\n",
                5,
                "defined twice",
            ),
            (
                "[[calendar]]\nname = \"a\"\npath = \"cal.ics\"\n",
                3,
                "absolute path",
            ),
            ("[[calendar]]\nname = \"a\"\n", 1, "needs a path"),
            (
                "[[calendar]]\nname = \"a\"\npath = \"/x.ics\"\ndomain = \"wrok\"\n",
                4,
                "not one of the domains",
            ),
        ];
        for (text, line, has) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.line, Some(line), "{text}: {e:?}");
            assert!(e.message.contains(has), "{text}: {}", e.message);
        }
    }

    #[test]
    fn language_is_en_or_fr_and_anything_else_points_at_the_key() {
        let (c, _) = parse("language = \"fr\"\n").unwrap();
        assert_eq!(c.language, Some(Language(crate::i18n::Lang::Fr)));
        let e = parse("day_start = \"08:00\"\nlanguage = \"de\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(12)), "{e:?}");
        assert!(
            e.message.contains("expected \"en\" or \"fr\""),
            "{}",
            e.message
        );
    }

    #[test]
    fn empty_file_is_defaults() {
        assert_eq!(parse("").unwrap().0, Config::default());
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
