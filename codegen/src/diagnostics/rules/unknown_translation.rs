//! E0060: A translation is of a code the catalog does not have.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Lowered, Rule};
use crate::source::FileId;

/// E0060.
pub(crate) const RULE: Rule = Rule {
    summary: "A translation is of a code the catalog does not have.",
    explanation: "Each table of a locale's file translates the code of that name. A name the catalog does not have is a typo, or a code that was renamed or retired since: its text would never be shown. Rename the table to the code's name, or delete it.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0060.
const EXAMPLE: &str = r#"#== locales/fr.toml
[bad_input]
title = "Entrée invalide"
message = "L'entrée est invalide."
source = { title = "Bad input", message = "The input is bad." }

[bad_inptu]
solution = "Corrigez l'entrée."

[crashed]
title = "Panne"
message = "Le serveur est tombé en panne."
source = { title = "Crashed", message = "The server crashed." }
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    // A catalog whose codes did not all lower may have the code after all.
    if cx.map.codes.iter().any(|c| c.lowered.is_none()) || !cx.map.unparsed_stems.is_empty() {
        return;
    }
    let names: Vec<&str> = cx.model.codes.iter().map(|c| c.name.as_str()).collect();
    for translation in &cx.map.translations {
        let usable = cx.map.locales[translation.locale].usable;
        if translation.code.is_some() || !usable {
            continue;
        }
        let retired = cx.model.retired.iter().any(|r| r.name == translation.name);
        out.push(unknown_translation(
            translation.file,
            translation.key.clone(),
            &translation.name,
            retired,
            &names,
        ));
    }
}

/// E0060.
pub(crate) fn unknown_translation(
    file: FileId,
    span: Range<usize>,
    name: &str,
    retired: bool,
    names: &[&str],
) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        DiagCode::UnknownTranslation,
        format!("a translation of `{name}`, which is not a code of the catalog"),
    );
    if retired {
        return diagnostic
            .at(file, span, "a retired code")
            .help("no response carries a retired code any more: delete its translation");
    }
    diagnostic
        .at(file, span, "no code of this name")
        .suggest(name, names, Some("delete it, or name the code it translates".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(DiagCode::UnknownTranslation, expect_test::expect![[r#"
            error[E0060]: a translation of `bad_inptu`, which is not a code of the catalog
              --> catalog/locales/fr.toml:6:2
              |
            6 | [bad_inptu]
              |  ^^^^^^^^^ no code of this name
              |
              = help: did you mean `bad_input`?

            error: the catalog has 1 error
            For more information about E0060, try `errcat explain E0060`.
        "#]]);
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownTranslation));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = "#== locales/fr.toml\n[bad_input]\ntitle = \"Entrée invalide\"\n";
        assert!(!codes_for(near_miss).contains(&DiagCode::UnknownTranslation));
    }
}
