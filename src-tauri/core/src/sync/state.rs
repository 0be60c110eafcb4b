//! What the server holds of the plan, as Hallway remembers it (migration
//! 0005): the account, the calendar each congress syncs to with its sync
//! token, every item written with its href, ETag and the digest of the text
//! sent, and the open conflicts. The planner reads [`items`] and
//! [`conflicted`]; the engine writes back one item at a time, right after
//! the server answered, so a sync killed halfway resumes from the truth.

use super::plan::{Kind, Stored};
use crate::export::ExportOptions;
use crate::ids::CongressId;
use crate::{time, CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A server account found by discovery. The password is not here: it is in
/// the operating system's keychain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, sqlx::FromRow)]
pub struct Account {
    #[specta(type = f64)]
    pub id: i64,
    pub server_url: String,
    pub username: String,
    pub principal: String,
    pub calendar_home: String,
    pub addressbook_home: Option<String>,
}

/// The calendar a congress syncs to, and how the last sync went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, sqlx::FromRow)]
pub struct Calendar {
    pub congress_id: CongressId,
    #[specta(type = f64)]
    pub account_id: i64,
    pub href: String,
    pub created_by_hallway: bool,
    pub sync_token: Option<String>,
    /// Unix seconds.
    #[specta(type = Option<f64>)]
    pub last_synced_at: Option<i64>,
    pub last_error: Option<String>,
    /// What the user chose to sync to it.
    #[sqlx(flatten)]
    pub choices: SyncChoices,
}

/// What a congress sends to its calendar, chosen in Settings (migration
/// 0006; the defaults are what the first sync does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type, sqlx::FromRow)]
pub struct SyncChoices {
    pub meetings: bool,
    /// Sessions marked attending.
    pub sessions: bool,
    /// Sessions marked maybe, as tentative.
    pub maybes: bool,
    /// Follow-ups owed, as all-day items.
    pub follow_ups: bool,
    /// Cancelled meetings stay on the calendar as `STATUS:CANCELLED`
    /// (crossed out on most phones) instead of being removed.
    pub cancelled: bool,
    /// A reminder this many minutes before each item (VALARM); none when None.
    pub alarm_minutes: Option<u32>,
    /// Syncs by itself after each change, at start and every few minutes.
    pub auto: bool,
}

impl Default for SyncChoices {
    fn default() -> Self {
        Self {
            meetings: true,
            sessions: true,
            maybes: true,
            follow_ups: true,
            cancelled: false,
            alarm_minutes: None,
            auto: true,
        }
    }
}

impl SyncChoices {
    /// The export options that render what these choices send.
    pub fn export_options(&self) -> ExportOptions {
        ExportOptions {
            meetings: self.meetings,
            sessions: self.sessions,
            maybes: self.maybes,
            follow_ups: self.follow_ups,
            cancelled: self.cancelled,
            alarm_minutes: self.alarm_minutes,
        }
    }
}

/// A meeting changed on both sides: both texts, until the user picks one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Conflict {
    pub id: i64,
    pub congress_id: CongressId,
    pub uid: String,
    pub href: String,
    pub local_text: String,
    /// None: the server deleted it.
    pub server_text: Option<String>,
    pub server_etag: Option<String>,
    pub found_at: i64,
}

/// Saves an account (or refreshes what discovery found for it); its id.
pub async fn save_account(store: &Store, account: &Account) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO dav_accounts (server_url, username, principal, calendar_home, addressbook_home, created_at) \
         VALUES (?, ?, ?, ?, ?, ?) \
         ON CONFLICT (server_url, username) DO UPDATE SET principal = excluded.principal, \
         calendar_home = excluded.calendar_home, addressbook_home = excluded.addressbook_home RETURNING id",
    )
    .bind(&account.server_url)
    .bind(&account.username)
    .bind(&account.principal)
    .bind(&account.calendar_home)
    .bind(&account.addressbook_home)
    .bind(time::now_seconds())
    .fetch_one(store.pool())
    .await?;
    Ok(id)
}

/// Every saved account, oldest first.
pub async fn accounts(store: &Store) -> Result<Vec<Account>> {
    Ok(sqlx::query_as(
        "SELECT id, server_url, username, principal, calendar_home, addressbook_home FROM dav_accounts ORDER BY id",
    )
    .fetch_all(store.pool())
    .await?)
}

/// The calendar `congress` syncs to, if one was chosen.
pub async fn calendar(store: &Store, congress: CongressId) -> Result<Option<Calendar>> {
    Ok(sqlx::query_as(
        "SELECT congress_id, account_id, href, created_by_hallway, sync_token, last_synced_at, last_error, \
         meetings, sessions, maybes, follow_ups, cancelled, alarm_minutes, auto FROM dav_calendars WHERE congress_id = ?",
    )
    .bind(congress)
    .fetch_optional(store.pool())
    .await?)
}

/// Makes `href` the calendar `congress` syncs to. Choosing another calendar
/// forgets what was written to the old one (it stays there untouched).
pub async fn set_calendar(store: &Store, congress: CongressId, account: i64, href: &str, created: bool) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    let old: Option<String> = sqlx::query_scalar("SELECT href FROM dav_calendars WHERE congress_id = ?")
        .bind(congress)
        .fetch_optional(&mut *tx)
        .await?;
    if old.as_deref() != Some(href) {
        sqlx::query("DELETE FROM dav_items WHERE congress_id = ?").bind(congress).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM dav_conflicts WHERE congress_id = ?").bind(congress).execute(&mut *tx).await?;
    }
    sqlx::query(
        "INSERT INTO dav_calendars (congress_id, account_id, href, created_by_hallway) VALUES (?, ?, ?, ?) \
         ON CONFLICT (congress_id) DO UPDATE SET account_id = excluded.account_id, href = excluded.href, \
         created_by_hallway = excluded.created_by_hallway, \
         sync_token = CASE WHEN dav_calendars.href = excluded.href THEN dav_calendars.sync_token END",
    )
    .bind(congress)
    .bind(account)
    .bind(href)
    .bind(created)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every congress that syncs to a calendar, with how it went.
pub async fn calendars(store: &Store) -> Result<Vec<Calendar>> {
    Ok(sqlx::query_as(
        "SELECT congress_id, account_id, href, created_by_hallway, sync_token, last_synced_at, last_error, \
         meetings, sessions, maybes, follow_ups, cancelled, alarm_minutes, auto FROM dav_calendars ORDER BY congress_id",
    )
    .fetch_all(store.pool())
    .await?)
}

/// Saves what `congress` sends to its calendar. A congress with no calendar
/// yet gets its choices when the calendar is made: false.
pub async fn set_choices(store: &Store, congress: CongressId, choices: &SyncChoices) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE dav_calendars SET meetings = ?, sessions = ?, maybes = ?, follow_ups = ?, cancelled = ?, \
         alarm_minutes = ?, auto = ? WHERE congress_id = ?",
    )
    .bind(choices.meetings)
    .bind(choices.sessions)
    .bind(choices.maybes)
    .bind(choices.follow_ups)
    .bind(choices.cancelled)
    .bind(choices.alarm_minutes)
    .bind(choices.auto)
    .bind(congress)
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Stops syncing `congress`: what Hallway wrote stays on the server,
/// untouched; syncing again starts from a full listing.
pub async fn forget_calendar(store: &Store, congress: CongressId) -> Result<()> {
    let mut tx = store.pool().begin().await?;
    for table in ["dav_items", "dav_conflicts", "dav_calendars"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE congress_id = ?")).bind(congress).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Records how a sync of `congress` ended: the new token (None keeps the
/// old one) and the error in words, or none.
pub async fn finish_sync(store: &Store, congress: CongressId, token: Option<&str>, error: Option<&str>) -> Result<()> {
    sqlx::query(
        "UPDATE dav_calendars SET sync_token = COALESCE(?, sync_token), last_error = ?, \
         last_synced_at = CASE WHEN ? IS NULL THEN ? ELSE last_synced_at END WHERE congress_id = ?",
    )
    .bind(token)
    .bind(error)
    .bind(error)
    .bind(time::now_seconds())
    .bind(congress)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Drops the sync token, so the next pull lists every ETag (the server
/// refused the token).
pub async fn forget_token(store: &Store, congress: CongressId) -> Result<()> {
    sqlx::query("UPDATE dav_calendars SET sync_token = NULL WHERE congress_id = ?")
        .bind(congress)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// What Hallway wrote to the server for `congress`.
pub async fn items(store: &Store, congress: CongressId) -> Result<Vec<Stored>> {
    let rows: Vec<(String, String, String, String, String)> =
        sqlx::query_as("SELECT uid, kind, href, etag, pushed_hash FROM dav_items WHERE congress_id = ? ORDER BY uid")
            .bind(congress)
            .fetch_all(store.pool())
            .await?;
    rows.into_iter()
        .map(|(uid, kind, href, etag, pushed_hash)| {
            // The table's CHECK allows only the three kinds.
            let kind = Kind::parse(&kind).ok_or_else(|| {
                CoreError::Database(sqlx::Error::Decode(format!("dav_items: unknown kind {kind}").into()))
            })?;
            Ok(Stored { uid, kind, href, etag, pushed_hash })
        })
        .collect()
}

/// Remembers that the server holds `item` (after it answered with its ETag).
pub async fn put_item(store: &Store, congress: CongressId, item: &Stored) -> Result<()> {
    sqlx::query(
        "INSERT INTO dav_items (congress_id, uid, kind, href, etag, pushed_hash, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (congress_id, uid) DO UPDATE SET kind = excluded.kind, href = excluded.href, \
         etag = excluded.etag, pushed_hash = excluded.pushed_hash, synced_at = excluded.synced_at",
    )
    .bind(congress)
    .bind(&item.uid)
    .bind(item.kind.as_str())
    .bind(&item.href)
    .bind(&item.etag)
    .bind(&item.pushed_hash)
    .bind(time::now_seconds())
    .execute(store.pool())
    .await?;
    Ok(())
}

/// What the phone added to each item of `congress` (`dav_items.kept`), by UID.
pub async fn kept(store: &Store, congress: CongressId) -> Result<BTreeMap<String, String>> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT uid, kept FROM dav_items WHERE congress_id = ? AND kept IS NOT NULL")
            .bind(congress)
            .fetch_all(store.pool())
            .await?;
    Ok(rows.into_iter().collect())
}

/// Saves the lines of the server's copy Hallway puts back into every text it
/// sends for `uid` (None: nothing to keep).
pub async fn set_kept(store: &Store, congress: CongressId, uid: &str, kept: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE dav_items SET kept = ? WHERE congress_id = ? AND uid = ?")
        .bind(kept)
        .bind(congress)
        .bind(uid)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Forgets an item: it is gone from the server.
pub async fn remove_item(store: &Store, congress: CongressId, uid: &str) -> Result<()> {
    sqlx::query("DELETE FROM dav_items WHERE congress_id = ? AND uid = ?")
        .bind(congress)
        .bind(uid)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Keeps both versions of an item changed on both sides.
pub async fn add_conflict(
    store: &Store,
    congress: CongressId,
    uid: &str,
    href: &str,
    local_text: &str,
    server: Option<(&str, &str)>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO dav_conflicts (congress_id, uid, href, local_text, server_text, server_etag, found_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (congress_id, uid) DO UPDATE SET local_text = excluded.local_text, \
         server_text = excluded.server_text, server_etag = excluded.server_etag, found_at = excluded.found_at",
    )
    .bind(congress)
    .bind(uid)
    .bind(href)
    .bind(local_text)
    .bind(server.map(|(_, text)| text))
    .bind(server.map(|(etag, _)| etag))
    .bind(time::now_seconds())
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Open conflicts, for one congress or all.
pub async fn conflicts(store: &Store, congress: Option<CongressId>) -> Result<Vec<Conflict>> {
    Ok(sqlx::query_as(
        "SELECT id, congress_id, uid, href, local_text, server_text, server_etag, found_at FROM dav_conflicts \
         WHERE ?1 IS NULL OR congress_id = ?1 ORDER BY found_at, id",
    )
    .bind(congress)
    .fetch_all(store.pool())
    .await?)
}

/// The UIDs with an open conflict in `congress`: the planner leaves them alone.
pub async fn conflicted(store: &Store, congress: CongressId) -> Result<BTreeSet<String>> {
    let uids: Vec<String> = sqlx::query_scalar("SELECT uid FROM dav_conflicts WHERE congress_id = ?")
        .bind(congress)
        .fetch_all(store.pool())
        .await?;
    Ok(uids.into_iter().collect())
}

/// Closes a conflict once the user picked a version.
pub async fn remove_conflict(store: &Store, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM dav_conflicts WHERE id = ?").bind(id).execute(store.pool()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::congress::{self, CongressDraft};

    async fn store_with_congress() -> (Store, CongressId, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("t.sqlite3")).await.expect("store");
        let draft = CongressDraft {
            name: "ASH 2026".into(),
            short_name: "ASH26".into(),
            starts_on: "2026-12-05".into(),
            ends_on: "2026-12-08".into(),
            time_zone: "America/New_York".into(),
            ..CongressDraft::default()
        };
        let created = congress::create(&store, &draft).await.expect("congress");
        (store, created.id, dir)
    }

    fn account() -> Account {
        Account {
            id: 0,
            server_url: "https://dav.example/".into(),
            username: "alice".into(),
            principal: "/alice/".into(),
            calendar_home: "/alice/".into(),
            addressbook_home: None,
        }
    }

    #[tokio::test]
    async fn items_round_trip_and_a_new_calendar_forgets_the_old_ones() {
        let (store, congress, _dir) = store_with_congress().await;
        let id = save_account(&store, &account()).await.unwrap();
        assert_eq!(save_account(&store, &account()).await.unwrap(), id, "one account per server and user");
        set_calendar(&store, congress, id, "/alice/ash/", true).await.unwrap();
        let item = Stored {
            uid: "m1@hallway.app".into(),
            kind: Kind::Meeting,
            href: "/alice/ash/m1.ics".into(),
            etag: "\"1\"".into(),
            pushed_hash: "abc".into(),
        };
        put_item(&store, congress, &item).await.unwrap();
        put_item(&store, congress, &Stored { etag: "\"2\"".into(), ..item.clone() }).await.unwrap();
        assert_eq!(items(&store, congress).await.unwrap(), vec![Stored { etag: "\"2\"".into(), ..item.clone() }]);

        finish_sync(&store, congress, Some("token-1"), None).await.unwrap();
        let saved = calendar(&store, congress).await.unwrap().unwrap();
        assert_eq!(saved.sync_token.as_deref(), Some("token-1"));
        assert!(saved.last_synced_at.is_some() && saved.last_error.is_none());
        finish_sync(&store, congress, None, Some("The server could not be reached.")).await.unwrap();
        let failed = calendar(&store, congress).await.unwrap().unwrap();
        assert_eq!(
            (failed.sync_token.as_deref(), failed.last_error.as_deref()),
            (Some("token-1"), Some("The server could not be reached."))
        );

        set_calendar(&store, congress, id, "/alice/ash/", true).await.unwrap();
        assert_eq!(items(&store, congress).await.unwrap().len(), 1, "the same calendar keeps its items");
        set_calendar(&store, congress, id, "/alice/other/", false).await.unwrap();
        assert!(items(&store, congress).await.unwrap().is_empty());
        assert_eq!(calendar(&store, congress).await.unwrap().unwrap().sync_token, None);
    }

    #[tokio::test]
    async fn conflicts_keep_both_versions_until_removed() {
        let (store, congress, _dir) = store_with_congress().await;
        add_conflict(&store, congress, "m1", "/c/m1.ics", "LOCAL", Some(("\"3\"", "SERVER"))).await.unwrap();
        add_conflict(&store, congress, "m2", "/c/m2.ics", "LOCAL2", None).await.unwrap();
        let open = conflicts(&store, Some(congress)).await.unwrap();
        assert_eq!(open.len(), 2);
        assert_eq!((open[0].server_text.as_deref(), open[0].server_etag.as_deref()), (Some("SERVER"), Some("\"3\"")));
        assert_eq!(open[1].server_text, None);
        assert_eq!(conflicted(&store, congress).await.unwrap(), ["m1".to_owned(), "m2".to_owned()].into());
        remove_conflict(&store, open[0].id).await.unwrap();
        assert_eq!(conflicts(&store, None).await.unwrap().len(), 1);
    }
}
