//! The calendar export figure of `make bench`: the whole plan of a busy
//! congress — 1,000 meetings and the 200 sessions attending — as one ICS
//! file, built in memory (writing the file is the disk's business, not ours).
//! Runs after the planning figures, on the same database.

use chrono::NaiveDate;
use hallway_core::export::{ics, ExportOptions};
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::{congress, CoreError, Result, Store};
use std::time::{Duration, Instant};

const MEETINGS: usize = 1_000;
const RUNS: usize = 21;

pub async fn run_on(store: &Store) -> Result<()> {
    let c = congress::list(store).await?.into_iter().next().ok_or_else(|| CoreError::not_found("congress", "any"))?;
    let booked = meetings::list(store, c.id).await?;
    let people: Vec<_> = booked.iter().flat_map(|m| m.people.iter().map(|p| p.id)).collect();
    if people.is_empty() {
        return Err(CoreError::not_found("meeting with people", "the planning benchmark's"));
    }
    // Fill the four days up to 1,000 meetings, every 15 minutes from 07:00,
    // with names and notes long enough to fold.
    for n in booked.len()..MEETINGS {
        let n32 = n as u32;
        let day = NaiveDate::from_ymd_opt(2026, 12, 5 + n32 % 4).expect("congress day");
        let slot = (n32 / 4) % 52;
        let draft = MeetingDraft {
            congress_id: c.id,
            title: format!("Coffee {n} with the Ødegård–Sánchez group"),
            purpose: "Discuss the joint myeloma cohort, the CAR-T follow-up data; and next steps.".into(),
            place: "Café by Hall B, level 2".into(),
            kind: MeetingKind::Coffee,
            status: if n % 10 == 0 { MeetingStatus::Proposed } else { MeetingStatus::Confirmed },
            starts_local: day.and_hms_opt(7 + slot / 4, 15 * (slot % 4), 0).expect("valid time"),
            minutes: 15,
            notes: "Bring the poster.\nAsk about the fellowship.".into(),
            people: vec![people[n % people.len()]],
        };
        meetings::create(store, &draft).await?;
    }
    let options = ExportOptions {
        meetings: true,
        sessions: true,
        maybes: true,
        follow_ups: true,
        cancelled: true,
        alarm_minutes: Some(15),
    };
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let file = ics::export(store, c.id, &options).await?;
        times.push(start.elapsed());
        last = Some(file);
    }
    times.sort();
    let file = last.expect("at least one run");
    let label = format!("export ICS ({} events, {} KB), median of {RUNS}", file.events, file.text.len() / 1024);
    println!("{:<46} {:>10.2}ms {:>10}", label, times[RUNS / 2].as_secs_f64() * 1000.0, "≤ 20ms");
    Ok(())
}
