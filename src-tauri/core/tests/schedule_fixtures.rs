//! The frab `schedule.xml` and c3voc/pretalx `schedule.json` readers on a
//! hand-written EHA 2027 program (tests/fixtures/program/), read through the
//! public entry point so that format detection is exercised too. The XML and
//! the JSON describe the same eight sessions and must read alike.

use chrono::{DateTime, NaiveDate, Utc};
use hallway_core::program::import::{
    self, ItemPerson, PersonRole, ProgramFormat, ProgramItem, ReadContext, SourceTime,
};

const XML: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/program/frab/eha2027_schedule.xml"));
const JSON: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/program/pretalx/eha2027_schedule.json"));

fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/../../tests/fixtures/program/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|err| panic!("cannot read fixture {full}: {err}"))
}

fn ctx() -> ReadContext {
    ReadContext {
        zone: chrono_tz::Europe::Madrid,
        first_day: NaiveDate::from_ymd_opt(2027, 6, 10).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2027, 6, 13).unwrap(),
    }
}

fn utc(time: &SourceTime) -> DateTime<Utc> {
    match time {
        SourceTime::Instant(at) => *at,
        SourceTime::Zoned(wall, zone) => wall.and_local_timezone(*zone).unwrap().to_utc(),
        other => panic!("expected an exact or zoned time, got {other:?}"),
    }
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn speakers(names: &[&str]) -> Vec<ItemPerson> {
    names.iter().map(|name| ItemPerson { name: (*name).to_owned(), role: PersonRole::Speaker }).collect()
}

/// The item with this guid suffix (`…5a62`) or, lacking a guid, this id.
fn by_id<'a>(items: &'a [ProgramItem], id: &str) -> &'a ProgramItem {
    let guid = format!("b1f0c2a4-5d6e-4f70-8a91-0c2d3e4f5a{id}");
    items
        .iter()
        .find(|item| item.source_id.as_deref() == Some(guid.as_str()) || item.source_id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no item {id}"))
}

/// What both files must say about the EHA 2027 program.
fn check_congress(items: &[ProgramItem]) {
    assert_eq!(items.len(), 8);

    let bispecifics = &items[0];
    assert_eq!(bispecifics.source_id.as_deref(), Some("b1f0c2a4-5d6e-4f70-8a91-0c2d3e4f5a61"));
    assert_eq!(
        bispecifics.title,
        "Bispecific antibodies in relapsed myeloma \u{2014} Teclistamab, elranatamab and beyond"
    );
    assert_eq!(utc(&bispecifics.starts), at("2027-06-11T06:00:00Z"));
    assert_eq!(bispecifics.duration_minutes, Some(90));
    assert_eq!(bispecifics.room.as_deref(), Some("Hall A"));
    assert_eq!(bispecifics.track.as_deref(), Some("Myeloma"));
    assert_eq!(bispecifics.kind_hint.as_deref(), Some("Oral"));
    assert_eq!(bispecifics.people, speakers(&["Ana Sánchez", "Jürgen Müller"]));
    assert_eq!(bispecifics.url.as_deref(), Some("https://ehaweb.org/congress/eha2027/program/1101"));
    assert_eq!(
        bispecifics.description.as_deref(),
        Some(
            "Response rates and durability of BCMA- and GPRC5D-directed bispecifics in triple-class exposed patients.\n\n\
             Pooled analysis of 1,204 patients & a look at infection prophylaxis (IVIG < 4 g/L)."
        )
    );
    assert!(!bispecifics.cancelled);

    // No `date`: the day's date and `start`, in the conference's zone.
    let cart = by_id(items, "62");
    assert!(matches!(cart.starts, SourceTime::Zoned(_, chrono_tz::Europe::Madrid)), "{:?}", cart.starts);
    assert_eq!(utc(&cart.starts), at("2027-06-11T08:00:00Z"));
    assert_eq!(cart.title, "CAR-T in first relapse", "an empty subtitle adds nothing");
    assert_eq!(
        cart.description.as_deref(),
        Some("Who should receive cilta-cel at first relapse? Eligibility, bridging and logistics."),
        "a description that repeats the abstract is kept once"
    );
    assert_eq!(cart.people, speakers(&["Chloé Lefèvre"]));

    let symposium = by_id(items, "63");
    assert_eq!(symposium.title, "BCMA & GPRC5D: how to sequence \u{2014} Industry-sponsored, not CME accredited");
    assert_eq!(symposium.kind_hint.as_deref(), Some("Industry symposium"));
    assert_eq!(symposium.description.as_deref(), Some("Sponsored by <Example Pharma>. Lunch is served."));
    assert_eq!(symposium.people, speakers(&["Jürgen Müller", "María José Núñez"]));
    assert_eq!(utc(&symposium.starts), at("2027-06-11T11:00:00Z"));

    let poster = by_id(items, "64");
    assert_eq!(poster.kind_hint.as_deref(), Some("Poster"));
    assert_eq!(poster.room.as_deref(), Some("N104"));
    assert_eq!(
        poster.description.as_deref(),
        Some("CRS and ICANS grading in practice \u{2013} eight posters, one walk.")
    );
    assert_eq!(poster.people, speakers(&["Søren Ødegård"]));

    let night = by_id(items, "65");
    assert_eq!(utc(&night.starts), at("2027-06-11T20:00:00Z"));
    assert_eq!(night.duration_minutes, Some(120));
    assert!(night.people.is_empty());
    assert_eq!(night.description, None);

    // 00:30 in the day that began at 08:00 on the 11th is the 12th.
    let late = by_id(items, "66");
    assert_eq!(late.title, "Late-night meet the expert: CAR-T");
    assert_eq!(late.kind_hint.as_deref(), Some("Networking"));
    assert_eq!(utc(&late.starts), at("2027-06-11T22:30:00Z"));

    let review = by_id(items, "67");
    assert_eq!(utc(&review.starts), at("2027-06-12T07:00:00Z"));
    assert_eq!(review.description.as_deref(), Some("The trials that changed practice since EHA 2026."));

    // No guid: the id; an empty room: the room it is listed under.
    let closing = by_id(items, "1202");
    assert!(std::ptr::eq(closing, &items[7]), "items come in file order");
    assert_eq!(closing.source_id.as_deref(), Some("1202"));
    assert_eq!(closing.room.as_deref(), Some("Hall A"));
    assert_eq!(closing.duration_minutes, Some(30));
    assert_eq!(utc(&closing.starts), at("2027-06-12T09:15:00Z"));
}

#[test]
fn reads_the_congress_from_schedule_xml() {
    let (format, items) = import::read(XML, &ctx()).unwrap();
    assert_eq!(format, ProgramFormat::FrabXml);
    check_congress(&items);
    let lines: Vec<usize> = items.iter().map(|item| item.line).collect();
    assert_eq!(lines, [17, 44, 59, 77, 90, 100, 115, 129], "the lines of the <event> tags");
}

#[test]
fn reads_the_congress_from_schedule_json() {
    let (format, items) = import::read(JSON, &ctx()).unwrap();
    assert_eq!(format, ProgramFormat::PretalxJson);
    check_congress(&items);
    let lines: Vec<usize> = items.iter().map(|item| item.line).collect();
    assert_eq!(lines, [27, 53, 68, 89, 105, 121, 142, 156], "the lines of the events' opening braces");
}

#[test]
fn xml_and_json_read_alike() {
    let (_, mut from_xml) = import::read(XML, &ctx()).unwrap();
    let (_, mut from_json) = import::read(JSON, &ctx()).unwrap();
    from_xml.iter_mut().chain(from_json.iter_mut()).for_each(|item| item.line = 0);
    assert_eq!(from_xml, from_json);
}

#[test]
fn a_truncated_schedule_xml_says_where_it_ends() {
    let err = import::read(&fixture("frab/truncated.xml"), &ctx()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 49: the file ends inside <event guid=\"b1f0c2a4-5d6e-4f70-8a91-0c2d3e4f5a62\"> (opened on line 44); it looks cut off"
    );
}

#[test]
fn xml_that_is_not_a_schedule_is_refused() {
    let err = import::read(&fixture("frab/not_a_schedule.xml"), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 2: this XML is not a frab/pentabarf schedule (root element <rss>)");
}

#[test]
fn json_with_a_syntax_error_gives_line_and_column() {
    let err = import::read(&fixture("pretalx/syntax_error.json"), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 17, column 17: the JSON is malformed: expected `,` or `}`");
}

#[test]
fn json_without_days_is_refused() {
    let err = import::read(&fixture("pretalx/missing_days.json"), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "this JSON is not a c3voc/pretalx schedule (it has no schedule.conference.days)");
}
