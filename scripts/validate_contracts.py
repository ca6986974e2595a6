"""Checks errcat's machine-readable contracts with real validators.

- Every catalog file in the repository validates against the generated JSON
  Schema of the catalog format (catalog.toml and category files), and a
  handful of bad files do not.
- Every generated OpenAPI document is valid OpenAPI 3.1
  (openapi-spec-validator), and every example response in it (written by
  errcat-runtime) validates against its response's schema (written by the
  OpenAPI emitter), in every envelope style.

Run by .ci/run in a venv from scripts/requirements.txt:
    python3 -m venv target/venv
    target/venv/bin/pip install -r scripts/requirements.txt
    target/venv/bin/python scripts/validate_contracts.py
"""

import json
import pathlib
import sys

import tomllib
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "generated" / "schema"

results = {"passed": 0, "failed": 0}


def check(ok, what):
    results["passed" if ok else "failed"] += 1
    if not ok:
        print(f"FAILED: {what}")


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


CATALOG = validator("catalog.schema.json")
CATEGORY = validator("category.schema.json")


def errors_of(name, document):
    schema = CATALOG if name == "catalog.toml" else CATEGORY
    return [e.message for e in schema.iter_errors(document)]


def catalog_folders():
    yield ROOT / "catalog"
    yield ROOT / "examples" / "basic" / "catalog"
    yield ROOT / "examples" / "sqlstate" / "catalog"
    yield ROOT / "examples" / "diagnostics" / "catalog"
    yield from sorted((ROOT / "examples" / "seeds").glob("*/catalog"))
    yield from sorted((ROOT / "codegen" / "tests" / "fixtures" / "good").glob("*/catalog"))


for folder in catalog_folders():
    for path in sorted(folder.glob("*.toml")):
        errors = errors_of(path.name, tomllib.loads(path.read_text()))
        check(not errors, f"{path.relative_to(ROOT)}: {errors[:3]}")

BAD = {
    "an unknown key in a code": ("input.toml", "[bad]\ntitle = 'Bad'\nmessage = 'Bad.'\ncolour = 'red'\n"),
    "a status that is not a number": (
        "input.toml",
        "[bad]\ntitle = 'Bad'\nmessage = 'Bad.'\nstatus = 'four hundred'\n",
    ),
    "a kind outside the list": ("input.toml", "[bad]\ntitle = 'Bad'\nmessage = 'Bad.'\nkind = 'fatal'\n"),
    "an unknown param type": ("input.toml", "[bad]\ntitle = 'Bad'\nmessage = '{n}'\nparams = { n = 'u128' }\n"),
    "a blank title": ("input.toml", "[bad]\ntitle = ''\nmessage = 'Bad.'\n"),
    "a code-only key on a category": (
        "catalog.toml",
        "[catalog]\nname = 'x'\n[categories.a]\ntitle = 'A'\nfault = 'client'\nsince = '1.0'\n",
    ),
    "an unknown output": (
        "catalog.toml",
        "[catalog]\nname = 'x'\n[outputs]\npdf = true\n[categories.a]\ntitle = 'A'\nfault = 'client'\n",
    ),
    "an exit code that is not a number": (
        "catalog.toml",
        "[catalog]\nname = 'x'\n[exit_codes]\nfail = 'Failed'\n[categories.a]\ntitle = 'A'\nfault = 'client'\n",
    ),
    "no [catalog]": ("catalog.toml", "[categories.a]\ntitle = 'A'\nfault = 'client'\n"),
}
for what, (name, text) in BAD.items():
    check(errors_of(name, tomllib.loads(text)) != [], f"the schema accepts {what}")

documents = [ROOT / "generated" / "openapi" / "errors.json"]
documents += sorted((ROOT / "examples" / "seeds").glob("*/generated/openapi/errors.json"))
documents += sorted((ROOT / "examples").glob("*/generated/openapi/errors.json"))
documents += sorted((ROOT / "codegen" / "tests" / "fixtures" / "good").glob("*/expected/openapi/errors.json"))
for path in documents:
    document = json.loads(path.read_text())
    try:
        validate(document)
        check(True, path)
    except Exception as error:  # the validator's own error types vary
        check(False, f"{path.relative_to(ROOT)}: {error}")
    for status, response in document["components"]["responses"].items():
        for media, content in response["content"].items():
            pointer = "/".join(
                ["#/components/responses", status, "content", media.replace("~", "~0").replace("/", "~1"), "schema"]
            )
            # The document is the root resource, so `#/components/...` resolves.
            examples = Draft202012Validator({**document, "$ref": pointer})
            for name, example in content.get("examples", {}).items():
                errors = [e.message for e in examples.iter_errors(example["value"])]
                check(not errors, f"{path.relative_to(ROOT)}: {status} {media} example {name}: {errors[:2]}")

print(f"contracts: {results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
