//! The reader against the fixtures in tests/fixtures/program/ics (a
//! congress program export in CRLF and LF, a recurring poster walk, all-day,
//! floating, truncated and broken files) and against small inline calendars
//! for the tolerances and decisions documented in `mod.rs`.

use super::read as read_calendar;
use crate::program::import::item::{ItemPerson, PersonRole, ProgramItem, ReadContext, ReadError, SourceTime};
use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

const NY: Tz = Tz::America__New_York;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn at(m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    day(m, d).and_hms_opt(h, mi, 0).unwrap()
}

fn ny(d: u32, h: u32, mi: u32) -> SourceTime {
    SourceTime::Zoned(at(12, d, h, mi), NY)
}

fn utc(m: u32, d: u32, h: u32, mi: u32) -> SourceTime {
    SourceTime::Instant(at(m, d, h, mi).and_utc())
}

/// The items only, as most tests look at them.
fn read(bytes: &[u8], ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
    read_calendar(bytes, ctx).map(|reading| reading.items)
}

fn ctx(first: u32, last: u32) -> ReadContext {
    ReadContext { zone: NY, first_day: day(12, first), last_day: day(12, last) }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/program/ics/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn line_of(bytes: &[u8], needle: &str) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in fixture"));
    1 + text[..at].matches('\n').count()
}

fn person(name: &str, role: PersonRole) -> ItemPerson {
    ItemPerson { name: name.into(), role }
}

fn read_str(text: &str) -> Result<Vec<ProgramItem>, ReadError> {
    read(text.as_bytes(), &ctx(1, 31))
}

fn one(text: &str) -> ProgramItem {
    let mut items = read_str(text).unwrap();
    assert_eq!(items.len(), 1, "{items:#?}");
    items.remove(0)
}

fn calendar(body: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n")
}

#[test]
fn congress_program_export() {
    let bytes = fixture("congress_program_crlf.ics");
    let items = read(&bytes, &ctx(5, 8)).unwrap();
    assert_eq!(items.len(), 4, "the VTODO and the VALARM are not items");

    let myeloma = &items[0];
    assert_eq!(myeloma.source_id.as_deref(), Some("session-101@program.example.org"));
    assert_eq!(myeloma.title, "653. Myeloma: Novel Therapies, Bispecifics; and CAR-T");
    assert_eq!(myeloma.starts, ny(5, 9, 30));
    assert_eq!(myeloma.ends, Some(ny(5, 11, 0)));
    assert_eq!(myeloma.room.as_deref(), Some("Orange County Convention Center, W308"));
    assert_eq!(myeloma.kind_hint.as_deref(), Some("Oral Abstract Session, Myeloma, Plasma Cell Disorders"));
    assert_eq!(myeloma.track.as_deref(), Some("Oral Abstract Session"));
    assert_eq!(myeloma.abstract_number.as_deref(), Some("653"));
    assert_eq!(myeloma.url.as_deref(), Some("https://program.example.org/session/101?lang=en&view=full"));
    let description = myeloma.description.as_deref().unwrap();
    assert!(description.starts_with("Chairs: Ana Sánchez, MD; Jörg Müller, MD\nSpeakers: Kari Ødegård and Li Wei"));
    assert!(description.ends_with("Øresund cohort · naïve T-cell analyses. Path: C:\\data\\ash"), "{description}");
    assert_eq!(
        myeloma.people,
        [
            person("Ana Sánchez", PersonRole::Chair),
            person("Jörg Müller", PersonRole::Chair),
            person("Kari Ødegård", PersonRole::Speaker),
            person("Li Wei", PersonRole::Speaker),
            person("Siobhán Ní Bhriain", PersonRole::Speaker),
        ]
    );
    assert_eq!(myeloma.line, line_of(&bytes, "BEGIN:VEVENT\r\nUID:session-101"));
    assert!(!myeloma.cancelled);

    let plenary = &items[1];
    assert_eq!(plenary.title, "Plenary Scientific Session");
    assert_eq!(plenary.starts, utc(12, 6, 19, 0));
    assert_eq!((plenary.ends.as_ref(), plenary.duration_minutes), (None, Some(90)));
    assert_eq!(plenary.kind_hint.as_deref(), Some("Plenary"));
    assert_eq!(plenary.track, None, "a single category is the kind, not a track");
    // The ROLE=CHAIR attendee; not the organizer, not the user's own ATTENDEE.
    assert_eq!(plenary.people, [person("María José Pérez", PersonRole::Chair)]);

    let poster = &items[2];
    assert_eq!(
        poster.title,
        "2345 Hydroxyurea Adherence and Outcomes in Sickle Cell Disease: A Multicenter Ghanaian–Nigerian Cohort"
    );
    assert_eq!((poster.starts.clone(), poster.ends.clone()), (ny(6, 18, 0), Some(ny(6, 20, 0))));
    assert_eq!(poster.abstract_number.as_deref(), Some("2345"));
    assert_eq!(poster.people, [person("Chidi Okafor", PersonRole::Speaker)]);
    assert_eq!(poster.line, line_of(&bytes, "BEGIN:VEVENT\r\nUID:poster-2345"));

    let symposium = &items[3];
    assert!(symposium.cancelled, "STATUS:cancelled, in lower case");
    assert_eq!(symposium.room.as_deref(), Some("Hyatt Regency, Plaza Ballroom"));
    assert_eq!(symposium.starts, ny(7, 6, 30));
}

#[test]
fn lf_and_crlf_read_the_same() {
    let crlf = read(&fixture("congress_program_crlf.ics"), &ctx(5, 8)).unwrap();
    let lf = read(&fixture("congress_program_lf.ics"), &ctx(5, 8)).unwrap();
    assert_eq!(crlf, lf);
}

#[test]
fn poster_walk_series_with_exdate_moved_and_cancelled_instances() {
    let bytes = fixture("poster_walk_recurring.ics");
    let items = read(&bytes, &ctx(5, 8)).unwrap();
    let summary: Vec<_> = items
        .iter()
        .map(|i| (i.source_id.as_deref().unwrap(), i.title.as_str(), i.starts.clone(), i.ends.clone(), i.cancelled))
        .collect();
    let id = "poster-walk@program.example.org";
    assert_eq!(
        summary,
        [
            (&*format!("{id}/2026-12-05T17:15:00Z"), "Poster walk", ny(5, 12, 15), Some(ny(5, 13, 15)), false),
            (&*format!("{id}/2026-12-07T17:15:00Z"), "Poster walk (moved)", ny(7, 13, 30), Some(ny(7, 14, 30)), false),
            (&*format!("{id}/2026-12-08T17:15:00Z"), "Poster walk", ny(8, 12, 15), Some(ny(8, 13, 15)), true),
        ]
    );
    assert_eq!(items[0].room.as_deref(), Some("Poster Hall"));
    assert_eq!(items[1].room.as_deref(), Some("Poster Hall, aisle 12"));
    // The override keeps what it does not say from its series.
    assert_eq!(items[1].people, [person("Eva Lindqvist", PersonRole::Chair)]);
    assert_eq!(items[1].kind_hint.as_deref(), Some("Poster Walk"));
    assert_eq!(items[0].line, line_of(&bytes, "BEGIN:VEVENT\r\nUID:poster-walk"));
    assert_eq!(items[1].line, items[0].line + 12);

    // The whole series: 4–9 December, less the 6th.
    let all = read(&bytes, &ctx(1, 31)).unwrap();
    let starts: Vec<_> = all.iter().map(|i| i.starts.clone()).collect();
    assert_eq!(starts, [ny(4, 12, 15), ny(5, 12, 15), ny(7, 13, 30), ny(8, 12, 15), ny(9, 12, 15)]);
}

#[test]
fn all_day_events() {
    let items = read(&fixture("all_day.ics"), &ctx(1, 31)).unwrap();
    assert_eq!(items[0].starts, SourceTime::AllDay(day(12, 4)));
    assert_eq!(items[0].ends, Some(SourceTime::AllDay(day(12, 5))));
    // An 8-digit value without VALUE=DATE is a date too.
    assert_eq!(items[1].starts, SourceTime::AllDay(day(12, 5)));
    assert_eq!(items[1].ends, None);
}

#[test]
fn floating_times() {
    let items = read(&fixture("floating.ics"), &ctx(1, 31)).unwrap();
    assert_eq!(items[0].starts, SourceTime::Floating(at(12, 7, 7, 0)));
    assert_eq!(items[0].ends, Some(SourceTime::Floating(at(12, 7, 8, 0))));
}

#[test]
fn truncated_file_names_the_open_event() {
    let err = read(&fixture("truncated.ics"), &ctx(1, 31)).unwrap_err();
    assert_eq!(err.line, Some(9));
    assert_eq!(err.message, "BEGIN:VEVENT at line 9 is never closed");
}

#[test]
fn garbage_dtstart_is_an_error_at_its_line() {
    let err = read(&fixture("garbage_dtstart.ics"), &ctx(1, 31)).unwrap_err();
    assert_eq!((err.line, err.location.as_deref()), (Some(12), Some("DTSTART")));
    assert_eq!(err.to_string(), "line 12, DTSTART: '2026-13-45' is not a date");
    let err = read_str(&calendar("BEGIN:VEVENT\r\nDTSTART:20261205T2599\r\nEND:VEVENT\r\n")).unwrap_err();
    assert_eq!(err.message, "'20261205T2599' is not a date-time");
    // Properties the reader drops before parsing still count as lines.
    let err = read_str(&calendar(
        "BEGIN:VEVENT\r\nDTSTAMP:20261101T000000Z\r\nX-FOO;A=b:c\r\n d\r\nDTSTART:x\r\nEND:VEVENT\r\n",
    ))
    .unwrap_err();
    assert_eq!(err.line, Some(8));
}

#[test]
fn events_without_a_start_are_skipped_unless_none_has_one() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:r\r\nSUMMARY:Reply\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Talk\r\nDTSTART:20261205T140000Z\r\nEND:VEVENT\r\n",
    );
    let reading = read_calendar(text.as_bytes(), &ctx(1, 31)).unwrap();
    assert_eq!(reading.items.len(), 1);
    let skipped: Vec<_> = reading.skipped.iter().map(|s| (s.title.as_str(), s.line, s.starts.is_none())).collect();
    assert_eq!(skipped, [("Reply", 4, true)]);
    assert_eq!(reading.skipped[0].reason, crate::program::import::SkipReason::NoStart);
}

#[test]
fn missing_dtstart_and_broken_nesting() {
    let err = read_str(&calendar("BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n")).unwrap_err();
    assert_eq!((err.line, err.message.as_str()), (Some(4), "the event has no DTSTART"));
    let err = read_str(&calendar("BEGIN:VEVENT\r\nBEGIN:VALARM\r\nEND:VEVENT\r\n")).unwrap_err();
    assert_eq!(err.line, Some(5));
    assert!(err.message.starts_with("BEGIN:VALARM at line 5 is never closed"), "{err}");
    let err = read_str(&calendar("END:VEVENT\r\n")).unwrap_err();
    assert_eq!((err.line, err.message.as_str()), (Some(4), "END:VEVENT has no BEGIN:VEVENT before it"));
}

#[test]
fn empty_junk_and_eventless_files() {
    assert_eq!(read_str(&calendar("")).unwrap(), []);
    assert_eq!(read_str(&calendar("BEGIN:VTODO\r\nSUMMARY:x\r\nEND:VTODO\r\n")).unwrap(), []);
    assert!(read(b"", &ctx(1, 31)).is_err());
    assert!(read(b"\r\n \r\n", &ctx(1, 31)).is_err());
    let err = read(b"BEGIN:VCALENDAR\r\n\x00\x01\x02\x89PNG\x00\x00", &ctx(1, 31)).unwrap_err();
    assert!(!err.message.is_empty());
}

#[test]
fn tolerated_sloppiness() {
    // Bare VEVENT, BOM, LF, lower case, blank lines, whitespace around
    // names, an unknown component, a junk line.
    let text = "\u{FEFF}begin:vevent\n\nuid:x-1\nsummary : Lower\\, case\n\nDtStart:20261205T140000z\n\
                BEGIN:X-THING\nSUMMARY:ignored\nEND:X-THING\nthis is junk\nstatus:Cancelled\nend:vevent\n";
    let item = one(text);
    assert_eq!(item.title, "Lower, case");
    assert_eq!(item.starts, utc(12, 5, 14, 0));
    assert!(item.cancelled);
    assert_eq!(item.line, 1);
    assert_eq!(item.source_id.as_deref(), Some("x-1"));
}

#[test]
fn text_escapes_and_untitled() {
    let item = one(&calendar(
        "BEGIN:VEVENT\r\nDTSTART:20261205T140000Z\r\nDESCRIPTION:a\\nb\\Nc\\\\n\\;\\,\r\n\
         LOCATION:\r\nCATEGORIES:A\\, B\r\nEND:VEVENT\r\n",
    ));
    assert_eq!(item.title, "(untitled)");
    assert_eq!(item.description.as_deref(), Some("a\nb\nc\\n;,"));
    assert_eq!(item.room, None);
    assert_eq!(item.source_id, None, "no UID, no id");
    assert_eq!((item.kind_hint.as_deref(), item.track.as_deref()), (Some("A, B"), None));
}

#[test]
fn zones_of_every_kind() {
    let event =
        |tzid: &str| format!("BEGIN:VEVENT\r\nUID:{tzid}\r\nDTSTART;TZID=\"{tzid}\":20261207T090000\r\nEND:VEVENT\r\n");
    let custom = "BEGIN:VTIMEZONE\r\nTZID:Custom\\, Somewhere\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n\
                  TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    let body = [
        custom,
        &event("/mozilla.org/20050126_1/America/New_York"),
        &event("Romance Standard Time"),
        &event("Custom, Somewhere"),
        &event("Nowhere/Special"),
        &event("Etc/UTC"),
    ]
    .concat();
    let starts: Vec<_> = read_str(&calendar(&body)).unwrap().into_iter().map(|i| i.starts).collect();
    assert_eq!(
        starts,
        [
            ny(7, 9, 0),
            SourceTime::Zoned(at(12, 7, 9, 0), Tz::Europe__Paris),
            utc(12, 7, 3, 30),
            SourceTime::Floating(at(12, 7, 9, 0)),
            utc(12, 7, 9, 0),
        ]
    );
    // With X-WR-TIMEZONE, floating and unknown-zone times are in that zone.
    let x_wr = calendar(&format!("X-WR-TIMEZONE:Europe/Vienna\r\n{}", event("Nowhere")));
    assert_eq!(one(&x_wr).starts, SourceTime::Zoned(at(12, 7, 9, 0), Tz::Europe__Vienna));
}

#[test]
fn end_before_start_is_dropped() {
    let item = one(&calendar(
        "BEGIN:VEVENT\r\nDTSTART:20261205T140000Z\r\nDTEND:20261205T130000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n",
    ));
    assert_eq!((item.ends, item.duration_minutes), (None, None));
    let item =
        one(&calendar("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261205\r\nDTEND;VALUE=DATE:20261205\r\nEND:VEVENT\r\n"));
    assert_eq!(item.ends, None);
}

#[test]
fn newest_sequence_wins_and_older_versions_are_reported() {
    let v = |seq: u32, title: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:u\r\nSEQUENCE:{seq}\r\nSUMMARY:{title}\r\nDTSTART:20261205T140000Z\r\nEND:VEVENT\r\n"
        )
    };
    let text = calendar(&[v(2, "two"), v(1, "one"), v(2, "two again")].concat());
    let reading = read_calendar(text.as_bytes(), &ctx(1, 31)).unwrap();
    // Same SEQUENCE: both are kept (the import tells them apart); SEQUENCE 1 is an older version.
    assert_eq!(reading.items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["two", "two again"]);
    let older: Vec<_> = reading.skipped.iter().map(|s| (s.title.as_str(), s.reason)).collect();
    assert_eq!(older, [("one", crate::program::import::SkipReason::OlderVersion)]);
}

#[test]
fn a_reused_uid_keeps_every_event() {
    // A hand-made camp schedule: one UID on different talks, no SEQUENCE.
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:46939\r\nDTSTART:20261215T130000Z\r\nSUMMARY:Closing ceremony\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:46939\r\nDTSTART:20261215T110000Z\r\nSUMMARY:Digital forensics\r\nEND:VEVENT\r\n",
    );
    let reading = read_calendar(text.as_bytes(), &ctx(1, 31)).unwrap();
    let got: Vec<_> = reading.items.iter().map(|i| (i.title.as_str(), i.source_id.as_deref())).collect();
    assert_eq!(got, [("Closing ceremony", Some("46939")), ("Digital forensics", Some("46939"))]);
    assert!(reading.skipped.is_empty());
}

#[test]
fn rdate_and_all_day_series() {
    let items = read_str(&calendar(
        "BEGIN:VEVENT\r\nUID:s\r\nDTSTART;VALUE=DATE:20261205\r\nRRULE:FREQ=DAILY;COUNT=3\r\n\
         RDATE;VALUE=DATE:20261220\r\nEXDATE;VALUE=DATE:20261206\r\nEND:VEVENT\r\n",
    ))
    .unwrap();
    let got: Vec<_> = items.iter().map(|i| (i.source_id.clone().unwrap(), i.starts.clone())).collect();
    assert_eq!(
        got,
        [
            ("s/2026-12-05".to_owned(), SourceTime::AllDay(day(12, 5))),
            ("s/2026-12-07".to_owned(), SourceTime::AllDay(day(12, 7))),
            ("s/2026-12-20".to_owned(), SourceTime::AllDay(day(12, 20))),
        ]
    );
}

#[test]
fn runaway_rules_are_bounded() {
    let started = std::time::Instant::now();
    let items = read_str(&calendar(
        "BEGIN:VEVENT\r\nUID:r\r\nDTSTART:19700101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:m\r\nDTSTART:20261201T000000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n",
    ))
    .unwrap();
    // The minutely series fills up to the cap; the secondly one from 1970
    // runs out of steps long before December 2026.
    assert_eq!(items.len(), super::recur::MAX_INSTANCES);
    assert_eq!(items[0].starts, utc(12, 1, 5, 0), "the first minute of 1 December in New York");
    assert!(items.iter().all(|i| i.source_id.as_deref().is_some_and(|id| id.starts_with("m/"))));
    assert!(started.elapsed().as_secs() < 20);
}

/// Bare VEVENTs (no VCALENDAR) from the shared corpus. The public import
/// does not route them here yet (`detect` wants BEGIN:VCALENDAR), so they
/// are read directly.
#[test]
fn bare_vevents_from_the_corpus() {
    let dir = format!("{}/../../../shared/corpus/calendars", env!("CARGO_MANIFEST_DIR"));
    let file = |name: &str| std::fs::read(format!("{dir}/{name}")).unwrap_or_else(|e| panic!("{dir}/{name}: {e}"));
    let c = ReadContext { zone: NY, first_day: day(1, 1), last_day: day(12, 31) };
    let date = |y, m, d| SourceTime::AllDay(NaiveDate::from_ymd_opt(y, m, d).unwrap());

    let khal = read(&file("khal__bare_vevent_date_no_value.ics"), &c).unwrap();
    assert_eq!((khal[0].starts.clone(), khal[0].ends.clone()), (date(2014, 4, 9), Some(date(2014, 4, 10))));

    let meetup = read(&file("pyical__issue_53_description.ics"), &c).unwrap();
    assert_eq!(meetup[0].title, "DevOps DC Meetup");
    let wall = NaiveDate::from_ymd_opt(2012, 7, 12).unwrap().and_hms_opt(18, 30, 0).unwrap();
    assert_eq!(meetup[0].starts, SourceTime::Zoned(wall, NY));
    let description = meetup[0].description.as_deref().unwrap();
    assert!(description.starts_with("DevOpsDC\nThursday, July 12 at 6:30 PM\n\nThis will be a joint meetup"));
    assert!(description.contains("The idea behind the hack night:  Small teams"), "{description}");
    // Meetup folded at a space and so lost it; RFC 5545 unfolding agrees.
    let room = "Fathom Creative, Inc. (1333 14th Street Northwest, WashingtonD.C., DC 20005)";
    assert_eq!(meetup[0].room.as_deref(), Some(room));

    let berlin = read(&file("pyical__issue_355_url_escaping.ics"), &c).unwrap();
    let wall = NaiveDate::from_ymd_opt(2022, 8, 22).unwrap().and_hms_opt(12, 0, 0).unwrap();
    assert_eq!(berlin[0].starts, SourceTime::Zoned(wall, Tz::Europe__Berlin));
    assert!(berlin[0].description.as_deref().unwrap().contains("https://www.facebook.com/"));

    // Only an ORGANIZER: an event without a start.
    let err = read(&file("pyical__event_with_escaped_characters.ics"), &c).unwrap_err();
    assert_eq!((err.line, err.message.as_str()), (Some(1), "the event has no DTSTART"));
}
