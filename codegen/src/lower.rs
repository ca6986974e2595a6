//! Validates the raw layer and lowers it into the [`Model`], collecting every
//! problem with its place.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Duration;

use crate::diagnostics::{self as diag, Diagnostic, Severity};
use crate::ident;
use crate::load::Loaded;
use crate::model::{
    Backoff, Category, Code, Envelope, EnvelopeStyle, Example, Fault, FieldCase, Jitter, Kind,
    Meta, Model, Param, ParamType, RequestIdPlacement, RetryPolicy, RetryStrategy,
};
use crate::raw::{Entry, Int, RawCategory, RawCode, RawRetryPolicy, Str};
use crate::source::{FileId, Sources};
use errcat_runtime::template::{self, Piece};

/// The retry policy every catalog has, declared or not.
pub const NEVER: &str = "never";
/// The anchor pattern used when catalog.toml gives none.
pub const DEFAULT_DOCS_ANCHOR: &str = "{category}.md#{code}";
/// The largest numeric code (`u32::MAX` is kept free as a sentinel).
pub const MAX_NUMERIC: i64 = u32::MAX as i64 - 1;

const STRATEGIES: &[&str] = &["never", "backoff", "after_header"];
const JITTERS: &[&str] = &["none", "full", "equal"];
const FAULTS: &[&str] = &["client", "server", "none"];
const KINDS: &[&str] = &["error", "success", "pending"];
const STYLES: &[&str] = &["nested", "problem", "detail"];
const CODE_CASES: &[&str] = &["snake", "upper"];
const PLACEMENTS: &[&str] = &["inside", "outside"];
const CASES: &[&str] = &["snake", "camel"];
/// 4xx statuses for which a retry can succeed unchanged.
const RETRYABLE_4XX: &[u16] = &[408, 409, 425, 429];

/// Lowers loaded sources. Returns the model only if no error was found;
/// warnings and errors are pushed onto `diags` either way.
pub fn lower(sources: &Sources, loaded: &Loaded, diags: &mut Vec<Diagnostic>) -> Option<Model> {
    let mut cx = Lowerer {
        sources,
        diags,
        upper_wire_names: false,
        catalog_style: EnvelopeStyle::Nested,
        broken: Default::default(),
    };
    let model = cx.lower(loaded);
    let failed = cx.diags.iter().any(|d| d.severity == Severity::Error);
    if failed { None } else { model }
}

struct Lowerer<'a> {
    sources: &'a Sources,
    diags: &'a mut Vec<Diagnostic>,
    /// `code_case = "upper"`: codes go on the wire as `RATE_LIMITED`.
    upper_wire_names: bool,
    /// The catalog's envelope style, which categories and codes may override.
    catalog_style: EnvelopeStyle,
    /// Retry policies and categories that are declared but invalid: they
    /// are reported once, and references to them are not errors again.
    broken: std::collections::HashSet<String>,
}

/// A code's identity as written, known even when the rest of the code fails
/// to lower, so duplicates and collisions are always reported.
struct CodeOrigin {
    name: String,
    wire_name: String,
    /// Where the code sets its own exit code, if it does.
    exit_code: Option<Range<usize>>,
    variant: String,
    numeric_value: Option<u32>,
    file: FileId,
    key: Range<usize>,
    numeric: Option<Range<usize>>,
    replaced_by: Option<(String, Range<usize>)>,
    aliases: Vec<(String, Range<usize>)>,
}

/// A category's defaults, with where each was written.
struct CategoryDefaults {
    kind: Kind,
    status: Option<(u16, Range<usize>)>,
    retry: Option<(usize, Range<usize>)>,
    exit_code: Option<(u8, Range<usize>)>,
    sdk_exception: Option<String>,
}

impl Lowerer<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn lower(&mut self, loaded: &Loaded) -> Option<Model> {
        let (settings_file, settings) = loaded.settings.as_ref()?;
        let file = *settings_file;

        let meta = self.lower_meta(file, settings.meta.as_ref());
        let envelope = self.lower_envelope(file, settings.envelope.as_ref());
        let exit_codes = self.lower_exit_codes(file, &settings.exit_codes);
        let retry_policies = self.lower_retry_policies(file, &settings.retry);
        let policy_names: Vec<&str> = retry_policies.iter().map(|p| p.name.as_str()).collect();

        let mut categories = Vec::new();
        let mut defaults = Vec::new();
        let mut category_spans = Vec::new();
        for entry in &settings.categories {
            let lowered = self.lower_category(file, entry, &policy_names);
            if lowered.is_none() {
                self.broken
                    .insert(format!("categories.{}", entry.key.get_ref()));
            }
            if let Some((category, d)) = lowered {
                category_spans.push((
                    entry.key.span(),
                    entry.body.range.as_ref().map(|r| r.span()),
                ));
                categories.push(category);
                defaults.push(d);
            }
        }
        self.check_range_overlaps(file, &categories, &category_spans);
        self.check_ident_collisions(
            categories
                .iter()
                .zip(&category_spans)
                .map(|(c, s)| (c.variant.as_str(), file, s.0.clone())),
        );

        let mut codes = Vec::new();
        let mut origins = Vec::new();
        // For each lowered code, the index of its origin.
        let mut code_origin = Vec::new();
        let category_ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
        // Category files in declaration order of their categories.
        let mut files: Vec<(usize, &crate::raw::RawCategoryFile)> = Vec::new();
        for raw_file in &loaded.category_files {
            let source = self.sources.file(raw_file.file);
            match category_ids.iter().position(|&id| id == source.stem()) {
                Some(index) => files.push((index, raw_file)),
                None if self
                    .broken
                    .contains(&format!("categories.{}", source.stem())) => {}
                None => {
                    let span = raw_file.codes.first().map_or(0..0, |c| c.key.span());
                    self.push(diag::unknown_category(
                        raw_file.file,
                        span,
                        source.stem(),
                        &category_ids,
                    ));
                }
            }
        }
        files.sort_by_key(|(index, _)| *index);
        for (category_index, raw_file) in files {
            for entry in &raw_file.codes {
                let lowered = self.lower_code(
                    raw_file.file,
                    entry,
                    category_index,
                    &categories[category_index],
                    &defaults[category_index],
                    &retry_policies,
                    &policy_names,
                );
                origins.push(identity(raw_file.file, entry, self.upper_wire_names));
                if let Some(code) = lowered {
                    categories[category_index].codes.push(codes.len());
                    codes.push(code);
                    code_origin.push(origins.len() - 1);
                }
            }
        }

        self.check_duplicates(&origins);
        self.check_ident_collisions(
            origins
                .iter()
                .map(|o| (o.variant.as_str(), o.file, o.key.clone())),
        );
        self.resolve_replacements(&mut codes, &origins, &code_origin);
        self.check_emptiness(file, loaded, &categories, &category_spans, codes.is_empty());

        for code in &mut codes {
            code.docs_url = docs_url(&meta, &categories[code.category].id, &code.name);
        }
        if !exit_codes.is_empty() {
            let declared: Vec<u8> = exit_codes.iter().map(|(c, _)| *c).collect();
            for (code, &o) in codes.iter().zip(&code_origin) {
                if !declared.contains(&code.exit_code) {
                    let origin = &origins[o];
                    let span = origin.exit_code.clone().unwrap_or(origin.key.clone());
                    self.push(diag::undeclared_exit_code(
                        origin.file,
                        span,
                        code.exit_code,
                        &code.name,
                        &declared,
                    ));
                }
            }
        }
        Some(Model {
            meta,
            envelope,
            retry_policies,
            categories,
            codes,
            exit_codes,
        })
    }

    // -- catalog.toml ---------------------------------------------------------

    fn lower_meta(&mut self, file: FileId, entry: Option<&Entry<crate::raw::RawMeta>>) -> Meta {
        let Some(entry) = entry else {
            self.push(diag::missing_field(file, 0..0, "[catalog]", "catalog.toml"));
            return Meta {
                name: String::new(),
                version: None,
                description: None,
                docs_base_url: String::new(),
                docs_anchor: DEFAULT_DOCS_ANCHOR.into(),
            };
        };
        let raw = &entry.body;
        let name = self
            .required_str(file, entry, &raw.name, "name", "[catalog]")
            .unwrap_or_default();
        let docs_anchor = match &raw.docs_anchor {
            Some(anchor) => {
                self.check_anchor(file, anchor);
                anchor.get_ref().clone()
            }
            None => DEFAULT_DOCS_ANCHOR.to_string(),
        };
        Meta {
            name,
            version: text(&raw.version),
            description: text(&raw.description),
            docs_base_url: raw
                .docs_base_url
                .as_ref()
                .map(|u| u.get_ref().trim_end_matches('/').to_string())
                .unwrap_or_default(),
            docs_anchor,
        }
    }

    fn check_anchor(&mut self, file: FileId, anchor: &Str) {
        match template::parse(anchor.get_ref(), ident::is_snake_case) {
            Err(e) => {
                let span = self.inner_span(file, anchor, e.offset);
                self.push(diag::bad_template(file, span, &e.problem.to_string()));
            }
            Ok(pieces) => {
                for piece in pieces {
                    if let Piece::Placeholder { name, offset } = piece
                        && name != "category"
                        && name != "code"
                    {
                        let span = self.inner_span(file, anchor, offset);
                        self.push(diag::invalid_value_because(
                            file,
                            span,
                            "docs_anchor",
                            "only `{category}` and `{code}` can be used here",
                        ));
                    }
                }
            }
        }
    }

    fn lower_envelope(
        &mut self,
        file: FileId,
        entry: Option<&Entry<crate::raw::RawEnvelope>>,
    ) -> Envelope {
        let mut envelope = Envelope::DEFAULT;
        let Some(entry) = entry else { return envelope };
        if let Some(style) = self.choice(file, &entry.body.style, "style", STYLES) {
            envelope.style = EnvelopeStyle::ALL[style];
        }
        if let Some(case) = self.choice(file, &entry.body.field_case, "field_case", CASES) {
            envelope.field_case = if case == 0 {
                FieldCase::Snake
            } else {
                FieldCase::Camel
            };
        }
        if let Some(placement) = self.choice(file, &entry.body.request_id, "request_id", PLACEMENTS)
        {
            envelope.request_id = if placement == 0 {
                RequestIdPlacement::Inside
            } else {
                RequestIdPlacement::Outside
            };
        }
        self.upper_wire_names =
            self.choice(file, &entry.body.code_case, "code_case", CODE_CASES) == Some(1);
        self.catalog_style = envelope.style;
        envelope
    }

    fn lower_exit_codes(&mut self, file: FileId, entries: &[(Str, Str)]) -> Vec<(u8, String)> {
        let mut out = Vec::new();
        for (key, meaning) in entries {
            match key.get_ref().parse::<u8>() {
                Ok(code) => out.push((code, meaning.get_ref().clone())),
                Err(_) => {
                    let value = key.get_ref().parse::<i64>().unwrap_or(-1);
                    self.push(diag::exit_code_out_of_range(file, key.span(), value));
                }
            }
        }
        out.sort();
        out
    }

    fn lower_retry_policies(
        &mut self,
        file: FileId,
        entries: &[Entry<RawRetryPolicy>],
    ) -> Vec<RetryPolicy> {
        let mut policies = Vec::new();
        if !entries.iter().any(|e| e.key.get_ref() == NEVER) {
            policies.push(RetryPolicy {
                name: NEVER.into(),
                description: Some("Do not retry.".into()),
                strategy: RetryStrategy::Never,
            });
        }
        for entry in entries {
            let name = entry.key.get_ref();
            self.check_snake(file, &entry.key, "retry policy name");
            let what = format!("retry policy `{name}`");
            let raw = &entry.body;
            let Some(strategy) = self.choice(file, &raw.strategy, "strategy", STRATEGIES) else {
                self.broken.insert(format!("retry.{name}"));
                if raw.strategy.is_none() && !entry.is_broken("strategy") {
                    self.push(diag::missing_field(
                        file,
                        entry.key.span(),
                        "strategy",
                        &what,
                    ));
                }
                continue;
            };
            let strategy = match strategy {
                0 => Some(RetryStrategy::Never),
                1 => self
                    .lower_backoff(file, entry, &what)
                    .map(RetryStrategy::Backoff),
                _ => {
                    let max_wait =
                        self.positive_ms(file, entry, &raw.max_wait_ms, "max_wait_ms", &what);
                    let fallback = self.lower_backoff(file, entry, &what);
                    match (max_wait, fallback) {
                        (Some(max_wait), Some(fallback)) => Some(RetryStrategy::AfterHeader {
                            max_wait: Duration::from_millis(max_wait),
                            fallback,
                        }),
                        _ => None,
                    }
                }
            };
            if strategy.is_none() {
                self.broken.insert(format!("retry.{name}"));
            }
            if let Some(strategy) = strategy {
                policies.push(RetryPolicy {
                    name: name.clone(),
                    description: text(&raw.description),
                    strategy,
                });
            }
        }
        policies
    }

    fn lower_backoff(
        &mut self,
        file: FileId,
        entry: &Entry<RawRetryPolicy>,
        what: &str,
    ) -> Option<Backoff> {
        let raw = &entry.body;
        let initial = self.positive_ms(file, entry, &raw.initial_ms, "initial_ms", what);
        let max_delay = self.positive_ms(file, entry, &raw.max_delay_ms, "max_delay_ms", what);
        let factor = match &raw.factor {
            None => Some(2.0),
            Some(f) if f.get_ref().is_finite() && *f.get_ref() >= 1.0 => Some(*f.get_ref()),
            Some(f) => {
                self.push(diag::bad_retry_value(
                    file,
                    f.span(),
                    "factor",
                    "must be a finite number of at least 1",
                ));
                None
            }
        };
        let jitter = match self.choice(file, &raw.jitter, "jitter", JITTERS) {
            Some(0) => Some(Jitter::None),
            Some(2) => Some(Jitter::Equal),
            Some(_) => Some(Jitter::Full),
            None if raw.jitter.is_none() => Some(Jitter::Full),
            None => None,
        };
        let max_attempts = match &raw.max_attempts {
            None => Some(3),
            Some(n) if (1..=i64::from(u16::MAX)).contains(n.get_ref()) => Some(*n.get_ref() as u32),
            Some(n) => {
                self.push(diag::bad_retry_value(
                    file,
                    n.span(),
                    "max_attempts",
                    "must be between 1 and 65535",
                ));
                None
            }
        };
        if let (Some(i), Some(m), Some(i_raw), Some(m_raw)) =
            (initial, max_delay, &raw.initial_ms, &raw.max_delay_ms)
            && m < i
        {
            self.push(diag::max_below_initial(file, m_raw.span(), i_raw.span()));
            return None;
        }
        Some(Backoff {
            initial: Duration::from_millis(initial?),
            factor: factor?,
            max_delay: Duration::from_millis(max_delay?),
            jitter: jitter?,
            max_attempts: max_attempts?,
        })
    }

    fn positive_ms<T>(
        &mut self,
        file: FileId,
        entry: &Entry<T>,
        value: &Option<Int>,
        field: &str,
        what: &str,
    ) -> Option<u64> {
        match value {
            None => {
                if !entry.is_broken(field) {
                    self.push(diag::missing_field(file, entry.key.span(), field, what));
                }
                None
            }
            Some(v) if *v.get_ref() > 0 => Some(*v.get_ref() as u64),
            Some(v) => {
                self.push(diag::bad_retry_value(
                    file,
                    v.span(),
                    field,
                    "must be a positive number of milliseconds",
                ));
                None
            }
        }
    }

    fn lower_category(
        &mut self,
        file: FileId,
        entry: &Entry<RawCategory>,
        policy_names: &[&str],
    ) -> Option<(Category, CategoryDefaults)> {
        let id = entry.key.get_ref().clone();
        let what = format!("category `{id}`");
        let raw = &entry.body;
        let snake_ok = self.check_snake(file, &entry.key, "category id");
        let title = self.required_str(file, entry, &raw.title, "title", &what);
        let fault = match self.choice(file, &raw.fault, "fault", FAULTS) {
            Some(0) => Some(Fault::Client),
            Some(1) => Some(Fault::Server),
            Some(_) => Some(Fault::None),
            None => {
                if raw.fault.is_none() && !entry.is_broken("fault") {
                    self.push(diag::missing_field(file, entry.key.span(), "fault", &what));
                }
                None
            }
        };
        let kind = self.kind(file, &raw.kind).unwrap_or(Kind::Error);
        let range = raw.range.as_ref().and_then(|r| self.lower_range(file, r));
        let status = raw
            .status
            .as_ref()
            .and_then(|s| self.status(file, s))
            .map(|s| (s, raw.status.as_ref().map(|s| s.span()).unwrap_or_default()));
        if let (Some(fault), Some((status, span))) = (fault, &status) {
            self.check_status_fault(file, span.clone(), *status, fault, kind, &id);
        }
        let retry = raw
            .retry
            .as_ref()
            .and_then(|r| self.policy(file, r, policy_names))
            .map(|p| (p, raw.retry.as_ref().map(|r| r.span()).unwrap_or_default()));
        let exit_code = raw
            .exit_code
            .as_ref()
            .and_then(|e| self.exit_code(file, e))
            .map(|e| {
                (
                    e,
                    raw.exit_code.as_ref().map(|e| e.span()).unwrap_or_default(),
                )
            });
        let error_type = text(&raw.error_type).unwrap_or_else(|| format!("{id}_error"));
        let envelope = self
            .choice(file, &raw.envelope, "envelope", STYLES)
            .map(|s| EnvelopeStyle::ALL[s]);
        let category = Category {
            variant: ident::upper_camel(&id),
            id,
            title: title?,
            description: text(&raw.description),
            range,
            fault: fault?,
            error_type,
            codes: Vec::new(),
            envelope,
        };
        snake_ok.then_some(())?;
        Some((
            category,
            CategoryDefaults {
                kind,
                status,
                retry,
                exit_code,
                sdk_exception: text(&raw.sdk_exception),
            },
        ))
    }

    fn lower_range(&mut self, file: FileId, range: &toml::Spanned<Vec<Int>>) -> Option<(u32, u32)> {
        let values = range.get_ref();
        if values.len() != 2 {
            self.push(diag::invalid_value_because(
                file,
                range.span(),
                "range",
                "expected `[first, last]`, two numbers",
            ));
            return None;
        }
        let mut bounds = [0u32; 2];
        for (slot, value) in bounds.iter_mut().zip(values) {
            if !(0..=MAX_NUMERIC).contains(value.get_ref()) {
                self.push(diag::invalid_value_because(
                    file,
                    value.span(),
                    "range",
                    &format!("must be between 0 and {MAX_NUMERIC}"),
                ));
                return None;
            }
            *slot = *value.get_ref() as u32;
        }
        if bounds[0] > bounds[1] {
            self.push(diag::invalid_value_because(
                file,
                range.span(),
                "range",
                "the first number must not exceed the last",
            ));
            return None;
        }
        Some((bounds[0], bounds[1]))
    }

    fn check_range_overlaps(
        &mut self,
        file: FileId,
        categories: &[Category],
        spans: &[(Range<usize>, Option<Range<usize>>)],
    ) {
        let mut ranged: Vec<(u32, u32, usize)> = categories
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.range.map(|(a, b)| (a, b, i)))
            .collect();
        ranged.sort();
        for pair in ranged.windows(2) {
            let ((_, a_end, a), (b_start, _, b)) = (
                (pair[0].0, pair[0].1, pair[0].2),
                (pair[1].0, pair[1].1, pair[1].2),
            );
            if b_start <= a_end {
                let span_of = |i: usize| spans[i].1.clone().unwrap_or(spans[i].0.clone());
                self.push(diag::range_overlap(
                    file,
                    span_of(b),
                    span_of(a),
                    &categories[b].id,
                    &categories[a].id,
                ));
            }
        }
    }

    // -- category files --------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn lower_code(
        &mut self,
        file: FileId,
        entry: &Entry<RawCode>,
        category_index: usize,
        category: &Category,
        defaults: &CategoryDefaults,
        policies: &[RetryPolicy],
        policy_names: &[&str],
    ) -> Option<Code> {
        let raw = &entry.body;
        let name = entry.key.get_ref().clone();
        let what = format!("code `{name}`");
        let key_span = entry.key.span();
        let numeric_only = is_numeric_name(&name);
        let snake_ok = numeric_only || self.check_snake(file, &entry.key, "code name");
        let key_numeric = if numeric_only {
            self.numeric_name(file, &entry.key)
        } else {
            None
        };
        if let (Some(value), Some(n)) = (key_numeric, &raw.numeric)
            && i64::from(value) != *n.get_ref()
        {
            self.push(diag::invalid_value_because(
                file,
                n.span(),
                "numeric",
                "a numeric-only code's number is its table name",
            ));
        }

        let numeric = match &raw.numeric {
            None => key_numeric.inspect(|&value| {
                if let Some(range) = category.range
                    && !(range.0..=range.1).contains(&value)
                {
                    self.push(diag::numeric_out_of_range(
                        file,
                        key_span.clone(),
                        value,
                        &category.id,
                        range,
                    ));
                }
            }),
            Some(n) if !(0..=MAX_NUMERIC).contains(n.get_ref()) => {
                let problem = format!("must be between 0 and {MAX_NUMERIC}");
                self.push(diag::invalid_value_because(
                    file,
                    n.span(),
                    "numeric",
                    &problem,
                ));
                None
            }
            Some(n) => {
                let value = *n.get_ref() as u32;
                if let Some(range) = category.range
                    && !(range.0..=range.1).contains(&value)
                {
                    self.push(diag::numeric_out_of_range(
                        file,
                        n.span(),
                        value,
                        &category.id,
                        range,
                    ));
                }
                Some(value)
            }
        };

        let kind = match &raw.kind {
            Some(k) => self.kind(file, &Some(k.clone())),
            None => Some(defaults.kind),
        };

        let fault = match &raw.fault {
            Some(_) => self
                .choice(file, &raw.fault, "fault", FAULTS)
                .map(|f| Fault::ALL[f]),
            None => Some(category.fault),
        };
        let status = match (&raw.status, &defaults.status) {
            (Some(s), _) => self.status(file, s),
            (None, Some((s, _))) => Some(*s),
            (None, None) => {
                if !entry.is_broken("status") {
                    self.push(diag::missing_status(
                        file,
                        key_span.clone(),
                        &what,
                        &category.id,
                    ));
                }
                None
            }
        };

        // The category checked its own defaults; check again only what the code
        // changes.
        if let (Some(st), Some(f), Some(k)) = (status, fault, kind)
            && (raw.status.is_some() || raw.fault.is_some() || raw.kind.is_some())
        {
            let span = raw.status.as_ref().map_or(key_span.clone(), |s| s.span());
            self.check_status_fault(file, span, st, f, k, &category.id);
        }
        let envelope = match &raw.envelope {
            Some(_) => self
                .choice(file, &raw.envelope, "envelope", STYLES)
                .map(|s| EnvelopeStyle::ALL[s]),
            None => Some(category.envelope.unwrap_or(self.catalog_style)),
        };
        let server_retries = match &raw.server_retries {
            None => Some(0),
            Some(n) => match u8::try_from(*n.get_ref()) {
                Ok(v) => Some(v),
                Err(_) => {
                    self.push(diag::invalid_value_because(
                        file,
                        n.span(),
                        "server_retries",
                        "must be between 0 and 255",
                    ));
                    None
                }
            },
        };

        let title = self.required_str(file, entry, &raw.title, "title", &what);
        let message = self.required_str(file, entry, &raw.message, "message", &what);
        let params = self.lower_params(file, raw);
        let template_ok = match (&raw.message, &params) {
            (Some(m), Some(params)) => self.check_template(file, m, params, raw),
            _ => None,
        };

        let (retry, retry_span) = match &raw.retry {
            Some(r) => (self.policy(file, r, policy_names), r.span()),
            None => match &defaults.retry {
                Some((p, _)) => (Some(*p), key_span.clone()),
                None => (
                    policies.iter().position(|p| p.name == NEVER),
                    key_span.clone(),
                ),
            },
        };
        if let (Some(status), Some(retry)) = (status, retry) {
            let policy = &policies[retry];
            let span = if raw.retry.is_some() {
                retry_span.clone()
            } else {
                key_span.clone()
            };
            if (400..500).contains(&status)
                && !RETRYABLE_4XX.contains(&status)
                && policy.strategy.is_retryable()
            {
                self.push(diag::retryable_client_error(
                    file,
                    span,
                    status,
                    &policy.name,
                ));
            } else if status == 429 && !matches!(policy.strategy, RetryStrategy::AfterHeader { .. })
            {
                self.push(diag::rate_limit_without_header(file, span, &policy.name));
            }
        }

        let exit_code = match (&raw.exit_code, &defaults.exit_code) {
            (Some(e), _) => self.exit_code(file, e).map(|v| (v, e.span())),
            (None, Some((v, _))) => Some((*v, key_span.clone())),
            (None, None) => Some((
                if kind.is_some_and(Kind::is_error) {
                    1
                } else {
                    0
                },
                key_span.clone(),
            )),
        };
        if let (Some((0, span)), Some(Kind::Error)) = (&exit_code, kind) {
            self.push(diag::error_exits_zero(file, span.clone(), &name));
        }

        if raw.replaced_by.is_some() && raw.deprecated.is_none() {
            let span = raw
                .replaced_by
                .as_ref()
                .map(|r| r.span())
                .unwrap_or_default();
            self.push(diag::replaced_but_not_deprecated(file, span, &name));
        }

        let code = Code {
            variant: code_variant(&name),
            fn_ident: code_fn_ident(&name),
            wire_name: wire_name(&name, self.upper_wire_names),
            fault: fault?,
            envelope: envelope?,
            server_retries: server_retries?,
            name,
            numeric,
            status: status?,
            kind: kind?,
            category: category_index,
            title: title?,
            message: message?,
            params: params?,
            description: text(&raw.description),
            solution: text(&raw.solution),
            retry: retry?,
            exit_code: exit_code?.0,
            sdk_exception: text(&raw.sdk_exception).or_else(|| defaults.sdk_exception.clone()),
            since: text(&raw.since),
            deprecated: text(&raw.deprecated),
            replaced_by: None,
            aliases: raw
                .aliases
                .iter()
                .flatten()
                .map(|a| a.get_ref().clone())
                .collect(),
            replaces: Vec::new(),
            docs_url: String::new(),
        };
        template_ok?;
        snake_ok.then_some(())?;
        Some(code)
    }

    fn lower_params(&mut self, file: FileId, raw: &RawCode) -> Option<Vec<Param>> {
        let Some(params) = &raw.params else {
            return Some(Vec::new());
        };
        let type_names: Vec<&str> = ParamType::ALL.iter().map(|t| t.as_str()).collect();
        let mut out = Vec::new();
        let mut ok = true;
        for (name, ty) in params.get_ref() {
            ok &= self.check_snake(file, name, "param name");
            match ParamType::from_name(ty.get_ref()) {
                Some(t) => out.push(Param {
                    name: name.get_ref().clone(),
                    ident: ident::snake_ident(name.get_ref()),
                    ty: t,
                    example: Example::default_for(name.get_ref(), t),
                }),
                None => {
                    self.push(diag::unknown_param_type(
                        file,
                        ty.span(),
                        ty.get_ref(),
                        &type_names,
                    ));
                    ok = false;
                }
            }
        }
        if let Some(examples) = &raw.example {
            for (name, value) in examples.get_ref() {
                let Some(param) = out.iter_mut().find(|p| p.name == *name.get_ref()) else {
                    let names: Vec<&str> = params
                        .get_ref()
                        .keys()
                        .map(|k| k.get_ref().as_str())
                        .collect();
                    self.push(diag::invalid_value(
                        file,
                        name.span(),
                        "example",
                        name.get_ref(),
                        &names,
                    ));
                    ok = false;
                    continue;
                };
                match example_value(value.get_ref(), param.ty) {
                    Some(example) => param.example = example,
                    None => {
                        let message =
                            format!("expected a {} example for `{}`", param.ty, param.name);
                        self.push(diag::wrong_type(file, value.span(), "example", &message));
                        ok = false;
                    }
                }
            }
        }
        ok.then_some(out)
    }

    /// Checks that a message template parses and that its placeholders and
    /// the declared params match one to one.
    fn check_template(
        &mut self,
        file: FileId,
        message: &Str,
        params: &[Param],
        raw: &RawCode,
    ) -> Option<()> {
        let pieces = match template::parse(message.get_ref(), ident::is_snake_case) {
            Ok(p) => p,
            Err(e) => {
                let span = self.inner_span(file, message, e.offset);
                self.push(diag::bad_template(file, span, &e.problem.to_string()));
                return None;
            }
        };
        let mut used = vec![false; params.len()];
        let mut ok = true;
        for piece in pieces {
            if let Piece::Placeholder { name, offset } = piece {
                match params.iter().position(|p| p.name == name) {
                    Some(i) => used[i] = true,
                    None => {
                        let span = self.inner_span(file, message, offset);
                        self.push(diag::undeclared_placeholder(file, span, name));
                        ok = false;
                    }
                }
            }
        }
        if let Some(declared) = &raw.params {
            for ((name, _), used) in declared.get_ref().iter().zip(&used) {
                if !used {
                    self.push(diag::unused_param(file, name.span(), name.get_ref()));
                    ok = false;
                }
            }
        }
        ok.then_some(())
    }

    // -- cross-code checks -------------------------------------------------------

    fn check_duplicates(&mut self, origins: &[CodeOrigin]) {
        let mut names: HashMap<&str, usize> = HashMap::new();
        let mut numerics: HashMap<u32, usize> = HashMap::new();
        for (i, origin) in origins.iter().enumerate() {
            if let Some(&first) = names.get(origin.name.as_str()) {
                let f = &origins[first];
                let first_at = (f.file, f.key.clone());
                self.push(diag::duplicate_name(
                    origin.file,
                    origin.key.clone(),
                    first_at,
                    &origin.name,
                ));
            } else {
                names.insert(&origin.name, i);
            }
            if let Some(n) = origin.numeric_value {
                if let Some(&first) = numerics.get(&n) {
                    let f = &origins[first];
                    let first_span = f.numeric.clone().unwrap_or(f.key.clone());
                    let span = origin.numeric.clone().unwrap_or(origin.key.clone());
                    self.push(diag::duplicate_numeric(
                        origin.file,
                        span,
                        (f.file, first_span),
                        n,
                        &f.name,
                    ));
                } else {
                    numerics.insert(n, i);
                }
            }
        }
        for (i, origin) in origins.iter().enumerate() {
            if origin.wire_name != origin.name {
                names.entry(&origin.wire_name).or_insert(i);
            }
        }
        let mut aliases: HashMap<&str, (FileId, Range<usize>)> = HashMap::new();
        for origin in origins {
            for (alias, span) in &origin.aliases {
                if let Some(&owner) = names.get(alias.as_str()) {
                    let o = &origins[owner];
                    let clash = format!("the name of code `{}`", o.name);
                    let owner_at = (o.file, o.key.clone());
                    self.push(diag::duplicate_alias(
                        origin.file,
                        span.clone(),
                        owner_at,
                        alias,
                        &clash,
                    ));
                } else if let Some(first) = aliases.get(alias.as_str()) {
                    let first = first.clone();
                    self.push(diag::duplicate_alias(
                        origin.file,
                        span.clone(),
                        first,
                        alias,
                        "also an alias here",
                    ));
                } else {
                    aliases.insert(alias, (origin.file, span.clone()));
                }
            }
        }
    }

    fn check_ident_collisions<'n>(
        &mut self,
        items: impl Iterator<Item = (&'n str, FileId, Range<usize>)>,
    ) {
        let mut seen: HashMap<&str, (FileId, Range<usize>, String)> = HashMap::new();
        for (ident, file, span) in items {
            let name = self
                .sources
                .file(file)
                .text
                .get(span.clone())
                .unwrap_or_default()
                .to_string();
            match seen.get(ident) {
                // Same name twice is a duplicate, reported elsewhere.
                Some((_, _, first_name)) if *first_name == name => {}
                Some((first_file, first_span, _)) => {
                    self.push(diag::ident_collision(
                        file,
                        span,
                        (*first_file, first_span.clone()),
                        ident,
                    ));
                }
                None => {
                    seen.insert(ident, (file, span, name));
                }
            }
        }
    }

    fn resolve_replacements(
        &mut self,
        codes: &mut [Code],
        all: &[CodeOrigin],
        code_origin: &[usize],
    ) {
        let origins: Vec<&CodeOrigin> = code_origin.iter().map(|&o| &all[o]).collect();
        let written: std::collections::HashSet<&str> =
            all.iter().map(|o| o.name.as_str()).collect();
        let index: HashMap<String, usize> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        let names: Vec<&str> = all.iter().map(|o| o.name.as_str()).collect();
        let mut targets = vec![None; codes.len()];
        for (i, origin) in origins.iter().enumerate() {
            let Some((target, span)) = &origin.replaced_by else {
                continue;
            };
            match index.get(target) {
                Some(&t) if t == i => {
                    self.push(diag::replaced_by_self(origin.file, span.clone(), target))
                }
                Some(&t) => targets[i] = Some(t),
                // The target exists but failed to lower; it is reported already.
                None if written.contains(target.as_str()) => {}
                None => self.push(diag::unknown_replacement(
                    origin.file,
                    span.clone(),
                    target,
                    &names,
                )),
            }
        }
        // Report each cycle once, at its smallest member.
        let mut reported = vec![false; codes.len()];
        for start in 0..codes.len() {
            let mut path = vec![start];
            let mut at = start;
            while let Some(next) = targets[at] {
                if let Some(pos) = path.iter().position(|&p| p == next) {
                    let cycle = &path[pos..];
                    let smallest = *cycle.iter().min().unwrap_or(&next);
                    if !reported[smallest] {
                        cycle.iter().for_each(|&c| reported[c] = true);
                        let rot = cycle.iter().position(|&c| c == smallest).unwrap_or(0);
                        let mut chain: Vec<&str> = cycle[rot..]
                            .iter()
                            .chain(&cycle[..rot])
                            .map(|&c| codes[c].name.as_str())
                            .collect();
                        chain.push(&codes[smallest].name);
                        let last = cycle[(rot + cycle.len() - 1) % cycle.len()];
                        let span = origins[last]
                            .replaced_by
                            .as_ref()
                            .map(|(_, s)| s.clone())
                            .unwrap_or_default();
                        self.push(diag::replacement_cycle(origins[last].file, span, &chain));
                    }
                    break;
                }
                path.push(next);
                at = next;
            }
        }
        for (i, target) in targets.into_iter().enumerate() {
            codes[i].replaced_by = target;
            if let Some(t) = target {
                codes[t].replaces.push(i);
            }
        }
    }

    fn check_emptiness(
        &mut self,
        file: FileId,
        loaded: &Loaded,
        categories: &[Category],
        spans: &[(Range<usize>, Option<Range<usize>>)],
        no_codes: bool,
    ) {
        // Files that failed to parse may hold the missing codes.
        let unparsed_stems: Vec<&str> = loaded
            .unparsed
            .iter()
            .map(|&f| self.sources.file(f).stem())
            .collect();
        if no_codes {
            if unparsed_stems.is_empty()
                && !self.diags.iter().any(|d| d.severity == Severity::Error)
            {
                self.push(diag::empty_catalog(file));
            }
            return;
        }
        let has_file: Vec<bool> = categories
            .iter()
            .map(|c| {
                loaded
                    .category_files
                    .iter()
                    .any(|f| self.sources.file(f.file).stem() == c.id)
            })
            .collect();
        for ((category, span), has_file) in categories.iter().zip(spans).zip(has_file) {
            // A file whose codes all failed validation was already reported.
            if category.codes.is_empty()
                && !has_file
                && !unparsed_stems.contains(&category.id.as_str())
            {
                self.push(diag::empty_category(file, span.0.clone(), &category.id));
            }
        }
    }

    // -- small helpers -------------------------------------------------------------

    fn numeric_name(&mut self, file: FileId, key: &Str) -> Option<u32> {
        match key.get_ref().parse::<u32>() {
            Ok(n) if i64::from(n) <= MAX_NUMERIC => Some(n),
            _ => {
                let problem = format!("a numeric code must be between 0 and {MAX_NUMERIC}");
                self.push(diag::invalid_value_because(
                    file,
                    key.span(),
                    "code name",
                    &problem,
                ));
                None
            }
        }
    }

    fn check_snake(&mut self, file: FileId, name: &Str, what: &str) -> bool {
        let ok = ident::is_snake_case(name.get_ref());
        if !ok {
            let fixed = ident::to_snake_case(name.get_ref());
            self.push(diag::not_snake_case(
                file,
                name.span(),
                what,
                name.get_ref(),
                &fixed,
            ));
        }
        ok
    }

    fn required_str<T>(
        &mut self,
        file: FileId,
        entry: &Entry<T>,
        value: &Option<Str>,
        field: &str,
        what: &str,
    ) -> Option<String> {
        match value {
            Some(v) => Some(v.get_ref().clone()),
            None => {
                if !entry.is_broken(field) {
                    self.push(diag::missing_field(file, entry.key.span(), field, what));
                }
                None
            }
        }
    }

    fn choice(
        &mut self,
        file: FileId,
        value: &Option<Str>,
        field: &str,
        allowed: &[&str],
    ) -> Option<usize> {
        let value = value.as_ref()?;
        let found = allowed.iter().position(|a| a == value.get_ref());
        if found.is_none() {
            self.push(diag::invalid_value(
                file,
                value.span(),
                field,
                value.get_ref(),
                allowed,
            ));
        }
        found
    }

    fn kind(&mut self, file: FileId, value: &Option<Str>) -> Option<Kind> {
        self.choice(file, value, "kind", KINDS)
            .map(|k| Kind::ALL[k])
    }

    fn status(&mut self, file: FileId, value: &Int) -> Option<u16> {
        let v = *value.get_ref();
        if (100..=599).contains(&v) {
            Some(v as u16)
        } else {
            self.push(diag::status_out_of_range(file, value.span(), v));
            None
        }
    }

    fn check_status_fault(
        &mut self,
        file: FileId,
        span: Range<usize>,
        status: u16,
        fault: Fault,
        kind: Kind,
        category: &str,
    ) {
        // Successes and pending states are never 4xx/5xx, whatever the fault.
        let fault = if kind.is_error() { fault } else { Fault::None };
        let (fits, expected) = match fault {
            Fault::Client => ((400..500).contains(&status), "a 4xx status"),
            Fault::Server => ((500..600).contains(&status), "a 5xx status"),
            _ => (status < 400, "a 1xx, 2xx or 3xx status"),
        };
        if !fits {
            self.push(diag::status_fault_mismatch(
                file,
                span,
                status,
                fault.as_str(),
                expected,
                category,
            ));
        }
    }

    fn policy(&mut self, file: FileId, name: &Str, known: &[&str]) -> Option<usize> {
        let found = known.iter().position(|k| k == name.get_ref());
        if found.is_none() && !self.broken.contains(&format!("retry.{}", name.get_ref())) {
            self.push(diag::unknown_retry_policy(
                file,
                name.span(),
                name.get_ref(),
                known,
            ));
        }
        found
    }

    fn exit_code(&mut self, file: FileId, value: &Int) -> Option<u8> {
        match u8::try_from(*value.get_ref()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.push(diag::exit_code_out_of_range(
                    file,
                    value.span(),
                    *value.get_ref(),
                ));
                None
            }
        }
    }

    /// The span of a character offset inside a string value, when the source
    /// spells the string without escapes; otherwise the whole value.
    fn inner_span(&self, file: FileId, value: &Str, offset: usize) -> Range<usize> {
        let span = value.span();
        let source = self
            .sources
            .file(file)
            .text
            .get(span.clone())
            .unwrap_or_default();
        let text = value.get_ref();
        let plain = source.len() == text.len() + 2
            && ((source.starts_with('"') && !source.contains('\\')) || source.starts_with('\''))
            && &source[1..source.len() - 1] == text;
        if plain {
            let start = span.start + 1 + offset;
            let end = text[offset..]
                .find('}')
                .map_or(start + 1, |e| start + e + 1);
            start..end
        } else {
            span
        }
    }
}

/// The identity of a code entry, read straight from the raw layer.
fn identity(file: FileId, entry: &Entry<RawCode>, upper: bool) -> CodeOrigin {
    let raw = &entry.body;
    let name = entry.key.get_ref().clone();
    let key_numeric = if is_numeric_name(&name) {
        name.parse::<u32>().ok().filter(|&n| n != u32::MAX)
    } else {
        None
    };
    CodeOrigin {
        variant: code_variant(&name),
        wire_name: wire_name(&name, upper),
        exit_code: raw.exit_code.as_ref().map(|e| e.span()),
        numeric_value: key_numeric.or_else(|| {
            raw.numeric
                .as_ref()
                .and_then(|n| u32::try_from(*n.get_ref()).ok())
                .filter(|&n| n != u32::MAX)
        }),
        name,
        file,
        key: entry.key.span(),
        numeric: raw.numeric.as_ref().map(|n| n.span()),
        replaced_by: raw
            .replaced_by
            .as_ref()
            .map(|r| (r.get_ref().clone(), r.span())),
        aliases: raw
            .aliases
            .iter()
            .flatten()
            .map(|a| (a.get_ref().clone(), a.span()))
            .collect(),
    }
}

/// Digits only: a numeric-only code such as Clarifai's `21200`.
fn is_numeric_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
}

/// `RateLimited`, or `Code21200` for a numeric-only code.
fn code_variant(name: &str) -> String {
    if is_numeric_name(name) {
        format!("Code{name}")
    } else {
        ident::upper_camel(name)
    }
}

/// `rate_limited`, or `code_21200` for a numeric-only code.
fn code_fn_ident(name: &str) -> String {
    if is_numeric_name(name) {
        format!("code_{name}")
    } else {
        ident::snake_ident(name)
    }
}

/// The name a code goes on the wire with.
fn wire_name(name: &str, upper: bool) -> String {
    if upper {
        name.to_ascii_uppercase()
    } else {
        name.to_string()
    }
}

/// A TOML example value checked against a param type.
fn example_value(value: &toml::Value, ty: ParamType) -> Option<Example> {
    let int_range = |v: i64| match ty {
        ParamType::U16 => u16::try_from(v).is_ok(),
        ParamType::U32 => u32::try_from(v).is_ok(),
        ParamType::U64 => v >= 0,
        ParamType::I32 => i32::try_from(v).is_ok(),
        ParamType::I64 => true,
        _ => false,
    };
    match (value, ty) {
        (toml::Value::String(s), ParamType::String) => Some(Example::Text(s.clone())),
        (toml::Value::Integer(i), ParamType::F64) => Some(Example::Float(*i as f64)),
        (toml::Value::Float(f), ParamType::F64) if f.is_finite() => Some(Example::Float(*f)),
        (toml::Value::Boolean(b), ParamType::Bool) => Some(Example::Bool(*b)),
        (toml::Value::Integer(i), _) if int_range(*i) => Some(Example::Integer(*i)),
        _ => None,
    }
}

fn text(value: &Option<Str>) -> Option<String> {
    value.as_ref().map(|v| v.get_ref().clone())
}

fn docs_url(meta: &Meta, category: &str, code: &str) -> String {
    let anchor = meta
        .docs_anchor
        .replace("{category}", category)
        .replace("{code}", code);
    if meta.docs_base_url.is_empty() {
        anchor
    } else if anchor.starts_with('#') {
        format!("{}{}", meta.docs_base_url, anchor)
    } else {
        format!("{}/{}", meta.docs_base_url, anchor)
    }
}
