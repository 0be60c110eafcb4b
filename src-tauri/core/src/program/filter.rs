//! How the Program screen narrows a congress: a venue day, a track, a kind,
//! a room and a full-text search. The day's rows (`rows::day`) and the
//! counts on the day tabs and filter menus (`overview`) both go through
//! [`passes`], so a count never promises what the list then does not show.
//! The rules are the ones the UI applied to the whole program before it was
//! sent by day (ui/src/lib/program-filter.ts keeps them for its tests).

use super::{Matches, SessionKind};
use crate::ids::CongressId;
use crate::{Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The value that stands for "no room" / "no track" in a filter and in the
/// options offered (sessions without one are an option of their own).
pub const NONE: &str = "__none__";

/// Search results beyond this many say little (as the search box always had).
pub const SEARCH_LIMIT: u32 = 2000;

/// The filters and search the user set; `None` is "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProgramFilter {
    /// A track, or [`NONE`] for sessions without one.
    pub track: Option<String>,
    pub kind: Option<SessionKind>,
    /// A room, or [`NONE`] for sessions without one.
    pub room: Option<String>,
    /// What was typed in the search; `None` or blank when not searching.
    pub search: Option<String>,
}

/// What a filter looks at in a session.
pub(crate) struct Facts<'a> {
    /// Inside another session (a talk, a poster).
    pub nested: bool,
    pub kind: SessionKind,
    pub room: Option<&'a str>,
    pub track: Option<&'a str>,
    /// The venue day it starts on.
    pub day: NaiveDate,
}

/// One of the narrowing choices, left out when counting its own options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Facet {
    Day,
    Track,
    Kind,
    Room,
}

impl Facts<'_> {
    pub fn value(&self, facet: Facet) -> &str {
        match facet {
            Facet::Kind => self.kind.as_str(),
            Facet::Room => self.room.unwrap_or(NONE),
            Facet::Track => self.track.unwrap_or(NONE),
            Facet::Day => "",
        }
    }
}

/// Whether a session passes the day and the filters, leaving out `except`.
pub(crate) fn passes(s: &Facts, f: &ProgramFilter, day: Option<NaiveDate>, except: Option<Facet>) -> bool {
    let open = |facet| except != Some(facet);
    if open(Facet::Day) && day.is_some_and(|d| d != s.day) {
        return false;
    }
    if open(Facet::Track) && f.track.as_deref().is_some_and(|t| t != s.value(Facet::Track)) {
        return false;
    }
    if open(Facet::Kind) && f.kind.is_some_and(|k| k != s.kind) {
        return false;
    }
    if open(Facet::Room) && f.room.as_deref().is_some_and(|r| r != s.value(Facet::Room)) {
        return false;
    }
    true
}

/// The search's matches (best first when few), when the user is searching.
pub(crate) async fn ranked(store: &Store, congress_id: CongressId, f: &ProgramFilter) -> Result<Option<Matches>> {
    match f.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(typed) => Ok(Some(super::search_matches(store, congress_id, typed, SEARCH_LIMIT).await?)),
    }
}

/// The order the filter menus list their options in: "none" last, then
/// by name with numbers in number order ("Room 2" before "Room 10"),
/// case aside.
pub(crate) fn option_order(a: &str, b: &str) -> Ordering {
    (a == NONE).cmp(&(b == NONE)).then_with(|| natural(a, b)).then_with(|| a.cmp(b))
}

fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let n = number(&mut x);
                let m = number(&mut y);
                let by = n.trim_start_matches('0').len().cmp(&m.trim_start_matches('0').len());
                let by = by.then_with(|| n.trim_start_matches('0').cmp(m.trim_start_matches('0')));
                if by != Ordering::Equal {
                    return by;
                }
            }
            (Some(c), Some(d)) => {
                let by = c.to_lowercase().cmp(d.to_lowercase());
                if by != Ordering::Equal {
                    return by;
                }
                x.next();
                y.next();
            }
        }
    }
}

fn number(chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    let mut digits = String::new();
    while let Some(c) = chars.peek().copied().filter(char::is_ascii_digit) {
        digits.push(c);
        chars.next();
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_list_none_last_and_numbers_in_number_order() {
        let mut rooms = vec![NONE, "Room 10", "hall B", "Room 2", "Hall A", "Poster Hall"];
        rooms.sort_by(|a, b| option_order(a, b));
        assert_eq!(rooms, ["Hall A", "hall B", "Poster Hall", "Room 2", "Room 10", NONE]);
    }

    #[test]
    fn a_session_passes_the_filters_left_when_one_is_counted() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let s = Facts { nested: false, kind: SessionKind::Oral, room: None, track: Some("AML"), day };
        let f = ProgramFilter { track: Some("AML".into()), room: Some(NONE.into()), ..Default::default() };
        assert!(passes(&s, &f, Some(day), None));
        let other = ProgramFilter { kind: Some(SessionKind::Poster), ..f.clone() };
        assert!(!passes(&s, &other, Some(day), None));
        assert!(passes(&s, &other, Some(day), Some(Facet::Kind)));
        assert!(!passes(&s, &f, day.succ_opt(), None));
        assert!(passes(&s, &f, day.succ_opt(), Some(Facet::Day)));
    }
}
