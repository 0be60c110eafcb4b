//! Follow-ups: what I owe someone after we met. One is created when a meeting
//! is marked done or a conversation at a congress is logged, due a couple of
//! days later (settings), with a draft message filled in from what we know:
//! their name, where and when we met, what we discussed. Marking it done
//! moves their target to "followed up".

mod draft;

pub use draft::{compose, DraftContext};

use crate::ids::{CongressId, FollowUpId, InteractionId, MeetingId, PersonId};
use crate::targets::TargetStatus;
use crate::text_enum::text_enum;
use crate::{settings, time, CoreError, FieldProblem, Result, Store};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

text_enum!(
    /// How I will follow up.
    Channel { Email = "email", Linkedin = "linkedin", X = "x", Bluesky = "bluesky", InPerson = "in_person", Other = "other" }
);
text_enum!(
    FollowUpStatus { Owed = "owed", Done = "done", Dropped = "dropped" }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUp {
    pub id: FollowUpId,
    pub person_id: PersonId,
    pub display_name: String,
    /// Where an email draft goes.
    pub email: Option<String>,
    pub congress_id: Option<CongressId>,
    pub congress_name: Option<String>,
    pub meeting_id: Option<MeetingId>,
    /// In the congress zone (UTC when there is no congress).
    pub due_at: DateTime<FixedOffset>,
    pub channel: Channel,
    pub draft: String,
    pub status: FollowUpStatus,
    pub remind_at: Option<DateTime<FixedOffset>>,
    pub uid: String,
    pub sequence: u32,
}

/// The follow-up form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUpEdit {
    pub due_at: DateTime<FixedOffset>,
    pub channel: Channel,
    pub draft: String,
    pub remind_at: Option<DateTime<FixedOffset>>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: FollowUpId,
    person_id: PersonId,
    display_name: String,
    email: Option<String>,
    congress_id: Option<CongressId>,
    congress_name: Option<String>,
    time_zone: Option<String>,
    meeting_id: Option<MeetingId>,
    due_at: i64,
    channel: String,
    draft: String,
    status: String,
    remind_at: Option<i64>,
    uid: String,
    sequence: i64,
}

const SELECT: &str = "SELECT f.id, f.person_id, p.display_name, p.email, f.congress_id, c.name AS congress_name, \
    c.time_zone, f.meeting_id, f.due_at, f.channel, f.draft, f.status, f.remind_at, f.uid, f.sequence \
    FROM follow_ups f JOIN people p ON p.id = f.person_id LEFT JOIN congresses c ON c.id = f.congress_id";

impl From<Row> for FollowUp {
    fn from(r: Row) -> FollowUp {
        let zone = r.time_zone.as_deref().map_or(Tz::UTC, time::zone_or_utc);
        FollowUp {
            id: r.id,
            person_id: r.person_id,
            display_name: r.display_name,
            email: r.email,
            congress_id: r.congress_id,
            congress_name: r.congress_name,
            meeting_id: r.meeting_id,
            due_at: time::in_zone(r.due_at, zone),
            channel: Channel::parse(&r.channel).unwrap_or(Channel::Other),
            draft: r.draft,
            status: FollowUpStatus::parse(&r.status).unwrap_or(FollowUpStatus::Owed),
            remind_at: r.remind_at.map(|t| time::in_zone(t, zone)),
            uid: r.uid,
            sequence: u32::try_from(r.sequence).unwrap_or(0),
        }
    }
}

pub async fn get(store: &Store, id: FollowUpId) -> Result<FollowUp> {
    let row: Row = sqlx::query_as(&format!("{SELECT} WHERE f.id = ?"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| CoreError::not_found("follow-up", id))?;
    Ok(row.into())
}

/// Everything still owed, across congresses, earliest due (so overdue) first.
pub async fn owed(store: &Store) -> Result<Vec<FollowUp>> {
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} WHERE f.status = 'owed' ORDER BY f.due_at, f.id"))
        .fetch_all(store.pool())
        .await?;
    Ok(rows.into_iter().map(FollowUp::from).collect())
}

/// A person's follow-ups at every congress: the owed ones first, earliest due
/// first; then the closed ones, latest due first (for their person page).
pub async fn for_person(store: &Store, person_id: PersonId) -> Result<Vec<FollowUp>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{SELECT} WHERE f.person_id = ? \
         ORDER BY f.status <> 'owed', CASE WHEN f.status = 'owed' THEN f.due_at ELSE -f.due_at END, f.id"
    ))
    .bind(person_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(FollowUp::from).collect())
}

/// Every follow-up of a congress, owed first, then by due date.
pub async fn list(store: &Store, congress_id: CongressId) -> Result<Vec<FollowUp>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE f.congress_id = ? ORDER BY f.status <> 'owed', f.due_at, f.id"))
            .bind(congress_id)
            .fetch_all(store.pool())
            .await?;
    Ok(rows.into_iter().map(FollowUp::from).collect())
}

/// Owed follow-ups due before `before` (Unix seconds): the CLI's `--due`.
pub async fn due(store: &Store, before: i64) -> Result<Vec<FollowUp>> {
    Ok(owed(store).await?.into_iter().filter(|f| f.due_at.timestamp() <= before).collect())
}

async fn insert(
    store: &Store,
    person_id: PersonId,
    congress_id: CongressId,
    meeting_id: Option<MeetingId>,
    interaction_id: Option<InteractionId>,
    met_at: i64,
    context: &DraftContext,
) -> Result<FollowUpId> {
    let days = i64::from(settings::get(store).await?.follow_up_days);
    let now = time::now_seconds();
    let id = sqlx::query_scalar(
        "INSERT INTO follow_ups (person_id, congress_id, meeting_id, interaction_id, due_at, channel, draft, uid, \
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'email', ?, ?, ?, ?) RETURNING id",
    )
    .bind(person_id)
    .bind(congress_id)
    .bind(meeting_id)
    .bind(interaction_id)
    .bind(met_at + days * 86_400)
    .bind(compose(Channel::Email, context))
    .bind(format!("follow-up-{}@hallway.app", uuid::Uuid::new_v4()))
    .bind(now)
    .bind(now)
    .fetch_one(store.pool())
    .await?;
    Ok(id)
}

/// After a meeting is done: one follow-up per person not already owed one
/// for it. Returns the new ones.
pub async fn for_meeting(store: &Store, meeting_id: MeetingId) -> Result<Vec<FollowUp>> {
    let meeting = crate::meetings::get(store, meeting_id).await?;
    let congress = crate::congress::get(store, meeting.congress_id).await?;
    let mut created = Vec::new();
    for person in &meeting.people {
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM follow_ups WHERE meeting_id = ? AND person_id = ?)")
                .bind(meeting_id)
                .bind(person.id)
                .fetch_one(store.pool())
                .await?;
        if exists {
            continue;
        }
        let full = crate::people::get(store, person.id).await?;
        let discussed = [&meeting.notes, &meeting.purpose].into_iter().find(|t| !t.trim().is_empty()).cloned();
        let context = DraftContext::new(&full, &congress, Some(meeting.place.clone()), meeting.starts_at, discussed);
        let id = insert(store, person.id, congress.id, Some(meeting_id), None, meeting.ends_at.timestamp(), &context)
            .await?;
        created.push(get(store, id).await?);
    }
    Ok(created)
}

/// After a conversation at a congress is logged: a follow-up, unless one is
/// already owed to that person there (a meeting's own, say).
pub async fn for_interaction(store: &Store, interaction_id: InteractionId) -> Result<Option<FollowUp>> {
    let (person_id, congress_id, occurred_at, note): (PersonId, Option<CongressId>, i64, String) =
        sqlx::query_as("SELECT person_id, congress_id, occurred_at, note FROM interactions WHERE id = ?")
            .bind(interaction_id)
            .fetch_optional(store.pool())
            .await?
            .ok_or_else(|| CoreError::not_found("interaction", interaction_id))?;
    let Some(congress_id) = congress_id else { return Ok(None) };
    let owed: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM follow_ups WHERE person_id = ? AND congress_id = ? AND status = 'owed')",
    )
    .bind(person_id)
    .bind(congress_id)
    .fetch_one(store.pool())
    .await?;
    if owed {
        return Ok(None);
    }
    let congress = crate::congress::get(store, congress_id).await?;
    let person = crate::people::get(store, person_id).await?;
    let when = time::in_zone(occurred_at, time::zone_or_utc(&congress.time_zone));
    let context = DraftContext::new(&person, &congress, None, when, Some(note));
    let id = insert(store, person_id, congress_id, None, Some(interaction_id), occurred_at, &context).await?;
    Ok(Some(get(store, id).await?))
}

pub async fn update(store: &Store, id: FollowUpId, edit: &FollowUpEdit) -> Result<FollowUp> {
    if edit.draft.chars().count() > 20_000 {
        return Err(CoreError::Invalid(vec![FieldProblem::new("draft", "Keep the message under 20,000 characters.")]));
    }
    let old = get(store, id).await?;
    let moved = old.due_at != edit.due_at;
    sqlx::query(
        "UPDATE follow_ups SET due_at = ?, channel = ?, draft = ?, remind_at = ?, sequence = sequence + ?, \
         updated_at = ? WHERE id = ?",
    )
    .bind(edit.due_at.timestamp())
    .bind(edit.channel.as_str())
    .bind(&edit.draft)
    .bind(edit.remind_at.map(|t| t.timestamp()))
    .bind(i64::from(moved))
    .bind(time::now_seconds())
    .bind(id)
    .execute(store.pool())
    .await?;
    get(store, id).await
}

/// A fresh draft for `channel` from the follow-up's meeting or conversation.
pub async fn redraft(store: &Store, id: FollowUpId, channel: Channel) -> Result<String> {
    let f = get(store, id).await?;
    let person = crate::people::get(store, f.person_id).await?;
    let Some(congress_id) = f.congress_id else { return Ok(f.draft) };
    let congress = crate::congress::get(store, congress_id).await?;
    let context = match f.meeting_id {
        Some(m) => {
            let meeting = crate::meetings::get(store, m).await?;
            let discussed = [&meeting.notes, &meeting.purpose].into_iter().find(|t| !t.trim().is_empty()).cloned();
            DraftContext::new(&person, &congress, Some(meeting.place), meeting.starts_at, discussed)
        }
        None => {
            let note: Option<(i64, String)> = sqlx::query_as(
                "SELECT i.occurred_at, i.note FROM follow_ups f JOIN interactions i ON i.id = f.interaction_id \
                 WHERE f.id = ?",
            )
            .bind(id)
            .fetch_optional(store.pool())
            .await?;
            let zone = time::zone_or_utc(&congress.time_zone);
            let when = note.as_ref().map_or(f.due_at, |(at, _)| time::in_zone(*at, zone));
            DraftContext::new(&person, &congress, None, when, note.map(|(_, n)| n))
        }
    };
    Ok(compose(channel, &context))
}

/// Done moves the person's target at that congress to "followed up".
pub async fn set_status(store: &Store, id: FollowUpId, status: FollowUpStatus) -> Result<FollowUp> {
    let old = get(store, id).await?;
    let now = time::now_seconds();
    let mut tx = store.begin_write().await?;
    sqlx::query("UPDATE follow_ups SET status = ?, done_at = ?, updated_at = ? WHERE id = ?")
        .bind(status.as_str())
        .bind((status == FollowUpStatus::Done).then_some(now))
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let (FollowUpStatus::Done, Some(congress_id)) = (status, old.congress_id) {
        sqlx::query(
            "UPDATE targets SET status = ?, updated_at = ? WHERE congress_id = ? AND person_id = ? \
             AND status NOT IN ('declined', 'followed_up')",
        )
        .bind(TargetStatus::FollowedUp.as_str())
        .bind(now)
        .bind(congress_id)
        .bind(old.person_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    get(store, id).await
}

pub async fn delete(store: &Store, id: FollowUpId) -> Result<()> {
    let done = sqlx::query("DELETE FROM follow_ups WHERE id = ?").bind(id).execute(store.pool()).await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("follow-up", id));
    }
    Ok(())
}

/// A `mailto:` link (RFC 6068) for an email follow-up: the draft's
/// "Subject:" line becomes the subject, the rest the body.
pub fn mailto(f: &FollowUp) -> String {
    use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
    let (subject, body) = match f.draft.strip_prefix("Subject:") {
        Some(rest) => {
            let (subject, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (subject.trim().to_owned(), body.trim_start_matches('\n').to_owned())
        }
        None => (String::new(), f.draft.clone()),
    };
    let to = f.email.as_deref().unwrap_or("");
    // Line breaks in a mailto body are CRLF, percent-encoded.
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        utf8_percent_encode(to, NON_ALPHANUMERIC).to_string().replace("%40", "@").replace("%2E", "."),
        utf8_percent_encode(&subject, NON_ALPHANUMERIC),
        utf8_percent_encode(&body, NON_ALPHANUMERIC)
    )
}

/// A reminder that falls due: an OS notification while the app runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Reminder {
    /// "meeting-12" or "follow-up-3": one notification per item and time.
    pub key: String,
    pub title: String,
    pub body: String,
    pub at: i64,
}

/// Meeting and follow-up reminders set for after `from` and up to `to`;
/// and check-ins fallen due, once each (`relations::checkins::reminders`).
pub async fn reminders(store: &Store, from: i64, to: i64) -> Result<Vec<Reminder>> {
    let meetings: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, title, place, remind_at FROM meetings \
         WHERE remind_at > ? AND remind_at <= ? AND status IN ('proposed', 'confirmed')",
    )
    .bind(from)
    .bind(to)
    .fetch_all(store.pool())
    .await?;
    let follow_ups: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT f.id, p.display_name, f.remind_at FROM follow_ups f JOIN people p ON p.id = f.person_id \
         WHERE f.remind_at > ? AND f.remind_at <= ? AND f.status = 'owed'",
    )
    .bind(from)
    .bind(to)
    .fetch_all(store.pool())
    .await?;
    let mut due: Vec<Reminder> = meetings
        .into_iter()
        .map(|(id, title, place, at)| Reminder {
            key: format!("meeting-{id}-{at}"),
            title: format!("Soon: {title}"),
            body: if place.is_empty() { "Meeting coming up".into() } else { format!("At {place}") },
            at,
        })
        .chain(follow_ups.into_iter().map(|(id, name, at)| Reminder {
            key: format!("follow-up-{id}-{at}"),
            title: format!("Follow up with {name}"),
            body: "Your draft is ready in Hallway.".into(),
            at,
        }))
        .collect();
    due.extend(leave_in_time(store, from, to).await?);
    due.extend(crate::relations::checkins::reminders(store, to).await?);
    due.sort_by_key(|r| r.at);
    Ok(due)
}

/// "Leave now" before each session attended and each meeting without a
/// reminder of its own (issue 17): the reminder time chosen in Settings
/// (`alarm_minutes`; none, none of these) plus the walk from where the user
/// will be just before (the last session attended or meeting ending within
/// three hours before it) to where it is: nothing within one room, the
/// pair's own walk where the user set one, else the venue's walking buffer
/// (`program::walking`). A talk inside a session also attended gets none
/// (the user is already there). A meeting with its own reminder keeps that.
async fn leave_in_time(store: &Store, from: i64, to: i64) -> Result<Vec<Reminder>> {
    let settings = crate::settings::get(store).await?;
    let Some(alarm) = settings.alarm_minutes else { return Ok(Vec::new()) };
    let alarm = i64::from(alarm) * 60;
    let longest = i64::from(crate::program::walking::MAX_MINUTES) * 60;
    // Everything whose reminder may fall in (from, to]: starting within the longest lead.
    let items: Vec<(String, i64, CongressId, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT 'session', s.id, s.congress_id, s.title, s.room, s.starts_at FROM sessions s \
         LEFT JOIN sessions p ON p.id = s.parent_id \
         WHERE s.attendance = 'attending' AND s.withdrawn = 0 AND s.all_day = 0 \
           AND s.starts_at > ?1 AND s.starts_at <= ?2 AND (p.id IS NULL OR p.attendance IS NOT 'attending') \
         UNION ALL \
         SELECT 'meeting', id, congress_id, title, nullif(trim(place), ''), starts_at FROM meetings \
         WHERE remind_at IS NULL AND status IN ('proposed', 'confirmed') AND starts_at > ?1 AND starts_at <= ?2",
    )
    .bind(from + alarm)
    .bind(to + alarm + longest)
    .fetch_all(store.pool())
    .await?;
    let mut walks = HashMap::new();
    let mut due = Vec::new();
    for (what, id, congress, title, place, starts_at) in items {
        // Where the user will be just before: what ends last by then, that part of the day.
        let before: Option<Option<String>> = sqlx::query_scalar(
            "SELECT place FROM ( \
               SELECT room AS place, ends_at FROM sessions WHERE congress_id = ?1 AND attendance = 'attending' \
                 AND withdrawn = 0 AND all_day = 0 AND NOT (?4 = 'session' AND id = ?2) AND ends_at <= ?3 AND ends_at > ?3 - 10800 \
               UNION ALL \
               SELECT nullif(trim(place), ''), ends_at FROM meetings WHERE congress_id = ?1 \
                 AND status IN ('proposed', 'confirmed', 'done') AND NOT (?4 = 'meeting' AND id = ?2) \
                 AND ends_at <= ?3 AND ends_at > ?3 - 10800 \
             ) ORDER BY ends_at DESC LIMIT 1",
        )
        .bind(congress)
        .bind(id)
        .bind(starts_at)
        .bind(&what)
        .fetch_optional(store.pool())
        .await?;
        let walk = match walks.entry(congress) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(crate::program::walking::Walks::load(store, congress).await?)
            }
        }
        .minutes(before.flatten().as_deref(), place.as_deref());
        let at = starts_at - alarm - i64::from(walk) * 60;
        if at > from && at <= to {
            let zone = crate::program::queries::congress_zone(store, congress).await?;
            let starts = time::in_zone(starts_at, zone).format("%H:%M");
            due.push(Reminder {
                key: format!("{what}-{id}-leave-{at}"),
                title: format!("Leave now: {title}"),
                body: match (place, walk) {
                    (Some(place), 0) => format!("{place}, starts {starts}"),
                    (Some(place), walk) => format!("{place}, starts {starts} · {walk} min walk"),
                    (None, _) => format!("Starts {starts}"),
                },
                at,
            });
        }
    }
    Ok(due)
}
