//! Matching a spreadsheet's header row to the fields a reader wants, the way a
//! person would: "Heure de début", "START_TIME" and "startTime" all name a
//! start column. Nothing here knows about programs: a reader brings its own
//! [`HeaderTable`], so the people CSV reader can reuse this with a table of
//! names, e-mails and affiliations.

/// One field a reader wants and the header names that mean it. Names are
/// written as people type them ("Heure de début", "Abstract #"); matching
/// folds case, accents and punctuation on both sides.
pub struct Column<F: 'static> {
    pub field: F,
    pub names: &'static [&'static str],
    /// Several columns may feed this field ("Speaker 1", "Speaker 2").
    pub repeatable: bool,
}

/// Everything a reader knows about its headers.
pub struct HeaderTable<F: 'static> {
    /// In order of preference: when a long header holds names of two fields
    /// ("Abstract title"), the one listed first wins.
    pub columns: &'static [Column<F>],
    /// Names that are a column on their own ("Session", "Name") but too vague
    /// to decide a longer header ("Session code", "Room name").
    pub vague: &'static [&'static str],
    /// Words that put a longer header about something else: "Speaker
    /// affiliation" is not the speakers.
    pub elsewhere: &'static [&'static str],
}

/// A header or name folded for comparison: lower-case ASCII words separated by
/// single spaces. "Heure de début" → "heure de debut", "startTime" →
/// "start time", "Abstract #" and "Nº" → "abstract no" and "no".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_lower = false;
    for ch in text.chars() {
        match ch {
            '#' | '№' => out.push_str(" no "),
            'º' | '°' => out.push('o'),
            _ if ch.is_ascii_alphanumeric() => {
                if ch.is_ascii_uppercase() && previous_lower {
                    out.push(' ');
                }
                out.push(ch.to_ascii_lowercase());
            }
            _ if ch.is_ascii() => out.push(' '),
            _ => match deunicode::deunicode_char(ch) {
                Some(ascii) => ascii
                    .chars()
                    .for_each(|c| out.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' })),
                None => out.push(' '),
            },
        }
        previous_lower = ch.is_lowercase();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headers past this many are never matched: no program or contacts export
/// comes near it, and a file with tens of thousands of columns (junk, or an
/// attack) must not cost a comparison of each with every known name.
pub const MAX_MATCHED_COLUMNS: usize = 256;

/// The field of each header, `None` for headers that name nothing wanted.
///
/// First every header is compared whole ("Session title" is a title); when
/// two headers name the same field ("Session" and "Title"), the one whose
/// name comes first in the field's list wins, then the leftmost. Headers left
/// over are then searched for a name as a run of whole words ("Session title
/// (EN)", "Room name"), skipping vague names and headers with an `elsewhere`
/// word; the longest name wins, then the earlier column. A field is given to
/// one header only, unless it is repeatable. Only the first
/// [`MAX_MATCHED_COLUMNS`] headers are matched.
pub fn match_headers<F: Copy + PartialEq>(table: &HeaderTable<F>, headers: &[&str]) -> Vec<Option<F>> {
    let mut found: Vec<Option<F>> = vec![None; headers.len()];
    let headers = &headers[..headers.len().min(MAX_MATCHED_COLUMNS)];
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    let names: Vec<Vec<String>> = table.columns.iter().map(|c| c.names.iter().map(|n| fold(n)).collect()).collect();
    let padded_names: Vec<Vec<String>> =
        names.iter().map(|list| list.iter().map(|n| format!(" {n} ")).collect()).collect();
    let vague: Vec<String> = table.vague.iter().map(|v| fold(v)).collect();
    let elsewhere: Vec<String> = table.elsewhere.iter().map(|e| fold(e)).collect();
    let mut taken = vec![false; table.columns.len()];

    // Whole headers: (column, position of the name in its list) of each.
    let exact: Vec<Option<(usize, usize)>> = folded
        .iter()
        .map(|header| {
            names.iter().enumerate().find_map(|(c, list)| list.iter().position(|n| n == header).map(|at| (c, at)))
        })
        .collect();
    for (column, spec) in table.columns.iter().enumerate() {
        let candidates =
            exact.iter().enumerate().filter_map(|(h, e)| e.filter(|&(c, _)| c == column).map(|(_, at)| (at, h)));
        let chosen: Vec<usize> = if spec.repeatable {
            candidates.map(|(_, h)| h).collect()
        } else {
            candidates.min().map(|(_, h)| h).into_iter().collect()
        };
        for h in chosen {
            taken[column] = true;
            found[h] = Some(spec.field);
        }
    }

    for (header, slot) in folded.iter().zip(found.iter_mut()) {
        if slot.is_some() || header.split(' ').any(|word| elsewhere.iter().any(|e| e == word)) {
            continue;
        }
        let padded = format!(" {header} ");
        let mut best: Option<(usize, usize)> = None; // (words in the name, column)
        for (column, column_names) in names.iter().enumerate() {
            if taken[column] && !table.columns[column].repeatable {
                continue;
            }
            for (name, padded_name) in column_names.iter().zip(&padded_names[column]) {
                if name.is_empty() || vague.contains(name) || !padded.contains(padded_name.as_str()) {
                    continue;
                }
                let words = name.split(' ').count();
                if best.is_none_or(|(best_words, _)| words > best_words) {
                    best = Some((words, column));
                }
            }
        }
        if let Some((_, column)) = best {
            taken[column] = true;
            *slot = Some(table.columns[column].field);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum F {
        Name,
        Email,
        Phone,
    }

    const TABLE: HeaderTable<F> = HeaderTable {
        columns: &[
            Column { field: F::Name, names: &["Name", "Full name", "Nom"], repeatable: false },
            Column { field: F::Email, names: &["E-mail", "Courriel"], repeatable: false },
            Column { field: F::Phone, names: &["Phone", "Téléphone"], repeatable: true },
        ],
        vague: &["name"],
        elsewhere: &["assistant"],
    };

    #[test]
    fn folds_case_accents_punctuation_and_camel_case() {
        assert_eq!(fold("  Heure de DÉBUT "), "heure de debut");
        assert_eq!(fold("startTime"), "start time");
        assert_eq!(fold("START_TIME"), "start time");
        assert_eq!(fold("Abstract #"), "abstract no");
        assert_eq!(fold("Nº"), "no");
        assert_eq!(fold("N°"), "no");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("会议"), "hui yi");
    }

    #[test]
    fn whole_headers_by_name_order_then_words() {
        let found = match_headers(&TABLE, &["FULL NAME", "Courriel", "name", "Téléphone (mobile)", "Phone 2", "x"]);
        assert_eq!(found, vec![None, Some(F::Email), Some(F::Name), Some(F::Phone), Some(F::Phone), None]);
        let found = match_headers(&TABLE, &["Nom", "Full name"]);
        assert_eq!(found, vec![None, Some(F::Name)]);
    }

    #[test]
    fn vague_and_elsewhere_words_do_not_decide() {
        assert_eq!(match_headers(&TABLE, &["Company name"]), vec![None]);
        assert_eq!(match_headers(&TABLE, &["Assistant e-mail", "Work e-mail"]), vec![None, Some(F::Email)]);
    }
}
