//! `errcat synth`: write a synthetic catalog of N codes, for benchmarks,
//! translated into as many locales as asked.

use crate::write;
use serde_json::json;

use crate::cli::output::{EXIT_FAILURE, Failure, Output};

pub fn run(codes: usize, locales: usize, out: &std::path::Path) -> Result<Output, Failure> {
    let files = crate::synth::catalog_in_locales(codes, locales);
    for (name, text) in &files {
        let path = out.join(name);
        let folder = path.parent().map_or(Ok(()), std::fs::create_dir_all);
        folder
            .and_then(|()| write::write_if_changed(&path, text))
            .map_err(|e| {
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
        exit: 0,
        text,
        json: json!({ "codes": codes, "files": files.len() }),
    })
}
