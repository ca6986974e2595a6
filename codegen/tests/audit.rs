//! `errcat audit` on injected faults: traffic as errcat's runtime writes it
//! has no finding and covers every code; each kind of drift injected into it
//! is found, as that kind, at its entry.

use std::path::Path;
use std::process::{Command, Output};

use errcat_codegen::model::{Model, RetryStrategy};
use serde_json::{Value, json};

fn errcat(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(dir)
        .env_remove("CI")
        .output()
        .unwrap()
}

/// The repository's catalog, with a tombstone, in a project of its own.
fn project() -> (tempfile::TempDir, Model) {
    let tmp = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog");
    let to = tmp.path().join("catalog");
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
    let settings = to.join("catalog.toml");
    let mut text = std::fs::read_to_string(&settings).unwrap();
    text.push_str("\n[retired.legacy_quota]\nreason = \"Merged into rate_limited.\"\n");
    std::fs::write(&settings, text).unwrap();
    let model = errcat_codegen::compile_dir(&to, "catalog").unwrap().model;
    (tmp, model)
}

/// One HAR entry: the response errcat's runtime writes for `code`.
fn clean_entry(model: &Model, index: usize) -> Value {
    let code = &model.codes[index];
    let body = errcat_codegen::emit::examples::example_body(model, code)
        .to_json(model.envelope.with_style(code.envelope));
    let mut headers = vec![json!({"name": "Content-Type", "value": "application/json"})];
    if let Some(header) = &model.meta.request_id_header {
        headers.push(json!({"name": header, "value": "req_1"}));
    }
    if matches!(
        model.retry_of(code).strategy,
        RetryStrategy::AfterHeader { .. }
    ) {
        headers.push(json!({"name": "Retry-After", "value": "30"}));
    }
    json!({
        "startedDateTime": "2026-12-06T12:00:00.000Z",
        "request": {"method": "GET", "url": format!("https://api.example.com/v1/{}", code.name), "headers": []},
        "response": {
            "status": code.status,
            "headers": headers,
            "content": {"mimeType": "application/json", "text": body.to_string()},
        },
    })
}

/// A catalog folder of the repository, compiled.
fn catalog_at(relative: &str) -> (std::path::PathBuf, Model) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let model = errcat_codegen::compile_dir(&dir, relative).unwrap().model;
    (dir, model)
}

fn har(entries: Vec<Value>) -> String {
    json!({"log": {"version": "1.2", "creator": {"name": "test"}, "entries": entries}}).to_string()
}

fn audit(dir: &Path, har_text: &str) -> (Option<i32>, Value) {
    std::fs::write(dir.join("traffic.har"), har_text).unwrap();
    let out = errcat(&["--json", "audit", "--har", "traffic.har"], dir);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), json)
}

fn kinds(report: &Value) -> Vec<String> {
    let mut kinds: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect();
    kinds.dedup();
    kinds
}

/// The body's error object (the nested envelope's `error`).
fn error_of(entry: &mut Value) -> Value {
    serde_json::from_str(entry["response"]["content"]["text"].as_str().unwrap()).unwrap()
}

fn set_body(entry: &mut Value, body: &Value) {
    entry["response"]["content"]["text"] = json!(body.to_string());
}

fn drop_header(entry: &mut Value, name: &str) {
    let headers = entry["response"]["headers"].as_array_mut().unwrap();
    headers.retain(|h| !h["name"].as_str().unwrap().eq_ignore_ascii_case(name));
}

#[test]
fn clean_traffic_has_no_finding_and_covers_the_catalog() {
    let (tmp, model) = project();
    // Every code but the deprecated ones, which a clean service no longer
    // sends (sending one is a finding of its own).
    let live: Vec<usize> = (0..model.codes.len())
        .filter(|&i| model.codes[i].deprecated.is_none())
        .collect();
    let deprecated: Vec<&str> = model
        .codes
        .iter()
        .filter(|c| c.deprecated.is_some())
        .map(|c| c.wire_name.as_str())
        .collect();
    assert!(!deprecated.is_empty());
    let entries = live.iter().map(|&i| clean_entry(&model, i)).collect();
    let (exit, report) = audit(tmp.path(), &har(entries));
    assert_eq!(report["findings"], json!([]), "{report:#}");
    assert_eq!(exit, Some(0));
    assert_eq!(report["coverage"]["never"], json!(deprecated));
    assert_eq!(report["responses"], live.len());

    // Half the traffic: the other half is reported as never exercised.
    let half: Vec<Value> = live
        .iter()
        .step_by(2)
        .map(|&i| clean_entry(&model, i))
        .collect();
    let (_, report) = audit(tmp.path(), &har(half));
    let never = report["coverage"]["never"].as_array().unwrap();
    assert_eq!(never.len(), live.len() / 2 + deprecated.len());
    assert!(never.contains(&json!(model.codes[live[1]].wire_name)));
}

#[test]
fn every_injected_fault_is_found_as_its_kind_at_its_entry() {
    let (tmp, model) = project();
    let find = |pred: &dyn Fn(&errcat_codegen::model::Code) -> bool| {
        model
            .codes
            .iter()
            .position(pred)
            .expect("the catalog has such a code")
    };
    let error = find(&|c| c.kind.is_error() && c.deprecated.is_none() && c.status == 400);
    let after_header = find(&|c| {
        c.deprecated.is_none()
            && matches!(
                model.retry_of(c).strategy,
                RetryStrategy::AfterHeader { .. }
            )
    });
    let deprecated = find(&|c| c.deprecated.is_some());
    let templated = find(&|c| c.deprecated.is_none() && c.kind.is_error() && !c.params.is_empty());

    type Inject = Box<dyn Fn(&mut Value)>;
    let wire = model.codes[error].wire_name.clone();
    let faults: Vec<(&str, usize, Inject)> = vec![
        (
            "unknown_code",
            error,
            Box::new(|e| {
                let mut body = error_of(e);
                body["error"]["code"] = json!("no_such_code");
                set_body(e, &body);
            }),
        ),
        (
            "retired_code",
            error,
            Box::new(|e| {
                let mut body = error_of(e);
                body["error"]["code"] = json!("legacy_quota");
                set_body(e, &body);
            }),
        ),
        ("deprecated_code", deprecated, Box::new(|_| {})),
        (
            "code_case",
            error,
            Box::new(move |e| {
                let mut body = error_of(e);
                body["error"]["code"] = json!(wire.to_uppercase());
                set_body(e, &body);
            }),
        ),
        (
            "wrong_status",
            error,
            Box::new(|e| e["response"]["status"] = json!(409)),
        ),
        (
            "error_body_on_success",
            error,
            Box::new(|e| e["response"]["status"] = json!(200)),
        ),
        (
            "error_without_body",
            error,
            Box::new(|e| {
                e["response"]["content"]["text"] = json!("<html>Bad Request</html>");
            }),
        ),
        (
            "wrong_envelope",
            error,
            Box::new(|e| {
                let body = error_of(e);
                set_body(e, &body["error"]);
            }),
        ),
        (
            "field_case",
            after_header,
            Box::new(|e| {
                let mut body = error_of(e);
                let error = body["error"].as_object_mut().unwrap();
                let wait = error.remove("retry_after_ms").expect("a hint in the body");
                error.insert("retryAfterMs".into(), wait);
                set_body(e, &body);
            }),
        ),
        (
            "missing_member",
            error,
            Box::new(|e| {
                let mut body = error_of(e);
                body["error"].as_object_mut().unwrap().remove("type");
                set_body(e, &body);
            }),
        ),
        (
            "message_mismatch",
            templated,
            Box::new(|e| {
                let mut body = error_of(e);
                body["error"]["message"] = json!("Something else went wrong.");
                set_body(e, &body);
            }),
        ),
        (
            "missing_retry_after",
            after_header,
            Box::new(|e| drop_header(e, "Retry-After")),
        ),
        (
            "bad_retry_after",
            after_header,
            Box::new(|e| {
                drop_header(e, "Retry-After");
                e["response"]["headers"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"name": "Retry-After", "value": "soon"}));
            }),
        ),
        (
            "missing_request_id",
            error,
            Box::new(|e| drop_header(e, "X-Request-Id")),
        ),
    ];
    let mut entries = Vec::new();
    for (position, (_, code, inject)) in faults.iter().enumerate() {
        // A clean response between faults, which must stay clean.
        entries.push(clean_entry(&model, error));
        let mut entry = clean_entry(&model, *code);
        inject(&mut entry);
        entries.push(entry);
        assert_eq!(entries.len(), 2 * position + 2);
    }
    let (exit, report) = audit(tmp.path(), &har(entries));
    assert_eq!(exit, Some(1));
    let findings = report["findings"].as_array().unwrap();
    for (position, (kind, _, _)) in faults.iter().enumerate() {
        let at = 2 * position + 1;
        let here: Vec<&Value> = findings
            .iter()
            .filter(|f| f["entry"] == json!(at))
            .collect();
        assert!(
            here.iter().any(|f| f["kind"] == json!(kind)),
            "{kind} at entry {at} not found; found {here:#?}"
        );
        // Each fault is found as itself, besides what it implies (a
        // success status carrying an error is not also a wrong status).
        let others: Vec<&str> = here
            .iter()
            .map(|f| f["kind"].as_str().unwrap())
            .filter(|k| k != kind)
            .collect();
        assert!(
            others.is_empty(),
            "{kind} at entry {at} also gave {others:?}"
        );
        assert!(
            findings
                .iter()
                .all(|f| f["entry"].as_u64().unwrap() % 2 == 1),
            "a clean entry had a finding: {report:#}"
        );
        let first = here[0];
        assert_eq!(first["method"], "GET");
        assert!(
            first["url"]
                .as_str()
                .unwrap()
                .starts_with("https://api.example.com/v1/")
        );
    }
    assert_eq!(kinds(&report).len(), faults.len());

    // The table for people names the entry and the kind.
    let out = errcat(&["audit", "--har", "traffic.har"], tmp.path());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("missing_retry_after"), "{table}");
    assert!(table.contains("coverage: "), "{table}");
}

#[test]
fn only_keeps_the_api_and_a_bad_file_is_a_located_error() {
    let (tmp, model) = project();
    let mut page = clean_entry(&model, 0);
    page["request"]["url"] = json!("https://www.example.com/favicon.ico");
    page["response"]["status"] = json!(404);
    page["response"]["content"]["text"] = json!("<html>not found</html>");
    std::fs::write(
        tmp.path().join("traffic.har"),
        har(vec![page, clean_entry(&model, 0)]),
    )
    .unwrap();
    let out = errcat(
        &[
            "--json",
            "audit",
            "--har",
            "traffic.har",
            "--only",
            "https://api.example.com/",
        ],
        tmp.path(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (out.status.code(), report["responses"].clone()),
        (Some(0), json!(1)),
        "{report:#}"
    );

    std::fs::write(
        tmp.path().join("broken.har"),
        "{\"log\": {\"entries\": [{]}}",
    )
    .unwrap();
    let out = errcat(&["audit", "--har", "broken.har"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not a HAR file") && stderr.contains("line 1"),
        "{stderr}"
    );
    let out = errcat(&["audit", "--har", "missing.har"], tmp.path());
    assert_eq!(out.status.code(), Some(3));
}

/// Every envelope style, identities and a catalog without categories: what
/// errcat's runtime writes is clean, in each.
#[test]
fn every_style_of_clean_traffic_is_clean() {
    for relative in [
        "../examples/grpc/catalog",
        "../examples/sqlstate/catalog",
        "tests/fixtures/good/wire_styles/catalog",
        "tests/fixtures/good/problem_camel/catalog",
    ] {
        let (dir, model) = catalog_at(relative);
        let tmp = tempfile::tempdir().unwrap();
        let entries = (0..model.codes.len())
            .filter(|&i| model.codes[i].deprecated.is_none())
            .map(|i| clean_entry(&model, i))
            .collect();
        std::fs::write(tmp.path().join("traffic.har"), har(entries)).unwrap();
        let har_path = tmp.path().join("traffic.har");
        let out = errcat(
            &[
                "--json",
                "audit",
                "--har",
                har_path.to_str().unwrap(),
                "--catalog",
                dir.to_str().unwrap(),
            ],
            tmp.path(),
        );
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["findings"], json!([]), "{relative}: {report:#}");
        assert_eq!(out.status.code(), Some(0), "{relative}");
    }
}

/// An unknown identity of a class is its class's code; a string that
/// cannot be an identity is unknown.
#[test]
fn identities_resolve_as_clients_resolve_them() {
    let (dir, model) = catalog_at("../examples/sqlstate/catalog");
    let generic = model
        .codes
        .iter()
        .position(|c| c.wire_name == "22000")
        .unwrap();
    let entry = |wire: &str| {
        let mut e = clean_entry(&model, generic);
        let mut body = error_of(&mut e);
        body["error"]["code"] = json!(wire);
        set_body(&mut e, &body);
        e
    };
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("traffic.har"),
        har(vec![entry("22P99"), entry("22P99X")]),
    )
    .unwrap();
    let out = errcat(
        &[
            "--json",
            "audit",
            "--har",
            "traffic.har",
            "--catalog",
            dir.to_str().unwrap(),
        ],
        tmp.path(),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report:#}");
    assert_eq!(
        (findings[0]["entry"].clone(), findings[0]["kind"].clone()),
        (json!(1), json!("unknown_code"))
    );
    assert!(
        report["coverage"]["exercised"]
            .as_array()
            .unwrap()
            .contains(&json!("22000"))
    );
}
