//! Completion: the keys a table may hold, the values a key may take
//! (closed sets, retry policy, category and code names), and inside a
//! template's braces, the code's params.

use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};

use super::analysis::Analysis;
use super::index::{Symbol, TableInfo};
use super::schema;

/// The completions at `offset` of file `name`.
pub fn complete(analysis: &Analysis, name: &str, offset: usize) -> Vec<CompletionItem> {
    let Some(text) = analysis.text(name) else {
        return Vec::new();
    };
    let Some(index) = analysis.index.get(name) else {
        return Vec::new();
    };
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = &text[line_start..offset.min(text.len())];
    let is_catalog = name == crate::source::CATALOG_TOML;
    let table = index.table_at(offset);
    // Inside a string: `key = "...|`.
    if let Some((key, value)) = line.split_once('=') {
        let key = key.trim();
        let value = value.trim_start();
        if let Some(inside) = value.strip_prefix('"').or_else(|| value.strip_prefix('\'')) {
            if key == "message" || key == "title" {
                return params(text, table, inside);
            }
            return names(analysis, is_catalog, table, key);
        }
        // `key = |`: a closed set as literals.
        return table
            .and_then(|t| schema::table(is_catalog, &t.path))
            .and_then(|s| schema::key(s, key))
            .map(|s| {
                schema::values(s)
                    .into_iter()
                    .map(|v| {
                        item(
                            if v == "true" || v == "false" {
                                v
                            } else {
                                format!("\"{v}\"")
                            },
                            CompletionItemKind::VALUE,
                            None,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
    }
    // A key at the start of a line: the table's keys not written yet.
    if line.trim_start().starts_with('[') {
        return Vec::new();
    }
    let Some(table) = table else {
        return Vec::new();
    };
    let Some(table_schema) = schema::table(is_catalog, &table.path) else {
        return Vec::new();
    };
    schema::keys(table_schema)
        .into_iter()
        .filter(|(k, _)| !table.entries.iter().any(|e| e.key == *k))
        .map(|(k, s)| {
            item(
                k.to_string(),
                CompletionItemKind::PROPERTY,
                Some(schema::docs(k, s)),
            )
        })
        .collect()
}

fn item(label: String, kind: CompletionItemKind, docs: Option<String>) -> CompletionItem {
    CompletionItem {
        label,
        kind: Some(kind),
        documentation: docs.map(|value| {
            Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            })
        }),
        ..CompletionItem::default()
    }
}

/// Names for `retry = "`, `replaced_by = "`, `generic = "`, and the closed
/// values of other string keys.
fn names(
    analysis: &Analysis,
    is_catalog: bool,
    table: Option<&TableInfo>,
    key: &str,
) -> Vec<CompletionItem> {
    let defined = |want: fn(&Symbol) -> bool| {
        let mut seen: Vec<String> = Vec::new();
        for index in analysis.index.values() {
            for o in index
                .occurrences
                .iter()
                .filter(|o| o.definition && want(&o.symbol))
            {
                if !seen.contains(&o.symbol.name().to_string()) {
                    seen.push(o.symbol.name().to_string());
                }
            }
        }
        seen.sort();
        seen
    };
    let (labels, kind) = match key {
        "retry" => {
            let mut policies = defined(|s| matches!(s, Symbol::Policy(_)));
            policies.insert(0, "never".into());
            (policies, CompletionItemKind::ENUM_MEMBER)
        }
        "replaced_by" | "generic" => (
            defined(|s| matches!(s, Symbol::Code(_))),
            CompletionItemKind::CONSTANT,
        ),
        "category" => (
            defined(|s| matches!(s, Symbol::Category(_))),
            CompletionItemKind::MODULE,
        ),
        _ => {
            let values = table
                .and_then(|t| schema::table(is_catalog, &t.path))
                .and_then(|s| schema::key(s, key))
                .map(schema::values)
                .unwrap_or_default();
            (values, CompletionItemKind::VALUE)
        }
    };
    labels.into_iter().map(|l| item(l, kind, None)).collect()
}

/// Inside `{` of a template: the params the code declares.
fn params(text: &str, table: Option<&TableInfo>, inside: &str) -> Vec<CompletionItem> {
    let open = inside.rfind('{');
    let close = inside.rfind('}');
    if open.is_none() || close > open {
        return Vec::new();
    }
    let Some(table) = table else {
        return Vec::new();
    };
    let Some(params) = table.entries.iter().find(|e| e.key == "params") else {
        return Vec::new();
    };
    let Ok(doc) =
        format!("p = {}", &text[params.value_span.clone()]).parse::<toml_edit::DocumentMut>()
    else {
        return Vec::new();
    };
    let Some(map) = doc.get("p").and_then(|p| p.as_inline_table()) else {
        return Vec::new();
    };
    map.iter()
        .map(|(k, v)| {
            item(
                k.to_string(),
                CompletionItemKind::VARIABLE,
                v.as_str().map(|t| format!("param `{k}`: {t}")),
            )
        })
        .collect()
}
