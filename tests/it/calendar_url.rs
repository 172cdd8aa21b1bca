//! Calendar sources at a URL (`[[calendar]] url = …`), against a loopback HTTP server written
//! here on `std::net::TcpListener`: a good calendar, `304` on `If-None-Match`, a `500`, a web
//! page, a broken or cut-off body, a server that never answers, a closed port. After every
//! failure the cache keeps the last good copy and its meetings still show.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};

use crate::Env;

/// What the server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// The calendar, `ETag: "v<version>"`; `304` when asked with that ETag.
    Calendar,
    /// The calendar, only once the test opens the gate.
    Gated,
    Status500,
    Html,
    /// A calendar whose VEVENT is never closed (a complete HTTP answer).
    Broken,
    /// `Content-Length` promises more than is sent before the connection closes.
    CutOff,
    /// Reads the request and never answers.
    Hang,
}

struct State {
    answer: Answer,
    body: String,
    version: u32,
    /// Each request's head, as received.
    requests: Vec<String>,
    gate_open: bool,
}

/// A loopback HTTP/1.1 server, one thread per connection.
struct Server {
    port: u16,
    state: Arc<(Mutex<State>, Condvar)>,
}

/// A meeting at 11:00–11:30 on 2026-11-23 (the tests' day), one all-day event.
fn calendar(title: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
         BEGIN:VEVENT\r\nDTSTART:20261123T100000Z\r\nDTEND:20261123T103000Z\r\n\
         UID:standup@google.com\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261123\r\nDTEND;VALUE=DATE:20261124\r\n\
         UID:offsite@google.com\r\nSUMMARY:Offsite\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

fn respond(mut s: TcpStream, head: &str, extra: &str, body: &str) {
    let _ = write!(
        s,
        "HTTP/1.1 {head}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

impl Server {
    fn start(answer: Answer) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new((
            Mutex::new(State {
                answer,
                body: calendar("Standup"),
                version: 1,
                requests: Vec::new(),
                gate_open: false,
            }),
            Condvar::new(),
        ));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || serve(conn, &shared));
            }
        });
        Server { port, state }
    }

    fn url(&self) -> String {
        // A secret in the path and the query, as Google's private addresses have.
        format!(
            "http://127.0.0.1:{}/calendar/ical/private-s3cr3t/basic.ics?token=hush",
            self.port
        )
    }

    fn set(&self, answer: Answer) {
        self.state.0.lock().unwrap().answer = answer;
    }

    fn publish(&self, title: &str) {
        let mut st = self.state.0.lock().unwrap();
        st.body = calendar(title);
        st.version += 1;
    }

    fn open_gate(&self) {
        self.state.0.lock().unwrap().gate_open = true;
        self.state.1.notify_all();
    }

    fn requests(&self) -> Vec<String> {
        self.state.0.lock().unwrap().requests.clone()
    }
}

fn serve(mut conn: TcpStream, shared: &(Mutex<State>, Condvar)) {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let (answer, body, etag) = {
        let mut st = shared.0.lock().unwrap();
        st.requests.push(head.clone());
        (st.answer, st.body.clone(), format!("\"v{}\"", st.version))
    };
    let asked = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("if-none-match")
                .then(|| v.trim().to_string())
        })
        .unwrap_or_default();
    let cal = "Content-Type: text/calendar; charset=utf-8\r\n";
    match answer {
        Answer::Calendar | Answer::Gated => {
            if answer == Answer::Gated {
                let mut st = shared.0.lock().unwrap();
                while !st.gate_open {
                    st = shared.1.wait(st).unwrap();
                }
            }
            if asked == etag {
                respond(conn, "304 Not Modified", &format!("ETag: {etag}\r\n"), "");
            } else {
                respond(conn, "200 OK", &format!("{cal}ETag: {etag}\r\n"), &body);
            }
        }
        Answer::Status500 => respond(conn, "500 Internal Server Error", "", "oops"),
        Answer::Html => respond(
            conn,
            "200 OK",
            "Content-Type: text/html\r\n",
            "<!DOCTYPE html>\n<html><body>Sign in to continue</body></html>\n",
        ),
        Answer::Broken => respond(
            conn,
            "200 OK",
            cal,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261123T1000",
        ),
        Answer::CutOff => {
            let half = &body[..body.len() / 2];
            let _ = write!(
                conn,
                "HTTP/1.1 200 OK\r\n{cal}Content-Length: {}\r\nConnection: close\r\n\r\n{half}",
                body.len()
            );
        }
        Answer::Hang => {
            // Hold the connection until the client gives up and closes it.
            let _ = conn.read(&mut buf);
        }
    }
}

fn config(env: &Env, url: &str) {
    env.write_config(&format!(
        "[[calendar]]\nname = \"work\"\nurl = \"{url}\"\nrefresh = \"15m\"\n"
    ));
}

/// `serein calendar …` with a short fetch timeout: (exit code, stdout, stderr).
fn run(env: &Env, args: &[&str]) -> (i32, String, String) {
    let out = env
        .cmd()
        .env("SEREIN_CALENDAR_TIMEOUT_MS", "400")
        .arg("calendar")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The one cache file (and its `.meta`) under the test's home.
fn cache(env: &Env) -> std::path::PathBuf {
    let dir = env.path().join(".cache/serein/calendars");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ics"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

const DAY: [&str; 3] = ["list", "--date", "2026-11-23"];

#[test]
fn sync_downloads_then_asks_conditionally_and_keeps_the_last_good_copy_through_failures() {
    let server = Server::start(Answer::Calendar);
    let env = Env::new();
    config(&env, &server.url());
    let port = server.port;
    let shown = format!("http://127.0.0.1:{port}/…");

    // Never synced: check and list say so, without failing.
    let (code, out, _) = run(&env, &["check"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "· work: never synced (serein calendar sync)\n")
    );
    let (code, out, _) = run(&env, &DAY);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("no meetings on 2026-11-23\nwork: {shown} never synced (serein calendar sync)\n")
    );

    let (code, out, err) = run(&env, &["sync"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "work: 2 events (updated)\n"),
        "{err}"
    );
    let file = cache(&env);
    let good = std::fs::read(&file).unwrap();
    assert_eq!(good, calendar("Standup").as_bytes());
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "cache mode {mode:o}");
    }
    assert!(
        server.requests()[0]
            .starts_with("GET /calendar/ical/private-s3cr3t/basic.ics?token=hush HTTP/1.1")
    );

    // The URL source's meetings, read from the cache like a file.
    let (code, out, _) = run(&env, &DAY);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "all day      Offsite  #work  (work)\n11:00-11:30  Standup  #work  (work)\nwork: {shown} synced just now\n"
        )
    );
    let (code, out, _) = run(&env, &["check"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            format!("✓ work: {shown}, synced just now (2 events)\n").as_str()
        )
    );

    // Unchanged: a conditional request, answered 304.
    let (code, out, _) = run(&env, &["sync", "work"]);
    assert_eq!((code, out.as_str()), (0, "work: not modified\n"));
    let second = server.requests()[1].to_ascii_lowercase();
    assert!(second.contains("if-none-match: \"v1\""), "{second}");

    // Every failure: a line naming the calendar, the address without its secret, and what was
    // wrong; exit 1; the cache untouched.
    let cases = [
        (
            Answer::Status500,
            "HTTP 500 Internal Server Error".to_string(),
        ),
        (
            Answer::Html,
            "the server sent a web page (HTML), not an iCalendar file".to_string(),
        ),
        (
            Answer::Broken,
            "downloaded file, line 3: BEGIN:VEVENT is never closed".to_string(),
        ),
        (Answer::CutOff, "the download broke off".to_string()),
        (Answer::Hang, "no complete answer within 0.4 s".to_string()),
    ];
    for (answer, why) in cases {
        server.set(answer);
        server.publish("Changed");
        let (code, out, err) = run(&env, &["sync"]);
        assert_eq!(code, 1, "{answer:?}: {out}{err}");
        assert!(
            out.starts_with(&format!("work: {shown}: {why}"))
                && out.ends_with("(keeping the last good copy)\n"),
            "{answer:?}: {out}"
        );
        assert!(!out.contains("s3cr3t") && !out.contains("hush"), "{out}");
        assert!(
            err.contains("1 calendar(s) could not be downloaded"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            good,
            "{answer:?}: cache kept"
        );
        let (_, list, _) = run(&env, &DAY);
        assert!(list.contains("11:00-11:30  Standup"), "{answer:?}: {list}");
    }

    // Back up: the new copy replaces the old.
    server.set(Answer::Calendar);
    let (code, out, _) = run(&env, &["sync"]);
    assert_eq!((code, out.as_str()), (0, "work: 2 events (updated)\n"));
    let (_, list, _) = run(&env, &DAY);
    assert!(list.contains("11:00-11:30  Changed"), "{list}");
}

#[test]
fn sync_errors_name_the_calendar_refused_connections_and_unknown_names() {
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let env = Env::new();
    env.write_config(&format!(
        "[[calendar]]\nname = \"home\"\nurl = \"http://127.0.0.1:{port}/cal.ics\"\n\
         [[calendar]]\nname = \"file\"\npath = \"/nowhere.ics\"\n"
    ));
    let (code, out, _) = run(&env, &["sync"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!("home: http://127.0.0.1:{port}/…: connection refused (nothing downloaded yet)\n")
    );
    let (code, _, err) = run(&env, &["sync", "nope"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no [[calendar]] named \"nope\" (configured: home, file)"),
        "{err}"
    );
    let (code, _, err) = run(&env, &["sync", "file"]);
    assert_eq!(code, 2);
    assert!(err.contains("is a file, not a url"), "{err}");
}

#[test]
fn url_config_errors_point_at_the_key() {
    let cases = [
        (
            "[[calendar]]\nname = \"a\"\npath = \"/x.ics\"\nurl = \"https://example.org/a.ics\"\n",
            "config.toml:4:1",
            "has both a path and a url",
        ),
        (
            "[[calendar]]\nname = \"a\"\nurl = \"ftp://example.org/a.ics\"\n",
            "config.toml:3:1",
            "expected https://…, webcal://… or http://…",
        ),
        (
            "[[calendar]]\nname = \"a\"\nurl = \"webcal://example.org/a.ics\"\nrefresh = \"soon\"\n",
            "config.toml:4:",
            "\"soon\" is not a length",
        ),
        (
            "[[calendar]]\nname = \"a\"\n",
            "config.toml:1:1",
            "needs a path (an .ics file or a folder of them, like \"~/calendars/work.ics\") or a url",
        ),
    ];
    for (text, at, why) in cases {
        let env = Env::new();
        env.write_config(text);
        let (code, _, err) = run(&env, &["check"]);
        assert_eq!(code, 2, "{text}: {err}");
        assert!(err.contains(at) && err.contains(why), "{text}: {err}");
    }
}

/// The real TUI: the download runs in the background (the server holds its answer until the
/// test lets it go, and the TUI answers keys meanwhile), then the meeting shows on Today.
#[test]
fn the_tui_fetches_in_the_background_and_shows_the_meeting() {
    use crate::e2e::Tmux;
    if !Tmux::available() {
        return;
    }
    let server = Server::start(Answer::Gated);
    let env = Env::new();
    config(&env, &server.url());
    let tmux = Tmux::start(&env, 100, 30);
    tmux.wait_for("no boxes on this day");
    // The request is out and unanswered; the TUI still takes keys.
    let start = std::time::Instant::now();
    while server.requests().is_empty() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "no request came"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    tmux.keys(&["?"]);
    tmux.wait_for("any key closes this help");
    tmux.keys(&["Escape"]);
    tmux.wait_for("no boxes on this day");
    server.open_gate();
    let screen = tmux.wait_for("◆ Standup");
    assert!(screen.contains("◆ Offsite"), "{screen}");
    tmux.quit();
    assert_eq!(server.requests().len(), 1, "one download at start");
}

/// A download that fails in the background is said in the TUI's status line, naming the
/// calendar and the address without its secret; the TUI goes on.
#[test]
fn the_tui_says_when_a_background_download_fails() {
    use crate::e2e::Tmux;
    if !Tmux::available() {
        return;
    }
    let server = Server::start(Answer::Status500);
    let env = Env::new();
    config(&env, &server.url());
    let tmux = Tmux::start(&env, 140, 30);
    let screen = tmux.wait_for("HTTP 500 Internal Server Error");
    let want = format!(
        "calendar “work” (http://127.0.0.1:{}/…): HTTP 500 Internal Server Error (nothing downloaded yet)",
        server.port
    );
    assert!(screen.contains(&want), "{screen}");
    assert!(!screen.contains("s3cr3t"), "{screen}");
    tmux.quit();
}
