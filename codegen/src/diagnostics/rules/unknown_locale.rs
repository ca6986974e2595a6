//! E0059: A locale's tag is not a BCP 47 tag errcat has plural rules for.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Lowered, Rule};
use crate::l10n;
use crate::source::FileId;

/// E0059.
pub(crate) const RULE: Rule = Rule {
    summary: "A locale's tag is not a BCP 47 tag errcat has plural rules for.",
    explanation: "A locale is named by its BCP 47 tag: `[catalog] locale` for the default, and the file or folder name under `locales/` for each translation (`locales/fr.toml`, `locales/pt-BR/`). The tag picks the locale's CLDR plural rules, which decide each plural choice and which plural forms a translation must write, and it is what clients send in `Accept-Language` and receive in `Content-Language`. A tag that is not well-formed (`french`, `en_US_POSIX`), or whose language CLDR does not know, could never be negotiated or pluralized right. Translations of the default locale itself are reported here too: the catalog's own texts are that locale's.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0059.
const EXAMPLE: &str = r#"#== locales/french.toml
[bad_input]
title = "Entrée invalide"
message = "L'entrée est invalide."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let default = &cx.map.default_locale;
    if !default.usable {
        let span = default.span.clone().unwrap_or(0..0);
        out.push(unknown_locale(cx.map.settings, span, &default.tag, "the catalog's locale"));
    }
    for locale in &cx.map.locales {
        if locale.usable || !default.usable {
            continue;
        }
        for (file, written) in &locale.files {
            let same_as_default = l10n::canonical_tag(written)
                .is_ok_and(|t| t.eq_ignore_ascii_case(&cx.model.locales[0].tag));
            out.push(if same_as_default {
                default_translated(*file, written, &cx.model.locales[0].tag)
            } else {
                unknown_locale(*file, 0..0, written, "this file's locale")
            });
        }
    }
}

/// E0059: `tag` cannot name a locale.
pub(crate) fn unknown_locale(file: FileId, span: Range<usize>, tag: &str, what: &str) -> Diagnostic {
    let why = match l10n::canonical_tag(tag) {
        Err(why) => why,
        Ok(canonical) => format!("CLDR has no plural rules for `{canonical}` or its language"),
    };
    let language = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
    let help = match crate::diagnostics::did_you_mean(&language, l10n::languages()) {
        Some(close) if close != language => format!(
            "did you mean `{close}`? A locale is a BCP 47 tag such as `fr`, `pt-BR` or `zh-Hant`"
        ),
        _ => "a locale is a BCP 47 tag such as `fr`, `pt-BR` or `zh-Hant`".to_string(),
    };
    Diagnostic::new(
        DiagCode::UnknownLocale,
        format!("`{tag}` is not a locale errcat can use: {why}"),
    )
    .at(file, span, what)
    .help(help)
}

/// E0059: a file of translations into the default locale.
pub(crate) fn default_translated(file: FileId, written: &str, default: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::UnknownLocale,
        format!("`{written}` is the catalog's own locale: its texts are the codes' own"),
    )
    .at(file, 0..0, "translations into the default locale")
    .help(format!(
        "edit the codes' texts instead, or set `[catalog] locale` if the catalog is not written in `{default}`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(DiagCode::UnknownLocale, expect_test::expect![[r#"
            error[E0059]: `french` is not a locale errcat can use: CLDR has no plural rules for `french` or its language
              --> catalog/locales/french.toml:1:1
              |
            1 | [bad_input]
              | ^ this file's locale
              |
              = help: a locale is a BCP 47 tag such as `fr`, `pt-BR` or `zh-Hant`

            error: the catalog has 1 error
            For more information about E0059, try `errcat explain E0059`.
        "#]]);
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownLocale));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== locales/fr-CH.toml
[bad_input]
title = "Entrée invalide"
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::UnknownLocale));
    }

    #[test]
    fn the_default_locale_is_checked_and_not_translated() {
        let default_file = "#== locales/EN.toml\n[bad_input]\ntitle = \"Bad\"\n";
        assert!(codes_for(default_file).contains(&DiagCode::UnknownLocale));
        let sources = crate::rule_examples::example_sources("");
        let settings = sources.files()[0].text.replace(
            "name = \"fixture\"",
            "name = \"fixture\"\nlocale = \"klingon\"",
        );
        let report = crate::compile(&sources.with_overlay("catalog.toml", &settings)).unwrap_err();
        let rendered = report.render();
        assert!(rendered.contains("E0059"), "{rendered}");
        assert!(rendered.contains("the catalog's locale"), "{rendered}");
    }
}
