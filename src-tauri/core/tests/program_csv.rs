//! The CSV program reader on the fixture files in
//! `tests/fixtures/program/csv/`, through the public `import::read` (so the
//! bytes go through format detection and decoding), plus property tests.

use chrono::{NaiveDate, NaiveDateTime};
use hallway_core::program::import::{
    read, ItemPerson, PersonRole, ProgramFormat, ProgramItem, ReadContext, SourceTime,
};
use proptest::prelude::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/program/csv/", $name)).as_slice()
    };
}

fn context(first: (i32, u32, u32), last: (i32, u32, u32)) -> ReadContext {
    ReadContext {
        zone: chrono_tz::America::New_York,
        first_day: NaiveDate::from_ymd_opt(first.0, first.1, first.2).unwrap(),
        last_day: NaiveDate::from_ymd_opt(last.0, last.1, last.2).unwrap(),
    }
}

/// ASH 2026: 5–8 December.
fn ash() -> ReadContext {
    context((2026, 12, 5), (2026, 12, 8))
}

fn items(bytes: &[u8], ctx: &ReadContext) -> Vec<ProgramItem> {
    let (format, items) = read(bytes, ctx).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(format, ProgramFormat::Csv);
    items
}

fn at(text: &str) -> SourceTime {
    SourceTime::Floating(NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap())
}

fn names(item: &ProgramItem, role: PersonRole) -> Vec<&str> {
    item.people.iter().filter(|p| p.role == role).map(|p| p.name.as_str()).collect()
}

#[test]
fn english_comma() {
    let items = items(fixture!("english_comma.csv"), &ash());
    assert_eq!(items.len(), 3);
    let [opening, cart, late] = [&items[0], &items[1], &items[2]];
    assert_eq!(opening.title, "Opening Plenary");
    assert_eq!((opening.starts.clone(), opening.ends.clone()), (at("2026-12-05 08:30"), Some(at("2026-12-05 09:45"))));
    assert_eq!(opening.room.as_deref(), Some("Hall A"));
    assert_eq!(opening.track.as_deref(), Some("General"));
    assert_eq!(opening.kind_hint.as_deref(), Some("Plenary"));
    assert_eq!(opening.url.as_deref(), Some("https://ash.example/s/1"));
    assert_eq!(opening.description.as_deref(), Some("Welcome and state of the art"));
    assert_eq!(names(opening, PersonRole::Speaker), ["Ana Sánchez", "Jürgen Müller"]);
    assert_eq!(names(opening, PersonRole::Chair), ["Li Wei"]);
    assert_eq!(opening.source_id, None);
    assert_eq!(cart.title, "CAR-T in Myeloma, 2026 Update");
    assert_eq!(names(cart, PersonRole::Speaker), ["Müller, Jürgen"]);
    assert_eq!((cart.abstract_number.as_deref(), cart.source_id.as_deref()), (Some("812"), Some("812")));
    assert_eq!(late.starts, at("2026-12-07 17:00"));
    assert_eq!(names(late, PersonRole::Speaker), ["Maria Rossi (Milan)", "Kenji Tanaka"]);
    assert_eq!(names(late, PersonRole::Chair), ["Li Wei", "Ana Sánchez"]);
    assert_eq!(items.iter().map(|i| i.line).collect::<Vec<_>>(), [2, 3, 4]);
}

#[test]
fn french_semicolon_windows_1252() {
    let bytes = fixture!("french_semicolon_cp1252.csv");
    assert!(bytes.contains(&0xE9) && std::str::from_utf8(bytes).is_err(), "the fixture is Windows-1252");
    let items = items(bytes, &ash());
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].title, "Séance plénière d'ouverture");
    assert_eq!(
        (items[0].starts.clone(), items[0].ends.clone()),
        (at("2026-12-05 08:30"), Some(at("2026-12-05 09:45")))
    );
    assert_eq!(items[0].room.as_deref(), Some("Amphithéâtre Bleu"));
    assert_eq!(items[0].track.as_deref(), Some("Général"));
    assert_eq!(items[0].description, None);
    assert_eq!(names(&items[0], PersonRole::Speaker), ["Hélène Dupré"]);
    assert_eq!(names(&items[0], PersonRole::Chair), ["François Léger"]);
    assert_eq!(items[1].title, "Leucémies aiguës : nouveautés");
    assert_eq!(
        (items[1].starts.clone(), items[1].ends.clone()),
        (at("2026-12-06 14:00"), Some(at("2026-12-06 15:30")))
    );
    assert_eq!(names(&items[1], PersonRole::Speaker), ["Hélène Dupré", "Noël Garçon"]);
    assert_eq!(items[1].description.as_deref(), Some("Traitement ciblé; résultats à 2 ans, dose 2,5 mg"));
}

#[test]
fn spanish_tab_with_bom() {
    let bytes = fixture!("spanish_tab_bom.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let items = items(bytes, &ash());
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].title, "Sesión de apertura");
    assert_eq!(items[0].starts, at("2026-12-05 08:30"));
    assert_eq!((items[0].ends.clone(), items[0].duration_minutes), (None, Some(90)));
    assert_eq!(names(&items[0], PersonRole::Speaker), ["Lucía Fernández"]);
    assert_eq!(items[0].source_id.as_deref(), Some("101"));
    assert_eq!(items[1].starts, at("2026-12-07 16:15"));
    assert_eq!(items[1].duration_minutes, Some(45));
    assert_eq!(items[1].room.as_deref(), Some("Sala Velázquez"));
    assert_eq!(names(&items[1], PersonRole::Speaker), ["José Ramón Pérez", "Carmen Ruiz (Barcelona)"]);
}

#[test]
fn german_dotted_dates_and_minutes() {
    let items = items(fixture!("german_dotted.csv"), &ash());
    assert_eq!(items.len(), 2);
    assert_eq!((items[0].title.as_str(), items[0].starts.clone()), ("Eröffnung", at("2026-12-05 08:30")));
    assert_eq!(items[0].duration_minutes, Some(45));
    assert_eq!(items[0].kind_hint.as_deref(), Some("Plenum"));
    assert_eq!(names(&items[0], PersonRole::Speaker), ["Jürgen Müller"]);
    assert_eq!(items[1].starts, at("2026-12-08 13:30"));
    assert_eq!(items[1].duration_minutes, Some(90));
    assert_eq!(names(&items[1], PersonRole::Speaker), ["Anna Schäfer", "Günther Groß"]);
}

#[test]
fn quoted_newlines_and_delimiters() {
    let items = items(fixture!("quoted_newlines.csv"), &ash());
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].title, "Anemia, iron and \"ferritin\" myths");
    assert_eq!(
        items[0].description.as_deref(),
        Some("Line one, with a comma\nLine two; with a semicolon\nand \"quotes\"")
    );
    assert_eq!(items[0].room.as_deref(), Some("Hall A"));
    assert_eq!(items[1].description.as_deref(), Some("Short, sweet"));
    assert_eq!(items[2].title, "Two-line\ntitle");
    assert_eq!(items[2].description, None);
    assert_eq!(items.iter().map(|i| i.line).collect::<Vec<_>>(), [2, 5, 6]);
}

#[test]
fn us_month_first_with_am_pm() {
    let items = items(fixture!("us_ampm.csv"), &ash());
    assert_eq!(items.len(), 3);
    assert_eq!(
        (items[0].starts.clone(), items[0].ends.clone()),
        (at("2026-12-05 08:30"), Some(at("2026-12-05 09:45")))
    );
    assert_eq!(items[0].room.as_deref(), Some("Ballroom 20"));
    assert_eq!(names(&items[0], PersonRole::Speaker), ["Jane Doe", "John Smith"]);
    assert_eq!(
        (items[1].starts.clone(), items[1].ends.clone()),
        (at("2026-12-06 18:30"), Some(at("2026-12-06 20:00")))
    );
    // A time-only end before the start is after midnight.
    assert_eq!(
        (items[2].starts.clone(), items[2].ends.clone()),
        (at("2026-12-07 23:30"), Some(at("2026-12-08 00:30")))
    );
}

#[test]
fn ambiguous_dates_follow_the_congress_days() {
    let bytes = fixture!("ambiguous.csv");
    let december = items(bytes, &ash());
    let starts: Vec<_> = december.iter().map(|i| i.starts.clone()).collect();
    assert_eq!(starts, [at("2026-12-05 08:30"), at("2026-12-06 09:00"), at("2026-12-08 16:00")]);
    // The same file for a congress in May reads month first.
    let may = items(bytes, &context((2026, 5, 12), (2026, 5, 14)));
    assert_eq!(may[0].starts, at("2026-05-12 08:30"));
    assert_eq!(may[1].starts, at("2026-06-12 09:00"));
}

#[test]
fn a_missing_title_column_is_named_with_the_headers_found() {
    let err = read(fixture!("missing_title.csv"), &ash()).unwrap_err();
    assert_eq!(err.line, Some(1));
    assert!(err.message.contains("title column"), "{err}");
    assert!(err.message.contains("\"Start\", \"End\", \"Room\", \"Speakers\""), "{err}");
}

#[test]
fn a_bad_date_names_line_7_and_the_column() {
    let err = read(fixture!("bad_date_line7.csv"), &ash()).unwrap_err();
    assert_eq!((err.line, err.location.as_deref()), (Some(7), Some("column Start")));
    assert_eq!(err.to_string(), "line 7, column Start: '31/31/2026 25:00' is not a date and time");
}

#[test]
fn ten_thousand_rows_with_quoted_newlines_keep_their_line_numbers() {
    let mut text = String::from("Title;Date;Start;End;Room;Speakers;Abstract #;Description\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "\"Session {i}; part {}\";{:02}/12/2026;{}:{:02};{}:{:02};Hall {};Dr. Ana Sánchez (Madrid), Jürgen Müller;{i};\"Line one\nline two\"\n",
            i % 7,
            5 + i % 4,
            8 + i % 10,
            i % 60,
            9 + i % 10,
            i % 60,
            i % 12
        ));
    }
    let items = items(text.as_bytes(), &ash());
    assert_eq!(items.len(), 10_000);
    assert_eq!(items[9_999].line, 1 + 2 * 9_999 + 1);
    assert_eq!(items[9_999].people.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = read(text.as_bytes(), &ash());
        let _ = read(format!("Title;Start;End;Duration;Speakers\n{text}").as_bytes(), &ash());
    }

    #[test]
    fn csv_like_noise_never_panics(text in "[a-zA-Z0-9 ,;\t\"\n\r:/.\\-+hAPMZT()é|]{0,300}") {
        let _ = read(format!("Title,Date,Start,End,Duration,Speakers\n{text}").as_bytes(), &ash());
    }

    #[test]
    fn titles_round_trip(
        titles in prop::collection::vec("[a-zé\"][a-zé ,;\t\"\n|]{0,20}[a-zé\"]", 1..20),
        delimiter in prop::sample::select(vec![b',', b';', b'\t']),
    ) {
        let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
        writer.write_record(["Title", "Start", "Room"]).unwrap();
        let mut lines = Vec::new();
        let mut line = 2;
        for (i, title) in titles.iter().enumerate() {
            writer.write_record([title.as_str(), &format!("2026-12-05 {:02}:30", i % 24), "Hall A"]).unwrap();
            lines.push(line);
            line += 1 + title.matches('\n').count();
        }
        let bytes = writer.into_inner().unwrap();
        let items = items(&bytes, &ash());
        prop_assert_eq!(items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), titles.iter().map(String::as_str).collect::<Vec<_>>());
        prop_assert_eq!(items.iter().map(|i| i.line).collect::<Vec<_>>(), lines);
        prop_assert!(items.iter().all(|i| i.room.as_deref() == Some("Hall A")));
    }
}

#[test]
fn people_are_listed_once_per_role() {
    let text = "Title,Start,Speakers,Chair\nA,2026-12-05 08:30,Li Wei; Li Wei,Li Wei\n";
    let items = items(text.as_bytes(), &ash());
    let person = |role| ItemPerson { name: "Li Wei".into(), role };
    assert_eq!(items[0].people, [person(PersonRole::Speaker), person(PersonRole::Chair)]);
}
