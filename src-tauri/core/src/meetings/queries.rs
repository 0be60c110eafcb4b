//! Reading and writing meetings, and what a meeting does to its targets:
//! booking one moves an idea or contacted target to scheduled, marking it
//! done moves the target to met, and cancelling the last live meeting with a
//! scheduled target moves it back to contacted. Each write is one transaction.

use super::{Meeting, MeetingClash, MeetingDraft, MeetingKind, MeetingPerson, MeetingStatus};
use crate::follow_ups::{self, FollowUp};
use crate::ids::{CongressId, MeetingId, PersonId};
use crate::plan::clashes::{agenda_items, overlaps, AgendaItem};
use crate::program::queries::congress_zone;
use crate::targets::TargetStatus;
use crate::{time, CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use sqlx::{Sqlite, Transaction};
use std::collections::HashMap;

/// A meeting after a status change, and the targets it moved along.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct StatusChange {
    pub meeting: Meeting,
    pub moved: Vec<MovedTarget>,
    /// Follow-ups drafted because the meeting is now done.
    pub follow_ups: Vec<FollowUp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MovedTarget {
    pub person_id: PersonId,
    pub display_name: String,
    pub from: TargetStatus,
    pub to: TargetStatus,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: MeetingId,
    congress_id: CongressId,
    title: String,
    purpose: String,
    place: String,
    kind: String,
    status: String,
    starts_at: i64,
    ends_at: i64,
    notes: String,
    uid: String,
    sequence: i64,
}

const SELECT: &str = "SELECT id, congress_id, title, purpose, place, kind, status, starts_at, ends_at, notes, uid, \
    sequence FROM meetings";

/// Every meeting of a congress in time order, with people and clashes.
pub async fn list(store: &Store, congress_id: CongressId) -> Result<Vec<Meeting>> {
    let rows = rows_of(store, congress_id).await?;
    assemble(store, congress_id, rows, Clashes::Find).await
}

/// Every meeting of a congress in time order, with people but `clashes`
/// left empty: for a caller that sweeps the agenda itself (Today, which
/// reads the attending sessions anyway), so the agenda is not read twice.
pub async fn list_without_clashes(store: &Store, congress_id: CongressId) -> Result<Vec<Meeting>> {
    let rows = rows_of(store, congress_id).await?;
    assemble(store, congress_id, rows, Clashes::Leave).await
}

async fn rows_of(store: &Store, congress_id: CongressId) -> Result<Vec<Row>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE congress_id = ? ORDER BY starts_at, id"))
        .bind(congress_id)
        .fetch_all(store.pool())
        .await?)
}

/// Whether `assemble` finds each meeting's clashes.
#[derive(PartialEq)]
enum Clashes {
    Find,
    Leave,
}

pub async fn get(store: &Store, id: MeetingId) -> Result<Meeting> {
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("meeting", id))?;
    let congress_id = row.congress_id;
    let mut found = assemble(store, congress_id, vec![row], Clashes::Find).await?;
    Ok(found.remove(0))
}

async fn assemble(store: &Store, congress_id: CongressId, rows: Vec<Row>, find: Clashes) -> Result<Vec<Meeting>> {
    let zone = congress_zone(store, congress_id).await?;
    let mut people = people_of(store, congress_id).await?;
    let mut clashes = if find == Clashes::Find { clash_map(store, congress_id, zone).await? } else { HashMap::new() };
    Ok(rows
        .into_iter()
        .map(|r| Meeting {
            id: r.id,
            congress_id: r.congress_id,
            title: r.title,
            purpose: r.purpose,
            place: r.place,
            kind: MeetingKind::parse(&r.kind).unwrap_or(MeetingKind::OneToOne),
            status: MeetingStatus::parse(&r.status).unwrap_or(MeetingStatus::Proposed),
            starts_at: time::in_zone(r.starts_at, zone),
            ends_at: time::in_zone(r.ends_at, zone),
            minutes: u32::try_from((r.ends_at - r.starts_at) / 60).unwrap_or(0),
            notes: r.notes,
            people: people.remove(&r.id).unwrap_or_default(),
            clashes: clashes.remove(&r.id).unwrap_or_default(),
            uid: r.uid,
            sequence: u32::try_from(r.sequence).unwrap_or(0),
        })
        .collect())
}

async fn people_of(store: &Store, congress_id: CongressId) -> Result<HashMap<MeetingId, Vec<MeetingPerson>>> {
    type PersonRow = (MeetingId, PersonId, String, Option<String>, Option<String>);
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT mp.meeting_id, p.id, p.display_name, p.institution, t.status FROM meeting_people mp \
         JOIN meetings m ON m.id = mp.meeting_id JOIN people p ON p.id = mp.person_id \
         LEFT JOIN targets t ON t.person_id = p.id AND t.congress_id = m.congress_id \
         WHERE m.congress_id = ? ORDER BY p.display_name COLLATE NOCASE",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    let mut map: HashMap<MeetingId, Vec<MeetingPerson>> = HashMap::new();
    for (meeting, id, display_name, institution, status) in rows {
        map.entry(meeting).or_default().push(MeetingPerson {
            id,
            display_name,
            institution,
            target_status: status.as_deref().and_then(TargetStatus::parse),
        });
    }
    Ok(map)
}

/// Each live meeting's clashes with the rest of the agenda.
async fn clash_map(
    store: &Store,
    congress_id: CongressId,
    zone: chrono_tz::Tz,
) -> Result<HashMap<MeetingId, Vec<MeetingClash>>> {
    let items = agenda_items(store, congress_id).await?;
    let titles: HashMap<AgendaItem, String> = items.iter().map(|b| (b.item, b.title.clone())).collect();
    let mut spans: Vec<(i64, i64, AgendaItem)> = items.iter().map(|b| (b.starts_at, b.ends_at, b.item)).collect();
    let mut map: HashMap<MeetingId, Vec<MeetingClash>> = HashMap::new();
    for (first, second, from, to) in overlaps(&mut spans) {
        for (me, other) in [(first, second), (second, first)] {
            if let AgendaItem::Meeting(id) = me {
                map.entry(id).or_default().push(MeetingClash {
                    with: other,
                    title: titles.get(&other).cloned().unwrap_or_default(),
                    overlap_starts_at: time::in_zone(from, zone),
                    overlap_ends_at: time::in_zone(to, zone),
                });
            }
        }
    }
    Ok(map)
}

/// What a meeting at `starts_local` for `minutes` would overlap, before it is
/// saved (the form's live warning). `except` is the meeting being edited.
pub async fn clashes_for(
    store: &Store,
    congress_id: CongressId,
    except: Option<MeetingId>,
    starts_local: chrono::NaiveDateTime,
    minutes: u32,
) -> Result<Vec<MeetingClash>> {
    let zone = congress_zone(store, congress_id).await?;
    let start = time::local_seconds(starts_local, zone);
    let end = start + i64::from(minutes.max(1)) * 60;
    Ok(agenda_items(store, congress_id)
        .await?
        .into_iter()
        .filter(|b| except.is_none_or(|id| b.item != AgendaItem::Meeting(id)))
        .filter_map(|b| {
            let (from, to) = (start.max(b.starts_at), end.min(b.ends_at));
            (to - from >= 60).then(|| MeetingClash {
                with: b.item,
                title: b.title,
                overlap_starts_at: time::in_zone(from, zone),
                overlap_ends_at: time::in_zone(to, zone),
            })
        })
        .collect())
}

async fn checked(store: &Store, draft: &MeetingDraft) -> Result<(i64, i64)> {
    let problems = draft.check();
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    let zone = congress_zone(store, draft.congress_id).await?;
    for &person in &draft.people {
        crate::people::get(store, person).await?;
    }
    let start = time::local_seconds(draft.starts_local, zone);
    Ok((start, start + i64::from(draft.minutes) * 60))
}

pub async fn create(store: &Store, draft: &MeetingDraft) -> Result<StatusChange> {
    let (start, end) = checked(store, draft).await?;
    let now = time::now_seconds();
    let mut tx = store.begin_write().await?;
    let id: MeetingId = sqlx::query_scalar(
        "INSERT INTO meetings (congress_id, title, purpose, place, kind, status, starts_at, ends_at, notes, uid, \
         sequence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id",
    )
    .bind(draft.congress_id)
    .bind(draft.title.trim())
    .bind(draft.purpose.trim())
    .bind(draft.place.trim())
    .bind(draft.kind.as_str())
    .bind(draft.status.as_str())
    .bind(start)
    .bind(end)
    .bind(draft.notes.trim())
    .bind(format!("{}@hallway.app", uuid::Uuid::new_v4()))
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    set_people(&mut tx, id, &draft.people).await?;
    let moved = move_targets(&mut tx, id, draft.status).await?;
    tx.commit().await?;
    finish(store, id, moved).await
}

/// Replaces every field of a meeting. SEQUENCE rises when what a calendar
/// shows (time, place, title, status) changes, so re-exports update it.
pub async fn update(store: &Store, id: MeetingId, draft: &MeetingDraft) -> Result<StatusChange> {
    let old = get(store, id).await?;
    if old.congress_id != draft.congress_id {
        return Err(CoreError::Invalid(vec![crate::FieldProblem::new(
            "congress_id",
            "A meeting stays with its congress; create a new one for another congress.",
        )]));
    }
    let (start, end) = checked(store, draft).await?;
    let changed = old.starts_at.timestamp() != start
        || old.ends_at.timestamp() != end
        || old.title != draft.title.trim()
        || old.place != draft.place.trim()
        || old.status != draft.status;
    let mut tx = store.begin_write().await?;
    sqlx::query(
        "UPDATE meetings SET title = ?, purpose = ?, place = ?, kind = ?, status = ?, starts_at = ?, ends_at = ?, \
         notes = ?, sequence = sequence + ?, updated_at = ? WHERE id = ?",
    )
    .bind(draft.title.trim())
    .bind(draft.purpose.trim())
    .bind(draft.place.trim())
    .bind(draft.kind.as_str())
    .bind(draft.status.as_str())
    .bind(start)
    .bind(end)
    .bind(draft.notes.trim())
    .bind(i64::from(changed))
    .bind(time::now_seconds())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let before: Vec<PersonId> = old.people.iter().map(|p| p.id).collect();
    set_people(&mut tx, id, &draft.people).await?;
    let mut moved = move_targets(&mut tx, id, draft.status).await?;
    // People taken off the meeting may no longer have anything booked.
    let dropped: Vec<PersonId> = before.into_iter().filter(|p| !draft.people.contains(p)).collect();
    moved.extend(unschedule(&mut tx, draft.congress_id, &dropped).await?);
    tx.commit().await?;
    finish(store, id, moved).await
}

/// Moves a meeting to `status` (done, cancelled...) and its targets with it.
pub async fn set_status(store: &Store, id: MeetingId, status: MeetingStatus) -> Result<StatusChange> {
    let old = get(store, id).await?;
    let mut tx = store.begin_write().await?;
    sqlx::query("UPDATE meetings SET status = ?, sequence = sequence + ?, updated_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind(i64::from(old.status != status))
        .bind(time::now_seconds())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let moved = move_targets(&mut tx, id, status).await?;
    tx.commit().await?;
    finish(store, id, moved).await
}

/// The answer to a write: the meeting as stored and, once it is done, the
/// follow-ups it calls for (drafted once per person).
async fn finish(store: &Store, id: MeetingId, moved: Vec<MovedTarget>) -> Result<StatusChange> {
    let meeting = get(store, id).await?;
    let follow_ups =
        if meeting.status == MeetingStatus::Done { follow_ups::for_meeting(store, id).await? } else { Vec::new() };
    Ok(StatusChange { meeting, moved, follow_ups })
}

/// Deletes a meeting; a target it had scheduled with nothing else booked
/// goes back to contacted.
pub async fn delete(store: &Store, id: MeetingId) -> Result<Vec<MovedTarget>> {
    let old = get(store, id).await?;
    let mut tx = store.begin_write().await?;
    sqlx::query("DELETE FROM meetings WHERE id = ?").bind(id).execute(&mut *tx).await?;
    let people: Vec<PersonId> = old.people.iter().map(|p| p.id).collect();
    let moved = unschedule(&mut tx, old.congress_id, &people).await?;
    tx.commit().await?;
    Ok(moved)
}

/// Sets or clears when to be reminded of a meeting.
pub async fn set_reminder(
    store: &Store,
    id: MeetingId,
    remind_at: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> Result<()> {
    let done = sqlx::query("UPDATE meetings SET remind_at = ?, updated_at = ? WHERE id = ?")
        .bind(remind_at.map(|t| t.timestamp()))
        .bind(time::now_seconds())
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("meeting", id));
    }
    Ok(())
}

async fn set_people(tx: &mut Transaction<'_, Sqlite>, id: MeetingId, people: &[PersonId]) -> Result<()> {
    sqlx::query("DELETE FROM meeting_people WHERE meeting_id = ?").bind(id).execute(&mut **tx).await?;
    for &person in people {
        sqlx::query("INSERT OR IGNORE INTO meeting_people (meeting_id, person_id) VALUES (?, ?)")
            .bind(id)
            .bind(person)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The targets of a meeting's people, as (target id, person, name, status).
async fn targets_of(
    tx: &mut Transaction<'_, Sqlite>,
    congress_id: CongressId,
    people: &[PersonId],
) -> Result<Vec<(i64, PersonId, String, String)>> {
    let mut found = Vec::new();
    for &person in people {
        let row: Option<(i64, PersonId, String, String)> = sqlx::query_as(
            "SELECT t.id, t.person_id, p.display_name, t.status FROM targets t JOIN people p ON p.id = t.person_id \
             WHERE t.congress_id = ? AND t.person_id = ?",
        )
        .bind(congress_id)
        .bind(person)
        .fetch_optional(&mut **tx)
        .await?;
        found.extend(row);
    }
    Ok(found)
}

async fn set_target(
    tx: &mut Transaction<'_, Sqlite>,
    (id, person_id, display_name, from): (i64, PersonId, String, TargetStatus),
    to: TargetStatus,
) -> Result<MovedTarget> {
    sqlx::query("UPDATE targets SET status = ?, updated_at = ? WHERE id = ?")
        .bind(to.as_str())
        .bind(time::now_seconds())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(MovedTarget { person_id, display_name, from, to })
}

/// Applies what a meeting in `status` means for its people's targets.
async fn move_targets(
    tx: &mut Transaction<'_, Sqlite>,
    id: MeetingId,
    status: MeetingStatus,
) -> Result<Vec<MovedTarget>> {
    let congress_id: CongressId =
        sqlx::query_scalar("SELECT congress_id FROM meetings WHERE id = ?").bind(id).fetch_one(&mut **tx).await?;
    let people: Vec<PersonId> = sqlx::query_scalar("SELECT person_id FROM meeting_people WHERE meeting_id = ?")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
    if status == MeetingStatus::Cancelled {
        return unschedule(tx, congress_id, &people).await;
    }
    let mut moved = Vec::new();
    for (target, person, name, text) in targets_of(tx, congress_id, &people).await? {
        let Some(from) = TargetStatus::parse(&text) else { continue };
        let to = match (status, from) {
            (MeetingStatus::Done, TargetStatus::Idea | TargetStatus::Contacted | TargetStatus::Scheduled) => {
                TargetStatus::Met
            }
            (MeetingStatus::Proposed | MeetingStatus::Confirmed, TargetStatus::Idea | TargetStatus::Contacted) => {
                TargetStatus::Scheduled
            }
            _ => continue,
        };
        moved.push(set_target(tx, (target, person, name, from), to).await?);
    }
    Ok(moved)
}

/// Scheduled targets among `people` with no live meeting left at the
/// congress go back to contacted.
async fn unschedule(
    tx: &mut Transaction<'_, Sqlite>,
    congress_id: CongressId,
    people: &[PersonId],
) -> Result<Vec<MovedTarget>> {
    let mut moved = Vec::new();
    for (target, person, name, text) in targets_of(tx, congress_id, people).await? {
        if TargetStatus::parse(&text) != Some(TargetStatus::Scheduled) {
            continue;
        }
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM meetings m JOIN meeting_people mp ON mp.meeting_id = m.id \
             WHERE m.congress_id = ? AND mp.person_id = ? AND m.status IN ('proposed', 'confirmed')",
        )
        .bind(congress_id)
        .bind(person)
        .fetch_one(&mut **tx)
        .await?;
        if live == 0 {
            moved.push(set_target(tx, (target, person, name, TargetStatus::Scheduled), TargetStatus::Contacted).await?);
        }
    }
    Ok(moved)
}
