//! How long a congress-sized schedule (9,000 events, ASH's order of size)
//! takes to read, as XML and as JSON. Ignored by default because timings
//! mean little in a debug build on a shared machine; run it with
//! `cargo test --release -p hallway-core --test schedule_speed -- --ignored --nocapture`.
//! In release builds it fails above half a second per file.

use std::fmt::Write;
use std::time::{Duration, Instant};

use hallway_core::program::import::{self, ReadContext};

const DAYS: usize = 5;
const ROOMS: usize = 30;
const PER_ROOM: usize = 60;

fn ctx() -> ReadContext {
    ReadContext {
        zone: chrono_tz::America::New_York,
        first_day: "2027-12-04".parse().unwrap(),
        last_day: "2027-12-08".parse().unwrap(),
    }
}

/// Start "HH:MM" of the n-th slot of a day (12-minute slots from 07:00).
fn slot(n: usize) -> (usize, usize) {
    (7 + n * 12 / 60, n * 12 % 60)
}

fn xml() -> String {
    let mut out = String::from("<?xml version=\"1.0\"?>\n<schedule>\n<conference><title>ASH 2027</title><time_zone_name>America/New_York</time_zone_name></conference>\n");
    let mut id = 0;
    for day in 0..DAYS {
        let date = format!("2027-12-{:02}", 4 + day);
        writeln!(
            out,
            "<day index=\"{}\" date=\"{date}\" start=\"{date}T07:00:00-05:00\" end=\"{date}T23:00:00-05:00\">",
            day + 1
        )
        .unwrap();
        for room in 0..ROOMS {
            writeln!(out, "<room name=\"Room {room}\">").unwrap();
            for n in 0..PER_ROOM {
                id += 1;
                let (h, m) = slot(n);
                write!(
                    out,
                    "<event guid=\"00000000-0000-4000-8000-{id:012}\" id=\"{id}\">\n<date>{date}T{h:02}:{m:02}:00-05:00</date>\n\
                     <start>{h:02}:{m:02}</start>\n<duration>00:12</duration>\n<room>Room {room}</room>\n\
                     <title>Abstract {id}: outcomes of CAR-T &amp; bispecifics in relapsed myeloma</title>\n<subtitle/>\n\
                     <track>Myeloma</track>\n<type>Oral</type>\n<abstract>Background, methods, results and conclusions of \
                     abstract {id}, with enough words to look like a real abstract in a real program file.</abstract>\n\
                     <description/>\n<persons><person id=\"{id}\">Ana Sánchez</person><person>Jürgen Müller</person></persons>\n\
                     <links/>\n<url>https://example.org/ash2027/{id}</url>\n</event>\n"
                )
                .unwrap();
            }
            out.push_str("</room>\n");
        }
        out.push_str("</day>\n");
    }
    out.push_str("</schedule>\n");
    out
}

fn json() -> String {
    let mut days = Vec::new();
    let mut id = 0;
    for day in 0..DAYS {
        let date = format!("2027-12-{:02}", 4 + day);
        let mut rooms = serde_json::Map::new();
        for room in 0..ROOMS {
            let events: Vec<serde_json::Value> = (0..PER_ROOM)
                .map(|n| {
                    id += 1;
                    let (h, m) = slot(n);
                    serde_json::json!({
                        "id": id, "guid": format!("00000000-0000-4000-8000-{id:012}"),
                        "date": format!("{date}T{h:02}:{m:02}:00-05:00"), "start": format!("{h:02}:{m:02}"),
                        "duration": "00:12", "room": format!("Room {room}"),
                        "title": format!("Abstract {id}: outcomes of CAR-T & bispecifics in relapsed myeloma"),
                        "subtitle": "", "track": "Myeloma", "type": "Oral", "language": "en",
                        "abstract": format!("Background, methods, results and conclusions of abstract {id}, with enough words to look like a real abstract."),
                        "description": "", "url": format!("https://example.org/ash2027/{id}"),
                        "persons": [{"id": id, "public_name": "Ana Sánchez"}, {"id": id + 1, "public_name": "Jürgen Müller"}],
                        "links": [], "attachments": []
                    })
                })
                .collect();
            rooms.insert(format!("Room {room}"), events.into());
        }
        days.push(serde_json::json!({"index": day + 1, "date": date, "day_start": format!("{date}T07:00:00-05:00"),
            "day_end": format!("{date}T23:00:00-05:00"), "rooms": rooms}));
    }
    let doc = serde_json::json!({"schedule": {"version": "1", "conference": {"title": "ASH 2027",
        "time_zone_name": "America/New_York", "days": days}}});
    serde_json::to_string_pretty(&doc).unwrap()
}

fn time(label: &str, text: &str) -> Duration {
    let started = Instant::now();
    let (_, items) = import::read(text.as_bytes(), &ctx()).unwrap();
    let took = started.elapsed();
    assert_eq!(items.len(), DAYS * ROOMS * PER_ROOM);
    assert!(items.iter().any(|item| item.source_id.as_deref() == Some("00000000-0000-4000-8000-000000009000")));
    assert!(items.windows(2).all(|pair| pair[0].line < pair[1].line), "file order");
    println!("{label}: {} events, {:.1} MB, read in {took:?}", items.len(), text.len() as f64 / 1e6);
    took
}

#[test]
#[ignore = "timing; run in release"]
fn nine_thousand_events_read_quickly() {
    let limit = Duration::from_millis(500);
    for (label, text) in [("schedule.xml", xml()), ("schedule.json", json())] {
        let took = time(label, &text);
        if !cfg!(debug_assertions) {
            assert!(took < limit, "{label} took {took:?}");
        }
    }
}
