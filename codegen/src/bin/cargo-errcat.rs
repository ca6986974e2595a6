//! `cargo errcat`: the `errcat` command as a cargo subcommand, so the hints
//! errcat prints (`cargo errcat generate`) work wherever it is installed.

fn main() -> std::process::ExitCode {
    errcat_codegen::cli::cargo_main()
}
