//! Contact logged in one step: "emailed", "called", "video", "met",
//! "message", on a day, with a line of notes. Each is an interaction (the
//! same timeline as the notes on a person's page) with its kind and its
//! calendar day, and it resets the person's check-in. Unlike a note logged
//! from Today, it drafts no follow-up: it is the contact.
//!
//! Every interaction has its day (`on_day`): the day given here, or for a
//! note logged with a time, the day that time falls on in the congress's
//! zone (else the user's). Interactions from before days were kept get
//! theirs the same way when the database is opened (`fill_days`).

use super::{day_in, home_zone, parse_day};
use crate::ids::{CongressId, InteractionId, MeetingId, PersonId};
use crate::text_enum::text_enum;
use crate::{time, CoreError, FieldProblem, Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// How a contact happened. `note` is a note logged without saying how
    /// (the person page's notes); at a congress or a meeting it is `met`.
    InteractionKind {
        Note = "note",
        Met = "met",
        Email = "email",
        Call = "call",
        Video = "video",
        Message = "message",
    }
);

/// The "log a contact" form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ContactDraft {
    pub person_id: PersonId,
    pub kind: InteractionKind,
    /// The day it happened; never after today.
    pub on_day: NaiveDate,
    /// The congress it happened at, if any.
    pub congress_id: Option<CongressId>,
    /// A line of notes; may be empty ("emailed" says enough).
    pub note: String,
}

/// An interaction with its kind and day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Contact {
    pub id: InteractionId,
    pub person_id: PersonId,
    pub kind: InteractionKind,
    pub on_day: NaiveDate,
    pub congress_id: Option<CongressId>,
    pub congress_name: Option<String>,
    pub meeting_id: Option<MeetingId>,
    pub note: String,
}

/// The longest note of a logged contact ("a line of notes", generously).
const MAX_NOTE_CHARS: usize = 2_000;

/// Logs a contact. A day after `today` is refused: log it once it happened.
pub async fn log(store: &Store, draft: &ContactDraft, today: NaiveDate) -> Result<Contact> {
    let mut problems = Vec::new();
    if draft.on_day > today {
        problems.push(FieldProblem::new(
            "on_day",
            format!("{} is in the future (today is {today}): log a contact once it has happened.", draft.on_day),
        ));
    }
    if draft.note.chars().count() > MAX_NOTE_CHARS {
        problems.push(FieldProblem::new("note", "Keep the note under 2,000 characters."));
    }
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    crate::people::get(store, draft.person_id).await?;
    // Noon that day at the congress (or in UTC): the timeline's instant,
    // on the same date in every zone within ±11 hours.
    let noon = draft.on_day.and_hms_opt(12, 0, 0).expect("noon exists");
    let occurred_at = match draft.congress_id {
        Some(id) => {
            let zone = crate::program::queries::congress_zone(store, id).await?;
            time::local_seconds(noon, zone)
        }
        None => noon.and_utc().timestamp(),
    };
    let now = time::now_seconds();
    let id: InteractionId = sqlx::query_scalar(
        "INSERT INTO interactions (person_id, congress_id, occurred_at, note, kind, on_day, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(draft.person_id)
    .bind(draft.congress_id)
    .bind(occurred_at)
    .bind(draft.note.trim())
    .bind(draft.kind.as_str())
    .bind(draft.on_day.to_string())
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    get(store, id).await
}

#[derive(sqlx::FromRow)]
struct Row {
    id: InteractionId,
    person_id: PersonId,
    kind: String,
    on_day: Option<String>,
    occurred_at: i64,
    congress_id: Option<CongressId>,
    congress_name: Option<String>,
    meeting_id: Option<MeetingId>,
    note: String,
}

const SELECT: &str = "SELECT i.id, i.person_id, i.kind, i.on_day, i.occurred_at, i.congress_id, \
    c.name AS congress_name, i.meeting_id, i.note FROM interactions i LEFT JOIN congresses c ON c.id = i.congress_id";

impl From<Row> for Contact {
    fn from(r: Row) -> Contact {
        Contact {
            id: r.id,
            person_id: r.person_id,
            kind: InteractionKind::parse(&r.kind).unwrap_or(InteractionKind::Note),
            on_day: r.on_day.as_deref().and_then(parse_day).unwrap_or_else(|| day_in(r.occurred_at, None)),
            congress_id: r.congress_id,
            congress_name: r.congress_name,
            meeting_id: r.meeting_id,
            note: r.note,
        }
    }
}

pub async fn get(store: &Store, id: InteractionId) -> Result<Contact> {
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE i.id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("interaction", id))?;
    Ok(row.into())
}

/// A person's contacts and notes, newest day first.
pub async fn list(store: &Store, person_id: PersonId) -> Result<Vec<Contact>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE i.person_id = ? ORDER BY i.on_day DESC, i.occurred_at DESC, i.id DESC"
    ))
    .bind(person_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(Contact::from).collect())
}

/// The day an interaction at `occurred_at` is on: in the congress's zone
/// when it was at one, else in the user's (`relations::today`'s rule).
pub(crate) async fn day_for(store: &Store, occurred_at: i64, congress_id: Option<CongressId>) -> Result<NaiveDate> {
    let zone = match congress_id {
        Some(id) => Some(crate::program::queries::congress_zone(store, id).await?),
        None => home_zone(store).await?,
    };
    Ok(day_in(occurred_at, zone))
}

/// Gives every interaction still without a day its day (rows from before
/// migration 0012); run when the database opens. Returns how many.
pub async fn fill_days(store: &Store) -> Result<u64> {
    let rows: Vec<(InteractionId, i64, Option<String>)> = sqlx::query_as(
        "SELECT i.id, i.occurred_at, c.time_zone FROM interactions i \
         LEFT JOIN congresses c ON c.id = i.congress_id WHERE i.on_day IS NULL",
    )
    .fetch_all(store.pool())
    .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let home = home_zone(store).await?;
    let mut tx = store.begin_write().await?;
    for (id, occurred_at, zone) in &rows {
        let zone = zone.as_deref().map(time::zone_or_utc).or(home);
        sqlx::query("UPDATE interactions SET on_day = ? WHERE id = ? AND on_day IS NULL")
            .bind(day_in(*occurred_at, zone).to_string())
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len() as u64)
}
