//! `errcat book`: build the docs site with mdBook, for a person to look at.
//!
//! mdBook runs as an installed binary, not a library: its library API is
//! not stable across releases, and linking it would put a web toolchain's
//! worth of crates into every build of this CLI. The book is built from
//! the docs pages as the catalog makes them now, staged beside the site,
//! so it never shows stale pages and never touches `generated/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Model, emit, generated_files, write};
use serde_json::json;

use crate::cli::output::{EXIT_FAILURE, Failure, Output};
use crate::cli::project::Project;

/// The mdBook release errcat's book is tested with (CI installs it).
pub const MDBOOK_VERSION: &str = "0.5.4";

pub fn run(
    model: &Model,
    project: &Project,
    out: Option<&Path>,
    open: bool,
) -> Result<Output, Failure> {
    if !emit::book::OUTPUT.chosen_by(model) {
        return Err(Failure::new(
            EXIT_FAILURE,
            "no_book",
            "the catalog does not ask for a book",
        )
        .hint("add `book = true` under `[outputs]` in catalog.toml"));
    }
    let site = out.map_or_else(|| default_site(project, model), Path::to_path_buf);
    let staged = site.with_extension("src");
    let docs: write::FileSet = generated_files(model, &project.generate_command())
        .into_iter()
        .filter_map(|(path, text)| Some((path.strip_prefix("docs").ok()?.to_path_buf(), text)))
        .collect();
    write::write_all(&staged, &docs).map_err(|e| {
        Failure::new(EXIT_FAILURE, "write_failed", e.to_string()).file(e.path.display().to_string())
    })?;

    let mdbook = std::env::var_os("MDBOOK").unwrap_or_else(|| "mdbook".into());
    let mut command = Command::new(&mdbook);
    command
        .arg("build")
        .arg(&staged)
        .arg("--dest-dir")
        .arg(absolute(&site));
    let status = command.status().map_err(|e| {
        let failure = Failure::new(
            EXIT_FAILURE,
            "mdbook_not_found",
            format!("cannot run `{}`: {e}", mdbook.to_string_lossy()),
        );
        if e.kind() == std::io::ErrorKind::NotFound {
            failure.hint(format!(
                "install mdBook with `cargo install --locked mdbook --version {MDBOOK_VERSION}`, or set MDBOOK to its path"
            ))
        } else {
            failure
        }
    })?;
    if !status.success() {
        return Err(Failure::new(
            EXIT_FAILURE,
            "mdbook_failed",
            format!("mdbook build failed ({status})"),
        ));
    }
    let index = site.join("index.html");
    let mut text = format!(
        "built the book of {}: {}\n",
        super::count(model.codes.len(), "code"),
        index.display()
    );
    let opened = open.then(|| open_in_browser(&absolute(&index)));
    if let Some(Err(why)) = &opened {
        text.push_str(&format!(
            "warning: could not open a browser ({why}); open {} yourself, or set BROWSER\n",
            absolute(&index).display()
        ));
    }
    Ok(Output {
        exit: 0,
        text,
        json: json!({
            "codes": model.codes.len(),
            "site": site,
            "index": index,
            "opened": opened.map(|o| o.is_ok()),
        }),
    })
}

/// Opens `page` with `$BROWSER`, else the platform's opener; says why not
/// when neither works (a server, a container).
fn open_in_browser(page: &Path) -> Result<(), String> {
    let mut tried = Vec::new();
    let browser = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    for program in browser.iter().map(String::as_str).chain([opener]) {
        match Command::new(program).arg(page).status() {
            Ok(status) if status.success() => return Ok(()),
            Ok(status) => tried.push(format!("`{program}` failed ({status})")),
            Err(e) => tried.push(format!("no `{program}`: {e}")),
        }
    }
    Err(tried.join("; "))
}

/// `target/errcat-book/<catalog>` beside the generated folder.
fn default_site(project: &Project, model: &Model) -> PathBuf {
    let root = project.generated.parent().unwrap_or(Path::new(""));
    root.join("target")
        .join("errcat-book")
        .join(&model.meta.name)
}

/// mdBook resolves `--dest-dir` against the book's folder, not ours.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
