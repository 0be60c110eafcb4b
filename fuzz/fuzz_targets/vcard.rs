//! Fuzz target: the vcard reader alone, reached with `read_as` so that
//! format detection cannot turn a mutant away from it.
#![no_main]

use hallway_core::people::import::ContactFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| hallway_fuzz::contacts(ContactFormat::Vcard, data));
