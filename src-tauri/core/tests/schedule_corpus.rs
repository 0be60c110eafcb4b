//! The schedule readers on real files published by frab, pretalx and the
//! c3voc hub, from the shared corpus (shared/corpus/calendars, beside the
//! clone; the files are not copied into the repository). Read through the
//! public entry point, as an import would.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use hallway_core::program::import::{
    self, ItemPerson, PersonRole, ProgramFormat, ProgramItem, ReadContext, SourceTime,
};

fn corpus(name: &str) -> Vec<u8> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/calendars"));
    assert!(
        dir.is_dir(),
        "the shared corpus is missing: expected the folder {} (a copy of shared/ beside the clone)",
        dir.display()
    );
    let path = dir.join(name);
    std::fs::read(&path).unwrap_or_else(|err| panic!("cannot read corpus file {}: {err}", path.display()))
}

fn ctx(zone: Tz, first_day: &str, last_day: &str) -> ReadContext {
    ReadContext { zone, first_day: first_day.parse().unwrap(), last_day: last_day.parse().unwrap() }
}

/// The instant, floating times read in `zone` as the import will.
fn utc(time: &SourceTime, zone: Tz) -> DateTime<Utc> {
    match time {
        SourceTime::Instant(at) => *at,
        SourceTime::Zoned(wall, zone) => wall.and_local_timezone(*zone).unwrap().to_utc(),
        SourceTime::Floating(wall) => wall.and_local_timezone(zone).unwrap().to_utc(),
        SourceTime::AllDay(day) => panic!("no all-day items in a schedule, got {day}"),
    }
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn names(item: &ProgramItem) -> Vec<&str> {
    item.people.iter().map(|p| p.name.as_str()).collect()
}

fn find<'a>(items: &'a [ProgramItem], guid: &str) -> &'a ProgramItem {
    items.iter().find(|item| item.source_id.as_deref() == Some(guid)).unwrap_or_else(|| panic!("no item {guid}"))
}

#[test]
fn froscon_2013_frab_xml() {
    let berlin = chrono_tz::Europe::Berlin;
    let (format, items) =
        import::read(&corpus("sched__froscon2013_frab_schedule.xml"), &ctx(berlin, "2013-08-24", "2013-08-25"))
            .unwrap();
    assert_eq!(format, ProgramFormat::FrabXml);
    assert_eq!(items.len(), 123);
    assert_eq!(items.iter().map(|item| item.people.len()).sum::<usize>(), 142);
    let mut rooms: Vec<&str> = items.iter().filter_map(|item| item.room.as_deref()).collect();
    rooms.sort();
    rooms.dedup();
    assert_eq!(rooms.len(), 14, "17 <room>s, three of them without events");

    // No time_zone_name, no <date>, no day start: wall-clock times, read in
    // the congress zone later.
    let init = &items[0];
    assert_eq!(init.source_id.as_deref(), Some("fiY1iSGUjvq3YcgI6dYBwA"));
    assert_eq!(init.title, "init");
    assert_eq!(init.line, 13);
    assert_eq!(
        init.starts,
        SourceTime::Floating(NaiveDate::from_ymd_opt(2013, 8, 24).unwrap().and_hms_opt(9, 30, 0).unwrap())
    );
    assert_eq!(utc(&init.starts, berlin), at("2013-08-24T07:30:00Z"));
    assert_eq!(init.duration_minutes, Some(30));
    assert_eq!(init.room.as_deref(), Some("HS1/2"));
    assert_eq!(init.kind_hint.as_deref(), Some("lecture"));
    assert_eq!(init.track.as_deref(), Some("Other"));
    assert_eq!(names(init), ["Andreas Kupfer", "Boernd"]);
    assert_eq!(init.description, None);

    let hpc = find(&items, "8tXkx-Ci8nmdmvZneMp93g");
    assert_eq!(hpc.title, "Verkehrte Welt \u{2014} Linux im High Performance Computing");
    assert_eq!(utc(&hpc.starts, berlin), at("2013-08-24T08:00:00Z"));
    let description = hpc.description.as_deref().unwrap();
    assert!(description.starts_with("Der Vortrag gibt einen Einblick"), "{description}");
    assert!(description.contains("\"beflügeln\""), "entities decoded: {description}");
    assert!(description.contains("\n\nIm Unterschied zur Desktop-Welt"), "abstract, blank line, description");

    let persona = find(&items, "yFEJDQ5WlbBl5Y5cd3TCrw");
    assert_eq!(names(persona), ["François Marier"]);
    assert!(persona.description.as_deref().unwrap().contains("username & password"));

    let kids = find(&items, "eiUlRX0cOS2sw4UKXqLTWQ");
    assert_eq!(kids.title, "Programmierung eines eigenen Spiels");
    assert_eq!(utc(&kids.starts, berlin), at("2013-08-25T09:00:00Z"));
    assert_eq!(kids.duration_minutes, Some(300));
    assert_eq!(kids.room.as_deref(), Some("C177/FrogLabs 2"));
    assert!(items.iter().all(|item| item.people.iter().all(|p| p.role == PersonRole::Speaker)));
}

#[test]
fn pretalx_democon_schedule_json() {
    let (format, items) =
        import::read(&corpus("sched__pretalx_democon_schedule.json"), &ctx(Tz::UTC, "2020-12-14", "2020-12-16"))
            .unwrap();
    assert_eq!(format, ProgramFormat::PretalxJson);
    assert_eq!(items.len(), 36);
    // Every event carries `date` with its offset: all exact.
    assert!(items.iter().all(|item| matches!(item.starts, SourceTime::Instant(_))));

    let first = &items[0];
    assert_eq!(first.source_id.as_deref(), Some("8079583e-8321-506c-95af-fd2903a5f075"));
    assert_eq!(first.title, "Focused 5thgeneration hardware");
    assert_eq!(first.starts, SourceTime::Instant(at("2020-12-14T08:00:00Z")));
    assert_eq!(first.duration_minutes, Some(30));
    assert_eq!(first.room.as_deref(), Some("Gray Room"));
    assert_eq!(first.track.as_deref(), Some("Phased"));
    assert_eq!(first.kind_hint.as_deref(), Some("Talk"));
    assert_eq!(first.url.as_deref(), Some("http://localhost/democon/talk/G9JGWY/"));
    assert_eq!(names(first), ["Brian Robinson"]);
    assert_eq!(first.line, 36);
    assert!(first
        .description
        .as_deref()
        .unwrap()
        .starts_with("Brand back-end models!\n\nStation provide certain mean."));

    let help_desk = items.iter().find(|item| item.title == "Networked modular help-desk").unwrap();
    assert_eq!(help_desk.starts, SourceTime::Instant(at("2020-12-14T14:00:00Z")));
    assert_eq!(names(help_desk), ["Maria Williams", "Mariah Estrada"]);

    let last_tan = items.iter().find(|item| item.title.starts_with("Proactive leadingedge")).unwrap();
    assert_eq!(last_tan.starts, SourceTime::Instant(at("2020-12-16T13:00:00Z")));
    assert_eq!(last_tan.duration_minutes, Some(90));
    assert_eq!(last_tan.room.as_deref(), Some("Tan Room"));
    assert_eq!(items.iter().filter(|item| item.room.as_deref() == Some("Tan Room")).count(), 9);
}

#[test]
fn c3voc_hub_schedule_v2_json() {
    let (format, items) =
        import::read(&corpus("sched__hub_schedule2.json"), &ctx(chrono_tz::Europe::Berlin, "2024-12-27", "2024-12-30"))
            .unwrap();
    assert_eq!(format, ProgramFormat::PretalxJson);
    assert_eq!(items.len(), 2);

    let opening = find(&items, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
    assert_eq!(opening.title, "38C3: Opening Ceremony");
    assert_eq!(opening.starts, SourceTime::Instant(at("2024-12-27T09:30:00Z")));
    assert_eq!(opening.ends, Some(SourceTime::Instant(at("2024-12-27T10:00:00Z"))));
    assert_eq!(opening.room.as_deref(), Some("Saal 1"));
    assert_eq!(opening.track.as_deref(), Some("CCC"), "the track slug, named from conference.tracks");
    assert_eq!(opening.kind_hint.as_deref(), Some("OTHER"));
    let speaker = |name: &str, role| ItemPerson { name: name.into(), role };
    assert_eq!(
        opening.people,
        [
            speaker("Gabriela Bogk", PersonRole::Speaker),
            speaker("Aline Blankertz", PersonRole::Speaker),
            speaker("Senficon", PersonRole::Author)
        ]
    );

    let nfs = find(&items, "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8");
    assert_eq!(
        nfs.title,
        "A Competitive Time-Trial AI for Need for Speed: Most Wanted Using Deep Reinforcement Learning"
    );
    assert_eq!(nfs.starts, SourceTime::Instant(at("2024-12-27T23:15:00Z")), "00:15 on the 28th, Berlin");
    assert_eq!(nfs.room.as_deref(), Some("Saal ZIGZAG"));
    assert_eq!(nfs.track.as_deref(), Some("Hardware & Making"));
    assert_eq!(names(nfs), ["Sebastian Schwarz"]);
    assert!(nfs.description.as_deref().unwrap().contains("doable. Hence I thought"));
    assert!(!nfs.description.as_deref().unwrap().contains('\r'));
}

/// MANIFEST: "deliberately invalid schedule.json (string ids, extra
/// 'answers')" — invalid against the c3voc schema, but every field Hallway
/// needs is there, so it reads.
#[test]
fn the_schema_invalid_example_still_reads() {
    let (format, items) = import::read(
        &corpus("sched__invalid_example.json"),
        &ctx(chrono_tz::Europe::Zurich, "2022-12-28", "2022-12-30"),
    )
    .unwrap();
    assert_eq!(format, ProgramFormat::PretalxJson);
    assert_eq!(items.len(), 1);
    let talk = &items[0];
    assert_eq!(talk.source_id.as_deref(), Some("7a0fc001-e587-47e1-b378-b6ec7e666337"));
    assert_eq!(talk.title, "Internal Penetration Testing Basics");
    assert_eq!(talk.starts, SourceTime::Instant(at("2022-12-28T13:00:00Z")));
    assert_eq!(talk.duration_minutes, Some(45));
    assert_eq!(talk.room.as_deref(), Some("Winterchaos"));
    assert_eq!(names(talk), ["Mänu"]);
    let description = talk.description.as_deref().unwrap();
    assert!(description.contains("Domain Admin.\n\nDieser Talk zeigt"), "{description}");
    assert!(!description.contains("<br"), "HTML line breaks become newlines: {description}");
}
