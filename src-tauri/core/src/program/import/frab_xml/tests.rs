//! The XML reader on small inline documents (the full congress fixture is
//! read in tests/schedule_fixtures.rs), plus a bounded fuzz: whatever the
//! bytes, the reader answers and never panics.

use super::*;
use crate::program::import::item::SourceTime;
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

const ONE_EVENT: &str = r#"<schedule>
<conference><title>EHA</title><time_zone_name>Europe/Madrid</time_zone_name></conference>
<day date="2027-06-11" start="2027-06-11T08:00:00+02:00">
<room name="Hall A">
<event
  guid="g-1" id="7">
<start>10:00</start><duration>00:45</duration>
<title>Myeloma &amp; <i>MGUS</i>: &quot;smoldering&quot; &#233;&#x20AC; &nbsp;&unknown;</title>
<description><![CDATA[<b>bold</b> & raw]]></description>
<persons><person id="1">Ana Sánchez</person><person>  </person></persons>
<recording><url>https://wrong.example/</url></recording>
<links><link href="https://also.wrong/">x</link></links>
</event>
</room>
</day>
</schedule>
"#;

#[test]
fn reads_one_event_with_entities_markup_and_context() {
    let items = read(ONE_EVENT, &ctx()).unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.line, 5, "the line of `<event`, though the tag spans two");
    assert_eq!(item.title, "Myeloma & MGUS: \"smoldering\" é€ \u{a0}&unknown;");
    assert_eq!(item.description.as_deref(), Some("<b>bold</b> & raw"));
    assert_eq!(item.source_id.as_deref(), Some("g-1"));
    assert_eq!(item.room.as_deref(), Some("Hall A"), "from the enclosing <room name>");
    assert_eq!(item.url, None, "a <url> inside <recording> is not the event's");
    assert_eq!(item.people, vec![ItemPerson { name: "Ana Sánchez".into(), role: PersonRole::Speaker }]);
    assert_eq!(item.duration_minutes, Some(45));
    assert_eq!(item.starts, SourceTime::Zoned("2027-06-11T10:00:00".parse().unwrap(), chrono_tz::Europe::Madrid));
}

#[test]
fn without_time_zone_name_the_day_offset_is_used_and_without_it_floating() {
    let xml = r#"<schedule><day date="2027-06-11" start="2027-06-11T08:00:00+02:00"><room name="A">
        <event id="1"><start>09:00</start><title>T</title></event></room></day>
        <day date="2027-06-12"><room name="A"><event id="2"><start>09:00</start><title>T</title></event></room></day>
        </schedule>"#;
    let items = read(xml, &ctx()).unwrap();
    assert_eq!(utc(&items[0].starts), "2027-06-11T07:00Z");
    assert_eq!(items[1].starts, SourceTime::Floating("2027-06-12T09:00:00".parse().unwrap()));
}

#[test]
fn an_empty_schedule_reads_as_nothing_and_trailing_junk_is_ignored() {
    assert_eq!(read("<schedule/>", &ctx()).unwrap(), vec![]);
    assert_eq!(read("<?xml version='1.0'?>\n<schedule><conference/></schedule>\n<junk", &ctx()).unwrap(), vec![]);
}

#[test]
fn refuses_what_is_not_a_schedule() {
    let err = read("<?xml version='1.0'?>\n<foo><bar/></foo>", &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 2: this XML is not a frab/pentabarf schedule (root element <foo>)");
    let err = read("<!DOCTYPE html>\n<html><body>Program</body></html>", &ctx()).unwrap_err();
    assert!(err.message.starts_with("this is a web page (HTML)"), "{err}");
    let err = read("<!-- nothing -->", &ctx()).unwrap_err();
    assert!(err.message.contains("no elements"), "{err}");
}

#[test]
fn truncated_files_say_where_they_end() {
    let cut =
        "<schedule>\n<day date=\"2027-06-11\">\n<room name=\"A\">\n<event guid=\"g-9\" id=\"9\">\n<title>T</title>\n";
    let err = read(cut, &ctx()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 5: the file ends inside <event guid=\"g-9\"> (opened on line 4); it looks cut off"
    );
    let err = read("<schedule>\n<day date=\"2027-06-11\">\n", &ctx()).unwrap_err();
    assert_eq!(err.message, "the file ends inside <day date=\"2027-06-11\">; it looks cut off");
    let err = read("<schedule>\n<day>\n<room name=\"A\">\n<event id=\"9\">\n<title>T</ti", &ctx()).unwrap_err();
    assert_eq!(err.line, Some(5));
    assert_eq!(err.message, "the file ends in the middle of a tag inside <event id=\"9\">; it looks cut off");
}

#[test]
fn malformed_xml_names_the_line() {
    let err = read("<schedule>\n<day>\n<room name=\"A\">\n</day>\n</schedule>", &ctx()).unwrap_err();
    assert_eq!(err.line, Some(4));
    assert_eq!(err.message, "</day> closes <room>; the XML is malformed");
    let err = read("<schedule>\n</day>", &ctx()).unwrap_err();
    assert_eq!(err.line, Some(2));
}

#[test]
fn bad_events_are_refused_with_their_line() {
    let event = |body: &str| {
        format!("<schedule>\n<day date=\"2027-06-11\"><room name=\"A\">\n<event id=\"1234\">{body}</event></room></day></schedule>")
    };
    let err = read(&event("<title>T</title><start>10:00</start><duration>1h</duration>"), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 3, <duration>: event 1234: duration '1h' is not HH:MM");
    let err = read(&event("<title>T</title>"), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 3, <start>: event 1234 has no start time");
    let err = read(&event("<start>10:00</start>"), &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "line 3, <title>: event 1234 has no title");
    let err = read(&event("<title>T</title><start>10h</start>"), &ctx()).unwrap_err();
    assert_eq!(err.message, "event 1234: start '10h' is not HH:MM");
    let err = read(&event("<title>T</title><date>2027-06-11 morning</date>"), &ctx()).unwrap_err();
    assert_eq!(err.location.as_deref(), Some("<date>"));
    let err = read("<schedule><event id=\"5\"/></schedule>", &ctx()).unwrap_err();
    assert_eq!(err.message, "event 5 has no title");
}

#[test]
fn windows_line_ends_are_normalised() {
    let xml = "<schedule>\r\n<day date=\"2027-06-11\"><room name=\"A\">\r\n<event id=\"1\"><title>T</title><start>10:00</start>\r\n<abstract>one\r\ntwo</abstract></event></room></day></schedule>";
    let items = read(xml, &ctx()).unwrap();
    assert_eq!(items[0].description.as_deref(), Some("one\ntwo"));
    assert_eq!(items[0].line, 3);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = read(&text, &ctx());
    }

    #[test]
    fn xml_like_text_never_panics(text in "(<[a-z/!?]{0,3}[a-z ='\"]{0,12}>|[a-z0-9:&;#<> -]{0,8}|<schedule>|<day date=\"2027-06-11\">|<event id=\"1\">|<start>|</start>|<title>|</event>){0,40}") {
        let _ = read(&text, &ctx());
    }

    #[test]
    fn any_cut_of_a_good_file_reads_or_fails_cleanly(cut in 0usize..ONE_EVENT.len(), flip in 0usize..ONE_EVENT.len(), byte in 0x20u8..0x7f) {
        let cut = (0..=cut).rev().find(|&i| ONE_EVENT.is_char_boundary(i)).unwrap_or(0);
        let mut text = ONE_EVENT[..cut].to_owned();
        if text.is_char_boundary(flip) && text.is_char_boundary(flip + 1) && flip < text.len() {
            text.replace_range(flip..flip + 1, &char::from(byte).to_string());
        }
        if let Err(err) = read(&text, &ctx()) {
            prop_assert!(!err.message.is_empty());
        }
    }
}
