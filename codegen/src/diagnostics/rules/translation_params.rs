//! E0062: A translated message does not use exactly the code's params.

use std::ops::Range;

use errcat_runtime::template;

use crate::diagnostics::{DiagCode, Diagnostic, Lowered, Rule};
use crate::model::Text;
use crate::source::FileId;

/// E0062.
pub(crate) const RULE: Rule = Rule {
    summary: "A translated message does not use exactly the code's params.",
    explanation: "A translation is rendered with the same params as the code's own message, by the same typed constructor. A placeholder the code does not declare could never be filled and would reach users as `{name}`; a param the translation leaves out is information its readers lose (the default message must use every param too, E0020). This is what `msgfmt -c` checks for gettext's format strings, here against the code's declared params.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0062.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Field {field} is bad: {reason}."
params = { field = "string", reason = "string" }
#== locales/fr.toml
[bad_input]
title = "Entrée invalide"
message = "Le champ {champ} est invalide."
source = { title = "Bad input", message = "Field {field} is bad: {reason}." }

[crashed]
title = "Panne"
message = "Le serveur est tombé en panne."
source = { title = "Crashed", message = "The server crashed." }
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for (translation, _, code) in cx.map.live_translations() {
        let Some(message) = translation.text(Text::Message) else {
            continue;
        };
        // A template that does not parse is reported by E0021.
        let Ok(pieces) = cx.template(&message.text) else {
            continue;
        };
        let declared = &cx.model.codes[code].params;
        let uses = template::param_uses(&pieces);
        for (name, offset, _) in &uses {
            if !declared.iter().any(|p| p.name == *name) {
                let at = cx
                    .sources
                    .inner_span(translation.file, message.span.clone(), &message.text, *offset);
                // The name alone, where the file spells it plainly after its
                // `{`: the span a fix can rename.
                let text = &cx.sources.file(translation.file).text;
                let name_at = at.start + 1..at.start + 1 + name.len();
                let plain = text.get(name_at.clone()) == Some(*name) && text[at.clone()].starts_with('{');
                let names: Vec<&str> = declared.iter().map(|p| p.name.as_str()).collect();
                let (span, fixable) = if plain { (name_at, true) } else { (at, false) };
                out.push(undeclared(translation.file, span, name, &translation.name, &names, fixable));
            }
        }
        for param in declared {
            if !uses.iter().any(|(name, _, _)| *name == param.name) {
                out.push(left_out(
                    translation.file,
                    message.span.clone(),
                    &param.name,
                    &translation.name,
                ));
            }
        }
    }
}

/// E0062: a placeholder the code does not declare; `span` is the name
/// alone when `fixable`, so a close param's name can replace it.
pub(crate) fn undeclared(
    file: FileId,
    span: Range<usize>,
    name: &str,
    code: &str,
    declared: &[&str],
    fixable: bool,
) -> Diagnostic {
    let list = if declared.is_empty() {
        "it has none".to_string()
    } else {
        format!(
            "its params are {}",
            declared.iter().map(|d| format!("`{d}`")).collect::<Vec<_>>().join(", ")
        )
    };
    let otherwise = format!("a translation uses the code's own params: {list}");
    let diagnostic = Diagnostic::new(
        DiagCode::TranslationParams,
        format!("`{{{name}}}` is not a param of `{code}`"),
    )
    .at(file, span, "in this translation");
    if fixable {
        return diagnostic.suggest(name, declared, Some(otherwise));
    }
    match crate::diagnostics::did_you_mean(name, declared.iter().copied()) {
        Some(close) => diagnostic.help(format!("did you mean `{close}`?")),
        None => diagnostic.help(otherwise),
    }
}

/// E0062: a param the translation does not use.
pub(crate) fn left_out(file: FileId, span: Range<usize>, name: &str, code: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::TranslationParams,
        format!("the translation of `{code}` leaves out the param `{name}`"),
    )
    .at(file, span, format!("no `{{{name}}}` in this message"))
    .help(format!("use `{{{name}}}` where this locale would say it"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(DiagCode::TranslationParams, expect_test::expect![[r#"
            error[E0062]: the translation of `bad_input` leaves out the param `field`
              --> catalog/locales/fr.toml:3:11
              |
            3 | message = "Le champ {champ} est invalide."
              |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ no `{field}` in this message
              |
              = help: use `{field}` where this locale would say it

            error[E0062]: the translation of `bad_input` leaves out the param `reason`
              --> catalog/locales/fr.toml:3:11
              |
            3 | message = "Le champ {champ} est invalide."
              |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ no `{reason}` in this message
              |
              = help: use `{reason}` where this locale would say it

            error[E0062]: `{champ}` is not a param of `bad_input`
              --> catalog/locales/fr.toml:3:22
              |
            3 | message = "Le champ {champ} est invalide."
              |                      ^^^^^ in this translation
              |
              = help: a translation uses the code's own params: its params are `field`, `reason`

            error: the catalog has 3 errors
            For more information about E0062, try `errcat explain E0062`.
        "#]]);
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::TranslationParams));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = EXAMPLE.replace(
            "Le champ {champ} est invalide.",
            "Le champ {field} est invalide : {reason}.",
        );
        assert!(!codes_for(&near_miss).contains(&DiagCode::TranslationParams));
    }

    #[test]
    fn params_inside_choices_count() {
        let chosen = EXAMPLE.replace(
            "Le champ {champ} est invalide.",
            "{reason, select, empty {Le champ {field} est vide.} other {Le champ {field} : {reason}.}}",
        );
        assert!(!codes_for(&chosen).contains(&DiagCode::TranslationParams));
    }

    #[test]
    fn a_close_name_is_a_fix_that_applies() {
        let typo = EXAMPLE.replace("Le champ {champ} est invalide.", "{raeson} : {field}.");
        let sources = crate::rule_examples::example_sources(&typo);
        let report = crate::compile(&sources).unwrap_err();
        let fix = report
            .diagnostics()
            .iter()
            .filter(|d| d.code == DiagCode::TranslationParams)
            .find_map(|d| d.fix.clone())
            .expect("a fix");
        let text = &sources.file(fix.file).text;
        let (fixed, applied) = crate::diagnostics::Fix::apply_all(text, [&fix]);
        assert_eq!(applied, 1);
        assert!(fixed.contains("\"{reason} : {field}.\""), "{fixed}");
    }
}
