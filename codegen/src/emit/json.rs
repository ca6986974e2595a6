//! Emits the model as JSON, for tools in other languages (SDK generators,
//! dashboards) that want the catalog without parsing TOML.

use serde_json::{Value, json};

use crate::model::{Model, RetryStrategy};

/// The JSON export, pretty-printed with a trailing newline.
pub fn emit(model: &Model, command: &str) -> String {
    let policies: Vec<Value> = model
        .retry_policies
        .iter()
        .map(|p| {
            let mut v = json!({ "name": p.name, "description": p.description });
            let backoff = |b: &crate::model::Backoff| {
                json!({
                    "initial_ms": b.initial_ms,
                    "factor": b.factor,
                    "max_delay_ms": b.max_delay_ms,
                    "jitter": b.jitter.as_str(),
                    "max_attempts": b.max_attempts,
                })
            };
            match &p.strategy {
                RetryStrategy::Never => v["strategy"] = json!("never"),
                RetryStrategy::Backoff(b) => {
                    v["strategy"] = json!("backoff");
                    v["backoff"] = backoff(b);
                }
                RetryStrategy::AfterHeader {
                    max_wait_ms,
                    fallback,
                } => {
                    v["strategy"] = json!("after_header");
                    v["max_wait_ms"] = json!(max_wait_ms);
                    v["backoff"] = backoff(fallback);
                }
            }
            v
        })
        .collect();
    let categories: Vec<Value> = model
        .categories
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "title": c.title,
                "description": c.description,
                "range": c.range.map(|(a, b)| [a, b]),
                "fault": c.fault.as_str(),
                "type": c.error_type,
            })
        })
        .collect();
    let codes: Vec<Value> = model
        .codes
        .iter()
        .map(|c| {
            json!({
                "name": c.name,
                "numeric": c.numeric,
                "status": c.status,
                "kind": c.kind.as_str(),
                "category": model.categories[c.category].id,
                "type": model.categories[c.category].error_type,
                "title": c.title,
                "message": c.message,
                "params": c.params.iter().map(|p| json!({"name": p.name, "type": p.ty.as_str()})).collect::<Vec<_>>(),
                "description": c.description,
                "solution": c.solution,
                "retry": model.retry_policies[c.retry].name,
                "exit_code": c.exit_code,
                "sdk_exception": c.sdk_exception,
                "since": c.since,
                "deprecated": c.deprecated,
                "replaced_by": c.replaced_by.map(|r| model.codes[r].name.clone()),
                "aliases": c.aliases,
                "docs_url": c.docs_url,
            })
        })
        .collect();
    let doc = json!({
        "@generated": super::generated_header(command),
        "catalog": {
            "name": model.meta.name,
            "version": model.meta.version,
            "description": model.meta.description,
            "docs_base_url": model.meta.docs_base_url,
        },
        "envelope": {
            "style": if model.envelope.style == crate::model::EnvelopeStyle::Problem { "problem" } else { "nested" },
            "field_case": if model.envelope.field_case == crate::model::FieldCase::Camel { "camel" } else { "snake" },
        },
        "retry_policies": policies,
        "categories": categories,
        "codes": codes,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
