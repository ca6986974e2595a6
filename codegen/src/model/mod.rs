//! The validated catalog: defaults resolved, identifiers derived, references
//! resolved to indices, in a fixed order. Emitters read only this.
//!
//! Order: categories as declared in catalog.toml; codes grouped by category in
//! that order, and within a category as written in its file. Nothing depends
//! on directory listing order.

pub mod record;

pub use crate::fields::Facts;

pub use errcat_runtime::{
    Backoff, EnvelopeFormat, EnvelopeStyle, Fault, FieldCase, GrpcCode, Jitter, Kind, ParamType,
    RequestIdPlacement,
};

/// A whole catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Name, version, docs location.
    pub meta: Meta,
    /// Wire shape of error responses.
    pub envelope: Envelope,
    /// Named retry policies, `never` first.
    pub retry_policies: Vec<RetryPolicy>,
    /// Categories in declaration order.
    pub categories: Vec<Category>,
    /// Codes in catalog order.
    pub codes: Vec<Code>,
    /// The documented CLI exit codes and their meanings, ascending; empty
    /// when the catalog does not declare them.
    pub exit_codes: Vec<(u8, String)>,
    /// `[outputs]` as written: output name and on or off. Outputs it does
    /// not name keep their default (`emit::OUTPUTS`).
    pub outputs: Vec<(String, bool)>,
    /// Codes that left the catalog (`[retired.*]`), by name, each
    /// completed from the lock.
    pub retired: Vec<Retired>,
    /// The last release, as the lock records it; `None` before the first.
    pub release: Option<Release>,
    /// The names of the client packages.
    pub packages: Packages,
    /// The catalog's locales: the default first (the codes' own texts),
    /// then each of `locales/`, sorted by tag.
    pub locales: Vec<Locale>,
}

/// A locale of the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    /// Its BCP 47 tag, in canonical case (`fr`, `pt-BR`, `zh-Hant`).
    pub tag: String,
    /// The index of the locale its missing texts come from: its nearest
    /// ancestor in the catalog (`fr` for `fr-CH`), else the default (0).
    /// The default's is 0 too.
    pub parent: usize,
    /// Its CLDR plural rules, as `errcat_runtime::plural` reads them.
    pub plurals: String,
    /// The CLDR plural categories it has, `other` included.
    pub categories: Vec<errcat_runtime::plural::Category>,
    /// Each code's texts in it, by code index; empty for the default
    /// locale, whose texts are the codes' own.
    pub texts: Vec<Translation>,
}

/// One code's texts in a locale other than the default; `None` where the
/// locale does not translate that text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Translation {
    /// Its title.
    pub title: Option<String>,
    /// Its message template.
    pub message: Option<String>,
    /// Its solution (Markdown).
    pub solution: Option<String>,
}

/// A text of a code that locales translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The title.
    Title,
    /// The message template.
    Message,
    /// The solution.
    Solution,
}

impl Text {
    /// Every text, in the order locale files and docs list them.
    pub const ALL: [Text; 3] = [Text::Title, Text::Message, Text::Solution];

    /// Its key in catalog and locale files.
    pub fn key(self) -> &'static str {
        match self {
            Text::Title => "title",
            Text::Message => "message",
            Text::Solution => "solution",
        }
    }
}

impl Translation {
    /// The text `text`, if translated.
    pub fn get(&self, text: Text) -> Option<&str> {
        match text {
            Text::Title => self.title.as_deref(),
            Text::Message => self.message.as_deref(),
            Text::Solution => self.solution.as_deref(),
        }
    }
}

/// What the client outputs are called in their ecosystems: from the
/// catalog's name, unless `[outputs]` names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Packages {
    /// The npm package of the `typescript` output, e.g. `payments-errors`
    /// or `@acme/payments-errors`.
    pub npm: String,
    /// The Python distribution of the `python` output, e.g.
    /// `payments-errors` (its import name is `payments_errors`).
    pub python: String,
    /// The Go module path of the `go` output, e.g.
    /// `github.com/acme/payments-errors/go` (its package is
    /// `paymentserrors`).
    pub go: String,
}

/// The last release of a catalog: what `errcat release` recorded in the
/// lock. Codes it does not list are unreleased and free to change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Release {
    /// The version released, when the catalog is versioned.
    pub version: Option<String>,
}

/// A retired code: its tombstone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Retired {
    /// Its name.
    pub name: String,
    /// What it was, as far as the tombstone and the lock know, with its
    /// retirement (`reason`, `retired_in`).
    pub record: record::Record,
}

/// When a code was added and deprecated: written in the catalog, else
/// recorded in the lock, else the version being built (the catalog's, when
/// it is after the last release; unknown until `errcat release` picks it
/// otherwise).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeHistory {
    /// The version that added it.
    pub since: Option<String>,
    /// The version that deprecated it, when deprecated.
    pub deprecated_in: Option<String>,
    /// Whether the last release published it (the lock lists it).
    pub released: bool,
    /// Whether the last release published it as deprecated.
    pub released_deprecated: bool,
}

/// What an output under `generated/` is, as validation and the model's
/// choice of outputs read it. Each emitter declares its own
/// (`emit::OUTPUTS`); `compile` hands the list down to lowering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutputSpec {
    /// Its name, e.g. `"docs"`: its key in a catalog's `[outputs]`.
    pub name: &'static str,
    /// Whether a catalog gets it without asking.
    pub default: bool,
    /// Whether it describes HTTP responses, so a catalog with `http =
    /// false` never gets it (E0057 if it asks).
    pub needs_http: bool,
    /// The output it is built from, which must be chosen too (E0041).
    pub requires: Option<&'static str>,
    /// File names it writes beside the category pages, which no category
    /// may take (E0036).
    pub reserved_pages: &'static [&'static str],
}

impl OutputSpec {
    /// Whether `model` writes this output: as its `[outputs]` says, else by
    /// default.
    pub fn chosen_by(&self, model: &Model) -> bool {
        if self.needs_http && !model.meta.http {
            return false;
        }
        model
            .outputs
            .iter()
            .rev()
            .find(|(name, _)| name == self.name)
            .map_or(self.default, |(_, on)| *on)
    }
}

/// The request id header of an HTTP catalog that names none.
pub const DEFAULT_REQUEST_ID_HEADER: &str = "X-Request-Id";

/// Catalog-wide settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    /// Catalog name.
    pub name: String,
    /// Catalog version, if given.
    pub version: Option<String>,
    /// What the catalog covers (Markdown).
    pub description: Option<String>,
    /// Base URL of the published docs, without a trailing slash; empty for
    /// relative links.
    pub docs_base_url: String,
    /// Anchor pattern with `{category}` and `{code}`.
    pub docs_anchor: String,
    /// The pattern every identity matches, when identities are not
    /// snake_case names.
    pub identity_pattern: Option<String>,
    /// Whether the catalog is an HTTP API. When not, every code's `status`
    /// is 0, which no emitter shows: each checks this first.
    pub http: bool,
    /// Whether lookups ignore ASCII case.
    pub case_insensitive: bool,
    /// Whether the codes are CLI exit codes too (docs and Rust show them).
    pub cli: bool,
    /// The service the codes belong to (`[envelope] domain`): the domain
    /// of Google bodies' and gRPC statuses' ErrorInfo.
    pub domain: Option<String>,
    /// The response header that carries the request id, `None` when the
    /// catalog promises none (`request_id_header = ""`).
    pub request_id_header: Option<String>,
    /// Whether the catalog says who is at fault: always with HTTP, and
    /// without it when some category or code says `fault`. Docs show
    /// faults only then.
    pub faults: bool,
    /// Whether the catalog declares categories; without, its codes are in
    /// one implicit [`Category`] that no output shows.
    pub categorized: bool,
    /// Whether the catalog speaks gRPC: some category or code names its
    /// `grpc` code, or some code answers with Google bodies. Docs and
    /// clients show each code's gRPC code then.
    pub grpc: bool,
}

/// The envelope settings.
pub type Envelope = EnvelopeFormat;

/// A named retry policy.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Its name in the catalog.
    pub name: String,
    /// What it is for, if said.
    pub description: Option<String>,
    /// What it does.
    pub strategy: RetryStrategy,
    /// Whether it retries only idempotent requests.
    pub idempotent_only: bool,
}

/// What a retry policy does. Mirrors the runtime's `RetryPolicy`, but
/// exhaustively, so every emitter must handle every strategy; the backoff
/// itself is the runtime's [`Backoff`], whose delay math the docs print.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RetryStrategy {
    /// Never retry.
    Never,
    /// Exponential backoff.
    Backoff(Backoff),
    /// Honour Retry-After up to `max_wait`, else back off.
    AfterHeader {
        /// Longest advised wait honoured.
        max_wait: std::time::Duration,
        /// Backoff without a header.
        fallback: Backoff,
    },
    /// Not this call: retry the whole operation, with this backoff when
    /// the catalog gives one.
    Operation(Option<Backoff>),
}

impl RetryStrategy {
    /// The strategy's name in the catalog format: `backoff`, `after_header`.
    pub fn name(&self) -> &'static str {
        match self {
            RetryStrategy::Never => "never",
            RetryStrategy::Backoff(_) => "backoff",
            RetryStrategy::AfterHeader { .. } => "after_header",
            RetryStrategy::Operation(_) => "operation",
        }
    }

    /// Whether the failed call itself is retried: not for `Never`, nor for
    /// `Operation`, whose advice is to retry the whole operation.
    pub fn is_retryable(&self) -> bool {
        !matches!(self, RetryStrategy::Never | RetryStrategy::Operation(_))
    }

    /// The runtime's policy, whose delay rules (`delay_bounds`) outputs
    /// that state delays use.
    pub fn to_runtime(self) -> errcat_runtime::RetryPolicy {
        match self {
            RetryStrategy::Never => errcat_runtime::RetryPolicy::Never,
            RetryStrategy::Backoff(b) => errcat_runtime::RetryPolicy::Backoff(b),
            RetryStrategy::AfterHeader { max_wait, fallback } => {
                errcat_runtime::RetryPolicy::AfterHeader { max_wait, fallback }
            }
            RetryStrategy::Operation(b) => errcat_runtime::RetryPolicy::Operation(b),
        }
    }
}

/// A category of codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    /// Snake-case id; also the file name and docs page name.
    pub id: String,
    /// Heading.
    pub title: String,
    /// What it covers (Markdown).
    pub description: Option<String>,
    /// Inclusive numeric range codes must fall in.
    pub range: Option<(u32, u32)>,
    /// Who is at fault.
    pub fault: Fault,
    /// Envelope `type`.
    pub error_type: String,
    /// Codes in this category, as indices into [`Model::codes`].
    pub codes: Vec<usize>,
    /// Envelope style of its codes, when it overrides the catalog's.
    pub envelope: Option<EnvelopeStyle>,
    /// The gRPC code of its codes, when it names one.
    pub grpc: Option<GrpcCode>,
    /// The start its codes' identities share, for prefix classes.
    pub prefix: Option<String>,
    /// Its generic code (index into [`Model::codes`]): what an unknown
    /// identity with its prefix resolves to.
    pub generic: Option<usize>,
    /// The one category of a catalog that declares none: it holds every
    /// code, and no output shows it (`Meta::categorized` is false).
    pub implicit: bool,
}

impl Category {
    /// The id of the implicit category, and so its docs page (`codes.md`).
    pub const IMPLICIT_ID: &str = "codes";

    /// The category of a catalog that declares none: every code, one page
    /// of docs, and no fault or envelope `type` of its own (each code's
    /// fault follows its status).
    pub fn implicit() -> Self {
        Self {
            id: Self::IMPLICIT_ID.into(),
            title: "Codes".into(),
            description: None,
            range: None,
            fault: Fault::None,
            error_type: "error".into(),
            codes: Vec::new(),
            envelope: None,
            grpc: None,
            prefix: None,
            generic: None,
            implicit: true,
        }
    }
}

/// A declared message parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// Name as written.
    pub name: String,
    /// Its type.
    pub ty: ParamType,
    /// The example value shown in the docs.
    pub example: Example,
}

/// An example value of a param, typed as the param is.
#[derive(Clone, Debug, PartialEq)]
pub enum Example {
    /// Text.
    Text(String),
    /// Any integer type.
    Integer(i64),
    /// `f64`.
    Float(f64),
    /// `bool`.
    Bool(bool),
}

impl Example {
    /// The default example for a param without one in the catalog.
    pub fn default_for(name: &str, ty: ParamType) -> Example {
        match ty {
            ParamType::String => Example::Text(format!("example-{}", name.replace('_', "-"))),
            ParamType::F64 => Example::Float(1.5),
            ParamType::Bool => Example::Bool(true),
            _ => Example::Integer(42),
        }
    }

    /// The value as it appears in a rendered message.
    pub fn to_text(&self) -> String {
        match self {
            Example::Text(s) => s.clone(),
            Example::Integer(i) => i.to_string(),
            Example::Float(f) => f.to_string(),
            Example::Bool(b) => b.to_string(),
        }
    }
}

impl Eq for Example {}

/// One code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// Catalog name: snake_case, e.g. `rate_limited`, or digits for a
    /// numeric-only code, e.g. `21200`. Docs anchors use it.
    pub name: String,
    /// The name on the wire: `name`, or `RATE_LIMITED` with `code_case =
    /// "upper"`.
    pub wire_name: String,
    /// Who is at fault (the code's own, or its category's).
    pub fault: Fault,
    /// The envelope style of its responses.
    pub envelope: EnvelopeStyle,
    /// Its gRPC canonical code: its own, else its category's, else its HTTP
    /// status's (`OK` for a success and `UNKNOWN` without HTTP).
    pub grpc: GrpcCode,
    /// Numeric code.
    pub numeric: Option<u32>,
    /// HTTP status.
    pub status: u16,
    /// Error, success or pending.
    pub kind: Kind,
    /// Index into [`Model::categories`].
    pub category: usize,
    /// Short title.
    pub title: String,
    /// The message template as written.
    pub message: String,
    /// Declared params, in declaration order.
    pub params: Vec<Param>,
    /// Long description (Markdown).
    pub description: Option<String>,
    /// How to fix it.
    pub solution: Option<String>,
    /// Index into [`Model::retry_policies`].
    pub retry: usize,
    /// CLI exit code.
    pub exit_code: u8,
    /// The facts declared in `fields.rs`.
    pub facts: Facts,
    /// Deprecation note.
    pub deprecated: Option<String>,
    /// Index of the code to use instead.
    pub replaced_by: Option<usize>,
    /// Old names that still parse.
    pub aliases: Vec<String>,
    /// Codes whose `replaced_by` is this one, in catalog order.
    pub replaces: Vec<usize>,
    /// Full docs URL.
    pub docs_url: String,
    /// When it was added and deprecated.
    pub history: CodeHistory,
    /// Its snake_case name, when its identity is not one (`name` on a code
    /// of a catalog with `identity_pattern`).
    pub condition: Option<String>,
    /// Whether its condition name also names other codes (`shared_name`):
    /// lookups by it find them all, never one alone.
    pub shared_name: bool,
    /// The snake_case name its identifiers derive from, when the catalog
    /// says (`identifier`).
    pub identifier: Option<String>,
}

impl Code {
    /// The snake_case (or numeric) name that language identifiers derive
    /// from: the condition name, else the name when it is one, else one
    /// derived from the identity (`22P02` → `code_22_p02`).
    pub fn symbol(&self) -> String {
        symbol_of(
            &self.name,
            self.condition.as_deref(),
            self.shared_name,
            self.identifier.as_deref(),
        )
    }

    /// The anchor of its docs section: its heading, the wire name, as
    /// Markdown renderers slug it (lowercased).
    pub fn anchor(&self) -> String {
        self.wire_name.to_ascii_lowercase()
    }
}

/// [`Code::symbol`]: the `identifier` when written, else from a name and an
/// optional condition name, which other
/// codes may share: then the identity follows it
/// in lower case (`string_data_right_truncation_01004`), so each code keeps its own
/// identifiers.
pub fn symbol_of(
    name: &str,
    condition: Option<&str>,
    shared: bool,
    identifier: Option<&str>,
) -> String {
    if let Some(identifier) = identifier {
        return identifier.to_string();
    }
    match condition {
        Some(c) if shared => {
            let identity = name.to_ascii_lowercase();
            let words = identity.split(|ch: char| !ch.is_ascii_alphanumeric());
            std::iter::once(c)
                .chain(words.filter(|w| !w.is_empty()))
                .collect::<Vec<_>>()
                .join("_")
        }
        Some(c) => c.to_string(),
        None if crate::ident::is_snake_case(name) || crate::ident::is_numeric_name(name) => {
            name.to_string()
        }
        None => match crate::ident::to_snake_case(name) {
            // An identity with no letter (`_1`, `__`): its digits after
            // `code`, so every language still gets an identifier; two that
            // meet (`_1`, `1_`) are reported as a name collision (E0009).
            derived if derived.is_empty() => std::iter::once("code")
                .chain(
                    name.split(|c: char| !c.is_ascii_digit())
                        .filter(|w| !w.is_empty()),
                )
                .collect::<Vec<_>>()
                .join("_"),
            derived => derived,
        },
    }
}

/// The version a catalog is building: its own version when that has not
/// been released (no release yet, or the catalog moved past it), else
/// `None`: the next release picks it.
pub fn building_version(version: Option<&str>, released: Option<&Release>) -> Option<String> {
    match released {
        Some(r) if r.version.as_deref() == version => None,
        _ => version.map(str::to_string),
    }
}

impl Model {
    /// The text `text` of code `code` as locale `locale` itself writes it
    /// (locale 0: the code's own).
    pub fn text_in(&self, code: usize, locale: usize, text: Text) -> Option<&str> {
        if locale == 0 {
            let code = &self.codes[code];
            return match text {
                Text::Title => Some(&code.title),
                Text::Message => Some(&code.message),
                Text::Solution => code.solution.as_deref(),
            };
        }
        self.locales.get(locale)?.texts.get(code)?.get(text)
    }

    /// `locale` and the locales its missing texts come from, ending with
    /// the default.
    pub fn locale_chain(&self, locale: usize) -> Vec<usize> {
        let mut chain = vec![locale];
        let mut at = locale;
        while at != 0 && chain.len() <= self.locales.len() {
            at = self.locales.get(at).map_or(0, |l| l.parent);
            chain.push(at);
        }
        chain
    }

    /// The text `text` of code `code` in `locale`, from the first locale of
    /// its chain that has it, with that locale's index.
    pub fn localized(&self, code: usize, locale: usize, text: Text) -> Option<(usize, &str)> {
        self.locale_chain(locale)
            .into_iter()
            .find_map(|at| Some((at, self.text_in(code, at, text)?)))
    }

    /// The version this catalog is building ([`building_version`]).
    pub fn building_version(&self) -> Option<String> {
        building_version(self.meta.version.as_deref(), self.release.as_ref())
    }

    /// The code that replaces a deprecated `code`, when its note does not
    /// already name it: what the docs add as "Use X instead." (A note that
    /// says "Use `rate_limited`." would otherwise be read twice.)
    pub fn replacement_to_mention(&self, code: &Code) -> Option<&Code> {
        let replacement = &self.codes[code.replaced_by?];
        let note = code.deprecated.as_deref().unwrap_or_default();
        let named = [&replacement.name, &replacement.wire_name]
            .into_iter()
            .any(|name| mentions(note, name));
        (!named).then_some(replacement)
    }

    /// The category of a code.
    pub fn category_of(&self, code: &Code) -> &Category {
        &self.categories[code.category]
    }

    /// The retry policy of a code.
    pub fn retry_of(&self, code: &Code) -> &RetryPolicy {
        &self.retry_policies[code.retry]
    }

    /// The code an identity resolves to: the code with that name, wire
    /// name or alias, else the generic code of the category with the
    /// longest prefix it starts with.
    pub fn resolve(&self, identity: &str) -> Option<&Code> {
        let pattern = self
            .meta
            .identity_pattern
            .as_deref()
            .map(errcat_runtime::identity::IdentityPattern::new);
        match pattern {
            Some(Ok(pattern)) => self.resolve_with(identity, Some(&pattern)),
            // A pattern that does not compile was reported; nothing has a class.
            Some(Err(_)) => self.lookup(identity),
            None => self.resolve_with(identity, None),
        }
    }

    /// [`Model::resolve`] with the catalog's identity pattern compiled once
    /// by the caller (an audit resolves one identity per response).
    pub fn resolve_with(
        &self,
        identity: &str,
        pattern: Option<&errcat_runtime::identity::IdentityPattern>,
    ) -> Option<&Code> {
        self.lookup(identity).or_else(|| {
            // Only a string that could be an identity has a class.
            if pattern.is_some_and(|p| !p.matches(identity)) {
                return None;
            }
            let (_, generic) = self.classes().into_iter().find(|(p, _)| {
                identity.get(..p.len()).is_some_and(|head| {
                    head == *p || (self.meta.case_insensitive && head.eq_ignore_ascii_case(p))
                })
            })?;
            Some(&self.codes[generic])
        })
    }

    /// The code with this identity, name, condition name or alias (ignoring
    /// ASCII case when the catalog says lookups do), or numeric code
    /// written as text: what `Code::lookup` and `from_numeric` find.
    pub fn lookup(&self, key: &str) -> Option<&Code> {
        let same =
            |a: &str| a == key || (self.meta.case_insensitive && a.eq_ignore_ascii_case(key));
        self.codes
            .iter()
            .find(|c| {
                same(&c.wire_name)
                    || same(&c.name)
                    || (!c.shared_name && c.condition.as_deref().is_some_and(same))
                    || c.aliases.iter().any(|a| same(a))
            })
            .or_else(|| {
                let n: u32 = key.parse().ok()?;
                self.codes.iter().find(|c| c.numeric == Some(n))
            })
    }

    /// Every code that answers to `name`: the codes that share it as their
    /// condition name (`shared_name`), in catalog order, else the one
    /// [`Model::lookup`] finds.
    pub fn named(&self, name: &str) -> Vec<&Code> {
        let same =
            |a: &str| a == name || (self.meta.case_insensitive && a.eq_ignore_ascii_case(name));
        let shared: Vec<&Code> = self
            .codes
            .iter()
            .filter(|c| c.shared_name && c.condition.as_deref().is_some_and(same))
            .collect();
        if shared.is_empty() {
            self.lookup(name).into_iter().collect()
        } else {
            shared
        }
    }

    /// The prefix classes that have a generic code, longest prefix first
    /// (then by prefix): the order in which an unknown identity is matched.
    pub fn classes(&self) -> Vec<(&str, usize)> {
        let mut classes: Vec<(&str, usize)> = self
            .categories
            .iter()
            .filter_map(|c| Some((c.prefix.as_deref()?, c.generic?)))
            .collect();
        classes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        classes
    }

    /// Codes that have a numeric code, sorted by it.
    pub fn codes_by_numeric(&self) -> Vec<&Code> {
        let mut codes: Vec<&Code> = self.codes.iter().filter(|c| c.numeric.is_some()).collect();
        codes.sort_by_key(|c| c.numeric);
        codes
    }

    /// The message of `code` rendered with its example param values, by
    /// the runtime's template renderer.
    pub fn example_message(&self, code: &Code) -> String {
        self.render_example(code, &code.message, 0)
    }

    /// `template` (a text of `code` in locale `locale`) rendered with the
    /// code's example params and that locale's plural rules.
    pub fn render_example(&self, code: &Code, template: &str, locale: usize) -> String {
        let plurals = self.locales.get(locale).map_or("", |l| l.plurals.as_str());
        errcat_runtime::template::render(template, plurals, |name, out| {
            match code.params.iter().find(|p| p.name == name) {
                Some(p) => out.push_str(&p.example.to_text()),
                None => return false,
            }
            true
        })
    }
}

/// Whether `text` contains `word` with no identifier character around it.
fn mentions(text: &str, word: &str) -> bool {
    let ident = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    text.match_indices(word).any(|(i, _)| {
        !ident(text[..i].chars().next_back()) && !ident(text[i + word.len()..].chars().next())
    })
}
