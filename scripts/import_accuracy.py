#!/usr/bin/env python3
"""Scores `errcat import page` against references transcribed by hand.

Each reference in scripts/import_accuracy/ lists what one page states: its
codes as the page writes them, and the status, numeric code and message it
gives each, plus its CLI exit codes. The script imports the page, then
counts one point per stated fact the draft agrees with, and one
disagreement per code the draft has that the page does not list (so
inventing codes costs as much as missing them). It prints the table that
docs/import.md records and every disagreement, and fails below --min.

    python3 scripts/import_accuracy.py [--seeds DIR] [--errcat BIN] [--min 0.9]
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
REFERENCES = HERE / "import_accuracy"
ROOT = HERE.parent


def words(text):
    """Text compared as its lower-case words: punctuation and case aside."""
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower().replace("’", "'")))


def fact(code, key):
    for f in code["facts"]:
        if f["key"] == key:
            return f["value"]
    return None


def score(reference, report):
    agreed, total, misses = 0, 0, []
    codes = {c["written"]: c for c in report["codes"]}
    for ref in reference["codes"]:
        total += 1
        got = codes.get(ref["code"])
        if got is None:
            misses.append(f"missing code `{ref['code']}`")
            total += sum(1 for k in ("status", "numeric", "message") if k in ref)
            continue
        agreed += 1
        for key in ("status", "numeric"):
            if key in ref:
                total += 1
                if fact(got, key) == ref[key]:
                    agreed += 1
                else:
                    misses.append(f"`{ref['code']}` {key}: page {ref[key]}, draft {fact(got, key)}")
        if "message" in ref:
            total += 1
            message = (fact(got, "message") or "").replace("{{", "{").replace("}}", "}")
            title = fact(got, "title") or ""
            want = words(ref["message"])
            if want in (words(message), words(f"{title} {message}")):
                agreed += 1
            else:
                misses.append(f"`{ref['code']}` message: page {ref['message']!r}, draft {message!r}")
    listed = {r["code"] for r in reference["codes"]}
    for written in codes:
        if written not in listed:
            total += 1
            misses.append(f"code `{written}` is not one the page lists")
    exits = {e["exit_code"]: e["meaning"] for e in report.get("exit_codes", [])}
    for ref in reference.get("exit_codes", []):
        total += 1
        if words(exits.get(ref["exit_code"])) == words(ref["meaning"]):
            agreed += 1
        else:
            misses.append(
                f"exit code {ref['exit_code']}: page {ref['meaning']!r}, draft {exits.get(ref['exit_code'])!r}"
            )
    return agreed, total, misses


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--errcat", default=str(ROOT / "target" / "debug" / "errcat"))
    parser.add_argument("--min", type=float, default=0.9)
    args = parser.parse_args()
    rows, failed = [], False
    for path in sorted(REFERENCES.glob("*.json")):
        reference = json.loads(path.read_text())
        page = pathlib.Path(args.seeds) / reference["page"]
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run(
                [args.errcat, "import", "page", str(page), "--out", f"{tmp}/catalog", "--json"],
                capture_output=True,
                text=True,
                check=False,
            )
        if out.returncode != 0:
            print(f"{page}: errcat import failed\n{out.stderr}", file=sys.stderr)
            failed = True
            continue
        agreed, total, misses = score(reference, json.loads(out.stdout))
        ratio = agreed / total
        failed |= ratio < args.min
        rows.append((reference["system"], reference["page"], len(reference["codes"]), agreed, total, ratio, misses))
    print("| page | system | codes listed | facts agreed | score |")
    print("| --- | --- | --- | --- | --- |")
    for system, page, n, agreed, total, ratio, _ in rows:
        print(f"| `{page}` | {system} | {n} | {agreed} / {total} | {ratio:.1%} |")
    for system, page, *_, misses in rows:
        if misses:
            print(f"\nDisagreements on `{page}` ({system}):")
            for m in misses:
                print(f"- {m}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
