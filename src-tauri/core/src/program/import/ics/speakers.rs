//! Which ordinary ATTENDEEs of a calendar are its speakers. A program may
//! list each talk's speakers as `ATTENDEE;CN=…;ROLE=REQ-PARTICIPANT` (one
//! congress export did so for 62,000 attendees over 9,000 events), while a
//! personal agenda lists its owner on every event, and maybe a colleague or
//! two. The file as a whole tells them apart:
//!
//! - an address on at least 80% of the events that have attendees (with at
//!   least [`MIN_EVENTS`] such events) is the calendar's owner;
//! - an ORGANIZER's address is never a speaker (the program office, or the
//!   owner of a personal calendar, who organizes its meetings);
//! - everyone else with a name (CN) speaks at that event.
//!
//! With fewer than [`MIN_EVENTS`] events that have attendees nothing tells
//! the owner apart, so none is read as a speaker. Either way the import
//! report says how many people came from where.

use super::event::{add_person, dedup_people, Event};
use crate::program::import::item::PersonRole;
use std::collections::{HashMap, HashSet};

/// Events with attendees needed before the owner can be told apart.
const MIN_EVENTS: usize = 3;

/// Adds each event's speaking attendees to its people; the report's note on
/// where the people came from, if any came from attendees or were left out.
pub(super) fn place_speakers(events: &mut [Event]) -> Option<String> {
    let with_attendees = events.iter().filter(|e| !e.attendees.is_empty()).count();
    if with_attendees == 0 {
        return None;
    }
    let from_text: HashSet<String> = events.iter().flat_map(|e| e.people.iter().map(|p| p.name.clone())).collect();
    if with_attendees < MIN_EVENTS {
        return Some(format!(
            "Attendees on {with_attendees} {} were not read as speakers: too few events to tell the calendar's \
             owner from the speakers.",
            if with_attendees == 1 { "event" } else { "events" }
        ));
    }
    let mut seen_on: HashMap<&str, usize> = HashMap::new();
    for event in events.iter() {
        let own: HashSet<&str> = event.attendees.iter().filter_map(|a| a.address.as_deref()).collect();
        for address in own {
            *seen_on.entry(address).or_default() += 1;
        }
    }
    let mut owners: Vec<String> =
        seen_on.into_iter().filter(|&(_, n)| n * 5 >= with_attendees * 4).map(|(a, _)| a.to_owned()).collect();
    owners.sort();
    let organizers: HashSet<String> = events.iter().filter_map(|e| e.organizer.clone()).collect();
    let mut speakers = HashSet::new();
    for event in events.iter_mut() {
        let attendees = std::mem::take(&mut event.attendees);
        for attendee in attendees {
            let not_speaking = attendee.address.as_ref().is_some_and(|a| owners.contains(a) || organizers.contains(a));
            if let (false, Some(name)) = (not_speaking, attendee.name) {
                speakers.insert(name.clone());
                add_person(&mut event.people, &name, PersonRole::Speaker);
            }
        }
        dedup_people(&mut event.people);
    }
    let mut note = format!(
        "People: {} named in descriptions or as chairs, {} from the events' attendees as speakers",
        from_text.len(),
        speakers.difference(&from_text).count()
    );
    if !owners.is_empty() {
        note.push_str(&format!(
            "; {} on nearly every event, taken for the calendar's owner and left out",
            owners.join(", ")
        ));
    }
    note.push('.');
    Some(note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::import::ics::event::Attendee;

    fn event(attendees: &[(&str, &str)], organizer: Option<&str>) -> Event {
        let mut e = Event::empty_for_tests();
        e.attendees = attendees
            .iter()
            .map(|(name, address)| Attendee {
                name: Some((*name).to_owned()).filter(|n| !n.is_empty()),
                address: Some((*address).to_owned()),
            })
            .collect();
        e.organizer = organizer.map(str::to_owned);
        e
    }

    fn names(e: &Event) -> Vec<&str> {
        e.people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_program_listing_speakers_as_attendees_gives_them_all() {
        let mut events = vec![
            event(&[("Ana Sánchez", "ana@x.org"), ("Li Wei", "li@x.org")], Some("program@ash.org")),
            event(&[("Kari Ødegård", "kari@x.org")], Some("program@ash.org")),
            event(&[("Li Wei", "li@x.org")], Some("program@ash.org")),
        ];
        let note = place_speakers(&mut events).unwrap();
        assert_eq!(names(&events[0]), ["Ana Sánchez", "Li Wei"]);
        assert_eq!(names(&events[1]), ["Kari Ødegård"]);
        assert!(events[0].people.iter().all(|p| p.role == PersonRole::Speaker));
        assert_eq!(note, "People: 0 named in descriptions or as chairs, 3 from the events' attendees as speakers.");
    }

    #[test]
    fn a_personal_agenda_leaves_its_owner_and_organizers_out() {
        let me = ("Me Myself", "me@clinic.org");
        let mut events = vec![
            event(&[me, ("Ana Sánchez", "ana@x.org")], Some("me@clinic.org")),
            event(&[me], Some("office@ash.org")),
            event(&[me, ("Office", "office@ash.org")], None),
            event(&[me, ("Li Wei", "li@x.org")], None),
            event(&[("", "nameless@x.org")], None),
        ];
        let note = place_speakers(&mut events).unwrap();
        assert_eq!(names(&events[0]), ["Ana Sánchez"]);
        assert!(events[1].people.is_empty() && events[2].people.is_empty() && events[4].people.is_empty());
        assert_eq!(names(&events[3]), ["Li Wei"]);
        assert!(note.contains("me@clinic.org on nearly every event"), "{note}");
    }

    #[test]
    fn too_few_events_to_tell_the_owner_apart_read_no_attendee() {
        let mut events = vec![event(&[("Me Myself", "me@clinic.org")], None), event(&[], None)];
        let note = place_speakers(&mut events).unwrap();
        assert!(events[0].people.is_empty());
        assert!(note.starts_with("Attendees on 1 event were not read as speakers"), "{note}");
        assert_eq!(place_speakers(&mut [event(&[], None)]), None);
    }
}
