//! The TypeScript module: `typescript/errors.ts`, one file with no
//! dependencies. The catalog's data is written as JSON (so catalog text can
//! never become code), followed by the runtime (`runtime.ts`, the same rules
//! as errcat-runtime), one class per SDK exception that is a valid class
//! name, and one typed constructor per code.
//!
//! Wire field names, body and message bounds, and the fallback backoff come
//! from errcat-runtime's own tables, so the two runtimes cannot disagree on
//! them; the conformance cases check the rest.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::model::{Model, ParamType};
use crate::write::FileSet;

/// The module, under `generated/`.
pub const MODULE: &str = "typescript/errors.ts";

/// The runtime part of the module.
const RUNTIME: &str = include_str!("runtime.ts");

/// Names the module itself exports or uses; a generated name never takes one.
const TAKEN: &[&str] = &[
    "CatalogError",
    "Code",
    "CodeFacts",
    "Backoff",
    "RetryPolicy",
    "Fault",
    "Kind",
    "Headers",
    "ErrorOptions",
    "EnvelopeStyle",
    "isCatalogError",
    "hasCode",
    "lookup",
    "resolve",
    "fromNumeric",
    "facts",
    "create",
    "renderTemplate",
    "fromResponse",
    "parseRetryAfter",
    "delayBounds",
    "policyForStatus",
    "construct",
    "CATALOG_NAME",
    "CATALOG_VERSION",
    "Error",
    "Object",
    "Symbol",
    "Math",
    "Date",
    "Number",
    "String",
    "Array",
    "JSON",
];

/// JavaScript's reserved words, and the strict-mode ones.
const RESERVED: &[&str] = &[
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "arguments",
    "eval",
];

/// `typescript/errors.ts`.
pub const OUTPUT: super::Output = super::Output {
    name: "typescript",
    default: false,
    emit,
    needs_http: true,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let mut files = FileSet::new();
    files.insert(PathBuf::from(MODULE), module(cx.model, cx.command));
    files
}

fn module(model: &Model, command: &str) -> String {
    let mut out = format!("// {}\n", super::generated_header(command));
    let _ = writeln!(
        out,
        "// The `{}` error catalog for TypeScript and JavaScript clients.\n",
        model.meta.name.replace(['\n', '\r'], " ")
    );
    let json = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    let _ = writeln!(
        out,
        "/** The catalog's name. */\nexport const CATALOG_NAME = {};",
        json(&json!(model.meta.name))
    );
    let _ = writeln!(
        out,
        "/** The catalog's version, if it has one. */\nexport const CATALOG_VERSION: string | null = {};\n",
        json(&json!(model.meta.version))
    );
    let names: Vec<String> = model
        .codes
        .iter()
        .map(|c| json(&json!(c.wire_name)))
        .collect();
    let _ = writeln!(
        out,
        "/** Every code of the catalog, by its wire name. */\nexport type Code =\n  | {};\n",
        names.join("\n  | ")
    );
    let data = super::client_data::data(model);
    let field = |key: &str| json(&data[key]);
    let mut taken: BTreeSet<String> = TAKEN.iter().map(|s| s.to_string()).collect();
    let (class_of, classes) = classes(model, &mut taken);
    let _ = writeln!(
        out,
        "const ENVELOPE: {{ readonly style: EnvelopeStyle; readonly fieldCase: \"snake\" | \"camel\"; readonly requestId: \"inside\" | \"outside\" }} = {};",
        field("envelope")
    );
    let _ = writeln!(
        out,
        "const WIRE: Readonly<Record<EnvelopeStyle, {{ readonly wrapper: string | null; readonly fields: readonly (readonly [string, string, string])[] }}>> = {};",
        field("wire")
    );
    let _ = writeln!(
        out,
        "const OUTER_REQUEST_ID: readonly [string, string] = {};",
        field("outerRequestId")
    );
    let _ = writeln!(out, "const LIMITS = {} as const;", field("limits"));
    let _ = writeln!(
        out,
        "const FALLBACK_BACKOFF: Backoff = {};",
        field("fallbackBackoff")
    );
    let _ = writeln!(
        out,
        "const POLICIES: Readonly<Record<string, RetryPolicy>> = {};",
        field("policies")
    );
    let _ = writeln!(
        out,
        "const CODES: Readonly<Record<Code, CodeFacts>> = {};",
        field("codes")
    );
    let _ = writeln!(
        out,
        "const NAMES: Readonly<Record<string, Code>> = {};",
        field("names")
    );
    let _ = writeln!(
        out,
        "const NUMERIC: Readonly<Record<string, Code>> = {};",
        field("numeric")
    );
    let _ = writeln!(
        out,
        "const PREFIX_CLASSES: ReadonlyArray<readonly [string, Code]> = {};",
        field("classes")
    );
    let _ = writeln!(
        out,
        "const CASE_INSENSITIVE: boolean = {};\n",
        field("caseInsensitive")
    );
    let details: Vec<String> = model
        .codes
        .iter()
        .map(|c| {
            let fields: Vec<String> = c
                .params
                .iter()
                .map(|p| format!("readonly {}?: {}", json(&json!(p.name)), ts_type(p.ty)))
                .collect();
            let body = if fields.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", fields.join("; "))
            };
            format!("  {}: {body};", json(&json!(c.wire_name)))
        })
        .collect();
    let _ = writeln!(
        out,
        "/** Each code's `details`: its message params (a parsed body may lack some). */\nexport interface CodeDetails {{\n{}\n}}\n",
        details.join("\n")
    );
    let _ = writeln!(
        out,
        "/** The class each code's errors are, by its SDK exception. */\nconst CODE_CLASS: Readonly<Record<string, string>> = {};\n",
        json(&Value::Object(class_of.clone()))
    );
    out.push_str(RUNTIME);
    out.push('\n');

    let _ = writeln!(
        out,
        "// -- One class per SDK exception --------------------------------------------\n"
    );
    for (class, codes) in &classes {
        let _ = writeln!(
            out,
            "/** The SDK exception of {}. */\nexport class {class} extends CatalogError {{\n  static override readonly sdkClass: string | undefined = {};\n}}\n",
            codes.join(", "),
            json(&json!(class))
        );
    }
    let entries: Vec<String> = classes
        .iter()
        .map(|(class, _)| format!("{}: {class}", json(&json!(class))))
        .collect();
    let _ = writeln!(
        out,
        "const CLASSES: Readonly<Record<string, new (code: Code | null, wireCode: string, options?: ErrorOptions) => CatalogError>> = {{ {} }};\n",
        entries.join(", ")
    );

    let _ = writeln!(
        out,
        "// -- One typed constructor per code -------------------------------------------\n"
    );
    for code in &model.codes {
        let function = unique(camel_case(&code.symbol()), &mut taken);
        let class = class_of
            .get(&code.wire_name)
            .and_then(Value::as_str)
            .unwrap_or("CatalogError");
        let params: Vec<String> = code
            .params
            .iter()
            .map(|p| format!("readonly {}: {}", json(&json!(p.name)), ts_type(p.ty)))
            .collect();
        let doc = format!("{}: `{}`", code.title, code.message)
            .replace("*/", "*\\/")
            .replace(['\n', '\r', '\u{2028}', '\u{2029}'], " ");
        let wire = json(&json!(code.wire_name));
        if params.is_empty() {
            let _ = writeln!(
                out,
                "/** {doc} */\nexport function {function}(options?: ErrorOptions): {class} {{\n  return create({wire}, {{}}, options) as {class};\n}}\n"
            );
        } else {
            let _ = writeln!(
                out,
                "/** {doc} */\nexport function {function}(params: {{ {} }}, options?: ErrorOptions): {class} {{\n  return create({wire}, params, options) as {class};\n}}\n",
                params.join("; ")
            );
        }
    }
    out
}

/// Each SDK exception class with the codes it stands for.
type SdkClasses = Vec<(String, Vec<String>)>;

/// The class of each code's SDK exception (the first of
/// [`super::sdk_class_candidates`] that is a free identifier), and every
/// such class with the codes it stands for.
fn classes(model: &Model, taken: &mut BTreeSet<String>) -> (Map<String, Value>, SdkClasses) {
    let mut by_code = Map::new();
    let mut out: SdkClasses = Vec::new();
    for code in &model.codes {
        let Some(text) = code.facts.sdk_exception.as_deref() else {
            continue;
        };
        let chosen = super::sdk_class_candidates(text).into_iter().find(|name| {
            out.iter().any(|(c, _)| c == name)
                || (is_identifier(name) && !taken.contains(*name) && !RESERVED.contains(name))
        });
        let Some(name) = chosen else {
            continue;
        };
        by_code.insert(code.wire_name.clone(), json!(name));
        match out.iter_mut().find(|(c, _)| c == name) {
            Some((_, codes)) => codes.push(format!("`{}`", code.wire_name)),
            None => {
                taken.insert(name.to_string());
                out.push((name.to_string(), vec![format!("`{}`", code.wire_name)]));
            }
        }
    }
    (by_code, out)
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// `rate_limited` → `rateLimited`; a name that would start with a digit
/// gets a `_` in front.
fn camel_case(snake: &str) -> String {
    let upper = crate::ident::upper_camel(snake);
    let mut chars = upper.chars();
    let out: String = chars
        .next()
        .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
        .unwrap_or_default();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{out}")
    } else {
        out
    }
}

/// `name`, or `name_` (and so on) when it is reserved or taken.
fn unique(mut name: String, taken: &mut BTreeSet<String>) -> String {
    while RESERVED.contains(&name.as_str()) || taken.contains(&name) {
        name.push('_');
    }
    taken.insert(name.clone());
    name
}

fn ts_type(ty: ParamType) -> &'static str {
    match ty {
        ParamType::String => "string",
        ParamType::Bool => "boolean",
        _ => "number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_identifiers_and_never_reserved() {
        assert_eq!(camel_case("rate_limited"), "rateLimited");
        assert_eq!(camel_case("e404_thing"), "e404Thing");
        let mut taken = BTreeSet::new();
        assert_eq!(unique("delete".into(), &mut taken), "delete_");
        assert_eq!(unique("ok".into(), &mut taken), "ok");
        assert_eq!(unique("ok".into(), &mut taken), "ok_");
        assert!(is_identifier("RateLimitError"));
        assert!(!is_identifier("ValueError / RoboflowError"));
        assert!(!is_identifier("requests.exceptions.ConnectionError"));
    }
}
