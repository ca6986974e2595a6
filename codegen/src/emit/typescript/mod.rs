//! The TypeScript package: `typescript/`, an npm package with no
//! dependencies that plain JavaScript and TypeScript projects both install.
//!
//! - `src/data.ts`: the catalog as data, written as JSON (so catalog text
//!   can never become code), with the `Code` union and `CodeDetails`;
//! - `src/runtime.ts`: the same rules as errcat-runtime, one file for every
//!   catalog, importing its data from `data.ts`;
//! - `src/errors.ts`, the entry: one class per SDK exception that is a valid
//!   class name, and one typed constructor per code;
//! - `src/conformance.ts`: the runner of the conformance cases, which ship
//!   as `conformance.json`;
//! - each compiled to ES2022 JavaScript with its `.d.ts` beside
//!   `package.json`: `runtime` and `conformance` are the same for every
//!   catalog, so their compiled forms are tsc's output, committed beside
//!   their sources here and held to them by a test; `data` and `errors` are
//!   written in all three forms by this module.
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

/// The package's entry source, under `generated/`.
pub const MODULE: &str = "typescript/src/errors.ts";

/// The runtime, its compiled JavaScript and declarations (tsc's output for
/// `runtime.ts`, kept fresh by `tests/typescript`).
const RUNTIME: [(&str, &str); 3] = [
    ("src/runtime.ts", include_str!("runtime.ts")),
    ("runtime.js", include_str!("runtime.js")),
    ("runtime.d.ts", include_str!("runtime.d.ts")),
];

/// The conformance runner, likewise.
const CONFORMANCE: [(&str, &str); 3] = [
    ("src/conformance.ts", include_str!("conformance.ts")),
    ("conformance.js", include_str!("conformance.js")),
    ("conformance.d.ts", include_str!("conformance.d.ts")),
];

/// Names the module itself exports or uses; a generated name never takes one.
const TAKEN: &[&str] = &[
    "CatalogError",
    "Code",
    "CodeFacts",
    "CategoryFacts",
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
    "named",
    "resolve",
    "fromNumeric",
    "facts",
    "telemetryLabels",
    "TelemetryLabels",
    "category",
    "create",
    "renderTemplate",
    "pluralCategory",
    "findLocale",
    "negotiateLocale",
    "fromResponse",
    "parseRetryAfter",
    "delayBounds",
    "policyForStatus",
    "grpcForStatus",
    "construct",
    "CATALOG_NAME",
    "CATALOG_VERSION",
    "CatalogErrorClass",
    "HeaderInput",
    "registerClasses",
    "runConformance",
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
    "__proto__",
];

/// `typescript/`.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "typescript",
        default: false,
        needs_http: true,
        requires: None,
        reserved_pages: &[],
    },
    emit,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let header = format!("// {}\n", super::generated_header(cx.command));
    let dir = PathBuf::from("typescript");
    let mut files = FileSet::new();
    let data = Data::of(cx.model);
    let entry = Entry::of(cx.model);
    let written = [
        ("src/data.ts", data.render(Form::Source)),
        ("data.js", data.render(Form::JavaScript)),
        ("data.d.ts", data.render(Form::Declarations)),
        ("src/errors.ts", entry.render(Form::Source)),
        ("errors.js", entry.render(Form::JavaScript)),
        ("errors.d.ts", entry.render(Form::Declarations)),
    ];
    for (path, text) in written {
        files.insert(dir.join(path), format!("{header}{text}"));
    }
    for (path, text) in RUNTIME.iter().chain(&CONFORMANCE) {
        files.insert(dir.join(path), format!("{header}{text}"));
    }
    files.insert(
        dir.join("conformance.json"),
        super::conformance::cases_json(cx),
    );
    files.insert(dir.join("package.json"), package_json(cx.model, cx.command));
    files
}

/// `package.json`: an ES module package whose entry has its types beside
/// it, named and versioned from the catalog (`[outputs] npm_package`
/// overrides the name).
fn package_json(model: &Model, command: &str) -> String {
    let package = json!({
        "//": super::generated_header(command),
        "name": model.packages.npm,
        "version": model.meta.version.as_deref().unwrap_or("0.0.0"),
        "description": format!(
            "The {} error catalog for TypeScript and JavaScript clients: typed errors, parsing and retry advice (generated by errcat).",
            model.meta.name.replace(['\n', '\r'], " ")
        ),
        "type": "module",
        "main": "./errors.js",
        "types": "./errors.d.ts",
        "exports": {
            ".": { "types": "./errors.d.ts", "default": "./errors.js" },
            "./conformance": { "types": "./conformance.d.ts", "default": "./conformance.js" },
            "./conformance.json": "./conformance.json",
            "./package.json": "./package.json",
        },
        "files": ["*.js", "*.d.ts", "conformance.json", "src/"],
        "engines": { "node": ">=18" },
    });
    let mut text = serde_json::to_string_pretty(&package).unwrap_or_default();
    text.push('\n');
    text
}

/// Which of a module's three files is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// TypeScript source (`src/*.ts`).
    Source,
    /// The JavaScript it compiles to.
    JavaScript,
    /// Its declarations (`.d.ts`).
    Declarations,
}

/// The tables of `data` parsed the first time they are read.
const LAZY_TABLES: &[&str] = &[
    "CODES",
    "CATEGORIES",
    "NAMES",
    "SHARED_NAMES",
    "NUMERIC",
    "CODE_CLASS",
    "TRANSLATIONS",
];

/// `data`: the catalog's name, version, code union, details and tables.
struct Data {
    name: String,
    version: String,
    codes: String,
    details: String,
    /// Each table: its name, its TypeScript type, its value as JSON.
    tables: Vec<(&'static str, String, String)>,
}

impl Data {
    fn of(model: &Model) -> Data {
        let json = |v: &Value| serde_json::to_string(v).unwrap_or_default();
        let data = super::client_data::data(model);
        let names: Vec<String> = model
            .codes
            .iter()
            .map(|c| json(&json!(c.wire_name)))
            .collect();
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
        let limits = match &data["limits"] {
            Value::Object(map) => {
                let fields: Vec<String> = map
                    .keys()
                    .map(|k| format!("readonly {k}: number"))
                    .collect();
                format!("{{ {} }}", fields.join("; "))
            }
            _ => "{}".into(),
        };
        let (class_of, _) = classes(model, &mut TAKEN.iter().map(|s| s.to_string()).collect());
        let field = |key: &str| json(&data[key]);
        let tables = vec![
            ("ENVELOPE", "{ readonly style: EnvelopeStyle; readonly fieldCase: \"snake\" | \"camel\"; readonly requestId: \"inside\" | \"outside\" }".into(), field("envelope")),
            ("WIRE", "Readonly<Record<EnvelopeStyle, { readonly wrapper: string | null; readonly list: boolean; readonly fields: readonly WireField[] }>>".into(), field("wire")),
            ("DOMAIN", "string | null".into(), field("domain")),
            ("REQUEST_ID_HEADER", "string | null".into(), field("requestIdHeader")),
            ("GRPC_BY_STATUS", "Readonly<Record<string, string>>".into(), field("grpcByStatus")),
            ("OUTER_REQUEST_ID", "readonly [string, string]".into(), field("outerRequestId")),
            ("LIMITS", limits, field("limits")),
            ("TELEMETRY", "{ readonly errorType: string; readonly category: string; readonly fault: string; readonly retryable: string; readonly other: string }".into(), field("telemetry")),
            ("STATUS_POLICIES", "ReadonlyArray<readonly [number, number, RetryPolicy]>".into(), field("statusPolicies")),
            ("POLICIES", "Readonly<Record<string, RetryPolicy>>".into(), field("policies")),
            ("CODES", "Readonly<Record<Code, CodeFacts>>".into(), field("codes")),
            ("CATEGORIES", "Readonly<Record<string, CategoryFacts>>".into(), field("categories")),
            ("NAMES", "Readonly<Record<string, Code>>".into(), field("names")),
            ("SHARED_NAMES", "Readonly<Record<string, readonly Code[]>>".into(), field("sharedNames")),
            ("NUMERIC", "Readonly<Record<string, Code>>".into(), field("numeric")),
            ("PREFIX_CLASSES", "ReadonlyArray<readonly [string, Code]>".into(), field("classes")),
            ("CASE_INSENSITIVE", "boolean".into(), field("caseInsensitive")),
            ("IDENTITY_PATTERN", "string | null".into(), field("identityPattern")),
            ("CODE_CLASS", "Readonly<Record<string, string>>".into(), json(&Value::Object(class_of))),
            ("LOCALES", "{ readonly tags: readonly string[]; readonly parents: readonly number[]; readonly plurals: readonly string[]; readonly maxRanges: number }".into(), field("locales")),
            ("TRANSLATIONS", "Readonly<Record<string, Readonly<Record<string, readonly [string | null, string | null]>>>>".into(), field("translations")),
        ];
        Data {
            name: json(&json!(model.meta.name)),
            version: json(&json!(model.meta.version)),
            codes: names.join("\n  | "),
            details: details.join("\n"),
            tables,
        }
    }

    fn render(&self, form: Form) -> String {
        let mut out = String::from(
            "// The catalog's data, read by runtime.js. Import from errors.js, not from here.\n",
        );
        if form != Form::JavaScript {
            out.push_str(
                "import type { Backoff, CategoryFacts, CodeFacts, EnvelopeStyle, RetryPolicy, WireField } from \"./runtime.js\";\n",
            );
        }
        out.push('\n');
        let (name, version) = match form {
            Form::Source => (
                format!("export const CATALOG_NAME = {};", self.name),
                format!(
                    "export const CATALOG_VERSION: string | null = {};",
                    self.version
                ),
            ),
            Form::JavaScript => (
                format!("export const CATALOG_NAME = {};", self.name),
                format!("export const CATALOG_VERSION = {};", self.version),
            ),
            Form::Declarations => (
                format!("export declare const CATALOG_NAME = {};", self.name),
                "export declare const CATALOG_VERSION: string | null;".to_string(),
            ),
        };
        let _ = writeln!(out, "/** The catalog's name. */\n{name}");
        let _ = writeln!(
            out,
            "/** The catalog's version, if it has one. */\n{version}\n"
        );
        if form != Form::JavaScript {
            let _ = writeln!(
                out,
                "/** Every code of the catalog, by its wire name. */\nexport type Code =\n  | {};\n",
                self.codes
            );
            let _ = writeln!(
                out,
                "/** Each code's `details`: its message params (a parsed body may lack some). */\nexport interface CodeDetails {{\n{}\n}}\n",
                self.details
            );
        }
        // Parsed from JSON text, not written as object literals: in a literal
        // a code named `__proto__` would set the prototype, not a key.
        let json_text = |value: &String| serde_json::to_string(value).unwrap_or_default();
        match form {
            Form::Source => out.push_str(
                "/** A table parsed from its JSON text the first time it is read. */
                 function lazy<T>(text: string): () => T {
  let value: T | undefined;
                   return () => {
    value ??= JSON.parse(text) as T;
    return value;
  };
}

",
            ),
            Form::JavaScript => out.push_str(
                "function lazy(text) {
  let value;
  return () => {
    value ??= JSON.parse(text);
    return value;
  };
}

",
            ),
            Form::Declarations => {}
        }
        for (name, ty, value) in &self.tables {
            // The codes' facts and the indexes over them are parsed on first
            // use: importing a catalog of 20,000 codes costs little more than
            // its constructors, and a program pays for the tables it reads.
            let lazy = LAZY_TABLES.contains(name);
            let _ = match (form, lazy) {
                (Form::Source, false) => writeln!(
                    out,
                    "export const {name}: {ty} = JSON.parse({});",
                    json_text(value)
                ),
                (Form::Source, true) => writeln!(
                    out,
                    "export const {name}: () => {ty} = lazy({});",
                    json_text(value)
                ),
                (Form::JavaScript, false) => writeln!(
                    out,
                    "export const {name} = JSON.parse({});",
                    json_text(value)
                ),
                (Form::JavaScript, true) => {
                    writeln!(out, "export const {name} = lazy({});", json_text(value))
                }
                (Form::Declarations, false) => writeln!(out, "export declare const {name}: {ty};"),
                (Form::Declarations, true) => {
                    writeln!(out, "export declare const {name}: () => {ty};")
                }
            };
        }
        out
    }
}

/// `errors`, the entry: the runtime and data re-exported, one class per SDK
/// exception, one typed constructor per code.
struct Entry {
    /// Each class with the codes it stands for.
    classes: SdkClasses,
    /// Each constructor: doc, name, params as TypeScript fields, class, wire
    /// name as a JSON string.
    constructors: Vec<(String, String, Vec<String>, String, String)>,
}

impl Entry {
    fn of(model: &Model) -> Entry {
        let json = |v: &Value| serde_json::to_string(v).unwrap_or_default();
        let mut taken: BTreeSet<String> = TAKEN.iter().map(|s| s.to_string()).collect();
        let (class_of, classes) = classes(model, &mut taken);
        let constructors = model
            .codes
            .iter()
            .map(|code| {
                let function = unique(camel_case(&code.symbol()), &mut taken);
                let class = class_of
                    .get(&code.wire_name)
                    .and_then(Value::as_str)
                    .unwrap_or("CatalogError")
                    .to_string();
                let params: Vec<String> = code
                    .params
                    .iter()
                    .map(|p| format!("readonly {}: {}", json(&json!(p.name)), ts_type(p.ty)))
                    .collect();
                let doc = format!("{}: `{}`", code.title, code.message)
                    .replace("*/", "*\\/")
                    .replace(['\n', '\r', '\u{2028}', '\u{2029}'], " ");
                (doc, function, params, class, json(&json!(code.wire_name)))
            })
            .collect();
        Entry {
            classes,
            constructors,
        }
    }

    fn render(&self, form: Form) -> String {
        let json = |v: &Value| serde_json::to_string(v).unwrap_or_default();
        let mut out = String::from(
            "// The catalog's errors for TypeScript and JavaScript clients: everything of\n// runtime.js and data.js, with a class per SDK exception and a typed\n// constructor per code.\n\n",
        );
        out.push_str("export * from \"./runtime.js\";\nexport { CATALOG_NAME, CATALOG_VERSION } from \"./data.js\";\n");
        match form {
            Form::Source => out.push_str(
                "export type { Code, CodeDetails } from \"./data.js\";\nimport { CatalogError, create, registerClasses, type ErrorOptions } from \"./runtime.js\";\n",
            ),
            Form::JavaScript => {
                out.push_str("import { CatalogError, create, registerClasses } from \"./runtime.js\";\n")
            }
            Form::Declarations => out.push_str(
                "export type { Code, CodeDetails } from \"./data.js\";\nimport { CatalogError, type ErrorOptions } from \"./runtime.js\";\n",
            ),
        }
        let _ = writeln!(
            out,
            "\n// -- One class per SDK exception --------------------------------------------\n"
        );
        for (class, codes) in &self.classes {
            let doc = format!("/** The SDK exception of {}. */", codes.join(", "));
            let name = json(&json!(class));
            let _ = match form {
                Form::Source => writeln!(
                    out,
                    "{doc}\nexport class {class} extends CatalogError {{\n  static override readonly sdkClass: string | undefined = {name};\n}}\n"
                ),
                Form::JavaScript => writeln!(
                    out,
                    "{doc}\nexport class {class} extends CatalogError {{\n  static sdkClass = {name};\n}}\n"
                ),
                Form::Declarations => writeln!(
                    out,
                    "{doc}\nexport declare class {class} extends CatalogError {{\n  static readonly sdkClass: string | undefined;\n}}\n"
                ),
            };
        }
        if form != Form::Declarations {
            let entries: Vec<String> = self
                .classes
                .iter()
                .map(|(class, _)| format!("{}: {class}", json(&json!(class))))
                .collect();
            let _ = writeln!(out, "registerClasses({{ {} }});\n", entries.join(", "));
        }
        let _ = writeln!(
            out,
            "// -- One typed constructor per code -------------------------------------------\n"
        );
        for (doc, function, params, class, wire) in &self.constructors {
            // Editors read the docs from the declarations; the JavaScript a
            // runtime parses stays lean (thousands of codes, megabytes less).
            if form != Form::JavaScript {
                let _ = writeln!(out, "/** {doc} */");
            }
            let typed = format!("{{ {} }}", params.join("; "));
            let _ = match (form, params.is_empty()) {
                (Form::Source, true) => writeln!(
                    out,
                    "export function {function}(options?: ErrorOptions): {class} {{\n  return create({wire}, {{}}, options) as {class};\n}}\n"
                ),
                (Form::Source, false) => writeln!(
                    out,
                    "export function {function}(params: {typed}, options?: ErrorOptions): {class} {{\n  return create({wire}, params, options) as {class};\n}}\n"
                ),
                (Form::JavaScript, true) => writeln!(
                    out,
                    "export function {function}(options) {{\n  return create({wire}, {{}}, options);\n}}\n"
                ),
                (Form::JavaScript, false) => writeln!(
                    out,
                    "export function {function}(params, options) {{\n  return create({wire}, params, options);\n}}\n"
                ),
                (Form::Declarations, true) => writeln!(
                    out,
                    "export declare function {function}(options?: ErrorOptions): {class};\n"
                ),
                (Form::Declarations, false) => writeln!(
                    out,
                    "export declare function {function}(params: {typed}, options?: ErrorOptions): {class};\n"
                ),
            };
        }
        out
    }
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
    let upper = crate::ident::pascal_case(snake);
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
