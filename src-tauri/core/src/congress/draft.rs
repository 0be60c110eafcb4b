//! What a user types into the congress form, and the rules it must meet.
//! The same rules serve the form's as-you-type messages, the save itself and
//! the CLI, so a congress can never be stored in a shape the UI would reject.

use super::Series;
use crate::ids::CongressId;
use crate::{time, FieldProblem, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The congress form, as typed: dates and zone are text so each mistake can
/// be named against its own field rather than failing as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct CongressDraft {
    pub name: String,
    pub short_name: String,
    pub series: Series,
    /// `YYYY-MM-DD`
    pub starts_on: String,
    /// `YYYY-MM-DD`
    pub ends_on: String,
    pub time_zone: String,
    pub city: String,
    pub venue: String,
    pub website: String,
    /// Space- or comma-separated; a missing `#` is added.
    pub hashtags: String,
    pub notes: String,
}

/// A draft that passed every rule, ready to store.
#[derive(Debug, Clone)]
pub(super) struct CheckedDraft {
    pub name: String,
    pub short_name: Option<String>,
    pub series: Series,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub time_zone: String,
    pub city: Option<String>,
    pub venue: Option<String>,
    pub website: Option<String>,
    pub hashtags: Vec<String>,
    pub notes: String,
}

/// The longest congress Hallway accepts; anything longer is almost surely a
/// mistyped year.
const MAX_DAYS: i64 = 31;

/// Every problem with `draft`, including a name or short name that another
/// congress (other than `editing`) already uses. Empty means it can be saved.
pub async fn validate(
    store: &Store,
    draft: &CongressDraft,
    editing: Option<CongressId>,
) -> crate::Result<Vec<FieldProblem>> {
    let mut problems = match check(draft) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    };
    problems.extend(super::queries::name_clashes(store, draft, editing).await?);
    Ok(problems)
}

/// The rules that need no database.
pub(super) fn check(draft: &CongressDraft) -> Result<CheckedDraft, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field: &str, message: String| problems.push(FieldProblem::new(field, message));

    let name = draft.name.trim();
    if name.is_empty() {
        problem("name", "Give the congress a name, e.g. “ASH 2026”.".into());
    } else if name.chars().count() > 200 {
        problem("name", "Keep the name under 200 characters.".into());
    }
    let short_name = optional(&draft.short_name);
    if short_name.as_ref().is_some_and(|s| s.chars().count() > 40) {
        problem("short_name", "Keep the short name under 40 characters.".into());
    }

    let starts_on = parse_date("starts_on", "Start date", &draft.starts_on);
    let ends_on = parse_date("ends_on", "End date", &draft.ends_on);
    for date in [&starts_on, &ends_on] {
        if let Err(found) = date {
            problem(&found.field, found.message.clone());
        }
    }
    if let (Ok(start), Ok(end)) = (&starts_on, &ends_on) {
        if end < start {
            problem("ends_on", "The congress ends before it starts; check the end date.".into());
        } else if (*end - *start).num_days() >= MAX_DAYS {
            problem("ends_on", format!("A congress lasts at most {MAX_DAYS} days; check the year."));
        }
    }

    let zone = draft.time_zone.trim();
    if zone.is_empty() {
        problem("time_zone", "Choose the venue's time zone, e.g. America/New_York.".into());
    } else if time::parse_zone(zone).is_none() {
        problem("time_zone", format!("“{zone}” is not a known time zone; pick one from the list, e.g. Europe/Madrid."));
    }

    let website = optional(&draft.website);
    if let Some(url) = &website {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) || url.contains(char::is_whitespace) {
            problem("website", "A website starts with https:// and has no spaces.".into());
        }
    }

    let hashtags = split_hashtags(&draft.hashtags);
    if let Some(bad) = hashtags.iter().find(|t| !t[1..].chars().all(|c| c.is_alphanumeric() || c == '_') || t.len() < 2)
    {
        problem("hashtags", format!("“{bad}” is not a hashtag: use letters, digits and _ only."));
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CheckedDraft {
        name: name.to_owned(),
        short_name,
        series: draft.series,
        starts_on: starts_on.expect("checked above"),
        ends_on: ends_on.expect("checked above"),
        time_zone: time::parse_zone(zone).expect("checked above").name().to_owned(),
        city: optional(&draft.city),
        venue: optional(&draft.venue),
        website,
        hashtags,
        notes: draft.notes.trim().to_owned(),
    })
}

fn optional(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn parse_date(field: &str, label: &str, text: &str) -> Result<NaiveDate, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldProblem::new(field, format!("{label}: required.")));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        FieldProblem::new(field, format!("{label}: “{text}” is not a date; use YYYY-MM-DD, e.g. 2026-12-05."))
    })
}

/// `"#ASH26, hematology  #EHA2027"` → `["#ASH26", "#hematology", "#EHA2027"]`,
/// without repeats.
pub(super) fn split_hashtags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for raw in text.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()) {
        let tag = format!("#{}", raw.trim_start_matches('#'));
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            tags.push(tag);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> CongressDraft {
        CongressDraft {
            name: "ASH 2026".into(),
            short_name: "ASH26".into(),
            series: Series::Ash,
            starts_on: "2026-12-05".into(),
            ends_on: "2026-12-08".into(),
            time_zone: "America/Los_Angeles".into(),
            hashtags: "ASH26, #hematology".into(),
            ..Default::default()
        }
    }

    fn fields(draft: &CongressDraft) -> Vec<String> {
        check(draft).err().unwrap_or_default().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_complete_draft_passes_and_is_normalised() {
        let checked = check(&draft()).unwrap();
        assert_eq!(checked.hashtags, vec!["#ASH26", "#hematology"]);
        assert_eq!(checked.short_name.as_deref(), Some("ASH26"));
        assert_eq!(checked.city, None);
    }

    #[test]
    fn end_before_start_is_named_on_the_end_date() {
        let mut d = draft();
        d.ends_on = "2026-12-01".into();
        let problems = check(&d).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "ends_on");
        assert!(problems[0].message.contains("ends before it starts"), "{}", problems[0].message);
    }

    #[test]
    fn unknown_zone_empty_name_and_bad_date_each_get_a_message() {
        let mut d = draft();
        d.name = "   ".into();
        d.time_zone = "Mars/Olympus_Mons".into();
        d.starts_on = "05/12/2026".into();
        assert_eq!(fields(&d), vec!["name", "starts_on", "time_zone"]);
    }

    #[test]
    fn a_year_long_congress_is_refused() {
        let mut d = draft();
        d.ends_on = "2027-12-08".into();
        assert_eq!(fields(&d), vec!["ends_on"]);
    }

    #[test]
    fn website_must_be_http() {
        let mut d = draft();
        d.website = "javascript:alert(1)".into();
        assert_eq!(fields(&d), vec!["website"]);
        d.website = "https://www.hematology.org/meetings/annual-meeting".into();
        assert!(check(&d).is_ok());
    }

    #[test]
    fn hashtags_with_punctuation_are_refused() {
        let mut d = draft();
        d.hashtags = "#ASH-26".into();
        assert_eq!(fields(&d), vec!["hashtags"]);
        assert_eq!(split_hashtags("#a #A b"), vec!["#a", "#b"]);
    }
}
