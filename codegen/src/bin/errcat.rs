//! The `errcat` command; see [`errcat_codegen::cli`].

fn main() -> std::process::ExitCode {
    errcat_codegen::cli::main()
}
