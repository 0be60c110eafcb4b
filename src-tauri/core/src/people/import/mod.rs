//! Reading contacts from what users already have: LinkedIn's
//! Connections.csv export, vCard 2.1/3.0/4.0 files from Apple Contacts,
//! Google Contacts, Outlook and Android, and a generic CSV with a header.
//! The format is recognised from the content. Readers only read; matching
//! against known people, the preview and the write happen elsewhere.

mod apply;
#[cfg(test)]
mod apply_tests;
mod decode;
mod generic_csv;
mod linkedin_csv;
mod links;
mod matching;
pub mod record;
mod table;
mod tidy;
mod vcard;

pub use crate::program::import::ReadError;
#[cfg(test)]
use apply::write;
pub use apply::{import_file, preview_file, ContactImportReport, ContactPreview, PreviewMatch, PreviewProblem};
pub use matching::MatchedBy;
pub use record::{ContactRecord, LeftOut, SkippedRecord};

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

/// Reads every contact in `bytes`: a vCard file when a line says
/// BEGIN:VCARD, else a CSV whose header is LinkedIn's or has a name column.
pub fn read(bytes: &[u8]) -> Result<ReadContacts, ReadError> {
    let decoded = decode(bytes)?;
    if is_vcard(&decoded.text) {
        return read_decoded(ContactFormat::Vcard, bytes, &decoded);
    }
    refuse_other_text(&decoded.text)?;
    read_csv(&decoded.text, None)
}

/// Reads `bytes` as `format`, whatever they look like: how fuzz targets and
/// property tests reach one reader with any input. The app uses [`read`].
pub fn read_as(format: ContactFormat, bytes: &[u8]) -> Result<ReadContacts, ReadError> {
    read_decoded(format, bytes, &decode(bytes)?)
}

/// The size bound, files of other kinds refused by name, and the text.
fn decode(bytes: &[u8]) -> Result<decode::Decoded, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::new(format!(
            "the file is {} MB; contacts files over {} MB are not read",
            bytes.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    refuse_other_files(bytes)?;
    let decoded = decode::decode(bytes)?;
    if decoded.text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty() {
        return Err(ReadError::new("the file is empty"));
    }
    Ok(decoded)
}

/// A vCard is read from the file's own bytes, each value in its CHARSET,
/// unless the file's encoding was stated for the whole file.
fn read_decoded(format: ContactFormat, bytes: &[u8], decoded: &decode::Decoded) -> Result<ReadContacts, ReadError> {
    if format == ContactFormat::Vcard {
        let (records, skipped) = if decoded.whole_file {
            vcard::read(decoded.text.trim_start_matches('\u{FEFF}').as_bytes(), vcard::Values::Utf8)?
        } else {
            vcard::read(bytes, vcard::Values::AsDeclared)?
        };
        return Ok(ReadContacts { format, records, skipped });
    }
    read_csv(&decoded.text, Some(format))
}

/// A CSV as LinkedIn's export or a generic one (`only` narrows to one).
fn read_csv(text: &str, only: Option<ContactFormat>) -> Result<ReadContacts, ReadError> {
    let rows = table::rows(text)?;
    let Some(first) = rows.first() else {
        return Err(ReadError::new("the file is empty"));
    };
    if only != Some(ContactFormat::Csv) {
        if let Some((at, columns)) = linkedin_csv::detect(&rows) {
            let (records, skipped) = linkedin_csv::read(&rows[at + 1..], &columns, &rows[at]);
            return Ok(ReadContacts { format: ContactFormat::LinkedinCsv, records, skipped });
        }
    }
    if only != Some(ContactFormat::LinkedinCsv) {
        if let Some((at, columns)) = generic_csv::detect(&rows) {
            let (records, skipped) = generic_csv::read(&rows[at + 1..], &columns, &rows[at]);
            return Ok(ReadContacts { format: ContactFormat::Csv, records, skipped });
        }
    }
    Err(ReadError::at_line(first.line, generic_csv::no_name_column(first)))
}

/// A line BEGIN:VCARD near the top (after blank lines or a stray preamble).
fn is_vcard(text: &str) -> bool {
    text.lines().filter(|l| !l.trim().is_empty()).take(20).any(|l| {
        l.trim_start_matches('\u{FEFF}').trim().get(..11).is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCARD"))
    })
}

/// Files people pick by mistake, named before `decode` calls them binary.
fn refuse_other_files(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.trim_ascii().is_empty() {
        return Err(ReadError::new("the file is empty"));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ReadError::new(
            "this is a zip archive (or an Excel workbook): for LinkedIn, unzip the export and choose \
             Connections.csv; for a spreadsheet, save it as CSV first",
        ));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(ReadError::new("this is an old Excel or Outlook file: save or export it as CSV or vCard first"));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ReadError::new("this is a PDF, not a contacts file: export contacts as vCard or CSV"));
    }
    Ok(())
}

/// Text files that are not contacts.
fn refuse_other_text(text: &str) -> Result<(), ReadError> {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let upper = head.get(..15).unwrap_or(head).to_ascii_uppercase();
    if upper.starts_with("BEGIN:VCALENDAR") || upper.starts_with("BEGIN:VEVENT") {
        return Err(ReadError::new("this is a calendar (iCalendar), not contacts; import it in Program"));
    }
    if head.starts_with('{') || head.starts_with('[') || head.starts_with('<') {
        return Err(ReadError::new(
            "this is a web page, JSON or XML file, not contacts: export contacts as vCard or CSV",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
