//! Reading the program: every session of a congress (the CLI and the
//! planners; the webview reads it by day through `rows`), full-text search,
//! one session's detail with its people, and the attending/maybe marks.

use super::{Attendance, Session, SessionKind};
use crate::congress;
use crate::ids::{CongressId, PersonId, SessionId};
use crate::{search, time, CoreError, Result, Store};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// The columns of a session that every read of the program shares
/// (`session_columns!` here, `rows::SELECT` for the lean rows), in that order.
#[derive(sqlx::FromRow)]
pub(super) struct Columns {
    pub(super) id: SessionId,
    pub(super) key: String,
    pub(super) title: String,
    pub(super) kind: String,
    pub(super) starts_at: i64,
    pub(super) ends_at: i64,
    pub(super) all_day: bool,
    pub(super) room: Option<String>,
    pub(super) track: Option<String>,
    pub(super) abstract_number: Option<String>,
    pub(super) speakers: String,
    pub(super) withdrawn: bool,
    pub(super) attendance: Option<String>,
    pub(super) source_format: Option<String>,
    pub(super) parent_id: Option<SessionId>,
    pub(super) board: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    c: Columns,
    target_ids: Option<String>,
}

impl Row {
    fn into_session(self, zone: Tz) -> Session {
        let Row { c, target_ids } = self;
        Session {
            id: c.id,
            key: c.key,
            title: c.title,
            kind: SessionKind::parse(&c.kind),
            starts_at: time::in_zone(c.starts_at, zone),
            ends_at: time::in_zone(c.ends_at, zone),
            all_day: c.all_day,
            room: c.room,
            track: c.track,
            abstract_number: c.abstract_number,
            speakers: super::speaker_names(&c.speakers),
            withdrawn: c.withdrawn,
            attendance: c.attendance.as_deref().and_then(Attendance::parse),
            target_ids: target_ids
                .unwrap_or_default()
                .split(',')
                .filter_map(|id| id.parse().ok().map(PersonId))
                .collect(),
            sample: c.source_format.as_deref() == Some("sample"),
            parent_id: c.parent_id,
            board: c.board,
        }
    }
}

/// The session columns both reads below share, in `Row`'s order.
macro_rules! session_columns {
    () => {
        "SELECT s.id, s.key, s.title, s.kind, s.starts_at, s.ends_at, s.all_day, s.room, s.track, \
         s.abstract_number, s.speakers, s.withdrawn, s.attendance, s.source_format, s.parent_id, s.board, "
    };
}

/// One session (add `WHERE`): its targets looked up through its own links.
const SELECT: &str = concat!(
    session_columns!(),
    "(SELECT group_concat(sp.person_id) FROM session_people sp \
        JOIN targets t ON t.person_id = sp.person_id AND t.congress_id = s.congress_id \
       WHERE sp.session_id = s.id) AS target_ids \
     FROM sessions s"
);

/// A whole congress (`?1`): the targets' sessions gathered once from the few
/// targets, rather than probing every session's links (9,000 sessions: 45 ->
/// 21 ms in SQLite, measured with 60 targets).
const SELECT_CONGRESS: &str = concat!(
    session_columns!(),
    "tg.ids AS target_ids FROM sessions s \
     LEFT JOIN (SELECT sp.session_id, group_concat(sp.person_id) AS ids FROM targets t \
                  JOIN session_people sp ON sp.person_id = t.person_id \
                 WHERE t.congress_id = ?1 GROUP BY sp.session_id) tg ON tg.session_id = s.id \
     WHERE s.congress_id = ?1 ORDER BY s.starts_at, s.room, s.title, s.id"
);

/// Every session of a congress, in time order (withdrawn ones included and
/// flagged, so marks on them stay visible).
pub async fn list(store: &Store, congress_id: CongressId) -> Result<Vec<Session>> {
    let zone = congress_zone(store, congress_id).await?;
    let rows: Vec<Row> = sqlx::query_as(SELECT_CONGRESS).bind(congress_id).fetch_all(store.pool()).await?;
    Ok(rows.into_iter().map(|r| r.into_session(zone)).collect())
}

/// Beyond this many matches, relevance ranking says little (the words are in
/// a twentieth of an ASH-scale program) and costs most: results then come in
/// time order, as for people (500 too). FTS5's bm25 reads each match's hits
/// and column sizes, about 3 µs a match on a 2-core machine, plus a pass over
/// every session holding each word for its weight: at 1,000 the broadest
/// ranked searches took 4–5 ms, the whole keystroke budget
/// (docs/performance.md, "The slowest program searches").
pub const RANKED_AT_MOST: i64 = 500;

/// What a search found: the ids, and in which order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matches {
    pub ids: Vec<SessionId>,
    /// Best match first; false when more than [`RANKED_AT_MOST`] matched and
    /// the ids come in time order (the list says which).
    pub best_first: bool,
}

/// Sessions matching `typed` in title, speakers, track, room, abstract number
/// or description: best first when few match, else in time order; at most
/// `limit`. See [`search_matches`] for which order it chose.
pub async fn search(store: &Store, congress_id: CongressId, typed: &str, limit: u32) -> Result<Vec<SessionId>> {
    Ok(search_matches(store, congress_id, typed, limit).await?.ids)
}

/// [`search`] with the order it chose. One statement decides (counting at
/// most 501 matches) and returns the ids as one JSON array: a statement is
/// a round trip to SQLite's thread and each row another hand-over (about
/// 7 µs), so two statements and 200 rows cost about 2 ms a keystroke on a
/// 2-core machine, as much as the search itself.
pub async fn search_matches(store: &Store, congress_id: CongressId, typed: &str, limit: u32) -> Result<Matches> {
    let Some(query) = search::fts_query(typed) else { return Ok(Matches { ids: Vec::new(), best_first: true }) };
    let (best_first, ids): (bool, Option<String>) = sqlx::query_as(
        "WITH n(matches) AS (SELECT COUNT(*) FROM (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ?1 LIMIT ?4)) \
         SELECT n.matches < ?4, CASE WHEN n.matches >= ?4 \
         THEN (SELECT json_group_array(id) FROM (SELECT s.id FROM sessions s WHERE s.congress_id = ?2 \
                 AND s.id IN (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ?1) \
                 ORDER BY s.starts_at, s.id LIMIT ?3)) \
         ELSE (SELECT json_group_array(id) FROM (SELECT s.id FROM sessions_fts JOIN sessions s ON s.id = sessions_fts.rowid \
                 WHERE sessions_fts MATCH ?1 AND s.congress_id = ?2 ORDER BY rank LIMIT ?3)) END FROM n",
    )
    .bind(query)
    .bind(congress_id)
    .bind(limit)
    .bind(RANKED_AT_MOST + 1)
    .fetch_one(store.pool())
    .await?;
    Ok(Matches { ids: crate::store::json_rows(ids, "program search")?, best_first })
}

/// Someone on a session, and where they stand as a target at its congress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, sqlx::FromRow)]
pub struct SessionPerson {
    pub person_id: PersonId,
    pub name: String,
    /// speaker, chair or author.
    pub role: String,
    pub institution: Option<String>,
    /// The target's status at this congress (idea, contacted, …), if a target.
    pub target_status: Option<String>,
    pub target_priority: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SessionDetail {
    pub session: Session,
    pub description: String,
    pub url: Option<String>,
    pub user_notes: String,
    pub people: Vec<SessionPerson>,
}

pub async fn detail(store: &Store, id: SessionId) -> Result<SessionDetail> {
    let (congress_id, description, url, user_notes): (CongressId, String, Option<String>, String) =
        sqlx::query_as("SELECT congress_id, description, url, user_notes FROM sessions WHERE id = ?")
            .bind(id)
            .fetch_optional(store.pool())
            .await?
            .ok_or_else(|| CoreError::not_found("session", id))?;
    let zone = congress_zone(store, congress_id).await?;
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE s.id = ?")).bind(id).fetch_one(store.pool()).await?;
    let people = people_of(store, congress_id, id).await?;
    Ok(SessionDetail { session: row.into_session(zone), description, url, user_notes, people })
}

/// Who is on session `id` (of `congress_id`), chairs first, and where each stands as a target.
pub(crate) async fn people_of(store: &Store, congress_id: CongressId, id: SessionId) -> Result<Vec<SessionPerson>> {
    Ok(sqlx::query_as(
        "SELECT p.id AS person_id, p.display_name AS name, sp.role, p.institution, \
                t.status AS target_status, t.priority AS target_priority \
         FROM session_people sp JOIN people p ON p.id = sp.person_id \
         LEFT JOIN targets t ON t.person_id = p.id AND t.congress_id = ? \
         WHERE sp.session_id = ? ORDER BY sp.role = 'chair' DESC, sp.position",
    )
    .bind(congress_id)
    .bind(id)
    .fetch_all(store.pool())
    .await?)
}

/// Marks a session attending or maybe, or clears the mark.
pub async fn set_attendance(store: &Store, id: SessionId, attendance: Option<Attendance>) -> Result<Session> {
    let done = sqlx::query("UPDATE sessions SET attendance = ?, updated_at = ? WHERE id = ?")
        .bind(attendance.map(Attendance::as_str))
        .bind(time::now_seconds())
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("session", id));
    }
    Ok(detail(store, id).await?.session)
}

pub(crate) async fn congress_zone(store: &Store, congress_id: CongressId) -> Result<Tz> {
    Ok(time::zone_or_utc(&congress::get(store, congress_id).await?.time_zone))
}
