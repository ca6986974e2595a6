//! Conformance cases: `conformance/cases.json`, one language-neutral file of
//! HTTP error responses and what every client of the catalog must make of
//! them (Smithy's `httpResponseTests`, per catalog). Each client's test
//! suite runs every case: the Rust runtime's in this repository, and the
//! TypeScript and Python modules' wherever they are generated.
//!
//! The expectations come from the model and the runtime's own definitions
//! (the envelope writer, `RetryPolicy::delay_bounds`), so the file states
//! the catalog's contract once, for every language.

use std::path::PathBuf;
use std::time::Duration;

use errcat_runtime::{EnvelopeFormat, RetryPolicy};
use serde_json::{Map, Value, json};

use super::examples::{EXAMPLE_REQUEST_ID, example_body};
use crate::model::{Code, Model, RetryStrategy};
use crate::write::FileSet;

/// The cases file, under `generated/`.
pub const CASES: &str = "conformance/cases.json";

/// A `Retry-After` the cases use where a code's policy honours one.
const RETRY_AFTER_SECS: u64 = 30;
/// A wire code no catalog has.
const UNKNOWN_CODE: &str = "errcat_conformance_unknown_code";

/// `conformance/cases.json`.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "conformance",
        default: false,
        needs_http: true,
        requires: None,
        reserved_pages: &[],
    },
    emit,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let mut files = FileSet::new();
    files.insert(PathBuf::from(CASES), cases_json(cx));
    files
}

/// The cases as JSON text: `conformance/cases.json`, and the copy each
/// client package ships for its conformance runner.
pub fn cases_json(cx: &super::Context<'_>) -> String {
    let model = cx.model;
    let mut styles: Vec<EnvelopeFormat> = model
        .codes
        .iter()
        .map(|c| model.envelope.with_style(c.envelope))
        .collect();
    styles.sort_by_key(|f| f.style.as_str());
    styles.dedup();
    let mut cases = Vec::new();
    for code in model.codes.iter().filter(|c| c.kind.is_error()) {
        for &format in &styles {
            cases.push(code_case(model, code, format, Some(RETRY_AFTER_SECS)));
        }
        if matches!(
            model.retry_of(code).strategy,
            RetryStrategy::AfterHeader { .. }
        ) {
            // `Retry-After: 0` (or a date in the past) must not mean "now".
            cases.push(code_case(
                model,
                code,
                model.envelope.with_style(code.envelope),
                Some(0),
            ));
        }
    }
    cases.extend(localized_body_case(model));
    cases.extend(pointer_case(model));
    cases.extend(tiny_hint_cases(model));
    cases.extend(retry_after_form_cases(model));
    cases.extend(hostile_body_cases(model));
    cases.extend(case_folding_cases(model));
    cases.extend(class_cases(model));
    cases.extend(unknown_cases(model));
    for case in &mut cases {
        let labels = telemetry(model, &case["expect"]);
        case["expect"]["telemetry"] = labels;
    }
    let document = json!({
        "@generated": super::generated_header(cx.command),
        "catalog": model.meta.name,
        "about": "Each case is an HTTP error response and what a client of this catalog must make of it: \
                  the code (null when unknown), the SDK class, fault and retryability, the message, the \
                  request id and Retry-After, the least and most delay before each retry (`stop` once \
                  the client must give up), and the body the client must write back for the error it parsed. \
                  Each template case is a message template, its params, the CLDR plural rules of its \
                  locale, and the message a client must render from them. Each plural case is a locale's \
                  rules, a number as a message shows it, and its CLDR category. Each localized case is a \
                  code's error made from its params, and its title and message in the locale a tag names \
                  (`locale`: the locale the message is in, after fallbacks). Each negotiation case is an \
                  `Accept-Language` header and the locale a client or server answers it in.",
        "cases": cases,
        "templates": template_cases(model),
        "plurals": plural_cases(model),
        "localized": localized_cases(model),
        "negotiation": negotiation_cases(model),
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Templates and params with what errcat-runtime renders for them: every
/// code's own template with its example params, then the edges (escapes,
/// missing params, lone and unclosed braces, values of every JSON type),
/// so the three runtimes fill messages alike, malformed input included.
fn template_cases(model: &Model) -> Vec<Value> {
    let mut inputs: Vec<(String, Map<String, Value>)> = model
        .codes
        .iter()
        .filter(|c| !c.params.is_empty())
        .map(|c| (c.message.clone(), example_body(model, c).details))
        .collect();
    let edges = json!([
        ["No placeholders.", {}],
        ["{a}{b} and {a}", {"a": "1", "b": 2}],
        ["Escaped {{braces}} and }}{{ and {x}", {"x": "y"}],
        ["Missing {absent} stays", {}],
        ["Lone { brace, lone } brace", {}],
        ["Unclosed {name", {"name": "x"}],
        ["Empty {} placeholder", {"": "x"}],
        ["Nested {{{a}}} and {a{b}", {"a": "x", "b": "y"}],
        ["Types: {s} {i} {f} {w} {t} {n} {o} {l}", {
            "s": "text", "i": -3, "f": 2.5, "w": 3.0, "t": true, "n": null,
            "o": {"k": [1, "two"]}, "l": [true, null]
        }],
        ["A value is not expanded again: {v}", {"v": "{v} {{"}],
        ["Names are any text: { spaced } {caf\u{e9}} {0}", {" spaced ": "a", "caf\u{e9}": "b", "0": "c"}],
        ["Unicode \u{2615} {name} \u{1f600}", {"name": "na\u{ef}ve \u{1f600}"}],
        ["{n, plural, =0 {none} one {# item} other {# items}}", {"n": 0}],
        ["{n, plural, =0 {none} one {# item} other {# items}}", {"n": 1}],
        ["{n, plural, =0 {none} one {# item} other {# items}}", {"n": 2.5}],
        ["{n, plural, one {# item} other {# items}}", {"n": -1}],
        ["{n, plural, one {# item} other {# items}}", {"n": "many"}],
        ["{n, plural, one {# item} other {# items}}", {}],
        ["{n,plural,one{#}other{## #}}", {"n": 7}],
        ["{who, select, admin {{n, plural, one {# seat} other {# seats}} for {who}} other {nothing}}", {"who": "admin", "n": 1}],
        ["{who, select, admin {x} other {{who} {{y}}", {"who": "guest"}],
        ["{who, select, admin {x}} {n}", {"n": 1}],
        ["{n, plural, lots {x} other {y}} {n}", {"n": 1}],
        ["{n, number} and {n}", {"n": 1}],
        ["{a, select, other {{b, select, other {{c, select, other {{d, select, other {{e, select, other {deep}}}}}}}}}}", {}],
        ["{ n , plural , one {a} other {b} }", {"n": 1}],
        ["Wait, then retry {n}.", {"n": 3}],
    ]);
    for edge in edges.as_array().into_iter().flatten() {
        if let (Some(template), Some(params)) = (edge[0].as_str(), edge[1].as_object()) {
            inputs.push((template.to_string(), params.clone()));
        }
    }
    inputs
        .into_iter()
        .map(|(template, params)| {
            let pairs: Vec<(&str, Value)> = params
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            let plurals = &model.locales[0].plurals;
            let rendered = errcat_runtime::render_template(&template, plurals, &pairs);
            json!({ "template": template, "params": params, "plurals": plurals, "expect": rendered })
        })
        .collect()
}

/// Locales whose plural rules the cases always cover besides the catalog's
/// own: every CLDR category, `n` and `i` rules, fractions, and rules on
/// `v`, `f` and `t`.
const PLURAL_LOCALES: &[&str] = &[
    "ar", "cy", "fr", "lv", "pl", "ru", "sl", "pt-PT", "is", "en",
];

/// Numbers and the CLDR category each locale's rules give them: each
/// category's first samples from CLDR, decimals included, and numbers that
/// are not plain decimals (`other` everywhere).
fn plural_cases(model: &Model) -> Vec<Value> {
    let mut tags: Vec<&str> = PLURAL_LOCALES.to_vec();
    for locale in &model.locales {
        if !tags.contains(&locale.tag.as_str()) {
            tags.push(&locale.tag);
        }
    }
    let samples = crate::l10n::samples();
    let mut cases = Vec::new();
    for tag in tags {
        let Some(rules) = crate::l10n::plural_rules(tag) else {
            continue;
        };
        let Some((_, _, by_category)) = samples.iter().find(|(t, ..)| *t == rules.cldr_locale)
        else {
            continue;
        };
        let mut numbers: Vec<String> = by_category
            .iter()
            .flat_map(|(_, numbers)| {
                let (decimals, integers): (Vec<&String>, Vec<&String>) =
                    numbers.iter().partition(|n| n.contains('.'));
                integers
                    .into_iter()
                    .take(6)
                    .chain(decimals.into_iter().take(3))
                    .cloned()
            })
            .collect();
        numbers.extend(["-2", "1e3", "x", "", "007"].map(String::from));
        for number in numbers {
            let category = errcat_runtime::plural::category(&rules.rules, &number);
            cases.push(json!({ "locale": tag, "rules": rules.rules, "number": number, "expect": category.as_str() }));
        }
    }
    cases
}

/// Each code's error made from its example params, said in each locale of
/// the catalog, in a child of it (`fr-x-demo` falls back to `fr`), and in
/// a locale the catalog lacks: the title and message a client gives, and
/// the locale the message is in.
fn localized_cases(model: &Model) -> Vec<Value> {
    use crate::model::Text;
    if model.locales.len() < 2 {
        return Vec::new();
    }
    let tags: Vec<&str> = model.locales.iter().map(|l| l.tag.as_str()).collect();
    let mut requests: Vec<String> = tags[1..].iter().map(|t| t.to_string()).collect();
    requests.push(format!("{}-x-demo", tags[1]));
    requests.push("zz".to_string());
    let mut cases = Vec::new();
    for (index, code) in model.codes.iter().enumerate() {
        let params = example_body(model, code).details;
        let pairs: Vec<(&str, Value)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        for request in &requests {
            let locale = errcat_runtime::locale::find_in(&tags, request);
            let (title, message, said_in) = match locale {
                None => (code.title.clone(), model.example_message(code), 0),
                Some(locale) => {
                    let title = model
                        .localized(index, locale, Text::Title)
                        .map_or(code.title.as_str(), |(_, t)| t);
                    let (at, template) = model
                        .localized(index, locale, Text::Message)
                        .unwrap_or((0, code.message.as_str()));
                    let plurals = &model.locales[at].plurals;
                    (
                        title.to_string(),
                        errcat_runtime::render_template(template, plurals, &pairs),
                        at,
                    )
                }
            };
            cases.push(json!({
                "code": code.wire_name,
                "params": params,
                "request": request,
                "expect": { "locale": tags[said_in], "title": title, "message": message },
            }));
        }
    }
    cases
}

/// `Accept-Language` headers and the locale they are answered in, as
/// errcat-runtime negotiates: each tag alone, in a child, behind a locale
/// the catalog lacks, refused (`q=0`), by quality, and malformed headers.
fn negotiation_cases(model: &Model) -> Vec<Value> {
    let tags: Vec<&str> = model.locales.iter().map(|l| l.tag.as_str()).collect();
    let last = tags[tags.len() - 1];
    let mut headers: Vec<String> = Vec::new();
    for tag in &tags {
        headers.extend([
            tag.to_string(),
            tag.to_uppercase(),
            format!("{tag}-ZZ"),
            format!("zz, {tag};q=0.5"),
            format!("{tag};q=0, zz"),
            format!("zz;q=0.9, {tag};q=0.95"),
        ]);
    }
    headers.extend(
        [
            "",
            "*",
            "zz",
            "zz, *;q=0.1",
            "zz;q=1.5",
            ";;,",
            "en-US-x-twain",
            "\u{e9}t\u{e9}",
        ]
        .map(String::from),
    );
    headers.push(format!("{}, {last};q=0.5000", tags[0]));
    headers.push(format!("{}, {last};q=0.500", tags[0]));
    headers.push(format!("{last};q=0.001, {};q=0", tags[0]));
    headers.push(format!("{}{last}", "zz, ".repeat(40)));
    headers
        .into_iter()
        .map(|header| {
            let chosen = errcat_runtime::locale::negotiate_in(&tags, &header);
            json!({ "accept_language": header, "expect": tags[chosen] })
        })
        .collect()
}

/// A Google body with a `LocalizedMessage` beside its developer message:
/// the client keeps both, and writes the localized one back (as the
/// message where the catalog's envelope has one message).
fn localized_body_case(model: &Model) -> Option<Value> {
    let code = model.codes.iter().find(|c| c.kind.is_error())?;
    let google = model
        .envelope
        .with_style(errcat_runtime::EnvelopeStyle::Google);
    let mut case = code_case(model, code, google, None);
    let localized = errcat_runtime::LocalizedText {
        locale: "fr-CA".into(),
        message: "Un message pour les utilisateurs, {pas un gabarit}.".into(),
        title: None,
    };
    let mut body = example_body(model, code);
    // As the case without a wait it is built on.
    body.retry_after = None;
    body.localized = Some(localized.clone());
    case["name"] = json!(format!("{} (google, LocalizedMessage)", code.wire_name));
    case["response"]["body"] = json!(body.to_json(google).to_string());
    case["expect"]["localized"] =
        json!({ "locale": localized.locale, "message": localized.message });
    if !case["expect"]["body"].is_null() {
        case["expect"]["body"] = body.to_json(model.envelope.with_style(code.envelope));
    }
    Some(case)
}

/// A JSON:API body whose error names its field with `source.pointer`:
/// read back as the param, and written back as a pointer again where the
/// code's own envelope is JSON:API (the first such code, else the first
/// error code).
fn pointer_case(model: &Model) -> Option<Value> {
    let errors = || model.codes.iter().filter(|c| c.kind.is_error());
    let code = errors()
        .find(|c| c.envelope == errcat_runtime::EnvelopeStyle::JsonApi)
        .or_else(|| errors().next())?;
    let jsonapi = model
        .envelope
        .with_style(errcat_runtime::EnvelopeStyle::JsonApi);
    let mut case = code_case(model, code, jsonapi, None);
    let mut body = example_body(model, code);
    body.retry_after = None;
    body.param = Some("/data/attributes/title".into());
    case["name"] = json!(format!("{} (jsonapi, source.pointer)", code.wire_name));
    case["response"]["body"] = json!(body.to_json(jsonapi).to_string());
    case["expect"]["body"] = body.to_json(model.envelope.with_style(code.envelope));
    Some(case)
}

/// A code's example response in `format`, with a `Retry-After` of
/// `retry_after` seconds where its policy honours one.
fn code_case(
    model: &Model,
    code: &Code,
    format: EnvelopeFormat,
    retry_after: Option<u64>,
) -> Value {
    let policy = model.retry_of(code).strategy.to_runtime();
    let honours = matches!(policy, RetryPolicy::AfterHeader { .. });
    let retry_after = retry_after.filter(|_| honours).map(Duration::from_secs);
    let mut body = example_body(model, code);
    body.retry_after = retry_after;
    // What a client keeps of the message (and so writes back).
    let kept: String = body
        .message
        .chars()
        .take(errcat_runtime::MAX_MESSAGE_CHARS)
        .collect();
    // The header the catalog promises, if any; the body carries the id too.
    let mut headers: Vec<Value> = model
        .meta
        .request_id_header
        .iter()
        .map(|h| json!([h, EXAMPLE_REQUEST_ID]))
        .collect();
    if let Some(wait) = retry_after {
        headers.push(json!(["Retry-After", wait.as_secs().to_string()]));
    }
    // What a client writes back for the error it parsed: the catalog's own
    // envelope for this code, whatever shape the response had.
    let sent = body.to_json(format).to_string();
    body.message = kept;
    let written = body.to_json(model.envelope.with_style(code.envelope));
    let name = match retry_after {
        Some(wait) if wait.is_zero() => format!("{} (Retry-After: 0)", code.wire_name),
        _ => format!("{} ({})", code.wire_name, format.style.as_str()),
    };
    let mut case = json!({
        "name": name,
        "response": {
            "status": code.status,
            "headers": headers,
            "body": sent,
        },
        "expect": {
            "code": code.wire_name,
            "class": code.facts.sdk_exception,
            "fault": code.fault.as_str(),
            "status": code.status,
            "retryable": policy.is_retryable(),
            "message": body.message,
            "request_id": EXAMPLE_REQUEST_ID,
            "retry_after_ms": retry_after.map(super::millis),
            "retry": delays(&policy, retry_after),
            "body": written,
        },
    });
    advice(&mut case["expect"], model.retry_of(code));
    case
}

/// What a policy adds to the advice, stated only where it applies: the
/// whole operation is what to retry, or only idempotent requests are
/// retried (the listed delays are then those of an idempotent request).
fn advice(expect: &mut Value, policy: &crate::model::RetryPolicy) {
    if let RetryStrategy::Operation(_) = policy.strategy {
        expect["operation"] = json!(true);
    }
    if policy.idempotent_only {
        expect["idempotent_only"] = json!(true);
    }
}

/// The first error whose policy honours `Retry-After`, for the cases about
/// retry hints.
fn honouring_retry_after(model: &Model) -> Option<&Code> {
    model.codes.iter().find(|c| {
        c.kind.is_error()
            && matches!(
                model.retry_of(c).strategy,
                RetryStrategy::AfterHeader { .. }
            )
    })
}

/// The object of a body that holds its code: the envelope's wrapper
/// (`error`, `detail`), or the body itself.
fn code_holder(body: &mut Value) -> &mut Value {
    match ["error", "detail"]
        .into_iter()
        .find(|w| body.get(w).is_some_and(Value::is_object))
    {
        Some(w) => &mut body[w],
        None => body,
    }
}

/// A retry hint in the body below a millisecond (`"retry_after": 1e-9`)
/// counts as zero, as `Retry-After: 0` does: the policy's backoff, never a
/// retry at once. One case, for the first code whose policy honours hints.
fn tiny_hint_cases(model: &Model) -> Vec<Value> {
    let Some(code) = honouring_retry_after(model) else {
        return Vec::new();
    };
    let format = model.envelope.with_style(code.envelope);
    let mut case = code_case(model, code, format, Some(0));
    let mut body: Value =
        serde_json::from_str(case["response"]["body"].as_str().unwrap_or("{}")).unwrap_or_default();
    let holder = code_holder(&mut body);
    let Some(object) = holder.as_object_mut() else {
        return Vec::new();
    };
    object.retain(|k, _| !k.to_ascii_lowercase().starts_with("retry"));
    object.insert("retry_after".into(), json!(1e-9));
    case["name"] = json!(format!(
        "{} with a sub-millisecond retry hint",
        code.wire_name
    ));
    case["response"]["headers"] = json!([]);
    case["response"]["body"] = json!(body.to_string());
    if let Some(expect) = case["expect"].as_object_mut() {
        expect.remove("body");
    }
    vec![case]
}

/// `Retry-After` dates in exactly the forms RFC 9110 requires recipients to
/// accept (IMF-fixdate, RFC 850, asctime; past, so they mean "now" and the
/// policy's backoff applies), and near misses every client must ignore: a
/// day that does not exist, a wrong weekday, lower case, a numeric zone.
fn retry_after_form_cases(model: &Model) -> Vec<Value> {
    let Some(code) = honouring_retry_after(model) else {
        return Vec::new();
    };
    let policy = model.retry_of(code).strategy.to_runtime();
    let plain = code_case(model, code, model.envelope.with_style(code.envelope), None);
    let forms = [
        ("Sun, 06 Nov 1994 08:49:37 GMT", true),
        ("Sunday, 06-Nov-94 08:49:37 GMT", true),
        ("Sun Nov  6 08:49:37 1994", true),
        ("Wed, 31 Feb 2015 07:28:00 GMT", false),
        ("Mon, 06 Nov 1994 08:49:37 GMT", false),
        ("sun, 06 nov 1994 08:49:37 gmt", false),
        ("06 Nov 1994 08:49:37 +0000", false),
    ];
    forms
        .into_iter()
        .map(|(date, accepted)| {
            let mut case = plain.clone();
            case["name"] = json!(format!(
                "{} with Retry-After: {date} ({})",
                code.wire_name,
                if accepted {
                    "an HTTP date"
                } else {
                    "not an HTTP date"
                }
            ));
            if let Some(headers) = case["response"]["headers"].as_array_mut() {
                headers.push(json!(["Retry-After", date]));
            }
            let wait = accepted.then_some(Duration::ZERO);
            case["expect"]["retry_after_ms"] = json!(wait.map(super::millis));
            case["expect"]["retry"] = json!(delays(&policy, wait));
            if let Some(expect) = case["expect"].as_object_mut() {
                expect.remove("body");
            }
            case
        })
        .collect()
}

/// Bodies JSON parsers disagree on, around a readable code: every client
/// must keep the code (errcat-runtime's `mend` says how). A number too
/// large for a double, 5,000 digits, a lone surrogate escape, `NaN`,
/// nesting 2,000 deep, a byte-order mark before the JSON; and a numeric
/// code written as `17000.0`.
fn hostile_body_cases(model: &Model) -> Vec<Value> {
    let Some(code) = model.codes.iter().find(|c| c.kind.is_error()) else {
        return Vec::new();
    };
    let plain = code_case(model, code, model.envelope.with_style(code.envelope), None);
    let body = plain["response"]["body"]
        .as_str()
        .unwrap_or("{}")
        .to_string();
    let mut shapes: Vec<(&str, String)> = Vec::new();
    let deep = format!("{}1{}", "[".repeat(2000), "]".repeat(2000));
    let hostile = [
        ("a number too large for a double", "1e400".to_string()),
        ("a number of 5,000 digits", "7".repeat(5000)),
        ("a lone surrogate escape", "\"\\ud800 alone\"".to_string()),
        ("a NaN literal", "NaN".to_string()),
        ("nesting 2,000 deep", deep),
    ];
    // Each hostile value beside the code, as an extra member of the object
    // that holds it (read by no client, so only the code's survival counts).
    if let Some(at) = body.find("\"message\"") {
        for (what, value) in hostile {
            shapes.push((
                what,
                format!("{}\"x_extra\":{value},{}", &body[..at], &body[at..]),
            ));
        }
    }
    shapes.push((
        "a byte-order mark before the JSON",
        format!("\u{feff}{body}"),
    ));
    let mut cases: Vec<Value> = shapes
        .into_iter()
        .map(|(what, text)| {
            let mut case = plain.clone();
            case["name"] = json!(format!("{} in a body with {what}", code.wire_name));
            case["response"]["body"] = json!(text);
            if let Some(expect) = case["expect"].as_object_mut() {
                expect.remove("body");
            }
            case
        })
        .collect();
    if let Some(numeric) = code.numeric {
        let needle = format!(
            "\"code\":{}",
            serde_json::to_string(&code.wire_name).unwrap_or_default()
        );
        if body.contains(&needle) {
            let mut case = plain.clone();
            case["name"] = json!(format!(
                "{} as the numeric code {numeric}.0",
                code.wire_name
            ));
            case["response"]["body"] =
                json!(body.replacen(&needle, &format!("\"code\":{numeric}.0"), 1));
            case["expect"]["wire_code"] = json!(numeric.to_string());
            if let Some(expect) = case["expect"].as_object_mut() {
                expect.remove("body");
            }
            cases.push(case);
        }
    }
    cases
}

/// For a catalog whose lookups ignore case: the first error's code sent in
/// the other case still finds it.
fn case_folding_cases(model: &Model) -> Vec<Value> {
    if !model.meta.case_insensitive {
        return Vec::new();
    }
    let Some(code) = model
        .codes
        .iter()
        .find(|c| c.kind.is_error() && c.wire_name.bytes().any(|b| b.is_ascii_alphabetic()))
    else {
        return Vec::new();
    };
    let swapped: String = code
        .wire_name
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let format = model.envelope.with_style(code.envelope);
    let mut case = code_case(model, code, format, None);
    let mut body: Value =
        serde_json::from_str(case["response"]["body"].as_str().unwrap_or("{}")).unwrap_or_default();
    // The code sits in the envelope's wrapper (`error`, `detail`) or at the top.
    let holder = code_holder(&mut body);
    if holder.get("code").is_some() {
        holder["code"] = json!(swapped);
    }
    case["name"] = json!(format!("{swapped} (case ignored)"));
    case["response"]["body"] = json!(body.to_string());
    case["expect"]["wire_code"] = json!(swapped);
    // What is written back is the error as parsed, with its own wire code.
    if let Some(obj) = case["expect"].as_object_mut() {
        obj.remove("body");
    }
    vec![case]
}

/// An identity the catalog does not list, in each prefix class: the client
/// reads it as the class's generic code (its class, fault and retry
/// advice), and keeps the identity it received.
fn class_cases(model: &Model) -> Vec<Value> {
    let mut cases = Vec::new();
    for (prefix, generic) in model.classes() {
        let code = &model.codes[generic];
        let width = code.wire_name.len().max(prefix.len() + 1);
        let Some(identity) = ['Z', '9', 'Y', '8']
            .iter()
            .map(|fill| format!("{prefix}{}", fill.to_string().repeat(width - prefix.len())))
            .find(|id| {
                model
                    .resolve(id)
                    .is_some_and(|c| c.wire_name == code.wire_name)
                    && !model.codes.iter().any(|c| &c.wire_name == id)
            })
        else {
            continue;
        };
        // A catalog whose lookups ignore case classes `hv999` as `HV999`.
        let lower = identity.to_ascii_lowercase();
        let folded = (model.meta.case_insensitive && lower != identity)
            .then_some(lower)
            .filter(|id| {
                model
                    .resolve(id)
                    .is_some_and(|c| c.wire_name == code.wire_name)
            });
        // A string with the class's prefix that cannot be an identity (too
        // long, or not a token) has no class.
        let not_identity = model.meta.identity_pattern.as_ref().and_then(|_| {
            [
                format!("{identity}X"),
                format!("{identity}-"),
                format!("{identity}{identity}"),
            ]
            .into_iter()
            .find(|id| model.resolve(id).is_none())
        });
        for identity in std::iter::once(identity).chain(folded) {
            cases.push(class_case(model, prefix, code, identity));
        }
        cases.extend(not_identity.map(|id| not_identity_case(model, prefix, code, id)));
    }
    cases
}

/// The case of a string that starts with the class `prefix` but cannot be
/// an identity: the client reads it as an unknown code at `code`'s status.
fn not_identity_case(
    model: &Model,
    prefix: &str,
    code: &crate::model::Code,
    wire: String,
) -> Value {
    let status = code.status;
    let policy = RetryPolicy::for_status(status);
    let body = errcat_runtime::ErrorBody {
        code: wire.clone(),
        message: "A string that no identity of the catalog can be.".into(),
        status,
        error_type: None,
        title: None,
        param: None,
        request_id: None,
        retry_after: None,
        docs_url: None,
        details: Default::default(),
        grpc: None,
        domain: None,
        localized: None,
    };
    let format = model.envelope.with_style(code.envelope);
    json!({
        "name": format!("{wire}, not an identity, not in class {prefix}"),
        "response": { "status": status, "headers": [], "body": body.to_json(format).to_string() },
        "expect": {
            "code": Value::Null,
            "wire_code": wire,
            "status": status,
            "retryable": policy.is_retryable(),
            "message": body.message,
            "request_id": Value::Null,
            "retry_after_ms": Value::Null,
            "retry": delays(&policy, None),
        },
    })
}

/// The case of `identity`, which the catalog reads as `code`, the generic
/// code of the class `prefix`.
fn class_case(model: &Model, prefix: &str, code: &crate::model::Code, identity: String) -> Value {
    {
        let policy = model.retry_of(code).strategy.to_runtime();
        let body = errcat_runtime::ErrorBody {
            code: identity.clone(),
            message: "A code of this class that the catalog does not list.".into(),
            status: code.status,
            error_type: None,
            title: None,
            param: None,
            request_id: None,
            retry_after: None,
            docs_url: None,
            details: Default::default(),
            grpc: Some(code.grpc),
            domain: model.meta.domain.clone(),
            localized: None,
        };
        let format = model.envelope.with_style(code.envelope);
        let mut case = json!({
            "name": format!("{identity}, unknown, in class {prefix}"),
            "response": { "status": code.status, "headers": [], "body": body.to_json(format).to_string() },
            "expect": {
                "code": code.wire_name,
                "wire_code": identity,
                "class": code.facts.sdk_exception,
                "fault": code.fault.as_str(),
                "status": code.status,
                "retryable": policy.is_retryable(),
                "message": body.message,
                "request_id": Value::Null,
                "retry_after_ms": Value::Null,
                "retry": delays(&policy, None),
            },
        });
        advice(&mut case["expect"], model.retry_of(code));
        case
    }
}

/// The telemetry labels every client gives the error a case expects, from
/// errcat-runtime's names: `error.type` (the code, or `_OTHER`), then the
/// category (in a catalog with categories), fault and retryability.
fn telemetry(model: &Model, expect: &Value) -> Value {
    use errcat_runtime::telemetry as t;
    let code = expect["code"]
        .as_str()
        .and_then(|wire| model.codes.iter().find(|c| c.wire_name == wire));
    let status = expect["status"]
        .as_u64()
        .and_then(|s| u16::try_from(s).ok())
        .unwrap_or(0);
    let mut labels = serde_json::Map::new();
    labels.insert(
        t::ERROR_TYPE.into(),
        json!(code.map_or(t::OTHER_ERROR_TYPE, |c| c.wire_name.as_str())),
    );
    if let Some(code) = code.filter(|_| model.meta.categorized) {
        labels.insert(t::CATEGORY.into(), json!(model.category_of(code).id));
    }
    let fault = code.map_or_else(|| errcat_runtime::Fault::of_status(status), |c| c.fault);
    labels.insert(t::FAULT.into(), json!(fault.as_str()));
    labels.insert(t::RETRYABLE.into(), expect["retryable"].clone());
    Value::Object(labels)
}

/// Responses whose code the catalog does not have: retry advice then
/// follows the HTTP status alone; a body that is not JSON keeps its text.
fn unknown_cases(model: &Model) -> Vec<Value> {
    let mut cases = Vec::new();
    let format = model.envelope;
    for (status, retry_after) in [(503u16, Some(RETRY_AFTER_SECS)), (400, None)] {
        let policy = RetryPolicy::for_status(status);
        let retry_after = retry_after.map(Duration::from_secs);
        let body = errcat_runtime::ErrorBody {
            code: UNKNOWN_CODE.into(),
            message: "Something this catalog has no code for.".into(),
            status,
            error_type: None,
            title: None,
            param: None,
            request_id: None,
            retry_after: None,
            docs_url: None,
            details: Default::default(),
            grpc: None,
            domain: None,
            localized: None,
        };
        let mut headers = Vec::new();
        if let Some(wait) = retry_after {
            headers.push(json!(["Retry-After", wait.as_secs().to_string()]));
        }
        cases.push(json!({
            "name": format!("unknown code at HTTP {status}"),
            "response": { "status": status, "headers": headers, "body": body.to_json(format).to_string() },
            "expect": {
                "code": Value::Null,
                "wire_code": UNKNOWN_CODE,
                "status": status,
                "retryable": policy.is_retryable(),
                "message": body.message,
                "request_id": Value::Null,
                "retry_after_ms": retry_after.map(super::millis),
                "retry": delays(&policy, retry_after),
            },
        }));
    }
    let policy = RetryPolicy::for_status(502);
    cases.push(json!({
        "name": "not JSON at HTTP 502",
        "response": { "status": 502, "headers": [], "body": "<html>bad gateway</html>" },
        "expect": {
            "code": Value::Null,
            "status": 502,
            "retryable": policy.is_retryable(),
            "message": "<html>bad gateway</html>",
            "request_id": Value::Null,
            "retry_after_ms": Value::Null,
            "retry": delays(&policy, None),
        },
    }));
    cases
}

/// The most failed attempts a case lists delays for; past a few, backoff
/// only repeats its cap.
const ATTEMPTS_LISTED: u32 = 12;

/// The delay bounds after each failed attempt, from the first, ending with
/// a `stop` where the client must stop (within the first
/// [`ATTEMPTS_LISTED`]).
fn delays(policy: &RetryPolicy, retry_after: Option<Duration>) -> Vec<Value> {
    let mut out = Vec::new();
    for attempt in 1..=ATTEMPTS_LISTED {
        match policy.delay_bounds(attempt, retry_after) {
            Some((least, most)) => out.push(json!({
                "attempt": attempt,
                "min_ms": least.as_secs_f64() * 1000.0,
                "max_ms": most.as_secs_f64() * 1000.0,
            })),
            None => {
                out.push(json!({ "attempt": attempt, "stop": true }));
                break;
            }
        }
    }
    out
}
