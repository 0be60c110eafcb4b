//! The contacts sync (hallway_core::sync::contacts) end to end against a
//! real Radicale, read back with an independent client (tests/sync/
//! read_cards.py, plain HTTP): the first sync makes the "Hallway" address
//! book and writes a card per target of the congresses that sync, with a
//! NOTE that says why to meet them and their next talk; a second sync with
//! nothing changed does nothing; a sync killed after the server took a card
//! makes no duplicate; lines a phone added to a card (a TEL, a BDAY) stay
//! when Hallway writes the card again; untargeting a person removes their
//! card, "everyone" adds a card for every person and "off" removes all of
//! Hallway's; a card someone else put in the address book is never touched.
//! Needs HALLWAY_DAV_PYTHON (see tests/support).

mod support;

use hallway_core::congress::{self, CongressDraft};
use hallway_core::ids::{CongressId, PersonId, TargetId};
use hallway_core::pitches::{self, Audience, PitchDraft};
use hallway_core::sync::account;
use hallway_core::sync::contacts::{self, Choice};
use hallway_core::sync::dav::DavClient;
use hallway_core::sync::engine::SyncReport;
use hallway_core::sync::state::{self, Account};
use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
use hallway_core::{people, program, Store};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use support::dav_server::{self, DavServer};

struct Fixture {
    store: Store,
    account: Account,
    client: DavClient,
    /// A speaker at the congress that syncs: a target with a reason, a pitch and talks.
    speaker: PersonId,
    /// A target with no talk.
    ana: PersonId,
    ana_target: TargetId,
    /// A target at a congress that does not sync.
    elsewhere: PersonId,
    congress: CongressId,
    _dir: tempfile::TempDir,
}

async fn new_congress(store: &Store, name: &str, short: &str, starts: &str, ends: &str) -> CongressId {
    let draft = CongressDraft {
        name: name.into(),
        short_name: short.into(),
        starts_on: starts.into(),
        ends_on: ends.into(),
        time_zone: "Europe/Amsterdam".into(),
        ..CongressDraft::default()
    };
    congress::create(store, &draft).await.unwrap().id
}

fn target(why: Why, reason: &str) -> TargetDraft {
    TargetDraft { priority: Priority::Must, why, status: TargetStatus::Idea, reason: reason.into() }
}

async fn fixture(server: &DavServer) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    // In the future, so the speaker's talks are still to come.
    let congress = new_congress(&store, "EHA 2031 Congress", "EHA31", "2031-06-12", "2031-06-15").await;
    program::sample::load(&store, congress).await.unwrap();
    let speaker: PersonId = sqlx::query_scalar(
        "SELECT sp.person_id FROM session_people sp JOIN sessions s ON s.id = sp.session_id \
         WHERE s.congress_id = ? GROUP BY sp.person_id ORDER BY MIN(s.starts_at), sp.person_id LIMIT 1",
    )
    .bind(congress)
    .fetch_one(store.pool())
    .await
    .unwrap();
    let target_id = targets::set(
        &store,
        congress,
        speaker,
        &target(Why::Collaborator, "Runs the Nordic CAR-T registry, wants sites"),
    )
    .await
    .unwrap()
    .id;
    let pitch = pitches::create(
        &store,
        &PitchDraft {
            congress_id: None,
            audience: Audience::Collaborator,
            title: "To a registry lead".into(),
            body: "I run a myeloma clinic in Oslo, and our CAR-T data could join your registry.".into(),
            target_seconds: 30,
            words_per_minute: 130,
        },
    )
    .await
    .unwrap();
    pitches::link(&store, target_id, Some(pitch.id)).await.unwrap();

    let ana = people::create(&store, &people::PersonDraft { display_name: "Ana Sánchez".into(), ..Default::default() })
        .await
        .unwrap()
        .id;
    let ana_target = targets::set(&store, congress, ana, &target(Why::Mentor, "")).await.unwrap().id;

    let other = new_congress(&store, "ASH 2031", "ASH31", "2031-12-06", "2031-12-09").await;
    let elsewhere =
        people::create(&store, &people::PersonDraft { display_name: "Lee Park".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    targets::set(&store, other, elsewhere, &target(Why::Peer, "")).await.unwrap();

    let (account, client) = account::connect(&store, &server.url(), server.user(), server.password()).await.unwrap();
    let calendar = client.create_calendar("Hallway · EHA31").await.unwrap();
    state::set_calendar(&store, congress, account.id, &calendar, true).await.unwrap();
    Fixture { store, account, client, speaker, ana, ana_target, elsewhere, congress, _dir: dir }
}

impl Fixture {
    async fn sync(&self) -> SyncReport {
        contacts::sync_contacts(&self.store, &self.client, &self.account).await.unwrap()
    }

    async fn book(&self) -> String {
        sqlx::query_scalar("SELECT addressbook_href FROM dav_accounts WHERE id = ?")
            .bind(self.account.id)
            .fetch_one(self.store.pool())
            .await
            .unwrap()
    }
}

fn report(pushed: u32, removed: u32) -> SyncReport {
    SyncReport { pushed, pulled: 0, removed, conflicts: 0 }
}

fn uid(person: PersonId) -> String {
    format!("person-{person}@hallway.app")
}

/// Runs tests/sync/read_cards.py on an address book (after `extra`, which
/// acts as another client) and returns its cards, sorted by href.
fn read_cards(server: &DavServer, book: &str, extra: &[&str]) -> Vec<Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/sync/read_cards.py");
    let url = format!("{}{}", server.url().trim_end_matches('/'), book);
    let output = Command::new(dav_server::python())
        .arg(&script)
        .args([url.as_str(), server.user(), server.password()])
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    assert!(
        output.status.success(),
        "read_cards.py failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        server.log()
    );
    let listed: Value = serde_json::from_slice(&output.stdout).unwrap();
    listed.as_array().unwrap().clone()
}

fn uids(cards: &[Value]) -> Vec<String> {
    let mut all: Vec<String> = cards.iter().map(|c| c["uid"].as_str().unwrap_or("").to_owned()).collect();
    all.sort();
    all
}

fn card(cards: &[Value], person: PersonId) -> &str {
    let uid = uid(person);
    cards.iter().find(|c| c["uid"] == uid.as_str()).and_then(|c| c["text"].as_str()).unwrap_or_else(|| {
        panic!("no card {uid} in {cards:?}");
    })
}

/// The card's unfolded lines.
fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n ", "").replace("\n ", "").lines().map(str::to_owned).collect()
}

/// The NOTE as the phone shows it (TEXT unescaped).
fn note(text: &str) -> String {
    let line = lines(text).into_iter().find(|l| l.starts_with("NOTE")).unwrap_or_default();
    let value = line.split_once(':').map_or("", |(_, v)| v);
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[tokio::test]
async fn the_targets_go_to_the_phone_once_with_why_and_their_next_talk() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;

    let without = Account { addressbook_home: None, ..f.account.clone() };
    let nothing = contacts::sync_contacts(&f.store, &f.client, &without).await.unwrap();
    assert_eq!(nothing, SyncReport::default(), "a server without CardDAV gets no cards");
    assert_eq!(contacts::choice(&f.store, f.account.id).await.unwrap(), Choice::Targets);

    assert_eq!(f.sync().await, report(2, 0));
    let book = f.book().await;
    let books = f.client.addressbooks().await.unwrap();
    let made = books.iter().find(|b| b.href == book).expect("the address book Hallway made");
    assert_eq!(made.display_name.as_deref(), Some("Hallway"));

    let cards = read_cards(&server, &book, &[]);
    assert_eq!(uids(&cards), {
        let mut both = vec![uid(f.speaker), uid(f.ana)];
        both.sort();
        both
    });
    assert!(!uids(&cards).contains(&uid(f.elsewhere)), "a target of a congress that does not sync stays off");

    let (title, starts, room): (String, i64, Option<String>) = sqlx::query_as(
        "SELECT s.title, s.starts_at, s.room FROM sessions s JOIN session_people sp ON sp.session_id = s.id \
         WHERE sp.person_id = ? AND s.congress_id = ? AND s.board IS NULL AND s.kind <> 'poster' \
         ORDER BY s.starts_at LIMIT 1",
    )
    .bind(f.speaker)
    .bind(f.congress)
    .fetch_one(f.store.pool())
    .await
    .unwrap();
    let at = |seconds: i64, format: &str| {
        chrono::DateTime::from_timestamp(seconds, 0)
            .unwrap()
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .format(format)
            .to_string()
    };
    let when = at(starts, "%a %-d %b %H:%M");
    // Their poster comes apart from their next talk, with its hour.
    let (poster, from, to): (String, i64, i64) = sqlx::query_as(
        "SELECT s.title, s.starts_at, s.ends_at FROM sessions s JOIN session_people sp ON sp.session_id = s.id \
         WHERE sp.person_id = ? AND s.congress_id = ? AND (s.board IS NOT NULL OR s.kind = 'poster') \
         ORDER BY s.starts_at LIMIT 1",
    )
    .bind(f.speaker)
    .bind(f.congress)
    .fetch_one(f.store.pool())
    .await
    .unwrap();
    let speaker = card(&cards, f.speaker);
    assert!(lines(speaker).contains(&"VERSION:3.0".to_owned()), "{speaker}");
    assert_eq!(
        note(speaker),
        format!(
            "EHA31: must meet · collaborator\nWhy: Runs the Nordic CAR-T registry, wants sites\n\
             Pitch: To a registry lead: I run a myeloma clinic in Oslo, and our CAR-T data could join your \
             registry.\nNext talk: {when}, {}: {title}\nPoster: {}–{}: {poster}",
            room.unwrap(),
            at(from, "%a %-d %b %H:%M"),
            at(to, "%H:%M"),
        )
    );
    assert_eq!(note(card(&cards, f.ana)), "EHA31: must meet · mentor");

    assert_eq!(f.sync().await, report(0, 0), "nothing changed, nothing sent");

    // A sync stopped after the server took a card, before Hallway saved it:
    // the card is written over, not added again.
    sqlx::query("DELETE FROM dav_cards WHERE uid = ?").bind(uid(f.ana)).execute(f.store.pool()).await.unwrap();
    assert_eq!(f.sync().await, report(1, 0));
    assert_eq!(read_cards(&server, &book, &[]).len(), 2);
    assert_eq!(f.sync().await, report(0, 0));
}

#[tokio::test]
async fn what_the_phone_added_to_a_card_stays_when_hallway_writes_it_again() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    assert_eq!(f.sync().await, report(2, 0));
    let book = f.book().await;
    let ana = uid(f.ana);

    // The phone adds a mobile number and a birthday.
    read_cards(&server, &book, &["--append", &ana, "TEL;TYPE=CELL:+34 611 111 111\nBDAY:1975-05-17"]);
    assert_eq!(f.sync().await, report(1, 0), "Hallway's own card is written again, the additions with it");
    let kept: Option<String> = sqlx::query_scalar("SELECT kept FROM dav_cards WHERE uid = ?")
        .bind(&ana)
        .fetch_one(f.store.pool())
        .await
        .unwrap();
    // Radicale stores cards as it re-serialises them: the lines may come back in another order.
    let mut kept: Vec<&str> = kept.as_deref().unwrap_or("").split_terminator("\r\n").collect();
    kept.sort_unstable();
    assert_eq!(kept, vec!["BDAY:1975-05-17", "TEL;TYPE=CELL:+34 611 111 111"]);
    assert_eq!(f.sync().await, report(0, 0));

    // Hallway changes the person: the phone's lines stay.
    let mut draft = people::PersonDraft {
        display_name: "Ana Sánchez".into(),
        institution: "Hospital Clínic".into(),
        ..Default::default()
    };
    people::update(&f.store, f.ana, &draft).await.unwrap();
    assert_eq!(f.sync().await, report(1, 0));
    let text = card(&read_cards(&server, &book, &[]), f.ana).to_owned();
    let written = lines(&text);
    for expected in ["ORG:Hospital Clínic", "TEL;TYPE=CELL:+34 611 111 111", "BDAY:1975-05-17", "FN:Ana Sánchez"] {
        assert!(written.iter().any(|l| l == expected), "{expected} in {text}");
    }
    assert_eq!(note(&text), "EHA31: must meet · mentor");
    let mut unique = written.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), written.len(), "no line twice: {text}");
    assert_eq!(f.sync().await, report(0, 0), "a phone's addition is no change in Hallway");

    // Once Hallway knows a number, its own replaces the phone's; the birthday stays.
    draft.phone = "+34 600 000 000".into();
    people::update(&f.store, f.ana, &draft).await.unwrap();
    assert_eq!(f.sync().await, report(1, 0));
    let text = card(&read_cards(&server, &book, &[]), f.ana).to_owned();
    let tels: Vec<String> = lines(&text).into_iter().filter(|l| l.starts_with("TEL")).collect();
    assert_eq!(tels, vec!["TEL;TYPE=VOICE:+34 600 000 000".to_owned()], "{text}");
    assert!(lines(&text).contains(&"BDAY:1975-05-17".to_owned()), "{text}");
    assert_eq!(f.sync().await, report(0, 0));
}

#[tokio::test]
async fn cards_leave_with_the_targets_and_someone_elses_card_is_never_touched() {
    let server = DavServer::radicale();
    let f = fixture(&server).await;
    assert_eq!(f.sync().await, report(2, 0));
    let book = f.book().await;
    let theirs = "BEGIN:VCARD\nVERSION:3.0\nUID:someone-else@example.org\nN:Else;Some;;;\nFN:Some Else\nEND:VCARD\n";
    let cards = read_cards(&server, &book, &["--add", "someone-else.vcf", theirs]);
    let their_etag = cards.iter().find(|c| c["uid"] == "someone-else@example.org").unwrap()["etag"].clone();
    assert_eq!(f.sync().await, report(0, 0), "someone else's card is not Hallway's business");

    // No longer a target: the card goes.
    targets::remove(&f.store, f.ana_target).await.unwrap();
    assert_eq!(f.sync().await, report(0, 1));
    assert_eq!(uids(&read_cards(&server, &book, &[])), vec![uid(f.speaker), "someone-else@example.org".to_owned()]);

    // Everyone: a card for every person.
    let everyone: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE deleted_at IS NULL")
        .fetch_one(f.store.pool())
        .await
        .unwrap();
    let everyone = u32::try_from(everyone).unwrap();
    contacts::set_choice(&f.store, f.account.id, Choice::Everyone).await.unwrap();
    assert_eq!(f.sync().await, report(everyone - 1, 0));
    let cards = read_cards(&server, &book, &[]);
    assert_eq!(cards.len(), everyone as usize + 1);
    assert_eq!(note(card(&cards, f.elsewhere)), "", "a target of a congress that does not sync has no note");
    assert_eq!(f.sync().await, report(0, 0));

    // Off: every card Hallway wrote goes, and only those.
    contacts::set_choice(&f.store, f.account.id, Choice::Off).await.unwrap();
    assert_eq!(f.sync().await, report(0, everyone));
    let left = read_cards(&server, &book, &[]);
    assert_eq!(uids(&left), vec!["someone-else@example.org".to_owned()]);
    assert_eq!(left[0]["etag"], their_etag, "untouched");
    assert_eq!(f.sync().await, report(0, 0));
}
