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
    keep_memory_small();
    hallway_app::run();
}

/// Settles how the app's memory is given back and taken, before anything big
/// is allocated (figures in docs/performance.md).
fn keep_memory_small() {
    // Memory freed after a big piece of work (an import, a program listing)
    // goes back to the OS at once. By default mimalloc v3 waits 1 s and then
    // purges only when the same thread allocates again, so a worker that
    // imported a program and went idle kept ~60 MB.
    // SAFETY: sets a plain integer option; mimalloc is already initialised.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    no_huge_pages();
}

fn no_huge_pages() {
    // No transparent huge pages: mimalloc asks for them on its arenas, and a
    // 2 MB page the app only partly uses still counts whole, which held the
    // app process 16-20 MB higher with a program loaded. Too late for the
    // option (mimalloc reads it when it starts, before main), so this asks
    // the kernel directly, as mimalloc itself would. It is a request: where
    // the kernel refuses, the app runs as before.
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with integer arguments only; affects the future page
    // faults of this process and of the WebKit helpers it starts, nothing else.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
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

    /// After start, the kernel gives this process no huge pages.
    #[cfg(target_os = "linux")]
    #[test]
    fn huge_pages_are_off_after_start() {
        super::no_huge_pages();
        // SAFETY: reads this process's flag.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) }, 1);
    }
}
