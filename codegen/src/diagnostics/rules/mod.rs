//! The registry of diagnostic codes: one line per rule, one file per rule.
//!
//! A rule file holds the rule's [`Rule`] (summary, explanation, example),
//! the constructors of its diagnostics, its lint if it checks the lowered
//! catalog, and its tests. Adding a rule is that file plus one line in
//! `registry!` below; `docs/diagnostics.md` is generated from this registry
//! (by `codegen/tests/diagnostic_docs.rs`), so the docs cannot drift.

use super::{Diagnostic, Severity};
use crate::history::lock::{LOCK_FILE, Lock};
use crate::history::{Change, History, Level, Snapshot};
use crate::model::Lowered;
use crate::source::Sources;

/// What one diagnostic code means, and how it is checked.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// Its name, e.g. `status_fault_mismatch`.
    pub name: &'static str,
    /// One sentence: what is wrong.
    pub summary: &'static str,
    /// Why it matters and what to do (Markdown).
    pub explanation: &'static str,
    /// A change to [`EXAMPLE_BASE`] that triggers it, in the same `#== file`
    /// form; `None` when text cannot trigger it (I/O errors).
    pub example: Option<&'static str>,
    /// The check, for rules that look at the lowered catalog as a whole.
    /// Other rules are reported where the loader or lowering reads the
    /// value they are about.
    pub lint: Option<fn(&Lowered<'_>, &mut Vec<Diagnostic>)>,
    /// The check, for rules about the catalog's history: it compares an
    /// old state with a new one. Against the lock it is reported as a
    /// diagnostic where the code is written; `errcat diff` prints it.
    pub history: Option<fn(&History<'_>, &mut Vec<Change>)>,
}

/// A valid catalog, as files in one text: `#== name` starts a file. Each
/// rule's example patches it (`#== -name` removes a file).
pub const EXAMPLE_BASE: &str = include_str!("example_base.toml");

macro_rules! registry {
    ($( $variant:ident = $code:literal, $severity:ident, $module:ident; )*) => {
        $(
            pub(crate) mod $module;
            #[allow(unused_imports)]
            pub(crate) use $module::*;
        )*

        /// A stable diagnostic code. Codes are never reused or renumbered.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum DiagCode { $( #[doc = $code] $variant, )* }

        impl DiagCode {
            /// Every code, in numeric order.
            pub const ALL: &'static [DiagCode] = &[$(DiagCode::$variant),*];

            /// The code as printed, e.g. `"E0005"`.
            pub fn as_str(self) -> &'static str {
                match self { $(DiagCode::$variant => $code,)* }
            }

            /// The severity a problem of this code has.
            pub fn severity(self) -> Severity {
                match self { $(DiagCode::$variant => Severity::$severity,)* }
            }

            /// The rule behind the code.
            pub fn rule(self) -> &'static Rule {
                match self { $(DiagCode::$variant => &$module::RULE,)* }
            }
        }
    };
}

registry! {
    TomlSyntax = "E0001", Error, toml_syntax;
    UnknownKey = "E0002", Error, unknown_key;
    MissingField = "E0003", Error, missing_field;
    WrongType = "E0004", Error, wrong_type;
    DuplicateName = "E0005", Error, duplicate_name;
    DuplicateNumeric = "E0006", Error, duplicate_numeric;
    DuplicateAlias = "E0007", Error, duplicate_alias;
    NotSnakeCase = "E0008", Error, not_snake_case;
    IdentCollision = "E0009", Error, ident_collision;
    NumericOutOfRange = "E0010", Error, numeric_out_of_range;
    RangeOverlap = "E0011", Error, range_overlap;
    StatusOutOfRange = "E0012", Error, status_out_of_range;
    StatusFaultMismatch = "E0013", Error, status_fault_mismatch;
    UnknownCategory = "E0014", Error, unknown_category;
    UnknownRetryPolicy = "E0015", Error, unknown_retry_policy;
    UnknownReplacement = "E0016", Error, unknown_replacement;
    ReplacementCycle = "E0017", Error, replacement_cycle;
    ReplacedBySelf = "E0018", Error, replaced_by_self;
    UndeclaredPlaceholder = "E0019", Error, undeclared_placeholder;
    UnusedParam = "E0020", Error, unused_param;
    BadTemplate = "E0021", Error, bad_template;
    UnknownParamType = "E0022", Error, unknown_param_type;
    BadRetryDelay = "E0023", Error, bad_retry_value;
    MaxBelowInitial = "E0024", Error, max_below_initial;
    RetryableClientError = "W0025", Warning, retryable_client_error;
    RateLimitWithoutHeader = "W0026", Warning, rate_limit_without_header;
    EmptyCatalog = "E0027", Error, empty_catalog;
    EmptyCategory = "E0028", Error, empty_category;
    MissingCatalogToml = "E0029", Error, missing_catalog_toml;
    ExitCodeOutOfRange = "E0030", Error, exit_code_out_of_range;
    ErrorExitsZero = "E0031", Error, error_exits_zero;
    InvalidValue = "E0032", Error, invalid_value;
    Io = "E0033", Error, io;
    ReplacedButNotDeprecated = "E0034", Error, replaced_but_not_deprecated;
    UndeclaredExitCode = "E0035", Error, undeclared_exit_code;
    ReservedPageName = "E0036", Error, reserved_page_name;
    BlankText = "E0037", Error, blank_text;
    ControlCharacter = "E0038", Error, control_character;
    UnreadCatalogEntry = "W0039", Warning, unread_catalog_entry;
    ConstructorRenamed = "N0040", Note, constructor_renamed;
    BookWithoutDocs = "E0041", Error, book_without_docs;
    BadAllow = "E0042", Error, bad_allow;
    CodeDeleted = "E0043", Error, code_deleted;
    TombstoneDropped = "E0044", Error, tombstone_dropped;
    IdentityChanged = "E0045", Error, identity_changed;
    RetiredReused = "E0046", Error, retired_reused;
    AliasDropped = "E0047", Error, alias_dropped;
    RetiredWithoutDeprecation = "E0048", Error, retired_without_deprecation;
    ParamsChanged = "E0049", Error, params_changed;
    ClassChanged = "E0050", Error, class_changed;
    TypeNameChanged = "E0051", Error, type_name_changed;
    CompatibleChange = "W0052", Warning, compatible_change;
    VersionNotBumped = "E0053", Error, version_not_bumped;
    BadLock = "E0054", Error, bad_lock;
    BadIdentity = "E0055", Error, bad_identity;
    ClassPrefix = "E0056", Error, class_prefix;
    HttpInNonHttpCatalog = "E0057", Error, http_in_non_http_catalog;
    UnusedAllow = "W0058", Warning, unused_allow;
}

impl DiagCode {
    /// One line saying what the code is about.
    pub fn summary(self) -> &'static str {
        self.rule().summary
    }

    /// The code printed as `s` (`"E0049"`, any letter case).
    pub fn parse(s: &str) -> Option<DiagCode> {
        DiagCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }

    /// The rule's documentation in Markdown, without a heading: name,
    /// severity, summary, explanation, and the example with what errcat
    /// prints for it. `docs/diagnostics.md` and `errcat explain E0049`
    /// print this.
    pub fn explanation(self) -> String {
        let rule = self.rule();
        let mut out = format!(
            "`{}` · {} · {}\n\n{}\n",
            rule.name,
            self.severity().as_str(),
            rule.summary,
            rule.explanation
        );
        if let Some(example) = rule.example {
            let rendered = match crate::compile(&example_sources(example)) {
                Ok(compiled) => compiled.warnings.render(),
                Err(report) => report.render(),
            };
            out.push_str(&format!(
                "\nExample:\n\n```toml\n{example}```\n\n```text\n{rendered}```\n"
            ));
        }
        out
    }
}

/// Runs every lint over a lowered catalog, in code order, then drops the
/// warnings a code `allow`s (its own or its category's).
pub(crate) fn run_lints(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for code in DiagCode::ALL {
        if let Some(lint) = code.rule().lint {
            lint(cx, out);
        }
    }
    // A catalog with errors has codes that did not lower: compared with
    // the lock they would look deleted. History waits for a valid catalog.
    if let Some(lock) = cx.lock
        && !out.iter().any(|d| d.severity == Severity::Error)
    {
        history_lints(cx, lock, out);
    }
    let mut silenced = std::collections::HashSet::new();
    out.retain(|d| {
        let allowed = d
            .subject
            .and_then(|i| cx.map.codes.get(i))
            .is_some_and(|code| code.allow.contains(&d.code));
        if allowed && d.severity != Severity::Error {
            silenced.insert((d.subject, d.code));
        }
        d.severity == Severity::Error || !allowed
    });
    // An allow that silenced nothing (W0058), once every other rule ran.
    if out.iter().any(|d| d.severity == Severity::Error) {
        return;
    }
    for (i, code) in cx.map.codes.iter().enumerate() {
        for (allowed, span) in &code.own_allow {
            if !silenced.contains(&(Some(i), *allowed)) {
                out.push(unused_allow(
                    code.file,
                    span.clone(),
                    *allowed,
                    &format!("`{}`", code.name),
                ));
            }
        }
    }
    for category in &cx.map.categories {
        let Some(index) = category.lowered else {
            continue;
        };
        for (allowed, span) in &category.allow {
            let used = cx.map.codes.iter().enumerate().any(|(i, c)| {
                c.lowered
                    .is_some_and(|l| cx.model.codes[l].category == index)
                    && silenced.contains(&(Some(i), *allowed))
            });
            if !used {
                out.push(unused_allow(
                    cx.map.settings,
                    span.clone(),
                    *allowed,
                    &format!("no code of category `{}`", category.id),
                ));
            }
        }
    }
}

/// The catalog compared with its lock: every change a history rule finds
/// is a diagnostic where the code is written (or, for a code that is gone,
/// at its lock entry), with the lock entry beside it.
fn history_lints(cx: &Lowered<'_>, lock: &Lock, out: &mut Vec<Diagnostic>) {
    let new = Snapshot::of(cx.model);
    let changes = crate::history::compare(&lock.snapshot, &new);
    for change in changes {
        let Some(code) = change.rule else { continue };
        let mut d = Diagnostic::new(code, change.message.clone());
        if change.level < Level::Breaking && d.severity == Severity::Error {
            d.severity = Severity::Warning;
        }
        let label = match (&change.old, &change.new) {
            (Some(old), Some(new)) => format!("was `{old}`, now `{new}`"),
            _ => "here".to_string(),
        };
        let lock_span = lock.spans.get(&change.name).cloned();
        let live = cx.map.codes.iter().position(|c| c.name == change.name);
        let tombstone = cx.map.retired.iter().find(|(n, _)| *n == change.name);
        let in_catalog = match (live, tombstone) {
            // Catalog-wide: at `[catalog]` (its version, where written).
            _ if matches!(change.key, Some("version" | "cli")) => {
                d = d.at(cx.map.settings, cx.map.version.clone(), label.clone());
                true
            }
            (Some(i), _) => {
                let c = &cx.map.codes[i];
                let span = match change.key {
                    Some(key) => c.key_span(cx.sources, key),
                    None => c.key.clone(),
                };
                d = d.at(c.file, span, label.clone()).about(i);
                true
            }
            (None, Some((_, span))) => {
                d = d.at(cx.map.settings, span.clone(), label.clone());
                true
            }
            (None, None) => false,
        };
        if let Some(span) = lock_span {
            d = if in_catalog {
                d.also(lock.file, span, "as published (errcat.lock)")
            } else {
                d.at(lock.file, span, "published here")
            };
        }
        if let Some(help) = change.help {
            d = d.help(help);
        }
        out.push(d);
    }
}

/// [`EXAMPLE_BASE`] with `patch` applied, as sources: `#== name` replaces
/// or adds a file, `#== >>name` appends to one, `#== -name` removes one. A
/// line `#== +lock` locks the catalog as patched so far (writes its
/// `errcat.lock`), so the sections after it are edits of a published
/// catalog.
pub fn example_sources(patch: &str) -> Sources {
    let (before, after) = match patch.split_once("#== +lock\n") {
        Some((before, after)) => (before, Some(after)),
        None => (patch, None),
    };
    let mut files = patched(Vec::new(), EXAMPLE_BASE);
    files = patched(files, before);
    if let Some(after) = after {
        let old = as_sources(&files);
        let lock = match crate::compile(&old) {
            Ok(compiled) => crate::history::lock::render(&compiled.model, crate::GENERATE_COMMAND),
            Err(report) => panic!(
                "the catalog before `#== +lock` is invalid:\n{}",
                report.render()
            ),
        };
        files = patched(files, &format!("#== {LOCK_FILE}\n{lock}"));
        files = patched(files, after);
    }
    as_sources(&files)
}

type Files = Vec<(String, Option<String>)>;

fn patched(mut files: Files, patch: &str) -> Files {
    for (name, body) in sections(patch) {
        let (name, append) = match name.strip_prefix(">>") {
            Some(name) => (name.to_string(), true),
            None => (name, false),
        };
        match files.iter_mut().find(|(n, _)| *n == name) {
            Some(file) if append => {
                if let (Some(old), Some(more)) = (&mut file.1, body) {
                    old.push_str(&more);
                }
            }
            Some(file) => file.1 = body,
            None => files.push((name, body)),
        }
    }
    files
}

fn as_sources(files: &Files) -> Sources {
    Sources::from_memory(
        "catalog",
        files
            .iter()
            .filter_map(|(n, b)| b.as_ref().map(|b| (n.clone(), b.clone()))),
    )
}

fn sections(text: &str) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("#== ") {
            let name = name.trim();
            match name.strip_prefix('-') {
                Some(removed) => out.push((removed.to_string(), None)),
                None => out.push((name.to_string(), Some(String::new()))),
            }
        } else if let Some((_, Some(body))) = out.last_mut() {
            body.push_str(line);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod testing {
    use super::{DiagCode, example_sources};

    /// The codes reported for [`super::EXAMPLE_BASE`] with `patch` applied.
    pub(crate) fn codes_for(patch: &str) -> Vec<DiagCode> {
        let report = match crate::compile(&example_sources(patch)) {
            Ok(compiled) => compiled.warnings,
            Err(report) => report,
        };
        report.diagnostics().iter().map(|d| d.code).collect()
    }

    #[test]
    fn the_base_is_valid() {
        assert_eq!(codes_for(""), []);
    }

    #[test]
    fn every_rule_is_documented_and_named_after_its_file() {
        for code in DiagCode::ALL {
            let rule = code.rule();
            assert!(rule.summary.ends_with('.'), "{code}");
            assert!(rule.explanation.len() > 40, "{code}");
            let textless = [DiagCode::Io, DiagCode::UnreadCatalogEntry];
            assert!(rule.example.is_some() || textless.contains(code), "{code}");
            assert_eq!(
                code.as_str().starts_with('W'),
                code.severity() == super::Severity::Warning
            );
        }
    }
}
