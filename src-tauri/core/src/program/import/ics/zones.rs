//! What a TZID means, decided once per TZID per file, and the conversions
//! between the frames a time can be written in. A TZID is, in order: an IANA
//! name (also case-folded, or as the suffix of a prefixed id such as
//! "/mozilla.org/20050126_1/America/New_York") → wall time in that zone; a
//! Windows/Outlook name → its IANA zone, unless the file's own VTIMEZONE for
//! it gives a different instant, in which case the file wins (RFC 5545 makes
//! the VTIMEZONE the definition); any other name with a VTIMEZONE → the
//! instant that VTIMEZONE gives; anything else → floating, like a time
//! without TZID (one unknown zone never fails the whole file).

use super::values::{parse_stamp, Stamp};
use super::vtimezone::VTimezone;
use crate::program::import::item::SourceTime;
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use ical::parser::ical::component::IcalCalendar;
use std::collections::HashMap;

/// How a wall-clock time is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    Utc,
    Iana(Tz),
    /// Defined only by the file's VTIMEZONE number `usize`.
    Vtz(usize),
    /// A Windows name mapped to `Tz`, also defined by a VTIMEZONE.
    Mapped(Tz, usize),
    /// No zone: the congress zone.
    Floating,
    /// A whole day (the time part is midnight).
    Date,
}

/// A time as written, with the frame to read it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dt {
    pub naive: NaiveDateTime,
    pub frame: Frame,
}

/// What identifies one instance of a recurring event: its instant, or its
/// day for all-day events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Key {
    Day(NaiveDate),
    At(DateTime<Utc>),
}

impl Key {
    /// For source ids: RFC 3339 (`2026-12-06T13:00:00Z`, or `2026-12-06`).
    pub(super) fn id_part(self) -> String {
        match self {
            Key::Day(d) => d.format("%Y-%m-%d").to_string(),
            Key::At(t) => t.to_rfc3339_opts(SecondsFormat::Secs, true),
        }
    }
}

pub(super) struct Zones {
    vtimezones: Vec<VTimezone>,
    by_tzid: HashMap<String, usize>,
    cache: HashMap<String, Option<Frame>>,
    congress: Tz,
}

impl Zones {
    /// Reads every VTIMEZONE of the file once (the first definition of a
    /// TZID wins).
    pub(super) fn new(calendars: &[IcalCalendar], congress: Tz) -> Self {
        let mut zones = Zones { vtimezones: Vec::new(), by_tzid: HashMap::new(), cache: HashMap::new(), congress };
        for zone in calendars.iter().flat_map(|c| &c.timezones) {
            if let Some((tzid, vtz)) = VTimezone::from_ical(zone) {
                if !zones.by_tzid.contains_key(&tzid) {
                    zones.by_tzid.insert(tzid, zones.vtimezones.len());
                    zones.vtimezones.push(vtz);
                }
            }
        }
        zones
    }

    /// The frame for times without TZID: the calendar's X-WR-TIMEZONE when
    /// it names a zone, else floating.
    pub(super) fn floating(&self, x_wr_timezone: Option<&str>) -> Frame {
        match x_wr_timezone.and_then(named_zone) {
            Some(tz) => iana(tz),
            None => Frame::Floating,
        }
    }

    /// The frame a TZID stands for; `None` when it is unknown.
    pub(super) fn frame_for(&mut self, tzid: &str) -> Option<Frame> {
        if let Some(known) = self.cache.get(tzid) {
            return *known;
        }
        let name = tzid.trim().trim_matches('"').trim();
        let vtz =
            self.by_tzid.get(name).or_else(|| self.by_tzid.get(super::values::unescape_text(name).as_str())).copied();
        let frame = match (iana_zone(name), super::windows::lookup(name), vtz) {
            (Some(tz), _, _) => Some(iana(tz)),
            (None, Some(tz), Some(v)) => Some(Frame::Mapped(tz, v)),
            (None, Some(tz), None) => Some(iana(tz)),
            (None, None, Some(v)) => Some(Frame::Vtz(v)),
            (None, None, None) => None,
        };
        self.cache.insert(tzid.to_owned(), frame);
        frame
    }

    /// A DATE or DATE-TIME value with its TZID parameter.
    pub(super) fn read(&mut self, raw: &str, tzid: Option<&str>, floating: Frame) -> Option<Dt> {
        Some(match parse_stamp(raw)? {
            Stamp::Date(d) => Dt { naive: d.and_time(Default::default()), frame: Frame::Date },
            Stamp::DateTime(naive, true) => Dt { naive, frame: Frame::Utc },
            Stamp::DateTime(naive, false) => {
                let frame = tzid.and_then(|t| self.frame_for(t)).unwrap_or(floating);
                Dt { naive, frame }
            }
        })
    }

    /// The instant a time stands for (floating and all-day: in the congress
    /// zone).
    pub(super) fn to_utc(&self, dt: Dt) -> DateTime<Utc> {
        match dt.frame {
            Frame::Utc => dt.naive.and_utc(),
            Frame::Iana(tz) => local_to_utc(tz, dt.naive),
            Frame::Vtz(v) | Frame::Mapped(_, v) => self.vtimezones[v].to_utc(dt.naive).and_utc(),
            Frame::Floating | Frame::Date => local_to_utc(self.congress, dt.naive),
        }
    }

    /// An instant as wall time in `frame`.
    pub(super) fn wall_in(&self, frame: Frame, utc: DateTime<Utc>) -> NaiveDateTime {
        match frame {
            Frame::Utc => utc.naive_utc(),
            Frame::Iana(tz) => utc.with_timezone(&tz).naive_local(),
            Frame::Vtz(v) | Frame::Mapped(_, v) => self.vtimezones[v].wall_at(utc.naive_utc()),
            Frame::Floating | Frame::Date => utc.with_timezone(&self.congress).naive_local(),
        }
    }

    /// `dt` written in `frame` (the same instant; the same day for dates).
    pub(super) fn convert(&self, dt: Dt, frame: Frame) -> Dt {
        match (dt.frame, frame) {
            (from, to) if from == to => dt,
            (_, Frame::Date) | (Frame::Date, _) => Dt { naive: dt.naive.date().and_time(Default::default()), frame },
            // A floating time beside a zoned one is read in that zone.
            (Frame::Floating, _) => Dt { naive: dt.naive, frame },
            _ => Dt { naive: self.wall_in(frame, self.to_utc(dt)), frame },
        }
    }

    /// The time as the item carries it.
    pub(super) fn to_source(&self, dt: Dt) -> SourceTime {
        match dt.frame {
            Frame::Utc => SourceTime::Instant(dt.naive.and_utc()),
            Frame::Iana(tz) => SourceTime::Zoned(dt.naive, tz),
            Frame::Vtz(_) => SourceTime::Instant(self.to_utc(dt)),
            Frame::Mapped(tz, _) => {
                let file = self.to_utc(dt);
                if local_to_utc(tz, dt.naive) == file {
                    SourceTime::Zoned(dt.naive, tz)
                } else {
                    SourceTime::Instant(file)
                }
            }
            Frame::Floating => SourceTime::Floating(dt.naive),
            Frame::Date => SourceTime::AllDay(dt.naive.date()),
        }
    }

    pub(super) fn key(&self, dt: Dt) -> Key {
        match dt.frame {
            Frame::Date => Key::Day(dt.naive.date()),
            _ => Key::At(self.to_utc(dt)),
        }
    }

    /// The congress day a key falls on.
    pub(super) fn day(&self, key: Key) -> NaiveDate {
        match key {
            Key::Day(d) => d,
            Key::At(t) => t.with_timezone(&self.congress).date_naive(),
        }
    }
}

/// UTC is an instant, not a zone to keep.
fn iana(tz: Tz) -> Frame {
    match tz.name() {
        "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" | "Etc/Universal" | "Universal" | "Zulu" | "Etc/Zulu" | "UCT"
        | "Etc/UCT" => Frame::Utc,
        _ => Frame::Iana(tz),
    }
}

/// An IANA zone named by `name`, possibly with a vendor prefix.
fn iana_zone(name: &str) -> Option<Tz> {
    let exact = |n: &str| {
        n.parse::<Tz>()
            .ok()
            .or_else(|| chrono_tz::TZ_VARIANTS.iter().copied().find(|tz| tz.name().eq_ignore_ascii_case(n)))
    };
    if let Some(tz) = exact(name) {
        return Some(tz);
    }
    // "/mozilla.org/20050126_1/America/New_York", "/citadel.org/…/Europe/Berlin".
    name.match_indices('/').map(|(i, _)| &name[i + 1..]).filter(|s| s.contains('/')).find_map(exact)
}

/// An IANA or Windows zone name (X-WR-TIMEZONE), without VTIMEZONEs.
fn named_zone(name: &str) -> Option<Tz> {
    let name = name.trim();
    iana_zone(name).or_else(|| super::windows::lookup(name))
}

/// Wall time in `tz` to UTC: the earlier reading in an overlap, the time
/// pushed past the gap when clocks jump forward.
pub(super) fn local_to_utc(tz: Tz, naive: NaiveDateTime) -> DateTime<Utc> {
    let in_zone = tz
        .from_local_datetime(&naive)
        .earliest()
        .or_else(|| tz.from_local_datetime(&(naive + TimeDelta::hours(1))).earliest())
        .or_else(|| tz.from_local_datetime(&(naive + TimeDelta::hours(2))).earliest());
    match in_zone {
        Some(t) => t.with_timezone(&Utc),
        None => naive.and_utc(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_names_plain_folded_and_prefixed() {
        assert_eq!(iana_zone("America/New_York"), Some(Tz::America__New_York));
        assert_eq!(iana_zone("europe/berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(iana_zone("/mozilla.org/20050126_1/America/New_York"), Some(Tz::America__New_York));
        assert_eq!(iana_zone("/citadel.org/20190914_1/Europe/Berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(iana_zone("custom_America/New_York"), None);
        assert_eq!(iana_zone("FOO"), None);
    }

    #[test]
    fn gaps_and_overlaps() {
        let ny = Tz::America__New_York;
        let at = |d: u32, h: u32, m: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap().and_hms_opt(h, m, 0).unwrap();
        assert_eq!(local_to_utc(ny, at(8, 2, 30)), at(8, 7, 30).and_utc());
        assert_eq!(local_to_utc(ny, at(9, 9, 0)), at(9, 13, 0).and_utc());
    }
}
