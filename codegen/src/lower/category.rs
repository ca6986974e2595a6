//! `[categories.<id>]` of catalog.toml: each category, its numeric range and
//! the defaults its codes inherit.

use std::ops::Range;

use super::CategorySource;
use super::cx::{Cx, FAULTS, GRPC_CODES, MAX_NUMERIC, STYLES, text};
use crate::diag_code::DiagCode;
use crate::fields::CategoryFacts;
use crate::model::{Category, EnvelopeStyle, Fault, GrpcCode, Kind};
use crate::problem as diag;
use crate::raw::{Entry, Int, RawCategory, Str};
use crate::source::FileId;

/// A category's defaults for its codes, with where each was written.
pub(super) struct CategoryDefaults {
    pub kind: Kind,
    pub status: Option<(u16, Range<usize>)>,
    pub retry: Option<(usize, Range<usize>)>,
    pub exit_code: Option<(u8, Range<usize>)>,
    pub facts: CategoryFacts,
    pub allow: Vec<DiagCode>,
}

impl CategoryDefaults {
    /// The implicit category's: nothing, so each code says its own.
    pub(super) fn none() -> Self {
        Self {
            kind: Kind::Error,
            status: None,
            retry: None,
            exit_code: None,
            facts: CategoryFacts::default(),
            allow: Vec::new(),
        }
    }
}

/// The warnings an `allow` table names, each checked: a warning or note
/// code (not an error) with a reason that says something (E0042).
pub(super) fn allows(
    cx: &mut Cx<'_>,
    file: FileId,
    raw: &Option<toml::Spanned<indexmap::IndexMap<Str, Str>>>,
) -> Vec<(DiagCode, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for (name, reason) in raw.iter().flat_map(|t| t.get_ref()) {
        let code = DiagCode::ALL
            .iter()
            .find(|c| c.as_str() == name.get_ref().as_str());
        match code {
            None => cx.push(diag::allow_unknown(file, name.span(), name.get_ref())),
            Some(&code) if code.severity() == crate::diag_code::Severity::Error => {
                cx.push(diag::allow_error(file, name.span(), code));
            }
            Some(&code) if reason.get_ref().trim().is_empty() => {
                cx.push(diag::allow_without_reason(
                    file,
                    reason.span(),
                    code.as_str(),
                ));
            }
            Some(&code) => out.push((code, name.span())),
        }
    }
    out
}

/// Lowers one category. Its source is returned whether or not it
/// lowered, so lints can still check what it says.
pub(super) fn lower_category(
    cx: &mut Cx<'_>,
    file: FileId,
    entry: &Entry<RawCategory>,
    policy_names: &[&str],
) -> (CategorySource, Option<(Category, CategoryDefaults)>) {
    let id = entry.key.get_ref().clone();
    let what = format!("category `{id}`");
    let raw = &entry.body;
    let snake_ok = cx.check_snake(file, &entry.key, "category id");
    let title = cx.required_str(file, entry, &raw.title, "title", &what);
    cx.fault_said |= raw.fault.is_some();
    let fault = match cx.choice(file, &raw.fault, "fault", FAULTS) {
        Some(f) => Some(Fault::ALL[f]),
        // Without HTTP, fault is a fact a catalog may not have.
        None if raw.fault.is_none() && !cx.http => Some(Fault::None),
        None => {
            if raw.fault.is_none() && !entry.is_broken("fault") {
                cx.push(diag::missing_field(file, entry.key.span(), "fault", &what));
            }
            None
        }
    };
    let kind = cx.kind(file, &raw.kind).unwrap_or(Kind::Error);
    let range = raw.range.as_ref().and_then(|r| lower_range(cx, file, r));
    let status = match &raw.status {
        Some(s) if !cx.http => {
            cx.push(diag::http_in_non_http_catalog(file, s.span(), "`status`"));
            None
        }
        _ => raw
            .status
            .as_ref()
            .and_then(|s| cx.status(file, s).map(|v| (v, s.span()))),
    };
    let retry = raw
        .retry
        .as_ref()
        .and_then(|r| cx.policy(file, r, policy_names).map(|p| (p, r.span())));
    let exit_code = raw
        .exit_code
        .as_ref()
        .and_then(|e| cx.exit_code(file, e).map(|v| (v, e.span())));
    let error_type = text(&raw.error_type).unwrap_or_else(|| format!("{id}_error"));
    let envelope = match &raw.envelope {
        Some(e) if !cx.http => {
            cx.push(diag::http_in_non_http_catalog(file, e.span(), "`envelope`"));
            None
        }
        _ => cx
            .choice(file, &raw.envelope, "envelope", STYLES)
            .map(|s| EnvelopeStyle::ALL[s]),
    };
    cx.grpc_named |= raw.grpc.is_some();
    let grpc = cx
        .choice(file, &raw.grpc, "grpc", GRPC_CODES)
        .map(|n| GrpcCode::ALL[n]);
    let facts = CategoryFacts::lower(&raw.facts, &mut |p| cx.fact_problem(file, p));
    let allow = allows(cx, file, &raw.allow);
    let source = CategorySource {
        id: id.clone(),
        key: entry.key.span(),
        range: raw.range.as_ref().map(|r| r.span()),
        prefix: raw.prefix.as_ref().map(|p| (p.get_ref().clone(), p.span())),
        generic: raw
            .generic
            .as_ref()
            .map(|g| (g.get_ref().clone(), g.span())),
        fault,
        kind,
        status: status.clone(),
        lowered: None,
        allow: allow.clone(),
    };
    let lowered = (|| {
        snake_ok.then_some(())?;
        let category = Category {
            id,
            title: title?,
            description: text(&raw.description),
            range,
            fault: fault?,
            error_type,
            codes: Vec::new(),
            envelope,
            grpc,
            prefix: text(&raw.prefix),
            generic: None,
            implicit: false,
        };
        let defaults = CategoryDefaults {
            kind,
            status,
            retry,
            exit_code,
            facts,
            allow: allow.iter().map(|(code, _)| *code).collect(),
        };
        Some((category, defaults))
    })();
    (source, lowered)
}

fn lower_range(
    cx: &mut Cx<'_>,
    file: FileId,
    range: &toml::Spanned<Vec<Int>>,
) -> Option<(u32, u32)> {
    let values = range.get_ref();
    if values.len() != 2 {
        cx.push(diag::invalid_value_because(
            file,
            range.span(),
            "range",
            "expected `[first, last]`, two numbers",
        ));
        return None;
    }
    let mut bounds = [0u32; 2];
    for (slot, value) in bounds.iter_mut().zip(values) {
        if !(0..=MAX_NUMERIC).contains(value.get_ref()) {
            cx.push(diag::invalid_value_because(
                file,
                value.span(),
                "range",
                &format!("must be between 0 and {MAX_NUMERIC}"),
            ));
            return None;
        }
        *slot = *value.get_ref() as u32;
    }
    if bounds[0] > bounds[1] {
        cx.push(diag::invalid_value_because(
            file,
            range.span(),
            "range",
            "the first number must not exceed the last",
        ));
        return None;
    }
    Some((bounds[0], bounds[1]))
}
