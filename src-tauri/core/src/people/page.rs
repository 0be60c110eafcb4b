//! Everything about one person on one page: their record, where they are a
//! target, their sessions at each congress (from the programs), and the
//! timeline of interactions. Meetings and follow-ups join as they arrive.

use super::interactions::{self, Interaction};
use super::queries::get;
use super::Person;
use crate::ids::{CongressId, PersonId, SessionId};
use crate::targets::{self, Target};
use crate::{time, Result, Store};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PersonSession {
    pub session_id: SessionId,
    pub congress_id: CongressId,
    pub congress_name: String,
    pub title: String,
    pub role: String,
    pub starts_at: DateTime<FixedOffset>,
    pub room: Option<String>,
    pub withdrawn: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PersonPage {
    pub person: Person,
    pub targets: Vec<Target>,
    pub sessions: Vec<PersonSession>,
    pub interactions: Vec<Interaction>,
    /// What is owed to them (and what was done), at every congress.
    pub follow_ups: Vec<crate::follow_ups::FollowUp>,
}

pub async fn page(store: &Store, id: PersonId) -> Result<PersonPage> {
    let person = get(store, id).await?;
    let target_ids: Vec<crate::ids::TargetId> =
        sqlx::query_scalar("SELECT id FROM targets WHERE person_id = ? ORDER BY created_at DESC")
            .bind(id)
            .fetch_all(store.pool())
            .await?;
    let mut found = Vec::with_capacity(target_ids.len());
    for target in target_ids {
        found.push(targets::get(store, target).await?);
    }
    let rows: Vec<SessionRow> = sqlx::query_as(
        "SELECT s.id, s.congress_id, c.name AS congress_name, s.title, sp.role, s.starts_at, s.room, s.withdrawn, \
                c.time_zone FROM session_people sp JOIN sessions s ON s.id = sp.session_id \
         JOIN congresses c ON c.id = s.congress_id WHERE sp.person_id = ? ORDER BY s.starts_at DESC",
    )
    .bind(id)
    .fetch_all(store.pool())
    .await?;
    let sessions = rows
        .into_iter()
        .map(|r| PersonSession {
            session_id: r.id,
            congress_id: r.congress_id,
            congress_name: r.congress_name,
            title: r.title,
            role: r.role,
            starts_at: time::in_zone(r.starts_at, time::zone_or_utc(&r.time_zone)),
            room: r.room,
            withdrawn: r.withdrawn,
        })
        .collect();
    Ok(PersonPage {
        person,
        targets: found,
        sessions,
        interactions: interactions::list(store, id).await?,
        follow_ups: crate::follow_ups::for_person(store, id).await?,
    })
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: SessionId,
    congress_id: CongressId,
    congress_name: String,
    title: String,
    role: String,
    starts_at: i64,
    room: Option<String>,
    withdrawn: bool,
    time_zone: String,
}
