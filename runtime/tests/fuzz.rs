//! Hostile responses: no body, header or status makes the parser panic,
//! and a body whose code can be read keeps it, whatever else it holds
//! (invalid UTF-8, nesting deeper than serde_json's limit, huge or negative
//! numbers, control characters in the request id).
//!
//! `ERRCAT_FUZZ_CASES` sets the number of cases per property (default 512).

use std::time::Duration;

use errcat_runtime::{
    CatalogCode, EnvelopeFormat, EnvelopeStyle, Error, FieldCase, Kind, RequestIdPlacement,
    RetryPolicy,
};
use proptest::prelude::*;

/// A two-code catalog, enough to tell a kept code from a lost one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Code {
    RateLimited,
    Invalid,
}

impl CatalogCode for Code {
    const ENVELOPE: errcat_runtime::EnvelopeFormat = errcat_runtime::EnvelopeFormat::DEFAULT;
    fn as_str(self) -> &'static str {
        match self {
            Code::RateLimited => "rate_limited",
            Code::Invalid => "invalid",
        }
    }
    fn lookup(name: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.as_str() == name)
    }
    fn all() -> &'static [Self] {
        &[Code::RateLimited, Code::Invalid]
    }
    fn from_numeric(numeric: u32) -> Option<Self> {
        (numeric == 429).then_some(Code::RateLimited)
    }
    fn http_status(self) -> u16 {
        429
    }
    fn kind(self) -> Kind {
        Kind::Error
    }
    fn retry(self) -> RetryPolicy {
        RetryPolicy::for_status(429)
    }
    fn error_type(self) -> &'static str {
        "rate_limit_error"
    }
    fn title(self) -> &'static str {
        "Rate limited"
    }
    fn message_template(self) -> &'static str {
        "Slow down."
    }
    fn docs_url(self) -> &'static str {
        ""
    }
}

fn cases() -> u32 {
    std::env::var("ERRCAT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

/// Some JSON value, possibly deep, possibly huge.
fn junk() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| if f.is_finite() {
            f.to_string()
        } else {
            "1e999".into()
        }),
        ".{0,20}".prop_map(|s| serde_json::Value::from(s).to_string()),
        Just("99999999999999999999999".to_string()),
        // Shapes JSON parsers disagree on (errcat_runtime::mend).
        Just("1e400".to_string()),
        Just("-1e400".to_string()),
        (1000usize..6000).prop_map(|n| "9".repeat(n)),
        Just("NaN".to_string()),
        Just("-Infinity".to_string()),
        Just("\"\\ud800\"".to_string()),
        Just("\"\\udc00\\ud800x\"".to_string()),
        Just("\"\\ud83d\\ude00\"".to_string()),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..6).prop_map(|v| {
                let members: Vec<String> = v.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

/// A details value nested `depth` levels deep.
fn deep(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_responses_never_panic(
        status in any::<u16>(),
        body in prop::collection::vec(any::<u8>(), 0..600),
        retry_after in ".{0,30}",
        request_id in ".{0,60}",
    ) {
        let headers = [("Retry-After", retry_after.as_str()), ("X-Request-Id", request_id.as_str())];
        let error = Error::<Code>::from_response(status, headers, &body);
        let _ = error.to_string();
        let _ = error.to_json();
        for attempt in 0..4 {
            if let Some(wait) = error.retry_delay(attempt) {
                prop_assert!(wait > Duration::ZERO, "no tight retry loop");
            }
        }
        if let Some(id) = error.request_id() {
            prop_assert!(!id.contains(['\r', '\n']) && id.chars().count() <= 256);
        }
    }

    #[test]
    fn a_readable_code_is_always_kept(
        details in junk(),
        depth in prop_oneof![Just(0usize), 100usize..2000],
        message in ".{0,40}",
        bad_utf8 in any::<bool>(),
        shape in 0u8..6,
        bom in any::<bool>(),
        hint in prop_oneof![Just(String::new()), Just(",\"retry_after\":1e-9".to_string()), Just(",\"retry_after_ms\":0.000001".to_string())],
        retry_after in prop_oneof![
            Just("0".to_string()),
            "[0-9]{1,25}",
            Just("Wed, 21 Oct 2015 07:28:00 GMT".to_string()),
            Just("Wednesday, 21-Oct-15 07:28:00 GMT".to_string()),
            Just("Wed Oct 21 07:28:00 2015".to_string()),
            Just("Wed, 31 Feb 2015 07:28:00 GMT".to_string()),
        ],
    ) {
        // `@@` marks where an invalid UTF-8 byte goes, inside the string.
        let message = serde_json::Value::from(format!("{message}@@")).to_string();
        let details = if depth > 0 { format!("{{\"d\":{},\"x\":{details}}}", deep(depth)) } else { details };
        let body = match shape {
            0 => format!("{{\"error\":{{\"code\":\"rate_limited\",\"message\":{message},\"details\":{details}{hint}}}}}"),
            1 => format!("{{\"type\":\"about:blank\",\"title\":\"t\",\"status\":429,\"detail\":{message},\"code\":\"rate_limited\",\"params\":{details}}}"),
            2 => format!("{{\"detail\":{{\"code\":\"rate_limited\",\"message\":{message},\"details\":{details}}}}}"),
            3 => format!("{{\"error\":{{\"code\":429,\"message\":{message},\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"rate_limited\",\"metadata\":{details}}},{{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":{details}}}]}}}}"),
            4 => format!("{{\"errors\":[{{\"status\":\"429\",\"code\":\"rate_limited\",\"detail\":{message},\"source\":{details},\"meta\":{details}}}]}}"),
            _ => format!("{{\"errors\":[{{\"message\":{message},\"extensions\":{{\"code\":\"rate_limited\",\"details\":{details}{hint}}}}}],\"data\":null}}"),
        };
        let body = if bom { format!("\u{feff}{body}") } else { body };
        let at = body.rfind("@@").unwrap_or(0);
        let mut bytes = body.into_bytes();
        bytes.splice(at..at + 2, if bad_utf8 { vec![0xff] } else { Vec::new() });
        let error = Error::<Code>::from_response(429, [("Retry-After", retry_after.as_str())], &bytes);
        prop_assert_eq!(error.code(), Some(Code::RateLimited), "{}", String::from_utf8_lossy(&bytes));
        if let Some(wait) = error.retry_delay(1) {
            prop_assert!(wait > Duration::ZERO && wait <= Duration::from_secs(60));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// Every style reads back what it wrote: the code, message, param,
    /// request id, wait and params (Google's metadata holds strings, so
    /// the params there are text).
    #[test]
    fn every_style_reads_what_it_writes(
        style in prop::sample::select(EnvelopeStyle::ALL),
        camel in any::<bool>(),
        outside in any::<bool>(),
        message in ".{1,40}",
        param in prop::option::of(prop_oneof!["[a-z_]{1,12}", "/data/[a-z]{1,8}"]),
        request_id in prop::option::of("[A-Za-z0-9_-]{1,24}"),
        wait_ms in prop::option::of(0u64..100_000_000),
        params in prop::collection::btree_map("[a-z]{1,6}", "[ -~]{0,12}", 0..4),
    ) {
        let mut error = Error::<Code>::with_message(Code::RateLimited, message.clone());
        if let Some(p) = &param { error = error.with_param(p.clone()); }
        if let Some(id) = &request_id { error = error.with_request_id(id.clone()); }
        if let Some(ms) = wait_ms { error = error.with_retry_after(Duration::from_millis(ms)); }
        for (k, v) in &params { error = error.with_detail(k.clone(), v.clone()); }
        let format = EnvelopeFormat {
            style,
            field_case: if camel { FieldCase::Camel } else { FieldCase::Snake },
            request_id: if outside { RequestIdPlacement::Outside } else { RequestIdPlacement::Inside },
        };
        let body = error.to_json_in(format).to_string();
        let back = Error::<Code>::from_body(429, body.as_bytes());
        prop_assert_eq!(back.code(), Some(Code::RateLimited), "{}", body);
        prop_assert_eq!(back.message(), message.as_str(), "{}", body);
        prop_assert_eq!(back.param(), param.as_deref(), "{}", body);
        prop_assert_eq!(back.request_id(), request_id.as_deref().map(str::trim).filter(|s| !s.is_empty()), "{}", body);
        // FastAPI's shape has no member for the wait (the header carries it).
        let wait = wait_ms.filter(|_| style != EnvelopeStyle::Detail).map(Duration::from_millis);
        prop_assert_eq!(back.retry_after(), wait, "{}", body);
        prop_assert_eq!(back.details(), error.details(), "{}", body);
    }
}
