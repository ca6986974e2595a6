"""The runtime of a generated errcat client: the same rules as
errcat-runtime, in Python 3.9+, with no dependencies. It is the same file for
every catalog; the catalog itself is ``_data.py`` beside it, and
``__init__.py`` adds the classes and typed constructors. Import from the
package, not from here."""

from __future__ import annotations

import datetime
import json
import math
import random
import re
import time
from collections.abc import Iterable, Mapping
from typing import Any, Callable, TypedDict

from ._data import (
    _CASE_INSENSITIVE,
    _CATEGORIES,
    _CODE_CLASS,
    _CODE_CLASSES,
    _CODES,
    _DOMAIN,
    _ENVELOPE,
    _GRPC_BY_STATUS,
    _IDENTITY_PATTERN,
    _LIMITS,
    _LOCALES,
    _NAMES,
    _NUMERIC,
    _OUTER_REQUEST_ID,
    _POLICIES,
    _PREFIX_CLASSES,
    _REQUEST_ID_HEADER,
    _SHARED_NAMES,
    _STATUS_POLICIES,
    _TELEMETRY,
    _TRANSLATIONS,
    _WIRE,
    CATALOG_NAME,
)

_BRAND = "__errcat_catalog__"


class _Branded(type):
    """Makes ``isinstance`` decide by the catalog's brand and SDK class, so
    it holds across two copies of this module."""

    def __instancecheck__(cls, instance: object) -> bool:
        if getattr(instance, _BRAND, None) != CATALOG_NAME:
            return False
        sdk_class: str | None = cls.__dict__.get("sdk_class")
        code: str | None = cls.__dict__.get("code_class")
        if code is not None:
            return getattr(instance, "code", None) == code
        return sdk_class is None or getattr(instance, "_sdk_class", None) == sdk_class

    def __subclasscheck__(cls, subclass: type) -> bool:
        return type.__subclasscheck__(cls, subclass)


class CatalogError(Exception, metaclass=_Branded):
    """An error of this catalog. ``isinstance`` works across duplicated
    copies of this module; ``code`` is ``None`` for a code this catalog
    does not have."""

    code: str | None
    wire_code: str
    status: int
    message: str
    param: str | None
    request_id: str | None
    retry_after_ms: float | None
    #: The message params (a parsed body may lack some); each code's class
    #: narrows it to a ``TypedDict`` of its params.
    details: Mapping[str, Any]
    class_name: str | None
    #: Whether the message is its code's template, rendered (``create``).
    _templated: bool = False

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        wire_code: str | None = None,
        status: int | None = None,
        param: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        details: Mapping[str, Any] | None = None,
        localized: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        facts = _CODES.get(code) if code is not None else None
        self.code = code if facts is not None else None
        self.wire_code = wire_code if wire_code is not None else (code or "")
        self.status = status if status is not None else (int(facts["status"]) if facts else 500)
        self.message = message
        self.param = param
        self.request_id = request_id
        self.retry_after_ms = None if retry_after is None else retry_after * 1000.0
        self.details = dict(details or {})
        #: The message for users a Google body carried beside its developer
        #: message (``LocalizedMessage``): ``{"locale", "message"}``, if any.
        self.localized: dict[str, str] | None = dict(localized) if localized else None
        self.class_name = facts["sdkException"] if facts else None
        self._sdk_class: str | None = _CODE_CLASS.get(code) if facts is not None and code is not None else None
        setattr(self, _BRAND, CATALOG_NAME)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickles (and copies) as the code's error with every attribute,
        whatever its class's keyword-only ``__init__`` takes, so errors
        cross ``multiprocessing`` and ``copy.deepcopy``."""
        return (_unpickle, (self.code, self.wire_code, self.message, dict(self.__dict__)))

    def message_in(self, tag: str) -> str:
        """The message in the locale ``tag`` names (``fr-CH`` falls back to
        ``fr``, then to the default), rendered with this error's details and
        that locale's plural rules; the message as it is for an error that
        did not come from its code's template (``create``), or a locale the
        catalog lacks. As errcat-runtime's ``Error::message_in``."""
        locale = find_locale(tag)
        if self.code is None or locale is None or not getattr(self, "_templated", False):
            return self.message
        found = _translated(self.code, locale, 1)
        if found is None:
            return self.message
        return render_template(found[1], self.details, _LOCALES["plurals"][found[0]])

    def title_in(self, tag: str) -> str | None:
        """The code's title in the locale ``tag`` names, as ``message_in``
        finds it."""
        facts = self.facts
        if self.code is None or facts is None:
            return None
        locale = find_locale(tag)
        found = None if locale is None else _translated(self.code, locale, 0)
        return str(facts["title"]) if found is None else found[1]

    @property
    def retry_after(self) -> float | None:
        """The server's advised wait in seconds (``Retry-After``), if any."""
        return None if self.retry_after_ms is None else self.retry_after_ms / 1000.0

    @property
    def facts(self) -> dict[str, Any] | None:
        """What the catalog says about the code (``None`` if unknown)."""
        return _CODES.get(self.code) if self.code is not None else None

    @property
    def docs_url(self) -> str | None:
        facts = self.facts
        return str(facts["docsUrl"]) if facts else None

    @property
    def grpc_code(self) -> str:
        """The gRPC canonical code: the code's, else the HTTP status's."""
        facts = self.facts
        return str(facts["grpc"]) if facts else grpc_for_status(self.status)

    @property
    def fault(self) -> str:
        """Who is at fault: the code's, else by HTTP status class."""
        facts = self.facts
        if facts:
            return str(facts["fault"])
        # As errcat-runtime's ``Fault::of_status``: 4xx client, 5xx server.
        return "server" if 500 <= self.status < 600 else "client" if 400 <= self.status < 500 else "none"

    @property
    def retry_policy(self) -> dict[str, Any]:
        """The code's retry policy, or one from the HTTP status if unknown."""
        facts = self.facts
        return _POLICIES[facts["retry"]] if facts else policy_for_status(self.status)

    @property
    def retryable(self) -> bool:
        """True when the policy allows any retry of this call."""
        return self.retry_policy["strategy"] not in ("never", "operation")

    def telemetry_labels(self) -> dict[str, str | bool]:
        """The telemetry labels of this error, as errcat-runtime's
        ``Error::telemetry``: OpenTelemetry's ``error.type`` (the code, or
        ``_OTHER`` when the catalog does not know it), then category, fault and
        retryability; every value from the catalog, so metrics stay bounded."""
        labels: dict[str, str | bool] = {
            _TELEMETRY["errorType"]: self.code if self.code is not None else _TELEMETRY["other"]
        }
        facts = self.facts
        if facts is not None and facts.get("category") is not None:
            labels[_TELEMETRY["category"]] = str(facts["category"])
        labels[_TELEMETRY["fault"]] = self.fault
        labels[_TELEMETRY["retryable"]] = self.retryable
        return labels

    @property
    def requires_idempotent(self) -> bool:
        """True when only idempotent requests are retried (see ``retry_delay``)."""
        return bool(self.retry_policy.get("idempotentOnly", False))

    @property
    def operation_backoff(self) -> Mapping[str, Any] | None:
        """The backoff for retrying the whole operation, when that is the advice."""
        policy = self.retry_policy
        # An operation policy without delays advises the retry, not its pace.
        return policy if policy["strategy"] == "operation" and "initialMs" in policy else None

    def delay_bounds(self, attempt: int) -> tuple[float, float] | None:
        """The least and most delay in seconds after ``attempt`` failed
        attempts, or ``None`` to stop."""
        return delay_bounds(self.retry_policy, attempt, self.retry_after_ms)

    def retry_delay(
        self, attempt: int, rand: Callable[[], float] = random.random, idempotent: bool = False
    ) -> float | None:
        """How long to wait in seconds after ``attempt`` failed attempts,
        or ``None`` to give up. Pass ``idempotent=True`` for a request that
        is safe to repeat: a policy that retries only those gives up
        otherwise."""
        if self.requires_idempotent and not idempotent:
            return None
        bounds = self.delay_bounds(attempt)
        return None if bounds is None else bounds[0] + (bounds[1] - bounds[0]) * rand()

    def to_json(self) -> dict[str, Any]:
        """The error as the catalog's envelope, for sending."""
        facts = self.facts
        return _write_body(
            {
                "code": self.code if self.code is not None else self.wire_code,
                "message": self.message,
                "status": self.status,
                "type": facts["type"] if facts else None,
                "title": facts["title"] if facts else None,
                "param": self.param,
                "requestId": self.request_id,
                "retryAfterMs": self.retry_after_ms,
                "docsUrl": facts["docsUrl"] if facts else None,
                "details": self.details,
                "grpc": self.grpc_code,
                "domain": _DOMAIN,
                "localized": self.localized,
            },
            str(facts["envelope"]) if facts else str(_ENVELOPE["style"]),
        )


def grpc_for_status(status: int) -> str:
    """The gRPC code of an HTTP status, as errcat-runtime maps it."""
    own = _GRPC_BY_STATUS.get(str(status))
    if own is not None:
        return str(own)
    cls = str(status // 100) if 200 <= status < 600 else ""
    return str(_GRPC_BY_STATUS.get(cls, _GRPC_BY_STATUS[""]))


def _ascii_lower(text: str) -> str:
    """``text`` with ASCII letters in lower case, as the Rust runtime folds."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


_FOLDED: dict[str, str] = {_ascii_lower(name): str(code) for name, code in _NAMES.items()} if _CASE_INSENSITIVE else {}


def lookup(name: str) -> str | None:
    """The code with this name, wire name or alias; ignoring ASCII case when
    the catalog says lookups do."""
    code = _NAMES.get(name)
    if code is None and _CASE_INSENSITIVE:
        code = _FOLDED.get(_ascii_lower(name))
    return None if code is None else str(code)


def named(name: str) -> list[str]:
    """Every code that answers to ``name``: all the codes that share it as
    their condition name, in catalog order (as PL/pgSQL catches ``01004`` and
    ``22001`` by ``string_data_right_truncation``), else the one ``lookup``
    finds. ``lookup`` finds no shared name."""
    shared = _SHARED_NAMES.get(name)
    if shared is None and _CASE_INSENSITIVE:
        folded = _ascii_lower(name)
        shared = next((codes for key, codes in _SHARED_NAMES.items() if _ascii_lower(key) == folded), None)
    if shared is not None:
        return [str(code) for code in shared]
    code = lookup(name)
    return [] if code is None else [code]


_IDENTITY: re.Pattern[str] | None = (
    None if _IDENTITY_PATTERN is None else re.compile(f"(?:{_IDENTITY_PATTERN})", re.ASCII)
)
_TOKEN = re.compile(r"[A-Za-z0-9_]+", re.ASCII)


def _can_be_identity(text: str) -> bool:
    """Whether ``text`` can be an identity: with an identity pattern, a token
    of ASCII letters, digits and ``_`` that matches it in full."""
    if _IDENTITY is None:
        return True
    return (
        0 < len(text) <= int(_LIMITS["maxIdentityLen"])
        and _TOKEN.fullmatch(text) is not None
        and _IDENTITY.fullmatch(text) is not None
    )


def resolve(identity: str) -> str | None:
    """The code a client reading ``identity`` means: ``lookup``, else the
    generic code of its prefix class, by the longest prefix it starts with.
    With an identity pattern, a string that cannot be an identity has no
    class."""
    code = lookup(identity)
    if code is not None or not _can_be_identity(identity):
        return code
    folded = _ascii_lower(identity) if _CASE_INSENSITIVE else identity
    for prefix, generic in _PREFIX_CLASSES:
        if folded.startswith(_ascii_lower(prefix) if _CASE_INSENSITIVE else prefix):
            return generic
    return None


def from_numeric(numeric: int) -> str | None:
    """The code with this numeric code."""
    return _NUMERIC.get(str(numeric))


def facts(code: str) -> dict[str, Any]:
    """What the catalog says about ``code`` (as TypeScript's ``facts``)."""
    return dict(_CODES[code])


def category(key: str) -> dict[str, Any] | None:
    """The category with this id, or this class prefix (``"22"``), as Rust's
    ``Category::lookup``: its title, fault, type, prefix, generic code and
    codes."""
    found = _CATEGORIES.get(key)
    if found is None:
        found = next((c for c in _CATEGORIES.values() if c["prefix"] is not None and c["prefix"] == key), None)
    return None if found is None else dict(found)


def _template_text(value: Any) -> str:
    """A param's text: strings as they are, anything else as compact JSON;
    a whole float as the integer it is, as every client prints it."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def render_template(template: str, params: Mapping[str, Any], plurals: str | None = None) -> str:
    """Renders a message template as errcat-runtime's ``template::render``
    does: ``{name}`` placeholders, ``{{``/``}}`` literal braces, and ICU
    plural and select choices (``{n, plural, one {# file} other {# files}}``),
    plural arms chosen by ``plurals``, a locale's CLDR rules (the default
    locale's unless given). A template that does not parse is rendered
    flat: each well-formed ``{name}`` filled, every other brace kept."""
    rules = _LOCALES["plurals"][0] if plurals is None else plurals

    def value(name: str) -> str | None:
        return _template_text(params[name]) if name in params else None

    if "," in template:
        pieces = _parse_template(template)
        if pieces is not None:
            return _render_pieces(pieces, template, rules, None, value)
    return _render_flat(template, value)


#: How deep choices nest at most (errcat-runtime's ``MAX_CHOICE_DEPTH``).
_MAX_CHOICE_DEPTH = 4
_CLDR_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
#: Whitespace as Rust's ``char::is_whitespace`` sees it.
_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_EXACT_KEY = re.compile(r"=[0-9]{1,18}", re.ASCII)


def _trim(text: str) -> str:
    start, end = 0, len(text)
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return text[start:end]


# A piece: ("text", str), ("param", name, offset), ("number",) or
# ("choice", name, is_plural, [(key, pieces), ...]).
_Piece = tuple[Any, ...]


def _parse_template(template: str) -> list[_Piece] | None:
    """The pieces of ``template``, or ``None`` when it does not parse."""
    n = len(template)

    def pieces(at: int, in_plural: bool, depth: int) -> tuple[list[_Piece], int] | None:
        out: list[_Piece] = []
        while at < n:
            c = template[at]
            if c == "{" and template[at + 1 : at + 2] == "{":
                out.append(("text", "{"))
                at += 2
            elif c == "}":
                if depth > 0:
                    return out, at
                if template[at + 1 : at + 2] != "}":
                    return None
                out.append(("text", "}"))
                at += 2
            elif c == "{":
                found = braced(at, in_plural, depth)
                if found is None:
                    return None
                out.append(found[0])
                at = found[1]
            elif in_plural and c == "#":
                if template[at + 1 : at + 2] == "#":
                    out.append(("text", "#"))
                    at += 2
                else:
                    out.append(("number",))
                    at += 1
            else:
                end = at
                while end < n and template[end] not in "{}" and not (in_plural and template[end] == "#"):
                    end += 1
                out.append(("text", template[at:end]))
                at = end
        return None if depth > 0 else (out, at)

    def braced(at: int, in_plural: bool, depth: int) -> tuple[_Piece, int] | None:
        end = at + 1
        while end < n and template[end] not in "{},":
            end += 1
        if end >= n or template[end] == "{":
            return None
        name = template[at + 1 : end]
        if template[end] == "}":
            return None if name == "" else (("param", name, at), end + 1)
        return choice(_trim(name), end + 1, in_plural, depth)

    def choice(name: str, at: int, in_plural: bool, depth: int) -> tuple[_Piece, int] | None:
        if name == "" or depth >= _MAX_CHOICE_DEPTH:
            return None
        comma = at
        while comma < n and template[comma] not in "{},":
            comma += 1
        if comma >= n or template[comma] != ",":
            return None
        kind = _trim(template[at:comma])
        if kind not in ("plural", "select"):
            return None
        plural = kind == "plural"
        arms: list[tuple[str, list[_Piece]]] = []
        at = comma + 1
        while True:
            while at < n and template[at] in _SPACE:
                at += 1
            if at >= n:
                return None
            if template[at] == "}":
                if not any(key == "other" for key, _ in arms):
                    return None
                return ("choice", name, plural, arms), at + 1
            key_end = at
            while key_end < n and template[key_end] not in _SPACE and template[key_end] not in "{}":
                key_end += 1
            key = template[at:key_end]
            opened = key_end
            while opened < n and template[opened] in _SPACE:
                opened += 1
            if key == "" or template[opened : opened + 1] != "{":
                return None
            if plural and key not in _CLDR_CATEGORIES and not _EXACT_KEY.fullmatch(key):
                return None
            if any(k == key for k, _ in arms):
                return None
            body = pieces(opened + 1, in_plural or plural, depth + 1)
            if body is None:
                return None
            arms.append((key, body[0]))
            at = body[1] + 1

    parsed = pieces(0, False, 0)
    return None if parsed is None else parsed[0]


def _render_pieces(
    pieces: list[_Piece],
    template: str,
    plurals: str,
    number: str | None,
    value: Callable[[str], str | None],
) -> str:
    out: list[str] = []
    for piece in pieces:
        kind = piece[0]
        if kind == "text":
            out.append(piece[1])
        elif kind == "number":
            out.append("#" if number is None else number)
        elif kind == "param":
            found = value(piece[1])
            out.append(template[piece[2] : piece[2] + len(piece[1]) + 2] if found is None else found)
        else:
            _, name, plural, arms = piece
            text = value(name)
            arm = _choose_arm(plural, arms, text, plurals)
            inner = (("{" + name + "}") if text is None else text) if plural else number
            out.append(_render_pieces(arm, template, plurals, inner, value))
    return "".join(out)


def _choose_arm(plural: bool, arms: list[tuple[str, list[_Piece]]], text: str | None, plurals: str) -> list[_Piece]:
    """The arm a choice takes for its param's text (``None``: none given)."""
    by_key = dict(arms)
    other = by_key.get("other", arms[0][1])
    if text is None:
        return other
    if not plural:
        return by_key.get(text, other)
    if _operands(text) is not None and not text.startswith("-"):
        for key, body in arms:
            if key.startswith("=") and _same_number(key[1:], text):
                return body
    return by_key.get(plural_category(plurals, text), other)


def _same_number(n: str, text: str) -> bool:
    whole, _, frac = text.partition(".")
    return all(c == "0" for c in frac) and whole.lstrip("0") == n.lstrip("0")


def _render_flat(template: str, value: Callable[[str], str | None]) -> str:
    out: list[str] = []
    at = 0
    while at < len(template):
        c = template[at]
        if c in "{}" and template[at + 1 : at + 2] == c:
            out.append(c)
            at += 2
            continue
        if c == "{":
            # A placeholder closes before any other brace and names something;
            # otherwise the brace is kept as written, as errcat-runtime keeps it.
            close = template.find("}", at + 1)
            opened = template.find("{", at + 1)
            if close < 0 or 0 <= opened < close or close == at + 1:
                out.append(c)
                at += 1
                continue
            found = value(template[at + 1 : close])
            out.append(template[at : close + 1] if found is None else found)
            at = close + 1
            continue
        out.append(c)
        at += 1
    return "".join(out)


_DECIMAL = re.compile(r"-?([0-9]+)(?:\.([0-9]+))?", re.ASCII)


def _operands(text: str) -> tuple[int, int, int, int, int] | None:
    """CLDR's operands of a number as written: (i, v, w, f, t), or ``None``."""
    m = _DECIMAL.fullmatch(text)
    if m is None:
        return None
    whole, frac = m.group(1), m.group(2) or ""
    if len(whole) > 18 or len(frac) > 18:
        return None
    trimmed = frac.rstrip("0")
    return int(whole), len(frac), len(trimmed), int(frac or "0"), int(trimmed or "0")


def plural_category(rules: str, number: str) -> str:
    """The CLDR plural category (``one``, ``few``, ``other``, ...) of a
    number as a message shows it, under a locale's rules as errcat ships
    them; anything that is not a plain decimal number takes ``other``. As
    errcat-runtime's ``plural::category``."""
    ops = _operands(number)
    if ops is None:
        return "other"
    i, v, w, f, t = ops
    values = {"i": i, "v": v, "w": w, "f": f, "t": t, "c": 0, "e": 0}

    def holds(relation: str) -> bool:
        tokens = relation.split()
        if len(tokens) == 5:
            operand, modulus, op, ranges = tokens[0], int(tokens[2]), tokens[3], tokens[4]
        else:
            operand, modulus, op, ranges = tokens[0], None, tokens[1], tokens[2]
        x: int | None
        if operand == "n":
            x = None if t != 0 else i
        else:
            x = values[operand]
        if x is not None and modulus is not None:
            x %= modulus
        within = False
        for part in ranges.split(","):
            low, _, high = part.partition("..")
            within = within or (x is not None and int(low) <= x <= int(high or low))
        return within if op == "=" else not within

    try:
        for entry in rules.split(";"):
            name, colon, condition = entry.partition(":")
            if colon and any(all(holds(r) for r in ands.split(" and ")) for ands in condition.split(" or ")):
                return name.strip()
    except (KeyError, ValueError, IndexError, ZeroDivisionError):
        return "other"
    return "other"


def find_locale(tag: str) -> int | None:
    """The locale ``tag`` names (RFC 4647 lookup along its subtags), as an
    index into the catalog's locales, or ``None``."""
    tags = [t.lower().replace("_", "-") for t in _LOCALES["tags"]]
    wanted = _trim(tag).lower().replace("_", "-")
    while True:
        if wanted in tags:
            return tags.index(wanted)
        cut = wanted.rfind("-")
        if cut < 0:
            return None
        wanted = wanted[:cut]
        # A single-letter subtag only introduces the next one.
        again = wanted.rfind("-")
        if again >= 0 and len(wanted) - again == 2:
            wanted = wanted[:again]


_RANGE = re.compile(r"[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*", re.ASCII)
_QUALITY = re.compile(r"([01])(?:\.([0-9]{0,3}))?", re.ASCII)


def negotiate_locale(accept_language: str) -> str:
    """The locale to answer an ``Accept-Language`` header in, as
    errcat-runtime's ``Locales::negotiate`` chooses: by quality, then
    order, the first range ``find_locale`` finds; else the default's tag."""
    ranges: list[tuple[int, str]] = []
    for element in accept_language.split(",")[: int(_LOCALES["maxRanges"])]:
        parts = element.split(";")
        rng = _trim(parts[0])
        if rng != "*" and not (len(rng) <= 64 and _RANGE.fullmatch(rng)):
            continue
        quality: int | None = 1000
        for param in parts[1:]:
            name, eq, val = param.partition("=")
            if not eq:
                quality = None
                break
            if _trim(name).lower() == "q":
                m = _QUALITY.fullmatch(_trim(val))
                frac = int(((m.group(2) or "") + "000")[:3]) if m else 0
                quality = (
                    None if m is None or (m.group(1) == "1" and frac != 0) else (1000 if m.group(1) == "1" else frac)
                )
            if quality is None:
                break
        if quality is not None and quality > 0:
            ranges.append((quality, rng))
    # Stable: ranges of equal quality keep the header's order.
    ranges.sort(key=lambda r: -r[0])
    for _, rng in ranges:
        at = 0 if rng == "*" else find_locale(rng)
        if at is not None:
            return str(_LOCALES["tags"][at])
    return str(_LOCALES["tags"][0])


def _translated(code: str, locale: int, at: int) -> tuple[int, str] | None:
    """Text ``at`` (0 title, 1 message) of ``code`` along ``locale``'s chain
    short of the default, with the locale it came from."""
    tags: list[str] = _LOCALES["tags"]
    parents: list[int] = _LOCALES["parents"]
    current = min(locale, len(tags) - 1)
    while current != 0:
        texts = _TRANSLATIONS.get(tags[current], {}).get(code)
        if texts is not None and texts[at] is not None:
            return current, str(texts[at])
        parent = parents[current]
        current = 0 if parent == current else parent
    return None


def create(code: str, params: Mapping[str, Any] | None = None, **options: Any) -> CatalogError:
    """An error of ``code``, its message rendered from ``params``."""
    facts = _CODES[code]
    params = dict(params or {})
    details = {k: v for k, v in params.items() if k in facts["params"]}
    given = options.pop("message", None)
    message = given or render_template(str(facts["message"]), params)
    error = _construct(code, code, message, details=options.pop("details", None) or details, **options)
    error._templated = not given
    return error


def from_response(
    status: int,
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
    body: str | bytes,
) -> CatalogError:
    """Parses an HTTP error response, leniently and within bounds, as
    errcat-runtime does: the nested envelope (snake or camel case), RFC 9457
    problem details, ``{"detail": ...}``, ``{"error": "text"}``, numeric
    ``{"status": {"code": N}}`` and Google's AIP-193 bodies. ``Retry-After``
    and ``X-Request-Id`` headers win over the body. Never raises."""
    # Callers pass what their HTTP library has: hold to "never raises".
    try:
        status = int(status)
    except (TypeError, ValueError, OverflowError):
        status = 0
    parsed = _parse_body(status, _as_body(body))
    for name, value in _header_pairs(headers):
        lower = name.lower()
        if lower == "retry-after":
            wait = parse_retry_after(value, time.time())
            if wait is not None:
                parsed["retry_after_ms"] = wait * 1000.0
        elif lower == "x-request-id" or (_REQUEST_ID_HEADER is not None and lower == _REQUEST_ID_HEADER.lower()):
            rid = _clean_request_id(value)
            if rid is not None:
                parsed["request_id"] = rid
    code: str | None = None
    if parsed["numeric"] is not None:
        code = from_numeric(parsed["numeric"])
    elif parsed["wire_code"] is not None:
        code = resolve(parsed["wire_code"])
        if code is None and parsed["fallback_code"] is not None:
            code = lookup(parsed["fallback_code"])
            if code is not None:
                parsed["wire_code"] = parsed["fallback_code"]
    if parsed.get("details_as_text") and code is not None:
        _type_details(parsed["details"], _CODES[code])
    message = parsed["message"] or (str(_CODES[code]["title"]) if code else f"HTTP {status}")
    wire = parsed["wire_code"] if parsed["wire_code"] is not None else (code or "")
    ms = parsed["retry_after_ms"]
    return _construct(
        code,
        wire,
        message,
        status=status,
        param=parsed["param"],
        request_id=parsed["request_id"],
        retry_after=None if ms is None else ms / 1000.0,
        details=parsed["details"],
        localized=parsed.get("localized"),
    )


def parse_retry_after(value: str, now: float) -> float | None:
    """``Retry-After`` in seconds: delay-seconds or an HTTP date (0 if past)."""
    text = value.strip()
    if text and text.isascii() and text.isdigit():
        return float(min(int(text[:20]), int(_LIMITS["maxRetryAfterSecs"])))
    date = _parse_http_date(text)
    return None if date is None else max(0.0, date - now)


_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAY3 = "|".join(_WEEKDAYS)
_MON = "|".join(_MONTHS)
_LONG = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_IMF = re.compile(rf"({_DAY3}), (\d{{2}}) ({_MON}) (\d{{4}}) (\d{{2}}):(\d{{2}}):(\d{{2}}) GMT", re.ASCII)
_RFC850 = re.compile(rf"({_LONG}), (\d{{2}})-({_MON})-(\d{{2}}) (\d{{2}}):(\d{{2}}):(\d{{2}}) GMT", re.ASCII)
_ASCTIME = re.compile(rf"({_DAY3}) ({_MON}) ( \d|\d{{2}}) (\d{{2}}):(\d{{2}}):(\d{{2}}) (\d{{4}})", re.ASCII)


def _parse_http_date(text: str) -> float | None:
    """An HTTP date in any of the three forms RFC 9110 requires recipients
    to accept (IMF-fixdate, RFC 850, asctime), exactly as errcat-runtime
    (the httpdate crate) accepts them: case as written, a real calendar date
    from 1970 to 9999 whose weekday is right. Seconds since the epoch."""
    m = _IMF.fullmatch(text)
    if m:
        weekday, parts = m[1], (m[4], m[3], m[2], m[5], m[6], m[7])
    elif (m := _RFC850.fullmatch(text)) is not None:
        yy = int(m[4])
        weekday, parts = m[1][:3], (str(2000 + yy if yy < 70 else 1900 + yy), m[3], m[2], m[5], m[6], m[7])
    elif (m := _ASCTIME.fullmatch(text)) is not None:
        weekday, parts = m[1], (m[7], m[2], m[3].strip(), m[4], m[5], m[6])
    else:
        return None
    year, day, hour, minute, second = (int(p) for p in (parts[0], parts[2], parts[3], parts[4], parts[5]))
    month = _MONTHS.index(parts[1]) + 1
    if not 1970 <= year <= 9999 or hour > 23 or minute > 59 or second > 59:
        return None
    try:
        date = datetime.datetime(year, month, day, hour, minute, second, tzinfo=datetime.timezone.utc)
    except ValueError:  # 31 Feb
        return None
    return date.timestamp() if _WEEKDAYS[date.weekday()] == weekday else None


def delay_bounds(policy: Mapping[str, Any], attempt: int, retry_after_ms: float | None) -> tuple[float, float] | None:
    """The least and most delay in seconds after ``attempt`` failed attempts."""
    strategy = policy["strategy"]
    if strategy in ("never", "operation"):
        return None
    if strategy == "backoff":
        return _backoff_bounds(policy, attempt)
    fallback = policy["fallback"]
    if attempt == 0 or attempt >= int(fallback["maxAttempts"]):
        return None
    if retry_after_ms is None or retry_after_ms == 0:
        return _backoff_bounds(fallback, attempt)
    if retry_after_ms > float(policy["maxWaitMs"]):
        return None
    return (retry_after_ms / 1000.0, retry_after_ms / 1000.0)


def _backoff_bounds(b: Mapping[str, Any], attempt: int) -> tuple[float, float] | None:
    if attempt == 0 or attempt >= int(b["maxAttempts"]):
        return None
    exponent = min(attempt - 1, 1024)
    try:
        raw = float(b["initialMs"]) * max(float(b["factor"]), 1.0) ** exponent
    except OverflowError:
        raw = math.inf
    base = min(raw, float(b["maxDelayMs"])) if math.isfinite(raw) else float(b["maxDelayMs"])
    # Whole microseconds, as the Rust runtime computes them.
    micros = math.floor(base * 1000 + 1e-6)
    most = micros / 1e6
    jitter = b["jitter"]
    if jitter == "none":
        return (most, most)
    if jitter == "full":
        return (0.0, most)
    return ((micros * 1000 // 2) / 1e9, most)


def policy_for_status(status: int) -> dict[str, Any]:
    """The policy for a code this module does not know, from the status class."""
    # errcat-runtime's ``RetryPolicy::for_status``, as data.
    for first, last, policy in _STATUS_POLICIES:
        if first <= status <= last:
            return dict(policy)
    return {"strategy": "never"}


def _clip(text: str, chars: int) -> str:
    return text[:chars]


def _as_body(body: Any) -> str | bytes:
    """A body of another type as text or bytes (``None`` is empty)."""
    if isinstance(body, (str, bytes)):
        return body
    if isinstance(body, (bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, (int, float)) and not isinstance(body, bool):
        return str(body)
    return ""


def _header_text(value: Any) -> str | None:
    """A header name or value as text: ``str``, ``bytes`` (as aiohttp's
    ``raw_headers`` give them, Latin-1 as HTTP sends them) or a number."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _header_pairs(headers: Any) -> list[tuple[str, str]]:
    """The name/value pairs of any header shape; what cannot be read is skipped."""
    pairs: list[tuple[str, str]] = []
    try:
        items: Iterable[Any] = headers.items() if isinstance(headers, Mapping) else headers or ()
        for pair in items:
            if isinstance(pair, (tuple, list)) and len(pair) >= 2:
                name, value = _header_text(pair[0]), _header_text(pair[1])
                if name is not None and value is not None:
                    pairs.append((name, value))
    except Exception:  # noqa: BLE001 - a header object that fails gives what was read
        pass
    return pairs


def _parse_body(status: int, body: str | bytes) -> dict[str, Any]:
    parsed: dict[str, Any] = {
        "wire_code": None,
        "fallback_code": None,
        "numeric": None,
        "message": "",
        "param": None,
        "request_id": None,
        "retry_after_ms": None,
        "details": {},
    }
    size = len(body.encode("utf-8", "surrogatepass")) if isinstance(body, str) else len(body)
    if size > _LIMITS["maxBodyBytes"]:
        parsed["message"] = f"HTTP {status}: response body of {size} bytes not parsed"
        return parsed
    text = body if isinstance(body, str) else body.decode("utf-8", "replace")
    value: Any = None
    for attempt in (text, None):
        try:
            value = json.loads(attempt if attempt is not None else _mend(text, int(_LIMITS["maxKeptDepth"])))
            break
        except Exception:  # noqa: BLE001 - RecursionError too: mend once, then "not JSON"
            value = None
    if isinstance(value, dict):
        _read_object(parsed, value)
    else:
        trimmed = text.strip()
        parsed["message"] = _clip(trimmed, _LIMITS["maxRawMessageChars"]) if trimmed else f"HTTP {status}"
    return parsed


def _mend(text: str, limit: int) -> str:
    """A body that did not parse, with what JSON parsers disagree on made
    plain JSON, as errcat-runtime's ``mend`` does: a leading byte-order mark
    dropped; ``NaN``, ``Infinity`` and numbers too large for a double become
    ``null``; a lone surrogate escape becomes U+FFFD; nesting deeper than
    ``limit`` becomes ``null``. Strings are skipped exactly."""
    if text.startswith("\ufeff"):
        text = text[1:]
    out: list[str] = []
    depth = at = copied = 0
    while at < len(text):
        c = text[at]
        if c == '"':
            end = _skip_string(text, at)
            string = text[at:end]
            if "\\u" in string:
                out.append(text[copied:at])
                out.append(_mend_surrogates(string))
                copied = end
            at = end
        elif c in "{[" and depth == limit:
            out.append(text[copied:at])
            out.append("null")
            at = _skip_nested(text, at)
            copied = at
        elif c in "{[":
            depth += 1
            at += 1
        elif c in "}]":
            depth = max(0, depth - 1)
            at += 1
        elif c == "-" or "0" <= c <= "9" or c in "NI":
            end = at
            while end < len(text) and (text[end].isascii() and (text[end].isalnum() or text[end] in "+-.")):
                end += 1
            token = text[at:end]
            try:
                unreadable = not math.isfinite(float(token))
            except ValueError:
                unreadable = token.lstrip("-")[:1] in ("N", "I")
            if unreadable:
                out.append(text[copied:at])
                out.append("null")
                copied = end
            at = max(end, at + 1)
        else:
            at += 1
    out.append(text[copied:])
    return "".join(out)


def _skip_string(text: str, at: int) -> int:
    at += 1
    while at < len(text):
        if text[at] == "\\":
            at += 2
        elif text[at] == '"':
            return at + 1
        else:
            at += 1
    return len(text)


def _skip_nested(text: str, at: int) -> int:
    depth = 0
    while at < len(text):
        c = text[at]
        if c == '"':
            at = _skip_string(text, at)
            continue
        if c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return len(text)


def _mend_surrogates(string: str) -> str:
    def unit(at: int) -> int | None:
        chunk = string[at : at + 6]
        if len(chunk) == 6 and chunk.startswith("\\u"):
            try:
                return int(chunk[2:], 16)
            except ValueError:
                return None
        return None

    out: list[str] = []
    at = copied = 0
    while at < len(string):
        if string[at] != "\\":
            at += 1
            continue
        u = unit(at)
        if u is not None and 0xD800 <= u <= 0xDBFF:
            low = unit(at + 6)
            if low is not None and 0xDC00 <= low <= 0xDFFF:
                at += 12
                continue
        if u is not None and 0xD800 <= u <= 0xDFFF:
            out.append(string[copied:at])
            out.append("\\uFFFD")
            at += 6
            copied = at
        else:
            at += 2 if u is None else 6
    out.append(string[copied:])
    return "".join(out)


_MEMBER_NAMES: dict[str, list[str]] = {}


def _member_names(member: str) -> list[str]:
    """Every name a member goes by, in the order a lenient reader tries them
    (computed once per member)."""
    known = _MEMBER_NAMES.get(member)
    if known is not None:
        return known
    names: list[str] = []
    for style in ("nested", "problem", "detail", "google", "jsonapi", "graphql"):
        for m, snake, camel, within, _, _ in _WIRE[style]["fields"]:
            # AIP-193 details are read by their types.
            if m != member or within.startswith("@"):
                continue
            for name in (snake, camel):
                if name not in names:
                    names.append(name)
    _MEMBER_NAMES[member] = names
    return names


def _read_object(parsed: dict[str, Any], obj: dict[str, Any]) -> None:
    def first(o: Mapping[str, Any], member: str) -> Any:
        for name in _member_names(member):
            if name in o:
                return o[name]
        return None

    def text(v: Any) -> str | None:
        return v if isinstance(v, str) else None

    nested = obj.get(_WIRE["nested"]["wrapper"])
    detail = obj.get(_WIRE["detail"]["wrapper"])
    listed = _first_listed_error(obj)
    problem = False
    fields: dict[str, Any]
    if listed is not None:
        fields = listed[0]
        problem = not listed[1]
    elif isinstance(nested, dict):
        fields = nested
    elif isinstance(nested, str):
        fields = {"message": nested}
    elif isinstance(detail, dict) and "status" not in obj:
        fields = detail
    elif isinstance(detail, str) and "title" not in obj:
        fields = {"message": detail}
    else:
        fields = obj
        problem = "title" in obj or "detail" in obj
    code = fields.get("code")
    numeric = _whole_number(code)
    if isinstance(code, str) and code:
        parsed["wire_code"] = _clip(code, _LIMITS["maxRawMessageChars"])
    elif numeric is not None:
        _set_numeric(parsed, numeric)
    status_obj = obj.get("status")
    if parsed["wire_code"] is None and isinstance(status_obj, dict):
        n = status_obj.get("code")
        whole = _whole_number(n)
        if whole is not None:
            _set_numeric(parsed, whole)
        description = text(status_obj.get("description"))
        if description is not None:
            parsed["message"] = description
    if problem:
        message = fields.get("detail", fields.get("title", fields.get("message")))
    else:
        message = first(fields, "message")
    if isinstance(message, str):
        parsed["message"] = _clip(message, _LIMITS["maxMessageChars"])
    parsed["param"] = text(first(fields, "param"))
    rid = text(first(fields, "requestId"))
    if rid is None:
        rid = next((v for v in (text(obj.get(k)) for k in _OUTER_REQUEST_ID) if v is not None), None)
    parsed["request_id"] = None if rid is None else _clean_request_id(rid)
    ms = first(fields, "retryAfterMs")
    secs = fields.get("retry_after", fields.get("retryAfter"))
    wait: float | None = None
    if isinstance(ms, (int, float)) and not isinstance(ms, bool):
        wait = ms / 1000.0
    elif isinstance(secs, (int, float)) and not isinstance(secs, bool):
        wait = float(secs)
    if wait is not None and math.isfinite(wait) and wait >= 0:
        # Below a millisecond is zero: a floor under the backoff, not "retry now".
        hint = min(wait, float(_LIMITS["maxRetryAfterSecs"])) * 1000.0
        parsed["retry_after_ms"] = 0.0 if hint < float(_LIMITS["minRetryHintMs"]) else hint
    details = first(fields, "details")
    if isinstance(details, dict):
        parsed["details"] = details
    _read_google_status(parsed, fields)


def _first_listed_error(obj: Mapping[str, Any]) -> tuple[dict[str, Any], bool] | None:
    """The first error of a JSON:API or GraphQL ``errors`` list, its
    ``meta``, ``extensions`` and ``source`` read as its own, and whether it is
    GraphQL's."""
    errors = obj.get("errors")
    if not isinstance(errors, list) or not errors or not isinstance(errors[0], dict):
        return None
    first: dict[str, Any] = errors[0]
    graphql = "extensions" in first or not any(k in first for k in ("code", "detail", "title", "status"))
    fields = dict(first)
    for parent in ("extensions", "meta", "source"):
        sub = first.get(parent)
        if not isinstance(sub, dict):
            continue
        for key, value in sub.items():
            name = "param" if parent == "source" and key in ("pointer", "parameter", "header") else key
            fields.setdefault(name, value)
    return fields, graphql


def _read_google_status(parsed: dict[str, Any], fields: Mapping[str, Any]) -> None:
    http = fields.get("code")
    status = fields.get("status")
    if not isinstance(http, int) or isinstance(http, bool) or not isinstance(status, str) or not status:
        return
    if not 100 <= http <= 599:
        return
    listed = fields.get("details")

    def typed(ty: str) -> dict[str, Any] | None:
        if not isinstance(listed, list):
            return None
        suffix = "google.rpc." + ty
        return next(
            (
                d
                for d in listed
                if isinstance(d, dict) and isinstance(d.get("@type"), str) and d["@type"].endswith(suffix)
            ),
            None,
        )

    info = typed("ErrorInfo")
    reason = info.get("reason") if isinstance(info, dict) else None
    reason = reason if isinstance(reason, str) and reason else None
    parsed["numeric"] = None
    parsed["wire_code"] = _clip(reason or status, _LIMITS["maxRawMessageChars"])
    parsed["fallback_code"] = None if reason is None else _clip(status, _LIMITS["maxRawMessageChars"])
    metadata = info.get("metadata") if isinstance(info, dict) else None
    if isinstance(metadata, dict):
        parsed["details"] = metadata
        parsed["details_as_text"] = True
    violations = (typed("BadRequest") or {}).get("fieldViolations")
    violation = violations[0] if isinstance(violations, list) and violations else None
    field = violation.get("field") if isinstance(violation, dict) else None
    if isinstance(field, str) and field:
        parsed["param"] = field
    delay = (typed("RetryInfo") or {}).get("retryDelay")
    wait = _parse_proto_duration(delay) if isinstance(delay, str) else None
    if wait is not None:
        # As a body's milliseconds: below one is zero, the longest wait the limit.
        longest = float(_LIMITS["maxRetryAfterSecs"]) * 1000.0
        parsed["retry_after_ms"] = 0.0 if wait < float(_LIMITS["minRetryHintMs"]) else min(wait, longest)
    rid = (typed("RequestInfo") or {}).get("requestId")
    cleaned = _clean_request_id(rid) if isinstance(rid, str) else None
    if cleaned is not None:
        parsed["request_id"] = cleaned
    # The message for users, beside the developer's: kept, bounded.
    said = typed("LocalizedMessage") or {}
    locale, message = said.get("locale"), said.get("message")
    if isinstance(locale, str) and locale and isinstance(message, str) and message:
        parsed["localized"] = {
            "locale": _clip(locale, int(_LIMITS["maxLocaleChars"])),
            "message": _clip(message, int(_LIMITS["maxMessageChars"])),
        }


_INTEGER_RANGES: dict[str, tuple[int, int]] = {
    "u16": (0, 2**16 - 1),
    "u32": (0, 2**32 - 1),
    "u64": (0, 2**64 - 1),
    "i32": (-(2**31), 2**31 - 1),
    "i64": (-(2**63), 2**63 - 1),
}


def _type_details(details: dict[str, Any], facts: Mapping[str, Any]) -> None:
    """AIP-193 metadata (text) as the values of the code's params, by their
    declared types, as errcat-runtime's ``ParamType::value_from_text``."""
    for name, ty in zip(facts["params"], facts["paramTypes"]):
        text = details.get(name)
        if isinstance(text, str):
            value = _value_from_text(str(ty), text)
            if value is not None:
                details[name] = value


def _value_from_text(ty: str, text: str) -> Any:
    bounds = _INTEGER_RANGES.get(ty)
    if bounds is not None:
        if re.fullmatch(r"-?[0-9]+", text) is None:
            return None
        n = int(text)
        return n if bounds[0] <= n <= bounds[1] else None
    if ty == "f64":
        if re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?", text) is None:
            return None
        number = json.loads(text)
        return number if math.isfinite(number) else None
    if ty == "bool":
        return {"true": True, "false": False}.get(text)
    return text


def _parse_proto_duration(text: str) -> float | None:
    """Protobuf JSON's ``Duration`` (``"30s"``, ``"1.5s"``) in milliseconds."""
    match = re.fullmatch(r"([0-9]+)(?:\.([0-9]{1,9}))?s", text)
    if match is None:
        return None
    frac = (match.group(2) or "").ljust(9, "0")
    return int(match.group(1)) * 1000.0 + int(frac) / 1e6


def _proto_duration(ms: float) -> str:
    """A wait as protobuf JSON's ``Duration``, in whole milliseconds."""
    secs, frac = divmod(int(ms), 1000)
    return f"{secs}s" if frac == 0 else f"{secs}.{frac:03d}".rstrip("0") + "s"


def _whole_number(value: Any) -> int | None:
    """A whole number a numeric code can be: ``17000``, and ``17000.0`` as
    some servers write it (as JavaScript and errcat-runtime read it)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value < 2**64 else None
    if isinstance(value, float) and value.is_integer() and 0 <= value < 2.0**64:
        return int(value)
    return None


def _set_numeric(parsed: dict[str, Any], n: int) -> None:
    if n >= 0:
        parsed["numeric"] = n
        parsed["wire_code"] = str(n)


def _clean_request_id(raw: str) -> str | None:
    kept = "".join(c for c in raw if not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F))
    kept = kept[: _LIMITS["maxRequestIdChars"]].strip()
    return kept or None


def _prune(value: Any, limit: int) -> Any:
    """``value`` with lists and dicts nested deeper than ``limit`` as ``None``,
    so writing details never exhausts the stack (as parsing prunes them)."""
    if isinstance(value, dict):
        return None if limit == 0 else {k: _prune(v, limit - 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return None if limit == 0 else [_prune(v, limit - 1) for v in value]
    return value


def _as_json_type(value: Any, json_type: str) -> Any:
    """A value as a field of ``json_type`` (errcat-runtime's wire table)
    writes it, as ``ErrorBody::member`` does: a number in a string field as
    its text, in an integer field whole; an object with no members left
    out. No member has a rule of its own."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if json_type == "string":
            return str(value)
        if json_type == "integer":
            return math.floor(value)
    if json_type == "object" and isinstance(value, dict) and not value:
        return None
    return value


def _member_value(body: Mapping[str, Any], member: str, json_type: str) -> Any:
    """A member's value as a field of ``json_type`` writes it, as
    errcat-runtime's ``ErrorBody::member``; ``None`` when there is none."""
    if member == "details":
        return _as_json_type(_prune(body["details"], int(_LIMITS["maxKeptDepth"])), json_type)
    if member == "message":
        # Where the envelope has one message, it is the one for users.
        localized = body.get("localized")
        return localized["message"] if localized else body["message"]
    return _as_json_type(body.get(member), json_type)


def _write_body(body: Mapping[str, Any], style: str) -> dict[str, Any]:
    if style == "google":
        return _write_google(body)
    wire = _WIRE[style]
    camel = _ENVELOPE["fieldCase"] == "camel"
    outside = style == "detail" or (style == "nested" and _ENVELOPE["requestId"] == "outside")
    out: dict[str, Any] = {}
    for member, snake, camel_name, within, json_type, fallback in wire["fields"]:
        if member == "requestId" and outside:
            continue
        name = camel_name if camel else snake
        value = _member_value(body, member, json_type)
        if value is None and fallback is not None:
            value = fallback["text"] if "text" in fallback else _member_value(body, fallback["member"], json_type)
        # JSON:API says where in the request document with a pointer.
        if member == "param" and style == "jsonapi" and isinstance(value, str) and value.startswith("/"):
            name = "pointer"
        if value is None:
            continue
        if within:
            out.setdefault(within, {})[name] = value
        else:
            out[name] = value
    if wire["wrapper"] is None:
        return out
    envelope: dict[str, Any] = {wire["wrapper"]: [out] if wire["list"] else out}
    if outside and body["requestId"] is not None:
        envelope[_OUTER_REQUEST_ID[1] if camel else _OUTER_REQUEST_ID[0]] = body["requestId"]
    return envelope


def _metadata_text(value: Any) -> str:
    """A param as AIP-193 metadata, which holds strings: text as it is,
    other values as their JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(_prune(value, int(_LIMITS["maxKeptDepth"])), ensure_ascii=False, separators=(",", ":"))


def _write_google(body: Mapping[str, Any]) -> dict[str, Any]:
    """An AIP-193 body, with the details errcat-runtime writes, in its order."""

    def typed(ty: str, members: dict[str, Any]) -> dict[str, Any]:
        return {"@type": "type.googleapis.com/google.rpc." + ty, **members}

    info: dict[str, Any] = {"reason": body["code"]}
    if body["domain"]:
        info["domain"] = body["domain"]
    if body["details"]:
        info["metadata"] = {k: _metadata_text(v) for k, v in body["details"].items()}
    details = [typed("ErrorInfo", info)]
    if body["param"] is not None:
        details.append(
            typed("BadRequest", {"fieldViolations": [{"field": body["param"], "description": body["message"]}]})
        )
    if body["retryAfterMs"] is not None:
        details.append(typed("RetryInfo", {"retryDelay": _proto_duration(body["retryAfterMs"])}))
    if body["requestId"] is not None:
        details.append(typed("RequestInfo", {"requestId": body["requestId"]}))
    if body["docsUrl"] is not None:
        details.append(
            typed("Help", {"links": [{"description": body["title"] or body["code"], "url": body["docsUrl"]}]})
        )
    localized = body.get("localized")
    if localized:
        details.append(typed("LocalizedMessage", {"locale": localized["locale"], "message": localized["message"]}))
    return {"error": {"code": body["status"], "message": body["message"], "status": body["grpc"], "details": details}}


def _unpickle(code: str | None, wire_code: str, message: str, state: dict[str, Any]) -> CatalogError:
    """An error ``CatalogError.__reduce__`` pickled, of its code's class."""
    error = _construct(code, wire_code, message)
    error.__dict__.update(state)
    return error


def _construct(code: str | None, wire_code: str, message: str, **options: Any) -> CatalogError:
    cls = _class_of(code)
    error = cls.__new__(cls)
    CatalogError.__init__(error, message, code=code, wire_code=wire_code, **options)
    return error


# Each code's class name, by wire name; ``__init__.py`` makes the class the
# first time it is needed, through the function it registers.
_CLASS_NAMES: dict[str, str] = {spec[0]: name for name, spec in _CODE_CLASSES.items()}
_RESOLVERS: list[Callable[[str], Any]] = []


def _register_classes(resolve: Callable[[str], Any]) -> None:
    """Records how ``__init__.py`` gives the class of a code by its name."""
    _RESOLVERS[:] = [resolve]


def _class_of(code: str | None) -> type[CatalogError]:
    """The generated class of ``code``'s errors, else ``CatalogError``."""
    name = _CLASS_NAMES.get(code) if code is not None else None
    if name is None or not _RESOLVERS:
        return CatalogError
    cls: type[CatalogError] = _RESOLVERS[0](name)
    return cls


_PY_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}


def _code_class(
    name: str, wire: str, base: type[CatalogError], doc: str, params: list[list[str]], module: str
) -> type[CatalogError]:
    """A code's class: ``base`` with a keyword-only ``__init__`` taking the
    code's params (``__init__.pyi`` types it), which renders the message."""
    arguments = {argument: param for param, argument, _ in params}

    def __init__(
        self: CatalogError,
        *,
        message: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        **values: Any,
    ) -> None:
        missing = [argument for argument in arguments if argument not in values]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            listed = ", ".join(repr(argument) for argument in missing)
            raise TypeError(
                f"{name}.__init__() missing {len(missing)} required keyword-only argument{plural}: {listed}"
            )
        for key in values:
            if key not in arguments:
                raise TypeError(f"{name}.__init__() got an unexpected keyword argument {key!r}")
        details = {arguments[argument]: values[argument] for argument in arguments}
        CatalogError.__init__(
            self,
            message or render_template(str(_CODES[wire]["message"]), details),
            code=wire,
            param=param,
            request_id=request_id,
            retry_after=retry_after,
            details=details,
        )

    __init__.__qualname__ = f"{name}.__init__"
    namespace = {"__doc__": doc, "__init__": __init__, "__module__": module, "__qualname__": name, "code_class": wire}
    return type(name, (base,), namespace)


def _details_type(name: str, fields: list[list[str]], module: str) -> Any:
    """The ``TypedDict`` of a code's ``details``: its params, each optional,
    since a parsed body may lack some."""
    made: Any = TypedDict(name, {field: _PY_TYPES[ty] for field, ty in fields}, total=False)  # type: ignore[misc]
    made.__module__ = module
    return made
