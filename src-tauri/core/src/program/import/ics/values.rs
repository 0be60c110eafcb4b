//! Property values as RFC 5545 writes them: TEXT with its backslash
//! escapes, comma-separated lists where a comma may itself be escaped,
//! DATE and DATE-TIME values, and DURATIONs. `ical` hands values over
//! untouched, so all unescaping happens here. Parsing is lenient where
//! producers are sloppy (lower-case `t`/`z`, ISO dashes and colons, a DATE
//! with a stray `Z`, missing seconds) and strict about impossible dates.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Unescapes a TEXT value: `\\`, `\;`, `\,`, `\n`/`\N` (and Outlook's `\:`).
/// Any other backslash is kept as written.
pub(super) fn unescape_text(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('n' | 'N') => {
                out.push('\n');
                chars.next();
            }
            Some(&next @ ('\\' | ';' | ',' | ':')) => {
                out.push(next);
                chars.next();
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// A TEXT value for a field: unescaped and trimmed; `None` when blank.
pub(super) fn text_field(raw: Option<&str>) -> Option<String> {
    let text = unescape_text(raw?);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_owned())
    }
}

/// Splits a list value on the commas that are not escaped, then unescapes
/// each item (CATEGORIES: `Meeting\, John,Work` is two items).
pub(super) fn split_list(raw: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in raw.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ',' => {
                items.push(&raw[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&raw[start..]);
    items.into_iter().filter_map(|item| text_field(Some(item))).collect()
}

/// A DATE or DATE-TIME value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stamp {
    Date(NaiveDate),
    /// Wall-clock time; `true` when it ends in `Z` (UTC).
    DateTime(NaiveDateTime, bool),
}

/// Reads `20261206`, `20261206T083000`, `20261206T083000Z` and the lenient
/// variants (`2026-12-06T08:30`, `20131210Z`).
pub(super) fn parse_stamp(raw: &str) -> Option<Stamp> {
    let raw = raw.trim();
    let (raw, utc) = match raw.strip_suffix(['Z', 'z']) {
        Some(rest) => (rest, true),
        None => (raw, false),
    };
    let (date, time) = match raw.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (raw, None),
    };
    let date: String = date.chars().filter(|&c| c != '-').collect();
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(date[..4].parse().ok()?, date[4..6].parse().ok()?, date[6..8].parse().ok()?)?;
    let Some(time) = time else { return Some(Stamp::Date(date)) };
    // Fractional seconds are dropped; so are ISO colons.
    let time = time.split('.').next().unwrap_or_default();
    let time: String = time.chars().filter(|&c| c != ':').collect();
    if !(time.len() == 4 || time.len() == 6) || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hour = time[..2].parse().ok()?;
    let minute = time[2..4].parse().ok()?;
    // A leap second is read as :59.
    let second = if time.len() == 6 { time[4..6].parse::<u32>().ok()?.min(59) } else { 0 };
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some(Stamp::DateTime(date.and_time(time), utc))
}

/// A DURATION (`PT1H30M`, `P1D`, `-PT15M`, `P2W`) in seconds.
pub(super) fn parse_duration(raw: &str) -> Option<i64> {
    let raw = raw.trim().to_ascii_uppercase();
    let (sign, rest) = match raw.as_bytes().first()? {
        b'-' => (-1, &raw[1..]),
        b'+' => (1, &raw[1..]),
        _ => (1, &raw[..]),
    };
    let rest = rest.strip_prefix('P')?;
    let mut seconds: i64 = 0;
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' if number.is_empty() => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let unit = match (c, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                seconds = seconds.checked_add(n.checked_mul(unit)?)?;
                any = true;
            }
            _ => return None,
        }
    }
    (any && number.is_empty()).then_some(sign * seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, s).unwrap()
    }

    #[test]
    fn text_escapes() {
        assert_eq!(unescape_text(r"a\, b\; c\\d\ne\Nf\:g"), "a, b; c\\d\ne\nf:g");
        assert_eq!(unescape_text(r"C:\Users\x"), r"C:\Users\x");
        assert_eq!(unescape_text("trailing\\"), "trailing\\");
        assert_eq!(unescape_text(r"\\n"), "\\n");
        assert_eq!(text_field(Some(" \\n ")), None);
        assert_eq!(text_field(Some(" Leading")), Some("Leading".into()));
    }

    #[test]
    fn lists_respect_escaped_commas() {
        assert_eq!(split_list(r"Meeting\, John,Work\, Sarah,Project"), ["Meeting, John", "Work, Sarah", "Project"]);
        assert_eq!(split_list(r"a\\,b,,"), ["a\\", "b"]);
    }

    #[test]
    fn stamps() {
        assert_eq!(parse_stamp("20261206"), Some(Stamp::Date(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap())));
        assert_eq!(parse_stamp("20131210Z"), Some(Stamp::Date(NaiveDate::from_ymd_opt(2013, 12, 10).unwrap())));
        assert_eq!(parse_stamp("20261206T083000Z"), Some(Stamp::DateTime(dt(2026, 12, 6, 8, 30, 0), true)));
        assert_eq!(parse_stamp("2026-12-06t08:30"), Some(Stamp::DateTime(dt(2026, 12, 6, 8, 30, 0), false)));
        assert_eq!(parse_stamp("20261206T235960"), Some(Stamp::DateTime(dt(2026, 12, 6, 23, 59, 59), false)));
        for bad in ["2026-13-45", "20260230", "20261206T2500", "hello", "", "20261206T", "1234567"] {
            assert_eq!(parse_stamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("PT1H30M"), Some(5400));
        assert_eq!(parse_duration("P1D"), Some(86_400));
        assert_eq!(parse_duration("-pt15m"), Some(-900));
        assert_eq!(parse_duration("P1W"), Some(604_800));
        assert_eq!(parse_duration("P1DT2H"), Some(93_600));
        for bad in ["", "P", "PT", "1H", "PT1H30", "P1H", "PT1D"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
