//! `errcat audit --har FILE`: recorded traffic held to the catalog, as a
//! table for people or `--json`, with coverage; exit 1 on a finding.

use std::path::Path;

use serde_json::json;

use crate::Model;
use crate::cli::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};

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
    let mut audit = crate::audit::audit(model);
    let mut skipped = 0usize;
    let entries = crate::audit::for_each_entry(file, |entry| match only {
        Some(prefix) if !entry.url.starts_with(prefix) => skipped += 1,
        _ => crate::audit::check(&mut audit, &entry),
    })
    .map_err(|e| {
        Failure::new(EXIT_FAILURE, "invalid_har", e.0)
            .file(har.display().to_string())
            .hint("save it from the browser's network panel (\"Save all as HAR\"), Playwright (`recordHar`) or mitmproxy (`--set hardump=FILE`)")
    })?;
    let outside = if skipped > 0 {
        format!(
            " ({skipped} of {entries} entries outside `{}`)",
            only.unwrap_or_default()
        )
    } else {
        String::new()
    };
    let found = match audit.total() {
        0 => "no findings".to_string(),
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    };
    let mut text = format!(
        "audit of {}: {} responses{outside}, {found}\n\n",
        har.display(),
        audit.responses(),
    );
    text.push_str(&audit.report());

    let findings: Vec<_> = audit
        .findings()
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
    let names = |indexes: &mut dyn Iterator<Item = usize>| -> Vec<&str> {
        indexes.map(|i| model.codes[i].wire_name.as_str()).collect()
    };
    let json = json!({
        "har": har.display().to_string(),
        "entries": entries,
        "responses": audit.responses(),
        "findings": findings,
        "omitted": audit.total() - audit.findings().len(),
        "counts": audit
            .counts()
            .iter()
            .map(|(k, n)| (k.as_str().to_string(), json!(n)))
            .collect::<serde_json::Map<_, _>>(),
        "coverage": {
            "exercised": names(&mut audit.exercised()),
            "never": names(&mut audit.never_exercised()),
        },
    });
    Ok(Output {
        text,
        json,
        exit: u8::from(audit.total() > 0),
    })
}
