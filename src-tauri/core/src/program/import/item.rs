//! What every program reader produces: format-neutral items with times as the
//! source wrote them. Readers know their format; they do not know the
//! database, and they leave resolving floating or all-day times against the
//! congress zone to `resolve`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

/// A moment as the source expressed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceTime {
    /// An exact instant (UTC `Z`, or an explicit offset already applied).
    Instant(DateTime<Utc>),
    /// Wall-clock time in a known IANA zone (from TZID, an X-WR-TIMEZONE, a
    /// frab `<day>` offset mapped to a zone, …).
    Zoned(NaiveDateTime, Tz),
    /// Wall-clock time with no zone: read in the congress zone.
    Floating(NaiveDateTime),
    /// A whole day: from the congress day's start, in the congress zone.
    AllDay(NaiveDate),
}

/// Someone named on an item, with their part in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPerson {
    pub name: String,
    pub role: PersonRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonRole {
    Speaker,
    Chair,
    Author,
}

impl PersonRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonRole::Speaker => "speaker",
            PersonRole::Chair => "chair",
            PersonRole::Author => "author",
        }
    }
}

/// One item of a program, as read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramItem {
    /// The source's own stable id (ICS UID with RECURRENCE-ID or instance
    /// start for expanded recurrences, frab/pretalx guid or id), if any.
    pub source_id: Option<String>,
    pub title: String,
    /// The source's words for what kind of item this is (ICS CATEGORIES,
    /// frab/pretalx `type`, a CSV "type" column); recognised later.
    pub kind_hint: Option<String>,
    pub starts: SourceTime,
    /// End, when the source gives one…
    pub ends: Option<SourceTime>,
    /// …or a duration in minutes. Neither: the item is given a default length.
    pub duration_minutes: Option<u32>,
    pub room: Option<String>,
    pub track: Option<String>,
    pub abstract_number: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub people: Vec<ItemPerson>,
    /// True when the source says the item was cancelled (ICS STATUS:CANCELLED).
    pub cancelled: bool,
    /// The source id of the session that holds this item (ICS RELATED-TO), if
    /// the source says.
    pub parent: Option<String>,
    /// The poster board ("I-123", "P1234"), if the source gives one.
    pub board: Option<String>,
    /// 1-based line in the source where the item starts, for messages.
    pub line: usize,
}

impl ProgramItem {
    /// An item with only the required parts; readers fill in the rest.
    pub fn new(title: impl Into<String>, starts: SourceTime, line: usize) -> Self {
        Self {
            source_id: None,
            title: title.into(),
            kind_hint: None,
            starts,
            ends: None,
            duration_minutes: None,
            room: None,
            track: None,
            abstract_number: None,
            description: None,
            url: None,
            people: Vec::new(),
            cancelled: false,
            parent: None,
            board: None,
            line,
        }
    }
}

/// What a reader needs to know about the congress it reads for.
#[derive(Debug, Clone, Copy)]
pub struct ReadContext {
    /// The venue's zone: floating and all-day times are read in it.
    pub zone: Tz,
    /// Recurring items are expanded from this day…
    pub first_day: NaiveDate,
    /// …to this one (inclusive).
    pub last_day: NaiveDate,
}

/// Why a file could not be read: where, and what was wrong. Readers return
/// this; the import adds the file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The element, property or column at fault, when known (`DTSTART`,
    /// `<event guid="…">`, column `start`).
    pub location: Option<String>,
    pub message: String,
}

impl ReadError {
    pub fn new(message: impl Into<String>) -> Self {
        Self { line: None, location: None, message: message.into() }
    }

    pub fn at_line(line: usize, message: impl Into<String>) -> Self {
        Self { line: Some(line), location: None, message: message.into() }
    }

    pub fn with_location(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, &self.location) {
            (Some(line), Some(location)) => write!(f, "line {line}, {location}: {}", self.message),
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            (None, Some(location)) => write!(f, "{location}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}
