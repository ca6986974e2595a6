//! Lowering: the raw entries become the [`Model`], with a [`SourceMap`] of
//! where each fact was written.
//!
//! Lowering resolves: defaults from categories and the catalog, references
//! to indices, names to wire names and docs URLs. It reports what stops a
//! value from being read (a missing field, an unknown policy, a bad type).
//! Rules about the catalog as a whole (duplicates, ranges, status classes,
//! templates, ...) are lints, each in its own file under
//! `diagnostics/rules/`, run over the lowered catalog afterwards.

mod category;
mod code;
mod cx;
mod history;
mod locales;
mod replacements;
mod retry;
mod settings;
mod source_map;

use category::lower_category;
use code::lower_code;
use history::lower_retired;
use retry::lower_retry_policies;
use settings::{lower_envelope, lower_exit_codes, lower_lints, lower_meta};

use crate::load::Loaded;
use crate::model::{Category, Model, OutputSpec};
use crate::problem::{self as diag, Problem};
use crate::raw::RawCategoryFile;
use crate::source::Sources;

pub use cx::MAX_NUMERIC;
pub use locales::DEFAULT_LOCALE;
pub use retry::NEVER;
pub use settings::{DEFAULT_DOCS_ANCHOR, DEFAULT_REQUEST_ID_HEADER};
pub use source_map::{
    CategorySource, CodeSource, LocaleSource, SourceMap, Sourced, TemplateSource,
    TranslationSource, WrittenText,
};

/// Lowers loaded sources into the model and its source map, as far as
/// they go. What stops a value from being read is pushed onto `problems`;
/// the lints run afterwards, over what this returns (`compile`). `None`
/// when there is no catalog.toml to lower.
pub fn lower(
    sources: &Sources,
    loaded: &Loaded,
    outputs: &[OutputSpec],
    problems: &mut Vec<Problem>,
) -> Option<(Model, SourceMap)> {
    let mut cx = cx::Cx {
        sources,
        problems,
        upper_wire_names: false,
        catalog_style: crate::model::EnvelopeStyle::Nested,
        broken: Default::default(),
        missing_status: Vec::new(),
        identity_pattern: None,
        http: true,
        cli: None,
        grpc_named: false,
        fault_said: false,
        request_id_header: None,
    };
    lower_catalog(&mut cx, loaded, outputs)
}

/// The codes of one category file that have no `status`: when that is every
/// one of several, one problem at the category, where one line fixes them
/// all; otherwise one per code.
fn report_missing_status(
    cx: &mut cx::Cx<'_>,
    settings: crate::source::FileId,
    category_key: Option<std::ops::Range<usize>>,
    category: Option<&str>,
    codes_in_file: usize,
) {
    let missing = std::mem::take(&mut cx.missing_status);
    match category_key {
        Some(key) if missing.len() >= 2 && missing.len() == codes_in_file => {
            let category = category.unwrap_or_default();
            let (file, first, _) = &missing[0];
            cx.push(diag::missing_status_everywhere(
                settings,
                key,
                (*file, first.clone()),
                category,
                missing.len(),
            ));
        }
        _ => {
            for (file, key, what) in missing {
                cx.push(diag::missing_status(file, key, &what, category));
            }
        }
    }
}

fn lower_catalog(
    cx: &mut cx::Cx<'_>,
    loaded: &Loaded,
    output_specs: &[OutputSpec],
) -> Option<(Model, SourceMap)> {
    let (file, settings) = loaded.settings.as_ref()?;
    let file = *file;
    let mut map = SourceMap {
        settings: file,
        ..SourceMap::default()
    };
    let meta = lower_meta(cx, file, settings.meta.as_ref());
    let envelope = lower_envelope(cx, file, settings.envelope.as_ref());
    let exit_codes = lower_exit_codes(cx, file, &settings.exit_codes);
    map.levels = lower_lints(cx, file, &settings.lints);
    let mut meta = meta;
    match (cx.cli, settings.exit_codes.first()) {
        (Some(false), Some((key, _))) => cx.push(diag::invalid_value_because(
            file,
            key.span(),
            "exit_codes",
            "the catalog says `cli = false`: it has no exit codes to document",
        )),
        // Exit codes are documented when the catalog says anything about
        // them; an HTTP API is not a CLI just because it could be one.
        (None, _) => {
            meta.cli = !exit_codes.is_empty()
                || settings
                    .categories
                    .iter()
                    .any(|c| c.body.exit_code.is_some())
                || loaded
                    .category_files
                    .iter()
                    .any(|f| f.codes.iter().any(|c| c.body.exit_code.is_some()))
        }
        _ => {}
    }
    let outputs = settings
        .outputs
        .iter()
        .map(|(name, on)| (name.get_ref().clone(), *on.get_ref()))
        .collect();
    map.outputs = settings
        .outputs
        .iter()
        .map(|(name, _)| (name.get_ref().clone(), name.span()))
        .collect();
    if !meta.http {
        for (name, on) in &settings.outputs {
            let needs_http = output_specs
                .iter()
                .any(|o| o.name == name.get_ref() && o.needs_http);
            if needs_http && *on.get_ref() {
                cx.push(diag::http_in_non_http_catalog(
                    file,
                    name.span(),
                    &format!("the `{}` output", name.get_ref()),
                ));
            }
        }
    }
    let packages = settings::lower_packages(cx, file, &meta.name, &settings.package_names);
    let retry_policies = lower_retry_policies(cx, file, &settings.retry);
    let policy_names: Vec<&str> = retry_policies.iter().map(|p| p.name.as_str()).collect();

    let mut categories: Vec<Category> = Vec::new();
    let mut defaults = Vec::new();
    for entry in &settings.categories {
        let (mut source, lowered) = lower_category(cx, file, entry, &policy_names);
        match lowered {
            Some((category, d)) => {
                source.lowered = Some(categories.len());
                categories.push(category);
                defaults.push(d);
            }
            None => {
                cx.broken
                    .insert(format!("categories.{}", entry.key.get_ref()));
            }
        }
        map.categories.push(source);
    }

    // A catalog that declares no category (gRPC's canonical codes have
    // none): every file is a file of codes, all in one implicit category
    // that no output shows.
    let categorized = !settings.categories.is_empty();
    if !categorized && !loaded.category_files.is_empty() {
        categories.push(Category::implicit());
        defaults.push(category::CategoryDefaults::none());
    }
    let mut codes = Vec::new();
    for (index, raw_file) in category_files(cx, loaded, &categories) {
        let within = code::InCategory {
            index,
            category: &categories[index],
            defaults: &defaults[index],
            policies: &retry_policies,
            policy_names: &policy_names,
        };
        for entry in &raw_file.codes {
            let (mut source, lowered) = lower_code(cx, raw_file.file, entry, &within);
            if let Some(code) = lowered {
                source.lowered = Some(codes.len());
                codes.push(code);
            }
            map.codes.push(source);
        }
        let category_key = map
            .categories
            .iter()
            .find(|c| c.lowered == Some(index))
            .map(|c| c.key.clone());
        report_missing_status(
            cx,
            file,
            category_key,
            (!categories[index].implicit).then_some(categories[index].id.as_str()),
            raw_file.codes.len(),
        );
    }
    for (i, code) in codes.iter().enumerate() {
        categories[code.category].codes.push(i);
    }
    for source in &map.categories {
        let (Some(index), Some((generic, span))) = (source.lowered, &source.generic) else {
            continue;
        };
        let category = &mut categories[index];
        let found = category
            .codes
            .iter()
            .copied()
            .find(|&i| codes[i].name == *generic || codes[i].wire_name == *generic);
        // A code of that name that did not lower has its own diagnostic;
        // saying it does not exist would be false.
        let failed = found.is_none()
            && map
                .codes
                .iter()
                .any(|c| c.lowered.is_none() && (c.name == *generic || c.wire_name == *generic));
        match (found, &category.prefix) {
            (Some(i), Some(_)) => category.generic = Some(i),
            _ if failed => {}
            _ => cx.push(diag::bad_generic(
                file,
                span.clone(),
                generic,
                &category.id,
                category.prefix.is_some(),
            )),
        }
    }
    replacements::resolve(cx, &mut codes, &map);
    for code in &mut codes {
        code.docs_url = settings::docs_url(&meta, &categories[code.category].id, &code.anchor());
    }
    history::resolve(&mut codes, &meta, loaded.lock.as_ref());
    let release = history::release(loaded.lock.as_ref());
    let building = crate::model::building_version(meta.version.as_deref(), release.as_ref());
    let (retired, retired_spans) =
        lower_retired(cx, file, &settings.retired, loaded.lock.as_ref(), building);
    map.retired = retired_spans;
    map.version = settings
        .meta
        .as_ref()
        .map(|m| m.body.version.as_ref().map_or(m.key.span(), |v| v.span()))
        .unwrap_or(0..0);
    map.unparsed_stems = loaded
        .unparsed
        .iter()
        .map(|&f| cx.sources.file(f).stem().to_string())
        .collect();
    map.category_files = loaded
        .category_files
        .iter()
        .map(|f| cx.sources.file(f.file).stem().to_string())
        .collect();
    if let Some(header) = cx.request_id_header.take() {
        meta.request_id_header = header;
    }
    meta.categorized = categorized;
    meta.faults = meta.http || cx.fault_said;
    meta.grpc = cx.grpc_named
        || codes
            .iter()
            .any(|c| c.envelope == crate::model::EnvelopeStyle::Google);
    let locale = settings.meta.as_ref().and_then(|m| m.body.locale.as_ref());
    let locales = locales::lower_locales(locale, loaded, &codes, &mut map);
    let model = Model {
        meta,
        envelope,
        retry_policies,
        categories,
        codes,
        exit_codes,
        outputs,
        retired,
        release,
        packages,
        locales,
    };
    Some((model, map))
}

/// The category files, each with its category's index, in declaration
/// order of the categories. A file named after no category is reported.
fn category_files<'l>(
    cx: &mut cx::Cx<'_>,
    loaded: &'l Loaded,
    categories: &[Category],
) -> Vec<(usize, &'l RawCategoryFile)> {
    let ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    let mut files = Vec::new();
    for raw_file in &loaded.category_files {
        let stem = cx.sources.file(raw_file.file).stem();
        match ids.iter().position(|&id| id == stem) {
            Some(index) => files.push((index, raw_file)),
            // Files of an uncategorized catalog: codes in the implicit one.
            None if categories.len() == 1 && categories[0].implicit => files.push((0, raw_file)),
            None if cx.broken.contains(&format!("categories.{stem}")) => {}
            None if ids.is_empty() && cx.broken.is_empty() => {}
            None => {
                let span = raw_file.codes.first().map_or(0..0, |c| c.key.span());
                cx.push(diag::unknown_category(raw_file.file, span, stem, &ids));
            }
        }
    }
    files.sort_by_key(|(index, _)| *index);
    files
}
