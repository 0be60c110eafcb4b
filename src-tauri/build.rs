//! Build script for the Tauri app: reads tauri.conf.json at the repository
//! root and the capability files kept under src-tauri/capabilities.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"))
        .expect("failed to run the Tauri build script");
}
