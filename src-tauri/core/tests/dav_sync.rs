//! The sync engine (hallway_core::sync::engine) end to end against a real
//! Radicale: the first sync writes the plan and a second one with nothing
//! changed does nothing; a sync killed after the server took an item but
//! before Hallway saved it creates no duplicate when run again; a meeting
//! moved on the server (by the Python `caldav` package, another client) comes
//! back; a meeting changed on both sides becomes a conflict that keeps both
//! versions and leaves the server's alone; a meeting deleted there is
//! cancelled here; an unmarked session leaves the server; a server that has
//! gone away stops the sync with words for the user and loses nothing.
//! Needs HALLWAY_DAV_PYTHON (see tests/support).

mod support;

use chrono::NaiveDate;
use hallway_core::congress::{self, CongressDraft};
use hallway_core::ids::CongressId;
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::people::{self, PersonDraft};
use hallway_core::sync::dav::DavClient;
use hallway_core::sync::engine::{self, SyncError, SyncReport};
use hallway_core::sync::{account, state};
use hallway_core::{program, Store};
use serde_json::Value;
use support::dav_server::DavServer;
use support::etagless::EtaglessProxy;

struct Fixture {
    store: Store,
    congress: CongressId,
    meeting: hallway_core::ids::MeetingId,
    calendar: String,
    client: DavClient,
    _dir: tempfile::TempDir,
}

async fn fixture(server: &DavServer) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        short_name: "ASH26".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..CongressDraft::default()
    };
    let congress = congress::create(&store, &draft).await.unwrap().id;
    let ana = people::create(&store, &PersonDraft { display_name: "Ana Sánchez".into(), ..PersonDraft::default() })
        .await
        .unwrap()
        .id;
    let meeting = meetings::create(
        &store,
        &MeetingDraft {
            congress_id: congress,
            title: "Coffee with Ana".into(),
            purpose: String::new(),
            place: "Café".into(),
            kind: MeetingKind::Coffee,
            status: MeetingStatus::Confirmed,
            starts_local: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap().and_hms_opt(10, 30, 0).unwrap(),
            minutes: 30,
            notes: String::new(),
            people: vec![ana],
        },
    )
    .await
    .unwrap()
    .meeting
    .id;
    let client = DavClient::connect(&server.url(), server.user(), server.password()).await.unwrap();
    let account = client.account();
    let account_id = state::save_account(
        &store,
        &state::Account {
            id: 0,
            server_url: account.base_url.clone(),
            username: server.user().into(),
            principal: account.principal.clone(),
            calendar_home: account.calendar_home.clone(),
            addressbook_home: account.addressbook_home.clone(),
        },
    )
    .await
    .unwrap();
    let calendar = client.create_calendar("Hallway · ASH26").await.unwrap();
    state::set_calendar(&store, congress, account_id, &calendar, true).await.unwrap();
    Fixture { store, congress, meeting, calendar, client, _dir: dir }
}

impl Fixture {
    async fn sync(&self) -> SyncReport {
        engine::run(&self.store, &self.client, self.congress, &engine::default_options()).await.unwrap()
    }
}

fn report(pushed: u32, pulled: u32, removed: u32, conflicts: u32) -> SyncReport {
    SyncReport { pushed, pulled, removed, conflicts }
}

fn summaries(listing: &Value) -> Vec<String> {
    let mut all: Vec<String> =
        listing.as_array().unwrap().iter().map(|e| e["summary"].as_str().unwrap().to_owned()).collect();
    all.sort();
    all
}

#[tokio::test]
async fn the_plan_goes_up_once_and_a_second_sync_does_nothing() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    program::sample::load(&f.store, f.congress).await.unwrap();
    let session: i64 = sqlx::query_scalar("SELECT id FROM sessions WHERE congress_id = ? ORDER BY starts_at LIMIT 1")
        .bind(f.congress)
        .fetch_one(f.store.pool())
        .await
        .unwrap();
    let session = hallway_core::ids::SessionId(session);
    program::set_attendance(&f.store, session, Some(program::Attendance::Attending)).await.unwrap();

    assert_eq!(f.sync().await, report(2, 0, 0, 0));
    let listed = server.read_back(&f.calendar);
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");
    let meeting = meetings::get(&f.store, f.meeting).await.unwrap();
    let up =
        listed.as_array().unwrap().iter().find(|e| e["uid"] == meeting.uid.as_str()).expect("the meeting, by its UID");
    assert_eq!(up["summary"], "Coffee with Ana");
    assert_eq!(up["dtstart"], "2026-12-06T15:30:00+00:00");
    assert_eq!(f.sync().await, report(0, 0, 0, 0), "nothing changed, nothing sent");

    // Unmarking the session takes it off the server.
    program::set_attendance(&f.store, session, None).await.unwrap();
    assert_eq!(f.sync().await, report(0, 0, 1, 0));
    assert_eq!(summaries(&server.read_back(&f.calendar)), vec!["Coffee with Ana"]);
}

/// The second server: the same sync, both ways, against Xandikos.
#[tokio::test]
async fn xandikos_gets_the_plan_and_gives_back_a_move() {
    let server = DavServer::xandikos();
    let f = fixture(&server).await;
    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    assert_eq!(f.sync().await, report(0, 0, 0, 0), "nothing changed, nothing sent");
    let uid = meetings::get(&f.store, f.meeting).await.unwrap().uid;
    let listed = server.read_back(&f.calendar);
    assert_eq!(listed[0]["uid"], uid.as_str(), "{listed}");
    server.read_back_with(&f.calendar, &["--move", &uid, "60", "Hall C"]);
    assert_eq!(f.sync().await, report(0, 1, 0, 0));
    let moved = meetings::get(&f.store, f.meeting).await.unwrap();
    assert_eq!((moved.starts_at.to_rfc3339().as_str(), moved.place.as_str()), ("2026-12-06T11:30:00-05:00", "Hall C"));
    assert_eq!(f.sync().await, report(0, 0, 0, 0));
}

#[tokio::test]
async fn a_sync_killed_after_the_server_took_an_item_makes_no_duplicate() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    // What a sync stopped between the PUT and saving its answer leaves: the
    // item on the server, nothing in Hallway's state.
    let items = hallway_core::export::ics::items(&f.store, f.congress, &engine::default_options()).await.unwrap();
    f.client.create(&f.calendar, &items[0].uid, &items[0].text).await.unwrap();
    assert!(state::items(&f.store, f.congress).await.unwrap().is_empty());

    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    assert_eq!(server.read_back(&f.calendar).as_array().unwrap().len(), 1);
    assert_eq!(f.sync().await, report(0, 0, 0, 0));
}

#[tokio::test]
async fn a_meeting_moved_on_the_server_comes_back_and_a_two_sided_edit_is_a_conflict() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    let uid = meetings::get(&f.store, f.meeting).await.unwrap().uid;

    // Another client moves it two hours later, to another place.
    server.read_back_with(&f.calendar, &["--move", &uid, "120", "Hall B café"]);
    assert_eq!(f.sync().await, report(0, 1, 0, 0));
    let moved = meetings::get(&f.store, f.meeting).await.unwrap();
    assert_eq!(moved.starts_at.to_rfc3339(), "2026-12-06T12:30:00-05:00");
    assert_eq!(moved.place, "Hall B café");
    assert_eq!(f.sync().await, report(0, 0, 0, 0), "what came back is not sent again");

    // Both sides change it: the server keeps its version, Hallway keeps both.
    let mut draft = draft_of(&moved);
    draft.title = "Coffee with Ana (and her fellow)".into();
    meetings::update(&f.store, f.meeting, &draft).await.unwrap();
    server.read_back_with(&f.calendar, &["--move", &uid, "30", "Lobby"]);
    assert_eq!(f.sync().await, report(0, 0, 0, 1));
    let open = state::conflicts(&f.store, Some(f.congress)).await.unwrap();
    assert_eq!(open.len(), 1);
    assert!(open[0].local_text.contains("SUMMARY:Coffee with Ana (and her fellow)"), "{}", open[0].local_text);
    assert!(open[0].server_text.as_deref().unwrap_or("").contains("LOCATION:Lobby"));
    let there = server.read_back(&f.calendar);
    assert_eq!(summaries(&there), vec!["Coffee with Ana"], "the server's version is not overwritten");
    assert_eq!(f.sync().await, report(0, 0, 0, 0), "an open conflict waits for the user");
    assert_eq!(meetings::get(&f.store, f.meeting).await.unwrap().title, "Coffee with Ana (and her fellow)");
}

#[tokio::test]
async fn a_refused_sync_token_falls_back_to_a_full_listing_with_no_duplicate_and_no_lost_deletion() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    let ana = meetings::get(&f.store, f.meeting).await.unwrap();
    let mut second = draft_of(&ana);
    second.title = "Lunch with Ana".into();
    second.starts_local = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(12, 0, 0).unwrap();
    meetings::create(&f.store, &second).await.unwrap();
    assert_eq!(f.sync().await, report(2, 0, 0, 0));

    // Deleted on the phone while the stored token became one the server no
    // longer knows (expired, or the server was restored from a backup).
    server.read_back_with(&f.calendar, &["--delete", &ana.uid]);
    let bogus = "http://radicale.org/ns/sync/0000000000";
    state::finish_sync(&f.store, f.congress, Some(bogus), None).await.unwrap();
    assert_eq!(f.sync().await, report(0, 0, 1, 0), "the deletion is found by the full listing");
    assert_eq!(meetings::get(&f.store, f.meeting).await.unwrap().status, MeetingStatus::Cancelled);
    assert_eq!(summaries(&server.read_back(&f.calendar)), vec!["Lunch with Ana"], "no duplicate");
    let token = state::calendar(&f.store, f.congress).await.unwrap().unwrap().sync_token.unwrap();
    assert_ne!(token, bogus, "a token the server issued is stored again");
    assert_eq!(f.sync().await, report(0, 0, 0, 0));
}

#[tokio::test]
async fn a_reply_without_an_etag_is_followed_by_getetag_and_the_item_is_stored_with_the_real_one() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    let proxy = EtaglessProxy::start(&server.host_port());
    let client = DavClient::connect(&proxy.url(), server.user(), server.password()).await.unwrap();
    let options = engine::default_options();
    let run = || engine::run(&f.store, &client, f.congress, &options);
    assert_eq!(run().await.unwrap(), report(1, 0, 0, 0));
    assert!(proxy.dropped() > 0, "the server's ETag headers were dropped on the way");
    let stored = state::items(&f.store, f.congress).await.unwrap();
    let listed = server.read_back(&f.calendar);
    assert_eq!(stored.len(), 1);
    assert_eq!(Some(stored[0].etag.as_str()), listed[0]["etag"].as_str(), "the ETag the server holds, read by getetag");
    assert_eq!(run().await.unwrap(), report(0, 0, 0, 0));
}

#[tokio::test]
async fn connecting_another_server_moves_the_congress_there_with_its_choices() {
    let first = DavServer::radicale();
    let f = fixture(&first).await;
    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    let choices = state::SyncChoices { alarm_minutes: Some(15), follow_ups: false, ..state::SyncChoices::default() };
    assert!(state::set_choices(&f.store, f.congress, &choices).await.unwrap());

    let second = DavServer::radicale();
    let (account, client) = account::connect(&f.store, &second.url(), second.user(), second.password()).await.unwrap();
    assert_eq!(account::sync_with(&f.store, &client, f.congress, &|_, _| {}).await.unwrap(), report(1, 0, 0, 0));
    let calendar = state::calendar(&f.store, f.congress).await.unwrap().unwrap();
    assert_eq!((calendar.account_id, calendar.choices), (account.id, choices));
    let there = second.read_back(&calendar.href);
    assert_eq!(summaries(&there), vec!["Coffee with Ana"]);
    assert_eq!(first.read_back(&f.calendar).as_array().unwrap().len(), 1, "the first server's copy is left as it was");
}

#[tokio::test]
async fn a_meeting_deleted_on_the_server_is_cancelled_here() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    let uid = meetings::get(&f.store, f.meeting).await.unwrap().uid;
    server.read_back_with(&f.calendar, &["--delete", &uid]);
    assert_eq!(f.sync().await, report(0, 0, 1, 0));
    assert_eq!(meetings::get(&f.store, f.meeting).await.unwrap().status, MeetingStatus::Cancelled);
    assert_eq!(f.sync().await, report(0, 0, 0, 0), "a cancelled meeting is not sent back");
}

#[tokio::test]
async fn a_server_gone_mid_sync_stops_with_words_and_loses_nothing() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    let before = state::items(&f.store, f.congress).await.unwrap();
    drop(server);
    let err = engine::run(&f.store, &f.client, f.congress, &engine::default_options()).await.unwrap_err();
    assert!(matches!(err, SyncError::Dav(_)), "{err:?}");
    let saved = state::calendar(&f.store, f.congress).await.unwrap().unwrap();
    assert_eq!(saved.last_error.as_deref(), Some(err.user_message().as_str()));
    assert!(err.user_message().contains("could not be reached"), "{}", err.user_message());
    assert_eq!(state::items(&f.store, f.congress).await.unwrap(), before);
}

#[tokio::test]
async fn what_the_phone_added_survives_hallways_next_change_and_sequence_rises_only_on_real_changes() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    let uid = meetings::get(&f.store, f.meeting).await.unwrap().uid;
    let first = &server.read_back(&f.calendar)[0];
    let sequence = first["sequence"].as_i64().unwrap();
    assert_eq!(f.sync().await, report(0, 0, 0, 0));
    assert_eq!(server.read_back(&f.calendar)[0]["sequence"].as_i64().unwrap(), sequence, "no change, same SEQUENCE");

    // On the phone: a note typed into the description, a reminder and a category.
    server.read_back_with(&f.calendar, &["--note", &uid, "Bring the MRD slides"]);
    assert_eq!(f.sync().await, report(0, 1, 0, 0));
    let here = meetings::get(&f.store, f.meeting).await.unwrap();
    assert_eq!(here.notes, "Bring the MRD slides", "the phone's note comes into the meeting's notes");

    // Hallway changes the meeting: the phone's reminder and category go along.
    let mut draft = draft_of(&here);
    draft.title = "Coffee with Ana, MRD".into();
    meetings::update(&f.store, f.meeting, &draft).await.unwrap();
    assert_eq!(f.sync().await, report(1, 0, 0, 0));
    let after = &server.read_back(&f.calendar)[0];
    assert_eq!(after["uid"], uid.as_str());
    assert_eq!(after["summary"], "Coffee with Ana, MRD");
    assert_eq!(after["alarms"], serde_json::json!(["-PT10M"]), "{after}");
    assert_eq!(after["categories"], serde_json::json!(["Phone"]), "{after}");
    let description = after["description"].as_str().unwrap();
    assert_eq!(description.matches("Bring the MRD slides").count(), 1, "{description}");
    assert!(after["sequence"].as_i64().unwrap() > sequence, "a real change raises SEQUENCE: {after}");
    let raised = after["sequence"].as_i64().unwrap();
    assert_eq!(f.sync().await, report(0, 0, 0, 0));
    assert_eq!(server.read_back(&f.calendar)[0]["sequence"].as_i64().unwrap(), raised);
}

fn draft_of(m: &meetings::Meeting) -> MeetingDraft {
    MeetingDraft {
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
    }
}
