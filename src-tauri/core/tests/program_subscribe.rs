//! A program subscribed to by its address (issue 17), against a small HTTP
//! server started here that serves a program with an ETag and answers 304 to
//! a request that carries it: subscribing imports it, a refresh of an
//! unchanged program imports nothing, a changed one is imported with what
//! changed of the plan, a redirect is followed, and a server gone keeps the
//! last copy with the error in words.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::program::{self, changes, subscribe, Attendance};
use hallway_core::Store;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// What the server serves: (ETag, body); and the requests it saw (path, If-None-Match).
type Served = Arc<Mutex<((String, String), Vec<(String, Option<String>)>)>>;

fn serve(served: Served) -> (u16, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            if reader.read_line(&mut first).is_err() {
                continue;
            }
            let path = first.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let mut if_none_match = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("if-none-match:") {
                    if_none_match = Some(v.trim().to_owned());
                }
            }
            let mut state = served.lock().unwrap();
            state.1.push((path.clone(), if_none_match.clone()));
            let (etag, body) = state.0.clone();
            drop(state);
            let mut out = stream;
            let response = if path == "/old.ics" {
                "HTTP/1.1 301 Moved Permanently\r\nLocation: /program.ics\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_owned()
            } else if path == "/stop" {
                return;
            } else if if_none_match.as_deref() == Some(etag.to_ascii_lowercase().as_str()) {
                "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".to_owned()
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nETag: {etag}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
            };
            let _ = out.write_all(response.as_bytes());
        }
    });
    (port, handle)
}

/// Two sessions; the oral one starts at `oral_start` o'clock UTC.
fn program(oral_start: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n\
         BEGIN:VEVENT\r\nUID:oral\r\nDTSTART:20261206T{oral_start}0000Z\r\nDTEND:20261206T210000Z\r\n\
         SUMMARY:Oral 101\r\nLOCATION:Hall A\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:edu\r\nDTSTART:20261206T140000Z\r\nDTEND:20261206T150000Z\r\n\
         SUMMARY:Education\r\nLOCATION:Room 6A\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

#[tokio::test]
async fn subscribe_refresh_unchanged_then_changed_then_offline() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    let c = congress::create(&store, &draft).await.unwrap().id;
    let served: Served = Arc::new(Mutex::new(((r#""v1""#.to_owned(), program("19")), Vec::new())));
    let (port, server) = serve(served.clone());

    // Subscribed through an old address that redirects; webcal:// would be https.
    let report = subscribe::subscribe(&store, c, &format!("http://127.0.0.1:{port}/old.ics")).await.unwrap();
    assert_eq!(report.added, 2);
    let sub = subscribe::get(&store, c).await.unwrap().unwrap();
    assert!(sub.url.ends_with("/old.ics") && sub.fetched_at.is_some() && sub.last_error.is_none(), "{sub:?}");
    let oral = program::list(&store, c).await.unwrap().into_iter().find(|s| s.title == "Oral 101").unwrap();
    program::set_attendance(&store, oral.id, Some(Attendance::Attending)).await.unwrap();

    // Unchanged: the server answers 304 to the ETag it gave; nothing is imported.
    let again = subscribe::refresh(&store, c).await.unwrap();
    assert_eq!((again.added, again.updated, again.unchanged, again.withdrawn), (0, 0, 0, 0));
    assert!(again.notes.iter().any(|n| n.contains("has not changed")), "{:?}", again.notes);
    assert_eq!(served.lock().unwrap().1.last().unwrap().1.as_deref(), Some(r#""v1""#));

    // Changed: moved an hour; imported, and the move is a change to my plan.
    served.lock().unwrap().0 = (r#""v2""#.to_owned(), program("20"));
    let changed = subscribe::refresh(&store, c).await.unwrap();
    assert_eq!((changed.updated, changed.unchanged), (1, 1));
    let seen = changes::unseen(&store, c).await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].after.as_deref(), Some("Sun 6 Dec 15:00–16:00"));

    // The server gone: the error in words, the program as it was.
    let _ =
        std::net::TcpStream::connect(("127.0.0.1", port)).and_then(|mut s| s.write_all(b"GET /stop HTTP/1.1\r\n\r\n"));
    server.join().unwrap();
    let err = subscribe::refresh(&store, c).await.unwrap_err();
    assert!(err.to_string().contains("could not be fetched"), "{err}");
    assert_eq!(subscribe::get(&store, c).await.unwrap().unwrap().last_error.as_deref(), Some(err.to_string().as_str()));
    assert_eq!(program::list(&store, c).await.unwrap().len(), 2, "the last copy stays");
}
