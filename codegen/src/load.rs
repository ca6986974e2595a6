//! Reads catalog sources into the raw layer, collecting every syntax, key and
//! type problem instead of stopping at the first.
//!
//! Each file is parsed to a spanned TOML document, then every entry (a code,
//! a category, a retry policy) is deserialized on its own, so one bad value
//! never hides another. Unknown keys are found by comparing against the raw
//! struct's serde field list.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::fields::RawFacts;
use crate::history::lock::{LOCK_FILE, Lock};
use crate::problem::{self, Problem};
use crate::raw::{
    Entry, RawCategory, RawCategoryFile, RawCode, RawEnvelope, RawLocaleFile, RawMeta, RawRetired,
    RawRetryPolicy, RawSettings, RawTranslation,
};
use crate::source::{CATALOG_TOML, FileId, Sources};

/// What the loader read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// catalog.toml, if present and parseable.
    pub settings: Option<(FileId, RawSettings)>,
    /// One entry per category file, in file order.
    pub category_files: Vec<RawCategoryFile>,
    /// One entry per file of translations, in file order.
    pub locale_files: Vec<RawLocaleFile>,
    /// Files that had TOML syntax errors; their content is not trusted, so
    /// follow-on checks (such as "empty category") skip them.
    pub unparsed: BTreeSet<FileId>,
    /// The lock file, when there is one and it reads.
    pub lock: Option<Lock>,
}

const TOP_LEVEL_KEYS: &[&str] = &[
    "catalog",
    "envelope",
    "exit_codes",
    "outputs",
    "retry",
    "categories",
    "retired",
    "lints",
];

/// Parses every file. Problems are pushed onto `diags`. Files are parsed on
/// all cores and merged in file order, so results do not depend on timing.
pub fn load(sources: &Sources, diags: &mut Vec<Problem>) -> Loaded {
    load_with(sources, diags, None)
}

/// Files already read, by name, with the text and id they were read with:
/// reading a catalog again after one file changed parses only that file
/// (what the language server does on every edit).
#[derive(Default)]
pub struct LoadCache {
    files: std::collections::HashMap<String, (FileId, String, FileResult, Vec<Problem>)>,
}

impl LoadCache {
    fn load(
        &mut self,
        files: &[(FileId, &crate::source::SourceFile)],
    ) -> Vec<(FileId, FileResult, Vec<Problem>)> {
        let stale: Vec<(FileId, &crate::source::SourceFile)> = files
            .iter()
            .filter(|(id, f)| !matches!(self.files.get(&f.name), Some((old, text, ..)) if old == id && *text == f.text))
            .copied()
            .collect();
        for (id, result, problems) in
            crate::par::par_map(&stale, 8, |&(id, file)| load_file(id, file))
        {
            let file = files
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, f)| f)
                .expect("a file of the list");
            self.files
                .insert(file.name.clone(), (id, file.text.clone(), result, problems));
        }
        let names: std::collections::HashSet<&str> =
            files.iter().map(|(_, f)| f.name.as_str()).collect();
        self.files.retain(|name, _| names.contains(name.as_str()));
        files
            .iter()
            .map(|(id, f)| {
                let (_, _, result, problems) = &self.files[&f.name];
                (*id, result.clone(), problems.clone())
            })
            .collect()
    }
}

/// [`load`], reusing what `cache` read of files that did not change.
pub fn load_cached(sources: &Sources, diags: &mut Vec<Problem>, cache: &mut LoadCache) -> Loaded {
    load_with(sources, diags, Some(cache))
}

fn load_with(sources: &Sources, diags: &mut Vec<Problem>, cache: Option<&mut LoadCache>) -> Loaded {
    let mut loaded = Loaded::default();
    let has_settings = sources.files().iter().any(|f| f.name == CATALOG_TOML);
    if !has_settings {
        diags.push(problem::missing_catalog_toml(&sources.dir_display));
    }
    for (name, reason) in &sources.skipped {
        diags.push(problem::unread_catalog_entry(
            &sources.dir_display,
            name,
            reason,
        ));
    }
    for &(id, offset) in &sources.invalid_utf8 {
        diags.push(problem::toml_syntax(
            id,
            offset..offset + 1,
            "the file is not valid UTF-8 from here on",
        ));
        loaded.unparsed.insert(id);
    }
    let files: Vec<(FileId, &crate::source::SourceFile)> = sources
        .iter()
        .filter(|(id, _)| !loaded.unparsed.contains(id))
        .collect();
    let results = match cache {
        None => crate::par::par_map(&files, 8, |&(id, file)| load_file(id, file)),
        Some(cache) => cache.load(&files),
    };
    for (id, result, file_diags) in results {
        diags.extend(file_diags);
        match result {
            FileResult::Unparsed => {
                loaded.unparsed.insert(id);
            }
            FileResult::Settings(settings) => loaded.settings = Some((id, *settings)),
            FileResult::Category(file) => loaded.category_files.push(file),
            FileResult::Locale(file) => loaded.locale_files.push(file),
            FileResult::Lock(lock) => loaded.lock = Some(*lock),
        }
    }
    loaded
}

#[derive(Clone)]
enum FileResult {
    Unparsed,
    Lock(Box<Lock>),
    Settings(Box<RawSettings>),
    Category(RawCategoryFile),
    Locale(RawLocaleFile),
}

fn load_file(id: FileId, file: &crate::source::SourceFile) -> (FileId, FileResult, Vec<Problem>) {
    let mut diags = Vec::new();
    if file.name == LOCK_FILE {
        return match Lock::parse(id, &file.text) {
            Ok(lock) => (id, FileResult::Lock(Box::new(lock)), diags),
            Err((message, span)) => {
                diags.push(problem::bad_lock(id, span, &message));
                (id, FileResult::Unparsed, diags)
            }
        };
    }
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if !errors.is_empty() {
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            diags.push(problem::toml_syntax(id, span, e.message()));
        }
        return (id, FileResult::Unparsed, diags);
    }
    let doc = doc.into_inner();
    check_text(id, &doc, &mut diags);
    let result = if file.name == CATALOG_TOML {
        FileResult::Settings(Box::new(read_settings(id, &doc, &mut diags)))
    } else if let Some(tag) = file.locale() {
        let codes = doc
            .iter()
            .filter_map(|(key, value)| {
                read_entry::<RawTranslation>(id, key, value, "a translation", &mut diags)
            })
            .collect();
        FileResult::Locale(RawLocaleFile {
            file: id,
            tag: tag.to_string(),
            codes,
        })
    } else {
        let mut codes = Vec::new();
        for (key, value) in doc.iter() {
            if misplaced_settings(id, key, value, &mut diags) {
                continue;
            }
            codes.extend(read_entry::<RawCode>(id, key, value, "a code", &mut diags));
        }
        FileResult::Category(RawCategoryFile { file: id, codes })
    };
    (id, result, diags)
}

/// Whether an entry of a file of codes is a catalog.toml table written in
/// the wrong file (`[retired.old_code]`, `[retry.fast]`): a top-level key of
/// catalog.toml holding only tables, which no code is. Reported once, as
/// such, rather than as a code with unknown keys and no title.
fn misplaced_settings(
    file: FileId,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue<'_>>,
    diags: &mut Vec<Problem>,
) -> bool {
    let name = key.get_ref().as_ref();
    let only_tables = match value.get_ref() {
        DeValue::Table(table) => {
            !table.is_empty()
                && table
                    .iter()
                    .all(|(_, v)| matches!(v.get_ref(), DeValue::Table(_)))
        }
        _ => false,
    };
    if !TOP_LEVEL_KEYS.contains(&name) || !only_tables {
        return false;
    }
    diags.push(problem::invalid_value_because(
        file,
        key.span(),
        name,
        &format!("`[{name}.*]` tables belong in catalog.toml; this file holds codes"),
    ));
    true
}

/// Every string in the file: no control characters anywhere (E0038), and
/// no blank text where text is meant (E0037).
fn check_text(file: FileId, table: &DeTable<'_>, diags: &mut Vec<Problem>) {
    for (key, value) in table {
        check_value(file, key.get_ref(), value, diags);
    }
}

fn check_value(file: FileId, key: &str, value: &Spanned<DeValue<'_>>, diags: &mut Vec<Problem>) {
    match value.get_ref() {
        DeValue::String(text) => {
            let span = value.span();
            diags.extend(problem::control_character_in(file, key, text, span.clone()));
            diags.extend(problem::blank_text_in(file, key, text, span));
        }
        DeValue::Array(items) => {
            for item in items {
                check_value(file, key, item, diags);
            }
        }
        DeValue::Table(table) => check_text(file, table, diags),
        _ => {}
    }
}

fn read_settings(file: FileId, doc: &DeTable<'_>, diags: &mut Vec<Problem>) -> RawSettings {
    let mut settings = RawSettings::default();
    for (key, value) in doc {
        match key.get_ref().as_ref() {
            "catalog" => {
                settings.meta = read_entry::<RawMeta>(file, key, value, "[catalog]", diags)
            }
            "envelope" => {
                settings.envelope = read_entry::<RawEnvelope>(file, key, value, "[envelope]", diags)
            }
            "retry" => {
                settings.retry = read_entries::<RawRetryPolicy>(
                    file,
                    value,
                    "retry policies",
                    "a retry policy",
                    diags,
                )
            }
            "categories" => {
                settings.categories =
                    read_entries::<RawCategory>(file, value, "categories", "a category", diags)
            }
            "exit_codes" => {
                settings.exit_codes = read_text_table(
                    file,
                    value,
                    "exit_codes",
                    "a table of exit code = \"meaning\"",
                    "the exit code's meaning as a string",
                    diags,
                )
            }
            "lints" => {
                settings.lints = read_text_table(
                    file,
                    value,
                    "lints",
                    "a table of rule = \"allow\", \"warn\" or \"deny\"",
                    "\"allow\", \"warn\" or \"deny\"",
                    diags,
                )
            }
            "outputs" => {
                (settings.outputs, settings.package_names) = read_outputs(file, value, diags)
            }
            "retired" => {
                settings.retired = read_entries::<RawRetired>(
                    file,
                    value,
                    "retired codes",
                    "a retired code",
                    diags,
                )
            }
            other => diags.push(problem::unknown_key(
                file,
                key.span(),
                other,
                "catalog.toml",
                TOP_LEVEL_KEYS,
            )),
        }
    }
    settings
}

pub use crate::raw::PACKAGE_KEYS;

type Outputs = (
    Vec<(crate::raw::Str, Spanned<bool>)>,
    Vec<(crate::raw::Str, crate::raw::Str)>,
);

/// Reads `[outputs]`: a table of output name to `true` or `false`, and the
/// package names of [`PACKAGE_KEYS`].
fn read_outputs(file: FileId, value: &Spanned<DeValue<'_>>, diags: &mut Vec<Problem>) -> Outputs {
    let DeValue::Table(table) = value.get_ref() else {
        let found = value.get_ref().type_str();
        diags.push(problem::wrong_type(
            file,
            value.span(),
            "outputs",
            &format!("expected a table of output = true or false, found {found}"),
        ));
        return Default::default();
    };
    let mut out = Vec::new();
    let mut names = Vec::new();
    for (key, on) in table {
        let is_name = PACKAGE_KEYS
            .iter()
            .any(|(k, _)| *k == key.get_ref().as_ref());
        match on.get_ref() {
            DeValue::String(name) if is_name => names.push((
                Spanned::new(key.span(), key.get_ref().to_string()),
                Spanned::new(on.span(), name.to_string()),
            )),
            other if is_name => diags.push(problem::wrong_type(
                file,
                on.span(),
                key.get_ref(),
                &format!("expected a package name, found {}", other.type_str()),
            )),
            DeValue::Boolean(on_off) => out.push((
                Spanned::new(key.span(), key.get_ref().to_string()),
                Spanned::new(on.span(), *on_off),
            )),
            other => diags.push(problem::wrong_type(
                file,
                on.span(),
                key.get_ref(),
                &format!("expected true or false, found {}", other.type_str()),
            )),
        }
    }
    (out, names)
}

/// Reads a table of key to text, such as `[exit_codes]` (exit code to
/// meaning) or `[lints]` (rule to level); `table` and `text` say what each
/// is expected to be.
fn read_text_table(
    file: FileId,
    value: &Spanned<DeValue<'_>>,
    name: &str,
    table: &str,
    text: &str,
    diags: &mut Vec<Problem>,
) -> Vec<(crate::raw::Str, crate::raw::Str)> {
    let DeValue::Table(entries) = value.get_ref() else {
        let found = value.get_ref().type_str();
        diags.push(problem::wrong_type(
            file,
            value.span(),
            name,
            &format!("expected {table}, found {found}"),
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, meaning) in entries {
        match meaning.get_ref().as_str() {
            Some(text) => out.push((
                Spanned::new(key.span(), key.get_ref().to_string()),
                Spanned::new(meaning.span(), text.to_string()),
            )),
            None => {
                let found = meaning.get_ref().type_str();
                diags.push(problem::wrong_type(
                    file,
                    meaning.span(),
                    key.get_ref(),
                    &format!("expected {text}, found {found}"),
                ));
            }
        }
    }
    out
}

/// Reads a table of tables such as `[retry.standard]`, `[retry.never]`.
fn read_entries<T: Table>(
    file: FileId,
    value: &Spanned<DeValue<'_>>,
    group: &str,
    what: &str,
    diags: &mut Vec<Problem>,
) -> Vec<Entry<T>> {
    match value.get_ref() {
        DeValue::Table(table) => table
            .iter()
            .filter_map(|(key, value)| read_entry::<T>(file, key, value, what, diags))
            .collect(),
        other => {
            diags.push(problem::wrong_type(
                file,
                value.span(),
                group,
                &format!("expected a table of {group}, found {}", other.type_str()),
            ));
            Vec::new()
        }
    }
}

/// A table type of the raw layer: its keys, and how it is read from TOML.
trait Table: Default + Sized {
    /// Every key the table may hold.
    fn keys() -> Vec<&'static str>;
    /// Reads the table.
    fn read(span: Range<usize>, table: DeTable<'_>) -> Result<Self, toml::de::Error>;
}

macro_rules! plain_tables {
    ($($t:ty),*) => {$(
        impl Table for $t {
            fn keys() -> Vec<&'static str> {
                serde_fields::<$t>().to_vec()
            }
            fn read(span: Range<usize>, table: DeTable<'_>) -> Result<Self, toml::de::Error> {
                deserialize_table(span, table)
            }
        }
    )*};
}

plain_tables!(
    RawMeta,
    RawEnvelope,
    RawRetryPolicy,
    RawRetired,
    RawTranslation
);

/// Codes and categories: their own fields, plus the declared facts of
/// `fields.rs` (for a category, those it may default).
macro_rules! tables_with_facts {
    ($($t:ty => $category:literal),*) => {$(
        impl Table for $t {
            fn keys() -> Vec<&'static str> {
                let mut keys = serde_fields::<$t>().to_vec();
                keys.extend(RawFacts::keys($category));
                keys
            }
            fn read(span: Range<usize>, table: DeTable<'_>) -> Result<Self, toml::de::Error> {
                let mut raw: $t = deserialize_table(span.clone(), table.clone())?;
                raw.facts = deserialize_table(span, table)?;
                Ok(raw)
            }
        }
    )*};
}

tables_with_facts!(RawCode => false, RawCategory => true);

/// Reads one table into `T`, reporting unknown keys and each unusable value.
fn read_entry<T: Table>(
    file: FileId,
    key: &Spanned<toml::de::DeString<'_>>,
    value: &Spanned<DeValue<'_>>,
    what: &str,
    diags: &mut Vec<Problem>,
) -> Option<Entry<T>> {
    let key_text = key.get_ref().to_string();
    let entry_key = Spanned::new(key.span(), key_text.clone());
    let DeValue::Table(table) = value.get_ref() else {
        diags.push(problem::wrong_type(
            file,
            value.span(),
            &key_text,
            &format!(
                "expected a table describing {what}, found {}",
                value.get_ref().type_str()
            ),
        ));
        return None;
    };
    let fields = T::keys();
    let mut known = DeTable::new();
    for (k, v) in table {
        if fields.contains(&k.get_ref().as_ref()) {
            known.insert(k.clone(), v.clone());
        } else {
            let context = format!("{what} (`{key_text}`)");
            diags.push(problem::unknown_key(
                file,
                k.span(),
                k.get_ref(),
                &context,
                &fields,
            ));
        }
    }
    let span = value.span();
    let extent = table.iter().fold(span.clone(), |acc, (k, v)| {
        acc.start.min(k.span().start)..acc.end.max(v.span().end)
    });
    if let Ok(body) = T::read(span.clone(), known.clone()) {
        return Some(Entry {
            key: entry_key,
            span,
            extent,
            body,
            broken: Vec::new(),
        });
    }
    // Something is mistyped: try each key alone to report every bad value.
    let mut broken = Vec::new();
    let mut usable = DeTable::new();
    for (k, v) in &known {
        let mut single = DeTable::new();
        single.insert(k.clone(), v.clone());
        match T::read(span.clone(), single) {
            Ok(_) => {
                usable.insert(k.clone(), v.clone());
            }
            Err(e) => {
                let field = k.get_ref().to_string();
                let at = e
                    .span()
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| v.span());
                diags.push(problem::wrong_type(
                    file,
                    at,
                    &field,
                    &plain_type_names(e.message()),
                ));
                broken.push(field);
            }
        }
    }
    let body = T::read(span.clone(), usable).unwrap_or_default();
    Some(Entry {
        key: entry_key,
        extent,
        span,
        body,
        broken,
    })
}

/// serde's messages name Rust types; catalog authors think in TOML types.
fn plain_type_names(message: &str) -> String {
    let replacements = [
        ("expected i64", "expected an integer"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected an array"),
        ("expected a map", "expected a table"),
        ("invalid type: sequence", "invalid type: array"),
        ("invalid type: map", "invalid type: table"),
        ("invalid type: floating point", "invalid type: float"),
    ];
    replacements
        .iter()
        .fold(message.to_string(), |m, (from, to)| m.replace(from, to))
}

fn deserialize_table<T: DeserializeOwned>(
    span: Range<usize>,
    table: DeTable<'_>,
) -> Result<T, toml::de::Error> {
    T::deserialize(ValueDeserializer::from(Spanned::new(
        span,
        DeValue::Table(table),
    )))
}

/// The field names serde derives for `T`, read by asking `T` to deserialize
/// itself from a deserializer that only records them.
fn serde_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    let grab = FieldGrab::default();
    let _ = T::deserialize(&grab);
    grab.0.get()
}

#[derive(Default)]
struct FieldGrab(std::cell::Cell<&'static [&'static str]>);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Stop {}

impl serde::de::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Stop
    }
}

impl<'de> serde::Deserializer<'de> for &FieldGrab {
    type Error = Stop;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.set(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_fields_lists_renamed_fields() {
        let fields = serde_fields::<RawCategory>();
        assert!(fields.contains(&"type"));
        assert!(fields.contains(&"range"));
        assert!(!fields.contains(&"error_type"));
    }
}
