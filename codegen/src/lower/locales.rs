//! Locales: the default (`[catalog] locale`, else `en`) and each locale of
//! `locales/`, with its CLDR plural rules and each code's translated texts
//! ([`Model::locales`](crate::model::Model::locales)); where each
//! translation was written goes to the source map for the rules. A tag
//! errcat cannot use, a code the catalog lacks and a second translation of
//! one code are left out here and reported by their rules.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::l10n;
use crate::load::Loaded;
use crate::model::{Code, Locale, Text, Translation};
use crate::raw::Str;

use super::source_map::{LocaleSource, SourceMap, TranslationSource, WrittenText};

/// The default locale's tag when the catalog does not say.
pub const DEFAULT_LOCALE: &str = "en";

/// Lowers the locales; `written` is `[catalog] locale`, when written.
pub(super) fn lower_locales(
    written: Option<&Str>,
    loaded: &Loaded,
    codes: &[Code],
    map: &mut SourceMap,
) -> Vec<Locale> {
    let default_tag = written.map_or(DEFAULT_LOCALE, |t| t.get_ref().as_str());
    let default_rules = l10n::canonical_tag(default_tag)
        .ok()
        .and_then(|tag| Some((tag.clone(), l10n::plural_rules(&tag)?)));
    map.default_locale = LocaleSource {
        tag: default_tag.to_string(),
        files: Vec::new(),
        span: written.map(|t| t.span()),
        usable: default_rules.is_some(),
        lowered: Some(0),
    };
    let (tag, rules) = default_rules.unwrap_or_else(|| {
        let english = l10n::plural_rules(DEFAULT_LOCALE).expect("CLDR has English");
        (default_tag.to_string(), english)
    });
    let mut locales = vec![Locale {
        tag,
        parent: 0,
        plurals: rules.rules,
        categories: rules.categories,
        texts: Vec::new(),
    }];

    // The files of each locale, by canonical tag (or as written, when the
    // tag is not one), in file order.
    let mut by_tag: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (at, file) in loaded.locale_files.iter().enumerate() {
        let key = l10n::canonical_tag(&file.tag).unwrap_or_else(|_| file.tag.clone());
        by_tag.entry(key).or_default().push(at);
    }
    let names: HashMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.as_str(), i))
        .collect();
    for (tag, files) in by_tag {
        let usable = l10n::canonical_tag(&tag).is_ok()
            && !tag.eq_ignore_ascii_case(&locales[0].tag)
            && map.default_locale.usable;
        let rules = usable.then(|| l10n::plural_rules(&tag)).flatten();
        let lowered = rules.as_ref().map(|_| locales.len());
        let source_index = map.locales.len();
        map.locales.push(LocaleSource {
            tag: tag.clone(),
            files: files
                .iter()
                .map(|&f| {
                    let file = &loaded.locale_files[f];
                    (file.file, file.tag.clone())
                })
                .collect(),
            span: None,
            usable: rules.is_some(),
            lowered,
        });
        let mut texts = vec![Translation::default(); codes.len()];
        let mut first: HashMap<usize, usize> = HashMap::new();
        for &f in &files {
            let file = &loaded.locale_files[f];
            for entry in &file.codes {
                let code = names.get(entry.key.get_ref().as_str()).copied();
                let duplicate_of = code.and_then(|c| first.get(&c).copied());
                let body = &entry.body;
                let written = |text: Text, value: &Option<Str>| {
                    value
                        .as_ref()
                        .map(|v| WrittenText::new(text, v.get_ref(), v.span()))
                };
                let texts_written: Vec<WrittenText> = [
                    written(Text::Title, &body.title),
                    written(Text::Message, &body.message),
                    written(Text::Solution, &body.solution),
                ]
                .into_iter()
                .flatten()
                .collect();
                let source = body.source.as_ref().map(|s| {
                    let inner = s.get_ref();
                    let recorded: Vec<WrittenText> = [
                        written(Text::Title, &inner.title),
                        written(Text::Message, &inner.message),
                        written(Text::Solution, &inner.solution),
                    ]
                    .into_iter()
                    .flatten()
                    .collect();
                    (s.span(), recorded)
                });
                if let (Some(code), None, Some(_)) = (code, duplicate_of, lowered) {
                    first.insert(code, map.translations.len());
                    let slot = &mut texts[code];
                    for written in &texts_written {
                        let value = Some(written.text.clone());
                        match written.kind {
                            Text::Title => slot.title = value,
                            Text::Message => slot.message = value,
                            Text::Solution => slot.solution = value,
                        }
                    }
                }
                map.translations.push(TranslationSource {
                    file: file.file,
                    locale: source_index,
                    key: entry.key.span(),
                    entry: entry.extent.clone(),
                    name: entry.key.get_ref().clone(),
                    code,
                    duplicate_of,
                    texts: texts_written,
                    source,
                });
            }
        }
        if let Some(rules) = rules {
            locales.push(Locale {
                tag: tag.clone(),
                parent: 0,
                plurals: rules.rules,
                categories: rules.categories,
                texts,
            });
        }
    }
    // Each locale's nearest ancestor in the catalog (`fr` for `fr-CH`).
    let tags: Vec<String> = locales.iter().map(|l| l.tag.clone()).collect();
    for locale in locales.iter_mut().skip(1) {
        let mut tag = locale.tag.as_str();
        locale.parent = loop {
            let Some(cut) = tag.rfind('-') else { break 0 };
            tag = &tag[..cut];
            if let Some(at) = tags.iter().skip(1).position(|t| t == tag) {
                break at + 1;
            }
        };
    }
    locales
}

impl WrittenText {
    fn new(kind: Text, text: &str, span: Range<usize>) -> Self {
        WrittenText {
            kind,
            text: text.to_string(),
            span,
        }
    }
}
