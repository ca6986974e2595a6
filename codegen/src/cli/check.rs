//! `errcat check`: validate the catalog (against its last release, through
//! the lock) and fail if the generated folder is stale.

use serde_json::json;

use crate::cli::output::{EXIT_FAILURE, Failure, Output};
use crate::cli::project::Project;
use crate::{Model, generated_files, write};

pub fn run(model: &Model, project: &Project) -> Result<Output, Failure> {
    let generated = &project.generated;
    let files = generated_files(model, &project.generate_command());
    let stale = write::stale_files(generated, &files);
    if !stale.is_empty() {
        let list: Vec<String> = stale
            .iter()
            .map(|s| format!("{} ({})", generated.join(s.path()).display(), s.label()))
            .collect();
        return Err(Failure::new(
            EXIT_FAILURE,
            "stale_generated_files",
            format!("generated files are stale: {}", list.join(", ")),
        )
        .hint(format!(
            "run `{}` and commit the result",
            project.hint("generate")
        )));
    }
    let unreleased = super::release::unreleased(model);
    let mut text = format!(
        "ok: {}, {} generated file{} up to date\n",
        super::count(model.codes.len(), "code"),
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
    if !unreleased.is_empty() {
        text.push_str(&format!(
            "{} added since the last release ({}); `{}` records {} when you publish\n",
            super::count(unreleased.len(), "code"),
            model.release.as_ref().map_or("none yet".into(), |r| r
                .version
                .clone()
                .unwrap_or_else(|| "unversioned".into())),
            project.hint("release"),
            if unreleased.len() == 1 { "it" } else { "them" },
        ));
    }
    Ok(Output {
        exit: 0,
        text,
        json: json!({
            "codes": model.codes.len(),
            "stale": [],
            "unreleased": unreleased,
        }),
    })
}
