//! Any other contacts spreadsheet with a header row: a list kept in Excel, a
//! Google Contacts or Outlook export, a society's member directory. Columns
//! are found by name in several languages, with the program CSV reader's
//! header matching (case, accents and punctuation folded); Google's numbered
//! columns ("E-mail 1 - Value") and Outlook's ("E-mail 2 Address", "Business
//! City") are named here too. A link in any web-site column is recognised as
//! LinkedIn, X, Bluesky or ORCID by where it points.

use super::links;
use super::record::{self, ContactRecord, LeftOut, SkippedRecord};
use super::table::{Row, HEADER_SEARCH_ROWS};
use super::tidy::{self, Name};
use crate::program::import::csv::headers::{fold, match_headers, Column, HeaderTable};

/// What a contacts column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Name,
    First,
    Middle,
    Last,
    Prefix,
    Suffix,
    Email,
    Phone,
    Institution,
    Position,
    City,
    Country,
    Linkedin,
    X,
    Bluesky,
    Orcid,
    Website,
    Notes,
    Tags,
}

const fn one(field: Field, names: &'static [&'static str]) -> Column<Field> {
    Column { field, names, repeatable: false }
}

const fn many(field: Field, names: &'static [&'static str]) -> Column<Field> {
    Column { field, names, repeatable: true }
}

/// Every header name recognised, by field; the first name listed in a field
/// wins when two headers name it ("Job Title" over Outlook's "Title", which
/// holds Mr/Dr there). Names are written as people type them.
#[rustfmt::skip]
const HEADERS: HeaderTable<Field> = HeaderTable {
    columns: &[
        one(Field::Name, &[
            "Name", "Full name", "Display name", "Contact", "Contact name", "Person",
            "Nom complet", "Nombre completo", "Vollständiger Name", "Nome completo",
        ]),
        one(Field::First, &[
            "First name", "Given name", "First", "Given", "Forename", "Firstname",
            "Prénom", "Nombre", "Vorname", "Nome", "Primeiro nome",
        ]),
        one(Field::Middle, &["Middle name", "Additional name", "Second prénom", "Segundo nombre", "Zweiter Vorname"]),
        one(Field::Last, &[
            "Last name", "Family name", "Surname", "Last", "Family", "Lastname",
            "Nom", "Nom de famille", "Apellido", "Apellidos", "Nachname", "Familienname", "Cognome", "Sobrenome", "Apelido",
        ]),
        one(Field::Prefix, &["Name prefix", "Prefix", "Honorific", "Salutation", "Civilité", "Tratamiento", "Anrede", "Titel"]),
        one(Field::Suffix, &["Name suffix", "Suffix", "Credentials", "Degrees", "Degree"]),
        many(Field::Email, &[
            "Email", "E-mail", "Emails", "Email address", "E-mail address", "Mail", "Work email", "E-mail 1 - Value",
            "Courriel", "Adresse e-mail", "Correo", "Correo electrónico", "E-Mail-Adresse", "Posta elettronica",
        ]),
        many(Field::Phone, &[
            "Mobile", "Mobile phone", "Cell", "Cell phone", "Phone", "Telephone", "Tel", "Phone number",
            "Primary phone", "Business phone", "Work phone", "Phone 1 - Value", "Home phone",
            "Portable", "Téléphone", "Móvil", "Teléfono", "Handy", "Telefon", "Cellulare", "Telefono", "Telemóvel",
        ]),
        one(Field::Institution, &[
            "Company", "Organization", "Organisation", "Institution", "Affiliation", "Employer", "Hospital",
            "Company name", "Organization name", "Organization 1 - Name",
            "Entreprise", "Société", "Établissement", "Empresa", "Institución", "Organización",
            "Firma", "Unternehmen", "Einrichtung", "Azienda", "Istituzione", "Instituição",
        ]),
        one(Field::Position, &[
            "Job title", "Position", "Title", "Role", "Job", "Organization title", "Organization 1 - Title", "Occupation",
            "Poste", "Fonction", "Cargo", "Puesto", "Funktion", "Ruolo", "Qualifica", "Função",
        ]),
        one(Field::City, &[
            "City", "Business city", "Home city", "Address 1 - City", "Town",
            "Ville", "Ciudad", "Stadt", "Ort", "Città", "Cidade",
        ]),
        one(Field::Country, &[
            "Country", "Business country/region", "Home country/region", "Country/region", "Address 1 - Country",
            "Pays", "País", "Land", "Paese", "Nazione",
        ]),
        one(Field::Linkedin, &["LinkedIn", "LinkedIn URL", "LinkedIn profile"]),
        one(Field::X, &["Twitter", "X", "X handle", "Twitter handle", "X (Twitter)", "Twitter/X"]),
        one(Field::Bluesky, &["Bluesky", "Bluesky handle", "BlueSky"]),
        one(Field::Orcid, &["ORCID", "ORCID iD", "ORCID ID"]),
        many(Field::Website, &["Website", "Web site", "Web page", "URL", "Homepage", "Website 1 - Value", "Profile URL", "Site web", "Sitio web"]),
        one(Field::Notes, &["Notes", "Note", "Comments", "Comment", "Remarques", "Commentaires", "Notas", "Notizen", "Bemerkungen"]),
        many(Field::Tags, &["Tags", "Tag", "Labels", "Group membership", "Groups", "Categories", "Étiquettes", "Etiquetas", "Gruppen"]),
    ],
    vague: &["name", "first", "last", "given", "family", "x", "mail", "job", "title", "tel", "land", "ort", "nom", "nome"],
    // Google writes "E-mail 1 - Type" next to its value; Outlook names an
    // assistant's phone and an e-mail's display name.
    elsewhere: &[
        "type", "label", "display", "yomi", "phonetic", "assistant", "manager", "spouse", "children", "fax",
        "pager", "street", "postal", "code", "po", "region", "state", "department", "extended", "formatted",
    ],
};

/// Where each field is in this file.
#[derive(Debug, Default)]
pub(super) struct Columns {
    found: Vec<(Field, usize)>,
    /// Every header, for messages.
    headers: Vec<String>,
}

impl Columns {
    fn find(row: &Row) -> Columns {
        let headers = row.texts();
        let mut fields = match_headers(&HEADERS, &headers);
        // Outlook's "Title" is Mr/Dr: it loses the position to "Job Title"
        // and is then the only place the form of address is written.
        let prefix = fields.contains(&Some(Field::Prefix));
        if let Some(title) = headers.iter().zip(&fields).position(|(h, f)| f.is_none() && fold(h) == "title") {
            if !prefix && fields.contains(&Some(Field::Position)) {
                fields[title] = Some(Field::Prefix);
            }
        }
        let found = fields.into_iter().enumerate().filter_map(|(i, field)| field.map(|f| (f, i))).collect();
        Columns { found, headers: headers.iter().map(|h| h.to_string()).collect() }
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.found.iter().find(|(f, _)| *f == field).map(|&(_, i)| i)
    }

    fn all(&self, field: Field) -> impl Iterator<Item = usize> + '_ {
        self.found.iter().filter(move |(f, _)| *f == field).map(|&(_, i)| i)
    }

    fn has_name(&self) -> bool {
        [Field::Name, Field::First, Field::Last].iter().any(|&f| self.column(f).is_some())
    }

    /// Phone columns, the one named earliest in [`HEADERS`] first (a mobile
    /// number is the one that helps at a congress).
    fn phones(&self) -> Vec<usize> {
        let names: Vec<String> = HEADERS
            .columns
            .iter()
            .find(|c| c.field == Field::Phone)
            .map_or(&[][..], |c| c.names)
            .iter()
            .map(|n| fold(n))
            .collect();
        let mut phones: Vec<usize> = self.all(Field::Phone).collect();
        phones.sort_by_key(|&i| names.iter().position(|n| *n == fold(&self.headers[i])).unwrap_or(usize::MAX));
        phones
    }
}

/// The header row's index and columns, when a row within the first few
/// names a name column.
pub(super) fn detect(rows: &[Row]) -> Option<(usize, Columns)> {
    rows.iter().take(HEADER_SEARCH_ROWS).map(Columns::find).enumerate().find(|(_, c)| c.has_name())
}

/// The contacts below the header.
pub(super) fn read(rows: &[Row], columns: &Columns, header: &Row) -> (Vec<ContactRecord>, Vec<SkippedRecord>) {
    let phones = columns.phones();
    let mut records = Vec::with_capacity(rows.len());
    let mut skipped = Vec::new();
    for row in rows {
        // Exports made of several sheets repeat the header row.
        if row.cells == header.cells {
            continue;
        }
        match record(row, columns, &phones) {
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

fn record(row: &Row, columns: &Columns, phones: &[usize]) -> Result<ContactRecord, SkippedRecord> {
    let cell = |field| row.cell(columns.column(field));
    let mut left_out = Vec::new();
    let mut emails = Vec::new();
    for column in columns.all(Field::Email) {
        let found = tidy::emails(row.cell(Some(column)));
        if found.is_empty() && !row.cell(Some(column)).is_empty() {
            let (header, value) = (tidy::quote(&columns.headers[column]), tidy::quote(row.cell(Some(column))));
            let reason = format!("{header} {value} is not an e-mail address; the row was imported without it");
            left_out.push(LeftOut { line: row.line, reason });
        }
        emails.extend(found);
    }
    let mut name = Name::from_parts(cell(Field::First), cell(Field::Middle), cell(Field::Last));
    // A whole-name column, when filled, is the name as the source shows it.
    let full = Name::from_full(cell(Field::Name));
    if !full.display.is_empty() {
        name = Name {
            display: full.display,
            given: name.given.or(full.given),
            middle: name.middle.or(full.middle),
            family: name.family.or(full.family),
            honorific: name.honorific.or(full.honorific),
            credentials: name.credentials.or(full.credentials),
        };
    }
    tidy::address_out_of_name(&mut name, &mut emails);
    let emails = tidy::unique_emails(emails);
    if name.display.is_empty() && emails.is_empty() {
        return Err(SkippedRecord { line: row.line, reason: "the row has no name and no e-mail address".into() });
    }
    let mut position = tidy::line(cell(Field::Position));
    // "Dr" in a hand-made list's "Title" column is how to address them.
    let prefix = tidy::line(cell(Field::Prefix)).or_else(|| position.take_if(|p| tidy::honorific_only(p)));
    if let Some(prefix) = prefix {
        name.honorific = Some(prefix);
    }
    name.add_suffixes(cell(Field::Suffix));
    let mut record = ContactRecord {
        display_name: name.display,
        given_name: name.given,
        middle_name: name.middle,
        family_name: name.family,
        honorific: name.honorific,
        credentials: name.credentials,
        institution: tidy::line(cell(Field::Institution)),
        position,
        city: tidy::line(cell(Field::City)),
        country: tidy::line(cell(Field::Country)),
        emails,
        phone: phones.iter().find_map(|&c| tidy::phone(row.cell(Some(c)))),
        linkedin_url: links::linkedin(cell(Field::Linkedin)),
        x_handle: links::x_handle(cell(Field::X)),
        bluesky_handle: links::bluesky_handle(cell(Field::Bluesky)),
        orcid: links::orcid(cell(Field::Orcid)),
        notes: tidy::note(cell(Field::Notes)),
        tags: tags(columns.all(Field::Tags).map(|c| row.cell(Some(c)))),
        line: row.line,
        source: None,
        left_out,
    };
    for column in columns.all(Field::Website) {
        for link in row.cell(Some(column)).split(":::").flat_map(|s| s.split_whitespace()) {
            if let Some(profile) = links::profile(link) {
                profile.fill(&mut record);
            }
        }
    }
    Ok(record)
}

/// Tags from cells like "ASH 2026, Myeloma" or Google's "* myContacts :::
/// EHA"; Google's own groups (starred with "*") are left out.
fn tags<'a>(cells: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in cells.flat_map(|c| c.split([',', ';'])).flat_map(|t| t.split(":::")).filter_map(tidy::line) {
        if !tag.starts_with('*') && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            tags.push(tag);
        }
    }
    tags
}

/// Why a CSV without a name column cannot be read, naming what it has.
pub(super) fn no_name_column(first: &Row) -> String {
    format!(
        "no column holds names (looked for Name, First name, Last name, Given name, Family name, Nom, Nombre, …); \
         the headers found are {}",
        super::table::list_headers(first)
    )
}

#[cfg(test)]
#[path = "generic_csv_tests.rs"]
mod tests;
