"""Localized messages in the generated Python package: CLDR's plural
rules evaluated as errcat ships them (every sample number CLDR lists),
messages in a locale along its fallbacks, and negotiation."""

from __future__ import annotations

import json
import re
from types import ModuleType

import pytest
from test_errors import ROOT, load

CLDR = json.loads((ROOT / "codegen/src/l10n/cldr_plurals.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def errors() -> ModuleType:
    return load(ROOT / "generated", "errcat_localized")


def rules_text(rules: dict[str, str]) -> str:
    """A locale's rules as errcat ships them: samples dropped, `other` implied."""
    order = ["zero", "one", "two", "few", "many"]
    entries = [(c, r.split("@")[0].strip()) for c, r in rules.items() if c != "other"]
    entries.sort(key=lambda e: order.index(e[0]))
    return "; ".join(f"{c}: {cond}" for c, cond in entries)


def expand(sample: str) -> list[str]:
    sample = sample.strip()
    if not sample or any(ch in sample for ch in "ce…"):
        return []
    if "~" not in sample:
        return [sample]
    low, high = sample.split("~")
    decimals = len(low.split(".")[1]) if "." in low else 0
    start, end = int(low.replace(".", "")), int(high.replace(".", ""))
    out = []
    for n in range(start, min(end, start + 1000) + 1):
        digits = str(n).rjust(decimals + 1, "0")
        out.append(f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits)
    return out


def test_every_cldr_sample_takes_its_category(errors: ModuleType) -> None:
    checked = 0
    for tag, rules in CLDR["locales"].items():
        text = rules_text(rules)
        for category, rule in rules.items():
            for part in rule.split("@")[1:]:
                for sample in re.sub(r"^(integer|decimal)", "", part).split(","):
                    for number in expand(sample):
                        assert errors.plural_category(text, number) == category, (tag, number, text)
                        checked += 1
    assert checked > 10_000


def test_messages_in_a_locale_follow_its_plural_forms(errors: ModuleType) -> None:
    said = errors.create("rate_limited", {"limit": 3, "window": 2}).message_in("pl-PL")
    assert said == "Przekroczono limit żądań: 3 wywołania na 2 sekundy."
    error = errors.create("rate_limited", {"limit": 25, "window": 60})
    assert error.message_in("pl") == "Przekroczono limit żądań: 25 wywołań na 60 sekund."
    assert error.message_in("fr-CH") == "Limite de débit dépassée : 25 appels par tranche de 60 secondes."
    assert error.message_in("de") == error.message
    assert error.title_in("fr") == "Limite de débit dépassée"
    # A message given as text is never replaced.
    given = errors.create("rate_limited", {"limit": 1, "window": 1}, message="slow down")
    assert given.message_in("fr") == "slow down"


def test_negotiation_by_quality_then_order(errors: ModuleType) -> None:
    assert errors.negotiate_locale("de-DE, pl;q=0.8, fr;q=0.9") == "fr"
    assert errors.negotiate_locale("fr;q=0, pl") == "pl"
    assert errors.negotiate_locale("") == "en"
    assert errors.find_locale("FR_ch") == 1


def test_templates_render_with_the_rules_given(errors: ModuleType) -> None:
    polish = rules_text(CLDR["locales"]["pl"])
    files = "{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}"
    rendered = [errors.render_template(files, {"n": n}, polish) for n in (1, 3, 5, 22, 1.5)]
    assert rendered == ["1 plik", "3 pliki", "5 plików", "22 pliki", "1.5 pliku"]
    # Without rules, the default locale's (English) decide.
    assert errors.render_template("{n, plural, one {# file} other {# files}}", {"n": 1}) == "1 file"
