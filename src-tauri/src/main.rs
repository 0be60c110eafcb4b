//! Entry point of the desktop app; everything lives in the library so tests
//! and the bindings generator can reach it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    hallway_app::run();
}
