//! Settings → Back up / Restore. Backups are taken while the app runs (a
//! consistent snapshot next to the database). A restore cannot replace the
//! file under the app's own open connections, nor under the reminder task
//! that shares them, so it is verified and scheduled here, the app restarts
//! at once, and the file is replaced at the next start, before the
//! database is opened (`lib.rs`). `restore_status` then says how it went.

use crate::{AppState, CommandError};
use hallway_core::store::{self, BackupCheck, BackupFile, Restored};
use serde::Serialize;
use std::path::Path;
use tauri::{AppHandle, State};

/// How the restore scheduled by the previous run went, if there was one.
#[derive(Debug, Clone, Default, Serialize, specta::Type)]
pub struct RestoreStatus {
    pub restored: Option<Restored>,
    /// Why the scheduled restore was not done (the database was left as it was).
    pub failed: Option<String>,
}

/// Writes a copy of the database next to it, under a new timestamped name.
#[tauri::command]
#[specta::specta]
pub async fn backup_database(state: State<'_, AppState>) -> Result<BackupFile, CommandError> {
    Ok(store::backup_now(&state.store).await?)
}

/// The copies next to the database, newest first.
#[tauri::command]
#[specta::specta]
pub fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupFile>, CommandError> {
    Ok(store::list_backups(state.store.path())?)
}

/// What a file offered for restoring holds, or why it cannot be restored.
#[tauri::command]
#[specta::specta]
pub async fn verify_backup(path: String) -> Result<BackupCheck, CommandError> {
    Ok(store::verify_backup(Path::new(&path)).await?)
}

/// Verifies the backup, schedules it to replace the database, and restarts
/// the app, which restores it before opening the database again.
#[tauri::command]
#[specta::specta]
pub async fn restore_database(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> Result<BackupCheck, CommandError> {
    let check = store::schedule_restore(state.store.path(), Path::new(&path)).await?;
    app.request_restart();
    Ok(check)
}

/// How the last scheduled restore went (nothing when none was scheduled).
#[tauri::command]
#[specta::specta]
pub fn restore_status(state: State<'_, AppState>) -> RestoreStatus {
    state.restore.clone()
}
