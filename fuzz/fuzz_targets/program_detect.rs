//! Fuzz target: the program import as the app calls it, format detection
//! (and UTF-16 re-encoding) first, then whichever reader it picks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(err) = hallway_core::program::import::read(data, &hallway_fuzz::ctx()) {
        assert!(!err.message.trim().is_empty(), "an error without a message");
    }
});
