//! What the format docs say about a key: the committed JSON Schema of the
//! catalog format (derived from the raw layer, the same source as
//! docs/catalog-format.md), navigated by the table a key is in.

use std::sync::OnceLock;

use serde_json::Value;

fn catalog() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| crate::emit::json_schema::catalog_schema(""))
}

fn category() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| crate::emit::json_schema::category_schema(""))
}

/// The schema of the table at `path` in catalog.toml (`is_catalog`) or in a
/// category file.
pub fn table(is_catalog: bool, path: &[String]) -> Option<&'static Value> {
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    if !is_catalog {
        return match path.as_slice() {
            [_code] => category().get("additionalProperties"),
            _ => None,
        };
    }
    let props = catalog().get("properties")?;
    match path.as_slice() {
        [top] => props.get(*top),
        [top, _name] if ["retry", "categories", "retired"].contains(top) => {
            props.get(*top)?.get("additionalProperties")
        }
        _ => None,
    }
}

/// The schema of `key` in a table's schema.
pub fn key<'a>(table: &'a Value, key: &str) -> Option<&'a Value> {
    table.get("properties")?.get(key)
}

/// Every key a table may hold, with its schema.
pub fn keys(table: &Value) -> Vec<(&str, &Value)> {
    table
        .get("properties")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
        .unwrap_or_default()
}

/// A key's docs as Markdown: its description, type and default.
pub fn docs(name: &str, schema: &Value) -> String {
    let mut out = format!("**`{name}`**");
    if let Some(t) = schema.get("x-type").and_then(Value::as_str) {
        out.push_str(&format!(": {t}"));
    }
    if let Some(d) = schema.get("x-default").and_then(Value::as_str) {
        out.push_str(&format!(" (default: {d})"));
    }
    if let Some(text) = schema.get("description").and_then(Value::as_str) {
        out.push_str("\n\n");
        out.push_str(&text.replace('\n', " "));
    }
    out
}

/// The values a key may take, when the format lists them.
pub fn values(schema: &Value) -> Vec<String> {
    let mut out: Vec<String> = schema
        .get("enum")
        .and_then(Value::as_array)
        .map(|e| {
            e.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if schema.get("type").and_then(Value::as_str) == Some("boolean") {
        out.extend(["true".to_string(), "false".to_string()]);
    }
    out
}
