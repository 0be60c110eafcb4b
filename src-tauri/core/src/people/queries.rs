//! Reading and writing people: create, edit, page through, search as you
//! type, delete with undo.

use super::model::{check, handle, normalise_orcid, optional, split_emails, Person, PersonDraft};
use super::name::{display_name, name_key};
use crate::ids::PersonId;
use crate::{search, time, CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

/// A person as lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, sqlx::FromRow)]
pub struct PersonSummary {
    pub id: PersonId,
    pub display_name: String,
    pub institution: Option<String>,
    pub position: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub email: Option<String>,
    pub tags: String,
}

/// One page of the people list, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PeoplePage {
    pub total: u32,
    pub offset: u32,
    pub people: Vec<PersonSummary>,
}

const SUMMARY: &str = "id, display_name, institution, position, city, country, email, tags";
const LIVE: &str = "deleted_at IS NULL AND merged_into IS NULL";

pub async fn get(store: &Store, id: PersonId) -> Result<Person> {
    let mut person: Person = sqlx::query_as(
        "SELECT id, display_name, given_name, middle_name, family_name, honorific, credentials, institution, position, city, \
         country, email, phone, linkedin_url, x_handle, bluesky_handle, orcid, tags, notes, source \
         FROM people WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(store.pool())
    .await?
    .ok_or_else(|| CoreError::not_found("person", id))?;
    person.emails = sqlx::query_scalar("SELECT email FROM person_emails WHERE person_id = ? ORDER BY rowid")
        .bind(id)
        .fetch_all(store.pool())
        .await?;
    Ok(person)
}

/// People in alphabetical order, `limit` from `offset`.
pub async fn page(store: &Store, offset: u32, limit: u32) -> Result<PeoplePage> {
    let total: i64 =
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM people WHERE {LIVE}")).fetch_one(store.pool()).await?;
    let people = sqlx::query_as(&format!(
        "SELECT {SUMMARY} FROM people WHERE {LIVE} ORDER BY display_name COLLATE NOCASE, id LIMIT ? OFFSET ?"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(store.pool())
    .await?;
    Ok(PeoplePage { total: u32::try_from(total).unwrap_or(u32::MAX), offset, people })
}

/// Beyond this many matches (the first keystrokes of a search), ranking them
/// all costs more than it tells: the first ones found come back, by name.
const RANKED_AT_MOST: i64 = 500;

/// What a people search found, and in which order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PeopleMatches {
    pub people: Vec<PersonSummary>,
    /// Best match first; false when more than 500 matched (the first
    /// keystrokes) and the first ones found come by name (the list says which).
    pub best_first: bool,
}

/// People matching what was typed (any field, prefixes, accents ignored):
/// best first, or by name when the words are still too broad to rank.
pub async fn search(store: &Store, typed: &str, limit: u32) -> Result<Vec<PersonSummary>> {
    Ok(search_matches(store, typed, limit).await?.people)
}

/// [`search`] with the order it chose. One statement decides (counting at
/// most 501 matches) and returns the people as one JSON array: two
/// statements and 200 rows handed over one by one from SQLite's thread
/// (about 7 µs each) cost about 2 ms a keystroke on a 2-core machine, as
/// much as the search itself.
pub async fn search_matches(store: &Store, typed: &str, limit: u32) -> Result<PeopleMatches> {
    let Some(query) = search::fts_query(typed) else {
        return Ok(PeopleMatches { people: Vec::new(), best_first: true });
    };
    let object = SUMMARY.split(", ").map(|c| format!("'{c}', p.{c}")).collect::<Vec<_>>().join(", ");
    let columns = SUMMARY.split(", ").map(|c| format!("p.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "WITH n(matches) AS (SELECT COUNT(*) FROM (SELECT rowid FROM people_fts WHERE people_fts MATCH ?1 LIMIT ?3)) \
         SELECT n.matches < ?3, CASE WHEN n.matches >= ?3 \
         THEN (SELECT json_group_array(json_object({object})) FROM ( \
                 SELECT {columns} FROM (SELECT rowid FROM people_fts WHERE people_fts MATCH ?1 LIMIT ?2 * 2) f \
                 JOIN people p ON p.id = f.rowid WHERE p.deleted_at IS NULL AND p.merged_into IS NULL \
                 ORDER BY p.display_name COLLATE NOCASE, p.id LIMIT ?2) p) \
         ELSE (SELECT json_group_array(json_object({object})) FROM ( \
                 SELECT {columns} FROM people_fts JOIN people p ON p.id = people_fts.rowid \
                 WHERE people_fts MATCH ?1 AND p.deleted_at IS NULL AND p.merged_into IS NULL \
                 ORDER BY rank LIMIT ?2) p) END FROM n"
    );
    let (best_first, found): (bool, Option<String>) =
        sqlx::query_as(&sql).bind(query).bind(limit).bind(RANKED_AT_MOST + 1).fetch_one(store.pool()).await?;
    Ok(PeopleMatches { people: crate::store::json_rows(found, "people search")?, best_first })
}

/// The stored shape of a checked draft.
pub(crate) struct Fields {
    pub display_name: String,
    pub name_key: String,
    pub given_name: Option<String>,
    pub middle_name: Option<String>,
    pub family_name: Option<String>,
    pub honorific: Option<String>,
    pub credentials: Option<String>,
    pub institution: Option<String>,
    pub position: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub x_handle: Option<String>,
    pub bluesky_handle: Option<String>,
    pub orcid: Option<String>,
    pub tags: String,
    pub notes: String,
}

pub(crate) fn fields(draft: &PersonDraft) -> Result<Fields> {
    let problems = check(draft);
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    let display = optional(&draft.display_name).unwrap_or_else(|| {
        [&draft.given_name, &draft.middle_name, &draft.family_name]
            .iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    });
    let display = display_name(&display);
    Ok(Fields {
        name_key: name_key(&display),
        display_name: display,
        given_name: optional(&draft.given_name),
        middle_name: optional(&draft.middle_name),
        family_name: optional(&draft.family_name),
        honorific: optional(&draft.honorific),
        credentials: optional(&draft.credentials),
        institution: optional(&draft.institution),
        position: optional(&draft.position),
        city: optional(&draft.city),
        country: optional(&draft.country),
        emails: split_emails(&draft.emails),
        phone: optional(&draft.phone),
        linkedin_url: optional(&draft.linkedin_url),
        x_handle: handle(&draft.x_handle),
        bluesky_handle: handle(&draft.bluesky_handle),
        orcid: optional(&draft.orcid).and_then(|o| normalise_orcid(&o)),
        tags: draft.tags.split_whitespace().collect::<Vec<_>>().join(" "),
        notes: draft.notes.trim().to_owned(),
    })
}

/// The editable columns, in the order `bind_fields` binds them.
const FIELD_COLUMNS: [&str; 19] = [
    "display_name",
    "name_key",
    "given_name",
    "middle_name",
    "family_name",
    "honorific",
    "credentials",
    "institution",
    "position",
    "city",
    "country",
    "email",
    "phone",
    "linkedin_url",
    "x_handle",
    "bluesky_handle",
    "orcid",
    "tags",
    "notes",
];

type Query<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

/// Binds `f` to the next 19 placeholders, in `FIELD_COLUMNS` order.
fn bind_fields<'q>(query: Query<'q>, f: &'q Fields) -> Query<'q> {
    query
        .bind(&f.display_name)
        .bind(&f.name_key)
        .bind(&f.given_name)
        .bind(&f.middle_name)
        .bind(&f.family_name)
        .bind(&f.honorific)
        .bind(&f.credentials)
        .bind(&f.institution)
        .bind(&f.position)
        .bind(&f.city)
        .bind(&f.country)
        .bind(f.emails.first())
        .bind(&f.phone)
        .bind(&f.linkedin_url)
        .bind(&f.x_handle)
        .bind(&f.bluesky_handle)
        .bind(&f.orcid)
        .bind(&f.tags)
        .bind(&f.notes)
}

pub(crate) async fn insert(conn: &mut SqliteConnection, f: &Fields, source: &str) -> Result<PersonId> {
    let now = time::now_seconds();
    let sql = format!(
        "INSERT INTO people ({}, source, created_at, updated_at) VALUES ({}?, ?, ?)",
        FIELD_COLUMNS.join(", "),
        "?, ".repeat(FIELD_COLUMNS.len())
    );
    let done = bind_fields(sqlx::query(&sql), f).bind(source).bind(now).bind(now).execute(&mut *conn).await?;
    let id = PersonId(done.last_insert_rowid());
    set_emails(conn, id, &f.emails).await?;
    Ok(id)
}

pub(crate) async fn set_emails(conn: &mut SqliteConnection, id: PersonId, emails: &[String]) -> Result<()> {
    sqlx::query("DELETE FROM person_emails WHERE person_id = ?").bind(id).execute(&mut *conn).await?;
    for email in emails {
        sqlx::query("INSERT OR IGNORE INTO person_emails (person_id, email) VALUES (?, ?)")
            .bind(id)
            .bind(email)
            .execute(&mut *conn)
            .await?;
    }
    refresh_emails_text(conn, id).await
}

/// Keeps the searchable copy of every email in step with `person_emails`.
pub(crate) async fn refresh_emails_text(conn: &mut SqliteConnection, id: PersonId) -> Result<()> {
    sqlx::query(
        "UPDATE people SET emails_text = COALESCE((SELECT group_concat(email, ' ') FROM person_emails \
         WHERE person_id = ?1), '') WHERE id = ?1",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn create(store: &Store, draft: &PersonDraft) -> Result<Person> {
    let f = fields(draft)?;
    let mut tx = store.begin_write().await?;
    let id = insert(&mut tx, &f, "manual").await?;
    tx.commit().await?;
    get(store, id).await
}

pub async fn update(store: &Store, id: PersonId, draft: &PersonDraft) -> Result<Person> {
    get(store, id).await?;
    let f = fields(draft)?;
    let mut tx = store.begin_write().await?;
    let sql = format!(
        "UPDATE people SET {}, updated_at = ? WHERE id = ?",
        FIELD_COLUMNS.iter().map(|c| format!("{c} = ?")).collect::<Vec<_>>().join(", ")
    );
    bind_fields(sqlx::query(&sql), &f).bind(time::now_seconds()).bind(id).execute(&mut *tx).await?;
    set_emails(&mut tx, id, &f.emails).await?;
    tx.commit().await?;
    get(store, id).await
}

/// Hides a person (and so their targets, talks and notes) until `restore`.
/// Their introductions go for good, both ways: an introduction to someone
/// deleted is not one to make.
pub async fn delete(store: &Store, id: PersonId) -> Result<()> {
    let mut tx = store.begin_write().await?;
    let done = sqlx::query("UPDATE people SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(time::now_seconds())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("person", id));
    }
    crate::relations::intros::forget(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Undoes `delete`.
pub async fn restore(store: &Store, id: PersonId) -> Result<Person> {
    let done = sqlx::query("UPDATE people SET deleted_at = NULL WHERE id = ? AND merged_into IS NULL")
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("deleted person", id));
    }
    get(store, id).await
}

/// Live people whose email (any of theirs) or display name is exactly
/// `reference`, ignoring case: how the CLI and imports name someone.
pub async fn find_by_email_or_name(store: &Store, reference: &str) -> Result<Vec<PersonId>> {
    let ids = sqlx::query_scalar(&format!(
        "SELECT DISTINCT p.id FROM people p LEFT JOIN person_emails e ON e.person_id = p.id \
         WHERE {LIVE} AND (p.display_name = ?1 COLLATE NOCASE OR lower(e.email) = lower(?1)) ORDER BY p.id"
    ))
    .bind(reference)
    .fetch_all(store.pool())
    .await?;
    Ok(ids)
}
