//! Names out of a speakers or chairs cell, as program spreadsheets write
//! them: "Dr. Ana Sánchez (Hospital Clínic, Barcelona); Prof. Jürgen Müller",
//! "Ana Sánchez, Jürgen Müller", "Müller, Jürgen", one name per line, or
//! voctosched's "10:Konrad Meier|11:Dennis Wehrle".
//!
//! The rule: what brackets hold (an affiliation, pronouns: "Cisz (er, he)")
//! stays with its name, and no separator inside them splits anything. The
//! cell is split on ";", "|" and line breaks. A part is split further on ","
//! only when every piece, once degrees like "MD" are dropped, has a space in
//! it, so a list of full names is split and "Müller, Jürgen" or "Stefan,
//! Yannik & Rike" is kept whole; and on " and ", " & ", " et ", " y ",
//! " und " between full names. Titles ("Dr", "Prof.", "Pr", "Dra.",
//! "Dott.") and a leading numeric id ("10:") are dropped. Names are kept
//! as written: a "Last, First" cell is not turned around, since nothing in
//! a speakers column says it is one.

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
    let (masked, held) = mask_brackets(cell);
    let mut found: Vec<String> = Vec::new();
    for part in masked.split([';', '|', '\n', '\r']) {
        let pieces: Vec<&str> = part.split(',').map(str::trim).filter(|p| !p.is_empty() && !is_degree(p)).collect();
        let list = pieces.len() > 1 && pieces.iter().all(|p| clean(p).contains(' '));
        let candidates = if list { pieces } else { vec![part] };
        for candidate in candidates {
            for name in split_conjunctions(candidate) {
                let name = unmask(&clean(&name), &held);
                if name.chars().any(char::is_alphanumeric) && !found.contains(&name) {
                    found.push(name);
                }
            }
        }
    }
    found
}

/// First and last characters of a stand-in for a bracketed part (Unicode
/// private use: never in a real name).
const HELD_OPEN: char = '\u{E000}';
const HELD_CLOSE: char = '\u{E001}';

/// The cell with every top-level "(…)" and "[…]" replaced by a stand-in
/// holding its index, and the bracketed texts; an unclosed bracket runs to
/// the end of its line.
fn mask_brackets(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut held: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let close = |out: &mut String, current: &mut String, held: &mut Vec<String>| {
        out.push(HELD_OPEN);
        out.push_str(&held.len().to_string());
        out.push(HELD_CLOSE);
        held.push(std::mem::take(current));
    };
    for ch in text.chars() {
        match ch {
            '\n' if depth > 0 => {
                close(&mut out, &mut current, &mut held);
                depth = 0;
                out.push(ch);
            }
            '(' | '[' => {
                depth += 1;
                current.push(ch);
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                current.push(ch);
                if depth == 0 {
                    close(&mut out, &mut current, &mut held);
                }
            }
            _ if depth > 0 => current.push(ch),
            _ => out.push(ch),
        }
    }
    if depth > 0 {
        close(&mut out, &mut current, &mut held);
    }
    (out, held)
}

/// `text` with its stand-ins replaced by the bracketed texts they hold.
fn unmask(text: &str, held: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(HELD_OPEN) {
        out.push_str(&rest[..open]);
        let after = &rest[open + HELD_OPEN.len_utf8()..];
        let Some(end) = after.find(HELD_CLOSE) else { break };
        if let Some(text) = after[..end].parse::<usize>().ok().and_then(|i| held.get(i)) {
            out.push_str(text);
        }
        rest = &after[end + HELD_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// A name without titles or a numeric id in front, degrees behind, or
/// stray punctuation.
fn clean(name: &str) -> String {
    let name = without_numeric_id(name.trim());
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

/// "10:Konrad Meier" → "Konrad Meier" (voctosched writes each speaker
/// with their id); "10: 30 Years of CML" is left alone only if nothing
/// follows the colon.
fn without_numeric_id(name: &str) -> &str {
    match name.split_once(':') {
        Some((id, rest)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && !rest.trim().is_empty() => {
            rest.trim_start()
        }
        _ => name,
    }
}

fn is_title(word: &str) -> bool {
    let folded: String = word.chars().filter(|c| *c != '.').flat_map(char::to_lowercase).collect();
    TITLES.contains(&folded.as_str())
}

fn is_degree(piece: &str) -> bool {
    let mut words = piece.split_whitespace().peekable();
    words.peek().is_some() && words.all(|w| DEGREES.contains(&w.replace('.', "").to_lowercase().as_str()))
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
        assert_eq!(names("10:Konrad Meier|11:Dennis Wehrle"), ["Konrad Meier", "Dennis Wehrle"]);
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
    fn titles_go_and_brackets_stay_with_their_name() {
        assert_eq!(
            names("Dr. Ana Sánchez (Hospital Clínic, Barcelona), Prof. Dr. med. Jürgen Müller [LMU; Munich]"),
            ["Ana Sánchez (Hospital Clínic, Barcelona)", "Jürgen Müller [LMU; Munich]"]
        );
        assert_eq!(names("Pr Marie Curie (Paris"), ["Marie Curie (Paris"]);
        assert_eq!(names("Dra. María José García"), ["María José García"]);
        assert_eq!(names("Dr"), ["Dr"]);
    }

    #[test]
    fn public_names_stay_as_written() {
        assert_eq!(names("Cisz (er, he)"), ["Cisz (er, he)"]);
        assert_eq!(names("Stefan, Yannik & Rike"), ["Stefan, Yannik & Rike"]);
        assert_eq!(names("5:andi (Entropia)|1:diverse"), ["andi (Entropia)", "diverse"]);
        assert_eq!(
            names("Cisz (er, he); Ana Sánchez (Clínic; Barcelona)"),
            ["Cisz (er, he)", "Ana Sánchez (Clínic; Barcelona)"]
        );
    }

    #[test]
    fn nothing_and_duplicates() {
        assert!(names("").is_empty());
        assert!(names(" ; , ; ").is_empty());
        assert_eq!(names("Li Wei; Dr. Li Wei"), ["Li Wei"]);
    }
}
