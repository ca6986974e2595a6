//! The `errcat` command; see [`errcat_codegen::cli`].

// A catalog of thousands of codes makes millions of short-lived strings on
// several threads; glibc's per-thread arenas grow by one `mprotect` at a
// time under that load (docs/performance.md, "`errcat check`").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    errcat_codegen::cli::main()
}
