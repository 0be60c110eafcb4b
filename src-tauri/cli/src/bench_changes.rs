//! The "what changed for me" figure of `make bench` (issue 17): the work an
//! import adds to find what of the user's plan a new edition of the program
//! changed — the picture of the marked sessions taken before it writes
//! (`changes::Plan::before`) and the comparison that keeps the changes
//! (`changes::record`) — timed alone, on the nested ASH-scale program with
//! 150 sessions and talks attending, 50 maybe, targets and meetings, after
//! re-importing an edition in which about 5 % of the items moved.

use crate::generate::{self, Item};
use chrono::NaiveDate;
use hallway_core::meetings::{self, MeetingDraft, MeetingKind, MeetingStatus};
use hallway_core::program::changes::{self, ChangeKind, Plan};
use hallway_core::program::import::{self, ImportProgress};
use hallway_core::program::{self, Attendance};
use hallway_core::targets::{self, Priority, TargetDraft, TargetStatus, Why};
use hallway_core::{congress, people, time, CoreError, Result, Store};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const RUNS: usize = 9;
const ATTENDING: usize = 150;
const MAYBE: usize = 50;
/// Late-breaking abstracts in the new edition, each by a target.
const LATE: usize = 20;
const TARGETS: usize = 80;
const MEETINGS: u32 = 40;

/// On `db` (holding the nested program `items`): marks the plan, writes the
/// changed edition to `changed`, re-imports it, and prints the figure.
pub async fn run(db: &Path, items: &[Item], changed: &Path) -> Result<()> {
    let store = Store::open(db).await?;
    let result = run_on(&store, items, changed).await;
    store.close().await;
    result
}

async fn run_on(store: &Store, items: &[Item], changed: &Path) -> Result<()> {
    let c = congress::list(store).await?.into_iter().next().ok_or_else(|| CoreError::not_found("congress", "any"))?;
    let zone = time::zone_or_utc(&c.time_zone);

    // The plan: 200 sessions and talks drawn at random, 150 attending, 50 maybe.
    let sessions = program::list(store, c.id).await?;
    let mut picked = Vec::new();
    let mut seed: u64 = 0x17_2026;
    while picked.len() < (ATTENDING + MAYBE).min(sessions.len()) {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let n = ((seed >> 33) as usize) % sessions.len();
        if !picked.contains(&n) {
            picked.push(n);
        }
    }
    for (k, &n) in picked.iter().enumerate() {
        let mark = if k < ATTENDING { Attendance::Attending } else { Attendance::Maybe };
        program::set_attendance(store, sessions[n].id, Some(mark)).await?;
    }

    // The new edition; the speakers of its late-breaking abstracts, then
    // those of every 97th item, are the congress's targets.
    let edition = generate::changed(items, LATE);
    std::fs::write(changed, generate::ics(&edition)).map_err(|e| CoreError::io(changed, e))?;
    let mut persons = Vec::new();
    let late = &edition[edition.len() - LATE.min(edition.len())..];
    for item in late.iter().chain(items.iter().step_by(97)) {
        let Some(name) = item.speakers.first() else { continue };
        if let Some(&id) = people::find_by_email_or_name(store, name).await?.first() {
            if !persons.contains(&id) {
                persons.push(id);
            }
        }
        if persons.len() == TARGETS {
            break;
        }
    }
    let why = TargetDraft {
        priority: Priority::Must,
        why: Why::Collaborator,
        status: TargetStatus::Idea,
        reason: String::new(),
    };
    for &person in &persons {
        targets::set(store, c.id, person, &why).await?;
    }
    // Meetings with some of them, ten a day, for a moved session to clash with.
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, 5 + d).expect("congress day");
    for (n, &person) in (0..MEETINGS).zip(persons.iter().cycle()) {
        let draft = MeetingDraft {
            congress_id: c.id,
            title: format!("Meeting {n}"),
            purpose: "Collaboration".into(),
            place: "Booth".into(),
            kind: MeetingKind::OneToOne,
            status: MeetingStatus::Confirmed,
            starts_local: day(n % 4).and_hms_opt(8 + n / 4, 15 * (n % 3), 0).expect("valid time"),
            minutes: 30,
            notes: String::new(),
            people: vec![person],
        };
        meetings::create(store, &draft).await?;
    }

    // Before the import: the picture of the plan, as the import takes it
    // (first thing in its transaction, on a bulk-write connection of its own).
    let mut before_times = Vec::with_capacity(RUNS);
    let mut plan = Plan::default();
    for _ in 0..RUNS {
        let mut conn = store.bulk_writer().await?;
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
        let start = Instant::now();
        plan = Plan::before(&mut tx, c.id).await?;
        before_times.push(start.elapsed());
        tx.rollback().await?;
    }
    let newest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM sessions").fetch_one(store.pool()).await?;

    // The re-import itself, as the app runs it (it records the changes too).
    let never = AtomicBool::new(false);
    let report = import::import_file(store, c.id, changed, &|_: ImportProgress| {}, &never).await?;
    let found = changes::unseen(store, c.id).await?;

    // After it: the comparison, on the program as the import left it, with
    // the changes it kept taken out first (inside the transaction, which is
    // rolled back), so that every run finds and writes them again.
    let new: Vec<i64> = sqlx::query_scalar("SELECT id FROM sessions WHERE congress_id = ? AND id > ? ORDER BY id")
        .bind(c.id)
        .bind(newest)
        .fetch_all(store.pool())
        .await?;
    let mut conn = store.bulk_writer().await?;
    let mut record_times = Vec::with_capacity(RUNS);
    let mut waiting = 0;
    for _ in 0..RUNS {
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
        sqlx::query("DELETE FROM program_changes WHERE congress_id = ? AND seen_at IS NULL")
            .bind(c.id)
            .execute(&mut *tx)
            .await?;
        let start = Instant::now();
        waiting = changes::record(&mut tx, c.id, zone, &plan, &new, time::now_seconds()).await?;
        record_times.push(start.elapsed());
        tx.rollback().await?;
    }
    drop(conn);
    if waiting as usize != found.len() {
        eprintln!("bench: the timed comparison found {waiting} changes, the import {}", found.len());
    }

    let mut totals: Vec<Duration> = before_times.iter().zip(&record_times).map(|(b, r)| *b + *r).collect();
    totals.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let count = |kind: ChangeKind| found.iter().filter(|f| f.kind == kind).count();
    println!(
        "{:<46} {:>10.2}ms {:>10}",
        "what changed for me after re-import, nested ICS",
        ms(totals[RUNS / 2]),
        "≤ 20ms"
    );
    println!(
        "{:<46} {:>10}   {:>10}",
        format!(
            "  changes found ({} marked, {} items changed)",
            picked.len(),
            report.updated + report.withdrawn + report.added
        ),
        waiting,
        ""
    );
    println!(
        "    {} moved, {} room, {} retitled, {} withdrawn, {} meeting clashes, {} new target talks",
        count(ChangeKind::Moved),
        count(ChangeKind::Room),
        count(ChangeKind::Retitled),
        count(ChangeKind::Withdrawn),
        count(ChangeKind::MeetingClash),
        count(ChangeKind::NewTargetTalk),
    );
    Ok(())
}
