//! A contacts CSV as rows that remember their line, read once and shared by
//! the LinkedIn and generic readers (detection needs the header row before
//! it knows which reader gets the file). The delimiter is sniffed the way the
//! program CSV reader does it; quoted cells may hold delimiters and newlines.

use csv::{ReaderBuilder, StringRecord, Trim};

use crate::program::import::csv::sniff;
use crate::program::import::ReadError;

/// How far down the header row may be, below LinkedIn's "Notes:" or a title.
pub(super) const HEADER_SEARCH_ROWS: usize = 10;

/// One non-blank record of the file.
#[derive(Debug)]
pub(super) struct Row {
    /// 1-based line where the record starts.
    pub line: usize,
    pub cells: StringRecord,
}

impl Row {
    /// The cell at `column`, trimmed; empty when the column is absent.
    pub fn cell(&self, column: Option<usize>) -> &str {
        column.and_then(|c| self.cells.get(c)).unwrap_or_default()
    }

    /// The cells as strings, for matching a header.
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(header_text).collect()
    }
}

/// Every non-blank record of `text`.
pub(super) fn rows(text: &str) -> Result<Vec<Row>, ReadError> {
    let (delimiter, text, skipped_lines) = match sniff::sep_line(text) {
        Some((delimiter, rest)) => (delimiter, rest, 1),
        None => (sniff::delimiter(text), text, 0),
    };
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    loop {
        let mut cells = StringRecord::new();
        match reader.read_record(&mut cells) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line() as usize) + skipped_lines;
                return Err(ReadError::at_line(line.max(1), format!("this line cannot be read as CSV ({err})")));
            }
        }
        if cells.iter().all(str::is_empty) {
            continue;
        }
        let line = cells.position().map_or(1, |p| start_line(text, p)) + skipped_lines;
        rows.push(Row { line, cells });
    }
    if let Some(last) = rows.last() {
        let start = last.cells.position().map_or(0, |p| p.byte() as usize);
        if sniff::open_quote(text, start, delimiter, &last.cells) {
            return Err(ReadError::at_line(last.line, sniff::open_quote_message()));
        }
    }
    Ok(rows)
}

/// The line a record starts on. The reader's position is where it began
/// looking, before any blank lines it skipped.
fn start_line(text: &str, position: &csv::Position) -> usize {
    let after = text.as_bytes().get(position.byte() as usize..).unwrap_or_default();
    let blank = after.iter().take_while(|&&b| b == b'\n' || b == b'\r').filter(|&&b| b == b'\n').count();
    position.line() as usize + blank
}

/// Longer cells are text, never a header; they are not matched (matching
/// a megabyte-long cell against every known name would take minutes).
pub(super) const MAX_HEADER_CHARS: usize = 120;

/// The cell as a header, or "" when it is too long to be one.
pub(super) fn header_text(cell: &str) -> &str {
    if cell.len() > MAX_HEADER_CHARS {
        ""
    } else {
        cell
    }
}

/// The headers of `row` for an error message: `"A", "B"` or "none"; long
/// cells are cut short and only the first thirty are named.
pub(super) fn list_headers(row: &Row) -> String {
    const SHOWN: usize = 30;
    let headers: Vec<&str> = row.cells.iter().filter(|h| !h.is_empty()).collect();
    let mut found: Vec<String> = headers
        .iter()
        .take(SHOWN)
        .map(|h| match h.char_indices().nth(40) {
            Some((cut, _)) => format!("\"{}…\"", &h[..cut]),
            None => format!("\"{h}\""),
        })
        .collect();
    if headers.len() > SHOWN {
        found.push(format!("and {} more", headers.len() - SHOWN));
    }
    if found.is_empty() {
        "none".to_owned()
    } else {
        found.join(", ")
    }
}
