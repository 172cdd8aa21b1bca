//! The KDE Plasma DND backend against a FAKE Plasma notification server, served by this
//! test process itself (zbus `#[interface]`) in a private `dbus-run-session` with temp
//! HOME/XDG dirs — no real Plasma is needed. Same self re-exec pattern as tests/dnd.rs: the
//! test re-invokes this binary inside `dbus-run-session` with `DND_KDE_TEST_INNER=<test>`,
//! and the outer process drops `DBUS_SESSION_BUS_ADDRESS` and friends, so the developer's
//! session is never touched. The bus config has an empty service dir: nothing can be
//! activated.
//!
//! The fake does what `KDE/plasma-workspace` `libnotificationmanager/server_p.cpp` does:
//! `Inhibit` records the caller's unique name with the cookie, and when that name leaves the
//! bus (`NameOwnerChanged` with an empty new owner) every cookie of it is released.
//!
//! With `CI=true` a missing `dbus-run-session` fails the test; otherwise it is skipped.

#[path = "support/skip.rs"]
mod skip;
use skip::skip;
#[path = "support/sandbox.rs"]
mod sandbox;

use std::collections::HashMap;
use std::env;
use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serein::notify::dnd::{Dnd, DndError, KdeDnd, Prior, detect};
use zbus::message::Header;
use zbus::object_server::SignalEmitter;

use sandbox::{journal_round_trip, run_phase, sandbox_env, sandbox_tree, which};

const INNER: &str = "DND_KDE_TEST_INNER";
const SANDBOX: &str = "DND_KDE_TEST_DIR";
const NAME: &str = "kde_dnd";
const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
const INNER_TIMEOUT: Duration = Duration::from_secs(60);

#[test]
fn kde_dnd() {
    if env::var(INNER).as_deref() == Ok(NAME) {
        let dir = PathBuf::from(env::var_os(SANDBOX).expect("inner phase without sandbox dir"));
        assert_eq!(
            env::var_os("HOME").as_deref(),
            Some(dir.as_os_str()),
            "inner phase must run with the sandbox HOME"
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        return rt.block_on(inner());
    }
    if which("dbus-run-session").is_none() {
        skip(&format!("{NAME}: dbus-run-session is not installed"));
        return;
    }
    outer();
}

// ---------------------------------------------------------------- the fake Plasma

/// One `Inhibit` as the fake saw it.
#[derive(Debug, Clone)]
struct Inhibition {
    /// The caller's unique name (what Plasma keys the release on).
    owner: String,
    /// Where the call was addressed: must be the unique name, never the well-known one.
    destination: String,
    desktop_entry: String,
    reason: String,
    hints: usize,
}

#[derive(Default)]
struct State {
    next_cookie: u32,
    inhibitions: HashMap<u32, Inhibition>,
    /// Every call (method name) the fake served, in order.
    calls: Vec<String>,
}

type Shared = Arc<Mutex<State>>;

struct FakePlasma {
    name: String,
    vendor: String,
    capabilities: Vec<String>,
    state: Shared,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl FakePlasma {
    fn get_server_information(&self) -> (String, String, String, String) {
        self.state
            .lock()
            .unwrap()
            .calls
            .push("GetServerInformation".into());
        (
            self.name.clone(),
            self.vendor.clone(),
            "6.0".into(),
            "1.2".into(),
        )
    }

    fn get_capabilities(&self) -> Vec<String> {
        self.state
            .lock()
            .unwrap()
            .calls
            .push("GetCapabilities".into());
        self.capabilities.clone()
    }

    async fn inhibit(
        &self,
        desktop_entry: String,
        reason: String,
        hints: HashMap<String, zbus::OwnedVariant>,
        #[zbus(header)] hdr: Header<'_>,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) -> zbus::fdo::Result<u32> {
        if desktop_entry.is_empty() {
            return Err(zbus::fdo::Error::InvalidArgs(
                "No meaningful desktop_entry provided".into(),
            ));
        }
        let cookie = {
            let mut st = self.state.lock().unwrap();
            st.calls.push("Inhibit".into());
            st.next_cookie += 1;
            let cookie = st.next_cookie;
            st.inhibitions.insert(
                cookie,
                Inhibition {
                    owner: hdr.sender().map(|s| s.to_string()).unwrap_or_default(),
                    destination: hdr.destination().map(|d| d.to_string()).unwrap_or_default(),
                    desktop_entry,
                    reason,
                    hints: hints.len(),
                },
            );
            cookie
        };
        let _ = self.inhibited_changed(&emitter).await;
        Ok(cookie)
    }

    /// Like Plasma: an unknown cookie is a silent no-op.
    async fn un_inhibit(&self, cookie: u32, #[zbus(signal_emitter)] emitter: SignalEmitter<'_>) {
        {
            let mut st = self.state.lock().unwrap();
            st.calls.push(format!("UnInhibit {cookie}"));
            st.inhibitions.remove(&cookie);
        }
        let _ = self.inhibited_changed(&emitter).await;
    }

    #[zbus(property)]
    fn inhibited(&self) -> bool {
        !self.state.lock().unwrap().inhibitions.is_empty()
    }
}

/// A running fake: its connection, and the watcher task (which holds a clone of the
/// connection, so dropping `conn` alone would not close it).
struct Fake {
    conn: zbus::Connection,
    watcher: tokio::task::JoinHandle<()>,
}

impl Fake {
    /// Gives up the name and closes the connection.
    async fn stop(self) {
        self.watcher.abort();
        let _ = self.watcher.await;
        let _ = self.conn.release_name(NOTIFICATIONS).await;
        drop(self.conn);
    }
}

/// Starts the fake on its own connection (owning `org.freedesktop.Notifications`) and the
/// watcher that releases the cookies of callers that leave the bus.
async fn start_fake(name: &str, vendor: &str, capabilities: &[&str]) -> (Fake, Shared) {
    let state = Shared::default();
    let fake = FakePlasma {
        name: name.into(),
        vendor: vendor.into(),
        capabilities: capabilities.iter().map(|c| c.to_string()).collect(),
        state: state.clone(),
    };
    let conn = zbus::connection::Builder::session()
        .serve_at(PATH, fake)
        .name(NOTIFICATIONS)
        .build()
        .await
        .expect("fake server connection");

    // Subscribe before returning, so no departure can be missed.
    let dbus = zbus::fdo::DBusProxy::new(&conn).await.expect("DBusProxy");
    let mut departures = dbus
        .receive_name_owner_changed()
        .await
        .expect("NameOwnerChanged");
    let watcher_conn = conn.clone();
    let watcher_state = state.clone();
    let watcher = tokio::spawn(async move {
        while let Some(signal) = departures.next().await {
            let Ok(args) = signal.args() else { continue };
            let gone = args.name().to_string();
            if !gone.starts_with(':') || args.new_owner().is_some() {
                continue;
            }
            let released: Vec<u32> = {
                let mut st = watcher_state.lock().unwrap();
                let cookies: Vec<u32> = st
                    .inhibitions
                    .iter()
                    .filter(|(_, i)| i.owner == gone)
                    .map(|(c, _)| *c)
                    .collect();
                for c in &cookies {
                    st.inhibitions.remove(c);
                    st.calls.push(format!("released {c} ({gone} left the bus)"));
                }
                cookies
            };
            if !released.is_empty() {
                let iface = watcher_conn
                    .object_server()
                    .interface::<_, FakePlasma>(PATH)
                    .await
                    .expect("fake interface");
                let _ = iface
                    .get()
                    .await
                    .inhibited_changed(iface.signal_emitter())
                    .await;
            }
        }
    });
    (Fake { conn, watcher }, state)
}

// ---------------------------------------------------------------- inner

async fn inner() {
    // 0. No server: detection finds nothing and activates nothing.
    let det = detect().await;
    eprintln!("no server: {det:?}");
    assert!(det.server.is_none() && det.backend.is_none(), "{det:?}");

    let (fake_conn, state) = start_fake("Plasma", "KDE", &["body", "inhibitions"]).await;
    let fake_unique = fake_conn
        .conn
        .unique_name()
        .expect("unique name")
        .to_string();
    let client = zbus::Connection::session()
        .await
        .expect("client connection");
    let inhibitions = || state.lock().unwrap().inhibitions.clone();

    // 1. Detection picks kde for server name "Plasma".
    let det = detect().await;
    eprintln!("with fake Plasma: {det:?}");
    let (name, vendor, version) = det.server.clone().expect("server information");
    assert_eq!(
        (name.as_str(), vendor.as_str(), version.as_str()),
        ("Plasma", "KDE", "6.0")
    );
    let b = det.backend.expect("kde backend");
    assert_eq!(b.name(), "kde");

    // 2. Off → turn_on → Inhibited true → restore → false.
    assert!(!b.is_on().await.unwrap());
    assert!(!fake_inhibited(&client).await);
    assert_eq!(b.prior().await.unwrap(), Some(Prior::Kde { cookie: None }));
    let prior = b.turn_on().await.unwrap().expect("turned on");
    let Prior::Kde {
        cookie: Some(cookie),
    } = prior
    else {
        panic!("turn_on returned {prior:?}");
    };
    let prior = journal_round_trip(prior);
    assert!(b.is_on().await.unwrap());
    assert!(fake_inhibited(&client).await);
    let held = inhibitions();
    assert_eq!(held.len(), 1, "{held:?}");
    let inh = &held[&cookie];
    assert_eq!(inh.desktop_entry, "serein");
    assert_eq!(inh.reason, "offline hours");
    assert_eq!(inh.hints, 0);
    assert_eq!(
        inh.destination, fake_unique,
        "Inhibit must be addressed to the owner's unique name"
    );
    assert_ne!(inh.owner, client.unique_name().unwrap().as_str());
    // Turning on again while we hold it changes nothing.
    assert_eq!(b.turn_on().await.unwrap(), None);
    assert_eq!(inhibitions().len(), 1);
    assert!(b.restore(&prior).await.unwrap(), "restore");
    assert!(!b.is_on().await.unwrap());
    assert!(!fake_inhibited(&client).await);
    assert!(inhibitions().is_empty());
    // A second restore has nothing left to release and sends nothing.
    let calls_before = state.lock().unwrap().calls.len();
    assert!(!b.restore(&prior).await.unwrap());
    assert!(
        !state.lock().unwrap().calls[calls_before..]
            .iter()
            .any(|c| c.starts_with("UnInhibit")),
        "second restore sent UnInhibit"
    );

    // 2b. prior() journaled first (cookie None), then turn_on, then restore that journal.
    let journaled = b.prior().await.unwrap().expect("off");
    b.turn_on().await.unwrap().expect("turned on");
    assert!(b.is_on().await.unwrap());
    assert!(b.restore(&journaled).await.unwrap());
    assert!(!b.is_on().await.unwrap());

    // 3. Already inhibited by someone else: Ok(None), nothing changed, theirs kept.
    let theirs: u32 = client
        .call_method(
            Some(NOTIFICATIONS),
            PATH,
            Some(NOTIFICATIONS),
            "Inhibit",
            &(
                "other-app",
                "presenting",
                HashMap::<&str, zbus::Variant<'_>>::new(),
            ),
        )
        .await
        .expect("other Inhibit")
        .body()
        .deserialize()
        .unwrap();
    assert!(b.is_on().await.unwrap());
    assert_eq!(b.prior().await.unwrap(), None);
    assert_eq!(b.turn_on().await.unwrap(), None);
    let held = inhibitions();
    assert_eq!(held.keys().copied().collect::<Vec<_>>(), vec![theirs]);
    // A journal from an earlier run restores nothing of theirs.
    assert!(
        !b.restore(&Prior::Kde {
            cookie: Some(theirs)
        })
        .await
        .unwrap()
    );
    assert!(!b.restore(&Prior::Kde { cookie: None }).await.unwrap());
    assert_eq!(
        inhibitions().len(),
        1,
        "someone else's inhibition was released"
    );
    client
        .call_method(
            Some(NOTIFICATIONS),
            PATH,
            Some(NOTIFICATIONS),
            "UnInhibit",
            &(theirs,),
        )
        .await
        .expect("other UnInhibit");
    assert!(!b.is_on().await.unwrap());

    // 4. A journal from another backend is refused, not applied.
    let res = b.restore(&Prior::Dunst { paused: false }).await;
    assert!(matches!(res, Err(DndError::Failed { .. })), "{res:?}");

    // 5. Crash safety net: drop the backend (its connection) without restore → the fake sees
    //    the caller leave the bus and releases the inhibition by itself.
    let prior = b.turn_on().await.unwrap().expect("turned on");
    assert!(fake_inhibited(&client).await);
    let owner = inhibitions().values().next().unwrap().owner.clone();
    drop(b);
    let start = Instant::now();
    while fake_inhibited(&client).await {
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "inhibition not released 3 s after the backend was dropped"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!("released {:?} after drop", start.elapsed());
    assert!(inhibitions().is_empty());
    let calls = state.lock().unwrap().calls.clone();
    assert!(
        calls
            .iter()
            .any(|c| c.contains(&format!("({owner} left the bus)"))),
        "{calls:?}"
    );

    // 6. Startup recovery with the journal of the dead run: a new backend (new connection)
    //    holds no cookie, so restore does nothing and sends nothing.
    let fresh = KdeDnd::connect().await.expect("kde backend");
    let calls_before = state.lock().unwrap().calls.len();
    assert!(!fresh.restore(&prior).await.unwrap());
    assert!(
        !state.lock().unwrap().calls[calls_before..]
            .iter()
            .any(|c| c.starts_with("UnInhibit")),
        "recovery sent UnInhibit"
    );
    drop(fresh);
    fake_conn.stop().await;

    // 7. Detection by capability: a server with another name but `inhibitions` → kde;
    //    without it → no backend.
    wait_no_owner(&client).await;
    let (fake_conn, _) = start_fake("Other Daemon", "Other", &["body", "inhibitions"]).await;
    let det = detect().await;
    eprintln!("other server with inhibitions: {det:?}");
    assert_eq!(
        det.backend.as_ref().map(|b| b.name()),
        Some("kde"),
        "{det:?}"
    );
    drop(det);
    fake_conn.stop().await;
    wait_no_owner(&client).await;
    let (fake_conn, _) = start_fake("Other Daemon", "Other", &["body"]).await;
    let det = detect().await;
    eprintln!("other server without inhibitions: {det:?}");
    assert!(det.backend.is_none(), "{det:?}");
    fake_conn.stop().await;
    eprintln!("kde: all DND checks passed");
}

/// `Inhibited` as a third party sees it (no property cache).
async fn fake_inhibited(client: &zbus::Connection) -> bool {
    let reply = client
        .call_method(
            Some(NOTIFICATIONS),
            PATH,
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &(NOTIFICATIONS, "Inhibited"),
        )
        .await
        .expect("Get Inhibited");
    let value: zbus::OwnedVariant = reply.body().deserialize().unwrap();
    bool::try_from(value).unwrap()
}

async fn wait_no_owner(client: &zbus::Connection) {
    let dbus = zbus::fdo::DBusProxy::new(client).await.unwrap();
    let start = Instant::now();
    while dbus
        .name_has_owner(NOTIFICATIONS.try_into().unwrap())
        .await
        .unwrap()
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "fake still owns the name"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

// ---------------------------------------------------------------- outer

fn outer() {
    let tmp = sandbox_tree("dnd-kde-test.", &[]);
    let dir = tmp.path();
    let mut cmd = Command::new("dbus-run-session");
    sandbox_env(&mut cmd, dir, SANDBOX);
    cmd.env(INNER, NAME)
        .arg(format!("--config-file={}", dir.join("bus.conf").display()))
        .arg("--")
        .arg(env::current_exe().expect("current exe"))
        .args(["--exact", NAME, "--nocapture", "--test-threads=1"]);
    run_phase(NAME, cmd, &dir.join("inner.log"), INNER_TIMEOUT);
}
