//! Import fidelity on files shaped like the real ones that lost or mis-keyed
//! items: ICS that reuses one UID for many talks, public names with commas
//! and brackets, a CSV whose "Abstract" column is prose beside an "ID"
//! column, one abstract number on two sessions, and items outside the
//! congress days. Each goes through the public import into a real SQLite
//! file; a property test then shuffles and edits a program and checks that
//! re-importing never moves a mark or a target's link to another session.
//! The fixtures in `tests/fixtures/program/fidelity/` were written for
//! these tests.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::ids::CongressId;
use hallway_core::program::import::{self, ImportProgress, ImportReport, SkipReason};
use hallway_core::program::{self, Attendance, Session};
use hallway_core::{CoreError, Store};
use proptest::prelude::*;
use std::sync::atomic::AtomicBool;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/program/fidelity/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn store_with(starts: &str, ends: &str, zone: &str) -> (tempfile::TempDir, Store, CongressId) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "Fidelity 2027".into(),
        starts_on: starts.into(),
        ends_on: ends.into(),
        time_zone: zone.into(),
        ..Default::default()
    };
    let id = congress::create(&store, &draft).await.unwrap().id;
    (dir, store, id)
}

async fn import(store: &Store, c: CongressId, name: &str, bytes: Vec<u8>) -> Result<ImportReport, CoreError> {
    let never = AtomicBool::new(false);
    import::import_bytes(store, c, name, bytes, &|_: ImportProgress| {}, &never).await
}

fn titled<'a>(sessions: &'a [Session], title: &str) -> &'a Session {
    sessions.iter().find(|s| s.title == title && !s.withdrawn).unwrap_or_else(|| panic!("no live session {title}"))
}

#[tokio::test]
async fn a_reused_uid_keeps_every_talk_and_says_so() {
    let (_dir, store, c) = store_with("2027-06-10", "2027-06-13", "Europe/Madrid").await;
    let report = import(&store, c, "camp.ics", fixture("reused_uids.ics")).await.unwrap();
    // 8 events: 6 different talks, one the same as another, one before the congress.
    assert_eq!((report.added, report.skipped), (6, 2), "{report:?}");
    let why: Vec<(&str, SkipReason)> = report.skipped_items.iter().map(|s| (s.title.as_str(), s.reason)).collect();
    assert_eq!(
        why,
        [("Lymphoma by lamplight", SkipReason::Duplicate), ("Build-up crew meeting", SkipReason::OutsideDates)]
    );
    assert!(report.notes.iter().any(|n| n.contains("reuses UIDs: 6 sessions share one")), "{:?}", report.notes);

    let sessions = program::list(&store, c).await.unwrap();
    let mut titles: Vec<&str> = sessions.iter().map(|s| s.title.as_str()).collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        [
            "Closing ceremony",
            "Digital forensics",
            "Lymphoma by lamplight",
            "Mesh networks",
            "Myeloma in the field",
            "Soldering for beginners"
        ]
    );
    // A repeated UID adds the start, then a hash of title and room; never the file's order.
    assert_eq!(titled(&sessions, "Digital forensics").key, "46939@2027-06-11T11:00:00Z");
    assert!(titled(&sessions, "Mesh networks").key.starts_with("46939@2027-06-11T11:00:00Z~"));
    assert_eq!(titled(&sessions, "Closing ceremony").key, "46939@2027-06-11T13:00:00Z");
    assert_eq!(titled(&sessions, "Myeloma in the field").key, "talks-day2@2027-06-12T11:00:00Z");

    let again = import(&store, c, "camp.ics", fixture("reused_uids.ics")).await.unwrap();
    assert_eq!((again.added, again.updated, again.unchanged, again.withdrawn), (0, 0, 6, 0), "{again:?}");
}

#[tokio::test]
async fn public_names_are_kept_as_written() {
    let (_dir, store, c) = store_with("2027-06-10", "2027-06-13", "Europe/Madrid").await;
    import(&store, c, "schedule.xml", fixture("comma_names.xml")).await.unwrap();
    let sessions = program::list(&store, c).await.unwrap();
    assert_eq!(titled(&sessions, "Pronouns on badges").speakers, ["Cisz (er, he)"]);
    assert_eq!(titled(&sessions, "Three of us on stage").speakers, ["Stefan, Yannik & Rike", "Ana Sánchez"]);
}

#[tokio::test]
async fn an_id_column_is_the_key_and_a_prose_abstract_is_the_description() {
    let (_dir, store, c) = store_with("2027-06-10", "2027-06-13", "Europe/Berlin").await;
    let csv = String::from_utf8(fixture("id_and_abstract.csv")).unwrap();
    let report = import(&store, c, "program.csv", csv.clone().into_bytes()).await.unwrap();
    assert_eq!((report.added, report.skipped), (3, 0));
    let sessions = program::list(&store, c).await.unwrap();
    let js = titled(&sessions, "Modernes JavaScript");
    assert_eq!((js.key.as_str(), js.abstract_number.as_deref()), ("js-1", None));
    assert_eq!(js.speakers, ["Konrad Meier", "Dennis Wehrle"]);
    assert_eq!(titled(&sessions, "Rust für alle").speakers, ["andi (Entropia)"]);
    assert_eq!(titled(&sessions, "Modernes JavaScript (Wiederholung)").speakers, ["Cisz (er; he)"]);
    let detail = program::detail(&store, js.id).await.unwrap();
    assert!(detail.description.contains("ohne sich zu verlaufen"), "{}", detail.description);
    program::set_attendance(&store, js.id, Some(Attendance::Attending)).await.unwrap();

    // One word of an abstract edited: the same session, updated in place.
    let edited = csv.replacen("ohne sich zu verlaufen", "ohne sich je zu verlaufen", 1);
    let again = import(&store, c, "program.csv", edited.into_bytes()).await.unwrap();
    assert_eq!((again.added, again.updated, again.unchanged, again.withdrawn), (0, 1, 2, 0), "{again:?}");
    let sessions = program::list(&store, c).await.unwrap();
    assert_eq!(titled(&sessions, "Modernes JavaScript").attendance, Some(Attendance::Attending));
    assert_eq!(sessions.iter().filter(|s| s.attendance.is_some()).count(), 1);
}

#[tokio::test]
async fn one_abstract_number_on_two_sessions_keys_by_time_not_row_order() {
    let (_dir, store, c) = store_with("2027-06-10", "2027-06-13", "Europe/Madrid").await;
    let csv = String::from_utf8(fixture("same_abstract.csv")).unwrap();
    import(&store, c, "program.csv", csv.clone().into_bytes()).await.unwrap();
    let sessions = program::list(&store, c).await.unwrap();
    let thursday = titled(&sessions, "Myeloma poster walk");
    assert_eq!(thursday.key, "P-101@2027-06-10T08:00:00Z");
    assert_eq!(titled(&sessions, "Myeloma oral").key, "P-101@2027-06-13T07:00:00Z");
    program::set_attendance(&store, thursday.id, Some(Attendance::Attending)).await.unwrap();

    let mut lines: Vec<&str> = csv.lines().collect();
    lines.swap(1, 2);
    let again = import(&store, c, "program.csv", lines.join("\n").into_bytes()).await.unwrap();
    assert_eq!((again.added, again.withdrawn, again.unchanged), (0, 0, 2), "{again:?}");
    let sessions = program::list(&store, c).await.unwrap();
    assert_eq!(titled(&sessions, "Myeloma poster walk").attendance, Some(Attendance::Attending));
    assert_eq!(titled(&sessions, "Myeloma oral").attendance, None);
}

#[tokio::test]
async fn a_copy_added_to_the_file_never_takes_a_marked_sessions_key() {
    let (_dir, store, c) = store_with("2027-06-10", "2027-06-13", "Europe/Madrid").await;
    let head = "Title,Date,Start,End,Room,Abstract #\n";
    let oral = "Myeloma oral,2027-06-13,09:00,09:15,Hall A,P-101\n";
    let poster = "Myeloma poster walk,2027-06-10,10:00,11:00,Poster hall,P-101\n";
    import(&store, c, "p.csv", format!("{head}{oral}").into_bytes()).await.unwrap();
    let first = program::list(&store, c).await.unwrap();
    let marked = titled(&first, "Myeloma oral");
    assert_eq!(marked.key, "P-101");
    program::set_attendance(&store, marked.id, Some(Attendance::Attending)).await.unwrap();

    // A poster with the same abstract number, earlier in the week, joins the file.
    let both = import(&store, c, "p.csv", format!("{head}{poster}{oral}").into_bytes()).await.unwrap();
    assert_eq!((both.added, both.unchanged, both.withdrawn), (1, 1, 0), "{both:?}");
    let sessions = program::list(&store, c).await.unwrap();
    let oral_now = titled(&sessions, "Myeloma oral");
    assert_eq!((oral_now.id, oral_now.key.as_str()), (marked.id, "P-101"));
    assert_eq!(oral_now.attendance, Some(Attendance::Attending));
    assert_eq!(titled(&sessions, "Myeloma poster walk").attendance, None);

    // And leaves it again: the oral is still the same session.
    let back = import(&store, c, "p.csv", format!("{head}{oral}").into_bytes()).await.unwrap();
    assert_eq!((back.added, back.unchanged, back.withdrawn), (0, 1, 1), "{back:?}");
    assert_eq!(titled(&program::list(&store, c).await.unwrap(), "Myeloma oral").id, marked.id);
}

#[tokio::test]
async fn items_outside_the_congress_days_are_skipped_and_listed() {
    let (_dir, store, c) = store_with("2026-12-05", "2026-12-08", "America/New_York").await;
    let report = import(&store, c, "shared.ics", fixture("outside_dates.ics")).await.unwrap();
    assert_eq!((report.added, report.skipped), (4, 5), "{report:?}");
    assert!(report.skipped_items.iter().all(|s| s.reason == SkipReason::OutsideDates));
    let skipped: Vec<&str> = report.skipped_items.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        skipped,
        [
            "Team meeting (January)",
            "Team meeting (March)",
            "Flight to San Diego",
            "Flight home",
            "Team meeting (December)"
        ]
    );
    assert_eq!(report.skipped_items[2].starts_at.unwrap().to_rfc3339(), "2026-12-04T03:00:00-05:00");
    // The night of the last day runs to 06:00.
    let sessions = program::list(&store, c).await.unwrap();
    assert!(sessions.iter().any(|s| s.title == "Late-night poster party"));
    // Nothing of it falls within a congress a year later: the file is for other dates.
    let (_dir2, later, c2) = store_with("2027-12-04", "2027-12-07", "America/New_York").await;
    let err = import(&later, c2, "shared.ics", fixture("outside_dates.ics")).await.unwrap_err();
    let CoreError::Import { file, detail } = &err else { panic!("{err}") };
    assert_eq!(file, "shared.ics");
    assert!(detail.message.contains("seems to be for other dates"), "{err}");
    assert!(detail.message.contains("its 9 sessions are from 12 Jan 2026 to 14 Dec 2026"), "{err}");
    assert!(program::list(&later, c2).await.unwrap().is_empty(), "nothing written");
}

/// One generated program row: an id (or none), a day and hour, an abstract.
#[derive(Debug, Clone)]
struct Row {
    id: Option<u32>,
    code: Option<u32>,
    day: u32,
    hour: u32,
    room: u8,
    title: u32,
}

fn csv(rows: &[Row], abstracts: &[String]) -> String {
    let mut out = String::from("Title,Date,Start,Duration,Room,ID,Abstract,Speakers\n");
    for (row, text) in rows.iter().zip(abstracts) {
        let id = row.id.map(|i| format!("S{i}")).unwrap_or_default();
        let abstract_cell = row.code.map_or_else(|| text.clone(), |code| format!("P-{code}"));
        out.push_str(&format!(
            "Talk {},2027-06-{:02},{:02}:00,30,Room {},{id},\"{abstract_cell}\",Speaker {}\n",
            row.title,
            10 + row.day,
            row.hour,
            row.room,
            row.title % 5
        ));
    }
    out
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (prop::option::of(0u32..40), prop::option::of(0u32..4), 0u32..4, 8u32..18, 0u8..3, 0u32..12)
            .prop_map(|(id, code, day, hour, room, title)| Row { id, code, day, hour, room, title }),
        1..14,
    )
}

/// Each stored session (its id, and what it is: title and start) with the marks it carries.
fn marks(sessions: &[Session]) -> Vec<(i64, String, String, Option<Attendance>, bool)> {
    let mut out: Vec<_> = sessions
        .iter()
        .map(|s| (s.id.0, s.title.clone(), s.starts_at.to_rfc3339(), s.attendance, !s.target_ids.is_empty()))
        .collect();
    out.sort_unstable_by_key(|m| m.0);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Shuffling the rows, editing abstracts and descriptions, and adding a
    /// row never moves a mark or a target's link to another session.
    #[test]
    fn reimport_never_moves_a_mark(rows in rows(), order in any::<u64>(), marked in any::<u64>(), extra in prop::option::of(rows())) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            let (_dir, store, c) = store_with("2027-06-10", "2027-06-13", "Europe/Madrid").await;
            let abstracts: Vec<String> = (0..rows.len()).map(|i| format!("About talk number {i} and more")).collect();
            let first = import(&store, c, "p.csv", csv(&rows, &abstracts).into_bytes()).await.unwrap();
            let sessions = program::list(&store, c).await.unwrap();
            // Mark some sessions, and make one speaker a target.
            for (i, s) in sessions.iter().enumerate() {
                if marked >> (i % 64) & 1 == 1 {
                    program::set_attendance(&store, s.id, Some(Attendance::Maybe)).await.unwrap();
                }
            }
            let speaker = hallway_core::people::search(&store, "Speaker 1", 1).await.unwrap();
            if let Some(person) = speaker.first() {
                use hallway_core::targets::{Priority, TargetDraft, TargetStatus, Why};
                let draft = TargetDraft { priority: Priority::Must, why: Why::Peer, status: TargetStatus::Idea, reason: String::new() };
                hallway_core::targets::set(&store, c, person.id, &draft).await.unwrap();
            }
            let before = marks(&program::list(&store, c).await.unwrap());

            // Rows shuffled (a fixed permutation from `order`), prose abstracts edited.
            let mut shuffled: Vec<(Row, String)> = rows.iter().cloned().zip(abstracts).collect();
            let n = shuffled.len();
            for i in (1..n).rev() {
                let j = (order.rotate_left(i as u32) as usize) % (i + 1);
                shuffled.swap(i, j);
            }
            let (mut rows2, mut abstracts2): (Vec<Row>, Vec<String>) =
                shuffled.into_iter().map(|(r, a)| (r, format!("{a}, edited"))).unzip();
            // Maybe one more row, anywhere (often sharing an id with another).
            let added_row = extra.and_then(|more| more.into_iter().next());
            if let Some(row) = added_row.clone() {
                let at = (order as usize) % (rows2.len() + 1);
                rows2.insert(at, row);
                abstracts2.insert(at, "A new talk".to_owned());
            }
            let again = import(&store, c, "p.csv", csv(&rows2, &abstracts2).into_bytes()).await.unwrap();
            prop_assert!(again.added <= u32::from(added_row.is_some()), "first {:?} then {:?}", first, again);
            prop_assert_eq!(again.withdrawn, 0, "first {:?} then {:?}", first, again);
            let after = marks(&program::list(&store, c).await.unwrap());
            let kept: Vec<_> = after.into_iter().filter(|m| before.iter().any(|b| b.0 == m.0)).collect();
            prop_assert_eq!(kept, before);
            Ok(())
        })?;
    }
}
