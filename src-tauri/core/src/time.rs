//! Time helpers shared by every module: instants are stored as Unix seconds
//! in UTC, congress days as ISO dates in the congress's IANA zone, and shown
//! with the congress zone's offset.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Now, as stored in `created_at`/`updated_at` columns.
pub fn now_seconds() -> i64 {
    Utc::now().timestamp()
}

/// Parses an IANA zone name ("America/New_York"); `None` when unknown.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// Every IANA zone name Hallway knows, sorted, for pickers.
pub fn zone_names() -> Vec<String> {
    let mut names: Vec<String> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name().to_owned()).collect();
    names.sort();
    names
}

/// A stored instant as a chrono value (out-of-range values clamp to the epoch).
pub fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// A stored instant with the offset `zone` has at that moment, e.g.
/// `2026-12-05T08:30:00-05:00` for New York: RFC 3339, and exact.
pub fn in_zone(seconds: i64, zone: Tz) -> DateTime<FixedOffset> {
    zone.from_utc_datetime(&instant(seconds).naive_utc()).fixed_offset()
}

/// The congress zone of a stored name, or UTC if a hand-edited file broke it.
pub fn zone_or_utc(name: &str) -> Tz {
    parse_zone(name).unwrap_or(Tz::UTC)
}

/// Unix seconds of a wall-clock time in `zone`. A time a DST change skips
/// moves forward an hour and one it repeats takes its first occurrence, as
/// calendar apps do.
pub fn local_seconds(local: NaiveDateTime, zone: Tz) -> i64 {
    zone.from_local_datetime(&local)
        .earliest()
        .or_else(|| zone.from_local_datetime(&(local + Duration::hours(1))).earliest())
        .map(|t| t.timestamp())
        .unwrap_or_else(|| local.and_utc().timestamp())
}
