//! Fuzz target: the contacts import as the app calls it, detection first
//! (vCard, LinkedIn's Connections.csv or a generic CSV), then its reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(err) = hallway_core::people::import::read(data) {
        assert!(!err.message.trim().is_empty(), "an error without a message");
    }
});
