//! Where each name is written in a catalog's files: the tables that
//! define codes, retry policies and categories, the values that refer to
//! them (`replaced_by`, `retry`, `generic`), the lock's entries, and every
//! table with its keys, for hover, completion and navigation. Built from
//! toml_edit's spans, so it works while the catalog does not compile.

use std::ops::Range;

use toml_edit::{Document, Item, Table};

/// A name a catalog defines.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Symbol {
    Code(String),
    Policy(String),
    Category(String),
}

impl Symbol {
    pub fn name(&self) -> &str {
        match self {
            Symbol::Code(n) | Symbol::Policy(n) | Symbol::Category(n) => n,
        }
    }
}

/// One place a symbol is written.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub symbol: Symbol,
    /// The name's bytes (inside quotes, for a string value).
    pub span: Range<usize>,
    /// The table that defines it, rather than a use of it.
    pub definition: bool,
}

/// A key and its value.
#[derive(Clone, Debug)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value_span: Range<usize>,
}

/// A `[table]` and its keys.
#[derive(Clone, Debug)]
pub struct TableInfo {
    /// `["categories", "auth"]`, `["invalid_key"]`.
    pub path: Vec<String>,
    /// From its header to the next one.
    pub span: Range<usize>,
    /// The header's last key.
    pub name_span: Range<usize>,
    pub entries: Vec<Entry>,
}

/// One file's index.
#[derive(Clone, Debug, Default)]
pub struct FileIndex {
    pub occurrences: Vec<Occurrence>,
    pub tables: Vec<TableInfo>,
}

impl FileIndex {
    /// The index of a catalog file (`catalog.toml`, a category file) or the
    /// lock; empty where the text does not parse.
    pub fn of(name: &str, text: &str) -> FileIndex {
        if name == crate::history::lock::LOCK_FILE {
            return lock(text);
        }
        let Ok(doc) = Document::parse(text) else {
            return FileIndex::default();
        };
        let mut index = FileIndex::default();
        let root = doc.as_table();
        let mut tables = Vec::new();
        collect(root, &mut Vec::new(), &mut tables);
        // A table runs to the next table's header.
        tables.sort_by_key(|t: &TableInfo| t.span.start);
        for i in 0..tables.len() {
            let end = tables.get(i + 1).map_or(text.len(), |n| n.span.start);
            tables[i].span.end = end;
        }
        let catalog = name == crate::source::CATALOG_TOML;
        // A translation's table names the code it translates: a use.
        let translations = name.starts_with(&format!("{}/", crate::source::LOCALES_DIR));
        for table in &tables {
            let path: Vec<&str> = table.path.iter().map(String::as_str).collect();
            let define = match (catalog, path.as_slice()) {
                (true, ["categories", id]) => Some(Symbol::Category(id.to_string())),
                (true, ["retry", id]) => Some(Symbol::Policy(id.to_string())),
                (true, ["retired", id]) => Some(Symbol::Code(id.to_string())),
                (false, [code]) => Some(Symbol::Code(code.to_string())),
                _ => None,
            };
            if let Some(symbol) = define {
                index.occurrences.push(Occurrence {
                    symbol,
                    span: table.name_span.clone(),
                    definition: !translations,
                });
            }
            for entry in &table.entries {
                let value = &text[entry.value_span.clone()];
                let Some(inner) = quoted(value) else { continue };
                let span = entry.value_span.start + 1..entry.value_span.start + 1 + inner.len();
                let symbol = match entry.key.as_str() {
                    "retry" => Symbol::Policy(inner.to_string()),
                    "replaced_by" | "generic" => Symbol::Code(inner.to_string()),
                    _ => continue,
                };
                index.occurrences.push(Occurrence {
                    symbol,
                    span,
                    definition: false,
                });
            }
        }
        index.tables = tables;
        index
    }

    /// The innermost table at `offset`.
    pub fn table_at(&self, offset: usize) -> Option<&TableInfo> {
        self.tables
            .iter()
            .rev()
            .find(|t| t.span.contains(&offset) || t.span.end == offset)
    }

    /// The symbol written at `offset`.
    pub fn symbol_at(&self, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.span.start <= offset && offset <= o.span.end)
    }
}

/// The text of a basic or literal string without its quotes, when it has
/// no escapes.
fn quoted(value: &str) -> Option<&str> {
    let inner = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))?;
    (!inner.contains('\\') && !inner.contains('"')).then_some(inner)
}

fn collect(table: &Table, path: &mut Vec<String>, out: &mut Vec<TableInfo>) {
    for (key, item) in table.iter() {
        let Some(sub) = item.as_table() else { continue };
        path.push(key.to_string());
        let name_span = table.key(key).and_then(|k| k.span()).unwrap_or(0..0);
        if !sub.is_implicit() {
            let entries = sub
                .iter()
                .filter(|(_, v)| matches!(v, Item::Value(_)))
                .filter_map(|(k, v)| {
                    Some(Entry {
                        key: k.to_string(),
                        key_span: sub.key(k)?.span()?,
                        value_span: v.span()?,
                    })
                })
                .collect();
            let start = sub.span().map_or(name_span.start, |s| s.start);
            out.push(TableInfo {
                path: path.clone(),
                span: start..start,
                name_span,
                entries,
            });
        }
        collect(sub, path, out);
        path.pop();
    }
}

/// The lock's code entries: `"name": {` lines under `"codes"`.
fn lock(text: &str) -> FileIndex {
    let mut index = FileIndex::default();
    let mut offset = 0;
    let mut in_codes = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("\"codes\"") || trimmed.starts_with("\"retired\"") {
            in_codes = true;
        } else if in_codes
            && let Some(rest) = trimmed.strip_prefix('"')
            && let Some(end) = rest.find('"')
            && rest[end..].starts_with("\": {")
        {
            let start = offset + (line.len() - trimmed.len()) + 1;
            index.occurrences.push(Occurrence {
                symbol: Symbol::Code(rest[..end].to_string()),
                span: start..start + end,
                definition: false,
            });
        } else if trimmed.starts_with('}')
            && !trimmed.starts_with("},")
            && line.len() - trimmed.len() <= 2
        {
            in_codes = false;
        }
        offset += line.len();
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_and_uses_are_found_with_their_spans() {
        let text = "[catalog]\nname = \"x\"\n\n[retry.standard]\nstrategy = \"never\"\n\n[categories.auth]\ntitle = \"A\"\nretry = \"standard\"\n";
        let index = FileIndex::of("catalog.toml", text);
        let names: Vec<(String, &str, bool)> = index
            .occurrences
            .iter()
            .map(|o| {
                (
                    o.symbol.name().to_string(),
                    &text[o.span.clone()],
                    o.definition,
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                ("standard".to_string(), "standard", true),
                ("auth".to_string(), "auth", true),
                ("standard".to_string(), "standard", false)
            ]
        );
        let at = text.find("title").unwrap();
        assert_eq!(index.table_at(at).unwrap().path, ["categories", "auth"]);
    }

    #[test]
    fn codes_and_their_references_in_a_category_file() {
        let text = "[old]\ntitle = \"O\"\nreplaced_by = \"new\"\n\n[new]\ntitle = \"N\"\n";
        let index = FileIndex::of("auth.toml", text);
        assert_eq!(index.occurrences.len(), 3);
        assert!(
            index
                .occurrences
                .iter()
                .any(|o| o.symbol == Symbol::Code("new".into()) && !o.definition)
        );
    }

    #[test]
    fn lock_entries_are_uses_of_codes() {
        let text = "{\n  \"codes\": {\n    \"a_b\": {\"x\":1},\n    \"c\": {\"x\":2}\n  }\n}\n";
        let index = FileIndex::of("errcat.lock", text);
        let names: Vec<&str> = index
            .occurrences
            .iter()
            .map(|o| &text[o.span.clone()])
            .collect();
        assert_eq!(names, ["a_b", "c"]);
    }
}
