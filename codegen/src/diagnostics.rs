//! Catalog problems as data: stable codes, spans, and a rustc-style renderer.
//!
//! Every problem the loader or validator finds becomes a [`Diagnostic`] built
//! by one of the constructors at the bottom of this file, so wording and codes
//! stay consistent. Rendering uses codespan-reporting.

use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Chars};

use crate::source::{FileId, Sources};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Shown, but generation goes on (unless warnings are denied).
    Warning,
    /// Generation stops; nothing is written.
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! diag_codes {
    ($( $variant:ident = $code:literal, $severity:ident, $summary:literal; )*) => {
        /// A stable diagnostic code. Codes are never reused or renumbered.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum DiagCode { $( #[doc = $summary] $variant, )* }

        impl DiagCode {
            /// Every code, in numeric order.
            pub const ALL: &'static [DiagCode] = &[$(DiagCode::$variant),*];
            /// The code as printed, e.g. `"E0005"`.
            pub fn as_str(self) -> &'static str { match self { $(DiagCode::$variant => $code,)* } }
            /// The severity a problem of this code has.
            pub fn severity(self) -> Severity { match self { $(DiagCode::$variant => Severity::$severity,)* } }
            /// One line saying what the code is about.
            pub fn summary(self) -> &'static str { match self { $(DiagCode::$variant => $summary,)* } }
        }
    };
}

diag_codes! {
    TomlSyntax = "E0001", Error, "The file is not valid TOML.";
    UnknownKey = "E0002", Error, "A key that the catalog format does not define.";
    MissingField = "E0003", Error, "A required field is missing.";
    WrongType = "E0004", Error, "A value has the wrong type.";
    DuplicateName = "E0005", Error, "Two codes share a name.";
    DuplicateNumeric = "E0006", Error, "Two codes share a numeric code.";
    DuplicateAlias = "E0007", Error, "An alias is used twice, or equals a code name.";
    NotSnakeCase = "E0008", Error, "A code, category, policy or param name is not snake_case.";
    IdentCollision = "E0009", Error, "Two names map to the same Rust identifier.";
    NumericOutOfRange = "E0010", Error, "A numeric code lies outside its category's range.";
    RangeOverlap = "E0011", Error, "Two categories' numeric ranges overlap.";
    StatusOutOfRange = "E0012", Error, "An HTTP status outside 100-599.";
    StatusFaultMismatch = "E0013", Error, "An HTTP status class disagrees with the category's fault.";
    UnknownCategory = "E0014", Error, "A category file or reference names no declared category.";
    UnknownRetryPolicy = "E0015", Error, "A retry policy name that is not declared.";
    UnknownReplacement = "E0016", Error, "`replaced_by` names no code.";
    ReplacementCycle = "E0017", Error, "`replaced_by` links form a cycle.";
    ReplacedBySelf = "E0018", Error, "A code is replaced by itself.";
    UndeclaredPlaceholder = "E0019", Error, "A message placeholder has no declared param.";
    UnusedParam = "E0020", Error, "A declared param is not used by the message.";
    BadTemplate = "E0021", Error, "A message template has unbalanced or malformed braces.";
    UnknownParamType = "E0022", Error, "A param type that errcat does not know.";
    BadRetryDelay = "E0023", Error, "A retry delay, factor or attempt count is not positive.";
    MaxBelowInitial = "E0024", Error, "A backoff's max delay is below its initial delay.";
    RetryableClientError = "W0025", Warning, "A 4xx other than 408, 409, 425 or 429 is marked retryable.";
    RateLimitWithoutHeader = "W0026", Warning, "A 429 code does not honour Retry-After.";
    EmptyCatalog = "E0027", Error, "The catalog defines no codes.";
    EmptyCategory = "E0028", Error, "A category has no codes.";
    MissingCatalogToml = "E0029", Error, "The catalog folder has no catalog.toml.";
    ExitCodeOutOfRange = "E0030", Error, "A CLI exit code outside 0-255.";
    ErrorExitsZero = "E0031", Error, "An error-kind code has CLI exit code 0.";
    InvalidValue = "E0032", Error, "A value is not one of those allowed.";
    Io = "E0033", Error, "A catalog file could not be read.";
    ReplacedButNotDeprecated = "E0034", Error, "`replaced_by` is set on a code that is not deprecated.";
    UndeclaredExitCode = "E0035", Error, "A code uses an exit code that `[exit_codes]` does not declare.";
}

impl fmt::Display for DiagCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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
}

impl Diagnostic {
    fn new(code: DiagCode, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            labels: Vec::new(),
            help: None,
        }
    }

    fn at(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    fn also(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `help: did you mean …?` when `input` is close to one of `known`,
    /// else `otherwise` (if any).
    fn suggest(self, input: &str, known: &[&str], otherwise: Option<String>) -> Self {
        match (suggestion(input, known), otherwise) {
            (Some(s), _) | (None, Some(s)) => self.help(s),
            (None, None) => self,
        }
    }

    /// The primary label, if the problem has a place.
    pub fn primary(&self) -> Option<&Label> {
        self.labels.iter().find(|l| l.primary)
    }

    /// Sort key: file, position, then code, so reports are stable.
    fn sort_key(&self) -> (usize, usize, DiagCode, &str) {
        match self.primary() {
            Some(l) => (l.file.0, l.span.start, self.code, &self.message),
            None => (usize::MAX, 0, self.code, &self.message),
        }
    }
}

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
        let mut files = SimpleFiles::new();
        for file in self.sources.files() {
            files.add(file.display.clone(), file.text.clone());
        }
        let config = term::Config {
            chars: Chars::ascii(),
            ..term::Config::default()
        };
        let mut out = String::new();
        for d in &self.diagnostics {
            let mut buf = term::termcolor::NoColor::new(Vec::new());
            let emitted = term::emit_to_write_style(&mut buf, &config, &files, &to_codespan(d));
            match emitted {
                Ok(()) => out.push_str(&String::from_utf8_lossy(&buf.into_inner())),
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
        out
    }

    /// `"error: the catalog has 2 errors and 1 warning"` or similar.
    pub fn summary(&self) -> String {
        let (e, w) = (self.error_count(), self.warning_count());
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        match (e, w) {
            (0, 0) => "the catalog is valid".to_string(),
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
    /// `{"code","severity","file","line","column","message","help"}`.
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
                serde_json::json!({
                    "code": d.code.as_str(),
                    "severity": d.severity.as_str(),
                    "file": file,
                    "line": line,
                    "column": column,
                    "message": d.message,
                    "help": d.help,
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

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
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

/// The closest candidate to `input` by edit distance, if any is close enough
/// to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (input.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(input, c), c))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn suggestion(input: &str, candidates: &[&str]) -> Option<String> {
    did_you_mean(input, candidates.iter().copied()).map(|c| format!("did you mean `{c}`?"))
}

// ---------------------------------------------------------------------------
// Constructors. Every diagnostic errcat emits is built here.
// ---------------------------------------------------------------------------

/// E0001.
pub fn toml_syntax(file: FileId, span: Range<usize>, message: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::TomlSyntax, "invalid TOML").at(file, span, message.trim().to_string())
}

/// E0002.
pub fn unknown_key(
    file: FileId,
    span: Range<usize>,
    key: &str,
    what: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownKey,
        format!("unknown key `{key}` in {what}"),
    )
    .at(file, span, "not a field of the catalog format");
    d.suggest(
        key,
        known,
        Some(format!("expected one of: {}", known.join(", "))),
    )
}

/// E0003.
pub fn missing_field(file: FileId, span: Range<usize>, field: &str, what: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MissingField,
        format!("missing required field `{field}` in {what}"),
    )
    .at(file, span, format!("`{field}` is required here"))
}

/// E0003 for `status`, which a category can default.
pub fn missing_status(file: FileId, span: Range<usize>, what: &str, category: &str) -> Diagnostic {
    missing_field(file, span, "status", what).help(format!(
        "set `status` here, or a default `status` in `[categories.{category}]`"
    ))
}

/// E0004.
pub fn wrong_type(file: FileId, span: Range<usize>, key: &str, message: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::WrongType, format!("wrong type for `{key}`")).at(
        file,
        span,
        message.to_string(),
    )
}

/// E0005.
pub fn duplicate_name(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    name: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::DuplicateName,
        format!("the code name `{name}` is defined twice"),
    )
    .at(file, span, "defined again here")
    .also(first.0, first.1, "first defined here")
    .help("code names are unique across all catalog files; rename one of them")
}

/// E0006.
pub fn duplicate_numeric(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    numeric: u32,
    other: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::DuplicateNumeric,
        format!("numeric code {numeric} is used twice"),
    )
    .at(file, span, "used again here")
    .also(first.0, first.1, format!("already used by `{other}`"))
}

/// E0007.
pub fn duplicate_alias(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    alias: &str,
    clash: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::DuplicateAlias,
        format!("the alias `{alias}` is ambiguous"),
    )
    .at(file, span, "this alias")
    .also(first.0, first.1, clash.to_string())
    .help("an alias must differ from every code name and every other alias")
}

/// E0008.
pub fn not_snake_case(
    file: FileId,
    span: Range<usize>,
    what: &str,
    name: &str,
    fixed: &str,
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::NotSnakeCase,
        format!("{what} `{name}` is not snake_case"),
    )
    .at(
        file,
        span,
        "names are lowercase ASCII words joined by single underscores",
    );
    if fixed.is_empty() || fixed == name {
        d
    } else {
        d.help(format!("rename it to `{fixed}`"))
    }
}

/// E0009.
pub fn ident_collision(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    ident: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::IdentCollision,
        format!("two names become the Rust identifier `{ident}`"),
    )
    .at(file, span, "this name")
    .also(first.0, first.1, "collides with this one")
    .help("rename one of them")
}

/// E0010.
pub fn numeric_out_of_range(
    file: FileId,
    span: Range<usize>,
    numeric: u32,
    category: &str,
    range: (u32, u32),
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::NumericOutOfRange,
        format!("numeric code {numeric} is outside the range of category `{category}`"),
    )
    .at(file, span, format!("expected {}..={}", range.0, range.1))
    .help("pick a number in the category's range, or widen the range in catalog.toml")
}

/// E0011.
pub fn range_overlap(
    file: FileId,
    span: Range<usize>,
    other_span: Range<usize>,
    a: &str,
    b: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::RangeOverlap,
        format!("the numeric ranges of `{a}` and `{b}` overlap"),
    )
    .at(file, span, "this range")
    .also(file, other_span, "overlaps this one")
}

/// E0012.
pub fn status_out_of_range(file: FileId, span: Range<usize>, status: i64) -> Diagnostic {
    Diagnostic::new(
        DiagCode::StatusOutOfRange,
        format!("HTTP status {status} is not between 100 and 599"),
    )
    .at(file, span, "not an HTTP status")
}

/// E0013.
pub fn status_fault_mismatch(
    file: FileId,
    span: Range<usize>,
    status: u16,
    fault: &str,
    expected: &str,
    category: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::StatusFaultMismatch,
        format!("HTTP status {status} does not fit a {fault}-fault category"),
    )
    .at(
        file,
        span,
        format!("category `{category}` has fault `{fault}`, which expects {expected}"),
    )
    .help("change the status, or move the code to a category with the matching fault")
}

/// E0014.
pub fn unknown_category(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownCategory,
        format!("no category `{name}` is declared in catalog.toml"),
    )
    .at(file, span, "unknown category");
    d.suggest(
        name,
        known,
        Some(format!("add `[categories.{name}]` to catalog.toml")),
    )
}

/// E0015.
pub fn unknown_retry_policy(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownRetryPolicy,
        format!("no retry policy `{name}` is declared"),
    )
    .at(file, span, "unknown retry policy");
    d.suggest(
        name,
        known,
        Some(format!("declared policies: {}", known.join(", "))),
    )
}

/// E0016.
pub fn unknown_replacement(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownReplacement,
        format!("`replaced_by` names no code `{name}`"),
    )
    .at(file, span, "unknown code");
    d.suggest(name, known, None)
}

/// E0017.
pub fn replacement_cycle(file: FileId, span: Range<usize>, chain: &[&str]) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReplacementCycle,
        format!("`replaced_by` forms a cycle: {}", chain.join(" -> ")),
    )
    .at(file, span, "this link closes the cycle")
    .help("a replacement chain must end at a code that is not deprecated")
}

/// E0018.
pub fn replaced_by_self(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReplacedBySelf,
        format!("`{name}` is replaced by itself"),
    )
    .at(file, span, "names the code it belongs to")
}

/// E0019.
pub fn undeclared_placeholder(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::UndeclaredPlaceholder,
        format!("placeholder `{{{name}}}` has no declared param"),
    )
    .at(file, span, "used in this message")
    .help(format!(
        "declare it, e.g. `params = {{ {name} = \"string\" }}`"
    ))
}

/// E0020.
pub fn unused_param(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::UnusedParam,
        format!("param `{name}` is not used by the message"),
    )
    .at(file, span, "declared here")
    .help(format!(
        "use `{{{name}}}` in the message, or remove the param"
    ))
}

/// E0021.
pub fn bad_template(file: FileId, span: Range<usize>, problem: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BadTemplate,
        format!("malformed message template: {problem}"),
    )
    .at(file, span, "in this message")
    .help("placeholders look like `{name}`; write `{{` and `}}` for literal braces")
}

/// E0022.
pub fn unknown_param_type(
    file: FileId,
    span: Range<usize>,
    ty: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownParamType,
        format!("unknown param type `{ty}`"),
    )
    .at(file, span, "not a param type");
    d.suggest(
        ty,
        known,
        Some(format!("expected one of: {}", known.join(", "))),
    )
}

/// E0023.
pub fn bad_retry_value(file: FileId, span: Range<usize>, field: &str, problem: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BadRetryDelay,
        format!("invalid retry `{field}`: {problem}"),
    )
    .at(file, span, problem.to_string())
}

/// E0024.
pub fn max_below_initial(
    file: FileId,
    span: Range<usize>,
    initial_span: Range<usize>,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MaxBelowInitial,
        "`max_delay_ms` is below `initial_ms`",
    )
    .at(file, span, "the cap")
    .also(file, initial_span, "the first delay is already longer")
}

/// W0025.
pub fn retryable_client_error(
    file: FileId,
    span: Range<usize>,
    status: u16,
    policy: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::RetryableClientError,
        format!("HTTP {status} is a client error but retry policy `{policy}` retries it"),
    )
    .at(
        file,
        span,
        "retried although the same request will fail again",
    )
    .help("use `retry = \"never\"`; only 408, 409, 425 and 429 are usually worth retrying")
}

/// W0026.
pub fn rate_limit_without_header(file: FileId, span: Range<usize>, policy: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::RateLimitWithoutHeader,
        format!("HTTP 429 with retry policy `{policy}`, which ignores Retry-After"),
    )
    .at(file, span, "rate-limited responses say when to come back")
    .help("use a policy with `strategy = \"after_header\"`")
}

/// E0027.
pub fn empty_catalog(file: FileId) -> Diagnostic {
    Diagnostic::new(DiagCode::EmptyCatalog, "the catalog defines no codes")
        .at(file, 0..0, "no codes in any category file")
        .help("add a file `<category>.toml` with one table per code")
}

/// E0028.
pub fn empty_category(file: FileId, span: Range<usize>, category: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::EmptyCategory,
        format!("category `{category}` has no codes"),
    )
    .at(file, span, "declared here")
    .help(format!(
        "add codes to `{category}.toml`, or remove the category"
    ))
}

/// E0029.
pub fn missing_catalog_toml(dir: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MissingCatalogToml,
        format!("`{dir}` has no catalog.toml"),
    )
    .help("create catalog.toml with [catalog], [retry.*] and [categories.*] tables")
}

/// E0030.
pub fn exit_code_out_of_range(file: FileId, span: Range<usize>, value: i64) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ExitCodeOutOfRange,
        format!("exit code {value} is outside 0-255"),
    )
    .at(file, span, "processes can only exit with 0-255")
}

/// E0031.
pub fn error_exits_zero(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ErrorExitsZero,
        format!("error code `{name}` has CLI exit code 0"),
    )
    .at(file, span, "0 means success to every shell")
    .help("use a non-zero exit code, or set `kind = \"success\"`")
}

/// E0032.
pub fn invalid_value(
    file: FileId,
    span: Range<usize>,
    field: &str,
    value: &str,
    allowed: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::InvalidValue,
        format!("invalid value `{value}` for `{field}`"),
    )
    .at(
        file,
        span,
        format!("expected one of: {}", allowed.join(", ")),
    );
    d.suggest(value, allowed, None)
}

/// E0032, for values checked by shape rather than by a list.
pub fn invalid_value_because(
    file: FileId,
    span: Range<usize>,
    field: &str,
    problem: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::InvalidValue,
        format!("invalid value for `{field}`"),
    )
    .at(file, span, problem.to_string())
}

/// E0033.
pub fn io_error(path: &str, error: &std::io::Error) -> Diagnostic {
    Diagnostic::new(DiagCode::Io, format!("cannot read `{path}`: {error}"))
}

/// E0034.
pub fn replaced_but_not_deprecated(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReplacedButNotDeprecated,
        format!("`{name}` has `replaced_by` but is not deprecated"),
    )
    .at(
        file,
        span,
        "a replacement only makes sense for a deprecated code",
    )
    .help("add `deprecated = \"why it is going away\"`")
}

/// E0035.
pub fn undeclared_exit_code(
    file: FileId,
    span: Range<usize>,
    exit: u8,
    name: &str,
    declared: &[u8],
) -> Diagnostic {
    let declared: Vec<String> = declared.iter().map(u8::to_string).collect();
    Diagnostic::new(
        DiagCode::UndeclaredExitCode,
        format!("`{name}` uses exit code {exit}, which `[exit_codes]` does not declare"),
    )
    .at(file, span, format!("declared: {}", declared.join(", ")))
    .help(format!(
        "declare it in catalog.toml, e.g. `{exit} = \"what it means\"`, or use a declared one"
    ))
}
