//! What the calendar file is made from, read straight from the tables:
//! meetings with their people, the sessions marked attending or maybe, and
//! the follow-ups still owed. Only the columns the export writes, in time
//! order, without the clash analysis `meetings::list` adds. Meetings and
//! their people, a thousand rows each in a full agenda, come as one JSON
//! array each (`store::json_rows`): row by row they were a third of an
//! export's time.

use super::ExportOptions;
use crate::ids::{CongressId, MeetingId};
use crate::store::json_rows;
use crate::{Result, Store};
use std::collections::HashMap;

/// Read from a JSON array in this order (`meetings` below).
#[derive(serde::Deserialize)]
pub(super) struct MeetingRow {
    pub(super) id: MeetingId,
    pub(super) congress_id: CongressId,
    pub(super) title: String,
    pub(super) purpose: String,
    pub(super) place: String,
    pub(super) status: String,
    pub(super) starts_at: i64,
    pub(super) ends_at: i64,
    pub(super) notes: String,
    pub(super) uid: String,
    pub(super) sequence: i64,
    pub(super) updated_at: i64,
}

pub(super) async fn meetings(store: &Store, filter: &str, value: i64) -> Result<Vec<MeetingRow>> {
    let sql = format!(
        "SELECT json_group_array(json_array(m.id, m.congress_id, m.title, m.purpose, m.place, m.status, \
         m.starts_at, m.ends_at, m.notes, m.uid, m.sequence, m.updated_at) ORDER BY m.starts_at, m.id) \
         FROM meetings m WHERE {filter}"
    );
    json_rows(sqlx::query_scalar(&sql).bind(value).fetch_one(store.pool()).await?, "meeting")
}

/// Each meeting's people as (name, institution), by name.
pub(super) async fn people(
    store: &Store,
    filter: &str,
    value: i64,
) -> Result<HashMap<MeetingId, Vec<(String, Option<String>)>>> {
    let sql = format!(
        "SELECT json_group_array(json_array(mp.meeting_id, p.display_name, p.institution) \
         ORDER BY p.display_name COLLATE NOCASE) FROM meeting_people mp \
         JOIN meetings m ON m.id = mp.meeting_id JOIN people p ON p.id = mp.person_id WHERE {filter}"
    );
    let rows: Vec<(MeetingId, String, Option<String>)> =
        json_rows(sqlx::query_scalar(&sql).bind(value).fetch_one(store.pool()).await?, "meeting people")?;
    let mut map: HashMap<MeetingId, Vec<(String, Option<String>)>> = HashMap::new();
    for (meeting, name, institution) in rows {
        map.entry(meeting).or_default().push((name, institution));
    }
    Ok(map)
}

#[derive(sqlx::FromRow)]
pub(super) struct SessionRow {
    pub(super) key: String,
    pub(super) title: String,
    pub(super) starts_at: i64,
    pub(super) ends_at: i64,
    pub(super) all_day: bool,
    pub(super) room: Option<String>,
    pub(super) track: Option<String>,
    pub(super) abstract_number: Option<String>,
    pub(super) description: String,
    pub(super) url: Option<String>,
    pub(super) speakers: String,
    pub(super) withdrawn: bool,
    pub(super) attendance: String,
    pub(super) user_notes: String,
    pub(super) sequence: i64,
    pub(super) updated_at: i64,
}

pub(super) async fn sessions(
    store: &Store,
    congress_id: CongressId,
    options: &ExportOptions,
) -> Result<Vec<SessionRow>> {
    let marks = match (options.sessions, options.maybes) {
        (true, true) => "('attending', 'maybe')",
        (true, false) => "('attending')",
        _ => "('maybe')",
    };
    let withdrawn = if options.cancelled { "" } else { "AND withdrawn = 0" };
    let sql = format!(
        "SELECT key, title, starts_at, ends_at, all_day, room, track, abstract_number, description, url, speakers, \
         withdrawn, attendance, user_notes, sequence, updated_at FROM sessions \
         WHERE congress_id = ? AND attendance IN {marks} {withdrawn} ORDER BY +starts_at, id"
    );
    // `+starts_at`: ordering by the plain column lets SQLite walk the whole
    // program by sessions_by_time (9,000 lookups on ASH-scale data) rather
    // than take the few marked sessions from sessions_attending and sort
    // them (4.5 ms → 0.3 ms).
    Ok(sqlx::query_as(&sql).bind(congress_id).fetch_all(store.pool()).await?)
}

#[derive(sqlx::FromRow)]
pub(super) struct FollowUpRow {
    pub(super) due_at: i64,
    pub(super) channel: String,
    pub(super) draft: String,
    pub(super) uid: String,
    pub(super) sequence: i64,
    pub(super) updated_at: i64,
    pub(super) display_name: String,
    pub(super) email: Option<String>,
}

/// Follow-ups still owed from this congress (directly or through a meeting).
pub(super) async fn follow_ups(store: &Store, congress_id: CongressId) -> Result<Vec<FollowUpRow>> {
    Ok(sqlx::query_as(
        "SELECT f.due_at, f.channel, f.draft, f.uid, f.sequence, f.updated_at, p.display_name, p.email \
         FROM follow_ups f JOIN people p ON p.id = f.person_id LEFT JOIN meetings m ON m.id = f.meeting_id \
         WHERE f.status = 'owed' AND (f.congress_id = ?1 OR m.congress_id = ?1) ORDER BY f.due_at, f.id",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?)
}
