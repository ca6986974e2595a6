//! `[catalog]`, `[envelope]` and `[exit_codes]` of catalog.toml.

use errcat_runtime::template::{self, Piece};

use super::cx::{Cx, STYLES, text};
use crate::diag_code::Severity;
use crate::diag_code::{Levels, LintLevel, Target};
use crate::ident;
use crate::model::{Envelope, EnvelopeStyle, FieldCase, Meta, RequestIdPlacement};
use crate::problem as diag;
use crate::raw::{Entry, Str};
use crate::source::FileId;

/// The anchor pattern used when catalog.toml gives none.
pub const DEFAULT_DOCS_ANCHOR: &str = "{category}.html#{code}";
pub use crate::model::DEFAULT_REQUEST_ID_HEADER;

use crate::raw::values::{CASES, CODE_CASES, PLACEMENTS};

pub(super) fn lower_meta(
    cx: &mut Cx<'_>,
    file: FileId,
    entry: Option<&Entry<crate::raw::RawMeta>>,
) -> Meta {
    let Some(entry) = entry else {
        cx.push(diag::missing_field(file, 0..0, "[catalog]", "catalog.toml"));
        return Meta {
            name: String::new(),
            version: None,
            description: None,
            docs_base_url: String::new(),
            docs_anchor: DEFAULT_DOCS_ANCHOR.into(),
            identity_pattern: None,
            http: true,
            case_insensitive: false,
            cli: true,
            domain: None,
            faults: true,
            categorized: true,
            grpc: false,
            request_id_header: Some(DEFAULT_REQUEST_ID_HEADER.into()),
        };
    };
    let raw = &entry.body;
    let name = cx
        .required_str(file, entry, &raw.name, "name", "[catalog]")
        .unwrap_or_default();
    let docs_anchor = match &raw.docs_anchor {
        Some(anchor) => {
            check_anchor(cx, file, anchor);
            anchor.get_ref().clone()
        }
        None => DEFAULT_DOCS_ANCHOR.to_string(),
    };
    let identity_pattern = raw.identity_pattern.as_ref().and_then(|p| {
        // Anchored: an identity matches the whole pattern or not at all.
        // The pattern must parse on its own first: `E[0-9]{4})|(.*` is
        // unbalanced, but wrapped it would read as "E0000, or anything".
        match errcat_runtime::identity::IdentityPattern::new(p.get_ref()) {
            Ok(pattern) => {
                cx.identity_pattern = Some(pattern);
                Some(p.get_ref().clone())
            }
            Err(e) => {
                cx.push(diag::invalid_value_because(
                    file,
                    p.span(),
                    "identity_pattern",
                    &e,
                ));
                None
            }
        }
    });
    let http = raw.http.as_ref().is_none_or(|h| *h.get_ref());
    cx.http = http;
    let cli = raw.cli.as_ref().map(|c| *c.get_ref());
    cx.cli = cli;
    Meta {
        domain: text(&raw.domain),
        // Settled by `[envelope]` (`lower_envelope`).
        request_id_header: http.then(|| DEFAULT_REQUEST_ID_HEADER.into()),
        // Settled once the codes are read (`lower_catalog`).
        grpc: false,
        faults: true,
        // Settled once the categories are read (`lower_catalog`).
        categorized: true,
        // Settled once `[exit_codes]` is read (`lower_catalog`).
        cli: cli.unwrap_or(http),
        case_insensitive: raw.case_insensitive.as_ref().is_some_and(|c| *c.get_ref()),
        http,
        identity_pattern,
        name,
        version: text(&raw.version),
        description: text(&raw.description),
        docs_base_url: raw
            .docs_base_url
            .as_ref()
            .map(|u| u.get_ref().trim_end_matches('/').to_string())
            .unwrap_or_default(),
        docs_anchor,
    }
}

fn check_anchor(cx: &mut Cx<'_>, file: FileId, anchor: &Str) {
    match template::parse(anchor.get_ref(), ident::is_snake_case) {
        Err(e) => {
            let span = cx
                .sources
                .inner_span(file, anchor.span(), anchor.get_ref(), e.offset);
            cx.push(diag::bad_template(file, span, &e.problem.to_string()));
        }
        Ok(pieces) => {
            for piece in pieces {
                if let Piece::Placeholder { name, offset } = piece
                    && name != "category"
                    && name != "code"
                {
                    let span = cx
                        .sources
                        .inner_span(file, anchor.span(), anchor.get_ref(), offset);
                    cx.push(diag::invalid_value_because(
                        file,
                        span,
                        "docs_anchor",
                        "only `{category}` and `{code}` can be used here",
                    ));
                }
            }
        }
    }
}

pub(super) fn lower_envelope(
    cx: &mut Cx<'_>,
    file: FileId,
    entry: Option<&Entry<crate::raw::RawEnvelope>>,
) -> Envelope {
    let mut envelope = Envelope::DEFAULT;
    let Some(entry) = entry else { return envelope };
    if !cx.http {
        cx.push(diag::http_in_non_http_catalog(
            file,
            entry.key.span(),
            "`[envelope]`",
        ));
        return envelope;
    }
    if let Some(style) = cx.choice(file, &entry.body.style, "style", STYLES) {
        envelope.style = EnvelopeStyle::ALL[style];
    }
    if let Some(case) = cx.choice(file, &entry.body.field_case, "field_case", CASES) {
        envelope.field_case = if case == 0 {
            FieldCase::Snake
        } else {
            FieldCase::Camel
        };
    }
    if let Some(placement) = cx.choice(file, &entry.body.request_id, "request_id", PLACEMENTS) {
        envelope.request_id = if placement == 0 {
            RequestIdPlacement::Inside
        } else {
            RequestIdPlacement::Outside
        };
    }
    cx.upper_wire_names =
        cx.choice(file, &entry.body.code_case, "code_case", CODE_CASES) == Some(1);
    if let Some(header) = &entry.body.request_id_header {
        let name = header.get_ref();
        // RFC 9110's `token`: what a header name may be made of.
        let tchar = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
        if name.chars().all(tchar) {
            cx.request_id_header = Some((!name.is_empty()).then(|| name.clone()));
        } else {
            cx.push(diag::invalid_value_because(
                file,
                header.span(),
                "request_id_header",
                "a header name is letters, digits and `-` (RFC 9110's token); `\"\"` for none",
            ));
        }
    }
    cx.catalog_style = envelope.style;
    envelope
}

/// `[lints]`: each key a warning's or note's rule (by name or code) or
/// the `warnings` group, each value a level.
pub(super) fn lower_lints(cx: &mut Cx<'_>, file: FileId, entries: &[(Str, Str)]) -> Levels {
    let mut levels = Levels::default();
    for (key, value) in entries {
        let target = match Target::parse(key.get_ref()) {
            Some(Target::Rule(code)) if code.severity() == Severity::Error => {
                cx.push(diag::lint_error(file, key.span(), code));
                continue;
            }
            Some(target) => target,
            None => {
                cx.push(diag::lint_unknown(file, key.span(), key.get_ref()));
                continue;
            }
        };
        match LintLevel::parse(value.get_ref()) {
            Some(level) => levels.set(target, level, file, key.span()),
            None => cx.push(diag::invalid_value(
                file,
                value.span(),
                &format!("lints.{}", key.get_ref()),
                value.get_ref(),
                LintLevel::NAMES,
            )),
        }
    }
    levels
}

pub(super) fn lower_exit_codes(
    cx: &mut Cx<'_>,
    file: FileId,
    entries: &[(Str, Str)],
) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    for (key, meaning) in entries {
        match key.get_ref().parse::<u8>() {
            Ok(code) => out.push((code, meaning.get_ref().clone())),
            Err(_) => {
                let value = key.get_ref().parse::<i64>().unwrap_or(-1);
                cx.push(diag::exit_code_out_of_range(file, key.span(), value));
            }
        }
    }
    out.sort();
    out
}

/// A code's docs URL: the anchor pattern filled in, under the base URL.
pub(super) fn docs_url(meta: &Meta, category: &str, code: &str) -> String {
    let anchor = meta
        .docs_anchor
        .replace("{category}", category)
        .replace("{code}", code);
    if meta.docs_base_url.is_empty() {
        anchor
    } else if anchor.starts_with('#') {
        format!("{}{}", meta.docs_base_url, anchor)
    } else {
        format!("{}/{}", meta.docs_base_url, anchor)
    }
}

/// The client packages' names: `[outputs]`' `npm_package`,
/// `python_package` and `go_module` when given and valid in their
/// ecosystems, else `<catalog>-errors` (the Go package's name for Go).
pub(super) fn lower_packages(
    cx: &mut Cx<'_>,
    file: FileId,
    catalog: &str,
    names: &[(crate::raw::Str, crate::raw::Str)],
) -> crate::model::Packages {
    let stem = crate::ident::fold_to_snake(catalog)
        .trim_matches('_')
        .replace('_', "-");
    let default = if stem.is_empty() || !stem.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        "catalog-errors".to_string()
    } else {
        format!("{stem}-errors")
    };
    let mut packages = crate::model::Packages {
        npm: default.clone(),
        python: default,
        go: crate::ident::go_package(catalog),
    };
    for (key, value) in names {
        let name = value.get_ref();
        let (slot, problem) = match key.get_ref().as_str() {
            "npm_package" => (&mut packages.npm, npm_name_problem(name)),
            "go_module" => (&mut packages.go, go_module_problem(name)),
            _ => (&mut packages.python, python_name_problem(name)),
        };
        match problem {
            Some(problem) => cx.push(diag::invalid_value_because(
                file,
                value.span(),
                key.get_ref(),
                &problem,
            )),
            None => *slot = name.clone(),
        }
    }
    packages
}

/// Why `name` is not an npm package name (npm's own rules), if it is not.
fn npm_name_problem(name: &str) -> Option<String> {
    let part_ok = |p: &str| {
        !p.is_empty()
            && !p.starts_with(['.', '_'])
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._~".contains(&b))
    };
    let ok = name.len() <= 214
        && match name.strip_prefix('@') {
            Some(scoped) => scoped
                .split_once('/')
                .is_some_and(|(scope, rest)| part_ok(scope) && part_ok(rest)),
            None => part_ok(name),
        };
    (!ok).then(|| format!("`{name}` is not an npm package name: lower case letters, digits, `-._~`, at most 214 characters, optionally `@scope/`"))
}

/// Why `path` is not a Go module path (the `go` command's rules, without
/// the dot its first element needs only to be fetched), if it is not.
fn go_module_problem(path: &str) -> Option<String> {
    let element_ok = |e: &str| {
        !e.is_empty()
            && !e.starts_with('.')
            && !e.ends_with('.')
            && e.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
    };
    let ok = path.len() <= 255 && !path.starts_with('-') && path.split('/').all(element_ok);
    (!ok).then(|| format!("`{path}` is not a Go module path: `/`-separated elements of letters, digits and `-._~`, none empty or starting or ending with `.`"))
}

/// Why `name` is not a Python distribution name (PEP 508), if it is not.
fn python_name_problem(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    let ok = !bytes.is_empty()
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(b));
    (!ok).then(|| format!("`{name}` is not a Python package name: letters, digits, `._-`, starting and ending with a letter or digit"))
}
