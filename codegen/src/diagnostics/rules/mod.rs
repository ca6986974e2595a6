//! The registry of diagnostic codes: one line per rule, one file per rule.
//!
//! A rule file holds the rule's [`Rule`] (summary, explanation, example),
//! the constructors of its diagnostics, its lint if it checks the lowered
//! catalog, and its tests. Adding a rule is that file plus one line in
//! `for_each_rule!` (`diag_code.rs`); `docs/diagnostics.md` is generated from this registry
//! (by `codegen/tests/diagnostic_docs.rs`), so the docs cannot drift.

use super::{Diagnostic, Severity};
pub use crate::diag_code::DiagCode;
use crate::diagnostics::Lowered;
use crate::history::lock::Lock;
use crate::history::{Change, History, Level, Snapshot};

/// What one diagnostic code means, and how it is checked.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// One sentence: what is wrong.
    pub summary: &'static str,
    /// Why it matters and what to do (Markdown).
    pub explanation: &'static str,
    /// A change to [`EXAMPLE_BASE`] that triggers it, in the same `#== file`
    /// form; `None` when text cannot trigger it (I/O errors).
    pub example: Option<&'static str>,
    /// The check, for rules that look at the lowered catalog as a whole.
    /// Other rules are found where the loader or lowering reads the value
    /// they are about, handed over as a `Problem` and worded by `diagnose`.
    pub lint: Option<fn(&Lowered<'_>, &mut Vec<Diagnostic>)>,
    /// The check, for rules about the catalog's history: it compares an
    /// old state with a new one. Against the lock it is reported as a
    /// diagnostic where the code is written; `errcat diff` prints it.
    pub history: Option<fn(&History<'_>, &mut Vec<Change>)>,
}

/// Every change from `old` to `new`, by code name then rule: each rule's
/// history check, then the version rule over what they found, then the
/// information-only changes.
pub fn compare(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let history = History::new(old, new);
    let mut changes = Vec::new();
    for code in DiagCode::ALL {
        if let Some(history_check) = code.rule().history {
            history_check(&history, &mut changes);
        }
    }
    if history.major_bump() {
        // A new major version may break clients; reuse and lost tombstones
        // stay errors, since no version makes them safe.
        for change in &mut changes {
            if change.level == Level::Breaking
                && change.rule.is_some_and(crate::history::allowed_by_major)
            {
                change.level = Level::Warning;
                change.help = Some(format!(
                    "allowed by the major version {}",
                    new.version.as_deref().unwrap_or_default()
                ));
            }
        }
    }
    let found = changes.clone();
    version_changes(&history, &found, &mut changes);
    crate::history::info_changes(&history, &mut changes);
    changes.sort_by(|a, b| (&a.name, b.level, a.rule).cmp(&(&b.name, a.level, b.rule)));
    changes
}

/// A valid catalog, as files in one text: `#== name` starts a file. Each
/// rule's example patches it (`#== -name` removes a file).
pub const EXAMPLE_BASE: &str = include_str!("example_base.toml");

macro_rules! declare_rules {
    ($( $variant:ident = $code:literal, $severity:ident, $module:ident; )*) => {
        $(
            pub(crate) mod $module;
            #[allow(unused_imports)]
            pub(crate) use $module::*;
        )*

        impl DiagCode {
            /// The rule behind the code.
            pub fn rule(self) -> &'static Rule {
                match self { $(DiagCode::$variant => &$module::RULE,)* }
            }
        }
    };
}

crate::diag_code::for_each_rule!(declare_rules);

impl DiagCode {
    /// One line saying what the code is about.
    pub fn summary(self) -> &'static str {
        self.rule().summary
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
    let changes = compare(&lock.snapshot, &new);
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

#[cfg(test)]
pub(crate) mod testing {
    use super::DiagCode;
    use crate::rule_examples::example_sources;

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
