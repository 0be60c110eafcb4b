//! Sync conflict commands: the meetings changed both here and on the server,
//! with both versions side by side, and keeping one of them. No server is
//! needed to choose; the next sync carries the choice out.

use crate::{AppState, CommandError};
use hallway_core::ids::CongressId;
use hallway_core::sync::resolve::{self, ConflictView, Keep};
use serde::Deserialize;
use tauri::State;

/// A conflict's id as the UI sends it back: a number in TypeScript (row ids
/// stay far below 2^53, where JavaScript numbers stop being exact).
#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(transparent)]
pub struct ConflictId(#[specta(type = f64)] pub i64);

/// The open conflicts of a congress (of all congresses without one), oldest first.
#[tauri::command]
#[specta::specta]
pub async fn sync_conflicts(
    state: State<'_, AppState>,
    congress_id: Option<CongressId>,
) -> Result<Vec<ConflictView>, CommandError> {
    Ok(resolve::list(&state.store, congress_id).await?)
}

/// Keeps one version of a conflicted meeting and closes the conflict.
#[tauri::command]
#[specta::specta]
pub async fn sync_resolve(state: State<'_, AppState>, id: ConflictId, keep: Keep) -> Result<(), CommandError> {
    resolve::resolve(&state.store, id.0, keep).await?;
    // The choice goes to the server with the next sync, a few seconds from now.
    state.sync.changed();
    Ok(())
}
