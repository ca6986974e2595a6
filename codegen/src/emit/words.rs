//! Facts in words, for any output that shows them to people: HTTP statuses
//! with their reason phrases, durations, backoff delays and retry policies.

use crate::model::{Backoff, RetryPolicy, RetryStrategy};

/// A retry policy in one sentence. Built only from validated names and
/// numbers, so it is safe in a table cell as it is.
pub fn retry_in_words(policy: &RetryPolicy) -> String {
    let words: String = match &policy.strategy {
        RetryStrategy::Never => "never retried.".into(),
        RetryStrategy::Backoff(b) => format!(
            "retried with exponential backoff ({}), {}, at most {} attempts in all.",
            delays(b),
            jitter_in_words(b.jitter),
            b.max_attempts
        ),
        RetryStrategy::AfterHeader { max_wait, fallback } => format!(
            "wait as long as `Retry-After` says (at most {}); without it, back off ({}), {}; at most {} attempts in all.",
            duration(*max_wait),
            delays(fallback),
            jitter_in_words(fallback.jitter),
            fallback.max_attempts
        ),
        RetryStrategy::Operation(Some(b)) => format!(
            "not this call: retry the whole operation it belongs to (a transaction, a read-modify-write) from its start, backing off ({}), {}, at most {} attempts in all.",
            delays(b),
            jitter_in_words(b.jitter),
            b.max_attempts
        ),
        RetryStrategy::Operation(None) => {
            "not this call: retry the whole operation it belongs to (a transaction, a read-modify-write) from its start.".into()
        }
    };
    if policy.idempotent_only && policy.strategy.is_retryable() {
        format!(
            "{} Only idempotent requests are retried (a GET, a PUT, a POST with an idempotency key); clients give up on others.",
            words
        )
    } else {
        words
    }
}

/// `full jitter`, `equal jitter` or `no jitter`.
pub(crate) fn jitter_in_words(jitter: crate::model::Jitter) -> String {
    match jitter {
        crate::model::Jitter::None => "no jitter".into(),
        other => format!("{} jitter", other.as_str()),
    }
}

pub(crate) fn retry_short(policy: &RetryPolicy) -> String {
    match &policy.strategy {
        RetryStrategy::Never => "never".into(),
        RetryStrategy::Backoff(b) => format!("backoff, {} attempts", b.max_attempts),
        RetryStrategy::AfterHeader { .. } => "after `Retry-After`".into(),
        RetryStrategy::Operation(Some(b)) => format!("the operation, {} attempts", b.max_attempts),
        RetryStrategy::Operation(None) => "the operation".into(),
    }
}

/// The delays before each retry, e.g. `1 s, 2 s, 4 s, 8 s`, as the runtime
/// computes them ([`Backoff::base_delay`]), before jitter.
pub fn delays(b: &Backoff) -> String {
    let retries = b.max_attempts.saturating_sub(1).min(8);
    if retries == 0 {
        return "no retries".into();
    }
    let mut out: Vec<String> = (1..=retries).map(|n| duration(b.base_delay(n))).collect();
    if b.max_attempts.saturating_sub(1) > retries {
        out.push("…".into());
    }
    out.join(", ")
}

/// A duration for people, rounded to the millisecond; see [`ms`].
pub fn duration(d: std::time::Duration) -> String {
    ms((d.as_secs_f64() * 1000.0).round() as u64)
}

/// Milliseconds for people: `500 ms`, `2 s`, `1.5 s`, `2 min`.
pub fn ms(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms % 60_000 == 0 {
        format!("{} min", ms / 60_000)
    } else if ms % 1000 == 0 {
        format!("{} s", ms / 1000)
    } else {
        format!("{} s", ms as f64 / 1000.0)
    }
}

/// `HTTP 429 Too Many Requests`, or `HTTP 599` for a status without a
/// known reason phrase.
pub fn http_status_in_words(status: u16) -> String {
    match reason_phrase(status) {
        "" => format!("HTTP {status}"),
        phrase => format!("HTTP {status} {phrase}"),
    }
}

/// The standard reason phrase of an HTTP status, or `""`.
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        // Not in RFC 9110, but widely used (nginx; gRPC's CANCELLED maps to it).
        499 => "Client Closed Request",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Jitter;

    #[test]
    fn statuses_read_without_a_dangling_space() {
        assert_eq!(http_status_in_words(429), "HTTP 429 Too Many Requests");
        assert_eq!(http_status_in_words(499), "HTTP 499 Client Closed Request");
        assert_eq!(http_status_in_words(599), "HTTP 599");
    }

    #[test]
    fn delays_read_like_the_seeds() {
        let b = Backoff {
            initial: std::time::Duration::from_secs(1),
            factor: 2.0,
            max_delay: std::time::Duration::from_secs(8),
            jitter: Jitter::Full,
            max_attempts: 5,
        };
        assert_eq!(delays(&b), "1 s, 2 s, 4 s, 8 s");
        let capped = Backoff {
            max_attempts: 7,
            ..b
        };
        assert_eq!(delays(&capped), "1 s, 2 s, 4 s, 8 s, 8 s, 8 s");
        assert_eq!(ms(1500), "1.5 s");
        assert_eq!(ms(120_000), "2 min");
    }

    #[test]
    fn retry_prose_names_jitter_in_words() {
        let b = Backoff {
            initial: std::time::Duration::from_secs(1),
            factor: 2.0,
            max_delay: std::time::Duration::from_secs(8),
            jitter: Jitter::None,
            max_attempts: 3,
        };
        let mut policy = RetryPolicy {
            name: "plain".into(),
            description: None,
            strategy: RetryStrategy::Backoff(b),
            idempotent_only: false,
        };
        let words = retry_in_words(&policy);
        assert!(words.contains("(1 s, 2 s), no jitter,"), "{words}");
        assert!(!words.contains("none jitter"), "{words}");
        policy.idempotent_only = true;
        assert!(retry_in_words(&policy).contains("Only idempotent requests are retried"));
        policy.strategy = RetryStrategy::Operation(Some(b));
        let words = retry_in_words(&policy);
        assert!(
            words.starts_with("not this call: retry the whole operation"),
            "{words}"
        );
        assert!(!words.contains("idempotent"), "{words}");
    }
}
