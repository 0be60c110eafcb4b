//! Once the database goes quiet, SQLite's page caches are given back
//! (`Store::give_back_caches`). A test binary of its own: SQLite's memory
//! counters are per process, so no other test's reads may run beside it.

use hallway_core::congress::{self, CongressDraft};
use hallway_core::program::{self, import::import_bytes};
use hallway_core::store::QUIET_BEFORE_GIVING_BACK;
use hallway_core::Store;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// Bytes SQLite's page caches hold, over every connection of the process.
fn cached_bytes() -> i64 {
    let (mut now, mut peak) = (0i64, 0i64);
    // SAFETY: two valid out-pointers; SQLITE_STATUS_PAGECACHE_OVERFLOW (2)
    // counts the cache pages taken from the heap, which is all of them here.
    let rc = unsafe { libsqlite3_sys::sqlite3_status64(2, &mut now, &mut peak, 0) };
    assert_eq!(rc, 0);
    now
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_caches_are_given_back_once_the_database_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("h.sqlite3")).await.unwrap();
    let draft = CongressDraft {
        name: "ASH 2026".into(),
        starts_on: "2026-12-05".into(),
        ends_on: "2026-12-08".into(),
        time_zone: "America/New_York".into(),
        ..Default::default()
    };
    let c = congress::create(&store, &draft).await.unwrap().id;
    let mut csv = String::from("Title,Start,End,Room,Description\n");
    for i in 0..3000 {
        let (h, m) = (7 + (i / 60) % 12, i % 60);
        csv += &format!(
            "Session {i} on outcomes in a multicenter cohort,2026-12-06 {h:02}:{m:02},2026-12-06 {h:02}:{m:02},Room {},\
             A description long enough to fill pages: follow-up of patients treated in the cohort {i}\n",
            i % 40
        );
    }
    import_bytes(&store, c, "program.csv", csv.into_bytes(), &|_| {}, &AtomicBool::new(false)).await.unwrap();

    // A burst of reads: the pool's connections cache what they read.
    assert_eq!(program::list(&store, c).await.unwrap().len(), 3000);
    program::search(&store, c, "cohort", 200).await.unwrap();
    let busy = cached_bytes();
    assert!(busy > 256 * 1024, "the reads cached their pages: {busy} bytes");

    // Reads closer together than the quiet time keep the caches.
    for _ in 0..3 {
        tokio::time::sleep(QUIET_BEFORE_GIVING_BACK / 3).await;
        program::search(&store, c, "outcomes", 10).await.unwrap();
    }
    assert!(cached_bytes() > busy / 2, "still busy: {} of {busy} bytes kept", cached_bytes());

    // Given back once quiet: waited for up to 10 s past the quiet time, as a loaded CI machine may
    // be slow to run the task that gives them back.
    let deadline = tokio::time::Instant::now() + QUIET_BEFORE_GIVING_BACK + Duration::from_secs(10);
    tokio::time::sleep(QUIET_BEFORE_GIVING_BACK).await;
    while cached_bytes() >= busy / 10 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let quiet = cached_bytes();
    assert!(quiet < busy / 10, "quiet: {quiet} of {busy} bytes still cached");

    // And the next read finds everything, from the OS's file cache.
    assert_eq!(program::list(&store, c).await.unwrap().len(), 3000);
}
