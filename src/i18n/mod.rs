//! The words a person reads, in English or French (Fluent).
//!
//! Texts live in `locales/<lang>/<area>.ftl`, embedded at build time (build.rs makes the
//! table). A message id starts with its area (`today-…` is in `today.ftl`), so only the
//! areas a command uses are parsed, once, on first use. English is the fallback for any
//! message a language lacks; the tests fail on a missing or extra French message.
//!
//! Code asks with [`t!`](crate::t): `t!("today-empty")`, `t!("plan-added", id = 3, title = t)`.
//! The language is chosen once at start ([`set`], from `language =` in the config, else
//! `LC_ALL`, `LC_MESSAGES`, `LANG`); tests render in a language on one thread with
//! [`with_lang`] so parallel tests don't disturb each other.

mod dates;
mod problems;

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use dates::{DateStyle, date, month_name, weekday_name};
pub use problems::accepted_forms;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A language serein speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// Every language, English (the fallback) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// Its code, as written in the config (`language = "fr"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language of a config value or a POSIX locale name (`fr`, `fr_FR.UTF-8`,
    /// `fr-CA`, `French`); `None` for a language serein doesn't speak (`C`, `de_DE`).
    pub fn from_code(s: &str) -> Option<Lang> {
        let lang = s
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" | "english" | "c" | "posix" => Some(Lang::En),
            "fr" | "french" | "français" | "francais" => Some(Lang::Fr),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The language from the config value if set, else from the environment the way POSIX
/// programs choose their messages: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
/// and not empty decides (a language serein doesn't speak means English). Pure: `env` is
/// the variable lookup.
pub fn detect(config: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(l) = config {
        return l;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| env(k).filter(|v| !v.is_empty()))
        .map(|v| Lang::from_code(&v).unwrap_or(Lang::En))
        .next()
        .unwrap_or(Lang::En)
}

/// [`detect`] on the process environment.
pub fn detect_from_env(config: Option<Lang>) -> Lang {
    detect(config, |k| std::env::var(k).ok())
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the process's language (at start, and again once the config is read).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language texts are given in on this thread.
pub fn lang() -> Lang {
    OVERRIDE.with(Cell::get).unwrap_or_else(|| {
        if CURRENT.load(Ordering::Relaxed) == Lang::Fr as u8 {
            Lang::Fr
        } else {
            Lang::En
        }
    })
}

/// Runs `f` with texts in `lang` on this thread (tests and snapshots in both languages).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|c| c.replace(Some(lang))));
    f()
}

type Bundle = FluentBundle<FluentResource>;

const N: usize = AREAS.len();
static BUNDLES: [[OnceLock<Option<Bundle>>; N]; 2] = [
    [const { OnceLock::new() }; N],
    [const { OnceLock::new() }; N],
];

/// The parsed messages of one area in one language (`None`: that language has no file for
/// it). Parsed once, on first use.
fn bundle(lang: Lang, area: usize) -> Option<&'static Bundle> {
    BUNDLES[lang.index()][area]
        .get_or_init(|| {
            let (_, en, fr) = AREAS[area];
            let src = match lang {
                Lang::En => en,
                Lang::Fr => fr,
            };
            if src.is_empty() {
                return None;
            }
            let locale = lang.code().parse().expect("a valid language id");
            let mut b = FluentBundle::new_concurrent(vec![locale]);
            // No Unicode isolation marks around arguments: terminals show them as gaps.
            b.set_use_isolating(false);
            // A syntax error is caught by the tests; the rest of the file still works.
            let res = FluentResource::try_new(src.to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = b.add_resource(res);
            Some(b)
        })
        .as_ref()
}

fn area_of(key: &str) -> Option<usize> {
    let prefix = key.split('-').next()?;
    AREAS.iter().position(|(a, _, _)| *a == prefix)
}

/// Arguments for a message (`$name` in the .ftl file).
#[derive(Default)]
pub struct Args(FluentArgs<'static>);

impl Args {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `$name`. Numbers stay numbers so plural rules can choose (`one`/`other`).
    pub fn set(&mut self, name: &'static str, value: impl IntoArg) {
        self.0.set(name, value.into_arg());
    }
}

/// A value a message can take: text or a number.
pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}
impl IntoArg for std::borrow::Cow<'_, str> {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.into_owned())
    }
}
macro_rules! number_arg {
    ($($t:ty)*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize f32 f64);

/// The message `key` in the current language (English if the language lacks it), with
/// `args`. An unknown key gives the key itself, so a gap shows instead of crashing; the
/// tests check every key used in the code exists.
pub fn tr(key: &str, args: Option<&Args>) -> String {
    let Some(area) = area_of(key) else {
        debug_assert!(false, "i18n: no locales file for message {key:?}");
        return key.to_owned();
    };
    let lang = lang();
    let langs: &[Lang] = if lang == Lang::En {
        &[Lang::En]
    } else {
        &[lang, Lang::En]
    };
    for &l in langs {
        let Some(b) = bundle(l, area) else { continue };
        let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let out = b.format_pattern(pattern, args.map(|a| &a.0), &mut errors);
        debug_assert!(
            errors.is_empty(),
            "i18n: message {key:?} ({}): {errors:?}",
            l.code()
        );
        return out.into_owned();
    }
    debug_assert!(false, "i18n: no message {key:?}");
    key.to_owned()
}

/// A message by key, in the current language: `t!("key")` or `t!("key", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::tr($key, None)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::tr($key, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
