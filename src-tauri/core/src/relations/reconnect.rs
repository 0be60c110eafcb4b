//! Reconnect at the next congress: for one congress, the people I met or
//! talked to at earlier congresses (those that started before it) who are
//! in its program (speakers, chairs, poster presenters, authors) or are
//! already targets there, each with where and when we last met and what we
//! talked about, and one action (`adopt`) to make them a target.
//!
//! It starts from the few people met before (interactions by congress, done
//! meetings by congress) and looks each up in the program through
//! `session_people` by person, never walking the whole program: one pass
//! gives both who is in it and their parts.

use super::history::{self, Encounter};
use crate::ids::{CongressId, PersonId, SessionId, TargetId};
use crate::targets::{self, Priority, Target, TargetDraft, TargetStatus, Why};
use crate::{congress, time, Result, Store};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A person's part in the congress's program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProgramRole {
    pub session_id: SessionId,
    pub title: String,
    /// speaker, chair or author.
    pub role: String,
    pub starts_at: DateTime<FixedOffset>,
    pub room: Option<String>,
    /// The poster board, for a poster.
    pub board: Option<String>,
}

/// Someone to reconnect with at a congress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Reconnect {
    pub person_id: PersonId,
    pub display_name: String,
    pub institution: Option<String>,
    /// Where and when we last met at an earlier congress, and what we talked about.
    pub last_met: Encounter,
    /// Their talks, chairs and posters at this congress (none when only a target).
    pub roles: Vec<ProgramRole>,
    /// Their target at this congress, when they already are one.
    pub target_id: Option<TargetId>,
    pub target_status: Option<TargetStatus>,
}

/// Someone met before, as SQLite builds it: rows cross as one JSON array
/// (see `checkins::Member`).
#[derive(serde::Deserialize)]
struct Candidate(PersonId, String, Option<String>);

/// A part in the program: person, session, title, role, start, room, board.
#[derive(serde::Deserialize)]
struct RoleRow(PersonId, SessionId, String, String, i64, Option<String>, Option<String>);

fn json_rows<T: serde::de::DeserializeOwned>(text: Option<String>) -> Result<Vec<T>> {
    crate::store::json_rows(text, "reconnect")
}

/// The people to reconnect with at `congress_id`: not yet targets first,
/// then the most recently met.
pub async fn list(store: &Store, congress_id: CongressId) -> Result<Vec<Reconnect>> {
    let c = congress::get(store, congress_id).await?;
    let zone = time::zone_or_utc(&c.time_zone);
    let starts_on = c.starts_on.to_string();
    // The people met before, their parts in this program (one pass over
    // `session_people` for both), and who of them is in it or a target.
    let found: (Option<String>, Option<String>) = sqlx::query_as(
        "WITH earlier (id) AS (SELECT id FROM congresses WHERE starts_on < ?2 AND id <> ?1), \
         met (person_id) AS MATERIALIZED ( \
           SELECT i.person_id FROM earlier e JOIN interactions i ON i.congress_id = e.id \
           UNION \
           SELECT mp.person_id FROM earlier e JOIN meetings m ON m.congress_id = e.id \
             JOIN meeting_people mp ON mp.meeting_id = m.id WHERE m.status = 'done'), \
         roles AS MATERIALIZED ( \
           SELECT sp.person_id, s.id AS session_id, s.title, sp.role, s.starts_at, s.room, s.board \
           FROM met CROSS JOIN session_people sp ON sp.person_id = met.person_id \
           CROSS JOIN sessions s ON s.id = sp.session_id WHERE s.congress_id = ?1 AND s.withdrawn = 0) \
         SELECT (SELECT json_group_array(json_array(p.id, p.display_name, p.institution)) \
                 FROM met JOIN people p ON p.id = met.person_id \
                 WHERE p.deleted_at IS NULL AND p.merged_into IS NULL AND ( \
                   met.person_id IN (SELECT person_id FROM roles) \
                   OR EXISTS (SELECT 1 FROM targets t WHERE t.person_id = met.person_id AND t.congress_id = ?1))), \
                (SELECT json_group_array(json_array(person_id, session_id, title, role, starts_at, room, board)) \
                 FROM (SELECT * FROM roles ORDER BY starts_at, session_id))",
    )
    .bind(congress_id)
    .bind(&starts_on)
    .fetch_one(store.pool())
    .await?;
    let candidates: Vec<Candidate> = json_rows(found.0)?;
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<PersonId> = candidates.iter().map(|c| c.0).collect();
    let last: HashMap<PersonId, Encounter> =
        history::latest(history::encounters(store, &ids, Some(c.starts_on)).await?, &ids)
            .into_iter()
            .map(|e| (e.person_id, e))
            .collect();
    let mut roles_of: HashMap<PersonId, Vec<ProgramRole>> = HashMap::new();
    for RoleRow(person_id, session_id, title, role, starts_at, room, board) in json_rows(found.1)? {
        roles_of.entry(person_id).or_default().push(ProgramRole {
            session_id,
            title,
            role,
            starts_at: time::in_zone(starts_at, zone),
            room,
            board,
        });
    }
    let targets: HashMap<PersonId, (TargetId, String)> = sqlx::query_as::<_, (PersonId, TargetId, String)>(
        "SELECT person_id, id, status FROM targets WHERE congress_id = ?",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?
    .into_iter()
    .map(|(p, id, status)| (p, (id, status)))
    .collect();
    let mut out: Vec<Reconnect> = candidates
        .into_iter()
        .filter_map(|Candidate(person_id, display_name, institution)| {
            let last_met = last.get(&person_id)?.clone();
            let target = targets.get(&person_id);
            Some(Reconnect {
                roles: roles_of.remove(&person_id).unwrap_or_default(),
                person_id,
                display_name,
                institution,
                last_met,
                target_id: target.map(|(id, _)| *id),
                target_status: target.and_then(|(_, s)| TargetStatus::parse(s)),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.target_id
            .is_some()
            .cmp(&b.target_id.is_some())
            .then(b.last_met.on_day.cmp(&a.last_met.on_day))
            .then_with(|| a.display_name.to_lowercase().cmp(&b.display_name.to_lowercase()))
            .then(a.person_id.cmp(&b.person_id))
    });
    Ok(out)
}

/// The one action: makes `person_id` a target at `congress_id` (an idea,
/// for the reason they were a target before, with where we last met as the
/// reason). A person already a target there stays as they are.
pub async fn adopt(store: &Store, congress_id: CongressId, person_id: PersonId) -> Result<Target> {
    let existing: Option<TargetId> =
        sqlx::query_scalar("SELECT id FROM targets WHERE congress_id = ? AND person_id = ?")
            .bind(congress_id)
            .bind(person_id)
            .fetch_optional(store.pool())
            .await?;
    if let Some(id) = existing {
        return targets::get(store, id).await;
    }
    let c = congress::get(store, congress_id).await?;
    let why: Option<String> =
        sqlx::query_scalar("SELECT why FROM targets WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
            .bind(person_id)
            .fetch_optional(store.pool())
            .await?;
    let last = history::latest(history::encounters(store, &[person_id], Some(c.starts_on)).await?, &[person_id]);
    let reason = last
        .first()
        .map(|e| {
            let place = e.congress_name.clone().unwrap_or_else(|| e.on_day.to_string());
            let note: String = e.note.chars().take(160).collect();
            if note.is_empty() {
                format!("Met at {place}")
            } else {
                format!("Met at {place}: {note}")
            }
        })
        .unwrap_or_default();
    let draft = TargetDraft {
        priority: Priority::Should,
        why: why.as_deref().and_then(Why::parse).unwrap_or(Why::Other),
        status: TargetStatus::Idea,
        reason,
    };
    targets::set(store, congress_id, person_id, &draft).await
}
