//! No input can make the pipeline panic: arbitrary bytes, and random but
//! well-formed TOML catalogs built from the format's own keys with values of
//! every type, go through load → validate → every emitter. Each case must end
//! in output or diagnostics.
//!
//! `ERRCAT_FUZZ_CASES` sets the number of cases per property (default 512).

use errcat_codegen::{Sources, compile, emit, generated_files};
use proptest::prelude::*;
use toml::{Table, Value};

fn cases() -> u32 {
    std::env::var("ERRCAT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

/// Runs the whole pipeline; panics are what proptest reports.
fn pipeline(files: Vec<(String, String)>) {
    let sources = Sources::from_memory("catalog", files);
    match compile(&sources) {
        Ok(compiled) => {
            VALID_OUTCOMES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let cx = emit::Context::new(&compiled.model, "x");
            let rust = emit::rust::emit(&cx, &emit::rust::RustOptions::default());
            assert!(rust.starts_with("// @generated"));
            let _ = generated_files(&compiled.model, "x");
            let _ = compiled.warnings.render();
        }
        Err(report) => {
            assert!(report.has_errors() || report.warning_count() > 0);
            let _ = report.render();
            let _ = report.to_json();
        }
    }
}

const VALID_CATALOG: &str =
    "[catalog]\nname = \"f\"\n[categories.a]\ntitle = \"A\"\nfault = \"client\"\nstatus = 400\n";

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::Integer),
        (-1000i64..1000).prop_map(Value::Integer),
        (100i64..600).prop_map(Value::Integer),
        any::<f64>().prop_map(Value::Float),
        any::<bool>().prop_map(Value::Boolean),
        ".{0,40}".prop_map(Value::String),
        "[a-z_{}]{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "never",
            "backoff",
            "after_header",
            "client",
            "server",
            "none",
            "error",
            "success",
            "pending",
            "string",
            "u32",
            "f64",
            "bool",
            "full",
            "equal",
            "nested",
            "problem",
            "camel",
            "snake",
            "a",
            "b",
            "{x}",
            "{{",
            "}",
            "x {y} z",
        ])
        .prop_map(|s| Value::String(s.into())),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..4)
                .prop_map(|m| Value::Table(m.into_iter().collect())),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "name",
            "version",
            "description",
            "docs_base_url",
            "docs_anchor",
            "style",
            "field_case",
            "strategy",
            "initial_ms",
            "factor",
            "max_delay_ms",
            "jitter",
            "max_attempts",
            "max_wait_ms",
            "title",
            "range",
            "fault",
            "type",
            "kind",
            "status",
            "retry",
            "exit_code",
            "sdk_exception",
            "numeric",
            "message",
            "params",
            "example",
            "solution",
            "since",
            "deprecated",
            "replaced_by",
            "aliases",
            "a",
            "b",
            "x",
            "y",
        ])
        .prop_map(String::from),
        "[A-Za-z_0-9 -]{1,10}",
    ]
}

fn table(keys: usize) -> impl Strategy<Value = Table> {
    prop::collection::btree_map(key(), value(), 0..keys).prop_map(|m| m.into_iter().collect())
}

/// A catalog.toml with the four sections, each holding random entries.
fn settings() -> impl Strategy<Value = String> {
    (
        table(6),
        table(4),
        prop::collection::btree_map("[a-c]", table(8), 0..3),
        prop::collection::btree_map("[a-c]", table(10), 0..4),
    )
        .prop_map(|(catalog, envelope, retry, categories)| {
            let mut doc = Table::new();
            doc.insert("catalog".into(), Value::Table(catalog));
            doc.insert("envelope".into(), Value::Table(envelope));
            doc.insert(
                "retry".into(),
                Value::Table(
                    retry
                        .into_iter()
                        .map(|(k, v)| (k, Value::Table(v)))
                        .collect(),
                ),
            );
            doc.insert(
                "categories".into(),
                Value::Table(
                    categories
                        .into_iter()
                        .map(|(k, v)| (k, Value::Table(v)))
                        .collect(),
                ),
            );
            toml::to_string(&doc).unwrap_or_default()
        })
}

fn category_file() -> impl Strategy<Value = String> {
    prop::collection::btree_map("[a-e_]{1,4}", table(14), 0..5).prop_map(|codes| {
        let doc: Table = codes
            .into_iter()
            .map(|(k, v)| (k, Value::Table(v)))
            .collect();
        toml::to_string(&doc).unwrap_or_default()
    })
}

/// Text of any kind, hostile included.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,30}",
        "[a-z ]{1,20}",
        Just("quote \" */ | <b> `x` \u{202e}".to_string())
    ]
}

/// A message template with params that usually match it.
fn template() -> impl Strategy<Value = (String, Vec<(String, String)>)> {
    let pair = |m: &str, p: &[(&str, &str)]| {
        (
            m.to_string(),
            p.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>(),
        )
    };
    prop_oneof![
        8 => Just(pair("Fixed text.", &[])),
        8 => Just(pair("Got {n} of {m}.", &[("n", "u32"), ("m", "string")])),
        8 => Just(pair("{{literal}} {type} and {self}", &[("type", "string"), ("self", "f64")])),
        8 => text().prop_map(|t| (t.replace(['{', '}'], ""), Vec::new())),
        1 => Just(pair("bad {", &[])),
        1 => Just(pair("unused", &[("x", "bool")])),
    ]
}

/// A code that is usually valid: the right keys with plausible values.
fn plausible_code() -> impl Strategy<Value = Table> {
    (
        prop::option::of(0i64..100_000),
        prop_oneof![9 => 400i64..500, 1 => 100i64..700],
        text(),
        template(),
        prop::option::of(text()),
        prop_oneof![6 => Just(None), 3 => Just(Some("never")), 1 => Just(Some("polite")), 1 => Just(Some("nope"))],
        prop_oneof![9 => 1i64..256, 1 => -1i64..300],
        prop_oneof![6 => Just(Vec::new()), 1 => prop::collection::vec(text(), 0..3)],
        prop_oneof![9 => Just(None), 1 => text().prop_map(Some)],
    )
        .prop_map(|(numeric, status, title, (message, params), description, retry, exit, aliases, deprecated)| {
            let mut t = Table::new();
            if let Some(n) = numeric {
                t.insert("numeric".into(), Value::Integer(n));
            }
            t.insert("status".into(), Value::Integer(status));
            t.insert("title".into(), Value::String(title));
            t.insert("message".into(), Value::String(message));
            if !params.is_empty() {
                let p: Table = params.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
                t.insert("params".into(), Value::Table(p));
            }
            if let Some(d) = description {
                t.insert("description".into(), Value::String(d));
            }
            if let Some(r) = retry {
                t.insert("retry".into(), Value::String(r.into()));
            }
            t.insert("exit_code".into(), Value::Integer(exit));
            t.insert("aliases".into(), Value::Array(aliases.into_iter().map(Value::String).collect()));
            if let Some(d) = deprecated {
                t.insert("deprecated".into(), Value::String(d));
            }
            t
        })
}

const PLAUSIBLE_SETTINGS: &str = "[catalog]\nname = \"f\"\n[retry.standard]\nstrategy = \"backoff\"\ninitial_ms = 10\nmax_delay_ms = 100\n[retry.polite]\nstrategy = \"after_header\"\nmax_wait_ms = 10\ninitial_ms = 1\nmax_delay_ms = 5\n[categories.a]\ntitle = \"A\"\nfault = \"client\"\nstatus = 400\n";

static VALID_OUTCOMES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), as_settings in any::<bool>()) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut files = vec![("a.toml".to_string(), text.clone())];
        if as_settings {
            files = vec![("catalog.toml".to_string(), text)];
        } else {
            files.push(("catalog.toml".to_string(), VALID_CATALOG.to_string()));
        }
        pipeline(files);
    }

    #[test]
    fn random_toml_catalogs_never_panic(settings in settings(), a in category_file(), b in category_file()) {
        pipeline(vec![
            ("catalog.toml".to_string(), settings),
            ("a.toml".to_string(), a),
            ("b.toml".to_string(), b),
        ]);
    }

    #[test]
    fn random_codes_in_a_valid_catalog_never_panic(a in category_file()) {
        pipeline(vec![("catalog.toml".to_string(), VALID_CATALOG.to_string()), ("a.toml".to_string(), a)]);
    }

    #[test]
    fn plausible_catalogs_never_panic(codes in prop::collection::btree_map("[a-z]{1,6}(_[a-z0-9]{1,3})?", plausible_code(), 1..6)) {
        let doc: Table = codes.into_iter().map(|(k, v)| (k, Value::Table(v))).collect();
        pipeline(vec![
            ("catalog.toml".to_string(), PLAUSIBLE_SETTINGS.to_string()),
            ("a.toml".to_string(), toml::to_string(&doc).unwrap_or_default()),
        ]);
    }
}

/// Runs after the properties in this binary (tests run in name order on one
/// thread only with --test-threads=1, so this is a floor, not exact).
#[test]
fn zz_report_how_many_cases_reached_the_emitters() {
    eprintln!(
        "fuzz: {} cases per property; {} valid catalogs reached the emitters so far",
        cases(),
        VALID_OUTCOMES.load(std::sync::atomic::Ordering::Relaxed)
    );
}
