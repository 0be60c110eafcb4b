//! Program commands: import (with progress events and cancel), the program
//! by venue day with its overview (day and filter counts), the agenda,
//! search, detail, attendance marks, clashes, the sample program and whether
//! nesting is inferred.

use crate::{AppState, CommandError};
use hallway_core::ids::{CongressId, SessionId};
use hallway_core::plan::clashes::{self, Clash};
use hallway_core::program::import::{self, ImportProgress, ImportReport};
use hallway_core::program::{self, rows, sample, Attendance, ProgramFilter, ProgramOverview, SessionPage, SessionRow};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, State};
use tauri_specta::Event;

/// Sent while a program import runs, about every 200 sessions.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ProgramImportProgress(pub ImportProgress);

/// Imports a program file (path from the OS file dialog) into a congress.
#[tauri::command]
#[specta::specta]
pub async fn import_program(
    app: AppHandle,
    state: State<'_, AppState>,
    congress_id: CongressId,
    path: String,
) -> Result<ImportReport, CommandError> {
    state.cancel_import.store(false, Ordering::Relaxed);
    let report = |p: ImportProgress| {
        // A closed window is no reason to fail the import.
        let _ = ProgramImportProgress(p).emit(&app);
    };
    Ok(import::import_file(&state.store, congress_id, &PathBuf::from(path), &report, &state.cancel_import).await?)
}

/// Asks a running import to stop; it rolls back and reports `cancelled`.
#[tauri::command]
#[specta::specta]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel_import.store(true, Ordering::Relaxed);
}

#[tauri::command]
#[specta::specta]
pub async fn load_sample_program(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<ImportReport, CommandError> {
    Ok(sample::load(&state.store, congress_id).await?)
}

/// One venue day ("2026-12-05") of the program as the list and the grid show
/// it: the filters and search applied, best match first when searching.
#[tauri::command]
#[specta::specta]
pub async fn list_program_day(
    state: State<'_, AppState>,
    congress_id: CongressId,
    day: String,
    filter: ProgramFilter,
) -> Result<Vec<SessionRow>, CommandError> {
    Ok(rows::day(&state.store, congress_id, &day, &filter).await?)
}

/// The program's days and filter options with their counts, for the day
/// shown (none: every day) under the filters and search.
#[tauri::command]
#[specta::specta]
pub async fn get_program_overview(
    state: State<'_, AppState>,
    congress_id: CongressId,
    day: Option<String>,
    filter: ProgramFilter,
) -> Result<ProgramOverview, CommandError> {
    Ok(program::overview(&state.store, congress_id, day.as_deref(), &filter).await?)
}

/// The sessions marked attending or maybe, every day, in time order; with
/// `search`, those it matches.
#[tauri::command]
#[specta::specta]
pub async fn list_agenda_sessions(
    state: State<'_, AppState>,
    congress_id: CongressId,
    search: Option<String>,
) -> Result<Vec<SessionRow>, CommandError> {
    Ok(rows::agenda(&state.store, congress_id, search.as_deref()).await?)
}

/// The best `limit` matches on any day, as rows (the command palette).
#[tauri::command]
#[specta::specta]
pub async fn search_session_rows(
    state: State<'_, AppState>,
    congress_id: CongressId,
    query: String,
    limit: u32,
) -> Result<Vec<SessionRow>, CommandError> {
    Ok(rows::search_rows(&state.store, congress_id, &query, limit.min(program::filter::SEARCH_LIMIT)).await?)
}

/// A session with its description, people and the talks it holds.
#[tauri::command]
#[specta::specta]
pub async fn session_detail(state: State<'_, AppState>, id: SessionId) -> Result<SessionPage, CommandError> {
    Ok(rows::page(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn set_attendance(
    state: State<'_, AppState>,
    id: SessionId,
    attendance: Option<Attendance>,
) -> Result<SessionRow, CommandError> {
    program::set_attendance(&state.store, id, attendance).await?;
    Ok(rows::row(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn agenda_clashes(state: State<'_, AppState>, congress_id: CongressId) -> Result<Vec<Clash>, CommandError> {
    Ok(clashes::agenda(&state.store, congress_id).await?)
}

/// The changes to the user's plan from imports not yet looked at.
#[tauri::command]
#[specta::specta]
pub async fn program_changes(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<Vec<hallway_core::program::changes::ProgramChange>, CommandError> {
    Ok(hallway_core::program::changes::unseen(&state.store, congress_id).await?)
}

/// Marks the congress's program changes seen; how many there were.
#[tauri::command]
#[specta::specta]
pub async fn acknowledge_program_changes(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<u32, CommandError> {
    Ok(hallway_core::program::changes::acknowledge(&state.store, congress_id).await?)
}

/// The program address the congress is subscribed to, if any.
#[tauri::command]
#[specta::specta]
pub async fn program_subscription(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<Option<hallway_core::program::subscribe::Subscription>, CommandError> {
    Ok(hallway_core::program::subscribe::get(&state.store, congress_id).await?)
}

/// Imports the program an address serves and remembers the address.
#[tauri::command]
#[specta::specta]
pub async fn subscribe_program(
    state: State<'_, AppState>,
    congress_id: CongressId,
    url: String,
) -> Result<ImportReport, CommandError> {
    Ok(hallway_core::program::subscribe::subscribe(&state.store, congress_id, &url).await?)
}

/// Fetches the subscribed program again (an unchanged one imports nothing).
#[tauri::command]
#[specta::specta]
pub async fn refresh_program(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<ImportReport, CommandError> {
    Ok(hallway_core::program::subscribe::refresh(&state.store, congress_id).await?)
}

/// Whether talks are placed inside the session around them where the
/// program does not link them, and how many are placed that way.
#[tauri::command]
#[specta::specta]
pub async fn program_nesting(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<hallway_core::program::nesting::Nesting, CommandError> {
    Ok(hallway_core::program::nesting::get(&state.store, congress_id).await?)
}

/// Switches that on or off; applied at once to the congress's sessions.
#[tauri::command]
#[specta::specta]
pub async fn set_program_nesting(
    state: State<'_, AppState>,
    congress_id: CongressId,
    infer: bool,
) -> Result<hallway_core::program::nesting::Nesting, CommandError> {
    Ok(hallway_core::program::nesting::set(&state.store, congress_id, infer).await?)
}

/// Sent when a subscribed program changed in a refresh the user did not
/// start (at start): the Program showing that congress reloads.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ProgramRefreshed(pub CongressId);

/// At start, once the first screen is up: every subscribed program is
/// fetched again when the address answers (offline, the last copy stays and
/// the error is kept with the subscription).
pub fn refresh_subscriptions_at_start(app: AppHandle, store: hallway_core::Store) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(6)).await;
        let Ok(congresses) = hallway_core::program::subscribe::all(&store).await else { return };
        for congress in congresses {
            match hallway_core::program::subscribe::refresh(&store, congress).await {
                Ok(report) if report.added + report.updated + report.withdrawn > 0 => {
                    // A closed window is no reason to stop.
                    let _ = ProgramRefreshed(congress).emit(&app);
                }
                Ok(_) => {}
                Err(err) => {
                    eprintln!("Hallway: the subscribed program of congress {congress} was not refreshed: {err}")
                }
            }
        }
    });
}
