//! Congresses: one meeting such as ASH 2026 or EHA 2027, with its dates, its
//! venue and the IANA time zone every time of its program is shown in.
//! Everything else (program, targets, meetings, goals) hangs off a congress.

mod draft;
mod queries;

pub use draft::{validate, CongressDraft};
pub use queries::{contents, create, delete, get, list, resolve, update, CongressContents};

use crate::ids::CongressId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The society behind a congress, which decides things like its starter goals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum Series {
    Ash,
    Eha,
    Iach,
    Ebmt,
    #[default]
    Other,
}

impl Series {
    pub const ALL: [Series; 5] = [Series::Ash, Series::Eha, Series::Iach, Series::Ebmt, Series::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Series::Ash => "ash",
            Series::Eha => "eha",
            Series::Iach => "iach",
            Series::Ebmt => "ebmt",
            Series::Other => "other",
        }
    }

    /// Reads a stored or typed series name; anything unknown is `Other`.
    pub fn parse(text: &str) -> Series {
        Series::ALL.into_iter().find(|s| s.as_str().eq_ignore_ascii_case(text.trim())).unwrap_or(Series::Other)
    }
}

/// A congress as the UI and the CLI see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Congress {
    pub id: CongressId,
    pub name: String,
    pub short_name: Option<String>,
    pub series: Series,
    /// First day, in the congress's own time zone.
    pub starts_on: NaiveDate,
    /// Last day (inclusive), in the congress's own time zone.
    pub ends_on: NaiveDate,
    /// IANA zone of the venue, e.g. `America/New_York`.
    pub time_zone: String,
    pub city: Option<String>,
    pub venue: Option<String>,
    pub website: Option<String>,
    /// Each with its leading `#`, e.g. `#ASH26`.
    pub hashtags: Vec<String>,
    pub notes: String,
}
