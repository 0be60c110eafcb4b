//! Real CalDAV/CardDAV servers for integration tests: Radicale (with
//! htpasswd auth) and Xandikos, started from the Python venv named by
//! `HALLWAY_DAV_PYTHON` (`make rust-test` sets it; it installs
//! tests/interop/requirements.txt), each on a free port with its data in a
//! temporary directory under the build folder, killed when dropped.
//!
//! Also runs tests/sync/read_back.py, the independent client (Python
//! `caldav`) that reads back what Hallway wrote.

#![allow(dead_code)] // Each test file uses a different part.

use std::io::Read as _;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const USER: &str = "alice";
const PASSWORD: &str = "secret";

/// A running server; killed (and its data deleted) on drop.
pub struct DavServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
    name: &'static str,
}

/// The Python with radicale, xandikos and caldav installed.
pub fn python() -> PathBuf {
    match std::env::var_os("HALLWAY_DAV_PYTHON") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => panic!(
            "HALLWAY_DAV_PYTHON is not set. These tests need real CalDAV servers: run them with `make rust-test`, \
             or by hand: `make target/interop/venv/.installed` (or python3 -m venv /tmp/v && /tmp/v/bin/pip \
             install -r tests/interop/requirements.txt), then HALLWAY_DAV_PYTHON=$PWD/target/interop/venv/bin/python \
             cargo test -p hallway-core --test dav_client"
        ),
    }
}

impl DavServer {
    /// Radicale 3 with user `alice`, password `secret` (plain htpasswd).
    pub fn radicale() -> DavServer {
        let dir = temp_dir("radicale");
        let users = dir.path().join("users");
        std::fs::write(&users, format!("{USER}:{PASSWORD}\n")).expect("write htpasswd");
        let collections = dir.path().join("collections");
        let command = |port: u16| {
            let mut command = Command::new(python());
            command
                .args(["-m", "radicale", "--server-hosts"])
                .arg(format!("127.0.0.1:{port}"))
                .arg("--storage-filesystem-folder")
                .arg(&collections)
                .args(["--auth-type", "htpasswd", "--auth-htpasswd-filename"])
                .arg(&users)
                .args(["--auth-htpasswd-encryption", "plain", "--auth-delay", "0"])
                // No user configuration file from the machine running the tests.
                .args(["--config", ""]);
            command
        };
        DavServer::start("radicale", command, dir)
    }

    /// Xandikos serving `/alice/` (a calendar and an address book made by
    /// `--defaults`). It has no authentication of its own over plain HTTP:
    /// any user and password are accepted.
    pub fn xandikos() -> DavServer {
        let dir = temp_dir("xandikos");
        let (data, state) = (dir.path().join("data"), dir.path().join("state"));
        let command = |port: u16| {
            let mut command = Command::new(python());
            command
                .args(["-m", "xandikos.web", "--defaults", "--no-detect-systemd", "-d"])
                .arg(&data)
                .arg("--state-dir")
                .arg(&state)
                .args(["--current-user-principal", "/alice/", "-l", "127.0.0.1", "-p"])
                .arg(port.to_string());
            command
        };
        DavServer::start("xandikos", command, dir)
    }

    /// Starts the server on a free port. The OS picks the port and it is
    /// released before the server binds it, so something else may take it
    /// first: the server then exits, or another one answers there. Neither is
    /// taken for a start (the port is never handed out twice in this process,
    /// and the server must still be running once the port answers); the
    /// server is started again on a new port.
    fn start(name: &'static str, command: impl Fn(u16) -> Command, dir: tempfile::TempDir) -> DavServer {
        let mut tries = 0;
        loop {
            tries += 1;
            let port = free_port();
            let log = std::fs::File::create(dir.path().join("server.log")).expect("create server log");
            let mut command = command(port);
            command.stdin(Stdio::null()).stdout(log.try_clone().expect("log")).stderr(log);
            let mut child = command.spawn().unwrap_or_else(|e| panic!("cannot start {name} with {command:?}: {e}"));
            match wait_until_listening(&mut child, port) {
                Ok(()) => return DavServer { child, port, dir, name },
                Err(why) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default();
                    assert!(tries < 5, "{name} on port {port}: {why}:\n{log}");
                    eprintln!("{name} on port {port}: {why}; starting it on another port\n{log}");
                }
            }
        }
    }

    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// `127.0.0.1:PORT`, as a user might type it.
    pub fn host_port(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn user(&self) -> &'static str {
        USER
    }

    pub fn password(&self) -> &'static str {
        PASSWORD
    }

    /// Where the server keeps its data and log.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The server's output so far (for failure messages).
    pub fn log(&self) -> String {
        let mut text = String::new();
        if let Ok(mut file) = std::fs::File::open(self.dir.path().join("server.log")) {
            let _ = file.read_to_string(&mut text);
        }
        text
    }

    /// Runs tests/sync/read_back.py on a calendar and returns its JSON
    /// listing of the events.
    pub fn read_back(&self, collection_href: &str) -> serde_json::Value {
        self.read_back_with(collection_href, &[])
    }

    /// [`DavServer::read_back`] with extra arguments first acting as another
    /// client: `["--add", uid, summary]`, `["--delete", uid]`.
    pub fn read_back_with(&self, collection_href: &str, extra: &[&str]) -> serde_json::Value {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/sync/read_back.py");
        let url = format!("http://127.0.0.1:{}{collection_href}", self.port);
        let output = Command::new(python())
            .arg(&script)
            .args([url.as_str(), USER, PASSWORD])
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
        assert!(
            output.status.success(),
            "read_back.py failed: {}\n{}",
            String::from_utf8_lossy(&output.stderr),
            self.log()
        );
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!("read_back.py printed no JSON ({e}): {}", String::from_utf8_lossy(&output.stdout))
        })
    }
}

impl Drop for DavServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("{name}-"))
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create a temporary directory under the build folder")
}

/// A port nobody listens on now and that this process has not handed out
/// before (the OS picks it; [`DavServer::start`] handles the race until the
/// server binds it).
fn free_port() -> u16 {
    static GIVEN: Mutex<Vec<u16>> = Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    loop {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("bind a free port").port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// Waits until `port` accepts connections while `child` still runs (checked
/// again a moment later, so a server that lost the port to another and is
/// exiting is not taken for one that listens).
fn wait_until_listening(child: &mut Child, port: u16) -> std::io::Result<()> {
    use std::io::{Error, ErrorKind};
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = child.try_wait()? {
            return Err(Error::other(format!("exited ({status}) before listening")));
        }
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            std::thread::sleep(Duration::from_millis(200));
            return match child.try_wait()? {
                Some(status) => Err(Error::new(
                    ErrorKind::AddrInUse,
                    format!("exited ({status}); something else answers on the port"),
                )),
                None => Ok(()),
            };
        }
        if Instant::now() > deadline {
            return Err(Error::new(ErrorKind::TimedOut, "did not listen within 30 s"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
