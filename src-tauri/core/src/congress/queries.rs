//! Reading and writing congresses: list, get, create, update, delete, and
//! resolving what a user typed ("ASH26", "ASH 2026", "3") to one congress.

use super::draft::{check, CheckedDraft, CongressDraft};
use super::{Congress, Series};
use crate::ids::CongressId;
use crate::{time, CoreError, FieldProblem, Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(sqlx::FromRow)]
struct Row {
    id: CongressId,
    name: String,
    short_name: Option<String>,
    series: String,
    starts_on: String,
    ends_on: String,
    time_zone: String,
    city: Option<String>,
    venue: Option<String>,
    website: Option<String>,
    hashtags: String,
    notes: String,
}

impl From<Row> for Congress {
    fn from(row: Row) -> Self {
        // Dates were validated on the way in; a hand-edited file that broke
        // them shows the epoch rather than failing the whole list.
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        Congress {
            id: row.id,
            name: row.name,
            short_name: row.short_name,
            series: Series::parse(&row.series),
            starts_on: date(&row.starts_on),
            ends_on: date(&row.ends_on),
            time_zone: row.time_zone,
            city: row.city,
            venue: row.venue,
            website: row.website,
            hashtags: row.hashtags.split_whitespace().map(str::to_owned).collect(),
            notes: row.notes,
        }
    }
}

const COLUMNS: &str = "id, name, short_name, series, starts_on, ends_on, time_zone, city, venue, \
                       website, hashtags, notes";

/// All congresses, the most recent first.
pub async fn list(store: &Store) -> Result<Vec<Congress>> {
    let rows: Vec<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM congresses ORDER BY starts_on DESC, id DESC"))
        .fetch_all(store.pool())
        .await?;
    Ok(rows.into_iter().map(Congress::from).collect())
}

pub async fn get(store: &Store, id: CongressId) -> Result<Congress> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM congresses WHERE id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?;
    row.map(Congress::from).ok_or_else(|| CoreError::not_found("congress", id))
}

/// The congress a user means by `reference`: its id, its name or its short
/// name (case-insensitive). Several matches are an error, not a guess.
pub async fn resolve(store: &Store, reference: &str) -> Result<Congress> {
    let reference = reference.trim();
    if let Ok(id) = reference.parse::<i64>() {
        if let Ok(found) = get(store, CongressId(id)).await {
            return Ok(found);
        }
    }
    for column in ["name", "short_name"] {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM congresses WHERE {column} = ? COLLATE NOCASE ORDER BY id"))
                .bind(reference)
                .fetch_all(store.pool())
                .await?;
        match rows.len() {
            0 => continue,
            1 => return Ok(rows.into_iter().next().expect("one row").into()),
            n => return Err(CoreError::Conflict(format!("“{reference}” matches {n} congresses; use the id instead"))),
        }
    }
    Err(CoreError::not_found("congress", format!("“{reference}”")))
}

pub async fn create(store: &Store, draft: &CongressDraft) -> Result<Congress> {
    let checked = checked(store, draft, None).await?;
    let now = time::now_seconds();
    let id: CongressId = sqlx::query_scalar(
        "INSERT INTO congresses (name, short_name, series, starts_on, ends_on, time_zone, city, venue, \
         website, hashtags, notes, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&checked.name)
    .bind(&checked.short_name)
    .bind(checked.series.as_str())
    .bind(checked.starts_on.to_string())
    .bind(checked.ends_on.to_string())
    .bind(&checked.time_zone)
    .bind(&checked.city)
    .bind(&checked.venue)
    .bind(&checked.website)
    .bind(checked.hashtags.join(" "))
    .bind(&checked.notes)
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    get(store, id).await
}

pub async fn update(store: &Store, id: CongressId, draft: &CongressDraft) -> Result<Congress> {
    get(store, id).await?;
    let checked = checked(store, draft, Some(id)).await?;
    sqlx::query(
        "UPDATE congresses SET name = ?, short_name = ?, series = ?, starts_on = ?, ends_on = ?, \
         time_zone = ?, city = ?, venue = ?, website = ?, hashtags = ?, notes = ?, updated_at = ? \
         WHERE id = ?",
    )
    .bind(&checked.name)
    .bind(&checked.short_name)
    .bind(checked.series.as_str())
    .bind(checked.starts_on.to_string())
    .bind(checked.ends_on.to_string())
    .bind(&checked.time_zone)
    .bind(&checked.city)
    .bind(&checked.venue)
    .bind(&checked.website)
    .bind(checked.hashtags.join(" "))
    .bind(&checked.notes)
    .bind(time::now_seconds())
    .bind(id)
    .execute(store.pool())
    .await?;
    get(store, id).await
}

/// Deletes a congress with its program, targets, meetings, goals and
/// congress-specific pitches. People, and notes on them, stay.
pub async fn delete(store: &Store, id: CongressId) -> Result<()> {
    let done = sqlx::query("DELETE FROM congresses WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("congress", id));
    }
    Ok(())
}

/// What deleting a congress would take with it, for the confirmation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CongressContents {
    pub sessions: u32,
    pub targets: u32,
    pub meetings: u32,
    pub goals: u32,
    pub pitches: u32,
}

pub async fn contents(store: &Store, id: CongressId) -> Result<CongressContents> {
    get(store, id).await?;
    let (sessions, targets, meetings, goals, pitches): (i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM sessions WHERE congress_id = ?1), \
                (SELECT COUNT(*) FROM targets WHERE congress_id = ?1), \
                (SELECT COUNT(*) FROM meetings WHERE congress_id = ?1), \
                (SELECT COUNT(*) FROM goals WHERE congress_id = ?1), \
                (SELECT COUNT(*) FROM pitches WHERE congress_id = ?1)",
    )
    .bind(id)
    .fetch_one(store.pool())
    .await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(CongressContents {
        sessions: count(sessions),
        targets: count(targets),
        meetings: count(meetings),
        goals: count(goals),
        pitches: count(pitches),
    })
}

async fn checked(store: &Store, draft: &CongressDraft, editing: Option<CongressId>) -> Result<CheckedDraft> {
    let clashes = name_clashes(store, draft, editing).await?;
    match check(draft) {
        Ok(checked) if clashes.is_empty() => Ok(checked),
        Ok(_) => Err(CoreError::Invalid(clashes)),
        Err(mut problems) => {
            problems.extend(clashes);
            Err(CoreError::Invalid(problems))
        }
    }
}

/// Another congress already using this name or short name would make
/// `resolve` ambiguous, so both must be unique (ignoring case).
pub(super) async fn name_clashes(
    store: &Store,
    draft: &CongressDraft,
    editing: Option<CongressId>,
) -> Result<Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let exclude = editing.map_or(-1, |id| id.0);
    for (field, value) in [("name", draft.name.trim()), ("short_name", draft.short_name.trim())] {
        if value.is_empty() {
            continue;
        }
        let taken: Option<String> = sqlx::query_scalar(
            "SELECT name FROM congresses WHERE id <> ? AND (name = ?2 COLLATE NOCASE OR short_name = ?2 COLLATE NOCASE) LIMIT 1",
        )
        .bind(exclude)
        .bind(value)
        .fetch_optional(store.pool())
        .await?;
        if let Some(other) = taken {
            problems.push(FieldProblem::new(field, format!("“{other}” already uses “{value}”; choose another.")));
        }
    }
    Ok(problems)
}
