//! `errcat retire <code> --reason ...`: removes a code from its category
//! file and writes its `[retired.<code>]` tombstone into catalog.toml.

use errcat_codegen::Model;
use errcat_codegen::source::CATALOG_TOML;
use serde_json::json;
use toml_edit::{Array, Item, Table, value};

use crate::edit::Edit;
use crate::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};
use crate::project::Project;

pub fn run(
    model: &Model,
    project: &Project,
    code: &str,
    reason: &str,
    version: Option<&str>,
) -> Result<Output, Failure> {
    if reason.trim().is_empty() {
        return Err(
            Failure::new(EXIT_FAILURE, "blank_reason", "the reason is blank")
                .hint("say why it is retired: it is shown in the docs and by `errcat explain`"),
        );
    }
    let Some(found) = model.codes.iter().find(|c| c.name == code) else {
        let hint = errcat_codegen::diagnostics::did_you_mean(
            code,
            model.codes.iter().map(|c| c.name.as_str()),
        )
        .map(|s| format!("did you mean `{s}`?"))
        .unwrap_or_else(|| "name a code of the catalog by its name".into());
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "unknown_code",
            format!("no code `{code}` in the catalog"),
        )
        .hint(hint));
    };
    let category = &model.category_of(found).id;
    let version = version
        .map(str::to_string)
        .or_else(|| model.meta.version.clone());

    let mut edit = Edit::new(project);
    let file = format!("{category}.toml");
    if edit.file(&file)?.as_table_mut().remove(code).is_none() {
        return Err(Failure::new(
            EXIT_FAILURE,
            "not_editable",
            format!("`{code}` is not a table of its own in `{file}`"),
        ));
    }
    let mut tombstone = Table::new();
    tombstone.insert("reason", value(reason));
    if let Some(version) = &version {
        tombstone.insert("version", value(version.as_str()));
    }
    if let Some(numeric) = found.numeric {
        tombstone.insert("numeric", value(i64::from(numeric)));
    }
    if !found.aliases.is_empty() {
        tombstone.insert("aliases", value(found.aliases.iter().collect::<Array>()));
    }
    tombstone.insert("category", value(category.as_str()));
    tombstone.insert("title", value(found.title.as_str()));
    let settings = edit.file(CATALOG_TOML)?;
    let retired = settings
        .entry("retired")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| {
            Failure::new(
                EXIT_FAILURE,
                "not_editable",
                "`retired` in catalog.toml is not a table",
            )
        })?;
    tombstone.decor_mut().set_prefix("\n");
    retired.insert(code, Item::Table(tombstone));
    edit.commit()?;
    Ok(Output {
        text: format!(
            "retired `{code}`: removed from {file}, tombstone [retired.{code}] in catalog.toml\n\
             next: `{}{}` updates the docs and the lock\n",
            errcat_codegen::GENERATE_COMMAND,
            project.flags
        ),
        json: json!({ "retired": code, "category": category, "version": version }),
        exit: 0,
    })
}
