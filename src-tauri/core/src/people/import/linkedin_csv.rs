//! LinkedIn's Connections.csv, the file most users have at hand: "Get a copy
//! of your data" → Connections. It opens with a few "Notes:" lines about
//! hidden e-mail addresses, then the header `First Name,Last Name,URL,Email
//! Address,Company,Position,Connected On` (older exports lack URL; e-mail is
//! often empty or its column missing). Its columns are fixed, so they are
//! found by exact name; names carry what members type into their profile
//! (", MD, PhD", emoji), tidied by [`super::tidy`].

use super::links;
use super::record::{self, ContactRecord, LeftOut, SkippedRecord};
use super::table::{Row, HEADER_SEARCH_ROWS};
use super::tidy::{self, Name};
use crate::program::import::csv::headers::fold;

/// Where LinkedIn's columns are in this export.
#[derive(Debug, Default)]
pub(super) struct Columns {
    first: usize,
    last: usize,
    url: Option<usize>,
    email: Option<usize>,
    company: Option<usize>,
    position: Option<usize>,
    connected_on: Option<usize>,
}

/// Every header LinkedIn has written in a Connections.csv.
const KNOWN: &[&str] =
    &["first name", "last name", "url", "profile url", "email address", "company", "position", "connected on"];

impl Columns {
    /// LinkedIn's header: First Name and Last Name, and either "Connected On"
    /// or Email Address/Company with nothing LinkedIn would not write (an
    /// Outlook export also has First Name, Last Name and Company, among
    /// ninety other columns).
    fn find(row: &Row) -> Option<Columns> {
        let headers: Vec<String> = row.texts().into_iter().map(fold).collect();
        let at = |name: &str| headers.iter().position(|h| h == name);
        let columns = Columns {
            first: at("first name")?,
            last: at("last name")?,
            url: at("url").or_else(|| at("profile url")),
            email: at("email address"),
            company: at("company"),
            position: at("position"),
            connected_on: at("connected on"),
        };
        let only_linkedin = headers.iter().all(|h| h.is_empty() || KNOWN.contains(&h.as_str()));
        let linkedin =
            columns.connected_on.is_some() || (only_linkedin && (columns.email.is_some() || columns.company.is_some()));
        linkedin.then_some(columns)
    }
}

/// The header row's index and columns, when `rows` are a LinkedIn export.
pub(super) fn detect(rows: &[Row]) -> Option<(usize, Columns)> {
    rows.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(i, row)| Columns::find(row).map(|c| (i, c)))
}

/// The connections below the `header`.
pub(super) fn read(rows: &[Row], columns: &Columns, header: &Row) -> (Vec<ContactRecord>, Vec<SkippedRecord>) {
    let mut records = Vec::with_capacity(rows.len());
    let mut skipped = Vec::new();
    for row in rows {
        match record(row, columns) {
            Ok(mut record) => {
                let cells = header.cells.iter().chain([""]).chain(row.cells.iter());
                record.source = Some(record::digest(cells.map(str::as_bytes)));
                records.push(record)
            }
            Err(skip) => skipped.push(skip),
        }
    }
    (records, skipped)
}

fn record(row: &Row, columns: &Columns) -> Result<ContactRecord, SkippedRecord> {
    let name = Name::from_parts(row.cell(Some(columns.first)), "", row.cell(Some(columns.last)));
    if name.display.is_empty() {
        let reason = if row.cell(Some(columns.first)).is_empty() && row.cell(Some(columns.last)).is_empty() {
            "the connection has no name (LinkedIn leaves it empty for some members)"
        } else {
            "the name has no letters once emoji and symbols are removed"
        };
        return Err(SkippedRecord { line: row.line, reason: reason.to_owned() });
    }
    let connected_on = tidy::line(row.cell(columns.connected_on));
    let emails = tidy::emails(row.cell(columns.email));
    let mut left_out = Vec::new();
    if emails.is_empty() && !row.cell(columns.email).is_empty() {
        let value = tidy::quote(row.cell(columns.email));
        let reason = format!("Email Address {value} is not an e-mail address; the connection was imported without it");
        left_out.push(LeftOut { line: row.line, reason });
    }
    Ok(ContactRecord {
        display_name: name.display,
        given_name: name.given,
        family_name: name.family,
        honorific: name.honorific,
        credentials: name.credentials,
        institution: tidy::line(row.cell(columns.company)),
        position: tidy::line(row.cell(columns.position)),
        emails,
        linkedin_url: links::linkedin(row.cell(columns.url)),
        notes: connected_on.map(|on| format!("Connected on LinkedIn on {on}")),
        tags: vec!["linkedin".to_owned()],
        line: row.line,
        left_out,
        ..ContactRecord::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::table::rows as table;
    use super::*;

    fn read_text(text: &str) -> (Vec<ContactRecord>, Vec<SkippedRecord>) {
        let rows = table(text).unwrap();
        let (at, columns) = detect(&rows).expect("a LinkedIn header");
        read(&rows[at + 1..], &columns, &rows[at])
    }

    #[test]
    fn todays_export_with_notes_and_url() {
        let text = "Notes:\n\"When exporting your connection data, you may notice that some of the email \
                    addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                    Ana,\"Sánchez, MD, PhD\",https://www.linkedin.com/in/ana-sanchez-1a2b3c/?originalSubdomain=es,\
                    Ana.Sanchez@Hospital.ES,Hospital Clínic,Hematologist,12 Mar 2021\n";
        let (records, skipped) = read_text(text);
        assert!(skipped.is_empty());
        let ana = &records[0];
        assert_eq!(ana.display_name, "Ana Sánchez");
        assert_eq!(ana.credentials.as_deref(), Some("MD, PhD"));
        assert_eq!(ana.family_name.as_deref(), Some("Sánchez"));
        assert_eq!(ana.emails, vec!["Ana.Sanchez@hospital.es"]);
        assert_eq!(ana.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/ana-sanchez-1a2b3c"));
        assert_eq!(ana.notes.as_deref(), Some("Connected on LinkedIn on 12 Mar 2021"));
        assert_eq!(ana.tags, vec!["linkedin"]);
        assert_eq!(ana.line, 5);
    }

    #[test]
    fn nameless_rows_are_skipped_with_their_line() {
        let text = "First Name,Last Name,Email Address,Company,Position,Connected On\n\
                    ,,,,,01 Jan 2020\n🌸,✨,,,,02 Jan 2020\nJörg,Müller,,,,03 Jan 2020\n";
        let (records, skipped) = read_text(text);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].display_name, "Jörg Müller");
        assert_eq!(skipped.iter().map(|s| s.line).collect::<Vec<_>>(), vec![2, 3]);
        assert!(skipped[0].reason.contains("no name"), "{}", skipped[0].reason);
    }

    #[test]
    fn outlook_headers_are_not_linkedin() {
        let rows =
            table("First Name,Middle Name,Last Name,Company,Job Title,E-mail Address\nA,,B,C,D,e@x.org\n").unwrap();
        assert!(detect(&rows).is_none());
        let rows = table("First Name,Last Name,Email Address,Company,Position\nA,B,a@b.org,C,D\n").unwrap();
        assert!(detect(&rows).is_some(), "an export without Connected On is still LinkedIn's");
    }
}
