//! Unit tests of [`super`], kept apart so that the parser stays readable.

use super::*;

fn ymd(y: i32, m: u32, d: u32) -> Day {
    Day::Exact(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn hm(h: u32, m: u32) -> Option<u32> {
    Some(h * 3600 + m * 60)
}

fn at(cell: &str) -> (Option<Day>, Option<u32>) {
    let when = parse(cell).unwrap_or_else(|| panic!("{cell:?} did not parse"));
    (when.day, when.seconds)
}

#[test]
fn iso_dates_and_times() {
    assert_eq!(at("2026-12-05 08:30"), (Some(ymd(2026, 12, 5)), hm(8, 30)));
    assert_eq!(at("2026-12-05T08:30"), (Some(ymd(2026, 12, 5)), hm(8, 30)));
    assert_eq!(at("2026-12-05T08:30:15.000"), (Some(ymd(2026, 12, 5)), Some(8 * 3600 + 30 * 60 + 15)));
    assert_eq!(at("2026-12-05"), (Some(ymd(2026, 12, 5)), None));
    assert_eq!(at("2026/12/05 8:30"), (Some(ymd(2026, 12, 5)), hm(8, 30)));
}

#[test]
fn offsets_only_on_iso_date_times() {
    let utc = parse("2026-12-05T08:30:00Z").unwrap();
    assert_eq!(utc.offset, FixedOffset::east_opt(0));
    assert_eq!(utc.seconds, hm(8, 30));
    let plus = parse("2026-12-05T08:30+01:00").unwrap();
    assert_eq!(plus.offset, FixedOffset::east_opt(3600));
    let minus = parse("2026-12-05 08:30:00-0500").unwrap();
    assert_eq!(minus.offset, FixedOffset::west_opt(5 * 3600));
    assert_eq!(parse("2026-12-05 08:30 UTC").unwrap().offset, FixedOffset::east_opt(0));
    assert_eq!(parse("2026-12-05 08:30").unwrap().offset, None);
    // Not an offset: a range, which parse alone refuses.
    assert_eq!(parse("2026-12-05 08:30-09:45"), None);
}

#[test]
fn numeric_dates_stay_undecided_except_dotted() {
    let numeric = |first, second| Some(Day::Numeric { first, second, year: 2026 });
    assert_eq!(at("12/05/2026 8:30 AM"), (numeric(12, 5), hm(8, 30)));
    assert_eq!(at("5/12/2026 08:30"), (numeric(5, 12), hm(8, 30)));
    assert_eq!(at("05-12-26"), (numeric(5, 12), None));
    assert_eq!(at("05.12.2026 08:30"), (Some(ymd(2026, 12, 5)), hm(8, 30)));
    assert_eq!(at("5.12.2026."), (Some(ymd(2026, 12, 5)), None));
    assert_eq!(parse("31.31.2026"), None);
    assert_eq!(parse("2026-02-30"), None);
    // Both readings impossible: left to the day resolution to refuse.
    assert_eq!(at("31/31/2026"), (numeric(31, 31), None));
}

#[test]
fn times_alone() {
    assert_eq!(at("08:30"), (None, hm(8, 30)));
    assert_eq!(at("8:30 AM"), (None, hm(8, 30)));
    assert_eq!(at("8:30 p.m."), (None, hm(20, 30)));
    assert_eq!(at("12:15 AM"), (None, hm(0, 15)));
    assert_eq!(at("12:15pm"), (None, hm(12, 15)));
    assert_eq!(at("8 PM"), (None, hm(20, 0)));
    assert_eq!(at("8h30"), (None, hm(8, 30)));
    assert_eq!(at("14h"), (None, hm(14, 0)));
    assert_eq!(at("14.30"), (None, hm(14, 30)));
    assert_eq!(at("08:30 Uhr"), (None, hm(8, 30)));
    assert_eq!(at("24:00"), (None, hm(24, 0)));
    assert!(parse("25:00").is_none());
    assert!(parse("8:60").is_none());
    assert!(parse("13:00 PM").is_none());
    assert!(parse("8").is_none());
}

#[test]
fn words_for_days() {
    assert_eq!(at("Sat 5 Dec 2026"), (Some(ymd(2026, 12, 5)), None));
    assert_eq!(at("Saturday, December 5, 2026 8:30 AM"), (Some(ymd(2026, 12, 5)), hm(8, 30)));
    assert_eq!(at("samedi 5 décembre 2026 à 14h30"), (Some(ymd(2026, 12, 5)), hm(14, 30)));
    assert_eq!(at("5. Dezember 2026"), (Some(ymd(2026, 12, 5)), None));
    assert_eq!(at("5 de diciembre de 2026"), (Some(ymd(2026, 12, 5)), None));
    assert_eq!(at("Dec 5th"), (Some(Day::Yearless { month: 12, day: 5 }), None));
    assert_eq!(at("Sábado"), (Some(Day::Weekday(Weekday::Sat)), None));
    assert_eq!(at("Day 2"), (Some(Day::Nth(2)), None));
    assert_eq!(at("Jour 3 9h"), (Some(Day::Nth(3)), hm(9, 0)));
    assert!(parse("Opening ceremony").is_none());
    assert!(parse("TBA").is_none());
    assert!(parse("31 Feb 2026").is_none());
}

#[test]
fn excel_serials() {
    assert_eq!(at("46361"), (Some(ymd(2026, 12, 5)), None));
    assert_eq!(at("46361.3541666667"), (Some(ymd(2026, 12, 5)), hm(8, 30)));
    assert_eq!(at("0.3541666667"), (None, hm(8, 30)));
}

#[test]
fn ranges() {
    let (start, end) = parse_range("08:30–09:45").unwrap();
    assert_eq!((start.seconds, end.seconds), (hm(8, 30), hm(9, 45)));
    let (start, end) = parse_range("2026-12-05 08:30-09:45").unwrap();
    assert_eq!((start.day, start.seconds, end.day, end.seconds), (Some(ymd(2026, 12, 5)), hm(8, 30), None, hm(9, 45)));
    let (start, end) = parse_range("8:30 AM - 9:45 AM").unwrap();
    assert_eq!((start.seconds, end.seconds), (hm(8, 30), hm(9, 45)));
    assert!(parse_range("2026-12-05").is_none());
    assert!(parse_range("soon - later").is_none());
}

#[test]
fn durations() {
    for (cell, expected) in [
        ("45", 45),
        ("0:45", 45),
        ("1:30", 90),
        ("1h30", 90),
        ("1 h 30", 90),
        ("90 min", 90),
        ("90min", 90),
        ("45'", 45),
        ("1,5 h", 90),
        ("1.5 hours", 90),
        ("2 Stunden", 120),
        ("2 hours 15 minutes", 135),
        ("PT1H30M", 90),
        ("0", 0),
    ] {
        assert_eq!(minutes(cell), Some(expected), "{cell}");
    }
    for cell in ["", "soon", "-5", "1:5", "99999999", "1..5", "h"] {
        assert_eq!(minutes(cell), None, "{cell}");
    }
}
