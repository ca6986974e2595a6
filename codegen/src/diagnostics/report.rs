//! Every problem of one run, rendered as rustc does (codespan-reporting)
//! or as JSON objects.

use std::fmt;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Chars};

use super::{DiagCode, Diagnostic, Severity};
use crate::source::Sources;

/// Every problem found in one run, with the sources to render them against.
#[derive(Clone)]
pub struct Report {
    sources: Sources,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// A report over `sources`; diagnostics are sorted by place.
    pub fn new(sources: Sources, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        diagnostics.dedup();
        Report {
            sources,
            diagnostics,
        }
    }

    /// The diagnostics, sorted by file and position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The sources the spans refer to.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Renders every diagnostic as rustc does, without colour, followed by a
    /// one-line summary.
    pub fn render(&self) -> String {
        self.render_styled(false)
    }

    /// [`Report::render`], with rustc's colours when `color` is true.
    pub fn render_styled(&self, color: bool) -> String {
        // Only the files a diagnostic points into are made printable: a
        // catalog of thousands of files with one warning copies one.
        let shown: std::collections::BTreeSet<usize> = self
            .diagnostics
            .iter()
            .flat_map(|d| d.labels.iter().map(|l| l.file.0))
            .collect();
        let mut files = SimpleFiles::new();
        for (id, file) in self.sources.files().iter().enumerate() {
            let text = if shown.contains(&id) {
                printable(&file.text)
            } else {
                String::new()
            };
            files.add(file.display.clone(), text);
        }
        let config = term::Config {
            chars: Chars::ascii(),
            ..term::Config::default()
        };
        let mut out = String::new();
        for d in &self.diagnostics {
            if let Some(clipped) = self.render_long_line(d) {
                out.push_str(&clipped);
                continue;
            }
            let diagnostic = to_codespan(d);
            let emitted = if color {
                let mut buf = term::termcolor::Ansi::new(Vec::new());
                term::emit_to_write_style(&mut buf, &config, &files, &diagnostic)
                    .map(|()| buf.into_inner())
            } else {
                let mut buf = term::termcolor::NoColor::new(Vec::new());
                term::emit_to_write_style(&mut buf, &config, &files, &diagnostic)
                    .map(|()| buf.into_inner())
            };
            match emitted {
                Ok(bytes) => out.push_str(&String::from_utf8_lossy(&bytes)),
                // A span past the end of its file would be a bug in errcat;
                // still show the problem rather than hide it.
                Err(_) => out.push_str(&format!(
                    "{}[{}]: {}\n\n",
                    d.severity.as_str(),
                    d.code,
                    d.message
                )),
            }
        }
        out.push_str(&self.summary());
        out.push('\n');
        out.push_str(&self.explain_pointer());
        out
    }

    /// rustc's last line: which codes have an explanation, and the command
    /// that prints one. Empty for a report without diagnostics.
    pub fn explain_pointer(&self) -> String {
        let mut codes: Vec<DiagCode> = self.diagnostics.iter().map(|d| d.code).collect();
        codes.sort();
        codes.dedup();
        match codes.as_slice() {
            [] => String::new(),
            [one] => format!("For more information about {one}, try `errcat explain {one}`.\n"),
            [first, ..] => format!(
                "Some problems have detailed explanations: {}.\nFor more information about one, try `errcat explain {first}`.\n",
                codes
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// A diagnostic whose primary line is too long to echo (a minified or
    /// generated file can be one 50 MB line), shown with a window of the
    /// line around its span; `None` for ordinary lines.
    fn render_long_line(&self, d: &Diagnostic) -> Option<String> {
        let label = d.primary()?;
        let file = self.sources.file(label.file);
        let start = label.span.start.min(file.text.len());
        let line_start = file.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = file.text[start..]
            .find('\n')
            .map_or(file.text.len(), |i| start + i);
        if line_end - line_start <= MAX_LINE_BYTES {
            return None;
        }
        let end = label.span.end.clamp(start, line_end);
        let before = char_floor(&file.text, start.saturating_sub(WINDOW).max(line_start));
        let shown_end = char_floor(&file.text, (end + WINDOW).min(line_end).max(end));
        let span_end = char_floor(&file.text, end.min(start + WINDOW).max(start));
        let (line, column) = file.line_col(start);
        let lead = if before > line_start { "..." } else { "" };
        let tail = if shown_end < line_end { "..." } else { "" };
        let head = printable(&file.text[before..start]);
        let marked = printable(&file.text[start..span_end]);
        let after = printable(&file.text[span_end..shown_end]);
        let pad = " ".repeat(lead.len() + head.chars().count());
        let carets = "^".repeat(marked.chars().count().max(1));
        let mut out = format!(
            "{}[{}]: {}\n  --> {}:{line}:{column}\n   |\n   | {lead}{head}{marked}{after}{tail}\n   | {pad}{carets} {}\n   |\n",
            d.severity.as_str(),
            d.code,
            d.message,
            file.display,
            label.message
        );
        out.push_str(&format!(
            "   = note: line {line} is {} bytes long; only part of it is shown\n",
            line_end - line_start
        ));
        for other in d.labels.iter().filter(|l| !l.primary) {
            let f = self.sources.file(other.file);
            let (l, c) = f.line_col(other.span.start);
            out.push_str(&format!(
                "   = note: {}:{l}:{c}: {}\n",
                f.display, other.message
            ));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("   = help: {help}\n"));
        }
        out.push('\n');
        Some(out)
    }

    /// `"error: the catalog has 2 errors and 1 warning"` or similar.
    pub fn summary(&self) -> String {
        let (e, w) = (self.error_count(), self.warning_count());
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        match (e, w) {
            (0, 0) => match self.diagnostics.len() {
                0 => "the catalog is valid".to_string(),
                notes => format!("the catalog is valid ({})", plural(notes, "note")),
            },
            (0, w) => format!("warning: the catalog has {}", plural(w, "warning")),
            (e, 0) => format!("error: the catalog has {}", plural(e, "error")),
            (e, w) => format!(
                "error: the catalog has {} and {}",
                plural(e, "error"),
                plural(w, "warning")
            ),
        }
    }

    /// The diagnostics as JSON objects:
    /// `{"code","severity","file","line","column","message","help","fix"}`;
    /// `fix`, when the problem has a mechanical one, is
    /// `{"file","line","column","end_line","end_column","replacement"}`
    /// (1-based, end exclusive).
    pub fn to_json(&self) -> Vec<serde_json::Value> {
        self.diagnostics
            .iter()
            .map(|d| {
                let (file, line, column) = match d.primary() {
                    Some(l) => {
                        let f = self.sources.file(l.file);
                        let (line, col) = f.line_col(l.span.start);
                        (
                            serde_json::Value::from(f.display.clone()),
                            line.into(),
                            col.into(),
                        )
                    }
                    None => (
                        serde_json::Value::Null,
                        serde_json::Value::Null,
                        serde_json::Value::Null,
                    ),
                };
                let fix = d.fix.as_ref().and_then(|fix| {
                    let f = self.sources.file(fix.file);
                    let replacement = fix.replacement(&f.text)?;
                    let (line, column) = f.line_col(fix.span.start);
                    let (end_line, end_column) = f.line_col(fix.span.end);
                    Some(serde_json::json!({
                        "file": f.display,
                        "line": line,
                        "column": column,
                        "end_line": end_line,
                        "end_column": end_column,
                        "replacement": replacement,
                    }))
                });
                serde_json::json!({
                    "code": d.code.as_str(),
                    "severity": d.severity.as_str(),
                    "file": file,
                    "line": line,
                    "column": column,
                    "message": d.message,
                    "help": d.help,
                    "fix": fix,
                })
            })
            .collect()
    }
}

impl fmt::Debug for Report {
    /// Shows the rendered report, so `build.rs` that returns `Result` prints
    /// readable diagnostics when it fails.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\n")?;
        f.write_str(&self.render())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Report {}

/// Lines longer than this are shown as a window around the span.
const MAX_LINE_BYTES: usize = 1000;
/// How much of a long line is shown on each side of the span, in bytes.
const WINDOW: usize = 60;

/// The largest char boundary of `text` at or below `at`.
fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` safe to print on a terminal: control and bidirectional
/// formatting characters become replacement characters of the same byte
/// length, so spans into the text stay valid.
fn printable(text: &str) -> String {
    let forbidden = |c: char| c == '\r' || crate::raw::values::is_forbidden_char(c);
    if !text.contains(forbidden) {
        return text.to_string();
    }
    text.chars()
        .map(|c| match (forbidden(c), c.len_utf8()) {
            (false, _) => c,
            (true, 1) => '?',
            (true, 2) => '\u{bf}',
            (true, _) => '\u{fffd}',
        })
        .collect()
}

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let labels = d
        .labels
        .iter()
        .map(|l| {
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            cs::Label::new(style, l.file.0, l.span.clone()).with_message(l.message.clone())
        })
        .collect();
    let notes = d.help.iter().map(|h| format!("help: {h}")).collect();
    cs::Diagnostic::new(severity)
        .with_code(d.code.as_str())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}
