//! Names out of a speakers or chairs cell, as program spreadsheets write
//! them: "Dr. Ana Sánchez (Hospital Clínic, Barcelona); Prof. Jürgen Müller",
//! "Ana Sánchez, Jürgen Müller", "Müller, Jürgen", one name per line.
//!
//! The rule: affiliations in brackets go first (they hold commas). Then the
//! cell is split on ";", "|" and line breaks. A part is split further on ","
//! only when every piece, once degrees like "MD" are dropped, has a space in
//! it, so a list of full names is split and "Müller, Jürgen" (last, first)
//! is kept whole; and on " and ", " & ", " et ", " y ", " und " between full
//! names. Titles ("Dr", "Prof.", "Pr", "Dra.", "Dott.") are dropped.

/// Honorifics dropped from the front of a name, folded and without dots.
const TITLES: &[&str] = &[
    "dr",
    "dra",
    "drs",
    "prof",
    "professor",
    "pr",
    "pd",
    "priv doz",
    "univ prof",
    "med",
    "dott",
    "dottssa",
    "dottoressa",
    "mr",
    "mrs",
    "ms",
    "mme",
    "mlle",
    "sr",
    "sra",
    "herr",
    "frau",
];

/// Degrees dropped when they stand between commas after a name.
const DEGREES: &[&str] = &[
    "md", "phd", "msc", "mph", "mba", "bsc", "ma", "dm", "mbbs", "mbchb", "frcp", "frcpath", "frcpc", "facp", "dphil",
    "pharmd", "rn", "np", "do", "mmed", "mrcp", "fmedsci", "dsc", "jr", "sr",
];

/// The names in `cell`, in order, without duplicates.
pub fn names(cell: &str) -> Vec<String> {
    let cell = without_brackets(cell);
    let mut found: Vec<String> = Vec::new();
    for part in cell.split([';', '|', '\n', '\r']) {
        let pieces: Vec<&str> = part.split(',').map(str::trim).filter(|p| !p.is_empty() && !is_degree(p)).collect();
        let list = pieces.len() > 1 && pieces.iter().all(|p| clean(p).contains(' '));
        let candidates = if list { pieces } else { vec![part] };
        for candidate in candidates {
            for name in split_conjunctions(candidate) {
                let name = clean(&name);
                if !name.is_empty() && !found.contains(&name) {
                    found.push(name);
                }
            }
        }
    }
    found
}

/// "A B and C D" → ["A B", "C D"], when both sides are full names.
fn split_conjunctions(text: &str) -> Vec<String> {
    let mut names = vec![text.trim().to_owned()];
    for conjunction in [" and ", " & ", " et ", " y ", " und "] {
        names = names
            .into_iter()
            .flat_map(|name| {
                let pieces: Vec<String> = name.split(conjunction).map(|p| p.trim().to_owned()).collect();
                if pieces.len() > 1 && pieces.iter().all(|p| clean(p).contains(' ')) {
                    pieces
                } else {
                    vec![name]
                }
            })
            .collect();
    }
    names
}

/// A name without titles in front, degrees behind, or stray punctuation.
fn clean(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && is_title(words[0]) {
        words.remove(0);
    }
    let name = words.join(" ");
    let mut pieces = name.split(',').map(str::trim);
    let first = pieces.next().unwrap_or_default();
    let name = if pieces.clone().next().is_some() && pieces.all(is_degree) { first } else { &name };
    name.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '/' | '*' | ':')).to_owned()
}

fn is_title(word: &str) -> bool {
    let folded: String = word.chars().filter(|c| *c != '.').flat_map(char::to_lowercase).collect();
    TITLES.contains(&folded.as_str())
}

fn is_degree(piece: &str) -> bool {
    let mut words = piece.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| DEGREES.contains(&w.replace('.', "").to_lowercase().as_str()))
}

/// The text with "(…)" and "[…]" removed, nesting respected; an unclosed
/// bracket runs to the end of its line.
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for ch in text.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '\n' => {
                depth = 0;
                out.push(ch);
            }
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn semicolons_pipes_and_lines() {
        assert_eq!(names("Ana Sánchez; Jürgen Müller"), ["Ana Sánchez", "Jürgen Müller"]);
        assert_eq!(names("Ana Sánchez | Jürgen Müller"), ["Ana Sánchez", "Jürgen Müller"]);
        assert_eq!(names("Ana Sánchez\r\nJürgen Müller\n"), ["Ana Sánchez", "Jürgen Müller"]);
        assert_eq!(names("Müller, Jürgen; Sánchez, Ana"), ["Müller, Jürgen", "Sánchez, Ana"]);
    }

    #[test]
    fn commas_only_between_full_names() {
        assert_eq!(names("Ana Sánchez, Jürgen Müller"), ["Ana Sánchez", "Jürgen Müller"]);
        assert_eq!(names("Müller, Jürgen"), ["Müller, Jürgen"]);
        assert_eq!(names("Ana Sánchez, MD, PhD, Jürgen Müller, MD"), ["Ana Sánchez", "Jürgen Müller"]);
        assert_eq!(names("Jürgen Müller, MD, PhD"), ["Jürgen Müller"]);
        assert_eq!(names("Ana Sánchez, Jürgen Müller and Li Wei"), ["Ana Sánchez", "Jürgen Müller", "Li Wei"]);
        assert_eq!(names("Ana Sánchez y Jürgen Müller"), ["Ana Sánchez", "Jürgen Müller"]);
    }

    #[test]
    fn titles_and_affiliations_go() {
        assert_eq!(
            names("Dr. Ana Sánchez (Hospital Clínic, Barcelona), Prof. Dr. med. Jürgen Müller [LMU; Munich]"),
            ["Ana Sánchez", "Jürgen Müller"]
        );
        assert_eq!(names("Pr Marie Curie (Paris"), ["Marie Curie"]);
        assert_eq!(names("Dra. María José García"), ["María José García"]);
        assert_eq!(names("Dr"), ["Dr"]);
    }

    #[test]
    fn nothing_and_duplicates() {
        assert!(names("").is_empty());
        assert!(names(" ; , ; ()").is_empty());
        assert_eq!(names("Li Wei; Dr. Li Wei"), ["Li Wei"]);
    }
}
