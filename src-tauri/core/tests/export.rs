//! Calendar and contact exports against a real database: the ICS file is
//! checked line by line against RFC 5545 (CRLF, 75-octet folding that never
//! splits a character, TEXT escaping, DTSTAMP, UID, SEQUENCE, STATUS) and
//! read back with the `ical` crate; the congress crosses the end of summer
//! time in Amsterdam; names are Norwegian, Spanish and Chinese.

use chrono::NaiveDateTime;
use hallway_core::congress::{self, CongressDraft};
use hallway_core::export::{self, ics, ExportOptions};
use hallway_core::ids::{CongressId, MeetingId, PersonId};
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::program::{self, import::import_bytes, Attendance};
use hallway_core::settings;
use hallway_core::{people, CoreError, Store};
use ical::parser::ical::component::IcalEvent;
use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

/// EHA-like congress in Amsterdam, 23–26 October 2026: summer time ends on
/// Sunday 25 October at 03:00 CEST (UTC+2) → 02:00 CET (UTC+1).
const PROGRAM: &str = "ID,Title,Date,Start,End,Room,Speakers\n\
    S1,\"Plenary: CAR-T, bispecifics; and beyond\",2026-10-24,09:00,10:30,Hall A,\"Kari Ødegård; Ana Sánchez\"\n\
    S2,Myeloma after the clock change,2026-10-25,10:00,11:00,Hall B,李伟\n\
    S3,Lymphoma update,2026-10-26,09:00,10:00,Hall C,Ana Sánchez\n\
    S4,Maybe: MDS round table,2026-10-26,11:00,12:00,Room 5,\n";

struct Plan {
    _dir: tempfile::TempDir,
    store: Store,
    congress: CongressId,
    coffee: MeetingId,
    lunch: MeetingId,
    dinner: MeetingId,
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// 2,000 characters of purpose in several scripts, with every character
/// TEXT must escape.
fn long_purpose() -> String {
    let seed = "Discuss the Ødegård–Sánchez cohort, 李伟's data; path \\\\server\\share, then: next steps.\n";
    seed.chars().cycle().take(2000).collect()
}

async fn person(store: &Store, name: &str, institution: &str, email: &str) -> PersonId {
    let draft = people::PersonDraft {
        display_name: name.into(),
        institution: institution.into(),
        emails: email.into(),
        ..Default::default()
    };
    people::create(store, &draft).await.unwrap().id
}

fn meeting(c: CongressId, title: &str, start: &str, people: Vec<PersonId>) -> MeetingDraft {
    MeetingDraft {
        congress_id: c,
        title: title.into(),
        purpose: String::new(),
        place: String::new(),
        kind: MeetingKind::OneToOne,
        status: MeetingStatus::Confirmed,
        starts_local: local(start),
        minutes: 30,
        notes: String::new(),
        people,
    }
}

async fn plan() -> Plan {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "European Hematology Association 2026".into(),
        short_name: "EHA 2026".into(),
        starts_on: "2026-10-23".into(),
        ends_on: "2026-10-26".into(),
        time_zone: "Europe/Amsterdam".into(),
        ..Default::default()
    };
    let congress = congress::create(&store, &draft).await.unwrap().id;
    import_bytes(&store, congress, "program.csv", PROGRAM.as_bytes().to_vec(), &|_| {}, &AtomicBool::new(false))
        .await
        .unwrap();
    for s in program::list(&store, congress).await.unwrap() {
        let mark = if s.key == "S4" { Attendance::Maybe } else { Attendance::Attending };
        program::set_attendance(&store, s.id, Some(mark)).await.unwrap();
    }
    let kari = person(&store, "Kari Ødegård", "Oslo universitetssykehus, Rikshospitalet", "kari@ous.no").await;
    let ana = person(&store, "Ana Sánchez", "Hospital Clínic; Barcelona", "ana@clinic.cat").await;
    let li = person(&store, "李伟", "北京大学人民医院", "").await;

    let mut coffee = meeting(congress, "Coffee, cake; and a \\ backslash", "2026-10-24 10:30", vec![kari, ana, li]);
    coffee.purpose = long_purpose();
    coffee.place = "Café Ødegård, level 2; by the posters".into();
    coffee.notes = "Bring the poster.\nAsk about the fellowship, too.".into();
    let coffee = meetings::create(&store, &coffee).await.unwrap().meeting.id;
    let lunch = meetings::create(&store, &meeting(congress, "Lunch with Ana", "2026-10-25 12:30", vec![ana]))
        .await
        .unwrap()
        .meeting
        .id;
    let dinner = meetings::create(&store, &meeting(congress, "Dinner with 李伟", "2026-10-25 19:00", vec![li]))
        .await
        .unwrap()
        .meeting
        .id;
    // Follow-ups have no core API yet: the row as the schema defines it.
    sqlx::query(
        "INSERT INTO follow_ups (person_id, congress_id, due_at, channel, draft, status, uid, sequence, created_at, \
         updated_at) VALUES (?, ?, ?, 'email', 'Dear Kari,\nthe slides, as promised; best, me', 'owed', \
         'follow-up-1@hallway.app', 2, 0, 1790000000)",
    )
    .bind(kari)
    .bind(congress)
    .bind(1_793_000_000_i64) // 2026-10-26T08:53:20Z: Monday 26 October in Amsterdam
    .execute(store.pool())
    .await
    .unwrap();
    Plan { _dir: dir, store, congress, coffee, lunch, dinner }
}

fn everything() -> ExportOptions {
    ExportOptions {
        meetings: true,
        sessions: true,
        maybes: true,
        follow_ups: true,
        cancelled: true,
        alarm_minutes: Some(15),
    }
}

/// RFC 5545 §3.1 to the letter: CRLF after every line, no other CR or LF,
/// no physical line over 75 octets, and valid UTF-8 once unfolded (which
/// `String` already guarantees for the folded text, so unfold by octets).
fn assert_well_formed(text: &str) -> String {
    assert!(text.ends_with("\r\n"), "the file must end with CRLF");
    for line in text[..text.len() - 2].split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "bare CR or LF in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.is_empty(), "empty line");
    }
    let bytes = text.as_bytes();
    let mut unfolded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\r\n ") || bytes[i..].starts_with(b"\r\n\t") {
            i += 3;
        } else {
            unfolded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(unfolded).expect("valid UTF-8 after unfolding")
}

/// Each unfolded content line as (name with parameters, raw value).
fn content_lines(unfolded: &str) -> Vec<(&str, &str)> {
    unfolded.split("\r\n").filter(|l| !l.is_empty()).map(|l| l.split_once(':').expect("NAME:value")).collect()
}

/// The events of an unfolded file, each as its property lines (alarms kept
/// apart under "VALARM/…").
fn events(unfolded: &str) -> Vec<HashMap<String, String>> {
    let mut all = Vec::new();
    let mut current: Option<HashMap<String, String>> = None;
    let mut in_alarm = false;
    for (name, value) in content_lines(unfolded) {
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(HashMap::new()),
            ("END", "VEVENT") => all.push(current.take().unwrap()),
            ("BEGIN", "VALARM") => in_alarm = true,
            ("END", "VALARM") => in_alarm = false,
            _ => {
                if let Some(event) = current.as_mut() {
                    let key = if in_alarm { format!("VALARM/{name}") } else { name.to_owned() };
                    assert!(event.insert(key, value.to_owned()).is_none(), "{name} twice in one event");
                }
            }
        }
    }
    all
}

/// The events of a file as written (checked, then unfolded).
fn events_of(text: &str) -> Vec<HashMap<String, String>> {
    events(&assert_well_formed(text))
}

/// RFC 5545 TEXT, unescaped.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other @ ('\\' | ';' | ',')) => out.push(other),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            }
        } else {
            assert!(c != ';' && c != ',', "unescaped {c:?} in TEXT {value:?}");
            out.push(c);
        }
    }
    out
}

fn by_summary<'a>(events: &'a [HashMap<String, String>], summary: &str) -> &'a HashMap<String, String> {
    let found: Vec<_> = events.iter().filter(|e| unescape(&e["SUMMARY"]) == summary).collect();
    assert_eq!(found.len(), 1, "events titled {summary:?}");
    found[0]
}

/// A property's value whatever its parameters (`DTSTART;VALUE=DATE`).
fn property<'a>(event: &'a HashMap<String, String>, name: &str) -> &'a str {
    event.iter().find(|(key, _)| key.split(';').next() == Some(name)).map_or("", |(_, value)| value.as_str())
}

fn parse_with_ical_crate(text: &str) -> Vec<IcalEvent> {
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("one calendar").expect("the ical crate reads it");
    assert!(calendars.next().is_none());
    calendar.events
}

fn ical_value<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).unwrap_or("")
}

#[tokio::test]
async fn the_whole_plan_exports_to_the_letter_of_rfc_5545() {
    let p = plan().await;
    meetings::set_status(&p.store, p.dinner, MeetingStatus::Cancelled).await.unwrap();
    let file = ics::export(&p.store, p.congress, &everything()).await.unwrap();
    let unfolded = assert_well_formed(&file.text);
    let lines = content_lines(&unfolded);
    assert_eq!(lines[0], ("BEGIN", "VCALENDAR"));
    assert_eq!(lines[1], ("VERSION", "2.0"));
    assert_eq!(lines[2].0, "PRODID");
    assert!(lines.contains(&("X-WR-CALNAME", "EHA 2026 (Hallway)")));
    for forbidden in ["METHOD", "ATTENDEE", "ORGANIZER", "VTIMEZONE"] {
        assert!(!lines.iter().any(|(n, v)| n.starts_with(forbidden) || *v == forbidden), "{forbidden} in the file");
    }

    let all = events(&unfolded);
    // 3 meetings (one cancelled), 4 sessions (one maybe), 1 follow-up.
    assert_eq!(all.len(), 8);
    assert_eq!(file.events, 8);
    let mut uids: Vec<&str> = all.iter().map(|e| e["UID"].as_str()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 8, "every item has its own UID");
    for event in &all {
        assert!(event["DTSTAMP"].ends_with('Z') && event["DTSTAMP"].len() == 16, "DTSTAMP in UTC: {event:?}");
        assert!(event.contains_key("SEQUENCE"));
    }

    // Meetings: venue time → UTC on either side of the DST change.
    let coffee = by_summary(&all, "Coffee, cake; and a \\ backslash");
    assert_eq!(coffee["SUMMARY"], "Coffee\\, cake\\; and a \\\\ backslash");
    assert_eq!((coffee["DTSTART"].as_str(), coffee["DTEND"].as_str()), ("20261024T083000Z", "20261024T090000Z"));
    assert_eq!(unescape(&coffee["LOCATION"]), "Café Ødegård, level 2; by the posters");
    assert_eq!(coffee["STATUS"], "CONFIRMED");
    let description = unescape(&coffee["DESCRIPTION"]);
    assert!(description.starts_with(&format!("Purpose: {}", long_purpose().trim())), "{description}");
    for line in [
        "- Ana Sánchez, Hospital Clínic; Barcelona",
        "- Kari Ødegård, Oslo universitetssykehus, Rikshospitalet",
        "- 李伟, 北京大学人民医院",
        "Notes:\nBring the poster.\nAsk about the fellowship, too.",
        "Venue time: Sat 24 Oct 2026, 10:30–11:00 CEST (Europe/Amsterdam)",
    ] {
        assert!(description.contains(line), "{line:?} missing from {description}");
    }
    assert_eq!((coffee["VALARM/ACTION"].as_str(), coffee["VALARM/TRIGGER"].as_str()), ("DISPLAY", "-PT15M"));
    // The people by name (they were added Kari, Ana, 李伟), the meetings in time order.
    let at = |line: &str| description.find(line).unwrap();
    assert!(at("- Ana Sánchez") < at("- Kari Ødegård") && at("- Kari Ødegård") < at("- 李伟"), "{description}");
    let summaries: Vec<&str> = all.iter().map(|e| e["SUMMARY"].as_str()).collect();
    let place = |title: &str| summaries.iter().position(|s| *s == title).unwrap();
    assert!(place("Coffee\\, cake\\; and a \\\\ backslash") < place("Lunch with Ana"));
    assert!(place("Lunch with Ana") < place("Dinner with 李伟"));
    let lunch = by_summary(&all, "Lunch with Ana");
    assert_eq!(lunch["DTSTART"], "20261025T113000Z", "12:30 CET is 11:30 UTC after the change");
    let dinner = by_summary(&all, "Dinner with 李伟");
    assert_eq!(dinner["STATUS"], "CANCELLED");
    assert_eq!(dinner["SEQUENCE"], "1");
    assert!(!dinner.contains_key("VALARM/TRIGGER"), "no reminder for a cancelled meeting");

    // Sessions: attending confirmed, maybe tentative and transparent.
    let plenary = by_summary(&all, "Plenary: CAR-T, bispecifics; and beyond");
    assert_eq!(plenary["DTSTART"], "20261024T070000Z");
    assert_eq!(plenary["LOCATION"], "Hall A");
    assert!(unescape(&plenary["DESCRIPTION"]).starts_with("Speakers: Kari Ødegård; Ana Sánchez"));
    assert!(plenary["UID"].starts_with("session-") && plenary["UID"].ends_with("@hallway.app"));
    assert_eq!(by_summary(&all, "Myeloma after the clock change")["DTSTART"], "20261025T090000Z");
    assert_eq!(by_summary(&all, "Lymphoma update")["DTSTART"], "20261026T080000Z");
    let maybe = by_summary(&all, "Maybe: MDS round table");
    assert_eq!((maybe["STATUS"].as_str(), maybe["TRANSP"].as_str()), ("TENTATIVE", "TRANSPARENT"));

    // The follow-up: an all-day reminder on its due date.
    let follow = by_summary(&all, "Follow up with Kari Ødegård by email");
    assert_eq!(follow["DTSTART;VALUE=DATE"], "20261026");
    assert_eq!(follow["DTEND;VALUE=DATE"], "20261027");
    assert_eq!((follow["UID"].as_str(), follow["SEQUENCE"].as_str()), ("follow-up-1@hallway.app", "2"));
    assert_eq!(follow["VALARM/TRIGGER"], "PT9H");
    assert!(unescape(&follow["DESCRIPTION"]).contains("Draft:\nDear Kari,\nthe slides, as promised; best, me"));

    // The `ical` crate reads the same events, times and titles. (Its line
    // reader trims each physical line's trailing blanks, so a long value
    // folded just after a space loses that space there: compare long values
    // without blanks.)
    let parsed = parse_with_ical_crate(&file.text);
    assert_eq!(parsed.len(), 8);
    for (ours, theirs) in all.iter().zip(&parsed) {
        for name in ["UID", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE", "DTSTAMP"] {
            assert_eq!(property(ours, name), ical_value(theirs, name), "{name}");
        }
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(property(ours, "DESCRIPTION")), squeeze(ical_value(theirs, "DESCRIPTION")));
    }
    let coffee_alarm = &parsed.iter().find(|e| ical_value(e, "UID") == coffee["UID"]).unwrap().alarms[0];
    assert!(coffee_alarm.properties.iter().any(|p| p.name == "TRIGGER" && p.value.as_deref() == Some("-PT15M")));
}

#[tokio::test]
async fn a_moved_meeting_keeps_its_uid_with_a_higher_sequence_and_cancelled_ones_can_be_left_out() {
    let p = plan().await;
    let before = events_of(&ics::export(&p.store, p.congress, &everything()).await.unwrap().text);
    let first = ics::export(&p.store, p.congress, &everything()).await.unwrap();
    let again = ics::export(&p.store, p.congress, &everything()).await.unwrap();
    assert_eq!(first.text, again.text, "an unchanged plan exports the same file, byte for byte");

    let old = meetings::get(&p.store, p.lunch).await.unwrap();
    let mut moved = meeting(p.congress, &old.title, "2026-10-26 13:00", vec![old.people[0].id]);
    moved.place = "Restaurant, floor 0".into();
    meetings::update(&p.store, p.lunch, &moved).await.unwrap();
    meetings::set_status(&p.store, p.dinner, MeetingStatus::Cancelled).await.unwrap();

    let after = events_of(&ics::export(&p.store, p.congress, &everything()).await.unwrap().text);
    let (was, now) = (by_summary(&before, "Lunch with Ana"), by_summary(&after, "Lunch with Ana"));
    assert_eq!(was["UID"], now["UID"]);
    assert!(now["SEQUENCE"].parse::<u32>().unwrap() > was["SEQUENCE"].parse::<u32>().unwrap());
    assert_eq!((was["DTSTART"].as_str(), now["DTSTART"].as_str()), ("20261025T113000Z", "20261026T120000Z"));
    let (was, now) = (by_summary(&before, "Dinner with 李伟"), by_summary(&after, "Dinner with 李伟"));
    assert_eq!(was["UID"], now["UID"]);
    assert_eq!((was["STATUS"].as_str(), now["STATUS"].as_str()), ("CONFIRMED", "CANCELLED"));
    assert!(now["SEQUENCE"].parse::<u32>().unwrap() > was["SEQUENCE"].parse::<u32>().unwrap());
    // Sessions keep their UIDs from export to export.
    for title in ["Plenary: CAR-T, bispecifics; and beyond", "Lymphoma update"] {
        assert_eq!(by_summary(&before, title)["UID"], by_summary(&after, title)["UID"]);
    }

    let without = ExportOptions { cancelled: false, ..everything() };
    let left = events_of(&ics::export(&p.store, p.congress, &without).await.unwrap().text);
    assert_eq!(left.len(), 7);
    assert!(left.iter().all(|e| e["STATUS"] != "CANCELLED"));
    assert!(left.iter().all(|e| unescape(&e["SUMMARY"]) != "Dinner with 李伟"));
}

#[tokio::test]
async fn options_choose_what_goes_in() {
    let p = plan().await;
    let only = |o: ExportOptions| {
        let store = p.store.clone();
        let congress = p.congress;
        async move { ics::export(&store, congress, &o).await }
    };
    let none = ExportOptions {
        meetings: false,
        sessions: false,
        maybes: false,
        follow_ups: false,
        cancelled: false,
        alarm_minutes: None,
    };
    assert_eq!(only(ExportOptions { meetings: true, ..none.clone() }).await.unwrap().events, 3);
    assert_eq!(only(ExportOptions { sessions: true, ..none.clone() }).await.unwrap().events, 3);
    assert_eq!(only(ExportOptions { maybes: true, ..none.clone() }).await.unwrap().events, 1);
    assert_eq!(only(ExportOptions { follow_ups: true, ..none.clone() }).await.unwrap().events, 1);
    let quiet = only(ExportOptions { meetings: true, ..none.clone() }).await.unwrap();
    assert!(!quiet.text.contains("VALARM"));
    assert!(matches!(only(none.clone()).await, Err(CoreError::Invalid(_))), "an empty calendar is not valid");
    let early = ExportOptions { meetings: true, alarm_minutes: Some(5000), ..none };
    assert!(matches!(only(early).await, Err(CoreError::Invalid(_))));
    assert!(matches!(ics::export(&p.store, CongressId(999), &everything()).await, Err(CoreError::NotFound { .. })));
}

#[tokio::test]
async fn a_session_moved_by_a_program_reimport_gets_a_higher_sequence() {
    let p = plan().await;
    let before = events_of(&ics::export(&p.store, p.congress, &everything()).await.unwrap().text);
    let moved = PROGRAM.replace("2026-10-26,09:00,10:00,Hall C", "2026-10-26,14:00,15:00,Hall C");
    import_bytes(&p.store, p.congress, "program.csv", moved.into_bytes(), &|_| {}, &AtomicBool::new(false))
        .await
        .unwrap();
    let after = events_of(&ics::export(&p.store, p.congress, &everything()).await.unwrap().text);
    let (was, now) = (by_summary(&before, "Lymphoma update"), by_summary(&after, "Lymphoma update"));
    assert_eq!(was["UID"], now["UID"]);
    assert_eq!((was["SEQUENCE"].as_str(), now["SEQUENCE"].as_str()), ("0", "1"));
    assert_eq!(now["DTSTART"], "20261026T130000Z");
    let untouched = "Plenary: CAR-T, bispecifics; and beyond";
    assert_eq!(by_summary(&before, untouched)["SEQUENCE"], by_summary(&after, untouched)["SEQUENCE"]);
}

#[tokio::test]
async fn one_meeting_alone_is_an_add_to_calendar_file_with_the_same_uid() {
    let p = plan().await;
    settings::update(
        &p.store,
        &settings::Settings { alarm_minutes: Some(5), ..settings::get(&p.store).await.unwrap() },
    )
    .await
    .unwrap();
    let whole = events_of(&ics::export(&p.store, p.congress, &everything()).await.unwrap().text);
    let single = ics::export_meeting(&p.store, p.coffee).await.unwrap();
    assert_eq!(single.events, 1);
    let unfolded = assert_well_formed(&single.text);
    assert!(!unfolded.contains("X-WR-CALNAME"), "a single event is not a calendar of its own");
    let one = events(&unfolded);
    let summary = "Coffee, cake; and a \\ backslash";
    assert_eq!(one[0]["UID"], by_summary(&whole, summary)["UID"]);
    assert_eq!(one[0]["VALARM/TRIGGER"], "-PT5M", "the reminder comes from settings");
    assert!(matches!(ics::export_meeting(&p.store, MeetingId(999)).await, Err(CoreError::NotFound { .. })));
}

#[tokio::test]
async fn exports_are_written_whole_to_the_chosen_path() {
    let p = plan().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("EHA 2026 – Ødegård.ics");
    let written = export::write_ics(&p.store, p.congress, &everything(), &path).await.unwrap();
    assert_eq!((written.path, written.events), (path.display().to_string(), 8));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(parse_with_ical_crate(&text).len(), 8);
    let single = export::write_meeting_ics(&p.store, p.coffee, &dir.path().join("coffee.ics")).await.unwrap();
    assert_eq!(single.events, 1);
}

#[tokio::test]
async fn all_day_and_withdrawn_sessions() {
    let p = plan().await;
    // An all-day item on the 25-hour day, and S3 gone from the program.
    let program = format!("{PROGRAM}S5,Poster hall open,2026-10-25,,,Poster hall,\n")
        .replace("S3,Lymphoma update,2026-10-26,09:00,10:00,Hall C,Ana Sánchez\n", "");
    import_bytes(&p.store, p.congress, "program.csv", program.into_bytes(), &|_| {}, &AtomicBool::new(false))
        .await
        .unwrap();
    let posters = program::list(&p.store, p.congress).await.unwrap().into_iter().find(|s| s.key == "S5").unwrap();
    assert!(posters.all_day, "a row with a date and no times is all day");
    program::set_attendance(&p.store, posters.id, Some(Attendance::Attending)).await.unwrap();

    let all = events_of(&ics::export(&p.store, p.congress, &everything()).await.unwrap().text);
    let hall = by_summary(&all, "Poster hall open");
    assert_eq!((hall["DTSTART;VALUE=DATE"].as_str(), hall["DTEND;VALUE=DATE"].as_str()), ("20261025", "20261026"));
    assert!(!hall.contains_key("VALARM/TRIGGER"), "no reminder before midnight for an all-day item");
    let gone = by_summary(&all, "Lymphoma update");
    assert_eq!((gone["STATUS"].as_str(), gone["SEQUENCE"].as_str()), ("CANCELLED", "1"));
    assert!(!gone.contains_key("VALARM/TRIGGER"));

    let current = ExportOptions { cancelled: false, ..everything() };
    let left = events_of(&ics::export(&p.store, p.congress, &current).await.unwrap().text);
    assert!(left.iter().all(|e| unescape(&e["SUMMARY"]) != "Lymphoma update"));
}
