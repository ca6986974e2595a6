//! A category's page: its codes' table, then a section per code.

use std::fmt::Write as _;

use super::common::{has_numerics, header, heading_slug, shows_retry, writes_type};
use crate::emit::escape::{md_block, md_cell_code, md_inline_code, md_table_cell};
use crate::emit::words::retry_short;
use crate::model::{Category, Model};

pub(crate) fn category_page(
    model: &Model,
    category: &Category,
    command: &str,
    sections: &[String],
) -> String {
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
