//! Between congresses against a real database: cadences on people, tags and
//! relationships, check-ins due and reset (month ends, leap years), snoozes,
//! contact refused in the future, merges and deletions, days that no time
//! zone moves, history, reconnect, the home summary and the reminders.

use chrono::{NaiveDate, TimeZone};
use hallway_core::congress::{self, CongressDraft};
use hallway_core::follow_ups::{self, FollowUpStatus};
use hallway_core::ids::{CongressId, PersonId};
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::people::interactions::{self, InteractionDraft};
use hallway_core::people::{self, PersonDraft};
use hallway_core::program::import;
use hallway_core::relations::cadence::{self, Cadence, CadenceGroup, CadenceSetting, CadenceSource};
use hallway_core::relations::checkins::{self, CheckInState};
use hallway_core::relations::contacts::{self, ContactDraft, InteractionKind};
use hallway_core::relations::given::{self, GivenDraft, GivenKind};
use hallway_core::relations::intros::{self, IntroDraft, IntroStatus};
use hallway_core::relations::{history, home, reconnect};
use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
use hallway_core::{CoreError, Store};
use std::sync::atomic::AtomicBool;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn every(text: &str) -> CadenceSetting {
    CadenceSetting::Every { cadence: Cadence::parse(text).unwrap() }
}

async fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    (dir, store)
}

async fn person(store: &Store, name: &str, tags: &str) -> PersonId {
    let draft = PersonDraft { display_name: name.into(), tags: tags.into(), ..Default::default() };
    people::create(store, &draft).await.unwrap().id
}

async fn congress(store: &Store, name: &str, starts: &str, ends: &str, zone: &str) -> CongressId {
    let draft = CongressDraft {
        name: name.into(),
        starts_on: starts.into(),
        ends_on: ends.into(),
        time_zone: zone.into(),
        ..Default::default()
    };
    congress::create(store, &draft).await.unwrap().id
}

async fn contact(store: &Store, who: PersonId, kind: InteractionKind, on: &str, congress: Option<CongressId>) {
    let draft = ContactDraft { person_id: who, kind, on_day: day(on), congress_id: congress, note: String::new() };
    contacts::log(store, &draft, day("2030-01-01")).await.unwrap();
}

/// `last_interactions` (kept by triggers) says what the interactions say.
async fn last_interactions_agree(store: &Store) {
    let derived: Vec<(i64, String)> = sqlx::query_as(
        "SELECT person_id, max(on_day) FROM interactions WHERE on_day IS NOT NULL GROUP BY person_id ORDER BY person_id",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    let kept: Vec<(i64, String)> = sqlx::query_as("SELECT person_id, on_day FROM last_interactions ORDER BY person_id")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert!(!kept.is_empty());
    assert_eq!(kept, derived);
}

fn target(why: Why, status: TargetStatus) -> TargetDraft {
    TargetDraft { priority: Priority::Must, why, status, reason: String::new() }
}

#[tokio::test]
async fn a_check_in_falls_due_one_cadence_after_the_last_contact_and_resets_when_contact_is_logged() {
    let (_dir, store) = store().await;
    let ana = person(&store, "Ana Sánchez", "").await;
    // No contact ever: the clock starts the day the cadence is set.
    let set = cadence::set_person(&store, ana, every("3m"), day("2026-01-31")).await.unwrap();
    assert_eq!(set.own, every("3m"));
    assert_eq!(set.source, Some(CadenceSource::Person));
    assert_eq!(set.check_in.as_ref().unwrap().due_on, day("2026-04-30"), "31 January + 3 months clamps to 30 April");

    assert!(checkins::due(&store, day("2026-04-29")).await.unwrap().is_empty());
    let due = checkins::due(&store, day("2026-04-30")).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].state, due[0].overdue_days, due[0].last_contact), (CheckInState::Due, 0, None));
    let late = checkins::due(&store, day("2026-05-10")).await.unwrap();
    assert_eq!((late[0].state, late[0].overdue_days), (CheckInState::Overdue, 10));
    // Twice the cadence without contact: losing touch.
    let lost = checkins::due(&store, day("2026-07-31")).await.unwrap();
    assert_eq!(lost[0].state, CheckInState::LosingTouch);

    // Log the contact: it resets, one cadence from that day.
    contact(&store, ana, InteractionKind::Call, "2026-05-10", None).await;
    assert!(checkins::due(&store, day("2026-05-10")).await.unwrap().is_empty());
    let next = checkins::for_person(&store, ana, day("2026-05-10")).await.unwrap().unwrap();
    assert_eq!(
        (next.last_contact, next.due_on, next.state),
        (Some(day("2026-05-10")), day("2026-08-10"), CheckInState::Upcoming)
    );
    // As of a day before that contact, it did not happen yet.
    let before = checkins::due(&store, day("2026-05-09")).await.unwrap();
    assert_eq!(before[0].last_contact, None);
    // A contact deleted is no longer the last one.
    contact(&store, ana, InteractionKind::Email, "2026-06-01", None).await;
    let newest = contacts::list(&store, ana).await.unwrap()[0].id;
    last_interactions_agree(&store).await;
    interactions::delete(&store, newest).await.unwrap();
    last_interactions_agree(&store).await;
    // Upcoming ones show in a list that looks ahead.
    assert!(checkins::list(&store, day("2026-08-01"), 7).await.unwrap().is_empty());
    assert_eq!(checkins::list(&store, day("2026-08-03"), 7).await.unwrap().len(), 1);
}

#[tokio::test]
async fn month_ends_leap_years_weeks_and_days() {
    let (_dir, store) = store().await;
    let monthly = person(&store, "Monthly", "").await;
    let yearly = person(&store, "Yearly", "").await;
    let weekly = person(&store, "Weekly", "").await;
    cadence::set_person(&store, monthly, every("1m"), day("2027-12-01")).await.unwrap();
    cadence::set_person(&store, yearly, every("12m"), day("2027-12-01")).await.unwrap();
    cadence::set_person(&store, weekly, every("12w"), day("2027-12-01")).await.unwrap();
    contact(&store, monthly, InteractionKind::Email, "2028-01-31", None).await;
    contact(&store, yearly, InteractionKind::Video, "2028-02-29", None).await;
    contact(&store, weekly, InteractionKind::Message, "2028-01-01", None).await;
    let due_on = |p| {
        let store = store.clone();
        async move { checkins::for_person(&store, p, day("2028-03-01")).await.unwrap().unwrap().due_on }
    };
    assert_eq!(due_on(monthly).await, day("2028-02-29"), "31 January 2028 + 1 month: 29 February (leap year)");
    assert_eq!(due_on(yearly).await, day("2029-02-28"), "29 February + 12 months: 28 February");
    assert_eq!(due_on(weekly).await, day("2028-03-25"), "1 January + 84 days, across 29 February");
    contact(&store, monthly, InteractionKind::Email, "2027-01-31", None).await;
    let in_2027 = checkins::for_person(&store, monthly, day("2027-02-01")).await.unwrap().unwrap();
    assert_eq!(in_2027.due_on, day("2027-02-28"));
}

#[tokio::test]
async fn a_persons_cadence_wins_over_their_tags_and_the_shorter_group_wins() {
    let (_dir, store) = store().await;
    let ash = congress(&store, "ASH 2026", "2026-12-05", "2026-12-08", "America/New_York").await;
    let own = person(&store, "Own Cadence", "mentor myeloma").await;
    let tagged = person(&store, "Tagged Only", "Mentor").await;
    let both = person(&store, "Mentor And Collaborator", "mentor").await;
    let off = person(&store, "Switched Off", "mentor").await;
    let untagged = person(&store, "Mentorship Fan", "mentorship").await;
    targets::set(&store, ash, both, &target(Why::Collaborator, TargetStatus::Idea)).await.unwrap();

    let set_on = day("2026-01-01");
    let mentors = CadenceGroup::Tag { tag: "mentor".into() };
    let group = cadence::set_group(&store, &mentors, Cadence::parse("6m"), set_on).await.unwrap().unwrap();
    assert_eq!(group.members, 4, "the tag ignores case and never matches a longer tag");
    let collaborators = CadenceGroup::Relationship { why: Why::Collaborator };
    cadence::set_group(&store, &collaborators, Cadence::parse("90d"), set_on).await.unwrap();
    cadence::set_person(&store, own, every("12m"), set_on).await.unwrap();
    cadence::set_person(&store, off, CadenceSetting::Off, set_on).await.unwrap();

    let all = checkins::list(&store, set_on, 400).await.unwrap();
    let find = |p: PersonId| all.iter().find(|c| c.person_id == p);
    let own_c = find(own).unwrap();
    assert_eq!(
        (own_c.cadence.to_string(), &own_c.source),
        ("12m".into(), &CadenceSource::Person),
        "the person's wins, even longer"
    );
    let tagged_c = find(tagged).unwrap();
    assert_eq!(
        (tagged_c.cadence.to_string(), &tagged_c.source),
        ("6m".into(), &CadenceSource::Tag { tag: "mentor".into() })
    );
    let both_c = find(both).unwrap();
    assert_eq!(both_c.cadence.to_string(), "90d", "90 days is shorter than 6 months");
    assert_eq!(both_c.source, CadenceSource::Relationship { why: Why::Collaborator });
    assert!(find(off).is_none(), "off on the person beats the tag");
    assert!(find(untagged).is_none());
    assert_eq!(all.iter().map(|c| c.person_id).collect::<Vec<_>>(), [both, tagged, own], "soonest due first");

    // Back to the group: the tag's applies again.
    let back = cadence::set_person(&store, own, CadenceSetting::Group, set_on).await.unwrap();
    assert_eq!((back.own, back.cadence.map(|c| c.to_string())), (CadenceSetting::Group, Some("6m".into())));
    // The group goes: so do its check-ins.
    cadence::set_group(&store, &mentors, None, set_on).await.unwrap();
    assert!(cadence::for_person(&store, tagged, set_on).await.unwrap().cadence.is_none());
    assert_eq!(cadence::groups(&store).await.unwrap().len(), 1);
}

#[tokio::test]
async fn contact_in_the_future_is_refused_and_nothing_is_written() {
    let (_dir, store) = store().await;
    let ana = person(&store, "Ana Sánchez", "").await;
    let draft = ContactDraft {
        person_id: ana,
        kind: InteractionKind::Email,
        on_day: day("2026-03-02"),
        congress_id: None,
        note: "Sent the protocol".into(),
    };
    let err = contacts::log(&store, &draft, day("2026-03-01")).await.unwrap_err();
    let CoreError::Invalid(problems) = &err else { panic!("{err}") };
    assert_eq!(problems[0].field, "on_day");
    assert!(err.to_string().starts_with("Date: 2026-03-02 is in the future"), "{err}");
    assert!(contacts::list(&store, ana).await.unwrap().is_empty());
    // Today itself is fine.
    let logged = contacts::log(&store, &draft, day("2026-03-02")).await.unwrap();
    assert_eq!(
        (logged.kind, logged.on_day, logged.note.as_str()),
        (InteractionKind::Email, day("2026-03-02"), "Sent the protocol")
    );
}

#[tokio::test]
async fn time_zones_never_shift_a_day() {
    let (_dir, store) = store().await;
    let ana = person(&store, "Ana Sánchez", "").await;
    // The earliest and the latest zones there are.
    let kiritimati = congress(&store, "Line Islands", "2026-12-04", "2026-12-06", "Pacific/Kiritimati").await;
    let pago = congress(&store, "Samoa", "2026-12-04", "2026-12-06", "Pacific/Pago_Pago").await;
    for c in [Some(kiritimati), Some(pago), None] {
        contact(&store, ana, InteractionKind::Met, "2026-12-05", c).await;
    }
    let days: Vec<_> = contacts::list(&store, ana).await.unwrap().into_iter().map(|c| c.on_day).collect();
    assert_eq!(days, [day("2026-12-05"); 3]);
    let met: Vec<_> = history::met(&store, ana).await.unwrap().into_iter().map(|e| e.on_day).collect();
    assert_eq!(met, [day("2026-12-05"); 3]);

    // A note with a time is on the day it was at the congress: 23:30 in Los
    // Angeles on 5 December is 6 December in UTC.
    let la = congress(&store, "ASH 2026", "2026-12-05", "2026-12-08", "America/Los_Angeles").await;
    let late =
        chrono_tz::America::Los_Angeles.with_ymd_and_hms(2026, 12, 5, 23, 30, 0).unwrap().with_timezone(&chrono::Utc);
    let kari = person(&store, "Kari Ødegård", "").await;
    let draft = InteractionDraft {
        person_id: kari,
        congress_id: Some(la),
        meeting_id: None,
        occurred_at: Some(late),
        note: "Late talk at the reception".into(),
    };
    interactions::add(&store, &draft).await.unwrap();
    let logged = &contacts::list(&store, kari).await.unwrap()[0];
    assert_eq!((logged.on_day, logged.kind), (day("2026-12-05"), InteractionKind::Met));

    // Interactions from before days were kept get theirs in the congress's zone.
    sqlx::query("UPDATE interactions SET on_day = NULL").execute(store.pool()).await.unwrap();
    assert_eq!(contacts::fill_days(&store).await.unwrap(), 4);
    last_interactions_agree(&store).await;
    assert_eq!(contacts::list(&store, kari).await.unwrap()[0].on_day, day("2026-12-05"));
    let again: Vec<_> = contacts::list(&store, ana).await.unwrap().into_iter().map(|c| c.on_day).collect();
    assert_eq!(again[..2], [day("2026-12-05"); 2], "noon at each congress stays on its day");
}

#[tokio::test]
async fn meetings_and_follow_ups_done_are_contact_and_snoozes_hold_until_contact() {
    let (_dir, store) = store().await;
    let ash = congress(&store, "ASH 2026", "2026-12-05", "2026-12-08", "America/New_York").await;
    let ana = person(&store, "Ana Sánchez", "").await;
    let kari = person(&store, "Kari Ødegård", "").await;
    cadence::set_person(&store, ana, every("30d"), day("2026-11-01")).await.unwrap();
    cadence::set_person(&store, kari, every("30d"), day("2026-11-01")).await.unwrap();
    let meeting = MeetingDraft {
        congress_id: ash,
        title: "Coffee with Ana".into(),
        purpose: "MRD collaboration".into(),
        place: "Café Forum".into(),
        kind: MeetingKind::Coffee,
        status: MeetingStatus::Confirmed,
        // 21:30 in Orlando: the 7th there, the 8th in UTC.
        starts_local: day("2026-12-07").and_hms_opt(21, 30, 0).unwrap(),
        minutes: 30,
        notes: String::new(),
        people: vec![ana],
    };
    let id = meetings::create(&store, &meeting).await.unwrap().meeting.id;
    let done = meetings::set_status(&store, id, MeetingStatus::Done).await.unwrap();
    let ana_c = checkins::for_person(&store, ana, day("2026-12-20")).await.unwrap().unwrap();
    assert_eq!(ana_c.last_contact, Some(day("2026-12-07")));
    // Its follow-up, done, is contact too (the day it was marked, for the user).
    let follow_up = &done.follow_ups[0];
    follow_ups::set_status(&store, follow_up.id, FollowUpStatus::Done).await.unwrap();
    let today = hallway_core::relations::today(&store, hallway_core::time::now_seconds()).await.unwrap();
    let after = checkins::for_person(&store, ana, today).await.unwrap().unwrap();
    assert_eq!(after.last_contact, Some(today));

    // A snooze moves the day until a contact on or after the day it was set.
    let snoozed = checkins::snooze(&store, kari, Some(day("2026-12-15")), day("2026-12-02")).await.unwrap().unwrap();
    assert_eq!((snoozed.due_on, snoozed.snoozed_until), (day("2026-12-15"), Some(day("2026-12-15"))));
    assert!(checkins::due(&store, day("2026-12-10")).await.unwrap().iter().all(|c| c.person_id != kari));
    let err = checkins::snooze(&store, kari, Some(day("2026-12-01")), day("2026-12-02")).await.unwrap_err();
    assert!(err.to_string().starts_with("Until: 2026-12-01 is not after today"), "{err}");
    contact(&store, kari, InteractionKind::Call, "2026-12-03", None).await;
    let reset = checkins::for_person(&store, kari, day("2026-12-03")).await.unwrap().unwrap();
    assert_eq!((reset.due_on, reset.snoozed_until), (day("2027-01-02"), None));
}

#[tokio::test]
async fn a_merge_keeps_both_histories_and_the_shorter_cadence() {
    let (_dir, store) = store().await;
    let keep = person(&store, "Ana Sánchez", "").await;
    let absorb = person(&store, "A. Sanchez", "mentor").await;
    let other = person(&store, "Li Wei", "").await;
    cadence::set_person(&store, keep, every("6m"), day("2026-01-01")).await.unwrap();
    cadence::set_person(&store, absorb, every("90d"), day("2026-02-01")).await.unwrap();
    contact(&store, keep, InteractionKind::Email, "2026-03-01", None).await;
    contact(&store, absorb, InteractionKind::Call, "2026-04-01", None).await;
    let item = GivenDraft {
        person_id: absorb,
        kind: GivenKind::Article,
        title: "MRD in myeloma".into(),
        url: Some("https://doi.org/10.1/mrd".into()),
        on_day: day("2026-04-01"),
        note: String::new(),
    };
    given::add(&store, &item, day("2026-04-01")).await.unwrap();
    let intro = |a, b| IntroDraft {
        person_id: a,
        to_person_id: b,
        status: IntroStatus::Owed,
        note: String::new(),
        congress_id: None,
    };
    let to_other = intros::offer(&store, &intro(absorb, other), day("2026-04-01")).await.unwrap();
    intros::offer(&store, &intro(keep, absorb), day("2026-04-01")).await.unwrap();

    people::merge(&store, keep, absorb).await.unwrap();
    let merged = cadence::for_person(&store, keep, day("2026-04-02")).await.unwrap();
    assert_eq!(merged.own, every("90d"), "the shorter cadence wins");
    let check_in = merged.check_in.unwrap();
    assert_eq!((check_in.last_contact, check_in.due_on), (Some(day("2026-04-01")), day("2026-06-30")));
    assert_eq!(contacts::list(&store, keep).await.unwrap().len(), 2, "both histories");
    last_interactions_agree(&store).await;
    assert_eq!(given::list(&store, keep).await.unwrap().len(), 1);
    let theirs = intros::for_person(&store, keep).await.unwrap();
    assert_eq!(theirs.len(), 1, "the introduction between the two is gone");
    assert_eq!((theirs[0].id, theirs[0].person.id), (to_other.id, keep));
    assert_eq!(checkins::list(&store, day("2026-04-02"), 365).await.unwrap().len(), 1, "one person, one check-in");

    // A cadence beats off in a merge.
    let third = person(&store, "Third", "").await;
    cadence::set_person(&store, keep, CadenceSetting::Off, day("2026-04-02")).await.unwrap();
    cadence::set_person(&store, third, every("12m"), day("2026-04-02")).await.unwrap();
    people::merge(&store, keep, third).await.unwrap();
    assert_eq!(cadence::for_person(&store, keep, day("2026-04-02")).await.unwrap().own, every("12m"));
}

#[tokio::test]
async fn deleting_a_person_removes_their_introductions_both_ways() {
    let (_dir, store) = store().await;
    let ana = person(&store, "Ana Sánchez", "").await;
    let kari = person(&store, "Kari Ødegård", "").await;
    let li = person(&store, "Li Wei", "").await;
    let today = day("2026-05-01");
    let draft = |a, b| IntroDraft {
        person_id: a,
        to_person_id: b,
        status: IntroStatus::Owed,
        note: "CAR-T".into(),
        congress_id: None,
    };
    intros::offer(&store, &draft(ana, kari), today).await.unwrap();
    intros::offer(&store, &draft(li, ana), today).await.unwrap();
    intros::met_through(&store, li, ana, "At the EHA dinner", None, today).await.unwrap();
    let kept = intros::offer(&store, &draft(kari, li), today).await.unwrap();
    assert_eq!(intros::for_person(&store, ana).await.unwrap().len(), 3);
    let dup = intros::offer(&store, &draft(kari, ana), today).await.unwrap_err();
    assert!(matches!(dup, CoreError::Conflict(_)), "{dup}");

    people::delete(&store, ana).await.unwrap();
    let owed = intros::owed(&store, None).await.unwrap();
    assert_eq!(owed.iter().map(|i| i.id).collect::<Vec<_>>(), [kept.id]);
    assert!(intros::for_person(&store, li).await.unwrap().iter().all(|i| i.id == kept.id));
    people::restore(&store, ana).await.unwrap();
    assert!(intros::for_person(&store, ana).await.unwrap().is_empty(), "gone for good");

    let made = intros::set_status(&store, kept.id, IntroStatus::Made, day("2026-05-03")).await.unwrap();
    assert_eq!((made.status, made.closed_on), (IntroStatus::Made, Some(day("2026-05-03"))));
    assert!(intros::owed(&store, None).await.unwrap().is_empty());
}

/// A small program CSV with the speakers given.
fn program(rows: &[(&str, &str)]) -> Vec<u8> {
    let mut csv = String::from("Session Title,Date,Start Time,End Time,Room,Session Type,Speakers\n");
    for (title, speakers) in rows {
        csv.push_str(&format!("{title},2026-12-06,10:00,11:00,Room 1,Oral,\"{speakers}\"\n"));
    }
    csv.into_bytes()
}

#[tokio::test]
async fn reconnect_lists_people_met_before_who_are_in_the_program_or_targets() {
    let (_dir, store) = store().await;
    let eha = congress(&store, "EHA 2025", "2025-06-12", "2025-06-15", "Europe/Madrid").await;
    let ash = congress(&store, "ASH 2026", "2026-12-05", "2026-12-08", "America/New_York").await;
    let ana = person(&store, "Ana Sánchez", "").await;
    let kari = person(&store, "Kari Ødegård", "").await;
    let li = person(&store, "Li Wei", "").await;
    let stranger = person(&store, "Never Met", "").await;
    let draft = ContactDraft {
        person_id: ana,
        kind: InteractionKind::Met,
        on_day: day("2025-06-13"),
        congress_id: Some(eha),
        note: "Poster 1234: MRD by NGS".into(),
    };
    contacts::log(&store, &draft, day("2025-06-13")).await.unwrap();
    contact(&store, li, InteractionKind::Met, "2025-06-14", Some(eha)).await;
    // Met at ASH itself does not count as before ASH.
    contact(&store, kari, InteractionKind::Met, "2026-12-05", Some(ash)).await;
    let never = AtomicBool::new(false);
    let bytes = program(&[("Myeloma update", "Ana Sánchez; Never Met"), ("AML", "Kari Ødegård")]);
    import::import_bytes(&store, ash, "program.csv", bytes, &|_| {}, &never).await.unwrap();
    targets::set(&store, ash, li, &target(Why::Peer, TargetStatus::Contacted)).await.unwrap();

    let list = reconnect::list(&store, ash).await.unwrap();
    assert_eq!(list.iter().map(|r| r.person_id).collect::<Vec<_>>(), [ana, li], "not targets first");
    assert_eq!(list[0].last_met.congress_name.as_deref(), Some("EHA 2025"));
    assert_eq!(list[0].last_met.on_day, day("2025-06-13"));
    assert_eq!(list[0].last_met.note, "Poster 1234: MRD by NGS");
    assert_eq!(list[0].roles[0].title, "Myeloma update");
    assert_eq!(list[1].target_status, Some(TargetStatus::Contacted));
    assert!(list.iter().all(|r| r.person_id != stranger && r.person_id != kari));

    let adopted = reconnect::adopt(&store, ash, ana).await.unwrap();
    assert_eq!(
        (adopted.status, adopted.reason.as_str()),
        (TargetStatus::Idea, "Met at EHA 2025: Poster 1234: MRD by NGS")
    );
    assert_eq!(reconnect::list(&store, ash).await.unwrap().iter().filter(|r| r.target_id.is_some()).count(), 2);
    // Where we met over the years, and the last time for the target cards.
    let last = history::last_met_for_targets(&store, ash).await.unwrap();
    assert_eq!(
        last.iter().map(|e| (e.person_id, e.congress_name.as_deref())).collect::<Vec<_>>(),
        [(li, Some("EHA 2025")), (ana, Some("EHA 2025"))]
    );
}

#[tokio::test]
async fn home_summary_and_check_in_reminders() {
    let (_dir, store) = store().await;
    let ash = congress(&store, "ASH 2026", "2026-12-05", "2026-12-08", "America/New_York").await;
    let ana = person(&store, "Ana Sánchez", "").await;
    let kari = person(&store, "Kari Ødegård", "").await;
    targets::set(&store, ash, ana, &target(Why::Mentor, TargetStatus::Idea)).await.unwrap();
    targets::set(&store, ash, kari, &target(Why::Peer, TargetStatus::Contacted)).await.unwrap();
    let draft = IntroDraft {
        person_id: ana,
        to_person_id: kari,
        status: IntroStatus::Owed,
        note: String::new(),
        congress_id: Some(ash),
    };
    intros::offer(&store, &draft, day("2026-10-01")).await.unwrap();
    cadence::set_group(
        &store,
        &CadenceGroup::Relationship { why: Why::Mentor },
        Cadence::parse("1m"),
        day("2026-09-15"),
    )
    .await
    .unwrap();

    let summary = home::summary(&store, day("2026-11-01")).await.unwrap();
    assert!(summary.running.is_none());
    let next = summary.next_congress.unwrap();
    assert_eq!((next.congress.id, next.days_to_go, next.targets_total), (ash, 34, 2));
    assert_eq!(next.not_contacted.iter().map(|t| t.person_id).collect::<Vec<_>>(), [ana]);
    assert_eq!(summary.intros_owed.len(), 1);
    assert_eq!(summary.check_ins.iter().map(|c| (c.person_id, c.overdue_days)).collect::<Vec<_>>(), [(ana, 17)]);
    assert_eq!(home::running(&store, day("2026-12-06")).await.unwrap().map(|c| c.id), Some(ash));

    // Ana's check-in falls due today: one notification, once.
    let mut settings = hallway_core::settings::get(&store).await.unwrap();
    settings.home_time_zone = Some("Europe/Madrid".into());
    hallway_core::settings::update(&store, &settings).await.unwrap();
    contact(&store, ana, InteractionKind::Email, "2026-10-20", None).await;
    let morning = chrono_tz::Europe::Madrid.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap().timestamp();
    let first = follow_ups::reminders(&store, morning - 30, morning).await.unwrap();
    let keys: Vec<_> = first.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, [format!("check-in-{ana}-2026-11-20").as_str()]);
    assert_eq!(first[0].title, "Check in with Ana Sánchez");
    assert!(follow_ups::reminders(&store, morning, morning + 30).await.unwrap().is_empty(), "once a day");
    let draft = checkins::draft(&store, ana, None, day("2026-11-20")).await.unwrap();
    assert!(draft.contains("since my email in October"), "{draft}");
}
