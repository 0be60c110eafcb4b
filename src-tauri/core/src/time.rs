//! Time helpers shared by every module: instants are stored as Unix seconds
//! in UTC, congress days as ISO dates in the congress's IANA zone.

use chrono::{DateTime, Utc};
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
