//! Congress commands: the Congresses screen and the congress switcher.

use crate::{AppState, CommandError};
use hallway_core::congress::{self, Congress, CongressContents, CongressDraft};
use hallway_core::ids::CongressId;
use hallway_core::FieldProblem;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_congresses(state: State<'_, AppState>) -> Result<Vec<Congress>, CommandError> {
    Ok(congress::list(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_congress(state: State<'_, AppState>, draft: CongressDraft) -> Result<Congress, CommandError> {
    Ok(congress::create(&state.store, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_congress(
    state: State<'_, AppState>,
    id: CongressId,
    draft: CongressDraft,
) -> Result<Congress, CommandError> {
    Ok(congress::update(&state.store, id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_congress(state: State<'_, AppState>, id: CongressId) -> Result<(), CommandError> {
    Ok(congress::delete(&state.store, id).await?)
}

/// What a delete would remove, for the confirmation dialog.
#[tauri::command]
#[specta::specta]
pub async fn congress_contents(state: State<'_, AppState>, id: CongressId) -> Result<CongressContents, CommandError> {
    Ok(congress::contents(&state.store, id).await?)
}

/// The form's as-you-type check: every problem with `draft`, empty when it
/// can be saved. `editing` is the congress being edited, if any.
#[tauri::command]
#[specta::specta]
pub async fn validate_congress(
    state: State<'_, AppState>,
    draft: CongressDraft,
    editing: Option<CongressId>,
) -> Result<Vec<FieldProblem>, CommandError> {
    Ok(congress::validate(&state.store, &draft, editing).await?)
}
