//! The `errcat` command: validate a catalog, regenerate or check the
//! committed docs, and explain a code. One module per command; this file
//! parses arguments, loads the catalog and prints the outcome.
//!
//! Exit codes follow the Roboflow CLI convention: 0 success, 1 invalid
//! catalog or other failure, 2 usage error, 3 not found.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use errcat_codegen::{Report, Sources, compile};
use serde_json::json;

mod check;
mod explain;
mod generate;
mod output;
mod synth;

use output::{EXIT_FAILURE, EXIT_NOT_FOUND, EXIT_USAGE, Failure, Output};

#[derive(Parser)]
#[command(
    name = "errcat",
    version,
    about = "Validate an error catalog and generate code and docs from it"
)]
struct Cli {
    /// The catalog folder (catalog.toml plus one file per category).
    #[arg(long, global = true, default_value = "catalog", value_name = "DIR")]
    catalog: PathBuf,
    /// The folder of committed generated files.
    #[arg(long, global = true, default_value = "generated", value_name = "DIR")]
    generated: PathBuf,
    /// Write results as JSON: to stdout on success; on failure stdout stays
    /// empty and stderr carries one JSON error object.
    #[arg(long, global = true)]
    json: bool,
    /// Treat these as errors.
    #[arg(long, global = true, value_enum, value_name = "WHAT")]
    deny: Vec<Deny>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Catalog warnings.
    Warnings,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the catalog and rewrite the generated folder.
    Generate,
    /// Validate the catalog and fail if the generated folder is stale.
    Check,
    /// Print the documentation of one code, as `rustc --explain` does.
    Explain {
        /// A code name, alias or numeric code.
        code: String,
    },
    /// Write a synthetic catalog of N codes, for benchmarks.
    Synth {
        /// How many codes.
        #[arg(long)]
        codes: usize,
        /// The catalog folder to write (created; files in it are replaced).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(&cli) {
        Ok(output) => {
            if cli.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&output.json).unwrap_or_default()
                );
            } else {
                print!("{}", output.text);
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            if cli.json {
                let diagnostics = failure
                    .report
                    .as_deref()
                    .map(Report::to_json)
                    .unwrap_or_default();
                let error = json!({
                    "error": {
                        "code": failure.code,
                        "message": failure.message,
                        "hint": failure.hint,
                        "file": failure.file,
                        "diagnostics": diagnostics,
                    }
                });
                let _ = writeln!(stderr, "{error}");
            } else {
                if let Some(report) = &failure.report {
                    let _ = write!(stderr, "{}", report.render());
                } else {
                    let _ = writeln!(stderr, "error: {}", failure.message);
                }
                if let Some(hint) = &failure.hint {
                    let _ = writeln!(stderr, "hint: {hint}");
                }
            }
            ExitCode::from(failure.exit)
        }
    }
}

fn run(cli: &Cli) -> Result<Output, Failure> {
    let compiled = match &cli.command {
        Command::Synth { codes, out } => return synth::run(*codes, out),
        _ => load(cli)?,
    };
    if compiled.warnings.warning_count() > 0 && !cli.json {
        eprint!("{}", compiled.warnings.render());
    }
    let model = &compiled.model;
    match &cli.command {
        Command::Synth { codes, out } => synth::run(*codes, out),
        Command::Generate => generate::run(model, &cli.generated),
        Command::Check => check::run(model, &cli.generated),
        Command::Explain { code } => explain::run(model, code),
    }
}

fn load(cli: &Cli) -> Result<errcat_codegen::Compiled, Failure> {
    if cli.catalog.is_file() {
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "catalog_not_found",
            format!(
                "`{}` is a file, not a catalog folder",
                cli.catalog.display()
            ),
        )
        .file(cli.catalog.display().to_string())
        .hint("pass the folder that holds catalog.toml, e.g. --catalog catalog"));
    }
    if !cli.catalog.is_dir() {
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "catalog_not_found",
            format!("no catalog folder at `{}`", cli.catalog.display()),
        )
        .hint("pass --catalog DIR, or run from the folder that holds catalog/"));
    }
    let display = cli.catalog.display().to_string();
    let sources = Sources::read_dir(&cli.catalog, &display).map_err(|e| {
        let report = errcat_codegen::read_failure(e);
        Failure {
            report: Some(Box::new(report)),
            ..Failure::new(EXIT_FAILURE, "io_error", "cannot read the catalog")
        }
    })?;
    let deny_warnings = cli.deny.contains(&Deny::Warnings);
    match compile(&sources) {
        Ok(compiled) if deny_warnings && compiled.warnings.warning_count() > 0 => {
            let summary = compiled.warnings.summary();
            Err(Failure {
                report: Some(Box::new(compiled.warnings)),
                ..Failure::new(EXIT_FAILURE, "invalid_catalog", summary)
            }
            .hint("warnings are denied by `--deny warnings`"))
        }
        Ok(compiled) => Ok(compiled),
        Err(report) => {
            let summary = report.summary();
            Err(Failure {
                report: Some(Box::new(report)),
                ..Failure::new(EXIT_FAILURE, "invalid_catalog", summary)
            })
        }
    }
}

/// A command line clap rejects: its own text, or with `--json` anywhere on
/// the line, the JSON error object `--help` promises. Exit code 2 either
/// way; `--help` and `--version` print as usual.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let informational = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if informational || !std::env::args_os().any(|a| a == "--json") {
        e.exit()
    }
    let text = e.render().to_string();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let message = lines
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .to_string();
    let hint: Vec<&str> = lines.map(str::trim).collect();
    let error = json!({
        "error": {
            "code": "usage_error",
            "message": message,
            "hint": hint.join(" "),
            "file": null,
            "diagnostics": [],
        }
    });
    eprintln!("{error}");
    ExitCode::from(EXIT_USAGE)
}
