//! The planning figures of `make bench`: the free-slot finder and the Today
//! view's data over a full ASH-scale agenda (the generated 1,000 sessions and
//! 8,000 abstracts, 200 sessions attending, 100 meetings booked
//! with speakers, 100 targets).

use chrono::NaiveDate;
use hallway_core::congress;
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::plan::slots::{self, SlotQuery};
use hallway_core::plan::today;
use hallway_core::program::{self, Attendance, SessionKind};
use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
use hallway_core::{people, time, CoreError, Result, Store};
use std::path::Path;
use std::time::{Duration, Instant};

/// Prints slot-finder and Today figures for the imported program in `db`,
/// then the calendar export figure.
pub async fn run(db: &Path) -> Result<()> {
    let store = Store::open(db).await?;
    let mut result = run_on(&store).await;
    if result.is_ok() {
        // On the same agenda, grown to 1,000 meetings.
        result = crate::bench_export::run_on(&store).await;
    }
    store.close().await;
    result
}

pub async fn run_on(store: &Store) -> Result<()> {
    let store = store.clone();
    let c = congress::list(&store).await?.into_iter().next().ok_or_else(|| CoreError::not_found("congress", "any"))?;
    let sessions: Vec<_> =
        program::list(&store, c.id).await?.into_iter().filter(|s| s.kind != SessionKind::Poster).collect();
    for s in sessions.iter().step_by((sessions.len() / 200).max(1)).take(200) {
        program::set_attendance(&store, s.id, Some(Attendance::Attending)).await?;
    }
    // Speakers to meet: the first speaker of every seventh item.
    let mut speakers = Vec::new();
    for s in sessions.iter().step_by(7) {
        if let Some(name) = s.speakers.first() {
            if let Some(&id) = people::find_by_email_or_name(&store, name).await?.first() {
                if !speakers.contains(&id) {
                    speakers.push(id);
                }
            }
        }
        if speakers.len() == 100 {
            break;
        }
    }
    let why = TargetDraft {
        priority: Priority::Must,
        why: Why::Collaborator,
        status: TargetStatus::Idea,
        reason: String::new(),
    };
    // 100 meetings, 25 a day every half hour: an agenda this full has few
    // free slots left, which is the finder's hardest case.
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, 5 + d).expect("congress day");
    for (n, &person) in (0u32..).zip(&speakers) {
        targets::set(&store, c.id, person, &why).await?;
        let draft = MeetingDraft {
            congress_id: c.id,
            title: format!("Meeting {n}"),
            purpose: "Collaboration".into(),
            place: "Booth".into(),
            kind: MeetingKind::OneToOne,
            status: MeetingStatus::Confirmed,
            starts_local: day(n % 4).and_hms_opt(7 + (n / 4) / 2, 30 * ((n / 4) % 2), 0).expect("valid time"),
            minutes: 30,
            notes: String::new(),
            people: vec![person],
        };
        meetings::create(&store, &draft).await?;
    }
    let booked = meetings::list(&store, c.id).await?.len();

    let mut slot_times = Vec::new();
    for &person in speakers.iter().cycle().take(200) {
        let query = SlotQuery { congress_id: c.id, person_id: Some(person), minutes: 45, except_meeting: None };
        let start = Instant::now();
        std::hint::black_box(slots::find(&store, &query).await?);
        slot_times.push(start.elapsed());
    }
    let zone = time::zone_or_utc(&c.time_zone);
    let mut today_times = Vec::new();
    for n in 0..200u32 {
        let local = day(n % 4).and_hms_opt(8 + n % 10, (n * 7) % 60, 0).expect("valid time");
        let now = time::local_seconds(local, zone);
        let start = Instant::now();
        std::hint::black_box(today::today(&store, c.id, now).await?);
        today_times.push(start.elapsed());
    }
    // The first read after the app went quiet: the page caches given back
    // (Store::give_back_caches, as the app does after a pause), the file in
    // the OS's cache.
    let mut after_pause = Vec::new();
    for n in 0..50u32 {
        let local = day(n % 4).and_hms_opt(8 + n % 10, (n * 7) % 60, 0).expect("valid time");
        let now = time::local_seconds(local, zone);
        hallway_core::Store::give_back_caches();
        let start = Instant::now();
        std::hint::black_box(today::today(&store, c.id, now).await?);
        after_pause.push(start.elapsed());
    }
    let label = format!("({booked} meetings, 200 attending, 200 runs)");
    let (p50, p99) = percentiles(slot_times);
    println!("{:<46} {:>10.2}ms {:>10}", format!("free slots p50 {label}"), p50, "");
    println!("{:<46} {:>10.2}ms {:>10}", "free slots p99", p99, "≤ 10ms");
    let (p50, p99) = percentiles(today_times);
    println!("{:<46} {:>10.2}ms {:>10}", "Today view data p50", p50, "");
    println!("{:<46} {:>10.2}ms {:>10}", "Today view data p99", p99, "≤ 20ms");
    let (p50, p99) = percentiles(after_pause);
    println!("{:<46} {:>10.2}ms {:>10}", "  after a pause (caches given back) p50", p50, "");
    println!("{:<46} {:>10.2}ms {:>10}", "  after a pause (caches given back) p99", p99, "");
    Ok(())
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(times[times.len() / 2]), ms(times[times.len() * 99 / 100]))
}
