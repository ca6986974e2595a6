//! W0064: A translation was made from a text that has changed since, or does not say which.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Lowered, Rule};
use crate::model::Text;
use crate::source::FileId;

/// W0064.
pub(crate) const RULE: Rule = Rule {
    summary: "A translation was made from a text that has changed since, or does not say which.",
    explanation: "Each translation records, in its `source`, the default-locale texts it was made from (`errcat locale stamp` writes them), as gettext keeps the previous `msgid` of a fuzzy entry. When the code's own text changes, the translation still says what the old one said: this warning shows the old and the new text, so the translator sees what changed. Update the translation, then stamp it. A translation without a `source` cannot be checked, and is reported until it is stamped.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports W0064.
const EXAMPLE: &str = r#"#== locales/fr.toml
[bad_input]
title = "Entrée invalide"
message = "L'entrée est invalide."
source.title = "Bad input"
source.message = "The input is invalid."

[crashed]
title = "Panne"
message = "Le serveur est tombé en panne."
source = { title = "Crashed", message = "The server crashed." }
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    // Translations that record no source, by file: one warning each.
    let mut unrecorded: Vec<(FileId, Range<usize>, Vec<&str>, &str)> = Vec::new();
    for (translation, locale, code) in cx.map.live_translations() {
        let tag = &cx.model.locales[locale].tag;
        let mut recorded = true;
        for written in &translation.texts {
            let Some(now) = cx.model.text_in(code, 0, written.kind) else {
                continue;
            };
            match translation.source_text(written.kind) {
                None => recorded = false,
                Some(was) if was.text != now => out.push(stale(
                    translation.file,
                    written.span.clone(),
                    (was.span.clone(), &was.text),
                    now,
                    (&translation.name, written.kind, tag),
                )),
                Some(_) => {}
            }
        }
        if recorded {
            continue;
        }
        match unrecorded.iter_mut().find(|(f, ..)| *f == translation.file) {
            Some((_, _, names, _)) => names.push(&translation.name),
            None => unrecorded.push((
                translation.file,
                translation.key.clone(),
                vec![&translation.name],
                tag,
            )),
        }
    }
    for (file, first, names, tag) in unrecorded {
        out.push(unrecorded_source(file, first, &names, tag));
    }
}

/// W0064: the text a translation was made from has changed.
pub(crate) fn stale(
    file: FileId,
    span: Range<usize>,
    (was_span, was): (Range<usize>, &str),
    now: &str,
    (code, text, locale): (&str, Text, &str),
) -> Diagnostic {
    let key = text.key();
    Diagnostic::new(
        DiagCode::StaleTranslation,
        format!("the {key} of `{code}` has changed since it was translated into `{locale}`"),
    )
    .at(file, span, format!("translated from \"{was}\""))
    .also(file, was_span, format!("the {key} is now \"{now}\""))
    .help(format!(
        "update the translation, then run `cargo errcat locale stamp {locale} {code}` to record its new source"
    ))
}

/// How many codes a diagnostic names before it counts the rest.
const LISTED: usize = 8;

/// W0064: translations that do not say what they were made from.
pub(crate) fn unrecorded_source(
    file: FileId,
    first: Range<usize>,
    codes: &[&str],
    locale: &str,
) -> Diagnostic {
    let mut listed: Vec<String> = codes.iter().take(LISTED).map(|n| format!("`{n}`")).collect();
    if codes.len() > LISTED {
        listed.push(format!("and {} more", codes.len() - LISTED));
    }
    let (what, command) = match codes {
        [one] => (
            format!("the translation of `{one}` does not record the text it was made from"),
            format!("cargo errcat locale stamp {locale} {one}"),
        ),
        _ => (
            format!(
                "{} translations into `{locale}` do not record the text they were made from",
                codes.len()
            ),
            format!("cargo errcat locale stamp {locale}"),
        ),
    };
    Diagnostic::new(DiagCode::StaleTranslation, what)
        .at(file, first, format!("no `source`: {}", listed.join(", ")))
        .help(if codes.len() == 1 {
            format!("once it is checked, run `{command}`: errcat can then tell when its source changes")
        } else {
            format!("once they are checked, run `{command}`: errcat can then tell when their source changes")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(DiagCode::StaleTranslation, expect_test::expect![[r#"
            warning[W0064]: the message of `bad_input` has changed since it was translated into `fr`
              --> catalog/locales/fr.toml:3:11
              |
            3 | message = "L'entrée est invalide."
              |           ^^^^^^^^^^^^^^^^^^^^^^^^ translated from "The input is invalid."
            4 | source.title = "Bad input"
            5 | source.message = "The input is invalid."
              |                  ----------------------- the message is now "The input is bad."
              |
              = help: update the translation, then run `cargo errcat locale stamp fr bad_input` to record its new source

            warning: the catalog has 1 warning
            For more information about W0064, try `errcat explain W0064`.
        "#]]);
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::StaleTranslation));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = EXAMPLE.replace("The input is invalid.", "The input is bad.");
        assert!(!codes_for(&near_miss).contains(&DiagCode::StaleTranslation));
    }

    #[test]
    fn a_translation_without_a_source_is_reported() {
        let bare = "#== locales/fr.toml\n[bad_input]\ntitle = \"Entrée invalide\"\n";
        assert!(codes_for(bare).contains(&DiagCode::StaleTranslation));
    }
}
