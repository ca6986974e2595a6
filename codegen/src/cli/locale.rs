//! `errcat locale stamp TAG [CODE...]`: records, in each translation's
//! `source`, the default-locale texts it translates as they are now, so
//! that the stale-translation check (W0064) can tell when they change. Run
//! it once a translation is checked against the current text.

use serde_json::json;
use toml_edit::{Item, Table, value};

use crate::Model;
use crate::cli::edit::Edit;
use crate::cli::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};
use crate::cli::project::Project;
use crate::l10n::canonical_tag;
use crate::model::Text;
use crate::source::{LOCALES_DIR, Sources};

/// Stamps the translations of `tag` (all of them, or those of `codes`).
pub fn stamp(
    model: &Model,
    project: &Project,
    tag: &str,
    codes: &[String],
) -> Result<Output, Failure> {
    let wanted = canonical_tag(tag)
        .map_err(|why| Failure::new(EXIT_FAILURE, "unknown_locale", format!("`{tag}`: {why}")))?;
    let display = project.catalog.display().to_string();
    let sources = Sources::read_dir(&project.catalog, &display).map_err(|e| {
        Failure::new(
            EXIT_FAILURE,
            "io_error",
            format!("cannot read the catalog: {}", e.error),
        )
    })?;
    let files: Vec<String> = sources
        .files()
        .iter()
        .filter(|f| {
            f.locale()
                .and_then(|t| canonical_tag(t).ok())
                .is_some_and(|t| t == wanted)
        })
        .map(|f| f.name.clone())
        .collect();
    if files.is_empty() {
        let known: Vec<&str> = model.locales[1..].iter().map(|l| l.tag.as_str()).collect();
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "unknown_locale",
            format!("the catalog has no translations into `{wanted}`"),
        )
        .hint(if known.is_empty() {
            format!("translations go in `{LOCALES_DIR}/{wanted}.toml`, one table per code")
        } else {
            format!("its locales are {}", known.join(", "))
        }));
    }
    for code in codes {
        if !model.codes.iter().any(|c| c.name == *code) {
            return Err(Failure::new(
                EXIT_NOT_FOUND,
                "unknown_code",
                format!("no code `{code}` in the catalog"),
            ));
        }
    }
    let mut edit = Edit::new(project);
    let mut stamped = Vec::new();
    for name in &files {
        let doc = edit.file(name)?;
        for (key, item) in doc.as_table_mut().iter_mut() {
            let key = key.get().to_string();
            if !codes.is_empty() && !codes.contains(&key) {
                continue;
            }
            let (Some(index), Some(entry)) = (
                model.codes.iter().position(|c| c.name == key),
                item.as_table_like_mut(),
            ) else {
                continue;
            };
            let mut source = Table::new();
            source.set_dotted(true);
            for text in Text::ALL {
                if entry.contains_key(text.key())
                    && let Some(now) = model.text_in(index, 0, text)
                {
                    source.insert(text.key(), value(now));
                }
            }
            if source.is_empty() {
                continue;
            }
            entry.remove("source");
            entry.insert("source", Item::Table(source));
            stamped.push(key);
        }
    }
    edit.commit()?;
    let count = crate::cli::count(stamped.len(), "translation");
    Ok(Output {
        text: format!(
            "stamped {count} into `{wanted}`: each records the text it translates as it is now\n"
        ),
        json: json!({ "locale": wanted, "stamped": stamped }),
        exit: 0,
    })
}
