//! `errcat audit --har FILE`: recorded traffic held to the catalog, as a
//! table for people or `--json`, with coverage; exit 1 on a finding.

use std::path::Path;

use serde_json::json;

use crate::Model;
use crate::audit::Audit;
use crate::cli::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};

/// The codes a report names before it says "and N more".
const LISTED: usize = 20;

pub fn run(model: &Model, har: &Path, only: Option<&str>) -> Result<Output, Failure> {
    let file = std::fs::File::open(har).map_err(|e| {
        let exit = match e.kind() {
            std::io::ErrorKind::NotFound => EXIT_NOT_FOUND,
            _ => EXIT_FAILURE,
        };
        Failure::new(
            exit,
            "io_error",
            format!("cannot read `{}`: {e}", har.display()),
        )
    })?;
    let mut audit = Audit::new(model);
    let mut skipped = 0usize;
    let entries = crate::audit::for_each_entry(file, |entry| match only {
        Some(prefix) if !entry.url.starts_with(prefix) => skipped += 1,
        _ => audit.check(&entry),
    })
    .map_err(|e| {
        Failure::new(EXIT_FAILURE, "invalid_har", e.0)
            .file(har.display().to_string())
            .hint("save it from the browser's network panel (\"Save all as HAR\"), Playwright (`recordHar`) or mitmproxy (`--set hardump=FILE`)")
    })?;
    let never = audit.never_exercised();
    let exercised = model.codes.len() - never.len();

    let mut text = format!(
        "audit of {}: {} responses{}, {}\n",
        har.display(),
        audit.responses,
        if skipped > 0 {
            format!(
                " ({skipped} of {entries} entries outside `{}`)",
                only.unwrap_or_default()
            )
        } else {
            String::new()
        },
        match audit.total() {
            0 => "no findings".to_string(),
            1 => "1 finding".to_string(),
            n => format!("{n} findings"),
        }
    );
    if !audit.findings.is_empty() {
        text.push('\n');
        let rows: Vec<[String; 4]> = audit
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
        let widths: Vec<usize> = (0..3)
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([["entry", "request", "finding"][i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: [&str; 4]| {
            format!(
                "{:>w0$}  {:<w1$}  {:<w2$}  {}\n",
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2]
            )
        };
        text.push_str(&line(["entry", "request", "finding", "detail"]));
        for r in &rows {
            text.push_str(&line([&r[0], &r[1], &r[2], &r[3]]));
        }
        let omitted = audit.total() - audit.findings.len();
        if omitted > 0 {
            text.push_str(&format!("… and {omitted} more, counted below\n"));
        }
        text.push_str("\nby kind:\n");
        for (&kind, &n) in &audit.counts {
            text.push_str(&format!(
                "  {n:>5}  {}: {}\n",
                kind.as_str(),
                kind.summary()
            ));
        }
    }
    text.push_str(&format!(
        "\ncoverage: {exercised} of {} codes exercised",
        model.codes.len()
    ));
    if never.is_empty() {
        text.push('\n');
    } else {
        let names: Vec<&str> = never
            .iter()
            .take(LISTED)
            .map(|c| c.wire_name.as_str())
            .collect();
        let more = never.len().saturating_sub(LISTED);
        text.push_str(&format!(
            "; never: {}{}\n",
            names.join(", "),
            if more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            }
        ));
    }

    let findings: Vec<_> = audit
        .findings
        .iter()
        .map(|f| {
            json!({
                "entry": f.entry,
                "method": f.method,
                "url": f.url,
                "code": f.code,
                "kind": f.kind.as_str(),
                "detail": f.detail,
            })
        })
        .collect();
    let exercised_names: Vec<&str> = audit
        .exercised
        .iter()
        .map(|&i| model.codes[i].wire_name.as_str())
        .collect();
    let json = json!({
        "har": har.display().to_string(),
        "entries": entries,
        "responses": audit.responses,
        "findings": findings,
        "omitted": audit.total() - audit.findings.len(),
        "counts": audit
            .counts
            .iter()
            .map(|(k, n)| (k.as_str().to_string(), json!(n)))
            .collect::<serde_json::Map<_, _>>(),
        "coverage": {
            "exercised": exercised_names,
            "never": never.iter().map(|c| c.wire_name.as_str()).collect::<Vec<_>>(),
        },
    });
    Ok(Output {
        text,
        json,
        exit: u8::from(audit.total() > 0),
    })
}
