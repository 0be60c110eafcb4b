//! Meetings: one-to-ones, coffees, meals and receptions with the people I came
//! to meet. A meeting sits on the agenda beside the sessions I attend, moves
//! its targets along (booked → scheduled, done → met), and keeps a UID and a
//! SEQUENCE so calendar exports update it instead of duplicating it.

mod queries;

pub use queries::{
    clashes_for, create, delete, get, list, list_without_clashes, set_reminder, set_status, update, MovedTarget,
    StatusChange,
};

use crate::ids::{CongressId, MeetingId, PersonId};
use crate::plan::clashes::AgendaItem;
use crate::targets::TargetStatus;
use crate::text_enum::text_enum;
use crate::FieldProblem;
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};

text_enum!(
    /// What sort of meeting, which sets expectations about length and place.
    MeetingKind { OneToOne = "one_to_one", Coffee = "coffee", Meal = "meal", Reception = "reception", Group = "group" }
);
text_enum!(
    /// Where the meeting stands.
    MeetingStatus { Proposed = "proposed", Confirmed = "confirmed", Done = "done", Cancelled = "cancelled" }
);

/// The longest meeting the form accepts (a long dinner).
pub const MAX_MINUTES: u32 = 8 * 60;

/// The meeting form. Times are venue wall-clock times, as the user reads
/// them on the program; the core turns them into instants in the congress
/// zone (a time a DST change skips moves forward an hour).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingDraft {
    pub congress_id: CongressId,
    pub title: String,
    /// What I want from it: the agenda in a line or two.
    pub purpose: String,
    /// Room, booth, café or restaurant.
    pub place: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    /// Venue wall-clock start, e.g. `2026-12-06T10:30:00`.
    pub starts_local: NaiveDateTime,
    pub minutes: u32,
    pub notes: String,
    /// Everyone I am meeting; at least one.
    pub people: Vec<PersonId>,
}

impl MeetingDraft {
    pub fn check(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(FieldProblem::new("title", "Give the meeting a title, e.g. “Coffee with Dr Ødegård”."));
        } else if self.title.chars().count() > 200 {
            problems.push(FieldProblem::new("title", "Keep the title under 200 characters."));
        }
        if self.minutes < 5 || self.minutes > MAX_MINUTES {
            problems.push(FieldProblem::new("minutes", "A meeting lasts between 5 minutes and 8 hours."));
        }
        if self.people.is_empty() {
            problems.push(FieldProblem::new("people", "Choose who you are meeting."));
        }
        problems
    }
}

/// A person at a meeting, with where they stand as a target at its congress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingPerson {
    pub id: PersonId,
    pub display_name: String,
    pub institution: Option<String>,
    pub target_status: Option<TargetStatus>,
}

/// Something on the agenda a meeting overlaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingClash {
    pub with: AgendaItem,
    pub title: String,
    pub overlap_starts_at: DateTime<FixedOffset>,
    pub overlap_ends_at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Meeting {
    pub id: MeetingId,
    pub congress_id: CongressId,
    pub title: String,
    pub purpose: String,
    pub place: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    /// In the congress zone's offset at that moment.
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    pub minutes: u32,
    pub notes: String,
    pub people: Vec<MeetingPerson>,
    /// What else on the agenda overlaps it (none for a cancelled meeting).
    pub clashes: Vec<MeetingClash>,
    /// Stable calendar identity, and how many times its time, place or title changed.
    pub uid: String,
    pub sequence: u32,
}
