//! Today: what the congress floor needs at a glance. What is on now and next
//! (what, where, with whom, why), the rest of the day, the targets still to
//! meet by priority with their next talk, and how the day is going; plus the
//! one-tap "met someone" that logs it and moves the target to met.

use super::clashes::AgendaItem;
use crate::goals::{self, Goal};
use crate::ids::{CongressId, InteractionId, PersonId, PitchId};
use crate::meetings::{self, MeetingStatus};
use crate::people::interactions::{self, InteractionDraft};
use crate::people::PersonDraft;
use crate::pitches::{self, Pitch};
use crate::program::SessionKind;
use crate::targets::{self, Target, TargetStatus};
use crate::{congress, time, CoreError, FieldProblem, Result, Store};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One item of the day: a session I attend or a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct DayItem {
    pub item: AgendaItem,
    pub title: String,
    /// Room for a session, place for a meeting.
    pub place: Option<String>,
    pub starts_at: DateTime<FixedOffset>,
    pub ends_at: DateTime<FixedOffset>,
    /// Who I meet (meetings only).
    pub people: Vec<String>,
    /// What I want from it (meetings only).
    pub purpose: String,
    pub meeting_status: Option<MeetingStatus>,
    pub session_kind: Option<SessionKind>,
    /// Titles of what else overlaps it.
    pub clashes_with: Vec<String>,
    /// The pitch prepared for someone I am meeting (meetings only).
    pub pitch: Option<Pitch>,
}

/// How the day is going, from the data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct DayProgress {
    pub meetings_today: u32,
    pub meetings_done_today: u32,
    pub sessions_today: u32,
    /// Interactions logged today at this congress (people met).
    pub people_met_today: u32,
    /// Targets at this congress met or followed up, of all targets.
    pub targets_met: u32,
    pub targets_total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Today {
    pub congress_id: CongressId,
    pub now: DateTime<FixedOffset>,
    /// The venue's date now.
    pub day: NaiveDate,
    /// Whether now falls within the congress days (venue time).
    pub running: bool,
    /// What is on right now (more than one when they clash).
    pub current: Vec<DayItem>,
    /// The next thing to start, today or later.
    pub next: Option<DayItem>,
    /// The rest of today after `next`.
    pub later: Vec<DayItem>,
    /// Targets not met yet and not snoozed, must-meet first.
    pub targets_left: Vec<Target>,
    pub snoozed: u32,
    pub progress: DayProgress,
    /// The congress's goals with their progress.
    pub goals: Vec<Goal>,
}

/// The Today view's data for a congress at `now` (Unix seconds).
pub async fn today(store: &Store, congress_id: CongressId, now: i64) -> Result<Today> {
    let congress = congress::get(store, congress_id).await?;
    let zone = time::zone_or_utc(&congress.time_zone);
    let now_at = time::in_zone(now, zone);
    let day = now_at.date_naive();
    let running = congress.starts_on <= day && day <= congress.ends_on;

    let items = day_items(store, congress_id, zone).await?;
    let live = |i: &&DayItem| i.meeting_status != Some(MeetingStatus::Done);
    let current: Vec<DayItem> = items
        .iter()
        .filter(live)
        .filter(|i| i.starts_at.timestamp() <= now && now < i.ends_at.timestamp())
        .cloned()
        .collect();
    let mut upcoming = items.iter().filter(live).filter(|i| i.starts_at.timestamp() > now);
    let next = upcoming.next().cloned();
    let later: Vec<DayItem> = upcoming.filter(|i| i.starts_at.date_naive() == day).cloned().collect();

    let all_targets = targets::list_at(store, congress_id, now).await?;
    let targets_total = u32::try_from(all_targets.len()).unwrap_or(u32::MAX);
    let targets_met = count(&all_targets, |t| matches!(t.status, TargetStatus::Met | TargetStatus::FollowedUp));
    let open = |t: &Target| matches!(t.status, TargetStatus::Idea | TargetStatus::Contacted | TargetStatus::Scheduled);
    let snoozed_now = |t: &Target| t.snoozed_until.is_some_and(|until| until.timestamp() > now);
    let snoozed = count(&all_targets, |t| open(t) && snoozed_now(t));
    let targets_left: Vec<Target> = all_targets.into_iter().filter(|t| open(t) && !snoozed_now(t)).collect();

    let today_items: Vec<&DayItem> = items.iter().filter(|i| i.starts_at.date_naive() == day).collect();
    let day_start = time::local_seconds(day.and_hms_opt(0, 0, 0).expect("midnight"), zone);
    let day_end = time::local_seconds(day.succ_opt().unwrap_or(day).and_hms_opt(0, 0, 0).expect("midnight"), zone);
    let people_met_today: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT person_id) FROM interactions WHERE congress_id = ? AND occurred_at >= ? AND occurred_at < ?",
    )
    .bind(congress_id)
    .bind(day_start)
    .bind(day_end)
    .fetch_one(store.pool())
    .await?;
    let progress = DayProgress {
        meetings_today: count_refs(&today_items, |i| i.meeting_status.is_some()),
        meetings_done_today: count_refs(&today_items, |i| i.meeting_status == Some(MeetingStatus::Done)),
        sessions_today: count_refs(&today_items, |i| i.session_kind.is_some()),
        people_met_today: u32::try_from(people_met_today).unwrap_or(0),
        targets_met,
        targets_total,
    };
    let goals = goals::list(store, congress_id).await?;
    Ok(Today { congress_id, now: now_at, day, running, current, next, later, targets_left, snoozed, progress, goals })
}

fn count<T>(items: &[T], keep: impl Fn(&T) -> bool) -> u32 {
    u32::try_from(items.iter().filter(|i| keep(i)).count()).unwrap_or(u32::MAX)
}

fn count_refs(items: &[&DayItem], keep: impl Fn(&DayItem) -> bool) -> u32 {
    u32::try_from(items.iter().filter(|i| keep(i)).count()).unwrap_or(u32::MAX)
}

/// Every attending session and every meeting not cancelled, in time order.
async fn day_items(store: &Store, congress_id: CongressId, zone: chrono_tz::Tz) -> Result<Vec<DayItem>> {
    let sessions: Vec<(crate::ids::SessionId, String, Option<String>, i64, i64, String)> = sqlx::query_as(
        "SELECT id, title, room, starts_at, ends_at, kind FROM sessions \
         WHERE congress_id = ? AND attendance = 'attending' AND withdrawn = 0 AND all_day = 0",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    let mut items: Vec<DayItem> = sessions
        .into_iter()
        .map(|(id, title, room, starts, ends, kind)| DayItem {
            item: AgendaItem::Session(id),
            title,
            place: room,
            starts_at: time::in_zone(starts, zone),
            ends_at: time::in_zone(ends, zone),
            people: Vec::new(),
            purpose: String::new(),
            meeting_status: None,
            session_kind: Some(SessionKind::parse(&kind)),
            clashes_with: Vec::new(),
            pitch: None,
        })
        .collect();
    let pitches: HashMap<PitchId, Pitch> =
        pitches::list(store, Some(congress_id)).await?.into_iter().map(|p| (p.id, p)).collect();
    let pitch_of: HashMap<PersonId, PitchId> =
        sqlx::query_as("SELECT person_id, pitch_id FROM targets WHERE congress_id = ? AND pitch_id IS NOT NULL")
            .bind(congress_id)
            .fetch_all(store.pool())
            .await?
            .into_iter()
            .collect();
    for m in meetings::list_without_clashes(store, congress_id).await? {
        if m.status == MeetingStatus::Cancelled {
            continue;
        }
        let pitch = m.people.iter().find_map(|p| pitch_of.get(&p.id)).and_then(|id| pitches.get(id)).cloned();
        items.push(DayItem {
            pitch,
            item: AgendaItem::Meeting(m.id),
            title: m.title,
            place: Some(m.place).filter(|p| !p.is_empty()),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            people: m.people.into_iter().map(|p| p.display_name).collect(),
            purpose: m.purpose,
            meeting_status: Some(m.status),
            session_kind: None,
            clashes_with: Vec::new(),
        });
    }
    // Sessions and meetings learn their clashes from one sweep over what was
    // just read (the same sweep `meetings::list` makes over the same agenda,
    // which would read it again); a session and a talk it holds are one
    // plan, not a clash.
    let held = super::clashes::Held::load(store, congress_id).await?;
    let mut spans: Vec<(i64, i64, usize)> =
        items.iter().enumerate().map(|(n, i)| (i.starts_at.timestamp(), i.ends_at.timestamp(), n)).collect();
    for (a, b, _, _) in super::clashes::overlaps(&mut spans) {
        if held.nested(items[a].item, items[b].item) {
            continue;
        }
        for (me, other) in [(a, b), (b, a)] {
            let title = items[other].title.clone();
            items[me].clashes_with.push(title);
        }
    }
    items.sort_by_key(|i| (i.starts_at, i.ends_at));
    Ok(items)
}

/// Who I just met: someone known, or someone new in two fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MetPerson {
    Known { id: PersonId },
    New { display_name: String, institution: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MetSomeone {
    pub congress_id: CongressId,
    pub person: MetPerson,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MetResult {
    pub person_id: PersonId,
    pub display_name: String,
    pub interaction_id: InteractionId,
    /// Their target, when they were one, now at met.
    pub target: Option<Target>,
}

/// Logs that I met someone now, creating them if new, and moves their
/// target (if any, and not further along) to met.
pub async fn met_someone(store: &Store, met: &MetSomeone) -> Result<MetResult> {
    congress::get(store, met.congress_id).await?;
    let note = if met.note.trim().is_empty() { "Met at the congress".to_owned() } else { met.note.trim().to_owned() };
    let person = match &met.person {
        MetPerson::Known { id } => crate::people::get(store, *id).await?,
        MetPerson::New { display_name, institution } => {
            if display_name.trim().is_empty() {
                return Err(CoreError::Invalid(vec![FieldProblem::new("display_name", "Type their name.")]));
            }
            let draft = PersonDraft {
                display_name: display_name.trim().to_owned(),
                institution: institution.trim().to_owned(),
                ..Default::default()
            };
            crate::people::create(store, &draft).await?
        }
    };
    let interaction = interactions::add(
        store,
        &InteractionDraft {
            person_id: person.id,
            congress_id: Some(met.congress_id),
            meeting_id: None,
            occurred_at: None,
            note,
        },
    )
    .await?;
    let existing = targets::list(store, met.congress_id).await?.into_iter().find(|t| t.person_id == person.id);
    let target = match existing {
        Some(t) if matches!(t.status, TargetStatus::Idea | TargetStatus::Contacted | TargetStatus::Scheduled) => {
            Some(targets::set_status(store, t.id, TargetStatus::Met).await?)
        }
        other => other,
    };
    Ok(MetResult { person_id: person.id, display_name: person.display_name, interaction_id: interaction.id, target })
}
