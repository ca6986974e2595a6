//! `[retry.<name>]` policies of catalog.toml.

use std::time::Duration;

use super::cx::{Cx, text};
use crate::model::{Backoff, Jitter, RetryPolicy, RetryStrategy};
use crate::problem as diag;
use crate::raw::{Entry, Int, RawRetryPolicy};
use crate::source::FileId;

/// The retry policy every catalog has, declared or not.
pub const NEVER: &str = "never";

use crate::raw::values::{JITTERS, STRATEGIES};

pub(super) fn lower_retry_policies(
    cx: &mut Cx<'_>,
    file: FileId,
    entries: &[Entry<RawRetryPolicy>],
) -> Vec<RetryPolicy> {
    let mut policies = Vec::new();
    if !entries.iter().any(|e| e.key.get_ref() == NEVER) {
        policies.push(RetryPolicy {
            name: NEVER.into(),
            description: Some("Do not retry.".into()),
            strategy: RetryStrategy::Never,
            idempotent_only: false,
        });
    }
    for entry in entries {
        let name = entry.key.get_ref();
        cx.check_snake(file, &entry.key, "retry policy name");
        let what = format!("retry policy `{name}`");
        let raw = &entry.body;
        let Some(strategy) = cx.choice(file, &raw.strategy, "strategy", STRATEGIES) else {
            cx.broken.insert(format!("retry.{name}"));
            if raw.strategy.is_none() && !entry.is_broken("strategy") {
                cx.push(diag::missing_field(
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
            1 => lower_backoff(cx, file, entry, &what).map(RetryStrategy::Backoff),
            // Retrying the whole operation is advice even without
            // delays; once any is given, the backoff must be whole.
            3 if [
                raw.initial_ms.is_none(),
                raw.max_delay_ms.is_none(),
                raw.factor.is_none(),
                raw.jitter.is_none(),
                raw.max_attempts.is_none(),
            ]
            .iter()
            .all(|&absent| absent) =>
            {
                Some(RetryStrategy::Operation(None))
            }
            3 => lower_backoff(cx, file, entry, &what).map(|b| RetryStrategy::Operation(Some(b))),
            _ => {
                let max_wait = positive_ms(cx, file, entry, &raw.max_wait_ms, "max_wait_ms", &what);
                let fallback = lower_backoff(cx, file, entry, &what);
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
            cx.broken.insert(format!("retry.{name}"));
        }
        let idempotent_only = raw.idempotent_only.as_ref().is_some_and(|flag| {
            let on = *flag.get_ref();
            let calls_retried = strategy.is_some_and(|s| s.is_retryable());
            if on && !calls_retried && strategy.is_some() {
                cx.push(diag::invalid_value_because(
                    file,
                    flag.span(),
                    "idempotent_only",
                    "only a policy that retries the call (`backoff`, `after_header`) can depend on the request",
                ));
            }
            on
        });
        if let Some(strategy) = strategy {
            policies.push(RetryPolicy {
                name: name.clone(),
                description: text(&raw.description),
                strategy,
                idempotent_only,
            });
        }
    }
    policies
}

fn lower_backoff(
    cx: &mut Cx<'_>,
    file: FileId,
    entry: &Entry<RawRetryPolicy>,
    what: &str,
) -> Option<Backoff> {
    let raw = &entry.body;
    let initial = positive_ms(cx, file, entry, &raw.initial_ms, "initial_ms", what);
    let max_delay = positive_ms(cx, file, entry, &raw.max_delay_ms, "max_delay_ms", what);
    let factor = match &raw.factor {
        None => Some(2.0),
        Some(f) if f.get_ref().is_finite() && *f.get_ref() >= 1.0 => Some(*f.get_ref()),
        Some(f) => {
            cx.push(diag::bad_retry_value(
                file,
                f.span(),
                "factor",
                "must be a finite number of at least 1",
            ));
            None
        }
    };
    let jitter = match cx.choice(file, &raw.jitter, "jitter", JITTERS) {
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
            cx.push(diag::bad_retry_value(
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
        cx.push(diag::max_below_initial(file, m_raw.span(), i_raw.span()));
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
    cx: &mut Cx<'_>,
    file: FileId,
    entry: &Entry<T>,
    value: &Option<Int>,
    field: &str,
    what: &str,
) -> Option<u64> {
    match value {
        None => {
            if !entry.is_broken(field) {
                cx.push(diag::missing_field(file, entry.key.span(), field, what));
            }
            None
        }
        Some(v) if *v.get_ref() > 0 => Some(*v.get_ref() as u64),
        Some(v) => {
            cx.push(diag::bad_retry_value(
                file,
                v.span(),
                field,
                "must be a positive number of milliseconds",
            ));
            None
        }
    }
}
