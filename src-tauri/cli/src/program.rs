//! `hallway-cli program …`: import, list, search and mark the program.
//! The JSON printed by `import` and `list` is a contract automated checks
//! read: add fields, never rename or remove them.

use crate::print_json;
use clap::{Subcommand, ValueEnum};
use hallway_core::ids::SessionId;
use hallway_core::program::import::{self, ImportProgress};
use hallway_core::program::{self, sample, Attendance, Session};
use hallway_core::{congress, CoreError, Result, Store};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

#[derive(Subcommand)]
pub enum ProgramCommand {
    /// Import a program file (ICS, frab schedule.xml, pretalx schedule.json
    /// or CSV) and print what changed as one JSON object.
    Import {
        /// The congress: id, name or short name.
        #[arg(long)]
        congress: String,
        file: PathBuf,
    },
    /// List the sessions of a congress.
    List {
        #[arg(long)]
        congress: String,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over titles, speakers, tracks, rooms and abstract numbers.
    Search {
        #[arg(long)]
        congress: String,
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Mark a session (by its key) attending, or maybe, or clear the mark.
    Attend {
        #[arg(long)]
        congress: String,
        key: String,
        #[arg(long, conflicts_with = "clear")]
        maybe: bool,
        #[arg(long)]
        clear: bool,
    },
    /// Load the built-in sample program into a congress.
    Sample {
        #[arg(long)]
        congress: String,
    },
    /// Import the program an address serves (https://, http:// or
    /// webcal://) and remember the address; prints the import report.
    Subscribe {
        #[arg(long)]
        congress: String,
        url: String,
    },
    /// Fetch the subscribed program again (an unchanged one imports
    /// nothing); prints the import report.
    Refresh {
        #[arg(long)]
        congress: String,
        #[arg(long)]
        json: bool,
    },
    /// The changes to my plan since the imports I have not looked at: each
    /// with the session's `key`, what changed (`moved`, `room`, `retitled`,
    /// `withdrawn`, `new_target_talk`, `meeting_clash`) and `before` / `after`.
    Changes {
        #[arg(long)]
        congress: String,
        #[arg(long)]
        json: bool,
        /// Mark them seen (after printing them).
        #[arg(long)]
        ack: bool,
    },
    /// Whether talks are placed inside the session around them (same room,
    /// wholly within it) where the program links none: prints `infer` (the
    /// switch), `inferred` (items placed that way) and `linked` (items the
    /// program itself places, which stop any inference).
    Nesting {
        #[arg(long)]
        congress: String,
        /// Switch it on (infers again at once) or off (takes out only the
        /// inferred links) before printing.
        #[arg(long, value_enum)]
        infer: Option<Switch>,
        #[arg(long)]
        json: bool,
    },
}

/// `program nesting --infer on|off`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

/// A session as the CLI prints it: times as RFC 3339 with the venue offset.
#[derive(Serialize)]
struct Listed<'a> {
    key: &'a str,
    title: &'a str,
    starts_at: String,
    ends_at: String,
    room: &'a Option<String>,
    track: &'a Option<String>,
    kind: hallway_core::program::SessionKind,
    speakers: &'a [String],
    abstract_number: &'a Option<String>,
    attendance: Option<Attendance>,
    withdrawn: bool,
    /// The key of the session that holds this item; null for a session of its own.
    parent: Option<&'a str>,
    /// That session was inferred (the item lies inside it, the file does not link them).
    parent_inferred: bool,
    /// The poster board, if any.
    board: Option<&'a str>,
}

/// Every session's key by id, to name an item's session, and the items
/// whose session was inferred.
struct Parents<'a> {
    keys: HashMap<SessionId, &'a str>,
    inferred: HashSet<SessionId>,
}

async fn parents<'a>(
    store: &Store,
    congress: hallway_core::ids::CongressId,
    all: &'a [Session],
) -> Result<Parents<'a>> {
    Ok(Parents {
        keys: all.iter().map(|s| (s.id, s.key.as_str())).collect(),
        inferred: program::nesting::inferred(store, congress).await?,
    })
}

impl<'a> Listed<'a> {
    fn new(s: &'a Session, parents: &Parents<'a>) -> Self {
        let (parent, board) = (s.parent_id.and_then(|id| parents.keys.get(&id).copied()), s.board.as_deref());
        Listed {
            key: &s.key,
            title: &s.title,
            starts_at: s.starts_at.to_rfc3339(),
            ends_at: s.ends_at.to_rfc3339(),
            room: &s.room,
            track: &s.track,
            kind: s.kind,
            speakers: &s.speakers,
            abstract_number: &s.abstract_number,
            attendance: s.attendance,
            withdrawn: s.withdrawn,
            parent,
            parent_inferred: parent.is_some() && parents.inferred.contains(&s.id),
            board,
        }
    }
}

pub async fn run(store: &Store, command: ProgramCommand) -> Result<()> {
    match command {
        ProgramCommand::Import { congress: reference, file } => {
            let c = congress::resolve(store, &reference).await?;
            let never = AtomicBool::new(false);
            let quiet = |_: ImportProgress| {};
            let report = import::import_file(store, c.id, &file, &quiet, &never).await?;
            print_json(&report);
        }
        ProgramCommand::List { congress: reference, json } => {
            let c = congress::resolve(store, &reference).await?;
            let sessions = program::list(store, c.id).await?;
            if json {
                let parents = parents(store, c.id, &sessions).await?;
                print_json(&sessions.iter().map(|s| Listed::new(s, &parents)).collect::<Vec<_>>());
            } else {
                sessions.iter().for_each(print_line);
            }
        }
        ProgramCommand::Search { congress: reference, query, json } => {
            let c = congress::resolve(store, &reference).await?;
            let ids = program::search(store, c.id, &query, 200).await?;
            let all = program::list(store, c.id).await?;
            let found: Vec<&Session> = ids.iter().filter_map(|id| all.iter().find(|s| s.id == *id)).collect();
            if json {
                let parents = parents(store, c.id, &all).await?;
                print_json(&found.into_iter().map(|s| Listed::new(s, &parents)).collect::<Vec<_>>());
            } else {
                found.into_iter().for_each(print_line);
            }
        }
        ProgramCommand::Attend { congress: reference, key, maybe, clear } => {
            let c = congress::resolve(store, &reference).await?;
            let all = program::list(store, c.id).await?;
            let session = all
                .iter()
                .find(|s| s.key == key)
                .ok_or_else(|| CoreError::not_found("session", format!("key “{key}” in {}", c.name)))?;
            let mark = match (clear, maybe) {
                (true, _) => None,
                (false, true) => Some(Attendance::Maybe),
                (false, false) => Some(Attendance::Attending),
            };
            let updated = program::set_attendance(store, session.id, mark).await?;
            print_json(&Listed::new(&updated, &parents(store, c.id, &all).await?));
        }
        ProgramCommand::Subscribe { congress: reference, url } => {
            let c = congress::resolve(store, &reference).await?;
            print_json(&program::subscribe::subscribe(store, c.id, &url).await?);
        }
        ProgramCommand::Refresh { congress: reference, json: _ } => {
            let c = congress::resolve(store, &reference).await?;
            print_json(&program::subscribe::refresh(store, c.id).await?);
        }
        ProgramCommand::Changes { congress: reference, json: _, ack } => {
            let c = congress::resolve(store, &reference).await?;
            print_json(&program::changes::unseen(store, c.id).await?);
            if ack {
                program::changes::acknowledge(store, c.id).await?;
            }
        }
        ProgramCommand::Nesting { congress: reference, infer, json: _ } => {
            let c = congress::resolve(store, &reference).await?;
            let nesting = match infer {
                Some(switch) => program::nesting::set(store, c.id, matches!(switch, Switch::On)).await?,
                None => program::nesting::get(store, c.id).await?,
            };
            print_json(&nesting);
        }
        ProgramCommand::Sample { congress: reference } => {
            let c = congress::resolve(store, &reference).await?;
            print_json(&sample::load(store, c.id).await?);
        }
    }
    Ok(())
}

fn print_line(s: &Session) {
    println!(
        "{}  {}–{}  {:<18} {}{}",
        s.starts_at.format("%a %d %b"),
        s.starts_at.format("%H:%M"),
        s.ends_at.format("%H:%M"),
        s.room.as_deref().unwrap_or("").chars().take(18).collect::<String>(),
        s.title,
        if s.withdrawn { "  [withdrawn]" } else { "" }
    );
}
