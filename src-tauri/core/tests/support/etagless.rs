//! A proxy in front of a real DAV server that drops the `ETag` header from
//! every response, as some servers do for a PUT (RFC 4918 lets them): the
//! sync must then ask for `getetag` before it marks an item synced. Plain
//! blocking sockets, one thread per connection; it reads each response's
//! head, drops the header, and passes `Content-Length` bytes of body on
//! untouched (the servers used in tests always send one).

#![allow(dead_code)] // Each test file uses a different part.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

/// A running proxy; it lives as long as the test process.
pub struct EtaglessProxy {
    port: u16,
    dropped: Arc<AtomicUsize>,
}

impl EtaglessProxy {
    /// Proxies `127.0.0.1:<port>` of the server behind it.
    pub fn start(target: &str) -> EtaglessProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let dropped = Arc::new(AtomicUsize::new(0));
        let (target, counter) = (target.to_owned(), dropped.clone());
        thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (target, counter) = (target.clone(), counter.clone());
                thread::spawn(move || {
                    if let Ok(server) = TcpStream::connect(&target) {
                        relay(client, server, &counter);
                    }
                });
            }
        });
        EtaglessProxy { port, dropped }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// How many ETag headers were dropped so far.
    pub fn dropped(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }
}

fn relay(client: TcpStream, server: TcpStream, dropped: &AtomicUsize) {
    let (mut to_server, mut from_client) = (server.try_clone().expect("clone"), client.try_clone().expect("clone"));
    // Requests go through as they are.
    thread::spawn(move || {
        let _ = std::io::copy(&mut from_client, &mut to_server);
        let _ = to_server.shutdown(Shutdown::Write);
    });
    let mut from_server = BufReader::new(server);
    let mut to_client = client;
    loop {
        let mut head = Vec::new();
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            match from_server.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("etag:") {
                dropped.fetch_add(1, Ordering::SeqCst);
                continue;
            }
            if let Some(value) = lower.strip_prefix("content-length:") {
                length = value.trim().parse().unwrap_or(0);
            }
            head.extend_from_slice(line.as_bytes());
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        if from_server.read_exact(&mut body).is_err() || to_client.write_all(&head).is_err() {
            return;
        }
        if to_client.write_all(&body).is_err() {
            return;
        }
    }
}
