//! iCalendar (RFC 5545) program reader: VEVENTs to program items. The file
//! goes through four steps, each in its own module: `unfold` joins folded
//! lines at the byte level and decodes the text; `prepare` turns the lines
//! into a clean input for the `ical` crate's parser and checks the nesting;
//! `event` reads each VEVENT (times through `zones`, `vtimezone` and
//! `windows`); this module then keeps the newest version of each UID, expands
//! recurring events (`recur`) over the congress days, applies RECURRENCE-ID
//! overrides, and builds the items.
//!
//! Decisions: a DTEND before DTSTART is dropped (the item gets the default
//! length) rather than swapped, since the start is what programs get right;
//! an all-day DTEND on or before its DTSTART is dropped too. CATEGORIES go
//! to `kind_hint`, all of them joined with ", "; when there are several, the
//! first is also the `track` (an X-TRACK property wins). Non-recurring
//! events are kept whatever their date; only recurring ones are limited to
//! the congress days. An instance's source id is "UID/<start as UTC RFC
//! 3339>" ("UID/2026-12-05T17:15:00Z"; all-day: "UID/2026-12-05"; floating
//! times are read in the congress zone), and an override keeps the id of the
//! instance it replaces, so a moved session stays the same session. Fields
//! an override leaves out come from its series.
//!
//! A UID that stands on several VEVENTs without RECURRENCE-ID means two
//! things in real files: versions of one event (RFC 5545: the highest
//! SEQUENCE is the current one), or a generator that reuses one UID for
//! different talks (hand-made and older camp schedules). So only copies with
//! a lower SEQUENCE than another copy are dropped, and reported as older
//! versions; copies with the same SEQUENCE are all kept, and the import
//! tells them apart by their start.

mod event;
mod prepare;
mod recur;
mod speakers;
mod unfold;
mod values;
mod vtimezone;
mod windows;
mod zones;

use super::item::{ProgramItem, ReadContext, ReadError};
use super::skip::{Skip, SkipReason};
use event::Event;
use std::collections::{HashMap, HashSet};
use zones::{Dt, Frame, Key, Zones};

/// Reads the VEVENTs of an iCalendar file as program items (an empty list
/// for a calendar without events), with the events left out: older
/// versions that a newer SEQUENCE of the same UID replaces, and events
/// without DTSTART (iTIP replies and cancellations may leave it out). A
/// file none of whose events has a start is refused, naming the first.
pub fn read(bytes: &[u8], ctx: &ReadContext) -> Result<Reading, ReadError> {
    let lines = unfold::unfold_and_decode(bytes)?;
    let prepared = prepare::prepare(&lines)?;
    drop(lines);
    let calendars = ical::IcalParser::new(prepared.text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ReadError::new(format!("the calendar could not be read ({e})")))?;
    let mut zones = Zones::new(&calendars, ctx.zone);
    let mut events = Vec::new();
    let mut no_start = Vec::new();
    let mut event_lines = prepared.events.iter();
    for calendar in &calendars {
        let x_wr = calendar.properties.iter().find(|p| p.name == "X-WR-TIMEZONE").and_then(|p| p.value.as_deref());
        let floating = zones.floating(x_wr);
        for vevent in &calendar.events {
            let lines = event_lines.next().ok_or_else(|| ReadError::new("the calendar could not be read"))?;
            if !vevent.properties.iter().any(|p| p.name == "DTSTART") {
                let summary = vevent.properties.iter().find(|p| p.name == "SUMMARY").and_then(|p| p.value.as_deref());
                let title = values::text_field(summary).unwrap_or_else(|| "(untitled)".to_owned());
                no_start.push(Skip { title, starts: None, line: lines.begin, reason: SkipReason::NoStart });
                continue;
            }
            events.push(event::read_event(vevent, lines, &mut zones, floating)?);
        }
    }
    if let (true, Some(first)) = (events.is_empty(), no_start.first()) {
        return Err(ReadError::at_line(first.line, "the event has no DTSTART").with_location("VEVENT"));
    }
    let people = speakers::place_speakers(&mut events);
    let mut reading = assemble(&events, &zones, ctx)?;
    reading.skipped.extend(no_start);
    reading.notes.extend(people);
    Ok(reading)
}

/// The items of a calendar, and the events left out.
pub struct Reading {
    pub items: Vec<ProgramItem>,
    pub skipped: Vec<Skip>,
    /// What the reader decided that the import report should say.
    pub notes: Vec<String>,
}

/// Events to items: newest versions per UID, series expanded, overrides applied.
fn assemble(events: &[Event], zones: &Zones, ctx: &ReadContext) -> Result<Reading, ReadError> {
    // The SEQUENCE of each UID's (and each UID + RECURRENCE-ID's) newest
    // version: copies below it are older versions.
    let mut newest: HashMap<(&str, Option<Key>), i64> = HashMap::new();
    for e in events {
        let Some(uid) = e.uid.as_deref() else { continue };
        let rid = e.recurrence_id.map(|r| zones.key(r));
        let sequence = newest.entry((uid, rid)).or_insert(e.sequence);
        *sequence = (*sequence).max(e.sequence);
    }
    let kept = |i: usize| {
        events[i].uid.as_deref().is_none_or(|uid| {
            let rid = events[i].recurrence_id.map(|r| zones.key(r));
            newest.get(&(uid, rid)).is_none_or(|&sequence| events[i].sequence >= sequence)
        })
    };
    let mut skipped = Vec::new();
    let mut overrides: HashMap<&str, Vec<&Event>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if let (Some(uid), Some(_)) = (e.uid.as_deref(), e.recurrence_id) {
            if kept(i) {
                overrides.entry(uid).or_default().push(e);
            }
        }
    }
    let masters: HashSet<&str> =
        events.iter().filter(|e| e.recurrence_id.is_none()).filter_map(|e| e.uid.as_deref()).collect();

    let mut items = Vec::new();
    let mut budget = recur::Budget::default();
    for (i, e) in events.iter().enumerate() {
        if !kept(i) {
            skipped.push(Skip::of(&item(e, None, e.start, e.uid.clone(), zones), SkipReason::OlderVersion));
            continue;
        }
        match (e.uid.as_deref(), e.recurrence_id) {
            (uid, None) => {
                let own = uid.and_then(|u| overrides.get(u)).map(Vec::as_slice).unwrap_or_default();
                series(e, own, zones, ctx, &mut budget, &mut items)?;
            }
            // Overrides are placed by their series.
            (Some(uid), Some(_)) if masters.contains(uid) => {}
            // An override without its series: one item on its own.
            (uid, Some(rid)) => {
                let source_id = uid.map(|u| format!("{u}/{}", zones.key(rid).id_part()));
                items.push(item(e, None, e.start, source_id, zones));
            }
        }
    }
    Ok(Reading { items, skipped, notes: Vec::new() })
}

/// The items of one event: itself, or its instances on the congress days
/// with overrides in place.
fn series(
    master: &Event,
    overrides: &[&Event],
    zones: &Zones,
    ctx: &ReadContext,
    budget: &mut recur::Budget,
    items: &mut Vec<ProgramItem>,
) -> Result<(), ReadError> {
    let frame = master.start.frame;
    let rid_key = |o: &Event| o.recurrence_id.map(|r| zones.key(zones.convert(r, frame)));
    let by_key: HashMap<Key, &Event> = overrides.iter().filter_map(|o| Some((rid_key(o)?, *o))).collect();
    let Some(instances) = recur::instances(master, zones, ctx, budget)? else {
        // A single event; an override of its one instance replaces it.
        let source = by_key.get(&zones.key(master.start)).copied();
        let item = match source {
            Some(o) => item(o, Some(master), o.start, master.uid.clone(), zones),
            None => item(master, None, master.start, master.uid.clone(), zones),
        };
        items.push(item);
        return Ok(());
    };
    let mut used = HashSet::new();
    let mut out: Vec<(Key, ProgramItem)> = Vec::new();
    let id = |key: Key| master.uid.as_ref().map(|u| format!("{u}/{}", key.id_part()));
    for start in instances {
        let key = zones.key(start);
        let (at, item) = match by_key.get(&key) {
            Some(o) => {
                used.insert(key);
                (zones.key(o.start), item(o, Some(master), o.start, id(key), zones))
            }
            None => (key, item(master, None, start, id(key), zones)),
        };
        out.push((at, item));
    }
    // Overrides moved onto the congress days from an instance outside them.
    for (&key, o) in &by_key {
        let day = zones.day(zones.key(o.start));
        if !used.contains(&key) && (ctx.first_day..=ctx.last_day).contains(&day) {
            out.push((zones.key(o.start), item(o, Some(master), o.start, id(key), zones)));
        }
    }
    out.sort_by_key(|(key, _)| *key);
    items.extend(out.into_iter().map(|(_, item)| item));
    Ok(())
}

/// One item from `event` starting at `start` (an instance of it, or its own
/// start). `master` is the series an override belongs to: fields the
/// override leaves out are taken from it.
fn item(event: &Event, master: Option<&Event>, start: Dt, source_id: Option<String>, zones: &Zones) -> ProgramItem {
    let pick = |f: fn(&Event) -> &Option<String>| f(event).clone().or_else(|| master.and_then(|m| f(m).clone()));
    let title = pick(|e| &e.title).unwrap_or_else(|| "(untitled)".to_owned());
    let mut item = ProgramItem::new(title, zones.to_source(start), event.line);
    item.source_id = source_id;
    item.room = pick(|e| &e.room);
    item.description = pick(|e| &e.description);
    item.url = pick(|e| &e.url);
    item.abstract_number = pick(|e| &e.abstract_number);
    item.parent = pick(|e| &e.parent);
    item.board = pick(|e| &e.board);
    let categories = if event.categories.is_empty() {
        master.map_or(&event.categories, |m| &m.categories)
    } else {
        &event.categories
    };
    if !categories.is_empty() {
        item.kind_hint = Some(categories.join(", "));
    }
    item.track = pick(|e| &e.track).or_else(|| (categories.len() > 1).then(|| categories[0].clone()));
    item.people = if event.people.is_empty() {
        master.map(|m| m.people.clone()).unwrap_or_default()
    } else {
        event.people.clone()
    };
    item.cancelled = event.cancelled || master.is_some_and(|m| m.cancelled);

    // The end: the event's own, moved with the instance, or the series'.
    let timing = if event.end.is_some() || event.duration.is_some() { event } else { master.unwrap_or(event) };
    if let Some(end) = timing.end {
        let end = if start == event.start && std::ptr::eq(timing, event) {
            end
        } else {
            // Keep the series' length, in the instance's frame.
            let end = zones.convert(end, timing.start.frame);
            Dt { naive: start.naive + (end.naive - timing.start.naive), frame: start.frame }
        };
        let ends_after = match (start.frame, end.frame) {
            (Frame::Date, _) | (_, Frame::Date) => end.naive.date() > start.naive.date(),
            _ => zones.to_utc(end) >= zones.to_utc(start),
        };
        if ends_after {
            item.ends = Some(zones.to_source(end));
        }
    } else if let Some(seconds) = timing.duration.filter(|s| *s >= 0) {
        item.duration_minutes = u32::try_from(seconds / 60).ok();
    }
    item
}

#[cfg(test)]
mod tests;
