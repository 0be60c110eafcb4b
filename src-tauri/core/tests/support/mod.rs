//! Helpers shared by integration tests: `mod support;` in a test file, then
//! `support::dav_server::DavServer` (real CalDAV/CardDAV servers to sync with).

pub mod dav_server;
pub mod etagless;
