//! The confirm report of an import: every fact read (and where), every
//! fact guessed (and why), and every fact not found, per code; as Markdown
//! for people and as JSON for tools.

use serde_json::{Value, json};

use super::catalog::Completed;
use super::{DraftCode, Fact, How};

/// One fact of one code, for the report.
struct Line {
    key: &'static str,
    value: Value,
    how: How,
}

fn line<T: serde::Serialize>(key: &'static str, fact: &Option<Fact<T>>) -> Option<Line> {
    fact.as_ref().map(|f| Line {
        key,
        value: serde_json::to_value(&f.value).unwrap_or(Value::Null),
        how: f.how.clone(),
    })
}

fn lines(code: &DraftCode) -> Vec<Line> {
    let mut out: Vec<Line> = [
        line("numeric", &code.numeric),
        line("status", &code.status),
        line("kind", &code.kind),
        line("title", &code.title),
        line("message", &code.message),
        line("description", &code.description),
        line("solution", &code.solution),
        line("retry", &code.retry),
        line("exit_code", &code.exit_code),
        line("type", &code.error_type),
        line("group", &code.group),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (key, fact) in &code.declared {
        out.push(Line {
            key,
            value: fact.value.clone(),
            how: fact.how.clone(),
        });
    }
    for p in &code.params {
        out.push(Line {
            key: "param",
            value: json!({ "name": p.name, "type": p.ty }),
            how: p.how.clone(),
        });
    }
    out
}

/// The facts a source states for at least one code (a guessed retry does
/// not count), worked out once per report.
struct Stated(Vec<&'static str>);

type Has = fn(&DraftCode) -> bool;

const CHECKS: [(&str, Has); 6] = [
    ("numeric", |c| c.numeric.is_some()),
    ("description", |c| c.description.is_some()),
    ("solution", |c| c.solution.is_some()),
    ("exit_code", |c| c.exit_code.is_some()),
    ("sdk_exception", |c| c.declared("sdk_exception").is_some()),
    ("retry", |c| c.retry.is_some()),
];

impl Stated {
    fn of(codes: &[DraftCode]) -> Stated {
        let stated = |key: &str, has: Has, c: &DraftCode| match key {
            "retry" => c.retry.as_ref().is_some_and(|r| !r.is_guess()),
            _ => has(c),
        };
        Stated(
            CHECKS
                .iter()
                .filter(|(key, has)| codes.iter().any(|c| stated(key, *has, c)))
                .map(|(key, _)| *key)
                .collect(),
        )
    }
}

/// The facts a code lacks that the catalog needs, or that the source gives
/// for other codes.
fn missing(stated: &Stated, code: &DraftCode) -> Vec<&'static str> {
    CHECKS
        .iter()
        .filter(|(key, has)| !has(code) && stated.0.contains(key))
        .map(|(key, _)| *key)
        .collect()
}

/// The report as JSON.
pub fn json(c: &Completed, files: &[(String, String)]) -> Value {
    let stated = Stated::of(&c.draft.codes);
    let codes: Vec<Value> = c
        .draft
        .codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let facts: Vec<Value> = lines(code)
                .into_iter()
                .map(|l| {
                    let (how, at) = match l.how {
                        How::Read(at) => ("read", at),
                        How::Guessed(why) => ("guessed", why),
                    };
                    json!({ "key": l.key, "value": l.value, "how": how, if how == "read" { "at" } else { "why" }: at })
                })
                .collect();
            json!({
                "written": code.written,
                "at": code.at,
                "name": c.names[i],
                "category": c.categories[i],
                "facts": facts,
                "missing": missing(&stated, code),
            })
        })
        .collect();
    let (mut read, mut guessed, mut not_found) = (0, 0, 0);
    for code in &c.draft.codes {
        for l in lines(code) {
            match l.how {
                How::Read(_) => read += 1,
                How::Guessed(_) => guessed += 1,
            }
        }
        not_found += missing(&stated, code).len();
    }
    let catalog_facts: Vec<Value> = [
        c.draft
            .name
            .as_ref()
            .map(|f| ("name", json!(f.value), &f.how)),
        c.draft
            .description
            .as_ref()
            .map(|f| ("description", json!(f.value), &f.how)),
        c.draft
            .envelope
            .as_ref()
            .map(|f| ("envelope", json!(f.value), &f.how)),
        c.draft
            .request_id_header
            .as_ref()
            .map(|f| ("request_id_header", json!(f.value), &f.how)),
        c.draft
            .retry_after_header
            .as_ref()
            .map(|f| ("retry_after_header", json!(f.value), &f.how)),
    ]
    .into_iter()
    .flatten()
    .map(|(key, value, how)| json!({ "key": key, "value": value, "how": how }))
    .collect();
    json!({
        "reader": c.draft.reader,
        "source": c.draft.source,
        "catalog": c.name,
        "http": c.draft.http,
        "files": files.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        "catalog_facts": catalog_facts,
        "exit_codes": c.draft.exit_codes.iter().map(|(code, m)| json!({ "exit_code": code, "meaning": m.value, "how": m.how })).collect::<Vec<_>>(),
        "codes": codes,
        "skipped": c.draft.skipped.iter().map(|s| json!({ "what": s.value, "how": s.how })).collect::<Vec<_>>(),
        "summary": { "codes": c.draft.codes.len(), "read": read, "guessed": guessed, "not_found": not_found },
    })
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    let one: String = super::squeeze(text).replace('|', "\\|");
    if one.chars().count() > 60 {
        let cut: String = one.chars().take(57).collect();
        format!("{cut}…")
    } else {
        one
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The report as Markdown.
pub fn markdown(c: &Completed, files: &[(String, String)], out: &str) -> String {
    let stated = Stated::of(&c.draft.codes);
    let j = json(c, files);
    let s = &j["summary"];
    let mut md = format!(
        "# Import report: {}\n\n{} codes imported into `{out}` ({}): {} facts read, {} guessed, {} not found. \
         Every guess is also a `# guessed:` comment in the catalog.\n",
        c.draft.source,
        s["codes"],
        files
            .iter()
            .map(|(n, _)| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", "),
        s["read"],
        s["guessed"],
        s["not_found"],
    );
    md.push_str("\n## Codes\n\n| code | name | category | read | guessed | not found |\n| --- | --- | --- | --- | --- | --- |\n");
    for (i, code) in c.draft.codes.iter().enumerate() {
        let ls = lines(code);
        let keys = |guess: bool| {
            ls.iter()
                .filter(|l| matches!(l.how, How::Guessed(_)) == guess)
                .map(|l| l.key)
                .collect::<Vec<_>>()
                .join(", ")
        };
        md.push_str(&format!(
            "| `{}` | `{}` | `{}` | {} | {} | {} |\n",
            cell(&code.written),
            c.names[i],
            c.categories[i],
            keys(false),
            keys(true),
            missing(&stated, code).join(", ")
        ));
    }
    md.push_str("\n## Read\n\n| code | fact | value | where |\n| --- | --- | --- | --- |\n");
    for code in &c.draft.codes {
        md.push_str(&format!(
            "| `{}` | code | `{}` | {} |\n",
            cell(&code.written),
            cell(&code.written),
            code.at
        ));
        for l in lines(code) {
            if let How::Read(at) = &l.how {
                md.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    cell(&code.written),
                    l.key,
                    cell(&shown(&l.value)),
                    cell(at)
                ));
            }
        }
    }
    md.push_str("\n## Guessed\n\n");
    let mut any = false;
    for code in &c.draft.codes {
        for l in lines(code) {
            if let How::Guessed(why) = &l.how {
                any = true;
                md.push_str(&format!(
                    "- `{}` {} = {}: {}\n",
                    cell(&code.written),
                    l.key,
                    cell(&shown(&l.value)),
                    why
                ));
            }
        }
    }
    if !any {
        md.push_str("Nothing.\n");
    }
    if !c.draft.skipped.is_empty() {
        md.push_str("\n## Not imported\n\n");
        for s in &c.draft.skipped {
            let at = match &s.how {
                How::Read(at) => format!("at {at}"),
                How::Guessed(why) => why.clone(),
            };
            md.push_str(&format!("- {} ({at})\n", s.value));
        }
    }
    md
}
