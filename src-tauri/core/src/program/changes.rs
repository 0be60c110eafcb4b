//! What changed for me (issue 17): a program changes until the last day, and
//! the user must learn what of *their* plan changed without reading it all
//! again. An import takes a picture of the sessions marked attending or
//! maybe before it writes ([`Plan::before`]); after, [`record`] compares and
//! keeps each change (moved, another room, retitled, withdrawn) with its
//! before and after, the meetings a moved session attended now clashes
//! with, plus the new talks by the congress's targets, in
//! `program_changes` (migration 0008) until the user has seen them. A later
//! import updates an unseen change's "after" (one per session and kind), and
//! a change undone (moved back) goes.

use crate::ids::{CongressId, SessionId};
use crate::{text_enum::text_enum, time, Result, Store};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use std::collections::HashMap;

text_enum!(
    /// What changed.
    ChangeKind {
        Moved = "moved",
        Room = "room",
        Retitled = "retitled",
        Withdrawn = "withdrawn",
        NewTargetTalk = "new_target_talk",
        MeetingClash = "meeting_clash",
    }
);

/// One change that touches the plan, as the user reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ProgramChange {
    #[specta(type = f64)]
    pub id: i64,
    pub session_id: SessionId,
    /// The session's import key.
    pub key: String,
    pub title: String,
    pub kind: ChangeKind,
    /// As it was ("Sun 6 Dec 14:00–15:30", "Hall A", the old title); None for a new talk.
    pub before: Option<String>,
    /// As it is now; None when withdrawn.
    pub after: Option<String>,
    #[specta(type = f64)]
    pub found_at: i64,
}

/// The marked sessions of a congress as they were before an import.
/// Public only so that `hallway-cli bench` can time it; not an API.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Plan {
    sessions: HashMap<SessionId, Marked>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
struct Marked {
    id: SessionId,
    title: String,
    starts_at: i64,
    ends_at: i64,
    room: Option<String>,
    withdrawn: bool,
    attendance: String,
}

const MARKED: &str = "SELECT id, title, starts_at, ends_at, room, withdrawn, attendance FROM sessions \
                      WHERE congress_id = ? AND attendance IS NOT NULL";

impl Plan {
    /// The sessions marked attending or maybe, now. Public only so that
    /// `hallway-cli bench` can time it.
    #[doc(hidden)]
    pub async fn before(tx: &mut SqliteConnection, congress: CongressId) -> Result<Plan> {
        let rows: Vec<Marked> = sqlx::query_as(MARKED).bind(congress).fetch_all(&mut *tx).await?;
        Ok(Plan { sessions: rows.into_iter().map(|m| (m.id, m)).collect() })
    }
}

/// Compares the marked sessions with `before` and keeps what changed, and
/// the `new` sessions (added by this import) that a target speaks at; how
/// many changes are waiting now. Public only so that `hallway-cli bench`
/// can time it.
#[doc(hidden)]
pub async fn record(
    tx: &mut SqliteConnection,
    congress: CongressId,
    zone: Tz,
    before: &Plan,
    new: &[i64],
    now: i64,
) -> Result<u32> {
    let after: Vec<Marked> = sqlx::query_as(MARKED).bind(congress).fetch_all(&mut *tx).await?;
    let when = |m: &Marked| {
        let (start, end) = (time::in_zone(m.starts_at, zone), time::in_zone(m.ends_at, zone));
        format!("{}–{}", start.format("%a %-d %b %H:%M"), end.format("%H:%M"))
    };
    for now_m in &after {
        let Some(was) = before.sessions.get(&now_m.id) else { continue };
        let mut found = Vec::new();
        if (was.starts_at, was.ends_at) != (now_m.starts_at, now_m.ends_at) {
            found.push((ChangeKind::Moved, Some(when(was)), Some(when(now_m))));
        }
        if was.room != now_m.room {
            found.push((ChangeKind::Room, was.room.clone(), now_m.room.clone()));
        }
        if was.title != now_m.title {
            found.push((ChangeKind::Retitled, Some(was.title.clone()), Some(now_m.title.clone())));
        }
        if !was.withdrawn && now_m.withdrawn {
            found.push((ChangeKind::Withdrawn, Some(when(was)), None));
        }
        // Only what is on the agenda clashes: sessions attended, not maybes.
        let attending = now_m.attendance == "attending";
        if attending && (was.starts_at, was.ends_at) != (now_m.starts_at, now_m.ends_at) && !now_m.withdrawn {
            let meetings = newly_clashing(tx, congress, zone, was, now_m).await?;
            if !meetings.is_empty() {
                found.push((ChangeKind::MeetingClash, None, Some(meetings.join("; "))));
            }
        }
        for (kind, b, a) in found {
            upsert(tx, congress, now_m.id, kind, b.as_deref(), a.as_deref(), now).await?;
        }
    }
    if !new.is_empty() {
        let ids = serde_json::to_string(new).expect("ids serialise");
        let talks: Vec<(SessionId, String)> = sqlx::query_as(
            "SELECT s.id, group_concat(DISTINCT p.display_name) FROM sessions s \
             JOIN session_people sp ON sp.session_id = s.id \
             JOIN targets t ON t.person_id = sp.person_id AND t.congress_id = s.congress_id \
             JOIN people p ON p.id = sp.person_id \
             WHERE s.id IN (SELECT value FROM json_each(?)) GROUP BY s.id",
        )
        .bind(ids)
        .fetch_all(&mut *tx)
        .await?;
        for (id, names) in talks {
            upsert(tx, congress, id, ChangeKind::NewTargetTalk, None, Some(&names.replace(',', ", ")), now).await?;
        }
    }
    // A change undone since (moved back) is no change, nor a clash its move had made.
    sqlx::query("DELETE FROM program_changes WHERE congress_id = ? AND seen_at IS NULL AND before IS after")
        .bind(congress)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "DELETE FROM program_changes WHERE congress_id = ? AND seen_at IS NULL AND kind = 'meeting_clash' \
         AND NOT EXISTS (SELECT 1 FROM sessions s JOIN meetings m ON m.congress_id = s.congress_id \
           AND m.status <> 'cancelled' AND m.starts_at < s.ends_at AND m.ends_at > s.starts_at \
           WHERE s.id = program_changes.session_id)",
    )
    .bind(congress)
    .execute(&mut *tx)
    .await?;
    let waiting: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM program_changes WHERE congress_id = ? AND seen_at IS NULL")
            .bind(congress)
            .fetch_one(&mut *tx)
            .await?;
    Ok(u32::try_from(waiting).unwrap_or(u32::MAX))
}

/// The meetings (not cancelled) that overlap the session where it is now
/// but did not where it was, as "title, 15:00–15:30".
async fn newly_clashing(
    tx: &mut SqliteConnection,
    congress: CongressId,
    zone: Tz,
    was: &Marked,
    now: &Marked,
) -> Result<Vec<String>> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT title, starts_at, ends_at FROM meetings WHERE congress_id = ? AND status <> 'cancelled' \
         AND starts_at < ? AND ends_at > ? AND NOT (starts_at < ? AND ends_at > ?) ORDER BY starts_at",
    )
    .bind(congress)
    .bind(now.ends_at)
    .bind(now.starts_at)
    .bind(was.ends_at)
    .bind(was.starts_at)
    .fetch_all(&mut *tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(title, start, end)| {
            let (start, end) = (time::in_zone(start, zone), time::in_zone(end, zone));
            format!("{title}, {}–{}", start.format("%H:%M"), end.format("%H:%M"))
        })
        .collect())
}

async fn upsert(
    tx: &mut SqliteConnection,
    congress: CongressId,
    session: SessionId,
    kind: ChangeKind,
    before: Option<&str>,
    after: Option<&str>,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO program_changes (congress_id, session_id, kind, before, after, found_at) VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (session_id, kind) WHERE seen_at IS NULL DO UPDATE SET after = excluded.after, found_at = excluded.found_at",
    )
    .bind(congress)
    .bind(session)
    .bind(kind.as_str())
    .bind(before)
    .bind(after)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The changes to the plan the user has not seen yet, newest first.
pub async fn unseen(store: &Store, congress: CongressId) -> Result<Vec<ProgramChange>> {
    type Row = (i64, SessionId, String, String, String, Option<String>, Option<String>, i64);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.session_id, s.key, s.title, c.kind, c.before, c.after, c.found_at \
         FROM program_changes c JOIN sessions s ON s.id = c.session_id \
         WHERE c.congress_id = ? AND c.seen_at IS NULL ORDER BY c.found_at DESC, s.starts_at, c.id",
    )
    .bind(congress)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        // The table's CHECK allows only known kinds.
        .filter_map(|(id, session_id, key, title, kind, before, after, found_at)| {
            Some(ProgramChange { id, session_id, key, title, kind: ChangeKind::parse(&kind)?, before, after, found_at })
        })
        .collect())
}

/// Marks every change of the congress seen; how many there were.
pub async fn acknowledge(store: &Store, congress: CongressId) -> Result<u32> {
    let done = sqlx::query("UPDATE program_changes SET seen_at = ? WHERE congress_id = ? AND seen_at IS NULL")
        .bind(time::now_seconds())
        .bind(congress)
        .execute(store.pool())
        .await?;
    Ok(u32::try_from(done.rows_affected()).unwrap_or(u32::MAX))
}
