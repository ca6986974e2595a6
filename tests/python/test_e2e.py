"""End to end: the example axum server (examples/server.rs) answers real
requests over loopback; this client parses its errors with the generated
package (``urllib``, no dependencies) and follows the retry advice.
scripts/e2e.sh starts the server and sets E2E_BASE_URL; without it there is
nothing to talk to."""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from test_errors import ROOT, load

BASE = os.environ.get("E2E_BASE_URL")
pytestmark = pytest.mark.skipif(BASE is None, reason="scripts/e2e.sh runs the server")


def call(path: str, headers: dict[str, str] | None = None) -> Any:
    """The body on success, or the parsed catalog error."""
    errors = load(ROOT / "generated", "errcat_main")
    request = urllib.request.Request(f"{BASE}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read().decode()
    except urllib.error.HTTPError as failure:
        return errors.from_response(failure.code, list(failure.headers.items()), failure.read())


def test_the_servers_errors_parse_to_codes_and_classes() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    not_found = call("/projects/nonexistent", {"X-Request-Id": "req_e2e_py"})
    assert isinstance(not_found, errors.NotFoundError)
    assert isinstance(not_found, errors.ProjectNotFound)
    assert (not_found.code, not_found.param, not_found.request_id) == ("project_not_found", "project", "req_e2e_py")
    assert not not_found.retryable
    missing = call("/secret")
    assert missing.code == "missing_api_key" and missing.retry_delay(1) is None


def test_a_rate_limited_call_is_retried_as_retry_after_says() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    waited = 0.0
    attempt = 1
    while True:
        result = call("/busy")
        if isinstance(result, str):
            break
        assert isinstance(result, errors.RateLimitError)
        assert result.retry_after == 1.0
        delay = result.retry_delay(attempt)
        assert delay == 1.0, "the server's Retry-After, not a guess"
        waited += delay
        time.sleep(delay)
        attempt += 1
    assert waited >= 1.0
    assert Path(__file__).exists()


def test_errors_come_in_the_locale_the_client_asks_for() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    for language, tag, expected in [
        ("pl-PL, en;q=0.5", "pl", "Nie znaleziono projektu „nonexistent”."),
        ("fr-CA", "fr", "Projet « nonexistent » introuvable."),
        ("de", "en", "Project 'nonexistent' not found."),
    ]:
        said = call("/projects/nonexistent", {"Accept-Language": language})
        assert isinstance(said, errors.ProjectNotFound)
        assert said.code == "project_not_found"
        assert said.message == expected
        # The client negotiates as the server did.
        assert errors.negotiate_locale(language) == tag
