// The Rust side of the conformance cases (`generated/conformance/cases.json`):
// every case's response is parsed by a generated crate's `Error`, and what it
// makes of it must be what the case expects. Included by each test crate
// that has generated catalogs; `$m` is the generated module.

/// Runs every case of `$cases` (the file's text) against module `$m`;
/// returns how many ran.
macro_rules! run_conformance {
    ($m:path, $cases:expr) => {{
        use $m as catalog;
        let document: serde_json::Value = serde_json::from_str($cases).expect("cases.json is JSON");
        let cases = document["cases"].as_array().expect("a list of cases");
        assert!(!cases.is_empty());
        let close = |a: f64, b: &serde_json::Value| (a - b.as_f64().expect("a number")).abs() < 1e-6;
        for case in cases {
            let name = case["name"].as_str().expect("a name");
            let response = &case["response"];
            let expect = &case["expect"];
            let headers: Vec<(String, String)> = response["headers"]
                .as_array()
                .expect("headers")
                .iter()
                .map(|h| (h[0].as_str().unwrap().to_string(), h[1].as_str().unwrap().to_string()))
                .collect();
            let status = response["status"].as_u64().expect("a status") as u16;
            let error = catalog::Error::from_response(
                status,
                headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                response["body"].as_str().expect("a body").as_bytes(),
            );
            assert_eq!(error.code().map(|c| c.as_str()), expect["code"].as_str(), "{name}: code");
            if let Some(wire) = expect["wire_code"].as_str() {
                assert_eq!(error.code_str(), wire, "{name}: wire code");
            }
            if let Some(code) = error.code() {
                assert_eq!(code.sdk_exception(), expect["class"].as_str(), "{name}: class");
                assert_eq!(code.fault().as_str(), expect["fault"].as_str().unwrap(), "{name}: fault");
            }
            assert_eq!(u64::from(error.status()), expect["status"].as_u64().unwrap(), "{name}: status");
            assert_eq!(error.is_retryable(), expect["retryable"].as_bool().unwrap(), "{name}: retryable");
            // Advice beyond the delays: retry the operation, or only
            // idempotent requests (the listed delays are then theirs).
            let operation = expect["operation"].as_bool().unwrap_or(false);
            let advised = matches!(error.retry_policy(), catalog::RetryPolicy::Operation(_));
            assert_eq!(advised, operation, "{name}: operation");
            let idempotent_only = expect["idempotent_only"].as_bool().unwrap_or(false);
            assert_eq!(error.requires_idempotent(), idempotent_only, "{name}: idempotent only");
            if idempotent_only {
                assert_eq!(error.retry_delay(1), None, "{name}: a request not known to be idempotent");
            }
            assert_eq!(error.message(), expect["message"].as_str().unwrap(), "{name}: message");
            assert_eq!(error.request_id(), expect["request_id"].as_str(), "{name}: request id");
            assert_eq!(
                error.retry_after().map(|d| d.as_millis() as u64),
                expect["retry_after_ms"].as_u64(),
                "{name}: Retry-After"
            );
            for step in expect["retry"].as_array().expect("retry steps") {
                let attempt = step["attempt"].as_u64().unwrap() as u32;
                let bounds = error.retry_policy().delay_bounds(attempt, error.retry_after());
                if step["stop"].as_bool() == Some(true) {
                    assert_eq!(bounds, None, "{name}: attempt {attempt} stops");
                    assert_eq!(error.retry_delay_for(attempt, true), None, "{name}: attempt {attempt}");
                    continue;
                }
                let (least, most) = bounds.unwrap_or_else(|| panic!("{name}: attempt {attempt} retries"));
                let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
                assert!(close(ms(least), &step["min_ms"]), "{name}: attempt {attempt} least {least:?}");
                assert!(close(ms(most), &step["max_ms"]), "{name}: attempt {attempt} most {most:?}");
                for _ in 0..20 {
                    let delay = error.retry_delay_for(attempt, true).expect("a delay");
                    assert!(least <= delay && delay <= most, "{name}: attempt {attempt}: {delay:?}");
                }
            }
            if let Some(expected) = expect.get("telemetry") {
                let labels = error.telemetry();
                let found: serde_json::Map<String, serde_json::Value> = labels
                    .pairs()
                    .map(|(key, value)| match key {
                        errcat_runtime::telemetry::RETRYABLE => (key.to_string(), labels.retryable.into()),
                        _ => (key.to_string(), value.into()),
                    })
                    .collect();
                assert_eq!(&serde_json::Value::Object(found), expected, "{name}: telemetry labels");
            }
            if let Some(localized) = expect.get("localized") {
                assert_eq!(error.localized_message(), localized["message"].as_str(), "{name}: localized message");
                assert_eq!(error.locale(), localized["locale"].as_str().unwrap(), "{name}: locale");
            }
            if !expect["body"].is_null() {
                assert_eq!(error.to_json(), expect["body"], "{name}: the body written back");
            }
        }
        // Localization: each code's error said in a locale, and the locale
        // each `Accept-Language` header is answered in.
        let localized = document["localized"].as_array().cloned().unwrap_or_default();
        for case in &localized {
            let code = catalog::Code::lookup(case["code"].as_str().unwrap()).expect("a code");
            let request = case["request"].as_str().unwrap();
            let params: Vec<(&str, serde_json::Value)> = case["params"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            let error = catalog::Error::from_params(code, &params).localized(request);
            let body = error.body();
            let title = body
                .localized
                .as_ref()
                .and_then(|l| l.title.clone())
                .or(body.title.clone());
            let expect = &case["expect"];
            let what = format!("{} in {request}", case["code"]);
            assert_eq!(body.human_message(), expect["message"].as_str().unwrap(), "{what}: message");
            assert_eq!(title.as_deref(), expect["title"].as_str(), "{what}: title");
            assert_eq!(error.locale(), expect["locale"].as_str().unwrap(), "{what}: locale");
        }
        let negotiation = document["negotiation"].as_array().cloned().unwrap_or_default();
        for case in &negotiation {
            let header = case["accept_language"].as_str().unwrap();
            let chosen = catalog::LOCALES.tags[catalog::LOCALES.negotiate(header)];
            assert_eq!(chosen, case["expect"].as_str().unwrap(), "Accept-Language {header:?}");
        }
        cases.len() + localized.len() + negotiation.len()
    }};
}
