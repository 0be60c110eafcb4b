//! The numbers around the Program's list, for the whole congress at once but
//! without sending it: the program's days with how many sessions each holds
//! under the search and filters (the day tabs), the tracks, kinds and rooms
//! with how many sessions each would leave (the filter menus), and how many
//! rooms each day uses (whether it opens on the grid or the list).

use super::filter::{self, Facet, Facts, ProgramFilter};
use super::rows::parse_day;
use super::SessionKind;
use crate::congress;
use crate::ids::{CongressId, SessionId};
use crate::{time, Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProgramOverview {
    /// Items in the program, talks and posters included (0: nothing imported).
    pub sessions: u32,
    /// The congress days and any day a session falls on outside them, in order.
    pub days: Vec<DayCount>,
    pub tracks: Vec<FacetCount>,
    pub kinds: Vec<FacetCount>,
    pub rooms: Vec<FacetCount>,
    /// With a search: whether the list shows its matches best first. False
    /// when too many matched to rank them (the list is then in time order)
    /// and when not searching.
    pub best_first: bool,
}

/// One day of the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct DayCount {
    /// "2026-12-05", the venue day.
    pub day: String,
    /// Sessions the list would show on this day under the search and filters.
    pub sessions: u32,
    /// Rooms in use that day (a session without a room counts as one), whatever the filters.
    pub rooms: u32,
}

/// One option of a filter menu: a value ([`filter::NONE`] for "none") and
/// how many sessions choosing it would show, under the other filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

#[derive(sqlx::FromRow)]
struct Lean {
    id: SessionId,
    parent_id: Option<SessionId>,
    kind: String,
    room: Option<String>,
    track: Option<String>,
    starts_at: i64,
}

/// The overview of `congress_id` with `day` shown (none: every day) and the
/// filters and search of `f`. Without a search only sessions of their own
/// count (their talks open inside them); with one, every matching item.
pub async fn overview(
    store: &Store,
    congress_id: CongressId,
    day: Option<&str>,
    f: &ProgramFilter,
) -> Result<ProgramOverview> {
    let c = congress::get(store, congress_id).await?;
    let zone = time::zone_or_utc(&c.time_zone);
    let shown = day.map(parse_day).transpose()?;
    let found = filter::ranked(store, congress_id, f).await?;
    let best_first = found.as_ref().is_some_and(|m| m.best_first);
    let ranked = found.map(|m| m.ids.into_iter().collect::<HashSet<_>>());
    let lean: Vec<Lean> =
        sqlx::query_as("SELECT id, parent_id, kind, room, track, starts_at FROM sessions WHERE congress_id = ?")
            .bind(congress_id)
            .fetch_all(store.pool())
            .await?;

    let mut rooms_by_day: BTreeMap<NaiveDate, HashSet<Option<&str>>> = BTreeMap::new();
    let mut d = c.starts_on;
    while d <= c.ends_on {
        rooms_by_day.entry(d).or_default();
        d = match d.succ_opt() {
            Some(next) => next,
            None => break,
        };
    }
    let mut searched: Vec<Facts> = Vec::new();
    for s in &lean {
        let facts = Facts {
            nested: s.parent_id.is_some(),
            kind: SessionKind::parse(&s.kind),
            room: s.room.as_deref(),
            track: s.track.as_deref(),
            day: time::in_zone(s.starts_at, zone).date_naive(),
        };
        rooms_by_day.entry(facts.day).or_default().insert(facts.room);
        let listed = match &ranked {
            None => !facts.nested,
            Some(ids) => ids.contains(&s.id),
        };
        if listed {
            searched.push(facts);
        }
    }

    let mut per_day: HashMap<NaiveDate, u32> = HashMap::new();
    for s in searched.iter().filter(|s| filter::passes(s, f, shown, Some(Facet::Day))) {
        *per_day.entry(s.day).or_default() += 1;
    }
    let days = rooms_by_day
        .into_iter()
        .map(|(day, rooms)| DayCount {
            day: day.format("%Y-%m-%d").to_string(),
            sessions: per_day.get(&day).copied().unwrap_or(0),
            rooms: u32::try_from(rooms.len()).unwrap_or(u32::MAX),
        })
        .collect();
    Ok(ProgramOverview {
        sessions: u32::try_from(lean.len()).unwrap_or(u32::MAX),
        days,
        tracks: options(&searched, f, shown, Facet::Track, f.track.as_deref()),
        kinds: options(&searched, f, shown, Facet::Kind, f.kind.map(SessionKind::as_str)),
        rooms: options(&searched, f, shown, Facet::Room, f.room.as_deref()),
        best_first,
    })
}

/// The values of one facet with how many sessions each would show under the
/// other filters; the chosen value stays offered even when none is left.
fn options(
    searched: &[Facts],
    f: &ProgramFilter,
    day: Option<NaiveDate>,
    facet: Facet,
    chosen: Option<&str>,
) -> Vec<FacetCount> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for s in searched.iter().filter(|s| filter::passes(s, f, day, Some(facet))) {
        *counts.entry(s.value(facet)).or_default() += 1;
    }
    if let Some(chosen) = chosen {
        counts.entry(chosen).or_default();
    }
    let mut out: Vec<FacetCount> =
        counts.into_iter().map(|(value, count)| FacetCount { value: value.to_owned(), count }).collect();
    out.sort_by(|a, b| filter::option_order(&a.value, &b.value));
    out
}
