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

/// Settles how the app's memory is given back, before anything big is
/// allocated (figures in docs/performance.md).
fn keep_memory_small() {
    // Memory freed after a big piece of work (an import, a program listing)
    // goes back to the OS at once. By default mimalloc v3 waits 1 s and then
    // purges only when the same thread allocates again, so a worker that
    // imported a program and went idle kept ~60 MB.
    // SAFETY: sets a plain integer option; mimalloc is already initialised.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

/// No transparent huge pages in this process (and the WebKit helpers it
/// starts, which inherit the flag): mimalloc asks for them on its arenas,
/// and a 2 MB page the app only partly uses still counts whole, which held
/// the app process 16-20 MB higher with a program loaded.
///
/// It runs as a constructor, before mimalloc's own (an unnumbered
/// `.init_array` entry; numbered ones run first): by `main`, mimalloc has
/// already placed its first data in a 2 MB huge page, which kept its first
/// arena at 6.5 MB after start instead of about 3 (docs/performance.md,
/// "Code in the order it runs, no huge page before main"). It is a
/// request: where the kernel refuses, the app runs as before.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array.00100")]
static NO_HUGE_PAGES: extern "C" fn() = no_huge_pages;

#[cfg(target_os = "linux")]
extern "C" fn no_huge_pages() {
    // SAFETY: prctl with integer arguments only; it sets a flag of this
    // process, read by the kernel at its later page faults. Nothing here
    // allocates or touches Rust's runtime, which is not set up yet.
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

    /// The constructor ran before any test (this test binary links it as
    /// the app does): the kernel gives this process no huge pages, and none
    /// of its memory sits in one, mimalloc's first arena included.
    #[cfg(target_os = "linux")]
    #[test]
    fn no_huge_pages_from_the_start() {
        // SAFETY: reads this process's flag.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) }, 1);
        let smaps = std::fs::read_to_string("/proc/self/smaps").expect("smaps");
        let huge: Vec<&str> = smaps
            .lines()
            .filter(|l| l.starts_with("AnonHugePages:") && l.split_whitespace().nth(1) != Some("0"))
            .collect();
        assert!(huge.is_empty(), "memory in huge pages: {huge:?}");
    }
}
