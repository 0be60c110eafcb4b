//! Walking times (issue 17, "leave in time"): how long it takes to get from
//! one place of a congress to the next. The venue has one walking buffer
//! (Settings' buffer until the user sets one for this congress), and where
//! the user knows better, a pair of rooms has its own ("Hall A ↔ Room 6A:
//! 12 min"). The "Leave now" reminders add the walk from where the user
//! will be; a pair is the same either way round, and rooms are matched
//! without regard to case or surrounding spaces, as the program writes them.

use crate::error::FieldProblem;
use crate::ids::CongressId;
use crate::{CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The longest walk Hallway accepts, in minutes (as Settings' buffer).
pub const MAX_MINUTES: u16 = 120;

/// A congress's walking times, as Settings and the program screen show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WalkingTimes {
    /// The venue's walking buffer set for this congress, if any.
    pub venue_minutes: Option<u16>,
    /// Settings' buffer, used when the venue has none.
    pub default_minutes: u16,
    /// Pairs of rooms with a walk of their own, by first room then second.
    pub pairs: Vec<RoomWalk>,
    /// The rooms of the program, to choose pairs from.
    pub rooms: Vec<String>,
}

/// The walk between two rooms, either way round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RoomWalk {
    pub from: String,
    pub to: String,
    pub minutes: u16,
}

/// Reads the walking times of a congress.
pub async fn get(store: &Store, congress: CongressId) -> Result<WalkingTimes> {
    let venue: Option<Option<i64>> = sqlx::query_scalar("SELECT walk_minutes FROM congresses WHERE id = ?")
        .bind(congress)
        .fetch_optional(store.pool())
        .await?;
    let Some(venue) = venue else { return Err(CoreError::not_found("congress", congress)) };
    let default_minutes = crate::settings::get(store).await?.buffer_minutes;
    let pairs: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT room_a, room_b, minutes FROM walking_times WHERE congress_id = ? ORDER BY room_a, room_b",
    )
    .bind(congress)
    .fetch_all(store.pool())
    .await?;
    let rooms: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT trim(room) AS r FROM sessions WHERE congress_id = ? AND withdrawn = 0 \
         AND trim(coalesce(room, '')) <> '' ORDER BY r COLLATE NOCASE",
    )
    .bind(congress)
    .fetch_all(store.pool())
    .await?;
    Ok(WalkingTimes {
        venue_minutes: venue.map(minutes),
        default_minutes,
        pairs: pairs.into_iter().map(|(from, to, m)| RoomWalk { from, to, minutes: minutes(m) }).collect(),
        rooms,
    })
}

fn minutes(stored: i64) -> u16 {
    u16::try_from(stored).unwrap_or(MAX_MINUTES).min(MAX_MINUTES)
}

fn check_minutes(field: &'static str, value: u16) -> Result<()> {
    if value > MAX_MINUTES {
        return Err(CoreError::Invalid(vec![FieldProblem::new(field, "Keep a walk under two hours.")]));
    }
    Ok(())
}

/// Sets the venue's walking buffer for this congress; None goes back to Settings' buffer.
pub async fn set_venue(store: &Store, congress: CongressId, value: Option<u16>) -> Result<WalkingTimes> {
    if let Some(m) = value {
        check_minutes("venue_minutes", m)?;
    }
    let done = sqlx::query("UPDATE congresses SET walk_minutes = ? WHERE id = ?")
        .bind(value)
        .bind(congress)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("congress", congress));
    }
    get(store, congress).await
}

/// Sets the walk between two rooms (either way round); None forgets it.
pub async fn set_pair(
    store: &Store,
    congress: CongressId,
    one: &str,
    other: &str,
    value: Option<u16>,
) -> Result<WalkingTimes> {
    let (one, other) = (one.trim(), other.trim());
    let mut problems = Vec::new();
    if one.is_empty() {
        problems.push(FieldProblem::new("from", "Choose the first room."));
    }
    if other.is_empty() {
        problems.push(FieldProblem::new("to", "Choose the second room."));
    }
    if !one.is_empty() && one.to_lowercase() == other.to_lowercase() {
        problems.push(FieldProblem::new("to", "Choose two different rooms: within one room there is no walk."));
    }
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    if let Some(m) = value {
        check_minutes("minutes", m)?;
    }
    let (a, b) = if one <= other { (one, other) } else { (other, one) };
    let mut tx = store.pool().begin().await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM congresses WHERE id = ?").bind(congress).fetch_optional(&mut *tx).await?;
    if exists.is_none() {
        return Err(CoreError::not_found("congress", congress));
    }
    // One pair per two rooms whatever their case: forget any spelling of it first.
    sqlx::query(
        "DELETE FROM walking_times WHERE congress_id = ? AND \
         ((lower(room_a) = lower(?) AND lower(room_b) = lower(?)) OR (lower(room_a) = lower(?) AND lower(room_b) = lower(?)))",
    )
    .bind(congress)
    .bind(a)
    .bind(b)
    .bind(b)
    .bind(a)
    .execute(&mut *tx)
    .await?;
    if let Some(m) = value {
        sqlx::query("INSERT INTO walking_times (congress_id, room_a, room_b, minutes) VALUES (?, ?, ?, ?)")
            .bind(congress)
            .bind(a)
            .bind(b)
            .bind(m)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    get(store, congress).await
}

/// Walks looked up while reminders are worked out (one read per congress).
#[derive(Debug, Clone)]
pub(crate) struct Walks {
    buffer: u16,
    pairs: HashMap<(String, String), u16>,
}

fn key(room: &str) -> String {
    room.trim().to_lowercase()
}

impl Walks {
    pub(crate) async fn load(store: &Store, congress: CongressId) -> Result<Walks> {
        let times = get(store, congress).await?;
        let pairs = times
            .pairs
            .into_iter()
            .map(|p| {
                let (a, b) = (key(&p.from), key(&p.to));
                (if a <= b { (a, b) } else { (b, a) }, p.minutes)
            })
            .collect();
        Ok(Walks { buffer: times.venue_minutes.unwrap_or(times.default_minutes), pairs })
    }

    /// Minutes to walk from `from` (where the user will be; None when
    /// nothing comes before) to `to`: none within one room, a pair's own
    /// walk where known, else the venue's buffer.
    pub(crate) fn minutes(&self, from: Option<&str>, to: Option<&str>) -> u16 {
        let (Some(from), Some(to)) = (from.map(key), to.map(key)) else { return self.buffer };
        if from.is_empty() || to.is_empty() {
            return self.buffer;
        }
        if from == to {
            return 0;
        }
        let pair = if from <= to { (from, to) } else { (to, from) };
        self.pairs.get(&pair).copied().unwrap_or(self.buffer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walks(buffer: u16, pairs: &[(&str, &str, u16)]) -> Walks {
        Walks {
            buffer,
            pairs: pairs
                .iter()
                .map(|(a, b, m)| {
                    let (a, b) = (key(a), key(b));
                    (if a <= b { (a, b) } else { (b, a) }, *m)
                })
                .collect(),
        }
    }

    #[test]
    fn a_pair_is_the_same_either_way_and_case_does_not_matter() {
        let w = walks(10, &[("Hall A", "Room 6A", 12)]);
        assert_eq!(w.minutes(Some("Hall A"), Some("Room 6A")), 12);
        assert_eq!(w.minutes(Some("room 6a "), Some("hall a")), 12);
        assert_eq!(w.minutes(Some("Hall A"), Some("Hall B")), 10, "an unknown pair walks the venue's buffer");
        assert_eq!(w.minutes(Some("Hall B"), Some(" hall b")), 0, "no walk within one room");
        assert_eq!(w.minutes(None, Some("Hall B")), 10, "first of the day: the buffer");
        assert_eq!(w.minutes(Some("Hall B"), Some("")), 10);
    }
}
