//! Settling sync conflicts (hallway_core::sync::resolve) against a real
//! Radicale, with the Python `caldav` package as the other client: a meeting
//! changed both here and on the server lists both versions (Hallway's as it
//! is now); keeping the server's brings its time and place here and the next
//! sync sends nothing; keeping Hallway's makes the next sync write it over
//! the server's; a meeting deleted on the server is cancelled here, or
//! created there again; a meeting deleted here since shows as it was sent.
//! Choosing needs no server. Needs HALLWAY_DAV_PYTHON (see tests/support).

mod support;

use chrono::NaiveDate;
use hallway_core::congress::{self, CongressDraft};
use hallway_core::ids::{CongressId, MeetingId};
use hallway_core::meetings::{self, Meeting, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::people::{self, PersonDraft};
use hallway_core::sync::dav::DavClient;
use hallway_core::sync::engine::{self, SyncReport};
use hallway_core::sync::resolve::{self, ConflictView, Keep, Version};
use hallway_core::sync::{account, state};
use hallway_core::{CoreError, Store};
use serde_json::Value;
use support::dav_server::DavServer;

/// A congress syncing to its own calendar on `server`, with one meeting.
struct Setup {
    store: Store,
    congress: CongressId,
    meeting: MeetingId,
    calendar: String,
    client: DavClient,
    _dir: tempfile::TempDir,
}

impl Setup {
    async fn new(server: &DavServer) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("conflicts.sqlite3")).await.unwrap();
        let congress = congress::create(
            &store,
            &CongressDraft {
                name: "ASH Annual Meeting 2026".into(),
                short_name: "ASH26".into(),
                starts_on: "2026-12-05".into(),
                ends_on: "2026-12-08".into(),
                time_zone: "America/New_York".into(),
                ..CongressDraft::default()
            },
        )
        .await
        .unwrap()
        .id;
        let (_, client) = account::connect(&store, &server.url(), server.user(), server.password()).await.unwrap();
        let calendar = client.create_calendar("Hallway · ASH26").await.unwrap();
        let account = account::current(&store).await.unwrap().unwrap();
        state::set_calendar(&store, congress, account.id, &calendar, true).await.unwrap();
        let mut setup = Setup { store, congress, meeting: MeetingId(0), calendar, client, _dir: dir };
        setup.meeting = setup.book("Coffee with Ana", "Ana Sánchez").await;
        setup
    }

    /// A confirmed 30-minute meeting on 6 December at 10:30, venue time.
    async fn book(&self, title: &str, with: &str) -> MeetingId {
        let person = people::create(&self.store, &PersonDraft { display_name: with.into(), ..PersonDraft::default() })
            .await
            .unwrap()
            .id;
        let draft = MeetingDraft {
            congress_id: self.congress,
            title: title.into(),
            purpose: String::new(),
            place: "Café".into(),
            kind: MeetingKind::Coffee,
            status: MeetingStatus::Confirmed,
            starts_local: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap().and_hms_opt(10, 30, 0).unwrap(),
            minutes: 30,
            notes: String::new(),
            people: vec![person],
        };
        meetings::create(&self.store, &draft).await.unwrap().meeting.id
    }

    async fn sync(&self) -> SyncReport {
        engine::run(&self.store, &self.client, self.congress, &engine::default_options()).await.unwrap()
    }

    async fn meeting(&self, id: MeetingId) -> Meeting {
        meetings::get(&self.store, id).await.unwrap()
    }

    /// Changes a meeting here as the meeting form would.
    async fn edit(&self, id: MeetingId, change: impl FnOnce(&mut MeetingDraft)) {
        let m = self.meeting(id).await;
        let mut draft = MeetingDraft {
            congress_id: m.congress_id,
            title: m.title.clone(),
            purpose: m.purpose.clone(),
            place: m.place.clone(),
            kind: m.kind,
            status: m.status,
            starts_local: m.starts_at.naive_local(),
            minutes: m.minutes,
            notes: m.notes.clone(),
            people: m.people.iter().map(|p| p.id).collect(),
        };
        change(&mut draft);
        meetings::update(&self.store, id, &draft).await.unwrap();
    }

    async fn conflicts(&self) -> Vec<ConflictView> {
        resolve::list(&self.store, Some(self.congress)).await.unwrap()
    }
}

fn counts(pushed: u32, pulled: u32, removed: u32, conflicts: u32) -> SyncReport {
    SyncReport { pushed, pulled, removed, conflicts }
}

fn version(title: &str, starts: &str, place: &str, status: MeetingStatus) -> Version {
    Version { title: title.into(), starts: starts.into(), minutes: 30, place: place.into(), status }
}

/// The event with `uid` as the other client reads it on the server.
fn on_server(server: &DavServer, calendar: &str, uid: &str) -> Option<Value> {
    server.read_back(calendar).as_array().unwrap().iter().find(|e| e["uid"] == uid).cloned()
}

/// Retitled here, moved half an hour later to the lobby on the server; synced.
async fn two_sided_edit(server: &DavServer, s: &Setup, id: MeetingId, title: &str) {
    let uid = s.meeting(id).await.uid;
    s.edit(id, |d| d.title = title.into()).await;
    server.read_back_with(&s.calendar, &["--move", &uid, "30", "Lobby"]);
    assert_eq!(s.sync().await.conflicts, 1);
}

#[tokio::test]
async fn keeping_the_servers_version_brings_it_here_and_sends_nothing_back() {
    let server = DavServer::radicale();
    let s = Setup::new(&server).await;
    assert_eq!(s.sync().await, counts(1, 0, 0, 0));
    two_sided_edit(&server, &s, s.meeting, "Coffee with Ana and her fellow").await;
    // Changed again here after the conflict: the list shows the meeting as it is now.
    s.edit(s.meeting, |d| d.place = "Café Bleu".into()).await;

    let open = s.conflicts().await;
    assert_eq!(open.len(), 1);
    let uid = s.meeting(s.meeting).await.uid;
    assert_eq!(
        (open[0].uid.as_str(), open[0].meeting_id, open[0].congress_id),
        (uid.as_str(), Some(s.meeting), s.congress)
    );
    assert_eq!(
        open[0].hallway,
        version("Coffee with Ana and her fellow", "2026-12-06 10:30", "Café Bleu", MeetingStatus::Confirmed)
    );
    assert_eq!(open[0].server, Some(version("Coffee with Ana", "2026-12-06 11:00", "Lobby", MeetingStatus::Confirmed)));
    let before = on_server(&server, &s.calendar, &uid).unwrap();

    resolve::resolve(&s.store, open[0].id, Keep::Server).await.unwrap();
    let kept = s.meeting(s.meeting).await;
    assert_eq!(
        (kept.title.as_str(), kept.starts_at.to_rfc3339(), kept.place.as_str()),
        ("Coffee with Ana", "2026-12-06T11:00:00-05:00".into(), "Lobby")
    );
    assert!(s.conflicts().await.is_empty());
    assert_eq!(s.sync().await, counts(0, 0, 0, 0), "the server's version is not sent back");
    let after = on_server(&server, &s.calendar, &uid).unwrap();
    assert_eq!(after, before, "the server's copy is untouched (same ETag)");
    assert_eq!(after["dtstart"], "2026-12-06T16:00:00+00:00");

    // And the meeting syncs as before: a later change here goes up.
    s.edit(s.meeting, |d| d.minutes = 45).await;
    assert_eq!(s.sync().await, counts(1, 0, 0, 0));
}

#[tokio::test]
async fn keeping_hallways_version_writes_it_over_the_servers_at_the_next_sync() {
    let server = DavServer::radicale();
    let s = Setup::new(&server).await;
    let other = s.book("Lunch with Ben", "Ben Okafor").await;
    assert_eq!(s.sync().await, counts(2, 0, 0, 0));
    two_sided_edit(&server, &s, s.meeting, "Coffee with Ana and her fellow").await;
    two_sided_edit(&server, &s, other, "Lunch with Ben's team").await;
    let open = s.conflicts().await;
    assert_eq!(open.len(), 2);
    let ana = open.iter().find(|c| c.meeting_id == Some(s.meeting)).unwrap();

    resolve::resolve(&s.store, ana.id, Keep::Hallway).await.unwrap();
    assert_eq!(s.meeting(s.meeting).await.title, "Coffee with Ana and her fellow", "Hallway's version is untouched");
    let left = s.conflicts().await;
    assert_eq!(left.iter().map(|c| c.meeting_id).collect::<Vec<_>>(), vec![Some(other)], "the other one still waits");
    assert_eq!(s.sync().await, counts(1, 0, 0, 0));
    let uid = s.meeting(s.meeting).await.uid;
    let there = on_server(&server, &s.calendar, &uid).unwrap();
    assert_eq!(there["summary"], "Coffee with Ana and her fellow");
    assert_eq!(there["dtstart"], "2026-12-06T15:30:00+00:00", "Hallway's time, not the server's move");
    assert_eq!(s.sync().await, counts(0, 0, 0, 0));

    // Choosing needs no server.
    drop(server);
    resolve::resolve(&s.store, left[0].id, Keep::Server).await.unwrap();
    assert_eq!(s.meeting(other).await.place, "Lobby");
    assert!(s.conflicts().await.is_empty());
}

#[tokio::test]
async fn a_meeting_deleted_on_the_server_is_cancelled_here_or_created_there_again() {
    let server = DavServer::radicale();
    let s = Setup::new(&server).await;
    let other = s.book("Lunch with Ben", "Ben Okafor").await;
    assert_eq!(s.sync().await, counts(2, 0, 0, 0));
    let (ana_uid, ben_uid) = (s.meeting(s.meeting).await.uid, s.meeting(other).await.uid);
    s.edit(s.meeting, |d| d.title = "Coffee with Ana and her fellow".into()).await;
    s.edit(other, |d| d.place = "Hall C".into()).await;
    server.read_back_with(&s.calendar, &["--delete", &ana_uid]);
    server.read_back_with(&s.calendar, &["--delete", &ben_uid]);
    assert_eq!(s.sync().await, counts(0, 0, 0, 2));

    let open = s.conflicts().await;
    assert!(open.iter().all(|c| c.server.is_none()), "deleted on the server: {open:?}");
    let of = |id: MeetingId| open.iter().find(|c| c.meeting_id == Some(id)).unwrap().id;
    assert_eq!(
        open.iter().find(|c| c.meeting_id == Some(s.meeting)).unwrap().hallway,
        version("Coffee with Ana and her fellow", "2026-12-06 10:30", "Café", MeetingStatus::Confirmed)
    );

    resolve::resolve(&s.store, of(s.meeting), Keep::Server).await.unwrap();
    resolve::resolve(&s.store, of(other), Keep::Hallway).await.unwrap();
    let cancelled = s.meeting(s.meeting).await;
    assert_eq!(
        (cancelled.status, cancelled.title.as_str()),
        (MeetingStatus::Cancelled, "Coffee with Ana and her fellow"),
        "cancelled, not deleted"
    );
    assert!(s.conflicts().await.is_empty());
    assert_eq!(s.sync().await, counts(1, 0, 0, 0), "Ben's lunch goes up again; Ana's coffee stays off");
    let listed = server.read_back(&s.calendar);
    let uids: Vec<&str> = listed.as_array().unwrap().iter().map(|e| e["uid"].as_str().unwrap()).collect();
    assert_eq!(uids, vec![ben_uid.as_str()]);
    assert_eq!(s.sync().await, counts(0, 0, 0, 0));
}

#[tokio::test]
async fn a_meeting_deleted_here_since_shows_as_it_was_sent_and_keeping_hallways_removes_it_there() {
    let server = DavServer::radicale();
    let s = Setup::new(&server).await;
    assert_eq!(s.sync().await, counts(1, 0, 0, 0));
    let uid = s.meeting(s.meeting).await.uid;
    two_sided_edit(&server, &s, s.meeting, "Coffee with Ana and her fellow").await;
    meetings::delete(&s.store, s.meeting).await.unwrap();

    let open = s.conflicts().await;
    assert_eq!(open[0].meeting_id, None);
    assert_eq!(
        open[0].hallway,
        version("Coffee with Ana and her fellow", "2026-12-06 10:30", "Café", MeetingStatus::Confirmed),
        "as it was sent"
    );
    assert_eq!(open[0].server.as_ref().map(|v| v.place.as_str()), Some("Lobby"));

    resolve::resolve(&s.store, open[0].id, Keep::Hallway).await.unwrap();
    assert_eq!(s.sync().await, counts(0, 0, 1, 0));
    assert_eq!(on_server(&server, &s.calendar, &uid), None);
}

#[tokio::test]
async fn an_unknown_conflict_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("empty.sqlite3")).await.unwrap();
    let err = resolve::resolve(&store, 4242, Keep::Server).await.unwrap_err();
    assert!(matches!(err, CoreError::NotFound { what: "sync conflict", .. }), "{err:?}");
}
