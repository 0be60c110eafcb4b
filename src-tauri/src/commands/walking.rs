//! Walking times of a congress (issue 17, "leave in time"): the venue's
//! walking buffer and the walks between pairs of rooms that the "Leave now"
//! reminders add.

use crate::{AppState, CommandError};
use hallway_core::ids::CongressId;
use hallway_core::program::walking::{self, WalkingTimes};
use tauri::State;

/// The congress's walking times, with the program's rooms to choose from.
#[tauri::command]
#[specta::specta]
pub async fn get_walking_times(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<WalkingTimes, CommandError> {
    Ok(walking::get(&state.store, congress_id).await?)
}

/// Sets the venue's walking buffer for the congress (None: Settings' buffer).
#[tauri::command]
#[specta::specta]
pub async fn set_venue_walk(
    state: State<'_, AppState>,
    congress_id: CongressId,
    minutes: Option<u16>,
) -> Result<WalkingTimes, CommandError> {
    Ok(walking::set_venue(&state.store, congress_id, minutes).await?)
}

/// Sets the walk between two rooms, either way round (None forgets it).
#[tauri::command]
#[specta::specta]
pub async fn set_room_walk(
    state: State<'_, AppState>,
    congress_id: CongressId,
    from: String,
    to: String,
    minutes: Option<u16>,
) -> Result<WalkingTimes, CommandError> {
    Ok(walking::set_pair(&state.store, congress_id, &from, &to, minutes).await?)
}
