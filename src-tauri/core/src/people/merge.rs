//! Merging two records of the same person (a speaker from the program and a
//! contact from LinkedIn, say). Everything that points at the absorbed
//! record moves to the kept one — talks, targets, meetings, notes,
//! follow-ups, emails, the contacts-file cards and rows it came from, value
//! given, introductions and the shorter of two cadences — empty
//! fields are filled from it, and it is kept hidden (`merged_into`) rather
//! than deleted, so nothing is lost.

use super::queries::get;
use super::Person;
use crate::ids::PersonId;
use crate::{time, CoreError, Result, Store};

/// Status order, to keep the more advanced of two targets at one congress.
const STATUS_RANK: &str =
    "CASE status WHEN 'idea' THEN 0 WHEN 'contacted' THEN 1 WHEN 'scheduled' THEN 2 WHEN 'met' THEN 3 \
     WHEN 'followed_up' THEN 4 ELSE -1 END";

pub async fn merge(store: &Store, keep: PersonId, absorb: PersonId) -> Result<Person> {
    if keep == absorb {
        return Err(CoreError::Conflict("a person cannot be merged with themselves".into()));
    }
    get(store, keep).await?;
    get(store, absorb).await?;
    let mut tx = store.begin_write().await?;

    // Links with a composite key: move what does not already exist.
    for table in ["session_people", "meeting_people", "person_emails", "person_sources"] {
        sqlx::query(&format!("UPDATE OR IGNORE {table} SET person_id = ?1 WHERE person_id = ?2"))
            .bind(keep)
            .bind(absorb)
            .execute(&mut *tx)
            .await?;
        sqlx::query(&format!("DELETE FROM {table} WHERE person_id = ?")).bind(absorb).execute(&mut *tx).await?;
    }
    // Targets: at a congress where both are targets, keep the further along.
    sqlx::query(&format!(
        "DELETE FROM targets WHERE id IN ( \
           SELECT a.id FROM targets a JOIN targets k ON k.congress_id = a.congress_id \
           WHERE a.person_id = ?2 AND k.person_id = ?1 \
             AND (SELECT {STATUS_RANK} FROM targets WHERE id = a.id) <= (SELECT {STATUS_RANK} FROM targets WHERE id = k.id))"
    ))
    .bind(keep)
    .bind(absorb)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "DELETE FROM targets WHERE person_id = ?1 AND congress_id IN (SELECT congress_id FROM targets WHERE person_id = ?2)",
    )
    .bind(keep)
    .bind(absorb)
    .execute(&mut *tx)
    .await?;
    for table in ["targets", "interactions", "follow_ups"] {
        sqlx::query(&format!("UPDATE {table} SET person_id = ?1 WHERE person_id = ?2"))
            .bind(keep)
            .bind(absorb)
            .execute(&mut *tx)
            .await?;
    }
    // Value given, introductions, cadences (the shorter wins), snoozes.
    crate::relations::merge::carry(&mut tx, keep, absorb).await?;
    // Fill the kept record's gaps; join notes and tags.
    sqlx::query(
        "UPDATE people SET \
           given_name = COALESCE(given_name, (SELECT given_name FROM people WHERE id = ?2)), \
           middle_name = COALESCE(middle_name, (SELECT middle_name FROM people WHERE id = ?2)), \
           family_name = COALESCE(family_name, (SELECT family_name FROM people WHERE id = ?2)), \
           honorific = COALESCE(honorific, (SELECT honorific FROM people WHERE id = ?2)), \
           credentials = COALESCE(credentials, (SELECT credentials FROM people WHERE id = ?2)), \
           institution = COALESCE(institution, (SELECT institution FROM people WHERE id = ?2)), \
           position = COALESCE(position, (SELECT position FROM people WHERE id = ?2)), \
           city = COALESCE(city, (SELECT city FROM people WHERE id = ?2)), \
           country = COALESCE(country, (SELECT country FROM people WHERE id = ?2)), \
           email = COALESCE(email, (SELECT email FROM people WHERE id = ?2)), \
           phone = COALESCE(phone, (SELECT phone FROM people WHERE id = ?2)), \
           linkedin_url = COALESCE(linkedin_url, (SELECT linkedin_url FROM people WHERE id = ?2)), \
           x_handle = COALESCE(x_handle, (SELECT x_handle FROM people WHERE id = ?2)), \
           bluesky_handle = COALESCE(bluesky_handle, (SELECT bluesky_handle FROM people WHERE id = ?2)), \
           orcid = COALESCE(orcid, (SELECT orcid FROM people WHERE id = ?2)), \
           tags = trim(tags || ' ' || (SELECT tags FROM people WHERE id = ?2)), \
           notes = trim(notes || char(10) || char(10) || (SELECT notes FROM people WHERE id = ?2), char(10)), \
           updated_at = ?3 \
         WHERE id = ?1",
    )
    .bind(keep)
    .bind(absorb)
    .bind(time::now_seconds())
    .execute(&mut *tx)
    .await?;
    super::queries::refresh_emails_text(&mut tx, keep).await?;
    sqlx::query("UPDATE people SET merged_into = ?1, deleted_at = ?3 WHERE id = ?2")
        .bind(keep)
        .bind(absorb)
        .bind(time::now_seconds())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    get(store, keep).await
}
