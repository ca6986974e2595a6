//! `errcat synth`: write a synthetic catalog of N codes, for benchmarks.

use crate::write;
use serde_json::json;

use crate::cli::output::{EXIT_FAILURE, Failure, Output};

pub fn run(codes: usize, out: &std::path::Path) -> Result<Output, Failure> {
    let files = crate::synth::catalog(codes);
    for (name, text) in &files {
        write::write_if_changed(&out.join(name), text).map_err(|e| {
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
