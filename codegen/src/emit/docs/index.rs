//! The docs index (`README.md`): what the catalog is, its envelope,
//! categories, telemetry labels, statuses, retry policies, exit codes and
//! how its codes map to other tools.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::changelog::{CHANGELOG_PAGE, retired_section};
use super::common::{
    NUMERIC_PAGE, category_page_name, code_link, has_changelog, has_numerics, header, shows_retry,
    writes_type,
};
use crate::emit::escape::{md_block, md_cell_code, md_inline_code, md_table_cell};
use crate::emit::examples::example_envelope;
use crate::emit::words::{delays, duration, reason_phrase, retry_in_words, retry_short};
use crate::model::{Category, Code, Model, RetryStrategy};

pub(crate) fn index_page(model: &Model, command: &str) -> String {
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
    out.push_str(&super::locales::coverage_table(model));
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

pub(crate) fn envelope_section(out: &mut String, model: &Model) {
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

pub(crate) fn categories_section(out: &mut String, model: &Model) {
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
pub(crate) const LISTED_LABEL_VALUES: usize = 100;

/// The telemetry labels errcat's runtimes give an error, with every value
/// this catalog allows, as OpenTelemetry's conventions ask of `error.type`.
pub(crate) fn telemetry_section(out: &mut String, model: &Model) {
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

pub(crate) fn status_section(out: &mut String, model: &Model) {
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

pub(crate) fn retry_section(out: &mut String, model: &Model) {
    let _ = writeln!(out, "## Retry guidance\n");
    if model.meta.http {
        retry_by_status(out, model);
    }
    retry_policies_table(out, model);
}

/// Which responses, by HTTP status class, are retried and how.
pub(crate) fn retry_by_status(out: &mut String, model: &Model) {
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
pub(crate) fn retry_policies_table(out: &mut String, model: &Model) {
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

pub(crate) fn exit_code_section(out: &mut String, model: &Model) {
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

pub(crate) fn cross_tool_section(out: &mut String, model: &Model) {
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
