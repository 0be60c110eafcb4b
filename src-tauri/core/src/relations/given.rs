//! Value given: a small log per person of what I shared with or did for
//! them — an article or abstract (a link and its title), a dataset, a
//! recommendation, an invitation — so that the next message offers
//! something new. A follow-up or check-in draft can pick one (`line`).

use super::parse_day;
use crate::ids::{GivenId, PersonId};
use crate::text_enum::text_enum;
use crate::{time, CoreError, FieldProblem, Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

text_enum!(
    /// What was given.
    GivenKind {
        Article = "article",
        Abstract = "abstract",
        Dataset = "dataset",
        Recommendation = "recommendation",
        Invitation = "invitation",
        Other = "other",
    }
);

/// The "value given" form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct GivenDraft {
    pub person_id: PersonId,
    pub kind: GivenKind,
    /// The article's title, "Letter for the ASH abstract award", …
    pub title: String,
    /// A link (http or https), when it has one.
    pub url: Option<String>,
    /// When; never after today.
    pub on_day: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ValueGiven {
    pub id: GivenId,
    pub person_id: PersonId,
    pub kind: GivenKind,
    pub title: String,
    pub url: Option<String>,
    pub on_day: NaiveDate,
    pub note: String,
    /// The sentence that offers it in a follow-up or check-in draft ([`line`]).
    pub offer: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: GivenId,
    person_id: PersonId,
    kind: String,
    title: String,
    url: Option<String>,
    on_day: String,
    note: String,
}

impl From<Row> for ValueGiven {
    fn from(r: Row) -> ValueGiven {
        let mut item = ValueGiven {
            id: r.id,
            person_id: r.person_id,
            kind: GivenKind::parse(&r.kind).unwrap_or(GivenKind::Other),
            title: r.title,
            url: r.url,
            on_day: parse_day(&r.on_day).unwrap_or_default(),
            note: r.note,
            offer: String::new(),
        };
        item.offer = line(&item);
        item
    }
}

const SELECT: &str = "SELECT id, person_id, kind, title, url, on_day, note FROM value_given";

fn check(draft: &GivenDraft, today: NaiveDate) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let title = draft.title.trim();
    if title.is_empty() {
        problems.push(FieldProblem::new("title", "Say what it was, e.g. the article's title."));
    } else if title.chars().count() > 300 {
        problems.push(FieldProblem::new("title", "Keep the title under 300 characters."));
    }
    if let Some(url) = draft.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) || url.contains(char::is_whitespace) {
            problems.push(FieldProblem::new("url", format!("“{url}” is not a web address (https://…).")));
        }
    }
    if draft.on_day > today {
        problems.push(FieldProblem::new("on_day", format!("{} is in the future (today is {today}).", draft.on_day)));
    }
    if draft.note.chars().count() > 2_000 {
        problems.push(FieldProblem::new("note", "Keep the note under 2,000 characters."));
    }
    problems
}

pub async fn add(store: &Store, draft: &GivenDraft, today: NaiveDate) -> Result<ValueGiven> {
    let problems = check(draft, today);
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    crate::people::get(store, draft.person_id).await?;
    let now = time::now_seconds();
    let id: GivenId = sqlx::query_scalar(
        "INSERT INTO value_given (person_id, kind, title, url, on_day, note, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(draft.person_id)
    .bind(draft.kind.as_str())
    .bind(draft.title.trim())
    .bind(draft.url.as_deref().map(str::trim).filter(|u| !u.is_empty()))
    .bind(draft.on_day.to_string())
    .bind(draft.note.trim())
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    get(store, id).await
}

pub async fn get(store: &Store, id: GivenId) -> Result<ValueGiven> {
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("value given", id))?;
    Ok(row.into())
}

/// A person's log, newest first.
pub async fn list(store: &Store, person_id: PersonId) -> Result<Vec<ValueGiven>> {
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} WHERE person_id = ? ORDER BY on_day DESC, id DESC"))
        .bind(person_id)
        .fetch_all(store.pool())
        .await?;
    Ok(rows.into_iter().map(ValueGiven::from).collect())
}

/// What of a person's log is the same thing again (the same link, or the
/// same title), so the form can say "already shared on …" before adding it.
pub async fn already_given(
    store: &Store,
    person_id: PersonId,
    title: &str,
    url: Option<&str>,
) -> Result<Vec<ValueGiven>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE person_id = ?1 AND (lower(trim(title)) = lower(trim(?2)) OR (?3 IS NOT NULL AND url = ?3)) \
         ORDER BY on_day DESC, id DESC"
    ))
    .bind(person_id)
    .bind(title)
    .bind(url.map(str::trim).filter(|u| !u.is_empty()))
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(ValueGiven::from).collect())
}

pub async fn delete(store: &Store, id: GivenId) -> Result<()> {
    let done = sqlx::query("DELETE FROM value_given WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("value given", id));
    }
    Ok(())
}

/// A sentence offering `item`, for a follow-up or check-in draft.
pub fn line(item: &ValueGiven) -> String {
    let link = item.url.as_deref().map(|u| format!(": {u}")).unwrap_or_else(|| ".".into());
    let title = item.title.trim();
    match item.kind {
        GivenKind::Article => format!("I came across “{title}” and thought of your work{link}"),
        GivenKind::Abstract => format!("You may like this abstract, “{title}”{link}"),
        GivenKind::Dataset => format!("Here is the dataset I mentioned, “{title}”{link}"),
        GivenKind::Recommendation => format!("A recommendation I thought useful for you: {title}{link}"),
        GivenKind::Invitation => format!("I would be glad to invite you to {title}{link}"),
        GivenKind::Other => format!("{title}{link}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_carry_the_title_and_link() {
        let item = ValueGiven {
            id: GivenId(1),
            person_id: PersonId(1),
            kind: GivenKind::Article,
            title: "MRD-guided therapy in myeloma".into(),
            url: Some("https://doi.org/10.1000/xyz".into()),
            on_day: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            note: String::new(),
            offer: String::new(),
        };
        assert_eq!(
            line(&item),
            "I came across “MRD-guided therapy in myeloma” and thought of your work: https://doi.org/10.1000/xyz"
        );
        let draft = GivenDraft {
            person_id: PersonId(1),
            kind: GivenKind::Dataset,
            title: " ".into(),
            url: Some("doi.org/x".into()),
            on_day: NaiveDate::from_ymd_opt(2026, 1, 6).unwrap(),
            note: String::new(),
        };
        let fields: Vec<_> =
            check(&draft, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["title", "url", "on_day"]);
    }
}
