//! `errcat init [DIR]`: a first catalog to edit, and the lines that make a
//! crate build it.

use std::path::Path;

use crate::write;
use serde_json::json;

use crate::cli::output::{EXIT_FAILURE, Failure, Output};

const CATALOG: &str = r#"#:schema ../generated/schema/catalog.schema.json
# The catalog's settings, retry policies and categories. Each category has
# a file of its own beside this one, named after it. Every key is described
# in errcat's docs/catalog-format.md.

[catalog]
name = "NAME"
version = "0.1.0"
description = "The error codes of NAME."

[retry.standard]
strategy = "backoff"
initial_ms = 500
max_delay_ms = 8000
max_attempts = 4

# Besides the docs pages and catalog.json: the JSON Schema that editors use
# to check these files (see the #:schema line), and OpenAPI components.
[outputs]
json_schema = true
openapi = true

[categories.request]
title = "Request errors"
description = "The request cannot be served as sent; fix it before trying again."
range = [1000, 1999]
fault = "client"
status = 400
"#;

const CATEGORY: &str = r#"#:schema ../generated/schema/category.schema.json
# Codes of the `request` category. Add one table per code.

[invalid_field]
numeric = 1000
title = "Invalid field"
message = "The field `{field}` is invalid: {reason}."
params = { field = "string", reason = "string" }
solution = "Correct the field and send the request again."
"#;

const NEXT_STEPS: &str = r#"Next:
  1. Edit catalog/*.toml, then `cargo errcat generate` writes the docs to
     generated/ (`cargo errcat watch` does it on every save).
  2. In Cargo.toml (with errcat cloned beside your crate); pick the runtime
     features you use: axum (handlers return the generated Error), reqwest
     and backon (clients that retry as the catalog says), serde, http:
       [dependencies]
       errcat-runtime = { path = "../errcat/runtime", features = ["axum"] }
       [build-dependencies]
       errcat-codegen = { path = "../errcat/codegen", default-features = false }
  3. In build.rs:
       fn main() -> Result<(), errcat_codegen::Error> {
           errcat_codegen::Config::new().catalog_dir("catalog").check_generated("generated").compile()
       }
  4. In src/lib.rs:
       pub mod errors {
           include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
       }
  5. In CI: `cargo errcat check` fails while generated/ is stale or an edit
     breaks a released code.
  6. To publish: `cargo errcat release` picks the version and records
     catalog/errcat.lock; until then every code is free to change.
The whole recipe, with an axum handler and a reqwest client: errcat's
README, "Your own catalog".
"#;

pub fn run(dir: &Path) -> Result<Output, Failure> {
    let catalog = dir.join("catalog");
    if catalog.join("catalog.toml").exists() {
        return Err(Failure::new(
            EXIT_FAILURE,
            "catalog_exists",
            format!("`{}` already has a catalog", catalog.display()),
        )
        .file(catalog.join("catalog.toml").display().to_string())
        .hint("edit it, or pass another folder: errcat init DIR"));
    }
    let name = project_name(dir);
    let files = [
        ("catalog.toml", CATALOG.replace("NAME", &name)),
        ("request.toml", CATEGORY.to_string()),
    ];
    for (file, text) in &files {
        let path = catalog.join(file);
        write::write_if_changed(&path, text).map_err(|e| {
            Failure::new(
                EXIT_FAILURE,
                "io_error",
                format!("cannot write `{}`: {e}", path.display()),
            )
            .file(path.display().to_string())
        })?;
    }
    let text = format!(
        "created {} with one category and one code\n\n{NEXT_STEPS}",
        catalog.display()
    );
    Ok(Output {
        exit: 0,
        text,
        json: json!({ "catalog": catalog.display().to_string(), "files": files.len() }),
    })
}

/// The catalog name: the folder's name, made snake_case, or `errors`.
fn project_name(dir: &Path) -> String {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let raw = absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = crate::ident::fold_to_snake(&raw);
    let name = name.trim_matches('_').to_string();
    if name.is_empty() {
        "errors".into()
    } else {
        name
    }
}
