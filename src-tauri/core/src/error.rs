//! The core's error type. It keeps the underlying cause (sqlx, io) for
//! logging and tests; the app and the CLI turn it into their own transport
//! shapes at their boundary, so nothing here needs to be serialisable.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// One thing wrong with one field of a form or one column of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FieldProblem {
    /// The field's name as the draft type spells it (`ends_on`, `time_zone`…).
    pub field: String,
    /// What is wrong, in words a user understands.
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self { field: field.to_owned(), message: message.into() }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The input breaks one or more rules; nothing was written.
    #[error("{}", summarize(.0))]
    Invalid(Vec<FieldProblem>),

    /// A referenced row does not exist (or no longer does).
    #[error("no {what} matches {reference}")]
    NotFound { what: &'static str, reference: String },

    /// The change would break a uniqueness rule the user can fix.
    #[error("{0}")]
    Conflict(String),

    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),

    #[error("could not upgrade the database: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),

    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    /// A file could not be imported; nothing was written.
    #[error("{file}: {detail}")]
    Import { file: String, detail: crate::program::import::ReadError },

    /// A file offered as a backup cannot be restored (not SQLite, damaged,
    /// not Hallway's, or from a newer Hallway); nothing was changed.
    #[error("{}: not a usable Hallway backup: {reason}", path.display())]
    Backup { path: PathBuf, reason: String },

    /// The user stopped a long operation; nothing was written.
    #[error("cancelled; nothing was changed")]
    Cancelled,

    /// The calendar or contacts server refused or could not be reached; in
    /// words a user understands (see `sync::dav::DavError::user_message`).
    #[error("{0}")]
    Sync(String),
}

impl CoreError {
    pub fn not_found(what: &'static str, reference: impl ToString) -> Self {
        Self::NotFound { what, reference: reference.to_string() }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), source }
    }
}

fn summarize(problems: &[FieldProblem]) -> String {
    match problems {
        [] => "invalid input".to_owned(),
        [one] => format!("{}: {}", field_label(&one.field), one.message),
        [first, rest @ ..] => format!("{}: {} (and {} more)", field_label(&first.field), first.message, rest.len()),
    }
}

/// A field as forms label it: "ends_on" is the "End date", "my_card.email"
/// the "Email" of My card. Messages name fields as the user sees them.
pub fn field_label(field: &str) -> String {
    let field = field.rsplit('.').next().unwrap_or(field);
    let known = match field {
        "starts_on" => Some("Start date"),
        "ends_on" => Some("End date"),
        "starts_local" => Some("Start"),
        "due_local" => Some("Due date"),
        "display_name" => Some("Name"),
        "congress_id" => Some("Congress"),
        "orcid" => Some("ORCID"),
        "target_seconds" => Some("Speaking time"),
        "day_end_hour" => Some("Day ends at"),
        "on_day" => Some("Date"),
        "to_person_id" => Some("Introduce to"),
        "through_person_id" => Some("Met through"),
        _ => None,
    };
    if let Some(label) = known {
        return label.to_owned();
    }
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_fields_as_forms_do() {
        let err =
            CoreError::Invalid(vec![FieldProblem::new("ends_on", "A congress lasts at most 31 days; check the year.")]);
        assert_eq!(err.to_string(), "End date: A congress lasts at most 31 days; check the year.");
        assert_eq!(field_label("time_zone"), "Time zone");
        assert_eq!(field_label("my_card.email"), "Email");
        assert_eq!(field_label("buffer_minutes"), "Buffer minutes");
    }
}
