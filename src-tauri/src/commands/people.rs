//! People commands: the People screen, person pages, merge and undo.

use crate::{AppState, CommandError};
use hallway_core::ids::{InteractionId, PersonId};
use hallway_core::people::import::{ContactImportReport, ContactPreview};
use hallway_core::people::interactions::{self, Interaction, InteractionDraft};
use hallway_core::people::{self, PeopleMatches, PeoplePage, Person, PersonDraft, PersonPage};
use tauri::State;

#[tauri::command]
#[specta::specta]
pub async fn list_people(state: State<'_, AppState>, offset: u32, limit: u32) -> Result<PeoplePage, CommandError> {
    Ok(people::list_page(&state.store, offset, limit.min(1000)).await?)
}

/// Search as you type over every field; accents and word order ignored.
#[tauri::command]
#[specta::specta]
pub async fn search_people(state: State<'_, AppState>, query: String) -> Result<PeopleMatches, CommandError> {
    Ok(people::search_matches(&state.store, &query, 200).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn person_page(state: State<'_, AppState>, id: PersonId) -> Result<PersonPage, CommandError> {
    Ok(people::page(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn create_person(state: State<'_, AppState>, draft: PersonDraft) -> Result<Person, CommandError> {
    Ok(people::create(&state.store, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn update_person(
    state: State<'_, AppState>,
    id: PersonId,
    draft: PersonDraft,
) -> Result<Person, CommandError> {
    Ok(people::update(&state.store, id, &draft).await?)
}

/// Hides a person; `restore_person` undoes it.
#[tauri::command]
#[specta::specta]
pub async fn delete_person(state: State<'_, AppState>, id: PersonId) -> Result<(), CommandError> {
    Ok(people::delete(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn restore_person(state: State<'_, AppState>, id: PersonId) -> Result<Person, CommandError> {
    Ok(people::restore(&state.store, id).await?)
}

/// Moves everything of `absorb` onto `keep`.
#[tauri::command]
#[specta::specta]
pub async fn merge_people(
    state: State<'_, AppState>,
    keep: PersonId,
    absorb: PersonId,
) -> Result<Person, CommandError> {
    Ok(people::merge(&state.store, keep, absorb).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn add_interaction(state: State<'_, AppState>, draft: InteractionDraft) -> Result<Interaction, CommandError> {
    Ok(interactions::add(&state.store, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_interaction(state: State<'_, AppState>, id: InteractionId) -> Result<(), CommandError> {
    Ok(interactions::delete(&state.store, id).await?)
}

/// What importing a contacts file would do; writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_contacts(state: State<'_, AppState>, path: String) -> Result<ContactPreview, CommandError> {
    Ok(people::import::preview_file(&state.store, std::path::Path::new(&path)).await?)
}

/// Imports a contacts file (LinkedIn Connections.csv, vCard, CSV) in one go.
#[tauri::command]
#[specta::specta]
pub async fn import_contacts(state: State<'_, AppState>, path: String) -> Result<ContactImportReport, CommandError> {
    Ok(people::import::import_file(&state.store, std::path::Path::new(&path)).await?)
}
