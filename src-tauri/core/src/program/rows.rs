//! The program as the webview reads it: one venue day at a time, in a lean
//! row that already says what the screen would otherwise work out from the
//! whole program (how many talks a session holds, the title of the session a
//! talk is in, how many targets are on it). A congress-scale program is 9,000
//! sessions and 4.5 MB of JSON; a day of lean rows is a fraction of that, so
//! the page never holds the whole program (docs/performance.md, memory).

use super::filter::{self, Facts, ProgramFilter};
use super::queries::{congress_zone, people_of, Columns};
use super::{Attendance, SessionKind, SessionPerson};
use crate::error::FieldProblem;
use crate::ids::{CongressId, SessionId};
use crate::{search, time, CoreError, Result, Store};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// One session as the list, the grid, the agenda and the palette show it.
/// Times carry the congress zone's offset, so the venue day is the date the
/// string states. The webview knows sessions only in this shape, so its
/// TypeScript name is plainly `Session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[specta(rename = "Session")]
pub struct SessionRow {
    pub id: SessionId,
    /// The stable import key (what end-to-end tests and re-imports go by).
    pub key: String,
    pub title: String,
    pub kind: SessionKind,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub all_day: bool,
    pub room: Option<String>,
    pub track: Option<String>,
    pub abstract_number: Option<String>,
    /// Speakers and chairs in program order, as one line ("A, B, C").
    pub speakers: String,
    /// Gone from the latest import of its source (kept for the user's marks).
    pub withdrawn: bool,
    pub attendance: Option<Attendance>,
    /// How many people on this session are targets at this congress.
    pub targets: u32,
    /// The item came from the built-in sample program.
    pub sample: bool,
    /// The session that holds this item, and its title.
    pub parent_id: Option<SessionId>,
    pub part_of: Option<String>,
    /// How many talks (or posters) this session holds.
    pub talks: u32,
    /// The poster board ("I-123"), if the program gives one.
    pub board: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    c: Columns,
    part_of: Option<String>,
    talks: i64,
    targets: Option<i64>,
}

impl Row {
    fn into_row(self, zone: Tz) -> SessionRow {
        let Row { c, part_of, talks, targets } = self;
        SessionRow {
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
            speakers: super::speaker_names(&c.speakers).join(", "),
            withdrawn: c.withdrawn,
            attendance: c.attendance.as_deref().and_then(Attendance::parse),
            targets: count(targets.unwrap_or(0)),
            sample: c.source_format.as_deref() == Some("sample"),
            parent_id: c.parent_id,
            part_of,
            talks: count(talks),
            board: c.board,
        }
    }

    fn facts(&self, zone: Tz) -> Facts<'_> {
        Facts {
            nested: self.c.parent_id.is_some(),
            kind: SessionKind::parse(&self.c.kind),
            room: self.c.room.as_deref(),
            track: self.c.track.as_deref(),
            day: time::in_zone(self.c.starts_at, zone).date_naive(),
        }
    }
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// Rows of one congress (`?1`; add `AND …` and an order). The targets'
/// sessions are gathered once from the few targets rather than probed per
/// session, as `program::list` does.
const SELECT: &str = "SELECT s.id, s.key, s.title, s.kind, s.starts_at, s.ends_at, s.all_day, s.room, s.track, \
     s.abstract_number, s.speakers, s.withdrawn, s.attendance, s.source_format, s.parent_id, s.board, \
     p.title AS part_of, (SELECT COUNT(*) FROM sessions c WHERE c.parent_id = s.id) AS talks, tg.n AS targets \
     FROM sessions s LEFT JOIN sessions p ON p.id = s.parent_id \
     LEFT JOIN (SELECT sp.session_id, COUNT(DISTINCT sp.person_id) AS n FROM targets t \
                  JOIN session_people sp ON sp.person_id = t.person_id \
                 WHERE t.congress_id = ?1 GROUP BY sp.session_id) tg ON tg.session_id = s.id \
     WHERE s.congress_id = ?1 ";

/// The program's own order (what `program::list` answers).
const PROGRAM_ORDER: &str = " ORDER BY s.starts_at, s.room, s.title, s.id";

/// A venue day as the instants it spans, `[from, to)` in Unix seconds: a
/// session belongs to the day its start falls on in the congress zone,
/// whatever the computer's zone.
fn day_span(date: NaiveDate, zone: Tz) -> (i64, i64) {
    let midnight = |d: NaiveDate| time::local_seconds(d.and_time(NaiveTime::MIN), zone);
    (midnight(date), midnight(date + Duration::days(1)))
}

pub(crate) fn parse_day(day: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| CoreError::Invalid(vec![FieldProblem::new("day", "Give the day as YYYY-MM-DD.")]))
}

/// What the list and the grid show for one venue day: the sessions that
/// pass the filters. Without a search they are the sessions of their own
/// (talks open inside them), in program order; with one, every matching
/// item of the day, talks included, best match first.
pub async fn day(store: &Store, congress_id: CongressId, day: &str, f: &ProgramFilter) -> Result<Vec<SessionRow>> {
    let zone = congress_zone(store, congress_id).await?;
    let date = parse_day(day)?;
    let (from, to) = day_span(date, zone);
    let ranked = filter::ranked(store, congress_id, f).await?;
    let nested = if ranked.is_none() { "AND s.parent_id IS NULL " } else { "" };
    let sql = format!("{SELECT}AND s.starts_at >= ?2 AND s.starts_at < ?3 {nested}{PROGRAM_ORDER}");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(congress_id).bind(from).bind(to).fetch_all(store.pool()).await?;
    let rows = rows.into_iter().filter(|r| filter::passes(&r.facts(zone), f, Some(date), None));
    Ok(match ranked {
        None => rows.map(|r| r.into_row(zone)).collect(),
        Some(found) => in_rank_order(rows.map(|r| r.into_row(zone)).collect(), &found.ids),
    })
}

/// The sessions marked attending or maybe, on every day, in time order;
/// with `typed`, only those the search matches. Small: a plan, not a program.
pub async fn agenda(store: &Store, congress_id: CongressId, typed: Option<&str>) -> Result<Vec<SessionRow>> {
    let zone = congress_zone(store, congress_id).await?;
    let query = typed.and_then(search::fts_query);
    if typed.is_some_and(|t| !t.trim().is_empty()) && query.is_none() {
        return Ok(Vec::new()); // typed, but nothing a search can use: nothing matches, as in the list
    }
    let order = " ORDER BY s.starts_at, s.title, s.id";
    let rows: Vec<Row> = match query {
        None => {
            let sql = format!("{SELECT}AND s.attendance IS NOT NULL{order}");
            sqlx::query_as(&sql).bind(congress_id).fetch_all(store.pool()).await?
        }
        Some(query) => {
            let sql = format!(
                "{SELECT}AND s.attendance IS NOT NULL \
                 AND s.id IN (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ?2){order}"
            );
            sqlx::query_as(&sql).bind(congress_id).bind(query).fetch_all(store.pool()).await?
        }
    };
    Ok(rows.into_iter().map(|r| r.into_row(zone)).collect())
}

/// The best `limit` matches for `typed` on any day, as rows (the command
/// palette's sessions).
pub async fn search_rows(store: &Store, congress_id: CongressId, typed: &str, limit: u32) -> Result<Vec<SessionRow>> {
    let ids = super::search(store, congress_id, typed, limit).await?;
    by_ids(store, congress_id, &ids).await
}

/// The rows of `ids` (of one congress), in the order given; unknown ids are left out.
pub async fn by_ids(store: &Store, congress_id: CongressId, ids: &[SessionId]) -> Result<Vec<SessionRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let zone = congress_zone(store, congress_id).await?;
    let json = format!("[{}]", ids.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(","));
    let sql = format!("{SELECT}AND s.id IN (SELECT value FROM json_each(?2))");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(congress_id).bind(json).fetch_all(store.pool()).await?;
    Ok(in_rank_order(rows.into_iter().map(|r| r.into_row(zone)).collect(), ids))
}

/// One session as a row.
pub async fn row(store: &Store, id: SessionId) -> Result<SessionRow> {
    let congress_id = congress_of(store, id).await?;
    by_ids(store, congress_id, &[id]).await?.pop().ok_or_else(|| CoreError::not_found("session", id))
}

fn in_rank_order(rows: Vec<SessionRow>, ranked: &[SessionId]) -> Vec<SessionRow> {
    let mut by_id: std::collections::HashMap<SessionId, SessionRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    // A ranked list with a repeated id still gives the session once.
    ranked.iter().filter_map(|id| by_id.remove(id)).collect()
}

async fn congress_of(store: &Store, id: SessionId) -> Result<CongressId> {
    sqlx::query_scalar("SELECT congress_id FROM sessions WHERE id = ?")
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("session", id))
}

/// Everything about one session beside the program: the row, what the list
/// leaves out (description, address, notes, people) and the talks or
/// posters it holds, in program order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SessionPage {
    pub session: SessionRow,
    pub description: String,
    pub url: Option<String>,
    pub user_notes: String,
    pub people: Vec<SessionPerson>,
    pub talks: Vec<SessionRow>,
}

pub async fn page(store: &Store, id: SessionId) -> Result<SessionPage> {
    let (congress_id, description, url, user_notes): (CongressId, String, Option<String>, String) =
        sqlx::query_as("SELECT congress_id, description, url, user_notes FROM sessions WHERE id = ?")
            .bind(id)
            .fetch_optional(store.pool())
            .await?
            .ok_or_else(|| CoreError::not_found("session", id))?;
    let zone = congress_zone(store, congress_id).await?;
    let sql = format!("{SELECT}AND (s.id = ?2 OR s.parent_id = ?2){PROGRAM_ORDER}");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(congress_id).bind(id).fetch_all(store.pool()).await?;
    let (own, talks): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| r.c.id == id);
    let session = own.into_iter().next().ok_or_else(|| CoreError::not_found("session", id))?.into_row(zone);
    let people = people_of(store, congress_id, id).await?;
    let talks = talks.into_iter().map(|r| r.into_row(zone)).collect();
    Ok(SessionPage { session, description, url, user_notes, people, talks })
}
