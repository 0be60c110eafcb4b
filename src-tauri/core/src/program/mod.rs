//! The congress program: its sessions, how they are imported, searched and
//! marked for the personal agenda.

pub mod import;
