//! Reading a congress program from the files congresses and calendar apps
//! publish: iCalendar, frab/pentabarf `schedule.xml`, c3voc/pretalx
//! `schedule.json` and spreadsheet CSV. The format is recognised from the
//! content, never the file name. Each reader turns its format into
//! [`ProgramItem`]s; `apply` then writes them to the database in one
//! transaction.

mod apply;
#[cfg(test)]
mod apply_tests;
pub(crate) mod csv;
mod frab_xml;
mod ics;
pub mod item;
mod pretalx_json;
mod resolve;
pub mod text;

pub(crate) use apply::write;
pub use apply::{import_bytes, import_file, ImportProgress, ImportReport};
pub use item::{ItemPerson, PersonRole, ProgramItem, ReadContext, ReadError, SourceTime};

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
    if upper.starts_with(b"BEGIN:VCALENDAR") || upper.starts_with(b"BEGIN:VEVENT") {
        return Ok(ProgramFormat::Ics);
    }
    if upper.starts_with(b"BEGIN:VCARD") {
        return Err(ReadError::new("this is a contacts file (vCard), not a program; import it in People"));
    }
    if text::looks_binary(bytes) {
        return Err(ReadError::new("this is not a text file (it contains binary data)"));
    }
    if head.starts_with(b"<") {
        return Ok(ProgramFormat::FrabXml);
    }
    if head.starts_with(b"{") || head.starts_with(b"[") {
        return Ok(ProgramFormat::PretalxJson);
    }
    Ok(ProgramFormat::Csv)
}

/// Reads every item of a program file.
pub fn read(bytes: &[u8], ctx: &ReadContext) -> Result<(ProgramFormat, Vec<ProgramItem>), ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::new(format!(
            "the file is {} MB; Hallway reads program files up to {} MB",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    // UTF-16 files (some Windows exports) are re-encoded first so that
    // detection and the readers only ever see UTF-8 or single-byte text.
    let utf8;
    let bytes = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        utf8 = text::decode(bytes)?;
        utf8.as_bytes()
    } else {
        bytes
    };
    let format = detect(bytes)?;
    let items = match format {
        ProgramFormat::Ics => ics::read(bytes, ctx)?,
        ProgramFormat::FrabXml => frab_xml::read(&text::decode(bytes)?, ctx)?,
        ProgramFormat::PretalxJson => pretalx_json::read(&text::decode(bytes)?, ctx)?,
        ProgramFormat::Csv => csv::read(&text::decode(bytes)?, ctx)?,
        ProgramFormat::Sample => return Err(ReadError::new("the sample program is not read from a file")),
    };
    Ok((format, items))
}
