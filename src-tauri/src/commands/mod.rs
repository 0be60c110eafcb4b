//! Every command the UI can call, one file per domain. Each command parses
//! its arguments, calls one core function and maps the error; nothing else.

pub mod app;
pub mod backup;
pub mod congress;
pub mod export;
pub mod follow_ups;
pub mod goals;
pub mod meetings;
pub mod people;
pub mod program;
pub mod relations;
pub mod settings;
pub mod sync;
pub mod sync_conflicts;
pub mod targets;
pub mod walking;

/// The full command list, in one place for the app and the bindings.
pub fn all() -> tauri_specta::Commands<tauri::Wry> {
    tauri_specta::collect_commands![
        app::app_info,
        app::time_zones,
        app::open_link,
        backup::backup_database,
        backup::list_backups,
        backup::verify_backup,
        backup::restore_database,
        backup::restore_status,
        congress::list_congresses,
        congress::create_congress,
        congress::update_congress,
        congress::delete_congress,
        congress::congress_contents,
        congress::validate_congress,
        settings::get_settings,
        settings::update_settings,
        sync::sync_status,
        sync::sync_connect,
        sync::sync_now,
        sync::sync_activity,
        sync::sync_calendars,
        sync::sync_use_calendar,
        sync::sync_set_choices,
        sync::sync_stop,
        sync::sync_set_contacts,
        sync_conflicts::sync_conflicts,
        sync_conflicts::sync_resolve,
        program::import_program,
        program::cancel_import,
        program::load_sample_program,
        program::list_program_day,
        program::get_program_overview,
        program::list_agenda_sessions,
        program::search_session_rows,
        program::session_detail,
        program::set_attendance,
        program::agenda_clashes,
        program::program_changes,
        program::acknowledge_program_changes,
        program::program_subscription,
        program::subscribe_program,
        program::refresh_program,
        program::program_nesting,
        program::set_program_nesting,
        walking::get_walking_times,
        walking::set_venue_walk,
        walking::set_room_walk,
        relations::get_person_relations,
        relations::set_person_cadence,
        relations::list_group_cadences,
        relations::set_group_cadence,
        relations::log_contact,
        relations::list_check_ins,
        relations::snooze_check_in,
        relations::get_check_in_draft,
        relations::offer_intro,
        relations::record_met_through,
        relations::set_intro_status,
        relations::delete_intro,
        relations::list_owed_intros,
        relations::add_given,
        relations::delete_given,
        relations::list_reconnect,
        relations::reconnect_as_target,
        relations::list_last_met,
        relations::get_home,
        people::list_people,
        people::search_people,
        people::person_page,
        people::create_person,
        people::update_person,
        people::delete_person,
        people::restore_person,
        people::merge_people,
        people::add_interaction,
        people::delete_interaction,
        people::preview_contacts,
        people::import_contacts,
        targets::list_targets,
        targets::set_target,
        targets::set_target_status,
        targets::remove_target,
        meetings::list_meetings,
        meetings::get_meeting,
        meetings::create_meeting,
        meetings::update_meeting,
        meetings::set_meeting_status,
        meetings::delete_meeting,
        meetings::meeting_clashes,
        meetings::free_slots,
        meetings::today,
        meetings::met_someone,
        meetings::snooze_target,
        goals::list_goals,
        goals::starter_goals,
        goals::adopt_starter_goals,
        goals::create_goal,
        goals::update_goal,
        goals::set_goal_count,
        goals::delete_goal,
        goals::list_pitches,
        goals::create_pitch,
        goals::update_pitch,
        goals::delete_pitch,
        goals::link_pitch,
        follow_ups::list_follow_ups,
        follow_ups::update_follow_up,
        follow_ups::redraft_follow_up,
        follow_ups::set_follow_up_status,
        follow_ups::delete_follow_up,
        follow_ups::open_email_draft,
        follow_ups::set_meeting_reminder,
        export::export_ics,
        export::export_meeting_ics,
        export::export_person_vcard,
        export::export_my_card,
        export::my_card_qr,
    ]
}

/// Events the UI can listen to.
pub fn events() -> tauri_specta::Events {
    tauri_specta::collect_events![
        program::ProgramImportProgress,
        program::ProgramRefreshed,
        crate::autosync::SyncActivityChanged
    ]
}
