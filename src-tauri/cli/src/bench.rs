//! `hallway-cli bench`: the figures the issues ask for, measured on generated
//! congress-scale data and printed as a table. Each import runs in a child
//! process of its own so its peak memory (VmHWM) is its own. Benchmarks
//! measure; nothing here asserts a time.

use crate::generate;
use chrono::NaiveDate;
use hallway_core::congress::{self, CongressDraft};
use hallway_core::program::import::{self, ImportProgress};
use hallway_core::{program, CoreError, Result, Store};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// ASH scale: 1,000 sessions, 8,000 abstracts, 70,000 speaker links.
const SESSIONS: usize = 1_000;
const ABSTRACTS: usize = 8_000;
const LINKS: usize = 70_000;
/// Where the nested program stays imported, for the "what changed" figure.
const NESTED_DB: &str = "bench-nested.sqlite3";

pub async fn run(work: Option<PathBuf>) -> Result<()> {
    let Some(dir) = work else {
        // A folder of its own, removed after: each run writes about 220 MB
        // of files and databases, which `make bench` after `make bench`
        // otherwise left in the temp folder.
        let dir = std::env::temp_dir().join(format!("hallway-bench-{}", std::process::id()));
        let result = in_folder(dir.clone()).await;
        if let Err(e) = std::fs::remove_dir_all(&dir) {
            eprintln!("could not remove {}: {e}", dir.display());
        }
        return result;
    };
    in_folder(dir).await
}

async fn in_folder(dir: PathBuf) -> Result<()> {
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    let first_day = NaiveDate::from_ymd_opt(2026, 12, 5).expect("valid date");
    let items = generate::program(first_day, SESSIONS, ABSTRACTS, LINKS);
    let links: usize = items.iter().map(|i| i.speakers.len()).sum();
    let ics = dir.join("ash-scale.ics");
    let xml = dir.join("ash-scale.xml");
    write(&ics, &generate::ics(&items))?;
    write(&xml, &generate::frab_xml(&items))?;
    // The same items with every abstract a talk inside a session (RELATED-TO).
    let nested_items = generate::nested(items.clone());
    let nested = dir.join("ash-scale-nested.ics");
    write(&nested, &generate::ics(&nested_items))?;

    println!("Hallway benchmarks — {}", machine());
    println!("data: {} items ({SESSIONS} sessions + {ABSTRACTS} abstracts), {links} speaker links", items.len());
    println!();
    println!("{:<46} {:>12} {:>10}", "measure", "value", "target");
    let mut ics_ms = 0.0;
    for (label, file, db) in [("ICS", &ics, "bench-ics.sqlite3"), ("schedule.xml", &xml, "bench-xml.sqlite3")] {
        // Median of three runs, each on a fresh database in a fresh process;
        // the nested ICS runs between the flat one's, so that their ratio
        // sets side by side runs made under the same load.
        let mut runs = Vec::new();
        let mut nested_runs = Vec::new();
        for _ in 0..3 {
            runs.push(child(&dir, file, db)?);
            if label == "ICS" {
                nested_runs.push(child(&dir, &nested, NESTED_DB)?);
            }
        }
        let out = medians(&runs);
        println!(
            "{:<46} {:>10.0}ms {:>10}",
            format!("import {label} ({}), median of 3", mb(file)?),
            out[0],
            "≤ 1000ms"
        );
        println!("{:<46} {:>10.0}ms {:>10}", format!("re-import unchanged {label}"), out[1], "≤ 1000ms");
        println!("{:<46} {:>10.0}MB {:>10}", format!("peak memory of the {label} import process"), out[2] / 1024.0, "");
        if label == "ICS" {
            ics_ms = out[0];
            let nested_out = medians(&nested_runs);
            let size = mb(&nested)?;
            println!(
                "{:<46} {:>10.0}ms {:>10}",
                format!("import nested ICS ({size}), median of 3"),
                nested_out[0],
                "≤ 1000ms"
            );
            println!("{:<46} {:>10.0}ms {:>10}", "re-import unchanged nested ICS", nested_out[1], "");
            println!("{:<46} {:>10.2}× {:>10}", "  nested / flat import time", nested_out[0] / out[0], "≤ 1.10×");
        }
    }
    ceiling(&dir, items.len(), links, ics_ms).await?;
    crate::bench_changes::run(&dir.join(NESTED_DB), &nested_items, &dir.join("ash-scale-nested-changed.ics")).await?;
    let (p50, p99) = search_latency(&dir.join("bench-xml.sqlite3")).await?;
    println!("{:<46} {:>10.2}ms {:>10}", "program search p50 (200 queries)", p50, "");
    println!("{:<46} {:>10.2}ms {:>10}", "program search p99 (200 queries)", p99, "≤ 5ms");
    crate::bench_agenda::run(&dir.join("bench-xml.sqlite3")).await?;
    crate::bench_relations::run(&dir).await?;
    people(&dir).await
}

/// 50,000 LinkedIn connections: import, search as you type, first page.
async fn people(dir: &Path) -> Result<()> {
    let csv = dir.join("Connections.csv");
    write(&csv, &generate::connections_csv(50_000))?;
    let db = dir.join("bench-people.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let store = Store::open(&db).await?;
    let start = Instant::now();
    let report = hallway_core::people::import::import_file(&store, &csv).await?;
    let import_ms = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{:<46} {:>10.0}ms {:>10}",
        format!("import Connections.csv ({} people)", report.added),
        import_ms,
        "≤ 2000ms"
    );
    // Search as you type: every prefix of a few names, as keystrokes.
    let mut times: Vec<Duration> = Vec::new();
    let words = ["sanchez", "muller", "odegard", "karolinska", "fellow", "ana zhang", "hopital", "novartis"];
    for word in words.iter().cycle().take(words.len() * 4) {
        for end in 1..=word.len() {
            let typed = &word[..end];
            let start = Instant::now();
            std::hint::black_box(hallway_core::people::search(&store, typed, 200).await?);
            times.push(start.elapsed());
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{:<46} {:>10.2}ms {:>10}",
        format!("people search p50 ({} keystrokes)", times.len()),
        ms(times[times.len() / 2]),
        ""
    );
    println!("{:<46} {:>10.2}ms {:>10}", "people search p99", ms(times[times.len() * 99 / 100]), "≤ 5ms");
    let start = Instant::now();
    let page = hallway_core::people::list_page(&store, 0, 200).await?;
    println!(
        "{:<46} {:>10.2}ms {:>10}",
        format!("first page of people ({} of {})", page.people.len(), page.total),
        ms(start.elapsed()),
        "≤ 20ms"
    );
    Ok(())
}

/// The median of three runs, figure by figure.
fn medians(runs: &[[f64; 3]]) -> [f64; 3] {
    let median = |k: usize| {
        let mut v: Vec<f64> = runs.iter().map(|r| r[k]).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    [median(0), median(1), median(2)]
}

/// A file's size as "4.2 MB".
fn mb(file: &Path) -> Result<String> {
    let size = std::fs::metadata(file).map_err(|e| CoreError::io(file, e))?.len();
    Ok(format!("{:.1} MB", size as f64 / 1_048_576.0))
}

/// Runs `hallway-cli bench-import` on `file` in a fresh process, on a fresh
/// database `db` in `dir`: returns [import ms, re-import ms, peak KiB].
fn child(dir: &Path, file: &Path, db: &str) -> Result<[f64; 3]> {
    let exe = std::env::current_exe().map_err(|e| CoreError::io("current executable", e))?;
    let db = dir.join(db);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let output = Command::new(exe)
        .arg("--db")
        .arg(&db)
        .arg("bench-import")
        .arg(file)
        .output()
        .map_err(|e| CoreError::io("hallway-cli bench-import", e))?;
    if !output.status.success() {
        return Err(CoreError::Conflict(format!("bench-import failed: {}", String::from_utf8_lossy(&output.stderr))));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let numbers: Vec<f64> = text.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    match numbers[..] {
        [a, b, c, ..] => Ok([a, b, c]),
        _ => Err(CoreError::Conflict(format!("unexpected bench-import output: {text}"))),
    }
}

/// The child's work: create the congress, import twice, print the figures.
pub async fn import_child(store: &Store, file: &Path) -> Result<()> {
    let draft = CongressDraft {
        name: "ASH 2026 (generated)".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    let c = congress::create(store, &draft).await?;
    let never = AtomicBool::new(false);
    let quiet = |_: ImportProgress| {};
    let start = Instant::now();
    let first = import::import_file(store, c.id, file, &quiet, &never).await?;
    let first_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let again = import::import_file(store, c.id, file, &quiet, &never).await?;
    let again_ms = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!("first: {first:?}\nagain: {again:?}");
    // Reading alone (parse and normalise, no database), to set beside other
    // programs that only parse: the quickest of three.
    let bytes = std::fs::read(file).map_err(|e| CoreError::io(file, e))?;
    let ctx = import::ReadContext {
        zone: hallway_core::time::zone_or_utc(&c.time_zone),
        first_day: c.starts_on,
        last_day: c.ends_on,
    };
    let mut parse_ms = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        import::read(&bytes, &ctx).map_err(|detail| CoreError::Import { file: file.display().to_string(), detail })?;
        parse_ms = parse_ms.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!("{first_ms:.1} {again_ms:.1} {} {parse_ms:.1}", peak_kib());
    Ok(())
}

async fn search_latency(db: &Path) -> Result<(f64, f64)> {
    let store = Store::open(db).await?;
    let c = congress::resolve(&store, "ASH 2026 (generated)").await?;
    let words = ["myel", "lymph", "sanch", "ødeg", "müller", "outcomes", "1234", "cohort", "sickle", "trans", "car"];
    let mut times: Vec<Duration> = Vec::with_capacity(200);
    for i in 0..200 {
        let query =
            format!("{} {}", words[i % words.len()], if i % 3 == 0 { words[(i / 3) % words.len()] } else { "" });
        let start = Instant::now();
        let found = program::search(&store, c.id, &query, 200).await?;
        times.push(start.elapsed());
        std::hint::black_box(found);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Ok((ms(times[times.len() / 2]), ms(times[times.len() * 99 / 100])))
}

/// SQLite's own bulk insert on this machine, as the ceiling for an import:
/// as many rows as the ASH-scale import writes (sessions, speaker links and
/// about 28,000 people), into a plain table with no indexes and no FTS, in
/// one statement that SQLite runs by itself (the rows come from a recursive
/// CTE), so no driver round trip per row is counted.
async fn ceiling(dir: &Path, sessions: usize, links: usize, import_ms: f64) -> Result<()> {
    let db = dir.join("bench-ceiling.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let store = Store::open(&db).await?;
    sqlx::query("CREATE TABLE bulk (a INTEGER, b TEXT, c TEXT)").execute(store.pool()).await?;
    let rows = sessions + links + 28_000;
    let text = "Myeloma: session on new therapies, outcomes; and trials in a multicenter cohort";
    let start = Instant::now();
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO bulk (a, b, c) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) \
         SELECT i, ? || i, 'Room ' || (i % 60) FROM n",
    )
    .bind(rows as i64)
    .bind(text)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    store.close().await;
    println!("{:<46} {:>10.0}ms {:>10}", format!("SQLite bulk insert of {rows} rows (ceiling)"), ms, "");
    println!("{:<46} {:>10.1}× {:>10}", "  ICS import time / SQLite ceiling", import_ms / ms, "");
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| CoreError::io(path, e))
}

/// Peak resident set of this process, in KiB (Linux; 0 elsewhere).
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    format!("{cpu}, {cores} cores")
}
