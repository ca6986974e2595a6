//! The `errcat` command: validate a catalog, regenerate or check the
//! committed docs, and explain a code.
//!
//! Exit codes follow the Roboflow CLI convention: 0 success, 1 invalid
//! catalog or other failure, 2 usage error, 3 not found.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use errcat_codegen::{GENERATE_COMMAND, Report, Sources, compile, emit, generated_files, write};
use serde_json::{Value, json};

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

/// A failure: its exit code and what to print.
struct Failure {
    exit: u8,
    code: &'static str,
    message: String,
    hint: Option<String>,
    report: Option<Box<Report>>,
}

impl Failure {
    fn new(exit: u8, code: &'static str, message: impl Into<String>) -> Self {
        Failure {
            exit,
            code,
            message: message.into(),
            hint: None,
            report: None,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

const EXIT_FAILURE: u8 = 1;
const EXIT_NOT_FOUND: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
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

struct Output {
    text: String,
    json: Value,
}

fn run(cli: &Cli) -> Result<Output, Failure> {
    let compiled = match &cli.command {
        Command::Synth { codes, out } => return synth(*codes, out),
        _ => load(cli)?,
    };
    let mut text = String::new();
    if compiled.warnings.warning_count() > 0 && !cli.json {
        eprint!("{}", compiled.warnings.render());
    }
    let model = &compiled.model;
    match &cli.command {
        Command::Synth { codes, out } => synth(*codes, out),
        Command::Generate => {
            let files = generated_files(model, GENERATE_COMMAND);
            let changed = write::write_all(&cli.generated, &files).map_err(|e| {
                Failure::new(
                    EXIT_FAILURE,
                    "io_error",
                    format!("cannot write `{}`: {e}", cli.generated.display()),
                )
            })?;
            for path in &changed {
                text.push_str(&format!("updated {}\n", cli.generated.join(path).display()));
            }
            text.push_str(&format!(
                "{} codes in {} categories; {} of {} generated files changed\n",
                model.codes.len(),
                model.categories.len(),
                changed.len(),
                files.len()
            ));
            let changed: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
            Ok(Output {
                text,
                json: json!({ "codes": model.codes.len(), "files": files.len(), "changed": changed }),
            })
        }
        Command::Check => {
            let files = generated_files(model, GENERATE_COMMAND);
            let stale = write::stale_files(&cli.generated, &files);
            if stale.is_empty() {
                text.push_str(&format!(
                    "ok: {} codes, {} generated files up to date\n",
                    model.codes.len(),
                    files.len()
                ));
                return Ok(Output {
                    text,
                    json: json!({ "codes": model.codes.len(), "stale": [] }),
                });
            }
            let list: Vec<String> = stale
                .iter()
                .map(|s| format!("{} ({})", cli.generated.join(s.path()).display(), s.label()))
                .collect();
            Err(Failure::new(
                EXIT_FAILURE,
                "stale_generated_files",
                format!("generated files are stale: {}", list.join(", ")),
            )
            .hint(format!("run `{GENERATE_COMMAND}` and commit the result")))
        }
        Command::Explain { code } => {
            let found = model
                .codes
                .iter()
                .find(|c| {
                    c.name == *code || c.wire_name == *code || c.aliases.iter().any(|a| a == code)
                })
                .or_else(|| {
                    code.parse::<u32>()
                        .ok()
                        .and_then(|n| model.codes.iter().find(|c| c.numeric == Some(n)))
                });
            match found {
                Some(c) => {
                    let section = emit::markdown::code_section(model, c);
                    Ok(Output {
                        json: json!({ "code": c.name, "explanation": section }),
                        text: section,
                    })
                }
                None => {
                    let names = model.codes.iter().flat_map(|c| {
                        [c.name.as_str(), c.wire_name.as_str()]
                            .into_iter()
                            .chain(c.aliases.iter().map(String::as_str))
                    });
                    let hint = errcat_codegen::diagnostics::did_you_mean(code, names)
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| "see the docs index for every code".into());
                    Err(Failure::new(
                        EXIT_NOT_FOUND,
                        "unknown_code",
                        format!("no code `{code}` in the catalog"),
                    )
                    .hint(hint))
                }
            }
        }
    }
}

fn synth(codes: usize, out: &std::path::Path) -> Result<Output, Failure> {
    let files = errcat_codegen::synth::catalog(codes);
    for (name, text) in &files {
        write::write_if_changed(&out.join(name), text).map_err(|e| {
            Failure::new(
                EXIT_FAILURE,
                "io_error",
                format!("cannot write `{}`: {e}", out.display()),
            )
        })?;
    }
    let text = format!(
        "wrote a catalog of {codes} codes in {} files to {}\n",
        files.len(),
        out.display()
    );
    Ok(Output {
        text,
        json: json!({ "codes": codes, "files": files.len() }),
    })
}

fn load(cli: &Cli) -> Result<errcat_codegen::Compiled, Failure> {
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
