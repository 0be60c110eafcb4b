//! Writing a read program into the database, in one transaction.
//!
//! Re-importing the same program updates sessions in place by their stable
//! key, marks sessions that vanished from the source as withdrawn, and keeps
//! everything the user added (attendance marks, notes). Each item's key
//! and fingerprint come from `keys`. Speakers and chairs
//! become persons matched by normalised name. A failure or a cancel at any
//! point rolls everything back: the database is left as it was.

use super::item::{ProgramItem, ReadContext};
use super::keys::{prepare, Keyed, Prepared};
use super::skip::{self, Skip, SkipReason, SkippedItem};
use super::{read_all, ProgramFormat};
use crate::ids::CongressId;
use crate::{congress, time, CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// What an import did, as the CLI prints it and the UI reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ImportReport {
    pub format: ProgramFormat,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub withdrawn: u32,
    /// Speakers and chairs not known before, now in People.
    pub people_added: u32,
    /// Items that Hallway placed inside the session around them (same room,
    /// wholly within it) because the program links none: the congress's
    /// count after this import, 0 when it is switched off (see
    /// `program::nesting`).
    pub inferred_parents: u32,
    /// Items of the file left out: outside the congress days, the same
    /// session twice, older versions of an event.
    pub skipped: u32,
    /// The skipped items, by line (the first 500).
    pub skipped_items: Vec<SkippedItem>,
    /// What the user should know about the file ("it reuses UIDs …").
    pub notes: Vec<String>,
}

/// How far an import has come: `done` of `total` items written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// Rows per multi-row INSERT: large enough to make bulk imports fast, small
/// enough to stay far below SQLite's limit on bound parameters.
const BATCH: usize = 200;

/// Rows per JSON array handed to `json_each` in one statement: SQLite
/// unpacks them itself, far quicker than binding each value.
const ROWS_PER_JSON: usize = 20_000;

/// Reads `path` and imports it into the congress. See [`import_bytes`].
pub async fn import_file(
    store: &Store,
    congress_id: CongressId,
    path: &Path,
    progress: &(dyn Fn(ImportProgress) + Send + Sync),
    cancel: &AtomicBool,
) -> Result<ImportReport> {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let size = tokio::fs::metadata(path).await.map_err(|e| CoreError::io(path, e))?.len();
    if size > super::MAX_FILE_BYTES as u64 {
        return Err(CoreError::Import {
            file,
            detail: super::ReadError::new(format!(
                "the file is {} MB; Hallway reads program files up to {} MB",
                size / (1024 * 1024),
                super::MAX_FILE_BYTES / (1024 * 1024)
            )),
        });
    }
    let bytes = tokio::fs::read(path).await.map_err(|e| CoreError::io(path, e))?;
    import_bytes(store, congress_id, &file, bytes, progress, cancel).await
}

/// Imports a program file's bytes (named `file` in messages) into a congress.
pub async fn import_bytes(
    store: &Store,
    congress_id: CongressId,
    file: &str,
    bytes: Vec<u8>,
    progress: &(dyn Fn(ImportProgress) + Send + Sync),
    cancel: &AtomicBool,
) -> Result<ImportReport> {
    let congress = congress::get(store, congress_id).await?;
    let zone = time::zone_or_utc(&congress.time_zone);
    let ctx = ReadContext { zone, first_day: congress.starts_on, last_day: congress.ends_on };
    let read_result = tokio::task::spawn_blocking(move || {
        let reading = read_all(&bytes, &ctx)?;
        let (items, outside) = skip::within_dates(reading.items, &ctx)?;
        Ok((reading.format, items, reading.skipped, outside, reading.notes))
    })
    .await
    .map_err(|e| CoreError::Conflict(format!("the import stopped unexpectedly: {e}")))?;
    let (format, items, older, outside, notes) =
        read_result.map_err(|detail| CoreError::Import { file: file.to_owned(), detail })?;
    if items.is_empty() {
        return Err(CoreError::Import {
            file: file.to_owned(),
            detail: super::ReadError::new("there are no sessions in this file"),
        });
    }
    let mut report = write(store, congress_id, format, zone, &items, progress, cancel).await?;
    let left_out = older
        .iter()
        .map(|skip| skip.listed(zone))
        .chain(outside.iter().map(|item| Skip::of(item, SkipReason::OutsideDates).listed(zone)));
    report.skip(left_out);
    report.notes.extend(notes);
    if !outside.is_empty() {
        report.notes.push(format!(
            "{} {} outside the congress days ({} to {}) {} left out.",
            outside.len(),
            if outside.len() == 1 { "item" } else { "items" },
            congress.starts_on.format("%-d %b"),
            congress.ends_on.format("%-d %b %Y"),
            if outside.len() == 1 { "was" } else { "were" },
        ));
    }
    Ok(report)
}

impl ImportReport {
    /// A refresh of a subscribed program that had not changed: nothing read, nothing written.
    pub fn not_modified(format: ProgramFormat) -> Self {
        let mut report = ImportReport::new(format);
        report.notes.push("The program at this address has not changed since it was last fetched.".to_owned());
        report
    }

    fn new(format: ProgramFormat) -> Self {
        ImportReport {
            format,
            added: 0,
            updated: 0,
            unchanged: 0,
            withdrawn: 0,
            people_added: 0,
            inferred_parents: 0,
            skipped: 0,
            skipped_items: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Counts `items` as skipped and lists them, by line, up to the limit.
    fn skip(&mut self, items: impl Iterator<Item = SkippedItem>) {
        for item in items {
            self.skipped += 1;
            self.skipped_items.push(item);
        }
        self.skipped_items.sort_by_key(|item| (item.line, item.starts_at));
        self.skipped_items.truncate(skip::LISTED);
    }
}

/// A session already stored for the congress.
#[derive(sqlx::FromRow)]
struct Existing {
    key: String,
    id: i64,
    starts_at: i64,
    content_hash: Option<String>,
    withdrawn: bool,
    source_format: Option<String>,
}

/// Writes read items, as coming from `format`, into a congress. Withdrawal
/// only touches sessions that came from the same format, so importing a
/// personal agenda (ICS) never withdraws the published program (XML).
pub(crate) async fn write(
    store: &Store,
    congress_id: CongressId,
    format: ProgramFormat,
    zone: chrono_tz::Tz,
    items: &[ProgramItem],
    progress: &(dyn Fn(ImportProgress) + Send + Sync),
    cancel: &AtomicBool,
) -> Result<ImportReport> {
    let source = format.as_str();
    let now = time::now_seconds();
    let mut conn = store.bulk_writer().await?;
    let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
    // Foreign keys are not checked row by row here (see `bulk_writer`): the
    // congress is checked once, and every other id comes from this transaction.
    let congress_exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM congresses WHERE id = ?").bind(congress_id).fetch_optional(&mut *tx).await?;
    if congress_exists.is_none() {
        return Err(CoreError::not_found("congress", congress_id));
    }

    let plan = crate::program::changes::Plan::before(&mut tx, congress_id).await?;
    let existing: Vec<Existing> = sqlx::query_as(
        "SELECT key, id, starts_at, content_hash, withdrawn, source_format FROM sessions WHERE congress_id = ?",
    )
    .bind(congress_id)
    .fetch_all(&mut *tx)
    .await?;
    let stored: HashMap<&str, i64> = existing.iter().map(|e| (e.key.as_str(), e.starts_at)).collect();
    let Keyed { prepared, duplicates, sharing } = prepare(items, zone, &stored);
    let total = u32::try_from(prepared.len()).unwrap_or(u32::MAX);
    let known: HashMap<&str, (i64, Option<&str>, bool)> =
        existing.iter().map(|e| (e.key.as_str(), (e.id, e.content_hash.as_deref(), e.withdrawn))).collect();

    let mut report = ImportReport::new(format);
    report.skip(duplicates.iter().map(|item| SkippedItem::new(item, SkipReason::Duplicate, zone)));
    if sharing > 0 {
        let id = match format {
            ProgramFormat::Ics => "UID",
            ProgramFormat::FrabXml | ProgramFormat::PretalxJson => "guid or id",
            ProgramFormat::Csv | ProgramFormat::Sample => "id or abstract number",
        };
        report.notes.push(format!(
            "The file reuses {id}s: {sharing} sessions share one with another session. Each is kept, told apart by its start."
        ));
    }
    if !duplicates.is_empty() {
        report.notes.push(format!(
            "{} {} the same session as another in the file, and {} left out.",
            duplicates.len(),
            if duplicates.len() == 1 { "item is" } else { "items are" },
            if duplicates.len() == 1 { "was" } else { "were" },
        ));
    }
    let mut new_items: Vec<&Prepared> = Vec::new();
    let mut relink: Vec<(i64, &Prepared)> = Vec::new();
    for (done, p) in prepared.iter().enumerate() {
        match known.get(p.key.as_str()) {
            None => new_items.push(p),
            Some((_, Some(hash), withdrawn)) if *hash == p.hash && *withdrawn == p.item.cancelled => {
                report.unchanged += 1;
            }
            Some((id, _, _)) => {
                update_session(&mut tx, *id, p, source, now).await?;
                relink.push((*id, p));
                report.updated += u32::from(!p.item.cancelled);
                report.withdrawn += u32::from(p.item.cancelled);
            }
        }
        if done % 1000 == 999 {
            check(cancel)?;
        }
    }

    // New sessions get the next ids, given here (this transaction is the
    // only writer), so nothing has to be read back to link their people.
    let mut next: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM sessions").fetch_one(&mut *tx).await?;
    let new_items: Vec<(i64, &Prepared)> = new_items
        .into_iter()
        .map(|p| {
            next += 1;
            (next, p)
        })
        .collect();
    let mut written = report.unchanged + report.updated + report.withdrawn;
    for chunk in new_items.chunks(BATCH) {
        check(cancel)?;
        insert_sessions(&mut tx, congress_id, source, chunk, now).await?;
        written += chunk.len() as u32;
        progress(ImportProgress { done: written.min(total), total });
    }
    report.added = new_items.iter().filter(|(_, p)| !p.item.cancelled).count() as u32;
    report.withdrawn += new_items.iter().filter(|(_, p)| p.item.cancelled).count() as u32;
    unlink_people(&mut tx, &relink).await?;
    let fresh: HashSet<&str> = new_items.iter().map(|(_, p)| p.key.as_str()).collect();
    let new_ids: Vec<i64> = new_items.iter().map(|(id, _)| *id).collect();
    relink.extend(new_items);
    // Only the people of sessions written now: an unchanged session keeps its
    // links, and a speaker the user deleted is not brought back by it.
    let (person_ids, people_added) = match_people(&mut tx, relink.iter().map(|(_, p)| *p), now).await?;
    report.people_added = people_added;
    link_people(&mut tx, &relink, &person_ids, cancel).await?;
    let ids: HashMap<&str, i64> = known
        .iter()
        .map(|(key, (id, _, _))| (*key, *id))
        .chain(relink.iter().map(|(id, p)| (p.key.as_str(), *id)))
        .collect();
    // A new item without a parent has none already; an updated one may have had one.
    let updated: HashSet<&str> =
        relink.iter().map(|(_, p)| p.key.as_str()).filter(|key| !fresh.contains(key)).collect();
    let placed = link_parents(&mut tx, &prepared, &updated, &ids).await?;
    if placed > 0 {
        report.notes.push(format!(
            "{placed} {} placed in the session that holds {}, as the file says.",
            if placed == 1 { "item was" } else { "items were" },
            if placed == 1 { "it" } else { "them" },
        ));
    }

    // Sessions of this source that the file no longer has.
    let seen: HashSet<&str> = prepared.iter().map(|p| p.key.as_str()).collect();
    let vanished: Vec<i64> = existing
        .iter()
        .filter(|e| !e.withdrawn && e.source_format.as_deref() == Some(source) && !seen.contains(e.key.as_str()))
        .map(|e| e.id)
        .collect();
    for chunk in vanished.chunks(BATCH) {
        // A calendar should see the withdrawal as a change (SEQUENCE).
        let mut q =
            QueryBuilder::<Sqlite>::new("UPDATE sessions SET withdrawn = 1, sequence = sequence + 1, updated_at = ");
        q.push_bind(now).push(" WHERE id IN (");
        let mut ids = q.separated(", ");
        for id in chunk {
            ids.push_bind(*id);
        }
        q.push(")");
        q.build().execute(&mut *tx).await?;
    }
    report.withdrawn += vanished.len() as u32;

    // Where the program links nothing, the talks lying inside a longer item
    // of their room are placed in it, and the report says so. After the
    // withdrawals: a withdrawn item holds nothing.
    report.inferred_parents = crate::program::nesting::apply(&mut tx, congress_id).await?;
    if let Some(note) = crate::program::nesting::note(report.inferred_parents) {
        report.notes.push(note);
    }

    // What of the plan changed; new talks by targets only on a re-import (a
    // first import is all new).
    let fresh: Vec<i64> = if existing.is_empty() { Vec::new() } else { new_ids };
    let waiting = crate::program::changes::record(&mut tx, congress_id, zone, &plan, &fresh, now).await?;
    if waiting > 0 {
        report.notes.push(format!(
            "{waiting} {} to your plan {} waiting to be seen: open What changed.",
            if waiting == 1 { "change" } else { "changes" },
            if waiting == 1 { "is" } else { "are" },
        ));
    }

    check(cancel)?;
    tx.commit().await?;
    // The connection and its page cache go now (not whenever the pool gets
    // to it), and their memory back to the system.
    let _ = conn.close().await;
    Store::give_back_memory();
    progress(ImportProgress { done: total, total });
    Ok(report)
}

fn check(cancel: &AtomicBool) -> Result<()> {
    if cancel.load(Ordering::Relaxed) {
        return Err(CoreError::Cancelled);
    }
    Ok(())
}

fn speakers_text(p: &Prepared) -> String {
    crate::program::speakers_column(p.people.iter().map(|(name, _, _)| name.as_str()))
}

/// ASCII spellings of the title's and speakers' words that FTS5's own accent
/// folding cannot reach (Ø, ß, Ł, ı, and non-Latin scripts), so "odeg" finds
/// "Ødegård". Words it folds itself ("Sánchez") are left out: they would
/// only double the index.
fn folded(p: &Prepared) -> String {
    let text = format!("{} {}", p.item.title, speakers_text(p));
    let mut words: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().any(unfoldable)) {
        let ascii = deunicode::deunicode(word);
        if !words.contains(&ascii) {
            words.push(ascii);
        }
    }
    words.join(" ")
}

/// A letter unicode61's `remove_diacritics` leaves as it is.
fn unfoldable(c: char) -> bool {
    matches!(c, 'ø' | 'Ø' | 'æ' | 'Æ' | 'ß' | 'ł' | 'Ł' | 'đ' | 'Đ' | 'ð' | 'Ð' | 'þ' | 'Þ' | 'œ' | 'Œ' | 'ı')
        || u32::from(c) > 0x024F
}

async fn insert_sessions(
    tx: &mut SqliteConnection,
    congress_id: CongressId,
    source: &str,
    chunk: &[(i64, &Prepared<'_>)],
    now: i64,
) -> Result<()> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT INTO sessions (id, congress_id, key, title, kind, starts_at, ends_at, all_day, room, track, \
         abstract_number, description, url, speakers, search_folded, source_format, content_hash, withdrawn, board, created_at, updated_at) ",
    );
    q.push_values(chunk, |mut row, (id, p)| {
        row.push_bind(*id)
            .push_bind(congress_id)
            .push_bind(&p.key)
            .push_bind(&p.item.title)
            .push_bind(p.kind.as_str())
            .push_bind(p.starts_at)
            .push_bind(p.ends_at)
            .push_bind(p.all_day)
            .push_bind(&p.item.room)
            .push_bind(&p.item.track)
            .push_bind(&p.item.abstract_number)
            .push_bind(p.item.description.as_deref().unwrap_or_default())
            .push_bind(&p.item.url)
            .push_bind(speakers_text(p))
            .push_bind(folded(p))
            .push_bind(source)
            .push_bind(&p.hash)
            .push_bind(p.item.cancelled)
            .push_bind(&p.item.board)
            .push_bind(now)
            .push_bind(now);
    });
    q.build().execute(&mut *tx).await?;
    Ok(())
}

async fn update_session(tx: &mut SqliteConnection, id: i64, p: &Prepared<'_>, source: &str, now: i64) -> Result<()> {
    sqlx::query(
        // SET expressions read the row as it was, so SEQUENCE rises by one
        // when what a calendar shows (time, room, title, withdrawal) changes.
        "UPDATE sessions SET sequence = sequence + (title IS NOT ?1 OR starts_at IS NOT ?3 OR ends_at IS NOT ?4 \
         OR all_day IS NOT ?5 OR room IS NOT ?6 OR withdrawn IS NOT ?15), \
         title = ?1, kind = ?2, starts_at = ?3, ends_at = ?4, all_day = ?5, room = ?6, track = ?7, \
         abstract_number = ?8, description = ?9, url = ?10, speakers = ?11, search_folded = ?12, source_format = ?13, \
         content_hash = ?14, withdrawn = ?15, updated_at = ?16, board = ?18 WHERE id = ?17",
    )
    .bind(&p.item.title)
    .bind(p.kind.as_str())
    .bind(p.starts_at)
    .bind(p.ends_at)
    .bind(p.all_day)
    .bind(&p.item.room)
    .bind(&p.item.track)
    .bind(&p.item.abstract_number)
    .bind(p.item.description.clone().unwrap_or_default())
    .bind(&p.item.url)
    .bind(speakers_text(p))
    .bind(folded(p))
    .bind(source)
    .bind(&p.hash)
    .bind(p.item.cancelled)
    .bind(now)
    .bind(id)
    .bind(&p.item.board)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Places each item of the file under the session that holds it, as the
/// file says (`ProgramItem::parent`: the source id of another item of the
/// file); an item updated now without one is taken out of any. One level
/// only: a parent that has a parent of its own, an item naming itself, or a
/// parent the file does not have leaves the item on its own. How many items
/// are placed. A link written here is the file's own (`parent_inferred` 0).
async fn link_parents(
    tx: &mut SqliteConnection,
    prepared: &[Prepared<'_>],
    updated: &HashSet<&str>,
    ids: &HashMap<&str, i64>,
) -> Result<u32> {
    let by_source: HashMap<&str, &Prepared> =
        prepared.iter().filter_map(|p| Some((p.item.source_id.as_deref()?, p))).collect();
    let mut placed = 0;
    let mut links: Vec<(i64, Option<i64>)> = Vec::new();
    for p in prepared.iter().filter(|p| p.item.parent.is_some() || updated.contains(p.key.as_str())) {
        let Some(&id) = ids.get(p.key.as_str()) else { continue };
        let parent = p
            .item
            .parent
            .as_deref()
            .and_then(|source| by_source.get(source))
            .filter(|parent| parent.item.parent.is_none() && parent.key != p.key)
            .and_then(|parent| ids.get(parent.key.as_str()))
            .copied();
        placed += u32::from(parent.is_some());
        links.push((id, parent));
    }
    // One statement for all of them (8,000 talks at ASH scale: one round
    // trip, not 8,000), writing only the rows whose link changes, so an
    // unchanged re-import writes none.
    if !links.is_empty() {
        let json = serde_json::to_string(&links).expect("ids serialise");
        sqlx::query(
            "UPDATE sessions SET parent_id = j.value ->> 1, parent_inferred = 0 FROM json_each(?) AS j \
             WHERE sessions.id = j.value ->> 0 \
               AND (sessions.parent_id IS NOT (j.value ->> 1) OR sessions.parent_inferred <> 0)",
        )
        .bind(json)
        .execute(&mut *tx)
        .await?;
    }
    Ok(placed)
}

/// The person of every speaker and chair of `sessions`, by name key: the oldest live
/// person with that key, or one added now. Returns the map and how many were
/// added. Only the file's own keys are looked up, so a database of 50,000
/// contacts costs no more than an empty one.
async fn match_people<'p>(
    tx: &mut SqliteConnection,
    sessions: impl Iterator<Item = &'p Prepared<'p>>,
    now: i64,
) -> Result<(HashMap<String, i64>, u32)> {
    let mut names: Vec<(&str, &str)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (name, key, _) in sessions.flat_map(|p| p.people.iter()) {
        if seen.insert(key) {
            names.push((name, key));
        }
    }
    let keys = serde_json::to_string(&names.iter().map(|(_, key)| key).collect::<Vec<_>>()).expect("strings serialise");
    let mut ids: HashMap<String, i64> = sqlx::query_as::<_, (String, i64)>(
        "SELECT name_key, MIN(id) FROM people WHERE name_key IN (SELECT value FROM json_each(?)) \
         AND deleted_at IS NULL AND merged_into IS NULL GROUP BY name_key",
    )
    .bind(keys)
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .collect();
    // New people get the next ids, given here (this transaction is the only
    // writer), so nothing has to be read back to link them.
    let mut next: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM people").fetch_one(&mut *tx).await?;
    let mut fresh: Vec<(i64, &str, &str)> = Vec::new();
    for (name, key) in names {
        if !ids.contains_key(key) {
            next += 1;
            ids.insert(key.to_owned(), next);
            fresh.push((next, name, key));
        }
    }
    for chunk in fresh.chunks(ROWS_PER_JSON) {
        sqlx::query(
            "INSERT INTO people (id, display_name, name_key, source, created_at, updated_at) \
             SELECT value ->> 0, value ->> 1, value ->> 2, 'program', ?2, ?2 FROM json_each(?1)",
        )
        .bind(serde_json::to_string(chunk).expect("strings serialise"))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    Ok((ids, fresh.len() as u32))
}

/// Drops the speaker links of sessions about to be linked afresh.
async fn unlink_people(tx: &mut SqliteConnection, sessions: &[(i64, &Prepared<'_>)]) -> Result<()> {
    for chunk in sessions.chunks(BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new("DELETE FROM session_people WHERE session_id IN (");
        let mut ids = q.separated(", ");
        for (id, _) in chunk {
            ids.push_bind(*id);
        }
        q.push(")");
        q.build().execute(&mut *tx).await?;
    }
    Ok(())
}

async fn link_people(
    tx: &mut SqliteConnection,
    sessions: &[(i64, &Prepared<'_>)],
    person_ids: &HashMap<String, i64>,
    cancel: &AtomicBool,
) -> Result<()> {
    let links: Vec<(i64, i64, &str, i64)> = sessions
        .iter()
        .flat_map(|(session_id, p)| {
            p.people.iter().enumerate().filter_map(move |(position, (_, key, role))| {
                person_ids.get(key).map(|person_id| (*session_id, *person_id, *role, position as i64))
            })
        })
        .collect();
    for chunk in links.chunks(ROWS_PER_JSON) {
        check(cancel)?;
        let json = serde_json::to_string(chunk).expect("links serialise");
        sqlx::query(
            "INSERT OR IGNORE INTO session_people (session_id, person_id, role, position) \
             SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)",
        )
        .bind(json)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
