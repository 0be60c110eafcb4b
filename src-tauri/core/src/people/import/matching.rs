//! Which read contacts are people already known, and which repeat an
//! earlier row of the same file: the one decision the preview shows and the
//! import carries out, so the two cannot disagree.
//!
//! A contact is known, in this order, by where it came from (the same card
//! or row of an earlier import: its UID, or a digest of what it says), by
//! any email, by LinkedIn address, by name plus institution, or by name
//! plus phone number. The source comes first so that re-importing an
//! unchanged file finds everyone again, phone-only contacts included.

use super::record::ContactRecord;
use super::ContactFormat;
use crate::ids::PersonId;
use crate::people::name::name_key;
use crate::Result;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use std::collections::HashMap;
use std::hash::Hash;

/// How a contact was recognised as someone already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The same vCard (UID) or the same unchanged card or row, imported before.
    SameSource,
    Email,
    Linkedin,
    NameAndInstitution,
    NameAndPhone,
}

/// What to do with one record.
pub(super) enum Plan {
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

/// The keys a record or a stored person can be found by.
#[derive(Default)]
struct Keys {
    source: Option<String>,
    emails: Vec<String>,
    linkedin: Option<String>,
    name_institution: Option<(String, String)>,
    name_phone: Option<(String, String)>,
}

impl Keys {
    fn of(format: ContactFormat, record: &ContactRecord) -> Keys {
        let name = name_key(&record.display_name);
        let with_name = |other: Option<String>| other.filter(|_| !name.is_empty()).map(|o| (name.clone(), o));
        Keys {
            source: record.source.as_deref().map(|s| source_key(format, s)),
            emails: record.emails.iter().map(|e| e.to_lowercase()).collect(),
            linkedin: record.linkedin_url.as_deref().map(linkedin_key),
            name_institution: with_name(record.institution.as_deref().and_then(institution_key)),
            name_phone: with_name(record.phone.as_deref().and_then(phone_key)),
        }
    }
}

/// Each matching key to what it identifies: a stored person (id and name),
/// or, for the file's own new records, the record's index.
struct Index<T> {
    source: HashMap<String, T>,
    email: HashMap<String, T>,
    linkedin: HashMap<String, T>,
    name_institution: HashMap<(String, String), T>,
    name_phone: HashMap<(String, String), T>,
}

impl<T> Default for Index<T> {
    fn default() -> Self {
        Self {
            source: HashMap::new(),
            email: HashMap::new(),
            linkedin: HashMap::new(),
            name_institution: HashMap::new(),
            name_phone: HashMap::new(),
        }
    }
}

impl<T: Clone> Index<T> {
    /// What `keys` find, and by which, in the order of the module comment.
    fn find(&self, keys: &Keys) -> Option<(&T, MatchedBy)> {
        fn get<'a, K: Eq + Hash, T>(map: &'a HashMap<K, T>, key: Option<&K>) -> Option<&'a T> {
            key.and_then(|k| map.get(k))
        }
        get(&self.source, keys.source.as_ref())
            .map(|t| (t, MatchedBy::SameSource))
            .or_else(|| keys.emails.iter().find_map(|e| self.email.get(e)).map(|t| (t, MatchedBy::Email)))
            .or_else(|| get(&self.linkedin, keys.linkedin.as_ref()).map(|t| (t, MatchedBy::Linkedin)))
            .or_else(|| {
                get(&self.name_institution, keys.name_institution.as_ref()).map(|t| (t, MatchedBy::NameAndInstitution))
            })
            .or_else(|| get(&self.name_phone, keys.name_phone.as_ref()).map(|t| (t, MatchedBy::NameAndPhone)))
    }

    /// Adds every key of `keys`, keeping what a key already found.
    fn add(&mut self, keys: Keys, value: T) {
        fn put<K: Eq + Hash, T>(map: &mut HashMap<K, T>, key: Option<K>, value: &T)
        where
            T: Clone,
        {
            if let Some(key) = key {
                map.entry(key).or_insert_with(|| value.clone());
            }
        }
        put(&mut self.source, keys.source, &value);
        for email in keys.emails {
            self.email.entry(email).or_insert_with(|| value.clone());
        }
        put(&mut self.linkedin, keys.linkedin, &value);
        put(&mut self.name_institution, keys.name_institution, &value);
        put(&mut self.name_phone, keys.name_phone, &value);
    }
}

/// The stored key of a record's source: the format keeps a CSV row's
/// digest apart from a card's.
pub(super) fn source_key(format: ContactFormat, source: &str) -> String {
    format!("{}:{source}", format.as_str())
}

fn linkedin_key(url: &str) -> String {
    url.trim()
        .trim_end_matches('/')
        .to_lowercase()
        .replace("http://", "https://")
        .replace("://linkedin", "://www.linkedin")
}

fn institution_key(text: &str) -> Option<String> {
    let key = deunicode::deunicode(text).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    (!key.is_empty()).then_some(key)
}

/// The last nine digits: "+34 600 123 456", "0034600123456" and
/// "600 12 34 56" agree, and the name must match as well.
fn phone_key(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| digits[digits.len().saturating_sub(9)..].iter().collect())
}

#[derive(sqlx::FromRow)]
struct KnownRow {
    id: PersonId,
    name: String,
    key: String,
    institution: Option<String>,
    linkedin: Option<String>,
    phone: Option<String>,
}

const LIVE: &str = "p.deleted_at IS NULL AND p.merged_into IS NULL";

async fn index(conn: &mut SqliteConnection) -> Result<Index<(PersonId, String)>> {
    let mut index = Index::default();
    let sources: Vec<(String, PersonId, String)> = sqlx::query_as(&format!(
        "SELECT s.key, p.id, p.display_name FROM person_sources s JOIN people p ON p.id = s.person_id \
         WHERE {LIVE} ORDER BY s.created_at DESC, p.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (key, id, name) in sources {
        index.source.entry(key).or_insert((id, name));
    }
    let rows: Vec<(String, PersonId, String)> = sqlx::query_as(&format!(
        "SELECT lower(e.email), p.id, p.display_name FROM person_emails e JOIN people p ON p.id = e.person_id WHERE {LIVE}"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for (email, id, name) in rows {
        index.email.entry(email).or_insert((id, name));
    }
    let rows: Vec<KnownRow> = sqlx::query_as(&format!(
        "SELECT p.id, p.display_name AS name, p.name_key AS key, p.institution, p.linkedin_url AS linkedin, p.phone \
         FROM people p WHERE {LIVE} ORDER BY p.id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    for KnownRow { id, name, key, institution, linkedin, phone } in rows {
        let with_name = |other: Option<String>| other.filter(|_| !key.is_empty()).map(|o| (key.clone(), o));
        let keys = Keys {
            linkedin: linkedin.as_deref().map(linkedin_key),
            name_institution: with_name(institution.as_deref().and_then(institution_key)),
            name_phone: with_name(phone.as_deref().and_then(phone_key)),
            ..Keys::default()
        };
        index.add(keys, (id, name));
    }
    Ok(index)
}

/// What to do with each of `records`, read from a file of `format`.
pub(super) async fn plan(
    conn: &mut SqliteConnection,
    format: ContactFormat,
    records: &[ContactRecord],
) -> Result<Vec<Plan>> {
    let known = index(conn).await?;
    // Keys of this file's new records, so repeats within the file merge.
    let mut earlier: Index<usize> = Index::default();
    let mut plans = Vec::with_capacity(records.len());
    for (n, record) in records.iter().enumerate() {
        let keys = Keys::of(format, record);
        if let Some(((id, name), by)) = known.find(&keys) {
            plans.push(Plan::Known { id: *id, name: name.clone(), by });
        } else if let Some((first, _)) = earlier.find(&keys) {
            plans.push(Plan::Earlier(*first));
        } else {
            earlier.add(keys, n);
            plans.push(Plan::New);
        }
    }
    Ok(plans)
}
