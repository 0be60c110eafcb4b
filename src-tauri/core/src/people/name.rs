//! Names as people write them — "Prof. Ana Sánchez, MD", "Sánchez, Ana",
//! "ana sanchez" — reduced to one matching key, so a speaker from the program
//! and a contact from LinkedIn land on the same person.

/// Titles and credentials that say nothing about who someone is.
const NOISE: &[&str] = &[
    "dr",
    "prof",
    "professor",
    "pr",
    "md",
    "phd",
    "mph",
    "msc",
    "bsc",
    "mba",
    "frcp",
    "frcpath",
    "frcpc",
    "facp",
    "mrcp",
    "do",
    "rn",
    "np",
    "pharmd",
    "dphil",
    "mbbs",
    "mbchb",
    "mudr",
    "drmed",
    "med",
    "sir",
    "dame",
    "mr",
    "mrs",
    "ms",
    "jr",
    "sr",
];

/// Generational suffixes, compared lower-case without dots: part of a
/// person's name ("Martin Luther King Jr.", "John Doe III"), never
/// credentials. Roman numerals count only in capitals.
const GENERATIONAL: &[&str] = &["jr", "jnr", "sr", "snr"];
const GENERATIONAL_NUMERALS: &[&str] = &["II", "III", "IV"];

/// "Jr.", "Sr", "III": a generational suffix.
pub fn is_generational(word: &str) -> bool {
    let word = word.trim().trim_end_matches(',');
    GENERATIONAL.contains(&word.replace('.', "").to_lowercase().as_str()) || GENERATIONAL_NUMERALS.contains(&word)
}

/// The generational suffix `name` ends with, if it has a name before it:
/// "Jr." of "Dr. Martin Luther King Jr.".
pub fn generational_suffix(name: &str) -> Option<&str> {
    let mut words = name.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty());
    let last = words.next_back()?;
    (words.next().is_some() && is_generational(last)).then_some(last)
}

/// A display name that is an e-mail address stands in for a name the
/// person's card did not give: such a person has no name to export or to
/// match on, and the next import that knows their name replaces it.
pub fn is_address_stand_in(display_name: &str) -> bool {
    let name = display_name.trim();
    !name.contains(char::is_whitespace) && super::looks_like_email(name)
}

/// The matching key: ASCII, lower case, without titles or punctuation, with
/// the words sorted so "Sánchez, Ana" and "Ana Sánchez" agree.
pub fn name_key(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut words: Vec<&str> = ascii
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty() && !NOISE.contains(w))
        .collect();
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

/// A name fit for display: "Sánchez, Ana" becomes "Ana Sánchez"; spacing is
/// tidied; titles stay as written (people choose how they are addressed).
pub fn display_name(name: &str) -> String {
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let tidy = tidy.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    match tidy.split_once(',') {
        Some((last, first))
            if !first.contains(',')
                && !last.trim().is_empty()
                && !first.trim().is_empty()
                && !looks_like_credentials(first) =>
        {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => tidy.to_owned(),
    }
}

/// "MD, PhD" after a comma are credentials, not a first name.
fn looks_like_credentials(text: &str) -> bool {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .all(|w| NOISE.contains(&deunicode::deunicode(w).to_lowercase().trim_matches('.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_accents_titles_order_and_punctuation() {
        let key = name_key("Ana Sánchez");
        for variant in ["Sánchez, Ana", "Prof. Ana SANCHEZ, MD, PhD", "  ana   sanchez ", "Dr. Ana Sanchez"] {
            assert_eq!(name_key(variant), key, "{variant}");
        }
        assert_eq!(name_key("Jürgen Müller"), "jurgen muller");
        assert_eq!(name_key("Søren Ødegård"), "odegard soren");
        assert_ne!(name_key("Ana Sánchez"), name_key("Ana Sánchez-Ruiz"));
    }

    #[test]
    fn generational_suffixes_end_names() {
        assert_eq!(generational_suffix("Dr. Martin Luther King Jr."), Some("Jr."));
        assert_eq!(generational_suffix("John Doe III"), Some("III"));
        assert_eq!(generational_suffix("King, Martin Luther, Jr."), Some("Jr."));
        assert_eq!(generational_suffix("Jr."), None, "a name is left");
        assert_eq!(generational_suffix("Li Ii"), None);
        assert_eq!(generational_suffix("Ramesh V"), None, "an initial after the name");
        assert!(is_address_stand_in("ana@x.org"));
        assert!(!is_address_stand_in("Ana Sánchez"));
    }

    #[test]
    fn display_names_put_first_names_first() {
        assert_eq!(display_name("Sánchez, Ana"), "Ana Sánchez");
        assert_eq!(display_name("  Ana   Sánchez "), "Ana Sánchez");
        assert_eq!(display_name("Ana Sánchez, MD, PhD"), "Ana Sánchez, MD, PhD");
        assert_eq!(display_name("Ana Sánchez, MD"), "Ana Sánchez, MD");
    }
}
