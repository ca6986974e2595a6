//! `errcat new <category> <name>`: appends a code to its category's file,
//! with the next free numeric of the category and its defaults (in a
//! catalog without categories, to the named file of codes).

use crate::Model;
use serde_json::json;
use toml_edit::{Item, Table, value};

use crate::cli::edit::Edit;
use crate::cli::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};
use crate::cli::project::Project;

pub struct NewCode<'a> {
    pub category: &'a str,
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub message: Option<&'a str>,
    pub numeric: Option<u32>,
    pub status: Option<u16>,
}

pub fn run(model: &Model, project: &Project, new: &NewCode<'_>) -> Result<Output, Failure> {
    // Without categories, every file holds codes, and each code its status.
    let uncategorized = !model.meta.categorized;
    if uncategorized && (!crate::ident::is_snake_case(new.category) || new.category == "catalog") {
        return Err(Failure::new(
            EXIT_FAILURE,
            "bad_file_name",
            format!("`{}` cannot be a file of codes", new.category),
        )
        .hint("name a file of codes in snake_case, such as `request` for request.toml"));
    }
    if uncategorized && model.meta.http && new.status.is_none() {
        return Err(Failure::new(
            EXIT_FAILURE,
            "status_required",
            format!("`{}` needs an HTTP status", new.name),
        )
        .hint("the catalog has no categories to default it: pass --status"));
    }
    if !model.meta.http && new.status.is_some() {
        return Err(Failure::new(
            EXIT_FAILURE,
            "no_http",
            "the catalog says `http = false`: its codes have no HTTP status",
        ));
    }
    let found = match uncategorized {
        true => model.categories.first(),
        false => model.categories.iter().find(|c| c.id == new.category),
    };
    let Some(category) = found else {
        let hint = crate::diagnostics::did_you_mean(
            new.category,
            model.categories.iter().map(|c| c.id.as_str()),
        )
        .map(|s| format!("did you mean `{s}`?"))
        .unwrap_or_else(|| "add it under [categories] in catalog.toml first".into());
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "unknown_category",
            format!("no category `{}`", new.category),
        )
        .hint(hint));
    };
    // Numerics of live codes and of tombstones are taken: a retired number
    // is never given out again.
    let taken: Vec<u32> = model
        .codes
        .iter()
        .filter_map(|c| c.numeric)
        .chain(model.retired.iter().filter_map(|r| r.record.numeric))
        .collect();
    let in_category: Vec<u32> = category
        .codes
        .iter()
        .filter_map(|&i| model.codes[i].numeric)
        .chain(
            model
                .retired
                .iter()
                .filter(|r| r.record.category.as_deref() == Some(category.id.as_str()))
                .filter_map(|r| r.record.numeric),
        )
        .collect();
    // A catalog whose codes have no numerics (identities such as SQLSTATE's
    // often do not) gets a code without one.
    let numbered = model.codes.iter().any(|c| c.numeric.is_some())
        || model.categories.iter().any(|c| c.range.is_some());
    let numeric = match new.numeric {
        Some(n) => Some(n),
        None if !numbered => None,
        None => Some(
            next_numeric(category.range, &in_category, &taken).ok_or_else(|| {
                Failure::new(
                    EXIT_FAILURE,
                    "no_free_numeric",
                    format!("category `{}` has no free numeric code", category.id),
                )
                .hint(match category.range {
                    Some((lo, hi)) => {
                        format!("its range {lo}–{hi} is full: widen it, or pass --numeric")
                    }
                    None => "it has no range and no codes to count from: pass --numeric".into(),
                })
            })?,
        ),
    };
    let title = new
        .title
        .map(str::to_string)
        .unwrap_or_else(|| title_of(new.name));
    let message = new
        .message
        .map(str::to_string)
        .unwrap_or_else(|| format!("{title}."));

    let mut edit = Edit::new(project);
    let file = format!("{}.toml", new.category);
    let doc = edit.file(&file)?;
    if doc.contains_key(new.name) {
        return Err(Failure::new(
            EXIT_FAILURE,
            "duplicate_name",
            format!("`{}` is already in {file}", new.name),
        ));
    }
    let mut table = Table::new();
    if let Some(numeric) = numeric {
        table.insert("numeric", value(i64::from(numeric)));
    }
    if let Some(status) = new.status.filter(|_| model.meta.http) {
        table.insert("status", value(i64::from(status)));
    }
    table.insert("title", value(title.as_str()));
    table.insert("message", value(message.as_str()));
    if !doc.is_empty() {
        table.decor_mut().set_prefix("\n");
    }
    doc.insert(new.name, Item::Table(table));
    edit.commit()?;
    Ok(Output {
        text: format!(
            "added `{}`{} to {}\n\
             next: edit its title and message, then `{}`\n",
            new.name,
            numeric
                .map(|n| format!(" (numeric {n})"))
                .unwrap_or_default(),
            project.catalog.join(&file).display(),
            project.hint("generate"),
        ),
        json: json!({
            "code": new.name,
            "category": (!uncategorized).then_some(&category.id),
            "numeric": numeric,
            "file": file,
        }),
        exit: 0,
    })
}

/// `rate_limited` → `Rate limited`.
fn title_of(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The numeric after the highest one the category has used (tombstones
/// count), within its range; when that is past the range's end, the
/// lowest gap in it. Without a range, after the category's highest.
/// The numeric a new code of `category` gets: after the category's
/// highest, never a live or retired one. `None` when the catalog numbers
/// no codes, or the category has no room.
pub(crate) fn suggested_numeric(model: &Model, category: &crate::model::Category) -> Option<u32> {
    let taken: Vec<u32> = model
        .codes
        .iter()
        .filter_map(|c| c.numeric)
        .chain(model.retired.iter().filter_map(|r| r.record.numeric))
        .collect();
    let in_category: Vec<u32> = category
        .codes
        .iter()
        .filter_map(|&i| model.codes[i].numeric)
        .chain(
            model
                .retired
                .iter()
                .filter(|r| r.record.category.as_deref() == Some(category.id.as_str()))
                .filter_map(|r| r.record.numeric),
        )
        .collect();
    let numbered = model.codes.iter().any(|c| c.numeric.is_some())
        || model.categories.iter().any(|c| c.range.is_some());
    numbered
        .then(|| next_numeric(category.range, &in_category, &taken))
        .flatten()
}

fn next_numeric(range: Option<(u32, u32)>, in_category: &[u32], taken: &[u32]) -> Option<u32> {
    let free = |n: &u32| !taken.contains(n);
    match range {
        Some((lo, hi)) => {
            let used_in_range = in_category.iter().filter(|n| (lo..=hi).contains(*n));
            let start = used_in_range.max().map_or(Some(lo), |m| m.checked_add(1))?;
            (start..=hi).find(free).or_else(|| (lo..=hi).find(free))
        }
        None => {
            let start = in_category.iter().max()?.checked_add(1)?;
            (start..=u32::MAX - 1).find(free)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_numeric_follows_the_highest_and_skips_tombstones() {
        // 1000, 1001 live; 1002 retired: the next is 1003.
        assert_eq!(
            next_numeric(Some((1000, 1999)), &[1000, 1001, 1002], &[1000, 1001, 1002]),
            Some(1003)
        );
        // A gap is not refilled while the range has room after the highest.
        assert_eq!(
            next_numeric(Some((1000, 1999)), &[1000, 1005], &[1000, 1005]),
            Some(1006)
        );
        // An empty category starts at its range.
        assert_eq!(next_numeric(Some((1000, 1999)), &[], &[]), Some(1000));
        // Taken elsewhere (another category's stray code) is skipped too.
        assert_eq!(
            next_numeric(Some((1000, 1999)), &[1000], &[1000, 1001]),
            Some(1002)
        );
    }

    #[test]
    fn a_full_tail_falls_back_to_the_lowest_gap_and_a_full_range_to_none() {
        assert_eq!(next_numeric(Some((10, 13)), &[10, 13], &[10, 13]), Some(11));
        assert_eq!(
            next_numeric(Some((10, 13)), &[10, 11, 12, 13], &[10, 11, 12, 13]),
            None
        );
        // A retired number in the gap stays retired.
        assert_eq!(
            next_numeric(Some((10, 13)), &[10, 11, 13], &[10, 11, 13]),
            Some(12)
        );
        assert_eq!(
            next_numeric(Some((10, 13)), &[10, 12, 13], &[10, 11, 12, 13]),
            None
        );
    }

    #[test]
    fn without_a_range_it_counts_from_the_category() {
        assert_eq!(next_numeric(None, &[500, 502], &[500, 502, 503]), Some(504));
        assert_eq!(next_numeric(None, &[], &[]), None);
    }

    #[test]
    fn titles_come_from_names() {
        assert_eq!(title_of("rate_limited"), "Rate limited");
        assert_eq!(title_of("http_413"), "Http 413");
    }
}
