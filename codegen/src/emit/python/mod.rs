//! The Python package: `python/pyproject.toml` (PEP 621, so `pip install
//! generated/python` and `python -m build` work) and
//! `python/<catalog>_errors/`, for Python 3.9+, with no dependencies:
//! - `_data.py`: the catalog's data, one JSON text read at import (so
//!   catalog text can never become code), as typed module constants;
//! - `_runtime.py`: the runtime (`runtime.py` here, the same rules as
//!   errcat-runtime), a real module that imports `_data` and is the same
//!   file for every catalog, so mypy and ruff check it on its own;
//! - `__init__.py`: the public API and an exception class per SDK
//!   exception that is an identifier; each code's class (a keyword-only
//!   `__init__` taking its params) and the `TypedDict` of its `details` are
//!   made on first use by the module's `__getattr__`, so importing a
//!   catalog of thousands of codes costs what reading its data does;
//! - `__init__.pyi`: every one of those declared, typed from the template,
//!   for mypy, pyright and editors;
//! - `py.typed`, and the conformance runner (`conformance.py`, with its
//!   cases in `conformance.json`).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::model::{Model, ParamType};
use crate::write::FileSet;

/// The runtime module, shipped in the package as it is.
const RUNTIME: &str = include_str!("runtime.py");

/// What the package exports from the runtime: its public API.
const RUNTIME_EXPORTS: &[&str] = &[
    "CatalogError",
    "category",
    "create",
    "delay_bounds",
    "facts",
    "find_locale",
    "from_numeric",
    "from_response",
    "grpc_for_status",
    "lookup",
    "named",
    "negotiate_locale",
    "parse_retry_after",
    "plural_category",
    "policy_for_status",
    "render_template",
    "resolve",
];

/// The conformance runner, shipped in the package as it is.
const CONFORMANCE: &str = include_str!("conformance.py");

/// Names the module defines or uses; a generated class never takes one.
const TAKEN: &[&str] = &[
    "CatalogError",
    "lookup",
    "resolve",
    "from_numeric",
    "render_template",
    "plural_category",
    "find_locale",
    "negotiate_locale",
    "create",
    "from_response",
    "parse_retry_after",
    "delay_bounds",
    "policy_for_status",
    "grpc_for_status",
    "facts",
    "category",
    "named",
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
    "TypedDict",
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
    spec: crate::model::OutputSpec {
        name: "python",
        default: false,
        needs_http: true,
        requires: None,
        reserved_pages: &[],
    },
    emit,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let import_name = package_name(cx.model);
    let package = PathBuf::from("python").join(&import_name);
    let header = format!("# {}\n", super::generated_header(cx.command));
    let mut files = FileSet::new();
    files.insert(
        PathBuf::from("python/pyproject.toml"),
        pyproject(cx.model, &import_name, &header),
    );
    let public = module(cx.model, cx.command);
    files.insert(package.join("__init__.py"), public.runtime.clone());
    files.insert(package.join("__init__.pyi"), public.stub.clone());
    files.insert(
        package.join("_data.py"),
        data_module(cx.model, cx.command, &public),
    );
    files.insert(package.join("_runtime.py"), format!("{header}{RUNTIME}"));
    files.insert(package.join("py.typed"), header.clone());
    files.insert(
        package.join("conformance.py"),
        format!("{header}{CONFORMANCE}"),
    );
    files.insert(
        package.join("conformance.json"),
        super::conformance::cases_json(cx),
    );
    files
}

/// `pyproject.toml`: the distribution's name (`[outputs] python_package`,
/// else `<catalog>-errors`) and version (the catalog's), built by
/// flit_core: small, PEP 621 throughout, and it builds without writing
/// `build/` or `*.egg-info` into the committed folder as setuptools would.
fn pyproject(model: &Model, import_name: &str, header: &str) -> String {
    let toml_str = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let version = model.meta.version.as_deref().unwrap_or("0.0.0");
    format!(
        "{header}[build-system]\nrequires = [\"flit_core>=3.4,<4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n\
         [project]\nname = {}\nversion = {}\ndescription = {}\nrequires-python = \">=3.9\"\n\
         classifiers = [\"Typing :: Typed\"]\n\n\
         # The import name; the package folder holds py.typed and the conformance cases too.\n\
         [tool.flit.module]\nname = {}\n",
        toml_str(&model.packages.python),
        toml_str(version),
        toml_str(&format!(
            "The {} error catalog for Python clients: typed errors, parsing and retry advice (generated by errcat).",
            model.meta.name.replace(['\n', '\r'], " ")
        )),
        toml_str(import_name),
    )
}

fn literal(value: &Value) -> String {
    // JSON strings are valid Python string literals.
    serde_json::to_string(value).unwrap_or_default()
}

/// `_data.py`: the catalog's data as typed constants, from one JSON text.
fn data_module(model: &Model, command: &str, public: &Public) -> String {
    let mut out = format!("# {}\n", super::generated_header(command));
    out.push_str(
        "\"\"\"The catalog's data, read by ``_runtime.py``. Import from the package, not from here.\"\"\"\n\n\
         from __future__ import annotations\n\nimport json\nfrom typing import Any, Dict, List, Optional\n\n",
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
        ("_POLICIES", "policies"),
        ("_CODES", "codes"),
        ("_CATEGORIES", "categories"),
        ("_NAMES", "names"),
        ("_SHARED_NAMES", "sharedNames"),
        ("_NUMERIC", "numeric"),
        ("_GRPC_BY_STATUS", "grpcByStatus"),
        ("_LOCALES", "locales"),
        ("_TRANSLATIONS", "translations"),
    ] {
        let _ = writeln!(
            out,
            "{name}: Dict[str, Any] = _DATA[{}]",
            literal(&json!(key))
        );
    }
    for line in [
        "_OUTER_REQUEST_ID: List[str] = _DATA[\"outerRequestId\"]",
        "_STATUS_POLICIES: List[Any] = _DATA[\"statusPolicies\"]",
        "_PREFIX_CLASSES: List[List[str]] = _DATA[\"classes\"]",
        "_DOMAIN: Optional[str] = _DATA[\"domain\"]",
        "_TELEMETRY: Dict[str, str] = _DATA[\"telemetry\"]",
        "_IDENTITY_PATTERN: Optional[str] = _DATA[\"identityPattern\"]",
        "_REQUEST_ID_HEADER: Optional[str] = _DATA[\"requestIdHeader\"]",
        "_CASE_INSENSITIVE: bool = _DATA[\"caseInsensitive\"]",
    ] {
        out.push_str(line);
        out.push('\n');
    }
    let json_text =
        |map: &Map<String, Value>| literal(&json!(serde_json::to_string(map).unwrap_or_default()));
    let _ = writeln!(
        out,
        "# The class each code's errors are, by its SDK exception.\n_CODE_CLASS: Dict[str, str] = json.loads({})",
        json_text(&public.class_of)
    );
    let _ = writeln!(
        out,
        "# Each code's class, which ``__init__.py`` makes on first use: its name, then\n\
         # [wire name, SDK class or None, docstring, [[param, argument, type], ...]].\n\
         _CODE_CLASSES: Dict[str, Any] = json.loads({})",
        json_text(&public.specs)
    );
    let _ = writeln!(
        out,
        "# Each code's ``details`` type: its name, then [[param, type], ...].\n_DETAILS_TYPES: Dict[str, Any] = json.loads({})",
        json_text(&public.details)
    );
    out
}

/// The package's public module: `__init__.py`, which defines the SDK
/// exception classes and makes each code's class on first use, and
/// `__init__.pyi`, which declares every class with its typed `__init__` for
/// type checkers.
struct Public {
    runtime: String,
    stub: String,
    /// Which SDK class each code's errors are, for `_data.py`.
    class_of: Map<String, Value>,
    /// Each code's class: name → `[wire name, SDK class or null, docstring,
    /// [[param, argument, type], ...]]`, for `_data.py`.
    specs: Map<String, Value>,
    /// Each code's details type: name → `[[param, type], ...]`.
    details: Map<String, Value>,
}

/// The public module of `model`'s package.
fn module(model: &Model, command: &str) -> Public {
    let header = format!("# {}\n", super::generated_header(command));
    let doc = format!(
        "\"\"\"The {} error catalog for Python clients.\"\"\"\n\n",
        literal(&json!(model.meta.name))
            .trim_matches('"')
            .replace('\\', "")
    );
    let mut taken: BTreeSet<String> = TAKEN.iter().map(|s| s.to_string()).collect();
    let mut sdk: Vec<String> = Vec::new();
    let mut class_of = Map::new();
    let mut sdk_classes = String::new();
    let mut sdk_stubs = String::new();
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
            sdk_classes,
            "\nclass {name}(CatalogError):\n    \"\"\"The SDK exception the catalog names {name}.\"\"\"\n\n    sdk_class = {}\n",
            literal(&json!(name))
        );
        let _ = writeln!(
            sdk_stubs,
            "\nclass {name}(CatalogError):\n    \"\"\"The SDK exception the catalog names {name}.\"\"\"\n\n    sdk_class: str\n"
        );
    }
    let mut specs = Map::new();
    let mut details_types = Map::new();
    let mut code_stubs = String::new();
    let mut public_classes: Vec<String> = Vec::new();
    for code in &model.codes {
        let class = unique(pascal_case(&code.symbol()), &mut taken);
        let base = class_of
            .get(&code.wire_name)
            .and_then(Value::as_str)
            .unwrap_or("CatalogError")
            .to_string();
        let doc = format!("{}: {}", code.title, code.message)
            .replace(['\n', '\r', '\u{2028}', '\u{2029}'], " ");
        let details = unique(format!("{class}Details"), &mut taken);
        let mut args = String::from("*");
        let mut spec_params = Vec::new();
        let mut fields = Vec::new();
        for p in &code.params {
            // A keyword, or a name `__init__` already has for itself.
            let taken_here = [
                "self",
                "params",
                "message",
                "param",
                "request_id",
                "retry_after",
                "values",
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
            spec_params.push(json!([p.name, arg, py_type(p.ty)]));
            fields.push(format!("{}: {}", literal(&json!(p.name)), py_type(p.ty)));
        }
        args.push_str(
            ", message: Optional[str] = None, param: Optional[str] = None, request_id: Optional[str] = None, retry_after: Optional[float] = None",
        );
        let base_json = if base == "CatalogError" {
            Value::Null
        } else {
            json!(base)
        };
        specs.insert(
            class.clone(),
            json!([code.wire_name, base_json, doc, spec_params]),
        );
        details_types.insert(
            details.clone(),
            Value::Array(
                code.params
                    .iter()
                    .map(|p| json!([p.name, py_type(p.ty)]))
                    .collect(),
            ),
        );
        // The functional form takes any key, keywords included; `total=False`
        // since a parsed body may lack some params.
        let _ = writeln!(
            code_stubs,
            "\n{details} = TypedDict({}, {{{}}}, total=False)\n\nclass {class}({base}):\n    {}\n\n    code_class: str\n    details: {details}\n\n    def __init__(self, {args}) -> None: ...\n",
            literal(&json!(details)),
            fields.join(", "),
            docstring(&doc),
        );
        public_classes.push(class);
        public_classes.push(details);
    }
    let mut exported: Vec<String> = ["CATALOG_NAME", "CATALOG_VERSION"]
        .iter()
        .chain(RUNTIME_EXPORTS)
        .map(|name| name.to_string())
        .chain(sdk.iter().cloned())
        .chain(public_classes)
        .collect();
    exported.sort();
    let all = format!(
        "\n__all__ = [\n{}]\n",
        exported
            .iter()
            .map(|name| format!("    {},\n", literal(&json!(name))))
            .collect::<String>()
    );
    let imports = RUNTIME_EXPORTS
        .iter()
        .map(|name| format!("    {name},\n"))
        .collect::<String>();
    let sdk_table = sdk
        .iter()
        .map(|name| format!("    {}: {name},\n", literal(&json!(name))))
        .collect::<String>();
    let runtime = format!(
        "{header}{doc}from __future__ import annotations\n\nfrom typing import Any, Dict, Type\n\n\
         from ._data import _CODE_CLASSES, _DETAILS_TYPES, CATALOG_NAME, CATALOG_VERSION\n\
         from ._runtime import _code_class, _details_type, _register_classes\n\
         from ._runtime import (\n{imports})\n\n\
         # -- One class per SDK exception ----------------------------------------------\n\n{sdk_classes}\n\
         _SDK_CLASSES: Dict[str, Type[CatalogError]] = {{\n{sdk_table}}}\n\n\n\
         # -- One class per code, made on first use -------------------------------------\n\n\n\
         def __getattr__(name: str) -> Any:\n    \
         \"\"\"A code's class, or the ``TypedDict`` of its details, made the first\n    \
         time it is used and kept: a catalog of thousands of codes imports in the\n    \
         time its data takes. ``__init__.pyi`` declares every one, typed. The\n    \
         runtime asks here too, so a class made once is the one every error has.\"\"\"\n    \
         kept = globals().get(name)\n    \
         if kept is not None:\n        \
         return kept\n    \
         spec = _CODE_CLASSES.get(name)\n    \
         if spec is not None:\n        \
         wire, base, doc, params = spec\n        \
         made: Any = _code_class(name, wire, _SDK_CLASSES.get(base or \"\", CatalogError), doc, params, __name__)\n    \
         elif name in _DETAILS_TYPES:\n        \
         made = _details_type(name, _DETAILS_TYPES[name], __name__)\n    \
         else:\n        \
         raise AttributeError(f\"module {{__name__!r}} has no attribute {{name!r}}\")\n    \
         globals()[name] = made\n    \
         return made\n\n\n\
         def __dir__() -> list[str]:\n    \
         return sorted(set(globals()) | set(__all__))\n\n\n\
         _register_classes(__getattr__)\n{all}"
    );
    let stub = format!(
        "{header}{doc}from typing import Optional, TypedDict\n\n\
         from ._data import CATALOG_NAME as CATALOG_NAME, CATALOG_VERSION as CATALOG_VERSION\n\
         from ._runtime import (\n{}){sdk_stubs}{code_stubs}{all}",
        RUNTIME_EXPORTS
            .iter()
            .map(|name| format!("    {name} as {name},\n"))
            .collect::<String>()
    );
    Public {
        runtime,
        stub,
        class_of,
        specs,
        details: details_types,
    }
}

/// A docstring of any text: every backslash and quote escaped, so no text
/// can end it early (`"""...""""`).
fn docstring(text: &str) -> String {
    format!(
        "\"\"\"{}\"\"\"",
        text.replace('\\', "\\\\").replace('"', "\\\"")
    )
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
    let out = crate::ident::pascal_case(snake);
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
