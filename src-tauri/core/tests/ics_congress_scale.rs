//! A full-congress-sized iCalendar file (9,000 sessions, as ASH publishes)
//! reads whole and right. How fast is measured by `make bench`, not asserted.

use chrono::NaiveDate;
use chrono_tz::Tz;
use hallway_core::program::import::{read, ReadContext, SourceTime};

const EVENTS: usize = 9_000;

/// A program export like the big congress ones: a New York VTIMEZONE,
/// folded long descriptions with speakers, categories, locations.
fn program() -> Vec<u8> {
    let mut out: Vec<u8> = Vec::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//speed//EN\r\nBEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n\
         BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nDTSTART:20070311T020000\r\n\
         RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\n\
         TZOFFSETTO:-0500\r\nDTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n\
         END:VTIMEZONE\r\n"
            .as_bytes(),
    );
    for i in 0..EVENTS {
        let day = 5 + (i % 4);
        let hour = 7 + (i / 4) % 12;
        let description = format!(
            "Speakers: Ana Sánchez\\, MD; Jörg Müller and Kari Ødegård {i}\\nAbstract {i}: outcomes of \
             novel therapies in relapsed\\, refractory disease across {i} centres; \
             results from a prospective multicentre cohort with long follow-up."
        );
        let lines = [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:session-{i}@speed.example.org"),
            "DTSTAMP:20261101T120000Z".to_owned(),
            format!("DTSTART;TZID=America/New_York:202612{day:02}T{hour:02}0000"),
            format!("DTEND;TZID=America/New_York:202612{day:02}T{hour:02}4500"),
            format!("SUMMARY:{i}. Session on Myeloma\\, Lymphoma and Leukemia – part {i}"),
            format!("LOCATION:Convention Center\\, Room W{}", 100 + i % 300),
            "CATEGORIES:Oral Abstract Session,Myeloma".to_owned(),
            format!("DESCRIPTION:{description}"),
            format!("X-ABSTRACT-NUMBER:{i}"),
            "END:VEVENT".to_owned(),
        ];
        for line in lines {
            // Fold at 75 octets, wherever that falls.
            let bytes = line.as_bytes();
            let mut start = 0;
            while start < bytes.len() {
                let end = (start + if start == 0 { 75 } else { 74 }).min(bytes.len());
                if start > 0 {
                    out.push(b' ');
                }
                // Folds may split a character: bytes, not text.
                out.extend_from_slice(&bytes[start..end]);
                out.extend_from_slice(b"\r\n");
                start = end;
            }
        }
    }
    out.extend_from_slice(b"END:VCALENDAR\r\n");
    out
}

#[test]
fn nine_thousand_sessions() {
    let bytes = program();
    let ctx = ReadContext {
        zone: Tz::America__New_York,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
    };
    let (_, items) = read(&bytes, &ctx).unwrap();
    assert_eq!(items.len(), EVENTS);
    let last = items.last().unwrap();
    assert!(matches!(last.starts, SourceTime::Zoned(_, Tz::America__New_York)));
    assert_eq!(last.people.len(), 3);
}
