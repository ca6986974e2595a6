//! A catalog chooses its outputs in `[outputs]`; an unknown one is a
//! located error with a suggestion.

use std::path::Path;

use errcat_codegen::{Sources, compile, generated_files};

fn catalog(outputs: &str) -> Sources {
    let settings = format!(
        "[catalog]\nname = \"o\"\n{outputs}\n[categories.input]\ntitle = \"Input\"\nfault = \"client\"\nstatus = 400\n"
    );
    Sources::from_memory(
        "catalog",
        [
            ("catalog.toml".to_string(), settings),
            (
                "input.toml".to_string(),
                "[bad]\ntitle = \"Bad\"\nmessage = \"Bad.\"\n".to_string(),
            ),
        ],
    )
}

#[test]
fn outputs_follow_the_catalog() {
    let model = compile(&catalog("")).unwrap().model;
    let files = generated_files(&model, "x");
    assert!(files.contains_key(Path::new("docs/README.md")));
    assert!(files.contains_key(Path::new("catalog.json")));
    assert!(
        !files.contains_key(Path::new("openapi/errors.json")),
        "off by default"
    );

    let chosen = "[outputs]\ndocs = false\nopenapi = true\njson_schema = true\n";
    let model = compile(&catalog(chosen)).unwrap().model;
    let files = generated_files(&model, "x");
    assert!(!files.keys().any(|p| p.starts_with("docs")));
    assert!(files.contains_key(Path::new("openapi/errors.json")));
    assert!(files.contains_key(Path::new("schema/catalog.schema.json")));
    assert!(files.contains_key(Path::new("schema/category.schema.json")));
}

#[test]
fn an_unknown_output_is_located_with_a_suggestion() {
    let report = compile(&catalog("[outputs]\nopenap = true\n")).unwrap_err();
    let rendered = report.render();
    assert!(
        rendered.contains("error[E0032]: invalid value `openap` for `outputs`"),
        "{rendered}"
    );
    assert!(rendered.contains("did you mean `openapi`?"), "{rendered}");
    let report = compile(&catalog("[outputs]\nopenapi = \"yes\"\n")).unwrap_err();
    assert!(
        report.render().contains("error[E0004]"),
        "{}",
        report.render()
    );
}
