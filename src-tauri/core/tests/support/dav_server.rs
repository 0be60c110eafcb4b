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
        let port = free_port();
        let mut command = Command::new(python());
        command
            .args(["-m", "radicale", "--server-hosts"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("--storage-filesystem-folder")
            .arg(dir.path().join("collections"))
            .args(["--auth-type", "htpasswd", "--auth-htpasswd-filename"])
            .arg(&users)
            .args(["--auth-htpasswd-encryption", "plain", "--auth-delay", "0"])
            // No user configuration file from the machine running the tests.
            .args(["--config", ""]);
        DavServer::start("radicale", command, dir, port)
    }

    /// Xandikos serving `/alice/` (a calendar and an address book made by
    /// `--defaults`). It has no authentication of its own over plain HTTP:
    /// any user and password are accepted.
    pub fn xandikos() -> DavServer {
        let dir = temp_dir("xandikos");
        let port = free_port();
        let mut command = Command::new(python());
        command
            .args(["-m", "xandikos.web", "--defaults", "--no-detect-systemd", "-d"])
            .arg(dir.path().join("data"))
            .arg("--state-dir")
            .arg(dir.path().join("state"))
            .args(["--current-user-principal", "/alice/", "-l", "127.0.0.1", "-p"])
            .arg(port.to_string());
        DavServer::start("xandikos", command, dir, port)
    }

    fn start(name: &'static str, mut command: Command, dir: tempfile::TempDir, port: u16) -> DavServer {
        let log = std::fs::File::create(dir.path().join("server.log")).expect("create server log");
        command.stdin(Stdio::null()).stdout(log.try_clone().expect("log")).stderr(log);
        let child = command.spawn().unwrap_or_else(|e| panic!("cannot start {name} with {command:?}: {e}"));
        let mut server = DavServer { child, port, dir, name };
        server.wait_until_listening();
        server
    }

    fn wait_until_listening(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("{} exited ({status}) before listening:\n{}", self.name, self.log());
            }
            if Instant::now() > deadline {
                panic!("{} did not listen on port {} within 30 s:\n{}", self.name, self.port, self.log());
            }
            std::thread::sleep(Duration::from_millis(50));
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

/// A port nobody listens on now (the OS picks it; tiny race until the server binds).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("bind a free port").port()
}
