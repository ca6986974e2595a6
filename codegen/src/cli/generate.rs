//! `errcat generate`: validate the catalog and rewrite the generated folder.
//! It never touches the lock: what it generates is work in progress until
//! `errcat release` records it.

use std::time::Instant;

use serde_json::json;

use crate::cli::output::{EXIT_FAILURE, Failure, Output};
use crate::cli::project::Project;
use crate::{Model, generated_files, write};

pub fn run(model: &Model, project: &Project, started: Instant) -> Result<Output, Failure> {
    let generated = project.generated.as_path();
    let mut text = String::new();
    if generated.file_name().is_some_and(|n| n == "docs") {
        text.push_str(&format!(
            "note: `{}` holds docs/ and catalog.json, so the pages are in `{}`; \
             pass the folder above it to have them in `{}`\n",
            generated.display(),
            generated.join("docs").display(),
            generated.display()
        ));
    }
    let files = generated_files(model, &project.generate_command());
    let changed = write::write_all(generated, &files).map_err(|e| {
        Failure::new(EXIT_FAILURE, "io_error", e.to_string())
            .file(e.path.display().to_string())
            .hint("nothing was changed: the generated folder is as it was")
    })?;
    for leftover in write::leftovers(generated) {
        text.push_str(&format!(
            "warning: `{}` is an old copy of the generated folder that could not be removed; remove it by hand\n",
            leftover.display()
        ));
    }
    let mut removed = 0;
    for change in &changed {
        let verb = match change {
            write::Staleness::Orphaned(_) => {
                removed += 1;
                "removed"
            }
            _ => "updated",
        };
        let path = generated.join(change.path());
        text.push_str(&format!("{verb} {}\n", path.display()));
    }
    text.push_str(&format!(
        "{}{}; {} of {} generated files changed{} in {:.2} s\n",
        super::count(model.codes.len(), "code"),
        if model.meta.categorized {
            format!(" in {}", super::count(model.categories.len(), "category"))
        } else {
            String::new()
        },
        changed.len() - removed,
        files.len(),
        if removed > 0 {
            format!(", {removed} removed")
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64()
    ));
    let changed: Vec<String> = changed
        .iter()
        .map(|c| c.path().display().to_string())
        .collect();
    Ok(Output {
        exit: 0,
        text,
        json: json!({
            "codes": model.codes.len(),
            "files": files.len(),
            "changed": changed,
        }),
    })
}
