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
    fn display_names_put_first_names_first() {
        assert_eq!(display_name("Sánchez, Ana"), "Ana Sánchez");
        assert_eq!(display_name("  Ana   Sánchez "), "Ana Sánchez");
        assert_eq!(display_name("Ana Sánchez, MD, PhD"), "Ana Sánchez, MD, PhD");
        assert_eq!(display_name("Ana Sánchez, MD"), "Ana Sánchez, MD");
    }
}
