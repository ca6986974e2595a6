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

/// What a new user's first catalog read wrong: exit codes documented for an
/// HTTP API that has none, `InternalErrorError` in OpenAPI, a deprecation
/// note that names its replacement read twice, a bad package name.
#[test]
fn outputs_say_only_what_the_catalog_says() {
    let settings = "[catalog]\nname = \"o\"\n\n[outputs]\nopenapi = true\ntypescript = true\npython = true\nnpm_package = \"@acme/o-errors\"\n\n[categories.input]\ntitle = \"Input\"\nfault = \"client\"\nstatus = 400\n";
    let codes = "[internal_error]\ntitle = \"Bad\"\nmessage = \"Bad.\"\n\n[old]\ntitle = \"Old\"\nmessage = \"Old.\"\ndeprecated = \"Use `internal_error`.\"\nreplaced_by = \"internal_error\"\n";
    let sources = Sources::from_memory(
        "catalog",
        [("catalog.toml", settings), ("input.toml", codes)],
    );
    let model = compile(&sources)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .model;
    let files = generated_files(&model, "x");
    let page = &files[Path::new("docs/input.md")];
    assert!(!page.contains("CLI exit code"), "{page}");
    assert!(
        !page.contains("instead."),
        "the note names its replacement: {page}"
    );
    let openapi = &files[Path::new("openapi/errors.json")];
    assert!(openapi.contains("\"InternalError\""), "{openapi}");
    assert!(!openapi.contains("InternalErrorError"), "{openapi}");
    // With a code `internal` (whose schema is `InternalError`), the short
    // name is taken: `internal_error` keeps the long one.
    let both = format!("{codes}\n[internal]\ntitle = \"I\"\nmessage = \"I.\"\n");
    let sources = Sources::from_memory(
        "catalog",
        [("catalog.toml", settings), ("input.toml", both.as_str())],
    );
    let clash = generated_files(&compile(&sources).unwrap().model, "x");
    let openapi = &clash[Path::new("openapi/errors.json")];
    assert!(
        openapi.contains("\"internal_error\": \"#/components/schemas/InternalErrorError\""),
        "{openapi}"
    );
    assert!(
        openapi.contains("\"internal\": \"#/components/schemas/InternalError\""),
        "{openapi}"
    );
    let package = &files[Path::new("typescript/package.json")];
    assert!(
        package.contains("\"name\": \"@acme/o-errors\""),
        "{package}"
    );
    let pyproject = &files[Path::new("python/pyproject.toml")];
    assert!(pyproject.contains("name = \"o-errors\""), "{pyproject}");

    let bad = settings.replace("@acme/o-errors", "Not A Name");
    let sources = Sources::from_memory(
        "catalog",
        [("catalog.toml", bad.as_str()), ("input.toml", codes)],
    );
    let report = compile(&sources).unwrap_err().render();
    assert!(report.contains("is not an npm package name"), "{report}");
}
