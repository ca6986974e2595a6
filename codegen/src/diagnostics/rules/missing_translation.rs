//! W0065: A locale leaves codes' titles or messages untranslated.

use crate::diagnostics::{DiagCode, Diagnostic, Lowered, Rule};
use crate::model::Text;
use crate::source::FileId;

/// W0065.
pub(crate) const RULE: Rule = Rule {
    summary: "A locale leaves codes' titles or messages untranslated.",
    explanation: "A code that a locale does not translate is answered in the locale's parent (`fr` for `fr-CH`), else in the default locale: its users read it in another language. This reports each locale's coverage, the codes it lacks listed. It is a warning, so a translation can land a part at a time; a catalog that promises complete locales makes it an error with `[lints] missing_translation = \"deny\"`. The docs' locale pages show the same coverage.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports W0065.
const EXAMPLE: &str = r#"#== locales/fr.toml
[bad_input]
title = "Entrée invalide"
source.title = "Bad input"
"#;

/// How many missing codes a diagnostic names before it counts the rest.
const LISTED: usize = 8;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let model = cx.model;
    for source in &cx.map.locales {
        let (Some(locale), Some((file, _))) = (source.lowered, source.files.first()) else {
            continue;
        };
        let missing: Vec<&str> = (0..model.codes.len())
            .filter(|&code| {
                [Text::Title, Text::Message]
                    .into_iter()
                    .any(|text| model.localized(code, locale, text).is_none_or(|(at, _)| at == 0))
            })
            .map(|code| model.codes[code].name.as_str())
            .collect();
        if !missing.is_empty() {
            out.push(missing_translation(
                *file,
                &source.tag,
                &missing,
                model.codes.len(),
            ));
        }
    }
}

/// W0065.
pub(crate) fn missing_translation(
    file: FileId,
    locale: &str,
    missing: &[&str],
    total: usize,
) -> Diagnostic {
    let mut listed: Vec<String> = missing.iter().take(LISTED).map(|n| format!("`{n}`")).collect();
    if missing.len() > LISTED {
        listed.push(format!("and {} more", missing.len() - LISTED));
    }
    Diagnostic::new(
        DiagCode::MissingTranslation,
        format!(
            "`{locale}` translates {} of {total} codes: {} lack a title or message",
            total - missing.len(),
            missing.len()
        ),
    )
    .at(file, 0..0, format!("missing: {}", listed.join(", ")))
    .help(format!(
        "translate them here; `[lints] missing_translation = \"deny\"` makes a complete `{locale}` a requirement"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(DiagCode::MissingTranslation, expect_test::expect![[r#"
            warning[W0065]: `fr` translates 0 of 2 codes: 2 lack a title or message
              --> catalog/locales/fr.toml:1:1
              |
            1 | [bad_input]
              | ^ missing: `bad_input`, `crashed`
              |
              = help: translate them here; `[lints] missing_translation = "deny"` makes a complete `fr` a requirement

            warning: the catalog has 1 warning
            For more information about W0065, try `errcat explain W0065`.
        "#]]);
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::MissingTranslation));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== locales/fr.toml
[bad_input]
title = "Entrée invalide"
message = "L'entrée est invalide."
source = { title = "Bad input", message = "The input is bad." }
[crashed]
title = "Panne"
message = "Le serveur est tombé en panne."
source = { title = "Crashed", message = "The server crashed." }
#== locales/fr-CH.toml
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::MissingTranslation));
    }
}
