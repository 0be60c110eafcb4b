//! Meeting commands: the Meetings screen, the meeting form with its live
//! clash warning and free-slot finder, and the Today view.

use crate::{AppState, CommandError};
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use hallway_core::ids::{CongressId, MeetingId, TargetId};
use hallway_core::meetings::{self, Meeting, MeetingClash, MeetingDraft, MeetingStatus, MovedTarget, StatusChange};
use hallway_core::plan::slots::{self, Slot, SlotQuery};
use hallway_core::plan::today::{self, MetResult, MetSomeone, Today};
use hallway_core::targets::{self, Target};
use hallway_core::time;
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_meetings(state: State<'_, AppState>, congress_id: CongressId) -> Result<Vec<Meeting>, CommandError> {
    Ok(meetings::list(&state.store, congress_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn get_meeting(state: State<'_, AppState>, id: MeetingId) -> Result<Meeting, CommandError> {
    Ok(meetings::get(&state.store, id).await?)
}

/// Books a meeting; its people's targets move to scheduled.
#[tauri::command]
#[specta::specta]
pub async fn create_meeting(state: State<'_, AppState>, draft: MeetingDraft) -> Result<StatusChange, CommandError> {
    Ok(meetings::create(&state.store, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_meeting(
    state: State<'_, AppState>,
    id: MeetingId,
    draft: MeetingDraft,
) -> Result<StatusChange, CommandError> {
    Ok(meetings::update(&state.store, id, &draft).await?)
}

/// Done moves targets to met; cancelled frees a scheduled target.
#[tauri::command]
#[specta::specta]
pub async fn set_meeting_status(
    state: State<'_, AppState>,
    id: MeetingId,
    status: MeetingStatus,
) -> Result<StatusChange, CommandError> {
    Ok(meetings::set_status(&state.store, id, status).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_meeting(state: State<'_, AppState>, id: MeetingId) -> Result<Vec<MovedTarget>, CommandError> {
    Ok(meetings::delete(&state.store, id).await?)
}

/// What a meeting at this venue time would overlap, before saving.
#[tauri::command]
#[specta::specta]
pub async fn meeting_clashes(
    state: State<'_, AppState>,
    congress_id: CongressId,
    except: Option<MeetingId>,
    starts_local: NaiveDateTime,
    minutes: u32,
) -> Result<Vec<MeetingClash>, CommandError> {
    Ok(meetings::clashes_for(&state.store, congress_id, except, starts_local, minutes).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn free_slots(state: State<'_, AppState>, query: SlotQuery) -> Result<Vec<Slot>, CommandError> {
    Ok(slots::find(&state.store, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn today(state: State<'_, AppState>, congress_id: CongressId) -> Result<Today, CommandError> {
    Ok(today::today(&state.store, congress_id, time::now_seconds()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn met_someone(state: State<'_, AppState>, met: MetSomeone) -> Result<MetResult, CommandError> {
    Ok(today::met_someone(&state.store, &met).await?)
}

/// Hides a target from Today until `until`; none shows it again.
#[tauri::command]
#[specta::specta]
pub async fn snooze_target(
    state: State<'_, AppState>,
    id: TargetId,
    until: Option<DateTime<FixedOffset>>,
) -> Result<Target, CommandError> {
    Ok(targets::snooze(&state.store, id, until).await?)
}
