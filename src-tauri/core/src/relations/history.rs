//! History across congresses: where we met over the years ("met at EHA
//! 2025, poster 1234", "coffee at ASH 2026"), for a person's page, and the
//! last time and place we met, for target cards and Today.
//!
//! An encounter is a meeting marked done (with the note logged for it, else
//! its notes or purpose) or an interaction at a congress or of kind `met`
//! that is not the note of such a meeting. Emails and calls away from a
//! congress are contact (they reset check-ins) but not encounters.

use super::contacts::InteractionKind;
use super::{day_in, parse_day};
use crate::ids::{CongressId, InteractionId, MeetingId, PersonId};
use crate::meetings::MeetingKind;
use crate::{time, Result, Store};
use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One time we met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Encounter {
    pub person_id: PersonId,
    /// The day, at the congress when it was at one.
    pub on_day: NaiveDate,
    pub congress_id: Option<CongressId>,
    pub congress_name: Option<String>,
    /// The meeting it was, when it was one marked done.
    pub meeting_id: Option<MeetingId>,
    /// Coffee, meal, one-to-one… (meetings only).
    pub meeting_kind: Option<MeetingKind>,
    pub meeting_title: Option<String>,
    /// Where: the meeting's place.
    pub place: Option<String>,
    /// The note logged about it, if any.
    pub interaction_id: Option<InteractionId>,
    /// How: `met` for meetings; the interaction's kind otherwise.
    pub kind: InteractionKind,
    /// What we talked about: the note logged, else the meeting's notes or purpose.
    pub note: String,
}

/// One encounter as SQLite builds it: a JSON array, so that thousands
/// cross in one value rather than row by row (see `checkins::Member`).
#[derive(serde::Deserialize)]
struct Row(
    PersonId,
    /// The instant: the meeting's start, or the interaction's.
    i64,
    Option<String>,
    Option<CongressId>,
    Option<String>,
    /// The congress's zone.
    Option<String>,
    Option<MeetingId>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<InteractionId>,
    String,
    Option<String>,
);

/// Meetings marked done (with the note logged for each person, else the
/// meeting's notes or purpose); `{earlier}` narrows the congresses.
const MEETINGS: &str = "SELECT mp.person_id AS person_id, m.starts_at AS at, NULL AS on_day, \
    m.congress_id AS congress_id, c.name AS congress_name, c.time_zone AS zone, m.id AS meeting_id, \
    m.kind AS meeting_kind, m.title AS title, nullif(trim(m.place), '') AS place, \
    (SELECT i.id FROM interactions i WHERE i.person_id = mp.person_id AND i.meeting_id = m.id \
       ORDER BY trim(i.note) = '', i.id LIMIT 1) AS interaction_id, \
    'met' AS kind, \
    coalesce((SELECT nullif(trim(i.note), '') FROM interactions i WHERE i.person_id = mp.person_id \
       AND i.meeting_id = m.id ORDER BY trim(i.note) = '', i.id LIMIT 1), nullif(trim(m.notes), ''), m.purpose) \
      AS note \
    FROM ids JOIN meeting_people mp ON mp.person_id = ids.pid JOIN meetings m ON m.id = mp.meeting_id \
    JOIN congresses c ON c.id = m.congress_id WHERE m.status = 'done' AND c.id IN (SELECT id FROM earlier)";

/// An interaction that is the note of a meeting shown above is not shown again.
const NOT_A_MEETING_NOTE: &str = "(i.meeting_id IS NULL OR NOT EXISTS (SELECT 1 FROM meeting_people mp \
    JOIN meetings m ON m.id = mp.meeting_id WHERE m.id = i.meeting_id AND mp.person_id = i.person_id \
    AND m.status = 'done'))";

/// Every encounter of `people`, newest first; with `before`, only those at
/// congresses that started before that day (found through the congress
/// index: a person's other interactions are never read).
pub(crate) async fn encounters(
    store: &Store,
    people: &[PersonId],
    before: Option<NaiveDate>,
) -> Result<Vec<Encounter>> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let interactions = match before {
        Some(_) => format!(
            "SELECT i.person_id, i.occurred_at, i.on_day, i.congress_id, c.name, c.time_zone, NULL, NULL, NULL, NULL, \
               i.id, i.kind, i.note \
             FROM earlier e CROSS JOIN ids CROSS JOIN interactions i ON i.congress_id = e.id AND i.person_id = ids.pid \
             JOIN congresses c ON c.id = i.congress_id WHERE {NOT_A_MEETING_NOTE}"
        ),
        None => format!(
            "SELECT i.person_id, i.occurred_at, i.on_day, i.congress_id, c.name, c.time_zone, NULL, NULL, NULL, NULL, \
               i.id, i.kind, i.note \
             FROM ids JOIN interactions i ON i.person_id = ids.pid LEFT JOIN congresses c ON c.id = i.congress_id \
             WHERE (i.congress_id IS NOT NULL OR i.kind = 'met') AND {NOT_A_MEETING_NOTE}"
        ),
    };
    let sql = format!(
        "WITH ids (pid) AS (SELECT value FROM json_each(?1)), \
         earlier (id) AS (SELECT id FROM congresses WHERE ?2 IS NULL OR starts_on < ?2) \
         SELECT json_group_array(json_array(e.person_id, e.at, e.on_day, e.congress_id, e.congress_name, e.zone, \
           e.meeting_id, e.meeting_kind, e.title, e.place, e.interaction_id, e.kind, e.note)) FROM ({MEETINGS} UNION ALL {interactions}) e"
    );
    let ids = serde_json::to_string(people).expect("ids serialise");
    let text: Option<String> =
        sqlx::query_scalar(&sql).bind(ids).bind(before.map(|d| d.to_string())).fetch_one(store.pool()).await?;
    let rows: Vec<Row> = crate::store::json_rows(text, "encounter")?;
    let mut out: Vec<(i64, Encounter)> = rows
        .into_iter()
        .map(|r| {
            let zone = r.5.as_deref().map(time::zone_or_utc).unwrap_or(Tz::UTC);
            let on_day = r.2.as_deref().and_then(parse_day).unwrap_or_else(|| day_in(r.1, Some(zone)));
            let encounter = Encounter {
                person_id: r.0,
                on_day,
                congress_id: r.3,
                congress_name: r.4,
                meeting_id: r.6,
                meeting_kind: r.7.as_deref().and_then(MeetingKind::parse),
                meeting_title: r.8,
                place: r.9,
                interaction_id: r.10,
                kind: InteractionKind::parse(&r.11).unwrap_or(InteractionKind::Met),
                note: r.12.unwrap_or_default().trim().to_owned(),
            };
            (r.1, encounter)
        })
        .collect();
    out.sort_by(|(at_a, a), (at_b, b)| b.on_day.cmp(&a.on_day).then(at_b.cmp(at_a)));
    Ok(out.into_iter().map(|(_, e)| e).collect())
}

/// Where we met over the years, newest first.
pub async fn met(store: &Store, person_id: PersonId) -> Result<Vec<Encounter>> {
    encounters(store, &[person_id], None).await
}

/// The last time and place we met each of `people` (those never met are
/// left out), in the order given.
pub async fn last_met(store: &Store, people: &[PersonId]) -> Result<Vec<Encounter>> {
    Ok(latest(encounters(store, people, None).await?, people))
}

/// The last time we met each target of a congress (target cards, Today).
pub async fn last_met_for_targets(store: &Store, congress_id: CongressId) -> Result<Vec<Encounter>> {
    let people: Vec<PersonId> = sqlx::query_scalar("SELECT person_id FROM targets WHERE congress_id = ? ORDER BY id")
        .bind(congress_id)
        .fetch_all(store.pool())
        .await?;
    last_met(store, &people).await
}

/// The first (newest) encounter of each person, in `order`.
pub(crate) fn latest(newest_first: Vec<Encounter>, order: &[PersonId]) -> Vec<Encounter> {
    let mut first: HashMap<PersonId, Encounter> = HashMap::new();
    for e in newest_first {
        first.entry(e.person_id).or_insert(e);
    }
    order.iter().filter_map(|p| first.remove(p)).collect()
}
