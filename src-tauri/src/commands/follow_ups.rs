//! Follow-up commands: the owed list across congresses, editing a draft,
//! marking done, opening an email draft through the OS, and reminders.

use crate::{AppState, CommandError};
use chrono::{DateTime, FixedOffset};
use hallway_core::follow_ups::{self, Channel, FollowUp, FollowUpEdit, FollowUpStatus};
use hallway_core::ids::{CongressId, FollowUpId, MeetingId};
use hallway_core::time;
use tauri::{AppHandle, State};

/// What is owed (across congresses, overdue first), or one congress's all.
#[tauri::command]
#[specta::specta]
pub async fn list_follow_ups(
    state: State<'_, AppState>,
    congress_id: Option<CongressId>,
) -> Result<Vec<FollowUp>, CommandError> {
    Ok(match congress_id {
        Some(id) => follow_ups::list(&state.store, id).await?,
        None => follow_ups::owed(&state.store).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn update_follow_up(
    state: State<'_, AppState>,
    id: FollowUpId,
    edit: FollowUpEdit,
) -> Result<FollowUp, CommandError> {
    Ok(follow_ups::update(&state.store, id, &edit).await?)
}

/// A fresh draft from the template for `channel` (not saved).
#[tauri::command]
#[specta::specta]
pub async fn redraft_follow_up(
    state: State<'_, AppState>,
    id: FollowUpId,
    channel: Channel,
) -> Result<String, CommandError> {
    Ok(follow_ups::redraft(&state.store, id, channel).await?)
}

/// Done moves the target to "followed up"; dropped just closes it.
#[tauri::command]
#[specta::specta]
pub async fn set_follow_up_status(
    state: State<'_, AppState>,
    id: FollowUpId,
    status: FollowUpStatus,
) -> Result<FollowUp, CommandError> {
    Ok(follow_ups::set_status(&state.store, id, status).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_follow_up(state: State<'_, AppState>, id: FollowUpId) -> Result<(), CommandError> {
    Ok(follow_ups::delete(&state.store, id).await?)
}

/// Opens the user's mail program with the follow-up's draft addressed to
/// the person. Only `mailto:` leaves through here, built from stored data.
#[tauri::command]
#[specta::specta]
pub async fn open_email_draft(state: State<'_, AppState>, id: FollowUpId) -> Result<(), CommandError> {
    let f = follow_ups::get(&state.store, id).await?;
    let url = follow_ups::mailto(&f);
    open::that_detached(url).map_err(|e| CommandError::Io { message: format!("Could not open your mail program: {e}") })
}

/// Sets or clears a meeting's reminder (an OS notification while Hallway runs).
#[tauri::command]
#[specta::specta]
pub async fn set_meeting_reminder(
    state: State<'_, AppState>,
    id: MeetingId,
    remind_at: Option<DateTime<FixedOffset>>,
) -> Result<(), CommandError> {
    Ok(hallway_core::meetings::set_reminder(&state.store, id, remind_at).await?)
}

/// Checks for due reminders every half minute and shows each once. At start
/// it also shows those that fell due in the last quarter hour.
pub fn spawn_reminders(app: AppHandle, store: hallway_core::Store) {
    tauri::async_runtime::spawn(async move {
        let mut checked = time::now_seconds() - 15 * 60;
        loop {
            let now = time::now_seconds();
            match follow_ups::reminders(&store, checked, now).await {
                Ok(due) => {
                    for reminder in due {
                        crate::notify::show(&app, &reminder.title, &reminder.body);
                    }
                    checked = now;
                }
                Err(err) => eprintln!("Hallway: could not read reminders: {err}"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(30)).await;
        }
    });
}
