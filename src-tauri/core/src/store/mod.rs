//! The SQLite database behind Hallway: where it lives, how it is opened, and
//! how its schema is brought up to date.
//!
//! One file per user, in the OS app-data folder unless `HALLWAY_DB` (or the
//! CLI's `--db`) names another. Opened in WAL mode with foreign keys on and a
//! busy timeout, so the app and the CLI can share it; migrations are embedded
//! in the binary and a copy of the file is kept before any of them runs.

mod backup;
mod restore;
mod verify;

use crate::{CoreError, Result};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use backup::{backup_now, backup_path_for, backup_to, list_backups, BackupFile, BackupKind};
pub use restore::{
    cancel_pending_restore, finish_pending_restore, pending_restore, restore, schedule_restore, Restored,
};
pub use verify::{verify_backup, BackupCheck};

/// The bundle identifier, shared with tauri.conf.json so the app and the CLI
/// agree on the app-data folder.
pub const APP_IDENTIFIER: &str = "app.hallway.desktop";

/// The environment variable that points Hallway at another database file.
pub const DB_ENV: &str = "HALLWAY_DB";

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Where the database lives when nothing says otherwise: `HALLWAY_DB`, else
/// `<OS data dir>/app.hallway.desktop/hallway.sqlite3` (the same folder Tauri
/// calls app-data, e.g. `~/.local/share/app.hallway.desktop` on Linux).
pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER).join("hallway.sqlite3")
}

/// Rows that SQLite gathered into one JSON array (`json_group_array` of
/// `json_array`s, `None` when there were none), read into `T`s field by
/// field. For reads of hundreds or thousands of rows: sqlx hands each row
/// from its SQLite thread to ours on its own (4–8 µs a row on a 2-core
/// machine), one JSON value crosses once. `what` names the data in the
/// error, which means a bug (the statement and `T` disagree).
pub(crate) fn json_rows<T: serde::de::DeserializeOwned>(text: Option<String>, what: &str) -> Result<Vec<T>> {
    serde_json::from_str(text.as_deref().unwrap_or("[]"))
        .map_err(|e| CoreError::Conflict(format!("unexpected {what} data: {e}")))
}

/// How long the database goes unused (no connection handed back to the pool)
/// before its page caches are given back ([`Store::give_back_caches`]).
pub const QUIET_BEFORE_GIVING_BACK: Duration = Duration::from_secs(2);

/// Each connection keeps up to 2 MB of pages it read, which speeds up the
/// statements of a burst of work (a screen's reads, typing a search). Once
/// the database has gone quiet, those copies of pages the OS also caches
/// only hold the app's memory up: 8 MB after a program's import and its
/// list (docs/performance.md). They are given back then; the first read
/// after a pause reads its pages from the OS again. A connection held
/// through a long write (an import) is quiet too: its clean pages go once,
/// 2 s in, and it reads them again (dirty ones stay). Ends with the pool
/// (`used`'s sender lives in it).
async fn give_back_when_quiet(mut used: tokio::sync::mpsc::Receiver<()>) {
    while used.recv().await.is_some() {
        loop {
            match tokio::time::timeout(QUIET_BEFORE_GIVING_BACK, used.recv()).await {
                Ok(Some(())) => continue,
                Ok(None) => return,
                Err(_quiet) => break,
            }
        }
        // Off the async workers: trimming walks every malloc arena.
        let _ = tokio::task::spawn_blocking(Store::give_back_caches).await;
    }
}

/// An open, migrated database. Cheap to clone (the pool is shared).
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub async fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
        }
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let (used, quiet) = tokio::sync::mpsc::channel::<()>(1);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .after_release(move |_, _| {
                // Full means a wake-up is already waiting: nothing lost.
                let _ = used.try_send(());
                Box::pin(async { Ok(true) })
            })
            .connect_with(options)
            .await?;
        tokio::spawn(give_back_when_quiet(quiet));
        let store = Self { pool, path };
        backup::before_migrating(&store, &MIGRATOR).await?;
        MIGRATOR.run(&store.pool).await?;
        // Days of interactions logged before they were kept (migration 0012).
        crate::relations::contacts::fill_days(&store).await?;
        Ok(store)
    }

    /// Starts a write transaction that takes SQLite's write lock at once
    /// (`BEGIN IMMEDIATE`), waiting up to the busy timeout for it. A plain
    /// (deferred) transaction that reads first and writes later fails with
    /// SQLITE_BUSY at once, without waiting, when another connection (the
    /// CLI, a second window) wrote in between: waiting could not save its
    /// stale snapshot. Taking the lock up front turns every such collision
    /// into a short wait. Every transaction that writes starts here.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// A connection of its own for one bulk write (a program import), with
    /// a 64 MB page cache and no per-row foreign-key checks: for a writer
    /// that takes every id it links from rows it read or wrote inside its
    /// own `BEGIN IMMEDIATE` transaction, so no reference can dangle. The
    /// connection is closed when dropped, so neither setting, nor the
    /// cache's memory, outlives that write.
    pub async fn bulk_writer(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Sqlite>> {
        let mut conn = self.pool.acquire().await?;
        conn.close_on_drop();
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
        sqlx::query("PRAGMA cache_size = -65536").execute(&mut *conn).await?;
        Ok(conn)
    }

    /// Gives the memory a big write freed back to the operating system.
    /// SQLite allocates through the C library's malloc, and glibc keeps what
    /// is freed in the arena of the thread that freed it: the 64 MB page cache
    /// of a program import's connection, closed, still held the app process
    /// about 10 MB higher (docs/performance.md). `malloc_trim` hands the free
    /// pages of every arena back; what is in use stays where it is.
    pub fn give_back_memory() {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: malloc_trim takes no pointers and only releases free memory;
        // glibc locks each arena while trimming it.
        unsafe {
            libc::malloc_trim(0);
        }
    }

    /// Gives SQLite's page caches back to the operating system: every page
    /// no statement is reading is dropped from the caches of every
    /// connection, and the freed memory is trimmed (`give_back_memory`). The
    /// pages stay in the OS's file cache, so reading them again costs a
    /// system call each, not the disk.
    pub fn give_back_caches() {
        // SAFETY: takes an integer; SQLite frees only unpinned cache pages,
        // under its own page-cache mutex (it is built thread-safe).
        unsafe {
            libsqlite3_sys::sqlite3_release_memory(i32::MAX);
        }
        Self::give_back_memory();
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection, checkpointing the WAL into the main file.
    /// SQLite checkpoints when its last connection closes, but when a pool's
    /// connections close together each may leave that to another (about
    /// half the time, measured), so a passive checkpoint (it never waits for
    /// another process) runs first. Either way nothing is lost: a WAL left
    /// beside the file is part of the database and is read at the next open.
    pub async fn close(self) {
        let _ = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&self.pool).await;
        self.pool.close().await;
    }
}
