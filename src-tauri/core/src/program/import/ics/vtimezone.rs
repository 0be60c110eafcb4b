//! A VTIMEZONE as the file defines it, for TZIDs that name no IANA zone
//! ("custom_America/New_York", "UTC+11", or a Windows name whose definition
//! disagrees with tzdata). Each STANDARD/DAYLIGHT observance contributes
//! onsets (its DTSTART, RDATEs and RRULE occurrences, written in the local
//! time before the change, TZOFFSETFROM); they are turned once, when the
//! file is read, into one sorted list of UTC transitions, so converting an
//! event's wall time is a binary search, not a re-parse per event.

use super::recur;
use super::values::{parse_stamp, Stamp};
use chrono::{Datelike, NaiveDateTime, TimeDelta};
use ical::parser::ical::component::IcalTimeZone;
use ical::property::Property;

/// Rules are followed up to this year; the last offset holds after it.
const LAST_YEAR: i32 = 2100;
/// At most this many onsets per observance (a yearly rule from 1601 to
/// 2100 has 500).
const MAX_ONSETS: usize = 1_000;

#[derive(Debug)]
pub(super) struct VTimezone {
    /// `(UTC instant, offset in seconds from then on)`, sorted.
    transitions: Vec<(NaiveDateTime, i32)>,
    /// The offset before the first transition.
    initial: i32,
}

impl VTimezone {
    /// The TZID and its definition; `None` when it defines nothing usable.
    pub(super) fn from_ical(zone: &IcalTimeZone) -> Option<(String, VTimezone)> {
        let tzid = super::values::text_field(value(&zone.properties, "TZID"))?;
        let mut onsets: Vec<(NaiveDateTime, i32, i32)> = Vec::new();
        for observance in &zone.transitions {
            let props = &observance.properties;
            let Some(to) = value(props, "TZOFFSETTO").and_then(parse_offset) else { continue };
            let from = value(props, "TZOFFSETFROM").and_then(parse_offset).unwrap_or(to);
            let Some(start) = value(props, "DTSTART").and_then(local_stamp) else { continue };
            let mut push = |local: NaiveDateTime| {
                if let Some(utc) = local.checked_sub_signed(TimeDelta::seconds(from.into())) {
                    onsets.push((utc, to, from));
                }
            };
            push(start);
            for rdate in props.iter().filter(|p| p.name == "RDATE") {
                for part in rdate.value.as_deref().unwrap_or_default().split(',') {
                    match parse_stamp(part.split('/').next().unwrap_or_default()) {
                        // A UTC RDATE is already an instant.
                        Some(Stamp::DateTime(utc, true)) => push(shift(utc, from)),
                        Some(Stamp::DateTime(local, false)) => push(local),
                        Some(Stamp::Date(d)) => push(d.and_time(Default::default())),
                        None => {}
                    }
                }
            }
            for rule in props.iter().filter(|p| p.name == "RRULE").filter_map(|p| p.value.as_deref()) {
                // UNTIL is UTC; the rule runs in local (TZOFFSETFROM) time.
                let until = |stamp: Stamp| match stamp {
                    Stamp::DateTime(n, true) => n.checked_add_signed(TimeDelta::seconds(from.into())),
                    Stamp::DateTime(n, false) => Some(n),
                    Stamp::Date(d) => d.and_hms_opt(23, 59, 59),
                };
                let Some(rule) = recur::parse_rule(rule, start, until) else { continue };
                for local in
                    recur::occurrences(vec![rule], start).take_while(|t| t.year() <= LAST_YEAR).take(MAX_ONSETS)
                {
                    push(local);
                }
            }
        }
        if onsets.is_empty() {
            return None;
        }
        onsets.sort_by_key(|&(utc, _, _)| utc);
        let initial = onsets[0].2;
        let transitions = onsets.into_iter().map(|(utc, to, _)| (utc, to)).collect();
        Some((tzid, VTimezone { transitions, initial }))
    }

    /// The offset in force at a UTC instant.
    fn offset_at(&self, utc: NaiveDateTime) -> i32 {
        match self.transitions.partition_point(|&(t, _)| t <= utc) {
            0 => self.initial,
            i => self.transitions[i - 1].1,
        }
    }

    /// Wall time in this zone to UTC. In a gap or an overlap the answer is
    /// one of the two readings; programs do not schedule sessions at 2:30
    /// on the night clocks change.
    pub(super) fn to_utc(&self, local: NaiveDateTime) -> NaiveDateTime {
        let mut offset = self.offset_at(local);
        for _ in 0..2 {
            let next = self.offset_at(shift(local, -offset));
            if next == offset {
                break;
            }
            offset = next;
        }
        shift(local, -offset)
    }

    /// UTC to wall time in this zone.
    pub(super) fn wall_at(&self, utc: NaiveDateTime) -> NaiveDateTime {
        shift(utc, self.offset_at(utc))
    }
}

fn shift(t: NaiveDateTime, seconds: i32) -> NaiveDateTime {
    t.checked_add_signed(TimeDelta::seconds(seconds.into())).unwrap_or(t)
}

fn value<'a>(props: &'a [Property], name: &str) -> Option<&'a str> {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

/// An observance DTSTART: local time (a DATE is read as midnight).
fn local_stamp(raw: &str) -> Option<NaiveDateTime> {
    match parse_stamp(raw)? {
        Stamp::DateTime(t, _) => Some(t),
        Stamp::Date(d) => d.and_hms_opt(0, 0, 0),
    }
}

/// `+0100`, `-0500`, `+115544`, `+01:00` to seconds east of UTC.
fn parse_offset(raw: &str) -> Option<i32> {
    let raw = raw.trim();
    let (sign, digits) = match raw.as_bytes().first()? {
        b'-' => (-1, &raw[1..]),
        b'+' => (1, &raw[1..]),
        _ => (1, raw),
    };
    let digits: String = digits.chars().filter(|&c| c != ':').collect();
    if !matches!(digits.len(), 2 | 4 | 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |i: usize| digits.get(i..i + 2).map_or(Ok(0), str::parse::<i32>);
    let seconds = part(0).ok()? * 3600 + part(2).ok()? * 60 + part(4).ok()?;
    (seconds < 86_400).then_some(sign * seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn zone(text: &str) -> VTimezone {
        let text = format!("BEGIN:VCALENDAR\n{text}\nEND:VCALENDAR\n");
        let calendar = ical::IcalParser::new(text.as_bytes()).next().unwrap().unwrap();
        VTimezone::from_ical(&calendar.timezones[0]).unwrap().1
    }

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap()
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+0100"), Some(3600));
        assert_eq!(parse_offset("-0500"), Some(-18_000));
        assert_eq!(parse_offset("+115544"), Some(42_944));
        assert_eq!(parse_offset("+01:00"), Some(3600));
        assert_eq!(parse_offset("x"), None);
    }

    #[test]
    fn outlook_rules_from_1601() {
        let tz = zone(
            "BEGIN:VTIMEZONE\nTZID:Eastern Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T020000\n\
             TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11\n\
             END:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\n\
             RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3\nEND:DAYLIGHT\nEND:VTIMEZONE",
        );
        // 7 December 2026: EST; 1 July 2026: EDT.
        assert_eq!(tz.to_utc(at(2026, 12, 7, 8, 0)), at(2026, 12, 7, 13, 0));
        assert_eq!(tz.to_utc(at(2026, 7, 1, 8, 0)), at(2026, 7, 1, 12, 0));
        // Around the change on 1 November 2026 at 02:00 EDT.
        assert_eq!(tz.to_utc(at(2026, 11, 1, 0, 30)), at(2026, 11, 1, 4, 30));
        assert_eq!(tz.to_utc(at(2026, 11, 1, 3, 0)), at(2026, 11, 1, 8, 0));
        assert_eq!(tz.wall_at(at(2026, 12, 7, 13, 0)), at(2026, 12, 7, 8, 0));
    }

    #[test]
    fn rdates_and_until() {
        let tz = zone(
            "BEGIN:VTIMEZONE\nTZID:x\nBEGIN:DAYLIGHT\nDTSTART:19670430T020000\n\
             RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=-1SU;UNTIL=19730429T070000Z\nTZOFFSETFROM:-0500\n\
             TZOFFSETTO:-0400\nEND:DAYLIGHT\nBEGIN:STANDARD\nDTSTART:19671029T020000\n\
             RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD\n\
             BEGIN:DAYLIGHT\nDTSTART:19740106T020000\nRDATE:19750223T020000\nTZOFFSETFROM:-0500\n\
             TZOFFSETTO:-0400\nEND:DAYLIGHT\nEND:VTIMEZONE",
        );
        // 1973 still had the April rule; 1974 the January RDATE; 1976 nothing.
        assert_eq!(tz.to_utc(at(1973, 5, 1, 12, 0)), at(1973, 5, 1, 16, 0));
        assert_eq!(tz.to_utc(at(1974, 2, 1, 12, 0)), at(1974, 2, 1, 16, 0));
        assert_eq!(tz.to_utc(at(1975, 3, 1, 12, 0)), at(1975, 3, 1, 16, 0));
        assert_eq!(tz.to_utc(at(1976, 5, 1, 12, 0)), at(1976, 5, 1, 17, 0));
        // Before any onset: the first observance's TZOFFSETFROM.
        assert_eq!(tz.to_utc(at(1960, 1, 1, 0, 0)), at(1960, 1, 1, 5, 0));
    }
}
