//! Sync commands: connect Settings to the user's calendar server (the
//! password goes to the keychain, never to the database), sync the current
//! congress now, and how things stand (account, last sync, error, conflicts).

use crate::{AppState, CommandError};
use hallway_core::ids::CongressId;
use hallway_core::sync::engine::SyncReport;
use hallway_core::sync::state::{self, Account, Calendar};
use hallway_core::sync::{account, secret};
use hallway_core::CoreError;
use serde::Serialize;
use tauri::State;

/// What Settings shows about sync.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SyncStatus {
    /// The connected server account, if any.
    pub account: Option<Account>,
    /// The calendar the congress syncs to, with the last sync's time and error.
    pub calendar: Option<Calendar>,
    /// Meetings changed on both sides, waiting for the user.
    pub conflicts: u32,
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
    Ok(SyncStatus { account, calendar, conflicts: u32::try_from(conflicts).unwrap_or(u32::MAX) })
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
    let (server, name) = (saved.server_url.clone(), saved.username.clone());
    keychain(move || secret::save_password(&server, &name, &password)).await?;
    Ok(saved)
}

/// Syncs the congress with its calendar now (created on first use).
#[tauri::command]
#[specta::specta]
pub async fn sync_now(state: State<'_, AppState>, congress_id: CongressId) -> Result<SyncReport, CommandError> {
    let current = account::current(&state.store)
        .await?
        .ok_or_else(|| CoreError::Sync("No calendar server is connected yet: add one in Settings.".into()))?;
    let password = keychain(move || secret::password(&current.server_url, &current.username)).await?;
    Ok(account::sync_congress(&state.store, congress_id, &password).await?)
}

/// Runs a keychain call off the async runtime (the Secret Service is a
/// blocking D-Bus conversation).
async fn keychain<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CommandError> {
    match tokio::task::spawn_blocking(call).await {
        Ok(result) => Ok(result?),
        Err(e) => Err(CoreError::Sync(format!("The keychain did not answer: {e}")).into()),
    }
}
