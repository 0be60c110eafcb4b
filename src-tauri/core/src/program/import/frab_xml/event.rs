//! One frab event, whichever file it came from, and how it becomes a
//! [`ProgramItem`]. pretalx's and the c3voc hub's `schedule.json` are frab's
//! `schedule.xml` in JSON clothes, so the XML and JSON readers only collect
//! the strings they find into a [`RawEvent`]; the rules live here once:
//! which time wins (an offset-bearing `date`, else the day's date and
//! `start` in the conference zone, rolled past midnight when the day began
//! the evening before), how title and subtitle, abstract and description
//! combine, and how a bad value is reported.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::times::{self, Stamp};
use crate::program::import::item::{ItemPerson, ProgramItem, ReadError, SourceTime};

/// How the reader spells a field in a location: `<duration>` or `"duration"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    Xml,
    Json,
}

impl Syntax {
    fn field(self, name: &str) -> String {
        match self {
            Syntax::Xml => format!("<{name}>"),
            Syntax::Json => format!("\"{name}\""),
        }
    }
}

/// What an event inherits from its day and its conference.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Frame {
    /// The day's calendar date (`<day date>`, `"date"`).
    pub day: Option<NaiveDate>,
    /// When the day begins (`<day start>`, `"day_start"`): events before
    /// its clock time belong to the next calendar date.
    pub day_start: Option<DateTime<FixedOffset>>,
    /// The conference's `time_zone_name`, when it is a known IANA zone.
    pub zone: Option<Tz>,
}

/// An event's fields as strings, before any of them is trusted.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawEvent {
    /// 1-based line of the event's `<event` or `{`.
    pub line: usize,
    pub guid: Option<String>,
    pub id: Option<String>,
    /// ISO 8601 date-time (frab `<date>`, JSON `date`, hub v2 `start`).
    pub date: Option<String>,
    /// Clock time "HH:MM" on the day.
    pub start: Option<String>,
    /// ISO 8601 date-time (JSON `end`).
    pub end: Option<String>,
    pub duration: Option<String>,
    pub room: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub track: Option<String>,
    pub kind: Option<String>,
    pub abstract_text: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub people: Vec<ItemPerson>,
    pub cancelled: bool,
}

impl RawEvent {
    /// The item, or why this event cannot become one.
    pub(crate) fn into_item(self, frame: &Frame, syntax: Syntax) -> Result<ProgramItem, ReadError> {
        let label = self.label();
        let fail = |field: &str, message: String| {
            Err(ReadError::at_line(self.line, message).with_location(syntax.field(field)))
        };
        let Some(title) = clean(self.title.as_deref()) else {
            return fail("title", format!("{label} has no title"));
        };
        let starts = match self.starts(frame, &label) {
            Ok(starts) => starts,
            Err((field, message)) => return fail(field, message),
        };
        let ends = match clean(self.end.as_deref()) {
            None => None,
            Some(end) => match times::parse_stamp(&end) {
                Some(Stamp::Exact(at)) => Some(SourceTime::Instant(at.to_utc())),
                Some(Stamp::Wall(wall)) => Some(wall_time(wall, frame)),
                Some(Stamp::Day(_)) => None,
                None => return fail("end", format!("{label}: end '{end}' is not an ISO 8601 date and time")),
            },
        };
        let duration_minutes = match clean(self.duration.as_deref()) {
            None => None,
            Some(text) => match times::parse_duration(&text) {
                Some(minutes) => Some(minutes),
                None => return fail("duration", format!("{label}: duration '{text}' is not HH:MM")),
            },
        };

        let mut item = ProgramItem::new(full_title(title, clean(self.subtitle.as_deref())), starts, self.line);
        item.source_id = clean(self.guid.as_deref()).or_else(|| clean(self.id.as_deref()));
        item.kind_hint = clean(self.kind.as_deref());
        item.ends = ends;
        item.duration_minutes = duration_minutes;
        item.room = clean(self.room.as_deref());
        item.track = clean(self.track.as_deref());
        item.description = combine(self.abstract_text.as_deref(), self.description.as_deref());
        item.url = clean(self.url.as_deref());
        item.cancelled = self.cancelled;
        for person in self.people {
            let name = person.name.trim();
            if !name.is_empty() && !item.people.iter().any(|p| p.name == name && p.role == person.role) {
                item.people.push(ItemPerson { name: name.to_owned(), role: person.role });
            }
        }
        Ok(item)
    }

    /// When the event starts; on failure, the field at fault and the message.
    fn starts(&self, frame: &Frame, label: &str) -> Result<SourceTime, (&'static str, String)> {
        let mut day = frame.day;
        if let Some(date) = clean(self.date.as_deref()) {
            match times::parse_stamp(&date) {
                Some(Stamp::Exact(at)) => return Ok(SourceTime::Instant(at.to_utc())),
                Some(Stamp::Wall(wall)) => return Ok(wall_time(wall, frame)),
                Some(Stamp::Day(date)) => day = Some(date),
                None => return Err(("date", format!("{label}: date '{date}' is not an ISO 8601 date and time"))),
            }
        }
        let Some(start) = clean(self.start.as_deref()) else {
            return Err(("start", format!("{label} has no start time")));
        };
        let Some((extra_days, clock)) = times::parse_clock(&start) else {
            return Err(("start", format!("{label}: start '{start}' is not HH:MM")));
        };
        let day_start = frame.day_start.map(|at| match frame.zone {
            Some(zone) => at.with_timezone(&zone).naive_local(),
            None => at.naive_local(),
        });
        let Some(day) = day.or(day_start.map(|at| at.date())) else {
            return Err((
                "start",
                format!("{label}: start {start} has no date (neither the event nor its day gives one)"),
            ));
        };
        // A day that begins in the evening (or at 04:00) holds the small
        // hours of the next calendar date: "00:30" there is tomorrow.
        let rolls_over = extra_days == 0 && day_start.is_some_and(|at| at.date() == day && clock < at.time());
        let date = day.checked_add_days(Days::new(u64::from(extra_days) + u64::from(rolls_over)));
        let Some(date) = date else {
            return Err(("start", format!("{label}: start {start} falls outside the calendar")));
        };
        Ok(wall_time(date.and_time(clock), frame))
    }

    /// How messages name this event: "event 1234", else by guid or title.
    fn label(&self) -> String {
        if let Some(id) = clean(self.id.as_deref()) {
            format!("event {id}")
        } else if let Some(guid) = clean(self.guid.as_deref()) {
            format!("event {guid}")
        } else if let Some(title) = clean(self.title.as_deref()) {
            format!("event \u{201C}{title}\u{201D}")
        } else {
            "an event".to_owned()
        }
    }
}

/// Wall-clock time in the conference zone; without a zone name, at the
/// day's offset (exact but for a DST change within the day); else floating.
fn wall_time(wall: NaiveDateTime, frame: &Frame) -> SourceTime {
    if let Some(zone) = frame.zone {
        return SourceTime::Zoned(wall, zone);
    }
    match frame.day_start.map(|at| wall.and_local_timezone(*at.offset())) {
        Some(chrono::LocalResult::Single(at)) => SourceTime::Instant(at.with_timezone(&Utc)),
        _ => SourceTime::Floating(wall),
    }
}

/// Trimmed, or `None` when blank.
pub(crate) fn clean(value: Option<&str>) -> Option<String> {
    let value = value?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// "Title — Subtitle", or "Title: Subtitle" when the title already ends in
/// punctuation; the subtitle is dropped when the title already holds it.
fn full_title(title: String, subtitle: Option<String>) -> String {
    match subtitle {
        Some(subtitle) if !title.to_lowercase().contains(&subtitle.to_lowercase()) => {
            if title.ends_with([':', '-', '\u{2013}', '\u{2014}', ',', ';']) {
                format!("{title} {subtitle}")
            } else {
                format!("{title} \u{2014} {subtitle}")
            }
        }
        _ => title,
    }
}

/// The abstract and the description, blank-line separated; only one when
/// they are the same or one begins with the other.
fn combine(abstract_text: Option<&str>, description: Option<&str>) -> Option<String> {
    match (tidy(abstract_text), tidy(description)) {
        (Some(a), Some(d)) if d.starts_with(&a) => Some(d),
        (Some(a), Some(d)) if a.starts_with(&d) => Some(a),
        (Some(a), Some(d)) => Some(format!("{a}\n\n{d}")),
        (a, d) => a.or(d),
    }
}

/// Line ends as `\n` and HTML line breaks (which some generators put in
/// descriptions) as newlines; trimmed; `None` when blank.
fn tidy(text: Option<&str>) -> Option<String> {
    let text = text?;
    if !text.contains(['\r', '<']) {
        return clean(Some(text));
    }
    let mut out = text.replace("\r\n", "\n").replace('\r', "\n");
    for br in ["<br />", "<br/>", "<br>", "<BR />", "<BR/>", "<BR>"] {
        out = out.replace(br, "\n");
    }
    clean(Some(&out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::import::item::PersonRole;

    fn event(date: Option<&str>, start: Option<&str>) -> RawEvent {
        RawEvent {
            line: 7,
            id: Some("1234".into()),
            title: Some("Bispecifics in myeloma".into()),
            date: date.map(Into::into),
            start: start.map(Into::into),
            ..RawEvent::default()
        }
    }

    fn madrid_day(day_start: Option<&str>) -> Frame {
        Frame {
            day: NaiveDate::from_ymd_opt(2027, 6, 11),
            day_start: day_start.map(|s| DateTime::parse_from_rfc3339(s).unwrap()),
            zone: Some(chrono_tz::Europe::Madrid),
        }
    }

    fn utc(item: &ProgramItem) -> String {
        match &item.starts {
            SourceTime::Instant(at) => at.to_rfc3339(),
            SourceTime::Zoned(wall, zone) => wall.and_local_timezone(*zone).unwrap().to_utc().to_rfc3339(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn date_with_offset_wins_over_day_and_start() {
        let item = event(Some("2027-06-12T00:30:00+02:00"), Some("09:00")).into_item(&madrid_day(None), Syntax::Xml);
        assert_eq!(utc(&item.unwrap()), "2027-06-11T22:30:00+00:00");
    }

    #[test]
    fn small_hours_roll_over_when_the_day_starts_the_evening_before() {
        let frame = madrid_day(Some("2027-06-11T08:00:00+02:00"));
        let late = event(None, Some("00:30")).into_item(&frame, Syntax::Xml).unwrap();
        assert_eq!(late.starts, SourceTime::Zoned("2027-06-12T00:30:00".parse().unwrap(), chrono_tz::Europe::Madrid));
        let morning = event(None, Some("08:00")).into_item(&frame, Syntax::Xml).unwrap();
        assert_eq!(utc(&morning), "2027-06-11T06:00:00+00:00");
        let explicit = event(None, Some("24:30")).into_item(&frame, Syntax::Xml).unwrap();
        assert_eq!(explicit.starts, late.starts);
        // Without a day start there is nothing to roll over from.
        let plain = event(None, Some("00:30")).into_item(&madrid_day(None), Syntax::Xml).unwrap();
        assert_eq!(utc(&plain), "2027-06-10T22:30:00+00:00");
    }

    #[test]
    fn without_a_zone_the_day_offset_then_floating() {
        let mut frame = madrid_day(Some("2027-06-11T08:00:00+02:00"));
        frame.zone = None;
        let item = event(None, Some("10:00")).into_item(&frame, Syntax::Xml).unwrap();
        assert_eq!(utc(&item), "2027-06-11T08:00:00+00:00");
        frame.day_start = None;
        let item = event(None, Some("10:00")).into_item(&frame, Syntax::Xml).unwrap();
        assert_eq!(item.starts, SourceTime::Floating("2027-06-11T10:00:00".parse().unwrap()));
    }

    #[test]
    fn bad_values_name_the_event_and_field() {
        let frame = madrid_day(None);
        let mut bad = event(None, Some("10:00"));
        bad.duration = Some("1h".into());
        let err = bad.into_item(&frame, Syntax::Xml).unwrap_err();
        assert_eq!(err.to_string(), "line 7, <duration>: event 1234: duration '1h' is not HH:MM");
        let err = event(None, None).into_item(&frame, Syntax::Json).unwrap_err();
        assert_eq!(err.to_string(), "line 7, \"start\": event 1234 has no start time");
        let err = event(None, Some("ten")).into_item(&frame, Syntax::Xml).unwrap_err();
        assert_eq!(err.message, "event 1234: start 'ten' is not HH:MM");
        let err = event(Some("soon"), Some("10:00")).into_item(&frame, Syntax::Xml).unwrap_err();
        assert_eq!(err.location.as_deref(), Some("<date>"));
        let mut untitled = event(None, Some("10:00"));
        untitled.title = Some("  ".into());
        assert_eq!(untitled.into_item(&frame, Syntax::Xml).unwrap_err().message, "event 1234 has no title");
        let mut undated = event(None, Some("10:00"));
        undated.id = None;
        let err = undated.into_item(&Frame::default(), Syntax::Xml).unwrap_err();
        assert!(err.message.starts_with("event \u{201C}Bispecifics in myeloma\u{201D}: start 10:00 has no date"));
    }

    #[test]
    fn titles_descriptions_and_people() {
        assert_eq!(full_title("CAR-T".into(), Some("Where next".into())), "CAR-T \u{2014} Where next");
        assert_eq!(full_title("Need for speed:".into(), Some("AI".into())), "Need for speed: AI");
        assert_eq!(full_title("CAR-T: where next".into(), Some("Where next".into())), "CAR-T: where next");
        assert_eq!(combine(Some("A."), Some("A. More.")).as_deref(), Some("A. More."));
        assert_eq!(combine(Some(" A. "), Some("B.")).as_deref(), Some("A.\n\nB."));
        assert_eq!(combine(Some(""), Some("x<br />y\r\nz")).as_deref(), Some("x\ny\nz"));
        assert_eq!(combine(None, Some("  ")), None);

        let mut raw = event(None, Some("10:00"));
        let speaker = |name: &str| ItemPerson { name: name.into(), role: PersonRole::Speaker };
        raw.people = vec![speaker(" Ana Sánchez "), speaker("Ana Sánchez"), speaker("")];
        raw.guid = Some(" ".into());
        let item = raw.into_item(&madrid_day(None), Syntax::Xml).unwrap();
        assert_eq!(item.people, vec![speaker("Ana Sánchez")]);
        assert_eq!(item.source_id.as_deref(), Some("1234"));
    }
}
