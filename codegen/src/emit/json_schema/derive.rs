//! Derives the two schemas from the raw layer: schemars reads the serde
//! structs and their doc comments, to which this adds the declared facts of
//! `fields.rs` and the value lists lowering checks. Only errcat's own tests
//! run it (feature `schema`), to keep the committed copies fresh, so build
//! scripts never compile schemars.

use schemars::JsonSchema;
use serde_json::{Map, Value, json};

use crate::fields::{FIELDS, FieldType};
use crate::model::ParamType;
use crate::raw::{RawCategory, RawCode, RawEnvelope, RawMeta, RawRetired, RawRetryPolicy};

/// catalog.toml: `[catalog]`, `[envelope]`, `[exit_codes]`, `[outputs]`,
/// `[retry.*]`, `[categories.*]`, `[retired.*]`, `[lints]`.
pub fn catalog_schema(header: &str) -> Value {
    let mut schema = catalog_schema_plain(header);
    for_taplo(&mut schema, &[]);
    schema
}

/// A category file: one table per code.
pub fn category_schema(header: &str) -> Value {
    let mut schema = category_schema_plain(header);
    for_taplo(&mut schema, &["title", "message"]);
    schema
}

/// taplo's extensions (Even Better TOML, Helix, Zed): each key's hover docs
/// (its description, type and default, as docs/catalog-format.md shows
/// them) and the keys a new table starts with (`initKeys`, from what the
/// format requires). Plain JSON Schema readers ignore `x-` members.
fn for_taplo(schema: &mut Value, init_keys: &[&str]) {
    if let Some(Value::Object(props)) = schema.get_mut("properties") {
        for prop in props.values_mut() {
            let mut docs = prop
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .replace('\n', " ");
            if let Some(ty) = prop.get("x-type").and_then(Value::as_str) {
                docs.push_str(&format!("\n\nType: {ty}."));
            }
            if let Some(default) = prop.get("x-default").and_then(Value::as_str) {
                docs.push_str(&format!(" Default: {default}."));
            }
            if !docs.trim().is_empty() {
                prop["x-taplo"] = json!({ "docs": { "main": docs.trim() } });
            }
            for_taplo(prop, &[]);
        }
        let required: Vec<&str> = init_keys.to_vec();
        if !required.is_empty() {
            schema["x-taplo"] = json!({ "initKeys": required });
        }
    }
    for key in ["additionalProperties", "items"] {
        if let Some(sub) = schema.get_mut(key).filter(|s| s.is_object()) {
            let init: &[&str] = match sub.get("properties").and_then(Value::as_object) {
                Some(p) if p.contains_key("strategy") => &["strategy"],
                Some(p) if p.contains_key("fault") && p.contains_key("range") => &["title"],
                Some(p)
                    if p.contains_key("reason")
                        && p.contains_key("numeric")
                        && !p.contains_key("message") =>
                {
                    &["reason"]
                }
                _ => init_keys,
            };
            for_taplo(sub, init);
        }
    }
}

fn catalog_schema_plain(header: &str) -> Value {
    let outputs: Map<String, Value> = crate::emit::OUTPUTS
        .iter()
        .map(|o| {
            let what = if o.spec.default { "on unless set to false" } else { "off unless set to true" };
            (o.spec.name.to_string(), json!({ "type": "boolean", "description": format!("Write the `{}` output ({what}).", o.spec.name) }))
        })
        .chain(crate::raw::PACKAGE_KEYS.iter().map(|(key, what)| {
            (key.to_string(), json!({ "type": "string", "minLength": 1, "description": what }))
        }))
        .collect();
    let levels = crate::diag_code::LintLevel::NAMES;
    let lints: Map<String, Value> = crate::diag_code::Target::names()
        .into_iter()
        .map(|name| {
            let what = match crate::diag_code::Target::parse(name) {
                Some(crate::diag_code::Target::Rule(code)) => {
                    format!("{} {}", code.as_str(), code.summary())
                }
                _ => "Every warning.".to_string(),
            };
            (
                name.to_string(),
                json!({ "enum": levels, "description": what }),
            )
        })
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": header,
        "title": "errcat catalog.toml",
        "description": "The settings, retry policies and categories of an errcat error catalog.",
        "type": "object",
        "additionalProperties": false,
        "required": ["catalog"],
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
                "description": "The categories; each has a file `<id>.toml` of codes. Without any, every other file of the folder is a file of codes, and the docs show one table.",
                "type": "object",
                "additionalProperties": table::<RawCategory>(Facts::CategoryDefaults),
            },
            "lints": {
                "description": "Levels for the whole catalog: a warning's or note's rule name (or code), or `warnings` for every warning, set to \"allow\", \"warn\" or \"deny\".",
                "type": "object",
                "additionalProperties": false,
                "properties": lints,
                "patternProperties": { "^[WN][0-9]{4}$": { "enum": levels } },
            },
            "retired": {
                "description": "Tombstones of codes that left the catalog; their names, numerics and aliases are never used again.",
                "type": "object",
                "additionalProperties": table::<RawRetired>(Facts::None),
            },
        },
    })
}

fn category_schema_plain(header: &str) -> Value {
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
