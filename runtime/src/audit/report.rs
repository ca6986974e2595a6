//! An audit as text for people: the findings as a table, their counts by
//! kind, and coverage. `errcat audit` prints it; an `AuditLayer`'s
//! `assert_clean` panics with it.

use std::fmt::Write as _;

use super::{Auditor, Catalog};

/// The codes a report names before it says "and N more".
const LISTED: usize = 20;

impl<K: Catalog> Auditor<K> {
    /// The findings as a table, their counts by kind, and coverage.
    pub fn report(&self) -> String {
        let mut text = String::new();
        if !self.findings.is_empty() {
            let rows: Vec<[String; 4]> = self
                .findings
                .iter()
                .map(|f| {
                    [
                        f.entry.to_string(),
                        format!("{} {}", f.method, f.url),
                        f.kind.as_str().to_string(),
                        f.detail.clone(),
                    ]
                })
                .collect();
            let heads = ["entry", "request", "finding", "detail"];
            let width = |i: usize| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([heads[i].len()])
                    .max()
                    .unwrap_or(0)
            };
            let (w0, w1, w2) = (width(0), width(1), width(2));
            let mut line = |cells: [&str; 4]| {
                let _ = writeln!(
                    text,
                    "{:>w0$}  {:<w1$}  {:<w2$}  {}",
                    cells[0], cells[1], cells[2], cells[3]
                );
            };
            line(heads);
            for r in &rows {
                line([&r[0], &r[1], &r[2], &r[3]]);
            }
            let omitted = self.total() - self.findings.len();
            if omitted > 0 {
                let _ = writeln!(text, "… and {omitted} more, counted below");
            }
            text.push_str("\nby kind:\n");
            for (&kind, &n) in &self.counts {
                let _ = writeln!(text, "  {n:>5}  {}: {}", kind.as_str(), kind.summary());
            }
            text.push('\n');
        }
        let never: Vec<usize> = self.never_exercised().collect();
        let total = self.catalog.code_count();
        let _ = write!(
            text,
            "coverage: {} of {total} codes exercised",
            total - never.len()
        );
        if !never.is_empty() {
            let names: Vec<&str> = never
                .iter()
                .take(LISTED)
                .map(|&i| self.catalog.facts(i).wire_name)
                .collect();
            let _ = write!(text, "; never: {}", names.join(", "));
            let more = never.len().saturating_sub(LISTED);
            if more > 0 {
                let _ = write!(text, ", and {more} more");
            }
        }
        text.push('\n');
        text
    }
}
