//! One VEVENT, read into what Hallway keeps of it: its times (resolved
//! against the file's zones), its recurrence parts, and the program fields
//! (title, room, description, categories, people…). The people come from
//! "Speakers:"/"Chairs:"/"Moderator:" lines in DESCRIPTION and from ATTENDEEs
//! with ROLE=CHAIR. Ordinary ATTENDEEs are kept aside ([`Event::attendees`]):
//! a program may list its speakers that way, but a personal agenda lists its
//! owner on every event, so the file as a whole decides
//! ([`super::speakers`]). The ORGANIZER is never a speaker.

use super::prepare::EventLines;
use super::values::{parse_duration, split_list, text_field};
use super::zones::{Dt, Frame, Zones};
use crate::program::import::item::{ItemPerson, PersonRole, ReadError};
use ical::parser::ical::component::IcalEvent;
use ical::property::Property;

#[derive(Debug)]
pub(super) struct Event {
    /// Line of BEGIN:VEVENT.
    pub line: usize,
    pub uid: Option<String>,
    pub sequence: i64,
    pub recurrence_id: Option<Dt>,
    pub start: Dt,
    pub end: Option<Dt>,
    /// DURATION, in seconds.
    pub duration: Option<i64>,
    pub rrules: Vec<String>,
    pub rdates: Vec<Dt>,
    pub exdates: Vec<Dt>,
    pub title: Option<String>,
    pub room: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub categories: Vec<String>,
    pub track: Option<String>,
    pub abstract_number: Option<String>,
    pub people: Vec<ItemPerson>,
    /// ATTENDEEs that are neither chairs nor non-participants: speakers,
    /// unless the file shows them to be its owner.
    pub attendees: Vec<Attendee>,
    /// The ORGANIZER's address, lower case.
    pub organizer: Option<String>,
    /// The UID of the session holding this event: RELATED-TO with
    /// RELTYPE=PARENT, or with no RELTYPE (RFC 5545 reads that as parent).
    pub parent: Option<String>,
    /// X-POSTER-BOARD or X-BOARD.
    pub board: Option<String>,
    pub cancelled: bool,
}

#[cfg(test)]
impl Event {
    /// An event at an arbitrary time with nothing else, for tests to fill.
    pub fn empty_for_tests() -> Event {
        let naive =
            chrono::NaiveDate::from_ymd_opt(2026, 12, 6).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
        Event {
            line: 1,
            uid: None,
            sequence: 0,
            recurrence_id: None,
            start: Dt { naive, frame: super::zones::Frame::Floating },
            end: None,
            duration: None,
            rrules: Vec::new(),
            rdates: Vec::new(),
            exdates: Vec::new(),
            title: None,
            room: None,
            description: None,
            url: None,
            categories: Vec::new(),
            track: None,
            abstract_number: None,
            people: Vec::new(),
            attendees: Vec::new(),
            organizer: None,
            parent: None,
            board: None,
            cancelled: false,
        }
    }
}

/// An ordinary ATTENDEE: its CN (titles stripped) and address (lower case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Attendee {
    pub name: Option<String>,
    pub address: Option<String>,
}

pub(super) fn read_event(
    event: &IcalEvent,
    lines: &EventLines,
    zones: &mut Zones,
    floating: Frame,
) -> Result<Event, ReadError> {
    let props = &event.properties;
    // `prepare` recorded one line per property, in the order `ical` keeps.
    let line_of = |i: usize| match lines.properties.len() == props.len() {
        true => lines.properties[i],
        false => lines.begin,
    };
    let find = |name: &str| props.iter().position(|p| p.name == name);
    let value = |name: &str| find(name).and_then(|i| props[i].value.as_deref());

    let Some(start_at) = find("DTSTART") else {
        return Err(ReadError::at_line(lines.begin, "the event has no DTSTART").with_location("VEVENT"));
    };
    let start_prop = &props[start_at];
    let raw = start_prop.value.as_deref().unwrap_or_default().trim();
    let start = zones.read(raw, param(start_prop, "TZID"), floating).ok_or_else(|| {
        let what = if raw.contains(['T', 't']) { "a date-time" } else { "a date" };
        ReadError::at_line(line_of(start_at), format!("'{raw}' is not {what}")).with_location("DTSTART")
    })?;
    let mut time = |name: &str| {
        let p = &props[find(name)?];
        zones.read(p.value.as_deref()?, param(p, "TZID"), floating)
    };
    let end = time("DTEND");
    let recurrence_id = time("RECURRENCE-ID");
    let rdates = times(props, "RDATE", zones, floating);
    let exdates = times(props, "EXDATE", zones, floating);

    let description = text_field(value("DESCRIPTION"));
    let categories: Vec<String> = props
        .iter()
        .filter(|p| p.name == "CATEGORIES")
        .flat_map(|p| split_list(p.value.as_deref().unwrap_or("")))
        .collect();
    let mut people = description.as_deref().map(people_in_description).unwrap_or_default();
    let mut attendees = Vec::new();
    for attendee in props.iter().filter(|p| p.name == "ATTENDEE") {
        let role = param(attendee, "ROLE").map(|r| r.trim().to_ascii_uppercase());
        let name = param(attendee, "CN").map(|n| strip_titles(n.trim().trim_matches('\''))).filter(|n| !n.is_empty());
        match role.as_deref() {
            Some("CHAIR") => {
                if let Some(name) = name {
                    add_person(&mut people, &name, PersonRole::Chair);
                }
            }
            Some("NON-PARTICIPANT") => {}
            _ => attendees.push(Attendee { name, address: address(attendee) }),
        }
    }
    dedup_people(&mut people);
    Ok(Event {
        line: lines.begin,
        uid: value("UID").map(str::trim).filter(|u| !u.is_empty()).map(str::to_owned),
        sequence: value("SEQUENCE").and_then(|s| s.trim().parse().ok()).unwrap_or(0),
        recurrence_id,
        start,
        end,
        duration: value("DURATION").and_then(parse_duration),
        rrules: props.iter().filter(|p| p.name == "RRULE").filter_map(|p| p.value.clone()).collect(),
        rdates,
        exdates,
        title: text_field(value("SUMMARY")),
        room: text_field(value("LOCATION")),
        description,
        url: value("URL").map(unescape_uri).filter(|u| !u.is_empty()),
        categories,
        track: text_field(value("X-TRACK")),
        abstract_number: text_field(value("X-ABSTRACT-NUMBER").or_else(|| value("X-ABSTRACT"))),
        people,
        attendees,
        organizer: find("ORGANIZER").and_then(|i| address(&props[i])),
        parent: props
            .iter()
            .filter(|p| p.name == "RELATED-TO")
            .find(|p| param(p, "RELTYPE").is_none_or(|t| t.trim().eq_ignore_ascii_case("PARENT")))
            .and_then(|p| p.value.as_deref())
            .map(str::trim)
            .filter(|uid| !uid.is_empty())
            .map(str::to_owned),
        board: text_field(value("X-POSTER-BOARD").or_else(|| value("X-BOARD"))),
        cancelled: value("STATUS")
            .is_some_and(|s| matches!(s.trim().to_ascii_uppercase().as_str(), "CANCELLED" | "CANCELED")),
    })
}

/// A calendar user's address: the `mailto:` value, lower case.
fn address(p: &Property) -> Option<String> {
    let value = p.value.as_deref()?.trim();
    let address = value.get(..7).filter(|s| s.eq_ignore_ascii_case("mailto:")).map_or(value, |_| &value[7..]);
    Some(address.trim().to_ascii_lowercase()).filter(|a| !a.is_empty())
}

/// The first value of a parameter.
fn param<'a>(p: &'a Property, key: &str) -> Option<&'a str> {
    p.params.as_ref()?.iter().find(|(k, _)| k == key)?.1.first().map(String::as_str)
}

/// Every value of every `name` property (RDATE, EXDATE: lists, maybe
/// PERIODs, of which the start counts). Values that are not dates are
/// skipped.
fn times(props: &[Property], name: &str, zones: &mut Zones, floating: Frame) -> Vec<Dt> {
    let mut out = Vec::new();
    for p in props.iter().filter(|p| p.name == name) {
        for part in p.value.as_deref().unwrap_or_default().split(',') {
            let start = part.split('/').next().unwrap_or_default();
            out.extend(zones.read(start, param(p, "TZID"), floating));
        }
    }
    out
}

/// URIs carry no TEXT escapes, but exporters escape commas and semicolons
/// in them anyway.
fn unescape_uri(raw: &str) -> String {
    raw.trim().replace("\\,", ",").replace("\\;", ";").replace("\\:", ":").replace("\\\\", "\\")
}

/// The VEVENT properties this reader looks at (`prepare` drops the rest).
pub(super) const PROPERTIES: &[&str] = &[
    "UID",
    "SEQUENCE",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RECURRENCE-ID",
    "RRULE",
    "RDATE",
    "EXDATE",
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "URL",
    "CATEGORIES",
    "STATUS",
    "ATTENDEE",
    "ORGANIZER",
    "RELATED-TO",
    "X-POSTER-BOARD",
    "X-BOARD",
    "X-TRACK",
    "X-ABSTRACT-NUMBER",
    "X-ABSTRACT",
];

const ROLES: &[(&str, PersonRole)] = &[
    ("speaker", PersonRole::Speaker),
    ("speakers", PersonRole::Speaker),
    ("presenter", PersonRole::Speaker),
    ("presenters", PersonRole::Speaker),
    ("chair", PersonRole::Chair),
    ("chairs", PersonRole::Chair),
    ("co-chair", PersonRole::Chair),
    ("co-chairs", PersonRole::Chair),
    ("chairperson", PersonRole::Chair),
    ("moderator", PersonRole::Chair),
    ("moderators", PersonRole::Chair),
];

/// Degrees written after names ("Jane Doe, MD, PhD"): not people.
const CREDENTIALS: &[&str] = &[
    "md", "phd", "msc", "ms", "ma", "mba", "mph", "mhs", "bsc", "bs", "ba", "mbbs", "mbchb", "frcp", "frcpc",
    "frcpath", "frcpa", "facp", "fracp", "do", "dphil", "dsc", "rn", "np", "pa", "pa-c", "pharmd", "prof", "dr",
    "mmed", "med",
];

/// People named in labelled lines of a description.
fn people_in_description(description: &str) -> Vec<ItemPerson> {
    let mut people = Vec::new();
    for line in description.lines() {
        let Some((label, names)) = line.split_once(':') else { continue };
        let label = label.trim().to_lowercase();
        let Some(&(_, role)) = ROLES.iter().find(|(l, _)| *l == label) else { continue };
        for name in split_names(names) {
            add_person(&mut people, &name, role);
        }
    }
    dedup_people(&mut people);
    people
}

pub(super) fn add_person(people: &mut Vec<ItemPerson>, name: &str, role: PersonRole) {
    let name = name.trim();
    if !name.is_empty() {
        people.push(ItemPerson { name: name.to_owned(), role });
    }
}

/// Drops repeats of the same person in the same role, keeping the first.
/// A set keeps this linear: a description naming 30,000 speakers must not
/// cost 30,000² comparisons.
pub(super) fn dedup_people(people: &mut Vec<ItemPerson>) {
    let mut seen = std::collections::HashSet::new();
    people.retain(|p| seen.insert((p.role, p.name.clone())));
}

/// Splits "A; B, C and D" into names. Affiliations in brackets are dropped
/// (and their commas do not split), and so are degrees.
fn split_names(list: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in list.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' | ',' | '&' if depth == 0 => parts.push(std::mem::take(&mut current)),
            _ if depth == 0 => current.push(c),
            _ => {}
        }
    }
    parts.push(current);
    parts
        .iter()
        .flat_map(|part| split_and(part))
        .map(|name| strip_titles(&name))
        .filter(|name| !name.is_empty() && !name.split_whitespace().all(is_credential))
        .collect()
}

/// "Prof. Dr. Jane Doe M.D." is Jane Doe.
fn strip_titles(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| is_credential(w)) {
        words.pop();
    }
    while words.len() > 1 && is_credential(words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// Splits on the word "and" (any case).
fn split_and(part: &str) -> Vec<String> {
    let mut names = vec![String::new()];
    for word in part.split_whitespace() {
        if word.eq_ignore_ascii_case("and") {
            names.push(String::new());
        } else {
            let current = names.last_mut().expect("never empty");
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    names
}

fn is_credential(word: &str) -> bool {
    let word: String = word.chars().filter(|c| *c != '.').collect::<String>().to_lowercase();
    CREDENTIALS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(people: &[ItemPerson]) -> Vec<(&str, PersonRole)> {
        people.iter().map(|p| (p.name.as_str(), p.role)).collect()
    }

    #[test]
    fn labelled_lines() {
        let text = "Intro\nSpeakers: Ana Sánchez, MD, PhD; Jörg Müller and Kari Ødegård\n\
                    chairs: Lee (Mayo Clinic, Rochester) & Park\nMODERATOR: Prof. Jane Doe M.D.\nNote: not a person";
        assert_eq!(
            names(&people_in_description(text)),
            vec![
                ("Ana Sánchez", PersonRole::Speaker),
                ("Jörg Müller", PersonRole::Speaker),
                ("Kari Ødegård", PersonRole::Speaker),
                ("Lee", PersonRole::Chair),
                ("Park", PersonRole::Chair),
                ("Jane Doe", PersonRole::Chair),
            ]
        );
    }

    #[test]
    fn sandra_is_not_split_on_and() {
        assert_eq!(split_names("Sandra Andersen, Alexander Brand"), ["Sandra Andersen", "Alexander Brand"]);
    }
}
