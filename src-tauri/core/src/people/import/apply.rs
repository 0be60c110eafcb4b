//! From read contacts to people: the preview a user sees before anything is
//! written (how many are new, which match someone already known and why,
//! which rows have problems), and the import itself, in one transaction.
//!
//! A contact matches a known person by any email, by LinkedIn address, or by
//! normalised name plus institution. A match is merged: empty fields are
//! filled, new emails, tags and notes are added; nothing known is
//! overwritten. Two rows of one file that match each other become one person.

use super::record::ContactRecord;
use super::{read, ContactFormat, ReadError, MAX_FILE_BYTES};
use crate::ids::PersonId;
use crate::people::name::name_key;
use crate::people::queries::refresh_emails_text;
use crate::{time, CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use std::collections::HashMap;
use std::path::Path;

/// How a contact was recognised as someone already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    Email,
    Linkedin,
    NameAndInstitution,
}

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
    /// The first rows with problems, and why.
    pub problems: Vec<PreviewProblem>,
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
    let plan = plan(&mut conn, &contacts.records).await?;
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
                    name: record.display_name.clone(),
                    existing_id: *id,
                    existing_name: name.clone(),
                    matched_by: *by,
                }),
                _ => None,
            })
            .take(SHOWN)
            .collect(),
        problems: contacts
            .skipped
            .iter()
            .take(SHOWN)
            .map(|s| PreviewProblem { line: s.line as u32, reason: s.reason.clone() })
            .collect(),
        new_names: contacts
            .records
            .iter()
            .zip(&plan)
            .filter(|(_, p)| matches!(p, Plan::New))
            .map(|(r, _)| r.display_name.clone())
            .take(10)
            .collect(),
    })
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

/// What to do with one record.
enum Plan {
    New,
    /// Matches someone stored.
    Known {
        id: PersonId,
        name: String,
        by: MatchedBy,
    },
    /// Matches an earlier new record of the same file (by its index).
    Earlier(usize),
}

/// Each matching key to what it identifies: a stored person (id and name),
/// or, for the file's own new records, the record's index.
struct Index<T> {
    email: HashMap<String, T>,
    linkedin: HashMap<String, T>,
    name_institution: HashMap<(String, String), T>,
}

impl<T> Default for Index<T> {
    fn default() -> Self {
        Self { email: HashMap::new(), linkedin: HashMap::new(), name_institution: HashMap::new() }
    }
}

fn linkedin_key(url: &str) -> String {
    url.trim()
        .trim_end_matches('/')
        .to_lowercase()
        .replace("http://", "https://")
        .replace("://linkedin", "://www.linkedin")
}

fn institution_key(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(sqlx::FromRow)]
struct KnownRow {
    id: PersonId,
    name: String,
    key: String,
    institution: Option<String>,
    linkedin: Option<String>,
}

async fn index(conn: &mut SqliteConnection) -> Result<Index<(PersonId, String)>> {
    let mut index = Index::default();
    let live = "p.deleted_at IS NULL AND p.merged_into IS NULL";
    let rows: Vec<(String, PersonId, String)> = sqlx::query_as(&format!(
        "SELECT lower(e.email), p.id, p.display_name FROM person_emails e JOIN people p ON p.id = e.person_id WHERE {live}"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (email, id, name) in rows {
        index.email.entry(email).or_insert((id, name));
    }
    let rows: Vec<KnownRow> = sqlx::query_as(&format!(
        "SELECT p.id, p.display_name AS name, p.name_key AS key, p.institution, p.linkedin_url AS linkedin \
         FROM people p WHERE {live} ORDER BY p.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for KnownRow { id, name, key, institution, linkedin } in rows {
        if let Some(url) = linkedin {
            index.linkedin.entry(linkedin_key(&url)).or_insert((id, name.clone()));
        }
        if let Some(institution) = institution.filter(|i| !i.trim().is_empty()) {
            index.name_institution.entry((key, institution_key(&institution))).or_insert((id, name));
        }
    }
    Ok(index)
}

async fn plan(conn: &mut SqliteConnection, records: &[ContactRecord]) -> Result<Vec<Plan>> {
    let index = index(conn).await?;
    // Keys of this file's new records, so repeats within the file merge.
    let mut earlier: Index<usize> = Index::default();
    let mut plans = Vec::with_capacity(records.len());
    for (n, record) in records.iter().enumerate() {
        let emails: Vec<String> = record.emails.iter().map(|e| e.to_lowercase()).collect();
        let linkedin = record.linkedin_url.as_deref().map(linkedin_key);
        let name_inst = record
            .institution
            .as_deref()
            .filter(|i| !i.trim().is_empty())
            .map(|i| (name_key(&record.display_name), institution_key(i)));
        let known = emails
            .iter()
            .find_map(|e| index.email.get(e).map(|k| (k, MatchedBy::Email)))
            .or_else(|| linkedin.as_ref().and_then(|l| index.linkedin.get(l)).map(|k| (k, MatchedBy::Linkedin)))
            .or_else(|| {
                name_inst
                    .as_ref()
                    .and_then(|k| index.name_institution.get(k))
                    .map(|k| (k, MatchedBy::NameAndInstitution))
            });
        if let Some(((id, name), by)) = known {
            plans.push(Plan::Known { id: *id, name: name.clone(), by });
            continue;
        }
        let repeat = emails
            .iter()
            .find_map(|e| earlier.email.get(e))
            .or_else(|| linkedin.as_ref().and_then(|l| earlier.linkedin.get(l)))
            .or_else(|| name_inst.as_ref().and_then(|k| earlier.name_institution.get(k)));
        if let Some(first) = repeat {
            plans.push(Plan::Earlier(*first));
            continue;
        }
        for e in emails {
            earlier.email.insert(e, n);
        }
        if let Some(l) = linkedin {
            earlier.linkedin.insert(l, n);
        }
        if let Some(k) = name_inst {
            earlier.name_institution.insert(k, n);
        }
        plans.push(Plan::New);
    }
    Ok(plans)
}

/// Writes the records; returns (added, merged).
pub(crate) async fn write(store: &Store, format: ContactFormat, records: &[ContactRecord]) -> Result<(u32, u32)> {
    let mut tx = store.begin_write().await?;
    let plans = plan(&mut tx, records).await?;
    let now = time::now_seconds();

    // New people, in order, in multi-row inserts; their ids follow on.
    let fresh: Vec<(usize, &ContactRecord)> =
        records.iter().enumerate().filter(|(n, _)| matches!(plans[*n], Plan::New)).collect();
    let first_id: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM people").fetch_one(&mut *tx).await?;
    for chunk in fresh.chunks(BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO people (display_name, name_key, given_name, family_name, honorific, credentials, \
             institution, position, city, country, email, emails_text, phone, linkedin_url, x_handle, \
             bluesky_handle, orcid, tags, notes, source, created_at, updated_at) ",
        );
        q.push_values(chunk, |mut row, (_, r)| {
            row.push_bind(r.display_name.trim())
                .push_bind(name_key(&r.display_name))
                .push_bind(&r.given_name)
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
    for (n, record) in records.iter().enumerate() {
        let target = match &plans[n] {
            Plan::New => continue,
            Plan::Known { id, .. } => *id,
            Plan::Earlier(first) => id_of[first],
        };
        merge_into(&mut tx, target, record, now).await?;
        merged += 1;
    }
    tx.commit().await?;
    Ok((fresh.len() as u32, merged))
}

async fn merge_into(conn: &mut SqliteConnection, id: PersonId, r: &ContactRecord, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE people SET given_name = COALESCE(given_name, ?), family_name = COALESCE(family_name, ?), \
         honorific = COALESCE(honorific, ?), credentials = COALESCE(credentials, ?), \
         institution = COALESCE(institution, ?), position = COALESCE(position, ?), city = COALESCE(city, ?), \
         country = COALESCE(country, ?), email = COALESCE(email, ?), phone = COALESCE(phone, ?), \
         linkedin_url = COALESCE(linkedin_url, ?), x_handle = COALESCE(x_handle, ?), \
         bluesky_handle = COALESCE(bluesky_handle, ?), orcid = COALESCE(orcid, ?), \
         notes = CASE WHEN ?15 = '' OR instr(notes, ?15) > 0 THEN notes \
                      WHEN notes = '' THEN ?15 ELSE notes || char(10) || ?15 END, \
         updated_at = ?16 WHERE id = ?17",
    )
    .bind(&r.given_name)
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
