//! Keeps `ui/src/lib/bindings.ts` in step with the Rust commands: the test
//! regenerates the file in memory and fails when the committed one differs,
//! so stale bindings cannot land. `UPDATE_BINDINGS=1` (or `make bindings`)
//! rewrites the file instead.

use std::path::Path;

#[test]
fn committed_bindings_match_the_commands() {
    let generated = hallway_app::specta_builder().export_str(hallway_app::typescript()).expect("bindings export");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "{} is stale: run `make bindings` and commit the result", path.display());
}
