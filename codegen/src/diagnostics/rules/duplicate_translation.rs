//! E0061: A locale translates one code twice.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Lowered, Rule};
use crate::source::FileId;

/// E0061.
pub(crate) const RULE: Rule = Rule {
    summary: "A locale translates one code twice.",
    explanation: "A locale may spread its translations over several files (`locales/fr/billing.toml`, `locales/fr/auth.toml`), or name one locale two ways (`locales/pt-BR.toml` and `locales/pt_br.toml`), but each code has one text per locale. With two, which one a client sees would depend on file order. Keep one.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0061.
const EXAMPLE: &str = r#"#== locales/fr/client.toml
[bad_input]
title = "Entrée invalide"
message = "L'entrée est invalide."
source = { title = "Bad input", message = "The input is bad." }
#== locales/fr/server.toml
[bad_input]
title = "Mauvaise entrée"

[crashed]
title = "Panne"
message = "Le serveur est tombé en panne."
source = { title = "Crashed", message = "The server crashed." }
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for translation in &cx.map.translations {
        let Some(first) = translation.duplicate_of else {
            continue;
        };
        let first = &cx.map.translations[first];
        out.push(duplicate_translation(
            (translation.file, translation.key.clone()),
            (first.file, first.key.clone()),
            &translation.name,
            &cx.map.locales[translation.locale].tag,
        ));
    }
}

/// E0061.
pub(crate) fn duplicate_translation(
    again: (FileId, Range<usize>),
    first: (FileId, Range<usize>),
    name: &str,
    locale: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::DuplicateTranslation,
        format!("`{name}` is translated into `{locale}` twice"),
    )
    .at(again.0, again.1, "translated again here")
    .also(first.0, first.1, "first translated here")
    .help("keep one of them")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(DiagCode::DuplicateTranslation, expect_test::expect![[r#"
            error[E0061]: `bad_input` is translated into `fr` twice
              --> catalog/locales/fr/server.toml:1:2
              |
            1 | [bad_input]
              |  ^^^^^^^^^ translated again here
              |
              --> catalog/locales/fr/client.toml:1:2
              |
            1 | [bad_input]
              |  --------- first translated here
              |
              = help: keep one of them

            error: the catalog has 1 error
            For more information about E0061, try `errcat explain E0061`.
        "#]]);
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::DuplicateTranslation));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = "#== locales/fr/client.toml\n[bad_input]\ntitle = \"Entrée invalide\"\n#== locales/fr/server.toml\n[crashed]\ntitle = \"Panne\"\n";
        assert!(!codes_for(near_miss).contains(&DiagCode::DuplicateTranslation));
    }

    #[test]
    fn one_locale_named_two_ways_is_one_locale() {
        let two_names = "#== locales/pt-BR.toml\n[bad_input]\ntitle = \"A\"\n#== locales/pt_br.toml\n[bad_input]\ntitle = \"B\"\n";
        assert!(codes_for(two_names).contains(&DiagCode::DuplicateTranslation));
    }
}
