//! `errcat check`: validate the catalog and fail if the generated folder is stale.

use errcat_codegen::{GENERATE_COMMAND, Model, generated_files, lock_is_stale, lock_path, write};
use serde_json::json;

use crate::output::{EXIT_FAILURE, Failure, Output};
use crate::project::Project;

pub fn run(model: &Model, project: &Project) -> Result<Output, Failure> {
    let generated = &project.generated;
    let mut text = String::new();
    let files = generated_files(model, GENERATE_COMMAND);
    let stale = write::stale_files(generated, &files);
    let lock_stale = lock_is_stale(&project.catalog, model);
    if stale.is_empty() && !lock_stale {
        text.push_str(&format!(
            "ok: {} codes, {} generated files up to date\n",
            model.codes.len(),
            files.len()
        ));
        return Ok(Output {
            exit: 0,
            text,
            json: json!({ "codes": model.codes.len(), "stale": [] }),
        });
    }
    let mut list: Vec<String> = stale
        .iter()
        .map(|s| format!("{} ({})", generated.join(s.path()).display(), s.label()))
        .collect();
    if lock_stale {
        list.push(format!(
            "{} (does not record the catalog as it is)",
            lock_path(&project.catalog).display()
        ));
    }
    Err(Failure::new(
        EXIT_FAILURE,
        "stale_generated_files",
        format!("generated files are stale: {}", list.join(", ")),
    )
    .hint(format!(
        "run `{GENERATE_COMMAND}{}` and commit the result",
        project.flags
    )))
}
