//! Which character separates the columns. Excel writes commas in English
//! locales, semicolons where the comma is the decimal mark, and tabs when
//! "text" is chosen; the file never says which (except Excel's own `sep=`
//! first line), so the first records are counted instead. Also here, as
//! the other thing about a CSV read before its cells: whether a quote is
//! left open at the end.

/// The delimiters Hallway considers, in order of preference on a tie.
const CANDIDATES: [u8; 3] = [b'\t', b';', b','];

/// How many records are looked at.
const SAMPLE_RECORDS: usize = 50;

/// Excel's `sep=;` hint line: the delimiter it names and the text after it.
pub fn sep_line(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim();
    let value = first.get(..4).filter(|s| s.eq_ignore_ascii_case("sep=")).map(|_| &first[4..])?;
    match value.as_bytes() {
        [d] if d.is_ascii() => Some((*d, rest)),
        b"\\t" => Some((b'\t', rest)),
        _ => None,
    }
}

/// The delimiter whose count is the same in the most records (quotes
/// respected), the larger count winning a tie: a header "Title;Start;Room"
/// and rows with a comma in a title still read as semicolon-separated.
pub fn delimiter(text: &str) -> u8 {
    let mut counts: Vec<[usize; 3]> = Vec::new();
    let mut current = [0usize; 3];
    let mut in_quotes = false;
    let mut blank = true;
    for &byte in text.as_bytes() {
        match byte {
            b'"' => {
                in_quotes = !in_quotes;
                blank = false;
            }
            b'\n' if !in_quotes => {
                if !blank {
                    counts.push(current);
                    if counts.len() == SAMPLE_RECORDS {
                        break;
                    }
                }
                current = [0; 3];
                blank = true;
            }
            _ if in_quotes => {}
            _ => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == byte) {
                    current[i] += 1;
                }
                blank &= byte.is_ascii_whitespace();
            }
        }
    }
    if !blank && counts.len() < SAMPLE_RECORDS {
        counts.push(current);
    }

    let mut best = (b',', 0usize, 0usize); // (delimiter, records agreeing, count)
    for (i, &candidate) in CANDIDATES.iter().enumerate() {
        // The most frequent non-zero count of this delimiter per record.
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for record in &counts {
            let n = record[i];
            if n == 0 {
                continue;
            }
            match tally.iter_mut().find(|(count, _)| *count == n) {
                Some((_, records)) => *records += 1,
                None => tally.push((n, 1)),
            }
        }
        if let Some(&(count, records)) = tally.iter().max_by_key(|&&(count, records)| (records, count)) {
            if (records, count) > (best.1, best.2) {
                best = (candidate, records, count);
            }
        }
    }
    best.0
}

/// Whether the last record holds a quoted cell that is never closed (it
/// then spans lines). The CSV reader takes such a cell to the end of the
/// file without a word, so the rest of the file would become one cell (a
/// speaker named after three hundred lines of program). `last` is the last
/// record and `start` the byte where it begins in `text`.
pub fn open_quote(text: &str, start: usize, delimiter: u8, last: &::csv::StringRecord) -> bool {
    if !last.iter().any(|cell| cell.contains(['\n', '\r'])) {
        return false;
    }
    let bytes = text.as_bytes().get(start..).unwrap_or_default();
    let mut quoted = false;
    let mut field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                quoted = false;
                field_start = false;
            }
        } else if b == b'"' && field_start {
            quoted = true;
        } else {
            field_start = b == delimiter || b == b'\n' || b == b'\r' || (field_start && (b == b' ' || b == b'\t'));
        }
        i += 1;
    }
    quoted
}

/// The message for a quote left open on `line`.
pub fn open_quote_message() -> &'static str {
    "a quoted cell opened on this line is never closed (a \" is missing), so the rest of the file would be read as one cell"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_semicolon_tab() {
        assert_eq!(delimiter("Title,Start,Room\nA,08:30,Hall A\n"), b',');
        assert_eq!(delimiter("Titre;Début;Salle\n\"Dose 2,5 mg\";08:30;A\nB, C;09:00;B\n"), b';');
        assert_eq!(delimiter("Título\tInicio\nA, b; c\t08:30\n"), b'\t');
    }

    #[test]
    fn quoted_delimiters_and_newlines_do_not_count() {
        let text = "Title;Start;Description\n\"a, b, c, d\";08:30;\"x,\ny, z\"\n\"e,f\";09:00;g\n";
        assert_eq!(delimiter(text), b';');
    }

    #[test]
    fn a_title_line_before_the_header_is_outvoted() {
        assert_eq!(delimiter("ASH 2026, program\nTitle;Start;Room\nA;08:30;B\nC;09:00;D\n"), b';');
    }

    #[test]
    fn single_column_and_empty_default_to_comma() {
        assert_eq!(delimiter("Title\nA\n"), b',');
        assert_eq!(delimiter(""), b',');
    }

    #[test]
    fn excel_sep_line() {
        assert_eq!(sep_line("sep=;\r\nTitle;Start\n"), Some((b';', "Title;Start\n")));
        assert_eq!(sep_line("SEP=,\nx"), Some((b',', "x")));
        assert_eq!(sep_line("Title;Start\n"), None);
        assert_eq!(sep_line("sep=é\n"), None);
    }
}
