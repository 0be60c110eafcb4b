//! The JSON reader on small inline documents in both schedule versions and
//! in the odd shapes exporters produce (the full congress fixture is read in
//! tests/schedule_fixtures.rs), plus a bounded fuzz that it never panics.

use super::*;
use crate::program::import::item::SourceTime;
use chrono::NaiveDate;
use proptest::prelude::*;

fn ctx() -> ReadContext {
    ReadContext {
        zone: chrono_tz::Europe::Madrid,
        first_day: NaiveDate::from_ymd_opt(2027, 6, 10).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2027, 6, 13).unwrap(),
    }
}

fn utc(time: &SourceTime) -> String {
    match time {
        SourceTime::Instant(at) => at.format("%Y-%m-%dT%H:%MZ").to_string(),
        SourceTime::Zoned(wall, zone) => {
            wall.and_local_timezone(*zone).unwrap().to_utc().format("%Y-%m-%dT%H:%MZ").to_string()
        }
        other => format!("{other:?}"),
    }
}

const V1: &str = r#"{"schedule": {"version": "1", "conference": {
  "title": "EHA", "time_zone_name": "Europe/Madrid",
  "days": [{"index": 1, "date": "2027-06-11", "day_start": "2027-06-11T08:00:00+02:00",
    "rooms": {
      "N104": [
        {"id": "77", "code": "ABCDEF", "start": "00:30", "duration": "01:00", "title": "Late", "room": "",
         "track": {"name": "Networking"}, "type": "Networking",
         "abstract": {"es": "Tarde", "en": "Late night"}, "description": null,
         "persons": ["Ana Sánchez", {"name": "Jürgen Müller"}, {"public_name": "Chloé Lefèvre", "name": "C. Lefèvre"}, null]}
      ],
      "Hall A": [
        {"guid": "g-1", "id": 1, "date": "2027-06-11T10:00:00+02:00", "start": "10:00", "duration": "00:45",
         "title": "Myeloma", "subtitle": "", "track": null, "type": "Oral", "persons": {"public_name": "María José Núñez"},
         "unknown": [1, {"nested": true}], "links": "none"}
      ]
    }}]}}}"#;

#[test]
fn reads_version_1_in_file_order_with_odd_shapes() {
    let items = read(V1, &ctx()).unwrap();
    let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Late", "Myeloma"], "file order, not room-name order");

    let late = &items[0];
    assert_eq!(late.line, 6);
    assert_eq!(late.source_id.as_deref(), Some("77"), "no guid: the id");
    assert_eq!(late.room.as_deref(), Some("N104"), "an empty room falls back to the day's room key");
    assert_eq!(late.track.as_deref(), Some("Networking"));
    assert_eq!(late.description.as_deref(), Some("Late night"));
    assert_eq!(utc(&late.starts), "2027-06-11T22:30Z", "00:30 on a day that starts at 08:00 is the next date");
    let names: Vec<&str> = late.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Sánchez", "Jürgen Müller", "Chloé Lefèvre"]);

    let myeloma = &items[1];
    assert_eq!(myeloma.line, 12);
    assert_eq!(myeloma.source_id.as_deref(), Some("g-1"));
    assert_eq!(myeloma.starts, SourceTime::Instant("2027-06-11T08:00:00Z".parse().unwrap()));
    assert_eq!(myeloma.track, None);
    assert_eq!(myeloma.people[0].name, "María José Núñez");
}

const V2: &str = r#"{"schedule": {"version": "2", "conference": {
  "title": "EHA", "time_zone_name": "Europe/Madrid",
  "tracks": [{"name": "CAR-T", "slug": "car-t"}],
  "rooms": [{"name": "Hall A", "guid": "r-1"}],
  "days": [{"index": 1, "date": "2027-06-11", "start": "2027-06-11T08:00:00+02:00", "end": "2027-06-12T03:00:00+02:00"}]},
  "events": [
    {"guid": "e-1", "type": "TALK", "start": "2027-06-11T10:00:00+02:00", "end": "2027-06-11T10:40:00+02:00",
     "room": {"guid": "r-1"}, "track": {"slug": "car-t"}, "title": "CAR-T", "subtitle": null, "state": "CANCELED",
     "participants": [{"name": "Ana Sánchez", "role": "SPEAKER"}, {"name": "Jürgen Müller", "role": "MODERATOR"},
                      {"name": "Chloé Lefèvre", "role": "CONTRIBUTOR"}, {"name": "Søren Ødegård"}]},
    {"guid": "e-2", "type": "BREAK", "start": "2027-06-11T11:00:00", "end": "2027-06-11T11:30:00", "title": "Coffee",
     "track": {"slug": "unknown-track"}}
  ]}}"#;

#[test]
fn reads_version_2_events_with_room_and_track_lookups_and_roles() {
    let items = read(V2, &ctx()).unwrap();
    assert_eq!(items.len(), 2);
    let talk = &items[0];
    assert_eq!(talk.line, 7);
    assert_eq!(utc(&talk.starts), "2027-06-11T08:00Z");
    assert_eq!(talk.ends.as_ref().map(utc).as_deref(), Some("2027-06-11T08:40Z"));
    assert_eq!(talk.room.as_deref(), Some("Hall A"));
    assert_eq!(talk.track.as_deref(), Some("CAR-T"));
    assert!(talk.cancelled);
    let roles: Vec<(&str, PersonRole)> = talk.people.iter().map(|p| (p.name.as_str(), p.role)).collect();
    assert_eq!(
        roles,
        [
            ("Ana Sánchez", PersonRole::Speaker),
            ("Jürgen Müller", PersonRole::Chair),
            ("Chloé Lefèvre", PersonRole::Author),
            ("Søren Ødegård", PersonRole::Speaker)
        ]
    );
    let coffee = &items[1];
    assert_eq!(coffee.starts, SourceTime::Zoned("2027-06-11T11:00:00".parse().unwrap(), chrono_tz::Europe::Madrid));
    assert_eq!(coffee.track.as_deref(), Some("unknown-track"));
    assert!(!coffee.cancelled);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let err = read("{\n  \"schedule\": {\n    \"version\": \"1\"\n    \"conference\": {}\n  }\n}", &ctx()).unwrap_err();
    assert_eq!(err.line, Some(4));
    assert_eq!(err.location.as_deref(), Some("column 5"));
    assert_eq!(err.message, "the JSON is malformed: expected `,` or `}`");
    let err = read("{\"schedule\": {\"conference\": {\"days\": [", &ctx()).unwrap_err();
    assert_eq!(err.message, "the file ends in the middle of the JSON; it looks cut off");
    let err = read("[1, 2,]", &ctx()).unwrap_err();
    assert!(err.message.starts_with("the JSON is malformed"), "{err}");
}

#[test]
fn refuses_json_that_is_not_a_schedule() {
    let message = |json: &str| read(json, &ctx()).unwrap_err().to_string();
    assert_eq!(message("{}"), "this JSON is not a c3voc/pretalx schedule (it has no \"schedule\" object)");
    assert_eq!(
        message("{\"schedule\": {}}"),
        "this JSON is not a c3voc/pretalx schedule (it has no schedule.conference)"
    );
    assert_eq!(
        message("{\"schedule\": {\"conference\": {\"title\": \"x\"}}}"),
        "this JSON is not a c3voc/pretalx schedule (it has no schedule.conference.days)"
    );
    assert!(message("[{\"title\": \"x\"}]").contains("it is a list"));
    assert!(message("{\"schedule\": 5}")
        .starts_with("line 1, column 14: this JSON is not a c3voc/pretalx schedule: invalid type"));
    assert!(message("\"schedule\"").contains("not a c3voc/pretalx schedule"));
}

#[test]
fn bad_events_are_refused_with_their_line() {
    let doc = |event: &str| {
        format!("{{\"schedule\": {{\"conference\": {{\"days\": [{{\"date\": \"2027-06-11\", \"rooms\": {{\"A\": [\n\n{event}]}}}}]}}}}}}")
    };
    let err = read(&doc(r#"{"id": 1234, "title": "T", "start": "10:00", "duration": "1h"}"#), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 3, \"duration\": event 1234: duration '1h' is not HH:MM");
    let err = read(&doc(r#"{"id": 1234, "title": "T"}"#), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 3, \"start\": event 1234 has no start time");
    let err = read(&doc(r#"{"id": 1234, "start": "10:00"}"#), &ctx()).unwrap_err();
    assert_eq!(err.message, "event 1234 has no title");
    let err = read(&doc("\"just a string\""), &ctx()).unwrap_err();
    assert_eq!(err.line, Some(3));
    assert!(err.message.starts_with("this event is not a schedule.json event"), "{err}");
}

#[test]
fn days_without_events_read_as_nothing() {
    let json = r#"{"schedule": {"conference": {"days": [{"date": "2027-06-11"}, {"rooms": {}}]}, "events": null}}"#;
    assert_eq!(read(json, &ctx()).unwrap(), vec![]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = read(&text, &ctx());
    }

    #[test]
    fn json_like_text_never_panics(text in "([{}\\[\\],:]|\"(schedule|conference|days|rooms|events|start|date|title|duration|persons|A)\"|\"[0-9:T+-]{0,12}\"|-?[0-9]{1,3}|null|true){0,60}") {
        let _ = read(&text, &ctx());
    }

    #[test]
    fn any_cut_or_flip_of_a_good_file_reads_or_fails_cleanly(cut in 0usize..V2.len(), flip in 0usize..V2.len(), byte in 0x20u8..0x7f) {
        let cut = (0..=cut).rev().find(|&i| V2.is_char_boundary(i)).unwrap_or(0);
        let mut text = V2[..cut].to_owned();
        if flip < text.len() && text.is_char_boundary(flip) && text.is_char_boundary(flip + 1) {
            text.replace_range(flip..flip + 1, &char::from(byte).to_string());
        }
        if let Err(err) = read(&text, &ctx()) {
            prop_assert!(!err.message.is_empty());
        }
    }
}
