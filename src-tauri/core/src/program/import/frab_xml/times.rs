//! Clock times, durations and date-times as frab, pentabarf, pretalx and the
//! c3voc hub write them. The XML and both JSON readers meet the same strings
//! ("10:00", "00:45", "0:45:00", "PT45M", "2013-08-24T10:00:00+02:00"), so
//! they are parsed once, here, and every reader accepts the same spellings.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// A `date`/`start`/`end` value as the file wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    /// With an offset (or `Z`): an exact instant.
    Exact(DateTime<FixedOffset>),
    /// Without one: wall-clock time, read in the conference zone.
    Wall(NaiveDateTime),
    /// Only a date (some exporters write the day into `date`).
    Day(NaiveDate),
}

/// Parses an ISO 8601 date-time, with or without offset, `T` or a space
/// between date and time, seconds and fractions optional; or a bare date.
pub(crate) fn parse_stamp(value: &str) -> Option<Stamp> {
    let value = value.trim();
    if value.len() == 10 {
        return NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().map(Stamp::Day);
    }
    if value.len() < 16 || !value.is_ascii() {
        return None;
    }
    let mut text = value.to_owned();
    if text.as_bytes()[10] == b' ' {
        text.replace_range(10..11, "T");
    }
    if text.ends_with(['Z', 'z']) {
        text.truncate(text.len() - 1);
        text.push_str("+00:00");
    }
    if let Ok(exact) = DateTime::parse_from_rfc3339(&text) {
        return Some(Stamp::Exact(exact));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M%#z"] {
        if let Ok(exact) = DateTime::parse_from_str(&text, format) {
            return Some(Stamp::Exact(exact));
        }
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(wall) = NaiveDateTime::parse_from_str(&text, format) {
            return Some(Stamp::Wall(wall));
        }
    }
    None
}

/// True when `value` looks like a full date-time rather than a clock time;
/// the hub's schedule v2 writes `start` that way.
pub(crate) fn is_date_time(value: &str) -> bool {
    let value = value.trim();
    value.len() >= 16 && value.as_bytes().get(4) == Some(&b'-')
}

/// Parses a clock time "HH:MM" or "HH:MM:SS" (one-digit hours allowed).
/// Hours 24 to 47 mean the next day, as some exporters write times past
/// midnight; the first number is how many days to add.
pub(crate) fn parse_clock(value: &str) -> Option<(u32, NaiveTime)> {
    let mut parts = value.trim().split(':');
    let hours = small_number(parts.next()?, 2)?;
    let minutes = small_number(parts.next()?, 2)?;
    let seconds = match parts.next() {
        Some(part) => small_number(part, 2)?,
        None => 0,
    };
    if parts.next().is_some() || hours > 47 || minutes > 59 || seconds > 59 {
        return None;
    }
    NaiveTime::from_hms_opt(hours % 24, minutes, seconds).map(|time| (hours / 24, time))
}

/// Parses a duration in whole minutes: "HH:MM", "H:MM:SS" (seconds round to
/// the nearest minute) or ISO 8601 "PT1H30M" / "P1DT2H". Years and months
/// are refused: no session lasts that long, so it is a mistake.
pub(crate) fn parse_duration(value: &str) -> Option<u32> {
    let value = value.trim();
    if let Some(iso) = value.strip_prefix(['P', 'p']) {
        return parse_iso_duration(iso);
    }
    let parts: Vec<&str> = value.split(':').collect();
    let (hours, minutes, seconds) = match parts.as_slice() {
        [h, m] => (small_number(h, 4)?, small_number(m, 2)?, 0),
        [h, m, s] => (small_number(h, 4)?, small_number(m, 2)?, small_number(s, 2)?),
        _ => return None,
    };
    if minutes > 59 || seconds > 59 {
        return None;
    }
    Some(hours * 60 + minutes + u32::from(seconds >= 30))
}

/// The part after `P` of an ISO 8601 duration.
fn parse_iso_duration(text: &str) -> Option<u32> {
    let mut seconds: u64 = 0;
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for c in text.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'T' | 't' if number.is_empty() && !in_time => in_time = true,
            _ => {
                let amount: f64 = number.parse().ok()?;
                number.clear();
                let unit: f64 = match (in_time, c.to_ascii_uppercase()) {
                    (false, 'W') => 7.0 * 86_400.0,
                    (false, 'D') => 86_400.0,
                    (true, 'H') => 3_600.0,
                    (true, 'M') => 60.0,
                    (true, 'S') => 1.0,
                    _ => return None,
                };
                let part = amount * unit;
                if !part.is_finite() || part > 1e9 {
                    return None;
                }
                seconds += part.round() as u64;
                any = true;
            }
        }
    }
    if !number.is_empty() || !any {
        return None;
    }
    u32::try_from((seconds + 30) / 60).ok()
}

/// 1 to `max_digits` ASCII digits, nothing else (no sign, no spaces).
fn small_number(text: &str, max_digits: usize) -> Option<u32> {
    if text.is_empty() || text.len() > max_digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> String {
        match parse_stamp(text) {
            Some(Stamp::Exact(at)) => at.to_utc().to_rfc3339(),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn date_times_with_and_without_offset() {
        assert_eq!(exact("2013-08-24T10:00:00+02:00"), "2013-08-24T08:00:00+00:00");
        assert_eq!(exact("2013-08-24 10:00:00+02:00"), "2013-08-24T08:00:00+00:00");
        assert_eq!(exact("2013-08-24T10:00+0200"), "2013-08-24T08:00:00+00:00");
        assert_eq!(exact("2013-08-24T10:00:00.500Z"), "2013-08-24T10:00:00.500+00:00");
        assert_eq!(exact("2013-08-24T10:00Z"), "2013-08-24T10:00:00+00:00");
        let wall = NaiveDate::from_ymd_opt(2027, 6, 11).unwrap().and_hms_opt(9, 30, 0).unwrap();
        assert_eq!(parse_stamp("2027-06-11T09:30:00"), Some(Stamp::Wall(wall)));
        assert_eq!(parse_stamp("2027-06-11T09:30"), Some(Stamp::Wall(wall)));
        assert_eq!(parse_stamp("2027-06-11"), Some(Stamp::Day(wall.date())));
        for bad in ["", "10:00", "2027-13-11T09:30:00", "tomorrow morning at ten", "2027-06-11T09:30:00+25:00"] {
            assert_eq!(parse_stamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn clock_times() {
        let t = |h, m, s| NaiveTime::from_hms_opt(h, m, s).unwrap();
        assert_eq!(parse_clock("10:00"), Some((0, t(10, 0, 0))));
        assert_eq!(parse_clock("9:05"), Some((0, t(9, 5, 0))));
        assert_eq!(parse_clock("23:59:30"), Some((0, t(23, 59, 30))));
        assert_eq!(parse_clock("24:30"), Some((1, t(0, 30, 0))));
        for bad in ["", "10", "10:5x", "10:60", "48:00", "-1:00", "10:00:00:00", "1h", "10.00"] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("00:45"), Some(45));
        assert_eq!(parse_duration("1:30"), Some(90));
        assert_eq!(parse_duration("25:00"), Some(1500));
        assert_eq!(parse_duration("0:44:30"), Some(45));
        assert_eq!(parse_duration("00:45:00"), Some(45));
        assert_eq!(parse_duration("PT1H30M"), Some(90));
        assert_eq!(parse_duration("PT45M"), Some(45));
        assert_eq!(parse_duration("P1DT2H"), Some(1560));
        assert_eq!(parse_duration("PT0.5H"), Some(30));
        for bad in ["", "1h", "45", "00:60", "P", "PT", "P1M", "PT1X", "P1Y", "PT99999999999H", ":"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
