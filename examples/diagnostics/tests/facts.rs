//! errcat's diagnostics as a catalog without HTTP: every registered code is
//! in it with its rule's name and text, the generated module has no HTTP
//! items, and the committed docs say nothing about HTTP.

use errcat_example_diagnostics::{Category, Code, Kind};

#[test]
fn every_code_and_name_resolves() {
    for code in errcat_codegen::DiagCode::ALL {
        let found = Code::lookup(code.as_str()).unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!(found.as_str(), code.as_str());
        assert_eq!(Code::lookup(code.name()), Some(found), "{}", code.name());
        assert_eq!(found.title(), code.summary().trim_end_matches('.'));
        let (category, kind) = match code.as_str().as_bytes()[0] {
            b'E' => (Category::Errors, Kind::Error),
            b'W' => (Category::Warnings, Kind::Warning),
            _ => (Category::Notes, Kind::Warning),
        };
        assert_eq!((found.category(), found.kind()), (category, kind), "{code}");
        assert_eq!(found.exit_code(), u8::from(kind == Kind::Error));
    }
    assert_eq!(Code::all().len(), errcat_codegen::DiagCode::ALL.len());
    // `errcat explain e0043` works: the catalog's lookups ignore case.
    assert_eq!(Code::lookup("e0043"), Some(Code::CodeDeleted));
    assert_eq!(Code::lookup("Code_Deleted"), Some(Code::CodeDeleted));
    assert_eq!(Code::lookup("e9999"), None);
    // An unknown error code of a class resolves to nothing: the classes
    // have no generic code.
    assert_eq!(Code::resolve("E9999"), None);
}

#[test]
fn the_module_has_no_http_items_and_the_docs_no_http() {
    let module = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/errcat.rs")).unwrap();
    for item in [
        "fn http_status",
        "fn envelope",
        "__define_error!",
        "CatalogCode for Code",
    ] {
        assert!(!module.contains(item), "the module has {item}");
    }
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/docs");
    for entry in std::fs::read_dir(docs).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        // The rules' own explanations talk about HTTP catalogs; the page
        // furniture (statuses, envelopes, request ids) must not.
        for furniture in [
            "| HTTP",
            "HTTP status codes",
            "Example response body",
            "Request ids",
            "X-Request-Id",
            "Retry guidance",
        ] {
            assert!(
                !text.contains(furniture),
                "{} has {furniture:?}",
                path.display()
            );
        }
    }
}

#[test]
fn generated_outputs_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    errcat_codegen::ensure_fresh(&root.join("catalog"), &root.join("generated"));
}
