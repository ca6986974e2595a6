//! Lint levels applied: `[lints]` in catalog.toml turns a warning or note
//! off (`allow`), on (`warn`) or into an error (`deny`), by rule name, by
//! code, or for the `warnings` group, as clippy users set levels in
//! `Cargo.toml`. A code's own `allow` (with its reason) still silences one
//! code; a level applies to the whole catalog. The levels themselves
//! (`LintLevel`, `Target`, `Levels`) are data in `diag_code.rs`, which
//! lowering fills.

use crate::diag_code::{Levels, LintLevel, Severity};
use crate::diagnostics::Diagnostic;

/// Applies `levels` to every problem found: errors stay errors; a
/// warning or note is dropped, kept as a warning, or made an error that
/// points at the level that made it one.
pub fn apply(levels: &Levels, diags: &mut Vec<Diagnostic>) {
    if levels.is_empty() {
        return;
    }
    let mut kept = Vec::with_capacity(diags.len());
    for d in diags.drain(..) {
        if d.code.severity() == Severity::Error {
            kept.push(d);
            continue;
        }
        match levels.of(d.code) {
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
