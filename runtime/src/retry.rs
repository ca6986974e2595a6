//! Retry policies as data: never, exponential backoff, or honour Retry-After.

use core::time::Duration;

/// How random jitter is applied to a backoff delay.
///
/// With a computed delay `d`:
/// - `None` waits exactly `d`;
/// - `Full` waits a uniform random time in `[0, d]` (AWS's "full jitter");
/// - `Equal` waits `d/2` plus a uniform random time in `[0, d/2]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Jitter {
    /// No jitter.
    None,
    /// Uniform in `[0, d]`.
    Full,
    /// `d/2` plus uniform in `[0, d/2]`.
    Equal,
}

impl Jitter {
    /// The name used in catalog files: `"none"`, `"full"` or `"equal"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Jitter::None => "none",
            Jitter::Full => "full",
            Jitter::Equal => "equal",
        }
    }
}

/// Exponential backoff: `initial * factor^(attempt-1)`, capped at `max_delay`,
/// with jitter, for at most `max_attempts` attempts in all.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backoff {
    /// Delay before the first retry.
    pub initial: Duration,
    /// Growth factor between consecutive retries (at least 1).
    pub factor: f64,
    /// Upper bound on any single delay, before jitter.
    pub max_delay: Duration,
    /// How jitter is applied.
    pub jitter: Jitter,
    /// Attempts in all, counting the first one; `1` means never retry.
    pub max_attempts: u32,
}

/// What a client should do when a request fails with a given code.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum RetryPolicy {
    /// Do not retry: the same request will fail the same way.
    Never,
    /// Retry with exponential backoff.
    Backoff(Backoff),
    /// Wait as long as the server's `Retry-After` says (capped at `max_wait`);
    /// without one, back off as `fallback` says.
    AfterHeader {
        /// The longest advised wait that is honoured.
        max_wait: Duration,
        /// Used when the response carries no usable `Retry-After`.
        fallback: Backoff,
    },
}

impl RetryPolicy {
    /// True unless the policy is [`RetryPolicy::Never`].
    pub const fn is_retryable(&self) -> bool {
        !matches!(self, RetryPolicy::Never)
    }

    /// The most attempts this policy allows, counting the first.
    pub const fn max_attempts(&self) -> u32 {
        match self {
            RetryPolicy::Never => 1,
            RetryPolicy::Backoff(b) => b.max_attempts,
            RetryPolicy::AfterHeader { fallback, .. } => fallback.max_attempts,
        }
    }
}
