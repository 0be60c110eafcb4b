//! Goal and pitch commands: the Goals dashboard with its starter set, and
//! the Pitches screen with timing and practice.

use crate::{AppState, CommandError};
use hallway_core::congress;
use hallway_core::goals::{self, Goal, GoalDraft, StarterGoal};
use hallway_core::ids::{CongressId, GoalId, PitchId, TargetId};
use hallway_core::pitches::{self, Pitch, PitchDraft};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_goals(state: State<'_, AppState>, congress_id: CongressId) -> Result<Vec<Goal>, CommandError> {
    Ok(goals::list(&state.store, congress_id).await?)
}

/// The starter goals worded for this congress's series.
#[tauri::command]
#[specta::specta]
pub async fn starter_goals(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<Vec<StarterGoal>, CommandError> {
    let series = congress::get(&state.store, congress_id).await?.series;
    Ok(goals::starter_set(series))
}

#[tauri::command]
#[specta::specta]
pub async fn adopt_starter_goals(
    state: State<'_, AppState>,
    congress_id: CongressId,
    keys: Vec<String>,
) -> Result<Vec<Goal>, CommandError> {
    Ok(goals::adopt(&state.store, congress_id, &keys).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_goal(state: State<'_, AppState>, draft: GoalDraft) -> Result<Goal, CommandError> {
    Ok(goals::create(&state.store, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_goal(state: State<'_, AppState>, id: GoalId, draft: GoalDraft) -> Result<Goal, CommandError> {
    Ok(goals::update(&state.store, id, &draft).await?)
}

/// A manual goal's count (1 ticks a checkmark, 0 clears it).
#[tauri::command]
#[specta::specta]
pub async fn set_goal_count(state: State<'_, AppState>, id: GoalId, count: u32) -> Result<Goal, CommandError> {
    Ok(goals::set_manual(&state.store, id, count).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_goal(state: State<'_, AppState>, id: GoalId) -> Result<(), CommandError> {
    Ok(goals::delete(&state.store, id).await?)
}

/// The congress's own pitches and the general ones.
#[tauri::command]
#[specta::specta]
pub async fn list_pitches(
    state: State<'_, AppState>,
    congress_id: Option<CongressId>,
) -> Result<Vec<Pitch>, CommandError> {
    Ok(pitches::list(&state.store, congress_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_pitch(state: State<'_, AppState>, draft: PitchDraft) -> Result<Pitch, CommandError> {
    Ok(pitches::create(&state.store, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_pitch(state: State<'_, AppState>, id: PitchId, draft: PitchDraft) -> Result<Pitch, CommandError> {
    Ok(pitches::update(&state.store, id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_pitch(state: State<'_, AppState>, id: PitchId) -> Result<(), CommandError> {
    Ok(pitches::delete(&state.store, id).await?)
}

/// Links a pitch to a target, or unlinks it.
#[tauri::command]
#[specta::specta]
pub async fn link_pitch(
    state: State<'_, AppState>,
    target_id: TargetId,
    pitch_id: Option<PitchId>,
) -> Result<(), CommandError> {
    Ok(pitches::link(&state.store, target_id, pitch_id).await?)
}
