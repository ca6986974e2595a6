//! `errcat explain`: print the documentation of one code, as `rustc --explain` does.

use errcat_codegen::{Model, emit};
use serde_json::json;

use crate::output::{EXIT_NOT_FOUND, Failure, Output};

pub fn run(model: &Model, code: &str) -> Result<Output, Failure> {
    let found = model
        .codes
        .iter()
        .find(|c| c.name == code || c.wire_name == code || c.aliases.iter().any(|a| a == code))
        .or_else(|| {
            code.parse::<u32>()
                .ok()
                .and_then(|n| model.codes.iter().find(|c| c.numeric == Some(n)))
        });
    if found.is_none()
        && let Some(retired) = model.retired.iter().find(|r| {
            r.record.identities(&r.name).any(|id| id == code)
                || (r.record.numeric.is_some() && code.parse::<u32>().ok() == r.record.numeric)
        })
    {
        let text = emit::history_pages::retired_explanation(retired);
        return Ok(Output {
            exit: 0,
            json: json!({ "code": retired.name, "retired": true, "explanation": text }),
            text,
        });
    }
    match found {
        Some(c) => {
            let section = emit::markdown::code_section(model, c);
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
            let hint = errcat_codegen::diagnostics::did_you_mean(code, names)
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
