//! Interactions: dated notes on a person ("met at poster 1234, asked about
//! their CAR-T data"), optionally tied to a congress, shown as a timeline
//! across the years.

use crate::ids::{CongressId, InteractionId, MeetingId, PersonId};
use crate::{time, CoreError, FieldProblem, Result, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Interaction {
    pub id: InteractionId,
    pub person_id: PersonId,
    pub congress_id: Option<CongressId>,
    /// The congress's name, for the timeline.
    pub congress_name: Option<String>,
    pub occurred_at: DateTime<Utc>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct InteractionDraft {
    pub person_id: PersonId,
    pub congress_id: Option<CongressId>,
    /// The meeting it came from, when it did.
    pub meeting_id: Option<MeetingId>,
    /// When it happened; now if not given.
    pub occurred_at: Option<DateTime<Utc>>,
    pub note: String,
}

pub async fn add(store: &Store, draft: &InteractionDraft) -> Result<Interaction> {
    if draft.note.trim().is_empty() {
        return Err(CoreError::Invalid(vec![FieldProblem::new("note", "Write what happened, even briefly.")]));
    }
    super::queries::get(store, draft.person_id).await?;
    let now = time::now_seconds();
    let occurred_at = draft.occurred_at.map_or(now, |t| t.timestamp());
    // Its calendar day (relations::contacts), and how: at a congress or a
    // meeting a note is of a conversation there.
    let on_day = crate::relations::contacts::day_for(store, occurred_at, draft.congress_id).await?;
    let kind = if draft.congress_id.is_some() || draft.meeting_id.is_some() { "met" } else { "note" };
    let id: InteractionId = sqlx::query_scalar(
        "INSERT INTO interactions (person_id, congress_id, meeting_id, occurred_at, note, kind, on_day, created_at, \
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(draft.person_id)
    .bind(draft.congress_id)
    .bind(draft.meeting_id)
    .bind(occurred_at)
    .bind(draft.note.trim())
    .bind(kind)
    .bind(on_day.to_string())
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    // A conversation at a congress is something to follow up on.
    crate::follow_ups::for_interaction(store, id).await?;
    Ok(list(store, draft.person_id).await?.into_iter().find(|i| i.id == id).expect("just inserted"))
}

/// A person's interactions, newest first.
pub async fn list(store: &Store, person_id: PersonId) -> Result<Vec<Interaction>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT i.id, i.person_id, i.congress_id, c.name AS congress_name, i.occurred_at, i.note \
         FROM interactions i LEFT JOIN congresses c ON c.id = i.congress_id \
         WHERE i.person_id = ? ORDER BY i.occurred_at DESC, i.id DESC",
    )
    .bind(person_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Interaction {
            id: r.id,
            person_id: r.person_id,
            congress_id: r.congress_id,
            congress_name: r.congress_name,
            occurred_at: time::instant(r.occurred_at),
            note: r.note,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct Row {
    id: InteractionId,
    person_id: PersonId,
    congress_id: Option<CongressId>,
    congress_name: Option<String>,
    occurred_at: i64,
    note: String,
}

pub async fn delete(store: &Store, id: InteractionId) -> Result<()> {
    let done = sqlx::query("DELETE FROM interactions WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("interaction", id));
    }
    Ok(())
}
