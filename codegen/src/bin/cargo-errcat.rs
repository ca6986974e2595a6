//! `cargo errcat`: the `errcat` command as a cargo subcommand, so the hints
//! errcat prints (`cargo errcat generate`) work wherever it is installed.

// The same allocator as `errcat` (see src/bin/errcat.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    errcat_codegen::cli::cargo_main()
}
