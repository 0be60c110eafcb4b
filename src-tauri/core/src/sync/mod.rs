//! Sync with the user's own calendar and contacts server (CalDAV/CardDAV):
//! the client ([`dav`], on libdav), the planner that decides what goes where
//! ([`plan`], pure), what the server holds of the plan, kept in the database
//! ([`state`]), the engine that carries a sync out ([`engine`]), the password
//! in the keychain ([`secret`]), what Settings and the CLI call
//! ([`account`]), settling a meeting changed on both sides by keeping
//! one version ([`resolve`]), the targets as cards in the phone's address
//! book ([`contacts`]), and what the phone added to an item, kept when
//! Hallway writes it again ([`merge`], pure).

pub mod account;
pub mod contacts;
pub mod dav;
pub mod engine;
pub mod merge;
pub mod plan;
pub mod resolve;
pub mod secret;
pub mod state;
