//! The Python package: `python/<catalog>_errors/__init__.py` and `py.typed`,
//! for Python 3.9+, with no dependencies. The catalog's data is one JSON
//! text read at import (so catalog text can never become code), followed by
//! the runtime (`runtime.py`, the same rules as errcat-runtime), an
//! exception class per SDK exception that is an identifier, and one class
//! per code whose keyword-only `__init__` is typed from its template.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::model::{Model, ParamType};
use crate::write::FileSet;

/// The runtime part of the module.
const RUNTIME: &str = include_str!("runtime.py");

/// Names the module defines or uses; a generated class never takes one.
const TAKEN: &[&str] = &[
    "CatalogError",
    "lookup",
    "resolve",
    "from_numeric",
    "render_template",
    "create",
    "from_response",
    "parse_retry_after",
    "delay_bounds",
    "policy_for_status",
    "CATALOG_NAME",
    "CATALOG_VERSION",
    "Exception",
    "BaseException",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "OSError",
    "Warning",
    "ConnectionError",
    "TimeoutError",
    "LookupError",
    "NotImplementedError",
    "PermissionError",
    "FileNotFoundError",
    "AttributeError",
    "object",
    "type",
    "str",
    "int",
    "float",
    "bool",
    "dict",
    "list",
    "tuple",
    "set",
    "bytes",
    "None",
    "True",
    "False",
    "Any",
    "Callable",
    "Dict",
    "Iterable",
    "List",
    "Mapping",
    "Optional",
    "Tuple",
    "Type",
    "Union",
];

/// Python's keywords (and soft keywords).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "match", "case", "type", "self",
];

/// The package's folder under `generated/python/`, e.g. `errcat_errors`.
pub fn package_name(model: &Model) -> String {
    let mut name = crate::ident::fold_to_snake(&model.meta.name);
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "catalog_");
    }
    name.push_str("_errors");
    name
}

/// `python/<catalog>_errors/`.
pub const OUTPUT: super::Output = super::Output {
    name: "python",
    default: false,
    emit,
    needs_http: true,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let package = PathBuf::from("python").join(package_name(cx.model));
    let mut files = FileSet::new();
    files.insert(package.join("__init__.py"), module(cx.model, cx.command));
    files.insert(
        package.join("py.typed"),
        format!("# {}\n", super::generated_header(cx.command)),
    );
    files
}

fn literal(value: &Value) -> String {
    // JSON strings are valid Python string literals.
    serde_json::to_string(value).unwrap_or_default()
}

fn module(model: &Model, command: &str) -> String {
    let mut out = format!("# {}\n", super::generated_header(command));
    let _ = writeln!(
        out,
        "\"\"\"The {} error catalog for Python clients.\"\"\"\n",
        literal(&json!(model.meta.name))
            .trim_matches('"')
            .replace('\\', "")
    );
    out.push_str(
        "from __future__ import annotations\n\nimport email.utils\nimport json\nimport math\nimport random\nimport time\n\
         from collections.abc import Mapping as _AbcMapping\n\
         from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Type, Union\n\n",
    );
    let _ = writeln!(out, "CATALOG_NAME = {}", literal(&json!(model.meta.name)));
    let _ = writeln!(
        out,
        "CATALOG_VERSION: Optional[str] = {}\n",
        model
            .meta
            .version
            .as_ref()
            .map_or("None".to_string(), |v| literal(&json!(v)))
    );
    let data = super::client_data::data(model);
    let text = serde_json::to_string(&data).unwrap_or_default();
    let _ = writeln!(
        out,
        "_DATA: Dict[str, Any] = json.loads({})",
        literal(&json!(text))
    );
    for (name, key) in [
        ("_ENVELOPE", "envelope"),
        ("_WIRE", "wire"),
        ("_LIMITS", "limits"),
        ("_FALLBACK_BACKOFF", "fallbackBackoff"),
        ("_POLICIES", "policies"),
        ("_CODES", "codes"),
        ("_NAMES", "names"),
        ("_NUMERIC", "numeric"),
    ] {
        let _ = writeln!(
            out,
            "{name}: Dict[str, Any] = _DATA[{}]",
            literal(&json!(key))
        );
    }
    let _ = writeln!(
        out,
        "_OUTER_REQUEST_ID: List[str] = _DATA[\"outerRequestId\"]"
    );
    let _ = writeln!(out, "_PREFIX_CLASSES: List[List[str]] = _DATA[\"classes\"]");
    let _ = writeln!(
        out,
        "_CASE_INSENSITIVE: bool = _DATA[\"caseInsensitive\"]\n"
    );
    out.push_str(RUNTIME);
    out.push('\n');

    let mut taken: BTreeSet<String> = TAKEN.iter().map(|s| s.to_string()).collect();
    let _ = writeln!(
        out,
        "\n# -- One class per SDK exception ----------------------------------------------\n"
    );
    let mut sdk: Vec<String> = Vec::new();
    let mut class_of = Map::new();
    for code in &model.codes {
        let Some(text) = code.facts.sdk_exception.as_deref() else {
            continue;
        };
        let chosen = super::sdk_class_candidates(text).into_iter().find(|name| {
            sdk.iter().any(|s| s == name)
                || (is_identifier(name) && !taken.contains(*name) && !KEYWORDS.contains(name))
        });
        let Some(name) = chosen else {
            continue;
        };
        class_of.insert(code.wire_name.clone(), json!(name));
        if sdk.iter().any(|s| s == name) {
            continue;
        }
        taken.insert(name.to_string());
        sdk.push(name.to_string());
        let _ = writeln!(
            out,
            "\nclass {name}(CatalogError):\n    \"\"\"The SDK exception the catalog names {name}.\"\"\"\n\n    sdk_class = {}\n",
            literal(&json!(name))
        );
    }
    let _ = writeln!(
        out,
        "\n# -- One class per code, with a typed __init__ ---------------------------------\n"
    );
    let mut classes = Map::new();
    for code in &model.codes {
        let class = unique(pascal_case(&code.symbol()), &mut taken);
        let base = class_of
            .get(&code.wire_name)
            .and_then(Value::as_str)
            .unwrap_or("CatalogError");
        let wire = literal(&json!(code.wire_name));
        let doc = format!("{}: {}", code.title, code.message)
            .replace('\\', "\\\\")
            .replace("\"\"\"", "\\\"\\\"\\\"")
            .replace(['\n', '\r', '\u{2028}', '\u{2029}'], " ");
        let mut args = String::from("*");
        let mut params = Vec::new();
        for p in &code.params {
            // A keyword, or a name `__init__` already has for itself.
            let taken_here = [
                "self",
                "params",
                "message",
                "param",
                "request_id",
                "retry_after",
            ];
            let arg = if KEYWORDS.contains(&p.name.as_str())
                || taken_here.contains(&p.name.as_str())
                || !is_identifier(&p.name)
            {
                format!(
                    "{}_",
                    p.name
                        .replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "_")
                )
            } else {
                p.name.clone()
            };
            let _ = write!(args, ", {arg}: {}", py_type(p.ty));
            params.push(format!("{}: {arg}", literal(&json!(p.name))));
        }
        args.push_str(
            ", message: Optional[str] = None, param: Optional[str] = None, request_id: Optional[str] = None, retry_after: Optional[float] = None",
        );
        let _ = writeln!(
            out,
            "\nclass {class}({base}):\n    \"\"\"{doc}\"\"\"\n\n    code_class = {wire}\n\n    def __init__(self, {args}) -> None:\n        params: Dict[str, Any] = {{{}}}\n        super().__init__(\n            message or render_template(str(_CODES[{wire}][\"message\"]), params),\n            code={wire},\n            param=param,\n            request_id=request_id,\n            retry_after=retry_after,\n            details=params,\n        )\n",
            params.join(", ")
        );
        classes.insert(code.wire_name.clone(), Value::String(class));
    }
    let entries: Vec<String> = classes
        .iter()
        .map(|(wire, class)| {
            format!(
                "{}: {}",
                literal(&json!(wire)),
                class.as_str().unwrap_or("CatalogError")
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "\n_CLASSES: Dict[str, Type[CatalogError]] = {{\n    {}\n}}",
        entries.join(",\n    ")
    );
    let _ = writeln!(
        out,
        "# The class each code's errors are, by its SDK exception.\n_CODE_CLASS: Dict[str, str] = json.loads({})",
        literal(&json!(
            serde_json::to_string(&Value::Object(class_of)).unwrap_or_default()
        ))
    );
    out
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `rate_limited` → `RateLimited`; a name that would start with a digit
/// gets an `E` in front.
fn pascal_case(snake: &str) -> String {
    let out = crate::ident::upper_camel(snake);
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("E{out}")
    } else {
        out
    }
}

/// `name`, or `nameError`, `nameError_` … when it is taken.
fn unique(name: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = name.clone();
    if taken.contains(&candidate) || KEYWORDS.contains(&candidate.as_str()) {
        candidate = format!("{name}Error");
    }
    while taken.contains(&candidate) {
        candidate.push('_');
    }
    taken.insert(candidate.clone());
    candidate
}

fn py_type(ty: ParamType) -> &'static str {
    match ty {
        ParamType::String => "str",
        ParamType::F64 => "float",
        ParamType::Bool => "bool",
        _ => "int",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_are_identifiers_and_never_shadow() {
        assert_eq!(pascal_case("rate_limited"), "RateLimited");
        assert_eq!(pascal_case("e404"), "E404");
        let mut taken: BTreeSet<String> = TAKEN.iter().map(|s| s.to_string()).collect();
        assert_eq!(unique("Exception".into(), &mut taken), "ExceptionError");
        assert_eq!(unique("Ok".into(), &mut taken), "Ok");
        assert_eq!(unique("Ok".into(), &mut taken), "OkError");
    }
}
