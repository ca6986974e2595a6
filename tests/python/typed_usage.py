"""How a client uses the generated package, type-checked with
``mypy --strict`` against ``generated/python`` (run, not imported, by CI)."""

from __future__ import annotations

import errcat_errors


def handle(status: int, body: bytes) -> float | None:
    error = errcat_errors.from_response(status, {"Retry-After": "3"}, body)
    if isinstance(error, errcat_errors.RateLimitError):
        wait: float | None = error.retry_after
        return wait
    if error.code == "invalid_api_key" and not error.retryable:
        return None
    return error.retry_delay(1)


def raise_typed() -> None:
    raise errcat_errors.RateLimited(limit=100, window=60, request_id="req_1")


def say_in(accept_language: str) -> str:
    error = errcat_errors.create("rate_limited", {"limit": 3, "window": 1})
    locale: str = errcat_errors.negotiate_locale(accept_language)
    title: str | None = error.title_in(locale)
    return error.message_in(locale) + (title or "")
