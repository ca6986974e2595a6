//! Every fact declared in `fields.rs` reaches every output: it is accepted
//! in a code table (and a category table when it may default there), and
//! shows up as a Rust accessor with a record slot, a JSON key, a docs row,
//! a key in the TypeScript, Python and Go clients' data, an OpenAPI
//! extension and, unless it is history, the lock's record. A new
//! declaration needs no other change for this to pass.

use errcat_codegen::fields::{FIELDS, FieldType};
use errcat_codegen::{emit, generated_files};

fn catalog(facts: &str, category_facts: &str) -> [(String, String); 2] {
    [
        (
            "catalog.toml".into(),
            format!(
                "[catalog]\nname = \"f\"\n[outputs]\ntypescript = true\npython = true\ngo = true\n\
                 openapi = true\n[categories.input]\ntitle = \"Input\"\n\
                 fault = \"client\"\nstatus = 400\n{category_facts}"
            ),
        ),
        (
            "input.toml".into(),
            format!("[bad]\ntitle = \"Bad\"\nmessage = \"Bad.\"\n{facts}"),
        ),
    ]
}

fn value(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Count => "2",
        _ => "\"declared-value\"",
    }
}

#[test]
fn every_declared_fact_reaches_every_output() {
    let facts: String = FIELDS
        .iter()
        .map(|f| format!("{} = {}\n", f.key, value(f.ty)))
        .collect();
    let sources = errcat_codegen::Sources::from_memory("catalog", catalog(&facts, ""));
    let compiled = errcat_codegen::compile(&sources).unwrap_or_else(|r| panic!("{}", r.render()));
    let model = &compiled.model;
    let cx = emit::Context::new(model, "x");
    let rust = emit::rust::emit(&cx, &emit::rust::RustOptions::default());
    let files = generated_files(model, "x");
    let json: serde_json::Value =
        serde_json::from_str(&files[std::path::Path::new("catalog.json")]).unwrap();
    let page = &files[std::path::Path::new("docs/input.md")];
    let openapi: serde_json::Value =
        serde_json::from_str(&files[std::path::Path::new("openapi/errors.json")]).unwrap();
    let schemas = openapi["components"]["schemas"].as_object().unwrap();
    let schema = schemas
        .values()
        .find(|s| s["x-errcat-retry"].is_string())
        .expect("the code's schema");
    let lock = errcat_codegen::lock_text(model);
    let clients = [
        "typescript/src/data.ts",
        "python/f_errors/_data.py",
        "go/data.go",
    ];
    for field in FIELDS {
        let upper = field.key.to_uppercase();
        assert!(
            rust.contains(&format!("pub fn {}(self)", field.key)),
            "{} accessor",
            field.key
        );
        assert!(
            rust.contains(&format!("const {upper}: usize")),
            "{} slot",
            field.key
        );
        let expected = match field.ty {
            FieldType::Count => serde_json::json!(2),
            _ => serde_json::json!("declared-value"),
        };
        assert_eq!(
            json["codes"][0][field.key], expected,
            "{} in JSON",
            field.key
        );
        assert!(
            page.contains(&format!("- **{}:** ", field.label)),
            "{} item:\n{page}",
            field.label
        );
        // The clients embed their data as JSON text, in a string literal.
        let entry = format!("\"{}\":{expected}", field.camel_key());
        for client in clients {
            let text = &files[std::path::Path::new(client)];
            assert!(
                text.contains(&entry) || text.contains(&entry.replace('"', "\\\"")),
                "{} in {client}",
                field.key
            );
        }
        assert_eq!(
            schema[field.extension()],
            expected,
            "{} in OpenAPI",
            field.key
        );
        // History facts are the lock's own (`since`); the others it records
        // as declared.
        assert!(
            lock.contains(&format!("\"{}\":{expected}", field.key)),
            "{} in the lock:\n{lock}",
            field.key
        );
    }
}

#[test]
fn categories_default_only_the_facts_that_allow_it() {
    for field in FIELDS {
        let default = format!("{} = {}\n", field.key, value(field.ty));
        let sources = errcat_codegen::Sources::from_memory("catalog", catalog("", &default));
        match errcat_codegen::compile(&sources) {
            Ok(compiled) => {
                assert!(
                    field.category_default,
                    "{} accepted on a category",
                    field.key
                );
                let code = &compiled.model.codes[0];
                let i = FIELDS.iter().position(|f| f.key == field.key).unwrap();
                assert_ne!(
                    code.facts.value(i),
                    errcat_codegen::fields::Value::Text(None),
                    "{} inherited",
                    field.key
                );
            }
            Err(report) => {
                assert!(
                    !field.category_default,
                    "{}: {}",
                    field.key,
                    report.render()
                );
                assert!(report.render().contains("E0002"), "{}", report.render());
            }
        }
    }
}
