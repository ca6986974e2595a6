//! The generated code of each fixture behaves as its catalog says.

use std::time::Duration;

use errcat_generated_code_tests::{keywords, minimal, problem_camel};

#[test]
fn minimal_facts() {
    use minimal::{Category, Code, Kind, RetryPolicy};
    assert_eq!(Code::all().len(), 3);
    assert_eq!(minimal::CATALOG_NAME, "minimal");
    assert_eq!(minimal::CATALOG_VERSION, "0.3.0");

    let c = Code::TooManyRequests;
    assert_eq!(c.as_str(), "too_many_requests");
    assert_eq!(c.to_string(), "too_many_requests");
    assert_eq!(format!("{c:?}"), "TooManyRequests");
    assert_eq!(c.numeric(), Some(100));
    assert_eq!(c.http_status(), 429);
    assert_eq!(c.kind(), Kind::Error);
    assert_eq!(c.category(), Category::Limits);
    assert_eq!(c.exit_code(), 4);
    assert_eq!(c.sdk_exception(), Some("LimitError"));
    assert_eq!(c.error_type(), "limit_error");
    assert_eq!(c.since(), Some("0.1.0"));
    assert_eq!(c.solution(), Some("Slow down."));
    assert_eq!(
        c.docs_url(),
        "https://docs.example.com/errors/limits.html#too_many_requests"
    );
    assert_eq!(c.aliases().collect::<Vec<_>>(), ["TOO_MANY", "throttled"]);
    let params: Vec<_> = c.params().map(|p| (p.name, p.ty.as_str())).collect();
    assert_eq!(
        params,
        [("limit", "u32"), ("window_secs", "u16"), ("wait", "f64")]
    );
    assert_eq!(c.retry_policy_name(), "slow_down");
    match c.retry() {
        RetryPolicy::AfterHeader { max_wait, fallback } => {
            assert_eq!(max_wait, Duration::from_millis(5000));
            assert_eq!(fallback.initial, Duration::from_millis(250));
            assert_eq!(fallback.factor, 2.0, "factor defaults to 2");
            assert_eq!(fallback.max_attempts, 3, "attempts default to 3");
        }
        other => panic!("unexpected policy {other:?}"),
    }

    #[allow(deprecated)]
    let old = Code::OldLimit;
    assert_eq!(old.deprecated(), Some("Merged into `too_many_requests`."));
    assert_eq!(old.replaced_by(), Some(Code::TooManyRequests));

    let crashed = Code::Crashed;
    assert_eq!(crashed.numeric(), None);
    assert_eq!(
        crashed.http_status(),
        503,
        "code-level status overrides the category's"
    );
    assert_eq!(crashed.exit_code(), 1, "errors default to exit code 1");
    assert_eq!(
        crashed.message_template(),
        "The server crashed; {{not a param}}."
    );
    assert_eq!(crashed.retry_policy_name(), "standard");
    assert_eq!(
        crashed.docs_url(),
        "https://docs.example.com/errors/failures.html#crashed"
    );
    assert_eq!(Category::Failures.numeric_range(), None);
    assert_eq!(
        Category::Failures.error_type(),
        "failures_error",
        "type defaults to <id>_error"
    );
    assert_eq!(Category::Limits.numeric_range(), Some((100, 199)));
    assert_eq!(Category::Limits.codes().len(), 2);
}

#[test]
fn minimal_lookups() {
    use minimal::Code;
    for &code in Code::all() {
        assert_eq!(Code::lookup(code.as_str()), Some(code));
        assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        for alias in code.aliases() {
            assert_eq!(Code::lookup(alias), Some(code));
        }
        if let Some(n) = code.numeric() {
            assert_eq!(Code::from_numeric(n), Some(code));
        }
    }
    for miss in ["", "too_many", "TOO_MANY_REQUESTS", "crashed ", "\u{0}"] {
        assert_eq!(Code::lookup(miss), None, "{miss:?}");
    }
    for miss in [0, 99, 102, 199, u32::MAX] {
        assert_eq!(Code::from_numeric(miss), None, "{miss}");
    }
    let err = "nope\n".parse::<Code>().unwrap_err();
    assert_eq!(err.name(), "nope\n");
    assert_eq!(
        err.to_string(),
        "unknown error code `nope\\n` in the `minimal` catalog"
    );
}

#[test]
fn keyword_names_compile_and_resolve() {
    use keywords::{Category, Code};
    assert_eq!(Code::Type.as_str(), "type");
    assert_eq!(Code::Self_.as_str(), "self");
    assert_eq!(Code::Match.numeric(), Some(99));
    assert_eq!(Code::lookup("none"), Some(Code::None));
    assert_eq!(Code::lookup("some"), Some(Code::Some));
    assert_eq!(Code::lookup("all"), Some(Code::All));
    assert_eq!(Code::all().len(), 10);
    assert_eq!(Category::Type.as_str(), "type");
    assert_eq!(
        Category::Crate.codes(),
        &[Code::Code, Code::Category, Code::New, Code::CodeError]
    );
    assert_eq!(keywords::Error::new_error().code(), Some(Code::New));
    assert_eq!(keywords::Error::code_error_().code(), Some(Code::Code));
    assert_eq!(keywords::Error::code_error().code(), Some(Code::CodeError));
    assert_eq!(
        keywords::Error::r#type("t", "s", 3).message(),
        "Bad t in s for 3."
    );
    let params: Vec<&str> = Code::Type.params().map(|p| p.name).collect();
    assert_eq!(params, ["type", "self", "fn"]);

    // Every constructor builds its own code (they pass an index to shared
    // helpers, so an off-by-one would show here), in catalog order.
    let built = [
        keywords::Error::r#type("t", "s", 3),
        keywords::Error::self_(),
        keywords::Error::r#match("a"),
        keywords::Error::some(),
        keywords::Error::none(),
        keywords::Error::all(),
        keywords::Error::code_error_(),
        keywords::Error::category(),
        keywords::Error::new_error(),
        keywords::Error::code_error(),
    ];
    let codes: Vec<Option<Code>> = built.iter().map(|e| e.code()).collect();
    let expected: Vec<Option<Code>> = Code::all().iter().copied().map(Some).collect();
    assert_eq!(codes, expected);
    let detail_keys: Vec<&String> = built[0].details().keys().collect();
    assert_eq!(detail_keys, ["type", "self", "fn"]);
    assert_eq!(built[2].details()["async"], "a");
}

#[test]
fn problem_camel_without_numerics() {
    use problem_camel::{Code, Fault};
    assert!(Code::all().iter().all(|c| c.numeric().is_none()));
    assert_eq!(
        Code::InvalidRequest.docs_url(),
        "https://api.example.com/docs/errors#invalid_request"
    );
    assert_eq!(Code::RateLimited.retry_policy_name(), "honour");
    assert_eq!(Code::InternalError.retry_policy_name(), "backoff");
    assert_eq!(Code::InternalError.fault(), Fault::Server);
    assert_eq!(Code::from_numeric(0), None);
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_names() {
    use minimal::Code;
    assert_eq!(
        serde_json::to_string(&Code::Crashed).unwrap(),
        "\"crashed\""
    );
    assert_eq!(
        serde_json::from_str::<Code>("\"throttled\"").unwrap(),
        Code::TooManyRequests
    );
    assert!(serde_json::from_str::<Code>("\"nope\"").is_err());
}

#[test]
fn hostile_text_survives_exactly() {
    use errcat_generated_code_tests::hostile::{self, Category, Code};
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../codegen/tests/fixtures/good/hostile/catalog/evil.toml"
    ))
    .unwrap();
    let table: toml::Table = source.parse().unwrap();
    let quote = table["quote_code"].as_table().unwrap();
    #[allow(deprecated)]
    let code = Code::QuoteCode;
    assert_eq!(code.title(), quote["title"].as_str().unwrap());
    assert_eq!(code.message_template(), quote["message"].as_str().unwrap());
    assert_eq!(code.description(), quote["description"].as_str());
    assert_eq!(code.deprecated(), quote["deprecated"].as_str());
    assert_eq!(code.since(), Some("*/ since"));
    for alias in quote["aliases"].as_array().unwrap() {
        assert_eq!(Code::lookup(alias.as_str().unwrap()), Some(code), "{alias}");
    }
    let long = table["long_code"].as_table().unwrap();
    assert_eq!(Code::LongCode.description(), long["description"].as_str());
    assert!(Code::LongCode.description().unwrap().len() >= 10_000);
    assert_eq!(hostile::CATALOG_NAME, "hostile \" */ #[name]");
    assert_eq!(Category::Evil.error_type(), "type | with ` backtick");
    assert_eq!(
        Code::NormalCode.sdk_exception(),
        Some("Exc\"); panic!(\"boom")
    );
    assert!(code.explain().contains("## quote_code"));
}
