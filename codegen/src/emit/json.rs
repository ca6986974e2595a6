//! Emits the model as JSON, for tools in other languages (SDK generators,
//! dashboards) that want the catalog without parsing TOML.

use serde::Serialize;

use crate::fields::{Field, Group, Value as FieldValue};

use crate::model::{FieldCase, Model, RequestIdPlacement, RetryStrategy};

#[derive(Serialize)]
struct Export<'a> {
    #[serde(rename = "@generated")]
    generated: String,
    catalog: Meta<'a>,
    /// Absent when the catalog has no HTTP.
    #[serde(skip_serializing_if = "Option::is_none")]
    envelope: Option<Envelope>,
    exit_codes: Vec<ExitCode<'a>>,
    retry_policies: Vec<Policy<'a>>,
    categories: Vec<Category<'a>>,
    codes: Vec<Code<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    name: &'a str,
    version: Option<&'a str>,
    description: Option<&'a str>,
    docs_base_url: &'a str,
    /// `false` for a catalog that is not an HTTP API.
    http: bool,
    /// Whether lookups ignore ASCII case.
    case_insensitive: bool,
    /// The service the codes belong to (AIP-193's ErrorInfo `domain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<&'a str>,
}

#[derive(Serialize)]
struct Envelope {
    style: &'static str,
    field_case: &'static str,
    request_id: &'static str,
}

#[derive(Serialize)]
struct ExitCode<'a> {
    code: u8,
    meaning: &'a str,
}

#[derive(Serialize)]
struct Backoff {
    initial_ms: u64,
    factor: f64,
    max_delay_ms: u64,
    jitter: &'static str,
    max_attempts: u32,
}

#[derive(Serialize)]
struct Policy<'a> {
    name: &'a str,
    description: Option<&'a str>,
    strategy: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_wait_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backoff: Option<Backoff>,
    /// Only idempotent requests are retried; left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    idempotent_only: bool,
}

#[derive(Serialize)]
struct Category<'a> {
    id: &'a str,
    title: &'a str,
    description: Option<&'a str>,
    range: Option<[u32; 2]>,
    fault: &'static str,
    #[serde(rename = "type")]
    error_type: &'a str,
    /// A prefix class: what every identity of it starts with.
    #[serde(skip_serializing_if = "Option::is_none")]
    prefix: Option<&'a str>,
    /// The code an unknown identity of the class reads as.
    #[serde(skip_serializing_if = "Option::is_none")]
    generic: Option<&'a str>,
}

#[derive(Serialize)]
struct Param<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    ty: &'static str,
}

#[derive(Serialize)]
struct Code<'a> {
    name: &'a str,
    wire_name: &'a str,
    /// The snake_case name of a code whose identity is not one (`name` in
    /// the catalog of an identity catalog), which lookups accept too.
    #[serde(skip_serializing_if = "Option::is_none")]
    condition_name: Option<&'a str>,
    /// `true` when other codes share its condition name.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    shared_name: bool,
    fault: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    envelope: Option<&'static str>,
    /// The gRPC canonical code, in catalogs that speak gRPC.
    #[serde(skip_serializing_if = "Option::is_none")]
    grpc: Option<&'static str>,
    #[serde(flatten)]
    delivery: Facts<'a>,
    numeric: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    kind: &'static str,
    /// Absent when the catalog has no categories.
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(rename = "type")]
    error_type: &'a str,
    title: &'a str,
    message: &'a str,
    params: Vec<Param<'a>>,
    description: Option<&'a str>,
    solution: Option<&'a str>,
    retry: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exit_code: Option<u8>,
    #[serde(flatten)]
    client_and_history: Facts<'a>,
    deprecated: Option<&'a str>,
    replaced_by: Option<&'a str>,
    aliases: &'a [String],
    docs_url: &'a str,
}

/// The declared facts of `groups`, keyed by their names, serialized as
/// map entries straight from the model (no map built per code).
struct Facts<'a> {
    code: &'a crate::model::Code,
    groups: &'static [Group],
}

impl Serialize for Facts<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for group in self.groups {
            for (i, field) in Field::in_group(*group) {
                match self.code.facts.value(i) {
                    FieldValue::Count(n) => map.serialize_entry(field.key, &n)?,
                    FieldValue::Text(t) => map.serialize_entry(field.key, &t)?,
                }
            }
        }
        map.end()
    }
}

fn backoff(b: &crate::model::Backoff) -> Backoff {
    Backoff {
        initial_ms: super::millis(b.initial),
        factor: b.factor,
        max_delay_ms: super::millis(b.max_delay),
        jitter: b.jitter.as_str(),
        max_attempts: b.max_attempts,
    }
}

/// `catalog.json`.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "json",
        default: true,
        needs_http: false,
        requires: None,
        reserved_pages: &[],
    },
    emit: |cx| {
        let mut files = crate::write::FileSet::new();
        files.insert("catalog.json".into(), emit(cx.model, cx.command));
        files
    },
};

/// The JSON export, pretty-printed with a trailing newline.
fn emit(model: &Model, command: &str) -> String {
    let export = Export {
        generated: super::generated_header(command),
        catalog: Meta {
            name: &model.meta.name,
            version: model.meta.version.as_deref(),
            description: model.meta.description.as_deref(),
            docs_base_url: &model.meta.docs_base_url,
            http: model.meta.http,
            case_insensitive: model.meta.case_insensitive,
            domain: model.meta.domain.as_deref(),
        },
        envelope: model.meta.http.then(|| Envelope {
            style: model.envelope.style.as_str(),
            field_case: if model.envelope.field_case == FieldCase::Camel {
                "camel"
            } else {
                "snake"
            },
            request_id: if model.envelope.request_id == RequestIdPlacement::Outside {
                "outside"
            } else {
                "inside"
            },
        }),
        exit_codes: model
            .exit_codes
            .iter()
            .map(|(code, meaning)| ExitCode {
                code: *code,
                meaning,
            })
            .collect(),
        retry_policies: model
            .retry_policies
            .iter()
            .map(|p| {
                let (max_wait_ms, b) = match &p.strategy {
                    RetryStrategy::Never => (None, None),
                    RetryStrategy::Backoff(b) => (None, Some(backoff(b))),
                    RetryStrategy::AfterHeader { max_wait, fallback } => {
                        (Some(super::millis(*max_wait)), Some(backoff(fallback)))
                    }
                    RetryStrategy::Operation(b) => (None, b.as_ref().map(backoff)),
                };
                let strategy = p.strategy.name();
                Policy {
                    name: &p.name,
                    description: p.description.as_deref(),
                    strategy,
                    max_wait_ms,
                    backoff: b,
                    idempotent_only: p.idempotent_only,
                }
            })
            .collect(),
        // A catalog without categories lists none (its one implicit
        // category is no fact of the catalog).
        categories: model
            .categories
            .iter()
            .filter(|c| !c.implicit)
            .map(|c| Category {
                id: &c.id,
                title: &c.title,
                description: c.description.as_deref(),
                range: c.range.map(|(a, b)| [a, b]),
                fault: c.fault.as_str(),
                error_type: &c.error_type,
                prefix: c.prefix.as_deref(),
                generic: c.generic.map(|g| model.codes[g].wire_name.as_str()),
            })
            .collect(),
        codes: model
            .codes
            .iter()
            .map(|c| Code {
                name: &c.name,
                wire_name: &c.wire_name,
                condition_name: c.condition.as_deref(),
                shared_name: c.shared_name,
                fault: c.fault.as_str(),
                envelope: model.meta.http.then(|| c.envelope.as_str()),
                grpc: model.meta.grpc.then(|| c.grpc.as_str()),
                delivery: Facts {
                    code: c,
                    groups: &[Group::Delivery],
                },
                numeric: c.numeric,
                status: model.meta.http.then_some(c.status),
                kind: c.kind.as_str(),
                category: model
                    .meta
                    .categorized
                    .then(|| model.categories[c.category].id.as_str()),
                error_type: &model.categories[c.category].error_type,
                title: &c.title,
                message: &c.message,
                params: c
                    .params
                    .iter()
                    .map(|p| Param {
                        name: &p.name,
                        ty: p.ty.as_str(),
                    })
                    .collect(),
                description: c.description.as_deref(),
                solution: c.solution.as_deref(),
                retry: &model.retry_policies[c.retry].name,
                exit_code: model.meta.cli.then_some(c.exit_code),
                client_and_history: Facts {
                    code: c,
                    groups: &[Group::Client, Group::History],
                },
                deprecated: c.deprecated.as_deref(),
                replaced_by: c.replaced_by.map(|r| model.codes[r].name.as_str()),
                aliases: &c.aliases,
                docs_url: &c.docs_url,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&export).unwrap_or_default();
    out.push('\n');
    out
}
