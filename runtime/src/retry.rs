//! Retry policies as data: never, exponential backoff, honour Retry-After,
//! or retry the whole operation rather than the call.

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
    /// Not this call: the caller should retry the whole operation it is part
    /// of (a transaction, a read-modify-write) from its start, backing off
    /// as the [`Backoff`] says, when the catalog says how (PostgreSQL's own
    /// advice for a serialization failure gives no delays). Repeating the
    /// failed call alone fails again (Google's `ABORTED`).
    Operation(Option<Backoff>),
}

impl RetryPolicy {
    /// Whether the failed call itself may be sent again: false for
    /// [`RetryPolicy::Never`] and for [`RetryPolicy::Operation`], whose
    /// advice is to retry the whole operation instead
    /// ([`RetryPolicy::operation_backoff`]).
    pub const fn is_retryable(&self) -> bool {
        !matches!(self, RetryPolicy::Never | RetryPolicy::Operation(_))
    }

    /// The backoff for retrying the whole operation, when that is the advice.
    pub const fn operation_backoff(&self) -> Option<Backoff> {
        match self {
            RetryPolicy::Operation(b) => *b,
            _ => None,
        }
    }

    /// The most attempts of the call this policy allows, counting the first.
    pub const fn max_attempts(&self) -> u32 {
        match self {
            RetryPolicy::Never | RetryPolicy::Operation(_) => 1,
            RetryPolicy::Backoff(b) => b.max_attempts,
            RetryPolicy::AfterHeader { fallback, .. } => fallback.max_attempts,
        }
    }
}

/// The backoff used for codes this build does not know: 1 s doubling to at
/// most 30 s, full jitter, 4 attempts.
pub const FALLBACK_BACKOFF: Backoff = Backoff {
    initial: Duration::from_secs(1),
    factor: 2.0,
    max_delay: Duration::from_secs(30),
    jitter: Jitter::Full,
    max_attempts: 4,
};

impl Backoff {
    /// The delay before retry number `attempt` (1 for the first retry),
    /// before jitter: `initial * factor^(attempt-1)`, capped at `max_delay`.
    pub fn base_delay(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(1024) as i32;
        let millis = self.initial.as_secs_f64() * 1000.0 * self.factor.max(1.0).powi(exponent);
        let capped = millis.min(self.max_delay.as_secs_f64() * 1000.0);
        if capped.is_finite() {
            Duration::from_micros((capped * 1000.0) as u64)
        } else {
            self.max_delay
        }
    }

    /// The jittered delay after `attempt` failed attempts, or `None` once
    /// `max_attempts` have been made: a uniform draw from
    /// [`Backoff::delay_bounds`].
    pub fn delay_with<R: rand::Rng + ?Sized>(&self, attempt: u32, rng: &mut R) -> Option<Duration> {
        self.delay_bounds(attempt).map(|bounds| draw(bounds, rng))
    }

    /// The least and the most the delay after `attempt` failed attempts can
    /// be, or `None` once `max_attempts` have been made. No jitter: the base
    /// delay; full: zero to it; equal: half of it to it.
    pub fn delay_bounds(&self, attempt: u32) -> Option<(Duration, Duration)> {
        if attempt == 0 || attempt >= self.max_attempts {
            return None;
        }
        let base = self.base_delay(attempt);
        let nanos = u64::try_from(base.as_nanos()).unwrap_or(u64::MAX);
        Some(match self.jitter {
            Jitter::None => (base, base),
            Jitter::Full => (Duration::ZERO, base),
            Jitter::Equal => (Duration::from_nanos(nanos / 2), base),
        })
    }
}

/// A uniform draw within `(least, most)`, to the nanosecond.
fn draw<R: rand::Rng + ?Sized>((least, most): (Duration, Duration), rng: &mut R) -> Duration {
    if least >= most {
        return least;
    }
    let spread = u64::try_from((most - least).as_nanos()).unwrap_or(u64::MAX);
    least + Duration::from_nanos(rand::RngExt::random_range(rng, 0..=spread))
}

impl RetryPolicy {
    /// The policy for a code this build does not know, from the HTTP status
    /// class: 429 and 503 honour `Retry-After` (up to a minute), other 5xx
    /// back off, and everything else is not retried.
    pub const fn for_status(status: u16) -> RetryPolicy {
        match status {
            429 | 503 => RetryPolicy::AfterHeader {
                max_wait: Duration::from_secs(60),
                fallback: FALLBACK_BACKOFF,
            },
            500..=599 => RetryPolicy::Backoff(FALLBACK_BACKOFF),
            _ => RetryPolicy::Never,
        }
    }

    /// How long to wait after `attempt` failed attempts (1 after the first
    /// failure), given the server's `Retry-After`, or `None` to stop.
    ///
    /// - `Never`: always `None`.
    /// - `Backoff`: exponential backoff with the policy's jitter, `None`
    ///   once `max_attempts` attempts have been made.
    /// - `AfterHeader`: the `Retry-After` delay itself, without jitter (the
    ///   server chose it); `None` if it exceeds `max_wait`, since waiting
    ///   that long is the caller's decision, not a retry loop's. Without a
    ///   header, or with a zero one, the fallback backoff.
    ///
    /// Jitter comes from the thread-local RNG; see [`RetryPolicy::delay_with`]
    /// to inject one.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Option<Duration> {
        self.delay_with(attempt, retry_after, &mut rand::rng())
    }

    /// [`RetryPolicy::delay`] with the random number generator given, for
    /// deterministic tests.
    pub fn delay_with<R: rand::Rng + ?Sized>(
        &self,
        attempt: u32,
        retry_after: Option<Duration>,
        rng: &mut R,
    ) -> Option<Duration> {
        self.delay_bounds(attempt, retry_after)
            .map(|bounds| draw(bounds, rng))
    }

    /// The least and the most [`RetryPolicy::delay`] can return after
    /// `attempt` failed attempts, given the server's `Retry-After`, or
    /// `None` to stop. Every client of the catalog, in every language, keeps
    /// its delays within these (the conformance cases state them).
    pub fn delay_bounds(
        &self,
        attempt: u32,
        retry_after: Option<Duration>,
    ) -> Option<(Duration, Duration)> {
        match self {
            // The call is not retried; the operation's caller decides, with
            // the operation's backoff.
            RetryPolicy::Never | RetryPolicy::Operation(_) => None,
            RetryPolicy::Backoff(b) => b.delay_bounds(attempt),
            RetryPolicy::AfterHeader { max_wait, fallback } => {
                if attempt == 0 || attempt >= fallback.max_attempts {
                    return None;
                }
                match retry_after {
                    Some(wait) if wait > *max_wait => None,
                    // `Retry-After: 0` or a date already past (clock skew):
                    // the policy's own backoff is the floor, so a client
                    // never retries in a tight loop.
                    Some(wait) if wait.is_zero() => fallback.delay_bounds(attempt),
                    Some(wait) => Some((wait, wait)),
                    None => fallback.delay_bounds(attempt),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn seeded() -> rand::rngs::StdRng {
        rand::rngs::StdRng::seed_from_u64(7)
    }

    #[test]
    fn every_delay_falls_within_its_bounds() {
        let mut rng = seeded();
        for jitter in [Jitter::None, Jitter::Full, Jitter::Equal] {
            let policy = RetryPolicy::AfterHeader {
                max_wait: Duration::from_secs(60),
                fallback: Backoff {
                    jitter,
                    ..PROMPTFLOE
                },
            };
            for retry_after in [None, Some(Duration::ZERO), Some(Duration::from_secs(3))] {
                for attempt in 0..8 {
                    let bounds = policy.delay_bounds(attempt, retry_after);
                    for _ in 0..200 {
                        let delay = policy.delay_with(attempt, retry_after, &mut rng);
                        match (bounds, delay) {
                            (Some((least, most)), Some(d)) => assert!(least <= d && d <= most),
                            (None, None) => {}
                            other => panic!("{jitter:?} {retry_after:?} {attempt}: {other:?}"),
                        }
                    }
                }
            }
        }
        let equal = Backoff {
            jitter: Jitter::Equal,
            ..PROMPTFLOE
        };
        assert_eq!(
            equal.delay_bounds(2),
            Some((Duration::from_secs(1), Duration::from_secs(2)))
        );
    }

    const PROMPTFLOE: Backoff = Backoff {
        initial: Duration::from_secs(1),
        factor: 2.0,
        max_delay: Duration::from_secs(8),
        jitter: Jitter::None,
        max_attempts: 6,
    };

    #[test]
    fn backoff_doubles_and_caps() {
        let delays: Vec<_> = (1..6)
            .map(|a| PROMPTFLOE.delay_with(a, &mut seeded()).unwrap().as_secs())
            .collect();
        assert_eq!(delays, [1, 2, 4, 8, 8]);
        assert_eq!(
            PROMPTFLOE.delay_with(6, &mut seeded()),
            None,
            "six attempts made"
        );
        assert_eq!(PROMPTFLOE.delay_with(0, &mut seeded()), None);
        assert_eq!(PROMPTFLOE.base_delay(u32::MAX), Duration::from_secs(8));
    }

    #[test]
    fn jitter_stays_in_its_range_and_is_reproducible() {
        let full = Backoff {
            jitter: Jitter::Full,
            ..PROMPTFLOE
        };
        let equal = Backoff {
            jitter: Jitter::Equal,
            ..PROMPTFLOE
        };
        let mut rng = seeded();
        for attempt in 1..6 {
            for _ in 0..200 {
                let base = PROMPTFLOE.base_delay(attempt);
                assert!(full.delay_with(attempt, &mut rng).unwrap() <= base);
                let e = equal.delay_with(attempt, &mut rng).unwrap();
                assert!(e >= base / 2 && e <= base, "{e:?} vs {base:?}");
            }
        }
        assert_eq!(
            full.delay_with(3, &mut seeded()),
            full.delay_with(3, &mut seeded())
        );
    }

    #[test]
    fn after_header_honours_retry_after_with_a_cap() {
        let policy = RetryPolicy::AfterHeader {
            max_wait: Duration::from_secs(60),
            fallback: PROMPTFLOE,
        };
        let mut rng = seeded();
        assert_eq!(
            policy.delay_with(1, Some(Duration::from_secs(30)), &mut rng),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            policy.delay_with(1, Some(Duration::from_secs(3600)), &mut rng),
            None,
            "too long to wait"
        );
        assert_eq!(
            policy.delay_with(2, None, &mut rng),
            Some(Duration::from_secs(2)),
            "fallback backoff"
        );
        assert_eq!(
            policy.delay_with(6, Some(Duration::from_secs(1)), &mut rng),
            None,
            "attempts exhausted"
        );
        assert_eq!(
            RetryPolicy::Never.delay_with(1, Some(Duration::from_secs(1)), &mut rng),
            None
        );
    }

    #[test]
    fn unknown_codes_fall_back_to_the_status_class() {
        assert!(matches!(
            RetryPolicy::for_status(429),
            RetryPolicy::AfterHeader { .. }
        ));
        assert!(matches!(
            RetryPolicy::for_status(503),
            RetryPolicy::AfterHeader { .. }
        ));
        assert!(matches!(
            RetryPolicy::for_status(500),
            RetryPolicy::Backoff(_)
        ));
        assert!(matches!(
            RetryPolicy::for_status(502),
            RetryPolicy::Backoff(_)
        ));
        for status in [400, 401, 403, 404, 409, 422, 200, 0] {
            assert_eq!(
                RetryPolicy::for_status(status),
                RetryPolicy::Never,
                "{status}"
            );
        }
    }

    #[test]
    fn a_zero_or_past_retry_after_backs_off_instead_of_retrying_at_once() {
        let policy = RetryPolicy::AfterHeader {
            max_wait: Duration::from_secs(60),
            fallback: Backoff {
                initial: Duration::from_secs(1),
                factor: 2.0,
                max_delay: Duration::from_secs(8),
                jitter: Jitter::None,
                max_attempts: 4,
            },
        };
        let mut rng = seeded();
        for attempt in 1..4 {
            let delay = policy.delay_with(attempt, Some(Duration::ZERO), &mut rng);
            assert_eq!(delay, Some(Duration::from_secs(1 << (attempt - 1))));
        }
        assert_eq!(policy.delay_with(4, Some(Duration::ZERO), &mut rng), None);
        let huge = Some(Duration::from_secs(u64::from(u32::MAX)));
        assert_eq!(
            policy.delay_with(1, huge, &mut rng),
            None,
            "over max_wait gives up"
        );
    }
}
