//! Every fact the generated crate reports matches the catalog source. The
//! TOML is read here independently of errcat-codegen, with plain `toml`, so
//! a bug in lowering cannot hide itself.

use std::path::Path;

use errcat::{Category, Code, RetryPolicy};
use toml::{Table, Value};

fn read(path: &Path) -> Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

fn str_of<'a>(t: &'a Table, key: &str) -> Option<&'a str> {
    t.get(key).and_then(Value::as_str)
}

fn int_of(t: &Table, key: &str) -> Option<i64> {
    t.get(key).and_then(Value::as_integer)
}

#[test]
fn every_code_matches_its_source() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let settings = read(&dir.join("catalog.toml"));
    let categories = settings["categories"].as_table().unwrap();
    let policies = settings["retry"].as_table().unwrap();
    // The last release: `since` is what the lock recorded when not written.
    let lock: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("errcat.lock")).unwrap()).unwrap();
    let mut checked = 0;

    for (category_id, category) in categories {
        let category = category.as_table().unwrap();
        let generated = Category::lookup(category_id)
            .unwrap_or_else(|| panic!("category {category_id} missing"));
        assert_eq!(generated.title(), str_of(category, "title").unwrap());
        assert_eq!(
            generated.fault().as_str(),
            str_of(category, "fault").unwrap()
        );
        assert_eq!(generated.error_type(), str_of(category, "type").unwrap());
        let codes = read(&dir.join(format!("{category_id}.toml")));
        assert_eq!(
            generated.codes().len(),
            codes.len(),
            "codes of {category_id}"
        );

        for (name, code) in &codes {
            let code = code.as_table().unwrap();
            let g = Code::lookup(name).unwrap_or_else(|| panic!("code {name} missing"));
            assert_eq!(g.as_str(), name);
            assert_eq!(g.category(), generated, "{name}");
            assert_eq!(
                g.numeric().map(i64::from),
                int_of(code, "numeric"),
                "{name}"
            );
            let status = int_of(code, "status")
                .or(int_of(category, "status"))
                .unwrap();
            assert_eq!(i64::from(g.http_status()), status, "{name}");
            let kind = str_of(code, "kind")
                .or(str_of(category, "kind"))
                .unwrap_or("error");
            assert_eq!(g.kind().as_str(), kind, "{name}");
            assert_eq!(g.title(), str_of(code, "title").unwrap(), "{name}");
            assert_eq!(
                g.message_template(),
                str_of(code, "message").unwrap(),
                "{name}"
            );
            assert_eq!(g.description(), str_of(code, "description"), "{name}");
            assert_eq!(g.solution(), str_of(code, "solution"), "{name}");
            let locked = lock["codes"][name.as_str()]["since"].as_str();
            assert_eq!(g.since(), str_of(code, "since").or(locked), "{name}");
            assert_eq!(g.deprecated(), str_of(code, "deprecated"), "{name}");
            assert_eq!(
                g.replaced_by().map(|c| c.as_str()),
                str_of(code, "replaced_by"),
                "{name}"
            );
            let exception = str_of(code, "sdk_exception").or(str_of(category, "sdk_exception"));
            assert_eq!(g.sdk_exception(), exception, "{name}");
            let default_exit = if kind == "error" { 1 } else { 0 };
            let exit = int_of(code, "exit_code")
                .or(int_of(category, "exit_code"))
                .unwrap_or(default_exit);
            assert_eq!(i64::from(g.exit_code()), exit, "{name}");
            let policy = str_of(code, "retry")
                .or(str_of(category, "retry"))
                .unwrap_or("never");
            assert_eq!(g.retry_policy_name(), policy, "{name}");
            assert_policy_matches(g.retry(), policies[policy].as_table().unwrap(), name);
            let aliases: Vec<&str> = code
                .get("aliases")
                .and_then(Value::as_array)
                .map(|a| a.iter().map(|v| v.as_str().unwrap()).collect())
                .unwrap_or_default();
            assert_eq!(g.aliases().collect::<Vec<_>>(), aliases, "{name}");
            let params: Vec<(String, String)> = code
                .get("params")
                .and_then(Value::as_table)
                .map(|p| {
                    p.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            let generated_params: Vec<(String, String)> = g
                .params()
                .map(|p| (p.name.to_string(), p.ty.as_str().to_string()))
                .collect();
            assert_eq!(generated_params, params, "{name}");
            // The default `docs_anchor`: the code's section on the published book.
            let anchor = format!("https://errcat.dev/errors/{category_id}.html#{name}");
            assert_eq!(g.docs_url(), anchor);
            checked += 1;
        }
    }
    assert_eq!(checked, Code::all().len());
}

fn assert_policy_matches(policy: RetryPolicy, source: &Table, name: &str) {
    let ms = |key: &str| std::time::Duration::from_millis(int_of(source, key).unwrap() as u64);
    match (str_of(source, "strategy").unwrap(), policy) {
        ("never", RetryPolicy::Never) => {}
        ("backoff", RetryPolicy::Backoff(b)) => {
            assert_eq!(b.initial, ms("initial_ms"), "{name}");
            assert_eq!(b.max_delay, ms("max_delay_ms"), "{name}");
            assert_eq!(
                i64::from(b.max_attempts),
                int_of(source, "max_attempts").unwrap(),
                "{name}"
            );
            assert_eq!(
                b.jitter.as_str(),
                str_of(source, "jitter").unwrap(),
                "{name}"
            );
        }
        ("after_header", RetryPolicy::AfterHeader { max_wait, fallback }) => {
            assert_eq!(max_wait, ms("max_wait_ms"), "{name}");
            assert_eq!(fallback.initial, ms("initial_ms"), "{name}");
        }
        (strategy, policy) => panic!("{name}: catalog says {strategy}, crate says {policy:?}"),
    }
}
