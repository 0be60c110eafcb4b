//! Putting a backup in the database's place. A restore replaces the user's
//! only copy of their data, so it goes in an order where every failure
//! leaves a usable database behind:
//!
//! 1. the backup is verified (`verify_backup`); a bad one changes nothing;
//! 2. nobody may have the database open: SQLite cannot follow a file that is
//!    swapped under an open connection, and an open app would keep writing
//!    into the replaced file. Switching the journal mode to DELETE needs
//!    every other connection closed, so it both proves that and folds the
//!    WAL into the main file (after the files were copied as found, below);
//! 3. the current database is copied aside as
//!    `<db>.<time>.before-restore.bak`: one self-contained file when it is
//!    healthy, its files exactly as found (main file and `-wal`) when not;
//! 4. the backup is copied to a temporary file in the same folder, synced,
//!    stale `-wal`/`-shm` files are removed (a WAL left beside the restored
//!    file would be replayed into it), and the copy is renamed over the
//!    database, which is atomic.
//!
//! The running app cannot meet rule 2 for itself, so it schedules the
//! restore (`schedule_restore`) and performs it at its next start, before
//! it opens the database (`finish_pending_restore`).

use super::backup::{describe, fresh_name, sibling, BackupFile, BackupKind};
use super::verify::{verify_backup, BackupCheck};
use crate::{CoreError, Result};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Restored {
    pub restored_from: String,
    /// The database as it was before, kept aside (none when there was no
    /// database yet).
    pub safety_copy: Option<BackupFile>,
    pub check: BackupCheck,
}

/// Replaces the database at `db` with the backup at `backup`. No Store may
/// be open on `db`, in this process or another: see the module comment.
pub async fn restore(db: &Path, backup: &Path) -> Result<Restored> {
    if same_file(db, backup) {
        return Err(CoreError::Backup { path: backup.to_path_buf(), reason: "it is the database itself".to_owned() });
    }
    let check = verify_backup(backup).await?;
    let safety_copy = if db.exists() { Some(set_aside(db).await?) } else { None };

    let temporary = sibling(db, &format!("restoring-{}", std::process::id()));
    let copied = copy_synced(backup, &temporary);
    if let Err(err) = copied {
        let _ = std::fs::remove_file(&temporary);
        return Err(err);
    }
    for stale in [sibling_raw(db, "-wal"), sibling_raw(db, "-shm"), sibling_raw(db, "-journal")] {
        match std::fs::remove_file(&stale) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                let _ = std::fs::remove_file(&temporary);
                return Err(CoreError::io(stale, err));
            }
        }
    }
    std::fs::rename(&temporary, db).map_err(|e| CoreError::io(db, e))?;
    sync_dir(db);
    Ok(Restored { restored_from: backup.display().to_string(), safety_copy, check })
}

/// Copies the database aside, after proving nobody else has it open.
///
/// The files are first copied exactly as found, main file and WAL: SQLite
/// keeps committed data in the WAL until a checkpoint, and a damaged main
/// file must not be "repaired" by folding a WAL into it before it is kept.
/// Then leaving WAL mode proves nobody else has the file open (else the
/// copies are dropped and the restore refused). When the database is
/// healthy, the pair is replaced by one self-contained file, which can be
/// verified and restored like any backup; a damaged one keeps the pair
/// (`<copy>` and `<copy>-wal`), which SQLite reads together.
async fn set_aside(db: &Path) -> Result<BackupFile> {
    let target = fresh_name(db, "before-restore.bak");
    let wal = sibling_raw(db, "-wal");
    let target_wal = sibling_raw(&target, "-wal");
    let drop_copies = || {
        let _ = std::fs::remove_file(&target);
        let _ = std::fs::remove_file(&target_wal);
    };
    std::fs::copy(db, &target).map_err(|e| CoreError::io(&target, e))?;
    if wal.exists() {
        if let Err(err) = std::fs::copy(&wal, &target_wal) {
            drop_copies();
            return Err(CoreError::io(&target_wal, err));
        }
    }
    let in_use = CoreError::Conflict(format!(
        "{} is open in Hallway or another hallway-cli; close them and restore again",
        db.display()
    ));
    match fold_wal(db).await {
        Ok(true) if quick_check(db).await => {
            let copied = std::fs::copy(db, &target);
            if let Err(err) = copied {
                drop_copies();
                return Err(CoreError::io(&target, err));
            }
            let _ = std::fs::remove_file(&target_wal);
        }
        // Folded, but damaged: the copies as found are what to keep.
        Ok(true) => {}
        Ok(false) => {
            drop_copies();
            return Err(in_use);
        }
        Err(err) if is_busy(&err) => {
            drop_copies();
            return Err(in_use);
        }
        // Too damaged to open at all: keep the copies as found.
        Err(_) => {}
    }
    describe(&target, BackupKind::BeforeRestore)
}

/// `PRAGMA quick_check` passes on the database at `db` (no one else has it
/// open by now).
async fn quick_check(db: &Path) -> bool {
    let Ok(mut conn) = SqliteConnectOptions::new().filename(db).create_if_missing(false).connect().await else {
        return false;
    };
    let result: std::result::Result<Vec<String>, _> =
        sqlx::query_scalar("PRAGMA quick_check(1)").fetch_all(&mut conn).await;
    let _ = conn.close().await;
    matches!(result.as_deref(), Ok([ok]) if ok == "ok")
}

/// Leaves WAL mode, which SQLite allows only to the last connection: true
/// when the file is now a single self-contained database nobody else has
/// open, false when another connection kept it in WAL mode.
async fn fold_wal(db: &Path) -> std::result::Result<bool, sqlx::Error> {
    let mut conn = SqliteConnectOptions::new()
        .filename(db)
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(2))
        .connect()
        .await?;
    let mode: std::result::Result<String, _> =
        sqlx::query_scalar("PRAGMA journal_mode = DELETE").fetch_one(&mut conn).await;
    let _ = conn.close().await;
    Ok(mode?.eq_ignore_ascii_case("delete"))
}

fn is_busy(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => {
            let code = db.code();
            let code = code.as_deref().unwrap_or_default();
            // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes.
            matches!(code.parse::<i32>().map(|c| c & 0xff), Ok(5 | 6))
        }
        _ => false,
    }
}

/// `db` with `suffix` appended to its file name (`-wal`, `-shm`).
fn sibling_raw(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Copies `from` to a new file `to` and flushes it to disk.
fn copy_synced(from: &Path, to: &Path) -> Result<()> {
    let bytes = std::fs::read(from).map_err(|e| CoreError::io(from, e))?;
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(to).map_err(|e| CoreError::io(to, e))?;
    file.write_all(&bytes).map_err(|e| CoreError::io(to, e))?;
    file.sync_all().map_err(|e| CoreError::io(to, e))
}

/// Makes a rename in the folder durable (POSIX; elsewhere a no-op).
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// The file naming a restore to finish at the next start.
fn pending_path(db: &Path) -> PathBuf {
    sibling(db, "restore-pending")
}

/// Verifies `backup` and records it to be restored over `db` at the app's
/// next start (the running app holds the database open, see above).
pub async fn schedule_restore(db: &Path, backup: &Path) -> Result<BackupCheck> {
    let check = verify_backup(backup).await?;
    let backup = backup.canonicalize().map_err(|e| CoreError::io(backup, e))?;
    let pending = pending_path(db);
    let text = backup.to_str().ok_or_else(|| CoreError::Backup {
        path: backup.clone(),
        reason: "its path is not valid Unicode".to_owned(),
    })?;
    std::fs::write(&pending, text).map_err(|e| CoreError::io(&pending, e))?;
    Ok(check)
}

/// The backup a restore is scheduled from, if any.
pub fn pending_restore(db: &Path) -> Option<PathBuf> {
    std::fs::read_to_string(pending_path(db)).ok().map(|text| PathBuf::from(text.trim()))
}

/// Drops a scheduled restore.
pub fn cancel_pending_restore(db: &Path) -> Result<()> {
    let pending = pending_path(db);
    match std::fs::remove_file(&pending) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(CoreError::io(pending, err)),
        _ => Ok(()),
    }
}

/// Performs a scheduled restore; call before any Store opens `db`. The
/// schedule is dropped whatever happens, so a bad backup cannot stop the
/// app from starting again and again.
pub async fn finish_pending_restore(db: &Path) -> Result<Option<Restored>> {
    let Some(backup) = pending_restore(db) else { return Ok(None) };
    cancel_pending_restore(db)?;
    // The run that scheduled this restarts the app, and may still be
    // exiting with its connections open for a moment: wait for it, briefly.
    let mut tries = 0;
    loop {
        match restore(db, &backup).await {
            Err(CoreError::Conflict(_)) if tries < 25 => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            done => return done.map(Some),
        }
    }
}
