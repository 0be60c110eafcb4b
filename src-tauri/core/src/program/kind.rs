//! Session kinds, recognised from the words a program uses ("Oral Abstract
//! Session", "Satellite Symposium", "ASH-a-Palooza"), in several languages.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Plenary,
    Oral,
    Poster,
    Education,
    /// Industry-sponsored satellite symposia and product theatres.
    Satellite,
    /// Networking and social events: receptions, ASH-a-Palooza, meet-ups.
    Social,
    /// Coffee and lunch breaks, which the slot finder prefers for meetings.
    Break,
    Other,
}

/// Words that mark a kind, checked in this order (the first match wins, so
/// "Poster walk reception" is a poster item, "Industry lunch" a satellite).
const MARKERS: &[(SessionKind, &[&str])] = &[
    (SessionKind::Plenary, &["plenary", "plenaria", "pleniere", "plenar", "presidential", "keynote"]),
    (SessionKind::Poster, &["poster", "affiche", "e-poster", "eposter"]),
    (
        SessionKind::Satellite,
        &[
            "satellite",
            "industry",
            "sponsored",
            "product theater",
            "product theatre",
            "symposium sponsored",
            "industrie",
        ],
    ),
    (
        SessionKind::Education,
        &[
            "education",
            "educational",
            "workshop",
            "meet the expert",
            "masterclass",
            "course",
            "tutorial",
            "formacion",
            "fortbildung",
            "training",
        ],
    ),
    (
        SessionKind::Oral,
        &[
            "oral",
            "abstract session",
            "abstracts",
            "late-breaking",
            "late breaking",
            "presentation",
            "talk",
            "comunicaciones",
        ],
    ),
    (
        SessionKind::Social,
        &[
            "networking",
            "reception",
            "social",
            "palooza",
            "meet-up",
            "meetup",
            "happy hour",
            "dinner",
            "party",
            "mixer",
            "young ebmt",
            "trainee",
        ],
    ),
    (SessionKind::Break, &["coffee", "lunch", "break", "pause", "cafe", "kaffee", "almuerzo", "dejeuner"]),
];

impl SessionKind {
    pub const ALL: [SessionKind; 8] = [
        SessionKind::Plenary,
        SessionKind::Oral,
        SessionKind::Poster,
        SessionKind::Education,
        SessionKind::Satellite,
        SessionKind::Social,
        SessionKind::Break,
        SessionKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Plenary => "plenary",
            SessionKind::Oral => "oral",
            SessionKind::Poster => "poster",
            SessionKind::Education => "education",
            SessionKind::Satellite => "satellite",
            SessionKind::Social => "social",
            SessionKind::Break => "break",
            SessionKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> SessionKind {
        SessionKind::ALL.into_iter().find(|k| k.as_str() == text).unwrap_or(SessionKind::Other)
    }

    /// The kind the source states (`hint`: a type or category), else what the
    /// title makes plain, else `Other`.
    pub fn recognise(hint: Option<&str>, title: &str) -> SessionKind {
        hint.and_then(from_words).or_else(|| from_words(title)).unwrap_or(SessionKind::Other)
    }
}

fn from_words(text: &str) -> Option<SessionKind> {
    let text = deunicode::deunicode(text).to_lowercase();
    MARKERS.iter().find(|(_, words)| words.iter().any(|w| text.contains(w))).map(|(kind, _)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SessionKind::*;

    #[test]
    fn recognises_common_program_words() {
        let cases = [
            (Some("Oral Abstract Session"), "x", Oral),
            (Some("Poster Session III"), "x", Poster),
            (Some("Satellite Symposium"), "x", Satellite),
            (None, "ASH-a-Palooza", Social),
            (None, "Plenary Scientific Session", Plenary),
            (Some("Education Program"), "x", Education),
            (None, "Coffee break", Break),
            (Some("Sesión plenaria"), "x", Plenary),
            (None, "Myeloma: new drugs", Other),
            (Some("Unknown"), "Networking reception for trainees", Social),
        ];
        for (hint, title, kind) in cases {
            assert_eq!(SessionKind::recognise(hint, title), kind, "{hint:?} {title}");
        }
    }
}
