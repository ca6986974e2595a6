//! Catalog problems as data: stable codes, spans, and one rule per code.
//!
//! Every problem errcat reports is a [`Diagnostic`] with a [`DiagCode`].
//! Each code is one rule, in one file under `rules/`: its documentation
//! (what, why, an example), the constructors of its diagnostics, its lint
//! when it checks the lowered catalog, and its tests. `rules/mod.rs` is the
//! registry; `docs/diagnostics.md` is generated from it.

use std::ops::Range;

use crate::source::FileId;

mod diagnose;
pub mod levels;
mod lowered;
mod report;
pub(crate) mod rules;
mod suggest;

pub use crate::diag_code::Severity;
pub use crate::lower::{CategorySource, CodeSource, SourceMap, Sourced, TemplateSource};
pub use diagnose::diagnose;
pub use lowered::Lowered;
pub use report::Report;
pub(crate) use rules::run_lints;
pub use rules::{DiagCode, EXAMPLE_BASE, Rule, compare};
pub use suggest::did_you_mean;

/// A span in one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The file.
    pub file: FileId,
    /// Byte range in the file.
    pub span: Range<usize>,
    /// What this place has to do with the problem.
    pub message: String,
    /// The primary label is where the problem is; others give context.
    pub primary: bool,
}

/// One problem found in a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code.
    pub code: DiagCode,
    /// Error or warning.
    pub severity: Severity,
    /// One-line headline.
    pub message: String,
    /// Places in the sources, the primary one first.
    pub labels: Vec<Label>,
    /// How to fix it, when known.
    pub help: Option<String>,
    /// The code it is about (its index in the catalog's source map), for
    /// warnings a code can `allow`.
    pub subject: Option<usize>,
    /// The edit that fixes it, when the fix is mechanical (`errcat check
    /// --fix` applies it; editors offer it).
    pub fix: Option<Fix>,
}

/// A machine-applicable fix: the text at a span becomes another. The span
/// holds `from` as written, bare or quoted (a TOML key or string); the fix
/// keeps the quoting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The file.
    pub file: FileId,
    /// Where `from` is written.
    pub span: Range<usize>,
    /// The text there now, unquoted.
    pub from: String,
    /// What it becomes, unquoted.
    pub to: String,
}

impl Fix {
    /// The replacement for the span's current text: `to`, quoted as `from`
    /// is. `None` when the span no longer holds `from` (the file changed
    /// since it was checked), so a stale fix never lands.
    pub fn replacement(&self, text: &str) -> Option<String> {
        let written = text.get(self.span.clone())?;
        if written == self.from {
            return Some(self.to.clone());
        }
        for quote in ['"', '\''] {
            if written.len() >= 2
                && written.starts_with(quote)
                && written.ends_with(quote)
                && written[1..written.len() - 1] == self.from
            {
                return Some(format!("{quote}{}{quote}", self.to));
            }
        }
        None
    }

    /// Applies every fix that still fits `text`, last first, skipping any
    /// that overlaps one already applied. Returns the new text and how many
    /// fixes landed.
    pub fn apply_all<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> (String, usize) {
        let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
        fixes.sort_by_key(|f| std::cmp::Reverse((f.span.start, f.span.end)));
        let mut out = text.to_string();
        let mut applied = 0;
        let mut floor = usize::MAX;
        for fix in fixes {
            if fix.span.end > floor {
                continue;
            }
            if let Some(replacement) = fix.replacement(text) {
                out.replace_range(fix.span.clone(), &replacement);
                floor = fix.span.start;
                applied += 1;
            }
        }
        (out, applied)
    }
}

impl Diagnostic {
    pub(crate) fn new(code: DiagCode, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            labels: Vec::new(),
            help: None,
            subject: None,
            fix: None,
        }
    }

    /// Marks the problem as about the code at `index` of the source map, so
    /// that the code (or its category) can `allow` it if it is a warning.
    pub(crate) fn about(mut self, index: usize) -> Self {
        self.subject = Some(index);
        self
    }

    pub(crate) fn at(
        mut self,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    pub(crate) fn also(
        mut self,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `help: did you mean …?` when `input` is close to one of `known`,
    /// else `otherwise` (if any). A close name is also the problem's fix:
    /// `input`, where the primary label points, becomes it.
    pub(crate) fn suggest(
        mut self,
        input: &str,
        known: &[&str],
        otherwise: Option<String>,
    ) -> Self {
        match (did_you_mean(input, known.iter().copied()), otherwise) {
            (Some(close), _) => {
                if let Some(label) = self.primary() {
                    self.fix = Some(Fix {
                        file: label.file,
                        span: label.span.clone(),
                        from: input.to_string(),
                        to: close.to_string(),
                    });
                }
                self.help(format!("did you mean `{close}`?"))
            }
            (None, Some(s)) => self.help(s),
            (None, None) => self,
        }
    }

    /// The primary label, if the problem has a place.
    pub fn primary(&self) -> Option<&Label> {
        self.labels.iter().find(|l| l.primary)
    }

    /// Sort key: file, position, then code, so reports are stable.
    pub(crate) fn sort_key(&self) -> (usize, usize, DiagCode, &str) {
        match self.primary() {
            Some(l) => (l.file.0, l.span.start, self.code, &self.message),
            None => (usize::MAX, 0, self.code, &self.message),
        }
    }
}
