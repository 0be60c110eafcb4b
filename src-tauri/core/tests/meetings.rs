//! Meetings, the free-slot finder and the Today view against a real database
//! with a real imported program: targets moving along, SEQUENCE rules,
//! clashes, and the slot finder's edge cases (a DST change during the
//! congress, a dinner past midnight, a speaker in parallel sessions, no free
//! slot at all).

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use hallway_core::congress::{self, CongressDraft};
use hallway_core::ids::{CongressId, PersonId, SessionId};
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::plan::clashes::{self, AgendaItem};
use hallway_core::plan::slots::{self, SlotQuery};
use hallway_core::plan::today::{self, MetPerson, MetSomeone};
use hallway_core::program::{self, import::import_bytes, Attendance};
use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
use hallway_core::{people, settings, CoreError, Store};
use std::sync::atomic::AtomicBool;

/// EHA-like congress in Amsterdam across the end of summer time (Sunday
/// 25 October 2026, 03:00 CEST → 02:00 CET).
async fn setup(program_csv: &str) -> (tempfile::TempDir, Store, CongressId) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "EHA 2026".into(),
        starts_on: "2026-10-23".into(),
        ends_on: "2026-10-26".into(),
        time_zone: "Europe/Amsterdam".into(),
        ..Default::default()
    };
    let c = congress::create(&store, &draft).await.unwrap().id;
    if !program_csv.is_empty() {
        import_bytes(&store, c, "program.csv", program_csv.as_bytes().to_vec(), &|_| {}, &AtomicBool::new(false))
            .await
            .unwrap();
    }
    (dir, store, c)
}

const HEADER: &str = "Title,Date,Start,End,Room,Session Type,Speakers,Chairs\n";

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn at(text: &str) -> i64 {
    DateTime::parse_from_rfc3339(text).unwrap().timestamp()
}

async fn person(store: &Store, name: &str) -> PersonId {
    people::create(store, &people::PersonDraft { display_name: name.into(), ..Default::default() }).await.unwrap().id
}

async fn find_person(store: &Store, name: &str) -> PersonId {
    people::find_by_email_or_name(store, name).await.unwrap()[0]
}

async fn session(store: &Store, c: CongressId, title: &str) -> SessionId {
    program::list(store, c).await.unwrap().into_iter().find(|s| s.title == title).unwrap().id
}

fn draft(c: CongressId, start: &str, minutes: u32, people: Vec<PersonId>) -> MeetingDraft {
    MeetingDraft {
        congress_id: c,
        title: "Coffee with a mentor".into(),
        purpose: "Ask about a fellowship".into(),
        place: "Café Forum".into(),
        kind: MeetingKind::Coffee,
        status: MeetingStatus::Proposed,
        starts_local: local(start),
        minutes,
        notes: String::new(),
        people,
    }
}

fn target(status: TargetStatus) -> TargetDraft {
    TargetDraft { priority: Priority::Must, why: Why::Mentor, status, reason: String::new() }
}

async fn slot_starts(
    store: &Store,
    c: CongressId,
    person: Option<PersonId>,
    minutes: u32,
) -> Vec<DateTime<FixedOffset>> {
    let query = SlotQuery { congress_id: c, person_id: person, minutes, except_meeting: None };
    let mut starts: Vec<_> = slots::find(store, &query).await.unwrap().into_iter().map(|s| s.starts_at).collect();
    starts.sort();
    starts
}

#[tokio::test]
async fn booking_schedules_a_target_done_meets_it_and_cancelling_frees_it() {
    let (_dir, store, c) = setup("").await;
    let ana = person(&store, "Ana Sánchez").await;
    let li = person(&store, "Li Wei").await;
    targets::set(&store, c, ana, &target(TargetStatus::Contacted)).await.unwrap();
    targets::set(&store, c, li, &target(TargetStatus::Idea)).await.unwrap();

    let booked = meetings::create(&store, &draft(c, "2026-10-24 10:30", 30, vec![ana, li])).await.unwrap();
    assert_eq!(booked.moved.len(), 2);
    assert!(booked.moved.iter().all(|m| m.to == TargetStatus::Scheduled));
    let meeting = booked.meeting;
    assert_eq!(meeting.starts_at.to_rfc3339(), "2026-10-24T10:30:00+02:00");
    assert_eq!(meeting.minutes, 30);
    assert!(meeting.uid.ends_with("@hallway.app"));
    assert_eq!(meeting.people.iter().map(|p| p.display_name.as_str()).collect::<Vec<_>>(), ["Ana Sánchez", "Li Wei"]);

    let done = meetings::set_status(&store, meeting.id, MeetingStatus::Done).await.unwrap();
    assert!(done.moved.iter().all(|m| m.from == TargetStatus::Scheduled && m.to == TargetStatus::Met));
    assert_eq!(done.meeting.people[0].target_status, Some(TargetStatus::Met));

    // A second meeting with Li, cancelled: Li is already met and stays met.
    let again = meetings::create(&store, &draft(c, "2026-10-25 10:30", 30, vec![li])).await.unwrap();
    assert!(again.moved.is_empty(), "met is further along than scheduled");
    let cancelled = meetings::set_status(&store, again.meeting.id, MeetingStatus::Cancelled).await.unwrap();
    assert!(cancelled.moved.is_empty());

    // A scheduled target loses its only live meeting: back to contacted; not
    // while another meeting with them is still booked.
    let ka = person(&store, "Kenji Tanaka").await;
    targets::set(&store, c, ka, &target(TargetStatus::Idea)).await.unwrap();
    let first = meetings::create(&store, &draft(c, "2026-10-23 09:00", 30, vec![ka])).await.unwrap().meeting;
    let second = meetings::create(&store, &draft(c, "2026-10-23 15:00", 30, vec![ka])).await.unwrap().meeting;
    assert!(meetings::set_status(&store, first.id, MeetingStatus::Cancelled).await.unwrap().moved.is_empty());
    let freed = meetings::delete(&store, second.id).await.unwrap();
    assert_eq!(freed.len(), 1);
    assert_eq!((freed[0].from, freed[0].to), (TargetStatus::Scheduled, TargetStatus::Contacted));
    assert!(matches!(meetings::get(&store, second.id).await, Err(CoreError::NotFound { .. })));
}

#[tokio::test]
async fn sequence_rises_only_when_a_calendar_would_show_a_change() {
    let (_dir, store, c) = setup("").await;
    let ana = person(&store, "Ana Sánchez").await;
    let m = meetings::create(&store, &draft(c, "2026-10-24 10:30", 30, vec![ana])).await.unwrap().meeting;
    assert_eq!(m.sequence, 0);

    let mut edit = draft(c, "2026-10-24 10:30", 30, vec![ana]);
    edit.notes = "Bring the poster PDF".into();
    edit.purpose = "Fellowship, and the MRD data".into();
    let same = meetings::update(&store, m.id, &edit).await.unwrap().meeting;
    assert_eq!((same.sequence, same.uid.as_str()), (0, m.uid.as_str()), "notes and purpose are not scheduling changes");

    edit.starts_local = local("2026-10-24 11:00");
    let moved = meetings::update(&store, m.id, &edit).await.unwrap().meeting;
    assert_eq!((moved.sequence, moved.uid.as_str()), (1, m.uid.as_str()));
    edit.place = "Booth 12".into();
    assert_eq!(meetings::update(&store, m.id, &edit).await.unwrap().meeting.sequence, 2);
    assert_eq!(meetings::set_status(&store, m.id, MeetingStatus::Cancelled).await.unwrap().meeting.sequence, 3);

    let mut other = edit.clone();
    other.congress_id = setup_other(&store).await;
    assert!(matches!(meetings::update(&store, m.id, &other).await, Err(CoreError::Invalid(_))));
}

async fn setup_other(store: &Store) -> CongressId {
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    congress::create(store, &draft).await.unwrap().id
}

#[tokio::test]
async fn the_form_names_each_problem() {
    let (_dir, store, c) = setup("").await;
    let mut bad = draft(c, "2026-10-24 10:30", 2, vec![]);
    bad.title = "  ".into();
    let Err(CoreError::Invalid(problems)) = meetings::create(&store, &bad).await else { panic!("accepted") };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["title", "minutes", "people"]);
    let ghost = draft(c, "2026-10-24 10:30", 30, vec![PersonId(999)]);
    assert!(matches!(meetings::create(&store, &ghost).await, Err(CoreError::NotFound { .. })));
    assert!(meetings::list(&store, c).await.unwrap().is_empty(), "nothing written");
}

#[tokio::test]
async fn clashes_with_attending_sessions_and_other_meetings_are_named() {
    let csv = format!("{HEADER}CAR-T in myeloma,2026-10-24,10:00,11:30,Hall A,Oral,,\n");
    let (_dir, store, c) = setup(&csv).await;
    let ana = person(&store, "Ana Sánchez").await;
    let cart = session(&store, c, "CAR-T in myeloma").await;
    program::set_attendance(&store, cart, Some(Attendance::Attending)).await.unwrap();

    let m = meetings::create(&store, &draft(c, "2026-10-24 11:00", 60, vec![ana])).await.unwrap().meeting;
    assert_eq!(m.clashes.len(), 1);
    assert_eq!(m.clashes[0].with, AgendaItem::Session(cart));
    assert_eq!(m.clashes[0].title, "CAR-T in myeloma");
    assert_eq!(m.clashes[0].overlap_starts_at.to_rfc3339(), "2026-10-24T11:00:00+02:00");
    assert_eq!(m.clashes[0].overlap_ends_at.to_rfc3339(), "2026-10-24T11:30:00+02:00");

    let n = meetings::create(&store, &draft(c, "2026-10-24 11:45", 30, vec![ana])).await.unwrap().meeting;
    assert_eq!(n.clashes.iter().map(|x| x.with).collect::<Vec<_>>(), [AgendaItem::Meeting(m.id)]);
    let all = clashes::agenda(&store, c).await.unwrap();
    assert_eq!(all.len(), 2, "session–meeting and meeting–meeting");

    // The form's preview: moving n to 12:00 clears the clash; except itself.
    let preview = meetings::clashes_for(&store, c, Some(n.id), local("2026-10-24 12:00"), 30).await.unwrap();
    assert!(preview.is_empty());
    let preview = meetings::clashes_for(&store, c, None, local("2026-10-24 10:15"), 15).await.unwrap();
    assert_eq!(preview.iter().map(|x| x.title.as_str()).collect::<Vec<_>>(), ["CAR-T in myeloma"]);

    // Today names each meeting's clashes as the meetings list does (from its own sweep of the day).
    let t = today::today(&store, c, at("2026-10-24T08:00:00+02:00")).await.unwrap();
    let shown: Vec<_> = t.current.iter().chain(&t.next).chain(&t.later).collect();
    for listed in meetings::list(&store, c).await.unwrap() {
        let item = shown.iter().find(|i| i.item == AgendaItem::Meeting(listed.id)).unwrap();
        assert_eq!(item.clashes_with, listed.clashes.iter().map(|x| x.title.clone()).collect::<Vec<_>>());
        assert!(!item.clashes_with.is_empty());
    }
    let session = shown.iter().find(|i| i.item == AgendaItem::Session(cart)).unwrap();
    assert_eq!(session.clashes_with, ["Coffee with a mentor"]);

    // Cancelled meetings leave the agenda.
    meetings::set_status(&store, m.id, MeetingStatus::Cancelled).await.unwrap();
    assert!(meetings::get(&store, n.id).await.unwrap().clashes.is_empty());
}

#[tokio::test]
async fn slots_avoid_a_speaker_in_parallel_sessions_and_their_chair() {
    let csv = format!(
        "{HEADER}\
         Myeloma I,2026-10-23,09:00,12:00,Hall A,Oral,Maria Rossi,\n\
         Myeloma II,2026-10-23,09:00,12:00,Hall B,Oral,Maria Rossi,\n\
         Lymphoma,2026-10-23,14:00,20:00,Hall C,Oral,,Maria Rossi\n\
         Posters,2026-10-23,07:00,09:00,Hall P,Poster,,\n"
    );
    let (_dir, store, c) = setup(&csv).await;
    let maria = find_person(&store, "Maria Rossi").await;
    let with_maria = slot_starts(&store, c, Some(maria), 30).await;
    let first_day: Vec<String> = with_maria
        .iter()
        .filter(|s| s.date_naive().to_string() == "2026-10-23")
        .map(|s| s.format("%H:%M").to_string())
        .collect();
    // Free before 08:50 (buffer) and between 12:10 and 13:50.
    assert_eq!(first_day.first().map(String::as_str), Some("07:00"));
    assert!(first_day.iter().all(|t| t.as_str() <= "08:15" || ("12:15" <= t.as_str() && t.as_str() <= "13:15")));
    assert!(first_day.contains(&"13:15".to_owned()) && !first_day.contains(&"13:30".to_owned()));
    // Without Maria, her talks do not block anyone.
    let anyone = slot_starts(&store, c, None, 30).await;
    assert!(anyone.iter().any(|s| s.to_rfc3339() == "2026-10-23T10:00:00+02:00"));
}

#[tokio::test]
async fn slots_follow_venue_hours_across_the_dst_change() {
    let (_dir, store, c) = setup("").await;
    let starts = slot_starts(&store, c, None, 60).await;
    let per_day = |day: &str| starts.iter().filter(|s| s.date_naive().to_string() == day).collect::<Vec<_>>();
    let (saturday, sunday, monday) = (per_day("2026-10-24"), per_day("2026-10-25"), per_day("2026-10-26"));
    assert_eq!(saturday[0].to_rfc3339(), "2026-10-24T07:00:00+02:00");
    assert_eq!(sunday[0].to_rfc3339(), "2026-10-25T07:00:00+01:00", "07:00 venue time, in winter time");
    assert_eq!(monday.last().unwrap().to_rfc3339(), "2026-10-26T19:00:00+01:00");
    // 07:00–20:00 is 13 hours every day, DST day included: 49 quarter-hour starts.
    assert_eq!((saturday.len(), sunday.len(), monday.len()), (49, 49, 49));
    assert_eq!(starts.len(), 4 * 49);
}

#[tokio::test]
async fn a_dinner_past_midnight_blocks_the_next_morning() {
    let (_dir, store, c) = setup("").await;
    let ana = person(&store, "Ana Sánchez").await;
    let mut dinner = draft(c, "2026-10-23 23:30", 480, vec![ana]);
    dinner.kind = MeetingKind::Meal;
    meetings::create(&store, &dinner).await.unwrap();
    let starts = slot_starts(&store, c, None, 30).await;
    let saturday: Vec<_> = starts.iter().filter(|s| s.date_naive().to_string() == "2026-10-24").collect();
    // The dinner ends 07:30; ten minutes' buffer; the next quarter hour is 07:45.
    assert_eq!(saturday[0].to_rfc3339(), "2026-10-24T07:45:00+02:00");
}

#[tokio::test]
async fn no_free_slot_at_all_is_an_empty_answer() {
    let days = ["2026-10-23", "2026-10-24", "2026-10-25", "2026-10-26"];
    let rows: String = days.iter().map(|d| format!("Marathon {d},{d},06:30,20:30,Hall A,Oral,,\n")).collect();
    let (_dir, store, c) = setup(&format!("{HEADER}{rows}")).await;
    for s in program::list(&store, c).await.unwrap() {
        program::set_attendance(&store, s.id, Some(Attendance::Attending)).await.unwrap();
    }
    assert!(slot_starts(&store, c, None, 15).await.is_empty());
    let mut prefs = settings::get(&store).await.unwrap();
    prefs.day_end_hour = 22;
    prefs.buffer_minutes = 0;
    settings::update(&store, &prefs).await.unwrap();
    let evening = slot_starts(&store, c, None, 60).await;
    assert_eq!(evening.len(), 4 * 3, "20:30, 20:45, 21:00 each day");
}

#[tokio::test]
async fn coffee_and_lunch_breaks_come_first() {
    let csv = format!(
        "{HEADER}\
         Coffee break,2026-10-24,10:30,11:00,Foyer,Break,,\n\
         Lunch,2026-10-24,12:30,13:30,Foyer,Break,,\n"
    );
    let (_dir, store, c) = setup(&csv).await;
    let query = SlotQuery { congress_id: c, person_id: None, minutes: 30, except_meeting: None };
    let found = slots::find(&store, &query).await.unwrap();
    let in_breaks: Vec<(String, &str)> = found
        .iter()
        .take_while(|s| s.in_break.is_some())
        .map(|s| (s.starts_at.format("%H:%M").to_string(), s.in_break.as_deref().unwrap()))
        .collect();
    assert_eq!(in_breaks[0], ("10:15".to_owned(), "Coffee break"));
    assert!(in_breaks.contains(&("10:30".to_owned(), "Coffee break")));
    assert!(in_breaks.contains(&("13:00".to_owned(), "Lunch")));
    assert!(found[in_breaks.len()..].iter().all(|s| s.in_break.is_none()));
}

#[tokio::test]
async fn moving_a_meeting_does_not_block_itself() {
    let (_dir, store, c) = setup("").await;
    let ana = person(&store, "Ana Sánchez").await;
    let m = meetings::create(&store, &draft(c, "2026-10-24 10:30", 60, vec![ana])).await.unwrap().meeting;
    let query = SlotQuery { congress_id: c, person_id: Some(ana), minutes: 60, except_meeting: None };
    let blocked = slots::find(&store, &query).await.unwrap();
    assert!(!blocked.iter().any(|s| s.starts_at.to_rfc3339() == "2026-10-24T10:30:00+02:00"));
    let query = SlotQuery { except_meeting: Some(m.id), ..query };
    let free = slots::find(&store, &query).await.unwrap();
    assert!(free.iter().any(|s| s.starts_at.to_rfc3339() == "2026-10-24T10:30:00+02:00"));
}

#[tokio::test]
async fn today_shows_now_next_the_rest_of_the_day_and_who_is_left() {
    let csv = format!(
        "{HEADER}\
         Plenary,2026-10-24,09:00,10:00,Hall A,Plenary,,\n\
         Myeloma,2026-10-24,14:00,15:00,Hall B,Oral,Maria Rossi,\n\
         Parallel,2026-10-24,09:30,10:30,Hall C,Oral,,\n"
    );
    let (_dir, store, c) = setup(&csv).await;
    for title in ["Plenary", "Parallel"] {
        let id = session(&store, c, title).await;
        program::set_attendance(&store, id, Some(Attendance::Attending)).await.unwrap();
    }
    let maria = find_person(&store, "Maria Rossi").await;
    let ana = person(&store, "Ana Sánchez").await;
    let li = person(&store, "Li Wei").await;
    targets::set(&store, c, maria, &target(TargetStatus::Idea)).await.unwrap();
    let li_target =
        targets::set(&store, c, li, &TargetDraft { priority: Priority::Nice, ..target(TargetStatus::Idea) })
            .await
            .unwrap();
    targets::set(&store, c, ana, &target(TargetStatus::Idea)).await.unwrap();
    let coffee = meetings::create(&store, &draft(c, "2026-10-24 11:00", 30, vec![ana])).await.unwrap().meeting;
    meetings::create(&store, &draft(c, "2026-10-25 09:00", 30, vec![li])).await.unwrap();
    targets::snooze(&store, li_target.id, Some(DateTime::parse_from_rfc3339("2026-10-24T12:00:00+02:00").unwrap()))
        .await
        .unwrap();

    let t = today::today(&store, c, at("2026-10-24T09:45:00+02:00")).await.unwrap();
    assert!(t.running);
    assert_eq!(t.day.to_string(), "2026-10-24");
    assert_eq!(t.current.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Plenary", "Parallel"]);
    assert_eq!(t.current[0].clashes_with, ["Parallel"]);
    let next = t.next.as_ref().unwrap();
    assert_eq!((next.item, next.people.as_slice()), (AgendaItem::Meeting(coffee.id), &["Ana Sánchez".to_owned()][..]));
    assert_eq!((next.place.as_deref(), next.purpose.as_str()), (Some("Café Forum"), "Ask about a fellowship"));
    assert!(t.later.is_empty(), "Li's meeting is tomorrow");
    // Ana and Maria are scheduled/idea and must-meet; Li is snoozed.
    let left: Vec<&str> = t.targets_left.iter().map(|t| t.display_name.as_str()).collect();
    assert_eq!(left, ["Maria Rossi", "Ana Sánchez"], "least advanced first");
    assert_eq!(t.targets_left[0].next_talk.as_ref().map(|n| n.title.as_str()), Some("Myeloma"));
    assert_eq!(t.snoozed, 1);
    assert_eq!((t.progress.meetings_today, t.progress.sessions_today, t.progress.targets_total), (1, 2, 3));

    // After the snooze ends Li is back; after the coffee is done it is no longer next.
    meetings::set_status(&store, coffee.id, MeetingStatus::Done).await.unwrap();
    let t = today::today(&store, c, at("2026-10-24T12:30:00+02:00")).await.unwrap();
    assert_eq!(t.snoozed, 0);
    assert_eq!(t.targets_left.iter().map(|t| t.display_name.as_str()).collect::<Vec<_>>(), ["Maria Rossi", "Li Wei"]);
    assert_eq!(t.next.as_ref().map(|n| n.title.as_str()), Some("Coffee with a mentor"), "tomorrow's, with Li");
    assert_eq!((t.progress.meetings_done_today, t.progress.targets_met), (1, 1));

    let before = today::today(&store, c, at("2026-10-20T12:00:00+02:00")).await.unwrap();
    assert!(!before.running);
    assert_eq!(before.next.as_ref().map(|n| n.title.as_str()), Some("Plenary"));
}

#[tokio::test]
async fn met_someone_logs_it_and_moves_a_target_to_met() {
    let (_dir, store, c) = setup("").await;
    let ana = person(&store, "Ana Sánchez").await;
    targets::set(&store, c, ana, &target(TargetStatus::Scheduled)).await.unwrap();
    let met = MetSomeone { congress_id: c, person: MetPerson::Known { id: ana }, note: "Poster 1234".into() };
    let result = today::met_someone(&store, &met).await.unwrap();
    assert_eq!(result.target.map(|t| t.status), Some(TargetStatus::Met));
    let page = people::page(&store, ana).await.unwrap();
    assert_eq!(page.interactions[0].note, "Poster 1234");
    assert_eq!(page.interactions[0].congress_id, Some(c));

    let new = MetSomeone {
        congress_id: c,
        person: MetPerson::New { display_name: "Jürgen Müller".into(), institution: "Charité".into() },
        note: String::new(),
    };
    let result = today::met_someone(&store, &new).await.unwrap();
    assert!(result.target.is_none());
    let created = people::get(&store, result.person_id).await.unwrap();
    assert_eq!((created.display_name.as_str(), created.institution.as_deref()), ("Jürgen Müller", Some("Charité")));
    let t = today::today(&store, c, at("2026-10-24T12:00:00+02:00")).await.unwrap();
    assert_eq!(t.progress.people_met_today, 0, "logged now, not on 24 October");

    let nameless = MetSomeone {
        congress_id: c,
        person: MetPerson::New { display_name: " ".into(), institution: String::new() },
        note: String::new(),
    };
    assert!(matches!(today::met_someone(&store, &nameless).await, Err(CoreError::Invalid(_))));
}
