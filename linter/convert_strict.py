"""What a Responses tool with ``strict`` omitted ("auto") really does.

Responses treats an omitted ``strict`` as "try strict": the API normalises the schema and
runs strict only if the result is strict-valid. Chat Completions has no such mode, so a
conversion to Chat must write the outcome down, and say which optional fields it made
mandatory. The strictness model (``fcschema.strictness``) is imported only when needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator, List, Mapping, Optional, Set, Tuple

from .diagnostics import Pointer

# A strictness checker returns the schema as the API would normalise it ("auto" strict)
# and the reasons it still cannot be strict (empty: strict-valid).
StrictChecker = Callable[[Mapping], Tuple[Any, List[str]]]


@dataclass(frozen=True)
class StrictDecision:
    """What an omitted Responses ``strict`` turns into when written down explicitly."""

    strict: bool
    parameters: Any  # the schema to write: normalised when strict, else the original
    reasons: Tuple[str, ...] = ()  # why it cannot be strict
    now_required: Tuple[Pointer, ...] = ()  # optional properties the normalisation made mandatory


def api_strict_checker(schema: Mapping) -> Tuple[Any, List[str]]:
    """The project's own model of the API: normalise as "auto" does, then check strict rules."""
    from .strictness import auto_normalise, strict_violations

    normalised = auto_normalise(_plain(schema))
    return normalised, list(strict_violations(normalised))


def _plain(value: Any) -> Any:
    """Plain dicts and lists for round-trip YAML containers (whose deep copy is slow); the
    converted file keeps its comments all the same, through ``convert_io.graft``."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def decide_strict(parameters: Any, checker: Optional[StrictChecker] = None) -> StrictDecision:
    """Decide what a Responses tool with ``strict`` omitted ("auto") really does.

    The API normalises the schema (adds ``additionalProperties: false``, marks every property
    required) and runs strict only if the result is strict-valid; otherwise it silently runs
    non-strict. Chat Completions does not normalise, so a strict result carries the
    normalised schema.
    """
    if not isinstance(parameters, Mapping):
        return StrictDecision(False, parameters, ("there is no parameters schema",))
    normalised, violations = (checker or api_strict_checker)(parameters)
    if violations:
        return StrictDecision(False, parameters, tuple(violations))
    return StrictDecision(True, normalised, (), tuple(_newly_required(parameters, normalised, ())))


# Where subschemas live, so the search for newly required properties reaches all of them.
_SCHEMA_MAP_KEYS = ("properties", "$defs", "definitions", "patternProperties", "dependentSchemas")
_SCHEMA_KEYS = (
    "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties",
)
_SCHEMA_LIST_KEYS = ("anyOf", "oneOf", "allOf", "prefixItems")


def _required(schema: Mapping) -> Set[Any]:
    required = schema.get("required")
    return set(required) if isinstance(required, list) else set()


def _newly_required(before: Any, after: Any, path: Pointer) -> Iterator[Pointer]:
    """Pointers (inside the schema) of properties that ``after`` requires and ``before`` did not."""
    if not isinstance(before, Mapping) or not isinstance(after, Mapping):
        return
    props = before.get("properties")
    if isinstance(props, Mapping):
        was, now = _required(before), _required(after)
        for name in props:
            if name in now and name not in was:
                yield path + ("properties", name)
    for key in _SCHEMA_MAP_KEYS:
        b, a = before.get(key), after.get(key)
        if isinstance(b, Mapping) and isinstance(a, Mapping):
            for name in b:
                if name in a:
                    yield from _newly_required(b[name], a[name], path + (key, name))
    for key in _SCHEMA_KEYS:
        if key in before and key in after:
            yield from _newly_required(before[key], after[key], path + (key,))
    for key in _SCHEMA_LIST_KEYS:
        b, a = before.get(key), after.get(key)
        if isinstance(b, list) and isinstance(a, list):
            for i, (bb, aa) in enumerate(zip(b, a)):
                yield from _newly_required(bb, aa, path + (key, i))
