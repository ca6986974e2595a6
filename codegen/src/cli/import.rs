//! `errcat import openapi|page|rust FILE`: a draft catalog from a source a
//! team already has. The draft is checked like any catalog before anything
//! is written, then written all at once; the confirm report goes to stdout
//! (and to `--report FILE`).

use std::path::{Path, PathBuf};

use crate::import::{self, catalog, report};
use crate::{Sources, compile};

use crate::cli::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};

/// What to import from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Openapi,
    Page,
    Rust,
}

impl Reader {
    fn word(self) -> &'static str {
        match self {
            Reader::Openapi => "openapi",
            Reader::Page => "page",
            Reader::Rust => "rust",
        }
    }
}

pub fn run(
    reader: Reader,
    file: &Path,
    out: &Path,
    report_file: Option<&Path>,
) -> Result<Output, Failure> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| {
        let exit = if e.kind() == std::io::ErrorKind::NotFound {
            EXIT_NOT_FOUND
        } else {
            EXIT_FAILURE
        };
        Failure::new(exit, "io_error", format!("cannot read `{shown}`: {e}")).file(shown.clone())
    })?;
    if out.join("catalog.toml").exists() {
        return Err(Failure::new(
            EXIT_FAILURE,
            "catalog_exists",
            format!("`{}` already has a catalog", out.display()),
        )
        .file(out.join("catalog.toml").display().to_string())
        .hint("import into a new folder with --out DIR, then merge what you want by hand"));
    }
    let draft = match reader {
        Reader::Openapi => import::openapi::read(&text, &shown).map_err(|e| {
            Failure::new(
                EXIT_FAILURE,
                "bad_spec",
                format!("`{shown}` is not an OpenAPI document: {e}"),
            )
            .file(shown.clone())
        })?,
        Reader::Page => import::page::read(&text, &shown, import::page::Format::of(file, &text)),
        Reader::Rust => import::rust::read(&text, &shown).map_err(|e| {
            Failure::new(
                EXIT_FAILURE,
                "bad_rust",
                format!(
                    "`{shown}` does not parse as Rust ({}:{}): {}",
                    e.line, e.column, e.message
                ),
            )
            .file(shown.clone())
        })?,
    };
    if draft.codes.is_empty() {
        return Err(Failure::new(EXIT_FAILURE, "no_codes", format!("found no error codes in `{shown}`"))
            .file(shown)
            .hint(match reader {
                Reader::Openapi => "errcat reads error responses (4xx, 5xx, default) and the code enums and consts of their schemas",
                Reader::Page => "errcat reads tables and lists of codes, statuses or numeric codes with their messages",
                Reader::Rust => "errcat reads enums whose variants carry #[error(\"...\")]",
            }));
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let completed = catalog::complete(draft, &stem);
    let command = format!(
        "errcat import {} {}",
        reader.word(),
        crate::shell_word(&shown)
    );
    let files = catalog::files(&completed, &command);
    let out_shown = out.display().to_string();
    let sources = Sources::from_memory(&out_shown, files.clone());
    let compiled = compile(&sources).map_err(|report| Failure {
        report: Some(Box::new(report)),
        ..Failure::new(
            EXIT_FAILURE,
            "draft_invalid",
            "the imported draft does not pass `errcat check`; this is a bug in errcat's importer",
        )
        .hint("please report it with the source file; nothing was written")
    })?;
    let markdown = report::markdown(&completed, &files, &out_shown);
    if let Some(path) = report_file {
        crate::write::write_if_changed(path, &markdown).map_err(|e| io_failure(path, e))?;
    }
    write_new_folder(out, &files)?;
    let warnings = compiled.warnings.diagnostics().len();
    let mut json = report::json(&completed, &files);
    json["out"] = out_shown.clone().into();
    json["warnings"] = warnings.into();
    let flags = if out == Path::new("catalog") {
        String::new()
    } else {
        format!(" --catalog {}", crate::shell_word(&out_shown))
    };
    let next = format!(
        "\nWrote {} files to `{out_shown}`. Next: read every `# guessed:` line, then `cargo errcat generate{flags}`{}.\n",
        files.len(),
        if warnings > 0 {
            format!(" (and look at its {warnings} warnings)")
        } else {
            String::new()
        }
    );
    Ok(Output {
        exit: 0,
        text: format!("{markdown}{next}"),
        json,
    })
}

fn io_failure(path: &Path, e: std::io::Error) -> Failure {
    Failure::new(
        EXIT_FAILURE,
        "io_error",
        format!("cannot write `{}`: {e}", path.display()),
    )
    .file(path.display().to_string())
}

/// Writes `files` into `out`, which must not hold TOML files yet: they are
/// staged beside it and moved in with one rename, so a failure leaves
/// nothing half-written.
fn write_new_folder(out: &Path, files: &[(String, String)]) -> Result<(), Failure> {
    if out.is_dir() {
        let taken = std::fs::read_dir(out)
            .map_err(|e| io_failure(out, e))?
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "toml"));
        if taken {
            return Err(Failure::new(
                EXIT_FAILURE,
                "catalog_exists",
                format!("`{}` already holds TOML files", out.display()),
            )
            .hint("import into a new folder with --out DIR"));
        }
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "catalog".into());
    let stage: PathBuf = out.with_file_name(format!(".{name}.import-stage"));
    let _ = std::fs::remove_dir_all(&stage);
    std::fs::create_dir_all(&stage).map_err(|e| io_failure(&stage, e))?;
    let staged = files
        .iter()
        .try_for_each(|(file, text)| std::fs::write(stage.join(file), text));
    let moved = staged.and_then(|()| {
        if out.is_dir() {
            // An empty folder (or one of other files) is filled file by file.
            for (file, _) in files {
                std::fs::rename(stage.join(file), out.join(file))?;
            }
            std::fs::remove_dir(&stage)
        } else {
            std::fs::rename(&stage, out)
        }
    });
    moved.map_err(|e| {
        let _ = std::fs::remove_dir_all(&stage);
        io_failure(out, e)
    })
}
