//! Build script of the bare window: reads its tauri.conf.json.
fn main() {
    tauri_build::build();
}
