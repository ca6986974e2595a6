//! `errcat retire <code> --reason ...`: removes a code from its category
//! file and writes its `[retired.<code>]` tombstone into catalog.toml.

use crate::Model;
use crate::source::CATALOG_TOML;
use serde_json::json;
use toml_edit::{Array, Item, Table, value};

use crate::cli::edit::Edit;
use crate::cli::output::{EXIT_FAILURE, EXIT_NOT_FOUND, Failure, Output};
use crate::cli::project::Project;

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
    // By its identity, or by its snake_case name in an identity catalog.
    let Some(found) = model
        .codes
        .iter()
        .find(|c| c.name == code)
        .or_else(|| model.codes.iter().find(|c| c.symbol() == code))
    else {
        let hint =
            crate::diagnostics::did_you_mean(code, model.codes.iter().map(|c| c.name.as_str()))
                .map(|s| format!("did you mean `{s}`?"))
                .unwrap_or_else(|| "name a code of the catalog by its name".into());
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "unknown_code",
            format!("no code `{code}` in the catalog"),
        )
        .hint(hint));
    };
    let code = found.name.as_str();
    let category = model
        .meta
        .categorized
        .then(|| model.category_of(found).id.as_str());
    let file = file_of(model, project, found);
    // Unless given, the version is the one being built, or left for the
    // next `release` to fill when the catalog still says the last release.
    let version = version
        .map(str::to_string)
        .or_else(|| model.building_version());
    refuse_early(model, project, found, version.as_deref())?;

    let mut edit = Edit::new(project);
    if edit.file(&file)?.as_table_mut().remove(code).is_none() {
        return Err(Failure::new(
            EXIT_FAILURE,
            "not_editable",
            format!("`{code}` is not a table of its own in `{file}`"),
        ));
    }
    // Its translations go with it: no response says it any more.
    let display = project.catalog.display().to_string();
    let translations: Vec<String> = crate::Sources::read_dir(&project.catalog, &display)
        .map(|sources| {
            sources
                .files()
                .iter()
                .filter(|f| f.locale().is_some())
                .map(|f| f.name.clone())
                .collect()
        })
        .unwrap_or_default();
    for name in &translations {
        edit.file(name)?.as_table_mut().remove(code);
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
    if let Some(category) = category {
        tombstone.insert("category", value(category));
    }
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
             next: `{}` updates the docs; `{}` records it when you publish\n",
            project.hint("generate"),
            project.hint("release"),
        ),
        json: json!({ "retired": code, "category": category, "version": version }),
        exit: 0,
    })
}

/// A retirement the history rules would refuse, said before editing: in
/// terms of the code as it is on disk, with the version to use.
fn refuse_early(
    model: &Model,
    project: &Project,
    code: &crate::model::Code,
    version: Option<&str>,
) -> Result<(), Failure> {
    use crate::history::version::{Bump, Version};
    let name = &code.name;
    let refused = |message: String, hint: String| {
        Failure::new(EXIT_FAILURE, "not_deprecated", message).hint(hint)
    };
    if code.deprecated.is_none() {
        return Err(refused(
            format!("`{name}` is not deprecated"),
            format!(
                "deprecate it first: add `deprecated = \"why\"` to `[{name}]` in {}, release that (`{}`), then retire it in a later version",
                project
                    .catalog
                    .join(file_of(model, project, code))
                    .display(),
                project.hint("release")
            ),
        ));
    }
    if !code.history.released {
        // Never released: nothing to guard, the tombstone only keeps the
        // name and numeric from reuse.
        return Ok(());
    }
    if !code.history.released_deprecated {
        return Err(refused(
            format!("`{name}` is deprecated, but no release has published it deprecated yet"),
            format!(
                "clients need one release in which it still works and says it is going away: `{}` first, then retire it",
                project.hint("release")
            ),
        ));
    }
    let Some(released_in) = code.history.deprecated_in.as_deref() else {
        return Ok(());
    };
    if version == Some(released_in) {
        let later = Version::parse(released_in)
            .map(|v| v.next(Bump::Minor).to_string())
            .unwrap_or_else(|| "a later version".into());
        return Err(refused(
            format!(
                "`{name}` was deprecated in {released_in}; it cannot be retired in the same version"
            ),
            format!(
                "retire it in a later version: `--version {later}`, or set `version = \"{later}\"` under [catalog]"
            ),
        ));
    }
    Ok(())
}

/// The file a code is written in: its category's, or in a catalog without
/// categories, the file of codes whose table it is.
fn file_of(model: &Model, project: &Project, code: &crate::model::Code) -> String {
    if model.meta.categorized {
        return format!("{}.toml", model.category_of(code).id);
    }
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&project.catalog)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .filter(|path| path.file_name().is_some_and(|n| n != "catalog.toml"))
        .collect();
    files.sort();
    files
        .iter()
        .find(|path| {
            std::fs::read_to_string(path)
                .ok()
                .and_then(|text| text.parse::<toml_edit::DocumentMut>().ok())
                .is_some_and(|doc| doc.contains_key(&code.name))
        })
        .and_then(|path| path.file_name())
        .map_or_else(
            || format!("{}.toml", code.name),
            |n| n.to_string_lossy().into_owned(),
        )
}
