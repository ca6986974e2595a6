//! The JSON Schema of the catalog format: `schema/catalog.schema.json` for
//! catalog.toml and `schema/category.schema.json` for category files.
//! Editors that speak taplo (VS Code's Even Better TOML, Helix, Zed)
//! complete and check keys in a file that starts with
//! `#:schema <path to the schema>`.
//!
//! The schemas are derived from the raw layer, so they cannot drift from what
//! errcat reads, by [`derive`] (feature `schema`, on in errcat's own tests).
//! Its output is committed beside this module and kept fresh by a test, so
//! that build scripts need not compile schemars and the output never
//! depends on a feature.

use serde_json::Value;

use crate::write::FileSet;

#[cfg(feature = "schema")]
pub mod derive;

/// The schema of catalog.toml.
pub const CATALOG_SCHEMA: &str = "schema/catalog.schema.json";
/// The schema of a category file.
pub const CATEGORY_SCHEMA: &str = "schema/category.schema.json";

/// The derived schemas, with an empty `$comment` where the header goes.
const CATALOG: &str = include_str!("catalog.schema.json");
const CATEGORY: &str = include_str!("category.schema.json");

/// The two schemas.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "json_schema",
        default: false,
        needs_http: false,
        requires: None,
        reserved_pages: &[],
    },
    emit,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let header = super::generated_header(cx.command);
    let mut files = FileSet::new();
    files.insert(CATALOG_SCHEMA.into(), pretty(&catalog_schema(&header)));
    files.insert(CATEGORY_SCHEMA.into(), pretty(&category_schema(&header)));
    files
}

/// Pretty JSON with a final newline, as the committed files are written.
pub fn pretty(value: &Value) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// catalog.toml: `[catalog]`, `[envelope]`, `[exit_codes]`, `[outputs]`,
/// `[retry.*]`, `[categories.*]`.
pub fn catalog_schema(header: &str) -> Value {
    with_header(CATALOG, header)
}

/// A category file: one table per code.
pub fn category_schema(header: &str) -> Value {
    with_header(CATEGORY, header)
}

fn with_header(schema: &str, header: &str) -> Value {
    // The files are derived and checked by this crate's tests.
    let mut schema: Value = serde_json::from_str(schema).expect("the committed schema is JSON");
    schema["$comment"] = Value::String(header.into());
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The committed schemas are what the raw layer derives today. Outside
    /// CI stale copies are rewritten; in CI they fail.
    #[cfg(feature = "schema")]
    #[test]
    fn committed_schemas_are_derived_from_the_raw_layer() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/emit/json_schema");
        let files = [
            ("catalog.schema.json", CATALOG, derive::catalog_schema("")),
            (
                "category.schema.json",
                CATEGORY,
                derive::category_schema(""),
            ),
        ];
        let mut stale = Vec::new();
        for (name, committed, derived) in files {
            let derived = pretty(&derived);
            if committed != derived {
                stale.push(name);
                if std::env::var_os("CI").is_none() {
                    std::fs::write(format!("{dir}/{name}"), derived).expect("write");
                }
            }
        }
        assert!(
            stale.is_empty(),
            "stale {stale:?} (rewritten outside CI; run the tests again)"
        );
    }

    #[test]
    fn every_key_errcat_reads_is_in_the_schema_and_no_other() {
        let code = category_schema("x");
        let code = &code["additionalProperties"];
        assert_eq!(code["additionalProperties"], false);
        for key in [
            "numeric",
            "title",
            "message",
            "params",
            "since",
            "sdk_exception",
            "server_retries",
        ] {
            assert!(code["properties"].get(key).is_some(), "{key}");
        }
        assert_eq!(
            code["properties"]["kind"]["enum"],
            json!(["error", "success", "pending", "warning"])
        );
        assert!(code["properties"]["title"]["description"].is_string());
        let catalog = catalog_schema("x");
        let category = &catalog["properties"]["categories"]["additionalProperties"];
        assert!(category["properties"].get("sdk_exception").is_some());
        assert!(category["properties"].get("since").is_none(), "codes only");
        assert!(
            catalog["properties"]["catalog"]["properties"]
                .get("since")
                .is_none()
        );
        assert!(!catalog.to_string().contains("\"default\":null"));
        assert_eq!(
            catalog["properties"]["retry"]["additionalProperties"]["properties"]["jitter"]["enum"],
            json!(["none", "full", "equal"])
        );
    }

    /// The defaults the schema states are the ones lowering applies.
    #[test]
    fn stated_defaults_are_the_defaults() {
        let settings = "[catalog]\nname = \"d\"\n[retry.plain]\nstrategy = \"backoff\"\ninitial_ms = 10\nmax_delay_ms = 100\n\
                        [categories.input]\ntitle = \"Input\"\nfault = \"client\"\nstatus = 400\n";
        let codes = "[bad]\ntitle = \"Bad\"\nmessage = \"Bad.\"\n";
        let sources =
            crate::Sources::from_memory("c", [("catalog.toml", settings), ("input.toml", codes)]);
        let model = crate::compile(&sources).unwrap().model;
        let catalog = catalog_schema("x");
        let default = |table: &Value, key: &str| table["properties"][key]["default"].clone();
        let retry = &catalog["properties"]["retry"]["additionalProperties"];
        let crate::model::RetryStrategy::Backoff(b) = model.retry_policies[1].strategy else {
            panic!("a backoff policy");
        };
        assert_eq!(default(retry, "factor"), json!(b.factor));
        assert_eq!(default(retry, "max_attempts"), json!(b.max_attempts));
        assert_eq!(default(retry, "jitter"), json!(b.jitter.as_str()));
        let envelope = &catalog["properties"]["envelope"];
        assert_eq!(
            default(envelope, "style"),
            json!(model.envelope.style.as_str())
        );
        assert_eq!(default(envelope, "field_case"), json!("snake"));
        assert_eq!(model.envelope.field_case, crate::model::FieldCase::Snake);
        let meta = &catalog["properties"]["catalog"];
        assert_eq!(default(meta, "docs_anchor"), json!(model.meta.docs_anchor));
        assert_eq!(
            default(meta, "docs_base_url"),
            json!(model.meta.docs_base_url)
        );
        let category = &catalog["properties"]["categories"]["additionalProperties"];
        assert_eq!(
            default(category, "kind"),
            json!(model.codes[0].kind.as_str())
        );
        assert_eq!(
            default(category, "retry"),
            json!(model.retry_of(&model.codes[0]).name)
        );
        let code = &category_schema("x")["additionalProperties"];
        assert_eq!(
            default(code, "server_retries"),
            json!(model.codes[0].facts.server_retries)
        );
    }
}
