//! Reading contacts from what users already have: LinkedIn's
//! Connections.csv export, vCard 2.1/3.0/4.0 files from Apple Contacts,
//! Google Contacts, Outlook and Android, and a generic CSV with a header.
//! The format is recognised from the content. Readers only read; matching
//! against known people, the preview and the write happen elsewhere.

mod linkedin_csv;
pub mod record;
mod vcard;
mod generic_csv;
mod table;
mod tidy;

pub use crate::program::import::ReadError;
pub use record::{ContactRecord, SkippedRecord};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ContactFormat {
    LinkedinCsv,
    Vcard,
    Csv,
}

impl ContactFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactFormat::LinkedinCsv => "linkedin_csv",
            ContactFormat::Vcard => "vcard",
            ContactFormat::Csv => "csv",
        }
    }
}

/// Everything read from one file: usable records and the rows skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadContacts {
    pub format: ContactFormat,
    pub records: Vec<ContactRecord>,
    pub skipped: Vec<SkippedRecord>,
}

/// The largest contacts file Hallway reads.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// Reads every contact in `bytes`.
pub fn read(bytes: &[u8]) -> Result<ReadContacts, ReadError> {
    let _ = bytes;
    Err(ReadError::new("contact import is being written"))
}
