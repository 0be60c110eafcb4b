//! The sample program: a made-up but realistic hematology congress that a new
//! user can load from the empty Program screen to see Hallway working. Every
//! session is stored with source `sample` and shown with a "Sample" badge;
//! people in it are fictional.

use super::import::{
    write, ImportProgress, ImportReport, ItemPerson, PersonRole, ProgramFormat, ProgramItem, SourceTime,
};
use crate::ids::CongressId;
use crate::{congress, time, Result, Store};
use chrono::{Duration, NaiveDate, NaiveTime};
use std::sync::atomic::AtomicBool;

const PEOPLE: &[&str] = &[
    "Ana Sánchez",
    "Jürgen Müller",
    "Søren Ødegård",
    "Aiko Tanaka",
    "Chidi Okafor",
    "Priya Raman",
    "Luca Bianchi",
    "Marie Dubois",
    "Fatima Al-Sayed",
    "Tomás Herrera",
    "Ingrid Johansson",
    "Wei Zhang",
    "Olga Petrova",
    "Daniel Cohen",
    "Amara Mensah",
    "Hiroshi Sato",
    "Elena García",
    "Patrick O'Brien",
    "Nadia Haddad",
    "Kofi Asante",
    "Sofia Rossi",
    "Mateus Oliveira",
    "Claire Martin",
    "Rahul Mehta",
];

const TRACKS: &[(&str, &[&str])] = &[
    (
        "Myeloma",
        &[
            "Quadruplet induction in transplant-eligible myeloma",
            "BCMA bispecifics after CAR-T",
            "MRD-guided therapy cessation",
        ],
    ),
    (
        "Lymphoma",
        &[
            "Frontline therapy in older adults with DLBCL",
            "CAR-T in second-line large B-cell lymphoma",
            "Follicular lymphoma: watch and wait revisited",
        ],
    ),
    (
        "AML",
        &[
            "Menin inhibitors in NPM1-mutated AML",
            "Venetoclax combinations beyond azacitidine",
            "Measurable residual disease by NGS",
        ],
    ),
    (
        "MDS",
        &[
            "Luspatercept in lower-risk MDS",
            "Clonal hematopoiesis: who to follow",
            "Transplant timing in higher-risk MDS",
        ],
    ),
    (
        "Cellular therapy",
        &[
            "Managing CRS and ICANS in the outpatient setting",
            "Allogeneic CAR-T: first results",
            "Manufacturing time and outcomes",
        ],
    ),
    (
        "Thrombosis",
        &[
            "Cancer-associated thrombosis: DOAC or LMWH",
            "Anticoagulation in thrombocytopenic patients",
            "VITT two years on",
        ],
    ),
    (
        "Sickle cell disease",
        &[
            "Gene therapy: long-term follow-up",
            "Crizanlizumab and voxelotor in practice",
            "Transition from pediatric to adult care",
        ],
    ),
    (
        "Transplantation",
        &[
            "Post-transplant cyclophosphamide for all donors",
            "Graft-versus-host disease prophylaxis",
            "Haploidentical versus matched unrelated donors",
        ],
    ),
];

const ROOMS: &[&str] = &["Ballroom 20", "Room 6A", "Room 6B", "Room 11", "Hall G (posters)", "Exhibit Hall"];

/// Deterministic picks, so the sample is the same every time.
struct Picker(u64);

impl Picker {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }

    fn people(&mut self, count: usize) -> Vec<ItemPerson> {
        let mut picked: Vec<ItemPerson> = Vec::new();
        while picked.len() < count {
            let name = PEOPLE[self.next(PEOPLE.len())].to_owned();
            if !picked.iter().any(|p| p.name == name) {
                let role = if picked.is_empty() && count > 2 { PersonRole::Chair } else { PersonRole::Speaker };
                picked.push(ItemPerson { name, role });
            }
        }
        picked
    }
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> SourceTime {
    SourceTime::Floating(day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).expect("valid time")))
}

#[allow(clippy::too_many_arguments)]
fn item(
    day: NaiveDate,
    (h, m): (u32, u32),
    minutes: u32,
    title: &str,
    kind: &str,
    room: &str,
    track: Option<&str>,
    people: Vec<ItemPerson>,
) -> ProgramItem {
    let mut item = ProgramItem::new(title, at(day, h, m), 0);
    item.source_id = Some(format!("sample:{day}:{h:02}{m:02}:{room}"));
    item.duration_minutes = Some(minutes);
    item.kind_hint = Some(kind.to_owned());
    item.room = Some(room.to_owned());
    item.track = track.map(str::to_owned);
    item.people = people;
    item.description = Some(format!("{title}. A sample session: the program and the people in it are made up."));
    item
}

/// The sample program for a congress running `first..=last` (at most 5 days).
pub fn items(first: NaiveDate, last: NaiveDate) -> Vec<ProgramItem> {
    let mut pick = Picker(0x04a1_13a7);
    let mut out = Vec::new();
    let days = (last - first).num_days().clamp(0, 4);
    for offset in 0..=days {
        let day = first + Duration::days(offset);
        let n = offset as usize;
        out.push(item(
            day,
            (7, 0),
            90,
            "Industry satellite symposium: advances in myeloma care",
            "Satellite symposium",
            ROOMS[3],
            None,
            pick.people(2),
        ));
        for (slot, room) in [(9, ROOMS[0]), (9, ROOMS[1]), (9, ROOMS[2])] {
            let (track, titles) = TRACKS[(n * 3 + pick.next(TRACKS.len())) % TRACKS.len()];
            out.push(item(
                day,
                (slot, 0),
                90,
                &format!("Education session: {}", titles[pick.next(titles.len())]),
                "Education",
                room,
                Some(track),
                pick.people(3),
            ));
        }
        out.push(item(day, (10, 30), 30, "Coffee break", "Break", ROOMS[5], None, vec![]));
        for (i, room) in ROOMS[..4].iter().enumerate() {
            let (track, titles) = TRACKS[(n + i * 2) % TRACKS.len()];
            out.push(item(
                day,
                (11, 0),
                90,
                &format!("Oral abstracts — {track}: {}", titles[(n + i) % titles.len()]),
                "Oral abstract session",
                room,
                Some(track),
                pick.people(4),
            ));
        }
        out.push(item(day, (12, 30), 60, "Lunch and poster walk", "Break", ROOMS[5], None, vec![]));
        if offset == 1 {
            out.push(item(day, (14, 0), 90, "Plenary scientific session", "Plenary", ROOMS[0], None, pick.people(5)));
        } else {
            for (i, room) in ROOMS[1..4].iter().enumerate() {
                let (track, titles) = TRACKS[(n + i + 3) % TRACKS.len()];
                out.push(item(
                    day,
                    (14, 0),
                    90,
                    &format!("Oral abstracts — {track}: {}", titles[(n + 2 * i) % titles.len()]),
                    "Oral abstract session",
                    room,
                    Some(track),
                    pick.people(4),
                ));
            }
        }
        out.push(item(day, (15, 30), 30, "Coffee break", "Break", ROOMS[5], None, vec![]));
        out.push(item(
            day,
            (18, 0),
            120,
            &format!("Poster session {}", ["I", "II", "III", "IV", "V"][n]),
            "Poster",
            ROOMS[4],
            None,
            pick.people(6),
        ));
        if offset == 0 {
            out.push(item(
                day,
                (12, 0),
                240,
                "Trainee networking fair (ASH-a-Palooza style)",
                "Networking",
                ROOMS[5],
                None,
                pick.people(3),
            ));
        }
        if offset == 2.min(days) {
            out.push(item(
                day,
                (19, 30),
                120,
                "Young investigators' networking reception",
                "Networking reception",
                "Harbor Terrace",
                None,
                vec![],
            ));
        }
    }
    out
}

/// Loads the sample program into a congress (re-loading updates it in place).
pub async fn load(store: &Store, congress_id: CongressId) -> Result<ImportReport> {
    let congress = congress::get(store, congress_id).await?;
    let zone = time::zone_or_utc(&congress.time_zone);
    let items = items(congress.starts_on, congress.ends_on);
    let never = AtomicBool::new(false);
    let ignore = |_: ImportProgress| {};
    write(store, congress_id, ProgramFormat::Sample, zone, &items, &ignore, &never).await
}
