//! Row counts per table: what `hallway-cli stats` prints, and a quick way for
//! tests and benchmarks to see what an operation wrote.

use crate::{Result, Store};
use serde::Serialize;
use std::collections::BTreeMap;

/// The user-data tables, in the order they are reported.
pub const TABLES: [&str; 12] = [
    "congresses",
    "sessions",
    "people",
    "person_emails",
    "session_people",
    "targets",
    "meetings",
    "meeting_people",
    "pitches",
    "goals",
    "interactions",
    "follow_ups",
];

/// Table name → number of rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Stats(pub BTreeMap<String, u64>);

pub async fn collect(store: &Store) -> Result<Stats> {
    let mut counts = BTreeMap::new();
    for table in TABLES {
        // Table names come from the constant above, never from input.
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(store.pool()).await?;
        counts.insert(table.to_owned(), u64::try_from(n).unwrap_or_default());
    }
    Ok(Stats(counts))
}
