"""The generated Python packages: every conformance case the Rust runtime
passes, typed constructors, isinstance across duplicated copies, hostile
responses. Run with pytest; checked with ``mypy --strict``."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ["roboflow", "vision-api", "rotavision", "clarifai", "promptfloe"]
FIXTURES = ROOT / "codegen/tests/fixtures/good"


def load(generated: Path, alias: str) -> ModuleType:
    """The one package under ``generated/python/``, imported as ``alias``."""
    (package,) = [p for p in (generated / "python").iterdir() if p.is_dir()]
    spec = importlib.util.spec_from_file_location(alias, package / "__init__.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return module


def run_cases(errors: Any, cases_path: Path) -> int:
    cases: List[Dict[str, Any]] = json.loads(cases_path.read_text("utf-8"))["cases"]
    for case in cases:
        name, response, expect = case["name"], case["response"], case["expect"]
        error = errors.from_response(response["status"], [tuple(h) for h in response["headers"]], response["body"])
        assert isinstance(error, errors.CatalogError), name
        assert issubclass(type(error), Exception), name
        assert error.code == expect["code"], name
        if "wire_code" in expect:
            assert error.wire_code == expect["wire_code"], name
        if expect["code"] is not None:
            assert error.class_name == expect["class"], name
            assert error.fault == expect["fault"], name
        assert error.status == expect["status"], name
        assert error.retryable == expect["retryable"], name
        assert (error.operation_backoff is not None) == expect.get("operation", False), name
        assert error.requires_idempotent == expect.get("idempotent_only", False), name
        if expect.get("idempotent_only"):
            assert error.retry_delay(1) is None, name
        assert error.message == expect["message"], name
        assert error.request_id == expect["request_id"], name
        assert error.retry_after_ms == expect["retry_after_ms"], name
        for step in expect["retry"]:
            bounds = error.delay_bounds(step["attempt"])
            if step.get("stop"):
                assert bounds is None and error.retry_delay(step["attempt"], idempotent=True) is None, name
                continue
            assert bounds is not None, name
            assert abs(bounds[0] * 1000 - step["min_ms"]) < 1e-6, (name, step, bounds)
            assert abs(bounds[1] * 1000 - step["max_ms"]) < 1e-6, (name, step, bounds)
            for r in (0.0, 0.5, 0.999999):
                delay = error.retry_delay(step["attempt"], lambda: r, idempotent=True)
                assert delay is not None and bounds[0] <= delay <= bounds[1], name
        if "body" in expect:
            assert error.to_json() == expect["body"], name
    return len(cases)


def test_main_catalog_passes_every_case() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    assert run_cases(errors, ROOT / "generated/conformance/cases.json") > 60


@pytest.mark.parametrize("seed", SEEDS)
def test_each_seed_passes_its_cases(seed: str) -> None:
    generated = ROOT / "examples/seeds" / seed / "generated"
    errors = load(generated, f"seed_{seed.replace('-', '_')}")
    assert run_cases(errors, generated / "conformance/cases.json") >= 3


def test_sqlstate_identities_names_and_prefix_classes() -> None:
    generated = ROOT / "examples/sqlstate/generated"
    errors = load(generated, "example_sqlstate")
    assert run_cases(errors, generated / "conformance/cases.json") > 40
    assert errors.lookup("unique_violation") == "23505"
    assert errors.lookup("22P99") is None
    assert errors.resolve("22P99") == "22000"
    assert errors.resolve("99999") is None
    error = errors.from_response(500, {}, b'{"error": {"code": "40P99", "message": "retry me"}}')
    assert (error.code, error.wire_code, error.retryable) == ("40000", "40P99", False)
    assert error.operation_backoff is not None and error.operation_backoff["maxAttempts"] == 4
    lost = errors.from_response(503, {}, b'{"error": {"code": "08006", "message": "lost"}}')
    assert lost.requires_idempotent and lost.retry_delay(1) is None
    assert lost.retry_delay(1, idempotent=True) is not None
    assert isinstance(error, errors.TransactionRollbackError)
    typed = errors.UniqueViolation(constraint="users_email_key")
    assert typed.status == 409 and isinstance(typed, errors.IntegrityError)


@pytest.mark.parametrize("fixture", ["hostile", "service"])
def test_fixtures_pass_their_cases(fixture: str) -> None:
    expected = FIXTURES / fixture / "expected"
    errors = load(expected, f"fixture_{fixture}")
    assert run_cases(errors, expected / "conformance/cases.json") >= 3


def test_typed_classes_render_the_template_and_form_a_hierarchy() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    error = errors.RateLimited(limit=100, window=60, request_id="req_1", retry_after=30)
    assert isinstance(error, errors.RateLimited)
    assert isinstance(error, errors.RateLimitError)
    assert isinstance(error, errors.CatalogError)
    assert not isinstance(error, errors.ValidationError)
    assert str(error) == "Rate limit exceeded: 100 calls per 60 seconds."
    assert (error.code, error.status, error.retry_after, error.request_id) == ("rate_limited", 429, 30.0, "req_1")
    assert error.details == {"limit": 100, "window": 60}
    assert error.docs_url == "https://errcat.dev/errors/rate_limit.html#rate_limited"
    assert error.to_json()["error"]["retry_after_ms"] == 30000
    with pytest.raises(errors.RateLimitError):
        raise error
    assert errors.lookup("RATE_LIMIT_ERROR") == "rate_limited"
    assert errors.from_numeric(17000) == "rate_limited"


def test_isinstance_holds_across_a_duplicated_copy() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    with tempfile.TemporaryDirectory() as tmp:
        copy_root = Path(tmp) / "generated"
        shutil.copytree(ROOT / "generated/python", copy_root / "python")
        copy = load(copy_root, "errcat_copy")
        assert copy.CatalogError is not errors.CatalogError
        theirs = copy.RateLimited(limit=1, window=1)
        assert isinstance(theirs, errors.CatalogError)
        assert isinstance(theirs, errors.RateLimitError)
        assert isinstance(theirs, errors.RateLimited)
        assert not isinstance(theirs, errors.ValidationError)
        assert not isinstance(ValueError("plain"), errors.CatalogError)


def test_hostile_responses_never_raise_and_stay_bounded() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    assert "not parsed" in errors.from_response(503, {}, "x" * (300 * 1024)).message
    deep = "[" * 100000 + "]" * 100000
    assert errors.from_response(500, {}, deep).status == 500
    assert errors.from_response(502, {}, b"\xff\xfe<b>").status == 502
    rid = errors.from_response(500, {"X-Request-Id": "a\r\nSet-Cookie: x" + "y" * 500}, "").request_id
    assert rid is not None and len(rid) <= 256 and "\n" not in rid
    assert errors.from_response(503, {"Retry-After": "9" * 40}, "").retry_after == 4294967295.0
    assert errors.from_response(503, {"Retry-After": "soon"}, "").retry_after is None
    assert errors.parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 2e9) == 0.0


def test_seed_sdk_exceptions_read_as_their_users_expect() -> None:
    roboflow = load(ROOT / "examples/seeds/roboflow/generated", "seed_roboflow")
    bad = roboflow.BadRequest(reason="no image")
    # "ValueError / RoboflowError": the class is the SDK's own, the text is kept.
    assert isinstance(bad, roboflow.RoboflowError)
    assert bad.class_name == "ValueError / RoboflowError"
    rotavision = load(ROOT / "examples/seeds/rotavision/generated", "seed_rotavision")
    body = '{"error": {"code": "invalid_request", "message": "bad", "param": "image_url", "request_id": "req_9"}}'
    invalid = rotavision.from_response(400, {}, body)
    assert isinstance(invalid, rotavision.ValidationError) and isinstance(invalid, rotavision.InvalidRequest)
    assert (invalid.param, invalid.request_id) == ("image_url", "req_9")
    limited = rotavision.from_response(429, {"Retry-After": "7"}, '{"error": {"code": "rate_limit_exceeded"}}')
    assert isinstance(limited, rotavision.RateLimitError)
    assert limited.retry_after == 7.0
