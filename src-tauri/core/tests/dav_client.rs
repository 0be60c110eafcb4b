//! The CalDAV/CardDAV client (hallway_core::sync::dav) against real servers:
//! Radicale for everything the sync engine relies on (discovery, wrong
//! password, MKCALENDAR, conditional create/update/delete, sync tokens,
//! vCards), Xandikos for the basic create/get/update/sync path, and the
//! Python `caldav` package (tests/sync/read_back.py) as the independent
//! reader and "other client". Needs HALLWAY_DAV_PYTHON (see tests/support).

mod support;

use hallway_core::sync::dav::{href_for, DavClient, DavError};
use support::dav_server::DavServer;

fn event(uid: &str, summary: &str, sequence: u32) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hallway//Tests//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n\
         DTSTAMP:20261205T100000Z\r\nDTSTART:20261207T140000Z\r\nDTEND:20261207T143000Z\r\n\
         SEQUENCE:{sequence}\r\nSTATUS:CONFIRMED\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

fn vcard(uid: &str, name: &str) -> String {
    format!("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{name};;;;\r\nEND:VCARD\r\n")
}

async fn connect(server: &DavServer) -> DavClient {
    DavClient::connect(&server.url(), server.user(), server.password())
        .await
        .unwrap_or_else(|e| panic!("connect: {e:?}\n{}", server.log()))
}

#[tokio::test]
async fn radicale_discovery_from_just_host_and_port() {
    let server = DavServer::radicale();
    // No scheme: HTTPS first, then (loopback only) plain HTTP.
    let client = DavClient::connect(&server.host_port(), "alice", "secret").await.expect("connect by host:port");
    let account = client.account();
    assert_eq!(account.base_url, server.url());
    assert_eq!(account.principal, "/alice/");
    assert_eq!(account.calendar_home, "/alice/");
    assert_eq!(account.addressbook_home.as_deref(), Some("/alice/"));
    assert!(client.calendars().await.unwrap().is_empty());
    // Debug output shows the account, never the password.
    assert!(!format!("{client:?}").contains("secret"));
}

#[tokio::test]
async fn radicale_wrong_password_is_unauthorized() {
    let server = DavServer::radicale();
    let err = DavClient::connect(&server.url(), "alice", "not-the-password").await.unwrap_err();
    assert_eq!(err, DavError::Unauthorized);
    assert_eq!(err.user_message(), "The server refused the password: re-enter it in Settings.");
    assert!(!format!("{err:?} {err}").contains("not-the-password"));
}

#[tokio::test]
async fn not_dav_unreachable_and_tls_errors_are_told_apart() {
    // A web server that answers 404 to everything.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    let err = DavClient::connect(&format!("http://127.0.0.1:{port}/"), "alice", "secret").await.unwrap_err();
    assert!(matches!(err, DavError::NotDav(_)), "{err:?}");

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = DavClient::connect(&format!("http://127.0.0.1:{closed}/"), "alice", "secret").await.unwrap_err();
    assert!(matches!(err, DavError::Unreachable(_)), "{err:?}");
    assert_eq!(err.user_message(), "The server could not be reached; Hallway will retry.");

    // https:// to a plain-HTTP server: a TLS failure, named as such.
    let server = DavServer::radicale();
    let err = DavClient::connect(&format!("https://{}/", server.host_port()), "alice", "secret").await.unwrap_err();
    match &err {
        DavError::Tls(problem) => assert!(problem.contains("did not answer in TLS"), "{problem}"),
        other => panic!("expected Tls, got {other:?}"),
    }
}

#[tokio::test]
async fn radicale_calendars_and_conditional_writes() {
    let server = DavServer::radicale();
    let client = connect(&server).await;

    let calendar = client.create_calendar("ASH 2026 — Meetings").await.unwrap();
    assert_eq!(calendar, "/alice/ash-2026-meetings/");
    let again = client.create_calendar("ASH 2026 — Meetings").await.unwrap();
    assert_ne!(again, calendar);
    assert!(again.starts_with("/alice/ash-2026-meetings-"), "{again}");
    let calendars = client.calendars().await.unwrap();
    let found = calendars.iter().find(|c| c.href == calendar).expect("new calendar listed");
    assert_eq!(found.display_name.as_deref(), Some("ASH 2026 — Meetings"));
    assert!(found.supports_sync);

    // Create with If-None-Match: a second create of the same UID is refused.
    let uid = "meeting-1@hallway.test";
    let etag1 = client.create(&calendar, uid, &event(uid, "Coffee with Dr Chen", 0)).await.unwrap();
    assert!(!etag1.is_empty());
    let err = client.create(&calendar, uid, &event(uid, "Duplicate", 0)).await.unwrap_err();
    assert_eq!(err, DavError::Exists);
    let href = href_for(&calendar, uid);
    assert_eq!(href, "/alice/ash-2026-meetings/meeting-1%40hallway.test.ics");

    let (etag, body) = client.get(&href).await.unwrap().expect("event exists");
    assert_eq!(etag, etag1);
    assert!(body.contains("SUMMARY:Coffee with Dr Chen"));

    // Update with If-Match; then a stale etag is refused and changes nothing.
    let etag2 = client.update(&href, &event(uid, "Coffee with Dr Chen (moved)", 1), &etag1).await.unwrap();
    assert_ne!(etag2, etag1);
    let err = client.update(&href, &event(uid, "Lost update", 2), &etag1).await.unwrap_err();
    assert_eq!(err, DavError::PreconditionFailed);
    let (etag, body) = client.get(&href).await.unwrap().unwrap();
    assert_eq!(etag, etag2);
    assert!(body.contains("SUMMARY:Coffee with Dr Chen (moved)"), "{body}");

    // An independent client reads back what was written.
    let listed = server.read_back(&calendar);
    let events = listed.as_array().unwrap();
    assert_eq!(events.len(), 1, "{listed}");
    assert_eq!(events[0]["href"], href.as_str());
    assert_eq!(events[0]["uid"], uid);
    assert_eq!(events[0]["summary"], "Coffee with Dr Chen (moved)");
    assert_eq!(events[0]["dtstart"], "2026-12-07T14:00:00+00:00");
    assert_eq!(events[0]["sequence"], 1);
    assert_eq!(events[0]["status"], "CONFIRMED");
    assert_eq!(events[0]["etag"], etag2.as_str());

    assert_eq!(client.list_etags(&calendar).await.unwrap(), vec![(href.clone(), etag2.clone())]);

    // Delete with If-Match: stale refused; current works; gone already is fine.
    assert_eq!(client.delete(&href, &etag1).await.unwrap_err(), DavError::PreconditionFailed);
    client.delete(&href, &etag2).await.unwrap();
    client.delete(&href, &etag2).await.unwrap();
    assert_eq!(client.get(&href).await.unwrap(), None);
}

#[tokio::test]
async fn radicale_sync_tokens() {
    let server = DavServer::radicale();
    let client = connect(&server).await;
    let calendar = client.create_calendar("Sync").await.unwrap();
    let a = client.create(&calendar, "a", &event("a", "A", 0)).await.unwrap();
    let c = client.create(&calendar, "c", &event("c", "C", 0)).await.unwrap();

    let first = client.sync(&calendar, None).await.unwrap();
    let mut changed = first.changed.clone();
    changed.sort();
    assert_eq!(changed, vec![(href_for(&calendar, "a"), a.clone()), (href_for(&calendar, "c"), c)]);
    assert!(first.deleted.is_empty());
    assert!(!first.token.is_empty());

    // Another client (Python caldav) adds B and deletes C.
    server.read_back_with(&calendar, &["--add", "b", "Added elsewhere"]);
    server.read_back_with(&calendar, &["--delete", "c"]);

    let second = client.sync(&calendar, Some(&first.token)).await.unwrap();
    assert_eq!(second.changed.len(), 1, "{second:?}");
    let (b_href, b_etag) = &second.changed[0];
    let (etag, body) = client.get(b_href).await.unwrap().expect("B readable");
    assert_eq!(&etag, b_etag);
    assert!(body.contains("SUMMARY:Added elsewhere"));
    assert_eq!(second.deleted, vec![href_for(&calendar, "c")]);
    assert_ne!(second.token, first.token);

    // Nothing since: empty.
    let third = client.sync(&calendar, Some(&second.token)).await.unwrap();
    assert!(third.changed.is_empty() && third.deleted.is_empty(), "{third:?}");

    // A token the server never issued.
    let err = client.sync(&calendar, Some("http://radicale.org/ns/sync/0000000000")).await.unwrap_err();
    assert_eq!(err, DavError::SyncTokenInvalid);

    // The full listing agrees.
    let mut listing = client.list_etags(&calendar).await.unwrap();
    listing.sort();
    let mut expected = vec![(href_for(&calendar, "a"), a), (b_href.clone(), b_etag.clone())];
    expected.sort();
    assert_eq!(listing, expected);
}

#[tokio::test]
async fn radicale_vcards_in_an_address_book() {
    let server = DavServer::radicale();
    let client = connect(&server).await;
    let book = client.create_addressbook("Congress contacts").await.unwrap();
    assert_eq!(book, "/alice/congress-contacts/");
    assert!(client.addressbooks().await.unwrap().iter().any(|b| b.href == book));

    let uid = "person-7";
    let etag1 = client.create_vcard(&book, uid, &vcard(uid, "Ana Ruiz")).await.unwrap();
    assert_eq!(client.create_vcard(&book, uid, &vcard(uid, "Ana Ruiz")).await.unwrap_err(), DavError::Exists);
    let href = hallway_core::sync::dav::vcard_href_for(&book, uid);
    assert_eq!(href, "/alice/congress-contacts/person-7.vcf");
    let etag2 = client.update_vcard(&href, &vcard(uid, "Ana Ruiz-Ortega"), &etag1).await.unwrap();
    assert_eq!(
        client.update_vcard(&href, &vcard(uid, "Stale"), &etag1).await.unwrap_err(),
        DavError::PreconditionFailed
    );
    let (etag, body) = client.get(&href).await.unwrap().unwrap();
    assert_eq!(etag, etag2);
    assert!(body.contains("FN:Ana Ruiz-Ortega"));
    let synced = client.sync(&book, None).await.unwrap();
    assert_eq!(synced.changed, vec![(href.clone(), etag2.clone())]);
    client.delete(&href, &etag2).await.unwrap();
    assert_eq!(client.get(&href).await.unwrap(), None);
}

#[tokio::test]
async fn xandikos_basic_path() {
    let server = DavServer::xandikos();
    let client = connect(&server).await;
    let account = client.account();
    assert_eq!(account.principal, "/alice/");
    let calendars = client.calendars().await.unwrap();
    let calendar = calendars.first().unwrap_or_else(|| panic!("--defaults made a calendar: {account:?}")).href.clone();

    let uid = "x-1";
    let etag1 = client.create(&calendar, uid, &event(uid, "Poster walk", 0)).await.unwrap();
    assert_eq!(client.create(&calendar, uid, &event(uid, "Again", 0)).await.unwrap_err(), DavError::Exists);
    let href = href_for(&calendar, uid);
    let first = client.sync(&calendar, None).await.unwrap();
    assert_eq!(first.changed, vec![(href.clone(), etag1.clone())]);

    let etag2 = client.update(&href, &event(uid, "Poster walk in hall B", 1), &etag1).await.unwrap();
    assert_eq!(client.update(&href, &event(uid, "Stale", 2), &etag1).await.unwrap_err(), DavError::PreconditionFailed);
    let (etag, body) = client.get(&href).await.unwrap().unwrap();
    assert_eq!(etag, etag2);
    assert!(body.contains("SUMMARY:Poster walk in hall B"));

    let second = client.sync(&calendar, Some(&first.token)).await.unwrap();
    assert_eq!(second.changed, vec![(href.clone(), etag2.clone())]);
    assert!(second.deleted.is_empty());
    let err = client.sync(&calendar, Some("bogus-token")).await.unwrap_err();
    assert_eq!(err, DavError::SyncTokenInvalid);

    let listed = server.read_back(&calendar);
    assert_eq!(listed[0]["uid"], uid, "{listed}");
    assert_eq!(listed[0]["summary"], "Poster walk in hall B");
    assert_eq!(listed[0]["etag"], etag2.as_str());
}
