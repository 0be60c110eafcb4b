//! A bare Tauri 2 window: one static page and nothing else, the baseline of
//! `make bench`'s memory rows (`bare Tauri window`, docs/performance.md). It
//! starts the way Hallway starts (src-tauri/src/main.rs and lib.rs): no
//! transparent huge pages, WebKit drawing on the CPU, and JavaScriptCore
//! without its optimizing tiers. The comparison then measures what Hallway's
//! own code and data cost, not those settings.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: prctl with integer arguments only, as Hallway does at start.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
        if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
            // Before any thread exists, as in Hallway.
            std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
        }
        if std::env::var_os("JSC_useDFGJIT").is_none() {
            std::env::set_var("JSC_useDFGJIT", "false");
        }
    }
    tauri::Builder::default().run(tauri::generate_context!()).expect("the bare window could not start");
}
