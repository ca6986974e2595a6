//! `errcat explain`: print the documentation of one code of the catalog,
//! or of one of errcat's own diagnostics, as `rustc --explain` does.

use serde_json::json;

use crate::cli::ProjectArgs;
use crate::cli::output::{EXIT_NOT_FOUND, Failure, Output};
use crate::cli::project::Project;
use crate::{DiagCode, Model, Sources, compile, emit};

/// errcat's explanation of a diagnostic code, when `code` is one and the
/// catalog (if any loads) has no code of that name, or when `forced`.
/// `None` hands the name to the catalog.
pub fn diagnostic(at: &ProjectArgs, code: &str, forced: bool) -> Result<Option<Output>, Failure> {
    let Some(diag) = DiagCode::parse(code) else {
        if forced {
            return Err(Failure::new(
                EXIT_NOT_FOUND,
                "unknown_diagnostic",
                format!("errcat has no diagnostic `{code}`"),
            )
            .hint("codes look like E0049, W0026 or N0040; docs/diagnostics.md lists them all"));
        }
        return Ok(None);
    };
    if !forced && catalog_has(at, code) {
        return Ok(None);
    }
    let text = format!("# {diag}\n\n{}", crate::rule_examples::explanation(diag));
    Ok(Some(Output {
        exit: 0,
        json: json!({ "diagnostic": diag.as_str(), "name": diag.name(), "explanation": text }),
        text,
    }))
}

/// What `explain <TAB>` offers: the catalog's code names and wire names
/// (with their titles) when the current folder is in a project whose
/// catalog compiles, and errcat's diagnostic codes.
pub fn candidates() -> Vec<clap_complete::engine::CompletionCandidate> {
    use clap_complete::engine::CompletionCandidate;
    let mut out = Vec::new();
    if let Ok(project) = Project::locate(None, None) {
        let display = project.catalog.display().to_string();
        if let Ok(compiled) = Sources::read_dir(&project.catalog, &display).map(|s| compile(&s)) {
            for code in compiled.iter().flat_map(|c| &c.model.codes) {
                let help = clap::builder::StyledStr::from(code.title.clone());
                out.push(CompletionCandidate::new(&code.wire_name).help(Some(help)));
            }
        }
    }
    out.extend(
        DiagCode::ALL
            .iter()
            .map(|d| CompletionCandidate::new(d.as_str()).help(Some(d.summary().into()))),
    );
    out
}

/// Whether the project's catalog, if one is found and compiles, has a code
/// called `name` (a catalog of compiler-like identities may).
fn catalog_has(at: &ProjectArgs, name: &str) -> bool {
    let Ok(project) = Project::locate(at.catalog.as_deref(), at.generated.as_deref()) else {
        return false;
    };
    let display = project.catalog.display().to_string();
    let Ok(sources) = Sources::read_dir(&project.catalog, &display) else {
        return false;
    };
    compile(&sources).is_ok_and(|c| !c.model.named(name).is_empty())
}

pub fn run(model: &Model, code: &str, locale: Option<&str>) -> Result<Output, Failure> {
    let Some(tag) = locale else {
        return explain(model, code);
    };
    let tags: Vec<&str> = model.locales.iter().map(|l| l.tag.as_str()).collect();
    let Some(at) = errcat_runtime::locale::find_in(&tags, tag) else {
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            "unknown_locale",
            format!("the catalog has no locale `{tag}` or a parent of it"),
        )
        .hint(format!("its locales are {}", tags.join(", "))));
    };
    let mut output = explain(model, code)?;
    let index = model
        .lookup(code)
        .and_then(|c| model.codes.iter().position(|o| std::ptr::eq(o, c)));
    if let Some(index) = index {
        let block = emit::docs::locales::localized_block(model, index, at);
        output.text = format!("{block}{}", output.text);
        output.json["locale"] = json!(tags[at]);
        output.json["localized"] = json!(block);
    }
    Ok(output)
}

fn explain(model: &Model, code: &str) -> Result<Output, Failure> {
    let found = model.lookup(code);
    // A condition name several codes share explains each of them.
    let named = model.named(code);
    if found.is_none() && named.len() > 1 {
        let identities: Vec<String> = named.iter().map(|c| format!("`{}`", c.wire_name)).collect();
        let mut text = format!(
            "> `{code}` names {} codes: {}.\n",
            named.len(),
            identities.join(" and ")
        );
        for c in &named {
            text.push('\n');
            text.push_str(&emit::docs::code_section(model, c));
        }
        let codes: Vec<&str> = named.iter().map(|c| c.wire_name.as_str()).collect();
        return Ok(Output {
            exit: 0,
            json: json!({ "code": code, "codes": codes, "explanation": text }),
            text,
        });
    }
    if found.is_none()
        && let Some(retired) = model.retired.iter().find(|r| {
            r.record.identities(&r.name).any(|id| id == code)
                || (r.record.numeric.is_some() && code.parse::<u32>().ok() == r.record.numeric)
        })
    {
        let text = emit::docs::changelog::retired_explanation(retired);
        return Ok(Output {
            exit: 0,
            json: json!({ "code": retired.name, "retired": true, "explanation": text }),
            text,
        });
    }
    // An identity the catalog does not list, but whose class it knows.
    if found.is_none()
        && let Some(generic) = model.resolve(code)
    {
        let mut text = format!(
            "> `{code}` is not a code of the catalog; as a code of its class it reads as `{}`.\n\n",
            generic.wire_name
        );
        text.push_str(&emit::docs::code_section(model, generic));
        return Ok(Output {
            exit: 0,
            json: json!({ "code": generic.name, "resolved_from": code, "explanation": text }),
            text,
        });
    }
    match found {
        Some(c) => {
            let mut section = emit::docs::code_section(model, c);
            if let Some(diag) = DiagCode::parse(code) {
                section.push_str(&format!(
                    "\n> errcat's own diagnostic {diag} is `errcat explain --diagnostic {diag}`.\n"
                ));
            }
            Ok(Output {
                exit: 0,
                json: json!({ "code": c.name, "explanation": section }),
                text: section,
            })
        }
        None => {
            let names = model.codes.iter().flat_map(|c| {
                [c.name.as_str(), c.wire_name.as_str()]
                    .into_iter()
                    .chain(c.aliases.iter().map(String::as_str))
            });
            let hint = crate::diagnostics::did_you_mean(code, names)
                .map(|s| format!("did you mean `{s}`?"))
                .unwrap_or_else(|| "see the docs index for every code".into());
            Err(Failure::new(
                EXIT_NOT_FOUND,
                "unknown_code",
                format!("no code `{code}` in the catalog"),
            )
            .hint(hint))
        }
    }
}
