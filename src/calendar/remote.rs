//! Calendar sources at a URL (`[[calendar]] url = "https://…"`): downloaded into a cache file
//! that is then read exactly like a local `.ics` file.
//!
//! HTTP is `ureq` (blocking, small, rustls with ring: no OpenSSL, no cmake); it is only ever
//! called off the run loop (a thread of `shell::effects::fetch`) or by `serein calendar sync`.
//! A download replaces the cache only once it parses; anything else keeps the last good copy.
//! The ETag and Last-Modified of the last download are kept next to the cache (`.meta`) and
//! sent back (`If-None-Match`, `If-Modified-Since`), so an unchanged calendar costs a `304`.
//! The `.meta` file's modification time is the last successful check.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::calendar::ics;

/// Where a URL source is fetched from and how often.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Remote {
    /// As configured (webcal:// included); see [`http_url`].
    pub url: String,
    /// How often it is fetched again.
    pub refresh: Duration,
}

/// The whole request (connect, headers and body) must be done within this.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// A calendar larger than this is refused (a year of a busy calendar is a few MB).
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// The fetch timeout: [`TIMEOUT`], or `SEREIN_CALENDAR_TIMEOUT_MS` (tests use a short one).
pub fn timeout() -> Duration {
    std::env::var("SEREIN_CALENDAR_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map_or(TIMEOUT, Duration::from_millis)
}

/// The URL to request: `webcal://` and `webcals://` are `https://`; `http://` and `https://` as
/// they are. Anything else is an error saying what is accepted.
pub fn http_url(url: &str) -> Result<String, String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    for (from, to) in [
        ("webcals://", "https://"),
        ("webcal://", "https://"),
        ("https://", "https://"),
        ("http://", "http://"),
    ] {
        if lower.starts_with(from) {
            let rest = &u[from.len()..];
            if rest.is_empty() || rest.starts_with('/') {
                return Err(format!("{url:?} has no host"));
            }
            return Ok(format!("{to}{rest}"));
        }
    }
    Err(format!(
        "{url:?} is not a calendar address: expected https://…, webcal://… or http://…"
    ))
}

/// The URL as shown in messages: scheme and host only (no user, password, path or query:
/// Google's and Outlook's private addresses carry their secret in the path).
pub fn redact(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let more = rest.len() > authority.len() && !matches!(&rest[authority.len()..], "" | "/");
    format!(
        "{}://{host}{}",
        scheme.to_ascii_lowercase(),
        if more { "/…" } else { "" }
    )
}

/// FNV-1a: a short, stable name part for a URL (std's hasher may change between releases).
fn short_hash(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", (h >> 32) ^ (h & 0xffff_ffff))
}

/// `$XDG_CACHE_HOME/serein/calendars` (or the platform's cache folder).
pub fn cache_dir() -> PathBuf {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .map(|b| b.cache_dir())
        .unwrap_or_else(|_| std::env::temp_dir())
        .join("serein")
        .join("calendars")
}

/// The cache file of source `name` at `url`: `<name>-<hash of url>.ics`, so a changed URL
/// never shows the old address's meetings.
pub fn cache_file(name: &str, url: &str) -> PathBuf {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    cache_dir().join(format!("{safe}-{}.ics", short_hash(url.trim())))
}

/// The validators of the cached copy, kept beside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The `.meta` file beside a cache file.
pub fn meta_file(cache: &Path) -> PathBuf {
    cache.with_extension("meta")
}

impl Meta {
    pub fn read(path: &Path) -> Meta {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let mut m = Meta::default();
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("etag: ") {
                m.etag = Some(v.to_string());
            } else if let Some(v) = line.strip_prefix("last-modified: ") {
                m.last_modified = Some(v.to_string());
            }
        }
        m
    }

    fn text(&self) -> String {
        let mut s = String::new();
        if let Some(e) = &self.etag {
            s.push_str(&format!("etag: {e}\n"));
        }
        if let Some(l) = &self.last_modified {
            s.push_str(&format!("last-modified: {l}\n"));
        }
        s
    }
}

/// When the source was last checked successfully (downloaded or found unchanged).
pub fn checked(cache: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(meta_file(cache))
        .or_else(|_| std::fs::metadata(cache))
        .ok()?;
    meta.modified().ok()
}

/// What a successful fetch did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Synced {
    /// A new copy, parsed, replaced the cache: its number of events.
    Updated(usize),
    /// The server says the cached copy is current (`304`).
    NotModified,
}

/// A background download's news: the source's name and what it did, or why it failed.
pub type Fetched = Result<(String, Synced), SyncError>;

/// Why a fetch failed, in words (the calendar and the redacted URL are added by
/// [`SyncError`]'s `Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncError {
    pub name: String,
    /// [`redact`]ed.
    pub url: String,
    pub message: String,
    /// A last good copy is kept in the cache (its meetings still show).
    pub kept: bool,
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "calendar “{}” ({}): {} ({})",
            self.name,
            self.url,
            self.message,
            if self.kept {
                "keeping the last good copy"
            } else {
                "nothing downloaded yet"
            }
        )
    }
}

impl std::error::Error for SyncError {}

/// A transport error in words.
fn describe(e: &ureq::Error, timeout: Duration) -> String {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => format!("no complete answer within {} s", timeout.as_secs_f64()),
        E::HostNotFound => "host not found (DNS)".into(),
        E::ConnectionFailed => "could not connect".into(),
        E::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused".into()
        }
        E::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            format!("no complete answer within {} s", timeout.as_secs_f64())
        }
        E::Io(io) => format!("the download broke off: {io}"),
        E::BodyExceedsLimit(n) => format!("larger than {} MB", n / (1024 * 1024)),
        E::TooManyRedirects => "too many redirects".into(),
        E::Tls(why) => format!("TLS: {why}"),
        other => other.to_string(),
    }
}

/// Whether a body that isn't iCalendar looks like a web page (a login or error page).
fn looks_like_html(body: &str) -> bool {
    let head: String = body
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with('<')
}

/// Checks a downloaded body: iCalendar that serein reads. Returns its events' count.
pub fn check_body(body: &str) -> Result<usize, String> {
    let text = body.trim_start_matches('\u{feff}');
    let start = text.trim_start();
    if !start
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Err(if looks_like_html(start) {
            "the server sent a web page (HTML), not an iCalendar file: is this the calendar's \
             export (ICS) address?"
                .into()
        } else {
            format!(
                "not an iCalendar file: it begins with {:?}, expected BEGIN:VCALENDAR",
                start.chars().take(30).collect::<String>()
            )
        });
    }
    match ics::parse(text) {
        Ok(events) => Ok(events.len()),
        Err(e) => Err(match e.line {
            Some(l) => format!("downloaded file, line {l}: {}", e.message),
            None => format!("downloaded file: {}", e.message),
        }),
    }
}

/// Writes `bytes` to `path` through a temporary file renamed over it (readers see the old or
/// the new file, never half of one), readable by the user only.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("cache"),
        std::process::id()
    ));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Fetches source `name` (cached at `cache`) now: a conditional request when a copy is
/// cached; a body that parses replaces the cache. Blocking: call it off the run loop.
pub fn sync(
    name: &str,
    remote: &Remote,
    cache: &Path,
    timeout: Duration,
) -> Result<Synced, SyncError> {
    let kept = cache.exists();
    let fail = |message: String| SyncError {
        name: name.to_string(),
        url: redact(&remote.url),
        message,
        kept,
    };
    let url = http_url(&remote.url).map_err(fail)?;
    let meta_path = meta_file(cache);
    let meta = if kept {
        Meta::read(&meta_path)
    } else {
        Meta::default()
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("serein/", env!("CARGO_PKG_VERSION")))
        .accept("text/calendar, */*;q=0.5")
        .build()
        .into();
    let mut req = agent.get(&url);
    if let Some(e) = &meta.etag {
        req = req.header("If-None-Match", e);
    }
    if let Some(l) = &meta.last_modified {
        req = req.header("If-Modified-Since", l);
    }
    let mut resp = req.call().map_err(|e| fail(describe(&e, timeout)))?;
    let status = resp.status();
    let header = |n: &str| {
        resp.headers()
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let fresh = Meta {
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    if status.as_u16() == 304 && kept {
        // Unchanged: only the time of the check moves (the .meta file's mtime).
        let keep = Meta {
            etag: fresh.etag.or(meta.etag),
            last_modified: fresh.last_modified.or(meta.last_modified),
        };
        write_atomic(&meta_path, keep.text().as_bytes())
            .map_err(|e| fail(format!("cannot write the cache: {e}")))?;
        return Ok(Synced::NotModified);
    }
    if !status.is_success() {
        return Err(fail(
            format!(
                "HTTP {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim_end()
            .to_string(),
        ));
    }
    let body = resp
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| fail(describe(&e, timeout)))?;
    let text = String::from_utf8_lossy(&body);
    let events = check_body(&text).map_err(fail)?;
    write_atomic(cache, &body).map_err(|e| fail(format!("cannot write the cache: {e}")))?;
    write_atomic(&meta_path, fresh.text().as_bytes())
        .map_err(|e| fail(format!("cannot write the cache: {e}")))?;
    Ok(Synced::Updated(events))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            http_url("webcal://example.org/cal.ics").unwrap(),
            "https://example.org/cal.ics"
        );
        assert_eq!(
            http_url("WEBCALS://example.org/x").unwrap(),
            "https://example.org/x"
        );
        assert_eq!(
            http_url("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080/"
        );
        for bad in [
            "ftp://x/cal.ics",
            "/home/me/cal.ics",
            "https://",
            "example.org/cal.ics",
        ] {
            assert!(http_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn secrets_are_not_shown() {
        let cases = [
            (
                "https://calendar.google.com/calendar/ical/me%40gmail.com/private-0123abcd/basic.ics",
                "https://calendar.google.com/…",
            ),
            (
                "https://user:pw@dav.example.org/cal?token=s3cret",
                "https://dav.example.org/…",
            ),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
            ("webcal://example.org", "webcal://example.org"),
        ];
        for (url, shown) in cases {
            assert_eq!(redact(url), shown, "{url}");
        }
    }

    #[test]
    fn cache_names_are_stable_and_differ_by_url() {
        let a = cache_file("work", "https://a.example/x.ics");
        let b = cache_file("work", "https://b.example/x.ics");
        assert_ne!(a, b);
        assert_eq!(a, cache_file("work", "https://a.example/x.ics"));
        let n = a.file_name().unwrap().to_str().unwrap();
        assert!(
            n.starts_with("work-") && n.ends_with(".ics") && n.len() == 17,
            "{n}"
        );
        // FNV-1a of "" is 0xcbf29ce484222325: the name part folds its halves.
        assert_eq!(
            short_hash(""),
            format!("{:08x}", 0xcbf2_9ce4_u64 ^ 0x8422_2325)
        );
    }

    #[test]
    fn bodies_are_checked() {
        assert_eq!(
            check_body(
                "\u{feff}BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261207T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            ),
            Ok(1)
        );
        assert!(
            check_body("<!DOCTYPE html><html>Sign in</html>")
                .unwrap_err()
                .contains("HTML")
        );
        assert!(
            check_body("{\"error\": 1}")
                .unwrap_err()
                .contains("BEGIN:VCALENDAR")
        );
        let cut = check_body("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026120").unwrap_err();
        assert!(
            cut.contains("line 2") && cut.contains("never closed"),
            "{cut}"
        );
    }
}
