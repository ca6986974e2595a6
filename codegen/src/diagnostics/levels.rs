//! Lint levels a catalog sets: `[lints]` in catalog.toml turns a warning or
//! note off (`allow`), on (`warn`) or into an error (`deny`), by rule name,
//! by code, or for the `warnings` group, as clippy users set levels in
//! `Cargo.toml`. A code's own `allow` (with its reason) still silences one
//! code; a level applies to the whole catalog.

use std::ops::Range;

use crate::diag_code::{DiagCode, Severity};
use crate::diagnostics::Diagnostic;
use crate::source::FileId;

/// What a level does to a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintLevel {
    /// Not reported.
    Allow,
    /// Reported as a warning; generation goes on.
    Warn,
    /// Reported as an error; nothing is generated.
    Deny,
}

impl LintLevel {
    /// The values `[lints]` takes, in order.
    pub const NAMES: &'static [&'static str] = &["allow", "warn", "deny"];

    /// The level a value names.
    pub fn parse(name: &str) -> Option<LintLevel> {
        match name {
            "allow" => Some(LintLevel::Allow),
            "warn" => Some(LintLevel::Warn),
            "deny" => Some(LintLevel::Deny),
            _ => None,
        }
    }

    /// Its name in `[lints]`.
    pub fn as_str(self) -> &'static str {
        LintLevel::NAMES[self as usize]
    }
}

/// What a `[lints]` key sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One rule.
    Rule(DiagCode),
    /// Every rule whose problems are warnings.
    Warnings,
}

/// The group name of every warning.
pub const WARNINGS: &str = "warnings";

impl Target {
    /// The rule or group a key names: a rule's name (`compatible_change`),
    /// its code (`W0052`) or `warnings`.
    pub fn parse(key: &str) -> Option<Target> {
        if key == WARNINGS {
            return Some(Target::Warnings);
        }
        DiagCode::parse(key)
            .or_else(|| DiagCode::ALL.iter().copied().find(|c| c.rule().name == key))
            .map(Target::Rule)
    }

    /// Every name a key may take, for suggestions: the group, then each
    /// warning's and note's rule name.
    pub fn names() -> Vec<&'static str> {
        std::iter::once(WARNINGS)
            .chain(
                DiagCode::ALL
                    .iter()
                    .filter(|c| c.severity() != Severity::Error)
                    .map(|c| c.rule().name),
            )
            .collect()
    }
}

/// The levels of one catalog, each with where it was set.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    set: Vec<(Target, LintLevel, FileId, Range<usize>)>,
}

impl Levels {
    /// Sets `target` to `level`, written at `span` of `file`.
    pub fn set(&mut self, target: Target, level: LintLevel, file: FileId, span: Range<usize>) {
        self.set.push((target, level, file, span));
    }

    /// The level of `code` and where it was set: the rule's own, else its
    /// group's. `None` leaves the rule at its severity.
    pub fn of(&self, code: DiagCode) -> Option<(LintLevel, FileId, &Range<usize>)> {
        let own = self
            .set
            .iter()
            .rev()
            .find(|(t, ..)| *t == Target::Rule(code));
        let group = || {
            (code.severity() == Severity::Warning)
                .then(|| self.set.iter().rev().find(|(t, ..)| *t == Target::Warnings))
                .flatten()
        };
        own.or_else(group)
            .map(|(_, level, file, span)| (*level, *file, span))
    }

    /// Applies the levels to every problem found: errors stay errors; a
    /// warning or note is dropped, kept as a warning, or made an error that
    /// points at the level that made it one.
    pub fn apply(&self, diags: &mut Vec<Diagnostic>) {
        if self.set.is_empty() {
            return;
        }
        let mut kept = Vec::with_capacity(diags.len());
        for d in diags.drain(..) {
            if d.code.severity() == Severity::Error {
                kept.push(d);
                continue;
            }
            match self.of(d.code) {
                None => kept.push(d),
                Some((LintLevel::Allow, ..)) => {}
                Some((LintLevel::Warn, ..)) => kept.push(Diagnostic {
                    severity: Severity::Warning,
                    ..d
                }),
                Some((LintLevel::Deny, file, span)) => {
                    let mut d = d.also(file, span.clone(), "denied by this level");
                    d.severity = Severity::Error;
                    kept.push(d);
                }
            }
        }
        *diags = kept;
    }
}

#[cfg(test)]
mod tests {
    use crate::diag_code::{DiagCode, Severity};
    use crate::rule_examples::example_sources;

    /// The base catalog with a 429 code whose policy ignores `Retry-After`
    /// (W0026) and the given `[lints]` lines.
    fn compile(lints: &str) -> (bool, Vec<(DiagCode, Severity)>) {
        let patch = format!(
            "#== >>catalog.toml\n[lints]\n{lints}#== >>client.toml\n\
             [too_fast]\nnumeric = 1001\nstatus = 429\ntitle = \"Too fast\"\n\
             message = \"Slow down.\"\nretry = \"standard\"\n"
        );
        let (ok, report) = match crate::compile(&example_sources(&patch)) {
            Ok(compiled) => (true, compiled.warnings),
            Err(report) => (false, report),
        };
        let found = report
            .diagnostics()
            .iter()
            .map(|d| (d.code, d.severity))
            .collect();
        (ok, found)
    }

    #[test]
    fn a_level_allows_warns_or_denies_a_warning() {
        let w0026 = DiagCode::RateLimitWithoutHeader;
        assert_eq!(compile(""), (true, vec![(w0026, Severity::Warning)]));
        assert_eq!(
            compile("rate_limit_without_header = \"allow\"\n"),
            (true, vec![])
        );
        assert_eq!(compile("W0026 = \"allow\"\n"), (true, vec![]));
        assert_eq!(
            compile("rate_limit_without_header = \"deny\"\n"),
            (false, vec![(w0026, Severity::Error)])
        );
        assert_eq!(
            compile("warnings = \"deny\"\n"),
            (false, vec![(w0026, Severity::Error)])
        );
        // The rule's own level beats its group's, in either order.
        for lints in [
            "warnings = \"deny\"\nrate_limit_without_header = \"warn\"\n",
            "rate_limit_without_header = \"warn\"\nwarnings = \"deny\"\n",
        ] {
            assert_eq!(
                compile(lints),
                (true, vec![(w0026, Severity::Warning)]),
                "{lints}"
            );
        }
    }

    #[test]
    fn a_denied_warning_points_at_its_level() {
        let patch = "#== >>catalog.toml\n[lints]\nwarnings = \"deny\"\n#== >>client.toml\n\
                     [too_fast]\nnumeric = 1001\nstatus = 429\ntitle = \"Too fast\"\n\
                     message = \"Slow down.\"\nretry = \"standard\"\n";
        let report = crate::compile(&example_sources(patch)).unwrap_err();
        let text = report.render();
        assert!(text.contains("error[W0026]"), "{text}");
        assert!(text.contains("denied by this level"), "{text}");
    }

    #[test]
    fn a_bad_level_is_located() {
        let (ok, found) = compile(
            "rate_limit_without_headr = \"allow\"\nE0013 = \"allow\"\nwarnings = \"loud\"\n",
        );
        assert!(!ok);
        let codes: Vec<DiagCode> = found.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == DiagCode::BadAllow).count(),
            2,
            "{codes:?}"
        );
        assert!(codes.contains(&DiagCode::InvalidValue), "{codes:?}");
    }
}
