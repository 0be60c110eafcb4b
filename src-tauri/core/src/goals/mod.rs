//! Goals: what I came to a congress to achieve, made measurable. Most goals
//! count themselves from the data ("meet 3 potential mentors" counts mentor
//! targets met; "attend 6 myeloma sessions" counts attending sessions whose
//! title or track mentions myeloma); the rest ("present my poster") are
//! ticked by hand. A starter set for a first ASH or EHA can be adopted and
//! then edited.

mod starter;

pub use starter::{adopt, starter_set, StarterGoal};

use crate::congress;
use crate::ids::{CongressId, GoalId};
use crate::program::SessionKind;
use crate::targets::Why;
use crate::text_enum::text_enum;
use crate::{time, CoreError, FieldProblem, Result, Store};
use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};

text_enum!(
    /// How a goal's progress is counted.
    GoalRule {
        Manual = "manual",
        TargetsMet = "targets_met",
        SessionsAttended = "sessions_attended",
        MeetingsDone = "meetings_done",
        FollowUpsDone = "follow_ups_done",
        InteractionsLogged = "interactions_logged",
    }
);

/// What narrows a counted goal. Stored as JSON, so new narrowings need no
/// migration; unknown or broken JSON reads as "no narrowing".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct GoalParams {
    /// Targets met / people talked to: only targets with this "why".
    pub why: Option<Why>,
    /// Sessions attended: only those whose title or track contains this
    /// (accents and case ignored).
    pub keyword: Option<String>,
    /// Sessions attended: only this kind (posters, social events...).
    pub session_kind: Option<SessionKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct GoalDraft {
    pub congress_id: CongressId,
    pub title: String,
    pub rule: GoalRule,
    pub params: GoalParams,
    /// How many make the goal met.
    pub target: u32,
    /// Venue wall-clock time it should be met by.
    pub due_local: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Goal {
    pub id: GoalId,
    pub congress_id: CongressId,
    pub title: String,
    pub rule: GoalRule,
    pub params: GoalParams,
    pub target: u32,
    /// Counted from the data, or the hand-ticked count for manual goals.
    pub progress: u32,
    pub met: bool,
    pub due_at: Option<DateTime<FixedOffset>>,
    pub position: u32,
}

impl GoalDraft {
    fn check(&self) -> Vec<FieldProblem> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(FieldProblem::new("title", "Say what you want to achieve, e.g. “Meet 3 potential mentors”."));
        }
        if self.target == 0 || self.target > 1000 {
            problems.push(FieldProblem::new("target", "Aim for between 1 and 1,000."));
        }
        if self.rule == GoalRule::SessionsAttended
            && self.params.keyword.as_deref().is_some_and(|k| k.trim().chars().count() > 100)
        {
            problems.push(FieldProblem::new("keyword", "Keep the keyword short."));
        }
        problems
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: GoalId,
    congress_id: CongressId,
    title: String,
    rule: String,
    rule_params: String,
    target_count: i64,
    manual_count: i64,
    due_at: Option<i64>,
    position: i64,
}

/// Every goal of a congress, in the user's order, with progress.
pub async fn list(store: &Store, congress_id: CongressId) -> Result<Vec<Goal>> {
    let zone = time::zone_or_utc(&congress::get(store, congress_id).await?.time_zone);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, congress_id, title, rule, rule_params, target_count, manual_count, due_at, position \
         FROM goals WHERE congress_id = ? ORDER BY position, id",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    let rules: Vec<GoalRule> = rows.iter().map(|r| GoalRule::parse(&r.rule).unwrap_or(GoalRule::Manual)).collect();
    let counts = Counts::load(store, congress_id, &rules).await?;
    Ok(rows
        .into_iter()
        .zip(rules)
        .map(|(r, rule)| {
            let params: GoalParams = serde_json::from_str(&r.rule_params).unwrap_or_default();
            let manual = u32::try_from(r.manual_count).unwrap_or(0);
            let progress = counts.progress(rule, &params, manual);
            let target = u32::try_from(r.target_count).unwrap_or(1);
            Goal {
                id: r.id,
                congress_id: r.congress_id,
                title: r.title,
                rule,
                params,
                target,
                progress,
                met: progress >= target,
                due_at: r.due_at.map(|t| time::in_zone(t, zone)),
                position: u32::try_from(r.position).unwrap_or(0),
            }
        })
        .collect())
}

pub async fn get(store: &Store, id: GoalId) -> Result<Goal> {
    let congress_id: CongressId = sqlx::query_scalar("SELECT congress_id FROM goals WHERE id = ?")
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("goal", id))?;
    list(store, congress_id).await?.into_iter().find(|g| g.id == id).ok_or_else(|| CoreError::not_found("goal", id))
}

async fn due_seconds(store: &Store, draft: &GoalDraft) -> Result<Option<i64>> {
    let problems = draft.check();
    if !problems.is_empty() {
        return Err(CoreError::Invalid(problems));
    }
    let zone = time::zone_or_utc(&congress::get(store, draft.congress_id).await?.time_zone);
    Ok(draft.due_local.map(|local| time::local_seconds(local, zone)))
}

fn params_json(params: &GoalParams) -> String {
    let mut clean = params.clone();
    clean.keyword = clean.keyword.map(|k| k.trim().to_owned()).filter(|k| !k.is_empty());
    serde_json::to_string(&clean).expect("params serialise")
}

pub async fn create(store: &Store, draft: &GoalDraft) -> Result<Goal> {
    let due = due_seconds(store, draft).await?;
    let now = time::now_seconds();
    let id: GoalId = sqlx::query_scalar(
        "INSERT INTO goals (congress_id, title, rule, rule_params, target_count, due_at, position, created_at, \
         updated_at) VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM goals WHERE congress_id = ?), \
         ?, ?) RETURNING id",
    )
    .bind(draft.congress_id)
    .bind(draft.title.trim())
    .bind(draft.rule.as_str())
    .bind(params_json(&draft.params))
    .bind(i64::from(draft.target))
    .bind(due)
    .bind(draft.congress_id)
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    get(store, id).await
}

pub async fn update(store: &Store, id: GoalId, draft: &GoalDraft) -> Result<Goal> {
    let old = get(store, id).await?;
    if old.congress_id != draft.congress_id {
        return Err(CoreError::Invalid(vec![FieldProblem::new("congress_id", "A goal stays with its congress.")]));
    }
    let due = due_seconds(store, draft).await?;
    sqlx::query(
        "UPDATE goals SET title = ?, rule = ?, rule_params = ?, target_count = ?, due_at = ?, updated_at = ? \
         WHERE id = ?",
    )
    .bind(draft.title.trim())
    .bind(draft.rule.as_str())
    .bind(params_json(&draft.params))
    .bind(i64::from(draft.target))
    .bind(due)
    .bind(time::now_seconds())
    .bind(id)
    .execute(store.pool())
    .await?;
    get(store, id).await
}

/// Sets a manual goal's count (the checkmark is a count of 1).
pub async fn set_manual(store: &Store, id: GoalId, count: u32) -> Result<Goal> {
    let done = sqlx::query("UPDATE goals SET manual_count = ?, updated_at = ? WHERE id = ?")
        .bind(i64::from(count.min(1000)))
        .bind(time::now_seconds())
        .bind(id)
        .execute(store.pool())
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("goal", id));
    }
    get(store, id).await
}

pub async fn delete(store: &Store, id: GoalId) -> Result<()> {
    let done = sqlx::query("DELETE FROM goals WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("goal", id));
    }
    Ok(())
}

/// What the rules count, read once per list (empty where no rule counts it).
#[derive(Default)]
struct Counts {
    /// (why, status) of every target.
    targets: Vec<(String, String)>,
    /// (title, track, kind) of every attending session.
    sessions: Vec<(String, Option<String>, String)>,
    meetings_done: u32,
    follow_ups_done: u32,
    /// The "why" of each person I logged an interaction with (None: not a target).
    talked_to: Vec<Option<String>>,
}

impl Counts {
    /// Reads only what `rules` count: Today lists the goals on every load,
    /// and a congress with no goals, or only manual ones, needs none of it.
    async fn load(store: &Store, congress_id: CongressId, rules: &[GoalRule]) -> Result<Counts> {
        let needs = |rule: GoalRule| rules.contains(&rule);
        let mut counts = Counts::default();
        if needs(GoalRule::TargetsMet) {
            counts.targets = sqlx::query_as("SELECT why, status FROM targets WHERE congress_id = ?")
                .bind(congress_id)
                .fetch_all(store.pool())
                .await?;
        }
        if needs(GoalRule::SessionsAttended) {
            counts.sessions = sqlx::query_as(
                "SELECT title, track, kind FROM sessions WHERE congress_id = ? AND attendance = 'attending' \
                 AND withdrawn = 0",
            )
            .bind(congress_id)
            .fetch_all(store.pool())
            .await?;
        }
        let count = |sql: &'static str| async move {
            let n: i64 = sqlx::query_scalar(sql).bind(congress_id).fetch_one(store.pool()).await?;
            Ok::<u32, CoreError>(u32::try_from(n).unwrap_or(0))
        };
        if needs(GoalRule::MeetingsDone) {
            counts.meetings_done =
                count("SELECT COUNT(*) FROM meetings WHERE congress_id = ? AND status = 'done'").await?;
        }
        if needs(GoalRule::FollowUpsDone) {
            counts.follow_ups_done =
                count("SELECT COUNT(*) FROM follow_ups WHERE congress_id = ? AND status = 'done'").await?;
        }
        if needs(GoalRule::InteractionsLogged) {
            counts.talked_to = sqlx::query_scalar(
                "SELECT t.why FROM (SELECT DISTINCT person_id FROM interactions WHERE congress_id = ?1) i \
                 LEFT JOIN targets t ON t.person_id = i.person_id AND t.congress_id = ?1",
            )
            .bind(congress_id)
            .fetch_all(store.pool())
            .await?;
        }
        Ok(counts)
    }

    fn progress(&self, rule: GoalRule, params: &GoalParams, manual: u32) -> u32 {
        let why_matches = |why: &str| params.why.is_none_or(|w| w.as_str() == why);
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        match rule {
            GoalRule::Manual => manual,
            GoalRule::TargetsMet => count(
                self.targets
                    .iter()
                    .filter(|(why, status)| why_matches(why) && matches!(status.as_str(), "met" | "followed_up"))
                    .count(),
            ),
            GoalRule::SessionsAttended => {
                let keyword = params.keyword.as_deref().map(fold).filter(|k| !k.is_empty());
                count(
                    self.sessions
                        .iter()
                        .filter(|(title, track, kind)| {
                            params.session_kind.is_none_or(|k| k.as_str() == kind)
                                && keyword.as_ref().is_none_or(|k| {
                                    fold(title).contains(k.as_str())
                                        || track.as_deref().is_some_and(|t| fold(t).contains(k.as_str()))
                                })
                        })
                        .count(),
                )
            }
            GoalRule::MeetingsDone => self.meetings_done,
            GoalRule::FollowUpsDone => self.follow_ups_done,
            GoalRule::InteractionsLogged => count(
                self.talked_to
                    .iter()
                    .filter(|why| params.why.is_none() || why.as_deref().is_some_and(why_matches))
                    .count(),
            ),
        }
    }
}

/// Lower-case ASCII, for accent-blind keyword matching.
fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}
