//! Property tests of the iCalendar reader through the public import:
//! arbitrary bytes never panic, and events written by a small independent
//! writer (escaping, folding at arbitrary octets, even inside a UTF-8
//! character) read back with the same title, description and start.

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use hallway_core::program::import::{read, ReadContext, SourceTime};
use proptest::prelude::*;

fn ctx() -> ReadContext {
    ReadContext {
        zone: Tz::America__New_York,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    }
}

/// TEXT escaping as RFC 5545 writes it.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line after each of `widths` octets (cycling), with no
/// regard for character boundaries.
fn fold(line: &[u8], widths: &[usize], out: &mut Vec<u8>) {
    let mut rest = line;
    let mut i = 0;
    let mut first = true;
    while !rest.is_empty() {
        let width = widths[i % widths.len()].min(rest.len());
        if !first {
            out.extend_from_slice(b" ");
        }
        out.extend_from_slice(&rest[..width]);
        out.extend_from_slice(b"\r\n");
        rest = &rest[width..];
        first = false;
        i += 1;
    }
}

#[derive(Debug, Clone)]
struct Event {
    title: String,
    description: String,
    start: NaiveDateTime,
    zoned: bool,
}

fn write(events: &[Event], widths: &[usize]) -> Vec<u8> {
    let mut out = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//proptest//EN\r\n".to_vec();
    for (i, e) in events.iter().enumerate() {
        let start = e.start.format("%Y%m%dT%H%M%S");
        let dtstart = if e.zoned { format!("DTSTART;TZID=Europe/Oslo:{start}") } else { format!("DTSTART:{start}Z") };
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:event-{i}@proptest"),
            dtstart,
            format!("SUMMARY:{}", escape(&e.title)),
            format!("DESCRIPTION:{}", escape(&e.description)),
            "END:VEVENT".to_owned(),
        ] {
            fold(line.as_bytes(), widths, &mut out);
        }
    }
    out.extend_from_slice(b"END:VCALENDAR\r\n");
    out
}

/// Text as the reader keeps it: trimmed, "(untitled)" for no title.
fn expected(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, with the characters that need escaping well represented.
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>().prop_filter("no controls but newline", |c| !c.is_control()),
            1 => prop::sample::select(vec![',', ';', '\\', '\n', ':', '"', ' ', 'é', 'Ø', '–', '😀']),
        ],
        0..120,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn event() -> impl Strategy<Value = Event> {
    (text(), text(), 0i64..(3 * 366 * 24 * 60), any::<bool>()).prop_map(|(title, description, minutes, zoned)| {
        let base = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        Event { title, description, start: base + chrono::TimeDelta::minutes(minutes), zoned }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes, &ctx());
        let mut calendar = b"BEGIN:VCALENDAR\r\n".to_vec();
        calendar.extend_from_slice(&bytes);
        if let Err(e) = read(&calendar, &ctx()) {
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn escaped_and_folded_events_read_back(
        events in prop::collection::vec(event(), 1..6),
        widths in prop::collection::vec(1usize..90, 1..6),
    ) {
        let bytes = write(&events, &widths);
        let (_, items) = read(&bytes, &ctx()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(items.len(), events.len());
        for (item, event) in items.iter().zip(&events) {
            let title = expected(&event.title).unwrap_or_else(|| "(untitled)".to_owned());
            prop_assert_eq!(&item.title, &title);
            prop_assert_eq!(&item.description, &expected(&event.description));
            let start = if event.zoned {
                SourceTime::Zoned(event.start, Tz::Europe__Oslo)
            } else {
                SourceTime::Instant(event.start.and_utc())
            };
            prop_assert_eq!(&item.starts, &start);
        }
    }
}
