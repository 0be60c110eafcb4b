//! Reading a congress program exported as a spreadsheet (CSV). Nothing about
//! such a file is fixed: the delimiter is sniffed ([`sniff`]), the columns are
//! found by their header in six languages ([`columns`], matched by
//! [`headers`]), dates and times are read in whatever form the cells use
//! ([`when`]) with the day/month order settled once per file ([`order`]),
//! and speaker cells are split into names ([`people`]). This file reads the
//! records and finds the header; [`row`] turns each record into an item.

mod columns;
pub(crate) mod headers;
mod order;
mod people;
mod row;
pub(crate) mod sniff;
mod when;

use ::csv::{ReaderBuilder, StringRecord, Trim};

use super::item::{ProgramItem, ReadContext, ReadError};
use columns::{Field, PROGRAM_HEADERS};

/// How far down the header row may be, below a title or notes.
const HEADER_SEARCH_RECORDS: usize = 10;

/// Where each field is, once the header row has been read.
#[derive(Debug, Default)]
struct Layout {
    /// The headers as the file writes them, for messages.
    headers: Vec<String>,
    /// Column index of each single field.
    single: Vec<(Field, usize)>,
    /// Speakers, chairs and authors may come from several columns.
    people: Vec<(Field, usize)>,
    /// The session each row belongs to (its number or title), when the file
    /// has a title column and, beside it, a "Session" one.
    session: Option<usize>,
}

/// Headers of a session column, folded (see [`headers::fold`]); the words
/// the Title column takes when there is no other title.
const SESSION_HEADERS: &[&str] = &[
    "session",
    "session title",
    "session name",
    "session number",
    "session no",
    "session nr",
    "seance",
    "titre de la session",
    "sesion",
    "sitzung",
    "sessione",
    "sessao",
];

impl Layout {
    fn find(headers: &StringRecord) -> Self {
        let names: Vec<&str> = headers.iter().map(str::trim).collect();
        let mut layout = Layout { headers: names.iter().map(|h| h.to_string()).collect(), ..Layout::default() };
        for (index, field) in headers::match_headers(&PROGRAM_HEADERS, &names).into_iter().enumerate() {
            match field {
                Some(field @ (Field::Speakers | Field::Chairs | Field::Authors)) => layout.people.push((field, index)),
                Some(field) => layout.single.push((field, index)),
                None => {}
            }
        }
        if layout.has(Field::Title) {
            let taken = |i: usize| layout.single.iter().chain(&layout.people).any(|&(_, at)| at == i);
            layout.session =
                (0..names.len()).find(|&i| !taken(i) && SESSION_HEADERS.contains(&headers::fold(names[i]).as_str()));
        }
        layout
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.single.iter().find(|(f, _)| *f == field).map(|&(_, index)| index)
    }

    fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    /// Enough to read items: a title, and a start (or at least a day).
    fn usable(&self) -> bool {
        self.has(Field::Title) && (self.has(Field::Start) || self.has(Field::Date))
    }

    /// "column Début", for error locations.
    fn location(&self, field: Field) -> String {
        let name = self.column(field).and_then(|i| self.headers.get(i)).map_or("?", String::as_str);
        format!("column {name}")
    }

    fn missing(&self, line: usize) -> ReadError {
        let mut wanted = Vec::new();
        if !self.has(Field::Title) {
            wanted.push(format!("title column ({}, …)", Field::Title.examples()));
        }
        if !self.has(Field::Start) && !self.has(Field::Date) {
            wanted.push(format!("start column ({}, …)", Field::Start.examples()));
        }
        const SHOWN: usize = 30;
        let named: Vec<&String> = self.headers.iter().filter(|h| !h.is_empty()).collect();
        let mut found: Vec<String> = named
            .iter()
            .take(SHOWN)
            .map(|h| match h.char_indices().nth(40) {
                Some((cut, _)) => format!("\"{}…\"", &h[..cut]),
                None => format!("\"{h}\""),
            })
            .collect();
        if named.len() > SHOWN {
            found.push(format!("and {} more", named.len() - SHOWN));
        }
        let found = if found.is_empty() { "none".to_owned() } else { found.join(", ") };
        ReadError::at_line(
            line,
            format!("the header row has no {}; the headers found are {found}", wanted.join(" and no ")),
        )
    }
}

pub fn read(text: &str, ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
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

    let mut records: Vec<(usize, StringRecord)> = Vec::new();
    loop {
        let mut record = StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line() as usize) + skipped_lines;
                return Err(ReadError::at_line(line.max(1), format!("this line cannot be read as CSV ({err})")));
            }
        }
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(1, |p| start_line(text, p)) + skipped_lines;
        records.push((line, record));
    }
    let Some((first_line, first)) = records.first() else {
        return Err(ReadError::new("the file is empty"));
    };
    if let Some((line, last)) = records.last() {
        let start = last.position().map_or(0, |p| p.byte() as usize);
        if sniff::open_quote(text, start, delimiter, last) {
            return Err(ReadError::at_line(*line, sniff::open_quote_message()));
        }
    }

    let header_at = records.iter().take(HEADER_SEARCH_RECORDS).position(|(_, r)| Layout::find(r).usable());
    let Some(header_at) = header_at else {
        return Err(Layout::find(first).missing(*first_line));
    };
    let mut rows = records.split_off(header_at + 1);
    let (_, header) = &records[header_at];
    let layout = Layout::find(header);
    // Exports made of several sheets repeat the header row: skip it.
    rows.retain(|(_, record)| record != header);
    row::items(&rows, &layout, ctx)
}

/// The line a record starts on. The reader's position is where it began
/// looking, before any blank lines it skipped.
fn start_line(text: &str, position: &::csv::Position) -> usize {
    let after = text.as_bytes().get(position.byte() as usize..).unwrap_or_default();
    let blank = after.iter().take_while(|&&b| b == b'\n' || b == b'\r').filter(|&&b| b == b'\n').count();
    position.line() as usize + blank
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
