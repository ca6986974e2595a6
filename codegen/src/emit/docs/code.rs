//! One code's section of its category page: heading, facts, message,
//! params, example body, retry advice, lifecycle. `errcat explain` prints it
//! too.

use std::fmt::Write as _;

use super::common::{category_page_name, code_link, shows_retry};
use crate::emit::escape::{md_block, md_cell_code, md_inline_code, md_table_cell};
use crate::emit::examples::example_envelope;
use crate::emit::words::{http_status_in_words, retry_in_words};
use crate::fields::{Field, FieldType, Group, Value as FieldValue};
use crate::model::{Code, Fault, Kind, Model, RetryPolicy, RetryStrategy};

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
pub(crate) fn fact_rows(out: &mut String, code: &Code, group: Group) {
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

/// A code's retry advice: a `never` policy says why in its own
/// `description` when it has one (`OK` is not retried because it
/// succeeded, `INTERNAL` because retrying will not help); without one, only
/// a client's mistake is something to fix first.
pub(crate) fn code_retry_in_words(policy: &RetryPolicy, code: &Code) -> String {
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
