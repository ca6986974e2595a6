//! Where each fact of the model was written, for diagnostics: the spans of
//! every category and code entry, including entries that failed to lower,
//! with as much of each as could be resolved. Lints read this beside the
//! model; emitters never do.

use std::ops::Range;

use crate::model::{Fault, Kind};
use crate::source::{FileId, Sources};

/// Spans of the whole catalog.
#[derive(Debug, Default)]
pub struct SourceMap {
    /// catalog.toml.
    pub settings: FileId,
    /// Every `[categories.<id>]` entry, lowered or not, in file order.
    pub categories: Vec<CategorySource>,
    /// Every code entry of a known category's file, lowered or not, in
    /// model order.
    pub codes: Vec<CodeSource>,
    /// Stems of files that failed to parse: they may hold missing codes.
    pub unparsed_stems: Vec<String>,
    /// Stems of the category files that were read.
    pub category_files: Vec<String>,
    /// The names of `[outputs]`, with their spans in catalog.toml.
    pub outputs: Vec<(String, Range<usize>)>,
    /// The `[retired.*]` tombstones, with the spans of their keys in
    /// catalog.toml.
    pub retired: Vec<(String, Range<usize>)>,
    /// The span of `[catalog] version`, or of `[catalog]`.
    pub version: Range<usize>,
    /// The levels `[lints]` sets.
    pub levels: crate::diag_code::Levels,
    /// The default locale: `[catalog] locale` (with its span) or `en`.
    pub default_locale: LocaleSource,
    /// Each locale of `locales/`, by tag, as its files name it.
    pub locales: Vec<LocaleSource>,
    /// Every translation entry, lowered or not, by locale, then file order.
    pub translations: Vec<TranslationSource>,
}

/// A locale, as the catalog names it.
#[derive(Debug, Default)]
pub struct LocaleSource {
    /// Its tag: canonical when it is well-formed, else as written.
    pub tag: String,
    /// The files of its translations, with the tag as each path writes it.
    pub files: Vec<(FileId, String)>,
    /// The span of `[catalog] locale`, for the default locale when written.
    pub span: Option<Range<usize>>,
    /// Whether it is a well-formed tag CLDR has plural rules for (and, for
    /// a locale of `locales/`, not the default).
    pub usable: bool,
    /// Index into `Model::locales`, when it lowered.
    pub lowered: Option<usize>,
}

/// A text as written in a file, with its span.
#[derive(Debug, Clone)]
pub struct WrittenText {
    /// Which text.
    pub kind: crate::model::Text,
    /// What it says.
    pub text: String,
    /// The span of its value.
    pub span: Range<usize>,
}

/// One `[<code>]` table of a locale's file.
#[derive(Debug)]
pub struct TranslationSource {
    /// The file it is in.
    pub file: FileId,
    /// Index into `SourceMap::locales`.
    pub locale: usize,
    /// The span of its table key.
    pub key: Range<usize>,
    /// From its first key to its last value.
    pub entry: Range<usize>,
    /// The code name it is keyed by.
    pub name: String,
    /// Index into `Model::codes`, when the catalog has that code.
    pub code: Option<usize>,
    /// Index into `SourceMap::translations` of the locale's first
    /// translation of the same code, when this is a second one.
    pub duplicate_of: Option<usize>,
    /// Its texts.
    pub texts: Vec<WrittenText>,
    /// Its `source` (the span of the value and the texts it records).
    pub source: Option<(Range<usize>, Vec<WrittenText>)>,
}

impl SourceMap {
    /// The translations that lowered, each with its locale's index in
    /// `Model::locales` and its code's index in `Model::codes`: a usable
    /// locale's first translation of a code the catalog has.
    pub fn live_translations(&self) -> impl Iterator<Item = (&TranslationSource, usize, usize)> {
        self.translations.iter().filter_map(|t| {
            let locale = self.locales.get(t.locale)?.lowered?;
            let code = t.code.filter(|_| t.duplicate_of.is_none())?;
            Some((t, locale, code))
        })
    }
}

impl TranslationSource {
    /// The text `kind`, if written.
    pub fn text(&self, kind: crate::model::Text) -> Option<&WrittenText> {
        self.texts.iter().find(|t| t.kind == kind)
    }

    /// The source text recorded for `kind`, if any.
    pub fn source_text(&self, kind: crate::model::Text) -> Option<&WrittenText> {
        self.source.as_ref()?.1.iter().find(|t| t.kind == kind)
    }
}

/// A code whose message and params both read: what the template rules
/// check.
pub struct TemplateSource<'a> {
    /// The code.
    pub code: &'a CodeSource,
    /// Its message template.
    pub message: &'a str,
    /// The span of the message value.
    pub span: &'a Range<usize>,
    /// Its declared params, with their spans.
    pub params: &'a [(String, Range<usize>)],
}

impl CodeSource {
    /// The span of `key`'s value when the code's table writes it on a line
    /// of its own (`key = value`), else the code's key.
    pub fn key_span(&self, sources: &Sources, key: &str) -> Range<usize> {
        let text = &sources.file(self.file).text;
        let Some(table) = text.get(self.entry.clone()) else {
            return self.key.clone();
        };
        let mut offset = self.entry.start;
        for line in table.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed.strip_prefix(key)
                && let Some(value) = rest.trim_start().strip_prefix('=')
            {
                let value_text = value.trim();
                let start =
                    offset + (line.len() - value.len()) + (value.len() - value.trim_start().len());
                return start..start + value_text.len();
            }
            offset += line.len();
        }
        self.key.clone()
    }
}

impl SourceMap {
    /// Every code whose message and params both read.
    pub fn templates(&self) -> impl Iterator<Item = TemplateSource<'_>> {
        self.codes.iter().filter_map(|code| {
            let (message, span) = code.message.as_ref()?;
            Some(TemplateSource {
                code,
                message,
                span,
                params: code.params.as_deref()?,
            })
        })
    }

    /// The code entries with their indices, in the documented file order
    /// (catalog.toml first, then by name; by position within a file), so
    /// "first defined here" means first in that order.
    pub fn codes_in_file_order(&self) -> Vec<(usize, &CodeSource)> {
        let mut codes: Vec<(usize, &CodeSource)> = self.codes.iter().enumerate().collect();
        codes.sort_by_key(|(_, c)| (c.file, c.key.start));
        codes
    }
}

/// One category entry of catalog.toml.
#[derive(Debug)]
pub struct CategorySource {
    /// Its id as written.
    pub id: String,
    /// The span of its key.
    pub key: Range<usize>,
    /// The span of its `range`, if written.
    pub range: Option<Range<usize>>,
    /// Its `prefix`, with the span of the value.
    pub prefix: Option<(String, Range<usize>)>,
    /// Its `generic`, with the span of the value.
    pub generic: Option<(String, Range<usize>)>,
    /// Its fault, if valid.
    pub fault: Option<Fault>,
    /// The default kind of its codes.
    pub kind: Kind,
    /// Its default status, if written and valid, with its span.
    pub status: Option<(u16, Range<usize>)>,
    /// Index into `Model::categories`, when it lowered.
    pub lowered: Option<usize>,
    /// The warnings its own `allow` names, each with the span of its name.
    pub allow: Vec<(crate::diag_code::DiagCode, Range<usize>)>,
}

/// A resolved value and, when the code wrote it itself, where.
pub type Sourced<T> = Option<(T, Option<Range<usize>>)>;

/// One code entry of a category file.
#[derive(Debug)]
pub struct CodeSource {
    /// The file it is in.
    pub file: FileId,
    /// The span of its table key.
    pub key: Range<usize>,
    /// The span of its whole table.
    pub entry: Range<usize>,
    /// Its name as written.
    pub name: String,
    /// Its name on the wire.
    pub wire_name: String,
    /// Its `name`, when its identity is not a snake_case name.
    pub condition: Option<String>,
    /// Whether the catalog says other codes share its `name`.
    pub shared_name: bool,
    /// Its `identifier`, when written.
    pub identifier: Option<String>,
    /// Index into `Model::categories`.
    pub category: usize,
    /// The number duplicates are checked on: the name of a numeric-only
    /// code, else its `numeric`.
    pub identity_numeric: Option<u32>,
    /// Its valid numeric code, with the span to blame (the key of a
    /// numeric-only code).
    pub numeric: Option<(u32, Range<usize>)>,
    /// The span of its `numeric` key's value, if written.
    pub numeric_span: Option<Range<usize>>,
    /// Status, own or the category's.
    pub status: Sourced<u16>,
    /// Fault, own or the category's.
    pub fault: Sourced<Fault>,
    /// Kind, own or the category's.
    pub kind: Sourced<Kind>,
    /// Index into `Model::retry_policies`, own or the category's.
    pub retry: Sourced<usize>,
    /// CLI exit code, own, the category's or the default.
    pub exit_code: Sourced<u8>,
    /// Its message template and the span of its value.
    pub message: Option<(String, Range<usize>)>,
    /// Its declared params (names and spans), when they are all valid.
    pub params: Option<Vec<(String, Range<usize>)>>,
    /// Whether it is deprecated.
    pub deprecated: bool,
    /// Its `replaced_by`, with the span of the value.
    pub replaced_by: Option<(String, Range<usize>)>,
    /// Its aliases, each with its span.
    pub aliases: Vec<(String, Range<usize>)>,
    /// Index into `Model::codes`, when it lowered.
    pub lowered: Option<usize>,
    /// The warnings it allows (its own and its category's `allow`).
    pub allow: Vec<crate::diag_code::DiagCode>,
    /// The warnings its own `allow` names, each with the span of its name.
    pub own_allow: Vec<(crate::diag_code::DiagCode, Range<usize>)>,
}
