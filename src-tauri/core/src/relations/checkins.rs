//! Check-ins: who is due for contact, who is overdue and by how long, who is
//! losing touch. Precisely, for a person whose cadence applies
//! (`cadence::pick`), as of a day `today`:
//!
//! - last contact: the latest day, on or before `today`, of an interaction
//!   (any kind: a logged contact or a note), a meeting marked done (its day
//!   at the congress), or a follow-up marked done (its day for the user);
//! - due on: last contact + cadence; with no contact ever, the day the
//!   cadence was set + cadence (months clamp to the month's end);
//! - a snooze moves "due on" to its day, until a contact on or after the day
//!   it was set resets the check-in;
//! - due when due on ≤ today; overdue by today − due on days; losing touch
//!   when today ≥ last contact (or the day set) + twice the cadence.
//!
//! The list over 50,000 people reads only those with a cadence: their own,
//! tag members through the full-text index, relationships through targets
//! by why; each one's last interaction day from `last_interactions` (kept
//! by triggers); done meetings and follow-ups, far fewer, whole.

use super::cadence::{pick, Cadence, CadenceSource, CadenceUnit, Rule, RuleRow, RULE_COLUMNS};
use super::contacts::{self, InteractionKind};
use super::{day_in, days_between, home_zone, parse_day};
use crate::follow_ups::Reminder;
use crate::ids::{GivenId, PersonId};
use crate::text_enum::text_enum;
use crate::{settings, time, CoreError, FieldProblem, Result, Store};
use chrono::{Days, Local, NaiveDate, TimeZone, Timelike};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

text_enum!(
    /// Where a check-in stands on the day asked: upcoming (not due yet, in
    /// lists that look ahead, or snoozed), due (today), overdue (past its
    /// day), losing touch (no contact for twice the cadence).
    CheckInState { Upcoming = "upcoming", Due = "due", Overdue = "overdue", LosingTouch = "losing_touch" }
);

/// One person's check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CheckIn {
    pub person_id: PersonId,
    pub display_name: String,
    pub institution: Option<String>,
    pub cadence: Cadence,
    pub source: CadenceSource,
    /// The latest contact on or before the day asked; `None`: never.
    pub last_contact: Option<NaiveDate>,
    pub due_on: NaiveDate,
    /// Days past `due_on` (0 when due that day, negative when upcoming).
    #[specta(type = f64)]
    pub overdue_days: i64,
    pub state: CheckInState,
    /// Set while a snooze holds `due_on` back.
    pub snoozed_until: Option<NaiveDate>,
}

/// Everyone due on `today` or before, most overdue first.
pub async fn due(store: &Store, today: NaiveDate) -> Result<Vec<CheckIn>> {
    compute(store, today, today, None).await
}

/// Everyone due on or before `today` + `within_days` (upcoming ones
/// included), soonest first.
pub async fn list(store: &Store, today: NaiveDate, within_days: u32) -> Result<Vec<CheckIn>> {
    let horizon = today.checked_add_days(Days::new(u64::from(within_days))).unwrap_or(NaiveDate::MAX);
    compute(store, today, horizon, None).await
}

/// One person's check-in, however far off; `None` without a cadence.
pub async fn for_person(store: &Store, person_id: PersonId, today: NaiveDate) -> Result<Option<CheckIn>> {
    Ok(compute(store, today, NaiveDate::MAX, Some(person_id)).await?.into_iter().next())
}

/// Puts a person's check-in off until `until` (after today), or with `None`
/// takes a snooze back. Returns the check-in as it now stands.
pub async fn snooze(
    store: &Store,
    person_id: PersonId,
    until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Option<CheckIn>> {
    crate::people::get(store, person_id).await?;
    match until {
        Some(until) if until <= today => {
            return Err(CoreError::Invalid(vec![FieldProblem::new(
                "until",
                format!("{until} is not after today ({today}): snooze to a later day."),
            )]));
        }
        Some(until) => {
            sqlx::query(
                "INSERT INTO check_in_snoozes (person_id, until, set_on) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (person_id) DO UPDATE SET until = excluded.until, set_on = excluded.set_on",
            )
            .bind(person_id)
            .bind(until.to_string())
            .bind(today.to_string())
            .execute(store.pool())
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM check_in_snoozes WHERE person_id = ?")
                .bind(person_id)
                .execute(store.pool())
                .await?;
        }
    }
    for_person(store, person_id, today).await
}

/// One membership: a person's own cadence (`rule_id` 0, with its columns)
/// or a group they belong to, with their last interaction day, name and
/// institution. Thousands of these cross from SQLite, so they come as one
/// JSON array of arrays rather than row by row (sqlx hands each row from its
/// SQLite thread to ours: measured 7 µs a row, 30 ms for 4,500 people):
/// days since 1970-01-01, and the unit as 1 (day), 2 (week), 3 (month) or
/// 0 (off).
#[derive(serde::Deserialize)]
struct Member(PersonId, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, String, Option<String>);

/// A day counted as `Member` counts it.
fn epoch_day(days: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(days.checked_mul(86_400)?, 0).map(|t| t.date_naive())
}

/// A JSON array that SQLite built (`json_group_array`), read.
fn json_rows<T: serde::de::DeserializeOwned>(text: Option<String>) -> Result<Vec<T>> {
    crate::store::json_rows(text, "check-in")
}

/// An FTS5 query for people whose tags column holds `tag`'s words (a
/// superset: the exact tag is checked in SQL after), or `None` when the tag
/// has no word the index keeps (then every tagged person is read).
fn tag_query(tag: &str) -> Option<String> {
    tag.chars().any(char::is_alphanumeric).then(|| format!("tags : \"{}\"", tag.replace('"', "\"\"")))
}

/// What a person's check-in is computed from.
#[derive(Default)]
struct Facts {
    display_name: String,
    institution: Option<String>,
    rules: Vec<Rule>,
    last_contact: Option<NaiveDate>,
}

/// Check-ins due on or before `horizon`, as of `today`; for one person only
/// with `only`. One statement reads the members of every cadence, in the
/// order of their ids, each with one lookup into `people` (name, and the
/// exact tag where the full-text index found its words) and one into
/// `last_interactions` (a seek into the interactions index only when that
/// day is after `today`). In id order each page of `people` is read once
/// per list: read in the order the groups list them, the 4,500 lookups of
/// the 50,000-people bench threw the pages out of SQLite's 2 MB cache and
/// read them again. Done meetings and follow-ups, far fewer, are read
/// whole, in the same statement (each statement is a round trip to
/// SQLite's thread: about a millisecond on a busy 2-core machine).
async fn compute(store: &Store, today: NaiveDate, horizon: NaiveDate, only: Option<PersonId>) -> Result<Vec<CheckIn>> {
    let home = home_zone(store).await?;
    // The groups decide the statement; one connection reads both.
    let mut conn = store.pool().acquire().await?;
    let groups: Vec<RuleRow> = sqlx::query_as(&format!("SELECT {RULE_COLUMNS} FROM cadences WHERE person_id IS NULL"))
        .fetch_all(&mut *conn)
        .await?;
    // Own cadences (off included: it overrides groups), relationships,
    // tags; each with the tag to check exactly (NULL: none). Parameters:
    // ?1 today, ?2 only, ?3 the end of today (below), then per tag its
    // query and word.
    let mut branches = vec!["SELECT person_id, 0, every, \
                             CASE unit WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3 ELSE 0 END, \
                             unixepoch(set_on) / 86400, NULL FROM cadences WHERE person_id IS NOT NULL"
        .to_owned()];
    let mut tags = Vec::new();
    if groups.iter().any(|g| g.why.is_some()) {
        branches.push(
            "SELECT DISTINCT t.person_id, c.id, NULL, NULL, NULL, NULL FROM cadences c JOIN targets t ON t.why = c.why \
             WHERE c.why IS NOT NULL"
                .into(),
        );
    }
    for group in &groups {
        let Some(tag) = &group.tag else { continue };
        // Cadence ids are integers read just above, never input.
        let word = tags.len() * 2 + 4;
        match tag_query(tag) {
            Some(query) => {
                tags.push((query, tag.clone()));
                branches.push(format!(
                    "SELECT rowid, {}, NULL, NULL, NULL, ?{} FROM people_fts WHERE people_fts MATCH ?{word}",
                    group.id,
                    word + 1
                ));
            }
            None => {
                tags.push((String::new(), tag.clone()));
                branches.push(format!(
                    "SELECT id, {}, NULL, NULL, NULL, ?{} FROM people WHERE tags <> '' AND ?{word} = ''",
                    group.id,
                    word + 1
                ));
            }
        }
    }
    // Meetings and follow-ups done are contact too: read up to the end of
    // `today` in the latest zone there is (UTC+14); each day checked below.
    let end = today.checked_add_days(Days::new(1)).unwrap_or(today).and_hms_opt(14, 0, 0).expect("valid time");
    let end = end.and_utc().timestamp();
    // One statement, three JSON arrays: the members; each done meeting's
    // people with its start and the congress's zone, and each person's
    // latest follow-up done with no zone (the user's home); the snoozes.
    let sql = format!(
        "WITH members (person_id, rule_id, every, unit, set_on, tag) AS MATERIALIZED ({} ORDER BY 1) \
         SELECT (SELECT json_group_array(json_array(m.person_id, m.rule_id, m.every, m.unit, m.set_on, \
           unixepoch(CASE WHEN li.on_day IS NULL OR li.on_day <= ?1 THEN li.on_day \
             ELSE (SELECT max(on_day) FROM interactions WHERE person_id = m.person_id AND on_day <= ?1) END) / 86400, \
           p.display_name, p.institution)) \
         FROM members m JOIN people p ON p.id = m.person_id \
         LEFT JOIN last_interactions li ON li.person_id = m.person_id \
         WHERE (?2 IS NULL OR m.person_id = ?2) AND p.deleted_at IS NULL AND p.merged_into IS NULL \
           AND (m.tag IS NULL OR instr(' ' || lower(p.tags) || ' ', ' ' || lower(m.tag) || ' ') > 0)), \
         (SELECT json_group_array(json_array(person_id, at, zone)) FROM ( \
           SELECT mp.person_id, m.starts_at AS at, c.time_zone AS zone FROM meetings m \
           JOIN meeting_people mp ON mp.meeting_id = m.id JOIN congresses c ON c.id = m.congress_id \
           WHERE m.status = 'done' AND m.starts_at < ?3 AND (?2 IS NULL OR mp.person_id = ?2) \
           UNION ALL \
           SELECT person_id, max(done_at), NULL FROM follow_ups WHERE status = 'done' AND done_at < ?3 \
           AND (?2 IS NULL OR person_id = ?2) GROUP BY person_id)), \
         (SELECT json_group_array(json_array(person_id, until, set_on)) FROM check_in_snoozes \
           WHERE ?2 IS NULL OR person_id = ?2)",
        branches.join(" UNION ALL ")
    );
    let mut query = sqlx::query_as::<_, (Option<String>, Option<String>, Option<String>)>(&sql)
        .bind(today.to_string())
        .bind(only)
        .bind(end);
    for (fts, word) in &tags {
        query = query.bind(fts).bind(word);
    }
    let (members, done, snoozes) = query.fetch_one(&mut *conn).await?;
    drop(conn);
    let members: Vec<Member> = json_rows(members)?;
    if members.is_empty() {
        return Ok(Vec::new());
    }

    let group_rules: HashMap<i64, Rule> = groups.iter().map(|g| (g.id, g.rule())).collect();
    let mut facts: HashMap<PersonId, Facts> = HashMap::with_capacity(members.len());
    for Member(person_id, rule_id, every, unit, set_on, last_day, display_name, institution) in members {
        let f = facts.entry(person_id).or_insert_with(|| Facts { display_name, institution, ..Facts::default() });
        f.last_contact = f.last_contact.max(last_day.and_then(epoch_day));
        let rule = match (rule_id, every, unit, set_on.and_then(epoch_day)) {
            (0, Some(every), Some(unit), Some(set_on)) => Rule {
                cadence: [CadenceUnit::Day, CadenceUnit::Week, CadenceUnit::Month]
                    .get(usize::try_from(unit - 1).unwrap_or(usize::MAX))
                    .map(|&unit| Cadence { every: u32::try_from(every).unwrap_or(u32::MAX), unit }),
                source: CadenceSource::Person,
                set_on,
            },
            (id, ..) => match group_rules.get(&id) {
                Some(rule) => rule.clone(),
                None => continue,
            },
        };
        f.rules.push(rule);
    }
    let done: Vec<(PersonId, i64, Option<String>)> = json_rows(done)?;
    let contacts = done.into_iter().map(|(person, at, zone)| match zone {
        Some(zone) => (person, day_in(at, Some(time::zone_or_utc(&zone)))),
        None => (person, day_in(at, home)),
    });
    for (person, on) in contacts {
        if let Some(f) = facts.get_mut(&person) {
            if on <= today {
                f.last_contact = f.last_contact.max(Some(on));
            }
        }
    }
    let snoozes: HashMap<PersonId, (String, String)> = json_rows::<(PersonId, String, String)>(snoozes)?
        .into_iter()
        .map(|(p, until, set_on)| (p, (until, set_on)))
        .collect();

    let mut out = Vec::new();
    for (person_id, f) in facts {
        let Some(rule) = pick(&f.rules) else { continue };
        let Some(cadence) = rule.cadence else { continue };
        let anchor = f.last_contact.unwrap_or(rule.set_on);
        let mut due_on = cadence.after(anchor);
        let mut snoozed_until = None;
        if let Some((until, set_on)) = snoozes.get(&person_id) {
            if let (Some(until), Some(set_on)) = (parse_day(until), parse_day(set_on)) {
                if until > due_on && f.last_contact.is_none_or(|last| last < set_on) {
                    due_on = until;
                    snoozed_until = Some(until);
                }
            }
        }
        if due_on > horizon {
            continue;
        }
        let state = if due_on > today {
            CheckInState::Upcoming
        } else if today >= cadence.times_after(anchor, 2) {
            CheckInState::LosingTouch
        } else if due_on == today {
            CheckInState::Due
        } else {
            CheckInState::Overdue
        };
        out.push(CheckIn {
            person_id,
            display_name: f.display_name,
            institution: f.institution,
            cadence,
            source: rule.source.clone(),
            last_contact: f.last_contact,
            due_on,
            overdue_days: days_between(due_on, today),
            state,
            snoozed_until,
        });
    }
    out.sort_by_cached_key(|c| (c.due_on, c.display_name.to_lowercase(), c.person_id));
    Ok(out)
}

/// How far back a check-in not yet notified is still worth a notification.
const NOTICE_DAYS: u64 = 7;
/// Beyond this many at once, one notification names them all.
const SINGLE_NOTICES: usize = 3;

/// Check-in notifications at `now`: once the user's day has started
/// (Settings' day start hour, in the home zone, else the computer's), each
/// check-in that fell due in the last week and was not notified yet, once
/// (a key per person and due day, remembered in `check_in_notices`, so a
/// restart or a second window does not repeat it). More than three at once
/// come as one notification.
pub(crate) async fn reminders(store: &Store, now: i64) -> Result<Vec<Reminder>> {
    let any: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM cadences WHERE unit <> 'off')")
        .fetch_one(store.pool())
        .await?;
    if !any {
        return Ok(Vec::new());
    }
    let settings = settings::get(store).await?;
    let instant = time::instant(now);
    let local = match settings.home_time_zone.as_deref().and_then(time::parse_zone) {
        Some(zone) => instant.with_timezone(&zone).naive_local(),
        None => Local.from_utc_datetime(&instant.naive_utc()).naive_local(),
    };
    if local.hour() < u32::from(settings.day_start_hour) {
        return Ok(Vec::new());
    }
    let today = local.date();
    let since = today.checked_sub_days(Days::new(NOTICE_DAYS)).unwrap_or(today);
    let notified: HashSet<(PersonId, String)> =
        sqlx::query_as::<_, (PersonId, String)>("SELECT person_id, due_on FROM check_in_notices WHERE due_on >= ?")
            .bind(since.to_string())
            .fetch_all(store.pool())
            .await?
            .into_iter()
            .collect();
    let fresh: Vec<CheckIn> = due(store, today)
        .await?
        .into_iter()
        .filter(|c| c.due_on >= since && !notified.contains(&(c.person_id, c.due_on.to_string())))
        .collect();
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let mut tx = store.begin_write().await?;
    for c in &fresh {
        sqlx::query("INSERT OR IGNORE INTO check_in_notices (person_id, due_on) VALUES (?, ?)")
            .bind(c.person_id)
            .bind(c.due_on.to_string())
            .execute(&mut *tx)
            .await?;
    }
    let forget = today.checked_sub_days(Days::new(60)).unwrap_or(today);
    sqlx::query("DELETE FROM check_in_notices WHERE due_on < ?").bind(forget.to_string()).execute(&mut *tx).await?;
    tx.commit().await?;
    if fresh.len() > SINGLE_NOTICES {
        let names: Vec<&str> = fresh.iter().take(2).map(|c| c.display_name.as_str()).collect();
        return Ok(vec![Reminder {
            key: format!("check-ins-{today}"),
            title: format!("{} check-ins due", fresh.len()),
            body: format!("{} and {} more: see Check-ins in Hallway.", names.join(", "), fresh.len() - names.len()),
            at: now,
        }]);
    }
    Ok(fresh
        .into_iter()
        .map(|c| Reminder {
            key: format!("check-in-{}-{}", c.person_id, c.due_on),
            title: format!("Check in with {}", c.display_name),
            body: match c.last_contact {
                Some(last) => format!("Last contact {last} · every {}", c.cadence),
                None => format!("No contact yet · every {}", c.cadence),
            },
            at: now,
        })
        .collect())
}

/// A check-in message for `person_id`: names the last contact, and offers
/// `given` (an item of their value-given log) when one is picked. The user
/// edits it; it only saves the blank page.
pub async fn draft(store: &Store, person_id: PersonId, given: Option<GivenId>, today: NaiveDate) -> Result<String> {
    let person = crate::people::get(store, person_id).await?;
    let offer = match given {
        Some(id) => {
            let item = super::given::get(store, id).await?;
            if item.person_id != person_id {
                return Err(CoreError::Invalid(vec![FieldProblem::new(
                    "given_id",
                    format!("“{}” is in another person's log.", item.title),
                )]));
            }
            Some(super::given::line(&item))
        }
        None => None,
    };
    let greeting = match (person.honorific.as_deref().filter(|h| !h.trim().is_empty()), &person.family_name) {
        (Some(h), Some(f)) if !f.trim().is_empty() => format!("{h} {f}"),
        _ => person.given_name.clone().filter(|g| !g.trim().is_empty()).unwrap_or(person.display_name.clone()),
    };
    let last = contacts::list(store, person_id).await?.into_iter().find(|c| c.on_day <= today);
    let since = last.map(|c| {
        let when = if c.on_day.format("%Y").to_string() == today.format("%Y").to_string() {
            c.on_day.format("in %B").to_string()
        } else {
            c.on_day.format("in %B %Y").to_string()
        };
        match (c.kind, c.congress_name) {
            (_, Some(congress)) => format!("since we talked at {congress}"),
            (InteractionKind::Email, None) => format!("since my email {when}"),
            (InteractionKind::Call, None) => format!("since our call {when}"),
            (InteractionKind::Video, None) => format!("since our video call {when}"),
            (InteractionKind::Message, None) => format!("since our messages {when}"),
            (InteractionKind::Met, None) => format!("since we met {when}"),
            (InteractionKind::Note, None) => format!("since we last spoke {when}"),
        }
    });
    let me = settings::get(store).await?.my_card.name;
    let mut text = format!("Subject: Catching up\n\nDear {greeting},\n\n");
    match since {
        Some(since) => text.push_str(&format!("It has been a while {since}, and I wanted to hear how you are.")),
        None => text.push_str("I hope you are well, and wanted to hear how things are going."),
    }
    if let Some(offer) = offer {
        text.push_str("\n\n");
        text.push_str(&offer);
    }
    text.push_str("\n\nWould you have time for a short call in the coming weeks?\n\nBest wishes,\n");
    text.push_str(if me.trim().is_empty() { "" } else { me.trim() });
    Ok(text.trim_end().to_owned())
}
