//! Hover: a key's documentation; on a code, its docs section and an
//! example body; on a retry policy or category, what it is and what uses
//! it.

use super::analysis::Analysis;
use super::index::Symbol;
use super::schema;

/// The Markdown to show at `offset` of file `name`.
pub fn hover(analysis: &Analysis, name: &str, offset: usize) -> Option<String> {
    let index = analysis.index.get(name)?;
    if let Some(occurrence) = index.symbol_at(offset) {
        return symbol(analysis, &occurrence.symbol);
    }
    let table = index.table_at(offset)?;
    let entry = table
        .entries
        .iter()
        .find(|e| e.key_span.start <= offset && offset <= e.key_span.end)?;
    let is_catalog = name == crate::source::CATALOG_TOML;
    let schema = schema::key(schema::table(is_catalog, &table.path)?, &entry.key)?;
    Some(schema::docs(&entry.key, schema))
}

/// What a symbol is and where it is used.
pub fn symbol(analysis: &Analysis, symbol: &Symbol) -> Option<String> {
    let model = analysis.model.as_ref();
    match symbol {
        Symbol::Code(identity) => {
            let Some(model) = model else {
                return Some(format!(
                    "code `{identity}` (the catalog does not compile yet)"
                ));
            };
            let Some(code) = model
                .resolve(identity)
                .filter(|c| c.wire_name == *identity || c.name == *identity)
            else {
                let retired = model.retired.iter().find(|r| r.name == *identity)?;
                return Some(format!(
                    "**`{identity}`**: retired. {}",
                    retired.record.reason.as_deref().unwrap_or("")
                ));
            };
            let mut out = crate::emit::docs::code_section(model, code);
            if model.meta.http && code.kind.is_error() {
                let body = crate::emit::examples::example_body(model, code)
                    .to_json(model.envelope.with_style(code.envelope));
                let pretty = serde_json::to_string_pretty(&body).unwrap_or_default();
                out.push_str(&format!(
                    "\n\nExample response ({}):\n\n```json\n{pretty}\n```\n",
                    code.status
                ));
            }
            Some(out)
        }
        Symbol::Policy(name) => {
            let uses: Vec<String> = analysis
                .occurrences(symbol)
                .filter(|(_, o)| !o.definition)
                .map(|(file, _)| file.to_string())
                .collect();
            let (words, count) = match model {
                Some(model) => {
                    let policy = model.retry_policies.iter().find(|p| p.name == *name)?;
                    let count = model
                        .codes
                        .iter()
                        .filter(|c| model.retry_policies[c.retry].name == *name)
                        .count();
                    (crate::emit::words::retry_in_words(policy), count)
                }
                None => (String::new(), 0),
            };
            Some(format!(
                "**retry policy `{name}`**\n\n{words}\n\nUsed by {count} codes (named in {} places).",
                uses.len()
            ))
        }
        Symbol::Category(id) => {
            let Some(model) = model else {
                return Some(format!("category `{id}`"));
            };
            let category = model.categories.iter().find(|c| c.id == *id)?;
            let names: Vec<String> = category
                .codes
                .iter()
                .take(12)
                .map(|&i| format!("`{}`", model.codes[i].name))
                .collect();
            let more = category.codes.len().saturating_sub(names.len());
            let mut out = format!("**category `{id}`**: {}", category.title);
            if let Some(d) = &category.description {
                out.push_str(&format!("\n\n{d}"));
            }
            out.push_str(&format!(
                "\n\n{} codes in `{id}.toml`: {}",
                category.codes.len(),
                names.join(", ")
            ));
            if more > 0 {
                out.push_str(&format!(" and {more} more"));
            }
            Some(out)
        }
    }
}
