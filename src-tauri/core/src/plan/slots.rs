//! The free-slot finder: when could I meet this person? Within each congress
//! day's working hours (venue time, from settings), outside the sessions I
//! attend and my other meetings, away from the person's own talks and chairs,
//! with a walking buffer around each, on quarter-hour starts. Slots inside a
//! coffee or lunch break come first, as that is when people are free.
//!
//! Days are built from venue wall-clock hours, so a DST change during the
//! congress shifts the instants, not the hours; busy items are instants, so a
//! dinner running past midnight blocks the next morning too.

use super::clashes::{agenda_items, AgendaItem};
use crate::ids::{CongressId, MeetingId, PersonId};
use crate::{congress, settings, time, Result, Store};
use chrono::{DateTime, Duration, FixedOffset, Offset, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Starts fall on the quarter hour of the venue clock.
const STEP: i64 = 15 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SlotQuery {
    pub congress_id: CongressId,
    /// Whose talks and chairs to avoid; none for a slot with anyone.
    pub person_id: Option<PersonId>,
    pub minutes: u32,
    /// The meeting being moved, which must not block itself.
    pub except_meeting: Option<MeetingId>,
}

/// A free slot, in the congress zone's offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Slot {
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    /// The coffee or lunch break the slot falls in, when it does.
    pub in_break: Option<String>,
}

/// What the finder works on, in Unix seconds: pure data, so the rules are
/// tested without a database.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Working hours of each day.
    pub windows: Vec<(i64, i64)>,
    /// Times I or the person cannot meet.
    pub busy: Vec<(i64, i64)>,
    /// Breaks in the program, with their titles.
    pub breaks: Vec<(i64, i64, String)>,
    pub minutes: u32,
    pub buffer_minutes: u32,
}

/// Free slots for `plan`: breaks first, then the rest, each in time order.
pub fn free_slots(plan: &Plan, zone: Tz) -> Vec<(i64, i64, Option<String>)> {
    let length = i64::from(plan.minutes.max(1)) * 60;
    let buffer = i64::from(plan.buffer_minutes) * 60;
    let mut blocked: Vec<(i64, i64)> = plan.busy.iter().map(|&(s, e)| (s - buffer, e + buffer)).collect();
    blocked.sort_unstable();
    let merged = merge(blocked);

    let mut found = Vec::new();
    for &(window_start, window_end) in &plan.windows {
        let mut cursor = window_start;
        // Free stretches of the window: between the merged busy spans.
        let within = merged.iter().filter(|(s, e)| *e > window_start && *s < window_end);
        for &(start, end) in within.chain(std::iter::once(&(window_end, window_end))) {
            let free_end = start.min(window_end);
            let mut slot = align(cursor, zone);
            while slot + length <= free_end {
                found.push((slot, slot + length, break_of(plan, slot, slot + length)));
                slot = align(slot + STEP, zone);
            }
            cursor = cursor.max(end);
        }
    }
    found.sort_by_key(|(start, _, in_break)| (in_break.is_none(), *start));
    found
}

fn merge(sorted: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    let mut merged: Vec<(i64, i64)> = Vec::with_capacity(sorted.len());
    for (start, end) in sorted {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The first quarter hour of the venue clock at or after `seconds`.
fn align(seconds: i64, zone: Tz) -> i64 {
    let offset = i64::from(zone.offset_from_utc_datetime(&time::instant(seconds).naive_utc()).fix().local_minus_utc());
    let local = seconds + offset;
    let aligned = local.div_euclid(STEP) * STEP + if local.rem_euclid(STEP) == 0 { 0 } else { STEP };
    aligned - offset
}

/// A break the slot mostly falls in: it overlaps at least half of the slot or
/// of the break, whichever is shorter.
fn break_of(plan: &Plan, start: i64, end: i64) -> Option<String> {
    plan.breaks
        .iter()
        .filter(|(s, e, _)| {
            let overlap = end.min(*e) - start.max(*s);
            overlap > 0 && overlap * 2 >= (end - start).min(e - s)
        })
        .max_by_key(|(s, e, _)| end.min(*e) - start.max(*s))
        .map(|(_, _, title)| title.clone())
}

/// Free slots for a meeting of `query.minutes` at a congress.
pub async fn find(store: &Store, query: &SlotQuery) -> Result<Vec<Slot>> {
    let (plan, zone) = gather(store, query).await?;
    Ok(free_slots(&plan, zone)
        .into_iter()
        .map(|(start, end, in_break)| Slot {
            starts_at: time::in_zone(start, zone),
            ends_at: time::in_zone(end, zone),
            in_break,
        })
        .collect())
}

/// Reads the windows, busy times and breaks for `query` from the store, and
/// the congress zone they are in.
pub async fn gather(store: &Store, query: &SlotQuery) -> Result<(Plan, Tz)> {
    let congress = congress::get(store, query.congress_id).await?;
    let zone = time::zone_or_utc(&congress.time_zone);
    let prefs = settings::get(store).await?;
    let mut windows = Vec::new();
    let mut day = congress.starts_on;
    while day <= congress.ends_on {
        let at = |hour: u8| match day.and_hms_opt(u32::from(hour), 0, 0) {
            Some(local) => time::local_seconds(local, zone),
            None => time::local_seconds(day.and_hms_opt(0, 0, 0).expect("midnight") + Duration::days(1), zone),
        };
        windows.push((at(prefs.day_start_hour), at(prefs.day_end_hour)));
        day += Duration::days(1);
    }

    let mut busy: Vec<(i64, i64)> = agenda_items(store, query.congress_id)
        .await?
        .into_iter()
        .filter(|b| query.except_meeting.is_none_or(|id| b.item != AgendaItem::Meeting(id)))
        .map(|b| (b.starts_at, b.ends_at))
        .collect();
    if let Some(person) = query.person_id {
        crate::people::get(store, person).await?;
        let theirs: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT DISTINCT s.starts_at, s.ends_at FROM session_people sp JOIN sessions s ON s.id = sp.session_id \
             WHERE sp.person_id = ? AND sp.role IN ('speaker', 'chair') AND s.congress_id = ? \
             AND s.withdrawn = 0 AND s.all_day = 0",
        )
        .bind(person)
        .bind(query.congress_id)
        .fetch_all(store.pool())
        .await?;
        busy.extend(theirs);
    }
    let breaks: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT starts_at, ends_at, title FROM sessions \
         WHERE congress_id = ? AND kind = 'break' AND withdrawn = 0 AND all_day = 0",
    )
    .bind(query.congress_id)
    .fetch_all(store.pool())
    .await?;
    let plan = Plan { windows, busy, breaks, minutes: query.minutes, buffer_minutes: u32::from(prefs.buffer_minutes) };
    Ok((plan, zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;

    fn utc_plan(busy: Vec<(i64, i64)>, minutes: u32) -> Plan {
        Plan { windows: vec![(9 * H, 12 * H)], busy, breaks: Vec::new(), minutes, buffer_minutes: 0 }
    }

    fn starts(found: &[(i64, i64, Option<String>)]) -> Vec<i64> {
        found.iter().map(|(s, _, _)| *s / 60).collect()
    }

    #[test]
    fn gaps_between_busy_items_on_quarter_hours() {
        // Busy 9:10–10:00 and 10:30–12:00: free 9:00–9:10 (too short), 10:00–10:30.
        let found = free_slots(&utc_plan(vec![(9 * H + 600, 10 * H), (10 * H + 1800, 12 * H)], 30), Tz::UTC);
        assert_eq!(starts(&found), vec![10 * 60]);
        let found = free_slots(&utc_plan(vec![(9 * H + 600, 10 * H), (10 * H + 1800, 12 * H)], 15), Tz::UTC);
        assert_eq!(starts(&found), vec![10 * 60, 10 * 60 + 15]);
    }

    #[test]
    fn buffer_keeps_walking_time_around_busy_items() {
        let mut plan = utc_plan(vec![(9 * H, 10 * H), (11 * H, 12 * H)], 30);
        plan.buffer_minutes = 10;
        // Free 10:10–10:50: a 30-minute slot starting on a quarter hour: 10:15 only.
        assert_eq!(starts(&free_slots(&plan, Tz::UTC)), vec![10 * 60 + 15]);
        plan.buffer_minutes = 20;
        assert!(free_slots(&plan, Tz::UTC).is_empty(), "10:20–10:40 cannot hold 30 minutes");
    }

    #[test]
    fn breaks_come_first() {
        let mut plan = utc_plan(vec![], 30);
        plan.breaks.push((10 * H + 1800, 11 * H, "Coffee break".into()));
        let found = free_slots(&plan, Tz::UTC);
        // 10:15–10:45 is half in the break, 10:30–11:00 wholly: both count.
        assert_eq!(found[0], (10 * H + 900, 10 * H + 2700, Some("Coffee break".into())));
        assert_eq!(found[1], (10 * H + 1800, 11 * H, Some("Coffee break".into())));
        assert_eq!(found[2], (10 * H + 2700, 11 * H + 900, Some("Coffee break".into())));
        assert_eq!(found[3].2, None);
        let later: Vec<i64> = found[3..].iter().map(|(s, _, _)| *s).collect();
        assert!(later.windows(2).all(|w| w[0] < w[1]), "the rest in time order");
    }

    #[test]
    fn merged_overlapping_busy_items() {
        let plan = utc_plan(vec![(9 * H, 10 * H), (9 * H + 1800, 11 * H + 1800), (10 * H, 10 * H + 600)], 30);
        assert_eq!(starts(&free_slots(&plan, Tz::UTC)), vec![11 * 60 + 30]);
    }

    #[test]
    fn quarter_hours_follow_the_venue_clock_in_odd_offsets() {
        // Kathmandu is UTC+5:45. A window opening at 03:20 UTC (09:05 local)
        // starts at 09:15 local, which is 03:30 UTC: the venue's quarter hour,
        // not UTC's.
        let kathmandu: Tz = "Asia/Kathmandu".parse().unwrap();
        let day = 1_796_428_800; // 2026-12-05T00:00:00Z (Kathmandu was +5:30 in 1970)
        let plan = Plan {
            windows: vec![(day + 3 * H + 1200, day + 4 * H + 1200)],
            busy: vec![],
            breaks: vec![],
            minutes: 30,
            buffer_minutes: 0,
        };
        let first = free_slots(&plan, kathmandu)[0].0;
        assert_eq!(time::in_zone(first, kathmandu).format("%H:%M").to_string(), "09:15");
        assert_eq!(first - day, 3 * H + 1800);
    }
}
