//! Emits the Markdown docs pages of a catalog: an index with the envelope,
//! status, retry, exit-code and cross-tool tables; one page per category with
//! a section per code; a numeric index; and an mdBook `SUMMARY.md`.
//!
//! Catalog text is escaped wherever it lands in a table cell, heading or
//! inline code. `description` and `solution` are Markdown and passed through.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use errcat_runtime::ErrorBody;
use serde_json::{Map, Value};

use super::history_pages::{CHANGELOG_PAGE, changelog_page, retired_section};
use super::text::{md_block, md_cell_code, md_inline_code, md_table_cell};
use crate::fields::{Field, FieldType, Group, Value as FieldValue};
use crate::model::{
    Backoff, Category, Code, Example, Fault, Kind, Model, RetryPolicy, RetryStrategy,
};
use crate::write::FileSet;

/// The page that lists every code by numeric code.
pub const NUMERIC_PAGE: &str = "numeric.md";
/// Every page besides the category pages; no category may take these names
/// (E0036), in any letter case.
pub const PAGES: &[&str] = &["README.md", "SUMMARY.md", NUMERIC_PAGE, CHANGELOG_PAGE];
/// The example request id used in docs.
pub const EXAMPLE_REQUEST_ID: &str = "req_8f14e45fceea167a";
/// The example `Retry-After` used in docs, in seconds.
pub const EXAMPLE_RETRY_AFTER_SECS: u64 = 30;

/// The docs pages, under `docs/`.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "docs",
        default: true,
        needs_http: false,
        requires: None,
        reserved_pages: PAGES,
    },
    emit,
};

/// Every code's section ([`code_section`]), in catalog order. Computed on
/// all cores for large catalogs.
pub fn code_sections(model: &Model) -> Vec<String> {
    crate::par::par_map(&model.codes, 1000, |c| code_section(model, c))
}

/// Every docs page, keyed by path relative to `generated/`.
fn emit(cx: &super::Context<'_>) -> FileSet {
    let (model, command) = (cx.model, cx.command);
    let docs = PathBuf::from("docs");
    let mut files = FileSet::new();
    files.insert(docs.join(PAGES[0]), index_page(model, command));
    for category in &model.categories {
        files.insert(
            docs.join(category_page_name(category)),
            category_page(model, category, command, cx.sections()),
        );
    }
    if has_numerics(model) {
        files.insert(docs.join(NUMERIC_PAGE), numeric_page(model, command));
    }
    if let Some(page) = changelog_page(model, &header(command)) {
        files.insert(docs.join(CHANGELOG_PAGE), page);
    }
    files.insert(docs.join(PAGES[1]), summary_page(model, command));
    files
}

/// The page of a category, e.g. `rate_limit.md`.
pub fn category_page_name(category: &Category) -> String {
    format!("{}.md", category.id)
}

/// A link to a code's section from any docs page.
pub fn code_link(model: &Model, code: &Code) -> String {
    format!(
        "[`{}`]({}#{})",
        code.wire_name,
        category_page_name(model.category_of(code)),
        code.anchor()
    )
}

fn header(command: &str) -> String {
    format!("<!-- {} -->\n\n", super::generated_header(command))
}

// -- index ----------------------------------------------------------------------

fn index_page(model: &Model, command: &str) -> String {
    let mut out = header(command);
    let name = &model.meta.name;
    let _ = writeln!(out, "# {} error reference\n", md_table_cell(name));
    if let Some(d) = &model.meta.description {
        let _ = writeln!(out, "{}\n", md_block(d));
    }
    let version = model
        .meta
        .version
        .as_deref()
        .map(|v| format!("Catalog version {} · ", md_table_cell(v)))
        .unwrap_or_default();
    // Said once: many catalogs' own descriptions already say it.
    let says_it = model
        .meta
        .description
        .as_deref()
        .is_some_and(|d| d.to_lowercase().contains("may change"));
    let advice = if says_it {
        ""
    } else if !model.meta.http {
        " Branch on the code: messages are for people and may change."
    } else {
        " Use the `code` field for programmatic handling: messages are for people and may change."
    };
    let categories = if model.meta.categorized {
        format!(" in {} categories", model.categories.len())
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{version}{} codes{categories}.{advice}\n",
        model.codes.len()
    );

    // A catalog without HTTP gets none of the HTTP sections, and the exit
    // codes only when it documents them.
    let http = model.meta.http;
    if http {
        envelope_section(&mut out, model);
    }
    categories_section(&mut out, model);
    if http {
        status_section(&mut out, model);
    }
    if shows_retry(model) {
        retry_section(&mut out, model);
    }
    if model.meta.cli {
        exit_code_section(&mut out, model);
    }
    if http {
        cross_tool_section(&mut out, model);
    }
    telemetry_section(&mut out, model);
    retired_section(&mut out, model);
    if http {
        let _ = writeln!(out, "## Request ids\n");
        let said = match &model.meta.request_id_header {
            Some(header) => format!(
                "Every response, success or failure, carries its request id in the {} header, and error bodies repeat it.",
                md_inline_code(header)
            ),
            None => "Error bodies carry the id of the request that failed.".into(),
        };
        let _ = writeln!(out, "{said} Quote it when you contact support.\n");
    }
    let changelog = if has_changelog(model) {
        format!(" and the [changelog]({CHANGELOG_PAGE})")
    } else {
        String::new()
    };
    match (has_numerics(model), has_changelog(model)) {
        (true, _) => {
            let _ = writeln!(
                out,
                "See also the [numeric index]({NUMERIC_PAGE}) of every code{changelog}."
            );
        }
        (false, true) => {
            let _ = writeln!(out, "See also the [changelog]({CHANGELOG_PAGE}).");
        }
        (false, false) => {}
    }
    out
}

/// Whether any code has a numeric code (else the numeric index and the
/// numeric columns are left out).
fn has_numerics(model: &Model) -> bool {
    model.codes.iter().any(|c| c.numeric.is_some())
}

/// Whether the docs speak of retrying: always for HTTP catalogs, else only
/// when some code may be retried (a compiler's codes never are).
fn shows_retry(model: &Model) -> bool {
    // Retrying the whole operation is advice too, in any catalog.
    model.meta.http
        || model
            .codes
            .iter()
            .any(|c| !matches!(model.retry_of(c).strategy, RetryStrategy::Never))
}

fn has_changelog(model: &Model) -> bool {
    !model.retired.is_empty() || model.codes.iter().any(|c| c.history.since.is_some())
}

fn envelope_section(out: &mut String, model: &Model) {
    use errcat_runtime::EnvelopeStyle;
    let format = model.envelope;
    let _ = writeln!(out, "## Error response format\n");
    // The example uses the first code with params and a Retry-After, else the
    // first error.
    let example = model
        .codes
        .iter()
        .find(|c| {
            c.kind.is_error()
                && matches!(
                    model.retry_of(c).strategy,
                    RetryStrategy::AfterHeader { .. }
                )
                && !c.params.is_empty()
        })
        .or_else(|| model.codes.iter().find(|c| c.kind.is_error()))
        .or(model.codes.first());
    let intro = match format.style {
        EnvelopeStyle::Nested => format!(
            "Errors return a JSON body with `Content-Type: {}` and one top-level `error` object:",
            format.content_type()
        ),
        EnvelopeStyle::Problem => format!(
            "Errors return RFC 9457 problem details with `Content-Type: {}`:",
            format.content_type()
        ),
        EnvelopeStyle::Google => format!(
            "Errors return Google's AIP-193 status with `Content-Type: {}`: the HTTP status as `code`, \
             the gRPC code as `status`, and the error code itself as the `reason` of the `ErrorInfo` in `details`:",
            format.content_type()
        ),
        EnvelopeStyle::JsonApi => format!(
            "Errors return a JSON:API document with `Content-Type: {}`, the error first in `errors`:",
            format.content_type()
        ),
        EnvelopeStyle::GraphQl => format!(
            "Errors return a GraphQL response with `Content-Type: {}`, the error first in `errors` \
             and its code in `extensions`:",
            format.content_type()
        ),
        _ => format!(
            "Errors return a JSON body with `Content-Type: {}` and one top-level `detail` object, \
             as web frameworks such as FastAPI raise it:",
            format.content_type()
        ),
    };
    let _ = writeln!(out, "{intro}\n");
    if let Some(code) = example {
        let _ = writeln!(out, "```json\n{}\n```\n", example_envelope(model, code));
    }
    let _ = writeln!(out, "| Field | Type | Description |\n| --- | --- | --- |");
    for field in format.style.fields() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            md_cell_code(&field.path(format.field_case)),
            field.json_type,
            field.description
        );
    }
    let mut other_styles: Vec<&Code> = Vec::new();
    for code in &model.codes {
        if code.envelope != format.style
            && !other_styles.iter().any(|c| c.envelope == code.envelope)
        {
            other_styles.push(code);
        }
    }
    for code in other_styles {
        let raised: Vec<&str> = model
            .categories
            .iter()
            .filter(|c| {
                c.codes
                    .iter()
                    .any(|&i| model.codes[i].envelope == code.envelope)
            })
            .map(|c| c.title.as_str())
            .collect();
        let _ = writeln!(
            out,
            "\nSome codes ({}) use the `{}` shape instead:\n\n```json\n{}\n```",
            md_table_cell(&raised.join(", ")),
            code.envelope.as_str(),
            example_envelope(model, code)
        );
    }
    let _ = writeln!(
        out,
        "\nResponses that may be retried also carry a `Retry-After` header, in seconds. Fields without a value are left out.\n"
    );
}

fn categories_section(out: &mut String, model: &Model) {
    if !model.meta.categorized {
        // One table of every code, on the one page that describes them.
        let page = model
            .categories
            .first()
            .map(category_page_name)
            .unwrap_or_default();
        let _ = writeln!(out, "## Codes\n");
        let _ = writeln!(
            out,
            "Every code is in [one table]({page}), each with its own section.\n"
        );
        return;
    }
    let _ = writeln!(out, "## Categories\n");
    // The range column for numbered catalogs, the class prefix for
    // catalogs of prefix classes, either or both.
    let ranged = model.categories.iter().any(|c| c.range.is_some());
    let prefixed = model.categories.iter().any(|c| c.prefix.is_some());
    let head = match (ranged, prefixed) {
        (true, true) => " Numeric range | Class |",
        (true, false) => " Numeric range |",
        (false, true) => " Class |",
        (false, false) => "",
    };
    let rule = " --- |".repeat(usize::from(ranged) + usize::from(prefixed));
    // The `type` only where some body carries one (Google's has none).
    let typed = writes_type(model);
    let (http_head, http_rule) = match (model.meta.http, typed) {
        (true, true) => (" Type | HTTP statuses |", " --- | --- |"),
        (true, false) => (" HTTP statuses |", " --- |"),
        _ => ("", ""),
    };
    let (fault_head, fault_rule) = if model.meta.faults {
        (" Fault |", " --- |")
    } else {
        ("", "")
    };
    let _ = writeln!(
        out,
        "| Category |{head}{fault_head}{http_head} Codes |\n| --- |{rule}{fault_rule}{http_rule} --- |"
    );
    for c in &model.categories {
        let mut range = String::new();
        if ranged {
            let r = c.range.map_or("—".to_string(), |(a, b)| format!("{a}–{b}"));
            range.push_str(&format!(" {r} |"));
        }
        if prefixed {
            let p = c
                .prefix
                .as_deref()
                .map_or("—".to_string(), |p| format!("`{p}…`"));
            range.push_str(&format!(" {p} |"));
        }
        let statuses: BTreeSet<u16> = c.codes.iter().map(|&i| model.codes[i].status).collect();
        let statuses: Vec<String> = statuses.iter().map(u16::to_string).collect();
        let http = match (model.meta.http, typed) {
            (true, true) => format!(
                " {} | {} |",
                md_cell_code(&c.error_type),
                statuses.join(", ")
            ),
            (true, false) => format!(" {} |", statuses.join(", ")),
            _ => String::new(),
        };
        let fault = if model.meta.faults {
            format!(" {} |", c.fault)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| [{}]({}) |{range}{fault}{http} {} |",
            md_table_cell(&c.title),
            category_page_name(c),
            c.codes.len()
        );
    }
    out.push('\n');
}

/// The codes a telemetry table lists by name; past them it counts.
const LISTED_LABEL_VALUES: usize = 100;

/// The telemetry labels errcat's runtimes give an error, with every value
/// this catalog allows, as OpenTelemetry's conventions ask of `error.type`.
fn telemetry_section(out: &mut String, model: &Model) {
    use errcat_runtime::telemetry as t;
    let _ = writeln!(
        out,
        "## Telemetry labels
"
    );
    let _ = writeln!(
        out,
        "errcat's Rust, TypeScript and Python runtimes label an error for metrics and traces (`Error::telemetry`, `telemetryLabels()`, `telemetry_labels()`); every value comes from this catalog, so the labels stay few.\n"
    );
    let _ = writeln!(out, "| Attribute | Values |\n| --- | --- |");
    let errors: Vec<&Code> = model.codes.iter().filter(|c| c.kind.is_error()).collect();
    let codes = if errors.len() <= LISTED_LABEL_VALUES {
        let names: Vec<String> = errors.iter().map(|c| md_cell_code(&c.wire_name)).collect();
        names.join(", ")
    } else {
        format!("one of the {} error codes of this reference", errors.len())
    };
    let _ = writeln!(
        out,
        "| `{}` | the code: {codes}; `{}` for a code this reference does not list |",
        t::ERROR_TYPE,
        t::OTHER_ERROR_TYPE
    );
    if model.meta.categorized {
        let ids: Vec<String> = model
            .categories
            .iter()
            .map(|c| md_cell_code(&c.id))
            .collect();
        let _ = writeln!(out, "| `{}` | {} |", t::CATEGORY, ids.join(", "));
    }
    let mut faults: Vec<&str> = errors.iter().map(|c| c.fault.as_str()).collect();
    faults.sort_unstable();
    faults.dedup();
    let faults: Vec<String> = faults.iter().map(|f| format!("`{f}`")).collect();
    let _ = writeln!(out, "| `{}` | {} |", t::FAULT, faults.join(", "));
    let _ = writeln!(out, "| `{}` | `true`, `false` |\n", t::RETRYABLE);
}

/// Whether some code's envelope style carries the `type` member.
fn writes_type(model: &Model) -> bool {
    model.codes.iter().any(|c| {
        c.envelope
            .fields()
            .iter()
            .any(|f| f.member == errcat_runtime::Member::ErrorType)
    })
}

fn status_section(out: &mut String, model: &Model) {
    let _ = writeln!(out, "## HTTP status codes\n");
    let _ = writeln!(out, "| Status | Meaning | Codes |\n| --- | --- | --- |");
    let mut by_status: BTreeMap<u16, Vec<&Code>> = BTreeMap::new();
    for code in &model.codes {
        by_status.entry(code.status).or_default().push(code);
    }
    for (status, codes) in by_status {
        let links: Vec<String> = codes.iter().map(|c| code_link(model, c)).collect();
        let meaning = match reason_phrase(status) {
            "" => "—",
            phrase => phrase,
        };
        let _ = writeln!(out, "| {status} | {meaning} | {} |", links.join(", "));
    }
    out.push('\n');
}

fn retry_section(out: &mut String, model: &Model) {
    let _ = writeln!(out, "## Retry guidance\n");
    if model.meta.http {
        retry_by_status(out, model);
    }
    retry_policies_table(out, model);
}

/// Which responses, by HTTP status class, are retried and how.
fn retry_by_status(out: &mut String, model: &Model) {
    type Member = fn(&Code) -> bool;
    let classes: [(&str, Member); 4] = [
        ("2xx and pending statuses", |c| !c.kind.is_error()),
        ("4xx except 429", |c| {
            c.kind.is_error() && (400..500).contains(&c.status) && c.status != 429
        }),
        ("429", |c| c.kind.is_error() && c.status == 429),
        ("5xx", |c| c.kind.is_error() && c.status >= 500),
    ];
    let _ = writeln!(
        out,
        "| Responses | Retry? | How | Codes |\n| --- | --- | --- | --- |"
    );
    for (label, member) in classes {
        let codes: Vec<&Code> = model.codes.iter().filter(|c| member(c)).collect();
        if codes.is_empty() {
            continue;
        }
        let mut policies: Vec<usize> = codes.iter().map(|c| c.retry).collect();
        policies.sort_unstable();
        policies.dedup();
        let retryable = policies
            .iter()
            .filter(|&&p| model.retry_policies[p].strategy.is_retryable())
            .count();
        let operations = policies
            .iter()
            .filter(|&&p| {
                matches!(
                    model.retry_policies[p].strategy,
                    RetryStrategy::Operation(_)
                )
            })
            .count();
        let verdict = if !codes[0].kind.is_error() {
            "not an error"
        } else if operations == policies.len() {
            "retry the operation"
        } else if retryable == 0 && operations == 0 {
            "don't retry"
        } else if retryable == 0 {
            "depends on the code"
        } else if retryable == policies.len() {
            if policies.iter().all(|&p| {
                matches!(
                    model.retry_policies[p].strategy,
                    RetryStrategy::AfterHeader { .. }
                )
            }) {
                "back off"
            } else {
                "retry"
            }
        } else {
            "depends on the code"
        };
        let how: Vec<String> = if !codes[0].kind.is_error() {
            vec!["Nothing to retry; poll pending operations until they finish.".into()]
        } else {
            policies
                .iter()
                .map(|&p| {
                    let policy = &model.retry_policies[p];
                    let n = codes.iter().filter(|c| c.retry == p).count();
                    format!("`{}` ({n}): {}", policy.name, retry_in_words(policy))
                })
                .collect()
        };
        let _ = writeln!(
            out,
            "| {label} | {verdict} | {} | {} |",
            how.join(" "),
            codes.len()
        );
    }
}

/// Every retry policy: what it is for, its delays, jitter and attempts.
fn retry_policies_table(out: &mut String, model: &Model) {
    // Under the guidance table, a heading of its own; alone, none (the
    // section's heading already says it).
    if model.meta.http {
        let _ = writeln!(out, "\n### Retry policies\n");
    }
    // What each policy is for, as the catalog says it; the column is left
    // out when no policy says.
    let described = model.retry_policies.iter().any(|p| p.description.is_some());
    let (about, about_rule) = if described {
        (" What it is for |", " --- |")
    } else {
        ("", "")
    };
    let _ = writeln!(
        out,
        "| Policy |{about} Strategy | Delays | Jitter | Attempts | Codes |\n| --- |{about_rule} --- | --- | --- | --- | --- |"
    );
    for (i, policy) in model.retry_policies.iter().enumerate() {
        let used = model.codes.iter().filter(|c| c.retry == i).count();
        let (strategy, delays, jitter, attempts) = match &policy.strategy {
            RetryStrategy::Never => (
                "never".to_string(),
                "—".to_string(),
                "—".to_string(),
                "1".to_string(),
            ),
            RetryStrategy::Backoff(b) => (
                "exponential backoff".into(),
                delays(b),
                b.jitter.as_str().into(),
                b.max_attempts.to_string(),
            ),
            RetryStrategy::AfterHeader { max_wait, fallback } => (
                format!("honour `Retry-After` (at most {})", duration(*max_wait)),
                format!("otherwise {}", delays(fallback)),
                fallback.jitter.as_str().into(),
                fallback.max_attempts.to_string(),
            ),
            RetryStrategy::Operation(Some(b)) => (
                "retry the whole operation".into(),
                delays(b),
                b.jitter.as_str().into(),
                b.max_attempts.to_string(),
            ),
            RetryStrategy::Operation(None) => (
                "retry the whole operation".into(),
                "—".into(),
                "—".into(),
                "—".into(),
            ),
        };
        let strategy = if policy.idempotent_only {
            format!("{strategy}, idempotent requests only")
        } else {
            strategy
        };
        let about = match (&policy.description, described) {
            (Some(d), _) => format!(" {} |", md_table_cell(d)),
            (None, true) => " — |".to_string(),
            (None, false) => String::new(),
        };
        let _ = writeln!(
            out,
            "| `{}` |{about} {strategy} | {delays} | {jitter} | {attempts} | {used} |",
            policy.name
        );
    }
    let _ = writeln!(
        out,
        "\nAttempts count the first request. Full jitter waits a random time between zero and the delay; \
         equal jitter waits half the delay plus a random time up to the other half.\n"
    );
}

fn exit_code_section(out: &mut String, model: &Model) {
    let _ = writeln!(out, "## CLI exit codes\n");
    let _ = writeln!(
        out,
        "Command-line tools exit with these codes, so scripts can branch on the outcome without parsing output.\n"
    );
    let column = if model.meta.categorized {
        "Categories"
    } else {
        "Codes"
    };
    let _ = writeln!(
        out,
        "| Exit code | Meaning | {column} |\n| --- | --- | --- |"
    );
    let mut by_exit: BTreeMap<u8, Vec<&Category>> = BTreeMap::new();
    for category in &model.categories {
        let mut exits: Vec<u8> = category
            .codes
            .iter()
            .map(|&i| model.codes[i].exit_code)
            .collect();
        exits.sort_unstable();
        exits.dedup();
        for e in exits {
            by_exit.entry(e).or_default().push(category);
        }
    }
    for (exit, categories) in by_exit {
        let declared = model
            .exit_codes
            .iter()
            .find(|(c, _)| *c == exit)
            .map(|(_, m)| m.clone());
        let meaning = match (declared, exit) {
            (Some(m), _) => m,
            (None, 0) => "Success".to_string(),
            (None, _) => categories
                .iter()
                .map(|c| c.title.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        };
        let links: Vec<String> = if model.meta.categorized {
            categories
                .iter()
                .map(|c| format!("[{}]({})", md_table_cell(&c.id), category_page_name(c)))
                .collect()
        } else {
            model
                .codes
                .iter()
                .filter(|c| c.exit_code == exit)
                .map(|c| code_link(model, c))
                .collect()
        };
        let _ = writeln!(
            out,
            "| {exit} | {} | {} |",
            md_table_cell(&meaning),
            links.join(", ")
        );
    }
    out.push('\n');
}

fn cross_tool_section(out: &mut String, model: &Model) {
    let _ = writeln!(out, "## Cross-tool mapping\n");
    let _ = writeln!(
        out,
        "The same failure, as each tool reports it. Use this table when wiring retries.\n"
    );
    // A column no code fills would read "—" on every row.
    let exceptions = model.codes.iter().any(|c| c.facts.sdk_exception.is_some());
    let (head, rule) = if exceptions {
        (" SDK exception |", " --- |")
    } else {
        ("", "")
    };
    let (exit_head, exit_rule) = if model.meta.cli {
        (" CLI exit code |", " --- |")
    } else {
        ("", "")
    };
    let _ = writeln!(
        out,
        "| Situation | HTTP status |{exit_head}{head} Retry | Codes |\n| --- | --- |{exit_rule}{rule} --- | --- |"
    );
    for category in &model.categories {
        // One row per distinct combination within the category.
        let mut rows: BTreeMap<(u16, u8, Option<&str>, usize), Vec<&Code>> = BTreeMap::new();
        // Failures only: a success has nothing to map or retry.
        for c in category.codes.iter().map(|&i| &model.codes[i]) {
            if !c.kind.is_error() {
                continue;
            }
            rows.entry((
                c.status,
                c.exit_code,
                c.facts.sdk_exception.as_deref(),
                c.retry,
            ))
            .or_default()
            .push(c);
        }
        for ((status, exit, exception, retry), codes) in rows {
            let links: Vec<String> = codes.iter().map(|c| code_link(model, c)).collect();
            let exception = match exception {
                _ if !exceptions => String::new(),
                Some(name) => format!(" {} |", md_cell_code(name)),
                None => " — |".to_string(),
            };
            let policy = &model.retry_policies[retry];
            // Without categories, the status names the situation.
            let situation = match category.implicit {
                true => reason_phrase(status),
                false => &category.title,
            };
            let _ = writeln!(
                out,
                "| {} | {status} |{}{exception} {} | {} |",
                md_table_cell(situation),
                if model.meta.cli {
                    format!(" {exit} |")
                } else {
                    String::new()
                },
                retry_short(policy),
                links.join(", ")
            );
        }
    }
    out.push('\n');
}

// -- category pages ---------------------------------------------------------------

fn category_page(model: &Model, category: &Category, command: &str, sections: &[String]) -> String {
    let mut out = header(command);
    // Code sections own the anchors equal to code names; a page title that
    // would take one of them gets the category id added.
    let title_anchor = heading_slug(&category.title);
    let title = if category
        .codes
        .iter()
        .any(|&i| model.codes[i].name == title_anchor)
    {
        format!("{} ({} category)", category.title, category.id)
    } else {
        category.title.clone()
    };
    let _ = writeln!(out, "# {}\n", md_table_cell(&title));
    if let Some(d) = &category.description {
        let _ = writeln!(out, "{}\n", md_block(d));
    }
    let mut facts = Vec::new();
    if let Some((a, b)) = category.range {
        facts.push(format!("Numeric codes {a}–{b}"));
    }
    if let Some(prefix) = &category.prefix {
        let generic = category
            .generic
            .map(|g| {
                let g = &model.codes[g];
                format!(
                    ", and one this page does not list is read as [`{}`](#{})",
                    g.wire_name,
                    g.anchor()
                )
            })
            .unwrap_or_default();
        facts.push(format!(
            "codes start with {}{generic}",
            md_inline_code(prefix)
        ));
    }
    if category.implicit {
        facts.push("Every code of the catalog".into());
    } else {
        if model.meta.faults {
            facts.push(format!("fault: {}", category.fault));
        }
        if model.meta.http && writes_type(model) {
            facts.push(format!("type {}", md_inline_code(&category.error_type)));
        }
    }
    let _ = writeln!(
        out,
        "{}. Back to the [index](README.md).\n",
        facts.join(" · ")
    );

    // Columns no code of the catalog fills are left out.
    let numbered = has_numerics(model);
    let named = model.codes.iter().any(|c| c.condition.is_some());
    let (numeric_head, numeric_rule) = if numbered {
        (" Numeric |", " --- |")
    } else {
        ("", "")
    };
    let (name_head, name_rule) = if named {
        (" Name |", " --- |")
    } else {
        ("", "")
    };
    let (http_head, http_rule) = if model.meta.http {
        (" HTTP |", " --- |")
    } else {
        ("", "")
    };
    let retry = shows_retry(model);
    let (retry_head, retry_rule) = if retry {
        (" Retry |", " --- |")
    } else {
        ("", "")
    };
    let _ = writeln!(
        out,
        "| Code |{name_head}{numeric_head}{http_head} Title |{retry_head}\n| --- |{name_rule}{numeric_rule}{http_rule} --- |{retry_rule}"
    );
    for &i in &category.codes {
        let c = &model.codes[i];
        let numeric = if numbered {
            format!(" {} |", c.numeric.map_or("—".into(), |n| n.to_string()))
        } else {
            String::new()
        };
        let name = if named {
            format!(
                " {} |",
                c.condition.as_deref().map_or("—".into(), md_cell_code)
            )
        } else {
            String::new()
        };
        let title = if c.deprecated.is_some() {
            format!("{} (deprecated)", md_table_cell(&c.title))
        } else {
            md_table_cell(&c.title)
        };
        let _ = writeln!(
            out,
            "| [`{}`](#{}) |{name}{numeric}{} {title} |{}",
            c.wire_name,
            c.anchor(),
            if model.meta.http {
                format!(" {} |", c.status)
            } else {
                String::new()
            },
            if retry {
                format!(" {} |", retry_short(model.retry_of(c)))
            } else {
                String::new()
            }
        );
    }
    out.push('\n');
    for &i in &category.codes {
        out.push_str(&sections[i]);
    }
    out
}

/// The anchor GitHub and mdBook derive from a heading.
pub fn heading_slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The docs section of one code, starting with its `## name` heading. Links
/// are relative to the docs folder. This is also what `explain` prints.
pub fn code_section(model: &Model, code: &Code) -> String {
    let mut out = String::new();
    // The heading shows the wire name; its anchor is `Code::anchor`.
    let _ = writeln!(out, "## {}\n", code.wire_name);
    if let Some(condition) = &code.condition {
        let others: Vec<String> = model
            .named(condition)
            .into_iter()
            .filter(|c| c.shared_name && c.wire_name != code.wire_name)
            .map(|c| code_link(model, c))
            .collect();
        match others.is_empty() {
            true => {
                let _ = writeln!(out, "Condition name: `{condition}`\n");
            }
            false => {
                let _ = writeln!(
                    out,
                    "Condition name: `{condition}`, which {} also has\n",
                    others.join(" and ")
                );
            }
        }
    }
    let numeric = code
        .numeric
        .map(|n| format!(" · numeric {n}"))
        .unwrap_or_default();
    let kind = if code.kind == Kind::Error {
        String::new()
    } else {
        format!(" · {}, not an error", code.kind)
    };
    let _ = writeln!(
        out,
        "**{}**{numeric}{}{kind}\n",
        md_table_cell(&code.title),
        if model.meta.http {
            format!(" · {}", http_status_in_words(code.status))
        } else {
            String::new()
        }
    );
    if let Some(note) = &code.deprecated {
        let _ = write!(
            out,
            "> **Deprecated.** {}",
            md_block(note).replace('\n', " ")
        );
        if let Some(r) = model.replacement_to_mention(code) {
            let _ = write!(out, " Use {} instead.", code_link(model, r));
        }
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "Message: {}\n", md_inline_code(&code.message));
    if !code.params.is_empty() {
        let _ = writeln!(out, "| Param | Type | Example |\n| --- | --- | --- |");
        for p in &code.params {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                p.name,
                p.ty,
                md_cell_code(&p.example.to_text())
            );
        }
        out.push('\n');
    }
    if let Some(d) = &code.description {
        let _ = writeln!(out, "{}\n", md_block(d));
    }
    if let Some(s) = &code.solution {
        let _ = writeln!(out, "**Solution:** {}\n", md_block(s));
    }
    // The facts as a list: a table would need a header row of its own,
    // which renders as an empty bar on the site.
    let policy = model.retry_of(code);
    if shows_retry(model) {
        let _ = writeln!(
            out,
            "- **Retry:** `{}`: {}",
            policy.name,
            code_retry_in_words(policy, code)
        );
    }
    let meaning = model
        .exit_codes
        .iter()
        .find(|(c, _)| *c == code.exit_code)
        .map(|(_, m)| format!(" ({})", md_table_cell(m)));
    if model.meta.cli {
        let _ = writeln!(
            out,
            "- **CLI exit code:** {}{}",
            code.exit_code,
            meaning.unwrap_or_default()
        );
    }
    if model.meta.grpc {
        let _ = writeln!(out, "- **gRPC code:** `{}`", code.grpc.as_str());
    }
    fact_rows(&mut out, code, Group::Delivery);
    if code.fault != model.category_of(code).fault && code.kind.is_error() {
        let _ = writeln!(out, "- **Fault:** {}", code.fault);
    }
    fact_rows(&mut out, code, Group::Client);
    let category = model.category_of(code);
    if !category.implicit {
        let _ = writeln!(
            out,
            "- **Category:** [{}]({})",
            md_table_cell(&category.title),
            category_page_name(category)
        );
    }
    if !code.aliases.is_empty() {
        let aliases: Vec<String> = code.aliases.iter().map(|a| md_cell_code(a)).collect();
        let _ = writeln!(out, "- **Aliases:** {}", aliases.join(", "));
    }
    fact_rows(&mut out, code, Group::History);
    let replaced: Vec<&Code> = code.replaces.iter().map(|&i| &model.codes[i]).collect();
    if !replaced.is_empty() {
        let links: Vec<String> = replaced.iter().map(|c| code_link(model, c)).collect();
        let _ = writeln!(out, "- **Replaces:** {}", links.join(", "));
    }
    // A success or a pending state is not an error response.
    if model.meta.http && code.kind.is_error() {
        let _ = writeln!(
            out,
            "\nExample response body:\n\n```json\n{}\n```\n",
            example_envelope(model, code)
        );
    } else {
        out.push('\n');
    }
    out
}

/// The docs list items of a code's declared facts in `group`: text as text or
/// code, counts only when not 0, with their note.
fn fact_rows(out: &mut String, code: &Code, group: Group) {
    for (i, field) in Field::in_group(group) {
        let cell = match (code.facts.value(i), field.ty) {
            (FieldValue::Text(None), _) | (FieldValue::Count(0), _) => continue,
            (FieldValue::Text(Some(t)), FieldType::Code) => md_cell_code(t),
            (FieldValue::Text(Some(t)), _) => md_table_cell(t),
            (FieldValue::Count(n), _) if field.note.is_empty() => n.to_string(),
            (FieldValue::Count(n), _) => {
                let times = match n {
                    1 => "once",
                    2 => "twice",
                    _ => "several times",
                };
                format!("{n} ({})", field.note.replace("{times}", times))
            }
        };
        let _ = writeln!(out, "- **{}:** {cell}", field.label);
    }
}

// -- numeric index and SUMMARY ------------------------------------------------------

fn numeric_page(model: &Model, command: &str) -> String {
    let mut out = header(command);
    let _ = writeln!(out, "# Numeric status codes\n");
    let _ = writeln!(
        out,
        "Every code with a numeric code, in numeric order. Back to the [index](README.md).\n"
    );
    let _ = writeln!(
        out,
        "| Code | Description | Name |{} Kind |\n| --- | --- | --- |{} --- |",
        if model.meta.http { " HTTP |" } else { "" },
        if model.meta.http { " --- |" } else { "" },
    );
    for c in model.codes_by_numeric() {
        let http = if model.meta.http {
            format!(" {} |", c.status)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |{http} {} |",
            c.numeric.unwrap_or_default(),
            md_table_cell(&c.title),
            code_link(model, c),
            c.kind
        );
    }
    let unnumbered: Vec<String> = model
        .codes
        .iter()
        .filter(|c| c.numeric.is_none())
        .map(|c| code_link(model, c))
        .collect();
    if !unnumbered.is_empty() {
        let _ = writeln!(
            out,
            "\nCodes without a numeric code: {}.",
            unnumbered.join(", ")
        );
    }
    out
}

fn summary_page(model: &Model, command: &str) -> String {
    let mut out = header(command);
    let _ = writeln!(
        out,
        "# Summary\n\n[{} error reference](README.md)\n",
        md_table_cell(&model.meta.name)
    );
    for c in &model.categories {
        let _ = writeln!(
            out,
            "- [{}]({})",
            md_table_cell(&c.title),
            category_page_name(c)
        );
    }
    if has_numerics(model) {
        let _ = writeln!(out, "- [Numeric index]({NUMERIC_PAGE})");
    }
    if has_changelog(model) {
        let _ = writeln!(out, "- [Changelog]({CHANGELOG_PAGE})");
    }
    out
}

// -- examples and words --------------------------------------------------------------

/// The example error body of a code: its message rendered with the example
/// params, the example request id, and a Retry-After where its policy
/// honours one.
pub fn example_body(model: &Model, code: &Code) -> ErrorBody {
    let details: Map<String, Value> = code
        .params
        .iter()
        .map(|p| (p.name.clone(), example_json(&p.example)))
        .collect();
    let retry_after = matches!(
        model.retry_of(code).strategy,
        RetryStrategy::AfterHeader { .. }
    )
    .then(|| std::time::Duration::from_secs(EXAMPLE_RETRY_AFTER_SECS));
    ErrorBody {
        code: code.wire_name.clone(),
        message: Model::example_message(code),
        status: code.status,
        error_type: Some(model.category_of(code).error_type.clone()),
        title: Some(code.title.clone()),
        param: None,
        request_id: Some(EXAMPLE_REQUEST_ID.into()),
        retry_after,
        docs_url: Some(code.docs_url.clone()),
        details,
        grpc: Some(code.grpc),
        domain: model.meta.domain.clone(),
    }
}

/// The example envelope of a code as pretty JSON, in the catalog's format.
pub fn example_envelope(model: &Model, code: &Code) -> String {
    example_body(model, code).to_json_string_pretty(model.envelope.with_style(code.envelope))
}

fn example_json(example: &Example) -> Value {
    match example {
        Example::Text(s) => Value::from(s.clone()),
        Example::Integer(i) => Value::from(*i),
        Example::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Example::Bool(b) => Value::from(*b),
    }
}

/// A code's retry advice: a `never` policy says why in its own
/// `description` when it has one (`OK` is not retried because it
/// succeeded, `INTERNAL` because retrying will not help); without one, only
/// a client's mistake is something to fix first.
fn code_retry_in_words(policy: &RetryPolicy, code: &Code) -> String {
    match (&policy.strategy, &policy.description) {
        (RetryStrategy::Never, Some(why)) => {
            md_block(&why.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        (RetryStrategy::Never, None) if code.fault == Fault::Client && code.kind.is_error() => {
            "never retried; fix the request or its context first.".into()
        }
        _ => retry_in_words(policy),
    }
}

/// A retry policy in one sentence. Built only from validated names and
/// numbers, so it is safe in a table cell as it is.
pub fn retry_in_words(policy: &RetryPolicy) -> String {
    let words: String = match &policy.strategy {
        RetryStrategy::Never => "never retried.".into(),
        RetryStrategy::Backoff(b) => format!(
            "retried with exponential backoff ({}), {}, at most {} attempts in all.",
            delays(b),
            jitter_in_words(b.jitter),
            b.max_attempts
        ),
        RetryStrategy::AfterHeader { max_wait, fallback } => format!(
            "wait as long as `Retry-After` says (at most {}); without it, back off ({}), {}; at most {} attempts in all.",
            duration(*max_wait),
            delays(fallback),
            jitter_in_words(fallback.jitter),
            fallback.max_attempts
        ),
        RetryStrategy::Operation(Some(b)) => format!(
            "not this call: retry the whole operation it belongs to (a transaction, a read-modify-write) from its start, backing off ({}), {}, at most {} attempts in all.",
            delays(b),
            jitter_in_words(b.jitter),
            b.max_attempts
        ),
        RetryStrategy::Operation(None) => {
            "not this call: retry the whole operation it belongs to (a transaction, a read-modify-write) from its start.".into()
        }
    };
    if policy.idempotent_only && policy.strategy.is_retryable() {
        format!(
            "{} Only idempotent requests are retried (a GET, a PUT, a POST with an idempotency key); clients give up on others.",
            words
        )
    } else {
        words
    }
}

/// `full jitter`, `equal jitter` or `no jitter`.
fn jitter_in_words(jitter: crate::model::Jitter) -> String {
    match jitter {
        crate::model::Jitter::None => "no jitter".into(),
        other => format!("{} jitter", other.as_str()),
    }
}

fn retry_short(policy: &RetryPolicy) -> String {
    match &policy.strategy {
        RetryStrategy::Never => "never".into(),
        RetryStrategy::Backoff(b) => format!("backoff, {} attempts", b.max_attempts),
        RetryStrategy::AfterHeader { .. } => "after `Retry-After`".into(),
        RetryStrategy::Operation(Some(b)) => format!("the operation, {} attempts", b.max_attempts),
        RetryStrategy::Operation(None) => "the operation".into(),
    }
}

/// The delays before each retry, e.g. `1 s, 2 s, 4 s, 8 s`, as the runtime
/// computes them ([`Backoff::base_delay`]), before jitter.
pub fn delays(b: &Backoff) -> String {
    let retries = b.max_attempts.saturating_sub(1).min(8);
    if retries == 0 {
        return "no retries".into();
    }
    let mut out: Vec<String> = (1..=retries).map(|n| duration(b.base_delay(n))).collect();
    if b.max_attempts.saturating_sub(1) > retries {
        out.push("…".into());
    }
    out.join(", ")
}

/// A duration for people, rounded to the millisecond; see [`ms`].
pub fn duration(d: std::time::Duration) -> String {
    ms((d.as_secs_f64() * 1000.0).round() as u64)
}

/// Milliseconds for people: `500 ms`, `2 s`, `1.5 s`, `2 min`.
pub fn ms(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms % 60_000 == 0 {
        format!("{} min", ms / 60_000)
    } else if ms % 1000 == 0 {
        format!("{} s", ms / 1000)
    } else {
        format!("{} s", ms as f64 / 1000.0)
    }
}

/// `HTTP 429 Too Many Requests`, or `HTTP 599` for a status without a
/// known reason phrase.
pub fn http_status_in_words(status: u16) -> String {
    match reason_phrase(status) {
        "" => format!("HTTP {status}"),
        phrase => format!("HTTP {status} {phrase}"),
    }
}

/// The standard reason phrase of an HTTP status, or `""`.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        // Not in RFC 9110, but widely used (nginx; gRPC's CANCELLED maps to it).
        499 => "Client Closed Request",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Jitter;

    #[test]
    fn statuses_read_without_a_dangling_space() {
        assert_eq!(http_status_in_words(429), "HTTP 429 Too Many Requests");
        assert_eq!(http_status_in_words(499), "HTTP 499 Client Closed Request");
        assert_eq!(http_status_in_words(599), "HTTP 599");
    }

    #[test]
    fn delays_read_like_the_seeds() {
        let b = Backoff {
            initial: std::time::Duration::from_secs(1),
            factor: 2.0,
            max_delay: std::time::Duration::from_secs(8),
            jitter: Jitter::Full,
            max_attempts: 5,
        };
        assert_eq!(delays(&b), "1 s, 2 s, 4 s, 8 s");
        let capped = Backoff {
            max_attempts: 7,
            ..b
        };
        assert_eq!(delays(&capped), "1 s, 2 s, 4 s, 8 s, 8 s, 8 s");
        assert_eq!(ms(1500), "1.5 s");
        assert_eq!(ms(120_000), "2 min");
    }

    #[test]
    fn retry_prose_names_jitter_in_words() {
        let b = Backoff {
            initial: std::time::Duration::from_secs(1),
            factor: 2.0,
            max_delay: std::time::Duration::from_secs(8),
            jitter: Jitter::None,
            max_attempts: 3,
        };
        let mut policy = RetryPolicy {
            name: "plain".into(),
            description: None,
            strategy: RetryStrategy::Backoff(b),
            idempotent_only: false,
        };
        let words = retry_in_words(&policy);
        assert!(words.contains("(1 s, 2 s), no jitter,"), "{words}");
        assert!(!words.contains("none jitter"), "{words}");
        policy.idempotent_only = true;
        assert!(retry_in_words(&policy).contains("Only idempotent requests are retried"));
        policy.strategy = RetryStrategy::Operation(Some(b));
        let words = retry_in_words(&policy);
        assert!(
            words.starts_with("not this call: retry the whole operation"),
            "{words}"
        );
        assert!(!words.contains("idempotent"), "{words}");
    }

    /// Without HTTP, a catalog need not say who is at fault, and then its
    /// docs say nothing of faults; an `operation` policy still shows, and
    /// needs no delays (PostgreSQL gives none for a serialization failure).
    #[test]
    fn a_catalog_without_http_or_faults_says_neither() {
        let settings = "[catalog]\nname = \"db\"\nhttp = false\n\
            [retry.transaction]\nstrategy = \"operation\"\n\
            [categories.conflicts]\ntitle = \"Conflicts\"\nretry = \"transaction\"\n";
        let codes = "[serialization_failure]\ntitle = \"Serialization failure\"\nmessage = \"Could not serialize.\"\n";
        let sources = crate::Sources::from_memory(
            "c",
            [("catalog.toml", settings), ("conflicts.toml", codes)],
        );
        let model = crate::compile(&sources)
            .unwrap_or_else(|r| panic!("{}", r.render()))
            .model;
        assert!(!model.meta.faults);
        let files = crate::generated_files(&model, "x");
        let index = &files[std::path::Path::new("docs/README.md")];
        let page = &files[std::path::Path::new("docs/conflicts.md")];
        for text in [index, page] {
            assert!(
                !text.contains("Fault") && !text.contains("fault:"),
                "{text}"
            );
        }
        assert!(
            page.contains("retry the whole operation it belongs to (a transaction, a read-modify-write) from its start."),
            "{page}"
        );
        assert_eq!(
            model.retry_policies[1]
                .strategy
                .to_runtime()
                .operation_backoff(),
            None
        );
        assert!(
            crate::emit::client_data::data(&model)["policies"]["transaction"]
                .get("initialMs")
                .is_none()
        );
    }
}
