//! Targets: the people I want to meet at one congress, why, how much, and
//! how far along it is (idea → contacted → scheduled → met → followed up, or
//! declined). The board shows who is left by priority; moving a target along
//! is one call.

use crate::ids::{CongressId, PersonId, PitchId, SessionId, TargetId};
use crate::program::queries::congress_zone;
use crate::text_enum::text_enum;
use crate::{time, CoreError, Result, Store};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

text_enum!(
    /// How much meeting this person matters.
    Priority { Must = "must", Should = "should", Nice = "nice" }
);
text_enum!(
    /// Why this person is worth meeting.
    Why {
        Mentor = "mentor",
        Collaborator = "collaborator",
        Peer = "peer",
        Industry = "industry",
        CooperativeGroup = "cooperative_group",
        Speaker = "speaker",
        Other = "other",
    }
);
text_enum!(
    /// How far along it is.
    TargetStatus {
        Idea = "idea",
        Contacted = "contacted",
        Scheduled = "scheduled",
        Met = "met",
        FollowedUp = "followed_up",
        Declined = "declined",
    }
);

impl TargetStatus {
    /// The next step along the way (followed up and declined are ends).
    pub fn next(self) -> TargetStatus {
        match self {
            TargetStatus::Idea => TargetStatus::Contacted,
            TargetStatus::Contacted => TargetStatus::Scheduled,
            TargetStatus::Scheduled => TargetStatus::Met,
            TargetStatus::Met | TargetStatus::FollowedUp => TargetStatus::FollowedUp,
            TargetStatus::Declined => TargetStatus::Declined,
        }
    }
}

/// The target form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct TargetDraft {
    pub priority: Priority,
    pub why: Why,
    pub status: TargetStatus,
    pub reason: String,
}

/// A person's next session at the congress (the talk to catch them after).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NextTalk {
    pub session_id: SessionId,
    pub title: String,
    pub starts_at: DateTime<FixedOffset>,
    pub room: Option<String>,
}

/// A person's poster at the congress: where it hangs (the board) and the
/// hour the presenter stands at it (the poster's own time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PosterSpot {
    pub session_id: SessionId,
    pub title: String,
    pub board: Option<String>,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub room: Option<String>,
}

/// A target with the person's essentials, as the board shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Target {
    pub id: TargetId,
    pub congress_id: CongressId,
    pub person_id: PersonId,
    pub display_name: String,
    pub institution: Option<String>,
    pub priority: Priority,
    pub why: Why,
    pub status: TargetStatus,
    pub reason: String,
    /// Their next talk (posters aside).
    pub next_talk: Option<NextTalk>,
    /// Their next poster, with its board and the presenter's hour.
    pub poster: Option<PosterSpot>,
    /// Out of the Today list until then.
    pub snoozed_until: Option<DateTime<FixedOffset>>,
    /// The pitch prepared for them.
    pub pitch_id: Option<PitchId>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: TargetId,
    congress_id: CongressId,
    person_id: PersonId,
    display_name: String,
    institution: Option<String>,
    priority: String,
    why: String,
    status: String,
    reason: String,
    next_id: Option<SessionId>,
    next_title: Option<String>,
    next_starts: Option<i64>,
    next_room: Option<String>,
    poster_id: Option<SessionId>,
    poster_title: Option<String>,
    poster_board: Option<String>,
    poster_starts: Option<i64>,
    poster_ends: Option<i64>,
    poster_room: Option<String>,
    snoozed_until: Option<i64>,
    pitch_id: Option<PitchId>,
}

// CROSS JOIN keeps SQLite on the person's few talks (session_people by
// person) instead of walking the whole program by time for every target:
// 100 targets over an ASH-scale program went from 500 ms to under 1 ms.
// A poster (an item with a board, or of the poster kind) is not a talk: it
// comes apart, with its board and the presenter's hour.
const SELECT: &str = "SELECT t.id, t.congress_id, t.person_id, p.display_name, p.institution, t.priority, t.why, \
    t.status, t.reason, n.id AS next_id, n.title AS next_title, n.starts_at AS next_starts, n.room AS next_room, \
    q.id AS poster_id, q.title AS poster_title, q.board AS poster_board, q.starts_at AS poster_starts, \
    q.ends_at AS poster_ends, q.room AS poster_room, \
    t.snoozed_until, t.pitch_id FROM targets t JOIN people p ON p.id = t.person_id \
    LEFT JOIN sessions n ON n.id = (SELECT s.id FROM session_people sp CROSS JOIN sessions s ON s.id = sp.session_id \
        WHERE sp.person_id = t.person_id AND s.congress_id = t.congress_id AND s.withdrawn = 0 AND s.ends_at > ?1 \
        AND s.board IS NULL AND s.kind IS NOT 'poster' ORDER BY s.starts_at LIMIT 1) \
    LEFT JOIN sessions q ON q.id = (SELECT s.id FROM session_people sp CROSS JOIN sessions s ON s.id = sp.session_id \
        WHERE sp.person_id = t.person_id AND s.congress_id = t.congress_id AND s.withdrawn = 0 AND s.ends_at > ?1 \
        AND (s.board IS NOT NULL OR s.kind = 'poster') ORDER BY s.starts_at LIMIT 1)";

/// Priority order for the board: must first; within it, the least advanced.
const ORDER: &str = "ORDER BY CASE t.priority WHEN 'must' THEN 0 WHEN 'should' THEN 1 ELSE 2 END, \
    CASE t.status WHEN 'idea' THEN 0 WHEN 'contacted' THEN 1 WHEN 'scheduled' THEN 2 WHEN 'met' THEN 3 \
    WHEN 'followed_up' THEN 4 ELSE 5 END, p.display_name COLLATE NOCASE";

fn to_target(row: Row, zone: chrono_tz::Tz) -> Target {
    Target {
        id: row.id,
        congress_id: row.congress_id,
        person_id: row.person_id,
        display_name: row.display_name,
        institution: row.institution,
        priority: Priority::parse(&row.priority).unwrap_or(Priority::Should),
        why: Why::parse(&row.why).unwrap_or(Why::Other),
        status: TargetStatus::parse(&row.status).unwrap_or(TargetStatus::Idea),
        reason: row.reason,
        next_talk: match (row.next_id, row.next_title, row.next_starts) {
            (Some(session_id), Some(title), Some(starts)) => {
                Some(NextTalk { session_id, title, starts_at: time::in_zone(starts, zone), room: row.next_room })
            }
            _ => None,
        },
        poster: match (row.poster_id, row.poster_title, row.poster_starts, row.poster_ends) {
            (Some(session_id), Some(title), Some(starts), Some(ends)) => Some(PosterSpot {
                session_id,
                title,
                board: row.poster_board,
                starts_at: time::in_zone(starts, zone),
                ends_at: time::in_zone(ends, zone),
                room: row.poster_room,
            }),
            _ => None,
        },
        snoozed_until: row.snoozed_until.map(|t| time::in_zone(t, zone)),
        pitch_id: row.pitch_id,
    }
}

/// Every target at a congress, must-meet first.
pub async fn list(store: &Store, congress_id: CongressId) -> Result<Vec<Target>> {
    list_at(store, congress_id, time::now_seconds()).await
}

/// The same, with next talks counted from `now` (Unix seconds).
pub async fn list_at(store: &Store, congress_id: CongressId, now: i64) -> Result<Vec<Target>> {
    let zone = congress_zone(store, congress_id).await?;
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE t.congress_id = ?2 AND p.deleted_at IS NULL AND p.merged_into IS NULL {ORDER}"
    ))
    .bind(now)
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(|r| to_target(r, zone)).collect())
}

pub async fn get(store: &Store, id: TargetId) -> Result<Target> {
    let congress_id: CongressId = sqlx::query_scalar("SELECT congress_id FROM targets WHERE id = ?")
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("target", id))?;
    let zone = congress_zone(store, congress_id).await?;
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE t.id = ?2"))
        .bind(time::now_seconds())
        .bind(id)
        .fetch_one(store.pool())
        .await?;
    Ok(to_target(row, zone))
}

/// Makes a person a target at a congress, or changes their target.
pub async fn set(store: &Store, congress_id: CongressId, person_id: PersonId, draft: &TargetDraft) -> Result<Target> {
    crate::people::queries::get(store, person_id).await?;
    let now = time::now_seconds();
    let id: TargetId = sqlx::query_scalar(
        "INSERT INTO targets (congress_id, person_id, priority, why, status, reason, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (congress_id, person_id) DO UPDATE SET \
         priority = excluded.priority, why = excluded.why, status = excluded.status, reason = excluded.reason, \
         updated_at = excluded.updated_at RETURNING id",
    )
    .bind(congress_id)
    .bind(person_id)
    .bind(draft.priority.as_str())
    .bind(draft.why.as_str())
    .bind(draft.status.as_str())
    .bind(draft.reason.trim())
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    get(store, id).await
}

/// Moves a target to `status` (the board's one action).
pub async fn set_status(store: &Store, id: TargetId, status: TargetStatus) -> Result<Target> {
    let done = sqlx::query("UPDATE targets SET status = ?, updated_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(time::now_seconds())
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("target", id));
    }
    get(store, id).await
}

/// Hides a target from Today until `until` (none: show it again now).
pub async fn snooze(store: &Store, id: TargetId, until: Option<DateTime<FixedOffset>>) -> Result<Target> {
    let done = sqlx::query("UPDATE targets SET snoozed_until = ?, updated_at = ? WHERE id = ?")
        .bind(until.map(|t| t.timestamp()))
        .bind(time::now_seconds())
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("target", id));
    }
    get(store, id).await
}

pub async fn remove(store: &Store, id: TargetId) -> Result<()> {
    let done = sqlx::query("DELETE FROM targets WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("target", id));
    }
    Ok(())
}
