//! Retrying an operation as the catalog advises, with backon running the
//! loop (sleeping, stopping) and each error's policy choosing the delays.

#[cfg(feature = "backon")]
use core::future::Future;
use core::time::Duration;

/// Anything that can say how long to wait before the next attempt.
/// Generated `Error` types implement it.
pub trait RetryAdvice {
    /// The delay after `attempt` failed attempts, or `None` to give up.
    fn retry_delay(&self, attempt: u32) -> Option<Duration>;

    /// The delay for a request that is, or is not, idempotent; advice that
    /// does not depend on it is [`RetryAdvice::retry_delay`].
    fn retry_delay_for(&self, attempt: u32, idempotent: bool) -> Option<Duration> {
        let _ = idempotent;
        self.retry_delay(attempt)
    }
}

impl<C: crate::CatalogCode> RetryAdvice for crate::Error<C> {
    fn retry_delay(&self, attempt: u32) -> Option<Duration> {
        crate::Error::retry_delay(self, attempt)
    }

    fn retry_delay_for(&self, attempt: u32, idempotent: bool) -> Option<Duration> {
        crate::Error::retry_delay_for(self, attempt, idempotent)
    }
}

/// Runs `operation` until it succeeds or the last error's retry policy says
/// to stop, sleeping with tokio in between. Each error decides its own delay
/// (its code's policy, its `Retry-After`), so a 401 is returned at once, a
/// 429 waits as the server asked, and a 503 backs off up to its policy's
/// `max_attempts`.
#[cfg(feature = "backon")]
pub async fn retry<T, E, F, Fut>(operation: F) -> Result<T, E>
where
    E: RetryAdvice,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    retry_notify(operation, |_: &E, _| {}).await
}

/// [`retry`] for an operation that is safe to repeat (idempotent): codes
/// whose policy retries only idempotent requests are retried too.
#[cfg(feature = "backon")]
pub async fn retry_idempotent<T, E, F, Fut>(operation: F) -> Result<T, E>
where
    E: RetryAdvice,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    run(operation, true, |_: &E, _| {}).await
}

/// [`retry`], calling `notify` with each error and the delay before its
/// retry (for logging or metrics).
#[cfg(feature = "backon")]
pub async fn retry_notify<T, E, F, Fut, N>(operation: F, notify: N) -> Result<T, E>
where
    E: RetryAdvice,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
    N: FnMut(&E, Duration),
{
    run(operation, false, notify).await
}

#[cfg(feature = "backon")]
async fn run<T, E, F, Fut, N>(operation: F, idempotent: bool, notify: N) -> Result<T, E>
where
    E: RetryAdvice,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
    N: FnMut(&E, Duration),
{
    use backon::Retryable as _;
    let mut attempt = 0u32;
    // backon's own schedule is unlimited; `adjust` replaces every delay with
    // the error's advice and ends the loop when it says `None`.
    let schedule = backon::ConstantBuilder::default()
        .with_delay(Duration::ZERO)
        .without_max_times();
    operation
        .retry(schedule)
        .sleep(backon::TokioSleeper)
        .notify(notify)
        .adjust(move |error: &E, _| {
            attempt += 1;
            error.retry_delay_for(attempt, idempotent)
        })
        .await
}
