//! Reads c3voc `schedule.json`, the JSON twin of frab's `schedule.xml` that
//! pretalx, frab and the c3voc hub export: version 1 nests events in
//! `conference.days[].rooms{name: [event…]}`; the hub's version 2 lists them
//! in `schedule.events` with ISO `start`/`end`, `room`/`track` objects and
//! `participants` with roles. Both shapes are read, by the same event type.
//!
//! The document is parsed once with serde into borrowed structs whose
//! events are left as raw JSON slices; each slice's address in the text
//! gives the exact line of its `{`, and is then parsed as an event. The
//! event rules (times, titles, errors) are frab's, shared from
//! `frab_xml::event`.

mod loose;

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::value::RawValue;

use self::loose::{Loose, Many, NameRef, PersonRef};
use super::frab_xml::event::{Frame, RawEvent, Syntax};
use super::frab_xml::lines::Lines;
use super::frab_xml::times::{self, Stamp};
use super::item::{ItemPerson, PersonRole, ProgramItem, ReadContext, ReadError};

const NOT_A_SCHEDULE: &str = "this JSON is not a c3voc/pretalx schedule";

#[derive(Deserialize)]
struct Document<'a> {
    #[serde(borrow)]
    schedule: Option<Schedule<'a>>,
}

#[derive(Deserialize)]
struct Schedule<'a> {
    #[serde(borrow)]
    conference: Option<Conference<'a>>,
    /// Schedule v2 (c3voc hub): the events, outside the days.
    #[serde(borrow, default)]
    events: Option<Vec<&'a RawValue>>,
}

#[derive(Deserialize)]
struct Conference<'a> {
    #[serde(default)]
    time_zone_name: Loose,
    #[serde(borrow)]
    days: Option<Vec<Day<'a>>>,
    #[serde(default)]
    rooms: Many<NameRef>,
    #[serde(default)]
    tracks: Many<NameRef>,
}

#[derive(Deserialize)]
struct Day<'a> {
    #[serde(default)]
    date: Loose,
    #[serde(default)]
    day_start: Loose,
    /// Schedule v2 spells `day_start` as `start`.
    #[serde(default)]
    start: Loose,
    #[serde(borrow, default)]
    rooms: Option<BTreeMap<String, Vec<&'a RawValue>>>,
}

/// One event, in any of the shapes exporters write.
#[derive(Deserialize, Default)]
#[serde(default)]
struct EventJson {
    guid: Loose,
    id: Loose,
    code: Loose,
    date: Loose,
    start: Loose,
    end: Loose,
    duration: Loose,
    room: NameRef,
    title: Loose,
    subtitle: Loose,
    track: NameRef,
    #[serde(rename = "type")]
    kind: Loose,
    #[serde(rename = "abstract")]
    abstract_text: Loose,
    description: Loose,
    url: Loose,
    persons: Many<PersonRef>,
    participants: Many<PersonRef>,
    state: Loose,
}

/// Reads every event of a c3voc/pretalx `schedule.json`.
pub fn read(text: &str, _ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
    let lines = Lines::new(text);
    if text.trim_start().starts_with('[') {
        serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|err| json_error(&err, "", &lines))?;
        return Err(ReadError::new(format!(
            "{NOT_A_SCHEDULE}: it is a list, and a schedule is an object holding \"schedule\""
        )));
    }
    let document: Document = serde_json::from_str(text).map_err(|err| json_error(&err, NOT_A_SCHEDULE, &lines))?;
    let Some(schedule) = document.schedule else {
        return Err(ReadError::new(format!("{NOT_A_SCHEDULE} (it has no \"schedule\" object)")));
    };
    let Some(conference) = schedule.conference else {
        return Err(ReadError::new(format!("{NOT_A_SCHEDULE} (it has no schedule.conference)")));
    };
    let Some(days) = conference.days else {
        return Err(ReadError::new(format!("{NOT_A_SCHEDULE} (it has no schedule.conference.days)")));
    };
    let reader = EventReader {
        text,
        lines,
        rooms: guid_names(&conference.rooms.0, NameRef::guid),
        tracks: guid_names(&conference.tracks.0, NameRef::slug),
    };
    let zone = conference.time_zone_name.0.as_deref().and_then(crate::time::parse_zone);

    let mut items = Vec::new();
    for day in days {
        let day_start = day.day_start.0.or(day.start.0);
        let frame = Frame {
            day: match day.date.0.as_deref().and_then(times::parse_stamp) {
                Some(Stamp::Day(date)) => Some(date),
                _ => None,
            },
            day_start: match day_start.as_deref().and_then(times::parse_stamp) {
                Some(Stamp::Exact(at)) => Some(at),
                _ => None,
            },
            zone,
        };
        for (room, events) in day.rooms.unwrap_or_default() {
            for event in events {
                items.push(reader.read(event, Some(&room), &frame)?);
            }
        }
    }
    let frame = Frame { zone, ..Frame::default() };
    for event in schedule.events.unwrap_or_default() {
        items.push(reader.read(event, None, &frame)?);
    }
    // Rooms come out of the map sorted by name; give them back in file order.
    items.sort_by_key(|item| item.line);
    Ok(items)
}

/// What every event of the document is read with.
struct EventReader<'a> {
    text: &'a str,
    lines: Lines,
    /// Room names by guid (v2 events may name their room only by guid).
    rooms: HashMap<String, String>,
    /// Track names by slug (v2 events name their track only by slug).
    tracks: HashMap<String, String>,
}

impl EventReader<'_> {
    fn read(&self, event: &RawValue, room: Option<&str>, frame: &Frame) -> Result<ProgramItem, ReadError> {
        let json = event.get();
        // The raw value is a slice of `text`: its address is its offset.
        let offset = (json.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let line = self.lines.at(offset.min(self.text.len()));
        let event: EventJson = serde_json::from_str(json).map_err(|err| {
            let message = format!("this event is not a schedule.json event: {}", bare_message(&err));
            ReadError::at_line(line + err.line().saturating_sub(1), message)
        })?;
        self.raw(event, line, room).into_item(frame, Syntax::Json)
    }

    fn raw(&self, event: EventJson, line: usize, day_room: Option<&str>) -> RawEvent {
        let (mut date, mut start) = (event.date.0, event.start.0);
        if date.is_none() && start.as_deref().is_some_and(times::is_date_time) {
            date = start.take(); // schedule v2: `start` is the full date-time
        }
        let room = (event.room.name().map(str::to_owned))
            .or_else(|| event.room.guid().and_then(|guid| self.rooms.get(guid)).cloned())
            .or_else(|| day_room.map(str::to_owned));
        let track = (event.track.name().map(str::to_owned))
            .or_else(|| event.track.slug().map(|slug| self.tracks.get(slug).map_or(slug, String::as_str).to_owned()));
        let people = (event.persons.0.iter().map(|person| (person, PersonRole::Speaker)))
            .chain(event.participants.0.iter().map(|person| (person, role(person.role()))))
            .filter_map(|(person, role)| Some(ItemPerson { name: person.name()?.to_owned(), role }))
            .collect();
        let cancelled = event.state.0.as_deref().is_some_and(|state| {
            ["canceled", "cancelled", "withdrawn", "deleted", "rejected"]
                .contains(&state.trim().to_lowercase().as_str())
        });
        RawEvent {
            line,
            guid: event.guid.0,
            id: event.id.0.or(event.code.0),
            date,
            start,
            end: event.end.0,
            duration: event.duration.0,
            room,
            title: event.title.0,
            subtitle: event.subtitle.0,
            track,
            kind: event.kind.0,
            abstract_text: event.abstract_text.0,
            description: event.description.0,
            url: event.url.0,
            people,
            cancelled,
        }
    }
}

/// A hub participant's role as Hallway's: moderators and hosts chair,
/// contributors are authors, speakers and guests (and anyone else) speak.
fn role(role: Option<&str>) -> PersonRole {
    match role.map(|r| r.trim().to_ascii_lowercase()).as_deref() {
        Some("moderator" | "host" | "chair") => PersonRole::Chair,
        Some("contributor" | "author") => PersonRole::Author,
        _ => PersonRole::Speaker,
    }
}

/// Names of the conference's rooms or tracks, by the key events use.
fn guid_names(list: &[NameRef], key: fn(&NameRef) -> Option<&str>) -> HashMap<String, String> {
    list.iter().filter_map(|named| Some((key(named)?.to_owned(), named.name()?.to_owned()))).collect()
}

/// serde_json's error in words, at its line and column.
fn json_error(err: &serde_json::Error, data_prefix: &str, lines: &Lines) -> ReadError {
    use serde_json::error::Category;
    let line = err.line().max(1).min(lines.last());
    let message = match err.classify() {
        Category::Eof => "the file ends in the middle of the JSON; it looks cut off".to_owned(),
        Category::Data if !data_prefix.is_empty() => format!("{data_prefix}: {}", bare_message(err)),
        _ => format!("the JSON is malformed: {}", bare_message(err)),
    };
    let error = ReadError::at_line(line, message);
    if err.column() > 0 {
        error.with_location(format!("column {}", err.column()))
    } else {
        error
    }
}

/// serde_json's message without its " at line L column C" tail.
fn bare_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests;
