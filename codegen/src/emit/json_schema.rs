//! The JSON Schema of the catalog format: `schema/catalog.schema.json` for
//! catalog.toml and `schema/category.schema.json` for category files. It is
//! derived from the raw layer (schemars reads the serde structs and their
//! doc comments), the declared facts of `fields.rs` and the value lists
//! lowering checks, so it cannot drift from what errcat reads. Editors that
//! speak taplo (VS Code's Even Better TOML, Helix, Zed) complete and check
//! keys in a file that starts with `#:schema <path to the schema>`.

use schemars::JsonSchema;
use serde_json::{Map, Value, json};

use crate::fields::{FIELDS, FieldType};
use crate::model::ParamType;
use crate::raw::{RawCategory, RawCode, RawEnvelope, RawMeta, RawRetryPolicy};
use crate::write::FileSet;

/// The schema of catalog.toml.
pub const CATALOG_SCHEMA: &str = "schema/catalog.schema.json";
/// The schema of a category file.
pub const CATEGORY_SCHEMA: &str = "schema/category.schema.json";

/// The two schemas.
pub const OUTPUT: super::Output = super::Output {
    name: "json_schema",
    default: false,
    emit,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let header = super::generated_header(cx.command);
    let mut files = FileSet::new();
    files.insert(CATALOG_SCHEMA.into(), pretty(&catalog_schema(&header)));
    files.insert(CATEGORY_SCHEMA.into(), pretty(&category_schema(&header)));
    files
}

fn pretty(value: &Value) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// catalog.toml: `[catalog]`, `[envelope]`, `[exit_codes]`, `[outputs]`,
/// `[retry.*]`, `[categories.*]`.
pub fn catalog_schema(header: &str) -> Value {
    let outputs: Map<String, Value> = super::OUTPUTS
        .iter()
        .map(|o| {
            let what = if o.default { "on unless set to false" } else { "off unless set to true" };
            (o.name.to_string(), json!({ "type": "boolean", "description": format!("Write the `{}` output ({what}).", o.name) }))
        })
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": header,
        "title": "errcat catalog.toml",
        "description": "The settings, retry policies and categories of an errcat error catalog.",
        "type": "object",
        "additionalProperties": false,
        "required": ["catalog", "categories"],
        "properties": {
            "catalog": table::<RawMeta>(Facts::None),
            "envelope": table::<RawEnvelope>(Facts::None),
            "exit_codes": {
                "description": "The CLI exit codes the catalog documents: exit code = \"meaning\".",
                "type": "object",
                "additionalProperties": false,
                "patternProperties": { "^[0-9]{1,3}$": { "type": "string", "minLength": 1 } },
            },
            "outputs": {
                "description": "Which outputs `errcat generate` writes under generated/.",
                "type": "object",
                "additionalProperties": false,
                "properties": outputs,
            },
            "retry": {
                "description": "Named retry policies; `never` always exists.",
                "type": "object",
                "additionalProperties": table::<RawRetryPolicy>(Facts::None),
            },
            "categories": {
                "description": "The categories; each has a file `<id>.toml` of codes.",
                "type": "object",
                "minProperties": 1,
                "additionalProperties": table::<RawCategory>(Facts::CategoryDefaults),
            },
        },
    })
}

/// A category file: one table per code.
pub fn category_schema(header: &str) -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": header,
        "title": "errcat category file",
        "description": "The codes of one category, one table per code, keyed by the code's name.",
        "type": "object",
        "additionalProperties": table::<RawCode>(Facts::All),
    })
}

/// Which declared facts (`fields.rs`) a table holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Facts {
    None,
    CategoryDefaults,
    All,
}

/// The schema of one raw table: what schemars derives, plus the declared
/// facts a table of this kind may hold, the value lists of closed keys,
/// and no other keys.
fn table<T: JsonSchema>(facts: Facts) -> Value {
    let mut schema = schemars::schema_for!(T).to_value();
    let object = schema
        .as_object_mut()
        .expect("a struct's schema is an object");
    object.remove("$schema");
    object.insert("additionalProperties".into(), Value::Bool(false));
    let properties = object
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .expect("properties are an object");
    let held = |f: &&crate::fields::Field| match facts {
        Facts::None => false,
        Facts::CategoryDefaults => f.category_default,
        Facts::All => true,
    };
    for field in FIELDS.iter().filter(held) {
        let mut description: String = field
            .doc
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        if facts == Facts::CategoryDefaults {
            description = format!("The default for its codes. {description}");
        }
        let default = match (field.ty, field.category_default && facts == Facts::All) {
            (FieldType::Count, _) => "`0`",
            (_, true) => "the category's",
            (_, false) => "none",
        };
        let value = match field.ty {
            FieldType::Count => json!({
                "type": "integer", "minimum": 0, "maximum": 255, "default": 0,
                "description": description, "x-type": "integer 0–255", "x-default": default,
            }),
            FieldType::Code | FieldType::Text => json!({
                "type": "string", "minLength": 1,
                "description": description, "x-type": "string", "x-default": default,
            }),
        };
        properties.insert(field.key.into(), value);
    }
    for (key, property) in properties.iter_mut() {
        let Some(property) = property.as_object_mut() else {
            continue;
        };
        // TOML has no null: an absent key is the only "none".
        if property.get("default") == Some(&Value::Null) {
            property.remove("default");
        }
        if let Some(Value::Array(types)) = property.get("type").cloned() {
            let kept: Vec<Value> = types.into_iter().filter(|t| t != "null").collect();
            if kept.len() == 1 {
                property.insert("type".into(), kept[0].clone());
            }
        }
        if crate::raw::values::TEXT_KEYS.contains(&key.as_str()) {
            // E0037: text that must say something.
            let text = json!({ "type": "string", "minLength": 1, "pattern": "\\S" });
            match property.get("type").and_then(Value::as_str) {
                Some("string") => {
                    property.insert("minLength".into(), json!(1));
                    property.insert("pattern".into(), json!("\\S"));
                }
                Some("array") => {
                    property.insert("items".into(), text);
                }
                _ => {}
            }
        }
        if let Some(values) = crate::raw::values::of(key) {
            property.insert("enum".into(), json!(values));
        }
        if key == "params" {
            let types: Vec<&str> = ParamType::ALL.iter().map(|t| t.as_str()).collect();
            property.insert("additionalProperties".into(), json!({ "enum": types }));
        }
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

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
            json!(["error", "success", "pending"])
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
