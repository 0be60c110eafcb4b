//! The error every command returns, as the UI receives it: a tagged union
//! `{ kind, message, … }` that TypeScript code branches on by `kind`, never by
//! message text. Core errors are mapped here, at the boundary, so internal
//! causes (SQL text, file system details) are summarised, not leaked whole.

use hallway_core::{CoreError, FieldProblem};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommandError {
    /// The input broke one or more rules; `problems` names each field.
    #[error("{message}")]
    Invalid { message: String, problems: Vec<FieldProblem> },
    /// What the UI asked for no longer exists.
    #[error("{message}")]
    NotFound { message: String },
    /// The change clashes with existing data the user can fix.
    #[error("{message}")]
    Conflict { message: String },
    /// The database failed; the user's data is unchanged.
    #[error("{message}")]
    Storage { message: String },
    /// A file could not be read or written.
    #[error("{message}")]
    Io { message: String },
    /// An imported file was unreadable or malformed; nothing was written.
    /// `line` points at the problem when the reader knows it.
    #[error("{message}")]
    Import { message: String, file: String, line: Option<u32> },
    /// The user cancelled; nothing was written.
    #[error("{message}")]
    Cancelled { message: String },
}

impl From<CoreError> for CommandError {
    fn from(err: CoreError) -> Self {
        let message = err.to_string();
        match err {
            CoreError::Invalid(problems) => CommandError::Invalid { message, problems },
            CoreError::NotFound { .. } => CommandError::NotFound { message },
            CoreError::Conflict(_) => CommandError::Conflict { message },
            CoreError::Database(_) | CoreError::Migration(_) => CommandError::Storage { message },
            CoreError::Io { .. } | CoreError::Sync(_) => CommandError::Io { message },
            CoreError::Import { file, detail } => {
                CommandError::Import { message, file, line: detail.line.and_then(|l| u32::try_from(l).ok()) }
            }
            // The file picked as a backup is the field at fault.
            CoreError::Backup { reason, .. } => {
                CommandError::Invalid { message, problems: vec![FieldProblem::new("backup", reason)] }
            }
            CoreError::Cancelled => CommandError::Cancelled { message },
        }
    }
}
