//! Every reader under attack, on stable Rust: arbitrary bytes, and valid
//! files from tests/fixtures damaged at random (bytes flipped, inserted,
//! deleted, duplicated, the file cut short), must never panic, and every
//! error must say something. Each reader is reached directly with
//! `read_as`, so detection cannot route a mutant away from it, and the
//! detecting `read` is fed the same inputs. The fuzz targets in `fuzz/`
//! run the same readers without a case limit where a nightly toolchain is
//! available. Cases are bounded (128 per property, inputs of a few KiB) so
//! that the suite stays fast.

use chrono::NaiveDate;
use chrono_tz::Tz;
use hallway_core::people::import::{self as contacts, ContactFormat};
use hallway_core::program::import::{self as program, ProgramFormat, ReadContext};
use proptest::prelude::*;

fn ctx() -> ReadContext {
    ReadContext {
        zone: Tz::Europe__Madrid,
        first_day: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        last_day: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap(),
    }
}

macro_rules! fixture {
    ($path:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/", $path)).as_slice()
    };
}

/// Valid files of each format, the material mutations start from.
const ICS: &[&[u8]] = &[
    fixture!("program/ics/congress_program_crlf.ics"),
    fixture!("program/ics/poster_walk_recurring.ics"),
    fixture!("program/ics/all_day.ics"),
];
const FRAB: &[&[u8]] = &[fixture!("program/frab/eha2027_schedule.xml")];
const PRETALX: &[&[u8]] = &[fixture!("program/pretalx/eha2027_schedule.json")];
const PROGRAM_CSV: &[&[u8]] = &[
    fixture!("program/csv/english_comma.csv"),
    fixture!("program/csv/french_semicolon_cp1252.csv"),
    fixture!("program/csv/quoted_newlines.csv"),
];
const LINKEDIN: &[&[u8]] = &[fixture!("people/Connections.csv"), fixture!("people/Connections_2019.csv")];
const VCARD: &[&[u8]] = &[fixture!("people/google_contacts.vcf"), fixture!("people/outlook_android_21.vcf")];
const CONTACTS_CSV: &[&[u8]] = &[fixture!("people/google_contacts.csv"), fixture!("people/outlook_contacts.csv")];

/// One change to a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

/// Bytes that matter to these formats, so mutants break structure often.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        2 => any::<u8>(),
        3 => prop::sample::select(b"\r\n\t ,;:=\"'<>/&{}[]\\\0\xC3\xFF-TZ0123456789".to_vec()),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Positions are fractions of the file's length, scaled when applied.
    let at = any::<prop::sample::Index>();
    prop_oneof![
        4 => (at.clone(), interesting_byte()).prop_map(|(at, byte)| Mutation::Flip { at: at.index(usize::MAX), byte }),
        2 => (at.clone(), prop::collection::vec(interesting_byte(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at: at.index(usize::MAX), bytes }),
        2 => (at.clone(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at: at.index(usize::MAX), len }),
        1 => (at.clone(), 1usize..256).prop_map(|(at, len)| Mutation::Duplicate { at: at.index(usize::MAX), len }),
        1 => at.prop_map(|at| Mutation::Truncate { at: at.index(usize::MAX) }),
    ]
}

fn apply(seed: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for m in mutations {
        let len = bytes.len();
        let place = |at: usize| if len == 0 { 0 } else { at % (len + 1) };
        match m {
            Mutation::Flip { at, byte } if len > 0 => bytes[at % len] = *byte,
            Mutation::Flip { .. } => {}
            Mutation::Insert { at, bytes: new } => {
                let at = place(*at);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Delete { at, len: n } => {
                let at = place(*at);
                bytes.drain(at..(at + n).min(len));
            }
            Mutation::Duplicate { at, len: n } => {
                let at = place(*at);
                let copy = bytes[at..(at + n).min(len)].to_vec();
                bytes.splice(at..at, copy);
            }
            Mutation::Truncate { at } => bytes.truncate(place(*at)),
        }
    }
    bytes
}

/// A seed from `seeds` with a handful of mutations.
fn mutant(seeds: &'static [&'static [u8]]) -> impl Strategy<Value = Vec<u8>> {
    (0..seeds.len(), prop::collection::vec(mutation(), 1..8)).prop_map(move |(i, ms)| apply(seeds[i], &ms))
}

fn arbitrary_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..2048)
}

/// Text-ish junk: what a reader meets past its format's first checks.
fn arbitrary_text() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(interesting_byte(), 0..2048)
}

/// Runs a program reader (and the detecting `read`): no panic, and an
/// error, if any, says something.
fn program_reader(format: ProgramFormat, bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Err(err) = program::read_as(format, bytes, &ctx()) {
        prop_assert!(!err.message.trim().is_empty(), "{format:?}: an empty message");
    }
    if let Err(err) = program::read(bytes, &ctx()) {
        prop_assert!(!err.message.trim().is_empty(), "read: an empty message");
    }
    Ok(())
}

fn contacts_reader(format: ContactFormat, bytes: &[u8]) -> Result<(), TestCaseError> {
    match contacts::read_as(format, bytes) {
        Ok(read) => {
            for skipped in &read.skipped {
                prop_assert!(!skipped.reason.trim().is_empty(), "{format:?}: a skip without a reason");
            }
        }
        Err(err) => prop_assert!(!err.message.trim().is_empty(), "{format:?}: an empty message"),
    }
    if let Err(err) = contacts::read(bytes) {
        prop_assert!(!err.message.trim().is_empty(), "read: an empty message");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn ics_survives_anything(bytes in arbitrary_bytes(), text in arbitrary_text(), damaged in mutant(ICS)) {
        for input in [&bytes, &text, &damaged] {
            program_reader(ProgramFormat::Ics, input)?;
        }
    }

    #[test]
    fn schedule_xml_survives_anything(bytes in arbitrary_bytes(), text in arbitrary_text(), damaged in mutant(FRAB)) {
        for input in [&bytes, &text, &damaged] {
            program_reader(ProgramFormat::FrabXml, input)?;
        }
    }

    #[test]
    fn schedule_json_survives_anything(bytes in arbitrary_bytes(), text in arbitrary_text(), damaged in mutant(PRETALX)) {
        for input in [&bytes, &text, &damaged] {
            program_reader(ProgramFormat::PretalxJson, input)?;
        }
    }

    #[test]
    fn program_csv_survives_anything(bytes in arbitrary_bytes(), text in arbitrary_text(), damaged in mutant(PROGRAM_CSV)) {
        for input in [&bytes, &text, &damaged] {
            program_reader(ProgramFormat::Csv, input)?;
        }
    }

    #[test]
    fn linkedin_csv_survives_anything(bytes in arbitrary_bytes(), text in arbitrary_text(), damaged in mutant(LINKEDIN)) {
        for input in [&bytes, &text, &damaged] {
            contacts_reader(ContactFormat::LinkedinCsv, input)?;
        }
    }

    #[test]
    fn vcard_survives_anything(bytes in arbitrary_bytes(), text in arbitrary_text(), damaged in mutant(VCARD)) {
        for input in [&bytes, &text, &damaged] {
            contacts_reader(ContactFormat::Vcard, input)?;
        }
    }

    #[test]
    fn contacts_csv_survives_anything(bytes in arbitrary_bytes(), text in arbitrary_text(), damaged in mutant(CONTACTS_CSV)) {
        for input in [&bytes, &text, &damaged] {
            contacts_reader(ContactFormat::Csv, input)?;
        }
    }
}

#[test]
fn the_seeds_read_cleanly() {
    // Mutants are only interesting if the files they come from are valid.
    for (format, seeds) in [
        (ProgramFormat::Ics, ICS),
        (ProgramFormat::FrabXml, FRAB),
        (ProgramFormat::PretalxJson, PRETALX),
        (ProgramFormat::Csv, PROGRAM_CSV),
    ] {
        for seed in seeds {
            let items = program::read_as(format, seed, &ctx()).unwrap_or_else(|e| panic!("{format:?}: {e}"));
            assert!(!items.is_empty(), "{format:?}");
        }
    }
    for (format, seeds) in
        [(ContactFormat::LinkedinCsv, LINKEDIN), (ContactFormat::Vcard, VCARD), (ContactFormat::Csv, CONTACTS_CSV)]
    {
        for seed in seeds {
            let read = contacts::read_as(format, seed).unwrap_or_else(|e| panic!("{format:?}: {e}"));
            assert!(!read.records.is_empty(), "{format:?}");
        }
    }
}
