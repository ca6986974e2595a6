//! The docs' view of the catalog's history: the changelog page (codes added,
//! deprecated and retired per version) and the retired codes, which stay
//! documented as rustc keeps the pages of errors it no longer emits.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::common::code_link;
use crate::emit::escape::{md_block, md_cell_code, md_table_cell};
use crate::history::version::Version;
use crate::model::{Model, Retired};

/// The changelog page.
pub const CHANGELOG_PAGE: &str = "changelog.md";

/// What happened in one version.
#[derive(Default)]
struct Release {
    added: Vec<String>,
    deprecated: Vec<String>,
    retired: Vec<String>,
}

/// The changelog, when the catalog knows when anything happened: the
/// versions newest first (semver order; others after, by name).
pub fn changelog_page(model: &Model, header: &str) -> Option<String> {
    let mut releases: BTreeMap<String, Release> = BTreeMap::new();
    for code in &model.codes {
        let line = format!(
            "{} — {}",
            code_link(model, code),
            md_table_cell(&code.title)
        );
        if let Some(since) = &code.history.since {
            releases
                .entry(since.clone())
                .or_default()
                .added
                .push(line.clone());
        }
        if let (Some(version), Some(note)) = (&code.history.deprecated_in, &code.deprecated) {
            releases
                .entry(version.clone())
                .or_default()
                .deprecated
                .push(format!(
                    "{} — {}",
                    code_link(model, code),
                    md_table_cell(note)
                ));
        }
    }
    for retired in &model.retired {
        let r = &retired.record;
        let link = format!("[`{}`](README.md#retired-codes)", retired.name);
        let title = md_table_cell(r.title.as_deref().unwrap_or("retired"));
        if let Some(since) = &r.since {
            releases
                .entry(since.clone())
                .or_default()
                .added
                .push(format!("{link} — {title}"));
        }
        if let Some(version) = &r.deprecated_in {
            releases
                .entry(version.clone())
                .or_default()
                .deprecated
                .push(format!("{link} — {title}"));
        }
        let version = r.retired_in.clone().unwrap_or_default();
        releases.entry(version).or_default().retired.push(format!(
            "{link} — {}",
            md_table_cell(r.reason.as_deref().unwrap_or_default())
        ));
    }
    if releases.is_empty() {
        return None;
    }
    let mut versions: Vec<(String, Release)> = releases.into_iter().collect();
    versions.sort_by(|(a, _), (b, _)| {
        let key = |v: &str| std::cmp::Reverse(Version::parse(v));
        (key(a), a.is_empty(), a).cmp(&(key(b), b.is_empty(), b))
    });
    let mut out = header.to_string();
    let _ = writeln!(out, "# Changelog\n");
    let _ = writeln!(
        out,
        "Codes added, deprecated and retired in each version of the {} catalog, newest first. \
         Back to the [index](README.md).\n",
        md_table_cell(&model.meta.name)
    );
    for (version, release) in versions {
        let heading = if version.is_empty() {
            "Without a version".to_string()
        } else {
            md_table_cell(&version)
        };
        let _ = writeln!(out, "## {heading}\n");
        for (what, lines) in [
            ("Added", &release.added),
            ("Deprecated", &release.deprecated),
            ("Retired", &release.retired),
        ] {
            if lines.is_empty() {
                continue;
            }
            if version.is_empty() {
                let _ = writeln!(out, "### {what} without a version\n");
            } else {
                let _ = writeln!(out, "### {what} in {heading}\n");
            }
            for line in lines {
                let _ = writeln!(out, "- {line}");
            }
            out.push('\n');
        }
    }
    Some(out)
}

/// The index's list of retired codes, when there are any.
pub fn retired_section(out: &mut String, model: &Model) {
    if model.retired.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Retired codes\n");
    let _ = writeln!(
        out,
        "These codes are no longer emitted. Their names, numeric codes and aliases are never given to another code, \
         so a client that still knows them never misreads a new one.\n"
    );
    let _ = writeln!(
        out,
        "| Code | Numeric | Was | Retired in | Why |\n| --- | --- | --- | --- | --- |"
    );
    for retired in &model.retired {
        let r = &retired.record;
        let was = match (&r.title, &r.category) {
            (Some(title), Some(category)) => {
                format!("{} ({})", md_table_cell(title), md_table_cell(category))
            }
            (Some(title), None) => md_table_cell(title),
            (None, Some(category)) => md_table_cell(category),
            (None, None) => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {was} | {} | {} |",
            md_cell_code(&retired.name),
            r.numeric.map_or("—".into(), |n| n.to_string()),
            r.retired_in.as_deref().map_or("—".into(), md_table_cell),
            md_table_cell(r.reason.as_deref().unwrap_or_default())
        );
    }
    out.push('\n');
}

/// What `errcat explain` prints for a retired code.
pub fn retired_explanation(retired: &Retired) -> String {
    let r = &retired.record;
    let mut out = format!("# `{}` (retired)\n\n", retired.name);
    let when = r
        .retired_in
        .as_deref()
        .map(|v| format!("Retired in {v}: "))
        .unwrap_or_else(|| "Retired: ".into());
    let _ = writeln!(
        out,
        "{when}{}\n",
        md_block(r.reason.as_deref().unwrap_or_default())
    );
    let mut was = Vec::new();
    if let Some(title) = &r.title {
        was.push(format!("“{}”", md_table_cell(title)));
    }
    if let Some(n) = r.numeric {
        was.push(format!("numeric {n}"));
    }
    if let Some(category) = &r.category {
        was.push(format!("category `{category}`"));
    }
    if !was.is_empty() {
        let _ = writeln!(out, "It was {}.\n", was.join(", "));
    }
    let _ = writeln!(
        out,
        "The code is no longer emitted. Its name, numeric code and aliases are never given to another code."
    );
    out
}
