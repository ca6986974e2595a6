//! `errcat generate`: validate the catalog and rewrite the generated folder.

use std::path::Path;

use errcat_codegen::{GENERATE_COMMAND, Model, generated_files, write};
use serde_json::json;

use crate::output::{EXIT_FAILURE, Failure, Output};

pub fn run(model: &Model, generated: &Path) -> Result<Output, Failure> {
    let mut text = String::new();
    let files = generated_files(model, GENERATE_COMMAND);
    let changed = write::write_all(generated, &files).map_err(|e| {
        Failure::new(
            EXIT_FAILURE,
            "io_error",
            format!("cannot write `{}`: {e}", generated.display()),
        )
    })?;
    for path in &changed {
        text.push_str(&format!("updated {}\n", generated.join(path).display()));
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
