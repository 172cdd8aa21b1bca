//! Checks of a parsed config that need more than one value (or the whole file), each error
//! located at file:line:column from the TOML parser's spans; hooks whose program can't run.

use std::path::Path;

use super::{Config, ConfigError};
use crate::domain::parse;
use crate::domain::plan::hhmm;
use crate::t;

/// The file being checked: its text (to locate keys) and its path (to name it in messages).
#[derive(Clone, Copy)]
struct Source<'a> {
    text: &'a str,
    path: &'a Path,
}

impl Source<'_> {
    /// An error pointing at the key or item at `at` (or the deepest part of it that exists).
    fn error(self, at: &[Seg], message: String) -> ConfigError {
        let loc = locate(self.text, at);
        ConfigError {
            path: self.path.to_path_buf(),
            line: loc.map(|l| l.0),
            column: loc.map(|l| l.1),
            message,
        }
    }

    /// `path:line:column` of `at`, or the path alone, to start a warning.
    fn place(self, at: &[Seg]) -> String {
        let loc = locate(self.text, at)
            .map(|(l, c)| format!(":{l}:{c}"))
            .unwrap_or_default();
        format!("{}{loc}", self.path.display())
    }
}

impl Config {
    /// Parses and validates TOML text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<(Config, Vec<String>), ConfigError> {
        let src = Source { text, path };
        let mut unknown = Vec::new();
        let de = toml::Deserializer::parse(text).map_err(|e| toml_error(text, path, &e))?;
        let config: Config = serde_ignored::deserialize(de, |p| unknown.push(p.to_string()))
            .map_err(|e| toml_error(text, path, &e))?;
        // Read, the file's own `language =` words what is wrong with the rest of it (a file
        // that can't be read is reported in the environment's language).
        let lang = config.language.map_or_else(crate::i18n::lang, |l| l.0);
        crate::i18n::with_lang(lang, || config.check(src, unknown))
    }

    /// The checks after parsing, and the warnings to show.
    fn check(
        self,
        src: Source,
        unknown: Vec<String>,
    ) -> Result<(Config, Vec<String>), ConfigError> {
        let config = self;
        let (text, path) = (src.text, src.path);
        let mut warnings: Vec<String> = unknown
            .into_iter()
            .map(|key| {
                format!(
                    "{}: {}",
                    src.place(&segments(&key)),
                    t!("config-unknown-key", key = &key)
                )
            })
            .collect();
        config.validate_day(src)?;
        config.validate_domains(src)?;
        warnings.extend(config.validate_templates(src)?);
        config.validate_timer(src)?;
        warnings.extend(config.validate_breathing(src)?);
        config.validate_balance(src)?;
        config.validate_offline(src)?;
        config.validate_import(src)?;
        warnings.extend(config.validate_sound(src)?);
        warnings.extend(config.validate_calendars(src)?);
        warnings.extend(config.hook_problems(text, path));
        Ok((config, warnings))
    }

    /// Checks the day's bounds, the work hours and the planner's step.
    fn validate_day(&self, src: Source) -> Result<(), ConfigError> {
        if self.day_start >= self.day_end || self.day_end.0 > 24 * 60 {
            return Err(src.error(
                &[Seg::Key("day_end")],
                t!(
                    "config-day-end",
                    end = hhmm(self.day_end.0),
                    start = hhmm(self.day_start.0)
                ),
            ));
        }
        if !(self.work_hours_per_day > 0.0 && self.work_hours_per_day <= 24.0) {
            return Err(src.error(
                &[Seg::Key("work_hours_per_day")],
                t!(
                    "config-work-hours",
                    value = self.work_hours_per_day.to_string()
                ),
            ));
        }
        if !(1..=240).contains(&self.step_minutes) {
            return Err(src.error(
                &[Seg::Key("step_minutes")],
                t!("config-step", value = self.step_minutes.to_string()),
            ));
        }
        Ok(())
    }

    /// Checks `[[domain]]`: at least one, well-formed unique names, the default among them.
    fn validate_domains(&self, src: Source) -> Result<(), ConfigError> {
        if self.domains.is_empty() {
            return Err(src.error(&[Seg::Key("domain")], t!("config-domain-none")));
        }
        for (i, d) in self.domains.iter().enumerate() {
            let at = [Seg::Key("domain"), Seg::Index(i), Seg::Key("name")];
            let ok = d.name.chars().next().is_some_and(is_lower_letter)
                && d.name
                    .chars()
                    .all(|c| is_lower_letter(c) || c.is_ascii_digit() || c == '-' || c == '_');
            if !ok {
                return Err(src.error(
                    &at,
                    t!("config-domain-name", name = format!("{:?}", d.name)),
                ));
            }
            if d.name == "break" {
                return Err(src.error(&at, t!("config-domain-break")));
            }
            if self.domains[..i].iter().any(|o| o.name == d.name) {
                return Err(src.error(
                    &at,
                    t!("config-domain-twice", name = format!("{:?}", d.name)),
                ));
            }
        }
        if !self.domains.iter().any(|d| d.name == self.default_domain) {
            return Err(src.error(
                &[Seg::Key("default_domain")],
                t!(
                    "config-default-domain",
                    value = format!("{:?}", self.default_domain),
                    known = self.domain_names().join(", ")
                ),
            ));
        }
        Ok(())
    }

    /// Checks `[[template]]`: named, unique, every box line parses against the domains.
    /// A line starting with a bare hour (`2h Deep work`) is a start time (French `14h`); when
    /// that start is outside the day, the line was most likely written as a length before
    /// serein read French times, so it is pointed out (a warning: the line still works).
    fn validate_templates(&self, src: Source) -> Result<Vec<String>, ConfigError> {
        let mut warnings = Vec::new();
        let names = self.domain_names();
        for (i, t) in self.templates.iter().enumerate() {
            if t.name.trim().is_empty() {
                return Err(src.error(
                    &[Seg::Key("template"), Seg::Index(i)],
                    t!("config-template-name"),
                ));
            }
            if self.templates[..i].iter().any(|o| o.name == t.name) {
                return Err(src.error(
                    &[Seg::Key("template"), Seg::Index(i), Seg::Key("name")],
                    t!("config-template-twice", name = format!("{:?}", t.name)),
                ));
            }
            for (j, line) in t.boxes.iter().enumerate() {
                let at = [
                    Seg::Key("template"),
                    Seg::Index(i),
                    Seg::Key("boxes"),
                    Seg::Index(j),
                ];
                let draft = parse::parse(line, &names).map_err(|e| {
                    src.error(
                        &at,
                        t!(
                            "config-template-line",
                            name = format!("{:?}", t.name),
                            line = format!("{line:?}"),
                            problem = e.problem.to_string()
                        ),
                    )
                })?;
                if let Some(start) = self.bare_hour_outside_day(line, &draft.when) {
                    let hour = line.split_whitespace().next().unwrap_or_default();
                    warnings.push(crate::t!(
                        "input-template-bare-hour",
                        place = src.place(&at),
                        template = t.name.as_str(),
                        line = line.as_str(),
                        start = crate::domain::plan::hhmm(start),
                        day_start = crate::domain::plan::hhmm(self.day_start.0),
                        day_end = crate::domain::plan::hhmm(self.day_end.0),
                        length = format!("+{}", hour.to_ascii_lowercase()),
                        rest = line[line.find(hour).unwrap_or(0) + hour.len()..].trim_start(),
                    ));
                }
            }
        }
        Ok(warnings)
    }

    /// The start of a template line (parsed as `when`) that begins with a bare hour (`2h`,
    /// `23H`) landing outside `day_start..day_end`, if it does.
    fn bare_hour_outside_day(&self, line: &str, when: &parse::When) -> Option<u16> {
        let first = line.split_whitespace().next()?;
        let digits = first.strip_suffix(['h', 'H'])?;
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let start = match *when {
            parse::When::StartFor { start, .. } | parse::When::Span { start, .. } => start,
            parse::When::For { .. } => return None,
        };
        (start < self.day_start.0 || start >= self.day_end.0).then_some(start)
    }

    /// Checks `[timer]`: the break share, the break interval and the reminder.
    fn validate_timer(&self, src: Source) -> Result<(), ConfigError> {
        let t = &self.timer;
        let key = |k: &'static str| [Seg::Key("timer"), Seg::Key(k)];
        if !(t.break_ratio > 0.0 && t.break_ratio <= 1.0) {
            return Err(src.error(
                &key("break_ratio"),
                t!("config-break-ratio", value = t.break_ratio.to_string()),
            ));
        }
        if !(1..=24 * 60).contains(&t.break_after_minutes) {
            return Err(src.error(
                &key("break_after_minutes"),
                t!(
                    "config-break-after",
                    value = t.break_after_minutes.to_string()
                ),
            ));
        }
        if t.remind_before_end_minutes > 12 * 60 {
            return Err(src.error(
                &key("remind_before_end_minutes"),
                t!(
                    "config-remind",
                    value = t.remind_before_end_minutes.to_string()
                ),
            ));
        }
        Ok(())
    }

    /// Checks `[balance]`: hours in range, work thresholds rising.
    fn validate_balance(&self, src: Source) -> Result<(), ConfigError> {
        let b = &self.balance;
        let err = |k: &'static str, message: String| {
            src.error(&[Seg::Key("balance"), Seg::Key(k)], message)
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
                    t!(
                        "config-balance-hours",
                        key = k,
                        value = v.to_string(),
                        max = max.to_string()
                    ),
                ));
            }
        }
        if !(b.work_info_hours <= b.work_notice_hours && b.work_notice_hours <= b.work_strong_hours)
        {
            return Err(err(
                "work_notice_hours",
                t!(
                    "config-balance-rise",
                    info = b.work_info_hours.to_string(),
                    notice = b.work_notice_hours.to_string(),
                    strong = b.work_strong_hours.to_string()
                ),
            ));
        }
        if !(1..=720).contains(&b.long_block_minutes) {
            return Err(err(
                "long_block_minutes",
                t!(
                    "config-long-block",
                    value = b.long_block_minutes.to_string()
                ),
            ));
        }
        if b.weekend_weeks > 4 {
            return Err(err(
                "weekend_weeks",
                t!("config-weekend-weeks", value = b.weekend_weeks.to_string()),
            ));
        }
        Ok(())
    }

    /// Checks `[breathing]`; returns warnings (a custom pattern faster than slow breathing).
    fn validate_breathing(&self, src: Source) -> Result<Vec<String>, ConfigError> {
        use crate::domain::breath;
        let b = &self.breathing;
        let key = |k: &'static str| [Seg::Key("breathing"), Seg::Key(k)];
        if let Err(e) = breath::resonance(b.resonance_per_minute) {
            return Err(src.error(
                &key("resonance_per_minute"),
                t!(
                    "config-key-problem",
                    key = "resonance_per_minute",
                    problem = e.to_string()
                ),
            ));
        }
        if let Err(e) = breath::box_breathing(b.box_seconds) {
            return Err(src.error(
                &key("box_seconds"),
                t!(
                    "config-key-problem",
                    key = "box_seconds",
                    problem = e.to_string()
                ),
            ));
        }
        if !(1..=8).contains(&b.cycles_478) {
            return Err(src.error(
                &key("cycles_478"),
                t!("config-cycles-478", value = b.cycles_478.to_string()),
            ));
        }
        if !(1..=240).contains(&b.snooze_minutes) {
            return Err(src.error(
                &key("snooze_minutes"),
                t!("config-snooze", value = b.snooze_minutes.to_string()),
            ));
        }
        if b.daily_goal > 24 {
            return Err(src.error(
                &key("daily_goal"),
                t!("config-daily-goal", value = b.daily_goal.to_string()),
            ));
        }
        let mut warnings = Vec::new();
        for i in 0..b.patterns.len() {
            warnings.extend(self.validate_pattern(src, i)?);
        }
        if b.pattern(&b.default_pattern).is_none() {
            let names: Vec<String> = b.patterns().into_iter().map(|p| p.id).collect();
            return Err(src.error(
                &key("default_pattern"),
                t!(
                    "config-default-pattern",
                    value = format!("{:?}", b.default_pattern),
                    known = names.join(", ")
                ),
            ));
        }
        Ok(warnings)
    }

    /// Checks the `i`th `[[breathing.pattern]]`: a new unique name, phases that make a
    /// pattern, a length in range. Returns its warnings.
    fn validate_pattern(&self, src: Source, i: usize) -> Result<Vec<String>, ConfigError> {
        use crate::domain::breath;
        let patterns = &self.breathing.patterns;
        let c = &patterns[i];
        let at = |k: &'static str| {
            [
                Seg::Key("breathing"),
                Seg::Key("pattern"),
                Seg::Index(i),
                Seg::Key(k),
            ]
        };
        if patterns[..i].iter().any(|o| o.name == c.name) {
            return Err(src.error(
                &at("name"),
                t!("config-pattern-twice", name = format!("{:?}", c.name)),
            ));
        }
        if breath::preset(&c.name).is_some() {
            return Err(src.error(
                &at("name"),
                t!("config-pattern-preset", name = format!("{:?}", c.name)),
            ));
        }
        let warnings = match breath::custom(&c.name, &c.phases) {
            Ok((_, w)) => {
                let place = src.place(&at("phases"));
                // The warning names the pattern already.
                w.into_iter().map(|w| format!("{place}: {w}")).collect()
            }
            Err(e) => {
                // Point at the phase itself when the error is about one.
                let mut at = at("phases").to_vec();
                if let Some(n) = breath::error_phase(&e) {
                    at.push(Seg::Index(n - 1));
                }
                return Err(src.error(
                    &at,
                    t!(
                        "config-pattern",
                        name = format!("{:?}", c.name),
                        problem = e.to_string()
                    ),
                ));
            }
        };
        if let Some(m) = c.minutes
            && !(m > 0.0 && m <= breath::MAX_MINUTES)
        {
            return Err(src.error(
                &at("minutes"),
                t!(
                    "config-pattern-minutes",
                    name = format!("{:?}", c.name),
                    value = m.to_string()
                ),
            ));
        }
        Ok(warnings)
    }

    /// Checks `[offline]`: every day rule parses, exception domains exist.
    fn validate_offline(&self, src: Source) -> Result<(), ConfigError> {
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
                return Err(src.error(
                    &[Seg::Key("offline"), Seg::Key(key)],
                    t!("config-offline-rule", key = key, problem = e.to_string()),
                ));
            }
        }
        for d in &o.focus_dnd_except {
            if !self.domains.iter().any(|x| &x.name == d) {
                return Err(src.error(
                    &[Seg::Key("offline"), Seg::Key("focus_dnd_except")],
                    t!(
                        "config-offline-except",
                        value = format!("{d:?}"),
                        known = self.domain_names().join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Checks `[import]`: the default and every mapped domain are domains, no empty tag.
    fn validate_import(&self, src: Source) -> Result<(), ConfigError> {
        let i = &self.import;
        let known = |d: &str| self.domains.iter().any(|x| x.name == d);
        if let Some(d) = &i.default_domain
            && !known(d)
        {
            return Err(src.error(
                &[Seg::Key("import"), Seg::Key("default_domain")],
                t!(
                    "config-import-default",
                    value = format!("{d:?}"),
                    known = self.domain_names().join(", ")
                ),
            ));
        }
        for (tag, d) in &i.domains {
            let at = [Seg::Key("import"), Seg::Key("domains"), Seg::Key(tag)];
            if tag.trim().is_empty() {
                return Err(src.error(&at, t!("config-import-empty-tag")));
            }
            if !known(d) {
                return Err(src.error(
                    &at,
                    t!(
                        "config-import-domain",
                        tag = format!("{tag:?}"),
                        value = format!("{d:?}"),
                        known = self.domain_names().join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Checks `[sound] file`: a path (absolute, or from `~/`); a file that isn't there is a
    /// warning, not an error (a moved sound file must not stop the timer).
    fn validate_sound(&self, src: Source) -> Result<Vec<String>, ConfigError> {
        let at = [Seg::Key("sound"), Seg::Key("file")];
        let (Some(raw), Some(file)) = (&self.sound.file, self.sound.file_path()) else {
            return Ok(Vec::new());
        };
        if !file.is_absolute() {
            return Err(src.error(
                &at,
                t!(
                    "config-sound-path",
                    value = format!("{:?}", raw.display().to_string())
                ),
            ));
        }
        if !file.is_file() {
            return Ok(vec![format!(
                "{}: {}",
                src.place(&at),
                t!("config-sound-missing", file = file.display().to_string())
            )]);
        }
        Ok(Vec::new())
    }

    /// Checks `[[calendar]]`: named, unique, an absolute (or `~/`) path, a known domain. A path
    /// that isn't there is a warning (a synced folder may appear later).
    fn validate_calendars(&self, src: Source) -> Result<Vec<String>, ConfigError> {
        let mut warnings = Vec::new();
        for (i, c) in self.calendars.iter().enumerate() {
            let at = |k: &'static str| [Seg::Key("calendar"), Seg::Index(i), Seg::Key(k)];
            if c.name.trim().is_empty() {
                return Err(src.error(
                    &[Seg::Key("calendar"), Seg::Index(i)],
                    t!("config-calendar-name"),
                ));
            }
            if self.calendars[..i].iter().any(|o| o.name == c.name) {
                return Err(src.error(
                    &at("name"),
                    t!("config-calendar-twice", name = format!("{:?}", c.name)),
                ));
            }
            if let Some(url) = &c.url {
                if !c.path.as_os_str().is_empty() {
                    return Err(src.error(
                        &at("url"),
                        t!("config-calendar-both", name = format!("{:?}", c.name)),
                    ));
                }
                if let Err(why) = crate::calendar::remote::http_url(url) {
                    return Err(src.error(
                        &at("url"),
                        t!(
                            "config-calendar-url",
                            name = format!("{:?}", c.name),
                            problem = why.to_string()
                        ),
                    ));
                }
                if c.refresh == 0 {
                    return Err(src.error(
                        &at("refresh"),
                        t!("config-calendar-refresh", name = format!("{:?}", c.name)),
                    ));
                }
            } else if c.path.as_os_str().is_empty() {
                return Err(src.error(
                    &[Seg::Key("calendar"), Seg::Index(i)],
                    t!("config-calendar-needs", name = format!("{:?}", c.name)),
                ));
            }
            let path = super::expand_home(&c.path);
            if c.url.is_none() && !path.is_absolute() {
                return Err(src.error(
                    &at("path"),
                    t!(
                        "config-calendar-path",
                        value = format!("{:?}", c.path.display().to_string())
                    ),
                ));
            }
            if !self.domains.iter().any(|d| d.name == c.domain) {
                return Err(src.error(
                    &at("domain"),
                    t!(
                        "config-calendar-domain",
                        name = format!("{:?}", c.name),
                        value = format!("{:?}", c.domain),
                        known = self.domain_names().join(", ")
                    ),
                ));
            }
            if c.url.is_none() && !path.exists() {
                warnings.push(format!(
                    "{}: {}",
                    src.place(&at("path")),
                    t!(
                        "config-calendar-missing",
                        name = format!("{:?}", c.name),
                        path = path.display().to_string()
                    )
                ));
            }
        }
        Ok(warnings)
    }

    /// Hooks whose program can't be run, located in the file. Not fatal when loading (a
    /// removed hook must never stop you from stopping a timer); `config check` fails on them.
    pub(super) fn hook_problems(&self, text: &str, path: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for event in ["start", "end", "break", "pause"] {
            let key = format!("on_{event}");
            if let Some(argv) = self.hooks.for_event(event)
                && let Err(e) = check_hook(argv)
            {
                let at = locate(text, &[Seg::Key("hooks"), Seg::Key(&key)])
                    .map(|(l, c)| format!(":{l}:{c}"))
                    .unwrap_or_default();
                out.push(format!(
                    "{}{at}: {}",
                    path.display(),
                    t!("config-hook", key = key.as_str(), problem = e)
                ));
            }
        }
        out
    }
}

/// A lowercase letter in any script (`é`, `ß`, `ñ`), or a letter without case; `#santé` is a
/// tag like `#work`.
fn is_lower_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase()
}

fn toml_error(text: &str, path: &Path, e: &toml::de::Error) -> ConfigError {
    let (line, column) = match e.span() {
        Some(span) => {
            let (l, c) = line_col(text, span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    let mut message = plain_types(e.message().trim());
    // Name the key whose value was refused (`key = value` on the error's line).
    if let Some(key) = e.span().and_then(|s| key_before(text, s.start))
        && !message.starts_with(key)
    {
        message = format!("{key}: {message}");
    }
    ConfigError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// serde's Rust type names in a message, in words: `expected f64` → `expected a number`.
fn plain_types(message: &str) -> String {
    let mut m = message.to_string();
    for (rust, words) in [
        ("expected f64", "config-expected-number"),
        ("expected f32", "config-expected-number"),
        ("expected u8", "config-expected-whole"),
        ("expected u16", "config-expected-whole"),
        ("expected u32", "config-expected-whole"),
        ("expected u64", "config-expected-whole"),
        ("expected usize", "config-expected-whole"),
        ("expected i64", "config-expected-integer"),
        ("expected a boolean", "config-expected-bool"),
    ] {
        if let Some(rest) = m.strip_suffix(rust) {
            m = format!("{rest}{}", crate::i18n::tr(words, None));
        }
    }
    m
}

/// The key of a `key = value` line whose value starts at byte `offset`.
fn key_before(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?;
    let line = before.rsplit('\n').next()?;
    let key = line.trim_end().strip_suffix('=')?.trim();
    let key = key.trim_matches('"');
    (!key.is_empty() && !key.contains(['[', '{', ','])).then_some(key)
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

/// Checks a hook's program exists (absolute path, or found on PATH) — for `config check`
/// to give a clear error.
fn check_hook(argv: &[String]) -> Result<(), String> {
    let Some(program) = argv.first() else {
        return Err(t!("config-hook-empty"));
    };
    if program.is_empty() {
        return Err(t!("config-hook-empty-program"));
    }
    // Like execvp: a name with a slash is a path, anything else is looked up on PATH.
    if program.contains('/') {
        let path = Path::new(program);
        return if is_executable(path) {
            Ok(())
        } else if path.exists() {
            Err(t!("config-hook-not-executable", program = program.as_str()))
        } else {
            Err(t!("config-hook-missing", program = program.as_str()))
        };
    }
    let path_var = std::env::var_os("PATH").unwrap_or_default();
    if std::env::split_paths(&path_var).any(|dir| is_executable(&dir.join(program))) {
        Ok(())
    } else {
        Err(t!(
            "config-hook-not-on-path",
            program = format!("{program:?}")
        ))
    }
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<(Config, Vec<String>), ConfigError> {
        Config::parse(text, Path::new("cfg.toml"))
    }

    #[test]
    fn errors_carry_line_and_column() {
        // (text, line, column, message fragment)
        let cases = [
            (
                "day_start = \"08:00\"\nwork_hours_per_day = \"eight\"\n",
                2,
                22,
                "work_hours_per_day: \"eight\" is not a length: expected a number of hours, like 8 or 7.5",
            ),
            (
                "[timer]\nbreak_after_minutes = 1.5\n",
                2,
                23,
                "break_after_minutes: 1.5 is not a whole number: expected a whole number of minutes",
            ),
            (
                "[breathing]\ndaily_goal = \"3\"\n",
                2,
                14,
                "daily_goal: invalid type: string \"3\", expected a whole number, 0 or more",
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
            (
                "[import]\ndefault_domain = \"job\"\n",
                2,
                1,
                "[import] default_domain = \"job\" is not one of the domains",
            ),
            (
                "[import]\ndomains = { \"client-a\" = \"work\", gym = \"fitness\" }\n",
                2,
                34,
                "\"gym\" = \"fitness\" is not one of the domains",
            ),
            (
                "[import]\ndomains = { \"\" = \"work\" }\n",
                2,
                13,
                "can't be empty",
            ),
            // `[keys]` is checked against the key table while reading: TOML's span.
            ("[keys]\nadd = [\"ctrl-\"]\n", 2, 7, "key"),
            ("[keys]\nad = [\"a\"]\n", 2, 1, "not an action"),
            (
                "[keys]\nlower = [\"x\", \"alt-\"]\n",
                2,
                9,
                "not understood",
            ),
            (
                "[[domain]]\nname = \"ok\"\n[[domain]]\nname = \"Bad Name\"\n",
                4,
                1,
                "lowercase word",
            ),
            (
                "[[domain]]\nname = \"ok\"\n[[domain]]\nname = \"x\"\ncolor = \"nope\"\n",
                5,
                9,
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

    /// `2h Deep work` in a template was a 2-hour box before French times; now it starts at
    /// 02:00, so a bare hour outside the day is pointed out. `9h Standup` inside the day,
    /// `20H30` (minutes: clearly a time) and `+2h …` / `45m …` lengths are not.
    #[test]
    fn a_bare_hour_outside_the_day_in_a_template_is_pointed_out() {
        let text = "[[template]]\nname = \"t\"\nboxes = [\n  \"9h Standup\",\n  \"2h Deep work #work\",\n  \"+2h Reading\",\n  \"45m Mail\",\n  \"20H30 Call\",\n]\n";
        let (_, w) = parse(text).unwrap();
        assert_eq!(w.len(), 1, "{w:#?}");
        assert!(w[0].starts_with("cfg.toml:5:3: template \"t\": \"2h Deep work #work\" starts at 02:00, outside your day (08:00–18:00)"), "{}", w[0]);
        assert!(w[0].ends_with("write \"+2h Deep work #work\""), "{}", w[0]);
    }

    #[test]
    fn unknown_keys_warn_with_location() {
        let (_, w) = parse("day_start = \"08:00\"\nwrok_hours_per_day = 7\n").unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("cfg.toml:2:1"), "{w:?}");
        assert!(w[0].contains("wrok_hours_per_day"), "{w:?}");
    }

    #[test]
    fn check_hook_cases() {
        assert!(check_hook(&[]).unwrap_err().contains("empty"));
        assert!(check_hook(&[String::new()]).is_err());
        assert_eq!(check_hook(&["sh".into()]), Ok(()));
        assert_eq!(check_hook(&["/bin/sh".into(), "-c".into()]), Ok(()));
        let err = check_hook(&["serein-no-such-program-xyz".into()]).unwrap_err();
        assert!(err.contains("not found on PATH"), "{err}");
        let err = check_hook(&["/nonexistent/x".into()]).unwrap_err();
        assert!(err.contains("does not exist"), "{err}");
        // A directory or a non-executable file is not a program.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        for p in [dir.path(), file.as_path()] {
            let err = check_hook(&[p.display().to_string()]).unwrap_err();
            assert!(err.contains("not an executable"), "{err}");
        }
    }

    /// The checks after parsing, in English as before issue 12 (byte for byte) and in
    /// French, still at file:line:column.
    #[test]
    fn checks_in_both_languages() {
        use crate::i18n::{Lang, with_lang};
        let cases: &[(&str, &str, &str)] = &[
            (
                "[[template]]\nname = \"a\"\nboxes = [\"25:00-26:00 x\"]\n",
                "cfg.toml:3:10: template \"a\": \"25:00-26:00 x\": \"25:00\": hours go from 00 to 23 (24:00 only as an end); accepted: 09:00-10:30 Title #domain · 14:00 +45m Title · 45m Title (next free slot)",
                "cfg.toml:3:10: modèle \"a\" : \"25:00-26:00 x\" : « 25:00 » : les heures vont de 00 à 23 (24:00 seulement comme fin) ; formes acceptées : 09:00-10:30 Titre #domaine · 14h +45m Titre · 45m Titre (1er créneau libre)",
            ),
            (
                "[[template]]\nname = \"\"\n",
                "cfg.toml:1:1: a [[template]] needs a name",
                "cfg.toml:1:1: un [[template]] a besoin d’un nom",
            ),
            (
                "[offline]\nweekdays = \"19h-25h\"\n",
                "cfg.toml:2:1: [offline] weekdays: window \"19h-25h\": bad end: \"25h\" has hour 25 (hours go 00-23; 24:00 is allowed only as an end); expected \"all\", \"none\", or one or more \"HH:MM-HH:MM\" windows separated by commas (e.g. \"19:00-08:00\", \"19h-8h\" or \"12:00-13:00, 19:00-08:00\")",
                "cfg.toml:2:1: [offline] weekdays : plage \"19h-25h\" : fin incorrecte : \"25h\" a l’heure 25 (les heures vont de 00 à 23 ; 24:00 seulement comme fin) ; attendu \"all\", \"none\", ou une ou plusieurs plages \"HH:MM-HH:MM\" séparées par des virgules (par exemple \"19:00-08:00\", \"19h-8h\" ou \"12:00-13:00, 19:00-08:00\")",
            ),
            (
                "[offline]\nfocus_dnd_except = [\"gym\"]\n",
                "cfg.toml:2:1: [offline] focus_dnd_except: \"gym\" is not a domain (work, personal, family, social, health)",
                "cfg.toml:2:1: [offline] focus_dnd_except : \"gym\" n’est pas un domaine (work, personal, family, social, health)",
            ),
            (
                "[[breathing.pattern]]\nname = \"mine\"\nphases = [[\"inhale\", 4], [\"exhale\", 25]]\n",
                "cfg.toml:3:26: pattern \"mine\": phase 2 (exhale): 25 s is too long; each phase lasts at most 20 s",
                "cfg.toml:3:26: exercice \"mine\" : phase 2 (exhale) : 25 s est trop long ; chaque phase dure au plus 20 s",
            ),
            (
                "[[breathing.pattern]]\nname = \"box\"\nphases = [[\"inhale\", 4], [\"exhale\", 4]]\n",
                "cfg.toml:2:1: pattern name \"box\" is a preset's; choose another name",
                "cfg.toml:2:1: le nom d’exercice \"box\" est celui d’un exercice fourni ; choisissez un autre nom",
            ),
            (
                "[breathing]\nresonance_per_minute = 8.0\n",
                "cfg.toml:2:1: resonance_per_minute: resonance rate 8 breaths/min is not accepted; use 4.5 to 7 in steps of 0.5",
                "cfg.toml:2:1: resonance_per_minute : le rythme de résonance de 8 respirations/min n’est pas accepté ; choisissez de 4.5 à 7 par pas de 0.5",
            ),
            (
                "[breathing]\ncycles_478 = 9\n",
                "cfg.toml:2:1: cycles_478 = 9: expected 1 to 8 (Weil: 4 at first, up to 8 after a month)",
                "cfg.toml:2:1: cycles_478 = 9 : attendu de 1 à 8 (Weil : 4 au début, jusqu’à 8 après un mois)",
            ),
            (
                "[breathing]\ndefault_pattern = \"nope\"\n",
                "cfg.toml:2:1: default_pattern = \"nope\": not a pattern; known: coherence, coherence-4-6, resonance, box, 478, sigh",
                "cfg.toml:2:1: default_pattern = \"nope\" : pas un exercice ; connus : coherence, coherence-4-6, resonance, box, 478, sigh",
            ),
            (
                "[balance]\nwork_info_hours = 50.0\nwork_notice_hours = 45.0\n",
                "cfg.toml:3:1: work hours thresholds must rise: work_info_hours (50) <= work_notice_hours (45) <= work_strong_hours (55)",
                "cfg.toml:3:1: les seuils d’heures de travail doivent monter : work_info_hours (50) <= work_notice_hours (45) <= work_strong_hours (55)",
            ),
            (
                "[balance]\ndaily_rest_hours = 30.0\n",
                "cfg.toml:2:1: daily_rest_hours = 30: expected a number of hours above 0 and at most 24",
                "cfg.toml:2:1: daily_rest_hours = 30 : attendu un nombre d’heures supérieur à 0 et au plus 24",
            ),
            (
                "[import]\ndomains = { \"\" = \"work\" }\n",
                "cfg.toml:2:13: [import] domains: a tag can't be empty; expected e.g. { \"gym\" = \"health\" }",
                "cfg.toml:2:13: [import] domains : une étiquette ne peut pas être vide ; attendu par exemple { \"gym\" = \"health\" }",
            ),
            (
                "[sound]\nfile = \"bell.wav\"\n",
                "cfg.toml:2:1: file = \"bell.wav\": expected an absolute path or one from your home, like \"~/sounds/bell.wav\"",
                "cfg.toml:2:1: file = \"bell.wav\" : attendu un chemin absolu ou depuis votre dossier personnel, comme \"~/sounds/bell.wav\"",
            ),
            (
                "[[calendar]]\nname = \"w\"\n",
                "cfg.toml:1:1: calendar \"w\" needs a path (an .ics file or a folder of them, like \"~/calendars/work.ics\") or a url (\"https://…\")",
                "cfg.toml:1:1: le calendrier \"w\" a besoin d’un chemin (un fichier .ics ou un dossier de fichiers .ics, comme \"~/calendars/work.ics\") ou d’une url (\"https://…\")",
            ),
            (
                "[[domain]]\nname = \"break\"\n",
                "cfg.toml:2:1: \"break\" is reserved for breaks (#break); choose another domain name",
                "cfg.toml:2:1: \"break\" est réservé aux pauses (#break) ; choisissez un autre nom de domaine",
            ),
        ];
        for (text, en, fr) in cases {
            let got = with_lang(Lang::En, || parse(text)).expect_err(text);
            assert_eq!(got.to_string(), *en, "{text:?}");
            let got = with_lang(Lang::Fr, || parse(text)).expect_err(text);
            assert_eq!(got.to_string(), *fr, "{text:?}");
        }
        // The file's own `language = "fr"` words its errors, whatever the environment.
        let text = "language = \"fr\"\n[offline]\nsaturday = \"all, 10h-12h\"\n";
        let got = with_lang(Lang::En, || parse(text)).unwrap_err().to_string();
        assert!(
            got.starts_with("cfg.toml:3:1: [offline] saturday : \"all\" doit être seul"),
            "{got}"
        );
    }

    #[test]
    fn warnings_in_both_languages() {
        use crate::i18n::{Lang, with_lang};
        let text = "[sound]\nfile = \"/nonexistent/bell.wav\"\n[[breathing.pattern]]\nname = \"fast\"\nphases = [[\"inhale\", 2], [\"exhale\", 2]]\n[hooks]\non_start = [\"/nonexistent/x\"]\n";
        let (_, en) = with_lang(Lang::En, || parse(text)).unwrap();
        assert_eq!(
            en,
            [
                "cfg.toml:5:1: pattern \"fast\" runs at 15 breaths/min: above 10 a minute this is no longer slow breathing",
                "cfg.toml:2:1: [sound] file /nonexistent/bell.wav: no such file; serein's own chime plays instead",
                "cfg.toml:7:1: [hooks] on_start: hook program /nonexistent/x does not exist (hooks run without a shell)",
            ]
        );
        let (_, fr) = with_lang(Lang::Fr, || parse(text)).unwrap();
        assert_eq!(
            fr,
            [
                "cfg.toml:5:1: l’exercice « fast » va à 15 respirations/min : au-delà de 10 par minute, ce n’est plus une respiration lente",
                "cfg.toml:2:1: [sound] fichier /nonexistent/bell.wav : introuvable ; le carillon de serein joue à la place",
                "cfg.toml:7:1: [hooks] on_start : le programme du hook /nonexistent/x n’existe pas (les hooks sont lancés sans shell)",
            ]
        );
    }
}
