//! errcat-codegen: validate an error catalog written in TOML and generate
//! Rust code and Markdown docs from it.
//!
//! The pipeline has three layers, as in rust-analyzer's codegen:
//!
//! 1. [`raw`]: serde structs mirroring the file format, with spans
//!    ([`load`] reads files into them);
//! 2. [`lower`]: validation, turning raw into the [`model`] and collecting
//!    every problem as a [`Diagnostic`];
//! 3. [`emit`]: pure functions from the model to text, one module per
//!    output, each registered in [`emit::OUTPUTS`].
//!
//! From a build script, use [`Config`]:
//!
//! ```no_run
//! fn main() -> Result<(), errcat_codegen::Error> {
//!     errcat_codegen::Config::new().catalog_dir("catalog").compile()
//! }
//! ```
//!
//! and include the result with
//! `include!(concat!(env!("OUT_DIR"), "/errcat.rs"));`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "cli")]
pub mod audit;
#[cfg(feature = "cli")]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod cli;
pub mod diag_code;
pub mod diagnostics;
pub mod emit;
pub mod fields;
pub mod history;
pub mod ident;
#[cfg(feature = "import")]
pub mod import;
pub mod l10n;
pub mod load;
pub mod lower;
pub mod model;
mod par;
pub mod phf;
pub mod problem;
pub mod raw;
pub mod rule_examples;
pub mod rust_names;
pub mod source;
pub mod synth;
pub mod write;

use std::fmt;
use std::path::{Path, PathBuf};

pub use diagnostics::{DiagCode, Diagnostic, Report, Severity};
pub use model::Model;
pub use source::Sources;
pub use write::FileSet;

/// The command that regenerates the committed `generated/` folder of a
/// project in the default layout (`catalog/` and `generated/` side by side);
/// [`generate_command`] adds the flags another layout needs. `cargo errcat`
/// is the `cargo-errcat` binary that `cargo install errcat-codegen` puts
/// beside `errcat`.
pub const GENERATE_COMMAND: &str = "cargo errcat generate";

/// The command that records a release in the lock.
pub const RELEASE_COMMAND: &str = "cargo errcat release";

/// The command that regenerates `generated` from `catalog`, run in the
/// catalog folder's parent: [`GENERATE_COMMAND`], with `--catalog` and
/// `--generated` when the folders are not `catalog/` and a `generated/`
/// beside it. Build scripts and the CLI compute the same text from the same
/// folders, so the `@generated` headers they compare agree.
pub fn generate_command(catalog: &Path, generated: &Path) -> String {
    let catalog = absolute(catalog);
    let generated = absolute(generated);
    let Some(base) = catalog.parent() else {
        return GENERATE_COMMAND.to_string();
    };
    let mut command = GENERATE_COMMAND.to_string();
    let name = catalog
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    if name.as_deref() != Some("catalog") {
        command.push_str(&format!(
            " --catalog {}",
            shell_word(name.as_deref().unwrap_or("."))
        ));
    }
    if generated != base.join("generated") {
        let relative = relative_to(&generated, base);
        command.push_str(&format!(" --generated {}", shell_word(&relative)));
    }
    command
}

/// `path` made absolute against the current folder, with `.` and `..`
/// resolved lexically (the folder may not exist yet).
fn absolute(path: &Path) -> PathBuf {
    use std::path::Component;
    let joined = match std::env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `base` (both absolute), with `/` separators.
fn relative_to(path: &Path, base: &Path) -> String {
    let path: Vec<_> = path.components().collect();
    let base: Vec<_> = base.components().collect();
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); base.len() - common];
    parts.extend(
        path[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

/// `text` as one POSIX shell word.
pub fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+=:,@".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// A validated catalog, with any warnings found on the way.
#[derive(Debug)]
pub struct Compiled {
    /// The model.
    pub model: Model,
    /// Warnings (no errors) against the sources.
    pub warnings: Report,
}

/// Loads, validates and lowers `sources`. Errs with every problem found,
/// breaking changes against the catalog's lock file included.
pub fn compile(sources: &Sources) -> Result<Compiled, Report> {
    compile_with(sources, true, None)
}

/// [`compile`], reusing what `cache` read of files that did not change
/// since it last compiled: the language server's recompile after an edit.
pub fn compile_cached(sources: &Sources, cache: &mut load::LoadCache) -> Result<Compiled, Report> {
    compile_with(sources, true, Some(cache))
}

/// [`compile`] without comparing the catalog with its lock (the lock still
/// completes tombstones): what `errcat diff` compares.
pub fn compile_without_history(sources: &Sources) -> Result<Compiled, Report> {
    compile_with(sources, false, None)
}

/// The pipeline: load, lower, then every problem and lint as diagnostics in
/// one pass, the catalog's lint levels applied last.
fn compile_with(
    sources: &Sources,
    history: bool,
    cache: Option<&mut load::LoadCache>,
) -> Result<Compiled, Report> {
    let mut problems = Vec::new();
    let loaded = match cache {
        Some(cache) => load::load_cached(sources, &mut problems, cache),
        None => load::load(sources, &mut problems),
    };
    let outputs = emit::specs();
    let lowered = lower::lower(sources, &loaded, &outputs, &mut problems);
    let mut diags: Vec<_> = problems.into_iter().map(diagnostics::diagnose).collect();
    let model = lowered.map(|(model, map)| {
        let lock = loaded.lock.as_ref().filter(|_| history);
        let lowered = diagnostics::Lowered::new(sources, &model, &map, lock, &outputs);
        diagnostics::run_lints(&lowered, &mut diags);
        diagnostics::levels::apply(&map.levels, &mut diags);
        model
    });
    let report = Report::new(sources.clone(), diags);
    match model {
        Some(model) if !report.has_errors() => Ok(Compiled {
            model,
            warnings: report,
        }),
        _ => Err(report),
    }
}

/// [`compile`] for a catalog folder; paths in diagnostics start with `display`.
pub fn compile_dir(dir: &Path, display: &str) -> Result<Compiled, Report> {
    let sources = Sources::read_dir(dir, display).map_err(read_failure)?;
    compile(&sources)
}

/// The report of a catalog folder that could not be read.
pub fn read_failure(e: source::ReadError) -> Report {
    let diagnostic = diagnostics::rules::io_error(&e.path, &e.error);
    Report::new(Sources::default(), vec![diagnostic])
}

/// The generated Rust module for in-memory catalog files, e.g. for tests.
pub fn rust_from_files<N: Into<String>, T: Into<String>>(
    files: impl IntoIterator<Item = (N, T)>,
) -> Result<String, Report> {
    let compiled = compile(&Sources::from_memory("catalog", files))?;
    let cx = emit::Context::new(&compiled.model, GENERATE_COMMAND);
    Ok(emit::rust::emit(&cx, &emit::rust::RustOptions::default()))
}

/// The generated docs for in-memory catalog files, e.g. for tests.
pub fn docs_from_files<N: Into<String>, T: Into<String>>(
    files: impl IntoIterator<Item = (N, T)>,
) -> Result<FileSet, Report> {
    compile(&Sources::from_memory("catalog", files))
        .map(|c| generated_files(&c.model, GENERATE_COMMAND))
}

/// Everything errcat commits under `generated/`: every output of
/// [`emit::OUTPUTS`], keyed by path relative to that folder.
pub fn generated_files(model: &Model, command: &str) -> FileSet {
    emit::generate(&emit::Context::new(model, command))
}

/// Where the lock file of the catalog in `catalog_dir` is.
pub fn lock_path(catalog_dir: &Path) -> PathBuf {
    catalog_dir.join(history::lock::LOCK_FILE)
}

/// The lock file `errcat release` writes for a model's catalog: its
/// [`history::Snapshot`], every code as released.
pub fn lock_text(model: &Model) -> String {
    history::lock::render(model, RELEASE_COMMAND)
}

/// Checks that the committed `generated` folder is what `catalog`
/// produces, in the style of rust-analyzer's `ensure_file_contents`: for a
/// project's own test. Outside CI a stale folder is rewritten and the call
/// panics, asking to commit the result; in CI (`CI` set) it only panics.
///
/// ```no_run
/// #[test]
/// fn generated_is_fresh() {
///     let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
///     errcat_codegen::ensure_fresh(&root.join("catalog"), &root.join("generated"));
/// }
/// ```
pub fn ensure_fresh(catalog: &Path, generated: &Path) {
    let compiled = compile_dir(catalog, &catalog.display().to_string())
        .unwrap_or_else(|r| panic!("{}", r.render()));
    let files = generated_files(&compiled.model, &generate_command(catalog, generated));
    let stale = write::stale_files(generated, &files);
    if stale.is_empty() {
        return;
    }
    let list: Vec<String> = stale
        .iter()
        .map(|s| format!("  {} ({})", generated.join(s.path()).display(), s.label()))
        .collect();
    if std::env::var_os("CI").is_some() {
        panic!(
            "generated files are stale:\n{}\nRun `{}` in `{}` and commit the result.",
            list.join("\n"),
            generate_command(catalog, generated),
            catalog.parent().unwrap_or(catalog).display()
        );
    }
    write::write_all(generated, &files).unwrap_or_else(|e| panic!("{e}"));
    panic!(
        "generated files were stale and have been rewritten:\n{}\nCommit the changes.",
        list.join("\n")
    );
}

/// Why code generation failed.
pub enum Error {
    /// The catalog has errors (or warnings, when they are denied).
    Catalog(Report),
    /// A file could not be read or written.
    Io(PathBuf, std::io::Error),
    /// A build-script environment variable is missing.
    Env(&'static str),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Catalog(report) => write!(f, "{report}"),
            Error::Io(path, e) => write!(f, "cannot write `{}`: {e}", path.display()),
            Error::Env(var) => write!(
                f,
                "`{var}` is not set; is this running from a build script?"
            ),
        }
    }
}

impl fmt::Debug for Error {
    /// The rendered diagnostics, so a build script returning
    /// `Result<(), Error>` fails with a readable report after Rust's
    /// `Error: ` prefix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Catalog(_) => write!(f, "errcat found problems in the catalog:\n\n{self}"),
            _ => write!(f, "{self}"),
        }
    }
}

impl std::error::Error for Error {}

/// Build-script configuration, in the style of `prost_build::Config`.
#[derive(Clone, Debug)]
pub struct Config {
    catalog_dir: PathBuf,
    out_file: String,
    docs_dir: Option<PathBuf>,
    deny_warnings: bool,
    rust: emit::rust::RustOptions,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            catalog_dir: PathBuf::from("catalog"),
            out_file: "errcat.rs".into(),
            docs_dir: None,
            deny_warnings: false,
            rust: emit::rust::RustOptions::default(),
        }
    }
}

impl Config {
    /// Defaults: catalog in `catalog/`, output `$OUT_DIR/errcat.rs`.
    pub fn new() -> Self {
        Config::default()
    }

    /// The catalog folder, relative to the crate's manifest directory.
    pub fn catalog_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.catalog_dir = dir.into();
        self
    }

    /// The file name written in `OUT_DIR`.
    pub fn out_file(&mut self, name: impl Into<String>) -> &mut Self {
        self.out_file = name.into();
        self
    }

    /// Also check that the committed generated folder (relative to the
    /// manifest directory) is fresh, and warn once if it is not. It is never
    /// written from a build script.
    pub fn check_generated(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.docs_dir = Some(dir.into());
        self
    }

    /// Fail on warnings too.
    pub fn deny_warnings(&mut self, deny: bool) -> &mut Self {
        self.deny_warnings = deny;
        self
    }

    /// The path generated code uses for the runtime crate; default
    /// `::errcat_runtime`. Set it if you re-export the runtime elsewhere.
    pub fn runtime_path(&mut self, path: impl Into<String>) -> &mut Self {
        self.rust.runtime_path = path.into();
        self
    }

    /// Whether to generate one typed constructor per code (default: yes).
    /// Each is a function rustc must check, so very large catalogs compile
    /// faster without them (docs/performance.md has the figures). Errors
    /// can still be built with `Error::new`,
    /// `Error::with_message` and `Error::from_args`.
    pub fn typed_constructors(&mut self, on: bool) -> &mut Self {
        self.rust.typed_constructors = on;
        self
    }

    /// Compiles the catalog at `dir` into Rust source without writing
    /// anything. Paths in diagnostics are `dir` as given.
    pub fn generate(&self, dir: &Path) -> Result<(String, Report), Error> {
        let compiled = self.compile_catalog(dir)?;
        let cx = emit::Context::new(&compiled.model, GENERATE_COMMAND);
        Ok((emit::rust::emit(&cx, &self.rust), compiled.warnings))
    }

    fn compile_catalog(&self, dir: &Path) -> Result<Compiled, Error> {
        let display = self.catalog_dir.display().to_string();
        let compiled = compile_dir(dir, &display).map_err(Error::Catalog)?;
        if self.deny_warnings && compiled.warnings.warning_count() > 0 {
            return Err(Error::Catalog(compiled.warnings));
        }
        Ok(compiled)
    }

    /// The build-script entry point: validates the catalog, writes
    /// `$OUT_DIR/<out_file>` if it changed, and tells cargo to re-run only
    /// when a catalog file changes.
    pub fn compile(&self) -> Result<(), Error> {
        let manifest_dir = PathBuf::from(
            std::env::var_os("CARGO_MANIFEST_DIR").ok_or(Error::Env("CARGO_MANIFEST_DIR"))?,
        );
        let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or(Error::Env("OUT_DIR"))?);
        let dir = manifest_dir.join(&self.catalog_dir);

        // Declared before reading, so a fix re-runs the script even when
        // this run fails.
        println!("cargo:rerun-if-changed={}", dir.display());
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }

        // The committed folder too: after `errcat generate` rewrites it, the
        // next build checks again, so a stale warning does not linger.
        if let Some(docs) = &self.docs_dir {
            println!(
                "cargo:rerun-if-changed={}",
                manifest_dir.join(docs).display()
            );
        }

        // One compile and one context serve both the Rust and the freshness
        // check of the committed files; the two emit on separate cores.
        let Compiled { model, warnings } = self.compile_catalog(&dir)?;
        let docs_dir = self.docs_dir.as_ref().map(|d| manifest_dir.join(d));
        let command = match &docs_dir {
            Some(docs) => generate_command(&dir, docs),
            None => GENERATE_COMMAND.to_string(),
        };
        let cx = emit::Context::new(&model, &command);
        let (rust, committed) = std::thread::scope(|scope| {
            let committed = docs_dir
                .as_ref()
                .map(|_| scope.spawn(|| emit::generate(&cx)));
            let rust = emit::rust::emit(&cx, &self.rust);
            (rust, committed.map(par::join))
        });
        if warnings.warning_count() > 0 {
            for line in warnings.render().lines().filter(|l| !l.is_empty()) {
                println!("cargo:warning={line}");
            }
        }
        let out = out_dir.join(&self.out_file);
        write::write_if_changed(&out, &rust).map_err(|e| Error::Io(out.clone(), e))?;

        if let (Some(docs), Some(files)) = (&docs_dir, committed) {
            let stale = write::stale_files(docs, &files);
            if !stale.is_empty() {
                // Run where `generate_command` is relative to: the folder
                // that holds the catalog.
                let dir = absolute(&dir);
                let at = dir.parent().unwrap_or(&dir);
                let place = if at == absolute(&manifest_dir) {
                    "in this crate's folder".to_string()
                } else {
                    format!("in `{}`", at.display())
                };
                println!(
                    "cargo:warning={} generated file{} under {} {} stale (first: {}); run `{command}` {place}",
                    stale.len(),
                    if stale.len() == 1 { "" } else { "s" },
                    self.docs_dir.as_deref().unwrap_or(docs).display(),
                    if stale.len() == 1 { "is" } else { "are" },
                    stale[0].path().display()
                );
            }
        }
        Ok(())
    }
}
