//! Catalog text made of the characters that end strings, comments and
//! literals in some output language (quotes, backslashes, braces, `*/`,
//! `${`, `"""`, raw-string delimiters, backticks, pipes, angle brackets,
//! non-ASCII) goes through the whole pipeline, and every output still
//! parses in its own language and gives the text back:
//!
//! - Rust: `syn` parses the module;
//! - JSON: every `.json` file parses, and `catalog.json` has the text;
//! - Markdown: the category page, rendered by pulldown-cmark, shows the title;
//! - Python: the package imports (CPython) and a code's class docstring and
//!   facts are the text;
//! - JavaScript: the package's modules load under Node.js and its data has
//!   the text (the TypeScript sources are type-checked in CI, `tests/typescript`).
//!
//! `ERRCAT_FUZZ_CASES` sets the number of catalogs (default 24: each runs
//! Python and Node once). Without `python3` or `node` on the machine those
//! checks are skipped, saying so.

use std::path::Path;
use std::process::Command;

use errcat_codegen::{Sources, compile, generated_files};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("ERRCAT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

/// Text from the pieces that matter, never blank.
fn hostile(braces: bool) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\""),
        Just("'"),
        Just("\\"),
        Just("*/"),
        Just("/*"),
        Just("${"),
        Just("\"\"\""),
        Just("'''"),
        Just("r#\""),
        Just("\"#"),
        Just("`"),
        Just("|"),
        Just("<b>"),
        Just("&amp;"),
        Just("#"),
        Just("é"),
        Just("🦀"),
        Just(" "),
        Just("x"),
        Just("}"),
        Just("{"),
        Just("]]"),
        Just("\\u0000"),
        Just("%s"),
        Just("-->"),
        Just("$"),
        Just("~~"),
    ];
    prop::collection::vec(pieces, 1..12).prop_map(move |parts| {
        let text: String = parts.concat();
        // A template's braces are literal when doubled.
        let text = if braces {
            text
        } else {
            text.replace('{', "{{").replace('}', "}}")
        };
        format!("x{text}")
    })
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_output_parses_and_keeps_the_text(
        title in hostile(true),
        message in hostile(false),
        description in hostile(true),
        note in hostile(true),
        style in prop::sample::select(errcat_runtime::EnvelopeStyle::ALL),
    ) {
        // Every envelope style, so each one's docs, OpenAPI and client data
        // carry the text too.
        let catalog = format!(
            "[catalog]\nname = \"hostile\"\nversion = \"1.0.0\"\ndomain = {}\n\n[envelope]\nstyle = \"{}\"\n\n[outputs]\npython = true\ntypescript = true\nconformance = true\nopenapi = true\n\n\
             [categories.evil]\ntitle = {}\nfault = \"client\"\nstatus = 400\nsdk_exception = {}\n",
            toml_string(&note), style.as_str(), toml_string(&title), toml_string(&note)
        );
        let codes = format!(
            "[bad_input]\ntitle = {}\nmessage = {}\ndescription = {}\nsolution = {}\n\n[old_input]\ntitle = \"Old\"\nmessage = \"Old.\"\ndeprecated = {}\nreplaced_by = \"bad_input\"\n",
            toml_string(&title), toml_string(&message), toml_string(&description), toml_string(&note), toml_string(&note)
        );
        let sources = Sources::from_memory("catalog", [("catalog.toml", catalog), ("evil.toml", codes)]);
        let compiled = match compile(&sources) {
            Ok(c) => c,
            Err(report) => return Err(TestCaseError::fail(report.render())),
        };
        let model = &compiled.model;
        let rust = errcat_codegen::emit::rust::emit(
            &errcat_codegen::emit::Context::new(model, errcat_codegen::GENERATE_COMMAND),
            &Default::default(),
        );
        prop_assert!(syn::parse_file(&rust).is_ok(), "the Rust module does not parse");
        let files = generated_files(model, errcat_codegen::GENERATE_COMMAND);
        for (path, text) in &files {
            if path.extension().is_some_and(|e| e == "json") {
                let parsed: Result<serde_json::Value, _> = serde_json::from_str(text);
                prop_assert!(parsed.is_ok(), "{} does not parse", path.display());
            }
        }
        let json: serde_json::Value = serde_json::from_str(&files[Path::new("catalog.json")]).unwrap();
        prop_assert_eq!(json["codes"][0]["title"].as_str(), Some(title.as_str()));
        prop_assert_eq!(json["codes"][0]["message"].as_str(), Some(message.as_str()));

        // Markdown: the category page, rendered, shows the title as written.
        let page = &files[Path::new("docs/evil.md")];
        let mut shown = String::new();
        for event in pulldown_cmark::Parser::new_ext(page, pulldown_cmark::Options::all() - pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION) {
            if let pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) = event {
                shown.push_str(&t);
            }
        }
        prop_assert!(shown.contains(title.as_str()), "the docs page does not show {title:?}");

        let tmp = tempfile::tempdir().unwrap();
        for (path, text) in &files {
            let at = tmp.path().join(path);
            std::fs::create_dir_all(at.parent().unwrap()).unwrap();
            std::fs::write(at, text).unwrap();
        }
        let expected = serde_json::json!({ "title": title, "message": message, "doc": format!("{title}: {message}") });
        std::fs::write(tmp.path().join("expected.json"), expected.to_string()).unwrap();
        if have("python3") {
            // The class (made on first use) and its declaration in the stub
            // both carry the text as written.
            let script = "import ast, json, sys\nsys.path.insert(0, 'python')\nimport hostile_errors as m\n\
                from hostile_errors import _data\n\
                e = json.load(open('expected.json', encoding='utf-8'))\n\
                assert m.BadInput.__doc__ == e['doc'], (m.BadInput.__doc__, e['doc'])\n\
                assert _data._CODES['bad_input']['title'] == e['title']\n\
                assert _data._CODES['bad_input']['message'] == e['message']\n\
                stub = ast.parse(open('python/hostile_errors/__init__.pyi', encoding='utf-8').read())\n\
                cls = next(n for n in stub.body if isinstance(n, ast.ClassDef) and n.name == 'BadInput')\n\
                assert ast.get_docstring(cls, clean=False) == e['doc'], (ast.get_docstring(cls, clean=False), e['doc'])\n";
            let out = Command::new("python3").args(["-c", script]).current_dir(tmp.path())
                .env("PYTHONDONTWRITEBYTECODE", "1").output().unwrap();
            prop_assert!(out.status.success(), "Python: {}", String::from_utf8_lossy(&out.stderr));
        } else {
            eprintln!("no python3: the Python package is not imported");
        }
        if have("node") {
            let script = "import { readFileSync } from 'node:fs';\n\
                const errors = await import('./typescript/errors.js');\n\
                const data = await import('./typescript/data.js');\n\
                const e = JSON.parse(readFileSync('expected.json', 'utf8'));\n\
                if (data.CODES().bad_input.title !== e.title) throw new Error('title');\n\
                if (data.CODES().bad_input.message !== e.message) throw new Error('message');\n\
                if (errors.badInput({}).message !== e.message.replaceAll('{{', '{').replaceAll('}}', '}')) throw new Error('rendered');\n";
            let out = Command::new("node").args(["--input-type=module", "-e", script]).current_dir(tmp.path())
                .output().unwrap();
            prop_assert!(out.status.success(), "Node: {}", String::from_utf8_lossy(&out.stderr));
        } else {
            eprintln!("no node: the JavaScript package is not loaded");
        }
    }
}

/// A code whose identity is `__proto__`: an object literal would have set
/// the prototype instead of a key; the data is parsed from JSON text, so
/// the JavaScript lookups find it as Rust and Python do.
#[test]
fn a_code_named_proto_is_found_in_javascript() {
    if !have("node") {
        eprintln!("no node: skipped");
        return;
    }
    let catalog = "[catalog]\nname = \"protos\"\nidentity_pattern = \"[a-z_]+\"\n\n[outputs]\ntypescript = true\n\n[categories.evil]\ntitle = \"Evil\"\nfault = \"client\"\nstatus = 400\n";
    let codes = "[__proto__]\nname = \"proto_code\"\ntitle = \"Proto\"\nmessage = \"Proto {constructor}.\"\nparams = { constructor = \"string\" }\n";
    let sources =
        Sources::from_memory("catalog", [("catalog.toml", catalog), ("evil.toml", codes)]);
    let compiled = compile(&sources).unwrap_or_else(|r| panic!("{}", r.render()));
    let files = generated_files(&compiled.model, errcat_codegen::GENERATE_COMMAND);
    let tmp = tempfile::tempdir().unwrap();
    for (path, text) in &files {
        let at = tmp.path().join(path);
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::fs::write(at, text).unwrap();
    }
    let script = "const e = await import('./typescript/errors.js');\n\
        if (e.lookup('__proto__') !== '__proto__') throw new Error('lookup: ' + e.lookup('__proto__'));\n\
        const parsed = e.fromResponse(400, [], JSON.stringify({ error: { code: '__proto__', message: 'm' } }));\n\
        if (parsed.code !== '__proto__') throw new Error('fromResponse: ' + parsed.code);\n\
        if (e.create('__proto__', {}).message !== 'Proto {constructor}.') throw new Error('template');\n";
    let out = Command::new("node")
        .args(["--input-type=module", "-e", script])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
