"""The catalog's conformance cases, run against this package: what an SDK's
own test suite calls to prove it reads every error response as errcat's
Rust runtime does.

    from payments_errors import conformance

    def test_conformance() -> None:
        conformance.run()

Each case is an HTTP error response and what a client must make of it: the
code, SDK class, fault, retryability, message, request id, ``Retry-After``,
the delay bounds of each retry, and the body written back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from . import CatalogError, create, from_response, negotiate_locale, plural_category, render_template

_CASES = Path(__file__).with_name("conformance.json")


def _always(value: float) -> Callable[[], float]:
    """A random source that always draws `value`."""
    return lambda: value


def cases() -> list[dict[str, Any]]:
    """The cases shipped with this package (``conformance.json``)."""
    document: dict[str, Any] = json.loads(_CASES.read_text("utf-8"))
    found: list[dict[str, Any]] = document["cases"]
    return found


def check(case: Mapping[str, Any]) -> list[str]:
    """What this package gets wrong about one case; empty when nothing."""
    name, response, expect = case["name"], case["response"], case["expect"]
    problems: list[str] = []

    def same(what: str, found: Any, expected: Any) -> None:
        if found != expected:
            problems.append(f"{name}: {what} is {found!r}, expected {expected!r}")

    error = from_response(response["status"], [tuple(h) for h in response["headers"]], response["body"])
    if not isinstance(error, CatalogError) or not isinstance(error, Exception):
        return [f"{name}: from_response did not give a CatalogError"]
    same("code", error.code, expect["code"])
    if "wire_code" in expect:
        same("wire code", error.wire_code, expect["wire_code"])
    if expect["code"] is not None:
        same("class", error.class_name, expect.get("class"))
        same("fault", error.fault, expect["fault"])
    same("status", error.status, expect["status"])
    same("retryable", error.retryable, expect["retryable"])
    same("operation", error.retry_policy["strategy"] == "operation", expect.get("operation", False))
    same("idempotent only", error.requires_idempotent, expect.get("idempotent_only", False))
    if expect.get("idempotent_only") and error.retry_delay(1) is not None:
        problems.append(f"{name}: retried a request not known to be idempotent")
    if "telemetry" in expect:
        same("telemetry labels", error.telemetry_labels(), expect["telemetry"])
    same("message", error.message, expect["message"])
    same("request id", error.request_id, expect["request_id"])
    same("Retry-After", error.retry_after_ms, expect["retry_after_ms"])
    for step in expect["retry"]:
        attempt = step["attempt"]
        bounds = error.delay_bounds(attempt)
        if step.get("stop"):
            if bounds is not None or error.retry_delay(attempt, idempotent=True) is not None:
                problems.append(f"{name}: attempt {attempt} should stop, got {bounds!r}")
            continue
        if bounds is None:
            problems.append(f"{name}: attempt {attempt} should retry")
            continue
        if abs(bounds[0] * 1000 - step["min_ms"]) > 1e-6 or abs(bounds[1] * 1000 - step["max_ms"]) > 1e-6:
            problems.append(
                f"{name}: attempt {attempt} waits {bounds!r} s, expected {step['min_ms']}..{step['max_ms']} ms"
            )
        for r in (0.0, 0.5, 0.999999):
            delay: float | None = error.retry_delay(attempt, _always(r), idempotent=True)
            if delay is None or not bounds[0] <= delay <= bounds[1]:
                problems.append(f"{name}: attempt {attempt} drew {delay!r} outside {bounds!r}")
    if "localized" in expect:
        same("localized message", error.localized, expect["localized"])
    if "body" in expect:
        same("body written back", error.to_json(), expect["body"])
    return problems


def templates() -> list[dict[str, Any]]:
    """The template cases shipped with this package: a template, its params,
    and the message errcat's Rust runtime renders from them."""
    document: dict[str, Any] = json.loads(_CASES.read_text("utf-8"))
    found: list[dict[str, Any]] = document.get("templates", [])
    return found


def check_template(case: Mapping[str, Any]) -> list[str]:
    """What this package renders differently for one template case."""
    found = render_template(case["template"], case["params"], case.get("plurals"))
    if found == case["expect"]:
        return []
    return [f"template {case['template']!r}: rendered {found!r}, expected {case['expect']!r}"]


def check_localization(document: Mapping[str, Any] | None = None) -> list[str]:
    """What this package decides differently for the shipped plural,
    localized and negotiation cases."""
    shipped: Mapping[str, Any] = json.loads(_CASES.read_text("utf-8")) if document is None else document
    problems: list[str] = []
    for case in shipped.get("plurals", []):
        found = plural_category(case["rules"], case["number"])
        if found != case["expect"]:
            problems.append(f"plural {case['locale']} {case['number']!r}: {found}, expected {case['expect']}")
    for case in shipped.get("localized", []):
        error = create(case["code"], case["params"])
        title, message = error.title_in(case["request"]), error.message_in(case["request"])
        expect = case["expect"]
        if title != expect["title"]:
            problems.append(f"{case['code']} in {case['request']}: title {title!r}, expected {expect['title']!r}")
        if message != expect["message"]:
            problems.append(f"{case['code']} in {case['request']}: message {message!r}, expected {expect['message']!r}")
    for case in shipped.get("negotiation", []):
        found = negotiate_locale(case["accept_language"])
        if found != case["expect"]:
            problems.append(f"Accept-Language {case['accept_language']!r}: {found}, expected {case['expect']}")
    return problems


def run(
    selected: Iterable[Mapping[str, Any]] | None = None,
    selected_templates: Iterable[Mapping[str, Any]] | None = None,
) -> int:
    """Runs every case and template case (the shipped ones unless given);
    raises ``AssertionError`` naming every problem; returns how many ran."""
    chosen = list(cases() if selected is None else selected)
    chosen_templates = list(templates() if selected_templates is None else selected_templates)
    problems = [problem for case in chosen for problem in check(case)]
    problems += [problem for case in chosen_templates for problem in check_template(case)]
    problems += check_localization()
    if problems:
        raise AssertionError(f"{len(problems)} conformance problem(s):\n" + "\n".join(problems))
    shipped: dict[str, Any] = json.loads(_CASES.read_text("utf-8"))
    others = sum(len(shipped.get(key, [])) for key in ("plurals", "localized", "negotiation"))
    return len(chosen) + len(chosen_templates) + others
