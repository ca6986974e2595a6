//! Hostile templates, plural rules and `Accept-Language` headers: nothing
//! panics; a template that parses renders with every param filled; the
//! chosen locale is always one the catalog has.
//!
//! `ERRCAT_FUZZ_CASES` sets the number of cases per property (default 512).

use errcat_runtime::locale::{Locales, negotiate_in};
use errcat_runtime::plural;
use errcat_runtime::template::{self, render};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("ERRCAT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(512)
}

/// Text made of the pieces templates, rules and headers are made of.
fn pieces(alphabet: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(alphabet), 0..40).prop_map(|p| p.concat())
}

const TEMPLATE: &[&str] = &[
    "{",
    "}",
    "{{",
    "}}",
    "#",
    "##",
    ",",
    " ",
    "n",
    "x",
    "plural",
    "select",
    "one",
    "other",
    "few",
    "=0",
    "=1",
    "{n, plural, ",
    "{x, select, ",
    "one {",
    "other {",
    "é",
    "\u{85}",
    "text",
];
const RULES: &[&str] = &[
    "one", "few", "many", "other", ":", ";", " ", "n", "i", "v", "f", "t", "e", "=", "!=", "%",
    "10", "0", "1", "..", ",", " and ", " or ", "x",
];
const HEADER: &[&str] = &[
    "fr", "pl", "en", "-", "_", ",", ";", "q=", "0", "1", ".", "5", "*", " ", "CH", "x", "é", "\t",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn templates_never_panic_and_fill_what_parses(t in pieces(TEMPLATE), n in 0u32..30) {
        let rules = "one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4";
        let rendered = render(&t, rules, |name, out| {
            out.push_str(&n.to_string());
            !name.is_empty()
        });
        // A template that parses, without escaped braces, leaves none: every
        // placeholder is filled and every choice resolved.
        let escapes = t.contains("{{") || t.contains("}}");
        if template::parse(&t, |name| name == "n" || name == "x").is_ok() && !escapes {
            prop_assert!(!rendered.contains(['{', '}']), "{t:?} -> {rendered:?}");
        }
    }

    #[test]
    fn plural_rules_never_panic(rules in pieces(RULES), number in "[-0-9.e]{0,12}") {
        let category = plural::category(&rules, &number);
        if plural::check(&rules).is_ok() {
            prop_assert!(plural::categories(&rules).contains(&category) || category == plural::Category::Other);
        }
    }

    #[test]
    fn negotiation_picks_a_catalog_locale(header in pieces(HEADER)) {
        let locales = Locales { tags: &["en", "fr", "fr-CH", "pl"], parents: &[0, 0, 1, 0], plurals: &["", "", "", ""] };
        let chosen = locales.negotiate(&header);
        prop_assert!(chosen < locales.tags.len());
        prop_assert_eq!(chosen, negotiate_in(locales.tags, &header));
    }
}
