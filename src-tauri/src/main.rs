//! Entry point of the desktop app; everything lives in the library so tests
//! and the bindings generator can reach it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The same allocator as hallway-cli: imports allocate many small strings
/// and mimalloc measured 10-15% faster on them than glibc malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_e` (include/mimalloc.h;
/// libmimalloc-sys builds v3 and does not name it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // Memory freed after a big piece of work (an import, a program listing)
    // goes back to the OS at once. By default mimalloc v3 waits 1 s and then
    // purges only when the same thread allocates again, so a worker that
    // imported a program and went idle kept ~60 MB (docs/performance.md).
    // SAFETY: sets a plain integer option; mimalloc is already initialised.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    hallway_app::run();
}

#[cfg(test)]
mod tests {
    /// The option number still names the purge delay: v3's default for it
    /// (src/options.c) is 1000 ms, before main changes it.
    #[test]
    fn purge_delay_option_number() {
        // SAFETY: reads a plain integer option.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) }, 1000);
    }
}
