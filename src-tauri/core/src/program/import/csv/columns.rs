//! The one table of header names a program spreadsheet may use, in English,
//! French, Spanish, German, Italian and Portuguese. To teach Hallway a new
//! header, add it to [`PROGRAM_HEADERS`]: names are written as people type
//! them, accents and all, since matching folds case, accents and punctuation.

use super::headers::{Column, HeaderTable};

/// What a program column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    /// The day, when start and end hold only times; also the start's day in
    /// exports with separate "Start date" and "Start time" columns.
    Date,
    EndDate,
    /// A date and time, or only a time (with the day in [`Field::Date`]),
    /// or a range "08:30–09:45".
    Start,
    End,
    Duration,
    Room,
    Track,
    Kind,
    Speakers,
    Chairs,
    Authors,
    AbstractNumber,
    Description,
    Url,
    /// The source's own session id: the key re-imports update by.
    Id,
    /// "Cancelled", "Annulé", … marks the item cancelled.
    Status,
    /// The poster board a presenter stands at ("I-123", "P1234").
    Board,
}

const fn col(field: Field, names: &'static [&'static str]) -> Column<Field> {
    Column { field, names, repeatable: false }
}

const fn people(field: Field, names: &'static [&'static str]) -> Column<Field> {
    Column { field, names, repeatable: true }
}

/// Every header name Hallway recognises in a program spreadsheet, by field;
/// within a field, one line per language (English, French, Spanish, German,
/// Italian, Portuguese). Order matters only for long headers naming two
/// fields ("Abstract title" is a title): the field listed first wins.
#[rustfmt::skip]
pub const PROGRAM_HEADERS: HeaderTable<Field> = HeaderTable {
    columns: &[
        col(Field::Title, &[
            "Title", "Session", "Session title", "Session name", "Presentation title", "Talk", "Name", "Subject", "Event",
            "Titre", "Titre de la session", "Intitulé", "Sujet", "Nom",
            "Título", "Nombre", "Asunto", "Evento",
            "Titel", "Sitzung", "Veranstaltung", "Betreff",
            "Titolo", "Nome", "Oggetto",
            "Sessão",
        ]),
        col(Field::Date, &[
            "Date", "Day", "Session date", "Start date",
            "Jour", "Date de début",
            "Fecha", "Día", "Fecha de inicio",
            "Datum", "Tag", "Startdatum",
            "Data", "Giorno", "Data di inizio",
            "Data de início",
        ]),
        col(Field::EndDate, &["End date", "Date de fin", "Fecha de fin", "Enddatum", "Data di fine", "Data de fim"]),
        col(Field::Start, &[
            "Start", "Start time", "Starts", "Starts at", "Begin", "Begins", "Time", "From", "Start date and time",
            "Début", "Heure de début", "Heure", "Horaire",
            "Inicio", "Hora inicio", "Hora de inicio", "Hora", "Horario",
            "Beginn", "Startzeit", "Uhrzeit", "Zeit", "Von",
            "Inizio", "Ora inizio", "Ora di inizio", "Ora", "Orario",
            "Início", "Hora de início",
        ]),
        col(Field::End, &[
            "End", "End time", "Ends", "Ends at", "Finish", "To", "Until",
            "Fin", "Heure de fin",
            "Hora fin", "Hora de fin", "Término",
            "Ende", "Endzeit", "Bis",
            "Fine", "Ora fine", "Ora di fine",
            "Fim", "Hora de término",
        ]),
        col(Field::Duration, &[
            "Duration", "Length", "Minutes", "Mins", "Min",
            "Durée", "Duración", "Dauer", "Durata", "Duração",
        ]),
        col(Field::Room, &[
            "Room", "Location", "Hall", "Venue", "Place", "Auditorium",
            "Salle", "Lieu",
            "Sala", "Lugar", "Local",
            "Raum", "Saal", "Ort",
        ]),
        col(Field::Track, &[
            "Track", "Topic", "Theme", "Category", "Area",
            "Thème", "Thématique", "Catégorie",
            "Tema", "Categoría",
            "Thema", "Kategorie", "Themenbereich",
            "Categoria",
        ]),
        col(Field::Kind, &[
            "Type", "Kind", "Session type", "Format",
            "Type de session",
            "Tipo", "Tipo de sesión",
            "Art", "Sitzungstyp",
            "Tipo di sessione",
        ]),
        people(Field::Speakers, &[
            "Speakers", "Speaker", "Presenters", "Presenter", "Presented by", "Faculty",
            "Intervenants", "Intervenant", "Orateurs", "Orateur",
            "Ponentes", "Ponente",
            "Referenten", "Referent", "Sprecher", "Vortragende",
            "Relatori", "Relatore",
            "Oradores", "Palestrantes",
        ]),
        people(Field::Chairs, &[
            "Chair", "Chairs", "Co-chairs", "Chairperson", "Chairpersons", "Chaired by", "Moderator", "Moderators",
            "Modérateur", "Modérateurs", "Président", "Présidents",
            "Moderador", "Moderadores",
            "Vorsitz", "Vorsitzende",
            "Moderatore", "Moderatori", "Presidente",
        ]),
        people(Field::Authors, &[
            "Authors", "Author", "Auteurs", "Auteur", "Autores", "Autor", "Autoren", "Autori", "Autore",
        ]),
        col(Field::AbstractNumber, &[
            "Abstract", "Abstract number", "Abstract #", "Abstract No", "Abstract Nr", "Abstract ID", "Abs #", "Abs",
            "Poster number", "Poster #", "Poster no", "Poster",
            "Nº", "Number", "Numéro", "Número", "Nummer", "Numero",
        ]),
        col(Field::Description, &[
            "Description", "Abstract text", "Summary", "Details", "Notes",
            "Résumé", "Descriptif",
            "Resumen", "Descripción",
            "Beschreibung", "Zusammenfassung",
            "Descrizione", "Riassunto",
            "Descrição", "Resumo",
        ]),
        col(Field::Url, &["URL", "Link", "Web", "Website", "Web page", "Lien", "Enlace", "Collegamento"]),
        col(Field::Id, &[
            "ID", "Session ID", "Code", "Session code", "UID", "GUID", "Event ID", "Event GUID", "Talk ID", "Reference", "Ref",
        ]),
        col(Field::Status, &["Status", "State", "Statut", "Estado", "Stato"]),
        col(Field::Board, &[
            "Board", "Poster board", "Board number", "Board #", "Board no", "Posterboard",
            "Panneau", "Panneau d'affichage",
            "Panel", "Tablero",
            "Posterwand", "Stellwand",
            "Pannello",
            "Painel",
        ]),
    ],
    vague: &[
        "Session", "Sessão", "Sitzung", "Name", "Nom", "Nombre", "Nome", "Data", "Day", "Tag", "Art", "Nº",
        "Number", "Número", "Numéro", "Nummer", "Numero", "From", "To", "Von", "Bis", "Web", "Format", "Heure",
        "Hora", "Ora", "Local", "Place", "Min", "Abs", "Ref", "Fine", "Board", "Poster", "State",
    ],
    elsewhere: &[
        "id", "affiliation", "affiliations", "institution", "institutions", "organisation", "organization",
        "company", "email", "mail", "phone", "country", "pays", "pais", "land", "city", "ville", "ciudad", "stadt",
        "bio", "biography", "photo", "picture", "disclosure", "disclosures", "capacity",
    ],
};

impl Field {
    /// A few names of the field's column, for messages.
    pub fn examples(self) -> String {
        let names = PROGRAM_HEADERS.columns.iter().find(|c| c.field == self).map_or(&[][..], |c| c.names);
        names.iter().take(4).copied().collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::super::headers::{fold, match_headers};
    use super::*;

    fn fields(headers: &[&str]) -> Vec<Option<Field>> {
        match_headers(&PROGRAM_HEADERS, headers)
    }

    #[test]
    fn no_name_means_two_fields() {
        let mut seen: Vec<(String, Field)> = Vec::new();
        for column in PROGRAM_HEADERS.columns {
            for name in column.names {
                let folded = fold(name);
                assert!(!folded.is_empty(), "{name} folds to nothing");
                if let Some((_, other)) = seen.iter().find(|(n, _)| *n == folded) {
                    assert_eq!(*other, column.field, "{name} names both {other:?} and {:?}", column.field);
                }
                seen.push((folded, column.field));
            }
        }
    }

    #[test]
    fn the_languages_of_the_brief() {
        use Field::*;
        let cases: &[(&str, Field)] = &[
            ("Titre", Title),
            ("Título", Title),
            ("TITOLO", Title),
            ("Session title (EN)", Title),
            ("Abstract title", Title),
            ("Heure de début", Start),
            ("Hora inicio", Start),
            ("Startzeit", Start),
            ("start_time", Start),
            ("Término", End),
            ("Durée (min)", Duration),
            ("Día", Date),
            ("Salle", Room),
            ("Room name", Room),
            ("Thème", Track),
            ("Tipo", Kind),
            ("Intervenants", Speakers),
            ("Nom de l'intervenant", Speakers),
            ("Speaker 1", Speakers),
            ("Modérateur", Chairs),
            ("Abstract #", AbstractNumber),
            ("Abs #", AbstractNumber),
            ("Nº", AbstractNumber),
            ("Abstract text", Description),
            ("Résumé", Description),
            ("Lien", Url),
            ("Session code", Id),
            ("Statut", Status),
        ];
        for (header, field) in cases {
            assert_eq!(fields(&[header]), vec![Some(*field)], "{header}");
        }
    }

    #[test]
    fn the_likelier_name_wins_a_field() {
        use Field::*;
        assert_eq!(fields(&["Session", "Time", "Title", "Start"]), vec![None, None, Some(Title), Some(Start)]);
        assert_eq!(fields(&["Session", "Time", "Room"]), vec![Some(Title), Some(Start), Some(Room)]);
    }

    #[test]
    fn outlook_style_split_date_and_time() {
        use Field::*;
        assert_eq!(
            fields(&["Subject", "Start Date", "Start Time", "End Date", "End Time", "Location", "Speaker affiliation"]),
            vec![Some(Title), Some(Date), Some(Start), Some(EndDate), Some(End), Some(Room), None]
        );
    }
}
