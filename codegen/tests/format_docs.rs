//! The field tables of docs/catalog-format.md come from the JSON Schema of
//! the format, which comes from the raw layer: one source for the docs, the
//! schema and what the loader reads. Outside CI a stale page is rewritten;
//! in CI it fails.

use errcat_codegen::emit::json_schema::{catalog_schema, category_schema};
use serde_json::Value;

/// A Markdown table of a table schema's properties.
fn table(schema: &Value) -> String {
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from("| field | type | default | meaning |\n| --- | --- | --- | --- |\n");
    let properties = schema["properties"].as_object().expect("properties");
    for (key, property) in properties {
        let ty = match property["enum"].as_array() {
            Some(values) => values
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(" | "),
            None => property["x-type"].as_str().unwrap_or("").to_string(),
        };
        let default = property["x-default"].as_str().unwrap_or("none");
        let meaning = property["description"].as_str().unwrap_or("");
        out.push_str(&format!(
            "| `{key}` | {} | {} | {} |\n",
            cell(&ty),
            cell(default),
            cell(meaning)
        ));
    }
    out
}

#[test]
fn catalog_format_tables_are_generated_from_the_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/catalog-format.md");
    let catalog = catalog_schema("x");
    let tables = [
        ("catalog", table(&catalog["properties"]["catalog"])),
        ("envelope", table(&catalog["properties"]["envelope"])),
        (
            "retry",
            table(&catalog["properties"]["retry"]["additionalProperties"]),
        ),
        (
            "category",
            table(&catalog["properties"]["categories"]["additionalProperties"]),
        ),
        ("code", table(&category_schema("x")["additionalProperties"])),
        (
            "retired",
            table(&catalog["properties"]["retired"]["additionalProperties"]),
        ),
    ];
    let old = std::fs::read_to_string(path).unwrap();
    let mut new = old.clone();
    for (name, table) in tables {
        let start_marker = format!("<!-- fields:{name} -->\n");
        let start = new.find(&start_marker).expect("a start marker") + start_marker.len();
        let end = start
            + new[start..]
                .find("<!-- /fields -->")
                .expect("an end marker");
        new.replace_range(start..end, &table);
    }
    for property in catalog["properties"].as_object().unwrap().values() {
        assert!(property["description"].is_string(), "{property}");
    }
    if new != old {
        if std::env::var_os("CI").is_none() {
            std::fs::write(path, &new).unwrap();
        }
        panic!("docs/catalog-format.md's field tables were stale; rewritten outside CI");
    }
}
