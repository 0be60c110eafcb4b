//! Sync with the user's own calendar and contacts server (CalDAV/CardDAV):
//! the planner that decides what goes where ([`plan`], pure), and what the
//! server holds of the plan, kept in the database ([`state`]).

pub mod dav;
pub mod engine;
pub mod plan;
pub mod state;
