//! The sources benchmarks compare: errcat's generated module and the two
//! approaches a user would otherwise write by hand, all from one catalog.
//!
//! Baselines are plain text templates on purpose: they stand for code a
//! person would write, not for errcat's own output.

use std::fmt::Write as _;

use errcat_codegen::Model;

fn escape(s: &str) -> String {
    errcat_codegen::emit::rust::string_literal(s)
}

/// strum derives for names, plus one `match` per accessor.
pub fn strum_match(model: &Model) -> String {
    let mut out = String::from(
        "// Baseline: strum derives + one match per accessor.\n\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr, strum::AsRefStr, strum::Display, strum::EnumIter)]\npub enum Code {\n",
    );
    for c in &model.codes {
        let mut serialize = vec![format!("serialize = {}", escape(&c.name))];
        serialize.extend(
            c.aliases
                .iter()
                .map(|a| format!("serialize = {}", escape(a))),
        );
        let _ = writeln!(
            out,
            "    #[strum({})]\n    {},",
            serialize.join(", "),
            errcat_codegen::ident::code_variant(&c.name)
        );
    }
    out.push_str("}\n\nimpl Code {\n");
    let accessor = |out: &mut String,
                    name: &str,
                    ty: &str,
                    value: &dyn Fn(&errcat_codegen::model::Code) -> String| {
        let _ = writeln!(
            out,
            "    pub fn {name}(self) -> {ty} {{\n        match self {{"
        );
        for c in &model.codes {
            let _ = writeln!(
                out,
                "            Code::{} => {},",
                errcat_codegen::ident::code_variant(&c.name),
                value(c)
            );
        }
        out.push_str("        }\n    }\n");
    };
    accessor(&mut out, "numeric", "Option<u32>", &|c| {
        c.numeric.map_or("None".into(), |n| format!("Some({n})"))
    });
    accessor(&mut out, "http_status", "u16", &|c| c.status.to_string());
    accessor(&mut out, "exit_code", "u8", &|c| c.exit_code.to_string());
    accessor(&mut out, "title", "&'static str", &|c| escape(&c.title));
    accessor(&mut out, "message_template", "&'static str", &|c| {
        escape(&c.message)
    });
    accessor(&mut out, "solution", "Option<&'static str>", &|c| {
        c.solution
            .as_deref()
            .map_or("None".into(), |s| format!("Some({})", escape(s)))
    });
    accessor(&mut out, "category", "&'static str", &|c| {
        escape(&model.categories[c.category].id)
    });
    accessor(&mut out, "retry_policy", "&'static str", &|c| {
        escape(&model.retry_policies[c.retry].name)
    });
    out.push_str("    pub fn from_numeric(n: u32) -> Option<Code> {\n        match n {\n");
    for c in &model.codes {
        if let Some(n) = c.numeric {
            let _ = writeln!(
                out,
                "            {n} => Some(Code::{}),",
                errcat_codegen::ident::code_variant(&c.name)
            );
        }
    }
    out.push_str("            _ => None,\n        }\n    }\n\n    pub fn lookup(name: &str) -> Option<Code> {\n        name.parse().ok()\n    }\n}\n");
    out
}

/// Static tables indexed by the discriminant, with `phf::Map` for lookups.
pub fn table_phf(model: &Model) -> String {
    let n = model.codes.len();
    let mut out = String::from(
        "// Baseline: static tables by discriminant + phf::Map.\n\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n#[repr(u32)]\npub enum Code {\n",
    );
    for c in &model.codes {
        let _ = writeln!(out, "    {},", errcat_codegen::ident::code_variant(&c.name));
    }
    out.push_str("}\n\n");
    let table = |out: &mut String, name: &str, ty: &str, values: Vec<String>| {
        let _ = writeln!(out, "static {name}: [{ty}; {n}] = [{}];", values.join(", "));
    };
    table(
        &mut out,
        "ALL",
        "Code",
        model
            .codes
            .iter()
            .map(|c| format!("Code::{}", errcat_codegen::ident::code_variant(&c.name)))
            .collect(),
    );
    table(
        &mut out,
        "NAME",
        "&str",
        model.codes.iter().map(|c| escape(&c.name)).collect(),
    );
    table(
        &mut out,
        "NUMERIC",
        "u32",
        model
            .codes
            .iter()
            .map(|c| c.numeric.unwrap_or(u32::MAX).to_string())
            .collect(),
    );
    table(
        &mut out,
        "STATUS",
        "u16",
        model.codes.iter().map(|c| c.status.to_string()).collect(),
    );
    table(
        &mut out,
        "EXIT",
        "u8",
        model
            .codes
            .iter()
            .map(|c| c.exit_code.to_string())
            .collect(),
    );
    table(
        &mut out,
        "TITLE",
        "&str",
        model.codes.iter().map(|c| escape(&c.title)).collect(),
    );
    table(
        &mut out,
        "MESSAGE",
        "&str",
        model.codes.iter().map(|c| escape(&c.message)).collect(),
    );
    table(
        &mut out,
        "SOLUTION",
        "&str",
        model
            .codes
            .iter()
            .map(|c| escape(c.solution.as_deref().unwrap_or("")))
            .collect(),
    );
    table(
        &mut out,
        "CATEGORY",
        "&str",
        model
            .codes
            .iter()
            .map(|c| escape(&model.categories[c.category].id))
            .collect(),
    );
    table(
        &mut out,
        "RETRY",
        "&str",
        model
            .codes
            .iter()
            .map(|c| escape(&model.retry_policies[c.retry].name))
            .collect(),
    );
    let mut by_name = phf_codegen::Map::new();
    let keys = lookup_keys(model);
    for (k, v) in &keys {
        by_name.entry(k.as_str(), v.to_string());
    }
    let _ = writeln!(
        out,
        "pub static BY_NAME: phf::Map<&'static str, u32> = {};",
        by_name.build()
    );
    let mut by_numeric = phf_codegen::Map::new();
    for (i, c) in model.codes.iter().enumerate() {
        if let Some(n) = c.numeric {
            by_numeric.entry(n, i.to_string());
        }
    }
    let _ = writeln!(
        out,
        "pub static BY_NUMERIC: phf::Map<u32, u32> = {};",
        by_numeric.build()
    );
    out.push_str(
        "\nimpl Code {\n\
         fn i(self) -> usize { self as usize }\n\
         pub fn as_str(self) -> &'static str { NAME[self.i()] }\n\
         pub fn numeric(self) -> Option<u32> { let n = NUMERIC[self.i()]; (n != u32::MAX).then_some(n) }\n\
         pub fn http_status(self) -> u16 { STATUS[self.i()] }\n\
         pub fn exit_code(self) -> u8 { EXIT[self.i()] }\n\
         pub fn title(self) -> &'static str { TITLE[self.i()] }\n\
         pub fn message_template(self) -> &'static str { MESSAGE[self.i()] }\n\
         pub fn solution(self) -> Option<&'static str> { Some(SOLUTION[self.i()]).filter(|s| !s.is_empty()) }\n\
         pub fn category(self) -> &'static str { CATEGORY[self.i()] }\n\
         pub fn retry_policy(self) -> &'static str { RETRY[self.i()] }\n\
         pub fn lookup(name: &str) -> Option<Code> { BY_NAME.get(name).map(|&i| ALL[i as usize]) }\n\
         pub fn from_numeric(n: u32) -> Option<Code> { BY_NUMERIC.get(&n).map(|&i| ALL[i as usize]) }\n\
         }\n",
    );
    out
}

/// Every lookup key (names and aliases) with the index of its code, as each
/// baseline's map holds them.
pub fn lookup_keys(model: &Model) -> Vec<(String, u32)> {
    model
        .codes
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            std::iter::once(c.name.clone())
                .chain(c.aliases.iter().cloned())
                .map(move |k| (k, i as u32))
        })
        .collect()
}

/// A `quickphf::PhfMap` from name to code index, the newer perfect-hash
/// crate a user might pick instead of phf.
pub fn quickphf_map(model: &Model) -> String {
    let (keys, values): (Vec<String>, Vec<u32>) = lookup_keys(model).into_iter().unzip();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    format!(
        "// Baseline: quickphf::PhfMap from name to code index.\n\npub static BY_NAME: quickphf::PhfMap<&'static str, u32> = {};\n",
        quickphf_codegen::build_map(&keys, &values)
    )
}

/// A realistic typo of `name`: a transposition, a dropped, doubled or
/// changed letter, chosen by `i`, that is not itself a key.
pub fn typo(name: &str, i: usize, is_key: impl Fn(&str) -> bool) -> String {
    let chars: Vec<char> = name.chars().collect();
    for attempt in 0..8 {
        let at = (i * 7 + attempt * 3) % chars.len().max(1);
        let mut t = chars.clone();
        match (i + attempt) % 4 {
            0 if t.len() > 1 => {
                let j = at.min(t.len() - 2);
                t.swap(j, j + 1);
            }
            1 if t.len() > 1 => {
                t.remove(at);
            }
            2 => t.insert(at, t[at]),
            _ => t[at] = if t[at] == 'e' { 'a' } else { 'e' },
        }
        let t: String = t.into_iter().collect();
        if !is_key(&t) {
            return t;
        }
    }
    format!("{name}x")
}

/// The phf baseline plus what errcat's full API has beyond it: an `Error`
/// type and one typed constructor per code that formats the message, as a
/// person would write them. errcat (with constructors) is compared with
/// this, errcat-lean with plain phf.
pub fn table_phf_constructors(model: &Model) -> String {
    use errcat_codegen::model::ParamType;
    let mut out = table_phf(model).replacen(
        "// Baseline: static tables by discriminant + phf::Map.",
        "// Baseline: static tables by discriminant + phf::Map, and typed constructors.",
        1,
    );
    out.push_str(
        "\n#[derive(Clone, Debug, PartialEq)]\npub struct Error {\n    pub code: Code,\n    pub message: String,\n}\n\nimpl Error {\n",
    );
    for c in &model.codes {
        let function = errcat_codegen::ident::code_fn_ident(&c.name);
        let params: Vec<String> = c
            .params
            .iter()
            .map(|p| {
                let ty = match p.ty {
                    ParamType::String => "&str",
                    other => other.as_str(),
                };
                format!("{}: {ty}", errcat_codegen::ident::snake_ident(&p.name))
            })
            .collect();
        // The template as a format string: `{name}` placeholders become
        // `{}`, literal braces are escaped.
        let mut format = String::new();
        let mut args = Vec::new();
        for piece in errcat_runtime::template::parse(&c.message, |_| true).unwrap_or_default() {
            match piece {
                errcat_runtime::template::Piece::Text(t) => {
                    format.push_str(&t.replace('{', "{{").replace('}', "}}"))
                }
                errcat_runtime::template::Piece::Placeholder { name, .. } => {
                    format.push_str("{}");
                    args.push(errcat_codegen::ident::snake_ident(name));
                }
                // The synthetic catalog's messages have no choices.
                _ => {}
            }
        }
        let args: String = args.iter().map(|a| format!(", {a}")).collect();
        let _ = writeln!(
            out,
            "    pub fn {function}({}) -> Error {{\n        Error {{ code: Code::{}, message: format!({}{args}) }}\n    }}",
            params.join(", "),
            errcat_codegen::ident::code_variant(&c.name),
            escape(&format)
        );
    }
    out.push_str("}\n");
    out
}

/// A `match` on the name, the other baseline for name lookup.
pub fn match_lookup(model: &Model) -> String {
    let mut out = String::from(
        "#[allow(clippy::all)]\npub fn lookup(name: &str) -> Option<u32> {\n    match name {\n",
    );
    for (i, c) in model.codes.iter().enumerate() {
        let mut names = vec![escape(&c.name)];
        names.extend(c.aliases.iter().map(|a| escape(a)));
        let _ = writeln!(out, "        {} => Some({i}),", names.join(" | "));
    }
    out.push_str("        _ => None,\n    }\n}\n");
    out
}

/// errcat's own module for the catalog.
pub fn errcat(model: &Model) -> String {
    let cx = errcat_codegen::emit::Context::new(model, errcat_codegen::GENERATE_COMMAND);
    errcat_codegen::emit::rust::emit(&cx, &Default::default())
}

/// errcat's module without typed constructors (`Config::typed_constructors(false)`).
pub fn errcat_lean(model: &Model) -> String {
    let options = errcat_codegen::emit::rust::RustOptions {
        typed_constructors: false,
        ..Default::default()
    };
    let cx = errcat_codegen::emit::Context::new(model, errcat_codegen::GENERATE_COMMAND);
    errcat_codegen::emit::rust::emit(&cx, &options)
}

/// The model of a synthetic catalog of `n` codes.
pub fn synthetic_model(n: usize) -> Model {
    let files = errcat_codegen::synth::catalog(n);
    let sources = errcat_codegen::Sources::from_memory(
        "catalog",
        files
            .iter()
            .map(|(k, v)| (k.display().to_string(), v.clone())),
    );
    match errcat_codegen::compile(&sources) {
        Ok(compiled) => compiled.model,
        Err(report) => panic!("synthetic catalog is invalid:\n{}", report.render()),
    }
}
