//! Whole program files through `import_file`, the path the app and the CLI
//! take: a 40 MB export imports; an empty file, binary junk and a file over
//! the size bound are refused by name and leave the database as it was.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::program::import::{import_file, ImportProgress, MAX_FILE_BYTES};
use hallway_core::{stats, CoreError, Store};
use std::io::Write;
use std::sync::atomic::AtomicBool;

async fn setup(dir: &tempfile::TempDir) -> (Store, hallway_core::ids::CongressId) {
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    let id = congress::create(&store, &draft).await.unwrap().id;
    (store, id)
}

async fn import(store: &Store, c: hallway_core::ids::CongressId, path: &std::path::Path) -> hallway_core::Result<u32> {
    let never = AtomicBool::new(false);
    let seen = std::sync::Mutex::new(0u32);
    let report = import_file(store, c, path, &|p: ImportProgress| *seen.lock().unwrap() = p.done, &never).await?;
    assert_eq!(*seen.lock().unwrap(), report.added + report.updated + report.unchanged + report.withdrawn);
    Ok(report.added)
}

#[tokio::test]
async fn a_forty_megabyte_export_imports_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    let path = dir.path().join("big.ics");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    write!(file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n").unwrap();
    // Long abstracts, folded at 75 octets, as real program exports carry.
    let abstract_text = "Minimal residual disease negativity after quadruplet induction, ".repeat(320);
    let events = 2_000;
    for i in 0..events {
        write!(
            file,
            "BEGIN:VEVENT\r\nUID:big-{i}\r\nDTSTART:20261205T{:02}0000Z\r\nDTEND:20261205T{:02}3000Z\r\nSUMMARY:Abstract {i}\r\n",
            12 + i % 10,
            12 + i % 10
        )
        .unwrap();
        let line = format!("DESCRIPTION:{abstract_text}");
        let bytes = line.as_bytes();
        for (n, chunk) in bytes.chunks(74).enumerate() {
            if n > 0 {
                file.write_all(b"\r\n ").unwrap();
            }
            file.write_all(chunk).unwrap();
        }
        write!(file, "\r\nEND:VEVENT\r\n").unwrap();
    }
    write!(file, "END:VCALENDAR\r\n").unwrap();
    drop(file);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 40 * 1024 * 1024, "only {size} bytes");

    assert_eq!(import(&store, c, &path).await.unwrap(), events);
    assert_eq!(stats::collect(&store).await.unwrap().0["sessions"], u64::from(events));
}

#[tokio::test]
async fn empty_junk_and_oversized_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;

    let empty = dir.path().join("empty.ics");
    std::fs::write(&empty, b"").unwrap();
    let junk = dir.path().join("junk.xml");
    std::fs::write(&junk, (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<_>>()).unwrap();
    // A sparse file: over the bound without filling the disk.
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge).unwrap().set_len(MAX_FILE_BYTES as u64 + 1).unwrap();
    let header_only = dir.path().join("header.csv");
    std::fs::write(&header_only, b"Title,Start,End\n").unwrap();

    for (path, words) in
        [(&empty, "empty"), (&junk, "not a text file"), (&huge, "up to 100 MB"), (&header_only, "no sessions")]
    {
        let Err(CoreError::Import { file, detail }) = import(&store, c, path).await else {
            panic!("{} must be refused", path.display())
        };
        assert_eq!(file, path.file_name().unwrap().to_string_lossy());
        assert!(detail.message.contains(words), "{}: {}", file, detail.message);
    }
    assert_eq!(stats::collect(&store).await.unwrap().0["sessions"], 0);
}

/// A program that lists each talk's speakers as ordinary ATTENDEEs (issue
/// 17: 9,000 such events gave no people at all), with the user's own
/// address on every event as a personal copy of it would have.
#[tokio::test]
async fn speakers_listed_as_attendees_come_in_and_the_owner_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for i in 0..30 {
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:talk-{i}\r\nDTSTART:20261206T{:02}0000Z\r\nDTEND:20261206T{:02}3000Z\r\n\
             SUMMARY:Talk {i}\r\nORGANIZER;CN=Program Office:mailto:program@congress.example\r\n\
             ATTENDEE;CN=Speaker {i}a;ROLE=REQ-PARTICIPANT:mailto:s{i}a@clinic.example\r\n\
             ATTENDEE;CN=\"Speaker {i}b, MD\";ROLE=REQ-PARTICIPANT:mailto:s{i}b@clinic.example\r\n\
             ATTENDEE;CN=Me Myself;PARTSTAT=ACCEPTED:mailto:me@home.example\r\n\
             ATTENDEE;CN=Observer;ROLE=NON-PARTICIPANT:mailto:obs@congress.example\r\nEND:VEVENT\r\n",
            12 + i % 10,
            12 + i % 10
        ));
    }
    ics.push_str("END:VCALENDAR\r\n");
    let never = AtomicBool::new(false);
    let report =
        hallway_core::program::import::import_bytes(&store, c, "speakers.ics", ics.into_bytes(), &|_| {}, &never)
            .await
            .unwrap();
    assert_eq!((report.added, report.people_added), (30, 60), "{report:?}");
    let note = report.notes.iter().find(|n| n.starts_with("People:")).expect("where the people came from");
    assert!(note.contains("60 from the events' attendees") && note.contains("me@home.example"), "{note}");
    let names: Vec<String> = sqlx::query_scalar("SELECT display_name FROM people ORDER BY display_name")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert!(names.contains(&"Speaker 7b".to_owned()), "credentials stripped from the CN: {names:?}");
    assert!(!names.iter().any(|n| n == "Me Myself" || n == "Observer" || n == "Program Office"), "{names:?}");
}

fn nested_program(with_parent: bool) -> Vec<u8> {
    let event = |uid: &str, start: &str, end: &str, title: &str, extra: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20261206T{start}00Z\r\nDTEND:20261206T{end}00Z\r\nSUMMARY:{title}\r\n\
             LOCATION:Hall A\r\n{extra}END:VEVENT\r\n"
        )
    };
    let second_link = if with_parent { "RELATED-TO:oral-1\r\n" } else { "" };
    [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n".to_owned(),
        event("oral-1", "1400", "1530", "Oral session 101: Myeloma", ""),
        event("talk-1", "1400", "1415", "653 Quadruplet induction", "RELATED-TO;RELTYPE=PARENT:oral-1\r\n"),
        event("talk-2", "1415", "1430", "654 MRD after transplant", second_link),
        event("aside", "1600", "1700", "Satellite", "RELATED-TO;RELTYPE=SIBLING:oral-1\r\n"),
        event("poster-1", "1800", "2000", "2345 Hydroxyurea adherence", "X-POSTER-BOARD:I-123\r\n"),
        "END:VCALENDAR\r\n".to_owned(),
    ]
    .concat()
    .into_bytes()
}

/// Each item's session (by key) and board, for the items that have either.
async fn nesting(
    store: &Store,
    c: hallway_core::ids::CongressId,
) -> std::collections::HashMap<String, (Option<String>, Option<String>)> {
    let all = hallway_core::program::list(store, c).await.unwrap();
    let key_of = |id| all.iter().find(|s| s.id == id).map(|s| s.key.clone());
    all.iter()
        .filter(|s| s.parent_id.is_some() || s.board.is_some())
        .map(|s| (s.key.clone(), (s.parent_id.and_then(key_of), s.board.clone())))
        .collect()
}

#[tokio::test]
async fn related_to_places_talks_in_their_session_and_boards_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    let never = AtomicBool::new(false);
    let import =
        |bytes: Vec<u8>| hallway_core::program::import::import_bytes(&store, c, "nested.ics", bytes, &|_| {}, &never);
    let report = import(nested_program(true)).await.unwrap();
    assert_eq!(report.added, 5);
    assert!(
        report.notes.iter().any(|n| n == "2 items were placed in the session that holds them, as the file says."),
        "{:?}",
        report.notes
    );
    let keys = |title: &str| {
        let store = store.clone();
        let title = title.to_owned();
        async move {
            sqlx::query_scalar::<_, String>("SELECT key FROM sessions WHERE title = ?")
                .bind(title)
                .fetch_one(store.pool())
                .await
                .unwrap()
        }
    };
    let session = keys("Oral session 101: Myeloma").await;
    let structure = nesting(&store, c).await;
    let (talk1, talk2, aside, poster) = (
        keys("653 Quadruplet induction").await,
        keys("654 MRD after transplant").await,
        keys("Satellite").await,
        keys("2345 Hydroxyurea adherence").await,
    );
    assert_eq!(structure[&talk1], (Some(session.clone()), None), "RELTYPE=PARENT");
    assert_eq!(structure[&talk2], (Some(session.clone()), None), "no RELTYPE reads as parent");
    assert!(!structure.contains_key(&aside), "a sibling is not nested");
    assert_eq!(structure[&poster], (None, Some("I-123".to_owned())));

    let again = import(nested_program(true)).await.unwrap();
    assert_eq!((again.unchanged, again.updated, again.added), (5, 0, 0), "the same file changes nothing");
    // The second talk no longer names its session: taken out of it.
    let flat = import(nested_program(false)).await.unwrap();
    assert_eq!(flat.updated, 1);
    let structure = nesting(&store, c).await;
    assert!(!structure.contains_key(&talk2));
    assert_eq!(structure[&talk1].0.as_deref(), Some(session.as_str()));

    // Attending the session and one of its talks is no clash; the talk taken
    // out of it (talk 2) overlaps the session like any other.
    let id = |key: String| {
        let store = store.clone();
        async move {
            let id: i64 = sqlx::query_scalar("SELECT id FROM sessions WHERE key = ?")
                .bind(key)
                .fetch_one(store.pool())
                .await
                .unwrap();
            hallway_core::ids::SessionId(id)
        }
    };
    let attending = Some(hallway_core::program::Attendance::Attending);
    for key in [session.clone(), talk1.clone(), talk2.clone()] {
        hallway_core::program::set_attendance(&store, id(key).await, attending).await.unwrap();
    }
    let clashes = hallway_core::plan::clashes::agenda(&store, c).await.unwrap();
    use hallway_core::plan::clashes::AgendaItem::Session;
    let (oral, second) = (id(session).await, id(talk2).await);
    assert_eq!(clashes.len(), 1, "{clashes:?}");
    assert_eq!((clashes[0].first, clashes[0].second), (Session(oral), Session(second)));

    // Today says the same: at 14:05 the session and its first talk are on,
    // and only the talk taken out of it clashes with the session.
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-06T14:05:00Z").unwrap().timestamp();
    let today = hallway_core::plan::today::today(&store, c, at).await.unwrap();
    let clashes_of =
        |title: &str| today.current.iter().find(|i| i.title == title).map(|i| i.clashes_with.clone()).expect(title);
    assert_eq!(clashes_of("Oral session 101: Myeloma"), vec!["654 MRD after transplant".to_owned()]);
    assert!(clashes_of("653 Quadruplet induction").is_empty(), "a talk never clashes with its own session");
}

#[tokio::test]
async fn a_csv_session_column_places_talks_in_sessions_made_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    let csv = "Title,Session,Start,End,Room,Poster board\n\
               653 Quadruplet induction,Oral 101,2026-12-06 14:00,14:15,Hall A,\n\
               654 MRD after transplant,Oral 101,2026-12-06 14:15,14:30,Hall A,\n\
               2345 Hydroxyurea adherence,Posters II,2026-12-06 18:00,20:00,Poster Hall,I-123\n";
    let never = AtomicBool::new(false);
    let import = || {
        hallway_core::program::import::import_bytes(&store, c, "program.csv", csv.as_bytes().to_vec(), &|_| {}, &never)
    };
    let report = import().await.unwrap();
    assert_eq!(report.added, 5, "three rows and two sessions made for them");
    let all = hallway_core::program::list(&store, c).await.unwrap();
    let id_of = |title: &str| all.iter().find(|s| s.title == title).unwrap().id;
    let parent_of = |title: &str| all.iter().find(|s| s.title == title).unwrap().parent_id;
    assert_eq!(parent_of("653 Quadruplet induction"), Some(id_of("Oral 101")));
    assert_eq!(parent_of("654 MRD after transplant"), Some(id_of("Oral 101")));
    assert_eq!(parent_of("2345 Hydroxyurea adherence"), Some(id_of("Posters II")));
    let oral = all.iter().find(|s| s.title == "Oral 101").unwrap();
    assert_eq!(
        (oral.starts_at.to_rfc3339(), oral.ends_at.to_rfc3339()),
        ("2026-12-06T14:00:00-05:00".to_owned(), "2026-12-06T14:30:00-05:00".to_owned())
    );
    let again = import().await.unwrap();
    assert_eq!((again.unchanged, again.added, again.withdrawn), (5, 0, 0), "made sessions are found again");
}

/// A program of three sessions; `oral` is (start hour UTC, title), `room` the education session's room.
fn versioned(oral: (u32, &str), room: Option<&str>, new_talk: bool) -> Vec<u8> {
    let event = |uid: &str, start: u32, title: &str, location: &str, extra: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20261206T{start:02}0000Z\r\nDTEND:20261206T{:02}0000Z\r\n\
             SUMMARY:{title}\r\nLOCATION:{location}\r\n{extra}END:VEVENT\r\n",
            start + 1
        )
    };
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n");
    ics.push_str(&event("oral", oral.0, oral.1, "Hall A", ""));
    if let Some(room) = room {
        ics.push_str(&event("edu", 14, "Education: MDS", room, ""));
    }
    ics.push_str(&event("other", 16, "Satellite", "Hall C", ""));
    if new_talk {
        ics.push_str(&event("late", 17, "Late-breaking: CAR-T", "Hall A", "DESCRIPTION:Speakers: Ana Sánchez\r\n"));
    }
    ics.push_str("END:VCALENDAR\r\n");
    ics.into_bytes()
}

#[tokio::test]
async fn what_changed_for_me_after_a_reimport() {
    use hallway_core::program::changes::{self, ChangeKind};
    use hallway_core::program::{self, Attendance};
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    let never = AtomicBool::new(false);
    let import =
        |bytes: Vec<u8>| hallway_core::program::import::import_bytes(&store, c, "p.ics", bytes, &|_| {}, &never);
    import(versioned((19, "Oral 101"), Some("Room 6A"), false)).await.unwrap();
    let all = program::list(&store, c).await.unwrap();
    let id = |title: &str| all.iter().find(|s| s.title == title).unwrap().id;
    program::set_attendance(&store, id("Oral 101"), Some(Attendance::Attending)).await.unwrap();
    program::set_attendance(&store, id("Education: MDS"), Some(Attendance::Maybe)).await.unwrap();
    let ana = hallway_core::people::create(
        &store,
        &hallway_core::people::PersonDraft { display_name: "Ana Sánchez".into(), ..Default::default() },
    )
    .await
    .unwrap()
    .id;
    use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
    let draft =
        TargetDraft { priority: Priority::Must, why: Why::Peer, status: TargetStatus::Idea, reason: String::new() };
    targets::set(&store, c, ana, &draft).await.unwrap();
    assert!(changes::unseen(&store, c).await.unwrap().is_empty());
    // A coffee right after the oral session, where the session is about to move.
    let coffee = hallway_core::meetings::MeetingDraft {
        congress_id: c,
        title: "Coffee with Li".into(),
        purpose: String::new(),
        place: "Café".into(),
        kind: hallway_core::meetings::MeetingKind::Coffee,
        status: hallway_core::meetings::MeetingStatus::Confirmed,
        starts_local: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap().and_hms_opt(15, 0, 0).unwrap(),
        minutes: 30,
        notes: String::new(),
        people: vec![ana],
    };
    hallway_core::meetings::create(&store, &coffee).await.unwrap();

    // Moved an hour (onto the coffee) and retitled; the maybe moves room; an unmarked one moves (not mine); a target's new talk.
    let report = import(versioned((20, "Oral 101 (moved)"), Some("Room 7B"), true)).await.unwrap();
    assert!(report.notes.iter().any(|n| n.starts_with("5 changes to your plan")), "{:?}", report.notes);
    let seen = |list: &[changes::ProgramChange]| {
        let mut out: Vec<(String, ChangeKind, Option<String>, Option<String>)> =
            list.iter().map(|c| (c.title.clone(), c.kind, c.before.clone(), c.after.clone())).collect();
        out.sort_by(|a, b| (a.0.as_str(), a.1.as_str()).cmp(&(b.0.as_str(), b.1.as_str())));
        out
    };
    let s = |x: &str| Some(x.to_owned());
    let expected = vec![
        ("Education: MDS".to_owned(), ChangeKind::Room, s("Room 6A"), s("Room 7B")),
        ("Late-breaking: CAR-T".to_owned(), ChangeKind::NewTargetTalk, None, s("Ana Sánchez")),
        ("Oral 101 (moved)".to_owned(), ChangeKind::MeetingClash, None, s("Coffee with Li, 15:00–15:30")),
        ("Oral 101 (moved)".to_owned(), ChangeKind::Moved, s("Sun 6 Dec 14:00–15:00"), s("Sun 6 Dec 15:00–16:00")),
        ("Oral 101 (moved)".to_owned(), ChangeKind::Retitled, s("Oral 101"), s("Oral 101 (moved)")),
    ];
    assert_eq!(seen(&changes::unseen(&store, c).await.unwrap()), expected);
    import(versioned((20, "Oral 101 (moved)"), Some("Room 7B"), true)).await.unwrap();
    assert_eq!(seen(&changes::unseen(&store, c).await.unwrap()), expected, "the same file again adds nothing");

    // Moved back before it was seen: no longer a change; the new title still is.
    import(versioned((19, "Oral 101 (moved)"), Some("Room 7B"), true)).await.unwrap();
    let now = seen(&changes::unseen(&store, c).await.unwrap());
    assert!(!now.iter().any(|c| c.1 == ChangeKind::Moved), "{now:?}");
    assert!(!now.iter().any(|c| c.1 == ChangeKind::MeetingClash), "moved back off the coffee: {now:?}");
    assert_eq!(changes::acknowledge(&store, c).await.unwrap(), 3);
    assert!(changes::unseen(&store, c).await.unwrap().is_empty());

    // The maybe is withdrawn (gone from the file).
    import(versioned((19, "Oral 101 (moved)"), None, true)).await.unwrap();
    let gone = changes::unseen(&store, c).await.unwrap();
    assert_eq!((gone.len(), gone[0].kind, gone[0].title.as_str()), (1, ChangeKind::Withdrawn, "Education: MDS"));
    assert_eq!(gone[0].after, None);
}

/// Leave in time: the reminder minutes chosen in Settings plus the walking time, unless the
/// session before is in the same room; none for a talk inside a session attended.
#[tokio::test]
async fn leave_now_reminders_count_the_walk_from_another_room() {
    use hallway_core::program::{self, Attendance};
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    let mut settings = hallway_core::settings::get(&store).await.unwrap();
    (settings.alarm_minutes, settings.buffer_minutes) = (Some(10), 15);
    hallway_core::settings::update(&store, &settings).await.unwrap();
    let event = |uid: &str, start: &str, end: &str, room: &str, extra: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20261206T{start}00Z\r\nDTEND:20261206T{end}00Z\r\nSUMMARY:{uid}\r\n\
             LOCATION:{room}\r\n{extra}END:VEVENT\r\n"
        )
    };
    let ics = [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n".to_owned(),
        event("a", "1400", "1500", "Hall A", ""),
        event("b", "1500", "1600", "Hall B", ""),
        event("c", "1600", "1700", "Hall B", ""),
        event("c-talk", "1615", "1630", "Hall B", "RELATED-TO:c\r\n"),
        "END:VCALENDAR\r\n".to_owned(),
    ]
    .concat();
    let never = AtomicBool::new(false);
    hallway_core::program::import::import_bytes(&store, c, "day.ics", ics.into_bytes(), &|_| {}, &never).await.unwrap();
    for s in program::list(&store, c).await.unwrap() {
        program::set_attendance(&store, s.id, Some(Attendance::Attending)).await.unwrap();
    }
    let at = |hhmm: &str| chrono::DateTime::parse_from_rfc3339(&format!("2026-12-06T{hhmm}:00Z")).unwrap().timestamp();
    let day = hallway_core::follow_ups::reminders(&store, at("00:00"), at("23:59")).await.unwrap();
    let got: Vec<(String, i64)> = day.iter().map(|r| (r.title.clone(), r.at)).collect();
    assert_eq!(
        got,
        vec![
            ("Leave now: a".to_owned(), at("13:35")), // first of the day: 10 min and the walk
            ("Leave now: b".to_owned(), at("14:35")), // from Hall A to Hall B
            ("Leave now: c".to_owned(), at("15:50")), // already in Hall B
        ],
        "and none for the talk inside c"
    );
    assert_eq!(day[1].body, "Hall B, starts 10:00 · 15 min walk");
    assert_eq!(day[2].body, "Hall B, starts 11:00");

    // The venue's own buffer replaces Settings' for this congress; a pair of rooms has its own walk.
    use hallway_core::program::walking;
    walking::set_venue(&store, c, Some(5)).await.unwrap();
    let times = walking::set_pair(&store, c, "hall b", "Hall A", Some(25)).await.unwrap();
    assert_eq!(times.rooms, ["Hall A", "Hall B"]);
    assert_eq!((times.venue_minutes, times.default_minutes, times.pairs.len()), (Some(5), 15, 1));
    // A meeting with no reminder of its own is left for too: from Hall B (session c ends 12:00 EST) to the café.
    let ana = hallway_core::people::PersonDraft { display_name: "Ana Sánchez".into(), ..Default::default() };
    let ana = hallway_core::people::create(&store, &ana).await.unwrap().id;
    let meeting = hallway_core::meetings::MeetingDraft {
        congress_id: c,
        title: "Coffee with Ana".into(),
        purpose: String::new(),
        place: "Café Bleu".into(),
        kind: hallway_core::meetings::MeetingKind::Coffee,
        status: hallway_core::meetings::MeetingStatus::Confirmed,
        starts_local: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap().and_hms_opt(12, 30, 0).unwrap(),
        minutes: 30,
        notes: String::new(),
        people: vec![ana],
    };
    hallway_core::meetings::create(&store, &meeting).await.unwrap();
    let day = hallway_core::follow_ups::reminders(&store, at("00:00"), at("23:59")).await.unwrap();
    let got: Vec<(String, i64)> = day.iter().map(|r| (r.title.clone(), r.at)).collect();
    assert_eq!(
        got,
        vec![
            ("Leave now: a".to_owned(), at("13:45")),               // the venue's 5 min
            ("Leave now: b".to_owned(), at("14:25")),               // Hall A → Hall B: 25 min, either way round
            ("Leave now: c".to_owned(), at("15:50")),               // already in Hall B
            ("Leave now: Coffee with Ana".to_owned(), at("17:15")), // Hall B → the café: the venue's 5 min
        ]
    );
    // Forgetting the pair and the venue's buffer goes back to Settings' 15 min.
    walking::set_pair(&store, c, "Hall A", "Hall B", None).await.unwrap();
    assert!(walking::set_venue(&store, c, None).await.unwrap().pairs.is_empty());
    let day = hallway_core::follow_ups::reminders(&store, at("00:00"), at("23:59")).await.unwrap();
    assert_eq!(day[1].at, at("14:35"));
}

#[tokio::test]
async fn walking_times_refuse_what_is_not_a_walk() {
    use hallway_core::program::walking;
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    for (one, other, minutes, field) in [
        ("Hall A", " hall a", Some(5), "to"),
        ("", "Hall B", Some(5), "from"),
        ("Hall A", "Hall B", Some(121), "minutes"),
    ] {
        match walking::set_pair(&store, c, one, other, minutes).await {
            Err(hallway_core::CoreError::Invalid(problems)) => assert_eq!(problems[0].field, field, "{one} {other}"),
            other => panic!("expected a field problem, got {other:?}"),
        }
    }
    assert!(matches!(walking::set_venue(&store, c, Some(500)).await, Err(hallway_core::CoreError::Invalid(_))));
    assert!(matches!(
        walking::set_venue(&store, hallway_core::ids::CongressId(999), Some(5)).await,
        Err(hallway_core::CoreError::NotFound { .. })
    ));
    assert!(walking::get(&store, c).await.unwrap().pairs.is_empty(), "nothing was written");
}

#[tokio::test]
async fn a_targets_poster_comes_with_their_next_talk_not_as_it() {
    use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
    let dir = tempfile::tempdir().unwrap();
    let (store, c) = setup(&dir).await;
    let event = |uid: &str, start: &str, end: &str, room: &str, extra: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:20261206T{start}00Z\r\nDTEND:20261206T{end}00Z\r\nSUMMARY:{uid}\r\n\
             LOCATION:{room}\r\nDESCRIPTION:Speakers: Ana Sánchez\r\n{extra}END:VEVENT\r\n"
        )
    };
    let ics = [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n".to_owned(),
        event("early poster", "1200", "1300", "Hall G", "X-POSTER-BOARD:I-7\r\n"),
        event("talk", "1400", "1415", "Hall A", ""),
        event("late poster", "1800", "1900", "Hall G", "X-POSTER-BOARD:I-123\r\n"),
        "END:VCALENDAR\r\n".to_owned(),
    ]
    .concat();
    let never = AtomicBool::new(false);
    hallway_core::program::import::import_bytes(&store, c, "day.ics", ics.into_bytes(), &|_| {}, &never).await.unwrap();
    let ana = hallway_core::people::search(&store, "Ana Sánchez", 1).await.unwrap().remove(0);
    let draft =
        TargetDraft { priority: Priority::Must, why: Why::Peer, status: TargetStatus::Idea, reason: String::new() };
    targets::set(&store, c, ana.id, &draft).await.unwrap();
    let at = |hhmm: &str| chrono::DateTime::parse_from_rfc3339(&format!("2026-12-06T{hhmm}:00Z")).unwrap().timestamp();
    let seen = |t: &targets::Target| {
        (
            t.next_talk.as_ref().map(|n| n.title.clone()),
            t.poster
                .as_ref()
                .map(|p| (p.title.clone(), p.board.clone(), p.ends_at.timestamp() - p.starts_at.timestamp())),
        )
    };
    let morning = targets::list_at(&store, c, at("11:00")).await.unwrap();
    assert_eq!(
        seen(&morning[0]),
        (Some("talk".to_owned()), Some(("early poster".to_owned(), Some("I-7".to_owned()), 3600))),
        "the poster is not their next talk; it comes with it, board and hour"
    );
    let afternoon = targets::list_at(&store, c, at("13:30")).await.unwrap();
    assert_eq!(
        seen(&afternoon[0]),
        (Some("talk".to_owned()), Some(("late poster".to_owned(), Some("I-123".to_owned()), 3600)))
    );
    let evening = targets::list_at(&store, c, at("15:00")).await.unwrap();
    assert_eq!(seen(&evening[0]), (None, Some(("late poster".to_owned(), Some("I-123".to_owned()), 3600))));
}
