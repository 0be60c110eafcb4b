//! Build script for the Tauri app: reads tauri.conf.json at the repository
//! root and the capability files kept under src-tauri/capabilities, and lays
//! out the release app's code in the order a session first runs it.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"))
        .expect("failed to run the Tauri build script");
    link_order();
}

/// The release app on x86-64 Linux, linked by LLD (Rust's default linker
/// there), places the functions listed in `link-order.txt` first, in that
/// order. The kernel maps an executable's code 64 KB at a time around each
/// page used, so code spread over the binary kept ~11 MB of it in memory
/// where ~4 MB runs; packed, the app process holds about 6 MB less
/// (docs/performance.md, "Code in the order it runs"). Names the build no
/// longer has are skipped, so a stale list costs only that gain.
/// `HALLWAY_LINK_ORDER=0` turns it off (for a linker other than LLD).
///
/// The release app on Linux is also stripped here, by the link, rather than
/// by the profile's `strip`: a profile setting changes every symbol's name
/// (Cargo hashes the profile into each crate's), so `make link-order` builds
/// with `HALLWAY_KEEP_SYMBOLS=1`, the same profile, and the names it records
/// are the ones this build links.
fn link_order() {
    println!("cargo:rerun-if-changed=src-tauri/link-order.txt");
    println!("cargo:rerun-if-env-changed=HALLWAY_LINK_ORDER");
    println!("cargo:rerun-if-env-changed=HALLWAY_KEEP_SYMBOLS");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("PROFILE") != "release" || !var("TARGET").contains("-linux-") {
        return;
    }
    if var("HALLWAY_KEEP_SYMBOLS") != "1" {
        println!("cargo:rustc-link-arg-bin=hallway=-Wl,--strip-all");
    }
    if var("TARGET") != "x86_64-unknown-linux-gnu" || var("HALLWAY_LINK_ORDER") == "0" {
        return;
    }
    let list = std::path::Path::new(&var("CARGO_MANIFEST_DIR")).join("src-tauri/link-order.txt");
    println!("cargo:rustc-link-arg-bin=hallway=-Wl,--symbol-ordering-file={}", list.display());
    println!("cargo:rustc-link-arg-bin=hallway=-Wl,--no-warn-symbol-ordering");
}
