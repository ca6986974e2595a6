//! The `errcat` command (and `cargo errcat`): validate a catalog, regenerate
//! or check the committed docs, and explain a code. One module per command;
//! this file parses arguments, loads the catalog and prints the outcome.
//! Both binaries are three lines over [`main`] and [`cargo_main`], so the
//! CLI is compiled once.
//!
//! Exit codes follow the Roboflow CLI convention: 0 success, 1 invalid
//! catalog or other failure, 2 usage error, 3 not found.

use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::{Report, Sources, compile};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use serde_json::json;

mod audit;
mod book;
mod check;
mod diff;
mod edit;
mod explain;
mod fix;
pub(crate) mod fmt;
mod generate;
mod import;
mod init;
mod locale;
mod lsp;
pub(crate) mod new;
mod output;
mod project;
mod release;
mod retire;
mod synth;
mod terminal;
mod watch;

use output::{EXIT_FAILURE, EXIT_NOT_FOUND, EXIT_USAGE, Failure, Output};

#[derive(Parser)]
#[command(
    name = "errcat",
    version,
    about = "Validate an error catalog and generate code and docs from it",
    after_help = "The edit loop: edit catalog/*.toml, `errcat generate` (or `errcat watch`), commit. \
                  To publish: `errcat release`, which records the lock that guards released codes."
)]
struct Cli {
    /// When to colour diagnostics and `explain`: on a terminal (`auto`,
    /// unless `NO_COLOR` is set), `always` or `never`.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,
    /// Write results as JSON: to stdout on success; on failure stdout stays
    /// empty and stderr carries one JSON error object.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

/// Where the project is, for the commands that work on one.
#[derive(clap::Args, Clone, Default)]
struct ProjectArgs {
    /// The catalog folder (catalog.toml plus one file per category).
    /// Default: `catalog/` of the nearest folder at or above this one with
    /// an `errcat.toml` or a `catalog/catalog.toml`.
    #[arg(long, value_name = "DIR")]
    catalog: Option<PathBuf>,
    /// The folder of committed generated files. Default: `generated/` beside
    /// the catalog, or as `errcat.toml` says.
    #[arg(long, value_name = "DIR")]
    generated: Option<PathBuf>,
    /// Treat these as errors.
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Vec<Deny>,
}

/// What `errcat locale` does.
#[derive(Subcommand)]
enum LocaleAction {
    /// Record, in each translation's `source`, the default-locale texts it
    /// translates as they are now: run it once a translation is checked,
    /// and errcat warns (W0064) when the source text changes again.
    Stamp {
        /// The locale, as a BCP 47 tag (`fr`, `pt-BR`).
        tag: String,
        /// Only these codes (default: every translation of the locale).
        codes: Vec<String>,
        #[command(flatten)]
        at: ProjectArgs,
    },
}

/// What `errcat import` reads.
#[derive(Subcommand)]
enum ImportFrom {
    /// An OpenAPI 3.0 or 3.1 document, JSON or YAML: its error responses,
    /// code enums and consts, `x-errors` lists and examples.
    Openapi {
        /// The spec file.
        spec: PathBuf,
        #[command(flatten)]
        to: ImportArgs,
    },
    /// A reference page saved as Markdown, HTML or text: its tables and
    /// lists of codes, statuses, messages, retry advice and exit codes.
    Page {
        /// The page file (`.md`, `.html` or text).
        file: PathBuf,
        #[command(flatten)]
        to: ImportArgs,
    },
    /// A Rust file's `thiserror` enums: each variant with `#[error("...")]`
    /// becomes a code, its fields the message's typed params.
    Rust {
        /// The Rust source file.
        file: PathBuf,
        #[command(flatten)]
        to: ImportArgs,
    },
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The catalog folder to create; it must not hold TOML files yet.
    #[arg(long, value_name = "DIR", default_value = "catalog")]
    out: PathBuf,
    /// Also write the Markdown report to this file.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to style output written to a stream that `is_terminal` or not.
    fn enabled(self, is_terminal: bool) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                is_terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Catalog warnings.
    Warnings,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the catalog and rewrite the generated folder. The lock is
    /// left alone: `release` records it.
    Generate {
        /// Keep running: regenerate whenever a catalog file is saved,
        /// reporting each run, until interrupted (the same as `watch`).
        #[arg(long)]
        watch: bool,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Regenerate whenever a catalog file is saved, until interrupted.
    Watch {
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Validate the catalog (against its last release) and fail if the
    /// generated folder is stale.
    Check {
        #[command(flatten)]
        at: ProjectArgs,
        /// First apply every mechanical fix (a misspelt key, policy,
        /// category or value that has one close name) to the catalog files.
        #[arg(long)]
        fix: bool,
    },
    /// Publish: pick the version the changes since the last release need
    /// (or check the one given), write it into catalog.toml, regenerate,
    /// and record every code in the lock. Released codes are then guarded.
    Release {
        /// The version to release (default: the catalog's, if it moved past
        /// the last release; else the next one the changes need).
        #[arg(long)]
        version: Option<String>,
        /// Say what would be released; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Build the docs site with mdBook (the catalog must set `book = true`
    /// under `[outputs]`).
    Book {
        /// Open the site in a browser once it is built.
        #[arg(long)]
        open: bool,
        /// Where to write the site (default: `target/errcat-book/<catalog>`
        /// beside the generated folder).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Print the documentation of one code of the catalog, or of one of
    /// errcat's own diagnostics (`errcat explain E0049`), as `rustc
    /// --explain` does.
    Explain {
        /// A code name, alias or numeric code, or a diagnostic code.
        #[arg(add = clap_complete::engine::ArgValueCandidates::new(explain::candidates))]
        code: String,
        /// Explain errcat's diagnostic of that code, even if the catalog has
        /// a code of the same name.
        #[arg(long)]
        diagnostic: bool,
        /// Print the Markdown as it is, even on a terminal.
        #[arg(long)]
        markdown: bool,
        /// Say the code's title, message and solution in this locale (a
        /// BCP 47 tag) before its section.
        #[arg(long)]
        locale: Option<String>,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Compare the catalog with an older state of it: every change, breaking,
    /// warning or info, and the version they need. Exits 1 on breaking
    /// changes.
    /// Hold recorded traffic to the catalog: every response of an HTTP
    /// Archive (HAR, as browsers, Playwright and mitmproxy save it) is
    /// checked for unknown codes, statuses, envelopes, messages,
    /// `Retry-After` and request ids, with the codes it never exercised.
    /// Exits 1 when there is a finding.
    Audit {
        /// The HAR file.
        #[arg(long, value_name = "FILE")]
        har: std::path::PathBuf,
        /// Audit only requests whose URL starts with this (the API's base
        /// URL), leaving a browser's pages and assets out.
        #[arg(long, value_name = "URL")]
        only: Option<String>,
        #[command(flatten)]
        at: ProjectArgs,
    },
    Diff {
        /// A git revision (`origin/main`, `v1.2.0`), whose last release (its
        /// lock) is compared; a catalog folder; or an `errcat.lock` file.
        #[arg(long, value_name = "REV|DIR|LOCKFILE")]
        against: String,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Append a code to a category's file, with the category's next free
    /// numeric (tombstones count as taken); comments and layout are kept.
    New {
        /// The category id (in a catalog without categories, the file of
        /// codes: `request` for request.toml).
        category: String,
        /// The code's name (snake_case).
        name: String,
        /// Its title (default: from the name).
        #[arg(long)]
        title: Option<String>,
        /// Its message template (default: the title).
        #[arg(long)]
        message: Option<String>,
        /// Its numeric code (default: the next free one of the category).
        #[arg(long)]
        numeric: Option<u32>,
        /// Its HTTP status (default: the category's; required in a catalog
        /// without categories).
        #[arg(long)]
        status: Option<u16>,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Retire a code: remove it from its category file and write its
    /// `[retired.<code>]` tombstone, which keeps its name, numeric and
    /// aliases from reuse. The code must have been released as deprecated.
    Retire {
        /// The code's name.
        code: String,
        /// Why it is retired (shown in the docs).
        #[arg(long)]
        reason: String,
        /// The version that retires it (default: the next release's).
        #[arg(long)]
        version: Option<String>,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Work with the catalog's translations (`locales/<tag>.toml`).
    Locale {
        #[command(subcommand)]
        action: LocaleAction,
    },
    /// Format the catalog files canonically, keeping comments (taplo's
    /// formatter, as in editors).
    Fmt {
        /// Change nothing; exit 1 if a file is not formatted.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        at: ProjectArgs,
    },
    /// Write a draft catalog from what you have: an OpenAPI spec, a
    /// reference page or a Rust error enum. Prints a report of every fact
    /// read, guessed and not found; guesses are also `# guessed:` comments.
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
    /// Run the language server (LSP over stdin and stdout) for catalog
    /// files: errcat's diagnostics as you type, hover, completion, go to
    /// definition, references, rename, code actions and formatting.
    Lsp,
    /// Write a first catalog to edit, and print the lines that build it.
    Init {
        /// The folder of the crate or project (default: this one).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print a static shell completion script. Install it with, for example,
    /// `errcat completions bash > ~/.local/share/bash-completion/completions/errcat`,
    /// `errcat completions zsh > ~/.zfunc/_errcat` (with `~/.zfunc` in
    /// `fpath`), or `errcat completions fish > ~/.config/fish/completions/errcat.fish`.
    /// Completions that also know the catalog's code names (`errcat explain
    /// <TAB>`) ask errcat as you type: add `source <(COMPLETE=bash errcat)`
    /// to ~/.bashrc, `source <(COMPLETE=zsh errcat)` to ~/.zshrc, or
    /// `COMPLETE=fish errcat | source` to fish's config.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write a synthetic catalog of N codes, for benchmarks.
    Synth {
        /// How many codes.
        #[arg(long)]
        codes: usize,
        /// The catalog folder to write (created; files in it are replaced).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// How many locales to translate every code into (at most 8).
        #[arg(long, default_value_t = 0)]
        locales: usize,
    },
}

impl Command {
    /// The project flags of a command that works on a project.
    fn at(&self) -> Option<&ProjectArgs> {
        match self {
            Command::Generate { at, .. }
            | Command::Watch { at }
            | Command::Check { at, .. }
            | Command::Release { at, .. }
            | Command::Book { at, .. }
            | Command::Explain { at, .. }
            | Command::Diff { at, .. }
            | Command::Audit { at, .. }
            | Command::New { at, .. }
            | Command::Retire { at, .. }
            | Command::Fmt { at, .. }
            | Command::Locale {
                action: LocaleAction::Stamp { at, .. },
            } => Some(at),
            Command::Init { .. }
            | Command::Lsp
            | Command::Import { .. }
            | Command::Completions { .. }
            | Command::Synth { .. } => None,
        }
    }
}

/// `1 code`, `2 codes`; `1 category`, `2 categories`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// The `errcat` binary.
pub fn main() -> ExitCode {
    run_args(std::env::args_os().collect(), "errcat")
}

/// The `cargo-errcat` binary: cargo runs it as `cargo-errcat errcat ARGS`
/// for `cargo errcat ARGS`, so the subcommand's own name is dropped.
pub fn cargo_main() -> ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "errcat") {
        args.remove(1);
    }
    run_args(args, "cargo errcat")
}

fn run_args(args: Vec<std::ffi::OsString>, bin_name: &'static str) -> ExitCode {
    // `COMPLETE=<shell> errcat`: the shell asks for completions (and exits).
    clap_complete::CompleteEnv::with_factory(move || Cli::command().bin_name(bin_name)).complete();
    let matches = Cli::command().bin_name(bin_name).try_get_matches_from(args);
    let cli = match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    ExitCode::from(report(&cli, run(&cli)))
}

/// Prints a command's outcome; returns its exit code.
fn report(cli: &Cli, outcome: Result<Output, Failure>) -> u8 {
    match outcome {
        Ok(output) => {
            if cli.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&output.json).unwrap_or_default()
                );
            } else {
                print!("{}", output.text);
            }
            let _ = std::io::stdout().flush();
            output.exit
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
                    let color = cli.color.enabled(std::io::stderr().is_terminal());
                    let _ = write!(stderr, "{}", report.render_styled(color));
                } else {
                    let _ = writeln!(stderr, "error: {}", failure.message);
                }
                if let Some(hint) = &failure.hint {
                    let _ = writeln!(stderr, "hint: {hint}");
                }
            }
            failure.exit
        }
    }
}

fn run(cli: &Cli) -> Result<Output, Failure> {
    match &cli.command {
        Command::Synth {
            codes,
            out,
            locales,
        } => return synth::run(*codes, *locales, out),
        Command::Init { dir } => return init::run(dir),
        Command::Lsp => return lsp::run(),
        Command::Import { from } => {
            let (reader, file, to) = match from {
                ImportFrom::Openapi { spec, to } => (import::Reader::Openapi, spec, to),
                ImportFrom::Page { file, to } => (import::Reader::Page, file, to),
                ImportFrom::Rust { file, to } => (import::Reader::Rust, file, to),
            };
            return import::run(reader, file, &to.out, to.report.as_deref());
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "errcat", &mut script);
            let text = String::from_utf8_lossy(&script).into_owned();
            return Ok(Output {
                exit: 0,
                json: json!({ "shell": shell.to_string(), "script": text }),
                text,
            });
        }
        _ => {}
    }
    let at = cli.command.at().cloned().unwrap_or_default();
    if let Command::Explain {
        code,
        diagnostic,
        markdown,
        ..
    } = &cli.command
        && let Some(output) = explain::diagnostic(&at, code, *diagnostic)?
    {
        return Ok(explained(cli, output, *markdown));
    }
    let project = project::Project::locate(at.catalog.as_deref(), at.generated.as_deref())?;
    match &cli.command {
        Command::Diff { against, .. } => return diff::run(&project, against),
        Command::Fmt { check, .. } => return fmt::run(&project, *check),
        _ => {}
    }
    if let Command::Generate { watch: true, .. } | Command::Watch { .. } = cli.command {
        return watch::run(
            &project,
            &|| {
                let started = std::time::Instant::now();
                let compiled = load(cli, &at, &project)?;
                generate::run(&compiled.model, &project, started)
            },
            &|outcome| report(cli, outcome),
        );
    }
    let started = std::time::Instant::now();
    // The edit commands read, check and write the catalog holding it, so
    // two at once both land (the second reads what the first wrote).
    let _editing = match cli.command {
        Command::New { .. }
        | Command::Retire { .. }
        | Command::Locale { .. }
        | Command::Release { .. }
        | Command::Check { fix: true, .. }
            if project.catalog.is_dir() =>
        {
            Some(crate::write::lock_folder(&project.catalog).map_err(|e| {
                Failure::new(
                    EXIT_FAILURE,
                    "io_error",
                    format!("cannot lock `{}`: {e}", project.catalog.display()),
                )
            })?)
        }
        _ => None,
    };
    if let Command::Check { fix: true, .. } = cli.command {
        let fixed = fix::run(&project)?;
        if fixed.count > 0 {
            eprintln!("{}", fixed.summary());
        }
    }
    let _progress = (!cli.json && std::io::stderr().is_terminal()).then(Progress::start);
    let compiled = load(cli, &at, &project)?;
    let model = &compiled.model;
    let outcome = match &cli.command {
        Command::Generate { .. } => generate::run(model, &project, started),
        Command::Check { .. } => check::run(model, &project),
        Command::Audit { har, only, .. } => audit::run(model, har, only.as_deref()),
        Command::Release {
            version, dry_run, ..
        } => release::run(model, &project, version.as_deref(), *dry_run),
        Command::New {
            category,
            name,
            title,
            message,
            numeric,
            status,
            ..
        } => new::run(
            model,
            &project,
            &new::NewCode {
                category,
                name,
                title: title.as_deref(),
                message: message.as_deref(),
                numeric: *numeric,
                status: *status,
            },
        ),
        Command::Retire {
            code,
            reason,
            version,
            ..
        } => retire::run(model, &project, code, reason, version.as_deref()),
        Command::Book { open, out, .. } => book::run(model, &project, out.as_deref(), *open),
        Command::Locale {
            action: LocaleAction::Stamp { tag, codes, .. },
        } => locale::stamp(model, &project, tag, codes),
        Command::Explain {
            code,
            markdown,
            locale,
            ..
        } => {
            let output = explain::run(model, code, locale.as_deref())?;
            Ok(explained(cli, output, *markdown))
        }
        _ => unreachable!("handled above"),
    };
    // With --json, a run that succeeds still reports its warnings and notes
    // (on a terminal they were printed as the catalog loaded).
    outcome.map(|mut output| {
        if let Some(object) = output.json.as_object_mut() {
            object.insert(
                "diagnostics".into(),
                serde_json::Value::Array(compiled.warnings.to_json()),
            );
        }
        output
    })
}

/// What `explain` prints: Markdown laid out for a terminal on one.
fn explained(cli: &Cli, mut output: Output, markdown: bool) -> Output {
    let stdout = std::io::stdout().is_terminal();
    if stdout && !markdown && !cli.json {
        output.text = terminal::render(&output.text, cli.color.enabled(stdout));
    }
    output
}

/// A line on the terminal that says errcat is still working, shown only
/// once a run has taken a second, and erased when it ends.
struct Progress {
    done: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start() -> Progress {
        let (done, wait) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let mut shown = false;
            let tick = std::time::Duration::from_millis(250);
            let mut timeout = std::time::Duration::from_secs(1);
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
                shown = true;
                timeout = tick;
                let elapsed = started.elapsed().as_secs_f64();
                eprint!("\r  errcat: working ({elapsed:.1} s)");
            }
            if shown {
                eprint!("\r\x1b[2K");
            }
        });
        Progress {
            done: Some(done),
            thread: Some(thread),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        drop(self.done.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn load(
    cli: &Cli,
    at: &ProjectArgs,
    project: &project::Project,
) -> Result<crate::Compiled, Failure> {
    let catalog = &project.catalog;
    if catalog.is_file() {
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "catalog_not_found",
            format!("`{}` is a file, not a catalog folder", catalog.display()),
        )
        .file(catalog.display().to_string())
        .hint("pass the folder that holds catalog.toml, e.g. --catalog catalog"));
    }
    if !catalog.is_dir() {
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "catalog_not_found",
            format!("no catalog folder at `{}`", catalog.display()),
        )
        .hint(
            "run inside a project (a folder with catalog/catalog.toml or errcat.toml, or below one), \
             pass --catalog DIR, or start one with `errcat init`",
        ));
    }
    let display = catalog.display().to_string();
    let sources = Sources::read_dir(catalog, &display).map_err(|e| {
        let report = crate::read_failure(e);
        Failure {
            report: Some(Box::new(report)),
            ..Failure::new(EXIT_FAILURE, "io_error", "cannot read the catalog")
        }
    })?;
    let deny_warnings = at.deny.contains(&Deny::Warnings);
    match compile(&sources) {
        Ok(compiled) if deny_warnings && compiled.warnings.warning_count() > 0 => {
            let summary = compiled.warnings.summary();
            Err(Failure {
                report: Some(Box::new(compiled.warnings)),
                ..Failure::new(EXIT_FAILURE, "invalid_catalog", summary)
            }
            .hint("warnings are denied by `--deny warnings`"))
        }
        Ok(compiled) => {
            // Warnings and notes of a catalog that loads, shown as they come.
            if !compiled.warnings.diagnostics().is_empty() && !cli.json {
                let color = cli.color.enabled(std::io::stderr().is_terminal());
                eprint!("{}", compiled.warnings.render_styled(color));
            }
            Ok(compiled)
        }
        Err(report) => {
            let summary = report.summary();
            let fixable = report
                .diagnostics()
                .iter()
                .filter(|d| d.fix.is_some())
                .count();
            let failure = Failure {
                report: Some(Box::new(report)),
                ..Failure::new(EXIT_FAILURE, "invalid_catalog", summary)
            };
            Err(match fixable {
                0 => failure,
                n => failure.hint(format!(
                    "`{}` fixes {n} of them (each a name with one close match)",
                    project.hint("check --fix"),
                )),
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
