//! Locales as errcat knows them: BCP 47 tags (well-formed, in canonical
//! case) and each language's CLDR plural rules, from errcat's copy of
//! Unicode CLDR's data (`cldr_plurals.json`, written by
//! `scripts/cldr_plurals.mjs` from the pinned `cldr-core` package). A leaf:
//! lowering and the rules both ask it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use errcat_runtime::plural::Category;

/// CLDR's cardinal plural rules, with their samples, by CLDR locale.
const CLDR_PLURALS: &str = include_str!("cldr_plurals.json");

#[derive(serde::Deserialize)]
struct CldrData {
    cldr: String,
    locales: BTreeMap<String, BTreeMap<String, String>>,
}

fn data() -> &'static CldrData {
    static DATA: OnceLock<CldrData> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(CLDR_PLURALS).expect("errcat's copy of CLDR's plural rules reads")
    })
}

/// The CLDR release the plural rules come from.
pub fn cldr_version() -> &'static str {
    &data().cldr
}

/// A locale's plural rules, as CLDR has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PluralRules {
    /// The CLDR locale they are of: the tag itself, or the ancestor CLDR
    /// has rules for (`fr` for `fr-CH`).
    pub cldr_locale: &'static str,
    /// The rules as `errcat_runtime::plural` reads them: `category:
    /// condition` entries joined by `; `, samples dropped, `other` implied.
    pub rules: String,
    /// The categories, `other` included, in CLDR's order.
    pub categories: Vec<Category>,
}

/// The plural rules of `tag` (well-formed, any case): its own, else its
/// nearest ancestor's (`pt-PT` has its own; `fr-CH` takes `fr`'s).
pub fn plural_rules(tag: &str) -> Option<PluralRules> {
    let locales = &data().locales;
    let mut tag = tag.to_string();
    loop {
        let found = locales
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&tag.replace('_', "-")));
        if let Some((name, rules)) = found {
            let rules = rules_text(rules);
            let categories = errcat_runtime::plural::categories(&rules);
            return Some(PluralRules {
                cldr_locale: name,
                rules,
                categories,
            });
        }
        let cut = tag.rfind(['-', '_'])?;
        tag.truncate(cut);
    }
}

/// `{"one": "i = 1 and v = 0 @integer 1", "other": "…"}` as one rule text.
fn rules_text(rules: &BTreeMap<String, String>) -> String {
    let mut entries: Vec<(Category, &str)> = rules
        .iter()
        .filter_map(|(name, rule)| {
            let category = Category::parse(name).filter(|c| *c != Category::Other)?;
            let condition = rule.split('@').next().unwrap_or_default().trim();
            Some((category, condition))
        })
        .collect();
    entries.sort();
    entries
        .iter()
        .map(|(category, condition)| format!("{category}: {condition}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The first integers CLDR lists as taking `category` under `tag`'s
/// rules, as text (`2~4, 22~24, 32~34, …` becomes `2–4, 22–24, 32–34, …`),
/// for diagnostics.
pub fn sample_numbers(tag: &str, category: Category) -> Option<String> {
    let cldr = plural_rules(tag)?.cldr_locale;
    let rule = data().locales.get(cldr)?.get(category.as_str())?;
    let integers = rule.split("@integer").nth(1)?.split('@').next()?;
    let listed: Vec<String> = integers
        .split(',')
        .map(|s| s.trim().replace('~', "–"))
        .filter(|s| !s.is_empty() && s != "…")
        .take(4)
        .collect();
    (!listed.is_empty()).then(|| format!("{}, …", listed.join(", ")))
}

/// The languages CLDR has plural rules for, for suggestions.
pub fn languages() -> impl Iterator<Item = &'static str> {
    data()
        .locales
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "root")
}

/// One CLDR locale, its rule text, and each category's sample numbers.
pub type LocaleSamples = (&'static str, String, Vec<(Category, Vec<String>)>);

/// Every CLDR locale with its rule texts and samples: each category's
/// example numbers as CLDR lists them (`@integer 2~4, 22` expanded; the
/// compact `1c6` forms and `…` left out), for tests that hold a plural
/// evaluator to CLDR.
pub fn samples() -> Vec<LocaleSamples> {
    data()
        .locales
        .iter()
        .map(|(tag, rules)| {
            let samples = rules
                .iter()
                .filter_map(|(name, rule)| {
                    let category = Category::parse(name)?;
                    let numbers = rule
                        .split('@')
                        .skip(1)
                        .flat_map(|list| {
                            let list = list
                                .trim_start_matches("integer")
                                .trim_start_matches("decimal");
                            list.split(',').flat_map(expand).collect::<Vec<_>>()
                        })
                        .collect();
                    Some((category, numbers))
                })
                .collect();
            (tag.as_str(), rules_text(rules), samples)
        })
        .collect()
}

/// `2~4` → 2, 3, 4; `0.0~0.3` → 0.0 … 0.3; `1c6` and `…` → nothing.
fn expand(sample: &str) -> Vec<String> {
    let sample = sample.trim();
    if sample.is_empty() || sample.contains(['c', 'e', '…']) {
        return Vec::new();
    }
    let Some((low, high)) = sample.split_once('~') else {
        return vec![sample.to_string()];
    };
    let decimals = low.split_once('.').map_or(0, |(_, f)| f.len());
    let scaled = |s: &str| s.replace('.', "").parse::<u64>().ok();
    let (Some(from), Some(to)) = (scaled(low), scaled(high)) else {
        return Vec::new();
    };
    (from..=to.min(from + 1000))
        .map(|n| {
            if decimals == 0 {
                n.to_string()
            } else {
                let digits = format!("{n:0width$}", width = decimals + 1);
                let (int, frac) = digits.split_at(digits.len() - decimals);
                format!("{int}.{frac}")
            }
        })
        .collect()
}

/// `tag` in canonical case (`zh-Hant-TW`, `sr-Latn`, `es-419`) when it is
/// a well-formed BCP 47 language tag errcat can use: a 2–3 letter language
/// (or 5–8 letters), an optional 4-letter script, an optional region (2
/// letters or 3 digits), then variants of 5–8 characters (or 4 starting
/// with a digit). Extensions and private use have no place in a catalog's
/// locale names. `Err` says what is wrong.
pub fn canonical_tag(tag: &str) -> Result<String, String> {
    let mut parts = tag.split(['-', '_']).peekable();
    let language = parts.next().unwrap_or_default();
    let letters = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric());
    if !(letters(language) && matches!(language.len(), 2 | 3 | 5..=8)) {
        return Err(format!(
            "`{language}` is not a language subtag (two or three letters, such as `fr` or `fil`)"
        ));
    }
    let mut out = language.to_ascii_lowercase();
    if let Some(script) = parts.next_if(|p| p.len() == 4 && letters(p)) {
        out.push('-');
        out.push_str(&script[..1].to_ascii_uppercase());
        out.push_str(&script[1..].to_ascii_lowercase());
    }
    if let Some(region) = parts.next_if(|p| {
        (p.len() == 2 && letters(p)) || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
    }) {
        out.push('-');
        out.push_str(&region.to_ascii_uppercase());
    }
    for variant in parts {
        let starts_with_digit = variant.bytes().next().is_some_and(|b| b.is_ascii_digit());
        let fits = alnum(variant)
            && ((5..=8).contains(&variant.len()) || (variant.len() == 4 && starts_with_digit));
        if !fits {
            return Err(format!(
                "`{variant}` is not a script (4 letters), region (2 letters or 3 digits) or variant subtag"
            ));
        }
        out.push('-');
        out.push_str(&variant.to_ascii_lowercase());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_canonical_or_refused() {
        assert_eq!(canonical_tag("zh_hant_tw").unwrap(), "zh-Hant-TW");
        assert_eq!(canonical_tag("es-419").unwrap(), "es-419");
        assert_eq!(canonical_tag("DE-ch-1996").unwrap(), "de-CH-1996");
        assert_eq!(canonical_tag("sl-rozaj").unwrap(), "sl-rozaj");
        for bad in ["", "f", "fr-CH-x", "fr-", "en-US-x-twain", "e1"] {
            assert!(canonical_tag(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rules_come_from_the_nearest_cldr_locale() {
        let fr_ch = plural_rules("fr-CH").unwrap();
        assert_eq!(fr_ch.cldr_locale, "fr");
        assert_eq!(
            fr_ch.categories,
            [Category::One, Category::Many, Category::Other]
        );
        assert_eq!(plural_rules("pt-PT").unwrap().cldr_locale, "pt-PT");
        assert_eq!(plural_rules("en").unwrap().rules, "one: i = 1 and v = 0");
        assert!(plural_rules("xx").is_none());
        assert_eq!(cldr_version(), "48");
    }

    #[test]
    fn every_rule_reads_and_every_sample_takes_its_category() {
        let mut checked = 0;
        for (tag, rules, samples) in samples() {
            errcat_runtime::plural::check(&rules).unwrap_or_else(|e| panic!("{tag}: {e}"));
            for (category, numbers) in samples {
                for number in numbers {
                    let got = errcat_runtime::plural::category(&rules, &number);
                    assert_eq!(got, category, "{tag}: {number} under {rules}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn sample_ranges_expand() {
        assert_eq!(expand("2~4"), ["2", "3", "4"]);
        assert_eq!(expand("0.8~1.1"), ["0.8", "0.9", "1.0", "1.1"]);
        assert_eq!(expand("0.00~0.02"), ["0.00", "0.01", "0.02"]);
        assert!(expand("1c6").is_empty());
        assert!(expand("…").is_empty());
    }
}
