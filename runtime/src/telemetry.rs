//! Telemetry labels from the catalog: OpenTelemetry's `error.type` (the
//! code, so bounded and documented by construction, `_OTHER` for a code the
//! catalog does not know) and errcat's category, fault and retryability.
//! The TypeScript and Python clients give the same labels
//! (`telemetryLabels()`, `telemetry_labels()`), and the conformance cases
//! hold all three to them.

use crate::Fault;

/// OpenTelemetry's attribute for the class of an error.
pub const ERROR_TYPE: &str = "error.type";
/// The code's category id (absent in a catalog without categories).
pub const CATEGORY: &str = "errcat.category";
/// Who is at fault: `client`, `server` or `none`.
pub const FAULT: &str = "errcat.fault";
/// Whether the catalog allows a retry.
pub const RETRYABLE: &str = "errcat.retryable";
/// The value of `error.type` for a code the catalog does not know, as the
/// semantic conventions name the fallback of a bounded set.
pub const OTHER_ERROR_TYPE: &str = "_OTHER";
/// The counter `ErrorCounter` adds to (feature `opentelemetry`).
pub const ERRORS_COUNTER: &str = "errcat.errors";

/// The labels of one error, every value from the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The code's wire name, or [`OTHER_ERROR_TYPE`].
    pub error_type: &'static str,
    /// The code's category id.
    pub category: Option<&'static str>,
    /// Who is at fault.
    pub fault: Fault,
    /// Whether any retry is allowed.
    pub retryable: bool,
}

impl Labels {
    /// The labels as attribute names and text values, in a fixed order.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        [
            Some((ERROR_TYPE, self.error_type)),
            self.category.map(|c| (CATEGORY, c)),
            Some((FAULT, self.fault.as_str())),
            Some((RETRYABLE, if self.retryable { "true" } else { "false" })),
        ]
        .into_iter()
        .flatten()
    }

    /// Emits a `tracing` event with the labels as fields: at `ERROR` for a
    /// server fault, else `WARN`.
    #[cfg(feature = "tracing")]
    pub fn trace(&self, message: &str) {
        let category = self.category.unwrap_or_default();
        let fault = self.fault.as_str();
        match self.fault {
            Fault::Server => tracing::error!(
                error.r#type = self.error_type,
                errcat.category = category,
                errcat.fault = fault,
                errcat.retryable = self.retryable,
                "{message}"
            ),
            _ => tracing::warn!(
                error.r#type = self.error_type,
                errcat.category = category,
                errcat.fault = fault,
                errcat.retryable = self.retryable,
                "{message}"
            ),
        }
    }

    /// The labels as OpenTelemetry attributes (`retryable` as a boolean).
    #[cfg(feature = "opentelemetry")]
    pub fn attributes(&self) -> Vec<opentelemetry::KeyValue> {
        use opentelemetry::KeyValue;
        let mut out = vec![KeyValue::new(ERROR_TYPE, self.error_type)];
        if let Some(category) = self.category {
            out.push(KeyValue::new(CATEGORY, category));
        }
        out.push(KeyValue::new(FAULT, self.fault.as_str()));
        out.push(KeyValue::new(RETRYABLE, self.retryable));
        out
    }
}

/// A counter of errors by their [`Labels`] (`errcat.errors`).
#[cfg(feature = "opentelemetry")]
#[derive(Clone, Debug)]
pub struct ErrorCounter(opentelemetry::metrics::Counter<u64>);

#[cfg(feature = "opentelemetry")]
impl ErrorCounter {
    /// The counter, from `meter`.
    pub fn new(meter: &opentelemetry::metrics::Meter) -> Self {
        Self(
            meter
                .u64_counter(ERRORS_COUNTER)
                .with_description(
                    "Errors, by the catalog's code, category, fault and retryability.",
                )
                .with_unit("{error}")
                .build(),
        )
    }

    /// Counts one error.
    pub fn add(&self, labels: &Labels) {
        self.0.add(1, &labels.attributes());
    }
}
