//! `errcat import`: every catalog's own OpenAPI file imports back to the
//! same codes, statuses, messages, params and retry classes; Rust enums and
//! pages import into drafts that pass `errcat check`.

#![cfg(feature = "import")]

use std::path::{Path, PathBuf};

use errcat_codegen::import::{self, Draft, catalog};
use errcat_codegen::{Model, Sources, compile};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The draft's catalog, compiled: it must pass `errcat check`.
fn compiled(draft: Draft, stem: &str) -> (Model, Vec<(String, String)>) {
    let completed = catalog::complete(draft, stem);
    let files = catalog::files(&completed, "errcat import test");
    let sources = Sources::from_memory("draft", files.clone());
    match compile(&sources) {
        Ok(c) => (c.model, files),
        Err(report) => {
            let text: String = files
                .iter()
                .map(|(n, t)| format!("--- {n}\n{t}\n"))
                .collect();
            panic!("the draft does not compile:\n{}\n{text}", report.render());
        }
    }
}

/// What an OpenAPI file can say about a code: its wire name, status,
/// message, params, retry strategy and the declared facts it sets.
type Facts = (
    String,
    u16,
    String,
    Vec<(String, String)>,
    &'static str,
    Vec<(&'static str, String)>,
);

fn facts(model: &Model) -> Vec<Facts> {
    let mut out: Vec<_> = model
        .codes
        .iter()
        .filter(|c| c.kind.is_error())
        .map(|c| {
            let params = c
                .params
                .iter()
                .map(|p| (p.name.clone(), p.ty.as_str().to_string()))
                .collect();
            (
                c.wire_name.clone(),
                c.status,
                c.message.clone(),
                params,
                model.retry_of(c).strategy.name(),
                c.facts
                    .iter()
                    .filter(|(_, v)| !v.is_default())
                    .map(|(f, v)| (f.key, v.to_json().to_string()))
                    .collect(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_catalogs_openapi_imports_back_to_its_codes() {
    let root = root();
    let mut pairs = vec![(
        root.join("catalog"),
        root.join("generated/openapi/errors.json"),
    )];
    for dir in ["examples", "examples/seeds", "codegen/tests/fixtures/good"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let path = entry.path();
            for generated in ["generated", "expected"] {
                let spec = path.join(generated).join("openapi/errors.json");
                if spec.exists() {
                    pairs.push((path.join("catalog"), spec));
                }
            }
        }
    }
    assert!(
        pairs.len() >= 8,
        "found only {} catalogs with OpenAPI files",
        pairs.len()
    );
    for (catalog_dir, spec) in pairs {
        let original = errcat_codegen::compile_dir(&catalog_dir, "catalog")
            .unwrap()
            .model;
        let text = std::fs::read_to_string(&spec).unwrap();
        let draft = import::openapi::read(&text, &spec.display().to_string()).unwrap();
        let (imported, _) = compiled(draft, "errors");
        assert_eq!(facts(&imported), facts(&original), "{}", spec.display());
    }
}

const STORE_ERRORS: &str = r#"
/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The bucket does not exist.
    #[error("bucket `{name}` not found")]
    BucketNotFound { name: String },
    #[error("object is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u32, path: std::path::PathBuf },
    #[error("i/o failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("retry in {0:?} (attempt {1})")]
    Throttled(f32, u8),
    #[error("literal {{braces}} stay {}", .code)]
    Braces { code: i16 },
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}
"#;

#[test]
fn a_thiserror_enum_becomes_codes_with_typed_params() {
    let draft = import::rust::read(STORE_ERRORS, "errors.rs").unwrap();
    let (model, files) = compiled(draft, "errors");
    let code = |name: &str| model.codes.iter().find(|c| c.name == name).unwrap();
    let params = |name: &str| {
        code(name)
            .params
            .iter()
            .map(|p| format!("{}: {}", p.name, p.ty.as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(model.meta.name, "store_error");
    assert!(!model.meta.http);
    assert_eq!(
        code("bucket_not_found").message,
        "bucket `{name}` not found"
    );
    assert_eq!(
        code("bucket_not_found").description.as_deref(),
        Some("The bucket does not exist.")
    );
    assert_eq!(params("too_large"), ["size: u64", "limit: u32"]);
    assert_eq!(code("io").message, "i/o failed: {value}");
    assert_eq!(params("throttled"), ["field_0: f64", "field_1: u16"]);
    assert_eq!(code("braces").message, "literal {{braces}} stay {code}");
    assert_eq!(params("braces"), ["code: i32"]);
    // Widened and Display-rendered types are marked as guesses.
    let store = &files.iter().find(|(n, _)| n == "store.toml").unwrap().1;
    assert!(
        store.contains("# guessed: `f32` widened to errcat's `f64`"),
        "{store}"
    );
    assert!(
        store.contains("# guessed: `std::io::Error` is rendered with Display"),
        "{store}"
    );
}

#[test]
fn rust_that_does_not_parse_is_located() {
    let e = import::rust::read("enum E {\n  A,\n  B(\n}\n", "e.rs").unwrap_err();
    assert_eq!(e.line, 4);
}

#[test]
fn an_openapi_yaml_spec_gives_codes_from_enums_consts_examples_and_x_errors() {
    let path = root().join("codegen/tests/fixtures/import/shop.yaml");
    let draft =
        import::openapi::read(&std::fs::read_to_string(&path).unwrap(), "shop.yaml").unwrap();
    let (model, files) = compiled(draft, "shop");
    let code = |name: &str| {
        model
            .codes
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(model.meta.name, "shop");
    // A $ref'd response under a path gets the path's status, and its
    // Retry-After header makes the code wait as the server says.
    assert_eq!(code("rate_limited").status, 429);
    assert_eq!(
        model.retry_of(code("rate_limited")).strategy.name(),
        "after_header"
    );
    // An example gives the code and its message.
    assert_eq!(code("order_not_found").status, 404);
    assert_eq!(code("order_not_found").message, "No order has the id 42.");
    // x-errors, and each value of a code enum.
    assert_eq!(code("out_of_stock").status, 409);
    assert_eq!(code("invalid_quantity").status, 400);
    assert_eq!(code("invalid_address").status, 400);
    // A 5XX range is a guessed 500, and says so.
    assert_eq!(code("internal").status, 500);
    let server = &files.iter().find(|(n, _)| n == "server.toml").unwrap().1;
    assert!(
        server.contains("# guessed: the spec gives the class 5XX only"),
        "{server}"
    );
}

#[test]
fn a_spec_that_is_not_openapi_3_is_refused_with_the_reason() {
    assert!(
        import::openapi::read("swagger: '2.0'\n", "s.yaml")
            .unwrap_err()
            .contains("Swagger 2.0")
    );
    assert!(
        import::openapi::read("{\"a\": 1}", "s.json")
            .unwrap_err()
            .contains("openapi")
    );
    assert!(
        import::openapi::read("a: [", "s.yaml")
            .unwrap_err()
            .contains("invalid YAML")
    );
}

fn page(file: &str) -> (Model, Vec<(String, String)>) {
    let path = root().join("codegen/tests/fixtures/import").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let draft = import::page::read(&text, file, import::page::Format::of(&path, &text));
    compiled(draft, path.file_stem().unwrap().to_str().unwrap())
}

fn retry(model: &Model, name: &str) -> &'static str {
    let code = model
        .codes
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    model.retry_of(code).strategy.name()
}

#[test]
fn a_markdown_page_gives_its_tables_lists_envelope_and_headers() {
    let (model, _) = page("payments.md");
    let code = |name: &str| {
        model
            .codes
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(model.meta.name, "payments_api_errors");
    assert_eq!(code("card_declined").status, 402);
    assert_eq!(
        code("card_declined").message,
        "The card was declined by the issuer."
    );
    assert_eq!(model.categories[code("card_declined").category].id, "card");
    assert_eq!(retry(&model, "card_declined"), "never");
    assert_eq!(retry(&model, "processing_error"), "backoff");
    // A list item under its own heading, with advice in its text.
    assert_eq!(
        model.categories[code("too_many_payments").category].id,
        "limits"
    );
    assert_eq!(retry(&model, "too_many_payments"), "after_header");
    assert_eq!(model.codes.len(), 5);
    // The example's camelCase members are the envelope's.
    assert_eq!(
        model.envelope.field_case,
        errcat_runtime::envelope::FieldCase::Camel
    );
    assert_eq!(
        model.meta.request_id_header.as_deref(),
        Some("X-Request-Id")
    );
}

#[test]
fn an_html_page_gives_its_table_solutions_problem_style_and_exit_codes() {
    let (model, files) = page("storage.html");
    let code = |name: &str| {
        model
            .codes
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(model.meta.name, "storage_service_errors");
    assert_eq!(code("bucket_missing").status, 404);
    assert_eq!(
        code("bucket_exists").solution.as_deref(),
        Some("Pick another name.")
    );
    assert_eq!(code("disk_full").status, 507);
    assert_eq!(retry(&model, "disk_full"), "backoff");
    let catalog = &files[0].1;
    assert!(catalog.contains("style = \"problem\""), "{catalog}");
    assert!(
        catalog.contains("[exit_codes]\n0 = \"Success\"\n1 = \"Any failure\"\n4 = \"Not found\""),
        "{catalog}"
    );
}

#[test]
fn a_text_page_with_tab_separated_rows_gives_upper_case_codes() {
    let (model, files) = page("queue.txt");
    let code = |name: &str| {
        model
            .codes
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(code("queue_full").wire_name, "QUEUE_FULL");
    assert_eq!(code("queue_full").status, 503);
    assert_eq!(code("message_too_big").status, 413);
    assert_eq!(retry(&model, "queue_full"), "backoff");
    assert!(
        files[0]
            .1
            .contains("# guessed: every code is written in upper case")
    );
}

#[cfg(feature = "cli")]
mod cli {
    use std::process::Command;

    fn errcat(args: &[&str], dir: &std::path::Path) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_errcat"))
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap()
    }

    #[test]
    fn import_writes_a_checked_catalog_and_never_over_one() {
        let tmp = tempfile::tempdir().unwrap();
        let page = super::root().join("codegen/tests/fixtures/import/queue.txt");
        let page = page.to_str().unwrap();
        let out = errcat(
            &["import", "page", page, "--report", "report.md"],
            tmp.path(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("# Import report"), "{stdout}");
        assert!(stdout.contains("then `cargo errcat generate`."), "{stdout}");
        assert!(
            std::fs::read_to_string(tmp.path().join("report.md"))
                .unwrap()
                .contains("| `QUEUE_FULL` | `queue_full` |")
        );
        let check = errcat(&["check", "--catalog", "catalog"], tmp.path());
        // The draft is valid; only the generated folder is missing.
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert!(!stderr.contains("error["), "{stderr}");
        let before = std::fs::read_to_string(tmp.path().join("catalog/catalog.toml")).unwrap();
        let again = errcat(&["import", "page", page, "--json"], tmp.path());
        assert_eq!(again.status.code(), Some(1));
        let failure: serde_json::Value = serde_json::from_slice(&again.stderr).unwrap();
        assert_eq!(failure["error"]["code"], "catalog_exists");
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("catalog/catalog.toml")).unwrap(),
            before
        );
        assert!(!tmp.path().join(".catalog.import-stage").exists());
    }

    #[test]
    fn import_reports_as_json_and_says_when_it_finds_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("empty.md"),
            "# Nothing\n\nJust prose here.\n",
        )
        .unwrap();
        let out = errcat(&["import", "page", "empty.md", "--json"], tmp.path());
        assert_eq!(out.status.code(), Some(1));
        let failure: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(failure["error"]["code"], "no_codes");
        assert!(!tmp.path().join("catalog").exists());
        let spec = super::root().join("codegen/tests/fixtures/import/shop.yaml");
        let out = errcat(
            &[
                "import",
                "openapi",
                spec.to_str().unwrap(),
                "--out",
                "shop",
                "--json",
            ],
            tmp.path(),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["summary"]["codes"], 6);
        let internal = report["codes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["written"] == "internal")
            .unwrap();
        let status = internal["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "status")
            .unwrap();
        assert_eq!(status["how"], "guessed");
        assert!(status["why"].as_str().unwrap().contains("5XX"));
        let missing = errcat(&["import", "rust", "nope.rs"], tmp.path());
        assert_eq!(missing.status.code(), Some(3));
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Lines a reference page is made of: keys, statuses, prose, labels,
    /// table rows, JSON, in any order.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            "[1-5][0-9][0-9]",
            "[1-5]xx",
            "[0-9]{1,6}",
            "[A-Z][A-Z_]{2,12}[A-Z]",
            "[a-z][a-z_]{2,12}",
            "[A-Z][a-z]+( [a-z]+){0,6}[.]?",
            "[A-Z_]{3,8}[A-Z][a-z]+ [a-z ]{0,20}",
            "[1-5][0-9][0-9][A-Z][a-z]+ [A-Za-z ]{0,20}",
            "Solution: [a-z ]{1,20}",
            "\\| [a-z_]{1,8} \\| [1-5][0-9][0-9] \\| [a-z {}]{0,12} \\|",
            "[a-z]{1,6}\t[0-9]{3}\t[a-z ]{0,10}",
            Just("{\"error\": {\"code\": \"x_y\", \"message\": \"m {p}\"}}".to_string()),
            Just("CLI exit codes".to_string()),
            Just("Retry guidance".to_string()),
            "[ -~]{0,30}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("ERRCAT_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
        ))]

        #[test]
        fn a_page_of_any_lines_imports_into_a_catalog_that_passes_check(lines in proptest::collection::vec(line(), 0..40)) {
            let text = lines.join("\n");
            for format in [import::page::Format::Text, import::page::Format::Markdown] {
                let draft = import::page::read(&text, "page.txt", format);
                if !draft.codes.is_empty() {
                    compiled(draft, "page");
                }
            }
            let html = format!("<table>{}</table>", lines.iter().map(|l| format!("<tr><td>{}</td></tr>", l.replace('\t', "</td><td>"))).collect::<String>());
            let draft = import::page::read(&html, "page.html", import::page::Format::Html);
            if !draft.codes.is_empty() {
                compiled(draft, "page");
            }
        }

        #[test]
        fn any_text_as_a_spec_or_rust_file_fails_cleanly(text in "[ -~\n]{0,200}") {
            let _ = import::openapi::read(&text, "spec.yaml");
            if let Ok(draft) = import::rust::read(&text, "lib.rs")
                && !draft.codes.is_empty()
            {
                compiled(draft, "lib");
            }
        }
    }
}
