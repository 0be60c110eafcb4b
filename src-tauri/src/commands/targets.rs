//! Target commands: the targets board of a congress.

use crate::{AppState, CommandError};
use hallway_core::ids::{CongressId, PersonId, TargetId};
use hallway_core::targets::{self, Target, TargetDraft, TargetStatus};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_targets(state: State<'_, AppState>, congress_id: CongressId) -> Result<Vec<Target>, CommandError> {
    Ok(targets::list(&state.store, congress_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_target(
    state: State<'_, AppState>,
    congress_id: CongressId,
    person_id: PersonId,
    draft: TargetDraft,
) -> Result<Target, CommandError> {
    Ok(targets::set(&state.store, congress_id, person_id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_target_status(
    state: State<'_, AppState>,
    id: TargetId,
    status: TargetStatus,
) -> Result<Target, CommandError> {
    Ok(targets::set_status(&state.store, id, status).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn remove_target(state: State<'_, AppState>, id: TargetId) -> Result<(), CommandError> {
    Ok(targets::remove(&state.store, id).await?)
}
