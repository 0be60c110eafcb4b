//! `meeting`, `slots` and `today`: booking and moving meetings, the free-slot
//! finder and the Today view's data from a terminal. Times are RFC 3339 with
//! an offset on the way in and out; the output is JSON, a stable contract.

use crate::people::resolve_person;
use crate::print_json;
use chrono::{DateTime, FixedOffset};
use clap::Subcommand;
use hallway_core::congress::{self, Congress};
use hallway_core::ids::MeetingId;
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::plan::slots::{self, SlotQuery};
use hallway_core::plan::today;
use hallway_core::{time, CoreError, FieldProblem, Result, Store};
use serde::Serialize;

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// Book a meeting; prints it as JSON with its `id`.
    Add {
        /// The congress: id, name or short name.
        #[arg(long)]
        congress: String,
        /// Who: an id, an email or an exact display name (repeat for a group).
        #[arg(long = "with", required = true)]
        with: Vec<String>,
        /// RFC 3339 start, e.g. 2026-12-06T10:30:00-05:00.
        #[arg(long)]
        start: String,
        #[arg(long, default_value_t = 30)]
        minutes: u32,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        place: String,
        #[arg(long, default_value = "")]
        purpose: String,
        /// one_to_one, coffee, meal, reception or group.
        #[arg(long, default_value = "one_to_one")]
        kind: String,
        /// proposed, confirmed, done or cancelled.
        #[arg(long, default_value = "proposed")]
        status: String,
    },
    /// Change a meeting's time, length, place, title or status; prints it.
    Update {
        id: i64,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        minutes: Option<u32>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        status: Option<String>,
    },
    /// The meetings of a congress as a JSON array.
    List {
        #[arg(long)]
        congress: String,
    },
}

pub async fn run(store: &Store, command: MeetingCommand) -> Result<()> {
    let change = match command {
        MeetingCommand::Add { congress: reference, with, start, minutes, title, place, purpose, kind, status } => {
            let found = congress::resolve(store, &reference).await?;
            let mut people = Vec::new();
            for person in &with {
                people.push(resolve_person(store, person).await?);
            }
            let draft = MeetingDraft {
                congress_id: found.id,
                title,
                purpose,
                place,
                kind: MeetingKind::parse(&kind).ok_or_else(|| invalid("kind", &kind))?,
                status: MeetingStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
                starts_local: venue_local(&found, &start)?,
                minutes,
                notes: String::new(),
                people,
            };
            meetings::create(store, &draft).await?
        }
        MeetingCommand::Update { id, start, minutes, place, title, status } => {
            let old = meetings::get(store, MeetingId(id)).await?;
            let found = congress::get(store, old.congress_id).await?;
            let draft = MeetingDraft {
                congress_id: old.congress_id,
                title: title.unwrap_or(old.title),
                purpose: old.purpose,
                place: place.unwrap_or(old.place),
                kind: old.kind,
                status: match status {
                    Some(text) => MeetingStatus::parse(&text).ok_or_else(|| invalid("status", &text))?,
                    None => old.status,
                },
                starts_local: match start {
                    Some(text) => venue_local(&found, &text)?,
                    None => old.starts_at.naive_local(),
                },
                minutes: minutes.unwrap_or(old.minutes),
                notes: old.notes,
                people: old.people.iter().map(|p| p.id).collect(),
            };
            meetings::update(store, old.id, &draft).await?
        }
        MeetingCommand::List { congress: reference } => {
            let found = congress::resolve(store, &reference).await?;
            print_json(&meetings::list(store, found.id).await?);
            return Ok(());
        }
    };
    print_json(&change.meeting);
    Ok(())
}

/// An RFC 3339 instant as the congress's wall-clock time.
fn venue_local(found: &Congress, text: &str) -> Result<chrono::NaiveDateTime> {
    let instant = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
        CoreError::Invalid(vec![FieldProblem::new(
            "start",
            format!("“{text}” is not an RFC 3339 time such as 2026-12-06T10:30:00-05:00"),
        )])
    })?;
    Ok(instant.with_timezone(&time::zone_or_utc(&found.time_zone)).naive_local())
}

fn invalid(field: &str, value: &str) -> CoreError {
    CoreError::Invalid(vec![FieldProblem::new(field, format!("“{value}” is not a known {field}"))])
}

#[derive(Serialize)]
struct SlotOut {
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
}

/// Free slots to meet someone: breaks first, then the rest in time order.
pub async fn slots(store: &Store, reference: &str, with: Option<&str>, minutes: u32, json: bool) -> Result<()> {
    let found = congress::resolve(store, reference).await?;
    let person_id = match with {
        Some(person) => Some(resolve_person(store, person).await?),
        None => None,
    };
    let query = SlotQuery { congress_id: found.id, person_id, minutes, except_meeting: None };
    let free = slots::find(store, &query).await?;
    if json {
        let out: Vec<SlotOut> = free.iter().map(|s| SlotOut { starts_at: s.starts_at, ends_at: s.ends_at }).collect();
        print_json(&out);
    } else if free.is_empty() {
        println!("No free slot of {minutes} minutes.");
    } else {
        for s in &free {
            let place = s.in_break.as_deref().map(|b| format!("  ({b})")).unwrap_or_default();
            println!("{} – {}{place}", s.starts_at.format("%a %d %b %H:%M"), s.ends_at.format("%H:%M"));
        }
    }
    Ok(())
}

/// The Today view's data, now, as JSON.
pub async fn today(store: &Store, reference: &str) -> Result<()> {
    let found = congress::resolve(store, reference).await?;
    print_json(&today::today(store, found.id, time::now_seconds()).await?);
    Ok(())
}
