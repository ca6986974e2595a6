//! Go to definition, find references and rename, over the index: codes
//! (`replaced_by`, `generic`, tombstones, lock entries), retry policies
//! and categories. A rename the lock forbids is refused with the reason
//! the history rules give, found by compiling the renamed catalog.

use std::ops::Range;

use super::analysis::{Analysis, Edits};
use super::index::Symbol;

/// The symbol at `offset` of file `name`, with its span.
pub fn symbol_at<'a>(
    analysis: &'a Analysis,
    name: &str,
    offset: usize,
) -> Option<(&'a Symbol, Range<usize>)> {
    let index = analysis.index.get(name)?;
    if let Some(o) = index.symbol_at(offset) {
        return Some((&o.symbol, o.span.clone()));
    }
    None
}

/// Where the symbol at `offset` is defined: `(file, span)`.
pub fn definition(
    analysis: &Analysis,
    name: &str,
    offset: usize,
) -> Option<(String, Range<usize>)> {
    let (symbol, _) = symbol_at(analysis, name, offset)?;
    let (file, o) = analysis.definition(symbol)?;
    Some((file.to_string(), o.span.clone()))
}

/// Every place the symbol at `offset` is written.
pub fn references(
    analysis: &Analysis,
    name: &str,
    offset: usize,
    with_definition: bool,
) -> Vec<(String, Range<usize>)> {
    let Some((symbol, _)) = symbol_at(analysis, name, offset) else {
        return Vec::new();
    };
    analysis
        .occurrences(symbol)
        .filter(|(_, o)| with_definition || !o.definition)
        .map(|(f, o)| (f.to_string(), o.span.clone()))
        .collect()
}

/// Why a rename cannot be done.
pub struct Refused(pub String);

/// A rename: text edits, and for a category, its file's new name.
pub struct Renamed {
    pub edits: Edits,
    /// `(old file, new file)`.
    pub file: Option<(String, String)>,
}

/// The edits that rename the symbol at `offset` to `new_name`, per file,
/// leaving the lock alone (it records releases); refused when the result
/// would not pass `errcat check` for a reason the rename causes, such as
/// a released code that would disappear.
pub fn rename(
    analysis: &Analysis,
    name: &str,
    offset: usize,
    new_name: &str,
) -> Result<Renamed, Refused> {
    let Some((symbol, _)) = symbol_at(analysis, name, offset) else {
        return Err(Refused(
            "there is no code, retry policy or category here".into(),
        ));
    };
    let is_code = matches!(symbol, Symbol::Code(_));
    let token = !new_name.is_empty()
        && new_name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !token || (!is_code && !crate::ident::is_snake_case(new_name)) {
        return Err(Refused(format!("`{new_name}` is not a snake_case name")));
    }
    let taken = analysis.index.values().any(|i| {
        i.occurrences.iter().any(|o| {
            o.definition
                && o.symbol.name() == new_name
                && std::mem::discriminant(&o.symbol) == std::mem::discriminant(symbol)
        })
    });
    if taken {
        return Err(Refused(format!("`{new_name}` is taken")));
    }
    let mut edits = Edits::new();
    for (file, o) in analysis.occurrences(symbol) {
        if file == crate::history::lock::LOCK_FILE {
            continue;
        }
        edits
            .entry(file.to_string())
            .or_default()
            .push((o.span.clone(), new_name.to_string()));
    }
    // A category is also its file.
    let file = match symbol {
        Symbol::Category(old) => {
            let (from, to) = (format!("{old}.toml"), format!("{new_name}.toml"));
            if analysis.text(&to).is_some() {
                return Err(Refused(format!("`{to}` exists")));
            }
            Some((from, to))
        }
        _ => None,
    };
    // The renamed catalog must compile no worse than before.
    let mut sources = analysis.sources.clone();
    for (file, file_edits) in &edits {
        let Some(text) = analysis.text(file) else {
            continue;
        };
        let mut text = text.to_string();
        let mut sorted = file_edits.clone();
        sorted.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        for (span, to) in sorted {
            text.replace_range(span, &to);
        }
        sources = sources.with_overlay(file, &text);
    }
    if let Some((from, to)) = &file
        && let Some(text) = analysis.text(from)
    {
        sources = sources.without(from).with_overlay(to, text);
    }
    let before: Vec<String> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    if let Err(report) = crate::compile(&sources) {
        let new: Vec<&crate::Diagnostic> = report
            .diagnostics()
            .iter()
            .filter(|d| d.severity == crate::Severity::Error && !before.contains(&d.message))
            .collect();
        if let Some(first) = new.first() {
            let help = first
                .help
                .as_deref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            return Err(Refused(format!("{}: {}{help}", first.code, first.message)));
        }
    }
    Ok(Renamed { edits, file })
}
