//! From read contacts to people: the preview a user sees before anything is
//! written (how many are new, which match someone already known and why,
//! which rows have problems), and the import itself, in one transaction.
//!
//! Who matches whom is [`super::matching`]. A match is merged: empty fields
//! are filled, new emails, tags and notes are added; nothing known is
//! overwritten, except an e-mail address standing in for a name the person
//! had none of. Two rows of one file that match each other become one
//! person. Every record's source (card UID or content digest) is remembered
//! for the person it went to, so importing the same file again adds no one.

use super::matching::{plan, source_key, MatchedBy, Plan};
use super::record::ContactRecord;
use super::{read, ContactFormat, ReadContacts, ReadError, MAX_FILE_BYTES};
use crate::ids::PersonId;
use crate::people::name::{is_address_stand_in, name_key};
use crate::people::queries::refresh_emails_text;
use crate::{time, CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PreviewMatch {
    pub line: u32,
    pub name: String,
    pub existing_id: PersonId,
    pub existing_name: String,
    pub matched_by: MatchedBy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PreviewProblem {
    pub line: u32,
    pub reason: String,
    /// The whole card or row is skipped; otherwise only the value named in
    /// `reason` is left out of a contact that is imported.
    pub skipped: bool,
}

/// What an import would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ContactPreview {
    pub file: String,
    pub format: ContactFormat,
    pub new: u32,
    pub merged: u32,
    pub skipped: u32,
    /// The first matches, to check that merges are right.
    pub matches: Vec<PreviewMatch>,
    /// The first problems by line (rows skipped, values left out), and why.
    pub problems: Vec<PreviewProblem>,
    /// How many problems there are in all.
    pub problem_count: u32,
    /// A few of the new names.
    pub new_names: Vec<String>,
}

/// What an import did (the CLI prints it as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ContactImportReport {
    pub format: ContactFormat,
    pub added: u32,
    pub merged: u32,
    pub skipped: u32,
}

const SHOWN: usize = 50;
const BATCH: usize = 100;

async fn read_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let size = tokio::fs::metadata(path).await.map_err(|e| CoreError::io(path, e))?.len();
    if size > MAX_FILE_BYTES as u64 {
        let detail = ReadError::new(format!(
            "the file is {} MB; Hallway reads contact files up to {} MB",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
        return Err(CoreError::Import { file, detail });
    }
    let bytes = tokio::fs::read(path).await.map_err(|e| CoreError::io(path, e))?;
    Ok((file, bytes))
}

fn parse(file: &str, bytes: Vec<u8>) -> Result<super::ReadContacts> {
    read(&bytes).map_err(|detail| CoreError::Import { file: file.to_owned(), detail })
}

/// Reads `path` and says what importing it would do, writing nothing.
pub async fn preview_file(store: &Store, path: &Path) -> Result<ContactPreview> {
    let (file, bytes) = read_file(path).await?;
    let contacts = tokio::task::spawn_blocking(move || parse(&file, bytes).map(|c| (file, c)))
        .await
        .map_err(|e| CoreError::Conflict(format!("the preview stopped unexpectedly: {e}")))?;
    let (file, contacts) = contacts?;
    let mut conn = store.pool().acquire().await?;
    let plan = plan(&mut conn, contacts.format, &contacts.records).await?;
    let problems = problems(&contacts);
    Ok(ContactPreview {
        file,
        format: contacts.format,
        new: plan.iter().filter(|p| matches!(p, Plan::New)).count() as u32,
        merged: plan.iter().filter(|p| !matches!(p, Plan::New)).count() as u32,
        skipped: contacts.skipped.len() as u32,
        matches: contacts
            .records
            .iter()
            .zip(&plan)
            .filter_map(|(record, plan)| match plan {
                Plan::Known { id, name, by } => Some(PreviewMatch {
                    line: record.line as u32,
                    name: record.shown_name().to_owned(),
                    existing_id: *id,
                    existing_name: name.clone(),
                    matched_by: *by,
                }),
                _ => None,
            })
            .take(SHOWN)
            .collect(),
        problem_count: problems.len() as u32,
        problems: problems.into_iter().take(SHOWN).collect(),
        new_names: contacts
            .records
            .iter()
            .zip(&plan)
            .filter(|(_, p)| matches!(p, Plan::New))
            .map(|(r, _)| r.shown_name().to_owned())
            .take(10)
            .collect(),
    })
}

/// Skipped records and values left out, by line.
fn problems(contacts: &ReadContacts) -> Vec<PreviewProblem> {
    let skipped = contacts.skipped.iter().map(|s| PreviewProblem {
        line: s.line as u32,
        reason: s.reason.clone(),
        skipped: true,
    });
    let left_out = contacts.records.iter().flat_map(|r| &r.left_out).map(|l| PreviewProblem {
        line: l.line as u32,
        reason: l.reason.clone(),
        skipped: false,
    });
    let mut problems: Vec<PreviewProblem> = skipped.chain(left_out).collect();
    problems.sort_by_key(|p| p.line);
    problems
}

/// Imports every contact in `path`, in one transaction.
pub async fn import_file(store: &Store, path: &Path) -> Result<ContactImportReport> {
    let (file, bytes) = read_file(path).await?;
    let contacts = tokio::task::spawn_blocking(move || parse(&file, bytes))
        .await
        .map_err(|e| CoreError::Conflict(format!("the import stopped unexpectedly: {e}")))??;
    let (added, merged) = write(store, contacts.format, &contacts.records).await?;
    Ok(ContactImportReport { format: contacts.format, added, merged, skipped: contacts.skipped.len() as u32 })
}

/// Writes the records; returns (added, merged).
pub(crate) async fn write(store: &Store, format: ContactFormat, records: &[ContactRecord]) -> Result<(u32, u32)> {
    let mut tx = store.begin_write().await?;
    let plans = plan(&mut tx, format, records).await?;
    let now = time::now_seconds();

    // New people, in order, in multi-row inserts; their ids follow on.
    let fresh: Vec<(usize, &ContactRecord)> =
        records.iter().enumerate().filter(|(n, _)| matches!(plans[*n], Plan::New)).collect();
    let first_id: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM people").fetch_one(&mut *tx).await?;
    for chunk in fresh.chunks(BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO people (display_name, name_key, given_name, middle_name, family_name, honorific, credentials, \
             institution, position, city, country, email, emails_text, phone, linkedin_url, x_handle, \
             bluesky_handle, orcid, tags, notes, source, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut row, (_, r)| {
            row.push_bind(r.shown_name())
                .push_bind(name_key(&r.display_name))
                .push_bind(&r.given_name)
                .push_bind(&r.middle_name)
                .push_bind(&r.family_name)
                .push_bind(&r.honorific)
                .push_bind(&r.credentials)
                .push_bind(&r.institution)
                .push_bind(&r.position)
                .push_bind(&r.city)
                .push_bind(&r.country)
                .push_bind(r.emails.first())
                .push_bind(r.emails.join(" "))
                .push_bind(&r.phone)
                .push_bind(&r.linkedin_url)
                .push_bind(&r.x_handle)
                .push_bind(&r.bluesky_handle)
                .push_bind(&r.orcid)
                .push_bind(r.tags.join(" "))
                .push_bind(r.notes.clone().unwrap_or_default())
                .push_bind(format.as_str())
                .push_bind(now)
                .push_bind(now);
        });
        q.build().execute(&mut *tx).await?;
    }
    // Rowids of one transaction's inserts follow on from the largest; check
    // rather than assume, since every link below relies on it.
    let inserted: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE id >= ?").bind(first_id).fetch_one(&mut *tx).await?;
    if inserted != fresh.len() as i64 {
        return Err(CoreError::Conflict(
            "another program changed People during the import; nothing was imported".into(),
        ));
    }
    let id_of: HashMap<usize, PersonId> =
        fresh.iter().enumerate().map(|(k, (n, _))| (*n, PersonId(first_id + k as i64))).collect();
    let emails: Vec<(PersonId, &String)> = fresh
        .iter()
        .flat_map(|(n, r)| {
            let id = id_of[n];
            r.emails.iter().map(move |e| (id, e))
        })
        .collect();
    for chunk in emails.chunks(BATCH * 4) {
        let mut q = QueryBuilder::<Sqlite>::new("INSERT OR IGNORE INTO person_emails (person_id, email) ");
        q.push_values(chunk, |mut row, (id, email)| {
            row.push_bind(*id).push_bind(*email);
        });
        q.build().execute(&mut *tx).await?;
    }

    // Matches: fill gaps, add what is new.
    let mut merged = 0;
    let mut sources: Vec<(PersonId, String)> = Vec::new();
    for (n, record) in records.iter().enumerate() {
        // The target, and what it was shown as when the plan was made.
        let (target, shown) = match &plans[n] {
            Plan::New => (id_of[&n], record.shown_name()),
            Plan::Known { id, name, .. } => (*id, name.as_str()),
            Plan::Earlier(first) => (id_of[first], records[*first].shown_name()),
        };
        if let Some(source) = &record.source {
            sources.push((target, source_key(format, source)));
        }
        if matches!(plans[n], Plan::New) {
            continue;
        }
        merge_into(&mut tx, target, shown, record, now).await?;
        merged += 1;
    }
    for chunk in sources.chunks(BATCH * 4) {
        let mut q = QueryBuilder::<Sqlite>::new("INSERT OR IGNORE INTO person_sources (person_id, key, created_at) ");
        q.push_values(chunk, |mut row, (id, key)| {
            row.push_bind(*id).push_bind(key).push_bind(now);
        });
        q.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok((fresh.len() as u32, merged))
}

/// Merges `r` into person `id`, who was `shown` so when the plan was made.
async fn merge_into(conn: &mut SqliteConnection, id: PersonId, shown: &str, r: &ContactRecord, now: i64) -> Result<()> {
    // An address that stood in for a name gives way to the first real one
    // (the first: once replaced, the stored name no longer equals `shown`).
    if is_address_stand_in(shown) && !r.display_name.trim().is_empty() {
        sqlx::query("UPDATE people SET display_name = ?, name_key = ? WHERE id = ? AND display_name = ?")
            .bind(r.display_name.trim())
            .bind(name_key(&r.display_name))
            .bind(id)
            .bind(shown)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query(
        "UPDATE people SET given_name = COALESCE(given_name, ?), middle_name = COALESCE(middle_name, ?), \
         family_name = COALESCE(family_name, ?), \
         honorific = COALESCE(honorific, ?), credentials = COALESCE(credentials, ?), \
         institution = COALESCE(institution, ?), position = COALESCE(position, ?), city = COALESCE(city, ?), \
         country = COALESCE(country, ?), email = COALESCE(email, ?), phone = COALESCE(phone, ?), \
         linkedin_url = COALESCE(linkedin_url, ?), x_handle = COALESCE(x_handle, ?), \
         bluesky_handle = COALESCE(bluesky_handle, ?), orcid = COALESCE(orcid, ?), \
         notes = CASE WHEN ?16 = '' OR instr(notes, ?16) > 0 THEN notes \
                      WHEN notes = '' THEN ?16 ELSE notes || char(10) || ?16 END, \
         updated_at = ?17 WHERE id = ?18",
    )
    .bind(&r.given_name)
    .bind(&r.middle_name)
    .bind(&r.family_name)
    .bind(&r.honorific)
    .bind(&r.credentials)
    .bind(&r.institution)
    .bind(&r.position)
    .bind(&r.city)
    .bind(&r.country)
    .bind(r.emails.first())
    .bind(&r.phone)
    .bind(&r.linkedin_url)
    .bind(&r.x_handle)
    .bind(&r.bluesky_handle)
    .bind(&r.orcid)
    .bind(r.notes.clone().unwrap_or_default())
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    for email in &r.emails {
        sqlx::query("INSERT OR IGNORE INTO person_emails (person_id, email) VALUES (?, ?)")
            .bind(id)
            .bind(email)
            .execute(&mut *conn)
            .await?;
    }
    if !r.tags.is_empty() {
        let current: String =
            sqlx::query_scalar("SELECT tags FROM people WHERE id = ?").bind(id).fetch_one(&mut *conn).await?;
        let mut tags: Vec<&str> = current.split_whitespace().collect();
        for tag in &r.tags {
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                tags.push(tag);
            }
        }
        sqlx::query("UPDATE people SET tags = ? WHERE id = ?")
            .bind(tags.join(" "))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    refresh_emails_text(conn, id).await
}
