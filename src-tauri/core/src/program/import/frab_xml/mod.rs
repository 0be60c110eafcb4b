//! Reads frab/pentabarf `schedule.xml`, the program format of FOSDEM, the
//! CCC events and everything built on frab or pretalx, and a format
//! congresses can export or Hallway users can hand-write. The file is
//! streamed with quick-xml (a 9,000-event program must read in a fraction of
//! a second, so no DOM): each `<event>`'s direct children are collected into
//! a [`RawEvent`](event::RawEvent) and turned into an item when `</event>`
//! closes, with the `<day>` and `<conference>` around it as context.
//!
//! The submodules `event`, `times` and `lines` are shared with the
//! `schedule.json` reader, which is the same format in JSON.

pub(super) mod event;
pub(super) mod lines;
pub(super) mod times;

use chrono::{DateTime, NaiveDate};
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use self::event::{Frame, RawEvent, Syntax};
use self::lines::Lines;
use super::item::{ItemPerson, PersonRole, ProgramItem, ReadContext, ReadError};

/// Reads every event of a frab `schedule.xml`.
pub fn read(text: &str, _ctx: &ReadContext) -> Result<Vec<ProgramItem>, ReadError> {
    let lines = Lines::new(text);
    let mut reader = Reader::from_str(text);
    let mut state = State::default();
    loop {
        let event = reader.read_event().map_err(|err| {
            let line = lines.at(reader.error_position() as usize);
            malformed(&err, line, &state)
        })?;
        // The line of the tag's `<`: the reader is past its `>`, and the
        // tag itself may span lines.
        let tag_line = |tag: &BytesStart| {
            let newlines = tag.iter().filter(|&&b| b == b'\n').count();
            lines.at(reader.buffer_position() as usize) - newlines
        };
        match event {
            Event::Start(tag) => state.open(&tag, tag_line(&tag))?,
            Event::Empty(tag) => {
                state.open(&tag, tag_line(&tag))?;
                state.close()?;
            }
            Event::End(_) => state.close()?,
            Event::Text(text) if state.capturing() => {
                state.buf.push_str(&text.xml10_content().unwrap_or_default());
            }
            Event::CData(text) if state.capturing() => state.buf.push_str(&text.decode().unwrap_or_default()),
            Event::GeneralRef(entity) if state.capturing() => push_entity(&mut state.buf, &entity),
            Event::Eof => return state.finish(lines.last()),
            _ => {}
        }
        if state.done {
            return Ok(state.items);
        }
    }
}

/// What a direct child of `<event>` (or `<conference>`) is kept as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Date,
    Start,
    End,
    Duration,
    Room,
    Title,
    Subtitle,
    Track,
    Type,
    Abstract,
    Description,
    Url,
    Person,
    TimeZone,
}

impl Field {
    fn of_event_child(name: &[u8]) -> Option<Field> {
        Some(match name {
            b"date" => Field::Date,
            b"start" => Field::Start,
            b"end" => Field::End,
            b"duration" => Field::Duration,
            b"room" => Field::Room,
            b"title" => Field::Title,
            b"subtitle" => Field::Subtitle,
            b"track" => Field::Track,
            b"type" => Field::Type,
            b"abstract" => Field::Abstract,
            b"description" => Field::Description,
            b"url" => Field::Url,
            _ => return None,
        })
    }
}

/// An `<event>` being read.
struct OpenEvent {
    raw: RawEvent,
    depth: usize,
    /// `<event guid="…">`, for messages.
    tag: String,
    in_persons: bool,
}

/// Where the reader is in the document, and what it has read so far.
#[derive(Default)]
struct State {
    /// Depth of the element just opened (the root is 1).
    depth: usize,
    conference_depth: Option<usize>,
    zone: Option<chrono_tz::Tz>,
    /// The `<day>` around the reader, with its depth and tag for messages.
    day: Option<(Frame, usize, String)>,
    /// The `<room name>` around the reader, and its depth.
    room: Option<(String, usize)>,
    event: Option<OpenEvent>,
    /// The field whose text is being collected into `buf`, and its depth.
    field: Option<(Field, usize)>,
    buf: String,
    items: Vec<ProgramItem>,
    /// The root element has closed: whatever follows is not the schedule's.
    done: bool,
}

impl State {
    fn capturing(&self) -> bool {
        self.field.is_some()
    }

    fn open(&mut self, tag: &BytesStart, line: usize) -> Result<(), ReadError> {
        self.depth += 1;
        let name = tag.local_name();
        let name = name.as_ref();
        if self.depth == 1 {
            return check_root(name, line);
        }
        if self.field.is_some() {
            return Ok(()); // markup inside a field: its text joins the field's
        }
        if let Some(event) = &mut self.event {
            if self.depth == event.depth + 1 {
                event.in_persons = name == b"persons";
                self.field = Field::of_event_child(name).map(|field| (field, self.depth));
            } else if self.depth == event.depth + 2 && event.in_persons && name == b"person" {
                self.field = Some((Field::Person, self.depth));
            }
            self.buf.clear();
            return Ok(());
        }
        match name {
            b"conference" if self.depth == 2 => self.conference_depth = Some(self.depth),
            b"time_zone_name" if self.conference_depth == Some(self.depth - 1) => {
                self.buf.clear();
                self.field = Some((Field::TimeZone, self.depth));
            }
            b"day" => {
                let date = attribute(tag, b"date");
                let frame = Frame {
                    day: date.as_deref().and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()),
                    day_start: attribute(tag, b"start").and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok()),
                    zone: self.zone,
                };
                let label = match date {
                    Some(date) => format!("<day date=\"{date}\">"),
                    None => "<day>".to_owned(),
                };
                self.day = Some((frame, self.depth, label));
            }
            b"room" => self.room = Some((attribute(tag, b"name").unwrap_or_default(), self.depth)),
            b"event" => {
                let guid = attribute(tag, b"guid");
                let id = attribute(tag, b"id");
                let tag = match (&guid, &id) {
                    (Some(guid), _) => format!("<event guid=\"{guid}\">"),
                    (None, Some(id)) => format!("<event id=\"{id}\">"),
                    (None, None) => "<event>".to_owned(),
                };
                let raw = RawEvent { line, guid, id, ..RawEvent::default() };
                self.event = Some(OpenEvent { raw, depth: self.depth, tag, in_persons: false });
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), ReadError> {
        let depth = self.depth;
        self.depth -= 1;
        if let Some((field, field_depth)) = self.field {
            if field_depth != depth {
                return Ok(());
            }
            self.field = None;
            let text = std::mem::take(&mut self.buf);
            if field == Field::TimeZone {
                self.zone = crate::time::parse_zone(&text);
            } else if let Some(event) = &mut self.event {
                store(&mut event.raw, field, text);
            }
            return Ok(());
        }
        if self.event.as_ref().is_some_and(|event| event.depth == depth) {
            let Some(OpenEvent { mut raw, .. }) = self.event.take() else { return Ok(()) };
            if raw.room.as_deref().is_none_or(|room| room.trim().is_empty()) {
                raw.room = self.room.as_ref().map(|(name, _)| name.clone());
            }
            let frame =
                self.day.as_ref().map(|(frame, _, _)| *frame).unwrap_or(Frame { zone: self.zone, ..Frame::default() });
            self.items.push(raw.into_item(&frame, Syntax::Xml)?);
        } else if let Some(event) = &mut self.event {
            if depth == event.depth + 1 {
                event.in_persons = false;
            }
        } else if self.room.as_ref().is_some_and(|(_, room_depth)| *room_depth == depth) {
            self.room = None;
        } else if self.day.as_ref().is_some_and(|(_, day_depth, _)| *day_depth == depth) {
            self.day = None;
        } else if self.conference_depth == Some(depth) {
            self.conference_depth = None;
        }
        self.done = depth == 1;
        Ok(())
    }

    /// End of input: fine after `</schedule>`, a truncated file otherwise.
    fn finish(self, last_line: usize) -> Result<Vec<ProgramItem>, ReadError> {
        if self.depth == 0 && self.done {
            return Ok(self.items);
        }
        if self.depth == 0 {
            return Err(ReadError::new("this XML has no elements, so it is not a frab/pentabarf schedule"));
        }
        let inside = match (&self.event, &self.day) {
            (Some(event), _) => format!("{} (opened on line {})", event.tag, event.raw.line),
            (None, Some((_, _, day))) => day.clone(),
            (None, None) if self.conference_depth.is_some() => "<conference>".to_owned(),
            (None, None) => "<schedule>".to_owned(),
        };
        Err(ReadError::at_line(last_line, format!("the file ends inside {inside}; it looks cut off")))
    }
}

/// Puts a field's text where it belongs.
fn store(raw: &mut RawEvent, field: Field, text: String) {
    let slot = match field {
        Field::Person => {
            raw.people.push(ItemPerson { name: text, role: PersonRole::Speaker });
            return;
        }
        Field::Date => &mut raw.date,
        Field::Start => &mut raw.start,
        Field::End => &mut raw.end,
        Field::Duration => &mut raw.duration,
        Field::Room => &mut raw.room,
        Field::Title => &mut raw.title,
        Field::Subtitle => &mut raw.subtitle,
        Field::Track => &mut raw.track,
        Field::Type => &mut raw.kind,
        Field::Abstract => &mut raw.abstract_text,
        Field::Description => &mut raw.description,
        Field::Url => &mut raw.url,
        Field::TimeZone => return,
    };
    *slot = Some(text);
}

fn check_root(name: &[u8], line: usize) -> Result<(), ReadError> {
    match name {
        b"schedule" => Ok(()),
        b"html" | b"HTML" => Err(ReadError::at_line(
            line,
            "this is a web page (HTML), not a frab/pentabarf schedule; download the schedule.xml itself",
        )),
        _ => Err(ReadError::at_line(
            line,
            format!("this XML is not a frab/pentabarf schedule (root element <{}>)", String::from_utf8_lossy(name)),
        )),
    }
}

/// An attribute's unescaped value; a malformed attribute counts as absent.
fn attribute(tag: &BytesStart, name: &[u8]) -> Option<String> {
    let attr = tag.try_get_attribute(name).ok().flatten()?;
    match attr.decode_and_unescape_value(tag.decoder()) {
        Ok(value) => Some(value.into_owned()),
        Err(_) => Some(String::from_utf8_lossy(&attr.value).into_owned()),
    }
}

/// `&amp;`, `&#233;`, and the one HTML entity frab files carry (`&nbsp;`);
/// anything else is kept as written.
fn push_entity(buf: &mut String, entity: &BytesRef) {
    if let Ok(Some(c)) = entity.resolve_char_ref() {
        buf.push(c);
        return;
    }
    let name = String::from_utf8_lossy(entity);
    match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(text) => buf.push_str(text),
        None if name == "nbsp" => buf.push('\u{a0}'),
        None => {
            buf.push('&');
            buf.push_str(&name);
            buf.push(';');
        }
    }
}

/// quick-xml's complaint in words, at its line.
fn malformed(err: &XmlError, line: usize, state: &State) -> ReadError {
    let message = match err {
        XmlError::Syntax(SyntaxError::UnclosedTag | SyntaxError::UnclosedCData | SyntaxError::UnclosedComment) => {
            let inside = state.event.as_ref().map(|e| format!(" inside {}", e.tag)).unwrap_or_default();
            format!("the file ends in the middle of a tag{inside}; it looks cut off")
        }
        XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("</{found}> closes <{expected}>; the XML is malformed")
        }
        XmlError::IllFormed(IllFormedError::UnmatchedEndTag(tag)) => {
            format!("</{tag}> closes an element that was never opened; the XML is malformed")
        }
        other => format!("the XML is malformed: {other}"),
    };
    ReadError::at_line(line, message)
}

#[cfg(test)]
mod tests;
