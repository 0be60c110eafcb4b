//! Fuzz target: the schedule_json reader alone, reached with `read_as` so that
//! format detection cannot turn a mutant away from it.
#![no_main]

use hallway_core::program::import::ProgramFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| hallway_fuzz::program(ProgramFormat::PretalxJson, data));
