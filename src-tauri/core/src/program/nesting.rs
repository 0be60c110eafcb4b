//! Nesting inferred where a program gives no links (issue 17, "do not guess
//! silently"). Many programs list an oral session and its talks as separate
//! items without saying which holds which. When a congress's sessions carry
//! no link from their file at all, a talk lying wholly inside a strictly
//! longer item of the same room (within a day) is placed in it: the
//! shortest such item wins, if the talk lasts at most two thirds of it;
//! one level only (an item that lies around another is no one's talk); and
//! an all-day item, a withdrawn one or a break never holds anything. Such
//! a link is marked `parent_inferred`, the import report counts it and
//! says so, and the congress's switch (`congresses.infer_nesting`) takes
//! the inferred links out or puts them back at once, without a re-import.
//! A link the file gives is never overridden, nor removed by the switch.

use super::SessionKind;
use crate::ids::{CongressId, SessionId};
use crate::{CoreError, Result, Store};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use std::collections::{HashMap, HashSet};

/// The longest item that holds others: a multi-day exhibition or a
/// 24-hour hackcenter in a room holds none of the talks given there.
const DAY: i64 = 24 * 60 * 60;

/// Placements per JSON array handed to `json_each` in one statement.
const ROWS_PER_JSON: usize = 20_000;

/// A congress's nesting: the switch and what it does now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Nesting {
    /// Whether Hallway places talks inside the session around them when the
    /// program does not link them (on by default).
    pub infer: bool,
    /// Items placed inside a session that way now.
    pub inferred: u32,
    /// Items placed in their session because the program says so. While
    /// there are any, nothing is inferred.
    pub linked: u32,
}

/// The import report's words for `inferred` placements; none for zero.
pub fn note(inferred: u32) -> Option<String> {
    match inferred {
        0 => None,
        1 => Some(
            "Placed 1 talk inside the session around it in the same room (the file does not link it). \
             You can switch this off."
                .to_owned(),
        ),
        n => Some(format!(
            "Placed {n} talks inside the session around them in the same room (the file does not link them). \
             You can switch this off."
        )),
    }
}

/// The congress's switch and how many items are placed by inference or by the file.
pub async fn get(store: &Store, congress_id: CongressId) -> Result<Nesting> {
    let mut conn = store.pool().acquire().await?;
    state(&mut conn, congress_id).await
}

/// Switches inference on or off for a congress and applies it at once over
/// its sessions: off takes out only the inferred links; on infers them
/// again from the sessions as they are.
pub async fn set(store: &Store, congress_id: CongressId, infer: bool) -> Result<Nesting> {
    let mut tx = store.begin_write().await?;
    let done = sqlx::query("UPDATE congresses SET infer_nesting = ? WHERE id = ?")
        .bind(infer)
        .bind(congress_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("congress", congress_id));
    }
    apply(&mut tx, congress_id).await?;
    let nesting = state(&mut tx, congress_id).await?;
    tx.commit().await?;
    Ok(nesting)
}

/// The congress's items placed by inference (`program list --json` marks them).
pub async fn inferred(store: &Store, congress_id: CongressId) -> Result<HashSet<SessionId>> {
    let ids: Vec<SessionId> = sqlx::query_scalar(
        "SELECT id FROM sessions WHERE congress_id = ? AND parent_id IS NOT NULL AND parent_inferred = 1",
    )
    .bind(congress_id)
    .fetch_all(store.pool())
    .await?;
    Ok(ids.into_iter().collect())
}

async fn state(conn: &mut SqliteConnection, congress_id: CongressId) -> Result<Nesting> {
    let row: Option<(bool, i64, i64)> = sqlx::query_as(
        "SELECT c.infer_nesting, \
           (SELECT COUNT(*) FROM sessions s WHERE s.congress_id = c.id AND s.parent_id IS NOT NULL AND s.parent_inferred = 1), \
           (SELECT COUNT(*) FROM sessions s WHERE s.congress_id = c.id AND s.parent_id IS NOT NULL AND s.parent_inferred = 0) \
         FROM congresses c WHERE c.id = ?",
    )
    .bind(congress_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (infer, inferred, linked) = row.ok_or_else(|| CoreError::not_found("congress", congress_id))?;
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Nesting { infer, inferred: count(inferred), linked: count(linked) })
}

/// A session as inference sees it.
#[derive(sqlx::FromRow)]
struct Item {
    id: i64,
    starts_at: i64,
    ends_at: i64,
    all_day: bool,
    room: Option<String>,
    withdrawn: bool,
    kind: String,
    parent_id: Option<i64>,
    parent_inferred: bool,
}

/// Brings the congress's inferred links in line with its sessions and its
/// switch: with the switch on and no link from the program, every item
/// lying inside a longer one of its room is placed in it; otherwise none
/// is. Only links marked inferred are taken out or moved, and only what
/// differs is written. Returns how many items are placed by inference now.
pub(crate) async fn apply(conn: &mut SqliteConnection, congress_id: CongressId) -> Result<u32> {
    let infer: bool = sqlx::query_scalar("SELECT infer_nesting FROM congresses WHERE id = ?")
        .bind(congress_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| CoreError::not_found("congress", congress_id))?;
    let items: Vec<Item> = sqlx::query_as(
        "SELECT id, starts_at, ends_at, all_day, room, withdrawn, kind, parent_id, parent_inferred \
         FROM sessions WHERE congress_id = ?",
    )
    .bind(congress_id)
    .fetch_all(&mut *conn)
    .await?;
    let linked = items.iter().any(|i| i.parent_id.is_some() && !i.parent_inferred);
    let wanted = if infer && !linked { placements(&items) } else { HashMap::new() };

    let current: HashMap<i64, Option<i64>> =
        items.iter().filter(|i| i.parent_inferred).map(|i| (i.id, i.parent_id)).collect();
    let clear: Vec<i64> =
        current.iter().filter(|(id, parent)| wanted.get(id) != parent.as_ref()).map(|(id, _)| *id).collect();
    let place: Vec<(i64, i64)> = wanted
        .iter()
        .filter(|(id, parent)| current.get(id) != Some(&Some(**parent)))
        .map(|(id, parent)| (*id, *parent))
        .collect();
    for chunk in clear.chunks(ROWS_PER_JSON) {
        sqlx::query(
            "UPDATE sessions SET parent_id = NULL, parent_inferred = 0 \
             WHERE parent_inferred = 1 AND id IN (SELECT value FROM json_each(?))",
        )
        .bind(serde_json::to_string(chunk).expect("ids serialise"))
        .execute(&mut *conn)
        .await?;
    }
    for chunk in place.chunks(ROWS_PER_JSON) {
        // Never over a link the file gave (there is none when inferring;
        // the check costs nothing).
        sqlx::query(
            "UPDATE sessions SET parent_id = j.value ->> 1, parent_inferred = 1 FROM json_each(?) AS j \
             WHERE sessions.id = j.value ->> 0 AND (sessions.parent_id IS NULL OR sessions.parent_inferred = 1)",
        )
        .bind(serde_json::to_string(chunk).expect("ids serialise"))
        .execute(&mut *conn)
        .await?;
    }
    Ok(u32::try_from(wanted.len()).unwrap_or(u32::MAX))
}

/// Where each item lies wholly inside a strictly longer item of its room,
/// by id: the shortest such item (of two as short, the one starting later,
/// then the lower id), if the item lasts at most two thirds of it. One
/// level: an item lying around another is no one's talk.
fn placements(items: &[Item]) -> HashMap<i64, i64> {
    let mut rooms: HashMap<String, Vec<&Item>> = HashMap::new();
    for item in items {
        // A break is neither a session holding talks nor a talk in one.
        if item.all_day || item.ends_at < item.starts_at || SessionKind::parse(&item.kind) == SessionKind::Break {
            continue;
        }
        let Some(room) = item.room.as_deref().map(|r| r.trim().to_lowercase()).filter(|r| !r.is_empty()) else {
            continue;
        };
        rooms.entry(room).or_default().push(item);
    }
    let mut chosen = HashMap::new();
    for items in rooms.values_mut() {
        items.sort_unstable_by_key(|i| (i.starts_at, i.ends_at, i.id));
        place_in_room(items, &mut chosen);
    }
    chosen
}

/// Whether an item of `length` is short enough to be a talk of an item of
/// `around` seconds: at most two thirds of it. Two workshops sharing a room
/// (10:30–12:00 and 10:30–12:30) are neighbours, not a session and its talk.
fn talk_length(length: i64, around: i64) -> bool {
    length * 3 <= around * 2
}

/// How an item around others ranks as their session: shortest first, then
/// the one starting later, then the lower id.
type Rank = (i64, std::cmp::Reverse<i64>, i64);

/// [`placements`] within one room, its items in start order. Every item
/// costs a few logarithmic steps, whatever the file: a sweep by start
/// keeps the items around that started earlier in a tree by end.
fn place_in_room(items: &[&Item], chosen: &mut HashMap<i64, i64>) {
    // The items that can hold others, each span once (by its lowest id): a
    // poster hall's thousand posters of one evening are one span.
    let mut spans: Vec<(i64, i64, i64)> = items
        .iter()
        .filter(|i| !i.withdrawn && i.ends_at > i.starts_at && i.ends_at - i.starts_at < DAY)
        .map(|i| (i.starts_at, i.ends_at, i.id))
        .collect();
    spans.sort_unstable();
    spans.dedup_by_key(|(start, end, _)| (*start, *end));
    let rank = |(start, end, id): (i64, i64, i64)| -> Rank { (end - start, std::cmp::Reverse(start), id) };
    let mut ends: Vec<i64> = spans.iter().map(|(_, end, _)| *end).collect();
    ends.sort_unstable();
    ends.dedup();
    let mut earlier = SuffixMin::new(ends.len());
    // The least end of the items from each position on: whether one lies inside an item.
    let mut least_end = vec![i64::MAX; items.len() + 1];
    for (k, item) in items.iter().enumerate().rev() {
        least_end[k] = least_end[k + 1].min(item.ends_at);
    }
    let mut inserted = 0;
    let mut k = 0;
    while k < items.len() {
        let start = items[k].starts_at;
        let later = k + items[k..].partition_point(|i| i.starts_at == start);
        while inserted < spans.len() && spans[inserted].0 < start {
            let (_, end, _) = spans[inserted];
            earlier.insert(ends.partition_point(|e| *e < end), rank(spans[inserted]));
            inserted += 1;
        }
        // Spans starting with these items, by end.
        let same = &spans[inserted..inserted + spans[inserted..].partition_point(|(s, _, _)| *s == start)];
        for item in &items[k..later] {
            // Around another: something starting later ends within it, or
            // something starting with it ends sooner (`items[k]` ends first).
            if least_end[later] <= item.ends_at || items[k].ends_at < item.ends_at {
                continue;
            }
            let before = earlier.least(ends.partition_point(|e| *e < item.ends_at));
            let with = same.get(same.partition_point(|(_, end, _)| *end <= item.ends_at)).map(|s| rank(*s));
            match before.into_iter().chain(with).min() {
                Some((around, _, parent)) if talk_length(item.ends_at - item.starts_at, around) => {
                    chosen.insert(item.id, parent);
                }
                _ => {}
            }
        }
        k = later;
    }
}

/// The least rank among spans ending at or after a position: a Fenwick
/// tree over the ends in reverse order.
struct SuffixMin(Vec<Option<Rank>>);

impl SuffixMin {
    fn new(len: usize) -> Self {
        SuffixMin(vec![None; len + 1])
    }

    /// A span ending at the `at`-th end.
    fn insert(&mut self, at: usize, rank: Rank) {
        let mut i = self.0.len() - 1 - at;
        while i < self.0.len() {
            if self.0[i].is_none_or(|r| rank < r) {
                self.0[i] = Some(rank);
            }
            i += i & i.wrapping_neg();
        }
    }

    /// The least rank of the spans ending at the `from`-th end or later.
    fn least(&self, from: usize) -> Option<Rank> {
        let mut i = self.0.len().saturating_sub(1 + from);
        let mut best: Option<Rank> = None;
        while i > 0 {
            if let Some(r) = self.0[i] {
                best = Some(best.map_or(r, |b| b.min(r)));
            }
            i -= i & i.wrapping_neg();
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::congress::{self, CongressDraft};
    use crate::program::import::{write, ImportProgress, ImportReport, ProgramFormat, ProgramItem, SourceTime};
    use crate::program::{self, Session};
    use chrono::NaiveDate;
    use std::sync::atomic::AtomicBool;

    async fn setup() -> (tempfile::TempDir, Store, CongressId) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
        let draft = CongressDraft {
            name: "EHA 2027".into(),
            starts_on: "2027-06-10".into(),
            ends_on: "2027-06-13".into(),
            time_zone: "Europe/Madrid".into(),
            ..Default::default()
        };
        let id = congress::create(&store, &draft).await.unwrap().id;
        (dir, store, id)
    }

    /// An item of 11 June from `from` to `to` ("14:00", "15:30") in `room`.
    fn item(id: &str, from: &str, to: &str, room: &str) -> ProgramItem {
        let day = NaiveDate::from_ymd_opt(2027, 6, 11).unwrap();
        let at = |hhmm: &str| chrono::NaiveTime::parse_from_str(hhmm, "%H:%M").unwrap();
        let mut item = ProgramItem::new(format!("Item {id}"), SourceTime::Floating(day.and_time(at(from))), 1);
        item.source_id = Some(id.into());
        item.duration_minutes = Some(u32::try_from((at(to) - at(from)).num_minutes()).unwrap());
        item.room = Some(room.into());
        item
    }

    async fn import(store: &Store, c: CongressId, items: &[ProgramItem]) -> ImportReport {
        let never = AtomicBool::new(false);
        write(store, c, ProgramFormat::FrabXml, chrono_tz::Europe::Madrid, items, &|_: ImportProgress| {}, &never)
            .await
            .unwrap()
    }

    /// Each placed item's key with its session's key, sorted.
    async fn nested(store: &Store, c: CongressId) -> Vec<(String, String)> {
        let all: Vec<Session> = program::list(store, c).await.unwrap();
        let key = |id| all.iter().find(|s| s.id == id).unwrap().key.clone();
        let mut out: Vec<(String, String)> =
            all.iter().filter_map(|s| Some((s.key.clone(), key(s.parent_id?)))).collect();
        out.sort();
        out
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    /// An oral session with two talks in Hall A, and a talk at the same
    /// time in Hall B.
    fn oral_session() -> Vec<ProgramItem> {
        vec![
            item("oral", "14:00", "15:30", "Hall A"),
            item("t1", "14:00", "14:15", "Hall A"),
            item("t2", "14:15", "14:30", "hall a "),
            item("elsewhere", "14:00", "14:15", "Hall B"),
        ]
    }

    #[tokio::test]
    async fn talks_inside_a_longer_item_of_their_room_are_placed_and_the_report_says_so() {
        let (_dir, store, c) = setup().await;
        let report = import(&store, c, &oral_session()).await;
        assert_eq!(nested(&store, c).await, pairs(&[("t1", "oral"), ("t2", "oral")]), "same room only");
        assert_eq!(report.inferred_parents, 2);
        assert!(
            report.notes.iter().any(|n| n
                == "Placed 2 talks inside the session around them in the same room (the file does not link them). \
                    You can switch this off."),
            "{:?}",
            report.notes
        );
        assert_eq!(get(&store, c).await.unwrap(), Nesting { infer: true, inferred: 2, linked: 0 });
        assert_eq!(inferred(&store, c).await.unwrap().len(), 2);

        // The same file again: the same placements, said again.
        let again = import(&store, c, &oral_session()).await;
        assert_eq!((again.unchanged, again.inferred_parents), (4, 2));
        assert_eq!(nested(&store, c).await, pairs(&[("t1", "oral"), ("t2", "oral")]));
    }

    #[tokio::test]
    async fn a_program_with_links_is_never_inferred() {
        let (_dir, store, c) = setup().await;
        let mut items = oral_session();
        items[1].parent = Some("oral".into()); // t1 linked, t2 not
        let report = import(&store, c, &items).await;
        assert_eq!(nested(&store, c).await, pairs(&[("t1", "oral")]), "t2 is left as the file has it");
        assert_eq!(report.inferred_parents, 0);
        assert!(!report.notes.iter().any(|n| n.starts_with("Placed")), "{:?}", report.notes);
        assert_eq!(get(&store, c).await.unwrap(), Nesting { infer: true, inferred: 0, linked: 1 });

        // Switching off and on leaves the file's link alone, and infers nothing beside it.
        assert_eq!(set(&store, c, false).await.unwrap(), Nesting { infer: false, inferred: 0, linked: 1 });
        assert_eq!(set(&store, c, true).await.unwrap(), Nesting { infer: true, inferred: 0, linked: 1 });
        assert_eq!(nested(&store, c).await, pairs(&[("t1", "oral")]));
    }

    #[tokio::test]
    async fn switching_off_takes_out_only_the_inferred_links_and_on_puts_them_back() {
        let (_dir, store, c) = setup().await;
        import(&store, c, &oral_session()).await;
        assert_eq!(set(&store, c, false).await.unwrap(), Nesting { infer: false, inferred: 0, linked: 0 });
        assert!(nested(&store, c).await.is_empty());

        // Switched off, a re-import infers nothing and says nothing.
        let report = import(&store, c, &oral_session()).await;
        assert_eq!(report.inferred_parents, 0);
        assert!(!report.notes.iter().any(|n| n.starts_with("Placed")), "{:?}", report.notes);
        assert!(nested(&store, c).await.is_empty());

        // On again: inferred at once from the sessions as they are.
        assert_eq!(set(&store, c, true).await.unwrap(), Nesting { infer: true, inferred: 2, linked: 0 });
        assert_eq!(nested(&store, c).await, pairs(&[("t1", "oral"), ("t2", "oral")]));
        assert!(set(&store, CongressId(9999), true).await.is_err(), "no such congress");
    }

    #[tokio::test]
    async fn a_reimport_keeps_inferred_nesting_consistent() {
        let (_dir, store, c) = setup().await;
        import(&store, c, &oral_session()).await;

        // t2 moves out of the session's hours: taken out of it.
        let mut moved = oral_session();
        moved[2] = item("t2", "16:00", "16:15", "Hall A");
        let report = import(&store, c, &moved).await;
        assert_eq!(report.inferred_parents, 1);
        assert!(report.notes.iter().any(|n| n.starts_with("Placed 1 talk inside the session around it")));
        assert_eq!(nested(&store, c).await, pairs(&[("t1", "oral")]));

        // The file now links t2 to the session: only the file's link stays.
        let mut linked = oral_session();
        linked[2].parent = Some("oral".into());
        let report = import(&store, c, &linked).await;
        assert_eq!(report.inferred_parents, 0);
        assert_eq!(nested(&store, c).await, pairs(&[("t2", "oral")]));
        assert_eq!(get(&store, c).await.unwrap(), Nesting { infer: true, inferred: 0, linked: 1 });

        // And drops the link again: inferred once more.
        let report = import(&store, c, &oral_session()).await;
        assert_eq!(report.inferred_parents, 2);
        assert_eq!(nested(&store, c).await, pairs(&[("t1", "oral"), ("t2", "oral")]));
        assert_eq!(get(&store, c).await.unwrap(), Nesting { infer: true, inferred: 2, linked: 0 });

        // The session is withdrawn (gone from the file): it holds nothing any more.
        let report = import(&store, c, &oral_session()[1..]).await;
        assert_eq!((report.withdrawn, report.inferred_parents), (1, 0));
        assert!(nested(&store, c).await.is_empty());
    }

    #[tokio::test]
    async fn the_shortest_item_around_wins_one_level_and_some_items_never_hold_others() {
        let (_dir, store, c) = setup().await;
        let mut all_day = item("day", "00:00", "23:59", "Hall A");
        all_day.starts = SourceTime::AllDay(NaiveDate::from_ymd_opt(2027, 6, 11).unwrap());
        all_day.duration_minutes = None;
        let mut lunch = item("lunch", "12:00", "13:30", "Hall A");
        lunch.kind_hint = Some("Lunch break".into());
        let mut cancelled = item("cancelled", "16:00", "18:00", "Hall A");
        cancelled.cancelled = true;
        let mut exhibition = item("exhibition", "08:00", "09:00", "Hall B");
        exhibition.starts =
            SourceTime::Floating(NaiveDate::from_ymd_opt(2027, 6, 10).unwrap().and_hms_opt(8, 0, 0).unwrap());
        exhibition.duration_minutes = Some(3 * 24 * 60);
        let items = vec![
            item("block", "08:00", "18:00", "Hall A"), // around the oral session, which holds talks
            item("oral", "14:00", "15:30", "Hall A"),
            item("t1", "14:00", "14:15", "Hall A"),
            item("t2", "14:15", "14:30", "Hall A"),
            item("same", "14:00", "15:30", "Hall A"), // as long as the oral session, and around talks too
            item("lone", "09:00", "09:30", "Hall A"), // in nothing shorter than the block
            all_day,
            lunch,
            item("lunch-talk", "12:15", "12:45", "Hall A"),
            cancelled,
            item("late", "16:30", "17:00", "Hall A"),
            exhibition,
            item("in-the-hall", "10:00", "10:30", "Hall B"),
            item("workshop", "10:30", "12:30", "Lab"), // two workshops sharing a room:
            item("django", "10:30", "12:00", "Lab"),   // three quarters as long is no talk
        ];
        import(&store, c, &items).await;
        let found = nested(&store, c).await;
        let holder = found.iter().find(|(talk, _)| talk == "t1").map(|(_, s)| s.clone()).unwrap();
        assert!(holder == "oral" || holder == "same", "{found:?}");
        assert_eq!(
            found,
            pairs(&[
                ("late", "block"),       // the withdrawn item around it holds nothing
                ("lone", "block"),       // the all-day item holds nothing
                ("lunch-talk", "block"), // nor does a break
                ("t1", &holder),         // the shortest around wins
                ("t2", &holder),
            ]),
            "the oral sessions hold talks, so the block holds neither; a multi-day item holds nothing"
        );
    }

    fn plain(id: i64, starts_at: i64, ends_at: i64, room: &str, withdrawn: bool) -> Item {
        Item {
            id,
            starts_at,
            ends_at,
            all_day: false,
            room: Some(room.into()),
            withdrawn,
            kind: "oral".into(),
            parent_id: None,
            parent_inferred: false,
        }
    }

    /// The rule as written, item by item against every other: what the sweep must agree with.
    fn by_the_rule(items: &[Item]) -> HashMap<i64, i64> {
        let inside = |a: &Item, b: &Item| {
            a.room == b.room
                && b.starts_at <= a.starts_at
                && a.ends_at <= b.ends_at
                && b.ends_at - b.starts_at > a.ends_at - a.starts_at
        };
        let mut out = HashMap::new();
        for item in items {
            if items.iter().any(|other| inside(other, item)) {
                continue; // around another: no one's talk
            }
            let around = items
                .iter()
                .filter(|p| !p.withdrawn && p.ends_at - p.starts_at < DAY && inside(item, p))
                .min_by_key(|p| (p.ends_at - p.starts_at, std::cmp::Reverse(p.starts_at), p.id));
            if let Some(parent) =
                around.filter(|p| (item.ends_at - item.starts_at) * 3 <= (p.ends_at - p.starts_at) * 2)
            {
                out.insert(item.id, parent.id);
            }
        }
        out
    }

    #[test]
    fn the_sweep_places_as_the_rule_says() {
        let mut seed: u64 = 0x5eed;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % n) as i64
        };
        for round in 0..300 {
            let count = 1 + next(40);
            let items: Vec<Item> = (0..count)
                .map(|id| {
                    let start = next(12) * 900;
                    let length = if next(20) == 0 { DAY + 900 } else { next(8) * 900 };
                    plain(id + 1, start, start + length, ["A", "B"][next(2) as usize], next(6) == 0)
                })
                .collect();
            // Each span's holder is its lowest id, as in the sweep; the rule looks at every item.
            let mut expected = by_the_rule(&items);
            let span = |i: &Item| (i.room.clone(), i.starts_at, i.ends_at);
            let mut lowest: HashMap<(Option<String>, i64, i64), i64> = HashMap::new();
            for item in items.iter().filter(|i| !i.withdrawn) {
                let id = lowest.entry(span(item)).or_insert(item.id);
                *id = (*id).min(item.id);
            }
            for parent in expected.values_mut() {
                *parent = lowest[&span(items.iter().find(|i| i.id == *parent).unwrap())];
            }
            assert_eq!(placements(&items), expected, "round {round}");
        }
    }

    #[test]
    fn a_room_of_items_each_inside_the_next_costs_no_more_than_a_sort() {
        // 100,000 items all starting together, each a second longer than the
        // one before: compared pairwise this would take minutes.
        let items: Vec<Item> = (0..100_000).map(|i| plain(i + 1, 0, 1 + i, "Hall A", false)).collect();
        let started = std::time::Instant::now();
        let placed = placements(&items);
        assert_eq!(placed, HashMap::from([(1, 2)]), "every other item lies around another");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }
}
