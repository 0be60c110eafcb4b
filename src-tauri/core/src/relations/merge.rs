//! What a merge of two people does to their relationship records (inside
//! `people::merge`'s transaction): value given and introductions move to the
//! kept person (an introduction between the two is dropped: it would
//! introduce someone to themselves); the shorter of two own cadences wins
//! (a cadence beats `off`); the kept person's snooze and notices stay, the
//! absorbed one's go. Interactions move with the rest of the merge, so both
//! histories and last contacts are kept.

use super::cadence::{Cadence, CadenceUnit};
use crate::ids::PersonId;
use crate::Result;
use sqlx::SqliteConnection;

pub(crate) async fn carry(conn: &mut SqliteConnection, keep: PersonId, absorb: PersonId) -> Result<()> {
    sqlx::query("UPDATE value_given SET person_id = ?1 WHERE person_id = ?2")
        .bind(keep)
        .bind(absorb)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM introductions WHERE person_id IN (?1, ?2) \
         AND (to_person_id IN (?1, ?2) OR through_person_id IN (?1, ?2))",
    )
    .bind(keep)
    .bind(absorb)
    .execute(&mut *conn)
    .await?;
    for column in ["person_id", "to_person_id", "through_person_id"] {
        sqlx::query(&format!("UPDATE introductions SET {column} = ?1 WHERE {column} = ?2"))
            .bind(keep)
            .bind(absorb)
            .execute(&mut *conn)
            .await?;
    }

    let own = |id: PersonId| {
        sqlx::query_as::<_, (i64, String, String)>("SELECT every, unit, set_on FROM cadences WHERE person_id = ?")
            .bind(id)
    };
    let kept = own(keep).fetch_optional(&mut *conn).await?;
    let absorbed = own(absorb).fetch_optional(&mut *conn).await?;
    let cadence = |row: &(i64, String, String)| {
        CadenceUnit::parse(&row.1).map(|unit| Cadence { every: u32::try_from(row.0).unwrap_or(u32::MAX), unit })
    };
    let take_absorbed = match (&kept, &absorbed) {
        (None, Some(_)) => true,
        (Some(k), Some(a)) => match (cadence(k), cadence(a)) {
            (None, Some(_)) => true,
            (Some(k), Some(a)) => a.is_shorter_than(k),
            _ => false,
        },
        _ => false,
    };
    if take_absorbed {
        sqlx::query("DELETE FROM cadences WHERE person_id = ?").bind(keep).execute(&mut *conn).await?;
        sqlx::query("UPDATE cadences SET person_id = ?1 WHERE person_id = ?2")
            .bind(keep)
            .bind(absorb)
            .execute(&mut *conn)
            .await?;
    } else {
        sqlx::query("DELETE FROM cadences WHERE person_id = ?").bind(absorb).execute(&mut *conn).await?;
    }
    for table in ["check_in_snoozes", "check_in_notices"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE person_id = ?")).bind(absorb).execute(&mut *conn).await?;
    }
    Ok(())
}
