//! Exports: the congress plan as one iCalendar file that every calendar app
//! imports (and re-imports as updates, not duplicates), a single meeting as
//! an "add to calendar" file, people and the user's own card as vCards, and
//! that card as a QR code to be scanned on the congress floor.
//!
//! Files are built in memory, then written by [`write_file`] beside their
//! destination and renamed over it, so a full disk or a crash never leaves
//! half a calendar where the user's last good export was.

mod content;
pub mod ics;
mod ics_rows;
mod qr;
pub mod vcard;

pub use ics::{ExportOptions, IcsFile};
pub use qr::qr_svg;

use crate::ids::{CongressId, MeetingId, PersonId};
use crate::{settings, CoreError, FieldProblem, Result, Store};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// What an export wrote: where, and how many calendar items (or cards).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Written {
    pub path: String,
    pub events: u32,
}

/// Writes `text` to `path` through a temporary file in the same folder,
/// synced and renamed over the destination: the destination holds either
/// the old file or the whole new one, never a part.
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let fail = |source| CoreError::io(path, source);
    let mut temp =
        tempfile::Builder::new().prefix(".hallway-export-").suffix(".part").tempfile_in(folder).map_err(fail)?;
    temp.write_all(text.as_bytes()).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    // On failure the temporary file is dropped, which deletes it.
    temp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// The congress plan as an ICS file at `path`.
pub async fn write_ics(
    store: &Store,
    congress_id: CongressId,
    options: &ExportOptions,
    path: &Path,
) -> Result<Written> {
    let file = ics::export(store, congress_id, options).await?;
    write_file(path, &file.text)?;
    Ok(Written { path: path.display().to_string(), events: file.events })
}

/// One meeting as an "add to calendar" ICS file at `path`.
pub async fn write_meeting_ics(store: &Store, meeting_id: MeetingId, path: &Path) -> Result<Written> {
    let file = ics::export_meeting(store, meeting_id).await?;
    write_file(path, &file.text)?;
    Ok(Written { path: path.display().to_string(), events: file.events })
}

/// One person as a vCard 3.0 file at `path`.
pub async fn write_person_vcard(store: &Store, person_id: PersonId, path: &Path) -> Result<Written> {
    let card = vcard::person(store, person_id).await?;
    write_file(path, &card)?;
    Ok(Written { path: path.display().to_string(), events: 1 })
}

/// The user's own card as a vCard 3.0 file at `path`.
pub async fn write_my_card(store: &Store, path: &Path) -> Result<Written> {
    let card = my_card_text(store).await?;
    write_file(path, &card)?;
    Ok(Written { path: path.display().to_string(), events: 1 })
}

/// The user's own card as a QR code (SVG), to show on screen.
pub async fn my_card_qr(store: &Store) -> Result<String> {
    qr_svg(&my_card_text(store).await?)
}

async fn my_card_text(store: &Store) -> Result<String> {
    let settings = settings::get(store).await?;
    if settings.my_card.name.trim().is_empty() {
        return Err(CoreError::Invalid(vec![FieldProblem::new(
            "my_card.name",
            "Fill in your name in Settings → My card first.",
        )]));
    }
    Ok(vcard::my_card(&settings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ics");
        write_file(&target, "old").unwrap();
        write_file(&target, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        // A directory cannot be replaced by a file: the write fails, and
        // nothing but the directory and the earlier file remains.
        let blocked = dir.path().join("folder");
        std::fs::create_dir(&blocked).unwrap();
        assert!(matches!(write_file(&blocked, "x"), Err(CoreError::Io { .. })));
        let mut names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, ["folder", "plan.ics"]);
        assert!(matches!(write_file(&dir.path().join("missing/plan.ics"), "x"), Err(CoreError::Io { .. })));
    }
}
