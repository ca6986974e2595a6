//! `errcat fmt [--check]`: catalog files in one canonical layout, comments
//! kept, with taplo's formatter (what Even Better TOML runs in editors).

use std::path::Path;

use crate::write;
use serde_json::json;

use crate::cli::edit::Spelling;
use crate::cli::output::{EXIT_FAILURE, Failure, Output};
use crate::cli::project::Project;

pub fn run(project: &Project, check: bool) -> Result<Output, Failure> {
    let mut names: Vec<String> = std::fs::read_dir(&project.catalog)
        .map_err(|e| io_failure(&project.catalog, e))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
        .collect();
    names.sort();
    let mut changed = Vec::new();
    let mut formatted_files = Vec::new();
    for name in &names {
        let path = project.catalog.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| io_failure(&path, e))?;
        // A BOM and CRLF line ends are the file's own spelling, kept.
        let (spelling, plain) = Spelling::of(&text);
        let formatted = format(&plain)
            .map(|f| spelling.apply(&f))
            .map_err(|problem| {
                Failure::new(
                    EXIT_FAILURE,
                    "cannot_format",
                    format!("`{}` was left as it is: {problem}", path.display()),
                )
                .file(path.display().to_string())
                .hint("`errcat check` shows what to fix")
            })?;
        if formatted != text {
            changed.push(path.display().to_string());
            formatted_files.push((path, formatted));
        }
    }
    if check {
        if changed.is_empty() {
            return Ok(Output {
                text: format!("ok: {} catalog files formatted\n", names.len()),
                json: json!({ "files": names.len(), "unformatted": [] }),
                exit: 0,
            });
        }
        return Err(Failure::new(
            EXIT_FAILURE,
            "unformatted",
            format!("not formatted: {}", changed.join(", ")),
        )
        .hint(format!("run `{}`", project.hint("fmt"))));
    }
    for (path, text) in &formatted_files {
        write::write_if_changed(path, text).map_err(|e| io_failure(path, e))?;
    }
    let mut text: String = changed.iter().map(|p| format!("formatted {p}\n")).collect();
    text.push_str(&format!(
        "{} of {} catalog files changed\n",
        changed.len(),
        names.len()
    ));
    Ok(Output {
        text,
        json: json!({ "files": names.len(), "formatted": changed }),
        exit: 0,
    })
}

/// The canonical layout of one file. Refuses a file with syntax errors, and
/// any result that does not read back as the same data.
pub fn format(text: &str) -> Result<String, String> {
    let parsed = taplo::parser::parse(text);
    if let Some(error) = parsed.errors.first() {
        return Err(format!("it has a TOML syntax error ({error})"));
    }
    let options = taplo::formatter::Options {
        // One space before a trailing comment, as the catalogs write them.
        align_comments: false,
        ..taplo::formatter::Options::default()
    };
    let formatted = taplo::formatter::format(text, options);
    let before: Result<toml::Table, _> = toml::from_str(text);
    let after: Result<toml::Table, _> = toml::from_str(&formatted);
    // Compared as TOML text: `nan` is not equal to itself as a float.
    let same = |a: &toml::Table, b: &toml::Table| {
        a == b || toml::to_string(a).ok() == toml::to_string(b).ok()
    };
    match (before, after) {
        (Ok(a), Ok(b)) if same(&a, &b) => Ok(formatted),
        (Err(e), _) => Err(format!("it does not read as TOML: {}", e.message())),
        _ => Err("formatting would change its data (please report this)".into()),
    }
}

fn io_failure(path: &Path, e: std::io::Error) -> Failure {
    Failure::new(
        EXIT_FAILURE,
        "io_error",
        format!("cannot access `{}`: {e}", path.display()),
    )
    .file(path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn formats_keeps_comments_and_is_idempotent() {
        let messy = "#:schema ../generated/schema/category.schema.json\n# Codes of the client category.\n[bad_input]   # the usual one\nnumeric=1000\ntitle =   \"Bad input\"\n\n\n\n\n[other]\nnumeric = 1001\n";
        let once = format(messy).unwrap();
        assert!(
            once.contains("#:schema ../generated/schema/category.schema.json\n"),
            "{once}"
        );
        assert!(once.contains("# the usual one"), "{once}");
        assert!(
            once.contains("numeric = 1000\ntitle = \"Bad input\"\n"),
            "{once}"
        );
        assert!(!once.contains("\n\n\n\n"), "{once}");
        assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn a_nan_is_the_same_data_after_formatting() {
        let text = "[bad]\nvalue = nan\n";
        assert_eq!(format(text).unwrap(), text);
    }

    #[test]
    fn a_syntax_error_is_refused() {
        assert!(format("[a\nb = 1\n").unwrap_err().contains("syntax error"));
    }
}
