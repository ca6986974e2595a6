//! `errcat audit`: recorded traffic held to a catalog the CLI loaded. The
//! checks live in `errcat_runtime::audit`, which a service's tests run
//! through its tower layer too; this module reads HAR files and gives the
//! checks the loaded model as their [`Catalog`].

pub mod har;

use errcat_runtime::ErrorBody;
pub use errcat_runtime::audit::{Auditor, Finding, Kind, MAX_KEPT_FINDINGS};
use errcat_runtime::audit::{Catalog, CodeFacts, Exchange, Retired};
use errcat_runtime::identity::IdentityPattern;

use crate::model::{Model, RetryStrategy, Text};
pub use har::{Entry, HarError, for_each_entry};

/// A loaded catalog, as the audit's checks ask about it.
pub struct ModelCatalog<'m> {
    model: &'m Model,
    /// The identity pattern, compiled once.
    pattern: Option<IdentityPattern>,
}

impl<'m> ModelCatalog<'m> {
    /// The catalog `model` describes.
    pub fn new(model: &'m Model) -> Self {
        let pattern = model
            .meta
            .identity_pattern
            .as_deref()
            .and_then(|p| IdentityPattern::new(p).ok());
        Self { model, pattern }
    }

    /// The model.
    pub fn model(&self) -> &'m Model {
        self.model
    }
}

/// An audit of recorded traffic against a loaded catalog.
pub type Audit<'m> = Auditor<ModelCatalog<'m>>;

/// An audit against `model`.
pub fn audit(model: &Model) -> Audit<'_> {
    Auditor::new(ModelCatalog::new(model))
}

/// Checks one HAR entry.
pub fn check(audit: &mut Audit<'_>, entry: &Entry) {
    let headers: Vec<(&str, &str)> = entry
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    audit.check(
        entry.index,
        &Exchange {
            method: &entry.method,
            url: &entry.url,
            status: entry.status,
            headers: &headers,
            body: &entry.body,
        },
    );
}

impl Catalog for ModelCatalog<'_> {
    fn http(&self) -> bool {
        self.model.meta.http
    }

    fn request_id_header(&self) -> Option<&str> {
        self.model.meta.request_id_header.as_deref()
    }

    fn code_count(&self) -> usize {
        self.model.codes.len()
    }

    fn resolve(&self, identity: &str) -> Option<usize> {
        let code = self.model.resolve_with(identity, self.pattern.as_ref())?;
        self.model.codes.iter().position(|c| std::ptr::eq(c, code))
    }

    fn by_numeric(&self, numeric: u32) -> Option<usize> {
        self.model
            .codes
            .iter()
            .position(|c| c.numeric == Some(numeric))
    }

    fn facts(&self, index: usize) -> CodeFacts<'_> {
        let model = self.model;
        let code = &model.codes[index];
        CodeFacts {
            wire_name: &code.wire_name,
            status: code.status,
            is_error: code.kind.is_error(),
            deprecated: code.deprecated.as_deref(),
            template: &code.message,
            waits_for_retry_after: matches!(
                model.retry_of(code).strategy,
                RetryStrategy::AfterHeader { .. }
            ),
            format: model.envelope.with_style(code.envelope),
        }
    }

    fn templates(&self, index: usize) -> Vec<(&str, &str)> {
        (0..self.model.locales.len())
            .filter_map(|at| {
                let template = self.model.text_in(index, at, Text::Message)?;
                Some((template, self.model.locales[at].plurals.as_str()))
            })
            .collect()
    }

    fn full_body(&self, index: usize) -> ErrorBody {
        let mut body = crate::emit::examples::example_body(self.model, &self.model.codes[index]);
        body.param = Some("param".into());
        body
    }

    fn retired(&self, identity: &str) -> Option<Retired<'_>> {
        let r = self
            .model
            .retired
            .iter()
            .find(|r| r.record.identities(&r.name).any(|id| id == identity))?;
        Some(Retired {
            name: &r.name,
            reason: r.record.reason.as_deref(),
        })
    }
}
