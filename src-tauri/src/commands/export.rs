//! Export commands: the Export dialog's calendar file, "add to calendar" for
//! one meeting, a person's vCard, and the user's own card as a file and as a
//! QR code. Paths come from the OS save dialog; files are written whole.

use crate::{AppState, CommandError};
use hallway_core::export::{self, ExportOptions, Written};
use hallway_core::ids::{CongressId, MeetingId, PersonId};
use std::path::Path;
use tauri::State;

/// The congress plan as an ICS file at `path`; says how many events it holds.
#[tauri::command]
#[specta::specta]
pub async fn export_ics(
    state: State<'_, AppState>,
    congress_id: CongressId,
    options: ExportOptions,
    path: String,
) -> Result<Written, CommandError> {
    Ok(export::write_ics(&state.store, congress_id, &options, Path::new(&path)).await?)
}

/// One meeting as an "add to calendar" ICS file at `path`.
#[tauri::command]
#[specta::specta]
pub async fn export_meeting_ics(
    state: State<'_, AppState>,
    meeting_id: MeetingId,
    path: String,
) -> Result<Written, CommandError> {
    Ok(export::write_meeting_ics(&state.store, meeting_id, Path::new(&path)).await?)
}

/// One person as a vCard 3.0 file at `path`.
#[tauri::command]
#[specta::specta]
pub async fn export_person_vcard(
    state: State<'_, AppState>,
    person_id: PersonId,
    path: String,
) -> Result<Written, CommandError> {
    Ok(export::write_person_vcard(&state.store, person_id, Path::new(&path)).await?)
}

/// The user's own card (Settings → My card) as a vCard 3.0 file at `path`.
#[tauri::command]
#[specta::specta]
pub async fn export_my_card(state: State<'_, AppState>, path: String) -> Result<Written, CommandError> {
    Ok(export::write_my_card(&state.store, Path::new(&path)).await?)
}

/// The user's own card as a QR code: an SVG document for an `<img>` data URL.
#[tauri::command]
#[specta::specta]
pub async fn my_card_qr(state: State<'_, AppState>) -> Result<String, CommandError> {
    Ok(export::my_card_qr(&state.store).await?)
}
