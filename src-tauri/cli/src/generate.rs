//! Congress-scale program files for benchmarks and load tests: an ASH-sized
//! program (sessions plus abstracts, with tens of thousands of speaker links)
//! written as iCalendar or frab schedule.xml, flat or with each abstract
//! nested in a session (ICS `RELATED-TO`), and a later edition of it with
//! the changes a program goes through before the congress. Deterministic:
//! the same arguments always give the same file.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::HashMap;
use std::fmt::Write as _;

const GIVEN: &[&str] = &[
    "Ana", "Jürgen", "Søren", "Aiko", "Chidi", "Priya", "Luca", "Marie", "Fatima", "Tomás", "Ingrid", "Wei", "Olga",
    "Daniel", "Amara", "Hiroshi", "Elena", "Patrick", "Nadia", "Kofi", "Sofia", "Mateus", "Claire", "Rahul", "Zoë",
    "Björn", "Chloé", "Emre", "Ilse", "Joon",
];
const FAMILY: &[&str] = &[
    "Sánchez",
    "Müller",
    "Ødegård",
    "Tanaka",
    "Okafor",
    "Raman",
    "Bianchi",
    "Dubois",
    "Al-Sayed",
    "Herrera",
    "Johansson",
    "Zhang",
    "Petrova",
    "Cohen",
    "Mensah",
    "Sato",
    "García",
    "O'Brien",
    "Haddad",
    "Asante",
    "Rossi",
    "Oliveira",
    "Martin",
    "Mehta",
    "Nowak",
    "Kowalski",
    "Yılmaz",
    "Nguyen",
    "Kim",
    "Schmidt",
    "Fernández",
    "Larsen",
    "Novak",
    "Costa",
    "Ito",
    "Singh",
    "Papadopoulos",
    "Jensen",
    "Moreau",
    "Ricci",
];
const TOPICS: &[&str] = &[
    "Myeloma",
    "Lymphoma",
    "AML",
    "ALL",
    "CLL",
    "MDS",
    "Myeloproliferative neoplasms",
    "Cellular therapy",
    "Thrombosis",
    "Hemostasis",
    "Sickle cell disease",
    "Thalassemia",
    "Transplantation",
    "Platelets",
    "Iron",
];
const ROOMS: usize = 60;

/// One generated item.
#[derive(Clone)]
pub struct Item {
    pub number: usize,
    pub uid: String,
    pub title: String,
    pub kind: &'static str,
    pub track: &'static str,
    pub room: String,
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub speakers: Vec<String>,
    pub abstract_number: Option<String>,
    /// The UID of the session holding it (written as ICS `RELATED-TO`).
    pub parent: Option<String>,
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// `sessions` sessions plus `abstracts` abstracts over four days from
/// `first_day`, with about `links` speaker links drawn from ~30,000 people.
pub fn program(first_day: NaiveDate, sessions: usize, abstracts: usize, links: usize) -> Vec<Item> {
    let mut rng = Lcg(0x0A54_2026);
    let total = sessions + abstracts;
    let per_item = links as f64 / total.max(1) as f64;
    let mut carried = 0.0;
    let mut items = Vec::with_capacity(total);
    for i in 0..total {
        let is_session = i < sessions;
        let day = first_day + Duration::days((i % 4) as i64);
        let slot = (i / 4) % 24;
        let start = day.and_hms_opt(7 + (slot / 2) as u32, if slot % 2 == 0 { 0 } else { 30 }, 0).expect("valid");
        let track = TOPICS[rng.next(TOPICS.len())];
        carried += per_item;
        let count = carried.floor() as usize;
        carried -= count as f64;
        let speakers = (0..count)
            .map(|_| {
                let g = GIVEN[rng.next(GIVEN.len())];
                let f = FAMILY[rng.next(FAMILY.len())];
                // A middle initial widens the pool to ~30,000 distinct names.
                let initial = (b'A' + rng.next(26) as u8) as char;
                format!("{g} {initial}. {f}")
            })
            .collect();
        items.push(Item {
            number: i,
            uid: format!("gen-{i}@hallway.bench"),
            title: if is_session {
                format!("{track}: session {i} on new therapies, outcomes; and trials")
            } else {
                format!("Abstract {i}: {track} outcomes in a multicenter cohort")
            },
            kind: if is_session { ["Oral", "Education", "Plenary", "Satellite"][i % 4] } else { "Poster" },
            track,
            room: format!("Room {}", i % ROOMS + 1),
            start,
            minutes: if is_session { 90 } else { 60 },
            speakers,
            abstract_number: (!is_session).then(|| format!("{}", 1000 + i)),
            parent: None,
        });
    }
    items
}

/// The same program with every abstract a talk inside a session, as at
/// ASH: each abstract goes to a session in its own room (so on its day),
/// the room's abstracts dealt out in turn over its sessions, and becomes a
/// 10-minute talk in the session's next slot (a 90-minute session holds
/// nine). UIDs, titles and speakers stay; the abstracts' times change (and
/// their room, if it has no session).
pub fn nested(mut items: Vec<Item>) -> Vec<Item> {
    let sessions: Vec<usize> = (0..items.len()).filter(|&n| items[n].abstract_number.is_none()).collect();
    if sessions.is_empty() {
        return items;
    }
    let mut by_room: HashMap<String, Vec<usize>> = HashMap::new();
    for &s in &sessions {
        by_room.entry(items[s].room.clone()).or_default().push(s);
    }
    let mut dealt: HashMap<String, usize> = HashMap::new();
    let mut talks = vec![0usize; items.len()];
    let mut roomless = 0;
    for n in 0..items.len() {
        if items[n].abstract_number.is_none() {
            continue;
        }
        let parent = match by_room.get(&items[n].room) {
            Some(in_room) => {
                let dealt = dealt.entry(items[n].room.clone()).or_default();
                *dealt += 1;
                in_room[(*dealt - 1) % in_room.len()]
            }
            None => {
                roomless += 1;
                sessions[(roomless - 1) % sessions.len()]
            }
        };
        let slots = (items[parent].minutes / 10).max(1) as usize;
        let slot = talks[parent] % slots;
        talks[parent] += 1;
        let (start, room, uid) = (items[parent].start, items[parent].room.clone(), items[parent].uid.clone());
        let item = &mut items[n];
        item.start = start + Duration::minutes(10 * slot as i64);
        item.minutes = 10;
        item.room = room;
        item.parent = Some(uid);
    }
    items
}

/// The program as published again weeks later: about 5 % of the items
/// moved (2.5 % on their own, the rest talks going along with their
/// session; half 30 minutes later, half to another room on the same day),
/// about 0.6 % retitled, about 0.2 % of the abstracts gone from the file
/// (withdrawn), and `late` late-breaking abstracts added at the end, each
/// with the speakers, time and session of an existing abstract (so its
/// speakers are people already known).
pub fn changed(items: &[Item], late: usize) -> Vec<Item> {
    #[derive(Clone, Copy, PartialEq)]
    enum Change {
        None,
        Later,
        Room,
        Retitled,
        Gone,
    }
    let mut rng = Lcg(0x0C4A_1126);
    let change: Vec<Change> = items
        .iter()
        .map(|item| match rng.next(1000) {
            0..13 => Change::Later,
            13..25 => Change::Room,
            25..31 => Change::Retitled,
            31..33 if item.abstract_number.is_some() => Change::Gone,
            _ => Change::None,
        })
        .collect();
    let by_uid: HashMap<&str, usize> = items.iter().enumerate().map(|(n, i)| (i.uid.as_str(), n)).collect();
    let parent_change =
        |item: &Item| item.parent.as_deref().and_then(|uid| by_uid.get(uid)).map_or(Change::None, |&p| change[p]);
    let mut out = Vec::with_capacity(items.len() + late);
    for (item, &own) in items.iter().zip(&change) {
        if own == Change::Gone {
            continue;
        }
        let mut item = item.clone();
        let inherited = parent_change(&item);
        if own == Change::Later || inherited == Change::Later {
            item.start += Duration::minutes(30);
        }
        if own == Change::Room || inherited == Change::Room {
            item.room = other_room(&item.room);
        }
        if own == Change::Retitled {
            item.title = format!("{} (updated)", item.title);
        }
        out.push(item);
    }
    // Late-breaking abstracts, after the changes: in their source's session where it is now.
    let abstracts: Vec<usize> = (0..out.len()).filter(|&n| out[n].abstract_number.is_some()).collect();
    for k in 0..late.min(abstracts.len()) {
        let mut item = out[abstracts[(k * 7_919) % abstracts.len()]].clone();
        let n = items.len() + k;
        item.number = n;
        item.uid = format!("gen-{n}@hallway.bench");
        item.title = format!("Late-breaking abstract {k}: {} results of a phase 3 trial", item.track);
        item.abstract_number = Some(format!("LBA-{}", k + 1));
        out.push(item);
    }
    out
}

/// Another room on the same day: rooms are used on every fourth day.
fn other_room(room: &str) -> String {
    match room.strip_prefix("Room ").and_then(|n| n.parse::<usize>().ok()) {
        Some(n) => format!("Room {}", (n - 1 + 4) % ROOMS + 1),
        None => format!("{room} annex"),
    }
}

fn escape_text(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
}

/// The items as an iCalendar file with a New York VTIMEZONE.
pub fn ics(items: &[Item]) -> String {
    let mut out = String::with_capacity(items.len() * 700);
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hallway//bench generator//EN\r\n");
    out.push_str(
        "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n\
         TZNAME:EDT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\n\
         BEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nDTSTART:19701101T020000\r\n\
         RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
    );
    for item in items {
        out.push_str("BEGIN:VEVENT\r\n");
        fold(&format!("UID:{}", item.uid), &mut out);
        out.push_str("DTSTAMP:20261101T120000Z\r\n");
        let _ = write!(out, "DTSTART;TZID=America/New_York:{}\r\n", item.start.format("%Y%m%dT%H%M%S"));
        let end = item.start + Duration::minutes(item.minutes);
        let _ = write!(out, "DTEND;TZID=America/New_York:{}\r\n", end.format("%Y%m%dT%H%M%S"));
        fold(&format!("SUMMARY:{}", escape_text(&item.title)), &mut out);
        fold(&format!("LOCATION:{}", escape_text(&item.room)), &mut out);
        fold(&format!("CATEGORIES:{}", escape_text(item.kind)), &mut out);
        let mut description = format!("Track: {}", item.track);
        if !item.speakers.is_empty() {
            let _ = write!(description, "\nSpeakers: {}", item.speakers.join("; "));
        }
        fold(&format!("DESCRIPTION:{}", escape_text(&description)), &mut out);
        if let Some(number) = &item.abstract_number {
            fold(&format!("X-ABSTRACT-NUMBER:{number}"), &mut out);
        }
        if let Some(parent) = &item.parent {
            fold(&format!("RELATED-TO;RELTYPE=PARENT:{parent}"), &mut out);
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The items as a frab/pentabarf schedule.xml (times with their offset).
pub fn frab_xml(items: &[Item]) -> String {
    let mut out = String::with_capacity(items.len() * 900);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n  <version>bench</version>\n");
    out.push_str("  <conference>\n    <title>Generated congress</title>\n    <time_zone_name>America/New_York</time_zone_name>\n  </conference>\n");
    let mut days: Vec<NaiveDate> = items.iter().map(|i| i.start.date()).collect();
    days.sort();
    days.dedup();
    for (index, day) in days.iter().enumerate() {
        let _ = writeln!(out, "  <day index=\"{}\" date=\"{day}\">", index + 1);
        let mut on_day: Vec<&Item> = items.iter().filter(|i| i.start.date() == *day).collect();
        on_day.sort_by(|a, b| a.room.cmp(&b.room));
        let mut current_room: Option<&str> = None;
        for item in on_day {
            if current_room != Some(item.room.as_str()) {
                if current_room.is_some() {
                    out.push_str("    </room>\n");
                }
                let _ = writeln!(out, "    <room name=\"{}\">", xml_escape(&item.room));
                current_room = Some(&item.room);
            }
            let offset = if item.start.date().format("%m").to_string() == "12" { "-05:00" } else { "-04:00" };
            let _ = writeln!(out, "      <event guid=\"{}\" id=\"{}\">", item.uid, item.number);
            let _ = writeln!(out, "        <date>{}{offset}</date>", item.start.format("%Y-%m-%dT%H:%M:%S"));
            let _ = writeln!(out, "        <start>{}</start>", item.start.format("%H:%M"));
            let _ = writeln!(out, "        <duration>{:02}:{:02}</duration>", item.minutes / 60, item.minutes % 60);
            let _ = writeln!(out, "        <room>{}</room>", xml_escape(&item.room));
            let _ = writeln!(out, "        <title>{}</title>", xml_escape(&item.title));
            let _ = writeln!(out, "        <track>{}</track>", xml_escape(item.track));
            let _ = writeln!(out, "        <type>{}</type>", item.kind);
            out.push_str("        <persons>\n");
            for (n, name) in item.speakers.iter().enumerate() {
                let _ = writeln!(out, "          <person id=\"{n}\">{}</person>", xml_escape(name));
            }
            out.push_str("        </persons>\n      </event>\n");
        }
        if current_room.is_some() {
            out.push_str("    </room>\n");
        }
        out.push_str("  </day>\n");
    }
    out.push_str("</schedule>\n");
    out
}

/// A LinkedIn Connections.csv export as users download it (with its "Notes:"
/// preamble), `rows` connections long.
pub fn connections_csv(rows: usize) -> String {
    let mut rng = Lcg(0x0C0_FFEE);
    let companies = [
        "Hospital Clínic Barcelona",
        "MD Anderson Cancer Center",
        "Charité – Universitätsmedizin Berlin",
        "Karolinska Institutet",
        "Dana-Farber Cancer Institute",
        "Hôpital Saint-Louis",
        "Novartis",
        "SWOG Cancer Research Network",
        "University of Tokyo Hospital",
        "Amsterdam UMC",
    ];
    let positions = [
        "Hematologist",
        "Professor of Medicine",
        "Fellow",
        "Medical Science Liaison",
        "Clinical Research Coordinator",
        "Attending Physician",
        "Head of Myeloma Unit",
    ];
    let mut out = String::from(
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    );
    for i in 0..rows {
        let given = GIVEN[rng.next(GIVEN.len())];
        let family = FAMILY[rng.next(FAMILY.len())];
        let email =
            if i % 3 == 0 { format!("{}.{}{i}@example.org", given.to_lowercase(), i % 97) } else { String::new() };
        let _ = writeln!(
            out,
            "{given},{family} {i},https://www.linkedin.com/in/{}-{i},{email},\"{}\",{},{} {} 20{:02}",
            given.to_lowercase(),
            companies[rng.next(companies.len())],
            positions[rng.next(positions.len())],
            1 + rng.next(28),
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][rng.next(12)],
            10 + rng.next(16)
        );
    }
    out
}
