//! A person as the UI edits and shows them, and the rules a person's fields
//! must meet.

use crate::ids::PersonId;
use crate::FieldProblem;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, sqlx::FromRow)]
pub struct Person {
    pub id: PersonId,
    pub display_name: String,
    pub given_name: Option<String>,
    /// Middle names, as a vCard's N or a CSV's "Middle Name" gives them.
    pub middle_name: Option<String>,
    pub family_name: Option<String>,
    /// Dr, Prof.
    pub honorific: Option<String>,
    /// MD, PhD.
    pub credentials: Option<String>,
    pub institution: Option<String>,
    pub position: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// The preferred email; `emails` has all of them.
    pub email: Option<String>,
    #[sqlx(skip)]
    pub emails: Vec<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub x_handle: Option<String>,
    pub bluesky_handle: Option<String>,
    pub orcid: Option<String>,
    /// Space-separated words.
    pub tags: String,
    pub notes: String,
    /// Where the record came from: manual, program, linkedin_csv, vcard, csv.
    pub source: Option<String>,
}

/// The person form, as typed. Empty strings mean "not known".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct PersonDraft {
    pub display_name: String,
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    pub honorific: String,
    pub credentials: String,
    pub institution: String,
    pub position: String,
    pub city: String,
    pub country: String,
    /// One or more, separated by commas, semicolons or spaces; the first is preferred.
    pub emails: String,
    pub phone: String,
    pub linkedin_url: String,
    pub x_handle: String,
    pub bluesky_handle: String,
    pub orcid: String,
    pub tags: String,
    pub notes: String,
}

/// `Some(trimmed)` unless blank.
pub(crate) fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Every problem with a draft; empty means it can be saved.
pub fn check(draft: &PersonDraft) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if draft.display_name.trim().is_empty() && draft.given_name.trim().is_empty() && draft.family_name.trim().is_empty()
    {
        problems.push(FieldProblem::new("display_name", "Give the person a name."));
    }
    for email in split_emails(&draft.emails) {
        if !looks_like_email(&email) {
            problems.push(FieldProblem::new("emails", format!("“{email}” is not an email address.")));
            break;
        }
    }
    if let Some(url) = optional(&draft.linkedin_url) {
        if !url.to_ascii_lowercase().contains("linkedin.com/") {
            problems.push(FieldProblem::new(
                "linkedin_url",
                "A LinkedIn address looks like https://www.linkedin.com/in/name.",
            ));
        }
    }
    if let Some(orcid) = optional(&draft.orcid) {
        if normalise_orcid(&orcid).is_none() {
            problems.push(FieldProblem::new("orcid", "An ORCID iD has 16 digits, e.g. 0000-0002-1825-0097."));
        }
    }
    problems
}

/// `local@domain.tld`, loosely: enough to catch a name typed in the wrong box.
pub(crate) fn looks_like_email(email: &str) -> bool {
    email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    })
}

pub(crate) fn split_emails(text: &str) -> Vec<String> {
    let mut emails: Vec<String> = Vec::new();
    for email in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|e| !e.is_empty()) {
        if !emails.iter().any(|known| known.eq_ignore_ascii_case(email)) {
            emails.push(email.to_owned());
        }
    }
    emails
}

/// `0000-0002-1825-0097` from any spelling (URL, no dashes); `None` if not 16 digits.
pub(crate) fn normalise_orcid(text: &str) -> Option<String> {
    let digits: String = text
        .trim()
        .trim_start_matches("https://orcid.org/")
        .trim_start_matches("http://orcid.org/")
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (digits.len() == 16).then(|| format!("{}-{}-{}-{}", &digits[0..4], &digits[4..8], &digits[8..12], &digits[12..16]))
}

/// `@name` or an x.com/twitter.com URL → `name`.
pub(crate) fn handle(text: &str) -> Option<String> {
    let text = text.trim();
    let tail = text.rsplit('/').find(|part| !part.is_empty()).unwrap_or(text);
    optional(tail.trim_start_matches('@'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_need_a_name_and_valid_contact_fields() {
        let mut d = PersonDraft { display_name: "Ana Sánchez".into(), ..Default::default() };
        assert!(check(&d).is_empty());
        d.emails = "ana@hospital.es, not-an-email".into();
        d.orcid = "1234".into();
        let fields: Vec<_> = check(&d).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["emails", "orcid"]);
        d.display_name.clear();
        assert_eq!(check(&d)[0].field, "display_name");
    }

    #[test]
    fn normalisers() {
        assert_eq!(normalise_orcid("https://orcid.org/0000-0002-1825-0097").as_deref(), Some("0000-0002-1825-0097"));
        assert_eq!(normalise_orcid("000000021825009X").as_deref(), Some("0000-0002-1825-009X"));
        assert_eq!(handle("https://x.com/anasanchez").as_deref(), Some("anasanchez"));
        assert_eq!(handle("@anasanchez").as_deref(), Some("anasanchez"));
        assert_eq!(split_emails("a@x.org; A@x.org b@y.org"), vec!["a@x.org", "b@y.org"]);
    }
}
