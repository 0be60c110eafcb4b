//! The congress program: its sessions, how they are imported, searched and
//! marked for the personal agenda.

pub mod changes;
pub mod filter;
pub mod import;
mod kind;
pub mod nesting;
pub mod overview;
pub(crate) mod queries;
pub mod rows;
pub mod sample;
pub mod subscribe;
pub mod walking;

pub use filter::ProgramFilter;
pub use kind::SessionKind;
pub use overview::{overview, DayCount, FacetCount, ProgramOverview};
pub use queries::{
    detail, list, search, search_matches, set_attendance, Matches, SessionDetail, SessionPerson, RANKED_AT_MOST,
};
pub use rows::{SessionPage, SessionRow};

use crate::ids::{PersonId, SessionId};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The `sessions.speakers` column from names in program order: each name
/// ends with a line break, since a public name may hold "; " ("Cisz (er;
/// he)"). Rows written before kept names joined by "; ".
pub(crate) fn speakers_column<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.map(|name| format!("{name}\n")).collect()
}

/// The names of a `sessions.speakers` column (see [`speakers_column`]).
pub(crate) fn speaker_names(column: &str) -> Vec<String> {
    let names: Vec<&str> =
        if column.contains('\n') { column.split('\n').collect() } else { column.split("; ").collect() };
    names.into_iter().filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Whether the user plans to be at a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Attending,
    Maybe,
}

impl Attendance {
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Attending => "attending",
            Attendance::Maybe => "maybe",
        }
    }

    pub fn parse(text: &str) -> Option<Attendance> {
        match text {
            "attending" => Some(Attendance::Attending),
            "maybe" => Some(Attendance::Maybe),
            _ => None,
        }
    }
}

/// One session as lists show it. Times carry the congress zone's offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Session {
    pub id: SessionId,
    /// The stable import key (UID, guid, abstract number, or a hash of title,
    /// start and room) that re-imports update by.
    pub key: String,
    pub title: String,
    pub kind: SessionKind,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub all_day: bool,
    pub room: Option<String>,
    pub track: Option<String>,
    pub abstract_number: Option<String>,
    /// Speakers and chairs, in program order.
    pub speakers: Vec<String>,
    /// Gone from the latest import of its source (kept for the user's marks).
    pub withdrawn: bool,
    pub attendance: Option<Attendance>,
    /// People on this session that are targets at this congress.
    pub target_ids: Vec<PersonId>,
    /// The item came from the built-in sample program.
    pub sample: bool,
    /// The session that holds this item (a talk in its oral session, a
    /// poster in its poster session); None for a session of its own.
    pub parent_id: Option<SessionId>,
    /// The poster board ("I-123"), if the program gives one.
    pub board: Option<String>,
}
