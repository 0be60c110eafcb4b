//! `hallway-cli export …`: the calendar and contact files of the app's
//! Export dialog from a terminal, written whole or not at all. Each command
//! prints one line of JSON — `{"path", "events"}` for calendars,
//! `{"path", "cards"}` for vCards — a stable contract.

use crate::people::resolve_person;
use crate::print_json;
use clap::Subcommand;
use hallway_core::export::{self, ExportOptions};
use hallway_core::ids::MeetingId;
use hallway_core::{congress, Result, Store};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The congress plan as an ICS file: meetings, plus what the flags add.
    Ics {
        /// The congress: id, name or short name.
        #[arg(long)]
        congress: String,
        /// Sessions marked attending.
        #[arg(long)]
        sessions: bool,
        /// Sessions marked maybe (tentative).
        #[arg(long)]
        maybes: bool,
        /// Follow-ups still owed, as all-day reminders on their due dates.
        #[arg(long)]
        followups: bool,
        /// Cancelled meetings and withdrawn sessions as cancellations.
        #[arg(long)]
        cancelled: bool,
        /// A reminder this many minutes before each meeting and session.
        #[arg(long, value_name = "MINUTES")]
        alarm: Option<u32>,
        /// Leave meetings out.
        #[arg(long)]
        no_meetings: bool,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// One meeting as an "add to calendar" ICS file (reminder from settings).
    Meeting {
        id: i64,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// One person (an id, an email or an exact name) as a vCard 3.0 file.
    Vcard {
        person: String,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

#[derive(Serialize)]
struct Cards {
    path: String,
    cards: u32,
}

pub async fn run(store: &Store, command: ExportCommand) -> Result<()> {
    match command {
        ExportCommand::Ics {
            congress: reference,
            sessions,
            maybes,
            followups,
            cancelled,
            alarm,
            no_meetings,
            output,
        } => {
            let found = congress::resolve(store, &reference).await?;
            let options = ExportOptions {
                meetings: !no_meetings,
                sessions,
                maybes,
                follow_ups: followups,
                cancelled,
                alarm_minutes: alarm,
            };
            print_json(&export::write_ics(store, found.id, &options, &output).await?);
        }
        ExportCommand::Meeting { id, output } => {
            print_json(&export::write_meeting_ics(store, MeetingId(id), &output).await?);
        }
        ExportCommand::Vcard { person, output } => {
            let id = resolve_person(store, &person).await?;
            let written = export::write_person_vcard(store, id, &output).await?;
            print_json(&Cards { path: written.path, cards: written.events });
        }
    }
    Ok(())
}
