//! Facts stated by each seed document, checked through the generated API.

mod clarifai_list;

use std::time::Duration;

use errcat_seeds::{clarifai, promptfloe, roboflow, rotavision, vision_api};

fn docs(system: &str, page: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/{system}/generated/docs/{page}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

mod roboflow_seed {
    use super::*;
    use roboflow::{Code, Error, Kind, RetryPolicy};

    #[test]
    fn cross_tool_mapping() {
        // Resource not found: exit 3, RoboflowError("404") / RuntimeError, 404, never retried.
        assert_eq!(
            (Code::NotFound.exit_code(), Code::NotFound.http_status()),
            (3, 404)
        );
        assert_eq!(
            Code::NotFound.sdk_exception(),
            Some("RoboflowError / RuntimeError")
        );
        assert_eq!(Code::NotFound.retry(), RetryPolicy::Never);
        // Missing / invalid key: exit 2, RoboflowError, 401, never retried.
        assert_eq!(
            (
                Code::Unauthorized.exit_code(),
                Code::Unauthorized.http_status()
            ),
            (2, 401)
        );
        assert_eq!(Code::Unauthorized.sdk_exception(), Some("RoboflowError"));
        assert!(!Code::Unauthorized.retry().is_retryable());
        // Plan limitation: exit 1, 402, AccessException in the body.
        assert_eq!(
            (
                Code::PaymentRequired.exit_code(),
                Code::PaymentRequired.http_status()
            ),
            (1, 402)
        );
        assert_eq!(Code::PaymentRequired.error_type(), "AccessException");
        // Bad input: exit 1, ValueError / RoboflowError, 400.
        assert_eq!(
            (Code::BadRequest.exit_code(), Code::BadRequest.http_status()),
            (1, 400)
        );
        assert_eq!(
            Code::BadRequest.sdk_exception(),
            Some("ValueError / RoboflowError")
        );
        // Server error: exit 1, 5xx, retried with backoff.
        assert_eq!(
            (
                Code::ServerError.exit_code(),
                Code::ServerError.http_status()
            ),
            (1, 500)
        );
        assert!(matches!(Code::ServerError.retry(), RetryPolicy::Backoff(_)));
    }

    #[test]
    fn statuses_and_exit_codes() {
        let statuses: Vec<u16> = Code::all().iter().map(|c| c.http_status()).collect();
        for s in [200, 204, 400, 401, 402, 403, 404, 409, 423, 429, 500] {
            assert!(statuses.contains(&s), "HTTP {s} is modelled");
        }
        assert_eq!(Code::Conflict.http_status(), 409);
        assert_eq!(Code::Conflict.sdk_exception(), Some("RuntimeError"));
        assert_eq!(Code::Locked.http_status(), 423);
        assert_eq!(Code::NoContent.kind(), Kind::Success);
        assert_eq!(Code::Ok.exit_code(), 0);
        assert!(matches!(
            Code::RateLimited.retry(),
            RetryPolicy::AfterHeader { .. }
        ));
        assert_eq!(
            Code::NetworkError.sdk_exception(),
            Some("requests.exceptions.ConnectionError")
        );
        let exits: std::collections::BTreeSet<u8> =
            Code::all().iter().map(|c| c.exit_code()).collect();
        assert_eq!(exits, [0, 1, 2, 3].into());
        let readme = docs("roboflow", "README.md");
        for row in [
            "| 0 | Success |",
            "| 2 | Authentication failure: missing or invalid API key, no workspace selected |",
            "| 3 | Resource not found: project, version, workflow, deployment and so on |",
        ] {
            assert!(readme.contains(row), "exit code table row {row}");
        }
    }

    #[test]
    fn cli_json_error_body() {
        let e = Error::not_found("Project", "nonexistent");
        assert_eq!(e.message(), "Project 'nonexistent' not found");
        assert_eq!(
            e.to_json()["error"]["message"],
            "Project 'nonexistent' not found"
        );
        assert_eq!(e.code().map(|c| c.exit_code()), Some(3));
    }
}

mod vision_api_seed {
    use super::*;
    use vision_api::{Code, Error, RetryPolicy};

    #[test]
    fn application_codes_with_solutions() {
        let codes = [
            ("INVALID_API_KEY", Code::InvalidApiKey, 401),
            ("EXPIRED_API_KEY", Code::ExpiredApiKey, 401),
            ("DEACTIVATED_API_KEY", Code::DeactivatedApiKey, 401),
            ("AUTHZ_ERROR", Code::AuthzError, 403),
            ("HTTP_413", Code::Http413, 413),
            ("STORAGE_QUOTA_EXCEEDED", Code::StorageQuotaExceeded, 413),
            ("RATE_LIMIT_ERROR", Code::RateLimitError, 429),
            ("USAGE_LIMIT_EXCEEDED", Code::UsageLimitExceeded, 402),
            ("IMAGE_PROCESSING_ERROR", Code::ImageProcessingError, 422),
            ("VLM_PROVIDER_ERROR", Code::VlmProviderError, 503),
            ("TIMEOUT", Code::Timeout, 504),
        ];
        for (wire, code, status) in codes {
            assert_eq!(code.as_str(), wire, "codes go on the wire in upper case");
            assert_eq!(Code::lookup(wire), Some(code));
            assert_eq!(
                Code::lookup(&wire.to_lowercase()),
                Some(code),
                "the catalog name parses too"
            );
            assert_eq!(code.http_status(), status, "{wire}");
            assert!(code.solution().is_some(), "{wire} has a solution");
        }
        assert_eq!(
            Code::Timeout.solution(),
            Some("Retry with a smaller batch or a simpler query.")
        );
    }

    #[test]
    fn both_body_shapes() {
        // Middleware: the error envelope with a top-level request_id.
        let e = Error::rate_limit_error(100, 60)
            .with_request_id("550e8400-e29b-41d4-a716-446655440000");
        let body = e.to_json();
        assert_eq!(body["error"]["code"], "RATE_LIMIT_ERROR");
        assert_eq!(
            body["error"]["message"],
            "Rate limit exceeded: 100 calls per 60 seconds"
        );
        assert_eq!(body["request_id"], "550e8400-e29b-41d4-a716-446655440000");
        assert!(body["error"].get("request_id").is_none());
        // Framework: {"detail": {...}}.
        let v = Error::validation_error().with_param("limit").to_json();
        assert_eq!(v["detail"]["code"], "VALIDATION_ERROR");
        assert_eq!(v["detail"]["message"], "Invalid request parameters");
        assert_eq!(v["detail"]["field"], "limit");
        // And both parse back.
        let parsed = Error::from_response(429, [("Retry-After", "7")], body.to_string().as_bytes());
        assert_eq!(parsed.code(), Some(Code::RateLimitError));
        assert_eq!(
            parsed.request_id(),
            Some("550e8400-e29b-41d4-a716-446655440000")
        );
        assert_eq!(parsed.retry_after(), Some(Duration::from_secs(7)));
        let detail = Error::from_response(404, [], br#"{"detail": "Rule not found"}"#);
        assert_eq!(
            (detail.status(), detail.message(), detail.code()),
            (404, "Rule not found", None)
        );
    }

    #[test]
    fn statuses_and_retry() {
        let statuses: Vec<u16> = Code::all().iter().map(|c| c.http_status()).collect();
        for s in [
            200, 201, 204, 400, 401, 402, 403, 404, 409, 422, 429, 500, 503, 504,
        ] {
            assert!(statuses.contains(&s), "HTTP {s} is modelled");
        }
        assert!(matches!(
            Code::RateLimitError.retry(),
            RetryPolicy::AfterHeader { .. }
        ));
        assert!(matches!(
            Code::InternalError.retry(),
            RetryPolicy::Backoff(_)
        ));
        assert_eq!(Code::InvalidApiKey.retry(), RetryPolicy::Never);
    }
}

mod rotavision_seed {
    use super::*;
    use rotavision::{Code, Error, RetryPolicy};

    #[test]
    fn rate_limit_envelope_round_trips_with_param_and_request_id() {
        let e = Error::rate_limit_exceeded(30)
            .with_param("model_id")
            .with_request_id("req_abc123xyz");
        let body = e.to_json();
        assert_eq!(body["error"]["code"], "rate_limit_exceeded");
        assert_eq!(body["error"]["type"], "rate_limit_error");
        assert_eq!(
            body["error"]["message"],
            "Rate limit exceeded. Retry after 30 seconds."
        );
        let parsed = Error::from_response(
            429,
            [
                ("Retry-After", "30"),
                ("X-RateLimit-Limit", "600"),
                ("X-RateLimit-Remaining", "0"),
            ],
            body.to_string().as_bytes(),
        );
        assert_eq!(parsed.code(), Some(Code::RateLimitExceeded));
        assert_eq!(parsed.param(), Some("model_id"));
        assert_eq!(parsed.request_id(), Some("req_abc123xyz"));
        assert_eq!(parsed.retry_after(), Some(Duration::from_secs(30)));
    }

    #[test]
    fn error_types_and_exceptions() {
        let rows = [
            (
                Code::InvalidApiKey,
                401,
                "authentication_error",
                "AuthenticationError",
            ),
            (
                Code::InvalidRequest,
                400,
                "validation_error",
                "ValidationError",
            ),
            (
                Code::RateLimitExceeded,
                429,
                "rate_limit_error",
                "RateLimitError",
            ),
            (Code::ModelNotFound, 404, "not_found_error", "NotFoundError"),
            (Code::InternalError, 500, "api_error", "RotavisionError"),
        ];
        for (code, status, ty, exception) in rows {
            assert_eq!(
                (code.http_status(), code.error_type(), code.sdk_exception()),
                (status, ty, Some(exception))
            );
        }
        assert_eq!(
            Error::invalid_api_key().message(),
            "The API key provided is invalid or has been revoked"
        );
        assert_eq!(
            Error::model_not_found("loan-model-v3").message(),
            "No model found with ID 'loan-model-v3'"
        );
        assert!(matches!(
            Code::RateLimitExceeded.retry(),
            RetryPolicy::AfterHeader { .. }
        ));
        let statuses: Vec<u16> = Code::all().iter().map(|c| c.http_status()).collect();
        for s in [200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 503] {
            assert!(statuses.contains(&s), "HTTP {s} is modelled");
        }
        // The seed's own example body parses.
        let seed = br#"{"error": {"code": "invalid_request", "message": "The 'model_id' field is required", "type": "validation_error", "param": "model_id", "request_id": "req_abc123xyz"}}"#;
        let e = Error::from_response(400, [], seed);
        assert_eq!(
            (e.code(), e.param(), e.request_id()),
            (
                Some(Code::InvalidRequest),
                Some("model_id"),
                Some("req_abc123xyz")
            )
        );
    }
}

mod clarifai_seed {
    use super::*;

    /// Codes whose long description the catalog rewords.
    const REWORDED: &[u32] = &[
        21103, 21112, 21113, 21114, 21115, 21116, 21315, 21316, 22100, 30002, 30100, 30300, 31002,
        31100, 31300, 39997, 39998, 40010, 40017, 40019, 40030, 40031, 40032, 40033, 41000, 42006,
    ];
    use clarifai::{Code, Kind};

    #[test]
    fn all_134_codes_match_the_document() {
        assert_eq!(clarifai_list::CLARIFAI.len(), 134);
        assert_eq!(Code::all().len(), 134);
        for &(numeric, description) in clarifai_list::CLARIFAI {
            let code = Code::from_numeric(numeric).unwrap_or_else(|| panic!("{numeric} missing"));
            assert_eq!(code.numeric(), Some(numeric));
            assert_eq!(
                code.as_str(),
                numeric.to_string(),
                "numeric-only codes are named by their number"
            );
            let (first, last) = code.category().numeric_range().unwrap();
            assert!((first..=last).contains(&numeric));
            // Status labels are kept as titles; the sentences listed in
            // REWORDED are written in errcat's own words.
            if !REWORDED.contains(&numeric) {
                assert_eq!(code.title(), description.trim_end_matches('.'), "{numeric}");
            } else {
                assert!(!code.title().is_empty());
            }
        }
    }

    #[test]
    fn kinds_and_ranges() {
        assert_eq!(Code::from_numeric(21200), Some(Code::Code21200));
        assert_eq!(Code::Code21200.title(), "Model does not exist");
        assert_eq!(Code::Code21200.kind(), Kind::Error);
        assert_eq!(Code::Code21101.kind(), Kind::Pending, "model is training");
        assert_eq!(Code::Code21100.kind(), Kind::Success);
        assert_eq!(Code::Code10000.kind(), Kind::Success);
        assert_eq!(
            Code::Code30003.kind(),
            Kind::Pending,
            "download in progress"
        );
        assert_eq!(Code::Code10020.kind(), Kind::Error);
        assert_eq!(Code::Code99009.http_status(), 500);
        assert_eq!(Code::Code21200.http_status(), 404);
        assert!(Code::Code40030.retry().is_retryable(), "server too busy");
        assert_eq!(
            Code::Code22100.title(),
            Code::Code30100.title(),
            "22100 and 30100 share their text and both stay"
        );
        assert_ne!(Code::Code22100, Code::Code30100);
        assert_eq!(Code::lookup("21200"), Some(Code::Code21200));
        assert_eq!(Code::Code21200.category().as_str(), "model");
    }
}

mod promptfloe_seed {
    use super::*;
    use promptfloe::{Code, Error, RetryPolicy};

    #[test]
    fn fourteen_codes_with_status() {
        let table = [
            ("invalid_request", 400),
            ("invalid_key", 401),
            ("expired_key", 401),
            ("missing_scope", 403),
            ("quota_exceeded", 403),
            ("tier_required", 403),
            ("not_found", 404),
            ("conflict", 409),
            ("unprocessable", 422),
            ("rate_limited", 429),
            ("internal_error", 500),
            ("upstream_error", 502),
            ("unavailable", 503),
            ("gateway_timeout", 504),
        ];
        assert_eq!(Code::all().len(), 14);
        for (name, status) in table {
            assert_eq!(
                Code::lookup(name).map(|c| c.http_status()),
                Some(status),
                "{name}"
            );
        }
    }

    #[test]
    fn retry_guidance() {
        assert_eq!(Code::UpstreamError.http_status(), 502);
        assert!(Code::UpstreamError.retry().is_retryable());
        assert_eq!(
            Code::UpstreamError.server_retries(),
            2,
            "auto-retried twice by the server"
        );
        assert_eq!(Code::QuotaExceeded.http_status(), 403);
        assert_eq!(Code::QuotaExceeded.retry(), RetryPolicy::Never);
        assert_eq!(Code::QuotaExceeded.error_type(), "tier_limit");
        for code in Code::all() {
            let s = code.http_status();
            if (400..500).contains(&s) && s != 429 {
                assert!(
                    !code.retry().is_retryable(),
                    "{code}: 4xx except 429 is never retried"
                );
            }
        }
        assert!(matches!(
            Code::RateLimited.retry(),
            RetryPolicy::AfterHeader { .. }
        ));
        let RetryPolicy::Backoff(b) = Code::InternalError.retry() else {
            panic!("5xx backs off")
        };
        let delays: Vec<u64> = (1..5).map(|a| b.base_delay(a).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 8]);
        assert_eq!(b.jitter, promptfloe::Jitter::Full);
    }

    #[test]
    fn body_has_retry_after_ms_and_docs_url() {
        let e = Error::quota_exceeded("augmenter", 6)
            .with_request_id("req_xxx")
            .with_retry_after(Duration::from_secs(3600));
        let body = e.to_json();
        assert_eq!(body["error"]["code"], "quota_exceeded");
        assert_eq!(
            body["error"]["message"],
            "Daily augmenter quota of 6 has been reached."
        );
        assert_eq!(body["error"]["type"], "tier_limit");
        assert_eq!(body["error"]["requestId"], "req_xxx");
        assert_eq!(body["error"]["retryAfterMs"], 3_600_000);
        assert_eq!(
            body["error"]["docsUrl"],
            "https://promptfloe.com/sdk/reference/errors/access.html#quota_exceeded"
        );
        let parsed = Error::from_response(403, [], body.to_string().as_bytes());
        assert_eq!(
            (parsed.code(), parsed.retry_after()),
            (Some(Code::QuotaExceeded), Some(Duration::from_secs(3600)))
        );
    }
}

#[test]
fn generated_docs_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for system in [
        "roboflow",
        "vision-api",
        "rotavision",
        "clarifai",
        "promptfloe",
    ] {
        let system = root.join(system);
        let outcome = std::panic::catch_unwind(|| {
            errcat_codegen::ensure_fresh(&system.join("catalog"), &system.join("generated"))
        });
        if let Err(e) = outcome {
            stale.push(
                e.downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| system.display().to_string()),
            );
        }
    }
    assert!(
        stale.is_empty(),
        "stale (rewritten outside CI; commit them): {stale:?}"
    );
}
