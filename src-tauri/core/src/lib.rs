//! hallway-core: everything Hallway knows and does, with no Tauri in sight.
//!
//! The desktop app (`src-tauri/src`) and the command line (`src-tauri/cli`) are
//! thin shells over these functions: each feature is a core function first,
//! tested here against a real SQLite file, and then exposed by a one-line
//! command. Data flows one way: shells call core; core never calls back.

pub mod congress;
pub mod error;
pub mod export;
pub mod follow_ups;
pub mod goals;
pub mod ids;
pub mod links;
pub mod meetings;
pub mod people;
pub mod pitches;
pub mod plan;
pub mod program;
pub mod relations;
pub mod search;
pub mod settings;
pub mod stats;
pub mod store;
pub mod sync;
pub mod targets;
pub mod text_enum;
pub mod time;

pub use error::{CoreError, FieldProblem, Result};
pub use store::Store;
