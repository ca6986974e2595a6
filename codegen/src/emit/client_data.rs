//! The catalog as data for client modules in other languages (TypeScript,
//! Python): envelope, wire fields (from errcat-runtime's table: names,
//! place, JSON type and what a field holds without a value), bounds,
//! retry policies, codes and the name and numeric indexes. Each module embeds
//! it as JSON, so catalog text never becomes code, and the two clients read
//! the same facts.

use errcat_runtime::{Backoff, EnvelopeStyle, GrpcCode, Member, Within};
use serde_json::{Map, Value, json};

use crate::model::{Model, RetryStrategy};

/// The catalog as data for a client in another language: envelope, wire
/// names (from errcat-runtime's table), bounds, retry policies, codes, and
/// the name and numeric indexes. The TypeScript and Python modules embed it.
pub(crate) fn data(model: &Model) -> Value {
    let outer = errcat_runtime::envelope::OUTER_REQUEST_ID;
    let limits = json!({
        "maxBodyBytes": errcat_runtime::MAX_BODY_BYTES,
        "maxRawMessageChars": errcat_runtime::MAX_RAW_MESSAGE_CHARS,
        "maxMessageChars": errcat_runtime::MAX_MESSAGE_CHARS,
        "maxLocaleChars": errcat_runtime::MAX_LOCALE_CHARS,
        "maxRequestIdChars": errcat_runtime::MAX_REQUEST_ID_CHARS,
        "minRetryHintMs": errcat_runtime::MIN_RETRY_HINT_MS,
        "maxKeptDepth": errcat_runtime::MAX_KEPT_DEPTH,
        "maxIdentityLen": errcat_runtime::identity::MAX_IDENTITY_LEN,
        "maxRetryAfterSecs": errcat_runtime::MAX_RETRY_AFTER_SECS,
    });
    let policies: Map<String, Value> = model
        .retry_policies
        .iter()
        .map(|p| {
            let mut v = policy(&p.strategy);
            if p.idempotent_only {
                v["idempotentOnly"] = json!(true);
            }
            (p.name.clone(), v)
        })
        .collect();
    let codes: Map<String, Value> = model
        .codes
        .iter()
        .map(|c| {
            let mut facts = json!({
                "name": c.condition.as_deref().unwrap_or(&c.wire_name),
                "status": c.status,
                "numeric": c.numeric,
                "kind": c.kind.as_str(),
                "fault": c.fault.as_str(),
                "category": model.meta.categorized.then(|| &model.category_of(c).id),
                "type": model.category_of(c).error_type,
                "title": c.title,
                "message": c.message,
                "docsUrl": c.docs_url,
                "retry": model.retry_of(c).name,
                "envelope": c.envelope.as_str(),
                "grpc": c.grpc.as_str(),
                "params": c.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
                "paramTypes": c.params.iter().map(|p| p.ty.as_str()).collect::<Vec<_>>(),
            });
            // Every declared fact, by its camelCase key (`sdkException`).
            for (field, value) in c.facts.iter() {
                facts[field.camel_key()] = value.to_json();
            }
            (c.wire_name.clone(), facts)
        })
        .collect();
    let categories: Map<String, Value> = model
        .categories
        .iter()
        .filter(|cat| !cat.implicit)
        .map(|cat| {
            let facts = json!({
                "title": cat.title,
                "fault": cat.fault.as_str(),
                "type": cat.error_type,
                "prefix": cat.prefix,
                "generic": cat.generic.map(|g| &model.codes[g].wire_name),
                "codes": cat.codes.iter().map(|&i| &model.codes[i].wire_name).collect::<Vec<_>>(),
            });
            (cat.id.clone(), facts)
        })
        .collect();
    let mut names = Map::new();
    // A name several codes share finds no one of them: `named` gives all.
    let mut shared = Map::new();
    for c in &model.codes {
        if let Some(name) = c.condition.as_ref().filter(|_| c.shared_name) {
            let codes = shared.entry(name.clone()).or_insert_with(|| json!([]));
            if let Value::Array(codes) = codes {
                codes.push(json!(c.wire_name));
            }
        }
        let condition = c.condition.as_ref().filter(|_| !c.shared_name);
        for name in [&c.wire_name, &c.name]
            .into_iter()
            .chain(condition)
            .chain(&c.aliases)
        {
            names
                .entry(name.clone())
                .or_insert_with(|| json!(c.wire_name));
        }
    }
    let numeric: Map<String, Value> = model
        .codes
        .iter()
        .filter_map(|c| Some((c.numeric?.to_string(), json!(c.wire_name))))
        .collect();
    json!({
        "envelope": envelope(model),
        "domain": model.meta.domain,
        "requestIdHeader": model.meta.request_id_header,
        "wire": wire(),
        "grpcByStatus": grpc_by_status(),
        "outerRequestId": [outer.snake, outer.camel],
        "limits": limits,
        "telemetry": {
            "errorType": errcat_runtime::telemetry::ERROR_TYPE,
            "category": errcat_runtime::telemetry::CATEGORY,
            "fault": errcat_runtime::telemetry::FAULT,
            "retryable": errcat_runtime::telemetry::RETRYABLE,
            "other": errcat_runtime::telemetry::OTHER_ERROR_TYPE,
        },
        "statusPolicies": status_policies(),
        "policies": policies,
        "codes": codes,
        "categories": categories,
        "names": names,
        "sharedNames": shared,
        "caseInsensitive": model.meta.case_insensitive,
        "identityPattern": model.meta.identity_pattern,
        "numeric": numeric,
        "classes": model
            .classes()
            .iter()
            .map(|(prefix, i)| json!([prefix, model.codes[*i].wire_name]))
            .collect::<Vec<_>>(),
        "locales": {
            "tags": model.locales.iter().map(|l| &l.tag).collect::<Vec<_>>(),
            "parents": model.locales.iter().map(|l| l.parent).collect::<Vec<_>>(),
            "plurals": model.locales.iter().map(|l| &l.plurals).collect::<Vec<_>>(),
            "maxRanges": errcat_runtime::locale::MAX_LANGUAGE_RANGES,
        },
        "translations": translations(model),
        "declaredFacts": crate::fields::FIELDS.iter().map(|f| f.camel_key()).collect::<Vec<_>>(),
    })
}

/// Each locale after the default: each code it translates, by wire name,
/// with its title and message (`null` where the locale has none).
fn translations(model: &Model) -> Value {
    let locales: Map<String, Value> = model
        .locales
        .iter()
        .skip(1)
        .map(|locale| {
            let codes: Map<String, Value> = model
                .codes
                .iter()
                .zip(&locale.texts)
                .filter(|(_, t)| t.title.is_some() || t.message.is_some())
                .map(|(c, t)| (c.wire_name.clone(), json!([t.title, t.message])))
                .collect();
            (locale.tag.clone(), Value::Object(codes))
        })
        .collect();
    Value::Object(locales)
}

fn envelope(model: &Model) -> Value {
    let format = model.envelope;
    json!({
        "style": format.style.as_str(),
        "fieldCase": match format.field_case { errcat_runtime::FieldCase::Camel => "camel", _ => "snake" },
        "requestId": if matches!(format.request_id, errcat_runtime::RequestIdPlacement::Outside) { "outside" } else { "inside" },
    })
}

/// Every style's wrapper and fields, from errcat-runtime's table.
fn wire() -> Value {
    let styles: Map<String, Value> = EnvelopeStyle::ALL
        .iter()
        .map(|style| {
            let fields: Vec<Value> = style
                .fields()
                .iter()
                .map(|f| {
                    json!([
                        member(f.member),
                        f.snake,
                        f.camel,
                        within(f.within),
                        f.json_type,
                        fallback(f.fallback),
                    ])
                })
                .collect();
            let format = errcat_runtime::EnvelopeFormat {
                style: *style,
                ..Default::default()
            };
            (
                style.as_str().to_string(),
                json!({
                    "wrapper": style.wrapper(),
                    "list": style.is_list(),
                    "contentType": format.content_type(),
                    "fields": fields,
                }),
            )
        })
        .collect();
    Value::Object(styles)
}

fn member(member: Member) -> &'static str {
    match member {
        Member::Code => "code",
        Member::Message => "message",
        Member::ErrorType => "type",
        Member::Title => "title",
        Member::Status => "status",
        Member::Param => "param",
        Member::RequestId => "requestId",
        Member::RetryAfterMs => "retryAfterMs",
        Member::DocsUrl => "docsUrl",
        Member::Details => "details",
        Member::GrpcStatus => "grpc",
        Member::Domain => "domain",
        // A member added to the runtime later: the TS runtime skips it.
        _ => "other",
    }
}

/// What a field holds when the error has no value for it, for the clients:
/// `{"member": "code"}`, `{"text": "about:blank"}`, or `null` (left out).
fn fallback(fallback: Option<errcat_runtime::Fallback>) -> Value {
    match fallback {
        Some(errcat_runtime::Fallback::Member(m)) => json!({ "member": member(m) }),
        Some(errcat_runtime::Fallback::Text(text)) => json!({ "text": text }),
        _ => Value::Null,
    }
}

/// Where a field sits, for the clients: `""` in the error object, the name
/// of its sub-object, or `@` and the `google.rpc` type of its AIP-193 detail.
fn within(within: Within) -> String {
    match within {
        Within::Member(parent) => parent.to_string(),
        Within::Detail(ty) => format!("@{ty}"),
        _ => String::new(),
    }
}

/// The gRPC code of every HTTP status, from errcat-runtime's mapping: the
/// classes' codes (`"2"`, `"4"`, `"5"`, and `""` for every other status),
/// then each status whose code is not its class's.
fn grpc_by_status() -> Value {
    // A status in each class that no rule names.
    let class = |status: u16| match status / 100 {
        2 => ("2", 298),
        4 => ("4", 498),
        5 => ("5", 598),
        _ => ("", 198),
    };
    let mut out = Map::new();
    for (key, unnamed) in [200, 400, 500, 100].map(class) {
        out.insert(
            key.into(),
            json!(GrpcCode::from_http_status(unnamed).as_str()),
        );
    }
    for status in 100u16..=599 {
        let code = GrpcCode::from_http_status(status);
        if code != GrpcCode::from_http_status(class(status).1) {
            out.insert(status.to_string(), json!(code.as_str()));
        }
    }
    Value::Object(out)
}

fn backoff(b: &Backoff) -> Value {
    json!({
        "initialMs": super::millis(b.initial),
        "factor": b.factor,
        "maxDelayMs": super::millis(b.max_delay),
        "jitter": b.jitter.as_str(),
        "maxAttempts": b.max_attempts,
    })
}

/// The policy of a code a client does not know, by HTTP status, from
/// errcat-runtime's `RetryPolicy::for_status`: `[first, last, policy]` for
/// each run of statuses that is retried; any other status is not.
fn status_policies() -> Value {
    let mut runs: Vec<(u16, u16, Value)> = Vec::new();
    for status in 100u16..=599 {
        let policy = runtime_policy(errcat_runtime::RetryPolicy::for_status(status));
        match runs.last_mut() {
            Some((_, last, p)) if *p == policy && *last + 1 == status => *last = status,
            _ => runs.push((status, status, policy)),
        }
    }
    runs.into_iter()
        .filter(|(_, _, p)| p["strategy"] != "never")
        .map(|(first, last, p)| json!([first, last, p]))
        .collect()
}

/// A runtime policy as the clients' data writes policies.
fn runtime_policy(p: errcat_runtime::RetryPolicy) -> Value {
    use errcat_runtime::RetryPolicy as P;
    match p {
        P::Backoff(b) => policy(&RetryStrategy::Backoff(b)),
        P::AfterHeader { max_wait, fallback } => {
            policy(&RetryStrategy::AfterHeader { max_wait, fallback })
        }
        P::Operation(b) => policy(&RetryStrategy::Operation(b)),
        _ => policy(&RetryStrategy::Never),
    }
}

fn policy(strategy: &RetryStrategy) -> Value {
    match strategy {
        RetryStrategy::Never => json!({ "strategy": "never" }),
        RetryStrategy::Backoff(b) => {
            let mut v = backoff(b);
            v["strategy"] = json!("backoff");
            v
        }
        RetryStrategy::AfterHeader { max_wait, fallback } => json!({
            "strategy": "after_header",
            "maxWaitMs": super::millis(*max_wait),
            "fallback": backoff(fallback),
        }),
        // Without delays, the clients' `operationBackoff` is null.
        RetryStrategy::Operation(b) => {
            let mut v = b.as_ref().map_or_else(|| json!({}), backoff);
            v["strategy"] = json!("operation");
            v
        }
    }
}
