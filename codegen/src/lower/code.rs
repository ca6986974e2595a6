//! One code of a category file: its identity, its own facts or its
//! category's, its params. What the code says is recorded in its
//! [`CodeSource`] even when it does not lower, so lints see every code.

use super::CodeSource;
use super::category::{CategoryDefaults, allows};
use super::cx::{Cx, FAULTS, GRPC_CODES, MAX_NUMERIC, STYLES, text};
use super::retry::NEVER;
use crate::fields::Facts;
use crate::ident;
use crate::model::{
    Category, Code, EnvelopeStyle, Example, Fault, GrpcCode, Kind, Param, ParamType, RetryPolicy,
};
use crate::problem as diag;
use crate::raw::{Entry, RawCode, Str};
use crate::source::FileId;

/// The category a code is lowered in, with what it inherits.
pub(super) struct InCategory<'a> {
    pub index: usize,
    pub category: &'a Category,
    pub defaults: &'a CategoryDefaults,
    pub policies: &'a [RetryPolicy],
    pub policy_names: &'a [&'a str],
}

/// Lowers one code entry: its source always, the code if it is valid.
pub(super) fn lower_code(
    cx: &mut Cx<'_>,
    file: FileId,
    entry: &Entry<RawCode>,
    within: &InCategory<'_>,
) -> (CodeSource, Option<Code>) {
    let raw = &entry.body;
    let name = entry.key.get_ref().clone();
    let what = format!("code `{name}`");
    let key = entry.key.span();
    // An all-digit identity (`22000`) is an identity, not a number.
    let numeric_only = cx.identity_pattern.is_none() && ident::is_numeric_name(&name);
    let pattern = cx.identity_pattern.as_ref().map(|p| p.as_str().to_string());
    let snake_ok = match pattern {
        Some(pattern) => check_identity(cx, file, &entry.key, &pattern),
        None => {
            let ok = numeric_only || ident::is_snake_case(&name);
            if !ok {
                cx.push(diag::code_key_not_snake_case(file, key.clone(), &name));
            }
            ok
        }
    };
    let condition = raw.name.as_ref().and_then(|n| {
        let ok = cx.check_snake(file, n, "the name of a code");
        ok.then(|| n.get_ref().clone())
    });
    let identifier = raw.identifier.as_ref().and_then(|n| {
        let ok = cx.check_snake(file, n, "a code's identifier");
        ok.then(|| n.get_ref().clone())
    });
    let shared_name = match &raw.shared_name {
        Some(shared) if *shared.get_ref() && raw.name.is_none() => {
            cx.push(diag::invalid_value_because(
                file,
                shared.span(),
                "shared_name",
                "the code has no `name` to share: write the name it shares too",
            ));
            false
        }
        shared => shared.as_ref().is_some_and(|s| *s.get_ref()),
    };
    let wire = if cx.identity_pattern.is_some() {
        name.clone()
    } else {
        wire_name(&name, cx.upper_wire_names)
    };
    let (identity_numeric, numeric) = numeric(cx, file, entry, numeric_only);
    let (category, defaults) = (within.category, within.defaults);

    let kind = match &raw.kind {
        Some(k) => cx.kind(file, &raw.kind).map(|v| (v, Some(k.span()))),
        None => Some((defaults.kind, None)),
    };
    cx.fault_said |= raw.fault.is_some();
    let fault = match &raw.fault {
        Some(f) => cx
            .choice(file, &raw.fault, "fault", FAULTS)
            .map(|i| (Fault::ALL[i], Some(f.span()))),
        None => Some((category.fault, None)),
    };
    let status = match (&raw.status, &defaults.status) {
        // No HTTP: status 0, which no emitter shows (`Meta::http`).
        (Some(s), _) if !cx.http => {
            cx.push(diag::http_in_non_http_catalog(file, s.span(), "`status`"));
            Some((0, None))
        }
        _ if !cx.http => Some((0, None)),
        (Some(s), _) => cx.status(file, s).map(|v| (v, Some(s.span()))),
        (None, Some((s, _))) => Some((*s, None)),
        (None, None) => {
            if !entry.is_broken("status") {
                cx.missing_status.push((file, key.clone(), what.clone()));
            }
            None
        }
    };
    // Without a category, a code's fault follows its status.
    let fault = match (fault, &status) {
        (Some((_, None)), Some((status, _))) if category.implicit => {
            Some((Fault::of_status(*status), None))
        }
        (fault, _) => fault,
    };
    if let (false, Some(e)) = (cx.http, &raw.envelope) {
        cx.push(diag::http_in_non_http_catalog(file, e.span(), "`envelope`"));
    }
    let envelope = match &raw.envelope {
        Some(_) if !cx.http => Some(cx.catalog_style),
        Some(_) => cx
            .choice(file, &raw.envelope, "envelope", STYLES)
            .map(|s| EnvelopeStyle::ALL[s]),
        None => Some(category.envelope.unwrap_or(cx.catalog_style)),
    };
    cx.grpc_named |= raw.grpc.is_some();
    // `Some(None)`: named, but not a gRPC code (reported).
    let own_grpc = raw.grpc.as_ref().map(|_| {
        cx.choice(file, &raw.grpc, "grpc", GRPC_CODES)
            .map(|n| GrpcCode::ALL[n])
    });
    let facts = Facts::lower(&raw.facts, &defaults.facts, &mut |p| {
        cx.fact_problem(file, p)
    });
    let title = cx.required_str(file, entry, &raw.title, "title", &what);
    let message = cx.required_str(file, entry, &raw.message, "message", &what);
    let params = lower_params(cx, file, raw);
    let retry = match &raw.retry {
        Some(r) => cx
            .policy(file, r, within.policy_names)
            .map(|p| (p, Some(r.span()))),
        None => match &defaults.retry {
            Some((p, _)) => Some((*p, None)),
            None => within
                .policies
                .iter()
                .position(|p| p.name == NEVER)
                .map(|p| (p, None)),
        },
    };
    let exit_code = match (&raw.exit_code, &defaults.exit_code) {
        (Some(e), _) => cx.exit_code(file, e).map(|v| (v, Some(e.span()))),
        (None, Some((v, _))) => Some((*v, None)),
        (None, None) => Some((
            u8::from(kind.as_ref().is_some_and(|(k, _)| k.is_error())),
            None,
        )),
    };

    let own_allow = allows(cx, file, &raw.allow);
    let source = CodeSource {
        file,
        key: key.clone(),
        entry: entry.extent.clone(),
        wire_name: wire,
        condition: condition.clone(),
        shared_name,
        identifier: identifier.clone(),
        name: name.clone(),
        category: within.index,
        identity_numeric,
        numeric: numeric.clone(),
        numeric_span: raw.numeric.as_ref().map(|n| n.span()),
        status: status.clone(),
        fault: fault.clone(),
        kind: kind.clone(),
        retry: retry.clone(),
        exit_code: exit_code.clone(),
        message: raw
            .message
            .as_ref()
            .map(|m| (m.get_ref().clone(), m.span())),
        params: params.as_ref().map(|_| {
            let declared = raw.params.iter().flat_map(|p| p.get_ref().keys());
            declared.map(|k| (k.get_ref().clone(), k.span())).collect()
        }),
        deprecated: raw.deprecated.is_some(),
        replaced_by: raw
            .replaced_by
            .as_ref()
            .map(|r| (r.get_ref().clone(), r.span())),
        aliases: raw
            .aliases
            .iter()
            .flatten()
            .map(|a| (a.get_ref().clone(), a.span()))
            .collect(),
        lowered: None,
        allow: within
            .defaults
            .allow
            .iter()
            .copied()
            .chain(own_allow.iter().map(|(code, _)| *code))
            .collect(),
        own_allow,
    };
    let code = (|| {
        snake_ok.then_some(())?;
        let status = status?;
        let kind = kind?;
        let grpc = match own_grpc {
            Some(own) => own?,
            None => category.grpc.unwrap_or_else(|| match (kind.0, cx.http) {
                (Kind::Success, _) => GrpcCode::Ok,
                (_, true) => GrpcCode::from_http_status(status.0),
                (_, false) => GrpcCode::Unknown,
            }),
        };
        Some(Code {
            wire_name: source.wire_name.clone(),
            fault: fault?.0,
            envelope: envelope?,
            grpc,
            numeric: numeric.map(|(n, _)| n),
            status: status.0,
            kind: kind.0,
            category: within.index,
            title: title?,
            message: message?,
            params: params?,
            description: text(&raw.description),
            solution: text(&raw.solution),
            retry: retry?.0,
            exit_code: exit_code?.0,
            facts: facts?,
            deprecated: text(&raw.deprecated),
            replaced_by: None,
            aliases: source.aliases.iter().map(|(a, _)| a.clone()).collect(),
            replaces: Vec::new(),
            docs_url: String::new(),
            history: Default::default(),
            condition,
            shared_name,
            identifier,
            name,
        })
    })();
    (source, code)
}

/// The number duplicates are checked on, and the valid numeric code
/// with the span to blame for it.
#[allow(clippy::type_complexity)]
fn numeric(
    cx: &mut Cx<'_>,
    file: FileId,
    entry: &Entry<RawCode>,
    numeric_only: bool,
) -> (Option<u32>, Option<(u32, std::ops::Range<usize>)>) {
    let raw = &entry.body;
    let key_numeric = if numeric_only {
        numeric_name(cx, file, &entry.key)
    } else {
        None
    };
    if let (Some(value), Some(n)) = (key_numeric, &raw.numeric)
        && i64::from(value) != *n.get_ref()
    {
        cx.push(diag::invalid_value_because(
            file,
            n.span(),
            "numeric",
            "a numeric-only code's number is its table name",
        ));
    }
    let identity = key_numeric.or_else(|| {
        raw.numeric
            .as_ref()
            .and_then(|n| u32::try_from(*n.get_ref()).ok())
            .filter(|&n| n != u32::MAX)
    });
    let numeric = match &raw.numeric {
        None => key_numeric.map(|n| (n, entry.key.span())),
        Some(n) if !(0..=MAX_NUMERIC).contains(n.get_ref()) => {
            let problem = format!("must be between 0 and {MAX_NUMERIC}");
            cx.push(diag::invalid_value_because(
                file,
                n.span(),
                "numeric",
                &problem,
            ));
            None
        }
        Some(n) => Some((*n.get_ref() as u32, n.span())),
    };
    (identity, numeric)
}

fn numeric_name(cx: &mut Cx<'_>, file: FileId, key: &Str) -> Option<u32> {
    match key.get_ref().parse::<u32>() {
        Ok(n) if i64::from(n) <= MAX_NUMERIC => Some(n),
        _ => {
            let problem = format!("a numeric code must be between 0 and {MAX_NUMERIC}");
            cx.push(diag::invalid_value_because(
                file,
                key.span(),
                "code name",
                &problem,
            ));
            None
        }
    }
}

fn lower_params(cx: &mut Cx<'_>, file: FileId, raw: &RawCode) -> Option<Vec<Param>> {
    let Some(params) = &raw.params else {
        return Some(Vec::new());
    };
    let type_names: Vec<&str> = ParamType::ALL.iter().map(|t| t.as_str()).collect();
    let mut out = Vec::new();
    let mut ok = true;
    for (name, ty) in params.get_ref() {
        ok &= cx.check_snake(file, name, "param name");
        match ParamType::from_name(ty.get_ref()) {
            Some(t) => out.push(Param {
                name: name.get_ref().clone(),
                ty: t,
                example: Example::default_for(name.get_ref(), t),
            }),
            None => {
                cx.push(diag::unknown_param_type(
                    file,
                    ty.span(),
                    ty.get_ref(),
                    &type_names,
                ));
                ok = false;
            }
        }
    }
    if let Some(examples) = &raw.example {
        for (name, value) in examples.get_ref() {
            let declared = params
                .get_ref()
                .keys()
                .any(|k| k.get_ref() == name.get_ref());
            let Some(param) = out.iter_mut().find(|p| p.name == *name.get_ref()) else {
                if declared {
                    // Its type was unknown, which is reported already.
                    continue;
                }
                let names: Vec<&str> = params
                    .get_ref()
                    .keys()
                    .map(|k| k.get_ref().as_str())
                    .collect();
                cx.push(diag::invalid_value(
                    file,
                    name.span(),
                    "example",
                    name.get_ref(),
                    &names,
                ));
                ok = false;
                continue;
            };
            match example_value(value.get_ref(), param.ty) {
                Some(example) => param.example = example,
                None => {
                    let message = format!("expected a {} example for `{}`", param.ty, param.name);
                    cx.push(diag::wrong_type(file, value.span(), "example", &message));
                    ok = false;
                }
            }
        }
    }
    ok.then_some(out)
}

/// The name a code goes on the wire with.
pub(super) fn wire_name(name: &str, upper: bool) -> String {
    if upper {
        name.to_ascii_uppercase()
    } else {
        name.to_string()
    }
}

/// A TOML example value checked against a param type.
fn example_value(value: &toml::Value, ty: ParamType) -> Option<Example> {
    let int_range = |v: i64| match ty {
        ParamType::U16 => u16::try_from(v).is_ok(),
        ParamType::U32 => u32::try_from(v).is_ok(),
        ParamType::U64 => v >= 0,
        ParamType::I32 => i32::try_from(v).is_ok(),
        ParamType::I64 => true,
        _ => false,
    };
    match (value, ty) {
        (toml::Value::String(s), ParamType::String) => Some(Example::Text(s.clone())),
        (toml::Value::Integer(i), ParamType::F64) => Some(Example::Float(*i as f64)),
        (toml::Value::Float(f), ParamType::F64) if f.is_finite() => Some(Example::Float(*f)),
        (toml::Value::Boolean(b), ParamType::Bool) => Some(Example::Bool(*b)),
        (toml::Value::Integer(i), _) if int_range(*i) => Some(Example::Integer(*i)),
        _ => None,
    }
}

/// A code key in a catalog with `identity_pattern`: a token of ASCII
/// letters, digits and `_` that matches the pattern (E0055).
fn check_identity(cx: &mut Cx<'_>, file: FileId, key: &crate::raw::Str, pattern: &str) -> bool {
    let identity = key.get_ref();
    let token = errcat_runtime::identity::is_token(identity);
    let ok = token
        && cx
            .identity_pattern
            .as_ref()
            .is_some_and(|p| p.matches(identity));
    if !ok {
        cx.push(diag::identity_mismatch(
            file,
            key.span(),
            identity,
            pattern,
            token,
        ));
    }
    ok
}
