"""Hypothesis strategies that generate JSON data valid against a JSON Schema.

Covers what pydantic and the strict generator emit: type (also lists), enum,
const, anyOf/oneOf/allOf, local $ref (recursion bounded by depth), properties
with required and optional keys, items with minItems/maxItems/uniqueItems,
numeric bounds and multipleOf, string length, pattern and the strict formats.
Unknown keywords (title, default, description) are ignored.
"""

from __future__ import annotations

import json
import math
import re
from datetime import timezone
from typing import Any, Dict

from hypothesis import strategies as st

MAX_DEPTH = 4
_FORMATS = {
    "date": st.dates().map(lambda d: d.isoformat()),
    "date-time": st.datetimes(timezones=st.sampled_from([None, timezone.utc])).map(lambda d: d.isoformat()),
    "time": st.times().map(lambda t: t.isoformat()),
    "uuid": st.uuids().map(str),
    "ipv4": st.ip_addresses(v=4).map(str),
    "ipv6": st.ip_addresses(v=6).map(str),
    "duration": st.integers(0, 10**6).map(lambda n: f"PT{n}S"),
    "email": st.from_regex(r"\A[a-z]{1,8}@[a-z]{1,8}\.com\Z"),
    "hostname": st.from_regex(r"\A[a-z]{1,8}(\.[a-z]{1,8}){0,2}\Z"),
}


def from_schema(schema: Dict[str, Any]) -> st.SearchStrategy[Any]:
    """Data valid against ``schema`` (a root schema whose ``$defs`` hold the references)."""
    return _node(schema, schema.get("$defs", {}), 0)


def _refs(node: Any) -> bool:
    return "$ref" in json.dumps(node)


def _node(node: Dict[str, Any], defs: Dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        target = defs[node["$ref"][len("#/$defs/"):]]
        return st.deferred(lambda: _node(target, defs, depth + 1))
    if "allOf" in node and len(node["allOf"]) == 1:
        return _node(node["allOf"][0], defs, depth)
    branches = node.get("anyOf") or node.get("oneOf")
    if branches:
        if depth >= MAX_DEPTH and any(not _refs(b) for b in branches):
            branches = [b for b in branches if not _refs(b)]
        return st.one_of([_node(b, defs, depth) for b in branches])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "const" in node:
        return st.just(node["const"])
    types = node.get("type")
    if isinstance(types, list):
        return st.one_of([_node({**node, "type": t}, defs, depth) for t in types])
    if types == "null":
        return st.none()
    if types == "boolean":
        return st.booleans()
    if types == "integer":
        return _integers(node)
    if types == "number":
        return _numbers(node)
    if types == "string":
        return _strings(node)
    if types == "array":
        return _arrays(node, defs, depth)
    if types == "object":
        return _objects(node, defs, depth)
    raise ValueError(f"no strategy for {node}")


def _integers(node: Dict[str, Any]) -> st.SearchStrategy[int]:
    low = node.get("minimum")
    high = node.get("maximum")
    if "exclusiveMinimum" in node:
        low = math.floor(node["exclusiveMinimum"]) + 1
    if "exclusiveMaximum" in node:
        high = math.ceil(node["exclusiveMaximum"]) - 1
    low = math.ceil(low) if low is not None else None
    high = math.floor(high) if high is not None else None
    step = node.get("multipleOf")
    if step:
        return st.integers(
            None if low is None else -(-low // step), None if high is None else high // step
        ).map(lambda n: n * step)
    return st.integers(low, high)


def _numbers(node: Dict[str, Any]) -> st.SearchStrategy[float]:
    return st.floats(
        min_value=node.get("minimum", node.get("exclusiveMinimum")),
        max_value=node.get("maximum", node.get("exclusiveMaximum")),
        exclude_min="exclusiveMinimum" in node,
        exclude_max="exclusiveMaximum" in node,
        allow_nan=False,
        allow_infinity=False,
    )


def _strings(node: Dict[str, Any]) -> st.SearchStrategy[str]:
    low, high = node.get("minLength", 0), node.get("maxLength")
    if node.get("format") in _FORMATS:
        base = _FORMATS[node["format"]]
    elif "pattern" in node:
        # JSON Schema (like the API's Rust regex) reads `$` as the end of the text;
        # Python's `$` also matches before a final newline.
        base = st.from_regex(re.sub(r"(?<!\\)\$", r"\\Z", node["pattern"]))
    else:
        return st.text(min_size=low, max_size=high)
    return base.filter(lambda s: len(s) >= low and (high is None or len(s) <= high))


def _arrays(node: Dict[str, Any], defs: Dict[str, Any], depth: int) -> st.SearchStrategy[list]:
    low = node.get("minItems", 0)
    high = node.get("maxItems", low + 3)
    if depth >= MAX_DEPTH and low == 0:
        return st.just([])
    items = _node(node.get("items", {"type": "integer"}), defs, depth + 1)
    unique = node.get("uniqueItems", False)
    return st.lists(items, min_size=low, max_size=min(high, low + 3), unique_by=(lambda v: json.dumps(v, sort_keys=True)) if unique else None)


def _objects(node: Dict[str, Any], defs: Dict[str, Any], depth: int) -> st.SearchStrategy[dict]:
    props = node.get("properties", {})
    required = set(node.get("required", []))
    return st.fixed_dictionaries(
        {k: _node(v, defs, depth + 1) for k, v in props.items() if k in required},
        optional={k: _node(v, defs, depth + 1) for k, v in props.items() if k not in required},
    )
