//! Each item's key and fingerprint, and which items of a file are the same
//! session twice. A key is the source's id (UID, guid, id column, abstract
//! number) or, for items without one, a hash of title, start and room. Files
//! reuse ids (a UID on many talks, one abstract number on a poster and its
//! oral slot), so where an id repeats, each copy adds its start
//! ("UID@2024-09-15T11:00:00Z"), then a hash of title and room if that
//! repeats too. A stored session keeps its key: a copy with the start of a
//! session stored under the bare id keeps that id (the file that had one
//! copy now has two), and a lone copy of a stored "UID@start" keeps that.
//! Keys never depend on the order of the file's rows, and a copy added to
//! the file never takes the key of another session, so no mark moves to
//! another session; an item with the same id, start, title and room as
//! another is the same session twice, and is skipped and reported. The
//! fingerprint (content hash) tells an unchanged session from an updated one.

use super::item::ProgramItem;
use super::resolve;
use crate::people::name::name_key;
use crate::program::SessionKind;
use crate::time;
use std::collections::{HashMap, HashSet};

/// A session ready to store, with what identifies and fingerprints it.
pub(super) struct Prepared<'a> {
    pub(super) key: String,
    pub(super) hash: String,
    pub(super) item: &'a ProgramItem,
    pub(super) kind: SessionKind,
    pub(super) starts_at: i64,
    pub(super) ends_at: i64,
    pub(super) all_day: bool,
    /// (display name, name key, role) in program order.
    pub(super) people: Vec<(String, String, &'static str)>,
}

/// The items made ready to store, with their keys; what is left out.
pub(super) struct Keyed<'a> {
    pub(super) prepared: Vec<Prepared<'a>>,
    /// Items that are the same session as another of the file.
    pub(super) duplicates: Vec<&'a ProgramItem>,
    /// Sessions kept that share their source id with another.
    pub(super) sharing: usize,
}

/// Keys and fingerprints for `items`; `stored` holds the congress's stored
/// keys with their starts, so that a stored session keeps its key.
pub(super) fn prepare<'a>(items: &'a [ProgramItem], zone: chrono_tz::Tz, stored: &HashMap<&str, i64>) -> Keyed<'a> {
    let mut by_base: HashMap<String, Vec<Prepared>> = HashMap::new();
    for item in items {
        let (starts_at, ends_at, all_day) = resolve::span(item, zone);
        let base = item.source_id.as_deref().map(str::trim).filter(|id| !id.is_empty()).map_or_else(
            || {
                let room = item.room.as_deref().unwrap_or("");
                format!("h:{:016x}", fnv1a(&[item.title.trim(), &starts_at.to_string(), room]))
            },
            |id| id.chars().take(300).collect(),
        );
        let people: Vec<(String, String, &'static str)> = item
            .people
            .iter()
            .map(|p| (as_written(&p.name), name_key(&without_brackets(&p.name)), p.role.as_str()))
            .filter(|(name, key, _)| !name.is_empty() && !key.is_empty())
            .collect();
        let kind = SessionKind::recognise(item.kind_hint.as_deref(), &item.title);
        let names: Vec<&str> = people.iter().map(|(n, _, _)| n.as_str()).collect();
        let (starts, ends, names) = (starts_at.to_string(), ends_at.to_string(), names.join("; "));
        let mut fields = vec![
            item.title.as_str(),
            kind.as_str(),
            &starts,
            &ends,
            if all_day { "1" } else { "0" },
            item.room.as_deref().unwrap_or(""),
            item.track.as_deref().unwrap_or(""),
            item.abstract_number.as_deref().unwrap_or(""),
            item.description.as_deref().unwrap_or(""),
            item.url.as_deref().unwrap_or(""),
            &names,
        ];
        // Only when there is one, so a flat program's fingerprints stay as they were.
        if item.parent.is_some() || item.board.is_some() {
            fields.extend([item.parent.as_deref().unwrap_or(""), item.board.as_deref().unwrap_or("")]);
        }
        let hash = format!("{:016x}", fnv1a(&fields));
        let prepared = Prepared { key: String::new(), hash, item, kind, starts_at, ends_at, all_day, people };
        by_base.entry(base).or_default().push(prepared);
    }
    let mut keyed = Keyed { prepared: Vec::with_capacity(items.len()), duplicates: Vec::new(), sharing: 0 };
    for (base, mut group) in by_base {
        // By content, never by position in the file.
        group.sort_by(|a, b| {
            (a.starts_at, a.item.title.trim(), a.item.room.as_deref(), &a.hash, a.item.line).cmp(&(
                b.starts_at,
                b.item.title.trim(),
                b.item.room.as_deref(),
                &b.hash,
                b.item.line,
            ))
        });
        let alone = group.len() == 1;
        let mut sessions: HashSet<(i64, &str, Option<&str>)> = HashSet::new();
        let mut keys: HashSet<String> = HashSet::new();
        let before = keyed.prepared.len();
        for mut p in group {
            if !sessions.insert((p.starts_at, p.item.title.trim(), p.item.room.as_deref())) {
                keyed.duplicates.push(p.item);
                continue;
            }
            let at = format!("{base}@{}", time::instant(p.starts_at).format("%Y-%m-%dT%H:%M:%SZ"));
            let room = p.item.room.as_deref().unwrap_or("");
            let hashed = format!("{at}~{:08x}", fnv1a(&[p.item.title.trim(), room]) as u32);
            // A stored session's key first: the bare id where that session has this start, or
            // this start's own keys. Then the bare id for a lone copy, else the start.
            let kept = [
                (stored.get(base.as_str()) == Some(&p.starts_at)).then(|| base.clone()),
                stored.contains_key(at.as_str()).then(|| at.clone()),
                stored.contains_key(hashed.as_str()).then(|| hashed.clone()),
            ];
            let fresh = if alone {
                base.clone()
            } else if keys.contains(&at) {
                hashed.clone()
            } else {
                at.clone()
            };
            let key = kept.into_iter().flatten().find(|k| !keys.contains(k)).unwrap_or(fresh);
            let key = if keys.contains(&key) { hashed } else { key };
            keys.insert(key.clone());
            p.key = key;
            keyed.prepared.push(p);
        }
        let kept = keyed.prepared.len() - before;
        if kept > 1 && !base.starts_with("h:") {
            keyed.sharing += kept;
        }
    }
    // File order, for progress and for the order of new ids.
    keyed.prepared.sort_by(|a, b| (a.item.line, a.starts_at, &a.key).cmp(&(b.item.line, b.starts_at, &b.key)));
    keyed.duplicates.sort_by_key(|item| item.line);
    keyed
}

/// A program's name for a person as the program writes it, spacing tidied:
/// frab, pretalx and c3voc give public names ("Cisz (er, he)", "Stefan,
/// Yannik & Rike") that are not "Last, First", so nothing is turned around.
fn as_written(name: &str) -> String {
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    tidy.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace()).to_owned()
}

/// The name without what brackets hold (pronouns, affiliations), for
/// matching: "andi (Entropia)" is the same person as "andi".
fn without_brackets(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for ch in name.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    if out.trim().is_empty() {
        name.to_owned()
    } else {
        out
    }
}

/// FNV-1a over the parts, separated so ("ab","c") and ("a","bc") differ. A
/// fingerprint for change detection, not a security boundary.
pub(super) fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
