"""The generated Python packages: every conformance case the Rust runtime
passes, typed constructors, isinstance across duplicated copies, hostile
responses. Run with pytest; checked with ``mypy --strict``."""

from __future__ import annotations

import copy
import importlib.util
import json
import pickle
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ["roboflow", "vision-api", "rotavision", "clarifai", "promptfloe"]
FIXTURES = ROOT / "codegen/tests/fixtures/good"


def load(generated: Path, alias: str) -> ModuleType:
    """The one package under ``generated/python/``, imported as ``alias``."""
    (package,) = [p for p in (generated / "python").iterdir() if p.is_dir()]
    spec = importlib.util.spec_from_file_location(
        alias, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return module


def run_cases(errors: ModuleType, cases_path: Path) -> int:
    """The package's own conformance runner over the catalog's cases, which
    are the ones the package ships."""
    conformance = importlib.import_module(f"{errors.__name__}.conformance")
    shipped = conformance.cases()
    cases: list[dict[str, Any]] = json.loads(cases_path.read_text("utf-8"))["cases"]
    assert shipped == cases
    ran: int = conformance.run()
    return ran


def test_the_conformance_runner_reports_every_problem() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    conformance = importlib.import_module("errcat_main.conformance")
    case = json.loads(json.dumps(conformance.cases()[0]))
    case["expect"]["status"] = 999
    case["expect"]["message"] = "not this"
    with pytest.raises(AssertionError) as failed:
        conformance.run([case])
    assert "2 conformance problem(s)" in str(failed.value)
    assert errors.CATALOG_NAME == "errcat"


def test_params_read_back_typed_under_mypy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mypy = pytest.importorskip("mypy.api")
    monkeypatch.setenv("MYPYPATH", str(ROOT / "generated/python"))
    usage = tmp_path / "usage.py"
    usage.write_text(
        "import errcat_errors\n"
        "def limit(error: errcat_errors.CatalogError) -> int:\n"
        "    if isinstance(error, errcat_errors.RateLimited):\n"
        "        return error.details.get('limit', 0)\n"
        "    return 0\n"
        "def wrong(error: errcat_errors.RateLimited) -> object:\n"
        "    return error.details['limti']\n",
        "utf-8",
    )
    out, _, status = mypy.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(usage)])
    assert status == 1, out
    assert 'TypedDict "RateLimitedDetails" has no key "limti"' in out, out
    assert out.count("error:") == 1, out


def test_main_catalog_passes_every_case() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    assert run_cases(errors, ROOT / "generated/conformance/cases.json") > 60


@pytest.mark.parametrize("seed", SEEDS)
def test_each_seed_passes_its_cases(seed: str) -> None:
    generated = ROOT / "examples/seeds" / seed / "generated"
    errors = load(generated, f"seed_{seed.replace('-', '_')}")
    assert run_cases(errors, generated / "conformance/cases.json") >= 3


def test_grpc_example_google_bodies_pass_every_case() -> None:
    generated = ROOT / "examples/grpc/generated"
    errors = load(generated, "example_grpc")
    assert run_cases(errors, generated / "conformance/cases.json") >= 10


def test_sqlstate_identities_names_and_prefix_classes() -> None:
    generated = ROOT / "examples/sqlstate/generated"
    errors = load(generated, "example_sqlstate")
    assert run_cases(errors, generated / "conformance/cases.json") > 40
    assert errors.lookup("unique_violation") == "23505"
    assert errors.facts("23505")["name"] == "unique_violation"
    assert errors.lookup("22P99") is None
    assert errors.resolve("22P99") == "22000"
    assert errors.resolve("99999") is None
    assert errors.resolve("22P99X") is None
    # An unknown code's fault follows the status class alone, as in Rust.
    for status, fault in [(404, "client"), (503, "server"), (600, "none"), (302, "none")]:
        unknown = errors.from_response(status, {}, b'{"error": {"code": "XYZ", "message": "m"}}')
        assert unknown.telemetry_labels()["errcat.fault"] == fault, status
    assert errors.lookup("string_data_right_truncation") is None
    assert errors.named("string_data_right_truncation") == ["01004", "22001"]
    assert errors.named("unique_violation") == ["23505"]
    assert errors.named("no_such_condition") == []
    assert errors.facts("01004")["name"] == "string_data_right_truncation"
    assert errors.facts("22001")["category"] == "data_exception"
    data_exception = errors.category("22")
    assert data_exception is not None
    assert (data_exception["generic"], data_exception["prefix"]) == ("22000", "22")
    assert "22001" in data_exception["codes"]
    assert errors.category("data_exception") == data_exception
    assert errors.category("2") is None
    error = errors.from_response(500, {}, b'{"error": {"code": "40P99", "message": "retry me"}}')
    assert (error.code, error.wire_code, error.retryable) == ("40000", "40P99", False)
    assert error.operation_backoff is not None and error.operation_backoff["maxAttempts"] == 4
    lost = errors.from_response(503, {}, b'{"error": {"code": "08006", "message": "lost"}}')
    assert lost.requires_idempotent and lost.retry_delay(1) is None
    assert lost.retry_delay(1, idempotent=True) is not None
    assert isinstance(error, errors.TransactionRollbackError)
    typed = errors.UniqueViolation(constraint="users_email_key")
    assert typed.status == 409 and isinstance(typed, errors.IntegrityError)


@pytest.mark.parametrize("fixture", ["hostile", "service", "wire_styles"])
def test_fixtures_pass_their_cases(fixture: str) -> None:
    expected = FIXTURES / fixture / "expected"
    errors = load(expected, f"fixture_{fixture}")
    assert run_cases(errors, expected / "conformance/cases.json") >= 3


def test_google_jsonapi_and_graphql_bodies_are_written_and_read() -> None:
    errors = load(FIXTURES / "wire_styles" / "expected", "fixture_wire_styles_direct")
    error = errors.create(
        "rate_limited", {"limit": 5, "window": 60}, request_id="req_1", retry_after=1.5, param="limit"
    )
    assert error.grpc_code == "RESOURCE_EXHAUSTED"
    body = error.to_json()
    assert (body["error"]["code"], body["error"]["status"]) == (429, "RESOURCE_EXHAUSTED")
    assert body["error"]["details"][0] == {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "rate_limited",
        "domain": "wire.example.com",
        "metadata": {"limit": "5", "window": "60"},
    }
    assert body["error"]["details"][2] == {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"}
    back = errors.from_response(429, {}, json.dumps(body).encode())
    assert (back.code, back.param, back.request_id, back.retry_after_ms) == ("rate_limited", "limit", "req_1", 1500.0)
    missing = errors.create("missing_field", {"field": "name"}, param="/data/attributes/name")
    first = missing.to_json()["errors"][0]
    assert first["status"] == "400" and first["source"] == {"pointer": "/data/attributes/name"}
    down = errors.create("resolver_down", {"resolver": "orders"}).to_json()
    assert down["errors"][0]["extensions"]["code"] == "resolver_down"
    assert errors.grpc_for_status(404) == "NOT_FOUND" and errors.grpc_for_status(302) == "UNKNOWN"
    stale = errors.create("stale_version", {"version": 7})
    assert stale.retry_policy["strategy"] == "operation" and stale.operation_backoff is None
    assert not stale.retryable and stale.retry_delay(1) is None


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


def test_errors_pickle_and_copy_with_their_class_and_facts() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    # A class used before a response is parsed is the class parsing gives,
    # so ``except`` (which ignores ``__instancecheck__``) catches it.
    cls = errors.ProjectNotFound
    with pytest.raises(cls):
        raise errors.from_response(404, {}, b'{"error": {"code": "project_not_found"}}')
    made = errors.RateLimited(limit=100, window=60, request_id="req_1", retry_after=30)
    parsed = errors.from_response(404, {"X-Request-Id": "req_2"}, b'{"error": {"code": "project_not_found"}}')
    unknown = errors.from_response(418, {}, b"short and stout")
    for error in (made, parsed, unknown):
        for again in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error), copy.copy(error)):
            # By name and brand: the suite loads the package more than once.
            assert type(again).__name__ == type(error).__name__
            assert isinstance(again, type(error)) and isinstance(again, errors.CatalogError)
            assert vars(again) == vars(error)
            assert again.args == error.args and str(again) == str(error)
            assert again.to_json() == error.to_json()
    assert isinstance(pickle.loads(pickle.dumps(made)), errors.RateLimitError)
    assert pickle.loads(pickle.dumps(made)).message_in("pl") == made.message_in("pl")


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


def test_what_any_http_library_passes_never_raises() -> None:
    errors = load(ROOT / "generated", "errcat_main")
    loose: Any = errors.from_response
    for headers in [None, 7, "x", [("Retry-After",)], [None], {1: 2}]:
        for body in [None, 42, memoryview(b"{}"), bytearray(b"x"), object(), ""]:
            assert isinstance(loose(500, headers, body), errors.CatalogError)
    assert loose("nope", {}, "").status == 0
    # aiohttp's raw_headers are bytes pairs; a number is read as its text.
    assert loose(503, [(b"Retry-After", b"7")], "").retry_after == 7.0
    assert loose(503, {"Retry-After": 8}, "").retry_after == 8.0
    # Details nested deeper than any parse keeps are written pruned.
    deep: Any = 1
    for _ in range(5000):
        deep = {"d": deep}
    error = errors.CatalogError("m", code="rate_limited", details={"deep": deep})
    assert len(json.dumps(error.to_json())) < 2000


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
