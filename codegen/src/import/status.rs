//! What words say about a code: its HTTP reason phrase, a status to guess
//! from its name, whether it may be retried, and whether it is an error.

use super::{Kind, RetryClass};

/// The reason phrases a page may write after a status: RFC 9110's and the
/// older names still common in API docs.
fn phrases(status: u16) -> &'static [&'static str] {
    match status {
        413 => &["Payload Too Large", "Request Entity Too Large"],
        414 => &["Request-URI Too Long"],
        416 => &["Requested Range Not Satisfiable"],
        422 => &["Unprocessable Entity"],
        _ => &[],
    }
}

/// The length of the reason phrase `text` starts with, for `status`.
pub fn reason_prefix(status: u16, text: &str) -> Option<usize> {
    let standard = crate::emit::words::reason_phrase(status);
    std::iter::once(standard)
        .chain(phrases(status).iter().copied())
        .filter(|p| !p.is_empty())
        .find(|p| {
            text.len() >= p.len()
                && text.is_char_boundary(p.len())
                && text[..p.len()].eq_ignore_ascii_case(p)
        })
        .map(str::len)
}

/// Words of `text`, lower-cased, split on anything but letters and digits.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A status for a code that states none, from the words of its name and
/// text, with the words that decided it.
pub fn guess_status(name: &str, text: &str) -> (u16, String) {
    // Most specific first: "rate limit" before "limit", "not found" before
    // "found".
    // Needles separated by `|`.
    const RULES: &[(&str, u16)] = &[
        ("rate|throttl|too many|too_many", 429),
        ("timeout|timed out|timed_out|deadline", 504),
        ("unavailable|overload|maintenance", 503),
        ("upstream|provider|gateway", 502),
        (
            "not_found|not found|notfound|does not exist|no such|unknown_",
            404,
        ),
        (
            "forbidden|permission|scope|access_denied|access denied|not allowed|authz|authorization|lacks|tier",
            403,
        ),
        (
            "unauthenticated|unauthorized|api_key|api key|_key|expired|revoked|token|credential|authentic|login|password|signature",
            401,
        ),
        ("payment|billing|past_due|past due|credit|subscription", 402),
        ("conflict|already|exists|duplicate|lock", 409),
        ("too large|too_large|size|payload", 413),
        ("quota|limit|exhausted", 429),
        ("unprocessable|semantic", 422),
        ("internal|server|unexpected|panic|crash|fail", 500),
        (
            "invalid|malformed|missing|required|bad|validation|parse|format|unsupported",
            400,
        ),
    ];
    // `HTTP_413`: a status inside the name.
    for part in name.split(|c: char| !c.is_ascii_digit()) {
        if let Ok(status @ 400..=599) = part.parse::<u16>()
            && part.len() == 3
        {
            return (status, format!("its name holds {status}"));
        }
    }
    let haystack = format!("{} {}", name.to_lowercase(), text.to_lowercase());
    for (needles, status) in RULES {
        if let Some(hit) = needles.split('|').find(|n| haystack.contains(n)) {
            return (
                *status,
                format!("its name or text says \"{}\"", hit.trim_matches('_')),
            );
        }
    }
    (
        500,
        "nothing in its name or text suggests a status".to_string(),
    )
}

/// What a piece of advice says about retrying, if anything.
pub fn retry_from_text(text: &str) -> Option<RetryClass> {
    let t = text.to_lowercase().replace(['’', '`'], "'");
    let never = [
        "don't retry",
        "do not retry",
        "not retry",
        "never retr",
        "never be retried",
        "not be retried",
        "no retry",
        "not retryable",
        "non-retryable",
        "fix the request",
    ];
    if never.iter().any(|n| t.contains(n)) {
        return Some(RetryClass::Never);
    }
    if t.contains("retry-after") || t.contains("retry after") || t.contains("retry_after") {
        return Some(RetryClass::AfterHeader);
    }
    let retry = ["retry", "retried", "back off", "backoff", "try again"];
    retry
        .iter()
        .any(|r| t.contains(r))
        .then_some(RetryClass::Backoff)
}

/// Whether a code's text describes an outcome rather than an error: it
/// says it succeeded, or that it is waiting, and nothing says it failed.
pub fn kind_from_text(text: &str) -> Option<Kind> {
    let t = text.to_lowercase();
    let w = words(text);
    let has = |s: &str| w.iter().any(|x| x == s);
    let failure = [
        "fail",
        "failed",
        "failure",
        "error",
        "errors",
        "not",
        "invalid",
        "denied",
        "no",
        "unknown",
        "timed",
        "timeout",
        "but",
        "unexpected",
        "unexpectedly",
        "exceeded",
        "missing",
        "cannot",
        "unable",
    ];
    if failure.iter().any(|f| has(f)) {
        return None;
    }
    if w.first()
        .is_some_and(|x| x == "ok" || x == "success" || x == "succeeded")
        || has("successfully")
        || has("success")
    {
        return Some(Kind::Success);
    }
    let pending = [
        "pending",
        "in progress",
        "queued",
        "in queue",
        "is training",
        "is evaluating",
        "is processing",
        "being processed",
        "scheduled",
    ];
    pending
        .iter()
        .any(|p| t.contains(p))
        .then_some(Kind::Pending)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_phrases_old_and_new_are_recognised() {
        assert_eq!(reason_prefix(400, "Bad RequestInvalid"), Some(11));
        assert_eq!(reason_prefix(422, "Unprocessable Entity - x"), Some(20));
        assert_eq!(reason_prefix(404, "Missing"), None);
    }

    #[test]
    fn guesses_name_the_words_that_decided_them() {
        assert_eq!(guess_status("rate_limited", "").0, 429);
        assert_eq!(guess_status("model_not_found", "").0, 404);
        assert_eq!(guess_status("expired_key", "").0, 401);
        assert_eq!(guess_status("widget", "").0, 500);
        assert_eq!(guess_status("HTTP_413", "").0, 413);
        assert_eq!(
            guess_status("AUTHZ_ERROR", "API key lacks required authorization").0,
            403
        );
        assert!(guess_status("widget", "").1.contains("nothing"));
    }

    #[test]
    fn advice_in_words_becomes_a_retry_class() {
        assert_eq!(
            retry_from_text("Client error, don't retry"),
            Some(RetryClass::Never)
        );
        assert_eq!(
            retry_from_text("Honor the Retry-After header"),
            Some(RetryClass::AfterHeader)
        );
        assert_eq!(
            retry_from_text("Safe to retry with backoff."),
            Some(RetryClass::Backoff)
        );
        assert_eq!(retry_from_text("The key is invalid"), None);
    }

    #[test]
    fn outcomes_are_told_from_errors() {
        assert_eq!(kind_from_text("Ok"), Some(Kind::Success));
        assert_eq!(kind_from_text("Model is training"), Some(Kind::Pending));
        assert_eq!(kind_from_text("Model training failed"), None);
        assert_eq!(kind_from_text("Invalid request"), None);
    }
}
