//! The copy kept before a migration runs. Migrations never mean to lose data,
//! but a user's only database deserves a second copy before its schema changes:
//! `VACUUM INTO` writes a consistent snapshot next to the file, named after the
//! schema version it holds.

use super::Store;
use crate::{CoreError, Result};
use sqlx::migrate::Migrator;
use std::path::{Path, PathBuf};

/// `hallway.sqlite3` at schema version 3 is kept as `hallway.sqlite3.v3.bak`.
pub fn backup_path_for(db: &Path, version: i64) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}.bak"));
    db.with_file_name(name)
}

/// Snapshots the database when it already holds a schema and a newer
/// migration is about to run. A brand-new file has nothing to keep.
pub(super) async fn before_migrating(store: &Store, migrator: &Migrator) -> Result<()> {
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(store.pool())
    .await?;
    if !has_table {
        return Ok(());
    }
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(store.pool()).await?;
    let Some(current) = applied else { return Ok(()) };
    let newest = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    if newest <= current {
        return Ok(());
    }
    let target = backup_path_for(store.path(), current);
    if target.exists() {
        std::fs::remove_file(&target).map_err(|e| CoreError::io(&target, e))?;
    }
    sqlx::query("VACUUM INTO ?").bind(target.to_string_lossy().into_owned()).execute(store.pool()).await?;
    Ok(())
}
