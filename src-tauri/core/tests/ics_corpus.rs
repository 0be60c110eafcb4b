//! Every iCalendar file of the shared third-party corpus
//! (`shared/corpus/calendars`, beside the clone; see its MANIFEST.txt)
//! through the public import: each one reads or fails with a message, and
//! for the files whose truth is known the exact times are checked.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use hallway_core::program::import::{read, ProgramItem, ReadContext, ReadError, SourceTime};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/calendars"));
    assert!(
        dir.is_dir(),
        "the shared calendar corpus is missing: expected it at {} (shared/ beside the clone)",
        dir.display()
    );
    dir
}

fn ctx(zone: Tz, first: (i32, u32, u32), last: (i32, u32, u32)) -> ReadContext {
    let d = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    ReadContext { zone, first_day: d(first), last_day: d(last) }
}

fn read_file(name: &str, ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
    let bytes = std::fs::read(corpus_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    read(&bytes, ctx).map(|(_, items)| items)
}

fn items(name: &str, ctx: &ReadContext) -> Vec<ProgramItem> {
    read_file(name, ctx).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn wall(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, mi, 0).unwrap()
}

fn instant(y: i32, m: u32, d: u32, h: u32, mi: u32) -> SourceTime {
    SourceTime::Instant(utc(y, m, d, h, mi))
}

fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    wall(y, m, d, h, mi).and_utc()
}

#[test]
fn every_calendar_reads_or_says_why() {
    let mut report = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    names.sort();
    assert!(names.len() >= 40, "only {} .ics files in the corpus", names.len());
    let wide = ctx(Tz::Europe__Berlin, (2000, 1, 1), (2030, 12, 31));
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match read_file(&name, &wide) {
            Ok(items) => report.push(format!("ok   {name}: {} items", items.len())),
            Err(e) => {
                assert!(!e.message.trim().is_empty(), "{name}: an error without a message");
                report.push(format!("err  {name}: {e}"));
            }
        }
    }
    println!("{}", report.join("\n"));
}

#[test]
fn custom_vtimezone_is_computed() {
    // "custom_America/New_York": no IANA name; the VTIMEZONE says EDT.
    let got = items("pyical__america_new_york.ics", &ctx(Tz::UTC, (2014, 1, 1), (2014, 12, 31)));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].starts, instant(2014, 8, 29, 12, 0));
    assert_eq!(got[0].ends, Some(instant(2014, 8, 29, 14, 0)));
    assert_eq!(got[0].source_id.as_deref(), Some("noend123"));

    // Southern hemisphere, RDATE-heavy, first of two DTSTARTs.
    let fiji = items("pyical__pacific_fiji.ics", &ctx(Tz::UTC, (2014, 1, 1), (2014, 12, 31)));
    assert_eq!(fiji[0].starts, instant(2014, 8, 28, 20, 0));

    // "UTC+11" defined by a VTIMEZONE with a DATE DTSTART.
    let plus11 = items("pyical__issue_218_bad_tzid.ics", &ctx(Tz::UTC, (2017, 1, 1), (2017, 12, 31)));
    assert_eq!(plus11[0].starts, instant(2017, 2, 28, 12, 0));
}

#[test]
fn exchange_windows_zone_names() {
    let c = ctx(Tz::Europe__Berlin, (2020, 9, 1), (2020, 9, 30));
    let got = items("nodeical__exchange_ms_timezones.ics", &c);
    let first = &got[0];
    assert_eq!(first.title, "test");
    assert_eq!(first.starts, SourceTime::Zoned(wall(2020, 9, 10, 9, 0), Tz::Europe__Berlin));
    assert_eq!(first.ends, Some(SourceTime::Zoned(wall(2020, 9, 10, 9, 30), Tz::Europe__Berlin)));
    let pacific = got.iter().find(|i| i.title == "Not the actual summary 1").unwrap();
    assert_eq!(pacific.starts, SourceTime::Zoned(wall(2020, 9, 15, 8, 30), Tz::America__Los_Angeles));
    // The misplaced quote (DTSTART;TZID="W. Europe Standard Time:2020…")
    // still gives a weekly series at 09:00 Berlin.
    let jira: Vec<_> = got.iter().filter(|i| i.title == "Log Yesterday's Jira time").collect();
    assert!(!jira.is_empty());
    for item in &jira {
        match &item.starts {
            SourceTime::Zoned(t, Tz::Europe__Berlin) => assert_eq!(t.time(), wall(2020, 1, 1, 9, 0).time()),
            other => panic!("{other:?}"),
        }
    }
    // Weekly on Tu/Th/Fr/Su at 12:00 Pacific; 3 September is an EXDATE.
    let series: Vec<_> = got.iter().filter(|i| i.title == "Not the actual summary either").collect();
    let days: Vec<u32> = series
        .iter()
        .map(|i| match &i.starts {
            SourceTime::Zoned(t, Tz::America__Los_Angeles) => t.format("%d").to_string().parse().unwrap(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(days, [1, 4, 6, 8, 10, 11, 13, 15, 17, 18, 20, 22, 24, 25, 27, 29]);

    // Outlook's "(UTC-03:00) Brasília", quoted, with its own VTIMEZONE.
    let br = items("pyical__issue_237_outlook_non_ascii_tzid.ics", &ctx(Tz::UTC, (2017, 1, 1), (2017, 12, 31)));
    assert_eq!(br[0].starts, SourceTime::Zoned(wall(2017, 5, 11, 13, 30), Tz::America__Sao_Paulo));
    assert_eq!(br[0].title, "(untitled)");

    // A Windows name whose VTIMEZONE disagrees with tzdata: the file wins.
    let nz = items("khal__tz_windows_format.ics", &ctx(Tz::UTC, (2019, 1, 1), (2019, 12, 31)));
    assert_eq!(nz[0].starts, instant(2019, 11, 20, 12, 0));

    // The VTIMEZONE's TZID escapes its commas; DTSTART quotes them.
    let bkk = items("nodeical__exchange_custom_tz.ics", &ctx(Tz::UTC, (2019, 1, 1), (2019, 12, 31)));
    assert_eq!(bkk[0].starts, SourceTime::Zoned(wall(2019, 4, 30, 9, 0), Tz::Asia__Bangkok));
}

#[test]
fn x_wr_timezone_gives_floating_times_a_zone() {
    let got = items("rie__x_wr_timezone_floating.ics", &ctx(Tz::America__New_York, (2021, 9, 1), (2021, 9, 30)));
    assert_eq!(got[0].starts, SourceTime::Zoned(wall(2021, 9, 16, 21, 0), Tz::Europe__Brussels));
    assert_eq!(got[0].ends, Some(SourceTime::Zoned(wall(2021, 9, 16, 22, 45), Tz::Europe__Brussels)));
}

#[test]
fn unknown_tzid_without_vtimezone_is_floating() {
    let c = ctx(Tz::UTC, (2000, 1, 1), (2030, 12, 31));
    let foo = items("khal__tzid_without_vtimezone.ics", &c);
    assert!(matches!(foo[0].starts, SourceTime::Floating(_)), "{:?}", foo[0].starts);
    let custom = items("pyical__issue_722_missing_VTIMEZONE_custom.ics", &c);
    assert!(matches!(custom[0].starts, SourceTime::Floating(_)), "{:?}", custom[0].starts);
}

#[test]
fn series_with_moved_and_cancelled_instances() {
    let berlin = |y, m, d, h, mi| SourceTime::Zoned(wall(y, m, d, h, mi), Tz::Europe__Berlin);
    let c = ctx(Tz::Europe__Berlin, (2014, 6, 1), (2014, 8, 31));
    let got = items("khal__rrule_recurrence_id_cancelled.ics", &c);
    let summary: Vec<_> = got.iter().map(|i| (i.starts.clone(), i.cancelled)).collect();
    assert_eq!(
        summary,
        [
            (berlin(2014, 6, 30, 7, 0), false),
            (berlin(2014, 7, 7, 9, 0), false),
            (berlin(2014, 7, 14, 7, 0), true),
            (berlin(2014, 7, 21, 7, 0), false),
            (berlin(2014, 7, 28, 7, 0), false),
            (berlin(2014, 8, 4, 7, 0), false),
        ]
    );
    assert_eq!(got[1].source_id.as_deref(), Some("event_rrule_recurrence_id/2014-07-07T05:00:00Z"));
    assert_eq!(got[1].ends, Some(berlin(2014, 7, 7, 14, 0)));

    let c = ctx(Tz::Europe__Berlin, (2020, 1, 1), (2020, 1, 31));
    let tb = items("rie__thunderbird_cancelled_instance.ics", &c);
    let cancelled: Vec<_> = tb.iter().map(|i| i.cancelled).collect();
    assert_eq!(cancelled, [false, true, false]);

    // Google: the override comes before its series in the file.
    let c = ctx(Tz::Europe__Kiev, (2016, 8, 1), (2016, 8, 31));
    let kiev = items("nodeical__google_kiev_tz.ics", &c);
    let titles: Vec<_> = kiev.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["repeated", "bla bla", "repeated", "repeated"]);

    // The last Friday of December moved to the 17th.
    let c = ctx(Tz::Europe__Berlin, (2021, 12, 1), (2021, 12, 31));
    let moved = items("rie__google_moved_instance.ics", &c);
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].starts, berlin(2021, 12, 17, 21, 30));
    assert_eq!(moved[0].source_id.as_deref(), Some("38m812jicsrer5gorh3mlp7qhc@google.com/2021-12-31T20:30:00Z"));

    // An all-day series whose moved instance has a date-time RECURRENCE-ID.
    let c = ctx(Tz::Europe__Berlin, (2026, 2, 16), (2026, 3, 1));
    let days: Vec<_> = items("nodeical__exchange_allday_moved_recurrence.ics", &c)
        .into_iter()
        .map(|i| match i.starts {
            SourceTime::AllDay(d) => d.format("%m-%d").to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(days, ["02-19", "02-24", "02-27"]);
}

#[test]
fn rdates_exdates_and_overrides_of_a_monthly_series() {
    let la = |m, d, h| SourceTime::Zoned(wall(2012, m, d, h, 0), Tz::America__Los_Angeles);
    let c = ctx(Tz::America__Los_Angeles, (2012, 10, 1), (2012, 11, 30));
    let got = items("icaljs__recur_instances.ics", &c);
    let summary: Vec<_> = got.iter().map(|i| (i.starts.clone(), i.source_id.clone().unwrap())).collect();
    let id = |t: &str| format!("623c13c0-6c2b-45d6-a12b-c33ad61c4868/{t}");
    assert_eq!(
        summary,
        [
            // The first Tuesday, moved to the afternoon.
            (la(10, 2, 15), id("2012-10-02T17:00:00Z")),
            (la(11, 6, 10), id("2012-11-06T18:00:00Z")),
            // The RDATE of 5 November, moved to the evening of the 6th.
            (la(11, 6, 20), id("2012-11-05T18:00:00Z")),
            (la(11, 10, 10), id("2012-11-10T18:00:00Z")),
            (la(11, 30, 10), id("2012-11-30T18:00:00Z")),
        ]
    );
    assert_eq!(got[0].description.as_deref(), Some("I HAZ CHANGED!"));
    assert_eq!(got[1].description.as_deref(), Some("IAM FOO"));

    // RDATEs written as "20131210Z"; overrides whose series is absent
    // stand alone.
    let birthdays = items("icaljs__google_birthday.ics", &ctx(Tz::UTC, (2012, 1, 1), (2014, 12, 31)));
    let ids: Vec<_> = birthdays.iter().map(|i| i.source_id.clone().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "2014_BIRTHDAY_79d389868f96182e@google.com/2012-12-10",
            "2014_BIRTHDAY_79d389868f96182e@google.com/2013-12-10",
            "2014_BIRTHDAY_79d389868f96182e@google.com/2014-12-10",
            "BIRTHDAY_79d389868f96182e@google.com/2012-12-10",
            "BIRTHDAY_79d389868f96182e@google.com/2013-12-10",
            "BIRTHDAY_79d389868f96182e@google.com/2014-12-10",
        ]
    );
}

#[test]
fn odd_folding_and_outlook_display_names() {
    // Mozilla's "NAME<LF><LF> :value", two VCALENDARs in one file.
    let got = items("pyical__mozilla_multiple_vcalendars_odd_folding.ics", &ctx(Tz::UTC, (2003, 1, 1), (2003, 12, 31)));
    let summary: Vec<_> = got.iter().map(|i| (i.title.as_str(), i.starts.clone(), i.line)).collect();
    let day = |m, d| SourceTime::AllDay(NaiveDate::from_ymd_opt(2003, m, d).unwrap());
    assert_eq!(
        summary,
        [("Christmas Day", day(12, 25), 11), ("Boxing Day", day(5, 1), 53), ("Christmas again!", day(12, 25), 74)]
    );
    assert_eq!(got[0].ends, Some(day(12, 26)));

    // "(GMT+10:00) Canberra, Melbourne, Sydney" without a VTIMEZONE.
    let owa = items("nodeical__exchange2010_owa.ics", &ctx(Tz::UTC, (2020, 10, 1), (2020, 11, 30)));
    assert_eq!(owa[0].title, "TEST Syd");
    assert_eq!(owa[0].starts, SourceTime::Zoned(wall(2020, 10, 28, 13, 30), Tz::Australia__Sydney));
    assert_eq!(owa[0].source_id, None, "no UID");
}

#[test]
fn duplicate_uids_keep_the_highest_sequence() {
    let got = items("nodeical__duplicate_uid_sequence.ics", &ctx(Tz::UTC, (2024, 1, 1), (2024, 1, 31)));
    let summary: Vec<_> = got.iter().map(|i| (i.title.as_str(), i.starts.clone())).collect();
    assert_eq!(
        summary,
        [
            ("Team Meeting (SEQUENCE 2)", instant(2024, 1, 15, 10, 0)),
            ("Updated version (SEQUENCE 3) - should win", instant(2024, 1, 20, 14, 0)),
        ]
    );
}

#[test]
fn real_conference_programs() {
    let c = ctx(Tz::Europe__Paris, (2022, 5, 1), (2022, 5, 31));
    let jres = items("conf__jres_2022.ics", &c);
    assert_eq!(jres.len(), 120);
    assert_eq!(jres[0].title, "Accueil congressistes");
    assert_eq!(jres[0].starts, SourceTime::Zoned(wall(2022, 5, 17, 11, 0), Tz::Europe__Paris));
    // The fold inside a 3-byte character is joined before decoding.
    assert!(jres.iter().all(|i| !i.description.as_deref().unwrap_or("").contains('\u{FFFD}')));
    assert!(jres.iter().any(|i| i.room.as_deref() == Some("Amphithéâtre 1600")));

    let pycon = items("conf__pyconuk_2015_vobject.ics", &ctx(Tz::Europe__London, (2015, 9, 1), (2015, 9, 30)));
    assert_eq!(pycon.len(), 162);
    assert!(pycon.iter().all(|i| matches!(i.starts, SourceTime::Instant(_))));

    let kielux = items("conf__kielux_2020.ics", &ctx(Tz::Europe__Berlin, (2020, 1, 1), (2020, 12, 31)));
    assert_eq!(kielux.len(), 24);
}

#[test]
fn categories_with_escaped_commas() {
    let got = items("pyical__issue_127_categories_with_commas.ics", &ctx(Tz::UTC, (2014, 1, 1), (2014, 12, 31)));
    assert_eq!(got[0].kind_hint.as_deref(), Some("Meeting, John, Work, Sarah, Project"));
    assert_eq!(got[0].track.as_deref(), Some("Meeting, John"));
    assert_eq!(got[0].starts, instant(2014, 2, 4, 14, 0));
}
