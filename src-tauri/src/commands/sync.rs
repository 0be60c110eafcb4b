//! Sync commands: connect Settings to the user's calendar server (the
//! password goes to the keychain, never to the database), choose the
//! calendar and what a congress sends to it, sync now, and how things stand
//! (account, last sync, error, conflicts, the background sync's activity).

use crate::autosync::SyncActivity;
use crate::{AppState, CommandError};
use hallway_core::ids::CongressId;
use hallway_core::sync::contacts::{self, Choice};
use hallway_core::sync::engine::SyncReport;
use hallway_core::sync::state::{self, Account, Calendar, SyncChoices};
use hallway_core::sync::{account, secret};
use hallway_core::CoreError;
use serde::Serialize;
use tauri::State;

/// What Settings shows about sync.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SyncStatus {
    /// The connected server account, if any.
    pub account: Option<Account>,
    /// The calendar the congress syncs to, with the last sync's time and
    /// error and what it sends.
    pub calendar: Option<Calendar>,
    /// Meetings changed on both sides, waiting for the user.
    pub conflicts: u32,
    /// Who gets a card in the server's "Hallway" address book.
    pub contacts: Choice,
}

/// What "Sync now" did: to the congress's calendar and to the contacts.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SyncNowReport {
    pub calendar: SyncReport,
    pub contacts: SyncReport,
}

/// A calendar on the server the user can pick for a congress.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ServerCalendar {
    pub href: String,
    pub name: String,
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(
    state: State<'_, AppState>,
    congress_id: Option<CongressId>,
) -> Result<SyncStatus, CommandError> {
    let account = account::current(&state.store).await?;
    let calendar = match congress_id {
        Some(id) => state::calendar(&state.store, id).await?,
        None => None,
    };
    let conflicts = match congress_id {
        Some(id) => state::conflicts(&state.store, Some(id)).await?.len(),
        None => 0,
    };
    let contacts = match &account {
        Some(a) => contacts::choice(&state.store, a.id).await?,
        None => Choice::Targets,
    };
    Ok(SyncStatus { account, calendar, conflicts: u32::try_from(conflicts).unwrap_or(u32::MAX), contacts })
}

/// What the background sync is doing, for the shell (then kept up to date
/// by the `SyncActivityChanged` event).
#[tauri::command]
#[specta::specta]
pub fn sync_activity(state: State<'_, AppState>) -> SyncActivity {
    state.sync.activity()
}

/// Checks the credentials against the server, keeps the account, and the
/// password in the keychain.
#[tauri::command]
#[specta::specta]
pub async fn sync_connect(
    state: State<'_, AppState>,
    url: String,
    user: String,
    password: String,
) -> Result<Account, CommandError> {
    let (saved, _) = account::connect(&state.store, &url, &user, &password).await?;
    let (server, name, kept) = (saved.server_url.clone(), saved.username.clone(), password.clone());
    keychain(move || secret::save_password(&server, &name, &kept)).await?;
    state.sync.password_entered(password);
    Ok(saved)
}

/// Syncs the congress with its calendar now (created on first use).
#[tauri::command]
#[specta::specta]
pub async fn sync_now(state: State<'_, AppState>, congress_id: CongressId) -> Result<SyncNowReport, CommandError> {
    let (calendar, contacts) = state.sync.sync_now(&state.store, congress_id).await?;
    Ok(SyncNowReport { calendar, contacts })
}

/// Chooses who gets a card in the server's address book; the next sync adds
/// and removes cards to match.
#[tauri::command]
#[specta::specta]
pub async fn sync_set_contacts(state: State<'_, AppState>, choice: Choice) -> Result<(), CommandError> {
    let current = account::required(&state.store).await?;
    contacts::set_choice(&state.store, current.id, choice).await?;
    state.sync.changed();
    Ok(())
}

/// The calendars on the server, to choose the one a congress syncs to.
#[tauri::command]
#[specta::specta]
pub async fn sync_calendars(state: State<'_, AppState>) -> Result<Vec<ServerCalendar>, CommandError> {
    let password = read_password(account::required(&state.store).await?).await?;
    let found = account::calendars(&state.store, &password).await?;
    Ok(found
        .into_iter()
        .map(|c| ServerCalendar { name: c.display_name.clone().unwrap_or_else(|| c.href.clone()), href: c.href })
        .collect())
}

/// Makes the congress sync to one of the server's calendars, then syncs it.
#[tauri::command]
#[specta::specta]
pub async fn sync_use_calendar(
    state: State<'_, AppState>,
    congress_id: CongressId,
    href: String,
) -> Result<(), CommandError> {
    let password = read_password(account::required(&state.store).await?).await?;
    account::use_calendar(&state.store, congress_id, &href, &password).await?;
    state.sync.changed();
    Ok(())
}

/// Saves what the congress sends to its calendar; the next sync applies it.
#[tauri::command]
#[specta::specta]
pub async fn sync_set_choices(
    state: State<'_, AppState>,
    congress_id: CongressId,
    choices: SyncChoices,
) -> Result<(), CommandError> {
    if !state::set_choices(&state.store, congress_id, &choices).await? {
        return Err(CoreError::not_found("sync calendar for congress", congress_id).into());
    }
    state.sync.changed();
    Ok(())
}

/// Stops syncing the congress: what is on the server stays there as it is.
#[tauri::command]
#[specta::specta]
pub async fn sync_stop(state: State<'_, AppState>, congress_id: CongressId) -> Result<(), CommandError> {
    state::forget_calendar(&state.store, congress_id).await?;
    state.sync.changed();
    Ok(())
}

/// The account's password from the keychain.
pub(crate) async fn read_password(account: Account) -> Result<String, CoreError> {
    keychain(move || secret::password(&account.server_url, &account.username)).await
}

/// Runs a keychain call off the async runtime (the Secret Service is a
/// blocking D-Bus conversation).
async fn keychain<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    match tokio::task::spawn_blocking(call).await {
        Ok(result) => result,
        Err(e) => Err(CoreError::Sync(format!("The keychain did not answer: {e}"))),
    }
}
