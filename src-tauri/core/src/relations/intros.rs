//! Introductions: the ones I offer or owe (A to B, why; owed, made or
//! declined) and the ones made for me ("met through": who introduced me to
//! whom). Both people see it on their page; owed ones come with the
//! check-ins and after a congress. Deleting a person removes their
//! introductions both ways (`forget`); merging moves them (`relations::merge`).

use super::{parse_day, PersonRef};
use crate::ids::{CongressId, IntroductionId, PersonId};
use crate::text_enum::text_enum;
use crate::{time, CoreError, FieldProblem, Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

text_enum!(
    /// Where an introduction stands; "met through" ones are made.
    IntroStatus { Owed = "owed", Made = "made", Declined = "declined" }
);

/// "Introduce A to B": the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct IntroDraft {
    /// A: the person I introduce.
    pub person_id: PersonId,
    /// B: whom I introduce them to.
    pub to_person_id: PersonId,
    /// Owed when offered, made when done at once.
    pub status: IntroStatus,
    /// Why they should meet.
    pub note: String,
    /// The congress it was offered at, so it shows after that congress.
    pub congress_id: Option<CongressId>,
}

/// An introduction, as both people's pages and the owed list show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Introduction {
    pub id: IntroductionId,
    /// Mine: the person I introduce. Met through: the person I met.
    pub person: PersonRef,
    /// Mine: whom I introduce them to (`None` for "met through").
    pub to: Option<PersonRef>,
    /// Met through: who introduced me to `person` (`None` for mine).
    pub through: Option<PersonRef>,
    pub status: IntroStatus,
    pub note: String,
    pub congress_id: Option<CongressId>,
    pub congress_name: Option<String>,
    /// When it was offered (or, for "met through", recorded).
    pub offered_on: NaiveDate,
    /// When it was made or declined.
    pub closed_on: Option<NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: IntroductionId,
    person_id: PersonId,
    person_name: String,
    to_person_id: Option<PersonId>,
    to_name: Option<String>,
    through_person_id: Option<PersonId>,
    through_name: Option<String>,
    status: String,
    note: String,
    congress_id: Option<CongressId>,
    congress_name: Option<String>,
    offered_on: String,
    closed_on: Option<String>,
}

const SELECT: &str =
    "SELECT n.id, n.person_id, a.display_name AS person_name, n.to_person_id, b.display_name AS to_name, \
    n.through_person_id, t.display_name AS through_name, n.status, n.note, n.congress_id, c.name AS congress_name, \
    n.offered_on, n.closed_on FROM introductions n JOIN people a ON a.id = n.person_id \
    LEFT JOIN people b ON b.id = n.to_person_id LEFT JOIN people t ON t.id = n.through_person_id \
    LEFT JOIN congresses c ON c.id = n.congress_id";

fn person(id: Option<PersonId>, name: Option<String>) -> Option<PersonRef> {
    Some(PersonRef { id: id?, display_name: name? })
}

impl From<Row> for Introduction {
    fn from(r: Row) -> Introduction {
        Introduction {
            id: r.id,
            person: PersonRef { id: r.person_id, display_name: r.person_name },
            to: person(r.to_person_id, r.to_name),
            through: person(r.through_person_id, r.through_name),
            status: IntroStatus::parse(&r.status).unwrap_or(IntroStatus::Owed),
            note: r.note,
            congress_id: r.congress_id,
            congress_name: r.congress_name,
            offered_on: parse_day(&r.offered_on).unwrap_or_default(),
            closed_on: r.closed_on.as_deref().and_then(parse_day),
        }
    }
}

pub async fn get(store: &Store, id: IntroductionId) -> Result<Introduction> {
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE n.id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("introduction", id))?;
    Ok(row.into())
}

fn check_note(note: &str) -> Result<()> {
    if note.chars().count() > 2_000 {
        return Err(CoreError::Invalid(vec![FieldProblem::new("note", "Keep the note under 2,000 characters.")]));
    }
    Ok(())
}

/// Records an introduction I offer (owed) or made: A to B, on `today`.
pub async fn offer(store: &Store, draft: &IntroDraft, today: NaiveDate) -> Result<Introduction> {
    if draft.person_id == draft.to_person_id {
        return Err(CoreError::Invalid(vec![FieldProblem::new(
            "to_person_id",
            "Choose someone other than the person introduced.",
        )]));
    }
    check_note(&draft.note)?;
    crate::people::get(store, draft.person_id).await?;
    crate::people::get(store, draft.to_person_id).await?;
    if let Some(c) = draft.congress_id {
        crate::congress::get(store, c).await?;
    }
    if draft.status == IntroStatus::Owed {
        let owed: Option<IntroductionId> = sqlx::query_scalar(
            "SELECT id FROM introductions WHERE status = 'owed' AND \
             ((person_id = ?1 AND to_person_id = ?2) OR (person_id = ?2 AND to_person_id = ?1))",
        )
        .bind(draft.person_id)
        .bind(draft.to_person_id)
        .fetch_optional(store.pool())
        .await?;
        if let Some(id) = owed {
            return Err(CoreError::Conflict(format!("this introduction is already owed (introduction {id})")));
        }
    }
    let closed = (draft.status != IntroStatus::Owed).then(|| today.to_string());
    insert(
        store,
        draft.person_id,
        Some(draft.to_person_id),
        None,
        draft.status,
        &draft.note,
        draft.congress_id,
        today,
        closed,
    )
    .await
}

/// Records that `through` introduced me to `person` ("met through").
pub async fn met_through(
    store: &Store,
    person_id: PersonId,
    through: PersonId,
    note: &str,
    congress_id: Option<CongressId>,
    today: NaiveDate,
) -> Result<Introduction> {
    if person_id == through {
        return Err(CoreError::Invalid(vec![FieldProblem::new(
            "through_person_id",
            "Choose someone other than the person met.",
        )]));
    }
    check_note(note)?;
    crate::people::get(store, person_id).await?;
    crate::people::get(store, through).await?;
    let day = Some(today.to_string());
    insert(store, person_id, None, Some(through), IntroStatus::Made, note, congress_id, today, day).await
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    store: &Store,
    person_id: PersonId,
    to: Option<PersonId>,
    through: Option<PersonId>,
    status: IntroStatus,
    note: &str,
    congress_id: Option<CongressId>,
    today: NaiveDate,
    closed_on: Option<String>,
) -> Result<Introduction> {
    let now = time::now_seconds();
    let id: IntroductionId = sqlx::query_scalar(
        "INSERT INTO introductions (person_id, to_person_id, through_person_id, status, note, congress_id, \
         offered_on, closed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(person_id)
    .bind(to)
    .bind(through)
    .bind(status.as_str())
    .bind(note.trim())
    .bind(congress_id)
    .bind(today.to_string())
    .bind(closed_on)
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    get(store, id).await
}

/// Marks an introduction made or declined on `today` (or owed again).
pub async fn set_status(
    store: &Store,
    id: IntroductionId,
    status: IntroStatus,
    today: NaiveDate,
) -> Result<Introduction> {
    let done = sqlx::query("UPDATE introductions SET status = ?, closed_on = ?, updated_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind((status != IntroStatus::Owed).then(|| today.to_string()))
        .bind(time::now_seconds())
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("introduction", id));
    }
    get(store, id).await
}

/// Introductions I still owe, oldest offer first; with `congress`, only
/// those offered at it (the list after that congress).
pub async fn owed(store: &Store, congress: Option<CongressId>) -> Result<Vec<Introduction>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE n.status = 'owed' AND (?1 IS NULL OR n.congress_id = ?1) \
         AND a.deleted_at IS NULL AND b.deleted_at IS NULL ORDER BY n.offered_on, n.id"
    ))
    .bind(congress)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(Introduction::from).collect())
}

/// Every introduction a person is part of, either side or as introducer:
/// owed first, then the newest.
pub async fn for_person(store: &Store, person_id: PersonId) -> Result<Vec<Introduction>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE n.person_id = ?1 OR n.to_person_id = ?1 OR n.through_person_id = ?1 \
         ORDER BY n.status <> 'owed', n.offered_on DESC, n.id DESC"
    ))
    .bind(person_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(Introduction::from).collect())
}

pub async fn delete(store: &Store, id: IntroductionId) -> Result<()> {
    let done = sqlx::query("DELETE FROM introductions WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("introduction", id));
    }
    Ok(())
}

/// Removes every introduction `person_id` is part of (their deletion).
pub(crate) async fn forget(conn: &mut SqliteConnection, person_id: PersonId) -> Result<()> {
    sqlx::query("DELETE FROM introductions WHERE person_id = ?1 OR to_person_id = ?1 OR through_person_id = ?1")
        .bind(person_id)
        .execute(conn)
        .await?;
    Ok(())
}
