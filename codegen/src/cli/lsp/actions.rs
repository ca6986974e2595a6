//! Code actions: every diagnostic whose help names a mechanical fix (the
//! same fixes `errcat check --fix` applies), and, on a code or in a
//! category file, "new code here" (with the next free numeric),
//! "deprecate" and "retire".

use std::collections::HashMap;
use std::ops::Range;

use super::analysis::{Analysis, Edits};

/// An action: its title, kind (`quickfix`, `refactor`) and edits per file.
pub struct Action {
    pub title: String,
    pub kind: &'static str,
    pub edits: Edits,
    /// The diagnostic codes it fixes.
    pub fixes: Option<String>,
}

/// The actions for `range` of file `name`.
pub fn actions(analysis: &Analysis, name: &str, range: Range<usize>) -> Vec<Action> {
    let mut out = Vec::new();
    for d in &analysis.diagnostics {
        let Some(fix) = &d.fix else { continue };
        let file = analysis.sources.file(fix.file);
        if file.name != name || fix.span.end < range.start || fix.span.start > range.end {
            continue;
        }
        out.push(Action {
            title: format!("Replace `{}` with `{}`", fix.from, fix.to),
            kind: "quickfix",
            edits: HashMap::from([(name.to_string(), vec![(fix.span.clone(), fix.to.clone())])]),
            fixes: Some(d.code.to_string()),
        });
    }
    let Some(text) = analysis.text(name) else {
        return out;
    };
    let Some(index) = analysis.index.get(name) else {
        return out;
    };
    if name == crate::source::CATALOG_TOML || name == crate::history::lock::LOCK_FILE {
        return out;
    }
    out.push(new_code(analysis, name, text));
    let Some(table) = index.table_at(range.start).filter(|t| t.path.len() == 1) else {
        return out;
    };
    let code = &table.path[0];
    let after_header = text[table.name_span.end..]
        .find('\n')
        .map_or(text.len(), |i| table.name_span.end + i + 1);
    if !table.entries.iter().any(|e| e.key == "deprecated") {
        out.push(Action {
            title: format!("Deprecate `{code}`"),
            kind: "refactor",
            edits: HashMap::from([(
                name.to_string(),
                vec![(
                    after_header..after_header,
                    "deprecated = \"Say why, and what to use instead.\"\n".into(),
                )],
            )]),
            fixes: None,
        });
    }
    let catalog = analysis.text(crate::source::CATALOG_TOML).unwrap_or("");
    let tombstone = format!(
        "{}[retired.{code}]\nreason = \"Say why it was retired.\"\n",
        if catalog.ends_with("\n\n") || catalog.is_empty() {
            ""
        } else {
            "\n"
        }
    );
    out.push(Action {
        title: format!("Retire `{code}`"),
        kind: "refactor",
        edits: HashMap::from([
            (name.to_string(), vec![(table.span.clone(), String::new())]),
            (
                crate::source::CATALOG_TOML.to_string(),
                vec![(catalog.len()..catalog.len(), tombstone)],
            ),
        ]),
        fixes: None,
    });
    out
}

/// A new code at the end of a category file, with the category's next free
/// numeric when the catalog numbers its codes.
fn new_code(analysis: &Analysis, name: &str, text: &str) -> Action {
    let category = name.strip_suffix(".toml").unwrap_or(name);
    let numeric = analysis
        .model
        .as_ref()
        .and_then(|m| Some((m, m.categories.iter().find(|c| c.id == category)?)))
        .and_then(|(m, c)| crate::cli::new::suggested_numeric(m, c));
    let taken = |n: &str| {
        analysis.index.values().any(|i| {
            i.occurrences
                .iter()
                .any(|o| o.definition && o.symbol.name() == n)
        })
    };
    let mut code = "new_code".to_string();
    let mut n = 2;
    while taken(&code) {
        code = format!("new_code_{n}");
        n += 1;
    }
    let mut table = String::new();
    if !text.is_empty() && !text.ends_with("\n\n") {
        table.push('\n');
    }
    if !text.is_empty() && !text.ends_with('\n') {
        table.push('\n');
    }
    table.push_str(&format!("[{code}]\n"));
    if let Some(n) = numeric {
        table.push_str(&format!("numeric = {n}\n"));
    }
    table.push_str("title = \"Title\"\nmessage = \"What went wrong.\"\n");
    Action {
        title: match numeric {
            Some(n) => format!("New code here (numeric {n})"),
            None => "New code here".into(),
        },
        kind: "refactor",
        edits: HashMap::from([(name.to_string(), vec![(text.len()..text.len(), table)])]),
        fixes: None,
    }
}
