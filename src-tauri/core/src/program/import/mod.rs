//! Reading a congress program from the files congresses and calendar apps
//! publish: iCalendar, frab/pentabarf `schedule.xml`, c3voc/pretalx
//! `schedule.json` and spreadsheet CSV. The format is recognised from the
//! content, never the file name. Each reader turns its format into
//! [`ProgramItem`]s; `skip` sets aside what falls outside the congress
//! days, and `apply` then writes the rest to the database in one
//! transaction. What is left out is reported, never dropped silently.

mod apply;
#[cfg(test)]
mod apply_tests;
pub(crate) mod csv;
mod frab_xml;
mod ics;
pub mod item;
mod keys;
mod pretalx_json;
pub(crate) mod resolve;
pub mod skip;
pub mod text;

pub(crate) use apply::write;
pub use apply::{import_bytes, import_file, ImportProgress, ImportReport};
pub use item::{ItemPerson, PersonRole, ProgramItem, ReadContext, ReadError, SourceTime};
pub use skip::{Skip, SkipReason, SkippedItem};

use serde::{Deserialize, Serialize};

/// The program formats Hallway reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ProgramFormat {
    Ics,
    FrabXml,
    PretalxJson,
    Csv,
    /// The built-in sample program (never detected from a file).
    Sample,
}

impl ProgramFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ProgramFormat::Ics => "ics",
            ProgramFormat::FrabXml => "frab_xml",
            ProgramFormat::PretalxJson => "pretalx_json",
            ProgramFormat::Csv => "csv",
            ProgramFormat::Sample => "sample",
        }
    }

    pub fn parse(text: &str) -> Option<ProgramFormat> {
        [Self::Ics, Self::FrabXml, Self::PretalxJson, Self::Csv, Self::Sample].into_iter().find(|f| f.as_str() == text)
    }
}

/// The largest program file Hallway reads. ASH's full program as ICS is
/// about 15 MB; anything far beyond is not a program, and reading it whole
/// into memory would only hurt.
pub const MAX_FILE_BYTES: usize = 100 * 1024 * 1024;

/// Recognises the format from the first bytes of `bytes`.
pub fn detect(bytes: &[u8]) -> Result<ProgramFormat, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::new("the file is empty"));
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let head = &head[start..];
    let upper: Vec<u8> = head.iter().take(64).map(u8::to_ascii_uppercase).collect();
    // A bare VEVENT (no VCALENDAR around it) is what some tools copy out.
    // A calendar cut at the front still reads as one, to say what is wrong.
    if [b"BEGIN:VCALENDAR".as_slice(), b"BEGIN:VEVENT", b"END:VCALENDAR", b"END:VEVENT"]
        .iter()
        .any(|start| upper.starts_with(start))
    {
        return Ok(ProgramFormat::Ics);
    }
    if upper.starts_with(b"BEGIN:VCARD") {
        return Err(ReadError::new("this is a contacts file (vCard), not a program; import it in People"));
    }
    if let Some(kind) = text::other_kind(bytes) {
        return Err(ReadError::new(format!(
            "this is {kind}, not a program: import the program as iCalendar (.ics), schedule.xml, schedule.json or CSV"
        )));
    }
    if let Some(err) = text::not_text(bytes) {
        return Err(err);
    }
    if head.starts_with(b"<") {
        return Ok(ProgramFormat::FrabXml);
    }
    if head.starts_with(b"{") || head.starts_with(b"[") {
        return Ok(ProgramFormat::PretalxJson);
    }
    Ok(ProgramFormat::Csv)
}

/// Everything a reader found in a file: the items, and those it left out
/// itself (older versions of an event, events without a start).
#[derive(Debug)]
pub struct Reading {
    pub format: ProgramFormat,
    pub items: Vec<ProgramItem>,
    pub skipped: Vec<Skip>,
    /// What the reader decided that the import report should say (where the
    /// people came from, for one).
    pub notes: Vec<String>,
}

/// Reads every item of a program file.
pub fn read(bytes: &[u8], ctx: &ReadContext) -> Result<(ProgramFormat, Vec<ProgramItem>), ReadError> {
    read_all(bytes, ctx).map(|reading| (reading.format, reading.items))
}

/// Reads every item of a program file, with what the reader left out.
pub fn read_all(bytes: &[u8], ctx: &ReadContext) -> Result<Reading, ReadError> {
    check_size(bytes)?;
    let utf8 = reencode_utf16(bytes)?;
    let bytes = utf8.as_deref().map_or(bytes, str::as_bytes);
    let format = detect(bytes)?;
    let (items, skipped, notes) = read_detected(format, bytes, ctx)?;
    Ok(Reading { format, items, skipped, notes })
}

/// Reads `bytes` as `format`, whatever they look like: how fuzz targets and
/// property tests reach one reader with any input. The app uses [`read`].
pub fn read_as(format: ProgramFormat, bytes: &[u8], ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
    check_size(bytes)?;
    let utf8 = reencode_utf16(bytes)?;
    read_detected(format, utf8.as_deref().map_or(bytes, str::as_bytes), ctx).map(|(items, ..)| items)
}

fn check_size(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::new(format!(
            "the file is {} MB; Hallway reads program files up to {} MB",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// UTF-16 files (some Windows exports), with or without a byte-order mark,
/// are re-encoded first so that detection and the readers only ever see
/// UTF-8 or single-byte text.
fn reencode_utf16(bytes: &[u8]) -> Result<Option<String>, ReadError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || text::utf16_without_bom(bytes).is_some() {
        return text::decode(bytes).map(Some);
    }
    Ok(None)
}

type Skipped = Vec<Skip>;

fn read_detected(
    format: ProgramFormat,
    bytes: &[u8],
    ctx: &ReadContext,
) -> Result<(Vec<ProgramItem>, Skipped, Vec<String>), ReadError> {
    let only = |items: Vec<ProgramItem>| (items, Vec::new(), Vec::new());
    match format {
        ProgramFormat::Ics => ics::read(bytes, ctx).map(|r| (r.items, r.skipped, r.notes)),
        ProgramFormat::FrabXml => frab_xml::read(&text::decode(bytes)?, ctx).map(only),
        ProgramFormat::PretalxJson => pretalx_json::read(&text::decode(bytes)?, ctx).map(only),
        ProgramFormat::Csv => csv::read(&text::decode(bytes)?, ctx).map(only),
        ProgramFormat::Sample => Err(ReadError::new("the sample program is not read from a file")),
    }
}
