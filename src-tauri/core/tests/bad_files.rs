//! The malformed-input corpus (tests/fixtures/bad, written by its
//! make_corpus.py) through the real import path: every file must give the
//! exact error or outcome that expected.json records for it, write nothing
//! it should not, and stay within a time and memory bound.
//!
//! Each file is first read on its own thread, watched by two guards:
//! - a hang guard: the read must finish within `HANG_GUARD`, else the test
//!   fails. It is generous on purpose (a correct read of these files takes
//!   milliseconds); it catches runaway loops, it does not measure speed.
//! - a memory guard: this test binary's global allocator counts live heap
//!   bytes and their peak, so the peak a read adds is measured exactly (not
//!   RSS, which allocator caching and page granularity blur). It must stay
//!   under `PEAK_FLOOR + PEAK_PER_BYTE × file size`, and an allocation that
//!   would take the process past `HARD_CAP` fails at once, so a blow-up ends
//!   this test instead of the machine. This file holds one test, so no
//!   other test shares the counter.
//!
//! Then the file is imported, as the app and the CLI do, into a fresh
//! database (program files into a congress, contacts into People), and the
//! error message, the report and the row counts are compared with what is
//! expected. `BLESS_BAD_FILES=1` rewrites expected.json from what happens
//! (keeping each entry's `why`), for review in the diff.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::program::import::{import_file, ImportProgress, ReadContext};
use hallway_core::{people, stats, Store};
use serde_json::{json, Map, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// Long enough for any honest read on a slow, shared machine; a read still
/// running after this is stuck.
const HANG_GUARD: Duration = Duration::from_secs(10);
/// Heap a read may use whatever the file's size…
const PEAK_FLOOR: usize = 32 << 20;
/// …plus this many bytes per byte of file.
const PEAK_PER_BYTE: usize = 24;
/// No allocation may take the process past this while the corpus runs.
const HARD_CAP: usize = 2 << 30;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !reserve(layout.size()) {
            return std::ptr::null_mut();
        }
        let ptr = System.alloc(layout);
        if ptr.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() && !reserve(new_size - layout.size()) {
            return std::ptr::null_mut();
        }
        let new = System.realloc(ptr, layout, new_size);
        if new.is_null() {
            if new_size > layout.size() {
                LIVE.fetch_sub(new_size - layout.size(), Ordering::Relaxed);
            }
        } else if new_size < layout.size() {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        new
    }
}

/// Counts `size` more live bytes, unless that passes the hard cap.
fn reserve(size: usize) -> bool {
    let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
    if live > HARD_CAP {
        LIVE.fetch_sub(size, Ordering::Relaxed);
        return false;
    }
    PEAK.fetch_max(live, Ordering::Relaxed);
    true
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad")
}

/// Which import a file goes through.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Program,
    Contacts,
}

impl Kind {
    fn parse(text: &str) -> Kind {
        match text {
            "program" => Kind::Program,
            "contacts" => Kind::Contacts,
            other => panic!("unknown import kind {other}"),
        }
    }

    /// For files new to expected.json: contacts by extension or name.
    fn guess(name: &str) -> Kind {
        if name.ends_with(".vcf") || name.starts_with("Connections") || name.starts_with("contacts") {
            Kind::Contacts
        } else {
            Kind::Program
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Kind::Program => "program",
            Kind::Contacts => "contacts",
        }
    }
}

fn ctx() -> ReadContext {
    ReadContext {
        zone: chrono_tz::Tz::America__New_York,
        first_day: chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        last_day: chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
    }
}

/// Why a read failed the guard, in words (it panicked, or it hung).
#[derive(Debug)]
struct GuardFailed(String);

impl std::fmt::Display for GuardFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What reading a file alone did: how it ended, and the heap it took.
struct Read {
    ended: &'static str,
    peak: usize,
}

/// Reads `bytes` on a thread under the hang guard; measures its heap peak.
/// `Err` says why the read failed the guard: it panicked, or hung (its
/// thread is then left behind, and the test will fail).
fn guarded_read(name: &str, kind: Kind, bytes: Vec<u8>) -> Result<Read, GuardFailed> {
    let (done, wait) = mpsc::channel();
    let baseline = LIVE.load(Ordering::Relaxed);
    PEAK.store(baseline, Ordering::Relaxed);
    let reader = std::thread::Builder::new()
        .name(format!("read {name}"))
        .spawn(move || {
            let ended = match kind {
                Kind::Program => match hallway_core::program::import::read(&bytes, &ctx()) {
                    Ok(_) => "ok",
                    Err(_) => "error",
                },
                Kind::Contacts => match people::import::read(&bytes) {
                    Ok(_) => "ok",
                    Err(_) => "error",
                },
            };
            drop(bytes);
            let _ = done.send(ended);
        })
        .expect("a thread for the read");
    let started = std::time::Instant::now();
    match wait.recv_timeout(HANG_GUARD) {
        Ok(ended) => {
            reader.join().expect("the reader thread ends");
            if std::env::var_os("BAD_FILES_TIMES").is_some() {
                eprintln!("{name}: read in {:?}", started.elapsed());
            }
            Ok(Read { ended, peak: PEAK.load(Ordering::Relaxed).saturating_sub(baseline) })
        }
        // The sender is gone without a word: the reader panicked.
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(GuardFailed(format!("{name}: the reader panicked"))),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(GuardFailed(format!("{name}: the read did not finish within {HANG_GUARD:?}")))
        }
    }
}

/// A migrated database holding one congress, made once and copied for each
/// file (migrating a new file each time would make most of this test's
/// run time).
async fn template(dir: &Path) -> (PathBuf, hallway_core::ids::CongressId) {
    let path = dir.join("template.sqlite3");
    let store = Store::open(&path).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    let id = congress::create(&store, &draft).await.unwrap().id;
    // Closing the last connection folds the WAL into the file.
    store.close().await;
    (path, id)
}

/// Imports `path` the way the app does and returns what is compared with
/// expected.json: `error` (the message) or `outcome` (the report), and
/// `writes` (rows added per table).
async fn import(
    path: &Path,
    kind: Kind,
    template: &Path,
    congress_id: hallway_core::ids::CongressId,
) -> Map<String, Value> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bad.sqlite3");
    std::fs::copy(template, &db).unwrap();
    let store = Store::open(&db).await.unwrap();
    let before = stats::collect(&store).await.unwrap();
    let never = AtomicBool::new(false);
    let quiet = |_: ImportProgress| {};
    let result = match kind {
        Kind::Program => {
            import_file(&store, congress_id, path, &quiet, &never).await.map(|r| serde_json::to_value(r).unwrap())
        }
        Kind::Contacts => people::import::import_file(&store, path).await.map(|r| serde_json::to_value(r).unwrap()),
    };
    let after = stats::collect(&store).await.unwrap();
    store.close().await;
    let mut got = Map::new();
    match result {
        Ok(report) => got.insert("outcome".into(), report),
        Err(err) => got.insert("error".into(), json!(err.to_string())),
    };
    let writes: Map<String, Value> = after
        .0
        .iter()
        .filter(|(table, n)| before.0[*table] != **n)
        .map(|(table, n)| (table.clone(), json!(*n as i64 - before.0[table] as i64)))
        .collect();
    if !writes.is_empty() {
        got.insert("writes".into(), Value::Object(writes));
    }
    got
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn every_bad_file_fails_cleanly_or_is_tolerated_as_recorded() {
    let dir = corpus_dir();
    let expected_path = dir.join("expected.json");
    let expected: Map<String, Value> = std::fs::read(&expected_path)
        .ok()
        .map(|bytes| serde_json::from_slice(&bytes).expect("expected.json is JSON"))
        .unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.json" && name != "make_corpus.py")
        .collect();
    names.sort();
    assert!(names.len() >= 50, "the corpus has {} files; it should have at least 50", names.len());

    let bless = std::env::var_os("BLESS_BAD_FILES").is_some();
    let templates = tempfile::tempdir().unwrap();
    let (template, congress_id) = template(templates.path()).await;
    let mut blessed = Map::new();
    let mut failures = Vec::new();
    for name in &names {
        let entry = expected.get(name).and_then(Value::as_object);
        let kind = entry.and_then(|e| e["import"].as_str()).map_or_else(|| Kind::guess(name), Kind::parse);
        let path = dir.join(name);
        let bytes = std::fs::read(&path).unwrap();
        let size = bytes.len();
        let read = match guarded_read(name, kind, bytes) {
            Ok(read) => read,
            Err(failure) => {
                failures.push(failure.to_string());
                continue;
            }
        };
        let bound = PEAK_FLOOR + PEAK_PER_BYTE * size;
        if read.peak > bound {
            failures.push(format!(
                "{name}: reading took {} KiB of heap; the bound is {} KiB",
                read.peak >> 10,
                bound >> 10
            ));
        }

        let started = std::time::Instant::now();
        let import = tokio::time::timeout(HANG_GUARD * 3, import(&path, kind, &template, congress_id))
            .await
            .unwrap_or_else(|_| panic!("{name}: the import did not finish within {:?}", HANG_GUARD * 3));
        if std::env::var_os("BAD_FILES_TIMES").is_some() {
            eprintln!("{name}: imported in {:?}, read peak {} KiB", started.elapsed(), read.peak >> 10);
        }
        if read.ended == "error" && import.contains_key("outcome") {
            failures.push(format!("{name}: the read failed but the import succeeded"));
        }
        if import.contains_key("error") && import.contains_key("writes") {
            failures.push(format!("{name}: the import failed but wrote {}", Value::Object(import.clone())));
        }
        let mut got = import;
        if bless {
            let mut entry_out = Map::new();
            entry_out.insert("import".into(), json!(kind.as_str()));
            if let Some(why) = entry.and_then(|e| e.get("why")) {
                entry_out.insert("why".into(), why.clone());
            }
            entry_out.append(&mut got);
            blessed.insert(name.clone(), Value::Object(entry_out));
            continue;
        }
        let Some(entry) = entry else {
            failures.push(format!("{name}: no entry in expected.json (got {})", Value::Object(got)));
            continue;
        };
        let want: Map<String, Value> = entry
            .iter()
            .filter(|(key, _)| matches!(key.as_str(), "error" | "outcome" | "writes"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if want != got {
            failures.push(format!("{name}:\n  expected {}\n  got      {}", Value::Object(want), Value::Object(got)));
        }
    }
    for name in expected.keys() {
        if !names.contains(name) {
            failures.push(format!("{name}: in expected.json but not in the corpus"));
        }
    }
    if bless {
        let text = serde_json::to_string_pretty(&Value::Object(blessed)).unwrap() + "\n";
        std::fs::write(&expected_path, text).unwrap();
    }
    assert!(failures.is_empty(), "{} of {} files:\n{}", failures.len(), names.len(), failures.join("\n"));
}
