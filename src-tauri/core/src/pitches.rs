//! Elevator pitches: what to say to a mentor, a collaborator, industry or a
//! committee, in 30, 60 or 90 seconds. A pitch knows its word count and its
//! speaking time at the chosen rate (about 130 words a minute by default),
//! may belong to one congress or to all, and can be linked to a target so it
//! shows on their page and in Today before the meeting.

use crate::ids::{CongressId, PitchId, TargetId};
use crate::text_enum::text_enum;
use crate::{time, CoreError, FieldProblem, Result, Store};
use serde::{Deserialize, Serialize};

text_enum!(
    /// Who the pitch is for.
    Audience {
        Mentor = "mentor",
        Collaborator = "collaborator",
        Industry = "industry",
        Committee = "committee",
        Peer = "peer",
        Other = "other",
    }
);

pub const DEFAULT_WORDS_PER_MINUTE: u32 = 130;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PitchDraft {
    /// None: for any congress.
    pub congress_id: Option<CongressId>,
    pub audience: Audience,
    pub title: String,
    pub body: String,
    /// 30, 60 or 90 usually.
    pub target_seconds: u32,
    pub words_per_minute: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Pitch {
    pub id: PitchId,
    pub congress_id: Option<CongressId>,
    pub audience: Audience,
    pub title: String,
    pub body: String,
    pub target_seconds: u32,
    pub words_per_minute: u32,
    pub words: u32,
    /// Speaking time at `words_per_minute`, rounded to the second.
    pub seconds: u32,
}

/// Words as a listener hears them: runs of letters or digits ("CAR-T" and
/// "2.5" are one word each; a lone dash is none).
pub fn word_count(text: &str) -> u32 {
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    u32::try_from(words).unwrap_or(u32::MAX)
}

/// Speaking seconds for `words` at `per_minute`, rounded.
pub fn speaking_seconds(words: u32, per_minute: u32) -> u32 {
    let per_minute = u64::from(per_minute.max(1));
    u32::try_from((u64::from(words) * 60 + per_minute / 2) / per_minute).unwrap_or(u32::MAX)
}

impl PitchDraft {
    fn check(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(FieldProblem::new("title", "Name the pitch, e.g. “To a myeloma mentor”."));
        }
        if !(10..=600).contains(&self.target_seconds) {
            problems.push(FieldProblem::new("target_seconds", "Aim for 10 seconds to 10 minutes."));
        }
        if !(60..=250).contains(&self.words_per_minute) {
            problems.push(FieldProblem::new("words_per_minute", "Speaking rates run from 60 to 250 words a minute."));
        }
        if self.body.chars().count() > 20_000 {
            problems.push(FieldProblem::new("body", "Keep the pitch under 20,000 characters."));
        }
        problems
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: PitchId,
    congress_id: Option<CongressId>,
    audience: String,
    title: String,
    body: String,
    target_seconds: i64,
    words_per_minute: i64,
}

impl From<Row> for Pitch {
    fn from(r: Row) -> Pitch {
        let words = word_count(&r.body);
        let per_minute = u32::try_from(r.words_per_minute).unwrap_or(DEFAULT_WORDS_PER_MINUTE);
        Pitch {
            id: r.id,
            congress_id: r.congress_id,
            audience: Audience::parse(&r.audience).unwrap_or(Audience::Other),
            title: r.title,
            body: r.body,
            target_seconds: u32::try_from(r.target_seconds).unwrap_or(60),
            words_per_minute: per_minute,
            words,
            seconds: speaking_seconds(words, per_minute),
        }
    }
}

const SELECT: &str = "SELECT id, congress_id, audience, title, body, target_seconds, words_per_minute FROM pitches";

/// Pitches for a congress: its own and the general ones.
pub async fn list(store: &Store, congress_id: Option<CongressId>) -> Result<Vec<Pitch>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE congress_id IS NULL OR congress_id = ? ORDER BY audience, title COLLATE NOCASE, id"
    ))
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(Pitch::from).collect())
}

pub async fn get(store: &Store, id: PitchId) -> Result<Pitch> {
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("pitch", id))?;
    Ok(row.into())
}

fn checked(draft: &PitchDraft) -> Result<()> {
    let problems = draft.check();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(problems))
    }
}

pub async fn create(store: &Store, draft: &PitchDraft) -> Result<Pitch> {
    checked(draft)?;
    if let Some(c) = draft.congress_id {
        crate::congress::get(store, c).await?;
    }
    let now = time::now_seconds();
    let id: PitchId = sqlx::query_scalar(
        "INSERT INTO pitches (congress_id, audience, title, body, target_seconds, words_per_minute, created_at, \
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(draft.congress_id)
    .bind(draft.audience.as_str())
    .bind(draft.title.trim())
    .bind(draft.body.trim())
    .bind(i64::from(draft.target_seconds))
    .bind(i64::from(draft.words_per_minute))
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    get(store, id).await
}

pub async fn update(store: &Store, id: PitchId, draft: &PitchDraft) -> Result<Pitch> {
    checked(draft)?;
    let done = sqlx::query(
        "UPDATE pitches SET congress_id = ?, audience = ?, title = ?, body = ?, target_seconds = ?, \
         words_per_minute = ?, updated_at = ? WHERE id = ?",
    )
    .bind(draft.congress_id)
    .bind(draft.audience.as_str())
    .bind(draft.title.trim())
    .bind(draft.body.trim())
    .bind(i64::from(draft.target_seconds))
    .bind(i64::from(draft.words_per_minute))
    .bind(time::now_seconds())
    .bind(id)
    .execute(store.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("pitch", id));
    }
    get(store, id).await
}

pub async fn delete(store: &Store, id: PitchId) -> Result<()> {
    let done = sqlx::query("DELETE FROM pitches WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("pitch", id));
    }
    Ok(())
}

/// Links a pitch to a target (none: unlink).
pub async fn link(store: &Store, target: TargetId, pitch: Option<PitchId>) -> Result<()> {
    if let Some(p) = pitch {
        get(store, p).await?;
    }
    let done = sqlx::query("UPDATE targets SET pitch_id = ?, updated_at = ? WHERE id = ?")
        .bind(pitch)
        .bind(time::now_seconds())
        .bind(target)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("target", target));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_time() {
        assert_eq!(word_count("I study MRD-guided CAR-T — in myeloma, 2.5 years."), 8);
        assert_eq!(word_count("  \n "), 0);
        // 130 words at 130 wpm: a minute; 65: half; 100 at 130: 46.15 -> 46.
        assert_eq!(speaking_seconds(130, 130), 60);
        assert_eq!(speaking_seconds(65, 130), 30);
        assert_eq!(speaking_seconds(100, 130), 46);
        assert_eq!(speaking_seconds(1, 0), 60, "a zero rate reads as one word a minute, not a division by zero");
    }
}
