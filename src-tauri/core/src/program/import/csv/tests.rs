//! Tests of the CSV reader on small inline files; the fixture files and the
//! property tests are in `core/tests/program_csv.rs`.

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::read;
use crate::program::import::item::{ItemPerson, PersonRole, ReadContext, SourceTime};

fn ash() -> ReadContext {
    ReadContext {
        zone: chrono_tz::America::New_York,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
    }
}

fn floating(text: &str) -> SourceTime {
    SourceTime::Floating(NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap())
}

#[test]
fn a_plain_file() {
    let items = read("Title,Start,End,Room\nOpening,2026-12-05 08:30,09:45,Hall A\n", &ash()).unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.title, "Opening");
    assert_eq!(item.starts, floating("2026-12-05 08:30"));
    assert_eq!(item.ends, Some(floating("2026-12-05 09:45")));
    assert_eq!(item.room.as_deref(), Some("Hall A"));
    assert_eq!(item.line, 2);
    assert_eq!(item.source_id, None);
}

#[test]
fn time_columns_take_the_date_column() {
    let text = "Date;Start;End;Title\n2026-12-05;22:00;01:00;Late\n2026-12-06;;;Posters\n";
    let items = read(text, &ash()).unwrap();
    assert_eq!(items[0].starts, floating("2026-12-05 22:00"));
    assert_eq!(items[0].ends, Some(floating("2026-12-06 01:00")), "past midnight");
    assert_eq!(items[1].starts, SourceTime::AllDay(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()));
    assert_eq!(items[1].ends, None);
}

#[test]
fn offsets_give_instants() {
    let text = "Title,Start,End\nA,2026-12-05T13:30:00Z,2026-12-05T14:30:00Z\nB,2026-12-05T08:30-05:00,09:30\n";
    let items = read(text, &ash()).unwrap();
    let utc = |h| SourceTime::Instant(Utc.with_ymd_and_hms(2026, 12, 5, h, 30, 0).unwrap());
    assert_eq!((items[0].starts.clone(), items[0].ends.clone()), (utc(13), Some(utc(14))));
    assert_eq!((items[1].starts.clone(), items[1].ends.clone()), (utc(13), Some(utc(14))));
}

#[test]
fn a_range_in_the_time_column() {
    let items = read("Day,Time,Session\nSaturday,8:30 AM – 9:45 AM,Opening\n", &ash()).unwrap();
    assert_eq!(items[0].starts, floating("2026-12-05 08:30"));
    assert_eq!(items[0].ends, Some(floating("2026-12-05 09:45")));
}

#[test]
fn people_ids_status_and_other_columns() {
    let text = "Session ID;Title;Start;Chairs;Speaker 1;Speaker 2;Authors;Type;Track;Status;URL;Abstract #\n\
                S-12;Myeloma;2026-12-05 08:30;Dr. Li Wei;Ana Sánchez (Madrid);Li Wei;Müller, Jürgen;Oral;Myeloma;Cancelled;https://x.org;\n\
                S-13;CLL;2026-12-05 09:30;;;;;;;;;1234\n";
    let items = read(text, &ash()).unwrap();
    let person = |name: &str, role| ItemPerson { name: name.to_owned(), role };
    assert_eq!(
        items[0].people,
        vec![
            person("Li Wei", PersonRole::Chair),
            person("Ana Sánchez (Madrid)", PersonRole::Speaker),
            person("Li Wei", PersonRole::Speaker),
            person("Müller, Jürgen", PersonRole::Author),
        ]
    );
    assert_eq!(items[0].source_id.as_deref(), Some("S-12"));
    assert_eq!(items[0].kind_hint.as_deref(), Some("Oral"));
    assert_eq!(items[0].track.as_deref(), Some("Myeloma"));
    assert_eq!(items[0].url.as_deref(), Some("https://x.org"));
    assert!(items[0].cancelled);
    assert_eq!(items[0].abstract_number, None);
    assert_eq!(items[1].source_id.as_deref(), Some("S-13"));
    assert_eq!(items[1].abstract_number.as_deref(), Some("1234"));
    assert!(!items[1].cancelled);
    assert!(items[1].people.is_empty());
}

#[test]
fn lines_count_quoted_newlines_blank_rows_and_the_sep_line() {
    let text = "sep=;\nTitle;Start;Description\n\n\"A\";2026-12-05 08:30;\"one\ntwo\"\n;;\nB;2026-12-05 09:30;x\n";
    let items = read(text, &ash()).unwrap();
    assert_eq!(items.iter().map(|i| (i.title.as_str(), i.line)).collect::<Vec<_>>(), [("A", 4), ("B", 7)]);
    assert_eq!(items[0].description.as_deref(), Some("one\ntwo"));
}

#[test]
fn a_title_above_the_header_and_ragged_rows() {
    let text =
        "ASH 2026 — program export\n\nTitle,Start,Room\nA,2026-12-05 08:30\nB,2026-12-05 09:30,Hall B,extra,cells\n";
    let items = read(text, &ash()).unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].room, None);
    assert_eq!(items[1].room.as_deref(), Some("Hall B"));
    assert_eq!(items[1].line, 5);
}

#[test]
fn header_only_is_no_items_and_empty_is_an_error() {
    assert_eq!(read("Title,Start\n", &ash()).unwrap(), vec![]);
    assert_eq!(read("Title,Start\n,\n , \n", &ash()).unwrap(), vec![]);
    assert_eq!(read("", &ash()).unwrap_err().message, "the file is empty");
    assert_eq!(read("\n;;;\n", &ash()).unwrap_err().message, "the file is empty");
}

#[test]
fn missing_columns_are_named() {
    let err = read("Start,Room\n08:30,A\n", &ash()).unwrap_err();
    assert_eq!(err.line, Some(1));
    assert!(err.message.contains("no title column (Title, Session"), "{}", err.message);
    assert!(err.message.ends_with("the headers found are \"Start\", \"Room\""), "{}", err.message);
    let err = read("Title,Room\nA,B\n", &ash()).unwrap_err();
    assert!(err.message.contains("start column") && !err.message.contains("title column"), "{}", err.message);
}

#[test]
fn row_errors_name_line_and_column() {
    let err = read("Title;Début\nA;2026-12-05 08:30\nB;31/31/2026 25:00\n", &ash()).unwrap_err();
    assert_eq!(err.to_string(), "line 3, column Début: '31/31/2026 25:00' is not a date and time");
    let err = read("Title,Start\nA,08:30\n", &ash()).unwrap_err();
    assert_eq!(err.to_string(), "line 2, column Start: '08:30' is a time without a date, and there is no date column");
    let err = read("Title,Date,Start\nA,,08:30\n", &ash()).unwrap_err();
    assert_eq!(err.to_string(), "line 2, column Start: '08:30' is a time, and this row has no date");
    let err = read("Title,Start,Duration\nA,2026-12-05 08:30,soon\n", &ash()).unwrap_err();
    assert_eq!(err.to_string(), "line 2, column Duration: 'soon' is not a duration");
    let err = read("Title,Start\n,2026-12-05 08:30\n", &ash()).unwrap_err();
    assert_eq!(err.to_string(), "line 2, column Title: the title is empty");
    let err = read("Title,Start\nA,\n", &ash()).unwrap_err();
    assert_eq!(err.to_string(), "line 2, column Start: the start is empty");
}

#[test]
fn a_day_outside_the_congress_by_name() {
    let err = read("Title,Day,Time\nA,Wednesday,08:30\n", &ash()).unwrap_err();
    assert_eq!(err.to_string(), "line 2, column Day: 'Wednesday' is not a date");
}

#[test]
fn a_repeated_header_row_is_skipped() {
    let text = "Title,Start\nA,2026-12-05 08:30\nTitle,Start\nB,2026-12-06 08:30\n";
    let items = read(text, &ash()).unwrap();
    assert_eq!(items.iter().map(|i| (i.title.as_str(), i.line)).collect::<Vec<_>>(), [("A", 2), ("B", 4)]);
}

#[test]
fn windows_line_breaks() {
    let text = "Title;Start;Description\r\n\"A\r\nB\";2026-12-05 08:30;\"one\r\ntwo\"\r\nC;2026-12-05 09:30;\r\n";
    let items = read(text, &ash()).unwrap();
    assert_eq!(items.iter().map(|i| (i.title.as_str(), i.line)).collect::<Vec<_>>(), [("A\nB", 2), ("C", 5)]);
    assert_eq!(items[0].description.as_deref(), Some("one\ntwo"));
}

#[test]
fn a_board_column_fills_the_board_not_the_abstract_number() {
    let text = "Title,Start,Abstract,Poster board\n\
                Hydroxyurea adherence,2026-12-06 18:00,2345,I-123\n\
                MRD in myeloma,2026-12-06 18:00,2346,\n";
    let items = read(text, &ash()).unwrap();
    assert_eq!(items[0].board.as_deref(), Some("I-123"));
    assert_eq!(items[0].abstract_number.as_deref(), Some("2345"));
    assert_eq!(items[1].board, None, "an empty cell is no board");
    for header in ["Board", "Board number", "Panneau", "Posterwand"] {
        let items = read(&format!("Title,Start,{header}\nTalk,2026-12-06 18:00,P1234\n"), &ash()).unwrap();
        assert_eq!(items[0].board.as_deref(), Some("P1234"), "{header}");
    }
}

#[test]
fn a_session_column_groups_rows_under_their_session_made_from_the_first_row_if_need_be() {
    let text = "Title,Session,Start,End,Room\n\
                654 MRD after transplant,Oral 101,2026-12-06 14:15,14:30,Hall A\n\
                653 Quadruplet induction,Oral 101,2026-12-06 14:00,14:15,Hall A\n\
                Poster session II,Poster session II,2026-12-06 18:00,20:00,Poster Hall\n\
                2345 Hydroxyurea adherence,poster session ii,2026-12-06 18:00,20:00,Poster Hall\n\
                Plenary,,2026-12-06 09:00,10:00,Hall B\n";
    let items = read(text, &ash()).unwrap();
    assert_eq!(items.len(), 6, "five rows and the one session the file has no row for");
    let made = items.iter().find(|i| i.title == "Oral 101").expect("made from its first row");
    assert_eq!(made.source_id.as_deref(), Some("session:oral 101"));
    assert_eq!(
        (made.starts.clone(), made.ends.clone()),
        (floating("2026-12-06 14:00"), Some(floating("2026-12-06 14:30")))
    );
    assert_eq!(made.room.as_deref(), Some("Hall A"));
    assert_eq!(made.parent, None);
    for talk in ["654 MRD after transplant", "653 Quadruplet induction"] {
        assert_eq!(items.iter().find(|i| i.title == talk).unwrap().parent.as_deref(), Some("session:oral 101"));
    }
    let own = items.iter().find(|i| i.title == "Poster session II").unwrap();
    assert_eq!((own.source_id.as_deref(), own.parent.as_deref()), (Some("session:poster session ii"), None));
    let poster = items.iter().find(|i| i.title == "2345 Hydroxyurea adherence").unwrap();
    assert_eq!(poster.parent.as_deref(), Some("session:poster session ii"), "names compare folded");
    assert_eq!(items.iter().find(|i| i.title == "Plenary").unwrap().parent, None);
}

#[test]
fn a_lone_session_column_is_still_the_title() {
    let items = read("Session,Start\nOpening,2026-12-05 08:30\n", &ash()).unwrap();
    assert_eq!((items[0].title.as_str(), items[0].parent.as_deref()), ("Opening", None));
}
