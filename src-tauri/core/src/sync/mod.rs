//! Sync with the user's own calendar and contacts server (CalDAV/CardDAV):
//! the client ([`dav`], on libdav), the planner that decides what goes where
//! ([`plan`], pure), what the server holds of the plan, kept in the database
//! ([`state`]), the engine that carries a sync out ([`engine`]), the password
//! in the keychain ([`secret`]), and what Settings and the CLI call
//! ([`account`]).

pub mod account;
pub mod dav;
pub mod engine;
pub mod plan;
pub mod secret;
pub mod state;
