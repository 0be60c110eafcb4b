//! App-wide facts the UI shows: version, where the data lives, time zones.

use crate::{AppState, CommandError};
use serde::Serialize;
use tauri::State;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    /// The SQLite file holding all of the user's data.
    pub database_path: String,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_path: state.store.path().display().to_string(),
    })
}

/// Every IANA time zone name, sorted, for the pickers.
#[tauri::command]
#[specta::specta]
pub fn time_zones() -> Vec<String> {
    hallway_core::time::zone_names()
}

/// Opens an address from the user's data (a session's page, a LinkedIn
/// profile) in the OS browser or mail program. Only http, https and mailto
/// leave the app; anything else (javascript:, file:, data:…) is refused. The
/// UI shows the address and asks before calling this.
#[tauri::command]
#[specta::specta]
pub async fn open_link(url: String) -> Result<(), CommandError> {
    let url = hallway_core::links::safe_link(&url).ok_or_else(|| CommandError::Invalid {
        message: format!("Hallway only opens web and email addresses, not “{}”.", url.trim()),
        problems: Vec::new(),
    })?;
    open::that_detached(url).map_err(|e| CommandError::Io { message: format!("Could not open the address: {e}") })
}
