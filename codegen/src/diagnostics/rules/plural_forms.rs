//! E0063: A plural choice does not choose by a number, or lacks a form its locale needs.

use std::ops::Range;

use errcat_runtime::ParamType;
use errcat_runtime::plural::Category;
use errcat_runtime::template::{ChoiceKind, Piece};

use crate::diagnostics::{DiagCode, Diagnostic, Lowered, Rule};
use crate::model::{Param, Text};
use crate::source::FileId;

/// E0063.
pub(crate) const RULE: Rule = Rule {
    summary: "A plural choice does not choose by a number, or lacks a form its locale needs.",
    explanation: "`{count, plural, one {# file} other {# files}}` picks an arm by the CLDR plural category of the number `count` in the message's locale. English has two categories (`one`, `other`); Polish has four (`one`, `few`, `many`, `other`), Arabic six. A choice without an arm for one of its locale's categories would show its `other` text where the language needs another form (\"5 pliki\" for \"5 plików\"), so every category of the locale must have its arm; `=0`-style arms come on top of them. A plural over a param that is not a number could only ever take `other`.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0063.
const EXAMPLE: &str = r#"#== client.toml
[too_many_files]
numeric = 1000
title = "Too many files"
message = "{count, plural, one {# file is} other {# files are}} over the limit."
params = { count = "u32" }
#== locales/pl.toml
[too_many_files]
title = "Za dużo plików"
message = "{count, plural, one {# plik} other {# pliki}} ponad limit."
source.title = "Too many files"
source.message = "{count, plural, one {# file is} other {# files are}} over the limit."

[crashed]
title = "Awaria"
message = "Serwer uległ awarii."
source = { title = "Crashed", message = "The server crashed." }
"#;

/// One plural choice in a template: the param it chooses by, the arms it
/// has, and where its `{` is.
struct PluralChoice<'t> {
    name: &'t str,
    offset: usize,
    keys: Vec<&'t str>,
}

fn plural_choices<'t>(pieces: &[Piece<'t>], out: &mut Vec<PluralChoice<'t>>) {
    for piece in pieces {
        if let Piece::Choice(choice) = piece {
            if choice.kind == ChoiceKind::Plural {
                out.push(PluralChoice {
                    name: choice.name,
                    offset: choice.offset,
                    keys: choice.arms.iter().map(|a| a.key).collect(),
                });
            }
            for arm in &choice.arms {
                plural_choices(&arm.pieces, out);
            }
        }
    }
}

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let default = &cx.model.locales[0];
    for source in cx.map.templates() {
        let Some(code) = source.code.lowered else {
            continue;
        };
        check(
            cx,
            (source.code.file, source.span.clone(), source.message),
            &cx.model.codes[code].params,
            &default.tag,
            &default.categories,
            out,
        );
    }
    for (translation, locale, code) in cx.map.live_translations() {
        let Some(message) = translation.text(Text::Message) else {
            continue;
        };
        let locale = &cx.model.locales[locale];
        check(
            cx,
            (translation.file, message.span.clone(), &message.text),
            &cx.model.codes[code].params,
            &locale.tag,
            &locale.categories,
            out,
        );
    }
}

fn check<'a>(
    cx: &Lowered<'a>,
    (file, span, text): (FileId, Range<usize>, &'a str),
    params: &[Param],
    locale: &str,
    categories: &[Category],
    out: &mut Vec<Diagnostic>,
) {
    // A template that does not parse is reported by E0021.
    let Ok(pieces) = cx.template(text) else {
        return;
    };
    let mut choices = Vec::new();
    plural_choices(&pieces, &mut choices);
    for choice in choices {
        let at = cx.sources.inner_span(file, span.clone(), text, choice.offset);
        if let Some(param) = params.iter().find(|p| p.name == choice.name)
            && matches!(param.ty, ParamType::String | ParamType::Bool)
        {
            out.push(not_a_number(file, at.clone(), choice.name, param.ty.as_str()));
        }
        let missing: Vec<Category> = categories
            .iter()
            .copied()
            .filter(|c| !choice.keys.contains(&c.as_str()))
            .collect();
        if !missing.is_empty() {
            out.push(missing_forms(file, at, choice.name, locale, &missing));
        }
    }
}

/// E0063: a plural over text or a boolean.
pub(crate) fn not_a_number(file: FileId, span: Range<usize>, name: &str, ty: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::PluralForms,
        format!("the plural choice on `{name}` chooses by a {ty}, not a number"),
    )
    .at(file, span, "this choice")
    .help(format!(
        "declare `{name}` as a number (`u32`, `i64`, `f64`, …), or choose with `{{{name}, select, …}}`"
    ))
}

/// E0063: forms the locale needs and the choice lacks.
pub(crate) fn missing_forms(
    file: FileId,
    span: Range<usize>,
    name: &str,
    locale: &str,
    missing: &[Category],
) -> Diagnostic {
    let list = missing
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let examples = missing
        .iter()
        .filter_map(|c| Some(format!("{c}: {}", crate::l10n::sample_numbers(locale, *c)?)))
        .collect::<Vec<_>>()
        .join("; ");
    Diagnostic::new(
        DiagCode::PluralForms,
        format!("the plural choice on `{name}` has no {list} form, which `{locale}` needs"),
    )
    .at(file, span, format!("{locale} plural categories: add {list}"))
    .help(if examples.is_empty() {
        format!("add an arm for each: `{} {{…}}`", missing[0])
    } else {
        format!("add an arm for each; in `{locale}` they are the numbers {examples}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(DiagCode::PluralForms, expect_test::expect![[r#"
            error[E0063]: the plural choice on `count` has no `few`, `many` form, which `pl` needs
              --> catalog/locales/pl.toml:3:12
              |
            3 | message = "{count, plural, one {# plik} other {# pliki}} ponad limit."
              |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ pl plural categories: add `few`, `many`
              |
              = help: add an arm for each; in `pl` they are the numbers few: 2–4, 22–24, 32–34, 42–44, …; many: 0, 5–19, 100, 1000, …

            error: the catalog has 1 error
            For more information about E0063, try `errcat explain E0063`.
        "#]]);
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::PluralForms));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = EXAMPLE.replace(
            "one {# plik} other {# pliki}",
            "one {# plik} few {# pliki} many {# plików} other {# pliku}",
        );
        assert!(!codes_for(&near_miss).contains(&DiagCode::PluralForms));
    }

    #[test]
    fn the_default_message_is_held_to_its_locale_and_type() {
        let english = EXAMPLE.replace("one {# file is} ", "=1 {one file is} ");
        assert!(codes_for(&english).contains(&DiagCode::PluralForms));
        let text = EXAMPLE.replace("count = \"u32\"", "count = \"string\"");
        assert!(codes_for(&text).contains(&DiagCode::PluralForms));
    }
}
