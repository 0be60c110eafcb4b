//! Settings commands: preferences and the current congress.

use crate::{AppState, CommandError};
use hallway_core::settings::{self, Settings};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, CommandError> {
    Ok(settings::get(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings, CommandError> {
    Ok(settings::update(&state.store, &settings).await?)
}
