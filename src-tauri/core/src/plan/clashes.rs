//! Clashes: two things on the agenda at once. The agenda is every session
//! marked attending and every meeting not cancelled;
//! two items clash when their times overlap by at least a minute. Items that
//! merely touch (one ends 10:30, the next starts 10:30) do not clash, and a
//! session never clashes with the talks it holds (attending the session and
//! one of its talks is one plan, not two). A talk attended inside a session
//! not attended counts with its own times.

use crate::ids::{CongressId, MeetingId, SessionId};
use crate::program::queries::congress_zone;
use crate::{time, Result, Store};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One item of the agenda, by what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum AgendaItem {
    Session(SessionId),
    Meeting(MeetingId),
}

/// One item on the agenda with its time, as clash and slot checks need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    pub item: AgendaItem,
    pub starts_at: i64,
    pub ends_at: i64,
    pub title: String,
}

/// The agenda of a congress: attending sessions (timed, not withdrawn) and
/// meetings not cancelled, in time order.
pub async fn agenda_items(store: &Store, congress_id: CongressId) -> Result<Vec<Busy>> {
    let sessions: Vec<(SessionId, i64, i64, String)> = sqlx::query_as(
        "SELECT id, starts_at, ends_at, title FROM sessions \
         WHERE congress_id = ? AND attendance = 'attending' AND withdrawn = 0 AND all_day = 0",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    let meetings: Vec<(MeetingId, i64, i64, String)> = sqlx::query_as(
        "SELECT id, starts_at, ends_at, title FROM meetings WHERE congress_id = ? AND status <> 'cancelled'",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    let mut items: Vec<Busy> = sessions
        .into_iter()
        .map(|(id, starts_at, ends_at, title)| Busy { item: AgendaItem::Session(id), starts_at, ends_at, title })
        .chain(meetings.into_iter().map(|(id, starts_at, ends_at, title)| Busy {
            item: AgendaItem::Meeting(id),
            starts_at,
            ends_at,
            title,
        }))
        .collect();
    items.sort_by_key(|b| (b.starts_at, b.ends_at));
    Ok(items)
}

/// Two agenda items that overlap, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Clash {
    pub first: AgendaItem,
    pub second: AgendaItem,
    pub overlap_starts_at: DateTime<FixedOffset>,
    pub overlap_ends_at: DateTime<FixedOffset>,
}

/// Every overlapping pair among `items` (start, end, what), in time order.
/// Sorted sweep: each item is compared only with those still running.
pub fn overlaps<T: Copy>(items: &mut [(i64, i64, T)]) -> Vec<(T, T, i64, i64)> {
    items.sort_by_key(|(start, end, _)| (*start, *end));
    let mut found = Vec::new();
    let mut running: Vec<(i64, i64, T)> = Vec::new();
    for &(start, end, item) in items.iter() {
        running.retain(|(_, other_end, _)| *other_end > start);
        for &(other_start, other_end, other) in &running {
            let (from, to) = (start.max(other_start), end.min(other_end));
            if to - from >= 60 {
                found.push((other, item, from, to));
            }
        }
        running.push((start, end, item));
    }
    found
}

/// The attending talks of a congress with the session holding each: a
/// session and its own talk are one plan, never a clash (the agenda, Today).
pub struct Held(HashSet<(SessionId, SessionId)>);

impl Held {
    pub async fn load(store: &Store, congress_id: CongressId) -> Result<Self> {
        let pairs = sqlx::query_as(
            "SELECT id, parent_id FROM sessions \
             WHERE congress_id = ? AND parent_id IS NOT NULL AND attendance = 'attending'",
        )
        .bind(congress_id)
        .fetch_all(store.pool())
        .await?;
        Ok(Self(pairs.into_iter().collect()))
    }

    /// Whether one of the two is a talk the other session holds.
    pub fn nested(&self, a: AgendaItem, b: AgendaItem) -> bool {
        match (a, b) {
            (AgendaItem::Session(a), AgendaItem::Session(b)) => self.0.contains(&(a, b)) || self.0.contains(&(b, a)),
            _ => false,
        }
    }
}

/// The clashes on a congress's agenda.
pub async fn agenda(store: &Store, congress_id: CongressId) -> Result<Vec<Clash>> {
    let zone = congress_zone(store, congress_id).await?;
    let mut items: Vec<(i64, i64, AgendaItem)> =
        agenda_items(store, congress_id).await?.into_iter().map(|b| (b.starts_at, b.ends_at, b.item)).collect();
    let held = Held::load(store, congress_id).await?;
    Ok(overlaps(&mut items)
        .into_iter()
        .filter(|&(first, second, _, _)| !held.nested(first, second))
        .map(|(first, second, from, to)| Clash {
            first,
            second,
            overlap_starts_at: time::in_zone(from, zone),
            overlap_ends_at: time::in_zone(to, zone),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::overlaps;

    #[test]
    fn overlapping_pairs_only() {
        let mut items = [(0, 3600, 'a'), (1800, 5400, 'b'), (3600, 7200, 'c'), (9000, 9030, 'd'), (9000, 9600, 'e')];
        let found = overlaps(&mut items);
        // a–b overlap 30 min; b–c 30 min; a and c only touch; d–e overlap
        // 30 s, under a minute: not a clash.
        assert_eq!(found, vec![('a', 'b', 1800, 3600), ('b', 'c', 3600, 5400)]);
    }

    #[test]
    fn one_long_item_clashes_with_each_inside_it() {
        let mut items = [(0, 10_000, 'x'), (100, 200, 'y'), (300, 400, 'z')];
        assert_eq!(overlaps(&mut items), vec![('x', 'y', 100, 200), ('x', 'z', 300, 400)]);
    }
}
