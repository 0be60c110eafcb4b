//! Turning what a user types into an FTS5 query. Every word becomes a quoted
//! prefix term, so "sanch myel" finds "Sánchez" on a myeloma session, and
//! nothing typed can break the query syntax (quotes, AND, NEAR, `*`…).
//! What is typed is folded to ASCII like the `*_folded`/`name_key` columns,
//! so "Ødeg" and "odeg" both find "Ødegård".

/// The FTS5 MATCH expression for `typed`, or `None` when it has no words.
pub fn fts_query(typed: &str) -> Option<String> {
    let folded = deunicode::deunicode(typed);
    let terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_become_prefix_terms_and_syntax_is_neutralised() {
        assert_eq!(fts_query("Sánchez myel").as_deref(), Some("\"Sanchez\"* \"myel\"*"));
        assert_eq!(fts_query("Ødeg").as_deref(), Some("\"Odeg\"*"));
        assert_eq!(fts_query("\"a\" OR b*").as_deref(), Some("\"a\"* \"OR\"* \"b\"*"));
        assert_eq!(fts_query("  -- ** "), None);
        assert_eq!(fts_query("LBA-1234").as_deref(), Some("\"LBA\"* \"1234\"*"));
    }
}
