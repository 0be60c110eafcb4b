//! From source times to stored instants. Floating and all-day values are read
//! in the congress zone; a wall-clock time that a DST change skips is moved
//! forward an hour and one it repeats takes its first occurrence, as
//! calendar apps do.

use super::item::{ProgramItem, SourceTime};
use crate::time::local_seconds;
use chrono_tz::Tz;

/// Length given to items whose source states neither end nor duration.
pub const DEFAULT_MINUTES: i64 = 30;

/// Unix seconds of `time`, reading zone-less values in `zone`.
pub fn seconds(time: &SourceTime, zone: Tz) -> i64 {
    match time {
        SourceTime::Instant(instant) => instant.timestamp(),
        SourceTime::Zoned(local, tz) => local_seconds(*local, *tz),
        SourceTime::Floating(local) => local_seconds(*local, zone),
        SourceTime::AllDay(date) => local_seconds(date.and_hms_opt(0, 0, 0).expect("midnight exists"), zone),
    }
}

/// Start, end and whether the item fills whole days.
pub fn span(item: &ProgramItem, zone: Tz) -> (i64, i64, bool) {
    let all_day = matches!(item.starts, SourceTime::AllDay(_));
    let start = seconds(&item.starts, zone);
    let stated_end = item
        .ends
        .as_ref()
        .map(|end| seconds(end, zone))
        .or_else(|| item.duration_minutes.map(|m| start + i64::from(m) * 60));
    let end = match stated_end {
        Some(end) if end > start => end,
        Some(end) if end == start && !all_day => end,
        _ if all_day => start + 24 * 3600,
        _ => start + DEFAULT_MINUTES * 60,
    };
    (start, end, all_day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveDateTime};

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap()
    }

    #[test]
    fn floating_and_all_day_use_the_congress_zone() {
        let ny: Tz = "America/New_York".parse().unwrap();
        // 08:30 EST = 13:30 UTC.
        assert_eq!(seconds(&SourceTime::Floating(local(2026, 12, 5, 8, 30)), ny), 1_796_477_400);
        let madrid: Tz = "Europe/Madrid".parse().unwrap();
        let zoned = SourceTime::Zoned(local(2026, 12, 5, 8, 30), madrid);
        assert_eq!(seconds(&zoned, ny), 1_796_477_400 - 6 * 3600);
    }

    #[test]
    fn dst_gap_moves_forward_and_repeat_takes_the_first() {
        let ny: Tz = "America/New_York".parse().unwrap();
        // 2027-03-14 02:30 does not exist in New York: 03:30 EDT = 07:30 UTC.
        let gap = seconds(&SourceTime::Floating(local(2027, 3, 14, 2, 30)), ny);
        assert_eq!(gap, local(2027, 3, 14, 7, 30).and_utc().timestamp());
        // 2026-11-01 01:30 happens twice: the first is EDT = 05:30 UTC.
        let twice = seconds(&SourceTime::Floating(local(2026, 11, 1, 1, 30)), ny);
        assert_eq!(twice, local(2026, 11, 1, 5, 30).and_utc().timestamp());
    }

    #[test]
    fn missing_or_backward_ends_get_a_sane_length() {
        let utc = Tz::UTC;
        let mut item = ProgramItem::new("x", SourceTime::Floating(local(2026, 12, 5, 8, 0)), 1);
        let (start, end, _) = span(&item, utc);
        assert_eq!(end - start, DEFAULT_MINUTES * 60);
        item.ends = Some(SourceTime::Floating(local(2026, 12, 5, 7, 0)));
        let (start, end, _) = span(&item, utc);
        assert_eq!(end - start, DEFAULT_MINUTES * 60);
        item.ends = None;
        item.duration_minutes = Some(45);
        let (start, end, _) = span(&item, utc);
        assert_eq!(end - start, 45 * 60);
        let day = ProgramItem::new("d", SourceTime::AllDay(NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()), 1);
        let (start, end, all_day) = span(&day, utc);
        assert!(all_day);
        assert_eq!(end - start, 24 * 3600);
    }
}
