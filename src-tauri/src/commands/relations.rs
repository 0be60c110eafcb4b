//! Between congresses (issue 18): cadences and check-ins, contact logged in
//! one step, introductions, value given, where we met over the years,
//! reconnect at the next congress and the home shown when none is running.
//! Every day is the user's own calendar day (`relations::today`).

use crate::{AppState, CommandError};
use chrono::NaiveDate;
use hallway_core::ids::{CongressId, PersonId};
use hallway_core::relations::cadence::{self, CadenceGroup, CadenceSetting, GroupCadence, PersonCadence};
use hallway_core::relations::checkins::{self, CheckIn};
use hallway_core::relations::contacts::{self, Contact, ContactDraft};
use hallway_core::relations::given::{self, GivenDraft, ValueGiven};
use hallway_core::relations::history::{self, Encounter};
use hallway_core::relations::home::{self, Home};
use hallway_core::relations::intros::{self, IntroDraft, IntroStatus, Introduction};
use hallway_core::relations::reconnect::{self, Reconnect};
use hallway_core::targets::Target;
use hallway_core::{relations, time, Store};
use serde::Serialize;
use tauri::State;

async fn today(store: &Store) -> Result<NaiveDate, CommandError> {
    Ok(relations::today(store, time::now_seconds()).await?)
}

/// Everything of a relationship a person's page shows, in one call.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PersonRelations {
    pub today: NaiveDate,
    pub cadence: PersonCadence,
    /// Contact logged, newest first.
    pub contacts: Vec<Contact>,
    /// Where we met over the years, newest first.
    pub met: Vec<Encounter>,
    /// Introductions they are part of (either side), and who introduced me to them.
    pub intros: Vec<Introduction>,
    /// What I shared with or did for them, newest first.
    pub given: Vec<ValueGiven>,
}

#[tauri::command]
#[specta::specta]
pub async fn get_person_relations(
    state: State<'_, AppState>,
    person_id: PersonId,
) -> Result<PersonRelations, CommandError> {
    let store = &state.store;
    let today = today(store).await?;
    Ok(PersonRelations {
        today,
        cadence: cadence::for_person(store, person_id, today).await?,
        contacts: contacts::list(store, person_id).await?,
        met: history::met(store, person_id).await?,
        intros: intros::for_person(store, person_id).await?,
        given: given::list(store, person_id).await?,
    })
}

/// Sets a person's own cadence: "90d", "12w", "3m", "off", or "group".
#[tauri::command]
#[specta::specta]
pub async fn set_person_cadence(
    state: State<'_, AppState>,
    person_id: PersonId,
    every: String,
) -> Result<PersonCadence, CommandError> {
    let setting = CadenceSetting::parse(&every, "every")?;
    let today = today(&state.store).await?;
    Ok(cadence::set_person(&state.store, person_id, setting, today).await?)
}

/// The cadences set on groups (a tag, or a relationship).
#[tauri::command]
#[specta::specta]
pub async fn list_group_cadences(state: State<'_, AppState>) -> Result<Vec<GroupCadence>, CommandError> {
    Ok(cadence::groups(&state.store).await?)
}

/// Sets a group's cadence ("3m"…), or removes it with `null`.
#[tauri::command]
#[specta::specta]
pub async fn set_group_cadence(
    state: State<'_, AppState>,
    group: CadenceGroup,
    every: Option<String>,
) -> Result<Option<GroupCadence>, CommandError> {
    let cadence = match every.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        None => None,
        Some(text) => match CadenceSetting::parse(text, "every")? {
            CadenceSetting::Every { cadence } => Some(cadence),
            CadenceSetting::Off | CadenceSetting::Group => None,
        },
    };
    let today = today(&state.store).await?;
    Ok(cadence::set_group(&state.store, &group, cadence, today).await?)
}

/// Logs contact with a person (met, email, call, video, message) on a day.
#[tauri::command]
#[specta::specta]
pub async fn log_contact(state: State<'_, AppState>, draft: ContactDraft) -> Result<Contact, CommandError> {
    let today = today(&state.store).await?;
    Ok(contacts::log(&state.store, &draft, today).await?)
}

/// Check-ins due today or within `within_days`, most overdue first.
#[tauri::command]
#[specta::specta]
pub async fn list_check_ins(state: State<'_, AppState>, within_days: u32) -> Result<Vec<CheckIn>, CommandError> {
    let today = today(&state.store).await?;
    Ok(checkins::list(&state.store, today, within_days).await?)
}

/// Snoozes a person's check-in until a day (`null` wakes it).
#[tauri::command]
#[specta::specta]
pub async fn snooze_check_in(
    state: State<'_, AppState>,
    person_id: PersonId,
    until: Option<NaiveDate>,
) -> Result<Option<CheckIn>, CommandError> {
    let today = today(&state.store).await?;
    Ok(checkins::snooze(&state.store, person_id, until, today).await?)
}

/// A check-in message to start from, offering something given when chosen.
#[tauri::command]
#[specta::specta]
pub async fn get_check_in_draft(
    state: State<'_, AppState>,
    person_id: PersonId,
    given: Option<hallway_core::ids::GivenId>,
) -> Result<String, CommandError> {
    let today = today(&state.store).await?;
    Ok(checkins::draft(&state.store, person_id, given, today).await?)
}

/// Offers (owed) or records (made) an introduction of A to B.
#[tauri::command]
#[specta::specta]
pub async fn offer_intro(state: State<'_, AppState>, draft: IntroDraft) -> Result<Introduction, CommandError> {
    let today = today(&state.store).await?;
    Ok(intros::offer(&state.store, &draft, today).await?)
}

/// Records who introduced me to a person ("met through").
#[tauri::command]
#[specta::specta]
pub async fn record_met_through(
    state: State<'_, AppState>,
    person_id: PersonId,
    through: PersonId,
    note: String,
    congress_id: Option<CongressId>,
) -> Result<Introduction, CommandError> {
    let today = today(&state.store).await?;
    Ok(intros::met_through(&state.store, person_id, through, &note, congress_id, today).await?)
}

/// Marks an introduction made, declined or owed again.
#[tauri::command]
#[specta::specta]
pub async fn set_intro_status(
    state: State<'_, AppState>,
    id: hallway_core::ids::IntroductionId,
    status: IntroStatus,
) -> Result<Introduction, CommandError> {
    let today = today(&state.store).await?;
    Ok(intros::set_status(&state.store, id, status, today).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_intro(
    state: State<'_, AppState>,
    id: hallway_core::ids::IntroductionId,
) -> Result<(), CommandError> {
    Ok(intros::delete(&state.store, id).await?)
}

/// Introductions owed, oldest first (all, or offered at one congress).
#[tauri::command]
#[specta::specta]
pub async fn list_owed_intros(
    state: State<'_, AppState>,
    congress_id: Option<CongressId>,
) -> Result<Vec<Introduction>, CommandError> {
    Ok(intros::owed(&state.store, congress_id).await?)
}

/// Logs something shared with or done for a person.
#[tauri::command]
#[specta::specta]
pub async fn add_given(state: State<'_, AppState>, draft: GivenDraft) -> Result<ValueGiven, CommandError> {
    let today = today(&state.store).await?;
    Ok(given::add(&state.store, &draft, today).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn delete_given(state: State<'_, AppState>, id: hallway_core::ids::GivenId) -> Result<(), CommandError> {
    Ok(given::delete(&state.store, id).await?)
}

/// People met at earlier congresses who are in this one's program or targets.
#[tauri::command]
#[specta::specta]
pub async fn list_reconnect(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<Vec<Reconnect>, CommandError> {
    Ok(reconnect::list(&state.store, congress_id).await?)
}

/// Makes someone to reconnect with a target of the congress, in one step.
#[tauri::command]
#[specta::specta]
pub async fn reconnect_as_target(
    state: State<'_, AppState>,
    congress_id: CongressId,
    person_id: PersonId,
) -> Result<Target, CommandError> {
    Ok(reconnect::adopt(&state.store, congress_id, person_id).await?)
}

/// The last time and place we met each target of the congress.
#[tauri::command]
#[specta::specta]
pub async fn list_last_met(
    state: State<'_, AppState>,
    congress_id: CongressId,
) -> Result<Vec<Encounter>, CommandError> {
    Ok(history::last_met_for_targets(&state.store, congress_id).await?)
}

/// What is due between congresses, and the next congress.
#[tauri::command]
#[specta::specta]
pub async fn get_home(state: State<'_, AppState>) -> Result<Home, CommandError> {
    let today = today(&state.store).await?;
    Ok(home::summary(&state.store, today).await?)
}
